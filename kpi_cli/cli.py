"""The ``kpi`` command: options -> core call -> renderer -> exit code."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import KpiError, KpiErrors, UsageError, one_line
from .evaluate import FAIL_LEVELS, evaluate_results, failing, year_to_show
from .history import regressions
from .model import Result, Scorecard
from .render import FORMATS, RenderOptions, renderer

if TYPE_CHECKING:
    from .results import ResultSet

F = TypeVar("F", bound=Callable[..., Any])
EXIT_FAIL = 1
EXIT_ERROR = 2


def _reports_errors(command: F) -> F:
    """Turn every KpiError into ``path:line:col: error: ...`` lines and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KpiError as error:
            for problem in error.errors:
                click.echo(problem.format(), err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def _indicators_option(command: F) -> F:
    return click.option(
        "--indicators",
        "indicators",
        envvar="KPI_INDICATORS",
        default="indicators.yaml",
        show_default=True,
        metavar="PATH",
        help="Definitions file (also from KPI_INDICATORS).",
    )(command)


def _lang_option(command: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["nb", "en"]),
        default=None,
        help="Labels and number style (default: language: in the definitions).",
    )(command)


def _color_option(command: F) -> F:
    return click.option(
        "--color",
        "color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour in the table; NO_COLOR and FORCE_COLOR are honoured under auto.",
    )(command)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _width() -> int:
    if os.environ.get("COLUMNS", "").isdigit():
        return max(60, int(os.environ["COLUMNS"]))
    if sys.stdout.isatty():
        return max(60, shutil.get_terminal_size().columns)
    return 120


def _emit(fmt: str, kind: str, args: tuple[Any, ...], output: str | None, inputs: list[str]) -> None:
    """Render with the format's renderer; print it, or write it atomically to ``output``."""
    render = getattr(renderer(fmt), kind, None)
    if render is None:
        shown = {"status": "kpi status", "history": "kpi history"}.get(kind, kind)
        offered = ", ".join(name for name in FORMATS if hasattr(renderer(name), kind))
        raise UsageError(f"--format {fmt} is not available for {shown}; use one of {offered}")
    text = render(*args)
    options = args[-1]
    if output and output != "-":
        from .output import write_atomically

        write_atomically(output, text, inputs)
    elif isinstance(text, str):
        click.echo(text, nl=False, color=options.color)
    else:
        for chunk in text:
            click.echo(chunk, nl=False)


def _output_option(command: F) -> F:
    return click.option(
        "-o",
        "--output",
        metavar="FILE",
        help="Write the report to FILE (atomically; never over an input) instead of stdout.",
    )(command)


def _options(
    scorecard_lang: str,
    lang: str | None,
    color: str,
    definitions: str,
    sources: list[str],
    output: str | None = None,
) -> RenderOptions:
    to_file = bool(output and output != "-")
    return RenderOptions(
        to_file=to_file,
        pretty=not to_file and sys.stdout.isatty(),
        lang=lang or scorecard_lang,
        color=color == "always" if to_file else _use_color(color),
        width=_width(),
        definitions=definitions,
        sources=tuple(sources),
    )


