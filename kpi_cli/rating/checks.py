"""Warnings and notes about a scorecard that loads: gaps between bands, indicators without
bands, how printed band text was read; and silencing them by code. Pure.

A warning is silenced when its code is in the file's ``ignore:``, in the
``ignore:`` of the indicator it is about, or in the ``--ignore`` codes the
command was given. Errors are never silenced.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence

from ..bands.notation import BandSyntaxError, format_interval, glued_signs, parse_band_text
from ..bands.order import Gap, gaps, holds_written_value, precision
from ..bands.words import unread_words
from ..codes import Severity, not_ignorable
from ..errors import Problem, UsageError
from ..model import Band, BandVersion, GapPolicy, Indicator, Interval, Scorecard, Status, worse
from ..number_format import DECIMAL_COMMA, format_number
from .phase_in import states

Where = tuple[str | None, int | None, int | None]  # path, line, column


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


def _band_versions(scorecard: Scorecard) -> Iterator[tuple[Indicator, str, BandVersion, Where]]:
    """Every band version of every indicator, with the words that tell it apart and its place."""
    for indicator in scorecard.indicators():
        for version in indicator.versions or (BandVersion(indicator.bands, indicator.direction),):
            which = f" ({version.org_unit})" if version.org_unit else ""
            which += f" (bands from {version.from_year})" if version.from_year else ""
            loc = version.location or indicator.location
            yield indicator, which, version, (loc.path, loc.line, loc.column) if loc else (scorecard.path, None, None)


def _gaps(scorecard: Scorecard) -> Iterator[tuple[Indicator, str, Where, Gap, bool]]:
    """Every gap between bands of different statuses, and whether a value written at the
    precision of its bands can fall into it."""
    for indicator, which, version, where in _band_versions(scorecard):
        decimals = precision(version.bands)
        for gap in gaps(version.bands):
            if gap.below is not gap.above:
                yield indicator, which, where, gap, holds_written_value(gap.interval, decimals)


def gap_warnings(scorecard: Scorecard, ignore: Sequence[str] = ()) -> list[Problem]:
    """Each gap a value written at its bands' own precision can fall into, as a warning at its line.

    Gaps that hold only finer values ((4,4, 4,5) at one decimal) are left to ``gap_note``.
    """
    mark = _mark(scorecard)
    warnings: list[Problem] = []
    for indicator, which, where, gap, worth_a_warning in _gaps(scorecard):
        if not worth_a_warning:
            continue
        message = (
            f"{indicator.id}{which}: values in {format_interval(gap.interval, mark)} fall "
            f"between {gap.below.value} and {gap.above.value}; rated {gap.rated(indicator.gap_policy)} "
            f"under gap policy {indicator.gap_policy.value}"
        )
        one = gap.below is gap.above or indicator.gap_policy is GapPolicy.WORSE
        values = (
            ("indicator", f"{indicator.id}{which}"),
            ("interval", format_interval(gap.interval, mark)),
            ("below_status", gap.below.value),
            ("above_status", gap.above.value),
            ("rated_status" if one else "tie_status", worse(gap.below, gap.above).value),
            ("policy", indicator.gap_policy.value),
        )
        key = "band-gap" if one else "band-gap.nearest"
        problem = Problem(message, "band-gap", Severity.WARNING, *where, indicator=indicator.id)
        warnings.append(dataclasses.replace(problem, key=key, values=values))
    return unsilenced(warnings, scorecard, ignore)


def gap_note(scorecard: Scorecard, ignore: Sequence[str] = ()) -> Problem | None:
    """One note for every gap that only a value finer than its bands' precision can fall into
    (an indicator with ``ignore: [gap-summary]`` is left out of it)."""
    finer = [
        (indicator.id, gap)
        for indicator, _, _, gap, worth_a_warning in _gaps(scorecard)
        if not worth_a_warning and "gap-summary" not in indicator.ignore
    ]
    if not finer:
        return None
    first_id, first = finer[0]
    assert first.interval.low is not None and first.interval.high is not None
    middle = format_number((first.interval.low + first.interval.high) / 2, _mark(scorecard))
    count = len({indicator_id for indicator_id, _ in finer})
    message = (
        f"{len(finer)} {'gap' if len(finer) == 1 else 'gaps'} between bands in {count} "
        f"{'indicator' if count == 1 else 'indicators'} hold only values written more finely than "
        f"the bands (e.g. {middle} in {first_id}, between {first.below.value} and {first.above.value}); "
        "such values are rated by the gap policy"
    )
    values = (
        ("gaps", str(len(finer))),
        ("indicators", str(count)),
        ("example", middle),
        ("indicator", first_id),
        ("below_status", first.below.value),
        ("above_status", first.above.value),
    )
    note = Problem(message, "gap-summary", Severity.NOTE, scorecard.path, key="gap-summary", values=values)
    return None if silenced(note, scorecard, ignore) else note


def readings(bands: Sequence[Band], decimal_mark: str = ",") -> list[str]:
    """How band texts with a comparison sign glued to a range were read.

    The range is rated; the sign only says on which side of the desired band it lies,
    and a sign that contradicts where the range lies is said too.
    """
    return [note for note, _ in _readings(bands, decimal_mark)]


def _readings(bands: Sequence[Band], decimal_mark: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each reading in English, and its values for the output language (``Problem.values``)."""
    desired = [i for band in bands if band.status is Status.DESIRED for i in band.intervals]
    notes: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for band in bands:
        for part, sign, interval in glued_signs(band.text):
            below = sign in "<\u2039"
            note = (
                f"{band.status.value} band {part!r} is read as the range {format_interval(interval, decimal_mark)}; "
                f"{sign!r} is taken to say it lies {'below' if below else 'above'} the desired band"
            )
            values: tuple[tuple[str, str], ...] = (
                ("side", "below" if below else "above"),
                ("band_status", band.status.value),
                ("part", repr(part)),
                ("range", format_interval(interval, decimal_mark)),
                ("sign", repr(sign)),
            )
            if desired and not all(interval.ends_before(d) if below else d.ends_before(interval) for d in desired):
                shown_desired = "; ".join(format_interval(d, decimal_mark) for d in desired)
                note += f", but it does not (desired: {shown_desired})"
                values += (("desired", shown_desired),)
            notes.append((note, values))
    return notes


