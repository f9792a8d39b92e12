"""The HTML matrix: indicators down, org units across, each cell the value and its status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Scorecard, Status
from ..view import UnitView, View
from .html_charts import _e
from .html_page import value_cell
from .labels import SYMBOLS, Labels

MATRIX_UNITS = 8  # org units in one table of the matrix: what fits an A4 page across


def _indicator_rows(scorecard: Scorecard) -> Iterable[tuple[str, str, bool]]:
    """(id, name, is a goal) down the scorecard: each goal, then its indicators."""
    for area in scorecard.focus_areas:
        for goal in area.goals:
            yield goal.id, goal.name, True
            for indicator in goal.indicators:
                yield indicator.id, indicator.name, False


def matrix(view: View, say: Labels) -> str:
    """Indicators down, org units across; each cell the value and its status.

    At most ``MATRIX_UNITS`` org units go in one table, so that it fits the page; the rest follow.
    """
    units = view.units
    tables = [
        _matrix_table(view, units[start : start + MATRIX_UNITS], say) for start in range(0, len(units), MATRIX_UNITS)
    ]
    return f'<section class="matrix"><h2>{_e(say("matrix"))} {view.year}</h2>{"".join(tables)}</section>'


def _matrix_table(view: View, units: Sequence[UnitView], say: Labels) -> str:
    head = "".join(f'<th scope="col" class="num">{_e(say.unit(unit.org_unit))}</th>' for unit in units)
    rows = []
    for ident, name, is_goal in _indicator_rows(view.report.scorecard):
        if is_goal:
            rows.append(
                f'<tr class="goal"><th scope="rowgroup" class="id">{_e(ident)}</th>'
                f'<th scope="rowgroup" colspan="{len(units) + 1}">{_e(name)}</th></tr>'
            )
        else:
            values = "".join(value_cell(entry.result if (entry := unit.entry(ident)) else None, say) for unit in units)
            rows.append(f'<tr><th scope="row" class="id">{_e(ident)}</th><td class="name">{_e(name)}</td>{values}</tr>')
    always = (*say.rated, Status.MISSING)
    counts = [unit.rollups.total.counts for unit in units]
    foot = [
        f'<tr><th colspan="2" class="st-{s.value}"><span class="sym" aria-hidden="true">{SYMBOLS[s]}</span> '
        f"{_e(say.short(s))}</th>" + "".join(f"<td>{found[s]}</td>" for found in counts) + "</tr>"
        for s in Status
        if s in always or any(found[s] for found in counts)
    ]
    return (
        f'<div class="scroll"><table><caption>{_e(say("matrix"))} {view.year}</caption>'
        f'<thead><tr><th scope="col">{_e(say("col.id"))}</th><th scope="col">{_e(say("col.name"))}</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody><tfoot>{''.join(foot)}</tfoot></table></div>"
    )
