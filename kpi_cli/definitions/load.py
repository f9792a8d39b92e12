"""indicators.yaml -> Scorecard, with every problem reported in one pass.

The file is composed into YAML nodes (:mod:`kpi_cli.definitions.yaml_nodes`), so each
problem points to the line and column it is about; nothing in it is ever
evaluated as code. This module reads the scorecard, its measures, focus areas
and goals; :mod:`kpi_cli.definitions.indicator_fields` reads each indicator and
:mod:`kpi_cli.definitions.band_fields` its bands. See ARCHITECTURE.md.
"""

from __future__ import annotations

import os
import re

import yaml

from ..errors import DefinitionError, KpiError, KpiErrors
from ..model import DEFAULT_LEVELS, FocusArea, GapPolicy, Goal, Measure, Scorecard
from .indicator_fields import POLICIES, check_better_than, read_ignore, read_indicator
from .level_fields import LANGUAGES, check_middle, read_levels
from .safe_yaml import compose, read_text
from .verdict_fields import read_verdict_words
from .yaml_nodes import SCALAR, SEQUENCE, Nodes, value_of

COLUMN_ROLES = ("indicator", "year", "value", "org_unit", "n")
SCORECARD_KEYS = (
    "scorecard",
    "language",
    "gap_policy",
    "columns",
    "measures",
    "focus_areas",
    "ignore",
    "source",
    "description",
    "municipality",  # SSB keys, read by kpi_cli.definitions.ssb_fields
    "benchmarks",
    "levels",
    "term_ends",
    "verdicts",
)


