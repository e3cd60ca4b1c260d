"""Understanding v2: every word accounted for, and the everyday classes of phrasing.

Each test builds a small workbook with openpyxl from Python lists, and computes what the answer
must be from those lists (pandas over the same rows), never from nlsheet. A command whose words
nlsheet cannot all use must be refused or asked back, never answered without them.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import check_parity
from helpers_books import write_book

import nlsheet

_CUSTOMERS = ["Harbor Foods", "Nordic Tiles", "Kestrel Labs", "Orchid Spa", "Pine & Co"]
_CITIES = ["Lyon", "Porto", "Ghent", "Turin"]
_NOTES = ["", "please call before delivery", "client wants a refund", "fragile glass", ""]


def _orders() -> pd.DataFrame:
    r = random.Random(11)
    rows = []
    for i in range(48):
        qty = r.randint(1, 30)
        price = r.choice([12.5, 40.0, 95.0, 260.0])
        rows.append(
            {
                "Order No": 5000 + i,
                "Placed": dt.date(2025, 1, 3) + dt.timedelta(days=7 * i + r.randint(0, 6)),
                "Client": r.choice(_CUSTOMERS),
                "City": _CITIES[i % 4],
                "Item": r.choice(["Stool", "Bench", "Cabinet", "Mirror"]),
                "Units": qty,
                "Weight (kg)": round(qty * r.uniform(0.5, 3.0), 1),
                "Amount (€)": round(qty * price, 2),
                "State": ["Dispatched", "Cancelled", "Waiting"][r.randint(0, 2)],
                "Settled": r.choice(["Yes", "No"]),
                "Remarks": r.choice(_NOTES),
            }
        )
    return pd.DataFrame(rows)


def _staff() -> pd.DataFrame:
    r = random.Random(5)
    rows = []
    for i in range(36):
        rows.append(
            {
                "Staff Member": f"Worker {i:02d}",
                "Sex": r.choice(["Female", "Male"]),
                "Team": r.choice(["Ops", "Legal", "Design"]),
                "Started": dt.date(2016, 1, 1) + dt.timedelta(days=97 * i),
                "Pay": r.randint(28, 95) * 1000,
                "Remote": r.choice(["Y", "N"]),
                "Certified": r.random() < 0.6,
            }
        )
    return pd.DataFrame(rows)


def _write(path: Path, sheet: str, frame: pd.DataFrame) -> Path:
    rows: list[list[Any]] = [list(frame.columns)]
    rows += [[None if v == "" else v for v in row] for row in frame.itertuples(index=False)]
    return write_book(path, {sheet: rows})


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> tuple[nlsheet.Book, pd.DataFrame, Path]:
    frame = _orders()
    path = _write(tmp_path_factory.mktemp("orders") / "orders.xlsx", "Orders", frame)
    return nlsheet.open(path), frame, path


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> tuple[nlsheet.Book, pd.DataFrame]:
    frame = _staff()
    path = _write(tmp_path_factory.mktemp("staff") / "staff.xlsx", "Team list", frame)
    return nlsheet.open(path), frame


@pytest.fixture(scope="module")
def staff_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("staff2") / "staff.xlsx", "Team list", _staff())


def _parity(book: nlsheet.Book, path: Path, commands: tuple[str, ...], work: Path) -> list[Any]:
    """Each command's formulas recalculated by LibreOffice: the mismatches with the answers."""
    results = [(c, r, book.table(r.sheet)) for c in commands for r in [book.ask(c)]]
    return check_parity(path, results, work)


def _answer(book: nlsheet.Book, command: str) -> Any:
    result = book.ask(command)
    assert result.clarification is None, (command, result.clarification)
    return result.value


# -- every word accounted for ---------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        "how many gizmos",  # no such value, column or row noun
        "total amount for Atlantis",
        "total amount by city and week",  # a period nlsheet cannot group by
        "how many suppliers in Lyon",  # the rows are orders, not suppliers
        "total amount per city for the marketing team",
    ],
)
def test_a_word_no_reading_uses_is_never_ignored(orders: Any, command: str) -> None:
    book, _, _ = orders
    try:
        result = book.ask(command)
    except nlsheet.NlsheetError:
        return
    assert result.needs_clarification, (command, result.value)


def test_an_unused_column_mention_is_refused_naming_its_cell(orders: Any) -> None:
    book, _, _ = orders
    with pytest.raises(nlsheet.NotUnderstoodError) as caught:
        book.ask("sum: total amount item city")  # the intent stated: no question back
    assert caught.value.found in ("item", "city")
    assert "Orders!" in str(caught.value)


# -- cell values with inflections, case, accents ----------------------------------------------


def test_plural_and_case_find_the_value(orders: Any, staff: Any) -> None:
    book, frame, _ = orders
    assert _answer(book, "how many orders of stools") == int((frame["Item"] == "Stool").sum())
    # The mirrors ordered are the units of the orders of mirrors (see test_counts_and_shares).
    mirrors = frame["Units"][frame["Item"] == "Mirror"].sum()
    assert _answer(book, "how many MIRRORS were ordered") == int(mirrors)
    people, crew = staff
    assert _answer(people, "how many females") == int((crew["Sex"] == "Female").sum())
    women = crew[crew["Sex"] == "Female"]["Pay"].mean()
    assert _answer(people, "average pay of women") == pytest.approx(women)


# -- row nouns --------------------------------------------------------------------------------


