"""How much of an input kpi reads before it calls the input unreasonable.

Every limit ends in a located error (``path:line: error: ...``, exit 2), never in a
silent cut: a results file or workbook that passes these is read whole. The page
docs/reference/limits.md lists them with their messages (a test compares it with these).
"""

from __future__ import annotations

MAX_LINE_BYTES = 1 << 20  # one physical line of a CSV file: 1 MiB
MAX_FIELD_CHARS = 1 << 17  # one CSV field (a quoted field may span lines): 128 Ki characters
MAX_COLUMNS = 16_384  # fields of a record, cells of a sheet's row (Excel's own limit)
MAX_UNPACKED_BYTES = 256 << 20  # a workbook's members, unpacked: 256 MiB (a Parquet file's texts, past the ratio)
MAX_PARQUET_RATIO = 100  # a Parquet file's texts, unpacked, past 256 MiB: at most 100 times the file
MAX_SPILL_BYTES = 16 << 30  # what DuckDB may write to its temporary folder in one run: 16 GiB
MAX_DEFINITIONS_BYTES = 16 << 20  # the definitions file: 16 MiB
MAX_YAML_NODES = 100_000  # nodes that aliases add to the definitions when expanded
MAX_YAML_DEPTH = 64  # nesting of the definitions
MAX_SSB_CELLS = 1_000_000  # the cells a Statistics Norway table declares (its API serves at most 800 000)
EXCERPT_CHARS = 80  # the most of a file's text that a message quotes
MAX_MESSAGE_CHARS = 2000  # the longest line kpi writes on stderr
MAX_TABLE_WIDTH = 1000  # the widest a terminal table is laid out, whatever COLUMNS says


def size(count: int) -> str:
    """``1 MiB``, ``256 MiB``, ``128 KiB``."""
    return f"{count >> 20} MiB" if count >= 1 << 20 else f"{count >> 10} KiB"
