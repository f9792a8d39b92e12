"""History: every year rated, the change from the previous year, regressions, band versions over time.

Most tests read the made-up example in examples/service-areas (2015-2017; new bands on a 1-5
scale from 2016; Oppvekst's own L.1.1 bands from 2016). The statuses of every cell are worked
out by hand in test_org_units.py (CELLS); this file checks what is derived from them: the change
from last year (delta, better/worse by direction, none across the 2015 -> 2016 change of scale),
the regression flag, the exit codes, `kpi history` and the rules for band versions.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import other_results, shown_results
from test_org_units import CELLS, DEFS, RESULTS, UNITS, WHOLE, flat, number, parsed

from kpi_cli import evaluate
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.model import Status
from kpi_cli.rating.evaluate import rate_one
from kpi_cli.rating.history import is_regression, previous_results, regressions, rollup, trend
from kpi_cli.render.table import sparkline
from kpi_cli.report import ResultRow

ORDER = [WHOLE, *UNITS]


@pytest.fixture
def sa(kpi):
    """Run ``kpi COMMAND RESULTS --indicators <service-areas> ARGS...`` on the example."""

    def run(command: str, *args: str, env: dict[str, str | None] | None = None):
        return kpi(command, RESULTS, "--indicators", DEFS, *args, env=env)

    return run


def change(year, value, status, delta, better):
    return {"previous_year": year, "previous_value": value, "previous_status": status, "delta": delta, "better": better}


# 2017 against 2016 (same 1-5 scale): (change, regression), worked out from CELLS by hand.
# Higher is better for every indicator here; a regression is a rated status worse than 2016's.
CHANGES_2017 = {
    ("L.1.1", WHOLE): (change(2016, 4.1, "desired", -0.2, False), True),  # desired -> accepted
    ("L.1.2", WHOLE): (change(2016, 4, "desired", 0.2, True), False),
    ("L.2.1", WHOLE): (change(2016, 4, "accepted", -2.5, False), True),  # accepted -> not approved
    ("L.1.1", "Helse og omsorg"): (change(2016, 3.6, "accepted", -0.3, False), True),  # -> not approved
    ("L.1.2", "Helse og omsorg"): (change(2016, 3.7, "accepted", 0.1, True), False),
    ("L.1.1", "Kultur"): (change(2016, 4.4, "desired", 0.1, True), False),
    ("L.1.2", "Kultur"): (None, False),  # 2017 not measured: no change, missing is no regression
    ("L.1.1", "Oppvekst"): (change(2016, 4.1, "accepted", 0.2, True), False),
    ("L.1.2", "Oppvekst"): (change(2016, 4.1, "desired", -0.1, False), False),  # worse value, same status
    ("L.1.1", "Organisasjon og økonomi"): (change(2016, 4, "desired", 0.1, True), False),
    ("L.1.2", "Organisasjon og økonomi"): (change(2016, 3.9, "accepted", 0.2, True), False),
    ("L.1.1", "Samfunnsutvikling"): (change(2016, 3.9, "accepted", 0.05, True), False),
    ("L.1.2", "Samfunnsutvikling"): (change(2016, 3.9, "accepted", -0.3, False), False),
    ("L.1.1", "Teknisk"): (change(2016, 3.5, "accepted", 0.1, True), False),
    ("L.1.2", "Teknisk"): (change(2016, 3.4, "not_approved", 0.1, True), False),  # better status
}
# 2016 against 2015: the L.1.x scale went from 1-6 to 1-5, so no change is given for them; L.2.1
# kept its scale. Regressions compare statuses, which stay comparable across the band change.
REGRESSIONS_2016 = {
    ("L.2.1", WHOLE),  # desired -> accepted
    ("L.1.1", "Oppvekst"),  # desired -> accepted (Oppvekst's own bands)
    ("L.1.2", "Organisasjon og økonomi"),  # desired -> accepted
    ("L.1.2", "Samfunnsutvikling"),  # desired -> accepted
    ("L.1.2", "Teknisk"),  # accepted -> not approved
}
REGRESSIONS_2017 = {key for key, (_, flag) in CHANGES_2017.items() if flag}


# --- change and regression in JSON ---------------------------------------------------------------


def test_json_change_from_the_previous_year(sa, assert_ok):
    result = sa("evaluate", "--format", "json", "--fail-on", "never")
    assert_ok(result, 0)
    got = {(r["indicator"], r["org_unit"]): (r["change"], r["regression"]) for r in shown_results(parsed(result))}
    assert got == CHANGES_2017
    assert {("L.1.1", WHOLE), ("L.2.1", WHOLE), ("L.1.1", "Helse og omsorg")} == REGRESSIONS_2017


def test_json_gives_no_change_across_the_change_of_scale(sa, assert_ok):
    result = sa("evaluate", "--format", "json", "--year", "2016", "--fail-on", "never")
    assert_ok(result, 0)
    document = parsed(result)
    assert document["year"] == 2016
    assert document["years"] == [2015, 2016, 2017]
    results = {(r["indicator"], r["org_unit"]): r for r in shown_results(document)}
    for (indicator, unit), item in results.items():
        if indicator.startswith("L.1."):
            assert item["change"] is None, (indicator, unit, item["change"])
            assert item["bands_from"] == 2016  # the version on the 1-5 scale
    versions = document["indicators"]["L.1.1"]["band_versions"]
    assert [(v["from"], v["org_unit"], v["scale"]["notation"] if v["scale"] else None) for v in versions] == [
        (None, None, "1 - 6"),  # from the start, on the indicator's own scale
        (2016, None, "1 - 5"),
        (2016, "Oppvekst", "1 - 5"),
    ]
    assert document["indicators"]["L.1.1"]["scale"]["notation"] == "1 - 6"
    assert results[("L.2.1", None)]["change"] == change(2015, 6.2, "desired", -2.2, False)
    flagged = {key for key, item in results.items() if item["regression"]}
    assert flagged == REGRESSIONS_2016


def test_json_has_no_change_in_the_first_year(sa):
    document = parsed(sa("evaluate", "--format", "json", "--year", "2015", "--fail-on", "never"))
    assert document["years"] == [2015, 2016, 2017]
    assert all(r["change"] is None and r["regression"] is False for r in shown_results(document))


@pytest.mark.parametrize("year", [2015, 2016])
def test_json_history_entries_agree_with_showing_that_year(sa, year):
    """The other years' results of a 2017 run and the results of `--year Y` describe the same results:
    the same value, status, change and regression flag (2016 Teknisk L.1.2 is worse than 2015;
    its history entry must not say regression: false)."""
    latest = parsed(sa("evaluate", "--format", "json", "--fail-on", "never"))
    shown = parsed(sa("evaluate", "--format", "json", "--fail-on", "never", "--year", str(year)))
    fields = ("value", "status", "change", "regression")

    def key(item):
        return (item["indicator"], item["org_unit"])

    from_history = {key(r): {f: r[f] for f in fields} for r in other_results(latest) if r["year"] == year}
    from_results = {key(r): {f: r[f] for f in fields} for r in shown_results(shown)}
    assert from_history == from_results


# --- exit codes ------------------------------------------------------------------------------------

REGRESSED_2017 = "kpi: 3 results worse than the year before: L.1.1, L.1.1 (Helse og omsorg), L.2.1"
REGRESSED_2016 = (
    "kpi: 5 results worse than the year before: L.1.1 (Oppvekst), L.1.2 (Organisasjon og økonomi), "
    "L.1.2 (Samfunnsutvikling), L.1.2 (Teknisk), L.2.1"
)
FAILED_2017 = "kpi: 2 results fail --fail-on not_approved: L.1.1 (Helse og omsorg), L.2.1"
FAILED_2016 = "kpi: 1 result fails --fail-on not_approved: L.1.2 (Teknisk)"
FAILED_2015 = "kpi: 1 result fails --fail-on not_approved: L.1.1 (Teknisk)"


@pytest.mark.parametrize(
    ("args", "code", "present", "absent"),
    [
        ((), 1, [FAILED_2017], [REGRESSED_2017]),
        (("--fail-on-regression",), 1, [FAILED_2017, REGRESSED_2017], []),
        (("--fail-on", "never"), 0, [], [FAILED_2017, REGRESSED_2017]),
        (("--fail-on", "never", "--fail-on-regression"), 1, [REGRESSED_2017], [FAILED_2017]),
        (("--year", "2016"), 1, [FAILED_2016], [REGRESSED_2016]),
        (("--year", "2016", "--fail-on", "never"), 0, [], []),
        (("--year", "2016", "--fail-on", "never", "--fail-on-regression"), 1, [REGRESSED_2016], []),
        (("--year", "2015"), 1, [FAILED_2015], []),
        (("--year", "2015", "--fail-on", "never", "--fail-on-regression"), 0, [], ["worse than the year before"]),
        (
            ("--fail-on", "never", "--fail-on-missing"),
            1,
            ["kpi: 1 result fails --fail-on never --fail-on-missing: L.1.2 (Kultur)"],
            [],
        ),
    ],
)
def test_exit_code_of_the_example(sa, assert_ok, args, code, present, absent):
    result = sa("evaluate", *args, "--lang", "en")
    assert_ok(result, code)
    lines = result.stderr.splitlines()
    for line in present:
        assert line in lines, result.stderr
    for text in absent:
        assert text not in result.stderr


# made up: the whole municipality only; 2016 all desired, 2017 L.1.1 3,0 (1 - 3,4: not approved)
GOOD_THEN_BAD = (
    "indikator;år;verdi\nL.1.1;2016;4,5\nL.1.2;2016;4,5\nL.2.1;2016;6\nL.1.1;2017;3,0\nL.1.2;2017;4,5\nL.2.1;2017;6\n"
)
# made up: the reverse; 2016 L.1.1 not approved, 2017 all desired
BAD_THEN_GOOD = (
    "indikator;år;verdi\nL.1.1;2016;3,0\nL.1.2;2016;4,5\nL.2.1;2016;6\nL.1.1;2017;4,5\nL.1.2;2017;4,5\nL.2.1;2017;6\n"
)


@pytest.mark.parametrize(
    ("content", "args", "code"),
    [
        (GOOD_THEN_BAD, (), 1),
        (GOOD_THEN_BAD, ("--year", "2016"), 0),
        (GOOD_THEN_BAD, ("--year", "2017"), 1),
        (BAD_THEN_GOOD, (), 0),  # a red in the history does not fail the year shown
        (BAD_THEN_GOOD, ("--year", "2016"), 1),
        (BAD_THEN_GOOD, ("--fail-on-regression",), 0),  # better than last year
        (GOOD_THEN_BAD, ("--fail-on", "never"), 0),
        (GOOD_THEN_BAD, ("--fail-on", "never", "--fail-on-regression"), 1),
        (GOOD_THEN_BAD, ("--year", "2016", "--fail-on-regression"), 0),
    ],
)
def test_exit_code_reflects_the_year_shown(kpi, tmp_path, monkeypatch, assert_ok, content, args, code):
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text(content, encoding="utf-8")
    assert_ok(kpi("evaluate", "r.csv", "--indicators", DEFS, *args), code)


def test_regression_needs_a_worse_status_not_only_a_worse_value(kpi, tmp_path, monkeypatch, assert_ok):
    monkeypatch.chdir(tmp_path)
    # made up: 4,9 -> 4,1 is 0,8 lower but still desired (4 - 5)
    Path("r.csv").write_text("indikator;år;verdi\nL.1.1;2016;4,9\nL.1.1;2017;4,1\n", encoding="utf-8")
    result = kpi("evaluate", "r.csv", "--indicators", DEFS, "--fail-on-regression", "--format", "json")
    assert_ok(result, 0)
    (l11,) = [r for r in shown_results(parsed(result)) if r["indicator"] == "L.1.1"]
    assert l11["change"] == change(2016, 4.9, "desired", -0.8, False)
    assert l11["regression"] is False


# --- the table ---------------------------------------------------------------------------------


def sections(text: str, year: int) -> dict[str, str]:
    title = f"Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · {year} · "
    found = {}
    for part in text.split(title)[1:]:
        name, _, body = part.partition("\n")
        found[name.strip()] = body
    return found


def row(section: str, ident: str) -> str:
    for line in section.splitlines():
        if line.startswith(ident + " "):
            return flat(line)
    raise AssertionError(f"no row {ident} in\n{section}")


def test_table_shows_earlier_years_and_the_change(sa, assert_ok):
    result = sa("evaluate", env={"COLUMNS": "200"})
    assert_ok(result, 1)
    found = sections(result.stdout, 2017)
    whole = found["Hele kommunen"]
    header = flat(next(line for line in whole.splitlines() if line.startswith("Id ")))
    assert header.endswith("2015 2016 2017 Endring Status")
    assert row(whole, "L.1.1").endswith("4,51 ● 4,1 ● 3,9 ↓ -0,2 verre ▲ Laveste aksepterte resultat")
    assert row(whole, "L.1.2").endswith("4,72 ● 4,0 ● 4,2 ↑ +0,2 bedre ● Ønsket resultat")
    assert row(whole, "L.2.1").endswith("6,2 ● 4,0 ▲ 1,5 ↓ -2,5 verre ✖ Ikke godkjent resultat")
    assert row(found["Helse og omsorg"], "L.1.1").endswith("4,3 ▲ 3,6 ▲ 3,3 ↓ -0,3 verre ✖ Ikke godkjent resultat")
    assert row(found["Samfunnsutvikling"], "L.1.1").endswith(
        "4,4 ▲ 3,9 ▲ 3,95 ↑ +0,05 bedre ▲ Laveste aksepterte resultat"
    )
    assert row(found["Teknisk"], "L.1.2").endswith("4,1 ▲ 3,4 ✖ 3,5 ↑ +0,1 bedre ▲ Laveste aksepterte resultat")


def test_table_of_2016_has_no_change_across_the_scale_change(sa, assert_ok):
    result = sa("evaluate", "--year", "2016", env={"COLUMNS": "200"})
    assert_ok(result, 1)
    found = sections(result.stdout, 2016)
    whole = found["Hele kommunen"]
    header = flat(next(line for line in whole.splitlines() if line.startswith("Id ")))
    assert header.endswith("2015 2016 Endring Status")
    assert "2017" not in header
    assert row(whole, "L.1.1").endswith("4 - 5 3,5 - 3,9 1 - 3,4 4,51 ● 4,1 ● Ønsket resultat")
    assert row(whole, "L.2.1").endswith("6,2 ● 4,0 ↓ -2,2 verre ▲ Laveste aksepterte resultat")
    assert row(found["Teknisk"], "L.1.2").endswith("4,1 ▲ 3,4 ✖ Ikke godkjent resultat")
    assert "kpi: merk: viser 2016; 2015, 2017 vurdert som historikk (--year viser et annet år)" in result.stderr


def test_table_change_in_english(sa):
    out = sa("evaluate", "--lang", "en", env={"COLUMNS": "200"}).stdout
    title = "Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · 2017 · Whole municipality"
    assert title in out
    whole = out.split(title)[1]
    assert row(whole, "L.1.1").endswith("4.51 ● 4.1 ● 3.9 ↓ -0.2 worse ▲ Lowest accepted result")
    assert row(whole, "L.1.2").endswith("4.72 ● 4.0 ● 4.2 ↑ +0.2 better ● Desired result")


# --- kpi history ---------------------------------------------------------------------------------

# The sparklines: L.1.x moved from a 1-6 to a 1-5 scale in 2016, so 2015 stands alone before the break
# (╎) and 2016-2017 are drawn within their own range; L.2.1 kept its scale.
SPARKS = {
    ("L.1.1", WHOLE): "▄╎█▁",
    ("L.1.2", WHOLE): "▄╎▁█",
    ("L.2.1", WHOLE): "█▅▁",
    ("L.1.1", "Oppvekst"): "▄╎▁█",
    ("L.1.2", "Oppvekst"): "▄╎█▁",
    ("L.1.1", "Helse og omsorg"): "▄╎█▁",
    ("L.1.2", "Helse og omsorg"): "▄╎▁█",
    ("L.1.1", "Kultur"): "▄╎▁█",
    ("L.1.2", "Kultur"): "▄╎▄",  # 2017 not measured
    ("L.1.1", "Teknisk"): "▄╎▁█",
    ("L.1.2", "Teknisk"): "▄╎▁█",
    ("L.1.1", "Organisasjon og økonomi"): "▄╎▁█",
    ("L.1.2", "Organisasjon og økonomi"): "▄╎▁█",
    ("L.1.1", "Samfunnsutvikling"): "▄╎▁█",
    ("L.1.2", "Samfunnsutvikling"): "▄╎█▁",
}
# not approved and worse than the year before, in every year shown: (indicator, org unit) -> years
ALARMS = {("L.2.1", WHOLE): "2017", ("L.1.1", "Helse og omsorg"): "2017", ("L.1.2", "Teknisk"): "2016"}
SYMBOL = {"desired": "●", "accepted": "▲", "not_approved": "✖", "missing": "?"}


def history_sections(text: str) -> dict[str | None, str]:
    title = "Eksempelkommune - målekart (oppdiktet) · 2015–2017 · "
    found: dict[str | None, str] = {}
    for part in text.split(title)[1:]:
        name, _, body = part.partition("\n")
        found[None if name.strip() == "Hele kommunen" else name.strip()] = body
    return found


def history_row(section: str, ident: str) -> tuple[list[str], str, bool]:
    """The year cells, the sparkline and whether the alarm mark is on the row."""
    for line in section.splitlines():
        if line.startswith(ident + " "):
            cells = re.findall(r"(?:\d+(?:[.,]\d+)?|–) [●▲✖?–○](?= |$)", line)
            spark = re.findall(r"[▁▂▃▄▅▆▇█╎]+", line)
            return cells, spark[0] if spark else "", "⚠" in line
    raise AssertionError(f"no row {ident} in\n{section}")


def test_history_table_every_org_unit(sa, assert_ok):
    result = sa("history", "--org-unit", "all", env={"COLUMNS": "200"})
    assert_ok(result, 0)
    out = result.stdout
    found = history_sections(out)
    assert list(found) == ORDER
    for (indicator, unit), by_year in CELLS.items():
        cells, spark, alarm = history_row(found[unit], indicator)
        assert cells == [f"{value or '–'} {SYMBOL[status]}" for value, status in by_year.values()], (indicator, unit)
        assert spark == SPARKS[(indicator, unit)], (indicator, unit)
        assert alarm == ((indicator, unit) in ALARMS), (indicator, unit)
    # measured for the whole municipality only: no cells for an org unit (an empty row, or none)
    for unit in UNITS:
        assert not re.search(r"^L\.2\.1 .*[●▲✖?]", found[unit], re.MULTILINE), unit
    assert out.count("⚠") == 3
    # a regression before the last year shown is marked too (Teknisk L.1.2: 2016 ▲ -> ✖, then 2017)
    assert "⚠ ikke godkjent og verre enn i fjor (2016)" in flat(found["Teknisk"])
    assert "⚠ ikke godkjent og verre enn i fjor (2017)" in flat(found["Helse og omsorg"])
    header = flat(next(line for line in found[None].splitlines() if line.startswith("Id ")))
    assert header == "Id Måleindikator 2015 2016 2017 Utvikling Merknad"


def test_history_table_shows_the_municipality_by_default(sa, assert_ok):
    result = sa("history", env={"COLUMNS": "200"})
    assert_ok(result, 0)
    found = history_sections(result.stdout)
    assert list(found) == [None]
    assert history_row(found[None], "L.1.1") == (["4,51 ●", "4,1 ●", "3,9 ▲"], "▄╎█▁", False)
    assert history_row(found[None], "L.2.1") == (["6,2 ●", "4,0 ▲", "1,5 ✖"], "█▅▁", True)


def test_history_table_of_one_org_unit(sa, assert_ok):
    result = sa("history", "--org-unit", "Helse og omsorg", "--lang", "en", env={"COLUMNS": "200"})
    assert_ok(result, 0)
    found = history_sections(result.stdout)
    assert list(found) == ["Helse og omsorg"]
    cells, spark, alarm = history_row(found["Helse og omsorg"], "L.1.1")
    assert (cells, spark, alarm) == (["4.3 ▲", "3.6 ▲", "3.3 ✖"], "▄╎█▁", True)
    assert "⚠ not approved and worse" in result.stdout


def test_history_year_option_ends_the_table_at_that_year(sa, assert_ok):
    result = sa("history", "--org-unit", "Teknisk", "--year", "2016", env={"COLUMNS": "200"})
    assert_ok(result, 0)
    out = result.stdout
    assert "Eksempelkommune - målekart (oppdiktet) · 2015–2016 · Teknisk" in out
    body = out.split("· 2015–2016 · Teknisk")[1]
    # 2016: Teknisk L.1.2 3,4 is not approved and worse than 2015's accepted 4,1
    # 2015 and 2016 are on different scales: two single heights either side of the break
    assert history_row(body, "L.1.2") == (["4,1 ▲", "3,4 ✖"], "▄╎▄", True)
    assert history_row(body, "L.1.1") == (["3,8 ✖", "3,5 ▲"], "▄╎▄", False)


def test_history_unknown_org_unit_is_a_usage_error(sa, assert_error):
    assert_error(
        sa("history", "--org-unit", "Nope"),
        [
            "kpi: error: no results for org unit 'Nope'; org units in the files: Helse og omsorg, Kultur, "
            "Oppvekst, Organisasjon og økonomi, Samfunnsutvikling, Teknisk [usage]"
        ],
    )


def json_series(document: dict) -> dict[tuple[str, str | None], list[dict]]:
    """A history's results by (indicator, org unit), each year's value, status and regression flag."""
    found: dict[tuple[str, str | None], list[dict]] = {}
    for r in document["results"]:
        item = {"year": r["year"], "value": r["value"], "status": r["status"], "regression": r["regression"]}
        found.setdefault((r["indicator"], r["org_unit"]), []).append(item)
    return found


def test_history_json_series(sa, assert_ok):
    result = sa("history", "--format", "json", "--org-unit", "all")
    assert_ok(result, 0)
    document = parsed(result)
    assert document["year"] == 2017
    assert document["years"] == [2015, 2016, 2017]
    got = json_series(document)
    want = {
        key: [
            {
                "year": year,
                "value": number(value),
                "status": status,
                "regression": (year == 2016 and key in REGRESSIONS_2016) or (year == 2017 and key in REGRESSIONS_2017),
            }
            for year, (value, status) in by_year.items()
        ]
        for key, by_year in CELLS.items()
    }
    assert got == want
    assert len(got) == 15


def test_history_json_of_the_municipality_and_of_one_org_unit(sa):
    whole = json_series(parsed(sa("history", "--format", "json")))
    assert list(whole) == [
        ("L.1.1", None),
        ("L.1.2", None),
        ("L.2.1", None),
    ]
    oppvekst = json_series(parsed(sa("history", "--format", "json", "--org-unit", "Oppvekst")))
    assert set(oppvekst) == {("L.1.1", "Oppvekst"), ("L.1.2", "Oppvekst")}
    assert [(r["year"], r["status"], r["regression"]) for r in oppvekst[("L.1.1", "Oppvekst")]] == [
        (2015, "desired", False),
        (2016, "accepted", True),
        (2017, "desired", False),
    ]


def test_history_json_with_year_matches_the_table(sa):
    """`kpi history --year 2016` shows 2015-2016 in the table; JSON must hold the same years."""
    document = parsed(sa("history", "--format", "json", "--year", "2016"))
    assert document["year"] == 2016
    assert document["years"] == [2015, 2016]
    for key, series in json_series(document).items():
        assert [r["year"] for r in series] == [2015, 2016], key


# --- band versions over time: definitions and in_force -----------------------------------------

VERSIONED = """\
# made up: a percentage indicator whose bands change over time, with one org unit's own
scorecard: Test (oppdiktet)
focus_areas:
  - id: A
    name: Område
    goals:
      - id: A.1
        name: Mål
        indicators:
          - id: A.1.1
            name: Tidsversjonert
            unit: "%"
            scale: [0, 100]
            bands:
              - from: 2016
                desired: ">= 80"
                accepted: "60 - 79"
                not_approved: "< 60"
              - from: 2018
                desired: ">= 90"
                accepted: "70 - 89"
                not_approved: "< 70"
            org_unit_bands:
              Oppvekst:
                - from: 2017
                  desired: ">= 95"
                  accepted: "85 - 94"
                  not_approved: "< 85"
          - id: A.1.2
            name: Lavere er bedre
            bands:
              desired: "< 5"
              accepted: "5 - 7"
              not_approved: "> 7"
          - id: A.1.3
            name: Målintervall
            unit: "%"
            bands:
              desired: "1,30 - 1,69 %"
              accepted: ["1,00 - 1,29 %", "1,70 - 1,99 %"]
              not_approved: ["< 1,00 %", "> 1,99 %"]