def test_row_nouns_come_from_the_sheet_an_id_or_a_key_column(orders: Any, staff: Any) -> None:
    book, frame, _ = orders
    lyon = int((frame["City"] == "Lyon").sum())
    assert _answer(book, "how many orders are in Lyon") == lyon  # the sheet's name
    people, crew = staff
    ops = int((crew["Team"] == "Ops").sum())
    assert _answer(people, "how many staff members work in Ops") == ops  # the key column
    assert _answer(people, "number of people in Ops") == ops  # the rows are people


# -- yes/no and status words --------------------------------------------------------------------


def test_yes_no_columns_as_adjectives_with_negation(orders: Any, staff: Any) -> None:
    book, frame, _ = orders
    settled = frame["Settled"] == "Yes"
    assert _answer(book, "how many unsettled orders") == int((~settled).sum())
    assert _answer(book, "how many orders are not settled") == int((~settled).sum())
    assert _answer(book, "total amount of settled orders") == pytest.approx(
        frame[settled]["Amount (€)"].sum()
    )
    people, crew = staff
    assert _answer(people, "how many remote staff") == int((crew["Remote"] == "Y").sum())


def test_true_false_columns_as_adjectives(staff: Any) -> None:
    people, crew = staff
    certified = crew["Certified"].astype(bool)
    assert _answer(people, "how many uncertified staff") == int((~certified).sum())
    assert _answer(people, "average pay of certified people") == pytest.approx(
        crew[certified]["Pay"].mean()
    )


@pytest.mark.libreoffice
def test_true_false_formulas_recalculate_to_the_answer(staff_path: Path, tmp_path: Path) -> None:
    book = nlsheet.open(staff_path)
    commands = ("how many uncertified staff", "average pay of certified people")
    assert not _parity(book, staff_path, commands, tmp_path)


def test_status_values_as_verbs(orders: Any) -> None:
    book, frame, _ = orders
    cancelled = frame["State"] == "Cancelled"
    assert _answer(book, "how many orders were cancelled") == int(cancelled.sum())
    assert _answer(book, "total amount for cancelled orders") == pytest.approx(
        frame[cancelled]["Amount (€)"].sum()
    )


def test_a_status_verb_the_table_cannot_test_is_refused(staff: Any) -> None:
    people, _ = staff
    with pytest.raises(nlsheet.NlsheetError):
        people.ask("how many staff were promoted")


# -- quantities -------------------------------------------------------------------------------


def test_quantities_with_currency_units_and_suffixes(orders: Any) -> None:
    book, frame, _ = orders
    amount, weight = frame["Amount (€)"], frame["Weight (kg)"]
    assert _answer(book, "how many orders over €2k") == int((amount > 2000).sum())
    assert _answer(book, "number of orders under 10 kg") == int((weight < 10).sum())
    between = int(((amount >= 500) & (amount <= 1500)).sum())
    assert _answer(book, "how many orders between €500 and €1,500") == between


def test_an_unnamed_comparison_never_goes_to_an_identifier(orders: Any) -> None:
    book, frame, _ = orders
    # Order numbers run 5000..5047: 'over 5010' must not count order numbers.
    result = book.ask("how many orders over 5010")
    assert result.plan is not None
    assert "Order No" not in str(result.plan.to_dict())
    assert result.value == int((frame["Amount (€)"] > 5010).sum())


# -- dates ------------------------------------------------------------------------------------


def test_dates_written_many_ways(orders: Any) -> None:
    book, frame, _ = orders
    placed = pd.to_datetime(frame["Placed"])
    amount = frame["Amount (€)"]
    march = placed.dt.month == 3
    assert _answer(book, "total amount in March 2025") == pytest.approx(amount[march].sum())
    q2 = placed.dt.quarter == 2
    assert _answer(book, "total amount in Q2 2025") == pytest.approx(amount[q2].sum())
    h1 = placed.dt.month <= 6
    assert _answer(book, "total amount in the first half of 2025") == pytest.approx(
        amount[h1].sum()
    )
    spring = placed.dt.month.between(2, 4)
    assert _answer(book, "how many orders from February to April") == int(spring.sum())
    since = placed >= pd.Timestamp(2025, 5, 10)
    assert _answer(book, "total amount since May 10") == pytest.approx(amount[since].sum())


def test_a_month_in_two_years_of_data_is_not_guessed(staff: Any) -> None:
    # 'Started' spans 2016 to 2025: March of which year? The question offers the years and
    # every March, and each option answers.
    people, crew = staff
    started = pd.to_datetime(crew["Started"])
    asked = people.ask("how many people started in March")
    assert asked.needs_clarification and asked.clarification is not None
    labels = [o.label for o in asked.clarification.options]
    assert labels[-1] == "in March of any year"
    latest = int(started[started.dt.month == 3].dt.year.max())
    assert labels[0] == f"in March {latest}"
    in_latest = (started.dt.month == 3) & (started.dt.year == latest)
    assert asked.choose(0).value == int(in_latest.sum())
    assert asked.choose(len(labels) - 1).value == int((started.dt.month == 3).sum())


# -- groups -----------------------------------------------------------------------------------


def test_x_by_y_without_an_aggregate_word_is_a_question(orders: Any) -> None:
    book, frame, _ = orders
    result = book.ask("amount by city")
    assert result.intent == "sum" and not result.changes
    expected = frame.groupby("City")["Amount (€)"].sum()
    assert result.value == pytest.approx(expected.to_dict())
    counted = book.ask("orders by item")
    assert counted.value == frame["Item"].value_counts().to_dict()


