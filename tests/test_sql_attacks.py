"""`kpi sql` piped into a database client: nothing from the definitions reaches the client but data.

The README pipes `kpi sql --dialect sqlite --view scorecard | sqlite3 results.db`; sqlite3 and psql
read their input line by line and obey dot-commands (`.shell`) and backslash commands (`\\!`) at the
start of a line. A control character in an alias, org unit or benchmark region (a NUL that ends a
line for the client, a line break, an ESC that click would strip) is refused when the definitions
are read; every printable text is written as a literal the client reads back exactly. Made-up data.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sql_engines import Postgres

from kpi_cli.cli import main

pytest.importorskip("sqlglot")

BANDS = '{desired: ">= 5", accepted: "(3, 5)", not_approved: "<= 3"}'


def definitions(path: Path, aliases: list[str], org_unit: str = "Oppvekst", benchmark: str = "EKG13") -> Path:
    """One indicator with ``aliases`` and bands for ``org_unit``, one better_than ``benchmark``."""
    quoted = ", ".join(yaml_quoted(alias) for alias in aliases)
    path.write_text(
        "scorecard: made up\nfocus_areas:\n  - id: A\n    name: a\n    goals:\n      - id: G\n        name: g\n"
        "        indicators:\n"
        f"          - id: X.1\n            name: x\n            direction: higher\n            aliases: [{quoted}]\n"
        f"            bands: {BANDS}\n"
        f"            org_unit_bands:\n              {yaml_quoted(org_unit)}: {BANDS}\n"
        "          - id: X.2\n            name: better\n"
        f"            compute: {{better_than: {{benchmark: {yaml_quoted(benchmark)}, indicators: [X.1]}}}}\n",
        encoding="utf-8",
    )
    return path


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, every character but printable ASCII escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def kpi_sql(indicators: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`kpi sql` as a separate process whose stdout is a pipe, as in the README."""
    command = [sys.executable, "-m", "kpi_cli", "sql", "--indicators", str(indicators), *args]
    return subprocess.run(command, capture_output=True, check=False, timeout=120)


ATTACKS = [  # each would end a line for the client, or be stripped by click, and start a command
    pytest.param(["a\x00", ".shell touch MARK", "\\! touch MARK"], id="NUL"),
    pytest.param(["a\n.shell touch MARK\n"], id="line-feed"),
    pytest.param(["a\r.shell touch MARK"], id="carriage-return"),
    pytest.param(["c\x1b[31md"], id="ESC"),
    pytest.param(["a\u2028b"], id="line-separator"),
    pytest.param(["a\x85b"], id="NEL"),
]


@pytest.mark.parametrize("aliases", ATTACKS)
def test_a_control_character_in_an_alias_is_refused_where_it_is_written(tmp_path: Path, aliases: list[str]) -> None:
    path = definitions(tmp_path / "indicators.yaml", aliases)
    result = CliRunner().invoke(main, ["validate", "--indicators", str(path)])
    assert result.exit_code == 2
    assert f"{path}:12:" in result.output
    assert "[control-character]" in result.output
    done = kpi_sql(path, "--dialect", "sqlite", "--view", "scorecard")
    assert (done.returncode, done.stdout) == (2, b"")


@pytest.mark.parametrize(
    ("where", "at"),
    [
        ({"org_unit": "Opp\x00vekst"}, "15:15"),
        ({"org_unit": "Opp\x1bvekst"}, "15:15"),
        ({"benchmark": "EKG\x0013"}, "18:48"),
    ],
)
def test_a_control_character_in_an_org_unit_or_benchmark_is_refused(
    tmp_path: Path, where: dict[str, str], at: str
) -> None:
    path = definitions(tmp_path / "indicators.yaml", ["ok"], **where)
    result = CliRunner().invoke(main, ["validate", "--indicators", str(path)])
    assert result.exit_code == 2
    assert [row.split(": ")[0] for row in result.output.splitlines()] == [f"{path}:{at}"]
    assert result.output.rstrip().endswith("[control-character]")


