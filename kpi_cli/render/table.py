"""The scorecard as a table in the terminal, read like the published one.

Every status has a symbol and a word besides its colour, so the table reads
in black and white, piped, under NO_COLOR and for colour-blind readers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import history as hist
from ..model import PhaseState, Result, Status
from ..view import Entry, StatusView, View, alarm_years
from . import Renderer, RenderOptions
from .labels import COLOURS, SYMBOLS, Labels

HISTORY_COLUMNS = 3  # earlier years shown beside the year evaluated, when they fit
NAME_MIN = 24  # narrower than this, a name wraps into too many lines
MATRIX_CELL = 12  # an org unit's column in the matrix: '12 345,67 ●', a name wraps
SPARKS = "▁▂▃▄▅▆▇█"


def _console(options: RenderOptions) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    return console, buffer


def _table() -> Table:
    """A borderless table, one space between columns, filling the width."""
    return Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold", expand=True)


def status_text(status: Status, word: str) -> Text:
    return Text(f"{SYMBOLS[status]} {word}", style=COLOURS[status])


def value_cell(result: Result | None, say: Labels) -> Text:
    """A value with its status symbol, for history and matrix cells."""
    if result is None:
        return Text("")
    return Text(f"{say.value(result)} {SYMBOLS[result.status]}", style=COLOURS[result.status])


def rollup_text(rollup: hist.Rollup, say: Labels) -> Text:
    """The worst rated status and how many reached the desired result: '▲ 1 av 2 ønsket'."""
    return status_text(rollup.headline, say.rollup(rollup)) if rollup.headline else Text("")


def change_text(trend: hist.Trend | None, say: Labels) -> Text:
    if trend is None:
        return Text("")
    delta = say.number(trend.delta)
    signed = delta if delta.startswith("-") else f"+{delta}"
    if trend.better is None:
        return Text(f"{trend.arrow} {signed}", style="grey50")
    word, style = (say("better"), "green") if trend.better else (say("worse"), "red")
    return Text(f"{trend.arrow} {signed} {word}", style=style)


def _widths(
    results: Sequence[Result], say: Labels, total: int, fixed: int, short: bool, squeeze: bool = True
) -> dict[str, int]:
    """Column widths that give the name what the others leave.

    Band texts and statuses wrap at spaces when they must; numbers never do.
    ``fixed`` is the width taken by history and change columns; ``short``
    uses the short status words.
    """
    indicators = list({r.indicator.id: r.indicator for r in results}.values())
    ids = [i.id for i in indicators] + [i.goal_id for i in indicators]
    words = [len(_status_word(r, say, short)) + 2 for r in results]
    missing = f" · 10 {say('short.missing')}" if any(r.status is Status.MISSING for r in results) else ""
    rollup_width = len(f"● 10 {say('of')} 10 {say('short.desired')}{missing}")  # '● 1 av 7 ønsket · 6 mangler'

    widths = {
        "id": max([len(say("col.id")), *map(len, ids)]),
        "value": max([4, *(len(say.value(r)) for r in results)]),
        "status": min(30, max([len(say("col.status")), rollup_width, *words])),
    }
    floors = {"status": 14 if squeeze else widths["status"]}
    for status in say.rated:
        texts = [b.text for i in indicators if (b := i.band(status))]
        header = say(f"col.{status.value}")
        widths[status.value] = min(18, max([len(header), *map(len, texts)]))
        floors[status.value] = max(8, *(len(word) for word in header.split()))

    def name_width() -> int:
        return total - fixed - (len(widths) + 1) - sum(widths.values())

    for key, floor in floors.items():
        while name_width() < NAME_MIN and widths[key] > floor:
            widths[key] -= 1
    widths["name"] = max(12, name_width())
    return widths


def _status_word(result: Result, say: Labels, short: bool) -> str:
    if short and result.status is not Status.NOT_PHASED_IN:
        return say(f"short.{result.status.value}")
    return say.status(result)


def _header(console: Console, view: View, say: Labels) -> None:
    console.print(
        f"{say('definitions')}: {view.definitions} · {say('results')}: {', '.join(view.report.sources) or '-'}",
        style="dim",
    )


def _entry_cell(entry: Entry | None, say: Labels) -> Text:
    return value_cell(entry.result if entry else None, say)


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    console, buffer = _console(options)
    _header(console, view, say)
    if options.by_org_unit:
        _matrix(console, view, say, options.width)
    else:
        several = len(view.units) > 1  # worked out once: per org unit, 10 000 of them were quadratic
        for unit in view.org_units:
            _unit_tables(console, view, unit, say, options, several)
    return buffer.getvalue()


def _unit_tables(
    console: Console, view: View, unit: str | None, say: Labels, options: RenderOptions, several: bool
) -> None:
    report = view.report
    scorecard = report.scorecard
    shown_unit = view.unit(unit)
    results = [entry.result for entry in shown_unit.entries]
    earlier = list(view.earlier_years[-HISTORY_COLUMNS:])
    series = view.series
    rolled = shown_unit.rollups
    past_cells = {
        year: [_entry_cell(series.get((r.indicator.id, unit), {}).get(year), say) for r in results] for year in earlier
    }
    change_cells = {entry.result.indicator.id: change_text(entry.trend, say) for entry in shown_unit.entries}
    show_change = bool(earlier)  # kept even when no earlier year's column fits
    change_width = max([len(say("col.change")), *(c.cell_len for c in change_cells.values())]) + 1 if earlier else 0
    regions = [code for code, _ in view.benchmark_regions]
    region_names = [name or code for code, name in view.benchmark_regions]
    benchmark_cells = {
        entry.result.indicator.id: [say.benchmark(entry.compared(code)) for code in regions]
        for entry in shown_unit.entries
    }
    change_width += sum(
        max([len(name), *(len(cells[n]) for cells in benchmark_cells.values())]) + 1
        for n, name in enumerate(region_names)
    )
    # The widest layout that leaves the name room: full status words, then short ones, then
    # fewer earlier years; squeeze the status column only when nothing else fits.
    layouts = [(k, short, False) for k in range(len(earlier), -1, -1) for short in (False, True)]
    for shown_years, short, squeeze in [*layouts, (0, True, True)]:
        years = earlier[len(earlier) - shown_years :]
        fixed = change_width + sum(max([4, *(c.cell_len for c in past_cells[y])]) + 1 for y in years)
        widths = _widths(results, say, options.width, fixed, short, squeeze)
        if widths["name"] >= NAME_MIN:
            break
    earlier = years
    for area in scorecard.focus_areas:
        title = f"{scorecard.name} · {area.name} · {report.year}"
        if several or unit is not None:
            title += f" · {unit or say('whole')}"
        console.print()
        console.print(Text(title, style="bold"))
        if area.focus_goal:
            console.print(f"{say('focus_goal')}: {area.focus_goal}")
        table = _table()
        table.add_column(say("col.id"), no_wrap=True, width=widths["id"])
        table.add_column(say("col.name"), width=widths["name"])
        for status in say.rated:
            table.add_column(say(f"col.{status.value}"), width=widths[status.value])
        for year in earlier:
            table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column(str(report.year), justify="right", no_wrap=True, width=widths["value"])
        for name in region_names:
            table.add_column(name, justify="right", no_wrap=True)
        if show_change:
            table.add_column(say("col.change"), no_wrap=True)
        table.add_column(say("col.status"), width=widths["status"])
        blanks = ["", "", "", *([""] * len(earlier)), "", *([""] * len(regions)), *([""] if show_change else [])]
        table.add_row(
            Text(area.id, style="bold"),
            Text(area.name, style="bold"),
            *blanks,
            rollup_text(rolled.focus_areas[area.id], say),
        )
        for goal in area.goals:
            table.add_row(
                Text(goal.id, style="bold"),
                Text(goal.name, style="bold"),
                *blanks,
                rollup_text(rolled.goals[goal.id], say),
            )
            for indicator in goal.indicators:
                entry = shown_unit.entry(indicator.id)
                if entry is None:
                    continue
                result = entry.result
                shown = result.indicator
                cells = [band.text if (band := shown.band(s)) else "–" for s in say.rated]
                past = series.get((indicator.id, unit), {})
                table.add_row(
                    indicator.id,
                    indicator.name,
                    *cells,
                    *(_entry_cell(past.get(year), say) for year in earlier),
                    say.value(result),
                    *benchmark_cells[indicator.id],
                    *([change_cells[indicator.id]] if show_change else []),
                    status_text(result.status, _status_word(result, say, short)),
                )
                if entry.comment:
                    table.add_row("", Text(f"↳ {say.comment(entry.comment)}", style="dim"), *blanks, "")
        console.print(table)
        for ident, text in say.notes(view.measures, [r for r in results if r.indicator.focus_area_id == area.id]):
            console.print(f"{ident}: {text}", style="dim")
    console.print()
    console.print(say.summary(report.year, rolled.total.counts))
    for line in say.sources(report.tables):
        console.print(line, style="dim")


def _matrix_rollup(rollup: hist.Rollup) -> Text:
    """A goal's cell in the matrix: the worst status and how many were desired, '▲ 1/2'."""
    if rollup.status is None:
        return Text("")
    desired = rollup.counts[Status.DESIRED]
    return Text(f"{SYMBOLS[rollup.status]} {desired}/{rollup.expected}", style=f"bold {COLOURS[rollup.status]}")


