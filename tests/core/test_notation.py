"""kpi_cli.bands.notation: band text as published -> intervals, the table of forms (see ARCHITECTURE.md)."""

from __future__ import annotations

import pytest
from band_cases import (
    D,
    above,
    at_least,
    at_most,
    below,
    closed,
    exact_interval,
    exactly,
)

from kpi_cli.bands.notation import BandSyntaxError, Relative, parse_band_text, parse_piece
from kpi_cli.model import Direction, Interval
from kpi_cli.rating.rate import UnratableValue

# --- 1. notation ----------------------------------------------------------------------

NOTATIONS = [
    ("4,5 - 6", [closed("4.5", "6")]),
    ("4 - 4,4", [closed("4", "4.4")]),
    ("> 5 %poeng", [above("5")]),
    ("< 2", [below("2")]),
    (">= 80 %", [at_least("80")]),
    ("≤ 7,5", [at_most("7.5")]),
    ("2–4,9", [closed("2", "4.9")]),
    ("-1 - 2", [closed("-1", "2")]),
    ("- 2,30", [exactly("-2.30")]),
    ("\u22123", [exactly("-3")]),
    ("minst 10", [at_least("10")]),
    ("mer enn 1,11", [above("1.11")]),
    ("mindre enn 1", [below("1")]),
    ("over 5", [above("5")]),
    ("under 2", [below("2")]),
    ("høyst 7", [at_most("7")]),
    ("10 eller mer", [at_least("10")]),
    ("7 eller mindre", [at_most("7")]),
    ("MINST 10 %", [at_least("10")]),
    ("Minst 10 %", [at_least("10")]),
    ("HØYST 7", [at_most("7")]),
    ("Mer Enn 1,11", [above("1.11")]),
    ("5 mill. kr.", [exactly("5")]),
    ("3 % reduksjon", [exactly("3")]),
    ("< 2\n%poeng", [below("2")]),
    ("1,00 - 1,29 %; 1,70 - 1,99 %", [closed("1.00", "1.29"), closed("1.70", "1.99")]),
    ("< 1,00 % og > 1,99 %", [below("1.00"), above("1.99")]),
    ("(4,9, 5]", [Interval(D("4.9"), D("5"), False, True)]),
    ("[4,5, 6)", [Interval(D("4.5"), D("6"), True, False)]),
    ("4.5 - 6", [closed("4.5", "6")]),
    ("  4,5   -   6  ", [closed("4.5", "6")]),
    ("4,5\u00a0-\u00a06", [closed("4.5", "6")]),
    # as printed (the rows of FORMS from real tables; every variant in test_printed_notation.py)
    ("250 - 299\n400 - 449", [closed("250", "299"), closed("400", "449")]),
    ("‹ 249", [below("249")]),
    ("› 2,00 %", [above("2.00")]),
    ("Meget bra (81-100 poeng)", [closed("81", "100")]),
    ("<1,00 - 1,29 %", [closed("1.00", "1.29")]),
    (">1,70 - 1,99 %", [closed("1.70", "1.99")]),
    # the comparison words of nb, nn, sv and en (issue 21), each with the interval it makes
    ("minst på 1,5 %", [at_least("1.5")]),
    ("minimum 1,5 %", [at_least("1.5")]),
    ("ikke under 3", [at_least("3")]),
    ("ikke mindre enn 3", [at_least("3")]),
    ("ikkje under 3", [at_least("3")]),
    ("ikkje mindre enn 3", [at_least("3")]),
    ("som minst 3", [at_least("3")]),
    ("lägst 3", [at_least("3")]),
    ("inte under 3", [at_least("3")]),
    ("inte mindre än 3", [at_least("3")]),
    ("at least 85 %", [at_least("85")]),
    ("no less than 85 %", [at_least("85")]),
    ("not below 85", [at_least("85")]),
    ("a minimum of 85", [at_least("85")]),
    ("mer enn 7", [above("7")]),
    ("meir enn 7", [above("7")]),
    ("fleire enn 7", [above("7")]),
    ("høgare enn 7", [above("7")]),
    ("större än 7", [above("7")]),
    ("över 7", [above("7")]),
    ("Över 7 %", [above("7")]),
    ("mer än 7", [above("7")]),
    ("fler än 7", [above("7")]),
    ("högre än 7", [above("7")]),
    ("more than 7", [above("7")]),
    ("greater than 7", [above("7")]),
    ("over 7", [above("7")]),
    ("above 7", [above("7")]),
    ("mindre enn 2", [below("2")]),
    ("færre enn 2", [below("2")]),
    ("lågare enn 2", [below("2")]),
    ("mindre än 2", [below("2")]),
    ("färre än 2", [below("2")]),
    ("lägre än 2", [below("2")]),
    ("under 2 %", [below("2")]),
    ("less than 2", [below("2")]),
    ("fewer than 2", [below("2")]),
    ("below 2", [below("2")]),
    ("maks 7,5", [at_most("7.5")]),
    ("maksimum 7,5", [at_most("7.5")]),
    ("maksimalt 7,5", [at_most("7.5")]),
    ("ikke over 7,5 %", [at_most("7.5")]),
    ("ikke mer enn 7,5", [at_most("7.5")]),
    ("høgst 7,5", [at_most("7.5")]),
    ("ikkje over 7,5", [at_most("7.5")]),
    ("ikkje meir enn 7,5", [at_most("7.5")]),
    ("högst 7,5", [at_most("7.5")]),
    ("maximalt 7,5", [at_most("7.5")]),
    ("som mest 7,5", [at_most("7.5")]),
    ("upp till 7,5", [at_most("7.5")]),
    ("inte över 7,5", [at_most("7.5")]),
    ("inte mer än 7,5", [at_most("7.5")]),
    ("at most 7.5", [at_most("7.5")]),
    ("no more than 7.5", [at_most("7.5")]),
    ("not more than 7.5", [at_most("7.5")]),
    ("up to 7.5", [at_most("7.5")]),
    ("maximum 7.5", [at_most("7.5")]),
    ("10 eller meir", [at_least("10")]),
    ("10 eller fleire", [at_least("10")]),
    ("10 eller fler", [at_least("10")]),
    ("10 or more", [at_least("10")]),
    ("7 eller lågare", [at_most("7")]),
    ("7 eller färre", [at_most("7")]),
    ("7 or less", [at_most("7")]),
    ("frå 4 til 6", [closed("4", "6")]),
    ("från 4 till 6", [closed("4", "6")]),
    ("< 1 % och > 2 %", [below("1"), above("2")]),
]


