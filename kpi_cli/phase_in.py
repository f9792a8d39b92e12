"""Each indicator's phase-in state in a year, and what CI may fail on."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding, Indicator, PhaseState, Scorecard


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


def findings(scorecard: Scorecard, year: int) -> list[Finding]:
    """Indicators phased in by ``year`` that have no bands."""
    found = []
    for item in states(scorecard, year):
        if item.needs_bands:
            phase_in = item.indicator.phase_in
            since = f"is phased in from {phase_in.year}" if phase_in else "is active"
            found.append(Finding(item.indicator.id, f"{item.indicator.id} {since} but has no bands"))
    return found
