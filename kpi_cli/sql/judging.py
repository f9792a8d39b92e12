"""The last steps of the compiled query: a value placed among its band version's bands
(``placed``, by comparisons with the edges its row carries), the rank it earns there and the flags
before any rank (``judged``), and the status word and columns the query returns (``final``). The
same rules as ``kpi_cli.rating.rate.rate``."""

from __future__ import annotations

from sqlglot import exp

from .expressions import both, c, either, is_null, lit, not_null, one, when
from .tables import BAND_FIELDS, band_column

RATED = ("desired", "accepted", "not_approved")
SCALE_COLUMNS = ("scale_low", "scale_high", "scale_low_inclusive", "scale_high_inclusive")


def _contains(low: exp.Expr, high: exp.Expr, low_in: exp.Expr, high_in: exp.Expr, value: exp.Expr) -> exp.Expr:
    above_low = either(is_null(low), value > low, both(value.eq(low), one(low_in)))
    below_high = either(is_null(high), value < high, both(value.eq(high), one(high_in)))
    return both(above_low, below_high)


def band_columns(width: int) -> list[str]:
    """The band edges' columns a row carries from its version (``tables.band_column``)."""
    return [band_column(p, field) for p in range(width) for field, _ in BAND_FIELDS]


def _edge(position: int, field: str) -> exp.Column:
    return c(band_column(position, field))


def _at(position_column: str, field: str, width: int) -> exp.Expr:
    """``field`` of the interval at the position a column holds (NULL for none)."""
    return when(*[(c(position_column).eq(p), _edge(p, field)) for p in range(width)])


def placed(width: int) -> exp.Select:
    """For each value, by comparisons with the edges of its own version's intervals (left to right,
    ``bands.placed``'s order) in the same row: the rank of the first interval it lies in, else the
    positions of its nearest neighbours, the last interval below it and the first above it (as
    ``rating.rate`` finds them). No join, no grouping: one pass over the rows."""
    value = c("value")
    exists = [not_null(_edge(p, "rank")) for p in range(width)]
    inside = [
        both(
            exists[p],
            _contains(_edge(p, "low"), _edge(p, "high"), _edge(p, "low_inclusive"), _edge(p, "high_inclusive"), value),
        )
        for p in range(width)
    ]
    below = [
        both(
            exists[p],
            not_null(_edge(p, "high")),
            either(_edge(p, "high") < value, both(_edge(p, "high").eq(value), _edge(p, "high_inclusive").eq(0))),
        )
        for p in range(width)
    ]
    above = [
        both(
            exists[p],
            not_null(_edge(p, "low")),
            either(_edge(p, "low") > value, both(_edge(p, "low").eq(value), _edge(p, "low_inclusive").eq(0))),
        )
        for p in range(width)
    ]
    return exp.select(
        exp.Star(),
        when(*[(inside[p], _edge(p, "rank")) for p in range(width)]).as_("inside_rank"),
        when(*[(inside[p].copy(), lit(p)) for p in range(width)]).as_("inside_at"),
        when(*[(below[p], lit(p)) for p in reversed(range(width))]).as_("below_at"),
        when(*[(above[p], lit(p)) for p in range(width)]).as_("above_at"),
    ).from_("kpi_valued")


def judged(width: int) -> exp.Select:
    """The rank each value earns: its band's, the gap policy's between two neighbours, or the
    outermost band's within the scale; and the flags that come before any rank."""
    value = c("value", "v")
    below, above = c("below_at", "v"), c("above_at", "v")
    below_rank, above_rank = _at("below_at", "rank", width), _at("above_at", "rank", width)
    worse = when((below_rank >= above_rank, below_rank.copy()), default=above_rank.copy())
    to_below = exp.paren(value - _at("below_at", "high", width))
    to_above = exp.paren(_at("above_at", "low", width) - value)
    nearest = one(c("nearest", "v"))
    gap = when(
        (both(nearest, to_below < to_above), below_rank.copy()),
        (both(nearest, to_below > to_above), above_rank.copy()),
        default=worse,
    )
    outermost = exp.func("COALESCE", below_rank.copy(), above_rank.copy())
    between = both(not_null(below), not_null(above))
    inside_rank = c("inside_rank", "v")
    rank = when((not_null(inside_rank), inside_rank.copy()), (between, gap), default=outermost)
    # beyond every band with no scale: still rated by the outermost band, and flagged (rating.rate);
    # a change is rated with no scale (the scale bounds the value, not its change)
    unbounded = either(c("has_scale", "v").eq(0), one(c("rate_change", "v")))
    beyond = both(is_null(inside_rank.copy()), exp.not_(between.copy()), unbounded)
    scale = [c(name, "v") for name in SCALE_COLUMNS]
    checked = c("checked", "v")  # the value given, for a change
    outside = both(
        not_null(checked),
        one(c("has_scale", "v")),
        exp.not_(_contains(scale[0], scale[1], scale[2], scale[3], checked)),
    )
    pending = both(not_null(c("phase_in", "v")), c("year", "v") < c("phase_in", "v"))
    small = both(not_null(c("min_base", "v")), not_null(c("cases", "v")), c("cases", "v") < c("min_base", "v"))
    return exp.select(
        exp.column(exp.Star(), "v"),
        rank.as_("band_rank"),
        when((beyond, lit(1)), default=lit(0)).as_("beyond_bands"),
        when((outside, lit(1)), default=lit(0)).as_("outside"),
        when((pending, lit(1)), default=lit(0)).as_("pending"),
        when((small, lit(1)), default=lit(0)).as_("small_base"),
    ).from_(exp.to_table("kpi_placed").as_("v"))


def final(view: bool, streamed: bool = False) -> exp.Select:
    """The columns the query returns (``inside_at`` and ``place`` too when ``streamed``), in the report's order
    unless it is a view or streamed."""
    rated = both(
        c("outside").eq(0),
        c("pending").eq(0),
        c("small_base").eq(0),
        one(c("has_bands")),
        not_null(c("value")),
    )
    status = when(
        (one(c("outside")), exp.null()),
        (one(c("pending")), lit("not_phased_in")),
        (one(c("small_base")), lit("insufficient_base")),
        (c("has_bands").eq(0), lit("no_target")),
        (is_null(c("value")), lit("missing")),
        *[(c("band_rank").eq(rank), lit(word)) for rank, word in enumerate(RATED)],
    )
    error = when((one(c("outside")), lit("outside_scale")))
    in_gap = when((both(rated, is_null(c("inside_rank"))), lit(1)), default=lit(0))
    beyond = when((both(rated, one(c("beyond_bands"))), lit(1)), default=lit(0))
    query = exp.select(
        c("indicator"),
        c("year"),
        exp.func("NULLIF", c("unit_key"), lit("")).as_("org_unit"),
        c("value"),
        status.as_("status"),
        c("bands_from"),
        exp.func("NULLIF", c("bands_unit"), lit("")).as_("bands_org_unit"),
        in_gap.as_("in_gap"),
        beyond.as_("beyond"),
        error.as_("error"),
        *([c("inside_at"), c("place")] if streamed else []),
    ).from_("kpi_judged")
    return query if view or streamed else query.order_by(c("year"), c("unit_key"), c("ord"))
