"""Interpretation -> Plan: checks common to every command, then one builder per intent."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import process

from nlsheet.errors import NotUnderstoodError, UnknownColumnError
from nlsheet.nlu.context import letters_outside, overlaps
from nlsheet.nlu.interpret import Interpretation
from nlsheet.plan import AggFunc, Op, Plan
from nlsheet.planner.aggregates import plan_aggregate, plan_most_frequent
from nlsheet.planner.context import INTENT_PHRASES, Built, Context, ask_which_column
from nlsheet.planner.figures import (
    plan_correlation,
    plan_growth,
    plan_ratio,
    plan_share,
    plan_trend,
)
from nlsheet.planner.rows import plan_longest, plan_lookup, plan_top, plan_unique, rank_rows
from nlsheet.result import Clarification
from nlsheet.workbook.table import Table

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


def _refuse_unexplained(ctx: Context) -> None:
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


_BUILDERS: dict[str, Callable[[Context], Op | Clarification]] = {  # by intent
    **{f.value: plan_aggregate for f in AggFunc},
    "lookup": plan_lookup,
    "top_n": plan_top,
    "bottom_n": plan_top,
    "arg_max": rank_rows,
    "arg_min": rank_rows,
    "share": plan_share,
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
