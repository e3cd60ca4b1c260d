"""Edits of rows: sort, remove duplicates, fill blanks, filter, copy matching rows away."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import Any

from nlsheet import refs
from nlsheet.backends.edits.cells import (
    Grid,
    Record,
    column_named,
    column_values,
    get,
    new_sheet,
    put,
    record,
    sort_key,
    text_of,
)
from nlsheet.changes import ExtractRows, FillBlanks, Filter, RemoveDuplicates, Sort
from nlsheet.plan import Cmp, Where
from nlsheet.workbook.table import Table

__all__ = ["extract", "fill", "filter_rows", "remove_duplicates", "sort"]


def _table_record(ws: Any, table: Table, what: str, kind: str) -> Record:
    """A change to every data row of the table."""
    first, last = (table.first_row, table.first_column), (table.last_row, table.last_column)
    return record(ws, *first, *last, what, kind)


def _rewrite_rows(ws: Any, table: Table, order: Sequence[int], grid: Grid) -> None:
    """Put data row ``order[i]`` at position i (formulas translated, styles and heights
    along), clear the rows left over; the grid of values follows."""
    from openpyxl.formula.translate import Translator

    c0, c1 = table.first_column, table.last_column
    rows = list(range(table.first_row, table.last_row + 1))
    saved = {
        r: [(ws.cell(r, c).value, ws.cell(r, c)._style) for c in range(c0, c1 + 1)] for r in rows
    }
    values = {r: [get(grid, r, c) for c in range(c0, c1 + 1)] for r in rows}
    heights = {r: ws.row_dimensions[r].height for r in rows}
    for i, target in enumerate(rows):
        if i >= len(order):
            for c in range(c0, c1 + 1):
                ws.cell(target, c).value = None
                put(grid, target, c, None)
            ws.row_dimensions[target].height = None
            continue
        source = rows[order[i]]
        for offset, (stored, style) in enumerate(saved[source]):
            cell = ws.cell(target, c0 + offset)
            value = stored
            if isinstance(stored, str) and stored.startswith("=") and source != target:
                origin = refs.cell_ref(None, source, c0 + offset)
                value = Translator(stored, origin).translate_formula(cell.coordinate)
            cell.value = value
            cell._style = copy(style)
            put(grid, target, c0 + offset, values[source][offset])
        ws.row_dimensions[target].height = heights[source]


def sort(change: Sort, ws: Any, table: Table, grid: Grid) -> list[Record]:
    order = list(range(table.n_rows))
    for key in reversed(change.keys):  # stable sorts, last key first
        values = column_values(grid, table, column_named(table, key.column))
        blanks = [i for i in order if values[i] is None or values[i] == ""]
        filled = [i for i in order if not (values[i] is None or values[i] == "")]
        filled.sort(key=lambda i: sort_key(values[i]), reverse=key.descending)
        order = filled + blanks  # blanks last either way, as Excel does
    _rewrite_rows(ws, table, order, grid)
    return [
        _table_record(ws, table, change.describe().replace("sort by", "sorted rows by"), "values")
    ]


def remove_duplicates(change: RemoveDuplicates, ws: Any, table: Table, grid: Grid) -> list[Record]:
    columns = [column_named(table, n) for n in change.columns] or list(table.columns)
    seen: set[tuple[Any, ...]] = set()
    keep: list[int] = []
    for i, r in enumerate(range(table.first_row, table.last_row + 1)):
        key = tuple(_norm(get(grid, r, c.column)) for c in columns)
        if key not in seen:
            seen.add(key)
            keep.append(i)
    removed = table.n_rows - len(keep)
    _rewrite_rows(ws, table, keep, grid)
    on = ", ".join(c.name for c in columns) if change.columns else "all columns"
    return [
        _table_record(
            ws,
            table,
            f"removed {removed} duplicate row(s) (judged on {on}); {len(keep)} rows remain",
            "values",
        )
    ]


def _norm(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def fill(change: FillBlanks, ws: Any, table: Table, grid: Grid) -> list[Record]:
    out: list[Record] = []
    for name in change.columns:
        column = column_named(table, name)
        filled = 0
        above: Any = None
        for r in range(table.first_row, table.last_row + 1):
            current = get(grid, r, column.column)
            if current is None or (isinstance(current, str) and not current.strip()):
                value = above if change.from_above else change.value
                if value is not None:
                    ws.cell(r, column.column).value = value
                    put(grid, r, column.column, value)
                    filled += 1
            else:
                above = current
        if filled:
            how = "the value above" if change.from_above else repr(change.value)
            out.append(
                record(
                    ws,
                    table.first_row,
                    column.column,
                    table.last_row,
                    column.column,
                    f"filled {filled} blank cell(s) of {column.name} with {how}",
                    "values",
                )
            )
    if not out:
        out.append(_table_record(ws, table, "no blank cells to fill", "none"))
    return out


def _mask(where: Where, table: Table) -> list[bool]:
    from nlsheet.backends.masks import row_mask

    return [bool(v) for v in row_mask(where, table).tolist()]


def filter_rows(change: Filter, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn, Filters

    top = table.header_row or table.first_row
    ref = refs.range_ref(
        None, top, table.first_column, table.last_row, table.last_column, absolute=False
    )
    ws.auto_filter.ref = ref
    ws.auto_filter.filterColumn = []
    shown = table.n_rows
    if change.where:
        for condition in change.where.conditions:
            column = column_named(table, condition.column)
            col_id = column.column - table.first_column
            if condition.cmp in (Cmp.EQ, Cmp.IN) and condition.value2 is None:
                values = condition.values or (condition.value,)
                ws.auto_filter.filterColumn.append(
                    FilterColumn(colId=col_id, filters=Filters(filter=[text_of(v) for v in values]))
                )
            elif condition.cmp in _CUSTOM and not isinstance(condition.value, str):
                ws.auto_filter.filterColumn.append(
                    FilterColumn(
                        colId=col_id,
                        customFilters=CustomFilters(
                            customFilter=[
                                CustomFilter(
                                    operator=_CUSTOM[condition.cmp],  # type: ignore[arg-type]
                                    val=text_of(condition.value),
                                )
                            ]
                        ),
                    )
                )
        mask = _mask(change.where, table)
        shown = sum(mask)
        for i, r in enumerate(range(table.first_row, table.last_row + 1)):
            ws.row_dimensions[r].hidden = not mask[i]
    what = (
        f"AutoFilter on; showing {shown} of {table.n_rows} rows"
        if change.where
        else "AutoFilter turned on"
    )
    return [record(ws, top, table.first_column, table.last_row, table.last_column, what, "filter")]


_CUSTOM = {
    Cmp.GT: "greaterThan",
    Cmp.GE: "greaterThanOrEqual",
    Cmp.LT: "lessThan",
    Cmp.LE: "lessThanOrEqual",
    Cmp.NE: "notEqual",
}


def extract(change: ExtractRows, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formula.translate import Translator

    mask = _mask(change.where, table)
    target = new_sheet(ws.parent, change.sheet_name)
    c0, c1 = table.first_column, table.last_column
    header = table.header_row or table.first_row
    for j, c in enumerate(range(c0, c1 + 1), 1):
        src = ws.cell(header, c)
        cell = target.cell(1, j, src.value)
        cell._style = copy(src._style)
        width = ws.column_dimensions[refs.column_letter(c)].width
        if width:
            target.column_dimensions[refs.column_letter(j)].width = width
    out_row = 1
    for i, r in enumerate(range(table.first_row, table.last_row + 1)):
        if not mask[i]:
            continue
        out_row += 1
        for j, c in enumerate(range(c0, c1 + 1), 1):
            # Values, not formulas: the copy is a snapshot of the rows that matched. A formula
            # whose value the file did not cache moves along, reading the copied row.
            value = get(grid, r, c)
            source = ws.cell(r, c)
            if value in (None, "") and isinstance(source.value, str) and source.value[:1] == "=":
                value = Translator(source.value, source.coordinate).translate_formula(
                    refs.cell_ref(None, out_row, j)
                )
            cell = target.cell(out_row, j, value)
            cell.number_format = source.number_format
    target.freeze_panes = "A2"
    return [
        record(
            target,
            1,
            1,
            out_row,
            c1 - c0 + 1,
            f"new sheet {target.title!r} with the {out_row - 1} matching row(s)",
            "sheet",
        )
    ]
