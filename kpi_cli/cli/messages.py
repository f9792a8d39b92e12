"""What the commands print besides the report: stderr lines, and the report itself to stdout or a file."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from typing import ParamSpec, TypeVar

import click

from ..errors import KpiError, one_line
from ..model import Result
from ..render import Output

P = ParamSpec("P")
R = TypeVar("R")
EXIT_FAIL = 1
EXIT_ERROR = 2


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn every KpiError into ``path:line:col: error: ...`` lines and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KpiError as error:
            for problem in error.errors:
                click.echo(problem.format(), err=True)
            sys.exit(EXIT_ERROR)

    return wrapper


def emit(text: Output | bytes, output: str | None, inputs: Iterable[str], color: bool = False) -> None:
    """Print the report, or write it atomically to ``output`` (never over one of ``inputs``)."""
    if output and output != "-":
        from ..output import write_atomically

        write_atomically(output, text, inputs)
    elif isinstance(text, (str, bytes)):
        click.echo(text, nl=False, color=color)
    else:
        for chunk in text:
            click.echo(chunk, nl=False)


def names(results: Iterable[Result]) -> str:
    """'L.1.1, L.2.1 (Oppvekst)': the results' indicators and org units, sorted, on one line."""
    found = {r.indicator.id + (f" ({r.org_unit})" if r.org_unit else "") for r in results}
    return one_line(", ".join(sorted(found)))


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 result', '2 results': a count with its noun in the right number."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def note(message: str) -> None:
    click.echo(f"kpi: {message}", err=True)
