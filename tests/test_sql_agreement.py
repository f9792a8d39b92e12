"""The compiled SQL and the Python core agree, row by row: status, value, gap flag, the
band version used, and which rows are errors (README: "The scorecard as SQL"). The generated
scorecards hold indicators rated on their value, computed from measures, rated on their change
from the year before, and shares of indicators better than a benchmark region.

DuckDB (exact decimals) gets every generated case. SQLite holds DECIMAL as binary
floating point, so its cases draw every number from a grid of eighths, which a
double holds exactly, and compute only differences (division cannot be exact in
binary); the assertion is the same. PostgreSQL runs a smaller share of the cases.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from sql_engines import Key, Outcome, Postgres, assert_agree, run_duckdb, run_sqlite
from sql_scorecards import Case, bounded, cases

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from kpi_cli.sql import compile_sql

BOUNDED = bounded(80)


def query(case: Case, dialect: str) -> str:
    return compile_sql(case.scorecard, dialect, base_column=True, year=case.year, benchmarks="benchmarks")


def agree(case: Case, found: dict[Key, Outcome], engine: str) -> None:
    assert_agree(case.scorecard, case.rows, case.year, found, engine, case.benchmarks)


@BOUNDED
@given(cases())
def test_duckdb_agrees_with_the_core(case: Case) -> None:
    agree(case, run_duckdb(query(case, "duckdb"), case.rows, case.benchmark_rows), "duckdb")


@BOUNDED
@given(cases(exact_binary=True))
def test_sqlite_agrees_with_the_core_on_numbers_binary_floats_hold(case: Case) -> None:
    agree(case, run_sqlite(query(case, "sqlite"), case.rows, case.benchmark_rows), "sqlite")


@settings(BOUNDED, max_examples=20, suppress_health_check=list(HealthCheck))
@given(cases())
def test_postgres_agrees_with_the_core(postgres: Postgres, case: Case) -> None:
    agree(case, postgres.run(query(case, "postgres"), case.rows, benchmarks=case.benchmark_rows), "postgres")
