"""The scorecard's rows and the text around them -> the draft: focus areas, goals, indicators with
their bands and phase-in, the results printed, and what is left to finish by hand. Pure."""

from __future__ import annotations

import re
from dataclasses import field

from ..bands.notation import BandSyntaxError, band_lines, parse_band_text
from ..codes import Severity
from ..errors import KpiError, Problem
from ..inert import excerpt
from ..records import dataclass
from ..results.values import read_value
from .cells import BANDS, GOAL, INDICATOR, TARGET, UNIT, Block, Cell, Entry, Item, Unplaced, result_year
from .patterns import CELL_ID, PHASE_IN, POSTPONED, TEXT_ID, area_name, clean_name, focus_goal

_UNIT_AT_END = re.compile(r"\d\s*(?P<unit>[^\d\s<>=;()\[\]\-\u2013][^\d<>=;()\[\]]*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")  # not the dots of L.2.2 or iht.


@dataclass
class DraftIndicator:
    id: str
    name: str
    line: int
    unit: str | None = None
    bands: dict[str, str] = field(default_factory=dict)
    target: str | None = None
    phase_in: int | None = None
    postponed: str | None = None  # where the input says so
    to_finish: list[str] = field(default_factory=list)


@dataclass
class DraftGoal:
    id: str
    name: str | None
    line: int
    indicators: list[DraftIndicator] = field(default_factory=list)


@dataclass
class DraftArea:
    id: str
    name: str | None
    focus_goal: str | None
    goals: list[DraftGoal] = field(default_factory=list)


@dataclass
class Draft:
    source: str
    areas: list[DraftArea] = field(default_factory=list)
    results: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # year -> (id, value as printed)
    problems: list[Problem] = field(default_factory=list)
    to_finish: list[str] = field(default_factory=list)  # not about one indicator

    def indicators(self) -> list[DraftIndicator]:
        return [i for area in self.areas for goal in area.goals for i in goal.indicators]


