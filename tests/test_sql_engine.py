"""The DuckDB engine (kpi_cli.sql.engine) reads what the Python reader reads and rates it the
same; where it is not sure of a file, the Python reader reads it, and errors read the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT, SEED_INDICATORS
from sql_engines import assert_agree, outcome

from kpi_cli.definitions.load import load_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.rating.evaluate import evaluate_results, year_to_show
from kpi_cli.results.read import read_results

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from kpi_cli.sql.engine import rate  # noqa: E402

DIALECTS = REPO_ROOT / "tests" / "fixtures" / "dialects"
EXAMPLE = REPO_ROOT / "examples" / "service-areas"


def check(definitions: Path, files: list[Path], read_by: str) -> None:
    scorecard = load_definitions(definitions)
    rated = rate(scorecard, files)
    assert rated.read_by == read_by
    read = read_results(files)
    found = dict(outcome(row) for row in rated.relation.fetchall())
    assert_agree(scorecard, read.rows, year_to_show(read, None), found, f"duckdb engine ({read_by})")


@pytest.mark.parametrize(
    "name", ["plain-2016.csv", "excel-2016.csv", "bom-2016.csv", "tab-2016.tsv", "unicode-text-2016.txt"]
)
def test_duckdb_reads_every_csv_dialect_and_rates_as_the_core(name: str) -> None:
    check(SEED_INDICATORS, [DIALECTS / name], "duckdb")


def test_org_units_versions_and_years_rate_as_the_core() -> None:
    check(EXAMPLE / "indicators.yaml", [EXAMPLE / "results-2015-2017.csv"], "duckdb")


def test_a_value_beyond_every_band_with_no_scale_is_rated_by_the_outermost_band() -> None:
    printed = REPO_ROOT / "examples" / "printed"  # made up; Ø.2.1 -0,3 lies below '0 % negativt avvik'
    check(printed / "indicators.yaml", [printed / "results-2015.csv"], "duckdb")
    rated = rate(load_definitions(printed / "indicators.yaml"), [printed / "results-2015.csv"])
    beyond = rated.relation.filter("beyond = 1").project("indicator, status, in_gap, error").fetchall()
    assert beyond == [("Ø.2.1", "desired", 1, None)]


def test_a_wide_table_is_read_by_the_python_reader() -> None:
    check(SEED_INDICATORS, [DIALECTS / "wide.csv"], "python")


def test_values_only_the_python_reader_reads_send_the_file_to_it(tmp_path: Path) -> None:
    made_up = tmp_path / "units-2014.csv"
    made_up.write_text("indikator;verdi\nL.1.1;4,6 poeng\nL.1.2;1 234,5 %\n", encoding="utf-8")
    with pytest.raises(KpiErrors):  # 1 234,5 is outside the scale 1-6: the Python reader's message
        rate(load_definitions(SEED_INDICATORS), [made_up])
    made_up.write_text("indikator;verdi\nL.1.1;4,6 poeng\nL.1.2;4 %\n", encoding="utf-8")
    check(SEED_INDICATORS, [made_up], "python")


def test_a_parquet_file_is_read_by_name(tmp_path: Path) -> None:
    rows = read_results([EXAMPLE / "results-2015-2017.csv"]).rows
    target = tmp_path / "results.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE t (indikator VARCHAR, år INT, tjenesteområde VARCHAR, verdi DECIMAL(38, 15))")
    con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", [(r.indicator, r.year, r.org_unit, r.value) for r in rows])
    con.execute(f"COPY t TO '{target}' (FORMAT parquet)")
    con.close()
    scorecard = load_definitions(EXAMPLE / "indicators.yaml")
    rated = rate(scorecard, [target])
    assert rated.read_by == "duckdb"
    assert_agree(scorecard, rows, 2017, dict(outcome(row) for row in rated.relation.fetchall()), "parquet")


def test_errors_are_the_python_readers_located_messages() -> None:
    bad = REPO_ROOT / "tests" / "fixtures" / "bad-2014.csv"
    scorecard = load_definitions(SEED_INDICATORS)
    with pytest.raises(KpiErrors) as caught:
        rate(scorecard, [bad])
    with pytest.raises(KpiErrors) as expected:
        evaluate_results(scorecard, read_results([bad]), 2014)
    assert [e.format() for e in caught.value.errors] == [e.format() for e in expected.value.errors]
    assert len(caught.value.errors) == 4


def test_a_value_outside_the_scale_in_clean_looking_rows_is_reported_at_its_line(tmp_path: Path) -> None:
    made_up = tmp_path / "typo-2014.csv"
    made_up.write_text("indikator;verdi\nL.1.1;4,6\nL.1.2;47,1\n", encoding="utf-8")
    with pytest.raises(KpiErrors) as caught:
        rate(load_definitions(SEED_INDICATORS), [made_up])
    assert [e.format() for e in caught.value.errors] == [
        f"{made_up}:3: error: L.1.2: value 47,1 is outside the scale 1 - 6 (score 1-6): a typing error?"
        " [value-outside-scale]"
    ]


def test_the_rated_rows_are_written_as_json_lines_csv_and_parquet(tmp_path: Path) -> None:
    import json

    rated = rate(load_definitions(EXAMPLE / "indicators.yaml"), [EXAMPLE / "results-2015-2017.csv"])
    for name in ("out.jsonl", "out.csv", "out.parquet"):
        rated.write(str(tmp_path / name))
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 45
    assert lines[0] == {
        "indicator": "L.1.1",
        "year": 2015,
        "org_unit": None,
        "value": 4.51,
        "status": "desired",
        "bands_from": None,
        "bands_org_unit": None,
        "in_gap": 0,
        "beyond": 0,
        "error": None,
    }
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'out.parquet'}'").fetchall() == [(45,)]
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("indicator,year,org_unit,value,status")
    with pytest.raises(ValueError, match=r"write \.jsonl"):
        rated.write(str(tmp_path / "out.txt"))


@pytest.mark.parametrize(
    "cell",
    [
        "4,5",
        "4.5",
        "-0,5",
        "4,5 %",
        "4,5%",
        "4",
        "1 234,5",
        "12 34",
        "+4",
        "0,0000000000001",
        "0,000000000001",
        "4,6 poeng",
        "Ikke målt",
        "Ny indikator fra 2017",
        "-",
        "..",
        "",
        "abc",
        "4,5,6",
    ],
)
def test_a_value_cell_reads_as_the_python_reader_reads_it(cell: str, tmp_path: Path) -> None:
    """Made-up values: the engine gives the core's outcome, or the same located errors."""
    made_up = tmp_path / "cell-2014.csv"
    made_up.write_text(f'indikator;verdi\nL.1.1;"{cell}"\nL.1.2;4,2\n', encoding="utf-8")
    scorecard = load_definitions(SEED_INDICATORS)
    read = read_results([made_up])
    try:
        evaluate_results(scorecard, read, 2014)
    except KpiErrors as expected:
        with pytest.raises(KpiErrors) as caught:
            rate(scorecard, [made_up])
        assert [e.format() for e in caught.value.errors] == [e.format() for e in expected.errors]
        return
    rated = rate(scorecard, [made_up])
    plain = {"4,5", "4.5", "-0,5", "4,5 %", "4,5%", "4", "0,000000000001", "Ikke målt", "Ny indikator fra 2017", "-"}
    assert rated.read_by == ("duckdb" if cell in plain | {"..", ""} else "python")
    assert_agree(scorecard, read.rows, 2014, dict(outcome(row) for row in rated.relation.fetchall()), cell)
