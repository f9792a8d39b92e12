"""Words, symbols and number style of the output: the catalogue's languages and the scorecard's levels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from ..bands.notation import format_interval
from ..model import DEFAULT_LEVELS, GapPolicy, Indicator, Interval, Level, Measure, PhaseState, Status, level_ids
from ..number_format import DECIMAL_COMMA, format_number
from ..rating.history import Rollup, Trend
from ..records import dataclass
from ..report import Computed, Note, Rating, Result, TableSource
from .words import catalogue

if TYPE_CHECKING:
    from ..rating.phase_in import IndicatorState
    from ..view import Comparison

SYMBOLS = {
    Status.DESIRED: "●",
    Status.ACCEPTED: "▲",
    Status.NOT_APPROVED: "✖",
    Status.MISSING: "?",
    Status.NO_TARGET: "–",
    Status.NOT_PHASED_IN: "○",
    Status.INSUFFICIENT_BASE: "∅",
}
# `kpi status`: a phase-in state is no rating, so none of the ratings' symbols but ○ (not phased in,
# which is the same thing); whether bands are set: ✔ yes, – no (as – is 'uten mål').
STATE_SYMBOLS = {PhaseState.ACTIVE: "▶", PhaseState.NEW: "✚", PhaseState.PENDING: SYMBOLS[Status.NOT_PHASED_IN]}
BANDS_SET = {True: "✔", False: SYMBOLS[Status.NO_TARGET]}
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
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
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
    levels: tuple[Level, ...] = DEFAULT_LEVELS  # the scorecard's own levels, best first

    def __call__(self, key: str, **values: object) -> str:
        words = catalogue(self.lang, "nb")
        level = self._level(key)
        if level is not None:
            return level
        return words[key].format(**values)

    def _level(self, key: str) -> str | None:
        """A rated status's word ('desired', 'short.desired', 'col.desired') from the scorecard's own
        levels: the label in this language, else in the first language given; None for the catalogue's."""
        if self.levels is DEFAULT_LEVELS:  # the catalogue's words: the common case, kept cheap
            return None
        status = key.rpartition(".")[2]
        for level in self.levels:
            if level.status.value == status and level.labels and key in (status, f"short.{status}", f"col.{status}"):
                return level.label(self.lang) or level.labels[0][1]
        return None

    def level_id(self, status: Status) -> str:
        """What machine-read output calls ``status``: its level's id, else the status's own word."""
        return self._ids[status]

    @cached_property
    def _ids(self) -> Mapping[Status, str]:
        return level_ids(self.levels)

    @property
    def rated(self) -> tuple[Status, ...]:
        """The rated positions the levels use, best first: the band columns a report shows."""
        return tuple(level.status for level in self.levels)

    @property
    def legend_statuses(self) -> tuple[Status, ...]:
        """The statuses a legend names: the scorecard's own levels, best first, then the ones that are
        no rating (a two-level scorecard's legend has no middle level)."""
        return (*self.rated, *(s for s in Status if not s.is_rated))

    def chart_help(self) -> str:
        """What the result chart shows, naming the scorecard's levels by their colours."""
        bands = ", ".join(f"{self('colour.' + s.value)}: {self.short(s)}" for s in self.rated)
        return self("chart_help", bands=bands)

    def change(self, trend: Trend | None) -> str:
        """The change from the year before: '↑ +2,2 bedre', '→ 0'; '' when there is none."""
        if trend is None:
            return ""
        delta = self.number(trend.delta)
        signed = delta if delta.startswith("-") else f"+{delta}"
        if trend.better is None:
            return f"{trend.arrow} {signed}"
        return f"{trend.arrow} {signed} {self('better' if trend.better else 'worse')}"

    @property
    def decimal_mark(self) -> str:
        return "," if self.lang in DECIMAL_COMMA else "."

    def number(self, value: Decimal | None) -> str:
        if value is None:
            return "–"
        text = format_number(value, self.decimal_mark)
        if self.lang in DECIMAL_COMMA:
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

    def value(self, result: Result) -> str:
        """The result's value, or why it is absent as an SSB file says ('skjermet'); '–' for none."""
        if result.absence is not None:
            return self(f"absence.{result.absence}")
        if result.rating is not None and result.rating.verdict is not None:
            return result.rating.verdict  # a verdict as published: the word is the result
        return self.number(result.value)

    def benchmark(self, comparison: Comparison | None, municipality: str | None = None) -> str:
        """A benchmark region's value and who is better, read one way: 'Moss 13,5 · Drammen bedre'
        (the municipality better than Moss), 'Moss skjermet', '–'. Without the municipality's
        name: 'Moss 13,5 · vi bedre'."""
        if comparison is None:
            return "–"
        item = comparison.benchmark
        text = self(f"absence.{item.absence}") if item.value is None and item.absence else self.number(item.value)
        text = f"{item.name or item.region} {text}"
        if not comparison.verdict:
            return text
        return f"{text} · {municipality or self('benchmark.we')} {self(comparison.verdict)}"

    def sources(self, tables: Sequence[TableSource]) -> list[str]:
        """A source line per statistics table, each followed by the notes the table marks as mandatory."""
        lines = []
        for table in tables:
            lines.append(self.table_source(table))
            lines.extend(self("ssb.note", note=" ".join(note.split())) for note in table.notes)
        return lines

    def table_source(self, table: TableSource) -> str:
        """'Kilde: SSB, tabell 12134 «Utvalgte nøkkeltall ...», oppdatert 2026-03-16'; 'Källa: Kolada'
        (in every language, as Kolada's terms ask)."""
        if table.origin == "kolada":
            return self("kolada.source")
        parts = [self("ssb.source")]
        named = [self("ssb.table", table=table.table) if table.table else ""]
        named.append(self("ssb.title", title=" ".join(table.title.split())) if table.title.strip() else "")
        if any(named):
            parts.append(" ".join(part for part in named if part))
        if table.updated:
            parts.append(self("ssb.updated", date=table.updated[:10]))
        return ", ".join(parts)

    def date(self, day: date) -> str:
        """'30. november 2026' (nb, nn), '30 november 2026' (sv), '30 November 2026' (en)."""
        month = MONTHS.get(self.lang, MONTHS["nb"])[day.month - 1]
        return f"{day.day}. {month} {day.year}" if self.lang in ("nb", "nn") else f"{day.day} {month} {day.year}"

    def status(self, result: Result) -> str:
        """The status word; for a pending indicator, when it is phased in."""
        return self.status_of(result.indicator, result.status)

    def status_of(self, indicator: Indicator, status: Status) -> str:
        """``status`` of a result of ``indicator``: the word, or when a pending one is phased in."""
        if status is Status.NOT_PHASED_IN and indicator.phase_in:
            phase_in = indicator.phase_in
            text = self("phased_in_from", year=phase_in.year)
            return f"{text} ({self('postponed')})" if phase_in.postponed else text
        return self(status.value)

    def computed(self, computed: Computed, measures: Mapping[str, Measure]) -> str:
        """'130 ideer mot 120 året før: +8,33 %'."""
        inputs = computed.inputs
        first = inputs[0][0]
        unit = measures[first].unit if first in measures and measures[first].unit else ""
        value = self.number(computed.value)
        if computed.computation.method in ("change", "year_change") and not value.startswith("-"):
            value = "+" + value
        if computed.computation.method == "better_than":
            benchmark = computed.computation.benchmark
            return self(
                "compute.better_than", better=computed.better, compared=len(inputs), benchmark=benchmark, value=value
            )
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
        for name in ("base", "value"):  # numbers in the output's style ('34 250')
            if name in values:
                values[name] = self.number(Decimal(values[name]))
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

    def follow_up(self, owner: str | None, actions: str | None) -> str:
        """'Ansvarlig: Kommunalsjef · Tiltak: ...': who answers for a result and what will be done; ''."""
        parts = [
            f"{self(key)}: {' '.join(text.split())}" for key, text in (("owner", owner), ("actions", actions)) if text
        ]
        return " · ".join(parts)

    def state_note(self, item: IndicatorState) -> str:
        """A status line's note: the phase-in reason, and why there is no target in the year."""
        phase_in = item.indicator.phase_in
        parts = [phase_in.reason] if phase_in and phase_in.reason else []
        if item.planned is not None:
            parts.append(self.note(item.planned))
        return "; ".join(parts)

    def remark(self, comment: str | None, revised: bool | None) -> str | None:
        """What is said under a result: 'urevidert' for an unrevised KOSTRA figure, then the comment."""
        parts = [self("ssb.unrevised")] if revised is False else []
        if comment:
            parts.append(self.comment(comment))
        return " · ".join(parts) or None

    def remark_in_full(
        self, comment: str | None, revised: bool | None, owner: str | None, actions: str | None
    ) -> str | None:
        """The remark, then who answers for the result and what will be done: one line for a failure's text."""
        return (
            " · ".join(part for part in (self.remark(comment, revised), self.follow_up(owner, actions)) if part) or None
        )

    def comment(self, text: str) -> str:
        """'Kommentar: ...': a results file's comment on one line, in the output language."""
        return f"{self('comment')}: {' '.join(text.split())}"

    def state(self, state: PhaseState) -> str:
        return self(f"state.{state.value}")

    def unit(self, org_unit: str | None) -> str:
        """An org unit's name; the whole municipality's for None."""
        return org_unit if org_unit is not None else self("whole")

    def rollup(self, rollup: Rollup) -> str:
        """A roll-up's words: '1 av 7 ønsket · 6 mangler' when it holds rated results (the missing
        ones counted and named), '7 mangler' when nothing is rated, else its headline's."""
        missing = f"{rollup.missing} {self.short(Status.MISSING)}"
        if rollup.status is not None:
            text = self("rollup", desired=rollup.desired, rated=rollup.expected, best=self.short(Status.DESIRED))
            return f"{text} · {missing}" if rollup.missing else text
        if rollup.headline is Status.MISSING:
            return missing
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
        if rating.verdict is not None:
            return self("note.published", word=rating.verdict)
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
        return self("beyond_unscaled" if rating.beyond else "beyond", value=value, band=side(neighbour))
