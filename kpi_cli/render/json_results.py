"""Compact JSON of one result, written from pieces encoded once (schema 2, docs/reference/json.md).

A million results share a few thousand pieces: an indicator and year, an org unit, a value
as written, a rating. :class:`ResultEncoder` encodes each piece the first time it is seen
and joins the pieces for every result, so its text is byte for byte what encoding the
object :func:`kpi_cli.render.json_output.result` builds would give (a test checks this for
every result of the example reports). A result with anything of its own beyond the common
fields (a computed value, a note, a base, a comment, actions, benchmarks) is encoded from that object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..model import BandVersion, Status
from ..number_format import to_json_number
from ..rating.history import change
from ..report import Rating, Result
from ..view import Entry, View
from .labels import Labels

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_LITERALS = {True: "true", False: "false", None: "null"}
_PLAIN_END = ',"computed":null,"note":null,"base":null,"comment":null,"actions":null'
# From "regression" to "actions": the flags, then what a result without fields of its own leaves null.
_FLAGS = {
    (regression, failing): f',"regression":{ENCODE(regression)},"failing":{ENCODE(failing)}{_PLAIN_END}'
    for regression in (False, True)
    for failing in (False, True)
}
_MAX_PIECES = 100_000  # per kind: many distinct values (a computed delta each) must not grow without end


class ResultEncoder:
    """``encoder(entry)``: the entry's result as compact JSON text, for one view."""

    def __init__(self, view: View, english: Labels, slow: Callable[[View, Entry, Labels], dict[str, Any]]) -> None:
        self.view = view
        self.english = english
        self.slow = slow  # json_output.result: the object a result with fields of its own is encoded from
        self.heads: dict[tuple[str, int], str] = {}
        self.units: dict[str | None, str] = {}
        # From "value" to "reason": what the value as written, its rating and band version say.
        self.middles: dict[tuple[Any, ...], tuple[Rating | None, str]] = {}
        self.statuses = {status: ENCODE(english.level_id(status)) for status in Status}
        self.numbers: dict[Decimal, str] = {}
        self.paths: dict[str, str] = {}
        self.versioned = {ident for ident, item in view.indicators.items() if item.versions}

    def __call__(self, entry: Entry) -> str:
        """One call a result: the pieces looked up inline (a method call each was a tenth of the time)."""
        item = entry.result
        row = item.row
        own = row is not None and (
            row.base is not None or row.comment is not None or row.actions is not None or row.revised is not None
        )
        if own or item.computed is not None or item.note is not None or entry.benchmarks:
            return ENCODE(self.slow(self.view, entry, self.english))
        ident = item.indicator.id
        head = self.heads.get((ident, item.year))
        if head is None:
            head = self.heads[(ident, item.year)] = f'{{"indicator":{ENCODE(ident)},"year":{ENCODE(item.year)}'
        unit = self.units.get(item.org_unit)
        if unit is None:
            unit = self.units[item.org_unit] = f',"org_unit":{ENCODE(item.org_unit)}'
        # From "value" to "reason". Equal values give the same JSON number and the text tells 4,5
        # from 4,50; the rating is named by its id, kept with the text so that the id stays its own
        # (equal ratings can word their value apart), and so is the band version (the scorecard's).
        rating = item.rating
        version = self.view.band_version(item) if ident in self.versioned else None
        raw, absence = (row.raw, row.absence) if row else (None, None)
        key = (item.value, raw, absence, item.status, item.state, id(version), id(rating))
        middle = self.middles.get(key)
        if middle is None:
            middle = self.middles[key] = _bounded(self.middles, (rating, self._middle(item, raw, absence, version)))
        before = entry.previous
        found = change(item, before) if before is not None else None
        if found is None or before is None:
            changed = ',"change":null'
        else:
            number = self.number
            changed = (
                f',"change":{{"previous_year":{before.year},"previous_value":{number(before.value)}'
                f',"previous_status":{self.statuses[before.status]},"delta":{number(found[0])}'
                f',"better":{_LITERALS[found[1]]}}}'
            )
        where = row.location if row else None
        if where is None:
            source = ',"source":null,"benchmarks":[]}'
        else:
            path = self.paths.get(where.path)
            if path is None:
                path = self.paths[where.path] = f',"source":{{"path":{ENCODE(where.path)},"line":'
            source = f'{path}{"null" if where.line is None else where.line}}},"benchmarks":[]}}'
        return f"{head}{unit}{middle[1]}{changed}{_FLAGS[(entry.regression, entry.failing)]}{source}"

    def _middle(self, item: Result, raw: str | None, absence: str | None, version: BandVersion | None) -> str:
        rating = item.rating
        start, org_unit = (version.from_year, version.org_unit) if version else (None, None)
        return "".join(
            (
                f',"value":{self.number(item.value)},"value_text":{ENCODE(raw)},"absence":{ENCODE(absence)}',
                f',"status":{self.statuses[item.status]},"phase_in_state":{ENCODE(item.state.value)}',
                f',"bands_from":{ENCODE(start)},"bands_org_unit":{ENCODE(org_unit)}',
                f',"in_gap":{ENCODE(rating.in_gap)},"reason":{ENCODE(self.english.reason(rating))}'
                if rating
                else ',"in_gap":false,"reason":null',
            )
        )

    def number(self, value: Decimal | None) -> str:
        """A value as a JSON number (equal values, however written, give the same one)."""
        if value is None:
            return "null"
        found = self.numbers.get(value)
        if found is None:
            found = self.numbers[value] = _bounded(self.numbers, ENCODE(to_json_number(value)))
        return found


def _bounded(pieces: dict[Any, Any], piece: Any) -> Any:
    """``piece``, after emptying ``pieces`` when it is full: the cache stays small, whatever the input."""
    if len(pieces) >= _MAX_PIECES:
        pieces.clear()
    return piece
