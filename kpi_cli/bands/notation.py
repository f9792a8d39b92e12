"""Band notation: the text of a published band -> intervals, and intervals -> text. Pure.

The notation is a table of forms: each form is a pattern and the interval it
makes. Adding a wording is adding a row to ``FORMS`` (or a word to
``WORDINGS``), not a branch. What the intervals mean for a value is
:mod:`kpi_cli.rating.rate`'s job; the order they make, :mod:`kpi_cli.bands.order`'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from ..inert import excerpt
from ..limits import EXCERPT_CHARS
from ..model import Direction, Interval
from ..number_format import MINUS_SIGNS, NUMBER_PATTERN, format_number, parse_number
from ..records import dataclass


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
_JOIN = r"(?:eller|or|og|och|and|till|til|to)"
_UNIT = (
    rf"(?:\s*(?![-\u2013\u2014\u2212])(?!{_JOIN}\b)[^\d\s<>=\u2264\u2265\u2039\u203a;]"
    rf"(?:(?!\s{_JOIN}\b)[^\d;<>=\u2264\u2265\u2039\u203a])*?)?"
)
_N = rf"(?P<NAME>{NUMBER_PATTERN})(?P<NAME_unit>{_UNIT})"  # the unit as written: printed_text keeps it
_A = _N.replace("NAME", "a")
_B = _N.replace("NAME", "b")
_DASH = r"\s*(?:[-\u2013\u2014\u2212]|\btill?\b|\bto\b)\s*"


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
    """One way of writing a band: a name, a pattern and what it means, and how a text it can
    read starts (a test that never says no to one: tests/properties/test_band_properties.py)."""

    name: str
    example: str
    source: str
    build: Callable[[re.Match[str]], Piece]
    starts: Callable[[str], bool]

    def match(self, text: str) -> re.Match[str] | None:
        # Compiled on first use and kept by re's cache, and only for a text that starts as the form
        # does: compiling a form costs more than reading a file's bands (start-up matters).
        return re.match(self.source, text, re.IGNORECASE) if self.starts(text) else None


def _form(
    name: str, example: str, pattern: str, build: Callable[[re.Match[str]], Piece], starts: Callable[[str], bool]
) -> Form:
    return Form(name, example, rf"^{pattern}$", build, starts)


def _number_first(text: str) -> bool:
    """Whether ``text`` starts as a number may: a digit or a minus sign."""
    return text[:1].isdecimal() or text.startswith(tuple(MINUS_SIGNS))


def _word_first(text: str) -> bool:
    return text[:1].isalpha()


def _signs(*signs: str) -> Callable[[str], bool]:
    return lambda text: text.startswith(signs)


def _num(match: re.Match[str], group: str = "a") -> Decimal:
    return parse_number(match.group(group))


def _bracketed(m: re.Match[str]) -> Interval:
    return Interval(_num(m, "a"), _num(m, "b"), m.group("lo") == "[", m.group("hi") == "]")


GLUED = "sign+range"  # a comparison sign glued to a range: the range is rated, the sign is a note

# The wordings of published tables, in bokmål, nynorsk, Swedish and English (issue 21: a word
# that is not here is kept with the band and named by ``kpi validate``, never dropped).
WORDINGS: dict[str, tuple[str, ...]] = {
    "at least": (
        *("minst på", "minst", "minimum", "min.", "fra", "ikke under", "ikke mindre enn", "ikke lavere enn"),
        *("frå", "ikkje under", "ikkje mindre enn", "ikkje lågare enn"),
        *("som minst", "lägst", "från", "inte under", "inte mindre än", "inte lägre än"),
        *("at least", "a minimum of", "minimum of", "from", "no less than", "not less than", "not below"),
    ),
    "above": (
        *("mer enn", "flere enn", "høyere enn", "større enn", "over"),
        *("meir enn", "fleire enn", "høgare enn"),
        *("mer än", "fler än", "flera än", "högre än", "större än", "över"),
        *("more than", "above", "higher than", "greater than", "in excess of"),
    ),
    "below": (
        *("mindre enn", "færre enn", "lavere enn", "under"),
        *("lågare enn",),
        *("mindre än", "färre än", "lägre än"),
        *("less than", "fewer than", "below", "lower than"),
    ),
    "at most": (
        *("høyst", "maksimalt", "maksimum", "maks.", "maks", "inntil", "opptil"),
        *("ikke over", "ikke mer enn", "ikke flere enn", "ikke høyere enn"),
        *("høgst", "ikkje over", "ikkje meir enn", "ikkje fleire enn", "ikkje høgare enn"),
        *("högst", "maximalt", "maximum", "som mest", "upp till", "inte över", "inte mer än", "inte fler än"),
        *("inte högre än", "at most", "a maximum of", "maximum of", "max.", "max", "up to"),
        *("no more than", "not more than", "not above", "not over", "not exceeding"),
    ),
    "or more": (
        *("eller mer", "eller flere", "eller høyere", "eller over", "eller meir", "eller fleire", "eller høgare"),
        *("eller fler", "eller högre", "eller över", "or more", "or higher", "or above", "or over"),
    ),
    "or less": (
        *("eller mindre", "eller færre", "eller lavere", "eller under", "eller lågare"),
        *("eller färre", "eller lägre", "or less", "or fewer", "or lower", "or below", "or under"),
    ),
    "or better": ("eller bedre", "eller betre", "eller bättre", "or better"),
    "or worse": ("eller dårligere", "eller verre", "eller dårlegare", "eller sämre", "or worse"),
}

FORMS: tuple[Form, ...] = (
    _form(
        "range",
        "4,5 - 6",
        rf"(?:(?:fra|frå|från|from)\s+)?{_A}{_DASH}{_B}",
        lambda m: _closed(_num(m), _num(m, "b")),
        lambda text: _number_first(text) or _word_first(text),
    ),
    _form(
        "interval",
        "(4,9, 5]",
        rf"(?P<lo>[\[(])\s*{_A}\s*[;,]\s+{_B}\s*(?P<hi>[\])])",
        _bracketed,
        _signs("[", "("),
    ),
    _form(">=", ">= 80 %", rf"(?:>=|=>|\u2265)\s*{_A}", lambda m: _at_least(_num(m)), _signs(">=", "=>", "\u2265")),
    _form("<=", "<= 7,5", rf"(?:<=|=<|\u2264)\s*{_A}", lambda m: _at_most(_num(m)), _signs("<=", "=<", "\u2264")),
    _form(">", "> 5 %poeng", rf">\s*{_A}", lambda m: _above(_num(m)), _signs(">")),
    _form("<", "< 2 %poeng", rf"<\s*{_A}", lambda m: _below(_num(m)), _signs("<")),
    _form("minst", "minst 10", rf"{_words('at least')}\s*{_A}", lambda m: _at_least(_num(m)), _word_first),
    _form("mer enn", "mer enn 1,11", rf"{_words('above')}\s*{_A}", lambda m: _above(_num(m)), _word_first),
    _form("mindre enn", "mindre enn 1", rf"{_words('below')}\s*{_A}", lambda m: _below(_num(m)), _word_first),
    _form("høyst", "høyst 7", rf"{_words('at most')}\s*{_A}", lambda m: _at_most(_num(m)), _word_first),
    _form("eller mer", "10 eller mer", rf"{_A}\s+{_words('or more')}", lambda m: _at_least(_num(m)), _number_first),
    _form("eller mindre", "7 eller mindre", rf"{_A}\s+{_words('or less')}", lambda m: _at_most(_num(m)), _number_first),
    _form(
        "eller bedre",
        "4,5 eller bedre",
        rf"{_A}\s+{_words('or better')}",
        lambda m: Relative(_num(m), True),
        _number_first,
    ),
    _form(
        "eller dårligere",
        "3,9 eller dårligere",
        rf"{_A}\s+{_words('or worse')}",
        lambda m: Relative(_num(m), False),
        _number_first,
    ),
    _form(
        "exactly",
        "0",
        rf"=?\s*{_A}",
        lambda m: _closed(_num(m), _num(m)),
        lambda text: _number_first(text.removeprefix("=").lstrip()),
    ),
    # As printed in real tables (docs/how-to/printed-scorecard.md):
    _form("\u2039", "\u2039 249", rf"\u2039\s*{_A}", lambda m: _below(_num(m)), _signs("\u2039")),
    _form("\u203a", "\u203a 2,00 %", rf"\u203a\s*{_A}", lambda m: _above(_num(m)), _signs("\u203a")),
    _form(
        GLUED,
        "<1,00 - 1,29 %",
        rf"(?P<sign>[<>\u2039\u203a])\s*{_A}{_DASH}{_B}",
        lambda m: _closed(_num(m), _num(m, "b")),
        _signs("<", ">", "\u2039", "\u203a"),
    ),
    _form(
        "labelled",
        "Meget bra (81-100 poeng)",
        r"(?P<label>[^\W\d_][^\d()\[\]]*?)\s*\((?P<inner>[^()]*\d[^()]*)\)",
        lambda m: parse_piece(m.group("inner")),
        lambda text: text[:1].isalnum(),  # [^\W\d_]: a letter, or a digit that is no decimal digit (²)
    ),
)

FORMS_BY_NAME = {form.name: form for form in FORMS}

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_SPLIT = re.compile(r"\s*;(?![^\[(]*[\])])\s*|\s+(?:og|och|and)\s+", re.IGNORECASE)


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_piece(text: str) -> Piece:
    """One interval written in any form of ``FORMS``."""
    clean = normalise(text)
    if _DOUBLE_DASH.search(clean):
        raise BandSyntaxError(f"{shown(text)} has a double dash: write one dash between the numbers, as in '4,5 - 6'")
    for form in FORMS:
        match = form.match(clean)
        if match:
            try:
                piece = form.build(match)
            except ValueError as exc:  # a labelled range whose range does not read
                raise BandSyntaxError(str(exc)) from exc
            if isinstance(piece, Interval) and piece.is_empty():
                raise BandSyntaxError(f"{shown(text)} is empty: its low end lies above its high end")
            return piece
    hint = ""
    if len(re.findall(r"\d+(?:[.,]\d+)?|[<>\u2039\u203a\u2264\u2265]", clean)) > 3:  # '< 0,99 % > 2,00 %'
        hint = ": several intervals? separate them with ';', a line break or a YAML list"
    raise BandSyntaxError(f"cannot read band {shown(text)}{hint}")


def parse_band_text(text: str) -> tuple[Piece, ...]:
    """A band's text: one interval, or several joined by ``;``, ``og`` or a line break."""
    if not normalise(text):
        raise BandSyntaxError("band text is empty")
    if not any(ch.isdigit() for ch in text):
        if len(text) > EXCERPT_CHARS:  # not words from a printed cell: no advice built from them
            raise BandSyntaxError(f"cannot read band {shown(text)}: it holds no number")
        raise ProseBand(prose_message(text))
    parts = [part for line in band_lines(text) for part in _SPLIT.split(normalise(line)) if part]
    if not parts:
        raise BandSyntaxError(f"band text {shown(text)} has no interval")
    pieces = []
    for part in parts:
        try:
            pieces.append(parse_piece(part))
        except BandSyntaxError as exc:
            if len(parts) > 1 and "\n" in text:
                raise BandSyntaxError(f"{exc} (in {shown(text)})") from None
            raise
    return tuple(pieces)


