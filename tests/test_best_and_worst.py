"""'Best' and 'worst' rank by what the figure measures: the worst delay is the longest, the
best score the highest, the best finishing time the shortest; over a figure whose header does
not say which way is better the highest is best, and the answer says so. Checked against pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import answer_of, book_of_frame


def _routes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Route": ["Leeds-Paris", "Leeds-Rome", "York-Oslo", "Hull-Riga", "Bath-Nice"],
            "Avg Delay (min)": [12.5, 31.0, 4.0, 18.5, 9.0],
            "Satisfaction Score": [7.1, 5.2, 8.8, 6.0, 7.9],
            "Finish Time (min)": [95.0, 110.0, 88.0, 101.0, 120.0],
            "Seats": [180, 150, 120, 90, 160],
        }
    )


def test_worst_and_best_follow_which_way_the_figure_is_better(tmp_path: Path) -> None:
    routes = _routes()
    book = book_of_frame(routes, "Routes", tmp_path / "routes.xlsx")

    def route(column: str, largest: bool) -> str:
        ranked = routes.sort_values(column, ascending=not largest)
        return str(ranked["Route"].iloc[0])

    assert answer_of(book, "which route has the worst delay") == route("Avg Delay (min)", True)
    assert answer_of(book, "which route has the best delay") == route("Avg Delay (min)", False)
    assert answer_of(book, "route with the worst satisfaction score") == route(
        "Satisfaction Score", False
    )
    assert answer_of(book, "which route had the best finish time") == route(
        "Finish Time (min)", False
    )
    assert answer_of(book, "what's the worst delay") == routes["Avg Delay (min)"].max()
    # Words that say the end themselves are kept: the lowest delay is the lowest.
    assert answer_of(book, "which route has the lowest delay") == route("Avg Delay (min)", False)


def test_best_over_a_figure_that_does_not_say_is_the_highest_and_says_so(
    tmp_path: Path,
) -> None:
    routes = _routes()
    book = book_of_frame(routes, "Routes", tmp_path / "routes.xlsx")
    result = book.ask("which route has the best seats")
    assert result.value == routes.sort_values("Seats")["Route"].iloc[-1]
    assert "'best' read as the highest Seats" in result.notes
