"""Writing a report to a file: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import UsageError


def write_atomically(path: str, text: str | bytes | Iterable[str], inputs: Iterable[str] = ()) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    ``text`` may be an iterable of chunks, written as they come. A reader never
    sees a half-written report, and a failed write leaves the old file as it
    was. Refuses to write over any of ``inputs``.
    """
    target = Path(path)
    for source in inputs:
        if Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise UsageError(f"will not write the report over an input file: {source}", path=path)
    if target.is_dir():
        raise UsageError("is a folder: give a file name for the report", path=path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}", path=path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.writelines([text] if isinstance(text, str) else text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # a report to share, not mkstemp's private 0600
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"cannot write the report: {exc.strerror}", path=path) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
