"""A total of a figure that is per item: 'how much did Adam spend' over Bottles and
'Price/Bottle (€)' is no sum of bottle prices.

Adding up a price per bottle, a unit cost or an hourly rate gives a number nobody wants; what a
customer spent or an order was worth is the count of items times the worth of one. When the
words that picked such a column do not say it is per item ('unit price', 'price per bottle'),
and a column counts those items, nlsheet asks: the count times each per-item figure that
pairs with it (price or cost: who paid is not in the words), or the per-item figures added up
as they stand.

Example:
    >>> per_unit_total(ctx, op).question
    'Price/Bottle (€) is a figure per bottle; adding it up over rows gives no total ...'
"""

from __future__ import annotations

import re

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.derived import PER_ITEM_WORTHS, counting, item_of
from nlsheet.nlu.text import canonical, header_words, words_of
from nlsheet.plan import AggFunc, Aggregate, ArgExtreme, Cmp, Op, Share
from nlsheet.planner.context import Context
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind

__all__ = ["per_unit_condition", "per_unit_total"]

# Words that say a figure is per item, as the user typed them.
_SAID_PER_ITEM = re.compile(r"/|\b(?:unit|units|per|each|apiece|rate|rates|hourly)\b", re.I)


def _summed(op: Op) -> str | None:
    """The one column an operation adds up, if it adds one up."""
    if isinstance(op, Aggregate) and op.func is AggFunc.SUM and op.measure is not None:
        return op.measure.column if op.measure.op is None and not op.measure.span else None
    if isinstance(op, ArgExtreme) and op.grouped and not (op.count or op.average or op.derived):
        return op.measure
    if isinstance(op, Share):
        return op.measure
    return None


def per_unit_total(ctx: Context, op: Op) -> Clarification | None:
    """Ask what is meant when a per-item figure would be added up without being called one.

    Raises:
        NotUnderstoodError: For a share of such a figure, which no plan computes yet.

    Returns None when the operation adds up no such column, when the user's words for it say
    it is per item ('sum of the unit prices'), or when no column counts the items.
    """
    name = _summed(op)
    if name is None:
        return None
    table = ctx.table
    column = table.column(name)
    item = item_of(column)
    if item is None:
        return None
    saids = _words_for(ctx, column)
    for m in saids:
        if _SAID_PER_ITEM.search(m.words) or item in {canonical(w) for w in header_words(m.words)}:
            return None  # 'sum of the unit prices', 'the price of a bottle': said so
    said = saids[0] if saids else None  # None: no word named it ('how much is overdue')
    counts = counting(item, table.columns)
    if len(counts) != 1:
        return None
    count = counts[0]
    worths = [c for c in table.columns if item_of(c) == item]
    noun = said is not None and bool(
        set(header_words(said.words)) & set(header_words(name)) & PER_ITEM_WORTHS
    )
    if noun:
        worths = [column]  # 'total price': the price, not the cost
    if isinstance(op, Share):
        raise ctx.refuse(
            f"{name} is a figure per {item}, and a share of {count.name} times it is not "
            "supported yet",
            f"a share of a column of totals, or of {count.name}",
        )
    text = ctx.interp.text.rstrip(" ?.!")
    options = [
        Option(f"{count.name} × {w.name}, added up", f"{text}, as {count.name} times {w.name}")
        for w in worths
    ]
    options.append(
        Option(
            f"the {name} figures themselves, added up",
            f"{ctx.intent}: {text[: said.start]}{name}{text[said.end :]}"
            if said is not None and noun
            else f"{ctx.intent}: {text} in {name}",
        )
    )
    return Clarification(
        f"{name} is a figure per {item}; adding it up over rows gives no total of money. "
        f"{repr(said.words) if said else 'The amount'} may mean {count.name} times a figure "
        f"per {item}. Which do you want?",
        tuple(options),
    )


def _words_for(ctx: Context, column: Column) -> list[ColumnMatch]:
    """The user's words that picked the column (none when it was implied by nothing said)."""
    found = [m for m in (*ctx.used, *ctx.interp.columns) if m.column.name == column.name]
    return [m for m in found if m.how != "implied"]


_MONEY_SAID = re.compile(r"[$€£¥]|\b(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b", re.I)
_EACH_AFTER = re.compile(r"\s*(?:a|an|per|each|/)\s*[a-z]", re.I)


def per_unit_condition(ctx: Context) -> None:
    """Refuse a sum of money compared with a per-item figure no word named, when the rows are
    not the items ('sales between €50 and €100' over Bottles and Price/Bottle: a sale's total is
    Bottles times the price, which no condition can test yet). 'Wines under €15' names the
    items and 'under €15 a bottle' the price per bottle: those compare the price.

    Raises:
        NotUnderstoodError: Naming the amount, the column and the product it may mean.
    """
    text, table = ctx.interp.text, ctx.table
    if any(
        m.column.kind is ColumnKind.TEXT
        and not m.column.is_id
        and not all(is_row_noun(w, table) for w in words_of(m.words))
        for m in ctx.interp.columns
    ):
        return  # 'wines under €15' names the items ('receipts over €40' only the rows)
    for bound in ctx.frame.bound:
        condition = bound.condition
        said = bound.mention is not None or condition.other is not None
        if said or condition.cmp in (Cmp.CONTAINS, Cmp.NE):
            continue
        column = table.column(condition.column)
        item = item_of(column)
        words = text[bound.start : bound.end]
        if item is None or not _MONEY_SAID.search(words) or _EACH_AFTER.match(text[bound.end :]):
            continue
        if _SAID_PER_ITEM.search(words):
            continue
        counts = counting(item, table.columns)
        if len(counts) != 1:
            continue
        raise ctx.refuse(
            f"{words.strip()!r} was read as {column.name}, a figure per {item}; a row's total "
            f"({counts[0].name} × {column.name}) cannot pick rows yet, and the price of one "
            f"{item} is said with its column ('{column.name} {words.strip()}')",
            f"the column the amount is compared with, e.g. '{column.name} {words.strip()}'",
        )
