"""``kpi init --from``: not yet."""

from __future__ import annotations

from ..errors import Problem, UsageError


def draft_files(
    source: str, definitions: str, language: str, sheet: str | None
) -> tuple[list[tuple[str, str]], list[Problem], list[int]]:
    raise UsageError("--from is not available yet")
