"""The conventions of the ecosystem kpi follows: `python -m kpi_cli`, the pre-commit hook, and the CI
examples of docs/how-to/ci.md, each run here as far as it can be without GitHub, GitLab or pre-commit.

Shell completion is click's own; docs/how-to/shell-completion.md shows it answering, and its console
examples run in tests/test_docs_examples.py.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO_ROOT
from console_examples import copy_repository, environment

CI_PAGE = REPO_ROOT / "docs" / "how-to" / "ci.md"
INSTALL = "pip install ."  # the README's install command: the test environment has kpi installed already


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=300, check=False
    )


def _python_m(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kpi_cli", *args]
    return subprocess.run(command, cwd=REPO_ROOT, env=environment(), capture_output=True, text=True, check=False)


def test_python_m_kpi_cli_is_the_kpi_command(kpi, repo_root: Path) -> None:
    version = _python_m("--version")
    assert (version.returncode, version.stdout) == (0, kpi("--version").stdout)
    assert version.stdout.startswith("kpi, version ")
    report = _python_m("evaluate", "results/2014.csv", "--format", "csv")
    assert (report.returncode, report.stdout) == (0, kpi("evaluate", "results/2014.csv", "--format", "csv").stdout)
    missing = _python_m("evaluate", "no-such.csv")
    said = "no-such.csv: error: finner ikke resultatfilen [unreadable-file]\n"  # in bokmål, the default language
    assert (missing.returncode, missing.stderr) == (2, said)


def _hooks() -> list[dict[str, Any]]:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_the_pre_commit_hook_is_well_formed() -> None:
    (hook,) = _hooks()
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "kpi-validate",
        "kpi validate",
        "python",
        False,
    )
    files = re.compile(hook["files"])
    matched = [name for name in ("indicators.yaml", "x/indicators.yml", "results/2014.csv") if files.search(name)]
    assert matched == ["indicators.yaml", "x/indicators.yml"]


def test_the_pre_commit_hook_passes_good_definitions_and_fails_bad_ones(tmp_path: Path) -> None:
    (hook,) = _hooks()
    repo = copy_repository(REPO_ROOT, tmp_path)
    assert _shell(hook["entry"], repo).returncode == 0
    (repo / "indicators.yaml").write_text("scorecard: made up\nfocus_areas: 3\n", encoding="utf-8")
    failed = _shell(hook["entry"], repo)
    assert failed.returncode == 2
    assert "indicators.yaml:2:14: error:" in failed.stderr
    args = " ".join(shlex.quote(a) for a in ["examples/printed/indicators.yaml"])  # as `args:` in a config
    assert _shell(f"{hook['entry']} {args}", repo).returncode == 0


def _ci_example(first_line: str) -> dict[str, Any]:
    """The YAML block of docs/how-to/ci.md that starts with the comment ``first_line``, parsed."""
    text = CI_PAGE.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(" + re.escape(first_line) + r"\n.*?)```", text, re.DOTALL)
    assert match, first_line
    loaded: dict[str, Any] = yaml.safe_load(match.group(1))
    return loaded


def _run_all(commands: list[str], repo: Path) -> None:
    assert commands[0] == INSTALL
    for command in commands[1:]:
        done = _shell(command, repo)
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"


def test_the_github_actions_example_runs(tmp_path: Path) -> None:
    workflow = _ci_example("# .github/workflows/scorecard.yml")
    # PyYAML reads the key `on` as True, as YAML 1.1 says; GitHub reads it as the text "on".
    assert workflow[True] == ["push", "pull_request"]
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    steps = job["steps"]
    assert all(("uses" in step) != ("run" in step) for step in steps)
    repo = copy_repository(REPO_ROOT, tmp_path)
    _run_all([step["run"] for step in steps if "run" in step], repo)
    (upload,) = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert (repo / upload["with"]["path"]).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_gitlab_ci_example_runs(tmp_path: Path) -> None:
    pipeline = _ci_example("# .gitlab-ci.yml")
    (job,) = pipeline.values()
    repo = copy_repository(REPO_ROOT, tmp_path)
    _run_all(job["script"], repo)
    for path in job["artifacts"]["paths"]:
        assert (repo / path).is_file(), path
    suites = ET.parse(repo / job["artifacts"]["reports"]["junit"]).getroot()
    cases = [case.get("name") for case in suites.iter("testcase")]
    assert cases and all(name and name.startswith("L.") for name in cases), cases


@pytest.mark.parametrize("name", ["README.md", os.path.join("docs", "how-to", "ci.md")])
def test_the_examples_install_as_the_readme_says(name: str) -> None:
    assert INSTALL in (REPO_ROOT / name).read_text(encoding="utf-8")
