"""Bands (DESIGN.md section 4): notation, order, gaps, rating and definition errors."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_cli import bands
from kpi_cli.bands import BandSyntaxError, Relative, UnratableValue, describe, parse_band_text, parse_piece, rate
from kpi_cli.definitions import gap_warnings, load_definitions, parse_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.model import Direction, GapPolicy, Indicator, Interval, Status

D = Decimal
SEED = Path(__file__).resolve().parents[1] / "indicators.yaml"

DESIRED = Status.DESIRED
ACCEPTED = Status.ACCEPTED
NOT_APPROVED = Status.NOT_APPROVED


def closed(a: str, b: str) -> Interval:
    return Interval(D(a), D(b), True, True)


def exactly(a: str) -> Interval:
    return Interval(D(a), D(a), True, True)


def at_least(a: str) -> Interval:
    return Interval(D(a), None, True, False)


def above(a: str) -> Interval:
    return Interval(D(a), None, False, False)


def at_most(a: str) -> Interval:
    return Interval(None, D(a), False, True)


def below(a: str) -> Interval:
    return Interval(None, D(a), False, False)


def exact_interval(a: Interval, b: Interval) -> bool:
    """Equal as intervals, and with the same flags (dataclass equality, spelled out)."""
    return (a.low, a.high, a.low_inclusive, a.high_inclusive) == (b.low, b.high, b.low_inclusive, b.high_inclusive)


# --- building definitions from YAML text -----------------------------------------

HEADER = """\
scorecard: Test
language: nb
focus_areas:
  - id: T
    name: Test
    goals:
      - id: T.1
        name: Goal
        indicators:
"""


def indicator_yaml(indicator_id: str, body: str) -> str:
    """One indicator entry (at the indent the header expects); ``body`` is its fields, dedented."""
    fields = textwrap.indent(textwrap.dedent(body).strip("\n") + "\n", " " * 12)
    return f"          - id: {indicator_id}\n            name: Indicator {indicator_id}\n{fields}"


def document(*indicators: str, top: str = "") -> str:
    header = HEADER if not top else HEADER.replace("language: nb\n", f"language: nb\n{top}")
    return header + "".join(indicators)


def one(body: str, indicator_id: str = "T.1.1", top: str = "") -> Indicator:
    scorecard = parse_definitions(document(indicator_yaml(indicator_id, body), top=top), "test.yaml")
    return scorecard.indicator_map()[indicator_id]


def definition_errors(text: str) -> list:
    with pytest.raises(KpiErrors) as info:
        parse_definitions(text, "test.yaml")
    return info.value.errors


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``needle`` in ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in the text")


L11_BODY = """
unit: score 1-6
scale: [1, 6]
bands:
  desired: "4,5 - 6"
  accepted: "4 - 4,4"
  not_approved: "0 - 3,9"
"""

L21_BODY = """
unit: "%poeng"
bands:
  desired: "> 5 %poeng"
  accepted: "2 - 4,9 %poeng"
  not_approved: "< 2 %poeng"
