"""Every line kpi writes on stderr is in the output language (issue 24 point 9): --lang, else the
definitions' ``language:``. The examples are run in every language, and no line under nb, nn or sv
holds a word of an English sentence that the catalogue says otherwise; in English every keyed
problem says exactly what the core's own English message says.

Severity (error, warning, note) and [code] stay as they are in every language: tools read them.
The examples under examples/ are made up (they say so); the seed is Asker's published scorecard.
"""

from __future__ import annotations

import importlib.util
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
DUCKDB = all(importlib.util.find_spec(name) for name in ("duckdb", "sqlglot"))
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
    if DUCKDB:  # -v's engine line on the stream: streamed, or through the report and why
        runs.append(("evaluate", results, "-v", "--engine", "duckdb", "--format", "json", "--lang", lang))
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
    for line in [*result.stderr.splitlines(), *result.stdout.splitlines()]:  # stdout: the 'ok:' line
        assert not words([what_kpi_says(line)]) & english, line
    assert result.stdout.startswith(f"{definitions}: ok: ")


@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_init_and_validate_say_their_lines_in_the_language(kpi, tmp_path, monkeypatch, lang):
    """kpi init's 'wrote' and 'next' and validate's counts: stdout, but words all the same."""
    monkeypatch.chdir(tmp_path)
    english = english_words(lang)
    for args in (("init", "--language", lang, "--year", "2030"), ("init", "mappe", "--language", lang), ("validate",)):
        result = kpi(*args)
        assert result.exit_code == 0, result.stderr
        for line in [*result.stdout.splitlines(), *result.stderr.splitlines()]:
            assert not words([what_kpi_says(line)]) & english, line


@pytest.mark.skipif(not DUCKDB, reason="the stream needs duckdb and sqlglot (the scale extra)")
@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_the_streams_engine_lines_in_the_language(kpi, tmp_path, lang):
    """-v's engine lines of the stream: streamed, written as Parquet, or left to the report and why
    (a quoted cell, a computed indicator). The quoted file is made up."""
    tolerance = ("--indicators", str(REPO_ROOT / "examples" / "tolerance" / "indicators.yaml"))
    quoted = tmp_path / "2016.csv"
    quoted.write_text('indikator;år;verdi\n"K.1.1";2016;91 %\n', encoding="utf-8")
    results = str(REPO_ROOT / "examples" / "tolerance" / "results.csv")
    seed = (str(REPO_ROOT / "results" / "2014.csv"), "--indicators", str(REPO_ROOT / "indicators.yaml"))
    runs = [
        (str(quoted), *tolerance, "--engine", "duckdb", "--format", "json"),  # quotes: through the report
        (results, *tolerance, "--engine", "duckdb", "--format", "csv"),  # streamed
        (results, *tolerance, "-o", str(tmp_path / "rated.parquet")),  # auto: Parquet output
        (*seed, "--engine", "duckdb", "--format", "json"),  # compute: change: through the report
    ]
    english = english_words(lang)
    for args in runs:
        result = kpi("evaluate", *args, "-v", "--lang", lang)
        engine = [line for line in result.stderr.splitlines() if line.startswith("kpi: motor: duckdb (")]
        assert engine, result.stderr
        for line in engine:
            assert not words([what_kpi_says(line)]) & english, line


@pytest.mark.parametrize(
    "reason",
    [
        "L.2.1 has compute: change, which only the report path writes",
        "L.2.1 has rate: verdict (a published word as the result), which only the report path writes",
        "results/2014.csv has quotes or blank lines: its rows' line numbers come from the Python reader",
        "results/2014.csv: encoding cp1252 is read by the Python reader",
        "some rows are not plain: the Python reader reads them",
        "a value lies outside its scale: the Python reader says where",
        "the fast reader is not sure of the input (results/2014.csv: a wide table)",
        "a number reads two ways (12.500): the Python reader says so at its line",
    ],
)
def test_a_stream_reason_is_said_as_the_stream_words_it_in_english_and_otherwise_translated(reason):
    messages.speak("en")
    assert messages.stream_why(reason) == reason
    for lang in ("nb", "nn", "sv"):
        messages.speak(lang)
        said = messages.stream_why(reason)
        assert said != reason and not words([what_kpi_says(said)]) & english_words(lang), said


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
