"""Output formats: a registry naming one renderer module per format and the views it renders.

A renderer module defines ``RENDERER``, a :class:`Renderer` holding a function per
view it renders. Modules are imported only when their format is asked for, so
``--format json`` never pays for importing rich.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..limits import MAX_TABLE_WIDTH
from ..records import dataclass

if TYPE_CHECKING:
    from ..view import StatusView, View

Output = (
    str | bytes | Iterator[str]
)  # the text, a file's bytes (xlsx, docx, pdf), or chunks of text too large for one string


class Kind(str, enum.Enum):
    """What a command shows: the views a format may render."""

    EVALUATION = "evaluation"
    HISTORY = "history"
    STATUS = "status"


@dataclass(frozen=True)
class RenderOptions:
    """How to present a view; what to show is the view's."""

    lang: str = "nb"
    color: bool = False
    width: int = 100
    pretty: bool = True  # JSON indented for a person; compact (and streamed) for files and pipes
    to_file: bool = False  # written with -o: a CSV for Norwegian Excel then starts with a BOM
    delimiter: str | None = None  # CSV output: None for the language's own (nb: ';', en: ',')
    by_org_unit: bool = False  # a matrix: indicators down, org units across
    emoji: bool = False  # markdown: a coloured emoji GitHub renders before each status symbol
    reference_doc: str | None = None  # docx: the municipality's Word template (styles, header, footer, logo)

    def __post_init__(self) -> None:
        # A layout is tried at the width given, and the time it takes grows with it (COLUMNS=100000
        # took minutes): no table is laid out wider than MAX_TABLE_WIDTH.
        object.__setattr__(self, "width", min(self.width, MAX_TABLE_WIDTH))


@dataclass(frozen=True)
class Renderer:
    """A format's functions, one per view it renders; None for a view it does not."""

    evaluation: Callable[[View, RenderOptions], Output] | None = None
    history: Callable[[View, RenderOptions], Output] | None = None
    status: Callable[[StatusView, RenderOptions], Output] | None = None


@dataclass(frozen=True)
class Format:
    """Where a format's renderer lives, and the views it renders."""

    module: str
    kinds: frozenset[Kind]
    attribute: str = "RENDERER"

    def load(self) -> Renderer:
        found = getattr(importlib.import_module(self.module), self.attribute)
        if not isinstance(found, Renderer):  # pragma: no cover - a programming error
            raise TypeError(f"{self.module}.{self.attribute} is not a Renderer")
        return found


_ALL = frozenset(Kind)
_REPORTS = frozenset({Kind.EVALUATION, Kind.HISTORY})
FORMATS: dict[str, Format] = {
    "table": Format("kpi_cli.render.table", _ALL),
    "json": Format("kpi_cli.render.json_output", _ALL),
    "jsonl": Format("kpi_cli.render.json_output", _REPORTS, "JSONL"),
    "markdown": Format("kpi_cli.render.markdown", _ALL),
    "csv": Format("kpi_cli.render.csv_output", _ALL),
    "html": Format("kpi_cli.render.html", _REPORTS),
    "github": Format("kpi_cli.render.github", frozenset({Kind.EVALUATION})),
    "junit": Format("kpi_cli.render.junit", frozenset({Kind.EVALUATION})),
    "xlsx": Format("kpi_cli.render.xlsx", frozenset({Kind.EVALUATION})),
    "docx": Format("kpi_cli.render.docx", frozenset({Kind.EVALUATION})),
    "pdf": Format("kpi_cli.render.pdf", frozenset({Kind.EVALUATION})),
}


def formats_for(kind: Kind) -> list[str]:
    """The names of the formats that render ``kind``, sorted: what ``--format`` offers."""
    return sorted(name for name, found in FORMATS.items() if kind in found.kinds)


def renderer(name: str) -> Renderer:
    """Format ``name``'s renderer; KeyError for an unknown one."""
    return FORMATS[name].load()


def render_report(name: str, kind: Kind, view: View, options: RenderOptions) -> Output:
    """``view`` (an evaluation or a history) in format ``name``."""
    found = renderer(name)
    render = found.evaluation if kind is Kind.EVALUATION else found.history
    if render is None:  # pragma: no cover - FORMATS and the module disagree
        raise KeyError(f"{name} does not render {kind.value}")
    return render(view, options)


def render_status(name: str, view: StatusView, options: RenderOptions) -> Output:
    render = renderer(name).status
    if render is None:  # pragma: no cover - FORMATS and the module disagree
        raise KeyError(f"{name} does not render status")
    return render(view, options)
