"""The ``bands:`` and ``org_unit_bands:`` fields of an indicator -> band versions.

Reads each band's text with :mod:`kpi_cli.bands.notation` (or the structured
min/max form), hands the pieces to :func:`kpi_cli.bands.order.settle` for the
checks, and locates every problem it returns at the YAML node it is about.
"""

from __future__ import annotations

import yaml

from ..bands.notation import BandSyntaxError, Piece, ProseBand, display_text, format_interval, parse_band_text
from ..bands.order import Settled, settle
from ..model import RATED, BandVersion, Direction, Interval, Status
from ..number_format import format_number
from .yaml_nodes import MAPPING, NULL, SCALAR, SEQUENCE, Field, Nodes, is_null, value_of

BAND_KEYS = {status.value: status for status in RATED}


def band_versions(
    nodes: Nodes, field: Field, label: str, direction: Direction | None, scale: Interval | None, org_unit: str | None
) -> list[BandVersion]:
    """``bands:`` as one mapping, or a list of versions each with the year it applies from."""
    if is_null(field.value):
        return []
    items = field.value.value if isinstance(field.value, SEQUENCE) else [field.value]
    versions = [band_version(nodes, item, field.key, label, direction, scale, org_unit) for item in items]
    return [version for version in versions if version is not None]


def band_version(
    nodes: Nodes,
    node: yaml.Node,
    key_node: yaml.Node,
    label: str,
    direction: Direction | None,
    scale: Interval | None,
    org_unit: str | None,
) -> BandVersion | None:
    fields = nodes.mapping(node, f"{label}: bands", (*BAND_KEYS, "from", "scale", "unit"))
    if fields is None:
        return None
    from_year = nodes.year(fields["from"].value, f"{label}: bands from") if "from" in fields else None
    if "from" in fields and from_year is None:
        return None
    own_scale = read_scale(nodes, fields["scale"].value, label) if "scale" in fields else None
    unit = nodes.text(fields["unit"].value, f"{label}: unit", empty=True) if "unit" in fields else None
    if from_year is not None:
        label = f"{label} (bands from {from_year})"
    pieces: dict[Status, tuple[str, list[Piece]]] = {}
    at: dict[Status | None, yaml.Node] = {None: key_node}
    failed = False
    for key, status in BAND_KEYS.items():
        if key in fields:
            parsed = band_pieces(nodes, fields[key].value, f"{label}: {key} band")
            failed = failed or parsed is None
            if parsed is not None and parsed[1]:
                pieces[status], at[status] = parsed, fields[key].value
    if failed:
        return None
    settled = settle(pieces, direction, own_scale or scale) if pieces else Settled((), direction)
    for problem in settled.problems:
        nodes.error(at[problem.status], problem.code, f"{label}: {problem.message}")
    return BandVersion(settled.bands, settled.direction, from_year, org_unit, own_scale, unit, nodes.location(node))


def check_versions(nodes: Nodes, versions: list[BandVersion], label: str) -> None:
    """Versions of the same org unit must start in different years; only the first may omit ``from``."""
    seen: dict[tuple[str | None, int | None], BandVersion] = {}
    for version in versions:
        key = (version.org_unit, version.from_year)
        if key in seen and version.location is not None:
            first = seen[key].location
            when = f"from {version.from_year}" if version.from_year else "without a from year"
            where = f" (line {first.line})" if first else ""
            unit = f" for {version.org_unit}" if version.org_unit else ""
            message = f"{label}: overlapping band versions: two versions {when}{unit}{where}"
            nodes.error_at(version.location, "version-overlap", message)
        seen[key] = version


def band_pieces(nodes: Nodes, node: yaml.Node, what: str) -> tuple[str, list[Piece]] | None:
    """A band's published text and its intervals; None after reporting a problem."""
    if isinstance(node, SCALAR):
        if node.tag == NULL or not str(node.value).strip():
            return "", []
        return _parsed(nodes, node, what, str(node.value))
    texts: list[str] = []
    found: list[Piece] = []
    ok = True
    for item in node.value if isinstance(node, SEQUENCE) else [node]:
        if isinstance(item, MAPPING):
            piece = structured(nodes, item, what)
            parsed: tuple[str, list[Piece]] | None = (piece[0], [piece[1]]) if piece else None
        elif isinstance(item, SCALAR) and item.tag != NULL:
            parsed = _parsed(nodes, item, what, str(item.value))
        else:
            nodes.error(item, "wrong-type", f"{what}: each entry must be band text or a mapping with min/max")
            parsed = None
        if parsed is None:
            ok = False
            continue
        texts.append(parsed[0])
        found.extend(parsed[1])
    return ("; ".join(texts), found) if ok else None


def structured(nodes: Nodes, node: yaml.Node, what: str) -> tuple[str, Interval] | None:
    """``{min: 1, max: 2, min_inclusive: false, text: ...}``: what the notation cannot say."""
    fields = nodes.mapping(node, what, ("min", "max", "min_inclusive", "max_inclusive", "text"))
    if fields is None:
        return None
    if "min" not in fields and "max" not in fields:
        nodes.error(node, "missing-key", f"{what}: give min, max or both")
        return None
    low = nodes.number(fields["min"].value, f"{what} min") if "min" in fields else None
    high = nodes.number(fields["max"].value, f"{what} max") if "max" in fields else None
    if ("min" in fields and low is None) or ("max" in fields and high is None):
        return None
    low_inc = (
        nodes.boolean(fields["min_inclusive"].value, f"{what} min_inclusive") if "min_inclusive" in fields else True
    )
    high_inc = (
        nodes.boolean(fields["max_inclusive"].value, f"{what} max_inclusive") if "max_inclusive" in fields else True
    )
    if low_inc is None or high_inc is None:
        return None
    interval = Interval(low, high, low_inc and low is not None, high_inc and high is not None)
    if interval.is_empty():
        nodes.error(node, "empty-interval", f"{what}: the interval is empty (min lies above max)")
        return None
    text = nodes.text(value_of(fields.get("text")), f"{what} text", empty=True)
    return text or format_interval(interval), interval


def read_scale(nodes: Nodes, node: yaml.Node, label: str) -> Interval | None:
    """``scale: [1, 6]`` or ``{min: 1, max: 6}``: the values that can occur at all."""
    what = f"{label}: scale"
    if isinstance(node, SEQUENCE) and len(node.value) == 2:
        low = nodes.number(node.value[0], f"{what} minimum")
        high = nodes.number(node.value[1], f"{what} maximum")
    elif isinstance(node, MAPPING):
        fields = nodes.mapping(node, what, ("min", "max"), ("min", "max"))
        if not fields or "min" not in fields or "max" not in fields:
            return None
        low = nodes.number(fields["min"].value, f"{what} min")
        high = nodes.number(fields["max"].value, f"{what} max")
    else:
        nodes.error(node, "invalid-scale", f"{what} must be [minimum, maximum], e.g. [1, 6]")
        return None
    if low is None or high is None:
        return None
    if low >= high:
        message = f"{what}: minimum {format_number(low)} must be below maximum {format_number(high)}"
        nodes.error(node, "invalid-scale", message)
        return None
    return Interval(low, high, True, True)


def _parsed(nodes: Nodes, node: yaml.Node, what: str, text: str) -> tuple[str, list[Piece]] | None:
    try:
        return display_text(text), list(parse_band_text(text))
    except BandSyntaxError as exc:
        hint = "" if isinstance(exc, ProseBand) else "; write it like '4,5 - 6', '> 5 %', 'minst 10' or as min/max"
        nodes.error(node, "band-syntax", f"{what}: {exc}{hint}")
        return None
