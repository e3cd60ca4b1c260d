"""Totals that add up figures nobody adds: a price per bottle summed over sales ('how much did
Nora spend' is bottles times the price, not the prices added up), and a figure each row only
repeats (every screening of screen 2 says 80 seats; 'how many seats in screen 2' is 80, not 80
once per screening). Each is asked back with options that answer; what is meant literally ('the
unit prices added up', 'total tickets in screen 2') is answered, checked against pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame


def _wine_sales() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Receipt": [f"R{i:03d}" for i in range(1, 11)],
            "Customer": ["Nora Diaz", "Ivo Petrov", "Nora Diaz", "Lea Marsh", "Ivo Petrov"] * 2,
            "Wine": ["Rioja", "Chablis", "Barolo", "Rioja", "Merlot"] * 2,
            "Bottles": [2, 6, 1, 3, 12, 4, 1, 2, 5, 3],
            "Price/Bottle (€)": [14.0, 22.5, 58.0, 14.0, 9.5, 16.0, 22.5, 58.0, 14.0, 9.5],
            "Cost/Bottle (€)": [8.0, 13.0, 30.0, 8.0, 5.0, 9.0, 13.0, 30.0, 8.0, 5.0],
            "Member": ["Yes", "No", "Yes", "No", "No", "Yes", "No", "Yes", "No", "No"],
        }
    )


def _screenings() -> pd.DataFrame:
    screens = [1, 2, 3, 1, 2, 3, 2, 1, 3, 2, 1, 3]
    seats = {1: 150, 2: 80, 3: 120}
    return pd.DataFrame(
        {
            "Film": ["Dune", "Heat", "Up", "Jaws", "Dune", "Heat"] * 2,
            "Screen": screens,
            "Seats": [seats[s] for s in screens],
            "Tickets Sold": [90, 80, 45, 120, 60, 100, 33, 150, 77, 12, 98, 64],
        }
    )


def _options(book: object, command: str) -> list[tuple[str, str]]:
    result = book.ask(command)  # type: ignore[attr-defined]
    assert result.clarification is not None, (command, result.value)
    return [(o.label, o.command) for o in result.clarification.options]


def test_money_spent_over_a_price_per_item_asks_for_the_product(tmp_path: Path) -> None:
    sales = _wine_sales()
    book = book_of_frame(sales, "Sales", tmp_path / "wine.xlsx")
    paid = sales["Bottles"] * sales["Price/Bottle (€)"]
    for command in ("how much did Nora Diaz spend", "which customer spent the most in total"):
        options = _options(book, command)
        labels = [label for label, _ in options]
        assert labels[0] == "Bottles × Price/Bottle (€), added up", options
        assert any("Cost/Bottle (€)" in label for label in labels), options
        assert "themselves" in labels[-1], options
    # Choosing an option answers it.
    first = dict(_options(book, "how much did Nora Diaz spend"))
    chosen = book.ask(first["Bottles × Price/Bottle (€), added up"])
    assert chosen.clarification is None
    assert chosen.value == pytest.approx(paid[sales.Customer == "Nora Diaz"].sum())
    ranked = dict(_options(book, "which customer spent the most in total"))
    best = book.ask(ranked["Bottles × Price/Bottle (€), added up"]).value
    assert best == paid.groupby(sales.Customer).sum().idxmax()
    # 'total price' names the price: no cost is offered.
    labels = [label for label, _ in _options(book, "total price for Ivo Petrov")]
    assert not any("Cost" in label for label in labels), labels
    asked = dict(_options(book, "total price for Ivo Petrov"))
    literal = book.ask(asked["the Price/Bottle (€) figures themselves, added up"])
    ivo = sales.Customer == "Ivo Petrov"
    assert literal.value == pytest.approx(sales.loc[ivo, "Price/Bottle (€)"].sum())


def test_a_figure_said_to_be_per_item_is_added_up_as_asked(tmp_path: Path) -> None:
    sales = _wine_sales()
    book = book_of_frame(sales, "Sales", tmp_path / "wine.xlsx")
    members = sales.Member == "Yes"
    assert answer_of(book, "total bottles for members") == sales.loc[members, "Bottles"].sum()
    nora = sales.Customer == "Nora Diaz"
    assert answer_of(book, "average price for Nora Diaz") == pytest.approx(
        sales.loc[nora, "Price/Bottle (€)"].mean()
    )
    assert answer_of(book, "sum of Price/Bottle for Nora Diaz") == pytest.approx(
        sales.loc[nora, "Price/Bottle (€)"].sum()
    )


def test_a_share_of_a_price_per_item_is_refused(tmp_path: Path) -> None:
    import nlsheet

    book = book_of_frame(_wine_sales(), "Sales", tmp_path / "wine.xlsx")
    with pytest.raises(nlsheet.NotUnderstoodError, match="per bottle"):
        book.ask("what share of the money spent came from members")


def test_a_figure_each_row_repeats_is_not_added_up_without_asking(tmp_path: Path) -> None:
    shows = _screenings()
    book = book_of_frame(shows, "Screenings", tmp_path / "cinema.xlsx")
    options = dict(_options(book, "how many seats are in screen 2"))
    assert set(options) == {"the Seats of Screen 2", "Seats added up over its 4 rows"}
    assert book.ask(options["the Seats of Screen 2"]).value == 80
    assert book.ask(options["Seats added up over its 4 rows"]).value == 320
    by_screen = dict(_options(book, "total seats by screen"))
    each = book.ask(by_screen["the Seats of each Screen"]).value
    assert {int(k): v for k, v in each.items()} == {1: 150, 2: 80, 3: 120}


def test_figures_of_the_rows_themselves_still_add_up(tmp_path: Path) -> None:
    shows = _screenings()
    book = book_of_frame(shows, "Screenings", tmp_path / "cinema.xlsx")
    assert (
        answer_of(book, "total tickets sold in screen 2")
        == shows.loc[shows.Screen == 2, "Tickets Sold"].sum()
    )
    # Seats repeat per screen, not per film: a film's seats over its screenings add up.
    assert answer_of(book, "total seats for Dune") == shows.loc[shows.Film == "Dune", "Seats"].sum()


def test_an_amount_of_money_for_a_row_is_not_compared_with_a_price_per_item(
    tmp_path: Path,
) -> None:
    import nlsheet

    sales = _wine_sales()
    book = book_of_frame(sales, "Sales", tmp_path / "wine.xlsx")
    # A sale of €45 to €55 is Bottles x Price/Bottle, which no condition tests yet.
    with pytest.raises(nlsheet.NotUnderstoodError, match=r"Bottles × Price/Bottle"):
        book.ask("how many sales between €45 and €55")
    with pytest.raises(nlsheet.NotUnderstoodError, match="per bottle"):
        book.ask("count the receipts over €40")
    # The column said, or the price said to be per bottle: the price is compared.
    price = sales["Price/Bottle (€)"]
    assert answer_of(book, "how many sales with Price/Bottle between €15 and €30") == int(
        price.between(15, 30).sum()
    )


def test_money_asked_with_no_column_named_over_a_rate_per_item_asks(tmp_path: Path) -> None:
    invoices = pd.DataFrame(
        {
            "Invoice No": [f"T-{n}" for n in range(1, 7)],
            "Client": ["Ardent", "Borel", "Ardent", "Cato", "Borel", "Cato"],
            "Words": [1200, 800, 2500, 400, 1500, 950],
            "Rate per Word (€)": [0.08, 0.1, 0.08, 0.12, 0.1, 0.12],
            "Status": ["Paid", "Overdue", "Paid", "Unpaid", "Overdue", "Paid"],
        }
    )
    book = book_of_frame(invoices, "Invoices", tmp_path / "invoices.xlsx")
    options = dict(_options(book, "how much money is overdue"))
    chosen = book.ask(options["Words × Rate per Word (€), added up"]).value
    overdue = invoices.Status == "Overdue"
    paid = invoices.Words * invoices["Rate per Word (€)"]
    assert chosen == pytest.approx(paid[overdue].sum())
