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
    # a value that reads two ways (results/marks.py)
    "problem.ambiguous-number": (
        "{indicator}: värdet {text} kan läsas på två sätt, {decimal} "
        "eller {grouped}, och {why}: skriv {decimal} eller {write}"
    ),
    "problem.ambiguous.none": "inget annat tal i filen har decimaler, och {says} skriver decimaler med {mark}",
    "problem.ambiguous.both": "filen skriver decimaler både med komma och med punkt",
    "problem.ambiguous.other": "filen skriver decimaler med {mark}",
    "problem.ambiguous.comma": "komma",
    "problem.ambiguous.point": "punkt",
    "problem.ambiguous.headed": "en värdekolumn med rubriken {name}",
    "problem.ambiguous.separated": "en fil avgränsad med {separated}",
    "problem.ambiguous.tabs": "tabbar",
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
    # the definitions file: its YAML, and the fields every part of it has
    "problem.yaml.unquoted": "ogiltig YAML: sätt värdet inom citattecken: {shown}",
    "problem.yaml.tab": "ogiltig YAML: ett tabbtecken: YAML drar in med mellanslag; använd mellanslag",
    "problem.yaml.indent": "ogiltig YAML: indraget stämmer inte med raderna ovanför; dra in med lika många mellanslag",
    "problem.yaml.colon": (
        "ogiltig YAML: ett ':' där inget får stå; kontrollera indraget eller sätt texten inom citattecken"
    ),
    "problem.yaml.no-colon": "ogiltig YAML: en nyckel utan ':'; skriv 'nyckel: värde'",
    "problem.yaml.quote": "ogiltig YAML: ett citattecken är inte stängt",
    "problem.yaml.list": "ogiltig YAML: en [ ]-lista är inte stängd med ']'",
    "problem.yaml.mapping": "ogiltig YAML: ett {{ }}-block är inte stängt med '}}'",
    "problem.field.mapping": "{what} måste vara nycklar med värden (rader med nyckel: värde)",
    "problem.field.duplicate-key": "{what}: nyckeln {field} anges två gånger",
    "problem.field.unknown-key": "{what}: okänd nyckel {field}{hint}",
    "problem.field.close": " (menade du {close}?)",
    "problem.field.allowed": "; tillåtna: {allowed}",
    "problem.field.missing-key": "{what}: den obligatoriska nyckeln {field} saknas",
    "problem.field.list": "{what} måste vara en lista",
    "problem.field.text": "{what} måste vara text",
    "problem.field.empty": "{what} får inte vara tom",
    "problem.field.whole": "{what} måste vara ett heltal, inte {shown}",
    "problem.field.number": "{what} måste vara ett tal, inte {shown}",
    "problem.field.boolean": "{what} måste vara true eller false, inte {shown}",
    "problem.field.choice": "{what} måste vara en av {choices}, inte {shown}",
    "problem.field.a-list": "en lista",
    "problem.field.a-mapping": "nycklar med värden",
    # what a problem in the definitions is about, when it is a part with no key of its own
    "problem.field.what.definitions": "definitionerna",
    "problem.field.what.indicator": "indikator",
    "problem.field.what.indicator-id": "indikator-id",
    "problem.field.what.indicator-named": "indikator {rest}",
    "problem.field.what.focus-area": "fokusområde",
    "problem.field.what.focus-area-id": "fokusområde-id",
    "problem.field.what.goal": "mål",
    "problem.field.what.goal-id": "mål-id",
    "problem.field.what.measure": "mätvärde",
    "problem.field.what.measure-id": "mätvärde-id",
    "problem.field.what.level": "nivå",
    "problem.field.what.level-id": "nivå-id",
}
