"""`kpi evaluate` on SSB exports, end to end through the command line.

examples/ssb-kostra/ holds a made-up scorecard and an unedited copy of SSB's KOSTRA table
12191; the definitions written in the tests below are made up too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "ssb-kostra"
DEFINITIONS = str(EXAMPLE / "indicators.yaml")
TABLE = str(EXAMPLE / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json")
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "ssb"


def test_the_example_is_a_byte_for_byte_copy_of_the_fixture() -> None:
    assert Path(TABLE).read_bytes() == (FIXTURES / Path(TABLE).name).read_bytes()


def test_example_rates_the_municipality_from_the_jsonstat_file(kpi, assert_ok) -> None:
    result = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, "--format", "json")
    assert_ok(result)
    report = json.loads(result.stdout)
    shown = [
        (r["indicator"], r["year"], r["org_unit"], r["value"], r["status"])
        for r in report["results"]
        if r["year"] == report["year"]
    ]
    assert shown == [
        ("H.1.1", 2020, None, 27.8, "desired"),
        ("H.1.2", 2020, None, 45, "accepted"),
        ("H.1.3", 2020, None, 315, "desired"),
    ]
    first = next(r for r in report["results"] if r["year"] == report["year"])
    assert first["source"] == {"path": f"{TABLE}[value 59]", "line": None}
    # Drammen's number 3005 dates from 2020: SSB writes '.' (cannot occur) for 2018 and 2019.
    history = {
        (r["indicator"], r["year"]): (r["absence"], r["value_text"], r["status"])
        for r in report["results"]
        if r["year"] != report["year"]
    }
    assert history[("H.1.1", 2018)] == ("not_applicable", ".", "missing")
    assert len(history) == 6 and {value[0] for value in history.values()} == {"not_applicable"}


def test_verbose_accounts_for_every_cell(kpi, assert_ok) -> None:
    result = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, "-v", "--lang", "en")
    assert_ok(result)
    assert f"{TABLE}: read SSB 12191 (JSON-stat 2.0, updated 2021-06-13T22:00:00Z) table, 9 results" in (result.stderr)
    # 135 cells = 9 results + 18 benchmark values (Moss, Ringerike) + 54 of other municipalities + 54 not selected
    assert f"{TABLE}: cells not read as results: 18 benchmark, 54 other_region, 54 not_selected" in result.stderr


def test_regions_all_makes_every_municipality_an_org_unit(kpi, assert_ok) -> None:
    result = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, "--regions", "all", "--format", "json")
    assert_ok(result, 1)  # small municipalities fall below the made-up bands
    report = json.loads(result.stdout)
    units = sorted({r["org_unit"] for r in report["results"]})
    assert units == [
        "3005 Drammen",
        "3014 Indre Østfold",
        "3028 Enebakk",
        "3036 Nannestad",
        "3037 Hurdal",
        "3038 Hole",
        "3039 Flå",
    ]  # Moss and Ringerike are the benchmarks, not org units
    flaa = [
        (r["indicator"], r["absence"], r["status"])
        for r in report["results"]
        if r["org_unit"] == "3039 Flå" and r["year"] == report["year"]
    ]
    assert flaa == [
        ("H.1.1", "not_available", "missing"),
        ("H.1.2", None, "not_approved"),
        ("H.1.3", "suppressed", "missing"),
    ]


def test_an_ssb_file_without_ssb_keys_in_the_definitions_is_a_located_error(kpi, assert_error, repo_root) -> None:
    result = kpi("evaluate", "--indicators", "indicators.yaml", TABLE)
    assert_error(
        result,
        [
            f"{TABLE}: error: is an SSB export (table 12191): the definitions must name the municipality "
            '(municipality: {code: "3203"}) and each indicator\'s source (ssb: {table: ..., select: ...}), '
            "see docs/how-to/ssb-and-kostra.md [ssb-no-source]"
        ],
    )


def test_a_select_the_table_lacks_and_a_truncated_file_are_errors(kpi, assert_error, tmp_path) -> None:
    definitions = tmp_path / "indicators.yaml"
    text = Path(DEFINITIONS).read_text(encoding="utf-8").replace("KOSergoaarsverk0000", "KOSergoaarsverk")
    definitions.write_text(text, encoding="utf-8")
    shutil.copyfile(TABLE, tmp_path / "12191.json")
    result = kpi("evaluate", "--indicators", str(definitions), str(tmp_path / "12191.json"))
    assert_error(
        result,
        [
            f"{tmp_path / '12191.json'}: error: H.1.1: ssb select: ContentsCode has no category 'KOSergoaarsverk' "
            "(did you mean KOSergoaarsverk0000?) [ssb-select]"
        ],
    )
    cut = tmp_path / "cut.json"
    cut.write_bytes(Path(TABLE).read_bytes()[:200])
    result = kpi("evaluate", "--indicators", DEFINITIONS, str(cut))
    assert_error(result, [f"{cut}:5:14: error: invalid JSON: Unterminated string starting at [ssb-format]"])


def test_validate_reports_a_bad_ssb_key_at_its_line(kpi, tmp_path) -> None:
    definitions = tmp_path / "indicators.yaml"
    text = (
        Path(DEFINITIONS).read_text(encoding="utf-8").replace('{table: "12191", select:', '{tabel: "12191", select:', 1)
    )
    definitions.write_text(text, encoding="utf-8")
    result = kpi("validate", str(definitions))
    assert result.exit_code == 2
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "tabel:" in row)
    assert (
        f"{definitions}:{line}:18: error: indicator H.1.1: ssb: unknown key 'tabel'; allowed: table, select"
        " [unknown-key]" in result.stderr
    )


def test_a_latin1_statbank_csv_through_the_command_line(kpi, assert_ok, tmp_path) -> None:
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(
        "# made up: a county's forest owners' gross income as a scorecard indicator\n"
        "scorecard: Made up\n"
        'municipality: {code: "01", name: Østfold}\n'
        'benchmarks: ["03+30"]\n'
        "focus_areas:\n"
        "  - id: S\n    name: Skog\n    goals:\n"
        "      - id: S.1\n        name: Skogeiere\n        indicators:\n"
        "          - id: S.1.1\n            name: Bruttoinntekt\n"
        '            ssb: {table: "06501", select: {statistikkvariabel: Bruttoinntekt}}\n',
        encoding="utf-8",
    )
    table = str(FIXTURES / "ssb_06501_skogeiere_statbank-download_latin1_wide.csv")
    args = ("--year", "2019", "--format", "json", "-v", "--lang", "en")
    result = kpi("evaluate", "--indicators", str(definitions), table, *args)
    assert_ok(result)
    report = json.loads(result.stdout)
    shown = [(r["value"], r["status"], r["source"]) for r in report["results"] if r["year"] == 2019]
    assert shown == [(5348217, "no_target", {"path": table, "line": 5})]
    assert len(report["results"]) == 17
    assert f"{table}: read SSB 06501 (SSB statistics-bank CSV, iso-8859-1) table, 17 results" in result.stderr
    # 4250 cells = 17 results + 17 benchmark values + 23 other regions × 17 years + 9 other variables × 425
    assert f"{table}: cells not read as results: 17 benchmark, 391 other_region, 3825 not_selected" in result.stderr


def test_the_same_ssb_file_twice_names_both_places(kpi) -> None:
    result = kpi("evaluate", "--indicators", DEFINITIONS, TABLE, TABLE)
    assert len(result.stderr.splitlines()) == 9
    assert (
        f"{TABLE}[value 59]: error: dobbelt resultat for H.1.1 2020: allerede gitt på {TABLE}[value 59]"
        " [duplicate-result]" in result.stderr.splitlines()
    )
    assert result.exit_code == 2
