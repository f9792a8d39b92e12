"""The DuckDB engine under attack (issue 22): it reads only the files it is given, and `-v` quotes
only an excerpt of DuckDB's own errors. Each case runs both engines, which must agree. Made-up data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

pytest.importorskip("duckdb")

DEFINITIONS = """scorecard: made up
focus_areas:
  - id: A
    name: a
    goals:
      - id: G
        name: g
        indicators:
          - id: X.1
            name: x
            bands: {desired: "> 5", accepted: "(3, 5]", not_approved: "<= 3"}
"""


def results(value: str, unit: str = "") -> str:
    return f"indikator;år;enhet;verdi\nX.1;2014;{unit};{value}\n"


@pytest.fixture
def defs(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(DEFINITIONS, encoding="utf-8")
    return path


def both(kpi: Callable[..., Result], *args: str) -> tuple[Result, Result]:
    """The run on each engine; they must agree on every byte and the exit code."""
    python = kpi("evaluate", *args, "--engine", "python")
    duckdb = kpi("evaluate", *args, "--engine", "duckdb")
    assert duckdb.stdout_bytes == python.stdout_bytes
    assert (duckdb.exit_code, duckdb.stderr) == (python.exit_code, python.stderr)
    return python, duckdb


def values_rated(result: Result) -> list[str]:
    return [str(row["value_text"]) for row in json.loads(result.stdout)["results"]]


@pytest.mark.parametrize("name", ["r[1].csv", "x?.csv", "a*b.csv", "c[!x]d.csv", "[[].csv", "**.csv"])
def test_a_file_named_with_glob_characters_is_that_file(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path, name: str
) -> None:
    (tmp_path / name).write_text(results("6"), encoding="utf-8")
    for other in ("r1.csv", "xy.csv", "ab.csv", "cyd.csv", "[.csv", "a.csv"):  # what the glob would match
        if other != name:
            (tmp_path / other).write_text(results("1", "other"), encoding="utf-8")
    python, _ = both(kpi, str(tmp_path / name), "--indicators", str(defs), "--format", "json")
    assert python.exit_code == 0, python.stderr
    assert values_rated(python) == ["6"]


def test_a_link_out_of_a_folder_is_not_read_through_a_glob(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "x?.csv").write_text(results("6"), encoding="utf-8")
    secret = tmp_path / "secret.csv"
    secret.write_text(results("1", "secret"), encoding="utf-8")
    (folder / "xy.csv").symlink_to(secret)  # out of the folder: not followed by the Python reader
    python, _ = both(kpi, str(folder), "--indicators", str(defs), "--format", "json")
    assert python.exit_code == 0, python.stderr
    assert values_rated(python) == ["6"]
    assert "secret" not in python.stdout


def test_verbose_quotes_only_an_excerpt_of_duckdbs_error(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    lines = ["indikator;år;enhet;verdi", *(f"X.1;2014;u{i};4,5" for i in range(3000))]
    lines.insert(2000, "X.1;2014;x;4,5;" + "x" * 1870)  # DuckDB's sniffer fails and quotes the line
    path = tmp_path / "2014.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = kpi("evaluate", str(path), "--indicators", str(defs), "--engine", "duckdb", "-v", "--format", "json")
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if "gjennom rapporten" in line]  # nb, as the definitions
    assert len(said) == 1
    assert said[0].startswith("kpi: motor: duckdb (--engine duckdb), gjennom rapporten: DuckDB kunne ikke lese")
    assert len(said[0]) < 200
    assert "x" * 81 not in result.stderr
    assert all(line.startswith(("kpi: ", str(path))) for line in result.stderr.splitlines())


def parquet(path: Path, select: str, compression: str = "snappy") -> Path:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet, COMPRESSION {compression})")
    finally:
        con.close()
    return path


def cpu_seconds() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def test_a_parquet_bomb_is_refused_before_its_values_are_read(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    # A 100 KB comment in a dictionary, 60 000 rows: 37 KB on disk, 6 GB of text unpacked.
    select = (
        "SELECT 'X.1' AS indikator, 2014 AS år, 'u' || i AS enhet, 4.5 AS verdi, repeat('k', 100000) AS kommentar"
        " FROM range(60000) t(i)"
    )
    path = parquet(tmp_path / "bomb.parquet", select, "zstd")
    assert path.stat().st_size < 100_000
    before = cpu_seconds()
    result = kpi("evaluate", str(path), "--indicators", str(defs), "--format", "json")
    assert cpu_seconds() - before < 30  # was 100 s spilling 8.8 GB to the temporary folder
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}: error: its texts unpack to 5722 MiB, more than 256 MiB and 100 times the file's"
        f" {path.stat().st_size >> 10} KiB: long texts repeated (a Parquet bomb?) [over-limit]\n"
    )


def test_a_parquet_field_beyond_the_limit_is_an_error_at_its_cell(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    select = (
        "SELECT 'X.1' AS indikator, 2014 AS år, 'u' || i AS enhet, 4.5 AS verdi,"
        " CASE WHEN i = 2 THEN repeat('k', 131073) ELSE '' END AS kommentar FROM range(3) t(i)"
    )
    path = parquet(tmp_path / "long.parquet", select)
    result = kpi("evaluate", str(path), "--indicators", str(defs), "--format", "json")
    assert result.exit_code == 2  # was 0: the CSV reader's limit was not applied
    assert result.stderr == (
        f"{path}:3:5: error: field larger than field limit (131072 characters): not a results table? [over-limit]\n"
    )


GOOD_ROW = "SELECT 'X.1' AS indikator, {year} AS år, {value} AS verdi UNION ALL "


@pytest.mark.parametrize(
    ("select", "said"),
    [
        (
            GOOD_ROW.format(year=2014, value=4.5) + "SELECT 'Y.9', 2014, 4.5",
            "2:1: error: unknown indicator 'Y.9' [unknown-indicator]",
        ),
        (
            GOOD_ROW.format(year="DATE '2013-01-01'", value=4.5) + "SELECT 'X.2', DATE '2014-01-01', 4.5",
            "1:2: error: X.1: year '2013-01-01' is not a year (a DATE cell) [invalid-year]",
        ),
        (
            GOOD_ROW.format(year=2013, value="[4.4]") + "SELECT 'X.1', 2014, [4.5]",
            "1:3: error: value '[4.4]' is not a plain number (a DECIMAL(2,1)[] cell) [invalid-value]",
        ),
        (
            GOOD_ROW.format(year=2013, value="4.5::DECIMAL(38, 20)") + "SELECT 'X.1', 2014, 3.00000000000000000001",
            "2:3: error: value '3.00000000000000000001' has more than 15 decimals, which kpi would round"
            " (a DECIMAL(38,20) cell) [invalid-value]",
        ),
    ],
)
def test_a_bad_parquet_cell_is_named_by_its_row_and_column(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path, select: str, said: str
) -> None:
    path = parquet(tmp_path / "r.parquet", select)
    result = kpi("evaluate", str(path), "--indicators", str(defs), "--format", "json")
    assert result.exit_code == 2  # was: "export it as CSV", no place named
    assert result.stderr.splitlines()[0] == f"{path}:{said}"
    assert "export it as CSV" not in result.stderr


def test_a_parquet_file_named_with_glob_characters_is_that_file(
    kpi: Callable[..., Result], tmp_path: Path, defs: Path
) -> None:
    parquet(tmp_path / "r[1].parquet", "SELECT 'X.1' AS indikator, 2014 AS år, '6' AS verdi")
    parquet(tmp_path / "r1.parquet", "SELECT 'X.1' AS indikator, 2014 AS år, '1' AS verdi")
    result = kpi("evaluate", str(tmp_path / "r[1].parquet"), "--indicators", str(defs), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert values_rated(result) == ["6"]
