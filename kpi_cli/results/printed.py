"""What a published table prints besides its results: the id at the start of the indicator
cell, and the bands. Pure.

A table copied from the action programme has cells like ``L.1.1.Opplevelse av at ...`` and
``Ø.1.1. Netto driftsresultat.`` where a results file has an id, and its own band columns
(``Ønsket resultat`` ...). The id is the longest known id the cell starts with; the bands
are compared with the definitions, which rule (docs/how-to/results-files.md).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from ..bands.notation import BandSyntaxError, Relative, normalise, parse_band_text
from ..bands.order import left_to_right
from ..codes import Severity
from ..errors import Problem
from ..model import Direction, Indicator, Interval, Scorecard
from ..report import ResultRow

# What may follow the id in a cell: a name after a space (``L.1.1 Opplevelse``, ``Ø.1.1. Netto``),
# a name glued on after the dot (``L.1.1.Opplevelse``), or a closing dot. Never a digit or letter
# directly (``L.1.10``, ``L.1.1a`` are other ids).
_AFTER_ID = re.compile(r"\.?(?:\s+\S|$)|\.[^\W\d_]")


def id_from_cell(cell: str, ids: Collection[str]) -> str | None:
    """The longest of ``ids`` that ``cell`` starts with, followed by a name; None when there is none."""
    found = None
    for ident in ids:
        if (
            len(ident) < len(cell)
            and cell.startswith(ident)
            and _AFTER_ID.match(cell, len(ident))
            and (found is None or len(ident) > len(found))
        ):
            found = ident
    return found


def leading_id(cell: str) -> str:
    """What looks like the id at the start of a cell, for a 'did you mean' hint: the dotted parts
    of its first word up to a word glued on (``L.9.1.Opplevelse`` -> ``L.9.1``, ``Ø.9.1.`` -> ``Ø.9.1``)."""
    words = cell.split()
    first = words[0] if words else cell
    head, *rest = first.split(".")
    parts = [head]
    for part in rest:
        if not part or (part[:3].isalpha() and any(char.islower() for char in part)):  # a word glued on
            break
        parts.append(part)
    return ".".join(parts)


def band_differences(scorecard: Scorecard, rows: Iterable[ResultRow]) -> list[Problem]:
    """A warning at the first row of each indicator whose printed bands differ from those in force."""
    known = scorecard.lookup()
    warned: set[str] = set()
    problems = []
    for row in rows:
        indicator = known.get(row.indicator)
        if not row.bands or indicator is None or indicator.id in warned:
            continue
        in_force = indicator.in_force(row.year, row.org_unit)
        differences = [_difference(in_force, status.value, text) for status, text in row.bands]
        said = [difference for difference in differences if difference]
        if said:
            warned.add(indicator.id)
            where = row.location
            problems.append(
                Problem(
                    f"{indicator.id}: the results file prints {'; '.join(said)}; the definitions rule",
                    "bands-differ",
                    Severity.WARNING,
                    where.path if where else None,
                    where.line if where else None,
                    indicator=indicator.id,
                )
            )
    return problems


def _difference(indicator: Indicator, status: str, printed: str) -> str | None:
    band = next((band for band in indicator.bands if band.status.value == status), None)
    if band is None:
        return f"{status} {printed!r} where the definitions have no {status} band"
    if _same(printed, band.text, indicator.direction):
        return None
    return f"{status} {printed!r} where the definitions say {normalise(band.text)!r}"


def _same(printed: str, defined: str, direction: Direction | None) -> bool:
    """The same text, or texts that read as the same intervals (``4,5 - 6`` and ``4,5–6``)."""
    if normalise(printed) == normalise(defined):
        return True
    read = _intervals(printed, direction), _intervals(defined, direction)
    return read[0] is not None and read[0] == read[1]


def _intervals(text: str, direction: Direction | None) -> list[Interval] | None:
    try:
        pieces = parse_band_text(text)
    except BandSyntaxError:
        return None
    intervals = []
    for piece in pieces:
        if isinstance(piece, Relative):
            if direction is None:
                return None
            piece = piece.resolve(direction)
        intervals.append(piece)
    return sorted(intervals, key=left_to_right)
