"""Rankings whose names repeat over rows, and lookups that would answer another column: 'which
agent has the highest commission' (one commission, or their commissions added up?), 'the
longest contract' where no column holds a contract's length, 'who manages unit B2' answered
with a number, 'the phone number of' a tenant where no column holds phones, 'desk-hours' read
as a subtraction. Each is answered when the words settle it and asked or refused when they do
not; answers are checked against pandas on tables written for them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity, soffice

import nlsheet
from nlsheet.errors import NotUnderstoodError


def _lettings() -> pd.DataFrame:
    agents = ["Mo Farrell", "Jun Ito", "Sade Okoro", "Jun Ito", "Mo Farrell", "Sade Okoro"]
    return pd.DataFrame(
        {
            "Unit": [f"B{i}" for i in range(1, 13)],
            "Agent": agents * 2,
            "Tenant": [
                "Arden Ltd",
                "Bloom Co",
                "Cask & Co",
                "Dune Labs",
                "Ember Inc",
                "Fable Ltd",
                "Grove Co",
                "Hatch Inc",
                "Iris Labs",
                "Jolt Ltd",
                "Kite Co",
                "Lumen Inc",
            ],
            # Jun Ito has the single largest commission, Mo Farrell the largest total.
            "Commission": [900, 2500, 700, 300, 950, 650, 880, 200, 640, 260, 910, 700],
            "Desks": [14, 4, 6, 12, 8, 5, 9, 3, 7, 11, 6, 4],
            "Hours": [40, 20, 35, 50, 45, 30, 38, 15, 33, 48, 41, 25],
            "Paid by Card": ["Yes", "No", "Yes", "No", "No", "Yes"] * 2,
            "Start": [dt.datetime(2024, m, 1) for m in range(1, 13)],
        }
    )


@pytest.fixture
def lettings(tmp_path: Path) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _lettings()
    return book_of_frame(frame, "Lettings", tmp_path / "lettings.xlsx"), frame


def test_one_value_or_a_total_asks_when_they_name_different_people(
    lettings: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = lettings
    by_row = f.loc[f.Commission.idxmax(), "Agent"]
    by_total = f.groupby("Agent").Commission.sum().idxmax()
    assert by_row != by_total
    asked = book.ask("which agent has the highest commission")
    assert asked.clarification is not None
    answers = {book.ask(o.command).value for o in asked.clarification.options}
    assert answers == {by_row, by_total}
    # The words settle it: one row, or the total.
    assert answer_of(book, "which agent has the single highest commission") == by_row
    assert answer_of(book, "which agent earned the most commission") == by_total
    assert answer_of(book, "top 2 agents by commission") == list(
        f.groupby("Agent").Commission.sum().nlargest(2).index
    )


def test_one_value_or_a_total_is_answered_when_both_name_the_same(
    lettings: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = lettings
    by_row = f.loc[f.Desks.idxmax(), "Agent"]
    assert by_row == f.groupby("Agent").Desks.sum().idxmax()
    assert answer_of(book, "which agent has the largest desk count") == by_row


def test_the_longest_of_something_no_column_measures_is_refused(
    lettings: tuple[nlsheet.Book, pd.DataFrame], tmp_path: Path
) -> None:
    book, f = lettings
    with pytest.raises(NotUnderstoodError):
        book.ask("which tenant signed the longest contract")
    assert answer_of(book, "which tenant has the longest name") == max(f.Tenant, key=len)
    loans = pd.DataFrame(
        {
            "Loan": ["L1", "L2", "L3", "L4"],
            "Member": ["Al Ng", "Bartholomew Quinn", "Cy Do", "Al Ng"],
            "Genre": ["Crime", "Poetry", "History", "Crime"],
        }
    )
    library = book_of_frame(loans, "Loans", tmp_path / "loans.xlsx")
    # Not the member with the longest name: no column holds a book's length.
    with pytest.raises(NotUnderstoodError):
        library.ask("which member borrowed the longest book")


def test_who_is_never_answered_with_a_number(lettings: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = lettings
    with pytest.raises(NotUnderstoodError):
        book.ask("who earns the commission on unit B2")
    assert (
        answer_of(book, "who is the tenant of unit B2") == f.set_index("Unit").loc["B2", "Tenant"]
    )


def test_an_attribute_no_column_holds_is_not_answered_with_another(
    lettings: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = lettings
    for command in (
        "what is the phone number of the tenant in B4",
        "what is the email of the agent for B7",
    ):
        with pytest.raises(NotUnderstoodError):
            book.ask(command)
    assert (
        answer_of(book, "what is the commission of B7")
        == (f.set_index("Unit").loc["B7", "Commission"])
    )


def test_a_hyphen_between_two_number_columns_is_no_subtraction(
    lettings: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = lettings
    with pytest.raises(NotUnderstoodError) as raised:
        book.ask("total desk-hours")
    assert "times" in raised.value.message
    assert answer_of(book, "total desks times hours") == (f.Desks * f.Hours).sum()


def test_a_yes_no_header_of_several_words(lettings: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = lettings
    card = f["Paid by Card"] == "Yes"
    assert answer_of(book, "how many units were paid by card") == card.sum()
    assert answer_of(book, "how many units were not paid by card") == (~card).sum()
    assert answer_of(book, "total commission of units paid by card") == (f.Commission[card].sum())
    by_both = answer_of(book, "count units by agent and paid by card")
    assert by_both["Jun Ito"]["No"] == ((f.Agent == "Jun Ito") & ~card).sum()


def test_a_unit_column_naming_each_row_is_no_unit_of_measure(
    lettings: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    # 'Unit' B1, B2 ... names the rows; adding up commissions mixes no units.
    book, f = lettings
    assert answer_of(book, "total commission") == f.Commission.sum()


def test_how_many_goods_bought_is_the_quantity(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Order": [f"S{i}" for i in range(1, 9)],
            "Shop": ["Hale", "Ryde", "Hale", "Ross", "Ryde", "Hale", "Ross", "Ryde"],
            "Product": ["Tea", "Jam", "Tea", "Honey", "Jam", "Oats", "Tea", "Oats"],
            "Qty": [12, 3, 7, 20, 5, 9, 4, 6],
        }
    )
    book = book_of_frame(frame, "Sales", tmp_path / "sales.xlsx")
    assert answer_of(book, "how many items did Hale buy") == frame.Qty[frame.Shop == "Hale"].sum()
    assert answer_of(book, "how many orders did Hale place") == (frame.Shop == "Hale").sum()


def test_the_most_frequent_value_counts_only_the_rows_asked_about(
    lettings: tuple[nlsheet.Book, pd.DataFrame], tmp_path: Path
) -> None:
    book, f = lettings
    card = f[f["Paid by Card"] == "Yes"].Agent.value_counts()
    assert answer_of(book, "which agent has the most units paid by card") == card.idxmax()
    # Every agent has four units: a tie is every tied name, not the first in the sheet.
    assert sorted(answer_of(book, "which agent has the most units")) == sorted(set(f.Agent))


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_most_frequent_formulas_agree_with_the_values(tmp_path: Path) -> None:
    path = tmp_path / "lettings.xlsx"
    book = book_of_frame(_lettings(), "Lettings", path)
    commands = ("which agent has the most units paid by card", "which agent has the most units")
    results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
    work = tmp_path / "work"
    work.mkdir()
    assert not check_parity(path, results, work)


def test_the_most_of_a_yes_no_column_counts_its_yes_rows(tmp_path: Path) -> None:
    """'the most RMAs' beside a yes/no RMA column counts each kiln's 'Yes' rows; the fewest
    would miss a kiln with none among them, so it is not answered from them."""
    f = pd.DataFrame(
        {
            "Kiln": ["East", "West", "East", "North", "West", "East", "North", "West"],
            "Potter": ["Ama", "Ben", "Cai", "Ama", "Ben", "Cai", "Dee", "Dee"],
            "RMA": ["Yes", "No", "Yes", "Yes", "No", "Yes", "No", "No"],
            "Pieces": [12, 9, 14, 7, 10, 11, 8, 6],
        }
    )
    book = book_of_frame(f, "Firings", tmp_path / "firings.xlsx")
    returned = f[f.RMA == "Yes"].groupby("Kiln").size()
    assert answer_of(book, "which kiln had the most RMAs") == returned.idxmax()
    try:
        result = book.ask("which kiln had the fewest RMAs")
    except NotUnderstoodError:
        return
    counts = f.groupby("Kiln").RMA.apply(lambda s: (s == "Yes").sum())
    assert result.value == counts.idxmin()


def test_rows_listed_with_a_blank_date_show_it_as_null(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Customer": ["Ann", "Bo", "Cy", "Di"],
            "Ordered": [dt.date(2024, 3, 1), None, dt.date(2024, 3, 9), dt.date(2024, 4, 2)],
            "Amount": [120.0, 480.0, 75.0, 300.0],
        }
    )
    book = book_of_frame(frame, "Orders", tmp_path / "orders.xlsx")
    rows = answer_of(book, "top 2 orders by amount")
    assert [(r["Customer"], r["Ordered"]) for r in rows] == [("Bo", None), ("Di", "2024-04-02")]
