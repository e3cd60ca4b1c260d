"""Plans for aggregates: sums, averages, counts, extremes and statistics of one measure,
with conditions and grouping."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from nlsheet.errors import ColumnTypeError
from nlsheet.nlu.binding import is_money
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import person_column, row_nouns, verb_of_rows
from nlsheet.nlu.flags import is_flag_column
from nlsheet.nlu.lexicon import PERSON_NOUN
from nlsheet.nlu.text import tokenize
from nlsheet.nlu.wide import counts_cells
from nlsheet.plan import AggFunc, Aggregate, Measure, MostFrequent, Op
from nlsheet.planner.context import (
    AGG_PHRASES,
    Context,
    ask_which_column,
    check_kind,
    numeric_columns,
    where_note,
)
from nlsheet.planner.figures import rate_question
from nlsheet.planner.granularity import average_over, each_reading
from nlsheet.planner.implied import row_size
from nlsheet.planner.quantities import (
    counted_units,
    how_many_of_money,
    total_of_unnamed,
    units_of_a_thing,
)
from nlsheet.planner.repeated import one_row_each, refuse_counting_single_rows
from nlsheet.planner.rows import rank_rows, single_column
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["plan_aggregate", "plan_group_share", "plan_most_frequent"]

_QUANTITY_QUESTION = re.compile(r"\b(how\s+many|how\s+much|number\s+of|amount\s+of)\s*$", re.I)
# 'how many units did we sell', 'how many goals for Rovers': a quantity to add up;
# 'how many players have a score of 88.5' counts the rows that have it instead.
_COUNTED_AFTER = re.compile(
    r"^\s*(?:have|has|had|with|that|which|whose|where|when|are\s+there|is\s+there|"
    r"were\s+there)\b",
    re.I,
)
# 'how many score values are recorded': the entries of the column are counted, not added up.
_ENTRIES = re.compile(r"\b(?:values|entries|figures)$", re.I)
_MONEY_TALK = re.compile(
    r"\b(expenses?|spend\w*|spent|costs?|revenue|sales|takings|turnover|income|paid|payments?|"
    r"billed|invoiced|earn\w*|money|cash|euros?|dollars?|pounds?)\b|[$€£]",
    re.I,
)
_PLURAL_COUNT = re.compile(
    r"\b(?:how\s+many|number\s+of)\s+(?:of\s+(?:our|my|your|their|the|these|those|all(?:\s+the)?)\s+)?"
    r"(?:the\s+|different\s+)?$",
    re.I,
)
_COUNT_WORDS = re.compile(r"\bnumber\s+of\b|\bhow\s+many\b|\bcount\b", re.I)
# A number that says where a row stands (Rank 3, Round 2, Game 41), not how much of something:
# 'how many heats had lane 4' counts rows.
_POSITION = re.compile(
    r"^\s*(?:overall\s+)?(?:rank|ranking|round|rnd|pick|game|week|lane|heat|position|pos|place|"
    r"seed|episode|season|stage|leg|match|race|no|#)\.?\s*(?:#|no\.?)?\s*$",
    re.I,
)
_SUPERLATIVE = re.compile(
    r"\b(lowest|highest|least|most|smallest|largest|biggest|greatest|fewest|cheapest|"
    r"minimum|maximum|min|max|top|bottom|best|worst)\b",
    re.I,
)


def plan_aggregate(ctx: Context) -> Op | Clarification:
    frame = ctx.frame
    func = AggFunc(ctx.intent)
    texts = [m for m in frame.free if m.column.kind is ColumnKind.TEXT]
    ids = [m for m in frame.free if m.column.is_id]
    if func in (AggFunc.MIN, AggFunc.MAX) and (
        _names_a_row(ctx)
        or (texts and len(texts) == len(frame.free) and frame.by is None)
        or (ids and len(ids) == len(frame.free) and frame.by is None and _ranks_other(ctx, ids))
        or (frame.by is None and _row_asked(ctx))
    ):
        # 'the priciest product' names only a text column: the row with the largest price.
        # 'name of the employee with the lowest salary': the column named before the
        # superlative is what to return, not a number to take the minimum of.
        ctx.intent = "arg_min" if func is AggFunc.MIN else "arg_max"
        return rank_rows(ctx)
    group = ctx.use(frame.by) if frame.by is not None and frame.by.how != "implied" else None
    if frame.by is not None and frame.by.how == "implied":
        group = frame.by.column
    then = frame.then_by.column if frame.then_by is not None else None
    if frame.then_by is not None and frame.then_by.how != "implied":
        ctx.use(frame.then_by)
    measure: Measure | None = None
    if frame.span:
        func, measure = _span_measure(ctx, func)
    elif frame.expression is not None:
        measure = _expression_measure(ctx)
        if func in (AggFunc.SUM, AggFunc.AVERAGE) and measure.op == "/":
            # 'total amount per unit' adds up no rates, and 'average weight per parcel' may
            # be the totals' ratio (each parcel counted once) or the rows' average rate.
            asked = rate_question(ctx, measure.column, str(measure.other))
            if asked is not None:
                return asked
    else:
        found = _named_measure(ctx, func)
        if isinstance(found, Clarification):
            return found
        func, measure = found
    added = (
        _percent_total(ctx, func, measure)
        or _count_of_flag(ctx, func, measure)
        or how_many_of_money(ctx, func, measure)
    )
    if added is not None:
        return added
    if group is not None and then is None and one_row_each(ctx, func, group):
        group = frame.by = None
    over = average_over(ctx, func, measure, group) if then is None else (measure, group, None)
    if isinstance(over, Clarification):
        return over
    measure, group, once = over
    if group is not None and frame.by_period is not None and frame.where:
        _refuse_periods_of_one_row(ctx)
    if group is not None and then is None and func is AggFunc.COUNT and measure is None:
        refuse_counting_single_rows(ctx, group)
    percentile = None
    if func is AggFunc.PERCENTILE:
        if frame.percentile is None:
            raise ctx.refuse("could not tell which percentile", "a percentile such as '90th'")
        percentile = frame.percentile
    where_note(ctx)
    return Aggregate(
        func,
        measure,
        frame.where,
        group.name if group is not None else None,
        percentile,
        frame.by_period if group is not None else None,
        then.name if then is not None else None,
        frame.then_period if then is not None else None,
        once_per=once,
    )


def plan_group_share(ctx: Context) -> Op | Clarification:
    """Each group's part of the whole, with no condition picking a part: 'percentage of
    sales by region' divides each region's total by the total of all sales, 'share of
    bookings per channel' each channel's count by the count of all bookings. The shares of
    a part ('what percent of loans are late') are :func:`~nlsheet.planner.figures.plan_share`."""
    keys = (ctx.frame.by, ctx.frame.then_by)
    numeric = [m for m in ctx.free(ColumnKind.NUMBER) if m not in keys and not m.column.is_id]
    ctx.intent = "sum" if numeric else "count"
    planned = plan_aggregate(ctx)
    if not isinstance(planned, Aggregate) or planned.func not in (AggFunc.SUM, AggFunc.COUNT):
        return planned
    if not planned.keys:
        raise ctx.refuse("could not tell what to divide into parts", "a group such as 'by region'")
    ctx.intent = "share"
    return replace(planned, share=True)


def _named_measure(ctx: Context, func: AggFunc) -> tuple[AggFunc, Measure | None] | Clarification:
    """The column the aggregate reads (and the function, a count of amounts becoming their
    total), or the question to ask about it."""
    interp, frame, table = ctx.interp, ctx.frame, ctx.table
    measure: Measure | None = None
    free = [m for m in frame.free if m is not frame.by and m is not frame.then_by]
    numeric = [m for m in free if m.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)]
    pick = (numeric or free)[0] if free else None
    if func in (AggFunc.COUNT, AggFunc.COUNT_DISTINCT):
        pick = free[0] if free else None
    elif pick is not None and not numeric:
        pick = row_size(ctx, pick) or pick  # 'average deal size': the deals' amounts
    units = units_of_a_thing(ctx) if func is AggFunc.COUNT else None
    if units is not None:
        return units
    if pick is not None and pick.column.is_id and verb_of_rows(pick.words.lower(), table):
        # 'total invoiced in May': making the rows, not their numbers; the amount is asked.
        ctx.frame.explained.append((pick.start, pick.end))
        pick = None
    column = ctx.use(pick)
    sheet_rows = (
        _total_or_rows(ctx, column, pick, sheet_rows=True)
        if func is AggFunc.COUNT and column is not None and pick is not None
        else None
    )
    if sheet_rows is not None:
        return sheet_rows
    if column is not None and pick is not None:
        func = _count_or_sum(ctx, func, column, pick)
        check_kind(func, column, table)
        measure = Measure(column.name)
        question = (
            _rows_or_names(ctx, column, pick) or _total_or_rows(ctx, column, pick)
            if func is AggFunc.COUNT
            else None
        )
        if question is not None:
            return question
    elif func is AggFunc.COUNT:
        if interp.leftover:
            ctx.notes.append(
                f"counted the table's rows ({' '.join(interp.leftover)!r} names no column; "
                "name a column to count its values)"
            )
    else:
        choices = _choices(func, table)
        if re.match(r"\s*when\b", interp.text, re.I):
            # 'when was the last order': a date is asked for.
            choices = [c for c in choices if c.kind is ColumnKind.DATE] or choices
        money = [c for c in choices if is_money(c)]
        if len(choices) > 1 and len(money) == 1 and _MONEY_TALK.search(interp.text):
            choices = money  # 'total taxi expenses', 'spend by employee': the money column
        choices = counted_units(interp.text, choices)
        if len(choices) != 1:
            return _no_column(func, choices, table, interp.text)
        unnamed = total_of_unnamed(ctx, func, choices[0])
        if unnamed is not None:
            return unnamed
        ctx.use(ColumnMatch(choices[0], "", 0, 0, 1.0, "implied"))
        ctx.notes.append(f"no column named; used the only one that fits, {choices[0].name}")
        measure = Measure(choices[0].name)
    return func, measure


def _expression_measure(ctx: Context) -> Measure:
    """Two columns combined row by row ('units times price')."""
    assert ctx.frame.expression is not None
    a, op, b = ctx.frame.expression
    ctx.use(a)
    ctx.use(b)
    dated = op == "-" and a.column.kind is b.column.kind is ColumnKind.DATE
    for m in (a, b):
        if not dated:  # one date minus another is a number of days
            check_kind(AggFunc.SUM, m.column, ctx.table)
    return Measure(a.column.name, op, b.column.name)  # type: ignore[arg-type]


def _span_measure(ctx: Context, func: AggFunc) -> tuple[AggFunc, Measure]:
    """Every cell of side-by-side columns ('sales from January to March')."""
    columns = ctx.frame.span
    if func is AggFunc.COUNT:
        # 'how many units did Gaiters sell from Jan to Mar', 'budget by department': the cells
        # hold the amounts, and counting them would answer how many months have a figure.
        func = AggFunc.SUM
        ctx.intent = func.value
    if func not in (AggFunc.SUM, AggFunc.AVERAGE, AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        raise ctx.refuse(
            f"the {func.value} of the cells {columns[0].name} to {columns[-1].name} is not "
            "supported",
            "a total, average, minimum, maximum or median",
        )
    if func is AggFunc.SUM and _EACH_MONTH.search(ctx.interp.text):  # 'monthly X by site'
        raise ctx.refuse(
            f"a figure for each of {columns[0].name} to {columns[-1].name} is a table of its own",
            "the year's total ('total admissions by site')",
        )
    ctx.notes.append(f"read every cell of {columns[0].name} to {columns[-1].name}")
    return func, Measure.over([c.name for c in columns])


# 'monthly X by site', 'monthly totals', 'total per month'; not 'total monthly X' (the year's).
_EACH_MONTH = re.compile(
    r"\bmonthly\s+totals?\b|\btotals?\s+(?:per|each|every|by|a)\s+month\b|"
    r"^(?!.*\btotal).*\b(?:monthly|(?:per|each|every|by)\s+month)\b",
    re.I,
)


def _count_of_flag(ctx: Context, func: AggFunc, measure: Measure | None) -> Clarification | None:
    """'how many would relist' read as a count of a yes/no column's cells counts every answer,
    yes and no alike: ask which answer's rows to count."""
    if func is not AggFunc.COUNT or measure is None or measure.other is not None or measure.span:
        return None
    name = measure.column
    if not is_flag_column(ctx.table, ctx.table.column(name)):
        return None
    if any(name in (c.column, c.other) for c in ctx.frame.where.conditions):
        return None
    answers = sorted({str(v).strip() for v in ctx.table.values(name).series.dropna()} - {""})
    text = ctx.interp.text
    return Clarification(
        f"{name} holds yes/no answers, and counting its cells counts both. Which rows do you "
        "want to count?",
        tuple(
            Option(f"the rows where {name} is {a}", f"count: {text} where {name} is {a}")
            for a in answers
        ),
    )


