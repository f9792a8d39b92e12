"""The definitions file `kpi init` writes when there is no printed scorecard to start from. Pure.

One example of each form an indicator takes (three bands as printed, one target with a direction,
a phase-in year), commented in the language asked for, so a new user edits rather than writes.
The keys are the definitions' own (English); names and comments are in the language.
"""

from __future__ import annotations

LANGUAGES = ("nb", "nn", "sv", "en")

# Every text of the file, per language: the same keys in each (a test checks it).
_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "head": "Målekartet: fokusområder, mål og indikatorer med resultatkrav.\n# Laget av `kpi init`: "
        "bytt ut eksemplene med kommunens egne",
        "forms": "Ett eksempel på hver form: tre resultatkrav, ett mål med retning, en indikator som innfases senere",
        "check": "Sjekk filen med `kpi validate`; alle nøkler er beskrevet i dokumentasjonen (reference/)",
        "scorecard": "Eksempel kommune - målekart",
        "language_note": "språket i rapportene: nb, nn, sv eller en",
        "area": "Samfunn",
        "focus_goal": "Gode tjenester til innbyggerne",
        "goal": "Fornøyde innbyggere og medarbeidere",
        "bands_note": "Tre resultatkrav, skrevet som i det trykte målekartet",
        "name_bands": "Innbyggernes tilfredshet med tjenestene",
        "unit_bands": "poeng",
        "desired": "Ønsket resultat",
        "accepted": "Laveste aksepterte resultat",
        "not_approved": "Ikke godkjent resultat",
        "target_note": "Ett mål og en retning: nådd eller ikke nådd",
        "name_target": "Sykefravær",
        "direction": "lavere er bedre (higher: høyere er bedre)",
        "phase_note": "En ny indikator: vises som ikke innfaset før året i phase_in",
        "name_phase": "Andel søknader levert digitalt",
        "phase_in": "første år den måles og vurderes",
        "at_least": "minst",
        "below": "under",
    },
    "nn": {
        "head": "Målekartet: fokusområde, mål og indikatorar med resultatkrav.\n# Laga av `kpi init`: "
        "byt ut døma med kommunen sine eigne",
        "forms": "Eitt døme på kvar form: tre resultatkrav, eitt mål med retning, "
        "ein indikator som blir innfasa seinare",
        "check": "Sjekk fila med `kpi validate`; alle nøklane er skildra i dokumentasjonen (reference/)",
        "scorecard": "Døme kommune - målekart",
        "language_note": "språket i rapportane: nb, nn, sv eller en",
        "area": "Samfunn",
        "focus_goal": "Gode tenester til innbyggjarane",
        "goal": "Nøgde innbyggjarar og medarbeidarar",
        "bands_note": "Tre resultatkrav, skrivne som i det trykte målekartet",
        "name_bands": "Innbyggjarane si nøgd med tenestene",
        "unit_bands": "poeng",
        "desired": "Ønskt resultat",
        "accepted": "Lågaste aksepterte resultat",
        "not_approved": "Ikkje godkjent resultat",
        "target_note": "Eitt mål og ei retning: nådd eller ikkje nådd",
        "name_target": "Sjukefråvær",
        "direction": "lågare er betre (higher: høgare er betre)",
        "phase_note": "Ein ny indikator: blir vist som ikkje innfasa før året i phase_in",
        "name_phase": "Del søknader leverte digitalt",
        "phase_in": "første år han blir målt og vurdert",
        "at_least": "minst",
        "below": "under",
    },
    "sv": {
        "head": "Styrkortet: fokusområden, mål och indikatorer med resultatkrav.\n# Skapat av `kpi init`: "
        "byt ut exemplen mot kommunens egna",
        "forms": "Ett exempel på varje form: tre resultatkrav, ett mål med riktning, en indikator som fasas in senare",
        "check": "Kontrollera filen med `kpi validate`; alla nycklar beskrivs i dokumentationen (reference/)",
        "scorecard": "Exempel kommun - styrkort",
        "language_note": "språket i rapporterna: nb, nn, sv eller en",
        "area": "Samhälle",
        "focus_goal": "Goda tjänster till invånarna",
        "goal": "Nöjda invånare och medarbetare",
        "bands_note": "Tre resultatkrav, skrivna som i det tryckta styrkortet",
        "name_bands": "Invånarnas nöjdhet med tjänsterna",
        "unit_bands": "poäng",
        "desired": "Önskat resultat",
        "accepted": "Lägsta godtagna resultat",
        "not_approved": "Ej godkänt resultat",
        "target_note": "Ett mål och en riktning: uppnått eller inte",
        "name_target": "Sjukfrånvaro",
        "direction": "lägre är bättre (higher: högre är bättre)",
        "phase_note": "En ny indikator: visas som inte infasad före året i phase_in",
        "name_phase": "Andel ansökningar inlämnade digitalt",
        "phase_in": "första året den mäts och bedöms",
        "at_least": "minst",
        "below": "under",
    },
    "en": {
        "head": "The scorecard: focus areas, goals and indicators with their bands.\n# Made by `kpi init`: "
        "replace the examples with your own",
        "forms": "One example of each form: three bands, one target with a direction, an indicator phased in later",
        "check": "Check the file with `kpi validate`; every key is described in the documentation (reference/)",
        "scorecard": "Example municipality - scorecard",
        "language_note": "the reports' language: nb, nn, sv or en",
        "area": "Community",
        "focus_goal": "Good services to the residents",
        "goal": "Satisfied residents and employees",
        "bands_note": "Three bands, written as the printed scorecard writes them",
        "name_bands": "Residents' satisfaction with the services",
        "unit_bands": "points",
        "desired": "Desired result",
        "accepted": "Lowest accepted result",
        "not_approved": "Not approved",
        "target_note": "One target and a direction: met or not met",
        "name_target": "Sickness absence",
        "direction": "lower is better (higher: higher is better)",
        "phase_note": "A new indicator: shown as not phased in before the year in phase_in",
        "name_phase": "Share of applications made online",
        "phase_in": "the first year it is measured and rated",
        "at_least": "at least",
        "below": "below",
    },
}

