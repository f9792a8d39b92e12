"""The scorecard as rows of small tables, ready to be written as SQL VALUES lists. Pure.

Nothing here knows SQL: ``compiler`` turns these rows into a query. The
tables are what the query joins the results against:

- ``names``: every id a results table may use (indicator ids, their aliases,
  measure ids) and the id it stands for;
- ``indicators``: one row per indicator (phase-in, gap policy, scale,
  min_base, how it is computed, whether its change is rated);
- ``better``: each input of a ``compute: better_than`` indicator that has a
  direction to compare by, with the benchmark region (only when there are any);
- ``versions``: the band versions, each with the years it is in force
  ``[from_year, to_year)`` for its org unit (or for all), and its bands'
  intervals in the order ``bands.placed`` gives them, as columns of the same
  row (``band_columns``): position p's ``b{p}_low``, ``b{p}_high``, whether
  each end is inclusive and ``b{p}_rank`` (NULL past the version's last
  interval). A value is then placed among its bands, or between two of them,
  by comparisons within its own row, not by a join with every interval.
"""

from __future__ import annotations

from decimal import Decimal

from ..bands.order import placed
from ..model import BandVersion, Direction, GapPolicy, Indicator, Interval, Scorecard
from ..records import dataclass

# Each row is a tuple of plain values; None is SQL NULL.
Cell = str | int | Decimal | None
FIRST_YEAR, LAST_YEAR = 0, 9999  # a version's years when it is in force from the start or to the end
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]  # (column, SQL type: text, int or number)
    rows: tuple[Row, ...]


def _interval(interval: Interval | None) -> Row:
    """(has, low, high, low_inclusive, high_inclusive); has is 0 for no interval."""
    if interval is None:
        return (0, None, None, 0, 0)
    return (1, interval.low, interval.high, int(interval.low_inclusive), int(interval.high_inclusive))


BAND_FIELDS = (
    ("low", "number"),
    ("high", "number"),
    ("low_inclusive", "int"),
    ("high_inclusive", "int"),
    ("rank", "int"),
)


def band_column(position: int, field: str) -> str:
    """The column of kpi_versions holding ``field`` (low, high, low_inclusive, high_inclusive, rank)
    of the interval at ``position``."""
    return f"b{position}_{field}"


def positions(scorecard: Scorecard) -> int:
    """How many intervals the widest band version has (at least one): the band columns' count."""
    counts = [sum(len(band.intervals) for band in v.bands) for item in scorecard.indicators() for v in _versions(item)]
    return max([1, *counts])


def _band_cells(version: BandVersion, width: int) -> Row:
    cells: list[Cell] = []
    for interval, status in placed(version.bands):
        cells += [interval.low, interval.high, int(interval.low_inclusive), int(interval.high_inclusive), status.rank]
    return (*cells, *(None,) * (len(BAND_FIELDS) * width - len(cells)))


def _versions(indicator: Indicator) -> tuple[BandVersion, ...]:
    """The indicator's band versions; one general version from the start when it has none."""
    if indicator.versions:
        return indicator.versions
    return (BandVersion(indicator.bands, indicator.direction),)


def _better_rows(indicator: Indicator, directions: dict[str, Direction | None]) -> list[Row]:
    """(indicator, input_id, region, higher) for each input of a better_than indicator that can be
    compared: one whose direction says which side is better (``ssb.benchmarks.compare``)."""
    compute = indicator.compute
    if compute is None or compute.method != "better_than":
        return []
    sides = {Direction.HIGHER_IS_BETTER: 1, Direction.LOWER_IS_BETTER: 0}
    return [
        (indicator.id, wanted, compute.benchmark, sides[direction])
        for wanted in compute.inputs
        if (direction := directions.get(wanted)) in sides
    ]


