"""Small builders over sqlglot expressions, so the compiler reads like the SQL it writes."""

from __future__ import annotations

from decimal import Decimal

from sqlglot import exp

from .tables import Cell

NUMBER = "DECIMAL(38, 15)"  # every value and edge is compared as this exact decimal


def c(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table)


def lit(value: Cell) -> exp.Expr:
    if value is None:
        return exp.null()
    if isinstance(value, str):
        return exp.Literal.string(value)
    if isinstance(value, Decimal):
        return exp.Literal.number(format(value, "f"))
    return exp.Literal.number(value)


def cast(expression: exp.Expr, kind: str) -> exp.Cast:
    return exp.cast(expression, exp.DataType.build(kind))


def when(*pairs: tuple[exp.Expr, exp.Expr], default: exp.Expr | None = None) -> exp.Case:
    case = exp.Case()
    for condition, value in pairs:
        case = case.when(condition, value)
    return case.else_(default) if default is not None else case


def either(*conditions: exp.Expr) -> exp.Expr:
    return exp.or_(*conditions, wrap=True) if len(conditions) > 1 else conditions[0]


def both(*conditions: exp.Expr) -> exp.Expr:
    return exp.and_(*conditions, wrap=True) if len(conditions) > 1 else conditions[0]


def is_null(expression: exp.Expr) -> exp.Expr:
    return expression.is_(exp.null())


def not_null(expression: exp.Expr) -> exp.Expr:
    return exp.not_(expression.is_(exp.null()))


def one(expression: exp.Expr) -> exp.Expr:
    return expression.eq(1)
