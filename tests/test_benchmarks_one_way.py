"""Benchmarks read one way: the municipality's name heads its result column, and a benchmark cell
says the region, its value and who is better ('Moss 13,5 · Drammen bedre': Drammen is better than
Moss), in every format for people. The ssb-kostra example is a made-up scorecard on real SSB
figures; the values in the unit cases are made up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import REPO_ROOT

from kpi_cli.render.labels import Labels
from kpi_cli.report import Benchmark
from kpi_cli.view import Comparison

docx = pytest.importorskip("docx")
SSB = REPO_ROOT / "examples" / "ssb-kostra"
ARGS = [str(SSB), "--indicators", str(SSB / "indicators.yaml")]


@pytest.mark.parametrize(
    ("value", "absence", "verdict", "municipality", "lang", "text"),
    [
        ("13.5", None, "better", "Drammen", "nb", "Moss 13,5 · Drammen bedre"),
        ("13.5", None, "worse", "Drammen", "nb", "Moss 13,5 · Drammen verre"),
        ("13.5", None, "equal", "Drammen", "nb", "Moss 13,5 · Drammen likt"),
        ("13.5", None, None, "Drammen", "nb", "Moss 13,5"),
        (None, "suppressed", None, "Drammen", "nb", "Moss skjermet"),
        ("13.5", None, "better", None, "nb", "Moss 13,5 · vi bedre"),
        ("13.5", None, "better", "Drammen", "en", "Moss 13.5 · Drammen better"),
        ("13.5", None, "worse", "Drammen", "sv", "Moss 13,5 · Drammen sämre"),
    ],
)
def test_a_benchmark_cell(value, absence, verdict, municipality, lang, text) -> None:
    item = Benchmark("3002", "Moss", Decimal(value) if value else None, absence)
    assert Labels(lang).benchmark(Comparison(item, verdict), municipality) == text


def test_markdown_names_the_municipality_over_its_results(kpi) -> None:
    out = kpi("evaluate", *ARGS, "--format", "markdown").stdout
    head = "| Ønsket | Laveste akseptert | Ikke godkjent | 2019 | Drammen 2020 | Moss | Ringerike | Endring | Status |"
    assert head in out  # the year before and the change beside the municipality's own column
    assert "| 27,8 | Moss 13,5 · Drammen bedre | Ringerike 8,9 · Drammen bedre |  | ● Ønsket resultat |" in out


def test_excel_and_word_too(kpi, tmp_path: Path) -> None:
    assert kpi("evaluate", *ARGS, "-o", str(tmp_path / "r.xlsx")).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Målekart"]
    header = [cell.value for cell in sheet[4]]
    assert header[5:9] == ["2019", "Drammen 2020", "Moss", "Ringerike"]
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == "H.1.1")
    assert row[6:9] == (27.8, "Moss 13,5 · Drammen bedre", "Ringerike 8,9 · Drammen bedre")
    assert kpi("evaluate", *ARGS, "-o", str(tmp_path / "r.docx")).exit_code == 0
    [table] = docx.Document(str(tmp_path / "r.docx")).tables
    assert [c.text for c in table.rows[0].cells][6:9] == ["Drammen 2020", "Moss", "Ringerike"]
    found = next(r for r in table.rows if r.cells[0].text == "H.1.2")
    assert [c.text for c in found.cells][6:9] == ["45", "Moss 20 · Drammen bedre", "Ringerike 6 · Drammen bedre"]


def test_without_benchmarks_the_year_alone_heads_the_results(kpi, repo_root) -> None:
    out = kpi("evaluate", "results/2014.csv", "--format", "markdown").stdout
    assert "| Ikke godkjent | 2014 | Status |" in out
