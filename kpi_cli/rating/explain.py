"""Why a value gets the status it gets: the band, the direction, the gap policy."""

from __future__ import annotations

from decimal import Decimal

from ..bands import order as bands
from ..errors import UsageError, closest
from ..inert import excerpt
from ..model import Indicator, PhaseState, Scorecard
from ..records import dataclass
from ..report import Rating
from ..results.values import read_value
from .rate import UnratableValue, rate


@dataclass(frozen=True)
class Explanation:
    indicator: Indicator
    value: Decimal
    year: int
    state: PhaseState
    rating: Rating | None
    problem: str | None
    gaps: tuple[bands.Gap, ...]


def explain(scorecard: Scorecard, indicator_id: str, value_text: str, year: int) -> Explanation:
    known = scorecard.indicator_map()
    if indicator_id not in known:
        close = closest(indicator_id, known)
        hint = f" (did you mean {close}?)" if close else f"; known ids: {', '.join(known)}"
        raise UsageError(f"unknown indicator {indicator_id!r}{hint}", code="unknown-indicator")
    indicator = known[indicator_id].in_force(year)
    try:
        value, note = read_value(value_text)
    except ValueError as exc:
        raise UsageError(str(exc), code="invalid-value") from None
    if note == "result-text":  # a value given on the command line is a number, never words
        raise UsageError(f"value {excerpt(value_text, 40)} is not a number", code="invalid-value")
    if value is None:
        raise UsageError(f"{value_text!r} is no result; give a number such as 4,47", code="invalid-value")
    rating = None
    problem = None
    try:
        rating = rate(indicator, value)
    except UnratableValue as exc:
        problem = str(exc)
    return Explanation(
        indicator=indicator,
        value=value,
        year=year,
        state=indicator.state(year),
        rating=rating,
        problem=problem,
        gaps=tuple(bands.gaps(indicator.bands)),
    )
