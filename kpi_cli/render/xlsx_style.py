"""The Excel report's cells: text made safe for a workbook, numbers with the format of their
precision, status fills (the HTML page's palette), and the print set-up of a sheet."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from ..model import Indicator, Status
from ..report import Result
from .html_css import GREY, PALETTE
from .labels import Labels
from .layout import decimals

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# Characters a workbook cannot hold (openpyxl refuses them): shown as U+FFFD, as Markdown does.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
BOLD_ROWS = ("area", "goal")
GROUP_FILL = "F6F8FA"
HEAD_FILL = "F3F4F6"


def put(sheet: Worksheet, row: int, column: int, value: object, **style: Any) -> Cell:
    """Write ``value`` to a cell: text as text whatever it starts with (a name starting with '='
    is a name, never a formula), a Decimal as a number; ``style`` names openpyxl's attributes."""
    cell = cast("Cell", sheet.cell(row=row, column=column))  # the report merges no cells
    if isinstance(value, str):
        cell.value = _ILLEGAL.sub("\ufffd", value)
        cell.data_type = "s"
    elif isinstance(value, Decimal):
        cell.value = float(value) if decimals(value) or value != value.to_integral_value() else int(value)
    else:
        cell.value = value  # type: ignore[assignment]
    for name, found in style.items():
        setattr(cell, name, found)
    return cell


def number_format(value: Decimal, indicator: Indicator, say: Labels) -> str:
    """Excel's format for ``value`` at the precision it was written with ('0.00'); a unit that
    starts with '%' is shown after it ('0.0" %"'), so 13,5 reads 13,5 % as the table prints it."""
    places = decimals(value)
    digits = "#,##0" if abs(value) >= 10000 else "0"
    shown = digits + ("." + "0" * places if places else "")
    unit = indicator.unit or ""
    if unit.startswith("%") and '"' not in unit:
        shown += f'" {unit}"'
    return shown


def put_value(sheet: Worksheet, row: int, column: int, result: Result | None, say: Labels) -> None:
    """A result's value as a number in the format of its precision; the reason it is absent as text."""
    if result is None:
        return
    if result.value is None:
        put(sheet, row, column, say.value(result) if result.absence else "–", alignment=_right())
        return
    put(sheet, row, column, result.value, number_format=number_format(result.value, result.indicator, say))


def status_style(status: Status | None) -> dict[str, Any]:
    """The fill and ink of a status cell: the HTML badge's colours."""
    from openpyxl.styles import Font, PatternFill

    if status is None:
        return {}
    _, background, ink, _ = PALETTE.get(status, GREY)
    fill = PatternFill("solid", start_color=background[1:].upper(), end_color=background[1:].upper())
    return {"fill": fill, "font": Font(color=ink[1:].upper(), bold=True)}


def group_style() -> dict[str, Any]:
    from openpyxl.styles import Font, PatternFill

    return {"font": Font(bold=True), "fill": PatternFill("solid", start_color=GROUP_FILL, end_color=GROUP_FILL)}


def head_style() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    return {
        "font": Font(bold=True),
        "fill": PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL),
        "alignment": Alignment(wrap_text=True, vertical="bottom"),
        "border": Border(bottom=Side(style="medium")),
    }


def wrapped() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _right() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(horizontal="right")


def set_widths(sheet: Worksheet, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


LINE_POINTS = 15  # the height of a line of 11 pt text


def fit_rows(sheet: Worksheet, first: int, last: int) -> None:
    """Rows ``first`` to ``last`` as tall as their wrapped text needs at the columns' widths:
    neither Excel nor LibreOffice grows a row for text that a program wrote."""
    from openpyxl.utils import get_column_letter

    for row in range(first, last + 1):
        lines = 1
        for cell in sheet[row]:
            if isinstance(cell.value, str) and cell.alignment is not None and cell.alignment.wrap_text:
                width = sheet.column_dimensions[get_column_letter(cell.column)].width or 8.43
                lines = max(lines, _lines(cell.value, int(width)))
        if lines > 1:
            sheet.row_dimensions[row].height = LINE_POINTS * lines


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at spaces in a column ``width`` characters wide."""
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            count, used = count + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return count


def print_setup(sheet: Worksheet, scorecard: str, year: str, header_row: int | None, say: Labels) -> None:
    """Landscape A4, one page wide, the header row on every page, the scorecard and year at the
    top of each page and 'Side 1 av 3' at its foot."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_row is not None:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # a new sheet has both
    header.left.text = _header_text(scorecard)
    header.right.text = _header_text(year)
    footer.right.text = say("page_of", page="&P", pages="&N")


def _header_text(text: str) -> str:
    """Text for a header or footer, where '&' starts a code: written '&&'."""
    return _ILLEGAL.sub("\ufffd", text).replace("&", "&&")
