"""What was written where: a table's sheet, header cells and rows, and the workbook holding it.

Shared by the books (which fill them), the cases and the oracle (which read them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

Value = Any  # date | int | float | str | None, exactly as written to a cell


_NUMBER_TEXT = re.compile(r"[+-]?\d+(\.\d+)?")
_PLAIN_SHEET = re.compile(r"[A-Za-z0-9_.]+")
_A1_LIKE = re.compile(r"[A-Za-z]{1,3}\d+")
_R1C1_LIKE = re.compile(r"[Rr]\d*([Cc]\d*)?|[Cc]\d*")


def as_number(value: Value) -> Decimal | None:
    """Return the numeric value of a cell (text-stored numbers included)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def quote_sheet(name: str) -> str:
    """Quote a sheet name for a formula only when Excel needs it."""
    needs_quotes = (
        not _PLAIN_SHEET.fullmatch(name)
        or name[0].isdigit()
        or bool(_A1_LIKE.fullmatch(name))
        or bool(_R1C1_LIKE.fullmatch(name))
    )
    if needs_quotes:
        return "'" + name.replace("'", "''") + "'"
    return name


@dataclass
class Table:
    """A rectangular table written to a sheet (header row + data rows)."""

    sheet: str
    header_row: int
    first_col: int  # 1-based column index of the first header cell
    headers: list[str]
    rows: list[list[Value]] = field(default_factory=list)

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def last_data_row(self) -> int:
        return self.header_row + len(self.rows)

    def index(self, header: str) -> int:
        return self.headers.index(header)

    def letter(self, header: str) -> str:
        return get_column_letter(self.first_col + self.index(header))

    def values(self, header: str) -> list[Value]:
        i = self.index(header)
        return [row[i] for row in self.rows]

    def numbers(self, header: str) -> list[Decimal]:
        return [n for n in map(as_number, self.values(header)) if n is not None]

    def text_number_cells(self, header: str) -> list[str]:
        """Cell addresses in ``header``'s column holding numbers stored as text."""
        col = self.letter(header)
        return [
            f"{col}{self.first_data_row + offset}"
            for offset, value in enumerate(self.values(header))
            if isinstance(value, str) and as_number(value) is not None
        ]

    def blank_cells(self, header: str) -> list[str]:
        col = self.letter(header)
        return [
            f"{col}{self.first_data_row + offset}"
            for offset, value in enumerate(self.values(header))
            if value is None
        ]

    def is_numeric(self, header: str) -> bool:
        present = [v for v in self.values(header) if v is not None]
        return bool(present) and all(as_number(v) is not None for v in present)

    def data_range(self, header: str) -> str:
        col = self.letter(header)
        return f"{quote_sheet(self.sheet)}!${col}${self.first_data_row}:${col}${self.last_data_row}"

    def header_cell(self, header: str) -> str:
        return f"{quote_sheet(self.sheet)}!{self.letter(header)}{self.header_row}"

    @property
    def last_col_letter(self) -> str:
        return get_column_letter(self.first_col + len(self.headers) - 1)


@dataclass
class Book:
    """A generated workbook: its file name, tables and a README paragraph."""

    filename: str
    tables: list[Table]
    description: str

    def table(self, sheet: str) -> Table:
        for table in self.tables:
            if table.sheet == sheet:
                return table
        raise KeyError(sheet)
