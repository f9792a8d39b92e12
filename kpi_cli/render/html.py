"""The scorecard as one self-contained HTML page, laid out like the published one.

No external fonts, scripts, stylesheets or images: the page works offline and
prints on A4. Charts are inline SVG. Every status has a symbol and a word
besides its colour. Every text that comes from a file (names, band texts, org
units, paths) goes through :func:`_e`, so nothing in a file can add markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .. import __version__
from .. import history as hist
from ..bands import placed
from ..model import RATED, Indicator, Report, Result, Scorecard, Status
from . import RenderOptions
from .labels import SYMBOLS, Labels

# Words only the HTML page uses; the rest come from Labels.
_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "summary": "Oppsummering",
        "all_units": "alle enheter",
        "focus_area": "Fokusområde",
        "result": "Resultat",
        "chart": "Resultatkrav og resultat",
        "matrix": "Resultater per enhet",
        "legend": "Tegnforklaring",
        "findings": "Merknader",
        "measure": "Måleenhet",
        "source": "Kilde",
        "axis": "akse {low} til {high}",
        "no_result": "ingen resultat",
        "history": "Historikk",
        "scale_changed": "ny skala",
        "chart_help": (
            "Figur: fargede felt viser resultatkravene (grønn: ønsket, gul: laveste akseptert, "
            "rød: ikke godkjent); den svarte streken er resultatet. Kurven viser utviklingen over år."
        ),
        "made_with": "Laget med kpi-cli {version}",
    },
    "en": {
        "summary": "Summary",
        "all_units": "all org units",
        "focus_area": "Focus area",
        "result": "Result",
        "chart": "Bands and result",
        "matrix": "Results by org unit",
        "legend": "Legend",
        "findings": "Notes",
        "measure": "Unit",
        "source": "Source",
        "axis": "axis {low} to {high}",
        "no_result": "no result",
        "history": "History",
        "scale_changed": "new scale",
        "chart_help": (
            "Chart: the coloured stretches are the bands (green: desired, yellow: lowest accepted, "
            "red: not approved); the black mark is the result. The line shows the years' trend."
        ),
        "made_with": "Made with kpi-cli {version}",
    },
}

# Per status: the symbol's colour, the badge's background, the badge's text, the band's fill.
_PALETTE: dict[Status, tuple[str, str, str, str]] = {
    Status.DESIRED: ("#1a7f37", "#e3f4e8", "#14532d", "#9fd7ad"),
    Status.ACCEPTED: ("#b07800", "#fff4c7", "#5c4200", "#f5d86e"),
    Status.NOT_APPROVED: ("#c62828", "#fde4e2", "#8b1a1a", "#f0a3a0"),
    Status.MISSING: ("#8e2a84", "#f7e4f4", "#6b1f63", "#e6c3e1"),
    Status.NO_TARGET: ("#59636e", "#eef0f2", "#3d444d", "#d5d9de"),
    Status.NOT_PHASED_IN: ("#59636e", "#eef0f2", "#3d444d", "#d5d9de"),
}
_GREY = _PALETTE[Status.NO_TARGET]  # a status without colours of its own

# Bullet chart and sparkline sizes, in CSS pixels.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 150, 34, 5
BAR_TOP, BAR_HEIGHT = 5, 14
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 92, 34, 5
MATRIX_UNITS = 8  # org units in one table of the matrix: what fits an A4 page across


def _e(text: object) -> str:
    """Text from anywhere, escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class _Say:
    """Labels, and the HTML-only words in the same language."""

    labels: Labels

    @property
    def lang(self) -> str:
        return self.labels.lang if self.labels.lang in _WORDS else "nb"

    def __call__(self, key: str, **values: object) -> str:
        words = _WORDS[self.lang]
        return words[key].format(**values) if key in words else self.labels(key, **values)

    def number(self, value: Decimal | None) -> str:
        return self.labels.number(value)

    def status(self, result: Result) -> str:
        return self.labels.status(result)

    def unit(self, unit: str | None) -> str:
        return unit if unit is not None else self.labels("whole")


