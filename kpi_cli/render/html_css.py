"""The HTML page's style sheet: one palette per status, print rules for A4."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Status
from .html_charts import CHART_HEIGHT, CHART_WIDTH, SPARK_HEIGHT, SPARK_WIDTH
from .labels import SYMBOLS

# Per status: the symbol's colour, the badge's background, the badge's text, the band's fill.
# The bands' green and red differ in lightness too (contrast >= 3:1), not only in hue.
PALETTE: dict[Status, tuple[str, str, str, str]] = {
    Status.DESIRED: ("#1a7f37", "#e3f4e8", "#14532d", "#a8dcb5"),
    Status.ACCEPTED: ("#b07800", "#fff4c7", "#5c4200", "#f5d86e"),
    Status.NOT_APPROVED: ("#c62828", "#fde4e2", "#8b1a1a", "#b3261e"),
    Status.MISSING: ("#8e2a84", "#f7e4f4", "#6b1f63", "#e6c3e1"),
    Status.NO_TARGET: ("#59636e", "#eef0f2", "#3d444d", "#d5d9de"),
    Status.NOT_PHASED_IN: ("#59636e", "#eef0f2", "#3d444d", "#d5d9de"),
}
GREY = PALETTE[Status.NO_TARGET]  # a status without colours of its own
# In print, what heads a table stays on the page of the table's first row: a unit's and a focus
# area's heading (h2, h3: break-after: avoid), the focus goal under it, the caption, the header row
# and a goal's row. Chromium keeps break-after: avoid only between the elements that have it, so a
# focus goal or caption without it let the break fall there, heading alone at the foot of the page
# (tests/test_pdf_page_breaks.py reads the printed pages back).
KEEP_WITH_NEXT = ".focus-goal,caption,thead,tr.goal{break-after:avoid} tbody tr:first-child{break-before:avoid}"


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and a few marks escaped,
    so nothing in a scorecard's name can end the string or the style element."""
    safe = "".join(c if c.isalnum() or c in " -·.,()–" else f"\\{ord(c):x} " for c in text)
    return f'"{safe}"'


def css(running: str = "", bands: Sequence[Status] = ()) -> str:
    """The style sheet; ``running`` heads every printed page, with the page number at the foot;
    ``bands``, the band columns' statuses, give each band its symbol where a phone shows no header."""
    phone_bands = " ".join(
        f"tr.indicator td.band:nth-of-type({place}):before{{content:{css_string(SYMBOLS[status] + ' ')};"
        f"color:{PALETTE.get(status, GREY)[0]}}}"
        for place, status in enumerate(bands, start=2)  # the name is the row's first td
    )
    statuses = "\n".join(
        f".st-{s.value}{{--fg:{fg};--bg:{bg};--ink:{ink}}} .band-{s.value}{{fill:{band}}} "
        f"svg .dot-{s.value}{{fill:{fg}}} thead th.b-{s.value}{{background:{bg}}}"
        for s in Status
        for fg, bg, ink, band in [PALETTE.get(s, GREY)]
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
.counts .zero{{background:#fff;color:var(--muted);border-color:var(--line);font-weight:400}}
.counts .zero .sym{{color:var(--muted)}}
.made{{color:var(--muted);margin:0}} caption{{text-align:left;font-weight:600;padding:2px 0;caption-side:top}}
.comment{{font-size:12px;margin-top:2px}} .scroll{{overflow-x:auto;position:relative}}
footer .sources{{margin-bottom:4px}}
tfoot th,tfoot td{{font-size:12px;font-weight:400;border-bottom:0}} tfoot td{{text-align:right}}
.legend{{font-size:12px;color:var(--muted)}} .legend ul{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}}
.vh{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
footer{{margin-top:20px;font-size:11px;color:var(--muted)}}
{statuses}
@media (max-width:640px){{
 body{{padding:12px}} thead{{display:none}}
 table,tbody,tfoot,caption{{display:block}}
 tr.indicator{{display:grid;grid-template-columns:auto 1fr auto;gap:2px 8px;padding:6px 0;
  border-bottom:1px solid var(--line)}}
 tr.indicator>*{{border:0;padding:0}} tr.indicator td.name{{grid-column:1/-1;min-width:0}}
 tr.indicator td.chart,tr.indicator td.spark{{display:none}}
 tr.indicator td.band{{white-space:normal;font-size:12px}} {phone_bands}
 tr.indicator td.status{{grid-column:1/-1}} tr.goal{{display:block}} tr.goal td:empty{{display:none}}
 .name{{min-width:0}}
}}
@page{{size:A4 landscape;margin:14mm 12mm 12mm;
 @top-left{{content:{css_string(running)};font:9pt sans-serif;color:#57606a}}
 @bottom-right{{content:counter(page) " / " counter(pages);font:9pt sans-serif;color:#57606a}}}}
@media print{{
 body{{max-width:none;padding:0;font-size:9pt;line-height:1.25}}
 *{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
 h1{{font-size:14pt}} h2{{font-size:11pt;break-after:avoid}} h3{{font-size:10pt;break-after:avoid}}
 {KEEP_WITH_NEXT}
 .unit+.unit{{break-before:page}} thead{{display:table-header-group}}
 .scroll{{overflow:visible}} h2{{margin:10px 0 4px}} .legend{{break-inside:avoid}}
 th,td{{padding:2px 4px}} .name{{min-width:10em}} .st{{font-size:8pt}} .band,.meta,.prev,.note{{font-size:8pt}}
 .counts{{margin:2px 0}} .counts .st{{font-size:8.5pt;padding:1px 8px}} .legend,footer{{font-size:7.5pt;margin-top:6px}}
 .legend h2{{display:none}} .legend ul{{margin:2px 0}}
 svg.bullet{{width:{CHART_WIDTH * 0.8:.0f}px;height:{CHART_HEIGHT * 0.8:.0f}px}}
 svg.spark{{width:{SPARK_WIDTH * 0.8:.0f}px;height:{SPARK_HEIGHT * 0.8:.0f}px}}
}}
"""
