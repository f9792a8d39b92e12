"""The municipality beside its benchmarks: better or worse by the indicator's direction, the
share of measures better than a benchmark (Asker's Ø.3.1), and the line naming the source.

Pure functions for the renderers and the compute mechanism to use; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Direction
from .table import SsbTable

if TYPE_CHECKING:
    from .rows import BenchmarkValue, Conversion

BETTER = "better"
WORSE = "worse"
EQUAL = "equal"


def compare(value: Decimal | None, benchmark: Decimal | None, direction: Direction | None) -> str | None:
    """'better', 'worse' or 'equal' than the benchmark; None when either value is absent or the
    direction says nothing about which side is better (none, or a target range)."""
    if value is None or benchmark is None or direction not in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        return None
    if value == benchmark:
        return EQUAL
    higher = value > benchmark
    return BETTER if higher == (direction is Direction.HIGHER_IS_BETTER) else WORSE


def share_better(comparisons: Iterable[str | None]) -> Decimal | None:
    """100 × the share of the comparisons that are 'better', of those that could be made
    (Ø.3.1: the share of selected KOSTRA indicators better than KOSTRA group 13's average);
    None when none could be made."""
    made = [outcome for outcome in comparisons if outcome is not None]
    if not made:
        return None
    return (Decimal(100) * sum(1 for outcome in made if outcome == BETTER) / len(made)).quantize(Decimal("0.01"))


def source_line(table: SsbTable, language: str = "nb") -> str:
    """'Kilde: SSB, tabell 12134, oppdatert 2026-03-16' (en: 'Source: Statistics Norway, table ...')."""
    english = language == "en"
    parts = ["Source: Statistics Norway" if english else "Kilde: SSB"]
    if table.table_id:
        parts.append(f"{'table' if english else 'tabell'} {table.table_id}")
    if table.updated:
        parts.append(f"{'updated' if english else 'oppdatert'} {table.updated[:10]}")
    return ", ".join(parts)


def benchmarks_for(reads: Sequence[Conversion], indicator: str, year: int) -> list[BenchmarkValue]:
    """The benchmark values read for an indicator and year (``ResultSet.ssb``), in file order."""
    return [found for read in reads for key, found in read.benchmarks.items() if key[:2] == (indicator, year)]
