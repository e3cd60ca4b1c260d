"""Identifiers asked for in the plural are listed: 'claim refs with zip in the description'
shows the refs of every row it picks, where 'claims with zip in the description' counts the
claims (a bare description of the rows)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import answer_of, book_of_frame


def _claims() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Claim Ref": [f"BG-{n}" for n in range(501, 509)],
            "Passenger": ["Ames", "Byrne", "Cole", "Dunn", "Egan", "Fahy", "Grey", "Hale"],
            "Amount (€)": [120.0, 80.0, 455.0, 60.0, 230.0, 75.0, 310.0, 95.0],
            "Description": [
                "broken zip on side pocket",
                "wheel snapped",
                "bag lost in transfer",
                "zip torn, contents fine",
                "handle cracked",
                "delayed two days",
                "zip and strap broken",
                "scuffed corner",
            ],
        }
    )


def test_plural_identifiers_are_listed_and_bare_descriptions_counted(tmp_path: Path) -> None:
    claims = _claims()
    book = book_of_frame(claims, "Claims", tmp_path / "claims.xlsx")
    zipped = claims.Description.str.contains("zip")
    listed = answer_of(book, "claim refs with 'zip' in the description")
    assert sorted(listed) == sorted(claims.loc[zipped, "Claim Ref"])
    assert answer_of(book, "claims with 'zip' in the description") == int(zipped.sum())


def test_a_question_after_a_dash_is_no_change(tmp_path: Path) -> None:
    # 'order by value' reads like a sort, but '- which order id?' asks a question.
    orders = pd.DataFrame(
        {
            "Order ID": ["F-1", "F-2", "F-3", "F-4"],
            "Qty": [2, 5, 1, 3],
            "Unit Price (£)": [60.0, 45.0, 180.0, 45.0],
        }
    )
    book = book_of_frame(orders, "Ticket Sales", tmp_path / "tickets.xlsx")
    value = orders["Qty"] * orders["Unit Price (£)"]
    result = book.ask("biggest order by value - which order id?")
    assert not result.changes
    assert result.value == orders["Order ID"][value.idxmax()]
