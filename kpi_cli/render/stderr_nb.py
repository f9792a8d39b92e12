"""The lines kpi writes on stderr, in bokmål; the keys and their rules: :mod:`kpi_cli.render.stderr_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "msg.fails.one": "{count} resultat feiler {rule}: {names}",
    "msg.fails.many": "{count} resultater feiler {rule}: {names}",
    "msg.worse.one": "{count} resultat er verre enn året før: {names}",
    "msg.worse.many": "{count} resultater er verre enn året før: {names}",
    "msg.showing": "merk: viser {shown}; {others} vurdert som historikk (--year viser et annet år)",
    "msg.coverage": "merk: {year}: {given} av {of} resultater; {fuller} har {fuller_given}: --year {fuller}",
    "msg.accounting": (
        "{read} {read_noun} lest = {rated} vurdert + {not_rated} vist, ikke vurdert + {no_result} uten resultat"
        "{words}{measures} + {rejected} avvist{unbalanced}"
    ),
    "msg.accounting.measures": " + {measures} {measures_noun}",
    "msg.accounting.unbalanced": "  (GÅR IKKE OPP: meld gjerne fra)",
    "msg.read": "{path}: lest {how}{layout} tabell, {results} {results_noun}",
    "msg.read.csv": "tegnkoding {encoding}, skilletegn {delimiter}, ",
    "msg.read.sheet": "ark {sheet}, ",
    "msg.cells": "{path}: celler som ikke er lest som resultater: {cells}",
    "msg.engine": "motor: {engine} ({why})",
    "engine.not_installed": "auto: duckdb er ikke installert",
    "engine.parquet": "auto: Parquet-filer",
    "engine.small": "auto: DuckDB strømmer csv fra {mb} MB CSV, eller Parquet",
    "msg.engine.streamed": "motor: {engine} ({why}), strømmet (vurdert og skrevet av DuckDB)",
    "msg.engine.report": "motor: {engine} ({why}), gjennom rapporten: {reason}",
    "engine.parquet_out": "auto: Parquet-utdata",
    "engine.large": "auto: {mb} MB inndata",
    "stream.format": "--format {fmt} skrives fra rapporten",
    "stream.verdict": "{indicator} har rate: verdict (et publisert ord som resultat), som bare rapporten skriver",
    "stream.deadline": (
        "{indicator} har et mål med frist (vurdert langs veien fra første resultat), som bare rapporten skriver"
    ),
    "stream.key": "{indicator} har {what}, som bare rapporten skriver",
    "stream.not_plain": "{path} er ikke en enkel CSV- eller Parquet-fil",
    "stream.quotes": "{path} har anførselstegn eller tomme linjer: radenes linjenumre kommer fra Python-leseren",
    "stream.breaks": "{path} har et annet linjeskift enn CR og LF (FF, VT, NEL, U+2028 ...): Python-leseren leser den",
    "stream.unsure": "den raske leseren er usikker på inndataene ({detail})",
    "stream.no_header": "den raske leseren er usikker på inndataene ({path}: ingen overskriftsrad)",
    "stream.wide": "den raske leseren er usikker på inndataene ({path}: en bred tabell)",
    "stream.not_csv": "den raske leseren er usikker på inndataene ({path}: ikke en CSV- eller Parquet-fil)",
    "stream.unreadable": "DuckDB kunne ikke lese inndataene: {detail}",
    "stream.scale": "en verdi ligger utenfor skalaen sin: Python-leseren sier hvor",
    "stream.rows": "noen rader er ikke enkle: Python-leseren leser dem",
    "stream.bands": "{path} skriver ut bånd: rapporten sammenligner dem med definisjonene",
    "stream.encoding": "{path}: tegnkoding {encoding} leses av Python-leseren",
    "stream.cp1252": "{path}: Windows-1252-bokstaver leses av Python-leseren",
    "stream.exponent": "et tall under 0,0001 eller fra 10^16 skrives med eksponent: rapporten skriver det",
    "stream.two_ways": "et tall kan leses på to måter (12.500): Python-leseren sier fra på linjen",
    "stream.no_results": "ingen resultater",
    "msg.validate": (
        "{path}: ok: {areas} {areas_noun}, {goals} {goals_noun}, {indicators} {indicators_noun}, {warnings} "
        "{warnings_noun}"
    ),
    "msg.fetched": "{path}: hentet",
    "msg.saved": "{path}: lagret fra før",
    "msg.unchanged": "{path}: uendret",
    "msg.wrote": "skrev {path}",
    "msg.to_finish": "{places} {places_noun} å gjøre ferdig for hånd: listet over, merket TO FINISH i filen",
    "msg.next": "neste:",
    "msg.next_in": "neste, i {directory}:",
    "noun.places.one": "sted",
    "noun.places.many": "steder",
    "noun.areas.one": "fokusområde",
    "noun.areas.many": "fokusområder",
    "noun.goals.one": "mål",
    "noun.goals.many": "mål",
    "noun.warnings.one": "advarsel",
    "noun.warnings.many": "advarsler",
    "layout.long": "lang",
    "layout.wide": "bred",
    "layout.updated": "oppdatert",
    "cells.benchmark": "sammenligning",
    "cells.other_table": "annen tabell",
    "cells.not_selected": "ikke valgt",
    "cells.not_a_year": "ikke et år",
    "cells.no_region": "uten region",
    "cells.other_region": "annen region",
    "cells.replaced": "erstattet",
    "noun.read.one": "resultat",
    "noun.read.many": "resultater",
    "noun.results.one": "resultat",
    "noun.results.many": "resultater",
    "noun.measures.one": "måletall",
    "noun.measures.many": "måletall",
    "noun.gaps.one": "hull",
    "noun.gaps.many": "hull",
    "noun.indicators.one": "indikator",
    "noun.indicators.many": "indikatorer",
    "problem.footnote-mark": "{indicator}: fotnotetegn fjernet fra {text}: lest som {read}",
    "problem.result-text": "{indicator}: {text} lest som intet resultat",
    "problem.beyond-bands": (
        "{indicator}: {value} ligger utenfor alle bånd, og ingen skala er satt: vurdert som {rated_status} etter "
        "det ytterste båndet på sin side{band}; en skrivefeil, eller bånd som oppgir størrelsen på en verdi med "
        "fortegn (som 'negativt avvik')?"
    ),
    "problem.band-gap": (
        "{indicator}: verdier i {interval} faller mellom {below_status} og {above_status}; vurderes som "
        "{rated_status} etter gap_policy {policy}"
    ),
    "problem.band-gap.nearest": (
        "{indicator}: verdier i {interval} faller mellom {below_status} og {above_status}; vurderes etter "
        "nærmeste kant (lik avstand gir {tie_status}) etter gap_policy {policy}"
    ),
    "problem.gap-summary": (
        "{gaps} {gaps_noun} mellom båndene i {indicators} {indicators_noun} rommer bare verdier skrevet med flere "
        "desimaler enn båndene (f.eks. {example} i {indicator}, mellom {below_status} og {above_status}); slike "
        "verdier vurderes etter gap_policy"
    ),
    "problem.band-reading.below": (
        "{indicator}: båndet {band_status} {part} leses som området {range}; {sign} tas som at det ligger "
        "under båndet for ønsket resultat"
    ),
    "problem.band-reading.above": (
        "{indicator}: båndet {band_status} {part} leses som området {range}; {sign} tas som at det ligger "
        "over båndet for ønsket resultat"
    ),
    "problem.band-reading.but": ", men det gjør det ikke (ønsket: {desired})",  # words.py appends it to the two above
    "msg.accounting.words": " ({count} skrevet som ord)",
    "msg.read.columns": "{path}: leste kolonnene {columns}{years}",
    "msg.read.columns.wide": " og én verdikolonne per år",
    "msg.read.percent": "{path}: celler med prosentformat lest som prosenten som vises: {count} ({example})",
    "role.indicator": "indikator",
    "role.name": "navn",
    "role.year": "år",
    "role.value": "verdi",
    "role.org_unit": "enhet",
    "role.n": "grunnlag",
    "role.comment": "kommentar",
    "role.actions": "tiltak",
    "role.desired": "ønsket",
    "role.accepted": "laveste akseptert",
    "role.not_approved": "ikke godkjent",
    "problem.target-words.one": (
        "{indicator}: {words} i {texts} blir ikke lest: vises med båndet, men vurderer ingenting"
        " (en frist skrives '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
    "problem.target-words": (
        "{indicator}: {words} i {texts} blir ikke lest: vises med båndet, men vurderer ingenting"
        " (en frist skrives '35 500 innen 2030' eller {{text: '35 500', by: 2030}})"
    ),
}
