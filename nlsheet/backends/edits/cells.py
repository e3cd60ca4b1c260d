"""What every edit handler shares: the value grid, cell ranges, change records, columns.

Handlers change two things in step: the openpyxl sheet (values, formulas, styles) and the
:data:`Grid` of the sheet's *values*, which is what later steps of a command read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nlsheet import refs
from nlsheet.errors import InputError
from nlsheet.plan import AggFunc
from nlsheet.workbook.table import Column, Table

__all__ = [
    "IFS",
    "MAX_CHART_GROUPS",
    "PLAIN",
    "Grid",
    "Record",
    "abs_range",
    "column_named",
    "column_values",
    "get",
    "new_sheet",
    "put",
    "record",
    "sheet_range",
    "sort_key",
    "text_of",
]

Record = dict[str, Any]
Grid = list[list[Any]]  # the sheet's values, row lists, grid[0][0] is A1
MAX_CHART_GROUPS = 30
IFS = {
    AggFunc.SUM: "SUMIFS",
    AggFunc.AVERAGE: "AVERAGEIFS",
    AggFunc.MAX: "_xlfn.MAXIFS",
    AggFunc.MIN: "_xlfn.MINIFS",
}
PLAIN = {AggFunc.SUM: "SUM", AggFunc.AVERAGE: "AVERAGE", AggFunc.MAX: "MAX", AggFunc.MIN: "MIN"}


def put(grid: Grid, row: int, column: int, value: Any) -> None:
    """Set the value of sheet cell (row, column) in the grid, growing it as needed."""
    while len(grid) < row:
        grid.append([])
    line = grid[row - 1]
    while len(line) < column:
        line.append(None)
    line[column - 1] = value


def get(grid: Grid, row: int, column: int) -> Any:
    if row - 1 < len(grid) and column - 1 < len(grid[row - 1]):
        return grid[row - 1][column - 1]
    return None


def sheet_range(ws: Any, r1: int, c1: int, r2: int, c2: int) -> str:
    return refs.range_ref(ws.title, r1, c1, r2, c2).replace("$", "")


def record(ws: Any, r1: int, c1: int, r2: int, c2: int, what: str, kind: str) -> Record:
    return {"sheet": ws.title, "range": sheet_range(ws, r1, c1, r2, c2), "what": what, "kind": kind}


def abs_range(table: Table, column: Column) -> str:
    first = refs.cell_ref(None, table.first_row, column.column, absolute=True)
    last = refs.cell_ref(None, table.last_row, column.column, absolute=True)
    return f"{refs.quote_sheet(table.sheet)}!{first}:{last}"


def column_named(table: Table, name: str) -> Column:
    for column in table.columns:
        if column.name == name:
            return column
    for column in table.columns:
        if column.name.casefold() == name.casefold():
            return column
    raise InputError(
        f"no column {name!r} in {table.header_ref}",
        expected="a header of the table",
        found=name,
        where=table.header_ref,
        candidates=[c.name for c in table.columns],
    )


_NUMBER_TEXT = re.compile(r"^\s*[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*$")


def sort_key(value: Any) -> tuple[int, Any]:
    """How Excel orders values: numbers (also numbers stored as text), dates, text A to Z
    ignoring case, blanks last."""
    if value is None or value == "":
        return (3, 0)
    if isinstance(value, str) and _NUMBER_TEXT.match(value):
        return (0, float(value.replace(",", "")))
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)):
        return (0, float(value))
    if isinstance(value, dt.datetime):
        return (1, value.timestamp())
    if isinstance(value, dt.date):
        return (1, dt.datetime(value.year, value.month, value.day).timestamp())
    return (2, str(value).casefold())


def column_values(grid: Grid, table: Table, column: Column) -> list[Any]:
    return [get(grid, r, column.column) for r in range(table.first_row, table.last_row + 1)]


def text_of(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def new_sheet(book: Any, wanted: str) -> Any:
    name = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip()[:31] or "Sheet"
    base, n = name, 2
    while name.casefold() in (s.casefold() for s in book.sheetnames):
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return book.create_sheet(name)
