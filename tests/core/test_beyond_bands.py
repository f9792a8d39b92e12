"""A value beyond every band on an indicator with no scale is rated by the outermost band on its side
and warned of at its row; the report goes on. With a scale, outside it stays a data error.

The bands of Ø.2.1 are printed so in a published budget-deviation indicator; the indicators and
results here are otherwise made up.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.model import Indicator, Location, Status
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.rating.rate import UnratableValue, beyond_warning, describe, rate
from kpi_cli.report import ResultRow

DEFINITIONS = """\
scorecard: Made up
focus_areas:
  - id: Ø
    name: Økonomi
    goals:
      - id: Ø.2
        name: Budsjett
        indicators:
          - id: Ø.2.1
            name: Avvik fra budsjett
            unit: "%"
            bands:
              desired: "0 % negativt avvik"
              accepted: "0,1 - 0,75 % negativt avvik"
              not_approved: "> 0,75 % negativt avvik"
          - id: Ø.2.2
            name: Tilfredshet
            scale: [1, 6]
            bands:
              desired: "4,5 - 6"
              accepted: "4 - 4,4"
              not_approved: "1 - 3,9"
          - id: Ø.2.3
            name: Sykefravær
            unit: "%"
            bands:
              desired: "4 - 6"
              accepted: "6,1 - 7"
              not_approved: "7,1 - 20"
