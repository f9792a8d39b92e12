"""What a definitions file says about its SSB source: the municipality, benchmarks and, per
indicator, the table and the categories that pick its values.

.. code-block:: yaml

    municipality: {code: "3203", name: Asker}     # or code: ["3203", "0220"]: new and old number
    benchmarks: [EKG13, EAK]                      # regions shown beside its results ({kolada: "0184"}: Kolada's)
    ...
        - id: X.1
          ssb: {table: "12134", select: {ContentsCode: KOSAG110000}}

:func:`parse_mapping` reads these keys from the composed YAML node of the
whole file (``yaml.compose``), so it works beside any definitions loader. An
indicator is any mapping with an ``id`` and an ``ssb`` key, wherever it is.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from ..errors import Collector, DefinitionError
from ..inert import excerpt
from ..model import Location
from ..records import dataclass
from .kolada_fields import KoladaSource, read_benchmarks, read_municipality, read_source
from .yaml_nodes import CONTROL_CHARACTER

_MUNICIPALITY_KEYS = ("code", "name", "kolada")
_SOURCE_KEYS = ("table", "select")


@dataclass(frozen=True, slots=True)
class SsbSource:
    """Where one indicator's values are in SSB: a table and a category of every other dimension."""

    indicator: str
    table: str
    select: tuple[tuple[str, str], ...] = ()  # (dimension id or label, category code or label)
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class SsbMapping:
    """The municipality (its numbers, newest first), the benchmark regions and each indicator's source."""

    municipality: tuple[str, ...] = ()
    name: str | None = None
    benchmarks: tuple[str, ...] = ()
    sources: tuple[SsbSource, ...] = ()
    kolada_municipality: tuple[str, ...] = ()  # its Kolada id(s): municipality: {kolada: "0180"}
    kolada: tuple[KoladaSource, ...] = ()  # the indicators' kolada: {kpi: N00945, gender: T}
    kolada_benchmarks: tuple[str, ...] = ()  # benchmarks: [{kolada: "0184"}]: Kolada's ids

    def source(self, indicator: str) -> SsbSource | None:
        return next((source for source in self.sources if source.indicator == indicator), None)


def parse_mapping(root: yaml.Node, path: str) -> SsbMapping:
    """The SSB keys of a definitions file; raises KpiErrors with every problem, each at its line."""
    problems = Collector()
    reader = _Reader(path, problems)
    fields = dict(reader.pairs(root)) if isinstance(root, yaml.MappingNode) else {}
    codes: tuple[str, ...] = ()
    kolada: tuple[str, ...] = ()
    name = None
    if "municipality" in fields:
        codes, name, kolada = reader.municipality(fields["municipality"])
    benchmarks, kolada_benchmarks = (
        read_benchmarks(reader, fields["benchmarks"]) if "benchmarks" in fields else ((), ())
    )
    sources: list[SsbSource] = []
    koladas: list[KoladaSource] = []
    for key, node, indicator in _indicators(root):
        if key == "ssb":
            sources.append(reader.source(node, indicator))
        else:
            koladas.append(read_source(reader, node, indicator))
    problems.raise_if_any()
    return SsbMapping(codes, name, benchmarks, tuple(sources), kolada, tuple(koladas), kolada_benchmarks)


def load_mapping(path: str) -> SsbMapping:
    """The SSB keys of the definitions file at ``path`` (which the definitions loader has checked)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            root = yaml.compose(handle, Loader=yaml.SafeLoader)
    except OSError:  # a scorecard built from text has no file: it names no SSB source
        return SsbMapping()
    return parse_mapping(root, path) if root is not None else SsbMapping()


def _indicators(root: yaml.Node) -> Iterator[tuple[str, yaml.Node, str]]:
    """('ssb' or 'kolada', its node, the indicator id) of every mapping that has an id and the
    key, depth first; each node once, so an alias that refers to itself (``&a [*a]``) ends."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            fields = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
            if isinstance(fields.get("id"), yaml.ScalarNode):
                for key in ("ssb", "kolada"):
                    if key in fields:
                        yield key, fields[key], str(fields["id"].value)
            stack.extend(reversed([value for _, value in node.value]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


class _Reader:
    def __init__(self, path: str, problems: Collector) -> None:
        self.path = path
        self.problems = problems

    def error(self, node: yaml.Node, message: str, code: str = "wrong-type") -> None:
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        self.problems.add(DefinitionError(message, code=code, path=self.path, line=line, column=column))

    def pairs(self, node: yaml.MappingNode) -> Iterator[tuple[str, yaml.Node]]:
        for key, value in node.value:
            yield str(key.value) if isinstance(key, yaml.ScalarNode) else "", value

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            code = "empty-value" if isinstance(node, yaml.ScalarNode) else "wrong-type"
            self.error(node, f"{what} must be a text such as 3203", code)
            return ""
        text = str(node.value).strip()
        if CONTROL_CHARACTER.search(text):
            message = f"{what} {excerpt(text)} holds a control character or line break, which no query may carry"
            self.error(node, message, "control-character")
            return ""
        return text

    def codes(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """One code or a list of them."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        found = tuple(self.scalar(item, what) for item in items)
        if not found:
            self.error(node, f"{what} must name at least one region", "empty-value")
        return tuple(code for code in found if code)

    def municipality(self, node: yaml.Node) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
        """Its SSB numbers, its name and its Kolada ids."""
        if not isinstance(node, yaml.MappingNode):
            return self.codes(node, "municipality"), None, ()
        fields = dict(self.pairs(node))
        for key in fields:
            if key not in _MUNICIPALITY_KEYS:
                self.error(node, f"municipality: unknown key {key!r}; allowed: code, name, kolada", "unknown-key")
        kolada = read_municipality(self, fields["kolada"]) if "kolada" in fields else ()
        name = self.scalar(fields["name"], "municipality: name") if "name" in fields else None
        if "code" not in fields:
            if "kolada" not in fields:
                self.error(node, "municipality: missing required key 'code' (or 'kolada')", "missing-key")
            return (), name, kolada
        return self.codes(fields["code"], "municipality: code"), name, kolada

    def source(self, node: yaml.Node, indicator: str) -> SsbSource:
        label = f"indicator {indicator}: ssb"
        where = Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f'{label} must be a mapping: {{table: "12134", select: {{ContentsCode: ...}}}}')
            return SsbSource(indicator, "", (), where)
        fields = dict(self.pairs(node))
        for key in fields:
            if key not in _SOURCE_KEYS:
                self.error(node, f"{label}: unknown key {key!r}; allowed: table, select", "unknown-key")
        if "table" not in fields:
            message = f"{label}: missing required key 'table' (the table number, such as \"12134\")"
            self.error(node, message, "missing-key")
        table = self.scalar(fields["table"], f"{label}: table") if "table" in fields else ""
        select: list[tuple[str, str]] = []
        chosen = fields.get("select")
        if isinstance(chosen, yaml.MappingNode):
            select = [(key, self.scalar(value, f"{label}: select: {key}")) for key, value in self.pairs(chosen)]
        elif chosen is not None:
            self.error(chosen, f"{label}: select must be a mapping of dimension: category")
        return SsbSource(indicator, table, tuple(select), where)
