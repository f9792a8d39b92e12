"""Bands kpi works out itself, written as a printed scorecard writes bands. Pure.

A single target and its tolerance become three bands (:mod:`kpi_cli.definitions.target_fields`);
their text is what every format shows in the band columns, so it reads like the rest of the
scorecard: ``83 - 85 %``, ``< 83 %``, ``> 85 %``, the target's unit on each, numbers at the
precision the target is written with, never interval brackets (whose comma is also the decimal
mark). A range's open end is written as the last value inside it at that precision
(``90 - 91 %`` beside ``≥ 92 %``), as printed scorecards do (``4 - 4,4`` beside ``4,5 - 6``); a ray
keeps its sign. The rating always uses the exact intervals. See docs/explanation/how-bands-print.md.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Interval
from ..number_format import NUMBER_PATTERN, format_number, parse_number
from ..records import dataclass
from .notation import _SPLIT, FORMS, band_lines, normalise
from .words import unread_words

UNICODE_SIGNS = ("\u2265", "\u2264")  # ≥ ≤: what printed scorecards use
ASCII_SIGNS = (">=", "<=")


@dataclass(frozen=True)
class Wording:
    """How the bands of one target are written: its unit, its decimals and its signs."""

    unit: str = ""
    decimals: int = 0
    signs: tuple[str, str] = UNICODE_SIGNS
    mark: str = ","

    @classmethod
    def of(cls, text: str, mark: str = ",") -> Wording:
        """The wording of a target as written: ``> 85 %`` has unit ``%``, 0 decimals, ≥ and ≤."""
        ascii_signs = re.search(r">=|<=|=>|=<", text) is not None
        return cls(written_unit(text), written_decimals(text), ASCII_SIGNS if ascii_signs else UNICODE_SIGNS, mark)

    def number(self, value: Decimal) -> str:
        step = Decimal(1).scaleb(-self.decimals)
        at_precision = value.quantize(step)
        return format_number(at_precision if at_precision == value else value.normalize(), self.mark)

    def interval(self, interval: Interval) -> str:
        """One interval: ``83 - 85 %``, ``< 83 %``, ``≥ 4,70``, ``7,0 %``."""
        unit = f" {self.unit}" if self.unit else ""
        low, high = interval.low, interval.high
        at_least, at_most = self.signs
        if low is None and high is None:
            return "alle verdier" if self.mark == "," else "all values"
        if low is None and high is not None:
            return f"{at_most if interval.high_inclusive else '<'} {self.number(high)}{unit}"
        if high is None and low is not None:
            return f"{at_least if interval.low_inclusive else '>'} {self.number(low)}{unit}"
        assert low is not None and high is not None
        first, last = self._inside(low, interval.low_inclusive, 1), self._inside(high, interval.high_inclusive, -1)
        if first > last:  # no value at the target's precision lies inside: the exact ends
            first, last = low, high
        if first == last:
            return f"{self.number(first)}{unit}"
        return f"{self.number(first)} - {self.number(last)}{unit}"

    def intervals(self, intervals: list[Interval] | tuple[Interval, ...]) -> str:
        return "; ".join(self.interval(i) for i in intervals)

    def _inside(self, end: Decimal, inclusive: bool, towards: int) -> Decimal:
        """The end itself, or for an open end the next value inside at the target's precision
        (the end when it is not a value at that precision)."""
        step = Decimal(1).scaleb(-self.decimals)
        if inclusive or end.quantize(step) != end:
            return end
        return end + towards * step


_NUMBER = re.compile(NUMBER_PATTERN)


def written_decimals(text: str) -> int:
    """The most decimals any number of the text is written with: ``4,70`` 2, ``> 85 %`` 0."""
    found = 0
    for match in _NUMBER.finditer(text):
        try:
            exponent = parse_number(match.group(0)).as_tuple().exponent
        except ValueError:
            continue
        if isinstance(exponent, int) and exponent < 0:
            found = max(found, -exponent)
    return found


def written_unit(text: str) -> str:
    """The unit written after the target's number (``%`` in ``> 85 %``, ``poeng`` in ``>52,5 poeng``),
    or ``""``; comparison words after the number (``4,5 eller bedre``) are no unit."""
    for line in band_lines(text):
        for part in _SPLIT.split(normalise(line)):
            for form in FORMS:
                match = form.match(part)
                if match is None:
                    continue
                groups = match.groupdict()
                unit = groups.get("b_unit") or groups.get("a_unit") or ""
                other = set(unread_words(unit))  # words that are no unit stay with the text: '3 % reduksjon'
                unit = " ".join(word for word in unit.split() if word not in other)
                if unit:
                    return unit
                break
    return ""
