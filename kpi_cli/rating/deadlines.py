"""Deadline targets: the straight path from the baseline to the target, year by year. Pure.

Before a deadline target's year (``model.Deadline``) a result is rated against the path's
value in its year; the path starts at ``baseline: {year, value}``, else at the indicator's
first result (for that org unit) since the target was set. See
docs/explanation/deadline-targets.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..definitions.target_fields import path_value
from ..model import Indicator, Scorecard
from ..report import ResultRow

Key = tuple[str, int, str | None]


class Paths:
    """The path values of one evaluation's deadline targets: the first results looked up once."""

    def __init__(self, scorecard: Scorecard, rows: Iterable[tuple[Key, ResultRow]]) -> None:
        due = {item.id for item in scorecard.indicators() if item.deadline or any(v.deadline for v in item.versions)}
        self.due = due
        self.results: dict[tuple[str, str | None], list[tuple[int, Decimal]]] = {}
        for (ident, year, org_unit), row in rows:
            if ident in due and row.value is not None:
                self.results.setdefault((ident, org_unit), []).append((year, row.value))
        for found in self.results.values():
            found.sort()

    def __call__(self, indicator: Indicator, year: int, org_unit: str | None) -> Decimal | None:
        """The path's value for ``indicator`` in ``year``; None after the deadline, without one
        or without a baseline."""
        if indicator.id not in self.due:  # most indicators: nothing to work out, a million times
            return None
        in_force = indicator.in_force(year, org_unit)
        due = in_force.deadline
        if due is None or year >= due.by:
            return None
        baseline = due.baseline
        if baseline is None:
            version = indicator.version(year, org_unit)
            since = version.from_year if version is not None and version.from_year is not None else 0
            given = [pair for pair in self.results.get((indicator.id, org_unit), ()) if pair[0] >= since]
            baseline = given[0] if given else None
        return path_value(due, baseline, year) if baseline is not None else None
