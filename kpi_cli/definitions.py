"""indicators.yaml -> Scorecard, with every problem reported in one pass.

The file is composed with PyYAML's safe loader into nodes, so each problem can
point to the line and column of the node it is about. Nothing in the file is
ever evaluated as code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

import yaml

from . import bands as band_rules
from .errors import Collector, DefinitionError, KpiError, KpiErrors, closest
from .model import (
    COMPUTATIONS,
    RATED,
    Band,
    BandVersion,
    Computation,
    Direction,
    FocusArea,
    GapPolicy,
    Goal,
    Indicator,
    Interval,
    Location,
    Measure,
    PhaseIn,
    Scorecard,
    Status,
)
from .number_format import format_number, parse_number
from .text import starts_formula

LANGUAGES = ("nb", "en")
COLUMN_ROLES = ("indicator", "year", "value", "org_unit", "n")
BAND_KEYS = {status.value: status for status in RATED}
T = TypeVar("T")

_SCALAR = yaml.ScalarNode
_MAPPING = yaml.MappingNode
_SEQUENCE = yaml.SequenceNode
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

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


def load_definitions(path: str | os.PathLike[str]) -> Scorecard:
    """Read and check a definitions file; raise KpiErrors with every problem found."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise DefinitionError(
            "definitions file not found (give --indicators PATH or set KPI_INDICATORS)", path=name
        ) from None
    except UnicodeDecodeError as exc:
        raise DefinitionError(f"definitions file is not UTF-8 text ({exc.reason})", path=name) from None
    except OSError as exc:
        raise DefinitionError(f"cannot read definitions file: {exc.strerror}", path=name) from None
    return parse_definitions(text, name)


