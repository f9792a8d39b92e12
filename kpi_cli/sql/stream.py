"""``kpi evaluate --engine duckdb`` for large inputs: read, rated and written by DuckDB, streamed.

The report path (``kpi_cli.sql.report``) turns DuckDB's ratings back into the core's
objects, one per row, and is no faster than the Python core. This path keeps the rows
in DuckDB: the file is copied in order (a row's line is its place in it), the compiled
query rates it, the per-result fields of JSON schema 2 are columns of one more query
(``kpi_cli.sql.result_rows``), DuckDB writes them to a temporary file, and only the
document's head (roll-ups, the indicators) is built in Python, from counts. The output is
the report path's, byte for byte, with the same stderr and exit code (the tests compare
them on the examples and on generated scorecards).

It takes only what it can write exactly; for anything else ``evaluate_streamed`` returns
why, and the report path runs (``-v`` says why): formats json, jsonl, csv and Parquet
(``-o x.parquet``) and csv; CSV files whose rows are one line each (no quotes, no blank lines)
and Parquet; no row the fast reader doubts (errors are then the Python reader's located
messages); scorecards without computed indicators, ``rate: change`` or ``min_base``.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KpiError, Problem, one_line
from ..inert import excerpt
from ..limits import MAX_MESSAGE_CHARS, MAX_SPILL_BYTES
from ..model import Indicator, Location, Scorecard
from ..rating.accounting import Reconciliation
from ..rating.checks import findings
from ..rating.evaluate import beyond_problem
from ..rating.rate import rate
from ..records import dataclass
from ..render import RenderOptions
from ..report import ResultRow
from ..results import read as reader
from ..results.ssb.detect import is_ssb_file
from ..results.values import parse_value
from ..view import Coverage, Gate, coverage
from . import result_csv
from .compiler import compile_sql
from .engine import (
    NeedsPython,
    Source,
    count_of,
    doubtful,
    reader_call,
    run,
    select_rows,
    sources_of,
    undecided_marks,
)
from .parquet_checks import Refused, cell_problems, check_before
from .plain_rows import EXPONENT_WHY, exponent, odd_text
from .result_rows import FAILING_FIELDS, ORDER, RESULT_FIELDS, build_results, head_document
from .tables import core_only
from .why import Why

if TYPE_CHECKING:
    import duckdb

STREAMED = ("json", "jsonl", "csv", "parquet")
CHUNK = 1 << 20
AS_WRITTEN = "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01'"  # one text a line, no quoting
MEMORY_LIMIT = "500MB"  # DuckDB's own; past it, its tables and sorts spill to a temporary folder


@dataclass
class Streamed:
    """A run rated on DuckDB: what the command prints on stderr and its exit code need, and the output."""

    scorecard: Scorecard
    gate: Gate
    year: int
    other_years: tuple[int, ...]
    fails: bool  # some result fails the gate: exit 1
    by_level: tuple[int, str]  # the results at or below the gate's level: how many, their names
    worse: tuple[int, str]  # the results of the year shown worse than the year before
    warnings: tuple[Problem, ...]
    coverage: Coverage | None
    accounting: Reconciliation
    folder: tempfile.TemporaryDirectory[str]  # what DuckDB wrote, removed by ``close``
    head: tuple[bytes, bytes] | None = None  # a JSON document's head, around its failing results
    prefix: bytes = b""  # what comes before the results DuckDB wrote: a CSV's header

    def chunks(self) -> Iterator[bytes]:
        """The output: Parquet or JSON lines as DuckDB wrote them; a JSON document as the JSON
        renderer writes it: the head, the failing results and the results in it as lists."""
        if self.head is None:
            yield self.prefix
            yield from _read(self._path("results"))
            return
        yield self.head[0]
        yield from _as_list(_read(self._path("failing")))
        yield self.head[1]
        yield from _as_list(_read(self._path("results")))
        yield b"]}\n"

    def _path(self, name: str) -> Path:
        return Path(self.folder.name) / name

    def close(self) -> None:
        self.folder.cleanup()


def _read(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _as_list(lines: Iterator[bytes]) -> Iterator[bytes]:
    """JSON lines as the items of a JSON list: each line break a comma, but the last."""
    pending = b""
    for chunk in lines:
        yield pending
        pending = chunk.replace(b"\n", b",")  # JSON escapes every line break inside a text
    yield pending[:-1]


def why_not(scorecard: Scorecard, paths: Sequence[str], fmt: str) -> str | None:
    """Why this run goes through the report instead, or None when it can be streamed."""
    if fmt not in STREAMED:
        return Why("stream.format", f"--format {fmt} is written from the report", fmt=fmt)
    for indicator in scorecard.indicators():
        why = _report_only(indicator)
        if why:
            return why
    for path in paths:
        if not path.lower().endswith((".csv", ".txt", ".parquet")) or is_ssb_file(path):
            return Why("stream.not_plain", f"{path} is not a plain CSV or Parquet file", path=path)
        doubt = None if path.lower().endswith(".parquet") else _line_doubt(path)
        if doubt is not None:
            key, text = doubt
            return Why(key, f"{path} {text}", path=path)
    return None


def _report_only(indicator: Indicator) -> Why | None:
    ident = indicator.id
    if (what := core_only(indicator)) is not None:
        key = "stream.verdict" if indicator.verdicts is not None else "stream.deadline"
        return Why(key, f"{ident} has {what}, which only the report path writes", indicator=ident)
    if indicator.rate_change:
        what = "rate: change"
    elif indicator.compute is not None:
        what = f"compute: {indicator.compute.method}"
    elif indicator.min_base:
        what = "min_base"
    else:
        return None
    return Why("stream.key", f"{ident} has {what}, which only the report path writes", indicator=ident, what=what)


def _one_line_rows(path: str) -> bool:
    """Whether every row of the file is one line, ended by LF or CR LF only (see ``_line_doubt``)."""
    return _line_doubt(path) is None


# Line breaks that Python's str.splitlines() knows and DuckDB does not: VT, FF, FS, GS, RS, NEL
# and the Unicode line and paragraph separators, as UTF-8 (Latin-1's NEL goes to Python already).
_OTHER_BREAKS = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


_QUOTES = ("stream.quotes", "has quotes or blank lines: its rows' line numbers come from the Python reader")
_BREAKS = (
    "stream.breaks",
    "has a line break other than CR and LF (FF, VT, NEL, U+2028 ...): the Python reader reads it",
)


def _line_doubt(path: str) -> tuple[str, str] | None:
    """Why the file's rows may not be one line each as both readers count them (a quote, a blank
    line, a lone carriage return, or another kind of line break), as (key, words); None when none."""
    tail = b"\n"  # the start of the file is the start of a line
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK * 16):
            seen = tail + chunk  # two bytes of the chunk before: a break of three bytes is whole here
            whole = seen[:-1] if seen.endswith(b"\r") else seen  # its \n may begin the next chunk
            if b'"' in seen or b"\n\n" in seen or b"\n\r\n" in seen or whole.count(b"\r") != whole.count(b"\r\n"):
                return _QUOTES
            if any(mark in seen for mark in _OTHER_BREAKS):
                return _BREAKS
            tail = seen[-2:]
    return _QUOTES if tail.endswith(b"\r") else None


@dataclass(frozen=True)
class Request:
    """One run of ``kpi evaluate``: what to read, how, and what to write."""

    scorecard: Scorecard
    files: Sequence[str]
    year: int | None
    gate: Gate
    definitions: str
    fmt: str
    encoding: str | None = None
    delimiter: str | None = None
    columns: Mapping[str, str] | None = None
    options: RenderOptions = field(default_factory=RenderOptions)  # how csv writes (language, delimiter, BOM)


def evaluate_streamed(
    scorecard: Scorecard,
    paths: Sequence[str],
    *,
    year: int | None,
    gate: Gate,
    definitions: str,
    fmt: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    options: RenderOptions | None = None,
) -> Streamed | str:
    """The run rated and written by DuckDB, or why it was not (the report path then runs)."""
    import duckdb

    files = reader.expand_paths(paths)
    why = why_not(scorecard, files, fmt)
    if why is not None:
        return why
    request = Request(
        scorecard, files, year, gate, definitions, fmt, encoding, delimiter, columns, options or RenderOptions()
    )
    folder = tempfile.TemporaryDirectory(prefix="kpi-")
    spill = (Path(folder.name) / "spill").as_posix()
    spilled = f"{MAX_SPILL_BYTES >> 30}GiB"
    con = duckdb.connect(
        config={"memory_limit": MEMORY_LIMIT, "temp_directory": spill, "max_temp_directory_size": spilled}
    )
    try:
        outcome = _rate_and_write(con, request, folder)
    except Refused as refused:
        folder.cleanup()
        raise refused.errors from None
    except (NeedsPython, duckdb.Error, KpiError) as exc:
        outcome = _why(exc, duckdb.Error)
    finally:
        con.close()
    if isinstance(outcome, str):
        folder.cleanup()
    return outcome


def _why(exc: Exception, engine_error: type[Exception]) -> str:
    """Why the report path runs instead, for ``-v``: DuckDB's own message quotes a file's line at
    length over many lines, so only an excerpt of it is said (``inert.excerpt``, one line)."""
    if isinstance(exc, NeedsPython):
        text = f"the fast reader is not sure of the input ({exc})"
        return Why(exc.key, text, **exc.values) if exc.key else Why("stream.unsure", text, detail=str(exc))
    if isinstance(exc, engine_error):
        detail = excerpt(str(exc))
        return Why("stream.unreadable", f"DuckDB could not read the input: {detail}", detail=detail)
    return one_line(str(exc))


def _rate_and_write(
    con: duckdb.DuckDBPyConnection, request: Request, folder: tempfile.TemporaryDirectory[str]
) -> Streamed | str:
    shown = _load(con, request)
    if isinstance(shown, str):
        return shown
    scorecard = request.scorecard
    query = compile_sql(
        scorecard, "duckdb", table="kpi_results", base_column=True, year=shown, pretty=False, streamed=True
    )
    run(con, f"CREATE TEMP TABLE kpi_rated AS {query}")
    if count_of(con, "SELECT count(*) FROM kpi_rated WHERE error IS NOT NULL"):
        return Why("stream.scale", "a value lies outside its scale: the Python reader says where")
    build_results(con, scorecard, request.gate, shown)
    run(con, "DROP TABLE kpi_rated")  # tables stay in memory up to MEMORY_LIMIT, then spill to disk
    return _write(con, request, shown, folder)


def _load(con: duckdb.DuckDBPyConnection, request: Request) -> int | str:
    """The results table, every row with its file and line; the year to show, or why not."""
    selects = []
    sources = sources_of(con, request.files, request.encoding, request.delimiter, request.columns)
    for number, source in enumerate(sources):
        why = _source_doubt(source)
        if why:
            return why
        if source.parquet:
            check_before(con, source)  # before its values are read: they may unpack to gigabytes
        raw = f"kpi_raw_{number}"  # copied in file order: rowid is the row's place in the file
        run(con, f"CREATE TEMP TABLE {raw} AS SELECT * FROM {reader_call(source).sql('duckdb')}")
        if undecided_marks(con, source, raw):
            return Why("stream.two_ways", "a number reads two ways (12.500): the Python reader says so at its line")
        # place: the row's key (file and line) that the compiled query carries to its result
        rows = select_rows(source, request.year, raw).sql("duckdb")
        selects.append(f"SELECT *, {number << 40} + line AS place FROM ({rows})")
    run(con, "CREATE TEMP TABLE kpi_results AS " + " UNION ALL ".join(selects))
    for number in range(len(selects)):
        run(con, f"DROP TABLE kpi_raw_{number}")
    # every line number is read: from here DuckDB may work in any order, and what is read in
    # order says ORDER BY (result_rows.ORDER); writing the results in parallel halves their time
    run(con, "SET preserve_insertion_order = false")
    if doubtful(con, request.scorecard) or odd_text(con):
        problems = cell_problems(con, sources)  # Parquet: no other reader could say where
        if problems:
            raise Refused(problems)
        return Why("stream.rows", "some rows are not plain: the Python reader reads them")
    if exponent(con):
        return EXPONENT_WHY
    latest = count_of(con, "SELECT max(year) FROM kpi_results")
    shown = request.year if request.year is not None else latest
    return shown if shown else Why("stream.no_results", "no results")


def _source_doubt(source: Source) -> str | None:
    path = source.path
    if any(status.value in source.columns for status in reader.BAND_ROLES):
        return Why("stream.bands", f"{path} prints bands: the report compares them with the definitions", path=path)
    if source.encoding not in ("utf-8", "latin-1"):
        text = f"{path}: encoding {source.encoding} is read by the Python reader"
        return Why("stream.encoding", text, path=path, encoding=source.encoding)
    if source.encoding == "latin-1" and any(re.search(rb"[\x80-\x9f]", chunk) for chunk in _read(Path(path))):
        return Why("stream.cp1252", f"{path}: Windows-1252 letters are read by the Python reader", path=path)
    return None


def _write(
    con: duckdb.DuckDBPyConnection, request: Request, shown: int, folder: tempfile.TemporaryDirectory[str]
) -> Streamed:
    fmt, scorecard, gate = request.fmt, request.scorecard, request.gate
    how = "FORMAT parquet" if fmt == "parquet" else "FORMAT json"  # JSON: a result a line
    prefix = b""
    if fmt == "csv":  # each line made in SQL, written as it is
        line = result_csv.tables(con, scorecard, request.options)
        query = f"SELECT {line} FROM kpi_out r {result_csv.JOINS} ORDER BY r.year, r.unit_order, r.ord"
        _copy(
            con, query, Path(folder.name) / "results", "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01'"
        )
        prefix = result_csv.header(scorecard, request.options)
    else:  # Parquet unsorted (docs/reference/output-order.md): sorting the wide rows cost more than writing them
        order = "" if fmt == "parquet" else ORDER
        _copy(con, f"SELECT {RESULT_FIELDS} FROM kpi_out {order}", Path(folder.name) / "results", how)
    head = None
    if fmt == "json":
        head = head_document(con, scorecard, request.files, shown, gate, request.definitions)
        failing = f"SELECT {FAILING_FIELDS} FROM kpi_rows WHERE failing {ORDER}"
        _copy(con, failing, Path(folder.name) / "failing", how)
    years = tuple(int(y) for (y,) in con.execute("SELECT DISTINCT year FROM kpi_rows ORDER BY year").fetchall())
    return Streamed(
        scorecard=scorecard,
        gate=gate,
        year=shown,
        other_years=tuple(y for y in years if y != shown),
        fails=bool(count_of(con, "SELECT count(*) FROM kpi_rows WHERE failing")),
        by_level=_named(con, "failing AND level IN (SELECT id FROM kpi_fails)"),
        worse=_named(con, f"regression AND year = {int(shown)}"),
        warnings=tuple(_warnings(con, scorecard, shown)),
        coverage=_coverage(con, shown),
        accounting=_accounting(con),
        folder=folder,
        head=head,
        prefix=prefix,
    )


def _copy(con: duckdb.DuckDBPyConnection, query: str, path: Path, how: str) -> None:
    target = path.as_posix().replace("'", "''")
    run(con, f"COPY ({query}) TO '{target}' ({how})")


def _named(con: duckdb.DuckDBPyConnection, where: str) -> tuple[int, str]:
    """How many results ``where`` holds and their names as ``cli.messages.key_names`` writes them,
    as far as a stderr line shows them (MAX_MESSAGE_CHARS: each name takes at least 3)."""
    count = count_of(con, f"SELECT count(*) FROM kpi_rows WHERE {where}")
    name = "indicator || CASE WHEN coalesce(org_unit, '') = '' THEN '' ELSE ' (' || org_unit || ')' END"
    rows = con.execute(
        f"SELECT DISTINCT {name} AS name FROM kpi_rows WHERE {where} ORDER BY name LIMIT {MAX_MESSAGE_CHARS}"
    ).fetchall()
    return count, one_line(", ".join(str(found) for (found,) in rows))


def _warnings(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, shown: int) -> Iterator[Problem]:
    """Each value beyond every band, located at its row, then the findings of the year shown:
    in the order the report path says them."""
    indicators = scorecard.indicator_map()
    beyond = f"SELECT indicator, year, org_unit, value_text, path, line FROM kpi_out WHERE beyond {ORDER}"
    rows = con.execute(beyond).fetchall()
    for ident, year, unit, text, path, line in rows:
        value = parse_value(str(text))
        assert value is not None  # rated: the fast reader read a number
        indicator = indicators[str(ident)].in_force(int(str(year)), None if unit is None else str(unit))
        row = ResultRow(str(ident), int(str(year)), value, unit, str(text), Location(str(path), int(str(line))))
        rating = rate(indicator, value)
        yield beyond_problem(row, indicator, rating)
    yield from findings(scorecard, shown)


def _coverage(con: duckdb.DuckDBPyConnection, shown: int) -> Coverage | None:
    """``kpi_cli.view.sparse_year`` from counts."""
    given = {int(y): int(n) for y, n in con.execute("SELECT year, count(value) FROM kpi_rows GROUP BY year").fetchall()}
    return coverage(shown, given, count_of(con, f"SELECT count(*) FROM kpi_rows WHERE year = {int(shown)}"))


def _accounting(con: duckdb.DuckDBPyConnection) -> Reconciliation:
    """What became of each row read: rated, shown but not rated, without a result, a measure's."""
    read = count_of(con, "SELECT count(*) FROM kpi_results")
    row: Any = con.execute(
        "SELECT count(*) FILTER (WHERE place IS NOT NULL AND value IS NOT NULL AND rated),"
        " count(*) FILTER (WHERE place IS NOT NULL AND value IS NOT NULL AND NOT rated),"
        " count(*) FILTER (WHERE place IS NOT NULL AND value IS NULL) FROM kpi_rows"
    ).fetchone()
    rated, not_rated, no_result = (int(n) for n in row)
    return Reconciliation(read, rated, not_rated, no_result, read - rated - not_rated - no_result, 0)
