"""The patterns a printed scorecard is read with: ids, phase-in markers, the lines that name a
focus area or its focus goal. Pure."""

from __future__ import annotations

import re

# An id in text whose cells run together: ``L.1.``, ``L.1.1.Opplevelse``, ``innovasjonL.2.1.`` (glued
# to the goal's last word), ``MA.SYK``; never inside a number or another id.
TEXT_ID = re.compile(r"(?<![A-ZÆØÅ0-9.,])(?P<id>[A-ZÆØÅ]{1,4}(?:\.(?:\d{1,3}|[A-ZÆØÅ]{2,8}(?![^\W\d_]))){1,4})(?!\d)")
# An id at the start of a cell: ``L.1.1.Opplevelse``, ``Ø.1.1. Netto``, ``MA.SYK Sykefravær``.
CELL_ID = re.compile(
    r"(?P<id>[A-ZÆØÅ]{1,4}(?:\.(?:\d{1,3}|[A-ZÆØÅ]{2,8}))+)(?=\.(?:[^\W\d_]|\s|\(|$)|\s|\(|$)(?P<dot>\.?)\s*"
)
# ``Ny indikator fra 2015``, ``Innfases 2017``, ``Ny indikator\nfra 2017``: the year it is phased in.
PHASE_IN = re.compile(
    r"(?:ny\s+indikator|new\s+indicator|innfas(?:es|ing|ast|as)|infasas|phased\s+in)"
    r"(?:\s+(?:fra|frå|fom\.?|f\.o\.m\.?|i|from|in))?\s+(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
POSTPONED = re.compile(
    r"\(\s*(?:utsatt|utsett|uppskjuten|postponed)\s*\)|\b(?:utsatt|utsett|postponed)\b", re.IGNORECASE
)
# Result requirements printed in words (``Økning``, ``Uendret``, ``Nedgang``): in text whose cells run
# together, such cells read as the end of the name; a name ending in them is said at its row.
PROSE_BANDS = re.compile(
    r"(?:\s(?:økning|økt|auke|auka|ökning|ökad|increase|increased|nedgang|nedgong|minskning|minskad|reduksjon"
    r"|reduction|decrease|decreased|uendret|uendra|oförändrad|oförändrat|unchanged|stabil|stabilt|stable|bedre"
    r"|betre|bättre|better|dårligere|dårlegare|sämre|worse|høyere|høgare|högre|higher|lavere|lågare|lägre|lower"
    r"|ja|nei|yes|no)\.?)+$",
    re.IGNORECASE,
)
_AREA = re.compile(
    r"^(?:m[åa]l\s+for\s+fokusomr[åa]det?|fokusomr[åa]det?|focus\s+area)\s*:?\s+(?P<name>.+?)[.:]?\s*$", re.IGNORECASE
)
_INTRO_AREA = re.compile(r"^innledning\s+og\s+m[åa]l\s*[-\u2013:]\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_FOCUS_GOAL = re.compile(r"^(?:fokusm[åa]l|focus\s+goal)\s*:?\s+(?P<name>.+?)\.?\s*$", re.IGNORECASE)


def area_name(line: str) -> tuple[str, bool] | None:
    """The focus area a line names, and whether it says so plainly (``Mål for fokusområde X``)
    rather than in passing (``Innledning og mål - X``)."""
    text = " ".join(line.split())
    match = _AREA.match(text)
    if match:
        return match.group("name"), True
    match = _INTRO_AREA.match(text)
    return (match.group("name"), False) if match else None


def focus_goal(line: str) -> str | None:
    match = _FOCUS_GOAL.match(" ".join(line.split()))
    return match.group("name") if match else None


def is_title_line(line: str) -> bool:
    return area_name(line) is not None or focus_goal(line) is not None


def clean_name(text: str) -> str:
    """A name as printed, on one line, without the full stop that ends the cell."""
    name = " ".join(text.split()).strip()
    return name[:-1].rstrip() if name.endswith(".") and not name.endswith("..") else name