def parse_definitions(text: str, path: str = "indicators.yaml") -> Scorecard:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise DefinitionError(
            f"invalid YAML: {message}",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise DefinitionError(f"invalid YAML: {exc}", path=path) from None
    except RecursionError:
        raise DefinitionError("invalid YAML: nested too deeply", path=path) from None
    reader = _Reader(path)
    if root is None:
        raise DefinitionError("definitions file is empty", path=path, line=1)
    scorecard = reader.scorecard(root)
    if reader.problems.errors:
        raise KpiErrors(sorted(reader.problems.errors, key=lambda e: (e.line or 0, e.column or 0)))
    assert scorecard is not None
    return scorecard


@dataclass
class _Field:
    key: yaml.Node
    value: yaml.Node


class _Reader:
    """Turns composed YAML nodes into the model, collecting problems as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems = Collector()
        self.seen_ids: dict[str, tuple[str, int]] = {}
        self.measure_ids: set[str] = set()

    # --- plumbing ---------------------------------------------------------------

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.add(
            DefinitionError(
                message,
                path=self.path,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        )

    def location(self, node: yaml.Node) -> Location:
        return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None, required: tuple[str, ...] = ()
    ) -> dict[str, _Field] | None:
        """A mapping's fields by key; ``allowed=None`` takes any key."""
        if not isinstance(node, _MAPPING):
            self.error(node, f"{what} must be a mapping (key: value lines)")
            return None
        fields: dict[str, _Field] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, _SCALAR) else ""
            if key in fields:
                self.error(key_node, f"{what}: key {key!r} is given twice")
            elif allowed is not None and key not in allowed:
                self.error(
                    key_node,
                    f"{what}: unknown key {key!r}" + _suggest(key, allowed, "; allowed: " + ", ".join(allowed)),
                )
            else:
                fields[key] = _Field(key_node, value_node)
        for key in required:
            if key not in fields:
                self.error(node, f"{what}: missing required key {key!r}")
        return fields

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, _SCALAR) and node.tag == _NULL:
            return []
        if not isinstance(node, _SEQUENCE):
            self.error(node, f"{what} must be a list")
            return []
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str, *, empty: bool = False) -> str | None:
        if node is None:
            return None
        if not isinstance(node, _SCALAR) or node.tag == _NULL:
            if isinstance(node, _SCALAR) and empty:
                return None
            self.error(node, f"{what} must be text")
            return None
        value = str(node.value).strip()
        if not value and not empty:
            self.error(node, f"{what} must not be empty")
            return None
        return value

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A list of texts; a single text is a list of one."""
        items = [node] if isinstance(node, _SCALAR) and node.tag != _NULL else self.sequence(node, what)
        return tuple(text for item in items if (text := self.text(item, what)) is not None)

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if isinstance(node, _SCALAR) and node.tag == _INT:
            try:
                return int(str(node.value).replace("_", ""))
            except ValueError:
                pass
        self.error(node, f"{what} must be a whole number, not {_shown(node)}")
        return None

    def number(self, node: yaml.Node, what: str) -> Decimal | None:
        if isinstance(node, _SCALAR) and node.tag in (_INT, _FLOAT, "tag:yaml.org,2002:str"):
            try:
                return parse_number(str(node.value).replace("_", ""))
            except ValueError:
                pass
        self.error(node, f"{what} must be a number, not {_shown(node)}")
        return None

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if isinstance(node, _SCALAR) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        self.error(node, f"{what} must be true or false, not {_shown(node)}")
        return None

    def choice(self, node: yaml.Node, what: str, choices: dict[str, T]) -> T | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value.lower() not in choices:
            self.error(node, f"{what} must be one of {', '.join(choices)}, not {value!r}")
            return None
        return choices[value.lower()]

    def unique_id(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, f"{what} id")
        if value is None:
            return None
        line = node.start_mark.line + 1
        if any(not ch.isprintable() for ch in value):
            self.error(node, f"{what} id {value!r} holds a line break or control character")
            return None
        if starts_formula(value):
            self.error(node, f"{what} id {value!r} must not begin with {value[0]!r}: a spreadsheet would run it")
            return None
        if value in self.seen_ids:
            other_what, other_line = self.seen_ids[value]
            self.error(node, f"duplicate id {value!r}: already used by the {other_what} on line {other_line}")
        else:
            self.seen_ids[value] = (what, line)
        return value

    # --- the levels ---------------------------------------------------------------

    def scorecard(self, node: yaml.Node) -> Scorecard | None:
        fields = self.mapping(
            node,
            "definitions",
            ("scorecard", "language", "gap_policy", "columns", "measures", "focus_areas", "source", "description"),
            ("scorecard", "focus_areas"),
        )
        if fields is None:
            return None
        get = fields.get
        name = self.text(get_value(get("scorecard")), "scorecard") or ""
        language = "nb"
        if "language" in fields:
            language = self.choice(fields["language"].value, "language", {k: k for k in LANGUAGES}) or "nb"
        policy = GapPolicy.WORSE
        if "gap_policy" in fields:
            policy = self.choice(fields["gap_policy"].value, "gap_policy", _policies()) or GapPolicy.WORSE
        columns = self.columns(fields["columns"].value) if "columns" in fields else ()
        measures = self.measures(fields["measures"].value) if "measures" in fields else ()
        self.measure_ids = {measure.id for measure in measures}
        self.text(get_value(get("source")), "source", empty=True)
        self.text(get_value(get("description")), "description", empty=True)
        areas: list[FocusArea] = []
        if "focus_areas" in fields:
            items = self.sequence(fields["focus_areas"].value, "focus_areas")
            if not items and isinstance(fields["focus_areas"].value, (_SCALAR, _SEQUENCE)):
                self.error(fields["focus_areas"].value, "focus_areas must list at least one focus area")
            for item in items:
                area = self.focus_area(item, policy)
                if area is not None:
                    areas.append(area)
        return Scorecard(
            name=name,
            language=language,
            gap_policy=policy,
            focus_areas=tuple(areas),
            path=self.path,
            columns=columns,
            measures=measures,
        )

    def measures(self, node: yaml.Node) -> tuple[Measure, ...]:
        """``measures:``: raw counts or amounts that computed indicators use."""
        found = []
        for item in self.sequence(node, "measures"):
            fields = self.mapping(item, "measure", ("id", "name", "unit", "source", "description"), ("id", "name"))
            if not fields or "id" not in fields:
                continue
            measure_id = self.unique_id(fields["id"].value, "measure")
            name = self.text(get_value(fields.get("name")), "measure name")
            unit = self.text(get_value(fields.get("unit")), "measure unit", empty=True)
            self.text(get_value(fields.get("source")), "measure source", empty=True)
            self.text(get_value(fields.get("description")), "description", empty=True)
            if measure_id is not None and name is not None:
                found.append(Measure(measure_id, name, unit, self.location(item)))
        return tuple(found)

    def computation(self, node: yaml.Node, label: str) -> Computation | None:
        """``compute: {change: ideer}`` or ``{share: [valgt, ideer]}``: one of a closed set."""
        what = f"{label}: compute"
        fields = self.mapping(node, what, COMPUTATIONS)
        if not fields:
            if fields == {} and isinstance(node, _MAPPING) and not node.value:  # unknown keys are reported already
                self.error(node, f"{what}: give one of {', '.join(COMPUTATIONS)}")
            return None
        if len(fields) > 1:
            self.error(node, f"{what}: give one computation, not {len(fields)}")
            return None
        ((method, field),) = fields.items()
        wanted = 1 if method == "change" else 2
        inputs = self.texts(field.value, f"{what} {method}")
        if len(inputs) != wanted:
            shape = "one measure id" if wanted == 1 else "a list of two measure ids, [numerator, denominator]"
            if method == "difference":
                shape = "a list of two measure ids, [a, b] for a − b"
            self.error(field.value, f"{what} {method}: give {shape}")
            return None
        unknown = [i for i in inputs if i not in self.measure_ids]
        if unknown:
            known = ", ".join(sorted(self.measure_ids)) or "none (add a measures: list)"
            self.error(field.value, f"{what} {method}: unknown measure {unknown[0]!r}; measures: {known}")
            return None
        return Computation(method, inputs)

    def columns(self, node: yaml.Node) -> tuple[tuple[str, str], ...]:
        """``columns:``: the header a results file uses for a role (``value: Nøkkeltall``)."""
        fields = self.mapping(node, "columns", COLUMN_ROLES)
        found = []
        for role, field in (fields or {}).items():
            header = self.text(field.value, f"columns: {role}")
            if header is not None:
                found.append((role, header))
        return tuple(found)

    def focus_area(self, node: yaml.Node, policy: GapPolicy) -> FocusArea | None:
        fields = self.mapping(node, "focus area", ("id", "name", "focus_goal", "goals", "description"), ("id", "name"))
        if fields is None:
            return None
        area_id = self.unique_id(fields["id"].value, "focus area") if "id" in fields else None
        name = self.text(get_value(fields.get("name")), "focus area name")
        focus_goal = self.text(get_value(fields.get("focus_goal")), "focus_goal", empty=True)
        self.text(get_value(fields.get("description")), "description", empty=True)
        goals = []
        if "goals" in fields:
            for item in self.sequence(fields["goals"].value, "goals"):
                goal = self.goal(item, area_id or "", policy)
                if goal is not None:
                    goals.append(goal)
        if area_id is None or name is None:
            return None
        return FocusArea(area_id, name, focus_goal, tuple(goals))

    def goal(self, node: yaml.Node, area_id: str, policy: GapPolicy) -> Goal | None:
        fields = self.mapping(node, "goal", ("id", "name", "indicators", "description"), ("id", "name"))
        if fields is None:
            return None
        goal_id = self.unique_id(fields["id"].value, "goal") if "id" in fields else None
        name = self.text(get_value(fields.get("name")), "goal name")
        self.text(get_value(fields.get("description")), "description", empty=True)
        indicators = []
        if "indicators" in fields:
            for item in self.sequence(fields["indicators"].value, "indicators"):
                indicator = self.indicator(item, goal_id or "", area_id, policy)
                if indicator is not None:
                    indicators.append(indicator)
        if goal_id is None or name is None:
            return None
        return Goal(goal_id, name, tuple(indicators))

    def indicator(self, node: yaml.Node, goal_id: str, area_id: str, policy: GapPolicy) -> Indicator | None:
        fields = self.mapping(
            node,
            "indicator",
            (
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
                "description",
            ),
            ("id", "name"),
        )
        if fields is None:
            return None
        indicator_id = self.unique_id(fields["id"].value, "indicator") if "id" in fields else None
        label = f"indicator {indicator_id}" if indicator_id else "indicator"
        name = self.text(get_value(fields.get("name")), f"{label}: name")
        unit = self.text(get_value(fields.get("unit")), f"{label}: unit", empty=True)
        source = self.text(get_value(fields.get("source")), f"{label}: source", empty=True)
        self.text(get_value(fields.get("description")), "description", empty=True)
        tags = self.texts(fields["tags"].value, f"{label}: tags") if "tags" in fields else ()
        aliases = self.texts(fields["aliases"].value, f"{label}: aliases") if "aliases" in fields else ()
        per_org_unit = True
        if "per_org_unit" in fields:
            per_org_unit = self.boolean(fields["per_org_unit"].value, f"{label}: per_org_unit") is not False
        scale = self.scale(fields["scale"].value, label) if "scale" in fields else None
        if "gap_policy" in fields:
            policy = self.choice(fields["gap_policy"].value, f"{label}: gap_policy", _policies()) or policy
        direction = None
        if "direction" in fields:
            direction = self.choice(fields["direction"].value, f"{label}: direction", DIRECTION_WORDS)
        phase_in = self.phase_in(fields["phase_in"].value, label) if "phase_in" in fields else None
        compute = self.computation(fields["compute"].value, label) if "compute" in fields else None
        min_base = None
        if "min_base" in fields:
            min_base = self.integer(fields["min_base"].value, f"{label}: min_base")
            if min_base is not None and min_base < 1:
                self.error(fields["min_base"].value, f"{label}: min_base must be at least 1")
                min_base = None
        versions: list[BandVersion] = []
        if "bands" in fields:
            versions += self.band_versions(fields["bands"], label, direction, scale, None)
        if "org_unit_bands" in fields:
            own = self.mapping(fields["org_unit_bands"].value, f"{label}: org_unit_bands", None) or {}
            for org_unit, entry in own.items():
                versions += self.band_versions(entry, f"{label} ({org_unit})", direction, scale, org_unit)
        self.check_versions(versions, label)
        general = [v for v in versions if v.org_unit is None]
        latest = max(general, key=lambda v: v.from_year or 0) if general else None
        simple = len(versions) == 1 and latest is not None and latest.from_year is None and latest.scale is None
        if indicator_id is None or name is None:
            return None
        return Indicator(
            id=indicator_id,
            name=name,
            unit=unit,
            scale=scale,
            bands=latest.bands if latest else (),
            direction=latest.direction if latest else direction,
            gap_policy=policy,
            phase_in=phase_in,
            source=source,
            tags=tags,
            goal_id=goal_id,
            focus_area_id=area_id,
            location=self.location(node),
            aliases=aliases,
            versions=() if simple else tuple(versions),
            per_org_unit=per_org_unit,
            compute=compute,
            min_base=min_base,
        )

    def scale(self, node: yaml.Node, label: str) -> Interval | None:
        what = f"{label}: scale"
        if isinstance(node, _SEQUENCE) and len(node.value) == 2:
            low = self.number(node.value[0], f"{what} minimum")
            high = self.number(node.value[1], f"{what} maximum")
        elif isinstance(node, _MAPPING):
            fields = self.mapping(node, what, ("min", "max"), ("min", "max"))
            if not fields or "min" not in fields or "max" not in fields:
                return None
            low = self.number(fields["min"].value, f"{what} min")
            high = self.number(fields["max"].value, f"{what} max")
        else:
            self.error(node, f"{what} must be [minimum, maximum], e.g. [1, 6]")
            return None
        if low is None or high is None:
            return None
        if low >= high:
            self.error(node, f"{what}: minimum {format_number(low)} must be below maximum {format_number(high)}")
            return None
        return Interval(low, high, True, True)

    def phase_in(self, node: yaml.Node, label: str) -> PhaseIn | None:
        what = f"{label}: phase_in"
        if isinstance(node, _SCALAR):
            year = self.year(node, f"{what} year")
            return PhaseIn(year) if year is not None else None
        fields = self.mapping(node, what, ("year", "planned", "postponed", "reason"), ("year",))
        if fields is None or "year" not in fields:
            return None
        year = self.year(fields["year"].value, f"{what} year")
        planned = self.year(fields["planned"].value, f"{what} planned") if "planned" in fields else None
        postponed = self.boolean(fields["postponed"].value, f"{what} postponed") if "postponed" in fields else None
        reason = self.text(get_value(fields.get("reason")), f"{what} reason", empty=True)
        if year is None:
            return None
        if planned is not None and planned >= year:
            self.error(fields["planned"].value, f"{what}: planned year {planned} must be before phase-in year {year}")
        if postponed is False and planned is not None:
            self.error(fields["postponed"].value, f"{what}: postponed is false but a planned year is given")
        return PhaseIn(year=year, planned=planned, postponed=bool(postponed or planned is not None), reason=reason)

    def year(self, node: yaml.Node, what: str) -> int | None:
        value = self.integer(node, what)
        if value is not None and not 1900 <= value <= 2200:
            self.error(node, f"{what} must be a year between 1900 and 2200, not {value}")
            return None
        return value

    # --- bands --------------------------------------------------------------------

    def band_versions(
        self, field: _Field, label: str, direction: Direction | None, scale: Interval | None, org_unit: str | None
    ) -> list[BandVersion]:
        """``bands:`` as one mapping, or a list of versions each with the year it applies from."""
        node = field.value
        if isinstance(node, _SCALAR) and node.tag == _NULL:
            return []
        items = node.value if isinstance(node, _SEQUENCE) else [node]
        versions = []
        for item in items:
            version = self.band_version(item, field.key, label, direction, scale, org_unit)
            if version is not None:
                versions.append(version)
        return versions

    def band_version(
        self,
        node: yaml.Node,
        key_node: yaml.Node,
        label: str,
        direction: Direction | None,
        scale: Interval | None,
        org_unit: str | None,
    ) -> BandVersion | None:
        fields = self.mapping(node, f"{label}: bands", (*BAND_KEYS, "from", "scale", "unit"))
        if fields is None:
            return None
        from_year = self.year(fields["from"].value, f"{label}: bands from") if "from" in fields else None
        if "from" in fields and from_year is None:
            return None
        own_scale = self.scale(fields["scale"].value, label) if "scale" in fields else None
        unit = self.text(fields["unit"].value, f"{label}: unit", empty=True) if "unit" in fields else None
        if from_year is not None:
            label = f"{label} (bands from {from_year})"
        pieces: dict[Status, tuple[str, list[band_rules.Piece], yaml.Node]] = {}
        failed = False
        for key in BAND_KEYS:
            if key not in fields:
                continue
            parsed = self.band_pieces(fields[key].value, f"{label}: {key} band")
            if parsed is None:
                failed = True
            elif parsed[1]:
                pieces[BAND_KEYS[key]] = (parsed[0], parsed[1], fields[key].value)
        if failed:
            return None
        bands, settled = (
            self.settle_bands(pieces, key_node, label, direction, own_scale or scale) if pieces else ((), direction)
        )
        return BandVersion(bands, settled, from_year, org_unit, own_scale, unit, self.location(node))

    def check_versions(self, versions: list[BandVersion], label: str) -> None:
        """Versions of the same org unit must start in different years; only the first may omit ``from``."""
        seen: dict[tuple[str | None, int | None], BandVersion] = {}
        for version in versions:
            key = (version.org_unit, version.from_year)
            if key in seen:
                first = seen[key].location
                when = f"from {version.from_year}" if version.from_year else "without a from year"
                where = f" (line {first.line})" if first else ""
                loc = version.location
                self.problems.add(
                    DefinitionError(
                        f"{label}: overlapping band versions: two versions {when}"
                        f"{' for ' + version.org_unit if version.org_unit else ''}{where}",
                        path=self.path,
                        line=loc.line if loc else None,
                        column=loc.column if loc else None,
                    )
                )
            seen[key] = version

    def band_pieces(self, node: yaml.Node, what: str) -> tuple[str, list[band_rules.Piece]] | None:
        """A band's published text and its intervals; None after reporting a problem."""
        if isinstance(node, _SCALAR):
            if node.tag == _NULL or not str(node.value).strip():
                return "", []
            text = str(node.value)
            return _parsed(self, node, what, text)
        items = node.value if isinstance(node, _SEQUENCE) else [node]
        texts: list[str] = []
        found: list[band_rules.Piece] = []
        ok = True
        for item in items:
            if isinstance(item, _MAPPING):
                structured = self.structured(item, what)
                if structured is None:
                    ok = False
                    continue
                texts.append(structured[0])
                found.append(structured[1])
            elif isinstance(item, _SCALAR) and item.tag != _NULL:
                text = str(item.value)
                parsed = _parsed(self, item, what, text)
                if parsed is None:
                    ok = False
                    continue
                texts.append(normalise_text(text))
                found.extend(parsed[1])
            else:
                self.error(item, f"{what}: each entry must be band text or a mapping with min/max")
                ok = False
        if not ok:
            return None
        return "; ".join(texts), found

    def structured(self, node: yaml.Node, what: str) -> tuple[str, Interval] | None:
        fields = self.mapping(node, what, ("min", "max", "min_inclusive", "max_inclusive", "text"))
        if fields is None:
            return None
        if "min" not in fields and "max" not in fields:
            self.error(node, f"{what}: give min, max or both")
            return None
        low = high = None
        low_inc: bool | None = True
        high_inc: bool | None = True
        if "min" in fields and (low := self.number(fields["min"].value, f"{what} min")) is None:
            return None
        if "max" in fields and (high := self.number(fields["max"].value, f"{what} max")) is None:
            return None
        if "min_inclusive" in fields:
            low_inc = self.boolean(fields["min_inclusive"].value, f"{what} min_inclusive")
        if "max_inclusive" in fields:
            high_inc = self.boolean(fields["max_inclusive"].value, f"{what} max_inclusive")
        if low_inc is None or high_inc is None:
            return None
        interval = Interval(low, high, bool(low_inc) and low is not None, bool(high_inc) and high is not None)
        if interval.is_empty():
            self.error(node, f"{what}: the interval is empty (min lies above max)")
            return None
        text = self.text(get_value(fields.get("text")), f"{what} text", empty=True)
        return text or band_rules.format_interval(interval), interval

    def settle_bands(
        self,
        pieces: dict[Status, tuple[str, list[band_rules.Piece], yaml.Node]],
        key_node: yaml.Node,
        label: str,
        direction: Direction | None,
        scale: Interval | None,
    ) -> tuple[tuple[Band, ...], Direction | None]:
        """Resolve 'X eller bedre', then check overlaps, order, direction and scale."""
        absolute = [
            Band(status, text, tuple(p for p in found if isinstance(p, Interval)))
            for status, (text, found, _) in pieces.items()
        ]
        relative_needed = any(isinstance(p, band_rules.Relative) for _, found, _ in pieces.values() for p in found)
        settled_direction = direction
        if relative_needed and settled_direction is None:
            try:
                settled_direction = band_rules.infer_direction([b for b in absolute if b.intervals])
            except ValueError:
                settled_direction = None
            if settled_direction is None or settled_direction is Direction.TARGET_RANGE:
                self.error(
                    key_node,
                    f"{label}: 'eller bedre' / 'eller dårligere' needs a direction: set direction: "
                    "higher_is_better or lower_is_better",
                )
                return (), direction
        result = []
        for status, (text, found, _) in pieces.items():
            intervals = tuple(
                p.resolve(settled_direction) if isinstance(p, band_rules.Relative) and settled_direction else p
                for p in found
            )
            result.append(Band(status, normalise_text(text), tuple(i for i in intervals if isinstance(i, Interval))))
        result.sort(key=lambda band: band.status.rank)
        problems = band_rules.overlaps(result)
        for problem in problems:
            self.error(key_node, f"{label}: {problem}")
        if problems:
            return (), direction
        try:
            inferred = band_rules.infer_direction(result)
        except ValueError as exc:
            self.error(key_node, f"{label}: {exc}")
            return (), direction
        if direction is not None and inferred is not None and inferred is not direction:
            self.error(
                key_node,
                f"{label}: direction {direction.value} contradicts the bands, which say {inferred.value}",
            )
            return (), direction
        if scale is not None:
            for band in result:
                for interval in band.intervals:
                    if not interval.overlaps(scale):
                        self.error(
                            pieces[band.status][2],
                            f"{label}: {band.status.value} band {band.text!r} lies outside the scale "
                            f"{band_rules.format_interval(scale)}",
                        )
        return tuple(result), inferred or direction