@pytest.mark.parametrize(("text", "expected"), NOTATIONS, ids=[repr(t) for t, _ in NOTATIONS])
def test_notation_reads_to_intervals(text: str, expected: list[Interval]) -> None:
    got = parse_band_text(text)
    assert len(got) == len(expected), got
    for piece, want in zip(got, expected, strict=True):
        assert isinstance(piece, Interval), piece
        assert exact_interval(piece, want), (piece, want)


SINGLE_PIECES = [(text, expected[0]) for text, expected in NOTATIONS if len(expected) == 1]


@pytest.mark.parametrize(("text", "expected"), SINGLE_PIECES, ids=[repr(t) for t, _ in SINGLE_PIECES])
def test_parse_piece_reads_single_interval(text: str, expected: Interval) -> None:
    got = parse_piece(text)
    assert isinstance(got, Interval)
    assert exact_interval(got, expected), (got, expected)


def test_minus_with_space_keeps_its_digits() -> None:
    (piece,) = parse_band_text("- 2,30")
    assert isinstance(piece, Interval)
    assert piece.low == D("-2.3") and piece.high == D("-2.3")
    assert piece.contains(D("-2.3")) and not piece.contains(D("2.3"))


def test_relative_wordings_read_as_relative() -> None:
    assert parse_piece("4,5 eller bedre") == Relative(D("4.5"), True)
    assert parse_piece("3,9 eller dårligere") == Relative(D("3.9"), False)
    assert Relative(D("4.5"), True).resolve(Direction.HIGHER_IS_BETTER) == at_least("4.5")
    assert Relative(D("4.5"), True).resolve(Direction.LOWER_IS_BETTER) == at_most("4.5")
    assert Relative(D("3.9"), False).resolve(Direction.HIGHER_IS_BETTER) == at_most("3.9")
    assert Relative(D("3.9"), False).resolve(Direction.LOWER_IS_BETTER) == at_least("3.9")


UNREADABLE = ["abc", "4 -", "minst", "5 - 4", "", "   ", "\n", "5 eller noe", "fire til fem", "> ", "4,5 - 6 - 7"]


@pytest.mark.parametrize("text", UNREADABLE, ids=[repr(t) for t in UNREADABLE])
def test_unreadable_band_text_raises(text: str) -> None:
    with pytest.raises(BandSyntaxError):
        parse_band_text(text)


def test_unreadable_message_quotes_the_text() -> None:
    with pytest.raises(BandSyntaxError, match="cannot read band 'abc'"):
        parse_piece("abc")
    with pytest.raises(BandSyntaxError, match="empty"):
        parse_piece("5 - 4")


def test_band_syntax_error_is_a_value_error() -> None:
    assert issubclass(BandSyntaxError, ValueError)
    assert issubclass(UnratableValue, ValueError)
