"""Conditions that compare two columns of the same row: 'actual is over budget', 'more
arrivals in 2022 than in 2019', and one column whose other side is implied ('SKUs below
their reorder level' compares the quantity on hand with it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from nlsheet.nlu.binder import Binder
from nlsheet.nlu.binding import gap
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.derived import implied_partner
from nlsheet.nlu.slots import CHANGE_FROM, ORDERING, NumberSlot, comparator_before
from nlsheet.nlu.text import normalize_word
from nlsheet.nlu.wide import PERCENT_WORD
from nlsheet.plan import Cmp, Condition
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["bind_column_comparisons"]

# 'more arrivals in 2022 than in 2019': the comparative stands before the first column and
# 'than' between the two.
_COMPARATIVE = re.compile(
    r"\b(?:(more|higher|greater|bigger|larger)|(fewer|less|lower|smaller))"
    r"(?:\s+\w+){0,5}\s+(?:in|for|during|on)?\s*$",
    re.I,
)
_HOW_MUCH = re.compile(r"\bhow\s+(?:many|much)\s+$", re.I)
_HOW_MUCH_BEFORE = re.compile(r"\bhow\s+(?:(much)|many\s+(\w+))\b", re.I)


def _amount_asked(before: str, table: Table) -> bool:
    """'how much did visitors grow', 'how many visitors did Norway gain': an amount; not 'how
    many farms went down', which counts rows."""
    asked = _HOW_MUCH_BEFORE.search(before)
    if asked is None:
        return False
    return bool(asked.group(1)) or not is_row_noun(normalize_word(asked.group(2)), table)


_THAN = re.compile(r"^\s*than\s+(?:in|for|during|on)?\s*$", re.I)


def _bind_change(work: Binder, a: ColumnMatch, b: ColumnMatch, change: re.Match[str]) -> None:
    """'how much did visitors grow from 2019 to 2022': the later total less the earlier ('how
    much did they fall': the earlier less the later); '..., in percent': the change as a
    fraction of the earlier total."""
    up = bool(change.group(1) or change.group(3))
    work.take(a)
    work.take(b)
    work.frame.explained.append((change.start(), b.end))
    percent = PERCENT_WORD.search(work.text, b.end) if up else None
    if percent is not None:
        work.frame.growth = (b.column, a.column)
        work.frame.explained.append(percent.span())
        return
    work.frame.expression = (b, "-", a) if up else (a, "-", b)
    work.frame.difference = True


def bind_column_comparisons(work: Binder, numbers: Sequence[NumberSlot]) -> None:
    """Bind every comparison between two columns the command makes."""
    text = work.text
    for a, b in itertools.pairwise(work.mentions):
        if a.column.kind != b.column.kind or a.column.kind is ColumnKind.TEXT:
            continue
        if any(a.end <= n.start < b.start for n in numbers):
            continue
        change = CHANGE_FROM.search(text[: a.start])
        to = re.fullmatch(r"\s*(?:to|through|and|-|–)\s*", gap(text, a.end, b.start))
        if change is not None and to and _amount_asked(text[: change.start()], work.table):
            _bind_change(work, a, b, change)
            continue
        if change is not None and to:
            # 'countries that went down from 2023 to 2024': the later value below the earlier.
            up = bool(change.group(1) or change.group(3))
            work.take(a)
            work.bind(
                Condition(b.column.name, Cmp.GT if up else Cmp.LT, other=a.column.name),
                change.start(),
                b.end,
                b,
            )
            continue
        split = _split_comparative(text, a.start, a.end, b.start)
        if split is not None and _HOW_MUCH.search(text[: split[1]]):
            # 'how many more heaters sold in December than November': the difference.
            first, second = (a, b) if split[0] is Cmp.GT else (b, a)
            work.take(a)
            work.take(b)
            work.frame.expression, work.frame.difference = (first, "-", second), True
            work.frame.explained.append((split[1], b.end))
            continue
        if split is not None:
            cmp, start = split
            work.take(a)
            work.bind(Condition(a.column.name, cmp, other=b.column.name), start, b.end, b)
            continue
        between = gap(text, a.end, b.start)
        head = text[: b.start].rstrip()
        found = comparator_before(head + " ", len(head) + 1)
        if found is None or found[0] not in ORDERING or found[1] < a.end:
            continue
        if not re.fullmatch(r"[\s\w]*", between) or len(between) > 30:
            continue
        work.take(a)
        condition = Condition(a.column.name, found[0], other=b.column.name)
        work.bind(condition, a.start, b.end, b)
    for b in work.mentions:
        # 'SKUs below their reorder level', 'projects over budget': the other side is the
        # one column that pairs with the named one (On Hand, Actual).
        partner = implied_partner(text, b, work.table) if id(b) not in work.used else None
        if partner is not None:
            cmp, column, start = partner
            work.bind(Condition(column.name, cmp, other=b.column.name), start, b.end, b)


def _split_comparative(text: str, a_start: int, a_end: int, b_start: int) -> tuple[Cmp, int] | None:
    """'more <noun> in A than in B' -> (A > B, where the words start); None otherwise."""
    if _THAN.match(text[a_end:b_start]) is None:
        return None
    before = _COMPARATIVE.search(text[:a_start])
    if before is None:
        return None
    return (Cmp.GT if before.group(1) else Cmp.LT), before.start()
