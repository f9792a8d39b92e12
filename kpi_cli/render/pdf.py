"""The PDF report: the HTML page printed by a Chromium-family browser found on the machine.

The HTML page already has a print layout (A4, page numbers, headings kept with their
tables); a headless browser prints it as a person would from the browser's print dialog.
``KPI_BROWSER`` names the browser (a command on PATH or a path); else the first of
chromium, chrome and msedge found. The browser runs with a fresh profile in a temporary
folder that is removed afterwards, offline (the page fetches nothing), without a sandbox
only when run as root (Chromium refuses to start otherwise).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import KpiError
from ..view import View
from . import Renderer, RenderOptions

BROWSERS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
FLAGS = (
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",  # the page's own running header and page numbers, not the browser's
)
TIMEOUT = 180  # seconds for the browser to print; a hung browser is stopped
INSTALL = "install Chromium (apt-get install chromium; winget install Google.Chrome) or set KPI_BROWSER"


def find_browser() -> str:
    """The browser to print with: KPI_BROWSER, else the first Chromium-family one on PATH."""
    named = os.environ.get("KPI_BROWSER", "").strip()
    if named:
        found = shutil.which(named)
        if found is None:
            raise KpiError(f"KPI_BROWSER names {named!r}, which is no browser found here: {INSTALL}", code="no-browser")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise KpiError(f"writing .pdf needs Chromium, Chrome or Edge, and none was found: {INSTALL}", code="no-browser")


def print_to_pdf(page: str, browser: str) -> bytes:
    """``page`` (an HTML document) printed by ``browser``; a KpiError when it prints nothing."""
    with tempfile.TemporaryDirectory(prefix="kpi-pdf-") as folder:
        source = Path(folder) / "rapport.html"
        source.write_text(page, encoding="utf-8")
        target = Path(folder) / "rapport.pdf"
        sandbox = ("--no-sandbox",) if hasattr(os, "geteuid") and os.geteuid() == 0 else ()
        command = [
            browser,
            *FLAGS,
            *sandbox,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise KpiError(f"{browser} did not print the PDF within {TIMEOUT} s", code="no-browser") from None
        except OSError as exc:
            raise KpiError(f"cannot start {browser}: {exc.strerror}", code="no-browser") from None
        if not target.is_file() or target.stat().st_size == 0:
            raise KpiError(f"{browser} printed no PDF (exit {done.returncode})", code="no-browser")
        return target.read_bytes()


def evaluation(view: View, options: RenderOptions) -> bytes:
    from .html import evaluation as html_page

    browser = find_browser()  # before the page is made: a missing browser is said at once
    return print_to_pdf(html_page(view, options), browser)


RENDERER = Renderer(evaluation=evaluation)
