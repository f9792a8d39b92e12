"""Statistics Norway exports under attack (issue 22): numbers no table holds, a declared size far
beyond the cells given, half a character in a label, a category code named twice, two cells of one
place that disagree. Each is an error at its place, found within bounded work. Made-up tables."""

from __future__ import annotations

import json
import resource
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_cli.cli import main
from kpi_cli.definitions.ssb_fields import SsbMapping, SsbSource
from kpi_cli.errors import KpiError
from kpi_cli.results.ssb.read import parse_ssb
from kpi_cli.results.ssb.rows import convert

TABLE = {
    "version": "2.0",
    "class": "dataset",
    "label": "99999: made up",
    "id": ["Region", "Tid"],
    "size": [2, 2],
    "dimension": {
        "Region": {"label": "region", "category": {"index": {"3203": 0, "EKG13": 1}, "label": {"3203": "Asker"}}},
        "Tid": {"label": "år", "category": {"index": {"2020": 0, "2021": 1}}},
    },
    "role": {"geo": ["Region"], "time": ["Tid"]},
    "value": [4, 6, 2, 3],
}
DEFINITIONS = """scorecard: made up
municipality: {code: "3203", name: Asker}
benchmarks: [EKG13]
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
            ssb: {table: "99999"}
"""


def table_text(**changes: object) -> str:
    document = json.loads(json.dumps(TABLE))
    document.update(changes)
    return json.dumps(document, indent=1)


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


SIZE_KEY, TID_KEY = '"size"', '"Tid": {'


def line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


def read_error(text: str) -> str:
    with pytest.raises(KpiError) as raised:
        parse_ssb(text.encode(), "t.json")
    return raised.value.format()


def evaluate(tmp_path: Path, name: str, text: str, *args: str) -> object:
    definitions = tmp_path / "indicators.yaml"
    definitions.write_text(DEFINITIONS, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["evaluate", str(path), "--indicators", str(definitions), *args])


def test_the_made_up_table_reads() -> None:
    table = parse_ssb(table_text().encode(), "t.json")
    done = convert(table, SsbMapping(("3203",), None, ("EKG13",), (SsbSource("X.1", "99999"),)))
    assert [(row.year, row.value) for row in done.rows] == [(2020, Decimal(4)), (2021, Decimal(6))]
    assert done.errors == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"size": [\n  2,', '"size": [\n  3E+50000000,'),
        ('"2021": 1', '"2021": 1E+50000000'),
        ('"value": [\n  4,', '"value": [\n  3E+50000000,'),
        ('"value": [\n  4,', '"value": [\n  1e-50000000,'),
        ('"size": [\n  2,', '"size": [\n  1E+400,'),  # was: a traceback
        ('"value": [\n  4,', '"value": [\n  ' + "9" * 5000 + ","),
    ],
)
def test_a_number_no_table_holds_is_an_error_at_its_line(old: str, new: str) -> None:
    text = table_text()
    assert old in text
    text = text.replace(old, new, 1)
    line = line_of(text, new.split()[-1].rstrip(","))
    before = cpu_seconds()
    message = read_error(text)
    assert cpu_seconds() - before < 10  # was minutes of CPU (Python's int() of 3E+50000000)
    assert message.startswith(f"t.json:{line}: error: the number '")
    assert message.endswith("is beyond what a table holds (at most 40 characters, 10^±40) [ssb-format]")


def test_a_declared_size_beyond_the_limit_is_refused_before_anything_is_made() -> None:
    regions = [f"{i:04d}" for i in range(3000)]
    years = [str(1000 + i) for i in range(3300)]
    dimension = {"Region": {"category": {"index": regions}}, "Tid": {"category": {"index": years}}}
    text = table_text(size=[3000, 3300], dimension=dimension, value={"0": 1})
    assert len(text) < 120_000
    before = cpu_seconds()
    message = read_error(text)
    assert cpu_seconds() - before < 10  # was 55 s and 2.8 GB
    assert message == (
        f"t.json:{line_of(text, SIZE_KEY)}: error: JSON-stat: the dimensions' sizes give 9900000 values,"
        " more than the 1000000 kpi reads in one table [over-limit]"
    )


def test_a_lone_surrogate_in_a_label_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = table_text().replace('"Asker"', '"Ask\\ud800er"')
    assert read_error(text) == (
        f"t.json:{line_of(text, 'ud800')}: error: JSON-stat: the text 'Ask\\ud800er' holds \\ud800, half of a character"
        " (a lone surrogate) [ssb-format]"
    )
    result = evaluate(tmp_path, "t.json", text, "--format", "json")  # was: UnicodeEncodeError, exit 1
    assert result.exit_code == 2
    assert "[ssb-format]" in result.stderr


def test_a_surrogate_pair_is_one_character() -> None:
    text = table_text().replace('"Asker"', '"Asker \\ud83d\\ude00"')
    table = parse_ssb(text.encode(), "t.json")
    assert table.dimensions[0].categories[0] == ("3203", "Asker \U0001f600")


@pytest.mark.parametrize(
    ("category", "message"),
    [
        ({"index": ["2020", "2020"]}, "dimension 'Tid' names category '2020' twice"),
        (
            {"index": {"2020": 0, "2021": 0}},
            "dimension 'Tid': category index must number its categories 0 to 1, each once",
        ),
    ],
)
def test_a_category_code_named_twice_is_an_error(category: dict[str, object], message: str) -> None:
    dimension = dict(TABLE["dimension"])  # type: ignore[call-overload]
    dimension["Tid"] = {"label": "år", "category": category}
    text = table_text(dimension=dimension)
    assert read_error(text) == f"t.json:{line_of(text, TID_KEY)}: error: JSON-stat: {message} [ssb-format]"


CSV = '"region";"år";"statistikkvariabel";"99999: made up"\n"3203 Asker";"2020";"A";4\n"EKG13 Gruppe";"2020";"A";6\n'


@pytest.mark.parametrize("region", ["3203 Asker", "EKG13 Gruppe"])
def test_two_cells_of_one_place_that_disagree_are_an_error_at_the_second(region: str) -> None:
    text = CSV + f'"{region}";"2020";"A";5\n'
    table = parse_ssb(text.encode(), "t.csv")
    done = convert(table, SsbMapping(("3203",), None, ("EKG13",), (SsbSource("X.1", "99999"),)))
    first = 2 if region.startswith("3203") else 3
    assert [error.format() for error in done.errors] == [
        f"t.csv:4:4: error: X.1 2020: '{region}' is given twice, '{5 - 1 if first == 2 else 6}' at line {first}"
        " and '5' here: which is meant? [duplicate-result]"
    ]


def test_two_cells_of_one_place_that_agree_are_one(tmp_path: Path) -> None:
    text = CSV + '"3203 Asker";"2020";"A";4\n'
    done = convert(
        parse_ssb(text.encode(), "t.csv"), SsbMapping(("3203",), None, ("EKG13",), (SsbSource("X.1", "99999"),))
    )
    assert done.errors == []
    assert [(row.year, row.value) for row in done.rows] == [(2020, Decimal(4))]


def test_a_conflict_fails_the_run_on_the_command_line(tmp_path: Path) -> None:
    result = evaluate(tmp_path, "t.csv", CSV + '"3203 Asker";"2020";"A";5\n')
    assert result.exit_code == 2  # was: 0, the first value taken, a note only under -v
    assert "t.csv:4:4: error: X.1 2020: '3203 Asker' is given twice" in result.stderr
