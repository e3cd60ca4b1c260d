"""Write an answer's formula into a cell of a copy of the workbook (openpyxl), atomically.

The input file is never modified: the copy is written to a temporary file beside the output
and renamed over it only when complete.

Example:
    >>> write_formula("sales.xlsx", "out.xlsx", "Sales", "I2", formula)
    {'sheet': 'Sales', 'range': 'Sales!I2', 'what': 'formula', 'formula': '=AVERAGE(...)'}
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from nlsheet import refs
from nlsheet.errors import InputError, UnsupportedFormatError

__all__ = ["FormulaCells", "write_formula"]


class FormulaCells(Protocol):
    """What is written: a formula as typed and as stored in a file, how it is entered, and its
    per-group forms (:class:`nlsheet.backends.formula.Formula` is one)."""

    @property
    def text(self) -> str: ...

    @property
    def file_text(self) -> str: ...

    @property
    def array(self) -> bool: ...

    @property
    def spill(self) -> tuple[int, int] | None: ...

    @property
    def file_groups(self) -> Mapping[str, str]: ...


_EDITABLE = (".xlsx", ".xlsm")


def _check_paths(source: Path, out: Path) -> None:
    if source.suffix.lower() not in _EDITABLE:
        raise UnsupportedFormatError(
            f"{source.name} is a {source.suffix} file, which cannot be edited without losing "
            "content; save it as .xlsx first (or ask without --write-to)",
            expected=".xlsx or .xlsm",
            found=source.suffix,
            where=str(source),
        )
    if out.suffix.lower() not in _EDITABLE:
        raise InputError(
            f"the output {out.name} must end in .xlsx or .xlsm",
            expected=".xlsx or .xlsm",
            found=out.suffix or "no suffix",
            where=str(out),
        )
    if out.resolve() == source.resolve():
        raise InputError(
            f"--save {out} is the input workbook; nlsheet writes to a copy, never over its input",
            expected="another file name",
            found=str(out),
            where=str(out),
        )


def _put(ws: Any, row: int, column: int, text: str, array: bool, size: tuple[int, int]) -> None:
    from openpyxl.worksheet.formula import ArrayFormula

    ref = refs.cell_ref(None, row, column)
    if array or size != (1, 1):
        end = refs.cell_ref(None, row + size[0] - 1, column + size[1] - 1)
        ws[ref] = ArrayFormula(f"{ref}:{end}" if end != ref else ref, text)
    else:
        ws[ref] = text


def write_formula(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    sheet: str,
    cell: str,
    formula: FormulaCells,
) -> dict[str, Any]:
    """Copy ``source`` to ``out`` with ``formula`` in ``sheet!cell``; return the change.

    Raises:
        InputError: If the cell reference or the output path is unusable.
        UnsupportedFormatError: If the workbook type cannot be edited without loss.
    """
    import openpyxl

    src, dst = Path(source), Path(out)
    _check_paths(src, dst)
    try:
        address = refs.parse_cell(cell)
    except ValueError as exc:
        raise InputError(
            f"--write-to {cell!r} is not a cell; expected something like H2 or 'Sales!H2'",
            expected="a cell such as H2",
            found=cell,
            where="--write-to",
        ) from exc
    target_sheet = address.sheet or sheet
    keep_vba = src.suffix.lower() == ".xlsm"
    book = openpyxl.load_workbook(src, keep_vba=keep_vba)
    if target_sheet not in book.sheetnames:
        raise InputError(
            f"no sheet {target_sheet!r} to write to; sheets: {', '.join(book.sheetnames)}",
            expected="a sheet of the workbook",
            found=target_sheet,
            where="--write-to",
            candidates=book.sheetnames,
        )
    ws = book[target_sheet]
    row, column = address.row, address.column
    groups = formula.file_groups
    if groups:
        # One row per group: its name, then the formula for it.
        for offset, (key, text) in enumerate(groups.items()):
            ws.cell(row + offset, column, key)
            _put(ws, row + offset, column + 1, text, formula.array, (1, 1))
        last = (row + len(groups) - 1, column + 1)
    else:
        rows, cols = formula.spill or (1, 1)
        _put(ws, row, column, formula.file_text, formula.array, (rows, cols))
        last = (row + rows - 1, column + cols - 1)
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".nlsheet-", suffix=dst.suffix)
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, dst)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    first = refs.cell_ref(None, row, column)
    end = refs.cell_ref(None, *last)
    return {
        "sheet": target_sheet,
        "range": f"{refs.quote_sheet(target_sheet)}!{first}" + (f":{end}" if end != first else ""),
        "what": "array formula" if formula.array or formula.spill else "formula",
        "formula": formula.text,
        "file": str(dst),
    }
