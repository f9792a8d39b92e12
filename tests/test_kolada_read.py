"""Kolada's answers among the results: the rows the definitions' kolada: keys pick.

The answers are BUILT from Kolada's documented layout and their figures MADE UP
(tests/fixtures/kolada/README.md); the scorecard is made up too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kpi_cli.results.ssb.kolada import looks_like_kolada, read_kolada
from kpi_cli.results.ssb.table import NOT_AVAILABLE

FIXTURES = Path(__file__).parent / "fixtures" / "kolada"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The scorecard beside results/kolada/ holding both pages, as kpi fetch saves them."""
    shutil.copyfile(FIXTURES / "indicators.yaml", tmp_path / "indicators.yaml")
    saved = tmp_path / "results" / "kolada"
    saved.mkdir(parents=True)
    first = (FIXTURES / "page-1.json").read_text(encoding="utf-8").replace('"{next}"', "null")
    (saved / "kolada-1.json").write_text(first, encoding="utf-8")
    shutil.copyfile(FIXTURES / "page-2.json", saved / "kolada-1_page2.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def statuses(kpi, year: int, *more: str) -> dict[str, tuple[object, str, object]]:
    result = kpi("evaluate", "results", "--year", str(year), "--format", "json", *more)
    document = json.loads(result.stdout)
    return {
        item["indicator"]: (item["value"], item["status"], item["absence"])
        for item in document["results"]
        if item["year"] == year
    }


def test_the_gender_each_indicator_asks_for_is_read(kpi, folder):
    assert statuses(kpi, 2022) == {
        "V.1.1": (68.2, "accepted", None),  # T
        "V.1.2": (64, "accepted", None),  # M: 64.0, not the women's 71.5
        "V.1.3": (12.4, "accepted", None),
    }
    assert statuses(kpi, 2023) == {
        "V.1.1": (66, "accepted", None),
        "V.1.2": (58.9, "not_approved", None),
        "V.1.3": (None, "missing", NOT_AVAILABLE),  # value null, status "Missing"
    }


@pytest.mark.parametrize("language", ["nb", "nn", "sv", "en"])
def test_the_source_line_says_kalla_kolada_in_every_language(kpi, folder, language):
    text = (folder / "indicators.yaml").read_text(encoding="utf-8").replace("language: sv", f"language: {language}")
    (folder / "indicators.yaml").write_text(text, encoding="utf-8")
    shown = kpi("evaluate", "results", "--year", "2023").stdout
    assert "Källa: Kolada" in shown.splitlines()
    assert "SSB" not in shown


def test_without_the_municipalitys_kolada_id_the_file_is_refused(kpi, folder):
    text = (folder / "indicators.yaml").read_text(encoding="utf-8")
    (folder / "indicators.yaml").write_text(text.replace('kolada: "0180", ', 'code: "0301", '), encoding="utf-8")
    result = kpi("evaluate", "results/kolada/kolada-1.json", "--year", "2023")
    assert result.exit_code == 2
    assert "is a Kolada answer: the definitions must name the municipality's Kolada id" in result.stderr
    assert "[ssb-no-source]" in result.stderr


def test_another_municipality_is_no_results_as_for_ssb(kpi, folder):
    text = (folder / "indicators.yaml").read_text(encoding="utf-8")
    (folder / "indicators.yaml").write_text(text.replace('kolada: "0180"', 'kolada: "1480"'), encoding="utf-8")
    result = kpi("evaluate", "results", "--year", "2023")
    assert result.exit_code == 2
    assert result.stderr.count("[no-results]") == 2  # neither page has a row of 1480


def test_an_answer_is_told_from_json_stat_by_its_content():
    assert looks_like_kolada((FIXTURES / "page-1.json").read_text(encoding="utf-8"))
    jsonstat = Path(__file__).parent / "fixtures" / "ssb" / "ssb_12191_kostra_kommunehelse_jsonstat2_status.json"
    assert not looks_like_kolada(jsonstat.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"values": 3}', 'a Kolada answer must be an object with a list "values"'),
        ('{"values": [{"kpi": "N00945", "municipality": "0180", "period": 2020}]}', 'must have a list "values"'),
        ('{"values": [{"kpi": "", "municipality": "0180", "period": 2020, "values": []}]}', "values[0].kpi must be"),
        (
            '{"values": [{"kpi": "N1", "municipality": "0180", "period": 2020, "values": [{"value": "12"}]}]}',
            "values[0].values[0].value must be a number or null, not '12'",
        ),
    ],
)
def test_a_wrong_structure_is_one_located_error(text, message):
    from kpi_cli.errors import ResultsError

    with pytest.raises(ResultsError) as caught:
        read_kolada(text, "k.json")
    assert message in caught.value.message
    assert caught.value.code == "kolada-format"


