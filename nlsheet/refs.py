"""A1 references: the only place that builds or parses A1 text.

Rows and columns are 1-based, as in Excel. Sheet names are quoted only when Excel needs it.

Example:
    >>> range_ref("Budget 2024", 2, 2, 11, 2)
    "'Budget 2024'!$B$2:$B$11"
    >>> cell_ref("Sales", 1, 7)
    'Sales!G1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CellAddress",
    "cell_ref",
    "column_index",
    "column_letter",
    "parse_cell",
    "quote_sheet",
    "range_ref",
]

MAX_COLUMN = 16384
MAX_ROW = 1048576

_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")
_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_LOOKS_LIKE_CELL = re.compile(r"^[A-Za-z]{1,3}[0-9]+$|^[Rr][0-9]*[Cc][0-9]*$")
_CELL = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^!]+)!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>[0-9]+)$"
)


@dataclass(frozen=True)
class CellAddress:
    """A parsed cell: sheet name (or None), 1-based row and column."""

    sheet: str | None
    row: int
    column: int


def column_letter(index: int) -> str:
    """Return the letters of a 1-based column index (1 -> 'A', 28 -> 'AB').

    Raises:
        ValueError: If the index is outside 1..16384.
    """
    if not 1 <= index <= MAX_COLUMN:
        raise ValueError(f"column index must be 1..{MAX_COLUMN}, got {index}")
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """Return the 1-based index of column letters ('A' -> 1, 'ab' -> 28).

    Raises:
        ValueError: If the text is not 1-3 letters or beyond column XFD.
    """
    if not _LETTERS.match(letters):
        raise ValueError(f"expected column letters like 'F' or 'AB', got {letters!r}")
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    if index > MAX_COLUMN:
        raise ValueError(f"column {letters.upper()} is beyond the last column XFD")
    return index


def quote_sheet(name: str) -> str:
    """Quote a sheet name for a reference when Excel requires it."""
    if _PLAIN_SHEET.match(name) and not _LOOKS_LIKE_CELL.match(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def cell_ref(sheet: str | None, row: int, column: int, *, absolute: bool = False) -> str:
    """Return an A1 cell reference such as ``Sales!G1`` or ``'My Sheet'!$B$2``."""
    dollar = "$" if absolute else ""
    ref = f"{dollar}{column_letter(column)}{dollar}{row}"
    return f"{quote_sheet(sheet)}!{ref}" if sheet is not None else ref


def range_ref(
    sheet: str | None,
    first_row: int,
    first_column: int,
    last_row: int,
    last_column: int,
    *,
    absolute: bool = True,
) -> str:
    """Return an A1 range reference, absolute and sheet-qualified by default."""
    start = cell_ref(None, first_row, first_column, absolute=absolute)
    end = cell_ref(None, last_row, last_column, absolute=absolute)
    ref = f"{start}:{end}"
    return f"{quote_sheet(sheet)}!{ref}" if sheet is not None else ref


def parse_cell(text: str) -> CellAddress:
    """Parse ``B4``, ``$B$4``, ``Stock!B4`` or ``'My Sheet'!B4``.

    Raises:
        ValueError: If the text is not a single-cell A1 reference.
    """
    match = _CELL.match(text.strip())
    if not match:
        raise ValueError(f"expected a cell reference like 'B4' or 'Sales!H2', got {text!r}")
    sheet = match.group("sheet")
    if sheet is not None and sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    row = int(match.group("row"))
    if not 1 <= row <= MAX_ROW:
        raise ValueError(f"row must be 1..{MAX_ROW}, got {row} in {text!r}")
    return CellAddress(sheet, row, column_index(match.group("col")))
