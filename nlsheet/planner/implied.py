"""What a superlative ranks by when no column is named: the price for 'the priciest', the date
for 'the newest', the age for 'the oldest person', the one duration for 'the fastest', the
number of rows for 'the most orders', the measure a verb names ('who earns the most')."""

from __future__ import annotations

import re

from nlsheet.nlu.binding import is_money
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import counts_items, is_row_noun
from nlsheet.nlu.derived import header_has
from nlsheet.nlu.flags import find_flags, flag_value, is_flag_column
from nlsheet.nlu.lexicon import AMOUNT_NOUNS
from nlsheet.nlu.text import canonical, header_words, normalize_word
from nlsheet.plan import Cmp, Condition, Where
from nlsheet.planner.context import Context, numeric_columns
from nlsheet.workbook.table import Column, ColumnKind

__all__ = [
    "DATE_ORDER",
    "ROWS",
    "direct",
    "implied_measure",
    "length_column",
    "not_additive",
    "row_size",
]

_OVERALL = re.compile(r"\b(?:overall|in\s+total|altogether|all\s+told)\b", re.I)
_TOTAL_HEADER = re.compile(r"(?:grand\s+|year\s+|annual\s+|full[-\s]year\s+)?totals?", re.I)


# 'top 4 cities by number of orders', 'the rep with the most orders': rows counted per name.
_ROW_COUNT = re.compile(
    r"\b(?:number|count|#|amount)\s+of\s+(?:the\s+)?(?P<a>\w+)|\b(?:most|fewest|least|more|"
    r"fewer)\s+(?P<b>\w+)",
    re.I,
)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_NOUN_AT = re.compile(r"(?P<a>\w+)(?P<b>)")  # a noun found, as _ROW_COUNT's groups name it
# 'top 3 reporters by bugs (filed)': a noun for the rows after 'by', counted per name; not a
# noun for money the rows hold ('by expenses', 'by donations').
_PAID_NOUNS = frozenset({"donation", "payment", "contribution", "gift", "spending", "takings"})
_BY_ROWS = re.compile(r"\bby\s+(?:the\s+)?(?P<a>\w+)(?P<b>)", re.I)


def _after_picks(ctx: Context, start: int) -> re.Match[str] | None:
    """The noun for the rows right after the words of conditions that follow a superlative
    ('most critical bugs', 'fewest open P1 tickets'), the first at ``start``: the match of
    that noun, or None."""
    text, position = ctx.interp.text, start
    bound = sorted((b.start, b.end) for b in ctx.frame.bound)
    for _ in range(3):
        inside = next((b for b in bound if b[0] <= position < b[1]), None)
        if inside is None:
            break
        position = inside[1]
        word = _NEXT_WORD.match(text, position)
        if word is not None and is_row_noun(normalize_word(word.group(1).lower()), ctx.table):
            return _NOUN_AT.match(text, word.start(1))
        position = word.start(1) if word is not None else len(text)
    return None


def _counted_by(ctx: Context) -> re.Match[str] | None:
    """'by bugs' where the rows are bugs: a count of rows per name, as 'by number of bugs'."""
    found = _BY_ROWS.search(ctx.interp.text)
    word = normalize_word(found.group("a").lower()) if found is not None else ""
    if not is_row_noun(word, ctx.table) or canonical(word) in AMOUNT_NOUNS | _PAID_NOUNS:
        return None  # 'top 2 employees by expenses' ranks by the money the rows hold
    return found


# Superlatives that name what they rank by ('the priciest product', 'the newest account').
_IMPLIED = (
    (
        re.compile(r"\b(priciest|dearest|cheapest|most\s+expensive|least\s+expensive)\b", re.I),
        frozenset({"price", "cost", "fee", "rate", "amount"}),
    ),
    (re.compile(r"\b(heaviest|lightest)\b", re.I), frozenset({"weight", "mass", "kg", "lb"})),
)


