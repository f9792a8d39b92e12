"""The scorecard as an Excel workbook a controller can hand on unedited.

The first sheet is laid out like the printed målekart: per focus area its goals (with their
roll-ups) and indicators, the scorecard's result requirements, the results of the year before
and the year shown as numbers in the format of their precision, the change, and the status
with its colour, symbol and word (so it reads printed in black and white), then the comment.
Notes and sources follow under the table. Further sheets: a summary with what needs
attention, the results per org unit when there are org units, and the history. openpyxl (the
``excel`` extra) writes it; nothing is imported until the format is asked for.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..view import View, for_people
from . import Renderer, RenderOptions
from .labels import Labels
from .layout import (
    Block,
    Line,
    blocks,
    change_text,
    columns,
    comment_cell,
    follow_up_cells,
    previous_year,
    rollup_text,
    status_text,
    value_in,
)
from .xlsx_sheets import add_history, add_matrix, add_summary
from .xlsx_style import (
    fit_rows,
    group_style,
    head_style,
    print_setup,
    put,
    put_value,
    set_widths,
    status_style,
    wrapped,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_ROW = 4  # title, sources, a blank line, then the table's header


def _openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise UsageError("writing .xlsx needs openpyxl: pip install 'kpi-cli[excel]'") from None


def evaluation(view: View, options: RenderOptions) -> bytes:
    _openpyxl()
    import openpyxl

    say = Labels(options.lang, view.report.scorecard.levels)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = say("sheet.scorecard")
    shown, _ = for_people(view)
    _scorecard_sheet(sheet, shown, say)
    add_summary(book, view, say)
    if len(view.units) > 1 or view.units[0].org_unit is not None:
        add_matrix(book, shown, say)
    if view.earlier_years:
        add_history(book, shown, say)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _scorecard_sheet(sheet: Worksheet, view: View, say: Labels) -> None:
    scorecard = view.report.scorecard
    heads = columns(view, say)
    put(sheet, 1, 1, f"{scorecard.name} · {view.year}", font=_big())
    files = ", ".join(view.report.sources) or "–"
    put(sheet, 2, 1, f"{say('definitions')}: {view.definitions} · {say('results')}: {files}")
    for column, head in enumerate(heads, start=1):
        put(sheet, HEADER_ROW, column, head, **head_style())
    row = HEADER_ROW + 1
    several = len(view.units) > 1 or view.units[0].org_unit is not None
    for unit in view.units:
        if several:
            put(sheet, row, 1, say.unit(unit.org_unit), font=_big())
            row += 1
        for block in blocks(view, unit):
            row = _block(sheet, row, block, view, heads, say)
    last = row - 1
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(heads))}{max(last, HEADER_ROW + 1)}"
    row = _notes(sheet, last + 2, view, say)
    band_columns = len(say.rated)
    status = heads.index(say("col.status"))
    follow = len(heads) - status - 2
    set_widths(sheet, [9, 48, *([14] * band_columns), *([11] * (status - 2 - band_columns)), 30, 40, *([30] * follow)])
    fit_rows(sheet, HEADER_ROW, last)
    print_setup(sheet, scorecard.name, str(view.year), HEADER_ROW, say)


def _block(sheet: Worksheet, row: int, block: Block, view: View, heads: list[str], say: Labels) -> int:
    status_column = heads.index(say("col.status")) + 1
    for line in block.lines:
        if line.kind == "indicator":
            _indicator(sheet, row, line, view, heads, say)
        else:
            name = line.name
            if line.kind == "area" and block.area.focus_goal:
                name += f" — {say('focus_goal')}: {block.area.focus_goal}"
            for column in range(1, len(heads) + 1):
                put(sheet, row, column, None, **group_style())
            put(sheet, row, 1, line.ident, **group_style())
            put(sheet, row, 2, name, **group_style())
            rollup = line.rollup
            headline = rollup.headline if rollup else None
            put(sheet, row, status_column, rollup_text(rollup, say), **status_style(headline))
        row += 1
    return row


def _indicator(sheet: Worksheet, row: int, line: Line, view: View, heads: list[str], say: Labels) -> None:
    entry = line.entry
    assert entry is not None
    result = entry.result
    indicator = result.indicator
    put(sheet, row, 1, indicator.id, alignment=wrapped())
    name = indicator.name + (f" ({indicator.unit})" if indicator.unit else "")
    put(sheet, row, 2, name, alignment=wrapped())
    column = 3
    for status in say.rated:
        band = indicator.band(status)
        put(sheet, row, column, band.text if band else "–", alignment=wrapped())
        column += 1
    before = previous_year(view)
    if before is not None:
        found = value_in(view, entry, before)
        put_value(sheet, row, column, found.result if found else None, say)
        column += 1
    put_value(sheet, row, column, result, say)
    column += 1
    for code, _ in view.benchmark_regions:
        put(sheet, row, column, say.benchmark(entry.compared(code), view.municipality))
        column += 1
    if before is not None:
        put(sheet, row, column, change_text(entry, say))
        column += 1
    put(sheet, row, column, status_text(entry, say), alignment=wrapped(), **status_style(result.status))
    put(sheet, row, column + 1, comment_cell(entry, say) or None, alignment=wrapped())
    for offset, text in enumerate(follow_up_cells(view, entry), start=2):
        put(sheet, row, column + offset, text or None, alignment=wrapped())


def _notes(sheet: Worksheet, row: int, view: View, say: Labels) -> int:
    """Under the table: the year's counts, the legend, computed values and notes, the sources."""
    from .markdown import legend

    put(sheet, row, 1, say.summary(view.year, view.total.counts), font=_bold())
    put(sheet, row + 1, 1, legend(say))
    row += 3
    results = [entry.result for entry in view.entries]
    for ident, text in say.notes(view.measures, results):
        put(sheet, row, 1, ident)
        put(sheet, row, 2, text)
        row += 1
    for line in say.sources(view.report.tables):
        put(sheet, row, 1, line)
        row += 1
    return row


def _big() -> object:
    from openpyxl.styles import Font

    return Font(bold=True, size=14)


def _bold() -> object:
    from openpyxl.styles import Font

    return Font(bold=True)


RENDERER = Renderer(evaluation=evaluation)
