"""Everyday words met on new workbooks, each checked on a table written for it against pandas:
a negation spelt 'wouldn't', 'over 250' as a comparison rather than a trend, a worth compared
with a number (refused, never summed), everyday names for a sheet's rows, a person named by a
lower-case first name, and more roles that name people."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet


def _listings() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Listing ID": [f"L-{i}" for i in range(101, 111)],
            "Street": [
                "1 Oak Rd",
                "9 Elm St",
                "4 Bay Ct",
                "12 Hill Ln",
                "7 Mill Way",
                "3 Pine Dr",
                "22 Lake Rd",
                "5 Rose St",
                "8 Fern Ave",
                "16 Ash Ct",
            ],
            "Agent": [
                "Mira Holt",
                "Jon Peck",
                "Mira Holt",
                "Ravi Sen",
                "Jon Peck",
                "Ravi Sen",
                "Mira Holt",
                "Jon Peck",
                "Ravi Sen",
                "Mira Holt",
            ],
            "Asking Price ($)": [
                410e3,
                655e3,
                298e3,
                720e3,
                515e3,
                388e3,
                905e3,
                460e3,
                350e3,
                610e3,
            ],
            "Floor Area (sq ft)": [1450, 2300, 980, 2650, 1800, 1320, 3100, 1500, 1150, 2050],
            "Garden": ["Yes", "No", "No", "Yes", "Yes", "No", "Yes", "No", "Yes", "Yes"],
            "Would Relist": ["Yes", "No", "Yes", "Yes", "No", "Yes", "No", "Yes", "Yes", "No"],
        }
    )


def _book(tmp_path: Path) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _listings()
    return book_of_frame(frame, "Listings", tmp_path / "listings.xlsx"), frame


def test_wouldnt_negates_a_yes_no_column(tmp_path: Path) -> None:
    book, frame = _book(tmp_path)
    assert (
        answer_of(book, "how many listings wouldn't relist")
        == (frame["Would Relist"] == "No").sum()
    )
    assert answer_of(book, "how many listings shouldn't have a garden") == (
        (frame.Garden == "No").sum()
    )


def test_over_a_number_is_a_comparison_not_a_trend(tmp_path: Path) -> None:
    book, frame = _book(tmp_path)
    big = (frame["Floor Area (sq ft)"] > 2000).sum()
    assert answer_of(book, "listings over 2000 sq ft") == big


def test_everyday_names_for_the_rows(tmp_path: Path) -> None:
    # 'homes' and 'properties' for the rows of a sheet of Listings.
    book, frame = _book(tmp_path)
    assert answer_of(book, "how many homes have a garden") == (frame.Garden == "Yes").sum()
    assert answer_of(book, "average asking price of properties with a garden") == pytest.approx(
        frame.loc[frame.Garden == "Yes", "Asking Price ($)"].mean()
    )
    assert answer_of(book, "which agent has the most homes") == frame.Agent.value_counts().idxmax()


def test_a_first_name_typed_in_lower_case(tmp_path: Path) -> None:
    book, frame = _book(tmp_path)
    ravi = frame.loc[frame.Agent == "Ravi Sen", "Asking Price ($)"].sum()
    assert answer_of(book, "total asking price for ravi") == pytest.approx(ravi)
    assert answer_of(book, "ravi's total asking price") == pytest.approx(ravi)
    # Not cued as a name ('jon' alone after a verb), a lower-case word is no name.
    with pytest.raises(nlsheet.NlsheetError):
        answer_of(book, "total asking price jon listed")


def test_roles_that_name_people(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Job": [f"J{i}" for i in range(1, 7)],
            "Mechanic": ["Ola Berg", "Tim Cole", "Ola Berg", "Sue Park", "Tim Cole", "Ola Berg"],
            "Hours": [2.0, 1.5, 3.0, 0.5, 4.0, 1.0],
        }
    )
    book = book_of_frame(frame, "Jobs", tmp_path / "jobs.xlsx")
    assert (
        answer_of(book, "who worked the most hours")
        == frame.groupby("Mechanic").Hours.sum().idxmax()
    )
    assert answer_of(book, "hours for Sue") == pytest.approx(0.5)


def test_a_worth_compared_with_a_number_is_refused_not_summed(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Order": [f"O{i}" for i in range(1, 7)],
            "Units": [3, 10, 1, 7, 2, 12],
            "Unit Value": [120.0, 45.5, 900.0, 80.0, 310.0, 15.0],
        }
    )
    book = book_of_frame(frame, "Orders", tmp_path / "orders.xlsx")
    with pytest.raises(nlsheet.NlsheetError, match="not supported"):
        book.ask("orders worth over $500")
    total = (frame.Units * frame["Unit Value"]).sum()
    assert answer_of(book, "total value of the orders") == pytest.approx(total)


def test_counting_a_yes_no_column_counts_the_yes_rows_or_asks(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Flat": ["1A", "1B", "2A", "2B", "3A", "3B"],
            "Needs Repair": ["Yes", "No", "Yes", "No", "No", "No"],
            "Rent": [900, 1200, 800, 1000, 950, 1100],
        }
    )
    book = book_of_frame(frame, "Flats", tmp_path / "flats.xlsx")
    repair = frame["Needs Repair"] == "Yes"
    assert answer_of(book, "how many flats need repair") == repair.sum()
    assert (
        answer_of(book, "total rent of flats that don't need repair") == frame.Rent[~repair].sum()
    )
    # Counted as cells, a yes/no column counts every answer: nlsheet asks which, and each
    # option answers.
    asked = book.ask("count the needs repair column")
    assert asked.clarification is not None
    got = {book.ask(o.command).value for o in asked.clarification.options}
    assert got == {repair.sum(), (~repair).sum()}


def test_a_yes_no_header_with_its_answer_said_is_tested_for_that_answer(tmp_path: Path) -> None:
    # 'where Garden is No' is the No rows: the word 'garden' sets no flag of its own.
    book, frame = _book(tmp_path)
    for command, answer in (
        ("how many listings where garden is no", "No"),
        ("how many listings where would relist is no", "No"),
        ("count listings where Garden = yes", "Yes"),
    ):
        column = "Garden" if "garden" in command.lower() else "Would Relist"
        assert answer_of(book, command) == (frame[column] == answer).sum(), command
