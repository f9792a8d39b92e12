"""`kpi template`: the results file to fill in for a year, and its round trip through `kpi evaluate`.

The core (kpi_cli.results.template.template_rows) is tested directly; the command through
click's CliRunner. Every value filled in below is made up for the test.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from conftest import SEED_INDICATORS, seed_line

from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.results.template import TemplateRow, template_rows

IDEER = "Antall ideer og løsningsforslag som kommer inn i Innovasjonsportalen fra ansatte, innbyggere og næringslivet"
IDEER_VALGT = (
    "Antall ideer og løsningsforslag fra Innovasjonsportalen som etter kvalitetssikring velges gjennomført "
    "av Asker kommune eller andre aktører"
)
PROSJEKTER = "Antall gjennomførte prosjekter i Asker kommunes regi"
PROSJEKTER_GEVINST = (
    "Antall gjennomførte prosjekter i Asker kommunes regi som kan vise til gevinstrealisering iht. plan "
    "etter implementering"
)
L11 = "Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse"
L12 = (
    "Ansatte i Asker kommune bruker aktivt de muligheter som arbeidsgiver tilbyr for opplæring, utvikling og "
    "etisk refleksjon"
)
HEADER_NB = ["indikator", "år", "verdi", "kommentar", "tiltak", "måleenhet", "navn"]
HEADER_EN = ["indicator", "year", "value", "comment", "actions", "unit_of_measure", "name"]


@pytest.fixture(scope="module")
def seed():
    return load_definitions(SEED_INDICATORS)


def keys(rows: list[TemplateRow]) -> list[tuple[str, int, str | None]]:
    return [(row.id, row.year, row.org_unit) for row in rows]


def parse_csv(text: str, delimiter: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def evaluated(result) -> dict:
    text = result.stdout
    assert text.lstrip().startswith("{") and text.rstrip().endswith("}"), (text, result.stderr)
    return json.loads(text)


def statuses(document: dict) -> dict[tuple[str, str | None], tuple[float | None, str]]:
    return {(r["indicator"], r["org_unit"]): (r["value"], r["status"]) for r in document["results"]}


def fill(path: Path, values: dict[tuple[str, int, str | None], str]) -> None:
    """Fill the value column of a written template with the csv module, keeping its delimiter and header."""
    raw = path.read_text(encoding="utf-8-sig")
    bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    delimiter = csv.Sniffer().sniff(raw.splitlines()[0], delimiters=";,\t").delimiter
    table = parse_csv(raw, delimiter)
    header = table[0]
    value = header.index("verdi") if "verdi" in header else header.index("value")
    unit_column = next((header.index(h) for h in ("tjenesteområde", "org_unit") if h in header), None)
    for cells in table[1:]:
        unit = (cells[unit_column] or None) if unit_column is not None else None
        cells[value] = values.pop((cells[0], int(cells[1]), unit))
    assert values == {}, f"not in the template: {values}"
    buffer = io.StringIO()
    buffer.write(bom)
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


# --- template_rows(): what a year asks for ----------------------------------------------------


def test_rows_2014_only_the_employee_survey(seed):
    # L.2.1 is phased in 2015, L.2.2 and L.2.3 in 2017: none of their measures is asked for
    assert keys(template_rows(seed, 2014)) == [("L.1.1", 2014, None), ("L.1.2", 2014, None)]


def test_rows_2015_ideas_of_this_year_and_the_year_before(seed):
    rows = template_rows(seed, 2015)
    assert keys(rows) == [
        ("ideer", 2014, None),
        ("ideer", 2015, None),
        ("L.1.1", 2015, None),
        ("L.1.2", 2015, None),
    ]
    assert rows[0] == TemplateRow("ideer", 2014, None, IDEER, "ideer")
    assert rows[2] == TemplateRow("L.1.1", 2015, None, L11, "score 1-6")


def test_rows_2016(seed):
    assert keys(template_rows(seed, 2016)) == [
        ("ideer", 2015, None),
        ("ideer", 2016, None),
        ("L.1.1", 2016, None),
        ("L.1.2", 2016, None),
    ]


def test_rows_2017_all_four_measures(seed):
    rows = template_rows(seed, 2017)
    assert keys(rows) == [
        ("ideer", 2016, None),
        ("ideer", 2017, None),
        ("ideer_valgt", 2017, None),
        ("prosjekter", 2017, None),
        ("prosjekter_gevinst", 2017, None),
        ("L.1.1", 2017, None),
        ("L.1.2", 2017, None),
    ]
    computed = {"L.2.1", "L.2.2", "L.2.3"}
    assert not computed & {row.id for row in rows}


def test_rows_per_org_unit_municipality_first(seed):
    rows = template_rows(seed, 2015, ["Oppvekst", "Helse og omsorg"])
    expected = []
    for unit in (None, "Oppvekst", "Helse og omsorg"):
        expected += [("ideer", 2014, unit), ("ideer", 2015, unit), ("L.1.1", 2015, unit), ("L.1.2", 2015, unit)]
    assert keys(rows) == expected


MADE_UP = """\
# made-up definitions for the template tests
scorecard: Prøve
measures:
  - id: innbyggere
    name: Innbyggere 1. januar
    unit: personer
  - id: brukt
    name: Brukte kroner
    unit: kr
  - id: budsjett
    name: Budsjett
    unit: kr
  - id: ubrukt
    name: Et tall ingen indikator bruker
