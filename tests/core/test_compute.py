"""Computed indicators: change, share, ratio and difference of measures, and small bases.

The core (kpi_cli.rating.compute.compute / agrees, kpi_cli.rating.evaluate.evaluate) is tested
directly; the CLI through click's CliRunner. Every count below is made up for the
test: the source publishes no count of ideas or projects.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from conftest import SEED_INDICATORS, seed_line, shown_results

from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.model import Computation, Direction, Indicator, Status
from kpi_cli.rating.compute import agrees, base, compute
from kpi_cli.rating.evaluate import evaluate, rate_one
from kpi_cli.report import Benchmark, Computed, Note, ResultRow, RowFates

# --- helpers ----------------------------------------------------------------------------------


def computed_indicator(method: str, *inputs: str, min_base: int | None = None) -> Indicator:
    return Indicator(id="X.1", name="made up", compute=Computation(method, inputs), min_base=min_base)


def index(*rows: tuple[str, int, str | None]) -> dict[tuple[str, int, str | None], ResultRow]:
    """Rows as (measure, year, value text); a value of None is a row without a result."""
    return {
        (measure, year, None): ResultRow(measure, year, None if value is None else Decimal(value))
        for measure, year, value in rows
    }


def evaluated(result) -> dict:
    text = result.stdout
    assert text.lstrip().startswith("{") and text.rstrip().endswith("}"), (text, result.stderr)
    return json.loads(text)


def by_id(document, org_unit=None) -> dict:
    return {item["indicator"]: item for item in shown_results(document) if item["org_unit"] == org_unit}


def line_starting(text: str, prefix: str) -> str:
    lines = [line.rstrip() for line in text.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, (prefix, text)
    return lines[0]


# --- compute(): each computation --------------------------------------------------------------


def test_change_is_percentage_change_from_the_previous_year():
    # made up: 120 ideas in 2015, 130 in 2016
    outcome = compute(
        computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2015, "120"), ("ideer", 2016, "130"))
    )
    assert isinstance(outcome, Computed)
    assert outcome.value == Decimal("8.33")
    assert outcome.value.as_tuple().exponent == -2
    assert outcome.inputs == (("ideer", 2016, Decimal(130)), ("ideer", 2015, Decimal(120)))
    assert outcome.computation == Computation("change", ("ideer",))


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        ("100", "90", "-10.00"),  # a fall is a negative change
        ("120", "0", "-100.00"),  # none this year: all gone
        ("100", "100", "0.00"),  # no change
        ("3", "4", "33.33"),
        ("3", "5", "66.67"),  # rounded half up to two places
        ("8", "9", "12.50"),
        ("1000", "1001", "0.10"),
    ],
)
def test_change_values(before, now, expected):
    # made up counts
    outcome = compute(
        computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2015, before), ("ideer", 2016, now))
    )
    assert isinstance(outcome, Computed)
    assert outcome.value == Decimal(expected)
    assert str(outcome.value) == expected


def test_change_with_zero_the_year_before_is_a_zero_denominator():
    # made up: no ideas at all in 2015
    outcome = compute(
        computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2015, "0"), ("ideer", 2016, "90"))
    )
    assert outcome == Note("zero_denominator", (("measure", "ideer"), ("year", "2015")))


def test_change_without_the_previous_year_has_nothing_to_compare_with():
    outcome = compute(computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2016, "90")))
    assert outcome == Note("no_year_before", (("measure", "ideer"), ("year", "2015")))


def test_change_without_this_year_is_a_missing_input():
    outcome = compute(computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2015, "90")))
    assert outcome == Note("missing_input", (("measure", "ideer"), ("year", "2016")))


def test_an_empty_measure_row_the_year_before_is_nothing_to_compare_with():
    # made up: the 2015 row is there but its value is empty
    outcome = compute(
        computed_indicator("change", "ideer"), 2016, None, index(("ideer", 2015, None), ("ideer", 2016, "9"))
    )
    assert outcome == Note("no_year_before", (("measure", "ideer"), ("year", "2015")))


def test_change_takes_the_org_units_own_measures():
    rows = {
        ("ideer", 2015, "Oppvekst"): ResultRow("ideer", 2015, Decimal(50), "Oppvekst"),
        ("ideer", 2016, "Oppvekst"): ResultRow("ideer", 2016, Decimal(60), "Oppvekst"),
        ("ideer", 2015, None): ResultRow("ideer", 2015, Decimal(100)),
    }  # made up
    outcome = compute(computed_indicator("change", "ideer"), 2016, "Oppvekst", rows)
    assert isinstance(outcome, Computed) and outcome.value == Decimal("20.00")
    assert compute(computed_indicator("change", "ideer"), 2016, None, rows) == Note(
        "missing_input", (("measure", "ideer"), ("year", "2016"))
    )


@pytest.mark.parametrize(
    ("method", "a", "b", "expected"),
    [
        ("share", "30", "120", "25.00"),
        ("share", "1", "3", "33.33"),
        ("share", "2", "3", "66.67"),
        ("share", "0", "7", "0.00"),
        ("share", "9", "8", "112.50"),  # more than the whole: still computed, nothing clamps it
        ("ratio", "1", "8", "0.13"),  # 0,125 rounded half up
        ("ratio", "10", "4", "2.50"),
        ("ratio", "0", "5", "0.00"),
        ("ratio", "-3", "4", "-0.75"),
        ("difference", "130", "120", "10.00"),
        ("difference", "120", "130", "-10.00"),
        ("difference", "5", "0", "5.00"),  # a zero is fine when nothing is divided by it
        ("difference", "0", "0", "0.00"),
        ("difference", "4.51", "4.5", "0.01"),
    ],
)
def test_share_ratio_difference(method, a, b, expected):
    # made up counts
    rows = index(("a", 2017, a), ("b", 2017, b))
    outcome = compute(computed_indicator(method, "a", "b"), 2017, None, rows)
    assert isinstance(outcome, Computed)
    assert str(outcome.value) == expected
    assert outcome.inputs == (("a", 2017, Decimal(a)), ("b", 2017, Decimal(b)))


@pytest.mark.parametrize("method", ["share", "ratio"])
def test_zero_denominator(method):
    outcome = compute(computed_indicator(method, "a", "b"), 2017, None, index(("a", 2017, "3"), ("b", 2017, "0")))
    assert outcome == Note("zero_denominator", (("measure", "b"), ("year", "2017")))


@pytest.mark.parametrize("method", ["share", "ratio", "difference"])
@pytest.mark.parametrize(("given", "missing"), [(("a",), "b"), (("b",), "a"), ((), "a")])
def test_missing_input_names_the_first_missing_measure(method, given, missing):
    rows = index(*((measure, 2017, "4") for measure in given))
    outcome = compute(computed_indicator(method, "a", "b"), 2017, None, rows)
    assert outcome == Note("missing_input", (("measure", missing), ("year", "2017")))


def test_inputs_of_another_year_do_not_count():
    rows = index(("a", 2016, "3"), ("b", 2016, "4"))  # made up, for the wrong year
    assert compute(computed_indicator("share", "a", "b"), 2017, None, rows) == Note(
        "missing_input", (("measure", "a"), ("year", "2017"))
    )


@pytest.mark.parametrize(("denominator", "small"), [("9", True), ("10", False), ("11", False)])
def test_share_with_a_denominator_below_min_base(denominator, small):
    """The share is computed either way (shown, not rated); its denominator is the base."""
    rows = index(("a", 2017, "6"), ("b", 2017, denominator))  # made up
    indicator = computed_indicator("share", "a", "b", min_base=10)
    outcome = compute(indicator, 2017, None, rows)
    assert isinstance(outcome, Computed)
    assert base(outcome) == Decimal(denominator)
    result = rate_one(indicator, 2017, None, None, outcome)
    if small:
        assert result.status is Status.INSUFFICIENT_BASE
        assert result.note == Note("small_base", (("base", "9"), ("min_base", "10")))
    else:
        assert result.status is not Status.INSUFFICIENT_BASE and result.note is None


def test_min_base_does_not_apply_to_a_difference():
    rows = index(("a", 2017, "6"), ("b", 2017, "2"))  # made up
    outcome = compute(computed_indicator("difference", "a", "b", min_base=10), 2017, None, rows)
    assert isinstance(outcome, Computed) and outcome.value == Decimal("4.00")


# --- agrees(): a value given directly against the computed one --------------------------------


@pytest.mark.parametrize(
    ("computed", "given", "ok"),
    [
        ("8.33", "8.3", True),
        ("8.33", "8.33", True),
        ("8.33", "8", True),
        ("8.33", "9", False),
        ("8.33", "8.4", False),
        ("8.33", "8.2", False),
        ("8.33", "8.34", False),
        ("8.35", "8.4", True),
        ("-10.00", "-10", True),
        ("-10.00", "10", False),
        ("0.00", "0", True),
        ("25.00", "25.0", True),
        ("25.00", "24.9", False),
    ],
)
def test_agrees_within_the_given_values_precision(computed, given, ok):
    assert agrees(Decimal(computed), Decimal(given)) is ok


# --- validation of compute: and min_base: -----------------------------------------------------

BAD_COMPUTE = """\
scorecard: Made up
measures:
  - id: a
    name: A
  - id: b
    name: B
