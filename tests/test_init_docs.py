"""The console examples of the pages about `kpi init` run and print what the pages show (from the
repository root; a line `...` alone stands for any lines)."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import REPO_ROOT

PAGES = ["docs/how-to/start-a-scorecard.md", "docs/how-to/from-printed-scorecard.md"]


def _examples() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in PAGES:
        text = (REPO_ROOT / page).read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
            command, expected = None, []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command:
                        found.append((page, command, expected))
                    command, expected = line[2:], []
                else:
                    expected.append(line)
            if command:
                found.append((page, command, expected))
    return found


def _matches(expected: list[str], got: list[str]) -> bool:
    if not expected:
        return not got
    if expected[0] == "...":
        return any(_matches(expected[1:], got[i:]) for i in range(len(got) + 1))
    return bool(got) and got[0] == expected[0] and _matches(expected[1:], got[1:])


@pytest.mark.parametrize(("page", "command", "expected"), _examples(), ids=lambda v: str(v)[:60])
def test_example_prints_what_the_page_shows(kpi, repo_root, page, command, expected) -> None:
    words = shlex.split(command)
    assert words[0] == "kpi", command
    result = kpi(*words[1:])
    assert _matches(expected, result.output.splitlines()), result.output
