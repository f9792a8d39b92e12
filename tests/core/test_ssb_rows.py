"""An SSB table -> result rows for the municipality, benchmark values and the rest accounted for.

Tables are SSB's own (tests/fixtures/ssb/); the definitions snippets and the small
CSV of old and new municipality numbers are made up.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kpi_cli.definitions.ssb_fields import SsbMapping, SsbSource, parse_mapping
from kpi_cli.errors import KpiError
from kpi_cli.model import Location
from kpi_cli.results.ssb.read import parse_ssb, read_ssb
from kpi_cli.results.ssb.rows import convert

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ssb"
F06913 = str(FIXTURES / "ssb_06913_folkemengde_fylke_api-v0-dataset_utf8.csv")
F07459 = str(FIXTURES / "ssb_07459_befolkning_kommune_jsonstat2_statbank-download.json")
F12134 = str(FIXTURES / "ssb_12134_kostra_nokkeltall_pxwebapi-v2_jsonstat2.json")
F12191 = str(FIXTURES / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json")


def _mapping(codes: tuple[str, ...], benchmarks: tuple[str, ...], *sources: SsbSource) -> SsbMapping:
    return SsbMapping(codes, None, benchmarks, sources)


def test_12134_municipality_row_benchmark_and_the_rest_counted() -> None:
    source = SsbSource("X.1", "12134", (("ContentsCode", "KOSAG110000"),))
    done = convert(read_ssb(F12134), _mapping(("0301",), ("4601",), source))
    assert [(r.indicator, r.year, r.value, r.org_unit, r.raw, r.location) for r in done.rows] == [
        ("X.1", 2024, Decimal(81240), None, "81240", Location(f"{F12134}[value 0]"))
    ]
    bergen = done.benchmarks[("X.1", 2024, "4601")]
    assert (bergen.name, bergen.value, bergen.absence) == ("Bergen", Decimal(66605), None)
    assert dict(done.unused) == {"other_region": 1}
    assert done.errors == []


def test_07459_k_codes_old_and_new_numbers_and_all_regions() -> None:
    table = read_ssb(F07459)
    source = SsbSource("P", "07459", (("statistikkvariabel", "Personer"),))  # by labels
    asker = convert(table, _mapping(("3203", "3025"), ("K-Rest",), source))
    assert [(r.year, r.value, r.org_unit) for r in asker.rows] == [(2022, Decimal(96088), None)]
    assert asker.benchmarks[("P", 2022, "REST")].name == "Delte kommuner og uoppgitt"
    assert dict(asker.unused) == {"other_region": 357}
    every = convert(table, _mapping(("3203",), ("K-Rest",), source), all_regions=True)
    assert len(every.rows) == 356
    assert len({row.org_unit for row in every.rows}) == 356
    assert [(r.org_unit, r.value) for r in every.rows if r.org_unit and r.org_unit.startswith("3025")] == [
        ("3025 Asker", Decimal(96088))
    ]
    assert dict(every.unused) == {"other_region": 2}  # K-21-22 and K-23: aggregates, not org units


def test_12191_absence_reasons_reach_the_rows() -> None:
    source = SsbSource("H.1", "12191", (("ContentsCode", "KOSergoaarsverk0000"),))
    done = convert(read_ssb(F12191), _mapping(("3039",), ("3005",), source))
    assert [(r.year, r.value, r.absence, r.raw) for r in done.rows] == [
        (2018, None, "not_applicable", "."),
        (2019, None, "not_applicable", "."),
        (2020, None, "not_available", ".."),
    ]
    assert [(key[1], b.value) for key, b in sorted(done.benchmarks.items())] == [
        (2018, None),
        (2019, None),
        (2020, Decimal("27.8")),
    ]
    assert dict(done.unused) == {"not_selected": 108, "other_region": 21}
    assert sum(done.unused.values()) + len(done.rows) + len(done.benchmarks) == 135


def test_a_value_wins_over_an_absence_and_the_newest_number_over_the_old() -> None:
    text = (
        '"region";"år";"statistikkvariabel";"99999: Made up"\n'
        '"0220 Asker (-2019)";"2019";"A";10\n"3203 Asker";"2019";"A";.\n'
        '"0220 Asker (-2019)";"2024";"A";.\n"3203 Asker";"2024";"A";20\n'
        '"0220 Asker (-2019)";"2025";"A";5\n"3203 Asker";"2025";"A";30\n'
    )
    table = parse_ssb(text.encode(), "made-up.csv")
    done = convert(table, _mapping(("3203", "0220"), (), SsbSource("A.1", "99999")))
    assert [(r.year, r.value, r.location) for r in done.rows] == [
        (2019, Decimal(10), Location("made-up.csv", 2, 4)),
        (2024, Decimal(20), Location("made-up.csv", 5, 4)),
        (2025, Decimal(30), Location("made-up.csv", 7, 4)),
    ]
    assert dict(done.unused) == {"replaced": 3}


def test_a_table_no_indicator_names_is_accounted_as_other_table() -> None:
    done = convert(read_ssb(F12134), _mapping(("0301",), (), SsbSource("X.1", "12191")))
    assert (done.rows, done.benchmarks, dict(done.unused)) == ([], {}, {"other_table": 3})


@pytest.mark.parametrize(
    ("select", "message"),
    [
        ((), "H.1: ssb select must fix ContentsCode (one of KOSavtalehjemler0001, KOShjemmebesokjo0000"),
        ((("Contents", "x"),), "H.1: ssb select: table has no dimension 'Contents' (did you mean ContentsCode?)"),
        (
            (("ContentsCode", "KOSergoaarsverk000"),),
            "H.1: ssb select: ContentsCode has no category 'KOSergoaarsverk000' (did you mean KOSergoaarsverk0000?)",
        ),
        ((("Tid", "2020"),), "H.1: ssb select: table has no dimension 'Tid'"),
    ],
)
def test_a_select_that_does_not_fit_the_table_is_an_error(select: tuple[tuple[str, str], ...], message: str) -> None:
    done = convert(read_ssb(F12191), _mapping(("3039",), (), SsbSource("H.1", "12191", select)))
    assert [error.path for error in done.errors] == [F12191]
    assert message in done.errors[0].message
    assert done.rows == [] and dict(done.unused) == {"not_selected": 135}


def test_06913_csv_selects_by_label() -> None:
    source = SsbSource("F.1", "06913", (("statistikkvariabel", "Folkemengde"),))
    done = convert(read_ssb(F06913), _mapping(("03",), ("01",), source))
    assert len(done.rows) == 65 and len(done.benchmarks) == 65
    assert (done.rows[0].year, done.rows[0].value) == (1951, Decimal(434365))  # "03 Oslo";"1951";"Folkemengde";434365


DEFINITIONS = """\
scorecard: Made-up kommune
municipality: {code: ["3203", "0220"], name: Asker}
benchmarks: [EKG13, EAK]
focus_areas:
  - id: Ø
    goals:
      - id: Ø.3
        indicators:
          - id: X.1
            ssb: {table: "12134", select: {ContentsCode: KOSAG110000}}
          - id: X.2
            name: no source
