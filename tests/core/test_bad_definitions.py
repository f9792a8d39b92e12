"""Every bad definitions file, one case per line: the YAML given -> the exact problem line.

The table is the one place for definitions that must be refused (yamllint's tests are the model).
A case's YAML is, by its first character:

- plain: fields of the indicator A.1.1 (added under ``- id: A.1.1`` / ``name: Made-up indicator``
  on lines 10-11, in column 13), so its first line is line 12;
- ``@``: entries of goal A.1's indicator list (from line 10, column 11);
- ``^``: top-level keys, put before the rest (so its first line is line 1);
- ``/``: the whole file.

The expected line is what ``kpi validate bad.yaml`` prints after ``bad.yaml:``. Everything here is
made up for the test. Where problems are listed and how their codes work: README, "Problems and
their codes"; where the checks live: ARCHITECTURE.md.
"""

from __future__ import annotations

import textwrap

import pytest
from made_up import made_up_head

from kpi_cli.definitions.load import parse_definitions
from kpi_cli.errors import KpiError

GOAL = made_up_head(
    "Made-up kommune - målekart", "measures: [{id: a, name: Made-up count a}, {id: b, name: Made-up count b}]"
)
INDICATOR = GOAL + "          - id: A.1.1\n            name: Made-up indicator\n"

