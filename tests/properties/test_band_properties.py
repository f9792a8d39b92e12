"""Properties of bands that hold for every valid band set, not only the seed's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_cli.bands.notation import FORMS, Form, display_text, format_interval, parse_band_text, parse_piece
from kpi_cli.bands.order import gaps, holds_written_value, infer_direction, overlaps
from kpi_cli.model import RATED, Band, Direction, GapPolicy, Indicator, Interval, Status, worse
from kpi_cli.rating.rate import rate

MODEST = settings(max_examples=200, deadline=None)
ONE_WAY = [Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER]

# Edges with two decimals in [-1000, 1000], drawn as whole hundredths (far cheaper than st.decimals).
EDGE = st.integers(min_value=-100_000, max_value=100_000).map(lambda n: Decimal(n).scaleb(-2))


@dataclass(frozen=True)
class BandSet:
    indicator: Indicator
    low: Decimal
    high: Decimal
    edges: tuple[Decimal, ...]


@st.composite
def band_sets(draw: st.DrawFn, direction: Direction = Direction.HIGHER_IS_BETTER) -> BandSet:
    """Three non-overlapping intervals with increasing edges, touching or with gaps between them.

    Left to right they are not_approved, accepted, desired for higher-is-better and the
    mirror for lower-is-better. The scale is [lowest edge, highest edge].
    """
    e = sorted(draw(st.lists(EDGE, min_size=6, max_size=6, unique=True)))
    # One draw for every yes/no choice (fewer draws keep the file fast): bits 0-5 say
    # which ends are inclusive, bits 6-7 which neighbours touch, bits 8-9 who keeps a shared edge.
    bits = draw(st.integers(min_value=0, max_value=2**10 - 1))
    flags = [[bool(bits >> (2 * i) & 1), bool(bits >> (2 * i + 1) & 1)] for i in range(3)]
    touch = [bool(bits >> 6 & 1), bool(bits >> 7 & 1)]
    lows = [e[0], e[1] if touch[0] else e[2], e[3] if touch[1] else e[4]]
    highs = [e[1], e[3], e[5]]
    for i in (0, 1):
        # Touching intervals may share an edge only if at most one of them holds it.
        if touch[i] and flags[i][1] and flags[i + 1][0]:
            if bits >> (8 + i) & 1:
                flags[i][1] = False
            else:
                flags[i + 1][0] = False
    intervals = [Interval(lows[i], highs[i], flags[i][0], flags[i][1]) for i in range(3)]
    order = [Status.NOT_APPROVED, Status.ACCEPTED, Status.DESIRED]
    if direction is Direction.LOWER_IS_BETTER:
        order.reverse()
    bands = tuple(
        sorted(
            (
                Band(status, format_interval(interval), (interval,))
                for status, interval in zip(order, intervals, strict=True)
            ),
            key=lambda band: band.status.rank,
        )
    )
    indicator = Indicator(
        id="P.1",
        name="Property",
        scale=Interval(e[0], e[5], True, True),
        bands=bands,
        direction=direction,
    )
    return BandSet(indicator, e[0], e[5], tuple(e))


def values_in(band_set: BandSet) -> st.SearchStrategy[Decimal]:
    # Values with three decimals anywhere on the scale, drawn as whole thousandths.
    low, high = int(band_set.low.scaleb(3)), int(band_set.high.scaleb(3))
    inside = st.integers(min_value=low, max_value=high).map(lambda n: Decimal(n).scaleb(-3))
    return st.one_of(st.sampled_from(band_set.edges), inside)


def holders(indicator: Indicator, value: Decimal) -> list[Status]:
    return [band.status for band in indicator.bands for interval in band.intervals if interval.contains(value)]


def expected_status(indicator: Indicator, value: Decimal, policy: GapPolicy) -> Status:
    """An independent oracle for the gap rules (README, "Band notation"), within the scale."""
    held = holders(indicator, value)
    if held:
        return held[0]
    pieces = [(interval, band.status) for band in indicator.bands for interval in band.intervals]
    left = [(i, s) for i, s in pieces if i.high is not None and i.high <= value]
    right = [(i, s) for i, s in pieces if i.low is not None and i.low >= value]
    nearest_left = max(left, key=lambda p: p[0].high) if left else None
    nearest_right = min(right, key=lambda p: p[0].low) if right else None
    if nearest_left is None or nearest_right is None:
        only = nearest_left or nearest_right
        assert only is not None
        return only[1]
    fallback = worse(nearest_left[1], nearest_right[1])
    if policy is GapPolicy.WORSE:
        return fallback
    to_left = value - nearest_left[0].high
    to_right = nearest_right[0].low - value
    if to_left == to_right:
        return fallback
    return nearest_left[1] if to_left < to_right else nearest_right[1]


# --- every valid band set ------------------------------------------------------------


@MODEST
@given(st.data(), st.sampled_from(list(GapPolicy)), st.sampled_from(ONE_WAY))
def test_every_value_on_the_scale_gets_exactly_one_rated_status(
    data: st.DataObject, policy: GapPolicy, direction: Direction
) -> None:
    band_set = data.draw(band_sets(direction))
    value = data.draw(values_in(band_set))
    indicator = band_set.indicator
    held = holders(indicator, value)
    assert len(held) <= 1, (value, held)
    rating = rate(indicator, value, policy)
    assert rating.status in RATED
    assert rating.band is not None and rating.band.status is rating.status
    if held:
        assert rating.status is held[0]
        assert rating.in_gap is False
    else:
        assert rating.in_gap is True
    assert rating.status is expected_status(indicator, value, policy)


@MODEST
@given(st.data(), st.sampled_from(list(GapPolicy)))
def test_higher_is_better_is_monotonic(data: st.DataObject, policy: GapPolicy) -> None:
    band_set = data.draw(band_sets(Direction.HIGHER_IS_BETTER))
    a, b = sorted([data.draw(values_in(band_set)), data.draw(values_in(band_set))])
    smaller = rate(band_set.indicator, a, policy).status
    larger = rate(band_set.indicator, b, policy).status
    assert larger.rank <= smaller.rank, (a, smaller, b, larger)


@MODEST
@given(st.data(), st.sampled_from(list(GapPolicy)))
def test_lower_is_better_is_monotonic(data: st.DataObject, policy: GapPolicy) -> None:
    band_set = data.draw(band_sets(Direction.LOWER_IS_BETTER))
    a, b = sorted([data.draw(values_in(band_set)), data.draw(values_in(band_set))])
    smaller = rate(band_set.indicator, a, policy).status
    larger = rate(band_set.indicator, b, policy).status
    assert larger.rank >= smaller.rank, (a, smaller, b, larger)


@MODEST
@given(st.sampled_from(ONE_WAY).flatmap(band_sets))
def test_band_set_structure_gaps_and_edges(band_set: BandSet) -> None:
    """One test for three properties of a band set alone (one run of examples keeps the file fast)."""
    indicator = band_set.indicator
    # Valid: no overlaps, and the bands tell their own direction.
    assert overlaps(indicator.bands) == []
    assert infer_direction(indicator.bands) is indicator.direction
    # Every gap lies between two different statuses and a value in it rates the worse under policy worse.
    for gap in gaps(indicator.bands):
        assert not gap.interval.is_empty()
        assert gap.below is not gap.above
        probes = [p for p in (gap.interval.low, gap.interval.high) if p is not None and gap.interval.contains(p)]
        if gap.interval.low is not None and gap.interval.high is not None:
            probes.append((gap.interval.low + gap.interval.high) / 2)
        for probe in probes:
            assert gap.interval.contains(probe)
            assert holders(indicator, probe) == []
            rating = rate(indicator, probe, GapPolicy.WORSE)
            assert rating.in_gap is True
            assert rating.status is worse(gap.below, gap.above)
    # A band's inclusive edge rates by that band under either policy.
    for band in indicator.bands:
        for interval in band.intervals:
            for edge, inclusive in ((interval.low, interval.low_inclusive), (interval.high, interval.high_inclusive)):
                assert edge is not None
                if inclusive:
                    for policy in GapPolicy:
                        assert rate(indicator, edge, policy).status is band.status


# --- notation round trip ---------------------------------------------------------------

NUMBER = st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    """Any non-empty interval with at least one end (an open end holds no flag)."""
    low = draw(st.none() | NUMBER)
    high = draw(NUMBER) if low is None else draw(st.none() | NUMBER)
    if low is not None and high is not None and low > high:
        low, high = high, low
    low_inclusive = low is not None and draw(st.booleans())
    high_inclusive = high is not None and draw(st.booleans())
    if low is not None and low == high:
        low_inclusive = high_inclusive = True
    return Interval(low, high, low_inclusive, high_inclusive)


@MODEST
@given(intervals(), st.sampled_from([",", "."]), NUMBER)
def test_format_interval_round_trips(interval: Interval, mark: str, value: Decimal) -> None:
    text = format_interval(interval, mark)
    back = parse_piece(text)
    assert isinstance(back, Interval), (text, back)
    assert back == interval, (text, back)
    assert (back.low_inclusive, back.high_inclusive) == (interval.low_inclusive, interval.high_inclusive)
    assert back.contains(value) is interval.contains(value)


# --- band text as printed and gaps at the bands' precision (README "Band notation") ---


@given(st.lists(st.sampled_from([form.example for form in FORMS]), min_size=1, max_size=4))
def test_a_line_break_separates_like_a_semicolon(examples: list[str]) -> None:
    assert parse_band_text("\n".join(examples)) == parse_band_text("; ".join(examples))
    assert display_text("\n".join(examples)) == "; ".join(examples)


@given(
    st.integers(min_value=-10_000, max_value=10_000),
    st.integers(min_value=1, max_value=50),
    st.integers(min_value=0, max_value=3),
    st.booleans(),
    st.booleans(),
)
def test_a_gap_holds_a_written_value_exactly_when_one_lies_in_it(
    start: int, width: int, decimals: int, low_in: bool, high_in: bool
) -> None:
    step = Decimal(1).scaleb(-decimals)
    gap = Interval(start * step / 4, (start + width) * step / 4, low_in, high_in)
    if gap.is_empty():
        return
    assert gap.low is not None and gap.high is not None
    candidates = range(int(gap.low / step) - 1, int(gap.high / step) + 2)
    expected = any(gap.contains(k * step) for k in candidates)
    assert holds_written_value(gap, decimals) is expected


# Text that starts as a band does, or nearly: signs, digits, minus signs, spaces, words and letters
# of the forms, and characters that fold or count as digits in surprising ways.
BAND_START = st.lists(
    st.sampled_from(
        [*"<>=≤≥‹›()[]-−–— ,.;%", *"0459²٣", *"fFmMhHeEsSıİſK", "fra ", "minst ", "eller mer", "Meget bra ("]
    ),
    max_size=8,
).map("".join)


@MODEST
@given(BAND_START, st.sampled_from(FORMS))
def test_a_form_is_tried_on_every_text_its_pattern_reads(text: str, form: Form) -> None:
    """Form.starts only spares compiling a form's pattern: it never says no to a text the pattern reads."""
    for candidate in (text, f"{text} 5", f"{text}5 - 6", f"{text}(1-2)"):
        assert form.starts(candidate) or re.match(form.source, candidate, re.IGNORECASE) is None