# --- the page -------------------------------------------------------------------


def _css() -> str:
    statuses = "\n".join(
        f".st-{s.value}{{--fg:{fg};--bg:{bg};--ink:{ink}}} .band-{s.value}{{fill:{band}}} "
        f"svg .dot-{s.value}{{fill:{fg}}} thead th.b-{s.value}{{background:{bg}}}"
        for s in Status
        for fg, bg, ink, band in [_PALETTE.get(s, _GREY)]
    )
    return f"""
:root{{color-scheme:light;--line:#d0d7de;--muted:#57606a}}
*{{box-sizing:border-box}}
body{{margin:0 auto;max-width:1240px;padding:24px 28px;color:#1f2328;background:#fff;
 font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",
 "DejaVu Sans",sans-serif}}
h1{{font-size:22px;margin:0 0 6px}} h2{{font-size:18px;margin:26px 0 6px}} h3{{font-size:16px;margin:20px 0 6px}}
p{{margin:4px 0}} code{{font:13px/1.3 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}}
.sources{{color:var(--muted);margin:0}} .sources dt{{display:inline;font-weight:600}}
.sources dd{{display:inline;margin:0 14px 0 4px}}
.focus-goal{{margin:2px 0 10px}} .focus-goal b{{font-weight:600}}
table{{border-collapse:collapse;width:100%;margin:6px 0 8px}}
th,td{{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:middle}}
thead th{{background:#f3f4f6;font-size:12px;border-bottom:2px solid #8c959f;vertical-align:bottom}}
tr.goal th,tr.goal td{{background:#f6f8fa;font-weight:600}}
tr{{break-inside:avoid}}
.id{{white-space:nowrap;font-weight:600;width:3.5em}} th.value{{text-align:right}}
.name{{min-width:13em}} td.status .st{{white-space:normal}} .band{{white-space:nowrap;font-size:13px}}
.num{{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:600}}
.meta,.note,.prev{{color:var(--muted);font-size:12px;font-weight:400}}
.note{{font-style:italic}}
.st{{display:inline-block;padding:1px 8px;border-radius:10px;background:var(--bg);color:var(--ink);
 border:1px solid var(--fg);white-space:nowrap;font-weight:600;font-size:13px}}
.sym{{color:var(--fg)}} td.cell{{color:var(--ink);background:var(--bg);text-align:right;white-space:nowrap;
 font-variant-numeric:tabular-nums}}
td.cell .sym{{margin-left:4px}} td.empty{{background:#fff}}
.change{{white-space:nowrap}} .better{{color:#1a7f37}} .worse{{color:#c62828}} .same{{color:var(--muted)}}
.alarm{{color:#c62828;font-weight:600}}
svg{{display:block;overflow:visible}} svg text{{font:9px sans-serif;fill:#57606a}}
svg .marker{{fill:#111;stroke:#fff;stroke-width:.75}} svg .axis{{stroke:#8c959f;stroke-width:1}}
svg .gapfill{{fill:#f6f8fa}} svg polyline{{fill:none;stroke:#57606a;stroke-width:1.5}}
svg circle{{stroke:#fff;stroke-width:.75}} svg .break{{stroke:#8c959f;stroke-dasharray:2 2}}
.counts{{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:8px}}
.counts .st{{font-size:14px;padding:3px 12px}}
tfoot th,tfoot td{{font-size:12px;font-weight:400;border-bottom:0}} tfoot td{{text-align:right}}
.legend{{font-size:12px;color:var(--muted)}} .legend ul{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}}
.vh{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
footer{{margin-top:20px;font-size:11px;color:var(--muted)}}
{statuses}
@page{{size:A4 landscape;margin:12mm}}
@media print{{
 body{{max-width:none;padding:0;font-size:10pt}}
 *{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
 h1{{font-size:16pt}} h2{{font-size:13pt;break-after:avoid}} h3{{font-size:12pt;break-after:avoid}}
 .unit+.unit{{break-before:page}} thead{{display:table-header-group}}
 th,td{{padding:3px 4px}} .name{{min-width:10em}} .st{{font-size:9pt}} .band,.meta,.prev{{font-size:8.5pt}}
 svg.bullet{{width:{CHART_WIDTH * 0.8:.0f}px;height:{CHART_HEIGHT * 0.8:.0f}px}}
 svg.spark{{width:{SPARK_WIDTH * 0.8:.0f}px;height:{SPARK_HEIGHT * 0.8:.0f}px}}
}}
"""