"""


@pytest.fixture(scope="module")
def seed():
    return load_definitions(SEED)


@pytest.fixture(scope="module")
def l11(seed) -> Indicator:
    return seed.indicator_map()["L.1.1"]


@pytest.fixture(scope="module")
def l21(seed) -> Indicator:
    return seed.indicator_map()["L.2.1"]


# --- 1. notation ----------------------------------------------------------------------

NOTATIONS = [
    ("4,5 - 6", [closed("4.5", "6")]),
    ("4 - 4,4", [closed("4", "4.4")]),
    ("> 5 %poeng", [above("5")]),
    ("< 2", [below("2")]),
    (">= 80 %", [at_least("80")]),
    ("≤ 7,5", [at_most("7.5")]),
    ("2–4,9", [closed("2", "4.9")]),
    ("-1 - 2", [closed("-1", "2")]),
    ("- 2,30", [exactly("-2.30")]),
    ("\u22123", [exactly("-3")]),
    ("minst 10", [at_least("10")]),
    ("mer enn 1,11", [above("1.11")]),
    ("mindre enn 1", [below("1")]),
    ("over 5", [above("5")]),
    ("under 2", [below("2")]),
    ("høyst 7", [at_most("7")]),
    ("10 eller mer", [at_least("10")]),
    ("7 eller mindre", [at_most("7")]),
    ("MINST 10 %", [at_least("10")]),
    ("Minst 10 %", [at_least("10")]),
    ("HØYST 7", [at_most("7")]),
    ("Mer Enn 1,11", [above("1.11")]),
    ("5 mill. kr.", [exactly("5")]),
    ("3 % reduksjon", [exactly("3")]),
    ("< 2\n%poeng", [below("2")]),
    ("1,00 - 1,29 %; 1,70 - 1,99 %", [closed("1.00", "1.29"), closed("1.70", "1.99")]),
    ("< 1,00 % og > 1,99 %", [below("1.00"), above("1.99")]),
    ("(4,9, 5]", [Interval(D("4.9"), D("5"), False, True)]),
    ("[4,5, 6)", [Interval(D("4.5"), D("6"), True, False)]),
    ("4.5 - 6", [closed("4.5", "6")]),
    ("  4,5   -   6  ", [closed("4.5", "6")]),
    ("4,5\u00a0-\u00a06", [closed("4.5", "6")]),
]


@pytest.mark.parametrize(("text", "expected"), NOTATIONS, ids=[repr(t) for t, _ in NOTATIONS])
def test_notation_reads_to_intervals(text: str, expected: list[Interval]) -> None:
    got = parse_band_text(text)
    assert len(got) == len(expected), got
    for piece, want in zip(got, expected, strict=True):
        assert isinstance(piece, Interval), piece
        assert exact_interval(piece, want), (piece, want)


SINGLE_PIECES = [(text, expected[0]) for text, expected in NOTATIONS if len(expected) == 1]


@pytest.mark.parametrize(("text", "expected"), SINGLE_PIECES, ids=[repr(t) for t, _ in SINGLE_PIECES])
def test_parse_piece_reads_single_interval(text: str, expected: Interval) -> None:
    got = parse_piece(text)
    assert isinstance(got, Interval)
    assert exact_interval(got, expected), (got, expected)


def test_minus_with_space_keeps_its_digits() -> None:
    (piece,) = parse_band_text("- 2,30")
    assert isinstance(piece, Interval)
    assert piece.low == D("-2.3") and piece.high == D("-2.3")
    assert piece.contains(D("-2.3")) and not piece.contains(D("2.3"))


def test_relative_wordings_read_as_relative() -> None:
    assert parse_piece("4,5 eller bedre") == Relative(D("4.5"), True)
    assert parse_piece("3,9 eller dårligere") == Relative(D("3.9"), False)
    assert Relative(D("4.5"), True).resolve(Direction.HIGHER_IS_BETTER) == at_least("4.5")
    assert Relative(D("4.5"), True).resolve(Direction.LOWER_IS_BETTER) == at_most("4.5")
    assert Relative(D("3.9"), False).resolve(Direction.HIGHER_IS_BETTER) == at_most("3.9")
    assert Relative(D("3.9"), False).resolve(Direction.LOWER_IS_BETTER) == at_least("3.9")


UNREADABLE = ["abc", "4 -", "minst", "5 - 4", "", "   ", "\n", "5 eller noe", "fire til fem", "> ", "4,5 - 6 - 7"]


@pytest.mark.parametrize("text", UNREADABLE, ids=[repr(t) for t in UNREADABLE])
def test_unreadable_band_text_raises(text: str) -> None:
    with pytest.raises(BandSyntaxError):
        parse_band_text(text)


def test_unreadable_message_quotes_the_text() -> None:
    with pytest.raises(BandSyntaxError, match="cannot read band 'abc'"):
        parse_piece("abc")
    with pytest.raises(BandSyntaxError, match="empty"):
        parse_piece("5 - 4")


def test_band_syntax_error_is_a_value_error() -> None:
    assert issubclass(BandSyntaxError, ValueError)
    assert issubclass(UnratableValue, ValueError)


# --- 2. the seed's band edges -----------------------------------------------------------


def test_seed_bands_as_published(l11: Indicator, l21: Indicator) -> None:
    assert l11.scale == closed("1", "6")
    assert l11.direction is Direction.HIGHER_IS_BETTER
    assert [(b.status, b.text, b.intervals) for b in l11.bands] == [
        (DESIRED, "4,5 - 6", (closed("4.5", "6"),)),
        (ACCEPTED, "4 - 4,4", (closed("4", "4.4"),)),
        (NOT_APPROVED, "0 - 3,9", (closed("0", "3.9"),)),
    ]
    assert l21.scale is None
    assert l21.direction is Direction.HIGHER_IS_BETTER
    assert [(b.status, b.text, b.intervals) for b in l21.bands] == [
        (DESIRED, "> 5 %poeng", (above("5"),)),
        (ACCEPTED, "2 - 4,9 %poeng", (closed("2", "4.9"),)),
        (NOT_APPROVED, "< 2 %poeng", (below("2"),)),
    ]


L11_WORSE = [
    ("4.5", DESIRED, False),
    ("4.4", ACCEPTED, False),
    ("4.47", ACCEPTED, True),
    ("4.49", ACCEPTED, True),
    ("4.0", ACCEPTED, False),
    ("3.9", NOT_APPROVED, False),
    ("3.95", NOT_APPROVED, True),
    ("3.99", NOT_APPROVED, True),
    ("6", DESIRED, False),
    ("1", NOT_APPROVED, False),
    ("5.25", DESIRED, False),
]


@pytest.mark.parametrize(("value", "status", "in_gap"), L11_WORSE)
def test_l11_edges_gap_policy_worse(l11: Indicator, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(l11, D(value))
    assert rating.status is status
    assert rating.in_gap is in_gap
    assert rating.band is not None and rating.band.status is status


@pytest.mark.parametrize("value", ["0", "6.01", "47.1", "0.99", "-1", "600"])
def test_l11_outside_scale_is_unratable(l11: Indicator, value: str) -> None:
    with pytest.raises(UnratableValue, match="outside the scale 1 - 6"):
        rate(l11, D(value))
    with pytest.raises(UnratableValue):
        rate(l11, D(value), GapPolicy.NEAREST)


def test_l11_unratable_message(l11: Indicator) -> None:
    with pytest.raises(UnratableValue) as info:
        rate(l11, D("47.1"))
    assert str(info.value) == "value 47,1 is outside the scale 1 - 6 (score 1-6): a typing error?"


L21_WORSE = [
    ("5.01", DESIRED, False),
    ("5", ACCEPTED, True),
    ("4.95", ACCEPTED, True),
    ("4.9", ACCEPTED, False),
    ("2", ACCEPTED, False),
    ("1.99", NOT_APPROVED, False),
    ("-40", NOT_APPROVED, False),
    ("1000", DESIRED, False),
]


@pytest.mark.parametrize(("value", "status", "in_gap"), L21_WORSE)
def test_l21_edges_gap_policy_worse(l21: Indicator, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(l21, D(value))
    assert rating.status is status
    assert rating.in_gap is in_gap


L21_NEAREST = [
    ("4.95", ACCEPTED, True),  # tie: 0,05 from 4,9 and from 5 -> the worse
    ("4.97", DESIRED, True),
    ("4.93", ACCEPTED, True),
    ("5", DESIRED, True),  # on the desired band's (open) edge: distance 0
    ("5.01", DESIRED, False),
    ("4.9", ACCEPTED, False),
    ("1.99", NOT_APPROVED, False),
]


@pytest.mark.parametrize(("value", "status", "in_gap"), L21_NEAREST)
def test_l21_gap_policy_nearest(l21: Indicator, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(l21, D(value), GapPolicy.NEAREST)
    assert rating.status is status
    assert rating.in_gap is in_gap


L11_NEAREST = [
    ("4.45", ACCEPTED, True),  # tie -> the worse
    ("4.46", DESIRED, True),
    ("4.44", ACCEPTED, True),
    ("3.96", ACCEPTED, True),
    ("3.94", NOT_APPROVED, True),
    ("3.95", NOT_APPROVED, True),  # tie -> the worse
    ("4.5", DESIRED, False),
    ("3.9", NOT_APPROVED, False),
]


@pytest.mark.parametrize(("value", "status", "in_gap"), L11_NEAREST)
def test_l11_gap_policy_nearest(l11: Indicator, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(l11, D(value), GapPolicy.NEAREST)
    assert rating.status is status
    assert rating.in_gap is in_gap


def test_gap_policy_nearest_from_the_file_and_per_indicator() -> None:
    file_wide = one(L11_BODY, top="gap_policy: nearest\n")
    assert file_wide.gap_policy is GapPolicy.NEAREST
    assert rate(file_wide, D("4.46")).status is DESIRED
    assert rate(file_wide, D("4.45")).status is ACCEPTED
    # An explicit policy wins over the indicator's.
    assert rate(file_wide, D("4.46"), GapPolicy.WORSE).status is ACCEPTED

    per_indicator = one(L11_BODY + "gap_policy: nearest\n")
    assert per_indicator.gap_policy is GapPolicy.NEAREST
    assert rate(per_indicator, D("4.46")).status is DESIRED
    assert rate(per_indicator, D("3.96")).status is ACCEPTED

    overridden = one(L11_BODY + "gap_policy: worse\n", top="gap_policy: nearest\n")
    assert overridden.gap_policy is GapPolicy.WORSE
    assert rate(overridden, D("4.46")).status is ACCEPTED


def test_rating_reason_names_the_gap(l21: Indicator) -> None:
    rating = rate(l21, D("5"))
    assert describe(rating, ",") == "5 lies between accepted 2 - 4,9 and desired > 5; gap policy worse"


def test_indicator_built_from_yaml_matches_the_seed(l11: Indicator) -> None:
    built = one(L11_BODY, "L.1.1")
    assert built.bands == l11.bands
    assert built.scale == l11.scale
    assert built.direction is Direction.HIGHER_IS_BETTER
    for value in ("4.47", "4.4", "3.95", "6"):
        assert rate(built, D(value)) == rate(l11, D(value))


def test_no_bands_rates_no_target() -> None:
    indicator = one("unit: '%'\n")
    assert indicator.bands == ()
    rating = rate(indicator, D("12"))
    assert rating.status is Status.NO_TARGET
    assert rating.in_gap is False


# --- 3. target range -------------------------------------------------------------------

POPULATION = """
unit: "%"
bands:
  desired: "1,30 - 1,69 %"
  accepted: ["1,00 - 1,29 %", "1,70 - 1,99 %"]
  not_approved: ["< 1,00 %", "> 1,99 %"]
