"""Edits that summarise: live summary blocks (SUMIFS per key), charts, pivots, dashboards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nlsheet import refs
from nlsheet.backends.edits.cells import (
    IFS,
    MAX_CHART_GROUPS,
    Grid,
    Record,
    abs_range,
    column_named,
    column_values,
    new_sheet,
    record,
    sort_key,
)
from nlsheet.changes import Chart, Dashboard, Pivot
from nlsheet.errors import InputError, UnsupportedOperationError
from nlsheet.plan import AggFunc
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["chart", "dashboard", "pivot"]


def _keys(grid: Grid, table: Table, column: Column) -> list[Any]:
    values = [v for v in column_values(grid, table, column) if v not in (None, "")]
    if column.kind is ColumnKind.DATE:
        months = sorted(
            {dt.date(v.year, v.month, 1) for v in values if isinstance(v, (dt.date, dt.datetime))}
        )
        return list(months)
    return sorted(dict.fromkeys(values), key=sort_key)


def _aggregate_formula(
    func: AggFunc, table: Table, measure: Column | None, tests: list[tuple[Column, str]]
) -> str:
    """A live formula aggregating ``measure`` over rows passing ``tests`` (criteria pairs)."""
    pairs = "".join(f",{abs_range(table, c)},{crit}" for c, crit in tests)
    if func is AggFunc.COUNT or measure is None:
        return f"=COUNTIFS({pairs[1:]})"
    name = IFS.get(func)
    if name is None:
        raise UnsupportedOperationError(
            f"a summary cannot use {func.value}",
            expected="sum, average, count, min or max",
            found=func.value,
            where=measure.header_cell,
        )
    return f"={name}({abs_range(table, measure)}{pairs})"


def _key_tests(column: Column, key_ref: str) -> list[tuple[Column, str]]:
    if column.kind is ColumnKind.DATE:
        return [(column, f'">="&{key_ref}'), (column, f'"<"&EDATE({key_ref},1)')]
    # '="&key': a key such as '<5 years' or '>100' is a value to equal, not a comparison.
    return [(column, f'"="&{key_ref}')]


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

    keys = _keys(grid, table, x)
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
    for series in chart.series:
        series.smooth = False  # a smoothed line invents values between the points
    return chart


def _free_column(ws: Any) -> int:
    """The first column right of the sheet's cells and charts, plus a gap."""
    right = int(ws.max_column)
    for chart in ws._charts:  # openpyxl keeps a sheet's charts here (no public accessor)
        marker = getattr(chart.anchor, "_from", None)
        if marker is not None:
            right = max(right, int(marker.col) + 1 + 9)  # a chart is about 9 columns wide
    return right + 2


def _place(target: Any, chart: Any, spot: tuple[int, int], what: str) -> Record:
    """Anchor a chart at ``spot`` (row, column) and record the cells it covers."""
    target.add_chart(chart, _anchor(*spot))
    return record(target, spot[0], spot[1], spot[0] + 15, spot[1] + 8, what, "chart")


def _anchor(row: int, column: int) -> str:
    return refs.cell_ref(None, row, column)


def chart(change: Chart, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.chart import Reference, Series

    book = ws.parent
    target = new_sheet(book, f"{change.title or 'Chart'}"[:31]) if change.new_sheet else ws
    top = table.header_row or table.first_row
    out: list[Record] = []
    if change.chart == "scatter":
        assert change.x is not None
        y, x = column_named(table, change.y[0]), column_named(table, change.x)
        chart = _make_chart("scatter", change.title or f"{y.name} against {x.name}", x.name, y.name)
        xs = Reference(ws, min_col=x.column, min_row=table.first_row, max_row=table.last_row)
        ys = Reference(ws, min_col=y.column, min_row=top, max_row=table.last_row)
        series = Series(ys, xs, title_from_data=True)
        series.marker.symbol = "circle"
        series.graphicalProperties.line.noFill = True
        chart.series.append(series)
        spot = (1, 1) if change.new_sheet else (top, _free_column(ws))
        return [_place(target, chart, spot, f"scatter chart of {y.name} against {x.name}")]
    if change.x is None:
        raise InputError(
            "a chart needs a column to chart by (categories or dates)",
            expected="chart <numbers> by <column>",
            found="no such column",
            where=table.header_ref,
        )
    x = column_named(table, change.x)
    measures: list[Column | None] = [column_named(table, n) for n in change.y if n] or [None]
    func = change.func if measures[0] is not None else AggFunc.COUNT
    block_top, block_left = (1, 1) if change.new_sheet else (top, _free_column(ws))
    last_row, last_col = _summary_block(
        target, block_top, block_left, table, ws, grid, x, measures, func
    )
    what = f"{func.value} of {', '.join(m.name if m else 'rows' for m in measures)} by {x.name}"
    out.append(
        record(
            target,
            block_top,
            block_left,
            last_row,
            last_col,
            f"summary for the chart: {what}",
            "formulas",
        )
    )
    groups = last_row - block_top
    crowded = (
        f" ({groups} bars: more than {MAX_CHART_GROUPS} are hard to read; a pivot may suit better)"
        if groups > MAX_CHART_GROUPS
        else ""
    )
    title = change.title or what
    chart = _chart_from_block(
        change.chart, target, block_top, block_left, last_row, last_col, title, x.name
    )
    spot = (block_top, last_col + 2)
    out.append(_place(target, chart, spot, f"{change.chart} chart: {title}{crowded}"))
    return out


def pivot(change: Pivot, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import Font

    book = ws.parent
    target = new_sheet(book, change.sheet_name)
    rows_col = column_named(table, change.rows)
    measure = column_named(table, change.measure) if change.measure else None
    func = change.func if measure is not None else AggFunc.COUNT
    if change.columns is None:
        last_row, last_col = _summary_block(
            target, 1, 1, table, ws, grid, rows_col, [measure], func
        )
    else:
        across = column_named(table, change.columns)
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
    return [record(target, 1, 1, last_row, last_col, change.describe(), "sheet")]


def dashboard(change: Dashboard, ws: Any, table: Table, grid: Grid) -> list[Record]:
    from openpyxl.styles import Font

    book = ws.parent
    target = new_sheet(book, change.sheet_name)
    measure = column_named(table, change.measure)
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
        cell = target.cell(4, 1 + i * 2, f"={func}({abs_range(table, measure)})")
        cell.font = Font(b=True, size=14)
        cell.number_format = "0" if func == "COUNT" else fmt
        # Wide enough for a 14-point '$112,399.81', or Excel shows ###.
        target.column_dimensions[refs.column_letter(1 + i * 2)].width = 18
    out = [record(target, 3, 1, 4, len(figures) * 2, f"key figures of {measure.name}", "formulas")]
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    categories = [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT
        and not c.is_id
        and 1 < len(set(column_values(grid, table, c))) <= MAX_CHART_GROUPS
    ]
    charts: list[tuple[str, Column]] = []
    if dates:
        charts.append(("line", dates[0]))
    if categories:
        charts.append(("column", categories[0]))
        if len(charts) < 3 and len(set(column_values(grid, table, categories[0]))) <= 8:
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
        chart.width = 14  # two abreast, at A and G, under the key figures
        spot = (7 + (n // 2) * 17, 1 + (n % 2) * 6)
        out.append(
            record(
                target, block_top, block_left, last_row, last_col, f"summary: {title}", "formulas"
            )
        )
        out.append(_place(target, chart, spot, f"{kind} chart: {title}"))
        block_top = last_row + 3
    if not charts:
        out.append(record(target, 6, 1, 6, 1, "no date or category column to chart", "none"))
    return out