def _page(title: str, lang: str, body: Iterable[str]) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _sources(report: Report, options: RenderOptions, say: _Say) -> str:
    results = report.sources or options.sources
    files = ", ".join(f"<code>{_e(path)}</code>" for path in results) or "–"
    return (
        f'<dl class="sources"><dt>{_e(say("definitions"))}:</dt><dd><code>{_e(options.definitions)}</code></dd>'
        f"<dt>{_e(say('results'))}:</dt><dd>{files}</dd></dl>"
    )


def _title(report: Report) -> str:
    areas = " · ".join(area.name for area in report.scorecard.focus_areas)
    return " · ".join(part for part in (report.scorecard.name, areas, str(report.year)) if part)


def _footer(say: _Say) -> str:
    return f"<footer>{_e(say('made_with', version=__version__))}</footer>"


# --- statuses -------------------------------------------------------------------


def _badge(status: Status, text: str) -> str:
    """A status as symbol and word on its colour: the colour is never the only signal."""
    return (
        f'<span class="st st-{status.value}"><span class="sym" aria-hidden="true">{SYMBOLS[status]}</span> '
        f"{_e(text)}</span>"
    )


def _status_badge(result: Result, say: _Say) -> str:
    return _badge(result.status, say.status(result))


def _rollup_badge(rollup: hist.Rollup, say: _Say) -> str:
    """The worst rated status and how many reached the desired result: '▲ 1 av 2 ønsket'."""
    if rollup.status is None:
        unrated = (Status.MISSING, Status.NOT_PHASED_IN, Status.NO_TARGET, *(s for s in Status if not s.is_rated))
        for status in unrated:
            if rollup.counts[status]:
                return _badge(status, say(f"short.{status.value}"))
        return ""
    desired = rollup.counts[Status.DESIRED]
    return _badge(rollup.status, f"{desired} {say('of')} {rollup.rated} {say('short.desired')}")


def _counts(counts: dict[Status, int], say: _Say) -> str:
    always = (*RATED, Status.MISSING)
    items = (
        f'<li class="st st-{s.value}"><span class="sym" aria-hidden="true">{SYMBOLS[s]}</span> '
        f"<strong>{counts[s]}</strong> {_e(say('short.' + s.value))}</li>"
        for s in Status
        if counts[s] or s in always
    )
    return f'<ul class="counts">{"".join(items)}</ul>'


def _value_cell(result: Result | None, say: _Say) -> str:
    """A value with its status symbol (and the word for screen readers), for matrix and history cells."""
    if result is None:
        return '<td class="cell empty"></td>'
    word = say.status(result)
    return (
        f'<td class="cell st-{result.status.value}" title="{_e(word)}">{_e(say.number(result.value))}'
        f'<span class="sym" aria-hidden="true">{SYMBOLS[result.status]}</span>'
        f'<span class="vh"> {_e(word)}</span></td>'
    )


def _change(result: Result, previous: Result | None, say: _Say) -> str:
    trend = hist.trend(result, previous)
    if trend is None:
        if previous is not None and result.value is not None:
            return f'<span class="same">{_e(say("scale_changed"))}</span>'
        return ""
    delta = say.number(trend.delta)
    signed = delta if delta.startswith("-") else f"+{delta}"
    if trend.better is None:
        text = f'<span class="same">{trend.arrow} {_e(signed)}</span>'
    else:
        css, word = ("better", say("better")) if trend.better else ("worse", say("worse"))
        text = f'<span class="{css}">{trend.arrow} {_e(signed)} {_e(word)}</span>'
    before = trend.previous
    return f'{text}<div class="prev">{before.year}: {_e(say.number(before.value))}</div>'


