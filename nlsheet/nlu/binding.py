"""Tying a number, date or text of a command to the column it is about.

A number belongs to the column named right before it ("units over 20", "a Draw of 3") or
right after it ("more than 5 goals"); when both are named, to the one that holds it; when none
is, to the one numeric column that holds it. A date goes to a date column, quoted text to the
column whose cells hold it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import verb_of_rows
from nlsheet.nlu.dates import NEW, start_date
from nlsheet.nlu.slots import (
    DateSlot,
    NumberSlot,
    PatternSlot,
    QuotedSlot,
    comparator_after,
    comparator_before,
)
from nlsheet.nlu.text import (
    header_words,
    searched_stem,
    singular_forms,
    value_vocabulary,
    verb_stem,
)
from nlsheet.nlu.units import fits_unit, in_column_unit, measured_in, seconds_in, unit_sides
from nlsheet.nlu.wide import period_after_noun
from nlsheet.plan import Cmp, Condition, Scalar
from nlsheet.workbook.table import Column, ColumnKind, Table, value_words

__all__ = [
    "LINK_WORDS",
    "bound_after_column",
    "cmp_for_number",
    "column_containing",
    "column_for",
    "column_of_text",
    "contained_form",
    "date_column",
    "date_columns",
    "date_named",
    "date_said",
    "gap",
    "holds",
    "holds_years",
    "is_money",
    "left_mention",
    "numeric_holders",
    "right_mention",
    "scalar_for",
    "year_bound",
    "year_of",
]

_MULTIPLIED = re.compile(r"^[$€£]?([\d,]*\.?\d+)\s*(?:k|m|bn|thousand|million|billion)\b", re.I)


LINK_WORDS = re.compile(
    r"^[\s,]*(?:(?:is|are|was|were|be|being|been|of|=|equals?|a|an|the|has|have|had|with|for|"
    r"in|on|at|as|"
    r"that|which|who|whose|where|when|its|their)\s+)*$",
    re.I,
)


def gap(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else ""


def left_mention(
    text: str, mentions: Sequence[ColumnMatch], position: int, limit: int = 30
) -> ColumnMatch | None:
    """The mention ending closest before ``position``, with only link words between."""
    best = None
    for m in mentions:
        if (
            m.end <= position
            and position - m.end <= limit
            and LINK_WORDS.match(gap(text, m.end, position))
        ):
            best = m if best is None or m.end > best.end else best
    return best


def right_mention(
    text: str, mentions: Sequence[ColumnMatch], position: int, limit: int = 12
) -> ColumnMatch | None:
    for m in sorted(mentions, key=lambda m: m.start):
        if (
            m.start >= position
            and m.start - position <= limit
            and LINK_WORDS.match(gap(text, position, m.start))
        ):
            return m
    return None


def _number_value(slot: NumberSlot, column: Column, table: Table) -> float:
    seconds = seconds_in(slot.unit)
    if seconds is not None and table.values(column.name).clock:
        # '45 minutes' beside times, which Excel holds in days.
        return slot.value / (86400.0 / seconds)
    if slot.unit and not slot.currency:
        return in_column_unit(slot.value, slot.unit, column)  # 'over 2 days' beside Hours: 48
    if not slot.percent:
        return slot.value
    # '15%' compares with 0.15 when the column holds fractions (formatted as percent).
    values = table.values(column.name).series.dropna()
    return slot.value / 100 if len(values) and values.abs().max() <= 1.5 else slot.value


def cmp_for_number(text: str, start: int, end: int, default: Cmp = Cmp.EQ) -> tuple[Cmp, int, int]:
    """The comparison a number is tested with, and where its words start and end ('over 5',
    '4 or higher')."""
    before = comparator_before(text, start)
    after = comparator_after(text, end)
    if before is not None and before[0] is Cmp.EQ and after is not None:
        return after[0], before[1], after[1]  # 'a rating of 4 or higher'
    if before is not None and before[0] not in (Cmp.CONTAINS, Cmp.STARTS, Cmp.ENDS):
        return before[0], before[1], end
    if after is not None:
        return after[0], start, after[1]
    return default, start, end


def bound_after_column(text: str, end: int, mention: ColumnMatch) -> tuple[Cmp, int] | None:
    """'300 pages or more': the bound of a number said after the column named right after it;
    returns the comparison and where its words end."""
    if text[end : mention.start].strip():
        return None
    return comparator_after(text, mention.end)


def date_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.kind is ColumnKind.DATE]


def scalar_for(slot: NumberSlot | DateSlot, column: Column, table: Table) -> Scalar:
    if isinstance(slot, DateSlot):
        return slot.value
    plain = _MULTIPLIED.match(slot.text)
    if plain and column.kind is ColumnKind.NUMBER:
        # '3.8 million listeners' in a column 'Listeners (millions)' holds 3.8.
        unscaled = float(plain.group(1).replace(",", ""))
        series = table.values(column.name).series
        if not (series == slot.value).any() and (series == unscaled).any():
            return unscaled
    if column.kind is ColumnKind.TEXT:
        return slot.text if not slot.value.is_integer() else str(int(slot.value))
    if plain and table.scale > 1 and not holds_years(table, column):
        # 'over €1 billion' where a title says 'Values in € million': 1000 of them.
        return slot.value / table.scale
    return _number_value(slot, column, table)


def holds_years(table: Table, column: Column) -> bool:
    """Whether a number column holds years: whole numbers from 1800 to 2100, and its header
    no amount ('Vintage', 'Built', 'Founded'; not 'Units' that happen to run 1900-2050)."""
    if column.kind is not ColumnKind.NUMBER or column.is_id:
        return False

    def years() -> bool:
        if is_money(column):
            return False
        numbers = table.values(column.name).series.dropna()
        return bool(len(numbers)) and bool(
            ((numbers % 1 == 0) & (numbers >= 1800) & (numbers <= 2100)).all()
        )

    return table.memo(f"years:{column.name}", years)


def column_for(
    text: str,
    table: Table,
    mentions: Sequence[ColumnMatch],
    start: int,
    end: int,
    slot: NumberSlot | DateSlot,
) -> tuple[Column, ColumnMatch | None] | None:
    """The column a number or date compares with: named before, named after, or implied.

    When columns are named on both sides ('which shop had 418 weekly visitors'), the one that
    holds the number wins an equality; otherwise the one right after the number ('more than 2
    wins'), or else the one before it.
    """
    is_date = isinstance(slot, DateSlot)
    left = left_mention(text, mentions, start)
    right = right_mention(text, mentions, end) or period_after_noun(text, table, mentions, end)
    sides = [m for m in (left, right) if m is not None]
    sides = [m for m in sides if not is_date or m.column.kind is ColumnKind.DATE]
    if isinstance(slot, NumberSlot):
        # A number compares with numbers: 'countries with more than 150 in 2012' is about the
        # 2012 column, not the Country names (unless a text column holds the number as text).
        sides = [
            m
            for m in sides
            if m.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE) or holds(table, m.column, slot)
        ]
    if isinstance(slot, NumberSlot) and slot.currency:
        # 'trips that cost under €30 in fuel', between Fuel Cost (€) and Fuel (L): a sum of
        # money is compared with money. Beside no money column ('wines under €15 a bottle',
        # next to Bottles), it goes to the one money column that can hold it, or to none.
        paid = [m for m in sides if is_money(m.column)]
        sides = paid or ([] if any(is_money(c) for c in table.columns) else sides)
    if isinstance(slot, NumberSlot) and slot.unit and not slot.currency:
        sides = unit_sides(slot.unit, table.columns, sides)  # 'sacks over 2 kg': no Sacks
    if isinstance(slot, NumberSlot) and len(sides) == 2:
        holding = [m for m in sides if holds(table, m.column, slot)]
        if len(holding) == 1:
            return holding[0].column, holding[0]
    if (
        isinstance(slot, NumberSlot)
        and len(sides) == 2
        and right is sides[1]
        and re.fullmatch(r"\s*(?:as\s+(?:the\s+|its\s+|their\s+)?)?", text[slot.end : right.start])
    ):
        # 'rounds that had more than 2 wins', 'rooms with 3 as the floor': a column named right
        # after the number is what it is.
        return right.column, right
    if isinstance(slot, NumberSlot) and sides and not holds(table, sides[0].column, slot):
        # A number no named column holds may still sit in one unnamed numeric column
        # ('the town where 48210 residents were counted', with a Population column).
        holders = numeric_holders(table, slot)
        if len(holders) == 1 and sides[0].column.kind is ColumnKind.TEXT:
            return holders[0], None
    if sides:
        return sides[0].column, sides[0]
    if is_date:
        named = [m for m in mentions if m.column.kind is ColumnKind.DATE]
        if len(named) == 1:
            return named[0].column, named[0]
        dates = date_columns(table)
        said = date_said(text[max(0, start - 40) : slot.start], dates) if not named else None
        if len(dates) == 1 or said is not None:
            return said or dates[0], None
        return None
    # An unnamed number: the one numeric column that holds exactly this value, or, for a
    # comparison ('orders over 1000'), the one measure whose values reach past it. Identifiers
    # are compared only when named: 'over 1000' is about amounts, not order numbers.
    assert isinstance(slot, NumberSlot)
    dates = date_columns(table)
    if slot.year_like and len(dates) == 1 and _TEMPORAL.search(text[start : slot.start]):
        return dates[0], None  # 'orders since 2024', 'members who joined before 2020'
    measured = _measured(table, slot)
    if measured is not None:
        return (measured[0], None) if measured[0] is not None else None
    holders = [c for c in numeric_holders(table, slot) if not c.is_id]
    ordering = comparator_before(text, slot.start)
    in_range = re.search(r"\b(?:between|from)\s+$", text[start : slot.start], re.I)
    if in_range or (ordering is not None and ordering[0] in (Cmp.GT, Cmp.GE, Cmp.LT, Cmp.LE)):
        holders = _within_range(table, slot)
    if slot.currency:
        # A sum of money goes to a money column; beside one that cannot hold it, to none
        # ('invoices over €1,000' is no count of Words over 1,000).
        money = [c for c in holders if is_money(c)]
        holders = money if money or any(is_money(c) for c in table.columns) else holders
    if slot.per:
        # '$20 a month' goes to Monthly Fee rather than Annual Fee.
        periodic = [c for c in holders if _PERIODIC[slot.per].search(c.name)]
        holders = periodic or holders
    if slot.unit and not slot.currency:
        # '5 kg' goes to 'Weight (kg)'; 'in 3 hours' to 'Resolution hours'; never to Hours.
        holders = [c for c in holders if fits_unit(slot.unit, c)]
        stem = slot.unit.rstrip("s")
        fitting = [c for c in holders if re.search(rf"\b{re.escape(stem)}", c.name.casefold())]
        if not fitting and seconds_in(slot.unit) is not None:
            # '45 minutes' is no Age: a duration goes only to a column said to hold one.
            fitting = [c for c in holders if _TIMED.search(c.name) or table.values(c.name).clock]
            return (fitting[0], None) if len(fitting) == 1 else None
        holders = fitting or holders
    return (holders[0], None) if len(holders) == 1 else None


_PERIODIC = {
    "month": re.compile(r"\bmonth(?:ly)?\b|/\s*mo\b|\bpm\b", re.I),
    "year": re.compile(r"\b(?:annual|yearly|year|p\.?a\.?)\b", re.I),
    "week": re.compile(r"\bweek(?:ly)?\b", re.I),
    "day": re.compile(r"\b(?:daily|day)\b", re.I),
    "hour": re.compile(r"\bhour(?:ly)?\b", re.I),
}
# Headers of columns holding spans of time ('45 minutes' goes to them), time taken or worked.
_TIMED = re.compile(
    r"\b(?:time|duration|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\b|\((?:s|h)\)",
    re.I,
)
_TEMPORAL = re.compile(r"\b(?:since|before|after|until|till|prior\s+to|as\s+of)\s+$", re.I)
_MONEY_WORDS = frozenset(
    """amount price cost sales revenue salary pay wage value total spend spent budget fee
    fees income profit margin balance paid due invoice expense expenses bill charge""".split()  # noqa: SIM905
)


def is_money(column: Column) -> bool:
    """A column of money: a currency in its header, or a word for money ('Amount', 'Fee')."""
    name = column.name.casefold()
    return bool(re.search(r"[$€£¥]|\b(usd|eur|gbp)\b", name)) or bool(
        _MONEY_WORDS & set(re.findall(r"[a-z]+", name))
    )


def _measured(table: Table, slot: NumberSlot) -> tuple[Column | None] | None:
    """The one column of the number's unit ('more than 2 days' over Hours), or (None,) when
    its values never reach the number ('orders over 24kg' beside bag sizes of 1 to 5 kg
    weighs something unsaid, the whole order); None when no one column has the unit."""
    measured = measured_in(slot.unit, table.columns) if not slot.currency else []
    if len(measured) != 1:
        return None
    return (measured[0] if measured[0] in _within_range(table, slot) else None,)


def _within_range(table: Table, slot: NumberSlot) -> list[Column]:
    """The numeric measures (no identifiers) whose values lie on both sides of the number."""
    found = []
    for column in table.columns:
        if column.kind is not ColumnKind.NUMBER or column.is_id:
            continue
        series = table.values(column.name).series.dropna()
        value = _number_value(slot, column, table)
        if len(series) and series.min() <= value <= series.max():
            found.append(column)
    return found


def numeric_holders(table: Table, slot: NumberSlot) -> list[Column]:
    """The numeric columns with a cell equal to the number."""
    return [c for c in table.columns if c.kind is ColumnKind.NUMBER and holds(table, c, slot)]


def holds(table: Table, column: Column, slot: NumberSlot) -> bool:
    """Whether a column has a cell equal to the number (or to its text, in a text column)."""
    if column.kind is ColumnKind.NUMBER:
        return bool((table.values(column.name).series == slot.value).any())
    if column.kind is ColumnKind.TEXT:
        return column.name in table.value_index().get(value_words(slot.text), ())
    return False


def date_column(
    text: str, table: Table, mentions: Sequence[ColumnMatch], start: int, end: int
) -> tuple[Column, ColumnMatch | None] | None:
    named = [m for m in mentions if m.column.kind is ColumnKind.DATE]
    near = left_mention(text, named, start) or right_mention(text, named, end)
    if near is not None:
        return near.column, near
    if len(named) == 1:
        return named[0].column, None
    dates = date_columns(table)
    new = NEW.search(text[:start])
    began = start_date(table)
    if not named and new is not None and began is not None:
        # 'new members in March': the date a row began, which the word 'new' names.
        return began, ColumnMatch(began, new.group(), new.start(), new.end(), 0.8, "implied")
    said = date_said(text[max(0, start - 40) : start], dates) if not named else None
    if said is not None:
        return said, None  # 'shipments ordered in Q3' over Order, Ship and Delivery dates
    made = [
        w for w in re.finditer(r"[a-z]+", text[:start].lower()) if verb_of_rows(w.group(), table)
    ]
    if not named and made and began is not None:
        # 'total invoiced in H1' on invoices: the day a row was made, its start date.
        return began, None
    return (dates[0], None) if len(dates) == 1 else None


_DATE_WORDS = frozenset({"date", "day", "on", "at", "time", "dt"})


def _shared_start(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def date_said(before: str, dates: Sequence[Column]) -> Column | None:
    """The one date column a verb before the date names ('ordered' for Order Date, 'delivered'
    for Delivery Date), or a word of its header ('due' for Due Date). A noun for the rows
    ('loans in March' over Loan Date and Due Date) leaves the question open."""
    if len(dates) < 2:
        return None
    found = set()
    for word in re.findall(r"[a-z]+", before.lower()):
        for column in dates:
            if any(_says(word, part) for part in set(header_words(column.name)) - _DATE_WORDS):
                found.add(column.name)
    named = [c for c in dates if c.name in found]
    return named[0] if len(named) == 1 else None


def _says(word: str, part: str) -> bool:
    """Whether a word of the command says a word of a date header: itself, or its verb
    ('ordered', 'shipping' for Ship Date)."""
    stem = re.sub(r"(?:ed|d|ing|s)$", "", word) if len(word) > 4 else word
    near = _shared_start(stem, part) >= max(4, len(part) - 3, len(stem) - 3)
    return word == part or (near and word.endswith(("ed", "ing")))


def date_named(words: str, dates: Sequence[Column]) -> Column | None:
    """The one date column whose header's every word the words say ('check-in' for Check-in
    beside Check-out), else the one :func:`date_said` finds."""
    said = re.findall(r"[a-z]+", words.lower())
    full = [
        c
        for c in dates
        if (parts := set(header_words(c.name)) - _DATE_WORDS)
        and all(any(_says(w, p) for w in said) for p in parts)
    ]
    return full[0] if len(full) == 1 else date_said(words, dates)


def contained_form(
    table: Table, p: PatternSlot, column: Column | None
) -> tuple[Column, str] | None:
    """The column a pattern tests (``column`` when named, else the text column with the most
    cells that pass it) and the text to test: as typed, or the singular of a plural no cell
    holds when its cells hold the singular as a word ('mention taxis' over 'Taxi to airport')."""
    typed = column if column is not None else column_containing(table, p)
    if typed is not None and (column is None or _passes(table, typed, p)):
        # 'notes mentioning missed collections' finds 'missed collection in Feb' too.
        head, _, last = p.value.strip().casefold().rpartition(" ")
        stem = searched_stem(last, value_vocabulary(table, typed.name))
        return typed, (f"{head} {stem}".strip() if stem else p.value)
    word = p.value.strip().casefold()
    for form in _word_forms(word):
        if " " in word or len(form) < 3:
            continue
        holders = [column] if column is not None else table.columns
        fits = [
            c
            for c in holders
            if c.kind is ColumnKind.TEXT and _inflected_in(form, value_vocabulary(table, c.name))
        ]
        if fits:
            slot = replace(p, value=form)
            return column_containing(table, slot, fits) or fits[0], form
    return (column, p.value) if column is not None else None


def _word_forms(word: str) -> list[str]:
    """The word's singular forms, then its stem without a verb ending ('delayed' -> delay)."""
    forms = list(singular_forms(word))
    stem = verb_stem(word)
    return [*forms, stem] if stem != word and word.endswith(("ing", "ed")) else forms


