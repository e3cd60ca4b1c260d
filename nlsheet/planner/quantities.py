"""'How many' of a thing: the rows counted, or what a column holds of it.

'How many steel hinges were sold' over orders with a Qty column asks for the hinges, the total
of Qty, not for the orders that had some; 'how many late fees' counts fees, it adds up no money.
Where the words do not settle it, nlsheet asks.
"""

from __future__ import annotations

import re

from nlsheet.nlu.binding import is_money
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.derived import units_sold
from nlsheet.nlu.lexicon import AMOUNT_NOUNS, TRADED_AFTER
from nlsheet.nlu.text import canonical, header_words, normalize_word
from nlsheet.plan import AggFunc, Measure
from nlsheet.planner.context import Context
from nlsheet.planner.implied import not_additive
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind

__all__ = [
    "amount_over_time",
    "amount_transacted",
    "counted_units",
    "how_many_of_money",
    "total_of_unnamed",
    "units_of_a_thing",
]

_HOW_MANY = re.compile(r"\bhow\s+many\s+", re.I)
_MONEY_UNITS = re.compile(r"\b(?:dollars?|euros?|pounds?|quid|bucks|cents?|pence)\b|[$€£¥]", re.I)


def how_many_of_money(ctx: Context, func: AggFunc, measure: Measure | None) -> Clarification | None:
    """'how many late fees were charged' counts fees, it adds up no money: ask whether the
    rows with a fee are counted or the fees totalled ('how many dollars of fees' totals)."""
    if func is not AggFunc.SUM or measure is None or measure.op is not None or ctx.interp.stated:
        return None
    column = ctx.table.column(measure.column)
    asked = _HOW_MANY.search(ctx.interp.text)
    if asked is None or not is_money(column) or _MONEY_UNITS.search(ctx.interp.text):
        return None
    named = [m for m in ctx.used if m.column.name == column.name and m.start >= asked.end()]
    if not named or len(ctx.interp.text[asked.end() : named[0].start].split()) > 2:
        return None
    text, name = ctx.interp.text, column.name
    return Clarification(
        f"'how many' of {name}, a column of money: count the rows with a {name}, or total it?",
        (
            Option(f"the number of rows with a {name} above 0", f"count: {text} and {name} > 0"),
            Option(f"the total {name}", f"sum: {text}"),
        ),
    )


_MOVED = re.compile(
    r"\b(?:sold|sell|sells|selling|ordered|bought|buy|purchased|"
    r"shipped|ship|delivered|dispatched|sent|used|consumed)\b",
    re.I,
)


def units_of_a_thing(ctx: Context) -> tuple[AggFunc, Measure] | Clarification | None:
    """'how many steel hinges were sold' where a thing is a cell value and a column counts
    the units each row moved (Qty): the total of that column over the thing's rows. Said
    with no verb of moving ('how many brass knobs'), the rows and the units are both
    readings: ask. None when the words count rows ('how many orders')."""
    text = ctx.interp.text
    asked = _HOW_MANY.search(text)
    if asked is None or ctx.interp.stated:
        return None
    units = [c for c in ctx.table.columns if units_sold(c)]
    goods = _GOODS.match(text, asked.end())
    if goods is not None and len(units) == 1 and _MOVED.search(text, goods.end()):
        # 'how many items did trade customers buy': the units bought, not the orders.
        return _units_total(ctx, units[0], goods.group(), goods.start(), goods.end())
    thing = next((v for v in ctx.interp.values if v.start == asked.end()), None)
    if thing is None or len(units) != 1:
        return None
    noun = re.match(r"\s+(\w+)", text[thing.end :])
    if noun is not None and is_row_noun(normalize_word(noun.group(1)), ctx.table):
        return None  # 'how many shipped orders', 'how many delivery tickets': rows counted
    column = units[0]
    if _MOVED.search(text, thing.end):
        return _units_total(ctx, column, thing.words, thing.start, thing.end)
    return Clarification(
        f"'how many {thing.words}': the number of rows with {thing.value}, or the total "
        f"{column.name} of them?",
        (
            Option(f"the number of rows with {thing.value}", f"count: {text}"),
            Option(f"the total {column.name}", f"sum: {text} in {column.name}"),
        ),
    )


_GOODS = re.compile(r"(?:items?|units?|pieces?|products?|goods|articles?)\b", re.I)


def _units_total(
    ctx: Context, column: Column, words: str, start: int, end: int
) -> tuple[AggFunc, Measure]:
    ctx.use(ColumnMatch(column, words, start, end, 0.9, "implied"))
    ctx.frame.explained.append((start, end))  # 'items' is the units, not the Product column
    ctx.notes.append(f"'how many {words}': the total of {column.name} over the rows")
    ctx.intent = AggFunc.SUM.value
    return AggFunc.SUM, Measure(column.name)


def counted_units(text: str, choices: list[Column]) -> list[Column]:
    """'how many brass knobs did we sell' naming no column, between Qty and Unit Price: the
    column counting units is the one 'how many' reads."""
    units = [c for c in choices if units_sold(c)]
    return units if len(choices) > 1 and len(units) == 1 and _HOW_MANY.search(text) else choices


def amount_over_time(ctx: Context, target: Column) -> bool:
    """Whether the rows are picked by dates alone and the column read is an amount that adds
    up (a quantity, sales, a cost; not a price, score or rate)."""
    conditions = ctx.frame.where.conditions
    dated = bool(conditions) and all(
        ctx.table.column(c.column).kind is ColumnKind.DATE for c in conditions
    )
    amount = {canonical(w) for w in header_words(target.name)} & AMOUNT_NOUNS
    return (
        dated
        and target.kind is ColumnKind.NUMBER
        and not target.is_id
        and (bool(amount) or units_sold(target))  # 'Tickets Sold', 'Units', 'Qty'
        and not not_additive(target)
    )


def amount_transacted(ctx: Context) -> ColumnMatch | None:
    """The free amount column a verb of trade or work follows ('bottles sold to members')."""
    return next(
        (
            m
            for m in ctx.free(ColumnKind.NUMBER)
            if not m.column.is_id
            and not not_additive(m.column)
            and TRADED_AFTER.match(ctx.interp.text[m.end :])
        ),
        None,
    )


def total_of_unnamed(ctx: Context, func: AggFunc, column: Column) -> Clarification | None:
    """'total for critical bugs' names no column; the only number column (Story Points) may
    be meant, or how many bugs there are. Asked when the rows' noun is said and the column's
    header holds no money, unless the words said which reading ('sum: ...')."""
    text = ctx.interp.text
    if func is not AggFunc.SUM or ctx.interp.stated or is_money(column):
        return None
    if not any(is_row_noun(t.norm, ctx.table) for t in ctx.interp.tokens):
        return None
    return Clarification(
        f"No column was named: the total of {column.name}, or how many rows there are?",
        (
            Option(f"the total of {column.name}", f"sum: {text}"),
            Option("the number of rows", f"count: {text}"),
        ),
    )
