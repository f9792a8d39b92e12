"""Org units (service areas): rating per org unit, per-unit bands, the matrix and the roll-ups.

Most tests read the made-up example in examples/service-areas (six service areas and the whole
municipality, 2015-2017, new 1-5 bands from 2016, Oppvekst's own L.1.1 bands from 2016, L.2.1
measured for the whole municipality only). Every expected status below is worked out by hand
from the bands in examples/service-areas/indicators.yaml under gap policy worse:

    L.1.x until 2015:      desired 4,5 - 6   accepted 4 - 4,4     not approved 0 - 3,9  (scale 1-6)
                           gaps: (3,9, 4) -> not_approved, (4,4, 4,5) -> accepted
    L.1.x from 2016:       desired 4 - 5     accepted 3,5 - 3,9   not approved 1 - 3,4  (scale 1-5)
                           gaps: (3,4, 3,5) -> not_approved, (3,9, 4) -> accepted
    L.1.1 Oppvekst 2016-:  desired 4,2 - 5   accepted 3,8 - 4,1   not approved 1 - 3,7
                           gaps: (3,7, 3,8) -> not_approved, (4,1, 4,2) -> accepted
                           (2015: before Oppvekst's own bands, so the general 2015 bands apply)
    L.2.1:                 desired > 5       accepted 2 - 4,9     not approved < 2
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO_ROOT, other_results, shown_results

from kpi_cli import evaluate, load_definitions, read_results
from kpi_cli.model import Status
from kpi_cli.rating.evaluate import rate_one
from kpi_cli.rating.history import rollup, rollups
from kpi_cli.report import ResultRow, RowFates

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
DEFS = str(EXAMPLE / "indicators.yaml")
RESULTS = str(EXAMPLE / "results-2015-2017.csv")

D, A, N, M = "desired", "accepted", "not_approved", "missing"
SYMBOL = {D: "●", A: "▲", N: "✖", M: "?"}
WHOLE = None  # the whole municipality: a row without an org unit
UNITS = ["Helse og omsorg", "Kultur", "Oppvekst", "Organisasjon og økonomi", "Samfunnsutvikling", "Teknisk"]
# The order the output keeps: the whole municipality first, then the org units by name.
ORDER = [WHOLE, *UNITS]

# (indicator, org unit) -> {year: (value as written, status)}, each worked out by hand.
CELLS: dict[tuple[str, str | None], dict[int, tuple[str | None, str]]] = {
    # 2015: 4,51 in 4,5 - 6; 2016: 4,1 in 4 - 5; 2017: 3,9 in 3,5 - 3,9.
    ("L.1.1", WHOLE): {2015: ("4,51", D), 2016: ("4,1", D), 2017: ("3,9", A)},
    # 4,72 in 4,5 - 6; 4,0 in 4 - 5; 4,2 in 4 - 5.
    ("L.1.2", WHOLE): {2015: ("4,72", D), 2016: ("4,0", D), 2017: ("4,2", D)},
    # 6,2 > 5; 4,0 in 2 - 4,9; 1,5 < 2.
    ("L.2.1", WHOLE): {2015: ("6,2", D), 2016: ("4,0", A), 2017: ("1,5", N)},
    # 2015 general 4,5 - 6; 2016 Oppvekst's own 3,8 - 4,1; 2017 Oppvekst's own 4,2 - 5.
    ("L.1.1", "Oppvekst"): {2015: ("4,6", D), 2016: ("4,1", A), 2017: ("4,3", D)},
    ("L.1.2", "Oppvekst"): {2015: ("4,8", D), 2016: ("4,1", D), 2017: ("4,0", D)},
    # 4,3 in 4 - 4,4; 3,6 in 3,5 - 3,9; 3,3 in 1 - 3,4.
    ("L.1.1", "Helse og omsorg"): {2015: ("4,3", A), 2016: ("3,6", A), 2017: ("3,3", N)},
    ("L.1.2", "Helse og omsorg"): {2015: ("4,4", A), 2016: ("3,7", A), 2017: ("3,8", A)},
    ("L.1.1", "Kultur"): {2015: ("4,9", D), 2016: ("4,4", D), 2017: ("4,5", D)},
    # 2017 is 'Ikke målt': no result, so missing.
    ("L.1.2", "Kultur"): {2015: ("5,0", D), 2016: ("4,3", D), 2017: (None, M)},
    # 3,8 in 0 - 3,9; 3,5 in 3,5 - 3,9; 3,6 in 3,5 - 3,9.
    ("L.1.1", "Teknisk"): {2015: ("3,8", N), 2016: ("3,5", A), 2017: ("3,6", A)},
    # 4,1 in 4 - 4,4; 3,4 in 1 - 3,4; 3,5 in 3,5 - 3,9.
    ("L.1.2", "Teknisk"): {2015: ("4,1", A), 2016: ("3,4", N), 2017: ("3,5", A)},
    ("L.1.1", "Organisasjon og økonomi"): {2015: ("4,7", D), 2016: ("4,0", D), 2017: ("4,1", D)},
    # 3,9 in 3,5 - 3,9 (2016 bands); 4,1 in 4 - 5.
    ("L.1.2", "Organisasjon og økonomi"): {2015: ("4,6", D), 2016: ("3,9", A), 2017: ("4,1", D)},
    # 2017: 3,95 lies in the gap (3,9, 4) between accepted and desired -> accepted.
    ("L.1.1", "Samfunnsutvikling"): {2015: ("4,4", A), 2016: ("3,9", A), 2017: ("3,95", A)},
    ("L.1.2", "Samfunnsutvikling"): {2015: ("4,5", D), 2016: ("3,9", A), 2017: ("3,6", A)},
}
YEARS = (2015, 2016, 2017)


def number(text: str | None) -> float | None:
    return None if text is None else float(text.replace(",", "."))


def expected_for(year: int) -> dict[tuple[str, str | None], tuple[float | None, str]]:
    return {key: (number(by_year[year][0]), by_year[year][1]) for key, by_year in CELLS.items()}


def parsed(result) -> dict:
    text = result.stdout
    assert text.lstrip().startswith("{") and text.rstrip().endswith("}"), (text, result.stderr)
    return json.loads(text)


def flat(text: str) -> str:
    """A line with its runs of spaces made one, so column widths do not matter."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def sa(kpi):
    """Run ``kpi COMMAND RESULTS --indicators <service-areas> ARGS...`` on the example."""

    def run(command: str, *args: str, env: dict[str, str | None] | None = None):
        return kpi(command, RESULTS, "--indicators", DEFS, *args, env=env)

    return run


