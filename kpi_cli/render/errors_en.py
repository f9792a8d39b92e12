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
    # a value that reads two ways (results/marks.py)
    "problem.ambiguous-number": (
        "{indicator}: value {text} reads two ways, {decimal} or {grouped}, and {why}: write {decimal} or {write}"
    ),
    "problem.ambiguous.none": "no other number in the file writes decimals, and {says} writes decimal {mark}s",
    "problem.ambiguous.both": "the file writes decimals both with a comma and with a point",
    "problem.ambiguous.other": "the file writes decimals with a {mark}",
    "problem.ambiguous.comma": "comma",
    "problem.ambiguous.point": "point",
    "problem.ambiguous.headed": "a value column headed {name}",
    "problem.ambiguous.separated": "a file separated by {separated}",
    "problem.ambiguous.tabs": "tabs",
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
    # the definitions file: its YAML, and the fields every part of it has
    "problem.yaml.unquoted": "invalid YAML: quote the value: {shown}",
    "problem.yaml.tab": "invalid YAML: a tab character: YAML indents with spaces only; use spaces",
    "problem.yaml.indent": (
        "invalid YAML: the indentation does not match the lines above; indent by the same number of spaces"
    ),
    "problem.yaml.colon": "invalid YAML: a ':' where none can be; check the indentation, or quote the text",
    "problem.yaml.no-colon": "invalid YAML: a key without ':'; write 'key: value'",
    "problem.yaml.quote": "invalid YAML: a quote is not closed",
    "problem.yaml.list": "invalid YAML: a list in [ ] is not closed with ']'",
    "problem.yaml.mapping": "invalid YAML: a mapping in {{ }} is not closed with '}}'",
    "problem.field.mapping": "{what} must be a mapping (key: value lines)",
    "problem.field.duplicate-key": "{what}: key {field} is given twice",
    "problem.field.unknown-key": "{what}: unknown key {field}{hint}",
    "problem.field.close": " (did you mean {close}?)",
    "problem.field.allowed": "; allowed: {allowed}",
    "problem.field.missing-key": "{what}: missing required key {field}",
    "problem.field.list": "{what} must be a list",
    "problem.field.text": "{what} must be text",
    "problem.field.empty": "{what} must not be empty",
    "problem.field.whole": "{what} must be a whole number, not {shown}",
    "problem.field.number": "{what} must be a number, not {shown}",
    "problem.field.boolean": "{what} must be true or false, not {shown}",
    "problem.field.choice": "{what} must be one of {choices}, not {shown}",
    "problem.field.a-list": "a list",
    "problem.field.a-mapping": "a mapping",
    # what a problem in the definitions is about, when it is a part with no key of its own
    "problem.field.what.definitions": "definitions",
    "problem.field.what.indicator": "indicator",
    "problem.field.what.indicator-id": "indicator id",
    "problem.field.what.indicator-named": "indicator {rest}",
    "problem.field.what.focus-area": "focus area",
    "problem.field.what.focus-area-id": "focus area id",
    "problem.field.what.goal": "goal",
    "problem.field.what.goal-id": "goal id",
    "problem.field.what.measure": "measure",
    "problem.field.what.measure-id": "measure id",
    "problem.field.what.level": "level",
    "problem.field.what.level-id": "level id",
}
