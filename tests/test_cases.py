"""Data-driven cases: every worked command of sample_workbooks/README.md, checked three ways.

1. The answer (intent, value, formula, sheet, header cells) equals what build.py computed from
   the data it generated, independently of nlsheet.
2. Every formula tokenizes with openpyxl's formula tokenizer.
3. Every formula, written into a copy of its workbook and recalculated by LibreOffice headless,
   gives the same value as nlsheet's pandas backend.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine as pc
from conftest import SAMPLES, load_cases, recalculate
from openpyxl.formula import Tokenizer
from openpyxl.worksheet.formula import ArrayFormula

import nlsheet
from nlsheet.backends.formula import to_formula

CASES = load_cases("samples.yaml")


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-9)
    return bool(expected == got)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sample_case(case: dict[str, Any]) -> None:
    book = nlsheet.open(SAMPLES / case["book"])
    result = book.ask(case["command"], sheet=case["sheet"])
    expect = case["expect"]
    assert result.clarification is None
    assert result.intent == expect["intent"]
    assert _same(expect["value"], result.value), (result.value, expect["value"])
    assert result.formula == expect["formula"]
    assert result.sheet == expect["sheet"]
    assert [{"name": c.name, "cell": c.cell} for c in result.columns] == expect["columns"]
    assert result.route == "classifier"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_formula_tokenizes(case: dict[str, Any]) -> None:
    formula = case["expect"]["formula"]
    tokens = Tokenizer(formula).items
    assert tokens, formula
    assert any(t.type == "OPERAND" and t.subtype == "RANGE" for t in tokens)


@pytest.mark.libreoffice
@pytest.mark.parametrize("book_name", sorted({c["book"] for c in CASES}))
def test_formulas_match_libreoffice(book_name: str, tmp_path: Path) -> None:
    """Write every case's formula into a copy, recalculate with LibreOffice, compare values."""
    source = SAMPLES / book_name
    cases = [c for c in CASES if c["book"] == book_name]
    book = nlsheet.open(source)
    answers = []
    for case in cases:
        result = book.ask(case["command"], sheet=case["sheet"])
        assert result.plan is not None
        formula = to_formula(result.plan, book.table(result.sheet))
        answers.append((case, result, formula))
    workbook = openpyxl.load_workbook(source)
    check = workbook.create_sheet("nlsheet_check")
    for row, (_, _, formula) in enumerate(answers, start=1):
        ref = f"A{row}"
        check[ref] = ArrayFormula(ref, formula.text) if formula.array else formula.text
    copy = tmp_path / book_name
    workbook.save(copy)
    recalculated = recalculate(copy, tmp_path)
    grid = (
        pc.CalamineWorkbook.from_path(str(recalculated))
        .get_sheet_by_name("nlsheet_check")
        .to_python(skip_empty_area=False)
    )
    mismatches = []
    for row, (case, result, formula) in enumerate(answers):
        engine = grid[row][0]
        ours = result.value
        if isinstance(engine, (dt.date, dt.datetime)):
            engine = engine.isoformat()[:10]
        elif isinstance(ours, str):
            # A date answer: the engine gives a serial number (days since 1899-12-30).
            engine = (dt.date(1899, 12, 30) + dt.timedelta(days=float(engine))).isoformat()
        if not _same(ours, engine):
            mismatches.append((case["id"], formula.text, ours, engine))
    assert not mismatches
