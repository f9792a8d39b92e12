"""The scorecard compiled to SQL: one query that rates a results table in place.

Pure: builds sqlglot expressions and writes them in a dialect; no database
engine is imported. ``sqlglot`` comes with the ``scale`` extra. The compiler is
imported on first use, so ``kpi_cli.sql.choice`` (which engine a run takes) costs
``kpi evaluate`` no start-up and works without the extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .compiler import DIALECTS, build, compile_sql

__all__ = ["DIALECTS", "build", "compile_sql"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import compiler

        return getattr(compiler, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
