"""Which engine rates a run: the Python core, or DuckDB. Pure; imports neither DuckDB nor sqlglot,
so asking costs a small run nothing.

Two DuckDB paths. The streamed one (``kpi_cli.sql.stream``) rates and writes json, jsonl, csv
and Parquet itself; ``auto`` takes it (when the ``scale`` extra is installed) for Parquet in or
out, and for csv from ``STREAM_FROM_BYTES``, measured in BENCHMARKS.md ("auto's threshold", and
"auto after the core got faster": json and jsonl are the core's again).
The report path turns DuckDB's ratings back into the core's results, so that every format prints
the same bytes; the Python reader still reads every row for its file and line, and DuckDB's
reading and query then cost more than the rating they save (100 000 rows: 3.97 s against
3.16 s; 1 000 000: 39.9 s against 33.8 s). So ``auto`` never takes it; ``--engine duckdb`` does,
for the formats the stream does not write and the runs it leaves to the report.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterable, Mapping
from os import PathLike
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..records import dataclass
from ..results.read import expand_paths
from .why import Why

if TYPE_CHECKING:
    from ..model import Scorecard
    from ..report import Report
    from ..results.read import ResultSet

ENGINES = ("auto", "python", "duckdb")
# auto streams csv from 5 MB of CSV (about 180 000 rows of a municipality's long table): from there the
# stream writes csv faster than the core on every shape measured, in CPU and in wall-clock seconds.
# json and jsonl it does not stream: since the core's rating and JSON writer got faster (issue 23)
# the stream takes more CPU for them at 200 000 and 1 000 000 rows (BENCHMARKS.md).
STREAM_FROM_BYTES = 5 << 20
AUTO_STREAMS = f"DuckDB streams csv from {STREAM_FROM_BYTES >> 20} MB of CSV, or Parquet"
AUTO_FORMATS = ("csv",)  # what auto streams from STREAM_FROM_BYTES; Parquet in or out always


def engine_line(engine: str, why: str, key: str = "", prefix: str = "engine: ", **values: str) -> Why:
    """-v's line on the engine a run takes, ``engine: NAME (WHY)``, in English, carrying the engine and
    the catalogue key (``engine.*``) and values that say ``why`` in the output language; no key for
    an option as typed (``--engine duckdb``), said as it is."""
    return Why(key, f"{prefix}{engine} ({why})", engine=engine, why=why, **values)


@dataclass(frozen=True)
class Choice:
    engine: str  # python or duckdb
    reason: Why  # what -v says


def installed() -> bool:
    """Whether DuckDB and sqlglot can be imported (found, not imported)."""
    return all(importlib.util.find_spec(name) is not None for name in ("duckdb", "sqlglot"))


def choose(paths: Iterable[str | PathLike[str]], engine: str = "auto") -> Choice:
    """The engine for ``paths``; a UsageError when DuckDB is asked for (or needed) but not installed."""
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}")
    parquet = [path for path in expand_paths(paths) if path.lower().endswith(".parquet")]
    if engine == "python":
        if parquet:
            raise UsageError(f"{parquet[0]}: Parquet is read by the DuckDB engine only: --engine duckdb or auto")
        return Choice("python", engine_line("python", "--engine python"))
    if not installed():
        if engine == "duckdb" or parquet:
            raise UsageError("the DuckDB engine needs duckdb and sqlglot: pip install 'kpi-cli[scale]'")
        return Choice("python", engine_line("python", "auto: duckdb is not installed", "engine.not_installed"))
    if engine == "duckdb":
        return Choice("duckdb", engine_line("duckdb", "--engine duckdb"))
    if parquet:
        return Choice("duckdb", engine_line("duckdb", "auto: Parquet input", "engine.parquet"))
    return Choice(
        "python", engine_line("python", f"auto: {AUTO_STREAMS}", "engine.small", mb=str(STREAM_FROM_BYTES >> 20))
    )


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
    from ..rating.evaluate import evaluate_results

    return evaluate_results(scorecard, read, year, strict=False)


STREAMED = ("json", "jsonl", "csv", "parquet")  # what DuckDB writes itself (kpi_cli.sql.stream)


def choose_streaming(paths: Iterable[str | PathLike[str]], engine: str, fmt: str) -> Why | None:
    """Whether DuckDB should rate and write this run itself (``kpi_cli.sql.stream``), said as ``-v``
    says it; None for the report path. ``auto`` streams Parquet in or out, and csv
    (``AUTO_FORMATS``) from ``STREAM_FROM_BYTES`` of CSV."""
    if engine == "python" or fmt not in STREAMED:
        return None
    if not installed():
        if engine == "duckdb":
            raise UsageError("the DuckDB engine needs duckdb and sqlglot: pip install 'kpi-cli[scale]'")
        return None
    if engine == "duckdb":
        return engine_line("duckdb", "--engine duckdb", prefix="")
    if fmt == "parquet":  # only DuckDB writes Parquet: a small CSV is no reason to refuse it
        return engine_line("duckdb", "auto: Parquet output", "engine.parquet_out", prefix="")
    files = expand_paths(paths)
    if any(path.lower().endswith(".parquet") for path in files):
        return engine_line("duckdb", "auto: Parquet input", "engine.parquet", prefix="")
    if fmt not in AUTO_FORMATS:
        return None
    size = sum(os.path.getsize(path) for path in files if os.path.isfile(path))
    if size >= STREAM_FROM_BYTES:
        mb = f"{size / 1e6:.1f}"
        return engine_line("duckdb", f"auto: {mb} MB of input", "engine.large", prefix="", mb=mb)
    return None
