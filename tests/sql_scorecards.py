"""Hypothesis strategies: made-up scorecards and results for the SQL agreement tests.

Band forms (closed, strict and open ends, several intervals per status, target
ranges), band versions by year and per org unit, both gap policies, scales,
phase-in, min_base with an n column, per_org_unit, measures and computed
indicators, indicators rated on their change from the year before (``rate:
change``) and shares of indicators better than a benchmark region
(``better_than``, with the benchmark values beside the rows); values on the
edges, in the gaps, beyond the bands and at several decimal precisions.
``exact_binary`` keeps every number on a grid of eighths, which binary floating
point (SQLite) holds exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from kpi_cli.model import (
    RATED,
    Band,
    BandVersion,
    Computation,
    Direction,
    FocusArea,
    GapPolicy,
    Goal,
    Indicator,
    Interval,
    Measure,
    PhaseIn,
    Scorecard,
)
from kpi_cli.report import Benchmark, ResultRow

YEARS = (2015, 2016, 2017)


def bounded(examples: int, suppress: Sequence[HealthCheck] = (HealthCheck.too_slow,)) -> settings:
    """Settings for CI (README: "Development"): a fixed series of ``examples`` (derandomize), so a
    failure recurs on every run and is printed as drawn, without a shrink phase that can take
    minutes on cases this size. No deadline: a loaded machine stretches the wall clock
    (tests/test_no_clock.py)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        print_blob=True,
        suppress_health_check=list(suppress),
    )


UNITS = (None, "Oppvekst", "Helse og omsorg")
MEASURES = ("m1", "m2")
REGIONS = ("EKG13", "EAK")
# how an indicator is rated: its value given, computed from measures, its change from the year
# before (rate: change), or the share of other indicators better than a benchmark region
KINDS = ("value", "value", "computed", "change", "better_than")
SHARES = tuple(Decimal(share) for share in ("0", "25", "33.33", "50", "66.67", "75", "100"))
# what better_than compares by (a target range: not compared), mostly a side
DIRECTIONS = (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER) * 2 + (Direction.TARGET_RANGE,)


@dataclass(frozen=True)
class Case:
    scorecard: Scorecard
    rows: tuple[ResultRow, ...]
    year: int
    benchmarks: dict[tuple[str, int], tuple[Benchmark, ...]]

    @property
    def benchmark_rows(self) -> list[tuple[str, int, str, Decimal | None]]:
        """The benchmark values as a table's rows: (indicator, year, region, value)."""
        return [(i, y, b.region, b.value) for (i, y), found in self.benchmarks.items() for b in found]


def numbers(exact_binary: bool) -> st.SearchStrategy[Decimal]:
    if exact_binary:
        return st.integers(-160, 160).map(lambda k: Decimal(k) / 8)
    return st.builds(
        lambda k, places: Decimal(k).scaleb(-places),
        st.integers(-20000, 20000),
        st.sampled_from([0, 1, 2, 3, 4, 6]),
    )


@st.composite
def band_set(draw: st.DrawFn, exact_binary: bool, share: bool = False) -> tuple[Band, ...]:
    """1-5 intervals left to right, open at either end or not; gapless (every interval touching the
    next) as often as not, else with gaps between some or all of them, as the seed's ``4,5 - 6``,
    ``4 - 4,4``, ``0 - 3,9``; edges where a better_than share lies (0, 25, 33.33 ... 100) when ``share``."""
    gapless = draw(st.booleans())
    count = draw(st.integers(1, 5))
    edge = st.sampled_from(SHARES) if share else numbers(exact_binary)
    edges = sorted(set(draw(st.lists(edge, min_size=2 * count, max_size=2 * count))))
    if len(edges) < 2:
        edges = [edges[0], edges[0] + 1]
    intervals: list[Interval] = []
    for index in range(0, len(edges) - 1, 2):
        low, high = edges[index], edges[index + 1]
        touching = (gapless or draw(st.booleans())) and intervals and intervals[-1].high is not None
        if touching:
            previous = intervals[-1]
            low = previous.high  # type: ignore[assignment]
            low_inclusive = not previous.high_inclusive
        else:
            low_inclusive = draw(st.booleans())
        if low is None or high <= low:
            continue
        intervals.append(Interval(low, high, low_inclusive, draw(st.booleans())))
    if draw(st.booleans()):
        first = intervals[0]
        intervals[0] = Interval(None, first.high, False, first.high_inclusive)
    if draw(st.booleans()):
        last = intervals[-1]
        intervals[-1] = Interval(last.low, None, last.low_inclusive, False)
    statuses = draw(st.lists(st.sampled_from(RATED), min_size=len(intervals), max_size=len(intervals)))
    bands = []
    for status in RATED:
        mine = tuple(interval for interval, each in zip(intervals, statuses, strict=True) if each is status)
        if mine:
            bands.append(Band(status, "made up", mine))
    return tuple(bands)