"""


@pytest.fixture(scope="module")
def population() -> Indicator:
    return one(POPULATION)


def test_target_range_direction_and_bands(population: Indicator) -> None:
    assert population.direction is Direction.TARGET_RANGE
    assert [(b.status, b.text, b.intervals) for b in population.bands] == [
        (DESIRED, "1,30 - 1,69 %", (closed("1.30", "1.69"),)),
        (ACCEPTED, "1,00 - 1,29 %; 1,70 - 1,99 %", (closed("1.00", "1.29"), closed("1.70", "1.99"))),
        (NOT_APPROVED, "< 1,00 %; > 1,99 %", (below("1.00"), above("1.99"))),
    ]


TARGET_RANGE = [
    ("1.5", DESIRED, False),
    ("1.30", DESIRED, False),
    ("1.69", DESIRED, False),
    ("1.1", ACCEPTED, False),
    ("1.8", ACCEPTED, False),
    ("1.00", ACCEPTED, False),
    ("1.99", ACCEPTED, False),
    ("0.5", NOT_APPROVED, False),
    ("2.5", NOT_APPROVED, False),
    ("0.999", NOT_APPROVED, False),
    ("1.991", NOT_APPROVED, False),
    ("-3", NOT_APPROVED, False),
    ("1.295", ACCEPTED, True),
    ("1.695", ACCEPTED, True),
]


@pytest.mark.parametrize(("value", "status", "in_gap"), TARGET_RANGE)
def test_target_range_rating(population: Indicator, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(population, D(value))
    assert rating.status is status
    assert rating.in_gap is in_gap


def test_target_range_nearest(population: Indicator) -> None:
    assert rate(population, D("1.296"), GapPolicy.NEAREST).status is DESIRED
    assert rate(population, D("1.294"), GapPolicy.NEAREST).status is ACCEPTED
    assert rate(population, D("1.295"), GapPolicy.NEAREST).status is ACCEPTED
    assert rate(population, D("1.694"), GapPolicy.NEAREST).status is DESIRED
    assert rate(population, D("1.696"), GapPolicy.NEAREST).status is ACCEPTED


def test_target_range_same_bands_in_one_text() -> None:
    indicator = one(
        """
        bands:
          desired: "1,30 - 1,69 %"
          accepted: "1,00 - 1,29 %; 1,70 - 1,99 %"
          not_approved: "< 1,00 % og > 1,99 %"
        """
    )
    assert indicator.direction is Direction.TARGET_RANGE
    assert indicator.band(ACCEPTED).intervals == (closed("1.00", "1.29"), closed("1.70", "1.99"))
    assert indicator.band(NOT_APPROVED).intervals == (below("1.00"), above("1.99"))
    assert rate(indicator, D("1.8")).status is ACCEPTED


def test_explicit_target_range_agrees(population: Indicator) -> None:
    indicator = one(POPULATION + "direction: target_range\n")
    assert indicator.direction is Direction.TARGET_RANGE
    assert indicator.bands == population.bands


# --- 4. lower is better, 'eller bedre' / 'eller dårligere' -----------------------------

SICK_LEAVE = """
unit: "%"
bands:
  desired: "< 6 %"
  accepted: "6 - 7,5 %"
  not_approved: "> 7,5 %"
