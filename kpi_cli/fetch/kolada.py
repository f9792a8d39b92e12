"""The definitions' ``kolada:`` key figures asked of Kolada's API (v2) and saved unedited in
``results/kolada/`` beside their provenance (docs/how-to/fetch-from-kolada.md).

One request ``GET {base}/data/kpi/{kpis}/municipality/{ids}/year/{years}`` (the ids: the
municipality's, then the benchmarks'; with ``--regions all``, ``{base}/data/kpi/{kpis}/year/{years}``,
every municipality) for as many key figures as keep the URL short (as for SSB, under ~2 100
characters), each answer's pages followed by their ``next_page`` (a full URL). A group's pages are
all downloaded before any is written, so a failure halfway leaves the pages of the last fetch as
they were. Kolada says nothing of when a figure was updated, so the cache is the provenance alone:
a group whose first page was saved from the same URL is not asked again (``--refresh`` asks).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

from ..definitions.kolada_fields import KoladaSource
from ..definitions.ssb_fields import SsbMapping
from ..errors import KpiError, ResultsError, UsageError
from ..records import dataclass
from ..results.ssb.provenance import SUFFIX
from .plan import MAX_URL
from .run import Getter, Outcome, _now, _said
from .store import Provenance, read_provenance, remove, write_atomically

DEFAULT_KOLADA_URL = "https://api.kolada.se/v2"
SOURCE = "kolada"  # the provenance's table
MAX_PAGES = 1_000  # 5 000 values a page: far beyond any scorecard's figures; a loop of next_page ends


@dataclass(frozen=True, slots=True)
class Group:
    """One request: key figures asked together, and the URL of its first page."""

    kpis: tuple[str, ...]
    url: str


@dataclass(frozen=True, slots=True)
class KoladaOptions:
    out: Path
    base: str
    municipality: tuple[str, ...]
    years: tuple[int, ...]
    offline: bool = False
    refresh: bool = False
    all_regions: bool = False  # every municipality: the path without /municipality/{ids}


def plan_groups(kpis: Sequence[str], options: KoladaOptions) -> list[Group]:
    """The key figures, in the definitions' order, in as few requests as keep each URL short."""
    groups: list[Group] = []
    current: list[str] = []
    for kpi in dict.fromkeys(kpis):
        if current and len(_url(options, [*current, kpi])) > MAX_URL:
            groups.append(Group(tuple(current), _url(options, current)))
            current = []
        current.append(kpi)
    if current:
        groups.append(Group(tuple(current), _url(options, current)))
    return groups


def _url(options: KoladaOptions, kpis: Sequence[str]) -> str:
    def joined(items: Sequence[object]) -> str:
        return ",".join(quote(str(item), safe="") for item in items)

    base = options.base.rstrip("/")
    if options.all_regions:
        return f"{base}/data/kpi/{joined(kpis)}/year/{joined(options.years)}"
    return f"{base}/data/kpi/{joined(kpis)}/municipality/{joined(options.municipality)}/year/{joined(options.years)}"


def page_path(folder: Path, group: int, page: int) -> Path:
    """``kolada-1.json``, then ``kolada-1_page2.json``...: sorted as fetched."""
    return folder / (f"kolada-{group}.json" if page == 1 else f"kolada-{group}_page{page}.json")


def saved_pages(folder: Path, group: int) -> list[Path]:
    first = page_path(folder, group, 1)
    more = sorted(folder.glob(f"kolada-{group}_page*.json"), key=lambda path: int(path.stem.rsplit("page", 1)[-1] or 0))
    return [path for path in [first, *more] if path.is_file() and read_provenance(path) is not None]


def fetch_kolada(
    mapping: SsbMapping,
    options: KoladaOptions,
    client: Getter | None,
    outcome: Outcome,
    done: Callable[[str], None] = lambda group: None,
) -> None:
    """Fetch every group into ``options.out``; a refused request is an error of its indicators, a
    network, server or disk error stops the run (raised), what was saved before it kept."""
    sources = [source for source in mapping.kolada if source.kpi]
    groups = plan_groups([source.kpi for source in sources], options)
    for number, group in enumerate(groups, 1):
        named = [source for source in sources if source.kpi in group.kpis]
        saved = saved_pages(options.out, number)
        if options.offline or client is None:
            if not saved:
                message = f"Kolada's {', '.join(group.kpis)} not fetched into {options.out}: run kpi fetch first"
                outcome.errors.append(_fault(named[0], message, "fetch-offline"))
            outcome.unchanged.extend(saved)
        elif not options.refresh and saved and _same(saved[0], group.url):
            outcome.unchanged.extend(saved)
        else:
            _fetch_group(number, group, named, options, client, outcome)
        done(f"Kolada {number}")
    if options.offline or client is None:
        return  # --offline changes nothing on disk
    for extra in range(len(groups) + 1, len(groups) + 100):
        stale = saved_pages(options.out, extra)
        if not stale:
            break
        for path in stale:  # a group of an earlier run with more key figures
            remove(path)


def _same(path: Path, url: str) -> bool:
    saved = read_provenance(path)
    return saved is not None and saved.url == url


def _fetch_group(
    number: int, group: Group, named: Sequence[KoladaSource], options: KoladaOptions, client: Getter, outcome: Outcome
) -> None:
    pages: list[tuple[str, bytes]] = []
    url: str | None = group.url
    while url and len(pages) < MAX_PAGES:
        answer = client.get(url)
        if answer.status != 200:
            outcome.errors.append(_fault(named[0], f"Kolada refused {', '.join(group.kpis)}: {_said(answer)}"))
            return
        pages.append((url, answer.body))
        following = _next_page(answer.body, url)
        url = following if following not in {page for page, _ in pages} else None
    fetched = _now()
    for page, (asked, body) in enumerate(pages, 1):
        path = page_path(options.out, number, page)
        write_atomically(path, body)
        write_atomically(Path(f"{path}{SUFFIX}"), Provenance(SOURCE, asked, fetched, None).to_json().encode("utf-8"))
        outcome.downloaded.append(path)
    for old in saved_pages(options.out, number)[len(pages) :]:
        remove(old)  # a page of an earlier, longer answer


def _next_page(body: bytes, url: str) -> str | None:
    try:
        document = json.loads(body)
    except ValueError:
        document = None
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise UsageError(f"Kolada answered what is not a Kolada answer: {url}", code="fetch-server")
    following = document.get("next_page")
    return following if isinstance(following, str) and following.strip() else None


def _fault(source: KoladaSource, message: str, code: str = "fetch-select") -> KpiError:
    where = source.location
    return ResultsError(
        f"indicator {source.indicator}: kolada: {message}",
        code=code,
        path=where.path if where else None,
        line=where.line if where else None,
        column=where.column if where else None,
    )


def default_years(first: int, last: int | None) -> tuple[int, ...]:
    """The years asked: ``first`` to ``last``, or to this year (Kolada says nothing of which is its latest)."""
    return tuple(range(first, (last if last is not None else datetime.date.today().year) + 1))
