"""Measures named by their words rather than by a header: 'inventory value' (quantity x unit
price), 'margin' (price - cost), 'expected revenue' (amount x win probability), and how far
a figure fell short of or beat its target or budget ('missed its target by the most':
target - actual, over the rows that missed it).

A derived measure is read only when the table has exactly one column of each kind it needs;
otherwise the words stay unexplained and the command is refused or asked back, never answered
with another column.

Example:
    >>> derived = find_derived("inventory value by warehouse", table, mentions)
    >>> derived.first.column.name, derived.op, derived.second.column.name
    ('On Hand', '*', 'Unit Price (£)')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlsheet.nlu.binder import Frame
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.slots import ORDERING, comparator_before
from nlsheet.nlu.text import header_words
from nlsheet.plan import Cmp, Condition, Where
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "Derived",
    "apply_derived",
    "counts_items",
    "find_derived",
    "header_has",
    "implied_partner",
    "out_of_stock",
]


@dataclass(frozen=True)
class Derived:
    """Two columns combined row by row, and the words that named the combination."""

    first: ColumnMatch
    op: str
    second: ColumnMatch
    start: int
    end: int
    positive: bool = False  # only the rows where it is above zero ('missed its target by')
    measured: bool = True  # False: the words pick rows only ('stores that missed their target')


def header_has(*words: str) -> Callable[[Column], bool]:
    """A test of a column: whether its header holds one of the words."""
    wanted = frozenset(words)
    return lambda c: bool(wanted & set(header_words(c.name)))


_ITEM_WORDS = frozenset(
    {"qty", "quantity", "unit", "units", "stock", "hand", "onhand", "inventory", "piece"}
)
_WORTH_WORDS = frozenset({"price", "cost", "value"})


def counts_items(column: Column) -> bool:
    """A column counting items (Qty, Units, Stock, On Hand, Pieces), never what they are worth
    (Unit Price, Stock Value): the one definition of a quantity column."""
    words = set(header_words(column.name))
    return column.kind is ColumnKind.NUMBER and bool(
        words & _ITEM_WORDS and not words & _WORTH_WORDS
    )


_UNIT_PRICE = header_has("price", "cost")
_SOLD = header_has("qty", "quantity", "unit", "sold", "volume")
_TAKEN = header_has(
    "sale", "sales", "revenue", "amount", "total", "turnover", "takings", "income", "value"
)
_PRICE = header_has("price", "selling", "retail", "rrp")
_COST = header_has("cost", "cogs", "purchase", "buying")
_AMOUNT = header_has("amount", "value", "revenue", "deal", "size")
_PROBABILITY = header_has("probability", "chance", "likelihood", "odds", "confidence")
_LEVEL = header_has("reorder", "minimum", "min", "safety", "par", "threshold")
_GOAL = header_has("target", "goal", "quota", "budget", "budgeted", "plan", "planned", "forecast")
_ACTUAL = header_has("actual", "revenue", "sale", "achieved", "spent", "spend", "turnover")
# 'missed its target by', 'fell short of the quota by', 'came in under budget by': goal - actual;
# 'beat its target by', 'went over budget by': actual - goal. Each only over the rows it is
# true of; without 'by' ('stores that missed their target') the words only pick those rows.
_SHORT = re.compile(
    r"\b(?:miss(?:ed|es|ing)?|fell\s+short\s+of|falls?\s+short\s+of|short\s+of|under(?:shot)?|"
    r"came\s+in\s+under|below)\s+(?:(?:its|their|his|her|the)\s+)?(?:\w+\s+)?"
    r"(?:targets?|goals?|quotas?|budgets?|plans?|forecasts?)\b(?P<by>\s+by\b)?",
    re.I,
)
_BEYOND = re.compile(
    r"\b(?:beat|beats|beaten|exceed(?:ed|s)?|surpass(?:ed|es)?|over(?:shot)?|went\s+over|"
    r"came\s+in\s+over|above|overspent|overran)\s+(?:(?:its|their|his|her|the)\s+)?"
    r"(?:\w+\s+)?(?:targets?|goals?|quotas?|budgets?|plans?|forecasts?)\b(?P<by>\s+by\b)?",
    re.I,
)

# Each: the words, the first column's kind, the operator, the second column's kind.
# Header readings the words of a derived measure yield to ('expected' is no 'Expected Close').
_FIRM = ("exact", "synonym", "letter")
_Kind = Callable[[Column], bool]
_READINGS: tuple[tuple[re.Pattern[str], _Kind, str, _Kind], ...] = (
    (
        re.compile(
            r"\b(?:(?:inventory|stock|stock-?holding)\s+(?:value|worth)|value\s+of\s+(?:the\s+)?"
            r"(?:inventory|stock))\b",
            re.I,
        ),
        counts_items,
        "*",
        _UNIT_PRICE,
    ),
    (re.compile(r"\b(?:margins?|mark-?ups?)\b", re.I), _PRICE, "-", _COST),
    # 'revenue from shipped orders' over Qty and Unit Price, with no amount column to read.
    (
        re.compile(
            r"\b(?:revenue|turnover|takings|gross\s+sales|(?:order|line|sales)\s+values?)\b",
            re.I,
        ),
        _SOLD,
        "*",
        _PRICE,
    ),
    (
        re.compile(
            r"\b(?:expected|weighted|probable|risk-?adjusted)\s+(?:revenue|value|amount|"
            r"pipeline|sales)\b",
            re.I,
        ),
        _AMOUNT,
        "*",
        _PROBABILITY,
    ),
)


def find_derived(text: str, table: Table, mentions: Sequence[ColumnMatch]) -> Derived | None:
    """The derived measure the command names, when the table has one column of each kind it
    needs and no header takes the words ('Margin' as a header is that column)."""
    numeric = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]
    gap = _against_goal(text, numeric)
    if gap is not None:
        return gap
    for pattern, first_kind, op, second_kind in _READINGS:
        found = pattern.search(text)
        if found is None or any(
            m.start < found.end() and found.start() < m.end and m.how in _FIRM for m in mentions
        ):
            continue
        if first_kind is _SOLD and any(_TAKEN(c) for c in numeric):
            continue  # a Sales or Amount column holds the revenue itself
        firsts = [c for c in numeric if first_kind(c) and not second_kind(c)]
        seconds = [c for c in numeric if second_kind(c) and c not in firsts]
        if op == "*" and second_kind is _PROBABILITY:
            seconds = [c for c in seconds if _within_one(table, c)]
        if len(firsts) != 1 or len(seconds) != 1:
            continue
        words, start, end = found.group(), found.start(), found.end()
        first = ColumnMatch(firsts[0], words, start, end, 0.9, "implied")
        second = ColumnMatch(seconds[0], words, start, end, 0.9, "implied")
        return Derived(first, op, second, start, end)
    return None


def _within_one(table: Table, column: Column) -> bool:
    """A probability stored as a fraction (0.4), not as a percentage number (40)."""
    series = table.values(column.name).series.dropna()
    return not series.empty and bool(((series >= 0) & (series <= 1)).all())


def _against_goal(text: str, numeric: Sequence[Column]) -> Derived | None:
    """'missed its target by' (goal - actual) or 'beat its target by' (actual - goal), with one
    goal column and one actual column; named columns in the words are those columns. Without
    'by', only the rows that missed (beat) it are meant."""
    for pattern, short in ((_SHORT, True), (_BEYOND, False)):
        found = pattern.search(text)
        if found is None:
            continue
        goals = [c for c in numeric if _GOAL(c) and not _ACTUAL(c)]
        actuals = [c for c in numeric if _ACTUAL(c) and not _GOAL(c)]
        if len(goals) != 1 or len(actuals) != 1:
            return None
        words, start, end = found.group(), found.start(), found.end()
        goal = ColumnMatch(goals[0], words, start, end, 0.9, "implied")
        actual = ColumnMatch(actuals[0], words, start, end, 0.9, "implied")
        first, second = (goal, actual) if short else (actual, goal)
        measured = found.group("by") is not None
        return Derived(first, "-", second, start, end, positive=True, measured=measured)
    return None


def apply_derived(frame: Frame, text: str, table: Table, mentions: Sequence[ColumnMatch]) -> None:
    """Put the derived measure the words name into the frame: its expression, and the rows it
    is about ('missed its target': only the rows that missed it)."""
    derived = find_derived(text, table, mentions)
    if frame.expression is not None or derived is None:
        return
    if derived.measured:
        frame.expression = (derived.first, derived.op, derived.second)
        frame.derived = True
    frame.explained.append((derived.start, derived.end))
    # A loose header reading of the same words gives way ('expected revenue').
    frame.free = [m for m in frame.free if m.end <= derived.start or m.start >= derived.end]
    first, second = derived.first.column.name, derived.second.column.name
    pair = {first, second}
    said = any({c.column, c.other} == pair for c in frame.where.conditions)
    if derived.positive and not frame.where.any and not said:
        frame.where = Where((*frame.where.conditions, Condition(first, Cmp.GT, other=second)))


_PAIRS: tuple[tuple[_Kind, _Kind], ...] = (
    (_LEVEL, counts_items),  # On Hand, not Unit Price
    (_GOAL, _ACTUAL),
)


def implied_partner(
    text: str, mention: ColumnMatch, table: Table
) -> tuple[Cmp, Column, int] | None:
    """'below their reorder level', 'over budget': a comparison with a column whose other side
    is not named but implied, the one column that pairs with it (a stock level with the
    quantity on hand, a target or budget with the actual figure). Returns the comparison, that
    column and where the comparison's words start."""
    head = text[: mention.start]
    bare = re.sub(r"(?:\s+(?:its|their|his|her|our|the))+\s*$", "", head.rstrip())
    found = comparator_before(bare + " ", len(bare) + 1)
    if found is None or found[0] not in ORDERING or mention.column.kind is not ColumnKind.NUMBER:
        return None
    numeric = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]
    for named_kind, other_kind in _PAIRS:
        if not named_kind(mention.column) or other_kind(mention.column):
            continue
        others = [c for c in numeric if other_kind(c) and not named_kind(c)]
        if len(others) == 1:
            return found[0], others[0], found[1]
    return None


_OUT_OF_STOCK = re.compile(r"\b(?:out\s+of|no)\s+stock\b|\bsold\s+out\b", re.I)


def out_of_stock(
    text: str, table: Table, mentions: Sequence[ColumnMatch]
) -> tuple[Condition, int, int] | None:
    """'out of stock', 'sold out' on a table whose stock is a column named otherwise ('On
    Hand', 'Qty'): none of it left, when there is one such column and no header took 'stock'.
    Returns the condition and the span of its words."""
    found = _OUT_OF_STOCK.search(text)
    if found is None or any(m.start < found.end() and found.start() < m.end for m in mentions):
        return None
    stock = _PAIRS[0][1]
    columns = [c for c in table.columns if c.kind is ColumnKind.NUMBER and stock(c)]
    if len(columns) != 1:
        return None
    return Condition(columns[0].name, Cmp.LE, 0.0), found.start(), found.end()
