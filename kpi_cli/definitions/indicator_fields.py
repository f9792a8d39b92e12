"""One indicator of the definitions file -> Indicator: its fields, phase-in and computation.

The bands are read by :mod:`kpi_cli.definitions.band_fields`; the generic shapes by
:class:`kpi_cli.definitions.yaml_nodes.Nodes`, which collects every problem located.
"""

from __future__ import annotations

import yaml

from ..codes import not_ignorable
from ..inert import excerpt
from ..model import (
    COMPUTATIONS,
    BandVersion,
    Computation,
    Direction,
    GapPolicy,
    Indicator,
    Interval,
    PhaseIn,
    Verdicts,
)
from ..records import dataclass
from .band_fields import band_versions, check_versions, read_scale
from .target_fields import read_tolerance, target_versions
from .verdict_fields import read_verdict_words, verdicts
from .yaml_nodes import MAPPING, SCALAR, Field, Nodes, value_of

INDICATOR_KEYS = (
    "id",
    "name",
    "unit",
    "scale",
    "bands",
    "org_unit_bands",
    "direction",
    "gap_policy",
    "phase_in",
    "source",
    "tags",
    "aliases",
    "per_org_unit",
    "compute",
    "min_base",
    "ignore",
    "description",
    "ssb",  # read by kpi_cli.definitions.ssb_fields
    "kolada",  # read by kpi_cli.definitions.kolada_fields
    "target",
    "tolerance",
    "rate",
    "owner",
    "verdicts",
)
RATE_WORDS = {"value": "value", "change": "change", "verdict": "verdict"}
POLICIES = {policy.value: policy for policy in GapPolicy}
DIRECTION_WORDS = {
    "higher_is_better": Direction.HIGHER_IS_BETTER,
    "higher": Direction.HIGHER_IS_BETTER,
    "høyere er bedre": Direction.HIGHER_IS_BETTER,
    "lower_is_better": Direction.LOWER_IS_BETTER,
    "lower": Direction.LOWER_IS_BETTER,
    "lavere er bedre": Direction.LOWER_IS_BETTER,
    "target_range": Direction.TARGET_RANGE,
    "range": Direction.TARGET_RANGE,
    "målintervall": Direction.TARGET_RANGE,
}


def read_indicator(
    nodes: Nodes,
    node: yaml.Node,
    goal_id: str,
    area_id: str,
    policy: GapPolicy,
    measure_ids: set[str],
    owner: str | None = None,
) -> Indicator | None:
    """One indicator; ``owner`` is its goal's, which its own ``owner:`` replaces."""
    fields = nodes.mapping(node, "indicator", INDICATOR_KEYS, ("id", "name"))
    if fields is None:
        return None
    indicator_id = nodes.unique_id(fields["id"].value, "indicator") if "id" in fields else None
    label = f"indicator {indicator_id}" if indicator_id else "indicator"
    name = nodes.text(value_of(fields.get("name")), f"{label}: name")
    nodes.text(value_of(fields.get("description")), "description", empty=True)
    scale = read_scale(nodes, fields["scale"].value, label) if "scale" in fields else None
    if "gap_policy" in fields:
        policy = nodes.choice(fields["gap_policy"].value, f"{label}: gap_policy", POLICIES) or policy
    direction = None
    if "direction" in fields:
        direction = nodes.choice(fields["direction"].value, f"{label}: direction", DIRECTION_WORDS)
    rate = nodes.choice(fields["rate"].value, f"{label}: rate", RATE_WORDS) if "rate" in fields else None
    rate_change = rate == "change"
    said = _verdicts(nodes, fields, label, rate == "verdict")
    if rate_change and "compute" in fields:
        message = f"{label}: rate: change rates a value given in the results; a computed indicator has its own"
        nodes.error(fields["rate"].key, "invalid-target", message)
    # A change target is about the difference from the year before, which the scale does not bound.
    versions = _versions(nodes, fields, label, direction, None if rate_change else scale)
    general = [v for v in versions if v.org_unit is None and v.bands]  # a target that ends has none
    latest = max(general, key=lambda v: v.from_year or 0) if general else None
    simple = versions == [latest] and latest is not None and latest.from_year is None and latest.scale is None
    more = _details(nodes, fields, label, measure_ids)
    own = nodes.text(value_of(fields.get("owner")), f"{label}: owner") if "owner" in fields else None
    if indicator_id is None or name is None:
        return None
    return Indicator(
        id=indicator_id,
        name=name,
        unit=more.unit,
        scale=scale,
        bands=latest.bands if latest else (),
        direction=latest.direction if latest else direction,
        gap_policy=policy,
        phase_in=more.phase_in,
        source=more.source,
        tags=more.tags,
        goal_id=goal_id,
        focus_area_id=area_id,
        location=nodes.location(node),
        aliases=more.aliases,
        versions=() if simple else tuple(versions),
        per_org_unit=more.per_org_unit,
        compute=more.compute,
        min_base=more.min_base,
        ignore=more.ignore,
        rate_change=rate_change,
        owner=own or owner,
        deadline=latest.deadline if latest else None,
        verdicts=said,
    )