"""


@pytest.fixture(scope="module")
def versioned():
    return parse_definitions(VERSIONED, "versioned.yaml").indicator_map()


def desired_text(indicator, year, unit=None):
    band = indicator.in_force(year, unit).band(Status.DESIRED)
    return band.text if band else None


def test_in_force_chooses_the_latest_version_started_by_the_year(versioned):
    a = versioned["A.1.1"]
    assert desired_text(a, 2016) == ">= 80"
    assert desired_text(a, 2017) == ">= 80"
    assert desired_text(a, 2018) == ">= 90"
    assert desired_text(a, 2030) == ">= 90"
    assert desired_text(a, 2017, "Oppvekst") == ">= 95"
    assert desired_text(a, 2018, "Oppvekst") == ">= 95"  # the org unit's own bands win
    assert desired_text(a, 2016, "Oppvekst") == ">= 80"  # before its own: the general ones
    assert desired_text(a, 2017, "Kultur") == ">= 80"


def test_in_force_before_the_first_version_has_no_bands(versioned):
    a = versioned["A.1.1"]
    before = a.in_force(2015)
    assert before.bands == ()
    assert before.has_bands is False
    assert a.in_force(2015, "Oppvekst").bands == ()
    result = rate_one(a, 2015, None, ResultRow("A.1.1", 2015, Decimal("85")))
    assert result.status is Status.NO_TARGET
    assert result.value == Decimal("85")
    assert result.rating is None


def test_in_force_without_versions_is_the_indicator_itself(versioned):
    b = versioned["A.1.2"]
    assert b.versions == ()
    assert b.in_force(1999) is b
    assert b.in_force(2017, "Oppvekst") is b


def test_rate_one_uses_the_version_of_each_year(versioned):
    a = versioned["A.1.1"]

    def status(year, value, unit=None):
        return rate_one(a, year, unit, ResultRow("A.1.1", year, Decimal(value), unit)).status

    assert status(2016, "85") is Status.DESIRED  # >= 80
    assert status(2018, "85") is Status.ACCEPTED  # 70 - 89
    assert status(2017, "90", "Oppvekst") is Status.ACCEPTED  # Oppvekst: 85 - 94
    assert status(2017, "90", "Kultur") is Status.DESIRED
    assert status(2016, "79.5") is Status.ACCEPTED  # gap (79, 80) -> worse


def test_evaluate_rates_a_year_before_the_first_version_no_target(versioned, kpi, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("versioned.yaml").write_text(VERSIONED, encoding="utf-8")
    # made up
    Path("r.csv").write_text(
        "indikator;år;verdi\nA.1.1;2015;85\nA.1.1;2016;85\nA.1.1;2018;85\nA.1.2;2018;4\nA.1.3;2018;1,5\n",
        encoding="utf-8",
    )
    result = kpi("evaluate", "r.csv", "--indicators", "versioned.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = parsed(result)
    every = {(r["indicator"], r["year"]): r for r in document["results"]}
    assert every[("A.1.1", 2015)]["status"] == "no_target"
    assert every[("A.1.1", 2015)]["bands_from"] is None  # before the first version: no bands
    assert every[("A.1.1", 2015)]["value"] == 85
    assert every[("A.1.1", 2016)]["status"] == "desired"
    assert every[("A.1.1", 2016)]["bands_from"] == 2016
    assert every[("A.1.1", 2018)]["status"] == "accepted"
    assert every[("A.1.1", 2018)]["bands_from"] == 2018
    versions = {(v["from"], v["org_unit"]): v for v in document["indicators"]["A.1.1"]["band_versions"]}
    assert list(versions) == [(2016, None), (2018, None), (2017, "Oppvekst")]
    assert versions[(2018, None)]["bands"]["desired"]["text"] == ">= 90"
    # same scale and unit, only the bands changed: the change is given; desired -> accepted
    assert every[("A.1.1", 2018)]["change"] == change(2016, 85, "desired", 0, None)
    assert every[("A.1.1", 2018)]["regression"] is True


def test_status_knows_there_are_no_bands_before_the_first_version(kpi, tmp_path, monkeypatch):
    """A.1.1's bands start in 2016: in 2015 it is active with no bands in force, and `evaluate`
    rates it no_target. Its target simply starts later (issue 21): `kpi status` says "no target
    before 2016", and `--check` does not call it an indicator that lacks bands."""
    monkeypatch.chdir(tmp_path)
    Path("versioned.yaml").write_text(VERSIONED, encoding="utf-8")
    result = kpi("status", "--indicators", "versioned.yaml", "--year", "2015", "--format", "json")
    states = {item["indicator"]: (item["has_bands"], item["no_target"]) for item in parsed(result)["indicators"]}
    before = {"key": "no_target_before", "year": "2016", "text": "no target before 2016"}
    assert states == {"A.1.1": (False, before), "A.1.2": (True, None), "A.1.3": (True, None)}
    check = kpi("status", "--indicators", "versioned.yaml", "--year", "2015", "--check")
    assert check.exit_code == 0, check.stderr
    assert "no-bands" not in check.stderr
    assert "ikke noe mål før 2016" in check.stdout
    assert kpi("status", "--indicators", "versioned.yaml", "--year", "2016", "--check").exit_code == 0


