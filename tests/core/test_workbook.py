"""An Excel cell is read as Excel shows it (docs/explanation/values-as-written.md).

A percent format shows 0.035 as 3,5 %, so the value is 3,5; a date where a value belongs is an
error at its cell; a number stored as text is the text. The workbooks are made here with
openpyxl and hold made-up values.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import cli_runner

from kpi_cli import read_results
from kpi_cli.cli import main

openpyxl = pytest.importorskip("openpyxl")

# Made up: a share in per cent, best at 3 % or more.
DEFINITIONS = """\
scorecard: Oppdiktet kommune (made up)
focus_areas:
  - id: L
    name: Læring
    goals:
      - id: L.1
        name: Flere ideer
        indicators:
          - id: P.1
            name: Andel ideer tatt i bruk (oppdiktet)
            unit: "%"
            bands:
              desired: ">= 3 %"
              accepted: "2 - 2,9 %"
              not_approved: "< 2 %"
          - id: P.2
            name: Andel svar (oppdiktet)
            unit: "%"
            bands:
              desired: ">= 50 %"
              accepted: "40 - 49,9 %"
              not_approved: "< 40 %"
"""


def _book(path: Path, rows: list[tuple[str, Any, str | None]]) -> Path:
    """A long sheet: indicator, year 2015, value; each value cell with the number format given."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indikator", "År", "Verdi"])
    for number, (indicator, value, number_format) in enumerate(rows, start=2):
        sheet.append([indicator, 2015, value])
        if number_format is not None:
            sheet.cell(number, 3).number_format = number_format
    book.save(path)
    return path


def _values(path: Path) -> dict[str, Decimal | None]:
    read = read_results([path])
    assert not read.errors, [e.format() for e in read.errors]
    return {row.indicator: row.value for row in read.rows}


@pytest.mark.parametrize(
    ("stored", "number_format", "value"),
    [
        (0.035, "0.0%", Decimal("3.5")),  # typed 3,5 % in Excel
        (0.035, "0%", Decimal("3.5")),  # shown rounded as 4 %: the value is the stored one, in per cent
        (0.5, "0.00 %", Decimal("50")),
        (0.035000000000000003, "0.0%", Decimal("3.5")),  # Excel's float, 15 significant digits as it shows
        (-0.012, "0.0%;-0.0%", Decimal("-1.2")),
        (0.035, "0.0%;[Red]-0.0%", Decimal("3.5")),
        (3.5, '0.0" %"', Decimal("3.5")),  # a literal % does not scale
        (3.5, "0.0\\%", Decimal("3.5")),  # nor an escaped one
        (3.5, "0.0", Decimal("3.5")),
        (3.5, "General", Decimal("3.5")),
        (2, "0%", Decimal("200")),  # 2 with a percent format shows 200 %
    ],
)
def test_a_percent_format_is_the_percentage_shown(
    tmp_path: Path, stored: float, number_format: str, value: Decimal
) -> None:
    path = _book(tmp_path / "r2015.xlsx", [("P.1", stored, number_format)])
    assert _values(path) == {"P.1": value}


def test_a_number_stored_as_text_is_read_as_the_text(tmp_path: Path) -> None:
    # Text is never scaled, even in a cell with a percent format: Excel shows the text as typed.
    path = _book(tmp_path / "r2015.xlsx", [("P.1", "3,5 %", "0.0%"), ("P.2", "0,45", "@")])
    assert _values(path) == {"P.1": Decimal("3.5"), "P.2": Decimal("0.45")}


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (datetime.datetime(2015, 3, 5), "2015-03-05"),  # 3.5 typed in a Norwegian Excel becomes 3. mai
        (datetime.datetime(2015, 3, 5, 12, 30), "2015-03-05T12:30:00"),
        (datetime.time(3, 50), "03:50:00"),  # 3:50 typed for 3,50
    ],
)
def test_a_date_where_a_value_belongs_is_an_error_at_its_cell(
    tmp_path: Path, stored: datetime.date, shown: str
) -> None:
    path = _book(tmp_path / "r2015.xlsx", [("P.1", stored, None), ("P.2", 0.45, "0%")])
    read = read_results([path])
    sheet = f"{path}[Sheet]"
    assert [e.format() for e in read.errors] == [
        f"{sheet}:2:3: error: P.1: the value cell holds a date or time in Excel ({shown!r}), not a number:"
        " type the number again in a cell formatted as a number or as text [invalid-value]"
    ]
    assert {row.indicator: row.value for row in read.rows} == {"P.2": Decimal("45")}


def test_a_date_in_a_wide_table_is_an_error_at_its_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indikator", "2014", "2015"])
    sheet.append(["P.1", 3.1, datetime.datetime(2015, 3, 5)])
    path = tmp_path / "wide.xlsx"
    book.save(path)
    read = read_results([path])
    assert [(e.line, e.column, e.code) for e in read.errors] == [(2, 3, "invalid-value")]
    assert [(row.year, row.value) for row in read.rows] == [(2014, Decimal("3.1"))]


def test_a_date_in_a_comment_is_kept_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indikator", "År", "Verdi", "Kommentar"])
    sheet.append(["P.1", 2015, 3.1, datetime.datetime(2015, 3, 5)])
    path = tmp_path / "r.xlsx"
    book.save(path)
    read = read_results([path])
    assert not read.errors
    assert [row.comment for row in read.rows] == ["2015-03-05"]


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(DEFINITIONS, encoding="utf-8")
    return path


def test_the_percent_cells_are_said_once_per_file_under_verbose(tmp_path: Path, definitions: Path) -> None:
    path = _book(tmp_path / "r2015.xlsx", [("P.1", 0.035, "0.0%"), ("P.2", 0.45, "0%")])
    result = cli_runner().invoke(main, ["evaluate", "-v", "--lang", "en", str(path), "--indicators", str(definitions)])
    assert result.exit_code == 0, result.output
    assert "P.1" in result.stdout and "3.5" in result.stdout  # --lang en: a decimal point
    said = [line for line in result.stderr.splitlines() if "percent format" in line]
    assert said == [f"{path}: cells with a percent format read as the percentage shown: 2 (0.035 as 3.5 %)"]
    quiet = cli_runner().invoke(main, ["evaluate", str(path), "--indicators", str(definitions)])
    assert "percent format" not in quiet.stderr


def test_both_engines_read_a_percent_formatted_workbook_alike(tmp_path: Path, definitions: Path) -> None:
    pytest.importorskip("duckdb")
    path = _book(tmp_path / "r2015.xlsx", [("P.1", 0.035, "0.0%"), ("P.2", 0.395, "0.0%")])
    args = ["evaluate", str(path), "--indicators", str(definitions), "--format", "json", "--engine"]
    python, duckdb = (cli_runner().invoke(main, [*args, engine]) for engine in ("python", "duckdb"))
    assert (python.exit_code, python.stdout) == (duckdb.exit_code, duckdb.stdout)
    assert python.exit_code == 1  # P.2 at 39,5 % is not approved
    results = {r["indicator"]: (r["value"], r["status"]) for r in json.loads(python.stdout)["results"]}
    assert results == {"P.1": (3.5, "desired"), "P.2": (39.5, "not_approved")}
