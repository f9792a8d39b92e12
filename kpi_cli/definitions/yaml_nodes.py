"""Access to composed YAML nodes that keeps their positions and collects problems.

The definitions file is composed with PyYAML's safe loader into nodes (never
constructed into Python objects, never evaluated; :mod:`kpi_cli.definitions.safe_yaml`, within
limits), so every problem can point to the line and column of the node it is about. :class:`Nodes` reads the
generic shapes (mapping, list, text, number, year, choice, id) and records a
located :class:`~kpi_cli.errors.DefinitionError` for anything else; the
modules that read each level of the file build on it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeVar

import yaml

from ..errors import Collector, DefinitionError, Said, closest
from ..inert import excerpt
from ..model import DEFAULT_LEVELS, Level, Location, Status
from ..number_format import parse_number
from ..records import dataclass
from ..text import starts_formula

T = TypeVar("T")
# Control characters (C0, DEL, C1: NUL, ESC, CR, LF, NEL ...), the Unicode line and paragraph
# separators, and the bidi overrides and isolates: nothing a name, alias or org unit needs.
CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

SCALAR = yaml.ScalarNode
MAPPING = yaml.MappingNode
SEQUENCE = yaml.SequenceNode
NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_STR = "tag:yaml.org,2002:str"


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, SCALAR) and node.tag == NULL


@dataclass
class Field:
    """A mapping entry: its key node (for problems about the entry) and its value node."""

    key: yaml.Node
    value: yaml.Node


def value_of(field: Field | None) -> yaml.Node | None:
    return field.value if field is not None else None


class Nodes:
    """Reads typed values from nodes of one file, collecting every problem as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems = Collector()
        self.seen_ids: dict[str, tuple[str, int]] = {}
        # File-wide settings that fields deep in the file need: the file's language (how a
        # deadline is shown) and the year the plan's term ends (``vid mandatperiodens slut``).
        self.language = "nb"
        self.term_ends: int | None = None
        self.levels: tuple[Level, ...] = DEFAULT_LEVELS  # the scorecard's levels: what verdict words map onto
        self.verdicts: tuple[tuple[str, Status], ...] = ()  # the file's verdicts: words for every verdict indicator

    def error(self, node: yaml.Node, code: str, message: str, key: str = "", values: Said = ()) -> None:
        """A located error; ``key`` and ``values`` say it in the output language (``Problem.key``)."""
        self.error_at(self.location(node), code, message, key, values)

    def error_at(self, where: Location, code: str, message: str, key: str = "", values: Said = ()) -> None:
        path, line, column = where.path, where.line, where.column
        self.problems.add(
            DefinitionError(message, code=code, path=path, line=line, column=column, key=key, values=values)
        )

    def location(self, node: yaml.Node) -> Location:
        return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None, required: tuple[str, ...] = ()
    ) -> dict[str, Field] | None:
        """A mapping's fields by key; ``allowed=None`` takes any key."""
        if not isinstance(node, MAPPING):
            self.error(node, "wrong-type", f"{what} must be a mapping (key: value lines)", "field.mapping", said(what))
            return None
        fields: dict[str, Field] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, SCALAR) else ""
            if key in fields:
                message = f"{what}: key {excerpt(key)} is given twice"
                self.error(key_node, "duplicate-key", message, "field.duplicate-key", said(what, field=excerpt(key)))
            elif allowed is not None and key not in allowed:
                close = closest(key, allowed)
                hint = f" (did you mean {close!r}?)" if close else "; allowed: " + ", ".join(allowed)
                parts = said(what, field=excerpt(key), close=repr(close), allowed=", ".join(allowed))
                parts += (("hint_key", "field.close" if close else "field.allowed"),)
                self.error(
                    key_node, "unknown-key", f"{what}: unknown key {excerpt(key)}{hint}", "field.unknown-key", parts
                )
            else:
                fields[key] = Field(key_node, value_node)
        for key in required:
            if key not in fields:
                message = f"{what}: missing required key {key!r}"
                self.error(node, "missing-key", message, "field.missing-key", said(what, field=repr(key)))
        return fields

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if is_null(node):
            return []
        if not isinstance(node, SEQUENCE):
            self.error(node, "wrong-type", f"{what} must be a list", "field.list", said(what))
            return []
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str, *, empty: bool = False) -> str | None:
        if node is None:
            return None
        if not isinstance(node, SCALAR) or node.tag == NULL:
            if isinstance(node, SCALAR) and empty:
                return None
            self.error(node, "wrong-type", f"{what} must be text", "field.text", said(what))
            return None
        value = str(node.value).strip()
        if not value and not empty:
            self.error(node, "empty-value", f"{what} must not be empty", "field.empty", said(what))
            return None
        return value

    def texts(self, node: yaml.Node, what: str, *, plain: bool = False) -> tuple[str, ...]:
        """A list of texts; a single text is a list of one. ``plain``: each as :meth:`plain`."""
        items = [node] if isinstance(node, SCALAR) and node.tag != NULL else self.sequence(node, what)
        read = self.plain if plain else self.text
        return tuple(text for item in items if (text := read(item, what)) is not None)

    def plain(self, node: yaml.Node | None, what: str) -> str | None:
        """A text that a query or a results file is matched against (an alias, an org unit, a
        benchmark region, an input id): one holding a control character or line break is an error,
        for ``kpi sql`` would write it into SQL that a client such as sqlite3 or psql reads line by line."""
        value = self.text(node, what)
        if value is None or node is None:
            return value
        return value if self.plain_text(node, value, what) else None

    def plain_text(self, node: yaml.Node, value: str, what: str) -> bool:
        """Whether ``value`` (read from ``node``) holds no control character; an error at ``node`` if it does."""
        found = CONTROL_CHARACTER.search(value)
        if found is None:
            return True
        shown = f"{what} {excerpt(value)} holds a control character or line break ({found.group()!r})"
        message = f"{shown}, which no query may carry"
        self.error(node, "control-character", message)
        return False

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if isinstance(node, SCALAR) and node.tag == _INT:
            try:
                return int(str(node.value).replace("_", ""))
            except ValueError:
                pass
        message = f"{what} must be a whole number, not {shown(node)}"
        self.error(node, "wrong-type", message, "field.whole", said(what, *shown_said(node)))
        return None

    def number(self, node: yaml.Node, what: str) -> Decimal | None:
        if isinstance(node, SCALAR) and node.tag in (_INT, _FLOAT, _STR):
            try:
                return parse_number(str(node.value).replace("_", ""))
            except ValueError:
                pass
        message = f"{what} must be a number, not {shown(node)}"
        self.error(node, "wrong-type", message, "field.number", said(what, *shown_said(node)))
        return None

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if isinstance(node, SCALAR) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        message = f"{what} must be true or false, not {shown(node)}"
        self.error(node, "wrong-type", message, "field.boolean", said(what, *shown_said(node)))
        return None

    def choice(self, node: yaml.Node, what: str, choices: dict[str, T]) -> T | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value.lower() not in choices:
            message = f"{what} must be one of {', '.join(choices)}, not {excerpt(value)}"
            parts = said(what, choices=", ".join(choices), shown=excerpt(value))
            self.error(node, "invalid-choice", message, "field.choice", parts)
            return None
        return choices[value.lower()]

    def year(self, node: yaml.Node, what: str) -> int | None:
        value = self.integer(node, what)
        if value is not None and not 1900 <= value <= 2200:
            self.error(node, "out-of-range", f"{what} must be a year between 1900 and 2200, not {value}")
            return None
        return value

    def unique_id(self, node: yaml.Node, what: str) -> str | None:
        """An id that is printable, no formula in a spreadsheet, and not used before in the file."""
        value = self.text(node, f"{what} id")
        if value is None:
            return None
        if any(not ch.isprintable() for ch in value):
            self.error(node, "invalid-id", f"{what} id {excerpt(value)} holds a line break or control character")
            return None
        if starts_formula(value):
            message = f"{what} id {excerpt(value)} must not begin with {value[0]!r}: a spreadsheet would run it"
            self.error(node, "formula-id", message)
            return None
        if value in self.seen_ids:
            other_what, other_line = self.seen_ids[value]
            message = f"duplicate id {excerpt(value)}: already used by the {other_what} on line {other_line}"
            self.error(node, "duplicate-id", message)
        else:
            self.seen_ids[value] = (what, node.start_mark.line + 1)
        return value


