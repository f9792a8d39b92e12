"""One ``kpi fetch``: for each table the definitions name, its metadata (is it newer than what is
saved?), the parts to ask for, and each answer saved with its provenance."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from dataclasses import field
from pathlib import Path
from typing import Protocol

from ..definitions.ssb_fields import SsbMapping, SsbSource
from ..errors import KpiError
from ..records import dataclass
from .plan import Wanted, plan_table
from .store import Provenance, part_path, read_provenance, remove, save, saved_parts
from .tables import TableMeta, located, read_metadata

DEFAULT_SSB_URL = "https://data.ssb.no/api/pxwebapi/v2"


class Answer(Protocol):
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> bytes: ...


class Getter(Protocol):
    def get(self, url: str) -> Answer: ...


@dataclass(frozen=True, slots=True)
class Options:
    out: Path
    base: str
    wanted: Wanted
    offline: bool = False
    refresh: bool = False


@dataclass(slots=True)
class Outcome:
    downloaded: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # saved before, the table not updated since
    errors: list[KpiError] = field(default_factory=list)


def tables_of(mapping: SsbMapping) -> dict[str, list[SsbSource]]:
    """The indicators' sources by table, tables in the order the definitions first name them."""
    grouped: dict[str, list[SsbSource]] = {}
    for source in mapping.sources:
        if source.table:
            grouped.setdefault(source.table, []).append(source)
    return grouped


def fetch_ssb(
    mapping: SsbMapping, options: Options, client: Getter | None, done: Callable[[str], None] = lambda table: None
) -> Outcome:
    """Fetch every table; a selection a table cannot satisfy is an error of that table only, the
    others are fetched. A network, server or disk error stops the run (raised): what was saved
    before it stays."""
    outcome = Outcome()
    for table, sources in tables_of(mapping).items():
        if options.offline or client is None:
            _from_cache(table, sources, options, outcome)
        else:
            _fetch_table(table, sources, options, client, outcome)
        done(table)
    return outcome


def _from_cache(table: str, sources: Sequence[SsbSource], options: Options, outcome: Outcome) -> None:
    parts = saved_parts(options.out, table)
    if not parts:
        message = f"table {table} has not been fetched into {options.out}: run kpi fetch without --offline first"
        error = located(sources[0], message)
        outcome.errors.append(KpiError(error.message, code="fetch-offline", path=error.path, line=error.line))
    outcome.unchanged.extend(parts)


def _fetch_table(table: str, sources: Sequence[SsbSource], options: Options, client: Getter, outcome: Outcome) -> None:
    base = options.base.rstrip("/")
    answer = client.get(f"{base}/tables/{table}/metadata?lang=no&outputFormat=json-stat2")
    if answer.status != 200:
        outcome.errors.append(located(sources[0], f"Statistics Norway has no table {table}: {_said(answer)}"))
        return
    meta = read_metadata(table, answer.body)
    parts, errors = plan_table(meta, sources, options.wanted, base)
    if errors:
        outcome.errors.extend(errors)
        return
    written = []
    for index, part in enumerate(parts):
        path = part_path(options.out, table, index, len(parts))
        url = part.url(base)
        written.append(path)
        if not options.refresh and _current(path, url, meta):
            outcome.unchanged.append(path)
            continue
        answer = client.get(url)
        if answer.status != 200:
            named = [source for source in sources if source.indicator in part.indicators]
            outcome.errors.append(located(named[0], f"Statistics Norway refused table {table}: {_said(answer)}"))
            return
        save(path, answer.body, Provenance(table, url, _now(), meta.updated or _updated(answer.body)))
        outcome.downloaded.append(path)
    for old in saved_parts(options.out, table):
        if old not in written:  # a part of an earlier split
            remove(old)


def _current(path: Path, url: str, meta: TableMeta) -> bool:
    """Whether ``path`` holds the answer to ``url`` and the table has not been updated since."""
    saved = read_provenance(path)
    return saved is not None and path.is_file() and saved.url == url and saved.updated == meta.updated


def _updated(body: bytes) -> str | None:
    try:
        value = json.loads(body).get("updated")
    except (ValueError, AttributeError):
        return None
    return str(value) if value else None


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _said(answer: Answer) -> str:
    """What the server said, in one short line: a problem document's title and detail, or its text."""
    text = answer.body.decode("utf-8", "replace")
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    if isinstance(document, dict):
        parts = [str(document[key]) for key in ("title", "detail") if document.get(key)]
        text = ": ".join(parts) or text
    said = " ".join(text.split())[:200]
    return f"{answer.status} {said}".strip() if said else f"HTTP {answer.status}"
