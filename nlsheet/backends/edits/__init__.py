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

from typing import Any, assert_never

from nlsheet.backends.edits import columns, formats, rows, summaries
from nlsheet.backends.edits.cells import Grid, Record
from nlsheet.backends.edits.columns import evaluate
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
)
from nlsheet.workbook.table import Table

__all__ = ["apply", "evaluate"]


def apply(change: Change, book: Any, table: Table, grid: Grid) -> list[Record]:
    """Apply one change to the sheet of ``table`` in an openpyxl workbook; return what changed.

    ``grid`` holds the sheet's values (formula cells with their values) and is kept in step.

    Raises:
        InputError: If the change would overwrite content or names a missing column.
        ColumnTypeError: If a condition's value does not fit its column.
    """
    ws = book[table.sheet]
    match change:
        case Sort():
            return rows.sort(change, ws, table, grid)
        case Filter():
            return rows.filter_rows(change, ws, table, grid)
        case ExtractRows():
            return rows.extract(change, ws, table, grid)
        case NumberFormat():
            return formats.number_format(change, ws, table, grid)
        case StyleHeader():
            return formats.style_header(change, ws, table, grid)
        case Autofit():
            return formats.autofit(change, ws, table, grid)
        case FreezeHeader():
            return formats.freeze_header(change, ws, table, grid)
        case Highlight():
            return formats.highlight(change, ws, table, grid)
        case ColorScale():
            return formats.color_scale(change, ws, table, grid)
        case DataBars():
            return formats.data_bars(change, ws, table, grid)
        case AddColumn():
            return columns.add_column(change, ws, table, grid)
        case RenameColumn():
            return columns.rename_column(change, ws, table, grid)
        case RemoveDuplicates():
            return rows.remove_duplicates(change, ws, table, grid)
        case FillBlanks():
            return rows.fill(change, ws, table, grid)
        case AddTotalRow():
            return columns.add_total_row(change, ws, table, grid)
        case Chart():
            return summaries.chart(change, ws, table, grid)
        case Pivot():
            return summaries.pivot(change, ws, table, grid)
        case Dashboard():
            return summaries.dashboard(change, ws, table, grid)
        case _:
            assert_never(change)
