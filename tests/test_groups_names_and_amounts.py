"""Groups, names and amounts read for what the words say, over small workbooks of our own: the
name of the thing said before "with 'x' in the name", an identifier's noun naming the rows,
groups of one row, counts per group compared or ranked, and an amount no column holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

from nlsheet.errors import NlsheetError, NotUnderstoodError


def _deliveries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Placed": [dt.datetime(2025, 3, d) for d in (1, 2, 3, 5, 8, 9, 12, 20)],
            "Shop": [
                "Green Bean",
                "Daily Grind",
                "Bean There",
                "Green Bean",
                "Cup & Co",
                "Daily Grind",
                "Bean There",
                "Cup & Co",
            ],
            "Sack Size (kg)": [1.0, 2.5, 5.0, 1.0, 2.5, 5.0, 1.0, 2.5],
            "Sacks": [4, 2, 3, 10, 6, 1, 8, 2],
            "Price per kg (£)": [18.0, 22.0, 25.0, 18.0, 20.0, 24.0, 19.0, 21.0],
        }
    )


def test_the_name_is_of_the_thing_said_before_it(tmp_path: Path) -> None:
    f = _deliveries()
    book = book_of_frame(f, "Deliveries", tmp_path / "deliveries.xlsx")
    named = f.Shop.str.contains("bean", case=False)
    assert answer_of(book, "how many deliveries went to shops with 'bean' in the name") == (
        named.sum()
    )


def test_a_rate_per_unit_holds_no_unit_and_an_unreached_weight_is_refused(
    tmp_path: Path,
) -> None:
    f = _deliveries()
    book = book_of_frame(f, "Deliveries", tmp_path / "deliveries.xlsx")
    # Price per kg holds pounds, not kilograms: a weight goes to the sack sizes.
    assert answer_of(book, "deliveries of sacks over 2 kg") == (f["Sack Size (kg)"] > 2).sum()
    assert "$C$2:$C$9" in (book.ask("deliveries of sacks over 2 kg").formula or "")
    # No sack weighs 30 kg: the weight is of something unsaid (a whole delivery).
    with pytest.raises(NotUnderstoodError):
        book.ask("deliveries over 30kg")
    # An amount no column holds is never answered with a count of the rows.
    try:
        asked = book.ask("total value of deliveries placed in March")
    except NotUnderstoodError:
        return
    assert asked.clarification is not None


def _tickets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ticket ID": [f"HD-{i}" for i in range(1, 9)],
            "Priority": ["High", "Low", "High", "High", "Low", "High", "Low", "High"],
            "State": ["Open", "Closed", "Closed", "Open", "Open", "Open", "Closed", "Closed"],
            "Opened": [dt.datetime(2025, 2, d) for d in (3, 1, 4, 9, 2, 7, 5, 6)],
            "Effort": [3, 1, 8, 2, 5, 13, 1, 2],
        }
    )


def test_an_identifier_s_noun_names_the_rows(tmp_path: Path) -> None:
    f = _tickets()
    book = book_of_frame(f, "Tickets", tmp_path / "tickets.xlsx")
    picked = (f.Priority == "High") & (f.State != "Closed")
    assert answer_of(book, "high priority tickets that aren't closed") == picked.sum()
    assert answer_of(book, "which ticket has the most effort") == "HD-6"
    assert answer_of(book, "list the ticket ids that are open") == list(
        f["Ticket ID"][f.State == "Open"]
    )
    # A total with no column named over rows that are named: asked, not Effort added up.
    asked = book.ask("total for high priority tickets")
    assert asked.clarification is not None
    answers = sorted(book.ask(o.command).value for o in asked.clarification.options)
    high = f.Priority == "High"
    assert answers == sorted([int(high.sum()), int(f.Effort[high].sum())])


def test_groups_of_one_row_among_the_rows_picked_are_the_rows(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Child": ["Ana", "Bo", "Cas", "Ana", "Bo", "Cas", "Dee"],
            "Outing": ["Zoo", "Zoo", "Zoo", "Farm", "Farm", "Farm", "Farm"],
            "Paid": [10.0, 0.0, 7.5, 5.0, 5.0, 2.5, 0.0],
        }
    )
    book = book_of_frame(f, "Outings", tmp_path / "outings.xlsx")
    assert answer_of(book, "average paid per child for the Zoo") == pytest.approx(
        f.Paid[f.Outing == "Zoo"].mean()
    )


def test_counts_per_group_are_ranked_and_never_tested_on_a_column(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Guest": [f"G{i}" for i in range(12)],
            "Table": [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4],
            "Meal": ["Fish", "Veg", "Beef"] * 4,
        }
    )
    book = book_of_frame(f, "Guests", tmp_path / "guests.xlsx")
    assert answer_of(book, "which table has the most guests") == 3
    assert answer_of(book, "which table has the fewest guests") == 2
    # 'more than three guests' counts guests per table: no test of Table > 3 answers it.
    with pytest.raises(NlsheetError, match="guests"):
        book.ask("how many tables have more than three guests")
    # 'the first 2 guests' says how many rows; no column is tested for a 2.
    try:
        first = book.ask("the first 2 guests")
    except NlsheetError:
        return
    assert first.value != (f.Table == 2).sum() or first.clarification is not None


def test_periods_of_unique_dates_are_counted(tmp_path: Path) -> None:
    days = pd.date_range("2025-01-03", periods=9, freq="9D")
    f = pd.DataFrame({"Batch": [f"B{i}" for i in range(9)], "Brewed": days, "Litres": range(9)})
    book = book_of_frame(f, "Batches", tmp_path / "batches.xlsx")
    counted = answer_of(book, "number of batches per month")
    assert sum(counted.values()) == len(f)
    assert len(counted) == days.to_period("M").nunique()


def test_a_yes_no_column_said_loosely_is_no_lookup(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Lot": ["L1", "L2", "L3"],
            "Made": [dt.datetime(2025, 6, d) for d in (2, 9, 16)],
            "Passed QA": ["Yes", "No", "Yes"],
        }
    )
    book = book_of_frame(f, "Lots", tmp_path / "lots.xlsx")
    with pytest.raises(NotUnderstoodError):
        book.ask("lots that passed quality assurance on 9 June")


def test_how_a_verb_was_done_says_nothing_of_its_status(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Invoice": [f"N{i}" for i in range(6)],
            "Method": ["Card", "Cash", "Card", "Transfer", "Card", "Cash"],
            "Settled": ["Yes", "Yes", "No", "Yes", "Yes", "No"],
        }
    )
    book = book_of_frame(f, "Invoices", tmp_path / "invoices.xlsx")
    # 'settled by card' picks the method; Settled = Yes is not added to it unasked.
    try:
        result = book.ask("how many invoices were settled by card")
    except NotUnderstoodError:
        return
    if result.clarification is None:
        assert result.value == (f.Method == "Card").sum()


def test_a_question_about_days_never_formats_a_column(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Week Of": [dt.datetime(2025, 3, 3), dt.datetime(2025, 3, 10)] * 2,
            "Dish": ["Soup", "Soup", "Tart", "Tart"],
            "Course": ["Starter", "Starter", "Dessert", "Dessert"],
            "Mon": [10, 12, 4, 5],
            "Tue": [9, 11, 2, 3],
            "Wed": [14, 13, 6, 7],
        }
    )
    book = book_of_frame(f, "Sales", tmp_path / "sales.xlsx")
    try:
        result = book.ask("quietest day of the week for desserts")
    except NlsheetError:
        return
    assert not result.changes and result.intent != "number_format"
    # A format asked for in its own words is still a change.
    assert book.ask("show Mon as whole numbers").intent == "number_format"