@pytest.fixture(scope="module")
def scorecard():
    return load_definitions(DEFS)


# --- every cell of the example, rated -----------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_json_rates_every_indicator_and_org_unit_of_the_year_shown(sa, assert_ok, year):
    result = sa("evaluate", "--format", "json", "--year", str(year), "--fail-on", "never")
    assert_ok(result, 0)
    document = parsed(result)
    assert document["year"] == year
    shown = shown_results(document)
    got = {(r["indicator"], r["org_unit"]): (r["value"], r["status"]) for r in shown}
    assert got == expected_for(year)
    # one result per (indicator, year, org unit), every year rated
    assert len(shown) == len(CELLS) == 15
    assert len(document["results"]) == 45
    assert document["years"] == [2015, 2016, 2017]


def test_json_history_holds_every_other_year_rated(sa, assert_ok):
    result = sa("evaluate", "--format", "json", "--fail-on", "never")
    assert_ok(result, 0)
    document = parsed(result)
    assert document["year"] == 2017
    assert document["years"] == [2015, 2016, 2017]
    got = {(r["indicator"], r["org_unit"], r["year"]): (r["value"], r["status"]) for r in other_results(document)}
    want = {
        (indicator, unit, year): (number(cell[0]), cell[1])
        for (indicator, unit), by_year in CELLS.items()
        for year, cell in by_year.items()
        if year != 2017
    }
    assert got == want
    assert len(other_results(document)) == 30
    assert "kpi: merk: viser 2017; 2015, 2016 vurdert som historikk (--year viser et annet år)" in result.stderr


def test_core_evaluate_rates_every_cell(scorecard):
    read = read_results([RESULTS])
    assert read.errors == []
    report = evaluate(scorecard, read.rows, 2017)
    got = {(r.indicator.id, r.org_unit, r.year): r.status.value for r in (*report.history, *report.results)}
    want = {(i, u, y): cell[1] for (i, u), by_year in CELLS.items() for y, cell in by_year.items()}
    assert got == want
    assert report.org_units == tuple(ORDER)
    assert report.other_years == (2015, 2016)
    assert report.row_counts == RowFates(rated=44, not_rated=0, no_result=1, measure=0, rejected=0)


