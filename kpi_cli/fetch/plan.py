"""The requests for one table: every indicator that takes its values from the table in one
selection, split (halving the longest list) until each part stays under PxWebApi's limits."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import quote

from ..definitions.ssb_fields import SsbSource
from ..errors import ResultsError
from ..model import Scorecard
from ..records import dataclass
from .tables import TableMeta, located, regions_present, resolve

MAX_CELLS = 800_000  # PxWebApi v2: cells in one answer
MAX_URL = 2_100  # characters: a longer GET URL is answered 404
CONTENTS = "ContentsCode"


@dataclass(frozen=True, slots=True)
class Part:
    """One data request: the codes asked of each dimension, in the table's order."""

    table: str
    selection: tuple[tuple[str, tuple[str, ...]], ...]
    indicators: tuple[str, ...]
    every: tuple[tuple[str, int], ...] = ()  # dimensions asked whole ('*'), with their size

    def cells(self) -> int:
        return math.prod(len(codes) for _, codes in self.selection)

    def url(self, base: str) -> str:
        whole = dict(self.every)
        query = [f"{base.rstrip('/')}/tables/{quote(self.table, safe='')}/data?lang=no&outputFormat=json-stat2"]
        for name, codes in self.selection:
            value = "*" if whole.get(name) == len(codes) else ",".join(quote(code, safe="") for code in codes)
            query.append(f"valueCodes%5B{quote(name, safe='')}%5D={value}")  # [ and ] as requests sends them
        return "&".join(query)


@dataclass(frozen=True, slots=True)
class Wanted:
    """What is asked of every table: the regions (or all), the years (or up to the latest)."""

    municipality: tuple[str, ...]  # its numbers, newest first: those the table has are asked for
    benchmarks: tuple[str, ...]
    all_regions: bool
    first_year: int
    last_year: int | None


def plan_table(
    meta: TableMeta, sources: Sequence[SsbSource], wanted: Wanted, base: str
) -> tuple[list[Part], list[ResultsError]]:
    """The parts for ``meta``'s table and the located errors of the selections it cannot satisfy."""
    errors: list[ResultsError] = []
    chosen: dict[str, list[str]] = {}
    for source in sources:
        select, problems = resolve(meta, source)
        errors.extend(problems)
        for name, code in select.items():
            named = chosen.setdefault(name, [])
            if code not in named:
                named.append(code)
    first = sources[0]
    region = meta.dimension(meta.region) if meta.region else None
    if region is not None and not wanted.all_regions:
        present = regions_present(meta, wanted.municipality + wanted.benchmarks)
        if not any(code in present for code in wanted.municipality):
            errors.append(located(first, f"table {meta.table} has no region {' or '.join(wanted.municipality)}"))
        for code in wanted.benchmarks:
            if code not in present:
                errors.append(located(first, f"table {meta.table} has no benchmark region {code}"))
        chosen[region.id] = list(present)
    time = meta.dimension(meta.time)
    years = tuple(code for code in time.codes if _year_in(code, wanted)) if time else ()
    if time is not None and not years:
        errors.append(
            located(first, f"table {meta.table} has no figures for the years asked (it has {_span(time.codes)})")
        )
    if errors:
        return [], errors
    selection: list[tuple[str, tuple[str, ...]]] = []
    every: list[tuple[str, int]] = []
    for dimension in meta.dimensions:
        codes: tuple[str, ...]
        if dimension.id == meta.time:
            codes = years
        elif dimension.id in chosen:
            codes = tuple(chosen[dimension.id])
        elif dimension.id == CONTENTS or (region is not None and dimension.id == region.id):
            codes = dimension.codes  # ContentsCode must be selected; --regions all takes every region
        else:
            continue
        if codes == dimension.codes and dimension.id != meta.time:  # years asked by name: a new one is not taken
            every.append((dimension.id, len(codes)))
        selection.append((dimension.id, codes))
    whole = Part(meta.table, tuple(selection), tuple(source.indicator for source in sources), tuple(every))
    return split(whole, base), []


def split(part: Part, base: str) -> list[Part]:
    """``part`` halved along its longest list (regions first) until every piece fits."""
    if part.cells() <= MAX_CELLS and len(part.url(base)) <= MAX_URL:
        return [part]
    longest = max(range(len(part.selection)), key=lambda index: len(part.selection[index][1]))
    name, codes = part.selection[longest]
    if len(codes) < 2:
        return [part]  # one cell of every dimension: nothing left to split
    halves = (codes[: len(codes) // 2], codes[len(codes) // 2 :])
    return [
        piece
        for half in halves
        for piece in split(replace(part, selection=_with(part.selection, longest, (name, half))), base)
    ]


def _with(
    selection: tuple[tuple[str, tuple[str, ...]], ...], index: int, item: tuple[str, tuple[str, ...]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (*selection[:index], item, *selection[index + 1 :])


def _year_in(code: str, wanted: Wanted) -> bool:
    year = int(code[:4]) if code[:4].isdigit() else None
    if year is None:
        return False
    return year >= wanted.first_year and (wanted.last_year is None or year <= wanted.last_year)


def _span(codes: Sequence[str]) -> str:
    return f"{codes[0]}-{codes[-1]}" if codes else "no years"


def first_year(scorecard: Scorecard) -> int | None:
    """The first year the scorecard rates anything: its earliest phase-in or band version's year;
    None when it names none (``kpi fetch`` then asks for the last years the table has)."""
    found = [
        year
        for indicator in scorecard.indicators()
        for year in [indicator.phase_in.year if indicator.phase_in else None]
        + [version.from_year for version in indicator.versions]
        if year is not None
    ]
    return min(found) if found else None
