"""What a condition means: the one definition every backend renders.

A :class:`~nlsheet.plan.Condition` is first *lowered* (:func:`lower`) to a test whose meaning is
fixed here, with Excel's semantics:

- **blank** is an empty cell or text of spaces only (what aggregates skip, and what Excel's
  "Format only cells that contain: Blanks" rule tests); text such as 'n/a' is not blank.
- **equals** on text compares the whole cell text, ignoring case; ``* ? ~`` are plain
  characters. A number cell reads as its General text (123, 1.5), TRUE/FALSE as 'TRUE'/'FALSE'.
- **equals** on a number column compares numbers; numbers stored as text ('1,200', '15%') read
  as their numbers. Text that is no number ('n/a') equals only that text.
- a **date** compares by its day, whatever the time of day: equals is the same day, 'on or
  before March 31' takes all of March 31.
- **is not** is the opposite of equals, so blanks pass it (as COUNTIFS's "<>West" counts them).
- **greater / less / between** compare numbers (or dates); blanks and text that is no number
  never pass, in any column.
- **contains / starts with / ends with** read the cell's text, ignoring case, the value taken
  literally; blanks never pass. Dates have no text to search.
- **month / quarter / year** test date cells; blanks and text never pass.
- **column against column** compares two numbers (or dates) of a row; both must be there.

Each backend renders these tests and nothing else: :mod:`nlsheet.backends.masks` evaluates
them with pandas (for the pandas backend and the edits), :mod:`nlsheet.backends.criteria` writes
them as *IFS criteria, as an array mask and as a conditional format's rule. Where a rendering
depends on the cells (a column holding numbers stored as text cannot use COUNTIFS; a blank reads
as 0 in an Excel comparison), :func:`facts` says what a column's cells hold.

Example:
    >>> lower(Condition("Region", Cmp.EQ, "West"), table)
    TextIs(column='Region', text='West', negate=False)
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

import numpy as np
import pandas as pd

from nlsheet.errors import ColumnTypeError
from nlsheet.plan import Cmp, Condition, Measure, Scalar
from nlsheet.workbook.table import ColumnKind, Table, is_blank, parse_number_text

__all__ = [
    "AllOf",
    "AnyOf",
    "Blank",
    "Compare",
    "DatePart",
    "Facts",
    "Op",
    "Test",
    "TextIs",
    "TextMatch",
    "Versus",
    "blanks_add_nothing",
    "cell_number",
    "cell_text",
    "excel_serial",
    "facts",
    "lower",
]

_EPOCH = dt.datetime(1899, 12, 30)


class Op(StrEnum):
    """A comparison, spelled as Excel spells it."""

    EQ = "="
    NE = "<>"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="

    def holds(self, a: float, b: float) -> bool:
        """``a op b`` for two numbers."""
        return {
            Op.EQ: a == b,
            Op.NE: a != b,
            Op.GT: a > b,
            Op.GE: a >= b,
            Op.LT: a < b,
            Op.LE: a <= b,
        }[self]


_PARTS: dict[Cmp, Literal["month", "quarter", "year"]] = {
    Cmp.MONTH: "month",
    Cmp.QUARTER: "quarter",
    Cmp.YEAR: "year",
}
_OPS = {Cmp.EQ: Op.EQ, Cmp.NE: Op.NE, Cmp.GT: Op.GT, Cmp.GE: Op.GE, Cmp.LT: Op.LT, Cmp.LE: Op.LE}


@dataclass(frozen=True)
class Blank:
    """The cell is blank (``blank``) or is not."""

    column: str
    blank: bool = True


@dataclass(frozen=True)
class Compare:
    """The cell's number against a number, or the cell's day against a day (a midnight)."""

    column: str
    op: Op
    value: float | dt.datetime


@dataclass(frozen=True)
class TextIs:
    """The cell's whole text equals ``text``, ignoring case (or, with ``negate``, does not)."""

    column: str
    text: str
    negate: bool = False


