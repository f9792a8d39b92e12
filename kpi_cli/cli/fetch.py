"""``kpi fetch``: the definitions' SSB cells from Statistics Norway into results/ssb/ and Kolada's key
figures into results/kolada/ (kpi_cli.fetch)."""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import KpiErrors, UsageError
from .messages import reports_errors, said, speak
from .params import indicators_option

if TYPE_CHECKING:
    from ..definitions.ssb_fields import SsbMapping
    from ..model import Scorecard

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$")


@click.command("fetch", short_help="Fetch SSB tables and Kolada key figures into results/.")
@indicators_option
@click.option(
    "--out",
    "out",
    default=os.path.join("results", "ssb"),
    show_default=True,
    metavar="DIR",
    help="Folder the tables are saved in, each beside its .provenance file.",
)
@click.option(
    "--years",
    metavar="FIRST-LAST",
    help="Years to fetch, such as 2015-2024 or 2024 (default: the scorecard's first year up to the latest published).",
)
@click.option(
    "--regions",
    type=click.Choice(["scorecard", "all"]),
    default="scorecard",
    show_default=True,
    help="The definitions' municipality and benchmarks, or every region of each table.",
)
@click.option("--offline", is_flag=True, help="Make no request: check that every table is saved already.")
@click.option("--refresh", is_flag=True, help="Download every table again, whether it changed or not.")
@reports_errors
def fetch(indicators: str, out: str, years: str | None, regions: str, offline: bool, refresh: bool) -> None:
    """Ask Statistics Norway (PxWebApi v2) for the cells each indicator's ssb: key names, for the
    municipality and benchmarks, and save each answer unedited in DIR, so that
    kpi evaluate results/ reads them. A table not updated since the last fetch is not
    downloaded again. The base URL is KPI_SSB_URL (default https://data.ssb.no/api/pxwebapi/v2).
    Indicators with kolada: are asked of Kolada (KPI_KOLADA_URL, default https://api.kolada.se/v2)
    for the municipality's and the benchmarks' Kolada ids (every municipality with --regions all),
    saved in the folder kolada beside DIR.

    \b
    Examples:
      kpi fetch
      kpi fetch --years 2015-2024
      kpi fetch --regions all --out results/ssb
      kpi fetch --offline
    """
    from ..definitions.load import load_definitions
    from ..definitions.ssb_fields import load_mapping
    from ..fetch.kolada import DEFAULT_KOLADA_URL, KoladaOptions, default_years, fetch_kolada, plan_groups
    from ..fetch.plan import Wanted
    from ..fetch.run import DEFAULT_SSB_URL, Options, Outcome, fetch_ssb, tables_of

    if offline and refresh:
        raise UsageError("--offline and --refresh contradict each other: give one")
    scorecard = load_definitions(indicators)
    speak(scorecard.language, scorecard.levels)
    mapping = load_mapping(indicators)
    tables = tables_of(mapping)
    _check_sources(mapping, tables, regions, indicators)
    first, last = _years(years, scorecard)
    wanted = Wanted(mapping.municipality, mapping.benchmarks, regions == "all", first, last)
    options = Options(Path(out), os.environ.get("KPI_SSB_URL") or DEFAULT_SSB_URL, wanted, offline, refresh)
    kolada = KoladaOptions(
        Path(out).parent / "kolada",
        os.environ.get("KPI_KOLADA_URL") or DEFAULT_KOLADA_URL,
        tuple(dict.fromkeys(mapping.kolada_municipality + mapping.kolada_benchmarks)),
        default_years(first, last),
        offline,
        refresh,
        regions == "all",
    )
    groups = plan_groups([source.kpi for source in mapping.kolada if source.kpi], kolada) if mapping.kolada else []
    client = None
    if not offline:
        from ..fetch.client import Client

        client = Client()
    with _progress(len(tables) + len(groups)) as done:
        outcome = fetch_ssb(mapping, options, client, done) if tables else Outcome()
        if groups:
            fetch_kolada(mapping, kolada, client, outcome, done)
    for path in outcome.downloaded:
        click.echo(said("msg.fetched", path=path))
    for path in outcome.unchanged:
        click.echo(said("msg.saved" if offline else "msg.unchanged", path=path))
    if outcome.errors:
        raise KpiErrors(outcome.errors)


def _check_sources(mapping: SsbMapping, tables: Mapping[str, object], regions: str, indicators: str) -> None:
    """The definitions name something to fetch, and whose figures: else a usage error."""
    if not tables and not mapping.kolada:
        raise UsageError(
            "no indicator names an SSB table (ssb: {table: ..., select: ...}) or a Kolada key figure"
            " (kolada: {kpi: N00945})",
            code="fetch-no-source",
            path=indicators,
        )
    if tables and not mapping.municipality and regions != "all":
        raise UsageError(
            'the definitions name no municipality (municipality: {code: "3203"}): give it, or fetch --regions all',
            code="fetch-no-source",
            path=indicators,
        )
    if mapping.kolada and not mapping.kolada_municipality and regions != "all":
        raise UsageError(
            'the definitions name no Kolada municipality (municipality: {kolada: "0180"}): give it,'
            " or fetch --regions all",
            code="fetch-no-source",
            path=indicators,
        )


def _years(given: str | None, scorecard: Scorecard) -> tuple[int, int | None]:
    if given is not None:
        match = _YEARS.match(given)
        if not match or int(match[2] or match[1]) < int(match[1]):
            raise UsageError(f"--years {given!r}: give a year or FIRST-LAST, such as 2015-2024")
        return int(match[1]), int(match[2] or match[1])
    from ..fetch.plan import first_year

    first = first_year(scorecard)
    return (first if first is not None else datetime.date.today().year - 5), None


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar of the tables on a terminal (rich's), nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda table: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("SSB", total=total)
        yield lambda table: progress.update(task, advance=1, description=f"SSB {table}")