focus_areas:
  - id: Ø
    name: Økonomi
    goals:
      - id: Ø.1
        name: Styring
        indicators:
          - id: Ø.1.1
            name: Avvik fra budsjett
            unit: kr
            compute:
              difference: [brukt, budsjett]
          - id: Ø.1.2
            name: Sykefravær
            unit: "%"
          - id: Ø.1.3
            name: Befolkningsvekst
            per_org_unit: false
            compute:
              change: innbyggere
          - id: Ø.1.4
            name: Kommunens omdømme
            per_org_unit: false
          - id: Ø.1.5
            name: Senere
            phase_in: 2030
"""


def test_rows_of_a_made_up_scorecard():
    scorecard = parse_definitions(MADE_UP, "made-up.yaml")
    rows = template_rows(scorecard, 2020, ["Vest"])
    assert keys(rows) == [
        ("innbyggere", 2019, None),
        ("innbyggere", 2020, None),
        ("brukt", 2020, None),
        ("budsjett", 2020, None),
        ("ubrukt", 2020, None),  # a measure no indicator uses is still asked for
        ("Ø.1.2", 2020, None),
        ("Ø.1.4", 2020, None),
        # the org unit: measures (every one), then only the indicators measured per org unit
        ("innbyggere", 2019, "Vest"),
        ("innbyggere", 2020, "Vest"),
        ("brukt", 2020, "Vest"),
        ("budsjett", 2020, "Vest"),
        ("ubrukt", 2020, "Vest"),
        ("Ø.1.2", 2020, "Vest"),
    ]


# --- kpi template: CSV --------------------------------------------------------------------


def test_template_2014_csv_nb(kpi, workdir):
    result = kpi("template", "--year", "2014")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout_bytes.decode("utf-8") == (
        f"indikator;år;verdi;kommentar;tiltak;måleenhet;navn\r\n"
        f"L.1.1;2014;;;;score 1-6;{L11}\r\nL.1.2;2014;;;;score 1-6;{L12}\r\n"
    )


def test_template_2015_csv_nb(kpi, workdir):
    result = kpi("template", "--year", "2015")
    assert result.exit_code == 0, result.stderr
    assert parse_csv(result.stdout) == [
        HEADER_NB,
        ["ideer", "2014", "", "", "", "ideer", IDEER],
        ["ideer", "2015", "", "", "", "ideer", IDEER],
        ["L.1.1", "2015", "", "", "", "score 1-6", L11],
        ["L.1.2", "2015", "", "", "", "score 1-6", L12],
    ]


def test_template_2017_csv_en(kpi, workdir):
    result = kpi("template", "--year", "2017", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"indicator,year,value,comment,actions,unit_of_measure,name\r\n")
    assert parse_csv(result.stdout, ",") == [
        HEADER_EN,
        ["ideer", "2016", "", "", "", "ideer", IDEER],
        ["ideer", "2017", "", "", "", "ideer", IDEER],
        ["ideer_valgt", "2017", "", "", "", "ideer", IDEER_VALGT],
        ["prosjekter", "2017", "", "", "", "prosjekter", PROSJEKTER],
        ["prosjekter_gevinst", "2017", "", "", "", "prosjekter", PROSJEKTER_GEVINST],
        ["L.1.1", "2017", "", "", "", "score 1-6", L11],
        ["L.1.2", "2017", "", "", "", "score 1-6", L12],
    ]


@pytest.mark.parametrize(
    ("lang", "given", "delimiter", "header"),
    [
        ("nb", ";", ";", "indikator;år;verdi;kommentar;tiltak;måleenhet;navn"),
        ("nb", ",", ",", "indikator,år,verdi,kommentar,tiltak,måleenhet,navn"),
        ("nb", "tab", "\t", "indikator\tår\tverdi\tkommentar\ttiltak\tmåleenhet\tnavn"),
        ("nn", ";", ";", "indikator;år;verdi;kommentar;tiltak;måleeining;namn"),
        ("sv", ";", ";", "indikator;år;värde;kommentar;åtgärder;måttenhet;namn"),
        ("en", ";", ";", "indicator;year;value;comment;actions;unit_of_measure;name"),
        ("en", "tab", "\t", "indicator\tyear\tvalue\tcomment\tactions\tunit_of_measure\tname"),
    ],
)
def test_template_delimiter(kpi, workdir, lang, given, delimiter, header):
    result = kpi("template", "--year", "2014", "--lang", lang, "--delimiter", given)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == header
    table = parse_csv(result.stdout, delimiter)
    assert [row[:3] for row in table[1:]] == [["L.1.1", "2014", ""], ["L.1.2", "2014", ""]]
    assert table[1][6] == L11  # the comma in the name is quoted, not a column break


def test_template_language_from_the_definitions(kpi, write, workdir):
    english = SEED_INDICATORS.read_text(encoding="utf-8").replace("language: nb", "language: en")
    write("en.yaml", english)
    result = kpi("template", "--year", "2014", "--indicators", "en.yaml")
    assert result.stdout.splitlines()[0] == "indicator,year,value,comment,actions,unit_of_measure,name"


def test_template_org_units(kpi, workdir):
    result = kpi("template", "--year", "2015", "--org-units", "Oppvekst, Helse og omsorg")
    assert result.exit_code == 0, result.stderr
    table = parse_csv(result.stdout)
    assert table[0] == ["indikator", "år", "tjenesteområde", "verdi", "kommentar", "tiltak", "måleenhet", "navn"]
    assert [row[:4] for row in table[1:]] == [
        [measure, year, unit, ""]
        for unit in ("", "Oppvekst", "Helse og omsorg")
        for measure, year in (("ideer", "2014"), ("ideer", "2015"), ("L.1.1", "2015"), ("L.1.2", "2015"))
    ]


def test_template_org_units_en(kpi, workdir):
    result = kpi("template", "--year", "2014", "--org-units", "Oppvekst", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert parse_csv(result.stdout, ",") == [
        ["indicator", "year", "org_unit", "value", "comment", "actions", "unit_of_measure", "name"],
        ["L.1.1", "2014", "", "", "", "", "score 1-6", L11],
        ["L.1.2", "2014", "", "", "", "", "score 1-6", L12],
        ["L.1.1", "2014", "Oppvekst", "", "", "", "score 1-6", L11],
        ["L.1.2", "2014", "Oppvekst", "", "", "", "score 1-6", L12],
    ]


def test_template_year_defaults_to_this_year(kpi, workdir):
    result = kpi("template")
    assert result.exit_code == 0, result.stderr
    this_year = str(datetime.date.today().year)
    assert {row[1] for row in parse_csv(result.stdout)[1:]} <= {this_year, str(int(this_year) - 1)}
    assert this_year in {row[1] for row in parse_csv(result.stdout)[1:]}


def test_template_to_a_file(kpi, workdir):
    result = kpi("template", "--year", "2016", "-o", "2016.csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = (workdir / "2016.csv").read_bytes()
    # a file gets a byte-order mark, so Excel opens it as UTF-8; stdout does not
    assert written == b"\xef\xbb\xbf" + kpi("template", "--year", "2016").stdout_bytes
    assert not kpi("template", "--year", "2016").stdout_bytes.startswith(b"\xef\xbb\xbf")


def test_template_never_over_the_definitions(kpi, workdir):
    before = (workdir / "indicators.yaml").read_bytes()
    result = kpi("template", "--year", "2016", "-o", "indicators.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "indicators.yaml: error: will not write the report over an input file: indicators.yaml [usage]"
    ]
    assert (workdir / "indicators.yaml").read_bytes() == before


def test_template_bad_definitions_exit_2(kpi, write, workdir):
    write("bad.yaml", "scorecard: x\nfocus_areas: []\n")
    result = kpi("template", "--year", "2016", "--indicators", "bad.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.startswith("bad.yaml:")


def test_template_unknown_format_is_a_usage_error(kpi, workdir):
    result = kpi("template", "--year", "2016", "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- kpi template: .xlsx ------------------------------------------------------------------


def test_template_xlsx_needs_an_output_file(kpi, workdir):
    result = kpi("template", "--year", "2016", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "kpi: error: --format xlsx needs -o FILE.xlsx (it is not text for the terminal) [usage]"
    ]
    assert kpi("template", "--year", "2016", "--format", "xlsx", "-o", "-").exit_code == 2


def test_template_xlsx_reads_back(kpi, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    result = kpi("template", "--year", "2017", "--format", "xlsx", "-o", "2017.xlsx", "--org-units", "Oppvekst")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    book = openpyxl.load_workbook(workdir / "2017.xlsx")
    assert book.sheetnames == ["Resultater"]
    sheet = book.active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["indikator", "år", "tjenesteområde", "verdi", "kommentar", "tiltak", "måleenhet", "navn"]
    assert [row[:4] for row in values[1:]] == [
        [measure, year, unit, None]
        for unit in (None, "Oppvekst")
        for measure, year in (
            ("ideer", 2016),
            ("ideer", 2017),
            ("ideer_valgt", 2017),
            ("prosjekter", 2017),
            ("prosjekter_gevinst", 2017),
            ("L.1.1", 2017),
            ("L.1.2", 2017),
        )
    ]
    assert values[1][4:] == [None, None, "ideer", IDEER]
    assert sheet.freeze_panes == "A2"


def test_template_xlsx_english_sheet(kpi, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    result = kpi("template", "--year", "2014", "--format", "xlsx", "-o", "t.xlsx", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(workdir / "t.xlsx")
    assert book.sheetnames == ["Results"]
    assert [list(r) for r in book.active.iter_rows(values_only=True)] == [
        HEADER_EN,
        ["L.1.1", 2014, None, None, None, "score 1-6", L11],
        ["L.1.2", 2014, None, None, None, "score 1-6", L12],
    ]


def test_template_xlsx_round_trip(kpi, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    assert kpi("template", "--year", "2016", "--format", "xlsx", "-o", "2016.xlsx").exit_code == 0
    book = openpyxl.load_workbook(workdir / "2016.xlsx")
    sheet = book.active
    made_up = {("ideer", 2015): 100, ("ideer", 2016): 103, ("L.1.1", 2016): 4.1, ("L.1.2", 2016): 3.5}
    for row in sheet.iter_rows(min_row=2):
        row[2].value = made_up[(row[0].value, row[1].value)]
    book.save(workdir / "2016.xlsx")
    result = kpi("evaluate", "2016.xlsx", "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert statuses(evaluated(result)) == {
        ("L.1.1", None): (4.1, "accepted"),
        ("L.1.2", None): (3.5, "not_approved"),
        ("L.2.1", None): (3, "accepted"),
        ("L.2.2", None): (None, "not_phased_in"),
        ("L.2.3", None): (None, "not_phased_in"),
    }


# --- the round trip: the filled template evaluates with no other editing ----------------------


def test_round_trip_2016(kpi, workdir):
    result = kpi("template", "--year", "2016", "-o", "filled.csv")
    assert result.exit_code == 0, result.stderr
    path = workdir / "filled.csv"
    # made up: 120 -> 130 ideas (+8,33 %), scores as an analyst would type them, with a decimal comma
    fill(
        path,
        {
            ("ideer", 2015, None): "120",
            ("ideer", 2016, None): "130",
            ("L.1.1", 2016, None): "4,6",
            ("L.1.2", 2016, None): "4,2",
        },
    )
    evaluation = kpi("evaluate", "filled.csv", "--format", "json")
    assert evaluation.exit_code == 0, evaluation.stderr
    assert evaluation.stderr == ""
    document = evaluated(evaluation)
    assert document["year"] == 2016
    assert document["years"] == [2016]  # 2015's count is only the year before the change
    assert statuses(document) == {
        ("L.1.1", None): (4.6, "desired"),
        ("L.1.2", None): (4.2, "accepted"),
        ("L.2.1", None): (8.33, "desired"),
        ("L.2.2", None): (None, "not_phased_in"),
        ("L.2.3", None): (None, "not_phased_in"),
    }
    table = kpi("evaluate", "filled.csv")
    assert "L.2.1: 130 ideer mot 120 året før: +8,33 %" in table.stdout.splitlines()
    verbose = kpi("evaluate", "filled.csv", "--verbose", "--lang", "en")
    assert verbose.stderr.splitlines() == [
        "filled.csv: read encoding utf-8-sig, delimiter ';', long table, 4 results",
        "filled.csv: read the columns indicator 'indikator', year 'år', value 'verdi', "
        "comment 'kommentar', actions 'tiltak', name 'navn'",
        "kpi: engine: python (auto: DuckDB streams csv from 5 MB of CSV, or Parquet)",
        "kpi: 4 results read = 2 rated + 0 shown, not rated + 0 without a result + 2 measure values + 0 rejected",
    ]


def test_round_trip_2016_failing(kpi, workdir):
    assert kpi("template", "--year", "2016", "-o", "filled.csv").exit_code == 0
    # made up: fewer ideas than the year before
    fill(
        workdir / "filled.csv",
        {
            ("ideer", 2015, None): "100",
            ("ideer", 2016, None): "90",
            ("L.1.1", 2016, None): "4,5",
            ("L.1.2", 2016, None): "4,5",
        },
    )
    result = kpi("evaluate", "filled.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["kpi: 1 resultat feiler --fail-on not_approved: L.2.1"]
    assert "L.2.1: 90 ideer mot 100 året før: -10,00 %" in result.stdout.splitlines()


def test_round_trip_2015_new_indicator(kpi, workdir):
    assert kpi("template", "--year", "2015", "-o", "2015.csv").exit_code == 0
    fill(
        workdir / "2015.csv",
        {
            ("ideer", 2014, None): "200",
            ("ideer", 2015, None): "207",
            ("L.1.1", 2015, None): "4,47",
            ("L.1.2", 2015, None): "3,95",
        },
    )
    result = kpi("evaluate", "2015.csv", "--format", "json")
    assert result.exit_code == 1, result.stderr
    document = evaluated(result)
    assert statuses(document) == {
        ("L.1.1", None): (4.47, "accepted"),  # in the gap between 4 - 4,4 and 4,5 - 6: the worse
        ("L.1.2", None): (3.95, "not_approved"),
        ("L.2.1", None): (3.5, "accepted"),
        ("L.2.2", None): (None, "not_phased_in"),
        ("L.2.3", None): (None, "not_phased_in"),
    }
    assert {r["indicator"]: r["phase_in_state"] for r in document["results"]}["L.2.1"] == "new"


def test_round_trip_2017_english_commas(kpi, workdir):
    assert kpi("template", "--year", "2017", "--lang", "en", "-o", "2017.csv").exit_code == 0
    assert (workdir / "2017.csv").read_text(encoding="utf-8-sig").startswith("indicator,year,value,comment,actions,")
    fill(
        workdir / "2017.csv",
        {
            ("ideer", 2016, None): "150",
            ("ideer", 2017, None): "165",
            ("ideer_valgt", 2017, None): "33",
            ("prosjekter", 2017, None): "12",
            ("prosjekter_gevinst", 2017, None): "9",
            ("L.1.1", 2017, None): "4.8",
            ("L.1.2", 2017, None): "4.0",
        },
    )  # made up
    result = kpi("evaluate", "2017.csv", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = evaluated(result)
    assert statuses(document) == {
        ("L.1.1", None): (4.8, "desired"),
        ("L.1.2", None): (4, "accepted"),
        ("L.2.1", None): (10, "desired"),
        ("L.2.2", None): (20, "no_target"),
        ("L.2.3", None): (75, "no_target"),
    }
    assert result.stderr.splitlines() == [
        f"indicators.yaml:{seed_line('L.2.2')}:13: warning: L.2.2 is phased in from 2017 but has no bands [no-bands]",
        f"indicators.yaml:{seed_line('L.2.3')}:13: warning: L.2.3 is phased in from 2017 but has no bands [no-bands]",
    ]
    table = kpi("evaluate", "2017.csv", "--lang", "en").stdout.splitlines()
    assert "L.2.1: 165 ideer against 150 the year before: +10.00 %" in table
    assert "L.2.2: 33 of 165 ideer: 20.00 %" in table
    assert "L.2.3: 9 of 12 prosjekter: 75.00 %" in table


def test_round_trip_with_org_units(kpi, workdir):
    result = kpi("template", "--year", "2016", "--org-units", "Oppvekst,Helse og omsorg", "-o", "2016.csv")
    assert result.exit_code == 0, result.stderr
    values = {}
    # made up: the municipality grows 8,33 %, Oppvekst 2,5 %, Helse og omsorg shrinks
    for unit, before, now, score in (
        (None, "120", "130", "4,6"),
        ("Oppvekst", "40", "41", "4,3"),
        ("Helse og omsorg", "30", "27", "3,8"),
    ):
        values |= {
            ("ideer", 2015, unit): before,
            ("ideer", 2016, unit): now,
            ("L.1.1", 2016, unit): score,
            ("L.1.2", 2016, unit): score,
        }
    fill(workdir / "2016.csv", values)
    evaluation = kpi("evaluate", "2016.csv", "--format", "json")
    assert evaluation.exit_code == 1, evaluation.stderr
    found = statuses(evaluated(evaluation))
    assert {key: found[key] for key in found if key[0] in ("L.1.1", "L.2.1")} == {
        ("L.1.1", None): (4.6, "desired"),
        ("L.2.1", None): (8.33, "desired"),
        ("L.1.1", "Helse og omsorg"): (3.8, "not_approved"),
        ("L.2.1", "Helse og omsorg"): (-10, "not_approved"),
        ("L.1.1", "Oppvekst"): (4.3, "accepted"),
        ("L.2.1", "Oppvekst"): (2.5, "accepted"),
    }
    assert [r["org_unit"] for r in evaluated(evaluation)["results"]][::5] == [None, "Helse og omsorg", "Oppvekst"]


def test_unfilled_template_evaluates_as_missing(kpi, workdir):
    assert kpi("template", "--year", "2016", "-o", "empty.csv").exit_code == 0
    result = kpi("evaluate", "empty.csv", "--format", "json", "--verbose")
    assert result.exit_code == 0, result.stderr
    document = evaluated(result)
    assert statuses(document) == {
        ("L.1.1", None): (None, "missing"),
        ("L.1.2", None): (None, "missing"),
        ("L.2.1", None): (None, "missing"),
        ("L.2.2", None): (None, "not_phased_in"),
        ("L.2.3", None): (None, "not_phased_in"),
    }
    l21 = {r["indicator"]: r for r in document["results"]}["L.2.1"]
    assert l21["note"] == {
        "key": "missing_input",
        "measure": "ideer",
        "year": "2016",
        "text": "no value for ideer in 2016",
    }
    assert result.stderr.splitlines()[-1] == (  # in the definitions' language
        "kpi: 4 resultater lest = 0 vurdert + 0 vist, ikke vurdert + 2 uten resultat + 2 måletall + 0 avvist"
    )
    assert kpi("evaluate", "empty.csv", "--fail-on-missing").exit_code == 1


def test_round_trip_made_up_scorecard(kpi, write, workdir):
    write("made-up.yaml", MADE_UP)
    result = kpi("template", "--year", "2020", "--indicators", "made-up.yaml", "-o", "2020.csv")
    assert result.exit_code == 0, result.stderr
    fill(
        workdir / "2020.csv",
        {
            ("innbyggere", 2019, None): "1000",
            ("innbyggere", 2020, None): "1015",
            ("brukt", 2020, None): "950",
            ("budsjett", 2020, None): "1000",
            ("ubrukt", 2020, None): "7",
            ("Ø.1.2", 2020, None): "6,5",
            ("Ø.1.4", 2020, None): "",
        },
    )  # made up
    evaluation = kpi("evaluate", "2020.csv", "--indicators", "made-up.yaml", "--format", "json")
    assert evaluation.exit_code == 0, evaluation.stderr
    assert statuses(evaluated(evaluation)) == {
        ("Ø.1.1", None): (-50, "no_target"),
        ("Ø.1.2", None): (6.5, "no_target"),
        ("Ø.1.3", None): (1.5, "no_target"),
        ("Ø.1.4", None): (None, "no_target"),
        ("Ø.1.5", None): (None, "not_phased_in"),
    }


# --- the comment and the actions: columns of the template, shown in the report -------------------


def fill_notes(path: Path, notes: dict[str, tuple[str, str]], delimiter: str = ";") -> None:
    """Write a comment and actions into a filled CSV template's rows of the given ids, by the header's names."""
    raw = path.read_text(encoding="utf-8-sig")
    table = parse_csv(raw, delimiter)
    header = table[0]
    comment = next(header.index(h) for h in ("kommentar", "comment") if h in header)
    actions = next(header.index(h) for h in ("tiltak", "actions") if h in header)
    for cells in table[1:]:
        if cells[0] in notes:
            cells[comment], cells[actions] = notes.pop(cells[0])
    assert notes == {}, f"not in the template: {notes}"
    buffer = io.StringIO("\ufeff")
    buffer.seek(0, io.SEEK_END)
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


@pytest.mark.parametrize(
    ("lang", "delimiter", "l11", "l12", "comment_word", "actions_word"),
    [("nb", ";", "3,8", "4,6", "Kommentar", "Tiltak"), ("en", ",", "3.8", "4.6", "Comment", "Actions")],
)
def test_round_trip_comment_and_actions(kpi, workdir, lang, delimiter, l11, l12, comment_word, actions_word):
    assert kpi("template", "--year", "2014", "--lang", lang, "-o", "2014.csv").exit_code == 0
    fill(workdir / "2014.csv", {("L.1.1", 2014, None): l11, ("L.1.2", 2014, None): l12})
    fill_notes(
        workdir / "2014.csv",
        {"L.1.1": ("Lav svarprosent (made up)", "Ny runde med lederopplæring (made up)")},
        delimiter,
    )
    document = evaluated(kpi("evaluate", "2014.csv", "--format", "json", "--lang", lang))
    found = {r["indicator"]: (r["value"], r.get("comment"), r.get("actions")) for r in document["results"]}
    assert found["L.1.1"] == (3.8, "Lav svarprosent (made up)", "Ny runde med lederopplæring (made up)")
    assert found["L.1.2"] == (4.6, None, None)
    table = kpi("evaluate", "2014.csv", "--lang", lang, env={"COLUMNS": "200"}).stdout
    assert f"↳ {comment_word}: Lav svarprosent (made up)" in table
    assert f"↳ {actions_word}: Ny runde med lederopplæring (made up)" in table


def test_xlsx_round_trip_comment_and_actions(kpi, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    assert kpi("template", "--year", "2014", "--format", "xlsx", "-o", "2014.xlsx").exit_code == 0
    book = openpyxl.load_workbook(workdir / "2014.xlsx")
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert header == HEADER_NB
    # the comment and actions columns are Text too: a comment typed as '=...' or '-2 %' stays as typed
    assert {row[i].number_format for row in sheet.iter_rows(min_row=2) for i in (2, 3, 4)} == {"@"}
    made_up = {"L.1.1": ("3,8", "-2 % fra i fjor (made up)", "Ny runde (made up)"), "L.1.2": ("4,6", None, None)}
    for row in sheet.iter_rows(min_row=2):
        row[2].value, row[3].value, row[4].value = made_up[row[0].value]
    book.save(workdir / "2014.xlsx")
    document = evaluated(kpi("evaluate", "2014.xlsx", "--format", "json"))
    found = {r["indicator"]: (r.get("comment"), r.get("actions")) for r in document["results"]}
    assert found["L.1.1"] == ("-2 % fra i fjor (made up)", "Ny runde (made up)")
    assert found["L.1.2"] == (None, None)


# --- text from the definitions is neutralised for spreadsheets --------------------------------

FORMULAS = """\
# made-up definitions whose names would run as spreadsheet formulas
scorecard: Prøve
measures:
  - id: m
    name: "=HYPERLINK(\\"http://example.invalid\\", \\"klikk\\")"
    unit: "+kr"
