"""JUnit XML, which GitLab, Jenkins and Azure Pipelines show as test results.

One ``<testsuite>`` for the year shown; one ``<testcase>`` per result of that
year (classname the goal, name the indicator id, name and org unit). A result
that fails the gate (the view's failing results, which the exit code reads
too) is a ``<failure>``; one that is not rated (not phased in, no
target, too small a base, or missing without ``--fail-on-missing``) is
``<skipped>``, with the note that says why where there is one.

Built with ElementTree, so every text is escaped; characters XML 1.0 cannot
hold at all are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from ..model import RATED, Measure, Status
from ..report import Result
from ..view import View
from . import Renderer, RenderOptions
from .labels import Labels

# Not allowed anywhere in an XML 1.0 document, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text XML can hold: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def case_name(result: Result) -> str:
    indicator = result.indicator
    return f"{indicator.id} {indicator.name}" + (f" [{result.org_unit}]" if result.org_unit else "")


def details(result: Result, say: Labels, measures: Mapping[str, Measure], remark: str | None = None) -> str:
    """Value, status, the bands as published, the reason and where the value was read."""
    indicator = result.indicator
    lines = [
        f"{indicator.id} {indicator.name}" + (f" ({result.org_unit})" if result.org_unit else ""),
        f"{say('value')}: {say.value(result)}" + (f" {indicator.unit}" if indicator.unit else ""),
        f"{say('col.status')}: {say.status(result)}",
    ]
    lines += [f"{say('col.' + s.value)}: {band.text}" for s in RATED if (band := indicator.band(s))]
    if result.rating is not None:
        lines.append(f"{say('reason')}: {say.reason(result.rating)}")
    if result.computed is not None:
        lines.append(f"{say('computed')}: {say.computed(result.computed, measures)}")
    if result.note is not None and result.status is not Status.NOT_PHASED_IN:
        lines.append(f"{say('col.note')}: {say.note(result.note)}")
    if remark:
        lines.append(remark)
    location = result.row.location if result.row else None
    if location is not None:
        lines.append(f"{say('source')}: {location.path}" + (f":{location.line}" if location.line else ""))
    return "\n".join(lines)


def _summary(result: Result, say: Labels, remark: str | None) -> str:
    """'L.1.1 ikke godkjent: 3,8 (0 - 3,9)': the failure's one-line message."""
    band = result.indicator.band(result.status) if result.status.is_rated else None
    text = f"{result.indicator.id}" + (f" ({result.org_unit})" if result.org_unit else "")
    text += f" {say('short.' + result.status.value)}"
    if result.value is not None or result.absence:
        text += f": {say.value(result)}"
    if band is not None:
        text += f" ({band.text})"
    if remark:  # an unrevised figure, the results file's comment, owner and actions
        text += f" – {remark}"
    return text


def evaluation(view: View, options: RenderOptions) -> str:
    say = Labels(options.lang, view.report.scorecard.levels)
    report = view.report
    not_rated = (Status.NOT_PHASED_IN, Status.NO_TARGET, Status.MISSING, Status.INSUFFICIENT_BASE)
    cases: list[ET.Element] = []
    skipped = 0
    for entry in view.entries:
        result = entry.result
        remark = say.remark_in_full(entry.comment, entry.revised, entry.owner, entry.actions)
        case = ET.Element("testcase", classname=clean(result.indicator.goal_id), name=clean(case_name(result)))
        location = result.row.location if result.row else None
        if location is not None:
            case.set("file", clean(location.path))
            if location.line is not None:
                case.set("line", str(location.line))
        if entry.failing:
            failure = ET.SubElement(
                case, "failure", message=clean(_summary(result, say, remark)), type=result.status.value
            )
            failure.text = clean(details(result, say, view.measures, remark))
        elif result.status in not_rated:
            skipped += 1
            why = say.status(result)
            if result.note is not None and result.status is not Status.NOT_PHASED_IN:
                why += f": {say.note(result.note)}"
            if remark:
                why += f" – {remark}"
            ET.SubElement(case, "skipped", message=clean(why))
        else:
            ET.SubElement(case, "system-out").text = clean(details(result, say, view.measures, remark))
        cases.append(case)
    counts = {"tests": str(len(cases)), "failures": str(len(view.failing)), "errors": "0", "skipped": str(skipped)}
    root = ET.Element("testsuites", {"name": "kpi", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": clean(f"{report.scorecard.name} {report.year}"), **counts})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="definitions", value=clean(view.definitions))
    for source in report.sources:
        ET.SubElement(properties, "property", name="results", value=clean(source))
    ET.SubElement(properties, "property", name="year", value=str(report.year))
    ET.SubElement(properties, "property", name="fail_on", value=view.gate.fail_on)
    ET.SubElement(properties, "property", name="fail_on_missing", value=str(view.gate.missing).lower())
    ET.SubElement(properties, "property", name="fail_on_regression", value=str(view.gate.regression).lower())
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


RENDERER = Renderer(evaluation=evaluation)
