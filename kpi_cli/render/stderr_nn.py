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
    "engine.small": "auto: DuckDB straumar csv frå {mb} MB CSV, eller Parquet",
    "msg.engine.streamed": "motor: {engine} ({why}), straumt (vurdert og skrive av DuckDB)",
    "msg.engine.report": "motor: {engine} ({why}), gjennom rapporten: {reason}",
    "engine.parquet_out": "auto: Parquet-utdata",
    "engine.large": "auto: {mb} MB inndata",
    "stream.format": "--format {fmt} vert skriven frå rapporten",
    "stream.verdict": "{indicator} har rate: verdict (eit publisert ord som resultat), som berre rapporten skriv",
    "stream.deadline": (
        "{indicator} har eit mål med frist (vurdert langs vegen frå første resultat), som berre rapporten skriv"
    ),
    "stream.key": "{indicator} har {what}, som berre rapporten skriv",
    "stream.not_plain": "{path} er ikkje ei enkel CSV- eller Parquet-fil",
    "stream.quotes": "{path} har hermeteikn eller tomme linjer: linjenummera til radene kjem frå Python-lesaren",
    "stream.breaks": "{path} har eit anna linjeskift enn CR og LF (FF, VT, NEL, U+2028 ...): Python-lesaren les henne",
    "stream.unsure": "den raske lesaren er usikker på inndataa ({detail})",
    "stream.no_header": "den raske lesaren er usikker på inndataa ({path}: inga overskriftsrad)",
    "stream.wide": "den raske lesaren er usikker på inndataa ({path}: ein brei tabell)",
    "stream.not_csv": "den raske lesaren er usikker på inndataa ({path}: ikkje ei CSV- eller Parquet-fil)",
    "stream.unreadable": "DuckDB kunne ikkje lese inndataa: {detail}",
    "stream.scale": "ein verdi ligg utanfor skalaen sin: Python-lesaren seier kvar",
    "stream.rows": "nokre rader er ikkje enkle: Python-lesaren les dei",
    "stream.bands": "{path} skriv ut band: rapporten samanliknar dei med definisjonane",
    "stream.encoding": "{path}: teiknkoding {encoding} vert lesen av Python-lesaren",
    "stream.cp1252": "{path}: Windows-1252-bokstavar vert lesne av Python-lesaren",
    "stream.exponent": "eit tal under 0,0001 eller frå 10^16 vert skrive med eksponent: rapporten skriv det",
    "stream.two_ways": "eit tal kan lesast på to måtar (12.500): Python-lesaren seier frå på lina",
    "stream.no_results": "ingen resultat",
    "msg.validate": (
        "{path}: ok: {areas} {areas_noun}, {goals} {goals_noun}, {indicators} {indicators_noun}, {warnings} "
        "{warnings_noun}"
    ),
    "msg.fetched": "{path}: henta",
    "msg.saved": "{path}: lagra frå før",
    "msg.unchanged": "{path}: uendra",
    "msg.wrote": "skreiv {path}",
    "msg.to_finish": "{places} {places_noun} å gjere ferdig for hand: lista over, merkte TO FINISH i fila",
    "msg.next": "neste:",
    "msg.next_in": "neste, i {directory}:",
    "noun.places.one": "stad",
    "noun.places.many": "stader",
    "noun.areas.one": "fokusområde",
    "noun.areas.many": "fokusområde",
    "noun.goals.one": "mål",
    "noun.goals.many": "mål",
    "noun.warnings.one": "åtvaring",
    "noun.warnings.many": "åtvaringar",
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
