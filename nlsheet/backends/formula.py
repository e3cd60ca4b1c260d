"""Excel formulas for plans: absolute, sheet-qualified ranges; one handler per op.

An op the backend cannot express raises :class:`UnsupportedOperationError`; it never returns an
approximate formula.

Example:
    >>> to_formula(Plan("Sales", Aggregate(AggFunc.AVERAGE, "Sales")), table).text
    '=AVERAGE(Sales!$G$2:$G$201)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from nlsheet.errors import UnsupportedOperationError
from nlsheet.plan import AggFunc, Aggregate, Plan
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["Formula", "to_formula"]

_FUNCTIONS = {
    AggFunc.SUM: "SUM",
    AggFunc.AVERAGE: "AVERAGE",
    AggFunc.MIN: "MIN",
    AggFunc.MAX: "MAX",
    AggFunc.MEDIAN: "MEDIAN",
    AggFunc.COUNT: "COUNT",
}


@dataclass(frozen=True)
class Formula:
    """A formula's text and whether it must be entered as an array formula (CSE) in old Excel.

    Attributes:
        text: The formula as typed into a cell, starting with '='.
        array: True when it computes over an array expression (``IFERROR(VALUE(...))``).
    """

    text: str
    array: bool = False


def to_formula(plan: Plan, table: Table) -> Formula:
    """Return the Excel formula that computes the plan's value live.

    Raises:
        UnsupportedOperationError: If the op has no faithful formula.
    """
    op = plan.op
    match op:
        case Aggregate():
            return _aggregate(op, table)
        case _:
            assert_never(op)


def _aggregate(op: Aggregate, table: Table) -> Formula:
    if op.column is None:
        return Formula(f"=ROWS({table.columns[0].data_range})")
    column = table.column(op.column)
    if table.n_rows == 0:
        raise UnsupportedOperationError(
            f"{column.name} has no data rows, so there is no range to write a formula over",
            expected="at least one data row",
            found="none",
            where=column.header_cell,
        )
    function = _FUNCTIONS[op.func]
    if op.func is AggFunc.COUNT and column.kind in (ColumnKind.TEXT, ColumnKind.BOOL):
        function = "COUNTA"
    if column.kind is ColumnKind.NUMBER and table.values(column.name).numbers_as_text:
        # Excel's own SUM/AVERAGE skip numbers stored as text; VALUE reads them as numbers.
        return Formula(f'={function}(IFERROR(VALUE({column.data_range}),""))', array=True)
    return Formula(f"={function}({column.data_range})")
