"""The definitions file read and composed safely: PyYAML's safe loader, within limits.

Only nodes are composed (nothing is constructed, no tag runs code), and three things a
hostile file could do are bounded, each a located error: its size, its nesting (PyYAML's
composer recurses), and what its aliases expand to: a few KB of ``&a [*b, *b, ...]``
fanned out over goals and indicators otherwise costs minutes and gigabytes to walk.

When PyYAML has libyaml, the composer reads libyaml's events (its C scanner and parser take a
tenth of the pure-Python ones' time, which was a sixth of a small run's). The texts libyaml reads
otherwise (``_pure_only``), and any file libyaml or the limits refuse, are composed by the
pure-Python loader, so the nodes and every error are PyYAML's, at the same places, with libyaml
or without (tests/properties/test_yaml_parsers.py).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import DefinitionError
from ..limits import MAX_DEFINITIONS_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES, size


def read_text(path: str) -> str:
    """The file's text (UTF-8, a BOM allowed); a located error when it is not that."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DEFINITIONS_BYTES + 1)
    except FileNotFoundError:
        raise DefinitionError(
            "definitions file not found (give --indicators PATH or set KPI_INDICATORS)", path=path
        ) from None
    except OSError as exc:
        raise DefinitionError(f"cannot read definitions file: {exc.strerror}", path=path) from None
    if len(data) > MAX_DEFINITIONS_BYTES:
        message = f"definitions file larger than {size(MAX_DEFINITIONS_BYTES)}"
        raise DefinitionError(message, code="over-limit", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        raise DefinitionError(
            f"definitions file is not UTF-8 text ({exc.reason}: byte 0x{byte}; save it as UTF-8)",
            path=path,
            line=line,
            column=column,
        ) from None


class _Limits(yaml.composer.Composer):
    """PyYAML's composer, counting depth and remembering where aliases are."""

    def limits(self, path: str) -> None:
        self.path = path
        self.depth = 0
        self.aliases: list[tuple[int, int]] = []  # (line, column) of each, 1-based

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # the parser's, PyYAML's or libyaml's
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) and mark is not None:
            self.aliases.append((mark.line + 1, mark.column + 1))
            return super().compose_node(parent, index)
        if self.depth >= MAX_YAML_DEPTH:
            raise DefinitionError(
                f"invalid YAML: nested deeper than {MAX_YAML_DEPTH} levels",
                code="over-limit",
                path=self.path,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Composer(_Limits, yaml.SafeLoader):
    """The composer over PyYAML's own reader, scanner and parser (pure Python)."""

    def __init__(self, text: str, path: str) -> None:
        yaml.SafeLoader.__init__(self, text)
        self.limits(path)


try:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # not in the stubs' __all__
except ImportError:  # PyYAML built without libyaml
    _FAST: type[_Limits] | None = None
else:

    class _FastComposer(_Limits, CParser, yaml.resolver.Resolver):
        """The composer over libyaml's events."""

        def __init__(self, text: str, path: str) -> None:
            CParser.__init__(self, text)
            _Limits.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.limits(path)

        def compose_scalar_node(self, anchor: dict[Any, yaml.Node]) -> yaml.ScalarNode:
            event = self.peek_event()
            if isinstance(event, yaml.ScalarEvent) and not event.value and not event.style:  # plain: style ''
                raise _Unsure
            return super().compose_scalar_node(anchor)

    _FAST = _FastComposer


def compose(text: str, path: str) -> yaml.Node | None:
    """The document's node tree (None when empty); aliases may share nodes but not expand it
    beyond :data:`MAX_YAML_NODES` more nodes than it has."""
    if _FAST is not None and not _pure_only(text):
        try:
            return _composed(_FAST, text, path)
        except (yaml.YAMLError, DefinitionError, _Unsure):
            pass  # composed again below: the pure-Python loader says what is wrong and where, in its words
    try:
        return _composed(_Composer, text, path)  # checks every character first
    except yaml.MarkedYAMLError as exc:
        slip = unquoted_value(text, exc)
        if slip is not None:
            line, column, shown = slip
            message = f"invalid YAML: quote the value: {shown}"
            said = (("shown", shown),)
            raise DefinitionError(
                message, code="yaml-syntax", path=path, line=line, column=column, key="yaml.unquoted", values=said
            ) from None
        mark = exc.problem_mark or exc.context_mark
        plain, key = plain_yaml_problem(exc)
        raise DefinitionError(
            f"invalid YAML: {plain}",
            code="yaml-syntax",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            key=key,
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise DefinitionError(
            f"invalid YAML: character U+{code:04X} is not allowed ({exc.reason})",
            code="yaml-syntax",
            path=path,
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        raise DefinitionError(f"invalid YAML: {exc}", code="yaml-syntax", path=path) from None


def _pure_only(text: str) -> bool:
    """Text only the pure-Python loader composes, because libyaml reads it otherwise (found by
    comparing the two, tests/properties/test_yaml_parsers.py): what PyYAML's reader refuses; a
    tab, ``!`` (a tag), ``?`` (in a ``{ }``) and a comment glued to a block scalar's ``>`` or ``|``,
    which libyaml takes where PyYAML refuses them; and a last line without a line break, where
    libyaml puts an empty value a line further down than PyYAML does."""
    return (
        not text.endswith("\n")
        or _PURE_ONLY.search(text) is not None
        or yaml.reader.Reader.NON_PRINTABLE.search(text) is not None
    )


_PURE_ONLY = re.compile(r"[\t!?]|[>|][-+0-9]*#")


class _Unsure(Exception):
    """An empty value: libyaml places one in a ``{ }`` elsewhere than PyYAML (at the next sign, not
    after the ``:``), so a file with an empty value is composed by the pure-Python loader."""


def _composed(composer: type[_Limits], text: str, path: str) -> yaml.Node | None:
    loader = composer(text, path)  # type: ignore[call-arg]
    try:
        root: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()  # type: ignore[attr-defined]
    if root is not None and loader.aliases:
        _check_expansion(root, loader.aliases[0], path)
    return root


# PyYAML's words for the usual slips, and what to say instead: (words in its message, plain line).
_LIKELY = (  # (PyYAML's words, the plain line, its key in the catalogue: "problem.yaml.KEY")
    ("'\\t'", "a tab character: YAML indents with spaces only; use spaces", "tab"),
    (
        "expected <block end>",
        "the indentation does not match the lines above; indent by the same number of spaces",
        "indent",
    ),
    (
        "mapping values are not allowed here",
        "a ':' where none can be; check the indentation, or quote the text",
        "colon",
    ),
    (
        "did not find expected key",
        "the indentation does not match the lines above; indent by the same number of spaces",
        "indent",
    ),
    ("could not find expected ':'", "a key without ':'; write 'key: value'", "no-colon"),
    ("while scanning a quoted scalar", "a quote is not closed", "quote"),
    ("expected ',' or ']'", "a list in [ ] is not closed with ']'", "list"),
    ("expected ',' or '}'", "a mapping in { } is not closed with '}'", "mapping"),
)


def plain_yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[str, str]:
    """A YAML syntax error as one plain line with the likely fix ('use spaces'), else PyYAML's
    words; and the line's key in the catalogue ("" for PyYAML's words, said as they are)."""
    raw = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
    return next(((plain, f"yaml.{key}") for words, plain, key in _LIKELY if words in raw), (raw, ""))


# A value that starts with a character YAML reserves (a block scalar, directive, alias, anchor,
# tag, or one reserved for later): ``target: > 85 %`` is a band, not a folded block.
_RESERVED_START = re.compile(
    r"^(?P<lead>\s*(?:-\s+)*)(?:(?P<key>[^\s#'\"{\[\-][^#:]*?):\s+)?(?P<value>[>%*&!|@`][^#]*?)\s*(?:\s#.*)?$"
)


# The same in a flow mapping or list: ``{from: 2016, target: > 85 %}``.
_IN_FLOW = re.compile(r"\s*(?:(?P<key>[^\s#'\"{\[,][^#:,]*?):\s+)?(?P<value>[>%*&!|@`][^,}\]#]*)")


def unquoted_value(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """(line, column, the line with its value quoted) when PyYAML fails inside a value that starts
    with a character YAML reserves (``target: > 85 %``); None for any other slip."""
    lines = text.splitlines()
    for mark in (exc.context_mark, exc.problem_mark):
        if mark is None or mark.line >= len(lines):
            continue
        line = lines[mark.line]
        match = _RESERVED_START.match(line) or _IN_FLOW.match(line, _flow_start(line, mark.column))
        if match is None or match.start("value") > mark.column:
            continue
        key, value = match.group("key"), match.group("value").strip()
        quoted = f'"{value}"' if '"' not in value and "\\" not in value else "'" + value.replace("'", "''") + "'"
        return mark.line + 1, match.start("value") + 1, f"{key}: {quoted}" if key else f"- {quoted}"
    return None


def _flow_start(line: str, column: int) -> int:
    """Where the entry of a ``{ }`` or ``[ ]`` that holds ``column`` starts (after its ``,``, ``{`` or ``[``)."""
    return max(line.rfind(sign, 0, column + 1) for sign in ",{[") + 1


def _check_expansion(root: yaml.Node, first_alias: tuple[int, int], path: str) -> None:
    distinct: set[int] = set()
    expanded = _expanded_size(root, {}, set(), distinct)
    if expanded is None or expanded - len(distinct) > MAX_YAML_NODES:
        what = (
            "an alias refers to a node that contains it"
            if expanded is None
            else f"aliases expand the definitions by more than {MAX_YAML_NODES} nodes"
        )
        raise DefinitionError(
            f"{what}: write the repeated parts out (the first alias is here)",
            code="yaml-aliases",
            path=path,
            line=first_alias[0],
            column=first_alias[1],
        )


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_: set[int], distinct: set[int]) -> int | None:
    """How many nodes the tree under ``node`` has with every alias written out; None for a cycle.
    Each distinct node is sized once, so this costs what the file's own nodes cost."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        return None
    distinct.add(key)
    if isinstance(node, yaml.ScalarNode):
        sizes[key] = 1
        return 1
    open_.add(key)
    children = [item for pair in node.value for item in pair] if isinstance(node, yaml.MappingNode) else node.value
    total = 1
    for child in children:
        inner = _expanded_size(child, sizes, open_, distinct)
        if inner is None:
            return None
        total += inner
        if total > 10 * MAX_YAML_NODES + len(distinct):  # no need to count further
            break
    open_.discard(key)
    sizes[key] = total
    return total
