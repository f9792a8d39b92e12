"""What the commands print besides the report: stderr lines, and the report itself to stdout or a file.

Every line on stderr goes through :func:`warn`, and the report through :func:`emit`: text
from the inputs reaches a terminal only made inert (:mod:`kpi_cli.inert`: control
characters shown escaped), and a stderr line is bounded in length.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from ..errors import KpiError, one_line
from ..inert import inert_rendered, message_line
from ..render import Output

if TYPE_CHECKING:
    from ..rating.accounting import Reconciliation
    from ..view import Coverage, Gate

P = ParamSpec("P")
R = TypeVar("R")
EXIT_FAIL = 1
EXIT_ERROR = 2
# Formats read by people wherever they go (the table; github's, shown in a CI log), and formats
# that are data: made inert always and never; any other format when it is bound for a terminal.
_FOR_PEOPLE = ("table", "github")
_DATA = ("json", "jsonl")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn every KpiError into ``path:line:col: error: ...`` lines and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KpiError as error:
            for problem in error.errors:
                warn(problem.format())
            sys.exit(EXIT_ERROR)

    return wrapper


def warn(text: str) -> None:
    """A line on stderr: what it quotes from a file made inert for the terminal, and bounded."""
    click.echo(message_line(text), err=True)


def emit(
    text: Output | bytes | Iterator[bytes],
    output: str | None,
    inputs: Iterable[str],
    color: bool = False,
    fmt: str | None = None,
) -> None:
    """Print the report, or write it atomically to ``output`` (never over one of ``inputs``)."""
    if output and output != "-":
        from .output import STDOUT_NAMES, write_atomically

        if output not in STDOUT_NAMES:  # -o /dev/stdout is printed as -o - is: made inert the same way
            write_atomically(output, text, inputs)
            return
    if isinstance(text, bytes):
        click.echo(text, nl=False)
        return
    terminal = fmt in _FOR_PEOPLE or (fmt not in _DATA and sys.stdout.isatty())
    for chunk in [text] if isinstance(text, str) else text:
        if isinstance(chunk, bytes):  # written by DuckDB (kpi_cli.sql.stream)
            if not terminal:
                click.echo(chunk, nl=False)
                continue
            chunk = chunk.decode("utf-8")
        shown = inert_rendered(chunk, keep_colour=color) if terminal else chunk
        click.echo(shown, nl=False, color=color if isinstance(text, str) else None)


def key_names(keys: Iterable[tuple[str, str | None]]) -> str:
    """'L.1.1, L.2.1 (Oppvekst)': results by (indicator id, org unit), sorted, on one line."""
    return one_line(", ".join(sorted({ident + (f" ({unit})" if unit else "") for ident, unit in keys})))


@dataclass(frozen=True)
class Named:
    """Some results, counted and named (``key_names``: sorted, on one line)."""

    count: int
    names: str


def say_gate(gate: Gate, by_level: Named, worse: Named) -> None:
    """Say on stderr what fails the gate: the results at or below its level (``by_level``), and
    those worse than the year before (``worse``, said with --fail-on-regression)."""
    if by_level.count:
        rule = f"--fail-on {gate.fail_on}" + (" --fail-on-missing" if gate.missing else "")
        rule += " --fail-on-suppressed" if gate.missing and gate.suppressed else ""
        verb = "fails" if by_level.count == 1 else "fail"
        note(f"{plural(by_level.count, 'result')} {verb} {rule}: {by_level.names}")
    if gate.regression and worse.count:
        note(f"{plural(worse.count, 'result')} worse than the year before: {worse.names}")


def say_years(shown: int, other_years: Sequence[int], coverage: Coverage | None, quiet: bool) -> None:
    """The notes on the years: which one is shown, and a fuller one than a year just begun."""
    if quiet:
        return
    if other_years:
        others = ", ".join(str(y) for y in other_years)
        note(f"note: showing {shown}; {others} rated as its history (--year shows another)")
    if coverage is not None:
        note(
            f"note: {coverage.year}: {coverage.given} of {coverage.of} results; "
            f"{coverage.fuller_year} has {coverage.fuller_given}: --year {coverage.fuller_year}"
        )


def say_accounting(count: Reconciliation) -> None:
    """-v's last line: what became of every result read."""
    note(
        f"{plural(count.read, 'result')} read = {count.rated} rated + {count.not_rated} shown, not rated"
        f" + {count.no_result} without a result"
        + (f" ({count.as_text} written as words)" if count.as_text else "")
        + (f" + {plural(count.measure, 'measure value')}" if count.measure else "")
        + f" + {count.rejected} rejected"
        + ("" if count.balances else "  (DOES NOT BALANCE: please report)")
    )


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 result', '2 results': a count with its noun in the right number."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def note(message: str) -> None:
    warn(f"kpi: {message}")
