"""Data-driven cases: every worked command of sample_workbooks/README.md, checked three ways.

1. The answer (intent, value, formula, sheet, header cells) equals what build.py computed from
   the data it generated, independently of nlsheet.
2. Every formula tokenizes with openpyxl's formula tokenizer.
3. Every formula, written into a copy of its workbook and recalculated by LibreOffice headless,
   gives the same value as nlsheet's pandas backend.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, check_parity, load_cases
from openpyxl.formula import Tokenizer

import nlsheet

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
    book = nlsheet.open(SAMPLES / book_name)
    results = []
    for case in (c for c in CASES if c["book"] == book_name):
        result = book.ask(case["command"], sheet=case["sheet"])
        results.append((case["id"], result, book.table(result.sheet)))
    assert not check_parity(SAMPLES / book_name, results, tmp_path)
