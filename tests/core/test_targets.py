"""Single targets, tolerances, targets per year, rate: change and the scorecard's own levels.

How they are written: README, "Levels" and "Single targets". Every scorecard here is made up.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest
from conftest import cli_runner
from hypothesis import given
from hypothesis import strategies as st
from made_up import made_up_card

from kpi_cli.cli import main
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.definitions.target_fields import complement
from kpi_cli.model import DEFAULT_LEVELS, Direction, Interval, Status
from kpi_cli.rating.checks import findings
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.rating.rate import rate
from kpi_cli.render.labels import Labels
from kpi_cli.report import Note, ResultRow
from kpi_cli.results.values import read_value

TWO = "levels: [{id: met, label: {nb: Nådd, en: Met}}, {id: not_met, label: {nb: Ikke nådd, en: Not met}}]"


def scorecard(indicators: str, levels: str = ""):
    return parse_definitions(made_up_card(indicators, levels))


def one(fields: str, levels: str = ""):
    (indicator,) = scorecard(f"- id: A.1.1\n  name: Made-up\n{textwrap.indent(fields, '  ')}", levels).indicators()
    return indicator


@pytest.mark.parametrize(
    ("fields", "value", "expected"),
    [
        ('target: ">52,5 poeng"', "52,6", Status.DESIRED),
        ('target: ">52,5 poeng"', "52,5", Status.NOT_APPROVED),
        ('target: "> 85 %"', "85", Status.NOT_APPROVED),
        ('target: "> 85 %"', "86", Status.DESIRED),
        ('target: "< 6 %"', "5,9", Status.DESIRED),
        ('target: "< 6 %"', "6", Status.NOT_APPROVED),
        ('target: "3,0 %"\ndirection: higher', "3,0", Status.DESIRED),
        ('target: "3,0 %"\ndirection: higher', "2,9", Status.NOT_APPROVED),
        ('target: "3,0 %"\ndirection: lower', "3,0", Status.DESIRED),
        ('target: "3,0 %"\ndirection: lower', "3,1", Status.NOT_APPROVED),
        ('target: "≥ 92 %"\ntolerance: "2"', "90", Status.ACCEPTED),
        ('target: "≥ 92 %"\ntolerance: "2"', "89,9", Status.NOT_APPROVED),
        ('target: "≥ 92 %"\ntolerance: "2"', "92", Status.DESIRED),
        ('target: "4,70"\ndirection: higher\ntolerance: "5 %"', "4,465", Status.ACCEPTED),
        ('target: "4,70"\ndirection: higher\ntolerance: "5 %"', "4,46", Status.NOT_APPROVED),
        ('target: "6,5 %"\ndirection: lower\ntolerance: "0,5"', "7,0", Status.ACCEPTED),
        ('target: "6,5 %"\ndirection: lower\ntolerance: "0,5"', "7,01", Status.NOT_APPROVED),
        ('target: "1,30 - 1,69 %"\ntolerance: "0,3"', "1,0", Status.ACCEPTED),
        ('target: "1,30 - 1,69 %"\ntolerance: "0,3"', "1,99", Status.ACCEPTED),
        ('target: "1,30 - 1,69 %"\ntolerance: "0,3"', "2", Status.NOT_APPROVED),
        ('target: "4 eller bedre"\ndirection: higher', "4", Status.DESIRED),
    ],
)
def test_a_single_target_rates_best_inside_worst_outside_and_middle_within_the_tolerance(fields, value, expected):
    indicator = one(fields)
    assert rate(indicator, read_value(value)[0] or Decimal(0)).status is expected


def test_a_target_within_a_scale_gives_bands_within_it():
    indicator = one('scale: [1, 6]\ntarget: ">= 4,5"\ntolerance: "0,5"')
    assert [(band.status, band.intervals) for band in indicator.bands] == [
        (Status.DESIRED, (Interval(Decimal("4.5"), None, True, False),)),
        (Status.ACCEPTED, (Interval(Decimal("4.0"), Decimal("4.5"), True, False),)),
        (Status.NOT_APPROVED, (Interval(Decimal(1), Decimal("4.0"), True, False),)),
    ]
    # Printed as the scorecard prints bands (tests/test_band_printing.py), in the target's signs.
    assert [band.text for band in indicator.bands] == [">= 4,5", "4,0 - 4,4", "< 4,0"]


def test_targets_per_year_rate_each_year_by_its_own():
    card = scorecard("""\
        - id: A.1.1
          name: Made-up
          target:
            - {from: 2014, target: ">60,0%"}
            - {from: 2015, target: ">61,0%"}
        """)
    rows = [ResultRow("A.1.1", 2014, Decimal("60.5")), ResultRow("A.1.1", 2015, Decimal("60.8"))]
    report = evaluate(card, rows, 2015)
    assert [(r.year, r.status) for r in (*report.history, *report.results)] == [
        (2014, Status.DESIRED),
        (2015, Status.NOT_APPROVED),
    ]


def test_rate_change_rates_the_difference_from_the_year_before_and_shows_both_values():
    card = scorecard("""\
        - id: A.1.1
          name: Made-up
          unit: "%"
          scale: [0, 100]
          rate: change
          target: "0,5 - 1"
          tolerance: "0,25"
        """)
    rows = [ResultRow("A.1.1", year, Decimal(v)) for year, v in ((2013, "70"), (2014, "70.8"), (2015, "71.1"))]
    report = evaluate(card, rows, 2015)
    results = [(r.year, r.value, r.status) for r in (*report.history, *report.results)]
    assert results == [
        (2013, None, Status.MISSING),
        (2014, Decimal("0.8"), Status.DESIRED),
        (2015, Decimal("0.3"), Status.ACCEPTED),
    ]
    first = report.history[0]
    assert first.note is not None and dict(first.note.values) == {"measure": "A.1.1", "year": "2012"}
    assert report.results[0].computed is not None
    assert report.results[0].computed.inputs == (("A.1.1", 2015, Decimal("71.1")), ("A.1.1", 2014, Decimal("70.8")))
    assert report.row_counts.rated == 2 and report.row_counts.not_rated == 1


def test_rate_change_still_checks_the_value_against_the_scale():
    card = scorecard('- {id: A.1.1, name: Made-up, scale: [0, 100], rate: change, target: "> 0"}\n')
    report = evaluate(card, [ResultRow("A.1.1", 2015, Decimal("170"))], 2015, strict=False)
    assert [error.code for error in report.errors] == ["value-outside-scale"]


def test_levels_default_to_the_three_of_the_seed():
    card = scorecard("- {id: A.1.1, name: Made-up}\n")
    assert card.levels == DEFAULT_LEVELS
    assert [card.level_id(s) for s in Status] == [s.value for s in Status]


def test_two_levels_take_the_best_and_the_worst_position():
    card = scorecard('- {id: A.1.1, name: Made-up, target: "> 5"}\n', TWO)
    assert [(level.id, level.status, level.label("en")) for level in card.levels] == [
        ("met", Status.DESIRED, "Met"),
        ("not_met", Status.NOT_APPROVED, "Not met"),
    ]
    assert (card.level_id(Status.DESIRED), card.level_id(Status.NOT_APPROVED), card.level_id(Status.MISSING)) == (
        "met",
        "not_met",
        "missing",
    )


def test_three_swedish_levels_with_a_plain_label_in_the_language_of_the_scorecard():
    levels = (
        "language: sv\nlevels: [{id: Uppfyllt, label: Uppfyllt}, {id: Delvis uppfyllt, label: Delvis uppfyllt},"
        " {id: Ej uppfyllt, label: Ej uppfyllt}]"
    )
    card = scorecard('- {id: A.1.1, name: Made-up, target: ">= 90 %", tolerance: "5"}\n', levels)
    assert [(level.id, level.status, level.labels) for level in card.levels] == [
        ("Uppfyllt", Status.DESIRED, (("sv", "Uppfyllt"),)),
        ("Delvis uppfyllt", Status.ACCEPTED, (("sv", "Delvis uppfyllt"),)),
        ("Ej uppfyllt", Status.NOT_APPROVED, (("sv", "Ej uppfyllt"),)),
    ]


@pytest.mark.parametrize(
    ("text", "value", "note"),
    [
        ("56 %***", Decimal(56), "footnote-mark"),
        ("72 % ****", Decimal(72), "footnote-mark"),
        ("4,5*", Decimal("4.5"), "footnote-mark"),
        ("Resultat for 2018 foreligger ikke", None, "result-text"),
        ("Ikke målt i 2018", None, "result-text"),
        ("Ikke målt", None, None),
        ("56 %", Decimal(56), None),
    ],
)
def test_values_as_published_tables_print_them(text, value, note):
    assert read_value(text) == (value, note)


@pytest.mark.parametrize("text", ["ca 45 %", "4,5 eller mer", "ca. 45 %"])
def test_a_value_with_a_word_is_not_a_sentence_and_stays_an_error(text):
    with pytest.raises(ValueError, match="is not a number"):
        read_value(text)


@pytest.mark.parametrize("text", ["> 70 %", "<4,0%", "≥ 92 %", "›5"])
def test_a_value_with_a_sign_says_to_write_the_number(text):
    with pytest.raises(ValueError, match="is written with a sign: write the number itself") as caught:
        read_value(text)
    assert getattr(caught.value, "code", None) == "value-with-sign"


edges = st.decimals(min_value=-1000, max_value=1000, places=2)


@given(
    st.lists(st.tuples(edges, edges), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
    edges,
)
def test_a_complement_holds_exactly_what_the_intervals_do_not(pairs, low_inclusive, high_inclusive, value):
    """Sorted, disjoint intervals and their complement cover every value exactly once."""
    intervals = []
    last = Decimal(-2000)
    for a, b in sorted(pairs):
        low, high = max(a, last + 1), max(b, a, last + 1)
        intervals.append(Interval(low, high, low_inclusive, high_inclusive or low == high))
        last = high
    intervals = [i for i in intervals if not i.is_empty()]
    inside = sum(i.contains(value) for i in intervals)
    outside = sum(i.contains(value) for i in complement(intervals))
    assert inside + outside == 1


def test_a_target_version_may_have_its_own_tolerance():
    indicator = one('target:\n  - {from: 2014, target: ">= 90"}\n  - {from: 2015, target: ">= 90", tolerance: "5"}')
    assert rate(indicator.in_force(2014), Decimal(88)).status is Status.NOT_APPROVED
    assert rate(indicator.in_force(2015), Decimal(88)).status is Status.ACCEPTED


signs = st.sampled_from([(">", "higher"), (">=", "higher"), ("<", "lower"), ("<=", "lower")])


@given(
    signs,
    st.decimals(min_value=-100, max_value=100, places=1),
    st.decimals(min_value=0, max_value=5, places=1),
    st.decimals(min_value=-120, max_value=120, places=2),
)
def test_every_value_gets_the_level_its_distance_from_the_target_says(sign, edge, tolerance, value):
    """Inside the target: best; missing it by no more than the tolerance: middle; else worst."""
    text, side = sign
    indicator = one(f'target: "{text} {edge}"\ntolerance: "{tolerance}"')
    inside = {">": value > edge, ">=": value >= edge, "<": value < edge, "<=": value <= edge}[text]
    miss = edge - value if side == "higher" else value - edge
    expected = (
        Status.DESIRED if inside else Status.ACCEPTED if miss <= tolerance and tolerance > 0 else Status.NOT_APPROVED
    )
    assert rate(indicator, value).status is expected


# --- targets that start and end (issue 21, point 6) -------------------------------------


def test_a_target_of_null_ends_the_target_from_its_year():
    card = scorecard("""\
        - id: A.1.1
          name: Made-up
          target:
            - {from: 2014, target: "> 5"}
            - {from: 2016, target: null}
        """)
    rows = [ResultRow("A.1.1", year, Decimal(6)) for year in (2015, 2016, 2017)]
    report = evaluate(card, rows, 2017)
    found = [(r.year, r.status, r.note) for r in (*report.history, *report.results)]
    ended = Note("target_ended", (("year", "2016"),))
    assert found == [(2015, Status.DESIRED, None), (2016, Status.NO_TARGET, ended), (2017, Status.NO_TARGET, ended)]
    (indicator,) = card.indicators()
    assert indicator.direction is Direction.HIGHER_IS_BETTER  # the last target's, not the end's
    assert [f.code for f in findings(card, 2017)] == []  # ended on purpose: not an indicator that lacks bands


def test_before_the_first_target_an_indicator_has_no_target_before_that_year_and_no_warning():
    card = scorecard("""\
        - id: A.1.1
          name: Made-up
          target:
            - {from: 2016, target: "> 5"}
        - id: A.1.2
          name: Made-up without any target
        """)
    report = evaluate(card, [ResultRow("A.1.1", 2015, Decimal(6))], 2015)
    first = report.results[0]
    assert (first.status, first.note) == (Status.NO_TARGET, Note("no_target_before", (("year", "2016"),)))
    assert Labels("nb").note(first.note) == "ikke noe mål før 2016"
    assert Labels("en").note(first.note) == "no target before 2016"
    assert [(f.indicator, f.code) for f in findings(card, 2015)] == [("A.1.2", "no-bands")]


def test_evaluate_says_no_target_before_the_first_year_in_the_table_and_csv(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text(
        made_up_card("- {id: A.1.1, name: Made-up, target: [{from: 2016, target: '> 5'}]}\n", ""),
        encoding="utf-8",
    )
    results = tmp_path / "r.csv"
    results.write_text("indikator;år;verdi\nA.1.1;2015;6\n", encoding="utf-8")
    table = cli_runner().invoke(main, ["evaluate", str(results), "--indicators", str(path)])
    assert table.exit_code == 0, table.output
    assert "A.1.1: ikke noe mål før 2016" in table.stdout.splitlines()
    assert "no-bands" not in table.stderr
    csv = cli_runner().invoke(main, ["evaluate", str(results), "--indicators", str(path), "--format", "csv"])
    assert "ikke noe mål før 2016" in csv.stdout
