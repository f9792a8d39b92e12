"""One problem type, and one exception family for everything a user can get wrong.

A :class:`Problem` has a location (path, line, column when known), a severity,
a stable code from :mod:`kpi_cli.codes` and a message, and prints the same way
everywhere: ``path:line:col: severity: message [code]``. Errors travel as
:class:`KpiError`; several found in one pass travel together in
:class:`KpiErrors`, so a user sees all of them in one run, not only the first.
Warnings are plain Problems that the caller prints.
"""

from __future__ import annotations

from collections.abc import Iterable

from .codes import CODES, Severity
from .records import dataclass

# A problem's values for the catalogue's sentence (``Problem.key``): (name, text) pairs.
Said = tuple[tuple[str, str], ...]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to a misspelt ``word``, for a 'did you mean' hint; None if none is near."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def one_line(text: str) -> str:
    """Text with its line breaks (CR, LF and the Unicode ones) turned into spaces."""
    return " ".join(text.splitlines())


@dataclass(frozen=True)
class Problem:
    """Something to report about an input, where it is and how bad it is."""

    message: str
    code: str
    severity: Severity = Severity.ERROR
    path: str | None = None
    line: int | None = None
    column: int | None = None
    indicator: str = ""  # the indicator it is about, for ignore: on an indicator; "" when none
    # The message as the word catalogue says it in the output language: "problem.KEY" filled with
    # ``values`` (cli/messages.py); ``message`` is the English one, for the core and its tests. A value
    # named ``NAME_key`` is a part of the sentence, "problem.VALUE" filled the same way ("" for none).
    key: str = ""
    values: Said = ()

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not in kpi_cli.codes.CODES")

    def location(self) -> str:
        """``path:line:col`` with the parts that are known."""
        parts = [self.path or "kpi"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """``path:line:col: severity: message [code]``, always one line: a line break that came
        from a file (a quoted cell, a YAML error's own text) is shown as a space."""
        return one_line(f"{self.location()}: {self.severity.value}: {self.message} [{self.code}]")

    def __str__(self) -> str:
        return self.format()


class KpiError(Exception):
    """A problem with a file or a value that the user can fix: an error-severity Problem."""

    default_code = "usage"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str = "",
        values: Said = (),
    ) -> None:
        super().__init__(message)
        code = code or self.default_code
        self.problem = Problem(message, code, Severity.ERROR, path, line, column, key=key, values=values)

    @property
    def message(self) -> str:
        return self.problem.message

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def path(self) -> str | None:
        return self.problem.path

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def column(self) -> int | None:
        return self.problem.column

    @property
    def errors(self) -> list[KpiError]:
        """The single problems this error stands for."""
        return [self]

    def location(self) -> str:
        return self.problem.location()

    def format(self) -> str:
        return self.problem.format()

    def __str__(self) -> str:
        return self.format()


class DefinitionError(KpiError):
    """The definitions file (indicators.yaml) is unreadable or invalid."""

    default_code = "unreadable-file"


class ResultsError(KpiError):
    """A results file or one of its rows is unreadable or invalid."""

    default_code = "unreadable-file"


class UsageError(KpiError):
    """The command was asked for something that cannot be done."""


class KpiErrors(KpiError):
    """Several problems found in one pass."""

    def __init__(self, errors: Iterable[KpiError]) -> None:
        flat: list[KpiError] = []
        for error in errors:
            flat.extend(error.errors)
        if not flat:
            raise ValueError("KpiErrors needs at least one error")
        first = flat[0]
        super().__init__(first.message, code=first.code, path=first.path, line=first.line, column=first.column)
        self._errors = flat

    @property
    def errors(self) -> list[KpiError]:
        return list(self._errors)

    def __str__(self) -> str:
        return "\n".join(error.format() for error in self._errors)


class Collector:
    """Gathers problems during a pass and raises them together at the end."""

    def __init__(self) -> None:
        self.errors: list[KpiError] = []

    def add(self, error: KpiError) -> None:
        self.errors.extend(error.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise KpiErrors(self.errors)
