"""The order bands make, and the checks a set of bands must pass. Pure.

``settle`` turns one band version's parsed pieces into bands and a direction,
and returns every problem it finds (overlap, order, direction, scale) instead
of raising: the definitions reader locates them. Rating a value against the
bands is :mod:`kpi_cli.rating.rate`'s job; reading band text, :mod:`kpi_cli.bands.notation`'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, Decimal

from ..model import Band, Direction, GapPolicy, Interval, Status, worse
from ..records import dataclass
from .notation import Piece, Relative, format_interval, normalise


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
    return sorted(pairs, key=lambda pair: left_to_right(pair[0]))


def left_to_right(interval: Interval) -> tuple[int, Decimal, int]:
    """Sorts intervals by where they start: open below first, then by low end, a closed end first."""
    if interval.low is None:
        return (0, Decimal(0), 0)
    return (1, interval.low, 0 if interval.low_inclusive else 1)


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


def precision(bands: Sequence[Band]) -> int:
    """The most decimals written in the bands' numbers: ``4,5 - 6`` 1, ``1,30 - 1,69 %`` 2."""
    ends = [end for band in bands for i in band.intervals for end in (i.low, i.high) if end is not None]
    exponents = [end.as_tuple().exponent for end in ends]
    return max((-e for e in exponents if isinstance(e, int) and e < 0), default=0)


def holds_written_value(gap: Interval, decimals: int) -> bool:
    """Whether a value written with ``decimals`` decimals can lie in ``gap``: (4,4, 4,5) holds
    none at one decimal, (4,9, 5] holds 5."""
    if gap.low is None or gap.high is None:
        return True
    step = Decimal(1).scaleb(-decimals)
    first = (gap.low / step).to_integral_value(rounding=ROUND_CEILING) * step
    if first == gap.low and not gap.low_inclusive:
        first += step
    return gap.contains(first)


# --- the checks ---------------------------------------------------------------------


@dataclass(frozen=True)
class BandProblem:
    """A problem with a band version; ``status`` names the band it is about (None: all of them)."""

    code: str
    message: str
    status: Status | None = None


@dataclass(frozen=True)
class Settled:
    """One band version's bands, best first, its direction, and the problems found."""

    bands: tuple[Band, ...]
    direction: Direction | None
    problems: tuple[BandProblem, ...] = ()


def settle(
    pieces: Mapping[Status, tuple[str, Sequence[Piece]]], direction: Direction | None, scale: Interval | None
) -> Settled:
    """Resolve 'X eller bedre', then check overlaps, order, direction and scale.

    ``pieces`` holds each status's published text and parsed pieces. With a
    problem of overlap, order or direction the version has no bands.
    """
    settled_direction = direction
    if any(isinstance(p, Relative) for _, found in pieces.values() for p in found) and direction is None:
        settled_direction = _direction_for_relative(pieces)
        if settled_direction is None:
            message = (
                "'eller bedre' / 'eller dårligere' needs a direction: set direction: "
                "higher_is_better or lower_is_better"
            )
            return Settled((), direction, (BandProblem("needs-direction", message),))
    bands = sorted(
        (
            Band(status, normalise(text), _resolved(found, settled_direction))
            for status, (text, found) in pieces.items()
        ),
        key=lambda band: band.status.rank,
    )
    problems = _order_problems(bands, direction)
    if problems:
        return Settled((), direction, problems)
    inferred = infer_direction(bands)
    return Settled(tuple(bands), inferred or direction, _scale_problems(bands, scale))


def _direction_for_relative(pieces: Mapping[Status, tuple[str, Sequence[Piece]]]) -> Direction | None:
    """The direction the absolute bands give, for resolving 'eller bedre'; None when they give none."""
    absolute = [
        Band(status, text, tuple(p for p in found if isinstance(p, Interval)))
        for status, (text, found) in pieces.items()
    ]
    try:
        found = infer_direction([band for band in absolute if band.intervals])
    except ValueError:
        return None
    return found if found is not Direction.TARGET_RANGE else None


def _resolved(found: Sequence[Piece], direction: Direction | None) -> tuple[Interval, ...]:
    intervals = (p.resolve(direction) if isinstance(p, Relative) and direction else p for p in found)
    return tuple(i for i in intervals if isinstance(i, Interval))


def _order_problems(bands: Sequence[Band], direction: Direction | None) -> tuple[BandProblem, ...]:
    """Overlaps; else no order; else a direction given that the bands contradict."""
    overlapping = tuple(BandProblem("band-overlap", message) for message in overlaps(bands))
    if overlapping:
        return overlapping
    try:
        inferred = infer_direction(bands)
    except ValueError as exc:
        return (BandProblem("band-order", str(exc)),)
    if direction is not None and inferred is not None and inferred is not direction:
        message = f"direction {direction.value} contradicts the bands, which say {inferred.value}"
        return (BandProblem("direction-conflict", message),)
    return ()


def _scale_problems(bands: Sequence[Band], scale: Interval | None) -> tuple[BandProblem, ...]:
    if scale is None:
        return ()
    return tuple(
        BandProblem(
            "band-outside-scale",
            f"{band.status.value} band {band.text!r} lies outside the scale {format_interval(scale)}",
            band.status,
        )
        for band in bands
        for interval in band.intervals
        if not interval.overlaps(scale)
    )