def shown(node: yaml.Node) -> str:
    if isinstance(node, SCALAR):
        return excerpt(str(node.value))
    return "a list" if isinstance(node, SEQUENCE) else "a mapping"


def shown_said(node: yaml.Node) -> Said:
    """:func:`shown`'s values for the catalogue: the text, or a list or mapping said as one."""
    if isinstance(node, SCALAR):
        return (("shown", shown(node)),)
    return (("shown_key", "field.a-list" if isinstance(node, SEQUENCE) else "field.a-mapping"),)


# What a problem is about, said in the output language when it is one of these ("what_key"):
# the parts of the file that have no key of their own; a key's name ("bands") is said as it is.
_PARTS = ("indicator", "focus area", "goal", "measure", "level")
_WHAT = {"definitions", *_PARTS, *(f"{part} id" for part in _PARTS)}


def said(what: str, *parts: tuple[str, str], **values: str) -> Said:
    """A definitions problem's values for the catalogue: what it is about (an indicator's label,
    ``indicator X.1: bands``, said with the rest as written), then the others."""
    where = f"field.what.{what.replace(' ', '-')}" if what in _WHAT else ""
    if not where and what.startswith("indicator "):
        where, parts = "field.what.indicator-named", (("rest", what.removeprefix("indicator ")), *parts)
    return (("what", what), ("what_key", where), *parts, *values.items())
