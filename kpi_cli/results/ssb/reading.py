"""SSB exports among the results files: read them as the definitions' SSB keys say.

``read_results`` asks :class:`SsbReader` to read each file it claims; the rows join the other
results, the benchmark values and the
table (for its title, ``updated`` and mandatory notes) travel beside them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...errors import KpiError, ResultsError
from .detect import is_ssb_file

if TYPE_CHECKING:  # the readers proper are imported when an SSB file is met, not for every results file
    from ...definitions.ssb_fields import SsbMapping
    from ...report import ResultRow
    from ..dialects import FileLog
    from .rows import Conversion


def read_ssb_file(
    path: str, mapping: SsbMapping | None, *, all_regions: bool = False, encoding: str | None = None
) -> Conversion:
    """Read ``path`` and convert it; raises ResultsError when the file is unreadable or the
    definitions name no municipality (or, with ``all_regions``, no indicator source)."""
    from .read import read_ssb
    from .rows import convert

    kolada = _read_kolada(path, mapping, all_regions)
    if kolada is not None:
        return kolada
    table = read_ssb(path, encoding)
    if mapping is None or not mapping.sources or (not mapping.municipality and not all_regions):
        raise ResultsError(
            f"is an SSB export (table {table.table_id or '?'}): the definitions must name the municipality "
            '(municipality: {code: "3203"}) and each indicator\'s source (ssb: {table: ..., select: ...}), '
            "see docs/how-to/ssb-and-kostra.md",
            code="ssb-no-source",
            path=path,
        )
    return _mark_revision(convert(table, mapping, all_regions=all_regions), path)


def _read_kolada(path: str, mapping: SsbMapping | None, all_regions: bool) -> Conversion | None:
    """``path`` read as a Kolada answer, converted by the indicators' ``kolada:`` keys; None when it is none."""
    from ...definitions.ssb_fields import SsbMapping, SsbSource
    from .kolada import looks_like_kolada, read_kolada
    from .rows import convert

    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
        if not looks_like_kolada(head):
            return None
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None  # reported by the SSB reader
    table = read_kolada(text, path)
    if mapping is None or not mapping.kolada or (not mapping.kolada_municipality and not all_regions):
        raise ResultsError(
            "is a Kolada answer: the definitions must name the municipality's Kolada id "
            '(municipality: {kolada: "0180"}) and each indicator\'s key figure (kolada: {kpi: N00945}), '
            "see docs/how-to/fetch-from-kolada.md",
            code="ssb-no-source",
            path=path,
        )
    present = {code for code, _ in table.dimensions[0].categories}
    sources = tuple(
        SsbSource(source.indicator, "", (("kpi", source.kpi), ("gender", source.gender)), source.location)
        for source in mapping.kolada
        if source.kpi in present
    )
    kolada = SsbMapping(mapping.kolada_municipality, mapping.name, mapping.kolada_benchmarks, sources)
    return convert(table, kolada, all_regions=all_regions)


def _mark_revision(conversion: Conversion, path: str) -> Conversion:
    """A fetched KOSTRA table's rows marked revised or not by the date in its provenance."""
    from .provenance import read_provenance, revised

    table = conversion.table
    provenance = read_provenance(path)
    if provenance is None or not any(dimension.id.upper().startswith("KOK") for dimension in table.dimensions):
        return conversion
    for row in conversion.rows:
        row.revised = revised(provenance.updated, row.year)
    return conversion


class SsbReader:
    """Reads the SSB files among the results for ``read_results``: the definitions' SSB keys
    are loaded once, when first needed, and every file read is kept in ``reads``.

    A JSON file is always SSB's. A CSV in one of SSB's layouts is read as such only
    when the definitions name SSB sources and no ``--column`` mapping is given: with
    a mapping, it is read as an ordinary results file, as before.
    """

    def __init__(self, definitions: str | None, all_regions: bool, encoding: str | None, plain: bool) -> None:
        self.definitions = definitions
        self.all_regions = all_regions
        self.encoding = encoding
        self.plain = plain
        self.mapping: SsbMapping | None = None
        self.reads: list[Conversion] = []

    def claims(self, path: str) -> bool:
        if path.lower().endswith(".json"):
            return True
        if self.plain or not is_ssb_file(path):
            return False
        mapping = self._mapping()
        return mapping is not None and bool(mapping.sources)

    def names_sources(self) -> bool:
        """Whether the definitions name SSB sources (``ssb:`` on an indicator or measure)."""
        mapping = self._mapping()
        return mapping is not None and bool(mapping.sources or mapping.kolada)

    def _mapping(self) -> SsbMapping | None:
        if self.mapping is None and self.definitions is not None:
            from ...definitions.ssb_fields import load_mapping

            self.mapping = load_mapping(self.definitions)
        return self.mapping

    def read(self, path: str, log: FileLog) -> Iterator[ResultRow | KpiError]:
        """The file's rows and its selection errors, after filling in ``log``."""
        read = read_ssb_file(path, self._mapping(), all_regions=self.all_regions, encoding=self.encoding)
        self.reads.append(read)
        log.encoding = read.table.encoding
        log.delimiter = ""
        log.layout = read.describe()
        log.other_cells = {"benchmark": len(read.benchmarks), **read.unused}
        yield from read.rows
        yield from read.errors
