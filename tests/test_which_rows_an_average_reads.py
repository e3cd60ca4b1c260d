"""An average the table allows two ways, asked back unless the words say which (see
nlsheet.planner.granularity): every cell of a wide table's months or each row's yearly total,
and a figure each row only repeats (a property's rent on each of its viewings) over the rows or
over the properties once each. Values are checked against pandas, formulas against LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import answer_of, book_of_frame, check_parity

import nlsheet
from nlsheet.errors import NlsheetError
from nlsheet.plan import AggFunc, Aggregate, Measure, Plan

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _admissions() -> pd.DataFrame:
    wards = ["Ash", "Birch", "Cedar", "Elm", "Fir", "Oak"]
    frame = pd.DataFrame(
        {
            "Ward": wards,
            "Site": ["North", "North", "South", "South", "South", "East"],
            **{m: [10 + 3 * i + 7 * j for i in range(len(wards))] for j, m in enumerate(MONTHS)},
        }
    )
    frame.loc[2, "Mar"] = None  # a blank month: left out of the cells, adds 0 to its row
    return frame


def _viewings() -> pd.DataFrame:
    rent = {"Flat 1": 950, "Flat 2": 1200, "House 3": 1850, "Flat 4": 1100}
    props = ["Flat 1", "Flat 1", "Flat 1", "Flat 1", "Flat 2", "House 3", "House 3", "Flat 4"]
    return pd.DataFrame(
        {
            "Property": props,
            "Area": [*["Redland"] * 4, "Clifton", "Clifton", "Clifton", "Redland"],
            "Viewer": ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"],
            "Asking Rent": [rent[p] for p in props],
            "Offer": [900, None, 940, None, 1150, 1800, None, 1100],
        }
    )


def _options(book: nlsheet.Book, command: str) -> list[tuple[str, str]]:
    result = book.ask(command)
    assert result.clarification is not None, (command, result.value)
    return [(o.label, o.command) for o in result.clarification.options]


def test_an_average_over_months_of_several_rows_asks_cells_or_row_totals(tmp_path: Path) -> None:
    frame = _admissions()
    book = book_of_frame(frame, "Admissions", tmp_path / "wards.xlsx")
    cells = frame[MONTHS].stack().mean()
    totals = frame[MONTHS].sum(axis=1).mean()
    options = _options(book, "average admissions per ward")
    assert [label for label, _ in options] == [
        f"of every cell ({cells:,.2f})",
        f"of each row's total ({totals:,.2f})",
    ]
    # Each option answers what its label says.
    assert answer_of(book, options[0][1]) == pytest.approx(cells)
    assert answer_of(book, options[1][1]) == pytest.approx(totals)
    south = frame[frame["Site"] == "South"]
    options = _options(book, "median admissions for South")
    assert answer_of(book, options[1][1]) == pytest.approx(south[MONTHS].sum(axis=1).median())


def test_the_words_say_cells_or_row_totals(tmp_path: Path) -> None:
    frame = _admissions()
    book = book_of_frame(frame, "Admissions", tmp_path / "wards.xlsx")
    cells = frame[MONTHS].stack().mean()
    totals = frame[MONTHS].sum(axis=1).mean()
    for command in ("average monthly admissions per ward", "average admissions per month"):
        assert answer_of(book, command) == pytest.approx(cells), command
    for command in ("average total admissions per ward", "average yearly admissions per ward"):
        assert answer_of(book, command) == pytest.approx(totals), command
    # One row: its average month, nothing to ask.
    assert answer_of(book, "average admissions for Birch") == pytest.approx(
        frame.loc[1, MONTHS].mean()
    )


def test_a_repeated_figure_asks_over_rows_or_each_value_once(tmp_path: Path) -> None:
    frame = _viewings()
    book = book_of_frame(frame, "Viewings", tmp_path / "viewings.xlsx")
    rows = frame["Asking Rent"].mean()
    once = frame.drop_duplicates("Property")["Asking Rent"].mean()
    options = _options(book, "what's the average rent")
    assert options[0][0] == f"over the 8 rows ({rows:,.2f})"
    assert options[1][0] == f"over the 4 Property values, each once ({once:,.2f})"
    assert answer_of(book, options[0][1]) == pytest.approx(rows)
    assert answer_of(book, options[1][1]) == pytest.approx(once)
    assert answer_of(book, "average rent once per property") == pytest.approx(once)
    redland = frame[frame["Area"] == "Redland"]
    options = _options(book, "median rent in Redland")
    assert answer_of(book, options[1][1]) == pytest.approx(
        redland.drop_duplicates("Property")["Asking Rent"].median()
    )


def test_no_question_where_both_readings_agree(tmp_path: Path) -> None:
    frame = _viewings()
    book = book_of_frame(frame, "Viewings", tmp_path / "viewings.xlsx")
    # One property picked: every row says the same rent.
    assert answer_of(book, "average rent for House 3") == 1850
    # The offers differ row by row: an ordinary average.
    assert answer_of(book, "average offer") == pytest.approx(frame["Offer"].mean())
    # The lowest rent is the same either way.
    assert answer_of(book, "lowest rent in Clifton") == 1200


@pytest.mark.libreoffice
def test_row_total_and_once_per_formulas_recalculate_to_the_answer(tmp_path: Path) -> None:
    for frame, name, commands, chosen in (
        (
            _admissions(),
            "Admissions",
            ("average total admissions per ward", "median yearly admissions for South"),
            "average admissions for North",
        ),
        (_viewings(), "Viewings", ("average rent once per property",), "average rent in Redland"),
    ):
        path = tmp_path / f"{name}.xlsx"
        book = book_of_frame(frame, name, path)
        results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
        option = book.ask(chosen).choose(1)  # the second reading: row totals, each value once
        results.append((chosen, option, book.table(option.sheet)))
        work = tmp_path / name
        work.mkdir()
        assert not check_parity(path, results, work)


def test_plans_with_row_totals_and_each_value_once_round_trip() -> None:
    months = tuple(MONTHS)
    for op in (
        Aggregate(AggFunc.AVERAGE, Measure("Jan", "+", span=months)),
        Aggregate(AggFunc.MEDIAN, Measure("Rent"), once_per="Property"),
    ):
        plan = Plan("Data", op)
        assert Plan.from_dict(plan.to_dict()) == plan
    assert "each row's total" in " ".join(
        Plan("D", Aggregate(AggFunc.SUM, Measure("Jan", "+", span=months))).describe()
    )
    bad = Plan("Data", Aggregate(AggFunc.SUM, Measure("Jan", "*", span=months))).to_dict()
    with pytest.raises(NlsheetError, match="row's total"):
        Plan.from_dict(bad)


def test_the_words_say_over_the_rows_or_each_value_once(tmp_path: Path) -> None:
    frame = _viewings()
    book = book_of_frame(frame, "Viewings", tmp_path / "viewings.xlsx")
    once = frame.drop_duplicates("Property")["Asking Rent"].mean()
    assert answer_of(book, "average rent of the properties") == pytest.approx(once)
    assert answer_of(book, "average rent per viewing") == pytest.approx(frame["Asking Rent"].mean())
    # A question which column offers both readings of the repeated figure, each answering.
    unclear = book.ask("what's the average")
    assert unclear.clarification is not None
    labels = [o.label for o in unclear.clarification.options]
    assert labels == [
        "average of Asking Rent over the rows",
        "average of Asking Rent, each Property once",
        "average of Offer",
    ]
    assert unclear.choose(1).value == pytest.approx(once)
