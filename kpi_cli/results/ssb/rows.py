"""An SSB table -> a scorecard's result rows, benchmark values and an account of the rest.

For each indicator whose source names this table, the cells its ``select``
picks (one per region and year) become: the municipality's results (its old
and new numbers merged, a value winning over an absence), benchmark values
for the benchmark regions, or, with ``all_regions``, one org unit per
municipality (``"3203 Asker"``). Every cell not used is counted by reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from decimal import Decimal

from ...definitions.ssb_fields import SsbMapping, SsbSource
from ...errors import KpiError, ResultsError, closest
from ...inert import excerpt
from ...model import Location
from ...records import dataclass
from ...report import ResultRow
from .table import Cell, SsbTable, is_municipality, region_key

# Why a cell was not used: no indicator names its table; no indicator's select picks it;
# its time is not a year; the table has no region; an aggregate or another municipality
# than the one rated; the municipality's other number had the value that year.
UNUSED_REASONS = ("other_table", "not_selected", "not_a_year", "no_region", "other_region", "replaced")


@dataclass(frozen=True, slots=True)
class BenchmarkValue:
    """A benchmark region's value (or reason for none) for an indicator and year."""

    indicator: str
    year: int
    region: str  # the region's key: 'EKG13', 'EAK', '0301'
    name: str
    value: Decimal | None
    absence: str | None
    cell: Cell


FORMAT_NAMES = {
    "jsonstat1": "JSON-stat 1.0",
    "jsonstat2": "JSON-stat 2.0",
    "csv-dataset": "SSB data set CSV",
    "csv-statbank": "SSB statistics-bank CSV",
}


@dataclass
class Conversion:
    """What a table gave: result rows, benchmark values, the cells not used (by reason) and
    the selections that did not fit the table. ``read_results`` keeps one per SSB file."""

    table: SsbTable
    rows: list[ResultRow] = field(default_factory=list)
    benchmarks: dict[tuple[str, int, str], BenchmarkValue] = field(default_factory=dict)
    unused: Counter[str] = field(default_factory=Counter)
    errors: list[KpiError] = field(default_factory=list)
    order: tuple[str, ...] = ()  # the benchmark regions (keys) in the definitions' order
    municipality: str | None = None  # the municipality's name: the definitions', else the table's

    def describe(self) -> str:
        """'SSB 12134 (JSON-stat 2.0, updated 2026-03-16T07:00:00Z)': -v adds ' table'; a CSV names its encoding."""
        table = self.table
        if table.format == "kolada":
            return "Kolada (Kolada JSON)"
        extra = f", updated {table.updated}" if table.updated else f", {table.encoding}"
        return f"SSB {table.table_id or '?'} ({FORMAT_NAMES[table.format]}{extra})"


def convert(table: SsbTable, mapping: SsbMapping, *, all_regions: bool = False) -> Conversion:
    """The rows and benchmark values ``table`` holds for ``mapping``'s indicators; pure."""
    result = Conversion(table, order=tuple(region_key(code) for code in mapping.benchmarks), municipality=mapping.name)
    used: set[int] = set()
    sources = [s for s in mapping.sources if table.table_id is None or s.table.lstrip("0") == _table_key(table)]
    picked: set[int] = set()
    by_selection: dict[tuple[tuple[str, str], ...], list[tuple[int, Cell]]] = {}
    for number, cell in enumerate(table.cells):
        by_selection.setdefault(cell.other, []).append((number, cell))
    for source in sources:
        chosen = _selection(table, source, result.errors)
        if chosen is None:
            continue
        cells = by_selection.get(chosen, [])
        picked.update(n for n, _ in cells)
        used.update(_use(source.indicator, cells, mapping, all_regions, result))
    for number, cell in enumerate(table.cells):
        if number not in used:
            result.unused[_reason(cell, number, sources, picked)] += 1
    return result


def _table_key(table: SsbTable) -> str:
    return (table.table_id or "").lstrip("0")


