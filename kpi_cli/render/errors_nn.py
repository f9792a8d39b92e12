"""The errors that stop a run, in nynorsk; the keys and their rules: :mod:`kpi_cli.render.errors_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # a results file as a whole
    "problem.not-found": "finn ikkje resultatfila",
    "problem.empty-folder": "er ei mappe utan resultatfiler ({suffixes})",
    "problem.cannot-read": "kan ikkje lese resultatfila: {why}",
    "problem.no-results": "ingen resultat i fila (ho er tom, eller har berre ei overskriftsrad)",
    "problem.no-year": (
        "manglar år: legg til ein årskolonne (år), set året i filnamnet (results/2014.csv) eller bruk --year"
    ),
    # a row of a results file
    "problem.field-count": "rada har {fields} felt, men overskriftsrada har {width}{hint}",
    "problem.field-count.comma": (
        ": desimalkomma i ei kommaseparert fil? Set verdien i hermeteikn, eller skil felta med ;"
    ),
    "problem.no-indicator": "rada manglar indikator-id",
    "problem.no-year.row": "{indicator}: ikkje noko år i rada, i filnamnet eller frå --year",
    "problem.invalid-year": "{indicator}: året {text} er ikkje eit årstal",
    "problem.not-a-number": "{indicator}: verdien {text} er ikkje eit tal",
    "problem.not-plausible": "{indicator}: verdien {text} er ikkje eit mogleg resultat",
    "problem.value-with-sign": (
        "{indicator}: verdien {text} er skriven med samanlikningsteikn: skriv sjølve talet, utan {sign}"
    ),
    "problem.negative-base": "{indicator}: n (grunnlaget) {text} er negativt",
    "problem.date": (
        "{indicator}: verdicella inneheld ein dato eller eit klokkeslett i Excel ({text}), ikkje eit tal:"
        " skriv talet på nytt i ei celle formatert som tal eller tekst"
    ),
    # a value that reads two ways (results/marks.py)
    "problem.ambiguous-number": (
        "{indicator}: verdien {text} kan lesast på to måtar, {decimal"
        "} eller {grouped}, og {why}: skriv {decimal} eller {write}"
    ),
    "problem.ambiguous.none": "ingen andre tal i fila har desimalar, og {says} skriv desimalar med {mark}",
    "problem.ambiguous.both": "fila skriv desimalar både med komma og med punktum",
    "problem.ambiguous.other": "fila skriv desimalar med {mark}",
    "problem.ambiguous.comma": "komma",
    "problem.ambiguous.point": "punktum",
    "problem.ambiguous.headed": "ein verdikolonne med overskrifta {name}",
    "problem.ambiguous.separated": "ei fil delt med {separated}",
    "problem.ambiguous.tabs": "tabulatorar",
    # a result against the definitions
    "problem.unknown-indicator": "ukjend indikator {id}{from}{hint}",
    "problem.unknown-indicator.from": " (frå {cell})",
    "problem.unknown-indicator.close": " (meinte du {close}?)",
    "problem.unknown-indicator.named": " (meinte du {close}? namnekolonnen oppgir han)",
    "problem.unknown-indicator.known": "; kjende id-ar: {ids}{more}",
    "problem.unknown-indicator.more": " ... og {others} til",
    "problem.duplicate-result": "dobbelt resultat for {indicator} {year}{unit}: alt gitt på {first}",
    "problem.duplicate-result.unit": " for {org_unit}",
    "problem.value-outside-scale": "{indicator}: verdien {value} ligg utanfor skalaen {scale}{unit}: ein skrivefeil?",
    "problem.value-disagrees": (
        "{indicator}: verdien {value} som er oppgitt, stemmer ikkje med {computed} rekna ut frå {inputs}"
    ),
    # the definitions file: its YAML, and the fields every part of it has
    "problem.yaml.unquoted": "ugyldig YAML: set verdien i hermeteikn: {shown}",
    "problem.yaml.tab": "ugyldig YAML: eit tabulatorteikn: YAML rykkjer inn med mellomrom; bruk mellomrom",
    "problem.yaml.indent": "ugyldig YAML: innrykket stemmer ikkje med linjene over; rykk inn med like mange mellomrom",
    "problem.yaml.colon": (
        "ugyldig YAML: eit ':' der det ikkje kan stå; sjekk innrykket, eller set teksten i hermeteikn"
    ),
    "problem.yaml.no-colon": "ugyldig YAML: ein nøkkel utan ':'; skriv 'nøkkel: verdi'",
    "problem.yaml.quote": "ugyldig YAML: eit hermeteikn er ikkje lukka",
    "problem.yaml.list": "ugyldig YAML: ei [ ]-liste er ikkje lukka med ']'",
    "problem.yaml.mapping": "ugyldig YAML: ei {{ }}-blokk er ikkje lukka med '}}'",
    "problem.field.mapping": "{what} må vere nøklar med verdiar (liner med nøkkel: verdi)",
    "problem.field.duplicate-key": "{what}: nøkkelen {field} er gitt to gonger",
    "problem.field.unknown-key": "{what}: ukjend nøkkel {field}{hint}",
    "problem.field.close": " (meinte du {close}?)",
    "problem.field.allowed": "; tillate: {allowed}",
    "problem.field.missing-key": "{what}: manglar den påkravde nøkkelen {field}",
    "problem.field.list": "{what} må vere ei liste",
    "problem.field.text": "{what} må vere tekst",
    "problem.field.empty": "{what} kan ikkje vere tom",
    "problem.field.whole": "{what} må vere eit heiltal, ikkje {shown}",
    "problem.field.number": "{what} må vere eit tal, ikkje {shown}",
    "problem.field.boolean": "{what} må vere true eller false, ikkje {shown}",
    "problem.field.choice": "{what} må vere ein av {choices}, ikkje {shown}",
    "problem.field.a-list": "ei liste",
    "problem.field.a-mapping": "nøklar med verdiar",
    # what a problem in the definitions is about, when it is a part with no key of its own
    "problem.field.what.definitions": "definisjonane",
    "problem.field.what.indicator": "indikator",
    "problem.field.what.indicator-id": "indikator-id",
    "problem.field.what.indicator-named": "indikator {rest}",
    "problem.field.what.focus-area": "fokusområde",
    "problem.field.what.focus-area-id": "fokusområde-id",
    "problem.field.what.goal": "mål",
    "problem.field.what.goal-id": "mål-id",
    "problem.field.what.measure": "måletal",
    "problem.field.what.measure-id": "måletal-id",
    "problem.field.what.level": "nivå",
    "problem.field.what.level-id": "nivå-id",
}
