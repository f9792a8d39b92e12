"""Terminal escapes from files never reach a terminal (issue 16): names in the definitions and
org units in a results file carrying ESC sequences, in the table, `kpi explain` and stderr.
The names and org units are made up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS

from kpi_cli.cli import main

CLEAR = "\x1b[2J\x1b[3J"  # clear the screen and the scrollback
TITLE = "\x1b]0;pwned\x07"  # set the window title
LINK = "\x1b]8;;https://example.invalid\x1b\\click\x1b]8;;\x1b\\"  # an OSC 8 link
ATTACK = f"{CLEAR}{TITLE}{LINK}\x9b2J\u202eevil"
SGR = re.compile("\x1b\\[[0-9;]*m")


def control_characters(text: str) -> list[str]:
    """Control characters other than tab and line feed, colour codes (SGR) left out."""
    return re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", SGR.sub("", text))


@pytest.fixture
def hostile_definitions(tmp_path: Path) -> Path:
    text = SEED_INDICATORS.read_text(encoding="utf-8")
    old = "Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse"
    text = text.replace(f"name: {old}", "name: " + json.dumps(old.replace(" av ", f" {ATTACK} av ", 1)), 1)
    text = text.replace("scorecard: Asker kommune - målekart", 'scorecard: "Asker\\e[2J kommune"', 1)
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def hostile_results(tmp_path: Path) -> Path:
    path = tmp_path / "2014.csv"
    path.write_text(f"indikator;enhet;verdi\nL.1.1;Oppvekst{CLEAR};1\nL.1.2;Oppvekst{CLEAR};4,6\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("stdout", ["-", "/dev/stdout"])
def test_the_table_to_stdout_by_name_is_inert(hostile_definitions: Path, hostile_results: Path, stdout: str) -> None:
    args = ["evaluate", str(hostile_results), "--indicators", str(hostile_definitions), "-o", stdout]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.stderr
    assert "Opplevelse" in result.stdout and "\\x1b[2J" in result.stdout
    assert control_characters(result.stdout) == []


@pytest.mark.parametrize("colour", ["never", "always"])
def test_the_table_is_inert(hostile_definitions: Path, hostile_results: Path, colour: str) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", str(hostile_results), "--indicators", str(hostile_definitions), "--color", colour]
    )
    assert result.exit_code == 1, result.stderr
    assert "Opplevelse" in result.stdout and "\\x1b[2J" in result.stdout
    assert control_characters(result.stdout) == [] and control_characters(result.stderr) == []
    assert "kpi: 1 resultat feiler --fail-on not_approved: L.1.1 (Oppvekst\\x1b[2J\\x1b[3J)" in result.stderr


def test_the_github_log_is_inert(hostile_definitions: Path, hostile_results: Path) -> None:
    args = ["evaluate", str(hostile_results), "--indicators", str(hostile_definitions), "--format", "github"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.stderr
    assert "::error" in result.stdout and "\\x1b[2J" in result.stdout and control_characters(result.stdout) == []


@pytest.mark.parametrize("kind", ["status", "history"])
def test_other_tables_are_inert(hostile_definitions: Path, hostile_results: Path, kind: str) -> None:
    args = ["status"] if kind == "status" else ["history", str(hostile_results), "--org-unit", "all"]
    result = CliRunner().invoke(main, [*args, "--indicators", str(hostile_definitions)])
    assert result.exit_code == 0, result.stderr
    assert control_characters(result.stdout) == []


def test_explain_is_inert(hostile_definitions: Path) -> None:
    result = CliRunner().invoke(main, ["explain", "L.1.1", "4", "--indicators", str(hostile_definitions)])
    assert result.exit_code == 0, result.stderr
    assert "Opplevelse \\x1b[2J" in result.stdout and control_characters(result.stdout) == []


def test_error_lines_are_inert(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text(f"indikator;verdi\nL.1.1{TITLE};1\nL.9{CLEAR};x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS)])
    assert result.exit_code == 2
    assert control_characters(result.stderr) == [] and len(result.stderr.splitlines()) == 2
