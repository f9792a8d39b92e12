"""Computed indicators' values in SQL, rounded to two decimals half away from zero as the
Python core rounds them (kpi_cli.compute).

Exact dialects work on integers: each input as an integer of SCALE places, the
quotient rounded with integer division, so no engine's decimal division (DuckDB
returns a double) can round differently. SQLite has no exact decimals: there
the formula runs in floating point and SQLite's round().
"""

from __future__ import annotations

from decimal import Decimal

from sqlglot import exp

from .expressions import NUMBER, both, c, cast, either, lit, when

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


def computed_value(methods: set[str], dialect: str) -> exp.Expr:
    """The computed value, rounded to two decimals half away from zero as the Python core does."""
    a, b = c("a"), c("b")
    cases: list[tuple[exp.Expr, exp.Expr]] = []
    if dialect == "sqlite":  # no exact decimals: binary floating point and SQLite's round()
        formulas = {
            "change": (a - b) / b * 100,
            "share": a / b * 100,
            "ratio": a / b,
            "difference": a - b,
        }
        for method in sorted(methods):
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
    for method in sorted(methods):
        numerator, denominator = parts[method]
        cents = _cents(numerator, denominator)
        value = cast(cast(cents, "DECIMAL(36, 0)") * cast(lit(Decimal("0.01")), "DECIMAL(3, 2)"), NUMBER)
        cases.append((c("method").eq(lit(method)), value))
    return when(*cases)
