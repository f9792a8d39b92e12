"""kpi_cli.results (parse_value, read_results), kpi_cli.evaluate (evaluate) and the gate of kpi_cli.view.

All results files here are made up for the tests; only the definitions are the seed's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_IDS, SEED_INDICATORS, SEED_RESULTS

from kpi_cli.definitions import load_definitions
from kpi_cli.errors import KpiError, ResultsError
from kpi_cli.evaluate import evaluate
from kpi_cli.model import Location, PhaseState, ResultRow, Status
from kpi_cli.results import parse_value, read_results
from kpi_cli.view import Gate, build

# --- parse_value ------------------------------------------------------------------------------


def failing(report, fail_on="not_approved", fail_on_missing=False):
    """The results that fail the gate: the view's failing set (the exit code reads the same)."""
    return list(build(report, Gate(fail_on, fail_on_missing)).failing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,51", Decimal("4.51")),
        ("4.51", Decimal("4.51")),
        ("  4,72 ", Decimal("4.72")),
        ("6", Decimal("6")),
        ("0", Decimal("0")),
        ("-1,5", Decimal("-1.5")),
        ("\u22121,5", Decimal("-1.5")),  # U+2212 minus sign
        ("4,5 %", Decimal("4.5")),
        ("4,5%", Decimal("4.5")),
        ("12 %poeng", Decimal("12")),
        ("3,2 poeng", Decimal("3.2")),
        ("4,5 mill. kr.", Decimal("4.5")),
        ("1 234,5", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),  # no-break space groups thousands
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("4,45", Decimal("4.45")),
    ],
)
def test_parse_value_numbers(text, expected):
    value = parse_value(text)
    assert isinstance(value, Decimal)
    assert value == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "-",
        "..",
        "Ikke målt",
        "ikke målt",
        "IKKE MÅLT",
        "Ny indikator fra 2017",
        "Ny indikator fra 2015",
        "ny indikator",
        "\u2013",
    ],
)
def test_parse_value_no_result(text):
    assert parse_value(text) is None


@pytest.mark.parametrize("text", ["abc", "mye", "4,5 eller mer", "4 5", "4,5,6", "x4", "4,5;3", "fire"])
def test_parse_value_not_a_number(text):
    with pytest.raises(ValueError, match="is not a number"):
        parse_value(text)


# --- read_results -----------------------------------------------------------------------------


def test_read_seed_results():
    read = read_results([SEED_RESULTS])
    assert read.errors == []
    assert [(row.indicator, row.year, row.value, row.org_unit) for row in read.rows] == [
        ("L.1.1", 2014, Decimal("4.51"), None),
        ("L.1.2", 2014, Decimal("4.72"), None),
        ("L.2.1", 2014, None, None),
        ("L.2.2", 2014, None, None),
        ("L.2.3", 2014, None, None),
    ]
    assert [row.raw for row in read.rows] == ["4,51", "4,72", "Ny indikator fra 2015", *["Ny indikator fra 2017"] * 2]
    assert [row.location.line for row in read.rows] == [2, 3, 4, 5, 6]
    assert all(row.location.path == str(SEED_RESULTS) for row in read.rows)
    [log] = read.logs
    assert log.path == str(SEED_RESULTS)
    assert log.encoding == "utf-8"
    assert log.delimiter == ";"
    assert log.layout == "long"
    assert log.file_year == 2014
    assert (log.rows_read, log.rows_with_value, log.rows_without_value) == (5, 2, 3)
    assert log.rejected == []
    assert read.paths == [str(SEED_RESULTS)]


def test_read_keeps_every_bad_row_with_its_line(write):
    path = write(
        "made_up.csv",
        "indikator;år;verdi\n"  # 1
        "L.1.1;2014;4,51\n"  # 2
        "\n"  # 3 blank: skipped, still counted as a line
        "L.1.2;2014;mye\n"  # 4 not a number
        ";2014;4\n"  # 5 no id
        "L.2.1;tjue;4\n"  # 6 not a year
        "L.1.2;2014;4,6;extra\n",  # 7 too many fields
    )
    read = read_results([path])
    assert [(row.indicator, row.value, row.location) for row in read.rows] == [
        ("L.1.1", Decimal("4.51"), Location(str(path), 2)),
    ]
    assert [error.format() for error in read.errors] == [
        f"{path}:4: error: L.1.2: value 'mye' is not a number",
        f"{path}:5: error: row has no indicator id",
        f"{path}:6: error: L.2.1: year 'tjue' is not a year",
        f"{path}:7: error: row has 4 fields but the header has 3",
    ]
    assert all(isinstance(error, ResultsError) for error in read.errors)
    [log] = read.logs
    assert log.rejected == read.errors
    assert log.rows_read == 5
    with pytest.raises(KpiError) as caught:
        read.raise_if_errors()
    assert len(caught.value.errors) == 4


