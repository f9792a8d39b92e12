"""SSB's CSV exports: the ready-made data set and the statistics-bank download.

Ready-made data set (one value per row)::

    "region";"tid";"statistikkvariabel";"<table title>"
    "01 Østfold";"1951";"Folkemengde";185492

Statistics-bank download (a title line, often an empty line, then a header
with the years, or the regions, across)::

    "05803: Endringer i befolkningen ..."

    "statistikkvariabel";"1902";"1912"
    "Inngåtte ekteskap";14385;..

UTF-8 or ISO-8859-1, CRLF or LF, ``;``, ``,`` or tab, decimal comma or point,
SSB's symbols bare or quoted. Codes with names (``"3203 Asker"``) are split.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import field
from decimal import Decimal
from pathlib import Path

from ...errors import Collector, ResultsError
from ...number_format import parse_number
from ...records import dataclass
from .detect import TIME_CODE, delimiter_of, head, is_region_name, is_time_name, table_id_from
from .table import NOT_AVAILABLE, Cell, Dimension, SsbTable, split_region, symbol

_FILE_TABLE_ID = re.compile(r"(?<!\d)(\d{5})(?!\d)")
Record = tuple[int, list[str]]


@dataclass
class _Shape:
    """Which columns are which: the region and time columns, the other dimensions, the values.

    ``across`` says what the value columns' headers are: 'time' (years across),
    'region' (regions across) or None (one value column, its header the title).
    """

    across: str | None
    values: list[tuple[int, str]]  # (column index, header)
    region: int | None = None
    time: int | None = None
    others: list[tuple[int, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # role -> header


def read_csv(text: str, path: str, encoding: str = "utf-8") -> SsbTable:
    """Parse one SSB CSV export; bad cells are ResultsErrors with their line and column."""
    title, header_line = head(text)
    if header_line is None:
        raise ResultsError("the file is empty", code="ssb-format", path=path, line=1)
    records = _records(text, path, delimiter_of(header_line))
    line, header = _header(records, title is not None, path)
    shape = _shape([cell.strip() for cell in header], path, line)
    problems = Collector()
    cells = list(_cells(records, shape, len(header), path, problems))
    problems.raise_if_any()
    shown_title = title if title is not None else shape.values[0][1] if shape.across is None else ""
    found = _FILE_TABLE_ID.search(Path(path).stem)
    return SsbTable(
        path=path,
        format="csv-statbank" if title is not None else "csv-dataset",
        title=shown_title,
        table_id=table_id_from(shown_title) or (found.group(1) if found else None),
        updated=None,
        notes=(),
        mandatory_notes=(),
        dimensions=_dimensions(shape, cells),
        cells=tuple(cells),
        region_dimension=shape.names.get("geo"),
        time_dimension=shape.names.get("time"),
        encoding=encoding,
    )


def _records(text: str, path: str, delimiter: str) -> Iterator[Record]:
    """(line, cells) of each non-empty record."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ResultsError(f"cannot read CSV: {exc}", code="csv-syntax", path=path, line=start) from None


def _header(records: Iterator[Record], skip: bool, path: str) -> Record:
    """The header record, after the title when there is one."""
    wanted = 2 if skip else 1
    found = [record for _, record in zip(range(wanted), records, strict=False)]
    if len(found) < wanted:  # head() splits lines more ways than csv does (\x0b, \u2028)
        raise ResultsError("no header line after the title", code="ssb-format", path=path, line=1)
    return found[-1]


def _shape(names: list[str], path: str, line: int) -> _Shape:
    years = _trailing(names, lambda name: bool(TIME_CODE.fullmatch(name)))
    regions = _trailing(names, lambda name: split_region(name)[0] != split_region(name)[1])
    if 0 < years < len(names):
        shape = _Shape("time", list(enumerate(names))[len(names) - years :])
        shape.names["time"] = "tid"
    elif regions >= 2 and regions < len(names) and not any(map(is_region_name, names[:-regions])):
        shape = _Shape("region", list(enumerate(names))[len(names) - regions :])
        shape.names["geo"] = "region"
    elif len(names) >= 2:
        shape = _Shape(None, [(len(names) - 1, names[-1])])
    else:
        message = "the header has one column: no dimensions and no values"
        raise ResultsError(message, code="ssb-format", path=path, line=line)
    for index, name in enumerate(names[: shape.values[0][0]]):
        if shape.region is None and shape.across != "region" and is_region_name(name):
            shape.region, shape.names["geo"] = index, name
        elif shape.time is None and shape.across != "time" and is_time_name(name):
            shape.time, shape.names["time"] = index, name
        else:
            shape.others.append((index, name))
    return shape


def _trailing(names: list[str], test: Callable[[str], bool]) -> int:
    count = 0
    for name in reversed(names):
        if not test(name):
            break
        count += 1
    return count


def _cells(records: Iterator[Record], shape: _Shape, width: int, path: str, problems: Collector) -> Iterator[Cell]:
    for line, record in records:
        if len(record) != width:
            message = f"row has {len(record)} fields but the header has {width}"
            problems.add(ResultsError(message, code="field-count", path=path, line=line))
            continue
        other = tuple((name, record[index].strip()) for index, name in shape.others)
        region = record[shape.region] if shape.region is not None else ""
        time = record[shape.time].strip() if shape.time is not None else ""
        for index, header in shape.values:
            text = record[index].strip()
            try:
                value, absence = _value(text)
            except ValueError:
                message = f"value {text[:40]!r} is not a number or an SSB symbol"
                problems.add(ResultsError(message, code="invalid-value", path=path, line=line, column=index + 1))
                continue
            region_text = header if shape.across == "region" else region
            code, name = split_region(region_text) if region_text.strip() else (None, "")
            cell_time = header if shape.across == "time" else time
            yield Cell(code, name, cell_time, other, value, absence, text, path, line, index + 1)


def _value(text: str) -> tuple[Decimal | None, str | None]:
    if not text:
        return None, NOT_AVAILABLE
    meaning = symbol(text)
    if meaning is not None:
        return meaning
    return parse_number(text), None


def _dimensions(shape: _Shape, cells: list[Cell]) -> tuple[Dimension, ...]:
    """The dimensions with their categories in the order the file first names them."""
    found: list[Dimension] = []
    if "geo" in shape.names:
        regions = dict.fromkeys((cell.region, cell.region_name) for cell in cells if cell.region is not None)
        found.append(Dimension(shape.names["geo"], shape.names["geo"], "geo", tuple((c or "", n) for c, n in regions)))
    for position, (_, name) in enumerate(shape.others):
        codes = dict.fromkeys(cell.other[position][1] for cell in cells)
        found.append(Dimension(name, name, None, tuple((code, code) for code in codes)))
    if "time" in shape.names:
        times = dict.fromkeys(cell.time for cell in cells)
        found.append(Dimension(shape.names["time"], shape.names["time"], "time", tuple((t, t) for t in times)))
    return tuple(found)