# Verbs, and the nouns of those who do them, name what they measure ('who earns the most',
# 'the top 3 scorers', 'the biggest spenders').
_DOERS = (
    (
        re.compile(r"\b(earn(?:s|ed|ing|er|ers)?|paid)\b", re.I),
        header_has("salary", "pay", "wage", "income", "earning", "compensation"),
    ),
    (
        re.compile(r"\b(scor(?:es|ed|er|ers|ing))\b", re.I),
        header_has("goal", "point", "score", "run"),
    ),
    (
        re.compile(r"\b(spen(?:ds?|t|ders?|ding))\b", re.I),
        header_has("amount", "spend", "spending", "cost", "expense"),
    ),
    (
        re.compile(r"\b(sold|sell(?:s|ing|ers?)?)\b", re.I),
        header_has("sale", "revenue", "turnover"),
    ),
    (
        re.compile(r"\b(hold|holds|held|holding|stock|stocks|stocked)\b", re.I),
        counts_items,
    ),
    (
        re.compile(r"\b(?:most|least)\s+(money|cash)\b", re.I),
        header_has("amount", "spend", "spending", "cost", "expense", "revenue", "sale", "value"),
    ),
)
# 'the largest deal', 'the biggest single order': a size superlative on a noun for the rows.
_SIZE_OF_ROW = re.compile(
    r"\b(largest|biggest|smallest|highest|lowest|most\s+valuable)\s+(?:single\s+)?(\w+)", re.I
)
# Headers of what sizes a session or a job besides its price: energy, time taken, distance
# (an order's weight does not: 'the largest order' is its amount).
_MEASURED = re.compile(
    r"\b(?:kwh|mwh|energy|duration|distance|km|miles|hours|hrs|minutes|mins?)\b", re.I
)
_SIZE_OF_VALUED_ROW = re.compile(
    r"\b(largest|biggest|smallest|highest|lowest|most\s+valuable)\s+(?P<value>\S+)\s+(\w+)",
    re.I,
)
_RATE_WORDS = frozenset(
    {"unit", "per", "monthly", "hourly", "daily", "weekly", "rate", "avg", "average"}
)


def not_additive(column: Column) -> bool:
    """A measure whose totals mean nothing when compared across names: a time or duration,
    a price, rate, percentage, score, rating or age ('which agent resolves tickets fastest'
    compares the agents' average resolution time, not their total hours)."""
    words = set(header_words(column.name))
    return bool(_DURATION.search(column.name) or "%" in column.name or words & _NOT_ADDITIVE)


# A fee a month adds up over members ('which city brings in the most monthly fees'); these
# do not.
_NOT_ADDITIVE = frozenset(
    {"price", "percent", "percentage", "pct", "score", "rating", "age", "speed", "temperature"}
    | {"probability", "margin", "ratio", "rate", "avg", "average", "mean", "median"}
)


def _is_money(column: Column) -> bool:
    """A column of money a row amounts to; never a rate ('Unit Price', 'Monthly Fee')."""
    words = set(header_words(column.name))
    return is_money(column) and not words & _RATE_WORDS


DATE_ORDER = re.compile(
    r"\b(newest|oldest|latest|earliest|recent|first|last|soonest|longest\s+ago)\b", re.I
)
_DATE_SUPERLATIVE = re.compile(
    r"\b(newest|oldest|latest|earliest|most\s+recent(?:ly)?|least\s+recent(?:ly)?)\b", re.I
)
# Stands for 'the number of rows' where a measure column is expected.
ROWS = Column("rows", -1, 0, "", "", ColumnKind.EMPTY)


_AGED = re.compile(r"\b(oldest|youngest|eldest)\b", re.I)
_SMALLEST_FIRST = frozenset(
    {
        "cheapest",
        "least expensive",
        "lightest",
        "oldest",
        "earliest",
        "least recent",
        "least recently",
        "fastest",
        "quickest",
        "first",
        "soonest",
        "longest ago",
    }
)
_SPEED = re.compile(r"\b(fastest|quickest|slowest)\b", re.I)
# A time taken ('Resolution (hours)', 'Finish Time'): compared by its average, never added up.
# Narrower than nlu.binding's columns that hold spans of time, which include 'Hours worked'.
_DURATION = re.compile(
    r"\((?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)\)|\b(?:time|duration)\b", re.I
)


def direct(ctx: Context, word: str) -> None:
    """The superlative that names the measure also says which end: 'oldest' is the smallest
    date whatever else the classifier leaned to."""
    smallest = " ".join(word.lower().split()) in _SMALLEST_FIRST
    if ctx.intent in ("arg_max", "arg_min"):
        ctx.intent = "arg_min" if smallest else "arg_max"
    elif ctx.intent in ("top_n", "bottom_n"):
        ctx.intent = "bottom_n" if smallest else "top_n"


def _by_speed(ctx: Context) -> ColumnMatch | None:
    """'the fastest runner': the shortest time, when one column measures a duration."""
    speed = _SPEED.search(ctx.interp.text)
    durations = [
        c
        for c in numeric_columns(ctx.table)
        if _DURATION.search(c.name) or ctx.table.values(c.name).clock
    ]
    if speed is None or len(durations) != 1:
        return None
    ctx.notes.append(f"'{speed.group()}' ranks by {durations[0].name}, the shortest first")
    ctx.frame.explained.append(speed.span())
    direct(ctx, speed.group())
    ctx.per_row = True
    return ColumnMatch(durations[0], speed.group(), *speed.span(), 0.9, "implied")


