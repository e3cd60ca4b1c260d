"""The workbook protocol every source implements, and :func:`open_workbook` to pick one.

Example:
    >>> book = open_workbook("sample_workbooks/inventory.xlsx")
    >>> book.sheet_names
    ('Stock', 'Suppliers')
    >>> book.table("Stock").header_ref
    'Stock!B4:G4'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from rapidfuzz import process

from nlsheet.errors import UnknownSheetError

if TYPE_CHECKING:
    import pandas as pd

    from nlsheet.workbook.table import Table

__all__ = ["Workbook", "find_sheet", "open_workbook", "sheet_not_found"]


@runtime_checkable
class Workbook(Protocol):
    """A source of tables: a file, a DataFrame, or (later) a live Excel workbook."""

    @property
    def source(self) -> str:
        """Where the workbook comes from (a path, or ``<DataFrame>``)."""
        ...

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """The sheets' names, in workbook order."""
        ...

    def table(self, sheet: str) -> Table:
        """Return the table found on a sheet (read once, then kept).

        Raises:
            UnknownSheetError: If there is no such sheet.
            NoTableError: If the sheet is empty.
        """
        ...


def find_sheet(name: str, sheets: tuple[str, ...], source: str) -> str:
    """The sheet called ``name``; like Excel, case-insensitively when that is unambiguous.

    Raises:
        UnknownSheetError: If no sheet has that name.
    """
    if name in sheets:
        return name
    folded = [s for s in sheets if s.casefold() == name.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    raise sheet_not_found(name, sheets, source)


def sheet_not_found(name: str, sheets: tuple[str, ...], source: str) -> UnknownSheetError:
    """Build the error for an unknown sheet, with the closest names as suggestions."""
    close = [m[0] for m in process.extract(name, sheets, limit=3, score_cutoff=50)]
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return UnknownSheetError(
        f"no sheet {name!r} in {os.path.basename(source)}; "
        f"its sheets are {', '.join(repr(s) for s in sheets)}{hint}",
        expected="one of " + ", ".join(sheets),
        found=name,
        where=source,
        candidates=close or list(sheets),
    )


def open_workbook(source: str | os.PathLike[str] | pd.DataFrame | Workbook) -> Workbook:
    """Open a workbook from a path (.xlsx .xlsm .xls .xlsb .ods .csv) or a DataFrame.

    Raises:
        WorkbookNotFoundError: If the path does not exist.
        NotASpreadsheetError: If the file cannot be read as a spreadsheet.
        EncryptedWorkbookError: If the file is password protected.
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        from nlsheet.workbook.frame import FrameWorkbook

        return FrameWorkbook({"Sheet1": source})
    if isinstance(source, (str, os.PathLike)):
        from nlsheet.workbook.xlsx import FileWorkbook

        return FileWorkbook(Path(source))
    if isinstance(source, Workbook):
        return source
    raise TypeError(f"expected a path or a pandas DataFrame, got {type(source).__name__}")
