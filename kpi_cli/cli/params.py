"""Parameter types and options that several commands share."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from ..limits import MAX_TABLE_WIDTH
from ..render import Kind, RenderOptions, formats_for

F = TypeVar("F", bound=Callable[..., object])
YEARS = (1900, 2200)
LANGUAGE_ALIASES = {
    "no": "nb",
    "nob": "nb",
    "norsk": "nb",
    "bokmål": "nb",
    "nno": "nn",
    "nynorsk": "nn",
    "eng": "en",
    "english": "en",
    "swe": "sv",
    "svenska": "sv",
}
MIN_WIDTH = 30  # narrower than this, even the stacked layout's lines wrap


class Year(click.IntRange):
    """A calendar year the scorecard can be about."""

    def __init__(self) -> None:
        super().__init__(*YEARS)


class Delimiter(click.types.StringParamType):
    """A field separator: ``,``, ``;`` or ``tab`` (a tab character, hard to type in a shell)."""

    name = "delimiter"
    CHOICES = (",", ";", "tab")
    METAVAR = "[,|;|tab]"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = super().convert(value, param, ctx)
        if text == "\t":
            return text
        if text not in self.CHOICES:
            self.fail(f"{text!r} is not one of ',', ';', 'tab'.", param, ctx)
        return "\t" if text == "tab" else text


_NEGATIVE = re.compile(r"-\s*\d")  # -4,4 and '- 4,4'; never an option's name
_TYPED = "kpi.negative_values"  # ctx.meta: each negative value as passed -> as typed


class TakesNegativeValues(click.Command):
    """A command whose arguments may be negative numbers as users type them: ``-4,4`` and
    ``- 4,4`` are values, not options (``−4,4`` with U+2212 never looked like one). Each goes
    through the parser with its minus written U+2212; :func:`as_typed` gives the text back."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        typed: dict[str, str] = ctx.meta.setdefault(_TYPED, {})
        passed = []
        for arg in args:
            if _NEGATIVE.match(arg):
                typed["\u2212" + arg[1:]] = arg
                arg = "\u2212" + arg[1:]
            passed.append(arg)
        return super().parse_args(ctx, passed)


def as_typed(words: tuple[str, ...]) -> str:
    """An argument of a :class:`TakesNegativeValues` command as the user typed it, words joined."""
    typed: dict[str, str] = click.get_current_context().meta.get(_TYPED, {})
    return " ".join(typed.get(word, word) for word in words)


if TYPE_CHECKING:
    _ChoiceBase = click.Choice[str]
else:  # click.Choice is generic from click 8.2; the declared floor, 8.1, cannot subscript it
    _ChoiceBase = click.Choice


