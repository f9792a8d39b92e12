"""Bounded fuzzing of the band parser and the CSV reader, and the corpus of every crash found.

Each fuzz test has a fixed budget and is derandomised (the same examples every run, no example
database), so CI is reproducible and the file runs in a few seconds. ``KPI_FUZZ_SCALE=50`` (say)
multiplies the budget for a longer hunt; whatever such a hunt finds goes into ``CORPUS`` below as a
literal input, with a comment naming what crashed, so it stays fixed.

What "no crash" means:
- ``notation.parse_band_text`` on any text returns at least one piece or raises BandSyntaxError (the
  one error the definitions loader turns into a located message); every Interval it returns is
  non-empty and reads back from ``format_interval`` unchanged, in either decimal mark.
- ``values.parse_value`` returns a Decimal or None, or raises ValueError.
- ``results.read_results`` on any bytes returns a ResultSet: every row and error located in the
  file, every result read either a row or an error.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED_INDICATORS, cli_runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_robustness import assert_clean_exit, assert_loads_or_reports, assert_read_is_accounted

from kpi_cli.bands.notation import WORDINGS, BandSyntaxError, Relative, format_interval, parse_band_text, parse_piece
from kpi_cli.cli import main
from kpi_cli.model import Interval
from kpi_cli.number_format import format_number
from kpi_cli.results.read import read_results
from kpi_cli.results.values import parse_value

SCALE = max(1, int(os.environ.get("KPI_FUZZ_SCALE", "1")))


def budget(examples: int) -> settings:
    """A fixed number of examples, the same ones every run."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- the band parser ---------------------------------------------------------------------------


def assert_band_parses_or_rejects(text: str) -> None:
    try:
        pieces = parse_band_text(text)
    except BandSyntaxError:
        return
    # Anything but BandSyntaxError escapes the loader (definitions._parsed catches only that).
    assert pieces, f"{text!r} parsed to no interval at all instead of a BandSyntaxError"
    for piece in pieces:
        assert isinstance(piece, Interval | Relative), piece
        if isinstance(piece, Relative):
            continue
        assert not piece.is_empty(), (text, piece)
        for mark in (",", "."):
            written = format_interval(piece, mark)
            assert parse_piece(written) == piece, (text, written, piece)
    intervals = [piece for piece in pieces if isinstance(piece, Interval)]
    if len(intervals) == len(pieces):
        joined = "; ".join(format_interval(piece) for piece in intervals)
        assert parse_band_text(joined) == pieces, (text, joined)


def _number(n: int, places: int, mark: str) -> str:
    return format_number(Decimal(n).scaleb(-places), mark)


numbers = st.one_of(
    st.builds(_number, st.integers(-(10**6), 10**6), st.integers(0, 3), st.sampled_from([",", "."])),
    st.sampled_from(
        ["- 2,30", "−3", "–1", "1 234,5", "1.234,5", "1,234.5", "1\u00a0000", "0", "00,50", ".5", "5.", "1e3", "9" * 40]
    ),
)
units = st.sampled_from(["", "", "%", " %", "%poeng", " %poeng", " poeng", " mill. kr.", " kr", " % reduksjon", "‰"])
words = st.sampled_from(sorted({word for group in WORDINGS.values() for word in group}))
pieces = st.one_of(
    st.tuples(st.sampled_from([">", "<", ">=", "=>", "<=", "=<", "≥", "≤", "=", "", "> ", "<  "]), numbers, units),
    st.tuples(words, st.sampled_from([" ", "", "  "]), numbers, units),
    st.tuples(numbers, units, st.sampled_from([" - ", "-", " – ", "—", " til ", " to ", " -- ", " "]), numbers, units),
    st.tuples(numbers, st.sampled_from([" ", ""]), words),
    st.tuples(
        st.sampled_from(["[", "(", "]"]),
        numbers,
        st.sampled_from([", ", "; ", ",", " "]),
        numbers,
        st.sampled_from(["]", ")", "["]),
    ),
).map("".join)
band_like = st.tuples(
    st.lists(pieces, min_size=1, max_size=3),
    st.sampled_from(["; ", ";", " og ", " and ", ", ", " eller ", " ; "]),
    st.sampled_from(["", " ", "\n", "\u00a0", ";", " og"]),
).map(lambda parts: parts[1].join(parts[0]) + parts[2])


