"""Words, symbols and number style of the output, in bokmål and English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..model import RATED, Computed, Measure, Note, PhaseState, Result, Scorecard, Status
from ..number_format import format_number

SYMBOLS = {
    Status.DESIRED: "●",
    Status.ACCEPTED: "▲",
    Status.NOT_APPROVED: "✖",
    Status.MISSING: "?",
    Status.NO_TARGET: "–",
    Status.NOT_PHASED_IN: "○",
    Status.INSUFFICIENT_BASE: "∅",
}
COLOURS = {
    Status.DESIRED: "green",
    Status.ACCEPTED: "yellow",
    Status.NOT_APPROVED: "red",
    Status.MISSING: "magenta",
    Status.NO_TARGET: "grey50",
    Status.NOT_PHASED_IN: "grey50",
    Status.INSUFFICIENT_BASE: "grey50",
}

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "desired": "Ønsket resultat",
        "accepted": "Laveste aksepterte resultat",
        "not_approved": "Ikke godkjent resultat",
        "missing": "Mangler resultat",
        "no_target": "Uten mål",
        "not_phased_in": "Ikke innfaset",
        "insufficient_base": "For lite grunnlag",
        "short.insufficient_base": "for lite grunnlag",
        "phased_in_from": "Innfases {year}",
        "postponed": "utsatt",
        "short.desired": "ønsket",
        "short.accepted": "laveste akseptert",
        "short.not_approved": "ikke godkjent",
        "short.missing": "mangler",
        "short.no_target": "uten mål",
        "short.not_phased_in": "ikke innfaset",
        "col.id": "Id",
        "col.name": "Måleindikator",
        "col.desired": "Ønsket",
        "col.accepted": "Laveste akseptert",
        "col.not_approved": "Ikke godkjent",
        "col.status": "Status",
        "col.phase_in": "Innfases",
        "col.state": "Tilstand",
        "col.bands": "Resultatkrav",
        "col.note": "Merknad",
        "focus_goal": "Fokusmål",
        "definitions": "Definisjoner",
        "results": "Resultater",
        "org_unit": "Enhet",
        "whole": "Hele kommunen",
        "of": "av",
        "state.active": "aktiv",
        "state.new": "ny i år",
        "state.pending": "ikke innfaset",
        "yes": "ja",
        "no": "nei",
        "status_title": "Innfasing",
        "col.change": "Endring",
        "col.trend": "Utvikling",
        "better": "bedre",
        "worse": "verre",
        "by_org_unit": "per enhet",
        "alarm": "ikke godkjent og verre enn i fjor",
        "compute.change": "{a} {unit} mot {b} året før: {value} %",
        "compute.share": "{a} av {b} {unit}: {value} %",
        "compute.ratio": "{a} / {b} = {value}",
        "compute.difference": "{a} − {b} = {value}",
        "note.missing_input": "mangler {measure} for {year}",
        "note.zero_denominator": "{measure} er 0 i {year}: kan ikke dele på 0",
        "note.small_base": "grunnlaget ({base}) er under minstekravet {min_base}",
    },
    "en": {
        "desired": "Desired result",
        "accepted": "Lowest accepted result",
        "not_approved": "Not approved",
        "missing": "Missing result",
        "no_target": "No target",
        "not_phased_in": "Not phased in",
        "insufficient_base": "Insufficient base",
        "short.insufficient_base": "insufficient base",
        "phased_in_from": "Phased in {year}",
        "postponed": "postponed",
        "short.desired": "desired",
        "short.accepted": "lowest accepted",
        "short.not_approved": "not approved",
        "short.missing": "missing",
        "short.no_target": "no target",
        "short.not_phased_in": "not phased in",
        "col.id": "Id",
        "col.name": "Indicator",
        "col.desired": "Desired",
        "col.accepted": "Lowest accepted",
        "col.not_approved": "Not approved",
        "col.status": "Status",
        "col.phase_in": "Phase-in",
        "col.state": "State",
        "col.bands": "Bands",
        "col.note": "Note",
        "focus_goal": "Focus goal",
        "definitions": "Definitions",
        "results": "Results",
        "org_unit": "Org unit",
        "whole": "Whole municipality",
        "of": "of",
        "state.active": "active",
        "state.new": "new this year",
        "state.pending": "not phased in",
        "yes": "yes",
        "no": "no",
        "status_title": "Phase-in",
        "col.change": "Change",
        "col.trend": "Trend",
        "better": "better",
        "worse": "worse",
        "by_org_unit": "by org unit",
        "alarm": "not approved and worse than last year",
        "compute.change": "{a} {unit} against {b} the year before: {value} %",
        "compute.share": "{a} of {b} {unit}: {value} %",
        "compute.ratio": "{a} / {b} = {value}",
        "compute.difference": "{a} − {b} = {value}",
        "note.missing_input": "no value for {measure} in {year}",
        "note.zero_denominator": "{measure} is 0 in {year}: cannot divide by 0",
        "note.small_base": "the base ({base}) is below the minimum {min_base}",
    },
}
LANGUAGES = tuple(_WORDS)


@dataclass(frozen=True)
class Labels:
    lang: str = "nb"

    def __call__(self, key: str, **values: object) -> str:
        words = _WORDS.get(self.lang, _WORDS["nb"])
        return words[key].format(**values)

    @property
    def decimal_mark(self) -> str:
        return "," if self.lang == "nb" else "."

    def number(self, value: Decimal | None) -> str:
        if value is None:
            return "–"
        text = format_number(value, self.decimal_mark)
        if self.lang == "nb":
            whole, _, fraction = text.partition(",")
            sign = "-" if whole.startswith("-") else ""
            digits = whole.lstrip("-")
            if len(digits) > 4:  # Norwegian style: 12 345, but 1234
                groups: list[str] = []
                while digits:
                    groups.insert(0, digits[-3:])
                    digits = digits[:-3]
                whole = sign + "\u00a0".join(groups)
            return whole + ("," + fraction if fraction else "")
        return text

    def status(self, result: Result) -> str:
        """The status word; for a pending indicator, when it is phased in."""
        if result.status is Status.NOT_PHASED_IN and result.indicator.phase_in:
            phase_in = result.indicator.phase_in
            text = self("phased_in_from", year=phase_in.year)
            return f"{text} ({self('postponed')})" if phase_in.postponed else text
        return self(result.status.value)

    def computed(self, computed: Computed, measures: Mapping[str, Measure]) -> str:
        """'130 ideer mot 120 året før: +8,33 %'."""
        inputs = computed.inputs
        first = inputs[0][0]
        unit = measures[first].unit if first in measures and measures[first].unit else ""
        value = self.number(computed.value)
        if computed.computation.method == "change" and not value.startswith("-"):
            value = "+" + value
        text = self(
            f"compute.{computed.computation.method}",
            a=self.number(inputs[0][2]),
            b=self.number(inputs[1][2]),
            unit=unit,
            value=value,
        )
        return " ".join(text.split())

    def note(self, note: Note) -> str:
        values = dict(note.values)
        if "base" in values:
            values["base"] = self.number(Decimal(values["base"]))
        return self(f"note.{note.key}", **values)

    def summary(self, year: int, counts: Mapping[Status, int]) -> str:
        """'2014: 2 ønsket · 0 laveste akseptert · 0 ikke godkjent · 0 mangler · 3 ikke innfaset'.

        The rated statuses and missing always; the others when there are any.
        """
        always = (*RATED, Status.MISSING)
        parts = [f"{counts[s]} {self('short.' + s.value)}" for s in Status if counts[s] or s in always]
        return f"{year}: " + " · ".join(parts)

    def notes(self, scorecard: Scorecard, results: Sequence[Result]) -> list[tuple[str, str]]:
        """(indicator id, text) for each computed value ('130 ideer mot 120 året før: +8,33 %') and
        each note (a missing input, too small a base), in the order of the results."""
        measures = {measure.id: measure for measure in scorecard.measures}
        found = []
        for result in results:
            if result.computed is not None:
                found.append((result.indicator.id, self.computed(result.computed, measures)))
            if result.note is not None and result.status is not Status.NOT_PHASED_IN:
                found.append((result.indicator.id, self.note(result.note)))
        return found

    def state(self, state: PhaseState) -> str:
        return self(f"state.{state.value}")
