"""Every line kpi writes on stderr is in the output language (issue 24 point 9): --lang, else the
definitions' ``language:``. The examples are run in every language, and no line under nb, nn or sv
holds a word of an English sentence that the catalogue says otherwise; in English every keyed
problem says exactly what the core's own English message says.

Severity (error, warning, note) and [code] stay as they are in every language: tools read them.
The examples under examples/ are made up (they say so); the seed is Asker's published scorecard.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import REPO_ROOT

from kpi_cli.cli import messages
from kpi_cli.definitions.indicator_fields import INDICATOR_KEYS, POLICIES
from kpi_cli.definitions.load import SCORECARD_KEYS, load_definitions, parse_definitions
from kpi_cli.errors import KpiError
from kpi_cli.rating.checks import gap_note, gap_warnings, reading_notes
from kpi_cli.rating.evaluate import evaluate_results
from kpi_cli.render import errors_en, errors_nb, errors_nn, errors_sv, stderr_en, stderr_nb, stderr_nn, stderr_sv
from kpi_cli.results.read import read_results

EXAMPLES = sorted(p.parent for p in (REPO_ROOT / "examples").glob("*/indicators.yaml"))
RUNS = [("indicators.yaml", "results/2014.csv"), ("indicators.yaml", "examples/excel-export-2014.csv")] + [
    (str((d / "indicators.yaml").relative_to(REPO_ROOT)), str(f.relative_to(REPO_ROOT)))
    for d in EXAMPLES
    for f in sorted(d.iterdir())
    if f.name != "indicators.yaml" and not f.name.startswith(".") and f.suffix != ".html"  # .html: for kpi init --from
]
ENGLISH = {**stderr_en.WORDS, **errors_en.WORDS}
CATALOGUES = {
    "nb": {**stderr_nb.WORDS, **errors_nb.WORDS},
    "nn": {**stderr_nn.WORDS, **errors_nn.WORDS},
    "sv": {**stderr_sv.WORDS, **errors_sv.WORDS},
}
DUCKDB = all(importlib.util.find_spec(name) for name in ("duckdb", "sqlglot"))
WORD = re.compile(r"[^\W\d_]{3,}")


def words(texts) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(re.sub(r"\{\w+\}", " ", text))}


def english_words(lang: str) -> set[str]:
    """The words of the English stderr sentences that the language's own sentences do not use."""
    return words(ENGLISH.values()) - words(CATALOGUES[lang].values())


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


STREAM_SOURCES = sorted((REPO_ROOT / "kpi_cli" / "sql").glob("*.py"))


def _stream_reasons() -> list[tuple[str, str, set[str]]]:
    """Every reason the stream can give, read from its source: (module, key, keyword names) of each
    ``Why(key, ...)`` and ``NeedsPython(..., key, ...)``."""
    found = []
    for path in STREAM_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            at = {"Why": 0, "NeedsPython": 1}.get(node.func.id)
            if at is None or len(node.args) <= at or not isinstance(node.args[at], ast.Constant):
                continue
            names = {keyword.arg for keyword in node.keywords if keyword.arg}
            found.append((path.name, node.args[at].value, names))
    return found


def test_every_reason_the_stream_gives_is_in_every_language_with_its_values() -> None:
    """A reason carries its catalogue key (sql/why.py): each key is a sentence in all four
    languages, filled by exactly the values the stream gives it, so none falls back to English."""
    reasons = _stream_reasons()
    keys = {  # besides the calls' own: keys chosen at run time (quotes or breaks, verdict or deadline)
        node.value
        for path in STREAM_SOURCES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"(stream|engine)\.\w+", node.value)
    }
    assert len(reasons) >= 16, reasons
    for module in (stderr_en, stderr_nb, stderr_nn, stderr_sv):  # every sentence used, none missing
        assert keys == {key for key in module.WORDS if key.startswith(("stream.", "engine."))}, module.__name__
        for where, key, names in reasons:
            assert set(re.findall(r"{(\w+)}", module.WORDS[key])) == names, (module.__name__, where, key)


