"""kpi_cli.results.values.parse_value and kpi_cli.results.read.read_results.

All results files here are made up for the tests; only the definitions are the seed's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_INDICATORS, SEED_RESULTS

from kpi_cli.definitions.load import load_definitions
from kpi_cli.errors import KpiError, ResultsError, UsageError
from kpi_cli.model import Location, Status
from kpi_cli.rating.evaluate import evaluate_results, year_to_show
from kpi_cli.results.dialects import SourceKind
from kpi_cli.results.read import read_results
from kpi_cli.results.values import parse_value, read_value
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


@pytest.mark.parametrize("text", ["4,5 eller mer", "4 5", "4,5,6", "x4", "4,5;3", "ca 45 %", "fire 4"])
def test_parse_value_not_a_number(text):
    with pytest.raises(ValueError, match="is not a number"):
        parse_value(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ingen merknadar",  # two words: the same rule as a sentence (docs/explanation/values-as-written.md)
        "Ikke rapportert",
        "mye",
        "fire",
        "x",
        "?",
        "Resultat foreligger ikke før i juni",
        "N/A*",
    ],
)
def test_a_cell_without_a_digit_is_no_result_with_a_note_whatever_its_length(text):
    assert read_value(text) == (None, "result-text")


def test_words_in_a_result_cell_are_a_located_note_and_the_report_goes_on(tmp_path):
    from conftest import cli_runner

    from kpi_cli.cli import main

    path = tmp_path / "2014.csv"  # made up
    path.write_text("indikator;år;verdi\nL.1.1;2014;4,51\nL.1.2;2014;Ingen merknadar\nL.2.2;2014;\n", "utf-8")
    read = read_results([path])
    assert read.errors == []
    assert [(row.indicator, row.value, row.raw) for row in read.rows][1] == ("L.1.2", None, "Ingen merknadar")
    assert [note.format() for note in read.notes] == [
        f"{path}:3: note: L.1.2: 'Ingen merknadar' read as no result [result-text]"
    ]
    result = cli_runner().invoke(
        main, ["evaluate", "-v", "--lang", "en", str(path), "--indicators", str(SEED_INDICATORS)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "kpi: 3 results read = 1 rated + 0 shown, not rated + 2 without a result (1 written as words) + 0 rejected"
        in result.stderr.splitlines()
    )
    assert f"{path}:3: note: L.1.2: 'Ingen merknadar' read as no result [result-text]" in result.stderr


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
    assert (log.kind, log.sheet, log.results_read) == (SourceKind.CSV, None, 5)
    assert log.rejected == []
    assert read.paths == [str(SEED_RESULTS)]


def test_read_keeps_every_bad_row_with_its_line(write):
    path = write(
        "made_up.csv",
        "indikator;år;verdi\n"  # 1
        "L.1.1;2014;4,51\n"  # 2
        "\n"  # 3 blank: skipped, still counted as a line
        "L.1.2;2014;ca 4,5\n"  # 4 not a number: which number is meant?
        ";2014;4\n"  # 5 no id
        "L.2.1;tjue;4\n"  # 6 not a year
        "L.1.2;2014;4,6;extra\n",  # 7 too many fields
    )
    read = read_results([path])
    assert [(row.indicator, row.value, row.location) for row in read.rows] == [
        ("L.1.1", Decimal("4.51"), Location(str(path), 2)),
    ]
    assert [error.format() for error in read.errors] == [
        f"{path}:4: error: L.1.2: value 'ca 4,5' is not a number [invalid-value]",
        f"{path}:5: error: row has no indicator id [no-indicator]",
        f"{path}:6: error: L.2.1: year 'tjue' is not a year [invalid-year]",
        f"{path}:7: error: row has 4 fields but the header has 3 [field-count]",
    ]
    assert all(isinstance(error, ResultsError) for error in read.errors)
    [log] = read.logs
    assert log.rejected == read.errors
    assert log.results_read == 5  # one row and four rejected
    with pytest.raises(KpiError) as caught:
        read.raise_if_errors()
    assert len(caught.value.errors) == 4


def test_read_comma_file_with_decimal_commas(write):
    path = write("made_up.csv", 'indicator,year,value\nL.1.1,2014,"4,51"\nL.1.2,2014,4,72\n')
    read = read_results([path])
    assert [(row.indicator, row.value) for row in read.rows] == [("L.1.1", Decimal("4.51"))]
    assert [error.format() for error in read.errors] == [
        f"{path}:3: error: row has 4 fields but the header has 3: a decimal comma in a comma-separated file? "
        "Quote the value or separate with ; [field-count]"
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
        "(results/2014.csv) or give --year [no-year]"
    ]


def test_read_year_column_wins_over_file_name(write):
    path = write("2014.csv", "indikator;år;verdi\nL.1.1;2015;4,51\nL.1.2;;4,2\n")
    read = read_results([path])
    assert [(row.indicator, row.year) for row in read.rows] == [("L.1.1", 2015), ("L.1.2", 2014)]


def test_read_year_option_wins_over_file_name(write):
    """A year column, else --year, else the year in the file name: what `--year`'s help promises."""
    path = write("r2014.csv", "indikator;år;verdi\nL.1.1;2013;4,51\nL.1.2;;4,2\n")
    read = read_results([path], year=2015)
    assert [(row.indicator, row.year) for row in read.rows] == [("L.1.1", 2013), ("L.1.2", 2015)]
    assert read.logs[0].file_year == 2014