class Choice(_ChoiceBase):
    """One of ``choices``, in any case ('JSON' is json); ``aliases`` map other words to one
    ('no', 'nob' to nb); anything else is refused with the nearest choice as a suggestion."""

    def __init__(self, choices: Sequence[str], aliases: dict[str, str] | None = None) -> None:
        super().__init__(choices, case_sensitive=False)
        self.aliases = aliases or {}

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, str):
            value = self.aliases.get(value.strip().lower(), value.strip())
        try:
            return str(super().convert(value, param, ctx))
        except click.BadParameter:
            offered = ", ".join(f"'{choice}'" for choice in self.choices)
            import difflib  # only when a choice is refused

            close = difflib.get_close_matches(str(value).lower(), [str(c) for c in self.choices], n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.fail(f"{value!r} is not one of {offered}{hint}", param, ctx)


YEAR = Year()
DELIMITER = Delimiter()


def format_option(kind: Kind) -> Callable[[F], F]:
    """``--format`` offering exactly the formats that render ``kind``; None when not given
    (``by_name.chosen_format`` then takes it from the -o file's name, else the table)."""
    return click.option(
        "--format",
        "fmt",
        type=Choice(formats_for(kind)),
        default=None,
        help="Default: from the -o file's name (.html, .md, .csv, .json, .xlsx, .docx, .pdf ...), else table.",
    )


def indicators_option(command: F) -> F:
    return click.option(
        "--indicators",
        "indicators",
        envvar="KPI_INDICATORS",
        default="indicators.yaml",
        show_default=True,
        metavar="PATH",
        help="Definitions file (also from KPI_INDICATORS).",
    )(command)


def lang_option(command: F) -> F:
    return click.option(
        "--lang",
        type=Choice(["nb", "nn", "en", "sv"], LANGUAGE_ALIASES),
        default=None,
        help="Labels and number style (default: language: in the definitions).",
    )(command)


def color_option(command: F) -> F:
    return click.option(
        "--color",
        "color",
        type=Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour in the table; NO_COLOR and FORCE_COLOR are honoured under auto.",
    )(command)


def ignore_option(command: F) -> F:
    return click.option(
        "--ignore",
        "ignore",
        multiple=True,
        metavar="CODE",
        help="Silence warnings with this code, e.g. band-gap; repeatable. Errors cannot be silenced.",
    )(command)


def output_option(command: F) -> F:
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        help="Write the report to FILE (atomically; never over an input) instead of stdout.",
    )(command)


def read_options(command: F) -> F:
    """The results files and how to read them, shared by evaluate and history."""
    options = [
        click.argument("results", nargs=-1, required=True, metavar="RESULTS..."),
        indicators_option,
        click.option(
            "--year", type=YEAR, help="Year to show (default: the latest); also the year of rows that give none."
        ),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="ROLE=HEADER",
            help="Read ROLE (indicator, year, value, org_unit, n) from column HEADER, "
            "e.g. value=Nøkkeltall; repeatable.",
        ),
        click.option("--encoding", help="Encoding of the results files (default: detected)."),
        click.option(
            "--delimiter",
            type=DELIMITER,
            metavar=Delimiter.METAVAR,
            help="Field separator of the results files (default: detected).",
        ),
        click.option("--sheet", help="Sheet of an .xlsx file (default: the first)."),
        click.option(
            "--regions",
            type=click.Choice(["municipality", "all"]),
            default="municipality",
            show_default=True,
            help="SSB files: rate the definitions' municipality, or every municipality as an org unit.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def column_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        role, sep, header = value.partition("=")
        if not sep or not role.strip() or not header.strip():
            raise click.BadParameter(f"{value!r}: write ROLE=HEADER, e.g. value=Nøkkeltall", param_hint="--column")
        mapping[role.strip()] = header.strip()
    return mapping


def use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit():  # a width beyond MAX_TABLE_WIDTH is laid out at that
        digits = columns.lstrip("0") or "0"
        return max(MIN_WIDTH, MAX_TABLE_WIDTH if len(digits) > 6 else min(int(digits), MAX_TABLE_WIDTH))
    if sys.stdout.isatty():
        try:  # shutil.get_terminal_size's own reading, without importing shutil (start-up matters)
            return max(MIN_WIDTH, os.get_terminal_size(sys.stdout.fileno()).columns)
        except (OSError, ValueError):
            return 80
    return 120


def stdout_is_a_file() -> bool:
    """Whether stdout is redirected to a regular file (``> rapport.csv``), not a terminal or pipe."""
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def render_options(
    lang: str, color: str, output: str | None, *, delimiter: str | None = None, by_org_unit: bool = False
) -> RenderOptions:
    """How to present: a file written with -o is compact and coloured only when asked."""
    to_file = bool(output and output != "-")
    return RenderOptions(
        lang=lang,
        color=color == "always" if to_file else use_color(color),
        width=width(),
        pretty=not to_file and sys.stdout.isatty(),
        to_file=to_file or stdout_is_a_file(),
        delimiter=delimiter,
        by_org_unit=by_org_unit,
    )
