"""The PDF report (`-o rapport.pdf`): the HTML page printed by a Chromium-family browser, read
back with pypdf; the browser's command line, checked with a stand-in; the one-line errors when
there is no browser. The real printing runs where chromium is installed (CI installs it and
fails rather than skips without it). The service-areas example is made up."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pypdf
import pytest
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS

EXAMPLE = REPO_ROOT / "examples" / "service-areas"
ARTIFACTS = REPO_ROOT / "artifacts"
SEED = ["evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS)]
INSTALL = "install Chromium (apt-get install chromium; winget install Google.Chrome) or set KPI_BROWSER"


def test_the_seed_printed_by_chromium(kpi, tmp_path: Path, chromium: str) -> None:
    target = tmp_path / "rapport.pdf"
    done = kpi(*SEED, "-o", str(target), env={"KPI_BROWSER": chromium})
    assert done.exit_code == 0, done.stderr
    printed = pypdf.PdfReader(target)
    first = printed.pages[0]
    assert (round(float(first.mediabox.width) / 72 * 25.4), round(float(first.mediabox.height) / 72 * 25.4)) == (
        297,
        210,
    )  # landscape A4, the HTML page's print layout
    text = "\n".join(page.extract_text() for page in printed.pages)
    assert "Asker kommune - målekart" in text
    assert f"1 / {len(printed.pages)}" in text  # the page's own page numbers
    for word in ("L.1.1", "L.2.3", "Ønsket resultat", "Fokusmål: Fremtidsrettet og lærende organisasjon"):
        assert word in text
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(target, ARTIFACTS / "pdf-seed-2014.pdf")


def test_the_example_printed_and_kept(kpi, tmp_path: Path, chromium: str) -> None:
    target = tmp_path / "rapport.pdf"
    results = str(EXAMPLE / "results-2015-2017.csv")
    done = kpi("evaluate", results, "--indicators", str(EXAMPLE / "indicators.yaml"), "-o", str(target))
    assert done.exit_code == 1, done.stderr
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    assert "Ikke godkjent resultat" in text and "Helse og omsorg" in text
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(target, ARTIFACTS / "pdf-service-areas-2017.pdf")


def stand_in(tmp_path: Path, body: str) -> Path:
    """A made-up 'browser': a shell script that records its arguments and runs ``body``."""
    script = tmp_path / "fake-chromium"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/args"\n{body}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_the_browsers_command_line(kpi, tmp_path: Path) -> None:
    body = (
        'for a in "$@"; do case "$a" in --print-to-pdf=*) printf "%%PDF-made-up" > "${a#--print-to-pdf=}";; esac; done'
    )
    browser = stand_in(tmp_path, body)
    target = tmp_path / "rapport.pdf"
    done = kpi(*SEED, "-o", str(target), env={"KPI_BROWSER": str(browser)})
    assert done.exit_code == 0, done.stderr
    assert target.read_bytes() == b"%PDF-made-up"
    args = (tmp_path / "args").read_text(encoding="utf-8").splitlines()
    for flag in (
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ):
        assert flag in args
    assert ("--no-sandbox" in args) == (os.geteuid() == 0)
    [profile] = [a.removeprefix("--user-data-dir=") for a in args if a.startswith("--user-data-dir=")]
    assert not Path(profile).exists()  # a fresh profile, removed afterwards
    assert args[-1].startswith("file:///") and args[-1].endswith("/rapport.html")


def test_a_browser_that_prints_nothing(kpi, tmp_path: Path, assert_error) -> None:
    browser = stand_in(tmp_path, "exit 3")
    assert_error(
        kpi(*SEED, "-o", str(tmp_path / "rapport.pdf"), env={"KPI_BROWSER": str(browser)}),
        [f"kpi: error: {browser} printed no PDF (exit 3) [no-browser]"],
    )
    assert not (tmp_path / "rapport.pdf").exists()


def test_a_browser_named_that_is_not_there(kpi, tmp_path: Path, assert_error) -> None:
    assert_error(
        kpi(*SEED, "-o", str(tmp_path / "rapport.pdf"), env={"KPI_BROWSER": "no-such-browser"}),
        [f"kpi: error: KPI_BROWSER names 'no-such-browser', which is no browser found here: {INSTALL} [no-browser]"],
    )


def test_no_browser_at_all_is_one_line(kpi, tmp_path: Path, assert_error, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kpi_cli.render.pdf.shutil.which", lambda name: None)
    assert_error(
        kpi(*SEED, "-o", str(tmp_path / "rapport.pdf")),
        [f"kpi: error: writing .pdf needs Chromium, Chrome or Edge, and none was found: {INSTALL} [no-browser]"],
    )
    assert not (tmp_path / "rapport.pdf").exists()