@budget(1500)
@given(st.text(max_size=30))
def test_band_parser_on_any_text(text: str) -> None:
    assert_band_parses_or_rejects(text)


@budget(2000)
@given(band_like)
def test_band_parser_on_band_like_text(text: str) -> None:
    assert_band_parses_or_rejects(text)


@budget(1000)
@given(st.one_of(st.text(max_size=20), numbers, st.tuples(numbers, units).map("".join)))
def test_value_parser_on_any_text(text: str) -> None:
    try:
        value = parse_value(text)
    except ValueError:
        return
    assert value is None or (isinstance(value, Decimal) and value.is_finite())


# --- the CSV reader ----------------------------------------------------------------------------

HEADERS = [
    ["indikator", "år", "verdi"],
    ["indicator", "year", "value", "org_unit"],
    ["id", "periode", "resultat", "tjenesteområde", "n"],
    ["Indikator", "2014", "Resultat 2015"],
    ["kpi", "verdi"],
]
fields = st.one_of(
    st.sampled_from(["L.1.1", "L.2.1", "ideer", "2014", "4,51", "-", "Ikke målt", "", "Oppvekst", "1 234,5"]),
    st.text(max_size=6),
    st.text('"\r\n,;\t ', max_size=4),
)


def _quoted(field: str, how: int) -> str:
    """A field as written: plain, quoted, quoted with its quotes doubled, or with a stray quote."""
    return (field, f'"{field}"', '"' + field.replace('"', '""') + '"', f'"{field}', f'{field}"x')[how]


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    newline = st.sampled_from(["\r\n", "\n", "\r"])
    lines = [draw(st.sampled_from(HEADERS))]
    lines += draw(st.lists(st.lists(st.builds(_quoted, fields, st.integers(0, 4)), max_size=6), max_size=6))
    text = "".join(delimiter.join(line) + draw(newline) for line in lines)
    prefix = draw(st.sampled_from(["", "\ufeff", "\ufeff\ufeff", "\x00"]))
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    data = (prefix + text).encode(encoding, errors="replace")
    if draw(st.booleans()) and data:
        data = data[: draw(st.integers(0, len(data)))]  # cut anywhere, in a quote or a character
    return data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@budget(400)
@given(st.binary(max_size=200))
def test_csv_reader_on_any_bytes(folder: Path, data: bytes) -> None:
    path = folder / "results-2016.csv"
    path.write_bytes(data)
    assert_read_is_accounted(path, data, read_results([path]))


@budget(600)
@given(csv_files(), st.sampled_from([None, ";", ",", "\t"]))
def test_csv_reader_on_csv_like_bytes(folder: Path, data: bytes, delimiter: str | None) -> None:
    path = folder / "results.csv"
    path.write_bytes(data)
    assert_read_is_accounted(path, data, read_results([path], year=2016, delimiter=delimiter))


# --- the regression corpus -----------------------------------------------------------------------
#
# Every input that ever crashed or broke the error contract, as a literal, with what it broke.
# Those marked "Was:" are bugs the fuzzing found, all fixed since; each case keeps them fixed.
# The others guard paths that the fuzzing exercised and that must stay as they are.

SEED_TEXT = SEED_INDICATORS.read_text(encoding="utf-8")
BIG = "1" + "0" * 26  # 10**26: a share or a change of it needs more than Decimal's 28 digits at 0,01

# An indicator with an alias and an org unit's bands, both double-quoted YAML that may hold escapes.
SQL_TEXTS = (
    "scorecard: x\nfocus_areas:\n  - id: A\n    name: a\n    goals:\n      - id: G\n        name: g\n"
    '        indicators:\n          - id: X\n            name: x\n            aliases: ["{alias}"]\n'
    '            org_unit_bands: {{"{unit}": {{desired: "> 5", not_approved: "<= 5"}}}}\n'
)

