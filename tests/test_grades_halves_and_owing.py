"""Everyday words read for what they say over small workbooks of our own: grades with a mark
('an A*'), every form of a searched verb, halves of a month, a plural that names the rows and
not a yes/no column, the items a sheet of sales counts, owing money, contact details that name
no one, sizes with a bare unit, 'at most' that ranks nothing, two keys over a column per month,
a yes/no header that is no amount, and 'under an hour'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet
from nlsheet.errors import NlsheetError, NotUnderstoodError


def _marks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Pupil": ["Ada", "Ben", "Cai", "Dee", "Eve", "Fay", "Gus", "Hal"],
            "Set": ["9X", "9X", "9X", "9Y", "9Y", "9X", "9Y", "9X"],
            "Grade": ["A*", "A", "B", "A*", "C", "A", "B", "C"],
        }
    )


def test_a_grade_keeps_its_mark_and_a_capital_after_an_article_is_a_grade(
    tmp_path: Path,
) -> None:
    f = _marks()
    book = book_of_frame(f, "Marks", tmp_path / "marks.xlsx")
    assert answer_of(book, "how many pupils got an A*") == (f.Grade == "A*").sum()
    assert answer_of(book, "how many pupils got an A") == (f.Grade == "A").sum()
    both = f.Grade.isin(["A", "A*"]) & (f.Set == "9X")
    listed = answer_of(book, "list the 9X pupils with an A or an A*")
    assert sorted(listed) == sorted(f.Pupil[both])
    # The formula tests the star as a character, not as a wildcard.
    assert "~*" in (book.ask("how many pupils got an A*").formula or "")


def test_a_searched_verb_finds_its_other_forms(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Call": [f"C{i}" for i in range(11)],
            "Notes": [
                "customer complained twice",
                "Complaining about noise",
                "happy with service",
                "complaint logged",
                "no issue",
                "complained on the phone",
                "asked for refund",
                "",
                "wants a callback",
                "line was noisy",
                "thanked the agent",
            ],
        }
    )
    book = book_of_frame(f, "Calls", tmp_path / "calls.xlsx")
    said = f.Notes.str.contains("complain", case=False)
    assert answer_of(book, "how many calls mention complaining") == said.sum()
    assert answer_of(book, "how many calls are about complaining") == said.sum()


def _bakes() -> pd.DataFrame:
    days = [dt.datetime(2025, 4, d) for d in (2, 9, 15, 16, 22, 30)]
    days += [dt.datetime(2025, 5, 3), dt.datetime(2025, 9, 12)]
    return pd.DataFrame({"Day": days, "Loaves": [10, 20, 30, 40, 50, 60, 70, 80]})


def test_a_half_of_a_month_is_its_first_fifteen_days_or_the_rest(tmp_path: Path) -> None:
    f = _bakes()
    book = book_of_frame(f, "Bakes", tmp_path / "bakes.xlsx")
    april = f.Day.dt.month == 4
    early = april & (f.Day.dt.day <= 15)
    assert answer_of(book, "total loaves in the first half of April") == f.Loaves[early].sum()
    assert answer_of(book, "how many loaves in the second half of april 2025") == (
        f.Loaves[april & ~early].sum()
    )
    second = f.Day.dt.month >= 7
    assert answer_of(book, "total loaves in the second half of the year") == (
        f.Loaves[second].sum()
    )
    # 'first' in a period asks for no minimum.
    assert answer_of(book, "total loaves in the first half") == f.Loaves[~second].sum()


def test_a_plural_for_part_of_a_yes_no_header_names_the_rows(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Received": [dt.datetime(2025, 1, d) for d in (3, 3, 4, 5, 6)],
            "Giver": ["Ann", "Bo", "Cy", "Di", "Ed"],
            "Pledge Bonus": ["Yes", "No", "Yes", "No", "No"],
            "Pledge Matched": ["No", "No", "Yes", "Yes", "No"],
            "Amount": [10, 20, 30, 40, 50],
        }
    )
    book = book_of_frame(f, "Gifts", tmp_path / "gifts.xlsx")
    # 'pledges' are neither yes/no column: no Yes or No is looked up for them.
    with pytest.raises(NotUnderstoodError):
        book.ask("pledges received on 4 Jan")
    # A yes/no question about that day may read the column.
    asked = book.ask("was the pledge received on 4 Jan matched")
    assert asked.clarification is not None or asked.value == "Yes"
    assert (
        answer_of(book, "how many gifts had a pledge bonus") == (f["Pledge Bonus"] == "Yes").sum()
    )


def _ticket_sales() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ref": ["T1", "T2", "T3", "T4", "T5", "T6"],
            "Sold On": [dt.datetime(2025, m, 1) for m in (1, 2, 4, 5, 5, 8)],
            "Channel": ["Web", "Desk", "Web", "App", "Web", "Desk"],
            "Buyer": ["Kim", "Lee", "Kim", "Max", "Ned", "Lee"],
            "Buyer Email": ["k@x.org", "l@x.org", "k@x.org", "m@x.org", "n@x.org", "l@x.org"],
            "Qty": [2, 1, 4, 3, 5, 2],
        }
    )


def test_the_items_a_sheet_of_sales_names_are_its_quantity(tmp_path: Path) -> None:
    f = _ticket_sales()
    book = book_of_frame(f, "Seat Sales", tmp_path / "seats.xlsx")
    q2 = f["Sold On"].dt.month.between(4, 6)
    assert answer_of(book, "how many seats did we sell in Q2") == f.Qty[q2].sum()
    assert (
        answer_of(book, "seats by channel") == f.groupby("Channel", sort=False).Qty.sum().to_dict()
    )
    # A person is named by a name, not by an e-mail address.
    assert answer_of(book, "who bought the most seats") == "Kim"
    # The sales themselves are listed when the words ask for them.
    assert answer_of(book, "how many seat sales were there") == len(f)


def _rents(**extra: list[float]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Unit": ["U1", "U2", "U3", "U4", "U5"],
            "Tenant": ["Aoife", "Bram", "Cleo", "Dev", "Esme"],
            "Monthly Rent": [900.0, 950.0, 1000.0, 1100.0, 1200.0],
        }
    )
    for name, values in extra.items():
        frame[name.replace("_", " ")] = values
    return frame


def test_owing_money_is_an_amount_owed_above_zero(tmp_path: Path) -> None:
    f = _rents(Balance_Owed=[0.0, 150.0, 0.0, 75.5, 0.0])
    book = book_of_frame(f, "Rents", tmp_path / "rents.xlsx")
    owing = f["Balance Owed"] > 0
    assert sorted(answer_of(book, "which tenants are behind on their rent")) == sorted(
        f.Tenant[owing]
    )
    assert answer_of(book, "how many tenants owe money") == owing.sum()
    assert answer_of(book, "how many tenants are not in arrears") == (~owing).sum()
    assert answer_of(book, "tenants with balance owed") == owing.sum()


def test_owing_is_less_paid_than_due_and_refused_without_amounts(tmp_path: Path) -> None:
    f = _rents(Amount_Due=[900.0, 950.0, 1000.0, 1100.0, 1200.0])
    f["Amount Paid"] = [900.0, 800.0, 1000.0, 0.0, 1200.0]
    book = book_of_frame(f, "Rents", tmp_path / "rents.xlsx")
    short = f["Amount Paid"] < f["Amount Due"]
    assert sorted(answer_of(book, "which tenants still owe money")) == sorted(f.Tenant[short])
    plain = book_of_frame(_rents(), "Rents", tmp_path / "plain.xlsx")
    with pytest.raises(NotUnderstoodError, match="amounts owed"):
        plain.ask("which tenants are behind on rent")
    # 'behind' alone says nothing nlsheet can read: refused, never every tenant.
    with pytest.raises(NlsheetError, match="behind"):
        plain.ask("how many tenants are behind")


def test_a_size_with_a_bare_unit_names_the_rows(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Case": ["K1", "K2", "K3", "K4"],
            "Parcel Weight kg": [2.5, 31.0, 12.0, 40.5],
            "Parcel Lost": ["No", "Yes", "No", "No"],
        }
    )
    book = book_of_frame(f, "Cases", tmp_path / "cases.xlsx")
    assert answer_of(book, "parcels heavier than 20 kg") == (f["Parcel Weight kg"] > 20).sum()


def test_at_most_ranks_nothing(tmp_path: Path) -> None:
    f = pd.DataFrame({"PO": ["P1", "P2", "P3", "P4"], "Discount": [0.0, 0.05, 0.1, 0.02]})
    book = book_of_frame(f, "Orders", tmp_path / "po.xlsx")
    assert answer_of(book, "orders with a discount of at most 5%") == (f.Discount <= 0.05).sum()


def _beds() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Ward": ["Ash", "Birch", "Cedar", "Dove"],
            "Site": ["North", "North", "South", "South"],
            "Kind": ["Surgery", "Maternity", "Surgery", "Surgery"],
        }
    )
    for i, month in enumerate(("Jan", "Feb", "Mar")):
        frame[month] = [10 + i, 20 + i, 30 + i, 40 + i]
    return frame


def test_two_keys_over_a_column_per_month(tmp_path: Path) -> None:
    f = _beds()
    book = book_of_frame(f, "Admissions", tmp_path / "beds.xlsx")
    f["all"] = f[["Jan", "Feb", "Mar"]].sum(axis=1)
    expected: dict[str, dict[str, float]] = {}
    for (site, kind), total in f.groupby(["Site", "Kind"], sort=False)["all"].sum().items():
        expected.setdefault(site, {})[kind] = total
    assert answer_of(book, "admissions by site and kind") == expected
    # A figure per month for each site is not the year's sum: refused, not summed.
    with pytest.raises(NotUnderstoodError, match="table of its own"):
        book.ask("monthly admissions by site")


def test_a_yes_no_header_word_is_no_amount(tmp_path: Path) -> None:
    f = pd.DataFrame(
        {
            "Client": ["Oak", "Pine", "Oak", "Yew"],
            "Hours": [2.0, 3.5, 1.0, 4.0],
            "Hourly Rate": [50.0, 60.0, 50.0, 70.0],
            "Invoiced": ["Yes", "No", "No", "Yes"],
        }
    )
    book = book_of_frame(f, "Log", tmp_path / "log.xlsx")
    assert answer_of(book, "how many hours haven't been invoiced yet") == (
        f.Hours[f.Invoiced == "No"].sum()
    )


def test_under_an_hour_is_under_one_and_a_comparison_is_never_dropped(tmp_path: Path) -> None:
    f = pd.DataFrame({"Task": ["a", "b", "c", "d"], "Hours": [0.5, 1.0, 0.25, 30.0]})
    book = book_of_frame(f, "Tasks", tmp_path / "tasks.xlsx")
    assert answer_of(book, "tasks under an hour") == (f.Hours < 1).sum()
    # A number in another unit of time is converted into the column's: a day is 24 hours.
    assert answer_of(book, "how many tasks took more than a day") == (f.Hours > 24).sum()
    # No task reaches a week: the number may weigh something else, so nlsheet asks for words.
    with pytest.raises(NlsheetError):
        book.ask("how many tasks took more than a week")
    assert answer_of(book, "tasks over 45 mins") == (f.Hours > 0.75).sum()
    assert (
        book.ask("tasks over 45 mins").formula
        == '=COUNTIFS(Tasks!$B$2:$B$5,">0.75",Tasks!$A$2:$A$5,"<>")'
    )
    # A weight is no number of hours.
    with pytest.raises(NlsheetError):
        book.ask("tasks over 2 kg")
    # A comparison with nothing nlsheet can read is never dropped to count every task.
    try:
        result = book.ask("how many tasks came in under the wire")
    except NlsheetError:
        return
    assert result.clarification is not None


def test_the_owing_words_need_nlsheet_open_only(tmp_path: Path) -> None:
    """The same reading through a file opened anew (no state kept between asks)."""
    f = _rents(Arrears=[0.0, 10.0, 0.0, 0.0, 5.0])
    path = tmp_path / "arrears.xlsx"
    book_of_frame(f, "Rents", path)
    assert nlsheet.open(path).ask("how many tenants are in arrears").value == 2
