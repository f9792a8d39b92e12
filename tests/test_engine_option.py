"""`kpi evaluate --engine`: every format prints the same bytes and exits the same whichever engine
rated (README: "The DuckDB engine"), bad rows give the same error lines, and asking for DuckDB
without it installed is a usage error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import REPO_ROOT

from kpi_cli.sql import choice

FORMATS = ("table", "json", "jsonl", "markdown", "csv", "html", "github", "junit")
EXAMPLES = REPO_ROOT / "examples"
# (results, definitions, extra options): the shipped examples, all made up but the seed.
CASES = {
    "seed": (["results/2014.csv"], "indicators.yaml", []),
    "seed, fail on accepted": (["results/2014.csv"], "indicators.yaml", ["--fail-on", "accepted", "--fail-on-missing"]),
    "org units, versions, history": (
        ["examples/service-areas/results-2015-2017.csv"],
        "examples/service-areas/indicators.yaml",
        [],
    ),
    "org units as a matrix, an earlier year": (
        ["examples/service-areas/results-2015-2017.csv"],
        "examples/service-areas/indicators.yaml",
        ["--by-org-unit", "--year", "2016", "--fail-on-regression"],
    ),
    "computed from measures, rate: change": (
        ["examples/change-and-years/results.csv"],
        "examples/change-and-years/indicators.yaml",
        [],
    ),
    "a value beyond every band": (["examples/printed/results-2015.csv"], "examples/printed/indicators.yaml", []),
    "single targets": (["examples/single-target/results.csv"], "examples/single-target/indicators.yaml", []),
    "tolerance": (["examples/tolerance/results.csv"], "examples/tolerance/indicators.yaml", []),
}


def both(kpi: Callable[..., Result], *args: str) -> tuple[Result, Result]:
    return kpi("evaluate", *args, "--engine", "python"), kpi("evaluate", *args, "--engine", "duckdb")


EVERY_FORMAT = ("seed", "org units, versions, history", "a value beyond every band")
PAIRS = [(case, fmt) for case in CASES for fmt in (FORMATS if case in EVERY_FORMAT else ("table", "json", "csv"))]


@pytest.mark.usefixtures("repo_root")
@pytest.mark.parametrize(("case", "fmt"), PAIRS)
def test_every_format_prints_the_same_bytes_from_either_engine(kpi: Callable[..., Result], case: str, fmt: str) -> None:
    results, definitions, options = CASES[case]
    python, duckdb = both(kpi, *results, "--indicators", definitions, *options, "--format", fmt, "--color", "never")
    assert python.exit_code in (0, 1), python.stderr
    assert duckdb.stdout_bytes == python.stdout_bytes
    assert (duckdb.exit_code, duckdb.stderr) == (python.exit_code, python.stderr)


def test_the_cases_cover_what_they_claim(kpi: Callable[..., Result], repo_root: Path) -> None:
    """The beyond-band case warns, the service areas fail a gate: the comparisons above are not vacuous."""
    beyond = kpi(
        "evaluate", *CASES["a value beyond every band"][0], "--indicators", CASES["a value beyond every band"][1]
    )
    assert "[beyond-bands]" in beyond.stderr
    results, definitions, _ = CASES["computed from measures, rate: change"]
    gate = kpi("evaluate", *results, "--indicators", definitions, "--engine", "duckdb", "--lang", "en")
    assert gate.exit_code == 1
    assert "2 results fail --fail-on not_approved: T.1.2, T.2.2" in gate.stderr


@pytest.mark.usefixtures("workdir")
def test_bad_rows_give_the_same_error_lines_and_exit_2(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    write("indicators.yaml", (REPO_ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    write(
        "bad-2014.csv",
        "indikator;verdi\nL.1.1;4,6\nL.9.9;3\nL.1.2;ca. 4\nL.1.1;4,7\n",  # made up: unknown, unreadable, duplicate
    )
    python, duckdb = both(kpi, "bad-2014.csv")
    assert python.exit_code == 2
    assert python.stderr.count("error:") == 3, python.stderr
    assert (duckdb.exit_code, duckdb.stdout, duckdb.stderr) == (python.exit_code, python.stdout, python.stderr)


@pytest.mark.usefixtures("repo_root")
def test_a_value_outside_the_scale_is_the_same_error(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    made_up = write("outside-2014.csv", "indikator;verdi\nL.1.1;7,5\n")
    python, duckdb = both(kpi, str(made_up))
    assert python.exit_code == 2 and "outside" in python.stderr
    assert (duckdb.exit_code, duckdb.stderr) == (python.exit_code, python.stderr)


@pytest.mark.usefixtures("repo_root")
def test_a_value_that_disagrees_with_its_measures_is_the_same_error(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    # made up: L.2.2 is the share of ideas chosen, 13 of 130 = 10,00, given as 55
    made_up = write("disagrees-2016.csv", "indikator;år;verdi\nideer;2016;130\nideer_valgt;2016;13\nL.2.2;2016;55\n")
    python, duckdb = both(kpi, str(made_up))
    assert python.exit_code == 2 and "[value-disagrees]" in python.stderr
    assert (duckdb.exit_code, duckdb.stdout, duckdb.stderr) == (python.exit_code, python.stdout, python.stderr)


@pytest.mark.usefixtures("repo_root")
def test_verbose_says_which_engine(kpi: Callable[..., Result]) -> None:
    small = kpi("evaluate", "results/2014.csv", "-v", "--lang", "en")
    assert "kpi: engine: python (auto: DuckDB streams csv from 5 MB of CSV, or Parquet)" in small.stderr.splitlines()
    asked = kpi("evaluate", "results/2014.csv", "-v", "--engine", "duckdb", "--lang", "en")
    assert "kpi: engine: duckdb (--engine duckdb)" in asked.stderr.splitlines()
    assert "engine:" not in kpi("evaluate", "results/2014.csv", "--engine", "duckdb").stderr


@pytest.mark.usefixtures("repo_root")
def test_verbose_accounts_for_every_row_the_same_from_either_engine(kpi: Callable[..., Result]) -> None:
    results, definitions, _ = CASES["org units, versions, history"]
    python, duckdb = both(kpi, *results, "--indicators", definitions, "-v", "--lang", "en")
    assert [line for line in duckdb.stderr.splitlines() if "engine:" not in line] == [
        line for line in python.stderr.splitlines() if "engine:" not in line
    ]
    assert any(" results read = " in line for line in python.stderr.splitlines())


@pytest.mark.usefixtures("repo_root")
def test_duckdb_asked_for_but_not_installed_is_a_usage_error(
    kpi: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(choice.importlib.util, "find_spec", lambda name: None)
    result = kpi("evaluate", "results/2014.csv", "--engine", "duckdb")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "the DuckDB engine needs duckdb and sqlglot: pip install 'kpi-cli[scale]'" in result.stderr
    assert kpi("evaluate", "results/2014.csv").exit_code == 0  # auto falls back to the Python core


@pytest.mark.parametrize("case", ["seed", "org units, versions, history", "a value beyond every band", "tolerance"])
def test_duckdb_rates_and_gives_the_cores_report(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Report built from DuckDB's rows equals the core's, and it did come from DuckDB: for clean
    input the core's evaluation is never called on that path."""
    from kpi_cli.definitions.load import load_definitions
    from kpi_cli.rating.evaluate import evaluate_results, year_to_show
    from kpi_cli.results.read import read_results
    from kpi_cli.sql import report

    results, definitions, _ = CASES[case]
    scorecard = load_definitions(REPO_ROOT / definitions)
    read = read_results([REPO_ROOT / path for path in results], columns=dict(scorecard.columns))
    shown = year_to_show(read, None)
    expected = evaluate_results(scorecard, read, shown, strict=False)

    def core_not_wanted(*args: object, **kwargs: object) -> None:
        raise AssertionError("fell back to the core")

    monkeypatch.setattr(report, "evaluate_results", core_not_wanted)
    plain = report._plain
    by_duckdb: list[object] = []
    monkeypatch.setattr(report, "_plain", lambda *args: by_duckdb.append(args) or plain(*args))
    rated = report.evaluate_on_duckdb(scorecard, read, shown, columns=dict(scorecard.columns))
    assert rated == expected
    assert len(by_duckdb) >= 2  # DuckDB's status and band version, not the core's rate_one
    assert rated.row_counts == expected.row_counts
    assert len(rated.results) + len(rated.history) >= 5


@pytest.mark.parametrize("engine", ["auto", "python", "duckdb"])
def test_parquet_for_a_report_is_refused_plainly_by_every_engine(
    kpi: Callable[..., Result], tmp_path: Path, engine: str
) -> None:
    # Made up: one result as a Parquet file. A table needs each row's line and text, which only the
    # Python reader gives, so kpi evaluate says what to do instead of a misleading missing column
    # (the streamed path reads Parquet for json, jsonl and -o FILE.parquet: test_evaluate_streaming.py).
    import duckdb

    path = tmp_path / "2014.parquet"
    duckdb.sql(f"COPY (SELECT 'L.1.1' AS indicator, 2014 AS year, 4.51 AS value) TO '{path}' (FORMAT parquet)")
    result = kpi("evaluate", str(path), "--engine", engine)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}: error: kpi evaluate reads Parquet only on the DuckDB engine's streamed path (--format json, "
        "jsonl or csv, or -o FILE.parquet; -v says why a run is not streamed): export it as CSV for a report "
        "[unreadable-file]"
    ]
