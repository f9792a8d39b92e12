"""How a results file is written: its encoding, delimiter or Excel sheet -> records.

A record is (line, cells): the line the record starts on (a quoted cell may hold a line
break) and its cells as text. What the cells mean is :mod:`kpi_cli.results.read`' job. A new
encoding, separator or spreadsheet kind goes here (see ARCHITECTURE.md); an Excel sheet is
read in :mod:`kpi_cli.results.workbook`.

A CSV file is read as a stream, within the limits of :mod:`kpi_cli.limits`. Without
``--encoding``, a file with a byte-order mark is read in that encoding; any other file is
decoded one line at a time: UTF-8 where the line is UTF-8, else Windows-1252 (what Norwegian
Excel writes). So one stray Windows-1252 byte changes that line only, never the whole file,
and :attr:`Decoding.name` says which lines were read so (``kpi -v`` shows it). Text is
normalised to NFC, so a header written in decomposed form (``a`` + combining ring, as macOS
writes it) is the same ``år`` as any other.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import field

from ..errors import KpiError, ResultsError, UsageError
from ..limits import MAX_COLUMNS, MAX_FIELD_CHARS, MAX_LINE_BYTES, size
from ..records import dataclass

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
    columns: tuple[tuple[str, str], ...] = ()  # (role, header as written) of each column read, in the file's order
    results_read: int = 0  # results, each returned as a row or rejected
    file_year: int | None = None
    rejected: list[KpiError] = field(default_factory=list)  # rows, each with its line
    failed: bool = False  # the file could not be read at all
    # An SSB export's cells that did not become result rows: benchmark values and the cells
    # not used, by reason (kpi_cli.results.ssb.rows.UNUSED_REASONS).
    other_cells: dict[str, int] = field(default_factory=dict)
    # Excel only: numbers with a percent format, read as the percentage shown, and the first of them.
    percent_cells: int = 0
    percent_example: str = ""

    def percent(self, stored: str, shown: str) -> None:
        """One number read as the percentage its cell's format shows (0.035 as 3.5 %)."""
        self.percent_cells += 1
        if not self.percent_example:
            self.percent_example = f"{stored} as {shown}"


Record = tuple[int, list[str]]  # (line, cells)


def read_records(
    path: str, log: FileLog, encoding: str | None, delimiter: str | None, sheet: str | None
) -> Iterator[Record]:
    """(line, cells) for each record of a CSV file or an Excel sheet (:mod:`kpi_cli.results.workbook`)."""
    if path.lower().endswith(".parquet"):
        raise ResultsError(
            "kpi evaluate reads Parquet only on the DuckDB engine's streamed path (--format json, jsonl or csv, "
            "or -o FILE.parquet; -v says why a run is not streamed): export it as CSV for a report",
            path=path,
        )
    if path.lower().endswith((".xlsx", ".xlsm")):
        from .workbook import excel_records

        log.sheet, rows = excel_records(path, sheet, log.percent)
        log.kind = SourceKind.EXCEL
        return rows
    try:
        binary = open(path, "rb")  # noqa: SIM115 - closed by _csv_records
    except FileNotFoundError:
        raise ResultsError("results file not found", path=path, key="not-found") from None
    except IsADirectoryError:
        suffixes = ", ".join(RESULT_SUFFIXES)
        message = f"is a folder with no results files ({suffixes})"
        raise ResultsError(message, path=path, key="empty-folder", values=(("suffixes", suffixes),)) from None
    except OSError as exc:
        message, why = f"cannot read results file: {exc.strerror}", (("why", str(exc.strerror)),)
        raise ResultsError(message, path=path, key="cannot-read", values=why) from None
    decoding = Decoding("utf-8")
    lines = text_lines(path, binary, encoding, decoding)
    try:
        first = next(lines, "")
    except BaseException:
        binary.close()
        raise
    log.delimiter = delimiter or sniff_delimiter(first)
    return _csv_records(itertools.chain([first], lines), binary, path, log, decoding)


def _csv_records(
    lines: Iterator[str], binary: io.BufferedReader, path: str, log: FileLog, decoding: Decoding
) -> Iterator[Record]:
    csv.field_size_limit(MAX_FIELD_CHARS)  # csv's own default, stated: a field beyond it is a located error
    reader = csv.reader(lines, delimiter=log.delimiter)
    start = 1
    log.encoding = decoding.name
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                raise ResultsError(
                    f"record has more than {MAX_COLUMNS} fields", code="over-limit", path=path, line=start
                )
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        code = "over-limit" if "field limit" in str(exc) else "csv-syntax"
        raise ResultsError(f"cannot read CSV: {exc}", code=code, path=path, line=start) from None
    except OSError as exc:
        message, why = f"cannot read results file: {exc.strerror}", (("why", str(exc.strerror)),)
        raise ResultsError(message, path=path, line=start, key="cannot-read", values=why) from None
    finally:
        log.encoding = decoding.name
        binary.close()