# --- charts ---------------------------------------------------------------------


def _tidy(value: Decimal) -> Decimal:
    return value.normalize()  # 6 rather than 6.0; written back without an exponent


def axis_range(indicator: Indicator, value: Decimal | None) -> tuple[Decimal, Decimal] | None:
    """The stretch a bullet chart shows: the scale where set, else a round range around the
    band edges and the value. ``None`` when there is nothing to place."""
    points = [
        edge for interval, _ in placed(indicator.bands) for edge in (interval.low, interval.high) if edge is not None
    ]
    if value is not None:
        points.append(value)
    scale = indicator.scale
    if scale is not None and scale.low is not None and scale.high is not None and scale.high > scale.low:
        return scale.low, scale.high
    if not points:
        return None
    low, high = min(points), max(points)
    span = high - low or max(abs(high), Decimal(1))
    step = Decimal(10) ** span.adjusted()
    if span / step < 3:
        step /= 2
    pad = span / 10
    start = ((low - pad) / step).to_integral_value(ROUND_FLOOR) * step
    end = ((high + pad) / step).to_integral_value(ROUND_CEILING) * step
    if low >= 0 and start <= span:
        start = Decimal(0)  # a share or a count: start the axis at zero
    if scale is not None and scale.low is not None:
        start = scale.low
    if scale is not None and scale.high is not None:
        end = scale.high
    if end <= start:  # a one-sided scale on the wrong side of the values
        end = start + step
    return _tidy(start), _tidy(end)


def _band_words(indicator: Indicator, say: _Say) -> str:
    parts = [f"{say('col.' + band.status.value)} {band.text}" for s in RATED if (band := indicator.band(s))]
    return " · ".join(parts)


def bullet_chart(result: Result, say: _Say) -> str:
    """The bands as coloured stretches along the axis and a mark for the value, as inline SVG."""
    indicator = result.indicator
    stretch = axis_range(indicator, result.value)
    if stretch is None:
        return ""
    low, high = stretch
    inner = CHART_WIDTH - 2 * CHART_PAD

    def x(value: Decimal) -> float:
        clamped = min(max(value, low), high)
        return CHART_PAD + float((clamped - low) / (high - low)) * inner

    shapes = [f'<rect class="gapfill" x="{CHART_PAD}" y="{BAR_TOP}" width="{inner}" height="{BAR_HEIGHT}"/>']
    for interval, status in placed(indicator.bands):
        if (interval.high is not None and interval.high < low) or (interval.low is not None and interval.low > high):
            continue  # wholly off the axis
        start = x(interval.low) if interval.low is not None else x(low)  # an open end runs to the axis end
        end = x(interval.high) if interval.high is not None else x(high)
        width = max(end - start, 2.0)
        box = f'x="{start:.1f}" y="{BAR_TOP}" width="{width:.1f}" height="{BAR_HEIGHT}"'
        shapes.append(f'<rect class="band-{status.value}" {box}/>')
    axis_y = BAR_TOP + BAR_HEIGHT
    shapes.append(f'<line class="axis" x1="{CHART_PAD}" y1="{axis_y}" x2="{CHART_WIDTH - CHART_PAD}" y2="{axis_y}"/>')
    if result.value is not None:
        mark = x(result.value)
        shapes.append(f'<rect class="marker" x="{mark - 1.5:.1f}" y="1" width="3" height="{BAR_HEIGHT + 8}"/>')
    label_y = CHART_HEIGHT - 2
    shapes.append(f'<text x="{CHART_PAD}" y="{label_y}">{_e(say.number(low))}</text>')
    shapes.append(f'<text x="{CHART_WIDTH - CHART_PAD}" y="{label_y}" text-anchor="end">{_e(say.number(high))}</text>')
    value = say.number(result.value) if result.value is not None else say("no_result")
    words = [f"{indicator.id}: {value}, {say.status(result)}", _band_words(indicator, say)]
    words.append(say("axis", low=say.number(low), high=say.number(high)))
    title = ". ".join(w for w in words if w)
    return _svg(CHART_WIDTH, CHART_HEIGHT, title, shapes, "bullet")


