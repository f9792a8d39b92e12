"""``rate: verdict`` and ``verdicts:``: a published verdict word as the result (issue 21, point 4).

Health trusts and many municipalities publish the verdict itself (``Oppnådd``, ``Delvis
oppnådd``, ``innenfor kravet``, grønn/gul/rød). The built-in vocabulary maps the words of nb, nn,
sv and en onto the scorecard's rated positions (best, middle, worst); ``verdicts: {LEVEL:
[words]}`` in the file or on an indicator adds words for a level of the scorecard. The merged
table is kept on the indicator (``model.Verdicts``), so rating is a look-up.
"""

from __future__ import annotations

import yaml

from ..model import Level, Status, Verdicts
from .yaml_nodes import SCALAR, Nodes

_BEST, _MIDDLE, _WORST = Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED

VOCABULARY: dict[str, dict[Status, tuple[str, ...]]] = {
    "nb": {
        _BEST: ("oppnådd", "nådd", "innenfor", "innenfor kravet", "grønn", "målet er nådd", "målet er oppnådd"),
        _MIDDLE: ("delvis oppnådd", "delvis nådd", "gul"),
        _WORST: ("ikke oppnådd", "ikke nådd", "utenfor", "utenfor kravet", "rød", "målet er ikke nådd"),
    },
    "nn": {
        _BEST: ("oppnådd", "nådd", "innanfor", "innanfor kravet", "grøn", "målet er nådd"),
        _MIDDLE: ("delvis oppnådd", "delvis nådd", "gul"),
        _WORST: ("ikkje oppnådd", "ikkje nådd", "utanfor", "utanfor kravet", "raud", "målet er ikkje nådd"),
    },
    "sv": {
        _BEST: ("uppnått", "uppnådd", "uppfyllt", "nått", "inom", "inom kravet", "grön", "målet är uppnått"),
        _MIDDLE: ("delvis uppnått", "delvis uppnådd", "delvis uppfyllt", "gul"),
        _WORST: ("ej uppnått", "inte uppnått", "ej uppnådd", "inte uppnådd", "ej uppfyllt", "inte uppfyllt"),
    },
    "en": {
        _BEST: ("achieved", "met", "reached", "within", "within the requirement", "green", "on track"),
        _MIDDLE: ("partly achieved", "partially achieved", "partly met", "partially met", "amber", "yellow"),
        _WORST: ("not achieved", "not met", "not reached", "outside", "outside the requirement", "red", "off track"),
    },
}
_MORE_WORST = {"sv": ("ej nått", "inte nått", "utanför", "utanför kravet", "röd", "målet är inte uppnått")}


def word_key(text: str) -> str:
    """A verdict word as compared: lower case, one space between words, no final full stop."""
    return " ".join(text.split()).lower().rstrip(".!")


def read_verdict_words(
    nodes: Nodes, node: yaml.Node, what: str, levels: tuple[Level, ...]
) -> tuple[tuple[str, Status], ...]:
    """``verdicts: {LEVEL: [words]}``: each word and the rated position of the scorecard's level it names."""
    fields = nodes.mapping(node, what, None) or {}
    by_id = {level.id: level.status for level in levels}
    found = []
    for level_id, field in fields.items():
        if level_id not in by_id:
            known = ", ".join(by_id)
            nodes.error(field.key, "invalid-levels", f"{what}: {level_id!r} is not a level of the scorecard ({known})")
            continue
        items = [field.value] if isinstance(field.value, SCALAR) else nodes.sequence(field.value, f"{what} {level_id}")
        for item in items:
            word = nodes.text(item, f"{what} {level_id}")
            if word:
                found.append((word_key(word), by_id[level_id]))
    return tuple(found)


def verdicts(language: str, levels: tuple[Level, ...], own: tuple[tuple[str, Status], ...]) -> Verdicts:
    """The words a verdict indicator accepts: its own and the file's (``own``, first: they win), then
    the built-in vocabulary on the positions the scorecard's levels use (no middle on two levels)."""
    used = {level.status for level in levels}
    first = [language, *(lang for lang in VOCABULARY if lang != language)]
    built_in = [
        (word, status)
        for lang in first
        for status, words in VOCABULARY[lang].items()
        for word in (*words, *(_MORE_WORST.get(lang, ()) if status is _WORST else ()))
        if status in used
    ]
    table: dict[str, Status] = {}
    for word, status in (*own, *built_in):
        table.setdefault(word, status)
    shown = [word for word, _ in own] + [word for word, status in built_in[: _count(language, used)]]
    return Verdicts(tuple(table.items()), tuple(dict.fromkeys(shown)))


def _count(language: str, used: set[Status]) -> int:
    """How many of the built-in words are the file language's (listed first)."""
    words = VOCABULARY.get(language, VOCABULARY["nb"])
    extra = len(_MORE_WORST.get(language, ())) if _WORST in used else 0
    return sum(len(found) for status, found in words.items() if status in used) + extra
