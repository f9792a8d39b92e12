"""What reading and evaluation produce: result rows, ratings, results and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal

from .errors import KpiError, Problem
from .model import Band, Computation, GapPolicy, Indicator, Interval, Location, PhaseState, Scorecard, Status
from .records import dataclass


# ResultRow, Result and kpi_cli.view.Entry: one per row, result and entry, millions for a large
# input. Hashable and compared by value like the frozen classes, but not frozen, so building one
# stores its fields directly (a frozen dataclass stores each through object.__setattr__, four
# times slower). Nothing changes them once built.
@dataclass(slots=True, unsafe_hash=True)
class ResultRow:
    """One result as read from a file, remembering where it was written."""

    indicator: str
    year: int
    value: Decimal | None
    org_unit: str | None = None
    raw: str = ""
    location: Location | None = None
    base: Decimal | None = None  # the n column: respondents or cases behind the value
    absence: str | None = None  # why there is no value, as SSB says: not_applicable, not_available, suppressed
    bands: tuple[tuple[Status, str], ...] = ()  # band texts the row prints (a published table's columns)
    comment: str | None = None  # the comment column: why a result is what it is, shown in every format
    actions: str | None = None  # the actions column (tiltak): what will be done about it, read as the comment is
    name: str | None = None  # the indicator's name column beside its id column: read when the id is unknown
    revised: bool | None = None  # a fetched KOSTRA figure: False while unrevised (results/ssb/provenance.py)


@dataclass(frozen=True, slots=True)
class Rating:
    """What rating a value against an indicator's bands gave, and why.

    ``interval`` is the band interval the value lies in; for a value in a gap
    or beyond the outermost band, ``below`` and ``above`` are its neighbours;
    ``beyond``: beyond every band with no scale, rated by the outermost band on its side.
    The renderers put it into words (``Labels.reason``).
    """

    status: Status
    band: Band | None = None
    in_gap: bool = False
    text: str = ""  # a reason that is not about a value's place, e.g. 'no bands are set'
    value: Decimal | None = None
    interval: Interval | None = None
    below: tuple[Interval, Status] | None = None
    above: tuple[Interval, Status] | None = None
    policy: GapPolicy | None = None
    beyond: bool = False
    verdict: str | None = None  # rate: verdict: the word as published, which gave the status (not computed)


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see ResultRow
class Result:
    indicator: Indicator
    year: int
    org_unit: str | None
    value: Decimal | None
    status: Status
    state: PhaseState
    rating: Rating | None = None
    row: ResultRow | None = None
    computed: Computed | None = None
    note: Note | None = None  # why there is no rating: a missing input, too small a base

    @property
    def absence(self) -> str | None:
        """Why the value is absent, as an SSB file says (``ResultRow.absence``); None otherwise."""
        return self.row.absence if self.row is not None and self.value is None else None


@dataclass(frozen=True, slots=True)
class Computed:
    """A computed indicator's value and the inputs it came from."""

    computation: Computation
    inputs: tuple[tuple[str, int, Decimal], ...]  # (measure id, year, value), in the computation's order
    value: Decimal  # rounded to two decimals, as a published table shows it; this is what is rated
    exact: Decimal | None = None  # before rounding: what a value given directly is checked against
    better: int | None = None  # better_than: how many of ``inputs`` (those compared) are better


@dataclass(frozen=True, slots=True)
class Note:
    """Why a result has no rating, as a key and values the renderers put into words.

    Keys: ``missing_input`` (measure, year), ``no_year_before`` (measure, year: a change's year
    before, with nothing to compare with), ``zero_denominator`` (measure,
    year), ``small_base`` (base, min_base); for a result with no target, ``no_target_before``
    (year: the first target's) and ``target_ended`` (year: the one ``target: null`` gives);
    ``on_path`` (value, year): a deadline target's path value, what the year is rated against;
    ``published`` (word): a verdict as published (``rate: verdict``), not computed;
    ``prose_target`` (year): the target is in words (``{text: ...}``), shown and never rated.
    """

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def value(self, name: str) -> str:
        return dict(self.values)[name]


@dataclass(frozen=True, slots=True)
class RowFates:
    """What became of the rows evaluated: rated; shown but not rated (not phased in, no
    target, too small a base); no result; a measure's value, used by computed indicators;
    rejected as an error."""

    rated: int = 0
    not_rated: int = 0
    no_result: int = 0
    measure: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class Benchmark:
    """A benchmark region's value for an indicator and year, shown beside the municipality's:
    a KOSTRA group (EKG13), the country (EAK) or a neighbour, read from an SSB file."""

    region: str  # its code: 'EKG13', 'EAK', '3002'
    name: str
    value: Decimal | None
    absence: str | None = None  # why there is no value, as for ResultRow.absence


@dataclass(frozen=True, slots=True)
class TableSource:
    """A statistics table results were read from, as a report names it (docs/how-to/ssb-and-kostra.md)."""

    table: str | None  # '12134'
    title: str
    updated: str | None  # as the file writes it: '2026-02-15T07:00:00Z'
    notes: tuple[str, ...] = ()  # the notes the file marks as mandatory to show
    origin: str = "ssb"  # whose: 'ssb' or 'kolada' (the source line names it: "Källa: Kolada")


@dataclass(frozen=True, slots=True)
class Report:
    scorecard: Scorecard
    year: int
    results: tuple[Result, ...]
    sources: tuple[str, ...] = ()
    findings: tuple[Problem, ...] = ()  # warnings about the definitions for the year (no-bands)
    history: tuple[Result, ...] = ()  # the results of every other year in the input
    errors: tuple[KpiError, ...] = ()
    warnings: tuple[Problem, ...] = ()  # about rows, not fatal: a value beyond every band (beyond-bands)
    row_counts: RowFates = field(default=RowFates(), compare=False)
    # Benchmark regions' values by (indicator, year), in the definitions' order of regions.
    benchmarks: Mapping[tuple[str, int], tuple[Benchmark, ...]] = field(default_factory=dict, compare=False)
    tables: tuple[TableSource, ...] = ()  # the statistics tables read, for the source lines
    municipality: str | None = None  # its name, when SSB files were read: heads its results beside benchmarks

    @property
    def other_years(self) -> tuple[int, ...]:
        return tuple(sorted({result.year for result in self.history}))

    @property
    def org_units(self) -> tuple[str | None, ...]:
        """The org units of the year shown, the whole municipality (None) first."""
        return tuple(dict.fromkeys(result.org_unit for result in self.results))

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts
