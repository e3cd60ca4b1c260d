"""Edits of looks: number formats, the header's style, widths, frozen panes, conditional
formats (rules, colour scales, data bars)."""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import replace
from typing import Any

from nlsheet import refs
from nlsheet.backends.criteria import rule
from nlsheet.backends.edits.cells import (
    Grid,
    Record,
    column_named,
    get,
    record,
)
from nlsheet.changes import (
    Autofit,
    ColorScale,
    DataBars,
    FreezeHeader,
    Highlight,
    NumberFormat,
    StyleHeader,
)
from nlsheet.plan import Where
from nlsheet.workbook.table import Table

__all__ = [
    "autofit",
    "color_scale",
    "data_bars",
    "freeze_header",
    "highlight",
    "number_format",
    "style_header",
]


def _pattern(change: NumberFormat) -> str:
    """The Excel number format: each style with its usual decimals unless some are asked for."""

    def decimals(usual: int) -> str:
        places = usual if change.decimals is None else change.decimals
        return "." + "0" * places if places else ""

    if change.style == "currency":
        return f'"{change.symbol}"#,##0' + decimals(2)
    if change.style == "percent":
        return "0" + decimals(1) + "%"
    if change.style == "thousands":
        return "#,##0" + decimals(0)
    if change.style == "decimal":
        return "0" + decimals(2)
    if change.style == "date":
        return change.pattern or "yyyy-mm-dd"
    if change.style == "negative_red":
        return f"#,##0{decimals(2)};[Red]-#,##0{decimals(2)}"
    return "General"


def number_format(change: NumberFormat, ws: Any, table: Table, grid: Grid) -> list[Record]:
    pattern = _pattern(change)
    out = []
    for name in change.columns:
        column = column_named(table, name)
        for r in range(table.first_row, table.last_row + 1):
            ws.cell(r, column.column).number_format = pattern
        out.append(
            record(
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


def style_header(change: StyleHeader, ws: Any, table: Table, grid: Grid) -> list[Record]:
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
        record(ws, row, table.first_column, row, table.last_column, change.describe(), "format")
    ]


def _display_width(value: Any, number_format: str) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return max(10, len(number_format))
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max(len(line) for line in str(value).splitlines() or [""])


def autofit(change: Autofit, ws: Any, table: Table, grid: Grid) -> list[Record]:
    columns = [column_named(table, n) for n in change.columns] or list(table.columns)
    top = table.header_row or table.first_row
    last = min(table.last_row, top + 5000)  # a sample is enough for a width
    for column in columns:
        widest = max(
            (
                _display_width(get(grid, r, column.column), ws.cell(r, column.column).number_format)
                for r in range(top, last + 1)
            ),
            default=8,
        )
        letter = refs.column_letter(column.column)
        ws.column_dimensions[letter].width = min(max(widest + 2, 6), 60)
    first, end = columns[0].column, columns[-1].column
    return [
        record(
            ws,
            top,
            first,
            top,
            end,
            f"column widths fitted for {', '.join(c.name for c in columns)}",
            "format",
        )
    ]


def freeze_header(change: FreezeHeader, ws: Any, table: Table, grid: Grid) -> list[Record]:
    row = (table.header_row or table.first_row - 1) + 1
    ws.freeze_panes = f"A{row}"
    return [
        record(
            ws,
            row - 1,
            table.first_column,
            row - 1,
            table.last_column,
            f"froze rows above A{row}",
            "format",
        )
    ]


def _row_formula(where: Where, table: Table) -> str:
    """The rule's formula on the first data row: the conditions as
    :mod:`nlsheet.backends.conditions` defines them, headers named in any case."""
    named = tuple(
        replace(
            c,
            column=column_named(table, c.column).name,
            other=None if c.other is None else column_named(table, c.other).name,
        )
        for c in where.conditions
    )
    return rule(Where(named, where.any), table)


def _fill_style(color: str) -> Any:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle

    dark = {"FFC7CE": "9C0006", "C6EFCE": "006100", "FFEB9C": "9C5700"}.get(color)
    return DifferentialStyle(
        fill=PatternFill(start_color=color, end_color=color, bgColor=color, fill_type="solid"),
        font=Font(color=dark) if dark else None,
    )


def highlight(change: Highlight, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import Rule

    column = column_named(table, change.column) if change.column else None
    if change.whole_row or column is None:
        c1, c2 = table.first_column, table.last_column
    else:
        c1 = c2 = column.column
    target = refs.range_ref(None, table.first_row, c1, table.last_row, c2, absolute=False)
    style = _fill_style(change.color)
    if change.rule == "compare":
        rule = Rule(type="expression", dxf=style, formula=[_row_formula(change.where, table)])
    elif change.whole_row and change.rule in ("top", "bottom", "above_average", "below_average"):
        assert column is not None
        ref = f"${refs.column_letter(column.column)}{table.first_row}"
        full = refs.range_ref(None, table.first_row, column.column, table.last_row, column.column)
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
        record(ws, table.first_row, c1, table.last_row, c2, change.describe(), "conditional format")
    ]


def _column_rule(change: ColorScale | DataBars, rule: Any, ws: Any, table: Table) -> list[Record]:
    """Put a conditional format rule on one column's data cells."""
    column = column_named(table, change.column)
    first, last = table.first_row, table.last_row
    target = refs.range_ref(None, first, column.column, last, column.column, absolute=False)
    ws.conditional_formatting.add(target, rule)
    return [
        record(
            ws, first, column.column, last, column.column, change.describe(), "conditional format"
        )
    ]


def color_scale(change: ColorScale, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import ColorScaleRule

    low, high = ("63BE7B", "F8696B") if change.reverse else ("F8696B", "63BE7B")
    rule = ColorScaleRule(  # type: ignore[no-untyped-call]
        start_type="min", start_color=low, end_type="max", end_color=high
    )
    return _column_rule(change, rule, ws, table)


def data_bars(change: DataBars, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.formatting.rule import DataBarRule

    rule = DataBarRule(  # type: ignore[no-untyped-call]
        start_type="min", end_type="max", color=change.color
    )
    return _column_rule(change, rule, ws, table)
