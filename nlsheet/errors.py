"""The nlsheet exception tree.

Every error nlsheet raises on purpose derives from :class:`NlsheetError`::

    NlsheetError
    ├── InputError (ValueError)                  bad input from the user -> CLI exit code 2
    │   ├── EmptyCommandError
    │   ├── WorkbookError
    │   │   ├── WorkbookNotFoundError (FileNotFoundError)
    │   │   ├── NotASpreadsheetError
    │   │   ├── EncryptedWorkbookError
    │   │   └── UnsupportedFormatError
    │   ├── UnknownSheetError (LookupError)
    │   ├── NoTableError                         empty sheet, no header row found
    │   ├── UnknownColumnError (LookupError)
    │   ├── NoMatchError (LookupError)           no row passes a lookup's conditions
    │   └── ColumnTypeError (TypeError)          text column given to a numeric aggregate
    ├── NotUnderstoodError                       command not understood -> CLI exit code 4
    ├── UnsupportedOperationError (NotImplementedError)
    │                                            a backend cannot express an op (e.g. no formula)
    └── MissingExtraError (ImportError)          an optional dependency is missing -> exit 2

Each error carries, besides its message, the attributes ``expected`` (what nlsheet wanted),
``found`` (what it got), ``where`` (a cell such as ``Sales!B1``, a file, or the words of the
command) and ``candidates`` (suggestions, best first). Messages are written for the person at the
keyboard: what was expected, what was found, where, and what to try instead.

Example:
    >>> import nlsheet
    >>> try:
    ...     nlsheet.open("sales.xlsx").ask("average of regoin")
    ... except nlsheet.UnknownColumnError as exc:
    ...     print(exc.candidates)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

__all__ = [
    "ColumnTypeError",
    "EmptyCommandError",
    "EncryptedWorkbookError",
    "InputError",
    "MissingExtraError",
    "NlsheetError",
    "NoMatchError",
    "NoTableError",
    "NotASpreadsheetError",
    "NotUnderstoodError",
    "UnknownColumnError",
    "UnknownSheetError",
    "UnsupportedFormatError",
    "UnsupportedOperationError",
    "WorkbookError",
    "WorkbookNotFoundError",
]


class NlsheetError(Exception):
    """Base of every error nlsheet raises on purpose.

    Attributes:
        expected: What nlsheet expected, in words.
        found: What it found instead.
        where: Where: a cell or range (``Stock!C4``), a file path, or words of the command.
        candidates: Suggestions, best first (sheet names, header names, commands).
    """

    exit_code: ClassVar[int] = 1

    def __init__(
        self,
        message: str,
        *,
        expected: str | None = None,
        found: str | None = None,
        where: str | None = None,
        candidates: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.found = found
        self.where = where
        self.candidates: tuple[str, ...] = tuple(candidates)

    @property
    def type_name(self) -> str:
        """The class name, as shown in the CLI's JSON ``error.type``."""
        return type(self).__name__

    def __str__(self) -> str:
        return self.message


class InputError(NlsheetError, ValueError):
    """The workbook, sheet, column or command given by the user cannot be used."""

    exit_code = 2


class EmptyCommandError(InputError):
    """The command is empty or only white space."""


class WorkbookError(InputError):
    """The workbook cannot be opened or read."""


class WorkbookNotFoundError(WorkbookError, FileNotFoundError):
    """No file at the given path."""


class NotASpreadsheetError(WorkbookError):
    """The file exists but is not a spreadsheet nlsheet can read (or is damaged)."""


class EncryptedWorkbookError(WorkbookError):
    """The workbook is protected by a password."""


class UnsupportedFormatError(WorkbookError):
    """The file type is known but this operation cannot handle it."""


class UnknownSheetError(InputError, LookupError):
    """No sheet of that name in the workbook."""


class NoTableError(InputError):
    """The sheet holds no table nlsheet can recognise (empty, or no header row)."""


class UnknownColumnError(InputError, LookupError):
    """A word of the command names no column of the table."""


class NoMatchError(InputError, LookupError):
    """No row passes the conditions of a lookup ('price of Gizmoo')."""


class ColumnTypeError(InputError, TypeError):
    """A column's values do not fit the operation (text where numbers are needed)."""


class NotUnderstoodError(NlsheetError):
    """The command was not understood well enough to answer it safely."""

    exit_code = 4


class UnsupportedOperationError(NlsheetError, NotImplementedError):
    """A backend cannot express an operation (for example as an Excel formula)."""

    exit_code = 4


class MissingExtraError(NlsheetError, ImportError):
    """An optional dependency is not installed (the message names the extra to install)."""

    exit_code = 2
