"""Numbers as Norwegian tables write them, read exactly and written back.

Values are :class:`decimal.Decimal` throughout, so that 4,45 lies exactly
half-way between 4,4 and 4,5, whatever binary floating point would say.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Minus signs seen in published tables: hyphen, U+2212, and (leading) en dash.
MINUS_SIGNS = "-\u2212\u2013"
# Spaces that group thousands: space, no-break space, narrow no-break space.
GROUP_SPACES = " \u00a0\u202f"

# A number as it is written: optional minus (possibly followed by a space),
# digits with optional thousands groups, optional decimal part after , or .
NUMBER_PATTERN = (
    r"(?:[-\u2212\u2013][ \u00a0]?)?"
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3})+(?=,)|\d{1,3}(?:,\d{3})+(?=\.)|\d+)"
    r"(?:[.,]\d+)?"
)
# The languages whose tables write a decimal comma (and separate CSV fields with ;).
DECIMAL_COMMA = frozenset({"nb", "nn", "sv"})
_NUMBER_RE = re.compile(rf"^{NUMBER_PATTERN}$")


def parse_number(text: str) -> Decimal:
    """Read one number: ``4,5``, ``-1``, ``- 2,30``, ``1 234,5``, ``1.234,5``.

    Raises ValueError when the text is not one number.
    """
    stripped = text.strip()
    if not _NUMBER_RE.match(stripped):
        raise ValueError(f"not a number: {text!r}")
    negative = stripped[0] in MINUS_SIGNS
    digits = stripped.lstrip(MINUS_SIGNS).strip()
    for space in GROUP_SPACES:
        digits = digits.replace(space, "")
    if "," in digits and "." in digits:  # 1.234,5 or 1,234.5: the last mark is the decimal one
        group = "." if digits.rindex(",") > digits.rindex(".") else ","
        digits = digits.replace(group, "")
    digits = digits.replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the pattern rules it out
        raise ValueError(f"not a number: {text!r}") from exc
    return -value if negative else value


def format_number(value: Decimal | int | float, decimal_mark: str = ",") -> str:
    """Write a number as published: no exponent, no trailing zeros lost or added."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number, "f")
    if text.startswith("-") and number == 0:
        text = text[1:]
    return text.replace(".", decimal_mark)


def to_json_number(value: Decimal) -> int | float:
    """The nearest JSON number (int when whole)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
