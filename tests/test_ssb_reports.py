"""SSB files in the reports: absence reasons, benchmarks beside results, source lines, folders.

The table below is MADE UP (a made-up KOSTRA-like table 99999 for a made-up scorecard); the
example in examples/ssb-kostra/ rates a made-up scorecard on SSB's unedited table 12191.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "ssb-kostra"
DEFINITIONS = str(EXAMPLE / "indicators.yaml")
TABLE = str(EXAMPLE / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json")

# Asker (3203): 60 in 2024, suppressed (':') in 2025; KOSTRA group 13: 55, then 70; the
# country: 50, then not available ('..'). The first note is marked mandatory, the second is not.
MADE_UP_TABLE = {
    "version": "2.0",
    "class": "dataset",
    "label": "99999: Made-up KOSTRA table",
    "updated": "2026-02-15T07:00:00Z",
    "id": ["KOKkommuneregion0000", "ContentsCode", "Tid"],
    "size": [3, 1, 2],
    "role": {"geo": ["KOKkommuneregion0000"], "time": ["Tid"], "metric": ["ContentsCode"]},
    "dimension": {
        "KOKkommuneregion0000": {
            "label": "region",
            "category": {
                "index": {"3203": 0, "EKG13": 1, "EAK": 2},
                "label": {"3203": "Asker", "EKG13": "Kostragruppe 13", "EAK": "Landet"},
            },
        },
        "ContentsCode": {"label": "statistikkvariabel", "category": {"index": {"X": 0}, "label": {"X": "Andel"}}},
        "Tid": {"label": "år", "category": {"index": {"2024": 0, "2025": 1}}},
    },
    "value": [60, None, 55, 70, 50, None],
    "status": {"1": ":", "5": ".."},
    "note": ["Made up: figures for 2025 are preliminary.", "Made up: not mandatory."],
    "extension": {"px": {"tableid": "99999"}, "noteMandatory": {"0": True}},
}
MADE_UP_DEFINITIONS = """\
# MADE UP: a scorecard for the made-up table 99999
scorecard: Made up
municipality: {code: "3203", name: Asker}
benchmarks: [EKG13, EAK]
focus_areas:
  - id: Ø
    name: Økonomi
    goals:
      - id: Ø.1
        name: Made up
        indicators:
          - id: Ø.1.1
            name: Andel
            ssb: {table: "99999", select: {ContentsCode: X}}
            bands: {desired: ">= 58", accepted: "[50; 58)", not_approved: "< 50"}
