"""`kpi evaluate` on the streamed DuckDB path (kpi_cli/cli/streaming.py): when it runs, that it
prints the report path's bytes, stderr and exit code, Parquet in and out, and what it leaves to
the report path (README: "Large inputs: the DuckDB engine")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import REPO_ROOT

from kpi_cli.sql import choice

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

# -v in the examples' language, nb (issue 24: every line in the output language)
STREAMED = "kpi: motor: duckdb (--engine duckdb), strømmet (vurdert og skrevet av DuckDB)"
STREAMED_EN = "kpi: engine: duckdb (--engine duckdb), streamed (rated and written by DuckDB)"
# Made-up examples the stream writes (target ranges, band versions by year and org unit,
# values beyond every band, gaps, tolerance levels).
EXAMPLES = {
    "printed": ("examples/printed/results-2015.csv", "examples/printed/indicators.yaml"),
    "service areas": ("examples/service-areas/results-2015-2017.csv", "examples/service-areas/indicators.yaml"),
    "tolerance": ("examples/tolerance/results.csv", "examples/tolerance/indicators.yaml"),
}
MIDDLE_LEVEL = {"printed": "accepted", "service areas": "accepted", "tolerance": "akseptabelt"}


def without_engine_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("kpi: engine:")]


@pytest.mark.usefixtures("repo_root")
@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize("options", ["none", "strict gate", "quiet, ignoring", "an earlier year"])
def test_the_stream_prints_what_the_report_prints(
    kpi: Callable[..., Result], example: str, fmt: str, options: str
) -> None:
    results, definitions = EXAMPLES[example]
    gate = {
        "none": [],
        "strict gate": ["--fail-on", MIDDLE_LEVEL[example], "--fail-on-missing", "--fail-on-regression"],
        "quiet, ignoring": ["-q", "--ignore", "beyond-bands", "--ignore", "no-bands"],
        "an earlier year": ["--year", "2015", "--fail-on-regression"],
    }[options]
    args = [results, "--indicators", definitions, "--format", fmt, *gate, "--lang", "en"]
    python = kpi("evaluate", *args, "--engine", "python")
    streamed = kpi("evaluate", *args, "--engine", "duckdb", "-v")
    assert STREAMED_EN in streamed.stderr.splitlines()
    assert streamed.stdout_bytes == python.stdout_bytes
    assert streamed.exit_code == python.exit_code
    python_v = kpi("evaluate", *args, "--engine", "python", "-v")
    streamed_lines = without_engine_lines(streamed.stderr)
    # -v's reading line is the Python reader's own; the rest (accounting, warnings, notes) is the same
    assert [line for line in streamed_lines if " read " not in line or " = " in line] == [
        line for line in without_engine_lines(python_v.stderr) if " read " not in line or " = " in line
    ]


@pytest.mark.usefixtures("repo_root")
def test_a_beyond_band_warning_is_located_at_its_row(kpi: Callable[..., Result]) -> None:
    results, definitions = EXAMPLES["printed"]
    streamed = kpi("evaluate", results, "--indicators", definitions, "--format", "json", "--engine", "duckdb", "-v")
    assert STREAMED in streamed.stderr.splitlines()
    assert any(line.startswith(f"{results}:") and "[beyond-bands]" in line for line in streamed.stderr.splitlines())


def test_a_file_with_quotes_goes_through_the_report(kpi: Callable[..., Result], tmp_path: Path) -> None:
    # Made up: a quoted cell may hold a line break, so only the Python reader knows each row's line.
    path = tmp_path / "2014.csv"
    path.write_text('indikator;verdi\n"L.1.1";4,51\nL.1.2;4,72\n', encoding="utf-8")
    definitions = REPO_ROOT / "examples/tolerance/indicators.yaml"
    args = [str(path), "--indicators", str(definitions), "--format", "json", "--year", "2014"]
    streamed = kpi("evaluate", *args, "--engine", "duckdb", "-v")
    why = f"{path} har anførselstegn eller tomme linjer: radenes linjenumre kommer fra Python-leseren"
    assert f"kpi: motor: duckdb (--engine duckdb), gjennom rapporten: {why}" in streamed.stderr.splitlines()
    assert streamed.stdout_bytes == kpi("evaluate", *args, "--engine", "python").stdout_bytes


@pytest.mark.usefixtures("repo_root")
def test_a_bad_row_is_reported_by_the_python_reader(kpi: Callable[..., Result], tmp_path: Path) -> None:
    # Made up: the second value is no number; the error line is the Python reader's, whatever the engine.
    path = tmp_path / "results.csv"
    path.write_text("indikator;år;verdi\nL.1.1;2014;4,51\nL.1.2;2014;ca 4\n", encoding="utf-8")
    args = [str(path), "--format", "jsonl"]
    python = kpi("evaluate", *args, "--engine", "python")
    streamed = kpi("evaluate", *args, "--engine", "duckdb")
    assert (streamed.exit_code, streamed.stderr) == (python.exit_code, python.stderr)
    assert streamed.exit_code == 2
    assert streamed.stderr.startswith(f"{path}:3: error: L.1.2:")


@pytest.mark.usefixtures("repo_root")
def test_rated_rows_as_parquet(kpi: Callable[..., Result], tmp_path: Path) -> None:
    results, definitions = EXAMPLES["service areas"]
    out = tmp_path / "rated.parquet"
    written = kpi("evaluate", results, "--indicators", definitions, "-o", str(out), "--engine", "duckdb")
    python = kpi("evaluate", results, "--indicators", definitions, "--format", "jsonl", "--engine", "python")
    assert written.exit_code == python.exit_code, written.stderr
    rows = duckdb.sql(f"SELECT indicator, year, org_unit, status, source.line FROM '{out}'").fetchall()

    expected = [json.loads(line) for line in python.stdout.splitlines()]
    assert rows == [
        (r["indicator"], r["year"], r["org_unit"], r["status"], r["source"]["line"] if r["source"] else None)
        for r in expected
    ]


@pytest.mark.usefixtures("repo_root")
def test_parquet_in_jsonl_out(kpi: Callable[..., Result], tmp_path: Path) -> None:
    # Made up: two values as a Parquet file; auto takes DuckDB for Parquet.
    path = tmp_path / "2014.parquet"
    duckdb.sql(
        f"COPY (SELECT * FROM (VALUES ('K.2.1', 2016, '4,51'), ('K.1.1', 2016, '91 %')) t(indicator, year, value))"
        f" TO '{path}' (FORMAT parquet)"
    )
    definitions = EXAMPLES["tolerance"][1]
    result = kpi("evaluate", str(path), "--indicators", definitions, "--format", "jsonl", "-v")
    assert "kpi: motor: duckdb (auto: Parquet-filer), strømmet (vurdert og skrevet av DuckDB)" in result.stderr
    same_csv = tmp_path / "2014.csv"
    same_csv.write_text("indikator;år;verdi\nK.2.1;2016;4,51\nK.1.1;2016;91 %\n", encoding="utf-8")
    python = kpi("evaluate", str(same_csv), "--indicators", definitions, "--format", "jsonl", "--engine", "python")
    rated = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [json.loads(line) for line in python.stdout.splitlines()]
    assert [(r["indicator"], r["status"], r["reason"]) for r in rated] == [
        (r["indicator"], r["status"], r["reason"]) for r in expected
    ]
    # a Parquet row's line is its row number: K.2.1 is the first row
    assert [r["source"] for r in rated] == [
        {"path": str(path), "line": 2},
        {"path": str(path), "line": 1},
        None,
    ]
    assert [r["source"]["line"] if r["source"] else None for r in expected] == [3, 2, None]


@pytest.mark.usefixtures("repo_root")
def test_parquet_output_needs_the_duckdb_engine(kpi: Callable[..., Result], tmp_path: Path) -> None:
    results, definitions = EXAMPLES["tolerance"]
    result = kpi(
        "evaluate", results, "--indicators", definitions, "-o", str(tmp_path / "x.parquet"), "--engine", "python"
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpi: error: Parquet output is written by the DuckDB engine: --engine duckdb, CSV or Parquet input [usage]"
    ]
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.usefixtures("repo_root")
def test_auto_writes_parquet_from_a_small_csv(kpi: Callable[..., Result], tmp_path: Path) -> None:
    """Only DuckDB writes Parquet: auto takes it whatever the input's size."""
    results, definitions = EXAMPLES["tolerance"]
    out = tmp_path / "rated.parquet"
    written = kpi("evaluate", results, "--indicators", definitions, "-o", str(out), "-v")
    assert "kpi: motor: duckdb (auto: Parquet-utdata), strømmet (vurdert og skrevet av DuckDB)" in written.stderr
    python = kpi("evaluate", results, "--indicators", definitions, "--format", "jsonl", "--engine", "python")
    assert written.exit_code == python.exit_code
    statuses = duckdb.sql(f"SELECT indicator, org_unit, status FROM '{out}'").fetchall()
    expected = [json.loads(line) for line in python.stdout.splitlines()]
    assert statuses == [(r["indicator"], r["org_unit"], r["status"]) for r in expected]


