"""What the stream checks in the rows read before it writes them as the core would: texts the
Python reader reads otherwise than plain, and numbers Python writes with an exponent. A run with
either goes through the report path (``kpi_cli.sql.stream``, ``_load``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .engine import count_of
from .why import Why

if TYPE_CHECKING:
    import duckdb

# Texts the Python reader would normalise or read otherwise than plain: NFC, control characters,
# whitespace left at either end after DuckDB's TRIM (str.strip() removes more kinds), a leading
# apostrophe, a value with leading zeros (its reason names the value as written).
_EDGE = r"[\s\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
_TEXTS = (
    "coalesce(org_unit, '')",
    "indicator",
    "coalesce(comment, '')",
    "coalesce(actions, '')",
    "value_text",
    "n_text",
)
# Python writes a JSON number below 0.0001 or from 10^16 with an exponent (7.6e-05), DuckDB's JSON writer
# without (0.000076): a value, base or change from the year before that Python would write so sends the
# run to the report path. A change is the difference of two values of one indicator and org unit: it
# can be that small only if two of them, next to each other in order, are that close.
EXPONENT_WHY = Why(
    "stream.exponent", "a number below 0.0001 or from 10^16 is written with an exponent: the report path writes it"
)
_EXPONENT_CELLS = """
SELECT count(*) FILTER (WHERE (value <> trunc(value) AND (abs(value) < 0.0001 OR abs(value) >= 5e15))
                           OR (n <> trunc(n) AND (abs(n) < 0.0001 OR abs(n) >= 1e16))),
       count(*) FILTER (WHERE value <> round(value, 4))
FROM kpi_results
"""
_EXPONENT_STEPS = """
SELECT count(*) FROM (
    SELECT value - lag(value) OVER (PARTITION BY coalesce(k.id, r.indicator), r.org_unit ORDER BY value) AS step
    FROM kpi_results r LEFT JOIN kpi_known k ON k.name = r.indicator
) WHERE step > 0 AND step < 0.0001
"""


def exponent(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a value, base or change would be written with an exponent. The changes are looked for
    (a window sorting every value) only when some value has more than 4 decimals: two values of at
    most 4 decimals differ by 0.0001 or more."""
    row: Any = con.execute(_EXPONENT_CELLS).fetchone()
    cells, finer = (int(n) for n in row)
    return bool(cells or (finer and count_of(con, _EXPONENT_STEPS)))


_ODD_TEXT = "SELECT count(*) FROM kpi_results WHERE " + " OR ".join(
    [
        *(f"{text} <> nfc_normalize({text})" for text in _TEXTS[:4]),
        *(f"regexp_matches({text}, '^{_EDGE}|{_EDGE}$|[\\x00-\\x1f]')" for text in _TEXTS),
        "starts_with(coalesce(comment, ''), '''')",
        "starts_with(coalesce(actions, ''), '''')",
        "regexp_matches(value_text, '^-?0[0-9]')",
    ]
)


def odd_text(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether some text of the rows read is one the Python reader would read otherwise."""
    return bool(count_of(con, _ODD_TEXT))
