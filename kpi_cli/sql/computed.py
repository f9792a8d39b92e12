"""Computed indicators' values in SQL, rounded to two decimals half away from zero as the
Python core rounds them (kpi_cli.rating.compute), and the change a ``rate: change`` indicator rates.

Exact dialects work on integers: each input as an integer of SCALE places, the
quotient rounded with integer division, so no engine's decimal division (DuckDB
returns a double) can round differently. SQLite has no exact decimals: there
the formula runs in floating point and SQLite's round(). ``better_than`` counts
whole comparisons, so its share is worked out on integers in every dialect.
"""

from __future__ import annotations

from decimal import Decimal

from sqlglot import exp

from .expressions import NUMBER, both, c, cast, either, lit, not_null, one, when

SCALE = 15  # decimal places of NUMBER


def _scaled(value: exp.Expr, integer: str) -> exp.Expr:
    """A DECIMAL as an exact integer of SCALE places: floor part and fraction converted apart,
    so no intermediate DECIMAL overflows."""
    floor = exp.func("FLOOR", value)
    unit = exp.Literal.number(10**SCALE)
    return exp.paren(cast(floor, integer) * unit + cast(exp.paren(value - floor) * unit, integer))


def _cents(numerator: exp.Expr, denominator: exp.Expr) -> exp.Expr:
    """numerator / denominator rounded half away from zero to a whole number, on exact integers."""
    n, d = exp.Abs(this=numerator), exp.Abs(this=denominator)
    quotient = exp.IntDiv(this=exp.paren(n * 2 + d), expression=exp.paren(d * 2))
    negative = either(both(numerator < 0, denominator > 0), both(numerator > 0, denominator < 0))
    return when((negative, exp.Neg(this=exp.paren(quotient))), default=quotient)


def _from_cents(cents: exp.Expr, dialect: str) -> exp.Expr:
    """A whole number of hundredths as the value it stands for."""
    if dialect == "sqlite":
        return cast(cents, "REAL") / lit(100)
    return cast(cast(cents, "DECIMAL(36, 0)") * cast(lit(Decimal("0.01")), "DECIMAL(3, 2)"), NUMBER)


def computed_value(methods: set[str], dialect: str) -> exp.Expr:
    """The computed value (of a method but ``better_than``), rounded to two decimals half away
    from zero as the Python core does."""
    a, b = c("a"), c("b")
    cases: list[tuple[exp.Expr, exp.Expr]] = []
    if dialect == "sqlite":  # no exact decimals: binary floating point and SQLite's round()
        formulas = {
            "change": (a - b) / b * 100,
            "share": a / b * 100,
            "ratio": a / b,
            "difference": a - b,
        }
        for method in sorted(methods & set(formulas)):
            value = exp.func("ROUND", cast(exp.paren(formulas[method]), "REAL"), lit(2))
            cases.append((c("method").eq(lit(method)), value))
        return when(*cases)
    integer = "INT128" if dialect == "duckdb" else "DECIMAL(38, 0)"
    ai, bi = _scaled(a, integer), _scaled(b, integer)
    scale = cast(lit(10**SCALE), integer)
    parts = {
        "change": (exp.paren(ai - bi) * 10000, bi),
        "share": (ai * 10000, bi),
        "ratio": (ai * 100, bi),
        "difference": (exp.paren(ai - bi) * 100, scale),
    }
    for method in sorted(methods & set(parts)):
        numerator, denominator = parts[method]
        cases.append((c("method").eq(lit(method)), _from_cents(_cents(numerator, denominator), dialect)))
    return when(*cases)


MILLIONTHS = 1_000_000


def change_value(dialect: str) -> exp.Expr:
    """``rate: change``: the value given less the one given the year before, exact as the core's
    (NULL when either is missing). SQLite subtracts whole millionths, so a change such as 70,8 - 70
    is 0,8, not binary floating point's 0,79999...: exact as long as the values and the
    change, written with six decimals, have at most 15 digits (below a billion)."""
    given, before = c("given"), c("given_before")
    if dialect != "sqlite":
        return cast(exp.paren(given - before), NUMBER)

    def millionths(value: exp.Expr) -> exp.Expr:
        return cast(exp.func("ROUND", value * lit(MILLIONTHS)), "INTEGER")

    return cast(exp.paren(millionths(given) - millionths(before)), "REAL") / lit(MILLIONTHS)


def better_than_value(dialect: str) -> exp.Expr:
    """100 × better / compared, rounded half up to two decimals, on whole numbers: NULL when
    nothing could be compared (the core's note ``no_comparison``)."""
    better, compared = c("better"), c("compared")
    cents = exp.IntDiv(this=exp.paren(better * 20000 + compared), expression=exp.paren(compared * 2))
    return when((compared > 0, _from_cents(cents, dialect)))


def benchmark_values(table: exp.Table | None, dialect: str) -> exp.Select:
    """The benchmark regions' values by indicator id, year and region: one per key (the lowest
    of several). No table: none, so no ``better_than`` has a comparison, as in ``kpi evaluate``
    on results without SSB files."""
    if table is None:
        typed = [cast(exp.null(), kind).as_(name) for name, kind in _BENCHMARK_COLUMNS]
        nothing = exp.false() if dialect != "tsql" else exp.Literal.number(1).eq(0)
        return exp.select(*typed).where(nothing)
    # the id as the results table writes it; a region code may be stored as a number
    raw = exp.select(
        *[c(name) if name == "indicator" else cast(c(name), kind).as_(name) for name, kind in _BENCHMARK_COLUMNS]
    ).from_(table)
    keys = [c("indicator", "n"), c("year", "x"), c("region", "x")]
    return (
        exp.select(*[key.copy().as_(key.name) for key in keys], exp.Min(this=c("value", "x")).as_("value"))
        .from_(raw.subquery("x"))
        .join(exp.to_table("kpi_names").as_("n"), on=c("name", "n").eq(c("indicator", "x")))
        .group_by(*keys)
    )


_BENCHMARK_COLUMNS = (("indicator", "VARCHAR(1000)"), ("year", "INT"), ("region", "VARCHAR(1000)"), ("value", NUMBER))


def comparisons() -> exp.Select:
    """Per better_than indicator, year and org unit: how many of its inputs have a value and a
    benchmark value to compare (``compared``) and how many of those are better (``better``), by
    each input's direction (``ssb.benchmarks.compare``: equal is compared, not better)."""
    mine, theirs = c("value", "m"), c("value", "x")
    higher = one(c("higher", "t"))
    is_better = either(both(higher, mine > theirs), both(exp.not_(higher), mine < theirs))
    keys = [c("indicator", "t"), c("year", "m"), c("unit_key", "m")]
    on_benchmark = both(
        c("indicator", "x").eq(c("input_id", "t")),
        c("year", "x").eq(c("year", "m")),
        c("region", "x").eq(c("region", "t")),
    )
    return (
        exp.select(
            *[key.copy().as_(key.name) for key in keys],
            exp.Count(this=exp.Star()).as_("compared"),
            exp.Sum(this=when((is_better, lit(1)), default=lit(0))).as_("better"),
        )
        .from_(exp.to_table("kpi_better").as_("t"))
        .join(exp.to_table("kpi_input").as_("m"), on=c("indicator", "m").eq(c("input_id", "t")))
        .join(exp.to_table("kpi_benchmarks").as_("x"), on=on_benchmark)
        .where(both(not_null(mine), not_null(theirs)))
        .group_by(*keys)
    )