"""


def test_parse_mapping_reads_the_keys_wherever_indicators_are() -> None:
    mapping = parse_mapping(yaml.compose(DEFINITIONS), "indicators.yaml")
    assert (mapping.municipality, mapping.name, mapping.benchmarks) == (("3203", "0220"), "Asker", ("EKG13", "EAK"))
    assert mapping.sources == (
        SsbSource("X.1", "12134", (("ContentsCode", "KOSAG110000"),), Location("indicators.yaml", 10, 18)),
    )
    assert mapping.source("X.2") is None


def test_parse_mapping_reports_every_problem_at_its_line() -> None:
    text = (
        "municipality: {kode: 3203}\nbenchmarks: []\nindicators:\n"
        "  - id: X.1\n    ssb: 12134\n  - id: X.2\n    ssb: {select: [a]}\n"
    )
    with pytest.raises(KpiError) as caught:
        parse_mapping(yaml.compose(text), "d.yaml")
    assert [error.format() for error in caught.value.errors] == [
        "d.yaml:1:15: error: municipality: unknown key 'kode'; allowed: code, name, kolada [unknown-key]",
        "d.yaml:1:15: error: municipality: missing required key 'code' (or 'kolada') [missing-key]",
        "d.yaml:2:13: error: benchmarks must name at least one region [empty-value]",
        'd.yaml:5:10: error: indicator X.1: ssb must be a mapping: {table: "12134", select: {ContentsCode: ...}}'
        " [wrong-type]",
        "d.yaml:7:10: error: indicator X.2: ssb: missing required key 'table' (the table number, such as \"12134\")"
        " [missing-key]",
        "d.yaml:7:19: error: indicator X.2: ssb: select must be a mapping of dimension: category [wrong-type]",
    ]


def test_two_free_dimensions_selected_in_any_order_and_by_label() -> None:
    text = (
        '{"id":["Kjonn","Region","ContentsCode","Tid"],"size":[2,1,2,1],"role":{"geo":["Region"],"time":["Tid"]},'
        '"dimension":{"Kjonn":{"category":{"index":["1","2"],"label":{"1":"Menn","2":"Kvinner"}}},'
        '"Region":{"category":{"index":["3203"]}},"ContentsCode":{"category":{"index":["A","B"]}},'
        '"Tid":{"category":{"index":["2024"]}}},"value":[1,2,3,4]}'
    )
    table = parse_ssb(text.encode(), "made-up.json")
    source = SsbSource("K.1", "", (("ContentsCode", "B"), ("Kjonn", "kvinner")))
    done = convert(table, _mapping(("3203",), (), source))
    assert [(r.value, r.location) for r in done.rows] == [(Decimal(4), Location("made-up.json[value 3]"))]
    assert dict(done.unused) == {"not_selected": 3}
