"""kpi_cli.rating.plain: a plain indicator's results, with what every org unit shares worked out
once per year, are the results ``rate_one`` gives, for every generated scorecard (made up)."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from sql_scorecards import Case, bounded, cases

from kpi_cli.rating import evaluate as evaluation
from kpi_cli.report import Report


def _outcome(report: Report) -> tuple[object, ...]:
    errors = [(e.code, e.path, e.line, str(e)) for e in report.errors]
    return report.results, report.history, errors, report.warnings, report.row_counts


@bounded(150)
@given(cases())
def test_the_plain_path_gives_what_rate_one_gives(case: Case) -> None:
    def run() -> Report:
        return evaluation.evaluate(case.scorecard, case.rows, case.year, strict=False, benchmarks=case.benchmarks)

    fast = run()
    with mock.patch.object(evaluation, "plain", return_value=None):  # every indicator through rate_one
        general = run()
    assert _outcome(fast) == _outcome(general)


def test_a_plain_indicator_takes_the_plain_path() -> None:
    """The seed's indicators are plain but for those with a deadline or their own bands per org unit:
    the test above compares something only if the path is taken."""
    from conftest import SEED_INDICATORS

    from kpi_cli.definitions.load import load_definitions
    from kpi_cli.rating.plain import plain
    from kpi_cli.rating.rate import Ratings

    seed = load_definitions(SEED_INDICATORS)
    taken = [item.id for item in seed.indicators() if plain(item, 2014, Ratings(), ()) is not None]
    assert "L.1.1" in taken
    assert plain(seed.indicator_map()["L.1.1"], 2014, Ratings(), {"L.1.1"}) is None
