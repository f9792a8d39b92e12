"""`kpi evaluate` and `kpi history`: read results, evaluate, build the view, render it."""

from __future__ import annotations

import dataclasses
import os
import sys
from typing import TYPE_CHECKING

import click

from ..errors import DefinitionError, KpiError, KpiErrors, UsageError
from ..rating.checks import check_ignore, unsilenced
from ..render import Kind, render_report
from ..view import Gate, build, fail_levels, select_org_units, sparse_year
from .by_name import check_binary, chosen_format
from .messages import (
    EXIT_FAIL,
    Named,
    emit,
    key_names,
    reports_errors,
    said,
    say_accounting,
    say_engine,
    say_gate,
    say_problem,
    say_problems,
    say_years,
    speak,
    warn,
)
from .params import (
    DELIMITER,
    Choice,
    Delimiter,
    color_option,
    column_mapping,
    format_option,
    ignore_option,
    lang_option,
    output_option,
    read_options,
)
from .params import render_options as presentation
from .streaming import finish, try_streaming

if TYPE_CHECKING:
    from ..model import Scorecard
    from ..report import Report
    from ..results.read import ResultSet


def load(path: str, lang: str | None = None) -> Scorecard:
    """The definitions at ``path``; from here on stderr speaks ``lang``, else the definitions' ``language:``.
    In a folder without indicators.yaml, the error says how to make one."""
    from ..definitions.load import load_definitions, stated_language

    if os.path.basename(path) == "indicators.yaml" and not os.path.lexists(path):
        import shlex  # only for this message

        folder = os.path.dirname(path)
        command = f"kpi init {shlex.quote(folder)}" if folder else "kpi init"
        raise DefinitionError(
            f"no indicators.yaml here: {command} makes one (or give --indicators PATH or set KPI_INDICATORS)",
            path=path,
        )
    if lang:
        speak(lang)
    try:
        scorecard = load_definitions(path)
    except KpiError:
        speak(lang or stated_language(path))  # its errors in the language the file states
        raise
    speak(lang or scorecard.language, scorecard.levels)
    return scorecard


