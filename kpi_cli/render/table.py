"""The scorecard as a table in the terminal, read like the published one.

Every status has a symbol and a word besides its colour, so the table reads
in black and white, piped, under NO_COLOR and for colour-blind readers.

The table degrades by dropping, never by cutting: ids, values and status words
are always whole. When the width is short, the three band columns give way to
one compact band column, then the earlier years' columns go (the change column
stays), and when even that does not fit, each indicator becomes a block of lines.
Benchmark columns (SSB) sit beside the value and are never dropped: they are values too.
A result's comment is a line of its own under its row, in the name column.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Indicator, Status
from ..records import dataclass
from ..report import Result
from ..view import Entry, UnitView, View, for_people
from . import Renderer, RenderOptions
from .labels import COLOURS, SYMBOLS, Labels
from .table_cells import (
    change_text,
    console,
    finish,
    fits,
    header,
    legend,
    pack,
    rollup_text,
    sparkline,
    status_text,
    table,
    value_cell,
)
from .table_history import history, status
from .table_matrix import matrix

__all__ = ["RENDERER", "sparkline"]
HISTORY_COLUMNS = 3  # earlier years shown beside the year evaluated, when they fit
NAME_MIN = 16  # narrower than this, a name wraps into too many lines


@dataclass(frozen=True)
class Layout:
    """Which columns a unit's tables show: the bands as three columns or one, the earlier years."""

    compact: bool
    years: tuple[int, ...]
    change: bool
    long: bool = False  # the status's full words ('Ønsket resultat') rather than the short ones


def status_word(result: Result, say: Labels, long: bool = False) -> Text:
    """The status, whole: a postponed phase-in's '(utsatt)' on a line of its own unless ``long``."""
    if long:
        return status_text(result.status, say.status(result))
    if result.status is Status.NOT_PHASED_IN and result.indicator.phase_in:
        phase_in = result.indicator.phase_in
        text = f"{SYMBOLS[result.status]} {say('phased_in_from', year=phase_in.year)}"
        if phase_in.postponed:
            text += f"\n  ({say('postponed')})"
        return Text(text, style=COLOURS[result.status])
    return status_text(result.status, say.short(result.status))


def _bands(indicator: Indicator, say: Labels) -> list[str]:
    return [band.text if (band := indicator.band(s)) else "–" for s in say.rated]


def _compact_bands(indicator: Indicator, say: Labels) -> Text:
    if not indicator.has_bands:
        return Text("–")
    texts = zip(say.rated, _bands(indicator, say), strict=True)
    return Text("\n").join(Text(f"{SYMBOLS[s]} {text}", style=COLOURS[s]) for s, text in texts)


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    made, buffer = console(options)
    made.print(pack(header(view, say).split(" · "), options.width), style="dim")
    view, left = for_people(view)
    if options.by_org_unit:
        matrix(made, view, say, options.width)
    else:
        for unit in view.units:
            _unit(made, view, unit, say, options.width)
    if left is not None:
        made.print(Text(say("left_out", units=left.units, results=left.results)))  # wrapped at spaces
    made.print(legend(say, options.width))
    return finish(buffer)


def _layouts(view: View) -> list[Layout]:
    """From the widest to the narrowest: full bands with every earlier year, then one compact
    band column with fewer and fewer earlier years (the change column stays)."""
    earlier = view.earlier_years[-HISTORY_COLUMNS:]
    change = bool(earlier)
    ordered = [Layout(False, earlier, change, long=True), Layout(False, earlier, change)]
    ordered += [Layout(True, earlier[len(earlier) - k :] if k else (), change) for k in range(len(earlier), -1, -1)]
    return ordered


def _title(view: View, unit: UnitView, area_name: str, say: Labels, width: int) -> Text:
    title = [view.report.scorecard.name, area_name, str(view.year)]
    if len(view.units) > 1 or unit.org_unit is not None:
        title.append(say.unit(unit.org_unit))
    return Text(pack(title, width), style="bold")


def _unit(made: Console, view: View, unit: UnitView, say: Labels, width: int) -> None:
    areas = view.report.scorecard.focus_areas
    for layout in _layouts(view):
        tables = [_area_table(view, unit, area.id, layout, say) for area in areas]
        if fits(made, width, *tables):
            break
    else:
        tables = []
    for index, area in enumerate(areas):
        made.print()
        made.print(_title(view, unit, area.name, say, width))
        if area.focus_goal:
            made.print(f"{say('focus_goal')}: {area.focus_goal}")
        if tables:
            made.print(tables[index])
        else:
            _stacked(made, view, unit, area.id, say)
        results = [e.result for e in unit.entries if e.result.indicator.focus_area_id == area.id]
        for ident, text in say.notes(view.measures, results):
            made.print(f"{ident}: {text}", style="dim")
    made.print()
    made.print(pack(say.summary(view.year, unit.rollups.total.counts).split(" · "), width))
    for line in say.sources(view.report.tables):
        made.print(line, style="dim")


