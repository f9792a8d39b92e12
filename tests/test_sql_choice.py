"""Which engine a run takes (kpi_cli.sql.choice): Python for CSV of any size, DuckDB for Parquet, what -v says,
and that asking imports neither DuckDB nor sqlglot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT

from kpi_cli.errors import UsageError
from kpi_cli.sql import choice
from kpi_cli.sql.choice import Choice, choose


def made_up(tmp_path: Path, name: str, size: int) -> Path:
    """A made-up results file of about ``size`` bytes."""
    path = tmp_path / name
    path.write_bytes(b"indikator;verdi\n" + b"L.1.1;4,5\n" * ((size - 16) // 10))
    return path


@pytest.fixture
def with_duckdb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choice, "installed", lambda: True)


@pytest.fixture
def without_duckdb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choice, "installed", lambda: False)


@pytest.mark.usefixtures("with_duckdb")
def test_auto_takes_python_for_csv_of_any_size(tmp_path: Path) -> None:
    """Measured: through a report DuckDB is slower at every size (BENCHMARKS.md), so no threshold."""
    small = made_up(tmp_path, "small-2014.csv", 2_000)
    large = made_up(tmp_path, "large-2014.csv", 3_000_000)
    auto = Choice("python", "engine: python (auto: DuckDB streams csv from 5 MB of CSV, or Parquet)")
    assert choose([small]) == choose([large]) == choose([tmp_path]) == auto
    assert choose([large], "python") == Choice("python", "engine: python (--engine python)")
    assert choose([small], "duckdb") == Choice("duckdb", "engine: duckdb (--engine duckdb)")


@pytest.mark.usefixtures("with_duckdb")
def test_parquet_is_read_by_duckdb_only(tmp_path: Path) -> None:
    parquet = tmp_path / "results.parquet"
    parquet.write_bytes(b"PAR1")
    assert choose([parquet]) == Choice("duckdb", "engine: duckdb (auto: Parquet input)")
    with pytest.raises(UsageError, match=r"results\.parquet: Parquet is read by the DuckDB engine only"):
        choose([parquet], "python")


@pytest.mark.usefixtures("without_duckdb")
def test_without_duckdb_auto_takes_python_and_duckdb_is_a_usage_error(tmp_path: Path) -> None:
    large = made_up(tmp_path, "large-2014.csv", 3_000_000)
    assert choose([large]) == Choice("python", "engine: python (auto: duckdb is not installed)")
    for engine, path in (("duckdb", large), ("auto", tmp_path / "results.parquet")):
        with pytest.raises(UsageError, match=r"needs duckdb and sqlglot: pip install 'kpi-cli\[scale\]'"):
            choose([path], engine)
    with pytest.raises(UsageError, match="--engine must be one of auto, python, duckdb"):
        choose([large], "spark")


def test_a_missing_file_counts_nothing_and_is_left_to_the_reader(tmp_path: Path) -> None:
    assert choose([tmp_path / "nowhere-2014.csv"], "python").engine == "python"


def test_choosing_imports_neither_duckdb_nor_sqlglot() -> None:
    code = (
        "import sys; from kpi_cli.sql.choice import choose; choose(['results/2014.csv']); "
        "print(sorted(m for m in ('duckdb', 'sqlglot') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    assert done.stdout.strip() == "[]"


@pytest.mark.usefixtures("with_duckdb")
def test_auto_streams_csv_from_5_mb_and_parquet_out_always(tmp_path: Path) -> None:
    """Below 5 MB the stream was measured no faster than the core (BENCHMARKS.md, "auto's threshold")."""
    under = made_up(tmp_path, "under-2014.csv", 3_000_000)
    over = made_up(tmp_path, "over-2014.csv", 6_000_000)
    assert choice.choose_streaming([under], "auto", "json") is None
    assert choice.choose_streaming([over], "auto", "csv") == "duckdb (auto: 6.0 MB of input)"
    # json and jsonl: the core's, at any size, since the core got faster (issue 23)
    assert choice.choose_streaming([over], "auto", "json") is None
    assert choice.choose_streaming([over], "auto", "jsonl") is None
    assert choice.choose_streaming([over], "duckdb", "json") == "duckdb (--engine duckdb)"
    assert choice.choose_streaming([under], "auto", "parquet") == "duckdb (auto: Parquet output)"
    assert choice.choose_streaming([over], "python", "json") is None
