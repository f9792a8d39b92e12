"""Text whose table cells run together (copied from a PDF, a web page or Word) -> the scorecard's rows.

``L.1. Kultur ... L.1.1.Opplevelse av ... fornyelse. 4,5 - 6 4 - 4,4 0 - 3,9 4,51``: the header
lines above the rows give the columns (:mod:`.headers`); the ids split the rows into goals and
indicators; from the end of each indicator's text, the cells are the bands and results the
columns ask for, each read whole by the notation's forms. Where the cells cannot be told apart
for certain (a cell missing, a name that ends in a number, a unit the forms do not know) the row
is read as far as it is certain and the rest is left to finish by hand.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

from ..bands.notation import WORDINGS, BandSyntaxError, parse_band_text
from ..model import Interval
from ..results.values import read_value
from .cells import BANDS, GOAL, INDICATOR, NOTE, TARGET, Block, Cell, Entry, Item, Unplaced, result_year
from .headers import roles_in
from .patterns import PHASE_IN, POSTPONED, PROSE_BANDS, TEXT_ID, is_title_line

DEFAULT_COLUMNS = (GOAL, INDICATOR, *BANDS)
MAX_ROW_CHARS = 2_000  # an indicator's printed row: its name and cells; beyond, no row is read (each place is tried)
MAX_NAME_CHARS = 300
_MAX_HEADER_LINES = 6


def _words(*meanings: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for m in meanings for w in WORDINGS[m])


_NUM = r"[-\u2212\u2013]?\d+(?:[.,]\d+)?"
_UNIT = (
    r"(?:\s*(?:%\s*-?\s*poeng|prosentpoeng|prosent|%|\u2030|poeng|pst\.?|mill\.?\s*kr\.?|mrd\.?\s*kr\.?|kr\.?"
    r"|dager|døgn|timer|uker|måneder|år|stk\.?)(?![\w%]))?"
)
_DASH = r"\s*[-\u2013\u2014\u2212]\s*"
_PRE = rf"(?:>=|<=|=>|=<|[<>\u2264\u2265\u2039\u203a]|(?:{_words('at least', 'above', 'below', 'at most')})\s)"
_POST = _words("or more", "or less", "or better", "or worse")
_ATOM = re.compile(rf"(?:{_PRE}\s*)?{_NUM}{_UNIT}(?:{_DASH}{_NUM}{_UNIT})?(?:\s+(?:{_POST}))?", re.IGNORECASE)
_MARKER = re.compile(rf"{PHASE_IN.pattern}|{POSTPONED.pattern}", re.IGNORECASE)
_BARE = re.compile(rf"{_NUM}")
_ID_AT_START = re.compile(rf"\s*{TEXT_ID.pattern}(?=[.\s]|$)")


def text_items(blocks: Sequence[Block]) -> list[Item]:
    """The lines as text, but each table (its header lines and rows) as :class:`Entry` rows."""
    lines = [(block.cells[0].text, block.cells[0].line) for block in blocks]
    items: list[Item] = []
    index = 0
    while index < len(lines):
        if not _ID_AT_START.match(lines[index][0]):
            items.append(Block((Cell(*lines[index]),)))
            index += 1
            continue
        columns, header_problem = _header(items)
        end = _body_end(lines, index)
        entries = _rows(lines[index:end], columns)
        if header_problem:
            entries[0].unplaced.append(header_problem)
        items.extend(entries)
        index = end
    return items


def _header(items: list[Item]) -> tuple[tuple[str, ...], Unplaced | None]:
    """The columns named by the lines just above the first row (taken off ``items``)."""
    taken: list[Cell] = []
    for item in reversed(items[-_MAX_HEADER_LINES:]):
        if not isinstance(item, Block) or not item.cells[0].text.strip() or is_title_line(item.cells[0].text):
            break
        taken.insert(0, item.cells[0])
    while taken:
        roles, rest = roles_in(" ".join(cell.text for cell in taken))
        if INDICATOR in roles and len(roles) >= 2:
            del items[len(items) - len(taken) :]
            problem = (
                Unplaced(rest, taken[0].line, "header words kpi does not know: columns may be misread")
                if rest
                else None
            )
            return tuple(roles), problem
        taken.pop(0)
    line = items[-1].cells[0].line if items and isinstance(items[-1], Block) else 1
    return DEFAULT_COLUMNS, Unplaced(
        "",
        line,
        "no header (Måleindikatorer, Ønsket resultat ...) above the rows: columns taken as goal, "
        "indicator, desired, accepted, not approved",
    )


def _body_end(lines: Sequence[tuple[str, int]], start: int) -> int:
    """The end of the rows: a blank line that the next row does not follow."""
    index = start
    while index < len(lines):
        if not lines[index][0].strip():
            following = next((i for i in range(index, len(lines)) if lines[i][0].strip()), len(lines))
            if following == len(lines) or not _ID_AT_START.match(lines[following][0]):
                return index
        index += 1
    return index


def _rows(lines: Sequence[tuple[str, int]], columns: tuple[str, ...]) -> list[Entry]:
    text = "\n".join(line for line, _ in lines)
    starts = [0]
    for line, _ in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def line_at(offset: int) -> int:
        return lines[bisect.bisect_right(starts, offset) - 1][1]

    found = [m for m in TEXT_ID.finditer(text) if re.match(r"[.\s]|$", text[m.end() : m.end() + 1])]
    after = columns[columns.index(INDICATOR) + 1 :] if INDICATOR in columns else columns
    entries = []
    for number, match in enumerate(found):
        end = found[number + 1].start() if number + 1 < len(found) else len(text)
        ident = match.group("id")
        cell_text = text[match.start() : end].strip()
        if number + 1 < len(found) and _is_goal(ident, text[match.end() : end], found[number + 1].group("id")):
            entries.append(Entry(line_at(match.start()), {GOAL: Cell(cell_text, line_at(match.start()))}))
        else:
            entries.append(_indicator(ident, text, match.end(), end, after, line_at))
    return entries


def _is_goal(ident: str, tail: str, next_id: str) -> bool:
    """A goal's id: the next id is one of its indicators' (``L.1`` before ``L.1.1``), or it holds no
    cells and the next id follows on its line (``MA.1. Helsefremmende arbeidsplass MA.SYK ...``)."""
    if next_id.startswith(ident + "."):
        return True
    return "\n" not in tail and len(tail) <= MAX_ROW_CHARS and _split(tail) is None


def _indicator(
    ident: str, text: str, start: int, end: int, columns: tuple[str, ...], line_at: Callable[[int], int]
) -> Entry:
    tail = text[start:end]
    entry = Entry(line_at(start))
    if len(tail) > MAX_ROW_CHARS:
        name = " ".join(tail[:MAX_NAME_CHARS].split())
        entry.cells[INDICATOR] = Cell(f"{ident} {name.lstrip('.')}", line_at(start))
        entry.unplaced.append(Unplaced("", line_at(start), f"longer than any printed row ({len(tail)} characters)"))
        return entry
    split = _split(tail)
    if split is None:
        entry.cells[INDICATOR] = Cell(f"{ident} {tail.lstrip('.')}", line_at(start))
        if any(char.isdigit() for char in tail):
            doubt = "no cells read, but the name holds numbers: are cells run into it?"
            entry.unplaced.append(Unplaced("", line_at(start), doubt))
        elif worded := PROSE_BANDS.search(" " + " ".join(tail.split())):
            doubt = "no cells read, but the name ends in words that read like result requirements: cells run into it?"
            entry.unplaced.append(Unplaced(worded.group().strip(), line_at(start), doubt))
        return entry
    name_end, atoms, markers = split
    values = [(" ".join(m.group().split()), line_at(start + m.start())) for m in atoms]
    notes = [(" ".join(m.group().split()), line_at(start + m.start())) for m in markers]
    assigned, why = _assign(values, notes, columns)
    if why is None:
        why = _name_end_unsure(tail[:name_end], values)
    if why is None:
        why = _misplaced(assigned) or _two_interval_cell(tail, atoms)
    if why is not None:  # where the name ends, or which cell is which, is not certain
        entry.unplaced.append(Unplaced(" ".join(tail[name_end:].split()), line_at(start + name_end), why))
        assigned = {}
    entry.cells[INDICATOR] = Cell(f"{ident} {tail[:name_end].lstrip('.')}", line_at(start))
    for role, (value, line) in assigned.items():
        entry.cells[role] = Cell(value, line)
    unused = [(note, line) for note, line in notes if (note, line) not in assigned.values()]
    if unused:
        entry.cells[NOTE] = Cell(" ".join(note for note, _ in unused), unused[0][1])
    return entry


def _split(tail: str) -> tuple[int, list[re.Match[str]], list[re.Match[str]]] | None:
    """Where the name ends and the cells begin: the first place from which the rest of the text
    reads whole as cells (bands, values, phase-in markers); None when no place does."""
    places = [0] + [
        i for i in range(1, len(tail)) if not tail[i].isspace() and (tail[i - 1].isspace() or tail[i - 1] in ".)")
    ]
    for place in places:
        cells = _cells(tail, place)
        if cells is not None and cells[0]:
            return place, cells[0], cells[1]
        if cells is not None and cells[1]:
            return place, [], cells[1]
    return None


def _cells(tail: str, place: int) -> tuple[list[re.Match[str]], list[re.Match[str]]] | None:
    atoms: list[re.Match[str]] = []
    markers: list[re.Match[str]] = []
    position = place
    while True:
        while position < len(tail) and tail[position].isspace():
            position += 1
        if position == len(tail):
            return (atoms, markers) if atoms or markers else None
        match = _MARKER.match(tail, position) or _ATOM.match(tail, position)
        if match is None or (match.end() < len(tail) and not tail[match.end()].isspace()):
            return None
        (atoms if match.re is _ATOM else markers).append(match)
        position = match.end()


def _assign(
    values: list[tuple[str, int]], notes: list[tuple[str, int]], columns: tuple[str, ...]
) -> tuple[dict[str, tuple[str, int]], str | None]:
    """The cells by column, or why they cannot be told apart."""
    bands = [role for role in columns if role in BANDS or role == TARGET]
    results = [role for role in columns if result_year(role) is not None]
    phase = [note for note in notes if PHASE_IN.fullmatch(note[0]) and _no_result(note[0])]
    as_result = {results[0]: phase[-1]} if phase and len(results) == 1 else {}
    if len(values) > len(columns):
        return {}, (
            f"{_values(values)} where the header has {len(columns)} columns: the name may end in a number "
            "or a cell hold two intervals"
        )
    if len(values) == len(columns):
        return dict(zip(columns, values, strict=True)), None
    if not values:
        return as_result, None
    if len(values) == len(bands) and as_result and [c for c in columns if c not in results] == bands:
        return {**dict(zip(bands, values, strict=True)), **as_result}, None  # Ny indikator fra 2015 as the result
    if len(values) == len(bands) and _BARE.fullmatch(values[-1][0]):
        return {}, f"'{values[-1][0]}' may be the result, not a band: a cell is missing"
    return {}, f"{_values(values)} for {len(columns)} columns: which cell is empty cannot be told"


def _name_end_unsure(name: str, values: list[tuple[str, int]]) -> str | None:
    """Why the name may hold a cell, or the first cell belong to the name: a name that does not end
    the sentence (``.``) and holds a number, or is followed by one (``Andel 5-7 4 - 4,4 ...``)."""
    if name.rstrip().endswith("."):
        return None
    if any(char.isdigit() for char in name):
        return "the name holds numbers and ends without a full stop: are cells run into it?"
    if values and (values[0][0][:1].isdigit() or values[0][0][:1] in "-\u2212\u2013"):
        return f"the name ends without a full stop: '{values[0][0]}' may end it, and a cell be empty"
    return None


def _misplaced(assigned: dict[str, tuple[str, int]]) -> str | None:
    """Why a cell is not what its column holds (a band in the results column), or None."""
    for role, (text, _) in assigned.items():
        if result_year(role) is not None:
            try:
                read_value(text)
            except ValueError:
                return f"'{text}' is no result, yet the columns put it under {role.replace(':', ' ')}"
        else:
            try:
                parse_band_text(text)
            except BandSyntaxError:
                return f"'{text}' is no band, yet the columns put it under {role}"
    return None


def _two_interval_cell(tail: str, atoms: list[re.Match[str]]) -> str | None:
    """Why two values on two lines may be one cell (``250 - 299↵400 - 449`` around ``300 - 399``:
    then another cell is empty, and the columns cannot be told), or None."""
    pieces = [_interval(match.group()) for match in atoms]
    for index, (first, second) in enumerate(itertools.pairwise(pieces)):
        if first is None or second is None or "\n" not in tail[atoms[index].end() : atoms[index + 1].start()]:
            continue
        low, high = sorted((first, second), key=lambda piece: (piece.low is not None, piece.low or 0))
        if low.high is None or high.low is None or low.high > high.low:
            continue
        bounded = [p for p in pieces if p is not None and p not in (low, high)]
        if any(p.low is not None and p.high is not None and low.high <= p.low and p.high <= high.low for p in bounded):
            texts = " and ".join(f"'{m.group()}'" for m in atoms[index : index + 2])
            return f"{' '.join(texts.split())} on two lines may be one cell around another: check the columns"
    return None


def _interval(text: str) -> Interval | None:
    try:
        pieces = parse_band_text(text)
    except BandSyntaxError:
        return None
    return pieces[0] if len(pieces) == 1 and isinstance(pieces[0], Interval) else None


def _no_result(text: str) -> bool:
    """Whether a results file may hold ``text`` as no result (``Ny indikator fra 2015``, not ``Innfases 2017``)."""
    try:
        return read_value(text) == (None, None)
    except ValueError:
        return False


def _values(values: list[tuple[str, int]]) -> str:
    return f"{len(values)} value{'' if len(values) == 1 else 's'}"
