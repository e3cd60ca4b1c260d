"""Which rows an average is over, when the table allows two answers and the words do not say.

- **Side-by-side columns** (a wide table's Jan ... Dec): 'average admissions per ward' over
  several rows is the average of every cell (a ward's month) or of each row's total over the
  span (a ward's year). Words for the columns' own period ('monthly', 'per month' over Jan ...
  Dec; 'per year' over 2019 ... 2024) or 'every cell' mean the cells; 'total' ('average total
  sales per store'), 'row totals', or a word for a whole year of month columns ('yearly') mean
  the rows' totals. Otherwise nlsheet asks, showing both values. Over one row the cells are
  meant ('average usage for Central': its average month).
- **A figure each row only repeats** (a property's asking rent, on every viewing of it): the
  average over the rows counts a property once per viewing, the average over the properties
  counts each once. nlsheet asks, showing both values, when they differ. The key's noun or
  'once per property' ('average rent of the properties') picks the second; a noun for the
  rows ('median price of a sale') or a stated intent ('average: rent') the first.

Example:
    >>> average_over(ctx, AggFunc.AVERAGE, Measure("Asking Rent"), None).options[1].label
    'over the 29 Property values, each once (1,419.83)'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from nlsheet.backends import pandas_exec
from nlsheet.errors import NlsheetError
from nlsheet.nlu.coverage import row_nouns
from nlsheet.nlu.text import header_words, normalize_word
from nlsheet.nlu.wide import EVERY_CELL, ONCE_PER, run_unit
from nlsheet.plan import AggFunc, Aggregate, Measure, Plan
from nlsheet.planner.context import Context
from nlsheet.planner.repeated import repeats_per
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["average_over", "each_reading"]

_AVERAGES = (AggFunc.AVERAGE, AggFunc.MEDIAN)
_TOTALS = re.compile(r"\btotals?\b", re.I)
_OWN_PERIOD = {
    "month": re.compile(r"\b(?:monthly|(?:per|a|each|every)\s+month)\b", re.I),
    "year": re.compile(
        r"\b(?:yearly|annual(?:ly)?|per\s+annum|(?:per|a|each|every)\s+year)\b", re.I
    ),
}

Over = tuple[Measure | None, Column | None, str | None]


def average_over(
    ctx: Context, func: AggFunc, measure: Measure | None, group: Column | None
) -> Over | Clarification:
    """The measure, group and ``once_per`` key an average reads, or the question to ask.

    Args:
        func: The aggregate; anything but an average or median passes unchanged.
        measure: What it reads.
        group: The column it is grouped by, if any (one key only).
    """
    if func not in _AVERAGES or measure is None or measure.other is not None:
        return measure, group, None
    if measure.span:
        read = _span(ctx, func, measure) if group is None else measure
        return read if isinstance(read, Clarification) else (read, group, None)
    if ctx.table.column(measure.column).kind is not ColumnKind.NUMBER:
        return measure, group, None
    if group is not None:
        once = ONCE_PER.search(ctx.interp.text) and repeats_per(
            ctx.table, measure.column, group.name
        )
        return (measure, None, group.name) if once else (measure, group, None)
    key = None if ctx.interp.stated else _repeating_key(ctx.table, measure.column)
    if key is None:
        return measure, None, None
    said = {normalize_word(t.norm) for t in ctx.interp.tokens}
    named = [m for m in ctx.frame.free if m.column is key]
    if named or said & {normalize_word(w) for w in header_words(key.name)}:
        # 'average rent of the properties': each property once.
        ctx.use(named[0] if named else None)
        ctx.notes.append(f"each {key.name} once, with the {measure.column} its rows repeat")
        return measure, None, key.name
    if said & row_nouns(ctx.table):
        return measure, None, None  # 'median price of a sale': over the rows
    asked = _repeated(ctx, func, measure, key)
    return asked if asked is not None else (measure, None, None)


def _span(ctx: Context, func: AggFunc, measure: Measure) -> Measure | Clarification:
    text, span = ctx.interp.text, measure.span
    unit = run_unit([ctx.table.column(c) for c in span])
    own = _OWN_PERIOD.get(unit or "")
    if EVERY_CELL.search(text) or (own is not None and own.search(text)) or len(span) < 2:
        return measure
    whole_year = unit == "month" and len(span) == 12 and _OWN_PERIOD["year"].search(text)
    totals = replace(measure, op="+")
    if _TOTALS.search(text) or whole_year:
        ctx.notes.append(f"the {func.value} of each row's total over {span[0]} to {span[-1]}")
        return totals
    figures = _value(ctx, func, totals)
    if figures is None or figures[1] < 2:
        return measure
    cells = _value(ctx, func, measure)
    return Clarification(
        f"{func.value.capitalize()} of every cell of {span[0]} to {span[-1]} over "
        f"{figures[1]} rows, or of each row's total over {span[0]} to {span[-1]}?",
        (
            Option(f"of every cell ({_shown(cells)})", f"{func.value}: {text}, every cell"),
            Option(f"of each row's total ({_shown(figures)})", f"{func.value}: {text}, row totals"),
        ),
    )


def each_reading(
    func: AggFunc, table: Table, asked: Clarification, columns: Sequence[Column]
) -> Clarification:
    """A question which column to average, each option a command that answers: a column
    whose figure the rows repeat ('average of Price', each product's price on its sales)
    becomes two options, over the rows and over each product once."""
    if func not in _AVERAGES:
        return asked
    options: list[Option] = []
    for option, column in zip(asked.options, columns, strict=True):
        key = _repeating_key(table, column.name) if column.kind is ColumnKind.NUMBER else None
        if key is None:
            options.append(option)
            continue
        options.append(Option(f"{option.label} over the rows", f"{func.value}: {option.command}"))
        options.append(
            Option(
                f"{option.label}, each {key.name} once",
                f"{func.value}: {option.command}, once per {key.name}",
            )
        )
    return replace(asked, options=tuple(options))


def _repeating_key(table: Table, name: str) -> Column | None:
    """The column whose values the figure belongs to, when the rows repeat it (the finest
    such column: Property rather than Area when rent is the same on each of both)."""
    keys = [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT
        and not c.is_id
        and c.name != name
        and repeats_per(table, name, c.name)
    ]
    return max(keys, key=lambda c: table.values(c.name).series.nunique()) if keys else None


def _repeated(ctx: Context, func: AggFunc, measure: Measure, key: Column) -> Clarification | None:
    """Ask when the average over the rows differs from the average over the key's values."""
    name = measure.column
    rows = _value(ctx, func, measure)
    once = _value(ctx, func, measure, key.name)
    if rows is None or once is None or abs(rows[0] - once[0]) <= 1e-9 * max(1.0, abs(rows[0])):
        return None
    text = ctx.interp.text
    return Clarification(
        f"Each {key.name} repeats its {name} on every one of its rows, so the {func.value} "
        f"over the rows counts a {key.name} once per row. Which {func.value}?",
        (
            Option(f"over the {rows[1]} rows ({_shown(rows)})", f"{func.value}: {text}"),
            Option(
                f"over the {once[1]} {key.name} values, each once ({_shown(once)})",
                f"{func.value}: {text}, once per {key.name}",
            ),
        ),
    )


def _value(
    ctx: Context, func: AggFunc, measure: Measure, once_per: str | None = None
) -> tuple[float, int] | None:
    """The aggregate over the rows picked, and how many rows (or key values) it read."""
    op = Aggregate(func, measure, ctx.frame.where, once_per=once_per)
    try:
        value = pandas_exec.execute(Plan(ctx.table.sheet, op), ctx.table).value
        rows = pandas_exec.execute(
            Plan(ctx.table.sheet, replace(op, func=AggFunc.COUNT)), ctx.table
        )
    except NlsheetError:
        return None
    if not isinstance(value, (int, float)) or not isinstance(rows.value, int):
        return None
    return float(value), rows.value


def _shown(figure: tuple[float, int] | None) -> str:
    return "?" if figure is None else f"{figure[0]:,.2f}"
