"""WikiSQL-style questions over scores.xlsx."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..query import C, Question
from ..table import Book


def scores_questions(book: Book) -> list[Question]:
    g = "Games"

    def q(command: str, op: str, given: str | None = g, **kw: Any) -> Question:
        return Question(command, op, g, given, tags=("wikisql", *kw.pop("tags", ())), **kw)

    pf, pa, att = "Points For", "Points Against", "Attendance"
    venue, opp = "Venue", "Opponent"
    return [
        q("What was the attendance when the opponent was the Chicago Bears?", "lookup",
          target=att, key="Chicago Bears", readme=True),
        q("What was the attendance when the opponent was the new york giants?", "lookup",
          None, target=att, key="New York Giants"),
        q("what was the atendance against the Dallas Cowboys", "lookup", target=att,
          key="Dallas Cowboys", tags=("typo",)),
        q("How many games had points against over 20?", "count",
          where=(C(pa, "gt", 20),), readme=True),
        q("What is the highest attendance at Lambeau Field?", "max", None, measure=att,
          where=(C(venue, "eq", "Lambeau Field"),), readme=True),
        q("Which week was the game against the New York Giants?", "lookup", target="Week",
          key="New York Giants", readme=True),
        q("Which week was the game against the Atlanta Falcons?", "lookup", None,
          target="Week", key="Atlanta Falcons"),
        q("What was the result when the opponent was the Detroit Lions?", "lookup",
          target="Result", key="Detroit Lions"),
        q("What is the result when the opponent is San Francisco 49ers?", "lookup", None,
          target="Result", key="San Francisco 49ers"),
        q("What was the date of the game against the Houston Texans?", "lookup",
          target="Date", key="Houston Texans"),
        q("What venue was the game against the Tennessee Titans played at?", "lookup",
          target=venue, key="Tennessee Titans"),
        q("What is the points against when the opponent is Minnesota Vikings?", "lookup",
          target=pa, key="Minnesota Vikings"),
        q("How many games were played at Lambeau Field?", "count",
          where=(C(venue, "eq", "Lambeau Field"),)),
        q("What is the total attendance for games at Lambeau Field?", "sum", measure=att,
          where=(C(venue, "eq", "Lambeau Field"),)),
        q("What is the total attendance when the venue is not Lambeau Field?", "sum",
          measure=att, where=(C(venue, "neq", "Lambeau Field"),)),
        q("What is the lowest attendance when points for is over 30?", "min", measure=att,
          where=(C(pf, "gt", 30),)),
        q("What is the average attendance of games with points against under 15?",
          "average", measure=att, where=(C(pa, "lt", 15),)),
        q("How many games had an attendance over 70,000?", "count", None,
          where=(C(att, "gt", 70_000),)),
        q("How many games had points for between 20 and 30?", "count",
          where=(C(pf, "between", 20, 30),)),
        q("How many games had points against of at least 31?", "count",
          where=(C(pa, "gte", 31),)),
        q("What is the total points for when the result starts with W?", "sum", measure=pf,
          where=(C("Result", "starts_with", "W"),)),
        q("How many games have a result starting with L?", "count",
          where=(C("Result", "starts_with", "L"),)),
        q("How many games have a result containing 14?", "count",
          where=(C("Result", "contains", "14"),)),
        q("What is the total attendance when the opponent is the Chicago Bears or the "
          "Detroit Lions?", "sum", measure=att,
          where=(C(opp, "in_list", ("Chicago Bears", "Detroit Lions")),)),
        q("How many games where points for is greater than points against?", "count",
          where=(C(pf, "col_gt", pa),), readme=True),
        q("What is the total points for minus points against at Lambeau Field?", "sum",
          measure=pf, other=pa, arith="-", where=(C(venue, "eq", "Lambeau Field"),)),
        q("average of points for minus points against", "average", measure=pf, other=pa,
          arith="-"),
        q("ratio of points for to points against", "ratio", None, measure=pf, other=pa),
        q("What is the average points for?", "average", measure=pf),
        q("avrage attendance at Lambeau Field", "average", measure=att,
          where=(C(venue, "eq", "Lambeau Field"),), tags=("typo",)),
        q("How many games where points for is over 35 or points against is over 35?",
          "count", where=(C(pf, "gt", 35), C(pa, "gt", 35)), joiner="or"),
        q("median points against", "median", None, measure=pa),
        q("How many games were played in October?", "count",
          where=(C("Date", "month", 10),)),
        q("What is the total attendance in December?", "sum", measure=att,
          where=(C("Date", "month", 12),)),
        q("How many games were played before 2008-10-01?", "count",
          where=(C("Date", "before", dt.date(2008, 10, 1)),)),
        q("What is the total points against in games after 2008-11-30?", "sum",
          measure=pa, where=(C("Date", "after", dt.date(2008, 11, 30)),)),
        q("Which opponent had the highest attendance?", "arg_max", target=opp,
          measure=att, readme=True),
        q("Which opponent had the fewest points against?", "arg_min", None, target=opp,
          measure=pa),
        q("Which opponent had the most points for at Lambeau Field?", "arg_max",
          target=opp, measure=pf, where=(C(venue, "eq", "Lambeau Field"),)),
        q("top 3 rows by attendance", "top_n", measure=att, n=3),
        q("bottom 2 games by points against", "bottom_n", None, measure=pa, n=2),
        q("correlation between points for and points against", "correlation", measure=pa,
          other=pf),
        q("slope of attendance over week", "trend", measure=att, other="Week"),
        q("trend of points for over date", "trend", None, measure=pf, other="Date"),
        q("standard deviation of attendance", "stdev", measure=att),
        q("variance of points for", "variance", measure=pf),
        q("75th percentile of attendance", "percentile", measure=att, p="0.75"),
        q("mode of points against", "mode", measure=pa),
        q("total attendance by venue", "sum", measure=att, group=venue),
        q("list the venues", "unique_values", target=venue),
        q("how many different venues", "count_distinct", None, target=venue),
        q("most common venue", "most_frequent", target=venue),
        q("longest venue name", "longest", target=venue),
        q("what percent of games were played at Lambeau Field", "share",
          where=(C(venue, "eq", "Lambeau Field"),)),
    ]  # fmt: skip
