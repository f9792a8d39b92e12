"""The HTML report as a document for the council: its head, its footer, captions, colours.

(README "HTML report".) The browser checks (phone, print) are in test_html_browser.py.
"""

from __future__ import annotations

import pytest
from conftest import REPO_ROOT

from kpi_cli.model import Status
from kpi_cli.render.html_css import PALETTE, css_string

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC


@pytest.fixture
def seed(kpi, assert_ok) -> str:
    result = kpi("evaluate", "results/2014.csv", "--format", "html", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert_ok(result, 0)
    return result.stdout


def part(page: str, tag: str) -> str:
    return page.split(f"<{tag}>")[1].split(f"</{tag}>")[0]


def test_the_head_says_title_scorecard_year_and_the_date_made(seed: str) -> None:
    assert part(seed, "header") == (
        "<h1>Asker kommune - målekart · Læring og fornyelse · 2014</h1>"
        '<p class="made">Asker kommune - målekart · 2014 · laget '
        '<time datetime="2023-11-14">14. november 2023</time></p>'
    )


def test_the_date_in_english(kpi) -> None:
    page = kpi("evaluate", "results/2014.csv", "--format", "html", "--lang", "en", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert '· made <time datetime="2023-11-14">14 November 2023</time>' in page.stdout


def test_file_paths_are_in_the_footer_not_the_header(seed: str) -> None:
    assert "results/2014.csv" not in part(seed, "header")
    footer = part(seed, "footer")
    assert "<dt>Definisjoner:</dt><dd><code>indicators.yaml</code></dd>" in footer
    assert "<dt>Resultater:</dt><dd><code>results/2014.csv</code></dd>" in footer


def test_every_table_has_a_caption(seed: str, kpi) -> None:
    assert seed.count("<table>") == seed.count("<table><caption>") == 1
    assert "<caption>Læring og fornyelse · 2014</caption>" in seed
    example = kpi(
        "evaluate", str(EXAMPLE / "results-2015-2017.csv"), "--indicators", str(EXAMPLE / "indicators.yaml"),
        "--format", "html",
    ).stdout  # fmt: skip
    assert example.count("<table>") == example.count("<table><caption>") > 1
    assert "<caption>Læring og fornyelse · 2017 · Helse og omsorg</caption>" in example
    assert "<caption>Resultater per enhet 2017</caption>" in example
    assert "Kurven viser utviklingen over år." in example  # several years: there is a trend line


def test_a_single_year_report_speaks_of_no_curve(seed: str) -> None:
    assert "den svarte streken er resultatet.</p>" in seed
    assert "Kurven" not in seed


def luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_chart_green_and_red_differ_in_lightness_not_only_hue() -> None:
    green, red = PALETTE[Status.DESIRED][3], PALETTE[Status.NOT_APPROVED][3]
    assert contrast(green, red) >= 3.0, (green, red, contrast(green, red))


def test_contrast_is_computed_right() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#777777") == 1.0


def test_the_running_head_cannot_break_out_of_the_style_sheet() -> None:
    assert css_string('Kommune "A" </style><script>') == ('"Kommune \\22 A\\22  \\3c \\2f style\\3e \\3c script\\3e "')