"""
WARNING = (
    "Ø.2.1: -0,3 lies beyond every band and no scale is set: rated desired by the outermost band on its side "
    "'0 % negativt avvik'; a typing error, or bands that state a magnitude of a signed value "
    "(such as 'negativt avvik')?"
)
# As kpi says it on stderr in the scorecard's language (nb, the default).
WARNING_NB = (
    "Ø.2.1: -0,3 ligger utenfor alle bånd, og ingen skala er satt: vurdert som ønsket etter det ytterste båndet "
    "på sin side '0 % negativt avvik'; en skrivefeil, eller bånd som oppgir størrelsen på en verdi med fortegn "
    "(som 'negativt avvik')?"
)


@pytest.fixture(scope="module")
def indicators() -> dict[str, Indicator]:
    return parse_definitions(DEFINITIONS, "ok.yaml").indicator_map()


@pytest.mark.parametrize(
    ("indicator", "value", "status", "beyond"),
    [
        ("Ø.2.1", "-0,3", Status.DESIRED, True),  # below '0 % negativt avvik', the outermost band on that side
        ("Ø.2.1", "-1000", Status.DESIRED, True),
        ("Ø.2.1", "0", Status.DESIRED, False),
        ("Ø.2.1", "0,3", Status.ACCEPTED, False),
        ("Ø.2.1", "99", Status.NOT_APPROVED, False),  # '> 0,75' is open: nothing lies beyond it
        ("Ø.2.3", "3,9", Status.DESIRED, True),  # below the best band of a lower-is-better indicator
        ("Ø.2.3", "20,1", Status.NOT_APPROVED, True),
        ("Ø.2.3", "20", Status.NOT_APPROVED, False),
        ("Ø.2.3", "6,05", Status.ACCEPTED, False),  # a gap is not beyond
    ],
)
def test_beyond_every_band_takes_the_outermost_on_its_side(
    indicators: dict[str, Indicator], indicator: str, value: str, status: Status, beyond: bool
) -> None:
    rating = rate(indicators[indicator], Decimal(value.replace(",", ".")))
    assert (rating.status, rating.beyond) == (status, beyond)


def test_reason_and_warning_say_so(indicators: dict[str, Indicator]) -> None:
    rating = rate(indicators["Ø.2.1"], Decimal("-0.3"))
    assert describe(rating) == "-0,3 lies beyond every band and no scale is set: rated by the outermost band desired 0"
    assert beyond_warning(indicators["Ø.2.1"], rating) == WARNING


def test_with_a_scale_outside_it_stays_a_data_error(indicators: dict[str, Indicator]) -> None:
    with pytest.raises(UnratableValue, match=r"^value 46 is outside the scale 1 - 6: a typing error\?$"):
        rate(indicators["Ø.2.2"], Decimal("46"))


def test_evaluate_keeps_every_result_and_a_located_warning() -> None:
    scorecard = parse_definitions(DEFINITIONS, "ok.yaml")
    rows = [
        ResultRow("Ø.2.1", 2015, Decimal("-0.3"), raw="-0,3", location=Location("ok.csv", 2)),
        ResultRow("Ø.2.2", 2015, Decimal("4.6"), raw="4,6", location=Location("ok.csv", 3)),
    ]
    report = evaluate(scorecard, rows, 2015)
    assert [(r.indicator.id, r.status) for r in report.results] == [
        ("Ø.2.1", Status.DESIRED),
        ("Ø.2.2", Status.DESIRED),
        ("Ø.2.3", Status.MISSING),
    ]
    assert report.errors == ()
    assert [w.format() for w in report.warnings] == [f"ok.csv:2: warning: {WARNING} [beyond-bands]"]
    assert report.row_counts.rated == 2


def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, results: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.yaml").write_text(DEFINITIONS, encoding="utf-8")
    (tmp_path / "2015.csv").write_text(results, encoding="utf-8")


def test_kpi_evaluate_goes_on_with_a_warning(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\nØ.2.2;2015;4,6\nØ.2.3;2015;6,5\n")
    result = kpi("evaluate", "2015.csv", "--indicators", "ok.yaml", "--format", "csv")
    assert_ok(result, 0)
    assert result.stderr == f"2015.csv:2: warning: {WARNING_NB} [beyond-bands]\n"
    assert [line.split(";")[:2] + line.split(";")[6:9] for line in result.stdout.splitlines()[1:]] == [
        ["Ø.2.1", "Avvik fra budsjett", "-0,3", "%", "desired"],
        ["Ø.2.2", "Tilfredshet", "4,6", "", "desired"],
        ["Ø.2.3", "Sykefravær", "6,5", "%", "accepted"],
    ]


def test_kpi_evaluate_json_gives_the_reason(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\n")
    result = kpi("evaluate", "2015.csv", "--indicators", "ok.yaml", "--format", "json")
    assert_ok(result, 0)
    first = json.loads(result.stdout)["results"][0]
    assert (first["status"], first["reason"]) == (
        "desired",
        "-0.3 lies beyond every band and no scale is set: rated by the outermost band desired 0",
    )


def test_kpi_history_warns_too(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\n")
    result = kpi("history", "2015.csv", "--indicators", "ok.yaml")
    assert_ok(result, 0)
    assert result.stderr == f"2015.csv:2: warning: {WARNING_NB} [beyond-bands]\n"


def test_junit_says_why_in_the_output_language(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\n")
    result = kpi("evaluate", "2015.csv", "--indicators", "ok.yaml", "--format", "junit")
    assert_ok(result, 0)
    assert (
        "Begrunnelse: -0,3 ligger utenfor alle bånd, og ingen skala er satt: vurdert etter det ytterste båndet ønsket 0"
    ) in result.stdout


def test_outside_the_scale_still_stops_with_exit_2(kpi, tmp_path, monkeypatch, assert_error) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\nØ.2.2;2015;46\n")
    assert_error(
        kpi("evaluate", "2015.csv", "--indicators", "ok.yaml"),
        ["2015.csv:3: error: Ø.2.2: verdien 46 ligger utenfor skalaen 1 - 6: en skrivefeil? [value-outside-scale]"],
    )


def test_explain_rates_it_as_evaluate_does(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\n")
    result = kpi("explain", "--indicators", "ok.yaml", "--year", "2015", "--", "Ø.2.1", "-0,3")
    assert_ok(result, 0)
    assert result.stdout.splitlines()[-2:] == [
        "-0,3: -0,3 ligger utenfor alle bånd, og ingen skala er satt: vurdert etter det ytterste båndet ønsket 0",
        "=> ● Ønsket resultat",
    ]


def test_silenced_by_code_like_every_warning(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    write(tmp_path, monkeypatch, "indikator;år;verdi\nØ.2.1;2015;-0,3\n")
    for command in ("evaluate", "history"):
        result = kpi(command, "2015.csv", "--indicators", "ok.yaml", "--ignore", "beyond-bands")
        assert_ok(result, 0)
        assert result.stderr == ""


@pytest.mark.parametrize(
    "definitions",
    [
        "ignore: [beyond-bands]\n" + DEFINITIONS,
        DEFINITIONS.replace(
            "            name: Avvik fra budsjett\n",
            "            name: Avvik fra budsjett\n            ignore: [beyond-bands]\n",
        ),
    ],
    ids=["file", "indicator"],
)
def test_silenced_by_ignore_in_the_definitions(definitions: str) -> None:
    scorecard = parse_definitions(definitions, "ok.yaml")
    row = ResultRow("Ø.2.1", 2015, Decimal("-0.3"), raw="-0,3", location=Location("ok.csv", 2))
    report = evaluate(scorecard, [row], 2015)
    assert report.warnings == ()
    assert report.results[0].status is Status.DESIRED
