"""Band text exactly as municipalities print it reads without rewriting (README "From the printed
scorecard to indicators.yaml").

Each printed form is a row of the notation table and has a row here, from a real printed example
(Asker's focus areas Økonomi, Samfunn, Medarbeidere, Brukere and Medvirkning, 2014-2017). The
indicators and results of the end-to-end tests are made up.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpi_cli.bands.notation import FORMS, BandSyntaxError, ProseBand, band_lines, display_text, parse_band_text
from kpi_cli.definitions.load import parse_definitions
from kpi_cli.model import Interval
from kpi_cli.rating.checks import readings


def D(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def closed(low: str, high: str) -> Interval:
    return Interval(D(low), D(high), True, True)


def below(high: str) -> Interval:
    return Interval(None, D(high), False, False)


def above(low: str) -> Interval:
    return Interval(D(low), None, False, False)


PRINTED: list[tuple[str, list[Interval]]] = [
    # a line break inside a table cell separates intervals, like ';' and a YAML list
    ("250 - 299\n400 - 449", [closed("250", "299"), closed("400", "449")]),
    ("< 0,99 %\n> 2,00 %", [below("0,99"), above("2,00")]),
    ("< 0,99 %\r\n> 2,00 %", [below("0,99"), above("2,00")]),
    ("< 0,99 %\n\n> 2,00 %", [below("0,99"), above("2,00")]),
    ("250 - 299\n400 - 449; 500", [closed("250", "299"), closed("400", "449"), closed("500", "500")]),
    # a range or a unit that wrapped in a narrow cell stays one interval
    ("0,1 -\n0,75 % negativt avvik", [closed("0,1", "0,75")]),
    ("0,1 - 0,75\n% negativt avvik", [closed("0,1", "0,75")]),
    # typographic signs: guillemets for < and >, en dash, em dash and U+2212 for dashes and minus
    ("‹ 249", [below("249")]),
    ("› 449", [above("449")]),
    ("2–4,9", [closed("2", "4,9")]),
    ("2—4,9", [closed("2", "4,9")]),
    ("2 − 4,9", [closed("2", "4,9")]),
    ("−1 − 2", [closed("-1", "2")]),
    ("−4,4", [closed("-4,4", "-4,4")]),
    ("– 4,4", [closed("-4,4", "-4,4")]),
    ("−2,3 – −1", [closed("-2,3", "-1")]),
    # a label before a range in brackets: the label is shown, the range is rated
    ("Meget bra (81-100 poeng)", [closed("81", "100")]),
    ("Dårlig\n(1-60 poeng)", [closed("1", "60")]),
    ("Middels (61 – 80 poeng)", [closed("61", "80")]),
    # a comparison sign glued to a range: the range is rated
    ("<1,00 - 1,29 %", [closed("1,00", "1,29")]),
    (">1,70 - 1,99 %", [closed("1,70", "1,99")]),
    ("<1,00 - 1,29 %\n>1,70 - 1,99 %", [closed("1,00", "1,29"), closed("1,70", "1,99")]),
    ("‹1,00 - 1,29 %", [closed("1,00", "1,29")]),
    # magnitudes as printed read as the numbers written (README: how to model a signed value)
    ("0 % negativt avvik", [closed("0", "0")]),
    ("> 0,75 % negativt avvik", [above("0,75")]),
]


@pytest.mark.parametrize(("text", "expected"), PRINTED, ids=[repr(t) for t, _ in PRINTED])
def test_printed_band_text_reads(text: str, expected: list[Interval]) -> None:
    assert list(parse_band_text(text)) == expected


def test_each_printed_form_is_a_row_of_the_notation_table() -> None:
    rows = {form.name: form.example for form in FORMS}
    assert rows["‹"] == "‹ 249"
    assert rows["›"] == "› 2,00 %"
    assert rows["sign+range"] == "<1,00 - 1,29 %"
    assert rows["labelled"] == "Meget bra (81-100 poeng)"
    for form in FORMS:
        assert parse_band_text(form.example), form.name


DISPLAYED = [
    ("250 - 299\n400 - 449", "250 - 299; 400 - 449"),
    ("< 0,99 %\n> 2,00 %", "< 0,99 %; > 2,00 %"),
    ("Dårlig\n(1-60 poeng)", "Dårlig (1-60 poeng)"),
    ("0,1 -\n0,75 %", "0,1 - 0,75 %"),
    ("0,1 - 0,75\n% negativt avvik", "0,1 - 0,75 % negativt avvik"),
    ("Mindre tilstede-\nværelse", "Mindre tilstede-værelse"),
    ("‹ 249", "‹ 249"),
    ("4,5  -\u00a06", "4,5 - 6"),
]


@pytest.mark.parametrize(("text", "shown"), DISPLAYED, ids=[repr(t) for t, _ in DISPLAYED])
def test_band_text_is_shown_on_one_line(text: str, shown: str) -> None:
    assert display_text(text) == shown


def test_lines_with_no_number_go_with_their_neighbour() -> None:
    assert band_lines("Meget bra\n(81-100 poeng)\nDårlig\n(1-60 poeng)") == [
        "Meget bra (81-100 poeng)",
        "Dårlig (1-60 poeng)",
    ]


# --- errors -----------------------------------------------------------------------------------

PROSE_TAIL = (
    "(min, max or both; several intervals as a YAML list of these, or as text with ';' or a line break between them)"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Økning",
            "'Økning' holds no number, so it cannot be rated: give the interval in the structured form with the "
            f'words as its text, e.g. [{{min: 0, min_inclusive: false, text: "Økning"}}] {PROSE_TAIL}',
        ),
        (
            "Mindre tilstede-værelse",
            "'Mindre tilstede-værelse' holds no number, so it cannot be rated: give the interval in the structured "
            'form with the words as its text, e.g. [{min: 0, min_inclusive: false, text: "Mindre tilstede-værelse"}] '
            f"{PROSE_TAIL}",
        ),
        (
            "Mindre tilstede-\nværelse",
            "'Mindre tilstede-↵værelse' holds no number, so it cannot be rated: give the interval in the structured "
            'form with the words as its text, e.g. [{min: 0, min_inclusive: false, text: "Mindre tilstede-værelse"}] '
            f"{PROSE_TAIL}",
        ),
    ],
)
def test_prose_says_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ProseBand) as info:
        parse_band_text(text)
    assert str(info.value) == message
    assert isinstance(info.value, BandSyntaxError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4,5 -- 6", "'4,5 -- 6' has a double dash: write one dash between the numbers, as in '4,5 - 6'"),
        ("4,5--6", "'4,5--6' has a double dash: write one dash between the numbers, as in '4,5 - 6'"),
        ("4,5 –– 6", "'4,5 –– 6' has a double dash: write one dash between the numbers, as in '4,5 - 6'"),
        (
            "250 - 299 400 - 449",
            "cannot read band '250 - 299 400 - 449': several intervals? separate them with ';', a line break "
            "or a YAML list",
        ),
        ("250 - 299\n400 - 4x9", "cannot read band '400 - 4x9' (in '250 - 299↵400 - 4x9')"),
        ("6 - 4,5\n> 6", "'6 - 4,5' is empty: its low end lies above its high end (in '6 - 4,5↵> 6')"),
        ("Meget bra (100-81 poeng)", "'100-81 poeng' is empty: its low end lies above its high end"),
        (
            "< 0,99 % > 2,00 %",
            "cannot read band '< 0,99 % > 2,00 %': several intervals? separate them with ';', a line break "
            "or a YAML list",
        ),
    ],
)
def test_unreadable_printed_text_names_the_cause(text: str, message: str) -> None:
    with pytest.raises(BandSyntaxError) as info:
        parse_band_text(text)
    assert str(info.value) == message


def test_a_minus_after_a_spaced_dash_is_still_a_negative_end() -> None:
    # '-2 - -1' is a range of two negative numbers, not a double dash
    assert parse_band_text("-2 - -1") == (closed("-2", "-1"),)


# --- the note validate gives for a glued sign ----------------------------------------------------

POPULATION = """
scorecard: Made up
focus_areas:
  - id: S
    name: Samfunn
    goals:
      - id: S.1
        name: Vekst
        indicators:
          - id: S.1.2
            name: Befolkningsvekst
            bands:
              desired: "1,30 - 1,69 %"
              accepted: "{accepted}"
              not_approved: "< 1,00 %\\n> 1,99 %"