def test_two_group_keys_and_a_period(orders: Any) -> None:
    book, frame, _ = orders
    result = book.ask("total amount by city and quarter")
    quarter = "Q" + pd.to_datetime(frame["Placed"]).dt.quarter.astype(str)
    expected: dict[str, dict[str, float]] = {}
    totals = frame.groupby(["City", quarter], sort=False)["Amount (€)"].sum()
    for (city, q), total in totals.items():
        expected.setdefault(str(city), {})[str(q)] = float(total)
    assert result.value.keys() == expected.keys()
    for city, quarters in expected.items():
        assert result.value[city] == pytest.approx(quarters)
    assert list(result.value["Lyon"]) == sorted(result.value["Lyon"])  # calendar order
    assert len(result.formulas) == sum(len(v) for v in expected.values())
    monthly = book.ask("monthly units")
    months = pd.to_datetime(frame["Placed"]).dt.month
    assert list(monthly.value.values()) == frame.groupby(months)["Units"].sum().tolist()


@pytest.mark.libreoffice
def test_group_formulas_recalculate_to_the_answer(orders: Any, tmp_path: Path) -> None:
    book, _, path = orders
    commands = ("total amount by city and quarter", "units by item and month")
    assert not _parity(book, path, commands, tmp_path)


# -- text inside cells ------------------------------------------------------------------------


def test_a_word_inside_free_text_cells_is_a_contains_test(orders: Any) -> None:
    book, frame, _ = orders
    refund = frame["Remarks"].str.contains("refund", case=False)
    assert _answer(book, "how many orders mention refund") == int(refund.sum())
    assert _answer(book, "total amount of orders whose remarks mention fragile") == pytest.approx(
        frame[frame["Remarks"].str.contains("fragile")]["Amount (€)"].sum()
    )


# -- a question never becomes a change ---------------------------------------------------------


@pytest.mark.parametrize("command", ["amount by city and month", "units per item"])
def test_a_question_is_never_a_change(orders: Any, command: str) -> None:
    book, _, _ = orders
    result = book.ask(command)
    assert not result.changes
    assert result.intent not in ("pivot", "chart", "highlight", "trend")


# -- superlatives over rows and over groups ----------------------------------------------------


def test_superlatives_over_groups(orders: Any) -> None:
    book, frame, _ = orders
    totals = frame.groupby("Client")["Amount (€)"].sum().sort_values(ascending=False)
    assert _answer(book, "top 2 clients by amount") == list(totals.index[:2])
    assert _answer(book, "which client has the highest total amount") == totals.index[0]
    counts = frame["Item"].value_counts()
    assert counts.iloc[0] != counts.iloc[1]  # the data has no tie at the top
    assert _answer(book, "top 1 item by number of orders") == counts.index[0]


def test_a_superlative_names_what_it_ranks_by(orders: Any) -> None:
    book, frame, _ = orders
    latest = frame.loc[pd.to_datetime(frame["Placed"]).idxmax(), "Order No"]
    # An order number names the row as the number it is.
    assert _answer(book, "which order no is the newest") == latest
    heaviest = frame.loc[frame["Weight (kg)"].idxmax(), "Order No"]
    assert _answer(book, "which order no is the heaviest") == heaviest


@pytest.mark.libreoffice
def test_ranked_group_formulas_recalculate_to_the_answer(orders: Any, tmp_path: Path) -> None:
    book, _, path = orders
    commands = ("top 2 clients by amount", "top 3 cities by number of orders")
    assert not _parity(book, path, commands, tmp_path)


def test_counting_a_repeating_name_asks_rows_or_different_names(orders: Any) -> None:
    book, frame, _ = orders
    lyon = frame[frame["City"] == "Lyon"]
    asked = book.ask("how many clients are in Lyon")
    assert asked.needs_clarification and asked.clarification is not None
    assert asked.choose(0).value == lyon["Client"].nunique()
    assert asked.choose(1).value == len(lyon)
    # 'count of city' counts the column's cells, as COUNTA does: nothing to ask.
    assert _answer(book, "count of city") == len(frame)


def test_row_nouns_and_flags_as_group_keys(orders: Any, staff: Any) -> None:
    book, frame, _ = orders
    result = _answer(book, "orders by city and settled")
    for (city, settled), n in frame.groupby(["City", "Settled"]).size().items():
        assert result[city][settled] == n
    people, crew = staff
    assert _answer(people, "staff members by team") == crew["Team"].value_counts().to_dict()


def test_quoted_words_in_a_named_column_are_a_contains_test(orders: Any) -> None:
    book, frame, _ = orders
    glass = frame["Remarks"].str.contains("glass", case=False)
    assert _answer(book, "how many orders have 'glass' in the remarks") == int(glass.sum())


@pytest.mark.parametrize(
    "command", ["clients who bought at least 20 units", "items with 10 or more units"]
)
def test_options_offered_back_fit_the_words_and_types(orders: Any, command: str) -> None:
    book, _, _ = orders
    try:
        result = book.ask(command)
    except nlsheet.NlsheetError:
        return
    if result.clarification is None:
        return
    for option in result.clarification.options:
        stated = option.command.split(":")[0]
        assert stated not in ("number_format", "highlight", "sort", "chart", "pivot")
        assert not option.label.startswith(("minimum of Client", "total of Client"))
    assert "at least" not in str(result.intent) and result.intent not in ("arg_min", "arg_max")


