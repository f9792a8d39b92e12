"""What a results file for a year must hold: the rows of a data-entry template. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import PhaseState, Scorecard
from ..records import dataclass


@dataclass(frozen=True)
class TemplateRow:
    id: str  # a measure or a directly measured indicator
    year: int
    org_unit: str | None
    name: str
    unit: str | None


def template_rows(scorecard: Scorecard, year: int, org_units: Sequence[str] = ()) -> list[TemplateRow]:
    """One row per measure and directly measured indicator active in ``year``.

    Computed indicators are left out (their measures are asked for instead, with
    the year before for a change), and so are pending ones and measures that
    only pending indicators use. With ``org_units`` the whole municipality comes
    first, then each org unit (indicators measured for the whole municipality
    only are not asked for per org unit).
    """
    active = [i for i in scorecard.indicators() if i.state(year) is not PhaseState.PENDING]
    wanted: dict[str, set[int]] = {}
    for indicator in active:
        if indicator.compute is None:
            continue
        for measure_id in indicator.compute.inputs:
            years = {year - 1, year} if indicator.compute.method == "change" else {year}
            wanted.setdefault(measure_id, set()).update(years)
    used_anywhere = {m for i in scorecard.indicators() if i.compute for m in i.compute.inputs}
    rows: list[TemplateRow] = []
    for org_unit in [None, *org_units]:
        for measure in scorecard.measures:
            if measure.id in used_anywhere and measure.id not in wanted:
                continue  # only pending indicators need it
            for each_year in sorted(wanted.get(measure.id, {year})):
                rows.append(TemplateRow(measure.id, each_year, org_unit, measure.name, measure.unit))
        for indicator in active:
            if indicator.compute is None and (org_unit is None or indicator.per_org_unit):
                rows.append(TemplateRow(indicator.id, year, org_unit, indicator.name, indicator.unit))
    return rows
