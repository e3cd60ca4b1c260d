# pandas-stubs types comparison operators as returning Any; the Series they give are checked
# by the tests, so that one error code is not reported in this module.
# mypy: disable-error-code="no-any-return"
"""Which rows pass: the tests of :mod:`nlsheet.backends.conditions`, evaluated with pandas.

The pandas backend's rendering of conditions, and what the edits backend hides, filters and
copies by. Cells are read as the table holds them (``Table.raw``) where their text matters, and
typed (``Table.values``) where their number or date does.

Example:
    >>> row_mask(Where((Condition("Region", Cmp.EQ, "west"),)), table).sum()
    48
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, assert_never

import numpy as np
import pandas as pd

from nlsheet.backends.conditions import (
    AllOf,
    AnyOf,
    Blank,
    Compare,
    DatePart,
    Op,
    Test,
    TextIs,
    TextMatch,
    Versus,
    cell_number,
    cell_text,
    lower,
)
from nlsheet.plan import Where
from nlsheet.workbook.table import ColumnKind, Table, is_blank

__all__ = ["column_numbers", "row_mask"]

_EPOCH = pd.Timestamp("1899-12-30")


def column_numbers(name: str, table: Table) -> pd.Series:
    """A column as numbers: dates as serials; in a text column, the cells that are (or spell)
    numbers; NaN for the others."""
    series = table.values(name).series
    kind = table.column(name).kind
    if kind is ColumnKind.DATE:
        return (series - _EPOCH) / pd.Timedelta(days=1)
    if kind is ColumnKind.NUMBER:
        return pd.to_numeric(series, errors="coerce")
    return pd.Series([cell_number(v) for v in _cells(name, table)], dtype=float)


def _cells(name: str, table: Table) -> Sequence[object]:
    return table.raw[table.column(name).position]


def _blanks(name: str, table: Table) -> pd.Series:
    """True for the blank cells (read once per table)."""

    def make() -> pd.Series:
        return pd.Series([is_blank(v) for v in _cells(name, table)], dtype=bool)

    return table.memo(f"masks:blank:{name}", make)


def _folded(name: str, table: Table) -> pd.Series:
    """Each cell's text (as Excel's text functions read it), case-folded; None when blank
    (read once per table)."""

    def make() -> pd.Series:
        folded: dict[object, str | None] = {}
        for value in _cells(name, table):
            if value not in folded:
                text = cell_text(value)
                folded[value] = None if text is None else text.casefold()
        return pd.Series([folded[v] for v in _cells(name, table)], dtype=object)

    return table.memo(f"masks:folded:{name}", make)


def _ordered(a: pd.Series, op: Op, b: Any) -> pd.Series:
    match op:
        case Op.EQ:
            return a == b
        case Op.NE:
            return a != b
        case Op.GT:
            return a > b
        case Op.GE:
            return a >= b
        case Op.LT:
            return a < b
        case Op.LE:
            return a <= b
        case _:
            assert_never(op)


def _compare(test: Compare, table: Table) -> pd.Series:
    value: pd.Timestamp | float
    if isinstance(test.value, dt.datetime):
        cells = pd.to_datetime(table.values(test.column).series, errors="coerce").dt.normalize()
        value = pd.Timestamp(test.value)
    else:
        cells, value = column_numbers(test.column, table), test.value
    if test.op is Op.NE:
        return ~(cells == value)  # blanks and text pass 'is not'
    return _ordered(cells, test.op, value) & cells.notna()


def _text_match(test: TextMatch, table: Table) -> pd.Series:
    wanted = test.text.casefold()

    def passes(text: str | None) -> bool:
        if text is None:
            return False
        if test.how == "contains":
            return wanted in text
        return text.startswith(wanted) if test.how == "starts" else text.endswith(wanted)

    return pd.Series([passes(t) for t in _folded(test.column, table)], dtype=bool)


def _date_part(test: DatePart, table: Table) -> pd.Series:
    dates = pd.to_datetime(table.values(test.column).series, errors="coerce")
    part = {"month": dates.dt.month, "year": dates.dt.year, "quarter": dates.dt.quarter}
    return pd.Series(part[test.part].to_numpy() == test.number)


def _test_mask(test: Test, table: Table) -> pd.Series:
    match test:
        case Blank():
            blank = _blanks(test.column, table)
            return blank.copy() if test.blank else ~blank
        case Compare():
            return _compare(test, table)
        case TextIs():
            same = _folded(test.column, table) == test.text.casefold()
            return ~same if test.negate else same
        case TextMatch():
            return _text_match(test, table)
        case DatePart():
            return _date_part(test, table)
        case Versus():
            a, b = column_numbers(test.column, table), column_numbers(test.other, table)
            return _ordered(a, test.op, b) & a.notna() & b.notna()
        case AnyOf():
            passes = pd.Series(np.zeros(table.n_rows, dtype=bool))
            for part in test.tests:
                passes = passes | _test_mask(part, table)
            return passes
        case AllOf():
            passes = pd.Series(np.ones(table.n_rows, dtype=bool))
            for part in test.tests:
                passes = passes & _test_mask(part, table)
            return passes
        case _:
            assert_never(test)


def row_mask(where: Where, table: Table) -> pd.Series:
    """True for the rows that pass the conditions (as :mod:`nlsheet.backends.conditions` defines
    them).

    Raises:
        ColumnTypeError: If a condition's value does not fit its column.
    """
    if not where:
        return pd.Series(np.ones(table.n_rows, dtype=bool))
    masks = [
        _test_mask(lower(c, table), table).reset_index(drop=True).fillna(False).astype(bool)
        for c in where.conditions
    ]
    combined = masks[0]
    for m in masks[1:]:
        combined = (combined | m) if where.any else (combined & m)
    return combined
