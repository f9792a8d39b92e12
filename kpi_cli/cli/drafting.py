"""``kpi init --from FILE``: the draft's files, what is left to finish, and whether the draft loads."""

from __future__ import annotations

import os

from ..errors import KpiErrors, Problem


def draft_files(
    source: str, definitions: str, language: str, sheet: str | None
) -> tuple[list[tuple[str, str]], list[Problem], list[int]]:
    """(path, text) of indicators.yaml and of results/YEAR.csv for each year printed; the problems
    to list (what could not be placed, then what keeps the draft from loading, at its lines)."""
    from ..definitions.load import parse_definitions
    from ..drafting.read import draft
    from ..drafting.write import draft_yaml, results_csv

    drafted = draft(source, sheet)
    name = os.path.splitext(os.path.basename(source))[0]
    text = draft_yaml(drafted, language, name)
    problems = list(drafted.problems)
    try:
        parse_definitions(text, definitions)
    except KpiErrors as errors:
        problems.extend(error.problem for error in errors.errors)  # located in the draft: the lines to finish
    folder = os.path.dirname(definitions)
    years = sorted(drafted.results)
    files = [(definitions, text)]
    files += [(os.path.join(folder, "results", f"{year}.csv"), results_csv(drafted, year, language)) for year in years]
    return files, problems, years