"""


def test_lower_is_better_is_inferred() -> None:
    indicator = one(SICK_LEAVE)
    assert indicator.direction is Direction.LOWER_IS_BETTER
    cases = {
        "5.99": DESIRED,
        "0": DESIRED,
        "6": ACCEPTED,
        "7.5": ACCEPTED,
        "7.51": NOT_APPROVED,
        "30": NOT_APPROVED,
    }
    for value, status in cases.items():
        rating = rate(indicator, D(value))
        assert rating.status is status, value
        assert rating.in_gap is False, value


def test_lower_is_better_gap_goes_to_worse() -> None:
    indicator = one(
        """
        bands:
          desired: "0 - 5,9"
          accepted: "6 - 7,5"
          not_approved: "7,6 - 100"
        """
    )
    assert indicator.direction is Direction.LOWER_IS_BETTER
    assert rate(indicator, D("5.95")).status is ACCEPTED
    assert rate(indicator, D("7.55")).status is NOT_APPROVED
    assert rate(indicator, D("5.92"), GapPolicy.NEAREST).status is DESIRED
    assert rate(indicator, D("5.95"), GapPolicy.NEAREST).status is ACCEPTED
    assert rate(indicator, D("7.52"), GapPolicy.NEAREST).status is ACCEPTED


def test_explicit_lower_is_better_agrees() -> None:
    indicator = one(SICK_LEAVE + "direction: lower_is_better\n")
    assert indicator.direction is Direction.LOWER_IS_BETTER


def test_eller_bedre_resolved_higher() -> None:
    indicator = one(
        """
        scale: [1, 6]
        bands:
          desired: "4,5 eller bedre"
          accepted: "4 - 4,4"
          not_approved: "0 - 3,9"
        """
    )
    assert indicator.direction is Direction.HIGHER_IS_BETTER
    assert indicator.band(DESIRED).intervals == (at_least("4.5"),)
    assert indicator.band(DESIRED).text == "4,5 eller bedre"
    assert rate(indicator, D("6")).status is DESIRED
    assert rate(indicator, D("4.5")).status is DESIRED


def test_eller_daarligere_resolved_higher() -> None:
    indicator = one(
        """
        bands:
          desired: "4,5 - 6"
          accepted: "4 - 4,4"
          not_approved: "3,9 eller dårligere"
        """
    )
    assert indicator.direction is Direction.HIGHER_IS_BETTER
    assert indicator.band(NOT_APPROVED).intervals == (at_most("3.9"),)
    assert rate(indicator, D("-5")).status is NOT_APPROVED


def test_eller_bedre_and_daarligere_resolved_lower() -> None:
    indicator = one(
        """
        bands:
          desired: "5,9 eller bedre"
          accepted: "6 - 7,5 %"
          not_approved: "> 7,5 %"
        """
    )
    assert indicator.direction is Direction.LOWER_IS_BETTER
    assert indicator.band(DESIRED).intervals == (at_most("5.9"),)
    indicator = one(
        """
        bands:
          desired: "< 6 %"
          accepted: "6 - 7,5 %"
          not_approved: "7,6 eller dårligere"
        """
    )
    assert indicator.direction is Direction.LOWER_IS_BETTER
    assert indicator.band(NOT_APPROVED).intervals == (at_least("7.6"),)


def test_relative_bands_with_explicit_direction() -> None:
    higher = one(
        """
        direction: higher_is_better
        bands:
          desired: "4,5 eller bedre"
          accepted: "4 - 4,4"
          not_approved: "3,9 eller dårligere"
        """
    )
    assert higher.direction is Direction.HIGHER_IS_BETTER
    assert higher.band(DESIRED).intervals == (at_least("4.5"),)
    assert higher.band(NOT_APPROVED).intervals == (at_most("3.9"),)
    lower = one(
        """
        direction: lower_is_better
        bands:
          desired: "2 eller bedre"
          accepted: "2,1 - 3"
          not_approved: "3,1 eller dårligere"
        """
    )
    assert lower.direction is Direction.LOWER_IS_BETTER
    assert lower.band(DESIRED).intervals == (at_most("2"),)
    assert lower.band(NOT_APPROVED).intervals == (at_least("3.1"),)
    assert rate(lower, D("-4")).status is DESIRED
    assert rate(lower, D("9")).status is NOT_APPROVED


def test_relative_bands_without_direction_is_an_error() -> None:
    body = """
    bands:
      desired: "4,5 eller bedre"
      accepted: "4 - 4,4"
      not_approved: "3,9 eller dårligere"
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert len(errors) == 1
    error = errors[0]
    assert error.message == (
        "indicator T.1.1: 'eller bedre' / 'eller dårligere' needs a direction: set direction: "
        "higher_is_better or lower_is_better"
    )
    assert (error.line, error.column) == position(text, "bands:")
    assert error.path == "test.yaml"


