"""Measures a table holds only as the product of two columns or the gap between two dates:
'the value of what was sold' (how many x the worth of one), 'the cost of the parts used',
'the billed amount' (hours x hourly rate), 'days from booking to check-in'. Each is checked
against pandas on tables written for it; the near misses (a price asked of one item, what is
left after the costs) are not answered as the product."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity

import nlsheet


def _repairs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Job": [f"J{i:02d}" for i in range(1, 9)],
            "Mechanic": [
                "Tom Reyes",
                "Ana Blum",
                "Tom Reyes",
                "Kai Oduya",
                "Ana Blum",
                "Kai Oduya",
                "Tom Reyes",
                "Ana Blum",
            ],
            "Garage": ["North", "South", "North", "South", "North", "South", "South", "North"],
            "Parts Used": [3, 1, 4, 2, 6, 1, 2, 5],
            "Unit Cost": [12.5, 40.0, 8.0, 22.0, 5.5, 90.0, 17.0, 9.0],
            "Labour Hours": [1.5, 2.0, 0.5, 3.0, 1.0, 4.5, 2.5, 1.0],
            "Hourly Rate": [60.0, 75.0, 60.0, 55.0, 75.0, 55.0, 60.0, 75.0],
            "Warranty": ["No", "Yes", "No", "No", "Yes", "No", "Yes", "No"],
        }
    )


def _stays() -> pd.DataFrame:
    booked = [dt.datetime(2025, 3, d) for d in (1, 2, 4, 5, 9, 11, 12, 15)]
    arrive = [
        b + dt.timedelta(days=n) for b, n in zip(booked, (10, 3, 21, 7, 1, 14, 30, 5), strict=True)
    ]
    leave: list[Any] = [
        a + dt.timedelta(days=n) for a, n in zip(arrive, (2, 5, 1, 3, 7, 2, 4, 2), strict=True)
    ]
    leave[3] = None  # still in the house: no check-out yet
    leave[6] = None
    return pd.DataFrame(
        {
            "Guest": ["Lund", "Abara", "Moss", "Ferri", "Quinn", "Sato", "Ilves", "Brandt"],
            "Booked": booked,
            "Check-in": arrive,
            "Check-out": leave,
            "Room": ["Garden", "Attic", "Garden", "Loft", "Attic", "Loft", "Garden", "Loft"],
        }
    )


def _days(later: pd.Series, earlier: pd.Series) -> pd.Series:
    return (pd.to_datetime(later) - pd.to_datetime(earlier)).dt.days


def test_a_worth_no_column_holds_is_count_times_the_worth_of_one(tmp_path: Path) -> None:
    jobs = _repairs()
    book = book_of_frame(jobs, "Jobs", tmp_path / "jobs.xlsx")
    parts = jobs["Parts Used"] * jobs["Unit Cost"]
    assert answer_of(book, "total parts cost") == pytest.approx(parts.sum())
    north = parts[jobs.Garage == "North"].sum()
    assert answer_of(book, "what did the parts cost at the North garage") == pytest.approx(north)
    billed = jobs["Labour Hours"] * jobs["Hourly Rate"]
    assert answer_of(book, "labour charges by garage") == pytest.approx(
        billed.groupby(jobs.Garage).sum().to_dict()
    )
    # 'what is' of many rows: a worth adds up over them, it is no one row's value.
    kai = billed[jobs.Mechanic == "Kai Oduya"].sum()
    assert answer_of(book, "what's Kai's billed amount") == pytest.approx(kai)


def test_a_worth_ranks_names_by_their_totals(tmp_path: Path) -> None:
    jobs = _repairs()
    book = book_of_frame(jobs, "Jobs", tmp_path / "jobs.xlsx")
    billed = (jobs["Labour Hours"] * jobs["Hourly Rate"]).groupby(jobs.Mechanic).sum()
    assert answer_of(book, "which mechanic billed the most in charges") == billed.idxmax()


def test_near_misses_of_a_worth_are_not_answered_with_it(tmp_path: Path) -> None:
    jobs = _repairs()
    jobs["Sell Price"] = jobs["Unit Cost"] * 1.5
    book = book_of_frame(jobs, "Jobs", tmp_path / "jobs.xlsx")
    # The price of one part, and what is left after the costs, are no total of the costs.
    for command in ("how much does a brake pad cost", "which job left most money after costs"):
        _not_answered(book, command)
    # A column that holds a cost of its own takes the word: no product is made up.
    jobs["Total Cost"] = jobs["Parts Used"] * jobs["Unit Cost"] + 1
    book = book_of_frame(jobs, "Jobs", tmp_path / "jobs2.xlsx")
    assert answer_of(book, "total cost") == pytest.approx(jobs["Total Cost"].sum())


def _not_answered(book: nlsheet.Book, command: str) -> None:
    """The command is asked back or refused, never answered."""
    try:
        result = book.ask(command)
    except nlsheet.NlsheetError:
        return
    assert result.clarification is not None, (command, result.value)


def test_days_between_two_date_columns(tmp_path: Path) -> None:
    stays = _stays()
    book = book_of_frame(stays, "Stays", tmp_path / "stays.xlsx")
    lead = _days(stays["Check-in"], stays.Booked)
    assert answer_of(book, "average days between booking and check-in") == pytest.approx(
        lead.mean()
    )
    garden = lead[stays.Room == "Garden"].mean()
    assert answer_of(book, "how long from booking to check-in on average for the garden room") == (
        pytest.approx(garden)
    )
    # Rows without a check-out have no length of stay: they are left out, never counted as 0.
    nights = _days(stays["Check-out"], stays["Check-in"]).dropna()
    assert answer_of(book, "mean time from check-in to check-out") == pytest.approx(nights.mean())


def test_days_between_needs_two_date_columns_named(tmp_path: Path) -> None:
    stays = _stays()
    book = book_of_frame(stays, "Stays", tmp_path / "stays.xlsx")
    for command in ("average days between booking and breakfast", "days from the lobby to loft"):
        with pytest.raises(nlsheet.NlsheetError):
            answer_of(book, command)


@pytest.mark.libreoffice
def test_worth_and_gap_formulas_recalculate_to_the_answer(tmp_path: Path) -> None:
    jobs_path = tmp_path / "jobs.xlsx"
    jobs = book_of_frame(_repairs(), "Jobs", jobs_path)
    stays_path = tmp_path / "stays.xlsx"
    stays = book_of_frame(_stays(), "Stays", stays_path)
    for book, path, commands in (
        (
            jobs,
            jobs_path,
            ("labour charges by garage", "which mechanic billed the most in charges"),
        ),
        (stays, stays_path, ("mean time from check-in to check-out",)),
    ):
        results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
        work = tmp_path / path.stem
        work.mkdir()
        assert not check_parity(path, results, work)


def _purchase_orders() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "PO Number": [f"PO-{n}" for n in range(7001, 7007)],
            "Supplier": ["Brill", "Acorn", "Brill", "Dunmore", "Acorn", "Brill"],
            "Qty": [10, 4, 25, 2, 8, 5],
            "Unit Cost (€)": [3.5, 120.0, 1.2, 310.0, 15.0, 42.0],
            "Discount": [0.0, 0.1, 0.05, 0.0, 0.0, 0.15],
            "Parcels": [1, 2, 3, 1, 2, 1],
            "Weight kg": [4.0, 18.5, 9.0, 30.0, 6.5, 2.0],
        }
    )


def test_the_value_of_orders_is_count_times_unit_cost_before_discount(tmp_path: Path) -> None:
    orders = _purchase_orders()
    plain = book_of_frame(orders.drop(columns="Discount"), "Purchase Orders", tmp_path / "p.xlsx")
    value = orders["Qty"] * orders["Unit Cost (€)"]
    assert answer_of(plain, "total value of all orders") == pytest.approx(value.sum())
    book = book_of_frame(orders, "Purchase Orders", tmp_path / "po.xlsx")
    # Beside a Discount column, the value before or after it: the words must say.
    assert book.ask("total value of all orders").clarification is not None
    assert answer_of(book, "total value of all orders before discount") == pytest.approx(
        value.sum()
    )
    by_supplier = answer_of(book, "value of orders by supplier excluding discounts")
    assert by_supplier == pytest.approx(value.groupby(orders.Supplier).sum().to_dict())
    # The discount asked for is the Discount column itself.
    assert answer_of(book, "total discount") == pytest.approx(orders["Discount"].sum())


def test_an_average_per_item_asks_for_the_totals_ratio_or_the_rows_average(
    tmp_path: Path,
) -> None:
    orders = _purchase_orders()
    book = book_of_frame(orders, "Purchase Orders", tmp_path / "po.xlsx")
    result = book.ask("average weight per parcel")
    assert result.clarification is not None, result.value
    options = {o.label: o.command for o in result.clarification.options}
    totals = book.ask(options["total Weight kg / total Parcels"]).value
    assert totals == pytest.approx(orders["Weight kg"].sum() / orders["Parcels"].sum())
    rows = book.ask(options["average of Weight kg / Parcels per row"]).value
    assert rows == pytest.approx((orders["Weight kg"] / orders["Parcels"]).mean())
