"""What 'how many', 'what percentage of' and 'how much did it grow' ask for, on tables written
for them: the units of a thing sold rather than the orders that had some, a count of fees
rather than their sum, the share among the rows said before the verb, the change in totals
over every row, and words inside cells in their other forms ('delays' in 'delayed at
customs', 'the steel products'). Each answer is checked against pandas; where the words do not
settle it nlsheet asks, and every option answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity, soffice

import nlsheet
from nlsheet.errors import NotUnderstoodError, UnknownColumnError


def _orders() -> pd.DataFrame:
    products = ["Steel Bracket", "Oak Shelf", "Steel Hinge", "Brass Knob", "Pine Shelf"]
    notes = ["delayed at customs", "", "refund asked", "", "late, delayed twice", "", "", "ok"]
    return pd.DataFrame(
        {
            "Order No": [f"PO-{i}" for i in range(201, 217)],
            "Placed": [dt.datetime(2025, 2, 1) + dt.timedelta(days=3 * i) for i in range(16)],
            "Buyer": ["Nadia", "Olek", "Priya", "Nadia", "Quentin", "Olek", "Priya", "Rui"] * 2,
            "Product": [products[i % 5] for i in range(16)],
            "Depot": ["Leith", "Govan", "Leith", "Perth", "Govan", "Leith", "Perth", "Leith"] * 2,
            "Qty": [4, 2, 10, 6, 1, 3, 8, 5, 2, 7, 1, 9, 4, 3, 6, 2],
            "Unit Price": [2.5, 40.0, 1.2, 3.0, 35.0, 2.5, 1.2, 3.0] * 2,
            "Handling Fee": [0, 5, 0, 0, 7.5, 0, 5, 0, 0, 0, 2.5, 0, 5, 0, 0, 7.5],
            "Paid": ["Yes", "No", "Yes", "Yes", "No", "Yes", "Yes", "No"] * 2,
            "Notes": notes * 2,
        }
    )


@pytest.fixture
def orders(tmp_path: Path) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _orders()
    return book_of_frame(frame, "Orders", tmp_path / "orders.xlsx"), frame


def test_how_many_of_a_thing_sold_is_its_units(orders: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = orders
    hinges = f.Product == "Steel Hinge"
    assert answer_of(book, "how many steel hinges were sold") == f.Qty[hinges].sum()
    assert answer_of(book, "how many oak shelves did we sell") == (
        f.Qty[f.Product == "Oak Shelf"].sum()
    )
    # The rows are still counted when the words count them.
    assert answer_of(book, "how many orders of brass knob") == (f.Product == "Brass Knob").sum()


def test_how_many_of_a_thing_without_a_verb_asks_and_each_option_answers(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = orders
    asked = book.ask("how many brass knobs")
    assert asked.clarification is not None
    knobs = f.Product == "Brass Knob"
    answers = [book.ask(o.command).value for o in asked.clarification.options]
    assert sorted(answers) == sorted([knobs.sum(), f.Qty[knobs].sum()])


def test_how_many_of_a_money_column_asks_count_or_total(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = orders
    asked = book.ask("how many handling fees were charged")
    assert asked.clarification is not None
    answers = [book.ask(o.command).value for o in asked.clarification.options]
    fee = f["Handling Fee"]
    assert sorted(answers) == sorted([(fee > 0).sum(), fee.sum()])
    assert answer_of(book, "how much in handling fees") == pytest.approx(fee.sum())


def test_a_share_is_among_the_rows_said_before_the_verb(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = orders
    leith = f[f.Depot == "Leith"]
    assert answer_of(book, "what percentage of Leith orders were paid") == pytest.approx(
        (leith.Paid == "Yes").mean()
    )
    assert answer_of(book, "what share of orders from Govan were paid") == pytest.approx(
        (f[f.Depot == "Govan"].Paid == "Yes").mean()
    )
    paid = f[f.Paid == "Yes"]
    assert answer_of(book, "what percentage of paid orders came from Perth") == pytest.approx(
        (paid.Depot == "Perth").mean()
    )
    # No verb after the rows: the share of all the rows.
    assert answer_of(book, "what percentage of orders are from Leith") == pytest.approx(
        (f.Depot == "Leith").mean()
    )


def test_a_share_by_group_is_each_groups_part_of_the_whole(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = orders
    fees = f.groupby("Depot")["Handling Fee"].sum() / f["Handling Fee"].sum()
    got = answer_of(book, "percentage of handling fees by depot")
    assert got == pytest.approx(fees.to_dict())
    assert sum(got.values()) == pytest.approx(1.0)
    # Of rows, when no number is named.
    counts = f.Buyer.value_counts(normalize=True)
    assert answer_of(book, "what share of orders per buyer") == pytest.approx(counts.to_dict())
    # With a condition as well, the part could be the paid orders within each depot or each
    # depot's part of the paid orders: not answered.
    with pytest.raises(NotUnderstoodError):
        book.ask("proportion of qty by depot for paid orders")
    # A change to percentages is still a change.
    assert book.ask("format handling fee as a percentage").intent == "number_format"


def test_an_aggregate_of_aggregates_is_refused(orders: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, _ = orders
    for command in ("average total qty per buyer", "total average unit price by depot"):
        with pytest.raises(NotUnderstoodError):
            book.ask(command)


def test_words_inside_cells_in_their_other_forms(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = orders
    delayed = f.Notes.str.contains("delay")
    assert answer_of(book, "how many orders mention delays") == delayed.sum()
    steel = f.Product.str.contains("Steel")
    assert answer_of(book, "total qty of the steel products") == f.Qty[steel].sum()
    assert answer_of(book, "how many orders of shelf products") == (
        f.Product.str.contains("Shelf").sum()
    )


def test_a_question_naming_no_column_never_offers_one(
    orders: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, _ = orders
    try:
        result = book.ask("which orders were delayed")
    except (NotUnderstoodError, UnknownColumnError):
        return  # refused, naming the word no column holds
    if result.clarification is not None:
        assert all("<column>" not in o.label for o in result.clarification.options)


def _visitors() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Park": ["Cairngorms", "Snowdonia", "Peak", "Exmoor", "Dartmoor"],
            "Nation": ["Scotland", "Wales", "England", "England", "England"],
            2019: [1900.0, 4200.0, None, 1400.0, 2300.0],
            2020: [1200.0, 3100.0, 9800.0, 1000.0, 1700.0],
            2021: [1600.0, 3900.0, 11200.0, None, 2100.0],
        }
    )


def test_a_change_between_year_columns_is_the_change_in_totals(tmp_path: Path) -> None:
    frame = _visitors()
    path = tmp_path / "parks.xlsx"
    book = book_of_frame(frame, "Visitors", path)
    totals = frame[[2019, 2020, 2021]].sum()
    assert answer_of(book, "what was the change in total visitors from 2019 to 2021") == (
        pytest.approx(totals[2021] - totals[2019])
    )
    assert answer_of(book, "how much did visitors grow from 2020 to 2021") == pytest.approx(
        totals[2021] - totals[2020]
    )
    assert answer_of(book, "by how much did visitors fall from 2019 to 2020") == pytest.approx(
        totals[2019] - totals[2020]
    )
    snowdonia = frame[frame.Park == "Snowdonia"].iloc[0]
    assert answer_of(book, "how much did Snowdonia grow from 2020 to 2021") == pytest.approx(
        snowdonia[2021] - snowdonia[2020]
    )


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_formulas_agree_with_the_values(tmp_path: Path) -> None:
    books = []
    orders_path = tmp_path / "orders.xlsx"
    orders = book_of_frame(_orders(), "Orders", orders_path)
    books.append(
        (
            orders,
            orders_path,
            (
                "how many steel hinges were sold",
                "what percentage of Leith orders were paid",
                "how many orders mention delays",
                "total qty of the steel products",
                "percentage of handling fees by depot",
                "what share of orders per buyer",
            ),
        )
    )
    parks_path = tmp_path / "parks.xlsx"
    parks = book_of_frame(_visitors(), "Visitors", parks_path)
    books.append((parks, parks_path, ("how much did visitors grow from 2020 to 2021",)))
    for book, path, commands in books:
        results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
        work = tmp_path / path.stem
        work.mkdir()
        assert not check_parity(path, results, work)


@pytest.mark.parametrize(
    ("command", "word"),
    [
        # Each buyer's count is no average of counts.
        ("average number of orders per buyer", "average"),
        # Rows counted are no change.
        ("how many orders grew in qty", "grew"),
    ],
)
def test_a_word_naming_an_operation_the_reading_does_not_do_is_refused(
    orders: tuple[nlsheet.Book, pd.DataFrame], command: str, word: str
) -> None:
    book, _ = orders
    with pytest.raises(NotUnderstoodError) as raised:
        book.ask(command)
    assert f"'{word}'" in raised.value.message


def _shows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Show": [f"S{i}" for i in range(1, 9)],
            "Held": [dt.datetime(2024, m, 10) for m in (1, 3, 5, 6, 7, 9, 10, 12)],
            "Kind": ["Gig", "Talk", "Gig", "Film", "Gig", "Talk", "Film", "Gig"],
            "Seats Sold": [120, 40, 95, 60, 150, 35, 70, 110],
            # Nothing sold out this year: a yes/no column holding only No is one still.
            "Sold Out": ["No"] * 8,
        }
    )


def test_a_yes_no_column_of_only_no(tmp_path: Path) -> None:
    frame = _shows()
    book = book_of_frame(frame, "Shows", tmp_path / "shows.xlsx")
    assert answer_of(book, "how many gigs sold out") == 0
    assert answer_of(book, "how many gigs were not sold out") == (frame.Kind == "Gig").sum()


def test_an_ordinal_inside_a_period_asks_for_no_minimum(tmp_path: Path) -> None:
    frame = _shows()
    book = book_of_frame(frame, "Shows", tmp_path / "shows.xlsx")
    # 'first' belongs to 'the first half of 2024'; a minimum would answer another question.
    try:
        answer = answer_of(book, "seats sold in the first half of 2024")
    except NotUnderstoodError:
        return
    first_half = frame["Seats Sold"][frame.Held < dt.datetime(2024, 7, 1)]
    assert answer == first_half.sum()


def test_units_sold_over_a_stretch_of_time_add_up(tmp_path: Path) -> None:
    frame = _shows()
    book = book_of_frame(frame, "Shows", tmp_path / "shows.xlsx")
    spring = (frame.Held >= dt.datetime(2024, 3, 1)) & (frame.Held < dt.datetime(2024, 8, 1))
    assert answer_of(book, "seats sold between March and July") == frame["Seats Sold"][spring].sum()
