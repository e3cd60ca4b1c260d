"""Everyday questions over team.xlsx (a TRUE/FALSE column) and expenses.xlsx (a table under a
title, with a totals row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..query import C, Question
from ..table import Book


def team_questions(book: Book) -> list[Question]:
    t = "Team"
    team = book.table(t)
    inactive_names = [row[0] for row in team.rows if row[-1] is False]
    active_names = [row[0] for row in team.rows if row[-1] is True]

    def q(command: str, op: str, given: str | None = t, **kw: Any) -> Question:
        feature = kw.pop("feature", "true_false")
        return Question(command, op, t, given, tags=(feature,), **kw)

    rate, active, inactive = "Day Rate (£)", C("Active", "eq", True), C("Active", "eq", False)
    return [
        q("how many inactive staff", "count", None, where=(inactive,), readme=True),
        q("how many people are active", "count", where=(active,)),
        q("number of active staff in Bristol", "count",
          where=(active, C("Location", "eq", "Bristol"))),
        q("average day rate of active staff", "average", measure=rate, where=(active,)),
        q("total weekly hours of the active team", "sum", measure="Hours per Week",
          where=(active,)),
        q("what percent of the team is active", "share", None, where=(active,)),
        q(f"is {inactive_names[2]} active", "lookup", target="Active", key=inactive_names[2],
          readme=True),
        q(f"is {active_names[5].lower()} still active", "lookup", None, target="Active",
          key=active_names[5]),
        q("list the roles of inactive people", "unique_values", target="Role",
          where=(inactive,)),
        q("active staff per location", "count", group="Location", where=(active,)),
        q("who has the highest day rate among active staff", "arg_max", target="Name",
          measure=rate, where=(active,)),
        q("how many inactive designers", "count",
          where=(inactive, C("Role", "eq", "Designer"))),
        q("average day rate in pounds", "average", measure=rate, feature="units"),
        q("how many people earn more than £400 a day", "count", None,
          where=(C(rate, "gt", 400),), feature="units"),
    ]  # fmt: skip


def expenses_questions(book: Book) -> list[Question]:
    e = "Expenses"

    def q(command: str, op: str, given: str | None = None, **kw: Any) -> Question:
        feature = kw.pop("feature", "offset_table")
        return Question(command, op, e, given, tags=(feature,), **kw)

    amount, km, category = "Amount (€)", "Distance (km)", "Category"
    return [
        q("total expenses", "sum", measure=amount, readme=True),
        q("how many expenses are there", "count"),
        q("average expense", "average", e, measure=amount),
        q("largest single expense", "max", measure=amount),
        q("median expense", "median", e, measure=amount),
        q("total spent on hotels", "sum", measure=amount,
          where=(C(category, "eq", "Hotel"),)),
        q("how many taxi rides", "count", e, where=(C(category, "eq", "Taxi"),)),
        q("how many expenses in August", "count", where=(C("Date", "month", 8),)),
        q("how much was spent after 2024-09-15", "sum", measure=amount,
          where=(C("Date", "after", dt.date(2024, 9, 15)),)),
        q("who spent the most", "arg_max", e, target="Employee", measure=amount),
        q("total amount by category", "sum", measure=amount, group=category),
        q("top 2 employees by expenses", "top_n", e, measure=amount, group="Employee", n=2,
          feature="top_groups"),
        q("total distance in km", "sum", measure=km, feature="units"),
        q("total km driven on mileage claims", "sum", e, measure=km,
          where=(C(category, "eq", "Mileage"),), feature="units"),
    ]  # fmt: skip