def _svg(width: int, height: int, title: str, shapes: Sequence[str], css: str) -> str:
    return (
        f'<svg class="{css}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(title)}"><title>{_e(title)}</title>{"".join(shapes)}</svg>'
    )


def sparkline(by_year: dict[int, Result], year: int, say: _Say) -> str:
    """The values of the years up to ``year`` as a line; broken where the scale changed."""
    points = [by_year[y] for y in sorted(by_year) if y <= year and by_year[y].value is not None]
    if len(points) < 2:
        return ""
    values = [r.value for r in points if r.value is not None]
    low, high = min(values), max(values)
    span = high - low or Decimal(1)
    inner_w = SPARK_WIDTH - 2 * SPARK_PAD
    top, bottom = 4, SPARK_HEIGHT - 13

    def xy(index: int, value: Decimal) -> tuple[float, float]:
        x = SPARK_PAD + inner_w * index / (len(points) - 1)
        y = bottom - float((value - low) / span) * (bottom - top) if high != low else (top + bottom) / 2
        return x, y

    coords = [xy(i, v) for i, v in enumerate(values)]
    shapes: list[str] = []
    run: list[tuple[float, float]] = [coords[0]]
    breaks: list[int] = []
    for i in range(1, len(points)):
        then, now = points[i - 1].indicator, points[i].indicator
        if (then.scale, then.unit) != (now.scale, now.unit):  # the numbers do not compare: break the line
            shapes.append(_polyline(run))
            middle = (coords[i - 1][0] + coords[i][0]) / 2
            shapes.append(f'<line class="break" x1="{middle:.1f}" y1="{top}" x2="{middle:.1f}" y2="{bottom}"/>')
            breaks.append(points[i].year)
            run = []
        run.append(coords[i])
    shapes.append(_polyline(run))
    for (cx, cy), result in zip(coords, points, strict=True):
        radius = 3.2 if result is points[-1] else 2.4
        shapes.append(f'<circle class="dot-{result.status.value}" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius}"/>')
    label_y = SPARK_HEIGHT - 2
    shapes.append(f'<text x="{SPARK_PAD}" y="{label_y}">{points[0].year}</text>')
    shapes.append(f'<text x="{SPARK_WIDTH - SPARK_PAD}" y="{label_y}" text-anchor="end">{points[-1].year}</text>')
    steps = [f"{r.year}: {say.number(r.value)} {SYMBOLS[r.status]} {say.status(r)}" for r in points]
    title = f"{points[-1].indicator.id} {say('col.trend').lower()}: " + "; ".join(steps)
    if breaks:
        title += "; " + ", ".join(f"{say('scale_changed')} {year}" for year in breaks)
    return _svg(SPARK_WIDTH, SPARK_HEIGHT, title, shapes, "spark")


def _polyline(run: Sequence[tuple[float, float]]) -> str:
    if len(run) < 2:
        return ""
    return f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}"/>'


# --- the scorecard table ----------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    change: bool  # an earlier year to compare with
    spark: bool  # several years to draw

    @classmethod
    def of(cls, report: Report, series: dict[hist.Key, dict[int, Result]]) -> _Columns:
        def drawn(by_year: dict[int, Result]) -> bool:
            return sum(1 for y, r in by_year.items() if y <= report.year and r.value is not None) > 1

        return cls(change=any(y < report.year for y in report.other_years), spark=any(map(drawn, series.values())))


@dataclass(frozen=True)
class _Context:
    """What every org unit's section needs, worked out once for the report."""

    report: Report
    say: _Say
    series: dict[hist.Key, dict[int, Result]]
    before: dict[hist.Key, Result]
    columns: _Columns
    several: bool  # more than one org unit