def scale_for(bands: tuple[Band, ...], draw: st.DrawFn, exact_binary: bool) -> Interval | None:
    if not draw(st.booleans()):
        return None
    low, high = sorted([draw(numbers(exact_binary)), draw(numbers(exact_binary))])
    return Interval(low, high + 1, draw(st.booleans()), draw(st.booleans()))


@st.composite
def indicator(
    draw: st.DrawFn, ident: str, exact_binary: bool, kind: str, others: tuple[str, ...], own_bands: bool = True
) -> Indicator:
    """One indicator of ``kind`` (KINDS); a better_than one compares some of ``others``; org units'
    own band versions now and then when ``own_bands``."""
    change = kind == "change"
    versions: list[BandVersion] = []
    for org_unit in (None, *UNITS[1:]):
        if org_unit is not None and (not own_bands or not draw(st.booleans())):
            continue
        years = draw(st.lists(st.sampled_from([None, *YEARS]), min_size=1, max_size=3, unique=True))
        if org_unit is None and draw(st.booleans()):
            years = [None]
        for from_year in years:
            bands = draw(band_set(exact_binary, kind == "better_than")) if draw(st.integers(0, 5)) else ()
            # a change's versions have no scale (it bounds the value, not the change), as loaded
            scale = None if change else scale_for(bands, draw, exact_binary)
            versions.append(BandVersion(bands, None, from_year, org_unit, scale))
    simple = len(versions) == 1 and versions[0].from_year is None and versions[0].scale is None
    methods = ["difference"] if exact_binary else ["change", "share", "ratio", "difference"]
    computation = None
    if kind == "computed":
        method = draw(st.sampled_from(methods))
        computation = Computation(method, ("m1",) if method == "change" else MEASURES)
    elif kind == "better_than":
        compared = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
        computation = Computation("better_than", tuple(compared), draw(st.sampled_from(REGIONS)))
    return Indicator(
        id=ident,
        name=f"Indikator {ident} (oppdiktet)",
        scale=scale_for((), draw, exact_binary),
        bands=versions[0].bands if simple else (),
        # what better_than compares by; none or a target range: not compared
        direction=draw(st.sampled_from([*DIRECTIONS, None])),
        gap_policy=draw(st.sampled_from(list(GapPolicy))),
        phase_in=PhaseIn(draw(st.sampled_from(YEARS))) if draw(st.integers(0, 3)) == 0 else None,
        versions=() if simple else tuple(versions),
        per_org_unit=draw(st.integers(0, 3)) > 0,
        compute=computation,
        min_base=draw(st.sampled_from([None, None, 3])),
        aliases=(f"{ident}-alias",),
        rate_change=change,
    )


def values_near(scorecard: Scorecard, exact_binary: bool) -> st.SearchStrategy[Decimal | None]:
    """Band and scale edges, a step either side of them, and anything else."""
    edges: set[Decimal] = set()
    for each in scorecard.indicators():
        for version in each.versions or (BandVersion(each.bands, None),):
            for band in version.bands:
                for interval in band.intervals:
                    edges.update(e for e in (interval.low, interval.high) if e is not None)
    step = Decimal("0.125") if exact_binary else Decimal("0.01")
    near = sorted({e + d for e in edges for d in (-step, Decimal(0), step)})
    choices = [numbers(exact_binary), st.none()]
    if near:
        choices.insert(0, st.sampled_from(near))
    return st.one_of(*choices)


