"""Messy sheets: where the table is found, what its columns are called, and the answers over it.

Each test writes a small workbook with openpyxl from Python lists, then checks the detected table
(``nlsheet.open(path).table(sheet)``) and answers (``.ask(...)``) against values and ranges worked
out from those lists and the layout the test chose, never from nlsheet.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, check_parity, soffice
from helpers_books import cell, column_range, write_book, write_cells
from openpyxl.utils.cell import coordinate_from_string

import nlsheet
from nlsheet.workbook.table import Table


def names(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def used_cells(result: nlsheet.Result) -> list[tuple[str, str]]:
    return [(c.name, c.cell) for c in result.columns]


# --- where the table is -----------------------------------------------------------------------

REGIONS = ["North", "South", "East", "West"]
UNITS = [3, 4, 5, 11]
SALES = [10.5, 20.25, 30.0, 7.75]


def test_header_below_a_title_and_notes(tmp_path: Path) -> None:
    rows = [
        ["Quarterly report"],
        ["Prepared by finance"],
        ["Figures in USD, unaudited"],
        [],
        ["Region", "Units", "Sales"],
        *([r, u, s] for r, u, s in zip(REGIONS, UNITS, SALES, strict=True)),
    ]
    path = write_book(tmp_path / "report.xlsx", {"Report": rows})
    header, first, last = 5, 6, 5 + len(SALES)
    book = nlsheet.open(path)

    table = book.table("Report")
    assert (table.header_row, table.first_row, table.last_row) == (header, first, last)
    assert table.first_column == 1
    assert names(table) == ["Region", "Units", "Sales"]
    assert table.columns[2].header_cell == cell("Report", header, 3)
    assert table.columns[2].data_range == column_range("Report", 3, first, last)
    assert table.total_row is None
    assert any("Report!A5:C5" in n for n in table.notes)

    result = book.ask("total sales")
    assert result.value == pytest.approx(sum(SALES))
    assert result.formula == f"=SUM({column_range('Report', 3, first, last)})"
    assert used_cells(result) == [("Sales", "Report!C5")]
    assert book.ask("how many rows").value == len(SALES)


def test_table_starting_at_d7_with_blank_rows_and_columns_around(tmp_path: Path) -> None:
    items = ["bolt", "nut", "washer", "screw", "rivet"]
    qty = [10, 20, 5, 7, 1]
    price = [0.25, 0.1, 0.05, 0.3, 1.2]
    rows = [["Item", "Qty", "Price"], *map(list, zip(items, qty, price, strict=True))]
    path = write_book(tmp_path / "offset.xlsx", {"Data": rows}, origin=(7, 4))
    first, last = 8, 7 + len(items)
    book = nlsheet.open(path)

    table = book.table("Data")
    assert (table.header_row, table.first_row, table.last_row) == (7, first, last)
    assert table.first_column == 4
    assert names(table) == ["Item", "Qty", "Price"]
    assert [c.header_cell for c in table.columns] == ["Data!D7", "Data!E7", "Data!F7"]
    assert [c.data_range for c in table.columns] == [
        column_range("Data", col, first, last) for col in (4, 5, 6)
    ]
    assert any("Data!D7:F7" in n for n in table.notes)

    average = book.ask("average price")
    assert average.value == pytest.approx(statistics.mean(price))
    assert average.formula == f"=AVERAGE({column_range('Data', 6, first, last)})"
    rows_result = book.ask("how many rows")
    assert rows_result.value == len(items)
    assert rows_result.formula == f"=ROWS({column_range('Data', 4, first, last)})"
    assert book.ask("max of qty").value == max(qty)


@pytest.mark.parametrize("label", ["Total", "TOTAL", "Totals", "Subtotal"])
def test_total_row_under_the_data_is_left_out(tmp_path: Path, label: str) -> None:
    amounts = [10, 20, 30, 45]
    rows = [["Name", "Amount"], *(["n" + str(i), a] for i, a in enumerate(amounts))]
    rows.append([label, sum(amounts)])
    path = write_book(tmp_path / "totals.xlsx", {"T": rows})
    last = 1 + len(amounts)
    book = nlsheet.open(path)

    table = book.table("T")
    assert (table.first_row, table.last_row) == (2, last)
    assert table.total_row == last + 1
    assert any(f"T!A{last + 1}" in n for n in table.notes)

    total = book.ask("sum of amount")
    assert total.value == sum(amounts)  # not twice the sum: the total row is not data
    assert total.formula == f"=SUM({column_range('T', 2, 2, last)})"
    assert any(f"T!A{last + 1}" in n for n in total.notes)
    assert book.ask("max amount").value == max(amounts)
    assert book.ask("how many rows").value == len(amounts)


def test_grand_total_after_a_blank_row_is_not_part_of_the_table(tmp_path: Path) -> None:
    amounts = [5.5, 6.25, 7.0]
    rows = [["Name", "Amount"], *(["n" + str(i), a] for i, a in enumerate(amounts))]
    rows += [[], ["Grand total", sum(amounts)]]
    path = write_book(tmp_path / "grand.xlsx", {"T": rows})
    last = 1 + len(amounts)
    grand_row = last + 2
    book = nlsheet.open(path)

    table = book.table("T")
    assert table.last_row == last
    assert table.total_row is None
    assert any(f"T!A{grand_row}" in n for n in table.notes)
    result = book.ask("sum of amount")
    assert result.value == pytest.approx(sum(amounts))
    assert result.formula == f"=SUM({column_range('T', 2, 2, last)})"
    assert book.ask("max of amount").value == max(amounts)


def _parted_rows() -> tuple[list[list[object]], pd.DataFrame]:
    """A log parted by month with a blank row between the months, a footnote under it."""
    when = [dt.datetime(2025, m, d) for m in (1, 2, 3) for d in (3, 9, 17, 24)]
    crews = ["Ash", "Birch", "Cedar", "Ash", "Birch", "Ash"] * 2
    done = ["Yes", "No", "Yes", "Yes", "No", "Yes", "Yes", "Yes", "No", "Yes", "Yes", "No"]
    hours = [2.5, 4.0, 1.5, 3.0, 6.0, 2.0, 5.5, 1.0, 3.5, 4.5, 2.0, 7.0]
    frame = pd.DataFrame({"Visit": when, "Crew": crews, "Done": done, "Hours": hours})
    rows: list[list[object]] = [["Garden visits, first quarter"], [], list(frame.columns)]
    for i, record in enumerate(frame.itertuples(index=False)):
        if i and i % 4 == 0:
            rows.append([])
        rows.append(list(record))
    rows += [[], ["Hours are rounded to the half hour."]]
    return rows, frame


def test_blank_rows_parting_the_data_do_not_end_it(tmp_path: Path) -> None:
    rows, f = _parted_rows()
    path = write_book(tmp_path / "visits.xlsx", {"Visits": rows})
    book = nlsheet.open(path)
    table = book.table("Visits")
    # The months end at rows 7, 12 and 17; the footnote two rows below is no data.
    assert (table.first_row, table.last_row) == (4, 17)
    assert table.gaps == (8, 13)
    assert table.anchor == "Visit"
    assert any("8, 13" in n for n in table.notes)
    assert answer_of(book, "how many visits") == len(f)
    assert answer_of(book, "how many visits were not done") == (f.Done == "No").sum()
    assert answer_of(book, "number of visits by Ash") == (f.Crew == "Ash").sum()
    assert answer_of(book, "total hours in March") == f.Hours[f.Visit.dt.month == 3].sum()
    assert answer_of(book, "average hours per visit") == pytest.approx(f.Hours.mean())
    by_crew = f.groupby("Crew").Hours.sum().to_dict()
    assert answer_of(book, "hours by crew") == pytest.approx(by_crew)


def test_a_number_stored_as_text_after_a_blank_row_does_not_end_the_data(
    tmp_path: Path,
) -> None:
    rows, f = _parted_rows()
    # The first row after the first blank row holds its hours as text ('5.5').
    after = rows.index([], 3) + 1  # past the blank row under the title
    rows[after] = [*rows[after][:3], str(rows[after][3])]
    path = write_book(tmp_path / "visits.xlsx", {"Visits": rows})
    book = nlsheet.open(path)
    assert (book.table("Visits").first_row, book.table("Visits").last_row) == (4, 17)
    assert answer_of(book, "how many visits") == len(f)
    assert answer_of(book, "total hours") == pytest.approx(f.Hours.sum())


def test_a_second_table_or_a_title_below_a_blank_row_is_no_more_data(tmp_path: Path) -> None:
    first = [["Crew", "Hours"], ["Ash", 2.5], ["Birch", 4.0]]
    # A second table: a header of text over numbers.
    path = write_book(tmp_path / "two.xlsx", {"T": [*first, [], ["Crew", "Hours"], ["Oak", 1.0]]})
    assert nlsheet.open(path).table("T").last_row == 3
    # A title line above more rows of another block.
    path = write_book(tmp_path / "titled.xlsx", {"T": [*first, [], ["March"], ["Oak", 1.0]]})
    assert nlsheet.open(path).table("T").last_row == 3
    # No column filled in every row tells the data rows from the blank ones: the data ends.
    gappy = [["Crew", "Hours"], ["Ash", None], [None, 4.0], [], ["Oak", 1.0]]
    path = write_book(tmp_path / "gappy.xlsx", {"T": gappy})
    assert nlsheet.open(path).table("T").last_row == 3


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_formulas_over_blank_rows_agree_with_the_values(tmp_path: Path) -> None:
    rows, _ = _parted_rows()
    path = write_book(tmp_path / "visits.xlsx", {"Visits": rows})
    book = nlsheet.open(path)
    commands = [
        "how many visits",
        "how many visits were not done",
        "total hours in March",
        "average hours per visit",
        "hours by crew",
        "which crew has the most hours",
    ]
    results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
    work = tmp_path / "work"
    work.mkdir()
    assert not check_parity(path, results, work)


# --- merged cells -----------------------------------------------------------------------------

Q1_UNITS, Q1_SALES = [1, 3, 5], [10.0, 30.0, 55.5]
Q2_UNITS, Q2_SALES = [2, 4, 6], [20.0, 40.0, 61.25]


def test_merged_group_headers_prefix_the_names(tmp_path: Path) -> None:
    rows = [
        ["Sales summary 2024"],  # title merged across the top
        [None, "Q1", None, "Q2", None],  # group headers merged over two columns each
        ["Region", "Units", "Sales", "Units", "Sales"],
        *map(list, zip(REGIONS[:3], Q1_UNITS, Q1_SALES, Q2_UNITS, Q2_SALES, strict=True)),
    ]
    path = write_book(
        tmp_path / "groups.xlsx", {"M": rows}, merges={"M": ["A1:E1", "B2:C2", "D2:E2"]}
    )
    first, last = 4, 3 + len(Q1_SALES)
    book = nlsheet.open(path)

    table = book.table("M")
    assert (table.header_row, table.first_row, table.last_row) == (3, first, last)
    assert names(table) == ["Region", "Q1 Units", "Q1 Sales", "Q2 Units", "Q2 Sales"]
    assert [c.header_cell for c in table.columns] == [f"M!{x}3" for x in "ABCDE"]

    q1 = book.ask("total q1 sales")
    assert q1.value == pytest.approx(sum(Q1_SALES))
    assert q1.formula == f"=SUM({column_range('M', 3, first, last)})"
    q2 = book.ask("total q2 units")
    assert q2.value == sum(Q2_UNITS)
    assert q2.formula == f"=SUM({column_range('M', 4, first, last)})"


def test_title_merged_across_the_top_is_not_a_header(tmp_path: Path) -> None:
    cells: dict[str, object] = {"B2": "Sales summary 2024"}
    for j, header in enumerate(["Region", "Units", "Sales"]):
        cells[f"{'BCD'[j]}4"] = header
    for i, (region, units, sales) in enumerate(zip(REGIONS, UNITS, SALES, strict=True)):
        cells[f"B{5 + i}"], cells[f"C{5 + i}"], cells[f"D{5 + i}"] = region, units, sales
    path = write_cells(tmp_path / "title.xlsx", "M", cells, merges=["B2:H2"])
    last = 4 + len(SALES)
    book = nlsheet.open(path)

    table = book.table("M")
    assert (table.header_row, table.first_row, table.last_row) == (4, 5, last)
    assert table.first_column == 2
    assert names(table) == ["Region", "Units", "Sales"]
    result = book.ask("total sales")
    assert result.value == pytest.approx(sum(SALES))
    assert result.formula == f"=SUM({column_range('M', 4, 5, last)})"


def test_title_merged_right_above_the_header(tmp_path: Path) -> None:
    rows = [["Sales summary 2024"], ["Region", "Units", "Sales"]]
    rows += [list(r) for r in zip(REGIONS, UNITS, SALES, strict=True)]
    path = write_book(tmp_path / "title2.xlsx", {"M": rows}, merges={"M": ["A1:C1"]})
    book = nlsheet.open(path)

    table = book.table("M")
    assert table.header_row == 2
    assert names(table) == ["Region", "Units", "Sales"]
    assert book.ask("total units").value == sum(UNITS)


def test_two_row_header_with_a_vertically_merged_cell(tmp_path: Path) -> None:
    rows = [
        ["Region", "Q1", None, "Q2", None],
        [None, "Units", "Sales", "Units", "Sales"],
        *map(list, zip(REGIONS[:3], Q1_UNITS, Q1_SALES, Q2_UNITS, Q2_SALES, strict=True)),
    ]
    path = write_book(
        tmp_path / "groups2.xlsx", {"M": rows}, merges={"M": ["A1:A2", "B1:C1", "D1:E1"]}
    )
    book = nlsheet.open(path)

    table = book.table("M")
    assert (table.header_row, table.first_row) == (2, 3)
    assert names(table) == ["Region", "Q1 Units", "Q1 Sales", "Q2 Units", "Q2 Sales"]
    assert book.ask("total q1 sales").value == pytest.approx(sum(Q1_SALES))


# --- cell contents ----------------------------------------------------------------------------


def test_numbers_stored_as_text_are_counted(tmp_path: Path) -> None:
    qty: list[object] = [5, "7", 11, " 13 ", 2.5, "1,200"]
    numbers = [float(str(q).replace(",", "")) for q in qty]
    text_rows = [2 + i for i, q in enumerate(qty) if isinstance(q, str)]
    rows = [["Item", "Qty"], *(["i" + str(k), q] for k, q in enumerate(qty))]
    path = write_book(tmp_path / "text_numbers.xlsx", {"Q": rows})
    data = column_range("Q", 2, 2, 1 + len(qty))
    book = nlsheet.open(path)

    total = book.ask("total qty")
    assert total.value == pytest.approx(sum(numbers))
    assert total.formula == f'=SUM(IFERROR(VALUE({data}),""))'
    notes = " ".join(total.notes)
    for row in text_rows:
        assert f"B{row}" in notes

    cases = [
        ("average qty", "AVERAGE", statistics.mean(numbers)),
        ("max qty", "MAX", max(numbers)),
        ("min qty", "MIN", min(numbers)),
        ("count of qty", "COUNT", len(numbers)),
    ]
    for command, function, expected in cases:
        result = book.ask(command)
        assert result.value == pytest.approx(expected), command
        assert result.formula == f'={function}(IFERROR(VALUE({data}),""))', command


DATES = [dt.date(2024, 3, 5), dt.date(2023, 12, 31), dt.date(2024, 7, 1), dt.date(2024, 1, 15)]


@pytest.mark.parametrize(
    ("command", "function", "pick"),
    [
        ("min of date", "MIN", min),
        ("max of date", "MAX", max),
        ("earliest date", "MIN", min),
        ("latest date", "MAX", max),
        ("first date", "MIN", min),
        ("most recent date", "MAX", max),
    ],
)
def test_dates_give_iso_dates(tmp_path: Path, command: str, function: str, pick: object) -> None:
    rows = [["Event", "Date"], *(["e" + str(i), d] for i, d in enumerate(DATES))]
    path = write_book(tmp_path / "dates.xlsx", {"D": rows})
    result = nlsheet.open(path).ask(command)
    assert callable(pick)
    assert result.value == pick(DATES).isoformat()
    assert result.formula == f"={function}({column_range('D', 2, 2, 1 + len(DATES))})"
    assert used_cells(result) == [("Date", "D!B1")]


def test_date_with_a_time_keeps_the_time(tmp_path: Path) -> None:
    stamps = [dt.datetime(2024, 3, 5), dt.datetime(2023, 12, 31, 14, 30), dt.datetime(2024, 7, 1)]
    rows = [["Event", "Date"], *(["e" + str(i), d] for i, d in enumerate(stamps))]
    path = write_book(tmp_path / "stamps.xlsx", {"D": rows})
    book = nlsheet.open(path)
    assert book.ask("earliest date").value == min(stamps).isoformat()
    assert book.ask("latest date").value == max(stamps).date().isoformat()


# --- header names -----------------------------------------------------------------------------

FIRST_SALES, SECOND_SALES = [1, 2, 3], [100, 200, 350]


def _duplicates(tmp_path: Path) -> Path:
    rows = [["Region", "Sales", "Sales"]]
    rows += [list(r) for r in zip(REGIONS, FIRST_SALES, SECOND_SALES, strict=False)]
    return write_book(tmp_path / "dup.xlsx", {"S": rows})


def test_duplicate_headers_get_numbered_names(tmp_path: Path) -> None:
    book = nlsheet.open(_duplicates(tmp_path))
    table = book.table("S")
    assert names(table) == ["Region", "Sales", "Sales (2)"]
    assert [c.header_cell for c in table.columns] == ["S!A1", "S!B1", "S!C1"]

    by_letter = book.ask("total of column C")
    assert by_letter.value == sum(SECOND_SALES)
    assert by_letter.formula == f"=SUM({column_range('S', 3, 2, 4)})"
    assert used_cells(by_letter) == [("Sales (2)", "S!C1")]

    unclear = book.ask("total sales")
    assert unclear.value is None
    assert unclear.clarification is not None
    assert [o.label for o in unclear.clarification.options] == [
        "total of Sales (column B)",
        "total of Sales (2) (column C)",
    ]


def test_duplicate_headers_clarification_can_be_answered(tmp_path: Path) -> None:
    book = nlsheet.open(_duplicates(tmp_path))
    unclear = book.ask("total sales")
    first = unclear.choose(0)
    second = unclear.choose(1)
    assert first.value == sum(FIRST_SALES)
    assert second.value == sum(SECOND_SALES)
    assert book.ask("total of Sales (2)").value == sum(SECOND_SALES)


def test_headers_with_units_and_underscores(tmp_path: Path) -> None:
    sales = [10.0, 20.0, 33.0]
    cost = [1.5, 2.5, 3.25]
    rows = [["product", "Sales ($)", "unit_cost"]]
    rows += [list(r) for r in zip(["a", "b", "c"], sales, cost, strict=True)]
    path = write_book(tmp_path / "units.xlsx", {"P": rows})
    book = nlsheet.open(path)

    by_unit = book.ask("average sales")
    assert by_unit.value == pytest.approx(statistics.mean(sales))
    assert by_unit.formula == f"=AVERAGE({column_range('P', 2, 2, 4)})"
    assert used_cells(by_unit) == [("Sales ($)", "P!B1")]

    underscored = book.ask("average unit cost")
    assert underscored.value == pytest.approx(statistics.mean(cost))
    assert underscored.formula == f"=AVERAGE({column_range('P', 3, 2, 4)})"
    assert used_cells(underscored) == [("unit_cost", "P!C1")]


def test_sheet_name_with_a_space_and_an_apostrophe_is_quoted(tmp_path: Path) -> None:
    scores = [1, 2, 3, 4]
    sheet = "Bob's Sheet"
    rows = [["Name", "Score"], *(["n" + str(i), s] for i, s in enumerate(scores))]
    path = write_book(tmp_path / "bob.xlsx", {sheet: rows})
    quoted = "'Bob''s Sheet'"
    for chosen in (None, sheet):
        result = nlsheet.open(path).ask("total score", sheet=chosen)
        assert result.value == sum(scores)
        assert result.formula == "=SUM('Bob''s Sheet'!$B$2:$B$5)"
        assert result.sheet == sheet
        assert used_cells(result) == [("Score", f"{quoted}!B1")]


def test_dataframe_source(tmp_path: Path) -> None:
    scores = [1.5, 2.5, 3.0]
    frame = pd.DataFrame({"Name": ["a", "b", "c"], "Score": scores})
    book = nlsheet.open(frame)
    assert book.sheet_names == ("Sheet1",)
    table = book.table()
    assert (table.header_row, table.first_row, table.last_row) == (1, 2, 4)
    result = book.ask("sum of score")
    assert result.value == pytest.approx(sum(scores))
    assert result.formula == "=SUM(Sheet1!$B$2:$B$4)"
    assert used_cells(result) == [("Score", "Sheet1!B1")]


@pytest.mark.parametrize(
    ("filename", "separator", "sheet_ref"),
    [
        ("cities.csv", ",", "cities"),
        ("cities.csv", ";", "cities"),
        ("cities.tsv", "\t", "cities"),
        ("my cities.csv", ",", "'my cities'"),
    ],
)
def test_csv_file(tmp_path: Path, filename: str, separator: str, sheet_ref: str) -> None:
    population = [100, 250, 400]
    area = [1.5, 2.25, 3.0]
    lines = [separator.join(["City", "Population", "Area"])]
    lines += [
        separator.join([c, str(p), str(a)]) for c, p, a in zip("ABC", population, area, strict=True)
    ]
    path = tmp_path / filename
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = nlsheet.open(path)
    assert book.sheet_names == (path.stem,)

    total = book.ask("total population")
    assert total.value == sum(population)
    assert total.formula == f"=SUM({column_range(sheet_ref, 2, 2, 4)})"
    average = book.ask("average area")
    assert average.value == pytest.approx(statistics.mean(area))
    assert average.formula == f"=AVERAGE({column_range(sheet_ref, 3, 2, 4)})"


# --- which sheet, which column -----------------------------------------------------------------

AGES = [30, 40, 25]
AMOUNTS = [12.5, 7.5, 5.0, 20.0]


def _two_sheets(tmp_path: Path) -> Path:
    people = [["Name", "Age", "City"], *(["p" + str(i), a, "X"] for i, a in enumerate(AGES))]
    orders = [["Order", "Amount", "Status"]]
    orders += [["o" + str(i), a, "Paid"] for i, a in enumerate(AMOUNTS)]
    return write_book(tmp_path / "multi.xlsx", {"People": people, "Orders": orders})


@pytest.mark.parametrize(
    ("command", "sheet", "expected", "formula"),
    [
        ("average amount", "Orders", statistics.mean(AMOUNTS), "=AVERAGE(Orders!$B$2:$B$5)"),
        ("max of amount", "Orders", max(AMOUNTS), "=MAX(Orders!$B$2:$B$5)"),
        ("average age", "People", statistics.mean(AGES), "=AVERAGE(People!$B$2:$B$4)"),
    ],
)
def test_sheet_is_inferred_from_the_headers(
    tmp_path: Path, command: str, sheet: str, expected: float, formula: str
) -> None:
    result = nlsheet.open(_two_sheets(tmp_path)).ask(command)
    assert result.sheet == sheet
    assert result.value == pytest.approx(expected)
    assert result.formula == formula
    assert any(sheet in n for n in result.notes)  # says which sheet it chose


def test_explicit_sheet_wins_over_inference(tmp_path: Path) -> None:
    book = nlsheet.open(_two_sheets(tmp_path))
    result = book.ask("how many rows", sheet="Orders")
    assert result.value == len(AMOUNTS)
    assert result.formula == "=ROWS(Orders!$A$2:$A$5)"
    assert not any("chosen" in n for n in result.notes)


@pytest.mark.parametrize(
    ("command", "column", "function", "pick"),
    [
        ("avrage of slaes", "Sales", "AVERAGE", statistics.mean),
        ("totl unts", "Units", "SUM", sum),
        ("maximun sales", "Sales", "MAX", max),
    ],
)
def test_typos_in_the_command(
    tmp_path: Path, command: str, column: str, function: str, pick: object
) -> None:
    rows = [["Region", "Units", "Sales"], *map(list, zip(REGIONS, UNITS, SALES, strict=True))]
    path = write_book(tmp_path / "typo.xlsx", {"Sales": rows})
    position = 2 if column == "Units" else 3
    values = UNITS if column == "Units" else SALES
    result = nlsheet.open(path).ask(command)
    assert callable(pick)
    assert result.value == pytest.approx(pick(values))
    assert result.formula == f"={function}({column_range('Sales', position, 2, 5)})"
    assert [c.name for c in result.columns] == [column]


NUMBERS = [[1, 2.5, 3], [4, 5.5, 6], [7, 8.5, 9], [10, 11.5, 12]]


def test_sheet_without_a_header_row_names_columns_by_letter(tmp_path: Path) -> None:
    path = write_book(tmp_path / "bare.xlsx", {"Nums": NUMBERS})
    last = len(NUMBERS)
    book = nlsheet.open(path)

    table = book.table("Nums")
    assert names(table) == ["Column A", "Column B", "Column C"]
    assert (table.first_row, table.last_row) == (1, last)
    assert [c.data_range for c in table.columns] == [
        column_range("Nums", col, 1, last) for col in (1, 2, 3)
    ]
    assert table.notes  # says no header was found

    column_b = [row[1] for row in NUMBERS]
    for command in ("sum column B", "total of column b"):
        result = book.ask(command)
        assert result.value == pytest.approx(sum(column_b))
        assert result.formula == f"=SUM({column_range('Nums', 2, 1, last)})"
    assert book.ask("average of column A").value == pytest.approx(
        statistics.mean(row[0] for row in NUMBERS)
    )
    assert book.ask("how many rows").value == len(NUMBERS)


def test_sheet_without_a_header_row_reports_valid_cells(tmp_path: Path) -> None:
    path = write_book(tmp_path / "bare.xlsx", {"Nums": NUMBERS})
    result = nlsheet.open(path).ask("sum column B")
    for use in result.columns:
        _, _, address = use.cell.rpartition("!")
        _, row = coordinate_from_string(address)  # raises on row 0
        assert row >= 1


def test_a_note_of_text_under_a_table_of_numbers_is_no_more_data(tmp_path: Path) -> None:
    rows = [["Shop", "Region", "Sales"], ["Ayr", "West", 120.0], ["Elgin", "North", 95.5]]
    rows += [[], ["Source:", "till export"]]
    path = write_book(tmp_path / "noted.xlsx", {"T": rows})
    book = nlsheet.open(path)
    assert book.table("T").last_row == 3
    assert answer_of(book, "how many shops") == 2
