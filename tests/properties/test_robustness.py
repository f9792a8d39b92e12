"""Robustness properties beyond the band rules (README: "Results files", "Exit codes"; ARCHITECTURE.md).

- Round trips: every results file the tool writes reads back with ``read_results`` to the same
  (indicator, year, org unit, value): the CSV renderer (``kpi evaluate --format csv``, nb, en and
  other separators) and ``kpi template`` once filled in (CSV and .xlsx).
- The reader given any bytes returns a ResultSet whose every error is located (a path, and a line
  in a text file), and ``kpi evaluate`` on those bytes exits 0, 1 or 2 with one
  ``path[:line[:col]]: error|warning: ...`` line per problem (or a ``kpi: ...`` note), never a
  traceback.
- The definitions loader given any YAML returns a Scorecard or raises KpiError whose every error
  has a path, and ``kpi validate`` exits 0 or 2, never with a traceback.

What "the same values" means for org units. CSV written for a spreadsheet neutralises a text cell
that Excel would run as a formula (starting with ``=``, ``+``, ``-``, ``@`` or their full-width
forms) with one leading apostrophe, and the reader keeps a cell as it is written. So an org unit
named ``=Bydel`` reads back as ``'=Bydel``: that apostrophe is the documented, visible escape and the
only difference allowed (``read_back_org_unit`` below). Indicator ids, years and values round trip
exactly: a value compares as written, trailing zeros included (``4,50`` stays ``4.50``), except in
.xlsx, where a number cell is a float and compares by value. Org unit names are generated as the
reader returns them: stripped of surrounding whitespace and never empty (an empty cell is the
whole municipality).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import traceback
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import Result
from conftest import SEED_INDICATORS, cli_runner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kpi_cli.cli import main
from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.errors import KpiError
from kpi_cli.model import Location, Scorecard
from kpi_cli.number_format import format_number
from kpi_cli.rating.checks import gap_warnings
from kpi_cli.rating.evaluate import evaluate
from kpi_cli.render import FORMATS, RenderOptions, csv_output
from kpi_cli.render.template_files import xlsx_bytes
from kpi_cli.report import ResultRow
from kpi_cli.results.columns import COLUMN_NAMES
from kpi_cli.results.read import ResultSet, read_results
from kpi_cli.results.template import template_rows
from kpi_cli.view import build

# Each property runs a few dozen examples, so the file stays well under 20 s; KPI_FUZZ_SCALE=10
# (say) multiplies every budget for a longer hunt on a developer's machine or a nightly job.
SCALE = max(1, int(os.environ.get("KPI_FUZZ_SCALE", "1")))
ROUND_TRIP = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_INPUT = settings(
    max_examples=120 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# A whole `kpi` run per example makes shrinking a failure take minutes: report it as found (the
# regression corpus in test_fuzz.py keeps the minimal form of every failure found so far).
CLI_INPUT = settings(ANY_INPUT, max_examples=60 * SCALE, phases=[Phase.explicit, Phase.reuse, Phase.generate])
XLSX = settings(ROUND_TRIP, max_examples=15 * SCALE)

RUNNER = cli_runner()
SEED_TEXT = SEED_INDICATORS.read_text(encoding="utf-8")
SEED_DATA = yaml.safe_load(SEED_TEXT)
SEED = load_definitions(SEED_INDICATORS)
SEED_DIRECT = ["L.1.1", "L.1.2"]  # measured directly, on the 1-6 scale
SEED_ALL = ["L.1.1", "L.1.2", "L.2.1", "L.2.2", "L.2.3"]


def _wide_definitions() -> str:
    """The seed with no scale and bands covering every number, so any value (negative too) is rated."""
    data = copy.deepcopy(SEED_DATA)
    for area in data["focus_areas"]:
        for goal in area["goals"]:
            for indicator in goal["indicators"]:
                indicator.pop("scale", None)
                if "bands" in indicator:
                    indicator["bands"] = {"desired": ">= 4,5", "accepted": "[4, 4,5)", "not_approved": "< 4"}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


WIDE_TEXT = _wide_definitions()
WIDE = parse_definitions(WIDE_TEXT, "wide.yaml")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the files of one example at a time (hypothesis re-runs a test many times)."""
    folder = tmp_path_factory.mktemp("robustness")
    (folder / "wide.yaml").write_text(WIDE_TEXT, encoding="utf-8")
    return folder


