"""Edits of columns: a computed column (and its values), a renamed header, a total row."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from copy import copy
from typing import Any

from nlsheet import refs
from nlsheet.backends.edits.cells import (
    PLAIN,
    Grid,
    Record,
    column_named,
    column_values,
    get,
    put,
    record,
    sheet_range,
)
from nlsheet.changes import AddColumn, AddTotalRow, RenameColumn, expression_tokens
from nlsheet.errors import InputError
from nlsheet.workbook.table import Table

__all__ = ["add_column", "add_total_row", "evaluate", "rename_column"]


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "^": operator.pow,
}


def _rank(operator_token: str) -> int:
    return 4 if operator_token == "neg" else _PRECEDENCE[operator_token]


def evaluate(tokens: Sequence[str], value_of: Callable[[str], Any]) -> float | None:
    """The value of a computed column's expression for one row (None when a cell is not a
    number, or for a division by zero), as Excel would show it.

    Example:
        >>> evaluate(["[Units]", "*", "[Price]"], {"Units": 3, "Price": 2.5}.get)
        7.5
    """
    # Shunting-yard with Excel's rules: every binary operator is left-associative
    # (=2^3^2 is 64) and a sign binds tighter than ^ (=-2^2 is 4).
    output: list[str] = []
    stack: list[str] = []
    operand_next = True  # at the start, after an operator, '(' or a sign
    for token in tokens:
        if token in ("-", "+") and operand_next:
            if token == "-":
                stack.append("neg")
        elif token in _PRECEDENCE:
            while stack and stack[-1] != "(" and _rank(stack[-1]) >= _PRECEDENCE[token]:
                output.append(stack.pop())
            stack.append(token)
            operand_next = True
        elif token == "(":
            stack.append(token)
            operand_next = True
        elif token == ")":
            while stack and stack[-1] != "(":
                output.append(stack.pop())
            stack.pop()
            operand_next = False
        else:
            output.append(token)
            operand_next = False
    output.extend(reversed(stack))
    values: list[float] = []
    for token in output:
        if token == "neg":
            values.append(-values.pop())
        elif token in _PRECEDENCE:
            b, a = values.pop(), values.pop()
            if token == "/" and b == 0:
                return None
            try:
                values.append(_ARITHMETIC[token](a, b))
            except (OverflowError, ZeroDivisionError, ValueError):
                return None  # Excel shows #NUM! or #DIV/0!; the grid keeps no value
        elif token.startswith("["):
            cell = value_of(token[1:-1])
            if isinstance(cell, bool) or not isinstance(cell, (int, float)):
                return None
            values.append(float(cell))
        else:
            values.append(float(token[:-1]) / 100 if token.endswith("%") else float(token))
    return values[0] if values else None


def add_column(change: AddColumn, ws: Any, table: Table, grid: Grid) -> list[Record]:
    new = table.last_column + 1
    top = table.header_row or table.first_row
    if any(
        ws.cell(r, new).value not in (None, "") or get(grid, r, new) not in (None, "")
        for r in range(top, table.last_row + 1)
    ):
        raise InputError(
            f"column {refs.column_letter(new)} right of the table is not empty; nlsheet will not "
            "overwrite it",
            expected="an empty column right of the table",
            found=f"values in column {refs.column_letter(new)}",
            where=sheet_range(ws, top, new, table.last_row, new),
        )
    tokens = expression_tokens(change.expression)
    used = [column_named(table, t[1:-1]) for t in tokens if t.startswith("[")]
    header = ws.cell(top, new, change.name)
    put(grid, top, new, change.name)
    header._style = copy(ws.cell(top, table.last_column)._style)
    letter = refs.column_letter(table.last_column)
    width = ws.column_dimensions[letter].width
    if width:
        ws.column_dimensions[refs.column_letter(new)].width = max(width, len(change.name) + 2)
    numbers_format = ws.cell(table.first_row, used[0].column).number_format
    divides = "/" in tokens
    for r in range(table.first_row, table.last_row + 1):
        parts = [
            f"{refs.column_letter(column_named(table, t[1:-1]).column)}{r}"
            if t.startswith("[")
            else t
            for t in tokens
        ]
        cell = ws.cell(r, new, "=" + "".join(parts))
        cell.number_format = "0.00" if divides else numbers_format
        put(grid, r, new, evaluate(tokens, _row_values(grid, table, r)))
    return [
        record(
            ws,
            top,
            new,
            table.last_row,
            new,
            f"new column {change.name} = {change.expression} (formula filled down)",
            "formulas",
        )
    ]


def _row_values(grid: Grid, table: Table, row: int) -> Callable[[str], Any]:
    def value_of(name: str) -> Any:
        return get(grid, row, column_named(table, name).column)

    return value_of


def rename_column(change: RenameColumn, ws: Any, table: Table, grid: Grid) -> list[Record]:
    column = column_named(table, change.column)
    clash = [c.name for c in table.columns if c.name.casefold() == change.new_name.casefold()]
    if clash and clash[0] != column.name:
        raise InputError(
            f"there is already a column {clash[0]!r}; choose another name",
            expected="a new header",
            found=change.new_name,
            where=table.header_ref,
        )
    row = table.header_row or table.first_row
    ws.cell(row, column.column).value = change.new_name
    put(grid, row, column.column, change.new_name)
    for excel_table in ws.tables.values():  # keep an Excel table's column names in step
        for tc in excel_table.tableColumns:
            if tc.name == column.name:
                tc.name = change.new_name
    return [
        record(
            ws,
            row,
            column.column,
            row,
            column.column,
            f"renamed {column.name} to {change.new_name}",
            "values",
        )
    ]


def add_total_row(change: AddTotalRow, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import Font

    row = table.last_row + 1
    if table.total_row is not None or any(
        ws.cell(row, c).value not in (None, "")
        for c in range(table.first_column, table.last_column + 1)
    ):
        raise InputError(
            f"row {row} under the table is not empty (a totals row already?); nlsheet will not "
            "overwrite it",
            expected="an empty row under the table",
            found=f"values in row {row}",
            where=sheet_range(ws, row, table.first_column, row, table.last_column),
        )
    columns = [column_named(table, n) for n in change.columns]
    func = PLAIN.get(change.func, "SUM")
    label_column = table.first_column
    if label_column not in {c.column for c in columns}:
        label = "Total" if func == "SUM" else func.title()
        ws.cell(row, label_column, label).font = Font(b=True)
        put(grid, row, label_column, label)
    for column in columns:
        first = refs.cell_ref(None, table.first_row, column.column)
        last = refs.cell_ref(None, table.last_row, column.column)
        cell = ws.cell(row, column.column, f"={func}({first}:{last})")
        cell.font = Font(b=True)
        cell.number_format = ws.cell(table.first_row, column.column).number_format
        numbers = [
            float(v)
            for v in column_values(grid, table, column)
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        ]
        total = sum(numbers) if func == "SUM" else None
        if func != "SUM" and numbers:
            total = {
                "AVERAGE": sum(numbers) / len(numbers),
                "MAX": max(numbers),
                "MIN": min(numbers),
            }[func]
        put(grid, row, column.column, total)
    return [
        record(
            ws,
            row,
            table.first_column,
            row,
            table.last_column,
            f"total row ({func}) under {', '.join(c.name for c in columns)}",
            "formulas",
        )
    ]