@pytest.mark.usefixtures("repo_root")
def test_auto_streams_from_a_size(kpi: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results, definitions = EXAMPLES["tolerance"]
    small = kpi("evaluate", results, "--indicators", definitions, "--format", "json", "-v")
    assert not any("streamed" in line for line in small.stderr.splitlines())
    monkeypatch.setattr(choice, "STREAM_FROM_BYTES", Path(results).stat().st_size)
    large = kpi("evaluate", results, "--indicators", definitions, "--format", "json", "-v")
    size = Path(results).stat().st_size / 1e6
    mb = f"{size:.1f}".replace(".", ",")
    assert f"kpi: motor: duckdb (auto: {mb} MB inndata), strømmet (vurdert og skrevet av DuckDB)" in (
        large.stderr.splitlines()
    )
    assert large.stdout_bytes == small.stdout_bytes


@pytest.mark.usefixtures("repo_root")
def test_a_long_list_of_failing_results_is_cut_where_the_report_path_cuts_it(
    kpi: Callable[..., Result], tmp_path: Path
) -> None:
    # Made up: 900 org units not approved, more names than a stderr line holds (MAX_MESSAGE_CHARS).
    path = tmp_path / "results.csv"
    rows = [f"K.1.1;2016;Enhet {number:03d};50 %" for number in range(900)]
    path.write_text("indikator;år;enhet;verdi\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = [str(path), "--indicators", EXAMPLES["tolerance"][1], "--format", "json", "--lang", "en"]
    python = kpi("evaluate", *args, "--engine", "python")
    streamed = kpi("evaluate", *args, "--engine", "duckdb")
    assert streamed.exit_code == python.exit_code == 1
    assert streamed.stdout_bytes == python.stdout_bytes
    assert streamed.stderr == python.stderr
    assert "kpi: 900 results fail --fail-on uakseptabelt: K.1.1 (Enhet 000), K.1.1 (Enhet 001)" in streamed.stderr


@pytest.mark.usefixtures("repo_root")
@pytest.mark.parametrize(
    ("comment", "path"),
    [
        ("kontrollert\u00a0", "streamed"),  # DuckDB's TRIM, like str.strip(), removes Unicode spaces
        ("\u2003kontrollert", "streamed"),
        ("ny\tmetode", "report"),  # a control character: JSON escapes it, in another case than Python
        ("ny \x1b[31mmetode", "report"),
    ],
)
def test_text_the_python_reader_would_read_otherwise_goes_through_the_report(
    kpi: Callable[..., Result], tmp_path: Path, comment: str, path: str
) -> None:
    # Made up: a comment with whitespace at an end, or a control character.
    results = tmp_path / "results.csv"
    results.write_text(f"indikator;år;verdi;kommentar\nK.1.1;2016;91 %;{comment}\n", encoding="utf-8")
    args = [str(results), "--indicators", EXAMPLES["tolerance"][1], "--format", "json"]
    streamed = kpi("evaluate", *args, "--engine", "duckdb", "-v")
    said = {
        "streamed": STREAMED,
        "report": "kpi: motor: duckdb (--engine duckdb), gjennom rapporten: noen rader er ikke enkle: "
        "Python-leseren leser dem",
    }[path]
    assert said in streamed.stderr.splitlines()
    assert streamed.stdout_bytes == kpi("evaluate", *args, "--engine", "python").stdout_bytes
