"""The streamed DuckDB path (kpi_cli/sql/stream.py, result_rows.py): the same bytes as the report
path on generated scorecards and files, and the report path whenever it cannot say the same
(README: "Large inputs: the DuckDB engine")."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import json_schema
import pytest
from hypothesis import HealthCheck, assume, given
from hypothesis import strategies as st
from made_up import made_up_card
from sql_scorecards import Case, bounded, cases

pytest.importorskip("duckdb")
pytest.importorskip("sqlglot")

from kpi_cli.errors import KpiError
from kpi_cli.model import FocusArea, Goal, Scorecard
from kpi_cli.number_format import format_number
from kpi_cli.rating.evaluate import evaluate_results
from kpi_cli.render import Kind, RenderOptions, render_report
from kpi_cli.results.read import read_results
from kpi_cli.sql.plain_rows import EXPONENT_WHY
from kpi_cli.sql.stream import Streamed, _one_line_rows, evaluate_streamed, why_not
from kpi_cli.view import Gate, build

BOUNDED = bounded(80, list(HealthCheck))
GATES = st.builds(Gate, st.sampled_from(["not_approved", "accepted", "never"]), st.booleans(), st.booleans())


def streamable(case: Case) -> Case:
    """The case without what only the report path writes: computed indicators, rate: change, min_base."""
    kept = tuple(
        dataclasses.replace(item, min_base=None, rate_change=False)
        for item in case.scorecard.indicators()
        if item.compute is None
    )
    area = FocusArea("X", "Område", goals=(Goal("X.1", "Mål", kept),))
    return dataclasses.replace(case, scorecard=dataclasses.replace(case.scorecard, focus_areas=(area,)))


# Made-up comments: plain, with the output's comma (quoted in an English CSV), and formula starts
# a spreadsheet would run (written with an apostrophe before them); empty ones too.
COMMENTS = ("merknad (oppdiktet)", "", "ny metode, ny skala", "-2 fra i fjor", "=SUM(A1)", "", "@alle", "+3")


def write_csv(case: Case, path: Path, comments: bool) -> None:
    """The rows as a municipality's CSV: semicolons, decimal commas, one line each."""
    lines = ["indikator;år;enhet;verdi;n" + (";kommentar" if comments else "")]
    for number, row in enumerate(case.rows):
        value = "" if row.value is None else format_number(row.value, ",")
        base = "" if row.base is None else format_number(row.base, ",")
        comment = f";{COMMENTS[number % len(COMMENTS)]}" if comments else ""
        lines.append(f"{row.indicator};{row.year};{row.org_unit or ''};{value};{base}{comment}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report_path(scorecard: Scorecard, path: Path, year: int, gate: Gate, fmt: str, options: RenderOptions) -> bytes:
    read = read_results([str(path)], year=year)
    report = evaluate_results(scorecard, read, year, strict=False)
    if read.errors or report.errors:
        raise KpiError("the report path found errors")
    view = build(report, gate, definitions="indicators.yaml")
    output = render_report(fmt, Kind.EVALUATION, view, options)
    return (output if isinstance(output, str) else "".join(output)).encode("utf-8")


def streamed(
    scorecard: Scorecard, path: Path, year: int, gate: Gate, fmt: str, options: RenderOptions | None = None
) -> Streamed | str:
    return evaluate_streamed(
        scorecard, [str(path)], year=year, gate=gate, definitions="indicators.yaml", fmt=fmt, options=options
    )


OPTIONS = st.builds(
    RenderOptions,
    lang=st.sampled_from(["nb", "en", "nn", "sv"]),
    pretty=st.just(False),
    to_file=st.booleans(),
    delimiter=st.sampled_from([None, ",", ";", "\t"]),
)


@BOUNDED
@given(cases(), GATES, st.sampled_from(["json", "jsonl", "csv"]), st.booleans(), OPTIONS)
def test_the_stream_writes_the_report_paths_bytes(
    case: Case, gate: Gate, fmt: str, comments: bool, options: RenderOptions
) -> None:
    case = streamable(case)
    assume(case.rows)  # an empty file is an error either way (no-results)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resultater.csv"
        write_csv(case, path, comments)
        outcome = streamed(case.scorecard, path, case.year, gate, fmt, options)
        try:
            expected = report_path(case.scorecard, path, case.year, gate, fmt, options)
        except KpiError:  # an error in the rows: the stream must leave them to the Python reader
            assert isinstance(outcome, str)
            return
        if outcome == EXPONENT_WHY:  # 0,000076: Python writes 7.6e-05, DuckDB 0.000076; the report path writes it
            assert any(v is not None and v != 0 and abs(v) < 1 for v in (row.value for row in case.rows)), case.rows
            return
        assert not isinstance(outcome, str), outcome
        try:
            assert b"".join(outcome.chunks()) == expected
        finally:
            outcome.close()
        if fmt != "csv":  # every generated scorecard's JSON follows the schema shipped in the package
            json_schema.check_text(expected.decode("utf-8"), "evaluate", fmt)


@pytest.mark.parametrize(
    ("content", "one_line"),
    [
        (b"a;b\nx;1\n", True),
        (b"a;b\r\nx;1\r\n", True),
        (b"a;b\nx;1", True),
        (b'a;b\n"x";1\n', False),  # a quote may hold a line break: the Python reader counts lines
        (b"a;b\n\nx;1\n", False),  # DuckDB skips a blank line the Python reader counts
        (b"a;b\r\n\r\nx;1\r\n", False),
        (b"\na;b\nx;1\n", False),
        (b"a;b\rx;1\r", False),  # a lone carriage return ends a line for Python's csv
        (b"a;b\nx;1\r", False),
    ],
)
def test_rows_are_one_line_each_only_without_quotes_blank_lines_or_lone_returns(
    tmp_path: Path, content: bytes, one_line: bool
) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    assert _one_line_rows(str(path)) is one_line


def test_a_carriage_return_at_a_chunk_boundary_is_not_lone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_cli.sql import stream

    monkeypatch.setattr(stream, "CHUNK", 1)  # chunks of 16 bytes: the \r ends the first one
    path = tmp_path / "r.csv"
    path.write_bytes(b"indikator;verdi\r\nL.1.1;4,51\r\n")
    assert _one_line_rows(str(path)) is True


def test_what_the_stream_leaves_to_the_report_is_named(tmp_path: Path) -> None:
    from kpi_cli.definitions.load import load_definitions

    seed = load_definitions("indicators.yaml") if Path("indicators.yaml").exists() else None
    csv_path = tmp_path / "2014.csv"
    csv_path.write_text("indikator;verdi\nL.1.1;4,51\n", encoding="utf-8")
    assert seed is not None
    assert why_not(seed, [str(csv_path)], "table") == "--format table is written from the report"
    assert why_not(seed, [str(csv_path)], "json") == "L.2.1 has compute: change, which only the report path writes"


def test_results_are_json_with_the_values_as_written(tmp_path: Path) -> None:
    # Made up: two years of one indicator, so the later one has a change.
    from kpi_cli.model import Band, Indicator, Interval, Status

    bands = (
        Band(Status.DESIRED, "4,5 - 6", (Interval(Decimal("4.5"), Decimal(6)),)),
        Band(Status.ACCEPTED, "4 - 4,4", (Interval(Decimal(4), Decimal("4.4")),)),
        Band(Status.NOT_APPROVED, "1 - 3,9", (Interval(Decimal(1), Decimal("3.9")),)),
    )
    item = Indicator("L.1.1", "Opplevelse (oppdiktet)", bands=bands, goal_id="L.1", focus_area_id="L")
    scorecard = Scorecard(
        "Målekart (oppdiktet)", focus_areas=(FocusArea("L", "L", goals=(Goal("L.1", "L.1", (item,)),)),)
    )
    path = tmp_path / "r.csv"
    path.write_text("indikator;år;verdi;kommentar\nL.1.1;2014;4,50;ny metode\nL.1.1;2015;3,9;\n", encoding="utf-8")
    outcome = streamed(scorecard, path, 2015, Gate(), "jsonl")
    assert not isinstance(outcome, str), outcome
    first, second = (json.loads(line) for line in b"".join(outcome.chunks()).splitlines())
    outcome.close()
    assert (first["value"], first["value_text"], first["reason"], first["comment"]) == (
        4.5,
        "4,50",
        "4.50 lies in 4.5 - 6",
        "ny metode",
    )
    assert first["source"] == {"path": str(path), "line": 2}
    assert second["status"] == "not_approved"
    assert second["change"] == {
        "previous_year": 2014,
        "previous_value": 4.5,
        "previous_status": "desired",
        "delta": -0.6,
        "better": None,
    }
    assert (second["regression"], second["failing"]) == (True, True)


# Issue 22: what the stream once read otherwise than the Python reader. A line before the header
# holding a line break only str.splitlines() knows, a line starting with #, a value with more
# decimals than DECIMAL(38, 15) keeps, a field beyond the 128 Ki limit: each is drawn into a file.
OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
ODD_HEADS = (*(f"{mark};;" for mark in OTHER_BREAKS), "# made up", "#;;")


def odd_file(text: str, draw: st.DrawFn) -> str:
    """``text`` (a header and rows) with one odd thing drawn into it."""
    lines = text.split("\n")
    kind = draw(st.sampled_from(["head", "hash", "decimals", "field", "break-in-row"]))
    at = draw(st.integers(1, max(1, len(lines) - 2)))
    if kind == "head":
        lines.insert(0, draw(st.sampled_from(ODD_HEADS)))
    elif kind == "hash":
        lines.insert(at, draw(st.sampled_from(["#", "# note", "#X.0;2020;;1;;", "  # x"])))
    elif kind == "decimals":
        cells = lines[at].split(";")
        cells[3] = draw(
            st.sampled_from(
                [
                    *("3,9999999999999999999", "4,00000000000000001", "0,1234567890123456", "4,50000000000000000000"),
                    *("1.234", "4,510", "12.500 %", "-7,250"),  # two ways: decimals or thousands (results/marks.py)
                ]
            )
        )
        lines[at] = ";".join(cells)
    elif kind == "field":
        cells = lines[at].split(";")
        cells[2] = "u" * draw(st.sampled_from([(1 << 17) - 1, (1 << 17) + 1]))
        lines[at] = ";".join(cells)
    else:
        cells = lines[at].split(";")
        cells[2] = "a" + draw(st.sampled_from(OTHER_BREAKS)) + "b"
        lines[at] = ";".join(cells)
    return "\n".join(lines)


@bounded(60, list(HealthCheck))
@given(cases(), GATES, st.sampled_from(["json", "csv"]), st.data())
def test_the_stream_agrees_on_odd_lines_long_decimals_and_long_fields(
    case: Case, gate: Gate, fmt: str, data: st.DataObject
) -> None:
    case = streamable(case)
    assume(case.rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resultater.csv"
        write_csv(case, path, comments=False)
        path.write_text(odd_file(path.read_text(encoding="utf-8"), data.draw), encoding="utf-8")
        outcome = streamed(case.scorecard, path, case.year, gate, fmt)
        try:
            expected = report_path(case.scorecard, path, case.year, gate, fmt, RenderOptions())
        except KpiError:  # an error in the rows (or the file): the stream must leave it to the Python reader
            assert isinstance(outcome, str)
            return
        if isinstance(outcome, str):  # left to the report path, which then writes ``expected``
            return
        try:
            assert b"".join(outcome.chunks()) == expected
        finally:
            outcome.close()


@pytest.mark.parametrize("mark", OTHER_BREAKS)
def test_a_break_before_the_header_sends_the_file_to_the_python_reader(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"{mark};;\nindikator;år;verdi\nL.1.1;2014;4,5\n", encoding="utf-8")
    assert _one_line_rows(str(path)) is False


ODD_DEFINITIONS = """scorecard: made up
focus_areas:
  - id: A
    name: a
    goals:
      - id: G
        name: g
        indicators:
          - id: X.1
            name: x
            bands: {desired: "> 5", accepted: "(3, 5]", not_approved: "<= 3"}
"""
ODD_FILES = [
    pytest.param(f"{mark};;\n" + "indikator;år;enhet;verdi\nX.1;2014;a;2\nX.1;2014;b;6\n", id=f"break-{ord(mark):x}")
    for mark in OTHER_BREAKS
] + [
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;6\n#x\nX.1;2014;b;2\n", id="hash-line"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;6\n#X.1;2014;b;6\n", id="hash-row"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;6\nX.1;2014;b;2 # x\n", id="hash-in-value"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;3,0000000000000000001\n", id="long-decimals"),
    # numbers Python writes with an exponent: a value, and a change from the year before (issue 23's merge)
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;0,000076\n", id="tiny-value"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2013;a;4,00015\nX.1;2014;a;4,0001\n", id="tiny-change"),
    # four decimals at most: no change below 0.0001, so the stream writes it without looking for one
    pytest.param("indikator;år;enhet;verdi\nX.1;2013;a;4\nX.1;2014;a;4,0001\nX.1;2014;b;-0,0001\n", id="change-0.0001"),
    pytest.param("indikator;år;enhet;verdi;kommentar\nX.1;2014;a;6;" + "k" * (1 << 17 | 1) + "\n", id="long-field"),
    # a number that reads two ways, decimals or thousands: settled by the file's other decimals, or an error
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;4,5\nX.1;2014;b;1.234\n", id="two-ways-unsettled"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;4.5\nX.1;2014;b;4.510\n", id="two-ways-settled"),
    pytest.param("indikator;år;enhet;verdi\nX.1;2014;a;12.500\n", id="two-ways-alone"),
]


