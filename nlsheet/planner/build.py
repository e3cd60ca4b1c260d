"""Interpretation -> Plan: checks common to every command, then one builder per intent."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import process

from nlsheet.errors import NotUnderstoodError, UnknownColumnError
from nlsheet.nlu.context import letters_outside, overlaps
from nlsheet.nlu.coverage import Leftover, is_row_noun, keys_rows, unaccounted
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.text import header_words, sheet_words, word_after, words_of
from nlsheet.nlu.values import SEARCH_CUE, ValueMatch, is_prose
from nlsheet.plan import AggFunc, Aggregate, ArgExtreme, Lookup, Op, Plan, TopN, op_columns
from nlsheet.planner.aggregates import plan_aggregate, plan_group_share, plan_most_frequent
from nlsheet.planner.asked_for import refuse_unmet_operation_words
from nlsheet.planner.context import INTENT_PHRASES, Built, Context, ask_which_column, describe_op
from nlsheet.planner.excuses import explained_by_context
from nlsheet.planner.figures import (
    plan_correlation,
    plan_growth,
    plan_ratio,
    plan_share,
    plan_trend,
)
from nlsheet.planner.judged import judged
from nlsheet.planner.longest import plan_longest
from nlsheet.planner.per_unit import per_unit_condition, per_unit_total
from nlsheet.planner.repeated import repeated_total
from nlsheet.planner.rows import plan_lookup, plan_top, plan_unique, rank_rows
from nlsheet.planner.sense import check_sense, mixed_units
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["SUPPORTED_INTENTS", "build", "check_letters"]


def build(interp: Interpretation, table: Table) -> Built | Clarification:
    """Build the plan for an interpretation, or the question to ask when a column is unclear.

    Raises:
        UnknownColumnError: If the command names a column the table does not have.
        ColumnTypeError: If a column's values do not fit the operation.
        NotUnderstoodError: If the command cannot be answered faithfully.
    """
    ctx = Context(interp, table)
    check_letters(interp.text, table)
    if interp.ambiguous:
        rival = interp.ambiguous[0]
        best = next((m for m in interp.columns if overlaps(m, rival)), rival)
        rivals = [best.column, *(m.column for m in interp.ambiguous if m.column != best.column)]
        phrase = INTENT_PHRASES.get(interp.intent, interp.intent + " of {}")
        text = interp.text

        def command_for(target: str) -> str:
            return text[: best.start] + target + text[best.end :]

        why = f"'{best.words}' fits more than one column."
        return ask_which_column(phrase, rivals, why, table, command_for)
    if ctx.frame.problems:
        raise ctx.refuse(ctx.frame.problems[0], "a column for every condition")
    if ctx.frame.unclear_years:
        return _which_year(interp.text, *ctx.frame.unclear_years[0])
    if ctx.frame.unclear_dates:
        return _which_date(interp.text, *ctx.frame.unclear_dates[0])
    _per_row_of_sheet(ctx)
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
    which = _which_value(interp, table)
    if which is not None:
        _refuse_unused(ctx, None)
        return which
    op = builder(ctx)
    if isinstance(op, Clarification):
        # The question back supplies a column; any other word must still be understood
        # ('average of blorp' is refused, not asked 'which column').
        _refuse_unused(ctx, None)
        return op
    check_sense(ctx, op)
    op = judged(ctx, op)
    per_unit_condition(ctx)
    _check_keys(ctx, op)
    mixed = mixed_units(ctx, op) or per_unit_total(ctx, op) or repeated_total(ctx, op)
    if mixed is not None:
        _refuse_unused(ctx, op)
        return mixed
    measure = op.measure if isinstance(op, Aggregate) else None
    if isinstance(op, (ArgExtreme, TopN)) and op.derived is not None:
        measure = op.derived
    if ctx.frame.span and not (measure and measure.span):
        first, last = ctx.frame.span[0].name, ctx.frame.span[-1].name
        raise ctx.refuse(
            f"read {first} to {last} as a stretch of columns, which nlsheet can only total, "
            f"average or take the minimum, maximum or median of",
            "a total or average over the columns",
        )
    if ctx.frame.derived and not (measure and measure.op):
        assert ctx.frame.expression is not None
        a, how, b = ctx.frame.expression
        raise ctx.refuse(
            f"read '{a.words}' as {a.column.name} {how} {b.column.name}, which nlsheet can "
            "only total, average, take the minimum or maximum of, or rank rows by",
            "an aggregate of the derived measure",
        )
    _refuse_unused(ctx, op)
    return Built(
        Plan(table.sheet, op), tuple(ctx.used), tuple(ctx.notes), ctx.intent, tuple(ctx.ignored)
    )


def _per_row_of_sheet(ctx: Context) -> None:
    """'average tickets sold per performance' on a sheet of Performances: each row is one, so
    the average is the rows', not one per value of a Performance column of kinds (Evening,
    Matinee), which 'by performance' would ask for; another key stays ('..., by show')."""
    frame, text, table = ctx.frame, ctx.interp.text, ctx.table
    if ctx.intent != "average":
        return
    for key in (frame.by, frame.then_by):
        if key is None or key.how == "implied" or not _PER_BEFORE.search(text[: key.start]):
            continue
        words = words_of(key.words)
        if not words or not set(words) <= sheet_words(table) or keys_rows(table, key.column.name):
            continue
        if key is frame.by:
            frame.by, frame.by_period = frame.then_by, frame.then_period
        frame.then_by, frame.then_period = None, None
        frame.explained.append((key.start, key.end))
        ctx.notes.append(f"'per {key.words}': each row of {table.sheet} is one")
        return


_PER_BEFORE = re.compile(r"\bper\s+$", re.I)


def _check_keys(ctx: Context, op: Op) -> None:
    """Refuse an operation that drops a grouping the words asked for ('hours x rate by
    employee' read as one ratio): one figure for the table is not one per employee.

    Raises:
        NotUnderstoodError: Naming the grouping words.
    """
    for key in (ctx.frame.by, ctx.frame.then_by):
        if key is None or key.how == "implied" or key.column.name in op_columns(op):
            continue
        if key.column.is_id or keys_rows(ctx.table, key.column.name):
            continue  # 'average revenue per store', a row per store: the rows' average
        raise ctx.refuse(
            f"'{key.words}' asks for one answer per {key.column.name}, which the "
            f"{describe_op(op)} does not give",
            "an answer per group",
        )


def check_letters(text: str, table: Table) -> None:
    """Refuse a column letter outside the table ('sum column Z' on a table A:G).

    Raises:
        UnknownColumnError: With the table's columns as candidates.
    """
    outside = letters_outside(text, table)
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


def _changes_the_row(interp: Interpretation, word: Leftover) -> bool:
    """A word a lookup's values do not make idle: one asking for a measure ('how big is the
    Lyon store'), or one typed against a value matched by part ('the Lyon Confluence store'
    where only Lyon Part-Dieu exists), which names a row that is not there; or the unit of a
    rate ('yield per hectare for wheat' is no yield)."""
    if re.search(r"\b(?:how|per|each|every)\s+$|/\s*$", interp.text[: word.start], re.I):
        return True
    return any(
        v.contains and (0 <= word.start - v.end <= 1 or 0 <= v.start - word.end <= 1)
        for v in interp.values
    )


# 'the email of', "Ann's phone", 'what phone number': the word names what is asked.
_ATTRIBUTE_AFTER = re.compile(r"^(?:\s+\w+)?\s+(?:of|for)\b", re.I)
_WHAT_THE = re.compile(
    r"\bwhat(?:['’]s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the|their|its)\s+(?:\w+\s+)?$", re.I
)
_ATTRIBUTE_BEFORE = re.compile(
    r"(?:\b(?:what|which|the|their|his|her|its)|['’]s)\s+(?:\w+\s+)?$", re.I
)


# What a row's person or thing has that tables often lack: asked for and not there, another
# column of the row is no answer.
_ATTRIBUTES = frozenset(
    """email mail phone telephone mobile cell fax address postcode zip website url web site
    age birthday birthdate birth nationality gender sex height weight salary income religion
    spouse wife husband manager boss owner contact""".split()  # noqa: SIM905
)


def _asked_attribute(text: str, word: Leftover) -> bool:
    """A word a lookup's values do not make idle: an attribute no column holds, standing
    where the thing asked is named ('what is the email of the tenant in U104'); answering
    another column of that row would answer another question."""
    after, before = text[word.end :], text[: word.start]
    if word.words.lower() in _ATTRIBUTES:
        return bool(_ATTRIBUTE_BEFORE.search(before) and _ATTRIBUTE_AFTER.match(after))
    # 'what's the fridge temperature in the gym machine': a noun between 'what is the' and
    # where the row is ('in', 'at', 'on'), not one said of a column ('the final score for').
    return bool(_WHAT_THE.search(before) and re.match(r"\s+(?:in|at|on)\b", after))


def _refuse_unused(ctx: Context, op: Op | None) -> None:
    """Refuse a reading that leaves a word of the command unused (see nlu.coverage).

    Raises:
        NotUnderstoodError: Naming the words and, for a column mention, the header cell.
        UnknownColumnError: When the one word left names nothing in a command that names no
            column or value ('average of blorp').
    """
    interp, frame = ctx.interp, ctx.frame
    used = [(m.start, m.end) for m in ctx.used] + list(frame.explained)
    # A column named beside a value of its own ('the player Ann Lee', 'which game had 3 goals'
    # where a condition tests Game) says what the value is: it adds no reading of its own.
    tested = set(frame.where.columns) | {m.column.name for m in ctx.used}
    used += [(m.start, m.end) for m in interp.columns if m.column.name in tested]
    refuse_unmet_operation_words(ctx, op, used)
    fixed_by_value = isinstance(op, Lookup) and bool(frame.where)
    left = unaccounted(
        interp.text,
        interp.tokens,
        interp.columns,
        used,
        ctx.table,
        verbs_free=fixed_by_value,
        taught=interp.taught,
        read=tested,
    )
    left = explained_by_context(ctx, op, left)
    if (
        left
        and fixed_by_value
        and all(
            w.column is None
            and not w.bearing
            and not _changes_the_row(interp, w)
            and not _asked_attribute(interp.text, w)
            for w in left
        )
    ):
        # 'which city is Ann Lee based in': a lookup's row is fixed by its values and its
        # column is named, so a word such as a verb cannot change the answer.
        ctx.ignored.extend(w.words for w in left)
        ctx.notes.append(f"ignored the word(s) {' '.join(w.words for w in left)!r}")
        return
    if op is None:
        left = [w for w in left if w.column is None]
    if not left:
        return
    names = [c.name for c in ctx.table.columns]
    mentions = [w for w in left if w.column is not None]
    if mentions:
        first = mentions[0]
        cell = ctx.table.column(first.column or "").header_cell
        raise NotUnderstoodError(
            f"'{first.words}' names {first.column} ({cell}), but nlsheet could not tell what "
            f"to do with it in {interp.text!r} (read as {describe_op(op) if op else '?'}); "
            "rephrase so that every column has a role, e.g. 'total sales by region'",
            expected="a role for every column named",
            found=first.words,
            where=f"the word(s) {first.words!r} in the command",
            candidates=[first.column or ""],
        )
    word = " ".join(w.words for w in left)
    close = [m[0] for m in process.extract(word, names, limit=3, score_cutoff=70)]
    no_column = not interp.columns and not interp.values
    error = UnknownColumnError if no_column and len(left) == 1 else NotUnderstoodError
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


_PART_AFTER = re.compile(r"\s+(?:in|within)\s+(?:the|their|its|his|her)\s+\w+", re.I)


def _which_value(interp: Interpretation, table: Table) -> Clarification | None:
    """Ask which one words inside several names mean ('the total for Fischer' with Lina and
    Vera Fischer, 'from Green Roots' with Green Roots Trust and Green Roots Foundation): each
    name, or all of them. Words inside notes or titles ('tickets about a refund') pick every
    row they are in, without a question."""
    parts: dict[str, list[ValueMatch]] = {}
    for v in interp.values:
        if v.contains and v.column.kind is ColumnKind.TEXT:
            parts.setdefault(v.column.name, []).append(v)
    for column, said in parts.items():
        if any(not o.contains and o.column.name == column for o in interp.values):
            continue  # the column's value is named already ('the bout at Arena 12')
        first, last = said[0], said[-1]
        text = interp.text
        if SEARCH_CUE.search(text[max(0, first.start - 25) : first.start]) or _PART_AFTER.match(
            text[last.end :]
        ):
            continue  # 'described as taxi', 'with Paris in the name': any row with the word
        words = [re.compile(r"(?<!\w)" + re.escape(v.words.casefold()) + r"(?!\w)") for v in said]
        if is_prose(table, table.column(column)):
            continue  # sentences, not names
        cells = {str(c) for c in table.values(column).series.dropna().unique()}
        names = sorted(c for c in cells if all(w.search(c.casefold()) for w in words))
        typed = text[first.start : last.end]
        if len(names) < 2 or _kind_of_row(interp, last.end, typed, names, table):
            continue
        if word_after(text, last.end) in header_words(column):
            continue  # 'the steel products': every product with the word, a kind of product
        if all(w.search(n.casefold().partition("@")[2]) for n in names for w in words):
            continue  # 'hotmail' after the @ of addresses: every address at that domain
        before, after = text[: first.start], text[last.end :]
        options = [Option(name, f"{before}{name}{after}") for name in names[:6]]
        options.append(
            Option(
                f"all {len(names)} with '{typed}' in {column}",
                f'{before}{column} containing "{typed}"{after}',
            )
        )
        shown = ", ".join(names[:6]) + (" ..." if len(names) > 6 else "")
        return Clarification(
            f"'{typed}' is part of {len(names)} values of {column} ({shown}). Which do you mean?",
            tuple(options),
        )
    return None


def _kind_of_row(
    interp: Interpretation, end: int, words: str, names: list[str], table: Table
) -> bool:
    """'renewal deals' beside Alpine renewal, Datum renewal ...: a word that ends three names
    or more, said before the rows' noun, is a kind of row, and picks every row it ends."""
    noun = word_after(interp.text, end)
    ending = all(n.casefold().split()[-1] == words.casefold() for n in names)
    return len(names) >= 3 and ending and noun is not None and is_row_noun(noun, table)


