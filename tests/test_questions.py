"""Questions over the sample workbooks: conditions, groups, lookups, rankings, statistics.

Expected values come from sample_workbooks/build.py, computed from the data it generated (never
by nlsheet). Every answer's formula is also recalculated by LibreOffice and must agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, check_parity, load_cases, values_match

import nlsheet

CASES = load_cases("questions.yaml")
BOOKS: dict[str, nlsheet.Book] = {}


def _book(name: str) -> nlsheet.Book:
    if name not in BOOKS:
        BOOKS[name] = nlsheet.open(SAMPLES / name)
    return BOOKS[name]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_question(case: dict[str, Any]) -> None:
    result = _book(case["book"]).ask(case["command"], sheet=case["sheet"])
    expect = case["expect"]
    assert result.clarification is None, result.clarification
    assert result.intent == expect["intent"]
    assert values_match(expect["value"], result.value), (result.value, expect["value"])
    if expect.get("columns"):
        assert set(expect["columns"]) <= {c.name for c in result.columns}
    if expect.get("formula"):
        assert result.formula == expect["formula"]


@pytest.mark.libreoffice
@pytest.mark.parametrize("book_name", sorted({c["book"] for c in CASES}))
def test_question_formulas_match_libreoffice(book_name: str, tmp_path: Path) -> None:
    book = _book(book_name)
    results = []
    for case in (c for c in CASES if c["book"] == book_name):
        try:
            result = book.ask(case["command"], sheet=case["sheet"])
        except nlsheet.NlsheetError:
            continue  # test_question reports it
        if result.plan is None or result.formula is None:
            continue
        results.append((case["id"], result, book.table(result.sheet)))
    mismatches = check_parity(SAMPLES / book_name, results, tmp_path)
    assert not mismatches
