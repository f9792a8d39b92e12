"""Read an SSB export, whichever kind it is, detected from its content."""

from __future__ import annotations

from pathlib import Path

from ...errors import ResultsError
from .csvstat import read_csv
from .detect import decode, looks_like_jsonstat
from .jsonstat import read_jsonstat
from .table import SsbTable


def parse_ssb(data: bytes, path: str, encoding: str | None = None) -> SsbTable:
    """An export's bytes as a table. JSON is UTF-8; CSV is UTF-8 or ISO-8859-1 unless ``encoding``."""
    try:
        text, used = decode(data, encoding)
    except LookupError:
        raise ResultsError(f"unknown encoding {encoding!r}", path=path) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ResultsError(f"not valid {encoding}: {exc.reason}", path=path, line=line) from None
    if looks_like_jsonstat(text):
        return read_jsonstat(text, path)
    if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return read_jsonstat(text, path)  # JSON, but no data set: reported as such
    return read_csv(text, path, used)


def read_ssb(path: str, encoding: str | None = None) -> SsbTable:
    """Read one SSB export from a file."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ResultsError("file not found", path=path) from None
    except OSError as exc:
        raise ResultsError(f"cannot read file: {exc.strerror}", path=path) from None
    return parse_ssb(data, path, encoding)
