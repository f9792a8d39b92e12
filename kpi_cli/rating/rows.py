"""Which result is which indicator's: a row's id (an alias, the id a cell starts with, a name
written out), the rows indexed by (indicator, year, org unit), and the errors of the rows that
are none: an unknown id with its 'did you mean', a result given twice."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable

from ..errors import Collector, KpiError, ResultsError, Said, closest
from ..inert import excerpt
from ..model import Indicator, Scorecard
from ..report import ResultRow
from ..results.printed import id_from_cell, leading_id


def check_rows(
    scorecard: Scorecard, rows: Iterable[ResultRow], problems: Collector
) -> dict[tuple[str, int, str | None], ResultRow]:
    """Index rows by (indicator, year, org unit); unknown ids and duplicates go to ``problems``.

    A row's indicator is its id (or an alias), the id its cell starts with, or an indicator's
    or measure's name written out (any case); failing those, the same for its name column.
    """
    known = scorecard.lookup()
    measures = {measure.id for measure in scorecard.measures}
    named = _names(scorecard)
    index: dict[tuple[str, int, str | None], ResultRow] = {}
    hints = _Hints([*scorecard.indicator_map(), *sorted(measures)], [*known, *measures])
    found: list[KpiError | ResultRow] = []  # in the rows' order: errors, and unknown rows to hint at the end
    for row in rows:
        if row.indicator not in known and row.indicator not in measures:
            ident = _identify(row, [*known, *measures], named)
            if ident is None:
                found.append(row)
                continue
            row = dataclasses.replace(row, indicator=ident)  # the id the cell starts with, or its name's
        key = (known[row.indicator].id if row.indicator in known else row.indicator, row.year, row.org_unit)
        if key in index:
            first = index[key].location
            first_at = (
                ":".join(str(p) for p in (first.path, first.line) if p is not None) if first else "an earlier row"
            )
            unit = f" for {row.org_unit}" if row.org_unit else ""
            message = f"duplicate result for {row.indicator} {row.year}{unit}: already given at {first_at}"
            unit_key = "duplicate-result.unit" if unit else ""
            said = (
                ("indicator", row.indicator),
                ("year", str(row.year)),
                ("org_unit", row.org_unit or ""),
                ("unit_key", unit_key),
                ("first", first_at),
            )
            found.append(row_error(row, "duplicate-result", message, "duplicate-result", said))
            continue
        index[key] = row
    taken = _Taken(index, known)
    for each in found:  # a hint never names an id the rows already use for that year and org unit
        if isinstance(each, ResultRow):
            each = _unknown(each, hints, taken(each.year, each.org_unit), named.get(_fold(each.name or "")))
        problems.add(each)
    return index


class _Taken:
    """The ids (and their aliases) the rows give a result for, by year and org unit."""

    def __init__(self, index: dict[tuple[str, int, str | None], ResultRow], known: dict[str, Indicator]) -> None:
        self.index, self.known = index, known
        self.used: dict[tuple[int, str | None], set[str]] | None = None  # worked out at the first unknown row
        self.aliases: dict[str, list[str]] = {}
        self.found: dict[tuple[int, str | None], frozenset[str]] = {}

    def __call__(self, year: int, org_unit: str | None) -> frozenset[str]:
        if self.used is None:
            self.used = {}
            for ident, each_year, each_unit in self.index:
                self.used.setdefault((each_year, each_unit), set()).add(ident)
            for alias, indicator in self.known.items():
                self.aliases.setdefault(indicator.id, []).append(alias)
        if (year, org_unit) not in self.found:
            ids = self.used.get((year, org_unit), set())
            self.found[year, org_unit] = frozenset(ids).union(*(self.aliases.get(i, ()) for i in ids))
        return self.found[year, org_unit]


_ROW_NUMBER = re.compile(r"\d{1,6}\.?")


def _names(scorecard: Scorecard) -> dict[str, str]:
    """Indicators' and measures' names (case and spacing folded) -> their ids; a name two share is left out."""
    pairs = [(i.name, i.id) for i in scorecard.indicators()] + [(m.name, m.id) for m in scorecard.measures]
    folded = Counter(_fold(name) for name, _ in pairs)
    return {_fold(name): ident for name, ident in pairs if folded[_fold(name)] == 1}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _identify(row: ResultRow, ids: list[str], named: dict[str, str]) -> str | None:
    """The id a row's indicator cell means when it is no id: the id it starts with, or the
    indicator it names; when the cell is a row number (a ``Nr`` column), the same read from the
    row's name column. An unknown id beside a name stays unknown: the ids win."""
    for cell in (row.indicator, row.name if _ROW_NUMBER.fullmatch(row.indicator) else None):
        if not cell:
            continue
        if cell in ids:
            return cell
        ident = id_from_cell(cell, ids) or named.get(_fold(cell))
        if ident is not None:
            return ident
    return None


class _Hints:
    """'did you mean' for an unknown id, else the known ids (the first few): each distinct id
    looked up once, and only the first MAX_LOOKUPS of them, so that thousands of unknown rows
    against thousands of ids stay fast and each message short."""

    MAX_LOOKUPS = 50
    SHOWN_IDS = 10

    def __init__(self, ids: list[str], choices: list[str]) -> None:
        others = len(ids) - self.SHOWN_IDS
        more = f" ... and {others} more" if others > 0 else ""
        shown = ", ".join(ids[: self.SHOWN_IDS])
        said: Said = (("hint_key", "unknown-indicator.known"), ("ids", shown), ("others", str(others)))
        self.known = f"; known ids: {shown}{more}", (*said, ("more_key", "unknown-indicator.more" if more else ""))
        self.choices = choices
        self.found: dict[tuple[str, frozenset[str]], tuple[str, Said]] = {}

    def __call__(self, word: str, taken: frozenset[str] = frozenset()) -> tuple[str, Said]:
        """The hint, and its values for the catalogue's sentence."""
        if (word, taken) not in self.found:
            choices = [choice for choice in self.choices if choice not in taken]
            close = closest(word, choices) if len(self.found) < self.MAX_LOOKUPS else None
            near = f" (did you mean {close}?)", (("hint_key", "unknown-indicator.close"), ("close", str(close)))
            self.found[word, taken] = near if close else self.known
        return self.found[word, taken]


def _unknown(row: ResultRow, hints: _Hints, taken: frozenset[str], by_name: str | None) -> KpiError:
    """An unknown id, with the nearest known one not already given for its year and org unit
    (the one the row's name column names first); for a published cell (``Ø.9.1. Netto ...``),
    the nearest to the id it starts with."""
    cell = " ".join(row.indicator.split())
    ident = leading_id(cell)
    what = excerpt(cell) if ident == cell else f"{excerpt(ident)} (from {excerpt(cell, 39)})"
    said: Said = (("id", excerpt(ident)), ("cell", excerpt(cell, 39)))
    said += (("from_key", "" if ident == cell else "unknown-indicator.from"),)
    if by_name and by_name not in taken:
        hint = f" (did you mean {by_name}? the name column names it)"
        parts: Said = (("hint_key", "unknown-indicator.named"), ("close", by_name))
    else:
        hint, parts = hints(ident, taken)
    message = f"unknown indicator {what}{hint}"
    return row_error(row, "unknown-indicator", message, "unknown-indicator", (*said, *parts))


def row_error(row: ResultRow | None, code: str, message: str, key: str = "", said: Said = ()) -> KpiError:
    where = row.location if row else None
    path, line = (where.path, where.line) if where else (None, None)
    return ResultsError(message, code=code, path=path, line=line, key=key, values=said)
