"""Plans for figures computed from whole columns: shares, ratios, correlation, linear trend
and growth from one period to the next."""

from __future__ import annotations

import datetime as dt
import re

from nlsheet.backends.masks import row_mask
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.joins import combine
from nlsheet.nlu.slots import DateSlot
from nlsheet.plan import Cmp, Correlation, Growth, Op, Ratio, Share, Trend, Where
from nlsheet.planner.context import Context
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind

__all__ = [
    "plan_correlation",
    "plan_growth",
    "plan_ratio",
    "plan_share",
    "plan_trend",
    "rate_question",
]

_PERIOD_WORDS = (("month", "month"), ("quarter", "quarter"), ("year", "year"), ("annual", "year"))


def plan_share(ctx: Context) -> Op:
    if not ctx.frame.where:
        raise ctx.refuse("could not tell which part to measure", "a condition such as 'from West'")
    numeric = [m for m in ctx.free() if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    measure = ctx.use(numeric[0]) if numeric else None
    part, base = _share_of_what(ctx)
    return Share(part, measure.name if measure else None, base)


# 'what percentage of ...', and the verb that ends the rows it is a share of ('... Central
# loans were returned'), unless the verb is a relative clause's ('loans that were returned').
_SHARE_OF = re.compile(
    r"\b(?:percent(?:age)?|share|fraction|proportion|pct|ratio)(?:\s+of\b)?|%(?:\s+of\b)?", re.I
)
_ASKS = re.compile(r"\b(?:what|how|which)\b", re.I)
_LINK_VERB = re.compile(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?:were|was|are|is|have|has|had|got|get|gets|"
    r"came|come|comes|went|go|goes|did|do|does|ended|end|ends)\b",
    re.I,
)


def _share_of_what(ctx: Context) -> tuple[Where, Where]:
    """The part and the rows it is a share of: 'what percentage of Central loans were
    returned' is the returned ones among Central's, not among all loans. The conditions said
    between 'of' and the verb, or before a question ('for closed claims, what share ...'), pick
    the rows; those after the verb, the part. Rows picked with no part left to measure
    among them ('what share of all the baguettes ended up wasted', the waste being a number)
    are refused: counting the picked rows as the part would answer another question."""
    text, frame = ctx.interp.text, ctx.frame
    of = _SHARE_OF.search(text)
    if of is None or combine(text, list(frame.bound)) != frame.where:
        return frame.where, Where()
    verb = _LINK_VERB.search(text, of.end())
    # 'for closed claims, what share ...': a question begun after the condition.
    before = [
        b for b in frame.bound if b.end <= of.start() and _ASKS.search(text, b.end, of.start())
    ]
    between = [b for b in frame.bound if verb and of.end() <= b.start < verb.start()]
    base = before + between
    part = [b for b in frame.bound if b not in base]
    if base and not part:
        raise ctx.refuse(
            f"the rows with {', '.join(b.condition.column for b in base)} are what the share is "
            "of, and no condition says which part of them to measure",
            "the part after the verb ('what percentage of West orders were late')",
        )
    if not base:
        return frame.where, Where()
    ctx.notes.append(
        f"the share of {', '.join(b.condition.column for b in part)} among the rows with "
        f"{', '.join(b.condition.column for b in base)}"
    )
    return combine(text, part), combine(text, base)


def _two_numbers(ctx: Context, what: str) -> tuple[Column, Column]:
    numeric = [m for m in ctx.free() if m.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)]
    if len(numeric) < 2:
        raise ctx.refuse(f"the {what} needs two numeric columns", "two numeric columns")
    a, b = ctx.use(numeric[0]), ctx.use(numeric[1])
    assert a is not None and b is not None
    return a, b


def plan_ratio(ctx: Context) -> Op | Clarification:
    if ctx.frame.growth is not None:
        last, first = ctx.frame.growth
        ctx.notes.append(f"the change in percent: total {last.name} / total {first.name} - 1")
        return Ratio(last.name, first.name, ctx.frame.where, change=True)
    a, b = _two_numbers(ctx, "ratio")
    asked = rate_question(ctx, a.name, b.name)
    return asked if asked is not None else Ratio(a.name, b.name, ctx.frame.where)


def rate_question(ctx: Context, a: str, b: str) -> Clarification | None:
    """'goals per match' over many rows: the totals' ratio and the rows' average rate differ,
    and the words do not say which; the question, or None when there is nothing to ask (one
    row, a stated intent, or no 'per')."""
    expression = ctx.frame.expression
    per = expression is not None and _PER.search(ctx.interp.text) is not None
    if not per or ctx.interp.stated or int(row_mask(ctx.frame.where, ctx.table).sum()) <= 1:
        return None
    text = ctx.interp.text
    return Clarification(
        f"'{text}' over several rows: the total {a} divided by the total {b}, or the average "
        f"of each row's {a} / {b}?",
        (
            Option(f"total {a} / total {b}", f"ratio: {text}"),
            Option(f"average of {a} / {b} per row", f"average: {text}"),
        ),
    )


_PER = re.compile(r"\bper\b", re.I)


def plan_correlation(ctx: Context) -> Op:
    a, b = _two_numbers(ctx, "correlation")
    return Correlation(a.name, b.name, ctx.frame.where)


def _date_column(ctx: Context) -> Column:
    named = [m for m in ctx.free(ColumnKind.DATE)]
    if named:
        column = ctx.use(named[0])
        assert column is not None
        return column
    dates = [c for c in ctx.table.columns if c.kind is ColumnKind.DATE]
    if len(dates) != 1:
        raise ctx.refuse("could not tell which date column to use", "a date column")
    ctx.notes.append(f"used the date column {dates[0].name}")
    return dates[0]


def _measures(ctx: Context, what: str) -> list[ColumnMatch]:
    """The free mentions of numeric, non-identifier columns; refused when there is none."""
    numeric = [m for m in ctx.free() if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    if not numeric:
        raise ctx.refuse(f"could not tell which numbers {what}", "a numeric column")
    return numeric


def plan_trend(ctx: Context) -> Op:
    numeric = _measures(ctx, "to fit a trend to")
    y = ctx.use(numeric[0])
    assert y is not None
    where = ctx.frame.where
    at: float | dt.date | None = None
    # 'forecast sales when units is 60': the x column and where to read the line off it.
    given = [
        c
        for c in where.conditions
        if c.cmp is Cmp.EQ
        and c.column != y.name
        and ctx.table.column(c.column).kind in (ColumnKind.NUMBER, ColumnKind.DATE)
        and isinstance(c.value, (float, dt.date))
    ]
    if len(given) == 1 and not where.any:
        x: Column | None = ctx.table.column(given[0].column)
        at = given[0].value  # type: ignore[assignment]
        where = Where(tuple(c for c in where.conditions if c is not given[0]))
    else:
        x = ctx.use(numeric[1]) if len(numeric) > 1 else _date_column(ctx)
    assert x is not None
    if ctx.frame.loose:
        slot = ctx.frame.loose[-1]
        at = slot.value if isinstance(slot, DateSlot) else float(slot.value)
    intercept = at is None and bool(re.search(r"\bintercept\b", ctx.interp.text, re.I))
    return Trend(y.name, x.name, at, where, intercept)


def plan_growth(ctx: Context) -> Op:
    measure = ctx.use(_measures(ctx, "grow")[0])
    assert measure is not None
    date = _date_column(ctx)
    text = ctx.interp.text.lower()
    period = next((p for word, p in _PERIOD_WORDS if word in text), "year")
    return Growth(measure.name, date.name, period, ctx.frame.where)  # type: ignore[arg-type]