def _percent_total(ctx: Context, func: AggFunc, measure: Measure | None) -> Clarification | None:
    """Adding up a column of percentages gives no meaningful total: ask whether the average
    is meant."""
    if func is not AggFunc.SUM or measure is None or measure.op is not None:
        return None
    name = measure.column
    words = set(re.findall(r"[a-z]+|%", name.casefold()))
    if not words & {"%", "percent", "percentage", "pct"}:
        return None
    text = ctx.interp.text
    return Clarification(
        f"{name} holds percentages, and adding them up gives no meaningful total. "
        f"Did you mean the average of {name}?",
        (Option(f"the average of {name}", f"average: {text}"),),
    )


def _refuse_periods_of_one_row(ctx: Context) -> None:
    """'how much does Ann pay per year' where Ann has one row: one period's group of one row
    answers nothing the words asked ('per year' is a rate there, not a grouping).

    Raises:
        NotUnderstoodError: Saying so.
    """
    from nlsheet.backends.pandas_exec import row_mask

    if int(row_mask(ctx.frame.where, ctx.table).sum()) <= 1:
        period = ctx.frame.by_period or "period"
        raise ctx.refuse(
            f"one row is picked, so a total per {period} has one part; if the words give a "
            "rate (a monthly fee by the year), name the calculation",
            "a grouping over several rows, or the calculation",
        )


