"""What every format shows, worked out once from a report and the gate. Pure.

Between the report and the renderers (ARCHITECTURE.md): the results that fail the
gate, the roll-ups per goal, focus area and org unit, the years and org units to
show, and for every result of every year the year before, the change and whether
it is a regression. Formats only format a view, and the exit code reads the same
view's failing results, so no two of them can disagree.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from operator import attrgetter

from .errors import UsageError
from .model import DEFAULT_LEVELS, RATED, BandVersion, Indicator, Level, Measure, Status
from .rating.history import Key, Rollup, Rollups, Trend, is_regression, previous_results, rollups, trend
from .rating.phase_in import IndicatorState
from .records import dataclass
from .report import Benchmark, Report, Result


def fail_levels(levels: Sequence[Level]) -> tuple[str, ...]:
    """What ``--fail-on`` accepts: every level but the best, worst first, and ``never``."""
    return (*(level.id for level in reversed(levels[1:])), "never")


FAIL_LEVELS = fail_levels(DEFAULT_LEVELS)
_year = attrgetter("year")


@dataclass(frozen=True, slots=True)
class Gate:
    """What makes a run fail (exit 1): a status at or below ``fail_on``, a missing result
    (with ``missing``; one SSB marks suppressed only with ``suppressed`` too), a status worse
    than the year before's (with ``regression``)."""

    fail_on: str = "not_approved"
    missing: bool = False
    regression: bool = False
    suppressed: bool = False
    scorecard_levels: tuple[Level, ...] = DEFAULT_LEVELS  # the level ids fail_on names
    levels: frozenset[Status] = field(init=False, compare=False, repr=False)  # the statuses that fail by themselves

    def __post_init__(self) -> None:
        if self.fail_on not in fail_levels(self.scorecard_levels):
            raise ValueError(f"fail_on must be one of {fail_levels(self.scorecard_levels)}")
        # The level fail_on names and every worse one, worked out once: every result asks.
        named = [level.status.rank for level in self.scorecard_levels if level.id == self.fail_on]
        failing = {status for status in RATED if named and status.rank >= named[0]}
        object.__setattr__(self, "levels", frozenset(failing | ({Status.MISSING} if self.missing else set())))

    def fails(self, result: Result, regression: bool) -> bool:
        if result.status is Status.MISSING and not self.suppressed and result.absence == "suppressed":
            return self.regression and regression  # a suppressed value is missing only when asked
        return result.status in self.levels or (self.regression and regression)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A benchmark region's value beside a result, and whether the result is better or worse
    than it by the indicator's direction ('better', 'worse', 'equal'; None when either value is
    absent or the direction says nothing)."""

    benchmark: Benchmark
    verdict: str | None


@dataclass(slots=True, unsafe_hash=True)  # not frozen, to build a million fast: see report.ResultRow
class Entry:
    """One result as a format shows it: the year before it, the change, and what the gate says."""

    result: Result
    previous: Result | None  # the latest earlier year with a value, same indicator and org unit
    regression: bool  # rated worse than ``previous``
    failing: bool  # fails the gate (only results of the year shown can)
    benchmarks: tuple[Comparison, ...] = ()  # the benchmark regions' values for the same year

    @property
    def trend(self) -> Trend | None:
        """The change from ``previous`` (worked out when asked: a large report keeps no Trend per result)."""
        return trend(self.result, self.previous)

    def compared(self, region: str) -> Comparison | None:
        """The comparison with benchmark ``region`` for the same year; None when it has no value read."""
        return next((c for c in self.benchmarks if c.benchmark.region == region), None)

    @property
    def comment(self) -> str | None:
        """The results file's comment on this result (its comment column), as written."""
        row = self.result.row
        return row.comment if row is not None else None

    @property
    def actions(self) -> str | None:
        """The results file's actions (tiltak) for this result, as written."""
        row = self.result.row
        return row.actions if row is not None else None

    @property
    def owner(self) -> str | None:
        """Who answers for the result: the indicator's owner (or its goal's)."""
        return self.result.indicator.owner

    @property
    def revised(self) -> bool | None:
        """False for a KOSTRA figure fetched before its revision (15 June of the year after); None unknown."""
        row = self.result.row
        return row.revised if row is not None else None

    @property
    def alarm(self) -> bool:
        """Not approved and worse than the year before: what `kpi history` marks."""
        return self.regression and self.result.status is Status.NOT_APPROVED

    @property
    def scale_changed(self) -> bool:
        """A value and an earlier one that do not compare (the scale or unit changed)."""
        return self.trend is None and self.previous is not None and self.result.value is not None


