"""A printed scorecard's file -> lines of text and table rows, each cell with its place. Pure.

Text (copied from a PDF, a web page or Word: cells run together) is read as lines; a Word file
(python-docx) as its paragraphs and table rows in the order of the document, each counted as a
line; a web page (the standard library's html.parser) as its tables' rows and the text around
them, at their lines in the page; a sheet (openpyxl) or CSV file through the results readers,
so their encodings and limits are the same.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from ..errors import KpiError
from ..limits import MAX_DEFINITIONS_BYTES, MAX_UNPACKED_BYTES, size
from .cells import Block, Cell

_SPACE = re.compile(r"\s+")
_MAX_SPAN = 50  # rows or columns one cell of a printed scorecard spans, at most
MAX_SOURCE_BYTES = 4 * MAX_DEFINITIONS_BYTES  # a printed scorecard is pages, not a data dump


def read_document(path: str, sheet: str | None = None) -> tuple[str, list[Block]]:
    """(kind, blocks): kind ``text`` for text whose cells run together, ``table`` for the rest."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".docx":
        return "table", _docx(path)
    if suffix in (".xlsx", ".xlsm", ".csv", ".tsv"):
        return "table", _records(path, sheet)
    text = _text(path)
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return "table", _html(text)
    return "text", [Block((Cell(line, number),)) for number, line in enumerate(text.splitlines(), start=1)]


def _text(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise KpiError("file not found", code="unreadable-file", path=path) from None
    except OSError as exc:
        raise KpiError(f"cannot read: {exc.strerror}", code="unreadable-file", path=path) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise KpiError(
            f"larger than {MAX_SOURCE_BYTES // 1024} KB: no printed scorecard is", code="over-limit", path=path
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise KpiError("not text: give a .txt, .html, .docx, .xlsx or .csv file", code="unreadable-file", path=path)
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")  # text saved by Windows programs


def _records(path: str, sheet: str | None) -> list[Block]:
    from ..results.dialects import FileLog, read_records

    blocks = []
    for line, cells in read_records(path, FileLog(path), None, None, sheet):
        blocks.append(Block(tuple(Cell(text, line, column) for column, text in enumerate(cells, start=1)), row=True))
    return blocks


def _docx(path: str) -> list[Block]:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise KpiError(
            "reading .docx needs python-docx: pip install 'kpi-cli[word]' (or copy the table's text into a .txt file)",
            code="unreadable-file",
            path=path,
        ) from None
    _check_unpacked(path)
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise KpiError(f"cannot read Word file: {exc}", code="unreadable-file", path=path) from None
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(Block((Cell(Paragraph(element, document).text, len(blocks) + 1),)))
        elif element.tag.endswith("}tbl"):
            for row in Table(element, document).rows:
                line = len(blocks) + 1
                seen: list[object] = []
                cells: list[Cell] = []
                for cell in row.cells:
                    if cell._tc in seen:  # a cell merged across columns is given once per column
                        continue
                    seen.append(cell._tc)
                    cells.append(Cell(cell.text, line, len(cells) + 1))
                blocks.append(Block(tuple(cells), row=True))
    return blocks


def _check_unpacked(path: str) -> None:
    """A Word file is a zip: what it unpacks to is bounded as a workbook's is."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except FileNotFoundError:
        raise KpiError("file not found", code="unreadable-file", path=path) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx says what is wrong with it
    if unpacked > MAX_UNPACKED_BYTES:
        raise KpiError(f"the Word file unpacks to more than {size(MAX_UNPACKED_BYTES)}", code="over-limit", path=path)


class _Page(HTMLParser):
    """Tables' rows (a cell's ``<br>`` and paragraphs kept as line breaks) and the text around them."""

    _BREAKS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "caption")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.row: list[Cell] | None = None
        self.cell: list[str] | None = None
        self.cell_line = 0
        self.text: list[str] = []
        self.text_line = 0
        self.skipping = 0
        self.span = (1, 1)
        self.spans: list[tuple[int, int]] = []  # (rowspan, colspan) of each cell of the row
        self.carried: dict[int, tuple[Cell, int]] = {}  # column -> a cell spanning rows, how many more

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self.skipping += 1
        elif tag == "tr":
            self._flush_text()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell, self.cell_line = [], self.getpos()[0]
            self.span = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif tag in self._BREAKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            lines = (line.strip() for line in "".join(self.cell).split("\n"))
            self.row.append(Cell("\n".join(line for line in lines if line), self.cell_line))
            self.spans.append(self.span)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            row = self._spread(self.row)
            if row:
                self.blocks.append(Block(tuple(row), row=True))
            self.row, self.spans = None, []
        elif tag in self._BREAKS:
            self._break()

    def _spread(self, cells: list[Cell]) -> list[Cell]:
        """The row's cells at their columns: a cell spanning rows above (rowspan) is given again in
        this row, one spanning columns (colspan) is followed by empty cells."""
        row: list[Cell] = []
        waiting = list(zip(cells, self.spans, strict=True))
        while waiting or any(column >= len(row) for column in self.carried):
            column = len(row)
            if column in self.carried:
                cell, left = self.carried.pop(column)
                if left > 1:
                    self.carried[column] = (cell, left - 1)
                row.append(Cell(cell.text, cell.line, column + 1))
                continue
            if not waiting:
                row.append(Cell("", row[-1].line if row else 0, column + 1))
                continue
            cell, (rows, columns) = waiting.pop(0)
            for offset in range(columns):
                placed = Cell(cell.text if offset == 0 else "", cell.line, column + offset + 1)
                row.append(placed)
                if rows > 1:
                    self.carried[column + offset] = (placed, rows - 1)
        return row

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(_SPACE.sub(" ", data))  # a line break in the page's source is a space
        elif self.row is None and data.strip():
            if not self.text:
                self.text_line = self.getpos()[0]
            self.text.append(data)

    def _break(self) -> None:
        if self.cell is not None:
            self.cell.append("\n")
        else:
            self._flush_text()

    def _flush_text(self) -> None:
        line = " ".join("".join(self.text).split())
        if line:
            self.blocks.append(Block((Cell(line, self.text_line),)))
        self.text = []


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return min(max(int(value), 1), _MAX_SPAN) if value.strip().isdigit() else 1


def _html(text: str) -> list[Block]:
    page = _Page()
    page.feed(text)
    page.close()
    page._flush_text()
    return page.blocks
