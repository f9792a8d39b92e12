"""The `kpi` command line: evaluate, status, validate, explain and --version.

Run in-process with click's CliRunner against kpi_cli.cli.main. Every error
path is checked for exit code 2, the located `path:line[:col]: error: ...`
line on stderr and the absence of a traceback.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version

import pytest
from conftest import (
    SEED_GAP_NOTE,
    SEED_GAP_NOTE_NB,
    SEED_GAP_WARNINGS,
    SEED_GAP_WARNINGS_NB,
    SEED_IDS,
    SEED_INDICATORS,
    seed_line,
    shown_results,
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")

# The seed's bands, as `--format json` must carry them (text as published, intervals as numbers).
SCORE_BANDS = {
    "desired": {
        "text": "4,5 - 6",
        "intervals": [{"min": 4.5, "max": 6, "min_inclusive": True, "max_inclusive": True, "notation": "4.5 - 6"}],
    },
    "accepted": {
        "text": "4 - 4,4",
        "intervals": [{"min": 4, "max": 4.4, "min_inclusive": True, "max_inclusive": True, "notation": "4 - 4.4"}],
    },
    "not_approved": {
        "text": "0 - 3,9",
        "intervals": [{"min": 0, "max": 3.9, "min_inclusive": True, "max_inclusive": True, "notation": "0 - 3.9"}],
    },
}
L21_BANDS = {
    "desired": {
        "text": "> 5 %poeng",
        "intervals": [{"min": 5, "max": None, "min_inclusive": False, "max_inclusive": False, "notation": "> 5"}],
    },
    "accepted": {
        "text": "2 - 4,9 %poeng",
        "intervals": [{"min": 2, "max": 4.9, "min_inclusive": True, "max_inclusive": True, "notation": "2 - 4.9"}],
    },
    "not_approved": {
        "text": "< 2 %poeng",
        "intervals": [{"min": None, "max": 2, "min_inclusive": False, "max_inclusive": False, "notation": "< 2"}],
    },
}


def evaluated(result):
    """stdout of `--format json` parsed; it must be one JSON document and nothing else."""
    text = result.stdout
    assert text.lstrip().startswith("{") and text.rstrip().endswith("}"), text
    return json.loads(text)


def by_id(document, org_unit=None):
    return {item["indicator"]: item for item in shown_results(document) if item["org_unit"] == org_unit}


def statuses(document, org_unit=None):
    return {key: item["status"] for key, item in by_id(document, org_unit).items()}


def line_starting(text, prefix):
    lines = [line.rstrip() for line in text.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, (prefix, text)
    return lines[0]


# --- kpi evaluate results/2014.csv: the main job --------------------------------------------


def test_evaluate_seed_table(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", env={"COLUMNS": "200"})  # wide: no status cell wraps
    assert_ok(result, 0)
    assert result.stderr == ""
    out = result.stdout
    assert line_starting(out, "Definisjoner:") == "Definisjoner: indicators.yaml · Resultater: results/2014.csv"
    assert "Asker kommune - målekart · Læring og fornyelse · 2014" in out
    assert "Fokusmål: Fremtidsrettet og lærende organisasjon" in out
    for indicator in ("L.1.1", "L.1.2"):
        assert line_starting(out, indicator + " ").endswith("● Ønsket resultat")
    assert "4,51" in line_starting(out, "L.1.1 ")
    assert "4,72" in line_starting(out, "L.1.2 ")
    assert line_starting(out, "L.2.1 ").endswith("○ Innfases 2015")
    for indicator in ("L.2.2", "L.2.3"):
        assert line_starting(out, indicator + " ").endswith("○ Innfases 2017 (utsatt)")
    assert line_starting(out, "2014:") == "2014: 2 ønsket · 3 ikke innfaset"  # zero counts left out
    assert "●" in out and "○" in out
    assert not ANSI.search(out)


def test_evaluate_seed_json(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--format", "json")
    assert_ok(result, 0)
    assert result.stderr == ""
    document = evaluated(result)
    assert document["schema_version"] == 2
    assert document["year"] == 2014
    assert document["years"] == [2014]
    assert [item["indicator"] for item in document["results"]] == SEED_IDS
    results = by_id(document)
    assert {key: item["status"] for key, item in results.items()} == {
        "L.1.1": "desired",
        "L.1.2": "desired",
        "L.2.1": "not_phased_in",
        "L.2.2": "not_phased_in",
        "L.2.3": "not_phased_in",
    }
    first = results["L.1.1"]
    assert first["year"] == 2014
    assert first["org_unit"] is None
    assert first["value"] == 4.51
    assert first["bands_from"] is None
    assert "bands" not in first and "name" not in first  # what belongs to the indicator is written once
    assert list(document["indicators"]) == SEED_IDS
    indicators = document["indicators"]
    for score in ("L.1.1", "L.1.2"):
        (version,) = indicators[score]["band_versions"]
        assert version["from"] is None and version["org_unit"] is None
        assert version["bands"] == SCORE_BANDS
        assert indicators[score]["direction"] == "higher_is_better"
        assert indicators[score]["gap_policy"] == "worse"
    assert results["L.1.2"]["value"] == 4.72
    pending = results["L.2.1"]
    assert pending["value"] is None
    assert indicators["L.2.1"]["band_versions"][0]["bands"] == L21_BANDS
    assert indicators["L.2.1"]["direction"] == "higher_is_better"
    assert indicators["L.2.1"]["phase_in"] == {"year": 2015, "planned": None, "postponed": False, "reason": None}
    for unset in ("L.2.2", "L.2.3"):
        assert results[unset]["value"] is None
        assert indicators[unset]["band_versions"] == []
        assert indicators[unset]["direction"] is None
        assert indicators[unset]["gap_policy"] == "worse"
    for item in document["results"]:
        assert item["year"] == 2014
        assert item["org_unit"] is None


def test_evaluate_seed_english(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--lang", "en")
    assert_ok(result, 0)
    out = result.stdout
    assert line_starting(out, "Definitions:") == "Definitions: indicators.yaml · Results: results/2014.csv"
    assert line_starting(out, "L.1.1 ").endswith("● Desired result")
    assert " 4.51 " in line_starting(out, "L.1.1 ")  # English output writes a decimal point
    assert " 4,51 " not in out
    # The status cell may wrap "(postponed)" onto the row's next line; the word must be there.
    assert line_starting(out, "L.2.2 ").endswith(("○ Phased in 2017", "○ Phased in 2017 (postponed)"))
    assert "(postponed)" in out
    assert line_starting(out, "2014:").startswith("2014: 2 desired")
    assert "Focus goal: Fremtidsrettet og lærende organisasjon" in out
    assert "Ønsket resultat" not in out
    assert "ønsket" not in out


def test_color_never_has_no_escape_codes_even_on_a_terminal(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--color", "never", color=True)
    assert_ok(result, 0)
    assert not ANSI.search(result.stdout)
    assert "● Ønsket resultat" in result.stdout


def test_no_color_env_has_no_escape_codes_even_on_a_terminal(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", env={"NO_COLOR": "1", "FORCE_COLOR": "1"}, color=True)
    assert_ok(result, 0)
    assert not ANSI.search(result.stdout)
    assert "● Ønsket resultat" in result.stdout


def test_color_always_on_a_terminal_has_escape_codes(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/2014.csv", "--color", "always", color=True)
    assert_ok(result, 0)
    assert ANSI.search(result.stdout)
    # The words and symbols are there besides the colour.
    assert "● Ønsket resultat" in ANSI.sub("", result.stdout)


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--color", "always"], None), ([], {"FORCE_COLOR": "1"})],
    ids=["color-always", "FORCE_COLOR"],
)
def test_forced_colour_keeps_escape_codes_when_piped(kpi, repo_root, assert_ok, args, env):
    # CliRunner's default (color=False) is how click treats a pipe: `kpi ... --color always | less -R`.
    # --color always (and FORCE_COLOR under auto) must force colour there too; that is what they are for.
    result = kpi("evaluate", "results/2014.csv", *args, env=env)
    assert_ok(result, 0)
    assert ANSI.search(result.stdout), "forced colour gave no ANSI escape codes on a non-terminal stdout"


# --- exit codes ---------------------------------------------------------------------------


def test_not_approved_exits_1(kpi, workdir, write, assert_ok):
    # Made-up results: L.1.1 at 3,8 is not approved.
    write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;3,8\nL.1.2;2014;4,6\n")
    result = kpi("evaluate", "made_up.csv", "--format", "json")
    assert_ok(result, 1)
    assert statuses(evaluated(result))["L.1.1"] == "not_approved"
    assert result.stderr.splitlines() == ["kpi: 1 resultat feiler --fail-on not_approved: L.1.1"]  # the seed's nb


def test_not_approved_with_fail_on_never_exits_0(kpi, workdir, write, assert_ok):
    # Made-up results: L.1.1 at 3,8 is not approved.
    write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;3,8\nL.1.2;2014;4,6\n")
    result = kpi("evaluate", "made_up.csv", "--fail-on", "never", "--format", "json")
    assert_ok(result, 0)
    assert statuses(evaluated(result))["L.1.1"] == "not_approved"


def test_accepted_fails_only_with_fail_on_accepted(kpi, workdir, write, assert_ok):
    # Made-up results: L.1.1 at 4,2 is the lowest accepted result.
    write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;4,2\nL.1.2;2014;4,6\n")
    default = kpi("evaluate", "made_up.csv", "--format", "json")
    assert_ok(default, 0)
    assert statuses(evaluated(default))["L.1.1"] == "accepted"
    strict = kpi("evaluate", "made_up.csv", "--fail-on", "accepted", "--format", "json", "--lang", "en")
    assert_ok(strict, 1)
    assert statuses(evaluated(strict))["L.1.1"] == "accepted"
    assert strict.stderr.splitlines() == ["kpi: 1 result fails --fail-on accepted: L.1.1"]


def test_missing_result_fails_only_with_fail_on_missing(kpi, workdir, write, assert_ok):
    # Made-up results: no row for L.1.2, which is active in 2014.
    write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;4,6\n")
    default = kpi("evaluate", "made_up.csv", "--format", "json")
    assert_ok(default, 0)
    assert statuses(evaluated(default))["L.1.2"] == "missing"
    strict = kpi("evaluate", "made_up.csv", "--fail-on-missing", "--format", "json")
    assert_ok(strict, 1)
    assert statuses(evaluated(strict))["L.1.2"] == "missing"
    assert "L.1.2" in strict.stderr


def test_value_in_the_gap_is_accepted(kpi, workdir, write, assert_ok):
    # Made-up results: 4,47 lies between 4 - 4,4 (accepted) and 4,5 - 6 (desired).
    write("made_up.csv", "indikator;år;verdi\nL.1.1;2014;4,47\nL.1.2;2014;4,6\n")
    result = kpi("evaluate", "made_up.csv", "--format", "json")
    assert_ok(result, 0)
    item = by_id(evaluated(result))["L.1.1"]
    assert item["status"] == "accepted"
    assert item["value"] == 4.47
    assert item["in_gap"] is True
    assert item["reason"] == "4.47 lies between lowest accepted 4 - 4.4 and desired 4.5 - 6; gap policy worse"


# --- where the definitions come from ---------------------------------------------------------


def test_indicators_option(kpi, tmp_path, monkeypatch, write, assert_ok):
    monkeypatch.chdir(tmp_path)  # no indicators.yaml here
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\nL.1.2;4,72\n")  # made-up copy of the seed's values
    result = kpi("evaluate", "2014.csv", "--indicators", str(SEED_INDICATORS), "--format", "json")
    assert_ok(result, 0)
    assert evaluated(result)["definitions"] == str(SEED_INDICATORS)
    assert statuses(evaluated(result))["L.1.1"] == "desired"


def test_kpi_indicators_env(kpi, tmp_path, monkeypatch, write, assert_ok):
    monkeypatch.chdir(tmp_path)  # no indicators.yaml here
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\nL.1.2;4,72\n")  # made-up copy of the seed's values
    result = kpi("evaluate", "2014.csv", "--format", "json", env={"KPI_INDICATORS": str(SEED_INDICATORS)})
    assert_ok(result, 0)
    assert statuses(evaluated(result))["L.1.2"] == "desired"


def test_indicators_option_beats_env(kpi, tmp_path, monkeypatch, write, assert_ok):
    monkeypatch.chdir(tmp_path)
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up
    result = kpi("evaluate", "2014.csv", "--indicators", str(SEED_INDICATORS), env={"KPI_INDICATORS": "nowhere.yaml"})
    assert_ok(result, 0)


def test_no_definitions_file(kpi, tmp_path, monkeypatch, write, assert_error):
    monkeypatch.chdir(tmp_path)  # no indicators.yaml here
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up
    result = kpi("evaluate", "2014.csv")
    assert_error(
        result,
        [
            "indicators.yaml: error: no indicators.yaml here: kpi init makes one (or give --indicators PATH or set "
            "KPI_INDICATORS) [unreadable-file]"
        ],
    )


def test_missing_definitions_file_from_option_and_env(kpi, tmp_path, monkeypatch, write, assert_error):
    monkeypatch.chdir(tmp_path)
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up
    message = "error: definitions file not found (give --indicators PATH or set KPI_INDICATORS) [unreadable-file]"
    assert_error(kpi("evaluate", "2014.csv", "--indicators", "other.yaml"), [f"other.yaml: {message}"])
    assert_error(kpi("evaluate", "2014.csv", env={"KPI_INDICATORS": "env.yaml"}), [f"env.yaml: {message}"])


def test_invalid_definitions_stop_evaluate(kpi, workdir, write, assert_error):
    # Made-up definitions with an unknown key.
    write(
        "broken.yaml",
        "scorecard: X\nfocus_areas:\n  - id: A\n    name: A\n    colour: red\n",
    )
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up
    result = kpi("evaluate", "2014.csv", "--indicators", "broken.yaml")
    assert_error(
        result,
        [
            "broken.yaml:5:5: error: fokusområde: ukjent nøkkel 'colour'; "
            "tillatt: id, name, focus_goal, goals, description [unknown-key]"
        ],
    )


# --- the year ---------------------------------------------------------------------------------


def test_year_from_the_column(kpi, workdir, write, assert_ok):
    write("scores.csv", "indikator;år;verdi\nL.1.1;2015;4,51\nL.1.2;2015;4,2\n")  # made up
    result = kpi("evaluate", "scores.csv", "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert document["year"] == 2015
    assert statuses(document) == {
        "L.1.1": "desired",
        "L.1.2": "accepted",
        "L.2.1": "missing",  # phased in 2015, no result
        "L.2.2": "not_phased_in",
        "L.2.3": "not_phased_in",
    }


def test_year_from_the_file_name(kpi, workdir, write, assert_ok):
    write("results/2014.csv", "indikator;verdi\nL.1.1;4,51\nL.1.2;3,2\n")  # made up, no year column
    result = kpi("evaluate", "results/2014.csv", "--format", "json")
    assert_ok(result, 1)
    document = evaluated(result)
    assert document["year"] == 2014
    assert statuses(document)["L.1.1"] == "desired"
    assert statuses(document)["L.1.2"] == "not_approved"
    assert {item["year"] for item in document["results"]} == {2014}


def test_year_from_the_option(kpi, workdir, write, assert_ok):
    write("scores.csv", "indikator;verdi\nL.1.1;4,51\nL.1.2;4,72\n")  # made up, no year anywhere
    result = kpi("evaluate", "scores.csv", "--year", "2014", "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert document["year"] == 2014
    assert statuses(document)["L.1.1"] == "desired"
    assert by_id(document)["L.1.2"]["value"] == 4.72


def test_no_year_at_all(kpi, workdir, write, assert_error):
    write("scores.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up, no year anywhere
    result = kpi("evaluate", "scores.csv")
    assert_error(
        result,
        [
            "scores.csv:1: error: mangler år: legg til en årskolonne (år), sett året i filnavnet "
            "(results/2014.csv) eller bruk --year [no-year]"
        ],
    )


def test_year_out_of_range_is_a_usage_error(kpi, repo_root):
    result = kpi("evaluate", "results/2014.csv", "--year", "soon")
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "'soon' is not a valid integer" in result.stderr


# --- errors in results files: every one, in one run --------------------------------------------


def test_results_errors_all_in_one_run(kpi, workdir, write, assert_error):
    # Made-up results with one problem per row (line numbers in the comments).
    write(
        "errors.csv",
        "indikator;år;verdi\n"  # 1
        "L1.1;2014;4,6\n"  # 2 unknown id, close to L.1.1, which line 3 gives: L.2.1 is the hint
        "L.1.1;2014;4,51\n"  # 3 fine
        "L.1.1;2014;4,7\n"  # 4 duplicate of line 3
        "L.1.2;2014;ca 4,5\n"  # 5 not a number: which number is meant?
        "L.1.2;2015;47,1\n",  # 6 outside the 1-6 scale
    )
    write(
        "comma.csv",
        "indicator,year,value\n"  # 1
        "L.1.2,2014,4,5\n",  # 2 decimal comma in a comma-separated file: four fields
    )
    result = kpi("evaluate", "errors.csv", "comma.csv", "--year", "2014")
    assert_error(
        result,
        [
            "errors.csv:2: error: ukjent indikator 'L1.1' (mente du L.2.1?) [unknown-indicator]",
            "errors.csv:4: error: dobbelt resultat for L.1.1 2014: allerede gitt på errors.csv:3 [duplicate-result]",
            "errors.csv:5: error: L.1.2: verdien 'ca 4,5' er ikke et tall [invalid-value]",
            "errors.csv:6: error: L.1.2: verdien 47,1 ligger utenfor skalaen 1 - 6 (score 1-6): en skrivefeil?"
            " [value-outside-scale]",
            "comma.csv:2: error: raden har 4 felt, men overskriftsraden har 3: desimalkomma i en kommaseparert "
            "fil? Sett verdien i anførselstegn, eller skill feltene med ; [field-count]",
        ],
    )


def test_value_outside_the_scale_in_the_evaluated_year(kpi, workdir, write, assert_error):
    write("2014.csv", "indikator;verdi\nL.1.1;47,1\nL.1.2;4,72\n")  # made up: 47,1 is a typing error
    result = kpi("evaluate", "2014.csv")
    assert_error(
        result,
        [
            "2014.csv:2: error: L.1.1: verdien 47,1 ligger utenfor skalaen 1 - 6 (score 1-6): en skrivefeil?"
            " [value-outside-scale]"
        ],
    )


def test_unknown_id_without_a_close_match_lists_known_ids(kpi, workdir, write, assert_error):
    write("2014.csv", "indikator;verdi\nX.9;4\n")  # made up
    result = kpi("evaluate", "2014.csv")
    assert_error(
        result,
        [
            "2014.csv:2: error: ukjent indikator 'X.9'; kjente id-er: L.1.1, L.1.2, L.2.1, L.2.2, L.2.3, "
            "ideer, ideer_valgt, prosjekter, prosjekter_gevinst [unknown-indicator]"
        ],
    )


def test_line_numbers_count_blank_lines(kpi, workdir, write, assert_error):
    write("2014.csv", "indikator;verdi\n\nL.1.1;4,51\n\nL.1.2;ca. 4\n")  # made up
    assert_error(
        kpi("evaluate", "2014.csv"), ["2014.csv:5: error: L.1.2: verdien 'ca. 4' er ikke et tall [invalid-value]"]
    )


def test_missing_results_file(kpi, workdir, assert_error):
    assert_error(
        kpi("evaluate", "nowhere/2014.csv"), ["nowhere/2014.csv: error: finner ikke resultatfilen [unreadable-file]"]
    )


def test_missing_value_column_lists_the_columns_found(kpi, workdir, write, assert_error):
    write("2014.csv", "Indikator;Navn;Kommentar\nL.1.1;Opplevelse;ok\n")  # made up
    result = kpi("evaluate", "2014.csv")
    assert_error(
        result,
        [
            "2014.csv:1: error: missing column value: found 'indikator', 'navn', 'kommentar'; accepted names "
            "are value: value, verdi, resultat, result, värde, varde (or one column per year, such as '2014' or "
            "'Resultat 2014') [missing-column]"
        ],
    )


# --- reading results files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("semicolon_comma.csv", "indikator;år;verdi\nL.1.1;2014;4,51\nL.1.2;2014;4,2\n"),
        ("semicolon_point.csv", "indikator;år;verdi\nL.1.1;2014;4.51\nL.1.2;2014;4.2\n"),
        ("comma_point.csv", "indicator,year,value\nL.1.1,2014,4.51\nL.1.2,2014,4.2\n"),
        ("comma_quoted.csv", 'indicator,year,value\nL.1.1,2014,"4,51"\nL.1.2,2014,"4,2"\n'),
        ("tab_comma.tsv", "indikator\tår\tverdi\nL.1.1\t2014\t4,51\nL.1.2\t2014\t4,2\n"),
        ("tab_point.csv", "indicator\tyear\tvalue\nL.1.1\t2014\t4.51\nL.1.2\t2014\t4.2\n"),
        ("crlf.csv", "indikator;år;verdi\r\nL.1.1;2014;4,51\r\nL.1.2;2014;4,2\r\n"),
        ("units.csv", "indikator;år;verdi\nL.1.1;2014;4,51 poeng\nL.1.2;2014; 4,2 \n"),
    ],
)
def test_delimiters_and_decimal_marks(kpi, workdir, write, assert_ok, name, content):
    # Made-up results: 4,51 desired, 4,2 accepted.
    write(name, content)
    result = kpi("evaluate", name, "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert document["year"] == 2014
    items = by_id(document)
    assert (items["L.1.1"]["value"], items["L.1.1"]["status"]) == (4.51, "desired")
    assert (items["L.1.2"]["value"], items["L.1.2"]["status"]) == (4.2, "accepted")


def test_utf8_with_bom(kpi, workdir, write, assert_ok):
    # Made-up results, written as Excel's "CSV UTF-8" does: BOM first.
    write("bom.csv", b"\xef\xbb\xbf" + "Indikator;År;Verdi\nL.1.1;2014;4,51\n".encode())
    result = kpi("evaluate", "bom.csv", "--format", "json")
    assert_ok(result, 0)
    assert statuses(evaluated(result))["L.1.1"] == "desired"


def test_windows_1252_keeps_norwegian_letters(kpi, workdir, write, assert_ok):
    # Made-up results per service area, written in Windows-1252 as Norwegian Excel does.
    text = (
        "Tjenesteområde;Indikator;År;Verdi\r\n"
        "Helse og omsorg;L.1.1;2014;4,2\r\n"
        "Oppvekst og læring;L.1.1;2014;4,6\r\n"
        "Bygg, eiendom og kjøp av tjenester – Sørum;L.1.1;2014;3,5\r\n"
    )
    path = write("enheter.csv", text, encoding="cp1252")
    raw = path.read_bytes()
    assert b"\xe5" in raw and b"\xe6" in raw and b"\xf8" in raw  # the bytes really are cp1252, not UTF-8
    result = kpi("evaluate", "enheter.csv", "--format", "json", "--fail-on", "never")
    assert_ok(result, 0)
    document = evaluated(result)
    units = [item["org_unit"] for item in document["results"] if item["indicator"] == "L.1.1"]
    assert sorted(units) == ["Bygg, eiendom og kjøp av tjenester – Sørum", "Helse og omsorg", "Oppvekst og læring"]
    assert statuses(document, "Helse og omsorg")["L.1.1"] == "accepted"
    assert statuses(document, "Oppvekst og læring")["L.1.1"] == "desired"
    assert statuses(document, "Bygg, eiendom og kjøp av tjenester – Sørum")["L.1.1"] == "not_approved"
    assert "\ufffd" not in result.stdout


@pytest.mark.parametrize("cell", ["Ikke målt", "Ny indikator fra 2017", "", "-", "..", "ikke målt"])
def test_no_result_markers(kpi, workdir, write, assert_ok, cell):
    # Made-up results: L.1.2 has one of the published "no result" cells.
    write("2014.csv", f"indikator;verdi\nL.1.1;4,51\nL.1.2;{cell}\nL.2.2;Ny indikator fra 2017\n")
    result = kpi("evaluate", "2014.csv", "--format", "json")
    assert_ok(result, 0)
    items = by_id(evaluated(result))
    assert items["L.1.2"]["value"] is None
    assert items["L.1.2"]["status"] == "missing"
    assert items["L.2.2"]["status"] == "not_phased_in"
    assert result.stderr == ""
    assert_ok(kpi("evaluate", "2014.csv", "--fail-on-missing"), 1)


@pytest.mark.parametrize(
    "content",
    [
        "Id;2014\nL.1.1;4,51\nL.1.2;4,2\nL.2.1;Ny indikator fra 2015\n",
        "Indikator;Resultat 2014\nL.1.1;4,51\nL.1.2;4,2\nL.2.1;Ny indikator fra 2015\n",
        "Indikator;Måleindikator;Resultat 2014\nL.1.1;Opplevelse;4,51\nL.1.2;Ansatte;4,2\nL.2.1;Ideer;\n",
    ],
)
def test_wide_format(kpi, workdir, write, assert_ok, content):
    write("scorecard.csv", content)  # made up, the year only in the column header
    result = kpi("evaluate", "scorecard.csv", "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert document["year"] == 2014
    assert statuses(document) == {
        "L.1.1": "desired",
        "L.1.2": "accepted",
        "L.2.1": "not_phased_in",
        "L.2.2": "not_phased_in",
        "L.2.3": "not_phased_in",
    }


@pytest.mark.parametrize(
    "header",
    [
        "INDIKATOR;ÅR;VERDI",
        " Indikator ; År ; Verdi ",
        "Indicator;Year;Value",
        "ID;Periode;Resultat",
        "indicator;aar;result",
        "Kommentar;Indikator;År;Verdi",
    ],
)
def test_header_names_any_case_and_spaces(kpi, workdir, write, assert_ok, header):
    rows = "L.1.1;2014;4,51\nL.1.2;2014;4,2\n"
    if header.startswith("Kommentar"):
        rows = "ok;L.1.1;2014;4,51\nsjekk;L.1.2;2014;4,2\n"
    write("scores.csv", header + "\n" + rows)  # made up
    result = kpi("evaluate", "scores.csv", "--format", "json")
    assert_ok(result, 0)
    assert statuses(evaluated(result))["L.1.1"] == "desired"
    assert statuses(evaluated(result))["L.1.2"] == "accepted"


def test_org_unit_header_with_a_space(kpi, workdir, write, assert_ok):
    write("scores.csv", "Indicator,Year,Value,Org Unit\nL.1.1,2014,4.51,Oppvekst\n")  # made up
    result = kpi("evaluate", "scores.csv", "--format", "json")
    assert_ok(result, 0)
    assert statuses(evaluated(result), "Oppvekst")["L.1.1"] == "desired"


# --- kpi status -----------------------------------------------------------------------------------


def status_rows(result):
    document = evaluated(result)
    return [
        (item["indicator"], item["phase_in"], item["state"], item["postponed"], item["has_bands"])
        for item in document["indicators"]
    ]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2014,
            [
                ("L.1.1", None, "active", False, True),
                ("L.1.2", None, "active", False, True),
                ("L.2.1", 2015, "pending", False, True),
                ("L.2.2", 2017, "pending", True, False),
                ("L.2.3", 2017, "pending", True, False),
            ],
        ),
        (
            2015,
            [
                ("L.1.1", None, "active", False, True),
                ("L.1.2", None, "active", False, True),
                ("L.2.1", 2015, "new", False, True),
                ("L.2.2", 2017, "pending", True, False),
                ("L.2.3", 2017, "pending", True, False),
            ],
        ),
        (
            2017,
            [
                ("L.1.1", None, "active", False, True),
                ("L.1.2", None, "active", False, True),
                ("L.2.1", 2015, "active", False, True),
                ("L.2.2", 2017, "new", True, False),
                ("L.2.3", 2017, "new", True, False),
            ],
        ),
    ],
)
def test_status_json(kpi, repo_root, assert_ok, year, expected):
    result = kpi("status", "--year", str(year), "--format", "json")
    assert_ok(result, 0)
    assert result.stderr == ""
    assert evaluated(result)["year"] == year
    assert status_rows(result) == expected


def test_status_check_2017_names_the_indicators_without_bands(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2017", "--check")
    assert_ok(result, 1)
    assert result.stderr.splitlines() == [
        f"indicators.yaml:{seed_line('L.2.2')}:13: error: L.2.2 is phased in from 2017 but has no bands [no-bands]",
        f"indicators.yaml:{seed_line('L.2.3')}:13: error: L.2.3 is phased in from 2017 but has no bands [no-bands]",
    ]


def test_status_check_2016_passes(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2016", "--check")
    assert_ok(result, 0)
    assert result.stderr == ""


def test_status_table(kpi, repo_root, assert_ok):
    result = kpi("status", "--year", "2014")
    assert_ok(result, 0)
    assert "Innfasing 2014" in result.stdout
    assert "Arbeidet med" in result.stdout and "noe forsinket." in result.stdout  # the reason, maybe wrapped
    assert "ikke innfaset (utsatt)" in result.stdout


MADE_UP_BANDS = """\
          - id: L.2.2
            name: Andel ideer (made up bands for the test)
            unit: "%"
            bands:
              desired: ">= 20 %"
              accepted: "10 - 19,9 %"
              not_approved: "< 10 %"
            phase_in:
              year: 2017
              postponed: true
          - id: L.2.3
            name: Andel prosjekter (made up bands for the test)
            unit: "%"
            bands:
              desired: ">= 80 %"
              accepted: "60 - 79,9 %"
              not_approved: "< 60 %"
            phase_in:
              year: 2017
              postponed: true
