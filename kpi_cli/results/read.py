"""Results files -> rows that remember their file and line.

Long format: one row per result (indicator, year, value, optional org unit).
Wide format: an indicator column and one column per year (``2014``,
``Resultat 2014``). Comma, semicolon or tab; decimal comma or point; UTF-8
with or without BOM, UTF-16 with BOM, or Windows-1252 as Norwegian Excel
writes it (the file-level dialects are read in :mod:`kpi_cli.results.dialects`). Every row is either
returned or reported as an error.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from ..codes import Severity
from ..errors import Collector, KpiError, KpiErrors, Problem, ResultsError
from ..inert import excerpt
from ..model import Location, Status
from ..records import dataclass
from ..report import ResultRow
from ..text import starts_formula
from .columns import column_names, file_year, header_layout
from .dialects import RESULT_SUFFIXES, FileLog, Record, check_encoding, read_records
from .marks import reject_undecided
from .values import FOOTNOTE, NO_RESULT, DateCell, NoValue, parse_value, read_value

if TYPE_CHECKING:
    from .ssb.rows import Conversion

BAND_ROLES = (Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED)
_YEAR_CELL = re.compile(r"((?:19|20)\d{2})(?:\.0)?")


@dataclass
class ResultSet:
    """The rows read, what each file's reading did, and every row that was rejected."""

    rows: list[ResultRow]
    logs: list[FileLog]
    errors: list[KpiError] = field(default_factory=list)
    ssb: list[Conversion] = field(default_factory=list)  # the SSB exports read: tables and benchmark values
    skipped: list[Problem] = field(default_factory=list)  # files in a folder not read, each with why
    notes: list[Problem] = field(default_factory=list)  # how a value was read: footnote marks, a sentence

    @property
    def paths(self) -> list[str]:
        return [log.path for log in self.logs]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise KpiErrors(self.errors)


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
    suffixes: tuple[str, ...] = RESULT_SUFFIXES,
    skipped: list[Problem] | None = None,
    subfolders: tuple[str, ...] = (),
) -> list[str]:
    """Files as given; folders become the results files in them (by ``suffixes``), sorted, and
    those of the ``subfolders`` named (``ssb``, where ``kpi fetch`` saves) after them.

    In a folder, a symbolic link that leads out of the folder is not followed (a link to
    /proc/self/environ or /etc/passwd would put that file in the messages); each one
    skipped is added to ``skipped`` as a note.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = []
            for child in sorted(path.iterdir()):
                if child.suffix.lower() not in suffixes or not child.is_file():
                    continue
                if child.is_symlink() and not child.resolve().is_relative_to(path.resolve()):
                    if skipped is not None:
                        message = f"not read: a symbolic link out of the folder {path}"
                        skipped.append(Problem(message, "link-not-followed", Severity.NOTE, str(child)))
                    continue
                inside.append(str(child))
            for name in subfolders:
                if (path / name).is_dir() and not (path / name).is_symlink():
                    inside.extend(
                        item for item in expand_paths([path / name], suffixes, skipped) if item != str(path / name)
                    )
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
    definitions: str | None = None,
    all_regions: bool = False,
    verdicts: Collection[str] = (),
) -> ResultSet:
    """Read every results file; rows that cannot be read are kept in ``errors``, never dropped.

    ``columns`` maps a role (indicator, year, value, org_unit) to a header of
    the file, for headers no built-in name covers (``{"value": "Nøkkeltall"}``).
    Statistics Norway exports (JSON-stat, SSB's CSV layouts) are recognised by
    their content and read as the ``definitions`` file's SSB keys say
    (kpi_cli.results.ssb); ``all_regions`` makes every municipality in them an org unit.
    ``verdicts``: the ids (and aliases) of ``rate: verdict`` indicators, whose cells hold a
    published verdict word (``Oppnådd``), kept as written for evaluation to read.
    """
    from .ssb.reading import SsbReader

    ssb = SsbReader(definitions, all_regions, encoding, plain=bool(columns))
    names = column_names(columns or {})
    if encoding is not None:
        check_encoding(encoding)
    problems = Collector()
    rows: list[ResultRow] = []
    logs: list[FileLog] = []
    given = list(paths)
    suffixes: tuple[str, ...] = RESULT_SUFFIXES
    if any(Path(path).is_dir() for path in given) and ssb.names_sources():
        suffixes += (".json",)  # the definitions name SSB sources: a folder's JSON-stat files are results too
    skipped: list[Problem] = []
    notes: list[Problem] = []
    subfolders = ("ssb", "kolada") if ".json" in suffixes else ()  # where kpi fetch saves the answers
    for path in expand_paths(given, suffixes, skipped, subfolders):
        log = FileLog(path)
        logs.append(log)
        start = len(rows)
        try:
            text = not ssb.claims(path)
            if not text:
                items: Iterable[ResultRow | KpiError | Problem] = ssb.read(path, log)
            else:
                items = _rows(read_records(path, log, encoding, delimiter, sheet), path, log, year, names, verdicts)
            for item in items:
                if isinstance(item, Problem):
                    notes.append(item)
                    continue
                log.results_read += 1
                if isinstance(item, KpiError):
                    log.rejected.append(item)
                    problems.add(item)
                else:
                    rows.append(item)
            if not log.results_read:
                message = "no results in the file (it is empty, or has a header only)"
                raise ResultsError(message, code="no-results", path=path, line=1, key="no-results")
            if text and log.delimiter:
                reject_undecided(rows, start, log, problems)
        except KpiError as error:  # the file as a whole: unreadable, no header, no year, empty
            log.failed = True
            problems.add(error)
    return ResultSet(rows, logs, problems.errors, ssb.reads, skipped, notes)


@dataclass(frozen=True)
class _Table:
    """What the header of one file says: where each role is, the year columns of a wide table."""

    shown: str  # the path as problems name it; an Excel file's with its sheet
    width: int
    columns: dict[str, int]
    wide_years: list[tuple[int, int]]
    fallback_year: int | None  # --year, else the year in the file name
    comma: bool  # comma-separated: a decimal comma may have split a value
    band_columns: tuple[tuple[Status, int], ...] = ()  # the printed bands' columns, by status
    years: dict[str, int] = field(default_factory=dict)  # year cells read so far: a million rows, a few years
    verdicts: frozenset[str] = frozenset()  # rate: verdict indicators: their cells are words, read by evaluation


def _rows(
    records: Iterable[Record],
    path: str,
    log: FileLog,
    year: int | None,
    names: dict[str, tuple[str, ...]],
    verdicts: Collection[str] = (),
) -> Iterator[ResultRow | KpiError | Problem]:
    log.file_year = file_year(path)
    shown = path if log.sheet is None else f"{path}[{log.sheet}]"
    table: _Table | None = None
    plain: Callable[[int, list[str]], ResultRow | None] | None = None
    title: ResultsError | None = None  # why the line above the header, skipped as a title, is none
    for line, record in records:
        if table is not None:
            row = plain(line, record) if plain is not None else None
            if row is not None:
                yield row
            elif "".join(record).strip():  # a line of empty cells is no row
                yield from _record_rows(table, line, record)
            continue
        filled = sum(1 for cell in record if cell.strip())
        if not filled:
            continue
        if table is None:
            try:
                columns, wide_years = header_layout(record, shown, line, names)
            except ResultsError as error:
                if title is not None:  # one title at most: else the first line was meant as the header
                    raise title from None
                if filled > 1:
                    raise
                title = error  # one cell ('Mål' above a copied table) is a title, never a header
                continue
            log.layout = "wide" if wide_years else "long"
            log.columns = tuple((role, record[index].strip()) for role, index in sorted(columns.items(), key=_second))
            fallback = year if year is not None else log.file_year  # a year column wins over both
            bands = tuple((status, columns[status.value]) for status in BAND_ROLES if status.value in columns)
            comma = log.delimiter == ","
            table = _Table(
                shown, len(record), columns, wide_years, fallback, comma, bands, verdicts=frozenset(verdicts)
            )
            plain = _plain_rows(table)
            if "year" not in columns and not wide_years and fallback is None:
                raise ResultsError(
                    "no year: add a year column (år), put the year in the file name (results/2014.csv) or give --year",
                    code="no-year",
                    path=shown,
                    line=line,
                    key="no-year",
                )
    if table is None and title is not None:
        raise title


_PLAIN_ROLES = {"indicator", "year", "value", "org_unit"}


def _plain_rows(table: _Table) -> Callable[[int, list[str]], ResultRow | None] | None:
    """For a long table of ids, years, values and org units only: ``read(line, record)``, the row
    ``_record_rows`` gives for a plain line (as wide as the header, an id, a year read before, a
    value read without a note), else None for ``_record_rows`` to read it; None for other tables."""
    columns = table.columns
    if table.wide_years or not {"year", "value"} <= columns.keys() or columns.keys() - _PLAIN_ROLES:
        return None
    at_id, at_year, at_value, at_unit = columns["indicator"], columns["year"], columns["value"], columns.get("org_unit")
    width, years, verdicts, shown, intern = table.width, table.years, table.verdicts, table.shown, sys.intern

    def read(line: int, record: list[str]) -> ResultRow | None:
        if len(record) != width:
            return None
        indicator = intern(record[at_id].strip())
        year = years.get(record[at_year].strip())
        cell = record[at_value]
        if not indicator or year is None or indicator in verdicts or isinstance(cell, DateCell):
            return None
        try:
            value, note = read_value(cell)
        except ValueError:
            return None
        if note is not None:
            return None
        org_unit = None if at_unit is None else (intern(record[at_unit].strip()) or None)
        return ResultRow(indicator, year, value, org_unit, intern(cell.strip()), Location(shown, line))

    return read


def _second(pair: tuple[str, int]) -> int:
    return pair[1]


def _record_rows(table: _Table, line: int, record: list[str]) -> Sequence[ResultRow | KpiError | Problem]:
    """The results of one data line: one for a long table, one per year column for a wide one."""
    if len(record) > table.width and any(cell.strip() for cell in record[table.width :]):
        hint = ": a decimal comma in a comma-separated file? Quote the value or separate with ;"
        message = f"row has {len(record)} fields but the header has {table.width}" + (hint if table.comma else "")
        comma = "field-count.comma" if table.comma else ""
        parts = (("fields", str(len(record))), ("width", str(table.width)), ("hint_key", comma))
        return (
            ResultsError(message, code="field-count", path=table.shown, line=line, key="field-count", values=parts),
        )
    cells = record if len(record) >= table.width else record + [""] * (table.width - len(record))
    columns = table.columns
    indicator = sys.intern(cells[columns["indicator"]].strip())  # one string per id, not one per row
    if not indicator:
        no_id = "row has no indicator id"
        return (ResultsError(no_id, code="no-indicator", path=table.shown, line=line, key="no-indicator"),)
    org_unit = (sys.intern(cells[columns["org_unit"]].strip()) or None) if "org_unit" in columns else None
    where = Location(table.shown, line)
    printed = _printed_bands(table, cells) if table.band_columns else ()
    comment = (_plain(cells[columns["comment"]].strip()) or None) if "comment" in columns else None
    actions = (_plain(cells[columns["actions"]].strip()) or None) if "actions" in columns else None
    words = indicator in table.verdicts
    name = (sys.intern(cells[columns["name"]].strip()) or None) if "name" in columns else None
    if table.wide_years:
        found: list[ResultRow | KpiError | Problem] = []
        for index, cell_year in table.wide_years:
            cell = cells[index]
            if isinstance(cell, DateCell):
                found.append(_date_error(indicator, cell, where, index))
                continue
            found += _row(
                indicator, cell_year, cell, org_unit, where, printed=printed, comment=comment, words=words, name=name
            )
        return _with_actions(found, actions)
    row_year = _row_year(table, cells, indicator, where)
    if isinstance(row_year, KpiError):
        return (row_year,)
    value_cell = cells[columns["value"]] if "value" in columns else ""
    if isinstance(value_cell, DateCell):
        return (_date_error(indicator, value_cell, where, columns["value"]),)
    base_cell = cells[columns["n"]] if "n" in columns else ""
    row = _row(indicator, row_year, value_cell, org_unit, where, base_cell, printed, comment, words, name)
    return _with_actions(row, actions)


def _with_actions(
    found: Sequence[ResultRow | KpiError | Problem], actions: str | None
) -> Sequence[ResultRow | KpiError | Problem]:
    """The rows with the actions column's text (what will be done), as the comment is kept."""
    if actions is not None:
        for row in found:
            if isinstance(row, ResultRow):
                row.actions = actions
    return found


def _date_error(indicator: str, cell: str, where: Location, index: int) -> ResultsError:
    """A date or time in Excel where a value belongs: never the serial number Excel keeps behind it."""
    message = (
        f"{indicator}: the value cell holds a date or time in Excel ({excerpt(cell, 40)}), not a number:"
        " type the number again in a cell formatted as a number or as text"
    )
    parts = (("indicator", indicator), ("text", excerpt(cell, 40)))
    path, line, column = where.path, where.line, index + 1
    return ResultsError(message, code="invalid-value", path=path, line=line, column=column, key="date", values=parts)


def _plain(text: str) -> str:
    """Text as written before a CSV writer neutralised it ('-2 - 2 %' from "'-2 - 2 %"): kpi's own CSV reads back."""
    return text[1:] if text.startswith("'") and starts_formula(text[1:]) else text


def _printed_bands(table: _Table, cells: list[str]) -> tuple[tuple[Status, str], ...]:
    """The band texts a row prints (empty and no-result cells left out), to compare with the definitions."""
    found = []
    for status, column in table.band_columns:
        text = _plain(" ".join(cells[column].split()))
        if text.lower() not in NO_RESULT:
            found.append((status, text))
    return tuple(found)


def _row_year(table: _Table, cells: list[str], indicator: str, where: Location) -> int | KpiError:
    """A long row's year: its year cell, else --year, else the year in the file name."""
    cell = cells[table.columns["year"]].strip() if "year" in table.columns else ""
    if cell in table.years:
        return table.years[cell]
    if cell:
        found = _YEAR_CELL.fullmatch(cell)
        if found:
            table.years[cell] = int(found.group(1))
            return table.years[cell]
        message = f"{indicator}: year {excerpt(cell, 40)} is not a year"
        parts = (("indicator", indicator), ("text", excerpt(cell, 40)))
        return ResultsError(
            message, code="invalid-year", path=where.path, line=where.line, key="invalid-year", values=parts
        )
    if table.fallback_year is None:
        message = f"{indicator}: no year in the row, the file name or --year"
        said = (("indicator", indicator),)
        return ResultsError(message, code="no-year", path=where.path, line=where.line, key="no-year.row", values=said)
    return table.fallback_year


def _row(
    indicator: str,
    year: int,
    cell: str,
    org_unit: str | None,
    where: Location,
    base_cell: str = "",
    printed: tuple[tuple[Status, str], ...] = (),
    comment: str | None = None,
    words: bool = False,
    name: str | None = None,
) -> tuple[ResultRow | KpiError | Problem, ...]:
    """The row, or the error that rejects it; after the row, a note on how its value was read.
    ``words``: the cell holds a verdict word, kept as written (``ResultRow.raw``) with no value."""
    try:
        value, note = (None, None) if words else read_value(cell)
        base = parse_value(base_cell) if base_cell.strip() else None
    except ValueError as exc:
        code, key, parts = (exc.code, exc.key, exc.values) if isinstance(exc, NoValue) else ("invalid-value", "", ())
        message = f"{indicator}: {exc}"
        parts = (("indicator", indicator), *parts)
        return (ResultsError(message, code=code, path=where.path, line=where.line, key=key, values=parts),)
    if base is not None and base < 0:
        shown = excerpt(base_cell.strip(), 40)
        message = f"{indicator}: n (the base) {shown} is negative"
        key, parts = "negative-base", (("indicator", indicator), ("text", shown))
        return (ResultsError(message, code="invalid-value", path=where.path, line=where.line, key=key, values=parts),)
    text = sys.intern(cell.strip())
    row = ResultRow(indicator, year, value, org_unit, text, where, base, bands=printed, comment=comment, name=name)
    if note is None:
        return (row,)
    values: tuple[tuple[str, str], ...] = (("indicator", indicator), ("text", excerpt(text)))  # Problem.key
    if note == "footnote-mark":
        read_as = excerpt(re.sub(FOOTNOTE, "", " ".join(text.split())))
        values += (("read", read_as),)
        said = f"footnote marks dropped from {excerpt(text)}: read as {read_as}"
    elif note == "result-text":
        said = f"{excerpt(text)} read as no result"
    at = (where.path, where.line)
    return row, Problem(f"{indicator}: {said}", note, Severity.NOTE, *at, indicator=indicator, key=note, values=values)
