"""The ``kpi`` console script: the click group, run as a command-line tool should end.

Ctrl-C ends with exit code 130 and SIGTERM with 143 (128 + the signal), without click's
"Aborted!" and exit 1 (the "gate failed" code); either way a report being written leaves
no temporary file (kpi_cli.output removes it as the exit unwinds). Running out of memory is
one error line and exit 2, not a traceback.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from .cli import main
from .cli.messages import EXIT_ERROR, warn
from .errors import KpiError


def _exit_on(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def install_signal_handlers() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _exit_on)


def run() -> None:
    install_signal_handlers()
    try:
        main(prog_name="kpi")
    except MemoryError:
        warn(
            KpiError("out of memory: the input is larger than this machine can evaluate", code="out-of-memory").format()
        )
        sys.exit(EXIT_ERROR)
