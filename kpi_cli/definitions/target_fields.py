"""``target:`` and ``tolerance:`` of an indicator -> band versions.

Most municipalities print one target per indicator, not three bands. A target is
read with the band notation and turned into bands here, so rating never knows the
difference: inside the target is the best level, outside it the worst, and with a
``tolerance:`` a value that misses by no more than the tolerance gets the middle
level. A bare value (``3,0 %``) needs ``direction: higher`` (at least) or ``lower``
(at most). ``target:`` may also be a list of ``{from: YEAR, target: TEXT}``, one
target per plan year, like band versions; ``{from: 2016, target: null}`` ends a target (no
target from 2016). See docs/explanation/levels-and-targets.md.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import yaml

from ..bands.notation import (
    BandSyntaxError,
    Piece,
    ProseBand,
    Relative,
    format_interval,
    normalise,
    parse_band_text,
)
from ..bands.notation import (
    shown as quoted,
)
from ..bands.order import left_to_right, settle
from ..bands.printed_text import Wording
from ..bands.words import unread_words
from ..model import Band, BandVersion, Deadline, Direction, Interval, Status
from ..number_format import parse_number
from ..records import dataclass
from .deadline_fields import one_sided, read_written
from .yaml_nodes import MAPPING, SCALAR, SEQUENCE, Field, Nodes, is_null

TARGET_KEYS = ("from", "target", "tolerance")


@dataclass(frozen=True)
class Tolerance:
    """How far a value may miss the target and still get the middle level: an amount in the
    indicator's unit, or a share of the target (``10 %``: a tenth of the target's edge)."""

    amount: Decimal
    share: bool = False

    def at(self, edge: Decimal) -> Decimal:
        return abs(edge) * self.amount / 100 if self.share else self.amount


def target_versions(
    nodes: Nodes,
    field: Field,
    label: str,
    direction: Direction | None,
    scale: Interval | None,
    tolerance: Tolerance | None,
) -> list[BandVersion]:
    """``target:`` as one text, or a list of ``{from: YEAR, target: TEXT, tolerance: ...}``."""
    node = field.value
    if not isinstance(node, SEQUENCE):
        version = _version(nodes, node, label, direction, scale, tolerance, None)
        return [version] if version else []
    versions = []
    for item in node.value:
        fields = nodes.mapping(item, f"{label}: target", TARGET_KEYS, ("from", "target"))
        if not fields or "from" not in fields or "target" not in fields:
            continue
        from_year = nodes.year(fields["from"].value, f"{label}: target from")
        own = read_tolerance(nodes, fields["tolerance"].value, label) if "tolerance" in fields else tolerance
        if from_year is None:
            continue
        if is_null(fields["target"].value):  # {from: 2016, target: null}: no target from 2016
            versions.append(BandVersion((), None, from_year, location=nodes.location(item)))
            continue
        what = f"{label} (target from {from_year})"
        version = _version(nodes, fields["target"].value, what, direction, scale, own, from_year)
        if version:
            versions.append(version)
    return versions


def read_tolerance(nodes: Nodes, node: yaml.Node, label: str) -> Tolerance | None:
    """``tolerance: 0,5`` (an amount in the unit) or ``tolerance: 10 %`` (a share of the target)."""
    text = str(node.value).strip() if isinstance(node, SCALAR) else ""
    share = text.endswith("%")
    try:
        amount = parse_number(text.removesuffix("%").strip())
    except ValueError:
        amount = Decimal(-1)
    if amount < 0:
        message = f"{label}: tolerance must be an amount in the indicator's unit (0,5) or a share of the target (10 %)"
        nodes.error(node, "invalid-target", message)
        return None
    return Tolerance(amount, share)


def _version(
    nodes: Nodes,
    node: yaml.Node,
    label: str,
    direction: Direction | None,
    scale: Interval | None,
    tolerance: Tolerance | None,
    from_year: int | None,
) -> BandVersion | None:
    written = read_written(nodes, node, label)
    if written is None:
        return None
    text = written.text
    if isinstance(node, MAPPING) and written.by is None and not any(ch.isdigit() for ch in text):
        # {text: "Unngå nye rutinesvikt"}: a target in words, shown and never rated
        return BandVersion((Band(Status.DESIRED, text, ()),), direction, from_year, location=nodes.location(node))
    try:
        pieces = parse_band_text(text)
    except BandSyntaxError as exc:
        # A target is one text: the structured form's advice for a band of words does not apply.
        said = f"cannot read band {quoted(text)}" if isinstance(exc, ProseBand) else str(exc)
        nodes.error(node, "band-syntax", f"{label}: target: {said}; write it like '> 85 %', '< 6 %', '0,5 - 1'")
        return None
    if direction is None and written.baseline is not None and len(pieces) == 1 and isinstance(pieces[0], Interval):
        direction = _towards(pieces[0], written.baseline[1])  # a bare value reached from the baseline
    best = _best(pieces, direction)
    if isinstance(best, str):
        nodes.error(node, "bare-target", f"{label}: target {written.shown!r} {best}")
        return None
    if written.by is not None and (len(best) != 1 or not one_sided(best[0])):
        message = f"{label}: target {written.shown!r}: a target with a deadline is one value, at least or at most"
        nodes.error(node, "invalid-target", message)
        return None
    wording = Wording.of(written.text)
    shown = normalise(written.shown) if best == pieces else wording.intervals(best)
    if best != pieces and (written.by is not None or unread_words(text)):  # words are never lost
        shown = f"{shown} ({written.shown})"
    bands = target_bands(best, shown, tolerance, scale, wording)
    settled = settle(bands, direction, scale)
    for problem in settled.problems:
        nodes.error(node, problem.code, f"{label}: target: {problem.message}")
    due = None
    if written.by is not None:
        own = (tolerance.amount, tolerance.share) if tolerance else None
        due = Deadline(written.by, best[0], written.baseline, own, written.shown)
    location = nodes.location(node)
    return BandVersion(settled.bands, settled.direction, from_year, None, None, None, location, due)


def _towards(target: Interval, start: Decimal) -> Direction | None:
    """The direction a bare target value sets from the baseline: up to it, or down to it."""
    if target.low is None or target.low != target.high or target.low == start:
        return None
    return Direction.HIGHER_IS_BETTER if target.low > start else Direction.LOWER_IS_BETTER


def _best(pieces: tuple[Piece, ...], direction: Direction | None) -> tuple[Interval, ...] | str:
    """The target's intervals; a bare value made 'at least' / 'at most' by the direction.
    A string says what is missing."""
    found = []
    for piece in pieces:
        if isinstance(piece, Relative):
            if direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
                return "says 'eller bedre' / 'eller dårligere': set direction: higher or direction: lower"
            piece = piece.resolve(direction)
        found.append(piece)
    if len(found) == 1 and found[0].low is not None and found[0].low == found[0].high:
        value = found[0].low
        if direction is Direction.HIGHER_IS_BETTER:
            return (Interval(value, None, True, False),)
        if direction is Direction.LOWER_IS_BETTER:
            return (Interval(None, value, False, True),)
        return "is a bare value: set direction: higher (at least the target) or direction: lower (at most)"
    return tuple(found)


def target_bands(
    best: tuple[Interval, ...],
    text: str,
    tolerance: Tolerance | None,
    scale: Interval | None,
    wording: Wording | None = None,
) -> dict[Status, tuple[str, list[Piece]]]:
    """Bands by rated position: the target best, a near miss middle, the rest worst; within the scale.
    The bands worked out here are written as the target is (``wording``; see bands/printed_text.py):
    a band cut by the scale is written as the ray it was (``< 4,465``, not ``1 - 4,465``)."""
    wording = wording or Wording.of(text)
    near = [piece for interval in best for piece in _near(interval, tolerance)] if tolerance is not None else []
    near = [i for i in near if not i.is_empty()]
    reached = sorted([*best, *near], key=left_to_right)
    bands: dict[Status, tuple[str, list[Piece]]] = {Status.DESIRED: (text, list(best))}
    for status, intervals in ((Status.ACCEPTED, near), (Status.NOT_APPROVED, complement(reached))):
        kept = [(i, c) for i in intervals if (c := clip(i, scale)) is not None]
        if kept:
            bands[status] = (wording.intervals([i for i, _ in kept]), [c for _, c in kept])
    return bands


def _near(interval: Interval, tolerance: Tolerance) -> list[Interval]:
    """The values that miss ``interval`` by no more than the tolerance, on each side it has an end."""
    found = []
    low, high = interval.low, interval.high
    if low is not None and tolerance.at(low):  # a tolerance of 0 leaves no near miss
        found.append(Interval(low - tolerance.at(low), low, True, not interval.low_inclusive))
    if high is not None and tolerance.at(high):
        found.append(Interval(high, high + tolerance.at(high), not interval.high_inclusive, True))
    return found


def complement(intervals: list[Interval]) -> list[Interval]:
    """The rest of the number line: what none of ``intervals`` (sorted, not overlapping) holds."""
    found: list[Interval] = []
    low: Decimal | None = None
    low_inclusive = False
    for interval in intervals:
        if interval.low is not None:
            gap = Interval(low, interval.low, low_inclusive and low is not None, not interval.low_inclusive)
            if not gap.is_empty():
                found.append(gap)
        if interval.high is None:
            return found
        low, low_inclusive = interval.high, not interval.high_inclusive
    found.append(Interval(low, None, low_inclusive and low is not None, False))
    return found


def clip(interval: Interval, scale: Interval | None) -> Interval | None:
    """``interval`` within ``scale``; None when nothing of it is left."""
    if scale is None:
        return interval
    low, low_inc = interval.low, interval.low_inclusive
    if low is None or (scale.low is not None and scale.low > low):
        low, low_inc = scale.low, scale.low_inclusive
    high, high_inc = interval.high, interval.high_inclusive
    if high is None or (scale.high is not None and scale.high < high):
        high, high_inc = scale.high, scale.high_inclusive
    clipped = Interval(low, high, low_inc, high_inc)
    return None if clipped.is_empty() else clipped


# --- deadline targets: the path before the deadline --------------------------------


def path_value(target: Deadline, baseline: tuple[int, Decimal], year: int) -> Decimal:
    """The straight path's value in ``year``, from the baseline to the target in the deadline year,
    at the precision of the target or the baseline, whichever is finer."""
    start, value = baseline
    edge = target.target.low if target.target.low is not None else target.target.high
    assert edge is not None
    if year <= start or target.by <= start:
        return value
    exact = value + (edge - value) * (year - start) / (target.by - start)
    places = min(edge.as_tuple().exponent, value.as_tuple().exponent, 0)
    assert isinstance(places, int)
    return exact.quantize(Decimal(1).scaleb(places), rounding=ROUND_HALF_UP)


def path_bands(target: Deadline, edge: Decimal, scale: Interval | None) -> tuple[Band, ...]:
    """The bands in a year before the deadline: the target moved to ``edge``, the path's value then,
    with the target's tolerance."""
    moved = target.target
    moved = (
        Interval(edge, None, moved.low_inclusive, False)
        if moved.low is not None
        else Interval(None, edge, False, moved.high_inclusive)
    )
    tolerance = Tolerance(*target.tolerance) if target.tolerance else None
    shown = f"{format_interval(moved)} ({target.text})"  # the path's value, and the target with its deadline
    return settle(target_bands((moved,), shown, tolerance, scale), None, scale).bands
