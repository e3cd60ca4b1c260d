"""Words that pick rows are never let pass as mere command words: a verb made of a header
('adopted' beside Adopter) where some rows leave that column blank, the rows a share is of
('for closed claims, what share ...'), and a margin asked as a part of the cost. Each is
answered when the reading uses it and refused when it cannot; values checked against pandas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet


def _adoptions() -> pd.DataFrame:
    adopted = [True, True, False, True, False, True, True, False, True, True]
    return pd.DataFrame(
        {
            "Dog Name": ["Rex", "Bo", "Kit", "Max", "Sky", "Pip", "Ace", "Dot", "Fig", "Oz"],
            "Breed": [
                "Collie",
                "Pug",
                "Collie",
                "Pug",
                "Boxer",
                "Collie",
                "Boxer",
                "Pug",
                "Collie",
                "Pug",
            ],
            "Age (yrs)": [3, 5, 2, 8, 1, 4, 6, 7, 2, 9],
            "Adoption Date": [
                dt.date(2024, 1 + i, 10) if a else None for i, a in enumerate(adopted)
            ],
            "Adopter": [f"Owner {i}" if a else None for i, a in enumerate(adopted)],
            "Returned?": ["Yes", "No", "No", "No", "No", "Yes", "No", "No", "No", "No"],
        }
    )


def _claims() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Claim Ref": [f"C{i}" for i in range(1, 9)],
            "Status": ["Closed", "Open", "Closed", "Closed", "Open", "Closed", "Open", "Closed"],
            "Amount Claimed (€)": [200.0, 150.0, 90.0, 400.0, 60.0, 120.0, 80.0, 300.0],
            "Amount Paid (€)": [150.0, 0.0, 90.0, 250.0, 0.0, 100.0, 0.0, 200.0],
            "Lost?": ["Yes", "No", "No", "Yes", "No", "No", "Yes", "No"],
        }
    )


def test_a_verb_naming_a_column_some_rows_leave_blank_is_not_a_command_word(
    tmp_path: Path,
) -> None:
    dogs = _adoptions()
    book = book_of_frame(dogs, "Adoptions", tmp_path / "dogs.xlsx")
    # Counting every dog for 'dogs adopted' would be wrong: refused, naming the column.
    with pytest.raises(nlsheet.NlsheetError, match="adopted"):
        answer_of(book, "how many dogs have been adopted")
    # A condition on the column the verb names uses it.
    in_2024 = dogs[pd.to_datetime(dogs["Adoption Date"]).dt.year == 2024]
    assert answer_of(book, "avg age of dogs adopted in 2024") == pytest.approx(
        in_2024["Age (yrs)"].mean()
    )


def test_the_rows_a_share_is_of_come_before_the_question_or_after_of(tmp_path: Path) -> None:
    dogs = _adoptions()
    book = book_of_frame(dogs, "Adoptions", tmp_path / "dogs.xlsx")
    pugs = dogs[dogs["Breed"] == "Pug"]
    among = (pugs["Returned?"] == "Yes").mean()
    for command in (
        "for Pugs, what percentage were returned",
        "among pugs what % got returned",
        "what percentage of Pug dogs were returned",
    ):
        assert answer_of(book, command) == pytest.approx(among), command
    # The part first: a share of all the dogs.
    assert answer_of(book, "Pugs as a share of all dogs") == pytest.approx(len(pugs) / 10)


def test_rows_picked_for_a_share_with_no_part_left_are_refused(tmp_path: Path) -> None:
    book = book_of_frame(_claims(), "Claims", tmp_path / "claims.xlsx")
    for command in (
        "for closed claims, what share of the amount claimed did we actually pay?",
        "what share of all the closed claims ended up paid out",
    ):
        with pytest.raises(nlsheet.NlsheetError, match="Status"):
            answer_of(book, command)
    # With a part after the verb: the lost ones among the closed.
    claims = _claims()
    closed = claims[claims["Status"] == "Closed"]
    assert answer_of(book, "what percentage of closed claims were lost") == pytest.approx(
        (closed["Lost?"] == "Yes").mean()
    )


def test_a_margin_as_a_part_of_cost_or_price_is_refused(tmp_path: Path) -> None:
    wines = pd.DataFrame(
        {
            "Wine": ["Rioja", "Chablis", "Barolo", "Merlot"],
            "Cost per Bottle (£)": [8.0, 13.0, 30.0, 5.0],
            "List Price per Bottle (£)": [14.0, 22.5, 58.0, 9.5],
        }
    )
    book = book_of_frame(wines, "Cellar", tmp_path / "cellar.xlsx")
    gap = wines["List Price per Bottle (£)"] - wines["Cost per Bottle (£)"]
    assert answer_of(book, "average margin per bottle") == pytest.approx(gap.mean())
    for command in (
        "average markup on cost",
        "average margin as a percentage",
        "what's the percentage margin on Barolo",
        "margin % for Rioja",
    ):
        with pytest.raises(nlsheet.NlsheetError):
            answer_of(book, command)


def test_a_value_listed_inside_longer_cells_is_tested_as_contained(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Dog": ["Rex", "Bo", "Kit", "Max", "Sky", "Pip"],
            "Notes": [
                "cat friendly",
                "cat friendly, good with kids",
                "shy",
                "cat friendly",
                "good with kids; cat friendly",
                "no cats",
            ],
            "Payment": ["Paid", "Partially paid", "Paid", "Unpaid", "Paid", "Partially paid"],
            "Kennel": ["North", "North, East", "East", "North", "South", "East"],
        }
    )
    book = book_of_frame(frame, "Dogs", tmp_path / "dogs.xlsx")
    assert answer_of(book, "how many dogs are noted as cat friendly") == 4
    # A whole value that is no item of a list keeps its equality, and so does a category
    # outside a column of notes.
    assert answer_of(book, "how many dogs are Paid") == 3
    assert answer_of(book, "how many dogs are in the North kennel") == 2


def test_how_many_of_our_names_asks_rows_or_different_names(tmp_path: Path) -> None:
    book = book_of_frame(
        pd.DataFrame(
            {
                "Property": ["Flat 1", "Flat 1", "Flat 2", "House 3", "House 3", "Flat 4"],
                "Viewer": ["Ann", "Bo", "Cy", "Di", "Ed", "Flo"],
                "Rent": [950, 950, 1200, 1850, 1850, 1100],
            }
        ),
        "Viewings",
        tmp_path / "viewings.xlsx",
    )
    result = book.ask("how many of our properties have a rent over 1,000")
    assert result.clarification is not None
    assert [o.label for o in result.clarification.options] == [
        "the number of different Property (3)",
        "the number of rows (4)",
    ]
