"""A scorecard compiled to one SQL query that rates a results table in place. Pure.

The query is built as a sqlglot expression tree (no SQL is formatted by hand;
every value from the definitions goes in as a literal) and written in the
dialect asked for. It reads a table with the columns (indicator, year,
org_unit, value[, n]) and returns one row per (indicator, year, org unit) the
Python core would rate (kpi_cli.rating.evaluate.evaluate), with the same status
words. How each rule maps to SQL: docs/how-to/sql.md.

Values are compared as DECIMAL(38, 15): exact where the engine has decimals
(DuckDB, PostgreSQL, SQL Server, Spark, Trino, BigQuery's BIGNUMERIC);
SQLite stores them as binary floating point.
"""

from __future__ import annotations

import functools
import re

from sqlglot import ErrorLevel, exp

from ..model import Scorecard
from .computed import benchmark_values, better_than_value, change_value, comparisons, computed_value
from .expressions import NUMBER, both, c, cast, either, lit, not_null, one, when
from .judging import SCALE_COLUMNS, band_columns, final, judged, placed
from .tables import Table, positions, tables

DIALECTS = ("duckdb", "sqlite", "postgres", "tsql", "bigquery", "spark", "trino")
_TYPES = {"text": "VARCHAR(1000)", "int": "INT", "number": NUMBER}


# --- the scorecard's tables ------------------------------------------------------------


def _values_cte(table: Table, dialect: str) -> list[exp.CTE]:
    """The table as a CTE of typed columns over a VALUES list (an empty SELECT when it has no rows)."""
    names = [exp.to_identifier(name) for name, _ in table.columns]
    typed = [c(name) if kind == "text" else cast(c(name), _TYPES[kind]).as_(name) for name, kind in table.columns]
    if not table.rows:
        empty = [cast(exp.null(), _TYPES[kind]).as_(name) for name, kind in table.columns]
        query = exp.select(*empty).where(exp.false() if dialect != "tsql" else exp.Literal.number(1).eq(0))
        return [exp.CTE(this=query, alias=exp.TableAlias(this=exp.to_identifier(table.name)))]
    values = exp.Values(expressions=[exp.Tuple(expressions=[lit(cell) for cell in row]) for row in table.rows])
    raw = f"{table.name}_values"
    if dialect == "sqlite":  # SQLite names a VALUES list's columns only through a CTE's column list
        source = exp.CTE(this=values, alias=exp.TableAlias(this=exp.to_identifier(raw), columns=names))
        query = exp.select(*typed).from_(raw)
        return [source, exp.CTE(this=query, alias=exp.TableAlias(this=exp.to_identifier(table.name)))]
    values.set("alias", exp.TableAlias(this=exp.to_identifier(raw), columns=names))
    query = exp.select(*typed).from_(values)
    return [exp.CTE(this=query, alias=exp.TableAlias(this=exp.to_identifier(table.name)))]


def _cte(name: str, query: exp.Expr, materialized: bool = False) -> exp.CTE:
    cte = exp.CTE(this=query, alias=exp.TableAlias(this=exp.to_identifier(name)))
    if materialized:  # read several times: computed once (DuckDB, PostgreSQL and SQLite honour it)
        cte.set("materialized", True)
    return cte


# --- the steps of the query ----------------------------------------------------------


