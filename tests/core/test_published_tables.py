"""The published table, copied into Excel as it is, reads with no options (README, "Results files").

`tests/fixtures/published/laering-og-fornyelse-2014.csv` is the seed's own table with its published
figures; `made-up-indicators.yaml` and the tables written here are made up (oppdiktet).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from kpi_cli import read_results
from kpi_cli.model import Status
from kpi_cli.results.printed import id_from_cell, leading_id

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "tests" / "fixtures" / "published"
SEED_TABLE = PUBLISHED / "laering-og-fornyelse-2014.csv"
MADE_UP = PUBLISHED / "made-up-indicators.yaml"
HEADER = "Sentrale utfordringer;Måleindikatorer;Ønsket resultat;Laveste aksepterte resultat;Ikke godkjent resultat;"


def test_the_seed_table_as_pasted_into_excel_evaluates_with_no_options(
    kpi: Callable[..., Result], repo_root: Path
) -> None:
    result = kpi("evaluate", str(SEED_TABLE.relative_to(repo_root)), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # the printed bands agree with the definitions: no warning
    document = json.loads(result.stdout)
    got = {r["indicator"]: (r["value_text"], r["status"]) for r in document["results"]}
    assert got == {
        "L.1.1": ("4,51", "desired"),
        "L.1.2": ("4,72", "desired"),
        "L.2.1": ("Ny indikator\nfra 2015", "not_phased_in"),
        "L.2.2": ("Ny indikator\nfra 2017", "not_phased_in"),
        "L.2.3": ("Ny indikator\nfra 2017", "not_phased_in"),
    }
    assert document["year"] == 2014


def test_the_seed_table_is_read_as_excel_wrote_it() -> None:
    read = read_results([SEED_TABLE])
    (log,) = read.logs
    assert (log.encoding, log.delimiter, log.layout, log.results_read) == ("cp1252", ";", "wide", 5)
    first = read.rows[0]
    assert first.indicator == "L.1.1.Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse."
    assert first.location is not None and first.location.line == 4  # the title, then a header with a line break
    assert first.bands == ((Status.DESIRED, "4,5 - 6"), (Status.ACCEPTED, "4 - 4,4"), (Status.NOT_APPROVED, "0 - 3,9"))
    assert read.rows[2].bands[0] == (Status.DESIRED, "> 5 %poeng")  # a line break in the cell reads as a space
    assert read.rows[3].bands == ()  # empty band cells are not compared


IDS = ["L.1.1", "L.1.12", "Ø.1.1", "MA.SYK"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("L.1.1.Opplevelse av at organisasjonen", "L.1.1"),  # the seed: the name glued on after the dot
        ("Ø.1.1. Netto driftsresultat.", "Ø.1.1"),  # the 2015 annual report
        ("L.1.1 Opplevelse", "L.1.1"),
        ("L.1.1.", "L.1.1"),
        ("L.1.12. Andel", "L.1.12"),  # the longest id wins
        ("MA.SYK Sykefravær", "MA.SYK"),
        ("L.1.10 Andel", None),  # another id, not L.1.1
        ("L.1.1a", None),
        ("L.1.1.2 Andel", None),
        ("L.1.1-x", None),
        ("Netto driftsresultat", None),
    ],
)
def test_the_id_is_taken_from_the_start_of_the_cell(cell: str, expected: str | None) -> None:
    assert id_from_cell(cell, IDS) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Ø.9.1. Netto driftsresultat.", "Ø.9.1"),
        ("L.1.9.Opplevelse av", "L.1.9"),
        ("L.1.1x", "L.1.1x"),
        ("ideer", "ideer"),
    ],
)
def test_what_looks_like_an_id(cell: str, expected: str) -> None:
    assert leading_id(cell) == expected


@pytest.mark.parametrize("goal_header", ["Sentrale utfordringer", "Mål"])
def test_a_printed_band_that_differs_is_a_located_warning(
    kpi: Callable[..., Result], write: Callable[..., Path], goal_header: str
) -> None:
    table = write(
        "okonomi.csv",
        HEADER.replace("Sentrale utfordringer", goal_header)
        + "Resultat 2015\n"
        + "Ø.1. Sunn økonomi.;Ø.1.1. Netto driftsresultat.;4 % eller bedre;1 - 2,9 %;< 1 %;3,5\n"
        + ";Ø.1.2. Disposisjonsfond.;> 5 %;3–5 %;< 3 %;4\n",
        "cp1252",
    )
    result = kpi("evaluate", str(table), "--indicators", str(MADE_UP), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{table}:2: warning: Ø.1.1: the results file prints desired '4 % eller bedre' where the definitions "
        "say '3 % eller bedre'; the definitions rule [bands-differ]",
    ]  # Ø.1.2's `3–5 %` reads as the definitions' `3 - 5 %`: no warning
    got = {r["indicator"]: r["status"] for r in json.loads(result.stdout)["results"]}
    assert got == {"Ø.1.1": "desired", "Ø.1.2": "accepted", "S.2.3": "missing", "MA.SYK": "not_phased_in"}
    silenced = kpi("evaluate", str(table), "--indicators", str(MADE_UP), "--format", "json", "--ignore", "bands-differ")
    assert (silenced.exit_code, silenced.stderr) == (0, "")


def test_one_warning_per_indicator_naming_every_band_that_differs(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    table = write(
        "2015.csv",
        "indikator;år;verdi;ønsket;laveste akseptert;ikke godkjent\n"
        "S.2.3;2015;-4,4;-1 - 1 %;;\n"
        "S.2.3;2016;1;-1 - 1 %;;\n"
        "MA.SYK;2016;7,5;< 7 %;7 - 8 %;> 9 %\n",
    )
    result = kpi("evaluate", str(table), "--indicators", str(MADE_UP), "--format", "json", "--year", "2016")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"{table}:2: warning: S.2.3: the results file prints desired '-1 - 1 %' where the definitions say "
        "'-2 - 2 %'; the definitions rule [bands-differ]",
        f"{table}:4: warning: MA.SYK: the results file prints not_approved '> 9 %' where the definitions say "
        "'> 8 %'; the definitions rule [bands-differ]",
    ]


def test_an_unknown_id_from_a_printed_cell_suggests_the_closest(
    kpi: Callable[..., Result], write: Callable[..., Path], assert_error: Callable[..., None]
) -> None:
    table = write(
        "2015.csv", HEADER + "Resultat 2015\n;0.1.1. Netto driftsresultat i prosent av driftsinntektene.;;;;2\n"
    )
    result = kpi("evaluate", str(table), "--indicators", str(MADE_UP))
    assert_error(
        result,
        [
            # a zero typed for the letter Ø
            f"{table}:2: error: ukjent indikator '0.1.1' (fra '0.1.1. Netto driftsresultat i prosent a…') "
            "(mente du Ø.1.1?) [unknown-indicator]"
        ],
    )


def test_a_title_line_above_the_header_is_skipped(write: Callable[..., Path]) -> None:
    table = write("t.csv", "Mål;;\nindikator;år;verdi\nL.1.1;2014;4,5\n")
    read = read_results([table])
    assert [(row.indicator, row.year, str(row.value)) for row in read.rows] == [("L.1.1", 2014, "4.5")]
    assert read.errors == []


def test_a_file_with_only_a_title_is_a_missing_column_error(write: Callable[..., Path]) -> None:
    table = write("2014.csv", "Mål\n\n")
    read = read_results([table])
    assert [error.format() for error in read.errors] == [
        f"{table}:1: error: missing column indicator and value: found 'mål'; accepted names are indicator: "
        "id, indicator_id, indikator_id, indikator-id, kpi, nr, indicator, indikator, måleindikatorer, måleindikator, "
        "maleindikatorer; value: value, verdi, resultat, result, värde, varde (or one column per year, "
        "such as '2014' or 'Resultat 2014') [missing-column]"
    ]


def test_only_one_title_line_is_skipped(write: Callable[..., Path]) -> None:
    """A file that is no table at all (a YAML file given by mistake) is refused at its first line."""
    table = write("2014.csv", "scorecard: x\nlanguage: nb\nfocus_areas:\n  - id: L, name: L\n")
    read = read_results([table])
    assert [(error.code, error.line) for error in read.errors] == [("missing-column", 1)]
