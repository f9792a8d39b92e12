"""The compiled scorecard run on DuckDB, embedded, over results files: the engine for large inputs.

DuckDB reads the CSV files the Python reader reads (the delimiter, encoding,
header and year found the way ``kpi_cli.results.read`` finds them, by position, so
header aliases, ``--column`` mappings and decimal commas read the same) and
Parquet files (columns by name). Clean input is rated by the compiled query.
Anything the fast path is not sure of (a value it cannot read, a wide table,
an unknown id, a duplicate, a value outside the scale) goes to
the Python reader and core instead, so errors are the same located messages
whatever the engine. Needs ``pip install 'kpi-cli[scale]'``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot import exp

from ..errors import KpiError, KpiErrors
from ..limits import MAX_FIELD_CHARS
from ..model import Scorecard
from ..rating.evaluate import evaluate
from ..records import dataclass
from ..results import columns as columns_of
from ..results import marks, values
from ..results import read as reader
from ..results.dialects import sniff_delimiter
from .compiler import compile_sql
from .expressions import NUMBER, both, cast, either, lit, when

if TYPE_CHECKING:
    import duckdb

SNIFF_BYTES = 1 << 16
# What the fast path reads: a plain number with a decimal comma or point, a % after it. Anything
# else (thousands groups, units, a first digit more than 12 places after the mark) goes to the Python reader.
PLAIN_VALUE = r"-?[0-9]{1,15}([.,][0-9]{1,15})? ?%?"  # DECIMAL(38, 15): more decimals would be rounded
FLOATING_VALUE = r"-?[0-9]{1,15}([.,][0-9]+)? ?%?"  # a binary float's 17 digits are its noise
DECIMAL_VALUE = r"-?[0-9]{1,15}([.,][0-9]{1,15}0*)? ?%?"  # a Parquet DECIMAL(38, 20) writes zeros to its scale
TOO_SMALL = r"-?0+[.,]0{12,}[1-9][0-9]* ?%?"
_YEAR = r"(19|20)[0-9]{2}(\.0)?"
_LINE_END = re.compile(r"\r\n|\r|\n")
_GLOB = re.compile(r"[\[*?]")  # what DuckDB expands in a path: [ opens a class, * and ? match


class NeedsPython(Exception):
    """The input holds something only the Python reader reads (or reports) exactly; ``key`` and
    ``values`` say it in the output language (a ``stream.*`` sentence of render/stderr_*.py)."""

    def __init__(self, message: str, key: str = "", **values: str) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Source:
    """How DuckDB reads one file: positions (CSV) or names (Parquet) of each role."""

    path: str
    columns: Mapping[str, str]  # role -> DuckDB column name
    parquet: bool = False
    delimiter: str = ","
    encoding: str = "utf-8"
    skip: int = 0
    file_year: int | None = None
    floating: frozenset[str] = frozenset()  # roles of binary floating point (Parquet FLOAT, DOUBLE)


@dataclass(frozen=True)
class Rated:
    """The rated rows, and who read the files: DuckDB, or the Python reader when the fast path
    was not sure of them (its rows are then rated by the same query)."""

    relation: duckdb.DuckDBPyRelation
    read_by: str
    # The connection the relation reads: DuckDB before 1.4 closes it once nothing else holds it,
    # and the relation then fails ("Connection has already been closed").
    connection: duckdb.DuckDBPyConnection | None = None

    def write(self, path: str) -> None:
        """Write the rows to ``path``: JSON lines (.json, .jsonl), CSV (.csv) or Parquet (.parquet)."""
        suffix = Path(path).suffix.lower()
        if suffix == ".parquet":
            self.relation.to_parquet(path)
        elif suffix == ".csv":
            self.relation.to_csv(path)
        elif suffix in (".json", ".jsonl"):
            target = exp.Literal.string(path).sql("duckdb")
            self.relation.query("kpi_out", f"COPY kpi_out TO {target} (FORMAT json)")
        else:
            raise ValueError(f"{path}: write .jsonl, .json, .csv or .parquet")


def _sniff_csv(path: str, encoding: str | None, delimiter: str | None, names: dict[str, tuple[str, ...]]) -> Source:
    with open(path, "rb") as handle:  # the head only: the file may be gigabytes
        head = handle.read(SNIFF_BYTES)
    if encoding is None:
        encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4 and encoding == "utf-8":
                encoding = "latin-1"  # DuckDB's nearest to Windows-1252: the same letters æøå
    text = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    lines = _LINE_END.split(text)  # as DuckDB counts lines: str.splitlines() also breaks at FF, NEL ...
    number = next((i for i, line in enumerate(lines) if line.strip(" ,;\t")), None)
    if number is None:
        raise NeedsPython(f"{path}: no header", "stream.no_header", path=path)
    sep = delimiter or sniff_delimiter(lines[number])
    header = next(csv.reader(io.StringIO(lines[number]), delimiter=sep))
    columns, wide = columns_of.header_layout(header, path, number + 1, names)
    if wide:
        raise NeedsPython(f"{path}: a wide table", "stream.wide", path=path)
    return Source(
        path,
        {role: f"column{index:0{len(str(len(header) - 1))}d}" for role, index in columns.items()},
        delimiter=sep,
        encoding={"utf-8-sig": "utf-8", "cp1252": "latin-1"}.get(encoding.lower(), encoding.lower()),
        skip=number + 1,
        file_year=columns_of.file_year(path),
    )


def _sniff_parquet(con: duckdb.DuckDBPyConnection, path: str, names: dict[str, tuple[str, ...]]) -> Source:
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [exact_path(path)]).fetchall()
    header = [str(row[0]) for row in described]
    columns, _ = columns_of.header_layout(header, path, 1, names)
    floating = frozenset(role for role, i in columns.items() if str(described[i][1]) in ("FLOAT", "DOUBLE"))
    by_name = {role: header[i] for role, i in columns.items()}
    return Source(path, by_name, True, file_year=columns_of.file_year(path), floating=floating)


def value_pattern(source: Source, role: str) -> str:
    """What the stream reads as a number in ``role``'s cells of ``source`` (see ``_number``)."""
    if role in source.floating:
        return FLOATING_VALUE
    return DECIMAL_VALUE if source.parquet else PLAIN_VALUE