def test_negated_status_values_and_irregular_flag_verbs(orders: Any) -> None:
    book, frame, _ = orders
    not_cancelled = int((frame["State"] != "Cancelled").sum())
    assert _answer(book, "how many orders have not been cancelled") == not_cancelled
    unsettled = int((frame["Settled"] == "No").sum())
    assert _answer(book, "how many orders haven't yet been settled") == unsettled
    refund = frame["Remarks"].str.contains("refund")
    assert _answer(book, "how many orders have remarks that mention a refund") == int(refund.sum())


def test_per_a_number_column_is_a_rate_not_a_grouping(orders: Any) -> None:
    book, frame, _ = orders
    # No total of rates: asked whether the totals' ratio or the rows' average rate is meant.
    asked = book.ask("total amount per units")
    assert asked.clarification is not None and not asked.value
    values = [book.ask(o.command).value for o in asked.clarification.options]
    amount, units = frame["Amount (€)"], frame["Units"]
    assert values[0] == pytest.approx(amount.sum() / units.sum())
    assert values[1] == pytest.approx((amount / units).mean())
    # 'expected' is no command word: an expected amount is not the amount.
    with pytest.raises(nlsheet.NlsheetError, match="expected"):
        book.ask("total expected amount")


# -- bare descriptions of rows, and the words that name what to rank by ----------------------


def test_a_bare_description_of_rows_is_how_many_fit_it(orders: Any) -> None:
    book, frame, _ = orders
    assert _answer(book, "orders over €3,000") == int((frame["Amount (€)"] > 3000).sum())
    assert _answer(book, "unsettled orders") == int((frame["Settled"] == "No").sum())
    assert _answer(book, "orders placed before 2025-03-01") == int(
        (frame["Placed"] < dt.date(2025, 3, 1)).sum()
    )
    # 'which' and a plural noun for the rows lists them by their key column.
    listed = _answer(book, "which orders are unsettled")
    assert sorted(listed) == sorted(frame.loc[frame["Settled"] == "No", "Order No"].tolist())


def test_a_bare_description_is_never_read_as_a_highlight(orders: Any) -> None:
    book, frame, _ = orders
    result = book.ask("orders above €2,500")
    assert result.changes == () and result.intent == "count"
    assert result.value == int((frame["Amount (€)"] > 2500).sum())


def test_a_date_column_compared_with_a_year(orders: Any, staff: Any) -> None:
    people, frame = staff
    started = pd.to_datetime(frame["Started"])
    assert _answer(people, "how many staff started before 2019") == int(
        (started.dt.year < 2019).sum()
    )
    assert _answer(people, "how many staff started after 2020") == int(
        (started.dt.year > 2020).sum()
    )
    assert _answer(people, "how many staff started between 2017 and 2018") == int(
        started.dt.year.between(2017, 2018).sum()
    )
    book, orders_frame, _ = orders
    placed = pd.to_datetime(orders_frame["Placed"])
    # A whole date keeps its own month and year ('after 14 March 2025').
    assert _answer(book, "how many orders were placed after 14 March 2025") == int(
        (placed > pd.Timestamp(2025, 3, 14)).sum()
    )


def test_verbs_and_doer_nouns_name_the_measure_and_the_people(staff: Any, orders: Any) -> None:
    people, frame = staff
    assert _answer(people, "who earns the most") == frame.loc[frame["Pay"].idxmax(), "Staff Member"]
    book, orders_frame, _ = orders
    totals = orders_frame.groupby("Client")["Amount (€)"].sum().sort_values(ascending=False)
    # 'the largest order': a row's size is its one amount of money.
    largest = _answer(book, "which client placed the largest order")
    assert largest == orders_frame.loc[orders_frame["Amount (€)"].idxmax(), "Client"]
    # 'the 2 clients who spent the most': how many names to give, ranked by their totals.
    assert _answer(book, "the 2 clients who spent the most") == totals.index[:2].tolist()


def test_adding_up_percentages_asks_first() -> None:
    frame = pd.DataFrame({"Shop": ["A", "B", "C"], "Margin %": [12.0, 20.0, 31.0]})
    result = nlsheet.open(frame).ask("total margin %")
    assert result.clarification is not None
    assert "average" in result.clarification.options[0].label


def test_an_average_per_row_key_is_over_the_rows() -> None:
    frame = pd.DataFrame({"Store": ["North", "South", "East"], "Revenue": [10.0, 20.0, 60.0]})
    result = nlsheet.open(frame).ask("average revenue per store")
    assert result.value == pytest.approx(30.0)


def test_quoted_words_in_the_name_test_the_column_naming_the_rows(orders: Any) -> None:
    frame = pd.DataFrame({"Item": ["Oak Box", "Pine Box", "Stool"], "Price": [5.0, 6.0, 7.0]})
    assert nlsheet.open(frame).ask("how many items have 'box' in the name").value == 2


def test_out_of_a_quantity_is_none_of_it_left() -> None:
    frame = pd.DataFrame({"SKU": ["A1", "A2", "A3", "A4"], "Stock": [0, 4, 0, 9]})
    assert nlsheet.open(frame).ask("how many SKUs are out of stock").value == 2
    # The stock under another name ('Qty Available'), beside a unit price: that quantity.
    other = pd.DataFrame(
        {"SKU": ["B1", "B2", "B3"], "Qty Available": [5, 0, -1], "Unit Price": [0.0, 3.0, 2.0]}
    )
    book = nlsheet.open(other)
    assert _answer(book, "how many SKUs are out of stock") == 2
    assert _answer(book, "which SKUs are sold out") == ["B2", "B3"]


