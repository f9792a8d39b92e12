"""Benchmarks beside results, the Ø.3.1 share and the source line (kpi_cli.results.ssb.benchmarks).

Values in the parametrized tables are made up; the source lines come from SSB's own files.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_cli.model import Direction
from kpi_cli.render.labels import Labels
from kpi_cli.report import TableSource
from kpi_cli.results.read import read_results
from kpi_cli.results.ssb.benchmarks import BETTER, EQUAL, WORSE, benchmarks_for, compare, for_report, share_better
from kpi_cli.results.ssb.read import read_ssb
from kpi_cli.results.ssb.rows import Conversion

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


def source_of(name: str) -> TableSource:
    _, tables = for_report([Conversion(read_ssb(str(FIXTURES / name)))])
    (table,) = tables
    return table


def test_source_line_names_table_title_and_update_day_and_the_mandatory_notes() -> None:
    table = source_of("ssb_12134_kostra_nokkeltall_pxwebapi-v2_jsonstat2.json")
    title = "Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region og år"
    assert table.title == title
    assert Labels("nb").table_source(table) == f"Kilde: SSB, tabell 12134 «{title}», oppdatert 2026-03-16"
    assert (
        Labels("en").table_source(table)
        == f"Source: Statistics Norway, table 12134 \u201c{title}\u201d, updated 2026-03-16"
    )
    lines = Labels("nb").sources([table])
    assert len(lines) == 3 and lines[1].startswith("Merk: Det er brudd i tidsserien for KOSTRA-gruppene")
    assert lines[2].startswith("Merk: Tall for landet uten Oslo publiseres ikke 16. mars 2026.")
    csv = source_of("ssb_05803_ekteskap_skilsmisser_statbank-download_wide.csv")
    assert Labels("nb").table_source(csv).startswith("Kilde: SSB, tabell 05803 «Endringer i befolkningen")
    assert csv.updated is None and not Labels("nb").table_source(csv).endswith("»,")  # a CSV carries no update time


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
    _, (table,) = for_report(read.ssb)
    assert (table.table, table.updated) == ("12191", "2021-06-13T22:00:00Z")
