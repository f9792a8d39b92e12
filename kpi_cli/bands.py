"""Band notation, the order bands make, and rating a value against them.

The notation is a table of forms: each form is a pattern and the interval it
makes. Adding a wording is adding a row to ``FORMS``, not a branch.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .model import (
    Band,
    Direction,
    GapPolicy,
    Indicator,
    Interval,
    Rating,
    Status,
    worse,
)
from .number_format import NUMBER_PATTERN, format_number, parse_number


class BandSyntaxError(ValueError):
    """Band text that no form reads."""


class UnratableValue(ValueError):
    """A value that no band can rate: outside the scale or every band."""


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
                raise BandSyntaxError(f"{text.strip()!r} is empty: its low end lies above its high end")
            return piece
    raise BandSyntaxError(f"cannot read band {text.strip()!r}")


def parse_band_text(text: str) -> tuple[Piece, ...]:
    """A band's text: one interval, or several joined by ``;`` or ``og``."""
    parts = [part for part in _SPLIT.split(normalise(text)) if part]
    if not parts:
        raise BandSyntaxError(
            "band text is empty" if not normalise(text) else f"band text {text.strip()!r} has no interval"
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


# --- the order bands make -----------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """Values between two neighbouring bands."""

    interval: Interval
    below: Status
    above: Status

    def rated(self, policy: GapPolicy) -> str:
        if self.below is self.above:
            return self.below.value
        if policy is GapPolicy.WORSE:
            return worse(self.below, self.above).value
        return f"by the nearer edge (a tie goes to {worse(self.below, self.above).value})"


def placed(bands: Sequence[Band]) -> list[tuple[Interval, Status]]:
    """Every interval of every band, left to right."""
    pairs = [(interval, band.status) for band in bands for interval in band.intervals]
    return sorted(pairs, key=lambda pair: pair[0].sort_key())


def overlaps(bands: Sequence[Band]) -> list[str]:
    pairs = placed(bands)
    problems = []
    for i, (first, first_status) in enumerate(pairs):
        for second, second_status in pairs[i + 1 :]:
            if first.overlaps(second):
                problems.append(
                    f"bands overlap: {first_status.value} {format_interval(first)!r} "
                    f"and {second_status.value} {format_interval(second)!r}"
                )
    return problems


def infer_direction(bands: Sequence[Band]) -> Direction | None:
    """Higher, lower or a target range, from where the bands lie.

    ``None`` when only one status has bands. Raises ValueError when the bands
    make no order (a worse band between a better one and the best).
    """
    pairs = placed(bands)
    ranks = [status.rank for _, status in pairs]
    if not ranks or len(set(ranks)) == 1:
        return None
    best = min(ranks)
    first = ranks.index(best)
    last = len(ranks) - 1 - ranks[::-1].index(best)
    if any(rank != best for rank in ranks[first : last + 1]):
        raise ValueError("bands make no order: the best status is split by a worse one")
    left = ranks[:first][::-1]
    right = ranks[last + 1 :]
    for side in (left, right):
        if any(later < earlier for earlier, later in itertools.pairwise(side)):
            raise ValueError("bands make no order: a better band lies further from the best than a worse one")
    if left and right:
        return Direction.TARGET_RANGE
    return Direction.HIGHER_IS_BETTER if left else Direction.LOWER_IS_BETTER


def gaps(bands: Sequence[Band]) -> list[Gap]:
    pairs = placed(bands)
    found = []
    for (left, left_status), (right, right_status) in itertools.pairwise(pairs):
        if left.high is None or right.low is None:
            continue
        if left.high < right.low or (left.high == right.low and not left.high_inclusive and not right.low_inclusive):
            hole = Interval(left.high, right.low, not left.high_inclusive, not right.low_inclusive)
            found.append(Gap(hole, left_status, right_status))
    return found


# --- rating ---------------------------------------------------------------------


def check_scale(indicator: Indicator, value: Decimal) -> None:
    """Raise UnratableValue for a value the indicator's scale rules out."""
    scale = indicator.scale
    if scale is not None and not scale.contains(value):
        unit = f" ({indicator.unit})" if indicator.unit else ""
        raise UnratableValue(
            f"value {format_number(value)} is outside the scale {format_interval(scale)}{unit}: a typing error?"
        )


def rate(indicator: Indicator, value: Decimal, policy: GapPolicy | None = None) -> Rating:
    """Rate ``value`` against the indicator's bands.

    Raises UnratableValue for a value outside the scale or, where there is no
    scale, beyond the outermost band. An indicator without bands rates
    ``no_target``.
    """
    check_scale(indicator, value)
    if not indicator.bands:
        return Rating(Status.NO_TARGET, text="no bands are set", value=value)
    policy = policy or indicator.gap_policy
    below: tuple[Interval, Status] | None = None
    above: tuple[Interval, Status] | None = None
    for interval, status in placed(indicator.bands):
        if interval.contains(value):
            return _rating(indicator, status, value, policy, interval=interval)
        if interval.is_below(value):
            below = (interval, status)
        elif above is None and interval.is_above(value):
            above = (interval, status)
    if below and above:
        return _rating(indicator, _gap_status(value, below, above, policy), value, policy, below=below, above=above)
    neighbour = below or above
    assert neighbour is not None
    if indicator.scale is None:
        raise UnratableValue(
            f"value {format_number(value)} lies beyond every band "
            f"(outermost: {neighbour[1].value} {format_interval(neighbour[0])}) and no scale is set: "
            "a typing error?"
        )
    return _rating(indicator, neighbour[1], value, policy, below=below, above=above)


def _rating(
    indicator: Indicator,
    status: Status,
    value: Decimal,
    policy: GapPolicy,
    *,
    interval: Interval | None = None,
    below: tuple[Interval, Status] | None = None,
    above: tuple[Interval, Status] | None = None,
) -> Rating:
    return Rating(
        status,
        indicator.band(status),
        in_gap=interval is None,
        value=value,
        interval=interval,
        below=below,
        above=above,
        policy=policy,
    )


def describe(rating: Rating, decimal_mark: str = ",") -> str:
    """Why a value got its status, in words, numbers written with ``decimal_mark``."""
    if rating.value is None or (rating.interval is None and rating.below is None and rating.above is None):
        return rating.text
    value = format_number(rating.value, decimal_mark)

    def side(pair: tuple[Interval, Status]) -> str:
        return f"{pair[1].value} {format_interval(pair[0], decimal_mark)}"

    if rating.interval is not None:
        return f"{value} lies in {format_interval(rating.interval, decimal_mark)}"
    if rating.below and rating.above:
        policy = rating.policy.value if rating.policy else GapPolicy.WORSE.value
        return f"{value} lies between {side(rating.below)} and {side(rating.above)}; gap policy {policy}"
    neighbour = rating.below or rating.above
    assert neighbour is not None
    return f"{value} lies beyond the outermost band {side(neighbour)}, within the scale"


def _gap_status(
    value: Decimal, below: tuple[Interval, Status], above: tuple[Interval, Status], policy: GapPolicy
) -> Status:
    fallback = worse(below[1], above[1])
    if policy is GapPolicy.WORSE:
        return fallback
    assert below[0].high is not None and above[0].low is not None
    to_below = value - below[0].high
    to_above = above[0].low - value
    if to_below == to_above:
        return fallback
    return below[1] if to_below < to_above else above[1]
