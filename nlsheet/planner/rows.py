"""Plans that answer with rows or cells: lookups, top and bottom N, which row has the most,
and text answers (distinct values, the longest)."""

from __future__ import annotations

import re
from collections.abc import Callable

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.text import header_words
from nlsheet.plan import ArgExtreme, Cmp, Longest, Lookup, Op, TopN, UniqueValues
from nlsheet.planner.context import Context, where_note
from nlsheet.workbook.table import Column, ColumnKind

__all__ = ["plan_longest", "plan_lookup", "plan_top", "plan_unique", "rank_rows", "single_column"]

_QUESTION_TARGETS = (
    (
        re.compile(r"^\s*(when|what\s+(date|day|year|time)|which\s+(date|day|year))\b", re.I),
        frozenset({"date", "day", "year", "time", "when", "season", "dated"}),
        True,
    ),
    (
        re.compile(r"^\s*(where|in\s+which\s+(city|place|country))\b", re.I),
        frozenset({"location", "venue", "city", "place", "country", "site", "stadium", "arena"})
        | frozenset({"ground", "town", "state", "where", "address", "region"}),
        False,
    ),
    (
        re.compile(r"^\s*(who|whom|whose)\b", re.I),
        frozenset({"name", "player", "winner", "driver", "artist", "person", "candidate"})
        | frozenset({"incumbent", "director", "coach", "champion", "rider", "author"})
        | frozenset({"manager", "owner", "rep", "team", "opponent", "athlete", "employee"}),
        False,
    ),
)


def _question_target(ctx: Context) -> ColumnMatch | None:
    """The column a 'when' / 'where' / 'who' question asks for when it names none."""
    used = set(ctx.frame.where.columns)
    for pattern, words, dates in _QUESTION_TARGETS:
        if not pattern.search(ctx.interp.text):
            continue
        fits = [
            c for c in ctx.table.columns if c.name not in used and words & set(header_words(c.name))
        ]
        if dates:
            fits += [c for c in ctx.table.columns if c.kind is ColumnKind.DATE and c not in fits]
        if fits:
            ctx.notes.append(f"the question word asks for {fits[0].name}")
            return ColumnMatch(fits[0], "", 0, 0, 0.8, "implied")
    return None


def plan_lookup(ctx: Context) -> Op:
    free = ctx.free()
    if not ctx.frame.where:
        raise ctx.refuse("could not tell which row to look in", "a value that picks the row")
    # The column a condition fixes to one value is no answer ('the name of the jockey for
    # Pink Gin' asks for the jockey, not the name 'Pink Gin').
    fixed = {c.column for c in ctx.frame.where.conditions if c.cmp in (Cmp.EQ, Cmp.IN)}
    free = [m for m in free if m.column.name not in fixed] or free
    if not free or free[0].column.name in fixed:
        implied = _question_target(ctx)
        if implied is not None:
            free = [implied]
        elif not free:
            raise ctx.refuse(
                "could not tell which column to return", "the column whose value to show"
            )
    target = ctx.use(free[0])
    assert target is not None
    where_note(ctx)
    return Lookup(target.name, ctx.frame.where)


def _measure_and_target(ctx: Context, need_target: bool) -> tuple[Column, Column | None]:
    free = list(ctx.frame.free)
    by = ctx.frame.by
    numeric = [m for m in free if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    if by is not None and by.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE):
        measure_match: ColumnMatch | None = by
    elif not numeric:
        measure_match = None
    else:
        measure_match = numeric[-1] if need_target and len(numeric) > 1 else numeric[0]
    if measure_match is None:
        dates = [m for m in free if m.column.kind is ColumnKind.DATE]
        measure_match = dates[0] if dates else None
    if measure_match is None:
        raise ctx.refuse("could not tell which numbers to rank by", "a numeric column")
    measure = ctx.use(measure_match)
    assert measure is not None
    target = None
    if need_target:
        others = [m for m in free if m is not measure_match]
        if by is not None and by is not measure_match:
            others.insert(0, by)
        target_match = next((m for m in others if m.column.kind is not ColumnKind.NUMBER), None)
        target_match = target_match or (others[0] if others else None)
        target = ctx.use(target_match)
    return measure, target


def plan_top(ctx: Context) -> Op:
    measure, _ = _measure_and_target(ctx, need_target=False)
    n = ctx.frame.n
    if n is None:
        n = 5
        ctx.notes.append("no number given: showing 5 rows")
    return TopN(measure.name, n, ctx.interp.intent == "top_n", ctx.frame.where)


def rank_rows(ctx: Context) -> Op:
    measure, target = _measure_and_target(ctx, need_target=True)
    if target is None:
        raise ctx.refuse("could not tell what to name (which product, which rep ...)", "a column")
    values = ctx.table.values(target.name).series.dropna()
    grouped = bool(values.duplicated().any())
    if grouped:
        ctx.notes.append(
            f"{target.name} repeats across rows: compared the total {measure.name} of each"
        )
    return ArgExtreme(target.name, measure.name, ctx.intent == "arg_max", grouped, ctx.frame.where)


def single_column(ctx: Context, make: Callable[[str], Op]) -> Op:
    free = ctx.free() or ([ctx.frame.by] if ctx.frame.by else [])
    if not free:
        raise ctx.refuse("could not tell which column", "a column name")
    column = ctx.use(free[0])
    assert column is not None
    return make(column.name)


def plan_unique(ctx: Context) -> Op:
    return single_column(ctx, lambda c: UniqueValues(c, ctx.frame.where))


def plan_longest(ctx: Context) -> Op:
    numeric = ctx.free(ColumnKind.NUMBER)
    if numeric and len(ctx.free()) > 1:
        ctx.intent = "arg_max"  # 'the supplier with the longest lead time' ranks by a number
        return rank_rows(ctx)
    return single_column(ctx, lambda c: Longest(c, ctx.frame.where))
