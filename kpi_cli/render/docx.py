"""The scorecard as a Word document for the council's case papers (saksframlegg, årsrapport).

It opens with what needs attention; then per org unit and focus area a heading, the focus
goal, a caption and one table in the printed målekart's layout: the result requirements, the
results of the year before and the year shown, the change, the status in a shaded cell with
its symbol and word (readable in black and white), the comment. Notes, the legend and the
sources follow. ``--reference-doc mal.docx`` takes the municipality's own styles, header,
footer and logo from its template. python-docx (the ``word`` extra) writes it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..view import View, for_people
from . import Renderer, RenderOptions
from .docx_parts import (
    GROUP_FILL,
    heading,
    landscape,
    new_row,
    open_document,
    paragraph,
    set_widths,
    status_colours,
    table,
    write,
)
from .labels import Labels
from .layout import (
    Block,
    Line,
    attention_lines,
    blocks,
    change_text,
    columns,
    comment_cell,
    follow_up_cells,
    previous_year,
    rollup_text,
    status_text,
    value_in,
)
from .markdown import legend

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

WIDE = 7  # a table of more columns than this is set on landscape pages
PAGE_WIDTH = 297 - 2 * 18  # millimetres between the margins of a landscape A4 page


def evaluation(view: View, options: RenderOptions) -> bytes:
    say = Labels(options.lang, view.report.scorecard.levels)
    document = open_document(options.reference_doc)
    scorecard = view.report.scorecard
    heading(document, f"{scorecard.name} · {view.year}", 0)
    files = ", ".join(view.report.sources) or "–"
    paragraph(document, f"{say('definitions')}: {view.definitions} · {say('results')}: {files}")
    heading(document, say("attention"), 1)
    style = "List Bullet" if view.attention else None
    for line in attention_lines(view, say):
        paragraph(document, line, style)
    shown, _ = for_people(view)
    heads = columns(shown, say)
    several = len(shown.units) > 1 or shown.units[0].org_unit is not None
    number = 0
    for unit in shown.units:
        if several:
            heading(document, say.unit(unit.org_unit), 1)
        for block in blocks(shown, unit):
            number += 1
            _block(document, block, shown, heads, say, number, 2 if several else 1)
    paragraph(document, say.summary(view.year, view.total.counts), bold=True)
    paragraph(document, legend(say))
    for ident, text in say.notes(view.measures, [entry.result for entry in shown.entries]):
        paragraph(document, f"{ident}: {text}")
    for line in say.sources(view.report.tables):
        paragraph(document, line)
    if len(heads) > WIDE:
        landscape(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _block(
    document: Document, block: Block, view: View, heads: list[str], say: Labels, number: int, level: int
) -> None:
    area = block.area
    rollup = block.lines[0].rollup
    heading(document, f"{say('focus_area')} {area.id}: {area.name}", level)
    if area.focus_goal:
        paragraph(document, f"{say('focus_goal')}: {area.focus_goal}", bold=True)
    caption = f"{area.name} · {view.year}" + (f" · {say.unit(block.org_unit)}" if block.org_unit else "")
    paragraph(document, f"{say('table')} {number}: {caption} ({rollup_text(rollup, say)})", "Caption")
    found = table(document, heads)
    for line in block.lines:
        if line.kind == "indicator":
            _indicator(found, line, view, say)
        else:
            _group(found, line, say, heads.index(say("col.status")))
    set_widths(found, _widths(view, say, len(heads)))


def _widths(view: View, say: Labels, count: int) -> list[float]:
    """Millimetres per column on a landscape A4 page: the name column takes what the others leave."""
    years = 1 + (previous_year(view) is not None)
    change = [20.0] if previous_year(view) is not None else []
    others = [14.0, *([24.0] * len(say.rated)), *([15.0] * years), *([26.0] * len(view.benchmark_regions)), *change]
    widths = [*others, 34.0, 40.0, *([30.0] * (count - len(others) - 3))]
    page = PAGE_WIDTH if count > WIDE else PAGE_WIDTH - (297 - 210)
    return [widths[0], max(40.0, page - sum(widths)), *widths[1:]]


def _group(found: Table, line: Line, say: Labels, status: int) -> None:
    cells = new_row(found)
    for cell in cells:
        write(cell, "", fill=GROUP_FILL)
    write(cells[0], line.ident, bold=True, fill=GROUP_FILL)
    write(cells[1], line.name, bold=True, fill=GROUP_FILL)
    headline = line.rollup.headline if line.rollup else None
    fill, ink = status_colours(headline)
    write(cells[status], rollup_text(line.rollup, say), bold=True, fill=fill or GROUP_FILL, colour=ink)


def _indicator(found: Table, line: Line, view: View, say: Labels) -> None:
    entry = line.entry
    assert entry is not None
    result = entry.result
    indicator = result.indicator
    texts = [indicator.id, indicator.name + (f" ({indicator.unit})" if indicator.unit else "")]
    texts += [band.text if (band := indicator.band(s)) else "–" for s in say.rated]
    before = previous_year(view)
    if before is not None:
        earlier = value_in(view, entry, before)
        texts.append(say.value(earlier.result) if earlier else "")
    texts.append(say.value(result))
    texts += [say.benchmark(entry.compared(code), view.municipality) for code, _ in view.benchmark_regions]
    if before is not None:
        texts.append(change_text(entry, say))
    cells = new_row(found)
    for cell, text in zip(cells, texts, strict=False):
        write(cell, text)
    fill, ink = status_colours(result.status)
    write(cells[len(texts)], status_text(entry, say), bold=True, fill=fill, colour=ink)
    write(cells[len(texts) + 1], comment_cell(entry, say))
    for cell, text in zip(cells[len(texts) + 2 :], follow_up_cells(view, entry), strict=True):
        write(cell, text)


RENDERER = Renderer(evaluation=evaluation)
