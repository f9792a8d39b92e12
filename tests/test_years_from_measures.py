"""A year in the results only through measures is a year of the report, but the year before a
change when its counts are only that change's base (docs/explanation/years-from-measures.md):
the core, the compiled SQL (DuckDB, SQLite) and `kpi evaluate --engine duckdb` agree, byte for
byte. Every value here is MADE UP.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_INDICATORS
from sql_engines import assert_agree, run_duckdb, run_sqlite

from kpi_cli.definitions.load import load_definitions
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.report import ResultRow

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from kpi_cli.sql import compile_sql

# (rows as indikator;år;verdi, the year shown, the other years of the report)
CASES = {
    "counts alone": ("ideer;2015;100\nideer;2016;110\nideer;2017;111\n", 2017, (2015, 2016)),
    "a filled template": ("ideer;2015;100\nideer;2016;110\nL.1.1;2016;4,6\n", 2016, ()),
    "an empty count before the template's": ("ideer;2014;\nideer;2015;100\nideer;2016;110\nL.1.1;2016;4,6\n", 2016, ()),
    "a count that is no change's base": (
        "ideer_valgt;2015;20\nideer;2015;100\nideer;2016;110\nL.1.1;2016;4,6\n",
        2016,
        (2015,),
    ),
    "a base of a year of counts alone": (
        "ideer;2015;100\nideer;2016;110\nL.1.1;2016;4,6\nideer;2017;120\n",
        2017,
        (2016,),
    ),
    "a base that is also a change": (
        "ideer;2014;90\nideer;2015;100\nideer;2016;110\nL.1.1;2016;4,6\n",
        2016,
        (2014, 2015),
    ),
}


def rows_of(text: str) -> list[ResultRow]:
    rows = []
    for line in text.splitlines():
        ident, year, value = line.split(";")
        rows.append(ResultRow(ident, int(year), Decimal(value.replace(",", ".")) if value else None))
    return rows


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_years_of_the_report(case: str) -> None:
    text, year, others = CASES[case]
    scorecard = load_definitions(SEED_INDICATORS)
    assert evaluate(scorecard, rows_of(text), year).other_years == others


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_compiled_query_rates_the_same_years(case: str, engine: str) -> None:
    text, year, _ = CASES[case]
    scorecard = load_definitions(SEED_INDICATORS)
    rows = rows_of(text)
    run = run_duckdb if engine == "duckdb" else run_sqlite
    assert_agree(scorecard, rows, year, run(compile_sql(scorecard, engine, year=year), rows), engine)


@pytest.mark.parametrize("output", ["json", "csv", "table"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_duckdb_engine_prints_the_same_bytes(case: str, output: str, kpi, write, workdir) -> None:
    write("r.csv", "indikator;år;verdi\n" + CASES[case][0])
    python = kpi("evaluate", "r.csv", "--format", output, "--engine", "python")
    duckdb = kpi("evaluate", "r.csv", "--format", output, "--engine", "duckdb")
    assert (duckdb.stdout, duckdb.exit_code) == (python.stdout, python.exit_code)
    assert duckdb.stderr.replace("duckdb", "python") == python.stderr
