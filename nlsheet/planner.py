"""Interpretation -> Plan: one builder per intent, checking that the columns fit the operation.

The builders read the assembled slots (:class:`nlsheet.nlu.conditions.Frame`): the conditions,
the grouping column, N, and the column mentions left free for the operation. What cannot be
answered faithfully is refused with a typed error, never approximated.

Example:
    >>> build(interpret("average price per product", table, model, settings), table).plan.op
    Aggregate(func=<AggFunc.AVERAGE: 'average'>, measure=Measure(column='Price'), ...)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import process

from nlsheet.errors import ColumnTypeError, NotUnderstoodError, UnknownColumnError
from nlsheet.nlu.context import ColumnMatch, letters_outside
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.slots import DateSlot
from nlsheet.nlu.text import header_words
from nlsheet.plan import (
    AggFunc,
    Aggregate,
    ArgExtreme,
    Cmp,
    Correlation,
    Growth,
    Longest,
    Lookup,
    Measure,
    MostFrequent,
    Op,
    Plan,
    Ratio,
    Share,
    TopN,
    Trend,
    UniqueValues,
    Where,
)
from nlsheet.result import Clarification, Option, json_value
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["AGG_PHRASES", "INTENT_PHRASES", "SUPPORTED_INTENTS", "Built", "build"]

AGG_PHRASES = {
    AggFunc.SUM: "total of {}",
    AggFunc.AVERAGE: "average of {}",
    AggFunc.COUNT: "count of {}",
    AggFunc.MIN: "minimum of {}",
    AggFunc.MAX: "maximum of {}",
    AggFunc.MEDIAN: "median of {}",
    AggFunc.COUNT_DISTINCT: "number of different {}",
    AggFunc.MODE: "mode of {}",
    AggFunc.STDEV: "standard deviation of {}",
    AggFunc.VARIANCE: "variance of {}",
    AggFunc.PERCENTILE: "90th percentile of {}",
}
# How to say each intent about a column, for questions back to the user ('{}' is the column).
INTENT_PHRASES = {f.value: p for f, p in AGG_PHRASES.items()} | {
    "lookup": "value of {}",
    "top_n": "top 5 rows by {}",
    "bottom_n": "bottom 5 rows by {}",
    "arg_max": "row with the highest {}",
    "arg_min": "row with the lowest {}",
    "share": "share of {}",
    "ratio": "ratio of {}",
    "correlation": "correlation of {}",
    "trend": "trend of {}",
    "growth": "year over year growth of {}",
    "unique_values": "distinct values of {}",
    "most_frequent": "most frequent {}",
    "longest": "longest {}",
}
_QUANTITY_QUESTION = re.compile(r"\b(how\s+many|how\s+much|number\s+of|amount\s+of)\s*$", re.I)
# 'how many units did we sell', 'how many tries for Nelson RFC': a quantity to add up;
# 'how many stunts have a total of 201.5' counts the rows that have it instead.
_COUNTED_AFTER = re.compile(
    r"^\s*(?:have|has|had|with|that|which|whose|where|when|are\s+there|is\s+there|"
    r"were\s+there)\b",
    re.I,
)
_COUNT_WORDS = re.compile(r"\bnumber\s+of\b|\bhow\s+many\b|\bcount\b", re.I)
_SUPERLATIVE = re.compile(
    r"\b(lowest|highest|least|most|smallest|largest|biggest|greatest|fewest|cheapest|"
    r"minimum|maximum|min|max|top|bottom|best|worst)\b",
    re.I,
)
_PERIOD_WORDS = (("month", "month"), ("quarter", "quarter"), ("year", "year"), ("annual", "year"))


@dataclass(frozen=True)
class Built:
    """A plan with the column mentions it rests on and notes on choices made."""

    plan: Plan
    columns: tuple[ColumnMatch, ...]
    notes: tuple[str, ...] = ()
    intent: str = ""


class _Context:
    """What every builder needs: the interpretation, the table, and the notes it adds."""

    def __init__(self, interp: Interpretation, table: Table) -> None:
        self.interp = interp
        self.table = table
        self.frame = interp.frame
        self.notes: list[str] = []
        self.used: list[ColumnMatch] = []
        self.intent = interp.intent

    def use(self, match: ColumnMatch | None) -> Column | None:
        if match is None:
            return None
        if match not in self.used:
            self.used.append(match)
        return match.column

    def free(self, *kinds: ColumnKind) -> list[ColumnMatch]:
        return [m for m in self.frame.free if not kinds or m.column.kind in kinds]

    def refuse(self, message: str, expected: str) -> NotUnderstoodError:
        return NotUnderstoodError(
            f"{message} in {self.interp.text!r}",
            expected=expected,
            found=self.interp.text,
            where=self.interp.text,
            candidates=[c.name for c in self.table.columns],
        )


def _numeric(table: Table) -> list[Column]:
    return [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]


def _ask_which_column(phrase: str, choices: list[Column], why: str, table: Table) -> Clarification:
    options = []
    for column in choices:
        words = header_words(column.name)
        twins = [c for c in table.columns if c is not column and header_words(c.name) == words]
        # A command by name would meet the same ambiguity again; the letter cannot.
        target = f"column {column.letter}" if twins else column.name
        label = phrase.format(column.name) + (f" (column {column.letter})" if twins else "")
        options.append(Option(label, phrase.format(target)))
    return Clarification(
        question=f"{why} Which column do you want the {phrase.format('…').replace(' …', '')}: "
        + ", ".join(c.name for c in choices)
        + "?",
        options=tuple(options),
    )


def build(interp: Interpretation, table: Table) -> Built | Clarification:
    """Build the plan for an interpretation, or the question to ask when a column is unclear.

    Raises:
        UnknownColumnError: If the command names a column the table does not have.
        ColumnTypeError: If a column's values do not fit the operation.
        NotUnderstoodError: If the command cannot be answered faithfully.
    """
    ctx = _Context(interp, table)
    _check_outside_letters(interp, table)
    if interp.ambiguous:
        best = interp.columns[0] if interp.columns else interp.ambiguous[0]
        rivals = [best.column, *(m.column for m in interp.ambiguous if m.column != best.column)]
        phrase = INTENT_PHRASES.get(interp.intent, interp.intent)
        return _ask_which_column(
            phrase, rivals, f"'{best.words}' fits more than one column.", table
        )
    _refuse_unexplained(ctx)
    builder = _BUILDERS.get(interp.intent)
    if builder is None:
        raise NotUnderstoodError(
            f"understood {interp.intent!r}, which nlsheet cannot answer yet",
            expected=", ".join(sorted(_BUILDERS)),
            found=interp.intent,
            where=interp.text,
        )
    if ctx.frame.loose and interp.intent != "trend":
        slot = ctx.frame.loose[0]
        raise ctx.refuse(
            f"could not tell which column {slot.text!r} belongs to", "a column for every value"
        )
    op = builder(ctx)
    if isinstance(op, Clarification):
        return op
    return Built(Plan(table.sheet, op), tuple(ctx.used), tuple(ctx.notes), ctx.intent)


def _check_outside_letters(interp: Interpretation, table: Table) -> None:
    outside = letters_outside(interp.text, table)
    if outside:
        first, last = table.columns[0].letter, table.columns[-1].letter
        raise UnknownColumnError(
            f"column {outside[0]} is outside the table {table.header_ref} "
            f"(columns {first} to {last})",
            expected=f"a column from {first} to {last}",
            found=outside[0],
            where=f"column {outside[0]} in the command",
            candidates=[f"column {c.letter} ({c.name})" for c in table.columns],
        )


def _refuse_unexplained(ctx: _Context) -> None:
    interp, frame = ctx.interp, ctx.frame
    if frame.problems:
        raise ctx.refuse(frame.problems[0], "a column for every condition")
    counted = _counted_noun(interp)
    unknown = [w for w in interp.leftover if w != counted]
    if unknown and interp.intent == "lookup" and frame.where and frame.free:
        # 'which city is Marco Abbott based in': a lookup's row is fixed by its values, so an
        # unknown verb cannot silently widen the answer.
        ctx.notes.append(f"ignored the word(s) {' '.join(unknown)!r}")
        return
    if not unknown:
        return
    names = [c.name for c in ctx.table.columns]
    close = [m[0] for m in process.extract(" ".join(unknown), names, limit=3, score_cutoff=70)]
    no_column = not interp.columns and not interp.values
    error = UnknownColumnError if no_column and len(unknown) == 1 else NotUnderstoodError
    word = " ".join(unknown)
    raise error(
        (
            f"no column {word!r} in {ctx.table.header_ref}"
            if error is UnknownColumnError
            else f"did not understand {word!r} in {interp.text!r}: it is neither a header of "
            f"{ctx.table.header_ref}, nor a value in it, nor a word nlsheet knows"
        )
        + (f"; did you mean {close[0]!r}?" if close else f"; its headers are {', '.join(names)}"),
        expected="headers and values of " + ctx.table.header_ref,
        found=word,
        where=f"the word(s) {word!r} in the command",
        candidates=close or names,
    )


def _counted_noun(interp: Interpretation) -> str | None:
    """The noun a row count counts ('orders' in 'how many orders'), if it names no column."""
    if interp.intent not in ("count", "share", "count_distinct"):
        return None
    match = re.search(
        r"\b(?:how\s+many|number\s+of|count\s+(?:of\s+)?(?:the\s+)?|percent(?:age)?\s+of|"
        r"share\s+of|fraction\s+of|proportion\s+of)\s*(?:the\s+)?(\w+)",
        interp.text,
        re.I,
    )
    if match is None:
        return None
    word = next((t.norm for t in interp.tokens if t.start == match.start(1)), None)
    return word if word in interp.leftover else None


def _where_note(ctx: _Context) -> None:
    for m in ctx.frame.free[1:]:
        if m not in ctx.used:
            ctx.notes.append(f"'{m.words}' ({m.column.header_cell}) was not used")


def _aggregate(ctx: _Context) -> Op | Clarification:
    interp, frame, table = ctx.interp, ctx.frame, ctx.table
    func = AggFunc(ctx.intent)
    if func in (AggFunc.MIN, AggFunc.MAX) and _names_a_row(ctx):
        # 'name of the employee with the lowest salary': the column named before the
        # superlative is what to return, not a number to take the minimum of.
        ctx.intent = "arg_min" if func is AggFunc.MIN else "arg_max"
        return _arg(ctx)
    group = ctx.use(frame.by)
    measure: Measure | None = None
    if frame.expression is not None:
        a, op, b = frame.expression
        ctx.use(a)
        ctx.use(b)
        for m in (a, b):
            _check_kind(AggFunc.SUM, m.column, table)
        measure = Measure(a.column.name, op, b.column.name)  # type: ignore[arg-type]
    else:
        free = [m for m in frame.free if m is not frame.by]
        numeric = [m for m in free if m.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)]
        pick = (numeric or free)[0] if free else None
        if func in (AggFunc.COUNT, AggFunc.COUNT_DISTINCT):
            pick = free[0] if free else None
        column = ctx.use(pick)
        if column is not None:
            if (
                func is AggFunc.COUNT
                and column.kind is ColumnKind.NUMBER
                and not column.is_id
                and pick is not None
                and _QUANTITY_QUESTION.search(interp.text[: pick.start])
                and not _COUNTED_AFTER.match(interp.text[pick.end :])
            ):
                func = AggFunc.SUM
                ctx.intent = func.value
                ctx.notes.append(
                    f"read '{interp.text[: pick.end].strip()}' as the total of {column.name}"
                )
            if (
                func is AggFunc.SUM
                and column.kind in (ColumnKind.TEXT, ColumnKind.BOOL)
                and _COUNT_WORDS.search(interp.text)
            ):
                # 'the total number of churches': a count of text, not a sum.
                func = AggFunc.COUNT
                ctx.intent = func.value
            _check_kind(func, column, table)
            measure = Measure(column.name)
        elif func is AggFunc.COUNT:
            if interp.leftover:
                ctx.notes.append(
                    f"counted the table's rows ({' '.join(interp.leftover)!r} names no column; "
                    "name a column to count its values)"
                )
        else:
            choices = _choices(func, table)
            if len(choices) != 1:
                return _no_column(func, choices, table)
            ctx.use(ColumnMatch(choices[0], "", 0, 0, 1.0, "implied"))
            ctx.notes.append(f"no column named; used the only one that fits, {choices[0].name}")
            measure = Measure(choices[0].name)
    percentile = None
    if func is AggFunc.PERCENTILE:
        if frame.percentile is None:
            raise ctx.refuse("could not tell which percentile", "a percentile such as '90th'")
        percentile = frame.percentile
    _where_note(ctx)
    return Aggregate(
        func,
        measure,
        frame.where,
        group.name if group is not None else None,
        percentile,
    )


def _names_a_row(ctx: _Context) -> bool:
    superlative = _SUPERLATIVE.search(ctx.interp.text)
    if superlative is None:
        return False
    before = [m for m in ctx.frame.free if m.end <= superlative.start()]
    after = [m for m in ctx.frame.free if m.start >= superlative.end()]
    return any(m.column.kind is ColumnKind.TEXT for m in before) and any(
        m.column.kind is ColumnKind.NUMBER for m in after
    )


def _choices(func: AggFunc, table: Table) -> list[Column]:
    choices = _numeric(table)
    if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        choices += [c for c in table.columns if c.kind is ColumnKind.DATE]
    return choices


def _no_column(func: AggFunc, choices: list[Column], table: Table) -> Clarification:
    if not choices:
        raise ColumnTypeError(
            f"the {func.value} needs a column of numbers, and {table.header_ref} has none",
            expected="a column of numbers",
            found="only text columns",
            where=table.header_ref,
        )
    return _ask_which_column(AGG_PHRASES[func], choices, "No column was named.", table)


# Question words that name the kind of column they ask for: (pattern, header words, dates?).
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


def _question_target(ctx: _Context) -> ColumnMatch | None:
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


def _lookup(ctx: _Context) -> Op:
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
    _where_note(ctx)
    return Lookup(target.name, ctx.frame.where)


def _measure_and_target(ctx: _Context, need_target: bool) -> tuple[Column, Column | None]:
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


def _top(ctx: _Context) -> Op:
    measure, _ = _measure_and_target(ctx, need_target=False)
    n = ctx.frame.n
    if n is None:
        n = 5
        ctx.notes.append("no number given: showing 5 rows")
    return TopN(measure.name, n, ctx.interp.intent == "top_n", ctx.frame.where)


def _arg(ctx: _Context) -> Op:
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


def _share(ctx: _Context) -> Op:
    if not ctx.frame.where:
        raise ctx.refuse("could not tell which part to measure", "a condition such as 'from West'")
    numeric = [m for m in ctx.free() if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    measure = ctx.use(numeric[0]) if numeric else None
    return Share(ctx.frame.where, measure.name if measure else None)


def _two_numbers(ctx: _Context, what: str) -> tuple[Column, Column]:
    numeric = [m for m in ctx.free() if m.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)]
    if len(numeric) < 2:
        raise ctx.refuse(f"the {what} needs two numeric columns", "two numeric columns")
    a, b = ctx.use(numeric[0]), ctx.use(numeric[1])
    assert a is not None and b is not None
    return a, b


def _ratio(ctx: _Context) -> Op:
    a, b = _two_numbers(ctx, "ratio")
    return Ratio(a.name, b.name, ctx.frame.where)


def _correlation(ctx: _Context) -> Op:
    a, b = _two_numbers(ctx, "correlation")
    return Correlation(a.name, b.name, ctx.frame.where)


def _date_column(ctx: _Context) -> Column:
    named = [m for m in ctx.free(ColumnKind.DATE)]
    if named:
        column = ctx.use(named[0])
        assert column is not None
        return column
    dates = [c for c in ctx.table.columns if c.kind is ColumnKind.DATE]
    if len(dates) != 1:
        raise ctx.refuse("could not tell which date column to use", "a date column")
    ctx.notes.append(f"used the date column {dates[0].name}")
    return dates[0]


def _trend(ctx: _Context) -> Op:
    numeric = [m for m in ctx.free() if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    if not numeric:
        raise ctx.refuse("could not tell which numbers to fit a trend to", "a numeric column")
    y = ctx.use(numeric[0])
    assert y is not None
    where = ctx.frame.where
    at: float | dt.date | None = None
    # 'forecast sales when units is 60': the x column and where to read the line off it.
    given = [
        c
        for c in where.conditions
        if c.cmp is Cmp.EQ
        and c.column != y.name
        and ctx.table.column(c.column).kind in (ColumnKind.NUMBER, ColumnKind.DATE)
        and isinstance(c.value, (float, dt.date))
    ]
    if len(given) == 1 and not where.any:
        x: Column | None = ctx.table.column(given[0].column)
        at = given[0].value  # type: ignore[assignment]
        where = Where(tuple(c for c in where.conditions if c is not given[0]))
    else:
        x = ctx.use(numeric[1]) if len(numeric) > 1 else _date_column(ctx)
    assert x is not None
    if ctx.frame.loose:
        slot = ctx.frame.loose[-1]
        at = slot.value if isinstance(slot, DateSlot) else float(slot.value)
    intercept = at is None and bool(re.search(r"\bintercept\b", ctx.interp.text, re.I))
    return Trend(y.name, x.name, at, where, intercept)


def _growth(ctx: _Context) -> Op:
    numeric = [m for m in ctx.free() if m.column.kind is ColumnKind.NUMBER and not m.column.is_id]
    if not numeric:
        raise ctx.refuse("could not tell which numbers grow", "a numeric column")
    measure = ctx.use(numeric[0])
    assert measure is not None
    date = _date_column(ctx)
    text = ctx.interp.text.lower()
    period = next((p for word, p in _PERIOD_WORDS if word in text), "year")
    return Growth(measure.name, date.name, period, ctx.frame.where)  # type: ignore[arg-type]


def _single_column(ctx: _Context, make: Callable[[str], Op]) -> Op:
    free = ctx.free() or ([ctx.frame.by] if ctx.frame.by else [])
    if not free:
        raise ctx.refuse("could not tell which column", "a column name")
    column = ctx.use(free[0])
    assert column is not None
    return make(column.name)


def _unique(ctx: _Context) -> Op:
    return _single_column(ctx, lambda c: UniqueValues(c, ctx.frame.where))


def _most_frequent(ctx: _Context) -> Op | Clarification:
    free = ctx.free()
    if free and free[0].column.kind is ColumnKind.NUMBER:
        ctx.intent = AggFunc.MODE.value  # the most common number is the mode
        return _aggregate(ctx)
    return _single_column(ctx, lambda c: MostFrequent(c, ctx.frame.where))


def _longest(ctx: _Context) -> Op:
    numeric = ctx.free(ColumnKind.NUMBER)
    if numeric and len(ctx.free()) > 1:
        ctx.intent = "arg_max"  # 'the supplier with the longest lead time' ranks by a number
        return _arg(ctx)
    return _single_column(ctx, lambda c: Longest(c, ctx.frame.where))


_BUILDERS: dict[str, Callable[[_Context], Op | Clarification]] = {  # by intent
    **{f.value: _aggregate for f in AggFunc},
    "lookup": _lookup,
    "top_n": _top,
    "bottom_n": _top,
    "arg_max": _arg,
    "arg_min": _arg,
    "share": _share,
    "ratio": _ratio,
    "correlation": _correlation,
    "trend": _trend,
    "growth": _growth,
    "unique_values": _unique,
    "most_frequent": _most_frequent,
    "longest": _longest,
}


# The intents a plan can be built for (the classifier knows these and out_of_scope).
SUPPORTED_INTENTS = frozenset(_BUILDERS)


def _check_kind(func: AggFunc, column: Column, table: Table) -> None:
    if not func.needs_numbers:
        return
    allowed = {ColumnKind.NUMBER}
    if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        allowed.add(ColumnKind.DATE)
    if column.kind in allowed:
        return
    sample = next((v for v in table.values(column.name).series.dropna().head(1).tolist()), None)
    numeric = [c.name for c in _numeric(table)]
    shown = json_value(sample)
    found = f"{column.kind.value} such as {shown!r}" if sample is not None else column.kind.value
    raise ColumnTypeError(
        f"the {AGG_PHRASES[func].format(column.name)} needs numbers, "
        f"but {column.name} ({column.data_range}) holds "
        f"{found}; numeric columns: {', '.join(numeric) or 'none'}",
        expected="a column of numbers",
        found=found,
        where=column.header_cell,
        candidates=numeric,
    )
