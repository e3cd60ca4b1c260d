"""Plans that answer with rows or cells: lookups, top and bottom N, which row has the most,
and text answers (distinct values, the longest)."""

from __future__ import annotations

import re
from collections.abc import Callable

from nlsheet.backends.masks import row_mask
from nlsheet.nlu.binding import holds_years
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import (
    PERSON_HEADERS,
    is_row_noun,
    key_column,
    people_columns,
    person_column,
)
from nlsheet.nlu.lexicon import PERSON_NOUN, ROLES, is_amount_noun
from nlsheet.nlu.readings import (
    LIST_OPENER,
    intent_words,
    names_identifiers,
    relative_pronoun,
)
from nlsheet.nlu.text import header_words, is_plural, is_verb, tokenize
from nlsheet.plan import (
    AggFunc,
    Aggregate,
    ArgExtreme,
    Cmp,
    Lookup,
    Measure,
    Op,
    TopN,
    UniqueValues,
)
from nlsheet.planner.context import Context, ask_which_column, where_note
from nlsheet.planner.implied import DATE_ORDER, ROWS, direct, implied_measure, not_additive
from nlsheet.planner.quantities import amount_over_time, amount_transacted
from nlsheet.planner.ranking_words import (
    WHICH_ROW,
    asked_first,
    counted_ranking,
    row_or_total,
    single_row_said,
    total_said,
)
from nlsheet.planner.who import WHO_MAY_ASK, WHO_OPENS, refuse_who_of_no_one
from nlsheet.result import Clarification
from nlsheet.workbook.table import Column, ColumnKind

__all__ = ["plan_lookup", "plan_top", "plan_unique", "rank_rows", "single_column"]

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
        WHO_OPENS,
        PERSON_HEADERS | WHO_MAY_ASK,
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


def plan_lookup(ctx: Context) -> Op | Clarification:
    free = ctx.free()
    if not ctx.frame.where:
        raise ctx.refuse("could not tell which row to look in", "a value that picks the row")
    span = ctx.frame.span
    if span and not free:
        # 'Head Torch sales from January to March': the row's cells added up.
        ctx.intent = "sum"
        ctx.notes.append(f"added up {span[0].name} to {span[-1].name}")
        where_note(ctx)
        return Aggregate(AggFunc.SUM, Measure.over([c.name for c in span]), ctx.frame.where)
    expression = _derived(ctx) if ctx.frame.expression is not None else None
    if expression is not None:
        return _one_row_combined(ctx, expression)
    # The column a condition fixes to one value is no answer ('the name of the owner of
    # Blue Star' asks for the owner, not the name 'Blue Star').
    fixed = {c.column for c in ctx.frame.where.conditions if c.cmp in (Cmp.EQ, Cmp.IN)}
    free = [m for m in free if m.column.name not in fixed] or free
    describing = [m for m in free if _describes_value(ctx, m)]
    if describing and len(describing) < len(free):
        free = [m for m in free if m not in describing]
        ctx.frame.explained += [(m.start, m.end) for m in describing]
    untested = [m for m in free if m.column.name not in ctx.frame.where.columns]
    if free and not untested:
        # 'list unpaid invoices that were due before May': every column named is tested, so
        # the rows themselves are asked for, when a noun names them; 'who joined before
        # April' asks for the people.
        rows = _rows_asked(ctx)
        person = _who_asked(ctx, "unique_values")
        if rows is None and isinstance(person, Clarification):
            return person
        if rows is None and isinstance(person, Column):
            free = [ColumnMatch(person, "", 0, 0, 0.9, "implied")]
        elif rows is not None:
            return rows
    named_ids = bool(untested) and names_identifiers(untested[0].words)  # 'claim refs'
    if len(untested) == 1 and _names_rows(ctx, untested[0]) and not named_ids:
        # 'stores opened before 2015' names the rows through their key column's header.
        rows = _rows_asked(ctx)
        if rows is not None:
            ctx.use(untested[0])
            return rows
    if not free or free[0].column.name in fixed:
        who = _who_asked(ctx, "unique_values")
        if isinstance(who, Clarification):
            return who
        implied = (
            ColumnMatch(who, "", 0, 0, 0.8, "implied")
            if isinstance(who, Column)
            else _question_target(ctx)
        )
        if implied is not None:
            free = [implied]
        elif not free:
            rows = _rows_asked(ctx)
            if rows is not None:
                return rows
            raise ctx.refuse(
                "could not tell which column to return", "the column whose value to show"
            )
    refuse_who_of_no_one(ctx, free[0])
    target = ctx.use(free[0])
    assert target is not None
    where_note(ctx)
    if amount_over_time(ctx, target):
        # 'quantity sold in November': a stretch of time holds many rows; an amount of them
        # is their total, never the first one's.
        return _added_up(ctx, target, "the rows of that time")
    if amount_transacted(ctx) is not None and not _WHO.search(ctx.interp.text):
        return _added_up(ctx, target, "the rows asked for")
    if (_WHO.search(ctx.interp.text) and not fixed) or _many_asked(ctx.interp.text, free[0]):
        # 'who was hired in 2024', 'claim refs with zip in the notes': every row picked
        ctx.intent = "unique_values"
        return UniqueValues(target.name, ctx.frame.where)
    return Lookup(target.name, ctx.frame.where)


