"""The scorecard's shape: frozen dataclasses and the statuses a result can have."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal

from .records import dataclass


class Status(str, enum.Enum):
    """What a result says for a year. The first three are rated, best first."""

    DESIRED = "desired"
    ACCEPTED = "accepted"
    NOT_APPROVED = "not_approved"
    MISSING = "missing"
    NO_TARGET = "no_target"
    NOT_PHASED_IN = "not_phased_in"
    INSUFFICIENT_BASE = "insufficient_base"

    @property
    def is_rated(self) -> bool:
        return self in RANKS

    @property
    def rank(self) -> int:
        """0 for desired, 1 for accepted, 2 for not approved; larger is worse."""
        return RANKS[self]


RATED: tuple[Status, ...] = (Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED)
RANKS: dict[Status, int] = {status: rank for rank, status in enumerate(RATED)}  # the rated statuses' ranks


@dataclass(frozen=True, slots=True)
class Level:
    """One of a scorecard's own levels: its id (what every output says) and its labels per language.

    ``status`` is the rated position it takes: the best level is DESIRED, the worst
    NOT_APPROVED and a middle one ACCEPTED, so rating, roll-ups and colours keep one order.
    Without labels, the word catalogue's word for the position is shown.
    """

    id: str
    status: Status
    labels: tuple[tuple[str, str], ...] = ()  # (language, label)

    def label(self, lang: str) -> str | None:
        return dict(self.labels).get(lang)


DEFAULT_LEVELS: tuple[Level, ...] = tuple(Level(status.value, status) for status in RATED)


@functools.cache
def level_ids(levels: tuple[Level, ...]) -> Mapping[Status, str]:
    """What outputs call each status: its level's id for a rated one, else the status's own word
    (worked out once per set of levels: a report asks for every result)."""
    return {status: next((lv.id for lv in levels if lv.status is status), status.value) for status in Status}


def positions(count: int) -> tuple[Status, ...]:
    """The rated positions a scorecard of ``count`` levels uses, best first."""
    return RATED if count == 3 else (Status.DESIRED, Status.NOT_APPROVED)


def worse(a: Status, b: Status) -> Status:
    """The worse of two rated statuses."""
    return a if a.rank >= b.rank else b


class Direction(str, enum.Enum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    TARGET_RANGE = "target_range"


class GapPolicy(str, enum.Enum):
    WORSE = "worse"
    NEAREST = "nearest"


class PhaseState(str, enum.Enum):
    PENDING = "pending"
    NEW = "new"
    ACTIVE = "active"


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of the number line; ``None`` for an open end."""

    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    def contains(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None and (value > self.high or (value == self.high and not self.high_inclusive)))

    def is_below(self, value: Decimal) -> bool:
        """True when every point of the interval is less than ``value``."""
        if self.high is None:
            return False
        return self.high < value or (self.high == value and not self.high_inclusive)

    def is_above(self, value: Decimal) -> bool:
        """True when every point of the interval is greater than ``value``."""
        if self.low is None:
            return False
        return self.low > value or (self.low == value and not self.low_inclusive)

    def overlaps(self, other: Interval) -> bool:
        return not (self.ends_before(other) or other.ends_before(self))

    def ends_before(self, other: Interval) -> bool:
        """True when this interval lies wholly to the left of ``other``."""
        if self.high is None or other.low is None:
            return False
        if self.high < other.low:
            return True
        return self.high == other.low and not (self.high_inclusive and other.low_inclusive)

    def is_empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        if self.low > self.high:
            return True
        return self.low == self.high and not (self.low_inclusive and self.high_inclusive)


@dataclass(frozen=True, slots=True)
class Band:
    """One status's part of the scale, with the text as it was published."""

    status: Status
    text: str
    intervals: tuple[Interval, ...]


@dataclass(frozen=True, slots=True)
class PhaseIn:
    year: int
    planned: int | None = None
    postponed: bool = False
    reason: str | None = None

    def state(self, year: int) -> PhaseState:
        if year < self.year:
            return PhaseState.PENDING
        if year == self.year:
            return PhaseState.NEW
        return PhaseState.ACTIVE


@dataclass(slots=True, unsafe_hash=True)  # not frozen: one per row read (see report.ResultRow)
class Location:
    """Where something was written: file, line and column (1-based)."""

    path: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """A raw count or amount that results files carry and computed indicators use."""

    id: str
    name: str
    unit: str | None = None
    location: Location | None = None


COMPUTATIONS = ("change", "share", "ratio", "difference", "better_than")


