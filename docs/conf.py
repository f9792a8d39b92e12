"""Sphinx configuration of the kpi-cli documentation (MyST Markdown, the furo theme).

Built in CI with warnings as errors and nitpicky references:
``sphinx-build -W --keep-going -n -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

project = "kpi-cli"
author = "kpi-cli contributors"
copyright = "kpi-cli contributors"

extensions = [
    "myst_parser",
    "sphinx_click",
    "kpi_docs",  # docs/_ext/kpi_docs.py: tables generated from the code (problem codes)
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_heading_anchors = 3  # [text](page.md#a-heading) links are checked like any other reference
myst_enable_extensions = ["colon_fence"]
suppress_warnings: list[str] = []

html_theme = "furo"
html_title = "kpi-cli"
html_static_path: list[str] = []
