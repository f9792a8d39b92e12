"""The lines kpi writes on stderr, in English: the gate, the notes on years, -v's reading,
accounting and engine lines, and the problems the core gives a key (``Problem.key``); and the
few lines a command prints on stdout besides a report (validate's counts, fetch's and init's).
:mod:`kpi_cli.render.words` adds them to the catalogue; :mod:`kpi_cli.cli.messages` fills them. A
value named ``*_status`` is a status id, said as its word in the other languages; ``noun.NAME`` is
the noun after a count ``NAME``. The English ones say exactly what the core's own messages say."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "msg.fails.one": "{count} result fails {rule}: {names}",
    "msg.fails.many": "{count} results fail {rule}: {names}",
    "msg.worse.one": "{count} result worse than the year before: {names}",
    "msg.worse.many": "{count} results worse than the year before: {names}",
    "msg.showing": "note: showing {shown}; {others} rated as its history (--year shows another)",
    "msg.coverage": "note: {year}: {given} of {of} results; {fuller} has {fuller_given}: --year {fuller}",
    "msg.accounting": (
        "{read} {read_noun} read = {rated} rated + {not_rated} shown, not rated + {no_result} without a result"
        "{words}{measures} + {rejected} rejected{unbalanced}"
    ),
    "msg.accounting.measures": " + {measures} {measures_noun}",
    "msg.accounting.unbalanced": "  (DOES NOT BALANCE: please report)",
    "msg.read": "{path}: read {how}{layout} table, {results} {results_noun}",
    "msg.read.csv": "encoding {encoding}, delimiter {delimiter}, ",
    "msg.read.sheet": "sheet {sheet}, ",
    "msg.cells": "{path}: cells not read as results: {cells}",
    "msg.engine": "engine: {engine} ({why})",
    "engine.not_installed": "auto: duckdb is not installed",
    "engine.parquet": "auto: Parquet input",
    "engine.small": "auto: DuckDB streams csv from {mb} MB of CSV, or Parquet",
    "msg.engine.streamed": "engine: {engine} ({why}), streamed (rated and written by DuckDB)",
    "msg.engine.report": "engine: {engine} ({why}), through the report: {reason}",
    "engine.parquet_out": "auto: Parquet output",
    "engine.large": "auto: {mb} MB of input",
    "stream.format": "--format {fmt} is written from the report",
    "stream.verdict": (
        "{indicator} has rate: verdict (a published word as the result), which only the report path writes"
    ),
    "stream.deadline": (
        "{indicator} has a target with a deadline (rated along the path from its first result), which only "
        "the report path writes"
    ),
    "stream.key": "{indicator} has {what}, which only the report path writes",
    "stream.not_plain": "{path} is not a plain CSV or Parquet file",
    "stream.quotes": "{path} has quotes or blank lines: its rows' line numbers come from the Python reader",
    "stream.breaks": (
        "{path} has a line break other than CR and LF (FF, VT, NEL, U+2028 ...): the Python reader reads it"
    ),
    "stream.unsure": "the fast reader is not sure of the input ({detail})",
    "stream.no_header": "the fast reader is not sure of the input ({path}: no header)",
    "stream.wide": "the fast reader is not sure of the input ({path}: a wide table)",
    "stream.not_csv": "the fast reader is not sure of the input ({path}: not a CSV or Parquet file)",
    "stream.unreadable": "DuckDB could not read the input: {detail}",
    "stream.scale": "a value lies outside its scale: the Python reader says where",
    "stream.rows": "some rows are not plain: the Python reader reads them",
    "stream.bands": "{path} prints bands: the report compares them with the definitions",
    "stream.encoding": "{path}: encoding {encoding} is read by the Python reader",
    "stream.cp1252": "{path}: Windows-1252 letters are read by the Python reader",
    "stream.exponent": "a number below 0.0001 or from 10^16 is written with an exponent: the report path writes it",
    "stream.two_ways": "a number reads two ways (12.500): the Python reader says so at its line",
    "stream.no_results": "no results",
    "msg.validate": (
        "{path}: ok: {areas} {areas_noun}, {goals} {goals_noun}, {indicators} {indicators_noun}, {warnings} "
        "{warnings_noun}"
    ),
    "msg.fetched": "{path}: fetched",
    "msg.saved": "{path}: saved",
    "msg.unchanged": "{path}: unchanged",
    "msg.wrote": "wrote {path}",
    "msg.to_finish": "{places} {places_noun} to finish by hand: listed above, marked TO FINISH in the file",
    "msg.next": "next:",
    "msg.next_in": "next, in {directory}:",
    "noun.places.one": "place",
    "noun.places.many": "places",
    "noun.areas.one": "focus area",
    "noun.areas.many": "focus areas",
    "noun.goals.one": "goal",
    "noun.goals.many": "goals",
    "noun.warnings.one": "warning",
    "noun.warnings.many": "warnings",
    "layout.long": "long",
    "layout.wide": "wide",
    "layout.updated": "updated",
    "cells.benchmark": "benchmark",
    "cells.other_table": "other_table",
    "cells.not_selected": "not_selected",
    "cells.not_a_year": "not_a_year",
    "cells.no_region": "no_region",
    "cells.other_region": "other_region",
    "cells.replaced": "replaced",
    "noun.read.one": "result",
    "noun.read.many": "results",
    "noun.results.one": "result",
    "noun.results.many": "results",
    "noun.measures.one": "measure value",
    "noun.measures.many": "measure values",
    "noun.gaps.one": "gap",
    "noun.gaps.many": "gaps",
    "noun.indicators.one": "indicator",
    "noun.indicators.many": "indicators",
    "problem.footnote-mark": "{indicator}: footnote marks dropped from {text}: read as {read}",
    "problem.result-text": "{indicator}: {text} read as no result",
    "problem.beyond-bands": (
        "{indicator}: {value} lies beyond every band and no scale is set: rated {rated_status} by the outermost "
        "band on its side{band}; a typing error, or bands that state a magnitude of a signed value "
        "(such as 'negativt avvik')?"
    ),
    "problem.band-gap": (
        "{indicator}: values in {interval} fall between {below_status} and {above_status}; rated {rated_status} "
        "under gap policy {policy}"
    ),
    "problem.band-gap.nearest": (
        "{indicator}: values in {interval} fall between {below_status} and {above_status}; rated by the nearer "
        "edge (a tie goes to {tie_status}) under gap policy {policy}"
    ),
    "problem.gap-summary": (
        "{gaps} {gaps_noun} between bands in {indicators} {indicators_noun} hold only values written more finely "
        "than the bands (e.g. {example} in {indicator}, between {below_status} and {above_status}); such values "
        "are rated by the gap policy"
    ),
    "problem.band-reading.below": (
        "{indicator}: {band_status} band {part} is read as the range {range}; {sign} is taken to say it lies "
        "below the desired band"
    ),
    "problem.band-reading.above": (
        "{indicator}: {band_status} band {part} is read as the range {range}; {sign} is taken to say it lies "
        "above the desired band"
    ),
    "problem.band-reading.but": ", but it does not (desired: {desired})",  # words.py appends it to the two above
    "msg.accounting.words": " ({count} written as words)",
    "msg.read.columns": "{path}: read the columns {columns}{years}",
    "msg.read.columns.wide": " and one value column per year",
    "msg.read.percent": "{path}: cells with a percent format read as the percentage shown: {count} ({example})",
    "role.indicator": "indicator",
    "role.name": "name",
    "role.year": "year",
    "role.value": "value",
    "role.org_unit": "org unit",
    "role.n": "base",
    "role.comment": "comment",
    "role.actions": "actions",
    "role.desired": "desired",
    "role.accepted": "accepted",
    "role.not_approved": "not approved",
    "problem.target-words.one": (
        "{indicator}: {words} in {texts} is not read: shown with the band, rating nothing"
        " (a deadline is written '35 500 innen 2030' or {{text: '35 500', by: 2030}})"
    ),
    "problem.target-words": (
        "{indicator}: {words} in {texts} are not read: shown with the band, rating nothing"
        " (a deadline is written '35 500 innen 2030' or {{text: '35 500', by: 2030}})"
    ),
}
