"""The DuckDB engine under attack (issue 22): it reads only the files it is given, and `-v` quotes
only an excerpt of DuckDB's own errors. Each case runs both engines, which must agree. Made-up data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

pytest.importorskip("duckdb")

DEFINITIONS = """scorecard: made up
focus_areas:
  - id: A
    name: a
    goals:
      - id: G
        name: g
        indicators:
          - id: X.1
            name: x
            bands: {desired: "> 5", accepted: "(3, 5]", not_approved: "<= 3"}
"""


def results(value: str, unit: str = "") -> str:
    return f"indikator;år;enhet;verdi\nX.1;2014;{unit};{value}\n"


@pytest.fixture
def defs(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(DEFINITIONS, encoding="utf-8")
    return path


def both(kpi: Callable[..., Result], *args: str) -> tuple[Result, Result]:
    """The run on each engine; they must agree on every byte and the exit code."""
    python = kpi("evaluate", *args, "--engine", "python")
    duckdb = kpi("evaluate", *args, "--engine", "duckdb")
    assert duckdb.stdout_bytes == python.stdout_bytes
    assert (duckdb.exit_code, duckdb.stderr) == (python.exit_code, python.stderr)
    return python, duckdb


def values_rated(result: Result) -> list[str]:
    return [str(row["value_text"]) for row in json.loads(result.stdout)["results"]]


@pytest.mark.parametrize("name", ["r[1].csv", "x?.csv", "a*b.csv", "c[!x]d.csv", "[[].csv", "**.csv"])
def test_a_file_named_with_glob_characters_is_that_file(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path, name: str
) -> None:
    (tmp_path / name).write_text(results("6"), encoding="utf-8")
    for other in ("r1.csv", "xy.csv", "ab.csv", "cyd.csv", "[.csv", "a.csv"):  # what the glob would match
        if other != name:
            (tmp_path / other).write_text(results("1", "other"), encoding="utf-8")
    python, _ = both(kpi, str(tmp_path / name), "--indicators", str(defs), "--format", "json")
    assert python.exit_code == 0, python.stderr
    assert values_rated(python) == ["6"]


def test_a_link_out_of_a_folder_is_not_read_through_a_glob(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "x?.csv").write_text(results("6"), encoding="utf-8")
    secret = tmp_path / "secret.csv"
    secret.write_text(results("1", "secret"), encoding="utf-8")
    (folder / "xy.csv").symlink_to(secret)  # out of the folder: not followed by the Python reader
    python, _ = both(kpi, str(folder), "--indicators", str(defs), "--format", "json")
    assert python.exit_code == 0, python.stderr
    assert values_rated(python) == ["6"]
    assert "secret" not in python.stdout


def test_verbose_quotes_only_an_excerpt_of_duckdbs_error(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    lines = ["indikator;år;enhet;verdi", *(f"X.1;2014;u{i};4,5" for i in range(3000))]
    lines.insert(2000, "X.1;2014;x;4,5;" + "x" * 1870)  # DuckDB's sniffer fails and quotes the line
    path = tmp_path / "2014.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = kpi("evaluate", str(path), "--indicators", str(defs), "--engine", "duckdb", "-v", "--format", "json")
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if "through the report" in line]
    assert len(said) == 1
    assert said[0].startswith("kpi: engine: duckdb (--engine duckdb), through the report: DuckDB could not read")
    assert len(said[0]) < 200
    assert "x" * 81 not in result.stderr
    assert all(line.startswith(("kpi: ", str(path))) for line in result.stderr.splitlines())
