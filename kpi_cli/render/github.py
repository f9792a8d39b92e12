"""GitHub Actions workflow commands: an annotation per result that matters.

``::error`` for each result that fails the gate (the view's failing results,
which the exit code reads too), ``::warning`` for a
result below desired or missing that does not fail (lowest accepted, or not
approved under ``--fail-on never``), and for each indicator phased in without
bands; ``::notice`` for a result whose base is too small to rate. Each
points at the results file's line, else at the indicator in the definitions
file. Titles and messages are in the output language. The last line is a
plain summary, not a command.

Property values and messages are escaped as the runner expects, so text from
a file can neither end the command early nor start a new one.
"""

from __future__ import annotations

import os
import re

from ..model import RATED, Location, Status
from ..report import Result
from ..view import View
from . import Renderer, RenderOptions
from .labels import Labels

_SHEET = re.compile(r"^(?P<path>.*\.xls[xm])\[[^\]]*\]$", re.IGNORECASE)


def escape_data(text: str) -> str:
    """A message: ``%``, CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """``::name key=value,...::message``, properties that are None left out."""
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + shown if shown else ''}::{escape_data(message)}"


def annotation_path(path: str) -> str:
    """A path as the annotation wants it: the workbook of a sheet, relative to the
    working directory (the checkout) when it lies inside it, with forward slashes."""
    match = _SHEET.match(path)
    if match:
        path = match.group("path")
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            relative = path
        if not relative.startswith(".."):
            path = relative
    return path.replace(os.sep, "/")


def _where(result: Result) -> Location | None:
    if result.row is not None and result.row.location is not None:
        return result.row.location
    return result.indicator.location


def _location_properties(where: Location | None) -> dict[str, str | int | None]:
    if where is None:
        return {}
    return {"file": annotation_path(where.path), "line": where.line}


def message(result: Result, say: Labels, remark: str | None = None) -> str:
    """'L.1.1 ikke godkjent (3,8) – Opplevelse av ...; krav: Ønsket 4,5 - 6 · ...'."""
    indicator = result.indicator
    who = indicator.id + (f" ({result.org_unit})" if result.org_unit else "")
    value = f" ({say.value(result)})" if result.value is not None or result.absence else ""
    text = f"{who} {say('short.' + result.status.value)}{value} – {indicator.name}"
    if result.note is not None:
        text += f" ({say.note(result.note)})"
    bands = [f"{say('col.' + s.value)} {band.text}" for s in RATED if (band := indicator.band(s))]
    if bands:
        text += f"; {say('bands')}: " + " · ".join(bands)
    if remark:  # an unrevised figure, the results file's comment, owner and actions
        text += f" – {remark}"
    return text


def _title(result: Result, say: Labels) -> str:
    """'L.1.1 (Oppvekst) ikke godkjent': the annotation's title, in the output language."""
    unit = f" ({result.org_unit})" if result.org_unit else ""
    return f"{result.indicator.id}{unit} {say.short(result.status)}"


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    report = view.report
    lines: list[str] = []
    for entry in view.entries:
        result = entry.result
        if entry.failing:
            kind = "error"
        elif result.status in (Status.NOT_APPROVED, Status.ACCEPTED, Status.MISSING):
            kind = "warning"  # below desired, or no result, but not failing under --fail-on
        elif result.status is Status.INSUFFICIENT_BASE:
            kind = "notice"  # shown, not rated
        else:
            continue
        lines.append(
            command(
                kind,
                message(result, say, say.remark_in_full(entry.comment, entry.revised, entry.owner, entry.actions)),
                **_location_properties(_where(result)),
                title=_title(result, say),
            )
        )
    for finding in report.findings:  # at their own line: the indicator's, or a results file's (bands-differ)
        where = Location(finding.path, finding.line) if finding.path else None
        lines.append(command("warning", finding.message, **_location_properties(where), title=finding.indicator))
    summary = say.summary(report.year, view.total.counts)
    lines.append(f"kpi {summary} ({len(view.failing)} {say('failing')})")
    return "\n".join(lines) + "\n"


RENDERER = Renderer(evaluation=evaluation)
