"""The vocabulary of cases: a worked command (CaseSpec) and a question (Question with Conds).

A case pairs a command, in a user's words, with a structured query; the oracle evaluates the
query on the rows that were written to get the expected answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaseSpec:
    """A worked command.

    ``given_sheet`` is what the user passes (``--sheet``), None when the sheet
    must be inferred; ``sheet`` is the sheet whose table answers it; ``column``
    is None for a row count.
    """

    command: str
    intent: str
    sheet: str
    column: str | None
    given_sheet: str | None


AGGREGATES = ("sum", "average", "count", "min", "max", "median")
STATS = ("stdev", "variance", "percentile", "mode", "correlation", "trend", "growth")
TEXT_OPS = ("unique_values", "most_frequent", "longest")
DATE_CONDS = ("month", "year", "quarter", "before", "after", "date_between")
COLUMN_CONDS = {"col_gt": "gt", "col_lt": "lt", "col_gte": "gte", "col_lte": "lte"}


@dataclass(frozen=True)
class Cond:
    """One condition on a column.

    ``op`` is one of eq, neq, gt, gte, lt, lte, between (value..value2),
    contains, starts_with, in_list (value is a tuple), blank, not_blank,
    month (1-12), year, quarter (1-4), before, after, date_between
    (value..value2), or col_gt / col_lt / col_gte / col_lte (value is the
    other column's header).
    """

    column: str
    op: str
    value: Any = None
    value2: Any = None


@dataclass(frozen=True)
class Question:
    """A command and the query that answers it.

    ``sheet`` is the sheet whose table answers it, ``given`` what the user
    passes (None when the sheet must be inferred).  ``op`` is an aggregate,
    a statistic, a text op or one of top_n, bottom_n, arg_max, arg_min,
    lookup, count_distinct, share, ratio.  ``measure`` is the numeric column
    (Y for correlation/trend), ``other`` the second column (ratio
    denominator, X for correlation/trend, date column for growth, right
    operand of ``arith``), ``target`` the column whose value is answered
    (lookup, arg_max/min, count_distinct, text ops) and ``key`` the text a
    lookup searches for.  ``group`` turns an aggregate into ``{group: value}``.

    For everyday questions (tests/cases/everyday.yaml) a question may also
    have ``group2``, a second grouping that makes the answer
    ``{group: {group2: value}}`` (with ``period`` "quarter" or "year" the
    group2 column is a date bucketed into "Q1".."Q4" or "2024"); a grouped
    top_n/bottom_n ranks the groups by their total ``measure`` and answers
    ``[{group: key, measure: total}, ...]``; and ``across`` names several
    columns read as one (the month columns of a wide table): aggregates
    flatten their cells, arg_max/arg_min without a target answer the column
    whose total is largest (smallest).
    """

    command: str
    op: str
    sheet: str
    given: str | None
    measure: str | None = None
    where: tuple[Cond, ...] = ()
    joiner: str = "and"
    group: str | None = None
    n: int = 0
    target: str | None = None
    key: str | None = None
    other: str | None = None
    arith: str | None = None
    p: str | None = None  # percentile as decimal text, e.g. "0.9"
    tags: tuple[str, ...] = ()
    readme: bool = False
    group2: str | None = None
    period: str | None = None  # "quarter" or "year": buckets a date group2
    across: tuple[str, ...] = ()


def C(column: str, op: str, value: Any = None, value2: Any = None) -> Cond:  # noqa: N802
    return Cond(column, op, value, value2)
