"""Rules found by trying workbooks nlsheet had never seen (a fleet log, a timesheet, a survey, a
table of yearly figures per country): each is checked here on tables written for it, in other
words than the ones that found it, against pandas; near misses are refused or asked back."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet

_answer = answer_of
_book = book_of_frame


def _runs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Run": [f"R{i}" for i in range(1, 9)],
            "Van": ["V1", "V2", "V1", "V3", "V2", "V3", "V1", "V2"],
            "Miles": [120.5, 80.0, 64.25, 210.0, 33.0, 150.5, 98.0, 45.5],
            "Power (kWh)": [14.0, 31.0, 9.5, 40.0, 6.0, 25.0, 18.0, 7.5],
            "Power Cost ($)": [4.2, 9.3, 2.85, 12.0, 1.8, 7.5, 5.4, 2.25],
            "Parking ($)": [3.0, 0.0, 6.5, 2.0, 0.0, 4.0, 1.5, 8.0],
            "Inspected": ["No", "Yes", "No", "No", "Yes", "No", "Yes", "No"],
        }
    )


def test_without_a_yes_no_column_word_picks_its_no_rows(tmp_path: Path) -> None:
    runs = _runs()
    book = _book(runs, "Runs", tmp_path / "runs.xlsx")
    assert _answer(book, "total miles covered on runs without an inspection") == pytest.approx(
        runs.loc[runs.Inspected == "No", "Miles"].sum()
    )
    assert _answer(book, "how many runs had an inspection") == (runs.Inspected == "Yes").sum()


def test_a_sum_of_money_compares_with_the_money_column(tmp_path: Path) -> None:
    # '$8' stands between 'cost' (Power Cost) and 'power' (Power, in kWh): money is money.
    runs = _runs()
    book = _book(runs, "Runs", tmp_path / "runs.xlsx")
    cheap = (runs["Power Cost ($)"] < 8).sum()
    assert _answer(book, "how many runs cost below $8 in power") == cheap


def test_columns_in_different_units_are_never_added(tmp_path: Path) -> None:
    runs = _runs()
    book = _book(runs, "Runs", tmp_path / "runs.xlsx")
    with pytest.raises(nlsheet.NlsheetError, match="different units"):
        book.ask("power plus parking per van")
    both = (runs["Power Cost ($)"] + runs["Parking ($)"]).groupby(runs.Van).sum()
    got = _answer(book, "power cost plus parking per van")
    assert got == pytest.approx(both.to_dict())


def _reviews() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Review ID": [f"RV-{i:02d}" for i in range(1, 9)],
            "Stars": [5, 2, 4, 3, 5, 1, 4, 2],
            "Text": [
                "Courier was early",
                "Parcel damaged by the courier",
                "Great fit",
                "Slow courier, fine product",
                "Lovely colour",
                "Never arrived",
                "Good value",
                "Late and the box was crushed",
            ],
        }
    )


def test_rows_that_mention_a_word_search_the_text_not_their_ids(tmp_path: Path) -> None:
    reviews = _reviews()
    book = _book(reviews, "Reviews", tmp_path / "reviews.xlsx")
    couriers = reviews.Text.str.contains("courier", case=False).sum()
    assert _answer(book, "how many reviews mention the courier") == couriers


def test_a_value_of_or_more_compares_after_of(tmp_path: Path) -> None:
    reviews = _reviews()
    book = _book(reviews, "Reviews", tmp_path / "reviews.xlsx")
    assert _answer(book, "count reviews with stars of 4 or more") == (reviews.Stars >= 4).sum()
    assert _answer(book, "reviews with stars of 2 or fewer") == (reviews.Stars <= 2).sum()


def _hours() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Consultant": ["Ines Roe", "Jon Park", "Ines Roe", "Kai Wu", "Jon Park", "Kai Wu"],
            "Customer": ["Acme", "Acme", "Bolt", "Bolt", "Core", "Acme"],
            "Hours": [6.0, 3.5, 2.0, 9.0, 7.5, 1.0],
            "Rate": [90.0, 120.0, 90.0, 75.0, 120.0, 75.0],
            "Chargeable": ["Yes", "No", "Yes", "Yes", "Yes", "No"],
            "Comment": ["weekend work", "", "", "weekend cover", "late start", "travel"],
        }
    )


def test_a_product_by_a_key_is_a_total_per_key_not_one_ratio(tmp_path: Path) -> None:
    hours = _hours()
    book = _book(hours, "Hours", tmp_path / "hours.xlsx")
    billed = (hours.Hours * hours.Rate).groupby(hours.Consultant).sum()
    assert _answer(book, "hours times rate per consultant") == pytest.approx(billed.to_dict())


def test_a_yes_no_word_before_a_number_column_picks_rows_in_a_ranking(tmp_path: Path) -> None:
    hours = _hours()
    book = _book(hours, "Hours", tmp_path / "hours.xlsx")
    chargeable = hours[hours.Chargeable == "Yes"].groupby("Consultant").Hours.sum()
    assert _answer(book, "top consultant by chargeable hours") == chargeable.idxmax()


def test_who_asks_which_people_column_when_several_name_people(tmp_path: Path) -> None:
    hours = _hours()
    book = _book(hours, "Hours", tmp_path / "hours.xlsx")
    asked = book.ask("who mentions weekend in the comment")
    assert asked.clarification is not None
    options = {o.label for o in asked.clarification.options}
    assert options == {"values of Consultant", "values of Customer"}
    chosen = book.ask(asked.clarification.options[0].command).value
    weekend = hours[hours.Comment.str.contains("weekend")]
    assert sorted(chosen) == sorted(weekend.Consultant.unique())


def test_a_lookup_over_rows_some_of_them_blank_is_asked(tmp_path: Path) -> None:
    hours = _hours()
    book = _book(hours, "Hours", tmp_path / "hours.xlsx")
    # Jon Park's rows: a blank comment first, then one; the first row's blank is no answer.
    asked = book.ask("what comment did Jon Park leave")
    assert asked.clarification is not None
    assert "blank" in asked.clarification.question


def _units() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Item": ["Kettle", "Toaster", "Blender", "Mixer"],
            "Jan": [0, 14, 0, 9],
            "Feb": [5, 11, 3, 0],
            "Mar": [7, 12, 6, 4],
            "Apr": [9, 10, 8, 6],
        }
    )


def test_a_question_with_zero_in_it_changes_nothing(tmp_path: Path) -> None:
    units = _units()
    book = _book(units, "Units", tmp_path / "units.xlsx")
    assert _answer(book, "items with zero units in jan") == (units.Jan == 0).sum()


def test_numbers_spelt_as_words_are_numbers(tmp_path: Path) -> None:
    units = _units()
    book = _book(units, "Units", tmp_path / "units.xlsx")
    top = units.sort_values("Apr", ascending=False).Item.head(3).tolist()
    rows = _answer(book, "the top three items by apr")
    assert [r["Item"] for r in rows] == top
    assert _answer(book, "items that sold more than ten in feb") == (units.Feb > 10).sum()


def test_a_sum_of_two_columns_without_a_change_word_is_a_question(tmp_path: Path) -> None:
    units = _units()
    book = _book(units, "Units", tmp_path / "units.xlsx")
    both = (units.Jan + units.Feb).groupby(units.Item).sum()
    assert _answer(book, "jan plus feb per item") == both.to_dict()


def test_how_many_more_in_one_period_than_another_is_their_difference(tmp_path: Path) -> None:
    units = _units()
    book = _book(units, "Units", tmp_path / "units.xlsx")
    blender = units[units.Item == "Blender"].iloc[0]
    assert _answer(book, "how many more blenders sold in apr than in feb") == (
        blender.Apr - blender.Feb
    )
    assert _answer(book, "how many fewer units did we sell in jan than in mar") == (
        units.Mar.sum() - units.Jan.sum()
    )


def test_went_down_from_one_year_to_another_compares_the_two(tmp_path: Path) -> None:
    yields = pd.DataFrame(
        {
            "Farm": ["Ash", "Birch", "Cedar", "Dale", "Elm"],
            "2020": [40, 52, 38, 61, 45],
            "2021": [44, 50, 35, 66, 47],
            "2022": [47, 49, 39, 60, 50],
            "2023": [43, 55, 41, 58, 51],
        }
    )
    book = _book(yields, "Yields", tmp_path / "yields.xlsx")
    fell = yields[yields["2023"] < yields["2022"]]
    assert _answer(book, "how many farms went down from 2022 to 2023") == len(fell)
    rose = yields[yields["2023"] > yields["2020"]].Farm.tolist()
    assert sorted(_answer(book, "which farms rose from 2020 to 2023")) == sorted(rose)


def _parcels() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Parcel": [f"PX{i}" for i in range(1, 7)],
            "Booked On": pd.to_datetime(
                ["2025-01-28", "2025-02-03", "2025-02-17", "2025-03-02", "2025-03-09", "2025-01-30"]
            ),
            "Dispatched On": pd.to_datetime(
                ["2025-02-02", "2025-02-04", "2025-03-01", "2025-03-03", "2025-03-10", "2025-02-06"]
            ),
            "Courier": ["Swift", "Swift", "Nord", "Nord", "Swift", "Nord"],
            "Kg": [2.0, 5.5, 1.0, 3.0, 4.0, 2.5],
            "Surcharge": [0.0, 4.5, 0.0, 2.0, 0.0, 1.5],
            "Driver Notes": [
                "left with neighbour",
                "customer asked for a call",
                "",
                "asked for a call first",
                "gate code needed",
                "",
            ],
        }
    )


def test_a_verb_before_a_date_names_its_date_column(tmp_path: Path) -> None:
    parcels = _parcels()
    book = _book(parcels, "Parcels", tmp_path / "parcels.xlsx")
    booked = parcels["Booked On"].dt.month == 2
    dispatched = parcels["Dispatched On"].dt.month == 2
    assert booked.sum() != dispatched.sum()
    assert _answer(book, "how many parcels were booked in February 2025") == booked.sum()
    assert _answer(book, "how many were dispatched in February 2025") == dispatched.sum()
    # A noun for the rows names neither date: asked or refused, never one of them picked.
    result = None
    with contextlib.suppress(nlsheet.NlsheetError):
        result = book.ask("parcels in February 2025")
    assert result is None or result.clarification is not None


def test_notes_that_say_a_word_are_searched(tmp_path: Path) -> None:
    parcels = _parcels()
    book = _book(parcels, "Parcels", tmp_path / "parcels.xlsx")
    calls = parcels["Driver Notes"].str.contains("call").sum()
    assert _answer(book, "how many driver notes say call") == calls
    assert _answer(book, "count the driver notes talking about a call") == calls
    # The column named after the word is the one searched ('in the driver notes').
    couriers = parcels[parcels["Driver Notes"].str.contains("call")].Courier.unique().tolist()
    asked = book.ask("which courier mentions call in the driver notes").clarification
    assert asked is not None  # two couriers: the first, or all of them?
    every = next(o for o in asked.options if o.label.startswith("all the values"))
    assert sorted(_answer(book, every.command)) == sorted(couriers)


def test_had_a_number_column_means_above_zero(tmp_path: Path) -> None:
    parcels = _parcels()
    book = _book(parcels, "Parcels", tmp_path / "parcels.xlsx")
    charged = (parcels.Surcharge > 0).sum()
    assert _answer(book, "how many parcels had a surcharge") == charged


def test_a_participle_after_the_measure_says_how_it_came_about(tmp_path: Path) -> None:
    parcels = _parcels()
    book = _book(parcels, "Parcels", tmp_path / "parcels.xlsx")
    assert _answer(book, "total kg carried for Swift") == pytest.approx(
        parcels.loc[parcels.Courier == "Swift", "Kg"].sum()
    )
    # Before the measure, a word may change it: 'expected kg' is not the kg.
    with pytest.raises(nlsheet.NlsheetError, match="expected"):
        book.ask("total expected kg")


def _tenants() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tenant": ["Ola Berg", "Pia Lund", "Rui Sa", "Sam Orr"],
            "Moved In": pd.to_datetime(["2021-04-01", "2023-09-15", "2022-01-10", "2020-06-30"]),
            "Monthly Rent": [950.0, 1200.0, 870.0, 1010.0],
            "Deposit": [1900.0, 2400.0, 1740.0, 2020.0],
            "Floor": ["2", "5", "1", "3"],
        }
    )


def test_the_latest_of_a_date_is_its_largest(tmp_path: Path) -> None:
    tenants = _tenants()
    book = _book(tenants, "Tenants", tmp_path / "tenants.xlsx")
    latest = tenants.loc[tenants["Moved In"].idxmax(), "Tenant"]
    earliest = tenants.loc[tenants["Moved In"].idxmin(), "Tenant"]
    assert _answer(book, "which tenant moved in most recently") == latest
    assert _answer(book, "which tenant moved in first") == earliest


def test_a_grouping_by_period_of_one_row_is_refused(tmp_path: Path) -> None:
    book = _book(_tenants(), "Tenants", tmp_path / "tenants.xlsx")
    # One tenant's row per year is no grouping: 'per year' there is a rate nobody computed.
    with pytest.raises(nlsheet.NlsheetError, match="one row"):
        book.ask("how much rent does Pia Lund pay per year")


def test_a_measure_by_a_category_names_no_percentile(tmp_path: Path) -> None:
    tenants = _tenants()
    book = _book(tenants, "Tenants", tmp_path / "tenants.xlsx")
    deposits = tenants.groupby("Floor").Deposit.sum().to_dict()
    assert _answer(book, "deposit by floor") == deposits


def test_the_same_currency_said_two_ways_is_one_unit(tmp_path: Path) -> None:
    shops = pd.DataFrame(
        {
            "Shop": ["North", "South", "East"],
            "Sales ($)": [1200.0, 950.0, 700.0],
            "Costs (USD)": [800.0, 600.0, 710.0],
            "Footfall (2024)": [300, 250, 120],
        }
    )
    book = _book(shops, "Shops", tmp_path / "shops.xlsx")
    margin = (shops["Sales ($)"] - shops["Costs (USD)"]).sum()
    assert _answer(book, "total of sales minus costs") == pytest.approx(margin)
