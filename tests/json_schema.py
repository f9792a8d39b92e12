"""The JSON report's schema (kpi_cli/schemas/report-2.schema.json, shipped in the package) held
against every JSON and JSON-lines output the tests make.

``conftest.py`` wraps click's ``CliRunner.invoke`` so that any ``--format json`` or ``jsonl`` run, to
stdout or to ``-o FILE``, is validated; tests that run ``kpi`` another way call ``check_text``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

COMMANDS = ("evaluate", "history", "status")
_STDOUT = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def schema() -> dict[str, Any]:
    text = resources.files("kpi_cli").joinpath("schemas/report-2.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for ``report`` (the whole document), ``result`` (a JSONL line) or ``status_document``."""
    return Draft202012Validator({**schema(), "$ref": f"#/$defs/{kind}"})


def check(instance: object, kind: str) -> None:
    """Raise AssertionError naming every place where ``instance`` breaks the schema."""
    errors = sorted(validator(kind).iter_errors(instance), key=lambda e: list(e.absolute_path))
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]
    assert problems == [], f"{kind} does not follow the JSON schema: " + "; ".join(problems[:5])


def check_text(text: str, command: str, fmt: str) -> None:
    """The output of ``kpi COMMAND --format FMT`` (json or jsonl) against the schema."""
    if fmt == "jsonl":
        for line in text.splitlines():
            if line.strip():
                check(json.loads(line), "result")
    else:
        check(json.loads(text), "status_document" if command == "status" else "report")


def _option(args: Sequence[str], *names: str) -> str | None:
    found = None
    for index, arg in enumerate(args):
        for name in names:
            if arg == name and index + 1 < len(args):
                found = args[index + 1]
            elif arg.startswith(name + "="):
                found = arg.split("=", 1)[1]
    return found


def check_run(args: object, exit_code: int, stdout: str) -> None:
    """A run through CliRunner: its JSON, on stdout or in its ``-o`` file, against the schema."""
    if not isinstance(args, list | tuple) or exit_code not in (0, 1):
        return
    words = [str(arg) for arg in args]
    command = next((word for word in words if word in COMMANDS), None)
    fmt = (_option(words, "--format") or "").lower()
    if command is None or fmt not in ("json", "jsonl"):
        return
    target = _option(words, "-o", "--output")
    if target is None or target in _STDOUT:
        check_text(stdout, command, fmt)
    elif target.endswith((".json", ".jsonl")) and os.path.isfile(target):
        with open(target, encoding="utf-8") as file:
            check_text(file.read(), command, fmt)