def _area_table(view: View, unit: UnitView, area_id: str, layout: Layout, say: Labels) -> Table:
    made = table()
    made.add_column(say("col.id"), no_wrap=True)
    # the wider layouts only while they leave the name room; else the next one down
    name_min = NAME_MIN * 2 if layout.long else NAME_MIN if layout.compact else NAME_MIN + 8
    made.add_column(say("col.name"), min_width=name_min, ratio=1, overflow="fold")
    if layout.compact:
        made.add_column(say("col.bands"), overflow="fold")
    else:
        for status in say.rated:
            made.add_column(say(f"col.{status.value}"), overflow="fold", max_width=18)
    for year in layout.years:
        made.add_column(str(year), justify="right", no_wrap=True)
    made.add_column("\n".join(view.result_head(str(view.year)).rsplit(" ", 1)), justify="right", no_wrap=True)
    for code, name in view.benchmark_regions:
        made.add_column(name or code, justify="right")  # as wide as its widest value: only the header wraps
    if layout.change:
        made.add_column(say("col.change"), no_wrap=True)
    made.add_column(say("col.status"), no_wrap=True)
    blanks = [""] * (len(made.columns) - 3)
    area = next(a for a in view.report.scorecard.focus_areas if a.id == area_id)
    made.add_row(
        Text(area.id, style="bold"),
        Text(area.name, style="bold"),
        *blanks,
        rollup_text(unit.rollups.focus_areas[area.id], say),
    )
    for goal in area.goals:
        made.add_row(
            Text(goal.id, style="bold"),
            Text(goal.name, style="bold"),
            *blanks,
            rollup_text(unit.rollups.goals[goal.id], say),
        )
        for indicator in goal.indicators:
            entry = unit.entry(indicator.id)
            if entry is None:
                continue
            made.add_row(*_row(view, unit, entry, layout, say))
            for said in _said(entry, say):
                made.add_row("", Text(f"↳ {said}", style="dim"), *[""] * (len(made.columns) - 2))
    return made


def _row(view: View, unit: UnitView, entry: Entry, layout: Layout, say: Labels) -> list[str | Text]:
    result = entry.result
    shown = result.indicator
    past = view.series.get((shown.id, unit.org_unit), {})
    bands: list[str | Text] = [_compact_bands(shown, say)] if layout.compact else list(_bands(shown, say))
    return [
        shown.id,
        shown.name,
        *bands,
        *(value_cell(past[y].result if y in past else None, say) for y in layout.years),
        say.value(result),
        *(
            say.benchmark(entry.compared(code), view.municipality).replace(" · ", "\n")  # two short lines
            for code, _ in view.benchmark_regions
        ),
        *([change_text(entry.trend, say)] if layout.change else []),
        status_word(result, say, layout.long),
    ]


def _stacked(made: Console, view: View, unit: UnitView, area_id: str, say: Labels) -> None:
    """One block per goal and indicator: id and status, the name, value and change, the bands."""
    area = next(a for a in view.report.scorecard.focus_areas if a.id == area_id)
    made.print(Text.assemble((area.id, "bold"), " ", rollup_text(unit.rollups.focus_areas[area.id], say)))
    for goal in area.goals:
        made.print()
        made.print(Text.assemble((goal.id, "bold"), " ", rollup_text(unit.rollups.goals[goal.id], say)))
        made.print(Text(goal.name, style="bold"), overflow="fold")
        for indicator in goal.indicators:
            entry = unit.entry(indicator.id)
            if entry is None:
                continue
            result = entry.result
            made.print()
            made.print(Text.assemble((indicator.id, "bold"), " ", status_word(result, say)))
            made.print(indicator.name, overflow="fold")
            value = Text(f"{view.year}: {say.value(result)}")
            change = change_text(entry.trend, say)
            made.print(Text.assemble("  ", value, *(("  ", change) if change.plain else ())))
            for code, _ in view.benchmark_regions:
                made.print(f"  {say.benchmark(entry.compared(code), view.municipality)}", overflow="fold")
            if result.indicator.has_bands:
                texts = zip(say.rated, _bands(result.indicator, say), strict=True)
                lines = pack([f"{SYMBOLS[s]} {text}" for s, text in texts], made.width - 2, "  ").splitlines()
                made.print(Text("\n".join("  " + line for line in lines)), overflow="fold")
            for said in _said(entry, say):
                lines = pack(f"↳ {said}".split(), made.width - 4, " ").splitlines()
                indented = "\n".join(("  " if n == 0 else "    ") + line for n, line in enumerate(lines))
                made.print(Text(indented, style="dim"), overflow="fold")


def _said(entry: Entry, say: Labels) -> list[str]:
    """The lines under a result: 'urevidert' and its comment, then who answers for it and what will be done."""
    follow_up = say.follow_up(entry.owner, entry.actions)
    return [text for text in (say.remark(entry.comment, entry.revised) or "", follow_up) if text]


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
