"""The peers ``run.py`` times against ``kpi`` on the same work: scripts an analyst would write.

Each reads the benchmark's results CSV (semicolons, decimal commas, 2 % empty cells) and its
``indicators.yaml`` (three bands a indicator written as ``"4,5 - 6"``, gap policy ``worse``),
rates every value as ``kpi evaluate`` does for that scorecard (inside a band: its status; in a gap
between two bands: the worse of the two; no value: missing) and writes Parquet with the columns of
kpi's Parquet (the fields of a JSON result): the value and the value as written, status, in_gap, a
reason ("4.08 lies in 4 - 4.4"; in a gap "lies between ... and ..."), the change from the last
year before with a value (previous year, value and status, delta, better by the indicator's
direction), regression, failing (the last year's not_approved), the row's file and line. The
columns kpi fills from what this scorecard has none of (absence, bands_from, bands_org_unit,
computed, note, base, comment, actions, benchmarks) and phase_in_state are literals. pandas writes
``change`` and ``source`` as flat columns (``change_previous_year`` ... ``source_path``,
``source_line``), polars and DuckDB as structs, as kpi does. ``run.py`` checks every peer's
statuses and regressions equal to kpi's Parquet. Made-up data throughout.
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
    '''One row per indicator: each of its three bands' low, high, rank and text, left to right,
    and its direction (higher is better when the desired band is the right-most).'''
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
                    text = f"{low:g} - {high:g}"
                    row.update({f"low{place}": low, f"high{place}": high, f"rank{place}": rank, f"text{place}": text})
                row["direction"] = "higher" if row["rank2"] == 0 else "lower"
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
    sys.argv[1], sep=";", header=0, names=["indicator", "year", "org_unit", "value_text"],
    dtype={"indicator": "category", "year": "int32", "org_unit": "category", "value_text": "string"},
)
results["source_line"] = np.arange(2, len(results) + 2)
results["value"] = pd.to_numeric(results["value_text"].str.replace(",", ".", regex=False)).astype("float64")
rated = results.merge(pd.DataFrame(band_rows(sys.argv[2])), on="indicator", how="left")
v = rated["value"]
inside = [(v >= rated[f"low{p}"]) & (v <= rated[f"high{p}"]) for p in range(3)]
gaps = [(v > rated[f"high{p}"]) & (v < rated[f"low{p + 1}"]) for p in range(2)]
worse = [np.maximum(rated[f"rank{p}"], rated[f"rank{p + 1}"]) for p in range(2)]
rank = np.select(inside + gaps, [rated[f"rank{p}"] for p in range(3)] + worse, default=-1)
rated["rank"] = pd.Series(rank, index=rated.index).where(rank >= 0)
rated["status"] = np.where(v.isna(), "missing", np.array(NAMES + ["missing"])[rank])
rated["in_gap"] = np.logical_or.reduce(gaps)
written = rated["value_text"].str.replace(",", ".", regex=False).astype(object)
band = np.select(inside, [rated[f"text{p}"] for p in range(3)], default="")
between = np.select(gaps, [rated["text0"] + " and " + rated["text1"], rated["text1"] + " and " + rated["text2"]], "")
rated["reason"] = np.where(
    band != "", written + " lies in " + band, np.where(between != "", written + " lies between " + between, None)
)
rated = rated.sort_values(["indicator", "org_unit", "year"])
keys = [rated["indicator"], rated["org_unit"]]
has = rated["value"].notna()


def previous(column):
    shifted = rated[column].where(has).groupby(keys, sort=False, observed=True).shift(1)
    return shifted.groupby(keys, sort=False, observed=True).ffill()


previous_rank = previous("rank")
previous_value = previous("value")
delta = rated["value"] - previous_value
changed = delta.notna()  # kpi's change: only where there is a delta
rated["change_previous_year"] = previous("year").where(changed)
rated["change_previous_value"] = previous_value.where(changed)
statuses = np.array(NAMES + [None], dtype=object)[previous_rank.fillna(3).astype(int)]
rated["change_previous_status"] = np.where(changed, statuses, None)
rated["change_delta"] = delta
higher = np.where(rated["direction"] == "higher", delta > 0, delta < 0)
rated["change_better"] = pd.Series(higher, index=rated.index, dtype="boolean").mask(delta.isna() | (delta == 0))
rated["regression"] = (rated["rank"] > previous_rank).fillna(False)
rated["failing"] = (rated["year"] == rated["year"].max()) & (rated["status"] == "not_approved")
rated["value_text"] = rated["value_text"].fillna("")  # an empty cell as written
rated["source_path"] = sys.argv[1]
for name in ("absence", "bands_from", "bands_org_unit", "computed", "note", "base", "comment", "actions"):
    rated[name] = None
rated["phase_in_state"] = "active"
rated["benchmarks"] = [[] for _ in range(len(rated))]
rated[[
    "indicator", "year", "org_unit", "value", "value_text", "absence", "status", "phase_in_state", "bands_from",
    "bands_org_unit", "in_gap", "reason", "change_previous_year", "change_previous_value", "change_previous_status",
    "change_delta", "change_better", "regression", "failing", "computed", "note", "base", "comment", "actions",
    "source_path", "source_line", "benchmarks",
]].to_parquet(sys.argv[3], index=False)
"""
)

