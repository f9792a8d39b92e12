"""The words of a band or target besides its numbers: units, comparison words, deadlines. Pure.

Issue 21: no word of a band is lost. The notation reads numbers, signs and the comparison
words of ``notation.WORDINGS``; a unit may follow a number. ``unread_words`` names what is
left, none of those and no known unit (nor a word of the indicator's own unit), so that
``kpi validate`` can say it (``target-words``): the band keeps its text as printed either way.
``deadline`` finds a deadline phrase (``innen 2030``, ``vid mandatperiodens slut``).
"""

from __future__ import annotations

import re

from ..number_format import NUMBER_PATTERN
from ..records import dataclass
from .notation import FORMS_BY_NAME, WORDINGS, band_lines, normalise

# Units and unit words that published bands write after a number, in nb, nn, sv and en.
KNOWN_UNITS = frozenset(
    {
        *("%", "%-poeng", "%poeng", "%-poäng", "pp", "p", "prosent", "prosentpoeng", "prosentpoint", "procent"),
        *("procentenheter", "procentenhet", "procentpoäng", "percent", "per", "cent", "percentage", "points"),
        *("point", "pts", "poeng", "poäng", "score", "kr", "kr.", "kroner", "kronor", "nok", "sek", "mill.", "mill"),
        *("mnok", "mrd.", "mrd", "mdr.", "tkr", "tkr.", "mkr", "mnkr", "million", "millioner", "miljoner"),
        *("dager", "dagar", "døgn", "dygn", "days", "timer", "timar", "timmar", "hours", "uker", "veker", "veckor"),
        *("weeks", "måneder", "månader", "months", "år", "years", "min", "minutter", "minutt", "minuter"),
        *("minutes", "personer", "persons", "people", "stk", "stk.", "st", "st.", "antall", "tal", "antal"),
        *("per", "pr.", "pr", "innbyggere", "innbyggjarar", "invånare", "inhabitants", "1000", "‰"),
    }
)

# Patterns as text, compiled on first use by re (and kept in its cache): the words of most files
# are never asked for, and compiling these costs a run's start-up more than reading its bands.
_SIGNS = r"[<>=\u2264\u2265\u2039\u203a\-\u2013\u2014\u2212()\[\];,:/]"
_JOINS = frozenset({"til", "till", "to", "og", "och", "and", "fra", "frå", "från", "from"})


def _phrases(words: tuple[str, ...]) -> str:
    alternatives = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)"


_COMPARISONS = _phrases(tuple(word for words in WORDINGS.values() for word in words))


# --- deadlines --------------------------------------------------------------------------

# '... innen 2030', 'ved utgangen av 2025', 'by 2030': the year is in the phrase.
_BY_YEAR = (
    *("innen utgangen av", "innan utgangen av", "ved utgangen av", "ved utgongen av", "innen", "innan", "innen år"),
    *("i løpet av", "i løpet av år", "senest", "senast", "senast år", "vid utgången av", "före utgången av"),
    *("by the end of", "by end of", "by", "no later than", "before the end of"),
)
# '... vid mandatperiodens slut': the year is the end of the term, which the file gives.
_TERM_END = (
    *("ved periodens slutt", "ved slutten av perioden", "ved utgangen av perioden", "innen periodens slutt"),
    *("ved utgangen av planperioden", "innen utgangen av planperioden", "i planperioden", "innen planperioden"),
    *("ved mandatperiodens slutt", "innan utgangen av perioden", "ved slutten av planperioden"),
    *("vid mandatperiodens slut", "vid periodens slut", "under mandatperioden", "vid planperiodens slut"),
    *("by the end of the term", "by the end of the period", "by the end of the plan period", "within the term"),
)
_YEAR_PHRASE = rf"\s+(?P<words>{_phrases(_BY_YEAR)})\s+(?P<year>(?:19|20|21)\d\d)\s*\.?$"
_TERM_PHRASE = rf"\s+(?P<words>{_phrases(_TERM_END)})\s*\.?$"


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase found at the end of a target: the text before it, and its year
    (``None`` for the end of the term, which the definitions give)."""

    text: str
    year: int | None
    words: str


def deadline(text: str) -> Deadline | None:
    """The deadline phrase at the end of ``text``, or None: ``35 500 innen 2030`` gives
    ('35 500', 2030); ``35 500 personer vid mandatperiodens slut`` gives ('35 500 personer', None)."""
    clean = normalise(text)
    found = re.search(_YEAR_PHRASE, clean, re.IGNORECASE)
    if found is not None and any(ch.isdigit() for ch in clean[: found.start()]):
        return Deadline(clean[: found.start()].strip(), int(found.group("year")), found.group("words"))
    found = re.search(_TERM_PHRASE, clean, re.IGNORECASE)
    if found is not None and any(ch.isdigit() for ch in clean[: found.start()]):
        return Deadline(clean[: found.start()].strip(), None, found.group("words"))
    return None


# --- words not read ---------------------------------------------------------------------


def unread_words(text: str, unit: str | None = None, with_deadline: bool = False) -> list[str]:
    """The words of a band's text that nothing reads: not a number, sign, comparison word,
    known unit or word of the indicator's ``unit`` (nor the deadline phrase, ``with_deadline``:
    a target whose deadline was read); a labelled range's label (``Meget bra (81-100 poeng)``)
    is shown by design and not counted."""
    own = {word.lower() for word in (unit or "").split()}
    left: list[str] = []
    for line in band_lines(text):
        found = deadline(line) if with_deadline else None
        line = found.text if found else line
        labelled = FORMS_BY_NAME["labelled"].match(normalise(line))
        if labelled is not None:
            line = labelled.group("inner")
        words = re.sub(_COMPARISONS, " ", line, flags=re.IGNORECASE)
        rest = re.sub(_SIGNS, " ", re.sub(NUMBER_PATTERN, " ", words))
        for word in rest.split():
            bare = word.lower().rstrip(".")
            if word.lower() in KNOWN_UNITS or bare in KNOWN_UNITS or bare in own or word.lower() in own:
                continue
            if bare in _JOINS or not any(ch.isalpha() for ch in word):
                continue
            left.append(word)
    return left
