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
from nlsheet.nlu.binding import date_named
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import counts_items
from nlsheet.nlu.flags import is_flag_column
from nlsheet.nlu.slots import ORDERING, comparator_before
from nlsheet.nlu.text import canonical, header_words
from nlsheet.plan import Cmp, Condition, Where
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "PER_ITEM_WORTHS",
    "Derived",
    "apply_derived",
    "counting",
    "find_derived",
    "header_has",
    "implied_partner",
    "item_of",
    "net_of",
    "out_of_stock",
    "units_sold",
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
    more: tuple[tuple[int, int], ...] = ()  # other words naming it ('billed ... in charges')
    unsure: str = ""  # why the words fit more than one such measure, when they do


def header_has(*words: str) -> Callable[[Column], bool]:
    """A test of a column: whether its header holds one of the words."""
    wanted = frozenset(words)
    return lambda c: bool(wanted & set(header_words(c.name)))


_UNIT_PRICE = header_has("price", "cost")


# 'stock value at cost', 'inventory value at retail price': which worth of one to count at.
_AT_WORTH = re.compile(
    r"\s+at\s+(?:the\s+)?(?:(?P<cost>cost|purchase|buying|trade)|retail|selling|sale|list|"
    r"price)(?:\s+prices?)?\b",
    re.I,
)

_HELD = frozenset({"stock", "hand", "onhand", "inventory"})


def units_sold(column: Column) -> bool:
    """How many were sold or used: a quantity column (Qty, Units; never Unit Price or Unit
    Cost, nor the stock held: On Hand times its price is no revenue)."""
    words = set(header_words(column.name))
    return (counts_items(column) and not words & _HELD) or bool({"sold", "volume"} & words)


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

