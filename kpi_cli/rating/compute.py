"""Computed indicators: values from measures by a small closed set of rules. Pure.

Nothing from a file is evaluated: the rule is one of ``COMPUTATIONS`` and its
inputs are measure ids checked when the definitions are loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..model import Computation, Direction, Indicator
from ..report import Benchmark, Computed, Note, ResultRow

Index = Mapping[tuple[str, int, str | None], ResultRow]
Benchmarks = Mapping[tuple[str, int], tuple[Benchmark, ...]]
PLACES = Decimal("0.01")  # computed values are rounded as a published table shows them


def compute(
    indicator: Indicator,
    year: int,
    org_unit: str | None,
    index: Index,
    benchmarks: Benchmarks | None = None,
    directions: Mapping[str, Direction | None] | None = None,
) -> Computed | Note:
    """The indicator's value for the year and org unit, or a Note saying what is missing.
    ``better_than`` needs the benchmark values and the direction of each indicator it compares."""
    computation = indicator.compute
    assert computation is not None
    if computation.method == "better_than":
        return _better_than(computation, year, org_unit, index, benchmarks or {}, directions or {})
    if computation.method == "change":
        (measure,) = computation.inputs
        wanted = [(measure, year), (measure, year - 1)]
    else:
        wanted = [(measure, year) for measure in computation.inputs]
    values: list[tuple[str, int, Decimal]] = []
    for measure, when in wanted:
        row = index.get((measure, when, org_unit))
        if row is None or row.value is None:
            key = "no_year_before" if when < year else "missing_input"  # a change's base
            return Note(key, (("measure", measure), ("year", str(when))))
        values.append((measure, when, row.value))
    first, second = values[0][2], values[1][2]
    if computation.method in ("change", "share", "ratio") and second == 0:
        return Note("zero_denominator", (("measure", values[1][0]), ("year", str(values[1][1]))))
    with localcontext() as context:
        context.prec = 60  # inputs have at most 15 digits before the mark and 12 after: any result fits
        exact = _apply(computation, first, second)
        rounded = exact.quantize(PLACES, rounding=ROUND_HALF_UP)
    return Computed(computation, tuple(values), rounded, exact)


def _better_than(
    computation: Computation,
    year: int,
    org_unit: str | None,
    index: Index,
    benchmarks: Benchmarks,
    directions: Mapping[str, Direction | None],
) -> Computed | Note:
    """100 × the share of the indicators better than the benchmark region, of those that can be
    compared (both values present); a Note when none can."""
    from ..results.ssb.benchmarks import BETTER, compare

    compared: list[tuple[str, int, Decimal]] = []
    better = 0
    for wanted in computation.inputs:
        row = index.get((wanted, year, org_unit))
        theirs = next((b for b in benchmarks.get((wanted, year), ()) if b.region == computation.benchmark), None)
        if row is None or row.value is None or theirs is None or theirs.value is None:
            continue
        verdict = compare(row.value, theirs.value, directions.get(wanted))
        if verdict is not None:
            compared.append((wanted, year, row.value))
            better += verdict == BETTER
    if not compared:
        return Note("no_comparison", (("benchmark", computation.benchmark or ""), ("year", str(year))))
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(100) * better / len(compared)
        rounded = exact.quantize(PLACES, rounding=ROUND_HALF_UP)
    return Computed(computation, tuple(compared), rounded, exact, better)


def base(computed: Computed) -> Decimal | None:
    """The number of cases behind a share or ratio: its denominator."""
    return computed.inputs[1][2] if computed.computation.method in ("share", "ratio") else None


def _apply(computation: Computation, first: Decimal, second: Decimal) -> Decimal:
    if computation.method == "change":
        value = (first - second) / second * 100
    elif computation.method == "share":
        value = first / second * 100
    elif computation.method == "ratio":
        value = first / second
    else:
        value = first - second
    return value


def agrees(computed: Decimal, given: Decimal) -> bool:
    """Whether a value given directly matches the (exact) computed one within the given value's precision."""
    exponent = given.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    tolerance = Decimal(5) / Decimal(10) ** (places + 1)
    return abs(computed - given) <= tolerance


def year_change(indicator: Indicator, year: int, org_unit: str | None, index: Index) -> Computed | Note | None:
    """``rate: change``: the indicator's value less the year before's, in its own unit.

    None without a value this year; a Note when the year before has none.
    """
    row = index.get((indicator.id, year, org_unit))
    if row is None or row.value is None:
        return None
    before = index.get((indicator.id, year - 1, org_unit))
    if before is None or before.value is None:
        return Note("no_year_before", (("measure", indicator.id), ("year", str(year - 1))))
    difference = row.value - before.value
    inputs = ((indicator.id, year, row.value), (indicator.id, year - 1, before.value))
    return Computed(Computation("year_change", (indicator.id,)), inputs, difference, difference)
