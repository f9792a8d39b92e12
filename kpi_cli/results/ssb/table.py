"""The one shape every Statistics Norway (SSB) export is read into: a table of cells.

A cell is one value of the cube: its region, its time, the categories of the
other dimensions, the value (or why there is none) and where it was written.
SSB's symbols are distinct reasons a value is absent, and they are kept:
``.`` cannot occur, ``..`` not available, ``:`` suppressed (older tables also
``...`` not available and ``-`` for zero).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ...records import dataclass

NOT_APPLICABLE = "not_applicable"
NOT_AVAILABLE = "not_available"
SUPPRESSED = "suppressed"
ABSENCES = (NOT_APPLICABLE, NOT_AVAILABLE, SUPPRESSED)

# A symbol -> (value, reason): '-' is an older table's way of writing zero.
SYMBOLS: dict[str, tuple[Decimal | None, str | None]] = {
    ".": (None, NOT_APPLICABLE),
    "..": (None, NOT_AVAILABLE),
    "...": (None, NOT_AVAILABLE),
    ":": (None, SUPPRESSED),
    "-": (Decimal(0), None),
}

_YEAR = re.compile(r"\d{4}")
# A region label as a statistics-bank download writes it: a code, then the name
# ('3203 Asker', '03+30 Oslo og Viken', 'K-3025 Asker', 'EKG13 Kostragruppe 13').
_CODED = re.compile(r"(?P<code>(?:K-)?\d[\d+\-]*|[A-Z][A-Z0-9]*\d[A-Z0-9]*|EAK[A-Z]*)\s+(?P<name>\S.*)")


@dataclass(frozen=True, slots=True)
class Dimension:
    """One dimension of the cube: its id (code or CSV header), label, role and categories."""

    id: str
    label: str
    role: str | None  # 'geo', 'time', 'metric' or None
    categories: tuple[tuple[str, str], ...]  # (code, label) in the file's order

    def label_of(self, code: str) -> str:
        return dict(self.categories).get(code, code)

    def find(self, wanted: str) -> str | None:
        """The code of the category whose code or label is ``wanted`` (any case)."""
        if wanted in dict(self.categories):
            return wanted
        lowered = wanted.casefold()
        for code, label in self.categories:
            if lowered in (code.casefold(), label.casefold()):
                return code
        return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of the cube and where it came from.

    ``line``/``column`` locate a CSV cell (1-based), ``index`` a JSON-stat
    value (0-based, the position in the flat ``value`` list).
    """

    region: str | None  # the code as the file writes it: '3203', 'K-3025', '01'
    region_name: str
    time: str  # the time code: '2024' (or '2024M01', '2020K1' in monthly or quarterly tables)
    other: tuple[tuple[str, str], ...]  # (dimension id, category code) for every other dimension
    value: Decimal | None
    absence: str | None
    raw: str  # the text or symbol as written
    path: str
    line: int | None = None
    column: int | None = None
    index: int | None = None

    @property
    def year(self) -> int | None:
        return year_of(self.time)

    def where(self) -> str:
        """``path:line:col`` for a CSV cell, ``path[value N]`` for a JSON-stat value."""
        if self.index is not None:
            return f"{self.path}[value {self.index}]"
        return ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)


@dataclass(frozen=True, slots=True)
class SsbTable:
    """A whole export: what it is, its dimensions and every cell."""

    path: str
    format: str  # 'jsonstat1', 'jsonstat2', 'csv-dataset', 'csv-statbank'
    title: str
    table_id: str | None
    updated: str | None
    notes: tuple[str, ...]  # every note of the table
    mandatory_notes: tuple[str, ...]  # those the file marks as mandatory to show
    dimensions: tuple[Dimension, ...]
    cells: tuple[Cell, ...]
    region_dimension: str | None
    time_dimension: str | None
    encoding: str = "utf-8"

    def dimension(self, wanted: str) -> Dimension | None:
        """The dimension whose id or label is ``wanted`` (any case)."""
        lowered = wanted.casefold()
        for dimension in self.dimensions:
            if lowered in (dimension.id.casefold(), dimension.label.casefold()):
                return dimension
        return None

    @property
    def regions(self) -> tuple[str, ...]:
        found = self.dimension(self.region_dimension) if self.region_dimension else None
        return tuple(code for code, _ in found.categories) if found else ()

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({year for cell in self.cells if (year := cell.year) is not None}))


def symbol(text: str) -> tuple[Decimal | None, str | None] | None:
    """The value and absence reason an SSB symbol stands for; None if ``text`` is no symbol."""
    return SYMBOLS.get(text.strip())


def split_region(text: str) -> tuple[str, str]:
    """'3203 Asker' -> ('3203', 'Asker'); a label without a code is both code and name."""
    clean = " ".join(text.split())
    match = _CODED.fullmatch(clean)
    if match:
        return match.group("code"), match.group("name")
    return clean, clean


@functools.lru_cache(maxsize=4096)
def year_of(time: str) -> int | None:
    """'2024' -> 2024; a month or quarter ('2024M01', '2020K1') is not a year: None."""
    return int(time) if _YEAR.fullmatch(time) else None


@functools.lru_cache(maxsize=4096)
def region_key(code: str) -> str:
    """The code a definitions file and an export agree on: 'K-3203', '3203 Asker', '3203' -> '3203'."""
    token = code.strip().split(" ", 1)[0].upper()
    return token[2:] if token.startswith("K-") else token


@functools.lru_cache(maxsize=4096)
def is_municipality(code: str) -> bool:
    """A municipality number (four digits), not an aggregate (EAK, EKG13, K-Rest, 03+30) nor Kolada's
    0000 (Riket) and 00NN (its regions, landsting): no Norwegian or Swedish municipality's starts 00."""
    key = region_key(code)
    return len(key) == 4 and key.isdigit() and not key.startswith("00")
