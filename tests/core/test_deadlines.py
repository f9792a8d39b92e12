"""Deadline targets (issue 21, point 3): '35 500 innen 2022' and {text, by, baseline}; before the
deadline a result is rated against the straight path from the baseline to the target.

Every scorecard and result here is made up.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import cli_runner
from made_up import made_up_card

from kpi_cli.cli import main
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.model import Direction, Status
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.render.labels import Labels
from kpi_cli.report import Note, ResultRow


def card(indicators: str, extra: str = ""):
    return parse_definitions(made_up_card(indicators, extra))


def one(target: str, extra: str = "", more: str = "direction: higher"):
    (indicator,) = card(f"- id: A.1.1\n  name: Made-up\n  {more}\n  target: {target}\n", extra).indicators()
    return indicator


@pytest.mark.parametrize(
    ("target", "extra", "shown"),
    [
        ('"35 500 innen 2022"', "", "35 500 innen 2022"),
        ('"35 500 ved utgangen av 2022"', "", "35 500 ved utgangen av 2022"),
        ('"35 500 by 2022"', "", "35 500 by 2022"),
        (
            '"35 500 personer vid mandatperiodens slut"',
            "term_ends: 2022",
            "35 500 personer vid mandatperiodens slut, 2022",
        ),
        ('{text: "35 500", by: 2022}', "", "35 500 innen 2022"),
        ('{text: "35 500", by: 2022}', "language: sv", "35 500 senast 2022"),
    ],
)
def test_a_deadline_phrase_and_the_structured_form_read_into_the_same_target(target, extra, shown):
    due = one(target, extra).deadline
    assert due is not None
    assert (due.by, due.target.low, due.target.low_inclusive, due.target.high, due.text) == (
        2022,
        Decimal(35500),
        True,
        None,
        shown,
    )
    unit = " personer" if "personer" in shown else ""  # a unit written on the target is printed on the band
    assert one(target, extra).bands[0].text == f"≥ 35500{unit} ({shown})"  # the deadline shown with the band


PATH = """\
- id: A.1.1
  name: Made-up from the first result
  direction: higher
  target: "35 500 innen 2022"
- id: A.1.2
  name: Made-up with a baseline
  target: {text: "35 500", by: 2022, baseline: {year: 2018, value: 33 000}}