@dataclass(frozen=True)
class _Details:
    """The fields that have no bearing on the others, as read."""

    unit: str | None
    source: str | None
    tags: tuple[str, ...]
    aliases: tuple[str, ...]
    per_org_unit: bool
    phase_in: PhaseIn | None
    compute: Computation | None
    min_base: int | None
    ignore: tuple[str, ...]


def _details(nodes: Nodes, fields: dict[str, Field], label: str, measure_ids: set[str]) -> _Details:
    def has(key: str) -> yaml.Node | None:
        return fields[key].value if key in fields else None

    return _Details(
        unit=nodes.text(has("unit"), f"{label}: unit", empty=True),
        source=nodes.text(has("source"), f"{label}: source", empty=True),
        tags=nodes.texts(node, f"{label}: tags") if (node := has("tags")) else (),
        aliases=nodes.texts(node, f"{label}: aliases", plain=True) if (node := has("aliases")) else (),
        per_org_unit=not (node := has("per_org_unit")) or nodes.boolean(node, f"{label}: per_org_unit") is not False,
        phase_in=read_phase_in(nodes, node, label) if (node := has("phase_in")) else None,
        compute=read_computation(nodes, node, label, measure_ids) if (node := has("compute")) else None,
        min_base=_min_base(nodes, node, label) if (node := has("min_base")) else None,
        ignore=read_ignore(nodes, node, f"{label}: ignore") if (node := has("ignore")) else (),
    )


def _versions(
    nodes: Nodes, fields: dict[str, Field], label: str, direction: Direction | None, scale: Interval | None
) -> list[BandVersion]:
    versions: list[BandVersion] = []
    if "bands" in fields:
        versions += band_versions(nodes, fields["bands"], label, direction, scale, None)
    if "org_unit_bands" in fields:
        own = nodes.mapping(fields["org_unit_bands"].value, f"{label}: org_unit_bands", None) or {}
        for org_unit, entry in own.items():
            if not nodes.plain_text(entry.key, org_unit, f"{label}: org_unit_bands: org unit"):
                continue
            versions += band_versions(nodes, entry, f"{label} ({org_unit})", direction, scale, org_unit)
    if "target" in fields:
        tolerance = read_tolerance(nodes, fields["tolerance"].value, label) if "tolerance" in fields else None
        if "bands" in fields:
            nodes.error(fields["target"].key, "invalid-target", f"{label}: give bands or a target, not both")
        else:
            versions += target_versions(nodes, fields["target"], label, direction, scale, tolerance)
    elif "tolerance" in fields:
        nodes.error(fields["tolerance"].key, "invalid-target", f"{label}: tolerance needs a target")
    check_versions(nodes, versions, label)
    return versions


def _verdicts(nodes: Nodes, fields: dict[str, Field], label: str, wanted: bool) -> Verdicts | None:
    """``rate: verdict``'s words: the indicator's own ``verdicts:``, the file's, the built-in ones."""
    if "verdicts" in fields and not wanted:
        nodes.error(fields["verdicts"].key, "invalid-target", f"{label}: verdicts: needs rate: verdict")
    if not wanted:
        return None
    own = (
        read_verdict_words(nodes, fields["verdicts"].value, f"{label}: verdicts", nodes.levels)
        if "verdicts" in fields
        else ()
    )
    return verdicts(nodes.language, nodes.levels, (*own, *nodes.verdicts))


def _min_base(nodes: Nodes, node: yaml.Node, label: str) -> int | None:
    min_base = nodes.integer(node, f"{label}: min_base")
    if min_base is not None and min_base < 1:
        nodes.error(node, "out-of-range", f"{label}: min_base must be at least 1")
        return None
    return min_base


