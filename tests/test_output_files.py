"""-o FILE under attack (issue 16): devices, FIFOs, /dev/stdout, inputs reached by another
path, read-only folders, long names, modes, and temporary files left by a killed run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_INDICATORS, SEED_RESULTS

from kpi_cli.cli import main
from kpi_cli.cli.output import STALE_AFTER, remove_stale, write_atomically
from kpi_cli.errors import UsageError

EVALUATE = ["evaluate", str(SEED_RESULTS), "--indicators", str(SEED_INDICATORS), "--format", "json"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".kpi-"))


def test_dev_null_is_written_to_not_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    write_atomically("/dev/null", "report\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert leftovers(Path("/dev")) == []


def test_kpi_writes_to_dev_null_as_root_or_not(assert_ok: Callable[..., None]) -> None:
    result = CliRunner().invoke(main, [*EVALUATE, "-o", "/dev/null"])
    assert_ok(result)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and leftovers(Path("/dev")) == []


def test_dev_stdout_reaches_stdout() -> None:
    script = "from kpi_cli.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, *EVALUATE, "-o", "/dev/stdout"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("{") and '"schema_version"' in done.stdout
    assert os.path.islink("/dev/stdout")


def test_symlink_to_a_report_writes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_fifo_is_written_straight(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomically(str(fifo), ["a", "b\n"])
    reader.join(10)
    assert got == [b"ab\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_other_special_files_are_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(UsageError, match="is a special file"):
            write_atomically(str(path), "x")
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_an_input_reached_through_a_hard_link_is_not_overwritten(tmp_path: Path) -> None:
    # Same file, another name: what a bind mount or a case-insensitive file system shows.
    source = tmp_path / "2014.csv"
    source.write_bytes(SEED_RESULTS.read_bytes())
    other = tmp_path / "other-name.csv"
    os.link(source, other)
    result = CliRunner().invoke(main, ["evaluate", str(source), "--indicators", str(SEED_INDICATORS), "-o", str(other)])
    assert result.exit_code == 2
    assert f"{other}: error: will not write the report over an input file: {source}" in result.stderr
    assert source.read_bytes() == SEED_RESULTS.read_bytes()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clean_error(tmp_path: Path, assert_error: Callable[..., None]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = CliRunner().invoke(main, [*EVALUATE, "-o", str(folder / "r.json")])
    finally:
        folder.chmod(0o755)
    assert_error(result, [f"{folder / 'r.json'}: error: cannot write the report: Permission denied [usage]"])


def test_read_only_folder_error_is_handled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root the folder's mode does not stop a write: fail the temporary file's creation instead.
    real_open = open

    def refuse(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode:
            raise PermissionError(13, "Permission denied")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(UsageError, match="cannot write the report: Permission denied"):
        write_atomically(str(tmp_path / "r.json"), "x")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("length", [242, 255])
def test_a_long_legal_name_is_written(tmp_path: Path, length: int, assert_ok: Callable[..., None]) -> None:
    name = "r" * (length - 5) + ".json"
    result = CliRunner().invoke(main, [*EVALUATE, "-o", str(tmp_path / name)])
    assert_ok(result)
    assert (tmp_path / name).read_text().startswith("{") and leftovers(tmp_path) == []


def test_replacing_a_report_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("old")
    path.chmod(0o640)
    write_atomically(str(path), "new")
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file away")
def test_replacing_a_report_keeps_its_owner_as_root(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("old")
    os.chown(path, 1234, 2345)
    write_atomically(str(path), "new")
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 2345)


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield "half a report"
        raise SystemExit(143)  # what kpi's SIGTERM handler raises (kpi_cli.entry)

    (tmp_path / "r.json").write_text("old")
    with pytest.raises(SystemExit):
        write_atomically(str(tmp_path / "r.json"), chunks())
    assert leftovers(tmp_path) == [] and (tmp_path / "r.json").read_text() == "old"


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    old = time.time() - STALE_AFTER - 5
    stale = tmp_path / f".kpi-{pid}-0123abcd.tmp"
    fresh = tmp_path / f".kpi-{pid}-89abcdef.tmp"
    alive = tmp_path / f".kpi-{os.getpid()}-01234567.tmp"
    other = tmp_path / ".kpi-notes.tmp"
    for path in (stale, fresh, alive, other):
        path.write_text("x")
    for path in (stale, alive, other):
        os.utime(path, (old, old))
    remove_stale(tmp_path)
    assert leftovers(tmp_path) == sorted(p.name for p in (fresh, alive, other))
