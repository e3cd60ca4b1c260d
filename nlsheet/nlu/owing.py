"""Words for owing money: 'tenants behind on their rent', 'accounts in arrears', 'customers who
owe us money'. Each picks the rows whose amount owed is above zero, on a table with one column
of amounts owed (Arrears, Balance Due, Amount Outstanding), or an Amount Due beside an Amount
Paid (less paid than due); without them, nlsheet says so rather than reading the words as
nothing.

Example:
    >>> owing("which tenants are behind on their rent", table, [])  # doctest: +SKIP
    (Condition(column='Arrears (£)', op=Cmp.GT, value=0.0), 19, 39)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from nlsheet.nlu.binder import Binder
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.text import header_words
from nlsheet.plan import Cmp, Condition
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["bind_owing", "owed_columns", "owing"]

_OWING = re.compile(
    r"\b(?:behind|late|overdue)\s+(?:on|with)\s+(?:(?:their|the|his|her|its|my|our|your)\s+)?"
    r"(?:rent|payments?|bills?|fees?|dues|instal?lments?|repayments?|subscriptions?)\b"
    r"|\bin\s+(?:arrears|debt|the\s+red)\b"
    r"|\bow(?:e|es|ing)\s+(?:us\s+|me\s+|the\s+\w+\s+)?(?:money|anything|something|rent)\b",
    re.I,
)
_NOT_BEFORE = re.compile(r"(?:\bnot|\b\w+n['’]t|\bnever|\bno\s+longer)\s+$", re.I)
# Header words of a column of amounts still owed ('Balance Due' is one; 'Amount Due' beside
# 'Amount Paid' is what was billed, and the debt is their difference).
_OWED_WORDS = frozenset({"arrear", "arrears", "overdue", "outstanding", "owed", "owing", "debt"})


def _number_columns(table: Table, test: Callable[[set[str]], bool]) -> list[Column]:
    return [
        c
        for c in table.columns
        if c.kind is ColumnKind.NUMBER and not c.is_id and test(set(header_words(c.name)))
    ]


def owed_columns(table: Table) -> list[Column]:
    """The number columns holding amounts still owed (Arrears (£), Balance Due, Outstanding)."""
    return _number_columns(
        table, lambda words: bool(words & _OWED_WORDS) or {"balance", "due"} <= words
    )


def _owed_condition(table: Table, negated: bool) -> Condition | None:
    owed = owed_columns(table)
    if len(owed) == 1:
        return Condition(owed[0].name, Cmp.LE if negated else Cmp.GT, 0.0)
    due = _number_columns(table, lambda words: "due" in words)
    paid = _number_columns(table, lambda words: "paid" in words)
    if not owed and len(due) == 1 and len(paid) == 1:
        # 'pupils who still owe money' over Amount Due and Amount Paid: less paid than due.
        cmp = Cmp.LE if negated else Cmp.GT
        return Condition(due[0].name, cmp, other=paid[0].name)
    return None


def bind_owing(work: Binder) -> None:
    """'behind on their rent': the amount owed above zero, bound with the columns its words
    name taken; a problem to report when the table has no one column of amounts owed."""
    found = owing(work.text, work.table, work.mentions)
    if found is None:
        return
    condition, start, end = found
    if condition is None:
        words = work.text[start:end]
        work.frame.problems.append(f"'{words}' needs one column of amounts owed (Arrears)")
        return
    inside = [m for m in work.mentions if start <= m.start and m.end <= end]
    work.bind(condition, start, end, inside[0] if inside else None)
    for m in inside[1:]:
        work.take(m)


def owing(
    text: str, table: Table, mentions: Sequence[ColumnMatch]
) -> tuple[Condition | None, int, int] | None:
    """The rows that owe money, as a condition on the one column of amounts owed, and the
    span of the words; the condition is None when the table has no such column (or several)
    and the words cannot be read. None when the command says nothing of owing, or when a
    header names the words ('Overdue' said as a column is that column)."""
    found = _OWING.search(text)
    if found is None:
        return None
    named = [m for m in mentions if m.start < found.end() and found.start() < m.end]
    if any(m.column in owed_columns(table) and m.start <= found.start() for m in named):
        return None
    start = found.start()
    # 'tenants not in arrears', "who don't owe anything": nothing owed.
    negated = _NOT_BEFORE.search(text, 0, start)
    condition = _owed_condition(table, negated is not None)
    return condition, negated.start() if negated and condition else start, found.end()
