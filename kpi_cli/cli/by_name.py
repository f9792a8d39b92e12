"""The format of a report written with ``-o FILE``, taken from the file's name.

``-o rapport.xlsx`` writes the Excel report, ``-o rapport.html`` the HTML page: a report is
never written in the terminal's format under a name that promises another (an ``.xlsx`` of
text that Excel refuses). ``--format`` that disagrees with the name is a usage error, and so
is a name whose ending says no format when ``--format`` is not given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..errors import UsageError
from ..render import Kind, formats_for
from .output import STDOUT_NAMES, not_an_input

# The endings a report's name may have, and the format each names.
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".xml": "junit",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".pdf": "pdf",
    ".parquet": "parquet",
}
BINARY = ("xlsx", "docx", "pdf")  # formats that are files, never text for a terminal
DEFAULT = "table"


def chosen_format(given: str | None, output: str | None, kind: Kind, inputs: Sequence[str] = ()) -> str:
    """The format to write: ``--format`` (``given``), else the one ``output``'s name says, else
    the table; a UsageError when they disagree, or the name's ending says no format, and first
    when ``output`` is one of ``inputs`` (whatever its name, it is not to be written over)."""
    not_an_input(output, inputs)
    suffix = _suffix(output)
    named = SUFFIXES.get(suffix) if suffix else None
    if given is not None:
        if named is not None and named != given:
            raise UsageError(
                f"--format {given} does not write a {suffix} file: leave out --format, or {_name_for(given)}"
            )
        return given
    if named is None:
        if suffix:
            endings = ", ".join(SUFFIXES)
            raise UsageError(f"the name {output} says no format: name it {endings}, or give --format")
        return DEFAULT
    offered = (*formats_for(kind), *(["parquet"] if kind is Kind.EVALUATION else []))
    if named not in offered:
        endings = ", ".join(s for s, f in SUFFIXES.items() if f in offered)
        raise UsageError(f"kpi {kind_command(kind)} does not write {suffix} files; it writes {endings}")
    return named


def kind_command(kind: Kind) -> str:
    return {Kind.EVALUATION: "evaluate", Kind.HISTORY: "history", Kind.STATUS: "status"}[kind]


def check_binary(fmt: str, output: str | None) -> None:
    """A workbook, Word file or PDF goes to a file: a UsageError when it would go to a terminal."""
    if fmt in BINARY and (not output or output in STDOUT_NAMES) and stdout_is_terminal():
        raise UsageError(f"--format {fmt} writes a file, not text for the terminal: -o rapport.{fmt}")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _suffix(output: str | None) -> str:
    """The name's ending in lower case ('.xlsx'); '' for no file, stdout, a device or no ending."""
    if not output or output in STDOUT_NAMES or output.startswith("/dev/"):
        return ""
    return os.path.splitext(os.path.basename(output))[1].lower()


def _name_for(fmt: str) -> str:
    found = [suffix for suffix, named in SUFFIXES.items() if named == fmt]
    return f"name it {found[0]}" if found else "give it another name"