def read_phase_in(nodes: Nodes, node: yaml.Node, label: str) -> PhaseIn | None:
    what = f"{label}: phase_in"
    if isinstance(node, SCALAR):
        year = nodes.year(node, f"{what} year")
        return PhaseIn(year) if year is not None else None
    fields = nodes.mapping(node, what, ("year", "planned", "postponed", "reason"), ("year",))
    if fields is None or "year" not in fields:
        return None
    year = nodes.year(fields["year"].value, f"{what} year")
    planned = nodes.year(fields["planned"].value, f"{what} planned") if "planned" in fields else None
    postponed = nodes.boolean(fields["postponed"].value, f"{what} postponed") if "postponed" in fields else None
    reason = nodes.text(value_of(fields.get("reason")), f"{what} reason", empty=True)
    if year is None:
        return None
    if planned is not None and planned >= year:
        message = f"{what}: planned year {planned} must be before phase-in year {year}"
        nodes.error(fields["planned"].value, "invalid-phase-in", message)
    if postponed is False and planned is not None:
        nodes.error(
            fields["postponed"].value, "invalid-phase-in", f"{what}: postponed is false but a planned year is given"
        )
    return PhaseIn(year=year, planned=planned, postponed=bool(postponed or planned is not None), reason=reason)


def read_computation(nodes: Nodes, node: yaml.Node, label: str, measure_ids: set[str]) -> Computation | None:
    """``compute: {change: ideer}`` or ``{share: [valgt, ideer]}``: one of a closed set."""
    what = f"{label}: compute"
    fields = nodes.mapping(node, what, COMPUTATIONS)
    if not fields:
        if fields == {} and isinstance(node, MAPPING) and not node.value:  # unknown keys are reported already
            nodes.error(node, "invalid-compute", f"{what}: give one of {', '.join(COMPUTATIONS)}")
        return None
    if len(fields) > 1:
        nodes.error(node, "invalid-compute", f"{what}: give one computation, not {len(fields)}")
        return None
    ((method, field),) = fields.items()
    if method == "better_than":
        return _better_than(nodes, field.value, what)
    wanted = 1 if method == "change" else 2
    inputs = nodes.texts(field.value, f"{what} {method}", plain=True)
    if len(inputs) != wanted:
        shape = "one measure id" if wanted == 1 else "a list of two measure ids, [numerator, denominator]"
        if method == "difference":
            shape = "a list of two measure ids, [a, b] for a − b"
        nodes.error(field.value, "invalid-compute", f"{what} {method}: give {shape}")
        return None
    unknown = [i for i in inputs if i not in measure_ids]
    if unknown:
        known = ", ".join(sorted(measure_ids)) or "none (add a measures: list)"
        message = f"{what} {method}: unknown measure {excerpt(unknown[0])}; measures: {known}"
        nodes.error(field.value, "unknown-measure", message)
        return None
    return Computation(method, inputs)


def _better_than(nodes: Nodes, node: yaml.Node, what: str) -> Computation | None:
    """``better_than: {benchmark: EKG13, indicators: [X.1, X.2]}``; the ids are checked against
    the indicators once all are read (:func:`check_better_than`)."""
    fields = nodes.mapping(node, f"{what} better_than", ("benchmark", "indicators"), ("benchmark", "indicators"))
    if fields is None or "benchmark" not in fields or "indicators" not in fields:
        return None
    benchmark = nodes.plain(fields["benchmark"].value, f"{what} better_than: benchmark")
    inputs = nodes.texts(fields["indicators"].value, f"{what} better_than: indicators", plain=True)
    if not inputs:
        nodes.error(fields["indicators"].value, "invalid-compute", f"{what} better_than: list at least one indicator")
        return None
    return Computation("better_than", inputs, benchmark) if benchmark else None


def check_better_than(nodes: Nodes, indicators: list[Indicator]) -> None:
    """Each ``better_than`` input must be another indicator with a direction, higher or lower
    is better: a target range or no direction says nothing about better."""
    by_id = {indicator.id: indicator for indicator in indicators}
    for indicator in indicators:
        computation = indicator.compute
        if computation is None or computation.method != "better_than" or indicator.location is None:
            continue
        for wanted in computation.inputs:
            found = by_id.get(wanted)
            what = f"indicator {indicator.id}: compute better_than"
            if found is None or found.id == indicator.id:
                nodes.error_at(indicator.location, "invalid-compute", f"{what}: {wanted!r} is not another indicator")
            elif found.direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
                message = f"{what}: {wanted} has no direction (higher or lower is better) to compare by"
                nodes.error_at(indicator.location, "invalid-compute", message)


def read_ignore(nodes: Nodes, node: yaml.Node, what: str) -> tuple[str, ...]:
    """``ignore: [band-gap]``: warning codes to silence; naming an error or no code is an error."""
    codes = []
    for item in [node] if isinstance(node, SCALAR) else nodes.sequence(node, what):
        code = nodes.text(item, what)
        refused = not_ignorable(code) if code is not None else None
        if refused is not None:
            nodes.error(item, refused[0], f"{what}: {refused[1]}")
        elif code is not None:
            codes.append(code)
    return tuple(codes)
