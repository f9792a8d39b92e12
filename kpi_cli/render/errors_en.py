"""The errors that stop a run, in English: the sentences of the problems the core raises with a
key (``Problem.key``), kept apart from :mod:`kpi_cli.render.stderr_en` (the notes and warnings)
by job. A value named ``NAME_key`` is a part of the sentence, ``problem.VALUE`` ("" for none).
The English ones say exactly what the core's own messages say."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # a results file as a whole
    "problem.not-found": "results file not found",
    "problem.empty-folder": "is a folder with no results files ({suffixes})",
    "problem.cannot-read": "cannot read results file: {why}",
    "problem.no-results": "no results in the file (it is empty, or has a header only)",
    "problem.no-year": (
        "no year: add a year column (år), put the year in the file name (results/2014.csv) or give --year"
    ),
    # a row of a results file
    "problem.field-count": "row has {fields} fields but the header has {width}{hint}",
    "problem.field-count.comma": ": a decimal comma in a comma-separated file? Quote the value or separate with ;",
    "problem.no-indicator": "row has no indicator id",
    "problem.no-year.row": "{indicator}: no year in the row, the file name or --year",
    "problem.invalid-year": "{indicator}: year {text} is not a year",
    "problem.not-a-number": "{indicator}: value {text} is not a number",
    "problem.not-plausible": "{indicator}: value {text} is not a plausible result",
    "problem.value-with-sign": (
        "{indicator}: value {text} is written with a sign: write the number itself, without {sign}"
    ),
    "problem.negative-base": "{indicator}: n (the base) {text} is negative",
    "problem.date": (
        "{indicator}: the value cell holds a date or time in Excel ({text}), not a number:"
        " type the number again in a cell formatted as a number or as text"
    ),
    # a result against the definitions
    "problem.unknown-indicator": "unknown indicator {id}{from}{hint}",
    "problem.unknown-indicator.from": " (from {cell})",
    "problem.unknown-indicator.close": " (did you mean {close}?)",
    "problem.unknown-indicator.named": " (did you mean {close}? the name column names it)",
    "problem.unknown-indicator.known": "; known ids: {ids}{more}",
    "problem.unknown-indicator.more": " ... and {others} more",
    "problem.duplicate-result": "duplicate result for {indicator} {year}{unit}: already given at {first}",
    "problem.duplicate-result.unit": " for {org_unit}",
    "problem.value-outside-scale": "{indicator}: value {value} is outside the scale {scale}{unit}: a typing error?",
    "problem.value-disagrees": (
        "{indicator}: the value {value} given does not agree with {computed} computed from {inputs}"
    ),
}
