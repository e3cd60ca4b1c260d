"""Verbs that name a column by what it measures: 'earning over 80k' is about the salary column,
'weigh under 1 kg' about the weight, 'rated 4.5 or higher' about the rating, 'located in Leeds'
about the city.

A verb names a column only when exactly one column of the table answers to its family (a
Salary column for 'earning'), and only when the command names that column no other way; with
two candidates ('sold' beside Sales and Units) it names none, and the word is left for the
checks that refuse or ask.

A sheet of trades names its item too: on Ticket Sales with a Qty column, 'how many tickets did
we sell' and 'tickets by channel' are about the Qty column (each row sells some tickets),
while 'list the tickets' still asks for the sales themselves.

Example:
    >>> [m.column.name for m in verb_mentions("staff earning over 80k", table, [])]
    ['Salary (€)']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import traded_item
from nlsheet.nlu.readings import LIST_OPENER
from nlsheet.nlu.text import Token, canonical, header_words, is_plural, tokenize
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["verb_mentions"]

# Words asking how many items, said before them or as a grouping after them.
_HOW_MANY_BEFORE = re.compile(
    r"\b(?:how\s+many|number\s+of|no\.?\s+of|total|sum|average|avg|mean|most|fewest|least|"
    r"more|fewer|count)\b",
    re.I,
)
_PER_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:by|per)\b", re.I)

# Each family: the verb's forms, the header words of the columns it measures, and whether the
# column holds numbers (a measure) or text (a place).
_FAMILIES: tuple[tuple[re.Pattern[str], frozenset[str], ColumnKind], ...] = (
    (
        re.compile(r"earn(?:s|ed|ing)?|paid", re.I),
        frozenset({"salary", "pay", "wage", "income", "earning", "compensation"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"spen(?:d|ds|t|ding)", re.I),
        frozenset({"amount", "spend", "cost", "expense"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"weigh(?:s|ed|ing)?", re.I),
        frozenset({"weight", "kg", "lb", "mass"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"rated", re.I),
        frozenset({"rating", "score", "stars"}),
        ColumnKind.NUMBER,
    ),
    (
        # An order's worth is its amount, never the price of one unit of it.
        re.compile(r"worth|valued", re.I),
        frozenset({"amount", "value", "total"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"pay(?:s|ing)", re.I),
        frozenset({"fee", "price", "payment", "subscription", "amount"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"cost(?:s|ing)?|priced", re.I),
        frozenset({"price", "cost"}),
        ColumnKind.NUMBER,
    ),
    (
        re.compile(r"located|based", re.I),
        frozenset({"city", "town", "location", "country", "region"}),
        ColumnKind.TEXT,
    ),
)


def verb_mentions(
    text: str, table: Table, taken: Sequence[tuple[int, int]], tokens: Sequence[Token] = ()
) -> list[ColumnMatch]:
    """Mentions of columns by verbs of their family, outside the spans already ``taken``
    (``tokens``: the command's, when already split)."""
    found: list[ColumnMatch] = []
    named: set[str] = set()
    for token in tokens or tokenize(text):
        if any(s < token.end and token.start < e for s, e in taken):
            continue
        for verb, nouns, kind in _FAMILIES:
            if not verb.fullmatch(token.lower):
                continue
            fits = [c for c in table.columns if c.kind is kind and _answers(c, nouns)]
            if len(fits) == 1 and fits[0].name not in named:
                named.add(fits[0].name)
                found.append(
                    ColumnMatch(
                        fits[0],
                        text[token.start : token.end],
                        token.start,
                        token.end,
                        0.85,
                        "synonym",
                    )
                )
            break
    traded = traded_item(table)
    if traded is None or traded[1].name in named or LIST_OPENER.match(text):
        return found
    # 'how many tickets did we sell', 'tickets by channel' on a sheet of Ticket Sales: the Qty
    # column's tickets ('list the tickets', 'who bought tickets' ask for the sales).
    for token in tokens or tokenize(text):
        if (
            token.norm == traded[0]
            and is_plural(token)
            and (_HOW_MANY_BEFORE.search(text, 0, token.start) or _PER_AFTER.match(text, token.end))
            and not any(s < token.end and token.start < e for s, e in taken)
        ):
            words = text[token.start : token.end]
            found.append(ColumnMatch(traded[1], words, token.start, token.end, 0.85, "synonym"))
            break
    return found


def _answers(column: Column, nouns: frozenset[str]) -> bool:
    words = header_words(column.name)
    return any(w in nouns or canonical(w) in nouns for w in words)
