"""`kpi sql`: the printed query runs on DuckDB, SQLite and a real PostgreSQL server and gives
the statuses `kpi evaluate` gives; the other dialects are transpiled and parsed back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SEED_INDICATORS
from sql_engines import Postgres, assert_agree, run_duckdb, run_sqlite

from kpi_cli.definitions.load import load_definitions
from kpi_cli.results.read import read_results

sqlglot = pytest.importorskip("sqlglot")
pytest.importorskip("duckdb")

from kpi_cli.cli import main  # noqa: E402
from kpi_cli.sql import DIALECTS  # noqa: E402

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
PRINTED = REPO_ROOT / "examples" / "printed"  # bands as printed tables write them; Ø.2.1 -0,3 lies beyond them
CHANGE = REPO_ROOT / "examples" / "change-and-years"  # made up: two indicators rated on their change
# Made up: the template example of the README, measures and all (L.2.1 a change, L.2.2 a share).
MEASURED = """indikator;år;verdi;enhet
ideer;2015;120;
ideer;2016;130;
ideer_valgt;2016;13;
L.1.1;2016;4,6;
L.1.2;2016;4,4;
L.1.1;2016;3,95;Oppvekst
ideer;2016;7;Oppvekst
"""


def printed(run_cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = run_cli("sql", *args)
    assert result.exit_code == 0, result.output
    return str(result.output)


def cases(tmp_path: Path) -> list[tuple[Path, list[Path], int]]:
    measured = tmp_path / "measured-2016.csv"
    measured.write_text(MEASURED, encoding="utf-8")
    return [
        (EXAMPLE / "indicators.yaml", [EXAMPLE / "results-2015-2017.csv"], 2017),
        (SEED_INDICATORS, [REPO_ROOT / "results" / "2014.csv"], 2014),
        (SEED_INDICATORS, [measured], 2016),
        (CHANGE / "indicators.yaml", [CHANGE / "results.csv"], 2015),
        (PRINTED / "indicators.yaml", [PRINTED / "results-2015.csv"], 2015),
    ]


@pytest.fixture
def run_cli():  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_the_printed_query_rates_as_kpi_evaluate(engine: str, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    run = run_duckdb if engine == "duckdb" else run_sqlite
    for definitions, files, year in cases(tmp_path):
        scorecard = load_definitions(definitions)
        rows = read_results(files).rows
        query = printed(run_cli, "--dialect", engine, "--indicators", str(definitions))
        found = run(query, rows)
        assert_agree(scorecard, rows, year, found, engine)
        assert {status for _, status, *_ in found.values()} - {None}
    beyond = {key: (status, flag) for key, (_, status, _, _, _, flag, _) in found.items() if flag}
    assert beyond == {("Ø.2.1", 2015, None): ("desired", 1)}  # the outermost band, as kpi evaluate warns


def test_the_printed_query_rates_as_kpi_evaluate_on_postgres(postgres: Postgres, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    for definitions, files, year in cases(tmp_path):
        scorecard = load_definitions(definitions)
        rows = read_results(files).rows
        query = printed(run_cli, "--dialect", "postgres", "--indicators", str(definitions))
        assert_agree(scorecard, rows, year, postgres.run(query, rows), "postgres")


def test_a_view_rates_the_same_on_postgres(postgres: Postgres, run_cli) -> None:  # type: ignore[no-untyped-def]
    definitions = EXAMPLE / "indicators.yaml"
    rows = read_results([EXAMPLE / "results-2015-2017.csv"]).rows
    view = printed(run_cli, "--dialect", "postgres", "--indicators", str(definitions), "--view", "scorecard")
    assert view.startswith("CREATE VIEW scorecard AS")
    found = postgres.run("SELECT * FROM scorecard", rows, setup=view)
    assert_agree(load_definitions(definitions), rows, 2017, found, "postgres view")


def test_a_view_over_a_named_table_on_sqlite(run_cli) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    definitions = EXAMPLE / "indicators.yaml"
    rows = read_results([EXAMPLE / "results-2015-2017.csv"]).rows
    view = printed(
        run_cli, "--dialect", "sqlite", "--indicators", str(definitions), "--table", "main.kpi", "--view", "v"
    )
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE kpi (indicator TEXT, year INT, org_unit TEXT, value NUMERIC)")
    con.executemany(
        "INSERT INTO kpi VALUES (?, ?, ?, ?)",
        [(r.indicator, r.year, r.org_unit, None if r.value is None else str(r.value)) for r in rows],
    )
    con.executescript(view)
    statuses = dict(
        ((i, y, u), s) for i, y, u, s in con.execute("SELECT indicator, year, org_unit, status FROM v").fetchall()
    )
    assert statuses[("L.1.1", 2017, "Oppvekst")] == "desired"
    assert statuses[("L.1.2", 2017, "Kultur")] == "missing"
    assert len(statuses) == 45


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_dialect_parses_back(dialect: str, run_cli) -> None:  # type: ignore[no-untyped-def]
    # the seed computes a change, a share and a ratio; the other example rates changes
    for definitions in (SEED_INDICATORS, CHANGE / "indicators.yaml"):
        for args in ([], ["--view", "kpi.scorecard", "--table", "kpi.results", "--benchmarks", "kpi.groups"]):
            text = printed(run_cli, "--dialect", dialect, "--indicators", str(definitions), *args)
            parsed = sqlglot.parse(text, read=dialect)
            assert [type(statement).__name__ for statement in parsed if statement is not None] == (
                ["Create"] if args else ["Select"]
            )


def test_a_table_name_that_is_not_one_is_a_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("sql", "--table", "results; DROP TABLE x", "--indicators", str(SEED_INDICATORS))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpi: error: --table/--view: 'results; DROP TABLE x' is not a table name: "
        "letters, digits and _, optionally schema.table [usage]"
    ]


def test_bad_definitions_are_reported_as_by_every_command(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "indicators.yaml"
    bad.write_text("scorecard: x\nfocus_areas: 3\n", encoding="utf-8")
    result = run_cli("sql", "--indicators", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:")


def test_a_change_target_is_rated_on_the_change_from_the_year_before(run_cli) -> None:  # type: ignore[no-untyped-def]
    # kpi sql refused rate: change before it was compiled; it now rates the change, as kpi evaluate
    rows = read_results([CHANGE / "results.csv"]).rows
    found = run_duckdb(printed(run_cli, "--indicators", str(CHANGE / "indicators.yaml")), rows)
    changes = {key: outcome[:2] for key, outcome in found.items() if key[0].startswith("T.2")}
    assert changes == {
        ("T.2.1", 2013, None): (None, "missing"),  # no result the year before
        ("T.2.1", 2014, None): (Decimal("0.8"), "desired"),  # 70,8 - 70,0 in 0,5 - 1
        ("T.2.1", 2015, None): (Decimal("0.3"), "accepted"),  # within the tolerance 0,25 below
        ("T.2.2", 2013, None): (None, "missing"),
        ("T.2.2", 2014, None): (Decimal("-0.08"), "desired"),  # a fall of at least 0,05
        ("T.2.2", 2015, None): (Decimal("-0.02"), "not_approved"),
    }
