"""A data-entry template as CSV (Norwegian Excel or English) or .xlsx."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..errors import UsageError
from ..number_format import DECIMAL_COMMA
from ..results.template import TemplateRow
from ..text import neutralise
from .csv_output import BOM

TEXT_FORMAT = "@"  # Excel's Text format: a cell keeps what is typed in it (docs/explanation/values-as-written.md)
# The comment and the actions are read back as results/columns.py's comment and actions columns, and shown in
# the report beside the result (issue 24: what a controller writes about a result goes in with it).
HEADERS = {
    "nb": ("indikator", "år", "tjenesteområde", "verdi", "kommentar", "tiltak", "måleenhet", "navn"),
    "nn": ("indikator", "år", "tenesteområde", "verdi", "kommentar", "tiltak", "måleeining", "namn"),
    "sv": ("indikator", "år", "verksamhetsområde", "värde", "kommentar", "åtgärder", "måttenhet", "namn"),
    "en": ("indicator", "year", "org_unit", "value", "comment", "actions", "unit_of_measure", "name"),
}
SHEET_TITLES = {"nb": "Resultater", "nn": "Resultat", "sv": "Resultat", "en": "Results"}


def _table(rows: Sequence[TemplateRow], lang: str) -> list[list[str | int]]:
    """Header and rows; the org unit column only when some row has one. Value, comment and actions are left empty."""
    with_units = any(row.org_unit for row in rows)
    header: list[str | int] = list(HEADERS.get(lang, HEADERS["nb"]))
    if not with_units:
        del header[2]
    table: list[list[str | int]] = [header]
    for row in rows:
        cells: list[str | int] = [row.id, row.year]
        if with_units:
            cells.append(neutralise(row.org_unit or ""))
        cells += ["", "", "", neutralise(row.unit or ""), neutralise(row.name)]
        table.append(cells)
    return table


def csv_text(rows: Sequence[TemplateRow], lang: str = "nb", delimiter: str | None = None, bom: bool = False) -> str:
    """CSV to fill in: ';' for Norwegian Excel (decimal comma in the values), ',' for English.

    ``bom`` starts it with a byte-order mark, so Excel opens it as UTF-8.
    """
    buffer = io.StringIO(BOM if bom else "")
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer, delimiter=delimiter or (";" if lang in DECIMAL_COMMA else ","), lineterminator="\r\n")
    writer.writerows(_table(rows, lang))
    return buffer.getvalue()


def xlsx_bytes(rows: Sequence[TemplateRow], lang: str = "nb") -> bytes:
    try:
        import openpyxl
    except ImportError:
        raise UsageError("writing .xlsx needs openpyxl: pip install 'kpi-cli[excel]'") from None
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLES.get(lang, SHEET_TITLES["nb"])
    table = _table(rows, lang)
    headers = HEADERS.get(lang, HEADERS["nb"])
    typed_in = [table[0].index(header) + 1 for header in headers[3:6]]  # value, comment, actions
    for cells in table:
        sheet.append(cells)
    for line in range(2, len(table) + 1):  # what is typed is what is read: 3,5 % stays 3,5 %, never 0.035
        for column in typed_in:
            sheet.cell(line, column).number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
