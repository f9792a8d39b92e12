"""Writing a report to a file: atomically, never over an input, never over a device.

A regular file (or a new one) is written through a temporary file beside it and a
rename, so a reader never sees half a report and a failed write leaves the old file as it
was; the new file keeps the old one's mode (and owner, when run as root). A character
device (``/dev/null``, a terminal) or a FIFO is written straight to, and ``/dev/stdout``
is standard output; any other special file is refused. Temporary files are named
``.kpi-<pid>-<random>.tmp``, short whatever the report's name, so a later run can remove
the ones a killed run left behind.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError

Text = str | bytes | Iterable[str] | Iterable[bytes]
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
_TEMPORARY = re.compile(r"^\.kpi-(\d+)-[0-9a-f]{8}\.tmp$")
STALE_AFTER = 60  # seconds: a temporary file this old whose process is gone is removed


def write_atomically(path: str, text: Text, inputs: Iterable[str] = ()) -> None:
    """Write ``text`` (a string, bytes or an iterable of chunks) to ``path``.

    Refuses to write over any of ``inputs`` (compared as files: device and inode, so a
    second path to the same file, a bind mount or a case-insensitive file system, is seen).
    """
    if path in STDOUT_NAMES:
        _write_stream(sys.stdout.buffer, text)
        sys.stdout.flush()
        return
    target = Path(os.path.realpath(path))  # through a symbolic link: its file, not the link
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"cannot write the report: {exc.strerror}", path=path) from None
    if info is not None:
        _refuse_inputs(path, info, inputs)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError("is a folder: give a file name for the report", path=path)
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        _write_straight(path, target, text)
    elif info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError("is a special file (not a regular file, a device or a FIFO): will not write to it", path=path)
    else:
        _replace(path, target, text, info)


def not_an_input(path: str | None, inputs: Iterable[str]) -> None:
    """A UsageError when ``path`` is one of ``inputs`` (the same file by device and inode)."""
    if not path or path in STDOUT_NAMES:
        return
    try:
        info = os.stat(path)
    except OSError:
        return
    _refuse_inputs(path, info, inputs)


def _refuse_inputs(path: str, info: os.stat_result, inputs: Iterable[str]) -> None:
    for source in inputs:
        if _same_file(source, info):
            raise UsageError(f"will not write the report over an input file: {source}", path=path)


def _same_file(source: str, info: os.stat_result) -> bool:
    try:
        other = os.stat(source)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def _write_straight(path: str, target: Path, text: Text) -> None:
    try:
        with open(target, "wb") as stream:
            _write_stream(stream, text)
    except OSError as exc:
        raise UsageError(f"cannot write the report: {exc.strerror}", path=path) from None


def _write_stream(stream: BinaryIO, text: Text) -> None:
    if isinstance(text, bytes):
        stream.write(text)
    else:
        for chunk in [text] if isinstance(text, str) else text:
            stream.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))


def _replace(path: str, target: Path, text: Text, old: os.stat_result | None) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}", path=path)
    remove_stale(folder)
    temporary = _temporary(folder)
    try:
        with open(temporary, "xb") as stream:
            _write_stream(stream, text)
        if old is not None:
            os.chmod(temporary, stat.S_IMODE(old.st_mode) & 0o777)  # its permissions, no set-id bits
            if os.geteuid() == 0:
                os.chown(temporary, old.st_uid, old.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # a report to share
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"cannot write the report: {exc.strerror}", path=path) from None
    except BaseException:  # an interrupt (SIGINT, SIGTERM: see kpi_cli.entry) leaves no temporary file
        temporary.unlink(missing_ok=True)
        raise


def write_new(path: str, text: str) -> None:
    """Write a new file at ``path`` whole or not at all, never over one that is there (``kpi init``).

    The text goes to a temporary file first, which is then hard-linked to ``path``: the link fails
    when ``path`` exists, so even a file made meanwhile is kept. Raises FileExistsError or OSError.
    """
    temporary = _temporary(Path(path).parent)
    try:
        with open(temporary, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: the exclusive open is the next best
            with open(path, "x", encoding="utf-8", newline="") as stream:
                stream.write(text)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary(folder: Path) -> Path:
    """A temporary file's name in ``folder``, which ``remove_stale`` knows (``_TEMPORARY``)."""
    return folder / f".kpi-{os.getpid()}-{os.urandom(4).hex()}.tmp"  # secrets.token_hex, not imported


def remove_stale(folder: Path) -> None:
    """Remove temporary files of kpi runs that were killed (their process is gone)."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".kpi-")]
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.match(name)
        if not match or _running(int(match.group(1))):
            continue
        stale = folder / name
        try:
            if time.time() - stale.lstat().st_mtime > STALE_AFTER:
                stale.unlink()
        except OSError:
            pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True