@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_a_stream_reason_is_said_in_the_language_and_in_english_as_the_stream_words_it(lang) -> None:
    from kpi_cli.definitions.load import load_definitions as load
    from kpi_cli.sql.stream import why_not

    seed = load(str(REPO_ROOT / "indicators.yaml"))
    results = str(REPO_ROOT / "results" / "2014.csv")
    for reason in (why_not(seed, [results], "markdown"), why_not(seed, [results], "json")):
        assert reason is not None
        messages.speak("en")
        assert messages.stream_why(reason) == reason
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
    assert all(set(words) == set(stderr_en.WORDS) for words in (stderr_nb.WORDS, stderr_nn.WORDS, stderr_sv.WORDS))
    assert all(set(words) == set(errors_en.WORDS) for words in (errors_nb.WORDS, errors_nn.WORDS, errors_sv.WORDS))


def test_every_problem_sentence_is_in_all_four_catalogues():
    """Every ``problem.*`` key, in bokmål, nynorsk, Swedish and English: the whole catalogue, as
    Labels sees it, and with the same values to fill in each language."""
    from kpi_cli.render.words import WORDS

    keys = {key for key in WORDS["en"] if key.startswith("problem.")}
    assert len(keys) > 30
    for lang in ("nb", "nn", "sv"):
        assert {key for key in WORDS[lang] if key.startswith("problem.")} == keys, lang
        for key in keys:
            assert set(re.findall(r"\{(\w+)\}", WORDS[lang][key])) == set(re.findall(r"\{(\w+)\}", WORDS["en"][key]))


# Made-up results files, each with an error that stops a run: (name, file, text, the catalogue's key).
# They are read against the seed's indicators.yaml (L.1.1 and L.1.2 on a scale of 1 - 6, L.2.1
# computed as the change in the measure ideer).
ERRORS = [
    ("2014.csv", "indikator;verdi\nL.1.2;ca 4,5\n", "not-a-number"),
    ("2014.csv", "indikator;verdi\nL.1.2;1e20\n", "not-plausible"),
    ("2014.csv", "indikator;verdi\nL.1.1;> 4,5\n", "value-with-sign"),
    ("2014.csv", "indikator;verdi;n\nL.1.2;4;-3\n", "negative-base"),
    ("2014.csv", "indikator;verdi\nL.1.1;47,1\n", "value-outside-scale"),
    ("r.csv", "indikator;år;verdi\nideer;2015;120\nideer;2016;130\nL.2.1;2016;9\n", "value-disagrees"),
    ("2014.csv", "indikator;verdi\nL.3.1;4\n", "unknown-indicator.close"),
    ("2014.csv", "indikator;verdi\nX.9;4\n", "unknown-indicator.known"),
    ("2014.csv", "indikator;verdi\nL.9.1. Noe annet;4\n", "unknown-indicator.from"),
    ("2014.csv", "Id;Indikator;Verdi\nL.1.3;{L.1.2};3,9\n", "unknown-indicator.named"),
    ("2014.csv", "indikator;verdi\nL.1.1;4\nL.1.1;5\n", "duplicate-result"),
    ("2014.csv", "indikator;enhet;verdi\nL.1.1;Kultur;4\nL.1.1;Kultur;5\n", "duplicate-result.unit"),
    ("scores.csv", "indikator;verdi\nL.1.1;4,51\n", "no-year"),
    ("scores.csv", "indikator;år;verdi\nL.1.1;;4,51\n", "no-year.row"),
    ("scores.csv", "indikator;år;verdi\nL.1.1;20x4;4,51\n", "invalid-year"),
    ("2014.csv", "indikator;verdi\n", "no-results"),
    ("2014.csv", "indikator;verdi\nL.1.1;4;5\n", "field-count"),
    ("2014.csv", "indikator,verdi\nL.1.1,4,5\n", "field-count.comma"),
    ("2014.csv", "indikator;verdi\n;4\n", "no-indicator"),
    ("2014.csv", "indikator;verdi\nL.1.1;4\nL.1.2;12.500\n", "ambiguous-number"),
    ("2014.csv", "indikator;verdi\nL.1.1;4,5\nL.1.2;12.500\n", "ambiguous.other"),
    ("nowhere/2014.csv", None, "not-found"),
    ("folder", "", "empty-folder"),
]


