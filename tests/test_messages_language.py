"""Every line kpi writes on stderr is in the output language (issue 24 point 9): --lang, else the
definitions' ``language:``. The examples are run in every language, and no line under nb, nn or sv
holds a word of an English sentence that the catalogue says otherwise; in English every keyed
problem says exactly what the core's own English message says.

Severity (error, warning, note) and [code] stay as they are in every language: tools read them.
The examples under examples/ are made up (they say so); the seed is Asker's published scorecard.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT

from kpi_cli.cli import messages
from kpi_cli.definitions.load import load_definitions
from kpi_cli.rating.checks import gap_note, gap_warnings, reading_notes
from kpi_cli.rating.evaluate import evaluate_results
from kpi_cli.render import stderr_en, stderr_nb, stderr_nn, stderr_sv
from kpi_cli.results.read import read_results

EXAMPLES = sorted(p.parent for p in (REPO_ROOT / "examples").glob("*/indicators.yaml"))
RUNS = [("indicators.yaml", "results/2014.csv"), ("indicators.yaml", "examples/excel-export-2014.csv")] + [
    (str((d / "indicators.yaml").relative_to(REPO_ROOT)), str(f.relative_to(REPO_ROOT)))
    for d in EXAMPLES
    for f in sorted(d.iterdir())
    if f.name != "indicators.yaml" and not f.name.startswith(".") and f.suffix != ".html"  # .html: for kpi init --from
]
CATALOGUES = {"nb": stderr_nb.WORDS, "nn": stderr_nn.WORDS, "sv": stderr_sv.WORDS}
WORD = re.compile(r"[^\W\d_]{3,}")


def words(texts) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(re.sub(r"\{\w+\}", " ", text))}


def english_words(lang: str) -> set[str]:
    """The words of the English stderr sentences that the language's own sentences do not use."""
    return words(stderr_en.WORDS.values()) - words(CATALOGUES[lang].values())


def what_kpi_says(line: str) -> str:
    """A stderr line without what is not kpi's sentence: the place and severity, the [code], what it
    quotes from a file, option names and their values, file paths, ids."""
    line = re.sub(r"^\S+?: (?:(?:note|warning|error): )?", "", line)  # path:line: severity: / kpi:
    line = re.sub(r" \[[\w-]+\]$", "", line)
    line = re.sub(r"'[^']*'", "", line)
    line = re.sub(r"--[\w-]+(?: \w+)?|gap_policy \w+", "", line)
    return re.sub(r"\S*[/.]\S*", "", line)


@pytest.mark.parametrize(("definitions", "results"), RUNS)
@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_no_english_sentence_on_stderr(kpi, repo_root, definitions, results, lang):
    runs = [
        ("evaluate", results, "-v", "--format", "json", "--lang", lang),
        ("evaluate", results, "--fail-on-regression", "--format", "json", "--lang", lang),
        ("history", results, "--format", "json", "--lang", lang),
    ]
    english = english_words(lang)
    for args in runs:
        result = kpi(*args, "--indicators", definitions)
        assert result.exit_code in (0, 1), result.stderr
        lines = result.stderr.splitlines()
        assert lines or "-v" not in args  # -v always says how the files were read
        for line in lines:
            found = words([what_kpi_says(line)]) & english
            assert not found, (line, found)


@pytest.mark.parametrize("definitions", sorted({d for d, _ in RUNS}))
def test_validate_speaks_the_definitions_language(kpi, repo_root, definitions):
    scorecard = load_definitions(REPO_ROOT / definitions)
    result = kpi("validate", "--indicators", definitions)
    assert result.exit_code == 0, result.stderr
    english = english_words(scorecard.language) if scorecard.language != "en" else set()
    for line in result.stderr.splitlines():
        assert not words([what_kpi_says(line)]) & english, line


def test_the_seed_in_bokmal(kpi, repo_root):
    result = kpi(
        "evaluate", "examples/single-target/results.csv", "--indicators", "examples/single-target/indicators.yaml"
    )
    assert result.stderr.splitlines() == [
        "examples/single-target/results.csv:3: note: S.1.2: fotnotetegn fjernet fra '86 %***': lest som '86 %' "
        "[footnote-mark]",
        "examples/single-target/results.csv:5: note: S.2.2: 'Resultat for 2018 foreligger ikke' lest som intet "
        "resultat [result-text]",
        "examples/single-target/results.csv:7: note: S.3.1: fotnotetegn fjernet fra '3,4 % ****': lest som '3,4 %' "
        "[footnote-mark]",
        "kpi: merk: viser 2018; 2017 vurdert som historikk (--year viser et annet år)",
        "kpi: 1 resultat feiler --fail-on not_met: S.2.1",
    ]
    validate = kpi("validate", "--indicators", "examples/printed/indicators.yaml")
    assert (
        "examples/printed/indicators.yaml:15:13: warning: S.1.1: verdier i [249, 250) faller mellom ikke godkjent "
        "og laveste akseptert; vurderes som ikke godkjent etter gap_policy worse [band-gap]"
    ) in validate.stderr.splitlines()


def test_every_language_has_the_same_stderr_keys():
    assert all(set(words) == set(stderr_en.WORDS) for words in CATALOGUES.values())


@pytest.mark.parametrize(("definitions", "results"), RUNS)
def test_in_english_a_keyed_problem_says_what_the_core_says(definitions, results):
    """The catalogue's English sentence, filled with a problem's values, is the core's own message."""
    scorecard = load_definitions(REPO_ROOT / definitions)
    read = read_results([REPO_ROOT / results], definitions=str(REPO_ROOT / definitions))
    report = evaluate_results(scorecard, read, max(row.year for row in read.rows), strict=False)
    problems = [
        *gap_warnings(scorecard),
        *filter(None, [gap_note(scorecard)]),
        *reading_notes(scorecard),
        *read.notes,
        *report.warnings,
    ]
    messages.speak("en", scorecard.levels)
    keyed = [p for p in problems if p.key]
    for problem in keyed:
        assert messages.problem_line(problem) == problem.format()
    if "printed" in definitions:
        assert {p.code for p in keyed} >= {"band-gap", "band-reading", "gap-summary", "beyond-bands"}
