"""Value linking: words of the command that are values of a column ('West' -> Region).

A value mentioned in a command says which column a condition is on, even when the column is not
named ("total sales for West"). Cells are compared by their words, case-insensitively, so
"butler cc (ks)" finds the cell "Butler CC (KS)".

Example:
    >>> [(m.column.name, m.value) for m in link_values("orders from west", table)]
    [('Region', 'West')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlsheet.nlu.text import STOPWORDS
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["ValueMatch", "link_values"]

_MAX_WORDS = 12
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ValueMatch:
    """Words of the command equal to a cell value of a column.

    Attributes:
        column: The column holding the value.
        value: The value as written in the cell.
        words: The words of the command.
        start: Where they start in the command.
        end: Where they end.
        others: Other columns holding the same value.
    """

    column: Column
    value: str
    words: str
    start: int
    end: int
    others: tuple[Column, ...] = ()


def link_values(
    text: str,
    table: Table,
    taken: Sequence[tuple[int, int]] = (),
    mentioned: Sequence[Column] = (),
    must_cover: Sequence[tuple[int, int]] | None = None,
) -> list[ValueMatch]:
    """Find the longest spans of the command that are cell values of text columns.

    Args:
        text: The command.
        table: The table whose values are candidates.
        taken: Spans already explained; a value may not overlap them.
        mentioned: Columns the command names; a value in one of them is preferred.
        must_cover: If given, a value must cover at least one of these spans (the words
            nothing else explained), so that plain commands never build the value index.
    """
    if must_cover is not None and not must_cover:
        return []
    index = table.value_index()
    if not index:
        return []
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[s:e].casefold() for s, e in spans]
    found: list[ValueMatch] = []
    i = 0
    while i < len(spans):
        match = None
        for j in range(min(len(spans), i + _MAX_WORDS), i, -1):
            start, end = spans[i][0], spans[j - 1][1]
            if any(s < end and start < e for s, e in taken):
                continue
            if must_cover is not None and not any(s < end and start < e for s, e in must_cover):
                continue
            key = " ".join(words[i:j])
            columns = index.get(key)
            if not columns:
                continue
            if j - i == 1 and (key in STOPWORDS or len(key) < 2):
                # 'IT' typed in capitals is a department; 'it' is a word.
                spelled = table.value_spelling(columns[0], key)
                if text[start:end] != spelled or not spelled.isupper():
                    continue
            match = _pick(columns, mentioned, table, key, text[start:end], start, end)
            break
        if match is not None:
            found.append(match)
            i = next((k for k in range(i, len(spans)) if spans[k][0] >= match.end), len(spans))
        else:
            i += 1
    return found


def _pick(
    names: Sequence[str],
    mentioned: Sequence[Column],
    table: Table,
    key: str,
    words: str,
    start: int,
    end: int,
) -> ValueMatch:
    columns = [table.column(n) for n in names]
    preferred = [c for c in columns if c in mentioned] or columns
    # Text columns before others; then the one where the value is rarest (most specific).
    preferred.sort(key=lambda c: (c.kind is not ColumnKind.TEXT, c.position))
    best = preferred[0]
    value = table.value_spelling(best.name, key, words)
    others = tuple(c for c in columns if c is not best)
    return ValueMatch(best, value, words, start, end, others)