def _count_or_sum(ctx: Context, func: AggFunc, column: Column, pick: ColumnMatch) -> AggFunc:
    """'how many units did we sell' totals a quantity; 'the total number of schools' counts."""
    text = ctx.interp.text
    if (
        func in (AggFunc.COUNT, AggFunc.SUM)
        and _COUNT_WORDS.search(text)
        and _no_total(ctx, column)
    ):
        # Years and positions (Round, Game) are counted, not added up: 'how many years',
        # 'the total number of games' ('the sum of Rank', asked for, is given).
        ctx.intent = "count"
        return AggFunc.COUNT
    if func is AggFunc.COUNT and not ctx.interp.stated and counts_cells(text, ctx.table, column):
        func = AggFunc.SUM
        ctx.intent = func.value
        ctx.notes.append(f"read the count of what {column.name} holds as its total")
        return func
    if (
        func is AggFunc.COUNT
        and not ctx.interp.stated
        and column.kind is ColumnKind.NUMBER
        and not column.is_id
        and _QUANTITY_QUESTION.search(text[: pick.start])
        and not _COUNTED_AFTER.match(text[pick.end :])
        and not _ENTRIES.search(pick.words)
    ):
        func = AggFunc.SUM
        ctx.intent = func.value
        ctx.notes.append(f"read '{text[: pick.end].strip()}' as the total of {column.name}")
    if (
        func is AggFunc.SUM
        and column.kind in (ColumnKind.TEXT, ColumnKind.BOOL)
        and _COUNT_WORDS.search(text)
    ):
        # 'the total number of schools': a count of text, not a sum.
        func = AggFunc.COUNT
        ctx.intent = func.value
    return func


