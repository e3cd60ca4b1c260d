"""A yes/no column named by a verb with a doubled consonant ('resitting' beside Resit), the
people asked for in the plural after 'which' (every one, not the first), a sum of money that
no money column can hold (refused, never compared with a count of words), and 'no arrears' over
a column of zeros with a few blanks (the zeros)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet


def _results() -> pd.DataFrame:
    students = ["Ava Roy", "Ben Ode", "Cal Fry", "Dee Lam", "Eve Tan", "Fin Ash"]
    return pd.DataFrame(
        {
            "Student": [s for s in students for _ in range(2)],
            "Subject": ["Maths", "French"] * 6,
            "Mark": [38, 71, 55, 39, 82, 64, 35, 58, 90, 77, 61, 33],
            "Resit": ["Yes", "No", "No", "Yes", "No", "No", "Yes", "No", "No", "No", "No", "Yes"],
        }
    )


def test_a_flag_verb_with_a_doubled_consonant_and_people_in_the_plural(tmp_path: Path) -> None:
    marks = _results()
    book = book_of_frame(marks, "Results", tmp_path / "results.xlsx")
    maths = marks[(marks.Resit == "Yes") & (marks.Subject == "Maths")]
    assert sorted(answer_of(book, "which students are resitting maths")) == sorted(maths.Student)
    assert answer_of(book, "how many students are resitting French") == int(
        ((marks.Resit == "Yes") & (marks.Subject == "French")).sum()
    )


def test_money_no_money_column_can_hold_is_refused(tmp_path: Path) -> None:
    invoices = pd.DataFrame(
        {
            "Invoice No": [f"T-{n}" for n in range(1, 7)],
            "Words": [1200, 800, 2500, 400, 1500, 950],
            "Rate per Word (€)": [0.08, 0.1, 0.08, 0.12, 0.1, 0.12],
            "Status": ["Paid", "Paid", "Unpaid", "Paid", "Unpaid", "Paid"],
        }
    )
    book = book_of_frame(invoices, "Invoices", tmp_path / "invoices.xlsx")
    with pytest.raises(nlsheet.NotUnderstoodError, match="€1,000"):
        book.ask("paid invoices over €1,000")
    assert answer_of(book, "invoices over 1,000 words") == int((invoices.Words > 1000).sum())


def test_no_amount_over_zeros_and_a_few_blanks_is_the_zeros(tmp_path: Path) -> None:
    roll = pd.DataFrame(
        {
            "Property": [f"P{n}" for n in range(1, 9)],
            "Status": ["Occupied"] * 6 + ["Vacant"] * 2,
            "Arrears (£)": [0, 250, 0, 0, 120, 0, None, None],
        }
    )
    book = book_of_frame(roll, "Rent Roll", tmp_path / "roll.xlsx")
    occupied = roll.Status == "Occupied"
    assert answer_of(book, "occupied properties with no arrears") == int(
        (occupied & (roll["Arrears (£)"] == 0)).sum()
    )
