"""The report formats besides table and json: markdown, csv, github and junit.

Run through the command line (kpi_cli.cli.main in CliRunner) on three inputs:

- the seed (results/2014.csv with the shipped indicators.yaml, run from the repository root);
- a made-up 2014 file with L.1.1 3,8 (not approved) and L.1.2 4,2 (lowest accepted);
- the made-up multi-unit, multi-year example in examples/service-areas (2015-2017, 2017 shown).

Each format's content is checked exactly where it is ours to decide; text from the files is
checked to be escaped (Markdown), neutralised (CSV formulas), encoded (workflow commands) or
well-formed (JUnit XML), with a made-up definitions file full of hostile names and band texts.
The exit code stays 0/1/2 whatever the format.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO_ROOT, cli_runner

from kpi_cli import evaluate, load_definitions, read_results
from kpi_cli.render.markdown import SPECIAL

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
SA_ARGS = (str(EXAMPLE / "results-2015-2017.csv"), "--indicators", str(EXAMPLE / "indicators.yaml"))
SA_RESULTS = str(EXAMPLE / "results-2015-2017.csv")

HEADER = [
    "indicator",
    "name",
    "goal",
    "focus_area",
    "org_unit",
    "year",
    "value",
    "unit",
    "status",
    "status_text",
    "desired",
    "accepted",
    "not_approved",
    "phase_in_state",
    "phase_in_text",  # the phase-in state in the output language, beside its id (issue 24)
    "source_file",
    "source_line",
    "n",
    "note",
    "regression",
    "comment",  # the results file's comment column (issue 12)
    "actions",  # its actions column, then the indicator's owner (issue 24)
    "owner",
]
# Under nb the CSV header is Norwegian, as `kpi template` writes it (README "CSV").
HEADER_NB = [
    "indikator",
    "navn",
    "mål",
    "fokusområde",
    "tjenesteområde",
    "år",
    "verdi",
    "måleenhet",
    "status",
    "statustekst",
    "ønsket",
    "laveste_akseptert",
    "ikke_godkjent",
    "innfasing",
    "innfasingstekst",
    "kildefil",
    "kildelinje",
    "n",
    "note",
    "verre_enn_før",
    "kommentar",
    "tiltak",
    "ansvarlig",
]
L11 = "Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse"
L12 = (
    "Ansatte i Asker kommune bruker aktivt de muligheter som arbeidsgiver tilbyr for opplæring, "
    "utvikling og etisk refleksjon"
)
L21 = (
    "Årlig prosentvis økning i antall ideer og løsningsforslag som kommer inn i Innovasjonsportalen "
    "fra ansatte, innbyggere og næringslivet (NYTT)"
)
L22 = (
    "Andel ideer og løsningsforslag fra Innovasjonsportalen som etter kvalitetssikring velges "
    "gjennomført av Asker kommune eller andre aktører (NYTTIG)"
)
L23 = (
    "Andel gjennomførte prosjekter i Asker kommunes regi som kan vise til gevinstrealisering iht. "
    "plan etter implementering (NYTTIGGJORT)"
)
SCORE_BANDS_CSV = "4,5 - 6;4 - 4,4;0 - 3,9"
SCORE_BANDS_NB = "krav: Ønsket 4,5 - 6 · Laveste akseptert 4 - 4,4 · Ikke godkjent 0 - 3,9"

# MADE UP: one result not approved (3,8 in 0 - 3,9) and one lowest accepted (4,2 in 4 - 4,4).
MADE_UP_2014 = "indikator;verdi\nL.1.1;3,8\nL.1.2;4,2\n"

# MADE UP: hostile text in every field a renderer shows; the bands are valid
# (higher is better: not approved < -1, accepted -1 - 2, desired > 2).
HOSTILE_DEFINITIONS = r"""# MADE UP for the tests: text that tries to break every output format.
scorecard: "<script>alert(1)</script> | målekart"
language: nb
focus_areas:
  - id: X
    name: "Område | *fet* [lenke](http://x) # @alle"
    focus_goal: "`kode` _kursiv_ ~~streket~~"
    goals:
      - id: X.1
        name: "Mål <b>1</b> & co"
        indicators:
          - id: X.1.1
            name: '=HYPERLINK("x")'
            bands: &bands
              desired: "> 2"
              accepted: "-1 - 2"
              not_approved: "< -1"
          - id: X.1.2
            name: "<script>alert(1)</script>"
            bands: *bands
          - id: X.1.3
            name: "a | b\nc \\ d"
            bands: *bands
          - id: X.1.4
            name: "+SUM(1) 100 % \x07 ]]> -->"
            unit: "@%"
            bands: *bands
"""
# MADE UP: X.1.1 not approved, X.1.2 desired, X.1.3 accepted, X.1.4 missing; an org unit
# named like a formula with a comma and a colon, whose X.1.1 is not approved.
HOSTILE_RESULTS = (
    "indikator;år;enhet;verdi\nX.1.1;2020;;-1,5\nX.1.2;2020;;3\nX.1.3;2020;;0\nX.1.4;2020;;\nX.1.1;2020;@evil,x:y;-5\n"
)
# MADE UP: 2016 with the measure L.2.1 is computed from: 130 ideas against 120 the year
# before, +8,33 %, which is desired (> 5 %poeng).
MADE_UP_MEASURES_2016 = "indikator;år;verdi\nL.1.1;2016;4,6\nL.1.2;2016;4,7\nideer;2015;120\nideer;2016;130\n"
# MADE UP: an indicator that needs a base of 10; the org unit Liten has 5 respondents.
SMALL_BASE_DEFINITIONS = """# MADE UP for the tests: min_base and an n column.
scorecard: Test
language: nb
focus_areas:
  - id: A
    name: Område
    goals:
      - id: A.1
        name: Mål
        indicators:
          - id: A.1.1
            name: Tilfredshet
            unit: score 1-6
            scale: [1, 6]
            min_base: 10
            bands:
              desired: "4,5 - 6"
              accepted: "4 - 4,4"
              not_approved: "1 - 3,9"
"""
SMALL_BASE_RESULTS = "indikator;år;enhet;verdi;n\nA.1.1;2020;;4,8;120\nA.1.1;2020;Liten;3,2;5\n"
HOSTILE_NAMES = {
    "X.1.1": '=HYPERLINK("x")',
    "X.1.2": "<script>alert(1)</script>",
    "X.1.3": "a | b\nc \\ d",
    "X.1.4": "+SUM(1) 100 % \x07 ]]> -->",
}


@pytest.fixture
def made_up(workdir, write):
    """The seed's definitions and a made-up 2014.csv in the current directory."""
    write("2014.csv", MADE_UP_2014)
    return workdir


