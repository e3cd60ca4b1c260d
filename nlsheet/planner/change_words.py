"""What the change builders share: colours, names and sheets in the command's words, and
how to refuse a change that lacks a part.
"""

from __future__ import annotations

import re

from nlsheet.errors import NotUnderstoodError
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.interpret import Interpretation
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "COLORS",
    "COLOR_WORD",
    "NAMED",
    "NEW_SHEET",
    "QUOTED",
    "color_named",
    "column_mentions",
    "first_column",
    "refuse",
]

COLORS = {
    "red": "FFC7CE",
    "pink": "FFC7CE",
    "green": "C6EFCE",
    "yellow": "FFEB9C",
    "amber": "FFEB9C",
    "orange": "F8CBAD",
    "blue": "BDD7EE",
    "grey": "D9D9D9",
    "gray": "D9D9D9",
    "purple": "E4DFEC",
}
COLOR_WORD = re.compile(r"\b(" + "|".join(COLORS) + r")\b", re.I)
NEW_SHEET = re.compile(
    r"\b(new|separate|another|own|different)\s+(sheet|tab|worksheet|page)\b", re.I
)
NAMED = re.compile(
    r"\b(?:called|named|titled|labell?ed|name it|call it)\s+[\"']?([\w][\w .%$&/()-]*?)[\"']?\s*"
    r"(?:$|[,;:=]|\s(?:that|which|with|as|equal|equals|showing|computing|for|from)\b)",
    re.I,
)
QUOTED = re.compile(r"[\"“']([^\"”']+)[\"”']")


def refuse(interp: Interpretation, table: Table, what: str, expected: str) -> NotUnderstoodError:
    return NotUnderstoodError(
        f"{what} in {interp.text!r}",
        expected=expected,
        found=interp.text,
        where=interp.text,
        candidates=[c.name for c in table.columns],
    )


def column_mentions(interp: Interpretation) -> list[ColumnMatch]:
    return sorted(interp.columns, key=lambda m: m.start)


def first_column(interp: Interpretation, table: Table, *kinds: ColumnKind, what: str) -> Column:
    for m in column_mentions(interp):
        if not kinds or m.column.kind in kinds:
            return m.column
    raise refuse(interp, table, f"no column named to {what}", f"a column to {what}")


def color_named(text: str, default: str) -> str:
    found = COLOR_WORD.search(text)
    return COLORS[found.group(1).lower()] if found else default
