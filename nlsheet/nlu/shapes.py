"""Readings the shape of the words decides outright, whatever the classifier suggests: 'total
<column>' is its total, 'how many <rows>' counts them, '<measure> by <category>' totals it per
group, 'when ... first' is a minimum of dates; 'total of <rows>' is asked (amount or number)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.changes import CHANGES
from nlsheet.nlu.change_cues import CHANGE_CUE, WH_QUESTION, traded_blanked
from nlsheet.nlu.conditions import Frame
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun, traded_item
from nlsheet.nlu.readings import EARLY, LATE, aggregate_cue
from nlsheet.nlu.text import normalize_word, tokenize, words_of
from nlsheet.workbook.table import ColumnKind, Table

__all__ = [
    "counts_rows",
    "fits_types",
    "total_of_rows",
    "total_per_group",
    "totals",
    "when_extreme",
]

_TOTAL_OF = re.compile(
    r"^\s*(?:(?:what(?:'s|\s+is|\s+was)|give\s+me|show\s+me)\s+)?(?:the\s+)?(?:total|sum)\s+"
    r"(?:of\s+)?(?:the\s+|all\s+)?xcolx\b",
    re.I,
)


def totals(masked: str, frame: Frame) -> bool:
    """'total actual of jobs over budget', 'the sum of the amounts for West': 'total' or 'sum'
    right before a number column is its total, whatever else the words suggest."""
    number = [m for m in frame.free if m.column.kind is ColumnKind.NUMBER]
    return bool(_TOTAL_OF.match(masked)) and len(number) == 1 and frame.by is None


_TOTAL_ROWS = re.compile(
    r"^\s*(?:(?:what(?:'s|\s+is|\s+was)|give\s+me|show\s+me)\s+)?(?:the\s+)?total\s+"
    r"(?:of\s+)?(?:the\s+|all\s+|our\s+)?([a-z]+)\b",
    re.I,
)


def total_of_rows(text: str, frame: Frame, table: Table) -> bool:
    """'total of invoices over 15,000': 'total' before a noun for the rows, no number column
    named, reads two ways (their amount, or how many); the question is asked."""
    said = _TOTAL_ROWS.match(text)
    if said is None or any(m.column.kind is ColumnKind.NUMBER for m in frame.free):
        return False
    return is_row_noun(normalize_word(said.group(1).lower()), table)


_HOW_MANY = re.compile(r"^\s*how\s+many\s+(?:of\s+(?:the|our)\s+)?(\w+)", re.I)


def counts_rows(text: str, frame: Frame, table: Table) -> bool:
    """'how many people joined in the second half of 2022': 'how many' before a noun for the
    rows, no number column named, counts rows whatever else the words suggest ('half' is no
    median)."""
    said = _HOW_MANY.match(text)
    if said is None or any(m.column.kind is ColumnKind.NUMBER for m in frame.free):
        return False
    word = [t.norm for t in tokenize(said.group(1))]
    return bool(word) and is_row_noun(word[0], table)


def _row_noun_before(text: str, position: int, table: Table) -> bool:
    """Whether a noun naming the table's rows stands before ``position``."""
    return any(is_row_noun(t.norm, table) for t in tokenize(text[:position]))


def total_per_group(
    text: str, masked: str, frame: Frame, ranked: list[tuple[str, float]], table: Table
) -> list[tuple[str, float]] | None:
    """'revenue by channel', 'sales per rep': a measure by a category, with no word saying
    what to do, is the measure's total per group (a grouped count when only rows are named).
    """
    by = frame.by
    if by is None or (
        by.column.kind not in (ColumnKind.TEXT, ColumnKind.BOOL) and frame.by_period is None
    ):
        return None
    if (
        aggregate_cue(masked)
        or CHANGE_CUE.search(traded_blanked(text, frame))
        or WH_QUESTION.match(text)
    ):
        return None
    measures = [m for m in frame.free if m is not by and m is not frame.then_by]
    # 'employees by department': a mention made of row nouns names the rows, not a measure.
    # 'tickets by channel' on a sheet of Ticket Sales: the tickets are its Qty, not its rows.
    traded = traded_item(table)
    measures = [
        m
        for m in measures
        if (traded is not None and m.column is traded[1])
        or not all(is_row_noun(w, table) for w in words_of(m.words))
    ]
    others = [(c, p) for c, p in ranked if c not in ("sum", "count")][:3]
    if not measures and _row_noun_before(text, by.start, table):
        return [("count", 1.0), *others]  # 'orders by city': the rows counted per group
    pair = frame.expression
    if pair is not None and {id(m) for m in measures} == {id(pair[0]), id(pair[2])}:
        return [("sum", 1.0), *others]  # 'hours times rate per consultant'
    if len(measures) != 1 or measures[0].column.kind is not ColumnKind.NUMBER:
        return None
    if measures[0].column.is_id:
        return None
    # A plain grammar reading: the classifier's other readings stay as alternatives.
    return [("sum", 1.0), *others]


# Words that name an aggregate outright, whatever else the command says.
_WHEN = re.compile(r"^\s*when\b", re.I)


def when_extreme(text: str, frame: Frame, table: Table) -> str | None:
    """'min' or 'max' for a 'when' question with a word of first or last, on a table with a
    date column and no number column named (the date is what is asked for)."""
    if not _WHEN.match(text) or not any(c.kind is ColumnKind.DATE for c in table.columns):
        return None
    if any(m.column.kind is ColumnKind.NUMBER for m in frame.free):
        return None
    first, last = bool(EARLY.search(text)), bool(LATE.search(text))
    if first == last:
        return None
    return "min" if first else "max"


_SUMMED = frozenset({"sum", "average", "stdev", "variance"})
_NUMERIC_ONLY = frozenset(
    {"sum", "average", "median", "stdev", "variance", "percentile", "trend", "correlation"}
    | {"growth", "ratio", "color_scale", "data_bars", "number_format"}
)


_OVER_NUMBER = re.compile(r"\bover\s+[£$€]?\d", re.I)
_TREND_CUE = re.compile(
    r"\b(?:trends?|trending|over\s+(?:time|the\s+(?:years?|months?|weeks?|period))|monthly|"
    r"weekly|yearly|evolv\w*|chang\w*|grow\w*|progress\w*)\b",
    re.I,
)


def fits_types(intent: str, text: str, columns: Sequence[ColumnMatch]) -> bool:
    """Whether an intent fits the words and the type of the first column named (see
    :func:`nlsheet.nlu.interpret.intent_fits_types`)."""
    if intent in CHANGES and not CHANGE_CUE.search(text):
        return False
    if intent == "trend" and _OVER_NUMBER.search(text) and not _TREND_CUE.search(text):
        return False  # 'trips over 250 km' compares; it follows nothing over time
    if not columns:
        return True
    kind = columns[0].column.kind
    if intent in ("min", "max"):
        return kind in (ColumnKind.NUMBER, ColumnKind.DATE)
    if intent in _SUMMED:
        return kind is ColumnKind.NUMBER  # no total or average of dates
    return intent not in _NUMERIC_ONLY or kind in (ColumnKind.NUMBER, ColumnKind.DATE)
