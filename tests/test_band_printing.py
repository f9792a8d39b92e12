"""Bands kpi works out itself (a single target, a tolerance) print as a scorecard prints them:
``83 - 85 %``, ``< 83 %``, ``> 85 %``, the target's unit on each, at the target's precision, one
set of signs, never interval brackets, in every format. docs/explanation/how-bands-print.md.

Every scorecard here is made up, and so are the examples under examples/.
"""

from __future__ import annotations

import json
import re
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from made_up import made_up_head

from kpi_cli.bands.notation import parse_piece
from kpi_cli.bands.printed_text import Wording, written_decimals, written_unit
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.model import Interval, Status

HEAD = made_up_head() + "          - id: A.1.1\n            name: Made-up\n"


def bands_of(fields: str) -> list[tuple[Status, str]]:
    (indicator,) = parse_definitions(HEAD + textwrap.indent(fields, " " * 12)).indicators()
    return [(band.status, band.text) for band in indicator.bands]


D, A, N = Status.DESIRED, Status.ACCEPTED, Status.NOT_APPROVED


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ('target: "> 85 %"\ntolerance: "2"\n', [(D, "> 85 %"), (A, "83 - 85 %"), (N, "< 83 %")]),
        ('target: "> 85 %"\n', [(D, "> 85 %"), (N, "≤ 85 %")]),
        ('target: ">52,5 poeng"\n', [(D, ">52,5 poeng"), (N, "≤ 52,5 poeng")]),
        ('target: "< 9,4 %"\n', [(D, "< 9,4 %"), (N, "≥ 9,4 %")]),
        ('target: "80 %"\ndirection: higher\n', [(D, "≥ 80 %"), (N, "< 80 %")]),
        ('target: "3,0 %"\ndirection: higher\n', [(D, "≥ 3,0 %"), (N, "< 3,0 %")]),
        # The open end of a range: the last value inside at the target's precision.
        ('target: "≥ 92 %"\ntolerance: "2"\n', [(D, "≥ 92 %"), (A, "90 - 91 %"), (N, "< 90 %")]),
        ('target: "6,5 %"\ndirection: lower\ntolerance: "0,5"\n', [(D, "≤ 6,5 %"), (A, "6,6 - 7,0 %"), (N, "> 7,0 %")]),
        # A tolerance as a share: the end it makes (4,465) is written exactly; the scale cuts no ray.
        (
            'target: "4,70"\ndirection: higher\nscale: [1, 6]\ntolerance: "5 %"\n',
            [(D, "≥ 4,70"), (A, "4,465 - 4,69"), (N, "< 4,465")],
        ),
        (
            'target: "80 - 90 %"\ntolerance: "2"\n',
            [(D, "80 - 90 %"), (A, "78 - 79 %; 91 - 92 %"), (N, "< 78 %; > 92 %")],
        ),
        # Written with ASCII signs: the bands worked out keep them, so no table mixes >= and ≥.
        ('target: ">= 80 %"\ntolerance: "10 %"\n', [(D, ">= 80 %"), (A, "72 - 79 %"), (N, "< 72 %")]),
        ('target: "4,5 eller bedre"\ndirection: higher\n', [(D, "≥ 4,5"), (N, "< 4,5")]),
    ],
)
def test_bands_from_a_target_print_as_a_scorecard_prints_them(fields, expected):
    assert bands_of(fields) == expected


@pytest.mark.parametrize(
    ("text", "unit", "decimals"),
    [
        ("> 85 %", "%", 0),
        (">52,5 poeng", "poeng", 1),
        ("4,70", "", 2),
        ("2 - 4,9 %poeng", "%poeng", 1),
        ("4,5 eller bedre", "", 1),
        ("minst 1 234,50 kr", "kr", 2),
    ],
)
def test_the_wording_of_a_target(text, unit, decimals):
    assert (written_unit(text), written_decimals(text)) == (unit, decimals)


ends = st.decimals(min_value=-100, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@given(ends, ends, st.booleans(), st.booleans(), st.sampled_from([None, "low", "high"]))
def test_a_printed_interval_holds_the_same_values_at_its_precision(a, b, low_inc, high_inc, ray):
    """Read back as a careful reader reads it, the printed text holds exactly the values of the
    interval that are written at the target's precision (here one decimal)."""
    low, high = min(a, b), max(a, b)
    interval = Interval(
        None if ray == "low" else low,
        None if ray == "high" else high,
        low_inc and ray != "low",
        high_inc and ray != "high",
    )
    if interval.is_empty():
        return
    text = Wording(unit="%", decimals=1).interval(interval)
    assert not re.search(r"[\[\]()]", text)
    read = parse_piece(text)
    assert isinstance(read, Interval)
    for tenth in range(-1010, 1011):
        value = Decimal(tenth).scaleb(-1)
        assert read.contains(value) == interval.contains(value), (interval, text, value)


BRACKETS = re.compile(r"[\[(]-?\d[\d,.]*[,;] -?\d[\d,.]*[\])]")
EXAMPLES = ["single-target", "tolerance"]
# The formats that print band columns. JSON keeps each interval's exact notation beside the band's
# text (for programs; test below), and a result's reason, like `kpi explain`, states the exact interval.
BAND_COLUMNS = ["csv", "html", "markdown", "table"]


def run_example(kpi, example: str, *args: str):
    path = f"examples/{example}"
    result = kpi("evaluate", f"{path}/results.csv", "--indicators", f"{path}/indicators.yaml", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("fmt", BAND_COLUMNS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_format_prints_interval_brackets_for_a_band(kpi, repo_root, example, fmt, lang):
    out = run_example(kpi, example, "--format", fmt, "--lang", lang).stdout
    assert not BRACKETS.findall(out)
    plain = out.replace("&gt;", ">").replace("&lt;", "<").replace("\\>", ">").replace("\\<", "<")
    assert ">=" not in plain and "<=" not in plain  # one set of signs: the examples write ≥
    if example == "tolerance":
        assert "90 - 91 %" in plain and "< 90 %" in plain and "6,6 - 7,0 %" in plain.replace("6.6 - 7.0", "6,6 - 7,0")


@pytest.mark.parametrize("example", EXAMPLES)
def test_json_gives_the_printed_text_and_the_exact_interval(kpi, repo_root, example):
    document = json.loads(run_example(kpi, example, "--format", "json").stdout)
    for indicator in document["indicators"].values():
        for version in indicator["band_versions"]:
            for band in version["bands"].values():
                assert not BRACKETS.findall(band["text"]), band
    tolerance = document["indicators"].get("K.2.2")
    if tolerance:
        assert tolerance["band_versions"][0]["bands"]["akseptabelt"] == {
            "text": "6,6 - 7,0 %",
            "intervals": [
                {"min": 6.5, "max": 7, "min_inclusive": False, "max_inclusive": True, "notation": "(6.5, 7.0]"}
            ],
        }