def _which_year(
    text: str, start: int, end: int, years: tuple[int, ...], any_year: bool
) -> Clarification:
    """Ask which year a month, quarter or day without one means ('in March' over 2023-2024):
    one option per year (the latest few), and one for that period of every year."""
    words = text[start:end]
    before, after = text[:start], text[end:]
    options = [
        Option(f"{words.strip()} {y}", f"{before}{words} {y}{after}") for y in reversed(years[-3:])
    ]
    if any_year:
        options.append(
            Option(f"{words.strip()} of any year", f"{before}{words} of any year{after}")
        )
    shown = ", ".join(str(y) for y in years)
    return Clarification(
        f"The dates have '{words.strip()}' in more than one year ({shown}). Which do you mean?",
        tuple(options),
    )


def _which_date(text: str, start: int, end: int, dates: tuple[str, ...]) -> Clarification:
    """Ask which date column a date means when several could ('since 10 May' over Entry and
    Exit): one option per column, each the command with the column named before the date."""
    words = text[start:end].strip()
    options = [
        Option(f"{name} {words}", f"{text[:start]}with {name} {text[start:]}") for name in dates
    ]
    shown = ", ".join(dates)
    return Clarification(
        f"'{words}' could be about any of the date columns {shown}. Which do you mean?",
        tuple(options),
    )


_BUILDERS: dict[str, Callable[[Context], Op | Clarification]] = {  # by intent
    **{f.value: plan_aggregate for f in AggFunc},
    "lookup": plan_lookup,
    "top_n": plan_top,
    "bottom_n": plan_top,
    "arg_max": rank_rows,
    "arg_min": rank_rows,
    "share": lambda ctx: plan_share(ctx) if ctx.frame.where else plan_group_share(ctx),
    "ratio": plan_ratio,
    "correlation": plan_correlation,
    "trend": plan_trend,
    "growth": plan_growth,
    "unique_values": plan_unique,
    "most_frequent": plan_most_frequent,
    "longest": plan_longest,
}


# The intents a plan can be built for (the classifier knows these and out_of_scope).
SUPPORTED_INTENTS = frozenset(_BUILDERS)
