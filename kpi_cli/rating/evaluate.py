"""Pure evaluation: (scorecard, rows, year) -> Report. No printing, no I/O."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from ..codes import Severity
from ..definitions.target_fields import path_bands
from ..definitions.verdict_fields import word_key
from ..errors import Collector, KpiError, KpiErrors, Problem, UsageError
from ..inert import excerpt
from ..model import Indicator, PhaseState, Scorecard, Status
from ..number_format import format_number
from ..report import Computed, Note, Rating, Report, Result, ResultRow, RowFates, TableSource
from ..results.printed import band_differences
from ..results.read import ResultSet
from ..results.values import NO_RESULT, NO_RESULT_PREFIXES
from .checks import findings, unsilenced
from .compute import Benchmarks, agrees, base, compute, year_change
from .deadlines import Paths
from .phase_in import no_target_note
from .plain import plain
from .rate import Ratings, UnratableValue, beyond_warning, check_scale, rate
from .rows import check_rows as check_rows  # where kpi_cli.sql.report imports it from
from .rows import row_error


def evaluate(
    scorecard: Scorecard,
    rows: Sequence[ResultRow],
    year: int,
    *,
    sources: Sequence[str] = (),
    strict: bool = True,
    benchmarks: Benchmarks | None = None,
) -> Report:
    """Rate every indicator for every year in the rows (and ``year``), for the municipality
    and each org unit; ``year`` is the one shown, the others are its history.

    Each year is rated against the bands in force that year for that org unit.
    Every row ends in one of ``Report.row_counts``' categories. A row that
    cannot be evaluated (unknown id, duplicate, value outside the scale) is an
    error: raised as KpiErrors when ``strict``, else kept in ``Report.errors``.
    A value beyond every band of an indicator with no scale is rated by the
    outermost band and warned of in ``Report.warnings`` (``beyond-bands``).
    """
    problems = Collector()
    warnings: list[Problem] = []
    index = check_rows(scorecard, rows, problems)
    counts = Counter({"rejected": len(rows) - len(index)})
    measures = {measure.id for measure in scorecard.measures}
    directions = {indicator.id: indicator.direction for indicator in scorecard.indicators()}
    units = {org_unit for _, _, org_unit in index}
    org_units: list[str | None] = [None] if None in units or not units else []
    org_units += sorted(unit for unit in units if unit is not None)
    # Every year is rated for every org unit in the input: an org unit with no row in
    # a year has its results missing that year.
    given = {row_year for row_id, row_year, _ in index if row_id not in measures}
    years = {year} | given | measure_years(scorecard, index, given, org_units)
    shown: list[Result] = []
    history: list[Result] = []
    ratings = Ratings()
    paths = Paths(scorecard, index.items())
    indicators = list(scorecard.indicators())
    for each_year in sorted(years):
        plans = [(item, item.id, plain(item, each_year, ratings, paths.due)) for item in indicators]
        for org_unit in org_units:
            for indicator, ident, rate_plain in plans:
                row = index.get((ident, each_year, org_unit))
                if row is None and org_unit is not None and not indicator.per_org_unit:
                    continue  # measured for the whole municipality only: not missing here
                outcome = None
                if indicator.compute is not None:
                    outcome = compute(indicator, each_year, org_unit, index, benchmarks, directions)
                if indicator.rate_change:
                    outcome = year_change(indicator, each_year, org_unit, index)
                try:
                    if rate_plain is not None:
                        result = rate_plain(org_unit, row)
                    else:
                        path = paths(indicator, each_year, org_unit)
                        result = rate_one(indicator, each_year, org_unit, row, outcome, ratings, path)
                except UnratableValue as exc:
                    said = (("indicator", indicator.id), *exc.values)
                    problems.add(row_error(row, exc.code, f"{indicator.id}: {exc}", exc.key, said))
                    counts["rejected"] += 1
                    continue
                if result.rating is not None and result.rating.beyond:
                    warnings.append(beyond_problem(row, result.indicator, result.rating))
                if row is not None:
                    fate = "rated" if result.rating else "not_rated"
                    fate = "no_result" if result.rating is None and result.value is None and row.value is None else fate
                    counts[fate] += 1
                (shown if each_year == year else history).append(result)
    counts["measure"] = sum(1 for key in index if key[0] in measures)
    report = Report(
        scorecard=scorecard,
        year=year,
        results=tuple(shown),
        sources=tuple(sources),
        findings=(*findings(scorecard, year), *band_differences(scorecard, index.values())),
        history=tuple(history),
        errors=tuple(problems.errors),
        warnings=tuple(unsilenced(warnings, scorecard)),
        row_counts=RowFates(**{fate.name: counts[fate.name] for fate in dataclasses.fields(RowFates)}),
        benchmarks=dict(benchmarks or {}),
    )
    if strict:
        problems.raise_if_any()
    return report


def measure_years(
    scorecard: Scorecard,
    index: dict[tuple[str, int, str | None], ResultRow],
    given: set[int],
    org_units: Sequence[str | None],
) -> set[int]:
    """The years that only measures give which are years of the report
    (docs/explanation/years-from-measures.md).

    A year with a value of a measure that a computed indicator is worked out from is a year of the
    report, where a value that cannot be computed is missing with the reason (the counts of
    2015-2018 give 2015-2018, and 2015's change is missing: no count for 2014 to compare with).
    Except the year before a change, as ``kpi template`` asks for it: a year in which nothing can
    be computed, whose rows are all of measures that a change is computed from, before a year
    with results given directly, holds only the base of that year's change.
    """
    computed = [i for i in scorecard.indicators() if i.compute is not None and i.compute.method != "better_than"]
    inputs: set[str] = set()
    changes: set[str] = set()
    for indicator in computed:
        assert indicator.compute is not None
        inputs.update(indicator.compute.inputs)
        changes.update(indicator.compute.inputs if indicator.compute.method == "change" else ())
    at_input = {(key[0], key[1]) for key, row in index.items() if key[0] in inputs and row.value is not None}
    years = {row_year for row_id, row_year in at_input if row_id not in changes or row_year + 1 not in given}
    bases = {row_year for _, row_year in at_input} - years
    return years | {
        each_year
        for each_year in bases
        if any(
            isinstance(compute(indicator, each_year, unit, index), Computed)
            for indicator in computed
            for unit in org_units
        )
    }


def rate_one(
    indicator: Indicator,
    year: int,
    org_unit: str | None,
    row: ResultRow | None,
    outcome: Computed | Note | None = None,
    ratings: Ratings | None = None,
    path: Decimal | None = None,
) -> Result:
    """One indicator's result for a year and org unit; raises UnratableValue.

    ``outcome`` is what computing the indicator from measures gave: its value,
    or a note saying which input is missing. A value given directly must agree
    with the computed one. With ``rate: change`` the outcome is the change from
    the year before, and that is what is rated (the scale is about the value).
    ``ratings`` remembers ratings across the results of one evaluation. ``path``: a deadline
    target's path value in the year (``deadlines.Paths``), what the value is rated against.
    """
    in_force = indicator.in_force(year, org_unit)
    if path is not None and in_force.deadline is not None:
        in_force = dataclasses.replace(in_force, bands=path_bands(in_force.deadline, path, in_force.scale))
        ratings = None  # rated against this year's path, not the indicator's own bands
    value = row.value if row else None
    if indicator.rate_change and value is not None:
        check_scale(in_force, value)  # the scale is about the value; the change is what is rated
        value = None
    computed = outcome if isinstance(outcome, Computed) else None
    note = outcome if isinstance(outcome, Note) and value is None else None
    if computed is not None:
        exact = computed.exact if computed.exact is not None else computed.value
        if value is not None and not agrees(exact, value):
            given, inputs = format_number(value), _inputs(computed)
            said = (("value", given), ("computed", format_number(computed.value)), ("inputs", inputs))
            raise UnratableValue(
                f"the value {format_number(value)} given does not agree with "
                f"{format_number(computed.value)} computed from {_inputs(computed)}",
                "value-disagrees",
                "value-disagrees",
                said,
            )
        value = computed.value
    cases = row.base if row is not None and row.base is not None else base(computed) if computed else None
    if cases is not None and indicator.min_base and cases < indicator.min_base:
        note = Note("small_base", (("base", format_number(cases)), ("min_base", str(indicator.min_base))))
    if path is not None and note is None:
        note = Note("on_path", (("value", str(path)), ("year", str(year))))
    state = in_force.state(year)
    rating: Rating | None = None
    verdict = _verdict(indicator, row) if state is not PhaseState.PENDING else None
    if value is not None and not indicator.rate_change:
        check_scale(in_force, value)
    if state is PhaseState.PENDING:
        status = Status.NOT_PHASED_IN
        note = None  # not phased in says it all
    elif note is not None and note.key == "small_base":
        status = Status.INSUFFICIENT_BASE
    elif verdict is not None:
        status = verdict
        rating = Rating(status, in_force.band(status), verdict=row.raw if row else None)
        note = Note("published", (("word", rating.verdict or ""),))
    elif not in_force.has_bands and indicator.verdicts is None:  # a verdict indicator is rated by its word
        status = Status.NO_TARGET
        note = note or no_target_note(indicator, year, org_unit)
    elif value is None:
        status = Status.MISSING
    else:
        if indicator.rate_change:
            rating = rate(dataclasses.replace(in_force, scale=None), value)
        else:
            rating = (ratings or rate)(in_force, value)
        status = rating.status
    return Result(in_force, year, org_unit, value, status, state, rating, row, computed, note)


def _verdict(indicator: Indicator, row: ResultRow | None) -> Status | None:
    """A ``rate: verdict`` indicator's status from the word in its result cell; None for no word (or
    a no-result marker); raises UnratableValue, listing the words accepted, for an unknown word."""
    if indicator.verdicts is None or row is None:
        return None
    word = word_key(row.raw)
    if not word or word in NO_RESULT or word.startswith(NO_RESULT_PREFIXES):
        return None
    status = indicator.verdicts.status(word)
    if status is None:
        accepted = ", ".join(indicator.verdicts.shown)
        raise UnratableValue(
            f"verdict {excerpt(row.raw)} is not one of the words accepted: {accepted} (and the same words in the "
            "other languages); add it under verdicts: {LEVEL: [words]}",
            "unknown-verdict",
        )
    return status


def _inputs(computed: Computed) -> str:
    return ", ".join(f"{measure} {year} = {format_number(value)}" for measure, year, value in computed.inputs)


def year_to_show(read: ResultSet, year: int | None) -> int:
    """``year`` when given, else the latest year in the rows (or in the file names of files
    without rows). Raises the reading errors, or a usage error, when there is no year at all."""
    if year is not None:
        return year
    years = {row.year for row in read.rows} or {log.file_year for log in read.logs if log.file_year}
    if not years:
        read.raise_if_errors()
        raise UsageError("no results and no year: give --year", path=read.paths[0] if read.paths else None)
    return max(years)


def evaluate_results(scorecard: Scorecard, read: ResultSet, year: int, *, strict: bool = True) -> Report:
    """Evaluate what ``read_results`` gave. The rows it rejected and the rows evaluation
    rejects come together, in file and line order, so one run shows every problem."""
    benchmarks: Benchmarks = {}
    tables: tuple[TableSource, ...] = ()
    municipality = None
    if read.ssb:  # benchmark values and source lines from SSB files
        from ..results.ssb.benchmarks import for_report, municipality_of

        benchmarks, tables = for_report(read.ssb)
        municipality = municipality_of(read.ssb)
    report = evaluate(scorecard, read.rows, year, sources=read.paths, strict=False, benchmarks=benchmarks)
    errors = sorted([*read.errors, *report.errors], key=_position)
    if strict and errors:
        raise KpiErrors(errors)
    return dataclasses.replace(report, errors=tuple(errors), tables=tables, municipality=municipality)


def beyond_problem(row: ResultRow | None, indicator: Indicator, rating: Rating) -> Problem:
    where = row.location if row else None
    path, line = (where.path, where.line) if where else (None, None)
    band = indicator.band(rating.status)
    assert rating.value is not None
    values = (
        ("indicator", indicator.id),
        ("value", format_number(rating.value)),
        ("rated_status", rating.status.value),
        ("band", f" {band.text!r}" if band else ""),
    )
    message = beyond_warning(indicator, rating)
    return Problem(
        message, "beyond-bands", Severity.WARNING, path, line, indicator=indicator.id, key="beyond-bands", values=values
    )


def _position(error: KpiError) -> tuple[str, int]:
    return (error.path or "", error.line or 0)
