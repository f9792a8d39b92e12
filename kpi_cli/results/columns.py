"""A results file's header: which column holds which role (the indicator, year, value, org unit,
name, base, comment, actions, printed bands), the year columns of a wide table, and the year in a
file's name. Used by :mod:`kpi_cli.results.read` and by the DuckDB engine, which finds the same
columns the same way."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import ResultsError, UsageError
from ..inert import excerpt

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    # An id column wins over a name column beside it (Id;Indikator;...): the other is the name.
    "indicator": (
        "id",
        "indicator_id",
        "indikator_id",
        "indikator-id",
        "kpi",
        "nr",
        "indicator",
        "indikator",
        "måleindikatorer",  # the published table: the id starts the cell (``L.1.1.Opplevelse av ...``)
        "måleindikator",
        "maleindikatorer",
    ),
    "year": ("year", "år", "aar", "periode", "period"),
    "value": ("value", "verdi", "resultat", "result", "värde", "varde"),
    "org_unit": (
        "org_unit",
        "org unit",
        "org_enhet",
        "enhet",
        "tjenesteområde",
        "tjenesteomrade",
        "virksomhet",
        "område",
        "omrade",
        "tenesteområde",  # nynorsk
        "verksamhetsområde",  # Swedish
        "verksamhet",
    ),
    "name": ("navn", "name", "indikatornavn", "indicator name", "indicator_name", "namn"),
    "n": ("n", "antall svar", "respondenter", "grunnlag", "base"),
    "comment": ("kommentar", "comment", "merknad", "forklaring", "kommentarer", "comments"),
    "actions": ("tiltak", "actions", "åtgärder", "atgarder", "åtgärd", "action"),
    # The band columns of a published table (or of kpi's own CSV): compared with the definitions.
    "desired": ("ønsket resultat", "ønsket", "desired", "desired result"),
    "accepted": (
        "laveste aksepterte resultat",
        "laveste akseptert",
        "laveste aksepterte",
        "accepted",
        "lowest accepted",
    ),
    "not_approved": ("ikke godkjent resultat", "ikke godkjent", "not_approved", "not approved"),
}
REQUIRED = ("indicator",)
_WIDE_YEAR = re.compile(r"^(?:resultat|result|år|year)?\s*((?:19|20)\d{2})$")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def column_names(extra: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The header names of each role: ``extra``'s (``--column role=header``) first, then the built-in ones."""
    names = dict(COLUMN_NAMES)
    for role, header in extra.items():
        if role not in names:
            raise UsageError(f"--column {role}=...: the role must be one of {', '.join(COLUMN_NAMES)}")
        names[role] = (_normal(header), *names[role])
    return names


def _normal(header: str) -> str:
    return " ".join(unicodedata.normalize("NFC", header).replace("\ufeff", "").strip().strip('"').lower().split())


def file_year(path: str) -> int | None:
    """The year in a file's name (results/2014.csv, kostra-2016-export.csv), if any."""
    match = _FILE_YEAR.search(Path(path).stem)
    return int(match.group(1)) if match else None


def header_layout(
    cells: Iterable[str], path: str, line: int, names: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Which column of a header holds which role (names from ``column_names``), and the year
    columns of a wide table; a ResultsError at ``path:line`` when a required column is missing."""
    return _layout([_normal(cell) for cell in cells], path, line, names)


def _layout(
    header: list[str], path: str, line: int, names: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Which column holds which role, and the year columns of a wide table."""
    columns: dict[str, int] = {}
    for role, aliases in names.items():
        for alias in aliases:  # the first name found wins, so a --column mapping comes first
            if alias in header and role not in columns:
                columns[role] = header.index(alias)
    if "name" not in columns:  # a second indicator column beside the id's holds the names
        others = [i for i, name in enumerate(header) if name in names["indicator"] and i != columns.get("indicator")]
        if others:
            columns["name"] = others[0]
    wide_years: list[tuple[int, int]] = []
    if "value" not in columns:
        for index, name in enumerate(header):
            match = _WIDE_YEAR.match(name)
            if match and index != columns.get("year"):
                wide_years.append((index, int(match.group(1))))
    missing = [role for role in REQUIRED if role not in columns]
    if not wide_years and "value" not in columns:
        missing.append("value")
    if missing:
        accepted = "; ".join(f"{role}: {', '.join(names[role])}" for role in missing)
        found = ", ".join(excerpt(name, 40) for name in header[:12]) + (
            f" and {len(header) - 12} more" if len(header) > 12 else ""
        )
        raise ResultsError(
            f"missing column {' and '.join(missing)}: found {found}; accepted names are {accepted} "
            "(or one column per year, such as '2014' or 'Resultat 2014')",
            code="missing-column",
            path=path,
            line=line,
        )
    return columns, wide_years