focus_areas:
  - id: X
    name: X
    goals:
      - id: X.1
        name: G
        indicators:
          - id: X.1.1
            name: one
            compute:
              change: c
          - id: X.1.2
            name: two
            compute:
              share: [a]
          - id: X.1.3
            name: three
            compute:
              share: [a, b]
              ratio: [a, b]
          - id: X.1.4
            name: four
            compute:
              product: [a, b]
          - id: X.1.5
            name: five
            compute:
              change: [a, b]
          - id: X.1.6
            name: six
            compute:
              difference: [a, b, a]
          - id: X.1.7
            name: seven
            compute:
              ratio: [a, nope]
          - id: X.1.8
            name: eight
            min_base: 0
"""

EXPECTED_COMPUTE_ERRORS = {
    "unknown measure": "defs.yaml:17:23: error: indicator X.1.1: compute change: unknown measure 'c'; measures: a, b"
    " [unknown-measure]",
    "two inputs wanted": "defs.yaml:21:22: error: indicator X.1.2: compute share: give a list of two measure ids, "
    "[numerator, denominator] [invalid-compute]",
    "two methods": "defs.yaml:25:15: error: indicator X.1.3: compute: give one computation, not 2 [invalid-compute]",
    "unknown method": "defs.yaml:30:15: error: indikator X.1.4: compute: ukjent nøkkel 'product'; "
    "tillatt: change, share, ratio, difference, better_than"
    " [unknown-key]",
    "one input wanted": "defs.yaml:34:23: error: indicator X.1.5: compute change: give one measure id"
    " [invalid-compute]",
    "three inputs": "defs.yaml:38:27: error: indicator X.1.6: compute difference: give a list of two measure ids, "
    "[a, b] for a − b [invalid-compute]",
    "unknown second input": "defs.yaml:42:22: error: indicator X.1.7: compute ratio: unknown measure 'nope'; "
    "measures: a, b [unknown-measure]",
    "min_base below 1": "defs.yaml:45:23: error: indicator X.1.8: min_base must be at least 1 [out-of-range]",
}


def test_validate_reports_each_compute_problem_once(kpi, write, workdir):
    """One line per problem: the unknown method 'product' is one problem, not two."""
    write("defs.yaml", BAD_COMPUTE)
    result = kpi("validate", "defs.yaml")
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == sorted(EXPECTED_COMPUTE_ERRORS.values())


def test_compute_without_a_measures_list():
    text = """\
