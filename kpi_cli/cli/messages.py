"""What the commands print besides the report: stderr lines, and the report itself to stdout or a file.

Every line on stderr goes through :func:`warn`, and the report through :func:`emit`: text
from the inputs reaches a terminal only made inert (:mod:`kpi_cli.inert`: control
characters shown escaped), and a stderr line is bounded in length.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from ..codes import Severity
from ..errors import KpiError, Problem, one_line
from ..inert import inert_rendered, message_line
from ..model import DEFAULT_LEVELS, Level, Status
from ..records import dataclass
from ..render import Output
from ..render.labels import Labels

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
        speak("en")  # until the command knows the language (a run in the same process starts afresh)
        try:
            return command(*args, **kwargs)
        except KpiError as error:
            for problem in error.errors:
                say_problem(problem.problem)
            sys.exit(EXIT_ERROR)

    return wrapper


# The language of stderr: --lang, else the definitions' language:, once the command knows it.
_VOICE: ContextVar[Labels | None] = ContextVar("voice", default=None)


def speak(lang: str, levels: tuple[Level, ...] = DEFAULT_LEVELS) -> None:
    """Say every later stderr line in ``lang`` (nb, nn, sv, en), levels by the scorecard's words."""
    _VOICE.set(Labels(lang, levels))


def said(key: str, **values: object) -> str:
    """The catalogue's line ``key`` in the language of stderr; a count ``NAME`` gets ``NAME_noun``."""
    say = _VOICE.get() or Labels("en")
    nouns = {}
    for name, value in values.items():
        if isinstance(value, int) and f"noun.{name}.one" in _words(say):
            nouns[f"{name}_noun"] = say(f"noun.{name}.{'one' if value == 1 else 'many'}")
    return say(key, **values, **nouns)


def _words(say: Labels) -> dict[str, str]:
    from ..render.words import catalogue

    return catalogue(say.lang, "en")


def problem_line(problem: Problem) -> str:
    """``path:line:col: severity: message [code]``, the message in the language of stderr when the
    problem has a key (``Problem.key``): a status id said as the status's word, a count with its noun.
    Severity and code stay as they are, for the tools that read them."""
    say = _VOICE.get() or Labels("en")
    if not problem.key or f"problem.{problem.key}" not in _words(say):
        return problem.format()
    values: dict[str, object] = dict(problem.values)
    for name, value in problem.values:
        if name.endswith("_status") and say.lang != "en":  # English messages name a status by its id
            values[name] = say.short(Status(value))
        elif value.isascii() and value.isdigit() and str(int(value)) == value:  # a count, for its noun
            values[name] = int(value)
    try:
        message = _filled(problem, values)
    except (KeyError, IndexError, ValueError, TypeError):  # a sentence and values that do not fit: as the core says
        return problem.format()
    return dataclasses.replace(problem, message=message).format()


def _filled(problem: Problem, values: dict[str, object]) -> str:
    """The problem's sentence filled with ``values``: first its parts (a value ``NAME_key`` is the
    sentence ``problem.VALUE``, last first, so that a part may hold one named after it; "" keeps
    the value NAME as given), then the sentence."""
    for name, value in reversed(problem.values):
        if name.endswith("_key") and value:
            values[name.removesuffix("_key")] = said(f"problem.{value}", **values)
        elif name.endswith("_key"):
            values.setdefault(name.removesuffix("_key"), "")
    return said(f"problem.{problem.key}", **values)


def stream_why(reason: str) -> str:
    """Why the DuckDB stream leaves a run to the report, in the language of stderr: a ``sql.why.Why``
    carries its catalogue key and values; any other reason (a problem's own words) as it is."""
    key = getattr(reason, "key", None)
    return said(key, **getattr(reason, "values", {})) if key else reason


def say_engine(line: str, streamed: bool | None = None, outcome: str | None = None) -> None:
    """-v's line on the engine chosen (``sql.choice.engine_line``), in the language of stderr; after
    the stream's choice, whether it ``streamed`` or went through the report and why (``outcome``)."""
    values = dict(getattr(line, "values", {}))
    if "engine" not in values:
        note(line)
        return
    key = getattr(line, "key", "")
    if key == "engine.large":  # 6.0 MB, in the output language's decimals
        values["mb"] = values["mb"].replace(".", (_VOICE.get() or Labels("en")).decimal_mark)
    why = said(key, **values) if key else values["why"]
    engine = values["engine"]
    if streamed is None:
        note(said("msg.engine", engine=engine, why=why))
    elif streamed:
        note(said("msg.engine.streamed", engine=engine, why=why))
    else:
        note(said("msg.engine.report", engine=engine, why=why, reason=stream_why(outcome or "")))


def say_problem(problem: Problem) -> None:
    warn(problem_line(problem))


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
        key = "msg.fails.one" if by_level.count == 1 else "msg.fails.many"
        note(said(key, count=by_level.count, rule=rule, names=by_level.names))
    if gate.regression and worse.count:
        key = "msg.worse.one" if worse.count == 1 else "msg.worse.many"
        note(said(key, count=worse.count, names=worse.names))


def say_problems(problems: Iterable[Problem], quiet: bool) -> None:
    """Warnings and notes about the inputs on stderr; under -q the notes are left out."""
    for problem in problems:
        if not (quiet and problem.severity is Severity.NOTE):
            say_problem(problem)


def say_years(shown: int, other_years: Sequence[int], coverage: Coverage | None, quiet: bool) -> None:
    """The notes on the years: which one is shown, and a fuller one than a year just begun."""
    if quiet:
        return
    if other_years:
        note(said("msg.showing", shown=shown, others=", ".join(str(y) for y in other_years)))
    if coverage is not None:
        fuller = coverage.fuller_year
        note(
            said(
                "msg.coverage",
                year=coverage.year,
                given=coverage.given,
                of=coverage.of,
                fuller=fuller,
                fuller_given=coverage.fuller_given,
            )
        )


def say_accounting(count: Reconciliation) -> None:
    """-v's last line: what became of every result read."""
    measures = said("msg.accounting.measures", measures=count.measure) if count.measure else ""
    unbalanced = "" if count.balances else said("msg.accounting.unbalanced")
    words = said("msg.accounting.words", count=count.as_text) if count.as_text else ""
    note(
        said(
            "msg.accounting",
            read=count.read,
            rated=count.rated,
            not_rated=count.not_rated,
            no_result=count.no_result,
            words=words,
            measures=measures,
            rejected=count.rejected,
            unbalanced=unbalanced,
        )
    )


def note(message: str) -> None:
    warn(f"kpi: {message}")