class _Builder:
    def __init__(self, source: str) -> None:
        self.draft = Draft(source)
        self.area_name: tuple[str, bool] | None = None
        self.focus_goal: str | None = None
        self.goal: DraftGoal | None = None
        self.goal_cell: Cell | None = None
        self.prose: list[Cell] = []

    def leave(self, indicator: DraftIndicator | None, text: str, line: int, why: str, comment: bool = True) -> None:
        """Say what could not be placed, at its place, and leave it in the draft as a comment
        (``comment=False``: the draft writes its own, where it belongs)."""
        quoted = f": {excerpt(text)}" if text else ""
        subject = f"{indicator.id}: " if indicator else ""
        self.draft.problems.append(
            Problem(f"{subject}{why}{quoted}", "draft-unplaced", Severity.WARNING, self.draft.source, line)
        )
        if comment:
            text = f"TO FINISH ({self.draft.source}:{line}): {why}{quoted}"
            (indicator.to_finish if indicator else self.draft.to_finish).append(text)

    def line_of_text(self, cell: Cell) -> None:
        named = area_name(cell.text)
        if named and (self.area_name is None or named[1] or not self.area_name[1]):
            self.area_name = named
        self.focus_goal = focus_goal(cell.text) or self.focus_goal
        self.prose.append(cell)

    def entry(self, entry: Entry) -> None:
        if GOAL in entry.cells and entry.cells[GOAL].text != (self.goal_cell.text if self.goal_cell else None):
            self.goal_cell = entry.cells[GOAL]
            self.goal = None
        cell = entry.cells.get(INDICATOR)
        if cell is None:
            for unplaced in entry.unplaced:
                self.leave(None, unplaced.text, unplaced.line, unplaced.why)
            if GOAL not in entry.cells:
                text = " | ".join(c.text for c in [*entry.cells.values(), *entry.others])
                self.leave(None, text, entry.line, "a row with no indicator")
            return
        match = CELL_ID.match(cell.text.strip())
        if match is None:
            text = " | ".join(c.text for c in [cell, *entry.cells.values(), *entry.others] if c is not cell)
            self.leave(None, f"{cell.text} | {text}", cell.line, "no id at the start of the indicator's cell")
            return
        name = POSTPONED.sub("", PHASE_IN.sub("", cell.text.strip()[match.end() :]))
        indicator = DraftIndicator(match.group("id"), clean_name(name), cell.line)
        self._place(indicator)
        for unplaced in entry.unplaced:
            self.leave(indicator, unplaced.text, unplaced.line, unplaced.why)
        self._cells(indicator, entry)

    def _place(self, indicator: DraftIndicator) -> None:
        goal_id = indicator.id.rsplit(".", 1)[0]
        if self.goal is None:
            goal_cell = self.goal_cell
            match = CELL_ID.match(goal_cell.text.strip()) if goal_cell else None
            if goal_cell is not None and match is not None:
                goal_name = clean_name(goal_cell.text.strip()[match.end() :])
                self.goal = DraftGoal(match.group("id"), goal_name, goal_cell.line)
            else:
                named = clean_name(goal_cell.text) if goal_cell else None
                self.goal = DraftGoal(goal_id, named, goal_cell.line if goal_cell else indicator.line)
            self._area(self.goal.id.split(".")[0]).goals.append(self.goal)
        elif self.goal_cell is None and not indicator.id.startswith(self.goal.id + "."):
            self.goal = DraftGoal(goal_id, None, indicator.line)
            self._area(goal_id.split(".")[0]).goals.append(self.goal)
        self.goal.indicators.append(indicator)

    def _area(self, ident: str) -> DraftArea:
        areas = self.draft.areas
        if not areas or areas[-1].id != ident:
            name = self.area_name[0] if self.area_name else None
            areas.append(DraftArea(ident, name, self.focus_goal))
            self.area_name = self.focus_goal = None
        return areas[-1]

    def _cells(self, indicator: DraftIndicator, entry: Entry) -> None:
        years = set()
        for role, cell in entry.cells.items():
            marker = PHASE_IN.search(cell.text)
            if marker:
                years.add(int(marker.group("year")))
            if POSTPONED.search(cell.text):
                indicator.postponed = f"{self.draft.source}:{cell.line}: {' '.join(cell.text.split())}"
            if role in BANDS or role == TARGET:
                self._band(indicator, role, cell, marker is not None)
            elif result_year(role) is not None:
                self._result(indicator, result_year(role) or 0, cell)
            elif role == UNIT:
                indicator.unit = " ".join(cell.text.split())
        if len(years) > 1:
            self.leave(indicator, ", ".join(map(str, sorted(years))), entry.line, "phase-in years that disagree")
        elif years:
            indicator.phase_in = years.pop()
        for other in entry.others:
            header = f"column {other.header!r}" if other.header else "a cell with no header"
            self.leave(indicator, other.text, other.line, f"{header} is not read")
        if indicator.unit is None:
            indicator.unit = _common_unit([*indicator.bands.values(), *filter(None, [indicator.target])])

    def _band(self, indicator: DraftIndicator, role: str, cell: Cell, marked: bool) -> None:
        text = "\n".join(band_lines(cell.text))
        if (marked and PHASE_IN.fullmatch(" ".join(text.split()))) or POSTPONED.fullmatch(text.strip()):
            return  # the phase-in, printed in the band's column
        try:
            parse_band_text(text)
        except BandSyntaxError as exc:
            self.leave(indicator, "", cell.line, f"{role}: {exc}")
            return
        if role == TARGET:
            indicator.target = text
        else:
            indicator.bands[role] = text

    def _result(self, indicator: DraftIndicator, year: int, cell: Cell) -> None:
        text = " ".join(cell.text.split())
        try:
            read_value(text)
        except ValueError as exc:
            if PHASE_IN.fullmatch(text):  # 'Innfases 2017' in the results column: the phase-in, read above
                return
            self.leave(indicator, "", cell.line, f"result {year}: {exc}")
            return
        self.draft.results.setdefault(year, []).append((indicator.id, text))

    def finish(self) -> Draft:
        found = {indicator.id: indicator for indicator in self.draft.indicators()}
        if not found:
            raise KpiError(
                "no indicator with an id at the start of its cell (L.1.1 Navn ...): is this a printed scorecard?",
                code="no-scorecard",
                path=self.draft.source,
            )
        for area in self.draft.areas:
            if area.name is None:
                line = area.goals[0].line
                self.leave(None, "", line, f"focus area {area.id}: no name printed above its table", comment=False)
            for goal in area.goals:
                if goal.name is None:
                    self.leave(None, "", goal.line, f"goal {goal.id}: no name printed", comment=False)
        for cell in self.prose:  # 'innfasingen av indikatorene L.2.2 og L.2.3 blir utsatt til 2017'
            for sentence in _SENTENCE_END.split(" ".join(cell.text.split())):
                if not POSTPONED.search(sentence):
                    continue
                for match in TEXT_ID.finditer(sentence):
                    if match.group("id") in found:
                        found[match.group("id")].postponed = f"{self.draft.source}:{cell.line}: {sentence.strip()}"
        self.draft.problems.sort(key=lambda problem: problem.line or 0)
        return self.draft


def _common_unit(texts: list[str]) -> str | None:
    units = set()
    for text in texts:
        for line in text.splitlines():
            match = _UNIT_AT_END.search(line)
            units.add(" ".join(match.group("unit").split()) if match else None)
    return units.pop() if len(units) == 1 else None


def assemble(items: list[Item], source: str) -> Draft:
    builder = _Builder(source)
    for item in items:
        if isinstance(item, Block):
            for cell in item.cells:
                builder.line_of_text(cell)
        else:
            builder.entry(item)
    return builder.finish()


__all__ = ["Draft", "DraftArea", "DraftGoal", "DraftIndicator", "Unplaced", "assemble"]
