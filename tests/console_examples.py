"""The shell examples of the docs and the README, as the tests run them.

The convention (docs/how-to/develop.md, "Examples in the docs are tests"):

- a block fenced as ```` ```console ```` is run; ```` ```text ```` and ```` ```sh ```` are not;
- a line starting with ``$ `` is a command, run by bash from the repository root of a fresh copy of
  the repository (the shipped ``indicators.yaml``, ``results/``, ``examples/``, ``tests/fixtures/``);
  a command ending in ``\\`` goes on on the next line, and a here-document (``<<'EOF'``) up to its
  end marker; each command runs in a shell of its own (``cd`` and ``$?`` do not carry over: write
  ``cd DIR && kpi ...`` and ``kpi ...; echo $?``), but the commands of one block share their copy,
  so a file one writes the next can read; on a tutorial's page (``docs/tutorial/``) all the blocks
  share one copy, run in order, as the steps of a tutorial build on each other;
- the lines after a command, up to the next command or the end of the block, are its exact output,
  stdout and stderr together in the order they were written (Python runs unbuffered);
- a line ``...`` alone stands for any number of lines, none included.

The exit code is not compared: a command whose exit code matters shows it (``$ echo $?``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ELLIPSIS = "..."
PROMPT = "$ "
_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(?P<word>\w+)\1")
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
# What a copy of the repository leaves out: history, environments, caches and built docs.
_NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "_build", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis", "artifacts", ".coverage*"
)


@dataclass(frozen=True)
class Command:
    line: int  # of the `$ ` line in its file, 1-based
    text: str  # the command, continuation lines joined
    expected: tuple[str, ...]  # its output lines, `...` among them


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # of the opening fence, 1-based
    lines: tuple[str, ...]  # the block's lines, its indentation removed

    def commands(self) -> list[Command]:
        """The commands of the block with the output each must give; ValueError for text before the first."""
        commands: list[Command] = []
        text: list[str] = []
        start = 0
        output: list[str] = []
        continued = False
        heredoc: str | None = None  # the end marker of a here-document being read
        for number, line in enumerate(self.lines, start=self.line + 1):
            if heredoc is not None:
                text.append(line)
                heredoc = None if line.strip() == heredoc else heredoc
            elif continued:
                text.append(line)
                continued, heredoc = _goes_on(line)
            elif line.startswith(PROMPT) or line == PROMPT.strip():
                if text:
                    commands.append(Command(start, "\n".join(text), tuple(output)))
                text, start, output = [line[len(PROMPT) :]], number, []
                continued, heredoc = _goes_on(line)
            elif not text:
                raise ValueError(f"{self.path}:{number}: a console block's first line must be a `$ ` command")
            else:
                output.append(line)
        if text:
            commands.append(Command(start, "\n".join(text), tuple(output)))
        return commands


def _goes_on(line: str) -> tuple[bool, str | None]:
    """Whether a command line goes on on the next (a trailing backslash), and the end marker of a here-document."""
    heredoc = _HEREDOC.search(line)
    return line.endswith("\\"), heredoc["word"] if heredoc else None


def blocks(path: Path) -> list[Block]:
    """Every ```` ```console ```` block of a Markdown file, in order."""
    found: list[Block] = []
    opening: re.Match[str] | None = None
    body: list[str] = []
    start = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _FENCE.match(line)
        if opening is None:
            if match:
                opening, body, start = match, [], number
        elif match and match["fence"].startswith(opening["fence"]) and not match["info"].strip():
            if opening["info"].strip() == "console":
                indent = len(opening["indent"])
                found.append(Block(path, start, tuple(text[indent:] for text in body)))
            opening = None
        else:
            body.append(line)
    return found


def runs(path: Path) -> list[tuple[Block, ...]]:
    """The blocks of a Markdown file grouped by the copy of the repository they run in, in order.

    A block runs in a copy of its own; on a tutorial's page (in a folder ``tutorial``) all the blocks
    run in one, as a reader follows the steps, each building on what the one before it made.
    """
    found = blocks(path)
    if path.parent.name == "tutorial":
        return [tuple(found)] if found else []
    return [(block,) for block in found]


def matches(expected: tuple[str, ...] | list[str], actual: list[str]) -> bool:
    """Whether the output lines are the expected ones, each ``...`` line standing for any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], tuple(expected[1:])
    if head == ELLIPSIS:
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


def copy_repository(root: Path, into: Path) -> Path:
    """A copy of the repository to run a block's commands in, so none changes the real one."""
    target = into / "repo"
    shutil.copytree(root, target, ignore=_NOT_COPIED, symlinks=True)
    return target


def environment() -> dict[str, str]:
    """The environment a command runs in: this interpreter's `kpi` first, no setting of the machine."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "KPI_INDICATORS", "COLUMNS")}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave as a terminal shows them
    env["LC_ALL"] = "C.UTF-8"
    env["TERM"] = "dumb"
    return env


def run(command: Command, cwd: Path) -> list[str]:
    """The command's combined output lines, run by bash in ``cwd``."""
    done = subprocess.run(
        ["bash", "-c", command.text],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=300,
        check=False,
    )
    return done.stdout.decode("utf-8", errors="replace").splitlines()