# --- what a read-back value and org unit must be ------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def read_back_org_unit(name: str | None) -> str | None:
    """The org unit as read back from a file the tool wrote: one apostrophe before a formula start."""
    if name is None:
        return None
    return "'" + name if name.startswith(FORMULA_STARTS) else name


def exact(value: Decimal) -> str:
    """A value as written, trailing zeros kept; -0 and 0 are the same number."""
    return format_number(value, ".")


# --- strategies -----------------------------------------------------------------------------------

NAMED_ORG_UNITS = [
    "Oppvekst",
    "Helse og omsorg",
    "Bydel Ås; Vest",
    "Eiendom, drift",
    'Skolen "Øst"',
    "'Sitat",
    "=SUM(A1:A3)",
    "=1+1",
    "+47 Servicetorg",
    "-Fellestjenester",
    "@Innbyggere",
    "\uff1dHMS",
    "Æ",
    "Tjenesteområde\tnord",
    "Linje 1\nlinje 2",
]
ORG_CHARS = "abzÆØÅæøå09 ;,\"'=+-@\t\n\r|\uff1d\uff20"
org_unit_names = st.one_of(
    st.sampled_from(NAMED_ORG_UNITS),
    st.text(ORG_CHARS, min_size=1, max_size=10).map(str.strip).filter(bool),
)
# `kpi template --org-units A,B` splits at commas, so a template's names hold none.
template_org_units = org_unit_names.filter(lambda name: "," not in name)
# .xlsx is XML, which turns a carriage return in a cell into a line feed: not a name it can keep.
xlsx_org_units = template_org_units.filter(lambda name: "\r" not in name)


def _decimal(n: int, places: int) -> Decimal:
    return Decimal(n).scaleb(-places)


# Any value with 0-3 decimals, negative too, up to ten billion either way.
any_values = st.builds(_decimal, st.integers(-(10**10), 10**10), st.integers(0, 3))
# A value on the seed's 1-6 scale, with 0-3 decimals.
scale_values = st.integers(0, 3).flatmap(
    lambda places: st.integers(10**places, 6 * 10**places).map(lambda n: _decimal(n, places))
)


def _told_apart(keys: list[tuple[str, int, str | None]]) -> bool:
    """Whether the org units stay apart as written back: "=X" is written "'=X", so an org unit
    named "'=X" as well would be the same org unit in the file (read_back_org_unit)."""
    names = {org_unit for _, _, org_unit in keys}
    return len(names) == len({read_back_org_unit(name) for name in names})


@st.composite
def result_sets(
    draw: st.DrawFn, ids: Sequence[str], values: st.SearchStrategy[Decimal]
) -> list[tuple[str, int, str | None, Decimal]]:
    """Scorecard-shaped results: unique (indicator, year, org unit) keys, each with a value."""
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.integers(2010, 2030), st.none() | org_unit_names),
            min_size=1,
            max_size=12,
            unique=True,
        ).filter(_told_apart)
    )
    return [(indicator, year, org_unit, draw(values)) for indicator, year, org_unit in keys]


CASES = {"seed": (SEED, SEED_DIRECT, scale_values), "wide": (WIDE, SEED_ALL, any_values)}
# (--lang, --output-delimiter): the Norwegian and English defaults and the other separators.
DIALECTS = [("nb", None), ("en", None), ("nb", "\t"), ("en", "\t"), ("nb", ","), ("en", ";")]


def expected_read_back(
    results: Sequence[tuple[str, int, str | None, Decimal]],
) -> set[tuple[str, int, str | None, str]]:
    return {(indicator, year, read_back_org_unit(org), exact(value)) for indicator, year, org, value in results}


def with_values(read: ResultSet) -> set[tuple[str, int, str | None, str]]:
    return {(row.indicator, row.year, row.org_unit, exact(row.value)) for row in read.rows if row.value is not None}


def assert_read_back(read: ResultSet, results: Sequence[tuple[str, int, str | None, Decimal]]) -> None:
    assert read.errors == [], [error.format() for error in read.errors]
    assert with_values(read) == expected_read_back(results)
    # A result the input did not give is written without a value (missing, not phased in ...).
    given_keys = {(indicator, year, read_back_org_unit(org)) for indicator, year, org, _ in results}
    for row in read.rows:
        if row.value is None:
            assert (row.indicator, row.year, row.org_unit) not in given_keys, row


