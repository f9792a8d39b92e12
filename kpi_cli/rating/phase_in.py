"""Each indicator's phase-in state in a year."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Indicator, PhaseState, Scorecard


@dataclass(frozen=True)
class IndicatorState:
    indicator: Indicator
    year: int
    state: PhaseState

    @property
    def postponed(self) -> bool:
        return bool(self.indicator.phase_in and self.indicator.phase_in.postponed)

    @property
    def needs_bands(self) -> bool:
        """Phased in (new or active) in the year, yet no bands to rate against."""
        return self.state is not PhaseState.PENDING and not self.indicator.has_bands


def states(scorecard: Scorecard, year: int) -> list[IndicatorState]:
    """Each indicator as it is in ``year`` (the bands then in force) and its phase-in state."""
    return [
        IndicatorState(indicator.in_force(year), year, indicator.state(year)) for indicator in scorecard.indicators()
    ]
