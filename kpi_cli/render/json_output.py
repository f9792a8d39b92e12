"""JSON for scripts and pipelines: language-neutral, everything the rating used."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..bands import format_interval
from ..model import Band, Indicator, Interval, Report, Result
from ..number_format import to_json_number
from ..phase_in import IndicatorState
from . import RenderOptions

SCHEMA_VERSION = 1


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


def result(item: Result) -> dict[str, Any]:
    indicator = item.indicator
    row = item.row
    return {
        **indicator_fields(indicator),
        "year": item.year,
        "org_unit": item.org_unit,
        "value": _number(item.value),
        "value_text": row.raw if row else None,
        "status": item.status.value,
        "phase_in_state": item.state.value,
        "bands": {b.status.value: band(b) for b in indicator.bands},
        "direction": indicator.direction.value if indicator.direction else None,
        "gap_policy": indicator.gap_policy.value,
        "in_gap": item.rating.in_gap if item.rating else False,
        "reason": item.rating.reason if item.rating else None,
        "source": {"path": row.location.path, "line": row.location.line} if row and row.location else None,
    }


def evaluation(report: Report, options: RenderOptions) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "scorecard": report.scorecard.name,
        "definitions": options.definitions,
        "sources": list(report.sources),
        "year": report.year,
        "other_years": list(report.other_years),
        "summary": {status.value: count for status, count in report.counts().items()},
        "findings": [{"indicator": f.indicator, "message": f.message} for f in report.findings],
        "results": [result(item) for item in report.results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
