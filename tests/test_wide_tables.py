"""Wide tables: headers that are years (Country, 1990, 1991 ...) or months (Product, Jan ...).

Each test writes a workbook with openpyxl from Python lists and checks the detected table and the
answers against values, cells and ranges worked out from those lists and the chosen layout.
Tables of plain numbers must not have a data row taken for a header of years.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from conftest import check_parity
from helpers_books import cell, column_range, write_book

import nlsheet
from nlsheet.errors import NlsheetError, NotUnderstoodError
from nlsheet.plan import Aggregate, Plan
from nlsheet.workbook.table import ColumnKind, Table

YEARS = list(range(2010, 2020))
COUNTRIES = ["France", "Spain", "Italy", "Norway"]
# One row of values per country, none of them a whole number in 1900-2100.
VALUES = [[round(100.5 + 7.25 * i + 31 * k, 2) for i in range(len(YEARS))] for k in range(4)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
PRODUCTS = ["Tea", "Coffee", "Cocoa"]
MONTH_SALES = [[3 * m + 10 * p + 1 for m in range(12)] for p in range(3)]


def names(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def year_column(year: int) -> list[float]:
    return [row[YEARS.index(year)] for row in VALUES]


def wide_rows(years: list[object], corner: object = "Country") -> list[list[object]]:
    return [[corner, *years], *([c, *v] for c, v in zip(COUNTRIES, VALUES, strict=True))]


# --- years as headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "label"),
    [
        (list(YEARS), "numbers"),
        ([float(y) for y in YEARS], "floats"),
        ([str(y) for y in YEARS], "text"),
        ([f" {y} " for y in YEARS], "padded text"),
    ],
)
def test_year_header_row_is_the_header(tmp_path: Path, header: list[object], label: str) -> None:
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(header)})
    first, last = 2, 1 + len(COUNTRIES)

    table = nlsheet.open(path).table("Sheet1")
    assert (table.header_row, table.first_row, table.last_row) == (1, first, last), label
    assert table.first_column == 1
    assert names(table) == ["Country", *(str(y) for y in YEARS)], label
    assert [c.header_cell for c in table.columns] == [
        cell("Sheet1", 1, col) for col in range(1, 2 + len(YEARS))
    ]
    assert [c.data_range for c in table.columns] == [
        column_range("Sheet1", col, first, last) for col in range(1, 2 + len(YEARS))
    ]
    assert table.columns[0].kind is ColumnKind.TEXT
    assert {c.kind for c in table.columns[1:]} == {ColumnKind.NUMBER}
    assert not any("no header" in n for n in table.notes)


def test_year_header_offset_under_a_title_with_a_total_row(tmp_path: Path) -> None:
    # Title in B1, blank row, header at B3 (years stored as text), data, then a Total row.
    totals = [round(sum(col), 2) for col in zip(*VALUES, strict=True)]
    rows: list[list[object]] = [["GDP by country, USD bn"], []]
    rows += wide_rows([str(y) for y in YEARS])
    rows.append(["Total", *totals])
    path = write_book(tmp_path / "offset.xlsx", {"GDP": rows}, origin=(1, 2))
    header, first, last = 3, 4, 3 + len(COUNTRIES)
    book = nlsheet.open(path)

    table = book.table("GDP")
    assert (table.header_row, table.first_row, table.last_row) == (header, first, last)
    assert table.total_row == last + 1
    assert table.first_column == 2
    assert names(table) == ["Country", *(str(y) for y in YEARS)]
    assert table.columns[0].header_cell == "GDP!B3"
    assert table.columns[1].header_cell == "GDP!C3"
    assert table.columns[-1].header_cell == cell("GDP", header, 2 + len(YEARS))
    assert table.columns[1].data_range == column_range("GDP", 3, first, last)
    assert any("GDP!B3:" in n for n in table.notes)
    assert any(f"GDP!B{last + 1}" in n for n in table.notes)

    position = 3 + YEARS.index(2019)  # sheet column of 2019: B is Country, C is 2010
    total = book.ask("total of 2019")
    assert total.value == pytest.approx(sum(year_column(2019)))  # the Total row is not data
    assert total.formula == f"=SUM({column_range('GDP', position, first, last)})"
    assert [(c.name, c.cell) for c in total.columns] == [("2019", cell("GDP", header, position))]


def test_blank_corner_over_the_row_labels_is_part_of_the_table(tmp_path: Path) -> None:
    path = write_book(tmp_path / "corner.xlsx", {"Sheet1": wide_rows(list(YEARS), corner=None)})
    table = nlsheet.open(path).table("Sheet1")
    assert table.header_row == 1
    assert table.first_column == 1
    assert names(table) == ["Column A", *(str(y) for y in YEARS)]
    assert table.columns[0].data_range == column_range("Sheet1", 1, 2, 1 + len(COUNTRIES))
    assert table.columns[0].kind is ColumnKind.TEXT


def test_year_header_under_merged_group_cells(tmp_path: Path) -> None:
    years = [2019, 2020, 2021, 2022]
    rows: list[list[object]] = [[None, "Actual", None, "Forecast", None], ["Country", *years]]
    rows += [[c, *v[:4]] for c, v in zip(COUNTRIES, VALUES, strict=True)]
    path = write_book(tmp_path / "groups.xlsx", {"G": rows}, merges={"G": ["B1:C1", "D1:E1"]})
    book = nlsheet.open(path)

    table = book.table("G")
    assert (table.header_row, table.first_row, table.last_row) == (2, 3, 2 + len(COUNTRIES))
    assert names(table) == [
        "Country",
        "Actual 2019",
        "Actual 2020",
        "Forecast 2021",
        "Forecast 2022",
    ]
    assert [c.header_cell for c in table.columns] == [f"G!{x}2" for x in "ABCDE"]
    forecast = [v[2] for v in VALUES]  # 2021
    total = book.ask("total forecast 2021")
    assert total.value == pytest.approx(sum(forecast))
    assert total.formula == f"=SUM({column_range('G', 4, 3, 2 + len(COUNTRIES))})"


def test_years_alone_over_other_numbers_are_the_header(tmp_path: Path) -> None:
    path = write_book(tmp_path / "bare.xlsx", {"S": [list(YEARS), *VALUES]})
    table = nlsheet.open(path).table("S")
    assert (table.header_row, table.first_row, table.last_row) == (1, 2, 1 + len(VALUES))
    assert names(table) == [str(y) for y in YEARS]


def test_falling_years_are_a_header_too(tmp_path: Path) -> None:
    years = list(reversed(YEARS))
    rows = [["Country", *years], *([c, *v] for c, v in zip(COUNTRIES, VALUES, strict=True))]
    path = write_book(tmp_path / "falling.xlsx", {"S": rows})
    assert names(nlsheet.open(path).table("S"))[1:] == [str(y) for y in years]


@pytest.mark.parametrize(
    ("command", "year", "function", "pick"),
    [
        ("total of 2019", 2019, "SUM", sum),
        ("sum of 2012", 2012, "SUM", sum),
        ("average 2015", 2015, "AVERAGE", statistics.mean),
        ("max of 2010", 2010, "MAX", max),
    ],
)
def test_year_columns_answer_questions(
    tmp_path: Path, command: str, year: int, function: str, pick: object
) -> None:
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(list(YEARS))})
    position = 2 + YEARS.index(year)
    result = nlsheet.open(path).ask(command)
    assert callable(pick)
    assert result.intent == function.lower()
    assert result.value == pytest.approx(pick(year_column(year)))
    assert result.formula == f"={function}({column_range('Sheet1', position, 2, 5)})"
    assert [(c.name, c.cell) for c in result.columns] == [(str(year), cell("Sheet1", 1, position))]
    assert result.plan is not None
    assert isinstance(result.plan.op, Aggregate)
    assert result.plan.op.where.conditions == ()  # the year is the column, not a date filter


def test_year_column_with_a_row_condition(tmp_path: Path) -> None:
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(list(YEARS))})
    position = 2 + YEARS.index(2019)
    result = nlsheet.open(path).ask("total 2019 for Spain")
    assert result.value == pytest.approx(VALUES[COUNTRIES.index("Spain")][YEARS.index(2019)])
    data = column_range("Sheet1", position, 2, 5)
    assert result.formula == f'=SUMIFS({data},{column_range("Sheet1", 1, 2, 5)},"Spain")'


def test_two_year_columns_are_not_answered_with_one(tmp_path: Path) -> None:
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(list(YEARS))})
    try:
        result = nlsheet.open(path).ask("average of 2015 and 2016")
    except NotUnderstoodError as refused:
        assert "2016" in str(refused)  # refused, naming the year it could not use
        return
    used = {c.name for c in result.columns}
    # Either both years are used, or nlsheet asks or refuses; never 2015 alone.
    assert used == {"2015", "2016"} or result.value is None


def test_count_over_a_threshold_in_a_year_column(tmp_path: Path) -> None:
    path = write_book(tmp_path / "wide.xlsx", {"S": wide_rows(list(YEARS))})
    threshold = 150
    column = year_column(2012)
    result = nlsheet.open(path).ask(f"how many countries had more than {threshold} in 2012")
    assert result.value == sum(1 for v in column if v > threshold)
    # The count may also require a country name (counting countries): same value here.
    assert result.formula is not None
    assert result.formula.startswith(f'=COUNTIFS({column_range("S", 4, 2, 5)},">{threshold}"')


# --- months as headers --------------------------------------------------------------------------


@pytest.mark.parametrize("months", [MONTHS, MONTH_NAMES], ids=["abbreviated", "full"])
def test_month_headers(tmp_path: Path, months: list[str]) -> None:
    rows = [["Product", *months], *([p, *s] for p, s in zip(PRODUCTS, MONTH_SALES, strict=True))]
    path = write_book(tmp_path / "months.xlsx", {"Sales": rows})
    first, last = 2, 1 + len(PRODUCTS)
    book = nlsheet.open(path)

    table = book.table("Sales")
    assert (table.header_row, table.first_row, table.last_row) == (1, first, last)
    assert names(table) == ["Product", *months]
    assert table.columns[3].header_cell == "Sales!D1"
    assert table.columns[3].data_range == column_range("Sales", 4, first, last)

    march = [s[2] for s in MONTH_SALES]
    total = book.ask(f"total of {months[2]}")
    assert total.value == sum(march)
    assert total.formula == f"=SUM({column_range('Sales', 4, first, last)})"
    assert [(c.name, c.cell) for c in total.columns] == [(months[2], "Sales!D1")]
    may = [s[4] for s in MONTH_SALES]
    average = book.ask(f"average {months[4]}")
    assert average.value == pytest.approx(statistics.mean(may))
    assert average.formula == f"=AVERAGE({column_range('Sales', 6, first, last)})"


@pytest.mark.parametrize(
    ("months", "command"),
    [
        (MONTHS, "total in March"),
        (MONTHS, "total of March"),
        (MONTHS, "total sales for March"),
        (MONTH_NAMES, "total in Mar"),
    ],
    ids=["Mar-in-March", "Mar-of-March", "Mar-for-March", "March-in-Mar"],
)
def test_month_spelled_otherwise_than_the_header_names_the_column(
    tmp_path: Path, months: list[str], command: str
) -> None:
    rows = [["Product", *months], *([p, *s] for p, s in zip(PRODUCTS, MONTH_SALES, strict=True))]
    path = write_book(tmp_path / "months.xlsx", {"Sales": rows})
    result = nlsheet.open(path).ask(command)
    assert result.value == sum(s[2] for s in MONTH_SALES)
    assert result.formula == f"=SUM({column_range('Sales', 4, 2, 1 + len(PRODUCTS))})"


# --- numbers that are data, not a header --------------------------------------------------------


def test_numeric_table_with_text_headers_keeps_its_header(tmp_path: Path) -> None:
    # The first data row holds years; the header above it is the header.
    rows = [["Year", "Units", "Revenue"], [2019, 5, 10.5], [2020, 7, 12.25], [2021, 9, 30.0]]
    path = write_book(tmp_path / "years_data.xlsx", {"S": rows})
    table = nlsheet.open(path).table("S")
    assert (table.header_row, table.first_row, table.last_row) == (1, 2, 4)
    assert names(table) == ["Year", "Units", "Revenue"]


@pytest.mark.parametrize(
    "rows",
    [
        [[1, 2.5, 3], [4, 5.5, 6], [7, 8.5, 9]],  # small numbers
        [[2019, 120, 3.5], [2020, 130, 4.5], [2021, 140, 5.5]],  # a column of years
        [[1990, 2005], [1995, 2010], [2001, 2020]],  # every cell a year (birth, death)
        [[2005, 1990, 2010], [1, 2, 3], [4, 5, 6]],  # years not in order
        [[2019, 2019, 2020], [1, 2, 3], [4, 5, 6]],  # a year twice
        [[1, 2, 3], [2019, 2020, 2021], [4, 5, 6]],  # years inside the block
        [[1850, 1860, 1870], [1, 2, 3], [4, 5, 6]],  # outside 1900-2100
        [[2019.5, 2020.5], [1, 2], [3, 4]],  # not whole numbers
    ],
    ids=["small", "year-column", "all-years", "unordered", "repeated", "mid-block", "old", "frac"],
)
def test_table_of_numbers_without_a_header_stays_data(
    tmp_path: Path, rows: list[list[float]]
) -> None:
    path = write_book(tmp_path / "numbers.xlsx", {"N": rows})
    table = nlsheet.open(path).table("N")
    width = len(rows[0])
    assert table.header_row is None
    assert (table.first_row, table.last_row) == (1, len(rows))
    assert names(table) == [f"Column {x}" for x in "ABC"[:width]]
    assert table.columns[0].data_range == column_range("N", 1, 1, len(rows))


def test_text_rows_with_years_are_data_when_the_years_go_on_below(tmp_path: Path) -> None:
    # No header: people with birth and death years; the first row is not a header.
    rows = [["Ada", 1915, 1952], ["Alan", 1912, 1954], ["Grace", 1906, 1992]]
    path = write_book(tmp_path / "people.xlsx", {"P": rows})
    table = nlsheet.open(path).table("P")
    assert table.header_row is None
    assert names(table) == ["Column A", "Column B", "Column C"]
    assert (table.first_row, table.last_row) == (1, 3)


def test_a_year_row_under_a_data_row_is_not_a_header(tmp_path: Path) -> None:
    # The block starts with a data row; a later row of years is data, not a header.
    rows: list[list[object]] = [["a", 5, 6], ["b", 1990, 1995], ["c", 7, 8], ["d", 9, 10]]
    path = write_book(tmp_path / "mid.xlsx", {"M": rows})
    table = nlsheet.open(path).table("M")
    assert table.header_row is None
    assert (table.first_row, table.last_row) == (1, 4)


# --- a stretch of side-by-side columns ------------------------------------------------------------


def _cells(rows: list[list[float]], first: int, last: int) -> list[float]:
    return [v for row in rows for v in row[first : last + 1]]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # Coffee's cells Jan..Mar (the row's stretch of months), in several wordings.
        ("Coffee sales from January to March", sum(MONTH_SALES[1][0:3])),
        ("total for Coffee between Feb and Apr", sum(MONTH_SALES[1][1:4])),
        ("Coffee units in the first quarter", sum(MONTH_SALES[1][0:3])),
        ("Coffee units in Q3", sum(MONTH_SALES[1][6:9])),
        ("total Cocoa for the whole year", sum(MONTH_SALES[2])),
        ("average monthly sales for Tea", statistics.mean(MONTH_SALES[0])),
        ("highest figure from May to July", max(_cells(MONTH_SALES, 4, 6))),
        ("total for the first quarter", sum(_cells(MONTH_SALES, 0, 2))),
    ],
)
def test_a_stretch_of_month_columns_reads_every_cell(
    tmp_path: Path, command: str, expected: float
) -> None:
    rows = [["Product", *MONTHS], *([p, *s] for p, s in zip(PRODUCTS, MONTH_SALES, strict=True))]
    path = write_book(tmp_path / "months.xlsx", {"Sheet1": rows})
    result = nlsheet.open(path).ask(command)
    assert result.value == pytest.approx(expected)
    assert result.plan is not None and isinstance(result.plan.op, Aggregate)
    assert result.plan.op.measure is not None and len(result.plan.op.measure.span) >= 3


def test_a_stretch_of_year_columns_and_its_formula(tmp_path: Path) -> None:
    """Every cell of 2012..2015 for one country, and of every year; LibreOffice computes the
    same values from the formulas."""
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(list(YEARS))})
    book = nlsheet.open(path)
    spain = VALUES[COUNTRIES.index("Spain")]
    total = book.ask("total for Spain from 2012 to 2015")
    assert total.value == pytest.approx(sum(spain[2:6]))
    assert total.formula == (
        f'=SUMPRODUCT(({column_range("Sheet1", 1, 2, 5)}="Spain")*(Sheet1!$D$2:$G$5))'
    )
    average = book.ask("average for Norway across all years")
    assert average.value == pytest.approx(statistics.mean(VALUES[COUNTRIES.index("Norway")]))
    results = [("total", total, book.table()), ("average", average, book.table())]
    assert not check_parity(path, results, tmp_path)


def test_a_stretch_is_never_read_as_one_of_its_columns(tmp_path: Path) -> None:
    """A ranking over a stretch of columns ranks the rows by their totals over it, never by
    its first month (Tea leads January, Coffee the first quarter); a rate over it is refused."""
    first_quarter = {"Tea": [50, 1, 1], "Coffee": [10, 30, 30], "Cocoa": [20, 20, 20]}
    rows = [["Product", *MONTHS]]
    rows += [[p, *q, *([5] * 9)] for p, q in first_quarter.items()]
    path = write_book(tmp_path / "months.xlsx", {"Sheet1": rows})
    book = nlsheet.open(path)
    best = book.ask("which product sold the most from January to March")
    totals = {p: sum(q) for p, q in first_quarter.items()}
    assert best.value == max(totals, key=lambda p: totals[p]) == "Coffee"
    assert not check_parity(path, [("best", best, book.table())], tmp_path)
    with pytest.raises(NlsheetError):
        book.ask("growth rate of Tea from January to March")


def test_percentage_change_between_two_year_columns(tmp_path: Path) -> None:
    """The change of the totals from one year to another as a fraction of the first, for one
    country or all, asked however; LibreOffice computes the same from the formulas. A ranking
    by it, or a rate without a word for percent, is not this figure."""
    path = write_book(tmp_path / "wide.xlsx", {"Sheet1": wide_rows(list(YEARS))})
    book = nlsheet.open(path)
    spain = VALUES[COUNTRIES.index("Spain")]
    one = book.ask("percentage growth for Spain from 2012 to 2015")
    assert one.value == pytest.approx(spain[YEARS.index(2015)] / spain[YEARS.index(2012)] - 1)
    first, last = sum(year_column(2011)), sum(year_column(2018))
    every = book.ask("by how much did the total grow from 2011 to 2018, in percent")
    assert every.value == pytest.approx(last / first - 1)
    said = book.ask("percent change in the total between 2011 and 2018")
    assert said.value == pytest.approx(last / first - 1)
    results = [("one", one, book.table()), ("every", every, book.table())]
    assert not check_parity(path, results, tmp_path)
    assert one.plan is not None and Plan.from_dict(one.plan.to_dict()) == one.plan
    for command in ("which country grew the most from 2012 to 2015 in percent",):
        with pytest.raises(NlsheetError):
            book.ask(command)
