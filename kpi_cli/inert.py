"""Text from a file made harmless for a terminal, and short enough to quote.

A name, org unit or cell may carry control characters: ESC sequences that clear the
screen, move the cursor, set the window title or make links. Before such text reaches a
terminal or stderr it passes :func:`inert`, which shows every control character as a
visible escape (ESC as ``\\x1b``), and messages quote file content through
:func:`excerpt`, which also bounds its length.
"""

from __future__ import annotations

import re

from .limits import EXCERPT_CHARS, MAX_MESSAGE_CHARS

# C0 controls but tab and line feed, DEL, C1 controls, and the Unicode bidi overrides and
# isolates that reorder what a terminal shows (the "Trojan Source" characters).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The colour codes (SGR) a renderer writes itself: kept when the output is in colour.
_SGR = re.compile("\x1b\\[[0-9;]*m")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with every control character (tab and line feed aside) written as an escape."""
    return _CONTROL.sub(_escaped, text)


def inert_rendered(text: str, *, keep_colour: bool) -> str:
    """A renderer's output for a terminal: inert, but for the colour codes when in colour and
    the CRLF line ends a CSV writer puts (harmless: no CR from a file survives :func:`inert`)."""
    if "\r\n" in text:
        return "\r\n".join(inert_rendered(piece, keep_colour=keep_colour) for piece in text.split("\r\n"))
    if not keep_colour:
        return inert(text)
    pieces = _SGR.split(text)
    codes = _SGR.findall(text)
    out = [inert(pieces[0])]
    for code, piece in zip(codes, pieces[1:], strict=True):
        out += [code, inert(piece)]
    return "".join(out)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short quoted excerpt of a file's text for a message, escaped as Python's repr does:
    ``'abc'``, or ``'abcd…'`` when longer than ``limit`` characters."""
    shown = repr(text[:limit])
    return shown if len(text) <= limit else f"{shown[:-1]}…{shown[-1]}"


def message_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """One line for stderr: inert, and cut at ``limit`` characters (``…``) whatever it quotes."""
    shown = inert(text)
    return shown if len(shown) <= limit else shown[:limit] + "…"
