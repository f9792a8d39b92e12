"""No test asserts on the wall clock: a loaded machine stretches it, and a green suite must not depend
on the load (nor does a hypothesis deadline decide a test). Work is bounded by CPU time
(``conftest.cpu_time``), memory or counts instead; speed belongs to benchmarks/run.py. This test reads
every test file and fails on an ``assert`` that uses a wall-clock reading, directly or through a name
that holds one, and on a hypothesis ``deadline=`` other than None."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

# time.time, time.monotonic, time.perf_counter (and their _ns forms), datetime.now/utcnow/today
WALL_CLOCK = {"time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "now", "utcnow"}


def _is_clock_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in WALL_CLOCK


def _clock_names(tree: ast.AST) -> set[str]:
    """Names assigned a wall-clock reading anywhere in the file (``started = time.monotonic()``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(_is_clock_call(n) for n in ast.walk(node.value)):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _is_deadline(node: ast.AST) -> bool:
    """A hypothesis ``deadline=`` other than None: a wall-clock limit on every example."""
    return (
        isinstance(node, ast.keyword)
        and node.arg == "deadline"
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    )


def clock_assertions(source: str) -> list[int]:
    """The lines of the asserts in ``source`` that read the wall clock, and of hypothesis deadlines."""
    tree = ast.parse(source)
    names = _clock_names(tree)
    lines = []
    for node in ast.walk(tree):
        if _is_deadline(node):
            lines.append(node.value.lineno)  # type: ignore[attr-defined]
        if not isinstance(node, ast.Assert):
            continue
        inside = list(ast.walk(node.test))
        if any(_is_clock_call(n) for n in inside) or any(isinstance(n, ast.Name) and n.id in names for n in inside):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import time\nstarted = time.time()\nrun()\nassert time.time() - started < 20\n", [4]),
        ("import time\nstarted = time.monotonic()\nrun()\nassert time.monotonic() > started\n", [4]),
        ("from time import perf_counter\nt0 = perf_counter()\nassert perf_counter() - t0 < 1\n", [3]),
        ("import time\nstart = time.time()\nrun()\nelapsed = 3\nassert start > 0\n", [5]),
        ("import datetime\nassert datetime.datetime.now().year > 2000\n", [2]),
        # a deadline for polling, a file's mtime set in the past: no assertion reads them
        ("import time\ndeadline = time.monotonic() + 20\nwhile time.monotonic() < deadline:\n    pass\n", []),
        ("import os, time\nos.utime('f', (time.time() - 5, time.time() - 5))\nassert True\n", []),
        ("with cpu_time() as used:\n    run()\nassert used.seconds < 20\n", []),
        ("from hypothesis import settings\nS = settings(max_examples=5, deadline=timedelta(seconds=10))\n", [2]),
        ("from hypothesis import settings\nS = settings(max_examples=5, deadline=None)\n", []),
    ],
)
def test_the_checker_finds_clock_assertions(source: str, lines: list[int]) -> None:
    assert clock_assertions(source) == lines


def test_no_test_asserts_on_the_wall_clock() -> None:
    found = [
        f"{path.relative_to(TESTS)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        for line in clock_assertions(path.read_text(encoding="utf-8"))
    ]
    assert found == []
