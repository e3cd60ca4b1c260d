"""Measures named by their words rather than by a header: 'inventory value' (quantity x unit
price), 'margin' (price - cost), 'expected revenue' (amount x win probability).

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

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.text import header_words
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["Derived", "find_derived"]


@dataclass(frozen=True)
class Derived:
    """Two columns combined row by row, and the words that named the combination."""

    first: ColumnMatch
    op: str
    second: ColumnMatch
    start: int
    end: int


def _has(*words: str) -> Callable[[Column], bool]:
    wanted = frozenset(words)
    return lambda c: bool(wanted & set(header_words(c.name)))


_QUANTITY = _has("qty", "quantity", "unit", "stock", "hand", "onhand", "inventory", "piece")
_UNIT_PRICE = _has("price", "cost")
_PRICE = _has("price", "selling", "retail", "rrp")
_COST = _has("cost", "cogs", "purchase", "buying")
_AMOUNT = _has("amount", "value", "revenue", "deal", "size")
_PROBABILITY = _has("probability", "chance", "likelihood", "odds", "confidence")

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
        _QUANTITY,
        "*",
        _UNIT_PRICE,
    ),
    (re.compile(r"\b(?:margins?|mark-?ups?)\b", re.I), _PRICE, "-", _COST),
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
    for pattern, first_kind, op, second_kind in _READINGS:
        found = pattern.search(text)
        if found is None or any(
            m.start < found.end() and found.start() < m.end and m.how in _FIRM for m in mentions
        ):
            continue
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
