"""indicators.yaml: `kpi validate` and load_definitions on good files and on several problems at
once. Each single bad file, with its exact problem line, is a case in test_bad_definitions.py.

Every definitions file here except the seed's is made up for the test: the
names, ids and bands mean nothing beyond the case each one checks.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_GAP_WARNINGS, SEED_IDS, SEED_INDICATORS, seed_line
from made_up import made_up_head

from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.errors import DefinitionError, KpiError
from kpi_cli.model import Direction, GapPolicy, Interval, PhaseState, Status

# Lines 1-8 of every made-up file below; the indicator list starts on line 9, its first key in column 13.
HEAD = made_up_head("Made-up kommune - målekart")


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(kpi, workdir, write, assert_error):
    write("bad.yaml", HEAD + "          - id: A.1.1\n            name: Made-up indicator\n            xyzzy: 1\n")
    result = kpi("validate", "bad.yaml")
    assert_error(result, result.stderr.splitlines())  # exit 2, no traceback
    [line] = result.stderr.splitlines()
    prefix = "bad.yaml:11:13: error: indikator: ukjent nøkkel 'xyzzy'; tillatt: id, name, unit, scale, bands, "
    assert line.startswith(prefix), line
    for key in ("phase_in", "gap_policy", "direction", "tags", "source"):
        assert key in line
    assert "did you mean" not in line


MANY_PROBLEMS = """\
scorecard: Made-up kommune - målekart
languag: nb
focus_areas:
  - id: A
    name: Made-up area
    goals:
      - id: A.1
        name: Made-up goal
        indicators:
          - id: A.1.1
            name: Made-up indicator
            untis: "%"
            bands:
              desired: "4 - 6"
              accepted: "3 - 4,5"
          - id: A.1.1
            name: Made-up twin
            phase_in:
              year: soon
          - id: A.1.3
            bands:
              desired: "fem"
          - id: A.1.4
            name: Made-up indicator
            phase_in: 20155
"""


def test_validate_reports_every_problem_in_one_run(kpi, workdir, write, assert_error):
    write("many.yaml", MANY_PROBLEMS)
    result = kpi("validate", "many.yaml")
    assert_error(
        result,
        [
            "many.yaml:2:1: error: definisjonene: ukjent nøkkel 'languag' (mente du 'language'?) [unknown-key]",
            "many.yaml:12:13: error: indikator: ukjent nøkkel 'untis' (mente du 'unit'?) [unknown-key]",
            "many.yaml:13:13: error: indicator A.1.1: bands overlap: accepted '3 - 4,5' and desired '4 - 6'"
            " [band-overlap]",
            "many.yaml:16:17: error: duplicate id 'A.1.1': already used by the indicator on line 10 [duplicate-id]",
            "many.yaml:19:21: error: indikator A.1.1: phase_in year må være et heltall, ikke 'soon' [wrong-type]",
            "many.yaml:20:13: error: indikator: mangler den påkrevde nøkkelen 'name' [missing-key]",
            "many.yaml:22:24: error: indicator A.1.3: desired band: 'fem' holds no number, so it cannot "
            "be rated: give the interval in the structured form with the words as its text, e.g. "
            '[{min: 0, min_inclusive: false, text: "fem"}] (min, max or both; several intervals as a '
            "YAML list of these, or as text with ';' or a line break between them) [band-syntax]",
            "many.yaml:25:23: error: indicator A.1.4: phase_in year must be a year between 1900 and 2200, not 20155"
            " [out-of-range]",
        ],
    )


def test_validate_missing_file(kpi, workdir, assert_error):
    assert_error(
        kpi("validate", "nowhere.yaml"),
        [
            "nowhere.yaml: error: definitions file not found (give --indicators PATH or set KPI_INDICATORS)"
            " [unreadable-file]"
        ],
    )


def test_validate_a_folder(kpi, workdir, assert_error):
    (workdir / "folder.yaml").mkdir()
    result = kpi("validate", "folder.yaml")
    _, _, message = result.stderr.partition("folder.yaml: error: ")
    assert message.startswith("cannot read definitions file"), result.stderr
    assert_error(result, [result.stderr.strip()])


def test_validate_not_utf8(kpi, workdir, write, assert_error):
    write("latin.yaml", (HEAD + "          - id: A.1.1\n            name: Måling\n").encode("cp1252"))
    result = kpi("validate", "latin.yaml")
    assert len(result.stderr.splitlines()) == 1
    # The line and column of the first byte that is not UTF-8: the å of "målekart" on line 1.
    assert result.stderr == (
        "latin.yaml:1:31: error: definitions file is not UTF-8 text (invalid continuation byte: byte 0xe5;"
        " save it as UTF-8) [unreadable-file]\n"
    )
    assert_error(result, [result.stderr.strip()])


GOOD = (
    HEAD
    + """\
          - id: A.1.1
            name: Made-up target range
            unit: "%"
            bands:
              desired: "1,30 - 1,69 %"
              accepted: ["1,00 - 1,29 %", "1,70 - 1,99 %"]
              not_approved: ["< 1,00 %", "> 1,99 %"]
          - id: A.1.2
            name: Made-up lower is better
            gap_policy: nearest
            bands:
              desired: "høyst 7"
              accepted: {min: 7, max: 10, min_inclusive: false, max_inclusive: false, text: "over 7, under 10"}
              not_approved: "minst 10"
          - id: A.1.3
            name: Made-up structured band
            bands:
              desired: {min: 0, max: 2, max_inclusive: false, text: "under 2"}
              not_approved: {min: 2}
