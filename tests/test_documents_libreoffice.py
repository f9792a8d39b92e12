"""The Excel and Word reports open in LibreOffice: converted headless to PDF and read back with
pypdf (ids, status words, the page header and footer, landscape A4). Skipped where LibreOffice
is not installed (CI installs libreoffice-writer-nogui and libreoffice-calc-nogui). The
service-areas example is made up."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from conftest import REPO_ROOT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EXAMPLE = REPO_ROOT / "examples" / "service-areas"
ARTIFACTS = REPO_ROOT / "artifacts"  # git-ignored: the PDFs kept for a person to look at


@pytest.fixture(autouse=True)
def _libreoffice() -> None:
    if SOFFICE is None:
        message = "LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it")
        pytest.skip(message)


def as_pdf(document: Path, artifact: str) -> Path:
    """``document`` converted by LibreOffice, in a profile of its own under the test's folder; the
    PDF kept as ``artifacts/<artifact>.pdf`` (the -nogui packages export no pictures)."""
    converted = convert(document, "pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(converted, ARTIFACTS / f"{artifact}.pdf")
    return converted


def convert(document: Path, kind: str) -> Path:
    assert SOFFICE is not None
    folder = document.parent
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
    )
    return document.with_suffix(f".{kind}")


def report(kpi, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    results = str(EXAMPLE / "results-2015-2017.csv")
    done = kpi("evaluate", results, "--indicators", str(EXAMPLE / "indicators.yaml"), "-o", str(target))
    assert done.exit_code == 1, done.stderr
    return target


def test_the_excel_report_prints_in_libreoffice(kpi, tmp_path: Path) -> None:
    printed = pypdf.PdfReader(as_pdf(report(kpi, tmp_path, "rapport.xlsx"), "xlsx-service-areas-2017"))
    first = printed.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    text = first.extract_text()
    assert "Eksempelkommune - målekart (oppdiktet)" in text
    assert "Side 1 av" in text
    for word in ("L.1.1", "L.2.1", "Ikke godkjent resultat", "Fokusmål: Fremtidsrettet og lærende organisasjon"):
        assert word in text
    everything = "\n".join(page.extract_text() for page in printed.pages)
    assert "Dette trenger oppmerksomhet" in everything and "Historikk · 2015–2017" in everything


def test_the_word_report_prints_in_libreoffice(kpi, tmp_path: Path) -> None:
    printed = pypdf.PdfReader(as_pdf(report(kpi, tmp_path, "rapport.docx"), "docx-service-areas-2017"))
    first = printed.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    text = first.extract_text()
    assert text.startswith("Eksempelkommune - målekart (oppdiktet) · 2017")
    assert text.index("Dette trenger oppmerksomhet") < text.index("Fokusområde L: Læring og fornyelse")
    everything = "\n".join(page.extract_text() for page in printed.pages)
    for word in ("L.1.1", "L.2.1", "Tabell 1: Læring og fornyelse · 2017", "oppdiktet (made up)", "Teknisk"):
        assert word in everything


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_the_seeds_documents_print_in_libreoffice(kpi, tmp_path: Path, suffix: str) -> None:
    """The published 2014 results: both documents open and print, kept for a person to look at."""
    target = tmp_path / f"rapport.{suffix}"
    seed = REPO_ROOT / "results" / "2014.csv"
    done = kpi("evaluate", str(seed), "--indicators", str(REPO_ROOT / "indicators.yaml"), "-o", str(target))
    assert done.exit_code == 0, done.stderr
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(as_pdf(target, f"{suffix}-seed-2014")).pages)
    for word in ("Asker kommune - målekart", "L.1.1", "L.2.3", "Innfases 2015", "Dette trenger oppmerksomhet"):
        assert word in text