def reading_notes(scorecard: Scorecard, ignore: Sequence[str] = ()) -> list[Problem]:
    """How each comparison sign glued to a range (``<1,00 - 1,29 %``) was read, at the indicator's line."""
    notes = [
        Problem(
            f"{indicator.id}{which}: {note}",
            "band-reading",
            Severity.NOTE,
            *where,
            indicator=indicator.id,
            key=f"band-reading.{dict(values)['side']}" + (".but" if "desired" in dict(values) else ""),
            values=(("indicator", f"{indicator.id}{which}"), *values),
        )
        for indicator, which, version, where in _band_versions(scorecard)
        for note, values in _readings(version.bands, _mark(scorecard))
    ]
    return unsilenced(notes, scorecard, ignore)


def word_warnings(scorecard: Scorecard, ignore: Sequence[str] = ()) -> list[Problem]:
    """Each band version whose bands or target hold words that nothing reads (no unit, comparison
    word or deadline), quoted, at its line: the words are kept and shown with the band, but rate
    nothing. A band given in the structured form has a label for text, chosen as it is."""
    found = []
    for indicator, which, version, where in _band_versions(scorecard):
        unit = version.unit or indicator.unit
        words: list[str] = []
        texts: list[str] = []
        for band in version.bands:
            written = _written(band)
            left = unread_words(written, unit, with_deadline=version.deadline is not None) if written else []
            if left:
                words += [word for word in left if word not in words]
                texts.append(repr(written))
        if words:
            one = len(words) == 1
            message = (
                f"{indicator.id}{which}: {' '.join(words)!r} in {', '.join(texts)} "
                f"{'is' if one else 'are'} not read: shown with the band, rating nothing "
                "(a deadline is written '35 500 innen 2030' or {text: '35 500', by: 2030})"
            )
            key = "target-words" + (".one" if one else "")  # the catalogue says it in the output language
            values = (
                ("indicator", f"{indicator.id}{which}"),
                ("words", repr(" ".join(words))),
                ("texts", ", ".join(texts)),
            )
            problem = Problem(message, "target-words", Severity.WARNING, *where, indicator=indicator.id)
            found.append(dataclasses.replace(problem, key=key, values=values))
    return unsilenced(found, scorecard, ignore)


def _written(band: Band) -> str | None:
    """The text a band was read from: its own when it reads to its intervals, the target as written
    when the text is ``<= 3 (3 % reduksjon)``; None for a structured form's label, chosen as it is."""
    kept = re.fullmatch(r".* \((?P<written>.*\d.*)\)", band.text)
    for text in (band.text, kept.group("written") if kept else None):
        try:
            pieces = parse_band_text(text) if text else ()
        except BandSyntaxError:
            continue
        intervals = [piece for piece in pieces if isinstance(piece, Interval)]
        if text is not band.text or len(intervals) < len(pieces) or tuple(intervals) == band.intervals:
            return text
    return None


def _mark(scorecard: Scorecard) -> str:
    return "," if scorecard.language in DECIMAL_COMMA else "."


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