# --- 5. definition errors --------------------------------------------------------------


def test_overlapping_bands() -> None:
    body = """
    bands:
      desired: "4 - 6"
      accepted: "3 - 4,2"
      not_approved: "< 3"
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert [e.message for e in errors] == ["indicator T.1.1: bands overlap: accepted '3 - 4,2' and desired '4 - 6'"]
    assert (errors[0].line, errors[0].column) == position(text, "bands:")


def test_bands_touching_at_a_shared_closed_edge_overlap() -> None:
    text = document(
        indicator_yaml(
            "T.1.1",
            """
            bands:
              desired: "4 - 6"
              accepted: "2 - 4"
            """,
        )
    )
    errors = definition_errors(text)
    assert [e.message for e in errors] == ["indicator T.1.1: bands overlap: accepted '2 - 4' and desired '4 - 6'"]


def test_bands_touching_at_an_open_edge_are_fine() -> None:
    indicator = one(
        """
        bands:
          desired: "> 4"
          accepted: "2 - 4"
          not_approved: "< 2"
        """
    )
    assert indicator.direction is Direction.HIGHER_IS_BETTER
    assert rate(indicator, D("4")).status is ACCEPTED
    assert rate(indicator, D("4.0001")).status is DESIRED
    assert rate(indicator, D("2")).status is ACCEPTED
    assert rate(indicator, D("1.9999")).status is NOT_APPROVED


def test_bands_that_make_no_order() -> None:
    body = """
    bands:
      desired: "0 - 2"
      accepted: "5 - 6"
      not_approved: "3 - 4"
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert len(errors) == 1
    assert errors[0].message.startswith("indicator T.1.1: bands make no order"), errors[0].message
    assert (errors[0].line, errors[0].column) == position(text, "bands:")


