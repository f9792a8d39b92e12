"""Plain text for ``kpi explain``."""

from __future__ import annotations

from ..explain import Explanation
from ..model import PhaseState, Status
from ..notation import format_interval
from ..rating import describe
from .labels import SYMBOLS, Labels


def render(explanation: Explanation, lang: str) -> str:
    say = Labels(lang)
    mark = say.decimal_mark
    indicator = explanation.indicator
    unit = f" ({indicator.unit})" if indicator.unit else ""
    lines = [f"{indicator.id} {indicator.name}{unit}"]
    direction = indicator.direction.value.replace("_", " ") if indicator.direction else "not known"
    lines.append(f"direction: {direction}; gap policy: {indicator.gap_policy.value}")
    if indicator.scale:
        lines.append(f"scale: {format_interval(indicator.scale, mark)}")
    if not indicator.bands:
        lines.append("no bands are set")
    for band in indicator.bands:
        intervals = " and ".join(format_interval(i, mark) for i in band.intervals)
        lines.append(f"  {SYMBOLS[band.status]} {say(band.status.value):<28} {band.text:<18} = {intervals}")
    for gap in explanation.gaps:
        if gap.below is not gap.above:
            lines.append(
                f"  gap {format_interval(gap.interval, mark)} between {gap.below.value} and {gap.above.value}:"
                f" rated {gap.rated(indicator.gap_policy)}"
            )
    value = say.number(explanation.value)
    if explanation.problem:
        lines.append(f"{value}: not rated: {explanation.problem}")
    elif explanation.rating:
        rating = explanation.rating
        lines.append(f"{value}: {describe(rating, mark)}")
        lines.append(f"=> {SYMBOLS[rating.status]} {say(rating.status.value)}")
    if explanation.state is PhaseState.PENDING and indicator.phase_in:
        lines.append(
            f"note: in {explanation.year} the indicator is not phased in (from {indicator.phase_in.year}): "
            f"a result that year is shown, not rated ({SYMBOLS[Status.NOT_PHASED_IN]})"
        )
    return "\n".join(lines)
