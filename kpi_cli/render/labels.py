"""Words, symbols and number style of the output, in bokmål and English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..history import Rollup
from ..model import Computed, GapPolicy, Indicator, Interval, Measure, Note, PhaseState, Rating, Result, Status
from ..notation import format_interval
from ..number_format import format_number
from .words import WORDS

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


MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


@dataclass(frozen=True)
class Labels:
    """The catalogue's words in one language, and numbers in its style."""

    lang: str = "nb"

    def __call__(self, key: str, **values: object) -> str:
        words = WORDS.get(self.lang, WORDS["nb"])
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

    def date(self, day: date) -> str:
        """'30. november 2026' (nb), '30 November 2026' (en)."""
        month = MONTHS.get(self.lang, MONTHS["nb"])[day.month - 1]
        return f"{day.day}. {month} {day.year}" if self.lang == "nb" else f"{day.day} {month} {day.year}"

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
        """'2014: 2 ønsket · 3 ikke innfaset': the statuses there are any of (a zero is left out)."""
        parts = [f"{counts[s]} {self('short.' + s.value)}" for s in Status if counts[s]]
        return f"{year}: " + (" · ".join(parts) or "–")

    def notes(self, measures: Mapping[str, Measure], results: Sequence[Result]) -> list[tuple[str, str]]:
        """(indicator id, text) for each computed value ('130 ideer mot 120 året før: +8,33 %') and
        each note (a missing input, too small a base), in the order of the results."""
        found = []
        for result in results:
            if result.computed is not None:
                found.append((result.indicator.id, self.computed(result.computed, measures)))
            if result.note is not None and result.status is not Status.NOT_PHASED_IN:
                found.append((result.indicator.id, self.note(result.note)))
        return found

    def state(self, state: PhaseState) -> str:
        return self(f"state.{state.value}")

    def unit(self, org_unit: str | None) -> str:
        """An org unit's name; the whole municipality's for None."""
        return org_unit if org_unit is not None else self("whole")

    def rollup(self, rollup: Rollup) -> str:
        """A roll-up's words: '2 av 3 ønsket' when it holds rated results, else its headline's."""
        if rollup.status is not None:
            return self("rollup", desired=rollup.desired, rated=rollup.rated)
        return self(f"short.{rollup.headline.value}") if rollup.headline else ""

    def short(self, status: Status) -> str:
        return self(f"short.{status.value}")

    def direction(self, indicator: Indicator) -> str:
        return self(f"direction.{indicator.direction.value if indicator.direction else 'unknown'}")

    def policy(self, policy: GapPolicy | None) -> str:
        return self(f"policy.{(policy or GapPolicy.WORSE).value}")

    def interval(self, interval: Interval) -> str:
        return format_interval(interval, self.decimal_mark)

    def reason(self, rating: Rating) -> str:
        """Why a value got its status, in this language: the band it lies in, or its neighbours."""
        if rating.status is Status.NO_TARGET:
            return self("no_bands")
        if rating.value is None:
            return rating.text
        value = format_number(rating.value, self.decimal_mark)

        def side(pair: tuple[Interval, Status]) -> str:
            return f"{self.short(pair[1])} {self.interval(pair[0])}"

        if rating.interval is not None:
            return self("lies_in", value=value, interval=self.interval(rating.interval))
        if rating.below and rating.above:
            return self(
                "between",
                value=value,
                below=side(rating.below),
                above=side(rating.above),
                policy=self.policy(rating.policy),
            )
        neighbour = rating.below or rating.above
        if neighbour is None:
            return rating.text
        return self("beyond", value=value, band=side(neighbour))
