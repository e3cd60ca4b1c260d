"""Verbs made of a header word: 'tested' beside a Test column, 'adopted' beside Adopter and
Adoption Date, 'closing' beside Expected Close. Such a verb names what the column records, not
a column to read, so it may stand in a command as a command word; unless some rows leave the
column blank, when the verb says which rows (the dogs adopted are not every dog).

Example:
    >>> verb_of_header("shipped", table)  # beside a Ship Date column
    True
"""

from __future__ import annotations

from collections.abc import Collection

from nlsheet.nlu.text import header_word_set, header_words
from nlsheet.workbook.table import Column, Table

__all__ = ["sorts_rows", "verb_of_header"]


def verb_of_header(word: str, table: Table) -> bool:
    """'tested' beside a Test column, 'closing' beside Expected Close: a verb made of a header
    word names what the column records, not a column to read. The header word itself
    ('Opened') is the column, not this."""
    return bool(_verb_headers(word, table))


def sorts_rows(word: str, table: Table, read: Collection[str] = ()) -> bool:
    """Whether a verb made of a header word ('adopted' beside Adopter and Adoption Date)
    names a column some rows leave blank, and the reading reads none of the columns it names:
    the dogs adopted are not every dog, so the verb says which rows, and an answer that let
    it pass as a command word would count them all ('dogs adopted in 2024' tests the Adoption
    Date, which says it)."""
    named = _verb_headers(word, table)
    if any(c.name in read for c in named):
        return False
    return any(table.values(c.name).series.isna().any() for c in named)


def _verb_headers(word: str, table: Table) -> list[Column]:
    lower = word.lower()
    suffix = next((x for x in ("ing", "ed", "d") if lower.endswith(x)), None)
    if suffix is None or len(lower) - len(suffix) < 3:
        return []
    base = lower[: -len(suffix)]
    if lower in header_word_set(table):
        return []
    # 'closing' -> close, 'shipped' -> ship, 'tested' -> test; 'played' beside Player and
    # 'scored' beside Scorer name what the people of the column do.
    stems = {base, base + "e", base[:-1] if base[-1] == base[-2] else base}
    stems |= {s + "er" for s in stems} | {s + "r" for s in stems if s.endswith("e")}
    stems |= {s + end for s in stems for end in ("ion", "ment", "al") if len(s) >= 4}
    return [c for c in table.columns if stems & {w.lower() for w in header_words(c.name)}]
