"""Words about the rows themselves rather than one column: the thing whose name holds quoted
words ("cafés with 'bean' in the name" tests the Café column), and a number of rows compared
('tables with more than nine guests' counts guests per table, which no test on a column gives).

Example:
    >>> rows_counted("tables with more than 9 guests", table, mentions, slot)  # doctest: +SKIP
    "'9 guests' counts guests per group, which a test on a column does not give"
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.nlu.binding import left_mention
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun, key_column
from nlsheet.nlu.slots import ORDERING, DateSlot, NumberSlot, QuotedSlot, comparator_before
from nlsheet.nlu.text import normalize_word
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["name_holder", "rows_counted"]

_NAME_WORD = re.compile(r"(?:name|title)s?\b", re.I)


def name_holder(
    text: str,
    table: Table,
    mentions: Sequence[ColumnMatch],
    q: QuotedSlot,
    inside: re.Match[str] | None,
) -> tuple[Column, int] | None:
    """ "cafés with 'bean' in the name": the column holding the names, the text column said
    just before (Café) or else the one naming each row, and where the words end; None when
    the quoted words are not followed by 'in the name' or 'in the title'."""
    if inside is None:
        return None
    name_word = _NAME_WORD.match(text, q.end + inside.end())
    if name_word is None:
        return None
    owner = left_mention(text, mentions, q.start, 12)
    if owner is not None and owner.column.kind is ColumnKind.TEXT:
        return owner.column, name_word.end()
    keyed = key_column(table)
    return (keyed, name_word.end()) if keyed is not None else None


def rows_counted(
    text: str, table: Table, mentions: Sequence[ColumnMatch], slot: NumberSlot | DateSlot
) -> str | None:
    """'tables with more than nine guests' on a list of guests: the number counts rows per
    group (a test on each table's count), which no condition on a column gives; 'the first 2
    orders' says how many rows, and no column equals 2. The problem to report, or None when
    the number is followed by no plural noun for the rows."""
    if not isinstance(slot, NumberSlot) or slot.unit or slot.currency or slot.percent:
        return None
    compared = comparator_before(text, slot.start)
    noun = re.match(r"\s+([^\W\d_]+)", text[slot.end :])
    if noun is None or any(
        m.start <= slot.end + noun.start(1) < m.end and m.column.kind is not ColumnKind.TEXT
        for m in mentions
    ):
        return None  # 'more than 20 bags' beside a Bags column tests the bags
    word = noun.group(1).casefold()
    if normalize_word(word) == word or not is_row_noun(normalize_word(word), table):
        return None
    said = f"'{slot.text} {noun.group(1)}'"
    if compared is None or compared[0] not in ORDERING:
        # 'the first 2 orders' says how many rows, not that a column holds 2.
        return f"{said} says how many {noun.group(1)}, not a value of a column"
    return f"{said} counts {noun.group(1)} per group, which a test on a column does not give"
