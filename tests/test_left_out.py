"""A table or page of a large report shows the first org units and says what it leaves out
(kpi_cli.view.for_people; README: "Large inputs"); the data formats write every result."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import Result

from kpi_cli import view

# Made up: the service-areas example, 2017: the whole municipality (3 results) and six org units (2 each).
ARGS = ["examples/service-areas/results-2015-2017.csv", "--indicators", "examples/service-areas/indicators.yaml"]


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view, "SHOWN_RESULTS", 4)  # room for the municipality only


@pytest.mark.usefixtures("repo_root", "small_limit")
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "… 6 more org units (12 results) are left out here: --format json, jsonl or csv writes every result"),
        (
            "nb",
            "… 6 enheter til (12 resultater) er utelatt her: --format json, jsonl eller csv skriver alle resultatene",
        ),
    ],
)
def test_the_table_names_what_it_leaves_out(kpi: Callable[..., Result], lang: str, line: str) -> None:
    shown = kpi("evaluate", *ARGS, "--lang", lang, env={"COLUMNS": "200"})
    assert line in shown.stdout.splitlines()
    everything = kpi("evaluate", *ARGS, "--format", "json", "--year", "2017")
    units = json.loads(everything.stdout)["org_units"]
    assert len(units) == 7
    named = [unit for unit in units[1:] if unit != "Kultur"]  # "Kultur" is also in a goal's name
    assert named and all(unit not in shown.stdout for unit in named)  # left out: no section of their own
    assert shown.exit_code == everything.exit_code  # the gate counts every org unit


@pytest.mark.usefixtures("repo_root", "small_limit")
def test_the_page_names_what_it_leaves_out(kpi: Callable[..., Result]) -> None:
    page = kpi("evaluate", *ARGS, "--format", "html", "--lang", "en")
    assert (
        '<p class="left-out">… 6 more org units (12 results) are left out here: '
        "--format json, jsonl or csv writes every result</p>"
    ) in page.stdout


@pytest.mark.usefixtures("repo_root")
def test_nothing_is_left_out_under_the_limit(kpi: Callable[..., Result]) -> None:
    for fmt in ("table", "html"):
        shown = kpi("evaluate", *ARGS, "--format", fmt, "--lang", "en")
        assert "left out here" not in shown.stdout


def test_the_first_org_unit_is_shown_whatever_the_limit() -> None:
    from kpi_cli.definitions.load import load_definitions
    from kpi_cli.rating.evaluate import evaluate_results
    from kpi_cli.results.read import read_results

    scorecard = load_definitions(view.__file__.replace("kpi_cli/view.py", ARGS[2]))
    read = read_results([view.__file__.replace("kpi_cli/view.py", ARGS[0])])
    built = view.build(evaluate_results(scorecard, read, 2017))
    shown, left = view.for_people(built, limit=0)
    assert [unit.org_unit for unit in shown.units] == [built.units[0].org_unit]
    assert left == view.LeftOut(6, 12)
    assert shown.rollups == built.rollups