# Printable text that a client would take as a command if it started a line, or that ends a literal.
PRINTABLE = ["x'); .shell touch MARK; --", "\\! touch MARK", "back\\slash", 'quote"s', "Ålesund", "$$; $1", "--"]


def _sqlite_cli() -> str:
    found = shutil.which("sqlite3")
    if found is None:
        message = "the sqlite3 command-line shell is not installed (apt-get install sqlite3)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it")
        pytest.skip(message)
    return found


def test_printable_aliases_pipe_into_sqlite3_as_data(tmp_path: Path) -> None:
    cli = _sqlite_cli()
    path = definitions(tmp_path / "indicators.yaml", PRINTABLE)
    db = tmp_path / "results.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE results (indicator TEXT, year INT, org_unit TEXT, value NUMERIC)")
        con.executemany("INSERT INTO results VALUES (?, 2020, ?, 4)", [(a, f"u{i}") for i, a in enumerate(PRINTABLE)])
    done = kpi_sql(path, "--dialect", "sqlite", "--view", "scorecard")
    assert done.returncode == 0, done.stderr
    piped = subprocess.run([cli, "-bail", str(db)], input=done.stdout, cwd=tmp_path, capture_output=True, timeout=60)
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert not (tmp_path / "MARK").exists()
    with sqlite3.connect(db) as con:
        found = con.execute("SELECT indicator, org_unit, status FROM scorecard WHERE indicator = 'X.1'").fetchall()
    assert sorted(found) == [("X.1", f"u{i}", "accepted") for i in range(len(PRINTABLE))]


def test_printable_aliases_pipe_into_psql_as_data(postgres: Postgres, tmp_path: Path) -> None:
    path = definitions(tmp_path / "indicators.yaml", PRINTABLE)
    done = kpi_sql(path, "--dialect", "postgres")
    assert done.returncode == 0, done.stderr
    rows = "".join(
        f"INSERT INTO results VALUES ({literal(a)}, 2020, 'u{i}', 4, NULL);\n" for i, a in enumerate(PRINTABLE)
    )
    select = done.stdout.decode().strip().rstrip(";")
    script = (
        "CREATE SCHEMA attack; SET search_path TO attack;\n"
        "CREATE TABLE results (indicator TEXT, year INT, org_unit TEXT, value NUMERIC, n NUMERIC);\n"
        f"{rows}\\o {tmp_path / 'out.csv'}\nCOPY ({select}) TO STDOUT WITH (FORMAT csv);\n"
        "\\o\nDROP SCHEMA attack CASCADE;\n"
    )
    postgres.psql(f"\\cd {tmp_path}\n{script}")
    assert not (tmp_path / "MARK").exists()
    found = [line.split(",") for line in (tmp_path / "out.csv").read_text().splitlines()]
    assert sorted([*row[:3], row[4]] for row in found if row[0] == "X.1") == [
        ["X.1", "2020", f"u{i}", "accepted"] for i in range(len(PRINTABLE))
    ]


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.mark.parametrize("name", ["select", "from", "union", "main.union", "order"])
def test_a_table_named_by_an_sql_word_is_quoted(tmp_path: Path, name: str) -> None:
    path = definitions(tmp_path / "indicators.yaml", ["ok"])
    done = kpi_sql(path, "--dialect", "sqlite", "--table", name, "--view", "scorecard")
    assert done.returncode == 0, done.stderr
    table = ".".join(f'"{part}"' for part in name.split("."))
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE TABLE {table} (indicator TEXT, year INT, org_unit TEXT, value NUMERIC)")
    con.execute(f"INSERT INTO {table} VALUES ('ok', 2020, 'Oppvekst', 6)")
    con.executescript(done.stdout.decode())
    assert con.execute("SELECT indicator, org_unit, status FROM scorecard WHERE indicator = 'X.1'").fetchall() == [
        ("X.1", "Oppvekst", "desired")
    ]
