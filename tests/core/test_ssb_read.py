"""Reading Statistics Norway's own exports (tests/fixtures/ssb/, see its README) into one table shape.

Every fixture is read unedited; the counts of values and of each reason for
absence are SSB's, checked against the files. The small CSV and JSON texts
written inline below are made up, to reach layouts and faults no fixture has.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_cli.errors import KpiError, ResultsError
from kpi_cli.results.ssb.detect import is_ssb
from kpi_cli.results.ssb.read import parse_ssb, read_ssb
from kpi_cli.results.ssb.table import SsbTable, region_key

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ssb"
F05803 = FIXTURES / "ssb_05803_ekteskap_skilsmisser_statbank-download_wide.csv"
F06501_CSV = FIXTURES / "ssb_06501_skogeiere_statbank-download_latin1_wide.csv"
F06501_JSON = FIXTURES / "ssb_06501_skogeiere_jsonstat1_statbank-download.json"
F06913 = FIXTURES / "ssb_06913_folkemengde_fylke_api-v0-dataset_utf8.csv"
F07459 = FIXTURES / "ssb_07459_befolkning_kommune_jsonstat2_statbank-download.json"
F12134 = FIXTURES / "ssb_12134_kostra_nokkeltall_pxwebapi-v2_jsonstat2.json"
F12191 = FIXTURES / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json"


def _read(path: Path) -> SsbTable:
    return read_ssb(str(path))


# file, format, table id, cells, values, not_applicable, not_available, suppressed, regions, first and last year
FIXTURE_COUNTS = [
    (F05803, "csv-statbank", "05803", 26, 23, 0, 3, 0, 0, 1902, 2022),
    (F06501_CSV, "csv-statbank", "06501", 4250, 4066, 0, 162, 22, 25, 2005, 2021),
    (F06501_JSON, "jsonstat1", "06501", 4250, 4066, 0, 162, 22, 25, 2005, 2021),
    (F06913, "csv-dataset", "06913", 8775, 8775, 0, 0, 0, 27, 1951, 2015),
    (F07459, "jsonstat2", "07459", 359, 359, 0, 0, 0, 359, 2022, 2022),
    (F12134, "jsonstat2", "12134", 3, 3, 0, 0, 0, 3, 2024, 2024),
    (F12191, "jsonstat2", "12191", 135, 43, 90, 1, 1, 9, 2018, 2020),
]


@pytest.mark.parametrize(
    (
        "path",
        "kind",
        "table_id",
        "cells",
        "values",
        "not_applicable",
        "not_available",
        "suppressed",
        "regions",
        "first",
        "last",
    ),
    FIXTURE_COUNTS,
    ids=[row[0].name[:9] + row[1] for row in FIXTURE_COUNTS],
)
def test_every_fixture_reads_with_its_counts(
    path: Path,
    kind: str,
    table_id: str,
    cells: int,
    values: int,
    not_applicable: int,
    not_available: int,
    suppressed: int,
    regions: int,
    first: int,
    last: int,
) -> None:
    assert is_ssb(path.read_bytes())
    table = _read(path)
    assert (table.format, table.table_id) == (kind, table_id)
    assert len(table.cells) == cells
    assert sum(1 for cell in table.cells if cell.value is not None) == values
    reasons = Counter(cell.absence for cell in table.cells if cell.absence)
    assert (
        reasons
        == Counter({"not_applicable": not_applicable, "not_available": not_available, "suppressed": suppressed})
        - Counter()
    )
    assert all((cell.value is None) == (cell.absence is not None) for cell in table.cells)
    assert len(table.regions) == regions
    assert (table.years[0], table.years[-1]) == (first, last)


def test_06501_csv_and_jsonstat1_give_the_same_values_and_reasons_cell_by_cell() -> None:
    from_csv, from_json = _read(F06501_CSV), _read(F06501_JSON)
    assert from_csv.encoding == "iso-8859-1"
    metric = from_json.dimension("ContentsCode")
    assert metric is not None

    def by_key(table: SsbTable, label: bool) -> dict[tuple[str | None, str, str], tuple[Decimal | None, str | None]]:
        return {
            (cell.region, cell.time, metric.label_of(cell.other[0][1]) if label else cell.other[0][1]): (
                cell.value,
                cell.absence,
            )
            for cell in table.cells
        }

    csv_cells, json_cells = by_key(from_csv, False), by_key(from_json, True)
    assert len(csv_cells) == len(json_cells) == 4250
    assert csv_cells == json_cells
    assert csv_cells[("19", "2005", "Bruttoinntekt")] == json_cells[("19", "2005", "Bruttoinntekt")]
    # the region names agree too, the latin-1 'ø' intact
    assert dict((c.region, c.region_name) for c in from_csv.cells) == dict(
        (c.region, c.region_name) for c in from_json.cells
    )
    assert dict((c.region, c.region_name) for c in from_csv.cells)["01"] == "Østfold (-2019)"


def test_06913_data_set_csv_splits_codes_from_names_and_keeps_the_line() -> None:
    table = _read(F06913)
    first, last = table.cells[0], table.cells[-1]
    assert (first.region, first.region_name, first.year, first.other, first.value) == (
        "01",
        "Østfold",
        1951,
        (("statistikkvariabel", "Folkemengde"),),
        Decimal(185492),
    )
    assert (first.line, first.column, first.where()) == (2, 4, f"{F06913}:2:4")
    assert (last.region, last.region_name, last.line) == ("99", "Uoppgitt fylke", 8776)
    assert table.title.startswith("Folkemengde 1. januar og endringer")


def test_05803_statbank_download_has_years_across_and_bare_dots() -> None:
    table = _read(F05803)
    assert table.title.startswith("05803: Endringer i befolkningen i løpet av året")
    missing = [(cell.other[0][1], cell.time, cell.line, cell.column) for cell in table.cells if cell.absence]
    assert missing == [
        ("Inngåtte ekteskap", "1942", 4, 6),
        ("Inngåtte ekteskap", "2022", 4, 14),
        ("Skilsmisser", "2022", 5, 14),
    ]
    assert table.region_dimension is None and {cell.region for cell in table.cells} == {None}


def test_07459_regions_are_k_codes_and_aggregates_are_kept() -> None:
    table = _read(F07459)
    asker = [cell for cell in table.cells if cell.region == "K-3025"]
    assert [(cell.region_name, cell.year, cell.value, cell.index) for cell in asker] == [
        ("Asker", 2022, Decimal(96088), 21)
    ]
    assert asker[0].where() == f"{F07459}[value 21]"
    assert {"K-21-22", "K-23", "K-Rest"} <= set(table.regions)
    assert table.updated == "2022-02-24T07:00:00Z"


def test_12134_pxwebapi_v2_notes_mandatory_ones_and_region_dimension() -> None:
    table = _read(F12134)
    assert table.region_dimension == "KOKkommuneregion0000"
    assert [(c.region, c.region_name, c.value) for c in table.cells] == [
        ("0301", "Oslo - Oslove", Decimal(81240)),
        ("4601", "Bergen", Decimal(66605)),
        ("5001", "Trondheim - Tråante", Decimal(62853)),
    ]
    assert len(table.notes) == 5
    assert table.mandatory_notes == (table.notes[1], table.notes[3])
    assert table.mandatory_notes[1].startswith("Tall for landet uten Oslo publiseres ikke")
    assert table.updated == "2026-03-16T07:00:00Z"


def test_12191_without_a_geo_role_finds_the_region_by_name_and_keeps_decimals() -> None:
    table = _read(F12191)
    assert (table.region_dimension, table.time_dimension) == ("KOKkommuneregion0000", "Tid")
    by_index = {cell.index: cell for cell in table.cells}
    assert (by_index[53].region, by_index[53].time, by_index[53].absence, by_index[53].raw) == (
        "3039",
        "2020",
        "suppressed",
        ":",
    )
    assert (by_index[80].absence, by_index[80].raw) == ("not_available", "..")
    ergo = [c.value for c in table.cells if c.other == (("ContentsCode", "KOSergoaarsverk0000"),) and c.value]
    assert ergo[:2] == [Decimal("13.5"), Decimal("27.8")]


# --- made-up texts: layouts, encodings and symbols no fixture has -------------------------------


def _parse(text: str, encoding: str = "utf-8", name: str = "made-up.csv") -> SsbTable:
    return parse_ssb(text.encode(encoding), name)


def test_years_down_with_codes_and_names_and_decimal_comma() -> None:
    text = (
        '"region";"år";"statistikkvariabel";"12134: Utvalgte nøkkeltall"\r\n'
        '"3203 Asker";"2024";"Frie inntekter";"61234,5"\r\n'
        '"EKG13 Kostragruppe 13";"2024";"Frie inntekter";"60000.25"\r\n'
        '"EAK Landet";"2024";"Frie inntekter";"..."\r\n'
        '"0220 Asker (-2019)";"2024";"Frie inntekter";"-"\r\n'
    )
    table = _parse(text, "iso-8859-1")
    assert table.encoding == "iso-8859-1" and table.table_id == "12134"
    assert [(c.region, c.region_name, c.year, c.value, c.absence) for c in table.cells] == [
        ("3203", "Asker", 2024, Decimal("61234.5"), None),
        ("EKG13", "Kostragruppe 13", 2024, Decimal("60000.25"), None),
        ("EAK", "Landet", 2024, None, "not_available"),
        ("0220", "Asker (-2019)", 2024, Decimal(0), None),
    ]


def test_regions_across_and_tab_separated_with_a_bom() -> None:
    text = '\ufeff"statistikkvariabel"\t"år"\t"3203 Asker"\t"EKG13 Kostragruppe 13"\n"Frie inntekter"\t"2024"\t1,5\t:\n'
    table = _parse(text)
    assert table.format == "csv-dataset"
    assert [(c.region, c.year, c.value, c.absence, c.column) for c in table.cells] == [
        ("3203", 2024, Decimal("1.5"), None, 3),
        ("EKG13", 2024, None, "suppressed", 4),
    ]


def test_a_title_line_without_an_empty_line_after_it() -> None:
    table = _parse('"06913: Folkemengde"\n"region";"2020";"2021"\n"01 Østfold";1;.\n')
    assert table.format == "csv-statbank" and table.table_id == "06913"
    assert [(c.region, c.year, c.absence, c.line) for c in table.cells] == [
        ("01", 2020, None, 3),
        ("01", 2021, "not_applicable", 3),
    ]


def test_jsonstat2_status_as_a_list_and_sparse_values() -> None:
    text = (
        '{"version":"2.0","class":"dataset","id":["region","Tid"],"size":[2,1],'
        '"dimension":{"region":{"category":{"index":["3203","EAK"]}},"Tid":{"category":{"index":{"2024":0}}}},'
        '"value":{"0":12.5},"status":[null,":"]}'
    )
    table = _parse(text, name="made-up.json")
    assert (table.region_dimension, table.time_dimension) == ("region", "Tid")
    assert [(c.region, c.year, c.value, c.absence) for c in table.cells] == [
        ("3203", 2024, Decimal("12.5"), None),
        ("EAK", 2024, None, "suppressed"),
    ]


@pytest.mark.parametrize(
    ("code", "key"),
    [("3203", "3203"), ("K-3203", "3203"), ("3203 Asker", "3203"), ("EKG13", "EKG13"), ("eak", "EAK")],
)
def test_region_codes_in_every_spelling(code: str, key: str) -> None:
    assert region_key(code) == key


# --- malformed input: a located error, never a traceback ------------------------------------------

JSON_FAULTS = [
    ('{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":', 1, "invalid JSON"),
    (
        '{"class":"dataset","id":["a","Tid"],\n"size":[2],"dimension":{},"value":[1,2]}',
        2,
        "'id' names 2 dimensions but 'size' gives 1",
    ),
    (
        '{"class":"dataset","id":["Tid"],"size":[3],\n"dimension":{"Tid":{"category":{"index":{"2020":0}}}},"value":[1]}',
        2,
        "dimension 'Tid' has 1 categories but its size is 3",
    ),
    (
        '{"class":"dataset","id":["Tid"],"size":[2],"dimension":{"Tid":{"category":{"index":["2020","2021"]}}},\n'
        '"value":[1]}',
        2,
        "'value' has 1 entries but the dimensions' sizes give 2",
    ),
    (
        '{"class":"dataset","id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":["2020"]}}},'
        '"value":[null],\n"status":{"7":".."}}',
        2,
        "'status' has index '7', outside the cube's 1 values",
    ),
    (
        '{"class":"dataset","id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":["2020"]}}},'
        '"value":["many"]}',
        1,
        "value 0 is 'many', not a number, null or an SSB symbol",
    ),
    # found by fuzzing: '²' is a digit to str.isdigit, not to int()
    (
        '{"id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":["2020"]}}},"value":{"²":1}}',
        1,
        "'value' has index '²', outside the cube's 1 values",
    ),
    ('{"dataset": {"label": "no dimensions"}}', 1, "no data set"),
    ("[1, 2]", 1, "the file is not a JSON object"),
]


@pytest.mark.parametrize(("text", "line", "message"), JSON_FAULTS)
def test_malformed_jsonstat_is_a_located_error(text: str, line: int, message: str) -> None:
    with pytest.raises(ResultsError) as caught:
        _parse(text, name="bad.json")
    assert caught.value.path == "bad.json"
    assert caught.value.line == line
    assert message in caught.value.message


MORE_JSON = [
    # status as one symbol for every value; a value written as a symbol
    (
        '{"id":["Tid"],"size":[2],"dimension":{"Tid":{"category":{"index":["2020","2021"]}}},'
        '"value":[null,":"],"status":".."}',
        [("2020", "not_available"), ("2021", "suppressed")],
    ),
    # JSON-stat 1.0 bundle under another name than "dataset"; a lone category given by its label
    (
        '{"ds":{"dimension":{"id":["Tid","c"],"size":[1,1],"Tid":{"category":{"label":{"2020":"2020"}}},'
        '"c":{"category":{"label":{"x":"X"}}}},"value":[1]}}',
        [("2020", None)],
    ),
]


@pytest.mark.parametrize(("text", "cells"), MORE_JSON)
def test_more_jsonstat_spellings(text: str, cells: list[tuple[str, str | None]]) -> None:
    table = _parse(text, name="made-up.json")
    assert [(cell.time, cell.absence) for cell in table.cells] == cells


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id":["Tid"],"size":[1.5],"dimension":{},"value":[]}', "'size' must list whole numbers"),
        (
            '{"id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":{"2020":"a"}}}},"value":[1]}',
            "dimension 'Tid': category index must be numbers",
        ),
        (
            '{"id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":["2020"]}}},"value":7}',
            "'value' must be a list or an object",
        ),
        (
            '{"id":["Tid"],"size":[1],"dimension":{"Tid":{"category":{"index":["2020"]}}},"value":[1],"status":7}',
            "'status' must be an object",
        ),
        ('{"id":"Tid","size":[1],"dimension":{},"value":[1]}', "'id' must be a list"),
        ("[" * 100000 + "]" * 100000, "invalid JSON"),
        (  # three dimensions of 300 categories: 27 million values from a small file
            '{"id":["a","b","c"],"size":[300,300,300],"dimension":{'
            + ",".join(
                f'"{d}":{{"category":{{"index":{list(map(str, range(300)))}}}}}'.replace("'", '"') for d in "abc"
            )
            + '},"value":{}}',
            "the dimensions' sizes give 27000000 values, more than the 1000000 kpi reads in one table",
        ),
    ],
)
def test_more_malformed_jsonstat(text: str, message: str) -> None:
    with pytest.raises(ResultsError, match=message):
        _parse(text, name="bad.json")


def test_encoding_problems_are_located_errors(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="unknown encoding 'nope'"):
        parse_ssb(b"x", "a.csv", encoding="nope")
    with pytest.raises(ResultsError) as caught:
        parse_ssb(F06501_CSV.read_bytes(), "latin1.csv", encoding="utf-8")
    assert caught.value.format().startswith("latin1.csv:1: error: not valid utf-8")  # the title's 'år'
    with pytest.raises(ResultsError, match="cannot read file"):
        read_ssb(str(tmp_path))


def test_a_truncated_fixture_is_a_located_error() -> None:
    data = F12191.read_bytes()[:3000]
    with pytest.raises(ResultsError) as caught:
        parse_ssb(data, "cut.json")
    lines = data.count(b"\n") + 1
    assert caught.value.format().startswith(f"cut.json:{lines}:")


def test_bad_csv_cells_are_reported_together_with_line_and_column() -> None:
    text = '"region";"tid";"statistikkvariabel";"Folkemengde"\n"01 Østfold";"2020";"A";12x\n"02";"2020";"A"\n'
    with pytest.raises(KpiError) as caught:
        _parse(text, name="bad.csv")
    assert [error.format() for error in caught.value.errors] == [
        "bad.csv:2:4: error: value '12x' is not a number or an SSB symbol [invalid-value]",
        "bad.csv:3: error: row has 3 fields but the header has 4 [field-count]",
    ]


def test_an_empty_file_and_a_missing_file_are_errors() -> None:
    with pytest.raises(ResultsError, match="the file is empty"):
        parse_ssb(b"\n\n", "empty.csv")
    with pytest.raises(ResultsError, match="file not found"):
        read_ssb("no/such/file.json")


def test_kpi_results_files_are_not_taken_for_ssb_exports() -> None:
    assert not is_ssb(b"indicator;year;value\nL.1.1;2014;4,5\n")
    assert not is_ssb(b"indikator;2014;2015\nL.1.1;4,5;4,6\n")
    assert is_ssb(b'"region";"tid";"statistikkvariabel";"Folkemengde"\n"01 \xd8stfold";"2020";"A";1\n')
