"""Workbooks read from files: python-calamine for spreadsheets, the csv module for CSV.

Reading never writes: the file is opened read-only and closed before answers are computed.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import python_calamine as pc

from nlsheet.errors import (
    EncryptedWorkbookError,
    NotASpreadsheetError,
    WorkbookError,
    WorkbookNotFoundError,
)
from nlsheet.workbook.base import find_sheet
from nlsheet.workbook.detect import MergedRange, detect_table
from nlsheet.workbook.table import Table

__all__ = ["SPREADSHEET_SUFFIXES", "FileWorkbook"]

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_CSV_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_CSV_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FileWorkbook:
    """A spreadsheet or CSV file, read on demand one sheet at a time.

    Args:
        path: The file. Its type is judged by its suffix (and its first bytes on failure).

    Raises:
        WorkbookNotFoundError: If there is no file at ``path``.
        NotASpreadsheetError: If the file is not a spreadsheet nlsheet can read.
        EncryptedWorkbookError: If the workbook is password protected.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._tables: dict[str, Table] = {}
        if not path.exists():
            close = (
                sorted(
                    p.name
                    for p in path.parent.glob("*")
                    if p.suffix.lower() in (*SPREADSHEET_SUFFIXES, ".csv")
                )[:5]
                if path.parent.is_dir()
                else []
            )
            hint = f"; spreadsheets there: {', '.join(close)}" if close else ""
            raise WorkbookNotFoundError(
                f"no file at {path}{hint}",
                expected="a path to an existing .xlsx/.xlsm/.xls/.ods/.csv file",
                found="nothing",
                where=str(path),
                candidates=close,
            )
        if path.is_dir():
            raise NotASpreadsheetError(
                f"{path} is a folder, not a spreadsheet file",
                expected="a spreadsheet file",
                found="a folder",
                where=str(path),
            )
        self._csv = path.suffix.lower() in (".csv", ".tsv", ".txt")
        self._book: Any = None
        if self._csv:
            self._sheet_names: tuple[str, ...] = (path.stem,)
        else:
            self._book = self._open()
            self._sheet_names = tuple(self._book.sheet_names)

    @property
    def source(self) -> str:
        """The file's path."""
        return str(self._path)

    @property
    def path(self) -> Path:
        """The file's path."""
        return self._path

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """The worksheets' names, in workbook order."""
        return self._sheet_names

    def table(self, sheet: str) -> Table:
        """Read a sheet (once) and find its table."""
        sheet = find_sheet(sheet, self._sheet_names, self.source)
        table = self._tables.get(sheet)
        if table is None:
            grid, merged = self._read_csv() if self._csv else self._read_sheet(sheet)
            table = detect_table(sheet, grid, merged)
            self._tables[sheet] = table
        return table

    def _open(self) -> Any:
        try:
            return pc.CalamineWorkbook.from_path(str(self._path))
        except pc.PasswordError as exc:
            raise self._encrypted() from exc
        except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError) as exc:
            if self._looks_encrypted():
                raise self._encrypted() from exc
            raise NotASpreadsheetError(
                f"{self._path.name} is not a spreadsheet nlsheet can read ({exc}); "
                "expected an .xlsx, .xlsm, .xls, .xlsb, .ods or .csv file",
                expected="an .xlsx, .xlsm, .xls, .xlsb, .ods or .csv file",
                found=f"a file calamine cannot read: {exc}",
                where=str(self._path),
            ) from exc

    def _looks_encrypted(self) -> bool:
        with self._path.open("rb") as fh:
            head = fh.read(1 << 16)
        return head.startswith(_OLE_MAGIC) and _ENCRYPTION_INFO in head

    def _encrypted(self) -> EncryptedWorkbookError:
        return EncryptedWorkbookError(
            f"{self._path.name} is protected by a password; "
            "open it in Excel, remove the password (File > Info > Protect Workbook) "
            "and save a copy",
            expected="a workbook without a password",
            found="an encrypted workbook",
            where=str(self._path),
        )

    def _read_sheet(self, sheet: str) -> tuple[list[list[Any]], list[MergedRange]]:
        try:
            data = self._book.get_sheet_by_name(sheet)
            grid: list[list[Any]] = data.to_python(skip_empty_area=False)
            merged_raw = data.merged_cell_ranges or []
        except (pc.CalamineError, pc.XmlError, pc.ZipError, ValueError) as exc:
            raise WorkbookError(
                f"could not read sheet {sheet!r} of {self._path.name}: {exc}",
                expected="a readable worksheet",
                found=str(exc),
                where=f"{self._path.name}!{sheet}",
            ) from exc
        merged = [(a[0], a[1], b[0], b[1]) for a, b in merged_raw]
        return grid, merged

    def _read_csv(self) -> tuple[list[list[Any]], list[MergedRange]]:
        try:
            text = self._path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = self._path.read_text(encoding="latin-1")
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        rows = [[_csv_value(v) for v in row] for row in csv.reader(text.splitlines(), dialect)]
        width = max((len(r) for r in rows), default=0)
        return [r + [""] * (width - len(r)) for r in rows], []


def _csv_value(text: str) -> Any:
    stripped = text.strip()
    if _CSV_NUMBER.match(stripped):
        return float(stripped)
    if _CSV_DATE.match(stripped):
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            return text
    return text
