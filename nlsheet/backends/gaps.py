"""Blank rows inside a table's data: the ranges run over them, the answers never count them.

A sheet parted into blocks by blank rows ('January' rows, a blank row, 'February' rows ...)
is read as one table whose ranges include the blank rows (:attr:`Table.gaps`). Totals, averages
and extremes pass over blank cells by themselves; a count of rows, a negation ('not on
time'), a blank test or a difference of columns would not. So every plan run on such a table
also asks that the table's anchor column (filled in every data row) be filled: the pandas
backend and the formula backend both apply :func:`skip_gaps`, and agree.

Example:
    >>> skip_gaps(Plan("Trips", Aggregate(AggFunc.COUNT)), trips).op.where
    Where(conditions=(Condition(column='Trip Date', cmp=<Cmp.NOT_BLANK: 'not_blank'>, ...),), ...)
"""

from __future__ import annotations

from dataclasses import replace

from nlsheet.plan import Cmp, Condition, Plan, Where
from nlsheet.workbook.table import Table

__all__ = ["skip_gaps"]


def skip_gaps(plan: Plan, table: Table) -> Plan:
    """The plan with its rows limited to the table's data rows when blank rows part them (the
    plan itself when they do not, or when its conditions are joined by 'or', which no blank
    row passes unless a condition tests for blanks)."""
    where = getattr(plan.op, "where", None)
    if table.anchor is None or not isinstance(where, Where) or where.any:
        return plan
    present = Condition(table.anchor, Cmp.NOT_BLANK)
    if present in where.conditions:
        return plan
    return replace(plan, op=replace(plan.op, where=Where((*where.conditions, present))))