def _load(path: str) -> Any:
    from .definitions import load_definitions

    return load_definitions(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(None, "-V", "--version", package_name="kpi-cli", prog_name="kpi")
def main() -> None:
    """Evaluate a municipality's scorecard (målekart) against a year's results.

    \b
    Examples:
      kpi evaluate results/2014.csv
      kpi evaluate results/2014.csv --format json
      kpi status --year 2017 --check
      kpi validate indicators.yaml
      kpi explain L.2.1 5 --year 2016
    """


def _column_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        role, sep, header = value.partition("=")
        if not sep or not role.strip() or not header.strip():
            raise click.BadParameter(f"{value!r}: write ROLE=HEADER, e.g. value=Nøkkeltall", param_hint="--column")
        mapping[role.strip()] = header.strip()
    return mapping


def _read_options(command: F) -> F:
    """The results files and how to read them, shared by evaluate and history."""
    options = [
        click.argument("results", nargs=-1, required=True, metavar="RESULTS..."),
        _indicators_option,
        click.option(
            "--year",
            type=click.IntRange(1900, 2200),
            help="Year to show (default: the latest); also the year of rows that give none.",
        ),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="ROLE=HEADER",
            help="Read ROLE (indicator, year, value, org_unit, n) from column HEADER, "
            "e.g. value=Nøkkeltall; repeatable.",
        ),
        click.option("--encoding", help="Encoding of the results files (default: detected)."),
        click.option(
            "--delimiter",
            type=click.Choice([",", ";", "tab"]),
            help="Field separator of the results files (default: detected).",
        ),
        click.option("--sheet", help="Sheet of an .xlsx file (default: the first)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@_read_options
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="not_approved",
    show_default=True,
    help="Exit 1 when an indicator is at or below this level.",
)
@click.option("--fail-on-missing", is_flag=True, help="Also exit 1 when an active indicator has no result.")
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Also exit 1 when a status is worse than the previous year's (tolerate a known red, not a new one).",
)
@click.option("--by-org-unit", is_flag=True, help="A matrix: indicators down, org units across.")
@_output_option
@click.option(
    "--output-delimiter",
    type=click.Choice([",", ";", "tab"]),
    help="Separator of --format csv (default: ';' with decimal comma for nb, ',' for en).",
)
@click.option("-v", "--verbose", is_flag=True, help="Say how each file was read and account for every row (stderr).")
@_lang_option
@_color_option
@_reports_errors
def evaluate_command(**kwargs: Any) -> None:
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
    from .accounting import reconcile

    scorecard = _load(kwargs["indicators"])
    read, year = _read(kwargs, scorecard)
    if kwargs["verbose"]:
        for log in read.logs:
            if not log.failed:
                how = "" if log.encoding == "xlsx" else f"encoding {log.encoding}, delimiter {log.delimiter!r}, "
                click.echo(f"{log.path}: read {how}{log.layout} table, {log.results_read} result(s)", err=True)
    report = evaluate_results(scorecard, read, year, strict=False)
    if kwargs["verbose"]:
        count = reconcile(read, report)
        click.echo(
            f"kpi: {count.read} result(s) read = {count.rated} rated + {count.not_rated} shown, not rated"
            f" + {count.no_result} without a result"
            + (f" + {count.measure} measure value(s)" if count.measure else "")
            + f" + {count.rejected} rejected"
            + ("" if count.balances else "  (DOES NOT BALANCE: please report)"),
            err=True,
        )
    if report.errors:
        raise KpiErrors(report.errors)
    options = dataclasses.replace(
        _options(
            scorecard.language, kwargs["lang"], kwargs["color"], kwargs["indicators"], read.paths, kwargs["output"]
        ),
        by_org_unit=kwargs["by_org_unit"],
        delimiter="\t" if kwargs["output_delimiter"] == "tab" else kwargs["output_delimiter"],
        fail_on=kwargs["fail_on"],
        fail_on_missing=kwargs["fail_on_missing"],
        fail_on_regression=kwargs["fail_on_regression"],
    )
    _emit(kwargs["fmt"], "evaluation", (report, options), kwargs["output"], [kwargs["indicators"], *read.paths])
    for finding in report.findings:
        click.echo(f"{kwargs['indicators']}: warning: {finding.message}", err=True)
    if report.other_years:
        others = ", ".join(str(y) for y in report.other_years)
        click.echo(f"kpi: note: showing {year}; {others} rated as its history (--year shows another)", err=True)
    failed = failing(report, kwargs["fail_on"], kwargs["fail_on_missing"])
    if failed:
        rule = f"--fail-on {kwargs['fail_on']}" + (" --fail-on-missing" if kwargs["fail_on_missing"] else "")
        click.echo(f"kpi: {len(failed)} result(s) fail {rule}: {_names(failed)}", err=True)
    worse = regressions(report) if kwargs["fail_on_regression"] else []
    if worse:
        click.echo(f"kpi: {len(worse)} result(s) worse than the year before: {_names(worse)}", err=True)
    if failed or worse:  # the same results as failing(..., fail_on_regression), which the renderers use
        sys.exit(EXIT_FAIL)


def _names(results: list[Result]) -> str:
    names = {r.indicator.id + (f" ({r.org_unit})" if r.org_unit else "") for r in results}
    return one_line(", ".join(sorted(names)))


