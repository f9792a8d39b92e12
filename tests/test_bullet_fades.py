"""The result chart: the band the result lies in at full strength, the other bands faded, so a
dark red band does not outweigh a green result (the seed's 2014 results are published)."""

from __future__ import annotations

import re


def chart_of(page: str, ident: str) -> str:
    row = page.split(f'<th scope="row" class="id">{ident}</th>', 1)[1]
    return row.split('<svg class="bullet"', 1)[1].split("</svg>", 1)[0]


def test_the_results_band_is_strong_the_others_faded(kpi, repo_root) -> None:
    chart = chart_of(kpi("evaluate", "results/2014.csv", "--format", "html").stdout, "L.1.1")  # 4,51: desired
    bands = dict(re.findall(r'<rect class="band-(\w+)" x="[\d.]+" y="\d+" width="[\d.]+" height="\d+"([^/]*)/>', chart))
    assert bands == {"not_approved": ' fill-opacity="0.3"', "accepted": ' fill-opacity="0.3"', "desired": ""}
