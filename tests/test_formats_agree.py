"""One report in every format: roll-ups, years, regressions and failing results agree.

Every format formats the same view (ARCHITECTURE.md: report -> view -> format), so what
one format says about the report, every other says too. The report is made up: two
org units, two years rated (2019, 2020) and a year of measures only (2018), a
computed indicator, a regression, a result with too small a base and missing ones.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from kpi_cli.render.csv_output import NB_HEADER

DEFINITIONS = """\
# MADE UP for the tests: one report that every format renders.
scorecard: Felles (oppdiktet)
language: nb
measures:
  - id: saker
    name: Saker
    unit: saker
focus_areas:
  - id: A
    name: Område
    goals:
      - id: A.1
        name: Tilfredshet
        indicators:
          - id: A.1.1
            name: Tilfredshet med tjenesten
            unit: score 1-6
            scale: [1, 6]
            min_base: 10
            bands:
              desired: "4,5 - 6"
              accepted: "4 - 4,4"
              not_approved: "1 - 3,9"
      - id: A.2
        name: Svartid
        indicators:
          - id: A.2.1
            name: Svartid i dager
            bands:
              desired: "< 5"
              accepted: "5 - 7"
              not_approved: "> 7"
      - id: A.3
        name: Vekst
        indicators:
          - id: A.3.1
            name: Vekst i saker
            unit: "%"
            compute:
              change: saker
            bands:
              desired: "> 5"
              accepted: "0 - 5"
              not_approved: "< 0"
