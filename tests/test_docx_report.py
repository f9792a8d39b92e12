"""The Word report (`-o rapport.docx`), read back with python-docx: a heading per focus area
with its focus goal, a caption and one table in the printed layout with shaded status cells
(symbol and word too), what needs attention first, landscape A4, and `--reference-doc`
taking a municipality's styles, header, footer and logo. The service-areas example and the
templates made here are made up; the seed's 2014 results are published."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from conftest import REPO_ROOT, SEED_INDICATORS, SEED_RESULTS

docx = pytest.importorskip("docx")
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from kpi_cli.render.docx_parts import fill_of  # noqa: E402

EXAMPLE = REPO_ROOT / "examples" / "service-areas"


def seed_report(kpi, tmp_path: Path, *args: str):
    target = tmp_path / "rapport.docx"
    done = kpi("evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "-o", str(target), *args)
    assert done.exit_code == 0, done.stderr
    return docx.Document(str(target))


@pytest.fixture
def example(kpi, tmp_path: Path):
    target = tmp_path / "rapport.docx"
    results = str(EXAMPLE / "results-2015-2017.csv")
    done = kpi("evaluate", results, "--indicators", str(EXAMPLE / "indicators.yaml"), "-o", str(target))
    assert done.exit_code == 1, done.stderr
    return docx.Document(str(target))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def texts(row) -> list[str]:
    return [cell.text for cell in row.cells]


def test_the_seed_in_the_printed_layout(kpi, tmp_path: Path) -> None:
    document = seed_report(kpi, tmp_path)
    assert styled(document, "Title") == ["Asker kommune - målekart · 2014"]
    assert styled(document, "Heading 1") == ["Dette trenger oppmerksomhet", "Fokusområde L: Læring og fornyelse"]
    assert "Fokusmål: Fremtidsrettet og lærende organisasjon" in [p.text for p in document.paragraphs]
    assert styled(document, "Caption") == ["Tabell 1: Læring og fornyelse · 2014 (● 2 av 2 ønsket)"]
    [table] = document.tables
    head = ["Id", "Måleindikator", "Ønsket", "Laveste akseptert", "Ikke godkjent", "2014", "Status", "Kommentar"]
    assert texts(table.rows[0]) == head
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert list(rows) == ["L", "L.1", "L.1.1", "L.1.2", "L.2", "L.2.1", "L.2.2", "L.2.3"]
    first = texts(rows["L.1.1"])
    assert first[2:7] == ["4,5 - 6", "4 - 4,4", "0 - 3,9", "4,51", "● Ønsket resultat"]
    assert fill_of(rows["L.1.1"].cells[6]) == "E3F4E8"  # the HTML badge's green
    assert rows["L"].cells[6].text == "● 2 av 2 ønsket" and rows["L"].cells[1].paragraphs[0].runs[0].bold
    assert texts(rows["L.2.2"])[5:7] == ["–", "○ Innfases 2017 (utsatt)"]
    assert rows["L.1.1"].cells[6].paragraphs[0].runs[0].font.size == Pt(9)


def test_landscape_a4(kpi, tmp_path: Path) -> None:
    [section] = seed_report(kpi, tmp_path).sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_nothing_needs_attention_in_the_seed(kpi, tmp_path: Path) -> None:
    paragraphs = [p.text for p in seed_report(kpi, tmp_path).paragraphs]
    start = paragraphs.index("Dette trenger oppmerksomhet")
    assert paragraphs[start + 1] == "Ingen resultater på laveste nivå, ingen tilbakegang, ingen mangler."


def test_what_needs_attention_comes_first(example) -> None:
    listed = styled(example, "List Bullet")
    assert [line.split(" ")[0] for line in listed] == ["L.2.1", "L.1.1", "L.1.1", "L.1.2"]
    assert listed[1].startswith("L.1.1 (Helse og omsorg) Opplevelse av at organisasjonen")
    assert listed[1].endswith(": 3,3 ✖ ikke godkjent · verre enn 2016 — Kommentar: oppdiktet (made up)")
    assert listed[3].endswith(": – ? mangler — Kommentar: oppdiktet (made up)")
    body = [p.text for p in example.paragraphs]
    assert body.index("Dette trenger oppmerksomhet") < body.index("Fokusområde L: Læring og fornyelse")


def test_org_units_years_and_comments(example) -> None:
    assert styled(example, "Heading 1")[1:3] == ["Hele kommunen", "Helse og omsorg"]
    assert styled(example, "Caption")[1] == "Tabell 2: Læring og fornyelse · 2017 · Helse og omsorg (✖ 0 av 2 ønsket)"
    table = example.tables[0]
    assert texts(table.rows[0])[5:] == ["2016", "2017", "Endring", "Status", "Kommentar"]
    red = next(row for row in table.rows if row.cells[0].text == "L.2.1")
    assert texts(red)[5:] == ["4,0", "1,5", "↓ -2,5 verre", "✖ Ikke godkjent resultat", "oppdiktet (made up)"]
    assert fill_of(red.cells[8]) == "FDE4E2"


def tiny_png() -> bytes:
    """A 1x1 red PNG (made up: the template's 'logo')."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


def test_a_reference_doc_gives_its_styles_header_footer_and_logo(kpi, tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Heading 1"].font.size = Pt(20)
    header = template.sections[0].header
    header.paragraphs[0].text = "Eksempel kommune (made up)"
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    header.add_paragraph().add_run().add_picture(str(logo), width=Mm(20))
    template.sections[0].footer.paragraphs[0].text = "Saksframlegg (made up)"
    template.add_paragraph("Malens egen tekst (made up): skal ikke med")
    template.save(str(tmp_path / "mal.docx"))
    document = seed_report(kpi, tmp_path, "--reference-doc", str(tmp_path / "mal.docx"))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.size == Pt(20)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Eksempel kommune (made up)"
    assert section.footer.paragraphs[0].text == "Saksframlegg (made up)"
    assert any("image" in rel.reltype for rel in section.header.part.rels.values())
    assert "Malens egen tekst (made up): skal ikke med" not in [p.text for p in document.paragraphs]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert document.tables[0].rows[0].cells[0].text == "Id"


def test_reference_doc_errors(kpi, tmp_path: Path, assert_error) -> None:
    seed = ["evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS)]
    bad = tmp_path / "mal.docx"
    bad.write_text("not a Word file (made up)", encoding="utf-8")
    assert_error(
        kpi(*seed, "-o", str(tmp_path / "r.docx"), "--reference-doc", str(bad)),
        [f"{bad}: error: cannot read it as a Word template: not a .docx file [usage]"],
    )
    assert_error(
        kpi(*seed, "-o", str(tmp_path / "r.json"), "--reference-doc", str(bad)),
        ["kpi: error: --reference-doc is for the Word report (-o rapport.docx), not --format json [usage]"],
    )
    assert not (tmp_path / "r.docx").exists() and not (tmp_path / "r.json").exists()
