"""Warnings about a scorecard that loads: gaps between bands, indicators without bands;
and silencing warnings by code. Pure.

A warning is silenced when its code is in the file's ``ignore:``, in the
``ignore:`` of the indicator it is about, or in the ``--ignore`` codes the
command was given. Errors are never silenced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .bands import gaps
from .codes import Severity, not_ignorable
from .errors import Problem, UsageError
from .model import BandVersion, Scorecard
from .notation import format_interval
from .number_format import DECIMAL_COMMA
from .phase_in import states


def check_ignore(codes: Sequence[str]) -> tuple[str, ...]:
    """``--ignore`` codes as given; a UsageError for one that is no warning's code."""
    for code in codes:
        refused = not_ignorable(code)
        if refused is not None:
            raise UsageError(f"--ignore {refused[1]}", code=refused[0])
    return tuple(codes)


def silenced(problem: Problem, scorecard: Scorecard, ignore: Sequence[str] = ()) -> bool:
    if problem.severity is Severity.ERROR:
        return False
    if problem.code in scorecard.ignore or problem.code in ignore:
        return True
    indicator = scorecard.indicator_map().get(problem.indicator)
    return indicator is not None and problem.code in indicator.ignore


def unsilenced(problems: Iterable[Problem], scorecard: Scorecard, ignore: Sequence[str] = ()) -> list[Problem]:
    """The problems that no ``ignore:`` or ``--ignore`` silences."""
    return [problem for problem in problems if not silenced(problem, scorecard, ignore)]


def gap_warnings(scorecard: Scorecard, ignore: Sequence[str] = ()) -> list[Problem]:
    """Each gap between neighbouring bands, of every band version, as a warning at its line."""
    mark = "," if scorecard.language in DECIMAL_COMMA else "."
    warnings: list[Problem] = []
    for indicator in scorecard.indicators():
        for version in indicator.versions or (BandVersion(indicator.bands, indicator.direction),):
            which = f" ({version.org_unit})" if version.org_unit else ""
            which += f" (bands from {version.from_year})" if version.from_year else ""
            loc = version.location or indicator.location
            for gap in gaps(version.bands):
                if gap.below is gap.above:
                    continue
                message = (
                    f"{indicator.id}{which}: values in {format_interval(gap.interval, mark)} fall "
                    f"between {gap.below.value} and {gap.above.value}; rated {gap.rated(indicator.gap_policy)} "
                    f"under gap policy {indicator.gap_policy.value}"
                )
                where = (loc.path, loc.line, loc.column) if loc else (scorecard.path, None, None)
                warnings.append(Problem(message, "band-gap", Severity.WARNING, *where, indicator=indicator.id))
    return unsilenced(warnings, scorecard, ignore)


def findings(scorecard: Scorecard, year: int, ignore: Sequence[str] = ()) -> list[Problem]:
    """Indicators phased in by ``year`` that have no bands, each a warning at the indicator."""
    found = []
    for item in states(scorecard, year):
        if item.needs_bands:
            indicator = item.indicator
            since = f"is phased in from {indicator.phase_in.year}" if indicator.phase_in else "is active"
            loc = indicator.location
            where = (loc.path, loc.line, loc.column) if loc else (scorecard.path, None, None)
            message = f"{indicator.id} {since} but has no bands"
            found.append(Problem(message, "no-bands", Severity.WARNING, *where, indicator=indicator.id))
    return unsilenced(found, scorecard, ignore)