def _number(column: exp.Expr, pattern: str = PLAIN_VALUE) -> tuple[exp.Expr, exp.Expr]:
    """(value, unreadable) of a text cell: no-result markers are NULL; plain numbers with a decimal
    comma or point (a % after them) are read; anything else is unreadable here. A number of more
    than 15 decimals is unreadable here (DECIMAL(38, 15) would round it) but in a float column: a
    binary float's 17 digits (0.30000000000000004) are its noise, rounded as DuckDB has always done."""
    text = exp.func("TRIM", exp.func("COALESCE", cast(column, "VARCHAR"), lit("")))
    lowered = exp.func("LOWER", text)
    marker = either(
        lowered.isin(*[lit(word) for word in sorted(values.NO_RESULT)]),
        *[exp.func("STARTS_WITH", lowered, lit(prefix)) for prefix in values.NO_RESULT_PREFIXES],
    )
    readable = both(
        exp.func("REGEXP_FULL_MATCH", text, lit(pattern)),
        exp.not_(exp.func("REGEXP_FULL_MATCH", text, lit(TOO_SMALL))),
    )
    number = cast(exp.func("REPLACE", exp.func("RTRIM", text, lit(" %")), lit(","), lit(".")), NUMBER)
    value = when((marker, exp.null()), (readable, number))
    return value, exp.and_(exp.not_(marker), exp.not_(readable))


def exact_path(path: str) -> str:
    """``path`` as DuckDB must be given it to read that one file: absolute (no ``~`` or ``s3://``
    read into it), its glob characters ``[ * ?`` each in brackets, so that ``r[1].csv`` is not
    ``r1.csv`` and ``x?.csv`` not also a link ``xy.csv`` beside it."""
    return _GLOB.sub(r"[\g<0>]", os.path.abspath(path))


def reader_call(source: Source) -> exp.Expr:
    """DuckDB's reader of ``source``: READ_PARQUET, or READ_CSV with the dialect sniffed, every cell as text."""
    if source.parquet:
        return exp.func("READ_PARQUET", lit(exact_path(source.path)))
    options = {
        "delim": source.delimiter,
        "quote": '"',
        "escape": '"',
        "header": False,
        "skip": source.skip,
        "encoding": source.encoding,
        "comment": "",  # no comments: DuckDB's sniffer took a line starting with # for one, and cut "4 # x"
        "max_line_size": MAX_FIELD_CHARS,  # a longer line may hold a field beyond the limit: the Python reader says
    }
    args = [exp.EQ(this=exp.column(key), expression=exp.convert(value)) for key, value in options.items()]
    args += [exp.EQ(this=exp.column("all_varchar"), expression=exp.true())]
    return exp.func("READ_CSV", lit(exact_path(source.path)), *args)


