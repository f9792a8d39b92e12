"""Words, symbols and number style of the output, in bokmål and English."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import PhaseState, Result, Status
from ..number_format import format_number

SYMBOLS = {
    Status.DESIRED: "●",
    Status.ACCEPTED: "▲",
    Status.NOT_APPROVED: "✖",
    Status.MISSING: "?",
    Status.NO_TARGET: "–",
    Status.NOT_PHASED_IN: "○",
}
COLOURS = {
    Status.DESIRED: "green",
    Status.ACCEPTED: "yellow",
    Status.NOT_APPROVED: "red",
    Status.MISSING: "magenta",
    Status.NO_TARGET: "grey50",
    Status.NOT_PHASED_IN: "grey50",
}

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "desired": "Ønsket resultat",
        "accepted": "Laveste aksepterte resultat",
        "not_approved": "Ikke godkjent resultat",
        "missing": "Mangler resultat",
        "no_target": "Uten mål",
        "not_phased_in": "Ikke innfaset",
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
    },
    "en": {
        "desired": "Desired result",
        "accepted": "Lowest accepted result",
        "not_approved": "Not approved",
        "missing": "Missing result",
        "no_target": "No target",
        "not_phased_in": "Not phased in",
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

    def state(self, state: PhaseState) -> str:
        return self(f"state.{state.value}")
