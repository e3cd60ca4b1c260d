"""A total of a figure that belongs to something each row only repeats: 'how many seats are in
screen 3' over screenings, where every row of screen 3 says 120 seats, is 120, not 120 added
up once per screening.

A number column is an attribute of another column when it is the same on every row of each of
that column's values (Seats of a Screen, Distance of a Race, Capacity of a Venue) and those
values repeat. Adding it up over the rows of one such value, or per value, counts the same
figure again and again; nlsheet asks whether the figure itself is meant or that multiple.

The other way round, a grouping whose every group is one row: 'average paid per pupil' where
each pupil has one row of the rows picked is the average over the rows, and counting rows per
such a key gives 1 each, which is refused.

Example:
    >>> repeated_total(ctx, op).options[0].label
    'the Seats of Screen 3'
"""

from __future__ import annotations

import pandas as pd

from nlsheet.backends.masks import row_mask
from nlsheet.plan import AggFunc, Aggregate, Cmp, Op, Where, shown_value
from nlsheet.planner.context import Context, numeric_columns
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "one_row_each",
    "refuse_counting_single_rows",
    "repeated_total",
    "repeats_per",
]


def repeats_per(table: Table, measure: str, key: str) -> bool:
    """Whether ``measure`` is one figure per value of ``key``, repeated on its rows: the same on
    every row of each value, different between values, and each value on two rows or more on
    average."""

    def test() -> bool:
        # Each name stands on two rows or more, so a figure of names has at most half as many
        # values as rows, and no more than the key has names: decided without reading the key
        # (200,000 sales, each its own amount, leave the text columns unread).
        figures = _distinct(table, measure)
        if 2 * figures > table.n_rows or figures > _distinct(table, key):
            return False
        frame = pd.DataFrame(
            {"key": table.values(key).series.astype("string"), "m": table.values(measure).series}
        ).dropna()
        keys = frame["key"].nunique()
        if keys < 2 or len(frame) < 2 * keys or frame["m"].nunique() < 2:
            return False
        return bool((frame.groupby("key")["m"].nunique() <= 1).all())

    return table.memo(f"repeats:{measure}:{key}", test)


def _distinct(table: Table, name: str) -> int:
    return table.memo(f"distinct:{name}", lambda: int(table.values(name).series.nunique()))


def repeated_total(ctx: Context, op: Op) -> Clarification | None:
    """Ask when a SUM adds up a figure that the rows it covers only repeat: over the rows of one
    value of the column it belongs to ('seats in screen 3'), or per value of it ('total seats
    by screen'). None when the user stated the sum, or the figure is no such attribute."""
    if ctx.interp.stated or not isinstance(op, Aggregate) or op.func is not AggFunc.SUM:
        return None
    measure = op.measure
    if measure is None or measure.op is not None or measure.span:
        return None
    table = ctx.table
    keys = [c.column for c in op.where.conditions if c.cmp is Cmp.EQ and c.other is None]
    keys = keys if not op.where.any else []
    if op.group_by is not None and op.group_period is None and op.then_by is None:
        keys.append(op.group_by)
    for key in keys:
        column = table.column(key)
        if column.kind is ColumnKind.DATE or column.is_id or key == measure.column:
            continue
        if not repeats_per(table, measure.column, key):
            continue
        rows = int(row_mask(op.where, table).sum())
        if op.group_by != key and rows < 2:
            continue
        return _ask(ctx, op.where, measure.column, key, rows)
    return None


def _ask(ctx: Context, where: Where, measure: str, key: str, rows: int) -> Clarification:
    text = ctx.interp.text
    picked = next((c for c in where.conditions if c.column == key), None)
    if picked is not None:
        one = f"the {measure} of {key} {shown_value(picked.value)}"
        many = f"{measure} added up over its {rows} rows"
    else:
        one = f"the {measure} of each {key}"
        many = f"{measure} added up over the rows of each {key}"
    return Clarification(
        f"Every row of a {key} repeats its {measure}, so adding {measure} up counts the same "
        f"figure once per row. Which do you want?",
        (Option(one, f"average: {text}"), Option(many, f"sum: {text}")),
    )


def one_row_each(ctx: Context, func: AggFunc, group: Column) -> bool:
    """'average revenue per store' with a row per store is the average over the stores: True
    (and a note) when an average or median is grouped by a column whose every value stands in
    one row only of the rows picked ('average paid per pupil for the Beach Day')."""
    if func not in (AggFunc.AVERAGE, AggFunc.MEDIAN) or ctx.frame.by_period is not None:
        return False
    series = ctx.table.values(group.name).series.reset_index(drop=True)
    series = series[row_mask(ctx.frame.where, ctx.table).to_numpy()].dropna()
    if len(series) < 2 or bool(series.duplicated().any()):
        return False
    ctx.notes.append(f"each {group.name} has one row: the {func.value} over the rows")
    return True


def refuse_counting_single_rows(ctx: Context, group: Column) -> None:
    """'sales by product' over a table with a row per product: counting rows per product
    gives 1 each, which answers nothing; refused with what to name instead."""
    series = ctx.table.values(group.name).series.dropna()
    if len(series) < 2 or bool(series.duplicated().any()) or ctx.frame.by_period is not None:
        return  # 'batches per month': a month holds several dates
    numbers = ", ".join(c.name for c in numeric_columns(ctx.table)[:6])
    raise ctx.refuse(
        f"each {group.name} has one row, so counting rows per {group.name} gives 1 each",
        f"a column to total per {group.name} ({numbers})",
    )
