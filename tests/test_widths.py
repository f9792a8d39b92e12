"""The terminal table at every width degrades by dropping columns, never by cutting a word.

At 40, 60, 80, 120 and 200 columns (COLUMNS) every id and every status word is on a line
whole, no line is wider than the terminal, and nothing is cut with an ellipsis
(README "The table in the terminal").
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from conftest import REPO_ROOT
from rich.cells import cell_len

from kpi_cli.model import PhaseState
from kpi_cli.render.labels import STATE_SYMBOLS, Labels

WIDTHS = ["40", "60", "80", "120", "200"]
SA = REPO_ROOT / "examples" / "service-areas"
SA_ARGS = [str(SA / "results-2015-2017.csv"), "--indicators", str(SA / "indicators.yaml")]
NB = Labels("nb")


def check_lines(out: str, width: int) -> list[str]:
    lines = out.splitlines()
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, f"wider than {width}: {too_wide}"
    assert "…" not in out
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    return lines


def whole(word: str, lines: list[str]) -> bool:
    pattern = re.compile(rf"(?<![\w.]){re.escape(word)}(?!\w|\.\d)")
    return any(pattern.search(line) for line in lines)


def shown(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The results of the year shown."""
    return [result for result in document["results"] if result["year"] == document["year"]]


def status_words(document: dict[str, Any]) -> set[str]:
    """The short status word of every result shown, or 'Innfases YEAR' for one not phased in."""
    phase_in = {ident: item["phase_in"]["year"] for ident, item in document["indicators"].items() if item["phase_in"]}
    found = set()
    for result in shown(document):
        if result["status"] == "not_phased_in":
            found.add(f"Innfases {phase_in[result['indicator']]}")
        else:
            found.add(NB(f"short.{result['status']}"))
    return found


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [["results/2014.csv"], SA_ARGS, [*SA_ARGS, "--by-org-unit"]],
    ids=["seed", "service-areas", "by-org-unit"],
)
def test_evaluate_keeps_every_id_and_status_word_whole(kpi, columns, args):
    document = json.loads(kpi("evaluate", *args, "--format", "json").stdout)
    out = kpi("evaluate", *args, env={"COLUMNS": columns}).stdout
    lines = check_lines(out, int(columns))
    for result in shown(document):
        assert whole(result["indicator"], lines), result["indicator"]
        if result["value"] is not None:
            assert whole(NB.number(Decimal(str(result["value"]))), lines)
    if "--by-org-unit" not in args:  # the matrix shows symbols, not words
        for word in status_words(document):
            assert whole(word, lines), f"{word!r} is not whole at {columns} columns"
    assert any(line.startswith("Tegnforklaring: ● ønsket") for line in lines)


@pytest.mark.parametrize("columns", WIDTHS)
def test_history_of_every_org_unit_keeps_ids_and_the_alarm_whole(kpi, columns):
    out = kpi("history", *SA_ARGS, "--org-unit", "all", env={"COLUMNS": columns}).stdout
    lines = check_lines(out, int(columns))
    for ident in ("L.1.1", "L.1.2", "L.2.1"):
        assert whole(ident, lines)
    assert whole("⚠ ikke godkjent og verre enn i fjor", lines) or (
        int(columns) < 50 and "⚠ ikke godkjent og verre enn i fjor" in " ".join(out.split())
    )
    for unit in ("Helse og omsorg", "Organisasjon og økonomi", "Samfunnsutvikling"):
        assert unit in out


@pytest.mark.parametrize("columns", WIDTHS)
def test_status_keeps_states_whole_and_wraps_notes(kpi, columns):
    out = kpi("status", "--year", "2015", env={"COLUMNS": columns}).stdout
    lines = check_lines(out, int(columns))
    for ident in ("L.1.1", "L.1.2", "L.2.1", "L.2.2", "L.2.3"):
        assert whole(ident, lines)
    assert whole(f"{STATE_SYMBOLS[PhaseState.NEW]} ny i år", lines)  # L.2.1 is new in 2015: not the ● of a rating
    assert whole("▶ aktiv", lines)  # a state, not the ● of Ønsket
    assert whole("○ ikke innfaset (utsatt)", lines)
    document = json.loads(kpi("status", "--year", "2015", "--format", "json").stdout)
    for item in document["indicators"]:
        for word in (item["reason"] or "").split():
            assert whole(word, lines), word  # a note wraps, never cut


