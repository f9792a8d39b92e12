"""The Word report's pieces: paragraphs in the template's styles (or Normal where a template
has no such style), tables with a repeated header row, shaded cells, and the page set-up."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Status
from .html_css import GREY, PALETTE

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # what XML cannot hold: shown as U+FFFD
GROUP_FILL = "F6F8FA"
TABLE_POINTS = 9  # the tables' text: a målekart's columns fit a landscape A4 page
HEAD_FILL = "F3F4F6"


def clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def open_document(reference: str | None) -> Document:
    """A new document, or ``reference`` (the municipality's Word template) emptied of its body
    but keeping its styles, headers, footers and logo."""
    try:
        import docx
    except ImportError:
        raise UsageError("writing .docx needs python-docx: pip install 'kpi-cli[word]'") from None
    if reference is None:
        from docx.shared import Mm

        document = docx.Document()
        for section in document.sections:  # A4, as Norwegian offices print, not the template's Letter
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(18)
        return document
    try:
        document = docx.Document(reference)
    except Exception:  # python-docx raises zip, XML and its own errors for what is no Word file
        raise UsageError("cannot read it as a Word template: not a .docx file", path=reference) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # the last section's page set-up, header and footer stay
            body.remove(child)
    return document


def paragraph(document: Document, text: str, style: str | None = None, bold: bool = False) -> Paragraph:
    found = document.add_paragraph(style=_style(document, style))
    run = found.add_run(clean(text))
    run.bold = bold or None
    return found


def heading(document: Document, text: str, level: int) -> Paragraph:
    style = "Title" if level == 0 else f"Heading {level}"
    if _style(document, style) is None:
        return paragraph(document, text, bold=True)
    found: Paragraph = document.add_heading(clean(text), level)
    return found


def _style(document: Document, name: str | None) -> str | None:
    """``name`` when the document has such a paragraph style, else None (Normal)."""
    if name is None:
        return None
    return name if any(style.name == name for style in document.styles) else None


def table(document: Document, heads: list[str]) -> Table:
    """A table with ``heads`` as its header row, repeated on every page and shaded."""
    found: Table = document.add_table(rows=1, cols=len(heads))
    if _table_style(document, "Table Grid"):
        found.style = "Table Grid"
    for cell, head in zip(found.rows[0].cells, heads, strict=True):
        write(cell, head, bold=True, fill=HEAD_FILL)
    _repeat_header(found)
    return found


def write(cell: _Cell, text: str, *, bold: bool = False, fill: str | None = None, colour: str | None = None) -> None:
    """``text`` in ``cell`` (lines as paragraphs), bold, on ``fill``, in ``colour`` (hex)."""
    from docx.shared import Pt, RGBColor

    lines = clean(text).split("\n")
    cell.text = ""
    first = cell.paragraphs[0].clear()
    for index, line in enumerate(lines):
        target = first if index == 0 else cell.add_paragraph()
        run = target.add_run(line)
        run.bold = bold or None
        run.font.size = Pt(TABLE_POINTS)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
    if fill:
        shade(cell, fill)


def status_colours(status: Status | None) -> tuple[str | None, str | None]:
    """A status cell's fill and ink (hex without '#'): the HTML badge's colours."""
    if status is None:
        return None, None
    _, background, ink, _ = PALETTE.get(status, GREY)
    return background[1:].upper(), ink[1:].upper()


def shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def fill_of(cell: _Cell) -> str | None:
    """The fill a cell is shaded with (what the tests read back)."""
    from docx.oxml.ns import qn

    found = cell._tc.get_or_add_tcPr().find(qn("w:shd"))
    return None if found is None else found.get(qn("w:fill"))


def new_row(found: Table) -> list[_Cell]:
    """The cells of a row added to ``found``."""
    return list(found.add_row().cells)  # type: ignore[no-untyped-call]  # python-docx leaves add_row untyped


def set_widths(found: Table, millimetres: list[float]) -> None:
    """Each column's width, in the grid (what LibreOffice reads) and in every cell (what Word reads)."""
    from docx.shared import Mm

    found.autofit = False
    for grid, width in zip(found._tbl.tblGrid.gridCol_lst, millimetres, strict=True):
        grid.w = Mm(width)
    for column, width in zip(found.columns, millimetres, strict=True):
        for cell in column.cells:
            cell.width = Mm(width)


def _repeat_header(found: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row = found.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row.append(repeat)


def _table_style(document: Document, name: str) -> bool:
    return any(style.name == name for style in document.styles)


def landscape(document: Document) -> None:
    """Every section landscape (a wide table needs it): width and height swapped when upright."""
    from docx.enum.section import WD_ORIENT

    for section in document.sections:
        width, height = section.page_width, section.page_height
        if width is not None and height is not None and width < height:
            section.page_width, section.page_height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