CORPUS = [
    # Was: RecursionError from PyYAML's composer on deep nesting; `kpi validate` prints a traceback.
    # Now an error at the line where nesting passes 64 levels (kpi_cli.definitions.safe_yaml).
    pytest.param("validate", "[" * 1000, id="yaml-deep-nesting"),
    # Was: a character YAML forbids gives yaml.ReaderError, whose text holds a line break:
    # "invalid YAML: unacceptable character #x0008 ..." and then '  in "<unicode string>", position 0'.
    pytest.param("validate", "\x08", id="yaml-control-character"),
    pytest.param("validate", "scorecard: x\nfocus_areas: []\n\x1f\n", id="yaml-control-character-line-3"),
    # Was: an id holding a line break is accepted, and every message naming it spans two lines.
    pytest.param(
        "validate",
        "scorecard: x\nfocus_areas:\n  - id: L\n    name: A\n    goals:\n      - id: L.1\n        name: G\n"
        '        indicators:\n          - id: "L.1.1\\nX"\n            name: N\n            bands:\n'
        '              desired: "> 5"\n              accepted: "7 - 8"\n',
        id="definitions-id-with-line-break",
    ),
    # Was: decimal.InvalidOperation from compute.py's quantize: a share of 10**26 / 1 (L.2.2).
    pytest.param("evaluate", f"indikator;år;verdi\nideer_valgt;2014;{BIG}\nideer;2014;1\n", id="share-overflow"),
    # Was: the same from a change: ideer from 1 to 10**26 (L.2.1).
    pytest.param("evaluate", f"indikator;år;verdi\nideer;2014;1\nideer;2015;{BIG}\n", id="change-overflow"),
    # Was: a row error names the raw indicator cell, so a quoted cell with a line break splits it.
    pytest.param("evaluate", 'indikator;år;verdi\n"L.1\n1";2014;abc\n', id="indicator-with-line-break"),
    # Was: the "kpi: 1 result fails ..." note names the org unit raw: two lines.
    pytest.param(
        "evaluate", 'indikator;år;tjenesteområde;verdi\nL.1.1;2014;"Linje 1\nlinje 2";1\n', id="org-unit-line-break"
    ),
    # Was: --format json writes `"value":Infinity` (not JSON) for a value beyond a float's range.
    pytest.param("evaluate-json", "indikator;år;verdi\nL.2.2;2014;1" + "0" * 400 + ",5\n", id="json-infinity"),
    # Was: --format json: ValueError "Exceeds the limit (4300 digits) for integer string conversion".
    pytest.param("evaluate-json", "indikator;år;verdi\nL.2.2;2014;1" + "0" * 5000 + "\n", id="json-huge-integer"),
    # Was: a band of only separators parses to no interval: `desired: ";"` silently means no band.
    pytest.param("band", ";", id="band-only-separator"),
    pytest.param("band", " ; ; ", id="band-only-separators"),
    # Guards: the reader on NULs, lone CRs, cut quotes, BOMs and encodings.
    pytest.param("evaluate", b"\x00" * 8, id="nuls"),
    pytest.param("evaluate", b"indikator;\x00r;verdi\r\nL.1.1;2014;4,5", id="nul-in-header"),
    pytest.param("evaluate", b"indikator;\xe5r;verdi\rL.1.1;2014;4,5\r", id="cp1252-lone-cr"),
    pytest.param("evaluate", b'indikator;\xc3\xa5r;verdi\n"L.1.1;2014;4,5\n', id="unterminated-quote"),
    pytest.param("evaluate", b"\xff\xfei\x00d\x00;\x00\n", id="utf16-odd"),
    pytest.param("evaluate", b"\xef\xbb\xbf\xef\xbb\xbfindikator,verdi\nL.1.1,4,51\n", id="two-boms-comma-decimal"),
    pytest.param("evaluate", "id;2014;2015\nL.1.1;4,5;-\n;;\n\n", id="wide"),
    pytest.param("band", "(4,9, 5]; > 5", id="band-bracket-and-ray"),
    pytest.param("band", "- 2,30 til -1", id="band-minus-space"),
    pytest.param("definitions", SEED_TEXT.replace('"4,5 - 6"', '"6 - 4,5"'), id="seed-empty-band"),
    pytest.param("definitions", SEED_TEXT.replace("scale: [1, 6]", "scale: [6, 1]"), id="seed-reversed-scale"),
    pytest.param("definitions", "a: &x [*x]\n", id="yaml-recursive-alias"),
    # Issue 16, each fixed: the attacks that failed, as small literal inputs.
    pytest.param(
        "validate",
        "scorecard: B\ni: &i {id: X, name: N}\nil: &il [" + ", ".join(["*i"] * 60) + "]\n"
        "g: &g {id: G, name: G, indicators: *il}\ngl: &gl [" + ", ".join(["*g"] * 60) + "]\n"
        "a: &a {id: A, name: A, goals: *gl}\nfocus_areas: [" + ", ".join(["*a"] * 60) + "]\n",
        id="yaml-alias-bomb",
    ),
    pytest.param("validate", b"scorecard: x\x00\n", id="yaml-nul"),
    pytest.param("validate", b"scorecard: B\xf8\n", id="yaml-not-utf8"),
    pytest.param("validate", "scorecard: \x1b[2J\x1b]0;title\x07\n", id="yaml-escape-sequences"),
    pytest.param("evaluate", "indikator;år;verdi\nideer;2014;1,2e3\nideer;2015;1,3e3\n", id="scientific-notation"),
    pytest.param("evaluate", "indikator;verdi\nL.1.1;1O\nL.1.2;0x10\nL.2.1;3e1\n", id="letters-glued-to-numbers"),
    pytest.param(
        "evaluate",
        "indikator;år;enhet;verdi\nL.1.1;2015;Bø;4,5\n".encode() + b"L.1.2;2015;B\xf8;4\n",
        id="stray-cp1252",
    ),
    pytest.param("evaluate", "indikator;a\u030ar;verdi\nL.1.1;2015;4,5\n", id="nfd-header"),
    pytest.param("evaluate", b"", id="empty-file"),
    pytest.param("evaluate", "indikator;verdi\n", id="header-only"),
    pytest.param("evaluate", "indikator;enhet;verdi\nL.1.1;\x1b[2J\x1b]8;;x\x1b\\;1\n", id="org-unit-escapes"),
    pytest.param("evaluate", b"indikator;verdi\nL.1.1;" + b"9" * (1 << 20), id="line-beyond-limit"),
    # Issue 22, each fixed: a NUL in an alias passed `kpi validate`, and `kpi sql | sqlite3` then ran
    # the `.shell` line of a later alias; an ESC was stripped by click when piped. Now refused at the line.
    pytest.param("refused", SQL_TEXTS.format(alias="a\\0", unit="U"), id="sql-alias-nul"),
    pytest.param("refused", SQL_TEXTS.format(alias="a\\0\\n.shell touch x", unit="U"), id="sql-alias-shell"),
    pytest.param("refused", SQL_TEXTS.format(alias="c\\e[31md", unit="U"), id="sql-alias-esc"),
    pytest.param("refused", SQL_TEXTS.format(alias="a", unit="U\\0\\\\! touch x"), id="sql-org-unit-psql"),
    # Issue 22: the streamed DuckDB path read these otherwise than the Python reader (exit 0 against 1 or 2).
    *(
        pytest.param(
            "engines", f"{mark};;\nindikator;år;verdi\nL.1.1;2014;3\nL.1.2;2014;5\n", id=f"break-{ord(mark):x}"
        )
        for mark in ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
    ),
    pytest.param("engines", "indikator;år;verdi\nL.1.1;2014;5\n#x\nL.1.2;2014;3\n", id="hash-line"),
    pytest.param("engines", "indikator;år;verdi\nL.1.1;2014;3,9999999999999999999\n", id="long-decimals"),
    pytest.param(
        "engines", "indikator;år;verdi;kommentar\nL.1.1;2014;5;" + "k" * (1 << 17 | 1) + "\n", id="long-field"
    ),
]