def _matrix(console: Console, view: View, say: Labels, width: int) -> None:
    """Indicators down, org units across; each cell the value and its status.

    As many org units as fit the width go in one table; the rest follow in the next.
    """
    report = view.report
    scorecard = report.scorecard
    cells = {(r.indicator.id, r.org_unit): r for r in report.results}
    id_width = max(len(i.id) for i in scorecard.indicators())
    units = list(view.org_units)
    # A column is as wide as a cell or the longest word of its org unit's name, so names wrap, never cut.
    widths = {u: max(MATRIX_CELL, *(len(w) for w in say.unit(u).split())) for u in units}
    chunks: list[list[str | None]] = [[]]
    room = width - id_width - 1 - NAME_MIN
    for unit in units:
        used = sum(widths[u] + 1 for u in chunks[-1])
        if chunks[-1] and used + widths[unit] + 1 > room:
            chunks.append([])
        chunks[-1].append(unit)
    for chunk in chunks:
        console.print()
        console.print(Text(f"{scorecard.name} · {report.year} · {say('by_org_unit')}", style="bold"))
        table = _table()
        table.add_column(say("col.id"), no_wrap=True)
        table.add_column(say("col.name"), ratio=1, min_width=NAME_MIN)
        for unit in chunk:
            table.add_column(say.unit(unit), justify="right", width=widths[unit])
        for area in scorecard.focus_areas:
            for goal in area.goals:
                goal_cells = [_matrix_rollup(view.unit(unit).rollups.goals[goal.id]) for unit in chunk]
                table.add_row(Text(goal.id, style="bold"), Text(goal.name, style="bold"), *goal_cells)
                for indicator in goal.indicators:
                    row = [value_cell(cells.get((indicator.id, unit)), say) for unit in chunk]
                    table.add_row(indicator.id, indicator.name, *row)
        console.print(table)
    console.print()
    for shown in view.units:
        console.print(f"{say.unit(shown.org_unit)}: " + say.summary(report.year, shown.rollups.total.counts))
    console.print(_legend(say), style="dim")


