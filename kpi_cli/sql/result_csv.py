"""``--format csv`` on the streamed path: each result's CSV line as one DuckDB string.

The cells ``kpi_cli.render.csv_output.row`` writes: those that belong to an indicator in a year
and band version (id, name, goal, focus area, unit, band texts, owner) and to its status (the status
text) are quoted by Python's csv module once, into the small tables ``kpi_csv_kind`` and
``kpi_csv_status``, and so are the phase-in state's words (a CASE in the line); the result's own
cells (org unit, value, file and line, n, regression, comment, actions) are written in SQL with the
same rules: a formula start made plain (``text.neutralise``), a cell quoted when it holds the
delimiter, a quote or a line break.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import PhaseState, Scorecard, Status
from ..render import RenderOptions
from ..render.csv_output import BOM, dialect, evaluation_header, shown_header
from ..render.labels import Labels
from ..report import Note
from ..text import FORMULA_STARTS, neutralise
from .engine import insert_rows

if TYPE_CHECKING:
    import duckdb


def _joined(cells: Sequence[str], delimiter: str) -> str:
    """The cells as the csv module writes them in a row, without the line's end (one empty cell is
    empty, as it is in a longer row; alone in a row the module would write it as \"\")."""
    if list(cells) == [""]:
        return ""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return buffer.getvalue()


def header(scorecard: Scorecard, options: RenderOptions) -> bytes:
    """The CSV's first line (after a byte-order mark when it goes to a file), as the renderer writes it."""
    delimiter, _ = dialect(options)
    line = _joined(shown_header(evaluation_header(scorecard), options.lang), delimiter) + "\r\n"
    return ((BOM if options.to_file else "") + line).encode("utf-8")


def tables(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, options: RenderOptions) -> str:
    """The small tables of pre-written cells; returns the SQL expression of a result's line."""
    delimiter, mark = dialect(options)
    say = Labels(options.lang, scorecard.levels)
    indicators = scorecard.indicator_map()
    kinds = []
    for ident, year, start, unit in con.execute("SELECT indicator, year, from_key, unit_key FROM kpi_kind").fetchall():
        item = indicators[ident].in_force(year, unit or None)
        bands = [band.text if (band := item.band(status)) else "" for status in say.rated]
        own = [neutralise(t) for t in (item.id, item.name, item.goal_id, item.focus_area_id)]
        kinds.append(
            (
                ident,
                year,
                start,
                unit,
                _joined(own, delimiter),
                _joined([neutralise(item.unit or "")], delimiter),
                _joined([neutralise(text) for text in bands], delimiter),
                _joined([neutralise(indicators[ident].owner or "")], delimiter),
            )
        )
    con.execute(
        "CREATE TEMP TABLE kpi_csv_kind (indicator VARCHAR, year INT, from_key INT, unit_key VARCHAR,"
        " own VARCHAR, unit VARCHAR, bands VARCHAR, owner VARCHAR)"
    )
    insert_rows(con, "kpi_csv_kind", kinds)
    statuses = [
        (item.id, status.value, _joined([say.level_id(status), neutralise(say.status_of(item, status))], delimiter))
        for item in scorecard.indicators()
        for status in Status
    ]
    con.execute("CREATE TEMP TABLE kpi_csv_status (indicator VARCHAR, status VARCHAR, cells VARCHAR)")
    insert_rows(con, "kpi_csv_status", statuses)
    notes = con.execute("SELECT DISTINCT note_key, note_year FROM kpi_rows WHERE note_key IS NOT NULL").fetchall()
    con.execute("CREATE TEMP TABLE kpi_csv_note (key VARCHAR, year VARCHAR, cells VARCHAR)")
    cells = [
        (key, year, _joined([neutralise(say.note(Note(key, (("year", year),))))], delimiter)) for key, year in notes
    ]
    insert_rows(con, "kpi_csv_note", cells)
    states = {state.value: _joined([neutralise(say.state(state))], delimiter) for state in PhaseState}
    return _line(delimiter, mark, states)


def _line(delimiter: str, mark: str, states: dict[str, str]) -> str:
    """A result's CSV line (with its \\r\\n) from a row of ``kpi_rows`` joined to the tables above."""
    sep = _literal(delimiter)
    starts = "|".join(_regex(start) for start in FORMULA_STARTS)

    def text(column: str) -> str:  # neutralised, then quoted when it must be
        value = f"coalesce({column}, '')"
        plain = f"(CASE WHEN regexp_matches({value}, '^\\s*({starts})') THEN '''' ELSE '' END || {value})"
        return (
            f"(CASE WHEN regexp_matches({plain}, '[{_regex(delimiter)}\"\\r\\n]') "
            f"THEN '\"' || replace({plain}, '\"', '\"\"') || '\"' ELSE {plain} END)"
        )

    def number(text_column: str, value_column: str) -> str:  # format_number of the value as written
        return f"coalesce(kpi_as_written({text_column}, {value_column}, {_literal(mark)}), '')"

    return " || ".join(
        [
            f"k.own || {sep}",
            f"{text('r.org_unit')} || {sep} || r.year || {sep}",
            f"{number('r.value_text', 'r.value')} || {sep}",
            f"k.unit || {sep} || s.cells || {sep} || k.bands || {sep}",
            f"kpi_phase_state(r.year, r.phase_in) || {sep} || {_state_text(states)} || {sep}",
            f"{text('r.path')} || {sep} || coalesce(CAST(r.line AS VARCHAR), '') || {sep}",
            f"{number('r.n_text', 'r.n')} || {sep} || coalesce(t.cells, '') || {sep}",
            f"(CASE WHEN r.regression THEN 'true' ELSE 'false' END) || {sep} || {text('r.comment')} || {sep}",
            f"{text('r.actions')} || {sep} || k.owner || chr(13)",
        ]
    )


def _state_text(states: dict[str, str]) -> str:
    """The phase-in state's words (``phase_in_text``) by its id, as ``csv_output.row`` writes them."""
    cases = " ".join(f"WHEN {_literal(state)} THEN {_literal(text)}" for state, text in states.items())
    return f"(CASE kpi_phase_state(r.year, r.phase_in) {cases} END)"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _regex(text: str) -> str:
    """``text`` as a literal in a regular expression inside a SQL string."""
    return "".join(f"\\x{{{ord(c):x}}}" for c in text).replace("'", "''")


JOINS = (
    "JOIN kpi_csv_kind k ON k.indicator = r.indicator AND k.year = r.year"
    " AND k.from_key = coalesce(r.bands_from, -1) AND k.unit_key = coalesce(r.bands_org_unit, '')"
    " JOIN kpi_csv_status s ON s.indicator = r.indicator AND s.status = r.status"
    " LEFT JOIN kpi_csv_note t ON t.key = r.note_key AND t.year = r.note_year"
)
