"""Text that leaves the tool: what a spreadsheet would run as a formula. Pure.

One definition for the whole tool: the definitions reader refuses an id that
starts like a formula (so a template or CSV never has to alter one), and the
CSV writers neutralise any other text that does.
"""

from __future__ import annotations

import functools

# What makes Excel, LibreOffice or Google Sheets start a formula (the full-width
# forms too, which some locales turn into the ASCII ones).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` (or ``text`` after its leading spaces) as a formula."""
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


@functools.lru_cache(maxsize=1 << 12)
def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made plain text with a leading apostrophe.
    Remembered: a CSV report of a million results writes a few thousand texts (ids, names, bands)
    about fourteen times a row."""
    return "'" + text if starts_formula(text) else text