# A minimal workbook, written out so that its damage reads as a literal.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
WORKBOOK_MEMBERS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPES}.worksheet+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET = (
    f'<worksheet xmlns="{_MAIN}"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>indikator</t></is></c><c r="B1" t="inlineStr"><is><t>år</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>verdi</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>L.1.1</t></is></c>'
    '<c r="B2"><v>2014</v></c><c r="C2"><v>4.51</v></c></row>'
    "</sheetData></worksheet>"
)


def workbook(sheet: str | None) -> bytes:
    """The minimal workbook with ``sheet`` as its worksheet's XML (None: no worksheet member)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        for name, text in WORKBOOK_MEMBERS.items():
            book.writestr(name, text)
        if sheet is not None:
            book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


XLSX_CORPUS = [
    pytest.param(SHEET, id="xlsx-intact"),  # guard: the workbook itself reads (one row)
    # Was: xml.etree.ElementTree.ParseError: the sheet opens, then breaks while its rows are read
    # (read_results wraps only load_workbook's exceptions; openpyxl also raised TypeError there).
    pytest.param(SHEET.removesuffix("</worksheet>"), id="xlsx-sheet-cut-short"),
    # Was: IndexError at book.worksheets[0]: a workbook whose only sheet is missing opens with none.
    pytest.param(None, id="xlsx-no-worksheet"),
    # Issue 16: a declared dimension of every cell (minutes when trusted), a formula saved without a value.
    pytest.param(SHEET.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>'), id="xlsx-huge-dimension"),
    pytest.param(SHEET.replace('<c r="C2"><v>4.51</v></c>', '<c r="C2"><f>A1*2</f></c>'), id="xlsx-formula-no-value"),
]


@pytest.mark.parametrize("sheet", XLSX_CORPUS)
def test_regression_corpus_xlsx(tmp_path: Path, sheet: str | None) -> None:
    path = tmp_path / "2014.xlsx"
    data = workbook(sheet)
    path.write_bytes(data)
    read = read_results([path])
    assert_read_is_accounted(path, data, read)
    if sheet is not None and sheet.endswith("</worksheet>") and "<f>" not in sheet:
        assert [(row.indicator, row.year, row.value) for row in read.rows] == [("L.1.1", 2014, Decimal("4.51"))]
    result = cli_runner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS)])
    assert_clean_exit(result, (0, 1, 2), [str(path), str(SEED_INDICATORS)])


@pytest.mark.parametrize(("kind", "content"), CORPUS)
def test_regression_corpus(tmp_path: Path, kind: str, content: str | bytes) -> None:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if kind == "band":
        assert isinstance(content, str)
        assert_band_parses_or_rejects(content)
    elif kind == "definitions":
        assert isinstance(content, str)
        assert_loads_or_reports(content)
    elif kind in ("validate", "refused"):
        path = tmp_path / "indicators.yaml"
        path.write_bytes(data)
        result = cli_runner().invoke(main, ["validate", str(path)])
        assert_clean_exit(result, (0, 2) if kind == "validate" else (2,), [str(path)])
    elif kind == "engines":  # both engines: the same bytes, lines and exit code
        path = tmp_path / "2014.csv"
        path.write_bytes(data)
        args = ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), "--format", "json"]
        python, duckdb = (cli_runner().invoke(main, [*args, "--engine", engine]) for engine in ("python", "duckdb"))
        assert_clean_exit(python, (0, 1, 2), [str(path), str(SEED_INDICATORS)])
        assert (duckdb.exit_code, duckdb.stdout, duckdb.stderr) == (python.exit_code, python.stdout, python.stderr)
    else:
        path = tmp_path / "2014.csv"
        path.write_bytes(data)
        assert_read_is_accounted(path, data, read_results([path]))
        extra: Sequence[str] = ["--format", "json"] if kind == "evaluate-json" else []
        result = cli_runner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), *extra])
        assert_clean_exit(result, (0, 1, 2), [str(path), str(SEED_INDICATORS)], json_stdout=bool(extra))