def _selection(table: SsbTable, source: SsbSource, errors: list[KpiError]) -> tuple[tuple[str, str], ...] | None:
    """(dimension id, category code) of every dimension other than region and time, in the
    table's order (as each cell's ``other``); None, with the error added, if not every one is fixed."""
    chosen: dict[str, str] = {}
    label = f"{source.indicator}: ssb select"
    free = [d for d in table.dimensions if d.id not in (table.region_dimension, table.time_dimension)]
    for wanted, category in source.select:
        dimension = table.dimension(wanted)
        if dimension is None or dimension not in free:
            names = [d.id for d in free]
            close = closest(wanted, names)
            hint = f" (did you mean {close}?)" if close else ""
            errors.append(_error(table, f"{label}: table has no dimension {wanted!r}{hint}; it has {', '.join(names)}"))
            return None
        code = dimension.find(category)
        if code is None:
            codes = [code for code, _ in dimension.categories]
            close = closest(category, codes)
            shown = f"did you mean {close}?" if close else "it has " + ", ".join(codes[:10])
            errors.append(_error(table, f"{label}: {dimension.id} has no category {category!r} ({shown})"))
            return None
        chosen[dimension.id] = code
    for dimension in free:
        if dimension.id not in chosen and len(dimension.categories) == 1:
            chosen[dimension.id] = dimension.categories[0][0]  # only one: nothing to choose
        elif dimension.id not in chosen:
            shown = ", ".join(code for code, _ in dimension.categories[:10])
            errors.append(_error(table, f"{label} must fix {dimension.id} (one of {shown})"))
            return None
    return tuple((dimension.id, chosen[dimension.id]) for dimension in free)


def _error(table: SsbTable, message: str) -> KpiError:
    return ResultsError(message, code="ssb-select", path=table.path)


def _use(
    indicator: str, cells: list[tuple[int, Cell]], mapping: SsbMapping, all_regions: bool, result: Conversion
) -> set[int]:
    """Turn one indicator's cells into rows and benchmark values; the numbers of the cells accounted for."""
    accounted: set[int] = set()
    benchmarks = {region_key(code) for code in mapping.benchmarks}
    own = [region_key(code) for code in mapping.municipality]
    candidates: dict[int, list[tuple[tuple[int, int], int, Cell]]] = {}  # year -> the municipality's cells
    seen: dict[tuple[str, int], Cell] = {}
    for number, cell in cells:
        year = cell.year
        if year is None or cell.region is None:
            continue
        key = region_key(cell.region)
        first = seen.setdefault((key, year), cell)
        if first is not cell and (first.value, first.absence) != (cell.value, cell.absence):
            result.errors.append(_conflict(indicator, year, first, cell))
            accounted.add(number)
            continue
        if key in benchmarks:
            result.benchmarks[(indicator, year, key)] = BenchmarkValue(
                indicator, year, key, cell.region_name, cell.value, cell.absence, cell
            )
            accounted.add(number)
        elif all_regions and is_municipality(cell.region):
            name = cell.region_name if cell.region_name != cell.region else ""  # Kolada's cells name no region
            result.rows.append(_row(indicator, year, cell, f"{key} {name}".strip()))
            accounted.add(number)
        elif not all_regions and key in own:
            rank = (0 if cell.value is not None else 1, own.index(key))  # a value first, then the newest number
            candidates.setdefault(year, []).append((rank, number, cell))
    for year in sorted(candidates):
        ranked = sorted(candidates[year], key=lambda candidate: candidate[0])
        result.rows.append(_row(indicator, year, ranked[0][2], None))
        result.municipality = result.municipality or ranked[0][2].region_name or None
        accounted.update(number for _, number, _ in ranked)
        if len(ranked) > 1:
            result.unused["replaced"] += len(ranked) - 1
    return accounted


def _conflict(indicator: str, year: int, first: Cell, cell: Cell) -> KpiError:
    """Two cells of one region, year and selection that say different things: neither is taken."""
    region = f"{cell.region} {cell.region_name}".strip()
    message = (
        f"{indicator} {year}: {excerpt(region)} is given twice, {excerpt(first.raw)} at {_where(first)}"
        f" and {excerpt(cell.raw)} here: which is meant?"
    )
    at = _place(cell)
    return ResultsError(message, code="duplicate-result", path=at.path, line=at.line, column=at.column)


def _place(cell: Cell) -> Location:
    if cell.index is not None:
        return Location(f"{cell.path}[value {cell.index}]")
    return Location(cell.path, cell.line, cell.column)


def _where(cell: Cell) -> str:
    return f"value {cell.index}" if cell.index is not None else f"line {cell.line}"


def _row(indicator: str, year: int, cell: Cell, org_unit: str | None) -> ResultRow:
    return ResultRow(indicator, year, cell.value, org_unit, cell.raw, _place(cell), absence=cell.absence)


def _reason(cell: Cell, number: int, sources: list[SsbSource], picked: set[int]) -> str:
    if not sources:
        return "other_table"
    if number not in picked:
        return "not_selected"
    if cell.year is None:
        return "not_a_year"
    if cell.region is None:
        return "no_region"
    return "other_region"
