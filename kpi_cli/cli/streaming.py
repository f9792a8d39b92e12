"""`kpi evaluate` on DuckDB's streamed path (``kpi_cli.sql.stream``): when it runs, and what it says."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..sql.choice import choose_streaming
from .messages import EXIT_FAIL, emit, note, plural, warn

if TYPE_CHECKING:
    from ..model import Scorecard
    from ..sql.stream import Failing, Streamed
    from ..view import Gate


def output_format(fmt: str, output: str | None) -> str:
    """``parquet`` when the report goes to a .parquet file, else --format."""
    return "parquet" if output and output.lower().endswith(".parquet") else fmt


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
    )
    if isinstance(outcome, str):
        if fmt == "parquet":
            raise UsageError(f"cannot write Parquet: {outcome}")
        if verbose:
            note(f"engine: {choice}, through the report: {outcome}")
        return None
    if verbose:
        note(f"engine: {choice}, streamed (rated and written by DuckDB)")
    return outcome


def finish(streamed: Streamed, output: str | None, inputs: list[str], gate: Gate, quiet: bool, verbose: bool) -> None:
    """Write the output, say on stderr what the report path says, exit as the gate says."""
    try:
        emit(streamed.chunks(), output, inputs, False, "json")
    finally:
        streamed.close()
    if verbose:
        count = streamed.accounting
        note(
            f"{plural(count['read'], 'result')} read = {count['rated']} rated + {count['not_rated']} shown, not rated"
            f" + {count['no_result']} without a result"
            + (f" + {plural(count['measure'], 'measure value')}" if count["measure"] else "")
            + f" + {count['rejected']} rejected"
        )
    for problem in streamed.warnings:
        warn(problem.format())
    if streamed.other_years and not quiet:
        others = ", ".join(str(y) for y in streamed.other_years)
        note(f"note: showing {streamed.year}; {others} rated as its history (--year shows another)")
    coverage = streamed.coverage if not quiet else None
    if coverage is not None:
        note(
            f"note: {coverage.year}: {coverage.given} of {coverage.of} results; "
            f"{coverage.fuller_year} has {coverage.fuller_given}: --year {coverage.fuller_year}"
        )
    _exit_as_the_gate_says(streamed, gate)


def _names(found: tuple[Failing, ...]) -> str:
    return ", ".join(sorted({f.indicator + (f" ({f.org_unit})" if f.org_unit else "") for f in found}))


def _exit_as_the_gate_says(streamed: Streamed, gate: Gate) -> None:
    by_level = tuple(f for f in streamed.failing if f.status in gate.levels)
    if by_level:
        rule = f"--fail-on {gate.fail_on}" + (" --fail-on-missing" if gate.missing else "")
        rule += " --fail-on-suppressed" if gate.missing and gate.suppressed else ""
        verb = "fails" if len(by_level) == 1 else "fail"
        note(f"{plural(len(by_level), 'result')} {verb} {rule}: {_names(by_level)}")
    worse = streamed.regressions if gate.regression else ()
    if worse:
        note(f"{plural(len(worse), 'result')} worse than the year before: {_names(worse)}")
    if streamed.failing:
        sys.exit(EXIT_FAIL)
