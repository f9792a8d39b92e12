"""An indicator's results of one year rated with what is the same for every org unit worked out once.

Most indicators are plain: given directly, not computed, not ``rate: change``, no verdict words,
no deadline, no org unit's own bands. For such an indicator in a year, the bands in force, the
phase-in state and the note of a result without a target are the same for every org unit, so
:func:`plain` works them out once and the million results of a large input each take only what
is their own: the row, its value checked against the scale, the rating. ``rate_one`` gives the
same Result for every one of them (tests/core/test_plain.py holds the two to each other).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..model import Indicator, PhaseState, Status
from ..number_format import format_number
from ..report import Note, Result, ResultRow
from .phase_in import no_target_note
from .rate import Ratings, check_scale

Plain = Callable[[str | None, ResultRow | None], Result]


def plain(indicator: Indicator, year: int, ratings: Ratings, due: Collection[str]) -> Plain | None:
    """``rate(org_unit, row)``: the indicator's result in ``year``, as ``rate_one`` gives it; None
    when the indicator is not plain (``due``: the ids of indicators with a deadline target)."""
    if (
        indicator.compute is not None
        or indicator.rate_change
        or indicator.verdicts is not None
        or indicator.id in due
        or any(version.org_unit is not None for version in indicator.versions)
    ):
        return None
    in_force = indicator.in_force(year)
    state = in_force.state(year)
    rated = in_force.has_bands
    no_target = None if rated else no_target_note(indicator, year)
    min_base, scale, rate_value = indicator.min_base, in_force.scale, ratings.of(in_force)

    def rate(org_unit: str | None, row: ResultRow | None) -> Result:
        value = None if row is None else row.value
        cases = None if row is None else row.base
        if value is not None and scale is not None and not scale.contains(value):
            check_scale(in_force, value)  # raises
        if state is PhaseState.PENDING:
            return Result(in_force, year, org_unit, value, Status.NOT_PHASED_IN, state, None, row)
        if cases is not None and min_base and cases < min_base:
            note = Note("small_base", (("base", format_number(cases)), ("min_base", str(min_base))))
            return Result(in_force, year, org_unit, value, Status.INSUFFICIENT_BASE, state, None, row, None, note)
        if not rated:
            return Result(in_force, year, org_unit, value, Status.NO_TARGET, state, None, row, None, no_target)
        if value is None:
            return Result(in_force, year, org_unit, value, Status.MISSING, state, None, row)
        rating = rate_value(value)
        return Result(in_force, year, org_unit, value, rating.status, state, rating, row)

    return rate
