"""Shared fixtures for the kpi-cli tests.

Every test that needs files writes them under pytest's ``tmp_path``; the only
files read from the repository are the seed's ``indicators.yaml`` and
``results/2014.csv``, which are never written to.
"""

from __future__ import annotations

import functools
import inspect
import os
import resource
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import json_schema
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

# One throwaway PostgreSQL server for the session, shared by every test that asks for it.
from sql_engines import postgres  # noqa: F401

from kpi_cli.cli import main

# click before 8.2 mixes stderr into the output unless told not to; from 8.2 a result always keeps them
# apart, as the tests read them. The suite runs at the declared floor (click 8.1) in CI too.
if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:  # pragma: no cover - click 8.1
    CliRunner.__init__ = functools.partialmethod(CliRunner.__init__, mix_stderr=False)  # type: ignore[method-assign]

# Hypothesis's default deadline (200 ms an example) and its too_slow health check read the wall clock,
# which a loaded machine stretches: neither decides a test here (tests/test_no_clock.py).
settings.register_profile("kpi", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kpi")

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_INDICATORS = REPO_ROOT / "indicators.yaml"
SEED_RESULTS = REPO_ROOT / "results" / "2014.csv"


class CpuTime:
    """CPU seconds (user and system) a block took, of this process and of the children it waited for."""

    seconds: float = 0.0


def _cpu_now() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def cpu_time() -> Iterator[CpuTime]:
    """Bound work by the CPU time it takes, not the wall clock, which a loaded machine stretches:
    ``with cpu_time() as used: ...`` then ``assert used.seconds < N`` with a wide margin."""
    used, started = CpuTime(), _cpu_now()
    try:
        yield used
    finally:
        used.seconds = _cpu_now() - started


# The gap warnings `kpi validate` gives for the seed's indicators.yaml, at the line and
# column 13 of the indicator's `id:` key: only L.2.1's gap holds a value written at its
# bands' precision (5); L.1.1's and L.1.2's gaps hold only finer values, one note says so.
def seed_line(indicator_id: str) -> int:
    """The line of ``- id: INDICATOR`` in the shipped indicators.yaml (1-based)."""
    lines = SEED_INDICATORS.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == f"- id: {indicator_id}")


SEED_GAP_WARNINGS = [
    f"indicators.yaml:{seed_line('L.2.1')}:13: warning: L.2.1: values in (4,9, 5] fall between accepted and "
    "desired; rated accepted under gap policy worse [band-gap]",
]
SEED_GAP_NOTE = (
    "indicators.yaml: note: 4 gaps between bands in 2 indicators hold only values written more finely than "
    "the bands (e.g. 3,95 in L.1.1, between not_approved and accepted); such values are rated by the gap policy "
    "[gap-summary]"
)

# The same, as `kpi validate` says them on stderr in the seed's language (nb).
SEED_GAP_WARNINGS_NB = [
    f"indicators.yaml:{seed_line('L.2.1')}:13: warning: L.2.1: verdier i (4,9, 5] faller mellom laveste akseptert og "
    "ønsket; vurderes som laveste akseptert etter gap_policy worse [band-gap]",
]
SEED_GAP_NOTE_NB = (
    "indicators.yaml: note: 4 hull mellom båndene i 2 indikatorer rommer bare verdier skrevet med flere desimaler "
    "enn båndene (f.eks. 3,95 i L.1.1, mellom ikke godkjent og laveste akseptert); slike verdier vurderes etter "
    "gap_policy [gap-summary]"
)

SEED_IDS = ["L.1.1", "L.1.2", "L.2.1", "L.2.2", "L.2.3"]


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under pytest-xdist with --dist loadgroup (.ci/run), the scheduler of tests/workers.py."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from workers import Scheduling

    return Scheduling(config, log)


@pytest.fixture(autouse=True)
def _json_follows_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `--format json` or `jsonl` output of a CliRunner run is validated against the JSON
    schema shipped in the package (tests/json_schema.py), whichever test makes it."""
    invoke = CliRunner.invoke

    def checked(self: CliRunner, cli: Any, args: Any = None, *more: Any, **options: Any) -> Result:
        result = invoke(self, cli, args, *more, **options)
        json_schema.check_run(args, result.exit_code, result.stdout)
        return result

    monkeypatch.setattr(CliRunner, "invoke", checked)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting of the machine running the tests leaks into a test."""
    for name in ("NO_COLOR", "FORCE_COLOR", "KPI_INDICATORS", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def runner() -> CliRunner:
    # click 8.2+: stdout and stderr are kept apart by default.
    return cli_runner()


@pytest.fixture
def kpi(runner: CliRunner) -> Callable[..., Result]:
    """Run ``kpi ARGS...`` in-process; ``color=True`` behaves like a terminal that keeps ANSI codes."""

    def run(*args: str, env: dict[str, str | None] | None = None, color: bool = False) -> Result:
        return runner.invoke(main, list(args), env=env, color=color)

    return run


@pytest.fixture
def repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, as `kpi evaluate results/2014.csv` is meant to be run."""
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder holding a copy of the seed's indicators.yaml, as the current directory."""
    shutil.copyfile(SEED_INDICATORS, tmp_path / "indicators.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path: text in an encoding, or raw bytes."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


def _no_traceback(result: Result) -> None:
    for stream in (result.stdout, result.stderr, result.output):
        assert "Traceback" not in stream, stream


@pytest.fixture
def assert_error() -> Callable[..., None]:
    """An error path: exit 2, exactly ``lines`` on stderr (in any order), no traceback, no stdout."""

    def check(result: Result, lines: Sequence[str], *, stdout_empty: bool = True) -> None:
        _no_traceback(result)
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
        got = result.stderr.splitlines()
        assert sorted(got) == sorted(lines), "\n".join(got)
        if stdout_empty:
            assert result.stdout == ""

    return check


@pytest.fixture
def assert_ok() -> Callable[..., None]:
    """A run that evaluated: the exit code given, no traceback."""

    def check(result: Result, exit_code: int = 0) -> None:
        _no_traceback(result)
        assert result.exit_code == exit_code, (result.exit_code, result.stdout, result.stderr, result.exception)
        if exit_code == 0:
            assert result.exception is None, repr(result.exception)
        else:
            assert isinstance(result.exception, SystemExit), repr(result.exception)

    return check


def shown_results(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The results of the year a JSON report shows (schema 2 holds every year rated in ``results``)."""
    return [item for item in document["results"] if item["year"] == document["year"]]


def other_results(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The results of every other year in a JSON report: what schema 1 called ``history``."""
    return [item for item in document["results"] if item["year"] != document["year"]]


def cli_runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout: click 8.2 always does, 8.1 (the floor in
    pyproject.toml) only with mix_stderr=False."""
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # pragma: no cover - click 8.1
    return CliRunner()


@pytest.fixture
def chromium() -> str:
    """The Chromium the PDF report prints with: a failure under CI without it, else a skip."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; CI must install it")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found
