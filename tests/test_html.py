"""`--format html`: one self-contained page laid out like the published scorecard.

Run in-process with click's CliRunner. The seed (results/2014.csv) gives the
single-year, single-org-unit page; the made-up example in examples/service-areas
gives org units, history, sparklines and the per-unit matrix. The page is read
back with the standard library's HTMLParser, so that the checks see what a
browser sees: tags, attributes and text, with entities decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS

from kpi_cli.model import Band, Indicator, Interval, Status
from kpi_cli.render.html_charts import CHART_PAD, CHART_WIDTH, axis_range
from kpi_cli.render.html_matrix import MATRIX_UNITS
from kpi_cli.render.labels import SYMBOLS

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
EXAMPLE_DEFS = str(EXAMPLE / "indicators.yaml")
EXAMPLE_RESULTS = str(EXAMPLE / "results-2015-2017.csv")
UNITS = ["Helse og omsorg", "Kultur", "Oppvekst", "Organisasjon og økonomi", "Samfunnsutvikling", "Teknisk"]

# Markup the renderer itself writes; anything else in a page came from a file.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "footer", "section", "h1", "h2", "h3", "p", "b",
    "strong", "code", "dl", "dt", "dd", "ul", "li", "div", "span", "table", "thead", "tbody", "tfoot", "tr", "th",
    "td", "svg", "rect", "line", "text", "polyline", "circle", "caption", "time",
}  # fmt: skip


@dataclass
class Page:
    """A parsed page: each start tag with its attributes, and the text in document order."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def attributes(self) -> list[str]:
        return [value for _, attrs in self.tags for value in attrs.values()]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.page.texts.append(data)


