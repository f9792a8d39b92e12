"""kpi_cli.rating.evaluate: rows -> Report (statuses, phase-in, org units, row problems), and the failing
set that kpi_cli.view's gate reads from such a report.

All results here are made up for the tests; only the definitions are the seed's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_IDS, SEED_INDICATORS, SEED_RESULTS

from kpi_cli.definitions.load import load_definitions
from kpi_cli.errors import KpiError
from kpi_cli.model import Location, PhaseState, Status
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.report import ResultRow
from kpi_cli.results.read import read_results
from kpi_cli.view import Gate, build

# --- evaluate / failing -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    return load_definitions(SEED_INDICATORS)


def failing(report, fail_on="not_approved", fail_on_missing=False):
    """The results that fail the gate: the view's failing set (the exit code reads the same)."""
    return list(build(report, Gate(fail_on, fail_on_missing)).failing)


def row(indicator, value, year=2014, org_unit=None, line=2):
    # Made-up result rows, as a results file would give them.
    number = None if value is None else Decimal(value)
    return ResultRow(indicator, year, number, org_unit, value or "", Location("made_up.csv", line))


def test_evaluate_seed_results(seed):
    read = read_results([SEED_RESULTS])
    report = evaluate(seed, read.rows, 2014)
    assert report.year == 2014
    assert [(r.indicator.id, r.org_unit, r.value, r.status, r.state) for r in report.results] == [
        ("L.1.1", None, Decimal("4.51"), Status.DESIRED, PhaseState.ACTIVE),
        ("L.1.2", None, Decimal("4.72"), Status.DESIRED, PhaseState.ACTIVE),
        ("L.2.1", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
        ("L.2.2", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
        ("L.2.3", None, None, Status.NOT_PHASED_IN, PhaseState.PENDING),
    ]
    assert report.findings == ()
    assert report.other_years == ()
    assert report.counts()[Status.DESIRED] == 2
    assert report.counts()[Status.NOT_PHASED_IN] == 3
    assert failing(report) == []
    assert failing(report, "accepted", True) == []


@pytest.mark.parametrize(
    ("value", "status", "in_gap"),
    [
        ("6", Status.DESIRED, False),
        ("4.5", Status.DESIRED, False),
        ("4.47", Status.ACCEPTED, True),
        ("4.45", Status.ACCEPTED, True),
        ("4.4", Status.ACCEPTED, False),
        ("4", Status.ACCEPTED, False),
        ("3.95", Status.NOT_APPROVED, True),
        ("3.9", Status.NOT_APPROVED, False),
        ("1", Status.NOT_APPROVED, False),
    ],
)
def test_evaluate_rates_l11(seed, value, status, in_gap):
    report = evaluate(seed, [row("L.1.1", value)], 2014)
    [result] = [r for r in report.results if r.indicator.id == "L.1.1"]
    assert result.status is status
    assert result.rating.in_gap is in_gap


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("5", Status.ACCEPTED),
        ("5.01", Status.DESIRED),
        ("4.9", Status.ACCEPTED),
        ("2", Status.ACCEPTED),
        ("1.99", Status.NOT_APPROVED),
        ("-3", Status.NOT_APPROVED),
        ("250", Status.DESIRED),
    ],
)
def test_evaluate_rates_l21_once_phased_in(seed, value, status):
    report = evaluate(seed, [row("L.2.1", value, year=2016)], 2016)
    assert {r.indicator.id: r.status for r in report.results}["L.2.1"] is status


def test_evaluate_phase_in_states(seed):
    rows = [row("L.2.1", "7", year=2014), row("L.2.2", "50", year=2017, line=3)]
    pending = evaluate(seed, rows, 2014)
    statuses = {r.indicator.id: r.status for r in pending.results}
    assert statuses["L.2.1"] is Status.NOT_PHASED_IN  # a result given is shown, not rated
    assert {r.indicator.id: r.value for r in pending.results}["L.2.1"] == Decimal(7)
    assert pending.other_years == (2017,)
    later = evaluate(seed, rows, 2017)
    statuses = {r.indicator.id: r.status for r in later.results}
    assert statuses["L.2.1"] is Status.MISSING
    assert statuses["L.2.2"] is Status.NO_TARGET
    assert statuses["L.2.3"] is Status.NO_TARGET
    assert [f.message for f in later.findings] == [
        "L.2.2 is phased in from 2017 but has no bands",
        "L.2.3 is phased in from 2017 but has no bands",
    ]


