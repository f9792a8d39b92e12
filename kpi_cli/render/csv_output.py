"""The results as CSV, one row per result, for Excel and pivot tables.

Norwegian Excel expects semicolons and decimal commas: that is the default
for ``nb``; ``en`` gets commas and decimal points. ``--output-delimiter``
chooses the separator; a comma separator always gets decimal points, so a
value is never quoted and stays a number.

Text cells that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe.
Values, years and line numbers are written as plain numbers.

``status`` and ``phase_in_state`` are stable ids (``not_approved``, ``active``) for filters and
scripts; ``status_text`` and ``phase_in_text`` beside them say the same in the output language, as
the terminal table does.

The file reads back with ``kpi_cli.results.read.read_results``: its ``indicator``,
``org_unit``, ``year``, ``value`` and ``n`` (the base) columns are names the
reader knows. The measures behind computed indicators are not written, only
the values computed from them. ``regression`` says whether the status is worse
than the year before's; ``comment`` and ``actions`` are the results file's comment and actions
(read back as such), and the last, ``owner``, who answers for the indicator (its ``owner:``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..model import RATED, Scorecard, Status
from ..number_format import DECIMAL_COMMA, format_number
from ..rating.phase_in import IndicatorState
from ..text import neutralise
from ..view import Entry, StatusView, View
from . import Renderer, RenderOptions
from .labels import Labels

HEADER = (
    "indicator",
    "name",
    "goal",
    "focus_area",
    "org_unit",
    "year",
    "value",
    "unit",
    "status",
    "status_text",
    "desired",
    "accepted",
    "not_approved",
    "phase_in_state",
    "phase_in_text",
    "source_file",
    "source_line",
    "n",
    "note",
    "regression",
    "comment",
    "actions",
    "owner",
)
STATUS_HEADER = (
    "indicator",
    "name",
    "goal",
    "focus_area",
    "year",
    "phase_in",
    "planned",
    "state",
    "state_text",
    "postponed",
    "has_bands",
    "reason",
)
# Under nb the header is Norwegian, as `kpi template` writes it; the reader knows indikator,
# tjenesteområde, år, verdi, n and kommentar, so the file still reads back. A level's id (the
# scorecard's own word) is kept as it is; "merknad" is not used, as the reader takes it for a comment.
NB_HEADER = {
    "indicator": "indikator",
    "name": "navn",
    "goal": "mål",
    "focus_area": "fokusområde",
    "org_unit": "tjenesteområde",
    "year": "år",
    "value": "verdi",
    "unit": "måleenhet",
    "status": "status",
    "status_text": "statustekst",
    "desired": "ønsket",
    "accepted": "laveste_akseptert",
    "not_approved": "ikke_godkjent",
    "phase_in_state": "innfasing",
    "phase_in_text": "innfasingstekst",
    "source_file": "kildefil",
    "source_line": "kildelinje",
    "n": "n",
    "note": "note",
    "regression": "verre_enn_før",
    "comment": "kommentar",
    "actions": "tiltak",
    "owner": "ansvarlig",
    "absence": "fraværsgrunn",
    "phase_in": "innfases",
    "planned": "planlagt",
    "state": "tilstand",
    "state_text": "tilstandstekst",
    "postponed": "utsatt",
    "has_bands": "har_resultatkrav",
    "reason": "begrunnelse",
}
NB_PREFIXES = {"benchmark_": "referanse_", "compared_": "mot_referanse_"}  # + an SSB region code
Cell = str | int
# Excel opens a UTF-8 file as Windows-1252 unless it starts with a byte-order mark: written to a
# file, the CSV gets one, so æøå survive a double-click. Printed, it does not.
BOM = "\ufeff"


def dialect(options: RenderOptions) -> tuple[str, str]:
    """(delimiter, decimal mark): nb ';' and ',', en ',' and '.'; a comma delimiter gets '.'."""
    delimiter = options.delimiter or (";" if options.lang in DECIMAL_COMMA else ",")
    mark = "," if options.lang in DECIMAL_COMMA and delimiter != "," else "."
    return delimiter, mark


def _write(header: Sequence[str], rows: Iterable[Sequence[Cell]], options: RenderOptions) -> str:
    delimiter, _ = dialect(options)
    buffer = io.StringIO()
    if options.to_file:
        buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(shown_header(header, options.lang))
    writer.writerows(rows)
    return buffer.getvalue()


def shown_header(header: Sequence[str], lang: str) -> list[str]:
    """The column names as a file in ``lang`` writes them: Norwegian under nb."""
    return [_nb(name) for name in header] if lang == "nb" else list(header)


def _nb(name: str) -> str:
    """A column's Norwegian name; a level id as the scorecard writes it."""
    for prefix, norwegian in NB_PREFIXES.items():
        if name.startswith(prefix):
            return norwegian + name[len(prefix) :]
    return NB_HEADER.get(name, name)