# --- band text as printed -------------------------------------------------------

_DOUBLE_DASH = re.compile(r"\d\s*[-\u2013\u2014\u2212]{2}")
_GOES_ON = re.compile(r"(?:[-\u2013\u2014\u2212]|\btill?|\bto)$", re.IGNORECASE)


class ProseBand(BandSyntaxError):
    """Band text with no number (``Økning``): the message says what to write instead."""


def shown(text: str) -> str:
    """Band text quoted for a message, each line break shown as ↵ so the cause is visible."""
    return excerpt("\u21b5".join(normalise(line) for line in text.strip().splitlines()))


def band_lines(text: str) -> list[str]:
    """A table cell's lines, each holding its own intervals (a line break separates them).

    A line with no number (a label, a unit that wrapped) or one ending in a dash goes
    with its neighbour: ``Dårlig\\n(1-60 poeng)`` is one interval.
    """
    groups: list[str] = []
    carry = ""
    for raw in text.splitlines():
        hyphenated = carry.endswith("-") and carry[-2:-1].isalpha()  # tilstede-\\nværelse
        line = normalise(f"{carry}{'' if hyphenated else ' '}{raw}")
        if not line:
            continue
        carry = ""
        if not any(ch.isdigit() for ch in line) or _GOES_ON.search(line):
            carry = line
        else:
            groups.append(line)
    if carry and groups and not any(ch.isdigit() for ch in carry):
        groups[-1] = f"{groups[-1]} {carry}"
    elif carry:
        groups.append(carry)
    return groups


def display_text(text: str) -> str:
    """Band text as every output shows it: one line, intervals that stood on lines of their own
    separated by ``; ``."""
    return "; ".join(band_lines(text))


def prose_message(text: str) -> str:
    words = " ".join(band_lines(text)).replace('"', "'")
    return (
        f"{shown(text)} holds no number, so it cannot be rated: give the interval in the structured form "
        f'with the words as its text, e.g. [{{min: 0, min_inclusive: false, text: "{words}"}}] '
        "(min, max or both; several intervals as a YAML list of these, or as text with ';' or a line break "
        "between them)"
    )


def glued_signs(text: str) -> list[tuple[str, str, Interval]]:
    """The parts of a band's text (as shown) that glue a comparison sign to a range
    (``<1,00 - 1,29 %``): each part, its sign and the range that is rated."""
    found = []
    for part in _SPLIT.split(text):
        match = FORMS_BY_NAME[GLUED].match(normalise(part))
        if match is not None:
            found.append((part, match.group("sign"), _closed(_num(match), _num(match, "b"))))
    return found


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
