"""The last steps of the compiled query: a value placed among its band version's bands
(``placed``), the rank it earns there and the flags before any rank (``judged``), and the
status word and columns the query returns (``final``). The same rules as ``kpi_cli.rating.rate.rate``."""

from __future__ import annotations

from sqlglot import exp

from .expressions import both, c, either, is_null, lit, not_null, one, when

MODULO = 4  # ranks 0-2 ride along with a band's position in one number: position * 4 + rank
RATED = ("desired", "accepted", "not_approved")
SCALE_COLUMNS = ("scale_low", "scale_high", "scale_low_inclusive", "scale_high_inclusive")


def _contains(low: exp.Expr, high: exp.Expr, low_in: exp.Expr, high_in: exp.Expr, value: exp.Expr) -> exp.Expr:
    above_low = either(is_null(low), value > low, both(value.eq(low), one(low_in)))
    below_high = either(is_null(high), value < high, both(value.eq(high), one(high_in)))
    return both(above_low, below_high)


def placed() -> exp.Select:
    """For each rated value: the band it lies in, else its nearest neighbours below and above."""
    value = c("value", "v")
    b = "b"
    inside = _contains(c("low", b), c("high", b), c("low_inclusive", b), c("high_inclusive", b), value)
    below = both(
        not_null(c("high", b)), either(c("high", b) < value, both(c("high", b).eq(value), c("high_inclusive", b).eq(0)))
    )
    above = both(
        not_null(c("low", b)), either(c("low", b) > value, both(c("low", b).eq(value), c("low_inclusive", b).eq(0)))
    )
    code = c("position", b) * MODULO + c("status_rank", b)
    keys = [c("indicator", "v"), c("year", "v"), c("unit_key", "v")]
    return (
        exp.select(
            *keys,
            exp.Max(this=when((inside, c("status_rank", b)))).as_("inside_rank"),
            exp.Max(this=when((below, code))).as_("below_code"),
            exp.Max(this=when((below, c("high", b)))).as_("below_high"),
            exp.Min(this=when((above, code))).as_("above_code"),
            exp.Min(this=when((above, c("low", b)))).as_("above_low"),
        )
        .from_(exp.to_table("kpi_valued").as_("v"))
        .join(exp.to_table("kpi_bands").as_(b), on=c("version", b).eq(c("version", "v")))
        .where(not_null(value))
        .group_by(*keys)
    )


def judged() -> exp.Select:
    """The rank each value earns: its band's, the gap policy's between two neighbours, or the
    outermost band's within the scale; and the flags that come before any rank."""
    keys = ("indicator", "year", "unit_key")
    value = c("value", "v")
    below, above = c("below_code", "p"), c("above_code", "p")
    below_rank, above_rank = exp.Mod(this=below, expression=lit(MODULO)), exp.Mod(this=above, expression=lit(MODULO))
    worse = when((below_rank >= above_rank, below_rank), default=above_rank)
    to_below, to_above = exp.paren(value - c("below_high", "p")), exp.paren(c("above_low", "p") - value)
    nearest = one(c("nearest", "v"))
    gap = when(
        (both(nearest, to_below < to_above), below_rank),
        (both(nearest, to_below > to_above), above_rank),
        default=worse,
    )
    outermost = exp.Mod(this=exp.func("COALESCE", below, above), expression=lit(MODULO))
    between = both(not_null(below), not_null(above))
    rank = when((not_null(c("inside_rank", "p")), c("inside_rank", "p")), (between, gap), default=outermost)
    # beyond every band with no scale: still rated by the outermost band, and flagged (rating.rate);
    # a change is rated with no scale (the scale bounds the value, not its change)
    unbounded = either(c("has_scale", "v").eq(0), one(c("rate_change", "v")))
    beyond = both(is_null(c("inside_rank", "p")), exp.not_(between), unbounded)
    scale = [c(name, "v") for name in SCALE_COLUMNS]
    checked = c("checked", "v")  # the value given, for a change
    outside = both(
        not_null(checked),
        one(c("has_scale", "v")),
        exp.not_(_contains(scale[0], scale[1], scale[2], scale[3], checked)),
    )
    pending = both(not_null(c("phase_in", "v")), c("year", "v") < c("phase_in", "v"))
    small = both(not_null(c("min_base", "v")), not_null(c("cases", "v")), c("cases", "v") < c("min_base", "v"))
    return (
        exp.select(
            exp.column(exp.Star(), "v"),
            c("inside_rank", "p"),
            rank.as_("band_rank"),
            when((beyond, lit(1)), default=lit(0)).as_("beyond_bands"),
            when((outside, lit(1)), default=lit(0)).as_("outside"),
            when((pending, lit(1)), default=lit(0)).as_("pending"),
            when((small, lit(1)), default=lit(0)).as_("small_base"),
        )
        .from_(exp.to_table("kpi_valued").as_("v"))
        .join(
            exp.to_table("kpi_placed").as_("p"),
            on=both(*[c(key, "p").eq(c(key, "v")) for key in keys]),
            join_type="left",
        )
    )


def final(view: bool) -> exp.Select:
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
    ).from_("kpi_judged")
    return query if view else query.order_by(c("year"), c("unit_key"), c("ord"))
