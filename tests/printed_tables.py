"""Printed scorecard tables made for the tests of `kpi init --from`, from a definitions file and
its results: the rows a printed table holds (header, goal cell on the first row of its goal, the
indicator's id and name in one cell, band texts as printed, the results), written as a Word file,
a web page, a sheet or text whose cells run together. What they hold is what the definitions
they come from hold: made up, unless those are published."""

from __future__ import annotations

import csv
import html
from pathlib import Path
from typing import Any

import yaml

HEADER = ["Sentrale utfordringer", "Måleindikatorer", "Ønsket\nresultat", "Laveste aksepterte resultat"]
HEADER += ["Ikke godkjent resultat"]
STATUSES = ("desired", "accepted", "not_approved")


def band_cell(value: Any) -> str:
    """A band as a printed cell: its text, several intervals on lines of their own."""
    if isinstance(value, str):
        return value
    return "\n".join(item if isinstance(item, str) else item["text"] for item in value)


def printed_rows(definitions: Path, results: Path | None, year: int | None) -> list[list[str]]:
    document = yaml.safe_load(definitions.read_text(encoding="utf-8"))
    values: dict[str, str] = {}
    if results is not None:
        with results.open(encoding="utf-8") as handle:
            values = {row[0]: row[2] for row in list(csv.reader(handle, delimiter=";"))[1:]}
    rows = [HEADER + ([f"Resultat {year}"] if year else [])]
    for area in document["focus_areas"]:
        for goal in area["goals"]:
            for number, indicator in enumerate(goal["indicators"]):
                bands = indicator.get("bands") or {}
                if isinstance(bands, list):  # band versions: the one printed is the last
                    bands = bands[-1]
                row = [f"{goal['id']}. {goal['name']}" if number == 0 else "", f"{indicator['id']} {indicator['name']}"]
                row += [band_cell(bands[status]) if status in bands else "" for status in STATUSES]
                if year:
                    row.append(values.get(indicator["id"], ""))
                rows.append(row)
    return rows


def title_lines(definitions: Path) -> list[str]:
    document = yaml.safe_load(definitions.read_text(encoding="utf-8"))
    area = document["focus_areas"][0]
    lines = [f"Mål for fokusområde {area['name']}"]
    if area.get("focus_goal"):
        lines.append(f"Fokusmål: {area['focus_goal']}.")
    return lines


def write_docx(path: Path, titles: list[str], rows: list[list[str]]) -> None:
    import docx

    document = docx.Document()
    for title in titles:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            cell.text = text
    document.add_paragraph("Made up for the tests of kpi init --from.")
    document.save(str(path))


def write_html(path: Path, titles: list[str], rows: list[list[str]]) -> None:
    def cell(tag: str, text: str) -> str:
        return f"<{tag}>" + "<br>".join(html.escape(line) for line in text.split("\n")) + f"</{tag}>"

    body = [f"<h2>{html.escape(title)}</h2>" for title in titles]
    body.append("<table>")
    body.append("<tr>" + "".join(cell("th", text) for text in rows[0]) + "</tr>")
    body += ["<tr>\n  " + "\n  ".join(cell("td", text) for text in row) + "\n</tr>" for row in rows[1:]]
    body.append("</table>")
    page = "<!DOCTYPE html>\n<html lang=nb><head><meta charset=utf-8><title>Målekart (oppdiktet)</title></head>\n"
    path.write_text(page + "<body>\n" + "\n".join(body) + "\n</body></html>\n", encoding="utf-8")


def write_xlsx(path: Path, titles: list[str], rows: list[list[str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for title in titles:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_text(path: Path, titles: list[str], rows: list[list[str]]) -> None:
    """As a PDF's text is copied: the header's cells glued, each row's cells one after the other."""
    lines = [*titles, "", "Mål", "".join(rows[0])]
    lines += [" ".join(cell for cell in row if cell) for row in rows[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


WRITERS = {"docx": write_docx, "html": write_html, "xlsx": write_xlsx, "txt": write_text}