# A margin or markup as a part of the price or cost: (price - cost) / cost has no reading here.
_RELATIVE_MARGIN = re.compile(
    r"\b(?:percent(?:age)?|pct|relative|gross)\s+(?:margins?|mark-?ups?)\b|(?:margins?|mark-?ups?)"
    r"\s*(?:%|\b(?:percent(?:age)?|pct|rate|ratio|on\s+(?:the\s+)?(?:cost|price|sales)|as\s+an?\s+"
    r"(?:percent(?:age)?|share|fraction|proportion)))",
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
        units_sold,
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
    gap = _against_goal(text, numeric) or _days_between(text, table)
    if gap is not None:
        return gap
    for pattern, first_kind, op, second_kind in _READINGS:
        found = pattern.search(text)
        if found is None or any(
            m.start < found.end() and found.start() < m.end and m.how in _FIRM for m in mentions
        ):
            continue
        if op == "-" and _RELATIVE_MARGIN.search(text):
            continue  # 'markup on cost', 'margin %': a ratio of three figures, not a difference
        if first_kind is units_sold and any(_TAKEN(c) for c in numeric):
            continue  # a Sales or Amount column holds the revenue itself
        firsts = [c for c in numeric if first_kind(c) and not second_kind(c)]
        seconds = [c for c in numeric if second_kind(c) and c not in firsts]
        if first_kind is units_sold and not firsts and len(seconds) == 1:
            firsts = _counted_by_price(numeric, seconds[0])
        if op == "*" and second_kind is _PROBABILITY:
            seconds = [c for c in seconds if _within_one(table, c)]
        at = _AT_WORTH.match(text, found.end())
        if second_kind is _UNIT_PRICE and at is not None:
            # 'stock value at cost': the worth of one is the cost, not the selling price.
            seconds = [c for c in seconds if (_COST if at["cost"] else _PRICE)(c)]
        if len(firsts) != 1 or not seconds or (len(seconds) > 1 and second_kind is not _UNIT_PRICE):
            continue
        words, start, end = found.group(), found.start(), found.end()
        first = ColumnMatch(firsts[0], words, start, end, 0.9, "implied")
        second = ColumnMatch(seconds[0], words, start, end, 0.9, "implied")
        unsure = ""
        if len(seconds) > 1:
            # 'stock value' beside Price and Cost: valued at either; the words do not say.
            unsure = (
                f"{words!r} could be {firsts[0].name} x {seconds[0].name} or {firsts[0].name} "
                f"x {seconds[1].name}; say '{words} at cost' or '{words} at price'"
            )
        more = (at.span(),) if at is not None else ()
        return Derived(first, op, second, start, end, more=more, unsure=unsure)
    return _worth_of_units(text, mentions, numeric, table)


def _flag_words(table: Table) -> frozenset[str]:
    """Header words of the yes/no columns: 'billed' beside a Billed column says which rows."""
    return table.memo(
        "derived:flag-words",
        lambda: frozenset(
            w for c in table.columns if is_flag_column(table, c) for w in header_words(c.name)
        ),
    )


def _counted_by_price(numeric: Sequence[Column], price: Column) -> list[Column]:
    """The column counting what a price is per: Bottles beside 'Price/Bottle (€)', Seats
    beside 'Price per Seat'."""
    unit = _PER_ITEM.search(price.name.casefold())
    return [] if unit is None else counting(canonical(unit[1]), numeric)


_PER_ITEM = re.compile(r"(?:/|\bper\s+)\s*([a-z]+)", re.I)
# Header words of a worth: what one item, hour or word is priced at.
PER_ITEM_WORTHS = frozenset({"price", "cost", "value", "rate", "fee", "charge"})


def item_of(column: Column) -> str | None:
    """The item one of a column's figures is per ('bottle' for 'Price/Bottle (€)', 'unit' for
    'Unit Cost', 'hour' for an hourly Rate), or None for a column of totals."""
    if column.kind is not ColumnKind.NUMBER or column.is_id:
        return None
    words = set(header_words(column.name))
    if not words & PER_ITEM_WORTHS:
        return None
    found = _PER_ITEM.search(column.name)
    if found is not None:
        return canonical(found.group(1).casefold())
    if "unit" in words:
        return "unit"
    return "hour" if _hourly(column) else None


def counting(item: str, columns: Sequence[Column]) -> list[Column]:
    """The number columns counting the items a figure is per: Bottles for a price per bottle,
    Qty or Units for a unit price, Hours for an hourly rate."""
    found = []
    for column in columns:
        if column.kind is not ColumnKind.NUMBER or column.is_id or item_of(column):
            continue
        if re.search(r"/|\bper\b", column.name.casefold()):
            continue
        words = {canonical(w) for w in header_words(column.name)}
        hours = item == "hour" and _HOURS(column)
        if item in words or (item == "unit" and counts_items(column)) or hours:
            found.append(column)
    return found


def _unit_of(*words: str) -> _Kind:
    """A column holding the worth of one item: Unit Value, Unit Cost (£)."""
    wanted = frozenset(words)

    def test(column: Column) -> bool:
        found = set(header_words(column.name))
        return "unit" in found and bool(found & wanted)

    return test


_HOURLY_WORDS = frozenset({"rate", "hourly", "bill", "billing", "charge", "pay", "hour"})


def _hourly(column: Column) -> bool:
    """A charge per hour: Rate, Hourly Rate, Bill Rate (no Tax Rate or Win Rate)."""
    words = set(header_words(column.name))
    return "rate" in words and words <= _HOURLY_WORDS


_HOURS = header_has("hours", "hour", "hrs")
_ITEMS_OF = r"(?:goods|items|products|units|orders|shipments|stock|sales)"
# A total said by a word no column holds, worked out as how many times the worth of one:
# 'value of goods shipped' over Units and Unit Value, 'food cost' over Qty and Unit Cost,
# 'billable amount' over Hours and Rate. Each: the words, the word no other header may hold,
# the count's kind, the worth's kind.
_WORTH_WORDS_SAID = re.compile(
    rf"\b(?:(?:total|{_ITEMS_OF}|shipped|sold)\s+)?(?P<core>values?|worth)"
    rf"(?:\s+of\s+(?:the\s+|all\s+)?{_ITEMS_OF})?\b",
    re.I,
)
_PER_ONE: tuple[tuple[re.Pattern[str], str, _Kind, _Kind], ...] = (
    (_WORTH_WORDS_SAID, "value", units_sold, _unit_of("value", "price")),
    # Without a price, an order's value is what it costs (Qty and Unit Cost on purchase orders).
    (_WORTH_WORDS_SAID, "value", units_sold, _unit_of("cost")),
    (
        re.compile(
            rf"\b(?:(?:total|food|ingredients?|materials?|parts?|{_ITEMS_OF})\s+)?(?P<core>costs?)\b",
            re.I,
        ),
        "cost",
        units_sold,
        _unit_of("cost"),
    ),
    (
        re.compile(
            r"\b(?P<core>amounts?|values?|billings?|billed|earnings|fees|income|revenue|charges?|"
            r"costs?|worth)\b",
            re.I,
        ),
        "rate",
        _HOURS,
        _hourly,
    ),
)


_PRICE_ASKED = re.compile(
    r"\bhow\s+much\s+(?:does|do|did|will|would|should)\b.*\bcost\s*[?.!]*\s*$", re.I
)
_TAKEN_AWAY = re.compile(
    r"\b(?:after|minus|less|net\s+of|excluding|deducting|without|take\s+away)\s+"
    r"(?:(?:the|our|all)\s+)?$",
    re.I,
)


def net_of(text: str, mentions: Sequence[ColumnMatch]) -> list[str]:
    """'the most money after costs', 'profit net of fees' with nothing to take the figures from:
    what is left after a number column is asked, which no one column answers."""
    problems = []
    for m in mentions:
        found = _TAKEN_AWAY.search(text[: m.start])
        if re.match(r"\s*[£$€]?\d", text[m.end :]):
            continue  # 'after March 21' over a March column compares
        if found is not None and m.column.kind is ColumnKind.NUMBER and not m.column.is_id:
            problems.append(
                f"{text[found.start() : m.end]!r} asks for what is left after {m.column.name}, "
                f"but not of what; say it, e.g. 'price minus {m.words}'"
            )
    return problems


def _worth_of_units(
    text: str, mentions: Sequence[ColumnMatch], numeric: Sequence[Column], table: Table
) -> Derived | None:
    """A total (value, cost, amount) named by a word no column takes, over one column counting
    items (or hours) and one holding the worth of one (or the hourly rate)."""
    if _PRICE_ASKED.search(text):
        return None  # what one costs, not what they all cost ('how much does a pizza cost')
    for pattern, word, count_kind, worth_kind in _PER_ONE:
        every = list(pattern.finditer(text))
        if not every:
            continue
        found = every[0]
        if found.group("core").casefold() in _flag_words(table):
            continue  # 'hours not billed yet' beside a Billed column: which rows, no amount
        if _TAKEN_AWAY.search(text[: found.start()]):
            return None  # 'the most money after food costs': what is left, not the costs
        if word != "rate" and any(_DEDUCTED(c) for c in numeric) and not _GROSS.search(text):
            continue  # a Discount column: the worth before it or after it, the words say not
        worths = [c for c in numeric if worth_kind(c)]
        counts = [c for c in numeric if count_kind(c) and not worth_kind(c)]
        others = [c for c in numeric if word in header_words(c.name) and c not in worths]
        if len(worths) != 1 or len(counts) != 1 or others:
            continue
        spans = [(f.start(), f.end()) for f in every]
        cores = [f.span("core") for f in every]
        # 'cost' read as Unit Cost gives way; 'unit cost', said so, is that column ('orders' in
        # 'orders worth' may name an Order column: only the worth's own word counts).
        over = [m for m in mentions if any(m.start < b and a < m.end for a, b in cores)]
        if any(m.column is not worths[0] or _ONE_OF.search(m.words) for m in over):
            continue
        words, start, end = found.group(), found.start(), found.end()
        first = ColumnMatch(counts[0], words, start, end, 0.9, "implied")
        second = ColumnMatch(worths[0], words, start, end, 0.9, "implied")
        return Derived(first, "*", second, start, end, more=tuple(spans[1:]))
    return None


_ONE_OF = re.compile(r"\b(?:unit|each|per|apiece|one)\b", re.I)


# 'days between applying and the interview', 'how long from order to delivery': the later
# date column minus the earlier, in days, each end named by a word of its header or its verb.
_DAYS_BETWEEN = re.compile(
    r"\b(?:days?|how\s+long|(?:(?:lead|turnaround|waiting|wait|processing|transit|delivery)\s+)?"
    r"times?|gap|lag|delay|turnaround)\s+(?:(?:it\s+)?(?:takes?|took|taken)\s+)?"
    r"(?:between|from)\s+(?P<a>[a-z' -]+?)\s+(?:and|to|till|until|through)\s+"
    r"(?P<b>[a-z' -]+?)(?=\s*(?:[,?.!;]|$)|\s+(?:for|in|by|per|where|when|of|on|at|across|"
    r"among|with|grouped|during|over|is|was|were|are)\b)",
    re.I,
)


def _days_between(text: str, table: Table) -> Derived | None:
    """'days between applying and the interview' over Applied and Interview Date: the second
    date minus the first, when each end names one date column and the two differ."""
    found = _DAYS_BETWEEN.search(text)
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    if found is None or len(dates) < 2:
        return None
    ends = [date_named(found.group(side), dates) for side in ("a", "b")]
    first, last = ends
    if first is None or last is None or first is last:
        return None
    words, start, end = found.group(), found.start(), found.end()
    return Derived(
        ColumnMatch(last, words, start, end, 0.9, "implied"),
        "-",
        ColumnMatch(first, words, start, end, 0.9, "implied"),
        start,
        end,
    )


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


_COMPARED = re.compile(
    r"\s*(?:(?:is|are|was|were|of)\s+)?(?:over|above|under|below|more\s+than|less\s+than|"
    r"at\s+least|at\s+most|greater\s+than|exceeding|between|>|<|=)\s*[£$€]?\s*\d[\d,.]*"
    r"(?!\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\s*[/-]\d)",
    re.I,
)


_DEDUCTED = header_has("discount", "discounts", "rebate")
# What a worth is counted before: the deductions no product of count and price includes.
_GROSS = re.compile(
    r"\b(?:before|excluding|without|ignoring|not\s+counting|pre-?)\s*(?:any\s+|the\s+)?"
    r"(?:discounts?|rebates?|tax(?:es)?|vat|deductions?)\b",
    re.I,
)


def apply_derived(frame: Frame, derived: Derived | None, text: str) -> None:
    """Put the derived measure (of :func:`find_derived`) into the frame: its expression, and the
    rows it is about ('missed its target': only the rows that missed it)."""
    if frame.expression is not None or derived is None:
        return
    if derived.unsure:
        frame.problems.append(derived.unsure)
        return
    if _COMPARED.match(text[derived.end :]):
        # 'orders worth over £1.5k': rows picked by the product, which no condition says yet.
        first, second = derived.first.column.name, derived.second.column.name
        frame.problems.append(
            f"picking rows by {first} {derived.op} {second} ({derived.first.words!r} compared "
            "with a number) is not supported; add it as a column first"
        )
        return
    if derived.measured:
        frame.expression = (derived.first, derived.op, derived.second)
        frame.derived = True
    spans = ((derived.start, derived.end), *derived.more)
    frame.explained.extend(spans)
    # A loose header reading of the same words gives way ('expected revenue').
    frame.free = [m for m in frame.free if all(m.end <= a or m.start >= b for a, b in spans)]
    gross = _GROSS.search(text, derived.end)
    if gross is not None and frame.expression is not None:
        # 'value of all orders before discount': the product as it stands, the Discount
        # column named only to be left out.
        frame.free = [m for m in frame.free if not gross.start() <= m.start < gross.end()]
        frame.explained.append(gross.span())
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
