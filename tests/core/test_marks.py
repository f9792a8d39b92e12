"""A number that reads two ways, decimals or thousands (``12.500``), weighed against the file's
other numbers (kpi_cli/results/marks.py). Every value here is made up."""

from __future__ import annotations

import pytest

from kpi_cli.results.marks import undecided

COMMA, POINT = "the file writes decimals with a comma", "the file writes decimals with a point"
BOTH = "the file writes decimals both with a comma and with a point"
NONE = "no other number in the file writes decimals, and a file separated by {} writes decimal {}s"
HEADED = "no other number in the file writes decimals, and a value column headed {} writes decimal {}s"


@pytest.mark.parametrize(
    ("texts", "delimiter", "why"),
    [
        # the file's own decimals settle the mark: read as decimals, nothing said
        (["4,51", "4,510"], ";", {}),
        (["4.5", "4.510", "12.500 %"], ";", {}),
        (["1.234,5", "2,250"], ",", {}),  # 1.234,5 groups with the point: the comma is the decimal mark
        # no other decimal: the separator settles it, as Excel writes decimals with it
        (["120", "8,333"], ";", {}),
        (["120", "8,333"], "\t", {}),
        (["120", "8.333"], ",", {}),
        # four digits or a space group before the mark: a decimal, which settles the file's mark
        (["10000,125", "4,510"], ",", {}),
        (["1 234,567", "4,510"], ",", {}),
        # the other mark, both marks, or against the separator: kpi cannot tell, and says so
        (["4,51", "1.234"], ";", {"1.234": ("1,234 or 1 234", COMMA, "1,234 or 1234")}),
        (["4.51", "12,500"], ";", {"12,500": ("12,500 or 12 500", POINT, "12,500 or 12500")}),
        (["4,5", "4.72", "1.234"], ";", {"1.234": ("1,234 or 1 234", BOTH, "1,234 or 1234")}),
        (["12.500", "980"], ";", {"12.500": ("12,500 or 12 500", NONE.format("';'", "comma"), "12,500 or 12500")}),
        (["12.500"], "\t", {"12.500": ("12,500 or 12 500", NONE.format("tabs", "comma"), "12,500 or 12500")}),
        (["12,500"], ",", {"12,500": ("12,500 or 12 500", NONE.format("','", "point"), "12,500 or 12500")}),
        (["1.234,5", "2.250"], ";", {"2.250": ("2,250 or 2 250", COMMA, "2,250 or 2250")}),
        (["-7,250 %", "3.5"], ";", {"-7,250 %": ("-7,250 or -7 250", POINT, "-7,250 or -7250")}),
        # never two ways: no whole part to group, four digits after the mark, or a group of two
        (["0,125", "4,5125", "12,50", "1234", "1 234", ""], ";", {}),
    ],
)
def test_a_number_that_reads_two_ways_is_read_only_where_the_file_settles_it(texts, delimiter, why) -> None:
    assert _messages(undecided(texts, delimiter)) == _said(why)


@pytest.mark.parametrize(
    ("texts", "delimiter", "header", "why"),
    [
        # with ; or tabs, the value column's language settles a file with no decimal (as kpi's own reports write)
        (["1.000"], "\t", "value", {}),
        (["1.000"], ";", "Value", {}),
        (["1,000"], "\t", "resultat", {}),
        (["1,000"], ";", "nøkkeltall", {}),  # a name in no language: commas
        (["12.500"], ";", "verdi", {"12.500": ("12,500 or 12 500", HEADED.format("'verdi'", "comma"), "12,500")}),
        (["12,500"], "\t", "value", {"12,500": ("12,500 or 12 500", HEADED.format("'value'", "point"), "12,500")}),
        # with , a decimal comma would need quotes: points, whatever the header (kpi's nb report so too)
        (["1.000"], ",", "verdi", {}),
        # the file's own decimals come first
        (["4,5", "1.000"], ";", "value", {"1.000": ("1,000 or 1 000", COMMA, "1,000 or 1000")}),
    ],
)
def test_with_no_decimal_of_its_own_a_file_is_read_in_the_language_of_its_value_column(
    texts, delimiter, header, why
) -> None:
    assert _messages(undecided(texts, delimiter, header)) == _said(why)


def _messages(found: dict[str, tuple[str, object]]) -> dict[str, str]:
    """undecided's English messages (beside each, its values for the catalogue: test_messages_language)."""
    return {text: message for text, (message, _) in found.items()}


def _said(why: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """The messages: readings, reason and what to write, whose second half (12500) is the first's
    digits; given whole where it differs."""
    said = {}
    for text, (readings, reason, write) in why.items():
        write = write if " or " in write else f"{write} or {write.replace(',', '')}"
        said[text] = f"value '{text}' reads two ways, {readings}, and {reason}: write {write}"
    return said


def test_a_file_of_counts_grouped_with_points_is_rejected_at_each_line(kpi, tmp_path, assert_error) -> None:
    """Counts typed as 12.500 in a file with no decimals would be read a thousand times too small."""
    path = tmp_path / "2014.csv"
    path.write_text("indikator;år;verdi\nL.1.1;2014;4\nL.1.2;2014;12.500\n", encoding="utf-8")
    result = kpi("evaluate", str(path), "--format", "csv")
    assert_error(
        result,
        [
            f"{path}:3: error: L.1.2: verdien '12.500' kan leses på to måter, 12,500 eller 12 500, og ingen andre "
            "tall i filen har desimaler, og en verdikolonne med overskriften 'verdi' skriver desimaler med komma: "
            "skriv 12,500 eller 12500 [ambiguous-number]"
        ],
    )
