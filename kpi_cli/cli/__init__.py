"""The ``kpi`` command: options -> core call -> view -> renderer -> exit code.

A thin click group; each command lives in the module for its kind of work
(reports.py: evaluate, history; scorecard.py: status, validate, explain,
template; warehouse.py: sql), parameter types in params.py, what goes to stderr in messages.py.
"""

from __future__ import annotations

import click

from .reports import evaluate, history
from .scorecard import explain, status, template, validate
from .warehouse import sql


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(None, "-V", "--version", package_name="kpi-cli", prog_name="kpi")
def main() -> None:
    """Evaluate a municipality's scorecard (målekart) against a year's results.

    \b
    Examples:
      kpi evaluate results/2014.csv
      kpi evaluate results/2014.csv --format json
      kpi status --year 2017 --check
      kpi validate indicators.yaml
      kpi explain L.2.1 5 --year 2016
    """


for command in (evaluate, history, status, validate, explain, template, sql):
    main.add_command(command)
