"""nlsheet: talk to spreadsheets, get values and live Excel formulas, offline and deterministic.

Example:
    >>> import nlsheet
    >>> book = nlsheet.open("sample_workbooks/sales.xlsx")
    >>> r = book.ask("average of sales")
    >>> r.value, r.formula
    >>> print(r.explain())
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from nlsheet.engine import Book, Nlsheet
from nlsheet.errors import (
    ColumnTypeError,
    EmptyCommandError,
    EncryptedWorkbookError,
    InputError,
    MissingExtraError,
    NlsheetError,
    NoMatchError,
    NoTableError,
    NotASpreadsheetError,
    NotUnderstoodError,
    UnknownColumnError,
    UnknownSheetError,
    UnsupportedFormatError,
    UnsupportedOperationError,
    WorkbookError,
    WorkbookNotFoundError,
)
from nlsheet.plan import AggFunc, Aggregate, Plan
from nlsheet.result import Clarification, ColumnUse, Option, Result
from nlsheet.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from nlsheet.workbook.base import Workbook

__all__ = [
    "AggFunc",
    "Aggregate",
    "Book",
    "Clarification",
    "ColumnTypeError",
    "ColumnUse",
    "EmptyCommandError",
    "EncryptedWorkbookError",
    "InputError",
    "MissingExtraError",
    "Nlsheet",
    "NlsheetError",
    "NoMatchError",
    "NoTableError",
    "NotASpreadsheetError",
    "NotUnderstoodError",
    "Option",
    "Plan",
    "Result",
    "Settings",
    "UnknownColumnError",
    "UnknownSheetError",
    "UnsupportedFormatError",
    "UnsupportedOperationError",
    "WorkbookError",
    "WorkbookNotFoundError",
    "__version__",
    "open",
]

__version__ = "0.1.0"


@functools.cache
def _default_engine() -> Nlsheet:
    return Nlsheet()


def open(
    source: str | os.PathLike[str] | pd.DataFrame | Workbook,
    *,
    settings: Settings | None = None,
) -> Book:
    """Open a workbook file (.xlsx .xlsm .xls .xlsb .ods .csv) or a DataFrame for questions.

    Args:
        source: A path or a pandas DataFrame.
        settings: Thresholds and paths; a shared default engine is used when omitted.

    Raises:
        WorkbookNotFoundError: If the path does not exist.
        NotASpreadsheetError: If the file is not a spreadsheet.
        EncryptedWorkbookError: If it is password protected.

    Example:
        >>> nlsheet.open("sample_workbooks/sales.xlsx").ask("total units").value
    """
    engine = Nlsheet(settings) if settings is not None else _default_engine()
    return engine.open(source)
