"""kpi-cli: evaluate a municipality's scorecard (målekart) against its results.

The public API is three calls; the command line is a thin layer over them::

    from kpi_cli import load_definitions, read_results, evaluate

    scorecard = load_definitions("indicators.yaml")
    results = read_results(["results/2014.csv"])
    report = evaluate(scorecard, results.rows, 2014)
"""

from __future__ import annotations

import gc

# Importing the package makes tens of thousands of objects that live to the end; the cyclic garbage
# collector would walk them several times over during the imports alone (about 6 % of the main job's
# start-up). It is paused while they run and left as it was.
_collecting = gc.isenabled()
gc.disable()
try:
    from .definitions.load import load_definitions
    from .rating.evaluate import evaluate
    from .results.read import read_results
finally:
    if _collecting:
        gc.enable()


def __getattr__(name: str) -> str:
    """``__version__`` from the package metadata, looked up only when asked for (start-up matters)."""
    if name != "__version__":
        raise AttributeError(f"module 'kpi_cli' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kpi-cli")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0+unknown"


__all__ = ["__version__", "evaluate", "load_definitions", "read_results"]
