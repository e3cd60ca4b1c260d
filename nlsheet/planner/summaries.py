"""Interpretation -> Change for the changes that summarise: charts, pivots, dashboards.

Example:
    >>> plan_chart(interpret("pie chart of sales by region", table, ...), table)
    Chart(chart='pie', y=('Sales',), x='Region', ...)
"""

from __future__ import annotations

import re

from rapidfuzz import process

from nlsheet.changes import Change, Chart, Dashboard, Pivot
from nlsheet.errors import UnknownColumnError
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.slots import find_numbers
from nlsheet.nlu.text import STOPWORDS
from nlsheet.plan import AggFunc
from nlsheet.planner.change_words import NAMED, NEW_SHEET, column_mentions, refuse
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["plan_chart", "plan_dashboard", "plan_pivot"]

_BY_WORD = re.compile(
    r"\b(?:by|per|for each|for every|across|against|vs\.?|versus)\s+(?:the\s+|each\s+)?([^\s,;]+)",
    re.I,
)
_TIME_WORDS = frozenset(
    {"month", "months", "date", "day", "days", "week", "year", "quarter", "time"}
)


def _check_by_words(interp: Interpretation, table: Table, what: str) -> None:
    """Refuse 'chart amount by customer' when 'customer' names no column, rather than chart by
    another column silently.

    Raises:
        UnknownColumnError: With the closest headers as candidates.
    """
    spans = [(m.start, m.end) for m in interp.columns] + [(v.start, v.end) for v in interp.values]
    for found in _BY_WORD.finditer(interp.text):
        word = found.group(1).strip(".!?")
        start = found.start(1)
        if word.lower() in _TIME_WORDS or any(s <= start < e for s, e in spans):
            continue
        if find_numbers(word) or word.lower() in STOPWORDS:
            continue
        names = [c.name for c in table.columns]
        close = [m[0] for m in process.extract(word, names, limit=3, score_cutoff=50)]
        raise UnknownColumnError(
            f"no column {word!r} to {what} by in {table.header_ref}"
            + (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; its headers are {', '.join(names)}"
            ),
            expected="a header of " + table.header_ref,
            found=word,
            where=f"the word {word!r} in the command",
            candidates=close or names,
        )


def _agg_word(text: str) -> AggFunc:
    if re.search(r"\b(average|avg|mean)\b", text, re.I):
        return AggFunc.AVERAGE
    if re.search(r"\b(count|how many|number of)\b", text, re.I):
        return AggFunc.COUNT
    if re.search(r"\b(max|maximum|highest)\b", text, re.I):
        return AggFunc.MAX
    if re.search(r"\b(min|minimum|lowest)\b", text, re.I):
        return AggFunc.MIN
    return AggFunc.SUM


def plan_chart(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    _check_by_words(interp, table, "chart")
    mentions = column_mentions(interp)
    numeric = [
        m.column for m in mentions if m.column.kind is ColumnKind.NUMBER and not m.column.is_id
    ]
    others = [m.column for m in mentions if m.column not in numeric]
    by = interp.frame.by.column if interp.frame.by is not None else None
    kind = next(
        (
            k
            for k in ("pie", "scatter", "line", "bar", "column")
            if re.search(rf"\b{k}\b", text, re.I)
        ),
        None,
    )
    if kind is None and re.search(r"\b(against|vs\.?|versus)\b", text, re.I) and len(numeric) >= 2:
        kind = "scatter"
    if kind == "scatter":
        if len(numeric) < 2:
            raise refuse(interp, table, "a scatter chart needs two numeric columns", "y against x")
        return Chart(
            "scatter",
            (numeric[0].name,),
            numeric[1].name,
            AggFunc.SUM,
            bool(NEW_SHEET.search(text)),
        )
    if by is not None and by in numeric and len(numeric) > 1:
        numeric.remove(by)
    x = by if by is not None and by not in numeric else (others[0] if others else None)
    if x is None and re.search(r"\b(over time|by (month|date|day)|monthly|trend)\b", text, re.I):
        x = next((c for c in table.columns if c.kind is ColumnKind.DATE), None)
    if not numeric and x is None:
        # 'make a chart': the first measure by the first date or category, as Excel's
        # recommended chart would
        numeric = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id][:1]
        x = next(
            (c for c in table.columns if c.kind is ColumnKind.DATE),
            next((c for c in table.columns if c.kind is ColumnKind.TEXT and not c.is_id), None),
        )
        if not numeric or x is None:
            raise refuse(interp, table, "no column to chart", "chart <numbers> by <category>")
    if not numeric:
        assert x is not None
        return Chart(
            kind or "column",  # type: ignore[arg-type]
            ("",),
            x.name,
            AggFunc.COUNT,
            bool(NEW_SHEET.search(text)),
        )
    if x is None:
        x = next((c for c in table.columns if c.kind is ColumnKind.TEXT and not c.is_id), None)
    if kind is None:
        kind = "line" if x is not None and x.kind is ColumnKind.DATE else "column"
    title = f"{' and '.join(c.name for c in numeric)}" + (f" by {x.name}" if x else "")
    return Chart(
        kind,  # type: ignore[arg-type]
        tuple(c.name for c in numeric),
        x.name if x is not None else None,
        _agg_word(text),
        bool(NEW_SHEET.search(text)),
        title,
    )


def plan_pivot(interp: Interpretation, table: Table) -> Change:
    _check_by_words(interp, table, "summarise")
    mentions = column_mentions(interp)
    numeric = [
        m.column for m in mentions if m.column.kind is ColumnKind.NUMBER and not m.column.is_id
    ]
    dims = [m.column for m in mentions if m.column not in numeric]
    by = interp.frame.by.column if interp.frame.by is not None else None
    if by is not None and by not in dims:
        dims.insert(0, by)
        if by in numeric:
            numeric.remove(by)
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    if (
        dates
        and dates[0] not in dims
        and re.search(
            r"\b(by|per|and|across)\s+(the\s+)?(month|months|monthly|date|time)\b",
            interp.text,
            re.I,
        )
    ):
        dims.append(dates[0])  # 'by month': the date column, summarised month by month
    if not dims:
        raise refuse(interp, table, "no column to summarise by", "summarise <measure> by <column>")
    func = _agg_word(interp.text) if numeric else AggFunc.COUNT
    measure = numeric[0].name if numeric else None
    named = NAMED.search(interp.text)
    return Pivot(
        dims[0].name,
        measure,
        dims[1].name if len(dims) > 1 else None,
        func,
        named.group(1).strip()[:31] if named else "Summary",
    )


def plan_dashboard(interp: Interpretation, table: Table) -> Change:
    numeric = [m.column for m in column_mentions(interp) if m.column.kind is ColumnKind.NUMBER]
    if not numeric:
        numeric = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]
    if not numeric:
        raise refuse(interp, table, "no numeric column for the key figures", "a column of numbers")
    return Dashboard(numeric[0].name)
