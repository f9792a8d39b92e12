"""The made-up scorecard tests build their definitions on: focus area A with goal A.1, holding the
indicators a test gives. Every name in it is made up."""

from __future__ import annotations

import textwrap

_AREA = """\
focus_areas:
  - id: A
    name: Made-up area
    goals:
      - id: A.1
        name: Made-up goal
        indicators:
"""


def made_up_head(scorecard: str = "Made-up kommune", *lines: str) -> str:
    """A made-up definitions file up to and with ``indicators:``: the scorecard's name, then each of
    ``lines`` on its own line (``language: sv``, ``levels: ...``; an empty one is a blank line), then
    focus area A and goal A.1. The indicator list starts in column 11."""
    return "".join([f"scorecard: {scorecard}\n", *(f"{line}\n" for line in lines), _AREA])


def made_up_card(indicators: str, *lines: str, scorecard: str = "Made-up kommune") -> str:
    """``made_up_head`` with ``indicators`` (YAML list items, any common indentation) under goal A.1."""
    return made_up_head(scorecard, *lines) + textwrap.indent(textwrap.dedent(indicators), " " * 10)