def _bad_file(name: str, text: str | None) -> str:
    """The results file of an ERRORS row under the current folder; {ID} is that indicator's name."""
    if text == "":
        Path(name).mkdir()
    elif text is not None:
        names = {item.id: item.name for item in load_definitions("indicators.yaml").indicators()}
        Path(name).write_text(re.sub(r"\{([\w.]+)\}", lambda m: names[m[1]], text), encoding="utf-8")
    return name


@pytest.mark.parametrize(("name", "text", "key"), ERRORS, ids=[key for _, _, key in ERRORS])
@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_an_error_that_stops_a_run_is_said_in_the_output_language(kpi, workdir, name, text, key, lang):
    path = _bad_file(name, text)
    result = kpi("evaluate", path, "--lang", lang)
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert " error: " in lines[0]
    assert not words([what_kpi_says(lines[0])]) & english_words(lang), lines[0]
    assert lines[0] != kpi("evaluate", path, "--lang", "en").stderr.rstrip("\n")  # not the English line
    for key_or_part in {key.split(".")[0] if key.startswith("unknown-indicator.") else key, key}:  # the sentence
        template = CATALOGUES[lang][f"problem.{key_or_part}"]  # said, its text around the values as written
        assert all(text.strip() in lines[0] for text in re.split(r"\{\w+\}", template)), (template, lines[0])


@pytest.mark.parametrize(("name", "text", "key"), ERRORS, ids=[key for _, _, key in ERRORS])
def test_in_english_an_error_says_what_the_core_says(workdir, name, text, key):
    """The English catalogue's sentence, filled with the error's values, is the core's own message,
    byte for byte; the error's key is the one listed, or the sentence that holds it as a part."""
    path = _bad_file(name, text)
    with pytest.raises(KpiError) as raised:  # every error stops the run, whichever year is shown
        evaluate_results(load_definitions("indicators.yaml"), read_results([path]), 2016, strict=True)
    messages.speak("en")
    (error,) = raised.value.errors
    assert messages.problem_line(error.problem) == error.format()
    parts = dict(error.problem.values).values()  # the parts of the sentence (NAME_key)
    assert key == error.problem.key or key in parts


def test_a_date_in_excel_where_a_value_belongs_is_said_in_every_language(tmp_path):
    import datetime

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["indikator", "verdi"])
    book.active.append(["L.1.1", datetime.datetime(2015, 3, 5)])  # 3.5 typed in a Norwegian Excel
    book.save(tmp_path / "2015.xlsx")
    (error,) = read_results([tmp_path / "2015.xlsx"]).errors
    said = {}
    for lang in ("en", "nb", "nn", "sv"):
        messages.speak(lang)
        said[lang] = messages.problem_line(error.problem)
    assert said["en"] == error.format()
    assert said["nb"] == (
        f"{tmp_path / '2015.xlsx'}[Sheet]:2:2: error: L.1.1: verdicellen inneholder en dato eller et klokkeslett i "
        "Excel ('2015-03-05'), ikke et tall: skriv tallet på nytt i en celle formatert som tall eller tekst "
        "[invalid-value]"
    )
    for lang in ("nn", "sv"):
        assert said[lang] != said["en"] and not words([what_kpi_says(said[lang])]) & english_words(lang)