def _inflected_in(form: str, vocabulary: Collection[str]) -> bool:
    """Whether the cells hold the form as a word, or inflected ('delay' in 'delayed at
    customs', 'refund' in 'refunded in full')."""
    return any(form + ending in vocabulary for ending in ("", "s", "es", "ed", "d", "ing"))


def _passes(table: Table, column: Column, p: PatternSlot) -> bool:
    return column.kind is not ColumnKind.TEXT or column_containing(table, p, (column,)) is not None


def column_containing(
    table: Table, p: PatternSlot, columns: Sequence[Column] = ()
) -> Column | None:
    """The text column (of ``columns``, or of the table) with the most cells that pass the
    pattern."""
    best: tuple[int, Column] | None = None
    needle = p.value.casefold()
    for column in columns or table.columns:
        if column.kind is not ColumnKind.TEXT:
            continue
        cells = table.values(column.name).series.dropna().astype(str).str.casefold()
        if p.cmp is Cmp.STARTS:
            hits = int(cells.str.startswith(needle).sum())
        elif p.cmp is Cmp.ENDS:
            hits = int(cells.str.endswith(needle).sum())
        else:
            hits = int(cells.str.contains(needle, regex=False).sum())
        if hits and (best is None or hits > best[0]):
            best = (hits, column)
    return best[1] if best else None