def test_read_comma_file_with_decimal_commas(write):
    path = write("made_up.csv", 'indicator,year,value\nL.1.1,2014,"4,51"\nL.1.2,2014,4,72\n')
    read = read_results([path])
    assert [(row.indicator, row.value) for row in read.rows] == [("L.1.1", Decimal("4.51"))]
    assert [error.format() for error in read.errors] == [
        f"{path}:3: error: row has 4 fields but the header has 3: a decimal comma in a comma-separated file? "
        "Quote the value or separate with ;"
    ]
    assert read.logs[0].delimiter == ","


def test_read_tab_file(write):
    path = write("made_up.tsv", "Indikator\tÅr\tVerdi\nL.1.1\t2015\t4,2\n")
    read = read_results([path])
    assert read.errors == []
    assert [(row.indicator, row.year, row.value) for row in read.rows] == [("L.1.1", 2015, Decimal("4.2"))]
    assert read.logs[0].delimiter == "\t"


def test_read_windows_1252(write):
    path = write(
        "made_up.csv",
        "Tjenesteområde;Indikator;År;Verdi\r\n"
        "Helse og omsorg;L.1.1;2014;4,2\r\n"
        "Oppvekst og læring;L.1.2;2014;Ikke målt\r\n",
        encoding="cp1252",
    )
    read = read_results([path])
    assert read.errors == []
    assert [(row.indicator, row.org_unit, row.value, row.raw) for row in read.rows] == [
        ("L.1.1", "Helse og omsorg", Decimal("4.2"), "4,2"),
        ("L.1.2", "Oppvekst og læring", None, "Ikke målt"),
    ]
    assert read.logs[0].encoding == "cp1252"


def test_read_utf8_bom(write):
    path = write("made_up.csv", b"\xef\xbb\xbf" + "Indikator;År;Verdi\nL.1.1;2014;4,51\n".encode())
    read = read_results([path])
    assert read.errors == []
    assert [(row.indicator, row.value) for row in read.rows] == [("L.1.1", Decimal("4.51"))]
    assert read.logs[0].encoding == "utf-8-sig"


def test_read_wide(write):
    path = write("made_up.csv", "Indikator;Resultat 2014;Resultat 2015\nL.1.1;4,51;4,2\nL.1.2;Ikke målt;4,7\n")
    read = read_results([path])
    assert read.errors == []
    assert read.logs[0].layout == "wide"
    assert [(row.indicator, row.year, row.value, row.location.line) for row in read.rows] == [
        ("L.1.1", 2014, Decimal("4.51"), 2),
        ("L.1.1", 2015, Decimal("4.2"), 2),
        ("L.1.2", 2014, None, 3),
        ("L.1.2", 2015, Decimal("4.7"), 3),
    ]


def test_read_year_from_file_name_then_option(write):
    named = write("dir/resultater_2016.csv", "indikator;verdi\nL.1.1;4,51\n")
    unnamed = write("dir/resultater.csv", "indikator;verdi\nL.1.1;4,51\n")
    assert [row.year for row in read_results([named]).rows] == [2016]
    assert read_results([named]).logs[0].file_year == 2016
    assert [row.year for row in read_results([unnamed], year=2013).rows] == [2013]
    no_year = read_results([unnamed])
    assert no_year.rows == []
    assert [error.format() for error in no_year.errors] == [
        f"{unnamed}:1: error: no year: add a year column (år), put the year in the file name "
        "(results/2014.csv) or give --year"
    ]


def test_read_year_column_wins_over_file_name(write):
    path = write("2014.csv", "indikator;år;verdi\nL.1.1;2015;4,51\nL.1.2;;4,2\n")
    read = read_results([path])
    assert [(row.indicator, row.year) for row in read.rows] == [("L.1.1", 2015), ("L.1.2", 2014)]


def test_read_missing_value_column(write):
    path = write("made_up.csv", "Indikator;År;Navn\nL.1.1;2014;x\n")
    read = read_results([path])
    assert read.rows == []
    [error] = read.errors
    assert error.line == 1
    assert error.message.startswith("missing column value: found 'indikator', 'år', 'navn'; accepted names are value:")


