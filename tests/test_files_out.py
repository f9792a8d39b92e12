"""Files a council's Excel opens: CSV redirected to a file, the template as a real workbook.

(README "CSV" and "A template to fill in".)
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO_ROOT

BOM = b"\xef\xbb\xbf"


def run_to(target: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``kpi ARGS > target``: stdout a regular file, as a shell redirection makes it."""
    with target.open("wb") as out:
        return subprocess.run(
            [sys.executable, "-m", "kpi_cli", *args], stdout=out, stderr=subprocess.PIPE, cwd=REPO_ROOT, check=False
        )


def test_csv_redirected_to_a_file_starts_with_a_bom(tmp_path: Path) -> None:
    target = tmp_path / "rapport.csv"
    done = run_to(target, "evaluate", "results/2014.csv", "--format", "csv")
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith(BOM + "indikator;navn;mål;fokusområde;".encode())
    assert "læring, utvikling og fornyelse".encode() in data  # æøå as UTF-8 behind the BOM


def test_csv_through_a_pipe_has_no_bom() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kpi_cli", "evaluate", "results/2014.csv", "--format", "csv"],
        capture_output=True,
        cwd=REPO_ROOT,
        check=False,
    )
    assert done.stdout.startswith(b"indikator;navn;")


def test_template_redirected_to_a_file_starts_with_a_bom(tmp_path: Path) -> None:
    target = tmp_path / "mal.csv"
    assert run_to(target, "template", "--year", "2016").returncode == 0
    assert target.read_bytes().startswith(BOM + "indikator;år;verdi".encode())


def test_template_takes_xlsx_from_the_file_name(kpi, assert_ok, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    assert_ok(kpi("template", "--year", "2016", "-o", str(target)), 0)
    with zipfile.ZipFile(target) as book:  # a real workbook, not CSV text
        assert "xl/workbook.xml" in book.namelist()


def test_template_refuses_csv_into_an_xlsx_file(kpi, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    result = kpi("template", "--year", "2016", "--format", "csv", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpi: error: --format csv does not write a .xlsx file: leave out --format, or name it .csv [usage]"
    ]
    assert not target.exists()


def test_template_format_is_case_insensitive(kpi, assert_ok, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    assert_ok(kpi("template", "--year", "2016", "--format", "XLSX", "-o", str(target)), 0)
    assert zipfile.is_zipfile(target)
