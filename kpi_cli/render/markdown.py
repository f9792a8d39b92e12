"""The scorecard as GitHub-flavoured Markdown, for a pull-request comment or a wiki page.

Every text that comes from a file (scorecard, names, band texts, org units,
paths) goes through :func:`escape`, so it can neither break a table nor add
markup, links, HTML or mentions. The words are the table's (Labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import PhaseState, Status
from ..rating import history as hist
from ..report import Result
from ..view import Entry, StatusView, UnitView, View, alarm_years
from . import Renderer, RenderOptions
from .labels import SYMBOLS, Labels

# Characters that start or end Markdown (and GitHub) markup anywhere in a line:
# escapes, code, emphasis, links and images, HTML and autolinks, headings and
# issue references, table cells, strikethrough, math, mentions and entities.
SPECIAL = frozenset("\\`*_[]<>#|~$@&")


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """File text made inert for a Markdown table cell or line: one line, every special escaped,
    control characters shown as U+FFFD."""
    flat = _CONTROL.sub("\ufffd", " ".join(part.strip() for part in text.splitlines()).strip())
    escaped = "".join("\\" + char if char in SPECIAL else char for char in flat)
    return _BARE_URL.sub(r"\1\\", escaped)  # https:\// and www\. : a bare URL is no autolink


# Where GitHub's Markdown would make a link of bare text: scheme:// and www.
_BARE_URL = re.compile(r"(\w:(?=//)|(?<![\w.])www(?=\.))", re.IGNORECASE)


def legend(say: Labels) -> str:
    return " · ".join(f"{SYMBOLS[s]} {say.short(s)}" for s in Status)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(alignments: str) -> str:
    """One ``---`` per column: ``l`` left, ``r`` right."""
    return _row("---:" if a == "r" else "---" for a in alignments)


def _unit_label(unit: str | None, say: Labels) -> str:
    return escape(say.unit(unit))


def _sources(report_sources: Sequence[str], definitions: str, say: Labels) -> str:
    files = ", ".join(escape(source) for source in report_sources) or "–"
    return f"{say('definitions')}: {escape(definitions)} · {say('results')}: {files}"


def rollup_text(rollup: hist.Rollup, say: Labels) -> str:
    """The worst rated status and how many reached the desired result: '▲ 1 av 2 ønsket'."""
    return f"{SYMBOLS[rollup.headline]} {say.rollup(rollup)}" if rollup.headline else ""


# GitHub renders ●▲✖ black; with --markers emoji a coloured emoji goes before the symbol and word.
EMOJI = {
    Status.DESIRED: "🟢",
    Status.ACCEPTED: "🟡",
    Status.NOT_APPROVED: "🔴",
    Status.MISSING: "🟣",
}


def status_cell(result: Result, say: Labels, emoji: bool = False) -> str:
    marker = f"{EMOJI.get(result.status, '⚪')} " if emoji else ""
    return f"{marker}{SYMBOLS[result.status]} {say.status(result)}"


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    lines = [f"# {escape(view.report.scorecard.name)} · {view.year}", ""]
    lines.append(_sources(view.report.sources, view.definitions, say))
    units = view.org_units
    sections = len(units) > 1 or (len(units) == 1 and units[0] is not None)
    for unit in view.units:
        if sections:
            lines += ["", f"## {_unit_label(unit.org_unit, say)}"]
        lines += _unit_tables(view, unit, say, "###" if sections else "##", sections, options.emoji)
    return "\n".join(lines) + "\n"


def _unit_tables(
    view: View, unit_view: UnitView, say: Labels, level: str, sections: bool, emoji: bool = False
) -> list[str]:
    report = view.report
    scorecard = report.scorecard
    unit = unit_view.org_unit
    rolled = unit_view.rollups
    lines: list[str] = []
    for area in scorecard.focus_areas:
        goals = [
            (goal, [entry.result for i in goal.indicators if (entry := unit_view.entry(i.id))]) for goal in area.goals
        ]
        goals = [(goal, found) for goal, found in goals if found]
        if not goals:
            continue
        title = f"{escape(scorecard.name)} · {escape(area.name)} · {report.year}"
        if sections:
            title += f" · {_unit_label(unit, say)}"
        lines += ["", f"{level} {title}"]
        if area.focus_goal:
            lines += ["", f"**{say('focus_goal')}:** {escape(area.focus_goal)}"]
        regions = view.benchmark_regions
        header = [say("col.id"), say("col.name"), *(say(f"col.{s.value}") for s in say.rated), str(report.year)]
        header += [escape(name or code) for code, name in regions]
        lines += ["", _row([*header, say("col.status")]), _rule("lllllr" + "r" * len(regions) + "l")]
        lines.append(_group_row(area.id, area.name, rolled.focus_areas[area.id], say, len(regions)))
        for goal, found in goals:
            lines.append(_group_row(goal.id, goal.name, rolled.goals[goal.id], say, len(regions)))
            for result in found:
                shown = result.indicator
                bands = [escape(band.text) if (band := shown.band(s)) else "–" for s in say.rated]
                comment = say.remark(view.entry(result).comment, view.entry(result).revised)
                lines.append(
                    _row(
                        [
                            escape(shown.id),
                            escape(shown.name) + (f"<br>*{escape(comment)}*" if comment else ""),
                            *bands,
                            say.value(result),
                            *_benchmark_cells(unit_view.entry(shown.id), regions, say),
                            status_cell(result, say, emoji),
                        ]
                    )
                )
        found_notes = [
            f"{escape(ident)}: {escape(text)}"  # measure names and units come from the definitions
            for ident, text in say.notes(view.measures, [r for _, found in goals for r in found])
        ]
        if found_notes:
            lines += ["", *(f"- {line}" for line in found_notes)]
    lines += ["", say.summary(report.year, rolled.total.counts)]
    lines += [f"\n{escape(line)}" for line in say.sources(report.tables)]
    return lines


def _benchmark_cells(entry: Entry | None, regions: Sequence[tuple[str, str]], say: Labels) -> list[str]:
    """Each benchmark region's value for the same year and how the result compares: '27,5 (bedre)'."""
    return [say.benchmark(entry.compared(code) if entry else None) for code, _ in regions]


