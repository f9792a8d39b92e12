"""Verdicts as results (issue 21, point 4): `rate: verdict` takes the published word
(`Oppnådd`, `Delvis oppnådd`, `innenfor kravet`, grønn/gul/rød) as the result, mapped onto the
scorecard's levels; every format marks the status as published, not computed.

Every scorecard and result here is made up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import Result
from made_up import made_up_card

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.model import Status
from kpi_cli.rating.checks import findings
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.report import Note, ResultRow
from kpi_cli.sql.stream import why_not


def definitions_text(extra: str, own: str) -> str:
    """A.1.1 rated by its verdict (``own``: its further keys), A.1.2 by a number; ``extra`` a line."""
    verdict = f"- {{id: A.1.1, name: Made-up verdict, rate: verdict{own}}}\n"
    number = '- {id: A.1.2, name: Made-up number, target: "> 5"}\n'
    return made_up_card(verdict + number, extra, scorecard="Made-up helseforetak")


TWO = "levels: [{id: met, label: {nb: Nådd}}, {id: not_met, label: {nb: Ikke nådd}}]"
D, A, N = Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED


def card(extra: str = "", own: str = ""):
    return parse_definitions(definitions_text(extra, own))


def status_of(word: str, extra: str = "", own: str = "") -> Status:
    report = evaluate(card(extra, own), [ResultRow("A.1.1", 2020, None, raw=word)], 2020)
    return report.results[0].status


WORDS = [
    *(("Oppnådd", D), ("nådd", D), ("Innenfor kravet", D), ("innenfor", D), ("Grønn", D)),
    *(("Delvis oppnådd", A), ("gul", A)),
    *(("Ikke oppnådd", N), ("ikke nådd", N), ("Utenfor", N), ("utenfor kravet", N), ("Rød", N)),
    *(("ikkje oppnådd", N), ("innanfor kravet", D), ("raud", N), ("grøn", D)),  # nn
    *(("Uppnått", D), ("Delvis uppnått", A), ("Ej uppnått", N), ("inom kravet", D), ("röd", N)),  # sv
    *(("Achieved", D), ("partly achieved", A), ("Not met", N), ("amber", A), ("red", N)),  # en
]


@pytest.mark.parametrize(("word", "status"), WORDS, ids=[w for w, _ in WORDS])
def test_the_built_in_words_of_nb_nn_sv_and_en_map_onto_the_levels(word: str, status: Status) -> None:
    assert status_of(word) is status


def test_a_verdict_rating_says_it_was_published_not_computed() -> None:
    report = evaluate(card(), [ResultRow("A.1.1", 2020, None, raw="Delvis oppnådd")], 2020)
    (result, _) = report.results
    assert (result.status, result.value, result.note) == (A, None, Note("published", (("word", "Delvis oppnådd"),)))
    assert result.rating is not None and result.rating.verdict == "Delvis oppnådd"
    assert report.row_counts.rated == 1 and report.row_counts.no_result == 0


def test_words_of_the_file_and_of_the_indicator_extend_the_vocabulary() -> None:
    assert status_of("Avvik", extra="verdicts: {not_approved: [avvik]}") is N
    assert status_of("nesten", own=", verdicts: {accepted: [nesten, 'så vidt']}") is A
    assert status_of("Så  vidt.", own=", verdicts: {accepted: [nesten, 'så vidt']}") is A
    assert status_of("Oppnådd", own=", verdicts: {not_approved: [oppnådd]}") is N  # the indicator's own word wins


def test_a_middle_word_on_two_levels_is_unknown_and_a_no_result_marker_is_missing() -> None:
    assert status_of("Nådd", extra=TWO) is D
    with pytest.raises(Exception, match=r"verdict 'Delvis oppnådd' is not one of the words accepted: oppnådd, nådd"):
        status_of("Delvis oppnådd", extra=TWO)
    assert status_of("Ikke målt") is Status.MISSING
    assert status_of("") is Status.MISSING


def write_files(write: Callable[..., Path], cell: str) -> tuple[Path, Path]:
    definitions = write("indicators.yaml", definitions_text("", ""))
    results = write("r.csv", f"indikator;år;verdi\nA.1.2;2020;6\nA.1.1;2020;{cell}\n")
    return definitions, results


def test_an_unknown_word_is_an_error_at_its_cell_listing_the_words(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    definitions, results = write_files(write, "Bra")
    run = kpi("evaluate", str(results), "--indicators", str(definitions))
    assert run.exit_code == 2
    assert run.stderr.startswith(
        f"{results}:3: error: A.1.1: verdict 'Bra' is not one of the words accepted: oppnådd, nådd, innenfor, "
    )
    assert run.stderr.rstrip().endswith("add it under verdicts: {LEVEL: [words]} [unknown-verdict]")


@pytest.mark.parametrize(
    ("fmt", "marked"),
    [
        ("table", "A.1.1: publisert vurdering: Delvis oppnådd"),
        ("markdown", "publisert vurdering: Delvis oppnådd"),
        ("html", "publisert vurdering: Delvis oppnådd"),
        ("csv", "publisert vurdering: Delvis oppnådd"),
        ("github", "Delvis oppnådd"),
        ("junit", "Delvis oppnådd"),
    ],
)
def test_every_format_marks_the_status_as_published(
    kpi: Callable[..., Result], write: Callable[..., Path], fmt: str, marked: str
) -> None:
    definitions, results = write_files(write, "Delvis oppnådd")
    run = kpi("evaluate", str(results), "--indicators", str(definitions), "--format", fmt, "--fail-on", "never")
    assert run.exit_code == 0, run.stderr
    assert marked in run.stdout


def test_json_gives_the_word_as_written_and_the_published_note(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    definitions, results = write_files(write, "Delvis oppnådd")
    run = kpi("evaluate", str(results), "--indicators", str(definitions), "--format", "json")
    (result,) = [r for r in json.loads(run.stdout)["results"] if r["indicator"] == "A.1.1"]
    assert (result["status"], result["value"], result["value_text"], result["reason"]) == (
        "accepted",
        None,
        "Delvis oppnådd",
        "published verdict: Delvis oppnådd",
    )
    assert result["note"] == {"key": "published", "word": "Delvis oppnådd", "text": "published verdict: Delvis oppnådd"}


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_either_engine_gives_the_same_bytes(kpi: Callable[..., Result], write: Callable[..., Path], fmt: str) -> None:
    definitions, results = write_files(write, "Oppnådd")
    args = ("evaluate", str(results), "--indicators", str(definitions), "--format", fmt)
    python, duckdb = kpi(*args, "--engine", "python"), kpi(*args, "--engine", "duckdb")
    assert python.exit_code == 0, python.stderr
    assert (duckdb.stdout_bytes, duckdb.exit_code, duckdb.stderr) == (python.stdout_bytes, 0, python.stderr)


def test_the_sql_paths_leave_verdicts_to_the_core(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    definitions, results = write_files(write, "Oppnådd")
    assert why_not(card(), [str(results)], "json") == (
        "A.1.1 has rate: verdict (a published word as the result), which only the report path writes"
    )
    refused = kpi("sql", "--indicators", str(definitions))
    assert refused.exit_code == 2
    assert refused.stderr.endswith("which the query cannot rate: kpi evaluate rates it [sql-unsupported]\n")


def test_a_verdict_indicator_has_no_bands_yet_is_no_no_bands_finding(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    definitions, _ = write_files(write, "Oppnådd")
    run = kpi("status", "--indicators", str(definitions), "--year", "2020", "--check")
    assert run.exit_code == 0, run.stderr
    assert "no-bands" not in run.stderr


PROSE = """\
scorecard: Made-up kommune
focus_areas:
  - id: A
    name: Made-up area
    goals:
      - id: A.1
        name: Made-up goal
        indicators:
          - {id: A.1.1, name: Made-up prose, target: {text: "Unngå nye rutinesvikt"}}
          - {id: A.1.2, name: Made-up verdict, rate: verdict, target: {text: "Unngå nye rutinesvikt"}}
