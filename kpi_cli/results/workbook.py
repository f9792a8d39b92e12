"""Rows of an .xlsx sheet, read in openpyxl's read-only (streaming) mode, within limits.

A workbook is a zip of XML: its unpacked size is checked from the zip's directory before
anything is unpacked, and the sheet's declared dimension (``A1:XFD1048576`` costs minutes
when trusted) is ignored: only the cells present are read. A formula is never evaluated:
its value is the one Excel saved with it, and a formula saved without one (a workbook
written by a tool that does not calculate) is an error at its cell.

A cell is read as Excel shows it (docs/explanation/values-as-written.md): a number with a
percent format is the percentage shown (0.035 with ``0.0%`` is ``3.5 %``), a date or time is
kept as a :class:`~kpi_cli.results.values.DateCell` (an error where a value belongs), and text
is the text typed, a number stored as text included.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ..errors import ResultsError
from ..limits import MAX_COLUMNS, MAX_UNPACKED_BYTES, size
from .values import DateCell

Record = tuple[int, list[str]]  # (line, cells), as the text dialects give them
Percent = Callable[[str, str], None]  # told of each percent cell: its number as stored, its text as shown
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # literal text, an escaped character, [Red] or [$-414]
_TIMES = (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)


def excel_records(path: str, sheet: str | None, percent: Percent | None = None) -> tuple[str, Iterator[Record]]:
    """The sheet's title and its (row number, cells); opens the workbook and picks the sheet
    at once, so errors about the file as a whole come before any row. ``percent`` is told of
    every number shown as a percentage, so a reader can say so once per file."""
    try:
        import openpyxl
    except ImportError:
        raise ResultsError(
            "reading .xlsx needs openpyxl: pip install 'kpi-cli[excel]' (or save the sheet as CSV)", path=path
        ) from None
    _check_unpacked_size(path)
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except FileNotFoundError:
        raise ResultsError("results file not found", path=path, key="not-found") from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ResultsError(f"cannot read Excel file: {exc}", path=path) from None
    books = (values, formulas)
    if sheet is not None and sheet not in values.sheetnames:
        _close(books)
        raise ResultsError(f"no sheet {sheet!r}; sheets: {', '.join(values.sheetnames)}", path=path)
    if not values.worksheets:
        _close(books)
        raise ResultsError("the workbook has no worksheet", path=path)
    title = sheet if sheet is not None else values.worksheets[0].title
    return title, _rows(path, books, title, percent)


def _check_unpacked_size(path: str) -> None:
    import zipfile  # only when a workbook is read: start-up time matters

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says what is wrong with it
    if unpacked > MAX_UNPACKED_BYTES:
        raise ResultsError(
            f"the workbook unpacks to {unpacked >> 20} MiB, more than {size(MAX_UNPACKED_BYTES)}:"
            " save the sheet as CSV, or split it",
            code="over-limit",
            path=path,
        )


def _rows(path: str, books: tuple[Any, Any], title: str, percent: Percent | None) -> Iterator[Record]:
    shown = f"{path}[{title}]"
    values, formulas = (book[title] for book in books)
    for worksheet in (values, formulas):
        worksheet.reset_dimensions()  # the cells present, not the range the sheet declares
    number = 0
    try:
        pairs = zip(values.iter_rows(), formulas.iter_rows(values_only=True), strict=False)
        for number, (row, written) in enumerate(pairs, start=1):
            if len(row) > MAX_COLUMNS:
                raise ResultsError(f"row has more than {MAX_COLUMNS} cells", code="over-limit", path=shown, line=number)
            for column, (cell, formula) in enumerate(zip(row, written, strict=False), start=1):
                if cell.value is None and _is_formula(formula):
                    raise ResultsError(
                        "formula without a saved value: open and save it in Excel (kpi never evaluates formulas)",
                        code="formula-without-value",
                        path=shown,
                        line=number,
                        column=column,
                    )
            yield number, [_shown(cell, percent) for cell in row]
    except ResultsError:
        raise
    except Exception as exc:  # a damaged sheet fails while its rows are read, in many ways
        raise ResultsError(f"cannot read Excel sheet: {exc}", path=shown, line=number + 1) from None
    finally:
        _close(books)


def _is_formula(written: object) -> bool:
    return (isinstance(written, str) and written.startswith("=")) or hasattr(written, "text")


def _close(books: tuple[Any, Any]) -> None:
    for book in books:
        book.close()


def _shown(cell: Any, percent: Percent | None) -> str:
    """A cell's text as Excel shows it: a number with a percent format as the percentage."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and _scales_percent(cell.number_format, value):
        shown = f"{Decimal(format(value, '.15g')).scaleb(2):f} %"  # Excel shows 15 significant digits
        if percent is not None:
            percent(_cell(value), shown)
        return shown
    return _cell(value)


def _scales_percent(number_format: str | None, value: float) -> bool:
    """Whether a number format shows its number times 100: a ``%`` that is not literal text
    (``0.0" %"``, ``0.0\\%``), in the section for the number's sign (positive;negative;zero)."""
    if not number_format or "%" not in number_format:
        return False
    sections = _QUOTED.sub("", number_format).split(";")
    index = 0 if value > 0 or len(sections) == 1 else 1 if value < 0 else 2 if len(sections) > 2 else 0
    return "%" in sections[index]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, _TIMES):
        return DateCell(_date_text(value))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return unicodedata.normalize("NFC", str(value))


def _date_text(value: datetime.date | datetime.time | datetime.timedelta) -> str:
    """A date or time as ISO writes it (a date at midnight without its time), a duration as h:mm:ss."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value) if isinstance(value, datetime.timedelta) else value.isoformat()
