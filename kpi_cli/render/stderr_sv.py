"""The lines kpi writes on stderr, in Swedish; the keys and their rules: :mod:`kpi_cli.render.stderr_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "msg.fails.one": "{count} resultat underkänns av {rule}: {names}",
    "msg.fails.many": "{count} resultat underkänns av {rule}: {names}",
    "msg.worse.one": "{count} resultat är sämre än året före: {names}",
    "msg.worse.many": "{count} resultat är sämre än året före: {names}",
    "msg.showing": "obs: visar {shown}; {others} bedömda som historik (--year visar ett annat år)",
    "msg.coverage": "obs: {year}: {given} av {of} resultat; {fuller} har {fuller_given}: --year {fuller}",
    "msg.accounting": (
        "{read} {read_noun} lästa = {rated} bedömda + {not_rated} visade, inte bedömda + {no_result} utan "
        "resultat{words}{measures} + {rejected} avvisade{unbalanced}"
    ),
    "msg.accounting.measures": " + {measures} {measures_noun}",
    "msg.accounting.unbalanced": "  (GÅR INTE IHOP: rapportera gärna)",
    "msg.read": "{path}: läst {how}{layout} tabell, {results} {results_noun}",
    "msg.read.csv": "teckenkodning {encoding}, avgränsare {delimiter}, ",
    "msg.read.sheet": "blad {sheet}, ",
    "msg.cells": "{path}: celler som inte lästs som resultat: {cells}",
    "msg.engine": "motor: {engine} ({why})",
    "engine.not_installed": "auto: duckdb är inte installerat",
    "engine.parquet": "auto: Parquet-filer",
    "engine.small": "auto: DuckDB strömmar json, jsonl och csv från {mb} MB CSV, eller Parquet",
    "layout.long": "lång",
    "layout.wide": "bred",
    "layout.updated": "uppdaterad",
    "cells.benchmark": "jämförelse",
    "cells.other_table": "annan tabell",
    "cells.not_selected": "inte vald",
    "cells.not_a_year": "inte ett år",
    "cells.no_region": "utan region",
    "cells.other_region": "annan region",
    "cells.replaced": "ersatt",
    "noun.read.one": "resultat",
    "noun.read.many": "resultat",
    "noun.results.one": "resultat",
    "noun.results.many": "resultat",
    "noun.measures.one": "mätvärde",
    "noun.measures.many": "mätvärden",
    "noun.gaps.one": "lucka",
    "noun.gaps.many": "luckor",
    "noun.indicators.one": "indikator",
    "noun.indicators.many": "indikatorer",
    "problem.footnote-mark": "{indicator}: fotnotstecken borttagna från {text}: läst som {read}",
    "problem.result-text": "{indicator}: {text} läst som inget resultat",
    "problem.beyond-bands": (
        "{indicator}: {value} ligger utanför alla band och ingen skala är satt: bedömt som {rated_status} efter "
        "det yttersta bandet på sin sida{band}; ett skrivfel, eller band som anger storleken på ett värde med "
        "tecken (som 'negativt avvik')?"
    ),
    "problem.band-gap": (
        "{indicator}: värden i {interval} hamnar mellan {below_status} och {above_status}; bedöms som "
        "{rated_status} enligt gap_policy {policy}"
    ),
    "problem.band-gap.nearest": (
        "{indicator}: värden i {interval} hamnar mellan {below_status} och {above_status}; bedöms efter "
        "närmaste kant (lika avstånd ger {tie_status}) enligt gap_policy {policy}"
    ),
    "problem.gap-summary": (
        "{gaps} {gaps_noun} mellan banden i {indicators} {indicators_noun} rymmer bara värden skrivna med fler "
        "decimaler än banden (t.ex. {example} i {indicator}, mellan {below_status} och {above_status}); sådana "
        "värden bedöms enligt gap_policy"
    ),
    "problem.band-reading.below": (
        "{indicator}: bandet {band_status} {part} läses som intervallet {range}; {sign} tas som att det ligger "
        "under bandet för önskat resultat"
    ),
    "problem.band-reading.above": (
        "{indicator}: bandet {band_status} {part} läses som intervallet {range}; {sign} tas som att det ligger "
        "över bandet för önskat resultat"
    ),
    "problem.band-reading.but": ", men det gör det inte (önskat: {desired})",  # words.py appends it to the two above
    "msg.accounting.words": " ({count} skrivna som ord)",
    "msg.read.columns": "{path}: läste kolumnerna {columns}{years}",
    "msg.read.columns.wide": " och en värdekolumn per år",
    "msg.read.percent": "{path}: celler med procentformat lästa som procenten som visas: {count} ({example})",
    "role.indicator": "indikator",
    "role.name": "namn",
    "role.year": "år",
    "role.value": "värde",
    "role.org_unit": "enhet",
    "role.n": "underlag",
    "role.comment": "kommentar",
    "role.actions": "åtgärder",
    "role.desired": "önskat",
    "role.accepted": "lägsta godtagna",
    "role.not_approved": "ej godkänt",
    "problem.target-words.one": (
        "{indicator}: {words} i {texts} läses inte: visas med bandet men bedömer ingenting"
        " (en tidsgräns skrivs '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
    "problem.target-words": (
        "{indicator}: {words} i {texts} läses inte: visas med bandet men bedömer ingenting"
        " (en tidsgräns skrivs '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
}
