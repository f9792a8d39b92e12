"""The ``kpi`` command: options -> core call -> view -> renderer -> exit code.

A thin click group; each command lives in the module for its kind of work
(init.py: init; reports.py: evaluate, history; scorecard.py: status, validate, explain,
template; warehouse.py: sql), parameter types in params.py, what goes to stderr in messages.py.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from .messages import EXIT_ERROR, warn

# Each command and the module that holds it: a command's
# module is imported only when that command runs (or help lists them all), so `kpi evaluate` does
# not pay for `kpi sql`'s or `kpi init`'s imports (start-up matters: tests/test_startup.py).
COMMANDS = {
    "init": "init",
    "fetch": "fetch",
    "evaluate": "reports",
    "history": "reports",
    "status": "scorecard",
    "validate": "scorecard",
    "explain": "scorecard",
    "template": "scorecard",
    "sql": "warehouse",
}


class Kpi(click.Group):
    """The group, with click's usage errors in kpi's style: one line, `kpi: error: ... [usage]`;
    its commands are imported when used (``COMMANDS``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *super().list_commands(ctx)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:  # one added with add_command
            return super().get_command(ctx, cmd_name)
        command = getattr(importlib.import_module(f"{__name__}.{module}"), cmd_name)
        assert isinstance(command, click.Command)
        return command

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> None:
        try:
            result = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as error:
            command = " ".join(["kpi", *(error.ctx.command_path.split()[1:] if error.ctx else [])])
            message = error.format_message().rstrip(".")
            warn(f"kpi: error: {message} (see '{command} --help') [usage]")  # quotes what was typed: inert
            sys.exit(EXIT_ERROR)
        except click.exceptions.Abort:
            warn("kpi: aborted")
            sys.exit(EXIT_ERROR)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=Kpi, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(None, "-V", "--version", package_name="kpi-cli", prog_name="kpi")
def main() -> None:
    """Evaluate a municipality's scorecard (målekart) against a year's results.

    \b
    Examples:
      kpi init
      kpi init --from malekart.txt
      kpi evaluate results/2014.csv
      kpi evaluate results/2014.csv --format json
      kpi status --year 2017 --check
      kpi validate indicators.yaml
      kpi explain L.2.1 5 --year 2016
    """