def test_explain_uses_the_bands_in_force_in_the_year(kpi):
    """4,47 is desired under the 2016 bands (4 - 5) but in the gap (4,4, 4,5) under 2015's: accepted."""
    then = kpi("explain", "L.1.1", "4,47", "--year", "2015", "--indicators", DEFS)
    assert then.exit_code == 0, then.stderr
    assert then.stdout.splitlines()[-1] == "=> ▲ Laveste aksepterte resultat"
    assert "skala: 1 - 6" in then.stdout
    now = kpi("explain", "L.1.1", "4,47", "--year", "2017", "--indicators", DEFS)
    assert now.stdout.splitlines()[-1] == "=> ● Ønsket resultat"
    assert "skala: 1 - 5" in now.stdout


# --- validate: band versions -------------------------------------------------------------------

HEAD = """\
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
"""


def write_defs(body: str) -> str:
    Path("defs.yaml").write_text(HEAD + body, encoding="utf-8")
    return "defs.yaml"


def test_validate_rejects_two_versions_from_the_same_year(kpi, tmp_path, monkeypatch, assert_error):
    monkeypatch.chdir(tmp_path)
    path = write_defs(
        "              - from: 2016\n"  # line 14
        '                desired: "4,5 - 6"\n'
        '                not_approved: "0 - 3,9"\n'
        "              - from: 2016\n"  # line 17
        '                desired: "4 - 6"\n'
        '                not_approved: "0 - 3,4"\n'
    )
    assert_error(
        kpi("validate", path),
        [
            "defs.yaml:17:17: error: indicator L.1.1: overlapping band versions: two versions from 2016 (line 14)"
            " [version-overlap]"
        ],
    )


