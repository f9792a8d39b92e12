"""Results files and workbooks under attack (issue 16): numbers that swallowed letters,
encodings that dropped columns, links out of a folder, bombs of size and time, formulas
without a value. Each attack ends in a correct result or a located error with exit 2.
Every file here is made up for the test."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS, cpu_time
from test_fuzz import SHEET, WORKBOOK_MEMBERS, workbook
from test_robustness import assert_clean_exit

from kpi_cli.cli import main
from kpi_cli.results import workbook as workbook_module
from kpi_cli.results.read import read_results
from kpi_cli.results.values import parse_value


def evaluate(*args: str) -> object:
    return CliRunner().invoke(main, ["evaluate", *args, "--indicators", str(SEED_INDICATORS)])


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4,5e3", "4500"), ("3e1", "30"), ("1,3e3", "1300"), ("1E-05", "0.00001"), ("2,5E+2 %", "250"), ("5kr", "5")],
)
def test_scientific_notation_is_a_number(text: str, expected: str) -> None:
    assert parse_value(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["1O", "0x10", "4e", "5 e3", "5 E-2", "1e99999", "12abc", "3e1x"])
def test_letters_glued_to_a_number_are_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_value(text)


def test_the_units_results_carry_are_kept() -> None:
    cells = ["4,5 %", "4,5%", "12 %poeng", "3,2 poeng", "4,5 mill. kr.", "5 ‰", "5 % reduksjon", "120 ideer"]
    assert [parse_value(cell) for cell in cells] == [
        Decimal(n) for n in ["4.5", "4.5", "12", "3.2", "4.5", "5", "5", "120"]
    ]


def test_a_change_in_scientific_notation_is_rated_by_its_value(tmp_path: Path) -> None:
    # L.2.1 is the change in ideer: 1200 -> 1300 is +8,33 %, not 1,2 -> 1,3 read from "1,3e3".
    path = tmp_path / "2015.csv"
    path.write_text("indikator;år;verdi\nideer;2014;1,2e3\nideer;2015;1,3e3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), "--format", "json"])
    changes = {r["year"]: r for r in json.loads(result.stdout)["results"] if r["indicator"] == "L.2.1"}
    assert (changes[2015]["value"], changes[2015]["status"]) == (8.33, "desired")
    # 2014's count makes 2014 a year (docs/explanation/years-from-measures.md), before L.2.1 is phased in
    assert (changes[2014]["value"], changes[2014]["status"]) == (None, "not_phased_in")


def test_a_glued_letter_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text("indikator;verdi\nL.1.1;4,5\nL.1.2;1O\n", encoding="utf-8")
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    assert f"{path}:3: error: L.1.2: verdien '1O' er ikke et tall" in result.stderr


# --- encodings --------------------------------------------------------------------------------


def test_one_stray_windows_1252_byte_changes_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "results-2014.csv"
    text = "indikator;år;tjenesteområde;verdi;kommentar\nL.1.1;2015;Oppvekst;4,5;ok\nL.1.2;2015;Helse;4;"
    path.write_bytes(text.encode("utf-8") + "Bæ\n".encode("cp1252"))
    read = read_results([path])
    assert read.errors == []
    assert [(r.year, r.org_unit) for r in read.rows] == [(2015, "Oppvekst"), (2015, "Helse")]
    assert read.logs[0].encoding == "utf-8; line 3 as cp1252"


def test_a_windows_1252_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_bytes("indikator;år;tjenesteområde;verdi\nL.1.1;2014;Bø;4,5\n".encode("cp1252"))
    read = read_results([path])
    assert [r.org_unit for r in read.rows] == ["Bø"] and read.logs[0].encoding == "cp1252"


def test_verbose_says_which_encoding(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_bytes("indikator;verdi;kommentar\nL.1.1;4,5;Bø\n".encode() + b"L.1.2;4,5;\xe6\n")
    result = evaluate(str(path), "-v", "--lang", "en")
    assert f"{path}: read encoding utf-8; line 3 as cp1252, delimiter ';'" in result.stderr


def test_a_decomposed_header_is_the_same_header(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    decomposed = "a\u030ar"  # å as macOS writes it: a + combining ring
    path.write_text(f"indikator;{decomposed};enhet;verdi\nL.1.1;2015;Bo\u0308;4,5\n", encoding="utf-8")
    read = read_results([path])
    assert [(r.year, r.org_unit) for r in read.rows] == [(2015, "Bö")]


def test_an_explicit_encoding_reports_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_bytes(b"indikator;verdi\nL.1.1;4,5\nL.1.2;\xff\n")
    read = read_results([path], encoding="utf-8")
    assert [e.format() for e in read.errors] == [
        f"{path}:3: error: not valid utf-8: invalid start byte [unreadable-file]"
    ]


# --- empty files --------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"indikator;verdi\n", b"\n\n\n", b"\xef\xbb\xbf", b"indikator;verdi\n;\n"])
def test_an_empty_results_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "2014.csv"
    path.write_bytes(content)
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    assert f"{path}:1: error: ingen resultater i filen (den er tom, eller har bare en overskriftsrad)" in result.stderr


# --- folders and what messages quote -------------------------------------------------------------


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "2014.csv").write_text("indikator;verdi\nL.1.1;4,5\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=s3cr3t\n", encoding="utf-8")
    (folder / "leak.csv").symlink_to(secret)
    (folder / "env.csv").symlink_to("/proc/self/environ")
    (folder / "inside.csv").symlink_to(folder / "2014.csv")
    result = evaluate(str(folder), "-v")
    assert "s3cr3t" not in result.output + result.stderr and "PATH=" not in result.stderr
    note = f"{folder / 'leak.csv'}: note: not read: a symbolic link out of the folder {folder} [link-not-followed]"
    assert note in result.stderr
    read = read_results([folder])
    assert read.paths == [str(folder / "2014.csv"), str(folder / "inside.csv")]


def test_a_huge_header_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text("x" * 100_000 + ";" + ";".join(f"c{n}" for n in range(100)) + "\nL.1.1;1\n")
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{path}:1: error: missing column indicator and value: found 'xxxx")
    assert "and 89 more" in line and len(line) < 1000


# --- bounded reading ---------------------------------------------------------------------------


def test_a_100_mb_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    with path.open("wb") as out:
        out.write(b"indikator;verdi\nL.1.1;")
        out.write(b"9" * (100 << 20))
    probe = (
        "import resource, sys; from kpi_cli.results.read import read_results; "
        "read = read_results([sys.argv[1]]); print(read.errors[0].format()); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    with cpu_time() as used:
        done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120)
    message, peak_kib = done.stdout.splitlines()
    assert message == (
        f"{path}:2: error: line longer than 1 MiB: not a results table"
        " (a binary file, or one without line breaks?) [over-limit]"
    )
    assert int(peak_kib) < 700 * 1024 and used.seconds < 30


def test_dev_zero_ends_with_a_located_error() -> None:
    result = evaluate("/dev/zero", "--year", "2014")
    assert_clean_exit(result, (2,), ["/dev/zero"])
    assert result.stderr.startswith("/dev/zero:1: error: line longer than 1 MiB")


def test_a_long_quoted_field_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text('indikator;verdi\nL.1.1;"' + "1\n" * 100_000 + '"\n', encoding="utf-8")
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    assert f"{path}:2: error: cannot read CSV: field larger than field limit (131072)" in result.stderr


# --- workbooks ----------------------------------------------------------------------------------


def test_a_workbook_declaring_every_cell_is_read_quickly(tmp_path: Path) -> None:
    path = tmp_path / "2014.xlsx"
    path.write_bytes(workbook(SHEET.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')))
    with cpu_time() as used:
        read = read_results([path])
    assert used.seconds < 10  # the declared 17 billion cells are never walked
    assert [(r.indicator, r.value) for r in read.rows] == [("L.1.1", Decimal("4.51"))]


def test_a_workbook_bomb_is_refused_by_its_unpacked_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook_module, "MAX_UNPACKED_BYTES", 1 << 20)
    path = tmp_path / "2014.xlsx"
    padding = "<!--" + " " * (4 << 20) + "-->"
    path.write_bytes(deflated(SHEET.replace("<sheetData>", padding + "<sheetData>")))
    assert path.stat().st_size < 64 << 10
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    assert f"{path}: error: the workbook unpacks to 4 MiB, more than 1 MiB" in result.stderr


def deflated(sheet: str) -> bytes:
    """The test workbook with ``sheet``, compressed as Excel writes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, text in WORKBOOK_MEMBERS.items():
            book.writestr(name, text)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def test_the_unpacked_size_comes_from_the_zip_directory(tmp_path: Path) -> None:
    path = tmp_path / "2014.xlsx"
    path.write_bytes(deflated(" " * (300 << 20)))  # a 300 MiB sheet, 300 KB packed
    read = read_results([path])
    assert [e.format() for e in read.errors] == [
        f"{path}: error: the workbook unpacks to 300 MiB, more than 256 MiB:"
        " save the sheet as CSV, or split it [over-limit]"
    ]


def test_a_formula_without_a_saved_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    sheet = SHEET.replace('<c r="C2"><v>4.51</v></c>', '<c r="C2"><f>A1*2</f></c>')
    path = tmp_path / "2014.xlsx"
    path.write_bytes(workbook(sheet))
    result = evaluate(str(path))
    assert_clean_exit(result, (2,), [str(path)])
    assert result.stderr == (
        f"{path}[Ark1]:2:3: error: formula without a saved value: open and save it in Excel"
        " (kpi never evaluates formulas) [formula-without-value]\n"
    )


def test_a_formula_with_a_saved_value_reads_that_value(tmp_path: Path) -> None:
    sheet = SHEET.replace('<c r="C2"><v>4.51</v></c>', '<c r="C2"><f>1+1</f><v>4.51</v></c>')
    path = tmp_path / "2014.xlsx"
    path.write_bytes(workbook(sheet))
    assert [r.value for r in read_results([path]).rows] == [Decimal("4.51")]
