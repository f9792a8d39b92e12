"""The examples of single targets, tolerances, change and per-year targets, run as a user runs them,
and the scorecard's own levels and languages in the outputs. README: "Levels", "Single targets",
"Targets per year", "Targets on the change from last year", "Values as printed", "Languages".

The examples under examples/ are made up (they say so).
"""

from __future__ import annotations

import json

import pytest

SINGLE = ("examples/single-target/results.csv", "--indicators", "examples/single-target/indicators.yaml")
TOLERANCE = ("examples/tolerance/results.csv", "--indicators", "examples/tolerance/indicators.yaml")
CHANGE = ("examples/change-and-years/results.csv", "--indicators", "examples/change-and-years/indicators.yaml")


def statuses(result) -> dict[tuple[str, int], str | None]:
    return {(r["indicator"], r["year"]): r["status"] for r in json.loads(result.stdout)["results"]}


def test_single_target_two_levels(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *SINGLE, "--format", "json", "--lang", "en")
    assert_ok(result, 1)
    assert statuses(result) == {
        ("S.1.1", 2017): "not_met",
        ("S.1.2", 2017): "not_met",
        ("S.2.1", 2017): "not_met",
        ("S.2.2", 2017): "met",
        ("S.2.3", 2017): "not_met",
        ("S.3.1", 2017): "not_met",
        ("S.1.1", 2018): "met",
        ("S.1.2", 2018): "met",
        ("S.2.1", 2018): "not_met",
        ("S.2.2", 2018): "missing",
        ("S.2.3", 2018): "met",
        ("S.3.1", 2018): "met",
    }
    assert result.stderr.splitlines() == [
        "examples/single-target/results.csv:3: note: S.1.2: footnote marks dropped from '86 %***': "
        "read as '86 %' [footnote-mark]",
        "examples/single-target/results.csv:5: note: S.2.2: 'Resultat for 2018 foreligger ikke' "
        "read as no result [result-text]",
        "examples/single-target/results.csv:7: note: S.3.1: footnote marks dropped from '3,4 % ****': "
        "read as '3,4 %' [footnote-mark]",
        "kpi: note: showing 2018; 2017 rated as its history (--year shows another)",
        "kpi: 1 result fails --fail-on not_met: S.2.1",
    ]
    document = json.loads(result.stdout)
    assert document["gate"]["fail_on"] == "not_met"
    assert document["levels"] == [
        {"id": "met", "labels": {"nb": "Nådd", "en": "Met"}},
        {"id": "not_met", "labels": {"nb": "Ikke nådd", "en": "Not met"}},
    ]
    assert document["summary"]["status"] == "not_met"
    assert document["summary"]["counts"] == {
        "met": 4,
        "not_met": 1,
        "missing": 1,
        "no_target": 0,
        "not_phased_in": 0,
        "insufficient_base": 0,
    }
    shown = next(r for r in document["results"] if (r["indicator"], r["year"]) == ("S.2.2", 2018))
    assert shown["value"] is None and shown["value_text"] == "Resultat for 2018 foreligger ikke"
    assert list(document["indicators"]["S.2.3"]["band_versions"][0]["bands"]) == ["met", "not_met"]


def test_single_target_table_shows_the_levels_words_and_two_band_columns(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *SINGLE, env={"COLUMNS": "160"})
    assert_ok(result, 1)
    lines = result.stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("Id "))
    # The bands carry the target's unit ("≤ 52,5 poeng"), so "Ikke nådd" fits its column unwrapped.
    assert lines[at].split() == ["Id", "Måleindikator", "Nådd", "Ikke", "nådd", "2017", "2018", "Endring", "Status"]
    assert ">52,5 poeng ≤ 52,5 poeng" in result.stdout
    assert "2018: 4 Nådd · 1 Ikke nådd · 1 mangler" in result.stdout
    assert "Laveste akseptert" not in result.stdout
    english = kpi("evaluate", *SINGLE, "--lang", "en", env={"COLUMNS": "160"})
    assert "2018: 4 Met · 1 Not met · 1 missing" in english.stdout


def test_fail_on_takes_the_scorecards_level_ids(kpi, repo_root, assert_ok):
    assert_ok(kpi("evaluate", *SINGLE, "--format", "json", "--fail-on", "never"), 0)
    assert_ok(kpi("evaluate", *SINGLE, "--format", "json", "--fail-on", "not_met"), 1)
    wrong = kpi("evaluate", *SINGLE, "--fail-on", "accepted")
    assert wrong.exit_code == 2
    assert wrong.stderr == (
        "kpi: error: Invalid value for '--fail-on': 'accepted' is not one of 'not_met', 'never' "
        "(see 'kpi evaluate --help') [usage]\n"
    )