def test_validate_rejects_two_versions_without_a_from_year(kpi, tmp_path, monkeypatch, assert_error):
    monkeypatch.chdir(tmp_path)
    path = write_defs(
        '              - desired: "4,5 - 6"\n'  # line 14
        '              - desired: "4 - 6"\n'  # line 15
        "              - from: 2017\n"
        '                desired: "4,2 - 6"\n'
    )
    assert_error(
        kpi("validate", path),
        [
            "defs.yaml:15:17: error: indicator L.1.1: overlapping band versions: "
            "two versions without a from year (line 14) [version-overlap]"
        ],
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("neste år", "indikator L.1.1: bands from må være et heltall, ikke 'neste år' [wrong-type]"),
        ("2016.5", "indikator L.1.1: bands from må være et heltall, ikke '2016.5' [wrong-type]"),
        ("1800", "indicator L.1.1: bands from must be a year between 1900 and 2200, not 1800 [out-of-range]"),
        ("[2016]", "indikator L.1.1: bands from må være et heltall, ikke en liste [wrong-type]"),
    ],
)
def test_validate_rejects_a_from_that_is_not_a_year(kpi, tmp_path, monkeypatch, assert_error, written, message):
    monkeypatch.chdir(tmp_path)
    path = write_defs(
        '              - desired: "4,5 - 6"\n'
        f"              - from: {written}\n"  # line 15; the value starts in column 23
        '                desired: "4 - 6"\n'
    )
    assert_error(kpi("validate", path), [f"defs.yaml:15:23: error: {message}"])


