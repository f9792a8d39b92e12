"""`kpi sql`: the scorecard as a query for the database where the results already live."""

from __future__ import annotations

import click

from ..errors import DefinitionError, KpiErrors, UsageError
from ..model import Indicator
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
@reports_errors
def sql(indicators: str, dialect: str, table: str, view: str | None) -> None:
    """Print the SQL that rates a results table in place, as `kpi evaluate` rates a file.

    The query returns indicator, year, org_unit, value, status (the words of the
    JSON), bands_from, bands_org_unit, in_gap, beyond and error; needs `pip install 'kpi-cli[scale]'`.

    \b
    Examples:
      kpi sql --dialect postgres --table kostra.results
      kpi sql --dialect sqlite --view scorecard | sqlite3 results.db
    """
    try:
        from ..sql.compiler import NotCompiled, compile_sql, not_compiled
    except ImportError:
        raise UsageError("kpi sql needs sqlglot: pip install 'kpi-cli[scale]'") from None
    scorecard = load(indicators)
    try:
        query = compile_sql(scorecard, dialect, table=table, view=view)
    except NotCompiled as exc:
        raise KpiErrors([_refused(item, not_compiled(item) or "") for item in exc.indicators]) from None
    except ValueError as exc:
        raise UsageError(f"--table/--view: {exc}") from None
    click.echo(query.rstrip("\n") + ";")


def _refused(indicator: Indicator, why: str) -> DefinitionError:
    where = indicator.location
    return DefinitionError(
        f"{indicator.id}: {why} is not compiled to SQL yet; rate it with kpi evaluate",
        code="sql-unsupported",
        path=where.path if where else None,
        line=where.line if where else None,
        column=where.column if where else None,
    )
