"""Every ```console example in README.md and docs/ runs, and prints what the page shows.

The convention is in tests/console_examples.py and docs/how-to/develop.md. A page added under docs/
is collected with no change here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT
from console_examples import Block, blocks, copy_repository, matches, run, runs

PAGES = [REPO_ROOT / "README.md", *sorted(p for p in (REPO_ROOT / "docs").rglob("*.md") if "_build" not in p.parts)]
BLOCKS = [block for page in PAGES for block in blocks(page)]
RUNS = [run_ for page in PAGES for run_ in runs(page)]  # the blocks that share a copy, as `runs` groups them


def _id(block: Block) -> str:
    return f"{block.path.relative_to(REPO_ROOT)}:{block.line}"


def _run_id(run_: tuple[Block, ...]) -> str:
    return _id(run_[0])


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


def test_the_tutorial_runs_as_one() -> None:
    """The tutorial's steps build on each other: its blocks run in order in one copy."""
    tutorial = [run_ for run_ in RUNS if run_[0].path.parent.name == "tutorial"]
    assert tutorial and all(len(run_) > 1 for run_ in tutorial), [_run_id(run_) for run_ in tutorial]


def test_the_tutorial_goes_from_the_print_to_the_report_with_what_kpi_init_prints() -> None:
    """`kpi init --from` on the seed's published text, then the three commands it prints, in order."""
    commands = [
        c for block in blocks(REPO_ROOT / "docs" / "tutorial" / "from-the-printed-table.md") for c in block.commands()
    ]
    init = next(c for c in commands if "kpi init --from" in c.text)
    printed = [line.strip() for line in init.expected[init.expected.index("neste:") + 1 :]]
    run_after = [c.text.removeprefix("cd asker && ") for c in commands[commands.index(init) + 1 :]]
    assert (
        [c for c in run_after if c in printed]
        == printed
        == [
            "kpi validate",
            "kpi evaluate results/2014.csv",
            "kpi evaluate results/2014.csv --format html -o report.html",
        ]
    )
    assert commands[0].text == "mkdir asker && cp examples/from-print/laering-og-fornyelse-2014.txt asker/"


@pytest.mark.parametrize("blocks_", RUNS, ids=_run_id)
def test_example(blocks_: tuple[Block, ...], tmp_path: Path) -> None:
    repo = copy_repository(REPO_ROOT, tmp_path)
    for block in blocks_:
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


@pytest.mark.parametrize(("folder", "groups"), [("tutorial", [[3, 9]]), ("how-to", [[3], [9]])])
def test_a_tutorials_blocks_share_one_copy(tmp_path: Path, folder: str, groups: list[list[int]]) -> None:
    page = tmp_path / folder / "page.md"
    page.parent.mkdir()
    page.write_text("# Made up\n\n```console\n$ echo 1 > a\n```\n\nThen:\n\n```console\n$ cat a\n1\n```\n", "utf-8")
    assert [[block.line for block in group] for group in runs(page)] == groups


def test_a_tutorial_page_without_examples_runs_nothing(tmp_path: Path) -> None:
    page = tmp_path / "tutorial" / "index.md"
    page.parent.mkdir()
    page.write_text("# Tutorial\n\n```sh\n$ not run\n```\n", "utf-8")
    assert runs(page) == []


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
