"""The commands about the definitions themselves: status, validate, explain, template."""

from __future__ import annotations

import dataclasses
import datetime
import sys

import click

from ..codes import Severity
from ..errors import UsageError
from ..inert import inert
from ..rating.checks import check_ignore, findings, gap_note, gap_warnings, reading_notes, word_warnings
from ..render import Kind, render_status
from ..view import StatusView
from .by_name import chosen_format
from .messages import EXIT_FAIL, emit, reports_errors, said, say_problem
from .params import (
    DELIMITER,
    YEAR,
    Choice,
    Delimiter,
    TakesNegativeValues,
    as_typed,
    color_option,
    format_option,
    ignore_option,
    indicators_option,
    lang_option,
    output_option,
    stdout_is_a_file,
)
from .params import render_options as presentation
from .reports import load


def _this_year() -> int:
    return datetime.date.today().year


@click.command("status")
@indicators_option
@click.option("--year", type=YEAR, help="Year to show (default: this year).")
@format_option(Kind.STATUS)
@click.option("--check", is_flag=True, help="Exit 1 when an indicator new or active in the year has no bands.")
@ignore_option
@output_option
@lang_option
@color_option
@reports_errors
def status(
    indicators: str,
    year: int | None,
    fmt: str | None,
    check: bool,
    ignore: tuple[str, ...],
    output: str | None,
    lang: str | None,
    color: str,
) -> None:
    """Show each indicator's phase-in state for a year.

    \b
    Examples:
      kpi status
      kpi status --year 2015
      kpi status --year 2017 --check
    """
    from ..rating.phase_in import states

    fmt = chosen_format(fmt, output, Kind.STATUS, [indicators])
    silenced = check_ignore(ignore)
    scorecard = load(indicators, lang)
    shown = year or _this_year()
    options = presentation(lang or scorecard.language, color, output)
    view = StatusView(tuple(states(scorecard, shown)), shown, indicators)
    emit(render_status(fmt, view, options), output, [indicators], options.color, fmt)
    if check:
        found = findings(scorecard, shown, silenced)
        for finding in found:  # --check makes them errors
            say_problem(dataclasses.replace(finding, severity=Severity.ERROR))
        if found:
            sys.exit(EXIT_FAIL)


@click.command("validate", short_help="Check a definitions file.")
@click.argument("path", required=False, metavar="[PATH]")
@indicators_option
@ignore_option
@lang_option
@reports_errors
def validate(path: str | None, indicators: str, ignore: tuple[str, ...], lang: str | None) -> None:
    """Check a definitions file (default: --indicators, KPI_INDICATORS or ./indicators.yaml).

    Every problem is listed as path:line:col: error: message [code]; gaps between
    bands that a value at the bands' precision can fall into are warnings
    (--ignore band-gap silences them), finer gaps one note. Exit 0 when valid,
    2 when not.

    \b
    Examples:
      kpi validate
      kpi validate other/indicators.yaml
    """
    silenced = check_ignore(ignore)
    target = path or indicators
    scorecard = load(target, lang)
    warnings = [*gap_warnings(scorecard, silenced), *word_warnings(scorecard, silenced)]
    notes = [*reading_notes(scorecard, silenced), *filter(None, [gap_note(scorecard, silenced)])]
    for problem in [*warnings, *notes]:
        say_problem(problem)
    count = sum(1 for _ in scorecard.indicators())
    goals = sum(len(area.goals) for area in scorecard.focus_areas)
    areas = len(scorecard.focus_areas)
    click.echo(said("msg.validate", path=target, areas=areas, goals=goals, indicators=count, warnings=len(warnings)))


@click.command("explain", cls=TakesNegativeValues)
@click.argument("indicator")
@click.argument("value", nargs=-1, required=True, metavar="VALUE")
@indicators_option
@click.option("--year", type=YEAR, help="Year, for the phase-in state (default: this year).")
@lang_option
@reports_errors
def explain(indicator: str, value: tuple[str, ...], indicators: str, year: int | None, lang: str | None) -> None:
    """Say which band VALUE falls in for INDICATOR, and why.

    VALUE is written as in a results file: 4,47 or 4.47, a unit may follow; a
    negative value as you type it: -4,4, - 4,4 or −4,4.

    \b
    Examples:
      kpi explain L.1.1 4,47
      kpi explain L.2.1 5 --year 2016
      kpi explain S.2.3 -4,4
    """
    from ..rating.explain import explain as explain_value
    from ..render.explanation import render

    scorecard = load(indicators, lang)
    explanation = explain_value(scorecard, indicator, as_typed(value), year or _this_year())
    click.echo(inert(render(explanation, lang or scorecard.language, scorecard.levels)))


@click.command("template", short_help="Write the results file to fill in for a year.")
@indicators_option
@click.option("--year", type=YEAR, help="Year to fill in (default: this year).")
@click.option("--org-units", default="", metavar="A,B,...", help="Org units to ask for, besides the municipality.")
@click.option(
    "--format",
    "fmt",
    type=Choice(["csv", "xlsx"]),
    help="csv or xlsx (default: from the -o file's extension, else csv).",
)
@click.option(
    "--delimiter",
    type=DELIMITER,
    metavar=Delimiter.METAVAR,
    help="CSV separator (default: ';' for nb, as Norwegian Excel reads it; ',' for en).",
)
@output_option
@lang_option
@reports_errors
def template(
    indicators: str,
    year: int | None,
    org_units: str,
    fmt: str | None,
    delimiter: str | None,
    output: str | None,
    lang: str | None,
) -> None:
    """Write the results file to fill in for a year: one row per measure and directly
    measured indicator active that year, with empty value, comment and actions columns.

    Computed indicators are left out (their measures are asked for, with the year
    before for a change), and so are indicators not yet phased in. The filled file
    evaluates with no editing.

    \b
    Examples:
      kpi template --year 2017 -o results/2017.csv
      kpi template --year 2017 --org-units "Oppvekst,Helse og omsorg" --format xlsx -o 2017.xlsx
    """
    from ..render import template_files
    from ..results.template import template_rows

    scorecard = load(indicators, lang)
    units = [unit.strip() for unit in org_units.split(",") if unit.strip()]
    rows = template_rows(scorecard, year or _this_year(), units)
    language = lang or scorecard.language
    to_file = bool(output and output != "-")
    fmt = _template_format(fmt, output if to_file else None)
    if fmt == "xlsx":
        if not to_file:
            raise UsageError("--format xlsx needs -o FILE.xlsx (it is not text for the terminal)")
        data: str | bytes = template_files.xlsx_bytes(rows, language)
    else:
        data = template_files.csv_text(rows, language, delimiter, bom=to_file or stdout_is_a_file())
    emit(data, output, [indicators])


def _template_format(fmt: str | None, output: str | None) -> str:
    """--format, else the -o file's extension; a UsageError when they disagree (an .xlsx file of CSV text)."""
    suffix = output.rsplit(".", 1)[-1].lower() if output and "." in output else ""
    by_name = suffix if suffix in ("csv", "xlsx") else None
    chosen = fmt.lower() if fmt else by_name or "csv"
    if by_name and chosen != by_name:
        raise UsageError(
            f"--format {chosen} does not write a .{by_name} file: leave out --format, or name it .{chosen}"
        )
    return chosen