def test_validate_lists_every_version_problem_in_one_run(kpi, tmp_path, monkeypatch, assert_error):
    monkeypatch.chdir(tmp_path)
    path = write_defs(
        "              - from: 2016\n"  # 14
        '                desired: "4,5 - 6"\n'
        "              - from: 2016\n"  # 16
        '                desired: "4 - 6"\n'
        "              - from: snart\n"  # 18
        '                desired: "4 - 6"\n'
        "              - from: 2019\n"  # 20
        '                desired: "4 - 6"\n'
        '                accepted: "5 - 5,5"\n'  # 22: overlaps the desired band
    )
    assert_error(
        kpi("validate", path),
        [
            "defs.yaml:16:17: error: indicator L.1.1: overlapping band versions: two versions from 2016 (line 14)"
            " [version-overlap]",
            "defs.yaml:18:23: error: indikator L.1.1: bands from må være et heltall, ikke 'snart' [wrong-type]",
            "defs.yaml:13:13: error: indicator L.1.1 (bands from 2019): bands overlap: "
            "desired '4 - 6' and accepted '5 - 5,5' [band-overlap]",
        ],
    )


# --- the core: trend, regression, previous results --------------------------------------------


def rated(indicator, year, value):
    row = None if value is None else ResultRow(indicator.id, year, Decimal(value))
    return rate_one(indicator, year, None, row)


