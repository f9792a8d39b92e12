"""kpi_cli.codes and kpi_cli.errors: one Problem type with a stable code, and silencing warnings.

Every scorecard here is made up for the test.
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO_ROOT, SEED_GAP_NOTE, SEED_GAP_WARNINGS, SEED_INDICATORS, seed_line

from kpi_cli.codes import CODES, Severity
from kpi_cli.definitions.load import load_definitions, parse_definitions
from kpi_cli.errors import DefinitionError, KpiErrors, Problem, UsageError
from kpi_cli.rating.checks import check_ignore, findings, gap_note, gap_warnings

NOT_IGNORABLE = (
    "kpi: error: --ignore 'band-overlap' is an error and cannot be ignored; only warnings can be silenced "
    "[not-ignorable]"
)
SOURCES = sorted((REPO_ROOT / "kpi_cli").rglob("*.py"))


def test_every_code_the_core_raises_is_in_the_table() -> None:
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'code="([a-z-]+)"', text))
        used |= set(re.findall(r'(?:error|BandProblem|Problem|UnratableValue)\([^()]*?"([a-z]+(?:-[a-z]+)+)"', text))
    assert used, "the scan found no code"
    assert used - set(CODES) == set()


def test_every_code_is_documented_by_the_table_generated_from_codes() -> None:
    """docs/reference/problem-codes.md has the table made from CODES when the docs are built
    (docs/_ext/kpi_docs.py), and no page keeps a hand-written copy that could drift from it."""
    page = (REPO_ROOT / "docs" / "reference" / "problem-codes.md").read_text(encoding="utf-8")
    assert "```{kpi-problem-codes}\n```" in page
    pages = [REPO_ROOT / "README.md", *(REPO_ROOT / "docs").rglob("*.md")]
    copied = [p for p in pages if re.search(r"^\| `[a-z-]+` \| (error|warning|note) \|", p.read_text("utf-8"), re.M)]
    assert copied == []


def test_a_problem_prints_as_path_line_column_severity_message_code() -> None:
    problem = Problem("L.1.1: values in (3,9, 4) fall between", "band-gap", Severity.WARNING, "i.yaml", 16, 13)
    assert problem.format() == "i.yaml:16:13: warning: L.1.1: values in (3,9, 4) fall between [band-gap]"
    assert Problem("x\ny", "usage").format() == "kpi: error: x y [usage]"
    error = DefinitionError("bad", code="band-overlap", path="i.yaml", line=3)
    assert (str(error), error.code, error.problem.severity) == (
        "i.yaml:3: error: bad [band-overlap]",
        "band-overlap",
        Severity.ERROR,
    )


def test_a_problem_needs_a_code_from_the_table() -> None:
    with pytest.raises(ValueError, match="'no-such-code' is not in"):
        Problem("x", "no-such-code")


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["band-gap"], None),
        (["band-gap", "no-bands"], None),
        (
            ["band-overlap"],
            NOT_IGNORABLE,
        ),
        (
            ["band-gapp"],
            "kpi: error: --ignore unknown problem code 'band-gapp' (did you mean 'band-gap'?); "
            "the codes are listed in docs/reference/problem-codes.md [unknown-code]",
        ),
    ],
)
def test_check_ignore(codes: list[str], expected: str | None) -> None:
    if expected is None:
        assert check_ignore(codes) == tuple(codes)
        return
    with pytest.raises(UsageError) as caught:
        check_ignore(codes)
    assert caught.value.format() == expected


def test_gap_warnings_silenced_by_file_by_indicator_and_by_option() -> None:
    seed = SEED_INDICATORS.read_text(encoding="utf-8")
    shown = [
        w.format().replace(str(SEED_INDICATORS), "indicators.yaml")
        for w in gap_warnings(load_definitions(SEED_INDICATORS))
    ]
    assert shown == SEED_GAP_WARNINGS
    assert gap_warnings(load_definitions(SEED_INDICATORS), ["band-gap"]) == []
    whole_file = parse_definitions("ignore: [band-gap]\n" + seed)
    assert gap_warnings(whole_file) == []
    other = parse_definitions(seed.replace("- id: L.1.1\n", "- id: L.1.1\n            ignore: band-gap\n"))
    assert [w.indicator for w in gap_warnings(other)] == ["L.2.1"]
    one = parse_definitions(seed.replace("- id: L.2.1\n", "- id: L.2.1\n            ignore: band-gap\n"))
    assert gap_warnings(one) == []


def test_the_gap_note_silenced_by_file_by_indicator_and_by_option() -> None:
    seed = SEED_INDICATORS.read_text(encoding="utf-8")
    note = gap_note(load_definitions(SEED_INDICATORS))
    assert note is not None
    assert note.format().replace(str(SEED_INDICATORS), "indicators.yaml") == SEED_GAP_NOTE
    assert gap_note(load_definitions(SEED_INDICATORS), ["gap-summary"]) is None
    assert gap_note(parse_definitions("ignore: [gap-summary]\n" + seed)) is None
    # an indicator that ignores it is left out of the count
    one = parse_definitions(seed.replace("- id: L.1.1\n", "- id: L.1.1\n            ignore: gap-summary\n"))
    fewer = gap_note(one)
    assert fewer is not None
    assert fewer.message.startswith("2 gaps between bands in 1 indicator")
    assert "(e.g. 3,95 in L.1.2," in fewer.message


def test_no_bands_findings_are_located_and_silenced_per_indicator() -> None:
    seed = SEED_INDICATORS.read_text(encoding="utf-8")
    found = findings(load_definitions(SEED_INDICATORS), 2017)
    assert [f.format() for f in found] == [
        f"{SEED_INDICATORS}:{seed_line('L.2.2')}:13: warning: L.2.2 is phased in from 2017 but has no bands [no-bands]",
        f"{SEED_INDICATORS}:{seed_line('L.2.3')}:13: warning: L.2.3 is phased in from 2017 but has no bands [no-bands]",
    ]
    quiet = parse_definitions(seed.replace("- id: L.2.2\n", "- id: L.2.2\n            ignore: [no-bands]\n"))
    assert [f.indicator for f in findings(quiet, 2017)] == ["L.2.3"]


def test_ignoring_an_error_in_the_file_is_a_located_error() -> None:
    text = SEED_INDICATORS.read_text(encoding="utf-8")
    with pytest.raises(KpiErrors) as caught:
        parse_definitions("ignore: [band-gap, band-overlap, bandgap]\n" + text)
    assert [e.format() for e in caught.value.errors] == [
        "indicators.yaml:1:20: error: ignore: 'band-overlap' is an error and cannot be ignored; "
        "only warnings can be silenced [not-ignorable]",
        "indicators.yaml:1:34: error: ignore: unknown problem code 'bandgap' (did you mean 'band-gap'?); "
        "the codes are listed in docs/reference/problem-codes.md [unknown-code]",
    ]


def test_cli_ignore_on_validate_status_and_evaluate(kpi, repo_root, assert_error) -> None:
    validate = kpi("validate", "--ignore", "band-gap", "--lang", "en")
    assert (validate.exit_code, validate.stderr) == (0, SEED_GAP_NOTE + "\n")
    assert validate.stdout.endswith("5 indicators, 0 warnings\n")
    quiet = kpi("validate", "--ignore", "band-gap", "--ignore", "gap-summary")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    status = kpi("status", "--year", "2017", "--check", "--ignore", "no-bands")
    assert (status.exit_code, status.stderr) == (0, "")
    evaluate = kpi("evaluate", "results/2014.csv", "--year", "2017", "--ignore", "no-bands", "--format", "json")
    assert "no-bands" not in evaluate.stderr
    assert_error(
        kpi("validate", "--ignore", "band-overlap"),
        [NOT_IGNORABLE],
    )


def test_status_check_prints_the_finding_as_an_error_at_the_indicator(kpi, repo_root) -> None:
    result = kpi("status", "--year", "2017", "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"indicators.yaml:{seed_line('L.2.2')}:13: error: L.2.2 is phased in from 2017 but has no bands [no-bands]"
    )
