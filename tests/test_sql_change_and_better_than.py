"""`rate: change` and `compute: better_than` compiled to SQL (README: "The scorecard as SQL"):
the values and statuses `kpi evaluate` gives, exactly, on DuckDB, SQLite and a real PostgreSQL
server. Every scorecard, result and benchmark value here is MADE UP.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from sql_engines import BenchmarkRow, Key, Outcome, assert_agree, run_duckdb, run_sqlite

from kpi_cli.definitions.load import load_definitions
from kpi_cli.model import Band, Computation, Direction, FocusArea, Goal, Indicator, Interval, Scorecard, Status
from kpi_cli.report import Benchmark, ResultRow

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from kpi_cli.sql import compile_sql

ENGINES = ("duckdb", "sqlite", "postgres")
HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
Runner = Callable[[str, Sequence[ResultRow], Sequence[BenchmarkRow]], dict[Key, Outcome]]

DEFINITIONS = """\
# MADE UP: a scorecard to show rate: change and compute: better_than in SQL.
scorecard: Eksempelkommune (oppdiktet)
focus_areas:
  - id: X
    name: Område
    goals:
      - id: X.1
        name: Mål
        indicators:
          - {id: X.1.1, name: Høyere er bedre, direction: higher, target: "> 4"}
          - {id: X.1.2, name: Lavere er bedre, direction: lower, target: "< 6"}
          - id: X.1.3
            name: Andel bedre enn KOSTRA-gruppe 13
            unit: "%"
            compute: {better_than: {benchmark: EKG13, indicators: [X.1.1, X.1.2]}}
            bands: {desired: ">= 50", not_approved: "< 50"}
          - {id: X.1.4, name: Endring fra året før, rate: change, target: "> 0", scale: [0, 100]}
"""
ROWS = [
    ResultRow(ident, year, None if value is None else Decimal(value), unit)
    for ident, year, value, unit in (
        ("X.1.4", 2022, "40.5", None),
        ("X.1.1", 2023, "5", None),
        ("X.1.2", 2023, "6", None),
        ("X.1.4", 2023, "40", None),
        ("X.1.1", 2024, "5", None),
        ("X.1.2", 2024, "7", None),
        ("X.1.4", 2024, "40.5", None),
        ("X.1.1", 2024, "3", "Oppvekst"),
        ("X.1.2", 2024, "5", "Oppvekst"),
        ("X.1.4", 2024, "12", "Oppvekst"),
    )
]
BENCHMARKS: list[BenchmarkRow] = [
    ("X.1.1", 2023, "EKG13", Decimal(5)),  # equal: compared, not better
    ("X.1.2", 2023, "EKG13", None),  # no value: not compared
    ("X.1.1", 2024, "EKG13", Decimal(4)),
    ("X.1.2", 2024, "EKG13", Decimal(6)),
    ("X.1.1", 2024, "EAK", Decimal(100)),  # another region: not the one compared with
]


def core_benchmarks(rows: Sequence[BenchmarkRow]) -> dict[tuple[str, int], tuple[Benchmark, ...]]:
    """The benchmark table's rows as the core holds them (as read from an SSB file)."""
    found: dict[tuple[str, int], tuple[Benchmark, ...]] = {}
    for ident, year, region, value in rows:
        found[(ident, year)] = (*found.get((ident, year), ()), Benchmark(region, region, value))
    return found


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(DEFINITIONS, encoding="utf-8")
    return path


@pytest.fixture(params=ENGINES)
def run(request: pytest.FixtureRequest) -> tuple[str, Runner]:
    """An engine's name and how to run a query on it over results and benchmark rows."""
    if request.param == "postgres":
        server = request.getfixturevalue("postgres")
        return "postgres", lambda query, rows, benchmarks: server.run(query, rows, benchmarks=benchmarks)
    return request.param, run_duckdb if request.param == "duckdb" else run_sqlite


def test_changes_and_shares_better_than_a_benchmark_as_kpi_evaluate_rates_them(
    run: tuple[str, Runner], kpi, definitions: Path
) -> None:  # type: ignore[no-untyped-def]
    engine, runner = run
    result = kpi("sql", "--dialect", engine, "--indicators", str(definitions), "--benchmarks", "benchmarks")
    assert result.exit_code == 0, result.output
    found = runner(result.stdout, ROWS, BENCHMARKS)
    assert_agree(load_definitions(definitions), ROWS, 2024, found, engine, core_benchmarks(BENCHMARKS))
    rows = {key: (value, status) for key, (value, status, *_) in found.items() if key[0] in ("X.1.3", "X.1.4")}
    nothing_there = {
        (ident, year, "Oppvekst"): (None, "missing") for ident in ("X.1.3", "X.1.4") for year in (2022, 2023)
    }
    assert rows == nothing_there | {
        ("X.1.3", 2022, None): (None, "missing"),  # nothing to compare
        ("X.1.3", 2023, None): (Decimal(0), "not_approved"),  # 0 of 1 better (an equal value is not)
        ("X.1.3", 2024, None): (Decimal(50), "desired"),  # 5 > 4 better, 7 > 6 worse
        ("X.1.3", 2024, "Oppvekst"): (Decimal(50), "desired"),  # 3 < 4 worse, 5 < 6 better
        ("X.1.4", 2022, None): (None, "missing"),  # no year before
        ("X.1.4", 2023, None): (Decimal("-0.5"), "not_approved"),
        ("X.1.4", 2024, None): (Decimal("0.5"), "desired"),
        ("X.1.4", 2024, "Oppvekst"): (None, "missing"),  # 12, but nothing the year before
    }


