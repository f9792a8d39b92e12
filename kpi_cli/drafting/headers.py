"""The words printed scorecards head their columns with (nb, nn, sv, en), and the role each gives
its column: the goal, the indicator, a band, a target, a unit, or a year's result. Pure."""

from __future__ import annotations

import re

from .cells import BANDS, GOAL, INDICATOR, TARGET, UNIT, result_role

_YEAR = r"(?:19|20)\d\d"
_FOUR = re.compile(_YEAR)
_NOT_A_YEAR = r"(?!\s*(?:19|20)\d\d)"
# Each role and the ways it is printed, most specific first; the results columns carry their year.
VOCABULARY: tuple[tuple[str, str], ...] = (
    (GOAL, r"sentrale\s*utfordringar|sentrale\s*utfordringer|hovedm[åa]l|delm[åa]l|m[åa]lomr[åa]de|goals?\b"),
    (INDICATOR, r"m[åa]le-?\s*indikator(?:er|ar)?|indikator(?:er|ar)?|indicators?\b|n[øo]kkeltall"),
    (BANDS[0], rf"[øo]nske?t\s*resultat{_NOT_A_YEAR}|[öo]nskat\s*resultat|[øo]nsket\b|desired(?:\s*result)?"),
    (
        BANDS[1],
        rf"(?:laveste|l[åa]gaste|l[äa]gsta)\s*(?:akseptert|godtagn)\w*(?:\s*resultat{_NOT_A_YEAR})?"
        r"|akseptabelt|lowest\s*accepted(?:\s*result)?|accepted",
    ),
    (
        BANDS[2],
        rf"(?:ikke|ikkje)\s*godkjent(?:\s*resultat{_NOT_A_YEAR})?|ej\s*godk[äa]nt(?:\s*resultat{_NOT_A_YEAR})?"
        r"|ikke\s*akseptabelt|not\s*approved",
    ),
    ("result", rf"(?:resultat|result|utfall)\s*{_YEAR}|{_YEAR}"),
    (TARGET, r"m[åa]ls[ae]t(?:t|n)ing|m[åa]ltall|target"),
    (UNIT, r"m[åa]le-?\s*enhet|enhet|unit"),
)
# Titles printed above a table's header: no column of their own.
TITLES = re.compile(r"^(?:m[åa]l|m[åa]lekart|styringskort|styrkort|scorecard|goals)[.:]?$", re.IGNORECASE)

_ANY = re.compile("|".join(f"(?P<r{n}>{pattern})" for n, (_, pattern) in enumerate(VOCABULARY)), re.IGNORECASE)


def _named(match: re.Match[str]) -> str:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("r"):
            role = VOCABULARY[int(name[1:])][0]
            if role == "result":
                year = _FOUR.search(value)
                assert year is not None
                return result_role(int(year.group()))
            return role
    raise AssertionError(match)  # pragma: no cover - one group always matched


def role_of(text: str) -> str | None:
    """The role of a column headed by ``text`` (the whole cell), or None."""
    clean = " ".join(text.split()).strip(" :.*")
    match = _ANY.fullmatch(clean)
    return _named(match) if match else None


def roles_in(text: str) -> tuple[list[str], str]:
    """The roles of the headers run together in ``text`` (``Sentrale utfordringerMåleindikatorer``),
    in order, and what is left that no header word reads."""
    roles: list[str] = []
    left: list[str] = []
    end = 0
    for match in _ANY.finditer(text):
        left.append(text[end : match.start()])
        roles.append(_named(match))
        end = match.end()
    left.append(text[end:])
    rest = " ".join(" ".join(left).split())
    return roles, "" if TITLES.match(rest) else rest
