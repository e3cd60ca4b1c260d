"""Words that name an operation are the operation's: 'average', 'median', 'percentage',
'growth', 'distinct' left outside everything the reading used, with an operation that does not
do it, mean the answer is of another question ('growth of visitors in 2021 in percent'
answered with the 2021 total; 'average orders per day' with a count). Such a reading is
refused, naming the word; so is one aggregate where the words ask for an aggregate of
aggregates ('the average total pages per member').

Each family: the words, and the operations that do what they say.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlsheet.plan import (
    AggFunc,
    Aggregate,
    ArgExtreme,
    Cmp,
    Growth,
    Longest,
    MostFrequent,
    Op,
    Ratio,
    Share,
    TopN,
    Trend,
    UniqueValues,
    Where,
)
from nlsheet.planner.context import Context, describe_op

__all__ = ["refuse_unmet_operation_words"]


def _func(*funcs: AggFunc) -> Callable[[Op], bool]:
    return lambda op: isinstance(op, Aggregate) and op.func in funcs


def _averaged(op: Op) -> bool:
    return (
        _func(AggFunc.AVERAGE, AggFunc.MEDIAN)(op)
        or (isinstance(op, ArgExtreme) and op.average)
        or isinstance(op, Ratio | Trend)
    )


def _share(op: Op) -> bool:
    return isinstance(op, Share | Ratio | Growth) or (isinstance(op, Aggregate) and op.share)


def _difference(op: Op) -> bool:
    measure = op.measure if isinstance(op, Aggregate) else None
    derived = op.derived if isinstance(op, TopN | ArgExtreme) else None
    return (
        isinstance(op, Growth | Trend)
        or (measure is not None and measure.op == "-")
        or (derived is not None and derived.op == "-")
    )


def _distinct(op: Op) -> bool:
    return _func(AggFunc.COUNT_DISTINCT)(op) or isinstance(op, UniqueValues | MostFrequent)


def _ranked(op: Op) -> bool:
    return isinstance(op, ArgExtreme | TopN | MostFrequent | Longest) or _func(
        AggFunc.MIN, AggFunc.MAX, AggFunc.MODE
    )(op)


_FAMILIES: tuple[tuple[str, re.Pattern[str], Callable[[Op], bool]], ...] = (
    ("an average", re.compile(r"\b(?:average|avg|mean(?=\s+(?:of\s+)?\w))\b", re.I), _averaged),
    ("a median", re.compile(r"\bmedian\b", re.I), _func(AggFunc.MEDIAN)),
    (
        "a percentage or share",
        re.compile(
            r"\b(?:percent(?:age)?|pct|proportion|fraction|(?<=\w\s)rate)\b|(?<![\d\s])\s*%",
            re.I,
        ),
        _share,
    ),
    (
        "a change",
        re.compile(
            r"\b(?:growth|grow|grew|grown|increase[sd]?|decrease[sd]?|change[sd]?|rose|risen|"
            r"lost|lose|loses|"
            r"(?:fell|fall|fallen|drop(?:ped)?|decline[sd]?)(?!\s+(?:in|on|within|between|"
            r"under|into|inside|during|before|after)\b))\b",
            re.I,
        ),
        _difference,
    ),
    ("distinct values", re.compile(r"\b(?:distinct|unique)\b", re.I), _distinct),
    # 'biggest contract by combined total' is no grand total.
    (
        "a ranking",
        re.compile(
            r"\b(?:highest|lowest|biggest|largest|smallest|greatest|best|worst|top|"
            r"bottom(?!\s+line)|most|"
            r"least|fewest|cheapest|priciest|longest|shortest|fastest|slowest|heaviest|"
            r"lightest|newest|oldest|youngest|latest|earliest)\b",
            re.I,
        ),
        _ranked,
    ),
    (
        "a spread",
        re.compile(r"\b(?:standard\s+deviation|std|stdev|variance|spread)\b", re.I),
        _func(AggFunc.STDEV, AggFunc.VARIANCE),
    ),
)
_AVERAGE_WORD = _FAMILIES[0][1]
# Words that ask for a minimum or maximum; a MIN or MAX with none of them outside what the
# reading used took its word from elsewhere ('the first half of 2024' is a period, no 'first').
_EXTREME_WORD = re.compile(
    r"\b(?:min|minimum|max|maximum|lowest|highest|least|most|smallest|largest|biggest|"
    r"greatest|fewest|cheapest|priciest|dearest|top|bottom|first|last|earliest|latest|oldest|"
    r"newest|youngest|best|worst|peak|longest|shortest|fastest|slowest|heaviest|lightest|"
    r"record|\w+est)\b",
    re.I,
)
# Words comparing the rows with a figure: one the reading did not use was dropped ('entries
# under an hour' counted every entry when 'an hour' was no number).
_COMPARED = re.compile(
    r"\b(?:under|below|above|exceed(?:s|ed|ing)?|beyond)\b"
    r"|\b(?:more|less|fewer|greater|longer|shorter|higher|lower)\s+than\b",
    re.I,
)
_WORTH_WORD = re.compile(r"\b(?:value|worth|amount|revenue|spend|spent|income|takings)\b", re.I)
_ORDERED = frozenset({Cmp.GT, Cmp.GE, Cmp.LT, Cmp.LE, Cmp.BETWEEN})
_TOTAL_WORD = re.compile(r"\b(?:total|totals|sum|sums|combined)\b", re.I)


def refuse_unmet_operation_words(ctx: Context, op: Op | None, used: list[tuple[int, int]]) -> None:
    """Refuse a reading whose operation does not do what a word of the command names.

    Raises:
        NotUnderstoodError: Naming the word and what it asks for.
    """
    if op is None:
        return
    text = ctx.interp.text

    taught = ctx.interp.taught

    def free(pattern: re.Pattern[str]) -> re.Match[str] | None:
        # A word the user taught ('the bottom line' meant a total) asks for what they said.
        return next(
            (
                m
                for m in pattern.finditer(text)
                if not any(s <= m.start() < e for s, e in used)
                and m.group().casefold() not in taught
            ),
            None,
        )

    for what, pattern, fits in _FAMILIES:
        word = free(pattern)
        if word is not None and not fits(op):
            raise ctx.refuse(
                f"'{word.group().strip()}' asks for {what}, which the reading found "
                f"({describe_op(op)}) does not give",
                f"{what} nlsheet can compute, e.g. 'average sales by region'",
            )
    worth = free(_WORTH_WORD)
    if worth is not None and _func(AggFunc.COUNT)(op) and getattr(op, "measure", None) is None:
        # 'total value of orders placed in March' counted the orders and dropped 'value'.
        raise ctx.refuse(
            f"'{worth.group()}' asks for an amount, which a count of rows does not give",
            "the column holding it, e.g. 'total amount of orders in March'",
        )
    compared = free(_COMPARED)
    where = getattr(op, "where", None)
    tests = where.conditions if isinstance(where, Where) else ()
    if compared is not None and not any(c.cmp in _ORDERED for c in tests):
        raise ctx.refuse(
            f"'{compared.group()}' compares with nothing the reading found",
            "a number to compare with, e.g. 'under 2 hours'",
        )
    if _func(AggFunc.MIN, AggFunc.MAX)(op) and free(_EXTREME_WORD) is None:
        raise ctx.refuse(
            f"nothing outside the values and dates asks for the {describe_op(op)} (the word "
            "for it belongs to a date or a value)",
            "'lowest', 'highest', 'earliest', 'latest' ... said of the numbers",
        )
    funcs = (AggFunc.SUM, AggFunc.AVERAGE, AggFunc.MEDIAN)
    if not isinstance(op, Aggregate) or op.func not in funcs:
        return
    average, total = free(_AVERAGE_WORD), free(_TOTAL_WORD)
    if average is not None and total is not None:
        # 'the average total pages per member' is the average of each member's total.
        first, second = sorted((average, total), key=lambda m: m.start())
        raise ctx.refuse(
            f"'{first.group()} {second.group()}' asks for the {first.group()} of several "
            f"{second.group()}s (one per group), which one {op.func.value} over the rows "
            "does not give",
            "one aggregate, e.g. 'total pages per member'",
        )