@pytest.mark.parametrize("text", ODD_FILES)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_both_engines_say_the_same_of_odd_files(kpi, tmp_path: Path, text: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(ODD_DEFINITIONS, encoding="utf-8")
    path = tmp_path / "2014.csv"
    path.write_text(text, encoding="utf-8")
    args = ("evaluate", str(path), "--indicators", str(definitions), "--format", fmt)
    python, duckdb = kpi(*args, "--engine", "python"), kpi(*args, "--engine", "duckdb")
    assert python.exit_code in (0, 1, 2)
    assert "Traceback" not in python.stderr
    assert (duckdb.exit_code, duckdb.stdout_bytes, duckdb.stderr) == (
        python.exit_code,
        python.stdout_bytes,
        python.stderr,
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_target_that_starts_later_or_ends_is_noted_by_the_stream_as_by_the_report(tmp_path: Path, fmt: str) -> None:
    # Made up: A.1.1's target starts in 2016, A.1.2's ends then (issue 21).
    from kpi_cli.definitions.load import parse_definitions

    card = parse_definitions(
        made_up_card("""\
        - {id: A.1.1, name: Later, target: [{from: 2016, target: "> 5"}]}
        - {id: A.1.2, name: Ended, target: [{from: 2014, target: "> 5"}, {from: 2016, target: null}]}
        """)
    )
    path = tmp_path / "r.csv"
    path.write_text("indikator;år;verdi\nA.1.1;2015;6\nA.1.2;2015;6\nA.1.1;2016;6\nA.1.2;2016;6\n", encoding="utf-8")
    gate, options = Gate("not_approved", False, False), RenderOptions(lang="nb", pretty=False)
    outcome = streamed(card, path, 2016, gate, fmt, options)
    assert not isinstance(outcome, str), outcome
    try:
        written = b"".join(outcome.chunks())
    finally:
        outcome.close()
    assert written == report_path(card, path, 2016, gate, fmt, options)
    words = (
        ("no target before 2016", "no target from 2016")
        if fmt == "json"
        else ("ikke noe mål før 2016", "ikke noe mål fra 2016")
    )
    assert all(word.encode() in written for word in words)