POLARS = (
    BANDS
    + """
import sys
import polars as pl

results = pl.read_csv(
    sys.argv[1], separator=";", has_header=True, new_columns=["indicator", "year", "org_unit", "value_text"],
    schema_overrides={"indikator": pl.Utf8, "år": pl.Int32, "tjenesteområde": pl.Utf8, "verdi": pl.Utf8},
).with_columns(line=pl.int_range(2, pl.len() + 2, dtype=pl.Int64))
bands = pl.DataFrame(band_rows(sys.argv[2]))
v = pl.col("value")
inside = [(v >= pl.col(f"low{p}")) & (v <= pl.col(f"high{p}")) for p in range(3)]
gaps = [(v > pl.col(f"high{p}")) & (v < pl.col(f"low{p + 1}")) for p in range(2)]
rank = (
    pl.when(inside[0]).then(pl.col("rank0")).when(inside[1]).then(pl.col("rank1"))
    .when(inside[2]).then(pl.col("rank2"))
    .when(gaps[0]).then(pl.max_horizontal("rank0", "rank1")).when(gaps[1]).then(pl.max_horizontal("rank1", "rank2"))
)
written = pl.col("value_text").str.replace(",", ".", literal=True)
reason = (
    pl.when(inside[0]).then(pl.format("{} lies in {}", written, "text0"))
    .when(inside[1]).then(pl.format("{} lies in {}", written, "text1"))
    .when(inside[2]).then(pl.format("{} lies in {}", written, "text2"))
    .when(gaps[0]).then(pl.format("{} lies between {} and {}", written, "text0", "text1"))
    .when(gaps[1]).then(pl.format("{} lies between {} and {}", written, "text1", "text2"))
)
has = v.is_not_null()


def previous(column):
    return pl.when(has).then(pl.col(column)).shift(1).forward_fill().over(["indicator", "org_unit"])


delta = v - pl.col("previous_value")
better = pl.when(delta == 0).then(None).when(pl.col("direction") == "higher").then(delta > 0).otherwise(delta < 0)
change = pl.struct(
    previous_year="previous_year", previous_value="previous_value",
    previous_status=pl.col("previous_rank").replace_strict([0, 1, 2], NAMES, default=None),
    delta=delta, better=better,
)
none = pl.lit(None, pl.Utf8)
(
    results.with_columns(value=written.cast(pl.Float64))
    .join(bands, on="indicator", how="left")
    .with_columns(rank=rank, in_gap=(gaps[0] | gaps[1]).fill_null(False), reason=reason)
    .with_columns(status=pl.when(has.not_()).then(pl.lit("missing")).otherwise(
        pl.col("rank").replace_strict([0, 1, 2], NAMES, default=None)))
    .sort(["indicator", "org_unit", "year"])
    .with_columns(previous_year=previous("year"), previous_value=previous("value"), previous_rank=previous("rank"))
    .select(
        "indicator", "year", "org_unit", "value", pl.col("value_text").fill_null(""), none.alias("absence"), "status",
        pl.lit("active").alias("phase_in_state"), pl.lit(None, pl.Int32).alias("bands_from"),
        none.alias("bands_org_unit"), "in_gap", "reason",
        pl.when(delta.is_not_null()).then(change).alias("change"),
        (pl.col("rank") > pl.col("previous_rank")).fill_null(False).alias("regression"),
        ((pl.col("year") == pl.col("year").max()) & (pl.col("status") == "not_approved")).alias("failing"),
        none.alias("computed"), none.alias("note"), none.alias("base"), none.alias("comment"), none.alias("actions"),
        pl.struct(path=pl.lit(sys.argv[1]), line="line").alias("source"),
        pl.lit([], pl.List(pl.Utf8)).alias("benchmarks"),
    )
    .write_parquet(sys.argv[3])
)
"""
)

