"""The scorecard as a table in the terminal, read like the published one.

Every status has a symbol and a word besides its colour, so the table reads
in black and white, piped, under NO_COLOR and for colour-blind readers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import RATED, Goal, Report, Result, Status, worse
from ..phase_in import IndicatorState
from . import RenderOptions
from .labels import COLOURS, SYMBOLS, Labels


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


def _widths(report: Report, say: Labels, total: int) -> dict[str, int]:
    """Column widths that give the name what the others leave, down to 80 columns.

    Band texts and statuses wrap at spaces when they must; numbers never do.
    """
    indicators = list(report.scorecard.indicators())
    goals = [goal for area in report.scorecard.focus_areas for goal in area.goals]
    ids = [i.id for i in indicators] + [g.id for g in goals]
    widths = {
        "id": max([len(say("col.id")), *map(len, ids)]),
        "value": max([4, *(len(say.number(r.value)) for r in report.results)]),
        "status": min(24, max([len(say("col.status")), *(len(say.status(r)) + 2 for r in report.results)])),
    }
    floors = {"status": 14}
    for status in RATED:
        texts = [b.text for i in indicators if (b := i.band(status))]
        header = say(f"col.{status.value}")
        widths[status.value] = min(18, max([len(header), *map(len, texts)]))
        floors[status.value] = max(8, *(len(word) for word in header.split()))
    gaps = 6

    def name_width() -> int:
        return total - gaps - sum(widths.values())

    for key, floor in floors.items():
        while name_width() < 24 and widths[key] > floor:
            widths[key] -= 1
    widths["name"] = max(12, name_width())
    return widths


def status_text(status: Status, word: str) -> Text:
    return Text(f"{SYMBOLS[status]} {word}", style=COLOURS[status])


def _goal_cell(goal: Goal, results: Sequence[Result], say: Labels) -> Text:
    rated = [r.status for r in results if r.status.is_rated]
    if not rated:
        if results and all(r.status is Status.NOT_PHASED_IN for r in results):
            return status_text(Status.NOT_PHASED_IN, say("short.not_phased_in"))
        if results and any(r.status is Status.MISSING for r in results):
            return status_text(Status.MISSING, say("short.missing"))
        return Text("")
    worst = rated[0]
    for status in rated[1:]:
        worst = worse(worst, status)
    desired = sum(1 for s in rated if s is Status.DESIRED)
    return status_text(worst, f"{desired} {say('of')} {len(rated)} {say('short.desired')}")


def summary_line(report: Report, say: Labels, results: Sequence[Result]) -> str:
    counts = dict.fromkeys(Status, 0)
    for result in results:
        counts[result.status] += 1
    parts = [f"{counts[s]} {say('short.' + s.value)}" for s in Status if counts[s] or s in RATED]
    return f"{report.year}: " + " · ".join(parts)


def evaluation(report: Report, options: RenderOptions) -> str:
    say = Labels(options.lang)
    console, buffer = _console(options)
    scorecard = report.scorecard
    console.print(
        f"{say('definitions')}: {options.definitions} · {say('results')}: {', '.join(report.sources) or '-'}",
        style="dim",
    )
    units = list(dict.fromkeys(result.org_unit for result in report.results))
    for unit in units:
        unit_results = [r for r in report.results if r.org_unit == unit]
        by_id = {r.indicator.id: r for r in unit_results}
        for area in scorecard.focus_areas:
            title = f"{scorecard.name} · {area.name} · {report.year}"
            if len(units) > 1 or unit is not None:
                title += f" · {unit or say('whole')}"
            console.print()
            console.print(Text(title, style="bold"))
            if area.focus_goal:
                console.print(f"{say('focus_goal')}: {area.focus_goal}")
            table = _table()
            widths = _widths(report, say, options.width)
            table.add_column(say("col.id"), no_wrap=True, width=widths["id"])
            table.add_column(say("col.name"), width=widths["name"])
            for status in RATED:
                table.add_column(say(f"col.{status.value}"), width=widths[status.value])
            table.add_column(str(report.year), justify="right", no_wrap=True, width=widths["value"])
            table.add_column(say("col.status"), width=widths["status"])
            for goal in area.goals:
                goal_results = [by_id[i.id] for i in goal.indicators if i.id in by_id]
                table.add_row(
                    Text(goal.id, style="bold"),
                    Text(goal.name, style="bold"),
                    "",
                    "",
                    "",
                    "",
                    _goal_cell(goal, goal_results, say),
                )
                for result in goal_results:
                    indicator = result.indicator
                    cells = [band.text if (band := indicator.band(s)) else "–" for s in RATED]
                    table.add_row(
                        indicator.id,
                        indicator.name,
                        *cells,
                        say.number(result.value),
                        status_text(result.status, say.status(result)),
                    )
            console.print(table)
        console.print()
        console.print(summary_line(report, say, unit_results))
    return buffer.getvalue()


def status(states: list[IndicatorState], year: int, options: RenderOptions) -> str:
    say = Labels(options.lang)
    console, buffer = _console(options)
    console.print(f"{say('definitions')}: {options.definitions}", style="dim")
    console.print(Text(f"{say('status_title')} {year}", style="bold"))
    table = _table()
    table.add_column(say("col.id"), no_wrap=True)
    table.add_column(say("col.name"), ratio=2, min_width=16)
    table.add_column(say("col.phase_in"), justify="right", no_wrap=True)
    table.add_column(say("col.state"))
    table.add_column(say("col.bands"))
    table.add_column(say("col.note"), ratio=1)
    for item in states:
        phase_in = item.indicator.phase_in
        state = say.state(item.state)
        if item.postponed:
            state += f" ({say('postponed')})"
        symbol = SYMBOLS[Status.NOT_PHASED_IN] if item.state.value == "pending" else "●"
        style = COLOURS[Status.NOT_PHASED_IN] if item.state.value == "pending" else "green"
        bands = (
            Text(f"✔ {say('yes')}", style="green")
            if item.indicator.has_bands
            else Text(f"✖ {say('no')}", style="red" if item.needs_bands else "grey50")
        )
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
