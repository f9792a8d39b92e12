"""`kpi explain` takes negative values as typed and agrees with `evaluate` on phase-in; `kpi evaluate`
says when the year it shows has far fewer results than another (README, `kpi explain`, `kpi evaluate`).

The definitions (tests/fixtures/published/made-up-indicators.yaml) and results here are made up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

MADE_UP = str(Path(__file__).resolve().parent / "fixtures" / "published" / "made-up-indicators.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["S.2.3", "-4,4"],
        ["S.2.3", "- 4,4"],  # quoted, with a space, as a printed table writes it
        ["S.2.3", "-", "4,4"],  # unquoted: two words
        ["S.2.3", "\u22124,4"],  # U+2212, copied from a PDF
        ["S.2.3", "-4,4", "%"],
        ["S.2.3", "-4,4", "--year", "2015"],
        ["--year", "2015", "S.2.3", "-4,4"],
        ["--", "S.2.3", "-4,4"],  # what used to be the only way
    ],
)
def test_explain_takes_negative_values_as_typed(kpi: Callable[..., Result], args: list[str]) -> None:
    result = kpi("explain", "--indicators", MADE_UP, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == ["-4,4: -4,4 ligger i -5 - -2,1", "=> ▲ Laveste aksepterte resultat"]


def test_explain_still_refuses_an_unknown_option(kpi: Callable[..., Result]) -> None:
    result = kpi("explain", "--indicators", MADE_UP, "S.2.3", "4", "--yaer", "2015")
    assert result.exit_code == 2
    # click words it "No such option '--yaer'. Did you mean '--year'?" from 8.2, without the quotes before
    assert re.search(r"No such option:? '?--yaer'?\.? Did you mean '?--year'?\?", result.stderr), result.stderr


def test_explain_a_negative_value_that_is_no_number(kpi: Callable[..., Result]) -> None:
    result = kpi("explain", "--indicators", MADE_UP, "S.2.3", "-4,,4")
    assert (result.exit_code, result.stderr) == (2, "kpi: error: value '-4,,4' is not a number [invalid-value]\n")


def test_explain_agrees_with_evaluate_on_phase_in(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    result = kpi("explain", "--indicators", MADE_UP, "MA.SYK", "7,6", "--year", "2015")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "MA.SYK Sykefravær (%)",
        "retning: ikke kjent; i et gap gjelder det dårligste av de to",
        "=> ○ Innfases 2016",
        "merknad: i 2015 er indikatoren ikke innfaset (fra 2016): et resultat det året vises, men vurderes ikke (○)",
    ]  # not 'ingen resultatkrav er satt': its bands come with its phase-in
    results = write("2015.csv", "indikator;år;verdi\nMA.SYK;2015;7,6\n")
    document = json.loads(kpi("evaluate", str(results), "--indicators", MADE_UP, "--format", "json").stdout)
    assert [r["status"] for r in document["results"] if r["indicator"] == "MA.SYK"] == ["not_phased_in"]
    then = kpi("explain", "--indicators", MADE_UP, "MA.SYK", "7,6", "--year", "2016")
    assert then.stdout.splitlines()[-1] == "=> ▲ Laveste aksepterte resultat"


def test_explain_a_pending_indicator_with_bands_says_where_the_value_would_lie(
    kpi: Callable[..., Result], repo_root: Path
) -> None:
    result = kpi("explain", "L.2.1", "5", "--year", "2014")
    assert result.stdout.splitlines()[-3:] == [
        "5: 5 ligger mellom laveste akseptert 2 - 4,9 og ønsket > 5; i et gap gjelder det dårligste av de to",
        "=> ○ Innfases 2015",
        "merknad: i 2014 er indikatoren ikke innfaset (fra 2015): et resultat det året vises, men vurderes ikke (○)",
    ]


# MADE UP: three results for 2015, one for 2016 (a year just begun).
YEARS = "indikator;år;verdi\nØ.1.1;2015;3,5\nØ.1.2;2015;4\nS.2.3;2015;1\nØ.1.1;2016;2\n"


def test_evaluate_says_when_the_year_shown_has_far_fewer_results(
    kpi: Callable[..., Result], write: Callable[..., Path]
) -> None:
    results = write("r.csv", YEARS)
    result = kpi("evaluate", str(results), "--indicators", MADE_UP, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "kpi: note: showing 2016; 2015 rated as its history (--year shows another)",
        "kpi: note: 2016: 1 of 4 results; 2015 has 3: --year 2015",
    ]
    chosen = kpi("evaluate", str(results), "--indicators", MADE_UP, "--format", "json", "--year", "2016")
    assert "2015 has 3" not in chosen.stderr  # the year was asked for


def test_no_note_when_the_year_shown_is_not_far_behind(kpi: Callable[..., Result], write: Callable[..., Path]) -> None:
    results = write("r.csv", YEARS + "Ø.1.2;2016;4\n")  # 2 of 3: not fewer than half
    result = kpi("evaluate", str(results), "--indicators", MADE_UP, "--format", "json", "--lang", "en")
    assert result.stderr.splitlines() == ["kpi: note: showing 2016; 2015 rated as its history (--year shows another)"]
