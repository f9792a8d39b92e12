"""The HTML page around a report: the document, its header and footer, the legend, and the
status badges, counts and value cells every table of it uses. Text from a file goes through ``_e``."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence

from .. import __version__
from ..model import Status
from ..report import Result
from ..view import View
from .html_charts import _e
from .html_css import css
from .labels import SYMBOLS, Labels


def page(title: str, lang: str, body: Iterable[str], running: str, bands: Sequence[Status] = ()) -> str:
    """The page; ``running`` is what every printed page says in its top margin; ``bands`` the
    statuses of the band columns, in order (a phone shows each band with its symbol)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{css(running, bands)}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _sources(view: View, say: Labels) -> str:
    files = ", ".join(f"<code>{_e(path)}</code>" for path in view.report.sources) or "–"
    tables = "".join(f'<p class="meta">{_e(line)}</p>' for line in say.sources(view.report.tables))
    return (
        f'<dl class="sources"><dt>{_e(say("definitions"))}:</dt><dd><code>{_e(view.definitions)}</code></dd>'
        f"<dt>{_e(say('results'))}:</dt><dd>{files}</dd></dl>{tables}"
    )


def made_on() -> datetime.date:
    """The day the report is made: SOURCE_DATE_EPOCH (seconds, UTC) when set, for reproducible
    builds and tests; else today (also when it names no day a date can hold, past the year 9999)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 12:  # 12 digits: past the year 9999 already
        try:
            return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
        except (OverflowError, ValueError, OSError):
            pass
    return datetime.date.today()


def header(title: str, scorecard: str, year: str, say: Labels) -> str:
    """The title, then scorecard, year and date made: what a council member reads first.
    (Printed, every page repeats scorecard and year in its margin: see html_css.css.)"""
    made = made_on()
    return (
        f'<header><h1>{_e(title)}</h1><p class="made">{_e(scorecard)} · {_e(year)} · '
        f'{_e(say("made_on"))} <time datetime="{made.isoformat()}">{_e(say.date(made))}</time></p></header>'
    )


def footer(view: View, say: Labels) -> str:
    """The sources (file paths are for whoever checks the report, not in the header) and the tool."""
    return f"<footer>{_sources(view, say)}<p>{_e(say('made_with', version=__version__))}</p></footer>"


def badge(status: Status, text: str) -> str:
    """A status as symbol and word on its colour: the colour is never the only signal."""
    return (
        f'<span class="st st-{status.value}"><span class="sym" aria-hidden="true">{SYMBOLS[status]}</span> '
        f"{_e(text)}</span>"
    )


def counts(found: dict[Status, int], say: Labels) -> str:
    """The count per status; a zero is kept for the rated statuses and missing, but muted."""
    always = (*say.rated, Status.MISSING)
    items = (
        f'<li class="st st-{s.value}{" zero" if not found[s] else ""}"><span class="sym" aria-hidden="true">'
        f"{SYMBOLS[s]}</span> <strong>{found[s]}</strong> {_e(say('short.' + s.value))}</li>"
        for s in Status
        if found[s] or s in always
    )
    return f'<ul class="counts">{"".join(items)}</ul>'


def value_cell(result: Result | None, say: Labels) -> str:
    """A value with its status symbol (and the word for screen readers), for matrix and history cells."""
    if result is None:
        return '<td class="cell empty"></td>'
    word = say.status(result)
    return (
        f'<td class="cell st-{result.status.value}" title="{_e(word)}">{_e(say.value(result))}'
        f'<span class="sym" aria-hidden="true">{SYMBOLS[result.status]}</span>'
        f'<span class="vh"> {_e(word)}</span></td>'
    )


def legend(say: Labels, charts: bool = True, trend: bool = False) -> str:
    """The statuses, and what the charts show: the trend line only where there is one."""
    items = "".join(f"<li>{badge(s, say(s.value))}</li>" for s in say.legend_statuses)
    help_text = f"<p>{_e(say.chart_help())}{' ' + _e(say('chart_help.trend')) if trend else ''}</p>" if charts else ""
    return f'<section class="legend"><h2>{_e(say("legend"))}</h2><ul>{items}</ul>{help_text}</section>'


def attention(view: View, say: Labels) -> str:
    """What needs attention first: the results at the worst level, the regressions and the
    missing results, each with its value, status, why it is listed and its comment."""
    from .layout import attention_reasons

    if not view.attention:
        items = f"<li>{_e(say('attention.none'))}</li>"
    else:
        found = []
        for item in view.attention:
            result = item.entry.result
            where = f" ({_e(result.org_unit)})" if result.org_unit else ""
            comment = item.entry.comment
            found.append(
                f'<li><b class="id">{_e(result.indicator.id)}</b>{where} {_e(result.indicator.name)}: '
                f"{_e(say.value(result))} {badge(result.status, attention_reasons(item, say))}"
                + (f' <span class="comment">{_e(say.comment(comment))}</span>' if comment else "")
                + "</li>"
            )
        items = "".join(found)
    return f'<section class="attention"><h2>{_e(say("attention"))}</h2><ul>{items}</ul></section>'
