"""Cells, fitting and finishing shared by the terminal tables (table.py and its siblings).

A table is shown only when every column gets at least its narrowest width (an id, a value,
a status word whole; a name's longest word); otherwise the caller drops columns or stacks
the table, so no word is ever cut. Lines carry no trailing spaces.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Status
from ..rating import history as hist
from ..report import Result
from ..view import View
from . import RenderOptions
from .labels import COLOURS, SYMBOLS, Labels

SPARKS = "▁▂▃▄▅▆▇█"
_TRAILING = re.compile(r"(?:[ \t]|\x1b\[[0-9;]*m)+$", re.MULTILINE)  # spaces among colour codes
_CODE = re.compile(r"\x1b\[[0-9;]*m")


def console(options: RenderOptions) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    made = Console(
        file=buffer,
        width=options.width,
        height=25,  # given, so that rich reads neither COLUMNS nor LINES (5 000 digits broke its int())
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    return made, buffer


def finish(buffer: io.StringIO) -> str:
    """The printed text without trailing spaces on any line (piped output is not padded)."""
    return _TRAILING.sub(lambda tail: "".join(_CODE.findall(tail.group())), buffer.getvalue())


def header(view: View, say: Labels) -> str:
    """'Definisjoner: indicators.yaml · Resultater: results/2014.csv'."""
    return f"{say('definitions')}: {view.definitions} · {say('results')}: {', '.join(view.report.sources) or '-'}"


def table() -> Table:
    """A borderless table, one space between columns, filling the width."""
    return Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold", expand=True)


def fits(made: Console, width: int, *tables: Table) -> bool:
    """Whether every table fits ``width``; if they do, their column widths are set so they do.

    A column with a ratio (a name, a note) takes what the others leave, and must get its
    ``min_width``; every other column is as wide as its widest cell (up to its ``max_width``,
    never below its longest word), so no id, value or status word is ever cut.
    """
    return all(_fit(made, width, shown) for shown in tables)


def _fit(made: Console, width: int, shown: Table) -> bool:
    wide = made.options.update_width(10_000)
    fixed = 0
    flexible = [column for column in shown.columns if column.ratio]
    floors = {}
    for column in shown.columns:
        sizes = [made.measure(cell, options=wide) for cell in column.cells]
        header = made.measure(column.header, options=wide)  # a header wraps at its spaces
        least = max([header.minimum, *(size.minimum for size in sizes)])
        if column.ratio:
            floors[id(column)] = max(least, column.min_width or 1)  # its longest word whole
            continue
        most = max([header.minimum, *(size.maximum for size in sizes)])
        column.width = max(least, min(most, column.max_width or most))
        fixed += column.width
    left = width - fixed - (len(shown.columns) - 1)
    spare = left - sum(floors.values())  # each flexible column gets its floor, then its share of the rest
    if spare < 0:
        return False
    ratios = sum(column.ratio or 0 for column in flexible)
    for column in flexible:
        column.width = floors[id(column)] + spare * (column.ratio or 0) // (ratios or 1)
    shown.expand = False
    return bool(flexible) or left >= 0


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
    style = "grey50" if trend.better is None else "green" if trend.better else "red"
    return Text(say.change(trend), style=style)  # the words: Labels.change, as every format says them


def pack(parts: Sequence[str], width: int, sep: str = " · ") -> str:
    """``parts`` joined by ``sep`` into lines of at most ``width``, breaking only between parts."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(sep) + len(part) <= width:
            lines[-1] += sep + part
        else:
            lines.append(part)
    return "\n".join(lines)


def legend(say: Labels, width: int) -> Text:
    """'Tegnforklaring: ● ønsket · ▲ laveste akseptert ...', broken between entries only."""
    entries = [f"{SYMBOLS[s]} {say.short(s)}" for s in say.legend_statuses]
    return Text(pack([f"{say('legend')}:", *entries], width, " "), style="dim")


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


SCALE_BREAK = "╎"  # between the years of two scales: the heights before and after do not compare


def scaled_sparkline(results: Sequence[Result | None]) -> tuple[str, list[int]]:
    """A sparkline broken where the scale or unit changed (each part drawn within its own range,
    so a new scale never reads as a drop), and the years each new scale began."""
    parts: list[list[Result | None]] = [[]]
    breaks: list[int] = []
    last: Result | None = None
    for result in results:
        if result is not None and result.value is not None:
            if last is not None and (last.indicator.scale, last.indicator.unit) != (
                result.indicator.scale,
                result.indicator.unit,
            ):
                parts.append([])
                breaks.append(result.year)
            last = result
        parts[-1].append(result)
    drawn = [sparkline([r.value if r is not None else None for r in part]) for part in parts]
    return SCALE_BREAK.join(drawn), breaks
