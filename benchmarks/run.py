"""Benchmark kpi evaluate against a floor measured in the same run. Standard library only.

Generates a deterministic synthetic scorecard and results file at each size
(indicators x org units x years; the file is written row by row, so 10 000 000
rows cost disk, not memory), then times whole-process runs of
``kpi evaluate FILE --format json -o OUT`` with ``--engine python`` and, when
DuckDB is installed, ``--engine duckdb`` (median of several) and their peak
memory, against a floor: a plain Python script that only reads the same CSV
with the csv module and converts the values to numbers. When pandas is
installed it also times the script an analyst would write: read_csv, each
value rated against its indicator's bands with numpy.select, to_json as JSON
lines. Also times start-up: ``kpi evaluate results/2014.csv`` (json and table)
against ``python -c "import click, yaml"``.

    python benchmarks/run.py              # 10 000, 100 000 and 1 000 000 rows
    python benchmarks/run.py --sizes 10000 100000 --repeat 3
    python benchmarks/run.py --sizes 10000000 --repeat 1   # the Python engine skipped (--python-max)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = """
import csv, sys
total = 0
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    reader = csv.reader(handle, delimiter=";")
    next(reader)
    for row in reader:
        value = row[3]
        if value:
            total += float(value.replace(",", "."))
print(total)
"""
# The DuckDB engine (kpi_cli.sql.engine, the `scale` extra) as a library: the same file rated by the
# compiled query and written as JSON lines, no report. Measured, with `kpi evaluate --engine duckdb`,
# when duckdb and sqlglot are installed.
ENGINE = """
import sys
from kpi_cli.definitions.load import load_definitions
from kpi_cli.sql.engine import rate
rated = rate(load_definitions(sys.argv[2]), [sys.argv[1]])
assert rated.read_by == "duckdb", rated.read_by
rated.write(sys.argv[3])
"""
# The script an analyst with pandas would write: read the semicolon CSV with decimal commas, join
# each row to its indicator's bands (read from the same indicators.yaml: ">= 60", "40 - 59,9",
# "< 40"), pick the status with numpy.select, write JSON lines. Rates as kpi does for this
# scorecard (every value has one decimal, so none falls between two bands; "between_bands" would
# say if one did). Measured when pandas is installed.
PANDAS = r"""
import re, sys
import numpy as np
import pandas as pd
import yaml

STATUSES = ["desired", "accepted", "not_approved"]


def interval(text):
    text = text.replace(",", ".").strip()
    if match := re.fullmatch(r"(>=|>|<=|<)\s*(-?[\d.]+)", text):
        sign, number = match[1], float(match[2])
        if sign.startswith(">"):
            return number, np.inf, sign == ">=", False
        return -np.inf, number, False, sign == "<="
    low, high = re.fullmatch(r"(-?[\d.]+)\s*-\s*(-?[\d.]+)", text).groups()
    return float(low), float(high), True, True


with open(sys.argv[2], encoding="utf-8") as handle:
    definitions = yaml.safe_load(handle)
bands = []
for area in definitions["focus_areas"]:
    for goal in area["goals"]:
        for indicator in goal["indicators"]:
            row = {"indicator": indicator["id"]}
            for status in STATUSES:
                names = [f"{status}_{end}" for end in ("low", "high", "low_in", "high_in")]
                row.update(zip(names, interval(indicator["bands"][status])))
            bands.append(row)

results = pd.read_csv(
    sys.argv[1], sep=";", decimal=",", header=0, names=["indicator", "year", "org_unit", "value"],
    dtype={"indicator": "category", "year": "int16", "org_unit": "category", "value": "float64"},
)
rated = results.merge(pd.DataFrame(bands), on="indicator", how="left")
value = rated["value"]


def inside(status):
    above = np.where(rated[f"{status}_low_in"], value >= rated[f"{status}_low"], value > rated[f"{status}_low"])
    below = np.where(rated[f"{status}_high_in"], value <= rated[f"{status}_high"], value < rated[f"{status}_high"])
    return above & below


