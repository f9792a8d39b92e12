"""kpi_cli.view: the gate, the failing set, roll-ups, the years to show; and the years of measures.

The view is built once from a report (ARCHITECTURE.md); these tests build it from the core,
without the command line. Every number here is made up.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from conftest import SEED_INDICATORS

from kpi_cli.definitions.load import load_definitions
from kpi_cli.errors import UsageError
from kpi_cli.model import GapPolicy, Interval, Status
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.rating.history import Rollup
from kpi_cli.render.labels import Labels
from kpi_cli.render.words import WORDS
from kpi_cli.report import Rating, ResultRow
from kpi_cli.view import FAIL_LEVELS, Gate, build, select_org_units

D = Decimal
# MADE UP: counts of ideer for 2015-2018 and nothing else. L.2.1 is their change from the year
# before: 2016 +10 % (desired), 2017 +0,91 % (not approved), 2018 +17,12 % (desired).
IDEER = {2015: "100", 2016: "110", 2017: "111", 2018: "130"}
L21 = {2016: (Decimal("10.00"), Status.DESIRED), 2017: (Decimal("0.91"), Status.NOT_APPROVED)}
L21[2018] = (Decimal("17.12"), Status.DESIRED)
L21[2015] = (None, Status.MISSING)  # no count for 2014 to compare with


@pytest.fixture(scope="module")
def seed():
    return load_definitions(str(SEED_INDICATORS))


def counts(rows: dict[int, str]) -> list[ResultRow]:
    return [ResultRow("ideer", year, Decimal(value)) for year, value in rows.items()]


# --- years that only measures give (docs/explanation/years-from-measures.md) ------------------


def test_years_of_measures_alone_are_years_of_the_report(seed):
    report = evaluate(seed, counts(IDEER), 2018)
    assert report.year == 2018
    assert report.other_years == (2015, 2016, 2017)  # 2015's count is there: 2015 is a year
    l21 = {r.year: (r.value, r.status) for r in (*report.history, *report.results) if r.indicator.id == "L.2.1"}
    assert l21 == L21


def test_a_value_that_cannot_be_computed_in_a_year_of_measures_is_missing_with_the_reason(seed):
    report = evaluate(seed, counts({2015: "100", 2016: "110"}), 2016)
    assert report.other_years == (2015,)
    [l21] = [r for r in report.history if r.indicator.id == "L.2.1"]
    assert (l21.year, l21.status, l21.value) == (2015, Status.MISSING, None)
    assert l21.note is not None and (l21.note.key, dict(l21.note.values)) == (
        "no_year_before",
        {"measure": "ideer", "year": "2014"},
    )
    assert Labels("en").note(l21.note) == "no value for ideer in 2014 to compare with"
    assert Labels("nb").note(l21.note) == "mangler ideer for 2014 å sammenligne med"


def test_the_year_before_a_change_in_a_year_of_results_is_its_base_not_a_year(seed):
    # MADE UP: a filled `kpi template --year 2016`: the count of 2015 only as the base of 2016's change
    rows = [*counts({2015: "100", 2016: "110"}), ResultRow("L.1.1", 2016, D("4.6"))]
    report = evaluate(seed, rows, 2016)
    assert report.other_years == ()
    l21 = next(r for r in report.results if r.indicator.id == "L.2.1")
    assert (l21.value, l21.status) == (D("10.00"), Status.DESIRED)
    # an empty count is no value: 2014 is no year either, nor a hole before 2016's base
    report = evaluate(seed, [ResultRow("ideer", 2014, None), *rows], 2016)
    assert report.other_years == ()
    # a count beside it that is no change's base makes 2015 a year: L.2.2's share is missing there
    report = evaluate(seed, [ResultRow("ideer_valgt", 2015, D("20")), *rows], 2016)
    assert report.other_years == (2015,)
    # so does a count in 2015 when 2014's makes 2015's change: 2015 is more than a base, and 2014,
    # before a year with no result given, is a year of its own (L.2.1 not phased in yet)
    report = evaluate(seed, [ResultRow("ideer", 2014, D("90")), *rows], 2016)
    assert report.other_years == (2014, 2015)
    # and a base before a year of counts alone is a year of its own (2017's change has no result given)
    report = evaluate(seed, [*rows, ResultRow("ideer", 2017, D("120"))], 2017)
    assert report.other_years == (2016,)


def test_computed_years_are_history_on_the_command_line(kpi, workdir, write):
    write("ideer.csv", "indikator;år;verdi\n" + "".join(f"ideer;{y};{v}\n" for y, v in IDEER.items()))
    evaluation = kpi("evaluate", "ideer.csv", "--format", "json", "--lang", "en")
    document = json.loads(evaluation.stdout)
    assert (document["year"], document["years"]) == (2018, [2015, 2016, 2017, 2018])
    assert "kpi: note: showing 2018; 2015, 2016, 2017 rated as its history (--year shows another)" in evaluation.stderr
    l21 = [
        (r["year"], r["value"], r["status"], r["regression"]) for r in document["results"] if r["indicator"] == "L.2.1"
    ]
    assert l21 == [
        (2015, None, "missing", False),
        (2016, 10, "desired", False),
        (2017, 0.91, "not_approved", True),
        (2018, 17.12, "desired", False),
    ]
    [note] = [r["note"] for r in document["results"] if r["indicator"] == "L.2.1" and r["year"] == 2015]
    assert note == {
        "key": "no_year_before",
        "measure": "ideer",
        "year": "2014",
        "text": "no value for ideer in 2014 to compare with",
    }
    table = kpi("evaluate", "ideer.csv", env={"COLUMNS": "200"}).stdout
    assert re.search(r"^Id .* 2015 +2016 +2017 +2018 +Endring +Status", table, re.MULTILINE)
    history = kpi("history", "ideer.csv", env={"COLUMNS": "200"}).stdout
    assert "2015–2018" in history
    row = history.split("\nL.2.1 ")[1].splitlines()[0]  # the name wraps; the values and the note do not
    # the 2017 alarm is marked though 2018 follows it
    assert re.search(r" – \? 10,00 ● 0,91 ✖ 17,12 ●  ▅▁█ +⚠ ikke godkjent og verre enn i fjor \(2017\)$", row), row
    markdown = kpi("history", "ideer.csv", "--format", "markdown").stdout
    assert "| Id | Måleindikator | 2015 | 2016 | 2017 | 2018 | Merknad |" in markdown
    csv_years = {line.split(";")[5] for line in kpi("evaluate", "ideer.csv", "--format", "csv").stdout.splitlines()[1:]}
    assert csv_years == {"2015", "2016", "2017", "2018"}
    before = kpi("evaluate", "ideer.csv", "--year", "2015", "--lang", "sv").stdout
    assert "\nL.2.1: ideer saknas för 2014 att jämföra med\n" in before


# --- the gate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gate", "levels"),
    [
        (Gate(), {Status.NOT_APPROVED}),
        (Gate("accepted"), {Status.NOT_APPROVED, Status.ACCEPTED}),
        (Gate("never"), set()),
        (Gate("never", missing=True), {Status.MISSING}),
        (Gate("accepted", missing=True, regression=True), {Status.NOT_APPROVED, Status.ACCEPTED, Status.MISSING}),
    ],
)
def test_gate_levels(gate, levels):
    assert gate.levels == levels


def test_gate_rejects_an_unknown_level():
    with pytest.raises(ValueError, match="fail_on must be one of"):
        Gate("missing")
    assert FAIL_LEVELS == ("not_approved", "accepted", "never")


@pytest.mark.parametrize(
    ("gate", "failing"),
    [
        (Gate(), ["L.2.1"]),  # 2017: not approved
        (Gate("never"), []),
        (Gate("never", regression=True), ["L.2.1"]),  # worse than 2016's desired
        (Gate("never", missing=True), ["L.1.1", "L.1.2"]),
    ],
)
def test_failing_is_of_the_year_shown_only(seed, gate, failing):
    view = build(evaluate(seed, counts(IDEER), 2017), gate)
    assert [r.indicator.id for r in view.failing] == failing
    assert all(r.year == 2017 for r in view.failing)
    # earlier and later years are history: they never fail the gate
    assert not any(entry.failing for by_year in view.series.values() for y, entry in by_year.items() if y != 2017)


def test_every_year_has_its_previous_value_change_and_regression(seed):
    view = build(evaluate(seed, counts(IDEER), 2018))
    by_year = view.series[("L.2.1", None)]
    assert [(y, e.previous.year if e.previous else None, e.regression) for y, e in by_year.items()] == [
        (2015, None, False),  # missing: no count for 2014 to compare with
        (2016, None, False),
        (2017, 2016, True),
        (2018, 2017, False),
    ]
    assert by_year[2017].alarm and not by_year[2018].alarm
    assert by_year[2018].trend is not None and by_year[2018].trend.delta == Decimal("16.21")
    assert view.years == (2015, 2016, 2017, 2018)
    assert view.earlier_years == (2015, 2016, 2017)
    assert [e.result.year for e in view.every_year() if e.result.indicator.id == "L.2.1"] == [2015, 2016, 2017, 2018]


@pytest.mark.parametrize("shown", [2016, 2017, 2018])
def test_every_year_series_and_the_year_shown_agree(seed, shown):
    """every_year and series work the entries out when asked; the year shown's are built with
    the view: all three give the same entries (previous, regression, failing) for every result."""
    gate = Gate("accepted", missing=True, regression=True)
    view = build(evaluate(seed, counts(IDEER), shown), gate)
    walked = list(view.every_year())
    assert [e for e in walked if e.result.year == shown] == list(view.entries)
    assert walked == [view.series[(e.result.indicator.id, e.result.org_unit)][e.result.year] for e in walked]
    assert sum(len(by_year) for by_year in view.series.values()) == len(walked) == 4 * len(view.entries)  # 2015-2018
    assert any(e.regression for e in walked) and any(e.failing for e in view.entries)


def test_history_years_end_at_the_year_shown(seed):
    view = build(evaluate(seed, counts(IDEER), 2017))
    assert view.years == (2015, 2016, 2017, 2018)
    assert view.history_years == (2015, 2016, 2017)


# --- roll-ups: one order of statuses -----------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "headline"),
    [
        ([Status.DESIRED, Status.ACCEPTED, Status.MISSING], Status.ACCEPTED),  # rated: the worst
        ([Status.DESIRED, Status.NOT_APPROVED, Status.MISSING], Status.NOT_APPROVED),
        # all rated ones desired, one missing: never all-good, it shows as missing (issue 24)
        ([Status.DESIRED, Status.MISSING], Status.MISSING),
        ([Status.DESIRED, Status.DESIRED, Status.NOT_PHASED_IN], Status.DESIRED),  # nothing missing
        ([Status.INSUFFICIENT_BASE, Status.NOT_PHASED_IN], Status.INSUFFICIENT_BASE),
        ([Status.NOT_PHASED_IN, Status.MISSING, Status.INSUFFICIENT_BASE], Status.MISSING),
        ([Status.NO_TARGET, Status.NOT_PHASED_IN], Status.NOT_PHASED_IN),
        ([Status.NO_TARGET], Status.NO_TARGET),
        ([], None),
    ],
)
def test_rollup_headline(statuses, headline):
    counts_ = dict.fromkeys(Status, 0)
    for status in statuses:
        counts_[status] += 1
    worst = next((s for s in (Status.NOT_APPROVED, Status.ACCEPTED, Status.DESIRED) if counts_[s]), None)
    assert Rollup(worst, counts_).headline is headline


def test_rollups_per_org_unit_goal_and_focus_area(seed):
    rows = [
        ResultRow("L.1.1", 2014, Decimal("4.6")),
        ResultRow("L.1.2", 2014, Decimal("4.2")),
        ResultRow("L.1.1", 2014, Decimal("3.5"), "Vest"),
    ]
    view = build(evaluate(seed, rows, 2014))
    assert view.org_units == (None, "Vest")
    whole, vest = view.units
    assert (whole.rollups.goals["L.1"].status, whole.rollups.goals["L.1"].desired) == (Status.ACCEPTED, 1)
    assert vest.rollups.goals["L.1"].status is Status.NOT_APPROVED
    assert vest.rollups.goals["L.2"].headline is Status.NOT_PHASED_IN
    assert view.total.counts[Status.MISSING] == 1  # Vest's L.1.2
    assert vest.entry("L.1.2").result.status is Status.MISSING


# --- org units to show -------------------------------------------------------------------------


def test_select_org_units(seed):
    rows = [ResultRow("L.1.1", 2014, Decimal("4.6")), ResultRow("L.1.1", 2013, Decimal("4.6"), "Øst")]
    report = evaluate(seed, rows, 2014)
    assert select_org_units(report, []) == ()
    assert select_org_units(report, ["all"]) == (None, "Øst")
    assert select_org_units(report, ["Øst", "Øst"]) == ("Øst",)
    assert build(report).history_units == (None,)
    with pytest.raises(UsageError, match="no results for org unit 'Vest'; org units in the files: Øst"):
        select_org_units(report, ["Vest"])


# --- the word catalogue --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nn", "sv"])
def test_every_language_has_every_word(lang):
    assert set(WORDS) == {"nb", "en", "nn", "sv"}
    assert set(WORDS["nb"]) == set(WORDS[lang])
    for key, text in WORDS["nb"].items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", WORDS[lang][key])), key


@pytest.mark.parametrize(
    ("rating", "nb", "en"),
    [
        (
            Rating(Status.DESIRED, value=D("4.51"), interval=Interval(D("4.5"), D(6))),
            "4,51 ligger i 4,5 - 6",
            "4.51 lies in 4.5 - 6",
        ),
        (
            Rating(
                Status.ACCEPTED,
                in_gap=True,
                value=D("4.47"),
                below=(Interval(D(4), D("4.4")), Status.ACCEPTED),
                above=(Interval(D("4.5"), D(6)), Status.DESIRED),
                policy=GapPolicy.NEAREST,
            ),
            "4,47 ligger mellom laveste akseptert 4 - 4,4 og ønsket 4,5 - 6; i et gap gjelder det nærmeste av de to",
            "4.47 lies between lowest accepted 4 - 4.4 and desired 4.5 - 6; gap policy nearest",
        ),
        (
            Rating(Status.NOT_APPROVED, value=D("0.5"), above=(Interval(D(1), D("3.9")), Status.NOT_APPROVED)),
            "0,5 ligger utenfor det ytterste båndet ikke godkjent 1 - 3,9, innenfor skalaen",
            "0.5 lies beyond the outermost band not approved 1 - 3.9, within the scale",
        ),
        (
            Rating(Status.NO_TARGET, text="no bands are set", value=D(4)),
            "ingen resultatkrav er satt",
            "no bands are set",
        ),
    ],
)
def test_reason_in_the_output_language(rating, nb, en):
    assert (Labels("nb").reason(rating), Labels("en").reason(rating)) == (nb, en)


@pytest.mark.parametrize(
    ("counts", "nb", "en"),
    [
        ({Status.DESIRED: 1, Status.MISSING: 6}, "1 av 7 ønsket · 6 mangler", "1 of 7 desired · 6 missing"),
        ({Status.DESIRED: 2, Status.ACCEPTED: 1}, "2 av 3 ønsket", "2 of 3 desired"),
        ({Status.MISSING: 3, Status.NOT_PHASED_IN: 2}, "3 mangler", "3 missing"),
        ({Status.NOT_PHASED_IN: 2}, "ikke innfaset", "not phased in"),
    ],
)
def test_a_roll_up_counts_and_names_the_missing_results(counts: dict[Status, int], nb: str, en: str) -> None:
    """A goal with 1 of 7 results desired and 6 missing never reads '1 av 1 ønsket' (issue 12)."""
    full = {status: counts.get(status, 0) for status in Status}
    rated = [s for s in (Status.NOT_APPROVED, Status.ACCEPTED, Status.DESIRED) if full[s]]
    built = Rollup(rated[0] if rated else None, full)  # the worst rated status
    assert (Labels("nb").rollup(built), Labels("en").rollup(built)) == (nb, en)
