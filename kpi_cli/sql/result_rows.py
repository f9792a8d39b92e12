"""JSON schema 2's results as DuckDB columns, for the streamed path (``kpi_cli.sql.stream``).

``build_results`` turns the compiled query's rated rows (``kpi_rated``) into ``kpi_rows``: one
narrow row per result with what the rating gives it (status, the year before, change, regression,
gate), and the view ``kpi_out``, which joins each result's row read (``kpi_results``: its text,
comment, file and line, by the row's ``place``) where a result is written. The reason a value lies
in a band is composed in SQL from the interval's notation; the rare reasons about neighbours (a
gap, beyond the bands) are worded by the core (``rating.rate``, ``Labels.reason``) for those rows
only. ``head_document`` builds the document's head from counts, with the JSON renderer's own
functions for indicators and roll-ups.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..bands.notation import format_interval
from ..bands.order import placed
from ..model import RATED, Direction, Interval, Scorecard, Status
from ..rating.checks import findings
from ..rating.history import Rollups, rollup_counts
from ..rating.phase_in import no_target_note
from ..rating.rate import rate
from ..render.json_output import SCHEMA_VERSION, _rollups, indicator
from ..render.labels import Labels
from ..results.values import parse_value
from ..view import Gate
from .engine import insert_rows
from .tables import _versions

if TYPE_CHECKING:
    import duckdb

_ROWS = """
CREATE TEMP TABLE kpi_rows AS
WITH units AS (
    SELECT org_unit, row_number() OVER (ORDER BY org_unit) AS unit_order
    FROM (SELECT DISTINCT org_unit FROM kpi_rated WHERE org_unit IS NOT NULL)
), previous AS (
    -- the year before with a value, found on the rated rows as the query gives them, before anything
    -- is joined to them: a window sorts every column it is given
    SELECT r.*,
           last_value(CASE WHEN r.value IS NOT NULL THEN {'year': r.year, 'value': r.value, 'status': r.status,
                      'bands_from': r.bands_from, 'bands_unit': r.bands_org_unit} END IGNORE NULLS)
               OVER (PARTITION BY r.indicator, r.org_unit ORDER BY r.year
                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS p
    FROM kpi_rated r
), joined AS (
    SELECT r.indicator, r.year, r.org_unit, r.value, r.status, r.bands_from, r.bands_org_unit, r.place,
           r.in_gap = 1 AS in_gap, r.beyond = 1 AS beyond,
           info.ord, info.phase_in, k.direction, k.desired, lv.id AS level, lv.rank AS rank,
           lv.rank IS NOT NULL AS rated, coalesce(u.unit_order, 0) AS unit_order, b.notation AS inside,
           r.p.year AS previous_year, r.p.value AS previous_value, pl.id AS previous_level,
           r.p IS NOT NULL AND lv.rank IS NOT NULL AND pl.rank IS NOT NULL AND lv.rank > pl.rank AS regression,
           CASE WHEN pk.kind = k.kind THEN r.value - r.p.value END AS delta
    FROM previous r
    JOIN kpi_info info ON info.indicator = r.indicator
    JOIN kpi_level lv ON lv.status = r.status
    JOIN kpi_kind k ON k.indicator = r.indicator AND k.year = r.year AND k.from_key = coalesce(r.bands_from, -1)
     AND k.unit_key = coalesce(r.bands_org_unit, '')
    LEFT JOIN kpi_level pl ON pl.status = r.p.status
    LEFT JOIN kpi_kind pk ON pk.indicator = r.indicator AND pk.year = r.p.year
     AND pk.from_key = coalesce(r.p.bands_from, -1) AND pk.unit_key = coalesce(r.p.bands_unit, '')
    LEFT JOIN units u ON u.org_unit = r.org_unit
    LEFT JOIN kpi_band_text b
      ON lv.rank IS NOT NULL AND b.indicator = r.indicator AND b.from_key = coalesce(r.bands_from, -1)
     AND b.unit_key = coalesce(r.bands_org_unit, '') AND b.position = r.inside_at
)
SELECT f.*,
       CASE WHEN f.delta = 0 THEN NULL WHEN f.direction = 'higher' THEN f.delta > 0
            WHEN f.direction = 'lower' THEN f.delta < 0
            WHEN f.desired IS NOT NULL AND kpi_distance(f.value, f.desired) <> kpi_distance(f.previous_value, f.desired)
            THEN kpi_distance(f.value, f.desired) < kpi_distance(f.previous_value, f.desired) END AS better,
       f.year = $shown AND (f.level IN (SELECT id FROM kpi_fails) OR ($on_regression AND f.regression)) AS failing,
       NULL::VARCHAR AS neighbours
FROM joined f
"""

# kpi_rows holds what the rating gives a result, narrow (the counts, the head and the checks read
# it); the texts of its row read (the value as written, comment, file and line) are joined by the
# row's place only where a result is written, and so is the reason composed from them.
_OUT = """
CREATE TEMP VIEW kpi_out AS
SELECT r.*, x.value_text, x.comment, x.actions, x.path, x.line, x.n, x.n_text,
       CASE WHEN r.rated AND r.inside IS NOT NULL THEN
           kpi_as_written(x.value_text, r.value, '.') || ' lies in ' || r.inside ELSE r.neighbours END AS reason
FROM kpi_rows r LEFT JOIN kpi_results x ON x.place = r.place
"""

# The order of the report's results: by year, the municipality then org units by name, the
# definitions' order. kpi_rows is not kept in it (a sort of the wide rows costs more than a sort
# where they are written), so every query that reads rows in order says it.
ORDER = "ORDER BY year, unit_order, ord"

# The head's failing results.
FAILING_FIELDS = "indicator, year, org_unit"

# A JSON number as json_output writes one (number_format.to_json_number): whole numbers as integers.
_MACROS = """
CREATE TEMP MACRO kpi_number(x) AS CASE WHEN x = trunc(x) THEN to_json(x::HUGEINT) ELSE to_json(x::DOUBLE) END;
CREATE TEMP MACRO kpi_inside(x, low, high, low_inclusive, high_inclusive) AS
    (low IS NULL OR x > low OR (x = low AND low_inclusive))
    AND (high IS NULL OR x < high OR (x = high AND high_inclusive));
CREATE TEMP MACRO kpi_distance(x, bands) AS coalesce(list_min(list_transform(bands, lambda b:
    CASE WHEN kpi_inside(x, b.low, b.high, b.low_inclusive, b.high_inclusive) THEN 0
         ELSE least(abs(x - b.low), abs(x - b.high)) END)), 0);
CREATE TEMP MACRO kpi_as_written(text, value, mark) AS CASE WHEN value IS NULL THEN NULL WHEN value = 0
    THEN ltrim(translate(rtrim(text, ' %'), '.,', mark || mark), '-')
    ELSE translate(rtrim(text, ' %'), '.,', mark || mark) END;
CREATE TEMP MACRO kpi_phase_state(year, phase_in) AS CASE WHEN phase_in IS NULL OR year > phase_in THEN 'active'
    WHEN year = phase_in THEN 'new' ELSE 'pending' END
"""

# The result objects of json_output.result, key by key: DuckDB writes each row as one.
RESULT_FIELDS = """
    indicator, year, org_unit, kpi_number(value) AS value, value_text, NULL::VARCHAR AS absence, level AS status,
    kpi_phase_state(year, phase_in) AS phase_in_state,
    bands_from, bands_org_unit, in_gap, reason,
    CASE WHEN delta IS NOT NULL THEN {
        'previous_year': previous_year, 'previous_value': kpi_number(previous_value),
        'previous_status': previous_level, 'delta': kpi_number(delta), 'better': better} END AS change,
    regression, failing, NULL::VARCHAR AS computed,
    CASE WHEN note_key IS NOT NULL THEN {'key': note_key, 'year': note_year, 'text': note_text} END AS note,
    kpi_number(n) AS base, comment, actions,
    CASE WHEN line IS NOT NULL THEN {'path': path, 'line': line} END AS source,
    []::VARCHAR[] AS benchmarks
"""


def _tables(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, gate: Gate) -> None:
    """The scorecard's small tables the result rows join: indicators, levels, band notations."""
    con.execute("CREATE TEMP TABLE kpi_info (indicator VARCHAR, ord INT, phase_in INT)")
    info = [
        (item.id, order, item.phase_in.year if item.phase_in else None)
        for order, item in enumerate(scorecard.indicators())
    ]
    insert_rows(con, "kpi_info", info)
    con.execute("CREATE TEMP TABLE kpi_level (status VARCHAR, id VARCHAR, rank INT)")
    levels = [(s.value, scorecard.level_id(s), s.rank if s in RATED else None) for s in Status]
    insert_rows(con, "kpi_level", levels)
    con.execute("CREATE TEMP TABLE kpi_fails (id VARCHAR)")
    fails = [(scorecard.level_id(s),) for s in gate.levels]
    insert_rows(con, "kpi_fails", fails)
    con.execute(
        "CREATE TEMP TABLE kpi_band_text (indicator VARCHAR, from_key INT, unit_key VARCHAR, position INT,"
        " notation VARCHAR)"
    )
    # each interval at its position left to right, as the compiled query's inside_at names it
    bands = [
        (item.id, -1 if v.from_year is None else v.from_year, v.org_unit or "", position, _edges(interval)[4])
        for item in scorecard.indicators()
        for v in _versions(item)
        for position, (interval, _) in enumerate(placed(v.bands))
    ]
    insert_rows(con, "kpi_band_text", bands)
    _kinds(con, scorecard)


def _kinds(con: duckdb.DuckDBPyConnection, scorecard: Scorecard) -> None:
    """What ``Indicator.in_force`` gives each (indicator, year, band version) rated: the scale and unit
    (``kind``: results compare across years only on the same), the direction, a target range's
    desired band (``target``, its intervals in ``kpi_desired``). A handful of rows however many results."""
    indicators = scorecard.indicator_map()
    kinds: dict[tuple[object, ...], int] = {}
    targets: dict[tuple[Interval, ...], int] = {}
    rows = []
    found = con.execute("SELECT DISTINCT indicator, year, bands_from, bands_org_unit FROM kpi_rated").fetchall()
    for ident, year, start, unit in found:
        in_force = indicators[ident].in_force(year, unit)
        desired = in_force.band(Status.DESIRED)
        target = None
        if in_force.direction is Direction.TARGET_RANGE and desired:
            target = targets.setdefault(desired.intervals, len(targets))
        kind = kinds.setdefault((in_force.scale, in_force.unit), len(kinds))
        direction = _DIRECTIONS.get(in_force.direction) if in_force.direction else None
        rows.append((ident, year, -1 if start is None else start, unit or "", kind, direction, target))
    con.execute(
        "CREATE TEMP TABLE kpi_kind_rows (indicator VARCHAR, year INT, from_key INT, unit_key VARCHAR, kind INT,"
        " direction VARCHAR, target INT)"
    )
    insert_rows(con, "kpi_kind_rows", rows)
    con.execute(
        "CREATE TEMP TABLE kpi_desired (target INT, low DECIMAL(38, 15), high DECIMAL(38, 15),"
        " low_inclusive BOOLEAN, high_inclusive BOOLEAN)"
    )
    target_rows = [(number, *_edges(i)[:4]) for intervals, number in targets.items() for i in intervals]
    insert_rows(con, "kpi_desired", target_rows)
    # a target range's desired band as a list on its row: its distance is worked out row by row
    con.execute(
        "CREATE TEMP TABLE kpi_kind AS SELECT k.*, (SELECT list({'low': d.low, 'high': d.high, "
        "'low_inclusive': d.low_inclusive, 'high_inclusive': d.high_inclusive}) FROM kpi_desired d "
        "WHERE d.target = k.target) AS desired FROM kpi_kind_rows k"
    )


_DIRECTIONS = {Direction.HIGHER_IS_BETTER: "higher", Direction.LOWER_IS_BETTER: "lower"}


def _edges(interval: Interval) -> tuple[Decimal | None, Decimal | None, bool, bool, str]:
    return (
        interval.low,
        interval.high,
        interval.low_inclusive,
        interval.high_inclusive,
        format_interval(interval, "."),
    )


def build_results(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, gate: Gate, shown: int) -> None:
    """``kpi_rows``: every result with what its JSON object needs (read it in ``ORDER``), from
    ``kpi_rated`` and ``kpi_results``; ``RESULT_FIELDS`` selects the object from it."""
    con.execute(_MACROS)
    _tables(con, scorecard, gate)
    con.execute(_ROWS, {"shown": shown, "on_regression": gate.regression}).fetchall()
    english = Labels("en", scorecard.levels)
    _notes(con, scorecard, english)
    con.execute(_OUT)  # after the notes' columns: the view reads kpi_rows' columns as they are now
    _neighbour_reasons(con, scorecard, english)


def _neighbour_reasons(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, english: Labels) -> None:
    """The reasons about neighbours (a gap, beyond the bands), worded by the core: once for each
    value as written against each band version in force, not once a row (a gapped scorecard puts
    some percent of a million values in gaps, a few thousand distinct texts), and set in one
    statement joined on that key."""
    indicators = scorecard.indicator_map()
    key = "indicator, year, coalesce(bands_org_unit, '') AS bands_unit, value_text"
    neighbours = con.execute(
        f"SELECT {key}, any_value(org_unit) FROM kpi_out WHERE rated AND inside IS NULL GROUP BY ALL"
    ).fetchall()
    if not neighbours:
        return
    columns: tuple[list[object], ...] = ([], [], [], [], [])
    for ident, year, bands_unit, text, unit in neighbours:
        value = parse_value(text)  # as the Python reader reads it, its places as written
        assert value is not None
        in_force = indicators[str(ident)].in_force(int(str(year)), None if unit is None else str(unit))
        reason = english.reason(rate(in_force, value))
        for column, cell in zip(columns, (ident, year, bands_unit, text, reason), strict=True):
            column.append(cell)
    con.execute(
        "CREATE TEMP TABLE kpi_reasons AS SELECT unnest($1::VARCHAR[]) AS indicator, unnest($2::INT[]) AS year,"
        " unnest($3::VARCHAR[]) AS bands_unit, unnest($4::VARCHAR[]) AS value_text,"
        " unnest($5::VARCHAR[]) AS reason",
        list(columns),
    )
    con.execute(
        "UPDATE kpi_rows r SET neighbours = n.reason FROM kpi_reasons n, kpi_results x WHERE r.rated"
        " AND r.inside IS NULL AND x.place = r.place AND n.indicator = r.indicator AND n.year = r.year"
        " AND n.bands_unit = coalesce(r.bands_org_unit, '') AND n.value_text = x.value_text"
    )


def _notes(con: duckdb.DuckDBPyConnection, scorecard: Scorecard, english: Labels) -> None:
    """Why a result has no target when its indicator's versions say so (``phase_in.no_target_note``):
    ``note_key``, ``note_year`` and ``note_text`` (English, as JSON writes it) on those rows."""
    for column in ("note_key", "note_year", "note_text"):
        con.execute(f"ALTER TABLE kpi_rows ADD COLUMN {column} VARCHAR")
    versioned = [item.id for item in scorecard.indicators() if item.versions or (item.bands and not item.has_bands)]
    if not versioned:
        return
    indicators = scorecard.indicator_map()
    found = con.execute(
        "SELECT DISTINCT indicator, year, org_unit FROM kpi_rows WHERE status = ? AND list_contains(?, indicator)",
        [Status.NO_TARGET.value, versioned],
    ).fetchall()
    notes = []
    for ident, year, unit in found:
        note = no_target_note(indicators[str(ident)], int(str(year)), None if unit is None else str(unit))
        if note is not None:
            notes.append((ident, year, unit or "", note.key, note.value("year"), english.note(note)))
    if notes:
        con.execute(
            "CREATE TEMP TABLE kpi_notes (indicator VARCHAR, year INT, unit_key VARCHAR, note_key VARCHAR,"
            " note_year VARCHAR, note_text VARCHAR)"
        )
        insert_rows(con, "kpi_notes", notes)
        con.execute(
            "UPDATE kpi_rows SET note_key = n.note_key, note_year = n.note_year, note_text = n.note_text "
            "FROM kpi_notes n WHERE kpi_rows.indicator = n.indicator AND kpi_rows.year = n.year "
            "AND coalesce(kpi_rows.org_unit, '') = n.unit_key"
        )


def head_document(
    con: duckdb.DuckDBPyConnection,
    scorecard: Scorecard,
    sources: Sequence[str],
    shown: int,
    gate: Gate,
    definitions: str,
) -> tuple[bytes, bytes]:
    """The document's head as ``json_output._head`` writes it, compact, in two parts: up to
    ``"failing":[`` and from its ``]`` to ``"results":[``. The failing results themselves can be
    millions: DuckDB writes them (``FAILING_FIELDS``), and the caller puts them in between."""
    rollups = _Rollups(scorecard)
    counts = con.execute(
        "SELECT org_unit, indicator, status, count(*) FROM kpi_rows WHERE year = ? "
        "GROUP BY ALL ORDER BY min(unit_order)",
        [shown],
    ).fetchall()
    units: dict[str | None, list[tuple[str, str, int]]] = {}
    for unit, ident, status, count in counts:
        units.setdefault(unit, []).append((ident, status, count))
    years = sorted({shown, *(int(y) for (y,) in con.execute("SELECT DISTINCT year FROM kpi_rows").fetchall())})
    before = {
        "schema_version": SCHEMA_VERSION,
        "scorecard": scorecard.name,
        "levels": [{"id": level.id, "labels": dict(level.labels)} for level in scorecard.levels],
        "definitions": definitions,
        "sources": list(sources),
        "year": shown,
        "years": years,
        "org_units": list(units),
        "gate": {
            "fail_on": gate.fail_on,
            "fail_on_missing": gate.missing,
            "fail_on_suppressed": gate.suppressed,
            "fail_on_regression": gate.regression,
        },
    }
    after = {
        "summary": rollups.of([row for rows in units.values() for row in rows]),
        "by_org_unit": [{"org_unit": unit, **rollups.of(rows)} for unit, rows in units.items()],
        "findings": [{"indicator": f.indicator, "message": f.message} for f in findings(scorecard, shown)],
        "tables": [],
        "indicators": {item.id: indicator(item, scorecard) for item in scorecard.indicators()},
    }
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return (
        (encode(before)[:-1] + ',"failing":[').encode("utf-8"),
        ("]," + encode(after)[1:-1] + ',"results":[').encode("utf-8"),
    )


class _Rollups:
    """``history.rollups`` from counts per (indicator, status), written by the JSON renderer's
    ``_rollups``: thousands of org units' roll-ups, each indicator's place looked up once."""

    def __init__(self, scorecard: Scorecard) -> None:
        self.scorecard = scorecard
        self.place = {item.id: (item.goal_id, item.focus_area_id) for item in scorecard.indicators()}
        self.goals = [(goal.id, area.id) for area in scorecard.focus_areas for goal in area.goals]
        self.in_area = set(self.goals)
        self.areas = [area.id for area in scorecard.focus_areas]

    def of(self, rows: Sequence[tuple[str, str, int]]) -> dict[str, Any]:
        goals: dict[str, Counter[Status]] = {goal: Counter() for goal, _ in self.goals}
        areas: dict[str, Counter[Status]] = {area: Counter() for area in self.areas}
        total: Counter[Status] = Counter()
        for ident, word, count in rows:
            status = Status(word)
            goal, area = self.place[ident]
            if area in areas:  # as history.rollups: a goal's results are its focus area's first
                areas[area][status] += count
                if (goal, area) in self.in_area:
                    goals[goal][status] += count
            total[status] += count
        rolled = Rollups(
            rollup_counts(total),
            {goal: rollup_counts(found) for goal, found in goals.items()},
            {area: rollup_counts(found) for area, found in areas.items()},
        )
        return _rollups(rolled, self.scorecard)