def test_a_month_header_is_never_excused_as_a_verb() -> None:
    """'March' names the Mar column: a lookup that cannot use it is refused, not answered
    with January alone."""
    frame = pd.DataFrame({"Product": ["Tea", "Cocoa"], "Jan": [1, 2], "Mar": [5, 6]})
    with pytest.raises(nlsheet.NlsheetError):
        nlsheet.open(frame).ask("Tea sales in January and March each")


# -- measures named by their words ---------------------------------------------------------------


def _stock() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Part": ["Hinge", "Latch", "Screw", "Bolt", "Nail"],
            "Depot": ["Leeds", "York", "Leeds", "York", "Leeds"],
            "In Stock": [10, 4, 250, 120, 900],
            "Unit Price": [2.5, 7.0, 0.05, 0.2, 0.01],
            "Buy Cost": [1.5, 4.0, 0.02, 0.1, 0.004],
            "Sell Price": [2.5, 7.0, 0.05, 0.2, 0.01],
        }
    )


def test_inventory_value_is_quantity_times_unit_price() -> None:
    frame = _stock().drop(columns=["Buy Cost", "Sell Price"])
    book = nlsheet.open(frame)
    worth = frame["In Stock"] * frame["Unit Price"]
    assert book.ask("inventory value").value == pytest.approx(worth.sum())
    by_depot = book.ask("stock value by depot").value
    assert by_depot == pytest.approx(worth.groupby(frame["Depot"]).sum().to_dict())


def test_margin_is_price_minus_cost_and_never_another_column() -> None:
    frame = _stock().drop(columns=["Unit Price"])
    book = nlsheet.open(frame)
    margin = frame["Sell Price"] - frame["Buy Cost"]
    assert book.ask("average margin").value == pytest.approx(margin.mean())
    # Ranked by the margin of each row, never by the Sell Price or Buy Cost column alone.
    assert _answer(book, "which part has the highest margin") == frame["Part"][margin.idxmax()]
    assert _answer(book, "which part has the lowest margin") == frame["Part"][margin.idxmin()]
    top2 = frame["Part"][margin.sort_values(ascending=False).index[:2]].tolist()
    assert _answer(book, "the 2 parts with the highest margin") == top2


def test_expected_revenue_weighs_amounts_by_their_chance() -> None:
    frame = pd.DataFrame(
        {
            "Opportunity": ["A", "B", "C"],
            "Expected Close": pd.to_datetime(["2025-01-10", "2025-02-11", "2025-03-12"]),
            "Deal Size": [1000.0, 500.0, 2000.0],
            "Win Probability": [0.5, 0.2, 0.9],
        }
    )
    result = nlsheet.open(frame).ask("expected revenue")
    assert result.value == pytest.approx(1000 * 0.5 + 500 * 0.2 + 2000 * 0.9)
    # With the chance stored as a percentage number, the product would be 100x: not
    # answered (refused, or asked back), and never read as the Expected Close date.
    frame["Win Probability"] = [50, 20, 90]
    try:
        again = nlsheet.open(frame).ask("expected revenue")
    except nlsheet.NlsheetError:
        return
    assert again.value is None and again.clarification is not None


def _branches() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Branch": ["Aldgate", "Bow", "Camden", "Deptford", "Ealing", "Fulham"],
            "Area": ["East", "East", "North", "South", "West", "West"],
            "Sales": [120.0, 340.0, 90.0, 410.0, 205.0, 150.0],
            "Quota": [150.0, 300.0, 160.0, 400.0, 200.0, 185.0],
        }
    )


def test_missing_or_beating_a_target_compares_the_goal_with_the_actual() -> None:
    """'missed its quota by the most' ranks the rows that missed it by quota - sales; without
    'by' the words pick those rows; 'beat' is the other way round."""
    frame = _branches()
    book = nlsheet.open(frame)
    short = frame["Quota"] - frame["Sales"]
    missed = frame[short > 0]
    assert (
        _answer(book, "which branch missed its quota by the most")
        == frame["Branch"][short.idxmax()]
    )
    assert _answer(book, "how many branches missed their quota") == len(missed)
    assert _answer(book, "total sales of branches that missed their quota") == pytest.approx(
        missed["Sales"].sum()
    )
    beat = frame["Sales"] - frame["Quota"]
    assert (
        _answer(book, "which branch beat its quota by the most") == frame["Branch"][beat.idxmax()]
    )
    # The least short of the quota is still one that missed it, not one that beat it.
    least = frame["Branch"][short[short > 0].idxmin()]
    assert _answer(book, "which branch missed its quota by the least") == least


def test_derived_measure_formulas_recalculate_to_the_answer(tmp_path: Path) -> None:
    path = _write(tmp_path / "stock.xlsx", "Stock", _stock().drop(columns=["Unit Price"]))
    book = nlsheet.open(path)
    commands = (
        "total margin",
        "average margin by depot",
        "which part has the highest margin",
        "the 2 parts with the highest margin",
    )
    assert not _parity(book, path, commands, tmp_path)
    path = _write(tmp_path / "branches.xlsx", "Branches", _branches())
    book = nlsheet.open(path)
    commands = ("which branch missed its quota by the most", "how many branches missed their quota")
    assert not _parity(book, path, commands, tmp_path)


