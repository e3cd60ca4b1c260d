"""Compute a plan's value with pandas, with Excel's semantics (blanks and text skipped).

Example:
    >>> execute(Plan("Sales", Aggregate(AggFunc.SUM, "Units")), table)
    5231
"""

from __future__ import annotations

from typing import assert_never

import pandas as pd

from nlsheet.errors import ColumnTypeError
from nlsheet.plan import AggFunc, Aggregate, Plan
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["execute"]


def execute(plan: Plan, table: Table) -> object:
    """Return the plan's value: a Python number, date or text.

    Raises:
        ColumnTypeError: If there are no values to aggregate (an average of nothing).
    """
    op = plan.op
    match op:
        case Aggregate():
            return _aggregate(op, table)
        case _:
            assert_never(op)


def _aggregate(op: Aggregate, table: Table) -> object:
    if op.column is None:
        return table.n_rows
    column = table.column(op.column)
    series = table.values(op.column).series
    if op.func is AggFunc.COUNT:
        return int(series.notna().sum())
    values = series.dropna()
    if values.empty:
        if op.func is AggFunc.SUM:
            return 0
        raise ColumnTypeError(
            f"{column.name} ({column.data_range}) has no numbers to take the {op.func.value} of",
            expected="at least one number",
            found="only blanks or text",
            where=column.data_range,
        )
    if column.kind is ColumnKind.DATE:
        return _date_aggregate(op.func, values)
    match op.func:
        case AggFunc.SUM:
            return float(values.sum())
        case AggFunc.AVERAGE:
            return float(values.mean())
        case AggFunc.MIN:
            return float(values.min())
        case AggFunc.MAX:
            return float(values.max())
        case AggFunc.MEDIAN:
            return float(values.median())
        case AggFunc.COUNT:  # handled above; kept for exhaustiveness
            return int(values.count())
        case _:
            assert_never(op.func)


def _date_aggregate(func: AggFunc, values: pd.Series) -> object:
    if func is AggFunc.MIN:
        stamp = values.min()
    elif func is AggFunc.MAX:
        stamp = values.max()
    elif func is AggFunc.MEDIAN:
        stamp = values.median()
    else:
        raise ColumnTypeError(
            f"the {func.value} of dates has no meaning; try the earliest (min) or latest (max)",
            expected="min, max or median for dates",
            found=func.value,
        )
    return pd.Timestamp(stamp).to_pydatetime()
