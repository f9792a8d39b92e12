"""Which column is read for which role, and how an indicator is found in it
(docs/explanation/columns-and-ids.md). Every file here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_INDICATORS, cli_runner

from kpi_cli import load_definitions, read_results
from kpi_cli.cli import main
from kpi_cli.errors import KpiError
from kpi_cli.rating.evaluate import evaluate_results

L11 = "Opplevelse av at organisasjonen tilrettelegger for læring, utvikling og fornyelse"
L12 = (
    "Ansatte i Asker kommune bruker aktivt de muligheter som arbeidsgiver tilbyr for opplæring,"
    " utvikling og etisk refleksjon"
)


def _rated(path: Path) -> dict[str, tuple[str | None, str]]:
    read = read_results([path])
    report = evaluate_results(load_definitions(SEED_INDICATORS), read, 2014)
    return {r.indicator.id: (str(r.value) if r.value is not None else None, r.status.value) for r in report.results}


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "2014.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_id_column_wins_over_a_name_column_beside_it(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"Id;Indikator;År;Verdi\nL.1.1;{L11};2014;4,51\nL.1.2;{L12};2014;3,9\n")
    [log] = read_results([path]).logs
    assert log.columns == (("indicator", "Id"), ("name", "Indikator"), ("year", "År"), ("value", "Verdi"))
    rated = _rated(path)
    assert (rated["L.1.1"], rated["L.1.2"]) == (("4.51", "desired"), ("3.9", "not_approved"))


def test_an_unknown_id_beside_a_name_stays_an_error_and_the_name_is_the_hint(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"Id;Indikator;År;Verdi\nL.1.1;{L11};2014;4,51\nL.1.3;{L12};2014;3,9\n")
    with pytest.raises(KpiError) as caught:
        _rated(path)
    assert [e.format() for e in caught.value.errors] == [
        f"{path}:3: error: unknown indicator 'L.1.3' (did you mean L.1.2? the name column names it) [unknown-indicator]"
    ]


def test_a_row_number_column_gives_way_to_the_name_beside_it(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"Nr;Indikator;År;Verdi\n1;L.1.1;2014;4,51\n2;{L12};2014;3,9\n")
    rated = _rated(path)
    assert (rated["L.1.1"], rated["L.1.2"]) == (("4.51", "desired"), ("3.9", "not_approved"))


@pytest.mark.parametrize("written", [L12, L12.upper(), "  " + L12.replace(" ", "  ").lower()])
def test_a_column_of_names_identifies_the_indicators_in_any_case(tmp_path: Path, written: str) -> None:
    path = _csv(tmp_path, f"Indikator;År;Verdi\nL.1.1;2014;4,51\n{written};2014;3,9\n")
    assert _rated(path)["L.1.2"] == ("3.9", "not_approved")


def test_a_hint_never_names_an_id_already_given_for_that_year_and_org_unit(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Indikator;År;Verdi\nL.1.1;2014;4,51\nL1.1;2014;4,6\nL1.1;2015;4,6\n")
    with pytest.raises(KpiError) as caught:
        _rated(path)
    assert [e.format() for e in caught.value.errors] == [
        f"{path}:3: error: unknown indicator 'L1.1' (did you mean L.2.1?) [unknown-indicator]",
        f"{path}:4: error: unknown indicator 'L1.1' (did you mean L.1.1?) [unknown-indicator]",  # not given for 2015
    ]


def test_verbose_names_the_column_read_for_each_role(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"Id;Indikator;År;Verdi;Kommentar\nL.1.1;{L11};2014;4,51;oppdiktet\n")
    result = cli_runner().invoke(
        main, ["evaluate", "-v", "--lang", "en", str(path), "--indicators", str(SEED_INDICATORS)]
    )
    assert result.exit_code == 0, result.output
    assert (
        f"{path}: read the columns indicator 'Id', name 'Indikator', year 'År', value 'Verdi', comment 'Kommentar'"
        in result.stderr.splitlines()
    )


def test_verbose_says_a_wide_table_has_a_column_per_year(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Indikator;2013;2014\nL.1.1;4,4;4,51\n")
    result = cli_runner().invoke(
        main, ["evaluate", "-v", "--lang", "en", str(path), "--indicators", str(SEED_INDICATORS)]
    )
    assert f"{path}: read the columns indicator 'Indikator' and one value column per year" in result.stderr


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_both_engines_read_an_id_and_name_table_alike(tmp_path: Path, engine: str) -> None:
    pytest.importorskip("duckdb")
    path = _csv(tmp_path, f"Id;Indikator;År;Verdi\nL.1.1;{L11};2014;4,51\nL.1.2;{L12};2014;4,6\n")
    args = ["evaluate", str(path), "--indicators", str(SEED_INDICATORS), "--format", "json", "--engine"]
    python, other = (cli_runner().invoke(main, [*args, each]) for each in ("python", engine))
    assert (other.exit_code, other.stdout) == (python.exit_code, python.stdout)
    assert python.exit_code == 0