"""


def test_glued_signs_are_noted_as_read() -> None:
    scorecard = parse_definitions(POPULATION.format(accepted="<1,00 - 1,29 %\\n>1,70 - 1,99 %"), "p.yaml")
    (indicator,) = scorecard.indicators()
    assert readings(indicator.bands) == [
        "accepted band '<1,00 - 1,29 %' is read as the range 1,00 - 1,29; '<' is taken to say it lies below "
        "the desired band",
        "accepted band '>1,70 - 1,99 %' is read as the range 1,70 - 1,99; '>' is taken to say it lies above "
        "the desired band",
    ]


def test_a_glued_sign_on_the_wrong_side_is_said() -> None:
    scorecard = parse_definitions(POPULATION.format(accepted=">1,00 - 1,29 %\\n>1,70 - 1,99 %"), "p.yaml")
    (indicator,) = scorecard.indicators()
    assert readings(indicator.bands)[0] == (
        "accepted band '>1,00 - 1,29 %' is read as the range 1,00 - 1,29; '>' is taken to say it lies above "
        "the desired band, but it does not (desired: 1,30 - 1,69)"
    )


def test_no_notes_without_glued_signs() -> None:
    scorecard = parse_definitions(POPULATION.format(accepted="1,00 - 1,29 %; 1,70 - 1,99 %"), "p.yaml")
    (indicator,) = scorecard.indicators()
    assert readings(indicator.bands) == []


# --- end to end through kpi validate and kpi evaluate ------------------------------------------

PRINTED_YAML = """\
# Made up for a test: band texts exactly as printed tables write them.
scorecard: Trykt målekart
focus_areas:
  - id: S
    name: Samfunn
    goals:
      - id: S.1
        name: Vekst
        indicators:
          - id: S.1.1
            name: Nye boliger
            unit: boliger
            bands:
              desired: "300 - 399"
              accepted: "250 - 299\\n400 - 449"
              not_approved: "‹ 249\\n› 449"
          - id: S.1.2
            name: Befolkningsvekst
            unit: "%"
            bands:
              desired: "1,30 - 1,69 %"
              accepted: "<1,00 - 1,29 %\\n>1,70 - 1,99 %"
              not_approved: "< 0,99 %\\n> 2,00 %"
          - id: S.1.3
            name: Brukertilfredshet
            unit: poeng
            scale: [1, 100]
            bands:
              desired: "Meget bra (81-100 poeng)"
              accepted: "Middels\\n(61-80 poeng)"
              not_approved: "Dårlig\\n(1-60 poeng)"
          - id: S.1.4
            name: Frivillige lag
            bands:
              desired: [{min: 0, min_inclusive: false, text: "Økning"}]
              not_approved: [{max: 0, text: "Nedgang"}]
