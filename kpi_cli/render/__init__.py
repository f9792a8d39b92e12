"""Output formats: a registry naming one renderer module per format.

Modules are imported only when their format is asked for, so ``--format
json`` never pays for importing rich.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

FORMATS: dict[str, str] = {
    "table": "kpi_cli.render.table",
    "json": "kpi_cli.render.json_output",
}


@dataclass(frozen=True)
class RenderOptions:
    lang: str = "nb"
    color: bool = False
    width: int = 100
    definitions: str = "indicators.yaml"
    sources: tuple[str, ...] = field(default_factory=tuple)
    by_org_unit: bool = False  # a matrix: indicators down, org units across
    org_units: tuple[str | None, ...] = ()  # which org units a history shows (None: the municipality)


def renderer(name: str) -> ModuleType:
    """The module that renders format ``name``; KeyError for an unknown one."""
    return importlib.import_module(FORMATS[name])
