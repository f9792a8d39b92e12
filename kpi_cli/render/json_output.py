"""JSON for scripts and pipelines: language-neutral, everything the rating used."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .. import history as hist
from ..model import Band, Indicator, Interval, Measure, Report, Result
from ..notation import format_interval
from ..number_format import to_json_number
from ..phase_in import IndicatorState
from ..rating import describe
from . import RenderOptions
from .labels import Labels

SCHEMA_VERSION = 1
ENGLISH = Labels("en")  # JSON stays language-neutral: its texts are English


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


def indicator_fields(indicator: Indicator) -> dict[str, Any]:
    return {
        "indicator": indicator.id,
        "name": indicator.name,
        "goal": indicator.goal_id,
        "focus_area": indicator.focus_area_id,
        "unit": indicator.unit,
        "scale": interval(indicator.scale) if indicator.scale else None,
        "tags": list(indicator.tags),
    }


def result(
    item: Result,
    previous: Result | None = None,
    measures: Mapping[str, Measure] | None = None,
    statics: dict[int, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One result with what its rating used; ``statics`` caches the parts that only depend on
    the indicator (in force), which a large report repeats for every org unit and year."""
    indicator = item.indicator
    static = statics.get(id(indicator)) if statics is not None else None
    if static is None:
        static = _static(indicator)
        if statics is not None:
            statics[id(indicator)] = static
    row = item.row
    change = hist.trend(item, previous)
    return {
        **static,
        "year": item.year,
        "org_unit": item.org_unit,
        "value": _number(item.value),
        "value_text": row.raw if row else None,
        "status": item.status.value,
        "phase_in_state": item.state.value,
        "in_gap": item.rating.in_gap if item.rating else False,
        "reason": describe(item.rating, ".") if item.rating else None,
        "source": {"path": row.location.path, "line": row.location.line} if row and row.location else None,
        "change": {
            "previous_year": change.previous.year,
            "previous_value": _number(change.previous.value),
            "previous_status": change.previous.status.value,
            "delta": _number(change.delta),
            "better": change.better,
        }
        if change
        else None,
        "regression": hist.is_regression(item, previous),
        "computed": _computed(item, measures or {}) if item.computed else None,
        "note": {"key": item.note.key, **dict(item.note.values), "text": ENGLISH.note(item.note)}
        if item.note
        else None,
        "base": _number(row.base) if row and row.base is not None else None,
    }


def _static(indicator: Indicator) -> dict[str, Any]:
    return {
        **indicator_fields(indicator),
        "bands": {b.status.value: band(b) for b in indicator.bands},
        "direction": indicator.direction.value if indicator.direction else None,
        "gap_policy": indicator.gap_policy.value,
    }


def _computed(item: Result, measures: Mapping[str, Measure]) -> dict[str, Any]:
    assert item.computed is not None
    return {
        "method": item.computed.computation.method,
        "inputs": [
            {"measure": measure, "year": year, "value": _number(value)} for measure, year, value in item.computed.inputs
        ],
        "value": _number(item.computed.value),
        "text": ENGLISH.computed(item.computed, measures),
    }


def _rollup(rollup: hist.Rollup) -> dict[str, Any]:
    return {
        "status": rollup.status.value if rollup.status else None,
        "counts": {status.value: count for status, count in rollup.counts.items()},
    }


def summary(report: Report, results: Sequence[Result]) -> dict[str, Any]:
    rolled = hist.rollups(report.scorecard, results)
    return {
        **_rollup(rolled.total),
        "goals": {goal: _rollup(r) for goal, r in rolled.goals.items()},
        "focus_areas": {area: _rollup(r) for area, r in rolled.focus_areas.items()},
    }


def evaluation(report: Report, options: RenderOptions) -> str | Iterator[str]:
    """The report as one JSON document: indented for a person at a terminal, else compact
    and written result by result, so a million results never sit in memory as one string."""
    before = hist.previous_results(report)
    series = hist.series(report)
    measures = {measure.id: measure for measure in report.scorecard.measures}
    statics: dict[int, dict[str, Any]] = {}
    by_unit: dict[str | None, list[Result]] = {unit: [] for unit in report.org_units}
    for item in report.results:
        by_unit[item.org_unit].append(item)
    head = {
        "schema_version": SCHEMA_VERSION,
        "scorecard": report.scorecard.name,
        "definitions": options.definitions,
        "sources": list(report.sources),
        "year": report.year,
        "other_years": list(report.other_years),
        "summary": summary(report, report.results),
        "by_org_unit": [{"org_unit": unit, **summary(report, results)} for unit, results in by_unit.items()],
        "findings": [{"indicator": f.indicator, "message": f.message} for f in report.findings],
    }
    shown = (result(r, before.get((r.indicator.id, r.org_unit)), measures, statics) for r in report.results)
    history = (
        result(r, hist.previous_in(series, r), measures, statics) for r in sorted(report.history, key=lambda r: r.year)
    )
    if options.pretty:
        document = {**head, "results": list(shown), "history": list(history)}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _stream(head, {"results": shown, "history": history})


def _stream(head: dict[str, Any], lists: dict[str, Iterator[dict[str, Any]]]) -> Iterator[str]:
    """``{**head, name: [...], ...}`` as compact JSON, one chunk per item."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    yield encode(head)[:-1]
    for name, items in lists.items():
        yield f",{encode(name)}:["
        for number, item in enumerate(items):
            yield ("," if number else "") + encode(item)
        yield "]"
    yield "}\n"


def status(states: list[IndicatorState], year: int, options: RenderOptions) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "definitions": options.definitions,
        "year": year,
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
            }
            for item in states
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def history(report: Report, options: RenderOptions) -> str:
    """Each (indicator, org unit)'s results by year, oldest first."""
    series = hist.series(report)
    document = {
        "schema_version": SCHEMA_VERSION,
        "scorecard": report.scorecard.name,
        "definitions": options.definitions,
        "sources": list(report.sources),
        "year": report.year,
        "years": [y for y in sorted({*report.other_years, report.year}) if y <= report.year],
        "series": [
            {
                "indicator": indicator_id,
                "org_unit": unit,
                "results": [
                    {
                        "year": year,
                        "value": _number(item.value),
                        "status": item.status.value,
                        "regression": hist.is_regression(item, hist.previous_in(series, item)),
                    }
                    for year, item in sorted(by_year.items())
                    if year <= report.year
                ],
            }
            for (indicator_id, unit), by_year in series.items()
            if unit in (options.org_units or report.org_units[:1])
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