"""


def test_validate_reads_the_printed_forms(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "printed.yaml").write_text(PRINTED_YAML, encoding="utf-8")
    result = kpi("validate", "printed.yaml", "--lang", "en")
    assert_ok(result, 0)
    assert result.stdout == "printed.yaml: ok: 1 focus area, 1 goal, 4 indicators, 3 warnings\n"
    assert result.stderr.splitlines() == [
        # '‹ 249' leaves 249 itself between the bands, and 0,99 and 2,00 too: written at the
        # bands' own precision, so worth a warning
        "printed.yaml:10:13: warning: S.1.1: values in [249, 250) fall between not_approved and accepted; "
        "rated not_approved under gap policy worse [band-gap]",
        "printed.yaml:17:13: warning: S.1.2: values in [0,99, 1,00) fall between not_approved and accepted; "
        "rated not_approved under gap policy worse [band-gap]",
        "printed.yaml:17:13: warning: S.1.2: values in (1,99, 2,00] fall between accepted and not_approved; "
        "rated not_approved under gap policy worse [band-gap]",
        "printed.yaml:17:13: note: S.1.2: accepted band '<1,00 - 1,29 %' is read as the range 1,00 - 1,29; "
        "'<' is taken to say it lies below the desired band [band-reading]",
        "printed.yaml:17:13: note: S.1.2: accepted band '>1,70 - 1,99 %' is read as the range 1,70 - 1,99; "
        "'>' is taken to say it lies above the desired band [band-reading]",
        "printed.yaml: note: 6 gaps between bands in 3 indicators hold only values written more finely "
        "than the bands (e.g. 299,5 in S.1.1, between accepted and desired); such values are rated by the gap "
        "policy [gap-summary]",
    ]


def test_evaluate_rates_the_printed_forms(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "printed.yaml").write_text(PRINTED_YAML, encoding="utf-8")
    (tmp_path / "2015.csv").write_text(
        "indikator;år;verdi\nS.1.1;2015;249\nS.1.2;2015;1,75\nS.1.3;2015;72\nS.1.4;2015;3\n", encoding="utf-8"
    )
    result = kpi("evaluate", "2015.csv", "--indicators", "printed.yaml", "--format", "csv")
    assert_ok(result, 1)  # 249 is not approved
    assert result.stdout.splitlines()[1:] == [
        "S.1.1;Nye boliger;S.1;S;;2015;249;boliger;not_approved;Ikke godkjent resultat;300 - 399;"
        '"250 - 299; 400 - 449";"‹ 249; › 449";active;aktiv;2015.csv;2;;;false;;;',
        "S.1.2;Befolkningsvekst;S.1;S;;2015;1,75;%;accepted;Laveste aksepterte resultat;1,30 - 1,69 %;"
        '"<1,00 - 1,29 %; >1,70 - 1,99 %";"< 0,99 %; > 2,00 %";active;aktiv;2015.csv;3;;;false;;;',
        "S.1.3;Brukertilfredshet;S.1;S;;2015;72;poeng;accepted;Laveste aksepterte resultat;"
        "Meget bra (81-100 poeng);Middels (61-80 poeng);Dårlig (1-60 poeng);active;aktiv;2015.csv;4;;;false;;;",
        "S.1.4;Frivillige lag;S.1;S;;2015;3;;desired;Ønsket resultat;Økning;;Nedgang;active;aktiv;2015.csv;5;;;"
        "false;;;",
    ]
    assert result.stderr == "kpi: 1 resultat feiler --fail-on not_approved: S.1.1\n"  # nb, as the CSV


BAD_YAML = """\
scorecard: Made up
focus_areas:
  - id: S
    name: Samfunn
    goals:
      - id: S.1
        name: Vekst
        indicators:
          - id: S.1.1
            name: Frivillige lag
            bands:
              desired: "Økning"
          - id: S.1.2
            name: Sykefravær
            bands:
              desired: "4,5 -- 6"
          - id: S.1.3
            name: Boliger
            bands:
              accepted: "250 - 299 400 - 449"
              not_approved: "Mindre tilstede-\\nværelse"