def _rows_or_names(ctx: Context, column: Column, pick: ColumnMatch | None) -> Clarification | None:
    """'how many customers are in Lyon' over orders: the rows (orders) or the different
    customers? Asked when a plural names a column that repeats names among the rows counted
    ('count of region' counts the column's cells, as COUNTA does)."""
    table = ctx.table
    if pick is None or ctx.interp.stated or column.kind is not ColumnKind.TEXT or column.is_id:
        return None
    words = [t for t in tokenize(pick.words) if t.norm.isalpha()]
    if not words or words[-1].lower == words[-1].norm:
        return None  # not a plural
    if not _PLURAL_COUNT.search(ctx.interp.text[: pick.start]):
        return None
    # 'how many employees' beside an Employee column with a name per row is the rows
    # themselves; on a sheet named 'Volunteer Log' whose Volunteer column repeats names, the
    # rows are the log's entries, and the noun asks as any other.
    from nlsheet.backends.pandas_exec import row_mask

    names = table.values(column.name).series[row_mask(ctx.frame.where, table)].dropna()
    if not names.duplicated().any():
        return None
    rows, distinct = len(names), int(names.nunique())
    text = ctx.interp.text
    return Clarification(
        f"'{pick.words}': {rows} rows have a {column.name}, naming {distinct} different ones. "
        "Which do you want?",
        (
            Option(
                f"the number of different {column.name} ({distinct})", f"count_distinct: {text}"
            ),
            Option(f"the number of rows ({rows})", f"count: {text}"),
        ),
    )


