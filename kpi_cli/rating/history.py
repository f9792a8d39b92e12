"""Across years and org units: the change from last year, regressions and roll-ups. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from ..model import RANKS, RATED, Direction, Interval, Scorecard, Status
from ..report import Report, Result

Key = tuple[str, str | None]  # (indicator id, org unit)


@dataclass(frozen=True)
class Trend:
    """The change from the previous year's value, and whether that is better."""

    previous: Result
    delta: Decimal
    better: bool | None  # None: no change, or no direction to judge by

    @property
    def arrow(self) -> str:
        return "↑" if self.delta > 0 else "↓" if self.delta < 0 else "→"


# The order in which a roll-up without a rated result says what its results are instead.
UNRATED: tuple[Status, ...] = (Status.MISSING, Status.INSUFFICIENT_BASE, Status.NOT_PHASED_IN, Status.NO_TARGET)


@dataclass(frozen=True)
class Rollup:
    """The worst rated status of a group of results, with the counts per status."""

    status: Status | None
    counts: dict[Status, int]

    @property
    def rated(self) -> int:
        return sum(self.counts[s] for s in RATED)

    @property
    def desired(self) -> int:
        return self.counts[Status.DESIRED]

    @property
    def missing(self) -> int:
        """Active indicators without a result: a roll-up says how many, so it never reads greener."""
        return self.counts[Status.MISSING]

    @property
    def expected(self) -> int:
        """The results that should be rated: those rated and those missing ('1 av 7 ønsket')."""
        return self.rated + self.missing

    @property
    def headline(self) -> Status | None:
        """What the roll-up shows: the worst rated status, else the first of ``UNRATED`` it holds.

        Missing results never let a roll-up look all-good: when every rated result reached the best
        level but some are missing, it shows missing (its symbol and colour in every format)."""
        if self.status is Status.DESIRED and self.missing:
            return Status.MISSING
        if self.status is not None:
            return self.status
        return next((status for status in UNRATED if self.counts[status]), None)


def previous_results(report: Report) -> dict[Key, Result]:
    """For each (indicator, org unit), the result of the latest earlier year that has a value."""
    found: dict[Key, Result] = {}
    for result in sorted(report.history, key=attrgetter("year")):
        if result.year < report.year and result.value is not None:
            found[(result.indicator.id, result.org_unit)] = result
    return found


def trend(current: Result, previous: Result | None) -> Trend | None:
    found = change(current, previous)
    return None if found is None or previous is None else Trend(previous, *found)


def change(current: Result, previous: Result | None) -> tuple[Decimal, bool | None] | None:
    """The change from ``previous`` and whether it is better (what a Trend holds, without one)."""
    if previous is None or previous.value is None or current.value is None:
        return None
    then, now = previous.indicator, current.indicator
    if (then.scale, then.unit) != (now.scale, now.unit):
        return None  # a new scale: the numbers do not compare
    delta = current.value - previous.value
    if delta == 0:
        return delta, None
    direction = now.direction
    if direction is Direction.HIGHER_IS_BETTER:
        return delta, delta > 0
    if direction is Direction.LOWER_IS_BETTER:
        return delta, delta < 0
    desired = now.band(Status.DESIRED)
    if direction is Direction.TARGET_RANGE and desired:
        before = _distance(previous.value, desired.intervals)
        after = _distance(current.value, desired.intervals)
        return delta, None if before == after else after < before
    return delta, None


def _distance(value: Decimal, intervals: Sequence[Interval]) -> Decimal:
    """How far a value lies from the nearest of the intervals (0 inside one)."""
    best: Decimal | None = None
    for interval in intervals:
        if interval.contains(value):
            return Decimal(0)
        edges = [edge for edge in (interval.low, interval.high) if edge is not None]
        for edge in edges:
            gap = abs(value - edge)
            best = gap if best is None else min(best, gap)
    return best if best is not None else Decimal(0)


def is_regression(current: Result, previous: Result | None) -> bool:
    """Rated worse this year than the previous year's rated result."""
    if previous is None:
        return False
    now, then = RANKS.get(current.status), RANKS.get(previous.status)
    return now is not None and then is not None and now > then


def regressions(report: Report) -> list[Result]:
    """Results of the year shown whose status is worse than the previous year's."""
    before = previous_results(report)
    return [r for r in report.results if is_regression(r, before.get((r.indicator.id, r.org_unit)))]


def rollup(results: Iterable[Result]) -> Rollup:
    return rollup_counts(Counter(result.status for result in results))


def rollup_counts(found: Mapping[Status, int]) -> Rollup:
    """The roll-up of results counted per status (every status, zero where none)."""
    counts = dict.fromkeys(Status, 0)
    counts.update(found)
    rated = [status for status in RATED if counts[status]]
    return Rollup(rated[-1] if rated else None, counts)  # RATED runs best first: the last is the worst


@dataclass(frozen=True)
class Rollups:
    """Roll-ups of a set of results: overall, per goal, per focus area."""

    total: Rollup
    goals: dict[str, Rollup]
    focus_areas: dict[str, Rollup]


def rollups(scorecard: Scorecard, results: Sequence[Result]) -> Rollups:
    """Roll up results (usually one org unit's, for one year) per goal and focus area."""
    goals = {}
    areas = {}
    for area in scorecard.focus_areas:
        area_results = [r for r in results if r.indicator.focus_area_id == area.id]
        areas[area.id] = rollup(area_results)
        for goal in area.goals:
            goals[goal.id] = rollup(r for r in area_results if r.indicator.goal_id == goal.id)
    return Rollups(rollup(results), goals, areas)