_WHICH_OPENS = re.compile(r"^\s*(?:which|what|list|show(?:\s+me)?)\s+(?:the\s+|all\s+)?$", re.I)


def _many_asked(text: str, target: ColumnMatch) -> bool:
    """'claim refs with zip in the notes', 'which students are resitting maths': the column
    asked for in the plural, so every row's value, not the first."""
    if names_identifiers(target.words):
        return True
    tokens = tokenize(target.words)
    if not tokens or not is_plural(tokens[-1]) or _NEVER.search(text):
        return False  # 'which riders never DNF'd' asks of all of each one's rows: not this
    return bool(_WHICH_OPENS.match(text[: target.start]))


_NEVER = re.compile(r"\bnever\b", re.I)


def _added_up(ctx: Context, target: Column, over: str) -> Aggregate:
    """The total of an amount over the rows the conditions pick, with a note saying so."""
    ctx.intent = "sum"
    ctx.notes.append(f"added up {target.name} over {over}")
    return Aggregate(AggFunc.SUM, Measure(target.name), ctx.frame.where)


def _describes_value(ctx: Context, mention: ColumnMatch) -> bool:
    """'Mount Hood, located in Oregon': a verb naming a column, right before a value of
    another column, says where that value stands; it asks for nothing."""
    if mention.how != "verb" and not is_verb(mention.words.lower()):
        return False
    after = _BEFORE_VALUE.match(ctx.interp.text, mention.end)
    return after is not None and any(
        v.start == after.end() and v.column.name != mention.column.name for v in ctx.interp.values
    )


_BEFORE_VALUE = re.compile(r"\s+(?:in|at|on|from|with|by)\s+(?:the\s+)?", re.I)


def _one_row_combined(ctx: Context, measure: Measure) -> Op:
    """'goals plus assists for Leo Nilsen': two cells of the one row the values pick,
    combined; refused when they pick several rows (a total or an average must be asked)."""
    picked = int(row_mask(ctx.frame.where, ctx.table).sum())
    what = f"{measure.column} {measure.op} {measure.other}"
    if picked != 1:
        raise ctx.refuse(
            f"{what} is asked of {picked} rows; say whether you want its total or average",
            "a value that picks one row, or 'total' / 'average'",
        )
    ctx.intent = "sum"
    ctx.notes.append(f"{what} of the one row picked")
    where_note(ctx)
    return Aggregate(AggFunc.SUM, measure, ctx.frame.where)