# DuckDB alone, as an analyst would use it: the CSV read with its decimal comma, the bands joined on
# the indicator, exact DECIMAL comparisons, the year before by a window, Parquet written by DuckDB.
DUCKDB = (
    BANDS
    + """
import sys
import duckdb

con = duckdb.connect()
rows = band_rows(sys.argv[2])
columns = list(rows[0])
kinds = {"rank": "INT", "text": "VARCHAR", "direction": "VARCHAR"}
con.execute("CREATE TABLE bands (indicator VARCHAR, " + ", ".join(
    f"{name} {next((t for k, t in kinds.items() if name.startswith(k)), 'DECIMAL(18, 3)')}" for name in columns[1:])
    + ")")
con.execute("INSERT INTO bands SELECT " + ", ".join(f"unnest(${n + 1})" for n in range(len(columns))),
            [[str(row[name]) for row in rows] for name in columns])
con.execute(f"CREATE TABLE results AS SELECT * FROM read_csv('{sys.argv[1]}', delim = ';', header = true, "
            "names = ['indicator', 'year', 'org_unit', 'value_text'], types = {'indicator': 'VARCHAR', "
            "'year': 'INT', 'org_unit': 'VARCHAR', 'value_text': 'VARCHAR'})")
gap = "(value > high{0} AND value < low{1})"
inside = "value BETWEEN low{0} AND high{0}"
written = "replace(value_text, ',', '.')"
previous = ("last_value(CASE WHEN value IS NOT NULL THEN {0} END IGNORE NULLS) OVER (PARTITION BY indicator, "
            "org_unit ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)")
names = "['desired', 'accepted', 'not_approved']"
con.execute(f'''
COPY (
  WITH valued AS (
    SELECT *, {written}::DECIMAL(18, 3) AS value, rowid + 2 AS line FROM results
  ), rated AS (
    SELECT v.*, b.* EXCLUDE (indicator), CASE
        WHEN {inside.format(0)} THEN rank0 WHEN {inside.format(1)} THEN rank1 WHEN {inside.format(2)} THEN rank2
        WHEN {gap.format(0, 1)} THEN greatest(rank0, rank1) WHEN {gap.format(1, 2)} THEN greatest(rank1, rank2) END
      AS rank,
      CASE WHEN {inside.format(0)} THEN {written} || ' lies in ' || text0
        WHEN {inside.format(1)} THEN {written} || ' lies in ' || text1
        WHEN {inside.format(2)} THEN {written} || ' lies in ' || text2
        WHEN {gap.format(0, 1)} THEN {written} || ' lies between ' || text0 || ' and ' || text1
        WHEN {gap.format(1, 2)} THEN {written} || ' lies between ' || text1 || ' and ' || text2 END AS reason,
      coalesce({gap.format(0, 1)} OR {gap.format(1, 2)}, false) AS in_gap
    FROM valued v JOIN bands b USING (indicator)
  ), before AS (
    SELECT *, {previous.format('year')} AS previous_year, {previous.format('value')} AS previous_value,
      {previous.format('rank')} AS previous_rank, value - previous_value AS delta FROM rated
  )
  SELECT indicator, year, org_unit, value, coalesce(value_text, '') AS value_text, NULL::VARCHAR AS absence,
    CASE WHEN value IS NULL THEN 'missing' ELSE {names}[1 + rank] END AS status,
    'active' AS phase_in_state, NULL::INT AS bands_from, NULL::VARCHAR AS bands_org_unit, in_gap, reason,
    CASE WHEN delta IS NOT NULL THEN {{'previous_year': previous_year, 'previous_value': previous_value,
      'previous_status': {names}[1 + previous_rank], 'delta': delta,
      'better': CASE WHEN delta = 0 THEN NULL WHEN direction = 'higher' THEN delta > 0 ELSE delta < 0 END}} END
      AS change,
    coalesce(rank > previous_rank, false) AS regression,
    year = max(year) OVER () AND status = 'not_approved' AS failing,
    NULL::VARCHAR AS computed, NULL::VARCHAR AS note, NULL::VARCHAR AS base, NULL::VARCHAR AS comment,
    NULL::VARCHAR AS actions, {{'path': '{sys.argv[1]}', 'line': line}} AS source, []::VARCHAR[] AS benchmarks
  FROM before
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
