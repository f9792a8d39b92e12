"""`--format html` in a real browser: Debian's chromium, headless.

The page is rendered to a file, opened from file:// (offline: nothing to
fetch), its DOM dumped and checked, the browser's console log checked, and a
screenshot kept under artifacts/ (git-ignored) for a person to look at.
Skipped when no chromium is installed, except under CI (CI installs it).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
EXAMPLE = REPO_ROOT / "examples" / "service-areas"
TIMEOUT = 60  # seconds for one browser run
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.fixture(scope="module")
def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it")
        pytest.skip(message)
    return found


def run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def console_messages(stderr: str) -> list[str]:
    """The page's console lines in chromium's log.

    The pages have no scripts, so any console message at all is unexpected;
    errors and uncaught exceptions ("CONSOLE ... error", "Uncaught ...") are
    the ones this is meant to catch.
    """
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


def console_errors(stderr: str) -> list[str]:
    return [line for line in console_messages(stderr) if "error" in line.lower() or "Uncaught" in line]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def keep(made: Path) -> Path:
    """Copy a checked file to artifacts/, through a temporary name, so that a run beside this one
    never sees half a file; the checks themselves read the test's own copy."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / made.name
    partial = ARTIFACTS / f".{made.name}.{os.getpid()}.tmp"
    shutil.copyfile(made, partial)
    os.replace(partial, target)
    return target


def render(kpi, assert_ok, target: Path, *args: str, exit_code: int = 0) -> Path:
    result = kpi("evaluate", *args, "--format", "html", "-o", str(target))
    assert_ok(result, exit_code)
    return target


@pytest.fixture
def seed_page(kpi, assert_ok, tmp_path: Path) -> Path:
    return render(kpi, assert_ok, tmp_path / "seed.html", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS))


@pytest.fixture
def example_page(kpi, assert_ok, tmp_path: Path) -> Path:
    results = str(EXAMPLE / "results-2015-2017.csv")
    definitions = str(EXAMPLE / "indicators.yaml")
    return render(kpi, assert_ok, tmp_path / "service-areas.html", results, "--indicators", definitions, exit_code=1)