def _rows_asked(ctx: Context) -> Op | None:
    """The answer to a command that names only rows and their conditions: how many there are
    for a bare description ('unpaid invoices', 'orders over €100'), their names for 'which
    invoices are unpaid'; None for anything else."""
    tokens = ctx.interp.tokens
    # 'umbrella sales' names an amount of a row, not rows, even in a sheet called Sales
    # ('expenses over £500' in a sheet called Expenses are rows).
    text = ctx.interp.text
    ends = {v.end for v in ctx.interp.values}
    nouns = [
        t
        for t in tokens
        if not (is_amount_noun(t) and any(not text[e : t.start].strip() for e in ends))
    ]
    if len(tokens) < 2 or not any(is_row_noun(t.norm, ctx.table) for t in nouns):
        return None
    first = tokens[0].norm
    key = key_column(ctx.table)
    opener = LIST_OPENER.match(text)
    listed = [t for t in tokens if opener is not None and t.start >= opener.end()][:3]
    if any(is_row_noun(t.norm, ctx.table) and is_plural(t) for t in listed):
        # 'list the unpaid invoices due before May': the rows' names.
        if key is None:
            return None
        where_note(ctx)
        ctx.notes.append(f"the rows are named by {key.name}")
        ctx.intent = "unique_values"
        return UniqueValues(key.name, ctx.frame.where)
    # 'which pH samples failed': values that pick the rows may stand before their noun.
    spans = ctx.frame.explained
    after = [t for t in tokens[1:] if not any(s <= t.start < e for s, e in spans)]
    if first in ("which", "what") and after and is_row_noun(after[0].norm, ctx.table):
        if key is None:
            return None
        where_note(ctx)
        ctx.notes.append(f"the rows are named by {key.name}")
        if not is_plural(after[0]):  # 'which store is in Lyon': the one row
            return Lookup(key.name, ctx.frame.where)
        ctx.intent = "unique_values"
        return UniqueValues(key.name, ctx.frame.where)
    pronoun = relative_pronoun(tokens, ctx.table)  # 'members who renewed' asks nothing
    asking = any(t.norm in _WH for t in tokens if t is not pronoun)
    if first in _ASKING or first in ROLES["request"] or asking:
        return None  # 'when the grade is B, what was the name' asks for a value
    ctx.intent = "count"
    where_note(ctx)
    ctx.notes.append("a description of rows: answered with how many rows fit it")
    return Aggregate(AggFunc.COUNT, None, ctx.frame.where)


def _names_rows(ctx: Context, mention: ColumnMatch) -> bool:
    """Whether a column mention is the key column named by a noun for the rows ('stores')."""
    key = key_column(ctx.table)
    words = [t.norm for t in ctx.interp.tokens if mention.start <= t.start < mention.end]
    return (
        key is not None
        and mention.column.name == key.name
        and bool(words)
        and all(is_row_noun(w, ctx.table) for w in words)
    )


# A command that starts with one of these asks for something other than the rows' number.
_ASKING = frozenset(
    "what which who whom whose when where why how if is are was were do does did".split()  # noqa: SIM905
)
_WH = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "if"})


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
    order = DATE_ORDER.search(ctx.interp.text)
    if measure_match is None and order is not None:
        # Dates rank by 'newest' or 'first', not by 'largest' ('the largest order placed'):
        # 'who joined first' is the earliest date whatever the classifier leaned to.
        dates = [m for m in free if m.column.kind is ColumnKind.DATE]
        measure_match = dates[0] if dates else None
        if measure_match is not None:
            direct(ctx, order.group())
    if measure_match is None:
        measure_match = implied_measure(ctx)
    if measure_match is None:
        raise ctx.refuse("could not tell which numbers to rank by", "a numeric column")
    measure = ctx.use(measure_match) if measure_match.how != "implied" else measure_match.column
    assert measure is not None
    for m in free:
        if m.column is measure:
            ctx.use(m)  # 'which player signed most recently': Signed is what is ranked
    target = None
    if need_target and _WHICH_PERSON.search(ctx.interp.text):
        target = _person(ctx)  # 'which rep owns the largest deal': the people, not the deals
    if need_target and target is None:
        # 'who joined most recently': the Joined mention is what is ranked, not who.
        others = [m for m in free if m is not measure_match and m.column is not measure]
        if by is not None and by is not measure_match:
            others.insert(0, by)
        others = asked_first(ctx.interp.text, others)
        target_match = next((m for m in others if m.column.kind is not ColumnKind.NUMBER), None)
        target_match = target_match or (others[0] if others else None)
        target = ctx.use(target_match) if target_match is not None else _person(ctx)
    return measure, target


_DOER_NOUN = re.compile(r"\b(?:earners?|scorers?|spenders?|sellers?|buyers?)\b", re.I)


# 'which rep owns the largest deal' over a table whose people are its Owner column.
_WHICH_PERSON = re.compile(
    r"\b(?:which|what)\s+(rep|sales\s*rep|salesperson|seller|agent|employee|person|"
    r"staff\s+member|team\s+member|worker|colleague)\b",
    re.I,
)


_WHO = re.compile(r"(?:^|[,;:]\s*)who\b", re.I)  # 'in the West, who sold the most'


