"""What ``kpi fetch`` saves beside each table it fetched (``12191.json.provenance``): the URL
asked, when, and the table's ``updated`` date then; and what that date says about KOSTRA figures.

KOSTRA figures come out unrevised on 15 March and revised on 15 June of the year after their year,
and nothing in a cell's ``status`` tells the two apart: only the date the table was updated does.
A result from a fetched KOSTRA table updated before 15 June of the year after its year is marked
unrevised (``ResultRow.revised``); a file without a provenance is not judged.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from ...records import dataclass

SUFFIX = ".provenance"  # not a results file's suffix: `kpi evaluate results/` never reads it as results
REVISED_BY = (6, 15)  # month, day of the year after a figure's year


@dataclass(frozen=True, slots=True)
class Provenance:
    table: str
    url: str
    fetched: str  # ISO 8601, UTC
    updated: str | None  # the table's `updated` when it was fetched

    def to_json(self) -> str:
        fields = {"table": self.table, "url": self.url, "fetched": self.fetched, "updated": self.updated}
        return json.dumps(fields, ensure_ascii=False, indent=2) + "\n"


def read_provenance(data: str | Path) -> Provenance | None:
    """The provenance saved beside the file ``data``; None when there is none or it cannot be read."""
    try:
        fields = json.loads(Path(f"{data}{SUFFIX}").read_text(encoding="utf-8"))
        updated = fields.get("updated")
        return Provenance(str(fields["table"]), str(fields["url"]), str(fields["fetched"]), updated and str(updated))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def revised(updated: str | None, year: int) -> bool | None:
    """Whether a KOSTRA figure of ``year`` in a table updated on ``updated`` is the revised one;
    None when the date cannot be read."""
    try:
        day = datetime.date.fromisoformat((updated or "")[:10])
    except ValueError:
        return None
    return day >= datetime.date(year + 1, *REVISED_BY)