"""
# MADE UP. 2018 has only a count: it is the year before 2019's change, not a year of its own.
RESULTS = (
    "indikator;år;enhet;verdi;n\n"
    "saker;2018;;100;\nsaker;2019;;110;\nsaker;2020;;99;\n"
    "A.1.1;2019;;4,6;200\nA.1.1;2020;;4,2;180\nA.2.1;2019;;4;\nA.2.1;2020;;6;\n"
    "A.1.1;2019;Vest;4,8;40\nA.1.1;2020;Vest;3,5;5\nA.2.1;2019;Vest;6;\n"
)
WHOLE = None
YEARS = [2019, 2020]
# 2020, worked out by hand: the whole municipality is accepted, accepted and not approved
# (-10 % saker), each worse than 2019; Vest has too small a base for A.1.1 and no results else.
ROLLUPS = {
    (WHOLE, "A"): "✖ 0 av 3 ønsket",
    (WHOLE, "A.1"): "▲ 0 av 1 ønsket",
    (WHOLE, "A.2"): "▲ 0 av 1 ønsket",
    (WHOLE, "A.3"): "✖ 0 av 1 ønsket",
    ("Vest", "A"): "? 2 mangler",  # nothing rated: how many are missing
    ("Vest", "A.1"): "∅ for lite grunnlag",
    ("Vest", "A.2"): "? 1 mangler",
    ("Vest", "A.3"): "? 1 mangler",
}
STATUSES = {
    ("A.1.1", WHOLE): "accepted",
    ("A.2.1", WHOLE): "accepted",
    ("A.3.1", WHOLE): "not_approved",
    ("A.1.1", "Vest"): "insufficient_base",
    ("A.2.1", "Vest"): "missing",
    ("A.3.1", "Vest"): "missing",
}
REGRESSIONS = {("A.1.1", WHOLE), ("A.2.1", WHOLE), ("A.3.1", WHOLE)}
ALARMS = {("A.3.1", WHOLE, 2020)}  # not approved and worse than the year before: what a history marks
FAILING = {  # by the gate
    (): {("A.3.1", WHOLE)},
    ("--fail-on-regression",): REGRESSIONS,
    ("--fail-on", "accepted", "--fail-on-missing"): {*REGRESSIONS, ("A.2.1", "Vest"), ("A.3.1", "Vest")},
}
SECTION = {WHOLE: "Hele kommunen", "Vest": "Vest"}
SYMBOLS = "●▲✖?–○∅"


@pytest.fixture
def run(kpi, tmp_path, monkeypatch, write):
    write("indicators.yaml", DEFINITIONS)
    write("r.csv", RESULTS)
    monkeypatch.chdir(tmp_path)

    def invoke(command: str, *args: str):
        return kpi(command, "r.csv", *args, env={"COLUMNS": "200"})

    return invoke


def key(item: dict) -> tuple[str, str | None]:
    return (item["indicator"], item["org_unit"])


# --- what each format says -------------------------------------------------------------------


def json_report(run, *args: str) -> dict:
    result = run("evaluate", "--format", "json", *args)
    return json.loads(result.stdout)


def table_rollups(text: str) -> dict[tuple[str | None, str], str]:
    found = {}
    for unit, name in SECTION.items():
        section = text.split(f"· 2020 · {name}\n")[1].split("\n\n2020:")[0]
        for line in section.splitlines():
            match = re.match(r"(A(?:\.\d)?) .*?([" + SYMBOLS + r"] [^" + SYMBOLS + r"]+?)\s*$", line)
            if match:
                found[(unit, match.group(1))] = match.group(2)
    return found


def markdown_rollups(text: str) -> dict[tuple[str | None, str], str]:
    found = {}
    for unit, name in SECTION.items():
        section = text.split(f"## {name}\n")[1].split("\n## ")[0]
        for ident, cell in re.findall(r"^\| \*\*(A(?:\.\d)?)\*\* \|.*\| ([^|]+) \|$", section, re.MULTILINE):
            found[(unit, ident)] = cell
    return found


def html_rollups(text: str) -> dict[tuple[str | None, str], str]:
    def words(fragment: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())

    found = {}
    for section in text.split('<section class="unit">')[1:]:
        name = re.search(r"<h2>([^<]+)</h2>", section).group(1)
        unit = None if name == "Hele kommunen" else name
        area = re.search(r"<h3>Fokusområde (A): [^<]*(<span.*?)</h3>", section)
        found[(unit, area.group(1))] = words(area.group(2))
        goals = r'<tr class="goal"><th scope="rowgroup" class="id">(A\.\d)</th>.*?<td>(.*?)</td>'
        for ident, badge in re.findall(goals, section):
            found[(unit, ident)] = words(badge)
    return found


def csv_records(text: str) -> list[dict[str, str]]:
    english = {nb: en for en, nb in NB_HEADER.items()}  # nb headers, read by their English names
    records = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    return [{english.get(key, key): value for key, value in record.items()} for record in records]


def history_alarms_table(text: str, span: str = "2019–2020") -> set[tuple[str, str | None, int]]:
    found = set()
    for unit, name in SECTION.items():
        section = text.split(f"· {span} · {name}\n")[1].split("\n\n")[0]
        rows = re.split(r"\n(?=A\.\d\.\d )", section)  # a row and the lines its wrapped note continues on
        for row in rows:
            match = re.match(r"(A\.\d\.\d) .*⚠[^(]*\(([\d, ]+)\)", " ".join(row.split()))
            if match:
                found |= {(match.group(1), unit, int(year)) for year in match.group(2).split(", ")}
    return found


def history_alarms_markdown(text: str, span: str = "2019–2020") -> set[tuple[str, str | None, int]]:
    found = set()
    for unit, name in SECTION.items():
        section = text.split(f"· {span} · {name}\n")[1].split("\n## ")[0]
        for ident, years in re.findall(r"^\| (A\.\d\.\d) \|.*⚠ [^(|]*\(([\d, ]+)\) \|$", section, re.MULTILINE):
            found |= {(ident, unit, int(year)) for year in years.split(", ")}
    return found


def history_alarms_html(text: str) -> set[tuple[str, str | None, int]]:
    found = set()
    for section in text.split('<section class="unit">')[1:]:
        name = re.search(r"<h2>([^<]+)</h2>", section).group(1)
        unit = None if name == "Hele kommunen" else name
        for row in section.split("<tr")[1:]:
            match = re.search(r'class="id">(A\.\d\.\d)</th>.*class="alarm">.*?\(([\d, ]+)\)', row)
            if match:
                found |= {(match.group(1), unit, int(year)) for year in match.group(2).split(", ")}
    return found


# --- they agree -----------------------------------------------------------------------------


def test_json_says_what_was_worked_out_by_hand(run):
    document = json_report(run)
    assert document["year"] == 2020
    assert document["years"] == YEARS
    shown = [r for r in document["results"] if r["year"] == 2020]
    assert {key(r): r["status"] for r in shown} == STATUSES
    assert {key(r) for r in shown if r["regression"]} == REGRESSIONS
    units = {item["org_unit"]: item for item in document["by_org_unit"]}
    assert units[WHOLE]["goals"]["A.1"]["status"] == "accepted"
    assert units["Vest"]["goals"]["A.1"] == {
        "status": None,  # nothing rated: the roll-up never reads better than what it hides
        "counts": {**dict.fromkeys(STATUS_NAMES, 0), "insufficient_base": 1},
    }


STATUS_NAMES = [
    "desired",
    "accepted",
    "not_approved",
    "missing",
    "no_target",
    "not_phased_in",
    "insufficient_base",
]


def test_roll_ups_agree_in_table_markdown_and_html(run):
    assert table_rollups(run("evaluate").stdout) == ROLLUPS
    assert markdown_rollups(run("evaluate", "--format", "markdown").stdout) == ROLLUPS
    assert html_rollups(run("evaluate", "--format", "html").stdout) == ROLLUPS


def test_years_agree_in_every_format(run):
    assert json_report(run)["years"] == YEARS
    lines = run("evaluate", "--format", "jsonl").stdout.splitlines()
    assert sorted({json.loads(line)["year"] for line in lines}) == YEARS
    assert sorted({int(r["year"]) for r in csv_records(run("evaluate", "--format", "csv").stdout)}) == YEARS
    table = run("evaluate").stdout
    assert all(re.search(r"^Id .* 2019 +2020 ", part, re.MULTILINE) for part in table.split("· 2020 · ")[1:])
    history = {
        "table": run("history", "--org-unit", "all").stdout,
        "markdown": run("history", "--org-unit", "all", "--format", "markdown").stdout,
        "html": run("history", "--org-unit", "all", "--format", "html").stdout,
    }
    assert "Felles (oppdiktet) · 2019–2020 · Vest" in history["table"]
    assert "| Id | Måleindikator | 2019 | 2020 | Merknad |" in history["markdown"]
    assert re.findall(r'<th scope="col" class="num">(\d{4})</th>', history["html"]) == ["2019", "2020"] * 2
    document = json.loads(run("history", "--org-unit", "all", "--format", "json").stdout)
    assert document["years"] == YEARS
    assert sorted({r["year"] for r in document["results"]}) == YEARS


def test_regressions_agree_in_every_format(run):
    document = json_report(run)
    every_year = {(r["indicator"], r["org_unit"], r["year"]): r for r in document["results"]}
    assert {k[:2] for k, r in every_year.items() if r["regression"] and k[2] == 2020} == REGRESSIONS
    records = csv_records(run("evaluate", "--format", "csv").stdout)
    assert {
        (r["indicator"], r["org_unit"] or None) for r in records if r["regression"] == "true" and r["year"] == "2020"
    } == REGRESSIONS
    lines = [json.loads(line) for line in run("evaluate", "--format", "jsonl").stdout.splitlines()]
    assert {key(r) for r in lines if r["regression"] and r["year"] == 2020} == REGRESSIONS
    # a history marks the regressions that end not approved, in every year shown
    alarms = {k for k, r in every_year.items() if r["regression"] and r["status"] == "not_approved"}
    assert alarms == ALARMS
    assert history_alarms_table(run("history", "--org-unit", "all").stdout) == ALARMS
    assert history_alarms_markdown(run("history", "--org-unit", "all", "--format", "markdown").stdout) == ALARMS
    assert history_alarms_html(run("history", "--org-unit", "all", "--format", "html").stdout) == ALARMS


def test_a_regression_before_the_last_year_shown_is_marked_in_every_history_format(run):
    with open("r.csv", "a", encoding="utf-8") as handle:  # MADE UP: 2021, in which every indicator recovers
        handle.write("A.1.1;2021;;4,7;200\nA.2.1;2021;;3;\nsaker;2021;;120;\n")
    expected = {("A.3.1", WHOLE, 2020)}  # 2020's alarm stays marked with 2021 shown after it
    assert history_alarms_table(run("history", "--org-unit", "all").stdout, "2019–2021") == expected
    markdown = run("history", "--org-unit", "all", "--format", "markdown").stdout
    assert history_alarms_markdown(markdown, "2019–2021") == expected
    assert history_alarms_html(run("history", "--org-unit", "all", "--format", "html").stdout) == expected
    document = json.loads(run("history", "--org-unit", "all", "--format", "json").stdout)
    assert {(r["indicator"], r["org_unit"], r["year"]) for r in document["results"] if r["regression"]} == {
        ("A.1.1", WHOLE, 2020),
        ("A.2.1", WHOLE, 2020),
        ("A.3.1", WHOLE, 2020),
    }


@pytest.mark.parametrize("gate", list(FAILING))
def test_failing_results_agree_with_the_exit_code(run, gate):
    expected = FAILING[gate]
    document = json_report(run, *gate)
    assert {key(item) for item in document["failing"]} == expected
    assert {key(r) for r in document["results"] if r["failing"]} == expected
    github = run("evaluate", "--format", "github", "--lang", "en", *gate)
    assert github.exit_code == 1
    titles = [line.split("title=")[1].split("::")[0] for line in github.stdout.splitlines() if line[:8] == "::error "]
    assert {re.match(r"(\S+)(?: \(([^)]+)\))? ", title).groups() for title in titles} == expected
    junit = run("evaluate", "--format", "junit", *gate)
    assert junit.exit_code == 1
    root = ET.fromstring(junit.stdout)
    failed = {
        (case.get("name").split(" ")[0], "Vest" if case.get("name").endswith("[Vest]") else None)
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    assert failed == expected
    assert root.get("failures") == str(len(expected))
    table = run("evaluate", *gate)
    assert table.exit_code == 1
    names = ", ".join(sorted(i + (f" ({u})" if u else "") for i, u in expected))
    assert names in table.stderr


def test_missing_results_are_counted_in_every_roll_up(run, write):
    """A roll-up never reads greener than its indicators: rated and missing results in one group
    say how many are missing, in the table, Markdown, HTML and (as counts per status) JSON."""
    write("r.csv", RESULTS + "A.2.1;2020;Vest;6;\n")  # MADE UP: Vest's A.2.1 accepted, A.3.1 still missing
    expected = {
        **ROLLUPS,
        ("Vest", "A"): "▲ 0 av 2 ønsket · 1 mangler",  # A.2.1 rated, A.3.1 missing (A.1.1: too small a base)
        ("Vest", "A.2"): "▲ 0 av 1 ønsket",
    }
    assert table_rollups(run("evaluate").stdout) == expected
    assert markdown_rollups(run("evaluate", "--format", "markdown").stdout) == expected
    assert html_rollups(run("evaluate", "--format", "html").stdout) == expected
    vest = next(unit for unit in json_report(run)["by_org_unit"] if unit["org_unit"] == "Vest")
    assert vest["focus_areas"]["A"] == {
        "status": "accepted",
        "counts": {**dict.fromkeys(STATUS_NAMES, 0), "accepted": 1, "missing": 1, "insufficient_base": 1},
    }
    assert vest["goals"]["A.3"]["counts"]["missing"] == 1
