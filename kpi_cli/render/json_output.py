"""JSON for scripts and pipelines: language-neutral, everything the rating used.

Schema 2 (docs/reference/json.md; as a JSON Schema, kpi_cli/schemas/report-2.schema.json, which
the tests hold every output to): what belongs to an indicator is written once, in an
``indicators`` object keyed by id; each result says only what is its own, for
every rated year, the year shown named at the top. ``--format jsonl`` writes the
same result objects, one per line.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..bands.notation import format_interval
from ..model import Band, BandVersion, Deadline, Indicator, Interval, Measure, Scorecard, level_ids
from ..number_format import to_json_number
from ..rating import history as hist
from ..report import Computed
from ..view import Entry, StatusView, View
from . import Output, Renderer, RenderOptions
from .json_results import ENCODE, ResultEncoder
from .labels import Labels

SCHEMA_VERSION = 2
ENGLISH = Labels("en")  # JSON stays language-neutral: its texts are English
CHUNK = 1000  # results written at once


def _number(value: Decimal | None) -> int | float | None:
    return None if value is None else to_json_number(value)


def interval(item: Interval) -> dict[str, Any]:
    return {
        "min": _number(item.low),
        "max": _number(item.high),
        "min_inclusive": item.low_inclusive if item.low is not None else False,
        "max_inclusive": item.high_inclusive if item.high is not None else False,
        "notation": format_interval(item, "."),
    }


def band(item: Band) -> dict[str, Any]:
    return {"text": item.text, "intervals": [interval(i) for i in item.intervals]}


def indicator(item: Indicator, scorecard: Scorecard) -> dict[str, Any]:
    """What belongs to an indicator, written once: its place, scale, rule, band versions, phase-in."""
    phase_in = item.phase_in
    return {
        "name": item.name,
        "goal": item.goal_id,
        "focus_area": item.focus_area_id,
        "unit": item.unit,
        "scale": interval(item.scale) if item.scale else None,
        "direction": item.direction.value if item.direction else None,
        "gap_policy": item.gap_policy.value,
        "tags": list(item.tags),
        "owner": item.owner,
        "min_base": item.min_base,
        "phase_in": {
            "year": phase_in.year,
            "planned": phase_in.planned,
            "postponed": phase_in.postponed,
            "reason": phase_in.reason,
        }
        if phase_in
        else None,
        "band_versions": [_version(item, v, scorecard) for v in _versions(item)],
    }


def _versions(item: Indicator) -> tuple[BandVersion, ...]:
    """The indicator's band versions; one from the start for bands given without versions."""
    if item.versions:
        return item.versions
    if not item.bands:
        return ()
    return (BandVersion(item.bands, item.direction, deadline=item.deadline),)


def _version(item: Indicator, version: BandVersion, scorecard: Scorecard) -> dict[str, Any]:
    """A band version with the scale and unit of measure in force under it (its own, else inherited)."""
    start = version.from_year
    shown = item.in_force(start, version.org_unit) if start is not None else item
    scale = version.scale or shown.scale or item.scale
    return {
        "from": start,
        "org_unit": version.org_unit,
        "direction": version.direction.value if version.direction else None,
        "scale": interval(scale) if scale else None,
        "unit": version.unit or shown.unit or item.unit,
        "bands": {scorecard.level_id(b.status): band(b) for b in version.bands},
        "deadline": _deadline(version.deadline) if version.deadline else None,
    }


def _deadline(due: Deadline) -> dict[str, Any]:
    """A target with a deadline: the year, the target as written, and the path's start when given
    (else the first result); before ``by`` each result's note ``on_path`` says the path's value."""
    start = {"year": due.baseline[0], "value": _number(due.baseline[1])} if due.baseline else None
    return {"by": due.by, "target": due.text, "baseline": start}


def result(view: View, entry: Entry, english: Labels = ENGLISH) -> dict[str, Any]:
    """One result: only what is its own, the indicator named by id."""
    item = entry.result
    row = item.row
    change = entry.trend
    version = view.band_version(item)
    made: dict[str, Any] = {
        "indicator": item.indicator.id,
        "year": item.year,
        "org_unit": item.org_unit,
        "value": _number(item.value),
        "value_text": row.raw if row else None,
        "absence": row.absence if row else None,
        "status": english.level_id(item.status),
        "phase_in_state": item.state.value,
        "bands_from": version.from_year if version else None,
        "bands_org_unit": version.org_unit if version else None,
        "in_gap": item.rating.in_gap if item.rating else False,
        "reason": english.reason(item.rating) if item.rating else None,
        "change": {
            "previous_year": change.previous.year,
            "previous_value": _number(change.previous.value),
            "previous_status": english.level_id(change.previous.status),
            "delta": _number(change.delta),
            "better": change.better,
        }
        if change
        else None,
        "regression": entry.regression,
        "failing": entry.failing,
        "computed": _computed(item.computed, view.measures) if item.computed else None,
        "note": {"key": item.note.key, **dict(item.note.values), "text": english.note(item.note)}
        if item.note
        else None,
        "base": _number(row.base) if row and row.base is not None else None,
        "comment": entry.comment,
        "actions": entry.actions,
        "source": {"path": row.location.path, "line": row.location.line} if row and row.location else None,
        "benchmarks": [
            {
                "region": c.benchmark.region,
                "name": c.benchmark.name,
                "value": _number(c.benchmark.value),
                "absence": c.benchmark.absence,
                "compared": c.verdict,
            }
            for c in entry.benchmarks
        ],
    }
    if entry.revised is not None:  # a fetched KOSTRA figure: false before its revision
        made["revised"] = entry.revised
    return made


