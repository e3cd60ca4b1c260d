"""The everyday runner's scoring: months as '2024-09' match an answer that names them 'Sep' or
'Sep 2024', quarters match however written ('2024-Q1', 'Q1 2024', 'Q1' in one year), a figure
written to a few decimals matches the answer rounded so, and a cases file finds its workbooks in
a books folder beside it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from helpers_books import ROOT, write_book


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("everyday_bench", ROOT / "bench/everyday.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_months_of_one_year_match_by_name() -> None:
    match = _runner().match
    expected = {"2025-03": 4, "2025-04": 7}
    assert match({"Mar": 4, "Apr": 7}, expected)
    assert match({"March": 4, "April": 7}, expected)
    assert not match({"Mar": 4, "Apr": 8}, expected)
    # Months of two years cannot be told apart by name.
    assert not match({"Mar": 4, "Apr": 7}, {"2025-03": 4, "2026-04": 7})


def test_months_with_their_year_and_rounded_figures_match() -> None:
    match = _runner().match
    two_years = {"Oak": {"2024-12": 3, "2025-01": 5}}
    assert match({"Oak": {"Dec 2024": 3, "Jan 2025": 5}}, two_years)
    assert not match({"Oak": {"Dec 2024": 3, "Jan 2024": 5}}, two_years)
    # A figure written to six decimals is met by the answer rounded so, not by another.
    assert match(0.227132766588, 0.227133)
    assert not match(0.2271, 0.227133)
    # One decimal is too coarse to say the answer rounds to it.
    assert not match(3.46, 3.5)


def test_quarters_match_however_written() -> None:
    match = _runner().match
    expected = {"Oak": {"2024-Q1": 3, "2024-Q2": 5}}
    assert match({"Oak": {"Q1": 3, "Q2": 5}}, expected)
    assert match({"Oak": {"Q1 2024": 3, "Q2 2024": 5}}, expected)
    assert match({"Oak": {"Q1": 3, "Q2": 5}}, {"Oak": {"2024Q1": 3, "2024Q2": 5}})
    assert not match({"Oak": {"Q1": 3, "Q2": 6}}, expected)
    assert not match({"Oak": {"Q1 2023": 3, "Q2 2024": 5}}, expected)
    # Quarters of two years cannot be told apart without their year.
    assert not match({"Q1": 3, "Q2": 5}, {"2023-Q1": 3, "2024-Q2": 5})


def test_a_cases_file_reads_the_books_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "books").mkdir()
    write_book(tmp_path / "books" / "pets.xlsx", {"Pets": [["Pet", "Age"], ["Rex", 3], ["Tom", 5]]})
    case = {
        "id": "t-1",
        "book": "pets.xlsx",
        "sheet": "Pets",
        "command": "average age",
        "class": "plain",
        "split": "dev",
        "kind": "value",
        "expected": 4,
    }
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    results = tmp_path / "out.jsonl"
    _runner().main(["--cases", str(cases), "--in-process", "--results", str(results)])
    assert "everyday: 1/1" in capsys.readouterr().out
    assert json.loads(results.read_text(encoding="utf-8"))["outcome"] == "right"