def tables(scorecard: Scorecard) -> tuple[Table, ...]:
    """The tables of the scorecard, in the order the query declares them (``better`` only when an
    indicator is computed by ``better_than``)."""
    measures = [measure.id for measure in scorecard.measures]
    names: dict[str, tuple[str, int]] = {measure: (measure, 1) for measure in measures}
    names.update({name: (indicator.id, 0) for name, indicator in scorecard.lookup().items()})
    indicator_rows: list[Row] = []
    version_rows: list[Row] = []
    width = positions(scorecard)
    better_rows: list[Row] = []
    directions = {indicator.id: indicator.direction for indicator in scorecard.indicators()}
    for order, indicator in enumerate(scorecard.indicators()):
        compute = indicator.compute
        pairs = compute is not None and compute.method != "better_than"  # better_than: the better table
        inputs = (*compute.inputs, None)[:2] if compute and pairs else (None, None)
        better_rows += _better_rows(indicator, directions)
        indicator_rows.append(
            (
                indicator.id,
                order,
                indicator.phase_in.year if indicator.phase_in else None,
                int(indicator.per_org_unit),
                int(indicator.gap_policy is GapPolicy.NEAREST),
                indicator.min_base,
                compute.method if compute else None,
                *inputs,
                int(indicator.rate_change),
                *_interval(indicator.scale),
            )
        )
        groups: dict[str | None, list[BandVersion]] = {}
        for version in _versions(indicator):
            groups.setdefault(version.org_unit, []).append(version)
        for group in groups.values():
            group.sort(key=lambda v: -1 if v.from_year is None else v.from_year)
            for index, version in enumerate(group):
                number = len(version_rows)
                to_year = group[index + 1].from_year if index + 1 < len(group) else None
                version_rows.append(
                    (
                        number,
                        indicator.id,
                        version.org_unit or "",
                        version.from_year,
                        to_year,
                        FIRST_YEAR if version.from_year is None else version.from_year,
                        LAST_YEAR if to_year is None else to_year,
                        int(any(band.intervals for band in version.bands)),
                        *_interval(version.scale),
                        *_band_cells(version, width),
                    )
                )
    scale = (
        ("has_scale", "int"),
        ("scale_low", "number"),
        ("scale_high", "number"),
        ("scale_low_inclusive", "int"),
        ("scale_high_inclusive", "int"),
    )
    better = Table(
        "kpi_better",
        (("indicator", "text"), ("input_id", "text"), ("region", "text"), ("higher", "int")),
        tuple(better_rows),
    )
    has_better = any(i.compute is not None and i.compute.method == "better_than" for i in scorecard.indicators())
    return (
        Table(
            "kpi_names",
            (("name", "text"), ("indicator", "text"), ("is_measure", "int")),
            tuple((name, ident, is_measure) for name, (ident, is_measure) in names.items()),
        ),
        Table(
            "kpi_indicators",
            (
                ("indicator", "text"),
                ("ord", "int"),
                ("phase_in", "int"),
                ("per_org_unit", "int"),
                ("nearest", "int"),
                ("min_base", "int"),
                ("method", "text"),
                ("input_1", "text"),
                ("input_2", "text"),
                ("rate_change", "int"),
                *scale,
            ),
            tuple(indicator_rows),
        ),
        Table(
            "kpi_versions",
            (
                ("version", "int"),
                ("indicator", "text"),
                ("unit_key", "text"),
                ("from_year", "int"),
                ("to_year", "int"),
                ("starts", "int"),  # from_year and to_year with no NULL: a plain range join
                ("ends", "int"),
                ("has_bands", "int"),
                *scale,
                *((band_column(p, field), kind) for p in range(width) for field, kind in BAND_FIELDS),
            ),
            tuple(version_rows),
        ),
        *((better,) if has_better else ()),
    )


def core_only(indicator: Indicator) -> str | None:
    """What of ``indicator`` the compiled query cannot rate (only the Python core does), or None:
    a deadline target is rated along a path from its first result, year by year; a verdict
    indicator by the word published in its result cell."""
    if indicator.verdicts is not None:
        return "rate: verdict (a published word as the result)"
    if indicator.deadline is not None or any(version.deadline for version in indicator.versions):
        return "a target with a deadline (rated along the path from its first result)"
    return None