@pytest.mark.parametrize(
    ("before", "after", "delta", "better", "arrow"),
    [
        ("6", "4", "-2", True, "↓"),  # lower is better: down is better
        ("4", "6", "2", False, "↑"),
        ("8", "7,5", "-0.5", True, "↓"),  # still not approved, yet better
        ("6", "6", "0", None, "→"),
    ],
)
def test_trend_lower_is_better(versioned, before, after, delta, better, arrow):
    b = versioned["A.1.2"]
    assert b.direction.value == "lower_is_better"
    found = trend(rated(b, 2017, after.replace(",", ".")), rated(b, 2016, before.replace(",", ".")))
    assert found is not None
    assert found.delta == Decimal(delta)
    assert found.better is better
    assert found.arrow == arrow
    assert found.previous.year == 2016


@pytest.mark.parametrize(
    ("before", "after", "better"),
    [
        ("2.2", "1.8", True),  # down toward the desired band from above
        ("0.8", "1.1", True),  # up toward it from below
        ("1.1", "1.35", True),  # into it
        ("1.35", "1.1", False),  # out of it, downward
        ("1.8", "2.2", False),  # away from it
        ("1.5", "1.6", None),  # inside the whole time: neither
        ("1.2", "1.8", False),  # across it: 0,10 below -> 0,11 above, further away
    ],
)
def test_trend_target_range_toward_the_desired_band_is_better(versioned, before, after, better):
    c = versioned["A.1.3"]
    assert c.direction.value == "target_range"
    found = trend(rated(c, 2017, after), rated(c, 2016, before))
    assert found is not None
    assert found.delta == Decimal(after) - Decimal(before)
    assert found.better is better


