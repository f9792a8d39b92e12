"""The reference pages under docs/reference/ that are written by hand say what the code does.

The problem codes are generated (tests/core/test_problems.py); the keys of the definitions file and
the limits are tables written by hand, compared here with the constants the loader and readers use.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT

from kpi_cli import limits
from kpi_cli.definitions.band_fields import BAND_KEYS
from kpi_cli.definitions.indicator_fields import INDICATOR_KEYS
from kpi_cli.definitions.load import COLUMN_ROLES, SCORECARD_KEYS
from kpi_cli.definitions.target_fields import TARGET_KEYS
from kpi_cli.model import COMPUTATIONS

DEFINITIONS = REPO_ROOT / "docs" / "reference" / "definitions.md"


def _keys_under(heading: str) -> set[str]:
    """The keys in the first column of the table under ``### heading`` in the definitions reference."""
    text = DEFINITIONS.read_text(encoding="utf-8")
    section = text.split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE))


@pytest.mark.parametrize(
    ("heading", "keys"),
    [
        ("The file", SCORECARD_KEYS),
        ("An indicator", INDICATOR_KEYS),
        ("A band version", (*BAND_KEYS, "from", "scale", "unit")),
        ("A target version", TARGET_KEYS),
        ("compute", COMPUTATIONS),
        ("columns", COLUMN_ROLES),
    ],
)
def test_every_key_the_loader_reads_is_in_the_reference(heading: str, keys: tuple[str, ...]) -> None:
    assert _keys_under(heading) == set(keys)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def test_the_limits_page_states_every_limit_the_readers_use() -> None:
    page = (REPO_ROOT / "docs" / "reference" / "limits.md").read_text(encoding="utf-8")
    stated = {
        "MAX_LINE_BYTES": f"| a CSV line: {limits.MAX_LINE_BYTES >> 20} MiB |",
        "MAX_FIELD_CHARS": f"| a CSV field: {limits.MAX_FIELD_CHARS >> 10} Ki characters",
        "MAX_COLUMNS": f"| fields of a record, cells of a sheet's row: {_thousands(limits.MAX_COLUMNS)} |",
        "MAX_UNPACKED_BYTES": f"| a workbook, unpacked: {limits.MAX_UNPACKED_BYTES >> 20} MiB",
        "MAX_DEFINITIONS_BYTES": f"| the definitions file: {limits.MAX_DEFINITIONS_BYTES >> 20} MiB |",
        "MAX_YAML_NODES": f"| YAML aliases: {_thousands(limits.MAX_YAML_NODES)} nodes",
        "MAX_YAML_DEPTH": f"| YAML nesting: {limits.MAX_YAML_DEPTH} levels |",
        "EXCERPT_CHARS": f"| a message quotes at most {limits.EXCERPT_CHARS} characters",
        "MAX_MESSAGE_CHARS": f"a stderr line is at most {limits.MAX_MESSAGE_CHARS} |",
        "MAX_SSB_CELLS": f"| a Statistics Norway table's declared cells: {_thousands(limits.MAX_SSB_CELLS)} ",
        "MAX_PARQUET_RATIO": f"at most {limits.MAX_PARQUET_RATIO} times the file's size",
        "MAX_SPILL_BYTES": f"temporary folder in one run: {limits.MAX_SPILL_BYTES >> 30} GiB |",
        "MAX_TABLE_WIDTH": f"| a terminal table's width: {_thousands(limits.MAX_TABLE_WIDTH)} columns",
    }
    constants = {name for name in vars(limits) if name.isupper()}
    assert set(stated) == constants, "a new limit needs a row in docs/reference/limits.md and a line here"
    assert {name: row for name, row in stated.items() if row not in page} == {}