def test_best_band_split_by_a_worse_one_makes_no_order() -> None:
    text = document(
        indicator_yaml(
            "T.1.1",
            """
            bands:
              desired: ["0 - 1", "5 - 6"]
              accepted: "2 - 4"
            """,
        )
    )
    errors = definition_errors(text)
    assert len(errors) == 1
    assert errors[0].message.startswith("indicator T.1.1: bands make no order"), errors[0].message


@pytest.mark.parametrize(
    ("direction", "inferred"),
    [("lower_is_better", "higher_is_better"), ("target_range", "higher_is_better")],
)
def test_explicit_direction_contradicting_the_bands(direction: str, inferred: str) -> None:
    text = document(indicator_yaml("T.1.1", f"direction: {direction}\n" + L11_BODY))
    errors = definition_errors(text)
    assert [e.message for e in errors] == [
        f"indicator T.1.1: direction {direction} contradicts the bands, which say {inferred}"
    ]
    assert (errors[0].line, errors[0].column) == position(text, "bands:")


def test_explicit_higher_contradicting_lower_bands() -> None:
    text = document(indicator_yaml("T.1.1", "direction: higher_is_better\n" + SICK_LEAVE))
    errors = definition_errors(text)
    assert [e.message for e in errors] == [
        "indicator T.1.1: direction higher_is_better contradicts the bands, which say lower_is_better"
    ]


