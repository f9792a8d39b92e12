"""Each indicator's phase-in state in a year, and why an indicator has no target in a year."""

from __future__ import annotations

from ..model import Indicator, PhaseState, Scorecard
from ..records import dataclass
from ..report import Note


@dataclass(frozen=True)
class IndicatorState:
    indicator: Indicator
    year: int
    state: PhaseState
    planned: Note | None = None  # why there is no target this year, when the definitions say so

    @property
    def postponed(self) -> bool:
        return bool(self.indicator.phase_in and self.indicator.phase_in.postponed)

    @property
    def needs_bands(self) -> bool:
        """Phased in (new or active) in the year, yet no bands to rate against, and no target
        that starts later or ended by then to say why."""
        if self.indicator.verdicts is not None:  # rated by the published word, not by bands
            return False
        return self.state is not PhaseState.PENDING and not self.indicator.bands and self.planned is None


def states(scorecard: Scorecard, year: int) -> list[IndicatorState]:
    """Each indicator as it is in ``year`` (the bands then in force) and its phase-in state."""
    return [
        IndicatorState(indicator.in_force(year), year, indicator.state(year), no_target_note(indicator, year))
        for indicator in scorecard.indicators()
    ]


def no_target_note(indicator: Indicator, year: int, org_unit: str | None = None) -> Note | None:
    """Why ``indicator`` has no target in ``year`` when its versions say it: its first target starts
    later (``no_target_before``), or a ``{from: YEAR, target: null}`` ended it (``target_ended``),
    or the target is in words, shown and never rated (``prose_target``)."""
    in_force = indicator.in_force(year, org_unit)
    if in_force.bands and not in_force.has_bands:
        return Note("prose_target", (("year", str(year)),))
    if not indicator.versions:
        return None
    version = indicator.version(year, org_unit)
    if version is None:
        mine = [v.from_year for v in indicator.versions if v.org_unit in (None, org_unit) and v.from_year]
        return Note("no_target_before", (("year", str(min(mine))),)) if mine else None
    if not version.bands and version.from_year is not None:
        return Note("target_ended", (("year", str(version.from_year)),))
    return None