scorecard: Made up
focus_areas:
  - id: X
    name: X
    goals:
      - id: X.1
        name: G
        indicators:
          - id: X.1.1
            name: one
            compute:
              change: ideer
"""
    with pytest.raises(KpiErrors) as caught:
        parse_definitions(text, "defs.yaml")
    assert [e.format() for e in caught.value.errors] == [
        "defs.yaml:12:23: error: indicator X.1.1: compute change: unknown measure 'ideer'; "
        "measures: none (add a measures: list) [unknown-measure]"
    ]


def test_compute_must_not_be_code():
    """The method is a key of a closed set; an expression is an unknown key, never evaluated."""
    text = """\
scorecard: Made up
measures:
  - id: a
    name: A
focus_areas:
  - id: X
    name: X
    goals:
      - id: X.1
        name: G
        indicators:
          - id: X.1.1
            name: one
            compute: "__import__('os').system('echo hacked')"
"""
    with pytest.raises(KpiErrors) as caught:
        parse_definitions(text, "defs.yaml")
    assert [e.format() for e in caught.value.errors] == [
        "defs.yaml:14:22: error: indicator X.1.1: compute must be a mapping (key: value lines) [wrong-type]"
    ]


def test_seed_declares_the_l2_computations():
    scorecard = load_definitions(SEED_INDICATORS)
    assert [m.id for m in scorecard.measures] == ["ideer", "ideer_valgt", "prosjekter", "prosjekter_gevinst"]
    indicators = scorecard.indicator_map()
    assert indicators["L.2.1"].compute == Computation("change", ("ideer",))
    assert indicators["L.2.2"].compute == Computation("share", ("ideer_valgt", "ideer"))
    assert indicators["L.2.3"].compute == Computation("share", ("prosjekter_gevinst", "prosjekter"))
    assert indicators["L.1.1"].compute is None and indicators["L.1.2"].compute is None


# --- evaluate(): the L.2 chain from counts ----------------------------------------------------


def rows(*items: tuple[str, int, str]) -> list[ResultRow]:
    return [ResultRow(i, y, Decimal(v), None, v) for i, y, v in items]


def test_evaluate_l2_chain_from_counts_alone():
    scorecard = load_definitions(SEED_INDICATORS)
    # made up counts for 2016 and 2017; no indicator value is given
    report = evaluate(
        scorecard,
        rows(
            ("ideer", 2016, "120"),
            ("ideer", 2017, "150"),
            ("ideer_valgt", 2017, "30"),
            ("prosjekter", 2017, "8"),
            ("prosjekter_gevinst", 2017, "3"),
        ),
        2017,
    )
    results = {r.indicator.id: r for r in report.results}
    assert results["L.2.1"].value == Decimal("25.00") and results["L.2.1"].status is Status.DESIRED
    assert results["L.2.2"].value == Decimal("20.00") and results["L.2.2"].status is Status.NO_TARGET
    assert results["L.2.3"].value == Decimal("37.50") and results["L.2.3"].status is Status.NO_TARGET
    assert results["L.1.1"].status is Status.MISSING and results["L.1.2"].status is Status.MISSING
    assert results["L.2.2"].computed.inputs == (("ideer_valgt", 2017, Decimal(30)), ("ideer", 2017, Decimal(150)))
    # 2016 holds measures only, and is a year of its own (docs/explanation/years-from-measures.md):
    # its change is missing, with the reason
    assert report.other_years == (2016,)
    l21 = next(r for r in report.history if r.indicator.id == "L.2.1")
    assert (l21.year, l21.status, l21.value) == (2016, Status.MISSING, None)
    assert l21.note == Note("no_year_before", (("measure", "ideer"), ("year", "2015")))
    assert report.row_counts == RowFates(rated=0, not_rated=0, no_result=0, measure=5, rejected=0)


def test_evaluate_rates_each_year_of_the_history_from_its_counts():
    scorecard = load_definitions(SEED_INDICATORS)
    # made up: 100 -> 110 (+10 %) -> 112 (+1,82 %)
    report = evaluate(
        scorecard,
        rows(
            ("ideer", 2014, "100"),
            ("ideer", 2015, "110"),
            ("ideer", 2016, "112"),
            ("L.1.1", 2015, "4.6"),
            ("L.1.1", 2016, "4.6"),
        ),
        2016,
    )
    now = {r.indicator.id: r for r in report.results}
    before = {r.indicator.id: r for r in report.history if r.year == 2015}
    assert now["L.2.1"].value == Decimal("1.82") and now["L.2.1"].status is Status.NOT_APPROVED
    assert before["L.2.1"].value == Decimal("10.00") and before["L.2.1"].status is Status.DESIRED
    assert report.other_years == (2015,)


def test_evaluate_negative_change_is_not_approved():
    scorecard = load_definitions(SEED_INDICATORS)
    report = evaluate(scorecard, rows(("ideer", 2015, "100"), ("ideer", 2016, "90")), 2016)  # made up
    result = {r.indicator.id: r for r in report.results}["L.2.1"]
    assert result.value == Decimal("-10.00")
    assert result.status is Status.NOT_APPROVED
    assert result.note is None


def test_evaluate_missing_input_is_missing_with_a_note():
    scorecard = load_definitions(SEED_INDICATORS)
    report = evaluate(scorecard, rows(("ideer", 2016, "90")), 2016)  # made up, 2015 absent
    result = {r.indicator.id: r for r in report.results}["L.2.1"]
    assert result.value is None
    assert result.status is Status.MISSING
    assert result.note == Note("no_year_before", (("measure", "ideer"), ("year", "2015")))


def test_evaluate_a_direct_value_that_disagrees_is_an_error():
    scorecard = load_definitions(SEED_INDICATORS)
    given = rows(("ideer", 2015, "120"), ("ideer", 2016, "130"), ("L.2.1", 2016, "9"))  # made up
    with pytest.raises(KpiErrors) as caught:
        evaluate(scorecard, given, 2016)
    assert [e.message for e in caught.value.errors] == [
        "L.2.1: the value 9 given does not agree with 8,33 computed from ideer 2016 = 130, ideer 2015 = 120"
    ]


def test_evaluate_a_direct_value_without_measures_is_rated_as_given():
    scorecard = load_definitions(SEED_INDICATORS)
    report = evaluate(scorecard, rows(("L.2.1", 2016, "3")), 2016)  # made up
    result = {r.indicator.id: r for r in report.results}["L.2.1"]
    assert result.value == Decimal(3)
    assert result.status is Status.ACCEPTED
    assert result.computed is None and result.note is None


# --- the CLI: the L.2 chain end to end --------------------------------------------------------


def test_cli_l21_from_counts_table_nb(kpi, write, workdir):
    # made up counts and scores
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\nL.1.1;2016;4,6\nL.1.2;2016;4,2\n")
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    out = result.stdout
    assert line_starting(out, "L.2.1 ").endswith("8,33 ● Ønsket resultat")
    assert line_starting(out, "L.2.1:") == "L.2.1: 130 ideer mot 120 året før: +8,33 %"
    assert line_starting(out, "2016:") == ("2016: 2 ønsket · 1 laveste akseptert · 2 ikke innfaset")
    assert result.stderr == ""


def test_cli_l21_from_counts_table_en(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\n")  # made up
    result = kpi("evaluate", "r.csv", "--lang", "en")
    assert result.exit_code == 0
    # 2015's count makes 2015 a year of the report (docs/explanation/years-from-measures.md)
    assert re.search(r" 2015 2016 Change Status$", result.stdout, re.MULTILINE)
    assert re.search(r" – \? 8\.33 +● desired$", line_starting(result.stdout, "L.2.1 "))
    assert line_starting(result.stdout, "L.2.1:") == "L.2.1: 130 ideer against 120 the year before: +8.33 %"
    assert result.stderr == "kpi: note: showing 2016; 2015 rated as its history (--year shows another)\n"
    before = kpi("evaluate", "r.csv", "--lang", "en", "--year", "2015")
    assert re.search(r" – \? Missing result$", line_starting(before.stdout, "L.2.1 "))
    assert line_starting(before.stdout, "L.2.1:") == "L.2.1: no value for ideer in 2014 to compare with"


def test_cli_l21_from_counts_json(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\n")  # made up
    result = kpi("evaluate", "r.csv", "--format", "json")
    assert result.exit_code == 0
    item = by_id(evaluated(result))["L.2.1"]
    assert item["value"] == 8.33
    assert item["status"] == "desired"
    assert item["note"] is None
    assert item["computed"] == {
        "method": "change",
        "inputs": [
            {"measure": "ideer", "year": 2016, "value": 130},
            {"measure": "ideer", "year": 2015, "value": 120},
        ],
        "value": 8.33,
        "text": "130 ideer against 120 the year before: +8.33 %",
    }


def test_cli_whole_l2_chain_for_2017(kpi, write, workdir):
    # made up counts; L.2.2 and L.2.3 have no bands, so they have no target
    write(
        "r.csv",
        "indikator;år;verdi\nideer;2016;120\nideer;2017;150\nideer_valgt;2017;30\n"
        "prosjekter;2017;8\nprosjekter_gevinst;2017;3\nL.1.1;2017;4,5\nL.1.2;2017;4,5\n",
    )
    table = kpi("evaluate", "r.csv")
    assert table.exit_code == 0, table.stderr
    assert line_starting(table.stdout, "L.2.1:") == "L.2.1: 150 ideer mot 120 året før: +25,00 %"
    assert line_starting(table.stdout, "L.2.2:") == "L.2.2: 30 av 150 ideer: 20,00 %"
    assert line_starting(table.stdout, "L.2.3:") == "L.2.3: 3 av 8 prosjekter: 37,50 %"
    assert table.stderr.splitlines() == [
        f"indicators.yaml:{seed_line('L.2.2')}:13: warning: L.2.2 is phased in from 2017 but has no bands [no-bands]",
        f"indicators.yaml:{seed_line('L.2.3')}:13: warning: L.2.3 is phased in from 2017 but has no bands [no-bands]",
    ]
    document = evaluated(kpi("evaluate", "r.csv", "--format", "json"))
    results = by_id(document)
    assert {key: (item["value"], item["status"]) for key, item in results.items()} == {
        "L.1.1": (4.5, "desired"),
        "L.1.2": (4.5, "desired"),
        "L.2.1": (25, "desired"),
        "L.2.2": (20, "no_target"),
        "L.2.3": (37.5, "no_target"),
    }
    assert results["L.2.2"]["computed"]["inputs"] == [
        {"measure": "ideer_valgt", "year": 2017, "value": 30},
        {"measure": "ideer", "year": 2017, "value": 150},
    ]
    assert results["L.2.2"]["computed"]["text"] == "30 of 150 ideer: 20.00 %"
    assert results["L.2.3"]["computed"]["text"] == "3 of 8 prosjekter: 37.50 %"
    assert document["years"] == [2017]  # 2016's count is only the year before a change


def test_cli_negative_change_is_not_approved_and_fails(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2015;100\nideer;2016;90\n")  # made up: a fall of 10 %
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 1
    # 2015 is a year (its count): L.2.1 has nothing to compare with there
    assert re.search(r" – \? -10,00 +✖ ikke godkjent$", line_starting(result.stdout, "L.2.1 "))
    assert line_starting(result.stdout, "L.2.1:") == "L.2.1: 90 ideer mot 100 året før: -10,00 %"
    assert result.stderr.splitlines() == [  # nb, as the table
        "kpi: merk: viser 2016; 2015 vurdert som historikk (--year viser et annet år)",
        "kpi: 1 resultat feiler --fail-on not_approved: L.2.1",
    ]
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--format", "json")))["L.2.1"]
    assert (item["value"], item["status"]) == (-10, "not_approved")
    assert item["computed"]["text"] == "90 ideer against 100 the year before: -10.00 %"


def test_cli_zero_previous_year_is_missing_with_a_note(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2015;0\nideer;2016;90\n")  # made up
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 0, result.stderr
    # 2015 (its count) and 2016 both missing: nothing to compare with, and a zero to divide by
    assert re.search(r" – \? +– +\? Mangler resultat$", line_starting(result.stdout, "L.2.1 "))
    assert line_starting(result.stdout, "L.2.1:") == "L.2.1: ideer er 0 i 2015: kan ikke dele på 0"
    english = kpi("evaluate", "r.csv", "--lang", "en")
    assert line_starting(english.stdout, "L.2.1:") == "L.2.1: ideer is 0 in 2015: cannot divide by 0"
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--format", "json")))["L.2.1"]
    assert item["status"] == "missing"
    assert item["value"] is None
    assert item["computed"] is None
    assert item["note"] == {
        "key": "zero_denominator",
        "measure": "ideer",
        "year": "2015",
        "text": "ideer is 0 in 2015: cannot divide by 0",
    }
    assert kpi("evaluate", "r.csv", "--fail-on-missing").exit_code == 1


def test_cli_previous_year_absent_is_missing_with_a_note(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2016;90\n")  # made up, no 2015 row
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    assert line_starting(result.stdout, "L.2.1 ").endswith("– ? Mangler resultat")
    assert line_starting(result.stdout, "L.2.1:") == "L.2.1: mangler ideer for 2015 å sammenligne med"
    english = kpi("evaluate", "r.csv", "--lang", "en")
    assert line_starting(english.stdout, "L.2.1:") == "L.2.1: no value for ideer in 2015 to compare with"
    nynorsk = kpi("evaluate", "r.csv", "--lang", "nn")
    assert line_starting(nynorsk.stdout, "L.2.1:") == "L.2.1: manglar ideer for 2015 å samanlikne med"
    swedish = kpi("evaluate", "r.csv", "--lang", "sv")
    assert line_starting(swedish.stdout, "L.2.1:") == "L.2.1: ideer saknas för 2015 att jämföra med"
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--format", "json")))["L.2.1"]
    assert item["status"] == "missing"
    assert item["note"] == {
        "key": "no_year_before",
        "measure": "ideer",
        "year": "2015",
        "text": "no value for ideer in 2015 to compare with",
    }


def test_cli_share_with_zero_denominator(kpi, write, workdir):
    # made up: no ideas came in 2017, so no share of them can be selected
    write("r.csv", "indikator;år;verdi\nideer;2016;5\nideer;2017;0\nideer_valgt;2017;0\n")
    document = evaluated(kpi("evaluate", "r.csv", "--format", "json"))
    results = by_id(document)
    # L.2.2 has no bands: an indicator without bands has no target (README, "Band notation"),
    # and the note says why no value
    assert results["L.2.2"]["status"] == "no_target"
    assert results["L.2.2"]["value"] is None
    assert results["L.2.2"]["note"] == {
        "key": "zero_denominator",
        "measure": "ideer",
        "year": "2017",
        "text": "ideer is 0 in 2017: cannot divide by 0",
    }
    assert results["L.2.1"]["value"] == -100 and results["L.2.1"]["status"] == "not_approved"
    assert results["L.2.3"]["note"]["key"] == "missing_input"
    assert results["L.2.3"]["note"]["text"] == "no value for prosjekter_gevinst in 2017"


def test_cli_direct_value_that_agrees(kpi, write, workdir):
    # made up: 8,3 published, 8,33 computed from the counts
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\nL.2.1;2016;8,3\n")
    result = kpi("evaluate", "r.csv", "--format", "json")
    assert result.exit_code == 0, result.stderr
    item = by_id(evaluated(result))["L.2.1"]
    assert item["value"] == 8.33
    assert item["value_text"] == "8,3"
    assert item["status"] == "desired"
    assert item["computed"]["value"] == 8.33
    assert item["source"] == {"path": "r.csv", "line": 4}


def test_cli_direct_value_that_disagrees_is_a_data_error(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\nL.2.1;2016;9\n")  # made up
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "r.csv:4: error: L.2.1: verdien 9 som er oppgitt, stemmer ikke med 8,33 beregnet fra "
        "ideer 2016 = 130, ideer 2015 = 120 [value-disagrees]"
    ]


def test_cli_direct_value_with_more_decimals_than_the_computed_one_agrees(kpi, write, workdir):
    """130 against 120 is +8,3333... %: a published 8,333 is right to its three decimals.

    The computed value is rounded to two places (8,33) before the comparison, so
    8,333 is compared with 8,33 within ±0,0005 and wrongly called a data error.
    """
    write("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\nL.2.1;2016;8,333\n")  # made up
    result = kpi("evaluate", "r.csv", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert by_id(evaluated(result))["L.2.1"]["status"] == "desired"


def test_cli_verbose_counts_measure_rows(kpi, write, workdir):
    # made up: two measure rows, two scores, one empty measure row for 2014
    write("r.csv", "indikator;år;verdi\nideer;2014;\nideer;2015;120\nideer;2016;130\nL.1.1;2016;4,6\nL.1.2;2016;\n")
    result = kpi("evaluate", "r.csv", "--verbose", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "r.csv: read encoding utf-8, delimiter ';', long table, 5 results",
        "r.csv: read the columns indicator 'indikator', year 'år', value 'verdi'",
        "kpi: engine: python (auto: DuckDB streams csv from 5 MB of CSV, or Parquet)",
        "kpi: 5 results read = 1 rated + 0 shown, not rated + 1 without a result + 3 measure values + 0 rejected",
    ]


def test_cli_unknown_measure_in_results_suggests_the_close_one(kpi, write, workdir):
    write("r.csv", "indikator;år;verdi\nider;2016;130\n")  # made up, misspelt
    result = kpi("evaluate", "r.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "r.csv:2: error: ukjent indikator 'ider' (mente du ideer?) [unknown-indicator]"
    ]


# --- min_base: small bases are shown, not rated -----------------------------------------------

SMALL_BASE_DEFINITIONS = """\
# made up definitions for the small-base tests
scorecard: Prøve
language: nb
measures:
  - id: svar_ja
    name: Svar ja
    unit: svar
  - id: svar
    name: Svar i alt
    unit: svar
