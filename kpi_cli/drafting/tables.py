"""Table rows (Word, a web page, a sheet, CSV) -> the scorecard's rows, each cell by the role its
column's header gives it. Pure."""

from __future__ import annotations

from .cells import BANDS, INDICATOR, Block, Cell, Entry, Item
from .headers import role_of
from .patterns import CELL_ID, is_title_line


def _is_header(roles: list[str | None]) -> bool:
    named = [role for role in roles if role is not None]
    return len(named) >= 2 and (INDICATOR in named or any(role in BANDS for role in named))


def table_items(blocks: list[Block]) -> list[Item]:
    """Text outside the tables as it is; each row under a header as an :class:`Entry`."""
    items: list[Item] = []
    columns: list[tuple[str | None, str]] | None = None  # (role, header as printed) per column
    for block in blocks:
        filled = [cell for cell in block.cells if cell.text.strip()]
        if not block.row or not filled:
            items.extend(Block((cell,)) for cell in filled)
            continue
        roles = [role_of(cell.text) for cell in block.cells]
        if _is_header(roles):
            columns = [(role, cell.text) for role, cell in zip(roles, block.cells, strict=True)]
            continue
        single = len(filled) == 1 and not CELL_ID.match(filled[0].text.strip())
        if columns is None or (single and is_title_line(filled[0].text)):
            items.extend(Block((cell,)) for cell in filled)
            continue
        items.append(_entry(block.cells, columns))
    return items


def _entry(cells: tuple[Cell, ...], columns: list[tuple[str | None, str]]) -> Entry:
    entry = Entry(cells[0].line)
    for index, cell in enumerate(cells):
        if not cell.text.strip():
            continue
        role, header = columns[index] if index < len(columns) else (None, "")
        if role is None or role in entry.cells:
            entry.others.append(Cell(cell.text, cell.line, cell.column, " ".join(header.split())))
        else:
            entry.cells[role] = cell
    return entry