def test_console_errors_would_be_seen(browser: str, tmp_path: Path) -> None:
    """The check below is not blind: a page with a failing script shows up in the log."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>no_such_function();</script></body></html>")
    done = run_browser(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr
    assert any("Uncaught" in line for line in console_errors(done.stderr)), done.stderr


def test_seed_page_in_the_browser(browser: str, seed_page: Path, tmp_path: Path) -> None:
    done = run_browser(browser, tmp_path / "profile", "--dump-dom", seed_page.as_uri())
    assert done.returncode == 0, done.stderr
    dom = done.stdout
    assert '<html lang="nb">' in dom
    assert "Asker kommune - målekart · Læring og fornyelse · 2014" in dom
    for word in ("Ønsket resultat", "Innfases 2015", "Innfases 2017 (utsatt)", "2 av 2 ønsket"):
        assert word in dom, word
    assert dom.count('<svg class="bullet"') == 2  # L.1.1, L.1.2; L.2.1 has no result, so no chart
    assert "<script" not in dom
    assert console_messages(done.stderr) == [], console_messages(done.stderr)

    shot = tmp_path / "html-seed-2014.png"
    done = run_browser(
        browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600", seed_page.as_uri()
    )
    assert done.returncode == 0, done.stderr
    assert shot.exists(), done.stderr
    assert png_size(shot) == (1280, 1600)
    assert shot.stat().st_size > 30_000  # a page with text and colour, not a blank one
    assert console_errors(done.stderr) == []
    assert keep(shot).exists()


def test_example_page_in_the_browser(browser: str, example_page: Path, tmp_path: Path) -> None:
    done = run_browser(browser, tmp_path / "profile", "--dump-dom", example_page.as_uri())
    assert done.returncode == 0, done.stderr
    dom = done.stdout
    for word in ("Ikke godkjent resultat", "Laveste aksepterte resultat", "Mangler resultat", "Resultater per enhet"):
        assert word in dom, word
    for unit in ("Hele kommunen", "Helse og omsorg", "Organisasjon og økonomi", "Teknisk"):
        assert unit in dom, unit
    assert '<svg class="spark"' in dom
    assert console_messages(done.stderr) == [], console_messages(done.stderr)

    shot = tmp_path / "html-service-areas-2017.png"
    done = run_browser(
        browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600", example_page.as_uri()
    )
    assert done.returncode == 0, done.stderr
    assert png_size(shot) == (1280, 1600)
    assert shot.stat().st_size > 30_000
    assert keep(shot).exists()


def test_example_page_prints_on_a4(browser: str, example_page: Path, tmp_path: Path) -> None:
    """Printed to PDF, every page is A4 landscape (842 x 595 points), one org unit a page or more."""
    pdf = tmp_path / "html-service-areas-2017.pdf"
    done = run_browser(
        browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", example_page.as_uri()
    )
    assert done.returncode == 0, done.stderr
    assert pdf.exists(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = [line.split(b"]")[0] for line in data.split(b"/MediaBox [")[1:]]
    assert len(boxes) >= 7, boxes  # the matrix, then each of the seven org units from a new page
    for box in boxes:
        _, _, width, height = (float(n) for n in box.split())
        assert (round(width), round(height)) == (842, 595)
    keep(pdf)


def test_ssb_example_page_in_the_browser(kpi, assert_ok, browser: str, tmp_path: Path) -> None:
    """examples/ssb-kostra (a made-up scorecard on SSB's table 12191): Drammen beside its two
    benchmark regions and the line naming the SSB table, as a browser renders the page."""
    ssb = REPO_ROOT / "examples" / "ssb-kostra"
    page = render(kpi, assert_ok, tmp_path / "ssb-kostra.html", str(ssb), "--indicators", str(ssb / "indicators.yaml"))
    done = run_browser(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr
    dom = done.stdout
    assert '<th scope="col" class="num">Moss</th><th scope="col" class="num">Ringerike</th>' in dom
    assert '<th scope="col" class="value">Drammen 2020</th>' in dom  # the municipality heads its results
    assert (
        '<td class="num">27,8</td><td class="num">Moss 13,5 · Drammen bedre</td>'
        '<td class="num">Ringerike 8,9 · Drammen bedre</td>'
    ) in dom
    assert "Kilde: SSB, tabell 12191 «Kommunehelse" in dom
    assert console_messages(done.stderr) == [], console_messages(done.stderr)


# A phone: headless Chromium will not make a window narrower than 500 px, so the page is shown
# in a 390 px frame (srcdoc: same origin) of a page of the test's own, whose script writes the
# boxes the browser laid out into the DOM for --dump-dom. The shipped page has no script.
PROBE = """<script>
const frame = document.querySelector("iframe");
frame.addEventListener("load", () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const row = [...doc.querySelectorAll("tr.indicator")].find((tr) => tr.querySelector("th.id").textContent === "L.1.1");
  const found = {view: [win.innerWidth, win.innerHeight], page: doc.documentElement.scrollWidth,
    value: box(row.querySelector("td.num")), status: box(row.querySelector("td.status .st")),
    valueText: row.querySelector("td.num").textContent, statusText: row.querySelector("td.status").textContent};
  const out = document.createElement("pre"); out.id = "probe"; out.textContent = JSON.stringify(found);
  document.body.append(out);
});
</script>"""


def phone_frame(page: Path, target: Path) -> Path:
    srcdoc = html.escape(page.read_text(encoding="utf-8"), quote=True)
    target.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe srcdoc="{srcdoc}" width="390" height="844" style="border:0;display:block"></iframe>'
        f"{PROBE}</body></html>",
        encoding="utf-8",
    )
    return target


def test_seed_page_on_a_phone_shows_result_and_status_in_the_viewport(
    browser: str, seed_page: Path, tmp_path: Path
) -> None:
    """At 390 px wide (a phone) the rows turn into cards: no sideways scrolling, and L.1.1's
    result and status lie inside the viewport."""
    framed = phone_frame(seed_page, tmp_path / "html-seed-2014-phone.html")
    done = run_browser(browser, tmp_path / "profile", "--window-size=500,844", "--dump-dom", framed.as_uri())
    assert done.returncode == 0, done.stderr
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout)
    assert match, done.stdout[-2000:]
    found = json.loads(html.unescape(match.group(1)))
    assert found["view"] == [390, 844]
    assert found["page"] <= 390  # the page does not scroll sideways
    assert (found["valueText"], found["statusText"].strip()) == ("4,51", "● Ønsket resultat")
    for name in ("value", "status"):
        left, top, right, bottom = found[name]
        assert left >= 0 and right <= 390 and top >= 0 and bottom <= 844, (name, found[name])
    shot = tmp_path / "html-seed-2014-phone.png"
    done = run_browser(browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=500,844", framed.as_uri())
    assert done.returncode == 0, done.stderr
    assert png_size(shot) == (500, 844)
    keep(shot)


def test_seed_scorecard_prints_on_one_a4_page(browser: str, seed_page: Path, tmp_path: Path) -> None:
    """The seed's five indicators on ONE A4 page; scorecard, year and page number sit in the
    page margins (@page margin boxes, which Chromium prints), rows never break across pages."""
    pdf = tmp_path / "html-seed-2014.pdf"
    done = run_browser(
        browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", seed_page.as_uri()
    )
    assert done.returncode == 0, done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/MediaBox [") == 1
    keep(pdf)
    page = seed_page.read_text(encoding="utf-8")
    assert '@top-left{content:"Asker kommune - målekart · 2014"' in page
    assert '@bottom-right{content:counter(page) " / " counter(pages)' in page
    assert "tr{break-inside:avoid}" in page


# What a phone shows of each indicator: its result requirements (each band with its symbol, as no
# header row is shown) and its result, every box inside the 390 px frame.
BANDS_PROBE = """<script>
const frame = document.querySelector("iframe");
frame.addEventListener("load", () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const rows = [...doc.querySelectorAll("tr.indicator")].map((tr) => ({
    id: tr.querySelector("th.id").textContent,
    bands: [...tr.querySelectorAll("td.band")].map((td) => ({
      text: td.textContent, mark: win.getComputedStyle(td, "::before").content, box: box(td),
      shown: win.getComputedStyle(td).display !== "none"})),
    value: tr.querySelector("td.num").textContent, valueBox: box(tr.querySelector("td.num"))}));
  const out = document.createElement("pre"); out.id = "probe";
  out.textContent = JSON.stringify({page: doc.documentElement.scrollWidth, rows});
  document.body.append(out);
});
</script>"""


@pytest.mark.parametrize("which", ["seed", "service-areas"])
def test_a_phone_keeps_each_indicators_requirements_and_result(
    browser: str, seed_page: Path, example_page: Path, tmp_path: Path, which: str
) -> None:
    page = seed_page if which == "seed" else example_page
    framed = phone_frame(page, tmp_path / f"bands-{which}.html")
    framed.write_text(framed.read_text(encoding="utf-8").replace(PROBE, BANDS_PROBE), encoding="utf-8")
    done = run_browser(browser, tmp_path / "profile", "--window-size=500,844", "--dump-dom", framed.as_uri())
    assert done.returncode == 0, done.stderr
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout)
    assert match, done.stdout[-2000:]
    found = json.loads(html.unescape(match.group(1)))
    assert found["page"] <= 390  # no sideways scrolling
    assert found["rows"], "no indicator rows"
    for row in found["rows"]:
        assert [band["mark"] for band in row["bands"]] == ['"● "', '"▲ "', '"✖ "'], row["id"]
        for band in row["bands"]:
            left, _, right, _ = band["box"]
            assert band["shown"] and right > left and left >= 0 and right <= 390, (row["id"], band)
        left, _, right, _ = row["valueBox"]
        assert right > left and left >= 0 and right <= 390, (row["id"], row["valueBox"])
    first = next(row for row in found["rows"] if row["id"] == "L.1.1")
    if which == "seed":
        assert [band["text"] for band in first["bands"]] == ["4,5 - 6", "4 - 4,4", "0 - 3,9"]
        assert first["value"] == "4,51"
