"""The compact JSON of each result, joined from pieces encoded once, is byte for byte what
encoding the result's object gives (json_output.result), for every result of every example.

The pieces are shared between results (an indicator and year, a value as written, a rating),
so these tests also check that results which share a piece but differ in what they print
(4,5 and 4,50; two org units' bands) keep their own text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_cli.definitions.load import load_definitions
from kpi_cli.rating.evaluate import evaluate_results, year_to_show
from kpi_cli.render import json_results
from kpi_cli.render.json_output import result
from kpi_cli.render.json_results import ENCODE, ResultEncoder
from kpi_cli.render.labels import Labels
from kpi_cli.results.read import read_results
from kpi_cli.view import Gate, View, build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    (ROOT / "indicators.yaml", ROOT / "results" / "2014.csv"),
    *(
        (folder / "indicators.yaml", folder)
        for folder in sorted((ROOT / "examples").iterdir())
        if (folder / "indicators.yaml").is_file()
    ),
]

# MADE UP: equal values written apart, gaps, a value beyond the bands, band versions for
# one org unit, a comment and a base (the results with fields of their own).
DEFINITIONS = """\
scorecard: Oppdiktet
focus_areas:
  - id: A
    name: Område
    goals:
      - id: A.1
        name: Mål
        indicators:
          - id: A.1.1
            name: Tilfredshet
            bands:
              desired: ">= 4,5"
              accepted: "4 - 4,3"
              not_approved: "< 4"
          - id: A.1.2
            name: Ventetid
            bands:
              - from: 2019
                desired: "< 5"
                accepted: "5 - 7"
                not_approved: "> 7"
            org_unit_bands:
              Vest:
                - from: 2020
                  desired: "< 6"
                  accepted: "6 - 8"
                  not_approved: "> 8"
"""
RESULTS = """\
indikator;år;enhet;verdi;n;kommentar
A.1.1;2019;;4,5;;
A.1.1;2020;;4,50;;
A.1.1;2019;Vest;4,4;30;
A.1.1;2020;Vest;4,50;;ny metode
A.1.1;2019;Øst;9;;
A.1.1;2020;Øst;-0,0;;
A.1.2;2019;;5;;
A.1.2;2020;;7,5;;
A.1.2;2019;Vest;5;;
A.1.2;2020;Vest;5;;
A.1.2;2020;Øst;;;
"""


def _view(definitions: Path, results: Path) -> View:
    scorecard = load_definitions(str(definitions))
    read = read_results([str(results)], definitions=str(definitions))
    report = evaluate_results(scorecard, read, year_to_show(read, None), strict=False)
    worst = scorecard.levels[-1].id
    return build(report, Gate(worst, missing=True, regression=True, scorecard_levels=scorecard.levels))


def _check(view: View) -> int:
    english = Labels("en", view.report.scorecard.levels)
    encoder = ResultEncoder(view, english, result)
    entries = list(view.every_year())
    for entry in entries:
        assert encoder(entry) == ENCODE(result(view, entry, english)), entry.result
    return len(entries)


@pytest.mark.parametrize(("definitions", "results"), EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example_result_encodes_as_its_object(definitions: Path, results: Path) -> None:
    assert _check(_view(definitions, results)) > 0


def test_results_sharing_pieces_keep_their_own_text(tmp_path: Path) -> None:
    (tmp_path / "indicators.yaml").write_text(DEFINITIONS, encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESULTS, encoding="utf-8")
    view = _view(tmp_path / "indicators.yaml", tmp_path / "r.csv")
    assert _check(view) == 12  # 2 indicators x 3 org units (the municipality, Vest, Øst) x 2 years
    encoder = ResultEncoder(view, Labels("en"), result)
    texts = {(e.result.indicator.id, e.result.year, e.result.org_unit): encoder(e) for e in view.every_year()}
    assert '"value":4.5,"value_text":"4,5"' in texts[("A.1.1", 2019, None)]
    assert '"value":4.5,"value_text":"4,50"' in texts[("A.1.1", 2020, None)]
    assert '"reason":"4.50 lies in >= 4.5"' in texts[("A.1.1", 2020, None)]
    assert '"reason":"4.5 lies in >= 4.5"' in texts[("A.1.1", 2019, None)]
    assert '"bands_from":2020,"bands_org_unit":"Vest"' in texts[("A.1.2", 2020, "Vest")]
    assert '"comment":"ny metode"' in texts[("A.1.1", 2020, "Vest")]


def test_pieces_forgotten_when_full_give_the_same_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_results, "_MAX_PIECES", 2)
    (tmp_path / "indicators.yaml").write_text(DEFINITIONS, encoding="utf-8")
    (tmp_path / "r.csv").write_text(RESULTS, encoding="utf-8")
    assert _check(_view(tmp_path / "indicators.yaml", tmp_path / "r.csv")) == 12
