"""Results files -> rows that remember their file and line.

Long format: one row per result (indicator, year, value, optional org unit).
Wide format: an indicator column and one column per year (``2014``,
``Resultat 2014``). Comma, semicolon or tab; decimal comma or point; UTF-8
with or without BOM, UTF-16 with BOM, or Windows-1252 as Norwegian Excel
writes it. Every row is either returned or reported as an error.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .errors import Collector, KpiError, KpiErrors, ResultsError, UsageError
from .model import Location, ResultRow
from .number_format import NUMBER_PATTERN, parse_number

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "indikator", "id", "indicator_id", "indikator_id", "indikator-id", "kpi"),
    "year": ("year", "år", "aar", "periode", "period"),
    "value": ("value", "verdi", "resultat", "result"),
    "org_unit": (
        "org_unit",
        "org unit",
        "org_enhet",
        "enhet",
        "tjenesteområde",
        "tjenesteomrade",
        "virksomhet",
        "område",
        "omrade",
    ),
    "n": ("n", "antall svar", "respondenter", "grunnlag", "base"),
}
REQUIRED = ("indicator",)
NO_RESULT = {"", "-", "\u2013", "\u2014", "..", ".", ":", "ikke målt", "ikke malt", "not measured", "n/a"}
_NO_RESULT_PREFIXES = ("ny indikator", "new indicator")
_WIDE_YEAR = re.compile(r"^(?:resultat|result|år|year)?\s*((?:19|20)\d{2})$")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_CELL = re.compile(r"((?:19|20)\d{2})(?:\.0)?")
# A number, optionally followed by a unit of at most two words: %, %poeng, mill. kr., % reduksjon.
_VALUE = re.compile(
    rf"^(?P<n>{NUMBER_PATTERN})\s*[%\u2030]?\s*(?:(?!(?:eller|og|or|and|til|to)\b)[^\W\d_][\w.]*\.?\s*){{0,2}}$",
    re.IGNORECASE,
)
# A result has fewer than 16 digits before the decimal mark and its first digit within 12 places
# after it: 4,51, 12 345 678 901,5 kr, 0,000001 %. Beyond that a cell is a typing or export error.
MAX_DIGITS = 15
MAX_PLACES = 12
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


@dataclass
class ResultSet:
    """The rows read, what each file's reading did, and every row that was rejected."""

    rows: list[ResultRow]
    logs: list[FileLog]
    errors: list[KpiError] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return [log.path for log in self.logs]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise KpiErrors(self.errors)


def parse_value(text: str) -> Decimal | None:
    """A result cell: a number (unit allowed after it) or one of the no-result markers."""
    clean = " ".join(text.split())
    lowered = clean.lower()
    if lowered in NO_RESULT or lowered.startswith(_NO_RESULT_PREFIXES):
        return None
    match = _VALUE.match(clean)
    if not match:
        raise ValueError(f"value {clean!r} is not a number")
    value = parse_number(match.group("n"))
    if value != 0 and not -MAX_PLACES <= value.adjusted() < MAX_DIGITS:
        raise ValueError(f"value {clean[:40]!r}{'…' if len(clean) > 40 else ''} is not a plausible result")
    return value


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given; folders become the results files in them, sorted."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = [
                str(child)
                for child in sorted(path.iterdir())
                if child.is_file() and child.suffix.lower() in RESULT_SUFFIXES
            ]
            found.extend(inside or [os.fspath(raw)])  # an empty folder is reported when read
        else:
            found.append(os.fspath(raw))
    return found


