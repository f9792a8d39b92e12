"""What a definitions file says about its Kolada source (Swedish municipalities' key figures):
the municipality's Kolada id and, per indicator, the key figure and the gender it takes.

.. code-block:: yaml

    municipality: {kolada: "0180", name: Stockholm}   # beside or instead of code: (SSB's number)
    benchmarks: [EKG13, {kolada: "0184"}, {code: EAK, kolada: "0000"}]   # SSB's code, Kolada's id or both
    ...
        - id: X.1
          kolada: {kpi: N00945, gender: T}            # gender T (all, the default), K (women) or M (men)

Read by :mod:`.ssb_fields` in the same walk as the ``ssb:`` keys (docs/how-to/fetch-from-kolada.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

import yaml

from ..model import Location
from ..records import dataclass

GENDERS = ("T", "K", "M")  # Kolada's: totalt, kvinnor, män
_KEYS = ("kpi", "gender")
_BENCHMARK_KEYS = ("code", "kolada")
_KPI = re.compile(r"^[A-Z]\d{5}$")  # N00945, U07414
_MUNICIPALITY = re.compile(r"^\d{4}$|^G\d+$")  # a municipality (0180) or a Kolada group (G124)


class _Reader(Protocol):
    """What :mod:`.ssb_fields`' reader offers: located errors, a mapping's pairs, checked texts."""

    path: str

    def error(self, node: yaml.Node, message: str, code: str = "wrong-type") -> None: ...
    def pairs(self, node: yaml.MappingNode) -> Iterator[tuple[str, yaml.Node]]: ...
    def scalar(self, node: yaml.Node, what: str) -> str: ...
    def codes(self, node: yaml.Node, what: str) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class KoladaSource:
    """One indicator's key figure in Kolada and the gender it takes."""

    indicator: str
    kpi: str
    gender: str = "T"
    location: Location | None = None


def read_source(reader: _Reader, node: yaml.Node, indicator: str) -> KoladaSource:
    """An indicator's ``kolada:`` mapping; every wrong form an error at its place."""
    label = f"indicator {indicator}: kolada"
    where = Location(reader.path, node.start_mark.line + 1, node.start_mark.column + 1)
    if not isinstance(node, yaml.MappingNode):
        reader.error(node, f"{label} must be a mapping: {{kpi: N00945, gender: T}}")
        return KoladaSource(indicator, "", "T", where)
    fields = dict(reader.pairs(node))
    for key in fields:
        if key not in _KEYS:
            reader.error(node, f"{label}: unknown key {key!r}; allowed: kpi, gender", "unknown-key")
    kpi = ""
    if "kpi" not in fields:
        reader.error(node, f"{label}: missing required key 'kpi' (the key figure's id, such as N00945)", "missing-key")
    else:
        kpi = reader.scalar(fields["kpi"], f"{label}: kpi")
        if kpi and not _KPI.match(kpi):
            message = f"{label}: kpi {kpi!r} is not a Kolada key figure id such as N00945"
            reader.error(fields["kpi"], message, "kolada-id")
            kpi = ""
    gender = "T"
    if "gender" in fields:
        gender = reader.scalar(fields["gender"], f"{label}: gender")
        if gender and gender not in GENDERS:
            message = f"{label}: gender must be T (all), K (women) or M (men), not {gender!r}"
            reader.error(fields["gender"], message, "invalid-choice")
            gender = "T"
    return KoladaSource(indicator, kpi, gender or "T", where)


def read_municipality(reader: _Reader, node: yaml.Node) -> tuple[str, ...]:
    """``municipality: {kolada: ...}``: one Kolada id or a list of them."""
    return _ids(reader, node, "municipality: kolada")


def read_benchmarks(reader: _Reader, node: yaml.Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``benchmarks:``: each item SSB's region code (``EKG13``) or a mapping ``{code: EKG13, kolada:
    "0184"}`` with either key or both; (SSB's codes, Kolada's ids), each in the definitions' order."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    codes: list[str] = []
    ids: list[str] = []
    for item in items:
        if not isinstance(item, yaml.MappingNode):
            codes.extend(reader.codes(item, "benchmarks"))
            continue
        fields = dict(reader.pairs(item))
        for key in fields:
            if key not in _BENCHMARK_KEYS:
                reader.error(item, f"benchmarks: unknown key {key!r}; allowed: code, kolada", "unknown-key")
        if not any(key in fields for key in _BENCHMARK_KEYS):
            message = "benchmarks: a mapping must name SSB's code or Kolada's id: {code: EKG13, kolada: \"0184\"}"
            reader.error(item, message, "missing-key")
        if "code" in fields:
            codes.extend(reader.codes(fields["code"], "benchmarks: code"))
        if "kolada" in fields:
            ids.extend(_ids(reader, fields["kolada"], "benchmarks: kolada"))
    if not items:
        reader.error(node, "benchmarks must name at least one region", "empty-value")
    return tuple(codes), tuple(dict.fromkeys(ids))


def _ids(reader: _Reader, node: yaml.Node, what: str) -> tuple[str, ...]:
    """One Kolada id or a list of them, each of Kolada's form ("0180", G124)."""
    codes = reader.codes(node, what)
    for code in codes:
        if not _MUNICIPALITY.match(code):
            message = f'{what} {code!r} is not a Kolada municipality id such as "0180" (four digits, quoted)'
            reader.error(node, message, "kolada-id")
    return tuple(code for code in codes if _MUNICIPALITY.match(code))
