"""The lines kpi writes on stderr, in nynorsk; the keys and their rules: :mod:`kpi_cli.render.stderr_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "msg.fails.one": "{count} resultat feilar {rule}: {names}",
    "msg.fails.many": "{count} resultat feilar {rule}: {names}",
    "msg.worse.one": "{count} resultat er verre enn året før: {names}",
    "msg.worse.many": "{count} resultat er verre enn året før: {names}",
    "msg.showing": "merk: viser {shown}; {others} vurdert som historikk (--year viser eit anna år)",
    "msg.coverage": "merk: {year}: {given} av {of} resultat; {fuller} har {fuller_given}: --year {fuller}",
    "msg.accounting": (
        "{read} {read_noun} lesne = {rated} vurderte + {not_rated} viste, ikkje vurderte + {no_result} utan "
        "resultat{words}{measures} + {rejected} avviste{unbalanced}"
    ),
    "msg.accounting.measures": " + {measures} {measures_noun}",
    "msg.accounting.unbalanced": "  (GÅR IKKJE OPP: meld gjerne frå)",
    "msg.read": "{path}: lese {how}{layout} tabell, {results} {results_noun}",
    "msg.read.csv": "teiknkoding {encoding}, skiljeteikn {delimiter}, ",
    "msg.read.sheet": "ark {sheet}, ",
    "msg.cells": "{path}: celler som ikkje er lesne som resultat: {cells}",
    "msg.engine": "motor: {engine} ({why})",
    "engine.not_installed": "auto: duckdb er ikkje installert",
    "engine.parquet": "auto: Parquet-filer",
    "engine.small": "auto: DuckDB straumar json, jsonl og csv frå {mb} MB CSV, eller Parquet",
    "layout.long": "lang",
    "layout.wide": "brei",
    "layout.updated": "oppdatert",
    "cells.benchmark": "samanlikning",
    "cells.other_table": "annan tabell",
    "cells.not_selected": "ikkje valt",
    "cells.not_a_year": "ikkje eit år",
    "cells.no_region": "utan region",
    "cells.other_region": "annan region",
    "cells.replaced": "erstatta",
    "noun.read.one": "resultat",
    "noun.read.many": "resultat",
    "noun.results.one": "resultat",
    "noun.results.many": "resultat",
    "noun.measures.one": "måletal",
    "noun.measures.many": "måletal",
    "noun.gaps.one": "hol",
    "noun.gaps.many": "hol",
    "noun.indicators.one": "indikator",
    "noun.indicators.many": "indikatorar",
    "problem.footnote-mark": "{indicator}: fotnoteteikn fjerna frå {text}: lese som {read}",
    "problem.result-text": "{indicator}: {text} lese som inkje resultat",
    "problem.beyond-bands": (
        "{indicator}: {value} ligg utanfor alle band, og ingen skala er sett: vurdert som {rated_status} etter "
        "det ytste bandet på si side{band}; ein skrivefeil, eller band som gjev storleiken på ein verdi med "
        "forteikn (som 'negativt avvik')?"
    ),
    "problem.band-gap": (
        "{indicator}: verdiar i {interval} fell mellom {below_status} og {above_status}; vurderte som "
        "{rated_status} etter gap_policy {policy}"
    ),
    "problem.band-gap.nearest": (
        "{indicator}: verdiar i {interval} fell mellom {below_status} og {above_status}; vurderte etter "
        "næraste kant (lik avstand gjev {tie_status}) etter gap_policy {policy}"
    ),
    "problem.gap-summary": (
        "{gaps} {gaps_noun} mellom banda i {indicators} {indicators_noun} rommar berre verdiar skrivne med fleire "
        "desimalar enn banda (t.d. {example} i {indicator}, mellom {below_status} og {above_status}); slike "
        "verdiar vert vurderte etter gap_policy"
    ),
    "problem.band-reading.below": (
        "{indicator}: bandet {band_status} {part} vert lese som området {range}; {sign} vert teke som at det ligg "
        "under bandet for ønskt resultat"
    ),
    "problem.band-reading.above": (
        "{indicator}: bandet {band_status} {part} vert lese som området {range}; {sign} vert teke som at det ligg "
        "over bandet for ønskt resultat"
    ),
    "problem.band-reading.but": ", men det gjer det ikkje (ønskt: {desired})",  # words.py appends it to the two above
    "msg.accounting.words": " ({count} skrivne som ord)",
    "msg.read.columns": "{path}: las kolonnane {columns}{years}",
    "msg.read.columns.wide": " og éin verdikolonne per år",
    "msg.read.percent": "{path}: celler med prosentformat lesne som prosenten som blir vist: {count} ({example})",
    "role.indicator": "indikator",
    "role.name": "namn",
    "role.year": "år",
    "role.value": "verdi",
    "role.org_unit": "eining",
    "role.n": "grunnlag",
    "role.comment": "kommentar",
    "role.actions": "tiltak",
    "role.desired": "ønskt",
    "role.accepted": "lågaste akseptert",
    "role.not_approved": "ikkje godkjent",
    "problem.target-words.one": (
        "{indicator}: {words} i {texts} blir ikkje lese: blir vist med bandet, men vurderer ingenting"
        " (ein frist blir skriven '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
    "problem.target-words": (
        "{indicator}: {words} i {texts} blir ikkje lese: blir vist med bandet, men vurderer ingenting"
        " (ein frist blir skriven '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
}
