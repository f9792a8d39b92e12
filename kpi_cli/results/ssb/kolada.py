"""Kolada's answers (Swedish municipalities' key figures), read into the table shape SSB's
exports have, so the same conversion makes the result rows (docs/how-to/fetch-from-kolada.md).

An answer of ``/v2/data/kpi/{kpis}/municipality/{ids}/year/{years}`` is recognised by its content:
``{"values": [{"kpi", "municipality", "period", "values": [{"count", "gender", "status", "value"}]}],
"count", "next_page"}``. Its dimensions are ``kpi`` and ``gender`` (fixed by each indicator's
``kolada:`` key), ``municipality`` (the region) and ``period`` (the year).

A missing value (``value: null``) is ``not_available`` whatever its ``status`` says, the status kept
as the cell's text: the documented layout names no status that tells *why* a value is missing (as
SSB's ``:`` says suppressed), so no other reason is invented. A value is taken as given, whatever
its status.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ...errors import ResultsError
from ...limits import MAX_SSB_CELLS
from .jsonstat import _Number, _number
from .table import NOT_AVAILABLE, Cell, Dimension, SsbTable

TITLE = "Kolada"
FORMAT = "kolada"
KPI, GENDER, REGION, TIME = "kpi", "gender", "municipality", "period"


def looks_like_kolada(text: str) -> bool:
    """A JSON object whose first key is ``values`` or that names ``next_page``, and no JSON-stat."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if not head.startswith("{") or '"dimension"' in head or '"dataset"' in head:
        return False
    return head[1:].lstrip().startswith('"values"') or '"next_page"' in head


def read_kolada(text: str, path: str) -> SsbTable:
    """One Kolada answer as a table of cells; every problem a ResultsError naming the file."""
    try:
        document = json.loads(text, parse_float=_number, parse_int=_number)
    except _Number as exc:
        raise _bad(path, f"the number {str(exc)[:40]!r} is beyond what a table holds") from None
    except (ValueError, RecursionError) as exc:
        raise _bad(path, f"not valid JSON: {str(exc)[:120]}") from None
    if not isinstance(document, Mapping) or not isinstance(document.get("values"), list):
        raise _bad(path, 'a Kolada answer must be an object with a list "values"')
    cells: list[Cell] = []
    for place, entry in enumerate(document["values"]):
        cells.extend(_cells(entry, place, path, len(cells)))
        if len(cells) > MAX_SSB_CELLS:
            raise _bad(path, f"more than {MAX_SSB_CELLS} values: beyond what kpi reads")
    dimensions = (
        _dimension(KPI, (cell.other[0][1] for cell in cells)),
        _dimension(GENDER, (cell.other[1][1] for cell in cells)),
        _dimension(REGION, (cell.region or "" for cell in cells), "geo"),
        _dimension(TIME, (cell.time for cell in cells), "time"),
    )
    return SsbTable(path, FORMAT, TITLE, None, None, (), (), dimensions, tuple(cells), REGION, TIME)


def _cells(entry: object, place: int, path: str, first: int) -> list[Cell]:
    where = f"values[{place}]"
    if not isinstance(entry, Mapping):
        raise _bad(path, f"{where} must be an object with kpi, municipality, period and values")
    kpi, region, period = (_text(entry.get(key), f"{where}.{key}", path) for key in (KPI, REGION, TIME))
    values = entry.get("values")
    if not isinstance(values, list):
        raise _bad(path, f'{where} must have a list "values"')
    cells: list[Cell] = []
    for number, item in enumerate(values):
        if not isinstance(item, Mapping):
            raise _bad(path, f"{where}.values[{number}] must be an object with gender, status and value")
        gender = _text(item.get("gender", "T"), f"{where}.values[{number}].gender", path)
        value, absence, raw = _value(item, f"{where}.values[{number}]", path)
        other = ((KPI, kpi), (GENDER, gender))
        cells.append(Cell(region, region, period, other, value, absence, raw, path, index=first + len(cells)))
    return cells


def _value(item: Mapping[str, object], where: str, path: str) -> tuple[Decimal | None, str | None, str]:
    value, status = item.get("value"), item.get("status")
    said = str(status).strip() if status is not None else ""
    if value is None:
        return None, NOT_AVAILABLE, said or "null"
    if isinstance(value, Decimal):
        return value, None, str(value)
    raise _bad(path, f"{where}.value must be a number or null, not {str(value)[:40]!r}")


def _text(value: object, where: str, path: str) -> str:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))  # period: 2020
    if isinstance(value, str) and value.strip() and value.isprintable():
        return value.strip()
    raise _bad(path, f"{where} must be a code such as N00945, 0180 or 2020")


def _dimension(name: str, codes: Iterable[str], role: str | None = None) -> Dimension:
    seen = dict.fromkeys(codes)
    return Dimension(name, name, role, tuple((code, code) for code in seen))


def _bad(path: str, message: str) -> ResultsError:
    return ResultsError(f"Kolada: {message}", code="kolada-format", path=path)