def test_without_benchmarks_better_than_has_no_value_as_in_kpi_evaluate_on_a_csv(kpi, definitions: Path) -> None:  # type: ignore[no-untyped-def]
    result = kpi("sql", "--indicators", str(definitions))
    assert result.exit_code == 0, result.output
    found = run_duckdb(result.stdout, ROWS)
    assert_agree(load_definitions(definitions), ROWS, 2024, found, "duckdb")
    assert {key: found[key][:2] for key in found if key[0] == "X.1.3"} == {
        ("X.1.3", year, unit): (None, "missing") for year in (2022, 2023, 2024) for unit in (None, "Oppvekst")
    }


def test_a_benchmarks_name_that_is_not_a_table_name_is_a_usage_error(kpi, definitions: Path) -> None:  # type: ignore[no-untyped-def]
    result = kpi("sql", "--indicators", str(definitions), "--benchmarks", "x; DROP TABLE results")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpi: error: --benchmarks: 'x; DROP TABLE results' is not a table name: "
        "letters, digits and _, optionally schema.table [usage]"
    ]


# --- better_than's share rounded as the core rounds it: half up, two decimals ------------------

# (how many inputs are better, how many are compared) -> 100 × better / compared, rounded
SHARES = {
    (0, 1): "0",
    (1, 1): "100",
    (1, 3): "33.33",
    (2, 3): "66.67",  # 66.666...: up
    (1, 6): "16.67",
    (1, 8): "12.5",
    (1, 32): "3.13",  # 3.125: a half, up
    (5, 32): "15.63",  # 15.625
    (3, 7): "42.86",
}


def share_scorecard() -> tuple[Scorecard, list[ResultRow], list[BenchmarkRow]]:
    """One better_than indicator per case in SHARES, over inputs B.n better than EKG13 and W.n
    worse, each 1 against a benchmark of 0 or 2, half of them lower-is-better."""
    most = max(compared for _, compared in SHARES)
    inputs: list[Indicator] = []
    benchmarks: list[BenchmarkRow] = []
    for side in ("B", "W"):
        for n in range(most):
            higher = n % 2 == 0
            inputs.append(Indicator(f"{side}.{n}", "made up", direction=HIGHER if higher else LOWER))
            theirs = Decimal(0 if (side == "B") == higher else 2)
            benchmarks += [(f"{side}.{n}", 2024, "EKG13", theirs), (f"{side}.{n}", 2024, "EAK", Decimal(1))]
    rows = [ResultRow(each.id, 2024, Decimal(1)) for each in inputs]
    bands = (
        Band(Status.DESIRED, "made up", (Interval(Decimal(50), None, True, False),)),
        Band(Status.NOT_APPROVED, "made up", (Interval(None, Decimal(50), False, False),)),
    )
    shares = [
        Indicator(
            f"S.{better}.{compared}",
            "made up",
            bands=bands,
            compute=Computation(
                "better_than",
                (*[f"B.{n}" for n in range(better)], *[f"W.{n}" for n in range(compared - better)]),
                "EKG13",
            ),
        )
        for better, compared in SHARES
    ]
    goal = Goal("S.1", "made up", (*inputs, *shares))
    return Scorecard("Andeler (oppdiktet)", focus_areas=(FocusArea("S", "made up", goals=(goal,)),)), rows, benchmarks


def test_a_share_better_than_a_benchmark_is_rounded_half_up_to_two_decimals(run: tuple[str, Runner]) -> None:
    engine, runner = run
    scorecard, rows, benchmarks = share_scorecard()
    query = compile_sql(scorecard, engine, year=2024, benchmarks="benchmarks")
    found = runner(query, rows, benchmarks)
    assert_agree(scorecard, rows, 2024, found, engine, core_benchmarks(benchmarks))
    values = {key[0]: found[key][0] for key in found if key[0].startswith("S.")}
    assert values == {f"S.{better}.{compared}": Decimal(share) for (better, compared), share in SHARES.items()}


@pytest.mark.parametrize("dialect", ["tsql", "bigquery", "spark", "trino"])
def test_the_dialects_not_run_here_parse_back(dialect: str, kpi, definitions: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlglot

    result = kpi("sql", "--dialect", dialect, "--indicators", str(definitions), "--benchmarks", "kpi.groups")
    assert result.exit_code == 0, result.output
    parsed = [statement for statement in sqlglot.parse(result.stdout, read=dialect) if statement is not None]
    assert [type(statement).__name__ for statement in parsed] == ["Select"]
    read = {(table.db, table.name) for table in parsed[0].find_all(sqlglot.exp.Table)}
    assert {("", "results"), ("kpi", "groups")} <= read  # better_than reads the benchmarks table named
