"""Run a compiled scorecard query on DuckDB, SQLite and a throwaway PostgreSQL server,
and the Python core's answer for the same rows, as comparable tuples. Each engine gets
the rows as a ``results`` table and the benchmark values as a ``benchmarks`` table
(indicator, year, region, value).

The PostgreSQL fixture starts a cluster in a temporary folder, listening only on a
unix socket there (no TCP), as the ``postgres`` user when the tests run as root
(the server refuses root), and stops it at the end of the session. Without the
server binaries it skips, except under CI (CI installs Debian's postgresql).
"""

from __future__ import annotations

import csv
import glob
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_cli.model import BandVersion, Indicator, Scorecard
from kpi_cli.rating.compute import Benchmarks
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.report import ResultRow

# (indicator, year, org_unit) -> (value, status, bands_from, bands_org_unit, in_gap, beyond, error)
Key = tuple[str, int, str | None]
Outcome = tuple[Decimal | None, str | None, int | None, str | None, int, int, str | None]
COLUMNS = "indicator, year, org_unit, value, n"
BenchmarkRow = tuple[str, int, str, Decimal | None]  # indicator, year, region, value


def _cell(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def outcome(row: Sequence[object]) -> tuple[Key, Outcome]:
    indicator, year, org_unit, value, status, bands_from, bands_unit, in_gap, beyond, error = row
    key = (str(indicator), int(str(year)), None if org_unit is None else str(org_unit))
    value_out = _cell(value)
    return key, (
        None if value_out is None else value_out.normalize(),
        None if status is None else str(status),
        None if bands_from is None else int(str(bands_from)),
        None if bands_unit is None else str(bands_unit),
        int(str(in_gap)),
        int(str(beyond)),
        None if error is None else str(error),
    )


def table_rows(rows: Sequence[ResultRow]) -> list[tuple[str, int, str | None, str | None, str | None]]:
    """The rows as text cells, the way a warehouse table would hold them."""
    return [
        (
            row.indicator,
            row.year,
            row.org_unit,
            None if row.value is None else format(row.value, "f"),
            None if row.base is None else format(row.base, "f"),
        )
        for row in rows
    ]


def benchmark_cells(benchmarks: Sequence[BenchmarkRow]) -> list[tuple[str, int, str, str | None]]:
    return [(i, y, region, None if v is None else format(v, "f")) for i, y, region, v in benchmarks]


def run_duckdb(query: str, rows: Sequence[ResultRow], benchmarks: Sequence[BenchmarkRow] = ()) -> dict[Key, Outcome]:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE results (indicator VARCHAR, year INT, org_unit VARCHAR, value VARCHAR, n VARCHAR)")
        con.execute("CREATE TABLE benchmarks (indicator VARCHAR, year INT, region VARCHAR, value VARCHAR)")
        for table, cells in (("results", table_rows(rows)), ("benchmarks", benchmark_cells(benchmarks))):
            if cells:  # one statement: executemany costs a round trip per row
                marks = ", ".join([f"({', '.join('?' * len(cells[0]))})"] * len(cells))
                con.execute(f"INSERT INTO {table} VALUES {marks}", [cell for row in cells for cell in row])
        return dict(outcome(row) for row in con.execute(query).fetchall())
    finally:
        con.close()


def run_sqlite(query: str, rows: Sequence[ResultRow], benchmarks: Sequence[BenchmarkRow] = ()) -> dict[Key, Outcome]:
    import sqlite3

    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE TABLE results (indicator TEXT, year INT, org_unit TEXT, value NUMERIC, n NUMERIC)")
        con.execute("CREATE TABLE benchmarks (indicator TEXT, year INT, region TEXT, value NUMERIC)")
        con.executemany("INSERT INTO results VALUES (?, ?, ?, ?, ?)", table_rows(rows))
        con.executemany("INSERT INTO benchmarks VALUES (?, ?, ?, ?)", benchmark_cells(benchmarks))
        return dict(outcome(row) for row in con.execute(query).fetchall())
    finally:
        con.close()


class Postgres:
    """A PostgreSQL cluster of its own, reached with psql over a unix socket."""

    def __init__(self, bindir: Path, root: Path) -> None:
        self.bindir = bindir
        self.root = root
        self.socket = root / "socket"
        self.data = root / "data"
        self.runs = 0

    def _as_owner(self, args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *args], text=True, capture_output=True, timeout=60, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]

    def start(self) -> None:
        self.socket.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
        init = [str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "kpi", "-E", "UTF8"]
        self._check(self._as_owner([*init, "--no-sync", "--locale=C"]))
        options = f"-k {self.socket} -c listen_addresses='' -F"
        ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w"]
        self._check(self._as_owner([*ctl, "-o", options, "start"]))

    def stop(self) -> None:
        self._as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])

    @staticmethod
    def _check(done: subprocess.CompletedProcess[str]) -> None:
        if done.returncode != 0:
            raise RuntimeError(f"{done.args}: {done.stdout}{done.stderr}")

    def psql(self, script: str) -> str:
        command = ["psql", "-h", str(self.socket), "-U", "kpi", "-d", "postgres", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        done = subprocess.run(command, input=script, text=True, capture_output=True, timeout=120, check=False)
        if done.returncode != 0:
            raise AssertionError(f"psql failed: {done.stderr}")
        return done.stdout

    def run(
        self, query: str, rows: Sequence[ResultRow], *, setup: str = "", benchmarks: Sequence[BenchmarkRow] = ()
    ) -> dict[Key, Outcome]:
        """Load ``rows`` into a fresh schema's ``results`` table (and ``benchmarks``) and run ``query``
        (one SELECT)."""
        self.runs += 1

        def copy(cells: Sequence[Sequence[object]]) -> str:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            for row in cells:
                writer.writerow(["NULL" if cell is None else cell for cell in row])
            return f"{buffer.getvalue()}\\.\n"

        select = query.strip().rstrip(";")
        script = (
            f"CREATE SCHEMA run{self.runs}; SET search_path TO run{self.runs};\n"
            "CREATE TABLE results (indicator TEXT, year INT, org_unit TEXT, value NUMERIC, n NUMERIC);\n"
            "CREATE TABLE benchmarks (indicator TEXT, year INT, region TEXT, value NUMERIC);\n"
            f"COPY results FROM STDIN WITH (FORMAT csv, NULL 'NULL');\n{copy(table_rows(rows))}"
            f"COPY benchmarks FROM STDIN WITH (FORMAT csv, NULL 'NULL');\n{copy(benchmark_cells(benchmarks))}"
            f"{setup}\n"
            f"COPY ({select}) TO STDOUT WITH (FORMAT csv, NULL 'NULL');\n"
        )
        found = {}
        for record in csv.reader(io.StringIO(self.psql(script))):
            key, result = outcome([None if cell == "NULL" else cell for cell in record])
            found[key] = result
        return found


def _postgres_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found and shutil.which("psql"):
        return Path(found[-1]).parent
    return None


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    bindir = _postgres_bindir()
    if bindir is None:
        message = "PostgreSQL server binaries are not installed (apt-get install -y postgresql)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install them")
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="kpi-pg-"))
    server = Postgres(bindir, root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


# --- what the Python core says ---------------------------------------------------------


def _version_bands(indicator: Indicator, bands_from: int | None, bands_unit: str | None) -> tuple[object, ...]:
    versions = indicator.versions or (BandVersion(indicator.bands, indicator.direction),)
    for version in versions:
        if version.from_year == bands_from and version.org_unit == bands_unit:
            return version.bands
    return ()


def assert_agree(
    scorecard: Scorecard,
    rows: Sequence[ResultRow],
    year: int,
    sql: dict[Key, Outcome],
    engine: str,
    benchmarks: Benchmarks | None = None,
) -> None:
    """Row by row: the same keys, values, statuses, gap and beyond flags; the band version the
    SQL names holds the bands the core rated by; every row the SQL marks as an error is one the
    core reports as an error, of the same kind, for the same indicator; every row it marks
    beyond is one the core warns of (beyond-bands). ``benchmarks``: what better_than compares with."""
    report = evaluate(scorecard, rows, year, strict=False, benchmarks=benchmarks)
    python = {(r.indicator.id, r.year, r.org_unit): r for r in (*report.history, *report.results)}
    errors = [error.message for error in report.errors]
    indicators = scorecard.indicator_map()
    errors_sql = {key: result for key, result in sql.items() if result[6] is not None}
    rated = {key: result for key, result in sql.items() if result[6] is None}
    assert set(rated) == set(python), f"{engine}: keys differ: {set(rated) ^ set(python)}"
    for key, result in python.items():
        value, status, bands_from, bands_unit, in_gap, beyond, _ = rated[key]
        expected_value = None if result.value is None else result.value.normalize()
        expected_gap = int(bool(result.rating and result.rating.in_gap))
        expected_beyond = int(bool(result.rating and result.rating.beyond))
        assert (value, status, in_gap, beyond) == (
            expected_value,
            result.status.value,
            expected_gap,
            expected_beyond,
        ), f"{engine}: {key}"
        bands = _version_bands(indicators[key[0]], bands_from, bands_unit)
        assert bands == result.indicator.bands, f"{engine}: {key}: band version {bands_from}/{bands_unit}"
    warned = sorted(str(w.indicator) for w in report.warnings if w.code == "beyond-bands")
    assert sorted(key[0] for key, result in rated.items() if result[5]) == warned, f"{engine}: beyond differs"
    kinds = {"outside_scale": "is outside the scale"}
    wanted = sorted(f"{key[0]}: {kinds[str(result[6])]}" for key, result in errors_sql.items())
    told = sorted(
        f"{message.split(':', 1)[0]}: {next((k for k in kinds.values() if k in message), message)}"
        for message in errors
    )
    assert wanted == told, f"{engine}: errors differ"
