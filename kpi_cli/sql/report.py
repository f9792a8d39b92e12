"""``kpi evaluate --engine duckdb``: the core's Report, with the ratings from the compiled query on DuckDB.

The contract is that every format prints the same bytes whichever engine ran, so
the DuckDB engine's rows are turned back into the core's ``Result`` objects and
the same ``Report`` (docs/how-to/sql.md, "The DuckDB engine"); the view, the gate, the exit
code and the renderers never know which engine rated. The rows themselves (their
file and line, the value as written, the comment) come from the Python reader,
which reports bad rows with the located messages whatever the engine. An
indicator rated plainly (no computation, no ``rate: change``, no ``min_base``)
takes its status and band version from DuckDB; the reason a report words is the
one interval the value lies in (``rating.rate`` on that value). Computed
indicators, changes and small bases are rated by the core's ``rate_one``.
Imports DuckDB (through ``engine``) only when called.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from ..errors import Collector, KpiErrors, Problem
from ..model import Direction, Indicator, Scorecard, Status
from ..rating.checks import findings, unsilenced
from ..rating.compute import compute, year_change
from ..rating.deadlines import Paths
from ..rating.evaluate import beyond_problem, check_rows, evaluate_results, rate_one
from ..rating.phase_in import no_target_note
from ..rating.rate import UnratableValue, rate
from ..report import Report, Result, ResultRow, RowFates
from ..results.printed import band_differences
from ..results.read import ResultSet
from .tables import core_only

Key = tuple[str, int, str | None]


class EnginesDisagree(AssertionError):
    """DuckDB rated a result otherwise than the core would: a bug, never a user's doing."""


def evaluate_on_duckdb(
    scorecard: Scorecard,
    read: ResultSet,
    year: int,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Report:
    """What ``evaluate_results(scorecard, read, year, strict=False)`` returns, rated on DuckDB.

    Input with errors (or SSB files, whose benchmarks only the core reads) is evaluated by the core,
    so the errors and their order are the core's.
    """
    verdicts = any(item.verdicts for item in scorecard.indicators())  # words DuckDB's reader refuses
    if read.errors or read.ssb or verdicts or not all(_held(row.value) and _held(row.base) for row in read.rows):
        return evaluate_results(scorecard, read, year, strict=False)
    from .engine import rate as rate_on_duckdb

    try:
        rated = rate_on_duckdb(
            scorecard, read.paths, year=year, encoding=encoding, delimiter=delimiter, columns=columns
        )
    except KpiErrors:
        return evaluate_results(scorecard, read, year, strict=False)
    wanted = rated.relation.select("indicator, year, org_unit, status, bands_from, bands_org_unit")
    try:
        return _report(scorecard, read, year, wanted.fetchall())
    except UnratableValue:  # a value given that disagrees with its measures: the core's located error
        return evaluate_results(scorecard, read, year, strict=False)


def _held(value: Decimal | None) -> bool:
    """Whether the query's DECIMAL(38, 15) holds ``value`` exactly: 3,0000000000000000001 it would
    round to 3, and rate otherwise than the core (which is then asked)."""
    if value is None:
        return True
    exponent = value.as_tuple().exponent
    return value.is_finite() and isinstance(exponent, int) and exponent >= -15 and value.adjusted() < 23


def _report(scorecard: Scorecard, read: ResultSet, year: int, rated: list[tuple[object, ...]]) -> Report:
    problems = Collector()
    index = check_rows(scorecard, read.rows, problems)
    indicators = scorecard.indicator_map()
    order = {ident: position for position, ident in enumerate(indicators)}
    units = {unit for _, _, unit in index}
    unit_order = {unit: position for position, unit in enumerate(sorted(u for u in units if u is not None))}
    rated.sort(key=lambda r: (r[1], -1 if r[2] is None else unit_order[str(r[2])], order[str(r[0])]))
    directions = {ident: indicator.direction for ident, indicator in indicators.items()}
    counts: Counter[str] = Counter({"rejected": len(read.rows) - len(index)})
    shown: list[Result] = []
    history: list[Result] = []
    warnings: list[Problem] = []
    paths = Paths(scorecard, index.items())
    for ident, each_year, org_unit, status, bands_from, bands_unit in rated:
        indicator = indicators[str(ident)]
        key = (indicator.id, int(str(each_year)), None if org_unit is None else str(org_unit))
        row = index.get(key)
        if indicator.compute or indicator.rate_change or indicator.min_base or core_only(indicator):
            result = _by_the_core(indicator, key, row, index, directions, paths)
        else:
            result = _plain(indicator, key, row, Status(str(status)), (bands_from, bands_unit))
        if result.rating is not None and result.rating.beyond:
            warnings.append(beyond_problem(row, result.indicator, result.rating))
        if row is not None:
            fate = "rated" if result.rating else "not_rated"
            counts["no_result" if result.value is None and row.value is None else fate] += 1
        (shown if key[1] == year else history).append(result)
    measures = {measure.id for measure in scorecard.measures}
    counts["measure"] = sum(1 for key in index if key[0] in measures)
    return Report(
        scorecard=scorecard,
        year=year,
        results=tuple(shown),
        sources=tuple(read.paths),
        findings=(*findings(scorecard, year), *band_differences(scorecard, index.values())),
        history=tuple(history),
        warnings=tuple(unsilenced(warnings, scorecard)),
        row_counts=RowFates(**{fate.name: counts[fate.name] for fate in dataclasses.fields(RowFates)}),
    )


def _by_the_core(
    indicator: Indicator,
    key: Key,
    row: ResultRow | None,
    index: dict[Key, ResultRow],
    directions: Mapping[str, Direction | None],
    paths: Paths,
) -> Result:
    """A computed indicator, a change, a small base or a deadline target, rated as ``evaluate``
    rates it: the query gives the same status (a deadline target's aside: the query rates by the
    target, the core by its path), but a report also needs what the core keeps beside it (the
    inputs a value was computed from, the note saying which one is missing, the path's value)."""
    outcome = None
    if indicator.compute is not None:
        outcome = compute(indicator, key[1], key[2], index, None, directions)
    if indicator.rate_change:
        outcome = year_change(indicator, key[1], key[2], index)
    return rate_one(indicator, key[1], key[2], row, outcome, path=paths(indicator, key[1], key[2]))


def _plain(indicator: Indicator, key: Key, row: ResultRow | None, status: Status, version: object) -> Result:
    """A plainly rated indicator's result from DuckDB's row: the band version it names, the status it
    gave, and the interval the value lies in (what a report words as the reason)."""
    year, org_unit = key[1], key[2]
    used = indicator.version(year, org_unit)
    if used is not None and (used.from_year, used.org_unit) != version:
        raise EnginesDisagree(
            f"{key}: DuckDB rated by the bands of {version}, the core by {used.from_year, used.org_unit}"
        )
    in_force = indicator.in_force(year, org_unit)
    value = row.value if row is not None else None
    rating = rate(in_force, value) if value is not None and status.is_rated else None
    if rating is not None and rating.status is not status:
        raise EnginesDisagree(f"{key}: DuckDB rated {value} {status.value}, the core {rating.status.value}")
    note = no_target_note(indicator, year, org_unit) if status is Status.NO_TARGET else None
    return Result(in_force, year, org_unit, value, status, in_force.state(year), rating, row, note=note)
