"""Definitions files under attack (issue 16): alias bombs, deep nesting, bytes that are not
UTF-8, NULs, huge scalars and endless files. Each ends in a located error with exit 2, fast.
Every definitions file here is made up for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS, cpu_time
from test_robustness import assert_clean_exit

from kpi_cli.cli import main
from kpi_cli.definitions.load import load_definitions
from kpi_cli.errors import KpiError


def validate(path: Path | str) -> object:
    return CliRunner().invoke(main, ["validate", str(path)])


def alias_bomb(fan_out: int = 250) -> str:
    """Aliases fanned out over focus areas, goals and indicators: fan_out**3 indicators."""
    many = ", ".join

    return (
        "scorecard: Bomb\n"
        'i: &i {id: X, name: N, bands: {desired: "> 5", accepted: "1 - 5", not_approved: "< 1"}}\n'
        f"il: &il [{many(['*i'] * fan_out)}]\n"
        "g: &g {id: G, name: G, indicators: *il}\n"
        f"gl: &gl [{many(['*g'] * fan_out)}]\n"
        "a: &a {id: A, name: A, goals: *gl}\n"
        f"focus_areas: [{many(['*a'] * fan_out)}]\n"
    )


def test_an_alias_bomb_fails_fast_at_its_first_alias(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 3600  # 3,5 KB: 250**3 indicators
    with cpu_time() as used:
        result = validate(path)
    assert used.seconds < 10  # 250**3 indicators are never built
    assert_clean_exit(result, (2,), [str(path)])
    assert result.stderr == (
        f"{path}:3:10: error: aliases expand the definitions by more than 100000 nodes:"
        " write the repeated parts out (the first alias is here) [yaml-aliases]\n"
    )


def test_a_recursive_alias_is_an_error() -> None:
    with pytest.raises(KpiError) as raised:
        from kpi_cli.definitions.load import parse_definitions

        parse_definitions("scorecard: x\nfocus_areas: &x [*x]\n", "d.yaml")
    assert raised.value.format() == (
        "d.yaml:2:18: error: an alias refers to a node that contains it: write the repeated parts out"
        " (the first alias is here) [yaml-aliases]"
    )


def test_aliases_that_share_bands_still_load(tmp_path: Path) -> None:
    text = SEED_INDICATORS.read_text(encoding="utf-8")
    first = '              desired: "4,5 - 6"\n'
    assert text.count(first) == 2
    text = text.replace("            bands:\n" + first, "            bands: &score\n" + first, 1)
    start = text.index("bands:\n" + first)  # L.1.2's bands, the same as L.1.1's
    end = text.index("not_approved", start)
    end = text.index("\n", end) + 1
    text = text[:start] + "bands: *score\n" + text[end:]
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    scorecard = load_definitions(path)
    one, two = (i for i in scorecard.indicators() if i.id in ("L.1.1", "L.1.2"))
    assert one.bands == two.bands


def test_deep_nesting_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text("scorecard: x\nfocus_areas:\n" + "  [" * 1000 + "\n", encoding="utf-8")
    result = validate(path)
    assert_clean_exit(result, (2,), [str(path)])
    assert result.stderr == f"{path}:3:192: error: invalid YAML: nested deeper than 64 levels [over-limit]\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"scorecard: x\nfocus_areas: []\nnote: a\x00b\n", "3:8: error: invalid YAML: character U+0000 is not allowed"),
        (b"scorecard: x\n\x1b[2J: 1\n", "2:1: error: invalid YAML: character U+001B is not allowed"),
        (
            b"scorecard: x\nname: B\xf8\n",
            "2:8: error: definitions file is not UTF-8 text (invalid start byte: byte 0xf8",
        ),
    ],
)
def test_bad_characters_are_errors_at_their_line(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_bytes(data)
    result = validate(path)
    assert_clean_exit(result, (2,), [str(path)])
    assert result.stderr.startswith(f"{path}:{expected}"), result.stderr


def test_a_huge_scalar_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text("scorecard: x\nlanguage: nb\nfocus_areas: " + "y" * 1_000_000 + "\n", encoding="utf-8")
    result = validate(path)
    assert_clean_exit(result, (2,), [str(path)])
    assert max(len(line) for line in result.stderr.splitlines()) < 400


def test_an_endless_definitions_file_is_refused() -> None:
    result = validate("/dev/zero")
    assert_clean_exit(result, (2,), ["/dev/zero"])
    assert result.stderr == "/dev/zero: error: definitions file larger than 16 MiB [over-limit]\n"


HUGE = "z" * 100_000
GOAL = (
    "scorecard: x\nfocus_areas:\n  - id: A\n    name: A\n    goals:\n"
    "      - id: A.1\n        name: G\n        indicators:\n"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"scorecard: x\n{HUGE[:1000]}: 1\nfocus_areas: []\n", "unknown-key"),  # YAML keys: < 1024
        (f"scorecard: x\nlanguage: {HUGE}\nfocus_areas: []\n", "invalid-choice"),
        (GOAL + f"          - id: '={HUGE}'\n            name: N\n", "formula-id"),
        (GOAL + f"          - id: X\n            name: N\n            bands: {{desired: '{HUGE}'}}\n", "band-syntax"),
        (
            GOAL + f"          - id: X\n            name: N\n          - id: {HUGE}\n            name: N\n"
            f"          - id: {HUGE}\n            name: N\n",
            "duplicate-id",
        ),
    ],
)
def test_a_problem_quotes_a_huge_text_as_a_short_excerpt(text: str, code: str) -> None:
    # Not only the printed line (bounded by messages.warn): the problem itself quotes 80 characters.
    from kpi_cli.definitions.load import parse_definitions

    with pytest.raises(KpiError) as raised:
        parse_definitions(text, "d.yaml")
    found = [error for error in raised.value.errors if error.code == code]
    assert found and all(len(error.message) < 300 and "z" * 79 + "…'" in error.message for error in found)