def test_read_missing_file(tmp_path):
    missing = tmp_path / "nowhere.csv"
    read = read_results([missing])
    assert read.rows == []
    assert [error.format() for error in read.errors] == [f"{missing}: error: results file not found"]


def test_read_folder_reads_its_results_files_in_order(write, tmp_path):
    write("folder/2015.csv", "indikator;verdi\nL.1.1;4,2\n")
    write("folder/2014.csv", "indikator;verdi\nL.1.1;4,51\n")
    write("folder/notes.md", "not results\n")
    read = read_results([tmp_path / "folder"])
    assert read.errors == []
    assert [(row.year, row.value) for row in read.rows] == [(2014, Decimal("4.51")), (2015, Decimal("4.2"))]
    assert [log.path.rsplit("/", 1)[1] for log in read.logs] == ["2014.csv", "2015.csv"]


def test_read_explicit_delimiter_and_encoding(write):
    path = write("made_up.csv", "indikator|år|verdi\nL.1.1|2014|4,51\n".replace("|", ";"), encoding="latin-1")
    read = read_results([path], delimiter=";", encoding="latin-1")
    assert read.errors == []
    assert read.rows[0].value == Decimal("4.51")
    assert read.logs[0].encoding == "latin-1"


def test_read_unknown_encoding(write):
    path = write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;4,51\n")
    read = read_results([path], encoding="no-such-codec")
    assert [error.format() for error in read.errors] == [f"{path}: error: unknown encoding 'no-such-codec'"]


# --- evaluate / the gate -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    return load_definitions(SEED_INDICATORS)


def row(indicator, value, year=2014, org_unit=None, line=2):
    # Made-up result rows, as a results file would give them.
    number = None if value is None else Decimal(value)
    return ResultRow(indicator, year, number, org_unit, value or "", Location("made_up.csv", line))


