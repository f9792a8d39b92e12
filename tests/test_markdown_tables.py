"""Every Markdown report the examples make is well formed, and names the scorecard's own levels
and no others (issue 21 point 8, issue 24 point 10): each table row has as many cells as the
header and the delimiter row, as GitHub's table extension (GFM) requires to render a table at all.

The examples under examples/ and the seed are the inputs; the made-up ones say they are made up.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT

EXAMPLES = sorted(p.parent for p in (REPO_ROOT / "examples").glob("*/indicators.yaml"))
RUNS = [("indicators.yaml", "results/2014.csv")] + [
    (str((d / "indicators.yaml").relative_to(REPO_ROOT)), str(f.relative_to(REPO_ROOT)))
    for d in EXAMPLES
    for f in sorted(d.iterdir())
    if f.name != "indicators.yaml" and not f.name.startswith(".") and f.suffix != ".html"  # .html: for kpi init --from
]
DELIMITER_CELL = re.compile(r"^:?-+:?$")


def gfm_cells(line: str) -> list[str]:
    """A table row's cells as GFM splits them: at every pipe not escaped with a backslash, the
    leading and trailing pipe (which this tool always writes) opening and closing the row."""
    text = line.strip()
    assert text.startswith("|") and text.endswith("|") and not text.endswith("\\|"), line
    cells, cell, escaped = [], "", False
    for char in text[1:-1]:
        if escaped:
            cell, escaped = cell + char, False
        elif char == "\\":
            cell, escaped = cell + char, True
        elif char == "|":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
    return [*cells, cell.strip()]


def gfm_tables(markdown: str) -> list[list[list[str]]]:
    """Every table of the document, each a list of rows of cells, checked as GFM checks them: a
    header row, then a delimiter row with one ``---`` per header cell, then rows with as many cells."""
    tables: list[list[list[str]]] = []
    lines = markdown.splitlines()
    at = 0
    while at < len(lines):
        if not lines[at].startswith("|"):
            at += 1
            continue
        header = gfm_cells(lines[at])
        assert at + 1 < len(lines), f"a table row with no delimiter row: {lines[at]}"
        delimiter = gfm_cells(lines[at + 1])
        assert all(DELIMITER_CELL.match(cell) for cell in delimiter), lines[at + 1]
        assert len(delimiter) == len(header), (lines[at], lines[at + 1])
        rows = [header]
        at += 2
        while at < len(lines) and lines[at].startswith("|"):
            row = gfm_cells(lines[at])
            assert len(row) == len(header), (len(row), len(header), lines[at])
            rows.append(row)
            at += 1
        assert at == len(lines) or not lines[at].strip(), f"a table must end at a blank line: {lines[at]!r}"
        tables.append(rows)
    return tables


def test_the_parser_finds_what_github_would_not_render():
    with pytest.raises(AssertionError):
        gfm_tables("| a | b |\n| --- | --- | --- |\n| 1 | 2 |\n")  # 2 header cells, 3 delimiters
    with pytest.raises(AssertionError):
        gfm_tables("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n")
    assert gfm_tables("| a | b \\| c |\n| --- | ---: |\n| 1 | 2 |\n") == [[["a", "b \\| c"], ["1", "2"]]]


@pytest.mark.parametrize(("definitions", "results"), RUNS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_markdown_report_of_the_examples_is_well_formed(kpi, repo_root, definitions, results, lang):
    runs = [
        ("evaluate", results),
        ("evaluate", results, "--by-org-unit"),
        ("history", results),
        ("status",),
    ]
    for command in runs:
        result = kpi(*command, "--indicators", definitions, "--format", "markdown", "--lang", lang)
        assert result.exit_code in (0, 1), (command, result.stderr)
        tables = gfm_tables(result.stdout)
        assert tables, command
        if command[0] == "evaluate":
            assert result.stdout.rstrip().splitlines()[-1].startswith(("Tegnforklaring: ●", "Legend: ●"))


SINGLE = ("examples/single-target/indicators.yaml", "examples/single-target/results.csv")
TOLERANCE = ("examples/tolerance/indicators.yaml", "examples/tolerance/results.csv")


def run(kpi, example: tuple[str, str], fmt: str, lang: str = "nb") -> str:
    result = kpi("evaluate", example[1], "--indicators", example[0], "--format", fmt, "--lang", lang)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
@pytest.mark.parametrize(
    ("lang", "levels", "absent"), [("nb", ("Nådd", "Ikke nådd"), "akseptert"), ("en", ("Met", "Not met"), "accepted")]
)
def test_a_two_level_scorecard_names_two_levels_everywhere(kpi, repo_root, fmt, lang, levels, absent):
    out = run(kpi, SINGLE, fmt, lang)
    if fmt == "html":  # what a reader sees: the text, not the style sheet's classes for every status
        out = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", out, flags=re.S))
    assert absent not in out.lower()
    assert "▲" not in out
    if fmt == "html":
        legend = re.sub(r"\s+", " ", out[out.rindex("Tegnforklaring" if lang == "nb" else "Legend") :])
        assert f"● {levels[0]} ✖ {levels[1]} ?" in legend
        said = "grønn: Nådd, rød: Ikke nådd" if lang == "nb" else "green: Met, red: Not met"
        assert said in legend  # the chart's caption names the colours of the levels there are
    else:
        legend = next(line for line in out.splitlines() if re.search(r"Tegnforklaring|Legend", line))
        assert f"● {levels[0]}" in legend and f"✖ {levels[1]}" in legend


def test_the_markdown_table_of_two_levels_has_the_columns_of_its_header(kpi, repo_root):
    (table, *_) = gfm_tables(run(kpi, SINGLE, "markdown"))
    assert table[0] == ["Id", "Måleindikator", "Nådd", "Ikke nådd", "2017", "2018", "Endring", "Status"]
    assert table[3] == [
        "S.1.1",
        "Innbyggernes tilfredshet med tjenestene",
        "\\>52,5 poeng",
        "≤ 52,5 poeng",
        "51,0 ✖",
        "53,2",
        "↑ +2,2 bedre",
        "● Nådd",
    ]


def test_three_levels_of_the_scorecards_own_words(kpi, repo_root):
    out = run(kpi, TOLERANCE, "markdown")
    (table, *_) = gfm_tables(out)
    assert table[0][2:5] == ["Ønsket resultat", "Akseptabelt resultat", "Uakseptabelt resultat"]
    assert out.rstrip().splitlines()[-1] == (
        "Tegnforklaring: ● Ønsket resultat · ▲ Akseptabelt resultat · ✖ Uakseptabelt resultat · ? mangler · "
        "– uten mål · ○ ikke innfaset · ∅ for lite grunnlag"
    )
    html = run(kpi, TOLERANCE, "html")
    assert "grønn: Ønsket resultat, gul: Akseptabelt resultat, rød: Uakseptabelt resultat" in html


@pytest.mark.parametrize("example", [SINGLE, TOLERANCE])
def test_an_html_goal_row_spans_the_columns_of_its_header(kpi, repo_root, example):
    html = run(kpi, example, "html")
    head = re.search(r"<thead><tr>(.*?)</tr></thead>", html)
    assert head is not None
    columns = head.group(1).count("<th ")
    goal = re.search(r'<tr class="goal">(.*?)</tr>', html)
    assert goal is not None
    cells = re.findall(r"<t[hd]\b([^>]*)>", goal.group(1))
    spans = [int(m.group(1)) if (m := re.search(r'colspan="(\d+)"', attrs)) else 1 for attrs in cells]
    assert sum(spans) == columns