focus_areas:
  - id: T
    name: Trivsel
    goals:
      - id: T.1
        name: Trivsel på jobb
        indicators:
          - id: T.1.1
            name: Andel som trives
            unit: "%"
            scale: [0, 100]
            min_base: 10
            bands:
              desired: "80 - 100"
              accepted: "60 - 79,9"
              not_approved: "0 - 59,9"
          - id: T.1.2
            name: Andel som svarer ja
            unit: "%"
            min_base: 10
            compute:
              share: [svar_ja, svar]
            bands:
              desired: "80 - 100"
              accepted: "60 - 79,9"
              not_approved: "0 - 59,9"
"""


@pytest.mark.parametrize("header", ["n", "antall svar", "respondenter", "grunnlag", "base", "N", "Antall svar"])
def test_n_below_min_base_is_insufficient_base(kpi, write, workdir, header):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", f"indikator;år;verdi;{header}\nT.1.1;2016;85;9\n")  # made up: 9 answers
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert result.exit_code == 0, result.stderr
    assert line_starting(result.stdout, "T.1.1 ").endswith("85 ∅ For lite grunnlag")
    assert line_starting(result.stdout, "T.1.1:") == "T.1.1: grunnlaget (9) er under minstekravet 10"
    english = kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--lang", "en")
    assert line_starting(english.stdout, "T.1.1 ").endswith("85 ∅ Insufficient base")
    assert line_starting(english.stdout, "T.1.1:") == "T.1.1: the base (9) is below the minimum 10"
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")))["T.1.1"]
    assert item["status"] == "insufficient_base"
    assert item["value"] == 85
    assert item["base"] == 9
    assert item["note"] == {
        "key": "small_base",
        "base": "9",
        "min_base": "10",
        "text": "the base (9) is below the minimum 10",
    }


def test_n_below_min_base_is_not_rated_even_when_not_approved(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi;n\nT.1.1;2016;10;3\n")  # made up: a red value on 3 answers
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--verbose")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert line_starting(result.stdout, "2016:") == ("2016: 1 mangler · 1 for lite grunnlag")
    assert result.stderr.splitlines()[-1] == (  # in the table's language
        "kpi: 1 resultat lest = 0 vurdert + 1 vist, ikke vurdert + 0 uten resultat + 0 avvist"
    )


@pytest.mark.parametrize(("n", "status"), [("10", "desired"), ("11", "desired"), ("250", "desired"), ("", "desired")])
def test_n_at_or_above_min_base_is_rated(kpi, write, workdir, n, status):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", f"indikator;år;verdi;n\nT.1.1;2016;85;{n}\n")  # made up
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    item = by_id(evaluated(result))["T.1.1"]
    assert item["status"] == status
    assert item["note"] is None
    assert item["base"] == (int(n) if n else None)


def test_negative_n_is_a_data_error(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi;n\nT.1.1;2016;85;-4\n")  # made up
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["r.csv:2: error: T.1.1: n (grunnlaget) '-4' er negativt [invalid-value]"]


def test_computed_share_with_a_small_denominator_is_insufficient_base(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi\nsvar_ja;2016;6\nsvar;2016;8\n")  # made up: 6 of 8
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert result.exit_code == 0, result.stderr
    assert line_starting(result.stdout, "T.1.2 ").endswith("∅ For lite grunnlag")
    notes = [line.strip() for line in result.stdout.splitlines() if line.startswith("T.1.2:")]
    assert notes == ["T.1.2: 6 av 8 svar: 75,00 %", "T.1.2: grunnlaget (8) er under minstekravet 10"]
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")))["T.1.2"]
    assert item["status"] == "insufficient_base"
    assert item["note"] == {
        "key": "small_base",
        "base": "8",
        "min_base": "10",
        "text": "the base (8) is below the minimum 10",
    }


def test_computed_share_with_a_small_denominator_is_still_shown(kpi, write, workdir):
    """'Shown but not rated': the share (75,00 %) and its inputs are shown, only the rating is withheld."""
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi\nsvar_ja;2016;6\nsvar;2016;8\n")  # made up: 6 of 8
    table = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert line_starting(table.stdout, "T.1.2 ").endswith("75,00 ∅ For lite grunnlag")
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")))["T.1.2"]
    assert item["status"] == "insufficient_base"
    assert item["value"] == 75
    assert item["computed"] is not None
    assert item["computed"]["inputs"] == [
        {"measure": "svar_ja", "year": 2016, "value": 6},
        {"measure": "svar", "year": 2016, "value": 8},
    ]


def test_computed_share_at_min_base_is_rated(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi\nsvar_ja;2016;9\nsvar;2016;10\n")  # made up: 9 of 10
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    item = by_id(evaluated(result))["T.1.2"]
    assert (item["value"], item["status"], item["note"]) == (90, "desired", None)
    assert item["computed"]["text"] == "9 of 10 svar: 90.00 %"
    table = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert line_starting(table.stdout, "T.1.2:") == "T.1.2: 9 av 10 svar: 90,00 %"


def test_computed_share_with_zero_denominator_is_missing(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi\nsvar_ja;2016;0\nsvar;2016;0\n")  # made up: nobody answered
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    assert line_starting(result.stdout, "T.1.2 ").endswith("– ? Mangler resultat")
    assert line_starting(result.stdout, "T.1.2:") == "T.1.2: svar er 0 i 2016: kan ikke dele på 0"
    item = by_id(evaluated(kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--format", "json")))["T.1.2"]
    assert (item["status"], item["value"], item["computed"]) == ("missing", None, None)
    assert item["note"] == {
        "key": "zero_denominator",
        "measure": "svar",
        "year": "2016",
        "text": "svar is 0 in 2016: cannot divide by 0",
    }


def test_computed_share_with_a_missing_input_is_missing(kpi, write, workdir):
    write("t.yaml", SMALL_BASE_DEFINITIONS)
    write("r.csv", "indikator;år;verdi\nsvar;2016;40\n")  # made up: the numerator is not given
    result = kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert line_starting(result.stdout, "T.1.2 ").endswith("– ? Missing result")
    assert line_starting(result.stdout, "T.1.2:") == "T.1.2: no value for svar_ja in 2016"
    assert kpi("evaluate", "r.csv", "--indicators", "t.yaml", "--fail-on-missing").exit_code == 1


# --- better_than: the share of indicators better than a benchmark (made-up figures) ---------------

BETTER_THAN = Indicator(id="Ø.3.1", name="made up", compute=Computation("better_than", ("A", "B", "C"), "EKG13"))
DIRECTIONS = {"A": Direction.HIGHER_IS_BETTER, "B": Direction.LOWER_IS_BETTER, "C": Direction.TARGET_RANGE}


def group(**values: str | None) -> dict[tuple[str, int], tuple[Benchmark, ...]]:
    """EKG13's (and the country's) values per indicator in 2024."""
    return {
        (ident, 2024): (
            Benchmark("EAK", "Landet", Decimal(0)),
            Benchmark("EKG13", "Kostragruppe 13", None if value is None else Decimal(value), None),
        )
        for ident, value in values.items()
    }


@pytest.mark.parametrize(
    ("rows", "benchmarks", "expected"),
    [
        ((("A", "5"), ("B", "5")), {"A": "4", "B": "6"}, ("100.00", 2, 2)),  # both better
        ((("A", "5"), ("B", "7")), {"A": "4", "B": "6"}, ("50.00", 1, 2)),
        ((("A", "5"), ("B", "6")), {"A": "5", "B": "6"}, ("0.00", 0, 2)),  # equal is compared, not better
        ((("A", "5"), ("B", None)), {"A": "4", "B": "6"}, ("100.00", 1, 1)),  # B has no value: not compared
        ((("A", "5"), ("B", "5"), ("C", "1")), {"A": "4", "B": None, "C": "9"}, ("100.00", 1, 1)),  # C: a range
    ],
)
def test_better_than_counts_the_comparisons_that_can_be_made(rows, benchmarks, expected) -> None:
    found = compute(BETTER_THAN, 2024, None, index(*((m, 2024, v) for m, v in rows)), group(**benchmarks), DIRECTIONS)
    assert isinstance(found, Computed)
    assert (str(found.value), found.better, len(found.inputs)) == expected


def test_better_than_without_any_comparison_is_a_note() -> None:
    found = compute(BETTER_THAN, 2024, None, index(("A", 2024, "5")), group(A=None), DIRECTIONS)
    assert found == Note("no_comparison", (("benchmark", "EKG13"), ("year", "2024")))