def test_how_many_of_a_number_column_having_a_condition_asks_total_or_rows() -> None:
    """'how many goals have ...' reads as the total of Goals or as a number of rows: asked,
    each option answering; a column of positions or years is counted without asking."""
    frame = pd.DataFrame(
        {
            "Club": ["Ashford", "Bexley", "Crayford", "Dartford"],
            "Round": [1, 2, 2, 3],
            "Season": [2019, 2020, 2021, 2021],
            "Goals": [14, 9, 21, 5],
            "Wins": [3, 5, 6, 2],
        }
    )
    book = nlsheet.open(frame)
    result = book.ask("how many goals have more than 2 wins")
    assert result.clarification is not None
    options = {o.label: o for o in result.clarification.options}
    picked = frame[frame["Wins"] > 2]
    total = next(o for label, o in options.items() if "total" in label)
    rows = next(o for label, o in options.items() if "rows" in label)
    assert book.ask(total.command).value == picked["Goals"].sum()
    assert book.ask(rows.command).value == len(picked)
    assert book.ask("how many rounds have more than 2 wins").value == len(picked)
    assert book.ask("how many seasons have more than 2 wins").value == len(picked)
    # Years and positions are counted, never added up, even where amounts would be.
    assert _answer(book, "how many seasons did Crayford play") == 1
    assert _answer(book, "total number of rounds for Bexley") == 1
    assert _answer(book, "sum of round") == frame["Round"].sum()  # asked for by name


def test_a_comparison_with_one_column_reads_the_column_it_pairs_with() -> None:
    """'below their reorder level' compares the quantity on hand (not the unit price) with it;
    'over budget' the actual figure with the budget; the rows picked, never a ratio."""
    stock = pd.DataFrame(
        {
            "Part": ["Hinge", "Latch", "Screw", "Bolt"],
            "Qty On Hand": [3, 40, 12, 0],
            "Unit Price": [2.5, 7.0, 0.05, 0.2],
            "Min Level": [5, 10, 20, 4],
        }
    )
    low = stock[stock["Qty On Hand"] < stock["Min Level"]]
    book = nlsheet.open(stock)
    assert _answer(book, "how many parts are below their min level") == len(low)
    assert _answer(book, "which parts are under the min level") == low["Part"].tolist()
    jobs = pd.DataFrame(
        {"Job": ["A", "B", "C", "D"], "Budget": [10, 20, 30, 5], "Actual": [12, 15, 31, 9]}
    )
    over = jobs[jobs["Actual"] > jobs["Budget"]]
    book = nlsheet.open(jobs)
    assert _answer(book, "how many jobs are over budget") == len(over)
    assert _answer(book, "total actual of jobs over budget") == over["Actual"].sum()
    assert _answer(book, "jobs under budget") == len(jobs) - len(over)


def test_when_with_first_or_last_asks_for_the_earliest_or_latest_date(orders: Any) -> None:
    book, frame, _ = orders
    placed = pd.to_datetime(frame["Placed"])
    assert _answer(book, "when was the first order placed") == placed.min().date().isoformat()
    assert _answer(book, "when did we get the most recent order") == placed.max().date().isoformat()
    porto = placed[frame["City"] == "Porto"]
    assert _answer(book, "when was the last order from Porto") == porto.max().date().isoformat()


def test_a_word_for_a_column_after_its_name_adds_nothing(orders: Any) -> None:
    """'by settled status' groups by Settled; 'client status' is no column of names with a
    status, so it is refused rather than grouped by Client."""
    book, frame, _ = orders
    expected = frame.groupby("Settled").size().to_dict()
    assert _answer(book, "number of orders by settled status") == expected
    assert (
        _answer(book, "total units by the city field")
        == frame.groupby("City")["Units"].sum().to_dict()
    )
    with pytest.raises(nlsheet.NlsheetError):
        book.ask("total units by client status")
    # A unit of count before a quantity ('units on hand') adds nothing to it.
    stock = pd.DataFrame({"Bin": ["A", "B", "C"], "Zone": ["N", "S", "N"], "On Hand": [4, 9, 6]})
    on_hand = nlsheet.open(stock).ask("units on hand by zone").value
    assert on_hand == stock.groupby("Zone")["On Hand"].sum().to_dict()


def test_which_rep_names_the_people_of_the_table() -> None:
    """'which rep': the column of people (Account Owner), not the rows' own names."""
    deals = pd.DataFrame(
        {
            "Opportunity": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"],
            "Account Owner": ["Rui", "Ana", "Rui", "Lea", "Ana", "Ana"],
            "Value (€)": [900.0, 4000.0, 1200.0, 3100.0, 250.0, 80.0],
        }
    )
    book = nlsheet.open(deals)
    biggest = deals.loc[deals["Value (€)"].idxmax(), "Account Owner"]
    assert _answer(book, "which rep owns the largest opportunity") == biggest
    most = deals["Account Owner"].value_counts()
    assert _answer(book, "which salesperson has the most opportunities") == most.idxmax()


def test_who_after_the_noun_for_the_rows_asks_nothing(staff: Any) -> None:
    """'staff who are certified' describes rows: the relative 'who' asks nothing, so the
    answer is how many rows fit."""
    book, frame = staff
    certified = frame[frame["Certified"]]
    assert _answer(book, "staff who are certified") == len(certified)
    assert _answer(book, "staff who are certified and work remote") == len(
        certified[certified["Remote"] == "Y"]
    )


