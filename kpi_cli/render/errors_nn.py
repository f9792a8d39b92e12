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
}
