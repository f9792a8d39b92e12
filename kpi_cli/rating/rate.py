"""Rating a value against an indicator's bands, with the gap policies. Pure."""

from __future__ import annotations

import itertools
from collections.abc import Callable
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
    versions repeat a few thousand (bands, value) pairs, and each pair shares one Rating.

    A rating depends on the bands, the scale and the gap policy only, so indicators whose bands
    are equal (compared by value once per indicator) share one Rating for one value. A hit must
    be the very value object, since equal values can be written differently (4,5 and 4,50) and a
    rating words its value as written. Indicators are remembered by identity, kept with what
    they map to so the identity stays their own.
    """

    LIMIT = 100_000  # pairs remembered at most: then forgotten, so any input keeps the memory small

    def __init__(self) -> None:
        self.found: dict[tuple[int, Decimal], Rating] = {}
        self.kinds: dict[int, tuple[Indicator, int]] = {}  # id(indicator) -> (indicator, its bands' kind)
        self.by_bands: dict[tuple[object, ...], int] = {}  # (bands, scale, gap policy) -> kind
        self.numbers = itertools.count()

    def __call__(self, indicator: Indicator, value: Decimal) -> Rating:
        return self.of(indicator)(value)

    def of(self, indicator: Indicator) -> Callable[[Decimal], Rating]:
        """``rate(indicator, value)`` remembered, for the values of one indicator."""
        known = self.kinds.get(id(indicator))
        if known is None or known[0] is not indicator:
            known = self._kind(indicator)
        kind, found, limit = known[1], self.found, self.LIMIT

        def rate_value(value: Decimal) -> Rating:
            hit = found.get((kind, value))
            if hit is not None and hit.value is value:
                return hit
            rating = rate(indicator, value)
            if len(found) >= limit:
                found.clear()
            found[(kind, value)] = rating
            return rating

        return rate_value

    def _kind(self, indicator: Indicator) -> tuple[Indicator, int]:
        bands = (indicator.bands, indicator.scale, indicator.gap_policy)
        kind = self.by_bands.get(bands)
        if kind is None:  # numbered for good: a kind forgotten below is never confused with a new one
            kind = self.by_bands[bands] = next(self.numbers)
        if len(self.kinds) >= self.LIMIT:  # an indicator with versions is made anew for each result
            self.kinds.clear()
            self.by_bands.clear()
        known = self.kinds[id(indicator)] = (indicator, kind)
        return known


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
