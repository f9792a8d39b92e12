"""examples/printed (made up, band texts as printed) gives what README "From the printed scorecard
to indicators.yaml" shows."""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "printed"


def _readme_block(first_line: str) -> list[str]:
    """The lines of the README console block that starts with ``first_line``."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(re.escape(first_line) + r"\n(.*?)\n```", text, re.DOTALL)
    assert match, first_line
    return match.group(1).splitlines()


@pytest.fixture
def in_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)


def test_validate_gives_what_the_readme_shows(kpi, in_example, assert_ok) -> None:
    result = kpi("validate", "--lang", "en")  # the README shows the lines in English
    assert_ok(result, 0)
    shown = _readme_block("$ cd examples/printed && kpi validate")
    assert result.stderr.splitlines() + result.stdout.splitlines() == shown


def test_evaluate_rates_every_row_and_warns_of_the_one_beyond(kpi, in_example, assert_ok) -> None:
    result = kpi("evaluate", "results-2015.csv", "--format", "csv")
    assert_ok(result, 0)
    english = kpi("evaluate", "results-2015.csv", "--format", "csv", "--lang", "en")  # as the README shows it
    rows = [line.split(";") for line in result.stdout.splitlines()[1:]]
    assert [(row[0], row[6], row[8]) for row in rows] == [
        ("S.1.1", "412", "accepted"),
        ("S.1.2", "1,21", "accepted"),
        ("S.1.3", "83", "desired"),
        ("S.1.4", "2", "desired"),
        ("Ø.2.1", "-0,3", "desired"),  # bands as printed: -0,3 lies beyond them, a warning says so
        ("Ø.2.2", "-0,3", "accepted"),  # the same bands modelled with signs
    ]
    assert english.stderr.splitlines() == _readme_block("$ kpi evaluate results-2015.csv\n...")
    assert result.stderr.splitlines()[0].startswith("results-2015.csv:6: warning: Ø.2.1: -0,3 ligger utenfor alle bånd")