# Columns holding how long a row lasted: 'Hours', 'Duration (min)', 'Nights', 'Days Open'.
_HOW_LONG = re.compile(
    r"\b(?:hours?|hrs?|minutes?|mins?|days?|nights?|weeks?|duration|length)\b", re.I
)
_LONG = re.compile(r"\b(longest|shortest)\b", re.I)


def length_column(ctx: Context) -> Column | None:
    """The one column holding how long each row lasted, for 'the longest booking'."""
    fits = [
        c
        for c in numeric_columns(ctx.table)
        if _HOW_LONG.search(c.name) and not re.search(r"/|\bper\b|rate", c.name, re.I)
    ]
    return fits[0] if len(fits) == 1 else None


def _by_length(ctx: Context) -> ColumnMatch | None:
    """'which booking was the longest': the row with the most hours, when one column holds
    how long each row lasted."""
    said = _LONG.search(ctx.interp.text)
    column = length_column(ctx)
    if said is None or column is None:
        return None
    return _ranks_row_by(ctx, said, column, smallest="shortest")


def _ranks_row_by(ctx: Context, said: re.Match[str], column: Column, smallest: str) -> ColumnMatch:
    """A superlative ranking each row by one column: the word ``smallest`` picks the least."""
    ctx.notes.append(f"'{said.group()}' ranks by {column.name}")
    ctx.frame.explained.append(said.span())
    ctx.per_row = True
    if ctx.intent in ("arg_max", "arg_min"):
        ctx.intent = "arg_min" if said.group().lower() == smallest else "arg_max"
    return ColumnMatch(column, said.group(), *said.span(), 0.9, "implied")


def _by_age(ctx: Context) -> ColumnMatch | None:
    """'the oldest employee' beside an Age column: the largest age, not the earliest date."""
    aged = _AGED.search(ctx.interp.text)
    ages = [c for c in numeric_columns(ctx.table) if "age" in header_words(c.name)]
    if aged is None or len(ages) != 1:
        return None
    return _ranks_row_by(ctx, aged, ages[0], smallest="youngest")


def _by_size(ctx: Context) -> ColumnMatch | None:
    """'the largest deal', 'our largest EUR invoice': a row's size is its one amount of money."""
    text, table = ctx.interp.text, ctx.table
    sized = _SIZE_OF_ROW.search(text)
    if sized is not None and not is_row_noun(normalize_word(sized.groups()[-1]), table):
        # A value of the rows may stand between ('EUR').
        valued = _SIZE_OF_VALUED_ROW.search(text)
        if valued is None or not any(
            v.start <= valued.start("value") < v.end for v in ctx.interp.values
        ):
            valued = None
        sized = valued or sized
    if sized is None or not is_row_noun(normalize_word(sized.groups()[-1]), table):
        return None
    money = [c for c in numeric_columns(table) if _is_money(c)]
    if len(money) != 1 or any(_MEASURED.search(c.name) for c in numeric_columns(table)):
        # 'the biggest session' beside Energy (kWh) and Duration (min): not only money sizes it.
        return None
    ctx.notes.append(f"'{sized.group()}' ranks by {money[0].name}")
    # A sheet named for the whole ('Pipeline') is no single row: 'the biggest pipeline' is the
    # largest total; 'the largest deal' the largest row.
    ctx.per_row = sized.groups()[-1].casefold() != table.sheet.strip().casefold()
    ctx.frame.explained.append(sized.span())
    return ColumnMatch(money[0], sized.group(), *sized.span(), 0.9, "implied")


def row_size(ctx: Context, named: ColumnMatch) -> ColumnMatch | None:
    """'average deal size', 'the order value', 'the value of renewal deals': the words naming
    the rows with 'size', 'value' or 'worth' are the rows' one amount of money (not the column
    the noun also names)."""
    text = ctx.interp.text
    after = _SIZE_WORD.match(text, named.end)
    before = _SIZE_OF.search(text[: named.start])
    if (after is None and before is None) or not is_row_noun(
        normalize_word(named.words), ctx.table
    ):
        return None
    money = [c for c in numeric_columns(ctx.table) if _is_money(c)]
    if len(money) != 1:
        return None
    if after is not None:
        start, end = named.start, after.end()
        ctx.frame.explained.append((start, end))
    else:
        assert before is not None
        # The word between ('renewal') is no part of the amount: a condition must use it.
        ctx.notes.append(f"'{text[before.start() : named.end]}' is {money[0].name}")
        ctx.frame.explained.append((before.start(), before.start("kind")))
        return ColumnMatch(money[0], named.words, named.start, named.end, 0.9, "implied")
    ctx.notes.append(f"'{text[start:end]}' is {money[0].name}")
    return ColumnMatch(money[0], text[start:end], start, end, 0.9, "implied")


