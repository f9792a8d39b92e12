"""The word catalogue: every word and sentence a user reads, in bokmål (nb), English (en),
nynorsk (nn) and Swedish (sv).

Every language has the same keys (a test checks it). Renderers get words through
:class:`kpi_cli.render.labels.Labels`, never from here directly.
"""

from __future__ import annotations

from . import errors_en, errors_nb, errors_nn, errors_sv, stderr_en, stderr_nb, stderr_nn, stderr_sv
from .words_en import WORDS as EN
from .words_nb import WORDS as NB
from .words_nn import WORDS as NN
from .words_sv import WORDS as SV


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


# The reports' words, the stderr lines' and the errors' (kept apart, one module per language).
WORDS: dict[str, dict[str, str]] = {
    "nb": {**NB, **_stderr(stderr_nb.WORDS), **errors_nb.WORDS},
    "en": {**EN, **_stderr(stderr_en.WORDS), **errors_en.WORDS},
    "nn": {**NN, **_stderr(stderr_nn.WORDS), **errors_nn.WORDS},
    "sv": {**SV, **_stderr(stderr_sv.WORDS), **errors_sv.WORDS},
}
