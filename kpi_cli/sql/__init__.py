"""The scorecard compiled to SQL: one query that rates a results table in place.

Pure: builds sqlglot expressions and writes them in a dialect; no database
engine is imported. ``sqlglot`` comes with the ``scale`` extra.
"""

from __future__ import annotations

from .compiler import DIALECTS, build, compile_sql

__all__ = ["DIALECTS", "build", "compile_sql"]
