"""A change of scale is shown where it happens: in the HTML history chart a break line with a
visible label, each scale's years drawn within their own range (a new scale never reads as a drop);
the terminal's sparkline: tests/test_history.py. The service-areas example is made up."""

from __future__ import annotations

import re

from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
ARGS = [str(EXAMPLE / "results-2015-2017.csv"), "--indicators", str(EXAMPLE / "indicators.yaml")]


def spark_of(page: str, ident: str) -> str:
    row = page.split(f'<th scope="row" class="id">{ident}</th>', 1)[1]
    return row.split('<svg class="spark"', 1)[1].split("</svg>", 1)[0]


def test_the_html_chart_labels_the_break(kpi) -> None:
    for command in ("evaluate", "history"):
        spark = spark_of(kpi(command, *ARGS, "--format", "html").stdout, "L.1.1")
        assert re.search(r'<text class="break-label" x="[\d.]+" y="7" text-anchor="middle">ny skala 2016</text>', spark)
        circles = re.findall(r'<circle class="dot-(\w+)" cx="([\d.]+)" cy="([\d.]+)"', spark)
        heights = [float(cy) for _, _, cy in circles]
        # 2015 alone on its scale sits in the middle, not above 2016 as if the value had dropped;
        # 2016 and 2017 on the new scale span the height (4,1 above 3,9)
        assert heights[0] == (heights[1] + heights[2]) / 2
        assert heights[1] < heights[2]


def test_no_break_without_a_change_of_scale(kpi) -> None:
    spark = spark_of(kpi("history", *ARGS, "--format", "html").stdout, "L.2.1")
    assert "break" not in spark and spark.count("<polyline") == 1