@dataclass(frozen=True, slots=True)
class Attention:
    """A result of the year shown that needs attention first, and why: at the scorecard's worst
    level ('worst'), worse than the year before ('regression'), without a result ('missing')."""

    entry: Entry
    reasons: tuple[str, ...]


ATTENTION_REASONS = ("worst", "regression", "missing")


def attention(entries: Sequence[Entry], worst: Status) -> tuple[Attention, ...]:
    """What a report says first: the results at ``worst``, then the regressions, then the
    missing results, each once (with every reason it has), in the definitions' order within each."""
    found = []
    for entry in entries:
        status = entry.result.status
        reasons = (
            ("worst",) * (status is worst)
            + ("regression",) * entry.regression
            + ("missing",) * (status is Status.MISSING)
        )
        if reasons:
            found.append(Attention(entry, reasons))
    return tuple(sorted(found, key=lambda item: ATTENTION_REASONS.index(item.reasons[0])))


@dataclass(frozen=True, slots=True)
class UnitView:
    """One org unit's results of the year shown (None: the whole municipality)."""

    org_unit: str | None
    entries: tuple[Entry, ...]  # in the definitions' order
    rollups: Rollups
    _by_id: dict[str, Entry] = field(repr=False)

    def entry(self, indicator_id: str) -> Entry | None:
        return self._by_id.get(indicator_id)


@dataclass(frozen=True, slots=True)
class View:
    """A report as every format shows it; build it with :func:`build`."""

    report: Report
    gate: Gate
    definitions: str  # the definitions file, as named on the command line
    entries: tuple[Entry, ...]  # the year shown
    units: tuple[UnitView, ...]  # per org unit of the year shown, the municipality first
    rollups: Rollups  # of every org unit together
    years: tuple[int, ...]  # every year rated, oldest first
    history_units: tuple[str | None, ...]  # the org units a history shows
    series: Mapping[Key, dict[int, Entry]]  # every year's entries by (indicator, org unit): a Series
    measures: Mapping[str, Measure]
    indicators: Mapping[str, Indicator]  # as defined, every band version
    attention: tuple[Attention, ...] = ()  # what needs attention first (see :func:`attention`)
    _unit_index: dict[str | None, UnitView] = field(default_factory=dict, repr=False, compare=False)

    @property
    def year(self) -> int:
        return self.report.year

    @property
    def total(self) -> Rollup:
        """The whole year shown: every org unit's results."""
        return self.rollups.total

    @property
    def earlier_years(self) -> tuple[int, ...]:
        return tuple(y for y in self.years if y < self.year)

    @property
    def history_years(self) -> tuple[int, ...]:
        """The years a history shows: every year up to the one shown."""
        return tuple(y for y in self.years if y <= self.year)

    @property
    def org_units(self) -> tuple[str | None, ...]:
        return tuple(unit.org_unit for unit in self.units)

    @property
    def failing(self) -> tuple[Result, ...]:
        """The results that make the command exit 1."""
        return tuple(entry.result for entry in self.entries if entry.failing)

    @property
    def regressions(self) -> tuple[Result, ...]:
        """Results of the year shown rated worse than the year before, failing or not."""
        return tuple(entry.result for entry in self.entries if entry.regression)

    @property
    def municipality(self) -> str | None:
        """The municipality's name when SSB files said it: it heads its results beside benchmarks."""
        return self.report.municipality

    def result_head(self, text: str) -> str:
        """A result column's heading: '2020' as 'Drammen 2020' when benchmarks stand beside it."""
        return f"{self.municipality} {text}" if self.municipality and self.benchmark_regions else text

    @property
    def benchmark_regions(self) -> tuple[tuple[str, str], ...]:
        """(code, name) of every benchmark region shown beside the results, in the definitions' order."""
        regions: dict[str, str] = {}
        for found in self.report.benchmarks.values():
            for item in found:
                regions.setdefault(item.region, item.name)
        return tuple(regions.items())

    def unit(self, org_unit: str | None) -> UnitView:
        return self._unit_index[org_unit]

    def entry(self, result: Result) -> Entry:
        return self.series[(result.indicator.id, result.org_unit)][result.year]

    def every_year(self, org_units: Sequence[str | None] | None = None) -> Iterator[Entry]:
        """Every entry of every year, oldest year first, within a year in the report's order.

        Worked out as they are read, not kept: a million results' entries would double the
        memory a large JSON or CSV report takes, and each is written once."""
        entries = _walk(self.report, self.gate)
        return entries if org_units is None else (e for e in entries if e.result.org_unit in org_units)

    def band_version(self, result: Result) -> BandVersion | None:
        """The band version ``result`` was rated by; None for an indicator without versions."""
        indicator = self.indicators.get(result.indicator.id)
        return indicator.version(result.year, result.org_unit) if indicator else None


