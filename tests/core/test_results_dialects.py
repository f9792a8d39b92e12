"""Each results dialect a Norwegian analyst meets gives the same ratings as plain UTF-8.

The fixtures in tests/fixtures/dialects/ hold made-up values (see its README).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import cli_runner

from kpi_cli import load_definitions, read_results
from kpi_cli.cli import main
from kpi_cli.rating.evaluate import evaluate_results
from kpi_cli.results.dialects import SourceKind

ROOT = Path(__file__).resolve().parents[2]
DIALECTS = ROOT / "tests" / "fixtures" / "dialects"
EXPECTED = {
    "L.1.1": "accepted",  # 4,47: in the gap between 4 - 4,4 and 4,5 - 6, policy worse
    "L.1.2": "not_approved",  # 3,9
    "L.2.1": "accepted",  # 5: in the gap (4,9, 5]
    "L.2.2": "not_phased_in",
    "L.2.3": "not_phased_in",
}
FILES = ["plain-2016.csv", "excel-2016.csv", "bom-2016.csv", "tab-2016.tsv", "unicode-text-2016.txt", "wide.csv"]


def statuses(path: Path, **options: object) -> dict[str, str]:
    scorecard = load_definitions(ROOT / "indicators.yaml")
    read = read_results([path], **options)  # type: ignore[arg-type]
    report = evaluate_results(scorecard, read, 2016)
    return {r.indicator.id: r.status.value for r in report.results}


@pytest.mark.parametrize("name", FILES)
def test_every_dialect_rates_like_plain_utf8(name: str) -> None:
    assert statuses(DIALECTS / name) == EXPECTED


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "layout"),
    [
        ("plain-2016.csv", "utf-8", ",", "long"),
        ("excel-2016.csv", "cp1252", ";", "long"),
        ("bom-2016.csv", "utf-8-sig", ";", "long"),
        ("tab-2016.tsv", "utf-8", "\t", "long"),
        ("unicode-text-2016.txt", "utf-16", "\t", "long"),
        ("wide.csv", "utf-8", ";", "wide"),
    ],
)
def test_detection_is_reported(name: str, encoding: str, delimiter: str, layout: str) -> None:
    read = read_results([DIALECTS / name])
    (log,) = read.logs
    assert (log.encoding, log.delimiter, log.layout) == (encoding, delimiter, layout)
    assert log.results_read == 5
    assert read.errors == []


def test_windows_1252_keeps_norwegian_letters(tmp_path: Path) -> None:
    # Made-up value, org unit name with æøå written as Norwegian Excel does.
    path = tmp_path / "enheter-2014.csv"
    path.write_bytes(
        "Indikator;Tjenesteområde;Verdi\r\nL.1.1;Helse og omsorg;4,6\r\nL.1.1;Økonomi;4,2\r\n".encode("cp1252")
    )
    read = read_results([path])
    assert [row.org_unit for row in read.rows] == ["Helse og omsorg", "Økonomi"]


def test_quoted_field_with_delimiter_and_line_break_keeps_line_numbers() -> None:
    read = read_results([DIALECTS / "excel-2016.csv"])
    # Each record spans two physical lines: records start on lines 2, 4, 6, 8, 10.
    assert [row.location.line for row in read.rows if row.location] == [2, 4, 6, 8, 10]


def test_encoding_and_delimiter_overrides(tmp_path: Path) -> None:
    path = tmp_path / "x-2016.csv"
    shutil.copy(DIALECTS / "excel-2016.csv", path)
    assert statuses(path, encoding="cp1252", delimiter=";") == EXPECTED
    read = read_results([path], encoding="utf-8")
    assert read.errors and "not valid utf-8" in read.errors[0].message


def test_verbose_names_encoding_and_delimiter_and_balances() -> None:
    result = cli_runner().invoke(
        main,
        [
            "evaluate",
            "-v",
            str(DIALECTS / "excel-2016.csv"),
            "--indicators",
            str(ROOT / "indicators.yaml"),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 1  # L.1.2 is not approved
    assert "encoding cp1252, delimiter ';', long table, 5 results" in result.stderr
    assert "kpi: 5 results read = 3 rated + 0 shown, not rated + 2 without a result + 0 rejected" in result.stderr


def test_verbose_accounts_for_rejected_rows() -> None:
    bad = ROOT / "tests" / "fixtures" / "bad-2014.csv"
    args = ["evaluate", "-v", str(bad), "--indicators", str(ROOT / "indicators.yaml"), "--lang", "en"]
    result = cli_runner().invoke(main, args)
    assert result.exit_code == 2
    assert "kpi: 4 results read = 0 rated + 0 shown, not rated + 0 without a result + 4 rejected" in (result.stderr)
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [line.split(": error: ")[0] for line in lines] == [f"{bad}:{n}" for n in (2, 3, 4, 5)]


def test_column_mapping_reads_a_kostra_style_download(tmp_path: Path) -> None:
    # Made-up numbers in the shape of an SSB/KOSTRA download.
    path = tmp_path / "kostra.csv"
    path.write_text(
        '"region";"statistikkvariabel";"år";"Nøkkeltall"\n"0220 Asker";"L.1.1";"2016";"4,8"\n', encoding="utf-8"
    )
    read = read_results([path], columns={"indicator": "statistikkvariabel", "value": "Nøkkeltall"})
    assert read.errors == []
    assert [(r.indicator, r.year, str(r.value)) for r in read.rows] == [("L.1.1", 2016, "4.8")]
    result = cli_runner().invoke(
        main,
        [
            "evaluate",
            str(path),
            "--indicators",
            str(ROOT / "indicators.yaml"),
            "--column",
            "indicator=statistikkvariabel",
            "--column",
            "value=Nøkkeltall",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [(r["indicator"], r["status"]) for r in document["results"] if r["value"] is not None] == [
        ("L.1.1", "desired")
    ]


def test_bad_column_mapping_is_a_usage_error(tmp_path: Path) -> None:
    result = cli_runner().invoke(
        main,
        ["evaluate", str(DIALECTS / "plain-2016.csv"), "--indicators", str(ROOT / "indicators.yaml"), "--column", "x"],
    )
    assert result.exit_code == 2
    assert "ROLE=HEADER" in result.stderr
    result = cli_runner().invoke(
        main,
        [
            "evaluate",
            str(DIALECTS / "plain-2016.csv"),
            "--indicators",
            str(ROOT / "indicators.yaml"),
            "--column",
            "colour=x",
        ],
    )
    assert result.exit_code == 2
    assert "the role must be one of indicator, year, value, org_unit" in result.stderr
    assert "Traceback" not in result.output


def test_columns_in_definitions_and_aliases(tmp_path: Path) -> None:
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(
        (ROOT / "indicators.yaml")
        .read_text(encoding="utf-8")
        .replace("language: nb\n", "language: nb\ncolumns:\n  value: Nøkkeltall\n")
        .replace("          - id: L.1.1\n", "          - id: L.1.1\n            aliases: [Læringskultur]\n"),
        encoding="utf-8",
    )
    path = tmp_path / "2016.csv"
    path.write_text("indikator;Nøkkeltall\nLæringskultur;4,1\n", encoding="utf-8")  # made up
    result = cli_runner().invoke(main, ["evaluate", str(path), "--indicators", str(definitions), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (rated,) = [r for r in json.loads(result.stdout)["results"] if r["value"] is not None]
    assert (rated["indicator"], rated["status"]) == ("L.1.1", "accepted")


def test_a_folder_and_several_files_with_a_duplicate_across_them(tmp_path: Path) -> None:
    (tmp_path / "a-2016.csv").write_text("indikator;verdi\nL.1.1;4,6\n", encoding="utf-8")  # made up
    (tmp_path / "b-2016.csv").write_text("indikator;verdi\nL.1.2;4,7\nL.1.1;4,6\n", encoding="utf-8")  # made up
    (tmp_path / "notes.md").write_text("not a results file", encoding="utf-8")
    result = cli_runner().invoke(main, ["evaluate", str(tmp_path), "--indicators", str(ROOT / "indicators.yaml")])
    assert result.exit_code == 2
    first, second = tmp_path / "a-2016.csv", tmp_path / "b-2016.csv"
    assert (
        result.stderr.strip()
        == f"{second}:3: error: dobbelt resultat for L.1.1 2016: allerede gitt på {first}:2 [duplicate-result]"
    )


def test_xlsx_reads_like_csv(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Resultater"
    sheet.append(["Indikator", "År", "Verdi", "Kommentar"])
    for indicator, value in [("L.1.1", 4.47), ("L.1.2", 3.9), ("L.2.1", 5), ("L.2.2", "Ny indikator fra 2017")]:
        sheet.append([indicator, 2016, value, "oppdiktet (made up)"])
    sheet.append(["L.2.3", 2016, None, None])
    other = book.create_sheet("Notater")
    other.append(["Indikator", "År", "Verdi"])
    other.append(["L.1.1", 2016, "ca 4"])
    path = tmp_path / "resultater.xlsx"
    book.save(path)
    assert statuses(path) == EXPECTED
    [log] = read_results([path]).logs
    assert (log.kind, log.sheet, log.encoding, log.delimiter) == (SourceKind.EXCEL, "Resultater", "", "")
    args = ["evaluate", "-v", str(path), "--indicators", str(ROOT / "indicators.yaml"), "--lang", "en"]
    verbose = cli_runner().invoke(main, args)
    assert f"{path}: read sheet Resultater, long table, 5 results" in verbose.stderr
    read = read_results([path], sheet="Notater")
    assert [e.format() for e in read.errors] == [
        f"{path}[Notater]:2: error: L.1.1: value 'ca 4' is not a number [invalid-value]"
    ]
    read = read_results([path], sheet="Finnes ikke")
    assert read.errors[0].message == "no sheet 'Finnes ikke'; sheets: Resultater, Notater"


def test_xlsx_without_openpyxl_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name: str, *args: object, **kwargs: object) -> object:
        if name == "openpyxl":
            raise ImportError("no openpyxl")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK")
    read = read_results([path])
    assert read.errors[0].format() == (
        f"{path}: error: reading .xlsx needs openpyxl: pip install 'kpi-cli[excel]' (or save the sheet as CSV)"
        " [unreadable-file]"
    )


def test_damaged_xlsx_is_a_located_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"not a zip file")
    result = cli_runner().invoke(main, ["evaluate", str(path), "--indicators", str(ROOT / "indicators.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: error: cannot read Excel file")
    assert "Traceback" not in result.output