"""


def test_a_prose_target_is_shown_and_never_rated() -> None:
    scorecard = parse_definitions(PROSE)
    prose, _ = scorecard.indicators()
    assert [(band.status, band.text, band.intervals) for band in prose.bands] == [(D, "Unngå nye rutinesvikt", ())]
    assert not prose.has_bands
    rows = [ResultRow("A.1.1", 2020, Decimal(3), raw="3"), ResultRow("A.1.2", 2020, None, raw="Oppnådd")]
    first, second = evaluate(scorecard, rows, 2020).results
    assert (first.status, first.rating, first.note) == (
        Status.NO_TARGET,
        None,
        Note("prose_target", (("year", "2020"),)),
    )
    assert second.status is D and second.indicator.band(D) is not None  # the verdict rates; the words are shown
    assert [f.code for f in findings(scorecard, 2020)] == []  # a target in words is a target: no no-bands


def test_the_stream_writes_a_prose_targets_note_as_the_report_does(write: Callable[..., Path]) -> None:
    from kpi_cli.render import RenderOptions
    from kpi_cli.sql.stream import evaluate_streamed
    from kpi_cli.view import Gate

    scorecard = parse_definitions(PROSE.replace(", rate: verdict", ""))
    results = write("r.csv", "indikator;år;verdi\nA.1.1;2020;3\nA.1.2;2020;4\n")
    for fmt in ("json", "csv"):
        options = RenderOptions(lang="nb", pretty=False)
        gate = Gate("not_approved", False, False)
        streamed = evaluate_streamed(
            scorecard, [str(results)], year=2020, gate=gate, definitions="d.yaml", fmt=fmt, options=options
        )
        assert not isinstance(streamed, str), streamed
        try:
            written = b"".join(streamed.chunks())
        finally:
            streamed.close()
        expected = "the target is in words and is not rated" if fmt == "json" else "målet er i ord og vurderes ikke"
        assert written.count(expected.encode()) == 2
