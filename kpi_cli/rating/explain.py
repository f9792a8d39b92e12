"""Why a value gets the status it gets: the band, the direction, the gap policy."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..bands import order as bands
from ..definitions.target_fields import path_bands, path_value
from ..errors import Said, UsageError, closest
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
    # Before a deadline target's year (docs/explanation/deadline-targets.md): the path's value in
    # ``year`` the value is rated against, from ``baseline:``; ``path_unknown`` when there is no
    # baseline, since the path then starts at the indicator's first result, which explain has not.
    path: Decimal | None = None
    path_unknown: bool = False


def explain(scorecard: Scorecard, indicator_id: str, value_text: str, year: int) -> Explanation:
    known = scorecard.indicator_map()
    if indicator_id not in known:
        close = closest(indicator_id, known)
        hint = f" (did you mean {close}?)" if close else f"; known ids: {', '.join(known)}"
        hint_key = f"unknown-indicator.{'close' if close else 'known'}"
        said: Said = (
            ("id", repr(indicator_id)),
            ("close", str(close)),
            ("ids", ", ".join(known)),
            ("hint_key", hint_key),
        )
        said = (*said, ("from_key", ""), ("more_key", ""))  # no cell it is read from, and every id listed
        message = f"unknown indicator {indicator_id!r}{hint}"
        raise UsageError(message, code="unknown-indicator", key="unknown-indicator", values=said)
    indicator = known[indicator_id].in_force(year)
    try:
        value, note = read_value(value_text)
    except ValueError as exc:
        raise UsageError(str(exc), code="invalid-value") from None
    if note == "result-text":  # a value given on the command line is a number, never words
        raise UsageError(f"value {excerpt(value_text, 40)} is not a number", code="invalid-value")
    if value is None:
        raise UsageError(f"{value_text!r} is no result; give a number such as 4,47", code="invalid-value")
    indicator, path = _on_path(indicator, year)
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
        path=path,
        path_unknown=indicator.deadline is not None and year < indicator.deadline.by and path is None,
    )


def _on_path(indicator: Indicator, year: int) -> tuple[Indicator, Decimal | None]:
    """Before a deadline with a baseline: the indicator with its bands on the path in ``year``, as
    ``kpi evaluate`` rates it (``rate_one``), and the path's value; else as it is."""
    due = indicator.deadline
    if due is None or year >= due.by or due.baseline is None:
        return indicator, None
    path = path_value(due, due.baseline, year)
    return dataclasses.replace(indicator, bands=path_bands(due, path, indicator.scale)), path
