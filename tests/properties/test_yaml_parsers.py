"""kpi_cli.definitions.safe_yaml composes with libyaml's parser when PyYAML has it (start-up), and
must give what the pure-Python loader gives: the same nodes (tag, value, where each starts: all
that the definitions' readers use) or the same located error, for any text. libyaml reads some
texts otherwise (a tab after a value, ``?`` in ``{ }``, a tag, an empty value in ``{ }``, a last
line without a line break): those go to the pure-Python loader, and every such case found by
comparing the two is in ``DIVERGED`` below."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import REPO_ROOT, SEED_INDICATORS
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_cli.definitions import safe_yaml
from kpi_cli.errors import KpiError

pytestmark = pytest.mark.skipif(safe_yaml._FAST is None, reason="PyYAML without libyaml: one parser only")

DEFINITIONS = sorted(
    path.read_text(encoding="utf-8")
    for path in REPO_ROOT.glob("**/*.yaml")
    if ".git" not in path.parts and "indicators" in path.name
)

# Texts libyaml reads otherwise than PyYAML, each found by comparing the two: what libyaml makes
# of it, against PyYAML's.
DIVERGED = {
    "tab after a value": "name: x\t}\n",  # libyaml: a value 'x\t}'; PyYAML: a tab cannot start a token
    "? in a flow mapping": "label: {nb: Hvorfor?, en: Why}\n",  # libyaml: 'Hvorfor?'; PyYAML: an error
    "comment glued to >": "target: >#\n  x\n",  # libyaml: a folded block; PyYAML: an error
    "tag": "name: !x!!str value\n",  # libyaml: tag '!x!!str'; PyYAML: an error
    "empty value in { }": "kolada: {kpi: N07403, gender: }\n",  # libyaml: the value at the '}', column 32
    "empty value in [ ]": "tags: [a: ]\n",
    "no line break at the end": "scorecard: x\nname:",  # libyaml: the empty value at 3:1; PyYAML: 2:6
}

YAML_SIGNS = [
    *" \n-:?#&*!|>+2'\"%@`{}[],ab1\t\\\r\x85\u2028\u2029é.0~",
    *("key: ", "- ", "  ", "\n  ", "&a ", "*a", "!!str ", "--- ", "...\n", "? ", "|\n  ", ">-\n  "),
    *("'x'", '"\\x41"', "{a: 1}", "[1, 2]", "# c\n", "{a: }", "[b: ]"),
]


def shape(node: yaml.Node | None) -> Any:
    """What the readers use of a node tree: kinds, tags, values and where each node starts."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, where)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, where, [shape(item) for item in node.value])
    return ("mapping", node.tag, where, [(shape(key), shape(value)) for key, value in node.value])


def composed(text: str) -> Any:
    try:
        return shape(safe_yaml.compose(text, "d.yaml"))
    except KpiError as error:
        return error.format()


def pure(text: str) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(safe_yaml, "_FAST", None)
        return composed(text)


def libyaml_alone(text: str) -> Any:
    try:
        return shape(safe_yaml._composed(safe_yaml._FAST, text, "d.yaml"))  # type: ignore[arg-type]
    except (yaml.YAMLError, KpiError, safe_yaml._Unsure) as error:
        return type(error).__name__


@pytest.mark.parametrize("text", DIVERGED.values(), ids=DIVERGED.keys())
def test_a_text_libyaml_reads_otherwise_ends_as_with_pure_python(text: str) -> None:
    assert safe_yaml._pure_only(text) or libyaml_alone(text) == "_Unsure"
    assert composed(text) == pure(text)


@pytest.mark.parametrize("text", DIVERGED.values(), ids=DIVERGED.keys())
def test_the_divergences_are_real(text: str) -> None:
    """Each text of DIVERGED is read otherwise by libyaml alone, so none of the rules is needless."""
    assert libyaml_alone(text) != pure(text)


def test_the_seed_definitions_are_composed_by_libyaml() -> None:
    text = SEED_INDICATORS.read_text(encoding="utf-8")
    assert not safe_yaml._pure_only(text)
    assert libyaml_alone(text) == composed(text) == pure(text)


@pytest.mark.parametrize("text", DEFINITIONS, ids=range(len(DEFINITIONS)))
def test_every_definitions_file_of_the_repository_composes_the_same(text: str) -> None:
    assert composed(text) == pure(text)


def mutations(draw: st.DrawFn, text: str) -> Iterator[str]:
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "copy"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(YAML_SIGNS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
        else:
            start = draw(st.integers(0, len(text)))
            text = text[:at] + text[start : start + draw(st.integers(1, 20))] + text[at:]
        yield text


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Short texts of YAML's signs, or a definitions file of the repository with a few slips."""
    if draw(st.booleans()):
        text = "".join(draw(st.lists(st.sampled_from(YAML_SIGNS), max_size=40)))
    else:
        text = list(mutations(draw, draw(st.sampled_from(DEFINITIONS))))[-1]
    return text + ("\n" if draw(st.booleans()) else "")


@settings(max_examples=400)
@given(yaml_texts())
def test_libyaml_and_pure_python_compose_every_text_alike(text: str) -> None:
    assert composed(text) == pure(text)
