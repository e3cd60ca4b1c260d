"""Words no reading may swallow or bend: a number beside a header ('fewer than 20 tickets
sold'), a name made of a number and letters ('2D'), a noun for the rows that looks like a
header ('screenings' beside Screen) or stands in the notes ('payslips'), 'ordered' after an
amount, a search that finds nothing, and 'offline' beside an Online column."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet
from nlsheet.nlu.slots import find_numbers


def _screenings() -> pd.DataFrame:
    rng = random.Random(8)
    rows = []
    for i in range(80):
        rows.append(
            {
                "Date": dt.date(2024, 1, 1) + dt.timedelta(days=i * 2),
                "Film": rng.choice(["Dune Sea", "Low Tide", "Night Bus"]),
                "Screen": rng.choice([1, 2, 3]),
                "Tickets Sold": rng.randrange(5, 150),
                "3D": rng.choice(["Yes", "No"]),
                "Notes": rng.choice(["", "screening ran late", "projector fault", "full house"]),
            }
        )
    return pd.DataFrame(rows)


def test_a_number_beside_a_header_is_not_part_of_it(tmp_path: Path) -> None:
    shows = _screenings()
    book = book_of_frame(shows, "Screenings", tmp_path / "cinema.xlsx")
    sold = shows["Tickets Sold"]
    assert answer_of(book, "screenings with fewer than 20 tickets sold") == int((sold < 20).sum())
    # 'screenings' is the rows, not the Screen column it resembles.
    assert answer_of(book, "average tickets sold per screening") == pytest.approx(sold.mean())
    in_two = int((shows.Screen == 2).sum())
    assert answer_of(book, "how many screenings in screen 2") == in_two


def test_a_number_run_into_letters_is_a_name() -> None:
    assert [n.value for n in find_numbers("2D screenings of Dune Sea")] == []
    assert [n.value for n in find_numbers("4WD cars over 5kg")] == [5.0]
    assert [(n.value, n.unit) for n in find_numbers("jobs over 24h")] == [(24.0, "h")]


def test_a_word_no_reading_takes_is_never_dropped(tmp_path: Path) -> None:
    book = book_of_frame(_screenings(), "Screenings", tmp_path / "cinema.xlsx")
    # '2D' is no number and no value here: asked or refused, never the count of every film.
    try:
        result = book.ask("2D screenings of Dune Sea")
    except nlsheet.NlsheetError as exc:
        assert "2d" in exc.message
    else:
        assert result.clarification is not None


def test_the_counted_noun_is_no_search_of_the_notes(tmp_path: Path) -> None:
    rng = random.Random(2)
    pay = pd.DataFrame(
        {
            "Employee": [rng.choice(["Ann", "Raj", "Tom", "Lu"]) for _ in range(30)],
            "Net Pay": [rng.randrange(1500, 4000) for _ in range(30)],
            "Paid": [rng.choice(["Yes", "Yes", "No"]) for _ in range(30)],
            "Notes": [rng.choice(["", "payslip reissued", "bonus"]) for _ in range(30)],
        }
    )
    book = book_of_frame(pay, "Staff Pay", tmp_path / "pay.xlsx")
    # On a sheet that does not call its rows payslips, the word is not understood: never the
    # rows whose notes happen to say 'payslip'.
    for command in ("how many payslips were paid", "average net pay per payslip"):
        with pytest.raises(nlsheet.NlsheetError, match="payslip"):
            book.ask(command)
    # Searched for in so many words, it is a search.
    said = int(pay.Notes.str.contains("payslip").sum())
    assert answer_of(book, "how many rows whose notes mention payslip") == said
    # On a payroll sheet, payslips are its rows.
    payroll = book_of_frame(pay, "Payroll", tmp_path / "payroll.xlsx")
    assert answer_of(payroll, "how many payslips were paid") == int((pay.Paid == "Yes").sum())


def test_ordered_after_an_amount_is_no_sort(tmp_path: Path) -> None:
    rng = random.Random(4)
    orders = pd.DataFrame(
        {
            "Order Date": [dt.date(2024, 1 + i % 3, 1 + i) for i in range(24)],
            "Category": [rng.choice(["Paint", "Tools"]) for _ in range(24)],
            "Qty": [rng.randrange(1, 50) for _ in range(24)],
        }
    )
    book = book_of_frame(orders, "Orders", tmp_path / "orders.xlsx")
    result = book.ask("quantity ordered by category")
    assert not result.changes and result.value == orders.groupby("Category").Qty.sum().to_dict()
    assert book.ask("rows ordered by qty").changes


def test_a_search_that_finds_nothing_is_said(tmp_path: Path) -> None:
    book = book_of_frame(_screenings(), "Screenings", tmp_path / "cinema.xlsx")
    with pytest.raises(nlsheet.NlsheetError, match="no cell of Notes contains"):
        book.ask("how many screenings where the notes mention a broken seat")
    assert answer_of(book, "how many screenings where the notes mention projector") > 0


def test_off_is_the_opposite_of_on(tmp_path: Path) -> None:
    sites = pd.DataFrame(
        {"Site": ["A", "B", "C", "D", "E"], "Online": ["Yes", "No", "Yes", "No", "No"]}
    )
    book = book_of_frame(sites, "Sites", tmp_path / "sites.xlsx")
    assert answer_of(book, "how many sites are offline") == 3
    assert answer_of(book, "how many sites are online") == 2


def test_a_name_typed_in_part_of_several_is_asked(tmp_path: Path) -> None:
    grants = pd.DataFrame(
        {
            "Ref": [f"G{i}" for i in range(12)],
            "Organisation": [
                *("Green Roots Trust", "Green Roots Foundation", "Valley Rivers Trust"),
                *("Harbour Music School", "Green Roots Trust", "Open Road Cycling"),
                *("Urban Bees Project", "Westside Boxing Club", "Pathways Mentoring"),
                *("Digital Bridge CIC", "Kindred Mental Health", "Silver Threads Seniors"),
            ],
            "Requested": [5000 + 1000 * i for i in range(12)],
        }
    )
    book = book_of_frame(grants, "Applications", tmp_path / "grants.xlsx")
    asked = book.ask("how many applications from Green Roots").clarification
    assert asked is not None
    assert [o.label for o in asked.options] == [
        "Green Roots Foundation",
        "Green Roots Trust",
        "all 2 with 'Green Roots' in Organisation",
    ]
    assert [answer_of(book, o.command) for o in asked.options] == [1, 2, 3]
    # A name that is part of one only is that one.
    assert answer_of(book, "how many applications from Valley") == 1
    # Long names are still names, not notes: title case, however many words.
    longer = grants.assign(Organisation=grants.Organisation + " of the North Riding")
    book = book_of_frame(longer, "Applications", tmp_path / "longer.xlsx")
    asked = book.ask("show the applications from Green Roots").clarification
    assert asked is not None
    assert len(asked.options) == 3, asked


def test_whether_still_names_a_second_key(tmp_path: Path) -> None:
    shows = pd.DataFrame(
        {
            "Show": [f"S{i}" for i in range(8)],
            "Genre": ["Tech", "Tech", "Comedy", "Comedy", "Tech", "News", "News", "Comedy"],
            "Active": ["Yes", "No", "Yes", "Yes", "Yes", "No", "Yes", "No"],
        }
    )
    book = book_of_frame(shows, "Shows", tmp_path / "shows.xlsx")
    expected = {
        genre: group.Active.value_counts().to_dict() for genre, group in shows.groupby("Genre")
    }
    said = "number of shows by genre and whether they're still active"
    assert answer_of(book, said) == expected
