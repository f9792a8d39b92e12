"""Who answers for a result (`owner:` on an indicator, or on its goal and inherited) and what will
be done (the results file's actions column: tiltak, actions, åtgärder), shown in the table,
Markdown, HTML, Excel and Word. The owners and actions here are made up; the definitions are the
seed's with owners added."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import SEED_INDICATORS

from kpi_cli.definitions.load import load_definitions

docx = pytest.importorskip("docx")

RESULTS = (
    "indikator;verdi;kommentar;tiltak\n"
    "L.1.1;3,8;Lav svarprosent (made up);Ny runde med lederopplæring (made up)\n"
    "L.1.2;4,6;;\n"
)


@pytest.fixture
def owned(workdir: Path) -> Path:
    """The seed's definitions with made-up owners: goal L.1's, and L.1.2's own."""
    text = SEED_INDICATORS.read_text(encoding="utf-8")
    text = text.replace(
        "        name: Kultur for læring og fornyelse - innovasjon\n",
        "        name: Kultur for læring og fornyelse - innovasjon\n        owner: HR-sjef (made up)\n",
    )
    text = text.replace(
        "          - id: L.1.2\n",
        "          - id: L.1.2\n            owner: Kommunaldirektør (made up)\n",
    )
    (workdir / "indicators.yaml").write_text(text, encoding="utf-8")
    (workdir / "2014.csv").write_text(RESULTS, encoding="utf-8")
    return workdir


def test_an_indicator_takes_its_goals_owner_unless_it_has_its_own(owned: Path) -> None:
    scorecard = load_definitions(str(owned / "indicators.yaml"))
    owners = {indicator.id: indicator.owner for indicator in scorecard.indicators()}
    assert owners == {
        "L.1.1": "HR-sjef (made up)",
        "L.1.2": "Kommunaldirektør (made up)",
        "L.2.1": None,
        "L.2.2": None,
        "L.2.3": None,
    }
    assert scorecard.focus_areas[0].goals[0].owner == "HR-sjef (made up)"


def test_the_table_says_them_under_the_row(owned: Path, kpi) -> None:
    out = kpi("evaluate", "2014.csv", env={"COLUMNS": "200"}).stdout
    assert "↳ Kommentar: Lav svarprosent (made up)" in out
    assert "↳ Ansvarlig: HR-sjef (made up) · Tiltak: Ny runde med lederopplæring (made up)" in out
    assert "↳ Ansvarlig: Kommunaldirektør (made up)" in out


def test_markdown_and_html(owned: Path, kpi) -> None:
    markdown = kpi("evaluate", "2014.csv", "--format", "markdown").stdout
    assert "<br>*Ansvarlig: HR-sjef (made up) · Tiltak: Ny runde med lederopplæring (made up)*" in markdown
    page = kpi("evaluate", "2014.csv", "--format", "html", "--lang", "en").stdout
    assert (
        '<div class="note follow-up">Owner: HR-sjef (made up) · Actions: Ny runde med lederopplæring (made up)</div>'
        in page
    )


@pytest.mark.parametrize("header", ["tiltak", "Actions", "åtgärder"])
def test_the_actions_column_by_its_names(owned: Path, kpi, header: str) -> None:
    (owned / "2014.csv").write_text(RESULTS.replace("tiltak", header), encoding="utf-8")
    out = kpi("evaluate", "2014.csv", "--format", "markdown").stdout
    assert "Tiltak: Ny runde med lederopplæring (made up)" in out


def test_excel_and_word_have_owner_and_actions_columns(owned: Path, kpi) -> None:
    assert kpi("evaluate", "2014.csv", "-o", "r.xlsx").exit_code == 1
    sheet = openpyxl.load_workbook(owned / "r.xlsx")["Målekart"]
    header = [cell.value for cell in sheet[4]]
    assert header[-4:] == ["Status", "Kommentar", "Ansvarlig", "Tiltak"]
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == "L.1.1")
    assert row[-3:] == ("Lav svarprosent (made up)", "HR-sjef (made up)", "Ny runde med lederopplæring (made up)")
    assert kpi("evaluate", "2014.csv", "-o", "r.docx").exit_code == 1
    [table] = docx.Document(str(owned / "r.docx")).tables
    assert [cell.text for cell in table.rows[0].cells][-2:] == ["Ansvarlig", "Tiltak"]
    found = next(r for r in table.rows if r.cells[0].text == "L.1.2")
    assert [cell.text for cell in found.cells][-2:] == ["Kommunaldirektør (made up)", ""]
