"""The Python API: nlsheet.open on files and DataFrames, Result, explain(), choose()."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CONTRACT_KEYS, SAMPLES

import nlsheet

CONTRACT = CONTRACT_KEYS


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Region": ["West", "East", "West", "North", "East"],
            "Units": [10, 4, 6, 8, 2],
            "Price": [2.5, 3.0, 2.5, 4.0, 3.0],
        }
    )


def test_dataframe_with_conditions_and_groups(frame: pd.DataFrame) -> None:
    book = nlsheet.open(frame)
    west = book.ask("total units for West")
    assert west.value == 16
    assert west.formula == '=SUMIFS(Sheet1!$B$2:$B$6,Sheet1!$A$2:$A$6,"West")'
    grouped = book.ask("average price per region")
    expected = frame.groupby("Region", sort=False)["Price"].mean().to_dict()
    assert grouped.value == pytest.approx(expected)
    assert set(grouped.formulas) == set(expected)


def test_result_carries_the_contract_and_the_plan(frame: pd.DataFrame) -> None:
    result = nlsheet.open(frame).ask("max units where price is over 2.6")
    data = result.to_dict()
    assert set(data) >= CONTRACT
    assert data["value"] == 8
    assert data["route"] == "classifier"
    assert {c["name"] for c in data["columns"]} == {"Units", "Price"}
    assert data["plan"]["where"]["conditions"][0]["cmp"] == "gt"


def test_explain_shows_each_word_to_cell_mapping_with_scores() -> None:
    result = nlsheet.open(SAMPLES / "sales.xlsx").ask("avrage of slaes for West")
    text = result.explain()
    assert "'slaes' -> Sales at Sales!G1 (fuzzy" in text
    assert "'West' -> Region at Sales!B1 (value" in text
    assert "plan where: Region = 'West'" in text
    assert "formula: =AVERAGEIFS(" in text


def test_clarification_is_answered_by_choosing_an_option() -> None:
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    unclear = book.ask("what's the average")
    assert unclear.needs_clarification
    assert unclear.value is None
    labels = [o.label for o in unclear.clarification.options]  # type: ignore[union-attr]
    assert labels == [
        "average of Units",
        "average of Price over the rows",
        "average of Price, each Product once",
        "average of Sales",
    ]
    chosen = unclear.choose("average of Price over the rows")
    frame = pd.read_excel(SAMPLES / "sales.xlsx", engine="openpyxl")
    assert chosen.value == pytest.approx(frame["Price"].mean())
    once = unclear.choose(2)
    assert once.value == pytest.approx(frame.drop_duplicates("Product")["Price"].mean())
    with pytest.raises(ValueError, match="expected one of"):
        unclear.choose("median of nothing")


def test_answered_result_cannot_choose() -> None:
    result = nlsheet.open(SAMPLES / "sales.xlsx").ask("total units")
    with pytest.raises(ValueError, match="does not ask"):
        result.choose(0)


def test_choosing_an_option_keeps_the_conditions() -> None:
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    unclear = book.ask("what is the average for West")
    assert unclear.needs_clarification
    chosen = unclear.choose("average of Sales")
    frame = pd.read_excel(SAMPLES / "sales.xlsx", engine="openpyxl")
    west = frame[frame["Region"] == "West"]["Sales"]
    assert chosen.value == pytest.approx(west.mean())
    assert chosen.formula == '=AVERAGEIFS(Sales!$G$2:$G$201,Sales!$B$2:$B$201,"West")'


def test_a_stated_intent_skips_the_classifier() -> None:
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    frame = pd.read_excel(SAMPLES / "sales.xlsx", engine="openpyxl")
    north = frame[frame["Region"] == "North"]["Sales"]
    stated = book.ask("median: sales in the north")
    assert stated.intent == "median"
    assert stated.confidence == 1.0
    assert stated.value == pytest.approx(north.median())
    # A word before a colon that is no intent is part of the command, and a word nlsheet cannot
    # place: the answer is refused, naming it, rather than given without it.
    with pytest.raises(nlsheet.NotUnderstoodError, match="'note'"):
        book.ask("note: sales in the north")
