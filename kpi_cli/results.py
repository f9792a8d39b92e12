"""Results files -> rows that remember their file and line.

Long format: one row per result (indicator, year, value, optional org unit).
Wide format: an indicator column and one column per year (``2014``,
``Resultat 2014``). Comma, semicolon or tab; decimal comma or point; UTF-8
with or without BOM, UTF-16 with BOM, or Windows-1252 as Norwegian Excel
writes it (the file-level dialects are read in :mod:`kpi_cli.dialects`). Every row is either
returned or reported as an error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .dialects import RESULT_SUFFIXES, FileLog, Record, read_records
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
NO_RESULT_PREFIXES = ("ny indikator", "new indicator")
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
    if lowered in NO_RESULT or lowered.startswith(NO_RESULT_PREFIXES):
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
    names = column_names(columns or {})
    problems = Collector()
    rows: list[ResultRow] = []
    logs: list[FileLog] = []
    for path in expand_paths(paths):
        log = FileLog(path)
        logs.append(log)
        try:
            records = read_records(path, log, encoding, delimiter, sheet)
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


def column_names(extra: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The header names of each role: ``extra``'s (``--column role=header``) first, then the built-in ones."""
    names = dict(COLUMN_NAMES)
    for role, header in extra.items():
        if role not in names:
            raise UsageError(f"--column {role}=...: the role must be one of {', '.join(COLUMN_NAMES)}")
        names[role] = (_normal(header), *names[role])
    return names


def _normal(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


def file_year(path: str) -> int | None:
    """The year in a file's name (results/2014.csv, kostra-2016-export.csv), if any."""
    match = _FILE_YEAR.search(Path(path).stem)
    return int(match.group(1)) if match else None


def header_layout(
    cells: Iterable[str], path: str, line: int, names: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Which column of a header holds which role (names from ``column_names``), and the year
    columns of a wide table; a ResultsError at ``path:line`` when a required column is missing."""
    return _layout([_normal(cell) for cell in cells], path, line, names)


@dataclass(frozen=True)
class _Table:
    """What the header of one file says: where each role is, the year columns of a wide table."""

    shown: str  # the path as problems name it; an Excel file's with its sheet
    width: int
    columns: dict[str, int]
    wide_years: list[tuple[int, int]]
    fallback_year: int | None  # --year, else the year in the file name
    comma: bool  # comma-separated: a decimal comma may have split a value


def _rows(
    records: Iterable[Record], path: str, log: FileLog, year: int | None, names: dict[str, tuple[str, ...]]
) -> Iterator[ResultRow | KpiError]:
    log.file_year = file_year(path)
    shown = path if log.sheet is None else f"{path}[{log.sheet}]"
    table: _Table | None = None
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if table is None:
            columns, wide_years = header_layout(record, shown, line, names)
            log.layout = "wide" if wide_years else "long"
            fallback = year if year is not None else log.file_year  # a year column wins over both
            table = _Table(shown, len(record), columns, wide_years, fallback, log.delimiter == ",")
            if "year" not in columns and not wide_years and fallback is None:
                raise ResultsError(
                    "no year: add a year column (år), put the year in the file name (results/2014.csv) or give --year",
                    code="no-year",
                    path=shown,
                    line=line,
                )
            continue
        yield from _record_rows(table, line, record)


def _record_rows(table: _Table, line: int, record: list[str]) -> Iterator[ResultRow | KpiError]:
    """The results of one data line: one for a long table, one per year column for a wide one."""
    if len(record) > table.width and any(cell.strip() for cell in record[table.width :]):
        hint = ": a decimal comma in a comma-separated file? Quote the value or separate with ;"
        message = f"row has {len(record)} fields but the header has {table.width}" + (hint if table.comma else "")
        yield ResultsError(message, code="field-count", path=table.shown, line=line)
        return
    cells = record + [""] * (table.width - len(record))
    columns = table.columns
    indicator = cells[columns["indicator"]].strip()
    if not indicator:
        yield ResultsError("row has no indicator id", code="no-indicator", path=table.shown, line=line)
        return
    org_unit = (cells[columns["org_unit"]].strip() or None) if "org_unit" in columns else None
    where = Location(table.shown, line)
    if table.wide_years:
        for index, cell_year in table.wide_years:
            yield _row(indicator, cell_year, cells[index], org_unit, where)
        return
    row_year = _row_year(table, cells, indicator, where)
    if isinstance(row_year, KpiError):
        yield row_year
        return
    value_cell = cells[columns["value"]] if "value" in columns else ""
    base_cell = cells[columns["n"]] if "n" in columns else ""
    yield _row(indicator, row_year, value_cell, org_unit, where, base_cell)


def _row_year(table: _Table, cells: list[str], indicator: str, where: Location) -> int | KpiError:
    """A long row's year: its year cell, else --year, else the year in the file name."""
    cell = cells[table.columns["year"]].strip() if "year" in table.columns else ""
    if cell:
        found = _YEAR_CELL.fullmatch(cell)
        if found:
            return int(found.group(1))
        message = f"{indicator}: year {cell!r} is not a year"
        return ResultsError(message, code="invalid-year", path=where.path, line=where.line)
    if table.fallback_year is None:
        message = f"{indicator}: no year in the row, the file name or --year"
        return ResultsError(message, code="no-year", path=where.path, line=where.line)
    return table.fallback_year


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
