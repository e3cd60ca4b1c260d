"""Words a reading explains by their context, though no column, value or command word takes
them: every such rule in one table, each with the example it was written for.

A reading that leaves a word unused is refused (``build._refuse_unused``); before that, each
word left over is offered to these excuses, which look at the word, the words around it, the
operation chosen and the table. An excuse never guesses: it names what the word says about
the reading ('units' beside a stock column says what the column counts).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlsheet.nlu.binding import is_money
from nlsheet.nlu.coverage import Leftover, counts_items
from nlsheet.nlu.dates import NEW, start_date
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.text import STATUS_VERBS, header_words, is_common_verb, is_verb, value_vocabulary
from nlsheet.plan import ArgExtreme, Op, TopN, op_columns
from nlsheet.planner.context import Context
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["explained_by_context"]

_AUXILIARY = re.compile(r"\b(?:did|does|do|has|have|had)\s+$", re.I)
_RECORDED = re.compile(
    r"(?:placed|made|created|recorded|logged|registered|entered|submitted|filed|received|"
    r"collected|taken|measured|sampled|booked|raised|reported|added|done)",
    re.I,
)
_BEFORE_DATES = re.compile(
    r"\s+(?:in|on|before|after|since|during|between|from|by|until|through)\b", re.I
)
_ADDRESSES = re.compile(r"(?:e-?mail\s+)?addresse?s?|e-?mails?|accounts?", re.I)
_ACROSS = re.compile(r"\bacross\s+(?:all\s+)?(?:the\s+|our\s+)?$", re.I)
_UNITS = re.compile(r"units?|pieces?|pcs|items?", re.I)
_MONEY = re.compile(r"money|cash", re.I)
# Past participles the common verb list (text.is_verb) lacks.
_PARTICIPLE = re.compile(r"grown|drawn|thrown|eaten|done|caught|taught|put", re.I)


def _idle_verb(word: Leftover, table: Table) -> bool:
    """A verb that picks no rows: no status verb, nothing like a cell value ('close' beside a
    Closed status would pick rows)."""
    if word.words.lower() in STATUS_VERBS:
        return False
    stem = word.words.lower()[:4]
    texts = [c.name for c in table.columns if c.kind is ColumnKind.TEXT]
    return not any(w.startswith(stem) for c in texts for w in value_vocabulary(table, c))


def _columns_of(ctx: Context, op: Op | None) -> list[Column]:
    return [ctx.table.column(c) for c in op_columns(op)] if op is not None else []


def _subject_verb(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'how many tickets did Mei Chen handle': the verb after a subject that is a value says
    what the rows are of that value, nothing more."""
    text = ctx.interp.text
    after_subject = any(
        word.start >= v.end
        and not text[v.end : word.start].strip()
        and _AUXILIARY.search(text[: v.start]) is not None
        for v in ctx.interp.values
    )
    return after_subject and _idle_verb(word, ctx.table)


def _new_rows(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'new members in 2023': 'new' says the rows began in the time a start date picks."""
    began = start_date(ctx.table)
    return (
        began is not None
        and began.name in ctx.frame.where.columns
        and NEW.fullmatch(word.words) is not None
    )


def _recorded(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'samples collected in February': a verb saying a row was recorded, before the dates
    that picked the rows, says what the date records; any other verb ('refunded in May') may
    pick rows of its own and must be understood."""
    dated = any(ctx.table.column(c).kind is ColumnKind.DATE for c in ctx.frame.where.columns)
    return (
        dated
        and _RECORDED.fullmatch(word.words) is not None
        and _BEFORE_DATES.match(ctx.interp.text[word.end :]) is not None
        and _idle_verb(word, ctx.table)
    )


def _addresses(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'hotmail addresses': the word after a value of an e-mail column says what it is part
    of."""
    interp: Interpretation = ctx.interp
    return bool(_ADDRESSES.fullmatch(word.words)) and any(
        not interp.text[v.end : word.start].strip()
        and {"email", "mail"} & set(v.column.name.casefold().replace("-", "").split())
        for v in interp.values
    )


def _units(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'which warehouse holds the fewest units': the word says what a stock or quantity column
    the operation reads counts."""
    return bool(_UNITS.fullmatch(word.words)) and any(counts_items(c) for c in _columns_of(ctx, op))


def _money(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'who spent the most money': the word says what a money column the operation reads
    holds."""
    return bool(_MONEY.fullmatch(word.words)) and any(is_money(c) for c in _columns_of(ctx, op))


def _ranking_verb(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'which agent has handled the most tickets': a ranking is fixed by what is ranked and by
    what; a common verb between them says how, unless it picks rows ('closed'). Words that
    only look like verbs ('weighted', 'expected') may change the measure."""
    return (
        isinstance(op, (ArgExtreme, TopN))
        and is_common_verb(word.words.lower())
        and _idle_verb(word, ctx.table)
    )


def _across(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'across all warehouses': a column named for every one of its values, which no condition
    tests."""
    return _ACROSS.search(ctx.interp.text[: word.start]) is not None


def _measure_participle(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'miles covered', 'hours worked', 'km driven': a verb's past form right after a number
    column the operation reads says how the number came about, nothing more."""
    lower = word.words.lower()
    if not (is_verb(lower) or _PARTICIPLE.fullmatch(lower)) or not _idle_verb(word, ctx.table):
        return False
    read = {c.name for c in _columns_of(ctx, op) if c.kind is ColumnKind.NUMBER}
    text = ctx.interp.text
    return any(
        m.column.name in read and m.end <= word.start and not text[m.end : word.start].strip()
        for m in ctx.interp.columns
    )


def _qualifier(ctx: Context, op: Op | None, word: Leftover) -> bool:
    """'runs that cost below $8 in power' over Power (kWh) and Power Cost ($): a word of the
    header the operation reads, said apart from the rest of it, qualifies that column."""
    own = set(header_words(word.column or ""))
    words = set(header_words(word.words))
    return bool(words) and any(
        c.name != word.column and words <= set(header_words(c.name)) and len(own) < 3
        for c in _columns_of(ctx, op)
    )


Excuse = Callable[[Context, "Op | None", Leftover], bool]
# Excuses for a word that names no column, and for a column named without a role.
_FOR_WORDS: tuple[Excuse, ...] = (
    _subject_verb,
    _new_rows,
    _recorded,
    _addresses,
    _units,
    _money,
    _ranking_verb,
    _measure_participle,
)
_FOR_COLUMNS: tuple[Excuse, ...] = (_across, _qualifier)


def explained_by_context(ctx: Context, op: Op | None, left: list[Leftover]) -> list[Leftover]:
    """The words of ``left`` that no excuse explains."""
    return [
        w
        for w in left
        if w.bearing
        or not any(excuse(ctx, op, w) for excuse in (_FOR_COLUMNS if w.column else _FOR_WORDS))
    ]