def test_evaluate_year_option_wins_over_file_name(write):
    """`kpi evaluate r2014.csv --year 2015` rates the file's rows as 2015's, not 2015 as all missing."""
    path = write("r2014.csv", "indikator;verdi\nL.1.1;4,51\n")
    read = read_results([path], year=2015)
    report = evaluate_results(load_definitions(SEED_INDICATORS), read, year_to_show(read, 2015))
    assert (report.year, report.other_years) == (2015, ())
    assert [(r.indicator.id, r.value, r.status) for r in report.results if r.indicator.id == "L.1.1"] == [
        ("L.1.1", Decimal("4.51"), Status.DESIRED)
    ]


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
    assert [error.format() for error in read.errors] == [f"{missing}: error: results file not found [unreadable-file]"]


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


@pytest.mark.parametrize("name", ["no-such-codec", "undefined", "hex", "rot13"])
def test_read_unknown_encoding(write, name):
    # A usage error about the option (exit 2), before any file is read: "undefined" is a codec
    # that fails on every byte, hex and rot13 are codecs that are no text encoding.
    path = write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;4,51\n")
    with pytest.raises(UsageError) as raised:
        read_results([path], encoding=name)
    assert raised.value.format() == (
        f"kpi: error: --encoding {name}: not a text encoding (try utf-8, cp1252 or latin-1) [usage]"
    )


# --- the plain rows of a long table read without the general path's checks ----------------------

PLAIN_TABLE = """indikator;år;enhet;verdi
L.1.1;2014;Skole A;4,5
L.1.1;2014;Skole B;4,50
L.1.1;2013;Skole B;
L.1.1;2013;Skole C;3,9;
L.1.1;2013;Skole D;3,9;;x
L.1.1;2013;Skole E
;2013;Skole F;4
L.1.2;2013;;4
L.1.2;2013; ;4
L.1.2;2013;Skole G;56 %***
L.1.2;2013;Skole H;ikke målt
L.1.2;2013;Skole I;Resultat for 2013 foreligger ikke
L.1.2;2013;Skole J;> 70 %
L.1.2;2013;Skole K;fire
L.1.2;år;Skole L;4
L.1.2; 2013 ;Skole M; 4,1 \n  ;  ;  ;  ;
L.1.2;2012;Skole N;4,2
"""


WITHOUT_ORG_UNITS = "".join(
    ";".join(c for i, c in enumerate(line.split(";")) if i != 2) for line in PLAIN_TABLE.splitlines(True)
)


@pytest.mark.parametrize("table", [PLAIN_TABLE, WITHOUT_ORG_UNITS])
def test_plain_rows_are_read_as_the_general_path_reads_them(tmp_path, table, monkeypatch):
    """Made-up lines: plain ones, and every kind the plain reader hands to ``_record_rows`` (a wider
    or shorter record, no id, a year not read before, a value with a note or an error)."""
    from kpi_cli.results import read as reading

    path = tmp_path / "made-up.csv"
    path.write_text(table, encoding="utf-8")

    def outcome():
        found = read_results([path])
        errors = [(e.code, e.line, str(e)) for e in found.errors]
        logs = [(log.encoding, log.columns, log.results_read, len(log.rejected)) for log in found.logs]
        return found.rows, errors, found.notes, logs

    fast = outcome()
    monkeypatch.setattr(reading, "_plain_rows", lambda table: None)
    assert outcome() == fast
    assert len(fast[0]) > 8
