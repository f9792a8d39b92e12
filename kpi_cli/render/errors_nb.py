"""The errors that stop a run, in bokmål; the keys and their rules: :mod:`kpi_cli.render.errors_en`."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # a results file as a whole
    "problem.not-found": "finner ikke resultatfilen",
    "problem.empty-folder": "er en mappe uten resultatfiler ({suffixes})",
    "problem.cannot-read": "kan ikke lese resultatfilen: {why}",
    "problem.no-results": "ingen resultater i filen (den er tom, eller har bare en overskriftsrad)",
    "problem.no-year": (
        "mangler år: legg til en årskolonne (år), sett året i filnavnet (results/2014.csv) eller bruk --year"
    ),
    # a row of a results file
    "problem.field-count": "raden har {fields} felt, men overskriftsraden har {width}{hint}",
    "problem.field-count.comma": (
        ": desimalkomma i en kommaseparert fil? Sett verdien i anførselstegn, eller skill feltene med ;"
    ),
    "problem.no-indicator": "raden mangler indikator-id",
    "problem.no-year.row": "{indicator}: ikke noe år i raden, i filnavnet eller fra --year",
    "problem.invalid-year": "{indicator}: året {text} er ikke et årstall",
    "problem.not-a-number": "{indicator}: verdien {text} er ikke et tall",
    "problem.not-plausible": "{indicator}: verdien {text} er ikke et mulig resultat",
    "problem.value-with-sign": (
        "{indicator}: verdien {text} er skrevet med sammenligningstegn: skriv selve tallet, uten {sign}"
    ),
    "problem.negative-base": "{indicator}: n (grunnlaget) {text} er negativt",
    "problem.date": (
        "{indicator}: verdicellen inneholder en dato eller et klokkeslett i Excel ({text}), ikke et tall:"
        " skriv tallet på nytt i en celle formatert som tall eller tekst"
    ),
    # a value that reads two ways (results/marks.py)
    "problem.ambiguous-number": (
        "{indicator}: verdien {text} kan leses på to måter, {decimal}"
        " eller {grouped}, og {why}: skriv {decimal} eller {write}"
    ),
    "problem.ambiguous.none": "ingen andre tall i filen har desimaler, og {says} skriver desimaler med {mark}",
    "problem.ambiguous.both": "filen skriver desimaler både med komma og med punktum",
    "problem.ambiguous.other": "filen skriver desimaler med {mark}",
    "problem.ambiguous.comma": "komma",
    "problem.ambiguous.point": "punktum",
    "problem.ambiguous.headed": "en verdikolonne med overskriften {name}",
    "problem.ambiguous.separated": "en fil delt med {separated}",
    "problem.ambiguous.tabs": "tabulatorer",
    # a result against the definitions
    "problem.unknown-indicator": "ukjent indikator {id}{from}{hint}",
    "problem.unknown-indicator.from": " (fra {cell})",
    "problem.unknown-indicator.close": " (mente du {close}?)",
    "problem.unknown-indicator.named": " (mente du {close}? navnekolonnen oppgir den)",
    "problem.unknown-indicator.known": "; kjente id-er: {ids}{more}",
    "problem.unknown-indicator.more": " ... og {others} til",
    "problem.duplicate-result": "dobbelt resultat for {indicator} {year}{unit}: allerede gitt på {first}",
    "problem.duplicate-result.unit": " for {org_unit}",
    "problem.value-outside-scale": "{indicator}: verdien {value} ligger utenfor skalaen {scale}{unit}: en skrivefeil?",
    "problem.value-disagrees": (
        "{indicator}: verdien {value} som er oppgitt, stemmer ikke med {computed} beregnet fra {inputs}"
    ),
    # the definitions file: its YAML, and the fields every part of it has
    "problem.yaml.unquoted": "ugyldig YAML: sett verdien i anførselstegn: {shown}",
    "problem.yaml.tab": "ugyldig YAML: et tabulatortegn: YAML rykker inn med mellomrom; bruk mellomrom",
    "problem.yaml.indent": "ugyldig YAML: innrykket stemmer ikke med linjene over; rykk inn med like mange mellomrom",
    "problem.yaml.colon": (
        "ugyldig YAML: et ':' der det ikke kan stå; sjekk innrykket, eller sett teksten i anførselstegn"
    ),
    "problem.yaml.no-colon": "ugyldig YAML: en nøkkel uten ':'; skriv 'nøkkel: verdi'",
    "problem.yaml.quote": "ugyldig YAML: et anførselstegn er ikke lukket",
    "problem.yaml.list": "ugyldig YAML: en [ ]-liste er ikke lukket med ']'",
    "problem.yaml.mapping": "ugyldig YAML: en {{ }}-blokk er ikke lukket med '}}'",
    "problem.field.mapping": "{what} må være nøkler med verdier (linjer med nøkkel: verdi)",
    "problem.field.duplicate-key": "{what}: nøkkelen {field} er gitt to ganger",
    "problem.field.unknown-key": "{what}: ukjent nøkkel {field}{hint}",
    "problem.field.close": " (mente du {close}?)",
    "problem.field.allowed": "; tillatt: {allowed}",
    "problem.field.missing-key": "{what}: mangler den påkrevde nøkkelen {field}",
    "problem.field.list": "{what} må være en liste",
    "problem.field.text": "{what} må være tekst",
    "problem.field.empty": "{what} kan ikke være tom",
    "problem.field.whole": "{what} må være et heltall, ikke {shown}",
    "problem.field.number": "{what} må være et tall, ikke {shown}",
    "problem.field.boolean": "{what} må være true eller false, ikke {shown}",
    "problem.field.choice": "{what} må være en av {choices}, ikke {shown}",
    "problem.field.a-list": "en liste",
    "problem.field.a-mapping": "nøkler med verdier",
    # what a problem in the definitions is about, when it is a part with no key of its own
    "problem.field.what.definitions": "definisjonene",
    "problem.field.what.indicator": "indikator",
    "problem.field.what.indicator-id": "indikator-id",
    "problem.field.what.indicator-named": "indikator {rest}",
    "problem.field.what.focus-area": "fokusområde",
    "problem.field.what.focus-area-id": "fokusområde-id",
    "problem.field.what.goal": "mål",
    "problem.field.what.goal-id": "mål-id",
    "problem.field.what.measure": "måletall",
    "problem.field.what.measure-id": "måletall-id",
    "problem.field.what.level": "nivå",
    "problem.field.what.level-id": "nivå-id",
}
