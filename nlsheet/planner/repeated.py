"""A total of a figure that belongs to something each row only repeats: 'how many seats are in
screen 3' over screenings, where every row of screen 3 says 120 seats, is 120, not 120 added
up once per screening.

A number column is an attribute of another column when it is the same on every row of each of
that column's values (Seats of a Screen, Distance of a Race, Capacity of a Venue) and those
values repeat. Adding it up over the rows of one such value, or per value, counts the same
figure again and again; nlsheet asks whether the figure itself is meant or that multiple.

Example:
    >>> repeated_total(ctx, op).options[0].label
    'the Seats of Screen 3'
"""

from __future__ import annotations

import pandas as pd

from nlsheet.backends.masks import row_mask
from nlsheet.plan import AggFunc, Aggregate, Cmp, Op, Where, shown_value
from nlsheet.planner.context import Context
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["repeated_total", "repeats_per"]


def repeats_per(table: Table, measure: str, key: str) -> bool:
    """Whether ``measure`` is one figure per value of ``key``, repeated on its rows: the same on
    every row of each value, different between values, and each value on two rows or more on
    average."""

    def test() -> bool:
        frame = pd.DataFrame(
            {"key": table.values(key).series.astype("string"), "m": table.values(measure).series}
        ).dropna()
        keys = frame["key"].nunique()
        if keys < 2 or len(frame) < 2 * keys or frame["m"].nunique() < 2:
            return False
        return bool((frame.groupby("key")["m"].nunique() <= 1).all())

    return table.memo(f"repeats:{measure}:{key}", test)


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
