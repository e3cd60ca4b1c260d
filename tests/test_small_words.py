"""Small words that change the answer: a negation ('not from the Central branch', 'neither
Fiction nor Poetry'), the bound of a comparison ('300 pages or more', 'at least 4 stars') and a
bare 'no' ('loans with no late fee'). The command language lists them, so they could stand
anywhere unused; an answer that dropped one answered another question (the members who did
borrow poetry for 'never borrowed poetry'). Each is used by the reading or the command is
refused naming it. Checked against pandas on a library's loans written for it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity, soffice

import nlsheet
from nlsheet.errors import NotUnderstoodError


def _loans() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Loan ID": [f"B{i:02d}" for i in range(1, 13)],
            "Member": [
                "Ada Quist",
                "Bo Lindqvist",
                "Ada Quist",
                "Cy Marsh",
                "Dora Penn",
                "Bo Lindqvist",
                "Cy Marsh",
                "Ada Quist",
                "Dora Penn",
                "Cy Marsh",
                "Bo Lindqvist",
                "Dora Penn",
            ],
            "Branch": [
                "Central",
                "Eastside",
                "Hillview",
                "Central",
                "Central",
                "Hillview",
                "Eastside",
                "Central",
                "Hillview",
                "Central",
                "Eastside",
                "Hillview",
            ],
            "Genre": [
                "Fiction",
                "Poetry",
                "History",
                "Fiction",
                "Science",
                "Fiction",
                "History",
                "Poetry",
                "Science",
                "Fiction",
                "History",
                "Fiction",
            ],
            "Pages": [320, 96, 410, 288, 500, 300, 352, 120, 275, 300, 640, 199],
            "Returned": [
                "Yes",
                "No",
                "Yes",
                "Yes",
                "No",
                "Yes",
                "No",
                "Yes",
                "Yes",
                "No",
                "Yes",
                "Yes",
            ],
            "Late Fee": [0.0, 2.5, 0.0, 0.0, 4.0, 1.0, 0.0, 0.0, 3.5, 0.0, 0.0, 1.5],
            "Stars": [4, 5, 3, 2, 4, 5, 1, 3, 4, 2, 5, 3],
        }
    )


@pytest.fixture
def loans(tmp_path: Path) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _loans()
    return book_of_frame(frame, "Loans", tmp_path / "loans.xlsx"), frame


def _path(tmp_path: Path) -> Path:
    return tmp_path / "loans.xlsx"


def test_a_negated_value_is_every_other_row(loans: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = loans
    assert answer_of(book, "how many loans were not from the Central branch") == (
        (f.Branch != "Central").sum()
    )
    assert answer_of(book, "how many loans didn't come from Hillview") == (
        (f.Branch != "Hillview").sum()
    )
    assert answer_of(book, "count loans except those at Eastside") == (
        (f.Branch != "Eastside").sum()
    )
    assert answer_of(book, "total pages, not counting Central") == (
        f.Pages[f.Branch != "Central"].sum()
    )
    both = ~f.Genre.isin(["Fiction", "Poetry"])
    assert answer_of(book, "how many loans are neither fiction nor poetry") == both.sum()


def test_a_bound_after_the_column_named(loans: tuple[nlsheet.Book, pd.DataFrame]) -> None:
    book, f = loans
    assert answer_of(book, "how many loans of 300 pages or more") == (f.Pages >= 300).sum()
    assert answer_of(book, "loans with 300 pages or fewer") == (f.Pages <= 300).sum()
    assert answer_of(book, "how many loans with 4 stars or more") == (f.Stars >= 4).sum()
    assert answer_of(book, "average late fee of loans with 3 stars and up") == pytest.approx(
        f["Late Fee"][f.Stars >= 3].mean()
    )


def test_a_bare_no_is_no_answer_of_a_yes_no_column(
    loans: tuple[nlsheet.Book, pd.DataFrame],
) -> None:
    book, f = loans
    # 'no' before a noun or in 'no more than' says nothing about Returned.
    assert answer_of(book, "how many loans have no late fee") == (f["Late Fee"] <= 0).sum()
    assert answer_of(book, "how many loans with no more than 2 stars") == (f.Stars <= 2).sum()
    # Said as the column's answer, it is one.
    returned_no = (f.Returned == "No").sum()
    assert answer_of(book, "how many loans returned no") == returned_no
    assert answer_of(book, "how many loans where returned is no") == returned_no
    assert answer_of(book, "how many yes in returned") == (f.Returned == "Yes").sum()


@pytest.mark.parametrize(
    ("command", "word"),
    [
        # The members with no poetry loan at all, not the rows of other genres.
        ("which members have never borrowed poetry", "never"),
        ("which member has not borrowed any history", "not"),
        ("loans under 300 pages or more", "or more"),
    ],
)
def test_a_negation_or_bound_the_reading_cannot_use_is_refused(
    loans: tuple[nlsheet.Book, pd.DataFrame], command: str, word: str
) -> None:
    book, _ = loans
    with pytest.raises(NotUnderstoodError) as raised:
        book.ask(command)
    assert raised.value.found is not None and word in raised.value.found


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_formulas_of_negated_and_bounded_tests(
    loans: tuple[nlsheet.Book, pd.DataFrame], tmp_path: Path
) -> None:
    book, _ = loans
    commands = [
        "how many loans were not from the Central branch",
        "how many loans are neither fiction nor poetry",
        "how many loans of 300 pages or more",
        "how many loans have no late fee",
    ]
    results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
    work = tmp_path / "work"
    work.mkdir()
    assert not check_parity(_path(tmp_path), results, work)