def read_results(
    paths: Iterable[str | os.PathLike[str]],
    *,
    year: int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> ResultSet:
    """Read every results file; rows that cannot be read are kept in ``errors``, never dropped.

    ``columns`` maps a role (indicator, year, value, org_unit) to a header of
    the file, for headers no built-in name covers (``{"value": "Nøkkeltall"}``).
    """
    names = _column_names(columns or {})
    problems = Collector()
    rows: list[ResultRow] = []
    logs: list[FileLog] = []
    for path in expand_paths(paths):
        log = FileLog(path)
        logs.append(log)
        try:
            records = _records(path, log, encoding, delimiter, sheet)
            for item in _rows(records, path, log, year, names):
                log.results_read += 1
                if isinstance(item, KpiError):
                    log.rejected.append(item)
                    problems.add(item)
                else:
                    rows.append(item)
        except KpiError as error:  # the file as a whole: unreadable, no header, no year
            log.failed = True
            problems.add(error)
    return ResultSet(rows, logs, problems.errors)


def _column_names(extra: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    names = dict(COLUMN_NAMES)
    for role, header in extra.items():
        if role not in names:
            raise UsageError(f"--column {role}=...: the role must be one of {', '.join(COLUMN_NAMES)}")
        names[role] = (_normal(header), *names[role])
    return names


Record = tuple[int, list[str]]


def _records(
    path: str, log: FileLog, encoding: str | None, delimiter: str | None, sheet: str | None
) -> Iterator[Record]:
    """(line, cells) for each record of a CSV file or an Excel sheet."""
    if path.lower().endswith((".xlsx", ".xlsm")):
        return _excel_records(path, log, sheet)
    text, log.encoding = _decode(path, encoding)
    first = text.split("\n", 1)[0]
    log.delimiter = delimiter or _sniff_delimiter(first)
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


def _sniff_delimiter(header: str) -> str:
    for candidate in ("\t", ";", ","):
        if candidate in header:
            return candidate
    return ","


def _normal(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


def _rows(
    records: Iterable[Record], path: str, log: FileLog, year: int | None, names: dict[str, tuple[str, ...]]
) -> Iterator[ResultRow | KpiError]:
    match = _FILE_YEAR.search(Path(path).stem)
    log.file_year = int(match.group(1)) if match else None
    fallback_year = year if year is not None else log.file_year  # a year column wins over both
    shown = path if log.sheet is None else f"{path}[{log.sheet}]"
    header: list[str] | None = None
    columns: dict[str, int] = {}
    wide_years: list[tuple[int, int]] = []
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [_normal(cell) for cell in record]
            columns, wide_years = _layout(header, shown, line, names)
            log.layout = "wide" if wide_years else "long"
            if "year" not in columns and not wide_years and fallback_year is None:
                raise ResultsError(
                    "no year: add a year column (år), put the year in the file name (results/2014.csv) or give --year",
                    code="no-year",
                    path=shown,
                    line=line,
                )
            continue
        if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
            comma_hint = ": a decimal comma in a comma-separated file? Quote the value or separate with ;"
            yield ResultsError(
                f"row has {len(record)} fields but the header has {len(header)}"
                + (comma_hint if log.delimiter == "," else ""),
                code="field-count",
                path=shown,
                line=line,
            )
            continue
        cells = record + [""] * (len(header) - len(record))
        indicator = cells[columns["indicator"]].strip()
        if not indicator:
            yield ResultsError("row has no indicator id", code="no-indicator", path=shown, line=line)
            continue
        org_unit = (cells[columns["org_unit"]].strip() or None) if "org_unit" in columns else None
        where = Location(shown, line)
        if wide_years:
            for index, cell_year in wide_years:
                yield _row(indicator, cell_year, cells[index], org_unit, where)
            continue
        row_year: int | None = fallback_year
        if "year" in columns and cells[columns["year"]].strip():
            cell = cells[columns["year"]].strip()
            found = _YEAR_CELL.fullmatch(cell)
            if not found:
                yield ResultsError(
                    f"{indicator}: year {cell!r} is not a year", code="invalid-year", path=shown, line=line
                )
                continue
            row_year = int(found.group(1))
        if row_year is None:
            yield ResultsError(
                f"{indicator}: no year in the row, the file name or --year", code="no-year", path=shown, line=line
            )
            continue
        value_cell = cells[columns["value"]] if "value" in columns else ""
        base_cell = cells[columns["n"]] if "n" in columns else ""
        yield _row(indicator, row_year, value_cell, org_unit, where, base_cell)


def _row(
    indicator: str, year: int, cell: str, org_unit: str | None, where: Location, base_cell: str = ""
) -> ResultRow | KpiError:
    try:
        value = parse_value(cell)
        base = parse_value(base_cell) if base_cell.strip() else None
    except ValueError as exc:
        return ResultsError(f"{indicator}: {exc}", code="invalid-value", path=where.path, line=where.line)
    if base is not None and base < 0:
        return ResultsError(
            f"{indicator}: n (the base) {base_cell.strip()!r} is negative",
            code="invalid-value",
            path=where.path,
            line=where.line,
        )
    return ResultRow(indicator, year, value, org_unit, cell.strip(), where, base)


def _layout(
    header: list[str], path: str, line: int, names: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Which column holds which role, and the year columns of a wide table."""
    columns: dict[str, int] = {}
    for role, aliases in names.items():
        for alias in aliases:  # the first name found wins, so a --column mapping comes first
            if alias in header and role not in columns:
                columns[role] = header.index(alias)
    wide_years: list[tuple[int, int]] = []
    if "value" not in columns:
        for index, name in enumerate(header):
            match = _WIDE_YEAR.match(name)
            if match and index != columns.get("year"):
                wide_years.append((index, int(match.group(1))))
    missing = [role for role in REQUIRED if role not in columns]
    if not wide_years and "value" not in columns:
        missing.append("value")
    if missing:
        accepted = "; ".join(f"{role}: {', '.join(names[role])}" for role in missing)
        found = ", ".join(repr(name) for name in header)
        raise ResultsError(
            f"missing column {' and '.join(missing)}: found {found}; accepted names are {accepted} "
            "(or one column per year, such as '2014' or 'Resultat 2014')",
            code="missing-column",
            path=path,
            line=line,
        )
    return columns, wide_years
