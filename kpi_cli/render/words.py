"""The word catalogue: every word and sentence a user reads, in bokmål (nb), English (en),
nynorsk (nn) and Swedish (sv).

Every language has the same keys (a test checks it). Renderers get words through
:class:`kpi_cli.render.labels.Labels`, never from here directly.
"""

from __future__ import annotations

from .words_en import WORDS as EN
from .words_nb import WORDS as NB
from .words_nn import WORDS as NN
from .words_sv import WORDS as SV

WORDS: dict[str, dict[str, str]] = {"nb": NB, "en": EN, "nn": NN, "sv": SV}
