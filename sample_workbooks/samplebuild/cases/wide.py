"""Everyday questions over wide tables: years as columns (visitors.xlsx) and months as columns
(monthly_sales.xlsx)."""

from __future__ import annotations

from typing import Any

from ..books.wide import MONTHS_SHORT
from ..query import C, Question
from ..table import Book


def visitors_questions(book: Book) -> list[Question]:
    v = "Visitors"

    def q(command: str, op: str, given: str | None = None, **kw: Any) -> Question:
        return Question(command, op, v, given, tags=("year_columns",), **kw)

    return [
        q("value for France in 2019", "lookup", target="2019", key="France", readme=True),
        q("visitors to Spain in 2016", "lookup", v, target="2016", key="Spain"),
        q("total for 2020", "sum", measure="2020"),
        q("average number of visitors in 2015", "average", v, measure="2015"),
        q("which country had the most visitors in 2022", "arg_max", target="Country",
          measure="2022", readme=True),
        q("how many countries had more than 30,000 in 2018", "count",
          where=(C("2018", "gt", 30_000),)),
        q("top 3 countries in 2021", "top_n", v, measure="2021", n=3),
        q("lowest figure in 2020", "min", measure="2020"),
        q("how many countries had more visitors in 2022 than in 2019", "count",
          where=(C("2022", "col_gt", "2019"),)),
        q("2022 minus 2019 for Italy", "sum", v, measure="2022", other="2019", arith="-",
          where=(C("Country", "eq", "Italy"),)),
        q("total visitors to Greece over all years", "sum",
          across=tuple(h for h in book.table(v).headers if h.isdigit()),
          where=(C("Country", "eq", "Greece"),)),
    ]  # fmt: skip


def monthly_questions(book: Book) -> list[Question]:
    m = "Monthly Sales"
    months = tuple(MONTHS_SHORT)

    def q(command: str, op: str, given: str | None = None, **kw: Any) -> Question:
        return Question(command, op, m, given, tags=("month_columns",), **kw)

    return [
        q("sales in April", "sum", measure="Apr", readme=True),
        q("average sales in June", "average", m, measure="Jun"),
        q("Scarf sales in March", "lookup", target="Mar", key="Scarf"),
        q("which product sold the most in December", "arg_max", target="Product",
          measure="Dec", readme=True),
        q("how many products sold over 1000 in July", "count", m,
          where=(C("Jul", "gt", 1000),)),
        q("top 3 products in August", "top_n", measure="Aug", n=3),
        q("lowest sales in February", "min", m, measure="Feb"),
        q("how many products sold more in December than in January", "count",
          where=(C("Dec", "col_gt", "Jan"),)),
        q("total sales in Q1", "sum", across=months[:3], readme=True),
        q("umbrella sales for the whole year", "sum", m, across=months,
          where=(C("Product", "eq", "Umbrella"),)),
        q("average monthly sales of candles", "average", across=months,
          where=(C("Product", "eq", "Candle"),)),
        q("which month had the highest total sales", "arg_max", across=months, readme=True),
        q("total sales for the year", "sum", m, across=months),
    ]  # fmt: skip
