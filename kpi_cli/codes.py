"""The table of problem codes: a short stable id for every problem the tool reports.

Each code has a default severity and a one-line description; the docs' page
docs/reference/problem-codes.md lists them, its table generated from this one. A code never changes its meaning:
scripts and ``ignore:`` lists depend on it. Warnings can be silenced by code,
errors cannot. Add a code here before raising a problem with it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"  # the input cannot be used as it is: exit 2
    WARNING = "warning"  # the input is used, but something in it deserves a look
    NOTE = "note"  # how something was read, for the curious


@dataclass(frozen=True)
class Code:
    id: str
    severity: Severity
    summary: str


_E, _W, _N = Severity.ERROR, Severity.WARNING, Severity.NOTE

CODES: dict[str, Code] = {
    code.id: code
    for code in (
        # any file
        Code("unreadable-file", _E, "a file cannot be found, read or decoded"),
        Code(
            "over-limit", _E, "a file beyond a limit kpi reads within: a line, field, row, workbook or definitions file"
        ),
        # the definitions file
        Code("yaml-syntax", _E, "the definitions file is not valid YAML"),
        Code("empty-file", _E, "the definitions file is empty"),
        Code("yaml-aliases", _E, "YAML aliases that refer to themselves or expand the definitions beyond the limit"),
        Code("wrong-type", _E, "a value of the wrong kind: a mapping, list, text, number or true/false was expected"),
        Code("unknown-key", _E, "a key the definitions do not know (often a misspelling)"),
        Code("duplicate-key", _E, "a key given twice in one mapping"),
        Code("missing-key", _E, "a required key is missing"),
        Code("empty-value", _E, "a text that must not be empty is empty"),
        Code("invalid-choice", _E, "a value that is not one of the allowed words"),
        Code("invalid-id", _E, "an id with a line break or control character"),
        Code(
            "control-character",
            _E,
            "an alias, org unit, benchmark region or input id holding a control character or line break",
        ),
        Code("formula-id", _E, "an id that starts like a spreadsheet formula (=, +, -, @ and their full-width forms)"),
        Code("duplicate-id", _E, "an id used twice in the definitions"),
        Code("out-of-range", _E, "a number outside what it may be (a year before 1900, min_base below 1)"),
        Code("invalid-scale", _E, "a scale that is not [minimum, maximum] with the minimum below the maximum"),
        Code("invalid-phase-in", _E, "a planned year after the phase-in year, or postponed: false with a planned year"),
        Code(
            "invalid-compute",
            _E,
            "a computation that is not one of change, share, ratio, difference, better_than with its inputs",
        ),
        Code("unknown-measure", _E, "a computation names a measure the definitions do not list"),
        Code("band-syntax", _E, "band text that no form of the notation reads, or that is empty"),
        Code("empty-interval", _E, "a structured band whose min lies above its max"),
        Code("needs-direction", _E, "'eller bedre' / 'eller dårligere' without a direction to resolve it"),
        Code("band-overlap", _E, "two bands share values"),
        Code("band-order", _E, "the bands make no order: a worse band lies between better ones"),
        Code("direction-conflict", _E, "an explicit direction that contradicts where the bands lie"),
        Code("band-outside-scale", _E, "a band that lies wholly outside the indicator's scale"),
        Code("version-overlap", _E, "two band versions of one org unit start in the same year"),
        Code("unknown-code", _E, "ignore: or --ignore names a code that does not exist"),
        Code("not-ignorable", _E, "ignore: or --ignore names an error; only warnings can be silenced"),
        Code(
            "invalid-levels",
            _E,
            "levels: not 2 or 3 levels, an id used twice, a label missing, or a middle band on two levels",
        ),
        Code(
            "invalid-target",
            _E,
            "a target with bands, a tolerance without a target or not an amount or share, rate: change with compute:",
        ),
        Code(
            "bare-target",
            _E,
            "a target that is a bare value (3,0 %) or says 'eller bedre', without direction: higher or lower",
        ),
        Code("band-gap", _W, "values can fall between two bands; they are rated by the gap policy"),
        Code("no-bands", _W, "an indicator phased in (new or active) in the year has no bands"),
        Code("gap-summary", _N, "gaps between bands that only values written more finely than the bands fall into"),
        Code("band-reading", _N, "how a comparison sign glued to a range (<1,00 - 1,29 %) was read"),
        Code(
            "target-words", _W, "a band or target with words that are no unit, comparison or deadline: shown, not read"
        ),
        # results files and rows
        Code("csv-syntax", _E, "a results file that the CSV reader cannot parse"),
        Code("no-results", _E, "a results file with no results: empty, or a header only"),
        Code("formula-without-value", _E, "a workbook cell with a formula saved without its value (never evaluated)"),
        Code("link-not-followed", _N, "a symbolic link in a results folder that leads out of it: not read (-v)"),
        Code("missing-column", _E, "a results file without an indicator or value column"),
        Code("no-year", _E, "a result with no year: no year column, no --year and none in the file name"),
        Code("invalid-year", _E, "a year cell that is not a year"),
        Code("field-count", _E, "a row with more fields than the header"),
        Code("no-indicator", _E, "a row with no indicator id"),
        Code("invalid-value", _E, "a value or n (base) that is not a plausible number"),
        Code(
            "ambiguous-number",
            _E,
            "a value (12.500) that reads two ways, decimals or thousands, which the file's other numbers do not settle",
        ),
        Code("unknown-verdict", _E, "rate: verdict: a result cell whose word is none of the verdict words accepted"),
        Code("unknown-indicator", _E, "a row for an id that is neither an indicator nor a measure"),
        Code("duplicate-result", _E, "two results for the same indicator, year and org unit"),
        Code("value-outside-scale", _E, "a value outside the indicator's scale: a typing error?"),
        Code(
            "beyond-bands",
            _W,
            "a value beyond every band of an indicator with no scale: rated by the outermost band on its side",
        ),
        Code("value-disagrees", _E, "a value given for a computed indicator that disagrees with its measures"),
        # Statistics Norway (SSB) exports
        Code("ssb-format", _E, "an SSB export (JSON-stat or SSB CSV) whose structure cannot be read"),
        Code("ssb-no-source", _E, "an SSB export among the results, but the definitions name no municipality or ssb:"),
        Code("ssb-select", _E, "an indicator's ssb: select that its SSB table cannot satisfy"),
        # Kolada (Swedish municipalities' key figures)
        Code("kolada-id", _E, 'a Kolada key figure id (N00945) or municipality id ("0180") of the wrong form'),
        Code("kolada-format", _E, "a Kolada answer among the results whose structure cannot be read"),
        # kpi fetch
        Code(
            "fetch-no-source",
            _E,
            "kpi fetch: the definitions name no SSB table nor Kolada key figure, or no municipality",
        ),
        Code(
            "fetch-select", _E, "kpi fetch: a table, dimension, category, region or year that Statistics Norway has not"
        ),
        Code("fetch-network", _E, "kpi fetch: no answer from the server (no network, a timeout) after a few tries"),
        Code("fetch-proxy", _E, "kpi fetch: the proxy refused the request"),
        Code("fetch-server", _E, "kpi fetch: the server kept failing (5xx, 429) or answered what is not JSON-stat"),
        Code("fetch-write", _E, "kpi fetch: a fetched file could not be written (a full disk, no permission)"),
        Code("fetch-offline", _E, "kpi fetch --offline: a table that has never been fetched"),
        Code("bands-differ", _W, "a results file prints bands that differ from the definitions, which rule"),
        Code("value-with-sign", _E, "a result written with a comparison sign (> 70 %): write the number"),
        Code("footnote-mark", _N, "footnote marks after a result (56 %***) were dropped"),
        Code("result-text", _N, "words in a result cell (no digit, or a sentence) were read as no result"),
        # the command line
        Code("usage", _E, "the command was asked for something that cannot be done"),
        Code("file-exists", _E, "kpi init would write over a file that is there already: it never does"),
        Code("no-scorecard", _E, "kpi init --from found no indicator with an id (L.1.1) in the file"),
        Code("draft-unplaced", _W, "kpi init --from could not place this text; it is left in the draft as a comment"),
        Code("sql-unsupported", _E, "kpi sql: an indicator the compiled query cannot rate (a deadline, a verdict)"),
        Code("out-of-memory", _E, "the input is larger than this machine can evaluate"),
        Code("no-browser", _E, "the PDF report needs a Chromium-family browser (chromium, chrome, msedge) to print it"),
    )
}


def not_ignorable(code: str) -> tuple[str, str] | None:
    """Why ``code`` cannot be silenced, as (problem code, message); None when it can."""
    if code not in CODES:
        import difflib

        close = difflib.get_close_matches(code, list(CODES), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        where = "the codes are listed in docs/reference/problem-codes.md"
        return "unknown-code", f"unknown problem code {code!r}{hint}; {where}"
    if CODES[code].severity is Severity.ERROR:
        return "not-ignorable", f"{code!r} is an error and cannot be ignored; only warnings can be silenced"
    return None
