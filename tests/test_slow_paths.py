"""Paths that grew faster than the input (issue 16): the table per org unit, and 'did you mean'
for every unknown row against thousands of ids. The data is made up."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS, cpu_time

from kpi_cli.cli import main
from kpi_cli.report import Report


def _table_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: int) -> Counter[str]:
    """How often the default table asks the report for what every org unit shares."""
    calls: Counter[str] = Counter()
    for name in ("org_units", "other_years", "counts"):
        original = getattr(Report, name)

        def counted(report: Report, _original: Any = original, _name: str = name) -> Any:
            calls[_name] += 1
            return _original.fget(report) if isinstance(_original, property) else _original(report)

        monkeypatch.setattr(Report, name, property(counted) if isinstance(original, property) else counted)
    path = tmp_path / f"results-{units}.csv"
    rows = "".join(f"L.1.1;2014;Enhet {n};4,5\nL.1.1;2013;Enhet {n};4,4\n" for n in range(units))
    path.write_text("indikator;år;enhet;verdi\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(f"Enhet {units - 1}\n") == 1  # the title of its one focus area
    monkeypatch.undo()
    return calls


def test_the_table_works_out_what_org_units_share_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Per org unit, the report's org units (a walk of every result) made 10 000 org units quadratic:
    # the calls must not grow with the number of org units.
    few, many = _table_calls(tmp_path, monkeypatch, 3), _table_calls(tmp_path, monkeypatch, 60)
    assert many == few and many["org_units"] <= 3


def test_unknown_ids_against_thousands_are_fast_and_short(tmp_path: Path) -> None:
    entries = "".join(f"          - id: A.1.{n}\n            name: Made-up indicator {n}\n" for n in range(5000))
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(
        "scorecard: Made-up\nfocus_areas:\n  - id: A\n    name: Area\n    goals:\n      - id: A.1\n"
        "        name: Goal\n        indicators:\n" + entries,
        encoding="utf-8",
    )
    results = tmp_path / "2014.csv"
    results.write_text("indikator;verdi\n" + "".join(f"Z.{n}.x{n};1\n" for n in range(2000)), encoding="utf-8")
    with cpu_time() as used:
        result = CliRunner().invoke(main, ["evaluate", str(results), "--indicators", str(definitions)])
    assert used.seconds < 20  # about 1 s of CPU; quadratic suggestions took minutes
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 2000
    assert lines[0] == (
        f"{results}:2: error: ukjent indikator 'Z.0.x0'; kjente id-er: A.1.0, A.1.1, A.1.2, A.1.3, A.1.4,"
        " A.1.5, A.1.6, A.1.7, A.1.8, A.1.9 ... og 4990 til [unknown-indicator]"
    )
    assert lines[1] == f"{results}:3: error: ukjent indikator 'Z.1.x1' (mente du A.1.1?) [unknown-indicator]"
    assert max(len(line) for line in lines) < 250
