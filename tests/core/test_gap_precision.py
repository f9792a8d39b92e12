"""Gap warnings only where a value written at the bands' own precision can fall into the gap
(README "Band notation", Gaps); finer gaps get one summary note from ``kpi validate``.

The made-up indicators below are shaped like published ones; their numbers mean nothing beyond
the edge each one checks.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_INDICATORS, seed_line

from kpi_cli.bands.notation import parse_band_text
from kpi_cli.bands.order import gaps, holds_written_value, precision
from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.model import Band, Interval, Status
from kpi_cli.rating.checks import gap_note, gap_warnings


def D(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def bands(desired: str, accepted: str, not_approved: str) -> tuple[Band, ...]:
    texts = {Status.DESIRED: desired, Status.ACCEPTED: accepted, Status.NOT_APPROVED: not_approved}
    return tuple(Band(status, text, tuple(parse_band_text(text))) for status, text in texts.items())


@pytest.mark.parametrize(
    ("texts", "decimals"),
    [
        (("300 - 399", "250 - 299", "< 250"), 0),
        (("4,5 - 6", "4 - 4,4", "0 - 3,9"), 1),
        (("> 5 %poeng", "2 - 4,9 %poeng", "< 2 %poeng"), 1),
        (("1,30 - 1,69 %", "1,00 - 1,29 %", "< 1,00 %"), 2),
        (("> 2", "1,5 - 2", "< 1,500"), 3),  # trailing zeros are written, so they count
    ],
)
def test_precision_is_the_most_decimals_written(texts: tuple[str, str, str], decimals: int) -> None:
    assert precision(bands(*texts)) == decimals


def test_precision_of_no_bands_is_whole_numbers() -> None:
    assert precision(()) == 0


def interval(text: str) -> Interval:
    """'(4,4; 4,5)' style: brackets say which ends are in."""
    low, high = text[1:-1].split(";")
    return Interval(D(low.strip()), D(high.strip()), text[0] == "[", text[-1] == "]")


@pytest.mark.parametrize(
    ("gap", "decimals", "holds"),
    [
        ("(299; 300)", 0, False),  # dwellings: no whole number between
        ("(5; 6)", 0, False),  # stars
        ("(4,4; 4,5)", 1, False),
        ("(3,9; 4)", 1, False),
        ("(4,9; 5]", 1, True),  # '2 - 4,9' and '> 5': exactly 5 lies in the gap
        ("[249; 250)", 0, True),  # '‹ 249' and '250 - 299': 249 itself
        ("[0,99; 1,00)", 2, True),
        ("(1,99; 2,00]", 2, True),
        ("(1,29; 1,30)", 2, False),
        ("(1,29; 1,30)", 3, True),  # 1,295 when the bands are written to three decimals
        ("(4,4; 4,5)", 2, True),  # 4,45
        ("(4,1; 4,2)", 2, True),
        ("(-0,01; 0)", 2, False),
        ("(-0,2; 0)", 1, True),  # -0,1
        ("(-1; 0)", 0, False),
        ("[-1; 0)", 0, True),
        ("(299; 301)", 0, True),
    ],
)
def test_gap_holds_a_written_value(gap: str, decimals: int, holds: bool) -> None:
    assert holds_written_value(interval(gap), decimals) is holds


def test_seed_warns_only_of_the_gap_holding_5() -> None:
    scorecard = load_definitions(SEED_INDICATORS)
    assert [w.format() for w in gap_warnings(scorecard)] == [
        f"{SEED_INDICATORS}:{seed_line('L.2.1')}:13: warning: L.2.1: values in (4,9, 5] fall between accepted "
        "and desired; rated accepted under gap policy worse [band-gap]"
    ]
    note = gap_note(scorecard)
    assert note is not None
    assert note.format() == (
        f"{SEED_INDICATORS}: note: 4 gaps between bands in 2 indicators hold only values written more "
        "finely than the bands (e.g. 3,95 in L.1.1, between not_approved and accepted); such values are rated "
        "by the gap policy [gap-summary]"
    )


def test_seed_validate_says_it_in_one_line(kpi, workdir, assert_ok) -> None:
    result = kpi("validate", "--lang", "en")
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [
        f"indicators.yaml:{seed_line('L.2.1')}:13: warning: L.2.1: values in (4,9, 5] fall between accepted and "
        "desired; rated accepted under gap policy worse [band-gap]",
        "indicators.yaml: note: 4 gaps between bands in 2 indicators hold only values written more finely "
        "than the bands (e.g. 3,95 in L.1.1, between not_approved and accepted); such values are rated by the "
        "gap policy [gap-summary]",
    ]
    assert result.stdout == "indicators.yaml: ok: 1 focus area, 2 goals, 5 indicators, 1 warning\n"


MANY = """\
scorecard: Made up
language: {lang}
focus_areas:
  - id: M
    name: Made up
    goals:
      - id: M.1
        name: Made up
        indicators:
          - id: M.1.1
            name: Dwellings
            bands: {{desired: "300 - 399", accepted: "250 - 299", not_approved: "0 - 249"}}
          - id: M.1.2
            name: Stars
            bands: {{desired: "6", accepted: "5", not_approved: "1 - 4"}}
          - id: M.1.3
            name: Score
            bands: {{desired: "4,5 - 6", accepted: "4 - 4,4", not_approved: "0 - 3,9"}}
"""


def test_many_finer_gaps_give_one_note_and_no_warning() -> None:
    scorecard = parse_definitions(MANY.format(lang="nb"), "many.yaml")
    assert gap_warnings(scorecard) == []
    assert sum(len(gaps(i.bands)) for i in scorecard.indicators()) == 6
    note = gap_note(scorecard)
    assert note is not None
    assert note.format() == (
        "many.yaml: note: 6 gaps between bands in 3 indicators hold only values written more finely than the "
        "bands (e.g. 249,5 in M.1.1, between not_approved and accepted); such values are rated by the gap policy "
        "[gap-summary]"
    )


def test_note_writes_numbers_in_the_file_language() -> None:
    note = gap_note(parse_definitions(MANY.format(lang="en"), "many.yaml"))
    assert note is not None and "(e.g. 249.5 in M.1.1," in note.message


def test_no_note_without_finer_gaps() -> None:
    text = MANY.format(lang="nb").split("          - id: M.1.2")[0].replace('"0 - 249"', '"< 250"')
    scorecard = parse_definitions(text.replace('"250 - 299"', '"250 - 299,5"'), "one.yaml")
    # '250 - 299,5' and '300 - 399' leave (299,5, 300): at one decimal 299,6 lies in it
    assert [w.message for w in gap_warnings(scorecard)] == [
        "M.1.1: values in (299,5, 300) fall between accepted and desired; rated accepted under gap policy worse"
    ]
    assert gap_note(scorecard) is None
