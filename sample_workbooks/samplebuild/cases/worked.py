"""Worked commands over the first four workbooks (tests/cases/samples.yaml)."""

from __future__ import annotations

from ..query import CaseSpec
from ..table import Book


def sales_specs(book: Book) -> list[CaseSpec]:
    sales = book.table("Sales")
    g, e = sales.letter("Sales"), sales.letter("Units")
    return [
        CaseSpec("average of sales", "average", "Sales", "Sales", "Sales"),
        CaseSpec("what's the total revenue", "sum", "Sales", "Sales", None),
        CaseSpec("avrage of slaes", "average", "Sales", "Sales", None),
        CaseSpec("how many rows", "count", "Sales", None, None),
        CaseSpec("max of units", "max", "Sales", "Units", "Sales"),
        CaseSpec("median price", "median", "Sales", "Price", None),
        CaseSpec("min of sales", "min", "Sales", "Sales", None),
        CaseSpec("count of units", "count", "Sales", "Units", "Sales"),
        CaseSpec("count of region", "count", "Sales", "Region", "Sales"),
        CaseSpec(f"sum column {g}", "sum", "Sales", "Sales", "Sales"),
        CaseSpec(f"max of col {e}", "max", "Sales", "Units", None),
    ]


def inventory_specs(book: Book) -> list[CaseSpec]:
    stock = book.table("Stock")
    q = stock.letter("Quantity")
    return [
        CaseSpec("total quantity", "sum", "Stock", "Quantity", None),
        CaseSpec("average quantity", "average", "Stock", "Quantity", "Stock"),
        CaseSpec("max of quantity", "max", "Stock", "Quantity", "Stock"),
        CaseSpec("sum of quantitty", "sum", "Stock", "Quantity", None),
        CaseSpec(f"sum column {q}", "sum", "Stock", "Quantity", "Stock"),
        CaseSpec("count of quantity", "count", "Stock", "Quantity", "Stock"),
        CaseSpec("lowest unit cost", "min", "Stock", "Unit Cost ($)", None),
        CaseSpec("average unit cost", "average", "Stock", "Unit Cost ($)", "Stock"),
        CaseSpec("count of unit cost", "count", "Stock", "Unit Cost ($)", "Stock"),
        CaseSpec("median reorder level", "median", "Stock", "Reorder Level", "Stock"),
        CaseSpec("how many rows", "count", "Stock", None, "Stock"),
        CaseSpec("average lead time", "average", "Suppliers", "Lead Time (days)", None),
        CaseSpec("max rating", "max", "Suppliers", "Rating", "Suppliers"),
        CaseSpec("count rows", "count", "Suppliers", None, "Suppliers"),
    ]


def orders_specs(book: Book) -> list[CaseSpec]:
    orders = book.table("Orders")
    d = orders.letter("Amount")
    return [
        CaseSpec("how many orders", "count", "Orders", None, None),
        CaseSpec("average amount", "average", "Orders", "Amount", None),
        CaseSpec("max of ammount", "max", "Orders", "Amount", None),
        CaseSpec("min amount", "min", "Orders", "Amount", None),
        CaseSpec("median of amount", "median", "Orders", "Amount", "Orders"),
        CaseSpec("total amount", "sum", "Orders", "Amount", "Orders"),
        CaseSpec("count of status", "count", "Orders", "Status", "Orders"),
        CaseSpec(f"sum column {d}", "sum", "Orders", "Amount", "Orders"),
        CaseSpec("how many rows", "count", "Customers", None, "Customers"),
    ]


def budget_specs(book: Book) -> list[CaseSpec]:
    sheet = "Budget 2024"
    budget = book.table(sheet)
    d = budget.letter("Headcount")
    return [
        CaseSpec("total budget", "sum", sheet, "Budget", None),
        CaseSpec("average actual", "average", sheet, "Actual", None),
        CaseSpec("median of actual", "median", sheet, "Actual", None),
        CaseSpec("min budget", "min", sheet, "Budget", None),
        CaseSpec("max headcount", "max", sheet, "Headcount", sheet),
        CaseSpec(f"sum column {d}", "sum", sheet, "Headcount", sheet),
        CaseSpec("count rows", "count", sheet, None, None),
    ]