# --- round trip: the CSV renderer ------------------------------------------------------------------


@ROUND_TRIP
@given(st.data(), st.sampled_from(sorted(CASES)), st.sampled_from(DIALECTS), st.booleans())
def test_csv_renderer_output_reads_back_to_the_same_values(
    workspace: Path, data: st.DataObject, case: str, dialect: tuple[str, str | None], to_file: bool
) -> None:
    scorecard, ids, values = CASES[case]
    results = data.draw(result_sets(ids, values), label="results")
    rows = [
        ResultRow(indicator, year, value, org_unit, format_number(value), Location("input.csv", line))
        for line, (indicator, year, org_unit, value) in enumerate(results, start=2)
    ]
    report = evaluate(scorecard, rows, max(year for _, year, _, _ in results))
    lang, delimiter = dialect
    options = RenderOptions(lang=lang, delimiter=delimiter, to_file=to_file)
    text = csv_output.evaluation(build(report), options)
    path = workspace / "report.csv"
    path.write_bytes(text.encode("utf-8"))

    read = read_results([path])
    assert read.logs[0].delimiter == csv_output.dialect(options)[0]
    assert_read_back(read, results)
    assert len(read.rows) == len(report.results) + len(report.history)


def write_input(path: Path, results: Sequence[tuple[str, int, str | None, Decimal]]) -> None:
    """A results file as Norwegian Excel saves it: semicolons, decimal commas, a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["indikator", "år", "tjenesteområde", "verdi"])
    for indicator, year, org_unit, value in results:
        writer.writerow([indicator, year, org_unit or "", format_number(value, ",")])
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))


@ROUND_TRIP
@given(st.data(), st.sampled_from(sorted(CASES)), st.sampled_from(DIALECTS))
def test_kpi_evaluate_csv_output_reads_back_to_the_same_values(
    workspace: Path, data: st.DataObject, case: str, dialect: tuple[str, str | None]
) -> None:
    _, ids, values = CASES[case]
    results = data.draw(result_sets(ids, values), label="results")
    source = workspace / "input.csv"
    write_input(source, results)
    definitions = SEED_INDICATORS if case == "seed" else workspace / "wide.yaml"
    output = workspace / "report.csv"
    lang, delimiter = dialect
    args = ["evaluate", str(source), "--indicators", str(definitions), "--format", "csv", "-o", str(output)]
    args += ["--lang", lang]
    if delimiter is not None:
        args += ["--output-delimiter", "tab" if delimiter == "\t" else delimiter]
    result = RUNNER.invoke(main, args)
    # Only the exit here: the form of stderr lines is the any-bytes test's (an org unit holding a
    # line break splits the failing-results note over two lines; see test_fuzz.py's corpus).
    assert_clean_exit(result, (0, 1), [str(source), str(definitions)], lines=False)
    assert result.stdout == ""

    assert_read_back(read_results([output]), results)


# --- round trip: kpi template, filled in ------------------------------------------------------------


VALUE_HEADERS = {"nb": "verdi", "nn": "verdi", "sv": "värde", "en": "value"}  # the template's value column


def _value_text(value: Decimal, mark: str) -> str:
    return format_number(value, mark)


def two_ways(text: str) -> bool:
    """1,000 or -4.510: one mark, three digits after it, a whole part that could be a thousands group."""
    return re.fullmatch(r"-?[1-9][0-9]{0,2}[.,][0-9]{3}", text) is not None


def settled(texts: Sequence[str], text: str, usual: str) -> bool:
    """Whether ``text``'s mark is the one the file writes its decimals with: its other numbers', else ``usual``."""
    marks = {mark for other in texts if not two_ways(other) for mark in other if mark in ".,"}
    return (marks or {usual}) == {text.lstrip("-")[-4]}


@ROUND_TRIP
@given(
    st.data(),
    st.integers(2014, 2019),
    st.lists(template_org_units, max_size=3, unique=True),
    st.sampled_from(["nb", "nn", "sv", "en"]),
    st.sampled_from([None, ";", ",", "tab"]),
)
def test_filled_csv_template_reads_back_to_the_same_values(
    workspace: Path, data: st.DataObject, year: int, org_units: list[str], lang: str, delimiter: str | None
) -> None:
    path = workspace / "template.csv"
    args = ["template", "--indicators", str(SEED_INDICATORS), "--year", str(year), "--lang", lang, "-o", str(path)]
    if org_units:
        args.append("--org-units=" + ",".join(org_units))
    if delimiter is not None:
        args += ["--delimiter", delimiter]
    result = RUNNER.invoke(main, args)
    assert_clean_exit(result, (0,), [str(SEED_INDICATORS)])

    separator = "\t" if delimiter == "tab" else delimiter or ("," if lang == "en" else ";")
    header, *records = list(
        csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=separator)
    )
    column = header.index(VALUE_HEADERS[lang])
    wanted = template_rows(SEED, year, org_units)
    assert len(records) == len(wanted)
    values = data.draw(st.lists(any_values, min_size=len(records), max_size=len(records)), label="values")
    marks = data.draw(st.lists(st.sampled_from([",", "."]), min_size=len(records), max_size=len(records)))
    for record, value, mark in zip(records, values, marks, strict=True):
        record[column] = _value_text(value, mark)  # what a user types: either decimal mark
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows([header, *records])
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))

    read = read_results([path])
    # Typed with either mark, a number like 1,000 reads two ways (one, or a thousand): read as the
    # file's other decimals settle it, else rejected at its line, never read in silence.
    texts = [record[column] for record in records]
    usual = "." if separator == "," or lang == "en" else ","  # kpi's CSV and Excel: points with ','
    undecided = {n for n, text in enumerate(texts) if two_ways(text) and not settled(texts, text, usual)}
    assert sorted((error.code, re.findall(r"value '([^']*)'", str(error))) for error in read.errors) == sorted(
        ("ambiguous-number", [texts[n]]) for n in undecided
    )
    got = [(row.indicator, row.year, row.org_unit, exact(row.value)) for row in read.rows if row.value is not None]
    expected = [
        (row.id, row.year, read_back_org_unit(row.org_unit), exact(value))
        for n, (row, value) in enumerate(zip(wanted, values, strict=True))
        if n not in undecided
    ]
    assert got == expected


@XLSX
@given(
    st.data(),
    st.integers(2014, 2019),
    st.lists(xlsx_org_units, max_size=2, unique=True),
    st.sampled_from(["nb", "nn", "sv", "en"]),
)
def test_filled_xlsx_template_reads_back_to_the_same_values(
    workspace: Path, data: st.DataObject, year: int, org_units: list[str], lang: str
) -> None:
    path = workspace / "template.xlsx"
    args = ["template", "--indicators", str(SEED_INDICATORS), "--year", str(year), "--lang", lang]
    args += ["--format", "xlsx", "-o", str(path)]
    if org_units:
        args.append("--org-units=" + ",".join(org_units))
    result = RUNNER.invoke(main, args)
    assert_clean_exit(result, (0,), [str(SEED_INDICATORS)])

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index(VALUE_HEADERS[lang]) + 1
    wanted = template_rows(SEED, year, org_units)
    assert sheet.max_row - 1 == len(wanted)
    values = data.draw(st.lists(any_values, min_size=len(wanted), max_size=len(wanted)), label="values")
    kinds = data.draw(
        st.lists(st.sampled_from(["float", "text,", "text."]), min_size=len(wanted), max_size=len(wanted))
    )
    for number, (value, kind) in enumerate(zip(values, kinds, strict=True), start=2):
        # A number cell (Excel keeps a float) or text typed with either decimal mark.
        cell = float(value) if kind == "float" else _value_text(value, kind[-1])
        sheet.cell(row=number, column=column, value=cell)
    book.save(path)

    read = read_results([path])
    assert read.errors == [], [error.format() for error in read.errors]
    got = [(row.indicator, row.year, row.org_unit, row.value) for row in read.rows]
    expected = [
        (row.id, row.year, read_back_org_unit(row.org_unit), value) for row, value in zip(wanted, values, strict=True)
    ]
    assert got == expected  # values compare as numbers: 4.50 typed as a float reads back as 4.5


# --- the reader, given anything ---------------------------------------------------------------------


def assert_clean_exit(
    result: Result, codes: tuple[int, ...], paths: Sequence[str], *, lines: bool = True, json_stdout: bool = False
) -> None:
    """Exit with one of ``codes``, no traceback; with ``lines``, every stderr line located or a ``kpi:``
    note; with ``json_stdout``, stdout (of a run that evaluated) is strict JSON: no NaN or Infinity."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        shown = "".join(traceback.format_exception(result.exception, limit=-6))
        pytest.fail(f"unhandled {type(result.exception).__name__}:\n{shown}")
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
    assert result.exit_code in codes, (result.exit_code, result.stdout, result.stderr)
    if json_stdout and result.exit_code in (0, 1):
        json.loads(result.stdout, parse_constant=_not_json)
    if not lines:
        return
    located = re.compile(
        r"kpi: .+|(?:"
        + "|".join(re.escape(path) for path in paths)
        + r")(?:\[[^\]\n]*\])?(?::\d+(?::\d+)?)?: (?:error|warning|note): .+",
        re.DOTALL,
    )
    printed = result.stderr.split("\n")
    if printed[-1] == "":
        printed.pop()
    bad = [line for line in printed if not located.fullmatch(line)]
    assert bad == [], "stderr lines not of the form path[:line[:col]]: error|warning|note: ...\n" + result.stderr