def _person(ctx: Context) -> Column | None:
    """The column of people a 'who' question, a doer noun ('the biggest spenders') or a noun
    for a person after 'which' ('which rep') asks for, when the table has one."""
    text = ctx.interp.text
    which = _WHICH_PERSON.search(text)
    if not (_WHO.search(text) or _DOER_NOUN.search(text) or which or PERSON_NOUN.search(text)):
        return None
    person = person_column(ctx.table)
    if person is not None:
        ctx.notes.append(f"the people are named by {person.name}")
        if which is not None:
            ctx.use(ColumnMatch(person, which.group(1), *which.span(1), 0.9, "implied"))
    return person


def plan_top(ctx: Context) -> Op | Clarification:
    derived = _derived(ctx)
    if derived is not None:
        return _rank_derived(ctx, derived, top=True)
    measure, _ = _measure_and_target(ctx, need_target=False)
    n = ctx.frame.n
    if n is None:
        n = 5
        ctx.notes.append("no number given: showing 5 rows")
    largest = ctx.intent == "top_n"
    # 'top 3 customers by sales': names that repeat over rows are ranked by their totals.
    names = [
        m
        for m in ctx.frame.free
        if m.column.kind is ColumnKind.TEXT and m.column is not measure and m.how != "implied"
    ]
    person = _person(ctx) if not names and _DOER_NOUN.search(ctx.interp.text) else None
    if person is not None:
        return _ranked(ctx, person, measure, largest, n)
    if measure is ROWS or (names and _repeats(ctx, names[0].column)):
        if not names:
            raise ctx.refuse("could not tell what to count rows of", "a column of names")
        target = ctx.use(names[0])
        assert target is not None
        return _ranked(ctx, target, measure, largest, n)
    return TopN(measure.name, n, largest, ctx.frame.where)


def _repeats(ctx: Context, column: Column) -> bool:
    return bool(ctx.table.values(column.name).series.dropna().duplicated().any())


def _ranked(
    ctx: Context, target: Column, measure: Column, largest: bool, n: int
) -> ArgExtreme | Clarification:
    count = measure is ROWS
    # Dates are never totalled: 'who signed first' is the row with the earliest date.
    per_row = (
        ctx.per_row
        or measure.kind is ColumnKind.DATE
        or holds_years(ctx.table, measure)  # a year is no amount to add up per name
        or single_row_said(ctx.interp.text)
    )
    grouped = count or (_repeats(ctx, target) and not per_row)
    if grouped and not count and measure.kind is not ColumnKind.NUMBER:
        raise ctx.refuse(
            f"{target.name} repeats across rows, and {measure.name} cannot be totalled per "
            f"{target.name}",
            "a numeric column to total",
        )
    # Names are compared by their averages when asked, or when totals mean nothing (times).
    average = grouped and not count and (_averaged(ctx) or not_additive(measure))
    if grouped and not count and not average and not total_said(ctx.interp.text):
        # 'which member has the highest late fee': one fee, or their fees added up?
        asked = None if ctx.interp.stated else row_or_total(ctx, target, measure, largest, n)
        if asked is not None:
            return asked
    if grouped:
        what = "number of rows" if count else f"{'average' if average else 'total'} {measure.name}"
        ctx.notes.append(f"{target.name} repeats across rows: compared the {what} of each")
    return ArgExtreme(
        target.name,
        target.name if count else measure.name,
        largest,
        grouped,
        ctx.frame.where,
        n,
        count,
        average=average,
    )


def _averaged(ctx: Context) -> bool:
    """'which department has the highest average salary': each name's average, not its total
    (the word outside every header it could be part of, such as 'Average Basket')."""
    spans = [(m.start, m.end) for m in ctx.interp.columns]
    return any(
        not any(a <= w < b for a, b in spans) for w, _ in intent_words("average", ctx.interp.text)
    )


def _derived(ctx: Context) -> Measure | None:
    """The measure named by its words ('margin': Price - Cost), its columns marked used, or
    each row's total over side-by-side columns ('the highest total for the year')."""
    if ctx.frame.span:
        return Measure.over([c.name for c in ctx.frame.span])
    if ctx.frame.expression is None:
        return None
    a, op, b = ctx.frame.expression
    ctx.use(a)
    ctx.use(b)
    return Measure(a.column.name, op, b.column.name)  # type: ignore[arg-type]