# A made-up definitions file, and ways to break it that users meet: (find, replace, the key said).
DEFINITIONS = """scorecard: Eksempelby
focus_areas:
  - id: A
    name: Alt
    goals:
      - id: A.1
        name: Mål
        indicators:
          - id: A.1.1
            name: Andel
            bands: {desired: "> 5", accepted: "(3, 5]", not_approved: "<= 3"}
"""
BANDS = '            bands: {desired: "> 5", accepted: "(3, 5]", not_approved: "<= 3"}'
FILE_WORDS = words([" ".join((*SCORECARD_KEYS, *INDICATOR_KEYS, *POLICIES, "goals", "indicators"))])
DEFINITION_ERRORS = [
    (BANDS, "            target: > 85 %", "yaml.unquoted"),
    ("    name: Alt", "\tname: Alt", "yaml.tab"),
    (BANDS, BANDS + '\n            unit: "%', "yaml.quote"),
    ("            name: Andel", "            name: Andel\n            tagret: 5", "field.close"),
    ("scorecard: Eksempelby", "scorecard: Eksempelby\nnavn: x", "field.allowed"),
    ("    name: Alt\n", "", "field.missing-key"),
    ("            name: Andel", "            name: Andel\n            name: Andel", "field.duplicate-key"),
    ("    name: Alt", "    name: Alt\n    description: [1]", "field.text"),
    ("            name: Andel", "            name: ''", "field.empty"),
    ("        name: Mål", "        name: Mål\n        indicators: 5", "field.list"),
    ("          - id: A.1.1", "          - 5\n          - id: A.1.1", "field.mapping"),
    (BANDS, BANDS + "\n            phase_in: {year: tjue}", "field.whole"),
    (BANDS, BANDS + "\n            phase_in: {year: 2015, postponed: kanskje}", "field.boolean"),
    ("scorecard: Eksempelby", "scorecard: Eksempelby\ngap_policy: kanskje", "field.choice"),
]


@pytest.mark.parametrize(("find", "put", "key"), DEFINITION_ERRORS, ids=[key for _, _, key in DEFINITION_ERRORS])
@pytest.mark.parametrize("lang", ["nb", "nn", "sv"])
def test_an_error_in_the_definitions_is_said_in_their_language(kpi, tmp_path, find, put, key, lang):
    """--lang, else the file's own language: line, even when the rest is no valid YAML."""
    path = tmp_path / "indicators.yaml"
    path.write_text(f"language: {lang}\n" + DEFINITIONS.replace(find, put), encoding="utf-8")
    said = kpi("validate", "--indicators", str(path)).stderr.splitlines()
    english = kpi("validate", "--indicators", str(path), "--lang", "en").stderr.splitlines()
    assert said == kpi("validate", "--indicators", str(path), "--lang", lang).stderr.splitlines()
    errors = [line for line in said if " error: " in line]
    assert errors and not set(errors) & set(english), said
    for line in errors:  # the file's keys and the words it may hold (gap_policy: worse) stay as they are
        assert not words([what_kpi_says(line)]) - FILE_WORDS & english_words(lang), line


@pytest.mark.parametrize(("find", "put", "key"), DEFINITION_ERRORS, ids=[key for _, _, key in DEFINITION_ERRORS])
def test_in_english_a_definitions_error_says_what_the_core_says(find, put, key):
    with pytest.raises(KpiError) as raised:
        parse_definitions(DEFINITIONS.replace(find, put))
    messages.speak("en")
    for error in raised.value.errors:
        assert messages.problem_line(error.problem) == error.format()
    assert any(key in (error.problem.key, *dict(error.problem.values).values()) for error in raised.value.errors)


def test_kpi_explain_says_an_unknown_id_in_the_output_language(kpi, repo_root):
    close = kpi("explain", "L.1.x", "4", "--lang", "nn")
    assert (close.exit_code, close.stderr) == (
        2,
        "kpi: error: ukjend indikator 'L.1.x' (meinte du L.1.2?) [unknown-indicator]\n",
    )
    known = kpi("explain", "Q", "4", "--lang", "sv").stderr
    assert (
        known == "kpi: error: okänd indikator 'Q'; kända id:n: L.1.1, L.1.2, L.2.1, L.2.2, L.2.3 [unknown-indicator]\n"
    )
    english = kpi("explain", "Q", "4", "--lang", "en").stderr
    assert (
        english
        == "kpi: error: unknown indicator 'Q'; known ids: L.1.1, L.1.2, L.2.1, L.2.2, L.2.3 [unknown-indicator]\n"
    )


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