@dataclass(frozen=True, slots=True)
class Computation:
    """How an indicator is computed from measures: a small closed set, nothing evaluated.

    change: percentage change of inputs[0] from the previous year;
    share: 100 × inputs[0] / inputs[1]; ratio: inputs[0] / inputs[1];
    difference: inputs[0] − inputs[1];
    better_than: 100 × the share of the indicators ``inputs`` whose values are better than
    region ``benchmark``'s, by each one's direction, of those that can be compared (Asker's Ø.3.1).
    """

    method: str
    inputs: tuple[str, ...]
    benchmark: str | None = None  # better_than: the benchmark region (EKG13)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A target to reach by a year (``target: {text: "35 500", by: 2022}``, ``35 500 innen 2022``).

    From ``by`` on, a result is rated against the target; before it, against the straight path
    from the baseline (``baseline: {year, value}``, else the indicator's first result) to the
    target in ``by``. ``target`` is the target's interval, one-sided (``>= 35 500``); ``tolerance``
    is the target's (amount, whether a share of the target), as ``target_fields.Tolerance``.
    """

    by: int
    target: Interval
    baseline: tuple[int, Decimal] | None = None
    tolerance: tuple[Decimal, bool] | None = None
    text: str = ""  # the target as written, without the deadline phrase


@dataclass(frozen=True, slots=True)
class Verdicts:
    """The verdict words a ``rate: verdict`` indicator accepts in its result cell, each with the rated
    position it gives (lower case, as ``verdict_fields.word_key`` compares them), and the words an
    unknown word's error lists (the file's own and its language's)."""

    words: tuple[tuple[str, Status], ...]
    shown: tuple[str, ...] = ()

    def status(self, word: str) -> Status | None:
        return dict(self.words).get(word)


@dataclass(frozen=True, slots=True)
class BandVersion:
    """Bands in force from a year (``None``: from the start), for one org unit or all."""

    bands: tuple[Band, ...]
    direction: Direction | None
    from_year: int | None = None
    org_unit: str | None = None
    scale: Interval | None = None
    unit: str | None = None
    location: Location | None = None
    deadline: Deadline | None = None  # a target with a deadline: rated along its path before it


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: str
    unit: str | None = None
    scale: Interval | None = None
    bands: tuple[Band, ...] = ()
    direction: Direction | None = None
    gap_policy: GapPolicy = GapPolicy.WORSE
    phase_in: PhaseIn | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    goal_id: str = ""
    focus_area_id: str = ""
    location: Location | None = None
    aliases: tuple[str, ...] = ()
    versions: tuple[BandVersion, ...] = ()
    per_org_unit: bool = True  # False: measured for the whole municipality only
    compute: Computation | None = None
    min_base: int | None = None  # fewer cases than this: shown, not rated
    ignore: tuple[str, ...] = ()  # warning codes silenced for this indicator
    rate_change: bool = False  # rate: change: the difference from the year before is rated
    owner: str | None = None  # who answers for it (ansvarlig): its own owner:, else its goal's
    deadline: Deadline | None = None  # the target's deadline (``BandVersion.deadline`` of the version in force)
    verdicts: Verdicts | None = None  # rate: verdict: the result cell holds a published verdict word

    def in_force(self, year: int, org_unit: str | None = None) -> Indicator:
        """The indicator as it was in ``year`` for ``org_unit``: the bands (and scale) then in force.

        An org unit's own bands win over the general ones; of several versions
        the latest that started by ``year`` applies. Before the first version
        there are no bands.
        """
        if not self.versions:
            return self
        general = _in_force([v for v in self.versions if v.org_unit is None], year)
        own = _in_force([v for v in self.versions if v.org_unit == org_unit and org_unit is not None], year)
        version = own or general
        if version is None:
            return replace(self, bands=(), direction=None, versions=(), deadline=None)
        # An org unit's own version measures on the scale in force for everyone unless it says otherwise.
        return replace(
            self,
            bands=version.bands,
            direction=version.direction,
            scale=version.scale or (general.scale if general else None) or self.scale,
            unit=version.unit or (general.unit if general else None) or self.unit,
            versions=(),
            deadline=version.deadline,
        )

    def version(self, year: int, org_unit: str | None = None) -> BandVersion | None:
        """The band version ``in_force`` uses for ``year`` and ``org_unit``; None without versions."""
        own = _in_force([v for v in self.versions if v.org_unit == org_unit and org_unit is not None], year)
        return own or _in_force([v for v in self.versions if v.org_unit is None], year)

    def band(self, status: Status) -> Band | None:
        for band in self.bands:
            if band.status is status:
                return band
        return None

    @property
    def has_bands(self) -> bool:
        """Bands to rate by: a target in words (a band with no interval) is shown, never rated."""
        return any(band.intervals for band in self.bands)

    def state(self, year: int) -> PhaseState:
        if self.phase_in is None:
            return PhaseState.ACTIVE
        return self.phase_in.state(year)


def _in_force(versions: list[BandVersion], year: int) -> BandVersion | None:
    started = [v for v in versions if v.from_year is None or v.from_year <= year]
    return max(started, key=lambda v: v.from_year or 0) if started else None


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    name: str
    indicators: tuple[Indicator, ...] = ()
    owner: str | None = None  # owner: of the goal, which its indicators without one inherit


@dataclass(frozen=True, slots=True)
class FocusArea:
    id: str
    name: str
    focus_goal: str | None = None
    goals: tuple[Goal, ...] = ()


@dataclass(frozen=True, slots=True)
class Scorecard:
    name: str
    language: str = "nb"
    gap_policy: GapPolicy = GapPolicy.WORSE
    focus_areas: tuple[FocusArea, ...] = ()
    path: str = "indicators.yaml"
    columns: tuple[tuple[str, str], ...] = ()
    measures: tuple[Measure, ...] = ()
    ignore: tuple[str, ...] = ()  # warning codes silenced for the whole file
    levels: tuple[Level, ...] = DEFAULT_LEVELS  # best first

    def level_id(self, status: Status) -> str:
        """What outputs call ``status``: its level's id for a rated status, else the status's own word."""
        return level_ids(self.levels)[status]

    @property
    def rated(self) -> tuple[Status, ...]:
        """The rated positions the scorecard's levels use, best first."""
        return tuple(level.status for level in self.levels)

    def indicators(self) -> Iterator[Indicator]:
        for area in self.focus_areas:
            for goal in area.goals:
                yield from goal.indicators

    def indicator_map(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators()}

    def lookup(self) -> dict[str, Indicator]:
        """Indicators by id and by each alias a results file may use for them."""
        found = {alias: indicator for indicator in self.indicators() for alias in indicator.aliases}
        found.update(self.indicator_map())
        return found
