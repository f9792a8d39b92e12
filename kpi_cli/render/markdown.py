"""The scorecard as GitHub-flavoured Markdown, for a pull-request comment or a wiki page.

Every text that comes from a file (scorecard, names, band texts, org units,
paths) goes through :func:`escape`, so it can neither break a table nor add
markup, links, HTML or mentions. The words are the table's (Labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Status
from ..rating import history as hist
from ..report import Result
from ..view import Entry, StatusView, UnitView, View, alarm_years
from . import Renderer, RenderOptions
from .labels import BANDS_SET, STATE_SYMBOLS, SYMBOLS, Labels
from .layout import attention_lines, change_text, rollup_text

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
    return f"{say('legend')}: " + " · ".join(f"{SYMBOLS[s]} {say.short(s)}" for s in say.legend_statuses)


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
    lines += ["", f"## {say('attention')}", "", *(f"- {escape(line)}" for line in attention_lines(view, say))]
    units = view.org_units
    sections = len(units) > 1 or (len(units) == 1 and units[0] is not None)
    for unit in view.units:
        if sections:
            lines += ["", f"## {_unit_label(unit.org_unit, say)}"]
        lines += _unit_tables(view, unit, say, "###" if sections else "##", sections, options.emoji)
    lines += ["", legend(say)]
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
        lines += ["", *_head(view, say, regions)]
        blanks = len(_columns(view, say, regions)) - 3  # all but id, name and status
        lines.append(_group_row(area.id, area.name, rolled.focus_areas[area.id], say, blanks))
        for goal, found in goals:
            lines.append(_group_row(goal.id, goal.name, rolled.goals[goal.id], say, blanks))
            for result in found:
                lines.append(_indicator_row(view, unit_view, result, say, regions, emoji))
        found_notes = [
            f"{escape(ident)}: {escape(text)}"  # measure names and units come from the definitions
            for ident, text in say.notes(view.measures, [r for _, found in goals for r in found])
        ]
        if found_notes:
            lines += ["", *(f"- {line}" for line in found_notes)]
    lines += ["", say.summary(report.year, rolled.total.counts)]
    lines += [f"\n{escape(line)}" for line in say.sources(report.tables)]
    return lines


def _columns(view: View, say: Labels, regions: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The table's columns as (header, alignment): id, name, the scorecard's own levels' bands, the
    year before, the year shown, the benchmarks, the change, the status. One list for the header,
    the rule and every row, so no row has a cell more or less than the header."""
    columns = [(say("col.id"), "l"), (say("col.name"), "l"), *((say(f"col.{s.value}"), "l") for s in say.rated)]
    previous = view.earlier_years[-1:]
    columns += [(str(year), "r") for year in previous]
    columns.append((escape(view.result_head(str(view.year))), "r"))  # 'Drammen 2020' beside benchmarks
    columns += [(escape(name or code), "r") for code, name in regions]
    if previous:
        columns.append((say("col.change"), "l"))
    return [*columns, (say("col.status"), "l")]


def _head(view: View, say: Labels, regions: Sequence[tuple[str, str]]) -> list[str]:
    columns = _columns(view, say, regions)
    return [_row(name for name, _ in columns), _rule("".join(align for _, align in columns))]


def _indicator_row(
    view: View, unit_view: UnitView, result: Result, say: Labels, regions: Sequence[tuple[str, str]], emoji: bool
) -> str:
    shown = result.indicator
    entry = unit_view.entry(shown.id)
    comment = say.remark(entry.comment, entry.revised) if entry else None
    follow_up = say.follow_up(entry.owner, entry.actions) if entry else ""
    previous = view.earlier_years[-1:]
    past = view.series.get((shown.id, unit_view.org_unit), {}) if previous else {}
    change = change_text(entry, say) if entry else ""
    return _row(
        [
            escape(shown.id),
            escape(shown.name)
            + (f"<br>*{escape(comment)}*" if comment else "")
            + (f"<br>*{escape(follow_up)}*" if follow_up else ""),
            *(escape(band.text) if (band := shown.band(s)) else "–" for s in say.rated),
            *(_value_cell(past.get(year), say) for year in previous),
            say.value(result),
            *_benchmark_cells(entry, regions, say, view.municipality),
            *([escape(change)] if previous else []),
            status_cell(result, say, emoji),
        ]
    )


def _benchmark_cells(
    entry: Entry | None, regions: Sequence[tuple[str, str]], say: Labels, municipality: str | None = None
) -> list[str]:
    """Each benchmark region's value for the same year and who is better: 'Moss 27,5 · Drammen bedre'."""
    return [escape(say.benchmark(entry.compared(code) if entry else None, municipality)) for code, _ in regions]


def _group_row(group_id: str, name: str, rollup: hist.Rollup, say: Labels, blanks: int) -> str:
    """A focus area's or goal's row: id and name in bold, the roll-up in the status column."""
    return _row([f"**{escape(group_id)}**", f"**{escape(name)}**", *[""] * blanks, rollup_text(rollup, say)])


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
        state = say.state(item.state) + (f" ({say('postponed')})" if item.postponed else "")
        symbol = STATE_SYMBOLS[item.state]
        bands = f"{BANDS_SET[item.indicator.has_bands]} {say('yes' if item.indicator.has_bands else 'no')}"
        lines.append(
            _row(
                [
                    escape(item.indicator.id),
                    escape(item.indicator.name),
                    str(phase_in.year) if phase_in else "–",
                    f"{symbol} {state}",
                    bands,
                    escape(say.state_note(item)),
                ]
            )
        )
    return "\n".join(lines) + "\n"


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
