"""What kpi says when it is used wrong: one style for every error, suggestions, aliases.

(README "Messages".) Each message is asserted as the exact line a user reads.
"""

from __future__ import annotations

import json

import pytest


def test_format_is_case_insensitive(kpi, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--format", "JSON")
    assert_ok(result, 0)
    assert json.loads(result.stdout)["year"] == 2014


@pytest.mark.parametrize("word", ["no", "nob", "NB", "Norsk"])
def test_no_and_nob_are_bokmal(kpi, assert_ok, word):
    result = kpi("evaluate", "results/2014.csv", "--lang", word, env={"COLUMNS": "200"})
    assert_ok(result, 0)
    assert result.stdout.startswith("Definisjoner: indicators.yaml")


def test_a_near_miss_gets_a_did_you_mean(kpi, assert_error):
    assert_error(
        kpi("evaluate", "results/2014.csv", "--format", "jsn"),
        [
            "kpi: error: Invalid value for '--format': 'jsn' is not one of 'csv', 'docx', 'github', 'html', 'json', "
            "'jsonl', 'junit', 'markdown', 'pdf', 'table', 'xlsx'; did you mean 'json'? "
            "(see 'kpi evaluate --help') [usage]"
        ],
    )


@pytest.mark.parametrize(
    ("word", "start"), [("nynorsk", "Definisjonar:"), ("SV", "Definitioner:"), ("svenska", "Definitioner:")]
)
def test_nynorsk_and_swedish_have_their_names_too(kpi, assert_ok, word, start):
    result = kpi("evaluate", "results/2014.csv", "--lang", word)
    assert_ok(result, 0)
    assert result.stdout.startswith(f"{start} indicators.yaml")


def test_fail_on_is_case_insensitive_and_suggests_a_level(kpi, assert_ok, assert_error):
    assert_ok(kpi("evaluate", "results/2014.csv", "--fail-on", "ACCEPTED", "--format", "json"), 0)
    assert_error(
        kpi("evaluate", "results/2014.csv", "--fail-on", "acepted"),
        [
            "kpi: error: Invalid value for '--fail-on': 'acepted' is not one of 'not_approved', 'accepted', "
            "'never'; did you mean 'accepted'? (see 'kpi evaluate --help') [usage]"
        ],
    )


def test_a_language_kpi_does_not_speak(kpi, assert_error):
    assert_error(
        kpi("evaluate", "results/2014.csv", "--lang", "de"),
        [
            "kpi: error: Invalid value for '--lang': 'de' is not one of 'nb', 'nn', 'en', 'sv' "
            "(see 'kpi evaluate --help') [usage]"
        ],
    )


def test_click_usage_errors_speak_as_kpi(kpi, assert_error):
    assert_error(
        kpi("evaluate", "results/2014.csv", "--fail-on", "acepted"),
        [
            "kpi: error: Invalid value for '--fail-on': 'acepted' is not one of 'not_approved', 'accepted', "
            "'never'; did you mean 'accepted'? (see 'kpi evaluate --help') [usage]"
        ],
    )
    assert_error(kpi("frobnicate"), ["kpi: error: No such command 'frobnicate' (see 'kpi --help') [usage]"])
    assert_error(kpi("evaluate"), ["kpi: error: Missing argument 'RESULTS...' (see 'kpi evaluate --help') [usage]"])


def test_the_definitions_given_as_results(kpi, assert_error):
    assert_error(
        kpi("evaluate", "indicators.yaml"),
        [
            "kpi: error: indicators.yaml looks like the definitions file: --indicators indicators.yaml? "
            "(results are CSV or .xlsx) [usage]"
        ],
    )


def test_help_summaries_fit(kpi, assert_ok):
    result = kpi("--help")
    assert_ok(result, 0)
    commands = result.stdout.split("Commands:\n")[1].splitlines()
    assert commands == [
        "  evaluate  Rate results against the definitions; exit 1 when the gate fails.",
        "  explain   Say which band VALUE falls in for INDICATOR, and why.",
        "  fetch     Fetch SSB tables and Kolada key figures into results/.",
        "  history   Show each indicator year by year, with its alarms.",
        "  init      Start a scorecard: indicators.yaml and a results file to fill in.",
        "  sql       Print the SQL that rates a results table in a database.",
        "  status    Show each indicator's phase-in state for a year.",
        "  template  Write the results file to fill in for a year.",
        "  validate  Check a definitions file.",
    ]
    assert not any(line.endswith("...") for line in commands)


def test_help_and_version_still_exit_0(kpi):
    assert kpi("evaluate", "--help").exit_code == 0
    assert kpi("--version").exit_code == 0
