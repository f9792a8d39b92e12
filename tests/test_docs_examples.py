"""Every ```console example in README.md and docs/ runs, and prints what the page shows.

The convention is in tests/console_examples.py and docs/how-to/develop.md. A page added under docs/
is collected with no change here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT
from console_examples import Block, blocks, copy_repository, matches, run

PAGES = [REPO_ROOT / "README.md", *sorted(p for p in (REPO_ROOT / "docs").rglob("*.md") if "_build" not in p.parts)]
BLOCKS = [block for page in PAGES for block in blocks(page)]


def _id(block: Block) -> str:
    return f"{block.path.relative_to(REPO_ROOT)}:{block.line}"


def test_the_readme_commands_are_what_ci_runs() -> None:
    """The two commands at the top of the README, each part as CI runs it (`.ci/run`, `--quiet` aside)."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    commands = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert commands == [
        "pip install . && kpi evaluate results/2014.csv",
        "pip install -e '.[test]' && python -m pytest",
    ]
    ci = [line.replace(" --quiet", "") for line in (REPO_ROOT / ".ci" / "run").read_text("utf-8").splitlines()]
    parts = [part for command in commands for part in command.split(" && ")]
    assert [part for part in parts if not any(line.startswith(part) for line in ci)] == []


def test_the_docs_have_examples_to_run() -> None:
    assert len(BLOCKS) >= 20, [_id(block) for block in BLOCKS]


@pytest.mark.parametrize("block", BLOCKS, ids=_id)
def test_example(block: Block, tmp_path: Path) -> None:
    repo = copy_repository(REPO_ROOT, tmp_path)
    for command in block.commands():
        actual = run(command, repo)
        where = f"{block.path.relative_to(REPO_ROOT)}:{command.line}: $ {command.text}"
        assert matches(command.expected, actual), where + "\nprinted:\n" + "\n".join(actual)


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "b", "c"], False),
        (["a", "b"], ["a", "b "], False),
        ([], [], True),
        (["..."], [], True),
        (["..."], ["x", "y"], True),
        (["...", "c"], ["a", "b", "c"], True),
        (["...", "c"], ["a", "c", "b"], False),
        (["a", "...", "c", "..."], ["a", "c"], True),
        (["a", "...", "c"], ["a", "b", "d"], False),
        (["a ..."], ["a b"], False),  # `...` matches only alone on its line
    ],
)
def test_dots_alone_stand_for_any_lines(expected: list[str], actual: list[str], result: bool) -> None:
    assert matches(expected, actual) is result


def test_blocks_are_read_as_the_convention_says(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Made up\n\n```console\n$ kpi validate \\\n    --quiet\nout 1\n...\n$ echo $?\n0\n```\n\n"
        "```sh\n$ not run\n```\n\n- in a list:\n\n  ```console\n  $ true\n  ```\n",
        encoding="utf-8",
    )
    found = blocks(page)
    assert [(block.line, block.lines[0]) for block in found] == [(3, "$ kpi validate \\"), (18, "$ true")]
    first = found[0].commands()
    assert [(c.line, c.text, c.expected) for c in first] == [
        (4, "kpi validate \\\n    --quiet", ("out 1", "...")),
        (8, "echo $?", ("0",)),
    ]


def test_a_here_document_belongs_to_its_command(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n$ cat > a.csv <<'EOF'\nx;1\n$ not a command\nEOF\n$ cat a.csv\nx;1\n$ not a command\n```\n",
        encoding="utf-8",
    )
    commands = blocks(page)[0].commands()
    assert [(c.text, c.expected) for c in commands] == [
        ("cat > a.csv <<'EOF'\nx;1\n$ not a command\nEOF", ()),
        ("cat a.csv", ("x;1",)),
        ("not a command", ()),
    ]
    repo = tmp_path / "repo"
    repo.mkdir()
    assert [run(command, repo) for command in commands[:2]] == [[], ["x;1", "$ not a command"]]


def test_a_block_must_start_with_a_command(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\nkpi: note: made up\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"page.md:2: a console block's first line must be a `\$ ` command"):
        blocks(page)[0].commands()