def test_quiet_silences_the_multi_year_note_but_not_what_fails(kpi):
    loud = kpi("evaluate", *SA_ARGS)
    quiet = kpi("evaluate", *SA_ARGS, "-q")
    note = "kpi: merk: viser 2017; 2015, 2016 vurdert som historikk (--year viser et annet år)"  # nb, as the table
    assert note in loud.stderr.splitlines()
    assert quiet.stderr.splitlines() == [
        "kpi: 2 resultater feiler --fail-on not_approved: L.1.1 (Helse og omsorg), L.2.1"
    ]
    assert (loud.exit_code, quiet.exit_code) == (1, 1)


def test_piped_lines_carry_no_padding(kpi):
    out = kpi("evaluate", "results/2014.csv").stdout  # not a terminal: 120 columns
    assert all(line == line.rstrip() for line in out.splitlines())
    assert out.splitlines()[0] == "Definisjoner: indicators.yaml · Resultater: results/2014.csv"
    assert out.splitlines()[1] == ""


@pytest.mark.parametrize("columns", ["40", "80"])
def test_coloured_lines_carry_no_padding_either(kpi, columns):
    """Padding inside a coloured cell is trailing space too, though a colour code follows it."""
    out = kpi("evaluate", *SA_ARGS, "--color", "always", env={"COLUMNS": columns}, color=True).stdout
    assert "\x1b[" in out
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in out.splitlines()]
    assert all(line == line.rstrip() for line in plain)
    check_lines("\n".join(plain), int(columns))


SSB = REPO_ROOT / "examples" / "ssb-kostra"
SSB_ARGS = [str(SSB), "--indicators", str(SSB / "indicators.yaml")]
# Each benchmark's value with its region's name, and who is better (Drammen, than Moss and Ringerike)
BENCHMARKS = ["Moss 13,5", "Ringerike 8,9", "Moss 20", "Ringerike 6", "Moss 228", "Ringerike 67", "Drammen bedre"]
# Made up: the seed's 2014 results with a comment on two of them.
COMMENTED = (
    "indikator;år;verdi;kommentar\n"
    'L.1.1;2014;4,51;"Målt i november, svarprosent 62 i hele organisasjonen (mot 58 året før)"\n'
    "L.1.2;2014;4,72;Ny måling i høst\n"
    "L.2.1;2014;Ny indikator fra 2015;\n"
)


@pytest.mark.parametrize("columns", WIDTHS)
def test_benchmark_columns_keep_every_value_whole(kpi, columns):
    """SSB's benchmark regions are values beside the result: never dropped, never cut."""
    document = json.loads(kpi("evaluate", *SSB_ARGS, "--format", "json").stdout)
    out = kpi("evaluate", *SSB_ARGS, env={"COLUMNS": columns}).stdout
    lines = check_lines(out, int(columns))
    for result in shown(document):
        assert whole(result["indicator"], lines), result["indicator"]
        assert whole(NB.number(Decimal(str(result["value"]))), lines), result["value"]
    for word in status_words(document):
        assert whole(word, lines), f"{word!r} is not whole at {columns} columns"
    for value in BENCHMARKS:
        assert whole(value, lines), f"{value!r} is not whole at {columns} columns"
    assert whole("Moss", lines) and whole("Ringerike", lines)
    assert " ".join(out.split()).count("Kilde: SSB, tabell 12191 «Kommunehelse") == 1


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_comment_is_a_line_under_its_row_and_wraps_between_words(kpi, tmp_path, columns):
    results = tmp_path / "2014.csv"
    results.write_text(COMMENTED, encoding="utf-8")
    args = [str(results), "--indicators", str(REPO_ROOT / "indicators.yaml")]
    out = kpi("evaluate", *args, env={"COLUMNS": columns}).stdout
    lines = check_lines(out, int(columns))
    for ident in ("L.1.1", "L.1.2", "L.2.1", "L.2.2", "L.2.3"):
        assert whole(ident, lines)
    assert whole("● ønsket", lines) or whole("● Ønsket resultat", lines)
    comment = "Målt i november, svarprosent 62 i hele organisasjonen (mot 58 året før)"
    for word in ["↳ Kommentar:", *comment.split()]:
        assert whole(word, lines), f"{word!r} is not whole at {columns} columns"
    flat = " ".join(out.split())
    assert f"↳ Kommentar: {comment}" in flat
    assert "↳ Kommentar: Ny måling i høst" in flat
    below = next(n for n, line in enumerate(lines) if "↳ Kommentar: Målt" in line)
    assert any(line.lstrip().startswith("L.1.1") for line in lines[below - 6 : below])  # under its own row