def _head(report: Report, columns: _Columns, say: _Say) -> str:
    bands = "".join(
        f'<th scope="col" class="b-{s.value}"><span class="sym st-{s.value}" aria-hidden="true">{SYMBOLS[s]}</span> '
        f"{_e(say('col.' + s.value))}</th>"
        for s in RATED
    )
    cells = [
        f'<th scope="col">{_e(say("col.id"))}</th>',
        f'<th scope="col">{_e(say("col.name"))}</th>',
        bands,
        f'<th scope="col" class="value">{_e(say("result"))} {report.year}</th>',
        f'<th scope="col">{_e(say("col.change"))}</th>' if columns.change else "",
        f'<th scope="col">{_e(say("col.status"))}</th>',
        f'<th scope="col">{_e(say("chart"))}</th>',
        f'<th scope="col">{_e(say("col.trend"))}</th>' if columns.spark else "",
    ]
    return f"<thead><tr>{''.join(cells)}</tr></thead>"


def _group_row(ident: str, name: str, rollup: hist.Rollup, columns: _Columns, say: _Say) -> str:
    before_status = 5 + columns.change  # name, three bands, the value, the change
    after_status = 1 + columns.spark
    return (
        f'<tr class="goal"><th scope="rowgroup" class="id">{_e(ident)}</th>'
        f'<th scope="rowgroup" colspan="{before_status}">{_e(name)}</th>'
        f'<td>{_rollup_badge(rollup, say)}</td><td colspan="{after_status}"></td></tr>'
    )


def _indicator_row(
    result: Result, previous: Result | None, by_year: dict[int, Result], columns: _Columns, report: Report, say: _Say
) -> str:
    shown = result.indicator
    meta = [
        f"{say('measure')}: {shown.unit}" if shown.unit else "",
        f"{say('source')}: {shown.source}" if shown.source else "",
    ]
    meta_text = " · ".join(m for m in meta if m)
    note = ""
    if result.status is Status.NOT_PHASED_IN and shown.phase_in and shown.phase_in.reason:
        note = f'<div class="note">{_e(shown.phase_in.reason)}</div>'
    measures = {measure.id: measure for measure in report.scorecard.measures}
    if result.computed is not None:
        note += f'<div class="meta">{_e(say.labels.computed(result.computed, measures))}</div>'
    if result.note is not None and result.status is not Status.NOT_PHASED_IN:
        note += f'<div class="note">{_e(say.labels.note(result.note))}</div>'
    bands = "".join(f'<td class="band">{_e(band.text) if (band := shown.band(s)) else "–"}</td>' for s in RATED)
    cells = [
        f'<th scope="row" class="id">{_e(shown.id)}</th>',
        f'<td class="name">{_e(shown.name)}'
        + (f'<div class="meta">{_e(meta_text)}</div>' if meta_text else "")
        + f"{note}</td>",
        bands,
        f'<td class="num">{_e(say.number(result.value))}</td>',
        f'<td class="change">{_change(result, previous, say)}</td>' if columns.change else "",
        f'<td class="status">{_status_badge(result, say)}</td>',
        f'<td class="chart">{bullet_chart(result, say)}</td>',
        f'<td class="spark">{sparkline(by_year, report.year, say)}</td>' if columns.spark else "",
    ]
    return f'<tr class="indicator">{"".join(cells)}</tr>'


def _unit_section(context: _Context, unit: str | None, results: Sequence[Result]) -> str:
    """One org unit's scorecard: per focus area, its goals with their roll-up and its indicators."""
    report, say, columns, several = context.report, context.say, context.columns, context.several
    scorecard = report.scorecard
    by_id = {r.indicator.id: r for r in results}
    rolled = hist.rollups(scorecard, results)
    level = "h3" if several else "h2"
    parts = ['<section class="unit">']
    if several:
        parts.append(f"<h2>{_e(say.unit(unit))}</h2>")
    for area in scorecard.focus_areas:
        rows = []
        for goal in area.goals:
            goal_results = [by_id[i.id] for i in goal.indicators if i.id in by_id]
            if not goal_results:
                continue
            rows.append(_group_row(goal.id, goal.name, rolled.goals[goal.id], columns, say))
            for result in goal_results:
                key = (result.indicator.id, unit)
                previous, by_year = context.before.get(key), context.series.get(key, {})
                rows.append(_indicator_row(result, previous, by_year, columns, report, say))
        if not rows:
            continue
        parts.append(
            f"<{level}>{_e(say('focus_area'))} {_e(area.id)}: {_e(area.name)} "
            f"{_rollup_badge(rolled.focus_areas[area.id], say)}</{level}>"
        )
        if area.focus_goal:
            parts.append(f'<p class="focus-goal"><b>{_e(say("focus_goal"))}:</b> {_e(area.focus_goal)}</p>')
        parts.append(f"<table>{_head(report, columns, say)}<tbody>{''.join(rows)}</tbody></table>")
    if several:  # with one org unit, the summary at the top says it
        parts.append(f"<p><b>{report.year}: {_e(say.unit(unit))}</b></p>{_counts(rolled.total.counts, say)}")
    parts.append("</section>")
    return "\n".join(parts)


