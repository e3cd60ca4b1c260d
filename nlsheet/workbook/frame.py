"""In-memory workbooks made of pandas DataFrames.

Each DataFrame becomes a sheet whose header is row 1 starting at A1, so answers carry the
formulas the same data would need if it were written to a workbook as it is.

Example:
    >>> import pandas as pd
    >>> book = FrameWorkbook({"Sales": pd.DataFrame({"Region": ["West"], "Sales": [10.0]})})
    >>> book.table("Sales").columns[1].data_range
    'Sales!$B$2:$B$2'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from nlsheet.errors import NoTableError
from nlsheet.workbook.base import find_sheet
from nlsheet.workbook.detect import detect_table
from nlsheet.workbook.table import Table

__all__ = ["FrameWorkbook"]


class FrameWorkbook:
    """A workbook whose sheets are DataFrames (the index is not part of the table)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self._frames = dict(frames)
        self._tables: dict[str, Table] = {}

    @property
    def source(self) -> str:
        """Always ``<DataFrame>``."""
        return "<DataFrame>"

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """The names given to the frames."""
        return tuple(self._frames)

    def table(self, sheet: str) -> Table:
        """Return the frame as a table with its header in row 1."""
        sheet = find_sheet(sheet, self.sheet_names, self.source)
        table = self._tables.get(sheet)
        if table is None:
            frame = self._frames[sheet]
            if frame.columns.empty:
                raise NoTableError(
                    f"the DataFrame for sheet {sheet!r} has no columns",
                    expected="a DataFrame with at least one column",
                    found="no columns",
                    where=sheet,
                )
            header: list[Any] = [str(c) for c in frame.columns]
            grid: list[list[Any]] = [header]
            grid.extend(
                ["" if pd.isna(v) else v for v in row]
                for row in frame.itertuples(index=False, name=None)
            )
            table = detect_table(sheet, grid, header_index=0)
            self._tables[sheet] = table
        return table
