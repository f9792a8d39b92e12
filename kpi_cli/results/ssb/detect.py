"""Is this an SSB export? Decided from the content, cheaply, before anything heavy is imported."""

from __future__ import annotations

import csv
import re

TIME_NAMES = ("tid", "time", "år", "aar", "year", "periode", "period")
REGION_NAMES = ("region", "kommune", "fylke", "kommuneregion", "municipality", "county")
TIME_CODE = re.compile(r"\d{4}(?:[MKHU]\d{1,2})?")  # 2024, 2024M01, 2020K1
_TABLE_ID = re.compile(r"^\s*(\d{5})\s*:")
# A results file's indicator column (and the published table's): never an SSB export.
_NOT_SSB_HEADERS = {"indicator", "indikator", "id", "kpi", "indicator_id", "indikator_id", "måleindikatorer"}
_SSB_HEADERS = {"statistikkvariabel", "contents", "statistical variable"}


def looks_like_jsonstat(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    return head.startswith("{") and ('"dimension"' in head or '"dataset"' in head or '"class"' in head)


def is_ssb(data: bytes) -> bool:
    """True when the bytes are JSON-stat or one of SSB's CSV layouts (not a kpi results file)."""
    text, _ = decode(data[:65536])
    return looks_like_jsonstat(text) or looks_like_ssb_csv(text)


def is_ssb_file(path: str) -> bool:
    """A .json file, or a CSV whose first lines are one of SSB's layouts."""
    lowered = path.lower()
    if lowered.endswith(".json"):
        return True
    if lowered.endswith((".xlsx", ".xlsm")):
        return False
    try:
        with open(path, "rb") as handle:
            return is_ssb(handle.read(65536))
    except OSError:
        return False  # reported by the ordinary reader


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to text: ``encoding`` if given, else UTF-8 (BOM or not), else ISO-8859-1."""
    if encoding:
        return data.decode(encoding), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("iso-8859-1"), "iso-8859-1"


def looks_like_ssb_csv(text: str) -> bool:
    """An SSB export, not a results file: no indicator column, and a header that names SSB's
    dimensions (statistikkvariabel, or region with tid or years), or a title line '12345: ...'."""
    title, header_line = head(text)
    if header_line is None:
        return False
    header = _split(header_line)
    names = {cell.strip().casefold() for cell in header}
    if names & _NOT_SSB_HEADERS or len(header) < 2:
        return False
    if title is not None and table_id_from(title):
        return True
    has_time = any(is_time_name(name) or TIME_CODE.fullmatch(name) for name in names)
    return bool(names & _SSB_HEADERS) or (any(is_region_name(name) for name in names) and has_time)


def head(text: str) -> tuple[str | None, str | None]:
    """The title (a first line that is one field, more lines after it) and the header line."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:2]
    if not lines:
        return None, None
    first = _split(lines[0])
    if len(first) == 1 and len(lines) == 2:
        return first[0].strip(), lines[1]
    return None, lines[0]


def _split(line: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter_of(line)))


def delimiter_of(line: str) -> str:
    for candidate in (";", "\t", ","):
        if candidate in line:
            return candidate
    return ";"


def table_id_from(title: str) -> str | None:
    """'12134: Utvalgte nøkkeltall ...' -> '12134'."""
    match = _TABLE_ID.match(title)
    return match.group(1) if match else None


def is_time_name(name: str) -> bool:
    return name.strip().casefold() in TIME_NAMES


def is_region_name(name: str) -> bool:
    lowered = name.strip().casefold()
    return lowered in REGION_NAMES or lowered.startswith(("region", "kokkommuneregion", "kommuneregion"))