def _input(table: str, base_column: bool, uses_change: bool, streamed: bool = False) -> exp.Select:
    """The results rows of known ids, with their ids resolved, org unit '' for the municipality
    (``streamed``: with each row's ``place``, the stream's key for the row read)."""
    r, n = "r", "n"
    query = (
        exp.select(
            c("indicator", n).as_("indicator"),
            c("is_measure", n).as_("is_measure"),
            cast(c("year", r), "INT").as_("year"),
            exp.func("COALESCE", exp.func("NULLIF", c("org_unit", r), lit("")), lit("")).as_("unit_key"),
            cast(c("value", r), NUMBER).as_("value"),
            (cast(c("n", r), NUMBER) if base_column else cast(exp.null(), NUMBER)).as_("n"),
            *([c("place", r)] if streamed else []),
        )
        .from_(table_name(table).as_(r))
        .join(exp.to_table("kpi_names").as_(n), on=c("name", n).eq(c("indicator", r)))
    )
    if not uses_change:
        return query
    # change (computed, or rate: change): the value the year before, by lag over the id's years
    window = {"partition_by": [c("indicator"), c("unit_key")], "order": exp.Order(expressions=[c("year")])}
    lag_year = exp.Window(this=exp.Lag(this=c("year")), **window)
    lag_value = exp.Window(this=exp.Lag(this=c("value")), **window)
    prior = when((lag_year.eq(c("year") - 1), lag_value)).as_("prev_value")
    return exp.select(exp.Star(), prior).from_(query.subquery("rows_read"))


def _years(year: int | None, methods: set[str]) -> exp.Expr:
    """Every year of an indicator's result is rated, and a year of the measures a computed indicator
    is worked out from, but for the year before a change (kpi_cli.rating.evaluate.measure_years)."""
    query: exp.Expr = exp.select(c("year")).distinct().from_("kpi_input").where(c("is_measure").eq(0))
    if methods - {"better_than"}:  # better_than compares indicators, whose years are rated anyway
        query = exp.union(query, _input_years("change" in methods), distinct=True)
    if "change" in methods:  # the year before a change is a year when something is computed in it
        query = exp.union(query, _computed_years(methods), distinct=True)
    if year is not None:
        query = exp.union(query, exp.select(lit(year).as_("year")), distinct=True)
    return query


def _input_years(changes: bool) -> exp.Select:
    """The years of the values of measures a computed indicator (not better_than) is worked out from,
    but a change's measure's before a year with results given directly: the change's base."""
    is_input = either(c("indicator", "m").eq(c("input_1", "i")), c("indicator", "m").eq(c("input_2", "i")))
    rated = both(not_null(c("method", "i")), c("method", "i").neq(lit("better_than")), not_null(c("value", "m")))
    if changes:
        of_change = both(c("method", "ch").eq(lit("change")), c("input_1", "ch").eq(c("indicator", "m")))
        given = both(c("is_measure", "d").eq(0), c("year", "d").eq(c("year", "m") + 1))
        base = both(
            exp.Exists(this=exp.select(lit(1)).from_(exp.to_table("kpi_indicators").as_("ch")).where(of_change)),
            exp.Exists(this=exp.select(lit(1)).from_(exp.to_table("kpi_input").as_("d")).where(given)),
        )
        rated = both(rated, exp.not_(base))
    return (
        exp.select(c("year", "m"))
        .distinct()
        .from_(exp.to_table("kpi_indicators").as_("i"))
        .join(exp.to_table("kpi_input").as_("m"), on=is_input)
        .where(rated)
    )


def _computed_years(methods: set[str]) -> exp.Select:
    """The years in which a computed indicator's inputs are there, with no zero denominator."""
    first: exp.Expr = c("value", "m1")
    second: exp.Expr = c("value", "m2")
    if "change" in methods:
        second = when((c("method", "i").eq(lit("change")), c("prev_value", "m1")), default=second)
    on_second = both(
        c("indicator", "m2").eq(c("input_2", "i")),
        c("year", "m2").eq(c("year", "m1")),
        c("unit_key", "m2").eq(c("unit_key", "m1")),
    )
    return (
        exp.select(c("year", "m1"))
        .distinct()
        .from_(exp.to_table("kpi_indicators").as_("i"))
        .join(exp.to_table("kpi_input").as_("m1"), on=c("indicator", "m1").eq(c("input_1", "i")))
        .join(exp.to_table("kpi_input").as_("m2"), on=on_second, join_type="left")
        .where(
            both(
                not_null(c("method", "i")),
                not_null(first),
                not_null(second),
                either(c("method", "i").eq(lit("difference")), second.neq(0)),
            )
        )
    )


