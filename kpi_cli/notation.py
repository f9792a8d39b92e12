"""Band notation: the text of a published band -> intervals, and intervals -> text. Pure.

The notation is a table of forms: each form is a pattern and the interval it
makes. Adding a wording is adding a row to ``FORMS`` (or a word to
``WORDINGS``), not a branch. What the intervals mean for a value is
:mod:`kpi_cli.rating`'s job; the order they make, :mod:`kpi_cli.bands`'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .inert import excerpt
from .model import Direction, Interval
from .number_format import NUMBER_PATTERN, format_number, parse_number


class BandSyntaxError(ValueError):
    """Band text that no form reads."""


@dataclass(frozen=True)
class Relative:
    """``X eller bedre`` / ``X eller dårligere``: a ray whose side depends on direction."""

    value: Decimal
    better: bool

    def resolve(self, direction: Direction) -> Interval:
        up = (direction is Direction.HIGHER_IS_BETTER) == self.better
        if up:
            return Interval(self.value, None, True, False)
        return Interval(None, self.value, False, True)


Piece = Interval | Relative

# A unit written after a number: %, %poeng, poeng, mill. kr., % reduksjon ...
# It holds no digits, does not start like an operator or a dash, and stops
# before the joining words of the forms below.
_JOIN = r"(?:eller|or|og|and|til|to)"
_UNIT = (
    rf"(?:\s*(?![-\u2013\u2014])(?!{_JOIN}\b)[^\d\s<>=\u2264\u2265;]"
    rf"(?:(?!\s{_JOIN}\b)[^\d;<>=\u2264\u2265])*?)?"
)
_N = rf"(?P<NAME>{NUMBER_PATTERN}){_UNIT}"
_A = _N.replace("NAME", "a", 1)
_B = _N.replace("NAME", "b", 1)
_DASH = r"\s*(?:[-\u2013\u2014]|\btil\b|\bto\b)\s*"


def _words(meaning: str) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in WORDINGS[meaning]) + ")"


def _closed(a: Decimal, b: Decimal) -> Interval:
    return Interval(a, b, True, True)


def _at_least(a: Decimal) -> Interval:
    return Interval(a, None, True, False)


def _above(a: Decimal) -> Interval:
    return Interval(a, None, False, False)


def _at_most(a: Decimal) -> Interval:
    return Interval(None, a, False, True)


def _below(a: Decimal) -> Interval:
    return Interval(None, a, False, False)


@dataclass(frozen=True)
class Form:
    """One way of writing a band: a name, a pattern and what it means."""

    name: str
    example: str
    source: str
    build: Callable[[re.Match[str]], Piece]

    def match(self, text: str) -> re.Match[str] | None:
        # Compiled on first use and kept by re's cache: a file whose bands are all ranges
        # never pays for compiling the other forms (start-up matters).
        return re.match(self.source, text, re.IGNORECASE)


def _form(name: str, example: str, pattern: str, build: Callable[[re.Match[str]], Piece]) -> Form:
    return Form(name, example, rf"^{pattern}$", build)


def _num(match: re.Match[str], group: str = "a") -> Decimal:
    return parse_number(match.group(group))


def _bracketed(m: re.Match[str]) -> Interval:
    return Interval(_num(m, "a"), _num(m, "b"), m.group("lo") == "[", m.group("hi") == "]")


# The wordings of published tables, in bokmål and English.
WORDINGS: dict[str, tuple[str, ...]] = {
    "at least": ("minst", "minimum", "min.", "fra", "at least", "from"),
    "above": ("mer enn", "flere enn", "høyere enn", "over", "more than", "above", "higher than"),
    "below": ("mindre enn", "færre enn", "lavere enn", "under", "less than", "fewer than", "below", "lower than"),
    "at most": (
        "høyst",
        "maksimalt",
        "maksimum",
        "maks.",
        "maks",
        "inntil",
        "opptil",
        "at most",
        "max.",
        "max",
        "up to",
    ),
    "or more": ("eller mer", "eller flere", "eller høyere", "eller over", "or more", "or higher", "or above"),
    "or less": (
        "eller mindre",
        "eller færre",
        "eller lavere",
        "eller under",
        "or less",
        "or fewer",
        "or lower",
        "or below",
    ),
    "or better": ("eller bedre", "or better"),
    "or worse": ("eller dårligere", "eller verre", "or worse"),
}

FORMS: tuple[Form, ...] = (
    _form("range", "4,5 - 6", rf"(?:fra\s+|from\s+)?{_A}{_DASH}{_B}", lambda m: _closed(_num(m), _num(m, "b"))),
    _form("interval", "(4,9, 5]", rf"(?P<lo>[\[(])\s*{_A}\s*[;,]\s+{_B}\s*(?P<hi>[\])])", _bracketed),
    _form(">=", ">= 80 %", rf"(?:>=|=>|\u2265)\s*{_A}", lambda m: _at_least(_num(m))),
    _form("<=", "<= 7,5", rf"(?:<=|=<|\u2264)\s*{_A}", lambda m: _at_most(_num(m))),
    _form(">", "> 5 %poeng", rf">\s*{_A}", lambda m: _above(_num(m))),
    _form("<", "< 2 %poeng", rf"<\s*{_A}", lambda m: _below(_num(m))),
    _form("minst", "minst 10", rf"{_words('at least')}\s*{_A}", lambda m: _at_least(_num(m))),
    _form("mer enn", "mer enn 1,11", rf"{_words('above')}\s*{_A}", lambda m: _above(_num(m))),
    _form("mindre enn", "mindre enn 1", rf"{_words('below')}\s*{_A}", lambda m: _below(_num(m))),
    _form("høyst", "høyst 7", rf"{_words('at most')}\s*{_A}", lambda m: _at_most(_num(m))),
    _form("eller mer", "10 eller mer", rf"{_A}\s+{_words('or more')}", lambda m: _at_least(_num(m))),
    _form("eller mindre", "7 eller mindre", rf"{_A}\s+{_words('or less')}", lambda m: _at_most(_num(m))),
    _form("eller bedre", "4,5 eller bedre", rf"{_A}\s+{_words('or better')}", lambda m: Relative(_num(m), True)),
    _form(
        "eller dårligere", "3,9 eller dårligere", rf"{_A}\s+{_words('or worse')}", lambda m: Relative(_num(m), False)
    ),
    _form("exactly", "0", rf"=?\s*{_A}", lambda m: _closed(_num(m), _num(m))),
)

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_SPLIT = re.compile(r"\s*;(?![^\[(]*[\])])\s*|\s+(?:og|and)\s+", re.IGNORECASE)


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_piece(text: str) -> Piece:
    """One interval written in any form of ``FORMS``."""
    clean = normalise(text)
    for form in FORMS:
        match = form.match(clean)
        if match:
            try:
                piece = form.build(match)
            except ValueError as exc:  # pragma: no cover - the patterns rule it out
                raise BandSyntaxError(str(exc)) from exc
            if isinstance(piece, Interval) and piece.is_empty():
                raise BandSyntaxError(f"{excerpt(text.strip())} is empty: its low end lies above its high end")
            return piece
    raise BandSyntaxError(f"cannot read band {excerpt(text.strip())}")


def parse_band_text(text: str) -> tuple[Piece, ...]:
    """A band's text: one interval, or several joined by ``;`` or ``og``."""
    parts = [part for part in _SPLIT.split(normalise(text)) if part]
    if not parts:
        raise BandSyntaxError(
            "band text is empty" if not normalise(text) else f"band text {excerpt(text.strip())} has no interval"
        )
    return tuple(parse_piece(part) for part in parts)


# --- writing intervals back --------------------------------------------------


def format_interval(interval: Interval, decimal_mark: str = ",") -> str:
    """The notation for an interval; ``parse_piece`` reads it back to the same interval."""

    def n(value: Decimal) -> str:
        return format_number(value, decimal_mark)

    low, high = interval.low, interval.high
    if low is None and high is None:
        return "alle verdier" if decimal_mark == "," else "all values"
    if low is None and high is not None:
        return f"{'<=' if interval.high_inclusive else '<'} {n(high)}"
    if high is None and low is not None:
        return f"{'>=' if interval.low_inclusive else '>'} {n(low)}"
    assert low is not None and high is not None
    if interval.low_inclusive and interval.high_inclusive:
        return n(low) if low == high else f"{n(low)} - {n(high)}"
    lo = "[" if interval.low_inclusive else "("
    hi = "]" if interval.high_inclusive else ")"
    return f"{lo}{n(low)}, {n(high)}{hi}"