def select_rows(source: Source, year: int | None, raw: str | None = None) -> exp.Select:
    """The results rows of ``source``; from the table ``raw`` (the file copied in order), with
    each row's value as written, comment, file and line (``rowid`` counts the rows in file order)."""

    def column(role: str) -> exp.Expr:
        return (
            exp.column(exp.to_identifier(source.columns[role], quoted=True)) if role in source.columns else exp.null()
        )

    table = exp.to_table(raw) if raw is not None else reader_call(source)
    value, bad_value = _number(column("value"), value_pattern(source, "value"))
    base, bad_base = _number(column("n"), value_pattern(source, "n"))
    year_text = exp.func("COALESCE", exp.func("TRIM", cast(column("year"), "VARCHAR")), lit(""))
    fallback = lit(source.file_year if source.file_year is not None else year)
    year_value = when(
        (exp.func("REGEXP_FULL_MATCH", year_text, lit(_YEAR)), cast(exp.func("LEFT", year_text, lit(4)), "INT")),
        (year_text.eq(lit("")), fallback),
    )
    indicator = exp.func("COALESCE", exp.func("TRIM", cast(column("indicator"), "VARCHAR")), lit(""))
    org_unit = exp.func("NULLIF", exp.func("TRIM", cast(column("org_unit"), "VARCHAR")), lit(""))
    bad = either(bad_value, bad_base, year_value.is_(exp.null()), indicator.eq(lit("")), base < 0)
    empty = [
        exp.func("COALESCE", exp.func("TRIM", cast(column(role), "VARCHAR")), lit("")).eq(lit(""))
        for role in ("indicator", "year", "value", "org_unit", "n")
    ]
    extras: list[exp.Expr] = []
    if raw is not None:
        first_line = 1 if source.parquet else source.skip + 1
        extras = [
            exp.func("COALESCE", exp.func("TRIM", cast(column("value"), "VARCHAR")), lit("")).as_("value_text"),
            exp.func("NULLIF", exp.func("TRIM", cast(column("comment"), "VARCHAR")), lit("")).as_("comment"),
            exp.func("NULLIF", exp.func("TRIM", cast(column("actions"), "VARCHAR")), lit("")).as_("actions"),
            exp.func("COALESCE", exp.func("TRIM", cast(column("n"), "VARCHAR")), lit("")).as_("n_text"),
            year_text.as_("year_text"),
            lit(source.path).as_("path"),
            (exp.column("rowid") + lit(first_line)).as_("line"),
        ]
    return (
        exp.select(
            indicator.as_("indicator"),
            year_value.as_("year"),
            org_unit.as_("org_unit"),
            value.as_("value"),
            base.as_("n"),
            when((bad, lit(1)), default=lit(0)).as_("bad"),
            *extras,
        )
        .from_(table)
        .where(exp.not_(exp.and_(*empty)))
    )  # a blank line is no row, as in the Python reader


def sources_of(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[str | os.PathLike[str]],
    encoding: str | None,
    delimiter: str | None,
    columns: Mapping[str, str] | None,
) -> list[Source]:
    names = columns_of.column_names(columns or {})
    found = []
    for path in reader.expand_paths(paths):
        if path.lower().endswith(".parquet"):
            found.append(_sniff_parquet(con, path, names))
        elif path.lower().endswith((".xlsx", ".xlsm")) or not Path(path).is_file():
            raise NeedsPython(f"{path}: not a CSV or Parquet file", "stream.not_csv", path=path)
        else:
            found.append(_sniff_csv(path, encoding, delimiter, names))
    return found


def _load_python_rows(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, read: reader.ResultSet, year: int) -> None:
    """The Python reader's rows as the results table, after the Python core found no error in them."""
    report = evaluate(scorecard, read.rows, year, strict=False)
    errors = sorted([*read.errors, *report.errors], key=lambda e: (e.path or "", e.line or 0))
    if errors:
        raise KpiErrors(errors)
    run(
        con,
        "CREATE OR REPLACE TEMP TABLE kpi_results "
        "(indicator VARCHAR, year INT, org_unit VARCHAR, value DECIMAL(38, 15), n DECIMAL(38, 15))",
    )
    insert_rows(con, "kpi_results", [(r.indicator, r.year, r.org_unit, r.value, r.base) for r in read.rows])