def _not_json(word: str) -> None:
    raise AssertionError(f"--format json wrote {word}, which is not JSON")


def line_bound(data: bytes) -> int:
    """No error can be on a line past the last: every line break holds a CR or an LF byte."""
    return data.count(b"\n") + data.count(b"\r") + 1


def assert_read_is_accounted(path: Path, data: bytes, read: ResultSet) -> None:
    """A ResultSet: every row and every error located in the file; each result read is a row or an error."""
    assert isinstance(read, ResultSet)
    shown = str(path)
    spreadsheet = path.suffix in (".xlsx", ".xlsm")
    (log,) = read.logs
    for error in read.errors:
        assert isinstance(error, KpiError), repr(error)
        assert error.path is not None and error.path.startswith(shown), error.format()
        if error in log.rejected or not spreadsheet:  # about a row, or about a text file's line
            assert error.line is not None, error.format()
        if error.line is not None and not spreadsheet:
            assert 1 <= error.line <= line_bound(data), error.format()
    for row in read.rows:
        assert row.location is not None and row.location.path.startswith(shown)
        assert row.location.line is not None and row.location.line >= 1
        if not spreadsheet:
            assert row.location.line <= line_bound(data)
        assert row.indicator and row.indicator == row.indicator.strip()
        assert isinstance(row.year, int) and 1900 <= row.year <= 2099
        assert row.value is None or isinstance(row.value, Decimal)
    assert log.results_read == len(read.rows) + len(log.rejected)


