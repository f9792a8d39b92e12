"""Property: inert() leaves no control character in any text, and is idempotent (issue 16)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_cli.inert import inert

# Control characters other than tab and line feed, and the bidi overrides and isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@settings(max_examples=300, derandomize=True, database=None)
@given(st.text())
def test_inert_leaves_no_control_character(text: str) -> None:
    shown = inert(text)
    assert CONTROL.findall(shown) == [] and inert(shown) == shown
