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
    "markdown": "kpi_cli.render.markdown",
    "csv": "kpi_cli.render.csv_output",
    "html": "kpi_cli.render.html",
    "github": "kpi_cli.render.github",
    "junit": "kpi_cli.render.junit",
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
    delimiter: str | None = None  # CSV output: None for the language's own (nb: ';', en: ',')
    fail_on: str = "not_approved"  # what counts as failing, for junit and github
    fail_on_missing: bool = False
    fail_on_regression: bool = False
    to_file: bool = False  # written with -o: a CSV for Norwegian Excel then starts with a BOM
    pretty: bool = True  # JSON indented for a person; compact (and streamed) for files and pipes


def renderer(name: str) -> ModuleType:
    """The module that renders format ``name``; KeyError for an unknown one.

    A renderer module has ``evaluation(report, options)`` and, where the format
    suits them, ``status(states, year, options)`` and ``history(report,
    options)``; each returns the text, or an iterator of its chunks for output
    too large to hold as one string.
    """
    return importlib.import_module(FORMATS[name])
