"""A result cell -> a value: numbers with units, footnote marks, words and the no-result markers.

The rules are in docs/explanation/values-as-written.md: a cell with no digit is no result (a
located ``result-text`` note quotes it); a number with words that are no unit stays an error.

The forms published tables print a result in; :mod:`kpi_cli.results.read` reads the tables around them.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ..inert import excerpt
from ..number_format import NUMBER_PATTERN, parse_number

NO_RESULT = {"", "-", "\u2013", "\u2014", "..", ".", ":", "ikke målt", "ikke malt", "not measured", "n/a"}
NO_RESULT_PREFIXES = ("ny indikator", "new indicator")

# A number (scientific notation too: Excel writes 1E-05), optionally followed by a unit of at
# most two words, each beginning with a letter: %, %poeng, mill. kr., % reduksjon, tonn CO2.
_VALUE = re.compile(
    rf"^(?P<n>{NUMBER_PATTERN})(?:[eE](?P<e>[-+\u2212]?\d{{1,4}}))?(?P<gap>\s*)"
    r"(?P<unit>[%\u2030]?\s*(?:(?!(?:eller|og|or|and|til|to)\b|e[-+\u2212]?\d)[^\W\d_][\w.]*\.?\s*){0,2})$",
    re.IGNORECASE,
)
# Units written without a space after the number (5kr, 12mill.): any other word glued to the
# digits is a typing error (1O for 10, 0x10), not a unit.
GLUED_UNITS = {"kr", "nok", "mill", "mrd", "pst", "poeng", "prosent", "t", "timer", "min", "dager", "år", "stk"}
# The forms below are tried only when a cell is not a plain value: patterns as text, compiled by re
# on first use (and kept in its cache), so a file of plain values never pays for compiling them.
# Marks after a value that point to a footnote: 56 %***, 72 % ****.
FOOTNOTE = r"(?<=\S)\s*\*+$"
# A sentence in a result cell: a word first, three or more in all, two of them words of letters
# (Resultat for 2018 foreligger ikke), so a value with a word before it (ca 45 %) stays an error.
_SENTENCE = r"^(?=[^\W\d_])(?=(?:.*?\b[^\W\d_]{2,}\b){2})\S+(?:\s+\S+){2,}$"
_SIGNED = rf"^[<>\u2264\u2265\u2039\u203a]=?\s*{NUMBER_PATTERN}"
_DIGIT = re.compile(r"\d")
# A result has fewer than 16 digits before the decimal mark and its first digit within 12 places
# after it: 4,51, 12 345 678 901,5 kr, 0,000001 %. Beyond that a cell is a typing or export error.
MAX_DIGITS = 15
MAX_PLACES = 12


class DateCell(str):
    """The text of an Excel cell that holds a date or time (``2015-03-05``): where a value belongs
    it is an error, never the number Excel stores behind it (42068)."""

    __slots__ = ()


class NoValue(ValueError):
    """A cell that is no value; ``key`` and ``values`` say it in the output language (``Problem.key``)."""

    code = "invalid-value"

    def __init__(self, message: str, key: str, **values: str) -> None:
        super().__init__(message)
        self.key, self.values = key, tuple(values.items())


class SignedValue(NoValue):
    """A result written with a comparison sign, ``> 70 %``: a target's notation, not a result."""

    code = "value-with-sign"


def parse_value(text: str) -> Decimal | None:
    """A result cell: a number (unit allowed after it) or one of the no-result markers."""
    return read_value(text)[0]


@functools.lru_cache(maxsize=1 << 14)
def read_value(text: str) -> tuple[Decimal | None, str | None]:
    """A result cell as published tables print it, and the code of a note on how it was read.

    Footnote marks after a number (``56 %***``) are dropped (``footnote-mark``); a cell
    without a digit (``Ingen merknadar``), however short, and a sentence that starts with a
    word (``Resultat for 2018 foreligger ikke``) are no result (``result-text``); a number with a
    comparison sign (``> 70 %``) raises SignedValue. Remembered: a million rows write a few
    thousand distinct values, and every row of one text shares its (immutable) Decimal.
    """
    clean = " ".join(text.split())
    lowered = clean.lower()
    if lowered in NO_RESULT or lowered.startswith(NO_RESULT_PREFIXES):
        return None, None
    if not _DIGIT.search(clean):  # words only, however few: no result, and a note quotes them
        return None, "result-text"
    match = _VALUE.match(clean)
    match = _unit_checked(match)
    if match is None:  # the forms of printed tables, tried only when a plain value is not there
        if re.match(_SENTENCE, clean):
            return None, "result-text"
        if re.match(_SIGNED, clean):
            text, sign = excerpt(clean, 40), repr(clean[0])
            message = f"value {text} is written with a sign: write the number itself, without {sign}"
            raise SignedValue(message, "value-with-sign", text=text, sign=sign)
        bare = re.sub(FOOTNOTE, "", clean)
        match = _unit_checked(_VALUE.match(bare)) if bare != clean else None
        if match is None:
            raise NoValue(f"value {excerpt(clean, 40)} is not a number", "not-a-number", text=excerpt(clean, 40))
        return _number(match, clean), "footnote-mark"
    return _number(match, clean), None


def _unit_checked(match: re.Match[str] | None) -> re.Match[str] | None:
    """A number with at most a unit after it; letters glued to the digits that are no unit
    (1O for 10, 0x10) make it no number."""
    unit = match.group("unit") if match else ""
    if match is None or (not match.group("gap") and unit[:1].isalpha() and _word(unit) not in GLUED_UNITS):
        return None
    return match


def _number(match: re.Match[str], clean: str) -> Decimal:
    value = parse_number(match.group("n"))
    if match.group("e"):
        value = value.scaleb(int(match.group("e").replace("\u2212", "-")))
    if value != 0 and not -MAX_PLACES <= value.adjusted() < MAX_DIGITS:
        text = excerpt(clean, 40)
        raise NoValue(f"value {text} is not a plausible result", "not-plausible", text=text)
    return value


def _word(unit: str) -> str:
    return unit.split()[0].rstrip(".").lower() if unit.split() else ""
