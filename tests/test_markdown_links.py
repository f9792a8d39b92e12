"""Bare URLs from files do not become links in the Markdown report (issue 16). The data is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS
from markdown_it import MarkdownIt

from kpi_cli.cli import main
from kpi_cli.render.markdown import escape


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("see https://evil.example/x", "see https:\\//evil.example/x"),
        ("www.evil.example", "www\\.evil.example"),
        ("WWW.Evil.example", "WWW\\.Evil.example"),
        ("ftp://x and http://y", "ftp:\\//x and http:\\//y"),
        ("a:b, wwwx.no, xwww.no", "a:b, wwwx.no, xwww.no"),
    ],
)
def test_bare_urls_are_escaped(text: str, escaped: str) -> None:
    assert escape(text) == escaped
    # CommonMark reads the escapes back to the text itself: nothing is lost but the link.
    assert MarkdownIt("commonmark").render(escaped) == f"<p>{text}</p>\n"


def test_an_org_unit_with_a_url_is_no_link_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "2014.csv"
    path.write_text("indikator;enhet;verdi\nL.1.1;https://evil.example;4,5\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), "--format", "markdown"]
    )
    assert result.exit_code == 0, result.stderr
    assert "https:\\//evil.example" in result.stdout and "://" not in result.stdout
