"""The scorecard as one self-contained HTML page, laid out like the published one.

No external fonts, scripts, stylesheets or images: the page works offline and
prints on A4. Charts are inline SVG. Every status has a symbol and a word
besides its colour. Every text that comes from a file (names, band texts, org
units, paths) goes through :func:`_e`, so nothing in a file can add markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Status
from ..rating import history as hist
from ..records import dataclass
from ..report import Result
from ..view import Entry, UnitView, View, alarm_years, for_people
from . import Renderer, RenderOptions
from .html_charts import _e, bullet_chart, sparkline
from .html_matrix import matrix
from .html_page import attention, badge, counts, footer, header, legend, page, value_cell
from .labels import SYMBOLS, Labels


def _title(view: View) -> str:
    report = view.report
    areas = " · ".join(area.name for area in report.scorecard.focus_areas)
    return " · ".join(part for part in (report.scorecard.name, areas, str(report.year)) if part)


# --- statuses -------------------------------------------------------------------


def _rollup_badge(rollup: hist.Rollup, say: Labels) -> str:
    """The worst rated status and how many reached the desired result: '▲ 1 av 2 ønsket'."""
    return badge(rollup.headline, say.rollup(rollup)) if rollup.headline else ""


def _change(entry: Entry, say: Labels) -> str:
    trend = entry.trend
    if trend is None:
        return f'<span class="same">{_e(say("scale_changed"))}</span>' if entry.scale_changed else ""
    delta = say.number(trend.delta)
    signed = delta if delta.startswith("-") else f"+{delta}"
    if trend.better is None:
        text = f'<span class="same">{trend.arrow} {_e(signed)}</span>'
    else:
        kind, word = ("better", say("better")) if trend.better else ("worse", say("worse"))
        text = f'<span class="{kind}">{trend.arrow} {_e(signed)} {_e(word)}</span>'
    before = trend.previous
    return f'{text}<div class="prev">{before.year}: {_e(say.number(before.value))}</div>'


# --- the scorecard table ----------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    change: bool  # an earlier year to compare with
    spark: bool  # several years to draw
    regions: tuple[tuple[str, str], ...] = ()  # benchmark regions (code, name) shown beside the value
    municipality: str | None = None  # heads the result column beside benchmarks: 'Drammen 2020'

    @classmethod
    def of(cls, view: View) -> _Columns:
        def drawn(by_year: dict[int, Entry]) -> bool:
            return sum(1 for y, e in by_year.items() if y <= view.year and e.result.value is not None) > 1

        spark = any(map(drawn, view.series.values()))
        municipality = view.municipality if view.benchmark_regions else None
        return cls(
            change=bool(view.earlier_years), spark=spark, regions=view.benchmark_regions, municipality=municipality
        )


def _results(by_year: dict[int, Entry]) -> dict[int, Result]:
    return {year: entry.result for year, entry in by_year.items()}


def _head(year: int, columns: _Columns, say: Labels) -> str:
    bands = "".join(
        f'<th scope="col" class="b-{s.value}"><span class="sym st-{s.value}" aria-hidden="true">{SYMBOLS[s]}</span> '
        f"{_e(say('col.' + s.value))}</th>"
        for s in say.rated
    )
    cells = [
        f'<th scope="col">{_e(say("col.id"))}</th>',
        f'<th scope="col">{_e(say("col.name"))}</th>',
        bands,
        f'<th scope="col" class="value">{_e(columns.municipality or say("result"))} {year}</th>',
        "".join(f'<th scope="col" class="num">{_e(name or code)}</th>' for code, name in columns.regions),
        f'<th scope="col">{_e(say("col.change"))}</th>' if columns.change else "",
        f'<th scope="col">{_e(say("col.status"))}</th>',
        f'<th scope="col">{_e(say("chart"))}</th>',
        f'<th scope="col">{_e(say("col.trend"))}</th>' if columns.spark else "",
    ]
    return f"<thead><tr>{''.join(cells)}</tr></thead>"


def _group_row(ident: str, name: str, rollup: hist.Rollup, columns: _Columns, say: Labels) -> str:
    before_status = 2 + len(say.rated) + columns.change + len(columns.regions)  # name, bands, value, benchmarks, change
    after_status = 1 + columns.spark
    return (
        f'<tr class="goal"><th scope="rowgroup" class="id">{_e(ident)}</th>'
        f'<th scope="rowgroup" colspan="{before_status}">{_e(name)}</th>'
        f'<td>{_rollup_badge(rollup, say)}</td><td colspan="{after_status}"></td></tr>'
    )


def _indicator_row(entry: Entry, view: View, columns: _Columns, say: Labels) -> str:
    result = entry.result
    shown = result.indicator
    meta = [
        f"{say('measure')}: {shown.unit}" if shown.unit else "",
        f"{say('source')}: {shown.source}" if shown.source else "",
    ]
    meta_text = " · ".join(m for m in meta if m)
    note = _comment(result)
    if result.status is Status.NOT_PHASED_IN and shown.phase_in and shown.phase_in.reason:
        note = f'<div class="note">{_e(shown.phase_in.reason)}</div>'
    if result.computed is not None:
        note += f'<div class="meta">{_e(say.computed(result.computed, view.measures))}</div>'
    if result.note is not None and result.status is not Status.NOT_PHASED_IN:
        note += f'<div class="note">{_e(say.note(result.note))}</div>'
    if remark := say.remark(entry.comment, entry.revised):
        note += f'<div class="note comment">{_e(remark)}</div>'
    follow_up = say.follow_up(entry.owner, entry.actions)
    if follow_up:
        note += f'<div class="note follow-up">{_e(follow_up)}</div>'
    bands = "".join(f'<td class="band">{_e(band.text) if (band := shown.band(s)) else "–"}</td>' for s in say.rated)
    by_year = _results(view.series.get((shown.id, result.org_unit), {}))
    cells = [
        f'<th scope="row" class="id">{_e(shown.id)}</th>',
        f'<td class="name">{_e(shown.name)}'
        + (f'<div class="meta">{_e(meta_text)}</div>' if meta_text else "")
        + f"{note}</td>",
        bands,
        f'<td class="num">{_e(say.value(result))}</td>',
        "".join(
            f'<td class="num">{_e(say.benchmark(entry.compared(code), view.municipality))}</td>'
            for code, _ in columns.regions
        ),
        f'<td class="change">{_change(entry, say)}</td>' if columns.change else "",
        f'<td class="status">{badge(result.status, say.status(result))}</td>',
        f'<td class="chart">{bullet_chart(result, say) if result.value is not None else ""}</td>',
        f'<td class="spark">{sparkline(by_year, view.year, say)}</td>' if columns.spark else "",
    ]
    return f'<tr class="indicator">{"".join(cells)}</tr>'


def _comment(result: Result) -> str:
    """HOOK for the comments on results (issue "Read scorecards as municipalities print them",
    another branch): shows ``result.comment`` beside the result once Result has one."""
    comment = getattr(result, "comment", None)
    return f'<div class="comment">{_e(comment)}</div>' if isinstance(comment, str) and comment else ""


def _unit_section(view: View, shown: UnitView, columns: _Columns, say: Labels) -> str:
    """One org unit's scorecard: per focus area, its goals with their roll-up and its indicators."""
    scorecard = view.report.scorecard
    several = len(view.units) > 1
    rolled = shown.rollups
    level = "h3" if several else "h2"
    parts = ['<section class="unit">']
    if several:
        parts.append(f"<h2>{_e(say.unit(shown.org_unit))}</h2>")
    for area in scorecard.focus_areas:
        rows = []
        for goal in area.goals:
            entries = [entry for i in goal.indicators if (entry := shown.entry(i.id))]
            if not entries:
                continue
            rows.append(_group_row(goal.id, goal.name, rolled.goals[goal.id], columns, say))
            rows.extend(_indicator_row(entry, view, columns, say) for entry in entries)
        if not rows:
            continue
        parts.append(
            f"<{level}>{_e(say('focus_area'))} {_e(area.id)}: {_e(area.name)} "
            f"{_rollup_badge(rolled.focus_areas[area.id], say)}</{level}>"
        )
        if area.focus_goal:
            parts.append(f'<p class="focus-goal"><b>{_e(say("focus_goal"))}:</b> {_e(area.focus_goal)}</p>')
        caption = f"{area.name} · {view.year}" + (f" · {say.unit(shown.org_unit)}" if several else "")
        parts.append(
            f'<div class="scroll"><table><caption>{_e(caption)}</caption>{_head(view.year, columns, say)}'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    if several:  # with one org unit, the summary at the top says it
        parts.append(f"<p><b>{view.year}: {_e(say.unit(shown.org_unit))}</b></p>{counts(rolled.total.counts, say)}")
    parts.append("</section>")
    return "\n".join(parts)


def _findings(view: View, say: Labels) -> str:
    if not view.report.findings:
        return ""
    items = "".join(f"<li>{_e(f.message)}</li>" for f in view.report.findings)
    return f'<section class="findings"><h2>{_e(say("findings"))}</h2><ul>{items}</ul></section>'


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    several = len(view.units) > 1
    summary_title = f"{say('summary')} {view.year}" + (f" · {say('all_units')}" if several else "")
    body = [
        header(_title(view), view.report.scorecard.name, str(view.year), say),
        f'<section class="summary"><h2>{_e(summary_title)}</h2>{counts(view.total.counts, say)}</section>',
        attention(view, say),
    ]
    view, left = for_people(view)
    if several or options.by_org_unit:
        body.append(matrix(view, say))
    columns = _Columns.of(view)
    body.extend(_unit_section(view, unit, columns, say) for unit in view.units)
    if left is not None:
        body.append(f'<p class="left-out">{_e(say("left_out", units=left.units, results=left.results))}</p>')
    body.append(_findings(view, say))
    body.append(legend(say, trend=columns.spark))
    body.append(footer(view, say))
    return page(_title(view), say.lang, body, f"{view.report.scorecard.name} · {view.year}", say.rated)


# --- years across -------------------------------------------------------------------


def history(view: View, options: RenderOptions) -> str:
    """Indicators down, years across: value and status per year, and a line per indicator."""
    say = Labels(options.lang, view.report.scorecard.levels)
    years = view.history_years
    title = f"{view.report.scorecard.name} · {say('history')} {years[0]}–{years[-1]}"
    body = [header(title, view.report.scorecard.name, f"{years[0]}–{years[-1]}", say)]
    body.extend(_history_table(view, unit, say) for unit in view.history_units)
    body.append(legend(say, charts=False))
    body.append(footer(view, say))
    return page(title, say.lang, body, f"{view.report.scorecard.name} · {years[0]}–{years[-1]}")


def _history_table(view: View, unit: str | None, say: Labels) -> str:
    """One org unit's years; goals and indicators without a result for it are left out."""
    years = view.history_years
    rows = []
    for area in view.report.scorecard.focus_areas:
        for goal in area.goals:
            found = [(i, view.series[(i.id, unit)]) for i in goal.indicators if (i.id, unit) in view.series]
            if not found:
                continue
            rows.append(
                f'<tr class="goal"><th scope="rowgroup" class="id">{_e(goal.id)}</th>'
                f'<th scope="rowgroup" colspan="{len(years) + 3}">{_e(goal.name)}</th></tr>'
            )
            for indicator, by_year in found:
                results = _results(by_year)
                cells = "".join(value_cell(results.get(y), say) for y in years)
                rows.append(
                    f'<tr><th scope="row" class="id">{_e(indicator.id)}</th><td class="name">{_e(indicator.name)}</td>'
                    f'{cells}<td class="spark">{sparkline(results, view.year, say)}</td>'
                    f"<td>{_alarm(by_year, years, say)}</td></tr>"
                )
    head = "".join(f'<th scope="col" class="num">{y}</th>' for y in years)
    return (
        f'<section class="unit"><h2>{_e(say.unit(unit))}</h2><div class="scroll"><table>'
        f"<caption>{_e(say('history'))} {years[0]}–{years[-1]} · {_e(say.unit(unit))}</caption><thead><tr>"
        f'<th scope="col">{_e(say("col.id"))}</th><th scope="col">{_e(say("col.name"))}</th>{head}'
        f'<th scope="col">{_e(say("col.trend"))}</th><th scope="col">{_e(say("col.note"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _alarm(by_year: dict[int, Entry], years: Sequence[int], say: Labels) -> str:
    """'Not approved and worse than last year', with the years shown in which it was so."""
    alarms = alarm_years(by_year, years)
    if not alarms:
        return ""
    return f'<span class="alarm"><span aria-hidden="true">⚠</span> {_e(say("alarm"))} ({alarms})</span>'


RENDERER = Renderer(evaluation=evaluation, history=history)
