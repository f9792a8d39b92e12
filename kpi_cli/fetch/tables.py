"""A PxWebApi v2 table's metadata (JSON-stat 2.0 without values) and the definitions'
selections read against it: dimension and category, each by code or by label."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..definitions.ssb_fields import SsbSource
from ..errors import ResultsError, UsageError
from ..records import dataclass


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    label: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]

    def code_of(self, wanted: str) -> str | None:
        """The category code ``wanted`` names, by code or by label (case and spacing aside)."""
        if wanted in self.codes:
            return wanted
        plain = " ".join(wanted.split()).casefold()
        for code, label in zip(self.codes, self.labels, strict=True):
            if " ".join(label.split()).casefold() == plain:
                return code
        return None


@dataclass(frozen=True, slots=True)
class TableMeta:
    table: str
    updated: str | None
    dimensions: tuple[Dimension, ...]
    region: str | None  # the id of the regions' dimension
    time: str  # the id of the time dimension

    def dimension(self, wanted: str) -> Dimension | None:
        """The dimension ``wanted`` names, by id or by label."""
        plain = wanted.strip().casefold()
        return next(
            (item for item in self.dimensions if item.id.casefold() == plain or item.label.casefold() == plain), None
        )


def read_metadata(table: str, body: bytes) -> TableMeta:
    """The metadata SSB answered for ``table``; a ResultsError when it is not JSON-stat 2.0."""
    try:
        document = json.loads(body)
        ids = [str(item) for item in document["id"]]
        dimensions = tuple(_dimension(name, document["dimension"][name]) for name in ids)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(
            f"Statistics Norway's metadata of table {table} is not the JSON-stat 2.0 expected", code="fetch-server"
        ) from None
    roles: Mapping[str, Any] = document.get("role") or {}
    region = _first(roles.get("geo")) or next((name for name in ids if "region" in name.casefold()), None)
    time = _first(roles.get("time")) or ("Tid" if "Tid" in ids else ids[-1])
    updated = document.get("updated")
    return TableMeta(table, str(updated) if updated else None, dimensions, region, time)


def _first(items: object) -> str | None:
    return str(items[0]) if isinstance(items, list) and items else None


def _dimension(name: str, node: Mapping[str, Any]) -> Dimension:
    category = node["category"]
    index = category.get("index")
    if isinstance(index, Mapping):
        codes = [code for code, _ in sorted(index.items(), key=lambda item: item[1])]
    elif isinstance(index, list):
        codes = [str(code) for code in index]
    else:
        codes = list(category["label"])
    labels = category.get("label") or {}
    return Dimension(name, str(node.get("label", name)), tuple(codes), tuple(str(labels.get(c, c)) for c in codes))


def resolve(meta: TableMeta, source: SsbSource) -> tuple[dict[str, str], list[ResultsError]]:
    """``source``'s select as {dimension id: category code}, and a located error for each name
    the table does not have."""
    chosen: dict[str, str] = {}
    errors: list[ResultsError] = []
    for key, value in source.select:
        dimension = meta.dimension(key)
        if dimension is None:
            names = ", ".join(item.id for item in meta.dimensions)
            errors.append(located(source, f"table {meta.table} has no dimension {key!r} (it has {names})"))
            continue
        code = dimension.code_of(value)
        if code is None:
            errors.append(located(source, f"table {meta.table}'s {dimension.id} has no category {value!r}"))
            continue
        chosen[dimension.id] = code
    return chosen, errors


def located(source: SsbSource, message: str) -> ResultsError:
    where = source.location
    return ResultsError(
        f"indicator {source.indicator}: ssb: {message}",
        code="fetch-select",
        path=where.path if where else None,
        line=where.line if where else None,
        column=where.column if where else None,
    )


def regions_present(meta: TableMeta, wanted: Sequence[str]) -> tuple[str, ...]:
    region = meta.dimension(meta.region) if meta.region else None
    return tuple(code for code in wanted if region is not None and code in region.codes)
