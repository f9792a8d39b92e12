"""Pure evaluation: (scorecard, rows, year) -> Report. No printing, no I/O."""

from __future__ import annotations

import dataclasses
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence

from . import bands
from .errors import Collector, KpiError, KpiErrors, ResultsError
from .model import PhaseState, Rating, Report, Result, ResultRow, Scorecard, Status
from .phase_in import findings
from .results import ResultSet

FAIL_LEVELS = ("not_approved", "accepted", "never")
# What became of each row: rated; shown but not rated (not phased in, no target);
# no result; a year other than the one evaluated; rejected as an error.
ROW_FATES = ("rated", "not_rated", "no_result", "other_year", "rejected")


def check_rows(
    scorecard: Scorecard, rows: Iterable[ResultRow], problems: Collector
) -> dict[tuple[str, int, str | None], ResultRow]:
    """Index rows by (indicator, year, org unit); unknown ids and duplicates go to ``problems``."""
    known = scorecard.lookup()
    index: dict[tuple[str, int, str | None], ResultRow] = {}
    for row in rows:
        if row.indicator not in known:
            close = difflib.get_close_matches(row.indicator, list(known), n=1, cutoff=0.6)
            ids = ", ".join(scorecard.indicator_map())
            hint = f" (did you mean {close[0]}?)" if close else f"; known ids: {ids}"
            problems.add(_row_error(row, f"unknown indicator {row.indicator!r}{hint}"))
            continue
        key = (known[row.indicator].id, row.year, row.org_unit)
        if key in index:
            first = index[key].location
            first_at = f"{first.path}:{first.line}" if first else "an earlier row"
            unit = f" for {row.org_unit}" if row.org_unit else ""
            problems.add(
                _row_error(row, f"duplicate result for {row.indicator} {row.year}{unit}: already given at {first_at}")
            )
            continue
        index[key] = row
    return index


def evaluate(
    scorecard: Scorecard,
    rows: Sequence[ResultRow],
    year: int,
    *,
    sources: Sequence[str] = (),
    strict: bool = True,
) -> Report:
    """Rate every indicator for ``year``, for the municipality and each org unit in the rows.

    Every row ends in one of ``Report.row_counts``' categories. A row that
    cannot be evaluated (unknown id, duplicate, value outside the scale or
    every band) is an error: raised as KpiErrors when ``strict``, else kept in
    ``Report.errors``.
    """
    problems = Collector()
    index = check_rows(scorecard, rows, problems)
    counts = Counter({"rejected": len(rows) - len(index)})
    years = sorted({row.year for row in rows})
    units = {row.org_unit for row in rows if row.year == year}
    org_units: list[str | None] = [None] if None in units or not units else []
    org_units += sorted(unit for unit in units if unit is not None)
    results: list[Result] = []
    for org_unit in org_units:
        for indicator in scorecard.indicators():
            row = index.get((indicator.id, year, org_unit))
            value = row.value if row else None
            state = indicator.state(year)
            rating: Rating | None = None
            try:
                if value is not None:
                    bands.check_scale(indicator, value)
                if state is PhaseState.PENDING:
                    status = Status.NOT_PHASED_IN
                elif not indicator.has_bands:
                    status = Status.NO_TARGET
                elif value is None:
                    status = Status.MISSING
                else:
                    rating = bands.rate(indicator, value)
                    status = rating.status
            except bands.UnratableValue as exc:
                problems.add(_row_error(row, f"{indicator.id}: {exc}"))
                counts["rejected"] += 1
                continue
            if row is not None:
                counts["no_result" if value is None else "rated" if rating else "not_rated"] += 1
            results.append(Result(indicator, year, org_unit, value, status, state, rating, row))
    known = scorecard.indicator_map()
    for (indicator_id, row_year, _), row in index.items():
        if row_year == year:
            continue
        try:  # other years are not shown, but a value outside the scale is still an error
            if row.value is not None:
                bands.check_scale(known[indicator_id], row.value)
            counts["other_year"] += 1
        except bands.UnratableValue as exc:
            problems.add(_row_error(row, f"{indicator_id}: {exc}"))
            counts["rejected"] += 1
    report = Report(
        scorecard=scorecard,
        year=year,
        results=tuple(results),
        sources=tuple(sources),
        findings=tuple(findings(scorecard, year)),
        other_years=tuple(y for y in years if y != year),
        errors=tuple(problems.errors),
        row_counts={key: counts[key] for key in ROW_FATES},
    )
    if strict:
        problems.raise_if_any()
    return report


def evaluate_results(scorecard: Scorecard, read: ResultSet, year: int, *, strict: bool = True) -> Report:
    """Evaluate what ``read_results`` gave. The rows it rejected and the rows evaluation
    rejects come together, in file and line order, so one run shows every problem."""
    report = evaluate(scorecard, read.rows, year, sources=read.paths, strict=False)
    errors = sorted([*read.errors, *report.errors], key=_position)
    if strict and errors:
        raise KpiErrors(errors)
    return dataclasses.replace(report, errors=tuple(errors))


def _row_error(row: ResultRow | None, message: str) -> KpiError:
    where = row.location if row else None
    return ResultsError(message, path=where.path if where else None, line=where.line if where else None)


def _position(error: KpiError) -> tuple[str, int]:
    return (error.path or "", error.line or 0)


def failing(report: Report, fail_on: str = "not_approved", fail_on_missing: bool = False) -> list[Result]:
    """The results that make the command exit 1."""
    if fail_on not in FAIL_LEVELS:
        raise ValueError(f"fail_on must be one of {FAIL_LEVELS}")
    levels: set[Status] = set()
    if fail_on == "not_approved":
        levels = {Status.NOT_APPROVED}
    elif fail_on == "accepted":
        levels = {Status.NOT_APPROVED, Status.ACCEPTED}
    if fail_on_missing:
        levels.add(Status.MISSING)
    return [result for result in report.results if result.status in levels]
