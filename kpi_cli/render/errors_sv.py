"""The errors that stop a run, in Swedish; the keys and their rules: :mod:`kpi_cli.render.errors_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # a results file as a whole
    "problem.not-found": "resultatfilen hittades inte",
    "problem.empty-folder": "är en mapp utan resultatfiler ({suffixes})",
    "problem.cannot-read": "kan inte läsa resultatfilen: {why}",
    "problem.no-results": "inga resultat i filen (den är tom eller har bara en rubrikrad)",
    "problem.no-year": (
        "inget år: lägg till en årskolumn (år), skriv året i filnamnet (results/2014.csv) eller ange --year"
    ),
    # a row of a results file
    "problem.field-count": "raden har {fields} fält men rubrikraden har {width}{hint}",
    "problem.field-count.comma": (
        ": ett decimalkomma i en kommaseparerad fil? Sätt värdet inom citattecken eller separera fälten med ;"
    ),
    "problem.no-indicator": "raden saknar indikator-id",
    "problem.no-year.row": "{indicator}: inget år i raden, i filnamnet eller från --year",
    "problem.invalid-year": "{indicator}: året {text} är inte ett årtal",
    "problem.not-a-number": "{indicator}: värdet {text} är inte ett tal",
    "problem.not-plausible": "{indicator}: värdet {text} är inte ett rimligt resultat",
    "problem.value-with-sign": (
        "{indicator}: värdet {text} är skrivet med jämförelsetecken: skriv själva talet, utan {sign}"
    ),
    "problem.negative-base": "{indicator}: n (underlaget) {text} är negativt",
    "problem.date": (
        "{indicator}: värdecellen innehåller ett datum eller en tid i Excel ({text}), inte ett tal:"
        " skriv talet igen i en cell formaterad som tal eller text"
    ),
    # a result against the definitions
    "problem.unknown-indicator": "okänd indikator {id}{from}{hint}",
    "problem.unknown-indicator.from": " (från {cell})",
    "problem.unknown-indicator.close": " (menade du {close}?)",
    "problem.unknown-indicator.named": " (menade du {close}? namnkolumnen anger den)",
    "problem.unknown-indicator.known": "; kända id:n: {ids}{more}",
    "problem.unknown-indicator.more": " ... och {others} till",
    "problem.duplicate-result": "dubbelt resultat för {indicator} {year}{unit}: redan angivet på {first}",
    "problem.duplicate-result.unit": " för {org_unit}",
    "problem.value-outside-scale": "{indicator}: värdet {value} ligger utanför skalan {scale}{unit}: ett skrivfel?",
    "problem.value-disagrees": (
        "{indicator}: det angivna värdet {value} stämmer inte med {computed} beräknat från {inputs}"
    ),
}