def _computed(computed: Computed, measures: Mapping[str, Measure]) -> dict[str, Any]:
    """The rule and its inputs; ``better_than`` adds the benchmark and how many inputs beat it."""
    found = {
        "method": computed.computation.method,
        "inputs": [
            {"measure": measure, "year": year, "value": _number(value)} for measure, year, value in computed.inputs
        ],
        "value": _number(computed.value),
        "text": ENGLISH.computed(computed, measures),
    }
    if computed.computation.method == "better_than":
        found.update(benchmark=computed.computation.benchmark, better=computed.better)
    return found


def _rollup(rollup: hist.Rollup, scorecard: Scorecard) -> dict[str, Any]:
    """The worst status and the counts, rated ones under the scorecard's level ids."""
    ids = level_ids(scorecard.levels)
    rated = scorecard.rated
    return {
        "status": ids[rollup.status] if rollup.status else None,
        "counts": {
            ids[status]: count for status, count in rollup.counts.items() if not status.is_rated or status in rated
        },
    }


def _rollups(rolled: hist.Rollups, scorecard: Scorecard) -> dict[str, Any]:
    return {
        **_rollup(rolled.total, scorecard),
        "goals": {goal: _rollup(r, scorecard) for goal, r in rolled.goals.items()},
        "focus_areas": {area: _rollup(r, scorecard) for area, r in rolled.focus_areas.items()},
    }


def _head(view: View, years: Sequence[int], org_units: Sequence[str | None]) -> dict[str, Any]:
    report = view.report
    gate = view.gate
    return {
        "schema_version": SCHEMA_VERSION,
        "scorecard": report.scorecard.name,
        "levels": [{"id": level.id, "labels": dict(level.labels)} for level in report.scorecard.levels],
        "definitions": view.definitions,
        "sources": list(report.sources),
        "year": view.year,
        "years": list(years),
        "org_units": list(org_units),
        "gate": {
            "fail_on": gate.fail_on,
            "fail_on_missing": gate.missing,
            "fail_on_suppressed": gate.suppressed,
            "fail_on_regression": gate.regression,
        },
        "failing": [{"indicator": r.indicator.id, "year": r.year, "org_unit": r.org_unit} for r in view.failing],
        "summary": _rollups(view.rollups, report.scorecard),
        "by_org_unit": [{"org_unit": unit.org_unit, **_rollups(unit.rollups, report.scorecard)} for unit in view.units],
        "findings": [{"indicator": f.indicator, "message": f.message} for f in report.findings],
        "tables": [
            {"table": t.table, "title": t.title, "updated": t.updated, "notes": list(t.notes)} for t in report.tables
        ],
        "indicators": {item.id: indicator(item, report.scorecard) for item in report.scorecard.indicators()},
    }


def _document(view: View, options: RenderOptions, head: dict[str, Any], entries: Iterable[Entry]) -> Output:
    """Indented for a person at a terminal, else compact and written a chunk of results at a
    time, so a million results never sit in memory as one string."""
    english = Labels("en", view.report.scorecard.levels)
    if options.pretty:
        results = [result(view, entry, english) for entry in entries]
        return json.dumps({**head, "results": results}, ensure_ascii=False, indent=2) + "\n"
    return _stream(head, map(ResultEncoder(view, english, result), entries))


def evaluation(view: View, options: RenderOptions) -> Output:
    """Every year rated, the year shown named at the top."""
    return _document(view, options, _head(view, view.years, view.org_units), view.every_year())


def history(view: View, options: RenderOptions) -> Output:
    """The years up to the one shown, for the org units asked for."""
    head = _head(view, view.history_years, view.history_units)
    entries = (e for e in view.every_year(view.history_units) if e.result.year <= view.year)
    return _document(view, options, head, entries)


def _stream(head: dict[str, Any], items: Iterator[str]) -> Iterator[str]:
    """``{**head, "results": [...]}`` as compact JSON, the results (each encoded) in chunks of
    ``CHUNK`` results: few writes, and never a million of them in memory at once."""
    yield ENCODE(head)[:-1] + ',"results":['
    separator = ""  # between chunks: none before the first
    while chunk := list(itertools.islice(items, CHUNK)):
        yield separator + ",".join(chunk)
        separator = ","
    yield "]}\n"


def lines(view: View, entries: Iterable[Entry]) -> Iterator[str]:
    encoder = ResultEncoder(view, Labels("en", view.report.scorecard.levels), result)
    items = iter(entries)
    while chunk := list(itertools.islice(items, CHUNK)):
        yield "".join(f"{encoder(entry)}\n" for entry in chunk)


def jsonl_evaluation(view: View, options: RenderOptions) -> Output:
    """Every result of every year, one JSON object a line."""
    return lines(view, view.every_year())


def jsonl_history(view: View, options: RenderOptions) -> Output:
    return lines(view, (e for e in view.every_year(view.history_units) if e.result.year <= view.year))


def status(view: StatusView, options: RenderOptions) -> str:
    english = Labels("en")
    document = {
        "schema_version": SCHEMA_VERSION,
        "definitions": view.definitions,
        "year": view.year,
        "indicators": [
            {
                "indicator": item.indicator.id,
                "name": item.indicator.name,
                "phase_in": item.indicator.phase_in.year if item.indicator.phase_in else None,
                "planned": item.indicator.phase_in.planned if item.indicator.phase_in else None,
                "state": item.state.value,
                "postponed": item.postponed,
                "reason": item.indicator.phase_in.reason if item.indicator.phase_in else None,
                "has_bands": item.indicator.has_bands,
                "no_target": {"key": item.planned.key, **dict(item.planned.values), "text": english.note(item.planned)}
                if item.planned
                else None,
            }
            for item in view.states
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
JSONL = Renderer(evaluation=jsonl_evaluation, history=jsonl_history)
