"""Editing workbook files safely: all-or-nothing steps, atomic saves, backups and undo.

:class:`EditSession` loads the workbook once with openpyxl (keeping VBA in .xlsm, and images:
Pillow is a dependency for that), applies every step in memory, and only when all succeeded
writes the result to a temporary file beside the destination and renames it into place. The
input is never touched unless ``in_place`` is asked for; then the previous version is first
copied to the user data folder and an undo record kept, and :func:`undo` puts it back
(atomically too).

Files openpyxl cannot edit without loss (.xls, .xlsb, .ods) and CSV files can only be saved as a
new .xlsx, values only, and the result says so.

Example:
    >>> session = EditSession(Path("sales.xlsx"), [table])
    >>> session.apply(Sort((SortKey("Sales", True),)), "Sales", edits.apply)
    >>> session.finish(out=Path("sorted.xlsx"))
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlsheet.errors import InputError, UnsupportedFormatError
from nlsheet.workbook.detect import detect_table
from nlsheet.workbook.table import Table

__all__ = ["EditOutcome", "EditSession", "check_destination", "undo"]

_EDITABLE = (".xlsx", ".xlsm")
_CONVERTIBLE = (".xls", ".xlsb", ".ods", ".csv")


@dataclass(frozen=True)
class EditOutcome:
    """What an edit did: the change records, the file written (None for a dry run), notes."""

    changes: list[dict[str, Any]]
    written: Path | None
    notes: list[str]


def _check_out(source: Path | None, out: Path) -> None:
    if out.suffix.lower() not in _EDITABLE:
        raise InputError(
            f"the output {out.name} must end in .xlsx or .xlsm",
            expected=".xlsx or .xlsm",
            found=out.suffix or "no suffix",
            where=str(out),
        )
    if source is not None and out.resolve() == source.resolve():
        raise InputError(
            f"--save {out} is the input workbook; use --in-place to change it (a backup is kept)",
            expected="another file name, or --in-place",
            found=str(out),
            where=str(out),
        )


def _load(source: Path | None, tables: Sequence[Table], notes: list[str]) -> Any:
    import openpyxl

    if source is not None and source.suffix.lower() in _EDITABLE:
        try:
            return openpyxl.load_workbook(
                source, keep_vba=source.suffix.lower() == ".xlsm", rich_text=True
            )
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
            raise UnsupportedFormatError(
                f"{source.name} can be read but not edited: openpyxl cannot open it ({exc}); "
                "save it from Excel as a plain .xlsx and try again",
                expected="an .xlsx openpyxl can open",
                found=type(exc).__name__,
                where=str(source),
            ) from exc
    # A CSV, a DataFrame, or a file openpyxl cannot edit: a new workbook of the values read.
    book = openpyxl.Workbook()
    for blank in list(book.worksheets):
        book.remove(blank)
    for table in {t.sheet: t for t in tables}.values():
        ws = book.create_sheet(table.sheet[:31])
        if table.header_row is not None:
            for column in table.columns:
                ws.cell(table.header_row, column.column, column.name)
        for k, values in enumerate(table.raw):
            for i, value in enumerate(values):
                if value not in (None, ""):
                    ws.cell(table.first_row + i, table.first_column + k, value)
    kind = source.suffix if source is not None else "a DataFrame"
    notes.append(
        f"converted from {kind} to .xlsx: values only; formatting, formulas and other sheets "
        "of the original are not kept"
    )
    return book


def _save(book: Any, dst: Path) -> None:
    book.calculation.fullCalcOnLoad = True  # new formulas have no cached values yet
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=".nlsheet-", suffix=dst.suffix)
    except OSError as exc:
        raise InputError(
            f"cannot write {dst}: {exc.strerror or exc}",
            expected="a folder nlsheet may write in",
            found=exc.strerror or str(exc),
            where=str(dst.parent),
        ) from exc
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, dst)
    except OSError as exc:
        raise InputError(
            f"cannot write {dst}: {exc.strerror or exc}",
            expected="a writable file",
            found=exc.strerror or str(exc),
            where=str(dst),
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _undo_folder(data_dir: Path, book: Path) -> Path:
    key = hashlib.sha256(str(book.resolve()).encode()).hexdigest()[:16]
    return data_dir / "undo" / key


class EditSession:
    """One in-memory copy of a workbook that steps are applied to, then written (or not).

    Besides the openpyxl workbook it keeps, per edited sheet, a grid of the cell *values*
    (formula cells hold the values the file had cached, and new formula cells the values they
    compute), kept in step with every change. Each step is understood against the table as
    the earlier steps left it: a column added by step 1 can be sorted on in step 2.

    Args:
        source: The workbook file (None for a DataFrame).
        tables: The tables as read from the file (their values fill formula cells).
    """

    def __init__(self, source: Path | None, tables: Sequence[Table]) -> None:
        self.source = source
        self.notes: list[str] = []
        self.changes: list[dict[str, Any]] = []
        self._tables = {t.sheet: t for t in tables}
        self.book = _load(source, tables, self.notes)
        self._grids: dict[str, list[list[Any]]] = {}

    def table(self, sheet: str) -> Table:
        """The table of ``sheet`` as the steps so far left it."""
        return self._tables[sheet]

    def grid(self, sheet: str) -> list[list[Any]]:
        """The values of ``sheet`` (row lists, ``grid[0][0]`` is A1), kept in step with edits."""
        if sheet not in self._grids:
            ws = self.book[sheet]
            grid = [list(r) for r in ws.iter_rows(values_only=True)]
            table = self._tables[sheet]
            for k, column in enumerate(table.raw):
                for i, value in enumerate(column):
                    r, c = table.first_row - 1 + i, table.first_column - 1 + k
                    cell = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
                    if isinstance(cell, str) and cell.startswith("="):
                        grid[r][c] = value  # the value the file had cached
            self._grids[sheet] = grid
        return self._grids[sheet]

    def apply(
        self,
        change: Any,
        sheet: str,
        apply: Callable[[Any, Any, Table, list[list[Any]]], list[dict[str, Any]]],
    ) -> list[dict[str, Any]]:
        """Apply one step; nothing is written until :meth:`finish`.

        Raises:
            InputError: If the step cannot be applied (the message names the step).
        """
        step = 1 + max((c["step"] for c in self.changes), default=0)
        table = self._tables[sheet]
        grid = self.grid(sheet)
        try:
            made = apply(change, self.book, table, grid)
        except InputError as exc:
            raise type(exc)(
                f"step {step} ({change.describe()}): {exc.message}; nothing was written",
                expected=exc.expected,
                found=exc.found,
                where=exc.where,
                candidates=list(exc.candidates),
            ) from exc
        for record in made:
            record["step"] = step
        self.changes.extend(made)
        header = table.header_row - 1 if table.header_row is not None else None
        self._tables[sheet] = detect_table(sheet, grid, header_index=header)
        return made

    def finish(
        self,
        *,
        out: Path | None = None,
        in_place: bool = False,
        data_dir: Path | None = None,
        command: str = "",
    ) -> EditOutcome:
        """Write the edited workbook: to ``out``, over the source (``in_place``, with a backup
        and an undo record), or nowhere (a dry run).

        Raises:
            InputError: For an unusable destination.
            UnsupportedFormatError: For ``in_place`` on a file type openpyxl cannot edit.
        """
        check_destination(self.source, out, in_place, data_dir)
        source = self.source
        if in_place:
            assert source is not None and data_dir is not None
            folder = _undo_folder(data_dir, source)
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(
                dir=folder, prefix=time.strftime("%Y%m%d-%H%M%S-"), suffix=source.suffix
            )
            os.close(fd)
            backup = Path(name)
            shutil.copy2(source, backup)
            _save(self.book, source)
            log = _read_log(folder)
            log.append(
                {
                    "backup": backup.name,
                    "command": command,
                    "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "after": _digest(source),
                }
            )
            _write_log(folder, log)
            self.notes.append(
                f"changed {source.name} in place; a backup was kept: nlsheet undo {source}"
            )
            written: Path | None = source
        elif out is not None:
            _save(self.book, out)
            written = out
        else:
            written = None
            self.notes.append("dry run: nothing was written (use --save OUT.xlsx or --in-place)")
        for record in self.changes:
            record["file"] = str(written) if written else None
        return EditOutcome(self.changes, written, self.notes)


def check_destination(
    source: Path | None, out: Path | None, in_place: bool, data_dir: Path | None
) -> None:
    """Refuse, before any work, a destination that cannot be written.

    Raises:
        InputError: For a non-.xlsx output, the input as output, or no data folder.
        UnsupportedFormatError: For ``in_place`` on a file type openpyxl cannot edit.
    """
    if in_place:
        if source is None or source.suffix.lower() not in _EDITABLE:
            kind = source.suffix if source is not None else "a DataFrame"
            raise UnsupportedFormatError(
                f"{kind} cannot be changed in place without losing content; save the result as "
                "a new .xlsx with --save OUT.xlsx instead",
                expected=".xlsx or .xlsm",
                found=kind,
                where=str(source) if source else "the DataFrame",
            )
        if data_dir is None:
            raise InputError(
                "--in-place needs a data folder for the backup",
                expected="Settings.data_dir",
                found="none",
                where="--in-place",
            )
    if out is not None:
        _check_out(source, out)


def _read_log(folder: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads((folder / "log.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _write_log(folder: Path, log: list[dict[str, Any]]) -> None:
    tmp = folder / "log.json.tmp"
    tmp.write_text(json.dumps(log, indent=1), encoding="utf-8")
    os.replace(tmp, folder / "log.json")


def undo(book: Path, data_dir: Path | None, *, force: bool = False) -> dict[str, Any]:
    """Restore the version of ``book`` before its last in-place change.

    Raises:
        InputError: If there is nothing to undo, or the file changed since nlsheet wrote it
            (unless ``force``).
    """
    if data_dir is None:
        raise InputError(
            "there is no data folder, so no backups",
            expected="Settings.data_dir",
            found="none",
            where="undo",
        )
    folder = _undo_folder(data_dir, book)
    log = _read_log(folder)
    if not log:
        raise InputError(
            f"nothing to undo for {book}: nlsheet has not changed it in place",
            expected="a workbook changed with --in-place",
            found="no undo record",
            where=str(book),
        )
    last = log[-1]
    if book.exists() and _digest(book) != last.get("after") and not force:
        raise InputError(
            f"{book.name} was changed after nlsheet's last edit; undoing would lose those "
            "changes (use --force to restore the backup anyway)",
            expected="the file as nlsheet left it",
            found="a different file",
            where=str(book),
        )
    backup = folder / str(last["backup"])
    if not backup.exists():
        raise InputError(
            f"the backup {backup} of {book.name} is missing; it cannot be restored",
            expected="the backup nlsheet kept",
            found="no file",
            where=str(backup),
        )
    fd, tmp = tempfile.mkstemp(dir=book.parent, prefix=".nlsheet-", suffix=book.suffix)
    os.close(fd)
    try:
        shutil.copy2(backup, tmp)
        os.replace(tmp, book)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    backup.unlink(missing_ok=True)
    _write_log(folder, log[:-1])
    return {"restored": str(book), "command": last.get("command"), "remaining": len(log) - 1}
