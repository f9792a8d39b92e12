"""Which engine rates a run: the Python core, or DuckDB for large inputs. Pure; imports neither
DuckDB nor sqlglot, so asking costs a small run nothing.

``auto`` takes DuckDB when it is installed (with sqlglot, the ``scale`` extra) and the
inputs are larger than ``AUTO_MIN_BYTES``, or when an input is Parquet, which only DuckDB
reads. The threshold is measured (README: "The DuckDB engine"): on 2 cores the Python core
rates the benchmark's CSV (about 28 bytes a row) faster up to about 10 000 rows (0.34 s
against 0.37 s, DuckDB's import and set-up included) and DuckDB faster beyond (20 000 rows:
0.38 s against 0.56 s; 50 000: 0.43 s against 1.29 s); 1 MB, about 36 000 rows, leaves
room for the work the reports add to DuckDB's side.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..results import expand_paths

if TYPE_CHECKING:
    from ..model import Report, Scorecard
    from ..results import ResultSet

ENGINES = ("auto", "python", "duckdb")
AUTO_MIN_BYTES = 1_000_000


@dataclass(frozen=True)
class Choice:
    engine: str  # python or duckdb
    reason: str  # what -v says


def installed() -> bool:
    """Whether DuckDB and sqlglot can be imported (found, not imported)."""
    return all(importlib.util.find_spec(name) is not None for name in ("duckdb", "sqlglot"))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # a file that cannot be read is reported by the reader that reads it


def choose(paths: Iterable[str | os.PathLike[str]], engine: str = "auto") -> Choice:
    """The engine for ``paths``; a UsageError when DuckDB is asked for (or needed) but not installed."""
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}")
    files = expand_paths(paths)
    parquet = [path for path in files if path.lower().endswith(".parquet")]
    size = sum(_size(path) for path in files)
    if engine == "python":
        if parquet:
            raise UsageError(f"{parquet[0]}: Parquet is read by the DuckDB engine only: --engine duckdb or auto")
        return Choice("python", "engine: python (--engine python)")
    if not installed():
        if engine == "duckdb" or parquet:
            raise UsageError("the DuckDB engine needs duckdb and sqlglot: pip install 'kpi-cli[scale]'")
        return Choice("python", "engine: python (auto: duckdb is not installed)")
    if engine == "duckdb":
        return Choice("duckdb", "engine: duckdb (--engine duckdb)")
    if parquet:
        return Choice("duckdb", "engine: duckdb (auto: Parquet input)")
    chosen = "duckdb" if size > AUTO_MIN_BYTES else "python"
    than = ">" if chosen == "duckdb" else "<="
    return Choice(chosen, f"engine: {chosen} (auto: inputs {_megabytes(size)} {than} {_megabytes(AUTO_MIN_BYTES)})")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def evaluate_with(
    engine: str,
    scorecard: Scorecard,
    read: ResultSet,
    year: int,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    say: Callable[[str], None] | None = None,
) -> Report:
    """The Report of ``read`` from the engine ``engine`` chooses (said through ``say``, ``-v``'s line):
    the same Report either way, so every format prints the same bytes."""
    choice = choose(read.paths, engine)
    if say is not None:
        say(choice.reason)
    if choice.engine == "duckdb":
        from .report import evaluate_on_duckdb

        return evaluate_on_duckdb(scorecard, read, year, encoding=encoding, delimiter=delimiter, columns=columns)
    from ..evaluate import evaluate_results

    return evaluate_results(scorecard, read, year, strict=False)
