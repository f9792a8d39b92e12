"""Inline SVG charts for the HTML page: a bullet chart of the bands and the value, a sparkline of the years.

Each chart has a title in words, so it reads without seeing it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..bands.order import placed
from ..model import RATED, Indicator
from ..report import Result
from .labels import SYMBOLS, Labels

# Bullet chart and sparkline sizes, in CSS pixels.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 150, 34, 5
BAR_TOP, BAR_HEIGHT = 5, 14
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 92, 34, 5
FADED = "0.3"  # the opacity of the bands a rated result does not lie in


def _e(text: object) -> str:
    """Text from anywhere, escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


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


def _band_words(indicator: Indicator, say: Labels) -> str:
    parts = [f"{say('col.' + band.status.value)} {band.text}" for s in RATED if (band := indicator.band(s))]
    return " · ".join(parts)


def bullet_chart(result: Result, say: Labels) -> str:
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
    rated = result.value is not None and result.status in RATED
    for interval, status in placed(indicator.bands):
        if (interval.high is not None and interval.high < low) or (interval.low is not None and interval.low > high):
            continue  # wholly off the axis
        start = x(interval.low) if interval.low is not None else x(low)  # an open end runs to the axis end
        end = x(interval.high) if interval.high is not None else x(high)
        width = max(end - start, 2.0)
        box = f'x="{start:.1f}" y="{BAR_TOP}" width="{width:.1f}" height="{BAR_HEIGHT}"'
        # the band the result lies in at full strength, the others faded: a dark red band no
        # longer outweighs the green result beside it
        faded = f' fill-opacity="{FADED}"' if rated and status is not result.status else ""
        shapes.append(f'<rect class="band-{status.value}" {box}{faded}/>')
    axis_y = BAR_TOP + BAR_HEIGHT
    shapes.append(f'<line class="axis" x1="{CHART_PAD}" y1="{axis_y}" x2="{CHART_WIDTH - CHART_PAD}" y2="{axis_y}"/>')
    if result.value is not None:
        mark = x(result.value)
        shapes.append(f'<rect class="marker" x="{mark - 1.5:.1f}" y="1" width="3" height="{BAR_HEIGHT + 8}"/>')
    label_y = CHART_HEIGHT - 2
    shapes.append(f'<text x="{CHART_PAD}" y="{label_y}">{_e(say.number(low))}</text>')
    shapes.append(f'<text x="{CHART_WIDTH - CHART_PAD}" y="{label_y}" text-anchor="end">{_e(say.number(high))}</text>')
    value = say.value(result) if result.value is not None or result.absence else say("no_result")
    words = [f"{indicator.id}: {value}, {say.status(result)}", _band_words(indicator, say)]
    words.append(say("axis", low=say.number(low), high=say.number(high)))
    title = ". ".join(w for w in words if w)
    return _svg(CHART_WIDTH, CHART_HEIGHT, title, shapes, "bullet")


def _svg(width: int, height: int, title: str, shapes: Sequence[str], css: str) -> str:
    return (
        f'<svg class="{css}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(title)}"><title>{_e(title)}</title>{"".join(shapes)}</svg>'
    )


def sparkline(by_year: dict[int, Result], year: int, say: Labels) -> str:
    """The values of the years up to ``year`` as a line; broken where the scale changed."""
    points = [by_year[y] for y in sorted(by_year) if y <= year and by_year[y].value is not None]
    if len(points) < 2:
        return ""
    values = [r.value for r in points if r.value is not None]
    inner_w = SPARK_WIDTH - 2 * SPARK_PAD
    top, bottom = 13, SPARK_HEIGHT - 13
    runs = _scale_runs(points)  # each scale's years drawn within their own range: a new scale is no drop

    def xy(index: int, value: Decimal) -> tuple[float, float]:
        run = next(run for run in runs if index in run)
        low, high = min(values[i] for i in run), max(values[i] for i in run)
        x = SPARK_PAD + inner_w * index / (len(points) - 1)
        y = bottom - float((value - low) / (high - low)) * (bottom - top) if high != low else (top + bottom) / 2
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
            shapes.append(f'<line class="break" x1="{middle:.1f}" y1="{top - 9}" x2="{middle:.1f}" y2="{bottom}"/>')
            label = f"{say('scale_changed')} {points[i].year}"
            shapes.append(f'<text class="break-label" x="{middle:.1f}" y="7" text-anchor="middle">{_e(label)}</text>')
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


def _scale_runs(points: Sequence[Result]) -> list[range]:
    """The indices of ``points`` in runs of one scale and unit, oldest first."""
    starts = [0] + [
        i
        for i in range(1, len(points))
        if (points[i - 1].indicator.scale, points[i - 1].indicator.unit)
        != (points[i].indicator.scale, points[i].indicator.unit)
    ]
    return [range(start, end) for start, end in zip(starts, [*starts[1:], len(points)], strict=True)]


def _polyline(run: Sequence[tuple[float, float]]) -> str:
    if len(run) < 2:
        return ""
    return f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}"/>'
