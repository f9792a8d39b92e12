"""`kpi sql`: the scorecard as a query for the database where the results already live."""

from __future__ import annotations

import click

from ..definitions.yaml_nodes import CONTROL_CHARACTER
from ..errors import UsageError
from .messages import reports_errors
from .params import indicators_option
from .reports import load

DIALECTS = ("duckdb", "sqlite", "postgres", "tsql", "bigquery", "spark", "trino")


@click.command("sql", short_help="Print the SQL that rates a results table in a database.")
@indicators_option
@click.option(
    "--dialect",
    type=click.Choice(DIALECTS),
    default="duckdb",
    show_default=True,
    help="SQL dialect of the engine that holds the results.",
)
@click.option(
    "--table", default="results", show_default=True, help="Results table (indicator, year, org_unit, value[, n])."
)
@click.option("--view", metavar="NAME", help="Print CREATE VIEW NAME AS ... instead of the query.")
@click.option(
    "--benchmarks",
    metavar="NAME",
    help="Table of benchmark values (indicator, year, region, value) that compute: better_than compares with.",
)
@reports_errors
def sql(indicators: str, dialect: str, table: str, view: str | None, benchmarks: str | None) -> None:
    """Print the SQL that rates a results table in place, as `kpi evaluate` rates a file.

    The query returns indicator, year, org_unit, value, status (the words of the
    JSON), bands_from, bands_org_unit, in_gap, beyond and error; needs `pip install 'kpi-cli[scale]'`.

    \b
    Examples:
      kpi sql --dialect postgres --table kostra.results
      kpi sql --dialect sqlite --view scorecard | sqlite3 results.db
      kpi sql --dialect postgres --table kostra.results --benchmarks kostra.groups
    """
    try:
        from ..sql.compiler import compile_sql, table_name
    except ImportError:
        raise UsageError("kpi sql needs sqlglot: pip install 'kpi-cli[scale]'") from None
    scorecard = load(indicators)
    from ..sql.tables import core_only

    for item in scorecard.indicators():
        if (what := core_only(item)) is not None:
            message = f"{item.id} has {what}, which the query cannot rate: kpi evaluate rates it"
            raise UsageError(message, code="sql-unsupported", path=scorecard.path)
    try:
        if benchmarks is not None:
            table_name(benchmarks)
    except ValueError as exc:
        raise UsageError(f"--benchmarks: {exc}") from None
    try:
        query = compile_sql(scorecard, dialect, table=table, view=view, benchmarks=benchmarks)
    except ValueError as exc:
        raise UsageError(f"--table/--view: {exc}") from None
    # The definitions refuse control characters; the query's own line breaks are its layout.
    if found := CONTROL_CHARACTER.search(query.replace("\n", " ")):
        raise UsageError(f"the query would carry a control character ({found.group()!r}): refused")
    click.echo(query.rstrip("\n") + ";", color=True)  # color=True: click strips nothing from it