# fmt: off
CASES = [
    ("unknown_key", 'untis: "%"', "12:13: error: indicator: unknown key 'untis' (did you mean 'unit'?) [unknown-key]"),
    ("unknown_top_level_key", "^languag: nb", "1:1: error: definitions: unknown key 'languag' (did you mean 'language'?) [unknown-key]"),
    ("kolada_not_a_mapping", "kolada: N00945", "12:21: error: indicator A.1.1: kolada must be a mapping: {kpi: N00945, gender: T} [wrong-type]"),
    ("kolada_gender_w", "kolada: {kpi: N00945, gender: W}", "12:43: error: indicator A.1.1: kolada: gender must be T (all), K (women) or M (men), not 'W' [invalid-choice]"),
    ("kolada_kpi_a_number", "kolada: {kpi: 945}", "12:27: error: indicator A.1.1: kolada: kpi '945' is not a Kolada key figure id such as N00945 [kolada-id]"),
    ("kolada_without_kpi", "kolada: {gender: K}", "12:21: error: indicator A.1.1: kolada: missing required key 'kpi' (the key figure's id, such as N00945) [missing-key]"),
    ("kolada_unknown_key", "kolada: {kpi: N00945, kön: K}", "12:21: error: indicator A.1.1: kolada: unknown key 'kön'; allowed: kpi, gender [unknown-key]"),
    ("municipality_kolada_unquoted", "^municipality: {kolada: 180}", '1:24: error: municipality: kolada \'180\' is not a Kolada municipality id such as "0180" (four digits, quoted) [kolada-id]'),
    ("municipality_without_code_or_kolada", "^municipality: {name: Stockholm}", "1:15: error: municipality: missing required key 'code' (or 'kolada') [missing-key]"),
    ("benchmark_kolada_unquoted", "^benchmarks: [{kolada: 184}]", '1:23: error: benchmarks: kolada \'184\' is not a Kolada municipality id such as "0180" (four digits, quoted) [kolada-id]'),
    ("benchmark_unknown_key", '^benchmarks: [EKG13, {kolada: "0184", navn: Solna}]', "1:21: error: benchmarks: unknown key 'navn'; allowed: code, kolada [unknown-key]"),
    ("benchmark_mapping_names_nothing", "^benchmarks: [{}]", '1:14: error: benchmarks: a mapping must name SSB\'s code or Kolada\'s id: {code: EKG13, kolada: "0184"} [missing-key]'),
    ("wrong_type_scale", "scale: six", "12:20: error: indicator A.1.1: scale must be [minimum, maximum], e.g. [1, 6] [invalid-scale]"),
    ("wrong_type_name", "@- id: A.1.1\n  name: [a, b]", "11:19: error: indicator A.1.1: name must be text [wrong-type]"),
    ("wrong_type_owner", "owner: [a, b]", "12:20: error: indicator A.1.1: owner must be text [wrong-type]"),
    ("empty_owner", "owner: ''", "12:20: error: indicator A.1.1: owner must not be empty [empty-value]"),
    ("wrong_type_postponed", "phase_in:\n  year: 2017\n  postponed: maybe", "14:26: error: indicator A.1.1: phase_in postponed must be true or false, not 'maybe' [wrong-type]"),
    ("wrong_type_tags_mapping", "tags: {a: b}", "12:19: error: indicator A.1.1: tags must be a list [wrong-type]"),
    ("wrong_type_gap_policy", "gap_policy: better", "12:25: error: indicator A.1.1: gap_policy must be one of worse, nearest, not 'better' [invalid-choice]"),
    ("duplicate_indicator_id", "@- id: A.1.1\n  name: Made-up indicator\n- id: A.1.1\n  name: Another made-up indicator", "12:17: error: duplicate id 'A.1.1': already used by the indicator on line 10 [duplicate-id]"),
    ("indicator_id_of_a_goal", "@- id: A.1\n  name: Made-up indicator", "10:17: error: duplicate id 'A.1': already used by the goal on line 7 [duplicate-id]"),
    ("key_given_twice", "name: Again", "12:13: error: indicator: key 'name' is given twice [duplicate-key]"),
    ("bad_band_text", 'bands:\n  desired: "fem eller mer"', '13:24: error: indicator A.1.1: desired band: \'fem eller mer\' holds no number, so it cannot be rated: give the interval in the structured form with the words as its text, e.g. [{min: 0, min_inclusive: false, text: "fem eller mer"}] (min, max or both; several intervals as a YAML list of these, or as text with \';\' or a line break between them) [band-syntax]'),
    ("empty_band_interval", 'bands:\n  desired: "6 - 4,5"', "13:24: error: indicator A.1.1: desired band: '6 - 4,5' is empty: its low end lies above its high end; write it like '4,5 - 6', '> 5 %', 'minst 10' or as min/max [band-syntax]"),
    ("overlapping_bands", 'bands:\n  desired: "4 - 6"\n  accepted: "3 - 4,5"\n  not_approved: "< 3"', "12:13: error: indicator A.1.1: bands overlap: accepted '3 - 4,5' and desired '4 - 6' [band-overlap]"),
    ("overlap_at_a_shared_edge", 'bands:\n  desired: ">= 5"\n  accepted: "2 - 5"', "12:13: error: indicator A.1.1: bands overlap: accepted '2 - 5' and desired '>= 5' [band-overlap]"),
    ("direction_contradicts_bands", 'direction: lower_is_better\nbands:\n  desired: "4,5 - 6"\n  accepted: "4 - 4,4"\n  not_approved: "0 - 3,9"', "13:13: error: indicator A.1.1: direction lower_is_better contradicts the bands, which say higher_is_better [direction-conflict]"),
    ("band_outside_scale", 'scale: [1, 6]\nbands:\n  desired: "7 - 10"\n  accepted: "4 - 6"', "14:24: error: indicator A.1.1: desired band '7 - 10' lies outside the scale 1 - 6 [band-outside-scale]"),
    ("phase_in_year_soon", "phase_in:\n  year: soon", "13:21: error: indicator A.1.1: phase_in year must be a whole number, not 'soon' [wrong-type]"),
    ("phase_in_year_20155", "phase_in:\n  year: 20155", "13:21: error: indicator A.1.1: phase_in year must be a year between 1900 and 2200, not 20155 [out-of-range]"),
    ("phase_in_scalar_20155", "phase_in: 20155", "12:23: error: indicator A.1.1: phase_in year must be a year between 1900 and 2200, not 20155 [out-of-range]"),
    ("phase_in_planned_after_year", "phase_in:\n  year: 2017\n  planned: 2018", "14:24: error: indicator A.1.1: phase_in: planned year 2018 must be before phase-in year 2017 [invalid-phase-in]"),
    ("yaml_syntax_unclosed_list", "@- id: A.1.1\n  name: [Made-up indicator", "12:1: error: invalid YAML: a list in [ ] is not closed with ']' [yaml-syntax]"),
    ("yaml_syntax_tab", "/scorecard: Made-up\nfocus_areas:\n  - id: A\n\tname: A\n", "4:1: error: invalid YAML: a tab character: YAML indents with spaces only; use spaces [yaml-syntax]"),
    ("yaml_syntax_indentation", "/scorecard: Made-up\nfocus_areas:\n  - id: A\n    name: A\n   goals: []\n", "5:4: error: invalid YAML: the indentation does not match the lines above; indent by the same number of spaces [yaml-syntax]"),
    ("yaml_syntax_unclosed_quote", "/scorecard: \"Made-up\nfocus_areas: []\n", "3:1: error: invalid YAML: a quote is not closed [yaml-syntax]"),
    # A value that starts with a character YAML reserves: one line that says to quote it, never PyYAML's words.
    ("yaml_unquoted_block_sign", "target: > 85 %", '12:21: error: invalid YAML: quote the value: target: "> 85 %" [yaml-syntax]'),
    ("yaml_unquoted_at_least", "bands:\n  desired: >= 4,5  # vedtatt", '13:24: error: invalid YAML: quote the value: desired: ">= 4,5" [yaml-syntax]'),
    ("yaml_unquoted_percent", "unit: %", '12:19: error: invalid YAML: quote the value: unit: "%" [yaml-syntax]'),
    ("yaml_unquoted_alias", "target: *85", '12:21: error: invalid YAML: quote the value: target: "*85" [yaml-syntax]'),
    ("yaml_unquoted_anchor", "target: & 5", '12:21: error: invalid YAML: quote the value: target: "& 5" [yaml-syntax]'),
    ("yaml_unquoted_tag", "target: !85 %", '12:21: error: invalid YAML: quote the value: target: "!85 %" [yaml-syntax]'),
    ("yaml_unquoted_bar", "target: | 5", '12:21: error: invalid YAML: quote the value: target: "| 5" [yaml-syntax]'),
    ("yaml_unquoted_at", "name: @kommune", '12:19: error: invalid YAML: quote the value: name: "@kommune" [yaml-syntax]'),
    ("yaml_unquoted_backtick", "name: `A`", '12:19: error: invalid YAML: quote the value: name: "`A`" [yaml-syntax]'),
    ("yaml_unquoted_with_quotes", 'name: > "A"', "12:19: error: invalid YAML: quote the value: name: '> \"A\"' [yaml-syntax]"),
    ("yaml_unquoted_in_a_list", "tags:\n  - > 5", '13:17: error: invalid YAML: quote the value: - "> 5" [yaml-syntax]'),
    ("yaml_unquoted_in_flow", "target_versions: [{from: 2016, target: > 85 %}]", '12:52: error: invalid YAML: quote the value: target: "> 85 %" [yaml-syntax]'),
    ("empty_file", "/", "1: error: definitions file is empty [empty-file]"),
    ("only_a_comment", "/# nothing here yet\n", "1: error: definitions file is empty [empty-file]"),
    ("missing_indicator_name", '@- id: A.1.1\n  unit: "%"', "10:13: error: indicator: missing required key 'name' [missing-key]"),
    ("missing_scorecard", "/focus_areas:\n  - id: A\n    name: Made-up area\n", "1:1: error: definitions: missing required key 'scorecard' [missing-key]"),
    ("missing_goal_name", "/scorecard: Made-up kommune - målekart\nfocus_areas:\n  - id: A\n    name: Made-up area\n    goals:\n      - id: A.1\n        indicators:\n          - id: A.1.1\n            name: Made-up indicator\n", "6:9: error: goal: missing required key 'name' [missing-key]"),
    ("not_a_mapping", "/- just\n- a list\n", "1:1: error: definitions must be a mapping (key: value lines) [wrong-type]"),
    ("python_tag_is_not_run", '@- id: A.1.1\n  name: !!python/object/apply:os.system ["echo made-up > pwned.txt"]', "11:19: error: indicator A.1.1: name must be text [wrong-type]"),
    ("compute_unknown_measure", "compute: {change: c}", "12:31: error: indicator A.1.1: compute change: unknown measure 'c'; measures: a, b [unknown-measure]"),
    ("compute_two_inputs_wanted", "compute: {share: a}", "12:30: error: indicator A.1.1: compute share: give a list of two measure ids, [numerator, denominator] [invalid-compute]"),
    ("compute_two_methods", "compute: {share: [a, b], ratio: [a, b]}", "12:22: error: indicator A.1.1: compute: give one computation, not 2 [invalid-compute]"),
    ("compute_unknown_method", "compute: {product: [a, b]}", "12:23: error: indicator A.1.1: compute: unknown key 'product'; allowed: change, share, ratio, difference, better_than [unknown-key]"),
    ("compute_one_input_wanted", "compute: {change: [a, b]}", "12:31: error: indicator A.1.1: compute change: give one measure id [invalid-compute]"),
    ("compute_three_inputs", "compute: {difference: [a, b, a]}", "12:35: error: indicator A.1.1: compute difference: give a list of two measure ids, [a, b] for a − b [invalid-compute]"),
    ("compute_unknown_second_input", "compute: {ratio: [a, nope]}", "12:30: error: indicator A.1.1: compute ratio: unknown measure 'nope'; measures: a, b [unknown-measure]"),
    ("compute_empty", "compute: {}", "12:22: error: indicator A.1.1: compute: give one of change, share, ratio, difference, better_than [invalid-compute]"),
    ("compute_better_than_itself", "compute: {better_than: {benchmark: EKG13, indicators: [A.1.1]}}", "10:13: error: indicator A.1.1: compute better_than: 'A.1.1' is not another indicator [invalid-compute]"),
    ("compute_better_than_no_indicators", "compute: {better_than: {benchmark: EKG13}}", "12:36: error: indicator A.1.1: compute better_than: missing required key 'indicators' [missing-key]"),
    ("compute_better_than_empty_list", "compute: {better_than: {benchmark: EKG13, indicators: []}}", "12:67: error: indicator A.1.1: compute better_than: list at least one indicator [invalid-compute]"),
    ("compute_better_than_no_direction", "@- id: A.1.1\n  name: Made-up share\n  compute: {better_than: {benchmark: EKG13, indicators: [A.1.2]}}\n- id: A.1.2\n  name: Made-up without bands", "10:13: error: indicator A.1.1: compute better_than: A.1.2 has no direction (higher or lower is better) to compare by [invalid-compute]"),
    ("min_base_below_1", "min_base: 0", "12:23: error: indicator A.1.1: min_base must be at least 1 [out-of-range]"),
    ("formula_id_fullwidth", "@- id: ＋A.1.1\n  name: Made-up indicator", "10:17: error: indicator id '＋A.1.1' must not begin with '＋': a spreadsheet would run it [formula-id]"),
    ("formula_id_equals", "@- id: '=A.1.1'\n  name: Made-up indicator", "10:17: error: indicator id '=A.1.1' must not begin with '=': a spreadsheet would run it [formula-id]"),
    ("id_with_a_line_break", '@- id: "A.1\\n1"\n  name: Made-up indicator', "10:17: error: indicator id 'A.1\\n1' holds a line break or control character [invalid-id]"),
    ("ignore_an_error", "ignore: [band-overlap]", "12:22: error: indicator A.1.1: ignore: 'band-overlap' is an error and cannot be ignored; only warnings can be silenced [not-ignorable]"),
    ("ignore_an_unknown_code", "ignore: band-gapp", "12:21: error: indicator A.1.1: ignore: unknown problem code 'band-gapp' (did you mean 'band-gap'?); the codes are listed in docs/reference/problem-codes.md [unknown-code]"),
    ("ignore_not_a_list", "ignore: {band-gap: true}", "12:21: error: indicator A.1.1: ignore must be a list [wrong-type]"),
    ("ignore_an_error_for_the_file", "^ignore: [band-gap, duplicate-id]", "1:20: error: ignore: 'duplicate-id' is an error and cannot be ignored; only warnings can be silenced [not-ignorable]"),
    ("bands_from_not_a_year", "bands:\n  - desired: '4,5 - 6'\n  - from: neste år\n    desired: '4 - 6'", "14:23: error: indicator A.1.1: bands from must be a whole number, not 'neste år' [wrong-type]"),
    ("two_versions_from_the_same_year", "bands:\n  - from: 2016\n    desired: '>= 5'\n  - from: 2016\n    desired: '>= 6'", "15:17: error: indicator A.1.1: overlapping band versions: two versions from 2016 (line 13) [version-overlap]"),
    ("eller_bedre_without_direction", "bands:\n  desired: 4,5 eller bedre", "12:13: error: indicator A.1.1: 'eller bedre' / 'eller dårligere' needs a direction: set direction: higher_is_better or lower_is_better [needs-direction]"),
    ("bands_that_make_no_order", "bands:\n  desired: '0 - 1'\n  accepted: '5 - 6'\n  not_approved: '2 - 3'", "12:13: error: indicator A.1.1: bands make no order: a better band lies further from the best than a worse one [band-order]"),
    ("structured_band_empty", "bands:\n  desired: {min: 5, max: 4}", "13:24: error: indicator A.1.1: desired band: the interval is empty (min lies above max) [empty-interval]"),
    ("structured_band_without_min_or_max", "bands:\n  desired: {text: fem}", "13:24: error: indicator A.1.1: desired band: give min, max or both [missing-key]"),
    ("scale_reversed", "scale: [6, 1]", "12:20: error: indicator A.1.1: scale: minimum 6 must be below maximum 1 [invalid-scale]"),
    ("band_entry_neither_text_nor_mapping", "bands:\n  desired: [[1, 2]]", "13:25: error: indicator A.1.1: desired band: each entry must be band text or a mapping with min/max [wrong-type]"),
    # levels and single targets (README, "Levels" and "Single targets")
    ('bare_target_without_direction', 'target: "3,0 %"', "12:21: error: indicator A.1.1: target '3,0 %' is a bare value: set direction: higher (at least the target) or direction: lower (at most) [bare-target]"),
    ('target_and_bands', 'target: "> 5"\nbands:\n  desired: "> 5"', '12:13: error: indicator A.1.1: give bands or a target, not both [invalid-target]'),
    ('tolerance_without_target', 'tolerance: "0,5"', '12:13: error: indicator A.1.1: tolerance needs a target [invalid-target]'),
    ('tolerance_not_an_amount', 'target: "> 5"\ntolerance: litt', "13:24: error: indicator A.1.1: tolerance must be an amount in the indicator's unit (0,5) or a share of the target (10 %) [invalid-target]"),
    ('target_contradicts_direction', 'target: "< 6 %"\ndirection: higher', '12:21: error: indicator A.1.1: target: direction higher_is_better contradicts the bands, which say lower_is_better [direction-conflict]'),
    ('target_not_read', 'target: "høyt"', "12:21: error: indicator A.1.1: target: cannot read band 'høyt'; write it like '> 85 %', '< 6 %', '0,5 - 1' [band-syntax]"),
    ('target_version_without_from', 'target:\n  - {target: "> 5"}', "13:17: error: indicator A.1.1: target: missing required key 'from' [missing-key]"),
    ('rate_change_of_a_computed_indicator', 'compute: {change: a}\nrate: change\ntarget: "> 5"', '13:13: error: indicator A.1.1: rate: change rates a value given in the results; a computed indicator has its own [invalid-target]'),
    ('verdicts_without_rate_verdict', 'target: "> 5"\nverdicts: {desired: [bra]}', "13:13: error: indicator A.1.1: verdicts: needs rate: verdict [invalid-target]"),
    ('verdicts_for_no_level', 'rate: verdict\nverdicts: {best: [bra]}', "13:24: error: indicator A.1.1: verdicts: 'best' is not a level of the scorecard (desired, accepted, not_approved) [invalid-levels]"),
    ('deadline_range', 'target: "30 - 40 innen 2030"', "12:21: error: indicator A.1.1: target '30 - 40 innen 2030': a target with a deadline is one value, at least or at most [invalid-target]"),
    ('rate_unknown', 'rate: delta\ntarget: "> 5"', "12:19: error: indicator A.1.1: rate must be one of value, change, verdict, not 'delta' [invalid-choice]"),
    ('four_levels', '^levels: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}, {id: d, label: D}]', '1:9: error: levels: give 2 or 3 levels, best first, not 4: the order of colours (best green, middle yellow, worst red) has room for three [invalid-levels]'),
    ('one_level', '^levels: [{id: a, label: A}]', '1:9: error: levels: give 2 or 3 levels, best first, not 1 [invalid-levels]'),
    ('level_id_twice', '^levels: [{id: a, label: A}, {id: a, label: B}]', "1:34: error: levels: id 'a' is used twice [invalid-levels]"),
    ('level_id_reserved', '^levels: [{id: missing, label: A}, {id: b, label: B}]', "1:15: error: levels: id 'missing' is a word the tool uses for results without a level [invalid-levels]"),
    ('level_label_not_in_the_language', '^levels: [{id: a, label: {en: A}}, {id: b, label: {nb: B}}]', "1:25: error: level a: label: give a label in the scorecard's language (nb) [invalid-levels]"),
    ('tolerance_on_two_levels', '/scorecard: Made-up\nlevels: [{id: met, label: Nådd}, {id: not_met, label: Ikke nådd}]\nfocus_areas:\n  - id: A\n    name: Made-up area\n    goals:\n      - id: A.1\n        name: Made-up goal\n        indicators:\n          - {id: A.1.1, name: Made-up, target: "> 5", tolerance: "1"}\n', '10:13: error: indicator A.1.1: a middle level (an accepted band or a tolerance) needs three levels; this scorecard has two (met and not_met) [invalid-levels]'),
    ('accepted_band_on_two_levels', '/scorecard: Made-up\nlevels: [{id: met, label: Nådd}, {id: not_met, label: Ikke nådd}]\nfocus_areas:\n  - id: A\n    name: Made-up area\n    goals:\n      - id: A.1\n        name: Made-up goal\n        indicators:\n          - {id: A.1.1, name: Made-up, bands: {desired: "> 5", accepted: "3 - 5", not_approved: "< 3"}}\n', '10:13: error: indicator A.1.1: a middle level (an accepted band or a tolerance) needs three levels; this scorecard has two (met and not_met) [invalid-levels]'),
    ('target_eller_bedre_without_direction', 'target: "4 eller bedre"', "12:21: error: indicator A.1.1: target '4 eller bedre' says 'eller bedre' / 'eller dårligere': set direction: higher or direction: lower [bare-target]"),
    ('tolerance_per_year_on_two_levels', '/scorecard: Made-up\nlevels: [{id: met, label: Nådd}, {id: not_met, label: Ikke nådd}]\nfocus_areas:\n  - id: A\n    name: Made-up area\n    goals:\n      - id: A.1\n        name: Made-up goal\n        indicators:\n          - id: A.1.1\n            name: Made-up\n            target:\n              - {from: 2014, target: "> 5"}\n              - {from: 2015, target: "> 6", tolerance: "1"}\n', '14:38: error: indicator A.1.1: a middle level (an accepted band or a tolerance) needs three levels; this scorecard has two (met and not_met) [invalid-levels]'),
    ('level_without_label', '^levels: [{id: a}, {id: b, label: B}]', "1:10: error: level: missing required key 'label' [missing-key]"),
]
# fmt: on


