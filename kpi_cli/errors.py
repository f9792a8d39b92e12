"""One exception family for everything a user can get wrong.

Every error carries the file, line and column it is about (when known) and a
message; the command line prints it as ``path:line:col: error: message``.
Several problems found in one pass travel together in :class:`KpiErrors`, so
a user sees all of them in one run, not only the first.
"""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to a misspelt ``word``, for a 'did you mean' hint; None if none is near."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def one_line(text: str) -> str:
    """Text with its line breaks (CR, LF and the Unicode ones) turned into spaces."""
    return " ".join(text.splitlines())


class KpiError(Exception):
    """A problem with a file or a value that the user can fix."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    @property
    def errors(self) -> list[KpiError]:
        """The single problems this error stands for."""
        return [self]

    def location(self) -> str:
        """``path:line:col`` with the parts that are known."""
        parts = [self.path or "kpi"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self, severity: str = "error") -> str:
        """``path:line:col: severity: message``, always one line: a line break that came
        from a file (a quoted cell, a YAML error's own text) is shown as a space."""
        return one_line(f"{self.location()}: {severity}: {self.message}")

    def __str__(self) -> str:
        return self.format()


class DefinitionError(KpiError):
    """The definitions file (indicators.yaml) is unreadable or invalid."""


class ResultsError(KpiError):
    """A results file or one of its rows is unreadable or invalid."""


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
        super().__init__(flat[0].message, path=flat[0].path, line=flat[0].line, column=flat[0].column)
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