# A top-level ``language: nn`` line, read from the text: a file that is no valid YAML states it too.
_LANGUAGE_LINE = re.compile(r"^language:[ \t]*(['\"]?)(nb|nn|sv|en)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def stated_language(path: str) -> str:
    """The language the definitions file at ``path`` states, for its errors: the language of its
    ``language:`` line, however broken the rest; nb when it states none or cannot be read."""
    try:
        found = _LANGUAGE_LINE.search(read_text(path))
    except KpiError:
        return "nb"
    return found.group(2) if found else "nb"


def load_definitions(path: str | os.PathLike[str]) -> Scorecard:
    """Read and check a definitions file; raise KpiErrors with every problem found."""
    name = os.fspath(path)
    return parse_definitions(read_text(name), name)


def parse_definitions(text: str, path: str = "indicators.yaml") -> Scorecard:
    """The definitions in ``text``; raise KpiErrors with every problem, in line order."""
    root = compose(text, path)
    if root is None:
        raise DefinitionError("definitions file is empty", code="empty-file", path=path, line=1)
    nodes = Nodes(path)
    scorecard = read_scorecard(nodes, root)
    from .ssb_fields import parse_mapping  # the SSB keys, checked where they are

    try:
        parse_mapping(root, path)
    except KpiError as exc:
        nodes.problems.add(exc)
    if nodes.problems.errors:
        raise KpiErrors(sorted(nodes.problems.errors, key=lambda e: (e.line or 0, e.column or 0)))
    assert scorecard is not None
    return scorecard


def read_scorecard(nodes: Nodes, node: yaml.Node) -> Scorecard | None:
    fields = nodes.mapping(node, "definitions", SCORECARD_KEYS, ("scorecard", "focus_areas"))
    if fields is None:
        return None
    name = nodes.text(value_of(fields.get("scorecard")), "scorecard") or ""
    language = "nb"
    if "language" in fields:
        language = nodes.choice(fields["language"].value, "language", {k: k for k in LANGUAGES}) or "nb"
    nodes.language = language
    levels = read_levels(nodes, fields["levels"].value, language) if "levels" in fields else DEFAULT_LEVELS
    nodes.levels = levels
    if "verdicts" in fields:
        nodes.verdicts = read_verdict_words(nodes, fields["verdicts"].value, "verdicts", levels)
    if "term_ends" in fields:
        nodes.term_ends = nodes.year(fields["term_ends"].value, "term_ends")
    policy = GapPolicy.WORSE
    if "gap_policy" in fields:
        policy = nodes.choice(fields["gap_policy"].value, "gap_policy", POLICIES) or GapPolicy.WORSE
    columns = read_columns(nodes, fields["columns"].value) if "columns" in fields else ()
    measures = read_measures(nodes, fields["measures"].value) if "measures" in fields else ()
    ignore = read_ignore(nodes, fields["ignore"].value, "ignore") if "ignore" in fields else ()
    nodes.text(value_of(fields.get("source")), "source", empty=True)
    nodes.text(value_of(fields.get("description")), "description", empty=True)
    areas: list[FocusArea] = []
    if "focus_areas" in fields:
        items = nodes.sequence(fields["focus_areas"].value, "focus_areas")
        if not items and isinstance(fields["focus_areas"].value, (SCALAR, SEQUENCE)):
            nodes.error(fields["focus_areas"].value, "empty-value", "focus_areas must list at least one focus area")
        measure_ids = {measure.id for measure in measures}
        areas = [area for item in items if (area := read_focus_area(nodes, item, policy, measure_ids))]
    scorecard = Scorecard(name, language, policy, tuple(areas), nodes.path, columns, measures, ignore, levels)
    check_better_than(nodes, list(scorecard.indicators()))
    check_middle(nodes, scorecard)
    return scorecard


def read_measures(nodes: Nodes, node: yaml.Node) -> tuple[Measure, ...]:
    """``measures:``: raw counts or amounts that computed indicators use."""
    found = []
    for item in nodes.sequence(node, "measures"):
        fields = nodes.mapping(item, "measure", ("id", "name", "unit", "source", "description"), ("id", "name"))
        if not fields or "id" not in fields:
            continue
        measure_id = nodes.unique_id(fields["id"].value, "measure")
        name = nodes.text(value_of(fields.get("name")), "measure name")
        unit = nodes.text(value_of(fields.get("unit")), "measure unit", empty=True)
        nodes.text(value_of(fields.get("source")), "measure source", empty=True)
        nodes.text(value_of(fields.get("description")), "description", empty=True)
        if measure_id is not None and name is not None:
            found.append(Measure(measure_id, name, unit, nodes.location(item)))
    return tuple(found)


def read_columns(nodes: Nodes, node: yaml.Node) -> tuple[tuple[str, str], ...]:
    """``columns:``: the header a results file uses for a role (``value: Nøkkeltall``)."""
    fields = nodes.mapping(node, "columns", COLUMN_ROLES)
    found = []
    for role, field in (fields or {}).items():
        header = nodes.text(field.value, f"columns: {role}")
        if header is not None:
            found.append((role, header))
    return tuple(found)


def read_focus_area(nodes: Nodes, node: yaml.Node, policy: GapPolicy, measure_ids: set[str]) -> FocusArea | None:
    fields = nodes.mapping(node, "focus area", ("id", "name", "focus_goal", "goals", "description"), ("id", "name"))
    if fields is None:
        return None
    area_id = nodes.unique_id(fields["id"].value, "focus area") if "id" in fields else None
    name = nodes.text(value_of(fields.get("name")), "focus area name")
    focus_goal = nodes.text(value_of(fields.get("focus_goal")), "focus_goal", empty=True)
    nodes.text(value_of(fields.get("description")), "description", empty=True)
    items = nodes.sequence(fields["goals"].value, "goals") if "goals" in fields else []
    goals = [goal for item in items if (goal := read_goal(nodes, item, area_id or "", policy, measure_ids))]
    if area_id is None or name is None:
        return None
    return FocusArea(area_id, name, focus_goal, tuple(goals))


def read_goal(nodes: Nodes, node: yaml.Node, area_id: str, policy: GapPolicy, measure_ids: set[str]) -> Goal | None:
    fields = nodes.mapping(node, "goal", ("id", "name", "indicators", "description", "owner"), ("id", "name"))
    if fields is None:
        return None
    goal_id = nodes.unique_id(fields["id"].value, "goal") if "id" in fields else None
    name = nodes.text(value_of(fields.get("name")), "goal name")
    nodes.text(value_of(fields.get("description")), "description", empty=True)
    owner = nodes.text(value_of(fields.get("owner")), f"goal {goal_id}: owner" if goal_id else "goal: owner")
    items = nodes.sequence(fields["indicators"].value, "indicators") if "indicators" in fields else []
    indicators = [
        indicator
        for item in items
        if (indicator := read_indicator(nodes, item, goal_id or "", area_id, policy, measure_ids, owner))
    ]
    if goal_id is None or name is None:
        return None
    return Goal(goal_id, name, tuple(indicators), owner)