HEADER_WORDS = [alias for aliases in COLUMN_NAMES.values() for alias in aliases] + [
    "2014",
    "2015",
    "Resultat 2014",
    "år 2016",
    "navn",
    "kommentar",
    "",
]
CELLS = [
    "L.1.1",
    "L.1.2",
    "L.2.1",
    "l.1.1",
    "L.1.9",
    "ideer",
    "ideer_valgt",
    "2014",
    "2015",
    "2014.0",
    "20x4",
    "4,51",
    "4.72",
    "-1",
    "- 2,30",
    "1 234,5",
    "1.234,5",
    "1,234.5",
    "5 %",
    "3 %poeng",
    "47,1",
    "",
    " ",
    "-",
    "..",
    "Ikke målt",
    "Ny indikator fra 2017",
    "n/a",
    "abc",
    "4,5,6",
    "1e5",
    "NaN",
    "inf",
    "0x10",
    "9" * 40,
    "=SUM(A1)",
    "[/b]",
    "<b>",
    "Oppvekst",
    "Helse og omsorg",
    "\u00a0",
    "\ufeffindikator",
    '"L.1\n1"',  # a quoted cell holding a line break
    '"Helse\r\nog omsorg"',
]


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.title(), f" {word} ", f'"{word}"')[how]


header_cells = st.builds(_cased, st.sampled_from(HEADER_WORDS), st.integers(0, 4))
cells = st.one_of(
    st.sampled_from(CELLS),
    st.builds(_cased, st.sampled_from(CELLS), st.integers(0, 4)),
    st.text(max_size=6),
    st.text('";,\t\r\n 0123456789,.-', max_size=6),
)
INSERTS = [b"\x00", b"\xff", b"\xc3", b"\xe6\xf8\xe5", b"\xef\xbb\xbf", b"\xff\xfe", b'"', b"\r", b"\n", b"\r\n", b";"]