@st.composite
def cases(draw: st.DrawFn, exact_binary: bool = False) -> Case:
    count = draw(st.integers(1, 4))
    ids = tuple(f"X.{n}" for n in range(count))
    # half the cases plain (nothing computed, no org unit's own bands): the compiler's specialised query
    plain = draw(st.booleans())
    kinds = [draw(st.sampled_from(KINDS if count > 1 else KINDS[:-1])) if not plain else "value" for _ in ids]
    indicators = tuple(
        draw(indicator(ident, exact_binary, kind, tuple(i for i in ids if i != ident), own_bands=not plain))
        for ident, kind in zip(ids, kinds, strict=True)
    )
    computed = "computed" in kinds
    measures = tuple(Measure(m, f"Måling {m}") for m in MEASURES) if computed else ()
    scorecard = Scorecard(
        "Generert målekart (oppdiktet)",
        focus_areas=(FocusArea("X", "Område", goals=(Goal("X.1", "Mål", indicators),)),),
        measures=measures,
    )
    values = values_near(scorecard, exact_binary)
    ids = [each.id for each in indicators if each.compute is None] + list(MEASURES if computed else ())
    keys = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(YEARS), st.sampled_from(UNITS)), unique=True)
        if ids
        else st.just([])
    )
    changes = {each.id for each in indicators if each.rate_change}
    # a row every year for one org unit: a change to rate, values to compare, measures to compute from
    series = changes | (set(compared_with(indicators)) | {measure.id for measure in measures}) & set(ids)
    unit = draw(st.sampled_from(UNITS))
    keys += [key for key in ((ident, year, unit) for ident in sorted(series) for year in YEARS) if key not in keys]
    rows = []
    for ident, year, org_unit in keys:
        base = draw(st.sampled_from([None, Decimal(2), Decimal(3), Decimal(10)]))
        name = f"{ident}-alias" if ident.startswith("X") and draw(st.integers(0, 4)) == 0 else ident
        if ident in changes:  # 0 the year before makes the change a value near the edges
            value = draw(st.one_of(st.just(Decimal(0)), values))
        else:
            value = draw(values if ident.startswith("X") else st.one_of(numbers(exact_binary), st.just(Decimal(0))))
        rows.append(ResultRow(name, year, value, org_unit, base=base))
    return Case(scorecard, tuple(rows), draw(st.sampled_from(YEARS)), draw(benchmarks(indicators, rows, values)))


def compared_with(indicators: tuple[Indicator, ...]) -> dict[str, set[str]]:
    """Each indicator a better_than compares, and the benchmark regions it is compared with."""
    wanted: dict[str, set[str]] = {}
    for each in indicators:
        if each.compute and each.compute.method == "better_than":
            for ident in each.compute.inputs:
                wanted.setdefault(ident, set()).add(str(each.compute.benchmark))
    return wanted


@st.composite
def benchmarks(
    draw: st.DrawFn, indicators: tuple[Indicator, ...], rows: list[ResultRow], values: st.SearchStrategy[Decimal | None]
) -> dict[tuple[str, int], tuple[Benchmark, ...]]:
    """Benchmark regions' values for the indicators better_than compares, every year: the region
    it compares with, another one now and then; a value, often one of the municipality's values
    for that indicator, or none."""
    wanted = compared_with(indicators)
    found: dict[tuple[str, int], tuple[Benchmark, ...]] = {}
    for ident, year in ((ident, year) for ident in sorted(wanted) for year in YEARS):
        own = [row.value for row in rows if row.indicator in (ident, f"{ident}-alias") and row.value is not None]
        value = st.one_of(st.sampled_from(own), values) if own else values
        regions = [region for region in REGIONS if region in wanted[ident] or draw(st.booleans())]
        found[(ident, year)] = tuple(Benchmark(region, f"Region {region}", draw(value)) for region in regions)
    return found
