"""The edits backend: apply a :mod:`nlsheet.changes` change to an openpyxl workbook in memory.

One handler per change kind; each returns the changes it made (sheet, range, what) for
``Result.changes``. Handlers read the cells as they are now (an earlier step of the same command
may have sorted or added rows), keep formulas right when rows move (openpyxl's Translator), and
write live formulas (SUMIFS, SUM) for everything computed, so the workbook stays current. File
handling (load, atomic save, backups) lives in :mod:`nlsheet.workbook.editor`.

Example:
    >>> apply(Sort((SortKey("Sales", True),)), book, table)
    [{'sheet': 'Sales', 'range': 'Sales!A2:G201', 'what': 'sorted rows by Sales (largest first)'}]
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Sequence
from copy import copy
from typing import Any, assert_never

from nlsheet import refs
from nlsheet.changes import (
    AddColumn,
    AddTotalRow,
    Autofit,
    Change,
    Chart,
    ColorScale,
    Dashboard,
    DataBars,
    ExtractRows,
    FillBlanks,
    Filter,
    FreezeHeader,
    Highlight,
    NumberFormat,
    Pivot,
    RemoveDuplicates,
    RenameColumn,
    Sort,
    StyleHeader,
    expression_tokens,
)
from nlsheet.errors import InputError, UnsupportedOperationError
from nlsheet.plan import AggFunc, Cmp, Condition, Where
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["apply", "evaluate"]

Record = dict[str, Any]
Grid = list[list[Any]]  # the sheet's values, row lists, grid[0][0] is A1
_MAX_CHART_GROUPS = 30
_IFS = {
    AggFunc.SUM: "SUMIFS",
    AggFunc.AVERAGE: "AVERAGEIFS",
    AggFunc.MAX: "_xlfn.MAXIFS",
    AggFunc.MIN: "_xlfn.MINIFS",
}
_PLAIN = {AggFunc.SUM: "SUM", AggFunc.AVERAGE: "AVERAGE", AggFunc.MAX: "MAX", AggFunc.MIN: "MIN"}


def _put(grid: Grid, row: int, column: int, value: Any) -> None:
    """Set the value of sheet cell (row, column) in the grid, growing it as needed."""
    while len(grid) < row:
        grid.append([])
    line = grid[row - 1]
    while len(line) < column:
        line.append(None)
    line[column - 1] = value


def _get(grid: Grid, row: int, column: int) -> Any:
    if row - 1 < len(grid) and column - 1 < len(grid[row - 1]):
        return grid[row - 1][column - 1]
    return None


def _rng(ws: Any, r1: int, c1: int, r2: int, c2: int) -> str:
    return refs.range_ref(ws.title, r1, c1, r2, c2).replace("$", "")


def _record(ws: Any, r1: int, c1: int, r2: int, c2: int, what: str, kind: str) -> Record:
    return {"sheet": ws.title, "range": _rng(ws, r1, c1, r2, c2), "what": what, "kind": kind}


def _abs_range(table: Table, column: Column) -> str:
    first = refs.cell_ref(None, table.first_row, column.column, absolute=True)
    last = refs.cell_ref(None, table.last_row, column.column, absolute=True)
    return f"{refs.quote_sheet(table.sheet)}!{first}:{last}"


def _col(table: Table, name: str) -> Column:
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


# --- computed values --------------------------------------------------------------------------

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


# --- rows: sort, remove duplicates, fill -----------------------------------------------------


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (3, 0)
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)):
        return (0, float(value))
    if isinstance(value, dt.datetime):
        return (1, value.timestamp())
    if isinstance(value, dt.date):
        return (1, dt.datetime(value.year, value.month, value.day).timestamp())
    return (2, str(value).casefold())


def _rewrite_rows(ws: Any, table: Table, order: Sequence[int], grid: Grid) -> None:
    """Put data row ``order[i]`` at position i (formulas translated, styles and heights
    along), clear the rows left over; the grid of values follows."""
    from openpyxl.formula.translate import Translator

    c0, c1 = table.first_column, table.last_column
    rows = list(range(table.first_row, table.last_row + 1))
    saved = {
        r: [(ws.cell(r, c).value, ws.cell(r, c)._style) for c in range(c0, c1 + 1)] for r in rows
    }
    values = {r: [_get(grid, r, c) for c in range(c0, c1 + 1)] for r in rows}
    heights = {r: ws.row_dimensions[r].height for r in rows}
    for i, target in enumerate(rows):
        if i >= len(order):
            for c in range(c0, c1 + 1):
                ws.cell(target, c).value = None
                _put(grid, target, c, None)
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
            _put(grid, target, c0 + offset, values[source][offset])
        ws.row_dimensions[target].height = heights[source]


def _values(grid: Grid, table: Table, column: Column) -> list[Any]:
    return [_get(grid, r, column.column) for r in range(table.first_row, table.last_row + 1)]


def _sort(change: Sort, ws: Any, table: Table, grid: Grid) -> list[Record]:
    order = list(range(table.n_rows))
    for key in reversed(change.keys):  # stable sorts, last key first
        values = _values(grid, table, _col(table, key.column))
        blanks = [i for i in order if values[i] is None or values[i] == ""]
        filled = [i for i in order if not (values[i] is None or values[i] == "")]
        filled.sort(key=lambda i: _sort_key(values[i]), reverse=key.descending)
        order = filled + blanks  # blanks last either way, as Excel does
    _rewrite_rows(ws, table, order, grid)
    return [
        _record(
            ws,
            table.first_row,
            table.first_column,
            table.last_row,
            table.last_column,
            change.describe().replace("sort by", "sorted rows by"),
            "values",
        )
    ]


def _dedupe(change: RemoveDuplicates, ws: Any, table: Table, grid: Grid) -> list[Record]:
    columns = [_col(table, n) for n in change.columns] or list(table.columns)
    seen: set[tuple[Any, ...]] = set()
    keep: list[int] = []
    for i, r in enumerate(range(table.first_row, table.last_row + 1)):
        key = tuple(_norm(_get(grid, r, c.column)) for c in columns)
        if key not in seen:
            seen.add(key)
            keep.append(i)
    removed = table.n_rows - len(keep)
    _rewrite_rows(ws, table, keep, grid)
    on = ", ".join(c.name for c in columns) if change.columns else "all columns"
    return [
        _record(
            ws,
            table.first_row,
            table.first_column,
            table.last_row,
            table.last_column,
            f"removed {removed} duplicate row(s) (judged on {on}); {len(keep)} rows remain",
            "values",
        )
    ]


def _norm(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def _fill(change: FillBlanks, ws: Any, table: Table, grid: Grid) -> list[Record]:
    out: list[Record] = []
    for name in change.columns:
        column = _col(table, name)
        filled = 0
        above: Any = None
        for r in range(table.first_row, table.last_row + 1):
            current = _get(grid, r, column.column)
            if current is None or (isinstance(current, str) and not current.strip()):
                value = above if change.from_above else change.value
                if value is not None:
                    ws.cell(r, column.column).value = value
                    _put(grid, r, column.column, value)
                    filled += 1
            else:
                above = current
        if filled:
            how = "the value above" if change.from_above else repr(change.value)
            out.append(
                _record(
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
        out.append(
            _record(
                ws,
                table.first_row,
                table.first_column,
                table.last_row,
                table.last_column,
                "no blank cells to fill",
                "none",
            )
        )
    return out


# --- filter and extract ----------------------------------------------------------------------


def _mask(where: Where, table: Table) -> list[bool]:
    from nlsheet.backends.pandas_exec import row_mask

    return [bool(v) for v in row_mask(where, table).tolist()]


def _filter(change: Filter, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.worksheet.filters import CustomFilter, CustomFilters, FilterColumn, Filters

    top = table.header_row or table.first_row
    ref = _rng(ws, top, table.first_column, table.last_row, table.last_column).split("!")[-1]
    ws.auto_filter.ref = ref
    ws.auto_filter.filterColumn = []
    shown = table.n_rows
    if change.where:
        for condition in change.where.conditions:
            column = _col(table, condition.column)
            col_id = column.column - table.first_column
            if condition.cmp in (Cmp.EQ, Cmp.IN) and condition.value2 is None:
                values = condition.values or (condition.value,)
                ws.auto_filter.filterColumn.append(
                    FilterColumn(colId=col_id, filters=Filters(filter=[_text(v) for v in values]))
                )
            elif condition.cmp in _CUSTOM and not isinstance(condition.value, str):
                ws.auto_filter.filterColumn.append(
                    FilterColumn(
                        colId=col_id,
                        customFilters=CustomFilters(
                            customFilter=[
                                CustomFilter(
                                    operator=_CUSTOM[condition.cmp],  # type: ignore[arg-type]
                                    val=_text(condition.value),
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
    return [_record(ws, top, table.first_column, table.last_row, table.last_column, what, "filter")]


_CUSTOM = {
    Cmp.GT: "greaterThan",
    Cmp.GE: "greaterThanOrEqual",
    Cmp.LT: "lessThan",
    Cmp.LE: "lessThanOrEqual",
    Cmp.NE: "notEqual",
}


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _new_sheet(book: Any, wanted: str) -> Any:
    name = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip()[:31] or "Sheet"
    base, n = name, 2
    while name.casefold() in (s.casefold() for s in book.sheetnames):
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return book.create_sheet(name)


def _extract(change: ExtractRows, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formula.translate import Translator

    mask = _mask(change.where, table)
    target = _new_sheet(ws.parent, change.sheet_name)
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
            value = _get(grid, r, c)
            source = ws.cell(r, c)
            if value in (None, "") and isinstance(source.value, str) and source.value[:1] == "=":
                value = Translator(source.value, source.coordinate).translate_formula(
                    refs.cell_ref(None, out_row, j)
                )
            cell = target.cell(out_row, j, value)
            cell.number_format = source.number_format
    target.freeze_panes = "A2"
    return [
        _record(
            target,
            1,
            1,
            out_row,
            c1 - c0 + 1,
            f"new sheet {target.title!r} with the {out_row - 1} matching row(s)",
            "sheet",
        )
    ]


# --- formats ---------------------------------------------------------------------------------


def _pattern(change: NumberFormat) -> str:
    places = change.decimals
    tail = ("." + "0" * places) if places else ""
    if change.style == "currency":
        return f'"{change.symbol}"#,##0' + (
            "." + "0" * (2 if places is None else places) if places != 0 else ""
        )
    if change.style == "percent":
        return "0" + ("." + "0" * (1 if places is None else places) if places != 0 else "") + "%"
    if change.style == "thousands":
        return "#,##0" + tail
    if change.style == "decimal":
        return "0" + ("." + "0" * (places or 2))
    if change.style == "date":
        return change.pattern or "yyyy-mm-dd"
    return "General"


def _number_format(change: NumberFormat, ws: Any, table: Table, grid: Grid) -> list[Record]:
    pattern = _pattern(change)
    out = []
    for name in change.columns:
        column = _col(table, name)
        for r in range(table.first_row, table.last_row + 1):
            ws.cell(r, column.column).number_format = pattern
        out.append(
            _record(
                ws,
                table.first_row,
                column.column,
                table.last_row,
                column.column,
                f"number format {pattern} ({change.style}) on {column.name}",
                "format",
            )
        )
    return out


def _style_header(change: StyleHeader, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import PatternFill

    row = table.header_row or table.first_row
    for c in range(table.first_column, table.last_column + 1):
        cell = ws.cell(row, c)
        font = copy(cell.font)
        font.b = change.bold
        if change.font_color:
            font.color = change.font_color
        cell.font = font
        if change.fill:
            cell.fill = PatternFill("solid", start_color=change.fill, end_color=change.fill)
    return [
        _record(ws, row, table.first_column, row, table.last_column, change.describe(), "format")
    ]


def _display_width(value: Any, number_format: str) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return max(10, len(number_format))
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max(len(line) for line in str(value).splitlines() or [""])


def _autofit(change: Autofit, ws: Any, table: Table, grid: Grid) -> list[Record]:
    columns = [_col(table, n) for n in change.columns] or list(table.columns)
    top = table.header_row or table.first_row
    last = min(table.last_row, top + 5000)  # a sample is enough for a width
    for column in columns:
        widest = max(
            (
                _display_width(
                    _get(grid, r, column.column), ws.cell(r, column.column).number_format
                )
                for r in range(top, last + 1)
            ),
            default=8,
        )
        letter = refs.column_letter(column.column)
        ws.column_dimensions[letter].width = min(max(widest + 2, 6), 60)
    first, end = columns[0].column, columns[-1].column
    return [
        _record(
            ws,
            top,
            first,
            top,
            end,
            f"column widths fitted for {', '.join(c.name for c in columns)}",
            "format",
        )
    ]


def _freeze(change: FreezeHeader, ws: Any, table: Table, grid: Grid) -> list[Record]:
    row = (table.header_row or table.first_row - 1) + 1
    ws.freeze_panes = f"A{row}"
    return [
        _record(
            ws,
            row - 1,
            table.first_column,
            row - 1,
            table.last_column,
            f"froze rows above A{row}",
            "format",
        )
    ]


# --- conditional formats ---------------------------------------------------------------------


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, dt.datetime):
        return f"DATE({value.year},{value.month},{value.day})"
    if isinstance(value, dt.date):
        return f"DATE({value.year},{value.month},{value.day})"
    return _text(value)


_OPS = {Cmp.EQ: "=", Cmp.NE: "<>", Cmp.GT: ">", Cmp.GE: ">=", Cmp.LT: "<", Cmp.LE: "<="}


def _test(condition: Condition, table: Table, row: int) -> str:
    """An Excel boolean for one condition on sheet row ``row`` (column absolute, row relative)."""
    column = _col(table, condition.column)
    ref = f"${refs.column_letter(column.column)}{row}"
    cmp = condition.cmp
    if condition.other is not None:
        other = _col(table, condition.other)
        return f"{ref}{_OPS[cmp]}${refs.column_letter(other.column)}{row}"
    if cmp in _OPS and condition.value is not None:
        return f"{ref}{_OPS[cmp]}{_literal(condition.value)}"
    if cmp is Cmp.BETWEEN:
        return f"AND({ref}>={_literal(condition.value)},{ref}<={_literal(condition.value2)})"
    if cmp is Cmp.IN:
        return "OR(" + ",".join(f"{ref}={_literal(v)}" for v in condition.values) + ")"
    if cmp is Cmp.BLANK:
        return f"LEN(TRIM({ref}))=0"
    if cmp is Cmp.NOT_BLANK:
        return f"LEN(TRIM({ref}))>0"
    if cmp is Cmp.CONTAINS:
        return f"ISNUMBER(SEARCH({_literal(condition.value)},{ref}))"
    if cmp is Cmp.STARTS:
        text = str(condition.value)
        return f"LEFT({ref},{len(text)})={_literal(text)}"
    if cmp is Cmp.ENDS:
        text = str(condition.value)
        return f"RIGHT({ref},{len(text)})={_literal(text)}"
    if cmp is Cmp.MONTH:
        return f"MONTH({ref})={_text(condition.value)}"
    if cmp is Cmp.YEAR:
        return f"YEAR({ref})={_text(condition.value)}"
    if cmp is Cmp.QUARTER:
        return f"ROUNDUP(MONTH({ref})/3,0)={_text(condition.value)}"
    raise UnsupportedOperationError(
        f"a highlight rule cannot express {cmp.value!r} on {column.name}",
        expected="comparisons, between, lists, blanks, contains, months, years",
        found=cmp.value,
        where=column.header_cell,
    )


def _row_formula(where: Where, table: Table) -> str:
    tests = [_test(c, table, table.first_row) for c in where.conditions]
    if len(tests) == 1:
        return tests[0]
    return ("OR(" if where.any else "AND(") + ",".join(tests) + ")"


def _fill_style(color: str) -> Any:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle

    dark = {"FFC7CE": "9C0006", "C6EFCE": "006100", "FFEB9C": "9C5700"}.get(color)
    return DifferentialStyle(
        fill=PatternFill(start_color=color, end_color=color, bgColor=color, fill_type="solid"),
        font=Font(color=dark) if dark else None,
    )


def _highlight(change: Highlight, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import Rule

    column = _col(table, change.column) if change.column else None
    if change.whole_row or column is None:
        c1, c2 = table.first_column, table.last_column
    else:
        c1 = c2 = column.column
    target = _rng(ws, table.first_row, c1, table.last_row, c2).split("!")[-1]
    style = _fill_style(change.color)
    if change.rule == "compare":
        rule = Rule(type="expression", dxf=style, formula=[_row_formula(change.where, table)])
    elif change.whole_row and change.rule in ("top", "bottom", "above_average", "below_average"):
        assert column is not None
        ref = f"${refs.column_letter(column.column)}{table.first_row}"
        full = _abs_range(table, column).split("!")[-1]
        formula = {
            "top": f"AND(ISNUMBER({ref}),{ref}>=LARGE({full},{change.n or 10}))",
            "bottom": f"AND(ISNUMBER({ref}),{ref}<=SMALL({full},{change.n or 10}))",
            "above_average": f"AND(ISNUMBER({ref}),{ref}>AVERAGE({full}))",
            "below_average": f"AND(ISNUMBER({ref}),{ref}<AVERAGE({full}))",
        }[change.rule]
        rule = Rule(type="expression", dxf=style, formula=[formula])
    elif change.rule in ("top", "bottom"):
        rule = Rule(type="top10", dxf=style, rank=change.n or 10, bottom=change.rule == "bottom")
    elif change.rule in ("above_average", "below_average"):
        rule = Rule(type="aboveAverage", dxf=style, aboveAverage=change.rule == "above_average")
    elif change.rule == "duplicates":
        rule = Rule(type="duplicateValues", dxf=style)
    elif change.rule == "unique":
        rule = Rule(type="uniqueValues", dxf=style)
    else:  # blanks
        first = refs.cell_ref(None, table.first_row, c1)
        rule = Rule(type="containsBlanks", dxf=style, formula=[f"LEN(TRIM({first}))=0"])
    ws.conditional_formatting.add(target, rule)
    return [
        _record(
            ws, table.first_row, c1, table.last_row, c2, change.describe(), "conditional format"
        )
    ]


def _color_scale(change: ColorScale, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import ColorScaleRule

    column = _col(table, change.column)
    low, high = ("63BE7B", "F8696B") if change.reverse else ("F8696B", "63BE7B")
    target = _rng(ws, table.first_row, column.column, table.last_row, column.column).split("!")[-1]
    ws.conditional_formatting.add(
        target,
        ColorScaleRule(  # type: ignore[no-untyped-call]
            start_type="min", start_color=low, end_type="max", end_color=high
        ),
    )
    return [
        _record(
            ws,
            table.first_row,
            column.column,
            table.last_row,
            column.column,
            change.describe(),
            "conditional format",
        )
    ]


def _data_bars(change: DataBars, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import DataBarRule

    column = _col(table, change.column)
    target = _rng(ws, table.first_row, column.column, table.last_row, column.column).split("!")[-1]
    ws.conditional_formatting.add(
        target,
        DataBarRule(  # type: ignore[no-untyped-call]
            start_type="min", end_type="max", color=change.color
        ),
    )
    return [
        _record(
            ws,
            table.first_row,
            column.column,
            table.last_row,
            column.column,
            change.describe(),
            "conditional format",
        )
    ]


# --- columns and totals ----------------------------------------------------------------------


def _add_column(change: AddColumn, ws: Any, table: Table, grid: Grid) -> list[Record]:
    new = table.last_column + 1
    top = table.header_row or table.first_row
    if any(
        ws.cell(r, new).value not in (None, "") or _get(grid, r, new) not in (None, "")
        for r in range(top, table.last_row + 1)
    ):
        raise InputError(
            f"column {refs.column_letter(new)} right of the table is not empty; nlsheet will not "
            "overwrite it",
            expected="an empty column right of the table",
            found=f"values in column {refs.column_letter(new)}",
            where=_rng(ws, top, new, table.last_row, new),
        )
    tokens = expression_tokens(change.expression)
    used = [_col(table, t[1:-1]) for t in tokens if t.startswith("[")]
    header = ws.cell(top, new, change.name)
    _put(grid, top, new, change.name)
    header._style = copy(ws.cell(top, table.last_column)._style)
    letter = refs.column_letter(table.last_column)
    width = ws.column_dimensions[letter].width
    if width:
        ws.column_dimensions[refs.column_letter(new)].width = max(width, len(change.name) + 2)
    numbers_format = ws.cell(table.first_row, used[0].column).number_format
    divides = "/" in tokens
    for r in range(table.first_row, table.last_row + 1):
        parts = [
            f"{refs.column_letter(_col(table, t[1:-1]).column)}{r}" if t.startswith("[") else t
            for t in tokens
        ]
        cell = ws.cell(r, new, "=" + "".join(parts))
        cell.number_format = "0.00" if divides else numbers_format
        _put(grid, r, new, evaluate(tokens, _row_values(grid, table, r)))
    return [
        _record(
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
        return _get(grid, row, _col(table, name).column)

    return value_of


def _rename(change: RenameColumn, ws: Any, table: Table, grid: Grid) -> list[Record]:
    column = _col(table, change.column)
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
    _put(grid, row, column.column, change.new_name)
    for excel_table in ws.tables.values():  # keep an Excel table's column names in step
        for tc in excel_table.tableColumns:
            if tc.name == column.name:
                tc.name = change.new_name
    return [
        _record(
            ws,
            row,
            column.column,
            row,
            column.column,
            f"renamed {column.name} to {change.new_name}",
            "values",
        )
    ]


def _total_row(change: AddTotalRow, ws: Any, table: Table, grid: Grid) -> list[Record]:
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
            where=_rng(ws, row, table.first_column, row, table.last_column),
        )
    columns = [_col(table, n) for n in change.columns]
    func = _PLAIN.get(change.func, "SUM")
    label_column = table.first_column
    if label_column not in {c.column for c in columns}:
        label = "Total" if func == "SUM" else func.title()
        ws.cell(row, label_column, label).font = Font(b=True)
        _put(grid, row, label_column, label)
    for column in columns:
        first = refs.cell_ref(None, table.first_row, column.column)
        last = refs.cell_ref(None, table.last_row, column.column)
        cell = ws.cell(row, column.column, f"={func}({first}:{last})")
        cell.font = Font(b=True)
        cell.number_format = ws.cell(table.first_row, column.column).number_format
        numbers = [
            float(v)
            for v in _values(grid, table, column)
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        ]
        total = sum(numbers) if func == "SUM" else None
        if func != "SUM" and numbers:
            total = {
                "AVERAGE": sum(numbers) / len(numbers),
                "MAX": max(numbers),
                "MIN": min(numbers),
            }[func]
        _put(grid, row, column.column, total)
    return [
        _record(
            ws,
            row,
            table.first_column,
            row,
            table.last_column,
            f"total row ({func}) under {', '.join(c.name for c in columns)}",
            "formulas",
        )
    ]


# --- summaries, charts, pivots, dashboards ---------------------------------------------------


def _keys(grid: Grid, table: Table, column: Column) -> list[Any]:
    values = [v for v in _values(grid, table, column) if v not in (None, "")]
    if column.kind is ColumnKind.DATE:
        months = sorted(
            {dt.date(v.year, v.month, 1) for v in values if isinstance(v, (dt.date, dt.datetime))}
        )
        return list(months)
    return sorted(dict.fromkeys(values), key=_sort_key)


def _aggregate_formula(
    func: AggFunc, table: Table, measure: Column | None, tests: list[tuple[Column, str]]
) -> str:
    """A live formula aggregating ``measure`` over rows passing ``tests`` (criteria pairs)."""
    pairs = "".join(f",{_abs_range(table, c)},{crit}" for c, crit in tests)
    if func is AggFunc.COUNT or measure is None:
        return f"=COUNTIFS({pairs[1:]})"
    name = _IFS.get(func)
    if name is None:
        raise UnsupportedOperationError(
            f"a summary cannot use {func.value}",
            expected="sum, average, count, min or max",
            found=func.value,
            where=measure.header_cell,
        )
    return f"={name}({_abs_range(table, measure)}{pairs})"


def _key_tests(column: Column, key_ref: str) -> list[tuple[Column, str]]:
    if column.kind is ColumnKind.DATE:
        return [(column, f'">="&{key_ref}'), (column, f'"<"&EDATE({key_ref},1)')]
    return [(column, key_ref)]


def _summary_block(
    target: Any,
    top: int,
    left: int,
    table: Table,
    ws: Any,
    grid: Grid,
    x: Column,
    measures: list[Column | None],
    func: AggFunc,
) -> tuple[int, int]:
    """Write keys of ``x`` and one live aggregate column per measure; return the last row/col."""
    from openpyxl.styles import Font

    keys = _keys(grid, table, x)[: _MAX_CHART_GROUPS * 10]
    head = target.cell(top, left, x.name)
    head.font = Font(b=True)
    for j, measure in enumerate(measures, 1):
        title = f"{func.value.title()} of {measure.name}" if measure else "Count"
        target.cell(top, left + j, title).font = Font(b=True)
    for i, key in enumerate(keys, 1):
        key_cell = target.cell(top + i, left, key)
        if x.kind is ColumnKind.DATE:
            key_cell.number_format = "mmm yyyy"
        key_ref = refs.cell_ref(None, top + i, left, absolute=True)
        for j, measure in enumerate(measures, 1):
            formula = _aggregate_formula(func, table, measure, _key_tests(x, key_ref))
            cell = target.cell(top + i, left + j, formula)
            if measure is not None:
                cell.number_format = ws.cell(table.first_row, measure.column).number_format
    width = max(len(x.name), 12)
    target.column_dimensions[refs.column_letter(left)].width = width
    return top + len(keys), left + len(measures)


def _make_chart(kind: str, title: str, x_title: str, y_title: str) -> Any:
    from openpyxl.chart import BarChart, LineChart, PieChart, ScatterChart

    chart: Any
    if kind in ("bar", "column"):
        chart = BarChart()
        chart.type = "bar" if kind == "bar" else "col"
    elif kind == "line":
        chart = LineChart()
    elif kind == "pie":
        chart = PieChart()
    else:
        chart = ScatterChart()
        chart.style = 13
    chart.title = title
    if kind != "pie":
        chart.x_axis.title = x_title
        chart.y_axis.title = y_title
        chart.x_axis.delete = False
        chart.y_axis.delete = False
    chart.width, chart.height = 16, 8
    return chart


def _chart_from_block(
    kind: str, sheet: Any, top: int, left: int, last_row: int, last_col: int, title: str, x: str
) -> Any:
    from openpyxl.chart import Reference

    chart = _make_chart(kind, title, x, sheet.cell(top, left + 1).value or "")
    data = Reference(sheet, min_col=left + 1, min_row=top, max_col=last_col, max_row=last_row)
    cats = Reference(sheet, min_col=left, min_row=top + 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    return chart


def _free_column(ws: Any) -> int:
    """The first column right of the sheet's cells and charts, plus a gap."""
    right = int(ws.max_column)
    for chart in ws._charts:  # openpyxl keeps a sheet's charts here (no public accessor)
        marker = getattr(chart.anchor, "_from", None)
        if marker is not None:
            right = max(right, int(marker.col) + 1 + 9)  # a chart is about 9 columns wide
    return right + 2


