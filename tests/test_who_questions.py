"""'Who' asks for a person. Over a table that names people in one column, a 'who' question is
answered from that column, or from the column said right after 'who is' / 'who was'; a column
of other things picked after another verb ('who won the race', 'who rode in the race') or a
number ('who pays the fee') is refused with the people's column named, never answered with a
race's name or an amount."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet


def _results() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Race": ["Coast Classic"] * 3 + ["Valley Sprint"] * 3 + ["Ridge Climb"] * 3,
            "Date": [dt.datetime(2024, 4, 6)] * 3
            + [dt.datetime(2024, 5, 18)] * 3
            + [dt.datetime(2024, 6, 1)] * 3,
            "Rider": ["Ola Berg", "Tim Rusk", "Ana Lind"] * 3,
            "Team": ["Nordic", "Vela", "Apex"] * 3,
            "Position": [2, 1, 3, 1, 3, 2, 3, 2, 1],
            "Entry Fee": [20.0, 20.0, 20.0, 35.0, 35.0, 35.0, 25.0, 25.0, 25.0],
        }
    )


@pytest.mark.parametrize(
    "command",
    [
        "who won the race on 18 May",
        "who rode in the race on 18 May",
        "who entered the race on 1 June",
        "who raced on 18 May",
        "who was in the race on 18 May",
        "who pays the entry fee for the Coast Classic",
    ],
)
def test_who_answered_from_a_column_of_no_one_is_refused(tmp_path: Path, command: str) -> None:
    book = book_of_frame(_results(), "Results", tmp_path / "results.xlsx")
    with pytest.raises(nlsheet.NotUnderstoodError, match="asks for a person \\(Rider\\)"):
        book.ask(command)


def test_who_is_answered_from_the_people_or_the_column_said(tmp_path: Path) -> None:
    results = _results()
    book = book_of_frame(results, "Results", tmp_path / "results.xlsx")
    assert answer_of(book, "who was on team Vela") == "Tim Rusk"
    # 'who was the team' names what is asked: a team, though no person.
    assert answer_of(book, "who was the team of Tim Rusk in the Ridge Climb") == "Vela"