def test_band_wholly_outside_the_scale() -> None:
    body = """
    scale: [1, 6]
    bands:
      desired: "7 - 10"
      accepted: "4 - 6,9"
      not_approved: "1 - 3,9"
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert [e.message for e in errors] == ["indicator T.1.1: desired band '7 - 10' lies outside the scale 1 - 6"]
    assert (errors[0].line, errors[0].column) == position(text, '"7 - 10"')


def test_band_partly_outside_the_scale_is_fine(l11: Indicator) -> None:
    # The seed's own not_approved band "0 - 3,9" starts below the 1-6 scale.
    assert l11.band(NOT_APPROVED).intervals == (closed("0", "3.9"),)


def test_unreadable_band_text_in_definitions() -> None:
    body = """
    bands:
      desired: "4,5 - 6"
      accepted: "fire til fem"
      not_approved: "0 - 3,9"
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert len(errors) == 1
    message = errors[0].message
    assert "'fire til fem'" in message
    assert message.startswith("indicator T.1.1: accepted band:"), message
    assert (errors[0].line, errors[0].column) == position(text, '"fire til fem"')
    assert errors[0].path == "test.yaml"


def test_unreadable_band_text_in_a_list_points_to_the_item() -> None:
    body = """
    bands:
      desired: "1,30 - 1,69 %"
      accepted:
        - "1,00 - 1,29 %"
        - "omtrent 1,8"
      not_approved: ["< 1,00 %", "> 1,99 %"]
    """
    text = document(indicator_yaml("T.1.1", body))
    errors = definition_errors(text)
    assert len(errors) == 1
    assert "'omtrent 1,8'" in errors[0].message
    assert "T.1.1" in errors[0].message
    assert (errors[0].line, errors[0].column) == position(text, '"omtrent 1,8"')


def test_every_band_problem_is_reported_in_one_pass() -> None:
    unreadable = indicator_yaml(
        "T.1.1",
        """
        bands:
          desired: "abc"
          accepted: "4 -"
        """,
    )
    overlapping = indicator_yaml(
        "T.1.2",
        """
        bands:
          desired: "4 - 6"
          accepted: "3 - 4,2"
        """,
    )
    contradicting = indicator_yaml("T.1.3", "direction: lower_is_better\n" + L11_BODY)
    text = document(unreadable, overlapping, contradicting)
    errors = definition_errors(text)
    messages = [e.message for e in errors]
    assert len(messages) == 4, messages
    assert any("T.1.1: desired band" in m and "'abc'" in m for m in messages), messages
    assert any("T.1.1: accepted band" in m and "'4 -'" in m for m in messages), messages
    assert "indicator T.1.2: bands overlap: accepted '3 - 4,2' and desired '4 - 6'" in messages
    assert "indicator T.1.3: direction lower_is_better contradicts the bands, which say higher_is_better" in messages
    assert all(e.path == "test.yaml" and e.line is not None and e.column is not None for e in errors)


def test_empty_band_range_in_definitions() -> None:
    text = document(indicator_yaml("T.1.1", 'bands:\n  desired: "6 - 4,5"\n  accepted: "4 - 4,4"\n'))
    errors = definition_errors(text)
    assert len(errors) == 1
    assert "'6 - 4,5'" in errors[0].message and "T.1.1" in errors[0].message
    assert (errors[0].line, errors[0].column) == position(text, '"6 - 4,5"')


# --- 6. structured band form ---------------------------------------------------------------


def test_structured_band() -> None:
    indicator = one(
        """
        bands:
          desired: {min: 4.5, max: 6, min_inclusive: true, max_inclusive: false}
          accepted: "4 - 4,4"
          not_approved: "< 4"
        """
    )
    desired = indicator.band(DESIRED)
    assert desired.intervals == (Interval(D("4.5"), D("6"), True, False),)
    assert exact_interval(desired.intervals[0], Interval(D("4.5"), D("6"), True, False))
    assert desired.text == "[4,5, 6)"
    assert indicator.direction is Direction.HIGHER_IS_BETTER
    assert rate(indicator, D("4.5")).status is DESIRED
    assert rate(indicator, D("5.999")).status is DESIRED
    assert rate(indicator, D("4.45")).status is ACCEPTED
    assert rate(indicator, D("3.99")).status is NOT_APPROVED
    # 6 is outside the half-open band, and with no scale there is nothing to rate it by.
    with pytest.raises(UnratableValue):
        rate(indicator, D("6"))


