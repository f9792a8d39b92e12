"""JSON-stat 1.0 and 2.0, as SSB's statistics bank and PxWebApi v2 serve them.

2.0: ``id``, ``size``, ``dimension`` and ``role`` at the top, a flat ``value``
list (or an object by index) and ``status`` as an object, a list or one
symbol for all. 1.0: ``{"dataset": {...}}`` with ``id``, ``size`` and
``role`` inside ``dimension``. Without roles, the time and region dimensions
are recognised by name (``Tid``, ``KOKkommuneregion0000``, label ``region``).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import cast

from ...errors import ResultsError
from ...inert import excerpt
from ...limits import MAX_SSB_CELLS
from .detect import is_region_name, is_time_name, table_id_from
from .table import NOT_AVAILABLE, Cell, Dimension, SsbTable, symbol

Json = Mapping[str, object]
MAX_NUMBER_CHARS = 40  # a JSON number as written: more digits than any table's figure
MAX_EXPONENT = 40  # a number's power of ten: 10^40 is beyond any count or amount in a table
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # only an escape can write a lone surrogate
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Bad(Exception):
    """A structural problem, with the top-level key it is about (for the line)."""

    def __init__(self, message: str, key: str, code: str = "ssb-format") -> None:
        super().__init__(message)
        self.key = key
        self.code = code


def _number(text: str) -> Decimal:
    """A JSON number, read only when it is one a table may hold: ``3E+50000000`` made Python's
    int() of a size or index run for minutes, and such a value means nothing in a table."""
    if len(text) > MAX_NUMBER_CHARS:
        raise _Number(text)
    number = Decimal(text)
    if not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise _Number(text)
    return number


class _Number(Exception):
    """A JSON number beyond what a table holds, as written."""


def read_jsonstat(text: str, path: str) -> SsbTable:
    """Parse one JSON-stat document; every problem is a ResultsError naming the file (and line)."""
    try:
        document = json.loads(text, parse_float=_number, parse_int=_number)
    except _Number as exc:
        written = str(exc)
        bound = f"at most {MAX_NUMBER_CHARS} characters, 10^±{MAX_EXPONENT}"
        message = f"the number {excerpt(written)} is beyond what a table holds ({bound})"
        line = text.count("\n", 0, max(text.find(written), 0)) + 1
        raise ResultsError(message, code="ssb-format", path=path, line=line) from None
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg}"
        raise ResultsError(message, code="ssb-format", path=path, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ResultsError("invalid JSON: nested too deeply", code="ssb-format", path=path, line=1) from None
    try:
        if _ESCAPED_SURROGATE.search(text):
            _no_lone_surrogate(document)
        return _dataset(document, path)
    except _Bad as exc:
        raise ResultsError(f"JSON-stat: {exc}", code=exc.code, path=path, line=_line_of(text, exc.key)) from None


def _no_lone_surrogate(document: object) -> None:
    """A text holding half of a character (``\\ud800`` alone) is no text a report can write."""
    waiting = [document]
    while waiting:
        node = waiting.pop()
        if isinstance(node, str):
            found = _SURROGATE.search(node)
            if found is not None:
                escape = f"\\u{ord(found.group()):04x}"
                raise _Bad(f"the text {excerpt(node)} holds {escape}, half of a character (a lone surrogate)", escape)
        elif isinstance(node, dict):
            waiting += [*node, *node.values()]
        elif isinstance(node, list):
            waiting += node


def _line_of(text: str, key: str) -> int:
    """The line of the first ``"key":`` in the text (1 for compact JSON)."""
    pattern = re.escape(key) if key.startswith("\\u") else rf'"{re.escape(key)}"\s*:'
    match = re.search(pattern, text, re.IGNORECASE if key.startswith("\\u") else 0)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _dataset(document: object, path: str) -> SsbTable:
    if not isinstance(document, dict):
        raise _Bad("the file is not a JSON object", "")
    if "dimension" not in document:  # 1.0: {"dataset": {...}}, or a bundle of named data sets
        bundled = [value for value in document.values() if isinstance(value, dict) and "dimension" in value]
        if len(bundled) != 1:
            raise _Bad("no data set: expected 'dimension', 'value' (JSON-stat 2.0) or {'dataset': ...}", "")
        return _cube(bundled[0], path, "jsonstat1")
    return _cube(document, path, "jsonstat2")


def _cube(data: Json, path: str, version: str) -> SsbTable:
    dimensions_node = _object(data.get("dimension"), "dimension")
    holder = dimensions_node if version == "jsonstat1" and "id" in dimensions_node else data
    ids = [_text(item, "id") for item in _list(holder.get("id"), "id")]
    sizes = [_count(item) for item in _list(holder.get("size"), "size")]
    if len(ids) != len(sizes):
        raise _Bad(f"'id' names {len(ids)} dimensions but 'size' gives {len(sizes)}", "size")
    total = math.prod(sizes)  # each size is a number of at most MAX_NUMBER_CHARS digits
    if total > MAX_SSB_CELLS:
        message = f"the dimensions' sizes give {total} values, more than the {MAX_SSB_CELLS} kpi reads in one table"
        raise _Bad(message, "size", "over-limit")
    roles = _roles(holder.get("role"))
    dimensions = tuple(_dimension(dimensions_node, name, size, roles) for name, size in zip(ids, sizes, strict=True))
    region = _pick(dimensions, "geo", is_region_name)
    time = _pick(dimensions, "time", is_time_name)
    values = _values(data.get("value"), total)
    statuses = _statuses(data.get("status"), total)
    cells = tuple(_cells(dimensions, values, statuses, region, time, path))
    extension = _part(data, "extension")
    title = data.get("label") if isinstance(data.get("label"), str) else ""
    table_id = _part(extension, "px").get("tableid")
    notes, mandatory = _notes(data.get("note"), extension.get("noteMandatory"))
    updated = data.get("updated")
    return SsbTable(
        path=path,
        format=version,
        title=str(title),
        table_id=str(table_id) if isinstance(table_id, str) else table_id_from(str(title)),
        updated=updated if isinstance(updated, str) else None,
        notes=notes,
        mandatory_notes=mandatory,
        dimensions=dimensions,
        cells=cells,
        region_dimension=region.id if region else None,
        time_dimension=time.id if time else None,
    )


def _part(node: Json, key: str) -> Json:
    """``node[key]`` when it is an object, else an empty one (optional metadata)."""
    found = node.get(key)
    return cast(Json, found) if isinstance(found, dict) else {}


def _object(node: object, key: str) -> Json:
    if not isinstance(node, dict):
        raise _Bad(f"'{key}' must be an object", key)
    return cast(Json, node)


def _list(node: object, key: str) -> list[object]:
    if not isinstance(node, list):
        raise _Bad(f"'{key}' must be a list", key)
    return node


def _text(node: object, key: str) -> str:
    if not isinstance(node, str):
        raise _Bad(f"'{key}' must list names, found {node!r}", key)
    return node


def _count(node: object) -> int:
    if not isinstance(node, Decimal) or node != node.to_integral_value() or node < 0:
        raise _Bad(f"'size' must list whole numbers, found {node!r}", "size")
    return int(node)


def _roles(node: object) -> dict[str, str]:
    """Dimension id -> role ('time', 'geo', 'metric')."""
    roles: dict[str, str] = {}
    if isinstance(node, dict):
        for role, names in node.items():
            for name in names if isinstance(names, list) else []:
                roles[str(name)] = str(role)
    return roles


def _dimension(node: Json, name: str, size: int, roles: Mapping[str, str]) -> Dimension:
    entry = _object(node.get(name), name)
    category = _object(entry.get("category", {}), "category")
    labels = category.get("label") if isinstance(category.get("label"), dict) else {}
    index = category.get("index")
    if isinstance(index, dict):
        ordered = sorted(index, key=lambda code: _position(cast(Json, index)[code], name))
    elif isinstance(index, list):
        ordered = [str(code) for code in index]
    else:  # a single category may be given by its label alone
        ordered = list(cast(Json, labels))
    if len(ordered) != size:
        raise _Bad(f"dimension {name!r} has {len(ordered)} categories but its size is {size}", name)
    if len(set(ordered)) != len(ordered):
        twice = next(code for number, code in enumerate(ordered) if code in ordered[:number])
        raise _Bad(f"dimension {name!r} names category {excerpt(twice)} twice", name)
    if isinstance(index, dict) and sorted(_position(place, name) for place in index.values()) != list(range(size)):
        raise _Bad(f"dimension {name!r}: category index must number its categories 0 to {size - 1}, each once", name)
    label = entry.get("label")
    categories = tuple((code, str(cast(Json, labels).get(code, code))) for code in ordered)
    return Dimension(name, label if isinstance(label, str) else name, roles.get(name), categories)


def _position(node: object, name: str) -> int:
    if not isinstance(node, Decimal):
        raise _Bad(f"dimension {name!r}: category index must be numbers", name)
    return int(node)


def _pick(dimensions: tuple[Dimension, ...], role: str, named: Callable[[str], bool]) -> Dimension | None:
    """The dimension with ``role``; without one, the first whose id or label names it."""
    for dimension in dimensions:
        if dimension.role == role:
            return dimension
    for dimension in dimensions:
        if dimension.role is None and (named(dimension.id) or named(dimension.label)):
            return dimension
    return None


def _values(node: object, total: int) -> list[object]:
    if isinstance(node, list):
        if len(node) != total:
            raise _Bad(f"'value' has {len(node)} entries but the dimensions' sizes give {total}", "value")
        return node
    if isinstance(node, dict):  # sparse: by index, the rest absent
        values: list[object] = [None] * total
        for key, value in node.items():
            values[_index(key, total, "value")] = value
        return values
    raise _Bad("'value' must be a list or an object", "value")


def _statuses(node: object, total: int) -> list[str | None]:
    if node is None:
        return [None] * total
    if isinstance(node, str):
        return [node] * total
    if isinstance(node, list):
        if len(node) != total:
            raise _Bad(f"'status' has {len(node)} entries but the dimensions' sizes give {total}", "status")
        return [item if isinstance(item, str) else None for item in node]
    if isinstance(node, dict):
        statuses: list[str | None] = [None] * total
        for key, value in node.items():
            statuses[_index(key, total, "status")] = value if isinstance(value, str) else None
        return statuses
    raise _Bad("'status' must be an object, a list or a symbol", "status")


def _index(key: str, total: int, where: str) -> int:
    if not (key.isascii() and key.isdigit()) or int(key) >= total:
        raise _Bad(f"'{where}' has index {key!r}, outside the cube's {total} values", where)
    return int(key)


def _cells(
    dimensions: tuple[Dimension, ...],
    values: list[object],
    statuses: list[str | None],
    region: Dimension | None,
    time: Dimension | None,
    path: str,
) -> Iterator[Cell]:
    """Cells in the value list's order: the last dimension varies fastest."""
    place = {dimension.id: number for number, dimension in enumerate(dimensions)}
    at_region = place[region.id] if region else None
    at_time = place[time.id] if time else None
    others = [(number, d.id) for number, d in enumerate(dimensions) if number not in (at_region, at_time)]
    names = dict(region.categories) if region else {}
    shared: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}  # one tuple per combination
    combinations = itertools.product(*([code for code, _ in d.categories] for d in dimensions))
    for index, (codes, raw) in enumerate(zip(combinations, values, strict=True)):
        value, absence, shown = _value(raw, statuses[index], index)
        region_code = codes[at_region] if at_region is not None else None
        other = tuple((name, codes[number]) for number, name in others)
        yield Cell(
            region=region_code,
            region_name=names.get(region_code, "") if region_code is not None else "",
            time=codes[at_time] if at_time is not None else "",
            other=shared.setdefault(other, other),
            value=value,
            absence=absence,
            raw=shown,
            path=path,
            index=index,
        )


def _value(raw: object, status: str | None, index: int) -> tuple[Decimal | None, str | None, str]:
    if isinstance(raw, Decimal):
        return raw, None, str(raw)
    if raw is None:
        meaning = symbol(status) if status else None
        if meaning is not None:
            return meaning[0], meaning[1], status or ""
        return None, NOT_AVAILABLE, status or ""
    if isinstance(raw, str) and symbol(raw) is not None:
        value, absence = cast("tuple[Decimal | None, str | None]", symbol(raw))
        return value, absence, raw
    raise _Bad(f"value {index} is {raw!r}, not a number, null or an SSB symbol", "value")


def _notes(node: object, mandatory: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    notes = tuple(str(note) for note in node) if isinstance(node, list) else ()
    flagged = mandatory if isinstance(mandatory, dict) else {}
    marked = tuple(note for number, note in enumerate(notes) if flagged.get(str(number)) is True)
    return notes, marked
