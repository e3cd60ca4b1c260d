"""Conditions as the words of a command set them: one text test with its negation ('have not
been cancelled'), and the conditions joined (same-column values into a list, 'or' across
columns).

Example:
    >>> combine("orders from Lyon or Porto", bound).conditions[0].cmp
    <Cmp.IN: 'in'>
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from nlsheet.nlu.binding import gap
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.slots import comparator_before
from nlsheet.plan import Cmp, Condition, Scalar, Where
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["Bound", "combine", "listed_item", "quoted_inside", "text_condition"]

# A negation before a value, with the link words it may take ('not from the Central branch',
# "didn't come from Leeds", 'except those at Eastside', 'neither Fiction nor Poetry').
_NEGATED_BEFORE = re.compile(
    r"\b(?:(?:not|never|neither|nor|(?:isn|aren|wasn|weren|hasn|haven|hadn|didn|doesn|don)['’]?t)"
    r"(?:\s+(?:been|be|being|yet|ever|already|got|gotten))*"
    r"(?:\s+(?:come|came|go|went|belong|belonged|belonging|sold|made|placed|based|located|"
    r"from|in|at|by|for|to|of|on|the|a|an|any)){0,3}|"
    r"(?:except|excluding|exclude|besides|not\s+counting|leaving\s+out|leave\s+out|"
    r"apart\s+from|aside\s+from|other\s+than)(?:\s+(?:for|those|ones|rows|records|entries|the|"
    r"any|from|in|at|by|of|on)){0,3})\s+$",
    re.I,
)


@dataclass
class Bound:
    """A condition and the span of the words that set it (and the column mention it took)."""

    condition: Condition
    start: int
    end: int
    mention: ColumnMatch | None = None


def text_condition(
    text: str, column: Column, value: str, start: int, end: int, mention: ColumnMatch | None
) -> Bound:
    before = comparator_before(text, start)
    cmp = Cmp.EQ
    begin = start
    if before is not None and before[0] in (Cmp.NE, Cmp.CONTAINS, Cmp.STARTS, Cmp.ENDS):
        cmp, begin = before
    negated = _NEGATED_BEFORE.search(text[:start])
    if cmp is Cmp.EQ and negated is not None:
        # 'orders that have not been cancelled', "invoices that weren't sent".
        cmp, begin = Cmp.NE, negated.start()
    scalar: Scalar = value
    if column.kind is ColumnKind.DATE:
        try:
            scalar = dt.date.fromisoformat(value)
        except ValueError:
            scalar = value
    return Bound(Condition(column.name, cmp, scalar), begin, end, mention)


# Headers of columns whose cells are written notes or lists of traits, not categories.
_FREE_TEXT = re.compile(
    r"\b(?:notes?|comments?|remarks?|tags?|descriptions?|features?|feedback|details?|"
    r"observations?|keywords?|traits?)\b",
    re.I,
)


def listed_item(bound: Bound, table: Table) -> Bound:
    """A value that is a whole cell of some rows and an item of a list in others ('cat
    friendly' beside 'cat friendly, good with kids' in Notes), in a column of notes, is tested
    as contained, so no row listing it is left out. Other values keep their equality ('Paid'
    is not 'Partially paid'), as do values of categories ('News' is not 'News, Talk' in a
    Format column, nor 'News/Talk')."""
    condition = bound.condition
    if condition.cmp is not Cmp.EQ or not isinstance(condition.value, str):
        return bound
    column = table.column(condition.column)
    if column.kind is not ColumnKind.TEXT or not _FREE_TEXT.search(column.name):
        return bound
    cells = table.values(condition.column).series.dropna().astype(str).str.casefold()
    value = re.escape(condition.value.casefold())
    # Items end at ',', ';' or a dash between spaces ('separation anxiety - improving').
    listed = cells.str.contains(
        rf"(?:^|[,;]\s*|\s[-–—]\s*){value}\s*(?:[,;]|\s[-–—]\s|$)", regex=True
    )
    if not (listed & (cells != condition.value.casefold())).any():
        return bound
    loose = Condition(condition.column, Cmp.CONTAINS, condition.value)
    return Bound(loose, bound.start, bound.end, bound.mention)


def quoted_inside(bound: Bound, table: Table) -> Bound:
    """Quoted words that no cell of the column holds whole but some hold inside ("titles with
    'night' in them" over 'Night Train', 'Midnight Sun') are searched for, not matched whole:
    a count of 0 would be an answer to a question nobody asked."""
    condition = bound.condition
    if condition.cmp is not Cmp.EQ or not isinstance(condition.value, str):
        return bound
    if table.column(condition.column).kind is not ColumnKind.TEXT:
        return bound
    cells = table.values(condition.column).series.dropna().astype(str).str.strip().str.casefold()
    value = condition.value.strip().casefold()
    if (cells == value).any() or not cells.str.contains(value, regex=False).any():
        return bound
    loose = Condition(condition.column, Cmp.CONTAINS, condition.value)
    return Bound(loose, bound.start, bound.end, bound.mention)


def combine(text: str, bound: list[Bound]) -> Where:
    """Join conditions: same-column equalities become IN; 'or' between conditions means any."""
    bound.sort(key=lambda b: b.start)
    # Only an 'or' between conditions on different columns makes any one of them enough.
    joined_or = any(
        a.condition.column != b.condition.column
        and re.search(r"\bor\b", gap(text, a.end, b.start), re.I)
        for a, b in itertools.pairwise(bound)
    )
    conditions: list[Condition] = []
    by_column: dict[str, list[Condition]] = {}
    for b in bound:
        by_column.setdefault(b.condition.column, []).append(b.condition)
    done: set[str] = set()
    for b in bound:
        name = b.condition.column
        same = by_column[name]
        equalities = [c for c in same if c.cmp is Cmp.EQ and c.other is None]
        if len(equalities) > 1 and name not in done:
            done.add(name)
            values = tuple(c.value for c in equalities if c.value is not None)
            conditions.append(Condition(name, Cmp.IN, values=values))
            conditions.extend(c for c in same if c not in equalities)
            continue
        if name in done:
            continue
        if b.condition not in conditions:
            conditions.append(b.condition)
    columns = {c.column for c in conditions}
    # 'East or West' on one column is an IN; 'or' across columns means any of them.
    return Where(tuple(conditions), any=joined_or and len(columns) > 1)
