"""Plain text for ``kpi explain``, every word from the catalogue in the output language."""

from __future__ import annotations

from ..bands.order import Gap
from ..model import DEFAULT_LEVELS, GapPolicy, Level, PhaseState, Status, worse
from ..rating.explain import Explanation
from .labels import SYMBOLS, Labels


def render(explanation: Explanation, lang: str, levels: tuple[Level, ...] = DEFAULT_LEVELS) -> str:
    say = Labels(lang, levels)
    indicator = explanation.indicator
    unit = f" ({indicator.unit})" if indicator.unit else ""
    lines = [f"{indicator.id} {indicator.name}{unit}"]
    lines.append(say("explain.rule", direction=say.direction(indicator), policy=say.policy(indicator.gap_policy)))
    if indicator.scale:
        lines.append(say("explain.scale", scale=say.interval(indicator.scale)))
    pending = explanation.state is PhaseState.PENDING and indicator.phase_in is not None
    if not indicator.bands and not pending:
        lines.append(say("no_bands"))
    due = indicator.deadline
    if explanation.path is not None and due is not None and due.baseline is not None:
        since, start = due.baseline
        path = say.number(explanation.path)
        line = say("explain.path", by=due.by, start=say.number(start), since=since, value=path, year=explanation.year)
        lines.append(line)
    for band in indicator.bands:
        intervals = f" {say('and')} ".join(say.interval(i) for i in band.intervals)
        lines.append(f"  {SYMBOLS[band.status]} {say(band.status.value):<28} {band.text:<18} = {intervals}")
    for gap in explanation.gaps:
        if gap.below is not gap.above:
            between = say(
                "explain.gap",
                interval=say.interval(gap.interval),
                below=say.short(gap.below),
                above=say.short(gap.above),
                rated=_rated(gap, indicator.gap_policy, say),
            )
            lines.append(f"  {between}")
    value = say.number(explanation.value)
    if explanation.problem:
        lines.append(say("explain.not_rated", value=value, problem=explanation.problem))
    elif (rating := explanation.rating) is not None and not (pending and rating.status is Status.NO_TARGET):
        lines.append(f"{value}: {say.reason(rating)}")  # pending: where the value would lie
        if not pending:
            lines.append(f"=> {SYMBOLS[rating.status]} {say(rating.status.value)}")
    if explanation.path_unknown and due is not None:
        lines.append(say("explain.no_path", by=due.by))
    if pending and indicator.phase_in:
        # As `kpi evaluate` rates it: not phased in, whatever the bands (or their absence) would say.
        phase_in = indicator.phase_in
        symbol = SYMBOLS[Status.NOT_PHASED_IN]
        word = say("phased_in_from", year=phase_in.year) + (f" ({say('postponed')})" if phase_in.postponed else "")
        lines.append(f"=> {symbol} {word}")
        lines.append(say("explain.pending", year=explanation.year, phase_in=phase_in.year, symbol=symbol))
    return "\n".join(lines)


def _rated(gap: Gap, policy: GapPolicy, say: Labels) -> str:
    """How a value in the gap is rated: the worse neighbour, or the nearer (a tie goes to the worse)."""
    worst = say.short(worse(gap.below, gap.above))
    return worst if policy is GapPolicy.WORSE else say("explain.nearest", worse=worst)
