"""The municipality beside its benchmarks: better or worse by the indicator's direction, the
share of measures better than a benchmark (Asker's Ø.3.1), and the line naming the source.

Pure functions for the view and the compute mechanism to use; nothing here prints. The
source line's words are the renderers' (render/words.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ...model import Direction
from ...report import Benchmark, TableSource

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


def benchmarks_for(reads: Sequence[Conversion], indicator: str, year: int) -> list[BenchmarkValue]:
    """The benchmark values read for an indicator and year (``ResultSet.ssb``), in file order."""
    return [found for read in reads for key, found in read.benchmarks.items() if key[:2] == (indicator, year)]


def municipality_of(reads: Sequence[Conversion]) -> str | None:
    """The municipality's name, as the definitions or the first table that names it say."""
    return next((read.municipality for read in reads if read.municipality), None)


def for_report(
    reads: Sequence[Conversion],
) -> tuple[dict[tuple[str, int], tuple[Benchmark, ...]], tuple[TableSource, ...]]:
    """What a report keeps of the SSB files read: each (indicator, year)'s benchmark values,
    in the definitions' order of regions, and each table once (its number, title, update time
    and the notes it marks as mandatory)."""
    found: dict[tuple[str, int], list[tuple[int, Benchmark]]] = {}
    tables: dict[tuple[str | None, str], TableSource] = {}
    for read in reads:
        rank = {region: place for place, region in enumerate(read.order)}
        for (indicator, year, region), value in read.benchmarks.items():
            item = Benchmark(region, value.name, value.value, value.absence)
            found.setdefault((indicator, year), []).append((rank.get(region, len(rank)), item))
        table = read.table
        title = table.title.split(":", 1)[1].strip() if table.title.startswith(f"{table.table_id}:") else table.title
        origin = "kolada" if table.format == "kolada" else "ssb"
        tables.setdefault(
            (table.table_id, title), TableSource(table.table_id, title, table.updated, table.mandatory_notes, origin)
        )
    benchmarks = {
        key: tuple(item for _, item in sorted(items, key=lambda pair: pair[0])) for key, items in found.items()
    }
    return benchmarks, tuple(tables.values())
