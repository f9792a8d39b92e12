"""`kpi init --from FILE`: a printed scorecard (text copied from a PDF, a Word table, a web page, a
sheet, CSV) into a draft indicators.yaml and its printed results; what cannot be placed is listed
at its place and left as a comment, and the draft validates or points at what is left."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS
from printed_tables import WRITERS, band_cell, printed_rows, title_lines

from kpi_cli.bands.notation import band_lines

SEED_TEXT = REPO_ROOT / "examples" / "from-print" / "laering-og-fornyelse-2014.txt"
PUBLISHED_CSV = REPO_ROOT / "tests" / "fixtures" / "published" / "laering-og-fornyelse-2014.csv"
PRINTED = REPO_ROOT / "examples" / "printed"
MADE_UP = REPO_ROOT / "tests" / "fixtures" / "published" / "made-up-indicators.yaml"


def _indicators(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for a in document["focus_areas"] for g in a["goals"] for i in g["indicators"]}


def _phase_year(indicator: dict[str, Any]) -> int | None:
    phase = indicator.get("phase_in")
    return phase.get("year") if isinstance(phase, dict) else phase


def _postponed(indicator: dict[str, Any]) -> bool:
    phase = indicator.get("phase_in")
    return isinstance(phase, dict) and bool(phase.get("postponed"))


def _bands(indicator: dict[str, Any]) -> dict[str, str]:
    bands = indicator.get("bands") or {}
    if isinstance(bands, list):
        bands = bands[-1]
    return {s: "\n".join(band_lines(band_cell(v))) for s, v in bands.items() if s != "from"}


def _draft(kpi, folder: Path, source: Path, *more: str) -> Any:
    folder.mkdir(exist_ok=True)
    return kpi("init", str(folder), "--from", str(source), *more)


def _validates_or_points_at_lines(kpi, folder: Path) -> None:
    result = kpi("validate", str(folder / "indicators.yaml"))
    if result.exit_code != 0:
        assert result.exit_code == 2, result.output
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert errors and all(re.match(rf"{re.escape(str(folder))}/indicators\.yaml:\d+:\d+: ", e) for e in errors)


def test_the_seeds_text_gives_the_shipped_definitions_and_results(kpi, tmp_path, assert_ok) -> None:
    result = _draft(kpi, tmp_path / "draft", SEED_TEXT)
    assert_ok(result, 0)
    assert result.stderr == ""  # nothing left to finish
    drafted = yaml.safe_load((tmp_path / "draft" / "indicators.yaml").read_text(encoding="utf-8"))
    shipped = yaml.safe_load(SEED_INDICATORS.read_text(encoding="utf-8"))
    assert [(a["id"], a["name"], a["focus_goal"]) for a in drafted["focus_areas"]] == [
        (a["id"], a["name"], a["focus_goal"]) for a in shipped["focus_areas"]
    ]
    goals = [(g["id"], g["name"]) for a in drafted["focus_areas"] for g in a["goals"]]
    assert goals == [(g["id"], g["name"]) for a in shipped["focus_areas"] for g in a["goals"]]
    got, want = _indicators(drafted), _indicators(shipped)
    assert list(got) == list(want)
    for ident, indicator in want.items():
        assert got[ident]["name"] == indicator["name"]
        assert _bands(got[ident]) == _bands(indicator)
        assert _phase_year(got[ident]) == _phase_year(indicator)
        assert _postponed(got[ident]) == _postponed(indicator)
    assert got["L.2.1"]["unit"] == want["L.2.1"]["unit"]
    results = (tmp_path / "draft" / "results" / "2014.csv").read_text(encoding="utf-8")
    assert results == SEED_RESULTS.read_text(encoding="utf-8")
    assert_ok(kpi("validate", str(tmp_path / "draft" / "indicators.yaml")), 0)


def test_the_seeds_draft_evaluates_as_the_shipped_one(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    shutil.copyfile(SEED_TEXT, tmp_path / "malekart.txt")
    monkeypatch.chdir(tmp_path)
    assert_ok(kpi("init", "--from", "malekart.txt"), 0)
    drafted = kpi("evaluate", "results/2014.csv", "--format", "csv")
    monkeypatch.chdir(REPO_ROOT)
    shipped = kpi("evaluate", "results/2014.csv", "--format", "csv")
    assert [[line.split(";")[n] for n in (0, 6, 8)] for line in drafted.stdout.splitlines()] == [
        [line.split(";")[n] for n in (0, 6, 8)] for line in shipped.stdout.splitlines()
    ]


def test_the_published_csv_table_gives_its_indicators_and_says_what_it_lacks(kpi, tmp_path, assert_ok) -> None:
    result = _draft(kpi, tmp_path / "d", PUBLISHED_CSV)
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [
        f"{PUBLISHED_CSV}:4: warning: focus area L: no name printed above its table [draft-unplaced]"
    ]
    drafted = _indicators(yaml.safe_load((tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")))
    shipped = _indicators(yaml.safe_load(SEED_INDICATORS.read_text(encoding="utf-8")))
    assert [(i, d["name"], _bands(d), _phase_year(d)) for i, d in drafted.items()] == [
        (i, s["name"], _bands(s), _phase_year(s)) for i, s in shipped.items()
    ]
    assert (tmp_path / "d" / "results" / "2014.csv").read_text(encoding="utf-8") == SEED_RESULTS.read_text(
        encoding="utf-8"
    )
    assert_ok(kpi("validate", str(tmp_path / "d" / "indicators.yaml")), 0)


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize(
    ("definitions", "results", "year"),
    [(PRINTED / "indicators.yaml", PRINTED / "results-2015.csv", 2015), (MADE_UP, None, None)],
    ids=["examples-printed", "made-up-fixture"],
)
def test_a_table_made_from_the_fixtures_gives_their_indicators_or_says_which_it_cannot(
    kpi, tmp_path, assert_ok, kind, definitions, results, year
) -> None:
    source = tmp_path / f"malekart.{kind}"  # made up: the tables are made from the made-up fixtures
    WRITERS[kind](source, title_lines(definitions), printed_rows(definitions, results, year))
    result = _draft(kpi, tmp_path / "d", source)
    assert_ok(result, 0)
    warned = result.stderr
    drafted = _indicators(yaml.safe_load((tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")))
    expected = _indicators(yaml.safe_load(definitions.read_text(encoding="utf-8")))
    assert list(drafted) == list(expected)
    for ident, indicator in expected.items():
        said = re.search(rf"{re.escape(str(source))}:\d+: warning: {re.escape(ident)}: ", warned)
        assert drafted[ident]["name"] == indicator["name"] or said, (ident, warned)
        got, want = _bands(drafted[ident]), _bands(indicator)
        if got != want:  # never a band read wrong: left out, and said at its place
            assert got == {s: t for s, t in want.items() if s in got}, ident
            assert said, (ident, warned)
    if kind != "txt":  # cells of their own: only prose bands, and the names no title gives, are left to finish
        unplaced = sorted({line.split(": warning: ")[1].split(":")[0] for line in warned.splitlines()})
        areas = yaml.safe_load(definitions.read_text(encoding="utf-8"))["focus_areas"]
        unnamed = [f"focus area {area['id']}" for area in areas[1:]]  # one title above the table
        assert unplaced == sorted((["S.1.4"] if definitions == PRINTED / "indicators.yaml" else []) + unnamed)
    printed = tmp_path / "d" / "results" / f"{year}.csv"
    if results is not None and (kind != "txt" or printed.exists()):
        got_results = printed.read_text(encoding="utf-8").splitlines()
        want_results = results.read_text(encoding="utf-8").splitlines()
        assert set(got_results[1:]) <= set(want_results[1:])
        if kind != "txt":
            assert got_results == want_results
    _validates_or_points_at_lines(kpi, tmp_path / "d")


def test_the_printed_example_page_gives_the_examples_indicators(kpi, tmp_path, assert_ok) -> None:
    page = PRINTED / "malekart-2015.html"
    rows = printed_rows(PRINTED / "indicators.yaml", PRINTED / "results-2015.csv", 2015)
    made = tmp_path / "page.html"
    WRITERS["html"](made, title_lines(PRINTED / "indicators.yaml"), rows)
    assert page.read_text(encoding="utf-8") == made.read_text(encoding="utf-8")  # the example is this page
    result = _draft(kpi, tmp_path / "d", page)
    assert_ok(result, 0)
    assert [line.split(": warning: ")[1][:31] for line in result.stderr.splitlines()] == [
        "S.1.4: desired: 'Økning' holds ",
        "S.1.4: not_approved: 'Nedgang' ",
        "focus area Ø: no name printed a",
    ]


MADE_UP_TEXT = """\
Mål for fokusområde Oppdiktet
Sentrale utfordringerMåleindikatorerØnsket resultatLaveste aksepterte resultatIkke godkjent resultatResultat 2016
A.1. Et mål. A.1.1. Et navn. 4,5 - 6 4 - 4,4 4,51
A.1.2. Antall elever. 5 elever 3 - 4 elever < 3 elever 6
A.1.3. Andel per 1000 innbyggere 10 8 - 9 < 8 11 12
A.1.4. Innfases 2018 (utsatt)
"""


def test_doubtful_rows_of_text_are_listed_at_their_lines_and_left_to_finish(kpi, tmp_path, write, assert_ok) -> None:
    source = write("oppdiktet.txt", MADE_UP_TEXT)  # made up
    result = _draft(kpi, tmp_path / "d", source)
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [
        f"{source}:3: warning: A.1.1: '4,51' may be the result, not a band: a cell is missing: "
        "'4,5 - 6 4 - 4,4 4,51' [draft-unplaced]",
        f"{source}:4: warning: A.1.2: 1 value for 4 columns: which cell is empty cannot be told: '6' [draft-unplaced]",
        f"{source}:5: warning: A.1.3: 5 values where the header has 4 columns: the name may end in a number or a "
        "cell hold two intervals: '10 8 - 9 < 8 11 12' [draft-unplaced]",
    ]
    text = (tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")
    assert f"# TO FINISH ({source}:3): A.1.1: " not in text  # the comment is under the indicator, without its id
    assert f"            # TO FINISH ({source}:3): '4,51' may be the result, not a band" in text
    drafted = _indicators(yaml.safe_load(text))
    assert [("bands" in i, _phase_year(i)) for i in drafted.values()] == [
        (False, None),
        (False, None),
        (False, None),
        (False, 2018),
    ]
    assert drafted["A.1.4"]["phase_in"] == {"year": 2018, "postponed": True}
    assert not (tmp_path / "d" / "results" / "2016.csv").exists()  # no result placed, no file
    assert_ok(kpi("validate", str(tmp_path / "d" / "indicators.yaml")), 0)


def test_cells_no_column_holds_and_rows_without_an_id_are_listed(kpi, tmp_path, write, assert_ok) -> None:
    page = write(  # made up
        "side.html",
        "<!DOCTYPE html><table>\n<tr><th>Indikator</th><th>Ønsket resultat</th><th>Kommentar</th>"
        "<th>Resultat 2016</th></tr>\n"
        "<tr><td>B.1.1 Oppdiktet</td><td>minst 80 %</td><td>Se note 3</td><td>&gt; 70 %</td></tr>\n"
        "<tr><td>Uten id</td><td>minst 90 %</td><td></td><td>91 %</td></tr>\n</table>\n",
    )
    result = _draft(kpi, tmp_path / "d", page)
    assert_ok(result, 0)
    assert result.stderr.splitlines() == [
        f"{page}:3: warning: B.1.1: result 2016: value '> 70 %' is written with a sign: write the number itself, "
        "without '>' [draft-unplaced]",
        f"{page}:3: warning: B.1.1: column 'Kommentar' is not read: 'Se note 3' [draft-unplaced]",
        f"{page}:3: warning: focus area B: no name printed above its table [draft-unplaced]",
        f"{page}:3: warning: goal B.1: no name printed [draft-unplaced]",
        f"{page}:4: warning: no id at the start of the indicator's cell: 'Uten id | minst 90 % | 91 %'"
        " [draft-unplaced]",
    ]
    text = (tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")
    assert f"# TO FINISH ({page}:4): no id at the start of the indicator's cell: 'Uten id | minst 90 % | 91 %'" in text
    assert _indicators(yaml.safe_load(text))["B.1.1"]["bands"] == {"desired": "minst 80 %"}
    _validates_or_points_at_lines(kpi, tmp_path / "d")


def test_a_draft_that_does_not_load_points_at_its_lines(kpi, tmp_path, write, assert_ok) -> None:
    page = write(  # made up: 'eller bedre' needs a direction the print does not give
        "side.html",
        "<table><tr><th>Indikator</th><th>Ønsket resultat</th><th>Ikke godkjent resultat</th></tr>"
        "<tr><td>C.1.1 Oppdiktet</td><td>3 % eller bedre</td><td>under 1 %</td></tr></table>",
    )
    result = _draft(kpi, tmp_path / "d", page)
    assert_ok(result, 0)
    drafted = tmp_path / "d" / "indicators.yaml"
    lines = drafted.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if "bands:" in text)
    assert f"{drafted}:{line}:" in result.stderr and "[needs-direction]" in result.stderr
    _validates_or_points_at_lines(kpi, tmp_path / "d")


def test_no_scorecard_in_the_file(kpi, tmp_path, write, assert_error) -> None:
    source = write("brev.txt", "Hei,\ndette er et brev uten målekart.\n")  # made up
    assert_error(
        _draft(kpi, tmp_path / "d", source),
        [
            f"{source}: error: no indicator with an id at the start of its cell (L.1.1 Navn ...): "
            "is this a printed scorecard? [no-scorecard]"
        ],
    )
    assert not (tmp_path / "d" / "indicators.yaml").exists()


def test_a_missing_source_and_existing_files(kpi, tmp_path, monkeypatch, write, assert_error) -> None:
    monkeypatch.chdir(tmp_path)
    assert_error(kpi("init", "--from", "borte.txt"), ["borte.txt: error: file not found [unreadable-file]"])
    shutil.copyfile(SEED_TEXT, tmp_path / "malekart.txt")
    write("results/2014.csv", "mine\n")
    message = "error: already exists: kpi init never writes over a file (move it away, or give another DIR)"
    assert_error(kpi("init", "--from", "malekart.txt"), [f"results/2014.csv: {message} [file-exists]"])
    assert not (tmp_path / "indicators.yaml").exists()


def test_word_without_python_docx_says_what_to_install(kpi, tmp_path, monkeypatch, write, assert_error) -> None:
    source = tmp_path / "malekart.docx"
    WRITERS["docx"](source, [], printed_rows(PRINTED / "indicators.yaml", None, None))  # made up
    monkeypatch.setitem(sys.modules, "docx", None)
    message = "reading .docx needs python-docx: pip install 'kpi-cli[word]' (or copy the table's text into a .txt file)"
    assert_error(_draft(kpi, tmp_path / "d", source), [f"{source}: error: {message} [unreadable-file]"])


def test_a_web_pages_cells_spanning_rows_and_columns_stay_in_their_columns(kpi, tmp_path, write, assert_ok) -> None:
    page = write(  # made up: the goal's cell spans its two indicators, one band cell two columns
        "side.html",
        "<h1>Mål for fokusområde Oppdiktet</h1><table>\n"
        "<tr><th>Sentrale utfordringer</th><th>Måleindikatorer</th><th>Ønsket resultat</th>"
        "<th>Ikke godkjent resultat</th><th>Resultat 2016</th></tr>\n"
        '<tr><td rowspan="2">D.1. Et mål</td><td>D.1.1 En</td><td>minst 5</td><td>under 5</td><td>6</td></tr>\n'
        '<tr><td>D.1.2 To</td><td colspan="2">Innfases 2018</td><td>&ndash;</td></tr>\n</table>',
    )
    result = _draft(kpi, tmp_path / "d", page)
    assert_ok(result, 0)
    assert result.stderr == ""
    drafted = yaml.safe_load((tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8"))
    goals = drafted["focus_areas"][0]["goals"]
    assert [(g["id"], g["name"], [i["id"] for i in g["indicators"]]) for g in goals] == [
        ("D.1", "Et mål", ["D.1.1", "D.1.2"])
    ]
    assert _indicators(drafted)["D.1.2"] == {"id": "D.1.2", "name": "To", "phase_in": 2018}
    assert (tmp_path / "d" / "results" / "2016.csv").read_text(encoding="utf-8") == (
        "indikator;år;verdi\nD.1.1;2016;6\nD.1.2;2016;–\n"
    )


def test_files_that_are_no_printed_scorecard_are_refused_at_once(kpi, tmp_path, write, assert_error) -> None:
    from kpi_cli.drafting.documents import MAX_SOURCE_BYTES

    binary = write("bilde.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # made up
    message = "not text: give a .txt, .html, .docx, .xlsx or .csv file"
    assert_error(_draft(kpi, tmp_path / "d", binary), [f"{binary}: error: {message} [unreadable-file]"])
    huge = write("stor.txt", "L.1.1 x 1 - 2\n" * (MAX_SOURCE_BYTES // 14 + 1))  # made up
    message = f"larger than {MAX_SOURCE_BYTES // 1024} KB: no printed scorecard is"
    assert_error(_draft(kpi, tmp_path / "d", huge), [f"{huge}: error: {message} [over-limit]"])
    broken = write("ødelagt.docx", b"PK\x03\x04 not a zip")  # made up
    result = _draft(kpi, tmp_path / "d", broken)
    assert result.exit_code == 2 and result.stderr.startswith(f"{broken}: error: cannot read Word file: ")


def test_a_sheet_other_than_the_first(kpi, tmp_path, assert_ok) -> None:
    import openpyxl

    book = openpyxl.Workbook()  # made up: the scorecard on the second sheet
    assert book.active is not None
    book.active.append(["Forside"])
    sheet = book.create_sheet("Målekart")
    for row in printed_rows(PRINTED / "indicators.yaml", PRINTED / "results-2015.csv", 2015):
        sheet.append(row)
    book.save(tmp_path / "bok.xlsx")
    result = _draft(kpi, tmp_path / "d", tmp_path / "bok.xlsx", "--sheet", "Målekart")
    assert_ok(result, 0)
    assert "S.1.1" in _indicators(yaml.safe_load((tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")))


def test_a_name_ending_in_worded_bands_is_said_at_its_row(kpi, tmp_path, write, assert_ok) -> None:
    """Cells in words (``Økning Uendret Nedgang``) run into the name in text: never silently."""
    source = write(
        "ord.txt",  # made up
        "Mål for fokusområde Oppdiktet\n"
        "MåleindikatorerØnsket resultatLaveste aksepterte resultatIkke godkjent resultat\n"
        "A.1. Et mål. A.1.1. Frivillige lag Økning Uendret Nedgang\n"
        "A.1.2. Antall lag. Økt Nedgang\n"
        "A.1.3. Et navn uten celler\n",
    )
    result = _draft(kpi, tmp_path / "d", source)
    assert_ok(result, 0)
    doubt = "no cells read, but the name ends in words that read like result requirements: cells run into it?"
    assert result.stderr.splitlines() == [
        f"{source}:3: warning: A.1.1: {doubt}: 'Økning Uendret Nedgang' [draft-unplaced]",
        f"{source}:4: warning: A.1.2: {doubt}: 'Økt Nedgang' [draft-unplaced]",
    ]
    text = (tmp_path / "d" / "indicators.yaml").read_text(encoding="utf-8")
    assert f"            # TO FINISH ({source}:3): {doubt}: 'Økning Uendret Nedgang'" in text
    assert_ok(kpi("validate", str(tmp_path / "d" / "indicators.yaml")), 0)
