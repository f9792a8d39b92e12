"""Rows of an .xlsx sheet, read in openpyxl's read-only (streaming) mode, within limits.

A workbook is a zip of XML: its unpacked size is checked from the zip's directory before
anything is unpacked, and the sheet's declared dimension (``A1:XFD1048576`` costs minutes
when trusted) is ignored: only the cells present are read. A formula is never evaluated:
its value is the one Excel saved with it, and a formula saved without one (a workbook
written by a tool that does not calculate) is an error at its cell.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from ..errors import ResultsError
from ..limits import MAX_COLUMNS, MAX_UNPACKED_BYTES, size

Record = tuple[int, list[str]]  # (line, cells), as the text dialects give them


def excel_records(path: str, sheet: str | None) -> tuple[str, Iterator[Record]]:
    """The sheet's title and its (row number, cells); opens the workbook and picks the sheet
    at once, so errors about the file as a whole come before any row."""
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
        raise ResultsError("results file not found", path=path) from None
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
    return title, _rows(path, books, title)


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


def _rows(path: str, books: tuple[Any, Any], title: str) -> Iterator[Record]:
    shown = f"{path}[{title}]"
    values, formulas = (book[title] for book in books)
    for worksheet in (values, formulas):
        worksheet.reset_dimensions()  # the cells present, not the range the sheet declares
    number = 0
    try:
        pairs = zip(values.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False)
        for number, (row, written) in enumerate(pairs, start=1):
            if len(row) > MAX_COLUMNS:
                raise ResultsError(f"row has more than {MAX_COLUMNS} cells", code="over-limit", path=shown, line=number)
            for column, (value, formula) in enumerate(zip(row, written, strict=False), start=1):
                if value is None and _is_formula(formula):
                    raise ResultsError(
                        "formula without a saved value: open and save it in Excel (kpi never evaluates formulas)",
                        code="formula-without-value",
                        path=shown,
                        line=number,
                        column=column,
                    )
            yield number, [_cell(value) for value in row]
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


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return unicodedata.normalize("NFC", str(value))
