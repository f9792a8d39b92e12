"""Benchmarks beside results, the Ø.3.1 share and the source line (kpi_cli.ssb.benchmarks).

Values in the parametrized tables are made up; the source lines come from SSB's own files.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_cli.model import Direction
from kpi_cli.results import read_results
from kpi_cli.ssb.benchmarks import BETTER, EQUAL, WORSE, benchmarks_for, compare, share_better, source_line
from kpi_cli.ssb.read import read_ssb

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ssb"
D = Decimal


@pytest.mark.parametrize(
    ("value", "benchmark", "direction", "outcome"),
    [
        (D(5), D(4), Direction.HIGHER_IS_BETTER, BETTER),
        (D(3), D(4), Direction.HIGHER_IS_BETTER, WORSE),
        (D(5), D(4), Direction.LOWER_IS_BETTER, WORSE),
        (D(3), D(4), Direction.LOWER_IS_BETTER, BETTER),
        (D("4.0"), D(4), Direction.LOWER_IS_BETTER, EQUAL),
        (None, D(4), Direction.HIGHER_IS_BETTER, None),  # the municipality's value is absent
        (D(4), None, Direction.HIGHER_IS_BETTER, None),  # the benchmark's is (':' suppressed, say)
        (D(5), D(4), Direction.TARGET_RANGE, None),
        (D(5), D(4), None, None),
    ],
)
def test_compare_by_direction(
    value: Decimal | None, benchmark: Decimal | None, direction: Direction | None, outcome: str | None
) -> None:
    assert compare(value, benchmark, direction) == outcome


@given(st.decimals(allow_nan=False, allow_infinity=False), st.decimals(allow_nan=False, allow_infinity=False))
def test_swapping_the_direction_swaps_better_and_worse(value: Decimal, benchmark: Decimal) -> None:
    up = compare(value, benchmark, Direction.HIGHER_IS_BETTER)
    down = compare(value, benchmark, Direction.LOWER_IS_BETTER)
    assert {up, down} in ({BETTER, WORSE}, {EQUAL})


def test_share_better_counts_only_the_comparisons_made() -> None:
    assert share_better([BETTER, WORSE, None, BETTER]) == D("66.67")
    assert share_better([EQUAL, WORSE]) == D("0.00")
    assert share_better([None, None]) is None


def test_source_line_names_table_and_update_day() -> None:
    table = read_ssb(str(FIXTURES / "ssb_12134_kostra_nokkeltall_pxwebapi-v2_jsonstat2.json"))
    assert source_line(table) == "Kilde: SSB, tabell 12134, oppdatert 2026-03-16"
    assert source_line(table, "en") == "Source: Statistics Norway, table 12134, updated 2026-03-16"
    csv = read_ssb(str(FIXTURES / "ssb_05803_ekteskap_skilsmisser_statbank-download_wide.csv"))
    assert source_line(csv) == "Kilde: SSB, tabell 05803"  # a CSV carries no update time


def test_benchmarks_for_a_result_from_what_read_results_kept() -> None:
    example = Path(__file__).parents[2] / "examples" / "ssb-kostra"
    table = example / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json"
    read = read_results([table], definitions=str(example / "indicators.yaml"))
    found = benchmarks_for(read.ssb, "H.1.1", 2020)
    assert [(b.region, b.name, b.value) for b in found] == [
        ("3002", "Moss", D("13.5")),
        ("3007", "Ringerike", D("8.9")),
    ]
    drammen = next(row.value for row in read.rows if (row.indicator, row.year) == ("H.1.1", 2020))
    assert [compare(drammen, b.value, Direction.HIGHER_IS_BETTER) for b in found] == [BETTER, BETTER]
    assert source_line(read.ssb[0].table) == "Kilde: SSB, tabell 12191, oppdatert 2021-06-13"