def test_trend_target_range_same_distance_either_side_is_neither(versioned):
    c = versioned["A.1.3"]
    # 1,20 is 0,10 below 1,30; 1,79 is 0,10 above 1,69
    found = trend(rated(c, 2017, "1.79"), rated(c, 2016, "1.20"))
    assert found is not None
    assert found.better is None
    assert found.arrow == "↑"


def test_trend_higher_is_better(versioned):
    a = versioned["A.1.1"]
    up = trend(rated(a, 2017, "70"), rated(a, 2016, "65"))
    assert (up.delta, up.better, up.arrow) == (Decimal(5), True, "↑")
    down = trend(rated(a, 2017, "60"), rated(a, 2016, "65"))
    assert (down.delta, down.better, down.arrow) == (Decimal(-5), False, "↓")


def test_no_trend_without_two_values_or_across_a_change_of_scale(versioned):
    a = versioned["A.1.1"]
    assert trend(rated(a, 2017, "70"), None) is None
    assert trend(rated(a, 2017, "70"), rated(a, 2016, None)) is None  # missing last year
    assert trend(rated(a, 2017, None), rated(a, 2016, "70")) is None  # missing this year
    from kpi_cli import load_definitions

    l11 = load_definitions(DEFS).indicator_map()["L.1.1"]
    # 2015 on the 1-6 scale, 2016 on the 1-5 scale: the numbers do not compare
    assert trend(rated(l11, 2016, "4.1"), rated(l11, 2015, "4.51")) is None
    same_scale = trend(rated(l11, 2017, "3.9"), rated(l11, 2016, "4.1"))
    assert same_scale is not None and same_scale.delta == Decimal("-0.2") and same_scale.better is False


