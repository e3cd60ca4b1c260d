"""Plans that would answer without meaning: checked before anything is computed.

- A number said to be equal to something no row holds ('teams with a score of 412' where no
  row has 412) means the number was tied to the wrong column, or the rows do not exist; either
  way an answer over no rows would look like a result. Text values are only linked when a cell
  holds them; numbers get the same test.
- An aggregate of a column over the rows where that column equals a number ('total goals of
  the player with shirt 9' read as Goals = 9) gives the number back: the number belongs to
  another column.
- A lookup of a column over the rows where that same column equals a value ('which Visitor
  played Game no 3' with 'Visitor' not read as Visitor side) gives the value back: the column
  asked for was not found.
- Numbers in different units or currencies added up or compared ('the average result' over
  mg/L, NTU and pH readings; 'the total invoiced' over USD, GBP and EUR): asked back, one
  option per unit (see :func:`mixed_units`).
- Two tests on one column that no value could pass together ('in March 2020 and in June
  2021' as two months), or that no row passes together ('the bout at Arena 12' read as Event
  containing 'bout' and Event = 'Arena 12'): one of the words was tied to the wrong column.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from nlsheet.backends.masks import row_mask
from nlsheet.nlu.flags import is_flag_column
from nlsheet.plan import (
    AggFunc,
    Aggregate,
    Cmp,
    Condition,
    Lookup,
    Measure,
    Op,
    Where,
    condition_words,
    shown_value,
)
from nlsheet.planner.context import Context
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import ColumnKind

__all__ = ["check_sense", "mixed_units"]

_OF_ITSELF = (AggFunc.SUM, AggFunc.AVERAGE, AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN)


_HEADER_UNIT = re.compile(r"\(([^\d()]{1,8})\)\s*$|([$€£¥%])")
_SAME_UNIT = {"usd": "$", "us$": "$", "eur": "€", "euro": "€", "euros": "€", "gbp": "£"}


def _header_unit(name: str) -> str | None:
    """The unit a header states in brackets or as a symbol ('Fuel (L)', 'Tolls (€)', 'Cost
    (USD)' as '$'); brackets with digits are no unit ('Sales (2023)')."""
    found = _HEADER_UNIT.search(name)
    if found is None:
        return None
    unit = (found.group(1) or found.group(2)).strip().casefold()
    return _SAME_UNIT.get(unit, unit)


def _check_sum_units(ctx: Context, op: Op) -> None:
    """Refuse adding or subtracting columns whose headers state different units ('fuel plus
    tolls' over Fuel (L) and Tolls (€)).

    Raises:
        NotUnderstoodError: Naming both columns and their units.
    """
    # A ranking's combined measure is its 'derived' (its 'measure' is a column name).
    measure = getattr(op, "derived", None) or getattr(op, "measure", None)
    if not isinstance(measure, Measure) or measure.op not in ("+", "-") or not measure.other:
        return
    units = (_header_unit(measure.column), _header_unit(measure.other))
    if units[0] and units[1] and units[0] != units[1]:
        raise ctx.refuse(
            f"{measure.column} and {measure.other} are in different units ({units[0]} and "
            f"{units[1]}); adding or subtracting them means nothing",
            "two columns in the same unit",
        )


def check_sense(ctx: Context, op: Op) -> None:
    """Refuse a plan whose conditions or measure make the answer meaningless.

    Raises:
        NotUnderstoodError: Naming the condition and what was found instead.
    """
    _check_sum_units(ctx, op)
    _check_flag_lookup(ctx, op)
    _check_keys_group(ctx, op)
    where = getattr(op, "where", None)
    if not isinstance(where, Where):
        return
    table = ctx.table
    _check_together(ctx, where)
    for c in where.conditions:
        searched = c.cmp is Cmp.CONTAINS and isinstance(c.value, str) and not where.any
        if searched and not bool(row_mask(Where((c,)), table).any()):
            # 'notes that say a police report was attached': words no cell holds together are
            # no search that found nothing; say so rather than answer 0 or an empty list.
            raise ctx.refuse(
                f"no cell of {c.column} contains {c.value!r}",
                f"words that stand in {c.column}",
            )
        if isinstance(op, Lookup) and c.column == op.target and c.cmp is Cmp.EQ and c.other is None:
            raise ctx.refuse(
                f"the {op.target} of the rows where {op.target} is {shown_value(c.value)} is that "
                "value again; the column asked for was not found",
                "the column whose value you want",
            )
        if c.cmp is not Cmp.EQ or not isinstance(c.value, float) or c.other is not None:
            continue
        column = table.column(c.column)
        if column.kind is not ColumnKind.NUMBER:
            continue
        series = table.values(c.column).series
        if not bool((series == c.value).any()) and not where.any:
            raise ctx.refuse(
                f"no row has {c.column} equal to {shown_value(c.value)}, so the number may belong "
                "to another column",
                f"a value of {c.column} that occurs, or the column the number belongs to",
            )
        if (
            isinstance(op, Aggregate)
            and op.func in _OF_ITSELF
            and op.measure is not None
            and op.measure.column == c.column
            and op.measure.other is None
        ):
            raise ctx.refuse(
                f"the {op.func.value} of {c.column} over the rows where {c.column} is "
                f"{shown_value(c.value)} is that number again; the number belongs to another "
                "column",
                "the column each number belongs to",
            )


# A number column with more different values than this, and than half its filled cells, is a
# measure or an identifier: grouping by it gives a group per row.
_MOST_GROUPS = 20


def _check_keys_group(ctx: Context, op: Op) -> None:
    """Refuse 'share of takings by card' read as a group per value of Card Takings: a key of
    amounts, each on one row, groups nothing."""
    if not isinstance(op, Aggregate):
        return
    for name, period in op.keys:
        column = ctx.table.column(name)
        if period is not None or column.kind is not ColumnKind.NUMBER:
            continue
        series = ctx.table.values(name).series
        distinct = int(series.nunique())
        if distinct > _MOST_GROUPS and 2 * distinct > int(series.count()):
            raise ctx.refuse(
                f"grouping by {name} would make a group of almost every row ({distinct} "
                f"different numbers): {name} is an amount, not a category",
                "a column of categories to group by (region, type, month ...)",
            )


_YES_NO_ASKED = re.compile(
    r"^\s*(?:is|was|were|are|did|does|do|has|have|had)\b|\b(?:whether|if)\b", re.I
)


def _check_flag_lookup(ctx: Context, op: Op) -> None:
    """'pledges received on 4 Jan' read as the Pledge Matched cell of that day: a yes/no cell
    answers a yes/no question, or a header said in full, not a word it shares with one."""
    if not isinstance(op, Lookup) or not is_flag_column(ctx.table, ctx.table.column(op.target)):
        return
    said = [m for m in ctx.interp.columns if m.column.name == op.target]
    if not said or any(m.how in ("exact", "synonym") for m in said):
        return
    if _YES_NO_ASKED.search(ctx.interp.text) is None:
        raise ctx.refuse(
            f"{said[0].words!r} shares a word with {op.target}, a column of yes/no answers, "
            "but nothing asks a yes/no question",
            f"the header in full ('{op.target}') or a question such as 'was it {op.target}?'",
        )


def _check_together(ctx: Context, where: Where) -> None:
    """Refuse an equality and another test on the same column that no row passes together."""
    if where.any:
        return
    by_column: dict[str, list[Condition]] = {}
    for c in where.conditions:
        if c.other is None:
            by_column.setdefault(c.column, []).append(c)
    for name, tests in by_column.items():
        if len(tests) < 2:
            continue
        empty = _no_interval(tests) or (
            any(c.cmp is Cmp.EQ for c in tests)
            and not bool(row_mask(Where(tuple(tests)), ctx.table).any())
        )
        if empty:
            raise ctx.refuse(
                f"no row's {name} passes {len(tests)} tests at once "
                f"({'; '.join(condition_words(c) for c in tests)}): a word may belong to "
                "another column, or 'or' was meant",
                f"one test of {name}, or the column each word belongs to",
            )


_BOUNDS = {Cmp.GE: (True, False), Cmp.GT: (True, False), Cmp.LE: (False, True)}
_BOUNDS |= {Cmp.LT: (False, True), Cmp.EQ: (True, True), Cmp.BETWEEN: (True, True)}


def _no_interval(tests: list[Condition]) -> bool:
    """Whether range tests of one column leave no value between them ('after May and before
    March', two different months)."""
    numbers: tuple[list[float], list[float]] = ([], [])
    days: tuple[list[dt.date], list[dt.date]] = ([], [])
    for c in tests:
        if c.cmp not in _BOUNDS:
            continue
        ends = (c.value, c.value2 if c.cmp is Cmp.BETWEEN else c.value)
        for side, (bound, value) in enumerate(zip(_BOUNDS[c.cmp], ends, strict=True)):
            if bound and isinstance(value, float):
                numbers[side].append(value)
            elif bound and isinstance(value, dt.date):
                days[side].append(value)
    return (bool(all(numbers)) and max(numbers[0]) > min(numbers[1])) or (
        bool(all(days)) and max(days[0]) > min(days[1])
    )


# A column saying what unit or currency each row's numbers are in.
_UNIT_HEADER = re.compile(r"^\s*(?:units?|uom|unit of measure|currency|ccy|curr\.?)\s*$", re.I)
_UNIT_BLIND = (AggFunc.COUNT, AggFunc.COUNT_DISTINCT)
_MOST_UNITS = 12


def _few_values(series: pd.Series) -> bool:
    """A handful of values, each on several rows: units or currencies (kg, L; EUR, USD)."""
    distinct, filled = series.nunique(), series.count()
    return distinct <= _MOST_UNITS and 2 * distinct <= filled


def mixed_units(ctx: Context, op: Op) -> Clarification | None:
    """The question to ask when an aggregate would mix units: a Unit or Currency column holds
    more than one value among the rows each answer reads."""
    if not isinstance(op, Aggregate) or op.func in _UNIT_BLIND or op.measure is None:
        return None
    table = ctx.table
    units = [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT
        and _UNIT_HEADER.match(c.name)
        and not c.is_id
        # A few units or currencies, not a name per row ('Unit' U101, U102 ... of a building).
        and _few_values(table.values(c.name).series)
    ]
    tested = {c.column for c in op.where.conditions}
    keys = [k for k, period in op.keys if period is None]
    for unit in units:
        if unit.name in tested or unit.name in keys:
            continue
        frame = pd.DataFrame({"unit": table.values(unit.name).series.astype("string")})
        for i, key in enumerate(keys):
            frame[f"k{i}"] = table.values(key).series.astype("string")
        frame = frame[row_mask(op.where, table).to_numpy()].dropna(subset=["unit"])
        groups = frame.groupby([f"k{i}" for i in range(len(keys))]) if keys else [(None, frame)]
        if all(g["unit"].nunique() <= 1 for _, g in groups):
            continue
        seen = sorted(str(u) for u in frame["unit"].unique())
        text = ctx.interp.text.rstrip(" ?.!")
        joiner = " and" if op.where.conditions else " where"
        options = tuple(
            Option(f"only {unit.name} {u}", f"{text}{joiner} {unit.name} is {u}") for u in seen[:6]
        )
        return Clarification(
            f"The numbers of {op.measure.column} are in different {unit.name.lower()} values "
            f"({', '.join(seen[:6])}{' ...' if len(seen) > 6 else ''}); adding or comparing "
            "them mixes units. Which do you want?",
            options,
        )
    return None