# --- org units across ---------------------------------------------------------------


def _indicator_rows(scorecard: Scorecard) -> Iterable[tuple[str, str, bool]]:
    """(id, name, is a goal) down the scorecard: each goal, then its indicators."""
    for area in scorecard.focus_areas:
        for goal in area.goals:
            yield goal.id, goal.name, True
            for indicator in goal.indicators:
                yield indicator.id, indicator.name, False


def _matrix(report: Report, say: _Say) -> str:
    """Indicators down, org units across; each cell the value and its status.

    At most ``MATRIX_UNITS`` org units go in one table, so that it fits the page; the rest follow.
    """
    units = report.org_units
    cells = {(r.indicator.id, r.org_unit): r for r in report.results}
    counts = {unit: dict.fromkeys(Status, 0) for unit in units}
    for result in report.results:
        counts[result.org_unit][result.status] += 1
    tables = [
        _matrix_table(report, units[start : start + MATRIX_UNITS], cells, counts, say)
        for start in range(0, len(units), MATRIX_UNITS)
    ]
    return f'<section class="matrix"><h2>{_e(say("matrix"))} {report.year}</h2>{"".join(tables)}</section>'


def _matrix_table(
    report: Report,
    units: Sequence[str | None],
    cells: dict[hist.Key, Result],
    counts: dict[str | None, dict[Status, int]],
    say: _Say,
) -> str:
    head = "".join(f'<th scope="col" class="num">{_e(say.unit(unit))}</th>' for unit in units)
    rows = []
    for ident, name, is_goal in _indicator_rows(report.scorecard):
        if is_goal:
            rows.append(
                f'<tr class="goal"><th scope="rowgroup" class="id">{_e(ident)}</th>'
                f'<th scope="rowgroup" colspan="{len(units) + 1}">{_e(name)}</th></tr>'
            )
        else:
            values = "".join(_value_cell(cells.get((ident, unit)), say) for unit in units)
            rows.append(f'<tr><th scope="row" class="id">{_e(ident)}</th><td class="name">{_e(name)}</td>{values}</tr>')
    always = (*RATED, Status.MISSING)
    foot = [
        f'<tr><th colspan="2" class="st-{s.value}"><span class="sym" aria-hidden="true">{SYMBOLS[s]}</span> '
        f"{_e(say('short.' + s.value))}</th>" + "".join(f"<td>{counts[unit][s]}</td>" for unit in units) + "</tr>"
        for s in Status
        if s in always or any(counts[unit][s] for unit in units)
    ]
    return (
        f'<table><thead><tr><th scope="col">{_e(say("col.id"))}</th><th scope="col">{_e(say("col.name"))}</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody><tfoot>{''.join(foot)}</tfoot></table>"
    )


def _legend(say: _Say, charts: bool = True) -> str:
    items = "".join(f"<li>{_badge(s, say(s.value))}</li>" for s in Status)
    help_text = f"<p>{_e(say('chart_help'))}</p>" if charts else ""
    return f'<section class="legend"><h2>{_e(say("legend"))}</h2><ul>{items}</ul>{help_text}</section>'


def _findings(report: Report, say: _Say) -> str:
    if not report.findings:
        return ""
    items = "".join(f"<li>{_e(f.message)}</li>" for f in report.findings)
    return f'<section class="findings"><h2>{_e(say("findings"))}</h2><ul>{items}</ul></section>'