def document(case: str) -> str:
    if case.startswith("/"):
        return case[1:]
    if case.startswith("^"):
        return case[1:] + "\n" + INDICATOR
    if case.startswith("@"):
        return GOAL + textwrap.indent(case[1:] + "\n", " " * 10)
    return INDICATOR + textwrap.indent(case + "\n", " " * 12)


PARAMS = [pytest.param(case, expected, id=name) for name, case, expected in CASES]


@pytest.mark.parametrize(("case", "expected"), PARAMS)
def test_load_refuses_with_the_located_problem(case: str, expected: str) -> None:
    with pytest.raises(KpiError) as caught:
        parse_definitions(document(case), "bad.yaml")
    assert [error.format() for error in caught.value.errors] == [f"bad.yaml:{expected}"]


@pytest.mark.parametrize(("case", "expected"), PARAMS)
def test_validate_prints_it(kpi, workdir, write, assert_error, case: str, expected: str) -> None:
    write("bad.yaml", document(case))  # in English, as the core says it (test_messages_language: in nb, nn, sv)
    assert_error(kpi("validate", "bad.yaml", "--lang", "en"), [f"bad.yaml:{expected}"])
    assert not (workdir / "pwned.txt").exists()  # a !!python tag is never run


@pytest.mark.parametrize("name", ["unknown_key", "overlapping_bands", "yaml_syntax_tab", "empty_file"])
def test_evaluate_and_status_print_it_the_same_way(kpi, workdir, write, assert_error, name: str) -> None:
    case, expected = next((case, expected) for each, case, expected in CASES if each == name)
    write("bad.yaml", document(case))
    write("2014.csv", "indikator;verdi\nA.1.1;4\n")  # made up
    english = ("--indicators", "bad.yaml", "--lang", "en")  # as the core says it, as in the test above
    assert_error(kpi("evaluate", "2014.csv", *english), [f"bad.yaml:{expected}"])
    assert_error(kpi("status", "--year", "2014", *english), [f"bad.yaml:{expected}"])
