"""The printed målekart's layout, shared by the documents (Excel, Word): per focus area its
goals and indicators in the definitions' order, the columns a council's table has, and the
words of the list of what needs attention. It arranges; each document formats."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import FocusArea, Status
from ..rating import history as hist
from ..records import dataclass
from ..view import Attention, Entry, UnitView, View
from .labels import SYMBOLS, Labels


@dataclass(frozen=True)
class Line:
    """A row of the table: a focus area's or goal's (with its roll-up) or an indicator's (its entry)."""

    kind: str  # "area", "goal" or "indicator"
    ident: str
    name: str
    rollup: hist.Rollup | None = None
    entry: Entry | None = None


@dataclass(frozen=True)
class Block:
    """One focus area of one org unit: its heading, focus goal and rows."""

    area: FocusArea
    org_unit: str | None
    lines: tuple[Line, ...]


def blocks(view: View, unit: UnitView) -> Iterator[Block]:
    """The focus areas of ``unit`` that have results, each with its goals' and indicators' rows."""
    rolled = unit.rollups
    for area in view.report.scorecard.focus_areas:
        lines = [Line("area", area.id, area.name, rolled.focus_areas[area.id])]
        for goal in area.goals:
            entries = [entry for indicator in goal.indicators if (entry := unit.entry(indicator.id))]
            if entries:
                lines.append(Line("goal", goal.id, goal.name, rolled.goals[goal.id]))
                lines += [Line("indicator", e.result.indicator.id, e.result.indicator.name, entry=e) for e in entries]
        if len(lines) > 1:
            yield Block(area, unit.org_unit, tuple(lines))


def columns(view: View, say: Labels) -> list[str]:
    """The header of the documents' tables, as the printed målekart orders it: id, indicator, the
    scorecard's level columns, the year before and the year shown, benchmarks, change, status,
    comment, and the owner and actions when the definitions or results have any."""
    before = previous_year(view)
    heads = [say("col.id"), say("col.name"), *(say(f"col.{s.value}") for s in say.rated)]
    heads += [str(before)] if before is not None else []
    heads += [view.result_head(str(view.year)), *(name or code for code, name in view.benchmark_regions)]
    heads += [say("col.change")] if before is not None else []
    owners, actions = follow_up_columns(view)
    return [*heads, say("col.status"), say("comment"), *[say("owner")] * owners, *[say("actions")] * actions]


def follow_up_columns(view: View) -> tuple[bool, bool]:
    """Whether the tables have an owner column (an indicator has an owner) and an actions column
    (a result of the year shown has actions)."""
    owners = any(indicator.owner for indicator in view.indicators.values())
    return owners, any(entry.actions for entry in view.entries)


def follow_up_cells(view: View, entry: Entry) -> list[str]:
    """The owner and actions cells of ``entry``'s row, as the header has them."""
    owners, actions = follow_up_columns(view)
    return [*[entry.owner or ""] * owners, *[" ".join((entry.actions or "").split())] * actions]


def previous_year(view: View) -> int | None:
    """The year before the one shown that a council's table shows beside it; None for none."""
    return view.earlier_years[-1] if view.earlier_years else None


def value_in(view: View, entry: Entry, year: int) -> Entry | None:
    """The entry of the same indicator and org unit in ``year``."""
    result = entry.result
    return view.series.get((result.indicator.id, result.org_unit), {}).get(year)


def status_text(entry: Entry, say: Labels) -> str:
    """'● Ønsket resultat': symbol and word, readable without colour."""
    return f"{SYMBOLS[entry.result.status]} {say.status(entry.result)}"


def rollup_text(rollup: hist.Rollup | None, say: Labels) -> str:
    """The worst rated status and how many reached the desired result: '▲ 1 av 2 ønsket'."""
    return f"{SYMBOLS[rollup.headline]} {say.rollup(rollup)}" if rollup and rollup.headline else ""


def change_text(entry: Entry, say: Labels) -> str:
    """'↑ +0,21 bedre', 'ny skala', '' when there is nothing to compare with."""
    return say.change(entry.trend) or (say("scale_changed") if entry.scale_changed else "")


def decimals(value: Decimal) -> int:
    """The places after the decimal mark ``value`` was written with (4,50 has 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def attention_reasons(item: Attention, say: Labels) -> str:
    """Why a result needs attention, in the output language: 'ikke godkjent · verre enn 2013'."""
    words = []
    for reason in item.reasons:
        if reason == "worst":
            words.append(say.short(item.entry.result.status))
        elif reason == "regression":
            before = item.entry.previous
            words.append(say("attention.regression", year=before.year if before else ""))
        else:
            words.append(say.short(Status.MISSING))
    return " · ".join(words)


def attention_lines(view: View, say: Labels) -> list[str]:
    """The list of what needs attention as lines of text: 'L.1.1 (Oppvekst) Name: 3,3 ✖ ikke godkjent —
    Kommentar: ...'; one line saying nothing does when the list is empty."""
    if not view.attention:
        return [say("attention.none")]
    lines = []
    for item in view.attention:
        result = item.entry.result
        where = f" ({result.org_unit})" if result.org_unit else ""
        text = f"{result.indicator.id}{where} {result.indicator.name}: {say.value(result)} "
        text += f"{SYMBOLS[result.status]} {attention_reasons(item, say)}"
        comment = item.entry.comment
        lines.append(text + (f" — {say.comment(comment)}" if comment else ""))
    return lines


def comment_cell(entry: Entry, say: Labels) -> str:
    """A comment column's cell: 'urevidert' for an unrevised KOSTRA figure, then the comment on one line."""
    parts = [say("ssb.unrevised")] if entry.revised is False else []
    if entry.comment:
        parts.append(" ".join(entry.comment.split()))
    return " · ".join(parts)
