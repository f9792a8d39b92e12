"""Band sets as municipal scorecards publish them load and rate every edge as the README's "Band notation" says.

tests/fixtures/published-bands.yaml holds the kinds of text real scorecards print: a two-sided
target range, lower-is-better, Norwegian words, an en dash, a minus with a space and U+2212, and
gaps at two different precisions (3,75 | 3,76 and 4,1 | 4,2). Values are made up.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import cli_runner

from kpi_cli.cli import main
from kpi_cli.definitions.load import load_definitions
from kpi_cli.model import Direction, GapPolicy, Status
from kpi_cli.rating.checks import gap_warnings
from kpi_cli.rating.rate import UnratableValue, describe, rate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "published-bands.yaml"
D, A, N = Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED


@pytest.fixture(scope="module")
def indicators():
    return load_definitions(FIXTURE).indicator_map()


def test_directions_are_inferred(indicators) -> None:
    assert {i: indicators[i].direction for i in indicators} == {
        "P.1.1": Direction.TARGET_RANGE,
        "P.1.2": Direction.LOWER_IS_BETTER,
        "P.1.3": Direction.HIGHER_IS_BETTER,
        "P.1.4": Direction.HIGHER_IS_BETTER,
        "P.1.5": Direction.HIGHER_IS_BETTER,
        "Q.1.1": Direction.HIGHER_IS_BETTER,
        "Q.1.2": Direction.HIGHER_IS_BETTER,
        "Q.1.3": None,
    }


@pytest.mark.parametrize(
    ("indicator", "value", "status", "in_gap"),
    [
        # two-sided target range: desired in the middle, accepted on both sides, not approved outside
        ("P.1.1", "1,30", D, False),
        ("P.1.1", "1,69", D, False),
        ("P.1.1", "1,295", A, True),  # gap (1,29, 1,30): worse neighbour
        ("P.1.1", "1,695", A, True),  # gap (1,69, 1,70)
        ("P.1.1", "1,00", A, False),
        ("P.1.1", "1,99", A, False),
        ("P.1.1", "0,999", N, False),
        ("P.1.1", "1,995", N, False),  # in the open band '> 1,99'
        ("P.1.1", "-3", N, False),
        ("P.1.1", "12", N, False),
        # lower is better
        ("P.1.2", "5,99", D, False),
        ("P.1.2", "6", A, False),
        ("P.1.2", "7,5", A, False),
        ("P.1.2", "7,51", N, False),
        ("P.1.2", "0", D, False),
        # gaps at two precisions: (3,75, 3,76) and (4,1, 4,2)
        ("P.1.3", "4,2", D, False),
        ("P.1.3", "4,15", A, True),
        ("P.1.3", "4,1", A, False),
        ("P.1.3", "3,76", A, False),
        ("P.1.3", "3,755", N, True),
        ("P.1.3", "3,75", N, False),
        ("P.1.3", "1", N, False),
        ("P.1.3", "5", D, False),
        # words, gap policy nearest: (79,9, 80) ties at 79,95 go to the worse
        ("P.1.4", "80", D, False),
        ("P.1.4", "79,96", D, True),
        ("P.1.4", "79,95", A, True),
        ("P.1.4", "79,94", A, True),
        ("P.1.4", "70", A, False),
        ("P.1.4", "69,99", N, False),
        # en dash, minus with a space and U+2212
        ("P.1.5", "1,76", D, False),
        ("P.1.5", "1,75", A, False),
        ("P.1.5", "0", A, False),
        ("P.1.5", "-0,005", N, True),  # gap (-0,01, 0)
        ("P.1.5", "-0,01", N, False),
        ("P.1.5", "-2,30", N, False),
        # 'minst på 1,5 %' (issue 21): the target is reached at 1,5
        ("Q.1.1", "1,5", D, False),
        ("Q.1.1", "1,49", N, False),
    ],
)
def test_every_edge(indicators, indicator: str, value: str, status: Status, in_gap: bool) -> None:
    rating = rate(indicators[indicator], Decimal(value.replace(",", ".")))
    assert (rating.status, rating.in_gap) == (status, in_gap)


def test_beyond_the_outermost_band_without_a_scale_takes_that_band(indicators) -> None:
    rating = rate(indicators["P.1.5"], Decimal("-2.31"))
    assert (rating.status, rating.beyond) == (N, True)
    assert describe(rating) == (
        "-2,31 lies beyond every band and no scale is set: rated by the outermost band not_approved -2,30 - -0,01"
    )


def test_outside_the_scale_is_a_data_error(indicators) -> None:
    with pytest.raises(UnratableValue, match=r"value 5,01 is outside the scale 1 - 5"):
        rate(indicators["P.1.3"], Decimal("5.01"))


def test_gap_policy_per_indicator(indicators) -> None:
    assert indicators["P.1.4"].gap_policy is GapPolicy.NEAREST
    assert indicators["P.1.3"].gap_policy is GapPolicy.WORSE


def test_validate_lists_each_gap_with_its_interval() -> None:
    messages = [w.message for w in gap_warnings(load_definitions(FIXTURE))]
    # Only gaps a value written at the indicator's own precision can fall into: P.1.3's bands are
    # written to two decimals (3,75), so 4,15 can lie in (4,1, 4,2); every other gap holds only finer values.
    assert messages == [
        "P.1.3: values in (4,1, 4,2) fall between accepted and desired; rated accepted under gap policy worse",
    ]


def test_kpi_validate_accepts_the_file() -> None:
    result = cli_runner().invoke(main, ["validate", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("2 mål, 8 indikatorer, 1 advarsel\n")  # the file's language, nb


def test_a_target_for_the_end_of_the_term_is_a_deadline_target(indicators) -> None:
    # 'vid mandatperiodens slut' with the file's term_ends: 2022 (issue 21): not '>= 35500' from now on
    due = indicators["Q.1.2"].deadline
    assert due is not None and (due.by, due.target.low, due.text) == (
        2022,
        Decimal(35500),
        "35 500 personer vid mandatperiodens slut, 2022",
    )