def test_evaluate_seed_results(seed):
    read = read_results([SEED_RESULTS])
    report = evaluate(seed, read.rows, 2014)
    assert report.year == 2014
    assert [(r.indicator.id, r.org_unit, r.value, r.status, r.state) for r in report.results] == [
        ("L.1.1", None, Decimal("4.51"), Status.DESIRED, PhaseState.ACTIVE),
        ("L.1.2", None, Decimal("4.72"), Status.DESIRED, PhaseState.ACTIVE),
        ("L.2.1", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
        ("L.2.2", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
        ("L.2.3", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
    ]
    assert report.findings == ()
    assert report.other_years == ()
    assert report.counts()[Status.DESIRED] == 2
    assert report.counts()[Status.NOT_PHASED_IN] == 3
    assert failing(report) == []
    assert failing(report, "accepted", True) == []


@pytest.mark.parametrize(
    ("value", "status", "in_gap"),
    [
        ("6", Status.DESIRED, False),
        ("4.5", Status.DESIRED, False),
        ("4.47", Status.ACCEPTED, True),
        ("4.45", Status.ACCEPTED, True),
        ("4.4", Status.ACCEPTED, False),
        ("4", Status.ACCEPTED, False),
        ("3.95", Status.NOT_APPROVED, True),
        ("3.9", Status.NOT_APPROVED, False),
        ("1", Status.NOT_APPROVED, False),
    ],
)
def test_evaluate_rates_l11(seed, value, status, in_gap):
    report = evaluate(seed, [row("L.1.1", value)], 2014)
    [result] = [r for r in report.results if r.indicator.id == "L.1.1"]
    assert result.status is status
    assert result.rating.in_gap is in_gap


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("5", Status.ACCEPTED),
        ("5.01", Status.DESIRED),
        ("4.9", Status.ACCEPTED),
        ("2", Status.ACCEPTED),
        ("1.99", Status.NOT_APPROVED),
        ("-3", Status.NOT_APPROVED),
        ("250", Status.DESIRED),
    ],
)
def test_evaluate_rates_l21_once_phased_in(seed, value, status):
    report = evaluate(seed, [row("L.2.1", value, year=2016)], 2016)
    assert {r.indicator.id: r.status for r in report.results}["L.2.1"] is status


def test_evaluate_phase_in_states(seed):
    rows = [row("L.2.1", "7", year=2014), row("L.2.2", "50", year=2017, line=3)]
    pending = evaluate(seed, rows, 2014)
    statuses = {r.indicator.id: r.status for r in pending.results}
    assert statuses["L.2.1"] is Status.NOT_PHASED_IN  # a result given is shown, not rated
    assert {r.indicator.id: r.value for r in pending.results}["L.2.1"] == Decimal(7)
    assert pending.other_years == (2017,)
    later = evaluate(seed, rows, 2017)
    statuses = {r.indicator.id: r.status for r in later.results}
    assert statuses["L.2.1"] is Status.MISSING
    assert statuses["L.2.2"] is Status.NO_TARGET
    assert statuses["L.2.3"] is Status.NO_TARGET
    assert [f.message for f in later.findings] == [
        "L.2.2 is phased in from 2017 but has no bands",
        "L.2.3 is phased in from 2017 but has no bands",
    ]


def test_evaluate_org_units(seed):
    rows = [
        row("L.1.1", "4.2", org_unit="Helse og omsorg"),
        row("L.1.1", "4.6", org_unit="Oppvekst og læring", line=3),
        row("L.1.1", "3.0", line=4),
    ]
    report = evaluate(seed, rows, 2014)
    got = {(r.org_unit, r.indicator.id): r.status for r in report.results}
    assert got[(None, "L.1.1")] is Status.NOT_APPROVED
    assert got[("Helse og omsorg", "L.1.1")] is Status.ACCEPTED
    assert got[("Oppvekst og læring", "L.1.1")] is Status.DESIRED
    assert got[("Helse og omsorg", "L.1.2")] is Status.MISSING
    assert len(report.results) == 3 * len(SEED_IDS)


def test_evaluate_raises_every_row_problem(seed):
    rows = [
        row("L1.1", "4.6", line=2),
        row("L.1.1", "4.51", line=3),
        row("L.1.1", "4.7", line=4),
        row("L.1.2", "47.1", line=5),
        row("L.1.2", "0.5", year=2013, line=6),
    ]
    with pytest.raises(KpiError) as caught:
        evaluate(seed, rows, 2014)
    assert sorted(error.format() for error in caught.value.errors) == [
        "made_up.csv:2: error: unknown indicator 'L1.1' (did you mean L.1.1?)",
        "made_up.csv:4: error: duplicate result for L.1.1 2014: already given at made_up.csv:3",
        "made_up.csv:5: error: L.1.2: value 47,1 is outside the scale 1 - 6 (score 1-6): a typing error?",
        "made_up.csv:6: error: L.1.2: value 0,5 is outside the scale 1 - 6 (score 1-6): a typing error?",
    ]


def test_duplicates_are_per_org_unit(seed):
    rows = [row("L.1.1", "4.6", org_unit="Oppvekst", line=2), row("L.1.1", "4.6", org_unit="Helse", line=3)]
    report = evaluate(seed, rows, 2014)
    assert {r.org_unit for r in report.results} == {"Helse", "Oppvekst"}


@pytest.mark.parametrize(
    ("fail_on", "fail_on_missing", "expected"),
    [
        ("not_approved", False, ["L.1.1"]),
        ("accepted", False, ["L.1.1", "L.1.2"]),
        ("never", False, []),
        ("not_approved", True, ["L.1.1", "L.2.1"]),
        ("accepted", True, ["L.1.1", "L.1.2", "L.2.1"]),
        ("never", True, ["L.2.1"]),
    ],
)
def test_failing(seed, fail_on, fail_on_missing, expected):
    # Made up for 2016: L.1.1 not approved, L.1.2 accepted, L.2.1 missing; L.2.2/L.2.3 not phased in.
    report = evaluate(seed, [row("L.1.1", "3.5", 2016), row("L.1.2", "4.2", 2016, line=3)], 2016)
    assert [r.indicator.id for r in failing(report, fail_on, fail_on_missing)] == expected


def test_failing_defaults_to_not_approved(seed):
    report = evaluate(seed, [row("L.1.1", "3.5"), row("L.1.2", "4.2", line=3)], 2014)
    assert [r.indicator.id for r in failing(report)] == ["L.1.1"]


def test_failing_rejects_an_unknown_level(seed):
    report = evaluate(seed, [], 2014)
    with pytest.raises(ValueError):
        failing(report, "missing")


def test_evaluate_with_no_rows_is_all_missing_or_pending(seed):
    report = evaluate(seed, [], 2014)
    assert [(r.indicator.id, r.status) for r in report.results] == [
        ("L.1.1", Status.MISSING),
        ("L.1.2", Status.MISSING),
        ("L.2.1", Status.NOT_PHASED_IN),
        ("L.2.2", Status.NOT_PHASED_IN),
        ("L.2.3", Status.NOT_PHASED_IN),
    ]
    assert [r.indicator.id for r in failing(report, fail_on_missing=True)] == ["L.1.1", "L.1.2"]
