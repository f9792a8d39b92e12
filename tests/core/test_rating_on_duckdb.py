"""The rating tables of test_rating.py (the seed's edges under both gap policies, a target range)
run against the DuckDB engine too: the compiled query's status and gap flag, and the streamed
path's status, gap flag and reason, for every value (README: "The scorecard as SQL"). Each table
runs through both compiled queries: the specialised one (the indicator as the seed has it) and the
general one (the same bands also given as the own version of an org unit with no rows)."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from band_cases import POPULATION, SEED, one
from test_rating import L11_NEAREST, L11_WORSE, L21_NEAREST, L21_WORSE, TARGET_RANGE

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from sql_engines import run_duckdb

from kpi_cli.definitions.load import load_definitions
from kpi_cli.model import BandVersion, FocusArea, GapPolicy, Goal, Indicator, Scorecard, Status
from kpi_cli.rating.rate import rate
from kpi_cli.render.labels import Labels
from kpi_cli.report import ResultRow
from kpi_cli.sql import compile_sql
from kpi_cli.sql.stream import evaluate_streamed
from kpi_cli.view import Gate

YEAR = 2016
Table = list[tuple[str, Status, bool]]


def seed_indicator(ident: str, policy: GapPolicy) -> Indicator:
    """The seed's indicator rated on a value given directly (no phase-in, not computed)."""
    found = load_definitions(SEED).indicator_map()[ident]
    return dataclasses.replace(found, compute=None, phase_in=None, gap_policy=policy, goal_id="X.1", focus_area_id="X")


def indicators() -> dict[str, tuple[Indicator, Table]]:
    population = dataclasses.replace(one(POPULATION), goal_id="X.1", focus_area_id="X")
    return {
        "L.1.1, worse": (seed_indicator("L.1.1", GapPolicy.WORSE), L11_WORSE),
        "L.1.1, nearest": (seed_indicator("L.1.1", GapPolicy.NEAREST), L11_NEAREST),
        "L.2.1, worse": (seed_indicator("L.2.1", GapPolicy.WORSE), L21_WORSE),
        "L.2.1, nearest": (seed_indicator("L.2.1", GapPolicy.NEAREST), L21_NEAREST),
        "a target range": (population, TARGET_RANGE),
    }


CASES = list(indicators())


def scorecard_of(item: Indicator) -> Scorecard:
    return Scorecard(
        "Tabelltester (oppdiktet)", focus_areas=(FocusArea("X", "X", goals=(Goal("X.1", "X.1", (item,)),)),)
    )


def unit(number: int) -> str:
    return f"Enhet {number:02d}"


QUERIES = ("specialised", "general")


def as_rated_by(item: Indicator, query: str) -> Indicator:
    """The indicator as it is, or with its bands also as the own version of an org unit that has no
    rows (made up): the same ratings, but the compiler then writes its general query."""
    if query == "specialised":
        return item
    general = BandVersion(item.bands, item.direction, None, None, item.scale)
    own = BandVersion(item.bands, item.direction, None, "Enhet uten rader (oppdiktet)", item.scale)
    return dataclasses.replace(item, bands=(), versions=(general, own))


@pytest.mark.parametrize("query", QUERIES)
def test_the_two_queries_are_the_ones_named(query: str) -> None:
    item, _ = indicators()["L.1.1, worse"]
    sql = compile_sql(scorecard_of(as_rated_by(item, query)), "duckdb")
    assert ("kpi_computed AS" in sql) is (query == "general")


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("case", CASES)
def test_the_compiled_query_rates_every_edge_as_the_core(case: str, query: str) -> None:
    item, table = indicators()[case]
    rows = [ResultRow(item.id, YEAR, Decimal(value), unit(n)) for n, (value, _, _) in enumerate(table)]
    sql = compile_sql(scorecard_of(as_rated_by(item, query)), "duckdb", base_column=True, year=YEAR)
    rated = run_duckdb(sql, rows)
    found = [(rated[(item.id, YEAR, unit(n))][1], rated[(item.id, YEAR, unit(n))][4]) for n in range(len(table))]
    assert found == [(status.value, int(in_gap)) for _, status, in_gap in table]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("case", CASES)
def test_the_stream_rates_and_words_every_edge_as_the_core(case: str, query: str) -> None:
    item, table = indicators()[case]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resultater.csv"
        lines = [f"{item.id};{YEAR};{unit(n)};{value.replace('.', ',')}" for n, (value, _, _) in enumerate(table)]
        path.write_text("indikator;år;enhet;verdi\n" + "\n".join(lines) + "\n", encoding="utf-8")
        scorecard = scorecard_of(as_rated_by(item, query))
        outcome = evaluate_streamed(scorecard, [str(path)], year=YEAR, gate=Gate(), definitions="x.yaml", fmt="jsonl")
        assert not isinstance(outcome, str), outcome
        results = [json.loads(line) for line in b"".join(outcome.chunks()).splitlines()]
        outcome.close()
    english = Labels("en")
    assert [(r["org_unit"], r["status"], r["in_gap"], r["reason"]) for r in results] == [
        (unit(n), status.value, in_gap, english.reason(rate(item, Decimal(value))))
        for n, (value, status, in_gap) in enumerate(table)
    ]
