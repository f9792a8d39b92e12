"""Band cases shared by the tests of notation, bands and rating: made-up indicators built
from YAML text, the interval shorthands, and the seed's L.1.1 and L.2.1 bands."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.model import Indicator, Interval, Status

D = Decimal
SEED = Path(__file__).resolve().parents[2] / "indicators.yaml"

DESIRED = Status.DESIRED
ACCEPTED = Status.ACCEPTED
NOT_APPROVED = Status.NOT_APPROVED


def closed(a: str, b: str) -> Interval:
    return Interval(D(a), D(b), True, True)


def exactly(a: str) -> Interval:
    return Interval(D(a), D(a), True, True)


def at_least(a: str) -> Interval:
    return Interval(D(a), None, True, False)


def above(a: str) -> Interval:
    return Interval(D(a), None, False, False)


def at_most(a: str) -> Interval:
    return Interval(None, D(a), False, True)


def below(a: str) -> Interval:
    return Interval(None, D(a), False, False)


def exact_interval(a: Interval, b: Interval) -> bool:
    """Equal as intervals, and with the same flags (dataclass equality, spelled out)."""
    return (a.low, a.high, a.low_inclusive, a.high_inclusive) == (b.low, b.high, b.low_inclusive, b.high_inclusive)


# --- building definitions from YAML text -----------------------------------------

HEADER = """\
scorecard: Test
language: nb
focus_areas:
  - id: T
    name: Test
    goals:
      - id: T.1
        name: Goal
        indicators:
"""


def indicator_yaml(indicator_id: str, body: str) -> str:
    """One indicator entry (at the indent the header expects); ``body`` is its fields, dedented."""
    fields = textwrap.indent(textwrap.dedent(body).strip("\n") + "\n", " " * 12)
    return f"          - id: {indicator_id}\n            name: Indicator {indicator_id}\n{fields}"


def document(*indicators: str, top: str = "") -> str:
    header = HEADER if not top else HEADER.replace("language: nb\n", f"language: nb\n{top}")
    return header + "".join(indicators)


def one(body: str, indicator_id: str = "T.1.1", top: str = "") -> Indicator:
    scorecard = parse_definitions(document(indicator_yaml(indicator_id, body), top=top), "test.yaml")
    return scorecard.indicator_map()[indicator_id]


def definition_errors(text: str) -> list:
    with pytest.raises(KpiErrors) as info:
        parse_definitions(text, "test.yaml")
    return info.value.errors


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``needle`` in ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in the text")


L11_BODY = """
unit: score 1-6
scale: [1, 6]
bands:
  desired: "4,5 - 6"
  accepted: "4 - 4,4"
  not_approved: "0 - 3,9"
"""

L21_BODY = """
unit: "%poeng"
bands:
  desired: "> 5 %poeng"
  accepted: "2 - 4,9 %poeng"
  not_approved: "< 2 %poeng"
"""


POPULATION = """
unit: "%"
bands:
  desired: "1,30 - 1,69 %"
  accepted: ["1,00 - 1,29 %", "1,70 - 1,99 %"]
  not_approved: ["< 1,00 %", "> 1,99 %"]
"""

SICK_LEAVE = """
unit: "%"
bands:
  desired: "< 6 %"
  accepted: "6 - 7,5 %"
  not_approved: "> 7,5 %"
"""
