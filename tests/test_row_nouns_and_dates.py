"""Nouns for the rows beyond the sheet's name (a bug tracker's 'bugs', a work-order log's
'jobs', the visits a Visit Date dates), counts of those rows among the ones a value picks, and
dates said where several date columns could hold them: asked back, one option per column."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame

import nlsheet
from nlsheet.nlu.coverage import row_nouns
from nlsheet.nlu.interpret import Interpretation, interpret
from nlsheet.planner.context import Built
from nlsheet.planner.intents import same_answer
from nlsheet.result import Clarification, Option


def _issues() -> pd.DataFrame:
    rng = random.Random(11)
    rows = []
    for i in range(60):
        opened = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
        rows.append(
            {
                "Ref": f"ENG-{500 + i}",
                "Area": rng.choice(["Login", "Billing", "Search", "Export"]),
                "Owner": rng.choice(["Ana", "Ben", "Chloe", "Dev", "Eli"]),
                "Severity": rng.choice(["Critical", "Major", "Minor", "Minor"]),
                "Opened": opened,
                "Closed": opened + dt.timedelta(days=rng.randrange(1, 40)),
                "Hours": rng.randrange(1, 30),
            }
        )
    return pd.DataFrame(rows)


def _jobs() -> pd.DataFrame:
    rng = random.Random(1)
    rows = []
    for i in range(50):
        rows.append(
            {
                "WO": f"W{100 + i}",
                "Site": rng.choice(["North Yard", "Quay", "Depot"]),
                "Trade": rng.choice(["Plumbing", "Electrical", "Roofing"]),
                "Fitter": rng.choice(["Jo", "Sam", "Kit", "Lee"]),
                "Logged": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 200)),
                "Labour": rng.randrange(50, 900),
            }
        )
    return pd.DataFrame(rows)


def test_other_names_for_a_bug_trackers_rows(tmp_path: Path) -> None:
    issues = _issues()
    book = book_of_frame(issues, "Issues", tmp_path / "issues.xlsx")
    counts = issues.Area.value_counts()
    assert answer_of(book, "which area has the most bugs") == counts.idxmax()
    assert counts.max() > counts.drop(counts.idxmax()).max()  # no tie to hide a wrong pick
    critical = issues[issues.Severity == "Critical"].Area.value_counts()
    assert critical.max() > critical.drop(critical.idxmax()).max()
    # The rows counted are those the value between 'most' and the noun picks.
    assert answer_of(book, "which area has the most critical bugs") == critical.idxmax()
    # 'by bugs' ranks the people by how many rows each has, as 'by number of bugs' does.
    owned = issues.Owner.value_counts()
    assert owned.iloc[1] > owned.iloc[2]
    assert answer_of(book, "top 2 owners by bugs") == list(owned.index[:2])
    assert answer_of(book, "top 2 owners by defects") == list(owned.index[:2])


def test_jobs_are_the_rows_of_a_work_order_sheet(tmp_path: Path) -> None:
    jobs = _jobs()
    book = book_of_frame(jobs, "Work Orders", tmp_path / "wo.xlsx")
    by_trade = jobs.Trade.value_counts().to_dict()
    assert answer_of(book, "jobs by trade") == by_trade
    assert answer_of(book, "how many jobs had labour over 400") == int((jobs.Labour > 400).sum())
    quay = jobs[jobs.Site == "Quay"].Labour.mean()
    assert answer_of(book, "average labour on Quay jobs") == pytest.approx(quay)
    # 'job' names no rows on a sheet of anything else.
    other = book_of_frame(jobs, "Sheet1", tmp_path / "plain.xlsx")
    with pytest.raises(nlsheet.NlsheetError):
        other.ask("jobs by trade")


def test_the_event_a_date_column_dates_names_the_rows(tmp_path: Path) -> None:
    visits = pd.DataFrame(
        {
            "Patient": ["Ann", "Bo", "Cy", "Di", "Ed", "Flo"],
            "Visit Date": [dt.date(2023, 3, d) for d in (1, 4, 9, 16, 20, 28)],
            "Fee": [80, 120, 60, 200, 90, 75],
        }
    )
    book = book_of_frame(visits, "Treatments", tmp_path / "visits.xlsx")
    assert answer_of(book, "how many visits between 2 and 18 March") == 3
    # A date that dates no event ('Due Date') names no rows.
    bills = visits.rename(columns={"Visit Date": "Due Date"})
    other = book_of_frame(bills, "Bills", tmp_path / "bills.xlsx")
    assert "visit" in row_nouns(book.table())
    assert "due" not in row_nouns(other.table())


def test_the_column_named_first_with_the_fewest_rows(tmp_path: Path) -> None:
    jobs = _jobs()
    book = book_of_frame(jobs, "Work Orders", tmp_path / "wo.xlsx")
    counts = jobs.Fitter.value_counts()
    assert counts.min() < counts.drop(counts.idxmin()).min()
    assert answer_of(book, "fitter with the fewest jobs") == counts.idxmin()
    assert answer_of(book, "the fitter with the most jobs") == counts.idxmax()


def test_a_date_several_date_columns_could_hold_is_asked_back(tmp_path: Path) -> None:
    issues = _issues()
    book = book_of_frame(issues, "Issues", tmp_path / "issues.xlsx")
    for command in (
        "how many bugs in March",
        "bugs since 10 May",
        "total hours from June to August",
    ):
        result = book.ask(command)
        assert result.value is None and result.clarification is not None, command
        labels = [o.label for o in result.clarification.options]
        assert [label.split()[0] for label in labels] == ["Opened", "Closed"], labels
    # Each option answers with its column.
    options = book.ask("bugs since 10 May").clarification
    assert options is not None
    day = pd.Timestamp(2024, 5, 10)
    for option, column in zip(options.options, ("Opened", "Closed"), strict=True):
        expected = int((pd.to_datetime(issues[column]) >= day).sum())
        assert answer_of(book, option.command) == expected, option
    # A verb naming one of them needs no question.
    closed = int((pd.to_datetime(issues.Closed).dt.month == 3).sum())
    assert answer_of(book, "how many bugs were closed in March") == closed


def test_a_plural_noun_for_the_rows_is_no_request(tmp_path: Path) -> None:
    # 'returns' on a sheet of returns is the rows, not 'return the value'.
    returns = pd.DataFrame(
        {
            "Return No": ["R1", "R2", "R3", "R4"],
            "Return Date": [
                dt.date(2024, 11, 3),
                *(dt.date(2024, 12, d) for d in (3, 9)),
                dt.date(2025, 1, 3),
            ],
            "Order Date": [dt.date(2024, m, 1) for m in (10, 12, 12, 12)],
            "Refund": [10.0, 25.5, 8.0, 12.0],
        }
    )
    book = book_of_frame(returns, "Returns", tmp_path / "returns.xlsx")
    asked = book.ask("returns in December").clarification
    assert asked is not None
    answers = [answer_of(book, o.command) for o in asked.options]
    assert answers == [2, 3] and [o.label for o in asked.options] == [
        "Return Date in December",
        "Order Date in December",
    ]
    assert answer_of(book, "returns over 9") == 3


def test_a_noun_for_the_rows_is_neither_their_date_nor_a_word_of_their_notes(
    tmp_path: Path,
) -> None:
    rng = random.Random(3)
    trips = pd.DataFrame(
        {
            "Trip Date": [dt.date(2024, 1, 1) + dt.timedelta(days=3 * i) for i in range(40)],
            "Route": [rng.choice(["Hill", "Lake"]) for _ in range(40)],
            "Distance (km)": [round(rng.uniform(5, 40), 1) for _ in range(40)],
            "Notes": [rng.choice(["", "late trip", "trip ok", "detour"]) for _ in range(40)],
        }
    )
    book = book_of_frame(trips, "Trip Log", tmp_path / "trips.xlsx")
    distance = trips["Distance (km)"]
    assert answer_of(book, "average trip distance") == pytest.approx(distance.mean())
    assert answer_of(book, "trips longer than 25 km") == int((distance > 25).sum())
    assert answer_of(book, "how many trips on Lake") == int((trips.Route == "Lake").sum())
    # Searched for in so many words, the noun is a word of the notes again.
    mentioning = int(trips.Notes.str.contains("trip").sum())
    assert answer_of(book, "how many rows whose notes mention trip") == mentioning


def test_readings_that_agree_need_no_question(tmp_path: Path) -> None:
    issues = _issues()
    book = book_of_frame(issues, "Issues", tmp_path / "issues.xlsx")
    table, engine = book.table(), book.engine
    text = "which area has the most critical bugs"
    typed = interpret(text, table, engine.model, engine.settings)

    def agreed(*commands: str) -> tuple[Interpretation, Built] | None:
        question = Clarification("?", tuple(Option(c, c) for c in commands))
        return same_answer(question, typed, table, engine.model, engine.settings)

    found = agreed(f"most_frequent: {text}", f"arg_max: {text}")
    assert found is not None and found[1].notes[-1].endswith("give the same answer")
    # The answer keeps the classifier's doubt: the readings agree, the words stayed unsure.
    assert found[0].confidence == typed.confidence < 1 and not found[0].stated
    assert book.ask(text).confidence == typed.confidence
    # Readings that differ, or one that fails, leave the question to the user.
    assert agreed("sum: hours on Login", "average: hours on Login") is None
    assert agreed("sum: hours on Login", "sum: blorp on Login") is None
    assert agreed("sum: hours on Login") is None


def test_per_the_rows_noun_is_per_row_beside_a_column_of_kinds(tmp_path: Path) -> None:
    # Rows are performances (the sheet's name); the Performance column says which kind.
    shows = pd.DataFrame(
        {
            "Show": ["Hamlet", "Hamlet", "Annie", "Annie", "Annie", "Hamlet", "Annie"],
            "Performance": ["Evening", "Matinee", "Evening", "Evening", "Matinee", "Evening", "X"],
            "Tickets Sold": [210, 120, 300, 280, 150, 190, 95],
            "Comps": [4, 2, 6, 5, 1, 3, 0],
        }
    )
    book = book_of_frame(shows, "Performances", tmp_path / "shows.xlsx")
    assert answer_of(book, "average number of comps per performance") == pytest.approx(
        shows.Comps.mean()
    )
    per_show = answer_of(book, "average tickets sold per performance, by show")
    assert per_show == pytest.approx(shows.groupby("Show")["Tickets Sold"].mean().to_dict())
    # 'by performance' groups by the column.
    by_kind = answer_of(book, "average tickets sold by performance")
    assert by_kind == pytest.approx(shows.groupby("Performance")["Tickets Sold"].mean().to_dict())


def test_what_a_size_measures_names_the_rows(tmp_path: Path) -> None:
    # Each row is a batch (its Batch Size says how big): 'how many batches' counts rows.
    log = pd.DataFrame(
        {
            "Product": ["Baguette", "Rye", "Baguette", "Croissant", "Rye", "Baguette"],
            "Baker": ["Marta", "Luca", "Marta", "Marta", "Ines", "Luca"],
            "Batch Size": [48, 24, 60, 36, 24, 48],
            "Units Sold": [45, 20, 58, 30, 24, 40],
        }
    )
    book = book_of_frame(log, "Production Log", tmp_path / "bakery.xlsx")
    assert answer_of(book, "how many batches did Marta bake") == (log.Baker == "Marta").sum()
    assert (
        answer_of(book, "total batch size for Marta")
        == log["Batch Size"][log.Baker == "Marta"].sum()
    )
    assert answer_of(book, "average batch size") == pytest.approx(log["Batch Size"].mean())
