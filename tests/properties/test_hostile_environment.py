"""Environment variables under attack (issue 22): a huge COLUMNS or LINES, a SOURCE_DATE_EPOCH no
date can hold. Each ends as SECURITY.md promises: no traceback, work bounded. Work is bounded by
CPU time (resource.getrusage, with a wide margin), never by the wall clock. Made-up results."""

from __future__ import annotations

import datetime
import re
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS
from test_robustness import assert_clean_exit

from kpi_cli.cli import main
from kpi_cli.limits import MAX_TABLE_WIDTH

FIVE_ROWS = "indikator;år;verdi\nL.1.1;2014;4,6\nL.1.2;2014;4,1\nL.2.1;2014;5\nL.2.2;2014;3\nL.2.3;2014;2\n"


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def evaluate(path: Path, env: dict[str, str], *args: str) -> object:
    return CliRunner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), *args], env=env)


@pytest.mark.parametrize("columns", ["100000", "9" * 30, "0" * 20 + "100000"])
def test_a_huge_columns_lays_the_table_out_at_the_widest_width(tmp_path: Path, columns: str) -> None:
    path = tmp_path / "2014.csv"
    path.write_text(FIVE_ROWS, encoding="utf-8")
    before = cpu_seconds()
    result = evaluate(path, {"COLUMNS": columns})
    assert cpu_seconds() - before < 20  # was more than 60 s of CPU at 100 000 (0,2 s now)
    assert_clean_exit(result, (0, 1), [str(path)])
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= MAX_TABLE_WIDTH
    assert any("L.2.3" in line for line in lines)


@pytest.mark.parametrize("name", ["COLUMNS", "LINES"])
def test_a_width_of_five_thousand_digits_is_no_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / "2014.csv"
    path.write_text(FIVE_ROWS, encoding="utf-8")
    result = evaluate(path, {name: "9" * 5000})  # was: ValueError from int() (4300 digits at most)
    assert_clean_exit(result, (0, 1), [str(path)])
    assert "L.2.3" in result.stdout


@pytest.mark.parametrize("epoch", ["99999999999999999999", "253402300800", "9" * 5000])
def test_a_source_date_epoch_no_date_holds_is_today(tmp_path: Path, epoch: str) -> None:
    path = tmp_path / "2014.csv"
    path.write_text(FIVE_ROWS, encoding="utf-8")
    days = {datetime.date.today().isoformat()}
    result = evaluate(path, {"SOURCE_DATE_EPOCH": epoch}, "--format", "html")
    days.add(datetime.date.today().isoformat())  # a run across midnight
    assert_clean_exit(result, (0, 1), [str(path)])  # was: OverflowError, exit 1
    assert re.findall(r'<time datetime="([0-9-]+)">', result.stdout)[0] in days


def test_the_last_day_a_date_holds_is_still_taken(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text(FIVE_ROWS, encoding="utf-8")
    result = evaluate(path, {"SOURCE_DATE_EPOCH": "253402300799"}, "--format", "html")
    assert '<time datetime="9999-12-31">' in result.stdout