def parse(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


def assert_self_contained(text: str) -> None:
    """Nothing fetched from anywhere: no scripts, links, images, fonts or URLs; only the renderer's own tags."""
    assert text.startswith("<!DOCTYPE html>")
    assert "<script" not in text.lower()
    assert "http://" not in text and "https://" not in text
    page = parse(text)
    tags = {tag for tag, _ in page.tags}
    assert tags <= OWN_TAGS, tags - OWN_TAGS
    for tag, attrs in page.tags:
        assert not set(attrs) & {"src", "href", "xlink:href", "srcset", "action", "data"}, (tag, attrs)
    style = text.split("<style>")[1].split("</style>")[0]
    for needle in ("url(", "@import", "@font-face"):
        assert needle not in style, needle


def indicator_row(text: str, indicator: str, after: str = "") -> str:
    """The detail table's row of an indicator (in the section that follows ``after``)."""
    start = text.index(after) if after else 0
    rows = text[start:].split('<tr class="indicator">')[1:]
    return next(row.split("</tr>")[0] for row in rows if f'<th scope="row" class="id">{indicator}</th>' in row)


def badges(text: str) -> list[tuple[str, str, str]]:
    """Every status badge as (status, symbol, word)."""
    pattern = r'<span class="st st-(\w+)"><span class="sym" aria-hidden="true">(.)</span> ([^<]+)</span>'
    return re.findall(pattern, text)


# --- the seed -------------------------------------------------------------------------------


@pytest.fixture
def seed_html(repo_root: Path, kpi, assert_ok) -> str:
    result = kpi("evaluate", "results/2014.csv", "--format", "html")
    assert_ok(result)
    return str(result.stdout)


def test_seed_page_is_one_self_contained_file(seed_html: str) -> None:
    assert_self_contained(seed_html)
    assert '<html lang="nb">' in seed_html
    assert '<meta charset="utf-8">' in seed_html
    assert "@page{size:A4" in seed_html
    assert "@media print" in seed_html
    assert seed_html.count("<style>") == 1


def test_seed_page_reads_like_the_published_scorecard(seed_html: str) -> None:
    page = parse(seed_html)
    title = "Asker kommune - målekart · Læring og fornyelse · 2014"
    assert f"<title>{title}</title>" in seed_html
    assert f"<h1>{title}</h1>" in seed_html
    text = page.text
    # which files were read
    assert "Definisjoner:" in text and "indicators.yaml" in text
    assert "Resultater:" in text and "results/2014.csv" in text
    # focus area, focus goal, goals
    assert "Fokusområde L: Læring og fornyelse" in text
    assert "Fokusmål: Fremtidsrettet og lærende organisasjon" in text
    assert "Kultur for læring og fornyelse - innovasjon" in text
    assert "Fasilitere og tilrettelegge for innovasjon" in text
    # the column heads of the published table
    for head in ("Måleindikator", "Ønsket", "Laveste akseptert", "Ikke godkjent", "Resultat 2014", "Status"):
        assert head in text, head


@pytest.mark.parametrize(
    ("indicator", "value", "bands", "status", "word"),
    [
        ("L.1.1", "4,51", ("4,5 - 6", "4 - 4,4", "0 - 3,9"), "desired", "Ønsket resultat"),
        ("L.1.2", "4,72", ("4,5 - 6", "4 - 4,4", "0 - 3,9"), "desired", "Ønsket resultat"),
        ("L.2.1", "–", ("&gt; 5 %poeng", "2 - 4,9 %poeng", "&lt; 2 %poeng"), "not_phased_in", "Innfases 2015"),
        ("L.2.2", "–", ("–", "–", "–"), "not_phased_in", "Innfases 2017 (utsatt)"),
        ("L.2.3", "–", ("–", "–", "–"), "not_phased_in", "Innfases 2017 (utsatt)"),
    ],
)
def test_seed_indicator_rows(
    seed_html: str, indicator: str, value: str, bands: tuple[str, ...], status: str, word: str
) -> None:
    row = indicator_row(seed_html, indicator)
    cells = re.findall(r'<td class="band">([^<]*)</td>', row)
    assert tuple(cells) == bands
    assert f'<td class="num">{value}</td>' in row
    # colour (the class), symbol and word together: the colour is never the only signal
    assert badges(row) == [(status, SYMBOLS[Status(status)], word)]


def test_seed_goal_rollups_and_summary(seed_html: str) -> None:
    found = badges(seed_html)
    assert ("desired", "●", "2 av 2 ønsket") in found  # L and L.1
    assert ("not_phased_in", "○", "ikke innfaset") in found  # L.2
    summary = seed_html.split('<section class="summary">')[1].split("</section>")[0]
    assert badges(summary) == []  # counts are list items, not badges
    pattern = r'<li class="st st-(\w+)( zero)?"><span class="sym" aria-hidden="true">(.)</span> <strong>(\d+)</strong> '
    items = re.findall(pattern, summary)
    assert items == [  # a zero is kept for the rated statuses and missing, but muted (class zero)
        ("desired", "", "●", "2"),
        ("accepted", " zero", "▲", "0"),
        ("not_approved", " zero", "✖", "0"),
        ("missing", " zero", "?", "0"),
        ("not_phased_in", "", "○", "3"),
    ]


def test_every_badge_has_its_symbol_and_a_word(seed_html: str) -> None:
    found = badges(seed_html)
    assert found
    for status, symbol, word in found:
        assert SYMBOLS[Status(status)] == symbol
        assert word.strip()


def test_seed_bullet_charts(seed_html: str) -> None:
    # L.1.1 and L.1.2 have a result; L.2.1 (not phased in) has bands but no result: no chart
    assert seed_html.count('<svg class="bullet"') == 2
    assert '<svg class="bullet"' not in indicator_row(seed_html, "L.2.1")
    row = indicator_row(seed_html, "L.1.1")
    chart = row.split('<svg class="bullet"')[1].split("</svg>")[0]
    title = re.search(r"<title>([^<]*)</title>", chart)
    assert title is not None
    assert title.group(1) == (
        "L.1.1: 4,51, Ønsket resultat. Ønsket 4,5 - 6 · Laveste akseptert 4 - 4,4 · Ikke godkjent 0 - 3,9. akse 1 til 6"
    )
    assert 'role="img"' in chart
    for status in ("desired", "accepted", "not_approved"):
        assert f'<rect class="band-{status}"' in chart
    assert '<rect class="marker"' in chart
    # no history in one year: no sparkline, no change column, no matrix
    assert '<svg class="spark"' not in seed_html
    assert "Endring" not in seed_html
    assert "Resultater per enhet" not in seed_html


def test_the_marker_sits_at_the_value_on_the_scale(seed_html: str) -> None:
    chart = indicator_row(seed_html, "L.1.2").split('<svg class="bullet"')[1]
    marker = re.search(r'<rect class="marker" x="([\d.]+)"', chart)
    assert marker is not None
    inner = CHART_WIDTH - 2 * CHART_PAD
    expected = CHART_PAD + (4.72 - 1) / (6 - 1) * inner  # the scale is 1 to 6
    assert abs(float(marker.group(1)) + 1.5 - expected) < 0.2


def test_open_bands_run_to_the_end_of_the_axis(example_html: str) -> None:
    """L.2.1: '< 2 %poeng' starts at the axis' start and '> 5 %poeng' runs to its end."""
    chart = indicator_row(example_html, "L.2.1").split('<svg class="bullet"')[1].split("</svg>")[0]
    rects = {
        name: (float(x), float(width))
        for name, x, width in re.findall(r'<rect class="band-(\w+)" x="([\d.]+)" y="\d+" width="([\d.]+)"', chart)
    }
    assert rects["not_approved"][0] == CHART_PAD
    assert abs(sum(rects["desired"]) - (CHART_WIDTH - CHART_PAD)) < 0.11
    assert '<rect class="marker"' in chart


def test_english_page(repo_root: Path, kpi, assert_ok) -> None:
    result = kpi("evaluate", "results/2014.csv", "--format", "html", "--lang", "en")
    assert_ok(result)
    text = result.stdout
    assert_self_contained(text)
    assert '<html lang="en">' in text
    assert '<td class="num">4.51</td>' in text
    assert ("desired", "●", "Desired result") in badges(text)
    assert ("not_phased_in", "○", "Phased in 2017 (postponed)") in badges(text)
    assert "Focus goal:" in parse(text).text
    assert "Ønsket resultat" not in text


# --- axis ranges ---------------------------------------------------------------------------


def _number(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _band(status: Status, low: str | None, high: str | None) -> Band:
    return Band(status, "made up", (Interval(_number(low), _number(high), low is not None, high is not None),))


@pytest.mark.parametrize(
    ("bands", "scale", "value", "expected"),
    [
        # the scale wins where it is set
        ([(Status.DESIRED, "4.5", "6")], ("1", "6"), "4.51", ("1", "6")),
        # no scale: round ends around the edges and the value; near zero, from zero
        ([(Status.DESIRED, "5", None), (Status.NOT_APPROVED, None, "2")], None, "1.5", ("0", "6")),
        ([(Status.DESIRED, "95", None), (Status.NOT_APPROVED, None, "90")], None, "97", ("89", "98")),
        ([(Status.DESIRED, None, "-1"), (Status.NOT_APPROVED, "2", None)], None, None, ("-2", "3")),
        # no bands: around the value alone
        ([], None, "7", ("0", "8")),
    ],
)
def test_axis_range(bands, scale, value, expected) -> None:
    indicator = Indicator(
        id="X.1",
        name="made up",
        bands=tuple(_band(*item) for item in bands),
        scale=Interval(Decimal(scale[0]), Decimal(scale[1])) if scale else None,
    )
    found = axis_range(indicator, Decimal(value) if value else None)
    assert found == (Decimal(expected[0]), Decimal(expected[1]))


def test_nothing_to_draw_without_bands_or_value() -> None:
    assert axis_range(Indicator(id="X.1", name="made up"), None) is None


# --- the made-up example: org units, history ---------------------------------------------------


@pytest.fixture
def example_html(kpi, assert_ok) -> str:
    result = kpi("evaluate", EXAMPLE_RESULTS, "--indicators", EXAMPLE_DEFS, "--format", "html")
    assert_ok(result, 1)  # L.2.1 and Helse og omsorg's L.1.1 are not approved
    return str(result.stdout)


def test_example_page_is_self_contained(example_html: str) -> None:
    assert_self_contained(example_html)
    assert "<h1>Eksempelkommune - målekart (oppdiktet) · Læring og fornyelse · 2017</h1>" in example_html


def test_example_matrix(example_html: str) -> None:
    matrix = example_html.split('<section class="matrix">')[1].split("</section>")[0]
    assert "<h2>Resultater per enhet 2017</h2>" in matrix
    heads = re.findall(r'<th scope="col" class="num">([^<]+)</th>', matrix)
    assert heads == ["Hele kommunen", *UNITS]
    cells = re.findall(
        r'<td class="cell st-(\w+)" title="([^"]+)">([^<]+)<span class="sym" aria-hidden="true">(.)</span>'
        r'<span class="vh"> ([^<]+)</span></td>',
        matrix,
    )
    # L.1.1 across, L.1.2 across, then L.2.1 for the municipality only
    assert [(value, symbol) for _, _, value, symbol, _ in cells] == [
        ("3,9", "▲"), ("3,3", "✖"), ("4,5", "●"), ("4,3", "●"), ("4,1", "●"), ("3,95", "▲"), ("3,6", "▲"),
        ("4,2", "●"), ("3,8", "▲"), ("–", "?"), ("4,0", "●"), ("4,1", "●"), ("3,6", "▲"), ("3,5", "▲"),
        ("1,5", "✖"),
    ]  # fmt: skip
    for status, title, _, symbol, word in cells:
        assert SYMBOLS[Status(status)] == symbol
        assert title == word
    assert ("missing", "Mangler resultat") in [(s, w) for s, _, _, _, w in cells]
    # the counts per org unit at the foot
    foot = matrix.split("<tfoot>")[1]
    desired = foot.split("</tr>")[0]
    assert re.findall(r"<td>(\d+)</td>", desired) == ["1", "0", "1", "2", "2", "0", "0"]


def test_example_sections_per_org_unit(example_html: str) -> None:
    page = parse(example_html)
    headings = [text for text in page.texts if text in ("Hele kommunen", *UNITS)]
    for unit in ["Hele kommunen", *UNITS]:
        assert unit in headings
    assert example_html.count('<section class="unit">') == 7
    assert "Oppsummering 2017 · alle enheter" in page.text


def test_example_status_change_and_sparkline(example_html: str) -> None:
    row = indicator_row(example_html, "L.2.1")
    assert badges(row) == [("not_approved", "✖", "Ikke godkjent resultat")]
    assert '<span class="worse">↓ -2,5 verre</span><div class="prev">2016: 4,0</div>' in row
    spark = row.split('<svg class="spark"')[1].split("</svg>")[0]
    assert "<polyline" in spark
    assert spark.count("<circle") == 3
    assert (
        "<title>L.2.1 utvikling: 2015: 6,2 ● Ønsket resultat; 2016: 4,0 ▲ Laveste aksepterte resultat; "
        "2017: 1,5 ✖ Ikke godkjent resultat</title>"
    ) in spark
    better = indicator_row(example_html, "L.1.2")
    assert '<span class="better">↑ +0,2 bedre</span>' in better


def test_example_sparkline_breaks_where_the_scale_changed(example_html: str) -> None:
    """L.1.1 moved from a 1-6 to a 1-5 scale in 2016: 2015 is not joined to 2016."""
    spark = indicator_row(example_html, "L.1.1").split('<svg class="spark"')[1].split("</svg>")[0]
    assert '<line class="break"' in spark
    assert spark.count("<polyline") == 1  # 2016-2017 only; 2015 stands alone
    assert "ny skala 2016" in spark


def test_example_org_unit_bands_are_the_ones_shown(example_html: str) -> None:
    """Oppvekst's own L.1.1 bands from 2016 are shown in its section, not the general ones."""
    row = indicator_row(example_html, "L.1.1", after="<h2>Oppvekst</h2>")
    assert re.findall(r'<td class="band">([^<]*)</td>', row) == ["4,2 - 5", "3,8 - 4,1", "1 - 3,7"]
    assert badges(row) == [("desired", "●", "Ønsket resultat")]


def test_a_wide_matrix_is_split_to_fit_the_page(kpi, assert_ok, tmp_path: Path) -> None:
    """Made up: the whole municipality and ten org units make two tables of at most MATRIX_UNITS."""
    rows = ["indikator;år;enhet;verdi", "L.1.1;2014;;4,6"]
    rows += [f"L.1.1;2014;Enhet {n:02};4,{n % 10}" for n in range(10)]
    results = tmp_path / "units-2014.csv"
    results.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = kpi("evaluate", str(results), "--indicators", str(SEED_INDICATORS), "--format", "html")
    assert_ok(result)
    matrix = result.stdout.split('<section class="matrix">')[1].split("</section>")[0]
    tables = matrix.split("<table>")[1:]
    heads = [re.findall(r'<th scope="col" class="num">([^<]+)</th>', table) for table in tables]
    assert [len(h) for h in heads] == [MATRIX_UNITS, 11 - MATRIX_UNITS]
    assert heads[0][0] == "Hele kommunen"
    assert [name for head in heads for name in head] == ["Hele kommunen", *(f"Enhet {n:02}" for n in range(10))]


def test_history_page(kpi, assert_ok) -> None:
    result = kpi("history", EXAMPLE_RESULTS, "--indicators", EXAMPLE_DEFS, "--format", "html", "--org-unit", "all")
    assert_ok(result)
    text = result.stdout
    assert_self_contained(text)
    assert "<h1>Eksempelkommune - målekart (oppdiktet) · Historikk 2015–2017</h1>" in text
    assert text.count('<section class="unit">') == 7
    # every year shown: L.2.1 and Helse og omsorg's L.1.1 in 2017, Teknisk's L.1.2 in 2016
    assert text.count("ikke godkjent og verre enn i fjor") == 3
    teknisk = text.split("<h2>Teknisk</h2>")[1].split("</section>")[0]
    assert "ikke godkjent og verre enn i fjor (2016)</span>" in teknisk
    assert '<svg class="spark"' in text
    # L.2.1 is measured for the whole municipality only: no empty row in the org units' tables
    helse = text.split("<h2>Helse og omsorg</h2>")[1].split("</section>")[0]
    assert "L.2.1" not in helse


# --- writing a file ------------------------------------------------------------------------------


def test_output_file_is_written_whole(kpi, assert_ok, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = kpi(
        "evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "--format", "html", "-o", str(target)
    )
    assert_ok(result)
    assert result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert_self_contained(written)
    assert written.endswith("</html>\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind
    again = kpi("evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "--format", "html")
    assert again.stdout == written


@pytest.mark.parametrize("which", ["indicators.yaml", "2014.csv"])
def test_output_never_overwrites_an_input(workdir: Path, kpi, which: str) -> None:
    (workdir / "2014.csv").write_bytes(SEED_RESULTS.read_bytes())
    before = {p.name: p.read_bytes() for p in workdir.iterdir()}
    result = kpi("evaluate", "2014.csv", "--format", "html", "-o", which)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "will not write the report over an input file" in result.stderr
    assert {p.name: p.read_bytes() for p in workdir.iterdir()} == before


# --- escaping --------------------------------------------------------------------------------------

# MADE UP for this test: definitions and results whose texts try to add markup.
HOSTILE_DEFINITIONS = """\
# Made up: every text a file gives the page tries to inject markup.
scorecard: 'Made-up <i>kommune</i> & "co"'
language: nb
focus_areas:
  - id: X
    name: 'Area <b>&"'
    focus_goal: '<img src=x onerror=alert(1)>'
    goals:
      - id: X.1
        name: 'Goal </td><b>&"'
        indicators:
          - id: X.1.1
            name: '<script>alert(1)</script>'
            unit: '<u>%</u>'
            source: '<b>&"'
            bands:
              desired:
                - min: 5
                  text: '<b>&" onmouseover="alert(1)'
              accepted: "2 - 4,9"
              not_approved: "< 2"
"""
HOSTILE_RESULTS = 'indikator;år;enhet;verdi\nX.1.1;2015;;6\nX.1.1;2015;<b>&";3\n'


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / 'in <b>&"'
    folder.mkdir()
    definitions = folder / "indicators.yaml"
    definitions.write_text(HOSTILE_DEFINITIONS, encoding="utf-8")
    results = folder / 'results <i>&".csv'
    results.write_text(HOSTILE_RESULTS, encoding="utf-8")
    return definitions, results


@pytest.mark.parametrize("command", ["evaluate", "history"])
def test_text_from_files_is_escaped(kpi, assert_ok, hostile: tuple[Path, Path], command: str) -> None:
    definitions, results = hostile
    extra = ["--org-unit", "all"] if command == "history" else []
    result = kpi(command, str(results), "--indicators", str(definitions), "--format", "html", *extra)
    assert_ok(result)
    text = result.stdout
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '<b>&"' not in text
    assert "&lt;b&gt;&amp;&quot;" in text
    assert "<i>kommune</i>" not in text
    assert_self_contained(text)  # only the renderer's own tags, no <img>, no <script>
    page = parse(text)
    # what a browser shows is the files' text, verbatim
    assert "<script>alert(1)</script>" in page.text
    assert 'Made-up <i>kommune</i> & "co"' in page.text
    assert '<b>&"' in page.text  # the org unit
    assert str(results) in page.text
    # no attribute was broken out of: none but the renderer's own names
    names = {name for _, attrs in page.tags for name in attrs}
    assert not {name for name in names if name.startswith("on")}, names
    if command == "evaluate":
        assert '<b>&" onmouseover="alert(1)' in page.text  # the band as published
        assert any('<b>&" onmouseover="alert(1)' in value for value in page.attributes())  # the chart's label
        assert 'Goal </td><b>&"' in page.text
        assert "<img src=x onerror=alert(1)>" in page.text