def test_benchmarks_name_ssbs_codes_kolada_ids_or_both() -> None:
    import yaml

    from kpi_cli.definitions.ssb_fields import parse_mapping

    text = (
        'municipality: {kolada: "0180"}\nbenchmarks: [EKG13, {code: EAK, kolada: "0000"}, {kolada: ["0184", "0000"]}]'
    )
    mapping = parse_mapping(yaml.compose(text, Loader=yaml.SafeLoader), "made-up.yaml")
    assert (mapping.benchmarks, mapping.kolada_benchmarks) == (("EKG13", "EAK"), ("0000", "0184"))


def test_a_benchmarks_rows_are_benchmark_values_and_riket_is_no_org_unit(kpi, folder):
    text = (folder / "indicators.yaml").read_text(encoding="utf-8")
    (folder / "indicators.yaml").write_text(
        text.replace("focus_areas:", 'benchmarks: [{kolada: "0000"}]\nfocus_areas:')
    )
    for path in (folder / "results" / "kolada").iterdir():
        path.unlink()
    shutil.copyfile(FIXTURES / "all.json", folder / "results" / "kolada" / "kolada-1.json")
    document = json.loads(kpi("evaluate", "results", "--year", "2023", "--format", "json").stdout)
    compared = {
        item["indicator"]: [(b["region"], b["compared"]) for b in item["benchmarks"]] for item in document["results"]
    }
    assert compared == {"V.1.1": [("0000", "better")], "V.1.2": [("0000", "better")], "V.1.3": [("0000", None)]}
    every = json.loads(kpi("evaluate", "results", "--regions", "all", "--format", "json").stdout)
    assert sorted({item["org_unit"] for item in every["results"]}) == ["0180", "0184"]  # 0000 a benchmark still


def test_a_share_better_than_a_kolada_benchmark_is_computed(kpi, folder):
    text = (folder / "indicators.yaml").read_text(encoding="utf-8")
    share = (
        "          - id: V.1.4\n            name: Andel bättre än Solna (made up)\n"
        '            compute: {better_than: {benchmark: "0184", indicators: [V.1.1, V.1.2, V.1.3]}}\n'
    )
    text = text.replace("focus_areas:", 'benchmarks: [{kolada: "0184"}]\nfocus_areas:')
    (folder / "indicators.yaml").write_text(text.replace("          - id: V.1.3\n", share + "          - id: V.1.3\n"))
    for path in (folder / "results" / "kolada").iterdir():
        path.unlink()
    shutil.copyfile(FIXTURES / "benchmarks.json", folder / "results" / "kolada" / "kolada-1.json")
    document = json.loads(kpi("evaluate", "results", "--year", "2023", "--format", "json").stdout)
    shares = {item["year"]: item["value"] for item in document["results"] if item["indicator"] == "V.1.4"}
    assert shares == {2022: 33.33, 2023: 50}  # 2023: V.1.1 better, V.1.2 worse, V.1.3 missing: 1 of 2
