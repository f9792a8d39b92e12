"""kpi_cli.bands.words: the words of a band or target besides its numbers (issue 21, point 3).

Band texts here are the published kinds; the indicators around them are made up.
"""

from __future__ import annotations

import pytest
from conftest import cli_runner
from made_up import made_up_card

from kpi_cli.bands.words import Deadline, deadline, unread_words
from kpi_cli.cli import main
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.rating.checks import word_warnings

READ_WHOLLY = [
    ("minst på 1,5 %", "%"),
    ("> 5 %poeng", None),
    ("5 mill. kr.", None),
    ("Meget bra (81-100 poeng)", "poeng"),
    ("< 1,00 % og > 1,99 %", "%"),
    ("fra 4 til 6", None),
    ("4,5 - 6 score", None),
    ("12 dager", None),
    ("35 500 personer", None),
    ("≥ 92 % av søknadene", "% av søknadene"),  # the indicator's own unit says it
]


@pytest.mark.parametrize(("text", "unit"), READ_WHOLLY, ids=[t for t, _ in READ_WHOLLY])
def test_units_comparison_words_and_the_indicators_unit_are_read(text: str, unit: str | None) -> None:
    assert unread_words(text, unit) == []


LEFT = [
    ("3 % reduksjon", "%", ["reduksjon"]),
    ("0 % negativt avvik", "%", ["negativt", "avvik"]),
    ("minst 80 % av søknadene", "%", ["av", "søknadene"]),
    ("35 500 personer vid mandatperiodens slut", None, ["vid", "mandatperiodens", "slut"]),
]


@pytest.mark.parametrize(("text", "unit", "words"), LEFT, ids=[t for t, _, _ in LEFT])
def test_other_words_are_named(text: str, unit: str | None, words: list[str]) -> None:
    assert unread_words(text, unit) == words


DEADLINES = [
    ("35 500 innen 2030", Deadline("35 500", 2030, "innen")),
    ("minst 80 % innen 2030", Deadline("minst 80 %", 2030, "innen")),
    ("80 % ved utgangen av 2025", Deadline("80 %", 2025, "ved utgangen av")),
    ("80 % innan utgangen av 2025", Deadline("80 %", 2025, "innan utgangen av")),
    ("80 % senast 2025", Deadline("80 %", 2025, "senast")),
    ("at least 80 % by 2030", Deadline("at least 80 %", 2030, "by")),
    ("35 500 personer vid mandatperiodens slut", Deadline("35 500 personer", None, "vid mandatperiodens slut")),
    ("35 500 ved periodens slutt", Deadline("35 500", None, "ved periodens slutt")),
    ("35 500 by the end of the term", Deadline("35 500", None, "by the end of the term")),
]


@pytest.mark.parametrize(("text", "found"), DEADLINES, ids=[t for t, _ in DEADLINES])
def test_deadline_phrases_of_nb_nn_sv_and_en(text: str, found: Deadline) -> None:
    assert deadline(text) == found
    assert unread_words(text, None, with_deadline=True) == []


@pytest.mark.parametrize("text", ["innen 2030", "4,5 - 6", "1990 - 2030", "Økning"])
def test_no_deadline_without_a_target_before_the_phrase(text: str) -> None:
    assert deadline(text) is None


def card(indicators: str):
    return parse_definitions(made_up_card(indicators))


def test_validate_warns_target_words_quoting_them_and_keeps_the_text():
    scorecard = card("""\
        - {id: A.1.1, name: Made-up, unit: "%", target: "minst 80 % av søknadene"}
        - {id: A.1.2, name: Made-up, unit: "%", bands: {desired: [{min: 0, text: "0 % negativt avvik"}]}}
        """)
    (first, _) = scorecard.indicators()
    assert first.bands[0].text == "minst 80 % av søknadene"  # shown as printed
    warnings = word_warnings(scorecard)
    assert [(w.code, w.line, w.indicator) for w in warnings] == [("target-words", 9, "A.1.1")]
    assert warnings[0].message == (
        "A.1.1: 'av søknadene' in 'minst 80 % av søknadene' are not read: shown with the band, rating nothing "
        "(a deadline is written '35 500 innen 2030' or {text: '35 500', by: 2030})"
    )


def test_kpi_validate_prints_target_words_and_counts_it(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text(made_up_card('- {id: A.1.1, name: Made-up, target: "3 % reduksjon", direction: lower}\n'))
    result = cli_runner().invoke(main, ["validate", "--lang", "en", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}:9:13: warning: A.1.1: 'reduksjon' in '3 % reduksjon' is not read" in result.stderr
    assert result.stdout.endswith("1 indicator, 1 warning\n")
    silenced = cli_runner().invoke(main, ["validate", str(path), "--ignore", "target-words"])
    assert "target-words" not in silenced.stderr


def test_a_bare_target_with_words_keeps_them_beside_the_interval_it_rates():
    (indicator,) = card('- {id: A.1.1, name: Made-up, target: "3 % reduksjon", direction: lower}\n').indicators()
    assert indicator.bands[0].text == "≤ 3 % (3 % reduksjon)"
    (plain,) = card('- {id: A.1.1, name: Made-up, target: "3,0 %", direction: lower}\n').indicators()
    assert plain.bands[0].text == "≤ 3,0 %"  # nothing to keep: printed as a scorecard prints it