def _units() -> exp.Expr:
    """Every org unit in the input; the municipality ('') when the input has none."""
    some = exp.select(c("unit_key")).distinct().from_("kpi_input")
    empty = exp.select(lit("").as_("unit_key")).where(exp.not_(exp.Exists(this=exp.select(lit(1)).from_("kpi_input"))))
    return exp.union(some, empty, distinct=True)


def _in_force(alias: str, own: bool) -> exp.Expr:
    v = alias
    started = c("starts", v) <= c("year", "y")
    not_ended = c("year", "y") < c("ends", v)
    unit = (
        both(c("unit_key", v).eq(c("unit_key", "u")), c("unit_key", v).neq(lit("")))
        if own
        else c("unit_key", v).eq(lit(""))
    )
    return both(c("indicator", v).eq(c("indicator", "i")), unit, started, not_ended)


def _grid(methods: set[str], own_versions: bool, change: bool, width: int, streamed: bool = False) -> exp.Select:
    """Each indicator × year × org unit, with its row, its inputs and the band version in force.

    The joins for measures, better_than's comparisons and org units' own bands are left out when
    no indicator needs them; ``change``: some indicator rates its change (``given_before``: the value
    given the year before). The version's band edges (``width`` positions) ride along on the row,
    and for the stream the place of its row read (NULL for a result with no row).
    """

    def own_column(name: str) -> exp.Expr:
        return c(name, "own") if own_versions else exp.null()

    own_scale, general_scale = one(own_column("has_scale")), one(c("has_scale", "gen"))
    own = not_null(own_column("version"))
    pairs = methods - {"better_than"}
    if not pairs:
        a: exp.Expr = cast(exp.null(), NUMBER)
        b: exp.Expr = cast(exp.null(), NUMBER)
    else:
        a, b = c("value", "m1"), c("value", "m2")
        if "change" in methods:
            b = when((c("method", "i").eq(lit("change")), c("prev_value", "m1")), default=b)
    query = (
        exp.select(
            c("indicator", "i"),
            c("ord", "i"),
            c("year", "y"),
            c("unit_key", "u"),
            c("phase_in", "i"),
            c("nearest", "i"),
            c("min_base", "i"),
            c("method", "i"),
            c("rate_change", "i"),
            c("value", "r").as_("given"),
            *([c("prev_value", "r").as_("given_before")] if change else []),
            *([c("compared", "k"), c("better", "k")] if "better_than" in methods else []),
            c("n", "r").as_("n"),
            *([c("place", "r")] if streamed else []),
            a.as_("a"),
            b.as_("b"),
            exp.func("COALESCE", own_column("version"), c("version", "gen")).as_("version"),
            when((own, own_column("from_year")), default=c("from_year", "gen")).as_("bands_from"),
            when((own, own_column("unit_key")), default=lit("")).as_("bands_unit"),
            exp.func("COALESCE", own_column("has_bands"), c("has_bands", "gen"), lit(0)).as_("has_bands"),
            when((either(own_scale, general_scale, one(c("has_scale", "i"))), lit(1)), default=lit(0)).as_("has_scale"),
            *[
                when((own_scale, own_column(name)), (general_scale, c(name, "gen")), default=c(name, "i")).as_(name)
                for name in SCALE_COLUMNS
            ],
            *[
                (when((own, own_column(name)), default=c(name, "gen")) if own_versions else c(name, "gen")).as_(name)
                for name in band_columns(width)
            ],
        )
        .from_(exp.to_table("kpi_indicators").as_("i"))
        .join(exp.to_table("kpi_years").as_("y"), join_type="cross")
        .join(exp.to_table("kpi_units").as_("u"), join_type="cross")
    )
    inputs = [("r", c("indicator", "i"))] + ([("m1", c("input_1", "i")), ("m2", c("input_2", "i"))] if pairs else [])
    if "better_than" in methods:
        inputs.append(("k", c("indicator", "i")))
    for alias, ident in inputs:
        on = both(
            c("indicator", alias).eq(ident),
            c("year", alias).eq(c("year", "y")),
            c("unit_key", alias).eq(c("unit_key", "u")),
        )
        source = "kpi_compared" if alias == "k" else "kpi_input"
        query = query.join(exp.to_table(source).as_(alias), on=on, join_type="left")
    for alias, is_own in (("own", True), ("gen", False)) if own_versions else (("gen", False),):
        query = query.join(exp.to_table("kpi_versions").as_(alias), on=_in_force(alias, is_own), join_type="left")
    # measured for the whole municipality only: no row for an org unit is not a missing result
    return query.where(
        either(not_null(c("indicator", "r")), c("unit_key", "u").eq(lit("")), one(c("per_org_unit", "i")))
    )