# Band text in the language's number style: a decimal comma in the Nordic languages.
_DECIMAL = {"nb": ",", "nn": ",", "sv": ",", "en": "."}

_TEMPLATE = """\
# {head}.
# {forms}.
# {check}.
scorecard: {scorecard}
language: {language}{pad}# {language_note}
focus_areas:
  - id: S
    name: {area}
    focus_goal: {focus_goal}
    goals:
      - id: S.1
        name: {goal}
        indicators:
          # {bands_note}:
          - id: S.1.1
            name: {name_bands}
            unit: {unit_bands}
            scale: [1, 6]
            bands:
              desired: "4{d}5 - 6"          # {desired}
              accepted: "4 - 4{d}4"         # {accepted}
              not_approved: "1 - 3{d}9"     # {not_approved}
          # {target_note}:
          - id: S.1.2
            name: {name_target}
            unit: "%"
            target: "7 %"
            direction: lower              # {direction}
          # {phase_note}:
          - id: S.1.3
            name: {name_phase}
            unit: "%"
            bands:
              desired: "{at_least} 80 %"
              accepted: "60 - 79 %"
              not_approved: "{below} 60 %"
            phase_in: {phase_year}               # {phase_in}
"""


def starter_yaml(language: str, year: int) -> str:
    """The commented definitions file in ``language`` (nb, nn, sv, en); its new indicator is
    phased in the year after ``year``, so this year's template asks only for the other two."""
    words = _WORDS[language]
    return _TEMPLATE.format(
        **words,
        language=language,
        pad=" " * 10,
        d=_DECIMAL[language],
        phase_year=year + 1,
    )
