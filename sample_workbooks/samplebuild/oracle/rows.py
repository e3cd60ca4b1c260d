"""Cell values and row conditions, with the semantics nlsheet implements.

Text compares case-insensitively, numbers numerically (numbers stored as text count as
numbers); blanks are skipped by aggregates and match no condition except "blank"; a date in
an answer is an ISO 'YYYY-MM-DD' string.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from decimal import Decimal

from ..query import COLUMN_CONDS, DATE_CONDS, Cond
from ..table import Value, as_number

EXCEL_EPOCH = dt.date(1899, 12, 30)


def to_plain(number: Decimal) -> int | float:
    """Int when integral, float otherwise."""
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def aggregate(intent: str, numbers: Sequence[Decimal]) -> Decimal:
    if intent == "sum":
        return sum(numbers, Decimal(0))
    if intent == "average":
        return sum(numbers, Decimal(0)) / len(numbers)
    if intent == "min":
        return min(numbers)
    if intent == "max":
        return max(numbers)
    if intent == "median":
        return Decimal(statistics.median(numbers))
    raise ValueError(intent)


class AmbiguousQuestionError(ValueError):
    """A question whose expected answer would depend on a tie or a blank."""


Row = dict[str, Value]


def is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plain(value: Value) -> Value:
    """A cell value or answer as it appears in questions.yaml."""
    if isinstance(value, Decimal):
        return to_plain(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def same_value(cell: Value, wanted: Value) -> bool:
    if isinstance(wanted, bool):  # a TRUE/FALSE cell equals only the same boolean
        return isinstance(cell, bool) and cell == wanted
    if isinstance(wanted, str):
        return isinstance(cell, str) and cell.strip().casefold() == wanted.casefold()
    number = as_number(cell)
    return number is not None and number == Decimal(str(wanted))


def compare(left: Decimal, op: str, right: Decimal) -> bool:
    if op == "gt":
        return left > right
    if op == "gte":
        return left >= right
    if op == "lt":
        return left < right
    if op == "lte":
        return left <= right
    raise ValueError(op)


def date_matches(cell: dt.date, cond: Cond) -> bool:
    if cond.op == "month":
        return bool(cell.month == cond.value)
    if cond.op == "year":
        return bool(cell.year == cond.value)
    if cond.op == "quarter":
        return bool((cell.month - 1) // 3 + 1 == cond.value)
    if cond.op == "before":
        return bool(cell < cond.value)
    if cond.op == "after":
        return bool(cell > cond.value)
    if cond.op == "date_between":
        return bool(cond.value <= cell <= cond.value2)
    raise ValueError(cond.op)


def matches(cond: Cond, row: Row) -> bool:
    """True when ``row`` satisfies ``cond``."""
    cell = row[cond.column]
    if cond.op == "blank":
        return is_blank(cell)
    if cond.op == "not_blank":
        return not is_blank(cell)
    if is_blank(cell):
        return False
    if cond.op in ("eq", "neq", "in_list"):
        wanted = cond.value if cond.op == "in_list" else (cond.value,)
        hit = any(same_value(cell, w) for w in wanted)
        return not hit if cond.op == "neq" else hit
    if cond.op in ("contains", "starts_with"):
        if not isinstance(cell, str):
            return False
        text, part = cell.casefold(), str(cond.value).casefold()
        return part in text if cond.op == "contains" else text.startswith(part)
    if cond.op in DATE_CONDS:
        return isinstance(cell, dt.date) and date_matches(cell, cond)
    number = as_number(cell)
    if cond.op in COLUMN_CONDS:
        other = as_number(row[cond.value])
        return (
            number is not None
            and other is not None
            and compare(number, COLUMN_CONDS[cond.op], other)
        )
    if number is None:
        return False
    if cond.op == "between":
        return Decimal(str(cond.value)) <= number <= Decimal(str(cond.value2))
    return compare(number, cond.op, Decimal(str(cond.value)))


def excel_serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def percentile_inc(numbers: Sequence[Decimal], p: Decimal) -> Decimal:
    """Excel PERCENTILE.INC: linear interpolation between closest ranks."""
    ordered = sorted(numbers)
    h = (len(ordered) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (h - lo) * (ordered[hi] - ordered[lo])


def group_key(value: Value) -> str:
    if isinstance(value, str):
        return value
    number = as_number(value)
    if number is not None:
        return str(to_plain(number))
    raise AmbiguousQuestionError(f"group key {value!r} has no text form")