"""


def test_validate_explains_printed_text_it_cannot_rate(kpi, tmp_path, monkeypatch, assert_error) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text(BAD_YAML, encoding="utf-8")
    hint = "; write it like '4,5 - 6', '> 5 %', 'minst 10' or as min/max"
    assert_error(
        kpi("validate", "bad.yaml"),
        [
            "bad.yaml:12:24: error: indicator S.1.1: desired band: 'Økning' holds no number, so it cannot be "
            "rated: give the interval in the structured form with the words as its text, e.g. "
            f'[{{min: 0, min_inclusive: false, text: "Økning"}}] {PROSE_TAIL} [band-syntax]',
            "bad.yaml:16:24: error: indicator S.1.2: desired band: '4,5 -- 6' has a double dash: write one dash "
            f"between the numbers, as in '4,5 - 6'{hint} [band-syntax]",
            "bad.yaml:20:25: error: indicator S.1.3: accepted band: cannot read band '250 - 299 400 - 449': "
            f"several intervals? separate them with ';', a line break or a YAML list{hint} [band-syntax]",
            "bad.yaml:21:29: error: indicator S.1.3: not_approved band: 'Mindre tilstede-↵værelse' holds no "
            "number, so it cannot be rated: give the interval in the structured form with the words as its text, "
            f'e.g. [{{min: 0, min_inclusive: false, text: "Mindre tilstede-værelse"}}] {PROSE_TAIL} [band-syntax]',
        ],
    )


def test_evaluate_stops_on_printed_text_it_cannot_rate(kpi, tmp_path, monkeypatch, assert_error) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text(BAD_YAML, encoding="utf-8")
    (tmp_path / "2015.csv").write_text("indikator;år;verdi\nS.1.1;2015;3\n", encoding="utf-8")
    result = kpi("evaluate", "2015.csv", "--indicators", "bad.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        "bad.yaml:16:24: error: indicator S.1.2: desired band: '4,5 -- 6' has a double dash: write one dash "
        "between the numbers, as in '4,5 - 6'; write it like '4,5 - 6', '> 5 %', 'minst 10' or as min/max [band-syntax]"
    )
