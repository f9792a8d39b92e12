"""The folder of fetched tables: each answer saved unedited as ``TABLE.json`` (``TABLE-2.json``...
when a table took several requests) beside ``TABLE.json.provenance``: the URL asked, when, and
the table's ``updated`` date then. Every file is written through a temporary file and a rename,
so a reader never sees half a file and a failed write (a full disk) leaves the old one as it was.
The provenance files are the cache: a part whose URL and ``updated`` date have not changed is not
asked for again.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from ..errors import UsageError
from ..results.ssb.provenance import SUFFIX, Provenance, read_provenance

__all__ = ["Provenance", "read_provenance", "save", "saved_parts"]


def saved_parts(folder: Path, table: str) -> list[Path]:
    """The data files of ``table`` in ``folder`` that have a provenance, in order."""
    names = [folder / f"{table}.json", *sorted(folder.glob(f"{table}-*.json"), key=_part_number)]
    return [path for path in names if path.is_file() and read_provenance(path) is not None]


def _part_number(path: Path) -> int:
    tail = path.stem.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def part_path(folder: Path, table: str, index: int, count: int) -> Path:
    return folder / (f"{table}.json" if count == 1 else f"{table}-{index + 1}.json")


def save(path: Path, body: bytes, provenance: Provenance) -> None:
    """The answer, then its provenance, each atomically (the data first: a provenance never
    names a file that is not there)."""
    write_atomically(path, body)
    write_atomically(Path(f"{path}{SUFFIX}"), provenance.to_json().encode("utf-8"))


def remove(path: Path) -> None:
    for name in (Path(f"{path}{SUFFIX}"), path):
        try:
            name.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise UsageError(f"cannot remove an old part: {exc.strerror}", code="fetch-write", path=str(name)) from None


def write_atomically(path: Path, body: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot make the folder: {exc.strerror}", code="fetch-write", path=str(path.parent)) from None
    temporary = path.parent / f".kpi-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        with open(temporary, "wb") as stream:
            stream.write(body)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise UsageError(
            f"cannot write the file ({exc.strerror}): what was fetched before is kept",
            code="fetch-write",
            path=str(path),
        ) from None
