"""Readings that answered with exit 0 while a word of the command went unused or was misread:
a change no word asks for, a group per amount, a header named in full and never used, a verb
that picks rows, 'at cost', a quoted word inside the cells, a plural phrase in notes, and the
words after 'which' naming what is asked.

Every table is built here and every expected value computed from the same Python lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import answer_of, check_parity
from helpers_books import write_book

import nlsheet
from nlsheet.nlu.model import NluModel
from nlsheet.settings import Settings

_LOCATIONS = ["Canteen", "Gym", "Library", "Canteen", "Gym", "Library", "Canteen", "Gym"]
_CASH = [48.9, 123.5, 55.2, 132.7, 96.1, 85.7, 61.3, 77.4]
_CARD = [20.1, 44.2, 71.3, 12.9, 33.3, 58.6, 90.4, 15.5]


def _takings() -> nlsheet.Book:
    return nlsheet.open(
        pd.DataFrame(
            {
                "Machine": [f"VM-0{i}" for i in range(1, 9)],
                "Location": _LOCATIONS,
                "Cash Takings (£)": _CASH,
                "Card Takings (£)": _CARD,
                "Restock Cost (£)": [30.0, 41.5, 22.2, 35.0, 28.8, 40.1, 19.9, 25.5],
            }
        )
    )


def test_a_change_is_made_only_when_a_word_asks_for_it() -> None:
    book = _takings()
    # 'profit by location' looks like 'autofit' to the classifier; no word asks to fit widths.
    with pytest.raises(nlsheet.NlsheetError) as refused:
        book.ask("profit by location")
    assert not getattr(refused.value, "changes", None)
    # Said with a word of the change, it is made (and nothing is written without --save).
    widened = book.ask("widen the Location column")
    assert widened.intent == "autofit" and widened.steps
    # The words each change's examples use are learned from the training data.
    model = NluModel.load(Settings())
    assert {"widen", "fit"} <= model.change_words["autofit"]
    assert "dedupe" in model.change_words["remove_duplicates"]


def test_copies_of_a_thing_are_no_request_to_remove_duplicates() -> None:
    frame = pd.DataFrame(
        {
            "Title": ["Dune", "Emma", "Ulysses", "Beloved", "Hamlet"],
            "Genre": ["Sci-Fi", "Romance", "Classic", "Classic", "Classic"],
            "Format": ["Paperback", "Hardback", "Paperback", "Paperback", "Hardback"],
            "Copies": [4, 2, 7, 1, 3],
        }
    )
    result = nlsheet.open(frame).ask("copies by genre and format")
    assert result.intent != "remove_duplicates" and not result.steps
    classic = frame[frame["Genre"] == "Classic"]
    paperback = classic[classic["Format"] == "Paperback"]["Copies"].sum()
    assert result.value["Classic"]["Paperback"] == paperback  # type: ignore[index]


def test_grouping_by_an_amount_is_refused() -> None:
    with pytest.raises(nlsheet.NlsheetError, match="group of almost every row"):
        # 21 different card takings over 21 rows: a group per row, not a category.
        nlsheet.open(
            pd.DataFrame(
                {
                    "Location": ["Gym", "Canteen", "Library"] * 7,
                    "Cash (£)": [float(10 + i) for i in range(21)],
                    "Card (£)": [float(5 + 2 * i) for i in range(21)],
                }
            )
        ).ask("share of cash by card")


def test_the_column_after_which_is_the_one_named_in_the_answer() -> None:
    frame = pd.DataFrame(
        {
            "Contract": ["C-1", "C-2", "C-3", "C-4"],
            "Site": ["Dock Road", "Mill Yard", "9 Station Approach", "Hill Top"],
            "Jan": [100, 250, 300, 90],
            "Feb": [120, 260, 310, 80],
            "Mar": [110, 240, 290, 85],
        }
    )
    totals = frame[["Jan", "Feb", "Mar"]].sum(axis=1)
    biggest_site = frame["Site"][totals.idxmax()]
    book = nlsheet.open(frame)
    assert answer_of(book, "biggest contract by total - which site?") == biggest_site
    assert answer_of(book, "which site had the biggest contract by total") == biggest_site
    # Without the closing question nothing names the answer, and 'biggest' is no grand total.
    with pytest.raises(nlsheet.NlsheetError, match="biggest"):
        book.ask("biggest contract by combined total")


def test_quoted_words_inside_cells_are_searched_for(tmp_path: Path) -> None:
    titles = ["Night Train", "Midnight Sun", "Day One", "The Long Night", "Morning", "Knight"]
    rows: list[list[Any]] = [["Title", "Copies"], *([t, i + 1] for i, t in enumerate(titles))]
    path = write_book(tmp_path / "books.xlsx", {"Stock": rows})
    book = nlsheet.open(path)
    command = "how many titles have 'night' in them"
    assert answer_of(book, command) == sum("night" in t.lower() for t in titles)
    # A quoted value some cell holds whole is still that value ('Morning' is one title).
    assert answer_of(book, "copies of 'Morning'") == titles.index("Morning") + 1
    result = book.ask(command)
    assert not check_parity(path, [(command, result, book.table(result.sheet))], tmp_path)


def _stock() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Item": ["Rose", "Tulip", "Fern", "Ivy"],
            "In Stock": [10, 4, 25, 8],
            "Cost (£)": [2.5, 1.2, 4.0, 3.1],
            "Price (£)": [6.0, 3.0, 9.5, 7.0],
        }
    )


def test_stock_value_is_counted_at_the_worth_the_words_name() -> None:
    frame = _stock()
    book = nlsheet.open(frame)
    at_cost = (frame["In Stock"] * frame["Cost (£)"]).sum()
    at_price = (frame["In Stock"] * frame["Price (£)"]).sum()
    assert answer_of(book, "total stock value at cost") == pytest.approx(at_cost)
    assert answer_of(book, "stock value at retail price") == pytest.approx(at_price)
    assert answer_of(book, "what's our stock worth at price") == pytest.approx(at_price)
    # Both worths held and neither said: refused, naming both readings.
    with pytest.raises(nlsheet.NlsheetError, match="at cost"):
        book.ask("total stock value")


def test_a_header_named_in_full_is_never_left_unused() -> None:
    ages = [23, 41, 35, 52, 19, 60]
    first = ["Yes", "No", "No", "Yes", "Yes", "No"]
    donors = pd.DataFrame(
        {
            "Donor": ["Ann", "Bo", "Cy", "Di", "Ed", "Flo"],
            "Age": ages,
            "First-time Donor": first,
        }
    )
    with pytest.raises(nlsheet.NlsheetError, match="First-time Donor"):
        nlsheet.open(donors).ask("average age of first-time donors")
    trees = pd.DataFrame(
        {
            "Site": ["Oak Park", "Mill Green", "Oak Park"],
            "Trees Planted": [120, 80, 45],
            "Cost per Tree (£)": [4.5, 6.0, 5.25],
        }
    )
    with pytest.raises(nlsheet.NlsheetError, match="Cost per Tree"):
        nlsheet.open(trees).ask("how much did all the trees cost altogether")


def test_a_verb_that_picks_rows_is_not_passed_over() -> None:
    trees = pd.DataFrame(
        {
            "Site": ["Oak Park", "Mill Green", "Oak Park"],
            "Trees Planted": [120, 80, 45],
            "Survived": [100, 70, 40],
        }
    )
    with pytest.raises(nlsheet.NlsheetError, match="died"):
        nlsheet.open(trees).ask("how many trees died at Oak Park")


def test_each_months_total_over_month_columns_is_not_the_years_total() -> None:
    frame = pd.DataFrame(
        {
            "Route": ["R1", "R2", "R3"],
            "Ward": ["Riverside", "Abbey", "Riverside"],
            "Jan": [10, 20, 30],
            "Feb": [11, 21, 31],
            "Mar": [12, 22, 32],
        }
    )
    book = nlsheet.open(frame)
    for command in ("monthly totals for Riverside", "total per month for Riverside"):
        with pytest.raises(nlsheet.NlsheetError, match="table of its own"):
            book.ask(command)
    riverside = frame[frame["Ward"] == "Riverside"][["Jan", "Feb", "Mar"]].to_numpy().sum()
    assert answer_of(book, "total for Riverside") == riverside


def test_a_plural_phrase_in_notes_finds_the_singular_too() -> None:
    notes = [
        "missed collection in Feb snow",
        "missed collections during strike",
        "bins blocked",
        None,
        "missed collection again",
    ]
    frame = pd.DataFrame({"Route": ["A", "B", "C", "D", "E"], "Notes": notes})
    expected = sum("missed collection" in (n or "") for n in notes)
    book = nlsheet.open(frame)
    assert answer_of(book, "how many routes have notes mentioning missed collections") == expected


def test_a_word_ending_in_ing_before_a_header_is_no_yes_no_answer() -> None:
    frame = pd.DataFrame(
        {
            "Order": ["O1", "O2", "O3", "O4"],
            "Weight kg": [2.5, 4.0, 1.5, 3.0],
            "Shipped": ["Yes", "No", "Yes", "No"],
        }
    )
    book = nlsheet.open(frame)
    shipped = frame[frame["Shipped"] == "Yes"]["Weight kg"].sum()
    assert answer_of(book, "total weight of shipped orders") == shipped
    # 'shipping weight' names the weight; it does not pick the shipped rows.
    result = None
    try:
        result = book.ask("total shipping weight")
    except nlsheet.NlsheetError:
        return
    assert result.value != shipped


def test_a_noun_asked_for_in_a_lookup_is_not_ignored() -> None:
    frame = pd.DataFrame(
        {
            "Machine": ["VM-01", "VM-02", "VM-03"],
            "Location": ["Canteen", "Gym", "Library"],
            "Items": [40, 25, 31],
        }
    )
    book = nlsheet.open(frame)
    with pytest.raises(nlsheet.NlsheetError, match="fridge temperature"):
        book.ask("what's the fridge temperature in the gym machine")
    assert answer_of(book, "which machine is located in the Gym") == "VM-02"


def test_the_biggest_row_is_its_money_only_when_nothing_else_sizes_it() -> None:
    sessions = pd.DataFrame(
        {
            "Session": ["S-1", "S-2", "S-3"],
            "Energy (kWh)": [40.5, 12.0, 22.1],
            "Duration (min)": [95, 30, 240],
            "Cost (£)": [12.1, 15.0, 9.9],
        }
    )
    with pytest.raises(nlsheet.NlsheetError, match="rank by"):
        nlsheet.open(sessions).ask("biggest session?")
    orders = pd.DataFrame(
        {"Order": ["O-1", "O-2", "O-3"], "Qty": [3, 10, 1], "Amount (£)": [250.0, 90.0, 400.0]}
    )
    largest = orders["Order"][orders["Amount (£)"].idxmax()]
    assert answer_of(nlsheet.open(orders), "which is the largest order") == largest
