"""Which column a word names when several could: ties settled by the rest of the command, never
by a column's position; words that name a header although commands use them too; a number that
is part of a cell value; and answers that would only give the user's own words back.

Each table is built here from Python lists and each expected answer computed from those lists.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import nlsheet


def _answer(book: nlsheet.Book, command: str) -> Any:
    result = book.ask(command)
    assert result.clarification is None, (command, result.clarification)
    return result.value


def _towns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ref": ["EL", "BR", "CO", "DU"],
            "Town": ["Elmford", "Bramley", "Coldwick", "Dunmere"],
            "Residents (2010 count)": [4120, 8800, 1530, 2675],
            "Residents (2020 count)": [4610, 9240, 9500, 3010],
            "Households": [1800, 3900, 700, 1200],
        }
    )


def test_a_year_said_once_picks_the_header_that_carries_it() -> None:
    frame = _towns()
    book = nlsheet.open(frame)
    elmford = frame[frame["Town"] == "Elmford"].iloc[0]
    assert (
        _answer(book, "how many residents lived in Elmford in 2020")
        == (elmford["Residents (2020 count)"])
    )
    assert _answer(book, "residents of the town with ref BR in 2010") == 8800
    # The year is the header's, not a condition: no date column is looked for.
    assert _answer(book, "which town had the most residents in 2010") == "Bramley"
    assert _answer(book, "which town had the most residents in 2020") == "Coldwick"


def test_a_word_fitting_two_headers_alike_is_asked_whatever_its_place() -> None:
    """'residents' fits both census columns; before, only the first mention's ties were
    asked and a later one silently took the leftmost column."""
    book = nlsheet.open(_towns())
    for command in (
        "what is the ref of the town with 1530 residents",
        "households of the town whose residents are listed as 4610",
    ):
        assert book.ask(command).clarification is not None, command
    tie = book.ask("how many residents lived in Dunmere")
    assert tie.clarification is not None
    labels = " ".join(o.label for o in tie.clarification.options)
    assert "2010" in labels and "2020" in labels
    values = sorted(book.ask(o.command).value for o in tie.clarification.options)
    assert values == [2675, 3010]


def test_the_column_holding_the_value_or_typed_in_full_settles_a_tie() -> None:
    stops = pd.DataFrame(
        {
            "Stop Code": ["KGX", "YRK", "DAR"],
            "Stop Name": ["Kings Cross", "York", "Darlington"],
            "Arrives": ["09:10", "11:02", "11:31"],
        }
    )
    # 'stop' fits Stop Code and Stop Name alike; 'York' is held by Stop Name.
    assert _answer(nlsheet.open(stops), "when does it arrive at the York stop?") == "11:02"
    margins = pd.DataFrame(
        {"Line": ["Tea", "Jam", "Oat"], "Margin": [12, 30, 7], "Margin %": [0.2, 0.31, 0.08]}
    )
    # 'margin' is the whole header Margin; Margin % only shares its words.
    assert _answer(nlsheet.open(margins), "which line has a margin of 30") == "Jam"


def test_header_words_the_commands_also_use_name_the_header_when_typed_so() -> None:
    fixtures = pd.DataFrame(
        {
            "Match no": ["1", "2", "Replay", "3"],
            "Home side": ["Ashby", "Blyth", "Crewe", "Dover"],
            "Away side": ["Eton", "Fife", "Blyth", "Goole"],
            "Score": ["2–1", "0–0", "1–3", "4–2"],
        }
    )
    book = nlsheet.open(fixtures)
    # 'home' and 'away' are words of commands too ('at home games'); typed with the header's
    # capitals, or right after 'which', they name Home side and Away side.
    assert _answer(book, "Which Away has a Match no of 3?") == "Goole"
    assert _answer(book, "which home side has a score of 0–0") == "Blyth"
    assert _answer(book, "Which Home has a Match no of Replay and a Score of 1–3?") == "Crewe"
    players = pd.DataFrame(
        {"Player name": ["Ola", "Per", "Siv"], "Club": ["A", "B", "A"], "Goals": [7, 12, 9]}
    )
    assert _answer(nlsheet.open(players), "which player scored the most goals") == "Per"
    orders = pd.DataFrame(
        {"Order No": [7001, 7002, 7003], "Client": ["Ek", "Fa", "Go"], "Amount": [9.5, 41.0, 22.0]}
    )
    # The identifier is named by its leading word after 'which', and answers as a number.
    assert _answer(nlsheet.open(orders), "which order has the biggest amount") == 7002


def test_a_lookup_of_the_column_it_picks_rows_by_is_refused() -> None:
    book = nlsheet.open(_towns())
    # The answer could only be the value the user typed: the column asked for was not found.
    with pytest.raises(nlsheet.NlsheetError, match="that value again"):
        book.ask("what is the town where the town is Bramley")


def test_a_number_inside_a_cell_value_is_not_also_a_condition() -> None:
    race = pd.DataFrame(
        {
            "Driver": ["Ana Reis", "Bo Tan", "Cai Wu", "Dee Oak", "Eli Fox"],
            "Laps": [58, 58, 57, 57, 56],
            "Gap": ["1:31:04", "+4.2s", "+1 Lap", "+1 Lap", "+2 Laps"],
            "Grid": [2, 1, 5, 3, 4],
        }
    )
    book = nlsheet.open(race)
    # The 1 of '+1 lap' is the gap's, never Grid = 1 as well.
    one_lap = race[race["Gap"] == "+1 Lap"]
    assert _answer(book, "how many drivers have a gap of +1 lap") == len(one_lap)
    assert _answer(book, "which driver had a gap of +2 laps") == "Eli Fox"


def test_how_many_values_of_a_number_column_counts_its_entries() -> None:
    shows = pd.DataFrame(
        {"Episode": ["1x01", "1x02", "1x03"], "Share": [9, 11, 8], "Rating": ["A", "B", "B"]}
    )
    book = nlsheet.open(shows)
    assert _answer(book, "how many share values are listed for rating B") == 2


def test_fastest_and_slowest_rank_by_the_one_duration_column() -> None:
    squad = pd.DataFrame(
        {
            "Athlete": ["Lina", "Mats", "Noor", "Otto"],
            "Club": ["North", "South", "North", "South"],
            "Minutes": [900, 1400, 620, 1100],
            "Dash 60m (s)": [7.41, 7.12, 7.65, 7.30],
        }
    )
    book = nlsheet.open(squad)
    dash = squad.set_index("Athlete")["Dash 60m (s)"]
    assert _answer(book, "which athlete is the fastest") == dash.idxmin()
    assert _answer(book, "which athlete is the slowest") == dash.idxmax()
    north = squad[squad["Club"] == "North"].set_index("Athlete")["Dash 60m (s)"]
    assert _answer(book, "who is the fastest athlete in North") == north.idxmin()


def test_a_number_followed_by_as_the_column_is_that_columns() -> None:
    heats = pd.DataFrame(
        {
            "Heat": [1, 1, 1, 2, 2, 2],
            "Lane": [1, 2, 3, 1, 2, 3],
            "Runner": ["Ada", "Bea", "Cat", "Dot", "Eve", "Fay"],
            "Mark": [7.9, 8.1, 8.0, 7.8, 8.3, 8.2],
        }
    )
    book = nlsheet.open(heats)
    # '2 as the heat' is Heat = 2, although 'lanes' stands before the number.
    assert _answer(book, "how many lanes have 2 as the heat and Eve as the runner") == 1
    assert _answer(book, "which runner has 3 as the lane and 1 as the heat") == "Cat"


def test_two_tests_of_one_column_that_no_row_passes_together_are_refused() -> None:
    events = [f"Cage Fight {i}" for i in range(1, 7)] + [f"Arena {i}" for i in range(10, 16)]
    bouts = pd.DataFrame(
        {
            "Event": events,
            "Opponent": [f"Fighter {chr(65 + i)}" for i in range(12)],
            "Round": [1, 3, 2, 2, 1, 1, 3, 2, 1, 2, 3, 1],
        }
    )
    book = nlsheet.open(bouts)
    # 'fight' is inside some Event names, 'Arena 12' is another: Event cannot be both, so the
    # count of 0 rows that would follow is never given.
    with pytest.raises(nlsheet.NlsheetError, match="tests at once"):
        book.ask("how many rounds was the fight at Arena 12")
    assert _answer(book, "which opponent was at Arena 14") == "Fighter K"