_SIZE_WORD = re.compile(r"\s+(?:sizes?|values?|worth)\b", re.I)
# 'the value of renewal deals': one word may name the kind of row in between.
_SIZE_OF = re.compile(
    r"\b(?:sizes?|values?|worth)\s+of\s+(?:the\s+|all\s+|our\s+)?(?P<kind>(?:\w+\s+)?)$", re.I
)


def _count_flag_rows(ctx: Context, word: str) -> bool:
    """Whether a counted word is the header of a yes/no column ('DNFs', 'refunds' beside a
    Refund column): its 'yes' rows are the ones counted, added to the conditions."""
    table = ctx.table
    named = [
        c
        for c in table.columns
        if normalize_word(c.name.casefold()) == word and is_flag_column(table, c)
    ]
    if len(named) != 1:
        return False
    yes = flag_value(table, named[0], True)
    counted = Condition(named[0].name, Cmp.EQ, yes)
    ctx.frame.where = Where((*ctx.frame.where.conditions, counted))
    ctx.notes.append(f"counted the rows where {named[0].name} is {yes}")
    return True


def implied_measure(ctx: Context) -> ColumnMatch | None:
    """What a superlative ranks by when no column is named: the price for 'priciest', the date
    for 'newest', the rows counted for 'most orders' (:data:`ROWS`)."""
    text, table = ctx.interp.text, ctx.table
    counted = _ROW_COUNT.search(text) or _counted_by(ctx)
    if counted is not None:
        word = (counted.group("a") or counted.group("b")).lower()
        # 'which lab had the most failures': rows counted among those a yes/no word picks.
        word_at = counted.start("a") if counted.group("a") else counted.start("b")
        picked = _after_picks(ctx, word_at)
        if picked is not None and not is_row_noun(normalize_word(word), table):
            # 'the most critical bugs': the rows counted among those a value picks.
            word, word_at = picked.group().lower(), picked.start()
            counted = picked
        flagged = any(f.start <= word_at < f.end for f in find_flags(text, table))
        fewest = re.match(r"(?:fewest|least|fewer)\b", counted.group(), re.I)
        if not flagged and not ctx.frame.where.any and not fewest:
            # 'which race had the most DNFs' beside a yes/no DNF column: its 'yes' rows. Not
            # the fewest: a rider with none has no 'yes' row to be counted among.
            flagged = _count_flag_rows(ctx, normalize_word(word))
        if flagged or is_row_noun(normalize_word(word), table):
            ctx.frame.explained.append(counted.span())
            return ColumnMatch(ROWS, counted.group(), *counted.span(), 1.0, "implied")
    for pattern, words in _IMPLIED:
        found = pattern.search(text)
        if found is None:
            continue
        fits = [
            c
            for c in numeric_columns(table)
            if words & set(header_words(c.name)) or any(w in c.name.casefold() for w in words)
        ]
        # A selling price outranks a cost for 'the priciest' (Cost beside Price).
        priced = [c for c in fits if "price" in header_words(c.name)]
        fits = priced if len(priced) == 1 else fits
        if len(fits) == 1:
            ctx.notes.append(f"'{found.group()}' ranks by {fits[0].name}")
            ctx.frame.explained.append(found.span())
            direct(ctx, found.group())
            ctx.per_row = True  # a price or a weight belongs to each row, never added up
            return ColumnMatch(fits[0], found.group(), *found.span(), 0.9, "implied")
    timed = _by_speed(ctx) or _by_length(ctx)
    if timed is not None:
        return timed
    for pattern, measures in _DOERS:
        found = pattern.search(text)
        fits = [c for c in numeric_columns(table) if measures(c)]
        if found is not None and len(fits) == 1:
            ctx.notes.append(f"'{found.group()}' ranks by {fits[0].name}")
            ctx.frame.explained.append(found.span())
            return ColumnMatch(fits[0], found.group(), *found.span(), 0.9, "implied")
    sized = _by_size(ctx)
    if sized is not None:
        return sized
    aged = _by_age(ctx)
    if aged is not None:
        return aged
    found = _DATE_SUPERLATIVE.search(text)
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    if found is not None and len(dates) == 1:
        ctx.per_row = True
        ctx.notes.append(f"'{found.group()}' ranks by {dates[0].name}")
        ctx.frame.explained.append(found.span())
        direct(ctx, found.group())
        return ColumnMatch(dates[0], found.group(), *found.span(), 0.9, "implied")
    overall = _OVERALL.search(text)
    totals = [c for c in numeric_columns(table) if _TOTAL_HEADER.fullmatch(c.name.strip())]
    if overall is not None and len(totals) == 1:
        # 'which product sold the most overall' beside a Total column: that column.
        ctx.notes.append(f"'{overall.group()}' ranks by {totals[0].name}")
        ctx.frame.explained.append(overall.span())
        return ColumnMatch(totals[0], overall.group(), *overall.span(), 0.9, "implied")
    return None