def _computed_step(methods: set[str], dialect: str, change: bool) -> exp.Select:
    """The computed value, when every input is there and no denominator is zero; better_than's
    share when something could be compared; the change from the year before for ``rate: change``
    (NULL without a value in either year, as the core's ``year_change``)."""
    inputs_ok = both(
        not_null(c("method")),
        not_null(c("a")),
        not_null(c("b")),
        either(c("method").eq(lit("difference")), c("b").neq(0)),
    )
    cases: list[tuple[exp.Expr, exp.Expr]] = []
    if change:
        cases.append((one(c("rate_change")), change_value(dialect)))
    if "better_than" in methods:
        cases.append((c("method").eq(lit("better_than")), better_than_value(dialect)))
    if methods - {"better_than"}:
        cases.append((inputs_ok, computed_value(methods, dialect)))
    computed = when(*cases) if cases else cast(exp.null(), NUMBER)
    return exp.select(exp.Star(), computed.as_("computed")).from_("kpi_grid")


def _valued(change: bool) -> exp.Select:
    """The value to rate (computed, else given; for ``rate: change`` the change alone), the value
    the scale is checked against (the one given, for a change) and the base min_base is checked
    against: the n column, else a computed share's or ratio's denominator."""
    denominator = when((both(not_null(c("computed")), c("method").isin(lit("share"), lit("ratio"))), c("b")))
    either_value = exp.func("COALESCE", c("computed"), c("given"))
    value = when((one(c("rate_change")), c("computed")), default=either_value) if change else either_value
    checked = when((one(c("rate_change")), c("given")), default=either_value.copy()) if change else either_value.copy()
    return exp.select(
        exp.Star(),
        value.as_("value"),
        checked.as_("checked"),
        exp.func("COALESCE", c("n"), denominator).as_("cases"),
    ).from_("kpi_computed")


def _given() -> exp.Select:
    """The specialised step for a scorecard with nothing computed (no measures, no ``rate: change``,
    no ``better_than``): the value rated is the value given, checked against the scale as it is."""
    return exp.select(exp.Star(), c("given").as_("value"), c("given").as_("checked"), c("n").as_("cases")).from_(
        "kpi_grid"
    )


_NAME = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*){0,2}")


@functools.cache
def _keywords() -> frozenset[str]:
    """Every word a dialect's tokenizer reads as a keyword (SELECT, FROM, UNION, USER, DATE ...)."""
    from sqlglot.dialects.dialect import Dialect

    words: set[str] = set()
    for dialect in DIALECTS:
        found = Dialect.get_or_raise(dialect)
        words |= {word for word in found.tokenizer_class.KEYWORDS if word.replace("_", "").isalpha()}
        words |= {word.upper() for word in found.generator_class.RESERVED_KEYWORDS}
    return frozenset(words)


