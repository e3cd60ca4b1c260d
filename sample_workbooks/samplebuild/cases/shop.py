"""Everyday questions over shop.xlsx: order status, free-text notes, units in headers, a Yes/No
column, two-level groups and the top customers by total."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..query import C, Question
from ..table import Book


def shop_questions(book: Book) -> list[Question]:
    od, inv = "Orders", "Invoices"

    def q(feature: str, command: str, op: str, given: str | None = od, **kw: Any) -> Question:
        return Question(command, op, od, given, tags=(feature,), **kw)

    def iq(feature: str, command: str, op: str, given: str | None = inv, **kw: Any) -> Question:
        return Question(command, op, inv, given, tags=(feature,), **kw)

    amount, weight, notes = "Amount (€)", "Weight (kg)", "Notes"
    status, paid, region = "Status", "Paid", "Region"
    cancelled, pending = C(status, "eq", "Cancelled"), C(status, "eq", "Pending")
    unpaid = C(paid, "eq", "No")
    refund = C(notes, "contains", "refund")
    return [
        # a status column: Shipped / Pending / Cancelled
        q("status", "how many orders were cancelled", "count", None, where=(cancelled,),
          readme=True),
        q("status", "how many orders are still pending", "count", where=(pending,)),
        q("status", "number of shipped orders", "count", where=(C(status, "eq", "Shipped"),)),
        q("status", "total amount of shipped orders", "sum", measure=amount,
          where=(C(status, "eq", "Shipped"),)),
        q("status", "average amount of cancelled orders", "average", measure=amount,
          where=(cancelled,)),
        q("status", "what share of orders got cancelled", "share", None, where=(cancelled,)),
        q("status", "how many orders have not been cancelled", "count",
          where=(C(status, "neq", "Cancelled"),)),
        q("status", "how many orders per status", "count", group=status),
        q("status", "most common order status", "most_frequent", target=status),
        q("status", "how many pending orders in the West", "count",
          where=(pending, C(region, "eq", "West"))),
        q("status", "total weight of pending orders", "sum", None, measure=weight,
          where=(pending,)),
        q("status", "how many orders are shipped or pending", "count",
          where=(C(status, "in_list", ("Shipped", "Pending")),)),
        # a free-text column
        q("free_text", "how many orders have notes that mention a refund", "count", None,
          where=(refund,), readme=True),
        q("free_text", "list the order ids whose notes mention refund", "unique_values",
          target="Order ID", where=(refund,)),
        q("free_text", "total amount of orders whose notes mention refund", "sum",
          measure=amount, where=(refund,)),
        q("free_text", "how many notes mention a gift", "count",
          where=(C(notes, "contains", "gift"),)),
        q("free_text", "how many orders have no notes", "count", where=(C(notes, "blank"),)),
        q("free_text", "how many orders have a note", "count", None,
          where=(C(notes, "not_blank"),)),
        q("free_text", "average weight of orders marked fragile", "average", measure=weight,
          where=(C(notes, "contains", "fragile"),)),
        q("free_text", "how many cancelled orders mention a refund", "count",
          where=(cancelled, refund)),
        q("free_text", "which customers had a damaged delivery", "unique_values",
          target="Customer", where=(C(notes, "contains", "damaged"),)),
        q("free_text", "how many orders asked for express delivery", "count",
          where=(C(notes, "contains", "express"),)),
        q("free_text", "longest note", "longest", target=notes),
        # units in the headers
        q("units", "total weight in kg", "sum", None, measure=weight, readme=True),
        q("units", "average order amount in euros", "average", measure=amount),
        q("units", "how many orders weigh more than 20 kg", "count",
          where=(C(weight, "gt", 20),)),
        q("units", "heaviest order in kg", "max", measure=weight),
        q("units", "how many orders over €500", "count", where=(C(amount, "gt", 500),)),
        q("units", "total weight of orders over 300 euros", "sum", measure=weight,
          where=(C(amount, "gt", 300),)),
        iq("units", "total € invoiced", "sum", measure=amount),
        # a Yes/No column
        iq("yes_no", "total of unpaid invoices", "sum", None, measure=amount, where=(unpaid,),
           readme=True),
        iq("yes_no", "how many invoices are paid", "count", where=(C(paid, "eq", "Yes"),)),
        iq("yes_no", "how many invoices haven't been paid yet", "count", None,
           where=(unpaid,)),
        iq("yes_no", "average amount of paid invoices", "average", measure=amount,
           where=(C(paid, "eq", "Yes"),)),
        iq("yes_no", "what percent of invoices are unpaid", "share", where=(unpaid,)),
        iq("yes_no", "biggest unpaid invoice", "max", measure=amount, where=(unpaid,)),
        iq("yes_no", "which customer owes us the most", "arg_max", target="Customer",
           measure=amount, where=(unpaid,)),
        iq("yes_no", "how much is still unpaid in the North", "sum", measure=amount,
           where=(unpaid, C(region, "eq", "North"))),
        iq("yes_no", "how many unpaid invoices were due before 2024-12-01", "count",
           where=(unpaid, C("Due", "before", dt.date(2024, 12, 1)))),
        iq("yes_no", "unpaid amount per region", "sum", measure=amount, group=region,
           where=(unpaid,)),
        iq("yes_no", "how many invoices did Bakery Rossi pay", "count",
           where=(C("Customer", "eq", "Bakery Rossi"), C(paid, "eq", "Yes"))),
        # two groupings: {group: {group2: value}}
        iq("two_level_group", "revenue by region and quarter", "sum", measure=amount,
           group=region, group2="Issued", period="quarter", readme=True),
        iq("two_level_group", "number of invoices by region and quarter", "count",
           group=region, group2="Issued", period="quarter"),
        iq("two_level_group", "average invoice amount by region and paid", "average",
           measure=amount, group=region, group2=paid),
        q("two_level_group", "how many orders by region and status", "count", group=region,
          group2=status),
        q("two_level_group", "total order amount by status and region", "sum",
          measure=amount, group=status, group2=region),
        q("two_level_group", "total weight by region and quarter", "sum", measure=weight,
          group=region, group2="Order Date", period="quarter"),
        # the top groups by their total
        iq("top_groups", "the 3 biggest spenders", "top_n", measure=amount, group="Customer",
           n=3, readme=True),
        iq("top_groups", "top 5 customers by invoiced amount", "top_n", measure=amount,
           group="Customer", n=5),
        iq("top_groups", "the 2 customers who spent the least", "bottom_n", measure=amount,
           group="Customer", n=2),
        iq("top_groups", "top 3 customers by unpaid amount", "top_n", measure=amount,
           group="Customer", n=3, where=(unpaid,)),
        iq("top_groups", "the 2 regions with the most revenue", "top_n", measure=amount,
           group=region, n=2),
        q("top_groups", "top 3 customers by order amount", "top_n", measure=amount,
          group="Customer", n=3),
    ]  # fmt: skip
