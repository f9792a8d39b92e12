"""`kpi sql --dialect spark` executed on a local Spark session (pyspark and a JVM), compared
row by row with the Python core as on DuckDB, SQLite and PostgreSQL (README: "The scorecard as SQL").

The results table is a temporary view of typed columns, value and n as DECIMAL(38, 15), the type
the query compares in. A Spark query of this size takes seconds, not milliseconds, so the property
test runs a small fixed series of generated cases. Without pyspark or Java the module skips, except
when KPI_REQUIRE_SPARK=1 (CI's .ci/run sets it, installing both): then it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from sql_engines import Key, Outcome, assert_agree, outcome
from sql_scorecards import Case, bounded, cases
from test_sql_command import EXAMPLE, printed, run_cli  # noqa: F401  (run_cli: the fixture)
from test_sql_command import cases as printed_cases

from kpi_cli.definitions.load import load_definitions
from kpi_cli.report import ResultRow
from kpi_cli.results.read import read_results
from kpi_cli.sql import compile_sql

pytest.importorskip("sqlglot")


def _missing() -> str | None:
    """Why a Spark session cannot start here, or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install pyspark)"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java runtime for Spark (apt-get install -y openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local Spark session for the module: one core, no UI, one shuffle partition, its
    warehouse (where a CREATE TABLE writes) in a temporary folder."""
    why = _missing()
    if why is not None:
        if os.environ.get("KPI_REQUIRE_SPARK") == "1":
            pytest.fail(f"{why}; KPI_REQUIRE_SPARK=1 (CI) requires it")
        pytest.skip(why)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("kpi-cli tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "1")
        # On rows this few, planning and compiling cost more than running: no adaptive re-planning,
        # no whole-stage Java code generation per query.
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("spark-warehouse")))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def frame(session: Any, rows: Sequence[ResultRow]) -> Any:
    """The rows as a Spark DataFrame of the results table's columns, value and n as DECIMAL(38, 15)."""
    from pyspark.sql.types import DecimalType, IntegerType, StringType, StructField, StructType

    number = DecimalType(38, 15)
    schema = StructType(
        [
            StructField("indicator", StringType()),
            StructField("year", IntegerType()),
            StructField("org_unit", StringType()),
            StructField("value", number),
            StructField("n", number),
        ]
    )
    data = [(row.indicator, row.year, row.org_unit, row.value, row.base) for row in rows]
    return session.createDataFrame(data, schema)


def collect(session: Any, query: str) -> dict[Key, Outcome]:
    return dict(outcome(tuple(row)) for row in session.sql(query.strip().rstrip(";")).collect())


def run_spark(session: Any, query: str, rows: Sequence[ResultRow], table: str = "results") -> dict[Key, Outcome]:
    """Load ``rows`` as the temporary view ``table`` and run ``query`` (one SELECT) on it."""
    frame(session, rows).createOrReplaceTempView(table)
    return collect(session, query)


def test_the_printed_query_rates_as_kpi_evaluate_on_spark(spark: Any, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for definitions, files, year in printed_cases(tmp_path):
        scorecard = load_definitions(definitions)
        rows = read_results(files).rows
        query = printed(run_cli, "--dialect", "spark", "--table", "kpi_results", "--indicators", str(definitions))
        found = run_spark(spark, query, rows, table="kpi_results")
        assert_agree(scorecard, rows, year, found, "spark")
        assert {status for _, status, *_ in found.values()} - {None}


def test_a_view_over_a_stored_table_rates_the_same_on_spark(spark: Any, run_cli) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    definitions = EXAMPLE / "indicators.yaml"
    rows = read_results([EXAMPLE / "results-2015-2017.csv"]).rows
    args = ["--dialect", "spark", "--indicators", str(definitions), "--table", "kpi.results", "--view", "kpi.scorecard"]
    view = printed(run_cli, *args)
    assert view.startswith("CREATE VIEW kpi.scorecard AS")
    spark.sql("CREATE DATABASE kpi")
    frame(spark, rows).write.saveAsTable("kpi.results")  # a table in the warehouse: a view may not read a temporary one
    spark.sql(view.strip().rstrip(";"))
    assert_agree(load_definitions(definitions), rows, 2017, collect(spark, "SELECT * FROM kpi.scorecard"), "spark view")


# A fixed series (derandomize) of a few generated cases: each takes a few seconds on Spark.
@bounded(12, list(HealthCheck))
@given(cases())
def test_spark_agrees_with_the_core(spark: Any, case: Case) -> None:
    query = compile_sql(case.scorecard, "spark", base_column=True, year=case.year)
    assert_agree(case.scorecard, case.rows, case.year, run_spark(spark, query, case.rows), "spark")