def table_name(name: str) -> exp.Table:
    """A table or view name: one to three dotted identifiers (catalog.schema.table); a part that is
    an SQL word in any dialect (``select``, ``from``, ``union``) is quoted, as written."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a table name: letters, digits and _, optionally schema.table")
    parts = [exp.to_identifier(part, quoted=part.upper() in _keywords()) for part in name.split(".")]
    *outer, this = parts
    return exp.Table(this=this, db=outer[-1] if outer else None, catalog=outer[0] if len(outer) > 1 else None)


def build(
    scorecard: Scorecard,
    dialect: str = "duckdb",
    *,
    table: str = "results",
    view: str | None = None,
    base_column: bool | None = None,
    year: int | None = None,
    benchmarks: str | None = None,
    streamed: bool = False,
) -> exp.Expr:
    """The query (or ``CREATE VIEW view``) as a sqlglot expression for ``dialect``.

    ``base_column``: whether the table has an ``n`` column (default: when an
    indicator sets min_base). ``year``: a year rated even when only measures
    have rows in it, as ``evaluate``'s year. ``benchmarks``: a table (indicator,
    year, region, value) of the benchmark regions' values that ``compute:
    better_than`` compares with; without it no better_than indicator has a value.
    ``streamed``: for ``kpi_cli.sql.stream``, rows in any order (it sorts where it writes) with
    two more columns, ``inside_at``: the position of the interval a value lies in, and ``place``:
    the ``place`` column of the table's row (which ``table`` then has), NULL for a result with no row.

    Two queries: the general one, and a specialised one for scorecards with nothing computed and
    no org unit's own bands (``plain``): the row and its band version in force joined to each
    indicator, year and org unit, the value placed by its version's band edges on the same row,
    in one pass. The general one adds the measures, the value the year before and the org units'
    own versions, and the computed value's step.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {', '.join(DIALECTS)}")
    indicators = list(scorecard.indicators())
    methods = {indicator.compute.method for indicator in indicators if indicator.compute}
    change = any(indicator.rate_change for indicator in indicators)
    if base_column is None:
        base_column = any(indicator.min_base for indicator in indicators)
    width = positions(scorecard)
    own_versions = any(v.org_unit for i in indicators for v in i.versions)
    plain = not methods and not change and not own_versions
    ctes = [cte for each in tables(scorecard) for cte in _values_cte(each, dialect)]
    materialized = dialect in ("duckdb", "postgres", "sqlite")
    ctes.append(_cte("kpi_input", _input(table, base_column, change or "change" in methods, streamed), materialized))
    if "better_than" in methods:
        source = table_name(benchmarks) if benchmarks is not None else None
        ctes += [_cte("kpi_benchmarks", benchmark_values(source, dialect)), _cte("kpi_compared", comparisons())]
    ctes += [
        _cte("kpi_years", _years(year, methods)),
        _cte("kpi_units", _units()),
        _cte("kpi_grid", _grid(methods, own_versions, change, width, streamed)),
    ]
    # each step reads the columns of the one before many times (a value against every edge, the
    # neighbours' positions in every rank); PostgreSQL and SQLite inline a CTE read once, repeating
    # its expressions at each use, so there each step is computed once (DuckDB projects step by step)
    fence = dialect in ("postgres", "sqlite")
    if plain:
        ctes.append(_cte("kpi_valued", _given(), fence))
    else:
        ctes += [
            _cte("kpi_computed", _computed_step(methods, dialect, change)),
            _cte("kpi_valued", _valued(change), fence),
        ]
    ctes += [_cte("kpi_placed", placed(width), fence), _cte("kpi_judged", judged(width), fence)]
    query = final(view is not None, streamed)
    query.set("with_", exp.With(expressions=ctes))
    if view is None:
        return query
    return exp.Create(this=table_name(view), kind="VIEW", expression=query)


def compile_sql(
    scorecard: Scorecard,
    dialect: str = "duckdb",
    *,
    table: str = "results",
    view: str | None = None,
    base_column: bool | None = None,
    year: int | None = None,
    pretty: bool = True,
    benchmarks: str | None = None,
    streamed: bool = False,
) -> str:
    """The query rating ``table`` by ``scorecard``, written in ``dialect`` (see ``build``)."""
    expression = build(
        scorecard,
        dialect,
        table=table,
        view=view,
        base_column=base_column,
        year=year,
        benchmarks=benchmarks,
        streamed=streamed,
    )
    return expression.sql(dialect=dialect, pretty=pretty, unsupported_level=ErrorLevel.RAISE) + "\n"