def test_evaluate_org_units(seed):
    rows = [
        row("L.1.1", "4.2", org_unit="Helse og omsorg"),
        row("L.1.1", "4.6", org_unit="Oppvekst og læring", line=3),
        row("L.1.1", "3.0", line=4),
    ]
    report = evaluate(seed, rows, 2014)
    got = {(r.org_unit, r.indicator.id): r.status for r in report.results}
    assert got[(None, "L.1.1")] is Status.NOT_APPROVED
    assert got[("Helse og omsorg", "L.1.1")] is Status.ACCEPTED
    assert got[("Oppvekst og læring", "L.1.1")] is Status.DESIRED
    assert got[("Helse og omsorg", "L.1.2")] is Status.MISSING
    assert len(report.results) == 3 * len(SEED_IDS)


def test_evaluate_raises_every_row_problem(seed):
    rows = [
        row("L1.1", "4.6", line=2),
        row("L.1.1", "4.51", line=3),
        row("L.1.1", "4.7", line=4),
        row("L.1.2", "47.1", line=5),
        row("L.1.2", "0.5", year=2013, line=6),
    ]
    with pytest.raises(KpiError) as caught:
        evaluate(seed, rows, 2014)
    assert sorted(error.format() for error in caught.value.errors) == [
        # never L.1.1: line 3 already gives it for 2014
        "made_up.csv:2: error: unknown indicator 'L1.1' (did you mean L.2.1?) [unknown-indicator]",
        "made_up.csv:4: error: duplicate result for L.1.1 2014: already given at made_up.csv:3 [duplicate-result]",
        "made_up.csv:5: error: L.1.2: value 47,1 is outside the scale 1 - 6 (score 1-6): a typing error?"
        ""
        " [value-outside-scale]",
        "made_up.csv:6: error: L.1.2: value 0,5 is outside the scale 1 - 6 (score 1-6): a typing error?"
        " [value-outside-scale]",
    ]


def test_duplicates_are_per_org_unit(seed):
    rows = [row("L.1.1", "4.6", org_unit="Oppvekst", line=2), row("L.1.1", "4.6", org_unit="Helse", line=3)]
    report = evaluate(seed, rows, 2014)
    assert {r.org_unit for r in report.results} == {"Helse", "Oppvekst"}


@pytest.mark.parametrize(
    ("fail_on", "fail_on_missing", "expected"),
    [
        ("not_approved", False, ["L.1.1"]),
        ("accepted", False, ["L.1.1", "L.1.2"]),
        ("never", False, []),
        ("not_approved", True, ["L.1.1", "L.2.1"]),
        ("accepted", True, ["L.1.1", "L.1.2", "L.2.1"]),
        ("never", True, ["L.2.1"]),
    ],
)
def test_failing(seed, fail_on, fail_on_missing, expected):
    # Made up for 2016: L.1.1 not approved, L.1.2 accepted, L.2.1 missing; L.2.2/L.2.3 not phased in.
    report = evaluate(seed, [row("L.1.1", "3.5", 2016), row("L.1.2", "4.2", 2016, line=3)], 2016)
    assert [r.indicator.id for r in failing(report, fail_on, fail_on_missing)] == expected


def test_failing_defaults_to_not_approved(seed):
    report = evaluate(seed, [row("L.1.1", "3.5"), row("L.1.2", "4.2", line=3)], 2014)
    assert [r.indicator.id for r in failing(report)] == ["L.1.1"]


def test_failing_rejects_an_unknown_level(seed):
    report = evaluate(seed, [], 2014)
    with pytest.raises(ValueError):
        failing(report, "missing")


def test_evaluate_with_no_rows_is_all_missing_or_pending(seed):
    report = evaluate(seed, [], 2014)
    assert [(r.indicator.id, r.status) for r in report.results] == [
        ("L.1.1", Status.MISSING),
        ("L.1.2", Status.MISSING),
        ("L.2.1", Status.NOT_PHASED_IN),
        ("L.2.2", Status.NOT_PHASED_IN),
        ("L.2.3", Status.NOT_PHASED_IN),
    ]
    assert [r.indicator.id for r in failing(report, fail_on_missing=True)] == ["L.1.1", "L.1.2"]
