"""The ``kpi`` console script: the click group, run as a command-line tool should end.

Ctrl-C ends with exit code 130 and SIGTERM with 143 (128 + the signal), without click's
"Aborted!" and exit 1 (the "gate failed" code); either way a report being written leaves
no temporary file (kpi_cli.cli.output removes it as the exit unwinds). Running out of memory is
one error line and exit 2, not a traceback.

The cyclic garbage collector runs rarely: a run builds millions of objects that form no
cycles (rows, results, entries) and keeps them to the end, and the collector's default
rhythm walks all of them again each time they grow by a quarter (a fifth of the time of a
large run). Reference counting still frees everything that is not a cycle at once.
"""

from __future__ import annotations

import gc
import signal
import sys
from types import FrameType

from .errors import KpiError


def _exit_on(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def install_signal_handlers() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _exit_on)


# A collection of the youngest objects every 100 000 allocations (not 700), an older one every
# 50 of those, the whole heap every 1 000 of those: a short-lived command that keeps what it builds.
GC_THRESHOLDS = (100_000, 50, 1_000)


def run() -> None:
    install_signal_handlers()
    gc.disable()  # while the command line's modules are imported, as kpi_cli/__init__.py does for the core
    from .cli import main
    from .cli.messages import EXIT_ERROR, warn

    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()
    try:
        main(prog_name="kpi")
    except MemoryError:
        warn(
            KpiError("out of memory: the input is larger than this machine can evaluate", code="out-of-memory").format()
        )
        sys.exit(EXIT_ERROR)
