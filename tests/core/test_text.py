"""kpi_cli.text: one definition of a formula start, used by the definitions reader and every CSV
writer, so an id that validates also survives a round trip through a template or a CSV report.

Every scorecard here is made up for the test.
"""

from __future__ import annotations

import csv
import io

import pytest

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.errors import KpiErrors
from kpi_cli.text import FORMULA_STARTS, neutralise, starts_formula

DEFS = """\
scorecard: Made up
focus_areas:
  - id: F
    name: Area
    goals:
      - id: F.1
        name: Goal
        indicators:
          - id: "{id}"
            name: Made-up indicator
            bands:
              desired: ">= 5"
              not_approved: "< 5"
"""


@pytest.mark.parametrize("start", FORMULA_STARTS[:4] + FORMULA_STARTS[6:])
def test_an_id_starting_like_a_formula_is_refused(start: str) -> None:
    with pytest.raises(KpiErrors) as caught:
        parse_definitions(DEFS.format(id=f"{start}A.1.1"))
    (error,) = caught.value.errors
    assert error.format() == (
        f"indicators.yaml:9:17: error: indicator id '{start}A.1.1' must not begin with '{start}': "
        "a spreadsheet would run it [formula-id]"
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("+A.1.1", "'+A.1.1"),
        ("\uff0bA.1.1", "'\uff0bA.1.1"),
        ("  =1+1", "'  =1+1"),
        ("A+1", "A+1"),
        ("Å-1", "Å-1"),
        ("", ""),
    ],
)
def test_neutralise(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert starts_formula(text) is (written != text)


@pytest.mark.parametrize("indicator_id", ["A.1.1", "A+1", "Å-1", "1.1", "A@1"])
def test_an_id_that_validates_reads_back_from_the_template_and_the_csv_report(kpi, workdir, indicator_id) -> None:
    (workdir / "indicators.yaml").write_text(DEFS.format(id=indicator_id), encoding="utf-8")
    made = kpi("template", "--year", "2016", "--lang", "en", "-o", "filled.csv")
    assert made.exit_code == 0, made.output
    text = (workdir / "filled.csv").read_text(encoding="utf-8-sig")
    (workdir / "filled.csv").write_text(text.replace(f"{indicator_id},2016,,", f"{indicator_id},2016,6,"))
    report = kpi("evaluate", "filled.csv", "--format", "csv", "--lang", "en", "-o", "report.csv")
    assert report.exit_code == 0, report.output
    rows = list(csv.DictReader(io.StringIO((workdir / "report.csv").read_text(encoding="utf-8-sig"))))
    assert [(row["indicator"], row["value"], row["status"]) for row in rows] == [(indicator_id, "6", "desired")]
    again = kpi("evaluate", "report.csv", "--format", "csv", "--lang", "en")
    assert again.exit_code == 0, again.output
    rows = list(csv.DictReader(io.StringIO(again.output)))
    assert [(row["indicator"], row["value"], row["status"]) for row in rows] == [(indicator_id, "6", "desired")]
