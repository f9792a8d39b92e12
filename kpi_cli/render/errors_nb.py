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
}
