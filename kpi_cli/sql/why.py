"""Why a run takes the engine it takes, and why the DuckDB stream leaves it to the report path:
the words ``-v`` says. Pure.

A ``Why`` is its English sentence (it is a ``str``, so tests, logs and the English output read it
as before) that also carries the catalogue key and values of the same sentence (``engine.*`` and
``stream.*`` in render/stderr_*.py), so that ``cli/messages`` says it in the output language
without reading the English back.
"""

from __future__ import annotations


class Why(str):
    """A reason in English, with ``key`` and ``values`` to say it in another language."""

    key: str
    values: dict[str, str]

    def __new__(cls, key: str, text: str, **values: str) -> Why:
        made = super().__new__(cls, text)
        made.key = key
        made.values = values
        return made
