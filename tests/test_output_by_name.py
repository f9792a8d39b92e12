"""`-o FILE` takes the report's format from the file's name (.html, .md, .csv, .json, ...);
--format that disagrees with the name, and a name whose ending says no format, are usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_RESULTS

SUFFIXES = ".html, .htm, .md, .csv, .json, .jsonl, .xml, .xlsx, .docx, .pdf, .parquet"


@pytest.fixture
def seed(workdir: Path) -> Path:
    (workdir / "2014.csv").write_bytes(SEED_RESULTS.read_bytes())
    return workdir


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("rapport.html", "html"),
        ("rapport.htm", "html"),
        ("RAPPORT.HTML", "html"),
        ("rapport.md", "markdown"),
        ("rapport.csv", "csv"),
        ("rapport.json", "json"),
        ("rapport.jsonl", "jsonl"),
        ("rapport.xml", "junit"),
    ],
)
def test_the_name_picks_the_format(seed: Path, kpi, assert_ok, name: str, fmt: str) -> None:
    assert_ok(kpi("evaluate", "2014.csv", "-o", name))
    by_name = (seed / name).read_bytes()
    assert_ok(kpi("evaluate", "2014.csv", "--format", fmt, "-o", "given" + Path(name).suffix))
    assert by_name == (seed / ("given" + Path(name).suffix)).read_bytes()


def test_an_html_file_is_the_page_not_the_table(seed: Path, kpi, assert_ok) -> None:
    assert_ok(kpi("evaluate", "2014.csv", "-o", "rapport.html"))
    assert (seed / "rapport.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")


def test_no_ending_is_the_table(seed: Path, kpi, assert_ok) -> None:
    assert_ok(kpi("evaluate", "2014.csv", "-o", "rapport"))
    assert_ok(printed := kpi("evaluate", "2014.csv"))
    assert (seed / "rapport").read_text(encoding="utf-8") == printed.stdout


def test_format_given_with_an_ending_that_names_none(seed: Path, kpi, assert_ok) -> None:
    assert_ok(kpi("evaluate", "2014.csv", "--format", "table", "-o", "rapport.txt"))
    assert (seed / "rapport.txt").read_text(encoding="utf-8").startswith("Definisjoner: indicators.yaml")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--format", "json", "-o", "rapport.html"],
            "kpi: error: --format json does not write a .html file: leave out --format, or name it .json [usage]",
        ),
        (
            ["--format", "table", "-o", "rapport.md"],
            "kpi: error: --format table does not write a .md file: leave out --format, or give it another name [usage]",
        ),
        (
            ["-o", "rapport.txt"],
            f"kpi: error: the name rapport.txt says no format: name it {SUFFIXES}, or give --format [usage]",
        ),
    ],
)
def test_a_name_and_format_that_disagree(seed: Path, kpi, assert_error, args: list[str], line: str) -> None:
    assert_error(kpi("evaluate", "2014.csv", *args), [line])
    assert sorted(p.name for p in seed.iterdir()) == ["2014.csv", "indicators.yaml"]


def test_history_and_status_take_the_name_too(seed: Path, kpi, assert_ok, assert_error) -> None:
    assert_ok(kpi("history", "2014.csv", "-o", "historikk.md"))
    assert (seed / "historikk.md").read_text(encoding="utf-8").startswith("Definisjoner: indicators.yaml · ")
    assert_ok(kpi("status", "--year", "2016", "-o", "status.json"))
    assert (seed / "status.json").read_text(encoding="utf-8").startswith("{")
    assert_error(
        kpi("history", "2014.csv", "-o", "historikk.xml"),
        ["kpi: error: kpi history does not write .xml files; it writes .html, .htm, .md, .csv, .json, .jsonl [usage]"],
    )


def test_an_input_named_as_the_output_is_refused_as_an_input(seed: Path, kpi) -> None:
    result = kpi("evaluate", "2014.csv", "--format", "json", "-o", "2014.csv")
    assert result.exit_code == 2
    assert "will not write the report over an input file: 2014.csv" in result.stderr
