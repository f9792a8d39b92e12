"""A target as written: text, or ``{text, by, baseline}``; deadline phrases read into the same.

``35 500 innen 2022`` and ``target: {text: "35 500", by: 2022}`` are one deadline target;
``35 500 personer vid mandatperiodens slut`` takes its year from the file's ``term_ends:``.
``target_fields.path_bands`` gives the bands a result is rated by before the deadline. See
docs/explanation/deadline-targets.md.
"""

from __future__ import annotations

from decimal import Decimal

import yaml

from ..bands.notation import normalise
from ..bands.words import deadline
from ..model import Interval
from ..records import dataclass
from .yaml_nodes import MAPPING, Nodes

# How a structured deadline is shown after the target, in the file's language.
BY_WORDS = {"nb": "innen", "nn": "innan", "sv": "senast", "en": "by"}


@dataclass(frozen=True)
class Written:
    """A target as written: the text the notation reads, the text shown (deadline and all),
    and the deadline and baseline when it has them."""

    text: str
    shown: str
    by: int | None = None
    baseline: tuple[int, Decimal] | None = None


def read_written(nodes: Nodes, node: yaml.Node, label: str) -> Written | None:
    """``target:`` as text or as ``{text, by, baseline}``; None after reporting a problem."""
    what = f"{label}: target"
    by: int | None = None
    baseline = None
    if isinstance(node, MAPPING):
        fields = nodes.mapping(node, what, ("text", "by", "baseline"), ("text",))
        if fields is None or "text" not in fields:
            return None
        text = nodes.text(fields["text"].value, f"{what} text")
        by = nodes.year(fields["by"].value, f"{what} by") if "by" in fields else None
        baseline = _baseline(nodes, fields["baseline"].value, what) if "baseline" in fields else None
        if "baseline" in fields and "by" not in fields:
            nodes.error(fields["baseline"].key, "invalid-target", f"{what}: a baseline needs a deadline (by: YEAR)")
    else:
        text = nodes.text(node, what)
    if text is None:
        return None
    found = deadline(text)
    if found is None:
        shown = normalise(text) if by is None else f"{normalise(text)} {BY_WORDS.get(nodes.language, 'by')} {by}"
        return Written(normalise(text), shown, by, baseline)
    year = by or found.year or nodes.term_ends
    if year is None:
        message = (
            f"{what}: {found.words!r} needs the year the term ends: give term_ends: YEAR in the file, "
            "or write the target as {text: ..., by: YEAR}"
        )
        nodes.error(node, "invalid-target", message)
        return None
    shown = normalise(text) if found.year is not None else f"{normalise(text)}, {year}"
    return Written(found.text, shown, year, baseline)


def _baseline(nodes: Nodes, node: yaml.Node, what: str) -> tuple[int, Decimal] | None:
    """``baseline: {year: 2018, value: 33 000}``: where the path to the target starts."""
    fields = nodes.mapping(node, f"{what} baseline", ("year", "value"), ("year", "value"))
    if fields is None or "year" not in fields or "value" not in fields:
        return None
    year = nodes.year(fields["year"].value, f"{what} baseline year")
    value = nodes.number(fields["value"].value, f"{what} baseline value")
    return (year, value) if year is not None and value is not None else None


def one_sided(interval: Interval) -> bool:
    """Whether a deadline can move the target: at least or at most one value."""
    return (interval.low is None) != (interval.high is None)
