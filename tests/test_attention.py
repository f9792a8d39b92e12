"""What needs attention first: worked out once in the view (the results at the scorecard's worst
level, then the regressions, then the missing results, each once with every reason), and shown
before the tables in HTML and Markdown (Excel and Word: tests/test_xlsx_report.py,
tests/test_docx_report.py). The service-areas example is made up."""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT

from kpi_cli.definitions.load import load_definitions
from kpi_cli.rating.evaluate import evaluate_results
from kpi_cli.results.read import read_results
from kpi_cli.view import build

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
ARGS = [str(EXAMPLE / "results-2015-2017.csv"), "--indicators", str(EXAMPLE / "indicators.yaml")]


def test_the_view_lists_worst_then_regressions_then_missing() -> None:
    scorecard = load_definitions(str(EXAMPLE / "indicators.yaml"))
    read = read_results([str(EXAMPLE / "results-2015-2017.csv")], definitions=scorecard.path)
    view = build(evaluate_results(scorecard, read, 2017))
    found = [(a.entry.result.indicator.id, a.entry.result.org_unit, a.reasons) for a in view.attention]
    assert found == [
        ("L.2.1", None, ("worst", "regression")),
        ("L.1.1", "Helse og omsorg", ("worst", "regression")),
        ("L.1.1", None, ("regression",)),
        ("L.1.2", "Kultur", ("missing",)),
    ]
    assert view.attention[0].entry.comment == "oppdiktet (made up)"


def test_markdown_says_it_before_the_tables(kpi) -> None:
    out = kpi("evaluate", *ARGS, "--format", "markdown").stdout
    lines = out.splitlines()
    start = lines.index("## Dette trenger oppmerksomhet")
    assert start < lines.index("## Hele kommunen")
    listed = [line for line in lines[start + 1 : lines.index("## Hele kommunen")] if line]
    assert len(listed) == 4
    assert listed[0].startswith("- L.2.1 Årlig prosentvis økning")
    assert listed[0].endswith(": 1,5 ✖ ikke godkjent · verre enn 2016 — Kommentar: oppdiktet (made up)")
    assert listed[3].startswith("- L.1.2 (Kultur) Ansatte")


@pytest.mark.parametrize("lang", ["nb", "nn", "sv", "en"])
def test_html_says_it_before_the_tables(kpi, lang: str) -> None:
    page = kpi("evaluate", *ARGS, "--format", "html", "--lang", lang).stdout
    heading = {"nb": "Dette trenger oppmerksomhet", "nn": "Dette treng merksemd"}
    heading |= {"sv": "Detta behöver uppmärksamhet", "en": "Needs attention"}
    section = re.search(r'<section class="attention"><h2>([^<]*)</h2><ul>(.*?)</ul></section>', page)
    assert section is not None and section.group(1) == heading[lang]
    assert page.index('class="attention"') < page.index("<table")
    items = re.findall(r"<li>(.*?)</li>", section.group(2))
    assert len(items) == 4
    assert '<b class="id">L.1.1</b> (Helse og omsorg)' in items[1]
    assert 'class="st st-not_approved"' in items[1]


def test_nothing_to_attend_to_is_said(kpi, repo_root) -> None:
    page = kpi("evaluate", "results/2014.csv", "--format", "html").stdout
    assert (
        '<section class="attention"><h2>Dette trenger oppmerksomhet</h2><ul>'
        "<li>Ingen resultater på laveste nivå, ingen tilbakegang, ingen mangler.</li></ul></section>"
    ) in page