def test_a_row_without_org_unit_is_the_whole_municipality(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    whole = [r for r in shown_results(document) if r["org_unit"] is None]
    assert [(r["indicator"], r["value"]) for r in whole] == [("L.1.1", 3.9), ("L.1.2", 4.2), ("L.2.1", 1.5)]
    units = [r["org_unit"] for r in shown_results(document)]
    assert list(dict.fromkeys(units)) == ORDER


def test_missing_result_of_an_org_unit_is_missing_not_an_error(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    (kultur,) = [r for r in shown_results(document) if r["indicator"] == "L.1.2" and r["org_unit"] == "Kultur"]
    assert kultur["status"] == "missing"
    assert kultur["value"] is None
    assert kultur["value_text"] == "Ikke målt"
    assert kultur["change"] is None
    assert kultur["regression"] is False


def test_indicator_measured_for_the_municipality_only_is_never_rated_per_org_unit(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    rated = [(r["org_unit"], r["year"]) for r in document["results"] if r["indicator"] == "L.2.1"]
    assert sorted(rated, key=lambda pair: pair[1]) == [(None, 2015), (None, 2016), (None, 2017)]


# --- per-unit bands -----------------------------------------------------------------------------


def test_oppvekst_is_rated_against_its_own_bands_from_2016(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    every = {(r["indicator"], r["org_unit"], r["year"]): r for r in document["results"]}
    own = every[("L.1.1", "Oppvekst", 2017)]
    assert own["status"] == "desired"  # 4,3 in Oppvekst's 4,2 - 5
    assert (own["bands_from"], own["bands_org_unit"]) == (2016, "Oppvekst")
    version = version_of(document, own)
    assert {k: v["text"] for k, v in version["bands"].items()} == {
        "desired": "4,2 - 5",
        "accepted": "3,8 - 4,1",
        "not_approved": "1 - 3,7",
    }
    assert version["bands"]["desired"]["intervals"] == [
        {"min": 4.2, "max": 5, "min_inclusive": True, "max_inclusive": True, "notation": "4.2 - 5"}
    ]
    assert version["scale"]["notation"] == "1 - 5"
    # 2016: 4,1 is desired under the general 4 - 5 but only accepted under Oppvekst's 3,8 - 4,1
    assert every[("L.1.1", "Oppvekst", 2016)]["status"] == "accepted"
    assert version_of(document, every[("L.1.1", "Oppvekst", 2016)])["bands"]["accepted"]["text"] == "3,8 - 4,1"
    # 2015 lies before Oppvekst's own bands: the general bands of 2015 apply
    before = version_of(document, every[("L.1.1", "Oppvekst", 2015)])
    assert (before["from"], before["org_unit"]) == (None, None)
    assert before["bands"]["desired"]["text"] == "4,5 - 6"
    assert before["scale"]["notation"] == "1 - 6"
    # the same value under the general bands: Organisasjon og økonomi's 4,1 in 2017 is desired
    general = version_of(document, every[("L.1.1", "Organisasjon og økonomi", 2017)])
    assert general["bands"]["desired"]["text"] == "4 - 5"
    # Oppvekst has no own L.1.2 bands: the indicator's apply
    assert version_of(document, every[("L.1.2", "Oppvekst", 2017)])["bands"]["desired"]["text"] == "4 - 5"


def version_of(document: dict, result: dict) -> dict:
    """The band version a JSON result was rated by, from the indicator's ``band_versions``."""
    versions = document["indicators"][result["indicator"]]["band_versions"]
    key = (result["bands_from"], result["bands_org_unit"])
    (found,) = [v for v in versions if (v["from"], v["org_unit"]) == key]
    return found


def test_value_in_a_gap_gets_the_worse_neighbour(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    (samf,) = [r for r in shown_results(document) if r["indicator"] == "L.1.1" and r["org_unit"] == "Samfunnsutvikling"]
    assert samf["value"] == 3.95
    assert samf["status"] == "accepted"
    assert samf["in_gap"] is True
    assert document["indicators"]["L.1.1"]["gap_policy"] == "worse"
    assert version_of(document, samf)["direction"] == "higher_is_better"
    assert samf["reason"] == "3.95 lies between lowest accepted 3.5 - 3.9 and desired 4 - 5; gap policy worse"


def test_core_rate_one_uses_the_org_units_bands(scorecard):
    l11 = scorecard.indicator_map()["L.1.1"]

    def status(year: int, unit: str | None, value: str) -> Status:
        return rate_one(l11, year, unit, ResultRow("L.1.1", year, Decimal(value), unit)).status

    assert status(2017, "Oppvekst", "4.1") is Status.ACCEPTED  # Oppvekst: 3,8 - 4,1
    assert status(2017, "Kultur", "4.1") is Status.DESIRED  # general: 4 - 5
    assert status(2017, None, "4.1") is Status.DESIRED
    assert status(2017, "Oppvekst", "3.75") is Status.NOT_APPROVED  # gap (3,7, 3,8) -> worse
    assert status(2017, "Oppvekst", "4.15") is Status.ACCEPTED  # gap (4,1, 4,2) -> worse
    assert status(2015, "Oppvekst", "4.1") is Status.ACCEPTED  # 2015: general 4 - 4,4


def test_in_force_prefers_the_org_units_version_and_falls_back_to_the_general(scorecard):
    l11 = scorecard.indicator_map()["L.1.1"]

    def desired(year: int, unit: str | None) -> str:
        band = l11.in_force(year, unit).band(Status.DESIRED)
        assert band is not None
        return band.text

    assert desired(2015, "Oppvekst") == "4,5 - 6"
    assert desired(2016, "Oppvekst") == "4,2 - 5"
    assert desired(2030, "Oppvekst") == "4,2 - 5"
    assert desired(2016, "Kultur") == "4 - 5"
    assert desired(2016, None) == "4 - 5"
    assert desired(2015, None) == "4,5 - 6"
    # an org unit named in org_unit_bands never matches the whole municipality
    assert l11.in_force(2017, None).band(Status.DESIRED).text == "4 - 5"


def test_unit_of_measure_is_not_replaced_by_an_org_unit_name(scorecard, sa):
    """`unit:` is the unit of measure; naming an org unit in org_unit_bands must not change it."""
    l11 = scorecard.indicator_map()["L.1.1"]
    assert l11.unit == "score 1-6"
    assert l11.in_force(2015).unit == "score 1-6"
    assert l11.in_force(2017).unit == "score 1-5"
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    units = {(r["indicator"], r["org_unit"], r["year"]): version_of(document, r)["unit"] for r in document["results"]}
    assert units[("L.1.1", None, 2015)] == "score 1-6"
    assert units[("L.1.1", "Kultur", 2015)] == "score 1-6"
    assert "Oppvekst" not in units.values()


def test_org_units_own_version_inherits_the_unit_of_measure_in_force(scorecard):
    """Oppvekst's 2016 L.1.1 bands give scale [1, 5] and no unit: the survey is the 1-5 one then,
    so the unit of measure is that of the general version in force (score 1-5), not the first one's."""
    l11 = scorecard.indicator_map()["L.1.1"]
    assert l11.in_force(2017, "Oppvekst").unit == "score 1-5"


def test_scale_error_names_the_unit_of_measure_not_an_org_unit(kpi, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # made up: 5,5 fits the 1-6 scale of 2015 but not the 1-5 scale from 2016
    Path("scale.csv").write_text(
        "indikator;år;tjenesteområde;verdi\nL.1.1;2015;;5,5\nL.1.1;2017;;5,5\nL.1.1;2017;Oppvekst;5,5\n",
        encoding="utf-8",
    )
    result = kpi("evaluate", "scale.csv", "--indicators", DEFS)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        lines[0] == "scale.csv:3: error: L.1.1: verdien 5,5 ligger utenfor skalaen 1 - 5 (score 1-5): en skrivefeil?"
        " [value-outside-scale]"
    )
    assert lines[1].startswith("scale.csv:4: error: L.1.1: verdien 5,5 ligger utenfor skalaen 1 - 5 (")
    assert "(Oppvekst)" not in lines[1]
    assert len(lines) == 2
    assert result.stdout == ""


# --- the matrix ----------------------------------------------------------------------------------


def matrix_rows(text: str) -> dict[str, list[str]]:
    """Each indicator row's cells ('3,3 ✖', '– ?'), left to right."""
    rows = {}
    for line in text.splitlines():
        match = re.match(r"(L\.\d\.\d) ", line)
        if match:
            rows[match.group(1)] = re.findall(r"(?:\d+(?:[.,]\d+)?|–) [●▲✖?–○](?= |$)", line)
    return rows


def test_matrix_shows_value_and_symbol_for_every_org_unit(sa, assert_ok):
    result = sa("evaluate", "--by-org-unit", env={"COLUMNS": "200"})
    assert_ok(result, 1)
    out = result.stdout
    assert "Eksempelkommune - målekart (oppdiktet) · 2017 · per enhet" in out
    assert out.count("· 2017 · per enhet") == 1  # 200 columns: one table holds every org unit
    rows = matrix_rows(out)

    def cell(indicator: str, unit: str | None) -> str:
        value, status = CELLS[(indicator, unit)][2017]
        return f"{value or '–'} {SYMBOL[status]}"

    assert rows["L.1.1"] == [cell("L.1.1", unit) for unit in ORDER]
    assert rows["L.1.1"] == ["3,9 ▲", "3,3 ✖", "4,5 ●", "4,3 ●", "4,1 ●", "3,95 ▲", "3,6 ▲"]
    assert rows["L.1.2"] == ["4,2 ●", "3,8 ▲", "– ?", "4,0 ●", "4,1 ●", "3,6 ▲", "3,5 ▲"]
    # measured for the whole municipality only: one cell, the others blank
    assert rows["L.2.1"] == ["1,5 ✖"]
    # the goals as group rows, with each org unit's roll-up: worst status, desired of rated; Kultur's
    # one desired and one missing shows as missing (?), never as all desired (issue 24)
    assert any(
        flat(line) == "L.1 Kultur for læring og fornyelse - innovasjon ▲ 1/2 ✖ 0/2 ? 1/2 ● 2/2 ● 2/2 ▲ 0/2 ▲ 0/2"
        for line in out.splitlines()
    )
    # one summary line per org unit, and the legend
    for line in [
        "Hele kommunen: 2017: 1 ønsket · 1 laveste akseptert · 1 ikke godkjent",
        "Helse og omsorg: 2017: 1 laveste akseptert · 1 ikke godkjent",
        "Kultur: 2017: 1 ønsket · 1 mangler",
        "Oppvekst: 2017: 2 ønsket",
        "Organisasjon og økonomi: 2017: 2 ønsket",
        "Samfunnsutvikling: 2017: 2 laveste akseptert",
        "Teknisk: 2017: 2 laveste akseptert",
    ]:
        assert line in out.splitlines(), line
    legend = "● ønsket ▲ laveste akseptert ✖ ikke godkjent ? mangler – uten mål ○ ikke innfaset"
    assert any(line.startswith(f"Tegnforklaring: {legend}") for line in out.splitlines())
    assert "Traceback" not in result.stderr


def test_matrix_of_2016_with_year_option(sa, assert_ok):
    result = sa("evaluate", "--by-org-unit", "--year", "2016", env={"COLUMNS": "200"})
    assert_ok(result, 1)  # Teknisk L.1.2 3,4 is not approved in 2016
    rows = matrix_rows(result.stdout)
    assert rows["L.1.1"] == ["4,1 ●", "3,6 ▲", "4,4 ●", "4,1 ▲", "4,0 ●", "3,9 ▲", "3,5 ▲"]
    assert rows["L.1.2"] == ["4,0 ●", "3,7 ▲", "4,3 ●", "4,1 ●", "3,9 ▲", "3,9 ▲", "3,4 ✖"]
    assert rows["L.2.1"] == ["4,0 ▲"]
    assert "Teknisk: 2016: 1 laveste akseptert · 1 ikke godkjent" in result.stdout
    assert "kpi: 1 resultat feiler --fail-on not_approved: L.1.2 (Teknisk)" in result.stderr


def test_matrix_holds_every_org_unit_in_one_table_at_the_default_width(sa, assert_ok):
    result = sa("evaluate", "--by-org-unit")  # not a terminal: 120 columns
    assert_ok(result, 1)
    out = result.stdout
    assert out.count("Eksempelkommune - målekart (oppdiktet) · 2017 · per enhet") == 1
    assert matrix_rows(out)["L.1.1"] == ["3,9 ▲", "3,3 ✖", "4,5 ●", "4,3 ●", "4,1 ●", "3,95 ▲", "3,6 ▲"]
    assert all(len(line) <= 120 for line in out.splitlines())


def test_matrix_turns_when_org_units_do_not_fit_across(sa):
    """At 60 columns: org units down, indicators across, the names in a key below."""
    out = sa("evaluate", "--by-org-unit", env={"COLUMNS": "60"}).stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Enhet L.1 L.1.1 L.1.2 L.2 L.2.1" in lines
    assert "Hele kommunen ▲ 1/2 3,9 ▲ 4,2 ● ✖ 0/1 1,5 ✖" in lines
    assert "Teknisk ▲ 0/2 3,6 ▲ 3,5 ▲" in lines
    assert "L.2 Fasilitere og tilrettelegge for innovasjon" in lines


def test_matrix_splits_into_numbered_parts_with_names_once(sa):
    out = sa("evaluate", "--by-org-unit", env={"COLUMNS": "40"}).stdout
    parts = out.split("2017 · per enhet")[1:]
    assert [part.splitlines()[0] for part in parts] == [" (1/4)", " (2/4)", " (3/4)", " (4/4)"]
    assert "Opplevelse av at" in parts[0]
    assert all("Opplevelse" not in part for part in parts[1:])  # names are not repeated
    assert matrix_rows(parts[1])["L.1.1"] == ["3,3 ✖", "4,5 ●", "4,3 ●"]
    assert matrix_rows(parts[3])["L.1.1"] == ["3,6 ▲"]


@pytest.mark.parametrize("columns", ["120", "200"])
def test_matrix_header_names_every_org_unit_in_full(sa, columns):
    """Names wrap rather than vanish (DESIGN §9): an org unit's column must say whose it is."""
    out = sa("evaluate", "--by-org-unit", env={"COLUMNS": columns}).stdout
    header_words: list[str] = []
    for table in out.split("· 2017 · per enhet")[1:]:
        for line in table.splitlines()[1:]:
            if line.startswith("L."):
                break
            header_words += line.split()
    header = " ".join(header_words)
    for name in ["Hele kommunen", *UNITS]:
        for word in name.split():
            assert word in header_words, f"{name!r} is not in full in the matrix header: {header!r}"


def test_matrix_in_english(sa):
    out = sa("evaluate", "--by-org-unit", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "Eksempelkommune - målekart (oppdiktet) · 2017 · by org unit" in out
    assert matrix_rows(out)["L.1.1"] == ["3.9 ▲", "3.3 ✖", "4.5 ●", "4.3 ●", "4.1 ●", "3.95 ▲", "3.6 ▲"]
    assert "Whole municipality: 2017: 1 desired · 1 lowest accepted · 1 not approved" in out


# --- the per-unit tables ---------------------------------------------------------------------


def unit_sections(text: str, year: int = 2017) -> dict[str, str]:
    """The default table's sections, by the org unit named in their title."""
    title = f"Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · {year} · "
    sections = {}
    for part in text.split(title)[1:]:
        name, _, body = part.partition("\n")
        sections[name.strip()] = body
    return sections


def row(section: str, ident: str) -> str:
    for line in section.splitlines():
        if line.startswith(ident + " "):
            return flat(line)
    raise AssertionError(f"no row {ident} in\n{section}")


def test_table_has_one_section_per_org_unit_with_group_rows(sa, assert_ok):
    result = sa("evaluate", env={"COLUMNS": "200"})
    assert_ok(result, 1)
    sections = unit_sections(result.stdout)
    assert list(sections) == ["Hele kommunen", *UNITS]
    whole = sections["Hele kommunen"]
    assert row(whole, "L").endswith("Læring og fornyelse ✖ 1 av 3 ønsket")
    assert row(whole, "L.1").endswith("Kultur for læring og fornyelse - innovasjon ▲ 1 av 2 ønsket")
    assert row(whole, "L.2").endswith("Fasilitere og tilrettelegge for innovasjon ✖ 0 av 1 ønsket")
    assert "2017: 1 ønsket · 1 laveste akseptert · 1 ikke godkjent" in whole
    helse = sections["Helse og omsorg"]
    assert row(helse, "L").endswith("✖ 0 av 2 ønsket")
    assert row(helse, "L.1").endswith("✖ 0 av 2 ønsket")
    assert row(helse, "L.2") == "L.2 Fasilitere og tilrettelegge for innovasjon"  # nothing rated there
    assert "L.2.1" not in helse
    # the missing one is counted and named: a roll-up never reads greener than its indicators
    assert row(sections["Kultur"], "L.1").endswith("? 1 av 2 ønsket · 1 mangler")
    assert row(sections["Samfunnsutvikling"], "L").endswith("▲ 0 av 2 ønsket")
    assert row(sections["Oppvekst"], "L").endswith("● 2 av 2 ønsket")
    assert "2017: 1 ønsket · 1 mangler" in sections["Kultur"]


def test_a_rollup_with_a_missing_result_shows_missing_in_every_format(sa, tmp_path):
    """Kultur's L.1 in 2017: L.1.1 desired, L.1.2 missing. Its roll-up must not look all-good: in every
    format it takes the missing symbol and colour (issue 24), as the missing result itself does."""
    openpyxl = pytest.importorskip("openpyxl")
    docx = pytest.importorskip("docx")
    colour = sa("evaluate", "--by-org-unit", env={"COLUMNS": "200", "FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;35m ? 1/2\x1b[0m" in colour  # magenta, the colour of '?', never green '●'
    page = sa("evaluate", "--format", "html").stdout
    assert page.count('<span class="st st-missing"><span class="sym" aria-hidden="true">?</span> 1 av 2 ønsket') == 2
    markdown = sa("evaluate", "--format", "markdown").stdout
    assert (
        "| **L.1** | **Kultur for læring og fornyelse - innovasjon** |  |  |  |  |  |  | ? 1 av 2 ønsket · 1 mangler |"
        in (markdown)
    )
    workbook, document = tmp_path / "r.xlsx", tmp_path / "r.docx"
    sa("evaluate", "-o", str(workbook))
    sa("evaluate", "-o", str(document))
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    fills = {}
    for line in sheet.iter_rows():
        for cell in line:
            if cell.value in ("? 1 av 2 ønsket · 1 mangler", "? Mangler resultat"):
                fills.setdefault(cell.value, set()).add(cell.fill.start_color.rgb)
    assert len(fills["? 1 av 2 ønsket · 1 mangler"]) == 1
    assert fills["? 1 av 2 ønsket · 1 mangler"] == fills["? Mangler resultat"]  # the missing result's fill
    shading = {}
    for table in docx.Document(str(document)).tables:
        for line in table.rows:
            for cell in line.cells:
                if cell.text in ("? 1 av 2 ønsket · 1 mangler", "? Mangler resultat"):
                    shading.setdefault(cell.text, set()).update(cell._tc.xpath(".//w:shd/@w:fill"))
    assert shading["? 1 av 2 ønsket · 1 mangler"] == shading["? Mangler resultat"]
    assert len(shading["? Mangler resultat"]) == 1


def test_table_shows_the_org_units_own_bands(sa):
    sections = unit_sections(sa("evaluate", env={"COLUMNS": "200"}).stdout)
    oppvekst = row(sections["Oppvekst"], "L.1.1")
    assert "4,2 - 5 3,8 - 4,1 1 - 3,7 4,6 ● 4,1 ▲ 4,3 ↑ +0,2 bedre ● Ønsket resultat" in oppvekst
    kultur = row(sections["Kultur"], "L.1.1")
    assert "4 - 5 3,5 - 3,9 1 - 3,4 4,9 ● 4,4 ● 4,5 ↑ +0,1 bedre ● Ønsket resultat" in kultur
    missing = row(sections["Kultur"], "L.1.2")
    assert missing.endswith("5,0 ● 4,3 ● – ? Mangler resultat")


# --- roll-ups in JSON ----------------------------------------------------------------------------

ZERO = {status.value: 0 for status in Status}  # every status is counted, the ones not met with as 0


def counts(**given: int) -> dict[str, int]:
    return {**ZERO, **given}


def roll(status: str | None, **given: int) -> dict:
    return {"status": status, "counts": counts(**given)}


def test_json_summary_rolls_up_the_worst_status_per_goal_and_focus_area(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    # 2017: desired 6 (whole L.1.2, Kultur L.1.1, Oppvekst x2, Org x2), accepted 6 (whole L.1.1,
    # Helse L.1.2, Samf x2, Teknisk x2), not approved 2 (whole L.2.1, Helse L.1.1), missing 1 (Kultur L.1.2)
    assert document["summary"] == {
        **roll("not_approved", desired=6, accepted=6, not_approved=2, missing=1),
        "goals": {
            "L.1": roll("not_approved", desired=6, accepted=6, not_approved=1, missing=1),
            "L.2": roll("not_approved", not_approved=1),
        },
        "focus_areas": {"L": roll("not_approved", desired=6, accepted=6, not_approved=2, missing=1)},
    }


def test_json_by_org_unit_rolls_up_each_org_unit(sa):
    document = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    none = roll(None)

    def unit(name, total, l1, l2):
        return {"org_unit": name, **total, "goals": {"L.1": l1, "L.2": l2}, "focus_areas": {"L": total}}

    assert document["by_org_unit"] == [
        unit(
            None,
            roll("not_approved", desired=1, accepted=1, not_approved=1),
            roll("accepted", desired=1, accepted=1),
            roll("not_approved", not_approved=1),
        ),
        unit(
            "Helse og omsorg",
            roll("not_approved", accepted=1, not_approved=1),
            roll("not_approved", accepted=1, not_approved=1),
            none,
        ),
        unit("Kultur", roll("desired", desired=1, missing=1), roll("desired", desired=1, missing=1), none),
        unit("Oppvekst", roll("desired", desired=2), roll("desired", desired=2), none),
        unit("Organisasjon og økonomi", roll("desired", desired=2), roll("desired", desired=2), none),
        unit("Samfunnsutvikling", roll("accepted", accepted=2), roll("accepted", accepted=2), none),
        unit("Teknisk", roll("accepted", accepted=2), roll("accepted", accepted=2), none),
    ]


def test_json_summary_of_2016(sa):
    document = parsed(sa("evaluate", "--format", "json", "--year", "2016", "--fail-on", "never"))
    summary = document["summary"]
    assert roll(summary["status"], **{k: v for k, v in summary["counts"].items() if v}) == roll(
        "not_approved", desired=6, accepted=8, not_approved=1
    )
    assert summary["goals"]["L.1"] == roll("not_approved", desired=6, accepted=7, not_approved=1)
    assert summary["goals"]["L.2"] == roll("accepted", accepted=1)
    by_unit = {item["org_unit"]: item["status"] for item in document["by_org_unit"]}
    assert by_unit == {
        None: "accepted",
        "Helse og omsorg": "accepted",
        "Kultur": "desired",
        "Oppvekst": "accepted",
        "Organisasjon og økonomi": "accepted",
        "Samfunnsutvikling": "accepted",
        "Teknisk": "not_approved",
    }


def test_core_rollups(scorecard):
    report = evaluate(scorecard, read_results([RESULTS]).rows, 2017)
    kultur = [r for r in report.results if r.org_unit == "Kultur"]
    rolled = rollups(scorecard, kultur)
    assert rolled.total.status is Status.DESIRED
    assert rolled.total.rated == 1
    assert rolled.total.counts[Status.MISSING] == 1
    assert rolled.goals["L.2"].status is None
    assert rolled.goals["L.2"].rated == 0
    assert rollup([]).status is None
    whole = rollups(scorecard, [r for r in report.results if r.org_unit is None])
    assert whole.goals["L.1"].status is Status.ACCEPTED
    assert whole.focus_areas["L"].status is Status.NOT_APPROVED
    assert whole.total.counts[Status.DESIRED] == 1


# --- made-up files ---------------------------------------------------------------------------


def test_english_org_unit_header_and_empty_org_unit(kpi, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # made up: English headers; a blank org unit is the whole municipality
    Path("r.csv").write_text(
        "indicator,year,org_unit,value\nL.1.1,2017,,4.2\nL.1.1,2017,Kultur,3.2\nL.1.2,2017, ,4.1\n",
        encoding="utf-8",
    )
    result = kpi("evaluate", "r.csv", "--indicators", DEFS, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    got = {(r["indicator"], r["org_unit"]): r["status"] for r in parsed(result)["results"]}
    assert got == {
        ("L.1.1", None): "desired",
        ("L.1.2", None): "desired",
        ("L.2.1", None): "missing",
        ("L.1.1", "Kultur"): "not_approved",  # 3,2 in 1 - 3,4
        ("L.1.2", "Kultur"): "missing",  # active, no result for this org unit
    }


def test_duplicate_result_for_the_same_org_unit_is_an_error(kpi, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # made up: the same (indicator, year, org unit) twice; the same id for two org units is fine
    Path("r.csv").write_text(
        "indikator;år;enhet;verdi\nL.1.1;2017;Kultur;4,2\nL.1.1;2017;Oppvekst;4,2\nL.1.1;2017;Kultur;4,3\n",
        encoding="utf-8",
    )
    result = kpi("evaluate", "r.csv", "--indicators", DEFS)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "r.csv:4: error: dobbelt resultat for L.1.1 2017 for Kultur: allerede gitt på r.csv:2 [duplicate-result]"
    ]


def test_org_unit_without_any_row_in_the_year_shown_shows_missing(kpi, tmp_path, monkeypatch):
    """Kultur reported in 2016 but sent nothing for 2017: its active indicators are missing in
    2017, not silently dropped (the issue: an org unit with no result for an active indicator
    shows missing)."""
    monkeypatch.chdir(tmp_path)
    # made up
    Path("r.csv").write_text(
        "indikator;år;tjenesteområde;verdi\n"
        "L.1.1;2016;;4,1\nL.1.2;2016;;4,0\nL.2.1;2016;;4,0\n"
        "L.1.1;2016;Kultur;4,4\nL.1.2;2016;Kultur;4,3\n"
        "L.1.1;2017;;4,2\nL.1.2;2017;;4,2\nL.2.1;2017;;6\n"
        "L.1.1;2017;Oppvekst;4,3\n",
        encoding="utf-8",
    )
    result = kpi("evaluate", "r.csv", "--indicators", DEFS, "--format", "json", "--fail-on", "never")
    got = {(r["indicator"], r["org_unit"]): r["status"] for r in parsed(result)["results"]}
    assert got[("L.1.2", "Oppvekst")] == "missing"
    assert got.get(("L.1.1", "Kultur")) == "missing"
    assert got.get(("L.1.2", "Kultur")) == "missing"
    gate = kpi("evaluate", "r.csv", "--indicators", DEFS, "--fail-on", "never", "--fail-on-missing")
    assert gate.exit_code == 1
    assert "L.1.1 (Kultur)" in gate.stderr


# --- validate: band versions per org unit ----------------------------------------------------------

ORG_DUPLICATE = """\
# made up
scorecard: Test (oppdiktet)
focus_areas:
  - id: L
    name: Læring
    goals:
      - id: L.1
        name: Kultur
        indicators:
          - id: L.1.1
            name: Opplevelse
            scale: [1, 6]
            bands:
              - desired: "4,5 - 6"
                accepted: "4 - 4,4"
                not_approved: "0 - 3,9"
              - from: 2017
                desired: "4 - 6"
                accepted: "3,5 - 3,9"
                not_approved: "0 - 3,4"
            org_unit_bands:
              Oppvekst:
                - from: 2017
                  desired: "4,2 - 6"
                  accepted: "3,8 - 4,1"
                  not_approved: "1 - 3,7"
                - from: 2017
                  desired: "4,3 - 6"
                  accepted: "3,8 - 4,2"
                  not_approved: "1 - 3,7"
              Kultur:
                - from: 2017
                  desired: "4,2 - 6"
                  accepted: "3,8 - 4,1"
                  not_approved: "1 - 3,7"
"""


def test_validate_rejects_two_versions_from_the_same_year_for_one_org_unit(kpi, tmp_path, monkeypatch, assert_error):
    monkeypatch.chdir(tmp_path)
    Path("defs.yaml").write_text(ORG_DUPLICATE, encoding="utf-8")
    # the general from-2017 version and Kultur's from-2017 version do not clash with Oppvekst's
    assert_error(
        kpi("validate", "defs.yaml"),
        [
            "defs.yaml:27:19: error: indicator L.1.1: overlapping band versions: "
            "two versions from 2017 for Oppvekst (line 23) [version-overlap]"
        ],
    )


def test_validate_accepts_the_service_areas_example(kpi):
    result = kpi("validate", DEFS, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    # Every version's gaps hold only values finer than its one-decimal bands but L.2.1's (4,9, 5].
    assert result.stdout == f"{DEFS}: ok: 1 focus area, 2 goals, 3 indicators, 1 warning\n"
    assert result.stderr.splitlines() == [
        f"{DEFS}:53:13: warning: L.2.1: values in (4,9, 5] fall between accepted and desired; "
        "rated accepted under gap policy worse [band-gap]",
        f"{DEFS}: note: 10 gaps between bands in 2 indicators hold only values written more finely than "
        "the bands (e.g. 3,95 in L.1.1, between not_approved and accepted); such values are rated by the gap policy "
        "[gap-summary]",
    ]