"""


def test_status_check_2017_with_bands_passes(kpi, tmp_path, monkeypatch, write, assert_ok):
    # The seed's definitions with made-up bands for L.2.2 and L.2.3 in place of their blocks.
    seed = SEED_INDICATORS.read_text(encoding="utf-8")
    head = seed[: seed.index("          - id: L.2.2")]
    write("indicators.yaml", head + MADE_UP_BANDS)
    monkeypatch.chdir(tmp_path)
    result = kpi("status", "--year", "2017", "--check", "--format", "json")
    assert_ok(result, 0)
    assert result.stderr == ""
    assert status_rows(result)[3:] == [("L.2.2", 2017, "new", True, True), ("L.2.3", 2017, "new", True, True)]


# --- kpi validate ---------------------------------------------------------------------------------


def test_validate_seed(kpi, repo_root, assert_ok):
    result = kpi("validate")
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [*SEED_GAP_WARNINGS_NB, SEED_GAP_NOTE_NB]  # the definitions' language
    assert result.stdout == "indicators.yaml: ok: 1 fokusområde, 2 mål, 5 indikatorer, 1 advarsel\n"
    english = kpi("validate", "--lang", "en")
    assert english.stdout == "indicators.yaml: ok: 1 focus area, 2 goals, 5 indicators, 1 warning\n"


def test_validate_seed_by_path(kpi, repo_root, assert_ok):
    result = kpi("validate", "indicators.yaml", "--lang", "en")
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [*SEED_GAP_WARNINGS, SEED_GAP_NOTE]


def test_validate_uses_kpi_indicators(kpi, tmp_path, monkeypatch, assert_ok):
    monkeypatch.chdir(tmp_path)
    result = kpi("validate", "--lang", "en", env={"KPI_INDICATORS": str(SEED_INDICATORS)})
    assert_ok(result, 0)
    path = str(SEED_INDICATORS)
    assert result.stderr.splitlines() == [
        line.replace("indicators.yaml", path, 1) for line in [*SEED_GAP_WARNINGS, SEED_GAP_NOTE]
    ]
    assert result.stdout == f"{path}: ok: 1 focus area, 2 goals, 5 indicators, 1 warning\n"


# --- kpi explain ----------------------------------------------------------------------------------


def test_explain_value_in_the_gap_above_accepted(kpi, repo_root, assert_ok):
    result = kpi("explain", "L.2.1", "5", "--year", "2016")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    assert lines[-1] == "=> ▲ Laveste aksepterte resultat"
    assert lines[1] == "retning: høyere er bedre; i et gap gjelder det dårligste av de to"
    assert "  gap (4,9, 5] mellom laveste akseptert og ønsket: vurderes som laveste akseptert" in lines
    assert (
        "5: 5 ligger mellom laveste akseptert 2 - 4,9 og ønsket > 5; i et gap gjelder det dårligste av de to" in lines
    )
    # everything a user reads is in the chosen language: no English word the tool writes itself
    assert not re.search(r"\b(direction|gap policy|between|lies|rated|scale|note)\b", result.stdout)


def test_explain_pending_year_in_norwegian(kpi, repo_root, assert_ok):
    result = kpi("explain", "L.2.1", "5", "--year", "2014")
    assert_ok(result, 0)
    assert result.stdout.splitlines()[-1] == (
        "merknad: i 2014 er indikatoren ikke innfaset (fra 2015): et resultat det året vises, men vurderes ikke (○)"
    )


def test_explain_in_english(kpi, repo_root, assert_ok):
    result = kpi("explain", "L.2.1", "5", "--year", "2016", "--lang", "en")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    assert lines[-1] == "=> ▲ Lowest accepted result"
    assert lines[1] == "direction: higher is better; gap policy worse"
    assert "  gap (4.9, 5] between lowest accepted and desired: rated lowest accepted" in lines


def test_explain_in_english_writes_decimal_points(kpi, repo_root, assert_ok):
    # Design section 7: labels in bokmål and English; only Norwegian output uses the decimal comma.
    result = kpi("explain", "L.2.1", "5", "--year", "2016", "--lang", "en")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    # The published band text "2 - 4,9 %poeng" stays verbatim; the numbers the tool writes itself do not.
    assert "  gap (4.9, 5] between lowest accepted and desired: rated lowest accepted" in lines
    assert "5: 5 lies between lowest accepted 2 - 4.9 and desired > 5; gap policy worse" in lines, result.stdout


def test_explain_l11_4_45(kpi, repo_root, assert_ok):
    result = kpi("explain", "L.1.1", "4,45")
    assert_ok(result, 0)
    lines = result.stdout.splitlines()
    assert lines[-1] == "=> ▲ Laveste aksepterte resultat"
    assert (
        "4,45: 4,45 ligger mellom laveste akseptert 4 - 4,4 og ønsket 4,5 - 6; i et gap gjelder det dårligste av de to"
        in lines
    )


def test_explain_pending_year_notes_it(kpi, repo_root, assert_ok):
    result = kpi("explain", "L.2.1", "5", "--year", "2014", "--lang", "en")
    assert_ok(result, 0)
    assert "note: in 2014 the indicator is not phased in (from 2015)" in result.stdout


def test_explain_unknown_indicator(kpi, repo_root, assert_error):
    assert_error(
        kpi("explain", "L.9", "4"),
        ["kpi: error: ukjent indikator 'L.9'; kjente id-er: L.1.1, L.1.2, L.2.1, L.2.2, L.2.3 [unknown-indicator]"],
    )
    assert_error(
        kpi("explain", "L1.1", "4"), ["kpi: error: ukjent indikator 'L1.1' (mente du L.1.1?) [unknown-indicator]"]
    )


def test_explain_not_a_number(kpi, repo_root, assert_error):
    assert_error(kpi("explain", "L.1.1", "fire"), ["kpi: error: value 'fire' is not a number [invalid-value]"])
    assert_error(
        kpi("explain", "L.1.1", "Ikke målt"),
        ["kpi: error: 'Ikke målt' is no result; give a number such as 4,47 [invalid-value]"],
    )


# --- kpi --version ------------------------------------------------------------------------------------


def test_version(kpi, assert_ok):
    result = kpi("--version")
    assert_ok(result, 0)
    assert result.stdout == f"kpi, version {version('kpi-cli')}\n"
    assert version("kpi-cli") in result.stdout


def test_unknown_command_is_a_usage_error(kpi):
    result = kpi("evalute")
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# --- more of the contract -------------------------------------------------------------------------


def test_evaluate_a_folder_from_the_repo_root(kpi, repo_root, assert_ok):
    result = kpi("evaluate", "results/", "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert document["year"] == 2014
    assert statuses(document)["L.1.1"] == "desired"
    assert statuses(document)["L.1.2"] == "desired"


def test_findings_go_to_stderr_and_json_stays_clean(kpi, workdir, write, assert_ok):
    # Made-up results for 2017, the year L.2.2 and L.2.3 are phased in without bands.
    write("2017.csv", "indikator;verdi\nL.1.1;4,6\nL.1.2;4,6\nL.2.1;6\nL.2.2;40\nL.2.3;Ikke målt\n")
    result = kpi("evaluate", "2017.csv", "--format", "json")
    assert_ok(result, 0)
    document = evaluated(result)
    assert statuses(document) == {
        "L.1.1": "desired",
        "L.1.2": "desired",
        "L.2.1": "desired",
        "L.2.2": "no_target",
        "L.2.3": "no_target",
    }
    assert by_id(document)["L.2.2"]["value"] == 40
    assert result.stderr.splitlines() == [
        f"indicators.yaml:{seed_line('L.2.2')}:13: warning: L.2.2 is phased in from 2017 but has no bands [no-bands]",
        f"indicators.yaml:{seed_line('L.2.3')}:13: warning: L.2.3 is phased in from 2017 but has no bands [no-bands]",
    ]


def test_errors_win_over_failing_results(kpi, workdir, write, assert_error):
    # Made-up results: a not approved value (exit 1 on its own) and an unknown id (exit 2).
    write("2014.csv", "indikator;verdi\nL.1.1;3,0\nL.3.1;4\n")
    result = kpi("evaluate", "2014.csv", "--format", "json")
    assert_error(result, ["2014.csv:3: error: ukjent indikator 'L.3.1' (mente du L.2.1?) [unknown-indicator]"])


def test_explicit_delimiter_option(kpi, workdir, write, assert_ok):
    # Made up: the header holds a comma inside a name column, the data is tab-separated.
    write("2014.csv", "indikator\tnavn, kort\tverdi\nL.1.1\tOpplevelse, læring\t4,51\n")
    result = kpi("evaluate", "2014.csv", "--delimiter", "tab", "--format", "json")
    assert_ok(result, 0)
    assert statuses(evaluated(result))["L.1.1"] == "desired"


def test_a_result_for_a_pending_indicator_is_shown_not_rated(kpi, workdir, write, assert_ok):
    # Made-up results: L.2.1 is not phased in until 2015, yet a 2014 value is given.
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\nL.1.2;4,72\nL.2.1;1\n")
    result = kpi("evaluate", "2014.csv", "--format", "json", "--fail-on", "accepted")
    assert_ok(result, 0)  # 1 would be not approved, were it rated
    item = by_id(evaluated(result))["L.2.1"]
    assert item["value"] == 1
    assert item["status"] == "not_phased_in"
    table = kpi("evaluate", "2014.csv")
    assert_ok(table, 0)
    assert re.search(r"\s1\s+○ Innfases 2015$", line_starting(table.stdout, "L.2.1 "))


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`kpi evaluate ... | head`: the pipe closes under kpi; it ends quietly, not with a traceback,
    and the exit code still says what the evaluation found (click stops writing to a closed pipe)."""
    import subprocess
    import sys

    rows = "".join(f"L.1.1;{year};Enhet {unit};4,6\n" for year in range(2000, 2020) for unit in range(300))
    (tmp_path / "many.csv").write_text("indikator;år;tjenesteområde;verdi\n" + rows, encoding="utf-8")  # made up
    command = [sys.executable, "-m", "kpi_cli", "evaluate", "many.csv", "--indicators", str(SEED_INDICATORS)]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(100)
        process.stdout.close()  # the reader goes away, as `head` does
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert code == 0


def test_help_lists_each_command_once(kpi):
    """Under click 8.1 a function named evaluate_command was listed as evaluate-command too."""
    result = kpi("--help")
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1].split()
    names = [word for word in commands if word in {"evaluate", "explain", "history", "status", "template", "validate"}]
    assert names == ["evaluate", "explain", "history", "status", "template", "validate"]
    assert "evaluate-command" not in result.stdout
