"""Sphinx directives that write reference tables from the code, so the docs cannot drift from it.

``{kpi-problem-codes}`` is the table of problem codes, read from ``kpi_cli.codes.CODES``: a code
added there is documented by the next build, with nothing to copy by hand.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def table(header: tuple[str, ...], rows: list[tuple[nodes.Node, ...]]) -> nodes.table:
    """A docutils table of cells that are already nodes (a header row, then one row per entry)."""
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=1) for _ in header]
    head = nodes.thead()
    head += _row(tuple(nodes.Text(title) for title in header))
    body = nodes.tbody()
    body += [_row(cells) for cells in rows]
    group += [head, body]
    result = nodes.table()
    result += group
    return result


def _row(cells: tuple[nodes.Node, ...]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", cell)
        row += entry
    return row


class ProblemCodes(SphinxDirective):
    """Every problem code with its default severity and summary, in the order of ``codes.CODES``."""

    def run(self) -> list[nodes.Node]:
        from kpi_cli.codes import CODES

        rows: list[tuple[nodes.Node, ...]] = [
            (nodes.literal(code.id, code.id), nodes.Text(code.severity.value), nodes.Text(code.summary))
            for code in CODES.values()
        ]
        return [table(("code", "severity", "meaning"), rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("kpi-problem-codes", ProblemCodes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
