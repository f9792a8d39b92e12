"""The Excel report's further sheets: the summary with what needs attention, the results per
org unit (indicators down, org units across) and the history (indicators down, years across)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Status
from ..view import View
from .labels import SYMBOLS, Labels
from .layout import attention_reasons
from .xlsx_style import fit_rows, head_style, print_setup, put, put_value, set_widths, status_style, wrapped

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook


def add_summary(book: Workbook, view: View, say: Labels) -> None:
    """The year's counts per status, then the list of what needs attention with each comment."""
    sheet = book.create_sheet(say("sheet.summary"))
    put(sheet, 1, 1, f"{view.report.scorecard.name} · {view.year}", font=_bold(14))
    row = 3
    for status in Status:
        count = view.total.counts[status]
        if count:
            put(sheet, row, 1, f"{SYMBOLS[status]} {say.short(status)}", **status_style(status))
            put(sheet, row, 2, count)
            row += 1
    row += 1
    put(sheet, row, 1, say("attention"), font=_bold(12))
    row += 1
    if not view.attention:
        put(sheet, row, 1, say("attention.none"))
        header = None
    else:
        header = row
        heads = [say("col.id"), say("org_unit"), say("col.name"), say("result"), say("col.status")]
        for column, head in enumerate([*heads, say("reason"), say("comment")], start=1):
            put(sheet, row, column, head, **head_style())
        for item in view.attention:
            row += 1
            result = item.entry.result
            put(sheet, row, 1, result.indicator.id)
            put(sheet, row, 2, say.unit(result.org_unit))
            put(sheet, row, 3, result.indicator.name, alignment=wrapped())
            put_value(sheet, row, 4, result, say)
            put(sheet, row, 5, f"{SYMBOLS[result.status]} {say.status(result)}", **status_style(result.status))
            put(sheet, row, 6, attention_reasons(item, say))
            comment = item.entry.comment
            put(sheet, row, 7, " ".join(comment.split()) if comment else None, alignment=wrapped())
    set_widths(sheet, [22, 18, 48, 11, 26, 26, 40])
    fit_rows(sheet, 1, row)
    print_setup(sheet, view.report.scorecard.name, str(view.year), header, say)


def add_matrix(book: Workbook, view: View, say: Labels) -> None:
    """Indicators down, org units across: each cell the value, symbol and word, in its colour."""
    sheet = book.create_sheet(say("sheet.matrix"))
    put(sheet, 1, 1, f"{say('matrix')} · {view.year}", font=_bold(14))
    heads = [say("col.id"), say("col.name"), *(say.unit(unit.org_unit) for unit in view.units)]
    for column, head in enumerate(heads, start=1):
        put(sheet, 3, column, head, **head_style())
    row = 4
    for indicator in view.report.scorecard.indicators():
        found = [unit.entry(indicator.id) for unit in view.units]
        if not any(found):
            continue
        put(sheet, row, 1, indicator.id)
        put(sheet, row, 2, indicator.name, alignment=wrapped())
        for column, entry in enumerate(found, start=3):
            if entry is not None:
                result = entry.result
                text = f"{say.value(result)} {SYMBOLS[result.status]} {say.short(result.status)}"
                put(sheet, row, column, text, **status_style(result.status))
        row += 1
    sheet.freeze_panes = "C4"
    set_widths(sheet, [9, 48, *([18] * len(view.units))])
    fit_rows(sheet, 3, row)
    print_setup(sheet, view.report.scorecard.name, str(view.year), 3, say)


def add_history(book: Workbook, view: View, say: Labels) -> None:
    """Indicators down, years across, per org unit a history shows: values as numbers, each in
    its status's colour, the status's symbol in the next column."""
    sheet = book.create_sheet(say("sheet.history"))
    years = view.history_years
    put(sheet, 1, 1, f"{say('history')} · {years[0]}–{years[-1]}", font=_bold(14))
    heads = [say("col.id"), say("org_unit"), say("col.name")]
    for year in years:
        heads += [str(year), ""]
    for column, head in enumerate(heads, start=1):
        put(sheet, 3, column, head, **head_style())
    row = 4
    for unit in view.history_units:
        for indicator in view.report.scorecard.indicators():
            by_year = view.series.get((indicator.id, unit), {})
            if not by_year:
                continue
            put(sheet, row, 1, indicator.id)
            put(sheet, row, 2, say.unit(unit))
            put(sheet, row, 3, indicator.name, alignment=wrapped())
            for index, year in enumerate(years):
                entry = by_year.get(year)
                if entry is not None:
                    put_value(sheet, row, 4 + 2 * index, entry.result, say)
                    status = entry.result.status
                    put(sheet, row, 5 + 2 * index, SYMBOLS[status], **status_style(status))
            row += 1
    sheet.freeze_panes = "D4"
    set_widths(sheet, [9, 18, 48, *([9, 3] * len(years))])
    fit_rows(sheet, 3, row)
    print_setup(sheet, view.report.scorecard.name, f"{years[0]}–{years[-1]}", 3, say)


def _bold(size: int) -> object:
    from openpyxl.styles import Font

    return Font(bold=True, size=size)