def test_a_verb_made_of_a_header_word_names_what_the_column_records() -> None:
    """'tickets closing in March' beside a Close Date column, 'samples tested since May'
    beside a Test column: the verb reads nothing of its own."""
    frame = pd.DataFrame(
        {
            "Ticket": ["T1", "T2", "T3", "T4", "T5"],
            "Test": ["pH", "pH", "lead", "lead", "pH"],
            "Close Date": pd.to_datetime(
                ["2025-03-02", "2025-03-20", "2025-04-11", "2025-05-30", "2025-03-31"]
            ),
            "Hours": [3.0, 5.5, 1.0, 8.0, 2.5],
        }
    )
    book = nlsheet.open(frame)
    march = frame[frame["Close Date"].dt.month == 3]
    assert _answer(book, "total hours of tickets closing in March 2025") == march["Hours"].sum()
    since = frame[frame["Close Date"] >= "2025-04-01"]
    assert _answer(book, "tickets tested since 1 April 2025") == len(since)


def test_people_named_by_their_field_pick_its_rows() -> None:
    """'engineers' are the rows of the Engineering department, 'accountants' of Accounting."""
    frame = pd.DataFrame(
        {
            "Name": ["Ada", "Bo", "Cy", "Di", "Ed", "Flo"],
            "Dept": ["Engineering", "Accounting", "Engineering", "Legal", "Accounting", "Legal"],
            "Site": ["Oslo", "Oslo", "Bergen", "Oslo", "Bergen", "Bergen"],
            "Pay": [70, 55, 72, 60, 58, 61],
        }
    )
    book = nlsheet.open(frame)
    engineers = frame[frame["Dept"] == "Engineering"]
    assert _answer(book, "how many engineers are there in Bergen") == len(
        engineers[engineers["Site"] == "Bergen"]
    )
    accountants = frame[frame["Dept"] == "Accounting"]
    assert _answer(book, "average pay of accountants") == accountants["Pay"].mean()


def test_more_in_one_column_than_in_another_compares_them_row_by_row() -> None:
    frame = pd.DataFrame(
        {
            "Route": ["R1", "R2", "R3", "R4"],
            "2021": [120, 340, 90, 410],
            "2022": [150, 300, 95, 400],
            "2023": [160, 310, 80, 420],
        }
    )
    book = nlsheet.open(frame)
    grew = frame[frame["2023"] > frame["2021"]]
    assert _answer(book, "how many routes had more passengers in 2023 than in 2021") == len(grew)
    fell = frame[frame["2022"] < frame["2021"]]
    assert (
        _answer(book, "which routes had fewer riders in 2022 than 2021") == fell["Route"].tolist()
    )


def test_a_column_read_as_the_numbers_unit_is_the_column_compared() -> None:
    """'at least 2,000 minutes' beside a Minutes column: the unit word is the column, the
    rows are counted ('players who played ...' is what players do)."""
    frame = pd.DataFrame(
        {"Player": ["A", "B", "C", "D"], "Minutes": [2500, 1800, 2000, 300], "Goals": [3, 1, 0, 2]}
    )
    book = nlsheet.open(frame)
    assert _answer(book, "players who played at least 2,000 minutes") == 2
    assert _answer(book, "players with at least 2000 minutes") == 2


def test_the_verb_after_a_subject_value_picks_no_rows_unless_it_names_a_state() -> None:
    frame = pd.DataFrame(
        {
            "Case": ["C1", "C2", "C3", "C4", "C5"],
            "Agent": ["Noor", "Noor", "Iva", "Noor", "Iva"],
            "State": ["Open", "Closed", "Closed", "Closed", "Open"],
        }
    )
    book = nlsheet.open(frame)
    noor = frame[frame["Agent"] == "Noor"]
    assert _answer(book, "how many cases did Noor handle") == len(noor)
    assert _answer(book, "how many closed cases did Noor handle") == len(
        noor[noor["State"] == "Closed"]
    )
    # 'close' is the Closed state's verb: answering all of Noor's cases would ignore it.
    with pytest.raises(nlsheet.NlsheetError):
        book.ask("how many cases did Noor close")


def test_overall_ranks_by_the_total_column_of_a_wide_table() -> None:
    frame = pd.DataFrame(
        {
            "Line": ["Kettle", "Toaster", "Blender"],
            "Q1": [10, 40, 25],
            "Q2": [50, 5, 30],
            "Total": [60, 45, 55],
        }
    )
    book = nlsheet.open(frame)
    assert _answer(book, "which line sold the most overall") == "Kettle"
    assert _answer(book, "which line sold the least overall") == "Toaster"


def test_a_number_no_row_holds_or_an_aggregate_of_its_own_condition_is_refused() -> None:
    frame = pd.DataFrame(
        {"Team": ["Ayr", "Bute", "Cupar"], "Points": [20, 31, 17], "Tries": [4, 6, 2]}
    )
    book = nlsheet.open(frame)
    # 'points of 667': no row has it, so an answer over no rows would look like a result.
    with pytest.raises(nlsheet.NlsheetError, match="no row has Points equal to 667"):
        book.ask("with points of 667, how many tries")
    # 'Points' over the rows where Points is 20 is 20 again: the number is another column's.
    with pytest.raises(nlsheet.NlsheetError, match="that number again"):
        book.ask("total points where points is 20")
    assert _answer(book, "tries of the team with 31 points") == 6


def _ledger() -> pd.DataFrame:
    r = random.Random(23)
    days = [dt.date(2025, 1, 1) + dt.timedelta(days=3 * i) for i in range(60)]
    return pd.DataFrame(
        {
            "Ref ID": [f"R{i:03d}" for i in range(60)],
            "Day": days,
            "Shop": [r.choice(["Ayr", "Bute", "Cupar"]) for _ in days],
            "Clerk": [r.choice(["Ann Mor", "Bo Lin", "Cy Dunn"]) for _ in days],
            "Sales": [round(r.uniform(10, 500), 2) for _ in days],
        }
    )