"""


def test_before_the_deadline_a_result_is_rated_against_the_path_and_from_it_against_the_target():
    scorecard = card(PATH)
    rows = [
        ResultRow("A.1.1", 2018, Decimal(33000)),
        ResultRow("A.1.1", 2020, Decimal(34300)),
        ResultRow("A.1.1", 2022, Decimal(35000)),
        ResultRow("A.1.2", 2020, Decimal(34200)),
        ResultRow("A.1.2", 2023, Decimal(35600)),
    ]
    report = evaluate(scorecard, rows, 2023)
    found = {(r.indicator.id, r.year): r for r in (*report.history, *report.results) if r.value is not None}
    on_path = Note("on_path", (("value", "34250"), ("year", "2020")))
    assert (found["A.1.1", 2020].status, found["A.1.1", 2020].note) == (Status.DESIRED, on_path)
    assert (found["A.1.2", 2020].status, found["A.1.2", 2020].note) == (Status.NOT_APPROVED, on_path)
    assert found["A.1.1", 2020].indicator.bands[0].text == ">= 34250 (35 500 innen 2022)"
    # from the deadline on: the target itself
    assert (found["A.1.1", 2022].status, found["A.1.1", 2022].note) == (Status.NOT_APPROVED, None)
    assert (found["A.1.2", 2023].status, found["A.1.2", 2023].note) == (Status.DESIRED, None)
    assert Labels("nb").note(on_path) == "på vei: 34\u00a0250 ventet i 2020"
    assert Labels("en").note(on_path) == "on the way: 34250 expected in 2020"
    # the baseline sets a bare value's direction: up from 33 000 to 35 500
    assert scorecard.indicator_map()["A.1.2"].direction is Direction.HIGHER_IS_BETTER


def test_lower_is_better_with_a_tolerance_moves_the_near_miss_along_the_path():
    indicator = one('{text: "6 %", by: 2024}', more='direction: lower\n  tolerance: "0,5"')
    rows = [ResultRow("A.1.1", 2020, Decimal(10)), ResultRow("A.1.1", 2022, Decimal("8.4"))]
    report = evaluate(
        card("- {id: A.1.1, name: Made-up, direction: lower, tolerance: '0,5', target: {text: '6 %', by: 2024}}\n"),
        rows,
        2022,
    )
    (result,) = report.results
    assert indicator.deadline is not None
    assert (result.status, result.note) == (Status.ACCEPTED, Note("on_path", (("value", "8"), ("year", "2022"))))


@pytest.mark.parametrize(
    ("target", "extra", "message"),
    [
        (
            '"35 500 vid mandatperiodens slut"',
            "",
            "13:21: error: indicator A.1.1: target: 'vid mandatperiodens slut' needs the year the term ends: give "
            "term_ends: YEAR in the file, or write the target as {text: ..., by: YEAR} [invalid-target]",
        ),
        (
            '"30 - 40 innen 2030"',
            "",
            "13:21: error: indicator A.1.1: target '30 - 40 innen 2030': a target with a deadline is one value, "
            "at least or at most [invalid-target]",
        ),
        (
            '{text: "35 500", baseline: {year: 2018, value: 1}}',
            "",
            "13:38: error: indicator A.1.1: target: a baseline needs a deadline (by: YEAR) [invalid-target]",
        ),
    ],
)
def test_a_deadline_that_cannot_be_read_is_an_error_at_its_place(target, extra, message):
    with pytest.raises(KpiErrors) as caught:
        one(target, extra)
    assert [error.problem.format() for error in caught.value.errors] == [f"indicators.yaml:{message}"]


def test_json_shows_the_deadline_with_the_band_version_and_the_path_in_the_note(tmp_path):
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(made_up_card(PATH, ""), encoding="utf-8")
    results = tmp_path / "r.csv"
    results.write_text("indikator;år;verdi\nA.1.2;2020;34200\n", encoding="utf-8")
    run = cli_runner().invoke(main, ["evaluate", str(results), "--indicators", str(definitions), "--format", "json"])
    assert run.exit_code == 1, run.output
    document = json.loads(run.stdout)
    (version,) = document["indicators"]["A.1.2"]["band_versions"]
    assert version["deadline"] == {
        "by": 2022,
        "target": "35 500 innen 2022",
        "baseline": {"year": 2018, "value": 33000},
    }
    (result,) = [r for r in document["results"] if r["indicator"] == "A.1.2"]
    assert result["note"] == {
        "key": "on_path",
        "value": "34250",
        "year": "2020",
        "text": "on the way: 34250 expected in 2020",
    }
    table = cli_runner().invoke(main, ["evaluate", str(results), "--indicators", str(definitions)])
    assert "A.1.2: på vei: 34\u00a0250 ventet i 2020" in table.stdout


@pytest.mark.parametrize("year", [2018, 2019, 2020, 2021, 2022, 2023])
@pytest.mark.parametrize("value", ["33000", "34200", "34250", "35499", "35500"])
def test_kpi_explain_rates_a_value_before_the_deadline_as_kpi_evaluate_does(year, value):
    from kpi_cli.rating.explain import explain

    scorecard = card(PATH)
    report = evaluate(scorecard, [ResultRow("A.1.2", year, Decimal(value))], year)
    (result,) = [r for r in report.results if r.indicator.id == "A.1.2"]
    explained = explain(scorecard, "A.1.2", value, year)
    assert explained.rating is not None
    assert explained.rating.status is result.status
    assert explained.path == (Decimal(33000) + Decimal(2500) * (year - 2018) / 4 if year < 2022 else None)
    assert not explained.path_unknown


def test_kpi_explain_says_the_path_it_rates_against_and_when_it_has_none(tmp_path):
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(made_up_card(PATH, ""), encoding="utf-8")
    run = cli_runner().invoke(main, ["explain", "A.1.2", "34200", "--year", "2020", "--indicators", str(definitions)])
    assert run.exit_code == 0, run.output
    assert run.stdout.splitlines()[2:] == [
        "før fristen 2022: vurdert mot banen fra 33\u00a0000 i 2018 til målet, 34\u00a0250 i 2020",
        "  ● Ønsket resultat              >= 34250 (35 500 innen 2022) = >= 34250",
        "  ✖ Ikke godkjent resultat       < 34250            = < 34250",
        "34\u00a0200: 34200 ligger i < 34250",
        "=> ✖ Ikke godkjent resultat",
    ]
    # without a baseline the path starts at the first result, which kpi explain has not: it says so
    run = cli_runner().invoke(
        main, ["explain", "A.1.1", "34200", "--year", "2020", "--indicators", str(definitions), "--lang", "en"]
    )
    assert run.exit_code == 0, run.output
    assert run.stdout.splitlines()[-1] == (
        "note: before the deadline 2022 kpi evaluate rates against the path from the indicator's first result, "
        "which kpi explain does not have: rated here against the target itself (baseline: {year, value} gives the path)"
    )
    # from the deadline on: the target itself, no path line
    run = cli_runner().invoke(main, ["explain", "A.1.2", "34200", "--year", "2022", "--indicators", str(definitions)])
    assert "banen" not in run.stdout
