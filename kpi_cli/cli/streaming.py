"""`kpi evaluate` on DuckDB's streamed path (``kpi_cli.sql.stream``): when it runs, and what it says."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..rating.checks import unsilenced
from ..sql.choice import choose_streaming
from .messages import EXIT_FAIL, Named, emit, say_accounting, say_engine, say_gate, say_problems, say_years

if TYPE_CHECKING:
    from ..model import Scorecard
    from ..render import RenderOptions
    from ..sql.stream import Streamed
    from ..view import Gate


def try_streaming(
    engine: str,
    scorecard: Scorecard,
    results: tuple[str, ...],
    *,
    year: int | None,
    fmt: str,
    gate: Gate,
    definitions: str,
    encoding: str | None,
    delimiter: str | None,
    columns: Mapping[str, str],
    plain_reading: bool,
    verbose: bool,
    options: RenderOptions,
) -> Streamed | None:
    """The run rated and written by DuckDB, or None: the report path runs (``-v`` says why)."""
    choice = choose_streaming(results, engine, fmt) if plain_reading else None
    if choice is None:
        if fmt == "parquet":
            raise UsageError("Parquet output is written by the DuckDB engine: --engine duckdb, CSV or Parquet input")
        return None
    from ..sql.stream import evaluate_streamed

    outcome = evaluate_streamed(
        scorecard,
        results,
        year=year,
        gate=gate,
        definitions=definitions,
        fmt=fmt,
        encoding=encoding,
        delimiter=delimiter,
        columns=columns,
        options=options,
    )
    if isinstance(outcome, str):
        if fmt == "parquet":
            raise UsageError(f"cannot write Parquet: {outcome}")
        if verbose:
            say_engine(choice, streamed=False, outcome=outcome)
        return None
    if verbose:
        say_engine(choice, streamed=True)
    return outcome


def finish(
    streamed: Streamed,
    fmt: str,
    output: str | None,
    inputs: list[str],
    silenced: Sequence[str],
    *,
    quiet: bool,
    verbose: bool,
    year_given: int | None,
) -> None:
    """Write the output, say on stderr what the report path says, exit as the gate says."""
    try:
        emit(streamed.chunks(), output, inputs, False, fmt)
    finally:
        streamed.close()
    if verbose:
        say_accounting(streamed.accounting)
    say_problems(unsilenced(list(streamed.warnings), streamed.scorecard, silenced), quiet)
    say_years(streamed.year, streamed.other_years, streamed.coverage if year_given is None else None, quiet)
    say_gate(streamed.gate, Named(*streamed.by_level), Named(*streamed.worse))
    if streamed.fails:
        sys.exit(EXIT_FAIL)