SHOWN_RESULTS = 2000  # the results a table or page shows at most; the data formats write them all


@dataclass(frozen=True, slots=True)
class LeftOut:
    """What a table or page leaves out of a large report: whole org units, the last ones."""

    units: int
    results: int


def for_people(view: View, limit: int | None = None) -> tuple[View, LeftOut | None]:
    """The view a table or page shows: the first org units whose results fit in ``limit``
    (``SHOWN_RESULTS``; always the first org unit), and what it leaves out. The roll-ups still
    count every org unit, so the summary never reads better than what is left out."""
    limit = SHOWN_RESULTS if limit is None else limit
    kept: list[UnitView] = []
    count = 0
    for unit in view.units:
        if kept and count + len(unit.entries) > limit:
            break
        kept.append(unit)
        count += len(unit.entries)
    rest = view.units[len(kept) :]
    if not rest:
        return view, None
    left = LeftOut(len(rest), sum(len(unit.entries) for unit in rest))
    return dataclasses.replace(view, units=tuple(kept)), left


def build(
    report: Report,
    gate: Gate | None = None,
    *,
    definitions: str = "indicators.yaml",
    history_units: Sequence[str | None] = (),
) -> View:
    """The view of ``report`` under ``gate``; ``history_units`` are the org units a history
    shows (default: the first, usually the whole municipality)."""
    gate = gate or Gate()
    before = previous_results(report)
    scorecard = report.scorecard
    entries = tuple(_entry(report, gate, r, before.get((r.indicator.id, r.org_unit))) for r in report.results)
    by_unit: dict[str | None, list[Entry]] = {unit: [] for unit in report.org_units}
    for entry in entries:
        by_unit[entry.result.org_unit].append(entry)
    units = tuple(
        UnitView(
            unit, tuple(found), rollups(scorecard, [e.result for e in found]), {e.result.indicator.id: e for e in found}
        )
        for unit, found in by_unit.items()
    )
    years = tuple(sorted({report.year, *report.other_years}))
    return View(
        report=report,
        gate=gate,
        definitions=definitions,
        entries=entries,
        units=units,
        rollups=rollups(scorecard, report.results),
        years=years,
        history_units=tuple(history_units) or known_org_units(report)[:1],
        series=Series(report, gate),
        measures={measure.id: measure for measure in scorecard.measures},
        indicators=scorecard.indicator_map(),
        attention=attention(entries, scorecard.levels[-1].status),
        _unit_index={unit.org_unit: unit for unit in units},
    )


def _walk(report: Report, gate: Gate) -> Iterator[Entry]:
    """Every result's entry, oldest year first (a stable sort keeps the report's order within a
    year): each result's previous one is the latest with a value so far, as ``previous_results``
    finds it for the year shown."""
    previous: dict[Key, Result] = {}
    for result in sorted(itertools.chain(report.history, report.results), key=_year):
        key = (result.indicator.id, result.org_unit)
        yield _entry(report, gate, result, previous.get(key))
        if result.value is not None:
            previous[key] = result