"""
SOURCE_NB = "Kilde: SSB, tabell 99999 «Made-up KOSTRA table», oppdatert 2026-02-15"
NOTE_NB = "Merk: Made up: figures for 2025 are preliminary."


@pytest.fixture
def made_up(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "indicators.yaml").write_text(MADE_UP_DEFINITIONS, encoding="utf-8")
    (tmp_path / "table.json").write_text(json.dumps(MADE_UP_TABLE), encoding="utf-8")
    return str(tmp_path / "indicators.yaml"), str(tmp_path / "table.json")


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_table_shows_the_reason_benchmarks_and_the_source_with_its_mandatory_note(kpi, assert_ok, made_up) -> None:
    definitions, table = made_up
    result = kpi("evaluate", "--indicators", definitions, table)
    assert_ok(result)
    shown = lines_of(result.stdout)
    # At the default 120 columns the three band columns give way to one compact column (the earlier
    # year stays); the benchmark columns are never dropped; the municipality's name heads its result.
    at = next(n for n, line in enumerate(shown) if line.startswith("Id "))
    assert shown[at - 1].split() == ["Asker"]
    assert shown[at].split() == [
        "Id",
        "Måleindikator",
        "Resultatkrav",
        "2024",
        "2025",
        "Kostragruppe",
        "13",
        "Landet",
        "Endring",
        "Status",
    ]
    row = next(line for line in shown if line.startswith("Ø.1.1"))
    assert row.split() == [
        "Ø.1.1",
        "Andel",
        "●",
        ">=",
        "58",
        "60",
        "●",
        "skjermet",
        "Kostragruppe",
        "13",
        "70",
        "Landet",
        "ikke",
        "tilgjengelig",
        "?",
        "mangler",
    ]
    assert shown[at + 4 : at + 6] == [" " * 30 + "▲ [50; 58)", " " * 30 + "✖ < 50"]  # the name column gave room
    assert shown[-3:-1] == [SOURCE_NB, NOTE_NB]  # then the legend
    assert "not mandatory" not in result.stdout


def test_benchmarks_are_better_or_worse_by_the_direction_in_every_format(kpi, assert_ok, made_up) -> None:
    definitions, table = made_up
    args = ("evaluate", "--indicators", definitions, table, "--year", "2024")
    markdown = kpi(*args, "--format", "markdown")
    assert_ok(markdown)
    row = "| Ø.1.1 | Andel | \\>= 58 | \\[50; 58) | \\< 50 | 60 | Kostragruppe 13 55 · Asker bedre |"
    assert row + " Landet 50 · Asker bedre | ● Ønsket resultat |" in markdown.stdout.splitlines()
    assert "| Id | Måleindikator | Ønsket | Laveste akseptert | Ikke godkjent | Asker 2024 |" in markdown.stdout
    assert markdown.stdout.splitlines()[-5:-2] == [SOURCE_NB, "", NOTE_NB]  # then the legend
    assert markdown.stdout.splitlines()[-1].startswith("Tegnforklaring: ● ønsket")
    html = kpi(*args, "--format", "html", "--lang", "en").stdout
    assert '<th scope="col" class="num">Kostragruppe 13</th><th scope="col" class="num">Landet</th>' in html
    assert (
        '<td class="num">60</td><td class="num">Kostragruppe 13 55 · Asker better</td>'
        '<td class="num">Landet 50 · Asker better</td>'
    ) in html
    source = "Source: Statistics Norway, table 99999 \u201cMade-up KOSTRA table\u201d, updated 2026-02-15"
    assert f'<p class="meta">{source}</p><p class="meta">Note: Made up: figures for 2025 are preliminary.</p>' in html
    csv = kpi(*args, "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(
        ";verre_enn_før;kommentar;tiltak;ansvarlig;fraværsgrunn;referanse_EKG13;mot_referanse_EKG13;referanse_EAK;mot_referanse_EAK"
    )
    assert [line.split(";")[5:7] + line.split(";")[-5:] for line in csv[1:]] == [
        ["2024", "60", "", "55", "better", "50", "better"],
        ["2025", "", "suppressed", "70", "", "not_available", ""],  # nothing to compare with a suppressed value
    ]
    document = json.loads(kpi(*args, "--format", "json").stdout)
    assert document["tables"] == [
        {
            "table": "99999",
            "title": "Made-up KOSTRA table",
            "updated": "2026-02-15T07:00:00Z",
            "notes": ["Made up: figures for 2025 are preliminary."],
        }
    ]
    by_year = {r["year"]: r for r in document["results"]}
    assert by_year[2024]["benchmarks"] == [
        {"region": "EKG13", "name": "Kostragruppe 13", "value": 55, "absence": None, "compared": "better"},
        {"region": "EAK", "name": "Landet", "value": 50, "absence": None, "compared": "better"},
    ]
    assert (by_year[2025]["absence"], by_year[2025]["benchmarks"][1]["absence"]) == ("suppressed", "not_available")


def test_a_benchmark_better_than_the_municipality_makes_it_worse(kpi, assert_ok, made_up, tmp_path) -> None:
    definitions, table = made_up
    lower = (
        Path(definitions)
        .read_text(encoding="utf-8")
        .replace(
            'bands: {desired: ">= 58", accepted: "[50; 58)", not_approved: "< 50"}',
            'bands: {desired: "<= 50", accepted: "(50; 58]", not_approved: "> 58"}',
        )
    )
    Path(definitions).write_text(lower, encoding="utf-8")
    result = kpi("evaluate", "--indicators", definitions, table, "--year", "2024", "--format", "json")
    assert_ok(result, 1)  # 60 is not approved when lower is better
    by_year = {r["year"]: r for r in json.loads(result.stdout)["results"]}
    assert [b["compared"] for b in by_year[2024]["benchmarks"]] == ["worse", "worse"]


@pytest.mark.parametrize(
    ("options", "exit_code"),
    [
        ((), 0),
        (("--fail-on-missing",), 0),  # suppressed is not counted as missing unless asked
        (("--fail-on-missing", "--fail-on-suppressed"), 1),
    ],
)
def test_suppressed_fails_the_gate_only_when_asked(kpi, assert_ok, made_up, options, exit_code) -> None:
    definitions, table = made_up
    result = kpi("evaluate", "--indicators", definitions, table, "--format", "json", *options)
    assert_ok(result, exit_code)
    document = json.loads(result.stdout)
    assert document["gate"]["fail_on_suppressed"] is ("--fail-on-suppressed" in options)
    assert document["failing"] == ([{"indicator": "Ø.1.1", "year": 2025, "org_unit": None}] if exit_code else [])


def test_ci_messages_say_why_a_value_is_absent(kpi, made_up) -> None:
    definitions, table = made_up
    args = ("evaluate", "--indicators", definitions, table, "--fail-on-missing", "--fail-on-suppressed")
    github = kpi(*args, "--format", "github", "--lang", "en")
    assert github.exit_code == 1
    assert github.stdout.splitlines()[0] == (
        f"::error file={table}[value 1],title=Ø.1.1 missing::Ø.1.1 missing (suppressed) – Andel; "
        "bands: Desired >= 58 · Lowest accepted [50; 58) · Not approved < 50"
    )
    junit = kpi(*args, "--format", "junit")
    assert "Ø.1.1 mangler: skjermet" in junit.stdout
    assert "Verdi: skjermet" in junit.stdout


def test_the_example_shows_drammen_against_its_benchmarks_in_table_and_html(kpi, assert_ok) -> None:
    table = kpi("evaluate", "--indicators", DEFINITIONS, TABLE)
    assert_ok(table)
    rows = {line.split()[0]: line.split() for line in lines_of(table.stdout) if line.startswith("H.1.")}
    # Each benchmark cell: the region and its value, then who is better (Drammen, than Moss)
    assert rows["H.1.1"][-7:] == ["27,8", "Moss", "13,5", "Ringerike", "8,9", "●", "ønsket"]
    assert rows["H.1.2"][-8:] == ["45", "Moss", "20", "Ringerike", "6", "▲", "laveste", "akseptert"]
    assert rows["H.1.3"][-7:] == ["315", "Moss", "228", "Ringerike", "67", "●", "ønsket"]
    below = lines_of(table.stdout)[
        [line.split()[0] if line else "" for line in lines_of(table.stdout)].index("H.1.1") + 1
    ]
    assert below.split()[-4:] == ["Drammen", "bedre", "Drammen", "bedre"]
    lines = lines_of(table.stdout)
    at = next(n for n, line in enumerate(lines) if line.startswith("Id "))
    assert lines[at - 1].split() == ["Drammen"]  # the municipality heads its results' column
    assert lines[at].split()[-5:] == ["2020", "Moss", "Ringerike", "Endring", "Status"]
    html = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, "--format", "html").stdout
    assert '<th scope="col" class="num">Moss</th><th scope="col" class="num">Ringerike</th>' in html
    assert (
        '<td class="num">27,8</td><td class="num">Moss 13,5 · Drammen bedre</td>'
        '<td class="num">Ringerike 8,9 · Drammen bedre</td>'
    ) in html
    assert "Kilde: SSB, tabell 12191 «Kommunehelse - supplerende grunnlagstall og nøkkeltall" in html


def test_the_example_names_why_earlier_years_are_absent(kpi, assert_ok) -> None:
    """Drammen (3005) dates from 2020: SSB writes '.' for 2018 and 2019."""
    result = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, "--year", "2019", "--lang", "en")
    assert_ok(result)
    row = next(line for line in lines_of(result.stdout) if line.startswith("H.1.1"))
    assert re.search(r" cannot occur +Moss cannot occur +Ringerike cannot occur +\? missing$", row), row
    history = kpi("history", "--indicators", DEFINITIONS, TABLE, "--format", "markdown")
    row = "| H.1.1 | Ergoterapeuter i kommunehelse og omsorg (årsverk) | kan ikke forekomme ? | kan ikke forekomme ? |"
    assert row in history.stdout


def test_a_folder_gives_its_json_files_when_the_definitions_name_ssb_sources(kpi, assert_ok) -> None:
    result = kpi("evaluate", "--indicators", DEFINITIONS, str(EXAMPLE), "--format", "json")
    assert_ok(result)
    assert json.loads(result.stdout)["sources"] == [TABLE]


def test_a_folder_without_ssb_sources_in_the_definitions_leaves_json_alone(kpi, assert_ok, tmp_path) -> None:
    (tmp_path / "2014.csv").write_text("indikator;verdi\nL.1.1;4,6\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a results file here
    result = kpi("evaluate", "--indicators", str(REPO_ROOT / "indicators.yaml"), str(tmp_path), "--format", "json")
    assert_ok(result)
    assert json.loads(result.stdout)["sources"] == [str(tmp_path / "2014.csv")]


# MADE UP: two KOSTRA-like figures for Asker and KOSTRA group 13 in 2024; X is better higher
# (60 against 55: better), Y better lower (14 against 12: worse).
TWO_FIGURES = {
    "version": "2.0",
    "class": "dataset",
    "label": "99998: Made-up key figures",
    "id": ["Region", "ContentsCode", "Tid"],
    "size": [2, 2, 1],
    "role": {"geo": ["Region"], "time": ["Tid"]},
    "dimension": {
        "Region": {"category": {"index": ["3203", "EKG13"], "label": {"3203": "Asker", "EKG13": "Kostragruppe 13"}}},
        "ContentsCode": {"category": {"index": ["X", "Y"]}},
        "Tid": {"category": {"index": ["2024"]}},
    },
    "value": [60, 14, 55, 12],
}
SHARE_DEFINITIONS = """\
# MADE UP: Asker's Ø.3.1 rule on made-up figures
scorecard: Made up
municipality: {code: "3203", name: Asker}
benchmarks: [EKG13]
focus_areas:
  - id: Ø
    name: Økonomi
    goals:
      - id: Ø.3
        name: Made up
        indicators:
          - id: Ø.3.1
            name: Andel utvalgte KOSTRA-indikatorer bedre enn KOSTRA-gruppe 13
            unit: "%"
            compute: {better_than: {benchmark: EKG13, indicators: [X.1, X.2]}}
            bands: {desired: ">= 50", accepted: "[25; 50)", not_approved: "< 25"}
          - id: X.1
            name: Made-up figure X
            direction: higher_is_better
            ssb: {table: "99998", select: {ContentsCode: X}}
          - id: X.2
            name: Made-up figure Y
            direction: lower_is_better
            ssb: {table: "99998", select: {ContentsCode: Y}}