def evaluation(report: Report, options: RenderOptions) -> str:
    say = _Say(Labels(options.lang))
    units = report.org_units
    several = len(units) > 1
    summary_title = f"{say('summary')} {report.year}" + (f" · {say('all_units')}" if several else "")
    body = [
        f"<header><h1>{_e(_title(report))}</h1>{_sources(report, options, say)}</header>",
        f'<section class="summary"><h2>{_e(summary_title)}</h2>{_counts(report.counts(), say)}</section>',
    ]
    if several or options.by_org_unit:
        body.append(_matrix(report, say))
    series = hist.series(report)
    context = _Context(report, say, series, hist.previous_results(report), _Columns.of(report, series), several)
    by_unit: dict[str | None, list[Result]] = {unit: [] for unit in units}
    for result in report.results:
        by_unit[result.org_unit].append(result)
    body.extend(_unit_section(context, unit, found) for unit, found in by_unit.items())
    body.append(_findings(report, say))
    body.append(_legend(say))
    body.append(_footer(say))
    return _page(_title(report), say.lang, body)


# --- years across -------------------------------------------------------------------


def history(report: Report, options: RenderOptions) -> str:
    """Indicators down, years across: value and status per year, and a line per indicator."""
    say = _Say(Labels(options.lang))
    series = hist.series(report)
    years = [y for y in sorted({*report.other_years, report.year}) if y <= report.year]
    title = f"{report.scorecard.name} · {say('history')} {years[0]}–{years[-1]}"
    body = [f"<header><h1>{_e(title)}</h1>{_sources(report, options, say)}</header>"]
    for unit in options.org_units or report.org_units[:1]:
        body.append(_history_table(report, unit, years, series, say))
    body.append(_legend(say, charts=False))
    body.append(_footer(say))
    return _page(title, say.lang, body)


def _history_table(
    report: Report, unit: str | None, years: Sequence[int], series: dict[hist.Key, dict[int, Result]], say: _Say
) -> str:
    """One org unit's years; goals and indicators without a result for it are left out."""
    rows = []
    for area in report.scorecard.focus_areas:
        for goal in area.goals:
            found = [(i, series[(i.id, unit)]) for i in goal.indicators if (i.id, unit) in series]
            if not found:
                continue
            rows.append(
                f'<tr class="goal"><th scope="rowgroup" class="id">{_e(goal.id)}</th>'
                f'<th scope="rowgroup" colspan="{len(years) + 3}">{_e(goal.name)}</th></tr>'
            )
            for indicator, by_year in found:
                cells = "".join(_value_cell(by_year.get(y), say) for y in years)
                rows.append(
                    f'<tr><th scope="row" class="id">{_e(indicator.id)}</th><td class="name">{_e(indicator.name)}</td>'
                    f'{cells}<td class="spark">{sparkline(by_year, report.year, say)}</td>'
                    f"<td>{_alarm(by_year, years, say)}</td></tr>"
                )
    head = "".join(f'<th scope="col" class="num">{y}</th>' for y in years)
    return (
        f'<section class="unit"><h2>{_e(say.unit(unit))}</h2><table><thead><tr>'
        f'<th scope="col">{_e(say("col.id"))}</th><th scope="col">{_e(say("col.name"))}</th>{head}'
        f'<th scope="col">{_e(say("col.trend"))}</th><th scope="col">{_e(say("col.note"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _alarm(by_year: dict[int, Result], years: Sequence[int], say: _Say) -> str:
    """'Not approved and worse than last year' for the last year shown, else nothing."""
    current = by_year.get(years[-1])
    earlier = [by_year[y] for y in years[:-1] if y in by_year and by_year[y].value is not None]
    if (
        current is not None
        and current.status is Status.NOT_APPROVED
        and hist.is_regression(current, earlier[-1] if earlier else None)
    ):
        return f'<span class="alarm"><span aria-hidden="true">⚠</span> {_e(say("alarm"))}</span>'
    return ""