@pytest.fixture
def hostile(tmp_path, monkeypatch, write):
    write("indicators.yaml", HOSTILE_DEFINITIONS)
    write("2020.csv", HOSTILE_RESULTS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def raw(result):
    """stdout as written, CRLF and all (click's ``stdout`` turns CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


def seed_line(indicator):
    """The line of an indicator's entry in the seed's indicators.yaml."""
    return load_definitions(str(REPO_ROOT / "indicators.yaml")).indicator_map()[indicator].location.line


def csv_rows(text, delimiter=";"):
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def csv_records(text, delimiter=";"):
    header, *rows = csv_rows(text, delimiter)
    assert header in (HEADER, HEADER_NB)
    header = HEADER  # the same columns in either language: read by their English names
    return [dict(zip(header, row, strict=True)) for row in rows]


def by_key(records):
    return {(r["indicator"], r["org_unit"], int(r["year"])): r for r in records}


def junit(text):
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n'), text[:80]
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    return root, suites[0]


def cases(suite):
    return {case.get("name"): case for case in suite.findall("testcase")}


def md_cells(line):
    """A Markdown table row split at its unescaped pipes, as GFM does."""
    cells, current, chars = [], "", iter(line)
    for char in chars:
        if char == "\\":
            current += char + next(chars, "")
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    cells.append(current)
    assert cells[0] == "" and cells[-1] == "", line
    return [cell.strip() for cell in cells[1:-1]]


def unescaped_specials(text):
    """The Markdown specials in ``text`` that no backslash escapes."""
    found, chars = set(), iter(text)
    for char in chars:
        if char == "\\":
            next(chars, "")
        elif char in SPECIAL:
            found.add(char)
    return found


# --- markdown ------------------------------------------------------------------------------


SEED_MARKDOWN = f"""# Asker kommune - målekart · 2014

Definisjoner: indicators.yaml · Resultater: results/2014.csv

## Dette trenger oppmerksomhet

- Ingen resultater på laveste nivå, ingen tilbakegang, ingen mangler.

## Asker kommune - målekart · Læring og fornyelse · 2014

**Fokusmål:** Fremtidsrettet og lærende organisasjon

| Id | Måleindikator | Ønsket | Laveste akseptert | Ikke godkjent | 2014 | Status |
| --- | --- | --- | --- | --- | ---: | --- |
| **L** | **Læring og fornyelse** |  |  |  |  | ● 2 av 2 ønsket |
| **L.1** | **Kultur for læring og fornyelse - innovasjon** |  |  |  |  | ● 2 av 2 ønsket |
| L.1.1 | {L11} | 4,5 - 6 | 4 - 4,4 | 0 - 3,9 | 4,51 | ● Ønsket resultat |
| L.1.2 | {L12} | 4,5 - 6 | 4 - 4,4 | 0 - 3,9 | 4,72 | ● Ønsket resultat |
| **L.2** | **Fasilitere og tilrettelegge for innovasjon** |  |  |  |  | ○ ikke innfaset |
| L.2.1 | {L21} | \\> 5 %poeng | 2 - 4,9 %poeng | \\< 2 %poeng | – | ○ Innfases 2015 |
| L.2.2 | {L22} | – | – | – | – | ○ Innfases 2017 (utsatt) |
| L.2.3 | {L23} | – | – | – | – | ○ Innfases 2017 (utsatt) |

2014: 2 ønsket · 3 ikke innfaset

Tegnforklaring: ● ønsket · ▲ laveste akseptert · ✖ ikke godkjent · ? mangler · – uten mål · ○ ikke innfaset \
· ∅ for lite grunnlag
"""


def test_markdown_seed(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--format", "markdown")
    assert_ok(result, 0)
    assert result.stdout == SEED_MARKDOWN
    for line in result.stdout.splitlines():
        if line.startswith("| "):
            assert len(md_cells(line)) == 7, line


def test_markdown_emoji_markers_keep_symbol_and_word(kpi):
    out = kpi("evaluate", "results/2014.csv", "--format", "markdown", "--markers", "emoji").stdout
    lines = out.splitlines()
    assert lines[0] == "# Asker kommune - målekart · 2014"
    assert f"| L.1.1 | {L11} | 4,5 - 6 | 4 - 4,4 | 0 - 3,9 | 4,51 | 🟢 ● Ønsket resultat |" in lines
    assert f"| L.2.1 | {L21} | \\> 5 %poeng | 2 - 4,9 %poeng | \\< 2 %poeng | – | ⚪ ○ Innfases 2015 |" in lines


def test_markdown_made_up_in_english(kpi, made_up, assert_ok):
    result = kpi("evaluate", "2014.csv", "--format", "markdown", "--lang", "en")
    assert_ok(result, 1)
    lines = result.stdout.splitlines()
    assert lines[:3] == ["# Asker kommune - målekart · 2014", "", "Definitions: indicators.yaml · Results: 2014.csv"]
    assert "## Asker kommune - målekart · Læring og fornyelse · 2014" in lines
    assert "**Focus goal:** Fremtidsrettet og lærende organisasjon" in lines
    assert "| Id | Indicator | Desired | Lowest accepted | Not approved | 2014 | Status |" in lines
    assert f"| L.1.1 | {L11} | 4,5 - 6 | 4 - 4,4 | 0 - 3,9 | 3.8 | ✖ Not approved |" in lines
    assert f"| L.1.2 | {L12} | 4,5 - 6 | 4 - 4,4 | 0 - 3,9 | 4.2 | ▲ Lowest accepted result |" in lines
    assert "| **L.1** | **Kultur for læring og fornyelse - innovasjon** |  |  |  |  | ✖ 0 of 2 desired |" in lines
    assert lines[-3] == "2014: 1 lowest accepted · 1 not approved · 3 not phased in"
    assert lines[-1] == (
        "Legend: ● desired · ▲ lowest accepted · ✖ not approved · ? missing · – no target · ○ not phased in"
        " · ∅ insufficient base"
    )


def test_markdown_a_section_per_org_unit(kpi, assert_ok):
    result = kpi("evaluate", *SA_ARGS, "--format", "markdown")
    assert_ok(result, 1)
    lines = result.stdout.splitlines()
    sections = [line for line in lines if line.startswith("## ")]
    assert sections == [
        "## Dette trenger oppmerksomhet",  # first, before the tables
        "## Hele kommunen",
        "## Helse og omsorg",
        "## Kultur",
        "## Oppvekst",
        "## Organisasjon og økonomi",
        "## Samfunnsutvikling",
        "## Teknisk",
    ]
    titles = [line for line in lines if line.startswith("### ")]
    assert titles[0] == "### Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · 2017 · Hele kommunen"
    assert titles[3] == "### Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · 2017 · Oppvekst"
    oppvekst = lines[lines.index("## Oppvekst") : lines.index("## Organisasjon og økonomi")]
    # Oppvekst's own 2017 bands for L.1.1; L.2.1 is measured for the whole municipality only.
    # Each row of the made-up file says it is made up in its comment column, shown under the name.
    made_up = "<br>*Kommentar: oppdiktet (made up)*"
    # The year before with its status symbol, and the change, as the terminal table shows them.
    assert (
        "| Id | Måleindikator | Ønsket | Laveste akseptert | Ikke godkjent | 2016 | 2017 | Endring | Status |"
        in oppvekst
    )
    row = "| L.1.1 | {L11}{made_up} | 4,2 - 5 | 3,8 - 4,1 | 1 - 3,7 | 4,1 ▲ | 4,3 | ↑ +0,2 bedre | ● Ønsket resultat |"
    assert row.format(L11=L11, made_up=made_up) in oppvekst
    row = "| L.1.2 | {L12}{made_up} | 4 - 5 | 3,5 - 3,9 | 1 - 3,4 | 4,1 ● | 4,0 | ↓ -0,1 verre | ● Ønsket resultat |"
    assert row.format(L12=L12, made_up=made_up) in oppvekst
    assert not any("L.2" in line for line in oppvekst)
    assert oppvekst[-2] == "2017: 2 ønsket"
    assert lines[-1].startswith("Tegnforklaring: ● ønsket · ▲ laveste akseptert")  # once, at the end
    whole = lines[lines.index("## Hele kommunen") : lines.index("## Helse og omsorg")]
    assert "| **L.2** | **Fasilitere og tilrettelegge for innovasjon** |  |  |  |  |  |  | ✖ 0 av 1 ønsket |" in whole
    assert (
        f"| L.2.1 | {L21}{made_up} | \\> 5 %poeng | 2 - 4,9 %poeng | \\< 2 %poeng | 4,0 ▲ | 1,5 | ↓ -2,5 verre "
        "| ✖ Ikke godkjent resultat |" in whole
    )
    kultur = lines[lines.index("## Kultur") : lines.index("## Oppvekst")]
    assert f"| L.1.2 | {L12}{made_up} | 4 - 5 | 3,5 - 3,9 | 1 - 3,4 | 4,3 ● | – |  | ? Mangler resultat |" in kultur
    assert "| **L** | **Læring og fornyelse** |  |  |  |  |  |  | ? 1 av 2 ønsket · 1 mangler |" in kultur


def test_markdown_escapes_text_from_files(kpi, hostile, assert_ok):
    result = kpi("evaluate", "2020.csv", "--format", "markdown")
    assert_ok(result, 1)
    out = result.stdout
    assert "<script>" not in out.replace("\\<script\\>", "")
    assert "\x07" not in out
    lines = out.splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert headings == [
        "# \\<script\\>alert(1)\\</script\\> \\| målekart · 2020",  # the page opens with a heading
        "## Dette trenger oppmerksomhet",
        "## Hele kommunen",
        "### \\<script\\>alert(1)\\</script\\> \\| målekart · Område \\| \\*fet\\* \\[lenke\\](http:\\//x) \\# \\@alle"
        " · 2020 · Hele kommunen",
        "## \\@evil,x:y",
        "### \\<script\\>alert(1)\\</script\\> \\| målekart · Område \\| \\*fet\\* \\[lenke\\](http:\\//x) \\# \\@alle"
        " · 2020 · \\@evil,x:y",
    ]
    assert "**Fokusmål:** \\`kode\\` \\_kursiv\\_ \\~\\~streket\\~\\~" in lines
    rows = [md_cells(line) for line in lines if line.startswith("| ")]
    assert all(len(cells) == 7 for cells in rows)  # no name or band text added or removed a cell
    indicator_rows = {cells[0]: cells for cells in rows[4:8]}  # after header, rule, area and goal
    assert indicator_rows["X.1.1"] == [
        "X.1.1",
        '=HYPERLINK("x")',
        "\\> 2",
        "-1 - 2",
        "\\< -1",
        "-1,5",
        "✖ Ikke godkjent resultat",
    ]
    assert indicator_rows["X.1.2"][1] == "\\<script\\>alert(1)\\</script\\>"
    assert indicator_rows["X.1.3"][1] == "a \\| b c \\\\ d"  # the newline is a space; the backslash escaped
    assert indicator_rows["X.1.4"][1] == "+SUM(1) 100 % \ufffd \\]\\]\\> --\\>"
    assert rows[3][1] == "**Mål \\<b\\>1\\</b\\> \\& co**"
    for cells in rows:
        for cell in cells[1:5]:
            assert unescaped_specials(cell.strip("*")) == set(), cell


# --- csv -----------------------------------------------------------------------------------


def test_csv_seed_norwegian(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--format", "csv")
    assert_ok(result, 0)
    assert raw(result).split("\r\n") == [
        ";".join(HEADER_NB),
        f"L.1.1;{L11};L.1;L;;2014;4,51;score 1-6;desired;Ønsket resultat;{SCORE_BANDS_CSV};active;aktiv;"
        "results/2014.csv;2;;;false;;;",
        f"L.1.2;{L12};L.1;L;;2014;4,72;score 1-6;desired;Ønsket resultat;{SCORE_BANDS_CSV};active;aktiv;"
        "results/2014.csv;3;;;false;;;",
        f"L.2.1;{L21};L.2;L;;2014;;%poeng;not_phased_in;Innfases 2015;> 5 %poeng;2 - 4,9 %poeng;< 2 %poeng;pending;"
        "ikke innfaset;results/2014.csv;4;;;false;;;",
        f"L.2.2;{L22};L.2;L;;2014;;;not_phased_in;Innfases 2017 (utsatt);;;;pending;ikke innfaset;"
        "results/2014.csv;5;;;false;;;",
        f"L.2.3;{L23};L.2;L;;2014;;;not_phased_in;Innfases 2017 (utsatt);;;;pending;ikke innfaset;"
        "results/2014.csv;6;;;false;;;",
        "",
    ]


def test_csv_seed_english(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--format", "csv", "--lang", "en")
    assert_ok(result, 0)
    lines = raw(result).split("\r\n")
    assert lines[0] == ",".join(HEADER)
    # A comma separator: decimal points, unquoted; texts with a comma quoted.
    assert lines[1] == (
        f'L.1.1,"{L11}",L.1,L,,2014,4.51,score 1-6,desired,Desired result,"4,5 - 6","4 - 4,4","0 - 3,9",active,active,'
        "results/2014.csv,2,,,false,,,"
    )
    records = csv_records(result.stdout, ",")
    assert [r["status_text"] for r in records] == [
        "Desired result",
        "Desired result",
        "Phased in 2015",
        "Phased in 2017 (postponed)",
        "Phased in 2017 (postponed)",
    ]


@pytest.mark.parametrize(
    ("args", "delimiter", "mark"),
    [
        ((), ";", ","),
        (("--lang", "en"), ",", "."),
        (("--output-delimiter", "tab"), "\t", ","),
        (("--output-delimiter", ";", "--lang", "en"), ";", "."),
        # a comma separator never gets a decimal comma: the value would have to be quoted
        (("--output-delimiter", ","), ",", "."),
    ],
)
def test_csv_delimiter_and_decimal_mark(kpi, made_up, assert_ok, args, delimiter, mark):
    value = f"3{mark}8"
    result = kpi("evaluate", "2014.csv", "--format", "csv", *args)
    assert_ok(result, 1)
    lines = raw(result).split("\r\n")
    assert lines[0] == delimiter.join(HEADER if "en" in args else HEADER_NB)
    assert lines[1].startswith(f"L.1.1{delimiter}")
    assert f"{delimiter}2014{delimiter}{value}{delimiter}score 1-6{delimiter}not_approved{delimiter}" in lines[1]
    records = csv_records(result.stdout, delimiter)
    assert [(r["indicator"], r["value"], r["status"]) for r in records] == [
        ("L.1.1", value, "not_approved"),
        ("L.1.2", f"4{mark}2", "accepted"),
        ("L.2.1", "", "not_phased_in"),
        ("L.2.2", "", "not_phased_in"),
        ("L.2.3", "", "not_phased_in"),
    ]
    assert records[0]["source_file"] == "2014.csv" and records[0]["source_line"] == "2"
    assert records[2]["source_file"] == "" and records[2]["source_line"] == ""  # no row for L.2.1


def test_csv_every_year_and_org_unit(kpi, assert_ok):
    result = kpi("evaluate", *SA_ARGS, "--format", "csv")
    assert_ok(result, 1)
    records = csv_records(result.stdout)
    # 3 years x (the municipality's 3 indicators + 6 org units x 2; L.2.1 is for the municipality only)
    assert len(records) == 45
    assert [int(r["year"]) for r in records] == sorted(int(r["year"]) for r in records)
    cells = by_key(records)
    assert len(cells) == 45
    oppvekst = cells[("L.1.1", "Oppvekst", 2016)]
    assert (oppvekst["value"], oppvekst["status"], oppvekst["status_text"]) == (
        "4,1",
        "accepted",
        "Laveste aksepterte resultat",
    )
    assert (oppvekst["desired"], oppvekst["accepted"], oppvekst["not_approved"]) == ("4,2 - 5", "3,8 - 4,1", "1 - 3,7")
    whole_2015 = cells[("L.1.1", "", 2015)]
    assert (whole_2015["value"], whole_2015["desired"], whole_2015["source_line"]) == ("4,51", "4,5 - 6", "2")
    kultur = cells[("L.1.2", "Kultur", 2017)]
    assert (kultur["value"], kultur["status"], kultur["source_line"]) == ("", "missing", "28")
    l21 = cells[("L.2.1", "", 2017)]
    assert (l21["value"], l21["status"], l21["phase_in_state"], l21["goal"]) == ("1,5", "not_approved", "active", "L.2")
    assert (cells[("L.2.1", "", 2015)]["phase_in_state"], cells[("L.2.1", "", 2015)]["phase_in_text"]) == (
        "new",
        "ny i år",
    )
    assert not any(key[0] == "L.2.1" and key[1] for key in cells)
    assert cells[("L.1.1", "Samfunnsutvikling", 2017)]["value"] == "3,95"


def _report_cells(definitions, results_files):
    scorecard = load_definitions(definitions)
    read = read_results(results_files)
    assert read.errors == []
    year = max(row.year for row in read.rows)
    report = evaluate(scorecard, read.rows, year)
    return (
        scorecard,
        year,
        {(r.indicator.id, r.year, r.org_unit): (r.value, r.status) for r in (*report.results, *report.history)},
    )


@pytest.mark.parametrize("style", [(), ("--lang", "en"), ("--output-delimiter", "tab"), ("--output-delimiter", ",")])
@pytest.mark.parametrize("source", ["seed", "made_up", "service_areas", "computed", "small_base"])
def test_csv_reads_back_to_the_same_values(kpi, tmp_path, monkeypatch, write, assert_ok, source, style):
    if source == "seed":
        definitions, results_file = str(REPO_ROOT / "indicators.yaml"), str(REPO_ROOT / "results" / "2014.csv")
    elif source == "made_up":
        definitions, results_file = str(REPO_ROOT / "indicators.yaml"), str(write("2014.csv", MADE_UP_2014))
    elif source == "computed":
        definitions, results_file = str(REPO_ROOT / "indicators.yaml"), str(write("2016.csv", MADE_UP_MEASURES_2016))
    elif source == "small_base":
        definitions, results_file = (
            str(write("defs.yaml", SMALL_BASE_DEFINITIONS)),
            str(write("r.csv", SMALL_BASE_RESULTS)),
        )
    else:
        definitions, results_file = str(EXAMPLE / "indicators.yaml"), SA_RESULTS
    out = tmp_path / "written.csv"
    args = ("evaluate", results_file, "--indicators", definitions, "--format", "csv", "-o", str(out), *style)
    assert_ok(kpi(*args, "--fail-on", "never"), 0)
    scorecard, year, expected = _report_cells(definitions, [results_file])
    back = read_results([str(out)])  # the project's own reader: delimiter and decimal mark detected
    assert back.errors == []
    assert {(r.indicator, r.year, r.org_unit): r.value for r in back.rows} == {
        key: value for key, (value, _) in expected.items()
    }
    again = evaluate(scorecard, back.rows, year)
    assert {
        (r.indicator.id, r.year, r.org_unit): (r.value, r.status) for r in (*again.results, *again.history)
    } == expected


def test_csv_neutralises_formulas(kpi, hostile, assert_ok):
    result = kpi("evaluate", "2020.csv", "--format", "csv")
    assert_ok(result, 1)
    records = csv_records(result.stdout)
    assert len(records) == 8
    cells = by_key(records)
    first = cells[("X.1.1", "", 2020)]
    assert first["name"] == '\'=HYPERLINK("x")'
    assert (first["desired"], first["accepted"], first["not_approved"]) == ("> 2", "'-1 - 2", "< -1")
    assert first["value"] == "-1,5"  # a number stays a number, minus and all
    assert cells[("X.1.2", "", 2020)]["name"] == "<script>alert(1)</script>"
    assert cells[("X.1.3", "", 2020)]["name"] == "a | b\nc \\ d"  # quoted by the csv module, kept whole
    assert cells[("X.1.4", "", 2020)]["name"] == "'+SUM(1) 100 % \x07 ]]> -->"
    assert cells[("X.1.4", "", 2020)]["unit"] == "'@%"
    assert cells[("X.1.1", "'@evil,x:y", 2020)]["value"] == "-5"
    for record in records:
        for column, cell in record.items():
            if column != "value":
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    # The values are written bare, never quoted as text.
    assert ";2020;-1,5;;not_approved;" in result.stdout
    assert ";2020;-5;;not_approved;" in result.stdout


# --- github --------------------------------------------------------------------------------


def test_github_made_up(kpi, made_up, assert_ok):
    result = kpi("evaluate", "2014.csv", "--format", "github")
    assert_ok(result, 1)
    assert result.stdout.splitlines() == [
        f"::error file=2014.csv,line=2,title=L.1.1 ikke godkjent::L.1.1 ikke godkjent (3,8) – {L11}; {SCORE_BANDS_NB}",
        "::warning file=2014.csv,line=3,title=L.1.2 laveste akseptert::"
        f"L.1.2 laveste akseptert (4,2) – {L12}; {SCORE_BANDS_NB}",
        "kpi 2014: 1 laveste akseptert · 1 ikke godkjent · 3 ikke innfaset (1 feiler)",
    ]


def test_github_fail_on_accepted_and_never(kpi, made_up, assert_ok):
    accepted = kpi("evaluate", "2014.csv", "--format", "github", "--fail-on", "accepted")
    assert_ok(accepted, 1)
    assert [line.split("::")[1] for line in accepted.stdout.splitlines()[:2]] == [
        "error file=2014.csv,line=2,title=L.1.1 ikke godkjent",
        "error file=2014.csv,line=3,title=L.1.2 laveste akseptert",
    ]
    never = kpi("evaluate", "2014.csv", "--format", "github", "--fail-on", "never")
    assert_ok(never, 0)
    lines = never.stdout.splitlines()
    assert [line.split("::")[1] for line in lines[:2]] == [
        "warning file=2014.csv,line=2,title=L.1.1 ikke godkjent",
        "warning file=2014.csv,line=3,title=L.1.2 laveste akseptert",
    ]
    assert lines[2].endswith("(0 feiler)")


def test_github_absolute_path_is_made_relative(kpi, made_up, assert_ok):
    result = kpi("evaluate", str(made_up / "2014.csv"), "--format", "github", "--lang", "en")
    assert_ok(result, 1)
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=2014.csv,line=2,title=L.1.1 not approved::L.1.1 not approved (3.8) – ")
    assert first.endswith("; bands: Desired 4,5 - 6 · Lowest accepted 4 - 4,4 · Not approved 0 - 3,9")


def test_github_missing_points_at_the_definitions(kpi, workdir, write, assert_ok):
    # MADE UP: 2015 without L.2.1, which is phased in that year (and without the measure it is computed from).
    write("2015.csv", "indikator;verdi\nL.1.1;4,6\nL.1.2;4,7\n")
    line = seed_line("L.2.1")
    missing = (
        f"L.2.1 mangler – {L21} (mangler ideer for 2015); "
        "krav: Ønsket > 5 %25poeng · Laveste akseptert 2 - 4,9 %25poeng · Ikke godkjent < 2 %25poeng"
    )
    result = kpi("evaluate", "2015.csv", "--format", "github")
    assert_ok(result, 0)
    assert result.stdout.splitlines() == [
        f"::warning file=indicators.yaml,line={line},title=L.2.1 mangler::{missing}",
        "kpi 2015: 2 ønsket · 1 mangler · 2 ikke innfaset (0 feiler)",
    ]
    failing = kpi("evaluate", "2015.csv", "--format", "github", "--fail-on-missing")
    assert_ok(failing, 1)
    assert failing.stdout.splitlines()[0] == f"::error file=indicators.yaml,line={line},title=L.2.1 mangler::{missing}"


NO_BANDS_2017 = "is phased in from 2017 but has no bands"


def test_github_indicators_without_bands_are_warnings(kpi, workdir, write, assert_ok):
    # MADE UP: 2017 results; L.2.2 and L.2.3 are phased in that year but have no bands.
    write("2017.csv", "indikator;verdi\nL.1.1;4,6\nL.1.2;4,7\nL.2.1;6\n")
    result = kpi("evaluate", "2017.csv", "--format", "github")
    assert_ok(result, 0)
    assert result.stdout.splitlines() == [
        *(
            f"::warning file=indicators.yaml,line={seed_line(key)},title={key}::{key} {NO_BANDS_2017}"
            for key in ("L.2.2", "L.2.3")
        ),
        "kpi 2017: 3 ønsket · 2 uten mål (0 feiler)",
    ]


def test_github_org_units(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *SA_ARGS, "--format", "github")  # absolute paths, inside the working directory
    assert_ok(result, 1)
    lines = result.stdout.splitlines()
    where = [line.split("::")[1] for line in lines[:-1]]
    path = "examples/service-areas/results-2015-2017.csv"
    assert where == [
        f"warning file={path},line=4,title=L.1.1 laveste akseptert",
        f"error file={path},line=10,title=L.2.1 ikke godkjent",
        f"error file={path},line=19,title=L.1.1 (Helse og omsorg) ikke godkjent",
        f"warning file={path},line=22,title=L.1.2 (Helse og omsorg) laveste akseptert",
        f"warning file={path},line=28,title=L.1.2 (Kultur) mangler",
        f"warning file={path},line=43,title=L.1.1 (Samfunnsutvikling) laveste akseptert",
        f"warning file={path},line=46,title=L.1.2 (Samfunnsutvikling) laveste akseptert",
        f"warning file={path},line=31,title=L.1.1 (Teknisk) laveste akseptert",
        f"warning file={path},line=34,title=L.1.2 (Teknisk) laveste akseptert",
    ]
    assert lines[2].endswith(
        f"::L.1.1 (Helse og omsorg) ikke godkjent (3,3) – {L11}; krav: Ønsket 4 - 5 · Laveste akseptert 3,5 - 3,9"
        " · Ikke godkjent 1 - 3,4 – Kommentar: oppdiktet (made up)"  # the row's comment column
    )
    assert lines[-1] == "kpi 2017: 6 ønsket · 6 laveste akseptert · 2 ikke godkjent · 1 mangler (2 feiler)"


def test_github_escapes_messages_and_properties(kpi, hostile, assert_ok):
    result = kpi("evaluate", "2020.csv", "--format", "github")
    assert_ok(result, 1)
    lines = result.stdout.splitlines()
    assert len(lines) == 8  # 7 annotations and the summary: no newline from a name started a line
    assert all(line.startswith(("::error ", "::warning ")) for line in lines[:-1])
    assert not lines[-1].startswith("::")
    assert lines[0].startswith(
        '::error file=2020.csv,line=2,title=X.1.1 ikke godkjent::X.1.1 ikke godkjent (-1,5) – =HYPERLINK("x"); '
    )
    assert lines[1].startswith(
        "::warning file=2020.csv,line=4,title=X.1.3 laveste akseptert::X.1.3 laveste akseptert (0) – a | b%0Ac \\ d; "
    )
    # The BEL from the name is shown as \x07: the github format is read in a CI log, so it is made inert.
    assert "::X.1.4 mangler – +SUM(1) 100 %25 \\x07 ]]> -->; krav: Ønsket > 2" in lines[2]
    assert lines[3].startswith(
        "::error file=2020.csv,line=6,title=X.1.1 (@evil%2Cx%3Ay) ikke godkjent::X.1.1 (@evil,x:y) ikke godkjent (-5)"
    )
    # the org unit's missing results have no row: they point at the indicator's definition
    assert lines[4].startswith("::warning file=indicators.yaml,line=18,title=X.1.2 (@evil%2Cx%3Ay) mangler::")


# --- junit ---------------------------------------------------------------------------------


def test_junit_made_up(kpi, made_up, assert_ok):
    result = kpi("evaluate", "2014.csv", "--format", "junit")
    assert_ok(result, 1)
    root, suite = junit(result.stdout)
    assert suite.get("name") == "Asker kommune - målekart 2014"
    for element in (root, suite):
        assert {key: element.get(key) for key in ("tests", "failures", "errors", "skipped")} == {
            "tests": "5",
            "failures": "1",
            "errors": "0",
            "skipped": "3",
        }
    found = cases(suite)
    assert list(found) == [f"L.1.1 {L11}", f"L.1.2 {L12}", f"L.2.1 {L21}", f"L.2.2 {L22}", f"L.2.3 {L23}"]
    assert [case.get("classname") for case in found.values()] == ["L.1", "L.1", "L.2", "L.2", "L.2"]
    l11 = found[f"L.1.1 {L11}"]
    assert (l11.get("file"), l11.get("line")) == ("2014.csv", "2")
    failure = l11.find("failure")
    assert failure is not None
    assert failure.get("type") == "not_approved"
    assert failure.get("message") == "L.1.1 ikke godkjent: 3,8 (0 - 3,9)"
    assert failure.text.splitlines() == [
        f"L.1.1 {L11}",
        "Verdi: 3,8 score 1-6",
        "Status: Ikke godkjent resultat",
        "Ønsket: 4,5 - 6",
        "Laveste akseptert: 4 - 4,4",
        "Ikke godkjent: 0 - 3,9",
        "Begrunnelse: 3,8 ligger i 0 - 3,9",
        "Kilde: 2014.csv:2",
    ]
    l12 = found[f"L.1.2 {L12}"]
    assert l12.find("failure") is None and l12.find("skipped") is None  # accepted passes under not_approved
    assert "Status: Laveste aksepterte resultat" in l12.find("system-out").text
    assert [c.find("skipped").get("message") for c in list(found.values())[2:]] == [
        "Innfases 2015",
        "Innfases 2017 (utsatt)",
        "Innfases 2017 (utsatt)",
    ]
    properties = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert properties == {
        "definitions": "indicators.yaml",
        "results": "2014.csv",
        "year": "2014",
        "fail_on": "not_approved",
        "fail_on_missing": "false",
        "fail_on_regression": "false",
    }


@pytest.mark.parametrize(
    ("fail_on", "exit_code", "failures"),
    [
        ("not_approved", 1, {"L.1.1": "not_approved"}),
        ("accepted", 1, {"L.1.1": "not_approved", "L.1.2": "accepted"}),
        ("never", 0, {}),
    ],
)
def test_junit_fail_on(kpi, made_up, assert_ok, fail_on, exit_code, failures):
    result = kpi("evaluate", "2014.csv", "--format", "junit", "--fail-on", fail_on, "--lang", "en")
    assert_ok(result, exit_code)
    _, suite = junit(result.stdout)
    assert suite.get("failures") == str(len(failures))
    found = {name.split()[0]: case.find("failure") for name, case in cases(suite).items()}
    assert {key: failure.get("type") for key, failure in found.items() if failure is not None} == failures
    if "L.1.2" in failures:
        assert found["L.1.2"].get("message") == "L.1.2 lowest accepted: 4.2 (4 - 4,4)"
        assert "Reason: 4.2 lies in 4 - 4.4" in found["L.1.2"].text


def test_junit_org_units_and_missing(kpi, assert_ok):
    result = kpi("evaluate", *SA_ARGS, "--format", "junit")
    assert_ok(result, 1)
    _, suite = junit(result.stdout)
    assert suite.get("name") == "Eksempelkommune - målekart (oppdiktet) 2017"
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("15", "2", "1")
    found = cases(suite)
    assert len(found) == 15  # the year shown only, not its history
    failed = {
        name: case.find("failure").get("message") for name, case in found.items() if case.find("failure") is not None
    }
    assert failed == {
        f"L.2.1 {L21}": "L.2.1 ikke godkjent: 1,5 (< 2 %poeng) – Kommentar: oppdiktet (made up)",
        f"L.1.1 {L11} [Helse og omsorg]": (
            "L.1.1 (Helse og omsorg) ikke godkjent: 3,3 (1 - 3,4) – Kommentar: oppdiktet (made up)"
        ),
    }  # with the comment column of the made-up file
    kultur = found[f"L.1.2 {L12} [Kultur]"]
    assert kultur.find("skipped").get("message") == "Mangler resultat – Kommentar: oppdiktet (made up)"
    strict = kpi("evaluate", *SA_ARGS, "--format", "junit", "--fail-on-missing")
    assert_ok(strict, 1)
    _, suite = junit(strict.stdout)
    assert (suite.get("failures"), suite.get("skipped")) == ("3", "0")
    missing = cases(suite)[f"L.1.2 {L12} [Kultur]"].find("failure")
    assert (missing.get("type"), missing.get("message")) == (
        "missing",
        "L.1.2 (Kultur) mangler – Kommentar: oppdiktet (made up)",
    )


def test_junit_gap_reason(kpi, workdir, write, assert_ok):
    # MADE UP: 4,47 lies between accepted 4 - 4,4 and desired 4,5 - 6; gap policy worse.
    write("2014.csv", "indikator;verdi\nL.1.1;4,47\nL.1.2;4,7\n")
    result = kpi("evaluate", "2014.csv", "--format", "junit", "--fail-on", "accepted")
    assert_ok(result, 1)
    _, suite = junit(result.stdout)
    failure = cases(suite)[f"L.1.1 {L11}"].find("failure")
    assert (
        "Begrunnelse: 4,47 ligger mellom laveste akseptert 4 - 4,4 og ønsket 4,5 - 6; "
        "i et gap gjelder det dårligste av de to"
    ) in failure.text
    english = kpi("evaluate", "2014.csv", "--format", "junit", "--fail-on", "accepted", "--lang", "en")
    failure = cases(junit(english.stdout)[1])[f"L.1.1 {L11}"].find("failure")
    assert "Reason: 4.47 lies between lowest accepted 4 - 4.4 and desired 4.5 - 6; gap policy worse" in failure.text


def test_junit_is_well_formed_with_hostile_text(kpi, hostile, assert_ok):
    result = kpi("evaluate", "2020.csv", "--format", "junit")
    assert_ok(result, 1)
    assert "<script>" not in result.stdout
    assert "\x07" not in result.stdout
    _, suite = junit(result.stdout)
    assert suite.get("name") == "<script>alert(1)</script> | målekart 2020"
    names = list(cases(suite))
    expected = [f"{key} {name}".replace("\x07", "\ufffd") for key, name in HOSTILE_NAMES.items()]
    assert names == [*expected, *(f"{name} [@evil,x:y]" for name in expected)]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("8", "2", "4")
    failure = cases(suite)[expected[0]].find("failure")
    assert failure.get("message") == "X.1.1 ikke godkjent: -1,5 (< -1)"
    assert "Ikke godkjent: < -1" in failure.text.splitlines()


# --- every format: exit codes, -o FILE, status and history ---------------------------------


FORMATS = ["markdown", "csv", "github", "junit"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_stay_as_documented(kpi, workdir, write, assert_ok, assert_error, fmt):
    # The current directory holds a copy of the seed's definitions; the results are made up.
    assert_ok(kpi("evaluate", str(REPO_ROOT / "results" / "2014.csv"), "--format", fmt), 0)
    write("2014.csv", MADE_UP_2014)
    assert_ok(kpi("evaluate", "2014.csv", "--format", fmt), 1)
    assert_ok(kpi("evaluate", "2014.csv", "--format", fmt, "--fail-on", "never"), 0)
    write("bad-2014.csv", "indikator;verdi\nL.1.1x;4\n")  # MADE UP: an unknown id
    assert_error(
        kpi("evaluate", "bad-2014.csv", "--format", fmt),
        ["bad-2014.csv:2: error: ukjent indikator 'L.1.1x' (mente du L.1.1?) [unknown-indicator]"],
    )


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "report.md"), ("csv", "report.csv"), ("github", "annotations.txt"), ("junit", "report.xml")],
)
def test_output_file(kpi, made_up, assert_ok, fmt, name):
    printed = kpi("evaluate", "2014.csv", "--format", fmt)
    assert_ok(printed, 1)
    written = kpi("evaluate", "2014.csv", "--format", fmt, "-o", name)
    assert_ok(written, 1)
    assert written.stdout == ""
    # CSV keeps its CRLF; written to a file it starts with a BOM so Excel reads æøå as UTF-8
    bom = "\ufeff".encode() if fmt == "csv" else b""
    assert (made_up / name).read_bytes() == bom + printed.stdout_bytes


STATUS_MARKDOWN_2017 = f"""Definisjoner: indicators.yaml

## Innfasing 2017

| Id | Måleindikator | Innfases | Tilstand | Resultatkrav | Merknad |
| --- | --- | ---: | --- | --- | --- |
| L.1.1 | {L11} | – | ▶ aktiv | ✔ ja |  |
| L.1.2 | {L12} | – | ▶ aktiv | ✔ ja |  |
| L.2.1 | {L21} | 2015 | ▶ aktiv | ✔ ja |  |
| L.2.2 | {L22} | 2017 | ✚ ny i år (utsatt) | – nei | Arbeidet med innovasjonsportalen er noe forsinket. |
| L.2.3 | {L23} | 2017 | ✚ ny i år (utsatt) | – nei | Arbeidet med innovasjonsportalen er noe forsinket. |
"""


def test_status_markdown(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2017", "--format", "markdown")
    assert_ok(result, 0)
    assert result.stdout == STATUS_MARKDOWN_2017
    pending = kpi("status", "--year", "2014", "--format", "markdown", "--lang", "en")
    reason = "Arbeidet med innovasjonsportalen er noe forsinket."
    assert f"| L.2.2 | {L22} | 2017 | ○ not phased in (postponed) | – no | {reason} |" in pending.stdout.splitlines()
    checked = kpi("status", "--year", "2017", "--format", "markdown", "--check")
    assert_ok(checked, 1)
    assert checked.stdout == STATUS_MARKDOWN_2017


def test_status_csv(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2016", "--format", "csv", "--lang", "en")
    assert_ok(result, 0)
    header, *rows = csv_rows(result.stdout, ",")
    assert header == [
        "indicator",
        "name",
        "goal",
        "focus_area",
        "year",
        "phase_in",
        "planned",
        "state",
        "state_text",
        "postponed",
        "has_bands",
        "reason",
    ]
    assert [(r[0], r[4], r[5], r[7], r[8], r[9], r[10]) for r in rows] == [
        ("L.1.1", "2016", "", "active", "active", "false", "true"),
        ("L.1.2", "2016", "", "active", "active", "false", "true"),
        ("L.2.1", "2016", "2015", "active", "active", "false", "true"),
        ("L.2.2", "2016", "2017", "pending", "not phased in", "true", "false"),
        ("L.2.3", "2016", "2017", "pending", "not phased in", "true", "false"),
    ]


def test_status_csv_says_the_state_in_the_output_language_beside_its_id(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2015", "--format", "csv")
    assert_ok(result, 0)
    header, *rows = csv_rows(result.stdout, ";")
    assert header[7:9] == ["tilstand", "tilstandstekst"]
    assert [(r[0], r[7], r[8]) for r in rows] == [
        ("L.1.1", "active", "aktiv"),
        ("L.1.2", "active", "aktiv"),
        ("L.2.1", "new", "ny i år"),
        ("L.2.2", "pending", "ikke innfaset"),
        ("L.2.3", "pending", "ikke innfaset"),
    ]


# What each command's --format offers, written out: a format renders the views it declares.
OFFERED = {
    "evaluate": "csv|docx|github|html|json|jsonl|junit|markdown|pdf|table|xlsx",
    "history": "csv|html|json|jsonl|markdown|table",
    "status": "csv|json|markdown|table",
}


def test_each_format_renders_exactly_the_views_it_declares():
    """A format offered for a command and then missing its function would fail only at run time."""
    from kpi_cli.render import FORMATS, Kind, renderer

    for name, declared in FORMATS.items():
        found = renderer(name)
        rendered = {kind for kind in Kind if getattr(found, kind.value) is not None}
        assert rendered == set(declared.kinds), name


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_formats_without_a_table_do_not_import_rich(repo_root, fmt):
    """Start-up matters: only the table renderer imports rich."""
    import subprocess
    import sys

    code = (
        "import sys; from kpi_cli.cli import main\n"
        f"try:\n    main(['evaluate', 'results/2014.csv', '--format', '{fmt}'])\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(("command", "offered"), OFFERED.items())
def test_format_help_offers_exactly_what_the_command_renders(kpi, command, offered):
    result = kpi(command, "--help")
    assert result.exit_code == 0
    assert f"--format [{offered}]" in " ".join(result.stdout.split())


@pytest.mark.parametrize("command", list(OFFERED))
def test_every_format_offered_renders(kpi, repo_root, command):
    """Each format a command offers works for it: nothing offered and then refused."""
    args = {"evaluate": ["results/2014.csv"], "history": ["results/2014.csv"], "status": ["--year", "2017"]}[command]
    for fmt in OFFERED[command].split("|"):
        result = kpi(command, *args, "--format", fmt)
        assert result.exit_code in (0, 1), (fmt, result.stderr)
        assert result.stdout, fmt


@pytest.mark.parametrize(("command", "fmt"), [("status", "github"), ("status", "html"), ("history", "junit")])
def test_a_format_not_offered_is_a_usage_error(kpi, repo_root, command, fmt):
    args = ["results/2014.csv"] if command == "history" else []
    result = kpi(command, *args, "--format", fmt)
    assert result.exit_code == 2
    offered = ", ".join(f"'{name}'" for name in OFFERED[command].split("|"))
    assert result.stderr.splitlines() == [
        f"kpi: error: Invalid value for '--format': '{fmt}' is not one of {offered} "
        f"(see 'kpi {command} --help') [usage]"
    ]


def test_history_markdown(kpi, assert_ok):
    result = kpi("history", *SA_ARGS, "--format", "markdown", "--org-unit", "Helse og omsorg")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    assert lines[2:] == [
        "## Eksempelkommune - målekart (oppdiktet) · 2015–2017 · Helse og omsorg",
        "",
        "| Id | Måleindikator | 2015 | 2016 | 2017 | Merknad |",
        "| --- | --- | ---: | ---: | ---: | --- |",
        f"| L.1.1 | {L11} | 4,3 ▲ | 3,6 ▲ | 3,3 ✖ | ⚠ ikke godkjent og verre enn i fjor (2017) |",
        f"| L.1.2 | {L12} | 4,4 ▲ | 3,7 ▲ | 3,8 ▲ |  |",
        "",
        "Tegnforklaring: ● ønsket · ▲ laveste akseptert · ✖ ikke godkjent · ? mangler · – uten mål · ○ ikke innfaset"
        " · ∅ for lite grunnlag",
    ]


def test_history_csv(kpi, assert_ok):
    result = kpi("history", *SA_ARGS, "--format", "csv", "--org-unit", "Kultur", "--lang", "en")
    assert_ok(result, 0)
    records = csv_records(result.stdout, ",")
    assert [(r["indicator"], r["org_unit"], r["year"], r["value"], r["status"]) for r in records] == [
        ("L.1.1", "Kultur", "2015", "4.9", "desired"),
        ("L.1.2", "Kultur", "2015", "5.0", "desired"),
        ("L.1.1", "Kultur", "2016", "4.4", "desired"),
        ("L.1.2", "Kultur", "2016", "4.3", "desired"),
        ("L.1.1", "Kultur", "2017", "4.5", "desired"),
        ("L.1.2", "Kultur", "2017", "", "missing"),
    ]


# --- computed indicators and too small a base ----------------------------------------------


def test_computed_value_in_every_format(kpi, workdir, write, assert_ok):
    write("2016.csv", MADE_UP_MEASURES_2016)
    markdown = kpi("evaluate", "2016.csv", "--format", "markdown")
    assert_ok(markdown, 0)
    lines = markdown.stdout.splitlines()
    assert f"| L.2.1 | {L21} | \\> 5 %poeng | 2 - 4,9 %poeng | \\< 2 %poeng | 8,33 | ● Ønsket resultat |" in lines
    assert "- L.2.1: 130 ideer mot 120 året før: +8,33 %" in lines
    records = by_key(csv_records(kpi("evaluate", "2016.csv", "--format", "csv").stdout))
    assert [r[0] for r in records] == ["L.1.1", "L.1.2", "L.2.1", "L.2.2", "L.2.3"]  # no measure rows
    l21 = records[("L.2.1", "", 2016)]
    assert (l21["value"], l21["status"], l21["source_file"]) == ("8,33", "desired", "")
    _, suite = junit(kpi("evaluate", "2016.csv", "--format", "junit").stdout)
    text = cases(suite)[f"L.2.1 {L21}"].find("system-out").text
    assert "Beregnet: 130 ideer mot 120 året før: +8,33 %" in text.splitlines()


def test_too_small_a_base_is_shown_not_rated(kpi, tmp_path, monkeypatch, write, assert_ok):
    write("indicators.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", SMALL_BASE_RESULTS)
    monkeypatch.chdir(tmp_path)
    note = "grunnlaget (5) er under minstekravet 10"
    records = by_key(csv_records(kpi("evaluate", "r.csv", "--format", "csv").stdout))
    small = records[("A.1.1", "Liten", 2020)]
    assert (small["value"], small["n"], small["status"], small["note"]) == ("3,2", "5", "insufficient_base", note)
    assert records[("A.1.1", "", 2020)]["n"] == "120"
    github = kpi("evaluate", "r.csv", "--format", "github")
    assert_ok(github, 0)
    assert github.stdout.splitlines() == [
        "::notice file=r.csv,line=3,title=A.1.1 (Liten) for lite grunnlag::A.1.1 (Liten) for lite grunnlag (3,2)"
        f" – Tilfredshet ({note}); krav: Ønsket 4,5 - 6 · Laveste akseptert 4 - 4,4 · Ikke godkjent 1 - 3,9",
        "kpi 2020: 1 ønsket · 1 for lite grunnlag (0 feiler)",
    ]
    _, suite = junit(kpi("evaluate", "r.csv", "--format", "junit").stdout)
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "0", "1")
    skipped = cases(suite)["A.1.1 Tilfredshet [Liten]"].find("skipped")
    assert skipped.get("message") == f"For lite grunnlag: {note}"
    lines = kpi("evaluate", "r.csv", "--format", "markdown").stdout.splitlines()
    assert "| A.1.1 | Tilfredshet | 4,5 - 6 | 4 - 4,4 | 1 - 3,9 | 3,2 | ∅ For lite grunnlag |" in lines
    assert "| **A.1** | **Mål** |  |  |  |  | ∅ for lite grunnlag |" in lines
    assert f"- A.1.1: {note}" in lines


def test_regressions_fail_in_github_and_junit_as_in_the_exit_code(repo_root):
    """--fail-on-regression makes the CI formats mark exactly the results JSON flags as regressions."""

    from kpi_cli.cli import main

    base = [
        "evaluate",
        "examples/service-areas/results-2015-2017.csv",
        "--indicators",
        "examples/service-areas/indicators.yaml",
        "--fail-on",
        "never",
    ]
    document = json.loads(cli_runner().invoke(main, [*base, "--format", "json"]).stdout)
    shown = [r for r in document["results"] if r["year"] == document["year"]]
    regressed = sorted(
        f"{r['indicator']} ({r['org_unit']})" if r["org_unit"] else r["indicator"] for r in shown if r["regression"]
    )
    assert regressed == ["L.1.1", "L.1.1 (Helse og omsorg)", "L.2.1"]  # worked out in test_history.py
    junit = cli_runner().invoke(main, [*base, "--fail-on-regression", "--format", "junit"])
    assert junit.exit_code == 1
    failed = [case for case in ET.fromstring(junit.stdout).iter("testcase") if case.find("failure") is not None]
    assert len(failed) == len(regressed)
    github = cli_runner().invoke(main, [*base, "--fail-on-regression", "--format", "github", "--lang", "en"])
    assert github.exit_code == 1
    titles = sorted(
        line.split("title=")[1].split("::")[0] for line in github.stdout.splitlines() if line.startswith("::error")
    )
    assert titles == ["L.1.1 (Helse og omsorg) not approved", "L.1.1 lowest accepted", "L.2.1 not approved"]
    assert f"kpi: {len(regressed)} results worse than the year before: " in github.stderr