def _total_or_rows(
    ctx: Context, column: Column, pick: ColumnMatch, sheet_rows: bool = False
) -> Clarification | None:
    """'how many goals have a win count over 3': the total of Goals in those rows, or how
    many rows there are? A plural naming a number column after 'how many', followed by 'have',
    'with' ..., reads both ways, and so does 'how many sales' in a sheet of sales with a Sales
    column (``sheet_rows``); asked unless the column holds years, positions (Rank, Round) or
    identifiers: counting those rows is meant."""
    text = ctx.interp.text
    if sheet_rows:
        words = [t.norm for t in tokenize(pick.words) if t.norm.isalpha()]
        both = bool(words) and all(w in row_nouns(ctx.table) for w in words)
    else:
        both = bool(_COUNTED_AFTER.match(text[pick.end :]))
    if (
        ctx.interp.stated
        or column.kind is not ColumnKind.NUMBER
        or column.is_id
        or _POSITION.match(column.name)
        or not _QUANTITY_QUESTION.search(text[: pick.start])
        or not both
    ):
        return None
    from nlsheet.backends.pandas_exec import row_mask

    values = ctx.table.values(column.name).series[row_mask(ctx.frame.where, ctx.table)]
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty or _years(numbers):
        return None
    total = float(numbers.sum())
    shown = f"{total:,.0f}" if total.is_integer() else f"{total:,.2f}"
    rows = len(values)
    return Clarification(
        f"'{text[pick.start : pick.end]}' reads two ways here: the total of {column.name} in "
        f"the rows picked, or how many rows there are. Which do you want?",
        (
            Option(f"the total of {column.name} ({shown})", f"sum: {text}"),
            Option(f"the number of rows ({rows})", f"count: {text}"),
        ),
    )