focus_areas:
  - id: F
    name: F
    goals:
      - id: F.1
        name: G
        indicators:
          - id: F.1.1
            name: "=1+1"
            unit: "@SUM(A1)"
          - id: F.1.2
            name: "-2+3"
          - id: F.1.3
            name: "Vanlig navn"
            unit: "%"
"""


def test_template_csv_neutralises_formula_names(kpi, write, workdir):
    write("f.yaml", FORMULAS)
    result = kpi("template", "--year", "2016", "--indicators", "f.yaml", "--org-units", "=Vest")
    assert result.exit_code == 0, result.stderr
    table = parse_csv(result.stdout)
    assert table[1:4] == [
        ["m", "2016", "", "", "", "", "'+kr", '\'=HYPERLINK("http://example.invalid", "klikk")'],
        ["F.1.1", "2016", "", "", "", "", "'@SUM(A1)", "'=1+1"],
        ["F.1.2", "2016", "", "", "", "", "", "'-2+3"],
    ]
    assert table[4] == ["F.1.3", "2016", "", "", "", "", "%", "Vanlig navn"]
    assert table[5][:3] == ["m", "2016", "'=Vest"]
    for row in table[1:]:
        for cell in row[2:]:
            assert not cell.startswith(("=", "+", "-", "@")), row


def test_template_xlsx_neutralises_formula_names(kpi, write, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    write("f.yaml", FORMULAS)
    result = kpi("template", "--year", "2016", "--indicators", "f.yaml", "--format", "xlsx", "-o", "f.xlsx")
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(workdir / "f.xlsx").active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    names = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ['\'=HYPERLINK("http://example.invalid", "klikk")', "'=1+1", "'-2+3", "Vanlig navn"]


def test_neutralised_template_still_evaluates(kpi, write, workdir):
    write("f.yaml", FORMULAS)
    assert kpi("template", "--year", "2016", "--indicators", "f.yaml", "-o", "2016.csv").exit_code == 0
    fill(
        workdir / "2016.csv",
        {("m", 2016, None): "3", ("F.1.1", 2016, None): "1", ("F.1.2", 2016, None): "2", ("F.1.3", 2016, None): "4,5"},
    )  # made up
    result = kpi("evaluate", "2016.csv", "--indicators", "f.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert statuses(evaluated(result)) == {
        ("F.1.1", None): (1, "no_target"),
        ("F.1.2", None): (2, "no_target"),
        ("F.1.3", None): (4.5, "no_target"),
    }


def test_template_xlsx_keeps_what_is_typed_in_the_value_column(kpi, workdir):
    # docs/explanation/values-as-written.md: the value column is Text, so '3,5 %' typed stays 3,5 %,
    # never 0.035 with a percent format. Made-up values.
    openpyxl = pytest.importorskip("openpyxl")
    assert kpi("template", "--year", "2016", "--format", "xlsx", "-o", "2016.xlsx").exit_code == 0
    book = openpyxl.load_workbook(workdir / "2016.xlsx")
    sheet = book.active
    assert [row[2].number_format for row in sheet.iter_rows(min_row=2)] == ["@"] * (sheet.max_row - 1)
    assert {row[0].number_format for row in sheet.iter_rows(min_row=2)} == {"General"}
    typed = {("ideer", 2015): "100", ("ideer", 2016): "103", ("L.1.1", 2016): "4,1", ("L.1.2", 2016): "3,5 %"}
    for row in sheet.iter_rows(min_row=2):
        row[2].value = typed[(row[0].value, row[1].value)]  # Excel stores what is typed in a Text cell as text
    book.save(workdir / "2016.xlsx")
    result = kpi("evaluate", "2016.xlsx", "--format", "json")
    assert statuses(evaluated(result))[("L.1.2", None)] == (3.5, "not_approved")


@pytest.mark.parametrize("lang", ["nn", "sv"])
def test_a_template_in_nynorsk_or_swedish_is_headed_in_it_and_reads_back(kpi, workdir, lang):
    """The headers in the output language (värde, åtgärder, namn) are headers the reader knows."""
    made = kpi("template", "--year", "2014", "--lang", lang, "--org-units", "Skule")
    assert made.exit_code == 0, made.stderr
    table = parse_csv(made.stdout)
    filled = [table[0], *([*row[:3], "4,6", "oppdikta merknad", "eit tiltak", *row[6:]] for row in table[1:])]
    Path("2014.csv").write_text("\n".join(";".join(row) for row in filled) + "\n", encoding="utf-8")
    result = kpi("evaluate", "2014.csv", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    given = [r for r in document["results"] if r["value"] is not None]
    assert {(r["indicator"], r["org_unit"], r["status"], r["comment"], r["actions"]) for r in given} == {
        (indicator, unit, "desired", "oppdikta merknad", "eit tiltak")
        for indicator in ("L.1.1", "L.1.2")
        for unit in (None, "Skule")
    }
