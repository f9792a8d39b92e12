"""`kpi init`: a commented indicators.yaml in four languages and a results file to fill in, never
over an existing file; every command in a folder without definitions says how to make them."""

from __future__ import annotations

import datetime
import errno
import os

import pytest

from kpi_cli.drafting.starter import _WORDS, LANGUAGES, starter_yaml

COMMANDS = [
    "  kpi validate",
    "  kpi evaluate results/2030.csv",
    "  kpi evaluate results/2030.csv --format html -o report.html",
]
# What kpi init says, in the --language it writes (issue 24: every line in the output language).
SAID = {
    "nb": (
        ["skrev indicators.yaml", "skrev results/2030.csv", "neste:"],
        "1 fokusområde, 1 mål, 3 indikatorer, 0 advarsler",
    ),
    "nn": (
        ["skreiv indicators.yaml", "skreiv results/2030.csv", "neste:"],
        "1 fokusområde, 1 mål, 3 indikatorar, 0 åtvaringar",
    ),
    "sv": (
        ["skrev indicators.yaml", "skrev results/2030.csv", "nästa:"],
        "1 fokusområde, 1 mål, 3 indikatorer, 0 varningar",
    ),
    "en": (
        ["wrote indicators.yaml", "wrote results/2030.csv", "next:"],
        "1 focus area, 1 goal, 3 indicators, 0 warnings",
    ),
}


def test_every_language_has_every_text() -> None:
    assert set(_WORDS) == set(LANGUAGES)
    keys = set(_WORDS["nb"])
    assert all(set(words) == keys for words in _WORDS.values())


@pytest.mark.parametrize(
    ("language", "comment", "desired"),
    [
        ("nb", "# Ett eksempel på hver form", '"4,5 - 6"'),
        ("nn", "# Eitt døme på kvar form", '"4,5 - 6"'),
        ("sv", "# Ett exempel på varje form", '"4,5 - 6"'),
        ("en", "# One example of each form", '"4.5 - 6"'),
    ],
)
def test_init_writes_definitions_and_a_results_file_that_evaluate(
    kpi, tmp_path, monkeypatch, assert_ok, language, comment, desired
) -> None:
    monkeypatch.chdir(tmp_path)
    result = kpi("init", "--language", language, "--year", "2030")
    assert_ok(result, 0)
    wrote, counts = SAID[language]
    assert result.stdout.splitlines() == [*wrote, *COMMANDS]
    assert result.stderr == ""
    text = (tmp_path / "indicators.yaml").read_text(encoding="utf-8")
    assert comment in text
    assert f"language: {language}" in text
    assert f"desired: {desired}" in text  # three bands
    assert 'target: "7 %"' in text and "direction: lower" in text  # a single target with a direction
    assert "phase_in: 2031" in text  # a phase-in year: the year after
    separator = "," if language == "en" else ";"
    lines = (tmp_path / "results" / "2030.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(separator)[:3] for line in lines[1:]] == [["S.1.1", "2030", ""], ["S.1.2", "2030", ""]]
    validated = kpi("validate")
    assert_ok(validated, 0)
    assert validated.stdout == f"indicators.yaml: ok: {counts}\n"
    evaluated = kpi("evaluate", "results/2030.csv", "--format", "csv")
    assert_ok(evaluated, 0)
    statuses = [line.split(separator)[8] for line in evaluated.stdout.splitlines()[1:]]
    assert statuses == ["missing", "missing", "not_phased_in"]


def test_init_in_a_folder_and_this_year_by_default(kpi, tmp_path, monkeypatch, assert_ok) -> None:
    monkeypatch.chdir(tmp_path)
    year = datetime.date.today().year
    result = kpi("init", "mitt kart")
    assert_ok(result, 0)
    assert result.stdout.splitlines()[:3] == [
        "skrev mitt kart/indicators.yaml",  # --language nb, the default
        f"skrev mitt kart/results/{year}.csv",
        "neste, i mitt kart:",
    ]
    assert (tmp_path / "mitt kart" / "results" / f"{year}.csv").is_file()
    assert f"phase_in: {year + 1}" in (tmp_path / "mitt kart" / "indicators.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("existing", ["indicators.yaml", "results/2030.csv"])
def test_init_never_overwrites(kpi, tmp_path, monkeypatch, write, assert_error, existing) -> None:
    monkeypatch.chdir(tmp_path)
    write(existing, "mine\n")
    result = kpi("init", "--year", "2030")
    message = "error: already exists: kpi init never writes over a file (move it away, or give another DIR)"
    assert_error(result, [f"{existing}: {message} [file-exists]"])
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [existing.rsplit("/", 1)[-1]]


def test_init_leaves_no_part_of_a_file_when_stopped_while_writing(kpi, tmp_path, monkeypatch) -> None:
    """A file is written whole or not at all: stopped between writing and placing it, nothing is left."""
    monkeypatch.chdir(tmp_path)

    def stopped(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kpi_cli.cli.output.os.link", stopped)
    kpi("init", "--year", "2030")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []


def test_init_keeps_a_file_made_while_it_wrote_and_writes_without_hard_links(
    kpi, tmp_path, monkeypatch, assert_error, assert_ok
) -> None:
    monkeypatch.chdir(tmp_path)
    real_link = os.link

    def someone_else_first(source: str, target: str) -> None:
        with open(target, "w", encoding="utf-8") as made:  # made between kpi's check and its write
            made.write("mine\n")
        real_link(source, target)

    monkeypatch.setattr("kpi_cli.cli.output.os.link", someone_else_first)
    result = kpi("init", "--year", "2030")
    assert_error(result, ["indicators.yaml: error: already exists: kpi init never writes over a file [file-exists]"])
    assert (tmp_path / "indicators.yaml").read_text(encoding="utf-8") == "mine\n"
    (tmp_path / "indicators.yaml").unlink()

    def unsupported(source: str, target: str) -> None:  # FAT, some network shares
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr("kpi_cli.cli.output.os.link", unsupported)
    assert_ok(kpi("init", "--year", "2030"), 0)
    assert "phase_in: 2031" in (tmp_path / "indicators.yaml").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".kpi-*"))


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", "2014.csv"),
        ("history", "2014.csv"),
        ("status",),
        ("validate",),
        ("explain", "L.1.1", "4"),
        ("template",),
        ("sql",),
    ],
)
def test_every_command_without_definitions_says_kpi_init_makes_them(
    kpi, tmp_path, monkeypatch, write, assert_error, args
) -> None:
    monkeypatch.chdir(tmp_path)  # no indicators.yaml here
    write("2014.csv", "indikator;verdi\nL.1.1;4,51\n")  # made up
    message = "no indicators.yaml here: kpi init makes one (or give --indicators PATH or set KPI_INDICATORS)"
    assert_error(kpi(*args), [f"indicators.yaml: error: {message} [unreadable-file]"])


def test_definitions_named_in_another_folder_point_kpi_init_there(kpi, tmp_path, monkeypatch, assert_error) -> None:
    monkeypatch.chdir(tmp_path)
    message = (
        "no indicators.yaml here: kpi init 'mitt kart' makes one (or give --indicators PATH or set KPI_INDICATORS)"
    )
    result = kpi("status", "--indicators", "mitt kart/indicators.yaml")
    assert_error(result, [f"mitt kart/indicators.yaml: error: {message} [unreadable-file]"])


def test_starter_phase_in_follows_the_year() -> None:
    assert "phase_in: 2041" in starter_yaml("nb", 2040)
