"""The draft -> the text of indicators.yaml (each indicator at its place in the input, what is left
to finish as comments) and of results/YEAR.csv (the results as printed). Pure."""

from __future__ import annotations

import json
import re

import yaml

from .assemble import Draft, DraftGoal, DraftIndicator

_HEADS = {
    "nb": "indikator;år;verdi",
    "nn": "indikator;år;verdi",
    "sv": "indikator;år;värde",
    "en": "indicator;year;value",
}
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`<=][^#]*$")
_UNPRINTABLE = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """Text for a comment: one line, nothing a terminal or YAML reader could choke on."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back as the same text, else double-quoted."""
    if _PLAIN.match(text) and ": " not in text and text == text.strip():
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def draft_yaml(draft: Draft, language: str, name: str) -> str:
    out = [
        f"# Drafted by `kpi init --from {_one_line(draft.source)}` from the printed scorecard: check it against the",
        "# print. Lines marked TO FINISH need you: kpi could not place that text for certain.",
        f"scorecard: {scalar(name)}  # the name on every report",
        f"language: {language}",
        *(f"# {_one_line(comment)}" for comment in draft.to_finish),
        "focus_areas:",
    ]
    for area in draft.areas:
        out.append(f"  - id: {scalar(area.id)}")
        if area.name:
            out.append(f"    name: {scalar(area.name)}")
        else:
            out.append(
                f"    name: {scalar(area.id)}  # TO FINISH: the focus area's name (none printed above its table)"
            )
        if area.focus_goal:
            out.append(f"    focus_goal: {scalar(area.focus_goal)}")
        out.append("    goals:")
        for goal in area.goals:
            out.extend(_goal(goal, draft.source))
    return "\n".join(out) + "\n"


def _goal(goal: DraftGoal, source: str) -> list[str]:
    out = [f"      - id: {scalar(goal.id)}  # {_one_line(source)}:{goal.line}"]
    if goal.name:
        out.append(f"        name: {scalar(goal.name)}")
    else:
        out.append(f"        name: {scalar(goal.id)}  # TO FINISH: the goal's name (none printed)")
    out.append("        indicators:")
    for indicator in goal.indicators:
        out.extend(_indicator(indicator, source))
    return out


def _indicator(indicator: DraftIndicator, source: str) -> list[str]:
    pad = " " * 12
    out = [f"          - id: {scalar(indicator.id)}  # {_one_line(source)}:{indicator.line}"]
    out.append(f"{pad}name: {scalar(indicator.name or indicator.id)}")
    if indicator.unit:
        out.append(f"{pad}unit: {scalar(indicator.unit)}")
    if indicator.target:
        out.append(f"{pad}target: {json.dumps(indicator.target, ensure_ascii=False)}")
    if indicator.bands:
        out.append(f"{pad}bands:")
        for status, text in indicator.bands.items():
            out.append(f"{pad}  {status}: {json.dumps(text, ensure_ascii=False)}")
    if indicator.postponed:
        out.append(f"{pad}# {_one_line(indicator.postponed)}")
        out.append(f"{pad}phase_in:")
        if indicator.phase_in:
            out.append(f"{pad}  year: {indicator.phase_in}")
        out.append(f"{pad}  postponed: true")
    elif indicator.phase_in:
        out.append(f"{pad}phase_in: {indicator.phase_in}")
    out.extend(f"{pad}# {_one_line(comment)}" for comment in indicator.to_finish)
    return out


def results_csv(draft: Draft, year: int, language: str) -> str:
    """The results printed for ``year``, one row each, as a results file kpi reads."""
    rows = [_HEADS.get(language, _HEADS["nb"])]
    for ident, value in draft.results.get(year, []):
        rows.append(";".join(_csv_cell(cell) for cell in (ident, str(year), value)))
    return "\n".join(rows) + "\n"


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(ch in text for ch in ';"\n\r') else text
