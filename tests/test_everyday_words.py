"""Everyday words that name rows, columns and values without saying a header: each rule is
checked on tables written for it, against pandas, and a near miss is refused or asked back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame
from helpers_books import write_book

import nlsheet

_answer = answer_of
_book = book_of_frame


def _parts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Part ID": [f"P-{i:03d}" for i in range(1, 11)],
            "Material": ["Steel", "Brass", "Steel", "Steel", "Brass"] * 2,
            "Plant": [
                "Leeds",
                "Leeds",
                "York",
                "Leeds",
                "York",
                "York",
                "Leeds",
                "Leeds",
                "York",
                "Leeds",
            ],
            "Passed": ["no", "yes", "no", "yes", "no", "yes", "no", "no", "yes", "yes"],
        }
    )


def test_values_and_yes_no_words_may_stand_before_the_rows_noun(tmp_path: Path) -> None:
    parts = _parts()
    book = _book(parts, "Parts", tmp_path / "parts.xlsx")
    failed = parts[(parts.Material == "Steel") & (parts.Plant == "Leeds") & (parts.Passed == "no")]
    listed = _answer(book, "which Steel parts at Leeds didn't pass")
    assert sorted(listed) == sorted(failed["Part ID"])
    passed = parts[(parts.Passed == "yes") & (parts.Plant == "York")]
    assert sorted(_answer(book, "which passed parts are at York")) == sorted(passed["Part ID"])


def test_a_misspelt_noun_for_the_rows_is_still_the_rows(tmp_path: Path) -> None:
    booked = [dt.date(2024, m, d) for m, d in [(3, 2), (3, 9), (4, 1), (3, 30), (5, 5), (3, 11)]]
    bookings = pd.DataFrame(
        {"Booking ID": [f"B{i}" for i in range(6)], "Booked": booked, "Nights": [1, 2, 3, 1, 2, 4]}
    )
    book = _book(bookings, "Bookings", tmp_path / "bookings.xlsx")
    in_march = sum(d.month == 3 for d in booked)
    assert _answer(book, "bookigns in March 2024") == in_march
    # Two letters off is no misspelling: the word is refused, not counted over.
    with pytest.raises(nlsheet.NlsheetError, match="bkongis"):
        book.ask("how many bkongis in March 2024")


def test_a_real_word_is_no_misspelt_command_word(tmp_path: Path) -> None:
    # 'small' is one letter from 'shall', 'large' from 'larger', 'staff' from 'stuff': each
    # is a word of its own that nothing in the table explains, so it is not counted over.
    booked = [dt.date(2024, m, d) for m, d in [(3, 2), (3, 9), (4, 1), (3, 30), (5, 5), (3, 11)]]
    bookings = pd.DataFrame(
        {"Booking ID": [f"B{i}" for i in range(6)], "Booked": booked, "Nights": [1, 2, 3, 1, 2, 4]}
    )
    book = _book(bookings, "Bookings", tmp_path / "bookings.xlsx")
    for command, word in [
        ("how many small bookings in March 2024", "small"),
        ("how many large bookings in March 2024", "large"),
        ("how many staff bookings in March 2024", "staff"),
    ]:
        with pytest.raises(nlsheet.NlsheetError, match=word):
            book.ask(command)
    # A misspelt aggregate word, or two letters of a function word swapped, is still read.
    march = bookings.Nights[[d.month == 3 for d in booked]]
    assert _answer(book, "avrage nights in March 2024") == pytest.approx(march.mean())
    assert _answer(book, "total nights for bookings whcih were booked in March 2024") == (
        march.sum()
    )


def _members() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Member": ["Ann Holt", "Ben Roy", "Cas Lim", "Dee Park", "Eli Moss", "Fay Dunn"],
            "Joined": [dt.date(2022, 5, 1), dt.date(2023, 2, 3), dt.date(2023, 7, 9),
                       dt.date(2024, 1, 4), dt.date(2023, 11, 30), dt.date(2021, 8, 8)],
            "Left": [dt.date(2024, 3, 1), dt.date(2024, 2, 1), dt.date(2024, 6, 1),
                     dt.date(2024, 9, 1), dt.date(2023, 12, 31), dt.date(2023, 5, 5)],
            "Plan": ["Gold", "Basic", "Gold", "Basic", "Gold", "Basic"],
        }
    )  # fmt: skip


def test_new_rows_in_a_period_began_in_it(tmp_path: Path) -> None:
    members = _members()
    book = _book(members, "Members", tmp_path / "members.xlsx")
    joined_2023 = sum(d.year == 2023 for d in members["Joined"])
    left_2023 = sum(d.year == 2023 for d in members["Left"])
    assert joined_2023 != left_2023
    # Two date columns: 'new' picks the one a membership starts on.
    assert _answer(book, "how many new members in 2023") == joined_2023
    gold = members[(members.Plan == "Gold") & members.Joined.map(lambda d: d.year == 2023)]
    assert _answer(book, "new Gold members in 2023") == len(gold)
    # Without 'new', either date could be meant: nlsheet does not pick one.
    with pytest.raises(nlsheet.NlsheetError, match="2023"):
        book.ask("how many members in 2023")


def test_new_is_not_read_as_a_word_of_free_text_when_a_start_date_exists() -> None:
    tickets = pd.DataFrame(
        {
            "Ticket": ["T1", "T2", "T3", "T4", "T5"],
            "Opened": pd.to_datetime(
                ["2024-03-02", "2024-03-20", "2024-04-01", "2024-03-05", "2024-02-11"]
            ),
            "Title": ["New laptop", "Printer jam", "New starter account", "VPN down", "Mouse"],
            "Priority": ["Low", "High", "Low", "High", "Low"],
        }
    )  # fmt: skip
    book = nlsheet.open(tickets)
    march = int((tickets.Opened.dt.month == 3).sum())
    assert _answer(book, "how many new tickets in March 2024") == march
    assert march != 1  # one March title says 'New'


def test_an_instruments_reading_is_its_result_and_a_sheet_of_readings_counts_rows(
    tmp_path: Path,
) -> None:
    readings = pd.DataFrame(
        {
            "Sample": [f"S{i}" for i in range(8)],
            "Test": ["Zinc", "Copper", "Zinc", "Copper", "Zinc", "Iron", "Iron", "Zinc"],
            "Result": [4.0, 11.5, 9.2, 3.1, 12.8, 7.7, 15.0, 2.2],
        }
    )
    book = _book(readings, "Readings", tmp_path / "lab.xlsx")
    zinc = readings[readings.Test == "Zinc"]
    assert (
        _answer(book, "which sample had the highest zinc reading")
        == zinc.loc[zinc.Result.idxmax(), "Sample"]
    )
    assert _answer(book, "average copper measurement") == pytest.approx(
        readings[readings.Test == "Copper"].Result.mean()
    )
    # On a sheet called Readings, 'readings' are its rows.
    assert _answer(book, "how many readings are over 9") == int((readings.Result > 9).sum())


def test_the_size_or_value_of_a_row_is_its_one_amount_of_money() -> None:
    deals = pd.DataFrame(
        {
            "Deal": ["Acme renewal", "Bolt pilot", "Crane upsell", "Dune trial", "Echo rollout"],
            "Owner": ["Ivo Marsh", "Ivo Marsh", "Lena Ortiz", "Lena Ortiz", "Lena Ortiz"],
            "Amount ($)": [12_000.0, 40_000.0, 9_000.0, 9_000.0, 70_000.0],
            "Region": ["EMEA", "APAC", "EMEA", "EMEA", "APAC"],
        }
    )
    book = nlsheet.open(deals)
    lena = deals[deals.Owner == "Lena Ortiz"]["Amount ($)"]
    assert _answer(book, "average deal size for Lena Ortiz") == pytest.approx(lena.mean())
    emea = deals[deals.Region == "EMEA"]["Amount ($)"]
    # 'total ... value' is a total: the commonest amount (9,000) would be another answer.
    assert _answer(book, "total deal value in EMEA") == pytest.approx(emea.sum())
    assert emea.mode().iloc[0] != emea.sum()


def test_total_said_apart_from_a_header_beside_its_total_column_asks_which() -> None:
    wards = pd.DataFrame(
        {
            "Ward": ["A", "B", "C", "D"],
            "Occupancy": [0.9, 0.75, 0.9, 0.6],
            "Beds": [12, 20, 8, 30],
            "Total Beds": [16, 24, 10, 30],
        }
    )
    book = nlsheet.open(wards)
    asked = book.ask("what's the sum of the total count of beds where occupancy is 0.9")
    assert asked.clarification is not None
    options = {o.label: o.command for o in asked.clarification.options}
    assert len(options) == 2
    picked = wards[wards.Occupancy == 0.9]
    answers = sorted(_answer(book, command) for command in options.values())
    assert answers == sorted([picked["Beds"].sum(), picked["Total Beds"].sum()])


def test_a_verb_naming_a_column_before_another_columns_value_only_describes_it() -> None:
    peaks = pd.DataFrame(
        {
            "Rank": [1, 2, 3, 4],
            "Peak": ["Ben Nevis", "Ben Macdui", "Snowdon", "Scafell Pike"],
            "Country": ["Scotland", "Scotland", "Wales", "England"],
            "Location": ["56.79N 5.00W", "57.07N 3.67W", "53.07N 4.08W", "54.45N 3.21W"],
        }
    )
    book = nlsheet.open(peaks)
    assert _answer(book, "where does Snowdon, located in Wales, rank?") == 3
    # The location itself is still asked for when nothing else is.
    assert _answer(book, "where is Snowdon located") == "53.07N 4.08W"


def test_a_possessive_spans_a_header_written_with_the_apostrophe_elsewhere() -> None:
    seasons = pd.DataFrame(
        {
            "Year": [2018, 2019, 2020],
            "Coach": ["Ruiz", "Okoye", "Brandt"],
            "Clubs' Coach": ["Haller", "Mbeki", "Lindqvist"],
        }
    )
    book = nlsheet.open(seasons)
    assert _answer(book, "who was the club's coach in 2019") == "Mbeki"
    assert _answer(book, "who was the coach in 2019") == "Okoye"


def test_possible_and_associated_with_are_words_of_the_question() -> None:
    scores = pd.DataFrame(
        {
            "Player": ["Ama", "Ben", "Cy", "Ama", "Ben"],
            "Role": ["Keeper", "Striker", "Winger", "Captain", "Winger"],
            "Score": [7.5, 6.0, 8.25, 5.5, 9.0],
        }
    )
    book = nlsheet.open(scores)
    assert _answer(book, "what is the lowest possible score") == scores.Score.min()
    assert _answer(book, "how many roles are associated with Ama") == 2


def test_a_first_name_alone_is_the_one_person_it_begins() -> None:
    projects = pd.DataFrame(
        {
            "Project": ["Atlas", "Birch", "Cobalt", "Delta", "Ember"],
            "Owner": ["Priya Nair", "John Webb", "Priya Nair", "John Ives", "Sara Kim"],
            "Budget": [10.0, 20.0, 30.0, 40.0, 50.0],
        }
    )
    book = nlsheet.open(projects)
    assert sorted(_answer(book, "list Priya's projects")) == ["Atlas", "Cobalt"]
    # Two people are called John: the first name alone picks nobody.
    with pytest.raises(nlsheet.NlsheetError, match="john"):
        book.ask("list John's projects")


def test_a_header_is_not_read_into_words_that_run_past_it() -> None:
    tickets = pd.DataFrame(
        {
            "Ticket ID": ["T1", "T2", "T3", "T4"],
            "Agent": ["Ana Lopes", "Raj Patel", "Ana Lopes", "Raj Patel"],
            "Hours": [2.0, 3.0, 1.0, 4.0],
        }
    )
    book = nlsheet.open(tickets)
    # 'tickets did Tom' is no misspelt 'Ticket ID'; nobody is called Tom: refused, not a count
    # of every ticket.
    with pytest.raises(nlsheet.NlsheetError, match="tom"):
        book.ask("how many tickets did Tom handle")
    assert _answer(book, "how many tickets did Raj handle") == 2


def test_added_up_asks_for_a_total(tmp_path: Path) -> None:
    years = pd.DataFrame(
        {"Country": ["Peru", "Chile", "Laos"], "2019": [4.5, 2.0, 1.5], "2020": [1.0, 0.5, 0.25],
         "2021": [2.5, 1.0, 0.75]}
    )  # fmt: skip
    book = _book(years, "Visitors", tmp_path / "visitors.xlsx")
    assert _answer(book, "Chile visitors from 2019 to 2021 added up") == pytest.approx(3.5)


def test_an_aggregate_word_before_another_column_is_the_aggregate(tmp_path: Path) -> None:
    runners = pd.DataFrame(
        {
            "Runner": ["Ade", "Bo", "Cal", "Dru"],
            "Avg.": [61.2, 63.9, 59.5, 64.4],
            "Laps": [6, 9, 3, 9],
            "Heat": [2, 1, 2, 1],
        }
    )
    book = nlsheet.open(runners)
    # 'average' fits the Avg. header too, but before Laps it is what is done with them.
    second = runners[runners.Heat == 2]
    assert _answer(book, "for heat 2, what were the average laps") == pytest.approx(
        second.Laps.mean()
    )
    assert _answer(book, "what is the avg. for Cal") == pytest.approx(59.5)
    # A wide table with a Total column: 'total units' adds up what the sheet's cells hold.
    months = pd.DataFrame(
        {"Item": ["Cap", "Mug", "Tee"], "Jan": [5, 7, 9], "Feb": [1, 2, 3], "Mar": [4, 4, 4],
         "Total": [10, 13, 16]}
    )  # fmt: skip
    units = _book(months, "Units", tmp_path / "units.xlsx")
    assert _answer(units, "total units sold in February") == 6
    assert _answer(units, "what is the total for Mug") == 13


def test_a_header_may_be_said_with_short_words_between_its_own() -> None:
    inns = pd.DataFrame(
        {
            "Inn": ["Harbour Inn", "Mill Inn", "Bridge Inn"],
            "Season": ["High", "Low", "High"],
            "Rooms booked": [31, 12, 27],
        }
    )
    book = nlsheet.open(inns)
    assert _answer(book, "how many rooms were booked at the Mill Inn") == 12


def test_a_ranking_option_names_the_numbers_it_ranks_by_not_the_names() -> None:
    from nlsheet import _default_engine
    from nlsheet.nlu.interpret import interpret
    from nlsheet.planner.intents import _subject

    players = pd.DataFrame(
        {"Player": ["Ama", "Ben", "Cy"], "Matches": [10, 4, 8], "Goals": [5, 3, 2]}
    )
    engine = _default_engine()
    table = nlsheet.open(players).table()
    said = interpret(
        "which player has the most goals per match", table, engine.model, engine.settings
    )
    assert _subject("arg_max", said) == "Goals / Matches"
    plain = interpret("which player scored the most goals", table, engine.model, engine.settings)
    assert _subject("arg_max", plain) == "Goals"
    assert _subject("unique_values", plain) == "Player"
    implied = interpret("which player is the youngest", table, engine.model, engine.settings)
    assert _subject("arg_min", implied) == "value"


def test_times_in_cells_are_numbers_of_days_as_in_excel(tmp_path: Path) -> None:
    from conftest import check_parity

    finish = [dt.time(0, 41, 5), dt.time(0, 38, 12), dt.time(0, 52, 40), dt.time(0, 44, 59)]
    finish += [dt.time(1, 2, 3), dt.time(0, 45, 0)]
    rows: list[list[Any]] = [["Runner", "Club", "Finish Time"]]
    clubs = ["Vale", "Hill", "Vale", "Hill", "Vale", "Hill"]
    names = ["Ines", "Joao", "Kwesi", "Lars", "Mina", "Nuno"]
    rows += [[n, c, t] for n, c, t in zip(names, clubs, finish, strict=True)]
    path = write_book(tmp_path / "race.xlsx", {"Race": rows})
    book = nlsheet.open(path)
    days = [(t.hour * 3600 + t.minute * 60 + t.second) / 86400 for t in finish]
    assert _answer(book, "who had the fastest finish time") == "Joao"
    assert _answer(book, "which runner was slowest") == "Mina"
    quickest = book.ask("what was the fastest finish time")
    assert quickest.value == pytest.approx(min(days))
    assert any("0:38:12" in note for note in quickest.notes)
    # '45 minutes' is 45/1440 of a day; 0:45:00 itself is not under it.
    under = book.ask("how many runners finished in under 45 minutes")
    assert under.value == sum(d < 45 / 1440 for d in days) == 3
    top = _answer(book, "the 2 fastest runners")
    assert [row["Runner"] for row in top] == ["Joao", "Ines"]
    results = [(c, book.ask(c), book.table()) for c in ("what was the fastest finish time",)]
    results.append(("under", under, book.table()))
    assert not check_parity(path, results, tmp_path)


def test_an_amount_over_a_stretch_of_time_is_its_total_and_a_price_is_asked() -> None:
    sales = pd.DataFrame(
        {
            "Sold On": pd.to_datetime(["2024-11-02", "2024-11-15", "2024-10-30", "2024-11-29"]),
            "Qty": [3, 5, 7, 2],
            "Unit Price": [9.5, 9.5, 8.0, 12.0],
        }
    )
    book = nlsheet.open(sales)
    november = sales[sales["Sold On"].dt.month == 11]
    assert _answer(book, "quantity sold in November") == november.Qty.sum()
    # A price over many rows does not add up: which of them, or their average, is asked.
    assert book.ask("unit price in November").clarification is not None


def test_who_asks_for_a_name_never_a_figure() -> None:
    members = pd.DataFrame(
        {
            "Member": ["Ann", "Bo", "Cy", "Di"],
            "Joined": pd.to_datetime(["2021-03-01", "2024-06-30", "2019-01-15", "2023-12-01"]),
            "Visits": [40, 12, 95, 33],
        }
    )
    book = nlsheet.open(members)
    assert _answer(book, "who is the newest member") == "Bo"
    assert _answer(book, "who joined first") == "Cy"
    assert _answer(book, "who has the most visits") == "Cy"


def test_money_names_the_one_money_column_and_making_a_row_is_an_idle_verb(
    tmp_path: Path,
) -> None:
    claims = pd.DataFrame(
        {
            "Claimant": ["Ola", "Ben", "Ola", "Cy", "Ben", "Cy", "Cy"],
            "Kind": ["Hotel", "Meals", "Meals", "Taxi", "Hotel", "Meals", "Taxi"],
            "Amount (€)": [300.0, 45.0, 60.0, 20.0, 250.0, 15.0, 30.0],
        }
    )
    book = _book(claims, "Claims", tmp_path / "claims.xlsx")
    totals = claims.groupby("Claimant")["Amount (€)"].sum()
    kinds = claims.groupby("Kind")["Amount (€)"].sum()
    # Cy made the most claims; Ola and Ben claimed more money.
    assert claims.Claimant.value_counts().idxmax() == "Cy" != totals.idxmax()
    assert _answer(book, "which claimant has claimed the most money") == totals.idxmax()
    assert _answer(book, "which kind did we spend the least money on") == kinds.idxmin()
    biggest = claims.loc[claims["Amount (€)"].idxmax(), "Claimant"]
    assert _answer(book, "who made the single biggest claim") == biggest
    # 'single' before no superlative is a word nlsheet does not know, not a filler.
    with pytest.raises(nlsheet.NlsheetError, match="single"):
        book.ask("how many single claims")


def test_a_word_ending_many_names_before_the_rows_noun_is_a_kind_of_row(tmp_path: Path) -> None:
    deals = pd.DataFrame(
        {
            "Deal": [
                *("Acme renewal", "Bolt renewal", "Crane pilot", "Dune renewal", "Box upsell"),
                *("Fig pilot", "Gale renewal", "Hex upsell", "Ivy pilot"),
            ],
            "Amount ($)": [10.0, 20.0, 40.0, 5.0, 8.0, 13.0, 7.0, 2.0, 1.0],
            "Region": ["EMEA", "APAC", "EMEA", "EMEA", "APAC", "EMEA", "APAC", "EMEA", "APAC"],
        }
    )
    book = _book(deals, "Deals", tmp_path / "deals.xlsx")
    renewals = deals[deals.Deal.str.endswith("renewal")]
    assert _answer(book, "total value of renewal deals") == pytest.approx(
        renewals["Amount ($)"].sum()
    )
    assert _answer(book, "how many renewal deals are in EMEA") == int(
        (renewals.Region == "EMEA").sum()
    )
    # A word inside names in other places is still asked about.
    items = pd.DataFrame(
        {
            "Item": [
                *("Screws (box)", "Nails (box)", "Junction Box", "Hinge", "Tape", "Glue"),
                *("Rope", "Saw", "Drill"),
            ],
            "On Hand": [5, 6, 7, 8, 1, 2, 3, 4, 9],
        }
    )
    asked = nlsheet.open(items).ask("how many lines are sold by the box")
    assert asked.clarification is not None


def test_a_domain_in_e_mail_addresses_picks_every_address_at_it() -> None:
    tickets = pd.DataFrame(
        {
            "Ticket": ["T1", "T2", "T3", "T4", "T5"],
            "Customer Email": [
                "ann@hotmail.com",
                "bo@gmail.com",
                "cy@hotmail.com",
                "di@yahoo.com",
                "ed@hotmail.com",
            ],
        }
    )
    book = nlsheet.open(tickets)
    assert _answer(book, "how many tickets came from hotmail addresses") == 3
    assert _answer(book, "how many tickets came from gmail") == 1


def test_making_the_rows_in_a_period_reads_the_day_they_began(tmp_path: Path) -> None:
    invoices = pd.DataFrame(
        {
            "Invoice No": [f"INV-{i}" for i in range(1, 7)],
            "Issue Date": pd.to_datetime(
                ["2023-07-03", "2023-09-20", "2023-05-30", "2023-12-01", "2024-01-10", "2023-06-28"]
            ),
            "Due Date": pd.to_datetime(
                ["2023-08-02", "2023-10-20", "2023-06-29", "2023-12-31", "2024-02-09", "2023-07-28"]
            ),
            "Amount": [100.0, 250.0, 80.0, 40.0, 300.0, 60.0],
        }
    )
    book = _book(invoices, "Invoices", tmp_path / "invoices.xlsx")
    issued = invoices[
        (invoices["Issue Date"] >= "2023-07-01") & (invoices["Issue Date"] <= "2023-12-31")
    ]
    due = invoices[(invoices["Due Date"] >= "2023-07-01") & (invoices["Due Date"] <= "2023-12-31")]
    assert issued.Amount.sum() != due.Amount.sum()
    # 'invoiced' names the day an invoice was made; 'second half' is six months, no median.
    said = "total invoiced in the second half of 2023"
    assert _answer(book, said) == pytest.approx(issued.Amount.sum())
    assert book.ask(said).intent == "sum"
    # Without a word for the day, either date could be meant: asked, one option per date.
    asked = book.ask("total amount in the second half of 2023").clarification
    assert asked is not None
    assert [o.label for o in asked.options] == [
        "Issue Date in the second half of 2023",
        "Due Date in the second half of 2023",
    ]
    answers = [_answer(book, o.command) for o in asked.options]
    assert answers == pytest.approx([issued.Amount.sum(), due.Amount.sum()])


def test_who_asks_for_the_column_of_people_whatever_their_role() -> None:
    contest = pd.DataFrame(
        {
            "Draw": [1, 2, 3, 4],
            "Song": ["Blue Sky", "Red Door", "Old Town", "Sea Glass"],
            "Performer": ["Ana Brel", "Tom Ives", "Kay Dunn", "Lee Moss"],
            "Points": [88, 57, 102, 12],
        }
    )
    book = nlsheet.open(contest)
    assert _answer(book, "who scored 57 points") == "Tom Ives"
    assert _answer(book, "who sang Old Town") == "Kay Dunn"


def test_times_rank_the_fastest_whatever_their_header_says() -> None:
    laps = pd.DataFrame(
        {
            "Driver": ["Rui", "Sam", "Teo"],
            "Best Lap": [dt.time(0, 1, 31), dt.time(0, 1, 29), dt.time(0, 1, 35)],
            "Points": [18, 25, 15],
        }
    )
    book = nlsheet.open(laps)
    assert _answer(book, "who was the fastest driver") == "Sam"
    assert _answer(book, "how many drivers had a best lap under 90 seconds") == 1


def test_holding_stock_ranks_by_the_stock_column_and_never_lists_everything() -> None:
    stock = pd.DataFrame(
        {
            "Item": ["Rope", "Rope", "Tape", "Tape", "Saw", "Glue"],
            "Warehouse": ["Leeds", "York", "Leeds", "York", "Leeds", "York"],
            "On Hand": [10, 5, 2, 1, 30, 4],
            "Unit Price (£)": [3.0, 3.0, 1.0, 1.0, 12.0, 2.0],
        }
    )
    book = nlsheet.open(stock)
    held = stock.groupby("Warehouse")["On Hand"].sum()
    assert _answer(book, "which warehouse holds the fewest units") == held.idxmin()
    # 'the most' ranks: a list of every item would ignore it.
    result = book.ask("which item do we hold the most of across all warehouses")
    if result.clarification is None:
        assert result.value == stock.groupby("Item")["On Hand"].sum().idxmax()