"""


def test_a_computed_share_of_indicators_better_than_a_benchmark(kpi, assert_ok, tmp_path) -> None:
    (tmp_path / "indicators.yaml").write_text(SHARE_DEFINITIONS, encoding="utf-8")
    (tmp_path / "table.json").write_text(json.dumps(TWO_FIGURES), encoding="utf-8")
    args = ("evaluate", "--indicators", str(tmp_path / "indicators.yaml"), str(tmp_path / "table.json"))
    document = json.loads(kpi(*args, "--format", "json").stdout)
    share = next(r for r in document["results"] if r["indicator"] == "Ø.3.1")
    assert (share["value"], share["status"]) == (50, "desired")
    assert share["computed"] == {
        "method": "better_than",
        "inputs": [{"measure": "X.1", "year": 2024, "value": 60}, {"measure": "X.2", "year": 2024, "value": 14}],
        "value": 50,
        "text": "1 of 2 better than EKG13: 50.00 %",
        "benchmark": "EKG13",
        "better": 1,
    }
    compared = {r["indicator"]: [b["compared"] for b in r["benchmarks"]] for r in document["results"]}
    assert compared == {"Ø.3.1": [], "X.1": ["better"], "X.2": ["worse"]}
    table = kpi(*args)
    assert_ok(table)
    assert "Ø.3.1: 1 av 2 bedre enn EKG13: 50,00 %" in table.stdout