def _no_total(ctx: Context, column: Column) -> bool:
    """A number column of years or of positions (Rank, Round, Game), never added up."""
    if column.kind is not ColumnKind.NUMBER or ctx.interp.stated:
        return False
    if _POSITION.match(column.name):
        return True
    numbers = pd.to_numeric(ctx.table.values(column.name).series, errors="coerce").dropna()
    return not numbers.empty and _years(numbers)


def _years(numbers: pd.Series) -> bool:
    """Whole numbers between 1800 and 2100 only: a column of years."""
    return bool(((numbers % 1 == 0) & numbers.between(1800, 2100)).all())


def _row_asked(ctx: Context) -> bool:
    """'the most recently hired employee', 'highest paid person in Marketing': a noun for
    people, outside any column named, on a table of people asks for a person, not for the
    extreme value itself."""
    text = ctx.interp.text
    inside = [(m.start, m.end) for m in ctx.interp.columns]
    nouns = [
        f for f in PERSON_NOUN.finditer(text) if not any(s <= f.start() < e for s, e in inside)
    ]
    return bool(nouns) and person_column(ctx.table) is not None


def _ranks_other(ctx: Context, ids: list[ColumnMatch]) -> bool:
    """'order id of the biggest order': a superlative away from the identifier named ranks
    rows by something else ('the highest order id' is the identifier's own maximum)."""
    text = ctx.interp.text
    found = _SUPERLATIVE.search(text)
    if found is None:
        return False
    return not any(m.start >= found.end() and not text[found.end() : m.start].strip() for m in ids)


def _names_a_row(ctx: Context) -> bool:
    superlative = _SUPERLATIVE.search(ctx.interp.text)
    if superlative is None:
        return False
    before = [m for m in ctx.frame.free if m.end <= superlative.start()]
    after = [m for m in ctx.frame.free if m.start >= superlative.end()]
    numbers = [m for m in after if m.column.kind is ColumnKind.NUMBER]
    if any(m.column.kind is ColumnKind.TEXT for m in before) and numbers:
        return True
    # 'top consultant by chargeable hours': the superlative's noun is the row, 'by' the measure.
    # 'the smallest category in 2021': the noun right after the superlative is the row, and
    # the number column after it what ranks them.
    text = ctx.interp.text
    named = [m for m in after if m.column.kind is ColumnKind.TEXT][:1]
    if named and not text[superlative.end() : named[0].start].strip() and not ctx.frame.where:
        return any(m.start > named[0].end for m in numbers)
    return any(_BY.search(text[n.end : m.start]) for n in named for m in numbers if m.start > n.end)


_BY = re.compile(r"\b(?:by|on|in\s+terms\s+of)\b", re.I)


def _choices(func: AggFunc, table: Table) -> list[Column]:
    choices = numeric_columns(table)
    if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        choices += [c for c in table.columns if c.kind is ColumnKind.DATE]
    return choices


def _no_column(func: AggFunc, choices: list[Column], table: Table, text: str) -> Clarification:
    if not choices:
        raise ColumnTypeError(
            f"the {func.value} needs a column of numbers, and {table.header_ref} has none",
            expected="a column of numbers",
            found="only text columns",
            where=table.header_ref,
        )
    asked = ask_which_column(
        AGG_PHRASES[func],
        choices,
        "No column was named.",
        table,
        lambda target: f"{text.rstrip(' ?.!')} of {target}",
    )
    return each_reading(func, table, asked, choices)


# Question words that name the kind of column they ask for: (pattern, header words, dates?).


def plan_most_frequent(ctx: Context) -> Op | Clarification:
    free = ctx.free()
    if free and free[0].column.kind is ColumnKind.NUMBER:
        ctx.intent = AggFunc.MODE.value  # the most common number is the mode
        return plan_aggregate(ctx)
    return single_column(ctx, lambda c: MostFrequent(c, ctx.frame.where))
