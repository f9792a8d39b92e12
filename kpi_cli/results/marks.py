"""Whether ``12.500`` is twelve and a half or twelve thousand five hundred. Pure.

A number written with one mark and three digits after it (``1.234``, ``12,500``, ``-4.510 %``)
reads two ways: the mark may end the whole number (decimals) or group its thousands. A careful
reader decides by the file's other numbers: where they write decimals with the same mark
(``4,51`` beside ``12,500``), so does this one. Where the file writes no decimal that settles it,
its dialect does, as kpi's own CSV reports and Excel write: a file separated by ``,`` holds
decimal points; else a value column headed in English (``value``, ``result``) decimal points,
and any other (``verdi``, ``resultat``) decimal commas (``8,333``). Where the file writes its
decimals with the other mark (or with both), kpi cannot tell either, and says so at the line
(``ambiguous-number``) rather than rate a value that may be a thousand times off.

Only delimited text is judged: a number typed into an Excel cell is a number, not text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..errors import Collector, ResultsError, Said
from ..inert import excerpt
from ..report import ResultRow
from .dialects import FileLog

# One mark, three digits after it, an integer part that could be a thousands group (not 0,125).
_TWO_WAYS = re.compile(r"^[-\u2212\u2013]?\s?[1-9]\d{0,2}(?P<mark>[.,])\d{3}(?![\d.,])")
# A decimal that settles the mark: not three digits after it, both marks (1.234,5: the last), four
# digits or a space group before it (10000,125 and 1 234,567 group no further), or a whole part of 0.
_SETTLED = re.compile(
    r"\d(?P<mark>[.,])(?:\d{1,2}|\d{4,})(?![\d.,])"
    r"|\d[.,]\d{3}(?P<last>[.,])\d"
    r"|(?:\d{4}|\d\s\d{3})(?P<grouped>[.,])\d"
    r"|^[-\u2212\u2013]?\s?0(?P<zero>[.,])\d"
)


_WORD = {".": "comma", ",": "point"}  # the other mark's name: the one the file writes decimals with


@functools.lru_cache(maxsize=1 << 12)
def _two_ways(text: str) -> str | None:
    """The mark of a number that reads two ways, else None."""
    match = _TWO_WAYS.match(text)
    return match.group("mark") if match else None


@functools.lru_cache(maxsize=1 << 12)
def _settled(text: str) -> str | None:
    """The decimal mark a number shows beyond doubt, else None."""
    if _two_ways(text):
        return None
    match = _SETTLED.search(text)
    return next((mark for mark in match.groups() if mark), None) if match else None


# the value column's name: its language's decimal mark
_HEADED = {"value": ".", "result": ".", "verdi": ",", "resultat": ",", "värde": ","}


def _usual(delimiter: str, header: str) -> tuple[str, str, Said]:
    """The decimal mark a file with no decimal of its own writes, and what says so: as kpi's CSV
    reports and Excel write, points with ``,`` (a decimal comma would need quotes), else the
    language of the value column, else commas."""
    name = header.strip().lower()
    if delimiter != "," and name in _HEADED:
        return (
            _HEADED[name],
            f"a value column headed {name!r}",
            (("says_key", "ambiguous.headed"), ("name", repr(name))),
        )
    separated = "tabs" if delimiter == "\t" else repr(delimiter)
    said: Said = (("says_key", "ambiguous.separated"), ("separated", separated))
    said += (("separated_key", "ambiguous.tabs" if delimiter == "\t" else ""),)
    return ("." if delimiter == "," else ","), f"a file separated by {separated}", said


def undecided(texts: Iterable[str], delimiter: str, header: str = "") -> dict[str, tuple[str, Said]]:
    """Of one file's value texts, those that read two ways and that neither the file's own decimals
    nor its language (the value column's ``header``) or ``delimiter`` settle, each with why, in
    English as the other problems of a row, and its values for the catalogue (``Problem.key``)."""
    distinct = set(texts)
    doubtful = {text: mark for text in distinct if (mark := _two_ways(text))}
    if not doubtful:
        return {}
    marks = {mark for text in distinct if (mark := _settled(text))}
    usual, says, says_said = _usual(delimiter, header)
    found: dict[str, tuple[str, Said]] = {}
    for text, mark in doubtful.items():
        if (marks or {usual}) == {mark}:  # the file writes its decimals with this mark: so does this number
            continue
        number = text.split()[0] if text[:1].isdigit() else text[0] + text[1:].split()[0]  # - 7,250 % -> -7,250
        whole, part = number.split(mark)
        grouped, decimal = f"{whole} {part}", f"{whole},{part}"
        if not marks:
            why = f"no other number in the file writes decimals, and {says} writes decimal {_WORD[mark]}s"
        elif mark in marks:
            why = "the file writes decimals both with a comma and with a point"
        else:
            why = f"the file writes decimals with a {_WORD[mark]}"
        message = (
            f"value {excerpt(text, 40)} reads two ways, {decimal} or {grouped}, and {why}: "
            f"write {decimal} or {whole}{part}"
        )
        why_key = "ambiguous.none" if not marks else "ambiguous.both" if mark in marks else "ambiguous.other"
        said: Said = (("text", excerpt(text, 40)), ("decimal", decimal), ("grouped", grouped), ("write", whole + part))
        said += (("why_key", why_key), *says_said, ("mark_key", f"ambiguous.{_WORD[mark]}"))
        found[text] = message, said
    return found


def reject_undecided(rows: list[ResultRow], start: int, log: FileLog, problems: Collector) -> None:
    """The rows of one delimited file from ``start`` whose value reads two ways (``12.500``) that
    the file's own decimals do not settle: rejected at their lines."""
    found = undecided((row.raw for row in rows[start:]), log.delimiter, dict(log.columns).get("value", ""))
    if not found:
        return
    kept = []
    for row in rows[start:]:
        why = found.get(row.raw)
        if why is None:
            kept.append(row)
            continue
        where = row.location
        error = ResultsError(
            f"{row.indicator}: {why[0]}",
            code="ambiguous-number",
            path=where.path if where else log.path,
            line=where.line if where else None,
            key="ambiguous-number",
            values=(("indicator", row.indicator), *why[1]),
        )
        log.rejected.append(error)
        problems.add(error)
    rows[start:] = kept
