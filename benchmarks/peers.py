"""The peers ``run.py`` times against ``kpi`` on the same work: scripts an analyst would write.

Each reads the benchmark's results CSV (semicolons, decimal commas, 2 % empty cells) and its
``indicators.yaml`` (three bands a indicator written as ``"4,5 - 6"``, gap policy ``worse``),
rates every value as ``kpi evaluate`` does for that scorecard (inside a band: its status; in a gap
between two bands: the worse of the two; no value: missing) and writes Parquet with the columns
indicator, year, org_unit, value, status, in_gap. ``run.py`` checks every peer's statuses equal
to kpi's Parquet. Made-up data throughout.
"""

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

# The bands as a table, left to right: what every script below reads from indicators.yaml.
BANDS = """
import yaml

RANKS = {"desired": 0, "accepted": 1, "not_approved": 2}
NAMES = ["desired", "accepted", "not_approved"]


def band_rows(path):
    '''One row per indicator: each of its three bands' low, high and rank, left to right.'''
    with open(path, encoding="utf-8") as handle:
        definitions = yaml.safe_load(handle)
    rows = []
    for area in definitions["focus_areas"]:
        for goal in area["goals"]:
            for indicator in goal["indicators"]:
                found = []
                for status, text in indicator["bands"].items():
                    low, high = (float(end.strip().replace(",", ".")) for end in text.split(" - "))
                    found.append((low, high, RANKS[status]))
                row = {"indicator": indicator["id"]}
                for place, (low, high, rank) in enumerate(sorted(found)):
                    row.update({f"low{place}": low, f"high{place}": high, f"rank{place}": rank})
                rows.append(row)
    return rows
"""

PANDAS = (
    BANDS
    + """
import sys
import numpy as np
import pandas as pd

results = pd.read_csv(
    sys.argv[1], sep=";", decimal=",", header=0, names=["indicator", "year", "org_unit", "value"],
    dtype={"indicator": "category", "year": "int32", "org_unit": "category", "value": "float64"},
)
rated = results.merge(pd.DataFrame(band_rows(sys.argv[2])), on="indicator", how="left")
v = rated["value"]
inside = [(v >= rated[f"low{p}"]) & (v <= rated[f"high{p}"]) for p in range(3)]
gaps = [(v > rated[f"high{p}"]) & (v < rated[f"low{p + 1}"]) for p in range(2)]
worse = [np.maximum(rated[f"rank{p}"], rated[f"rank{p + 1}"]) for p in range(2)]
rank = np.select(inside + gaps, [rated[f"rank{p}"] for p in range(3)] + worse, default=-1)
status = np.where(v.isna(), "missing", np.array(NAMES + ["missing"])[rank])
out = results.assign(status=status, in_gap=np.logical_or.reduce(gaps))
out.to_parquet(sys.argv[3], index=False)
"""
)

POLARS = (
    BANDS
    + """
import sys
import polars as pl

results = pl.read_csv(
    sys.argv[1], separator=";", decimal_comma=True, has_header=True,
    new_columns=["indicator", "year", "org_unit", "value"],
    schema_overrides={"indikator": pl.Utf8, "år": pl.Int32, "tjenesteområde": pl.Utf8, "verdi": pl.Float64},
)
bands = pl.DataFrame(band_rows(sys.argv[2]))
v = pl.col("value")
inside = [(v >= pl.col(f"low{p}")) & (v <= pl.col(f"high{p}")) for p in range(3)]
gaps = [(v > pl.col(f"high{p}")) & (v < pl.col(f"low{p + 1}")) for p in range(2)]
rank = (
    pl.when(inside[0]).then(pl.col("rank0")).when(inside[1]).then(pl.col("rank1"))
    .when(inside[2]).then(pl.col("rank2"))
    .when(gaps[0]).then(pl.max_horizontal("rank0", "rank1")).when(gaps[1]).then(pl.max_horizontal("rank1", "rank2"))
)
status = pl.when(v.is_null()).then(pl.lit("missing")).otherwise(rank.replace_strict([0, 1, 2], NAMES, default=None))
(
    results.join(bands, on="indicator", how="left")
    .with_columns(status=status, in_gap=(gaps[0] | gaps[1]).fill_null(False))
    .select("indicator", "year", "org_unit", "value", "status", "in_gap")
    .write_parquet(sys.argv[3])
)
"""
)

# DuckDB alone, as an analyst would use it: the CSV read with its decimal comma, the bands joined on
# the indicator, exact DECIMAL comparisons, Parquet written by DuckDB.
DUCKDB = (
    BANDS
    + """
import sys
import duckdb

con = duckdb.connect()
rows = band_rows(sys.argv[2])
columns = list(rows[0])
con.execute("CREATE TABLE bands (indicator VARCHAR, " + ", ".join(
    f"{name} {'INT' if name.startswith('rank') else 'DECIMAL(18, 3)'}" for name in columns[1:]) + ")")
con.execute("INSERT INTO bands SELECT " + ", ".join(f"unnest(${n + 1})" for n in range(len(columns))),
            [[str(row[name]) for row in rows] for name in columns])
gap = "(value > high{0} AND value < low{1})"
con.execute(f'''
COPY (
  SELECT indicator, year, org_unit, value,
    CASE WHEN value IS NULL THEN 'missing' ELSE
      ['desired', 'accepted', 'not_approved'][1 + CASE
        WHEN value BETWEEN low0 AND high0 THEN rank0 WHEN value BETWEEN low1 AND high1 THEN rank1
        WHEN value BETWEEN low2 AND high2 THEN rank2
        WHEN {gap.format(0, 1)} THEN greatest(rank0, rank1) WHEN {gap.format(1, 2)} THEN greatest(rank1, rank2) END]
    END AS status,
    coalesce({gap.format(0, 1)} OR {gap.format(1, 2)}, false) AS in_gap
  FROM read_csv('{sys.argv[1]}', delim = ';', decimal_separator = ',', header = true,
                names = ['indicator', 'year', 'org_unit', 'value'],
                types = {{'indicator': 'VARCHAR', 'year': 'INT', 'org_unit': 'VARCHAR', 'value': 'DECIMAL(18, 3)'}})
  JOIN bands USING (indicator)
) TO '{sys.argv[3]}' (FORMAT parquet)
''')
"""
)

SCRIPTS = {"floor": FLOOR, "pandas": PANDAS, "polars": POLARS, "duckdb alone": DUCKDB}
MODULES = {
    "floor": (),
    "pandas": ("pandas", "pyarrow", "yaml"),
    "polars": ("polars", "yaml"),
    "duckdb alone": ("duckdb", "yaml"),
}
