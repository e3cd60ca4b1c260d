"""The parts every formula is made of: the :class:`Formula` itself, the ``_xlfn.`` prefixes a
file needs, a column's range read as numbers, a measure row by row, and the Excel functions for
each aggregate. The formulas for each op are in :mod:`nlsheet.backends.formula`.

Example:
    >>> read_values("Amount", table)  # numbers stored as text read through VALUE
    'IFERROR(VALUE(Data!$E$2:$E$15),"")'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlsheet import refs
from nlsheet.backends.conditions import blanks_add_nothing
from nlsheet.plan import AggFunc, Measure
from nlsheet.workbook.table import Table

__all__ = [
    "IFS_FUNCTIONS",
    "ONE_FIGURE",
    "PLAIN",
    "Formula",
    "as_text_columns",
    "column_range",
    "measure_expr",
    "present_test",
    "read_values",
    "span_block",
    "to_file_text",
]


_NEW_FUNCTIONS = re.compile(
    r"(?<![\w.])(XLOOKUP|MAXIFS|MINIFS|STDEV\.S|VAR\.S|PERCENTILE\.INC|MODE\.SNGL|"
    r"FORECAST\.LINEAR|UNIQUE|SORTBY|SEQUENCE|XMATCH|TEXTJOIN)\("
)


_NEW_DYNAMIC = re.compile(r"(?<![\w.])(FILTER|SORT)\(")


_ARRAY_WORK = re.compile(
    r"(?<![\w.])(IF|IFERROR|FILTER|UNIQUE|SORTBY|SEQUENCE|LEN|COUNTIF|MONTH|YEAR|SEARCH|LEFT|"
    r"RIGHT)\(|--\(|\)\*\(|\)\+\("
)


PLAIN = {
    AggFunc.SUM: "SUM",
    AggFunc.AVERAGE: "AVERAGE",
    AggFunc.MIN: "MIN",
    AggFunc.MAX: "MAX",
    AggFunc.MEDIAN: "MEDIAN",
    AggFunc.COUNT: "COUNT",
    AggFunc.MODE: "MODE.SNGL",
    AggFunc.STDEV: "STDEV.S",
    AggFunc.VARIANCE: "VAR.S",
    AggFunc.PERCENTILE: "PERCENTILE.INC",
}


ONE_FIGURE = (AggFunc.SUM, AggFunc.AVERAGE, AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN)


IFS_FUNCTIONS = {
    AggFunc.SUM: "SUMIFS",
    AggFunc.AVERAGE: "AVERAGEIFS",
    AggFunc.MIN: "MINIFS",
    AggFunc.MAX: "MAXIFS",
}


@dataclass(frozen=True)
class Formula:
    """A formula, how to enter it, and its per-group or legacy forms.

    Attributes:
        text: The formula as typed into a cell, starting with '='.
        array: True when it evaluates arrays and old Excel needs it entered with Ctrl+Shift+Enter.
        spill: (rows, columns) of the result when it spills over several cells.
        legacy: An equivalent for Excel before 365 (INDEX/MATCH for XLOOKUP), if different.
        groups: For grouped answers, one formula per group; with two group keys, per pair of
            keys joined by :data:`GROUP_SEPARATOR` ('Lyon | Q1').
    """

    text: str
    array: bool = False
    spill: tuple[int, int] | None = None
    legacy: str | None = None
    groups: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Whatever evaluates an array expression needs array entry in Excel before 365.
        if not self.array and _ARRAY_WORK.search(self.text):
            object.__setattr__(self, "array", True)

    @property
    def file_text(self) -> str:
        """The text as stored in a file, with ``_xlfn.`` prefixes for newer functions."""
        return to_file_text(self.text)

    @property
    def file_groups(self) -> dict[str, str]:
        """The per-group formulas as stored in a file."""
        return {key: to_file_text(text) for key, text in self.groups.items()}


def to_file_text(text: str) -> str:
    """Add the ``_xlfn.`` prefixes Excel and LibreOffice expect in files."""
    text = _NEW_FUNCTIONS.sub(lambda m: f"_xlfn.{m.group(1)}(", text)
    return _NEW_DYNAMIC.sub(lambda m: f"_xlfn._xlws.{m.group(1)}(", text)


def column_range(name: str, table: Table) -> str:
    return table.column(name).data_range


def read_values(name: str, table: Table) -> str:
    """A column's range, read through VALUE when it holds numbers stored as text."""
    r = column_range(name, table)
    if table.values(name).numbers_as_text:
        return f'IFERROR(VALUE({r}),"")'
    return r


def measure_expr(measure: Measure, table: Table, total: bool = False) -> str:
    if measure.span:  # each row's total: the block times a column of ones
        return (
            f"MMULT(IFERROR(--{span_block(measure, table)},0),SEQUENCE({len(measure.span)},1,1,0))"
        )
    a = read_values(measure.column, table)
    if measure.other is None:
        return a
    b = read_values(measure.other, table)
    blanks = any(table.values(c).series.isna().any() for c in measure.columns)
    if not blanks or (total and blanks_add_nothing(measure, table)):
        return f"({a}{measure.op}{b})"  # Excel's arithmetic reads a blank as 0
    # A row with a blank on either side has no value (a blank would count as 0, or as 1900).
    blank = f'({column_range(measure.column, table)}="")+({column_range(measure.other, table)}="")'
    return f'IF({blank},"",{a}{measure.op}{b})'


def span_block(measure: Measure, table: Table) -> str:
    """The cells of side-by-side columns, first to last: Units!$B$2:$M$17."""
    first, last = table.column(measure.span[0]), table.column(measure.span[-1])
    return refs.range_ref(table.sheet, table.first_row, first.column, table.last_row, last.column)


def as_text_columns(measure: Measure, table: Table) -> bool:
    """True when a column of the measure holds numbers stored as text."""
    return any(table.values(c).numbers_as_text for c in measure.columns)


def present_test(derived: Measure | None, measure: str, table: Table) -> str:
    """The test that a row has what it is ranked by: its measure, or both derived columns."""
    if derived is not None and derived.span:  # a row with a figure in any of the columns
        ones = f"SEQUENCE({len(derived.span)},1,1,0)"
        return f'(MMULT(--({span_block(derived, table)}<>""),{ones})>0)'
    if derived is None or derived.other is None:
        return f'({measure}<>"")'
    other = column_range(derived.other, table)
    return f'({column_range(derived.column, table)}<>"")*({other}<>"")'
