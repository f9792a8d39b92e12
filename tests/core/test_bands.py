"""kpi_cli.bands.order: the order bands make and the checks settle() makes (overlap, order, direction,
scale), through the definitions that report them, and the gaps that validate lists as warnings."""

from __future__ import annotations

import pytest
from band_cases import (
    ACCEPTED,
    DESIRED,
    L11_BODY,
    L21_BODY,
    NOT_APPROVED,
    POPULATION,
    SEED,
    SICK_LEAVE,
    D,
    above,
    at_most,
    below,
    closed,
    definition_errors,
    document,
    exact_interval,
    indicator_yaml,
    one,
    position,
)

from kpi_cli.bands import order as bands
from kpi_cli.bands.notation import parse_band_text
from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.model import Direction, Indicator, Interval, Status
from kpi_cli.rating.checks import gap_warnings
from kpi_cli.rating.rate import rate


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
    # 6 is outside the half-open band; with no scale the outermost band rates it, flagged beyond.
    beyond = rate(indicator, D("6"))
    assert (beyond.status, beyond.beyond) == (DESIRED, True)


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


# Only L.2.1's gap holds a value written at its bands' one-decimal precision (5);
# L.1.1's and L.1.2's (3,9, 4) and (4,4, 4,5) hold only finer values.
SEED_GAPS = [
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


# --- settle(): the checks as a pure function that returns its problems ---------------------------


def pieces(**texts: str) -> dict[Status, tuple[str, tuple]]:
    return {Status(status): (text, parse_band_text(text)) for status, text in texts.items()}


SETTLE_PROBLEMS = [
    (
        pieces(desired="4 - 6", accepted="3 - 4,5"),
        None,
        None,
        [("band-overlap", "bands overlap: accepted '3 - 4,5' and desired '4 - 6'", None)],
    ),
    (
        pieces(desired="0 - 1", accepted="5 - 6", not_approved="2 - 3"),
        None,
        None,
        [("band-order", "bands make no order: a better band lies further from the best than a worse one", None)],
    ),
    (
        pieces(desired="4,5 - 6", accepted="0 - 4"),
        Direction.LOWER_IS_BETTER,
        None,
        [("direction-conflict", "direction lower_is_better contradicts the bands, which say higher_is_better", None)],
    ),
    (
        pieces(desired="4,5 eller bedre"),
        None,
        None,
        [
            (
                "needs-direction",
                "'eller bedre' / 'eller dårligere' needs a direction: set direction: higher_is_better or "
                "lower_is_better",
                None,
            )
        ],
    ),
    (
        pieces(desired="> 7", accepted="5 - 7"),
        None,
        closed("1", "6"),
        [("band-outside-scale", "desired band '> 7' lies outside the scale 1 - 6", DESIRED)],
    ),
]


@pytest.mark.parametrize(("given", "direction", "scale", "expected"), SETTLE_PROBLEMS)
def test_settle_returns_every_problem_and_raises_none(given, direction, scale, expected) -> None:
    settled = bands.settle(given, direction, scale)
    assert [(p.code, p.message, p.status) for p in settled.problems] == expected


def test_settle_keeps_the_bands_best_first_with_the_direction_they_make() -> None:
    settled = bands.settle(pieces(not_approved="< 2", desired="> 5", accepted="2 - 4,9"), None, None)
    assert [(b.status, b.text) for b in settled.bands] == [
        (DESIRED, "> 5"),
        (ACCEPTED, "2 - 4,9"),
        (NOT_APPROVED, "< 2"),
    ]
    assert (settled.direction, settled.problems) == (Direction.HIGHER_IS_BETTER, ())
    lower = bands.settle(pieces(desired="3,9 eller bedre", not_approved="> 3,9"), Direction.LOWER_IS_BETTER, None)
    assert (lower.direction, lower.problems) == (Direction.LOWER_IS_BETTER, ())
    assert lower.bands[0].intervals == (at_most("3.9"),)
