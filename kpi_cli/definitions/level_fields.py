"""``levels:`` of the definitions file: the scorecard's own levels, best first.

Two or three levels, each an ``id`` (what every output and ``--fail-on`` say) and a
``label`` per language. They take the rated positions in order: the best is
desired, the worst not approved, a middle one accepted (``model.positions``), so
rating, roll-ups, colours and symbols keep one order. See docs/explanation/levels-and-targets.md.
"""

from __future__ import annotations

import yaml

from ..model import DEFAULT_LEVELS, Level, Scorecard, Status, positions
from .yaml_nodes import MAPPING, SCALAR, Nodes

LANGUAGES = ("nb", "nn", "en", "sv")
RESERVED = {status.value for status in Status if not status.is_rated} | {"never"}


def read_levels(nodes: Nodes, node: yaml.Node, language: str) -> tuple[Level, ...]:
    """The levels as written; the default ones after reporting a problem."""
    items = nodes.sequence(node, "levels")
    if not 2 <= len(items) <= 3:
        message = f"levels: give 2 or 3 levels, best first, not {len(items)}"
        if len(items) > 3:
            message += ": the order of colours (best green, middle yellow, worst red) has room for three"
        nodes.error(node, "invalid-levels", message)
        return DEFAULT_LEVELS
    found: list[Level] = []
    for item, status in zip(items, positions(len(items)), strict=True):
        fields = nodes.mapping(item, "level", ("id", "label"), ("id", "label"))
        if not fields or "id" not in fields or "label" not in fields:
            continue
        level_id = nodes.text(fields["id"].value, "level id")
        labels = _labels(nodes, fields["label"].value, language, level_id)
        if level_id is None or labels is None:
            continue
        if level_id in RESERVED or level_id in {level.id for level in found}:
            why = "is used twice" if level_id not in RESERVED else "is a word the tool uses for results without a level"
            nodes.error(fields["id"].value, "invalid-levels", f"levels: id {level_id!r} {why}")
            continue
        found.append(Level(level_id, status, labels))
    return tuple(found) if len(found) == len(items) else DEFAULT_LEVELS


def _labels(nodes: Nodes, node: yaml.Node, language: str, level_id: str | None) -> tuple[tuple[str, str], ...] | None:
    """``label: Nådd`` (the scorecard's language) or ``label: {nb: Nådd, en: Met}``."""
    what = f"level {level_id}: label" if level_id else "level label"
    if isinstance(node, SCALAR):
        text = nodes.text(node, what)
        return ((language, text),) if text is not None else None
    fields = nodes.mapping(node, what, LANGUAGES)
    if fields is None:
        return None
    labels = [(lang, text) for lang, field in fields.items() if (text := nodes.text(field.value, f"{what} {lang}"))]
    if language not in fields and isinstance(node, MAPPING):
        nodes.error(node, "invalid-levels", f"{what}: give a label in the scorecard's language ({language})")
        return None
    return tuple(labels)


def check_middle(nodes: Nodes, scorecard: Scorecard) -> None:
    """A middle band (``accepted:`` or a tolerance) on a two-level scorecard has no level to give."""
    if len(scorecard.levels) != 2:
        return
    for indicator in scorecard.indicators():
        for version in indicator.versions or ():
            if version.location and any(band.status is Status.ACCEPTED for band in version.bands):
                nodes.error_at(version.location, "invalid-levels", _middle(indicator.id, scorecard))
        if not indicator.versions and indicator.location and indicator.band(Status.ACCEPTED):
            nodes.error_at(indicator.location, "invalid-levels", _middle(indicator.id, scorecard))


def _middle(indicator_id: str, scorecard: Scorecard) -> str:
    ids = " and ".join(level.id for level in scorecard.levels)
    return (
        f"indicator {indicator_id}: a middle level (an accepted band or a tolerance) needs three levels; "
        f"this scorecard has two ({ids})"
    )