def _legend(say: Labels) -> str:
    return " ".join(f"{SYMBOLS[s]} {say.short(s)}" for s in Status)


def history(view: View, options: RenderOptions) -> str:
    """Indicators down, years across: value and status per year, a sparkline per indicator,
    and the years in which a result was not approved and worse than the year before."""
    say = Labels(options.lang, view.report.scorecard.levels)
    console, buffer = _console(options)
    _header(console, view, say)
    report = view.report
    years = view.history_years
    for unit in view.history_units:
        console.print()
        title = f"{report.scorecard.name} · {years[0]}–{years[-1]}"
        console.print(Text(f"{title} · {say.unit(unit)}", style="bold"))
        table = _table()
        table.add_column(say("col.id"), no_wrap=True)
        table.add_column(say("col.name"), ratio=1, min_width=14)
        for year in years:
            table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column(say("col.trend"), no_wrap=True)
        table.add_column(say("col.note"), max_width=24)
        for indicator in report.scorecard.indicators():
            by_year = view.series.get((indicator.id, unit), {})
            if not by_year:
                continue  # not measured for this org unit (per_org_unit: false)
            values = [by_year[y].result.value if y in by_year else None for y in years]
            alarms = alarm_years(by_year, years)
            table.add_row(
                indicator.id,
                indicator.name,
                *(_entry_cell(by_year.get(y), say) for y in years),
                sparkline(values),
                Text(f"⚠ {say('alarm')} ({alarms})", style="bold red") if alarms else "",
            )
        console.print(table)
    console.print()
    console.print(_legend(say), style="dim")
    return buffer.getvalue()


def sparkline(values: Sequence[Decimal | None]) -> str:
    """One block per year, its height the value within the series' range; a space for a year without one."""
    numbers = [v for v in values if v is not None]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    steps = len(SPARKS) - 1
    return "".join(
        " " if v is None else SPARKS[3] if high == low else SPARKS[round((v - low) / (high - low) * steps)]
        for v in values
    )


def status(view: StatusView, options: RenderOptions) -> str:
    say = Labels(options.lang)
    console, buffer = _console(options)
    console.print(f"{say('definitions')}: {view.definitions}", style="dim")
    console.print(Text(f"{say('status_title')} {view.year}", style="bold"))
    table = _table()
    table.add_column(say("col.id"), no_wrap=True)
    table.add_column(say("col.name"), ratio=2, min_width=16)
    table.add_column(say("col.phase_in"), justify="right", no_wrap=True)
    table.add_column(say("col.state"))
    table.add_column(say("col.bands"))
    table.add_column(say("col.note"), ratio=1)
    for item in view.states:
        phase_in = item.indicator.phase_in
        state = say.state(item.state)
        if item.postponed:
            state += f" ({say('postponed')})"
        pending = item.state is PhaseState.PENDING
        symbol = SYMBOLS[Status.NOT_PHASED_IN] if pending else "●"
        style = COLOURS[Status.NOT_PHASED_IN] if pending else "green"
        if item.indicator.has_bands:
            bands = Text(f"✔ {say('yes')}", style="green")
        else:
            bands = Text(f"✖ {say('no')}", style="red" if item.needs_bands else "grey50")
        table.add_row(
            item.indicator.id,
            item.indicator.name,
            str(phase_in.year) if phase_in else "–",
            Text(f"{symbol} {state}", style=style),
            bands,
            (phase_in.reason or "") if phase_in else "",
        )
    console.print(table)
    return buffer.getvalue()


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
