"""How a results file is written: its encoding, delimiter or Excel sheet -> records.

A record is (line, cells): the line the record starts on (a quoted cell may hold a line
break) and its cells as text. What the cells mean is :mod:`kpi_cli.results`' job. A new
encoding, separator or spreadsheet kind goes here (see ARCHITECTURE.md).
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KpiError, ResultsError

RESULT_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


class SourceKind(str, enum.Enum):
    CSV = "csv"  # any delimited text: comma, semicolon or tab
    EXCEL = "excel"  # a sheet of an .xlsx or .xlsm workbook


@dataclass
class FileLog:
    """What reading one file did: the dialect it used and how many results it gave."""

    path: str
    kind: SourceKind = SourceKind.CSV
    encoding: str = ""  # CSV only: the encoding detected or given
    delimiter: str = ""  # CSV only: the field separator detected or given
    sheet: str | None = None  # Excel only: the sheet read
    layout: str = "long"
    results_read: int = 0  # results, each returned as a row or rejected
    file_year: int | None = None
    rejected: list[KpiError] = field(default_factory=list)  # rows, each with its line
    failed: bool = False  # the file could not be read at all


Record = tuple[int, list[str]]  # (line, cells)


def read_records(
    path: str, log: FileLog, encoding: str | None, delimiter: str | None, sheet: str | None
) -> Iterator[Record]:
    """(line, cells) for each record of a CSV file or an Excel sheet."""
    if path.lower().endswith((".xlsx", ".xlsm")):
        return _excel_records(path, log, sheet)
    text, log.encoding = _decode(path, encoding)
    first = text.split("\n", 1)[0]
    log.delimiter = delimiter or sniff_delimiter(first)
    return _csv_records(text, path, log.delimiter)


def _csv_records(text: str, path: str, delimiter: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ResultsError(f"cannot read CSV: {exc}", code="csv-syntax", path=path, line=start) from None


def _excel_records(path: str, log: FileLog, sheet: str | None) -> Iterator[Record]:
    """Opens the workbook and picks the sheet at once, so errors come before any row."""
    try:
        import openpyxl
    except ImportError:
        raise ResultsError(
            "reading .xlsx needs openpyxl: pip install 'kpi-cli[excel]' (or save the sheet as CSV)", path=path
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise ResultsError("results file not found", path=path) from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ResultsError(f"cannot read Excel file: {exc}", path=path) from None
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        raise ResultsError(f"no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}", path=path)
    if not book.worksheets:
        book.close()
        raise ResultsError("the workbook has no worksheet", path=path)
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    log.kind = SourceKind.EXCEL
    log.sheet = worksheet.title

    def rows() -> Iterator[Record]:
        number = 0
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                yield number, [_excel_cell(value) for value in values]
        except Exception as exc:  # a damaged sheet fails while its rows are read, in many ways
            shown = f"{path}[{worksheet.title}]"
            raise ResultsError(f"cannot read Excel sheet: {exc}", path=shown, line=number + 1) from None
        finally:
            book.close()

    return rows()


def _excel_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value)


def _decode(path: str, encoding: str | None) -> tuple[str, str]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ResultsError("results file not found", path=path) from None
    except IsADirectoryError:
        raise ResultsError(f"is a folder with no results files ({', '.join(RESULT_SUFFIXES)})", path=path) from None
    except OSError as exc:
        raise ResultsError(f"cannot read results file: {exc.strerror}", path=path) from None
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ResultsError(f"unknown encoding {encoding!r}", code="usage", path=path) from None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ResultsError(f"not valid {encoding}: {exc.reason}", path=path, line=line) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(header: str) -> str:
    """The field separator of a CSV file, from its header line: tab, else semicolon, else comma."""
    for candidate in ("\t", ";", ","):
        if candidate in header:
            return candidate
    return ","