def column_of_text(
    text: str, table: Table, mentions: Sequence[ColumnMatch], q: QuotedSlot
) -> tuple[Column, ColumnMatch | None] | None:
    left = left_mention(text, mentions, q.start)
    holders = table.value_index().get(value_words(q.value), ())
    if left is not None and (not holders or left.column.name in holders):
        return left.column, left
    if holders:
        # The quoted text is a cell of another column than the one named before it.
        own = next((m for m in mentions if m.column.name == holders[0]), None)
        return table.column(holders[0]), own
    texts = [c for c in table.columns if c.kind is ColumnKind.TEXT]
    return (texts[0], None) if len(texts) == 1 else None


def year_of(slot: NumberSlot | DateSlot) -> int:
    """The year a plain number names (2015), or 0."""
    if isinstance(slot, DateSlot) or slot.unit or slot.currency or not slot.year_like:
        return 0
    return int(slot.value)


def year_bound(
    condition: Condition, column: Column, slot: NumberSlot | DateSlot
) -> Condition | None:
    """A date column compared with a year ('opened before 2015', 'since 2020'): the year's
    first or last day; 'in 2019' is the year itself. None when it is no such comparison."""
    year = year_of(slot)
    if column.kind is not ColumnKind.DATE or not year:
        return None
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    bounds = {Cmp.LT: first, Cmp.GE: first, Cmp.GT: last, Cmp.LE: last}
    if condition.cmp in bounds:
        return Condition(column.name, condition.cmp, bounds[condition.cmp])
    if condition.cmp is Cmp.EQ:
        return Condition(column.name, Cmp.YEAR, year)
    return None