class FailOnOption(click.Option):
    """``--fail-on``, whose help also names the levels of the definitions file found (KPI_INDICATORS,
    else indicators.yaml here): they are the scorecard's own, so no fixed list can say them."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        path = os.environ.get("KPI_INDICATORS") or "indicators.yaml"
        if record is None or not os.path.isfile(path):
            return record
        try:
            choices = fail_levels(load(path).levels)
        except (KpiError, OSError):
            return record
        return record[0], f"{record[1]} In {path}: {', '.join(choices)}."


def read(
    scorecard: Scorecard,
    results: tuple[str, ...],
    year: int | None,
    columns: tuple[str, ...],
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    regions: str = "municipality",
) -> tuple[ResultSet, int]:
    """Read the results files as the options say; the year to show: --year, else the latest."""
    from ..rating.evaluate import year_to_show
    from ..results.read import read_results

    for path in results:
        if path.lower().endswith((".yaml", ".yml")):
            raise UsageError(f"{path} looks like the definitions file: --indicators {path}? (results are CSV or .xlsx)")
    read_set = read_results(
        results,
        year=year,
        encoding=encoding,
        delimiter=delimiter,
        columns={**dict(scorecard.columns), **column_mapping(columns)},
        sheet=sheet,
        definitions=scorecard.path,
        all_regions=regions == "all",
        verdicts=[name for item in scorecard.indicators() if item.verdicts for name in (item.id, *item.aliases)],
    )
    return read_set, year_to_show(read_set, year)


@click.command("evaluate", short_help="Rate results against the definitions; exit 1 when the gate fails.")
@read_options
@format_option(Kind.EVALUATION)
@click.option(
    "--fail-on",
    cls=FailOnOption,
    metavar="LEVEL",
    help="Exit 1 when an indicator is at or below this level: a level id of the scorecard other than "
    "the best (default: the worst; the default levels: not_approved, accepted), or never.",
)
@click.option("--fail-on-missing", is_flag=True, help="Also exit 1 when an active indicator has no result.")
@click.option(
    "--fail-on-suppressed",
    is_flag=True,
    help="With --fail-on-missing: count results SSB suppressed (':') as missing too.",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Also exit 1 when a status is worse than the previous year's (tolerate a known red, not a new one).",
)
@click.option("--by-org-unit", is_flag=True, help="A matrix: indicators down, org units across.")
@output_option
@click.option(
    "--output-delimiter",
    type=DELIMITER,
    metavar=Delimiter.METAVAR,
    help="Separator of --format csv (default: ';' with decimal comma for nb, ',' for en).",
)
@click.option(
    "--markers",
    type=Choice(["symbols", "emoji"]),
    default="symbols",
    show_default=True,
    help="--format markdown: emoji adds 🟢 🟡 🔴 before each status, as GitHub shows them in colour.",
)
@click.option(
    "--reference-doc",
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE.docx",
    help="The Word report (-o rapport.docx): take styles, header, footer and logo from this Word template.",
)
@click.option("-v", "--verbose", is_flag=True, help="Say how each file was read and account for every row (stderr).")
@click.option("-q", "--quiet", is_flag=True, help="No notes on stderr (errors, warnings and failures are still said).")
@click.option(
    "--engine",
    type=Choice(["auto", "python", "duckdb"]),
    default="auto",
    show_default=True,
    help="Rate with the Python core or DuckDB (the scale extra). auto: DuckDB for Parquet in or out "
    "(-o x.parquet), and for --format csv from CSV files of 5 MB or more; else Python.",
)
@ignore_option
@lang_option
@color_option
@reports_errors
def evaluate(
    results: tuple[str, ...],
    indicators: str,
    year: int | None,
    columns: tuple[str, ...],
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    regions: str,
    fmt: str | None,
    fail_on: str | None,
    fail_on_missing: bool,
    fail_on_suppressed: bool,
    fail_on_regression: bool,
    by_org_unit: bool,
    output: str | None,
    output_delimiter: str | None,
    markers: str,
    reference_doc: str | None,
    verbose: bool,
    quiet: bool,
    engine: str,
    ignore: tuple[str, ...],
    lang: str | None,
    color: str,
) -> None:
    """Rate RESULTS (CSV or .xlsx files, or folders of them) against the definitions.

    Exit 0 when no indicator is at or below --fail-on, 1 when one is, 2 when
    the files could not be evaluated.

    \b
    Examples:
      kpi evaluate results/2014.csv
      kpi evaluate results/ --year 2014 --format json
      kpi evaluate results/2014.csv --fail-on accepted --fail-on-missing
      kpi evaluate kostra.csv --column indicator=statistikkvariabel --column value=Nøkkeltall
    """
    from ..sql.choice import evaluate_with

    fmt = chosen_format(
        fmt, output, Kind.EVALUATION, [indicators, *results, *([reference_doc] if reference_doc else [])]
    )
    check_binary(fmt, output)
    if reference_doc is not None and fmt != "docx":
        raise UsageError(f"--reference-doc is for the Word report (-o rapport.docx), not --format {fmt}")
    silenced = check_ignore(ignore)
    scorecard = load(indicators, lang)
    mapping = {**dict(scorecard.columns), **column_mapping(columns)}
    gate = Gate(_fail_on(fail_on, scorecard), fail_on_missing, fail_on_regression, fail_on_suppressed, scorecard.levels)
    options = presentation(
        lang or scorecard.language, color, output, delimiter=output_delimiter, by_org_unit=by_org_unit
    )
    options = dataclasses.replace(options, emoji=markers.lower() == "emoji", reference_doc=reference_doc)
    streamed = try_streaming(
        engine,
        scorecard,
        results,
        year=year,
        fmt=fmt,
        gate=gate,
        definitions=indicators,
        encoding=encoding,
        delimiter=delimiter,
        columns=mapping,
        plain_reading=sheet is None and regions != "all" and not by_org_unit,
        verbose=verbose,
        options=options,
    )
    if streamed is not None:
        finish(streamed, fmt, output, [indicators, *results], silenced, quiet=quiet, verbose=verbose, year_given=year)
        return
    read_set, shown = read(scorecard, results, year, columns, encoding, delimiter, sheet, regions)
    if verbose:
        _say_how_read(read_set)
    report = evaluate_with(
        engine, scorecard, read_set, shown, encoding, delimiter, mapping, say_engine if verbose else None
    )
    if verbose:
        _account(read_set, report)
    if report.errors:
        raise KpiErrors(report.errors)
    view = build(report, gate, definitions=indicators)
    text = render_report(fmt, Kind.EVALUATION, view, options)
    emit(text, output, [indicators, *read_set.paths, *([reference_doc] if reference_doc else [])], options.color, fmt)
    say_problems(unsilenced([*read_set.notes, *report.warnings, *report.findings], scorecard, silenced), quiet)
    coverage = sparse_year(report) if year is None else None
    say_years(shown, report.other_years, coverage, quiet)
    by_level = [(r.indicator.id, r.org_unit) for r in view.failing if r.status in gate.levels]
    worse = [(r.indicator.id, r.org_unit) for r in view.regressions]
    say_gate(gate, Named(len(by_level), key_names(by_level)), Named(len(worse), key_names(worse)))
    if view.failing:
        sys.exit(EXIT_FAIL)


def _say_how_read(read_set: ResultSet) -> None:
    for skipped in read_set.skipped:
        say_problem(skipped)
    for log in read_set.logs:
        if not log.failed:
            how = (
                said("msg.read.sheet", sheet=log.sheet)
                if log.sheet
                else said("msg.read.csv", encoding=log.encoding, delimiter=repr(log.delimiter))
            )
            how = how if log.delimiter or log.sheet else ""  # an SSB export says it all in its layout
            layout = said(f"layout.{log.layout}") if log.layout in ("long", "wide") else log.layout
            layout = layout.replace(", updated ", f", {said('layout.updated')} ")  # an SSB export's
            warn(said("msg.read", path=log.path, how=how, layout=layout, results=log.results_read))
        if log.columns:
            read = ", ".join(f"{said('role.' + role)} {header!r}" for role, header in log.columns)
            years = said("msg.read.columns.wide") if log.layout == "wide" else ""
            warn(said("msg.read.columns", path=log.path, columns=read, years=years))
        if log.percent_cells:
            warn(said("msg.read.percent", path=log.path, count=log.percent_cells, example=log.percent_example))
        if log.other_cells:  # an SSB export: its other cells, accounted for
            cells = ", ".join(f"{count} {said('cells.' + reason)}" for reason, count in log.other_cells.items())
            warn(said("msg.cells", path=log.path, cells=cells))


def _account(read_set: ResultSet, report: Report) -> None:
    from ..rating.accounting import reconcile

    say_accounting(reconcile(read_set, report))


@click.command("history", short_help="Show each indicator year by year, with its alarms.")
@read_options
@format_option(Kind.HISTORY)
@click.option(
    "--org-unit",
    "org_units",
    multiple=True,
    metavar="NAME",
    help="Org unit to show; repeatable; 'all' for every one (default: the whole municipality).",
)
@output_option
@click.option("-q", "--quiet", is_flag=True, help="No notes on stderr (errors and warnings are still said).")
@ignore_option
@lang_option
@color_option
@reports_errors
def history(
    results: tuple[str, ...],
    indicators: str,
    year: int | None,
    columns: tuple[str, ...],
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    regions: str,
    fmt: str | None,
    org_units: tuple[str, ...],
    output: str | None,
    quiet: bool,
    ignore: tuple[str, ...],
    lang: str | None,
    color: str,
) -> None:
    """Show indicators down and years across: each year's value and status, and a sparkline.

    Marks, for every year shown, results that are not approved and worse than the year before.

    \b
    Examples:
      kpi history results/
      kpi history examples/service-areas/results-2015-2017.csv \\
          --indicators examples/service-areas/indicators.yaml --org-unit Oppvekst
    """
    from ..rating.evaluate import evaluate_results

    fmt = chosen_format(fmt, output, Kind.HISTORY, [indicators, *results])
    silenced = check_ignore(ignore)
    scorecard = load(indicators, lang)
    read_set, shown = read(scorecard, results, year, columns, encoding, delimiter, sheet, regions)
    report = evaluate_results(scorecard, read_set, shown)
    gate = Gate(_fail_on(None, scorecard), scorecard_levels=scorecard.levels)
    view = build(report, gate, definitions=indicators, history_units=select_org_units(report, org_units))
    options = presentation(lang or scorecard.language, color, output)
    text = render_report(fmt, Kind.HISTORY, view, options)
    emit(text, output, [indicators, *read_set.paths], options.color, fmt)
    say_problems(unsilenced([*read_set.notes, *report.warnings], scorecard, silenced), quiet)


def _fail_on(value: str | None, scorecard: Scorecard) -> str:
    """--fail-on as given, checked against the scorecard's levels; the worst level when not given."""
    choices = fail_levels(scorecard.levels)
    if value is None:
        return choices[0]
    folded = {choice.lower(): choice for choice in choices}
    if value.strip().lower() in folded:
        return folded[value.strip().lower()]
    import difflib  # only when --fail-on is refused

    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    offered = ", ".join(f"'{choice}'" for choice in choices)
    raise click.BadParameter(f"{value!r} is not one of {offered}{hint}", param_hint="'--fail-on'")