def sniff_delimiter(header: str) -> str:
    """The field separator of a CSV file, from its header line: tab, else semicolon, else comma."""
    for candidate in ("\t", ";", ","):
        if candidate in header:
            return candidate
    return ","


# --- text: the encoding, decided line by line ---------------------------------------------------

FALLBACK = "cp1252"
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


def check_encoding(name: str) -> str:
    """The codec's name, or a UsageError when ``name`` is no text encoding Python can decode."""
    try:
        info = codecs.lookup(name)
        io.TextIOWrapper(io.BytesIO(), encoding=name).read()  # refuses hex, rot13 and "undefined"
    except (LookupError, UnicodeError, TypeError):
        raise UsageError(f"--encoding {name}: not a text encoding (try utf-8, cp1252 or latin-1)") from None
    return info.name


@dataclass
class Decoding:
    """Which encoding a file was read in; the lines that fell back to Windows-1252."""

    encoding: str
    fallback_lines: list[int] = field(default_factory=list)
    utf8_lines: int = 0  # non-ASCII lines that were UTF-8

    @property
    def name(self) -> str:
        if not self.fallback_lines:
            return self.encoding
        if not self.utf8_lines:
            return FALLBACK
        shown = ", ".join(str(n) for n in self.fallback_lines[:3])
        more = f" and {len(self.fallback_lines) - 3} more" if len(self.fallback_lines) > 3 else ""
        return f"{self.encoding}; line{'s' if len(self.fallback_lines) > 1 else ''} {shown}{more} as {FALLBACK}"


def text_lines(path: str, binary: io.BufferedReader, encoding: str | None, decoding: Decoding) -> Iterator[str]:
    """The file's physical lines, each with its line ending (CR, LF or CRLF), decoded and NFC."""
    start = binary.peek(4)[:4]
    bom = next((b for b in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if start.startswith(b)), b"")
    if encoding is None and bom == codecs.BOM_UTF8:
        encoding = "utf-8-sig"
    elif encoding is None and bom:
        encoding = "utf-16"
    if encoding is None:
        decoding.encoding = "utf-8"
        lines = _by_line(path, binary, decoding, None)
    elif not bom and "a;\n".encode(encoding) == b"a;\n":  # ASCII-compatible: each line on its own
        decoding.encoding = encoding
        lines = _by_line(path, binary, decoding, encoding)
    else:
        decoding.encoding = encoding
        lines = _decoded(path, binary, encoding, strict=not bom)
    for line in lines:
        yield line if unicodedata.is_normalized("NFC", line) else unicodedata.normalize("NFC", line)


def _too_long(path: str, number: int) -> ResultsError:
    return ResultsError(
        f"line longer than {size(MAX_LINE_BYTES)}: not a results table (a binary file, or one without line breaks?)",
        code="over-limit",
        path=path,
        line=number,
    )


def _by_line(path: str, binary: io.BufferedReader, decoding: Decoding, encoding: str | None) -> Iterator[str]:
    """Lines split at LF (CR too, below), each decoded in ``encoding``, or else in UTF-8 with
    Windows-1252 as the fallback for a line that is not UTF-8."""
    number = 0
    while raw := binary.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise _too_long(path, number)
        if encoding is not None:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ResultsError(f"not valid {encoding}: {exc.reason}", path=path, line=number) from None
        else:
            text = _utf8_or_fallback(raw, number, decoding)
        if "\r" in text[:-2]:  # lone CRs (old Mac line ends) end lines too, as csv reads them
            pieces = [piece for piece in _LONE_CR.split(text) if piece]
            number += len(pieces) - 1
            yield from pieces
        else:
            yield text


def _utf8_or_fallback(raw: bytes, number: int, decoding: Decoding) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoding.fallback_lines.append(number)
        try:
            return raw.decode(FALLBACK)
        except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
            return raw.decode("latin-1")
    decoding.utf8_lines += not raw.isascii()
    return text


def _decoded(path: str, binary: io.BufferedReader, encoding: str, *, strict: bool) -> Iterator[str]:
    stream = io.TextIOWrapper(binary, encoding=encoding, errors="strict" if strict else "replace", newline="")
    number = 0
    while True:
        try:
            line = stream.readline(MAX_LINE_BYTES)
        except UnicodeDecodeError as exc:
            raise ResultsError(f"not valid {encoding}: {exc.reason}", path=path, line=number + 1) from None
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_BYTES and not line.endswith(("\n", "\r")):
            raise _too_long(path, number)
        yield line
