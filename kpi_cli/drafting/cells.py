"""What the readers give and the roles a cell takes: text with its place in the input. Pure."""

from __future__ import annotations

from dataclasses import field

from ..records import dataclass

GOAL = "goal"
INDICATOR = "indicator"
BANDS = ("desired", "accepted", "not_approved")
TARGET = "target"
UNIT = "unit"
NOTE = "note"  # a phase-in marker (Ny indikator fra 2015) that stands in no column of its own
OTHER = "other"  # a column whose header kpi does not know: its cells are listed, not read


def result_role(year: int) -> str:
    return f"result:{year}"


def result_year(role: str) -> int | None:
    return int(role.split(":", 1)[1]) if role.startswith("result:") else None


@dataclass(frozen=True)
class Cell:
    """Text as printed, and where: the line (text, HTML, CSV), row (sheet) or paragraph or
    table row counted from the top (Word); the column when the input has columns."""

    text: str
    line: int
    column: int | None = None
    header: str = ""  # the column's header as printed, for a message about it


@dataclass(frozen=True)
class Block:
    """One line of text outside a table (one cell), or one table row."""

    cells: tuple[Cell, ...]
    row: bool = False


@dataclass(frozen=True)
class Unplaced:
    """Text that could not be placed for certain, and why."""

    text: str
    line: int
    why: str


@dataclass
class Entry:
    """One row of the scorecard table: its cells by role, and what in it could not be placed."""

    line: int
    cells: dict[str, Cell] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    others: list[Cell] = field(default_factory=list)


Item = Block | Entry  # a line of text outside the table, or a row of it