def test_is_regression_compares_rated_statuses(versioned):
    a = versioned["A.1.1"]
    desired, accepted, bad = rated(a, 2017, "85"), rated(a, 2017, "70"), rated(a, 2017, "50")
    missing = rated(a, 2017, None)
    assert desired.status is Status.DESIRED and accepted.status is Status.ACCEPTED and bad.status is Status.NOT_APPROVED
    assert missing.status is Status.MISSING
    assert is_regression(accepted, desired) is True
    assert is_regression(bad, accepted) is True
    assert is_regression(bad, desired) is True
    assert is_regression(accepted, accepted) is False
    assert is_regression(accepted, bad) is False
    assert is_regression(missing, desired) is False  # not rated this year: --fail-on-missing's job
    assert is_regression(accepted, None) is False
    no_target = rated(a, 2015, "85")
    assert no_target.status is Status.NO_TARGET
    assert is_regression(accepted, no_target) is False


def test_previous_results_skip_a_year_without_a_value(versioned):
    scorecard = parse_definitions(VERSIONED, "versioned.yaml")
    # made up: 2016 85, 2017 not measured, 2018 65 -> compared with 2016
    rows = [
        ResultRow("A.1.1", 2016, Decimal("85")),
        ResultRow("A.1.1", 2017, None, raw="Ikke målt"),
        ResultRow("A.1.1", 2018, Decimal("65")),
    ]
    report = evaluate(scorecard, rows, 2018)
    before = previous_results(report)
    assert before[("A.1.1", None)].year == 2016
    (current,) = [r for r in report.results if r.indicator.id == "A.1.1"]
    assert current.status is Status.NOT_APPROVED  # 2018 bands: < 70
    assert [(r.indicator.id, r.year) for r in regressions(report)] == [("A.1.1", 2018)]
    assert trend(current, before[("A.1.1", None)]).delta == Decimal(-20)


def test_report_history_holds_every_other_year(versioned):
    scorecard = parse_definitions(VERSIONED, "versioned.yaml")
    rows = [ResultRow("A.1.2", year, Decimal(value)) for year, value in ((2015, "4"), (2016, "6"), (2017, "8"))]
    report = evaluate(scorecard, rows, 2016)
    assert report.year == 2016
    assert report.other_years == (2015, 2017)
    assert {(r.indicator.id, r.year): r.status for r in report.results if r.indicator.id == "A.1.2"} == {
        ("A.1.2", 2016): Status.ACCEPTED
    }
    assert {(r.indicator.id, r.year): r.status for r in report.history if r.indicator.id == "A.1.2"} == {
        ("A.1.2", 2015): Status.DESIRED,
        ("A.1.2", 2017): Status.NOT_APPROVED,
    }
    # only earlier years count as the previous one
    assert previous_results(report)[("A.1.2", None)].year == 2015
    assert rollup(report.results).status is Status.ACCEPTED


def test_sparkline():
    assert sparkline([Decimal("4.51"), Decimal("4.1"), Decimal("3.9")]) == "█▃▁"
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5]) == "▄▄▄"
    assert sparkline([]) == ""


def test_history_json_of_every_org_unit_is_one_schema_2_document(sa):
    result = sa("history", "--format", "json", "--org-unit", "all")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema_version"] == 2
    assert document["org_units"] == ORDER
    assert list(document["indicators"]) == ["L.1.1", "L.1.2", "L.2.1"]
    # every cell of the example, once, oldest year first: 15 (indicator, org unit) series of 3 years
    assert [(r["indicator"], r["org_unit"], r["year"]) for r in document["results"]] == [
        (indicator, unit, year)
        for year in (2015, 2016, 2017)
        for unit in ORDER
        for indicator in ("L.1.1", "L.1.2", "L.2.1")
        if (indicator, unit) in CELLS
    ]
    assert result.stderr == ""


def test_a_new_scale_breaks_the_terminal_sparkline_with_a_label(sa, assert_ok):
    """L.1.1 moved from a 1-6 to a 1-5 scale in 2016 (made up): the sparkline breaks there, each
    scale drawn in its own range (4,51 on 1-6 is no height above 4,1 on 1-5), and the note says so."""
    result = sa("history", env={"COLUMNS": "200"})
    assert_ok(result, 0)
    row = next(line for line in result.stdout.splitlines() if line.startswith("L.1.1 "))
    assert row.endswith("3,9 ▲ ▄╎█▁      ╎ ny skala 2016")
    stacked = sa("history", env={"COLUMNS": "40"}).stdout.splitlines()
    at = stacked.index("L.1.1 ▄╎█▁")
    assert "╎ ny skala 2016" in stacked[at : at + 6]