def rate(
    scorecard: Scorecard,
    paths: Sequence[str | os.PathLike[str]],
    *,
    year: int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: Mapping[str, str] | None = None,
    connection: duckdb.DuckDBPyConnection | None = None,
) -> Rated:
    """The rated results of ``paths`` as a DuckDB relation (columns as ``kpi sql``'s query).

    ``year`` is rated even if only measures have rows in it (as ``evaluate``'s
    year) and is the year of rows that give none. Raises KpiErrors with the
    Python reader's and core's messages when the input has errors. Files hold no
    benchmark values, so a ``compute: better_than`` indicator has none, as in ``kpi evaluate``.
    """
    import duckdb

    con = connection or duckdb.connect()
    try:
        sources = sources_of(con, paths, encoding, delimiter, columns)
        if any(undecided_marks(con, source, reader_call(source).sql("duckdb")) for source in sources):
            raise NeedsPython("a number reads two ways (12.500): the Python reader says so at its line")
        selects = [select_rows(source, year) for source in sources]
        union: exp.Expr = selects[0]
        for select in selects[1:]:
            union = exp.union(union, select, distinct=False)
        run(con, f"CREATE OR REPLACE TEMP TABLE kpi_results AS {union.sql('duckdb')}")
        import_ok = not doubtful(con, scorecard)
    except (NeedsPython, duckdb.Error, KpiError):
        import_ok = False
    shown = year
    if not import_ok:
        read = reader.read_results(paths, year=year, encoding=encoding, delimiter=delimiter, columns=columns)
        shown = _year(read, year)
        _load_python_rows(con, scorecard, read, shown)
    elif shown is None:
        latest = count_of(con, "SELECT max(year) FROM kpi_results")
        shown = latest or None
    query = compile_sql(
        scorecard,
        "duckdb",
        table="kpi_results",
        base_column=True,
        year=shown,
        pretty=False,
    )
    run(con, f"CREATE OR REPLACE TEMP TABLE kpi_rated AS {query}")  # rated once, read by the check and the writer
    if import_ok and count_of(con, "SELECT count(*) FROM kpi_rated WHERE error IS NOT NULL"):
        read = reader.read_results(paths, year=year, encoding=encoding, delimiter=delimiter, columns=columns)
        _load_python_rows(con, scorecard, read, _year(read, year))  # raises the located errors
        run(con, f"CREATE OR REPLACE TEMP TABLE kpi_rated AS {query}")
    return Rated(con.table("kpi_rated"), "duckdb" if import_ok else "python", con)


def _year(read: reader.ResultSet, year: int | None) -> int:
    from ..rating.evaluate import year_to_show

    return year_to_show(read, year)


def run(con: duckdb.DuckDBPyConnection, statement: str) -> None:
    """Run a statement to its end (DuckDB wants a result finished before the next statement)."""
    con.execute(statement).fetchall()


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[object, ...]]) -> None:
    """``rows`` added to ``table`` in one statement, a list per column unnested: ``executemany`` runs
    a statement a row (seconds for the few thousand rows of a large scorecard). Decimals go as
    their text, cast exactly to the column's type by the insert."""
    if not rows:
        return
    exact = [tuple(format(cell, "f") if isinstance(cell, Decimal) else cell for cell in row) for row in rows]
    columns = [list(column) for column in zip(*exact, strict=True)]
    unnested = ", ".join(f"unnest(${number})" for number in range(1, len(columns) + 1))
    con.execute(f"INSERT INTO {table} SELECT {unnested}", columns)


def undecided_marks(con: duckdb.DuckDBPyConnection, source: Source, table: str) -> bool:
    """Whether a CSV ``source`` holds a number that reads two ways, decimals or thousands (12.500),
    which its other numbers do not settle (results/marks.py): a few distinct texts weighed in Python."""
    if source.parquet or "value" not in source.columns:
        return False
    name = exp.to_identifier(source.columns["value"], quoted=True).sql("duckdb")
    text = f"TRIM(CAST({name} AS VARCHAR))"
    query = f"SELECT DISTINCT {text} FROM {table} WHERE regexp_matches({text}, '[0-9][.,][0-9]')"
    texts = (row[0] for row in con.execute(query).fetchall())
    return bool(marks.undecided(texts, source.delimiter, source.columns["value"]))


def count_of(con: duckdb.DuckDBPyConnection, query: str) -> int:
    """The one number a query returns (0 for NULL)."""
    rows = con.execute(query).fetchall()
    return int(rows[0][0] or 0) if rows else 0


def doubtful(con: duckdb.DuckDBPyConnection, scorecard: Scorecard) -> bool:
    """Rows the fast path cannot vouch for: unreadable cells, unknown ids, duplicates."""
    names = {measure.id: measure.id for measure in scorecard.measures}
    names.update({name: indicator.id for name, indicator in scorecard.lookup().items()})
    run(con, "CREATE OR REPLACE TEMP TABLE kpi_known (name VARCHAR, id VARCHAR)")
    insert_rows(con, "kpi_known", list(names.items()))
    unknown = count_of(
        con,
        "SELECT count(*) FROM kpi_results r LEFT JOIN kpi_known k ON k.name = r.indicator "
        "WHERE r.bad = 1 OR k.id IS NULL",
    )
    duplicates = count_of(
        con,
        "SELECT count(*) FROM (SELECT 1 FROM kpi_results r JOIN kpi_known k ON k.name = r.indicator "
        "GROUP BY k.id, r.year, r.org_unit HAVING count(*) > 1)",
    )
    return bool(unknown or duplicates)
