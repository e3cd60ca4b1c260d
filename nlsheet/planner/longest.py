"""'The longest comment', 'which notes are shortest': the longest text of a column, when the
words ask for a text's length; 'the supplier with the longest lead time' ranks by a number."""

from __future__ import annotations

import re

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.text import tokenize
from nlsheet.plan import Longest, Op
from nlsheet.planner.context import Context
from nlsheet.planner.implied import length_column
from nlsheet.planner.rows import rank_rows, single_column
from nlsheet.result import Clarification
from nlsheet.workbook.table import ColumnKind

__all__ = ["plan_longest"]


def plan_longest(ctx: Context) -> Op | Clarification:
    numeric = ctx.free(ColumnKind.NUMBER)
    if numeric and len(ctx.free()) > 1:
        ctx.intent = "arg_max"  # 'the supplier with the longest lead time' ranks by a number
        return rank_rows(ctx)
    free = ctx.free()
    said = _LONGEST.search(ctx.interp.text)
    rows_named = not free or (len(free) == 1 and _names_the_rows(ctx, free[0]))
    # 'which tenant has the longest name' measures the text, never the Hours.
    text_said = said is not None and _TEXT_WORD.match(ctx.interp.text, said.end()) is not None
    if said is not None and rows_named and not text_said and length_column(ctx) is not None:
        # 'which booking was the longest' beside an Hours column: the most hours, not the
        # longest Booking ID.
        ctx.intent = "arg_min" if said.group().lower() in ("shortest", "briefest") else "arg_max"
        return rank_rows(ctx)
    if said is not None and free and not _of_the_text(ctx, said.end(), free[0]):
        # 'which member borrowed the longest book': no column holds a book's length; the
        # length of the members' names is not what is asked.
        raise ctx.refuse(
            f"'{said.group()} {_next_word(ctx.interp.text, said.end())}' names no column's "
            f"length or number (the longest text of {free[0].column.name} is not asked)",
            "a number column to rank by, or 'the longest <text column>'",
        )
    return single_column(ctx, lambda c: Longest(c, ctx.frame.where))


_LONGEST = re.compile(r"\b(?:longest|shortest|lengthiest|wordiest|briefest)\b", re.I)
# A word for text after 'longest' ('the longest name'); or nothing ('which is longest').
_TEXT_WORD = re.compile(
    r"\s+(?:text|name|names|description|descriptions|comment|comments|note|notes|entry|"
    r"entries|title|titles|message|messages|answer|answers|one|ones)\b",
    re.I,
)
_TEXT_NOUN = re.compile(_TEXT_WORD.pattern + r"|\s*(?:[?.!]|$)", re.I)


def _names_the_rows(ctx: Context, mention: ColumnMatch) -> bool:
    """'booking' naming Booking ID: the rows themselves, by their identifier's noun."""
    words = [t.norm for t in tokenize(mention.words) if t.norm.isalpha()]
    return mention.column.is_id or (bool(words) and all(is_row_noun(w, ctx.table) for w in words))


def _next_word(text: str, at: int) -> str:
    found = re.match(r"\s*(\S+)", text[at:])
    return found.group(1) if found else ""


def _of_the_text(ctx: Context, at: int, mention: ColumnMatch) -> bool:
    """Whether the words after 'longest' name the text measured: the column itself ('the
    longest comment'), or a word for text ('the longest name'), or nothing ('which is
    longest')."""
    text = ctx.interp.text
    after = mention.start >= at and not text[at : mention.start].strip()
    return bool(_TEXT_NOUN.match(text, at)) or after