def _group_row(group_id: str, name: str, rollup: hist.Rollup, say: Labels, regions: int = 0) -> str:
    """A focus area's or goal's row: id and name in bold, the roll-up in the status column."""
    blanks = [""] * (4 + regions)
    return _row([f"**{escape(group_id)}**", f"**{escape(name)}**", *blanks, rollup_text(rollup, say)])


def history(view: View, options: RenderOptions) -> str:
    """Indicators down, years across: each year's value and status symbol, per org unit asked for,
    and the years in which a result was not approved and worse than the year before."""
    say = Labels(options.lang, view.report.scorecard.levels)
    report = view.report
    years = view.history_years
    lines = [_sources(report.sources, view.definitions, say)]
    for unit in view.history_units:
        title = f"{escape(report.scorecard.name)} · {years[0]}–{years[-1]} · {_unit_label(unit, say)}"
        header = [say("col.id"), say("col.name"), *map(str, years), say("col.note")]
        lines += ["", f"## {title}", "", _row(header), _rule("ll" + "r" * len(years) + "l")]
        for indicator in report.scorecard.indicators():
            by_year = view.series.get((indicator.id, unit), {})
            if not by_year:
                continue  # not measured for this org unit
            cells = [_value_cell(by_year.get(year), say) for year in years]
            alarms = alarm_years(by_year, years)
            note = f"⚠ {say('alarm')} ({alarms})" if alarms else ""
            lines.append(_row([escape(indicator.id), escape(indicator.name), *cells, note]))
    lines += ["", legend(say)]
    return "\n".join(lines) + "\n"


def _value_cell(entry: Entry | None, say: Labels) -> str:
    if entry is None:
        return ""
    return f"{say.value(entry.result)} {SYMBOLS[entry.result.status]}"


def status(view: StatusView, options: RenderOptions) -> str:
    """Each indicator's phase-in state for the year."""
    say = Labels(options.lang)
    lines = [f"{say('definitions')}: {escape(view.definitions)}", "", f"## {say('status_title')} {view.year}", ""]
    columns = ["col.id", "col.name", "col.phase_in", "col.state", "col.bands", "col.note"]
    lines += [_row(say(c) for c in columns), _rule("llrlll")]
    for item in view.states:
        phase_in = item.indicator.phase_in
        pending = item.state is PhaseState.PENDING
        state = say.state(item.state) + (f" ({say('postponed')})" if item.postponed else "")
        symbol = SYMBOLS[Status.NOT_PHASED_IN] if pending else SYMBOLS[Status.DESIRED]
        bands = f"✔ {say('yes')}" if item.indicator.has_bands else f"✖ {say('no')}"
        lines.append(
            _row(
                [
                    escape(item.indicator.id),
                    escape(item.indicator.name),
                    str(phase_in.year) if phase_in else "–",
                    f"{symbol} {state}",
                    bands,
                    escape(phase_in.reason or "") if phase_in else "",
                ]
            )
        )
    return "\n".join(lines) + "\n"


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
