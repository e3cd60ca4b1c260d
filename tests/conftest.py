"""Shared fixtures: paths, the sample cases, and a LibreOffice recalculation helper."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine as pc
import yaml
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from nlsheet.backends.formula import to_file_text, to_formula
from nlsheet.backends.pandas_exec import execute
from nlsheet.workbook.table import day_fraction

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
CASES = Path(__file__).resolve().parent / "cases"


# The keys every `nlsheet ask --json` object has (the command-line contract).
CONTRACT_KEYS = frozenset(
    {"value", "formula", "intent", "route", "confidence", "columns", "changes"}
    | {"clarification", "error"}
)


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of one tests/cases/*.yaml file."""
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(path: Path, workdir: Path) -> Path:
    """Open a workbook in LibreOffice headless, recalculate it, save it as .xlsx; return the copy.

    LibreOffice computes formulas that have no cached value when it loads the file, so the
    saved copy holds the values a spreadsheet engine computes for them.
    """
    binary = soffice()
    if binary is None:
        if os.environ.get("NLSHEET_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = workdir / "recalculated"
    out.mkdir(exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            binary,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(workdir)},
    )
    result = out / (path.stem + ".xlsx")
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the trained model cache and user data of the test run out of the user's home."""
    cache = tmp_path_factory.getbasetemp() / "nlsheet-cache"
    monkeypatch.setenv("NLSHEET_CACHE_DIR", str(cache))
    monkeypatch.setenv("NLSHEET_DATA_DIR", str(tmp_path_factory.getbasetemp() / "nlsheet-data"))


def values_match(expected: Any, got: Any, rel: float = 1e-9) -> bool:
    """Numbers within a relative tolerance; dicts and lists element by element; text exactly."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected == got)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(expected, got, rel_tol=rel, abs_tol=1e-9)
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(
            values_match(expected[k], got[k], rel) for k in expected
        )
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            values_match(e, g, rel) for e, g in zip(expected, got, strict=True)
        )
    return bool(expected == got)


def _engine_cell(ours: Any, engine: Any) -> Any:
    """Read an engine's cell the way nlsheet reports it (dates as ISO text, times and
    durations as days)."""
    days = day_fraction(engine)
    if days is not None:
        return days
    if isinstance(engine, (dt.date, dt.datetime)):
        return engine.isoformat()[:10]
    if (
        isinstance(ours, str)
        and isinstance(engine, float)
        and re.fullmatch(r"\d{4}-\d\d-\d\d", ours)
    ):
        return (dt.date(1899, 12, 30) + dt.timedelta(days=engine)).isoformat()
    if isinstance(ours, str) and isinstance(engine, float) and engine.is_integer():
        return str(int(engine)) if ours == str(int(engine)) else engine
    return engine


def _group_value(value: Any, key: str) -> Any:
    """The answer of one group; a group within a group is keyed 'outer | inner'."""
    for part in key.split(" | "):
        value = value[part]
    return value


def check_parity(source: Path, results: list[tuple[str, Any, Any]], workdir: Path) -> list[Any]:
    """Write each answer's formula(s) into a copy of ``source``, recalculate it with
    LibreOffice, and return the mismatches (id, formula, ours, engine's)."""
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.create_sheet("nlsheet_check")
    placed: list[tuple[str, str, Any, str, int, int]] = []  # id, text, ours, ref, rows, cols
    row = 1
    for case_id, result, table in results:
        formula = to_formula(result.plan, table, execute(result.plan, table))
        items: list[tuple[str, Any]] = []
        if formula.groups:
            items = [(f, _group_value(result.value, k)) for k, f in formula.groups.items()]
        else:
            items = [(formula.text, result.value)]
            if formula.legacy:
                items.append((formula.legacy, result.value))
        for text, ours in items:
            rows, cols = formula.spill or (1, 1)
            ref = f"A{row}:{get_column_letter(cols)}{row + rows - 1}"
            file_text = to_file_text(text)
            array = formula.array or formula.spill is not None or text != formula.text
            sheet[f"A{row}"] = ArrayFormula(ref, file_text) if array else file_text
            placed.append((case_id, text, ours, ref, rows, cols))
            row += rows
    copy = workdir / source.name
    workbook.save(copy)
    recalculated = recalculate(copy, workdir)
    grid = (
        pc.CalamineWorkbook.from_path(str(recalculated))
        .get_sheet_by_name("nlsheet_check")
        .to_python(skip_empty_area=False)
    )
    mismatches = []
    for case_id, text, ours, ref, rows, cols in placed:
        first = int(ref.split(":")[0][1:]) - 1
        block = [r[:cols] for r in grid[first : first + rows]]
        if isinstance(ours, list) and ours and isinstance(ours[0], dict):
            engine: Any = [
                {k: _engine_cell(v, c) for (k, v), c in zip(o.items(), line, strict=False)}
                for o, line in zip(ours, block, strict=False)
            ]
        elif isinstance(ours, list):
            engine = [_engine_cell(o, line[0]) for o, line in zip(ours, block, strict=False)]
        else:
            engine = _engine_cell(ours, block[0][0] if block and block[0] else None)
        if not values_match(ours, engine, rel=1e-7):
            mismatches.append((case_id, text, ours, engine))
    return mismatches


def answer_of(book: Any, command: str) -> Any:
    """The value a command answers, asserting nlsheet neither asked back nor changed a cell."""
    result = book.ask(command)
    assert result.clarification is None, (command, result.clarification)
    assert not result.changes, (command, result.changes)
    return result.value


def book_of_frame(frame: Any, sheet: str, path: Path) -> Any:
    """A book of one sheet holding a DataFrame's header and rows, written with openpyxl."""
    from helpers_books import write_book

    import nlsheet

    rows: list[list[Any]] = [list(frame.columns)]
    rows += [list(r) for r in frame.itertuples(index=False)]
    return nlsheet.open(write_book(path, {sheet: rows}))