def test_a_sheet_named_after_its_amount_column_totals_that_column(tmp_path: Path) -> None:
    """In a sheet 'Sales' with a Sales column, 'sales by shop' totals the column; 'how many
    sales' reads two ways and is asked."""
    frame = _ledger()
    book = nlsheet.open(_write(tmp_path / "ledger.xlsx", "Sales", frame))
    by_shop = book.ask("sales by shop").value
    assert by_shop == pytest.approx(frame.groupby("Shop")["Sales"].sum().to_dict())
    asked = book.ask("how many sales in March")
    assert asked.clarification is not None
    march = frame[pd.to_datetime(frame["Day"]).dt.month == 3]
    values = sorted(book.ask(o.command).value for o in asked.clarification.options)
    assert values == pytest.approx(sorted([march["Sales"].sum(), len(march)]))


def test_days_without_a_year_make_ranges_and_on_or_after_includes_the_day(tmp_path: Path) -> None:
    frame = _ledger()
    days = pd.to_datetime(frame["Day"])
    book = nlsheet.open(_write(tmp_path / "ledger.xlsx", "Ledger", frame))
    inside = frame[(days >= "2025-02-03") & (days <= "2025-03-20")]
    assert _answer(book, "total sales between February 3 and March 20") == pytest.approx(
        inside["Sales"].sum()
    )
    march = frame[(days >= "2025-03-04") & (days <= "2025-03-19")]
    assert _answer(book, "total sales from 4 to 19 March") == pytest.approx(march["Sales"].sum())
    assert _answer(book, "rows on or after 1 March") == int((days >= "2025-03-01").sum())
    assert _answer(book, "rows on or before 1 March") == int((days <= "2025-03-01").sum())


def test_who_is_a_name_and_an_identifier_is_ranked_by_the_rows_size(tmp_path: Path) -> None:
    frame = _ledger()
    frame.insert(1, "Name", [f"Person {i}" for i in range(60)])
    book = nlsheet.open(_write(tmp_path / "ledger.xlsx", "Ledger", frame.drop(columns="Clerk")))
    assert _answer(book, "who has the lowest sales") == frame["Name"][frame["Sales"].idxmin()]


def test_by_with_no_word_for_a_sheet_is_a_question_and_one_row_groups_are_not_counted() -> None:
    frame = pd.DataFrame({"Product": ["Kite", "Yo-yo", "Top"], "Jan": [3, 4, 5], "Feb": [1, 2, 9]})
    book = nlsheet.open(frame)
    # Never 1 per product: asked back, and the counting option refused.
    asked = book.ask("sales by product")
    assert asked.value is None and asked.clarification is not None
    with pytest.raises(nlsheet.NlsheetError, match="one row"):
        book.ask("count: sales by product")
    orders = _orders()
    result = nlsheet.open(orders).ask("amount by city and state")
    assert result.changes == ()
    expected = {c: g.groupby("State")["Amount (€)"].sum() for c, g in orders.groupby("City")}
    assert set(result.value) == set(expected)
    for city, states in expected.items():
        assert result.value[city] == pytest.approx(states.to_dict())


def _crew() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Name": ["Ines", "Jon", "Kai", "Lea", "Mo", "Nia"],
            "Unit": ["Ops", "Ops", "Legal", "Legal", "Ops", "Legal"],
            "Age": [29, 51, 38, 44, 23, 60],
            "Pay (€)": [41000, 52000, 61000, 58000, 30000, 70000],
            "Parcel (kg)": [12.0, 31.5, 8.0, 45.0, 30.0, 2.5],
            "Sales": [120.0, 340.0, 90.0, 410.0, 205.0, 150.0],
        }
    )


def test_people_are_named_by_the_name_column_and_ranked_by_what_the_words_say() -> None:
    frame = _crew()
    book = nlsheet.open(frame)
    assert _answer(book, "the oldest person") == frame["Name"][frame["Age"].idxmax()]
    ops = frame[frame["Unit"] == "Ops"]
    assert _answer(book, "the youngest person in Ops") == ops["Name"][ops["Age"].idxmin()]
    legal = frame[frame["Unit"] == "Legal"]
    assert _answer(book, "highest paid person in Legal") == legal["Name"][legal["Pay (€)"].idxmax()]
    assert _answer(book, "who sold the most") == frame["Name"][frame["Sales"].idxmax()]
    assert _answer(book, "which person earns the most") == frame["Name"][frame["Pay (€)"].idxmax()]
    assert _answer(book, "in Ops, who sold the most?") == ops["Name"][ops["Sales"].idxmax()]
    assert _answer(book, "how many people are in Legal") == len(legal)


def test_units_and_money_words_find_their_column() -> None:
    frame = _crew().drop(columns="Sales")
    book = nlsheet.open(frame)
    heavy = frame[frame["Parcel (kg)"] > 30]
    assert _answer(book, "how many people have parcels heavier than 30 kg") == len(heavy)
    paid = frame[(frame["Pay (€)"] >= 40000) & (frame["Pay (€)"] <= 60000)]
    assert _answer(book, "how many people earn between 40000 and 60000 euros") == len(paid)
    expenses = pd.DataFrame(
        {"Who": ["A", "B", "A"], "Amount (£)": [10.0, 25.0, 5.0], "Distance (km)": [3, 9, 1]}
    )
    spend = nlsheet.open(expenses).ask("spend by who").value
    assert spend == expenses.groupby("Who")["Amount (£)"].sum().to_dict()
