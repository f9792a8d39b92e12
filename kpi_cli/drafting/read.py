"""The one call: a printed scorecard's file -> its draft."""

from __future__ import annotations

from .assemble import Draft, assemble
from .documents import read_document


def draft(path: str, sheet: str | None = None) -> Draft:
    """The draft of the scorecard printed in ``path`` (its kind by its extension, else text)."""
    from .run_together import text_items
    from .tables import table_items

    kind, blocks = read_document(path, sheet)
    items = text_items(blocks) if kind == "text" else table_items(blocks)
    return assemble(items, path)
