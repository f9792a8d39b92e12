"""A comment column travels with its result into every format, escaped for each (README, "Comments").

The results are made up (oppdiktet); the definitions are the seed's indicators.yaml.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from kpi_cli import read_results

# MADE UP. L.1.1 fails (3,8); L.1.2 is accepted (4,2); each comment is hostile in its own way.
RESULTS = (
    "indikator;år;verdi;kommentar\n"
    'L.1.1;2014;3,8;"=HYPERLINK(""http://x"") <b>lav</b> | *svar*\nfra 12 %"\n'
    "L.1.2;2014;4,2;Ny måling i høst\n"
    "L.2.1;2014;;\n"
)
L11_COMMENT = '=HYPERLINK("http://x") <b>lav</b> | *svar*\nfra 12 %'
L11_ONE_LINE = '=HYPERLINK("http://x") <b>lav</b> | *svar* fra 12 %'


@pytest.fixture
def results(workdir: Path, write: Callable[..., Path]) -> Path:
    return write("2014.csv", RESULTS)


def run(kpi: Callable[..., Result], results: Path, *args: str, env: dict[str, str | None] | None = None) -> Result:
    result = kpi("evaluate", str(results), "--fail-on", "not_approved", *args, env=env)
    assert result.exit_code == 1, result.stderr  # L.1.1 is not approved
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("header", ["kommentar", "Comment", "Merknad", "forklaring"])
def test_every_name_of_the_comment_column_is_read(write: Callable[..., Path], header: str) -> None:
    path = write("2014.csv", f"indikator;verdi;{header}\nL.1.1;4,5;  Ny måling  \nL.1.2;4,6;\n")
    assert [row.comment for row in read_results([path]).rows] == ["Ny måling", None]


def test_json_carries_the_comment_as_written(kpi: Callable[..., Result], results: Path) -> None:
    document = json.loads(run(kpi, results, "--format", "json").stdout)
    got = {r["indicator"]: r["comment"] for r in document["results"]}
    assert got == {"L.1.1": L11_COMMENT, "L.1.2": "Ny måling i høst", "L.2.1": None, "L.2.2": None, "L.2.3": None}


def test_csv_has_a_comment_column_neutralised_against_formulas(kpi: Callable[..., Result], results: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(kpi, results, "--format", "csv").stdout), delimiter=";"))
    assert [row["kommentar"] for row in rows] == ["'" + L11_COMMENT, "Ny måling i høst", "", "", ""]


def test_csv_reads_back_with_its_comments(
    kpi: Callable[..., Result], results: Path, write: Callable[..., Path]
) -> None:
    again = write("again-2014.csv", run(kpi, results, "--format", "csv").stdout)
    document = json.loads(run(kpi, again, "--format", "json").stdout)
    assert [r["comment"] for r in document["results"]][:2] == [L11_COMMENT, "Ny måling i høst"]


def test_markdown_shows_the_comment_under_the_name_escaped(kpi: Callable[..., Result], results: Path) -> None:
    lines = run(kpi, results, "--format", "markdown").stdout.splitlines()
    (row,) = [line for line in lines if line.startswith("| L.1.1 |")]
    assert 'fornyelse<br>*Kommentar: =HYPERLINK("http:\\//x") \\<b\\>lav\\</b\\> \\| \\*svar\\* fra 12 %*' in row
    assert "| L.2.1 | Årlig prosentvis" in "\n".join(lines)  # no comment, nothing added


def test_html_shows_the_comment_as_a_note_escaped(kpi: Callable[..., Result], results: Path) -> None:
    page = run(kpi, results, "--format", "html").stdout
    assert (
        '<div class="note comment">Kommentar: =HYPERLINK(&quot;http://x&quot;) &lt;b&gt;lav&lt;/b&gt; | *svar* '
        "fra 12 %</div>" in page
    )
    assert "<b>lav</b>" not in page
    assert '<div class="note comment">Kommentar: Ny måling i høst</div>' in page


def test_the_table_shows_the_comment_as_a_note_under_the_row(kpi: Callable[..., Result], results: Path) -> None:
    table = run(kpi, results, env={"COLUMNS": "200"}).stdout
    lines = table.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("L.1.1 "))
    assert lines[at + 1].split("  ")[0] == ""  # the note row has no id
    assert lines[at + 1].strip() == f"↳ Kommentar: {L11_ONE_LINE}"
    assert "↳ Kommentar: Ny måling i høst" in table


def test_github_and_junit_messages_end_with_the_comment(kpi: Callable[..., Result], results: Path) -> None:
    github = run(kpi, results, "--format", "github", "--lang", "en").stdout.splitlines()
    assert github[0].startswith("::error file=2014.csv,line=2,title=L.1.1 not approved::")
    assert github[0].endswith(' – Comment: =HYPERLINK("http://x") <b>lav</b> | *svar* fra 12 %25')
    assert github[1].endswith(" – Comment: Ny måling i høst")
    root = ET.fromstring(run(kpi, results, "--format", "junit").stdout)
    failure = root.find(".//testcase[@line='2']/failure")
    assert failure is not None
    assert failure.get("message") == f"L.1.1 ikke godkjent: 3,8 (0 - 3,9) – Kommentar: {L11_ONE_LINE}"
    assert (failure.text or "").splitlines()[-2] == f"Kommentar: {L11_ONE_LINE}"
