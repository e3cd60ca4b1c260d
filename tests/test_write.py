"""Writing an answer's formula into a copy of the workbook (--write-to CELL --save OUT)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc
from conftest import SAMPLES, recalculate
from openpyxl.worksheet.formula import ArrayFormula

import nlsheet
from nlsheet.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def sales(tmp_path: Path) -> Path:
    copy = tmp_path / "sales.xlsx"
    shutil.copy(SAMPLES / "sales.xlsx", copy)
    return copy


def test_cli_writes_the_formula_into_a_copy(sales: Path, tmp_path: Path) -> None:
    before = _digest(sales)
    out = tmp_path / "answer.xlsx"
    code, stdout, _ = _run(
        "ask", str(sales), "average of sales", "--write-to", "I2", "--save", str(out), "--json"
    )
    assert code == 0
    data = json.loads(stdout)
    assert data["changes"] == [
        {
            "sheet": "Sales",
            "range": "Sales!I2",
            "what": "formula",
            "formula": "=AVERAGE(Sales!$G$2:$G$201)",
            "file": str(out),
        }
    ]
    assert _digest(sales) == before  # the input is untouched
    written = openpyxl.load_workbook(out)["Sales"]
    assert written["I2"].value == "=AVERAGE(Sales!$G$2:$G$201)"
    assert written["G2"].value == openpyxl.load_workbook(sales)["Sales"]["G2"].value


@pytest.mark.libreoffice
def test_written_formulas_compute_the_answer(sales: Path, tmp_path: Path) -> None:
    book = nlsheet.open(sales)
    grouped = book.write_answer(book.ask("total sales by region"), "I2", tmp_path / "a.xlsx")
    book2 = nlsheet.open(tmp_path / "a.xlsx")
    lookup = book2.write_answer(book2.ask("what is the price of Gadget"), "L2", tmp_path / "b.xlsx")
    assert grouped.changes[0]["range"] == "Sales!I2:J5"
    assert lookup.changes[0]["range"] == "Sales!L2"
    sheet = openpyxl.load_workbook(tmp_path / "b.xlsx")["Sales"]
    assert isinstance(sheet["J2"].value, ArrayFormula) or "SUMIFS" in str(sheet["J2"].value)
    grid = (
        pc.CalamineWorkbook.from_path(str(recalculate(tmp_path / "b.xlsx", tmp_path)))
        .get_sheet_by_name("Sales")
        .to_python(skip_empty_area=False)
    )
    regions = openpyxl.load_workbook(sales)["Sales"]
    totals: dict[str, float] = {}
    for row in regions.iter_rows(min_row=2, values_only=True):
        totals[str(row[1])] = totals.get(str(row[1]), 0.0) + float(row[6])
    computed = {str(grid[r][8]): float(grid[r][9]) for r in range(1, 5)}
    assert computed.keys() == totals.keys()
    for region, total in totals.items():
        assert computed[region] == pytest.approx(total)
    prices = {str(r[3]): float(r[5]) for r in regions.iter_rows(min_row=2, values_only=True)}
    assert float(grid[1][11]) == pytest.approx(prices["Gadget"])


def test_write_to_needs_save(sales: Path) -> None:
    code, stdout, _ = _run("ask", str(sales), "average of sales", "--write-to", "I2", "--json")
    assert code == 2
    assert json.loads(stdout)["error"]["type"] == "InputError"


@pytest.mark.parametrize(
    ("cell", "out_name", "words"),
    [
        ("I2", "sales.xlsx", "never over its input"),
        ("not a cell", "o.xlsx", "not a cell"),
        ("Nope!A1", "o.xlsx", "no sheet 'Nope'"),
        ("I2", "o.csv", ".xlsx"),
    ],
)
def test_write_errors(sales: Path, tmp_path: Path, cell: str, out_name: str, words: str) -> None:
    out = sales if out_name == "sales.xlsx" else tmp_path / out_name
    before = _digest(sales)
    book = nlsheet.open(sales)
    with pytest.raises(nlsheet.InputError) as info:
        book.write_answer(book.ask("average of sales"), cell, out)
    assert words in str(info.value)
    assert _digest(sales) == before


def test_csv_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("Item,Qty\na,1\nb,2\n", encoding="utf-8")
    book = nlsheet.open(path)
    with pytest.raises(nlsheet.UnsupportedFormatError):
        book.write_answer(book.ask("total qty"), "C1", tmp_path / "o.xlsx")