@st.composite
def structured_files(draw: st.DrawFn) -> bytes:
    """Text shaped like a results file, then damaged: headers from the accepted names, rows of
    likely and unlikely cells, any separator, quotes, CR/LF mixes, BOMs, encodings, NULs and
    bytes that are not UTF-8."""
    delimiter = draw(st.sampled_from([",", ";", "\t", ",", ";", "\t", "|", " "]))
    newlines = st.sampled_from(["\n", "\r\n", "\r"])
    roles = ["indicator", "value", *draw(st.sampled_from([[], ["year"], ["org_unit"], ["year", "org_unit", "n"]]))]
    known = [_cased(draw(st.sampled_from(COLUMN_NAMES[role])), draw(st.integers(0, 4))) for role in roles]
    header = draw(st.permutations(known)) if draw(st.integers(0, 3)) else draw(st.lists(header_cells, max_size=6))
    lines = [header]  # mostly a header the reader knows
    lines += draw(st.lists(st.lists(cells, max_size=7), max_size=8))
    text = "".join(delimiter.join(line) + draw(newlines) for line in lines)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(INSERTS) | st.binary(max_size=3)) + data[at:]
    return data


any_bytes = st.one_of(st.binary(max_size=300), structured_files())
FILE_NAMES = ["results.csv", "2016.csv", "data.txt", "tab-2015.tsv"]


@ANY_INPUT
@given(any_bytes, st.sampled_from(FILE_NAMES), st.none() | st.just(2015))
def test_reader_on_any_bytes_gives_rows_and_located_errors(
    workspace: Path, data: bytes, name: str, year: int | None
) -> None:
    path = workspace / name
    path.write_bytes(data)
    assert_read_is_accounted(path, data, read_results([path], year=year))


def _template_workbook() -> dict[str, bytes]:
    """The members of a real .xlsx the tool writes: `kpi template --year 2017 --org-units Oppvekst`."""
    data = xlsx_bytes(template_rows(SEED, 2017, ["Oppvekst"]), "nb")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


WORKBOOK = _template_workbook()


@st.composite
def damaged_workbooks(draw: st.DrawFn) -> bytes:
    """A real workbook with one member cut short, dropped, garbled or replaced, and maybe a byte of the zip changed."""
    members = dict(WORKBOOK)
    sheet = "xl/worksheets/sheet1.xml"  # read row by row, after the workbook has opened: half the draws
    name = draw(st.just(sheet) | st.sampled_from(sorted(members)))
    content = members[name]
    how = draw(st.sampled_from(["cut", "insert", "replace", "drop"]))
    at = draw(st.integers(0, len(content)))
    if how == "drop":
        del members[name]
    elif how == "cut":
        members[name] = content[:at]
    elif how == "insert":
        members[name] = content[:at] + draw(st.binary(min_size=1, max_size=8)) + content[at:]
    else:
        members[name] = draw(st.binary(max_size=40))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for member, text in members.items():
            book.writestr(member, text)
    data = buffer.getvalue()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


@settings(ANY_INPUT, max_examples=40 * SCALE)
@given(
    st.one_of(
        damaged_workbooks(),
        st.tuples(st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06" + b"\x00" * 18]), st.binary(max_size=200)).map(
            b"".join
        ),
    )
)
def test_reader_on_a_damaged_xlsx_gives_rows_and_located_errors(workspace: Path, data: bytes) -> None:
    path = workspace / "results.xlsx"
    path.write_bytes(data)
    assert_read_is_accounted(path, data, read_results([path]))


EVALUATE_OPTIONS = [[], ["--year", "2015"], ["--by-org-unit"], *(["--format", fmt] for fmt in sorted(FORMATS))]


@CLI_INPUT
@given(any_bytes, st.sampled_from(FILE_NAMES), st.sampled_from(EVALUATE_OPTIONS))
def test_kpi_evaluate_on_any_bytes_exits_cleanly(workspace: Path, data: bytes, name: str, extra: list[str]) -> None:
    path = workspace / name
    path.write_bytes(data)
    result = RUNNER.invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), *extra])
    assert_clean_exit(result, (0, 1, 2), [str(path), str(SEED_INDICATORS)], json_stdout="json" in extra)


# --- the definitions loader, given any YAML ---------------------------------------------------------

KEYS = [
    "scorecard",
    "language",
    "gap_policy",
    "columns",
    "measures",
    "focus_areas",
    "id",
    "name",
    "goals",
    "indicators",
    "bands",
    "desired",
    "accepted",
    "not_approved",
    "scale",
    "phase_in",
    "year",
    "planned",
    "postponed",
    "reason",
    "compute",
    "change",
    "share",
    "ratio",
    "difference",
    "min",
    "max",
    "min_inclusive",
    "max_inclusive",
    "from",
    "unit",
    "tags",
    "aliases",
    "direction",
    "org_unit_bands",
    "per_org_unit",
    "min_base",
    "text",
    "value",
]
BAND_TEXTS = [
    "4,5 - 6",
    "4 - 4,4",
    "0 - 3,9",
    "> 5 %poeng",
    "2 - 4,9 %poeng",
    "< 2 %poeng",
    ">= 80 %",
    "≤ 7,5",
    "2–4,9",
    "-1 - 2",
    "- 2,30",
    "minst 10",
    "mer enn 1,11",
    "høyst 7",
    "4,5 eller bedre",
    "3,9 eller dårligere",
    "(4,9, 5]",
    "< 1,00 %; > 1,99 %",
    "1 - 2 og 3 - 4",
    "6 - 4",
    ";",
    "",
    "alle verdier",
]
WORDS = ["nb", "en", "worse", "nearest", "higher_is_better", "lower", "target_range", "L.1.1", "ideer", "=x", "L"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(1890, 2210),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(BAND_TEXTS + WORDS),
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner),
    max_leaves=20,
)