def ssb_header(view: View) -> tuple[str, ...]:
    """The columns a report from SSB files adds: why a value is absent, then each benchmark
    region's value and how the result compares with it ('better', 'worse', 'equal')."""
    if not view.report.tables:
        return ()
    regions = [code for code, _ in view.benchmark_regions]
    return ("absence", *(f"{kind}_{code}" for code in regions for kind in ("benchmark", "compared")))


def ssb_cells(entry: Entry, view: View, mark: str) -> list[Cell]:
    if not view.report.tables:
        return []
    cells: list[Cell] = [entry.result.absence or ""]
    for code, _ in view.benchmark_regions:
        found = entry.compared(code)
        if found is None:
            cells += ["", ""]
            continue
        item = found.benchmark
        cells.append(format_number(item.value, mark) if item.value is not None else item.absence or "")
        cells.append(found.verdict or "")
    return cells


def row(entry: Entry, say: Labels, mark: str) -> list[Cell]:
    result = entry.result
    indicator = result.indicator
    location = result.row.location if result.row else None
    bands = [band.text if (band := indicator.band(status)) else "" for status in say.rated]
    texts = [
        indicator.id,
        indicator.name,
        indicator.goal_id,
        indicator.focus_area_id,
        result.org_unit or "",
    ]
    return [
        *(neutralise(text) for text in texts),
        result.year,
        format_number(result.value, mark) if result.value is not None else "",
        neutralise(indicator.unit or ""),
        say.level_id(result.status),
        neutralise(say.status(result)),
        *(neutralise(text) for text in bands),
        result.state.value,
        neutralise(say.state(result.state)),
        neutralise(location.path) if location else "",
        location.line if location and location.line is not None else "",
        format_number(base, mark) if (base := result.row.base if result.row else None) is not None else "",
        neutralise(say.note(result.note)) if result.note and result.status is not Status.NOT_PHASED_IN else "",
        str(entry.regression).lower(),
        neutralise(
            "; ".join(text for text in (say("ssb.unrevised") if entry.revised is False else "", entry.comment) if text)
        ),
        neutralise(entry.actions or ""),
        neutralise(indicator.owner or ""),
    ]


def evaluation_header(scorecard: Scorecard, ssb: tuple[str, ...] = ()) -> tuple[str, ...]:
    """HEADER with a band column per level of the scorecard, named by the level's id, and the
    SSB columns (``ssb_header``) when results came from SSB files."""
    start = HEADER.index(RATED[0].value)
    levels = tuple(level.id for level in scorecard.levels)
    return (*HEADER[:start], *levels, *HEADER[start + len(RATED) :], *ssb)


def _header(view: View) -> tuple[str, ...]:
    return evaluation_header(view.report.scorecard, ssb_header(view))


def _rows(view: View, entries: Iterable[Entry], options: RenderOptions) -> list[list[Cell]]:
    say = Labels(options.lang, view.report.scorecard.levels)
    _, mark = dialect(options)
    # Oldest year first; within a year the evaluation's order: the municipality, then
    # each org unit, indicators as the definitions list them.
    return [[*row(entry, say, mark), *ssb_cells(entry, view, mark)] for entry in entries]


def evaluation(view: View, options: RenderOptions) -> str:
    """Every result: the year shown and the other years in the input, each row with its year."""
    return _write(_header(view), _rows(view, view.every_year(), options), options)


def history(view: View, options: RenderOptions) -> str:
    """Every year's results for the org units asked for (default: the first, usually the municipality)."""
    return _write(_header(view), _rows(view, view.every_year(view.history_units), options), options)


def status(view: StatusView, options: RenderOptions) -> str:
    """Each indicator's phase-in state for the year; booleans as true/false."""
    year = view.year
    say = Labels(options.lang)

    def cells(item: IndicatorState) -> list[Cell]:
        indicator = item.indicator
        phase_in = indicator.phase_in
        planned = phase_in.planned if phase_in else None
        return [
            *(neutralise(t) for t in (indicator.id, indicator.name, indicator.goal_id, indicator.focus_area_id)),
            year,
            phase_in.year if phase_in else "",
            planned if planned is not None else "",
            item.state.value,
            neutralise(say.state(item.state)),
            str(item.postponed).lower(),
            str(indicator.has_bands).lower(),
            neutralise(say.state_note(item)),
        ]

    return _write(STATUS_HEADER, [cells(item) for item in view.states], options)


RENDERER = Renderer(evaluation=evaluation, history=history, status=status)
