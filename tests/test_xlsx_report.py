"""The Excel report (`-o rapport.xlsx`), read back with openpyxl: the printed målekart's layout,
numbers in the format of their precision, status cells in colour with symbol and word, the
summary with what needs attention, the org-unit matrix, the history, and the print set-up.
The service-areas example is made up; the seed's 2014 results are published."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS

EXAMPLE = REPO_ROOT / "examples" / "service-areas"


@pytest.fixture
def seed_book(tmp_path: Path, kpi, assert_ok) -> openpyxl.Workbook:
    target = tmp_path / "rapport.xlsx"
    assert_ok(kpi("evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "-o", str(target)))
    return openpyxl.load_workbook(target)


@pytest.fixture
def example_book(tmp_path: Path, kpi, assert_ok) -> openpyxl.Workbook:
    target = tmp_path / "rapport.xlsx"
    results = str(EXAMPLE / "results-2015-2017.csv")
    assert_ok(kpi("evaluate", results, "--indicators", str(EXAMPLE / "indicators.yaml"), "-o", str(target)), 1)
    return openpyxl.load_workbook(target)


def rows(sheet) -> list[tuple]:
    return [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]


def row_of(sheet, ident: str, after: int = 0):
    """The first row (its cells) whose first cell is ``ident``, below row ``after``."""
    return next(row for row in sheet.iter_rows(min_row=after + 1) if row[0].value == ident)


def test_the_seed_as_the_printed_scorecard(seed_book) -> None:
    assert seed_book.sheetnames == ["Målekart", "Oppsummering"]  # one org unit, one year: no matrix, no history
    sheet = seed_book["Målekart"]
    assert sheet["A1"].value == "Asker kommune - målekart · 2014"
    header = rows(sheet)[3]
    assert header == (
        "Id",
        "Måleindikator",
        "Ønsket",
        "Laveste akseptert",
        "Ikke godkjent",
        "2014",
        "Status",
        "Kommentar",
    )
    area = row_of(sheet, "L")
    assert area[1].value == "Læring og fornyelse — Fokusmål: Fremtidsrettet og lærende organisasjon"
    assert area[6].value == "● 2 av 2 ønsket" and area[0].font.bold
    first = row_of(sheet, "L.1.1")
    assert [c.value for c in first[2:5]] == ["4,5 - 6", "4 - 4,4", "0 - 3,9"]
    assert first[5].value == pytest.approx(4.51) and first[5].data_type == "n"
    assert first[5].number_format == "0.00"
    assert first[6].value == "● Ønsket resultat"
    assert first[6].fill.start_color.rgb == "00E3F4E8"  # the HTML badge's green
    pending = row_of(sheet, "L.2.2")
    assert pending[5].value == "–" and pending[6].value == "○ Innfases 2017 (utsatt)"


def test_frozen_header_filter_widths_and_print_set_up(seed_book) -> None:
    sheet = seed_book["Målekart"]
    assert sheet.freeze_panes == "C5"
    assert sheet.auto_filter.ref.startswith("A4:H")
    assert sheet.column_dimensions["B"].width == 48
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$4:$4"
    assert sheet.oddHeader.left.text == "Asker kommune - målekart"
    assert sheet.oddHeader.right.text == "2014"
    assert sheet.oddFooter.right.text == "Side &P av &N"


def test_notes_and_legend_under_the_table(seed_book) -> None:
    texts = [row[0] for row in rows(seed_book["Målekart"]) if row[0]]
    assert "2014: 2 ønsket · 3 ikke innfaset" in texts
    assert any(text.startswith("Tegnforklaring: ● ønsket") for text in texts)


def test_the_summary_says_nothing_needs_attention_for_the_seed(seed_book) -> None:
    texts = [row[0] for row in rows(seed_book["Oppsummering"]) if row[0]]
    assert texts[-2:] == [
        "Dette trenger oppmerksomhet",
        "Ingen resultater på laveste nivå, ingen tilbakegang, ingen mangler.",
    ]


def test_the_example_with_years_and_org_units(example_book) -> None:
    assert example_book.sheetnames == ["Målekart", "Oppsummering", "Per enhet", "Historikk"]
    sheet = example_book["Målekart"]
    assert rows(sheet)[3][5:] == ("2016", "2017", "Endring", "Status", "Kommentar")
    whole = row_of(sheet, "L.1.2")
    assert (whole[5].value, whole[5].number_format) == (4.0, "0.0")  # written 4,0: shown 4,0
    assert whole[7].value == "↑ +0,2 bedre"
    assert whole[9].value == "oppdiktet (made up)"
    units = [row[0] for row in rows(sheet) if row[0] in ("Hele kommunen", "Helse og omsorg", "Teknisk")]
    assert units == ["Hele kommunen", "Helse og omsorg", "Teknisk"]
    red = row_of(sheet, "L.2.1")
    assert red[8].value == "✖ Ikke godkjent resultat" and red[8].fill.start_color.rgb == "00FDE4E2"


def test_the_summary_lists_what_needs_attention_first(example_book) -> None:
    found = rows(example_book["Oppsummering"])
    start = found.index(("Id", "Enhet", "Måleindikator", "Resultat", "Status", "Begrunnelse", "Kommentar"))
    listed = [(row[0], row[1], row[4], row[5]) for row in found[start + 1 :] if row[0]]
    assert listed == [
        ("L.2.1", "Hele kommunen", "✖ Ikke godkjent resultat", "ikke godkjent · verre enn 2016"),
        ("L.1.1", "Helse og omsorg", "✖ Ikke godkjent resultat", "ikke godkjent · verre enn 2016"),
        ("L.1.1", "Hele kommunen", "▲ Laveste aksepterte resultat", "verre enn 2016"),
        ("L.1.2", "Kultur", "? Mangler resultat", "mangler"),
    ]


def test_the_matrix_and_the_history(example_book) -> None:
    matrix = example_book["Per enhet"]
    assert rows(matrix)[2][:4] == ("Id", "Måleindikator", "Hele kommunen", "Helse og omsorg")
    first = row_of(matrix, "L.1.1")
    assert first[3].value == "3,3 ✖ ikke godkjent" and first[3].fill.start_color.rgb == "00FDE4E2"
    history = example_book["Historikk"]
    assert rows(history)[2][3:] == ("2015", None, "2016", None, "2017", None)
    red = row_of(history, "L.2.1")
    assert [c.value for c in red[3:9]] == [6.2, "●", 4.0, "▲", 1.5, "✖"]


def test_a_name_that_starts_like_a_formula_is_text(tmp_path: Path, kpi, assert_ok) -> None:
    text = SEED_INDICATORS.read_text(encoding="utf-8").replace(
        "scorecard: Asker kommune - målekart", 'scorecard: "=HYPERLINK(\\"http://x\\") målekart (made up)"'
    )
    (tmp_path / "indicators.yaml").write_text(text, encoding="utf-8")
    target = tmp_path / "r.xlsx"
    assert_ok(kpi("evaluate", str(SEED_RESULTS), "--indicators", str(tmp_path / "indicators.yaml"), "-o", str(target)))
    cell = openpyxl.load_workbook(target)["Målekart"]["A1"]
    assert cell.data_type == "s" and cell.value.startswith('=HYPERLINK("http://x") målekart')


def test_an_excel_file_is_not_text_for_a_terminal(kpi, assert_error, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kpi_cli.cli.by_name.stdout_is_terminal", lambda: True)
    assert_error(
        kpi("evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "--format", "xlsx"),
        ["kpi: error: --format xlsx writes a file, not text for the terminal: -o rapport.xlsx [usage]"],
    )


def test_rows_are_as_tall_as_their_wrapped_names(seed_book) -> None:
    sheet = seed_book["Målekart"]
    tall = row_of(sheet, "L.2.1")[0].row  # a name of 150 characters in a column 48 wide: four lines
    assert sheet.row_dimensions[tall].height == 60
    assert sheet.row_dimensions[row_of(sheet, "L")[0].row].height is None  # one line: the default
