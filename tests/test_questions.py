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
# Commands the classifier is not sure enough of: nlsheet asks back instead of answering.
# Asking is the safe outcome, but it is not the answer; the intent data should fix them.
ASKS_INSTEAD: dict[str, str] = {}
# A month or quarter without a year over dates of several years: nlsheet asks which year, and
# the build script's answer (that period in every year) is the option 'of any year'.
ANY_YEAR = {
    "employees-how-many-employees-were-hired-in-march",
    "employees-average-salary-of-employees-hired-in-q1",
    "projects-how-many-projects-with-start-in-q1",
    "projects-how-many-projects-end-in-december",
}


def _params() -> list[Any]:
    return [
        pytest.param(
            c,
            id=c["id"],
            marks=[pytest.mark.xfail(strict=True, reason=ASKS_INSTEAD[c["id"]])]
            if c["id"] in ASKS_INSTEAD
            else [],
        )
        for c in CASES
    ]


def _book(name: str) -> nlsheet.Book:
    if name not in BOOKS:
        BOOKS[name] = nlsheet.open(SAMPLES / name)
    return BOOKS[name]


@pytest.mark.parametrize("case", _params())
def test_question(case: dict[str, Any]) -> None:
    result = _book(case["book"]).ask(case["command"], sheet=case["sheet"])
    expect = case["expect"]
    if case["id"] in ANY_YEAR:
        assert result.clarification is not None, result.value
        labels = [o.label for o in result.clarification.options]
        assert labels[-1].endswith("of any year") and len(labels) >= 3, labels
        result = result.choose(len(labels) - 1)
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
        if case["id"] in ASKS_INSTEAD:
            continue
        result = book.ask(case["command"], sheet=case["sheet"])
        if case["id"] in ANY_YEAR:
            assert result.clarification is not None
            result = result.choose(len(result.clarification.options) - 1)
        assert result.plan is not None, case["id"]
        assert result.formula is not None, (case["id"], result.notes)
        results.append((case["id"], result, book.table(result.sheet)))
    mismatches = check_parity(SAMPLES / book_name, results, tmp_path)
    assert not mismatches