def test_csv_names_band_columns_and_statuses_by_level_id(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *SINGLE, "--format", "csv", "--fail-on", "never")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    assert lines[0].split(";")[8:12] == ["status", "statustekst", "met", "not_met"]  # nb names; level ids kept
    assert lines[-1].split(";")[6:12] == ["3,4", "%", "met", "Nådd", "≥ 3,0 %", "< 3,0 %"]


def test_three_levels_with_tolerance(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *TOLERANCE, "--format", "json")
    assert_ok(result, 0)
    assert statuses(result) == {
        ("K.1.1", 2015): "uakseptabelt",
        ("K.2.1", 2015): "akseptabelt",
        ("K.2.2", 2015): "uakseptabelt",
        ("K.1.1", 2016): "akseptabelt",
        ("K.2.1", 2016): "onsket",
        ("K.2.2", 2016): "onsket",
    }
    strict = kpi("evaluate", *TOLERANCE, "--format", "json", "--fail-on", "akseptabelt")
    assert_ok(strict, 1)
    assert strict.stderr.splitlines()[-1] == "kpi: 1 resultat feiler --fail-on akseptabelt: K.1.1"  # nb


def test_change_and_per_year_targets_in_nynorsk(kpi, repo_root, assert_ok):
    result = kpi("evaluate", *CHANGE, "--format", "json")
    assert_ok(result, 1)
    assert statuses(result) == {
        ("T.1.1", 2013): "no_target",
        ("T.1.2", 2013): "no_target",
        ("T.1.3", 2013): "missing",
        ("T.2.1", 2013): "missing",
        ("T.2.2", 2013): "missing",
        ("T.1.1", 2014): "desired",
        ("T.1.2", 2014): "desired",
        ("T.1.3", 2014): "missing",
        ("T.2.1", 2014): "desired",
        ("T.2.2", 2014): "desired",
        ("T.1.1", 2015): "desired",
        ("T.1.2", 2015): "not_approved",
        ("T.1.3", 2015): "desired",
        ("T.2.1", 2015): "accepted",
        ("T.2.2", 2015): "not_approved",
    }
    change = next(r for r in json.loads(result.stdout)["results"] if (r["indicator"], r["year"]) == ("T.2.1", 2015))
    assert (change["value"], change["value_text"]) == (0.3, "71,1%")
    assert change["computed"]["inputs"] == [
        {"measure": "T.2.1", "year": 2015, "value": 71.1},
        {"measure": "T.2.1", "year": 2014, "value": 70.8},
    ]
    table = kpi("evaluate", *CHANGE, env={"COLUMNS": "160"})
    assert "T.2.1: 71,1 mot 70,8 året før: +0,3" in table.stdout
    assert "● Ønskt resultat" in table.stdout
    assert "▲ Lågaste aksepterte resultat" in table.stdout
    assert "✖ Ikkje godkjent resultat" in table.stdout
    assert "2015: 2 ønskt · 1 lågaste akseptert · 2 ikkje godkjent\n" in table.stdout  # no zero counts


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nn", ["Ønskt resultat", "Lågaste aksepterte resultat", "Ikkje godkjent resultat", "71,1 mot 70,8 året før"]),
        ("sv", ["Önskat resultat", "Lägsta godtagbara resultat", "Ej godkänt resultat", "71,1 mot 70,8 året innan"]),
    ],
)
def test_nynorsk_and_swedish_reports_show_their_words_and_decimal_comma(kpi, repo_root, assert_ok, lang, words):
    result = kpi("evaluate", *CHANGE, "--lang", lang, "--fail-on", "never", env={"COLUMNS": "160"})
    assert_ok(result, 0)
    for word in words:
        assert word in result.stdout
    csv = kpi("evaluate", *CHANGE, "--lang", lang, "--format", "csv", "--fail-on", "never")
    assert csv.stdout.splitlines()[-1].split(";")[6] == "-0,02"


def test_a_value_with_a_sign_is_an_error_that_says_to_write_the_number(kpi, workdir, write, assert_error):
    write("2014.csv", "indikator;verdi\nL.1.1;> 4,5\n")  # made up
    assert_error(
        kpi("evaluate", "2014.csv"),
        [
            "2014.csv:2: error: L.1.1: verdien '> 4,5' er skrevet med sammenligningstegn: skriv selve tallet, uten '>' "
            "[value-with-sign]"
        ],
    )


def test_fail_on_help_names_the_levels_of_the_definitions_found(kpi, repo_root):
    result = kpi("evaluate", "--help", env={"KPI_INDICATORS": "examples/single-target/indicators.yaml"})
    assert result.exit_code == 0
    unwrapped = "".join(result.stdout.split())  # click wraps the help, even inside a path
    assert "Inexamples/single-target/indicators.yaml:not_met,never." in unwrapped
    seed = "".join(kpi("evaluate", "--help").stdout.split())
    assert "Inindicators.yaml:not_approved,accepted,never." in seed