def _either(plausible: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Mostly a value of the right shape, sometimes anything at all."""
    return st.one_of(plausible, plausible, yaml_values)


band_text = st.sampled_from(BAND_TEXTS)
band_mapping = st.fixed_dictionaries(
    {},
    optional={
        "desired": _either(band_text),
        "accepted": _either(band_text | st.lists(band_text, max_size=2)),
        "not_approved": _either(band_text),
        "from": _either(st.integers(2010, 2020)),
        "scale": _either(st.just([1, 6])),
    },
)
structured_band = st.fixed_dictionaries(
    {},
    optional={
        "min": _either(st.integers(-5, 10)),
        "max": _either(st.integers(-5, 10)),
        "min_inclusive": st.booleans(),
        "max_inclusive": st.booleans(),
        "text": st.text(max_size=5),
    },
)
indicators = st.fixed_dictionaries(
    {"id": _either(st.sampled_from(["L.1.1", "L.1.2", "X.1", "ideer", "=A1", ""])), "name": _either(st.just("Navn"))},
    optional={
        "unit": _either(st.just("%")),
        "scale": _either(st.sampled_from([[1, 6], {"min": 0, "max": 100}, [6, 1], [1]])),
        "bands": st.one_of(
            band_mapping, st.lists(band_mapping, max_size=3), st.fixed_dictionaries({"desired": structured_band})
        ),
        "org_unit_bands": _either(st.dictionaries(st.sampled_from(["Oppvekst", "=x"]), band_mapping, max_size=2)),
        "direction": _either(st.sampled_from(["higher_is_better", "lower_is_better", "target_range", "sideways"])),
        "gap_policy": _either(st.sampled_from(["worse", "nearest"])),
        "phase_in": _either(
            st.integers(2010, 2020)
            | st.fixed_dictionaries(
                {"year": _either(st.integers(2010, 2020))},
                optional={"planned": st.integers(2005, 2025), "postponed": st.booleans(), "reason": st.text()},
            )
        ),
        "compute": _either(
            st.sampled_from([{"change": "ideer"}, {"share": ["ideer", "ideer"]}, {"ratio": ["ideer"]}, {}])
        ),
        "tags": _either(st.lists(st.text(max_size=5), max_size=2)),
        "min_base": _either(st.integers(-1, 50)),
        "per_org_unit": _either(st.booleans()),
    },
)
definition_structures = st.fixed_dictionaries(
    {
        "scorecard": _either(st.just("Målekart")),
        "focus_areas": _either(
            st.lists(
                st.fixed_dictionaries(
                    {"id": _either(st.sampled_from(["L", "F"])), "name": _either(st.just("Område"))},
                    optional={
                        "goals": _either(
                            st.lists(
                                st.fixed_dictionaries(
                                    {"id": _either(st.sampled_from(["L.1", "L.2"])), "name": st.just("Mål")},
                                    optional={"indicators": _either(st.lists(indicators, max_size=3))},
                                ),
                                max_size=2,
                            )
                        )
                    },
                ),
                max_size=2,
            )
        ),
    },
    optional={
        "language": _either(st.sampled_from(["nb", "en"])),
        "gap_policy": _either(st.sampled_from(["worse", "nearest"])),
        "measures": _either(st.just([{"id": "ideer", "name": "Ideer"}])),
        "columns": _either(st.just({"value": "Nøkkeltall"})),
    },
)


def _places(tree: object, found: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every (container, key or index) in a loaded YAML tree."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.append((tree, key))
            _places(value, found)
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found.append((tree, index))
            _places(value, found)
    return found


@st.composite
def mutated_seeds(draw: st.DrawFn) -> str:
    """The shipped indicators.yaml with keys deleted, duplicated or retyped and bands rewritten."""
    tree = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 4))):
        places = _places(tree, [])
        action = draw(st.sampled_from(["delete", "duplicate", "retype", "band"]))
        if action == "band":
            places = [(c, k) for c, k in places if k in ("desired", "accepted", "not_approved")] or places
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        assert isinstance(container, dict | list)
        if action == "delete":
            del container[key]  # type: ignore[arg-type]
        elif action == "duplicate" and isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))  # type: ignore[arg-type]
        elif action == "duplicate":
            container[draw(st.sampled_from(KEYS))] = copy.deepcopy(container[key])  # type: ignore[index]
        elif action == "retype":
            container[key] = draw(yaml_values)  # type: ignore[index]
        else:
            container[key] = draw(band_text | st.text(max_size=10))  # type: ignore[index]
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 2))):  # duplicate or drop a line: duplicate keys, broken indentation
        at = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            lines.insert(at, lines[at])
        else:
            del lines[at]
    return "".join(lines)


YAML_CHARS = "ab:-[]{}&*!|>'\"%@`#,? \n\t\\0123456789.æø\x00\x85\u2028\ufeff"
any_yaml = st.one_of(
    definition_structures.map(lambda tree: yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)),
    yaml_values.map(lambda tree: yaml.safe_dump(tree, allow_unicode=True)),
    mutated_seeds(),
    st.text(YAML_CHARS, max_size=60),
    st.text(max_size=60),
)


def assert_loads_or_reports(text: str, path: str = "fuzz.yaml") -> None:
    """A Scorecard (whose gaps `kpi validate` can list), or KpiError with every problem located."""
    try:
        scorecard = parse_definitions(text, path)
    except KpiError as error:
        assert error.errors
        lines = len(text.splitlines()) + 2  # YAML breaks lines at NEL and U+2028 too; splitlines does as well
        for problem in error.errors:
            assert isinstance(problem, KpiError)
            assert problem.path == path, problem.format()
            assert problem.line is None or 1 <= problem.line <= lines, problem.format()
            assert problem.message, problem.format()
    else:
        assert isinstance(scorecard, Scorecard)
        for warning in gap_warnings(scorecard):
            assert warning.path == path


@ANY_INPUT
@given(any_yaml)
def test_definitions_loader_on_any_yaml_gives_a_scorecard_or_located_errors(text: str) -> None:
    assert_loads_or_reports(text)


@ANY_INPUT
@given(mutated_seeds())
def test_definitions_loader_on_a_mutated_seed(text: str) -> None:
    assert_loads_or_reports(text)


@CLI_INPUT
@given(any_yaml | st.binary(max_size=100))
def test_kpi_validate_on_any_file_exits_0_or_2(workspace: Path, content: str | bytes) -> None:
    path = workspace / "indicators.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", errors="surrogatepass"))
    result = RUNNER.invoke(main, ["validate", str(path)])
    assert_clean_exit(result, (0, 2), [str(path)])
