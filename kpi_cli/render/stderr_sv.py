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
    "engine.small": "auto: DuckDB strömmar csv från {mb} MB CSV, eller Parquet",
    "msg.engine.streamed": "motor: {engine} ({why}), strömmad (bedömd och skriven av DuckDB)",
    "msg.engine.report": "motor: {engine} ({why}), via rapporten: {reason}",
    "engine.parquet_out": "auto: Parquet-utdata",
    "engine.large": "auto: {mb} MB indata",
    "stream.format": "--format {fmt} skrivs från rapporten",
    "stream.verdict": "{indicator} har rate: verdict (ett publicerat ord som resultat), som bara rapporten skriver",
    "stream.deadline": (
        "{indicator} har ett mål med tidsgräns (bedöms längs vägen från första resultatet), som bara rapporten skriver"
    ),
    "stream.key": "{indicator} har {what}, som bara rapporten skriver",
    "stream.not_plain": "{path} är inte en enkel CSV- eller Parquet-fil",
    "stream.quotes": "{path} har citattecken eller tomma rader: radernas radnummer kommer från Python-läsaren",
    "stream.breaks": "{path} har en annan radbrytning än CR och LF (FF, VT, NEL, U+2028 ...): Python-läsaren läser den",
    "stream.unsure": "den snabba läsaren är osäker på indata ({detail})",
    "stream.no_header": "den snabba läsaren är osäker på indata ({path}: ingen rubrikrad)",
    "stream.wide": "den snabba läsaren är osäker på indata ({path}: en bred tabell)",
    "stream.not_csv": "den snabba läsaren är osäker på indata ({path}: inte en CSV- eller Parquet-fil)",
    "stream.unreadable": "DuckDB kunde inte läsa indata: {detail}",
    "stream.scale": "ett värde ligger utanför sin skala: Python-läsaren säger var",
    "stream.rows": "några rader är inte enkla: Python-läsaren läser dem",
    "stream.bands": "{path} skriver ut band: rapporten jämför dem med definitionerna",
    "stream.encoding": "{path}: teckenkodning {encoding} läses av Python-läsaren",
    "stream.cp1252": "{path}: Windows-1252-bokstäver läses av Python-läsaren",
    "stream.exponent": "ett tal under 0,0001 eller från 10^16 skrivs med exponent: rapporten skriver det",
    "stream.two_ways": "ett tal kan läsas på två sätt (12.500): Python-läsaren säger till på raden",
    "stream.no_results": "inga resultat",
    "msg.validate": (
        "{path}: ok: {areas} {areas_noun}, {goals} {goals_noun}, {indicators} {indicators_noun}, {warnings} "
        "{warnings_noun}"
    ),
    "msg.fetched": "{path}: hämtad",
    "msg.saved": "{path}: sparad sedan tidigare",
    "msg.unchanged": "{path}: oförändrad",
    "msg.wrote": "skrev {path}",
    "msg.to_finish": "{places} {places_noun} att göra färdigt för hand: listade ovan, märkta TO FINISH i filen",
    "msg.next": "nästa:",
    "msg.next_in": "nästa, i {directory}:",
    "noun.places.one": "ställe",
    "noun.places.many": "ställen",
    "noun.areas.one": "fokusområde",
    "noun.areas.many": "fokusområden",
    "noun.goals.one": "mål",
    "noun.goals.many": "mål",
    "noun.warnings.one": "varning",
    "noun.warnings.many": "varningar",
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