def _read(kwargs: dict[str, Any], scorecard: Scorecard) -> tuple[ResultSet, int]:
    """Read the results files as the options say; the year to show: --year, else the latest."""
    from .results import read_results

    columns = {**dict(scorecard.columns), **_column_mapping(kwargs["columns"])}
    delimiter = "\t" if kwargs["delimiter"] == "tab" else kwargs["delimiter"]
    read = read_results(
        kwargs["results"],
        year=kwargs["year"],
        encoding=kwargs["encoding"],
        delimiter=delimiter,
        columns=columns,
        sheet=kwargs["sheet"],
    )
    return read, year_to_show(read, kwargs["year"])


main.add_command(evaluate_command, name="evaluate")


@main.command()
@_read_options
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True)
@click.option(
    "--org-unit",
    "org_units",
    multiple=True,
    metavar="NAME",
    help="Org unit to show; repeatable; 'all' for every one (default: the whole municipality).",
)
@_output_option
@_lang_option
@_color_option
@_reports_errors
def history(**kwargs: Any) -> None:
    """Show indicators down and years across: each year's value and status, and a sparkline.

    Marks results that are not approved and worse than the year before.

    \b
    Examples:
      kpi history results/
      kpi history examples/service-areas/results-2015-2017.csv \\
          --indicators examples/service-areas/indicators.yaml --org-unit Oppvekst
    """
    scorecard = _load(kwargs["indicators"])
    read, year = _read(kwargs, scorecard)
    report = evaluate_results(scorecard, read, year)
    known = report.org_units + tuple(sorted({r.org_unit for r in report.history} - set(report.org_units), key=str))
    wanted: list[str | None] = []
    for name in kwargs["org_units"]:
        if name == "all":
            wanted.extend(known)
        elif name not in known:
            units = ", ".join(unit for unit in known if unit) or "none"
            raise UsageError(f"no results for org unit {name!r}; org units in the files: {units}")
        else:
            wanted.append(name)
    options = dataclasses.replace(
        _options(
            scorecard.language, kwargs["lang"], kwargs["color"], kwargs["indicators"], read.paths, kwargs["output"]
        ),
        org_units=tuple(dict.fromkeys(wanted)) or known[:1],
    )
    _emit(kwargs["fmt"], "history", (report, options), kwargs["output"], [kwargs["indicators"], *read.paths])


