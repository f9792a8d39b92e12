"""``kpi init``: a first indicators.yaml and this year's results file, never over an existing file.

Without ``--from`` the definitions are a commented example in the language asked for
(:mod:`kpi_cli.drafting.starter`); with ``--from FILE`` they are drafted from a printed scorecard
(:mod:`kpi_cli.drafting`), and what could not be placed is listed here, located in FILE.
"""

from __future__ import annotations

import datetime
import os

import click

from ..errors import KpiError, KpiErrors, Problem
from ..number_format import DECIMAL_COMMA
from .messages import reports_errors, said, speak, warn
from .output import write_new
from .params import LANGUAGE_ALIASES, YEAR, Choice

DEFINITIONS = "indicators.yaml"
BOM = "\ufeff"
Drafted = tuple[list[tuple[str, str]], list[Problem], list[int]]  # (path, text) to write, what to finish, years


@click.command("init", short_help="Start a scorecard: indicators.yaml and a results file to fill in.")
@click.argument("directory", required=False, default=".", metavar="[DIR]")
@click.option(
    "--language",
    type=Choice(["nb", "nn", "sv", "en"], LANGUAGE_ALIASES),
    default="nb",
    show_default=True,
    help="Language of the file's names, comments and reports.",
)
@click.option(
    "--from",
    "source",
    metavar="FILE",
    help="Draft the definitions from a printed scorecard: text copied from a PDF, web page or Word "
    "(.txt), a Word table (.docx), a web page (.html) or a sheet (.xlsx, .csv).",
)
@click.option("--sheet", help="Sheet of an .xlsx FILE (default: the first).")
@click.option(
    "--year",
    type=YEAR,
    help="Year of the results file to fill in (default: this year; --from writes the years printed).",
)
@click.option("--dry-run", is_flag=True, help="Print the files instead of writing them.")
@reports_errors
def init(directory: str, language: str, source: str | None, sheet: str | None, year: int | None, dry_run: bool) -> None:
    """Write DIR/indicators.yaml (default DIR: here) and a results file to fill in, then print
    the next three commands. An existing file is never overwritten.

    Without --from, indicators.yaml holds one example of each form (three bands, a single
    target with a direction, a phase-in year), commented in --language, and
    results/YEAR.csv asks for this year's results. With --from FILE, both are drafted from
    the printed scorecard in FILE: whatever cannot be placed is listed as FILE:LINE and left
    in indicators.yaml as a comment to finish by hand.

    \b
    Examples:
      kpi init
      kpi init --language en my-scorecard
      kpi init --from malekart.txt
      kpi init --from handlingsprogram.docx --dry-run
    """
    speak(language)
    definitions = os.path.join(directory, DEFINITIONS) if directory != "." else DEFINITIONS
    if source is not None:
        from .drafting import draft_files

        files, problems, years = draft_files(source, definitions, language, sheet)
    else:
        files, problems, years = _starter_files(definitions, language, year or datetime.date.today().year)
    if not dry_run:
        _refuse_existing([path for path, _ in files])
    for problem in problems:
        warn(problem.format())
    if dry_run:
        for path, text in files:
            click.echo(f"==> {path} <==\n{text.lstrip(BOM).replace(chr(13) + chr(10), chr(10))}", nl=False)
        return
    for path, text in files:
        _write_new(path, text)
    _say_done(directory, files, years or [year or datetime.date.today().year], problems, bool(years))


def _starter_files(definitions: str, language: str, year: int) -> Drafted:
    from ..definitions.load import parse_definitions
    from ..drafting.starter import starter_yaml
    from ..render.template_files import csv_text
    from ..results.template import template_rows

    text = starter_yaml(language, year)
    scorecard = parse_definitions(text, definitions)
    results = csv_text(template_rows(scorecard, year), language, ";" if language in DECIMAL_COMMA else ",", bom=True)
    return [(definitions, text), (_results_path(definitions, year), results)], [], [year]


def _results_path(definitions: str, year: int) -> str:
    return os.path.join(os.path.dirname(definitions), "results", f"{year}.csv")


def _refuse_existing(paths: list[str]) -> None:
    """Every file that is there already, one error each, before anything is written."""
    there = [path for path in paths if os.path.lexists(path)]
    if there:
        raise KpiErrors(
            [
                KpiError(
                    "already exists: kpi init never writes over a file (move it away, or give another DIR)",
                    code="file-exists",
                    path=path,
                )
                for path in there
            ]
        )


def _write_new(path: str, text: str) -> None:
    folder = os.path.dirname(path)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        write_new(path, text)
    except FileExistsError:  # made between the check and now
        raise KpiError("already exists: kpi init never writes over a file", code="file-exists", path=path) from None
    except OSError as error:
        raise KpiError(f"cannot write: {error.strerror}", code="unreadable-file", path=path) from None


def _say_done(
    directory: str, files: list[tuple[str, str]], years: list[int], problems: list[Problem], results: bool
) -> None:
    for path, _ in files:
        click.echo(said("msg.wrote", path=path))
    if problems:
        click.echo(said("msg.to_finish", places=len(problems)))
    path = f"results/{years[-1]}.csv"
    click.echo(said("msg.next_in", directory=directory) if directory != "." else said("msg.next"))
    click.echo("  kpi validate")
    click.echo(f"  kpi evaluate {path}" if results else f"  kpi template --year {years[-1]} -o {path}")
    click.echo(f"  kpi evaluate {path} --format html -o report.html")
