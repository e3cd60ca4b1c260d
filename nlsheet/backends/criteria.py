"""Conditions as Excel text: criteria pairs for the *IFS functions, or a boolean array.

:func:`ifs_criteria` gives ``range, criterion`` pairs (``Sales!$B$2:$B$201,"West"``) when every
condition fits SUMIFS/COUNTIFS; otherwise :func:`mask` gives an array expression that is 1
where a row passes (``(Sales!$B$2:$B$201="West")*(Sales!$E$2:$E$201>20)``).

Example:
    >>> ifs_criteria(Where((Condition("Region", Cmp.EQ, "West"),)), table)
    ['Sales!$B$2:$B$201', '"West"']
"""

from __future__ import annotations

import contextlib
import datetime as dt

from nlsheet.plan import Cmp, Condition, Scalar, Where
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["ifs_criteria", "literal", "mask", "text_literal"]

_OPERATORS = {Cmp.GT: ">", Cmp.GE: ">=", Cmp.LT: "<", Cmp.LE: "<=", Cmp.NE: "<>", Cmp.EQ: "="}


def text_literal(text: str) -> str:
    """A string literal for a formula, inner quotes doubled as Excel wants them."""
    return '"' + text.replace('"', '""') + '"'


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def literal(value: Scalar | None) -> str:
    """A value as formula text: a number, DATE(y,m,d), or a quoted string."""
    if isinstance(value, dt.date):
        return f"DATE({value.year},{value.month},{value.day})"
    if isinstance(value, (int, float)):
        return _number(value)
    return text_literal("" if value is None else str(value))


def _wildcards(text: str) -> str:
    return text.replace("~", "~~").replace("*", "~*").replace("?", "~?")


def _criterion(cmp: Cmp, value: Scalar | None, kind: ColumnKind) -> str | None:
    """One *IFS criterion, or None when *IFS cannot say it."""
    if cmp is Cmp.BLANK:
        return '""'
    if cmp is Cmp.NOT_BLANK:
        return '"<>"'
    if cmp in (Cmp.CONTAINS, Cmp.STARTS, Cmp.ENDS):
        text = _wildcards(str(value))
        pattern = {Cmp.CONTAINS: f"*{text}*", Cmp.STARTS: f"{text}*", Cmp.ENDS: f"*{text}"}[cmp]
        return text_literal(pattern)
    if cmp not in _OPERATORS or value is None:
        return None
    op = _OPERATORS[cmp]
    if isinstance(value, dt.date):
        return (f'"{op}"&' if op != "=" else "") + literal(value)
    if isinstance(value, (int, float)):
        return f'"{op}{_number(value)}"' if op != "=" else _number(value)
    if kind is not ColumnKind.TEXT and cmp is not Cmp.EQ and cmp is not Cmp.NE:
        return None
    text = _wildcards(str(value))
    return text_literal(text if op == "=" else f"{op}{text}")


def ifs_criteria(where: Where, table: Table) -> list[str] | None:
    """``range, criterion`` items for SUMIFS/COUNTIFS/AVERAGEIFS/MINIFS/MAXIFS, or None."""
    if where.any:
        return None
    items: list[str] = []
    for cond in where.conditions:
        column = table.column(cond.column)
        if cond.other is not None or table.values(cond.column).numbers_as_text:
            return None
        pairs: list[tuple[Cmp, Scalar | None]]
        if cond.cmp is Cmp.BETWEEN:
            pairs = [(Cmp.GE, cond.value), (Cmp.LE, cond.value2)]
        elif cond.cmp is Cmp.YEAR and column.kind is ColumnKind.DATE:
            year = int(float(str(cond.value)))
            pairs = [(Cmp.GE, dt.date(year, 1, 1)), (Cmp.LT, dt.date(year + 1, 1, 1))]
        else:
            pairs = [(cond.cmp, cond.value)]
        for cmp, value in pairs:
            criterion = _criterion(cmp, value, column.kind)
            if criterion is None:
                return None
            items.extend((column.data_range, criterion))
    return items


def _condition_mask(cond: Condition, table: Table) -> str:
    column = table.column(cond.column)
    r = column.data_range
    filled = f'({r}<>"")'
    cmp = cond.cmp
    if table.values(cond.column).numbers_as_text and cmp in _OPERATORS and cond.other is None:
        # Text cells compare as larger than any number: read them as numbers first, and let
        # cells that are no numbers fail every test.
        far = "-9E+307" if cmp in (Cmp.GT, Cmp.GE) else "9E+307"
        return f"(IFERROR(--{r},{far}){_OPERATORS[cmp]}{literal(cond.value)})*{filled}"
    if cmp is Cmp.BLANK:
        return f'({r}="")'
    if cmp is Cmp.NOT_BLANK:
        return filled
    if cond.other is not None:
        other = table.column(cond.other).data_range
        return f'({r}{_OPERATORS[cmp]}{other})*{filled}*({other}<>"")'
    if cmp is Cmp.MONTH:
        return f"(MONTH({r})={literal(cond.value)})*{filled}"
    if cmp is Cmp.QUARTER:
        return f"(ROUNDUP(MONTH({r})/3,0)={literal(cond.value)})*{filled}"
    if cmp is Cmp.YEAR:
        return f"(YEAR({r})={literal(cond.value)})*{filled}"
    if cmp is Cmp.IN:
        tests = "+".join(f"({r}={literal(v)})" for v in cond.values)
        return f"(({tests})>0)"
    if cmp is Cmp.BETWEEN:
        return f"({r}>={literal(cond.value)})*({r}<={literal(cond.value2)})*{filled}"
    if cmp is Cmp.CONTAINS:
        return f"ISNUMBER(SEARCH({literal(str(cond.value))},{r}))"
    if cmp in (Cmp.STARTS, Cmp.ENDS):
        side = "LEFT" if cmp is Cmp.STARTS else "RIGHT"
        text = str(cond.value)
        return f"({side}({r},{len(text)})={literal(text)})"
    compared: Scalar | None = cond.value
    if isinstance(compared, str) and column.kind is not ColumnKind.TEXT:
        with contextlib.suppress(ValueError):
            compared = float(compared)
    test = f"({r}{_OPERATORS[cmp]}{literal(compared)})"
    if cmp is Cmp.NE or isinstance(compared, str):
        return test
    return f"{test}*{filled}"


def mask(where: Where, table: Table) -> str:
    """An array expression, 1 (or TRUE) where a row passes; '1' when there are no conditions."""
    parts = [_condition_mask(c, table) for c in where.conditions]
    if not parts:
        return "1"
    if where.any:
        return "((" + "+".join(parts) + ")>0)"
    return "*".join(parts) if len(parts) > 1 else parts[0]