@main.command()
@_indicators_option
@click.option("--year", type=click.IntRange(1900, 2200), help="Year to show (default: this year).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True)
@click.option("--check", is_flag=True, help="Exit 1 when an indicator new or active in the year has no bands.")
@_output_option
@_lang_option
@_color_option
@_reports_errors
def status(
    indicators: str, year: int | None, fmt: str, check: bool, output: str | None, lang: str | None, color: str
) -> None:
    """Show each indicator's phase-in state for a year.

    \b
    Examples:
      kpi status
      kpi status --year 2015
      kpi status --year 2017 --check
    """
    from .phase_in import findings, states

    scorecard = _load(indicators)
    year = year or datetime.date.today().year
    options = _options(scorecard.language, lang, color, indicators, [], output)
    _emit(fmt, "status", (states(scorecard, year), year, options), output, [indicators])
    if check:
        found = findings(scorecard, year)
        for finding in found:
            click.echo(f"{indicators}: error: {finding.message}", err=True)
        if found:
            sys.exit(EXIT_FAIL)


@main.command()
@click.argument("path", required=False, metavar="[PATH]")
@_indicators_option
@_reports_errors
def validate(path: str | None, indicators: str) -> None:
    """Check a definitions file (default: --indicators, KPI_INDICATORS or ./indicators.yaml).

    Every problem is listed as path:line:col: error: ...; gaps between bands
    are listed as warnings. Exit 0 when valid, 2 when not.

    \b
    Examples:
      kpi validate
      kpi validate other/indicators.yaml
    """
    from .definitions import gap_warnings

    target = path or indicators
    scorecard = _load(target)
    warnings = gap_warnings(scorecard)
    for warning in warnings:
        click.echo(warning.format("warning"), err=True)
    count = sum(1 for _ in scorecard.indicators())
    goals = sum(len(area.goals) for area in scorecard.focus_areas)
    click.echo(
        f"{target}: ok: {len(scorecard.focus_areas)} focus area(s), {goals} goal(s), "
        f"{count} indicator(s), {len(warnings)} warning(s)"
    )


@main.command()
@click.argument("indicator")
@click.argument("value")
@_indicators_option
@click.option("--year", type=click.IntRange(1900, 2200), help="Year, for the phase-in state (default: this year).")
@_lang_option
@_reports_errors
def explain(indicator: str, value: str, indicators: str, year: int | None, lang: str | None) -> None:
    """Say which band VALUE falls in for INDICATOR, and why.

    VALUE is written as in a results file: 4,47 or 4.47, a unit may follow.

    \b
    Examples:
      kpi explain L.1.1 4,47
      kpi explain L.2.1 5 --year 2016
    """
    from .explain import explain as explain_value
    from .render.explanation import render

    scorecard = _load(indicators)
    explanation = explain_value(scorecard, indicator, value, year or datetime.date.today().year)
    click.echo(render(explanation, lang or scorecard.language))


@main.command()
@_indicators_option
@click.option("--year", type=click.IntRange(1900, 2200), help="Year to fill in (default: this year).")
@click.option("--org-units", default="", metavar="A,B,...", help="Org units to ask for, besides the municipality.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option(
    "--delimiter",
    type=click.Choice([",", ";", "tab"]),
    help="CSV separator (default: ';' for nb, as Norwegian Excel reads it; ',' for en).",
)
@_output_option
@_lang_option
@_reports_errors
def template(
    indicators: str,
    year: int | None,
    org_units: str,
    fmt: str,
    delimiter: str | None,
    output: str | None,
    lang: str | None,
) -> None:
    """Write the results file to fill in for a year: one row per measure and directly
    measured indicator active that year, with an empty value column.

    Computed indicators are left out (their measures are asked for, with the year
    before for a change), and so are indicators not yet phased in. The filled file
    evaluates with no editing.

    \b
    Examples:
      kpi template --year 2017 -o results/2017.csv
      kpi template --year 2017 --org-units "Oppvekst,Helse og omsorg" --format xlsx -o 2017.xlsx
    """
    from .render import template_files
    from .template import template_rows

    scorecard = _load(indicators)
    units = [unit.strip() for unit in org_units.split(",") if unit.strip()]
    rows = template_rows(scorecard, year or datetime.date.today().year, units)
    language = lang or scorecard.language
    if fmt == "xlsx":
        if not output or output == "-":
            raise UsageError("--format xlsx needs -o FILE.xlsx (it is not text for the terminal)")
        data: str | bytes = template_files.xlsx_bytes(rows, language)
    else:
        separator = "\t" if delimiter == "tab" else delimiter
        data = template_files.csv_text(rows, language, separator, bom=bool(output and output != "-"))
    if output and output != "-":
        from .output import write_atomically

        write_atomically(output, data, [indicators])
    else:
        click.echo(data, nl=False)


@main.command("sql")
@_indicators_option
@click.option(
    "--dialect",
    type=click.Choice(["duckdb", "sqlite", "postgres", "tsql", "bigquery", "spark", "trino"]),
    default="duckdb",
    show_default=True,
    help="SQL dialect of the engine that holds the results.",
)
@click.option(
    "--table", default="results", show_default=True, help="Results table (indicator, year, org_unit, value[, n])."
)
@click.option("--view", metavar="NAME", help="Print CREATE VIEW NAME AS ... instead of the query.")
@_reports_errors
def sql_command(indicators: str, dialect: str, table: str, view: str | None) -> None:
    """Print the SQL that rates a results table in place, as `kpi evaluate` rates a file.

    The query returns indicator, year, org_unit, value, status (the words of the
    JSON), bands_from, bands_org_unit, in_gap and error; needs `pip install 'kpi-cli[scale]'`.

    \b
    Examples:
      kpi sql --dialect postgres --table kostra.results
      kpi sql --dialect sqlite --view scorecard | sqlite3 results.db
    """
    try:
        from .sql import compile_sql
    except ImportError:
        raise UsageError("kpi sql needs sqlglot: pip install 'kpi-cli[scale]'") from None
    scorecard = _load(indicators)
    try:
        query = compile_sql(scorecard, dialect, table=table, view=view)
    except ValueError as exc:
        raise UsageError(f"--table/--view: {exc}") from None
    click.echo(query.rstrip("\n") + ";")
