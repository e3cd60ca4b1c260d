"""Two number columns combined row by row by the words between them: 'units times price',
'goals plus assists', 'revenue divided by staff', 'goals per match'.

Example:
    >>> a, op, b = find_expression("goals per match", mentions)
    >>> a.column.name, op, b.column.name
    ('Goals', '/', 'Matches')
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from nlsheet.nlu.binding import gap
from nlsheet.nlu.context import ColumnMatch
from nlsheet.workbook.table import ColumnKind

__all__ = ["find_expression", "per_pair"]

_ARITH = re.compile(
    r"^\s*(times|multiplied\s+by|x|\*|divided\s+by|/|per|minus|less|-|plus|\+)\s*(?:the\s+)?$",
    re.I,
)
_ARITH_OPS = {"times": "*", "multiplied by": "*", "x": "*", "*": "*", "divided by": "/", "/": "/"}
_ARITH_OPS |= {"per": "/", "minus": "-", "less": "-", "-": "-", "plus": "+", "+": "+"}


def find_expression(
    text: str, free: Sequence[ColumnMatch], problems: list[str] | None = None
) -> tuple[ColumnMatch, str, ColumnMatch] | None:
    """The first two free column mentions joined by an arithmetic word, with its operator.

    A hyphen inside a word ('seat-miles', 'man-hours') joins a compound unit, a product by
    convention, but 'revenue-cost' may be a difference: neither is read; the problem is noted
    in ``problems``."""
    for a, b in itertools.pairwise(free):
        if text[a.end : b.start] == "-" and a.column.kind is b.column.kind is ColumnKind.NUMBER:
            if problems is not None:
                problems.append(
                    f"'{text[a.start : b.end]}' joins {a.column.name} and {b.column.name} with a "
                    f"hyphen: say '{a.words} times {b.words}' or '{a.words} minus {b.words}'"
                )
            continue
        op = _ARITH.match(gap(text, a.end, b.start))
        if op:
            return a, _ARITH_OPS[" ".join(op.group(1).lower().split())], b
    return None


def own_rate_units(
    text: str, free: Sequence[ColumnMatch]
) -> tuple[list[ColumnMatch], list[tuple[int, int]]]:
    """The mentions left once a unit that a rate column names in its header is read as part
    of it ('price per kg' beside 'Price (€/kg)' is that column, not Price divided by Yield
    (kg)), and the spans of the words so read."""
    dropped: list[ColumnMatch] = []
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(free):
        if a in dropped or not _PER.match(gap(text, a.end, b.start)):
            continue
        unit = re.escape(b.words.casefold().strip())
        if re.search(rf"(?:/\s*|\bper\s+){unit}s?\b", a.column.name.casefold()):
            dropped.append(b)
            spans.append((a.end, b.end))
    return [m for m in free if m not in dropped], spans


_PER = re.compile(r"^\s*(?:per|/|a|an)\s*$", re.I)


def per_pair(text: str, mentions: Sequence[ColumnMatch], mention: ColumnMatch) -> bool:
    """Whether a number column is named right before 'per <mention>' ('goals per match')."""
    return any(
        m.column.kind is ColumnKind.NUMBER and _ARITH.match(gap(text, m.end, mention.start))
        for m in mentions
        if m.end <= mention.start
    )
