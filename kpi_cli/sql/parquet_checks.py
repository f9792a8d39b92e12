"""What the stream checks of a Parquet file, which only DuckDB reads: before its values are read,
no field beyond the field limit and no texts that unpack far beyond the file (a dictionary that
repeats a long comment 60 000 times made 6 GB of a 37 KB file); after, each cell it cannot read
named by its row and column (for CSV the Python reader says so; it reads no Parquet).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import KpiError, KpiErrors, ResultsError
from ..inert import excerpt
from ..limits import MAX_FIELD_CHARS, MAX_PARQUET_RATIO, MAX_UNPACKED_BYTES, size
from ..results import values
from .engine import FLOATING_VALUE, TOO_SMALL, Source, exact_path, value_pattern

if TYPE_CHECKING:
    import duckdb

SHOWN = 20  # the bad cells named: the first ones, in file order
_TEXT_TYPES = ("VARCHAR", "BLOB")


class Refused(Exception):
    """Errors in a Parquet file, located: the run ends with them (no other reader could say more)."""

    def __init__(self, errors: Sequence[KpiError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = KpiErrors(list(errors))


def _columns(con: duckdb.DuckDBPyConnection, source: Source) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column, in the file's order."""
    found = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [exact_path(source.path)]).fetchall()
    return [(str(row[0]), str(row[1])) for row in found]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def check_before(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    """Refused: a text cell longer than the field limit (at its row and column), or texts that
    unpack to more than MAX_UNPACKED_BYTES and MAX_PARQUET_RATIO times the file's size."""
    texts = [(number, name) for number, (name, kind) in enumerate(_columns(con, source)) if kind in _TEXT_TYPES]
    if not texts:
        return
    path = exact_path(source.path)
    measures = ", ".join(f"max(length(CAST({_quoted(n)} AS VARCHAR))), sum(strlen({_quoted(n)}))" for _, n in texts)
    found = con.execute(f"SELECT {measures} FROM read_parquet(?)", [path]).fetchone() or ()
    for (number, name), longest in zip(texts, found[::2], strict=True):
        if longest is not None and int(longest) > MAX_FIELD_CHARS:
            condition = f"length(CAST({_quoted(name)} AS VARCHAR)) > {MAX_FIELD_CHARS}"
            query = f"SELECT min(file_row_number) FROM read_parquet(?, file_row_number = true) WHERE {condition}"
            row = (con.execute(query, [path]).fetchone() or (0,))[0]
            message = f"field larger than field limit ({MAX_FIELD_CHARS} characters): not a results table?"
            error = ResultsError(message, code="over-limit", path=source.path, line=int(row) + 1, column=number + 1)
            raise Refused([error])
    unpacked = sum(int(total or 0) for total in found[1::2])
    if unpacked > MAX_UNPACKED_BYTES and unpacked > MAX_PARQUET_RATIO * os.path.getsize(source.path):
        message = (
            f"its texts unpack to {size(unpacked)}, more than {size(MAX_UNPACKED_BYTES)} and {MAX_PARQUET_RATIO}"
            f" times the file's {size(os.path.getsize(source.path))}: long texts repeated (a Parquet bomb?)"
        )
        raise Refused([ResultsError(message, code="over-limit", path=source.path)])


def cell_problems(con: duckdb.DuckDBPyConnection, sources: Sequence[Source]) -> list[KpiError]:
    """The first bad cells of the Parquet files among ``sources``, each at its row and column:
    an empty or unknown id, a year that is not one, a value or n that is not a plain number."""
    found: list[KpiError] = []
    for source in sources:
        if not source.parquet:
            continue
        columns = _columns(con, source)
        place = {role: [name for name, _ in columns].index(name) + 1 for role, name in source.columns.items()}
        kinds = {role: columns[number - 1][1] for role, number in place.items()}
        rows = con.execute(
            "SELECT r.line, r.indicator, r.year, r.year_text, r.value_text, r.n_text, k.id FROM kpi_results r "
            "LEFT JOIN kpi_known k ON k.name = r.indicator WHERE r.path = ? AND (r.bad = 1 OR k.id IS NULL) "
            f"ORDER BY r.line LIMIT {SHOWN}",
            [source.path],
        ).fetchall()
        for line, indicator, year, year_text, value_text, n_text, known in rows:
            texts = (str(year_text), str(value_text), str(n_text))
            role, message, code = _problem(str(indicator), year, texts, known, value_pattern(source, "value"))
            shown = f"{message} (a {kinds[role]} cell)" if kinds.get(role) not in (*_TEXT_TYPES, None) else message
            found.append(ResultsError(shown, code=code, path=source.path, line=int(line), column=place.get(role)))
    return found


def _problem(
    indicator: str, year: object, texts: tuple[str, str, str], known: object, pattern: str
) -> tuple[str, str, str]:
    """(role, message, code) of a row's first problem, as the Python reader words it for CSV."""
    year_text, value_text, n_text = texts
    if not indicator:
        return "indicator", "row has no indicator id", "no-indicator"
    if known is None:
        return "indicator", f"unknown indicator {excerpt(indicator)}", "unknown-indicator"
    if year is None:
        return "year", f"{indicator}: year {excerpt(year_text, 40)} is not a year", "invalid-year"
    if not _readable(value_text, pattern):
        if re.fullmatch(FLOATING_VALUE, value_text.strip()):
            message = f"value {excerpt(value_text, 40)} has more than 15 decimals, which kpi would round"
            return "value", message, "invalid-value"
        return "value", f"value {excerpt(value_text, 40)} is not a plain number", "invalid-value"
    return "n", f"n {excerpt(n_text, 40)} is not a plain number of at least 0", "invalid-value"


def _readable(text: str, pattern: str) -> bool:
    """Whether the stream reads ``text`` as a value (``engine._number``, in Python)."""
    lowered = text.strip().lower()
    if not lowered or lowered in values.NO_RESULT or lowered.startswith(tuple(values.NO_RESULT_PREFIXES)):
        return True
    plain = re.fullmatch(pattern, text.strip())
    return plain is not None and re.fullmatch(TOO_SMALL, text.strip()) is None