def _anchor(row: int, column: int) -> str:
    return refs.cell_ref(None, row, column)


def _chart(change: Chart, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.chart import Reference, Series

    book = ws.parent
    target = _new_sheet(book, f"{change.title or 'Chart'}"[:31]) if change.new_sheet else ws
    top = table.header_row or table.first_row
    out: list[Record] = []
    if change.chart == "scatter":
        assert change.x is not None
        y, x = _col(table, change.y[0]), _col(table, change.x)
        chart = _make_chart("scatter", change.title or f"{y.name} against {x.name}", x.name, y.name)
        xs = Reference(ws, min_col=x.column, min_row=table.first_row, max_row=table.last_row)
        ys = Reference(ws, min_col=y.column, min_row=top, max_row=table.last_row)
        series = Series(ys, xs, title_from_data=True)
        series.marker.symbol = "circle"
        series.graphicalProperties.line.noFill = True
        chart.series.append(series)
        spot = (1, 1) if change.new_sheet else (top, _free_column(ws))
        target.add_chart(chart, _anchor(*spot))
        return [
            _record(
                target,
                spot[0],
                spot[1],
                spot[0] + 15,
                spot[1] + 8,
                f"scatter chart of {y.name} against {x.name}",
                "chart",
            )
        ]
    if change.x is None:
        raise InputError(
            "a chart needs a column to chart by (categories or dates)",
            expected="chart <numbers> by <column>",
            found="no such column",
            where=table.header_ref,
        )
    x = _col(table, change.x)
    measures: list[Column | None] = [_col(table, n) for n in change.y if n] or [None]
    func = change.func if measures[0] is not None else AggFunc.COUNT
    block_top, block_left = (1, 1) if change.new_sheet else (top, _free_column(ws))
    last_row, last_col = _summary_block(
        target, block_top, block_left, table, ws, grid, x, measures, func
    )
    what = f"{func.value} of {', '.join(m.name if m else 'rows' for m in measures)} by {x.name}"
    out.append(
        _record(
            target,
            block_top,
            block_left,
            last_row,
            last_col,
            f"summary for the chart: {what}",
            "formulas",
        )
    )
    title = change.title or what
    chart = _chart_from_block(
        change.chart, target, block_top, block_left, last_row, last_col, title, x.name
    )
    spot = (block_top, last_col + 2)
    target.add_chart(chart, _anchor(*spot))
    out.append(
        _record(
            target,
            spot[0],
            spot[1],
            spot[0] + 15,
            spot[1] + 8,
            f"{change.chart} chart: {title}",
            "chart",
        )
    )
    return out


def _pivot(change: Pivot, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import Font

    book = ws.parent
    target = _new_sheet(book, change.sheet_name)
    rows_col = _col(table, change.rows)
    measure = _col(table, change.measure) if change.measure else None
    func = change.func if measure is not None else AggFunc.COUNT
    if change.columns is None:
        last_row, last_col = _summary_block(
            target, 1, 1, table, ws, grid, rows_col, [measure], func
        )
    else:
        across = _col(table, change.columns)
        row_keys = _keys(grid, table, rows_col)
        col_keys = _keys(grid, table, across)
        target.cell(1, 1, f"{rows_col.name} \\ {across.name}").font = Font(b=True)
        for j, key in enumerate(col_keys, 2):
            cell = target.cell(1, j, key)
            cell.font = Font(b=True)
            if across.kind is ColumnKind.DATE:
                cell.number_format = "mmm yyyy"
        for i, key in enumerate(row_keys, 2):
            cell = target.cell(i, 1, key)
            if rows_col.kind is ColumnKind.DATE:
                cell.number_format = "mmm yyyy"
            for j in range(2, len(col_keys) + 2):
                row_ref = f"$A{i}"
                col_ref = f"{refs.column_letter(j)}$1"
                tests = _key_tests(rows_col, row_ref) + _key_tests(across, col_ref)
                target.cell(i, j, _aggregate_formula(func, table, measure, tests))
        last_row, last_col = len(row_keys) + 1, len(col_keys) + 1
    if func in (AggFunc.SUM, AggFunc.COUNT):
        total_row = last_row + 1
        target.cell(total_row, 1, "Total").font = Font(b=True)
        for j in range(2, last_col + 1):
            letter = refs.column_letter(j)
            target.cell(total_row, j, f"=SUM({letter}2:{letter}{last_row})").font = Font(b=True)
        last_row = total_row
    target.freeze_panes = "B2"
    target.column_dimensions["A"].width = max(14, len(rows_col.name) + 4)
    return [_record(target, 1, 1, last_row, last_col, change.describe(), "sheet")]


def _dashboard(change: Dashboard, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import Font

    book = ws.parent
    target = _new_sheet(book, change.sheet_name)
    measure = _col(table, change.measure)
    target.cell(1, 1, f"Dashboard: {measure.name}").font = Font(b=True, size=16)
    figures = [
        ("Total", "SUM"),
        ("Average", "AVERAGE"),
        ("Count", "COUNT"),
        ("Largest", "MAX"),
        ("Smallest", "MIN"),
    ]
    fmt = ws.cell(table.first_row, measure.column).number_format
    for i, (label, func) in enumerate(figures):
        target.cell(3, 1 + i * 2, label).font = Font(b=True, color="595959")
        cell = target.cell(4, 1 + i * 2, f"={func}({_abs_range(table, measure)})")
        cell.font = Font(b=True, size=14)
        cell.number_format = "0" if func == "COUNT" else fmt
    out = [_record(target, 3, 1, 4, len(figures) * 2, f"key figures of {measure.name}", "formulas")]
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    categories = [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT
        and not c.is_id
        and 1 < len(set(_values(grid, table, c))) <= _MAX_CHART_GROUPS
    ]
    charts: list[tuple[str, Column]] = []
    if dates:
        charts.append(("line", dates[0]))
    if categories:
        charts.append(("column", categories[0]))
        if len(charts) < 3 and len(set(_values(grid, table, categories[0]))) <= 8:
            charts.append(("pie", categories[0]))
        elif len(categories) > 1:
            charts.append(("column", categories[1]))
    block_left = 30  # the summary tables the charts read sit out of the way, right of the view
    block_top = 1
    for n, (kind, x) in enumerate(charts):
        last_row, last_col = _summary_block(
            target, block_top, block_left, table, ws, grid, x, [measure], AggFunc.SUM
        )
        title = f"{measure.name} by {'month' if x.kind is ColumnKind.DATE else x.name}"
        chart = _chart_from_block(
            kind, target, block_top, block_left, last_row, last_col, title, x.name
        )
        spot = (7 + (n // 2) * 17, 1 + (n % 2) * 9)
        target.add_chart(chart, _anchor(*spot))
        out.append(
            _record(
                target, block_top, block_left, last_row, last_col, f"summary: {title}", "formulas"
            )
        )
        out.append(
            _record(
                target,
                spot[0],
                spot[1],
                spot[0] + 15,
                spot[1] + 8,
                f"{kind} chart: {title}",
                "chart",
            )
        )
        block_top = last_row + 3
    if not charts:
        out.append(_record(target, 6, 1, 6, 1, "no date or category column to chart", "none"))
    return out


def apply(change: Change, book: Any, table: Table, grid: Grid) -> list[Record]:
    """Apply one change to the sheet of ``table`` in an openpyxl workbook; return what changed.

    ``grid`` holds the sheet's values (formula cells with their values) and is kept in step.

    Raises:
        InputError: If the change would overwrite content or names a missing column.
        UnsupportedOperationError: If a condition cannot be written as a rule.
    """
    ws = book[table.sheet]
    match change:
        case Sort():
            return _sort(change, ws, table, grid)
        case Filter():
            return _filter(change, ws, table, grid)
        case ExtractRows():
            return _extract(change, ws, table, grid)
        case NumberFormat():
            return _number_format(change, ws, table, grid)
        case StyleHeader():
            return _style_header(change, ws, table, grid)
        case Autofit():
            return _autofit(change, ws, table, grid)
        case FreezeHeader():
            return _freeze(change, ws, table, grid)
        case Highlight():
            return _highlight(change, ws, table, grid)
        case ColorScale():
            return _color_scale(change, ws, table, grid)
        case DataBars():
            return _data_bars(change, ws, table, grid)
        case AddColumn():
            return _add_column(change, ws, table, grid)
        case RenameColumn():
            return _rename(change, ws, table, grid)
        case RemoveDuplicates():
            return _dedupe(change, ws, table, grid)
        case FillBlanks():
            return _fill(change, ws, table, grid)
        case AddTotalRow():
            return _total_row(change, ws, table, grid)
        case Chart():
            return _chart(change, ws, table, grid)
        case Pivot():
            return _pivot(change, ws, table, grid)
        case Dashboard():
            return _dashboard(change, ws, table, grid)
        case _:
            assert_never(change)
