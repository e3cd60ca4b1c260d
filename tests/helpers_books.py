"""Small builders for test workbooks, and independent readers to compute expected values.

Everything here uses openpyxl (never nlsheet), so expected values computed from these files or
from the Python lists written into them do not depend on the code under test.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"

Rows = Sequence[Sequence[Any]]


def write_book(
    path: Path,
    sheets: Mapping[str, Rows],
    *,
    origin: tuple[int, int] = (1, 1),
    merges: Mapping[str, Iterable[str]] | None = None,
) -> Path:
    """Write one sheet per entry, each list of rows starting at ``origin`` (1-based row, column).

    ``None`` cells are left empty. ``merges`` maps a sheet name to ranges such as ``"B2:C2"``.
    """
    wb = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = name
        first = False
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(origin[0] + i, origin[1] + j, value)
        for ref in (merges or {}).get(name, ()):
            ws.merge_cells(ref)
    wb.save(path)
    return path


def write_cells(
    path: Path, sheet: str, cells: Mapping[str, Any], merges: Iterable[str] = ()
) -> Path:
    """Write a single sheet cell by cell (``{"B2": "Title", ...}``), then merge ranges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for ref, value in cells.items():
        ws[ref] = value
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def column_range(sheet_ref: str, column: int, first_row: int, last_row: int) -> str:
    """``Sheet!$C$6:$C$8`` built with openpyxl's column letters (sheet_ref already quoted)."""
    letter = get_column_letter(column)
    return f"{sheet_ref}!${letter}${first_row}:${letter}${last_row}"


def cell(sheet_ref: str, row: int, column: int) -> str:
    """``Sheet!C5`` built with openpyxl's column letters (sheet_ref already quoted)."""
    return f"{sheet_ref}!{get_column_letter(column)}{row}"


def read_column(path: Path, sheet: str, letter: str, first_row: int, last_row: int) -> list[Any]:
    """The stored values of one column's cells, read with openpyxl."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet]
        return [ws[f"{letter}{r}"].value for r in range(first_row, last_row + 1)]
    finally:
        wb.close()


def file_state(path: Path) -> tuple[str, int, int]:
    """sha256, size and mtime (ns) of a file: enough to notice any write."""
    data = path.read_bytes()
    stat = path.stat()
    return hashlib.sha256(data).hexdigest(), stat.st_size, stat.st_mtime_ns


def copy_samples(dest: Path) -> list[Path]:
    """Copy sample_workbooks/*.xlsx into ``dest`` (preserving mtimes); return the copies."""
    copies = [Path(shutil.copy2(p, dest / p.name)) for p in sorted(SAMPLES.glob("*.xlsx"))]
    assert copies, f"no sample workbooks in {SAMPLES}"
    return copies
