"""Benchmark kpi evaluate against a floor and the peers, on the same work, in one run.

Generates a deterministic made-up scorecard shaped like the seed and a results file per size:
indicators × org units × years (100 000 rows: 50 × 500 × 4; 1 000 000: 500 × 200 × 10;
10 000 000: 500 × 2 000 × 10), every indicator with the seed's gapped bands ``4,5 - 6``,
``4 - 4,4``, ``0 - 3,9`` (half of them lower-is-better, the same bands the other way round),
gap policy ``worse``, values with two decimals (about 3 % fall in a gap), 2 % empty cells,
decimal commas. The file is written row by row, so 10 000 000 rows cost disk, not memory.

Times whole processes (median of ``--repeat``) and their peak memory: the floor (the csv module
and a float per row), the peers of ``peers.py`` when installed (pandas, polars and DuckDB alone,
each rating every value and writing Parquet), and ``kpi evaluate`` writing Parquet (``-o
out.parquet``), ``--format csv``, ``jsonl`` and ``json`` with ``--engine auto``, and ``json``
with ``--engine python`` (the core; skipped above ``--python-max``). Every peer's statuses and regressions are
checked equal to kpi's Parquet (with DuckDB, when installed). Then start-up:
``kpi evaluate results/2014.csv`` (json and table) against ``python -c "import click, yaml"``.

    python benchmarks/run.py                               # 100 000 and 1 000 000 rows
    python benchmarks/run.py --sizes 10000000 --repeat 1   # the core skipped (--python-max)
    python benchmarks/run.py --sizes 20000 50000 --only kpi-json core   # where auto's threshold lies
    python benchmarks/run.py --only startup                # the start-up rows alone
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import MODULES, SCRIPTS

ROOT = Path(__file__).resolve().parent.parent
SHAPES = {100_000: (50, 500, 4), 1_000_000: (500, 200, 10), 10_000_000: (500, 2_000, 10)}
SEED_BANDS = ("4,5 - 6", "4 - 4,4", "0 - 3,9")  # desired, accepted, not_approved (higher is better)
KPI_RUNS = {  # name: (arguments after the file, output suffix)
    "kpi-parquet": ([], ".parquet"),
    "kpi-csv": (["--format", "csv"], ".csv"),
    "kpi-jsonl": (["--format", "jsonl"], ".jsonl"),
    "kpi-json": (["--format", "json"], ".json"),
    "core": (["--format", "json", "--engine", "python"], ".json"),
}


def shape(size: int, indicators: int | None = None, years: int | None = None) -> tuple[int, int, int]:
    """(indicators, org units, years) for ``size`` rows: the table above, else 50 indicators × 4
    years, or the indicators and years asked for, with as many org units as make ``size``."""
    if indicators is None and years is None and size in SHAPES:
        return SHAPES[size]
    indicators, years = indicators or 50, years or 4
    return indicators, max(1, size // (indicators * years)), years


def definitions(indicators: int) -> str:
    """``indicators`` indicators in 5 goals, each with the seed's bands, every second lower-is-better."""
    lines = ["scorecard: Syntetisk målekart (benchmark, oppdiktet)", "language: nb", "gap_policy: worse"]
    lines += ["focus_areas:", "  - id: B", "    name: Bench", "    goals:"]
    for goal in range(5):
        lines += [f"      - id: B.{goal + 1}", f"        name: Mål {goal + 1}", "        indicators:"]
        for number in range(indicators // 5):
            ident = f"B.{goal + 1}.{number + 1}"
            lines += [f"          - id: {ident}", f"            name: Indikator {ident}", "            scale: [0, 6]"]
            bands = SEED_BANDS if number % 2 == 0 else SEED_BANDS[::-1]
            lines += ["            bands:"] + [
                f'              {status}: "{band}"'
                for status, band in zip(("desired", "accepted", "not_approved"), bands, strict=True)
            ]
    return "\n".join(lines) + "\n"


def results(path: Path, indicators: int, units: int, years: int) -> None:
    """Every indicator × org unit × year, values 0,00-6,00 with a decimal comma, 2 % empty."""
    rng = random.Random(2014)
    ids = [f"B.{g + 1}.{n + 1}" for g in range(5) for n in range(indicators // 5)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("indikator;år;tjenesteområde;verdi\n")
        for year in range(2015, 2015 + years):
            for unit in range(units):
                lines = []
                for ident in ids:
                    value = "" if rng.random() < 0.02 else f"{rng.randint(0, 600) / 100:.2f}".replace(".", ",")
                    lines.append(f"{ident};{year};Enhet {unit:05d};{value}\n")
                handle.write("".join(lines))


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system, all threads) and peak resident memory (MB) of one
    whole process. On a shared machine the CPU seconds move less than the wall clock."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in ((0, 1) if "kpi_cli" in command else (0,)):  # kpi exits 1 when the gate fails
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_run(command: list[str], repeat: int) -> tuple[float, float, float]:
    runs = [run(command) for _ in range(repeat)]
    return statistics.median(t for t, _, _ in runs), statistics.median(c for _, c, _ in runs), max(m for *_, m in runs)


def installed(*modules: str) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in modules)


def differing(kpi: Path, peer: Path) -> int:
    """How many results' statuses or regressions differ between kpi's Parquet and a peer's (or are in one only)."""
    import duckdb

    query = (
        f"SELECT count(*) FROM read_parquet('{kpi}') k FULL JOIN read_parquet('{peer}') p "
        "ON k.indicator = p.indicator AND k.year = p.year AND k.org_unit = p.org_unit "
        "WHERE k.status IS DISTINCT FROM p.status OR k.regression IS DISTINCT FROM p.regression"
    )
    return int(duckdb.sql(query).fetchall()[0][0])


def programs(work: Path, data: Path, size: int, python_max: int) -> dict[str, tuple[list[str], Path | None]]:
    """Each program's command and the Parquet it writes (to compare statuses), in the order run:
    the floor (every ratio is to it), kpi (its Parquet is what the peers are compared with), the peers."""
    found: dict[str, tuple[list[str], Path | None]] = {
        "floor": ([sys.executable, str(work / "peer_floor.py"), str(data)], None)
    }
    kpi = [sys.executable, "-m", "kpi_cli", "evaluate", str(data), "--indicators", str(work / "indicators.yaml")]
    for name, (args, suffix) in KPI_RUNS.items():
        if name == "core" and size > python_max:
            continue
        out = work / f"{name}{suffix}"
        found[name] = ([*kpi, *args, "-o", str(out), "--fail-on", "never"], out if name == "kpi-parquet" else None)
    for name, modules in MODULES.items():
        if name != "floor" and installed(*modules):
            out = work / f"{name.replace(' ', '-')}.parquet"
            script = [sys.executable, str(work / f"peer_{name.replace(' ', '_')}.py"), str(data)]
            found[name] = ([*script, str(work / "indicators.yaml"), str(out)], out)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--python-max", type=int, default=1_000_000, metavar="ROWS", help="skip the core above")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these programs (and the floor)")
    parser.add_argument("--indicators", type=int, help="indicators (a multiple of 5) instead of the table's shape")
    parser.add_argument("--years", type=int, help="years instead of the table's shape")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    if args.only != ["startup"]:
        sizes(args)
    startup()