conditions = [value.isna().to_numpy(), *(inside(status) for status in STATUSES)]
results["status"] = np.select(conditions, ["missing", *STATUSES], default="between_bands")
results.to_json(sys.argv[3], orient="records", lines=True, force_ascii=False)
"""
INDICATORS = 50
YEARS = 4


def definitions(indicators: int) -> str:
    """A scorecard with ``indicators`` indicators in 5 goals; bands like the seed's, some lower-is-better."""
    lines = [
        "scorecard: Syntetisk målekart (benchmark)",
        "language: nb",
        "focus_areas:",
        "  - id: B",
        "    name: Bench",
    ]
    lines.append("    goals:")
    per_goal = max(1, indicators // 5)
    for goal in range(5):
        lines += [f"      - id: B.{goal + 1}", f"        name: Mål {goal + 1}", "        indicators:"]
        for number in range(per_goal):
            ident = f"B.{goal + 1}.{number + 1}"
            lines += [f"          - id: {ident}", f"            name: Indikator {ident}", "            scale: [0, 100]"]
            lower_is_better = number % 2 == 1
            bands = ('"< 40"', '"40 - 59,9"', '">= 60"') if lower_is_better else ('">= 60"', '"40 - 59,9"', '"< 40"')
            lines += [
                "            bands:",
                f"              desired: {bands[0]}",
                f"              accepted: {bands[1]}",
                f"              not_approved: {bands[2]}",
            ]
    return "\n".join(lines) + "\n"


def results(path: Path, rows: int, indicators: int) -> None:
    """``rows`` results: indicators x org units x years, values with a decimal comma, some missing."""
    rng = random.Random(2014)
    per_goal = max(1, indicators // 5)
    ids = [f"B.{g + 1}.{n + 1}" for g in range(5) for n in range(per_goal)]
    units = max(1, rows // (len(ids) * YEARS))
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("indikator;år;tjenesteområde;verdi\n")
        written = 0
        for year in range(2020, 2020 + YEARS):
            for unit in range(units):
                for ident in ids:
                    value = "" if rng.random() < 0.02 else f"{rng.uniform(0, 100):.1f}".replace(".", ",")
                    handle.write(f"{ident};{year};Enhet {unit:05d};{value}\n")
                    written += 1
    assert written == len(ids) * units * YEARS


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(command: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(command) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def installed(*modules: str) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in modules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--python-max",
        type=int,
        default=1_000_000,
        metavar="ROWS",
        help="skip kpi --engine python above this many rows (10M rows would take minutes and ~10 GB)",
    )
    args = parser.parse_args()
    kpi = [sys.executable, "-m", "kpi_cli"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    engine = installed("duckdb", "sqlglot")
    pandas = installed("pandas", "yaml")
    extra = " kpi --engine duckdb s | ratio to floor | peak MB | library engine to JSONL s |" if engine else ""
    print(
        f"| rows | floor s | kpi s | rows/s | ratio to floor | peak MB | floor peak MB |{extra}"
        " pandas script s | ratio to floor | peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|---:|" if engine else "") + "---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "indicators.yaml").write_text(definitions(INDICATORS), encoding="utf-8")
        for name, script in (("floor.py", FLOOR), ("engine.py", ENGINE), ("pandas_script.py", PANDAS)):
            (work / name).write_text(script, encoding="utf-8")
        previous: tuple[int, float] | None = None
        for size in args.sizes:
            data = work / f"results-{size}.csv"
            results(data, size, INDICATORS)
            floor, floor_mb = median_run([sys.executable, str(work / "floor.py"), str(data)], args.repeat)
            command = [*kpi, "evaluate", str(data), "--indicators", str(work / "indicators.yaml")]
            command += ["--format", "json", "-o", str(work / "out.json"), "--fail-on", "never"]
            seconds: float | None = None
            python = f" skipped (over --python-max {args.python_max:,}) | | | |"
            if size <= args.python_max:
                seconds, peak = median_run([*command, "--engine", "python"], args.repeat)
                python = f" {seconds:.2f} | {size / seconds:,.0f} | {seconds / floor:.1f}x | {peak:.0f} |"
            cells = ""
            if engine:
                duck, duck_mb = median_run([*command, "--engine", "duckdb"], args.repeat)
                rated = [sys.executable, str(work / "engine.py"), str(data), str(work / "indicators.yaml")]
                library, _ = median_run([*rated, str(work / "out.jsonl")], args.repeat)
                cells = f" {duck:.2f} | {duck / floor:.1f}x | {duck_mb:.0f} | {library:.2f} |"
            analyst = " not installed | | |"
            if pandas:
                script = [sys.executable, str(work / "pandas_script.py"), str(data), str(work / "indicators.yaml")]
                by_hand, hand_mb = median_run([*script, str(work / "pandas.jsonl")], args.repeat)
                analyst = f" {by_hand:.2f} | {by_hand / floor:.1f}x | {hand_mb:.0f} |"
            print(f"| {size:,} | {floor:.2f} |{python} {floor_mb:.0f} |{cells}{analyst}".replace(",", " "))
            if previous and seconds is not None:
                rows_before, seconds_before = previous
                growth = (seconds / seconds_before) / (size / rows_before)
                print(f"|  | | | | time per row x{growth:.2f} vs {rows_before:,} rows | | |".replace(",", " "))
            previous = (size, seconds) if seconds is not None else None
    print()
    baseline, _ = median_run([sys.executable, "-c", "import click, yaml"], 7)
    seed = str(ROOT / "results" / "2014.csv")
    seed_defs = str(ROOT / "indicators.yaml")
    as_json, _ = median_run([*kpi, "evaluate", seed, "--indicators", seed_defs, "--format", "json"], 7)
    as_table, _ = median_run([*kpi, "evaluate", seed, "--indicators", seed_defs], 7)
    print("| start-up | seconds | ratio to `import click, yaml` |")
    print("|---|---:|---:|")
    print(f"| python -c 'import click, yaml' | {baseline:.3f} | 1.0x |")
    print(f"| kpi evaluate results/2014.csv --format json | {as_json:.3f} | {as_json / baseline:.2f}x |")
    print(f"| kpi evaluate results/2014.csv (table) | {as_table:.3f} | {as_table / baseline:.2f}x |")


if __name__ == "__main__":
    main()
