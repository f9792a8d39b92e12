"""kpi_cli.rating.rate: a value against an indicator's bands, the seed's edges, target ranges,
lower is better, and the gap policies."""

from __future__ import annotations

import dataclasses

import pytest
from band_cases import (
    ACCEPTED,
    DESIRED,
    L11_BODY,
    NOT_APPROVED,
    POPULATION,
    SEED,
    SICK_LEAVE,
    D,
    above,
    at_least,
    at_most,
    below,
    closed,
    definition_errors,
    document,
    indicator_yaml,
    one,
    position,
)

from kpi_cli.definitions.load import load_definitions
from kpi_cli.model import Direction, GapPolicy, Indicator, Status
from kpi_cli.rating.rate import Ratings, UnratableValue, describe, rate


@pytest.fixture(scope="module")
def seed():
    return load_definitions(SEED)


@pytest.fixture(scope="module")
def l11(seed) -> Indicator:
    return seed.indicator_map()["L.1.1"]


@pytest.fixture(scope="module")
def l21(seed) -> Indicator:
    return seed.indicator_map()["L.2.1"]


@pytest.fixture(scope="module")
def population() -> Indicator:
    return one(POPULATION)


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


def test_ratings_share_one_rating_between_indicators_with_equal_bands(l11: Indicator, seed) -> None:
    """``Ratings`` remembers a rating by the bands, scale and gap policy: another indicator with the
    same bands gets the same Rating for the same value object; other bands, another gap policy, or
    an equal value written differently (4,470 for 4,47) get their own, each as ``rate`` gives it."""
    ratings = Ratings()
    twin = dataclasses.replace(l11, id="X.1.1", name="made up: L.1.1's bands")
    value = D("4.47")
    first = ratings(l11, value)
    assert ratings(twin, value) is first
    assert first == rate(twin, value)
    nearest = dataclasses.replace(l11, gap_policy=GapPolicy.NEAREST)
    assert ratings(nearest, value) == rate(nearest, value) != first
    other = seed.indicator_map()["L.2.1"]
    assert ratings(other, value) == rate(other, value)
    written_apart = D("4.470")
    assert ratings(twin, written_apart) is not first
    assert (
        describe(ratings(twin, written_apart))
        == "4,470 lies between accepted 4 - 4,4 and desired 4,5 - 6; gap policy worse"
    )
