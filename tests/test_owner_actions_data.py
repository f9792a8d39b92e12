"""Owner and actions in the formats for scripts (JSON, JSON lines, CSV, Parquet, JUnit, GitHub):
the owner once per indicator in JSON, the actions beside each result's comment; the DuckDB stream
writes the same bytes. The owners and actions are made up; the definitions are
examples/printed's with owners added."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import REPO_ROOT

PRINTED = REPO_ROOT / "examples" / "printed" / "indicators.yaml"
RESULTS = (
    "indikator;år;verdi;kommentar;tiltak\n"
    "S.1.1;2015;250;Få byggesaker (made up);Ny reguleringsplan (made up)\n"
    "S.1.2;2015;1,21;;\n"
)


@pytest.fixture
def owned(workdir: Path) -> Path:
    """examples/printed's definitions with made-up owners: goal S.1's, and S.1.2's own."""
    text = PRINTED.read_text(encoding="utf-8")
    text = text.replace("        name: Vekst\n", "        name: Vekst\n        owner: Plansjef (made up)\n", 1)
    text = text.replace("          - id: S.1.2\n", "          - id: S.1.2\n            owner: Rådmann (made up)\n", 1)
    assert text.count("owner:") == 2
    (workdir / "indicators.yaml").write_text(text, encoding="utf-8")
    (workdir / "2015.csv").write_text(RESULTS, encoding="utf-8")
    return workdir


def test_json_writes_the_owner_once_per_indicator_and_the_actions_per_result(owned: Path, kpi) -> None:
    document = json.loads(kpi("evaluate", "2015.csv", "--format", "json", "--engine", "python").stdout)
    owners = {ident: item["owner"] for ident, item in document["indicators"].items() if ident.startswith("S.1.")}
    assert owners == {
        "S.1.1": "Plansjef (made up)",
        "S.1.2": "Rådmann (made up)",
        "S.1.3": "Plansjef (made up)",
        "S.1.4": "Plansjef (made up)",
    }
    said = {(r["indicator"], r["comment"], r["actions"]) for r in document["results"] if r["indicator"] < "S.1.3"}
    assert said == {
        ("S.1.1", "Få byggesaker (made up)", "Ny reguleringsplan (made up)"),
        ("S.1.2", None, None),
    }
    assert all("owner" not in r for r in document["results"])


def test_json_lines_write_the_actions(owned: Path, kpi) -> None:
    lines = kpi("evaluate", "2015.csv", "--format", "jsonl", "--engine", "python").stdout.splitlines()
    actions = {json.loads(line)["indicator"]: json.loads(line)["actions"] for line in lines}
    assert actions["S.1.1"] == "Ny reguleringsplan (made up)"
    assert actions["S.1.2"] is None


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_both_engines_write_the_same_owner_and_actions(owned: Path, kpi: Callable[..., Result], fmt: str) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    python = kpi("evaluate", "2015.csv", "--format", fmt, "--engine", "python")
    streamed = kpi("evaluate", "2015.csv", "--format", fmt, "--engine", "duckdb", "-v")
    assert "kpi: motor: duckdb (--engine duckdb), strømmet (vurdert og skrevet av DuckDB)" in streamed.stderr
    assert streamed.exit_code == python.exit_code
    assert streamed.stdout_bytes == python.stdout_bytes
    assert "Ny reguleringsplan (made up)" in python.stdout


def test_parquet_has_the_actions_column(owned: Path, kpi: Callable[..., Result]) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("sqlglot")
    out = owned / "rated.parquet"
    kpi("evaluate", "2015.csv", "-o", str(out), "--engine", "duckdb")
    rows = duckdb.sql(f"SELECT indicator, comment, actions FROM '{out}' WHERE indicator < 'S.1.3'").fetchall()
    assert sorted(rows) == [
        ("S.1.1", "Få byggesaker (made up)", "Ny reguleringsplan (made up)"),
        ("S.1.2", None, None),
    ]


def test_csv_has_actions_and_owner_columns_and_reads_back(owned: Path, kpi) -> None:
    from kpi_cli.results.read import read_results

    out = owned / "out.csv"
    kpi("evaluate", "2015.csv", "-o", str(out), "--engine", "python")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    header = list(rows[0])
    assert header[header.index("kommentar") :] == ["kommentar", "tiltak", "ansvarlig"]
    cells = {r["indikator"]: (r["kommentar"], r["tiltak"], r["ansvarlig"]) for r in rows if r["indikator"] < "S.1.3"}
    assert cells == {
        "S.1.1": ("Få byggesaker (made up)", "Ny reguleringsplan (made up)", "Plansjef (made up)"),
        "S.1.2": ("", "", "Rådmann (made up)"),
    }
    read = {row.indicator: (row.comment, row.actions) for row in read_results([out]).rows}
    assert read["S.1.1"] == ("Få byggesaker (made up)", "Ny reguleringsplan (made up)")
    assert read["S.1.2"] == (None, None)


def test_csv_in_english_names_the_columns_actions_and_owner(owned: Path, kpi) -> None:
    out = kpi("evaluate", "2015.csv", "--format", "csv", "--lang", "en", "--engine", "python").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[-3:] == ["comment", "actions", "owner"]
    assert (rows[0]["indicator"], rows[0]["actions"], rows[0]["owner"]) == (
        "S.1.1",
        "Ny reguleringsplan (made up)",
        "Plansjef (made up)",
    )


def test_junit_failure_says_owner_and_actions(owned: Path, kpi) -> None:
    out = kpi("evaluate", "2015.csv", "--format", "junit", "--fail-on", "accepted", "--engine", "python").stdout
    failures = {case.get("name", "").split()[0]: case.find("failure") for case in ET.fromstring(out).iter("testcase")}
    first = failures["S.1.1"]
    assert first is not None
    said = "Kommentar: Få byggesaker (made up) · Ansvarlig: Plansjef (made up) · Tiltak: Ny reguleringsplan (made up)"
    assert first.get("message", "").endswith(f" – {said}")
    assert said in (first.text or "").splitlines()
    second = failures["S.1.2"]
    assert second is not None
    assert second.get("message", "").endswith(" – Ansvarlig: Rådmann (made up)")


def test_github_annotation_says_owner_and_actions(owned: Path, kpi) -> None:
    out = kpi("evaluate", "2015.csv", "--format", "github", "--engine", "python").stdout.splitlines()
    first = next(line for line in out if "title=S.1.1 " in line)
    assert first.endswith(
        " – Kommentar: Få byggesaker (made up) · Ansvarlig: Plansjef (made up) · Tiltak: Ny reguleringsplan (made up)"
    )
    second = next(line for line in out if "title=S.1.2 " in line)
    assert second.endswith(" – Ansvarlig: Rådmann (made up)")
