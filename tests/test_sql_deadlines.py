"""Deadline targets on the DuckDB paths (issue 21): the compiled query cannot rate a path from
the first result, so `kpi sql` refuses them with a coded error, the stream leaves them to the
report, and the report path rates them by the core: the same bytes either engine.

The scorecard and results are made up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from made_up import made_up_card

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.sql.stream import why_not

DEFINITIONS = made_up_card(
    """\
    - {id: A.1.1, name: Made-up, direction: higher, target: "35 500 personer vid mandatperiodens slut"}
    - {id: A.1.2, name: Made-up plain, target: "> 5"}
    """,
    "language: sv",
    "term_ends: 2022",
    scorecard="Made-up kommun (oppdiktet)",
)
RESULTS = "indikator;år;verdi\nA.1.1;2018;33000\nA.1.1;2020;34200\nA.1.1;2022;35600\nA.1.2;2020;6\n"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_either_engine_rates_a_deadline_target_by_its_path(
    kpi: Callable[..., Result], write: Callable[..., Path], fmt: str
) -> None:
    definitions, results = write("indicators.yaml", DEFINITIONS), write("r.csv", RESULTS)
    args = ("evaluate", str(results), "--indicators", str(definitions), "--year", "2020", "--format", fmt)
    python, duckdb = kpi(*args, "--engine", "python"), kpi(*args, "--engine", "duckdb")
    assert python.exit_code == 1, python.stderr  # 34 200 is under the path's 34 250 in 2020
    assert duckdb.stdout_bytes == python.stdout_bytes
    assert (duckdb.exit_code, duckdb.stderr) == (python.exit_code, python.stderr)
    assert "34" in python.stdout and ("250" in python.stdout)


def test_the_stream_leaves_a_deadline_target_to_the_report(write: Callable[..., Path]) -> None:
    results = write("r.csv", RESULTS)
    assert why_not(parse_definitions(DEFINITIONS), [str(results)], "json") == (
        "A.1.1 has a target with a deadline (rated along the path from its first result), "
        "which only the report path writes"
    )


def test_kpi_sql_refuses_a_deadline_target_with_a_code(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    definitions = write("indicators.yaml", DEFINITIONS)
    result = kpi("sql", "--indicators", str(definitions))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{definitions}: error: A.1.1 has a target with a deadline (rated along the path from its first result), "
        "which the query cannot rate: kpi evaluate rates it [sql-unsupported]\n"
    )
