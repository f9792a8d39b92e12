"""How `kpi` ends when interrupted, terminated or out of memory (issue 16): 130, 143 and 2,
never click's "Aborted!" with exit 1, never a traceback, never a temporary file left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED_INDICATORS

from kpi_cli import cli, entry
from kpi_cli.cli.output import write_atomically


def wait_for_handlers(pid: int) -> None:
    """Until the process catches SIGTERM (Linux: the SigCgt mask in /proc), i.e. kpi's handlers are in."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/status").read_text()
        caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
        if caught >> (signal.SIGTERM - 1) & 1:
            return
        time.sleep(0.02)
    pytest.fail("kpi never installed its signal handlers")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_kpi_with_its_code(tmp_path: Path, signum: int, code: int) -> None:
    fifo = tmp_path / "2014.csv"
    os.mkfifo(fifo)  # nobody writes: kpi waits in open() until the signal comes
    process = subprocess.Popen(
        [sys.executable, "-m", "kpi_cli", "evaluate", str(fifo), "--indicators", str(SEED_INDICATORS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_handlers(process.pid)
    time.sleep(0.2)  # then to block on the FIFO
    process.send_signal(signum)
    out, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    assert "Aborted" not in err and "Traceback" not in err and out == ""


@pytest.fixture
def handlers() -> Iterator[None]:
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    entry.install_signal_handlers()
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path, handlers: None) -> None:
    target = tmp_path / "report.html"
    target.write_text("the old report")

    def chunks() -> Iterator[str]:
        yield "<html>half"
        os.kill(os.getpid(), signal.SIGTERM)
        yield "never written"

    with pytest.raises(SystemExit) as ended:
        write_atomically(str(target), chunks())
    assert ended.value.code == 143
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert target.read_text() == "the old report"


def test_out_of_memory_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def exhausted(**kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(cli, "main", exhausted)  # run() imports the group when it runs
    monkeypatch.setattr(entry, "install_signal_handlers", lambda: None)
    with pytest.raises(SystemExit) as ended:
        entry.run()
    assert ended.value.code == 2
    assert capsys.readouterr().err == (
        "kpi: error: out of memory: the input is larger than this machine can evaluate [out-of-memory]\n"
    )


def test_out_of_memory_under_a_limit_is_a_clean_error(tmp_path: Path) -> None:
    # A real MemoryError: the process may hold 1 GiB of address space, and a command added
    # for the test asks for 2 GiB.
    script = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
        "import kpi_cli.entry as e; import kpi_cli.cli as c; "
        "c.main.add_command(__import__('click').command('hog')(lambda: bytearray(1 << 31)), 'hog'); "
        "e.run()"
    )
    done = subprocess.run([sys.executable, "-c", script, "hog"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "kpi: error: out of memory: the input is larger than this machine can evaluate [out-of-memory]\n"
    )
