"""Compact JSON of one result, written from pieces encoded once (schema 2, README "JSON").

A million results share a few thousand pieces: an indicator and year, an org unit, a value
as written, a rating. :class:`ResultEncoder` encodes each piece the first time it is seen
and joins the pieces for every result, so its text is byte for byte what encoding the
object :func:`kpi_cli.render.json_output.result` builds would give (a test checks this for
every result of the example reports). A result with anything of its own beyond the common
fields (a computed value, a note, a base, a comment, benchmarks) is encoded from that object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..model import PhaseState, Status
from ..number_format import to_json_number
from ..report import Rating, Result, ResultRow
from ..view import Entry, View
from .labels import Labels

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_LITERALS = {True: "true", False: "false", None: "null"}
_FLAGS = {
    (regression, failing): f',"regression":{ENCODE(regression)},"failing":{ENCODE(failing)}'
    for regression in (False, True)
    for failing in (False, True)
}
_PLAIN_END = ',"computed":null,"note":null,"base":null,"comment":null'
_MAX_PIECES = 100_000  # per kind: many distinct values (a computed delta each) must not grow without end


class ResultEncoder:
    """``encoder(entry)``: the entry's result as compact JSON text, for one view."""

    def __init__(self, view: View, english: Labels, slow: Callable[[View, Entry, Labels], dict[str, Any]]) -> None:
        self.view = view
        self.english = english
        self.slow = slow  # json_output.result: the object a result with fields of its own is encoded from
        self.heads: dict[tuple[str, int], str] = {}
        self.units: dict[str | None, str] = {}
        self.values: dict[tuple[Decimal | None, str | None, str | None], str] = {}
        self.states: dict[tuple[Status, PhaseState], str] = {}
        self.statuses = {status: ENCODE(english.level_id(status)) for status in Status}
        self.ratings: dict[int, tuple[Rating, str]] = {}  # by id: equal ratings can word their value apart
        self.numbers: dict[Decimal, str] = {}
        self.paths: dict[str, str] = {}
        self.versioned = {ident for ident, item in view.indicators.items() if item.versions}

    def __call__(self, entry: Entry) -> str:
        item = entry.result
        row = item.row
        if item.computed is not None or item.note is not None or entry.benchmarks or _own_fields(row):
            return ENCODE(self.slow(self.view, entry, self.english))
        ident = item.indicator.id
        head = self.heads.get((ident, item.year))
        if head is None:
            head = self.heads[(ident, item.year)] = f'{{"indicator":{ENCODE(ident)},"year":{ENCODE(item.year)}'
        return "".join(
            (
                head,
                self._unit(item.org_unit),
                self._value(item, row),
                self._state(item),
                self._version(item) if ident in self.versioned else ',"bands_from":null,"bands_org_unit":null',
                self._rating(item.rating),
                self._change(entry),
                _FLAGS[(entry.regression, entry.failing)],
                _PLAIN_END,
                self._source(row),
                ',"benchmarks":[]}',
            )
        )

    def _unit(self, org_unit: str | None) -> str:
        found = self.units.get(org_unit)
        if found is None:
            found = self.units[org_unit] = f',"org_unit":{ENCODE(org_unit)}'
        return found

    def _value(self, item: Result, row: ResultRow | None) -> str:
        key = (item.value, row.raw if row else None, row.absence if row else None)
        found = self.values.get(key)
        if found is None:  # equal values give the same JSON number; the text tells 4,5 from 4,50
            found = f',"value":{self.number(item.value)},"value_text":{ENCODE(key[1])},"absence":{ENCODE(key[2])}'
            self.values[key] = _bounded(self.values, found)
        return found

    def _state(self, item: Result) -> str:
        key = (item.status, item.state)
        found = self.states.get(key)
        if found is None:
            status, state = self.statuses[item.status], ENCODE(item.state.value)
            found = self.states[key] = f',"status":{status},"phase_in_state":{state}'
        return found

    def _version(self, item: Result) -> str:
        version = self.view.band_version(item)
        start, unit = (version.from_year, version.org_unit) if version else (None, None)
        return f',"bands_from":{ENCODE(start)},"bands_org_unit":{ENCODE(unit)}'

    def _rating(self, rating: Rating | None) -> str:
        if rating is None:
            return ',"in_gap":false,"reason":null'
        found = self.ratings.get(id(rating))
        if found is None:  # the rating is kept with its text, so its id names it while it is here
            text = f',"in_gap":{ENCODE(rating.in_gap)},"reason":{ENCODE(self.english.reason(rating))}'
            found = self.ratings[id(rating)] = _bounded(self.ratings, (rating, text))
        return found[1]

    def _change(self, entry: Entry) -> str:
        change = entry.trend if entry.previous is not None else None
        if change is None:
            return ',"change":null'
        before = change.previous
        return "".join(
            (
                ',"change":{"previous_year":',
                str(before.year),
                ',"previous_value":',
                self.number(before.value),
                ',"previous_status":',
                self.statuses[before.status],
                ',"delta":',
                self.number(change.delta),
                ',"better":',
                _LITERALS[change.better],
                "}",
            )
        )

    def _source(self, row: ResultRow | None) -> str:
        where = row.location if row else None
        if where is None:
            return ',"source":null'
        path = self.paths.get(where.path)
        if path is None:
            path = self.paths[where.path] = f',"source":{{"path":{ENCODE(where.path)},"line":'
        return f"{path}{'null' if where.line is None else where.line}}}"

    def number(self, value: Decimal | None) -> str:
        """A value as a JSON number (equal values, however written, give the same one)."""
        if value is None:
            return "null"
        found = self.numbers.get(value)
        if found is None:
            found = self.numbers[value] = _bounded(self.numbers, ENCODE(to_json_number(value)))
        return found


def _own_fields(row: ResultRow | None) -> bool:
    return row is not None and (row.base is not None or row.comment is not None)


def _bounded(pieces: dict[Any, Any], piece: Any) -> Any:
    """``piece``, after emptying ``pieces`` when it is full: the cache stays small, whatever the input."""
    if len(pieces) >= _MAX_PIECES:
        pieces.clear()
    return piece
