"""The org-unit matrix of `kpi evaluate --by-org-unit`: indicators down, org units across.

When the org units do not fit across one table, the matrix is turned (org units down,
indicators across, the names in a key below) if that fits, else split into numbered
parts "(1/3)"; only the first part shows the indicators' names, the others their ids.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..rating import history as hist
from ..view import View
from .labels import COLOURS, SYMBOLS, Labels
from .table_cells import fits, pack, table, value_cell

NAME_MIN = 20


def _rollup(rollup: hist.Rollup) -> Text:
    """A goal's cell in the matrix: the roll-up's headline (``Rollup.headline``: missing results show
    as missing, never as all desired) and how many of those expected were desired, '▲ 1/2', '? 1/2'."""
    shown = rollup.headline
    if shown is None or not rollup.expected:
        return Text("")
    return Text(f"{SYMBOLS[shown]} {rollup.desired}/{rollup.expected}", style=f"bold {COLOURS[shown]}")


def _part(view: View, say: Labels, units: list[str | None], names: bool) -> Table:
    scorecard = view.report.scorecard
    cells = {(r.indicator.id, r.org_unit): r for r in view.report.results}
    made = table()
    made.add_column(say("col.id"), no_wrap=True)
    if names:
        made.add_column(say("col.name"), ratio=1, min_width=NAME_MIN, overflow="fold")
    for unit in units:
        made.add_column(say.unit(unit), justify="right", overflow="fold")
    for area in scorecard.focus_areas:
        for goal in area.goals:
            heading = [Text(goal.id, style="bold"), Text(goal.name, style="bold")][: 2 if names else 1]
            made.add_row(*heading, *(_rollup(view.unit(unit).rollups.goals[goal.id]) for unit in units))
            for indicator in goal.indicators:
                first = [indicator.id, indicator.name][: 2 if names else 1]
                made.add_row(*first, *(value_cell(cells.get((indicator.id, unit)), say) for unit in units))
    return made


def _turned(view: View, say: Labels) -> Table:
    """Org units down, goals and indicators across."""
    scorecard = view.report.scorecard
    cells = {(r.indicator.id, r.org_unit): r for r in view.report.results}
    made = table()
    made.add_column(say("org_unit"), overflow="fold", min_width=12)
    for area in scorecard.focus_areas:
        for goal in area.goals:
            made.add_column(Text(goal.id, style="bold"), justify="right", no_wrap=True)
            for indicator in goal.indicators:
                made.add_column(indicator.id, justify="right", no_wrap=True)
    for unit in view.units:
        row: list[Text] = []
        for area in scorecard.focus_areas:
            for goal in area.goals:
                row.append(_rollup(unit.rollups.goals[goal.id]))
                row += [value_cell(cells.get((i.id, unit.org_unit)), say) for i in goal.indicators]
        made.add_row(say.unit(unit.org_unit), *row)
    return made


def _parts(made: Console, view: View, say: Labels, width: int) -> list[Table]:
    """As many org units in each part as fit ``width``; the names only in the first part."""
    parts: list[Table] = []
    chunk: list[str | None] = []
    for unit in view.org_units:
        if chunk and not fits(made, width, _part(view, say, [*chunk, unit], not parts)):
            parts.append(_part(view, say, chunk, not parts))
            chunk = []
        chunk.append(unit)
    parts.append(_part(view, say, chunk, not parts))
    fits(made, width, *parts)
    return parts


def matrix(made: Console, view: View, say: Labels, width: int) -> None:
    report = view.report
    scorecard = report.scorecard
    title = pack([scorecard.name, str(report.year), say("by_org_unit")], width)
    whole = _part(view, say, list(view.org_units), True)
    if fits(made, width, whole):
        made.print()
        made.print(Text(title, style="bold"))
        made.print(whole)
    elif fits(made, width, turned := _turned(view, say)):
        made.print()
        made.print(Text(title, style="bold"))
        made.print(turned)
        for area in scorecard.focus_areas:
            for goal in area.goals:
                made.print(Text.assemble((goal.id, "bold"), " ", (goal.name, "bold")), overflow="fold")
                for indicator in goal.indicators:
                    made.print(f"{indicator.id} {indicator.name}", overflow="fold")
    else:
        parts = _parts(made, view, say, width)
        for index, part in enumerate(parts, 1):
            made.print()
            made.print(Text(f"{title} ({index}/{len(parts)})", style="bold"))
            made.print(part)
    made.print()
    for shown in view.units:
        line = f"{say.unit(shown.org_unit)}: " + say.summary(report.year, shown.rollups.total.counts)
        made.print(pack(line.split(" · "), width))
