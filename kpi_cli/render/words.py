"""The word catalogue: every word and sentence a user reads, in bokmål (nb), English (en),
nynorsk (nn) and Swedish (sv).

Every language has the same keys (a test checks it). Renderers get words through
:class:`kpi_cli.render.labels.Labels`, never from here directly. A language's modules are
imported when it is first asked for: a run speaks one or two (start-up, tests/test_startup.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

LANGUAGES = ("nb", "en", "nn", "sv")
_READ: dict[str, dict[str, str]] = {}


def _stderr(words: dict[str, str]) -> dict[str, str]:
    """A language's stderr lines (render/stderr_*.py), with the band reading that says it is contradicted."""
    but = words["problem.band-reading.but"]
    return {
        **words,
        **{
            f"problem.band-reading.{side}.but": words[f"problem.band-reading.{side}"] + but
            for side in ("below", "above")
        },
    }


def catalogue(lang: str, fallback: str) -> dict[str, str]:
    """The words of ``lang`` (of ``fallback`` for a language not in the catalogue): the reports'
    words (words_<lang>.py), the stderr lines' (stderr_<lang>.py) and the errors' (errors_<lang>.py),
    kept apart, one module each."""
    read = lang if lang in LANGUAGES else fallback
    found = _READ.get(read)
    if found is None:
        reports, stderr, errors = (
            importlib.import_module(f"{__package__}.{kind}_{read}") for kind in ("words", "stderr", "errors")
        )
        found = _READ[read] = {**reports.WORDS, **_stderr(stderr.WORDS), **errors.WORDS}
    return found


class _Catalogues(Mapping[str, dict[str, str]]):
    """Every language's words by language (``WORDS["sv"]``), each read when first asked for."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return catalogue(lang, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


WORDS: Mapping[str, dict[str, str]] = _Catalogues()