def test_structured_band_one_sided_with_text_and_mixed_list() -> None:
    indicator = one(
        """
        bands:
          desired: "1,30 - 1,69 %"
          accepted:
            - "1,00 - 1,29 %"
            - {min: 1.70, max: 1.99, text: "1,70 - 1,99 %"}
          not_approved:
            - {max: 1.00, max_inclusive: false}
            - {min: 1.99, min_inclusive: false}
        """
    )
    assert indicator.direction is Direction.TARGET_RANGE
    assert indicator.band(ACCEPTED).intervals == (closed("1.00", "1.29"), closed("1.70", "1.99"))
    assert indicator.band(ACCEPTED).text == "1,00 - 1,29 %; 1,70 - 1,99 %"
    assert indicator.band(NOT_APPROVED).intervals == (below("1.00"), above("1.99"))
    assert indicator.band(NOT_APPROVED).text == "< 1,00; > 1,99"
    assert rate(indicator, D("1.99")).status is ACCEPTED
    assert rate(indicator, D("1.991")).status is NOT_APPROVED


def test_structured_band_defaults_to_closed() -> None:
    indicator = one(
        """
        bands:
          desired: {min: "4,5", max: 6}
          accepted: {min: 4, max: 4.4}
        """
    )
    assert indicator.band(DESIRED).intervals == (closed("4.5", "6"),)
    assert indicator.band(ACCEPTED).intervals == (closed("4", "4.4"),)


def test_structured_band_empty_is_an_error() -> None:
    text = document(
        indicator_yaml(
            "T.1.1",
            """
            bands:
              desired: {min: 6, max: 4.5}
              accepted: "4 - 4,4"
            """,
        )
    )
    errors = definition_errors(text)
    assert len(errors) == 1
    assert errors[0].message == "indicator T.1.1: desired band: the interval is empty (min lies above max)"
    assert (errors[0].line, errors[0].column) == position(text, "{min: 6")


# --- 7. gap warnings on the seed ---------------------------------------------------------------


def _seed_line(indicator_id: str) -> int:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == f"- id: {indicator_id}")


SEED_GAPS = [
    (
        _seed_line("L.1.1"),
        "L.1.1: values in (3,9, 4) fall between not_approved and accepted; rated not_approved under gap policy worse",
    ),
    (
        _seed_line("L.1.1"),
        "L.1.1: values in (4,4, 4,5) fall between accepted and desired; rated accepted under gap policy worse",
    ),
    (
        _seed_line("L.1.2"),
        "L.1.2: values in (3,9, 4) fall between not_approved and accepted; rated not_approved under gap policy worse",
    ),
    (
        _seed_line("L.1.2"),
        "L.1.2: values in (4,4, 4,5) fall between accepted and desired; rated accepted under gap policy worse",
    ),
    (
        _seed_line("L.2.1"),
        "L.2.1: values in (4,9, 5] fall between accepted and desired; rated accepted under gap policy worse",
    ),
]


def test_seed_gap_warnings(seed) -> None:
    warnings = gap_warnings(seed)
    assert [(w.line, w.message) for w in warnings] == SEED_GAPS
    assert all(w.column == 13 for w in warnings)
    assert all(w.path == str(SEED) for w in warnings)


def test_gap_warnings_under_nearest() -> None:
    scorecard = parse_definitions(document(indicator_yaml("T.1.1", L21_BODY + "gap_policy: nearest\n")), "test.yaml")
    assert [w.message for w in gap_warnings(scorecard)] == [
        "T.1.1: values in (4,9, 5] fall between accepted and desired; rated by the nearer edge "
        "(a tie goes to accepted) under gap policy nearest"
    ]


def test_no_gap_warnings_without_gaps() -> None:
    scorecard = parse_definitions(document(indicator_yaml("T.1.1", SICK_LEAVE)), "test.yaml")
    assert gap_warnings(scorecard) == []


def test_gaps_listed_for_target_range(population: Indicator) -> None:
    found = bands.gaps(population.bands)
    assert [(g.interval, g.below, g.above) for g in found] == [
        (Interval(D("1.29"), D("1.30"), False, False), ACCEPTED, DESIRED),
        (Interval(D("1.69"), D("1.70"), False, False), DESIRED, ACCEPTED),
    ]