"""
)


def test_validate_a_good_made_up_file(kpi, workdir, write, assert_ok):
    write("good.yaml", GOOD)
    result = kpi("validate", "good.yaml", "--lang", "en")
    assert_ok(result, 0)
    # The target range's published edges leave two gaps that hold no value written with two decimals,
    # as its bands are: one note, no warning. The other two indicators have none.
    assert result.stderr.splitlines() == [
        "good.yaml: note: 2 gaps between bands in 1 indicator hold only values written more finely than "
        "the bands (e.g. 1,295 in A.1.1, between accepted and desired); such values are rated by the gap policy "
        "[gap-summary]",
    ]
    assert result.stdout == "good.yaml: ok: 1 focus area, 1 goal, 3 indicators, 0 warnings\n"


# --- load_definitions / parse_definitions ----------------------------------------------------------


def test_load_seed():
    scorecard = load_definitions(SEED_INDICATORS)
    assert scorecard.name == "Asker kommune - målekart"
    assert scorecard.language == "nb"
    assert scorecard.gap_policy is GapPolicy.WORSE
    assert [i.id for i in scorecard.indicators()] == SEED_IDS
    indicators = scorecard.indicator_map()
    first = indicators["L.1.1"]
    assert first.name == "Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse"
    assert first.unit == "score 1-6"
    assert first.scale == Interval(Decimal(1), Decimal(6), True, True)
    assert first.direction is Direction.HIGHER_IS_BETTER
    assert first.band(Status.DESIRED).text == "4,5 - 6"
    assert first.band(Status.DESIRED).intervals == (Interval(Decimal("4.5"), Decimal(6), True, True),)
    assert first.band(Status.NOT_APPROVED).intervals == (Interval(Decimal(0), Decimal("3.9"), True, True),)
    assert first.location.line == seed_line("L.1.1") and first.location.column == 13
    l21 = indicators["L.2.1"]
    assert l21.band(Status.DESIRED).intervals == (Interval(Decimal(5), None, False, False),)
    assert l21.band(Status.NOT_APPROVED).intervals == (Interval(None, Decimal(2), False, False),)
    assert l21.tags == ("NYTT",)
    assert l21.phase_in.year == 2015 and not l21.phase_in.postponed
    assert l21.state(2014) is PhaseState.PENDING
    assert l21.state(2015) is PhaseState.NEW
    assert l21.state(2016) is PhaseState.ACTIVE
    for later in ("L.2.2", "L.2.3"):
        indicator = indicators[later]
        assert indicator.bands == ()
        assert indicator.phase_in.year == 2017
        assert indicator.phase_in.postponed is True
        assert indicator.phase_in.planned is None
        assert indicator.phase_in.reason == "Arbeidet med innovasjonsportalen er noe forsinket."
    assert indicators["L.1.2"].phase_in is None
    assert indicators["L.1.2"].state(1990) is PhaseState.ACTIVE


def test_parse_good_made_up_file():
    scorecard = parse_definitions(GOOD, "good.yaml")
    indicators = scorecard.indicator_map()
    target = indicators["A.1.1"]
    assert target.direction is Direction.TARGET_RANGE
    assert target.band(Status.ACCEPTED).intervals == (
        Interval(Decimal("1.00"), Decimal("1.29"), True, True),
        Interval(Decimal("1.70"), Decimal("1.99"), True, True),
    )
    lower = indicators["A.1.2"]
    assert lower.direction is Direction.LOWER_IS_BETTER
    assert lower.gap_policy is GapPolicy.NEAREST
    assert lower.band(Status.DESIRED).intervals == (Interval(None, Decimal(7), False, True),)
    assert lower.band(Status.ACCEPTED).text == "over 7, under 10"
    assert lower.band(Status.ACCEPTED).intervals == (Interval(Decimal(7), Decimal(10), False, False),)
    assert lower.band(Status.NOT_APPROVED).intervals == (Interval(Decimal(10), None, True, False),)
    structured = indicators["A.1.3"]
    assert structured.band(Status.DESIRED).text == "under 2"
    assert structured.band(Status.DESIRED).intervals == (Interval(Decimal(0), Decimal(2), True, False),)


def test_parse_raises_every_problem_with_its_position():
    with pytest.raises(KpiError) as caught:
        parse_definitions(MANY_PROBLEMS, "many.yaml")
    problems = caught.value.errors
    assert len(problems) == 8
    assert all(isinstance(problem, DefinitionError) for problem in problems)
    assert sorted((p.line, p.column) for p in problems) == [
        (2, 1),
        (12, 13),
        (13, 13),
        (16, 17),
        (19, 21),
        (20, 13),
        (22, 24),
        (25, 23),
    ]
    assert all(problem.path == "many.yaml" for problem in problems)


def test_seed_validate_warning_lines_match_the_indicator_positions():
    scorecard = load_definitions(SEED_INDICATORS)
    lines = SEED_INDICATORS.read_text(encoding="utf-8").splitlines()
    for warning in SEED_GAP_WARNINGS:
        line = int(warning.split(":")[1])
        indicator_id = warning.split("warning: ")[1].split(":")[0]
        assert lines[line - 1].strip() == f"- id: {indicator_id}"
        assert scorecard.indicator_map()[indicator_id].location.line == line