@dataclass(frozen=True)
class TextMatch:
    """The cell's text contains, starts with or ends with ``text``, ignoring case."""

    column: str
    how: Literal["contains", "starts", "ends"]
    text: str


@dataclass(frozen=True)
class DatePart:
    """The cell is a date whose month, quarter or year is ``number``."""

    column: str
    part: Literal["month", "quarter", "year"]
    number: int


@dataclass(frozen=True)
class Versus:
    """The cell's number against the number of column ``other`` in the same row."""

    column: str
    op: Op
    other: str


@dataclass(frozen=True)
class AnyOf:
    """One of the tests passes (a list: 'East or West')."""

    tests: tuple[Test, ...]


@dataclass(frozen=True)
class AllOf:
    """All the tests pass (a range: 'between 10 and 20')."""

    tests: tuple[Test, ...]


Test = Blank | Compare | TextIs | TextMatch | DatePart | Versus | AnyOf | AllOf


def excel_serial(value: dt.date | pd.Timestamp) -> float:
    """Excel's number for a date (days since 1899-12-30)."""
    return float((pd.Timestamp(value) - pd.Timestamp(_EPOCH)) / pd.Timedelta(days=1))


def cell_number(value: object) -> float | None:
    """The number a cell holds or spells ('1,200', '$3.50', '15%'); None for anything else."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return None if math.isnan(number) else number
    if isinstance(value, str):
        return parse_number_text(value)
    return None


def cell_text(value: object) -> str | None:
    """A cell's text as Excel's text functions read it; None for a blank cell.

    Numbers read as their General text (``A1&""``: 123, 1.5), TRUE/FALSE as 'TRUE'/'FALSE',
    dates as ISO text (a date has no text in Excel; nlsheet shows it so).
    """
    if is_blank(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return format(number, ".15g")
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        stamp = pd.Timestamp(value)
        if stamp == stamp.normalize():
            return stamp.date().isoformat()
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- lowering a condition to a test ------------------------------------------------------------


def _type_error(condition: Condition, table: Table, expected: str, message: str) -> ColumnTypeError:
    column = table.column(condition.column)
    return ColumnTypeError(
        message,
        expected=expected,
        found=repr(condition.value),
        where=column.header_cell or column.name,
    )


def _date_value(condition: Condition, value: Scalar | None, table: Table) -> dt.datetime:
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return pd.Timestamp(value).to_pydatetime()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        parsed = pd.to_datetime(value, errors="coerce")
        if not pd.isna(parsed):
            return pd.Timestamp(parsed).to_pydatetime()
    raise _type_error(
        condition,
        table,
        "a date to compare with",
        f"cannot compare the date column {condition.column} with {value!r}, which is no date",
    )


def _number_value(value: Scalar | None) -> float | None:
    if isinstance(value, dt.date):
        return excel_serial(value)
    return cell_number(value)


def _compare(condition: Condition, op: Op, value: Scalar | None, table: Table) -> Test:
    """One comparison with a value, by what the column holds."""
    kind = table.column(condition.column).kind
    if kind is ColumnKind.DATE:
        day = _date_value(condition, value, table)
        return Compare(condition.column, op, dt.datetime(day.year, day.month, day.day))
    number = _number_value(value)
    if op in (Op.EQ, Op.NE) and (kind is not ColumnKind.NUMBER or number is None):
        return TextIs(condition.column, cell_text(value) or "", op is Op.NE)
    if number is None:
        raise _type_error(
            condition,
            table,
            "a number to compare with",
            f"cannot compare the text column {condition.column} with {value!r} by size",
        )
    return Compare(condition.column, op, number)


def lower(condition: Condition, table: Table) -> Test:
    """The test a condition stands for on this table (values read by the column's kind).

    Raises:
        ColumnTypeError: If the value cannot be compared with the column (text by size, a date
            column with a value that is no date, months of a column without dates).
    """
    name, cmp = condition.column, condition.cmp
    kind = table.column(name).kind
    if cmp is Cmp.BLANK or cmp is Cmp.NOT_BLANK:
        return Blank(name, cmp is Cmp.BLANK)
    if condition.other is not None:
        if cmp not in _OPS:
            raise _type_error(
                condition,
                table,
                "a comparison (=, <>, >, >=, <, <=) between two columns",
                f"{name} cannot be tested '{cmp.value}' against the column {condition.other}",
            )
        return Versus(name, _OPS[cmp], condition.other)
    if cmp in (Cmp.MONTH, Cmp.QUARTER, Cmp.YEAR):
        if kind is not ColumnKind.DATE:
            raise _type_error(
                condition,
                table,
                "a column of dates",
                f"{name} holds no dates, so it has no {cmp.value} to test",
            )
        return DatePart(name, _PARTS[cmp], int(float(str(condition.value))))
    if cmp is Cmp.IN:
        return AnyOf(tuple(_compare(condition, Op.EQ, v, table) for v in condition.values))
    if cmp is Cmp.BETWEEN:
        low = _compare(condition, Op.GE, condition.value, table)
        return AllOf((low, _compare(condition, Op.LE, condition.value2, table)))
    if cmp in (Cmp.CONTAINS, Cmp.STARTS, Cmp.ENDS):
        if kind is ColumnKind.DATE:
            raise _type_error(
                condition,
                table,
                "a column of text or numbers",
                f"{name} holds dates, which have no text to search; try before, after or in",
            )
        how: Literal["contains", "starts", "ends"] = (
            "contains" if cmp is Cmp.CONTAINS else "starts" if cmp is Cmp.STARTS else "ends"
        )
        return TextMatch(name, how, cell_text(condition.value) or "")
    return _compare(condition, _OPS[cmp], condition.value, table)


# --- what a column holds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What a column's cells hold, where the renderings of a test depend on it.

    Attributes:
        text: Some cell holds text (spaces and numbers stored as text included).
        spaces: Some cell holds spaces only: blank to nlsheet, not to COUNTIFS's "".
        number_text: Some text reads as a number, or (in a date column) as a date.
        numbers: Some cell holds a number (or a date, or TRUE/FALSE): not text.
        times: Some date has a time of day.
    """

    text: bool = False
    spaces: bool = False
    number_text: bool = False
    numbers: bool = False
    times: bool = False


def _facts(table: Table, name: str) -> Facts:
    column = table.column(name)
    texts: set[str] = set()
    others: list[object] = []
    for value in table.raw[column.position]:
        if isinstance(value, str):
            texts.add(value)
        elif value is not None:
            others.append(value)
    texts.discard("")
    if column.kind is ColumnKind.DATE:
        number_text = any(not pd.isna(pd.to_datetime(t, errors="coerce")) for t in texts)
    else:
        number_text = any(parse_number_text(t) is not None for t in texts)
    times = False
    if any(issubclass(kind, (dt.datetime, pd.Timestamp)) for kind in {type(v) for v in others}):
        stamps = (pd.Timestamp(v) for v in others if isinstance(v, (dt.datetime, pd.Timestamp)))
        times = any(stamp != stamp.normalize() for stamp in stamps)
    return Facts(
        text=bool(texts),
        spaces=any(not t.strip() for t in texts),
        number_text=number_text,
        numbers=any(not is_blank(v) for v in others),
        times=times,
    )


def facts(table: Table, name: str) -> Facts:
    """What the cells of column ``name`` hold (read once per table)."""
    return table.memo(f"conditions:facts:{name}", lambda: _facts(table, name))


def blanks_add_nothing(measure: Measure, table: Table) -> bool:
    """Whether a total of the measure reads a blank as 0: a sum or difference of two number
    columns ('the change in total visitors from 2019 to 2021' is the totals' difference, over
    every row, not over the rows with both years). A blank date is no day 0: the days between
    two dates leave such rows out."""
    return measure.op in ("+", "-") and all(
        table.column(c).kind is ColumnKind.NUMBER for c in measure.columns
    )
