"""-q leaves out the notes (how a value was read, which year is shown) and nothing else; `kpi
history` takes -q too. The results here are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

FOOTNOTE = "2014.csv:2: note: L.1.1: footnote marks dropped from '4,51*': read as '4,51' [footnote-mark]"


@pytest.fixture
def marked(workdir: Path) -> Path:
    (workdir / "2014.csv").write_text("indikator;verdi\nL.1.1;4,51*\nL.1.2;3,2\n", encoding="utf-8")
    return workdir


@pytest.mark.parametrize("command", ["evaluate", "history"])
def test_quiet_leaves_out_the_notes(marked: Path, kpi, command: str) -> None:
    loud = kpi(command, "2014.csv", "--lang", "en")
    assert FOOTNOTE in loud.stderr.splitlines()
    quiet = kpi(command, "2014.csv", "-q", "--lang", "en")
    assert quiet.exit_code == loud.exit_code
    assert " note: " not in quiet.stderr and "kpi: note:" not in quiet.stderr
    assert quiet.stdout == loud.stdout


def test_quiet_still_says_what_fails(marked: Path, kpi) -> None:
    quiet = kpi("evaluate", "2014.csv", "-q", "--lang", "en")
    assert quiet.exit_code == 1
    assert quiet.stderr.splitlines() == ["kpi: 1 result fails --fail-on not_approved: L.1.2"]