def _entry(report: Report, gate: Gate, result: Result, before: Result | None) -> Entry:
    worse = is_regression(result, before)
    failing = result.year == report.year and gate.fails(result, worse)
    return Entry(result, before, worse, failing, _compared(report, result) if report.benchmarks else ())


class Series(Mapping[Key, dict[int, Entry]]):
    """Entries by (indicator, org unit), then by year, oldest first: grouped when first asked for
    (the tables and pages do; JSON and CSV of a million results never need them)."""

    def __init__(self, report: Report, gate: Gate) -> None:
        self._report = report
        self._gate = gate
        self._grouped: dict[Key, dict[int, Entry]] | None = None

    @property
    def grouped(self) -> dict[Key, dict[int, Entry]]:
        if self._grouped is None:
            self._grouped = {}
            for entry in _walk(self._report, self._gate):
                result = entry.result
                self._grouped.setdefault((result.indicator.id, result.org_unit), {})[result.year] = entry
        return self._grouped

    def __getitem__(self, key: Key) -> dict[int, Entry]:
        return self.grouped[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self.grouped)

    def __len__(self) -> int:
        return len(self.grouped)


def _compared(report: Report, result: Result) -> tuple[Comparison, ...]:
    found = report.benchmarks.get((result.indicator.id, result.year), ())
    if not found:
        return ()
    from .results.ssb.benchmarks import compare

    direction = result.indicator.direction
    return tuple(Comparison(item, compare(result.value, item.value, direction)) for item in found)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many results of the year shown have a value, against a year that has far more."""

    year: int
    given: int  # results of the year shown with a value
    of: int  # results of the year shown (every indicator and org unit)
    fuller_year: int
    fuller_given: int


def sparse_year(report: Report) -> Coverage | None:
    """The year with the most values, when the year shown has fewer than half as many: the latest
    year may hold the first two results of a year just begun (`2016: 2 of 31 results; 2015 has 25`)."""
    given: dict[int, int] = {}
    for result in (*report.history, *report.results):
        if result.value is not None:
            given[result.year] = given.get(result.year, 0) + 1
    return coverage(report.year, given, len(report.results))


def coverage(year: int, given: Mapping[int, int], results: int) -> Coverage | None:
    """``sparse_year`` from the values given per year and the results of ``year``."""
    shown = given.get(year, 0)
    others = [(count, other) for other, count in given.items() if other != year and count]
    if not others:
        return None
    count, fuller = max(others)
    return None if shown * 2 >= count else Coverage(year, shown, results, fuller, count)


def alarm_years(by_year: Mapping[int, Entry], years: Sequence[int]) -> str:
    """'2015, 2017': the years of ``years`` in which the result was not approved and worse than
    the year before, as a history marks them."""
    return ", ".join(str(year) for year in years if year in by_year and by_year[year].alarm)


def known_org_units(report: Report) -> tuple[str | None, ...]:
    """The org units of the year shown, then those of other years only."""
    others = {r.org_unit for r in report.history} - set(report.org_units)
    return report.org_units + tuple(sorted(others, key=str))


def select_org_units(report: Report, names: Sequence[str]) -> tuple[str | None, ...]:
    """The org units asked for by name ('all' for every one); a UsageError for one without results."""
    known = known_org_units(report)
    wanted: list[str | None] = []
    for name in names:
        if name == "all":
            wanted.extend(known)
        elif name not in known:
            units = ", ".join(unit for unit in known if unit) or "none"
            raise UsageError(f"no results for org unit {name!r}; org units in the files: {units}")
        else:
            wanted.append(name)
    return tuple(dict.fromkeys(wanted))


@dataclass(frozen=True, slots=True)
class StatusView:
    """Each indicator's phase-in state in a year, for `kpi status`."""

    states: tuple[IndicatorState, ...]
    year: int
    definitions: str = "indicators.yaml"
