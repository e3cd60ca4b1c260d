"""What every plan builder shares: the context of one command, phrases for questions back,
and the checks that a column fits an operation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nlsheet.errors import ColumnTypeError, NotUnderstoodError
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.text import header_words
from nlsheet.plan import AggFunc, Op, Plan
from nlsheet.result import Clarification, Option, json_value
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "AGG_PHRASES",
    "INTENT_PHRASES",
    "Built",
    "Context",
    "ask_which_column",
    "check_kind",
    "column_target",
    "numeric_columns",
    "where_note",
]

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


@dataclass(frozen=True)
class Built:
    """A plan with the column mentions it rests on, notes on choices made, and the words it
    left unused (only a lookup fixed by values may: 'which city is Ann Lee based in')."""

    plan: Plan
    columns: tuple[ColumnMatch, ...]
    notes: tuple[str, ...] = ()
    intent: str = ""
    ignored: tuple[str, ...] = ()


class Context:
    """What every builder needs: the interpretation, the table, and the notes it adds."""

    def __init__(self, interp: Interpretation, table: Table) -> None:
        self.interp = interp
        self.table = table
        self.frame = interp.frame
        self.notes: list[str] = []
        self.used: list[ColumnMatch] = []
        # Rows are ranked one by one, never by their group's total ('the largest order').
        self.per_row = False
        self.ignored: list[str] = []
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


def numeric_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]


def column_target(column: Column, table: Table) -> str:
    """How a command names a column unambiguously: its header, or its letter when another
    header has the same words ('Sales' and 'Sales (2)')."""
    words = header_words(column.name)
    twins = [c for c in table.columns if c is not column and header_words(c.name) == words]
    return f"column {column.letter}" if twins else column.name


def ask_which_column(
    phrase: str,
    choices: list[Column],
    why: str,
    table: Table,
    command_for: Callable[[str], str],
) -> Clarification:
    """Ask which column is meant; each option's command is the user's own command with the
    column named unambiguously, so choosing it keeps every condition of the question.

    Args:
        phrase: How the operation reads, '{}' standing for the column ('total of {}').
        choices: The columns to offer.
        why: The first sentence of the question.
        table: The table (to tell twins apart).
        command_for: The command to run for a column, given how to name it.
    """
    options = []
    for column in choices:
        target = column_target(column, table)
        label = phrase.format(column.name) + (f" ({target})" if target != column.name else "")
        options.append(Option(label, command_for(target)))
    return Clarification(
        question=f"{why} Which column do you want the {phrase.format('…').replace(' …', '')}: "
        + ", ".join(c.name for c in choices)
        + "?",
        options=tuple(options),
    )


def where_note(ctx: Context) -> None:
    for m in ctx.frame.free[1:]:
        if m not in ctx.used:
            ctx.notes.append(f"'{m.words}' ({m.column.header_cell}) was not used")


def check_kind(func: AggFunc, column: Column, table: Table) -> None:
    if not func.needs_numbers:
        return
    allowed = {ColumnKind.NUMBER}
    if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        allowed.add(ColumnKind.DATE)
    if column.kind in allowed:
        return
    sample = next((v for v in table.values(column.name).series.dropna().head(1).tolist()), None)
    numeric = [c.name for c in numeric_columns(table)]
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


def describe_op(op: Op) -> str:
    """A short name of what a plan does, for messages."""
    func = getattr(op, "func", None)
    if func is None:
        return op.kind
    return f"share of the {func.value}" if getattr(op, "share", False) else f"{func.value}"