def sizes(args: argparse.Namespace) -> None:
    print("| rows | indicators × org units × years | program | s | × floor | CPU s | peak MB | as kpi's |")
    print("|---:|---|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, script in SCRIPTS.items():
            (work / f"peer_{name.replace(' ', '_')}.py").write_text(script, encoding="utf-8")
        for size in args.sizes:
            indicators, units, years = shape(size, args.indicators, args.years)
            (work / "indicators.yaml").write_text(definitions(indicators), encoding="utf-8")
            data = work / f"results-{size}.csv"
            results(data, indicators, units, years)
            rows = indicators // 5 * 5 * units * years
            floor = None
            written = programs(work, data, size, args.python_max)
            kpi_parquet = written.get("kpi-parquet", ([], None))[1]
            for name, (command, out) in written.items():
                if args.only and name != "floor" and name not in args.only:
                    continue
                seconds, cpu, peak = median_run(command, args.repeat)
                floor = floor or seconds
                same = ""
                if out is not None and kpi_parquet is not None and kpi_parquet.exists() and installed("duckdb"):
                    wrong = differing(kpi_parquet, out)
                    same = "yes" if not wrong else f"**no: {wrong} differ**"
                where = f"{rows:,} | {indicators} × {units:,} × {years}"
                cells = f"{where} | {name} | {seconds:.2f} | {seconds / floor:.1f}× | {cpu:.2f} | {peak:.0f} | {same}"
                print(f"| {cells.replace(',', ' ')} |", flush=True)
    print()


def startup() -> None:
    """``kpi evaluate results/2014.csv`` (json and table) against ``python -c "import click, yaml"``:
    median wall and CPU seconds of 7 runs each (the CPU time moves less on a loaded machine)."""
    baseline, baseline_cpu, _ = median_run([sys.executable, "-c", "import click, yaml"], 7)
    seed = [sys.executable, "-m", "kpi_cli", "evaluate", str(ROOT / "results" / "2014.csv")]
    seed += ["--indicators", str(ROOT / "indicators.yaml")]
    print("| start-up | seconds | ratio to `import click, yaml` | CPU seconds | CPU ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| python -c 'import click, yaml' | {baseline:.3f} | 1.0x | {baseline_cpu:.3f} | 1.0x |")
    for name, command in (("--format json", [*seed, "--format", "json"]), ("(table)", seed)):
        wall, cpu, _ = median_run(command, 7)
        cells = f"{wall:.3f} | {wall / baseline:.2f}x | {cpu:.3f} | {cpu / baseline_cpu:.2f}x"
        print(f"| kpi evaluate results/2014.csv {name} | {cells} |")


if __name__ == "__main__":
    main()
