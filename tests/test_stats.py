"""The least-squares line: slope, intercept and forecast, checked against the statistics module
and recalculated by LibreOffice."""

from __future__ import annotations

import statistics
from pathlib import Path

import openpyxl
import pytest
from conftest import SAMPLES, check_parity

import nlsheet


@pytest.fixture(scope="module")
def units_and_sales() -> tuple[list[float], list[float]]:
    sheet = openpyxl.load_workbook(SAMPLES / "sales.xlsx")["Sales"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    return [float(r[4]) for r in rows], [float(r[6]) for r in rows]  # type: ignore[arg-type]


def test_slope_intercept_and_forecast(units_and_sales: tuple[list[float], list[float]]) -> None:
    units, sales = units_and_sales
    line = statistics.linear_regression(units, sales)
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    slope = book.ask("slope of sales over units")
    intercept = book.ask("intercept of sales over units")
    forecast = book.ask("forecast sales when units is 60")
    assert slope.value == pytest.approx(line.slope)
    assert intercept.value == pytest.approx(line.intercept)
    assert intercept.formula == "=INTERCEPT(Sales!$G$2:$G$201,Sales!$E$2:$E$201)"
    assert forecast.value == pytest.approx(line.intercept + 60 * line.slope)


@pytest.mark.libreoffice
def test_line_formulas_match_libreoffice(tmp_path: Path) -> None:
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    table = book.table("Sales")
    commands = [
        "slope of sales over units",
        "intercept of sales over units",
        "forecast sales when units is 60",
    ]
    results = [(c, book.ask(c), table) for c in commands]
    assert not check_parity(SAMPLES / "sales.xlsx", results, tmp_path)