def _parsed(reader: _Reader, node: yaml.Node, what: str, text: str) -> tuple[str, list[band_rules.Piece]] | None:
    try:
        return normalise_text(text), list(band_rules.parse_band_text(text))
    except band_rules.BandSyntaxError as exc:
        reader.error(node, f"{what}: {exc}; write it like '4,5 - 6', '> 5 %', 'minst 10' or as min/max")
        return None


def normalise_text(text: str) -> str:
    """Published band text as shown: line breaks from Word become spaces."""
    return band_rules.normalise(text)


def get_value(field: _Field | None) -> yaml.Node | None:
    return field.value if field is not None else None


def _policies() -> dict[str, GapPolicy]:
    return {policy.value: policy for policy in GapPolicy}


def _shown(node: yaml.Node) -> str:
    if isinstance(node, _SCALAR):
        return repr(str(node.value))
    return "a list" if isinstance(node, _SEQUENCE) else "a mapping"


def _suggest(word: str, choices: tuple[str, ...] | list[str], otherwise: str = "") -> str:
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else otherwise


def gap_warnings(scorecard: Scorecard) -> list[KpiError]:
    """Each gap between neighbouring bands, of every band version, as a warning at its line."""
    mark = "," if scorecard.language == "nb" else "."
    warnings: list[KpiError] = []
    for indicator in scorecard.indicators():
        versions = indicator.versions or (BandVersion(indicator.bands, indicator.direction),)
        for version in versions:
            which = ""
            if version.org_unit:
                which += f" ({version.org_unit})"
            if version.from_year:
                which += f" (bands from {version.from_year})"
            loc = version.location or indicator.location
            for gap in band_rules.gaps(version.bands):
                if gap.below is gap.above:
                    continue
                warnings.append(
                    KpiError(
                        f"{indicator.id}{which}: values in {band_rules.format_interval(gap.interval, mark)} fall "
                        f"between {gap.below.value} and {gap.above.value}; rated {gap.rated(indicator.gap_policy)} "
                        f"under gap policy {indicator.gap_policy.value}",
                        path=loc.path if loc else scorecard.path,
                        line=loc.line if loc else None,
                        column=loc.column if loc else None,
                    )
                )
    return warnings
