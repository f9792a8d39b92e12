"""kpi_cli.inert: text from a file made harmless for a terminal, and short enough to quote (issue 16)."""

from __future__ import annotations

import re

from kpi_cli.inert import excerpt, inert, inert_rendered, message_line

CLEAR = "\x1b[2J\x1b[3J"  # clear the screen and the scrollback
ATTACK = f"{CLEAR}\x1b]0;pwned\x07\x1b]8;;https://example.invalid\x1b\\click\x1b]8;;\x1b\\\x9b2J\u202eevil"


def test_inert_escapes_every_control_character() -> None:
    assert inert("a\x1bb\tc\nd\x9b\u202e\x00") == "a\\x1bb\tc\nd\\x9b\\u202e\\x00"
    assert inert(ATTACK) == (
        "\\x1b[2J\\x1b[3J\\x1b]0;pwned\\x07\\x1b]8;;https://example.invalid\\x1b\\click\\x1b]8;;\\x1b\\\\x9b2J\\u202eevil"
    )


def test_inert_rendered_keeps_only_the_renderers_colours() -> None:
    text = "\x1b[1;31mred\x1b[0m " + CLEAR
    assert inert_rendered(text, keep_colour=True) == "\x1b[1;31mred\x1b[0m \\x1b[2J\\x1b[3J"
    assert inert_rendered(text, keep_colour=False) == "\\x1b[1;31mred\\x1b[0m \\x1b[2J\\x1b[3J"


def test_inert_rendered_keeps_the_line_ends_of_a_csv_writer_only() -> None:
    # --format csv on a terminal: the writer's CRLF stays, a lone CR from a file is shown.
    assert inert_rendered("a;b\r\nc\rd;e\r\n", keep_colour=False) == "a;b\r\nc\\x0dd;e\r\n"


def test_excerpt_and_message_line_are_bounded() -> None:
    assert excerpt("x" * 200) == "'" + "x" * 80 + "…'"
    assert excerpt("a\x1b") == "'a\\x1b'"
    assert len(message_line("y" * 10**6)) == 2001
    assert re.fullmatch(r"z+…", message_line("z" * 5000))
