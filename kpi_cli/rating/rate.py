"""Rating a value against an indicator's bands, with the gap policies. Pure."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..bands.notation import format_interval
from ..bands.order import placed
from ..errors import Said
from ..model import GapPolicy, Indicator, Interval, Status, worse
from ..number_format import format_number
from ..report import Rating


class UnratableValue(ValueError):
    """A value that no band can rate (outside the scale); ``code`` says why."""

    def __init__(self, message: str, code: str, key: str = "", values: Said = ()) -> None:
        super().__init__(message)
        self.code, self.key, self.values = code, key, values  # Problem.key


def check_scale(indicator: Indicator, value: Decimal) -> None:
    """Raise UnratableValue for a value the indicator's scale rules out."""
    scale = indicator.scale
    if scale is not None and not scale.contains(value):
        unit = f" ({indicator.unit})" if indicator.unit else ""
        said = (("value", format_number(value)), ("scale", format_interval(scale)), ("unit", unit))
        raise UnratableValue(
            f"value {format_number(value)} is outside the scale {format_interval(scale)}{unit}: a typing error?",
            "value-outside-scale",
            "value-outside-scale",
            said,
        )


def rate(indicator: Indicator, value: Decimal, policy: GapPolicy | None = None) -> Rating:
    """Rate ``value`` against the indicator's bands.

    Raises UnratableValue for a value outside the scale. Beyond every band with
    no scale, the outermost band on its side rates it, flagged ``beyond``. An
    indicator without bands rates ``no_target``.
    """
    check_scale(indicator, value)
    if not indicator.has_bands:
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
    rating = _rating(indicator, neighbour[1], value, policy, below=below, above=above)
    return replace(rating, beyond=True) if indicator.scale is None else rating


class Ratings:
    """``rate`` remembered for one evaluation: a million values rated against a few hundred band
    versions repeat a few thousand (indicator, value) pairs, and each pair shares one Rating.

    Keyed by the indicator's identity (it is kept with the rating, so the identity stays its own)
    and the value; a hit must be the very value object, since equal values can be written
    differently (4,5 and 4,50) and a rating words its value as written.
    """

    LIMIT = 100_000  # pairs remembered at most: then forgotten, so any input keeps the memory small

    def __init__(self) -> None:
        self.found: dict[tuple[int, Decimal], tuple[Indicator, Rating]] = {}

    def __call__(self, indicator: Indicator, value: Decimal) -> Rating:
        key = (id(indicator), value)
        hit = self.found.get(key)
        if hit is not None and hit[0] is indicator and hit[1].value is value:
            return hit[1]
        rating = rate(indicator, value)
        if len(self.found) >= self.LIMIT:
            self.found.clear()
        self.found[key] = (indicator, rating)
        return rating


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
    if rating.beyond:
        return f"{value} lies beyond every band and no scale is set: rated by the outermost band {side(neighbour)}"
    return f"{value} lies beyond the outermost band {side(neighbour)}, within the scale"


def beyond_warning(indicator: Indicator, rating: Rating) -> str:
    """What evaluation says of a value beyond every band on an indicator with no scale."""
    assert rating.value is not None
    band = indicator.band(rating.status)
    text = f" {band.text!r}" if band else ""
    return (
        f"{indicator.id}: {format_number(rating.value)} lies beyond every band and no scale is set: rated "
        f"{rating.status.value} by the outermost band on its side{text}; a typing error, or bands that state "
        "a magnitude of a signed value (such as 'negativt avvik')?"
    )


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
