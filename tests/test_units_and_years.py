"""What a number is said in and what a column counts in: a sum of money goes to a money column,
a column of years ranks like dates, a unit a rate column names in its header is its own, a
title line's 'in € million' scales 'over €2 billion', a verb of trade makes an amount a total,
a noun on a log's sheet that names a column of repeated names is asked about, money said of a
table holding none is not understood, a loss between two years is the fall, the longest row is
the one that lasted longest, and a short name ('Leith') is the one value it shortens. Each answer
is checked against pandas on tables written here; where the words do not settle it nlsheet
asks or refuses, never answers another question."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity, soffice
from helpers_books import write_book

import nlsheet
from nlsheet.errors import NotUnderstoodError


def _cellar() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Sold On": [dt.datetime(2025, 3, d) for d in (2, 3, 5, 8, 9, 11, 14, 15, 18)],
            "Buyer": ["Ines", "Tom", "Ines", "Aki", "Tom", "Ines", "Lou", "Aki", "Lou"],
            "Cheese": [
                "Comte",
                "Brie",
                "Gouda",
                "Comte",
                "Stilton",
                "Brie",
                "Feta",
                "Gouda",
                "Brie",
            ],
            "Aged Since": [2019, 2023, 2021, 2018, 2020, 2024, 2022, 2017, 2023],
            "Wheels": [2, 5, 1, 3, 2, 4, 6, 1, 2],
            "Price/Wheel (€)": [38.0, 12.5, 22.0, 41.0, 30.0, 13.0, 9.5, 27.0, 12.0],
            "Member": ["Yes", "No", "Yes", "No", "No", "Yes", "No", "No", "Yes"],
        }
    )


@pytest.fixture
def cellar(tmp_path: Path) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _cellar()
    return book_of_frame(frame, "Cellar", tmp_path / "cellar.xlsx"), frame


def test_a_sum_of_money_goes_to_a_money_column(cellar: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = cellar
    # '€20 a wheel' sits beside the Wheels count, but money compares with the price.
    got = answer_of(book, "which cheeses do we sell for under €20 a wheel")
    assert sorted(got) == sorted(f.Cheese[f["Price/Wheel (€)"] < 20].unique())


def test_a_column_of_years_ranks_like_dates(cellar: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = cellar
    oldest = f.Cheese[f["Aged Since"].idxmin()]
    newest = f.Cheese[f["Aged Since"].idxmax()]
    assert answer_of(book, "which cheese has the oldest aged since") == oldest
    assert answer_of(book, "which cheese has the latest aged since") == newest


def test_a_verb_of_trade_makes_an_amount_a_total(cellar: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = cellar
    members = f["Member"] == "No"
    assert answer_of(book, "wheels sold to non-members") == f.Wheels[members].sum()
    assert answer_of(book, "wheels bought by Ines") == f.Wheels[f.Buyer == "Ines"].sum()


def test_revenue_is_the_count_a_price_is_per_times_the_price(
    cellar: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = cellar
    # No amount column: the revenue of a sale is Wheels x Price/Wheel (€), never the cost.
    takings = f.Wheels * f["Price/Wheel (€)"]
    assert answer_of(book, "total revenue") == pytest.approx(takings.sum())
    by_buyer = takings.groupby(f.Buyer).sum()
    assert answer_of(book, "revenue by buyer") == pytest.approx(by_buyer.to_dict())


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_formulas_agree_with_the_values(tmp_path: Path) -> None:
    path = tmp_path / "cellar.xlsx"
    book = book_of_frame(_cellar(), "Cellar", path)
    commands = [
        "total revenue",
        "revenue by buyer",
        "wheels sold to non-members",
        "which cheese has the oldest aged since",
    ]
    results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
    work = tmp_path / "work"
    work.mkdir()
    assert not check_parity(path, results, work)


def test_a_unit_the_rate_column_names_is_its_own(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Orchard": ["North", "South", "North", "East", "South", "East"],
            "Fruit": ["Pear", "Plum", "Plum", "Pear", "Pear", "Plum"],
            "Area (ha)": [2.0, 3.5, 1.5, 4.0, 2.5, 3.0],
            "Crop (kg)": [9000, 12000, 5100, 17000, 10500, 9600],
            "Price (€/kg)": [1.1, 0.9, 0.95, 1.2, 1.0, 0.85],
        }
    )
    book = book_of_frame(f, "Picks", tmp_path / "picks.xlsx")
    # 'price per kg' is the Price (€/kg) column, not Price divided by Crop (kg).
    by_fruit = f.groupby("Fruit")["Price (€/kg)"].mean().to_dict()
    assert answer_of(book, "average price per kg by fruit") == pytest.approx(by_fruit)
    # A unit after 'per' is never set aside: no crop of one row is a crop per hectare.
    try:
        result = book.ask("crop per hectare for plums in the south orchard")
    except NotUnderstoodError:
        return
    row = f[(f.Fruit == "Plum") & (f.Orchard == "South")].iloc[0]
    assert result.value != row["Crop (kg)"]


def test_a_title_scale_scales_numbers_said_with_their_magnitude(tmp_path: Path) -> None:
    names = ["Timber", "Copper", "Grain", "Wool", "Salt", "Tin"]
    y2023 = [850.0, 2400.5, 1999.0, 120.0, 3100.0, 640.0]
    y2024 = [910.0, 2550.0, 2100.5, 95.5, 2980.0, 700.0]
    rows = [
        ["Trade by good"],
        ["Values in € million, current prices"],
        [],
        ["Good", 2023, 2024],
        *([n, a, b] for n, a, b in zip(names, y2023, y2024, strict=True)),
    ]
    book = nlsheet.open(write_book(tmp_path / "trade.xlsx", {"Trade": rows}))
    assert book.table("Trade").scale == 1e6
    assert answer_of(book, "how many goods over €2 billion in 2024") == sum(v > 2000 for v in y2024)
    assert answer_of(book, "how many goods under 500 million in 2023") == sum(
        v < 500 for v in y2023
    )
    # A number said without a magnitude is in the sheet's own units.
    assert answer_of(book, "how many goods over 2000 in 2024") == sum(v > 2000 for v in y2024)
    # The smallest good names the good, not its figure.
    assert answer_of(book, "smallest good in 2024") == names[y2024.index(min(y2024))]


def test_a_noun_naming_a_column_of_repeated_names_is_asked_about(tmp_path: Path) -> None:
    """On a sheet called 'Helper Log', 'helpers' names the Helper column, whose names repeat:
    how many rows, or how many different helpers? Each option answers."""
    f = pd.DataFrame(
        {
            "Day": [dt.datetime(2025, 5, d) for d in range(1, 9)],
            "Helper": ["Ann", "Bo", "Ann", "Cy", "Bo", "Ann", "Di", "Cy"],
            "Hours": [3, 4, 2, 5, 3, 4, 2, 6],
        }
    )
    book = book_of_frame(f, "Helper Log", tmp_path / "helpers.xlsx")
    asked = book.ask("how many helpers do we have")
    assert asked.clarification is not None
    answers = sorted(book.ask(o.command).value for o in asked.clarification.options)
    assert answers == sorted([len(f), f.Helper.nunique()])


def _stays() -> list[list[object]]:
    return [
        ["Guest nights by valley"],
        ["Nights, thousands"],
        [],
        ["Valley", "Lodging", 2021, 2022, 2023],
        ["Aosta", "Huts", 120, 95, 130],
        ["Aosta", "Inns", 300, 280, 310],
        ["Ossola", "Huts", 80, 60, 90],
        ["Ossola", "Inns", 210, 240, 200],
    ]


def test_a_title_scale_said_first_scales_too(tmp_path: Path) -> None:
    rows = _stays()
    rows[1] = ["Thousands of nights"]
    book = nlsheet.open(write_book(tmp_path / "scaled.xlsx", {"Nights": rows}))
    assert book.table("Nights").scale == 1e3
    assert answer_of(book, "how many lines with more than 0.15 million nights in 2023") == 2


def test_money_said_of_a_table_holding_none_is_not_understood(tmp_path: Path) -> None:
    book = nlsheet.open(write_book(tmp_path / "stays.xlsx", {"Nights": _stays()}))
    for command in ("average spend per night in Aosta", "average spend in Ossola"):
        with pytest.raises(NotUnderstoodError):
            book.ask(command)
    # What the cells hold is still read: the nights.
    assert answer_of(book, "total nights in Aosta") == 120 + 95 + 130 + 300 + 280 + 310


def test_a_loss_between_two_years_is_the_fall(tmp_path: Path) -> None:
    book = nlsheet.open(write_book(tmp_path / "stays.xlsx", {"Nights": _stays()}))
    # Ossola: 290 nights in 2021, 300 in 2022, 290 in 2023; Aosta 420, 375, 440.
    assert answer_of(book, "how many nights did Aosta lose between 2021 and 2022") == 45
    assert answer_of(book, "how much did Aosta lose from 2021 to 2022") == 45
    assert answer_of(book, "how much did Ossola grow between 2021 and 2022") == 10


def test_the_longest_row_is_the_one_that_lasted_longest(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Hire Ref": ["H-1", "H-2", "H-3", "H-4", "H-5"],
            "Boat": ["Kayak", "Canoe", "Kayak", "Dinghy", "Canoe"],
            "Hours": [1.5, 4.0, 2.5, 6.0, 0.5],
            "Rate (£/h)": [12, 15, 12, 20, 15],
            "Notes": ["windy", "", "family of four with a dog", "", "late return"],
        }
    )
    book = book_of_frame(f, "Hires", tmp_path / "hires.xlsx")
    assert answer_of(book, "which hire was the longest") == "H-4"
    assert answer_of(book, "which hire was the shortest") == "H-5"
    assert answer_of(book, "the longest hire of a canoe") == "H-2"
    # The text itself is measured when a text column is named.
    assert answer_of(book, "the longest note") == "family of four with a dog"


def test_a_short_name_is_the_value_it_leaves_a_shared_word_off(tmp_path: Path) -> None:
    """'on Leith' where every depot is '... Depot' is 'Leith Depot'; a free 'rate' that the
    answer would not be a rate of is refused rather than read as the column's average."""
    f = pd.DataFrame(
        {
            "Day": [dt.datetime(2025, 6, d) for d in range(1, 10)],
            "Depot": ["Leith Depot", "Govan Depot", "Perth Depot"] * 3,
            "Vans Out": [4, 6, 3, 5, 7, 2, 4, 6, 3],
            "Vans Owned": [8] * 9,
        }
    )
    book = book_of_frame(f, "Fleet", tmp_path / "fleet.xlsx")
    leith = f[f.Depot == "Leith Depot"]
    assert answer_of(book, "max vans out on Leith") == leith["Vans Out"].max()
    assert (
        answer_of(book, "total vans out for Govan") == f[f.Depot == "Govan Depot"]["Vans Out"].sum()
    )
    with pytest.raises(NotUnderstoodError):
        book.ask("average usage rate for Perth")
