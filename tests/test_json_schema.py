"""The JSON report's schema ships in the package, is a valid draft 2020-12 schema, and holds for the
outputs of every example; conftest.py validates every other JSON output the tests make with it.

The example data under examples/ is made up; results/2014.csv holds published figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import json_schema
import pytest
from conftest import REPO_ROOT
from jsonschema import Draft202012Validator

EXAMPLES = REPO_ROOT / "examples"


def test_the_schema_is_a_draft_2020_12_schema_shipped_in_the_package() -> None:
    schema = json_schema.schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$defs"]["report"]["properties"]["schema_version"] == {"const": 2}
    shipped = REPO_ROOT / "kpi_cli" / "schemas" / "report-2.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == schema
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'kpi_cli = ["schemas/*.json"]' in pyproject  # package data: in the wheel, not only in a checkout


def _example(name: str) -> list[str]:
    folder = EXAMPLES / name
    results = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".json"))
    return [*map(str, results), "--indicators", str(folder / "indicators.yaml")]


RUNS = {
    "seed": ["evaluate", "results/2014.csv"],
    "levels of its own": ["evaluate", *_example("single-target")],
    "tolerance": ["evaluate", *_example("tolerance")],
    "change and targets per year": ["evaluate", *_example("change-and-years")],
    "service areas": ["evaluate", *_example("service-areas")],
    "service areas, history": ["history", *_example("service-areas"), "--org-unit", "all"],
    "printed bands": ["evaluate", *_example("printed")],
    "statistics norway": ["evaluate", *_example("ssb-kostra")],
}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("args", RUNS.values(), ids=RUNS.keys())
def test_every_example_follows_the_schema(kpi, repo_root: Path, args: list[str], fmt: str) -> None:
    result = kpi(*args, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    json_schema.check_text(result.stdout, args[0], fmt)  # conftest checks it too; here it is said


def test_the_status_document_follows_the_schema(kpi, repo_root: Path) -> None:
    result = kpi("status", "--year", "2017", "--format", "json")
    assert result.exit_code == 0, result.stderr
    json_schema.check_text(result.stdout, "status", "json")


def test_the_streamed_duckdb_document_follows_the_schema(kpi, tmp_path: Path) -> None:
    target = tmp_path / "rated.json"
    args = ["evaluate", *_example("tolerance"), "--engine", "duckdb", "--format", "json", "-o", str(target)]
    result = kpi(*args)
    assert result.exit_code == 0, result.stderr
    json_schema.check_text(target.read_text(encoding="utf-8"), "evaluate", "json")


def test_a_document_that_breaks_the_schema_is_caught(kpi, repo_root: Path) -> None:
    document = json.loads(kpi("evaluate", "results/2014.csv", "--format", "json").stdout)
    document["results"][0]["stauts"] = "desired"  # a misspelt field
    del document["results"][1]["status"]
    document["indicators"]["L.1.1"]["gap_policy"] = "best"
    with pytest.raises(AssertionError) as caught:
        json_schema.check_text(json.dumps(document), "evaluate", "json")
    message = str(caught.value)
    assert "results/0: Additional properties are not allowed ('stauts' was unexpected)" in message
    assert "results/1: 'status' is a required property" in message
    assert "indicators/L.1.1/gap_policy: 'best' is not one of ['worse', 'nearest']" in message


def test_every_cli_run_with_json_is_checked(kpi, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(json_schema, "check_text", lambda text, command, fmt: seen.append((command, fmt)))
    kpi("evaluate", "results/2014.csv", "--format", "JSON")
    kpi("history", "results/2014.csv", "--format=jsonl")
    kpi("status", "--format", "json")
    kpi("evaluate", "results/2014.csv", "--format", "csv")
    kpi("evaluate", "results/2014.csv", "--format", "json", "-o", "-")
    assert seen == [("evaluate", "json"), ("history", "jsonl"), ("status", "json"), ("evaluate", "json")]
