"""`kpi history` and `kpi status` as terminal tables, stacked into blocks when they do not fit."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import PhaseState, Status
from ..rating.phase_in import IndicatorState
from ..view import StatusView, View, alarm_years
from . import RenderOptions
from .labels import BANDS_SET, COLOURS, STATE_SYMBOLS, Labels
from .table_cells import SCALE_BREAK, console, finish, fits, header, legend, pack, scaled_sparkline, table, value_cell

NAME_MIN = 16


def _alarm(alarms: str, say: Labels) -> Text:
    return Text(f"⚠ {say('alarm')} ({alarms})", style="bold red") if alarms else Text("")


def _notes(breaks: list[int], alarms: str, say: Labels) -> Text:
    """The note column: where the sparkline breaks for a new scale ('╎ ny skala 2016'), then the alarm."""
    scale = Text(" ".join(f"{SCALE_BREAK} {say('scale_changed')} {year}" for year in breaks), style="dim")
    alarm = _alarm(alarms, say)
    return Text(" ").join(part for part in (scale, alarm) if part.plain)


def history(view: View, options: RenderOptions) -> str:
    """Indicators down, years across: value and status per year, a sparkline per indicator,
    and the years in which a result was not approved and worse than the year before."""
    say = Labels(options.lang, view.report.scorecard.levels)
    made, buffer = console(options)
    made.print(pack(header(view, say).split(" · "), options.width), style="dim")
    years = view.history_years
    for unit in view.history_units:
        made.print()
        title = [view.report.scorecard.name, f"{years[0]}–{years[-1]}", say.unit(unit)]
        made.print(Text(pack(title, options.width), style="bold"))
        shown = _history_table(view, unit, say)
        if fits(made, options.width, shown):
            made.print(shown)
        else:
            _history_stacked(made, view, unit, say)
    made.print()
    made.print(legend(say, options.width))
    return finish(buffer)


def _history_table(view: View, unit: str | None, say: Labels) -> Table:
    years = view.history_years
    made = table()
    made.add_column(say("col.id"), no_wrap=True)
    made.add_column(say("col.name"), ratio=1, min_width=NAME_MIN, overflow="fold")
    for year in years:
        made.add_column(str(year), justify="right", no_wrap=True)
    made.add_column(say("col.trend"), no_wrap=True)
    made.add_column(say("col.note"), min_width=16, overflow="fold")
    for indicator in view.report.scorecard.indicators():
        by_year = view.series.get((indicator.id, unit), {})
        if not by_year:
            continue  # not measured for this org unit (per_org_unit: false)
        line, breaks = scaled_sparkline([by_year[y].result if y in by_year else None for y in years])
        made.add_row(
            indicator.id,
            indicator.name,
            *(value_cell(by_year[y].result if y in by_year else None, say) for y in years),
            line,
            _notes(breaks, alarm_years(by_year, years), say),
        )
    return made


def _history_stacked(made: Console, view: View, unit: str | None, say: Labels) -> None:
    years = view.history_years
    for indicator in view.report.scorecard.indicators():
        by_year = view.series.get((indicator.id, unit), {})
        if not by_year:
            continue
        line, breaks = scaled_sparkline([by_year[y].result if y in by_year else None for y in years])
        made.print()
        made.print(
            Text.assemble(
                (indicator.id, "bold"),
                " ",
                line,
            )
        )
        made.print(indicator.name, overflow="fold")
        cells = [Text.assemble(f"{y}: ", value_cell(by_year[y].result, say)) for y in years if y in by_year]
        made.print(Text("  ").join(cells))
        said = _notes(breaks, alarm_years(by_year, years), say)
        if said.plain:
            made.print(said)


def _state(item: IndicatorState, say: Labels) -> Text:
    state = say.state(item.state)
    if item.postponed:
        state += f" ({say('postponed')})"
    text = f"{STATE_SYMBOLS[item.state]} {state}"
    if item.state is PhaseState.PENDING:
        return Text(text, style=COLOURS[Status.NOT_PHASED_IN])
    return Text(text, style="cyan" if item.state is PhaseState.NEW else "green")


def _bands(item: IndicatorState, say: Labels) -> Text:
    if item.indicator.has_bands:
        return Text(f"{BANDS_SET[True]} {say('yes')}", style="green")
    return Text(f"{BANDS_SET[False]} {say('no')}", style="red" if item.needs_bands else "grey50")


def status(view: StatusView, options: RenderOptions) -> str:
    say = Labels(options.lang)
    made, buffer = console(options)
    made.print(f"{say('definitions')}: {view.definitions}", style="dim")
    made.print(Text(f"{say('status_title')} {view.year}", style="bold"))
    shown = table()
    shown.add_column(say("col.id"), no_wrap=True)
    shown.add_column(say("col.name"), ratio=1, min_width=NAME_MIN, overflow="fold")
    shown.add_column(say("col.phase_in"), justify="right", no_wrap=True)
    shown.add_column(say("col.state"), no_wrap=True)
    shown.add_column(say("col.bands"), no_wrap=True)
    shown.add_column(say("col.note"), ratio=1, min_width=12, overflow="fold")
    for item in view.states:
        phase_in = item.indicator.phase_in
        shown.add_row(
            item.indicator.id,
            item.indicator.name,
            str(phase_in.year) if phase_in else "–",
            _state(item, say),
            _bands(item, say),
            say.state_note(item),
        )
    if fits(made, options.width, shown):
        made.print(shown)
    else:
        for item in view.states:
            phase_in = item.indicator.phase_in
            made.print()
            made.print(Text.assemble((item.indicator.id, "bold"), " ", _state(item, say)))
            made.print(item.indicator.name, overflow="fold")
            since = f"{say('col.phase_in')}: {phase_in.year if phase_in else '–'}"
            made.print(Text.assemble("  ", since, "  ", f"{say('col.bands')}: ", _bands(item, say)))
            if note := say.state_note(item):
                made.print(f"  {say('col.note')}: {note}", overflow="fold")
    return finish(buffer)
