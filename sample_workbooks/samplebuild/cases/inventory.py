"""Questions over inventory.xlsx."""

from __future__ import annotations

from typing import Any

from ..query import C, Question
from ..table import Book


def inventory_questions(book: Book) -> list[Question]:
    st, su = "Stock", "Suppliers"

    def q(command: str, op: str, given: str | None = st, **kw: Any) -> Question:
        return Question(command, op, st, given, **kw)

    def sup(command: str, op: str, given: str | None = su, **kw: Any) -> Question:
        return Question(command, op, su, given, **kw)

    qty, cost = "Quantity", "Unit Cost ($)"
    return [
        q("total quantity where category is Tools", "sum", None, measure=qty,
          where=(C("Category", "eq", "Tools"),), readme=True),
        q("total qty in Electrical", "sum", measure=qty,
          where=(C("Category", "eq", "Electrical"),), tags=("synonym",)),
        q("max quantity in Plumbing", "max", measure=qty,
          where=(C("Category", "eq", "Plumbing"),)),
        q("how many items with quantity under 50", "count", None,
          where=(C(qty, "lt", 50),)),
        q("how many items with quantity over 400", "count", where=(C(qty, "gt", 400),)),
        q("median quantity where category is not Tools", "median", measure=qty,
          where=(C("Category", "neq", "Tools"),)),
        q("how many items with reorder level at most 20", "count",
          where=(C("Reorder Level", "lte", 20),)),
        q("how many items where category is Fasteners and quantity is over 200", "count",
          where=(C("Category", "eq", "Fasteners"), C(qty, "gt", 200))),
        q("average unit cost for Paint or Plumbing", "average", measure=cost,
          where=(C("Category", "in_list", ("Paint", "Plumbing")),)),
        q("how many items have no unit cost", "count", None,
          where=(C(cost, "blank"),), readme=True),
        q("count of items with a unit cost", "count", where=(C(cost, "not_blank"),)),
        q("total quantity of items with no unit cost", "sum", measure=qty,
          where=(C(cost, "blank"),)),
        q("how many items where category is Tools and unit cost is not blank", "count",
          where=(C("Category", "eq", "Tools"), C(cost, "not_blank"))),
        q("medain quantity", "median", None, measure=qty, tags=("typo",)),
        q("how many items containing Bolt", "count", where=(C("Item", "contains", "Bolt"),)),
        q("how many items starting with PVC", "count",
          where=(C("Item", "starts_with", "PVC"),)),
        q("how many items where quantity is below reorder level", "count",
          where=(C(qty, "col_lt", "Reorder Level"),)),
        q("average unit cost by category", "average", measure=cost, group="Category",
          readme=True),
        q("total quantity per category", "sum", None, measure=qty, group="Category"),
        q("what is the category of Voltage Tester", "lookup", None, target="Category",
          key="Voltage Tester"),
        q("what is the unit cost of Claw Hammer 16oz", "lookup", target=cost,
          key="Claw Hammer 16oz", readme=True),
        q("what is the quantity of Stud Finder", "lookup", None, target=qty,
          key="Stud Finder"),
        q("what is the reorder level of Teflon Tape", "lookup", target="Reorder Level",
          key="Teflon Tape"),
        q("what is the sku of Utility Knife", "lookup", target="SKU", key="Utility Knife"),
        q("which category has the highest total quantity", "arg_max", target="Category",
          measure=qty),
        q("which item has the highest unit cost", "arg_max", None, target="Item",
          measure=cost),
        q("top 2 items by unit cost", "top_n", measure=cost, n=2),
        q("total of quantity times unit cost", "sum", measure=qty, other=cost, arith="*",
          readme=True),
        q("total of quantity times unit cost for Paint", "sum", measure=qty, other=cost,
          arith="*", where=(C("Category", "eq", "Paint"),)),
        q("share of quantity from Tools", "share", measure=qty,
          where=(C("Category", "eq", "Tools"),)),
        q("how many distinct categories", "count_distinct", target="Category"),
        q("stdev of unit cost", "stdev", measure=cost),
        q("most common reorder level", "mode", measure="Reorder Level"),
        q("longest item name", "longest", target="Item"),
        sup("which supplier has the longest lead time", "arg_max", None, target="Supplier",
            measure="Lead Time (days)"),
        sup("what is the lead time of Nordic Wire AB", "lookup", None,
            target="Lead Time (days)", key="Nordic Wire AB", readme=True),
        sup("what is the rating of Pune Industrial", "lookup", target="Rating",
            key="Pune Industrial"),
        sup("how many suppliers from USA", "count", None, where=(C("Country", "eq", "USA"),)),
        sup("average rating of suppliers in USA or Canada", "average", measure="Rating",
            where=(C("Country", "in_list", ("USA", "Canada")),)),
        sup("list the countries", "unique_values", target="Country"),
        sup("average lead time where rating is at least 4", "average",
            measure="Lead Time (days)", where=(C("Rating", "gte", 4),)),
    ]  # fmt: skip
