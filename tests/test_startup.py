"""What the main job imports: start-up matters (the tool runs many times in CI), so a new module on
the path of `kpi evaluate results/2014.csv` is a decision written down here, not an accident. The
time itself is measured by benchmarks/run.py (BENCHMARKS.md, "Start-up"), never in a test."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO_ROOT

# The package's modules `kpi evaluate results/2014.csv --format json` imports: of the word catalogue,
# English only (the JSON report's words; render/words.py imports a language when it is asked for).
JSON_MODULES = [
    "kpi_cli",
    "kpi_cli.bands",
    "kpi_cli.bands.notation",
    "kpi_cli.bands.printed_text",
    "kpi_cli.bands.words",
    "kpi_cli.bands.order",
    "kpi_cli.cli",
    "kpi_cli.cli.by_name",
    "kpi_cli.cli.messages",
    "kpi_cli.cli.output",
    "kpi_cli.cli.params",
    "kpi_cli.cli.reports",
    "kpi_cli.cli.streaming",
    "kpi_cli.codes",
    "kpi_cli.definitions",
    "kpi_cli.definitions.band_fields",
    "kpi_cli.definitions.deadline_fields",
    "kpi_cli.definitions.indicator_fields",
    "kpi_cli.definitions.kolada_fields",
    "kpi_cli.definitions.level_fields",
    "kpi_cli.definitions.load",
    "kpi_cli.definitions.safe_yaml",
    "kpi_cli.definitions.ssb_fields",
    "kpi_cli.definitions.target_fields",
    "kpi_cli.definitions.verdict_fields",
    "kpi_cli.definitions.yaml_nodes",
    "kpi_cli.entry",
    "kpi_cli.errors",
    "kpi_cli.inert",
    "kpi_cli.limits",
    "kpi_cli.model",
    "kpi_cli.number_format",
    "kpi_cli.rating",
    "kpi_cli.rating.checks",
    "kpi_cli.rating.compute",
    "kpi_cli.rating.deadlines",
    "kpi_cli.rating.evaluate",
    "kpi_cli.rating.history",
    "kpi_cli.rating.phase_in",
    "kpi_cli.rating.plain",  # issue 23: a plain indicator's year worked out once (a small module, no import of its own)
    "kpi_cli.rating.rate",
    "kpi_cli.rating.rows",  # which result is which indicator's: moved out of rating.evaluate, not new
    "kpi_cli.records",
    "kpi_cli.render",
    # the sentences of the errors that stop a run, beside the stderr lines: the output language's, part of the catalogue
    "kpi_cli.render.errors_en",
    "kpi_cli.render.json_output",
    "kpi_cli.render.json_results",
    "kpi_cli.render.labels",
    "kpi_cli.render.stderr_en",
    "kpi_cli.render.words",
    "kpi_cli.render.words_en",
    "kpi_cli.report",
    "kpi_cli.results",
    "kpi_cli.results.columns",
    "kpi_cli.results.dialects",
    "kpi_cli.results.marks",  # a number that reads two ways (12.500), weighed in every delimited file
    "kpi_cli.results.printed",
    "kpi_cli.results.read",
    "kpi_cli.results.ssb",
    "kpi_cli.results.ssb.detect",
    "kpi_cli.results.ssb.reading",
    "kpi_cli.results.values",
    "kpi_cli.sql",
    "kpi_cli.sql.choice",
    "kpi_cli.sql.why",  # the engine line's words with their catalogue key (a str subclass, no import of its own)
    "kpi_cli.text",
    "kpi_cli.view",
]

# The table renders with rich, in four modules of its own instead of the JSON renderer's two, and
# speaks the definitions' language (bokmål) instead of English.
TABLE_MODULES = sorted(
    {*JSON_MODULES, "kpi_cli.render.table", "kpi_cli.render.table_cells", "kpi_cli.render.table_history"}.union(
        {
            "kpi_cli.render.table_matrix",
            "kpi_cli.render.stderr_nb",
            "kpi_cli.render.words_nb",
            "kpi_cli.render.errors_nb",
        }
    )
    .difference({"kpi_cli.render.json_output", "kpi_cli.render.json_results"})
    .difference({"kpi_cli.render.stderr_en", "kpi_cli.render.words_en", "kpi_cli.render.errors_en"})
)

# Heavy libraries the main job must not load: each is imported only by the code that needs it.
NEVER = ("duckdb", "sqlglot", "openpyxl", "docx", "requests", "jsonschema")

PROBE = """
import atexit, sys
watched = ("kpi_cli", *sys.argv[1:])
def imported():
    print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in watched)), file=sys.__stderr__)
atexit.register(imported)
sys.argv = ["kpi", "evaluate", "results/2014.csv", *({extra})]
from kpi_cli.entry import run
run()
"""


def imported(*options: str) -> list[str]:
    probe = PROBE.replace("{extra}", repr(options))
    done = subprocess.run(
        [sys.executable, "-c", probe, *NEVER, "rich"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()[-1].split()


def test_the_main_job_as_json_imports_the_listed_modules_and_no_rich() -> None:
    assert imported("--format", "json") == sorted(JSON_MODULES)  # rich would be listed too


@pytest.mark.parametrize("options", [(), ("--format", "json")])
def test_the_main_job_never_loads_the_heavy_libraries(options: tuple[str, ...]) -> None:
    loaded = {name.split(".")[0] for name in imported(*options)}
    assert loaded & set(NEVER) == set()


def test_the_table_imports_rich_and_its_own_renderer_only() -> None:
    modules = imported()
    assert [name for name in modules if name.startswith("kpi_cli")] == TABLE_MODULES
    assert "rich" in modules