def _rank_derived(ctx: Context, derived: Measure, top: bool) -> Op:
    """Single rows ranked by a derived measure ('which item has the highest margin')."""
    largest = ctx.intent in ("arg_max", "top_n")
    names = [m for m in ctx.frame.free if m.column.kind is ColumnKind.TEXT and m.how != "implied"]
    names = asked_first(ctx.interp.text, names)
    if top and not names:
        n = ctx.frame.n or 5
        return TopN(derived.column, n, largest, ctx.frame.where, derived)
    target = ctx.use(names[0]) if names else (_person(ctx) or key_column(ctx.table))
    what = f"{derived.column} {derived.op} {derived.other}"
    if derived.span:
        what = f"their total from {derived.span[0]} to {derived.span[-1]}"
    if target is None:
        raise ctx.refuse("could not tell what to name (which product, which rep ...)", "a column")
    n = ctx.frame.n or (5 if top else 1)
    if _repeats(ctx, target) and not ctx.per_row:
        if derived.op != "*":
            # A margin or a rate per row adds up to nothing: 'which dish has the best margin'.
            raise ctx.refuse(
                f"{target.name} repeats across rows, and ranking names by their totals of "
                f"{what} is not supported",
                "a column that names each row once",
            )
        # A worth (quantity x price) adds up per name: 'which client brought in the most'.
        average = _averaged(ctx)
        ctx.notes.append(
            f"{target.name} repeats across rows: compared the {'average' if average else 'total'}"
            f" {what} of each"
        )
        return ArgExtreme(
            target.name,
            derived.column,
            largest,
            True,
            ctx.frame.where,
            n,
            derived=derived,
            average=average,
        )
    ctx.notes.append(f"ranked the rows by {what}")
    return ArgExtreme(
        target.name, derived.column, largest, False, ctx.frame.where, n, derived=derived
    )


def rank_rows(ctx: Context) -> Op | Clarification:
    derived = _derived(ctx)
    if derived is not None:
        return _rank_derived(ctx, derived, top=False)
    counted = counted_ranking(ctx)
    if counted is not None:
        return counted
    measure, target = _measure_and_target(ctx, need_target=True)
    which = WHICH_ROW.match(ctx.interp.text)
    if target is None and which and is_row_noun(tokenize(which.group(1))[0].norm, ctx.table):
        target = key_column(ctx.table)  # 'which bug has the most points': its Bug ID
    if target is None:
        # 'who logged the fewest hours' beside Employee and Client: which people.
        asked = _who_asked(ctx, ctx.intent)
        if isinstance(asked, Clarification):
            return asked
        raise ctx.refuse("could not tell what to name (which product, which rep ...)", "a column")
    return _ranked(ctx, target, measure, ctx.intent == "arg_max", ctx.frame.n or 1)


def single_column(ctx: Context, make: Callable[[str], Op]) -> Op:
    free = ctx.free() or ([ctx.frame.by] if ctx.frame.by else [])
    if not free:
        raise ctx.refuse("could not tell which column", "a column name")
    column = ctx.use(free[0])
    assert column is not None
    return make(column.name)


def plan_unique(ctx: Context) -> Op | Clarification:
    sold = amount_transacted(ctx)
    if sold is not None and ctx.frame.where:
        # 'bottles sold to non-members': the amount the rows hold together, not each one's.
        target = ctx.use(sold)
        assert target is not None
        return _added_up(ctx, target, "the rows asked for")
    tested = set(ctx.frame.where.columns)
    if ctx.free() and all(m.column.name in tested for m in ctx.free()):
        # 'who mentioned overtime in their notes': the people of the rows the notes pick,
        # not the notes.
        person = _who_asked(ctx, "unique_values")
        if isinstance(person, Column):
            return UniqueValues(person.name, ctx.frame.where)
        if person is not None:
            return person
    if ctx.free():
        refuse_who_of_no_one(ctx, ctx.free()[0])  # 'who rode in the race on 18 May'
    return single_column(ctx, lambda c: UniqueValues(c, ctx.frame.where))


def _who_asked(ctx: Context, intent: str) -> Column | Clarification | None:
    """The column of people a 'who' question asks for: the one that names them, or a question
    when several do and none has a person per row (Employee and Client on a timesheet)."""
    text = ctx.interp.text
    if not _WHO.search(text):
        return None
    person = person_column(ctx.table)
    people = people_columns(ctx.table)
    if person is not None or len(people) < 2:
        return person
    return ask_which_column(
        "values of {}",
        people,
        "'who' could mean more than one column.",
        ctx.table,
        lambda target: f"{intent}: " + _WHO_WORD.sub(f"which {target}", text, 1),
    )


_WHO_WORD = re.compile(r"\bwho\b", re.I)
