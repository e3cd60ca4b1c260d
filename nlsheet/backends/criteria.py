"""Conditions as Excel text: *IFS criteria, an array mask, or a conditional format's rule.

Each renders the tests of :mod:`nlsheet.backends.conditions`, whose meaning is defined there.
:func:`ifs_criteria` gives ``range, criterion`` pairs (``Sales!$B$2:$B$201,"West"``) when every
test fits SUMIFS/COUNTIFS exactly, else None. :func:`mask` gives an array expression that is 1
where a row passes (``(Sales!$B$2:$B$201="West")*(Sales!$E$2:$E$201>20)``), and :func:`rule` the
same tests on one row's cells for a conditional format (``AND($B2="West",$E2>20)``); the two
differ only in the :class:`Style` table below.

Example:
    >>> ifs_criteria(Where((Condition("Region", Cmp.EQ, "West"),)), table)
    ['Sales!$B$2:$B$201', '"West"']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import assert_never

from nlsheet import refs
from nlsheet.backends.conditions import (
    AllOf,
    AnyOf,
    Blank,
    Compare,
    DatePart,
    Facts,
    Op,
    Test,
    TextIs,
    TextMatch,
    Versus,
    excel_serial,
    facts,
    lower,
)
from nlsheet.plan import Scalar, Where
from nlsheet.workbook.table import ColumnKind, Table

__all__ = [
    "ARRAY",
    "RULE",
    "Style",
    "expression",
    "ifs_criteria",
    "literal",
    "mask",
    "rule",
    "text_literal",
]

# What a cell that fails to read as a number reads as instead, so that it fails the comparison.
_FAR = {Op.GT: "-9E+307", Op.GE: "-9E+307", Op.LT: "9E+307", Op.LE: "9E+307"}
_OPERATOR_START = ("=", "<", ">")
_TRUTHS = ("TRUE", "FALSE")


def text_literal(text: str) -> str:
    """A string literal for a formula, inner quotes doubled as Excel wants them."""
    return '"' + text.replace('"', '""') + '"'


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def literal(value: Scalar | dt.datetime | None) -> str:
    """A value as formula text: a number, DATE(y,m,d) (+TIME for a time of day), or a string."""
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        day, t = value.date(), value.time()
        return f"({literal(day)}+TIME({t.hour},{t.minute},{t.second}))"
    if isinstance(value, dt.date):
        return f"DATE({value.year},{value.month},{value.day})"
    if isinstance(value, (int, float)):
        return _number(value)
    return text_literal("" if value is None else str(value))


def _wildcards(text: str) -> str:
    """Text whose ``* ? ~`` SEARCH and the *IFS criteria read as themselves."""
    return text.replace("~", "~~").replace("*", "~*").replace("?", "~?")


# --- the two Excel expression styles -----------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How an Excel expression writes tests: the only differences between an array mask over
    a column's range and a conditional format's rule on one row's cells.

    Attributes:
        ref: The reference to a column's cells.
        atom: One comparison as a term.
        both: Terms that must all hold.
        either: Terms of which one must hold.
    """

    ref: Callable[[Table, str], str]
    atom: Callable[[str], str]
    both: Callable[[list[str]], str]
    either: Callable[[list[str]], str]


def _row_ref(table: Table, name: str) -> str:
    """The column's cell in the table's first data row, column absolute, row relative."""
    return f"${refs.column_letter(table.column(name).column)}{table.first_row}"


def _all(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "AND(" + ",".join(parts) + ")"


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "OR(" + ",".join(parts) + ")"


ARRAY = Style(
    ref=lambda table, name: table.column(name).data_range,
    atom=lambda text: f"({text})",
    both="*".join,
    either=lambda parts: parts[0] if len(parts) == 1 else "((" + "+".join(parts) + ")>0)",
)
RULE = Style(ref=_row_ref, atom=lambda text: text, both=_all, either=_any)


def _blank_reads(op: Op, value: float) -> bool:
    """What ``blank op value`` gives in Excel, where a blank cell reads as 0."""
    return op.holds(0.0, value)


def _guard_blank(term: str, ref: str, reads: bool, wanted: bool, style: Style) -> str:
    """Make a blank cell give ``wanted`` where Excel would give ``reads``."""
    if reads == wanted:
        return term
    if wanted:
        return style.either([term, style.atom(f'{ref}=""')])
    return style.both([term, style.atom(f'{ref}<>""')])


def _compare(test: Compare, table: Table, style: Style) -> str:
    ref = style.ref(table, test.column)
    seen = facts(table, test.column)
    value = test.value
    serial = excel_serial(value) if isinstance(value, dt.datetime) else value
    whole_day = isinstance(value, dt.datetime) and seen.times
    cells = ref
    if seen.number_text or (seen.text and (test.op in _FAR or whole_day)):
        # Text reads as its number; other text (larger than any number to Excel) as one that
        # fails the comparison.
        cells = f"IFERROR(--{ref},{_FAR.get(test.op, '9E+307')})"
    if whole_day:
        cells = f"INT({cells})"  # the day, whatever the time
    term = style.atom(f"{cells}{test.op}{literal(value)}")
    return _guard_blank(term, ref, _blank_reads(test.op, serial), test.op is Op.NE, style)


def _text_is(test: TextIs, table: Table, style: Style) -> str:
    ref = style.ref(table, test.column)
    column = table.column(test.column)
    op = Op.NE if test.negate else Op.EQ
    word = test.text.upper()
    if column.kind is ColumnKind.BOOL and word in ("TRUE", "FALSE"):
        # A blank cell equals FALSE in Excel.
        term = style.atom(f"{ref}{op}{word}")
        return _guard_blank(term, ref, op.holds(0.0, float(word == "TRUE")), test.negate, style)
    cells = ref
    if facts(table, test.column).numbers and any(c.isdigit() for c in test.text):
        cells = f'{ref}&""'  # a number cell equals text only as its text
    return style.atom(f"{cells}{op}{text_literal(test.text)}")


def _text_match(test: TextMatch, table: Table, style: Style) -> str:
    ref = style.ref(table, test.column)
    if test.how == "contains":
        return f"ISNUMBER(SEARCH({text_literal(_wildcards(test.text))},{ref}))"
    side = "LEFT" if test.how == "starts" else "RIGHT"
    return style.atom(f"{side}({ref},{len(test.text)})={text_literal(test.text)}")


def _date_part(test: DatePart, table: Table, style: Style) -> str:
    ref = style.ref(table, test.column)
    month = f"MONTH({ref})"
    part = {
        "month": month,
        "quarter": f"ROUNDUP({month}/3,0)",
        "year": f"YEAR({ref})",
    }[test.part]
    if facts(table, test.column).text:
        part = f"IFERROR({part},0)"
    # A blank reads as day 0, whose month and year differ between Excel and LibreOffice.
    return style.both([style.atom(f"{part}={test.number}"), style.atom(f'{ref}<>""')])


def _versus(test: Versus, table: Table, style: Style) -> str:
    refs_ = [style.ref(table, name) for name in (test.column, test.other)]
    texty = [facts(table, name).text for name in (test.column, test.other)]
    sides = [f"--{ref}" if text else ref for ref, text in zip(refs_, texty, strict=True)]
    term = style.atom(f"{sides[0]}{test.op}{sides[1]}")
    if any(texty):
        # Text that is no number fails (its error); text that is one reads as it.
        term = f"IFERROR({term},FALSE)"
    return style.both([term, *(style.atom(f'{ref}<>""') for ref in refs_)])


def _expression(test: Test, table: Table, style: Style) -> str:
    match test:
        case Blank():
            ref = style.ref(table, test.column)
            return style.atom(f"LEN(TRIM({ref})){'=' if test.blank else '>'}0")
        case Compare():
            return _compare(test, table, style)
        case TextIs():
            return _text_is(test, table, style)
        case TextMatch():
            return _text_match(test, table, style)
        case DatePart():
            return _date_part(test, table, style)
        case Versus():
            return _versus(test, table, style)
        case AnyOf():
            return style.either([_expression(t, table, style) for t in test.tests])
        case AllOf():
            return style.both([_expression(t, table, style) for t in test.tests])
        case _:
            assert_never(test)


def expression(where: Where, table: Table, style: Style) -> str:
    """The conditions as one Excel expression in ``style``; '1' when there are none.

    Raises:
        ColumnTypeError: If a condition's value does not fit its column.
    """
    parts = [_expression(lower(c, table), table, style) for c in where.conditions]
    if not parts:
        return "1"
    return style.either(parts) if where.any else style.both(parts)


def mask(where: Where, table: Table) -> str:
    """An array expression, 1 (or TRUE) where a row passes; '1' when there are no conditions."""
    return expression(where, table, ARRAY)


def rule(where: Where, table: Table) -> str:
    """A conditional format's formula: TRUE on the rows (from the first data row) that pass."""
    return expression(where, table, RULE)


# --- *IFS criteria -----------------------------------------------------------------------------


def _criteria(test: Test, table: Table) -> list[str] | None:
    """The criteria of one test, or None when COUNTIFS would read it differently."""
    if isinstance(test, AllOf):
        items: list[str] = []
        for part in test.tests:
            more = _criteria(part, table)
            if more is None:
                return None
            items.extend(more)
        return items
    if isinstance(test, (AnyOf, Versus)):
        return None
    column = table.column(test.column)
    criterion = _criterion(test, column.kind, facts(table, test.column))
    if criterion is None:
        return None
    return [item for c in criterion for item in (column.data_range, c)]


def _criterion(test: Test, kind: ColumnKind, seen: Facts) -> list[str] | None:
    match test:
        case Blank():
            # COUNTIFS's "" and "<>" take a cell of spaces for text.
            return None if seen.spaces else (['""'] if test.blank else ['"<>"'])
        case Compare():
            value = test.value
            if seen.number_text:
                return None  # COUNTIFS does not read text as numbers or dates
            if isinstance(value, dt.datetime):
                return _day_criteria(test.op, value, seen.times)
            if kind is not ColumnKind.NUMBER:
                return None
            return [_number(value) if test.op is Op.EQ else f'"{test.op}{_number(value)}"']
        case TextIs():
            # COUNTIFS reads a criterion that looks like a number, date or TRUE as one.
            digits = any(c.isdigit() for c in test.text)
            if digits and (seen.numbers or seen.number_text):
                return None
            if kind is ColumnKind.BOOL or (seen.numbers and test.text.upper() in _TRUTHS):
                return None
            escaped = _wildcards(test.text)
            if test.negate:
                if escaped.startswith(_OPERATOR_START):
                    return None
                return [text_literal("<>" + escaped)]
            prefix = "=" if escaped.startswith(_OPERATOR_START) or not escaped else ""
            return [text_literal(prefix + escaped)]
        case TextMatch():
            if seen.numbers:
                return None  # wildcards match no number in Excel, its text in LibreOffice
            escaped = _wildcards(test.text)
            pattern = {"contains": f"*{escaped}*", "starts": f"{escaped}*", "ends": f"*{escaped}"}
            return [text_literal(pattern[test.how])]
        case DatePart():
            if test.part != "year" or kind is not ColumnKind.DATE or seen.text:
                return None
            first, after = dt.date(test.number, 1, 1), dt.date(test.number + 1, 1, 1)
            return [f'">="&{literal(first)}', f'"<"&{literal(after)}']
        case AnyOf() | AllOf() | Versus():
            return None
        case _:
            assert_never(test)


def _day_criteria(op: Op, day: dt.datetime, times: bool) -> list[str] | None:
    """Criteria for a day: with times of day about, a day runs up to the next midnight."""
    if not times or op in (Op.GE, Op.LT):
        return [literal(day) if op is Op.EQ else f'"{op}"&{literal(day)}']
    later = literal(day + dt.timedelta(days=1))
    if op is Op.EQ:
        return [f'">="&{literal(day)}', f'"<"&{later}']
    if op is Op.NE:
        return None  # outside the day is two ranges, which criteria cannot join by 'or'
    return [f'">="&{later}'] if op is Op.GT else [f'"<"&{later}']


def ifs_criteria(where: Where, table: Table) -> list[str] | None:
    """``range, criterion`` items for SUMIFS/COUNTIFS/AVERAGEIFS/MINIFS/MAXIFS, or None.

    None when the conditions are joined by 'or', or one of them has no criterion that COUNTIFS
    reads exactly as :mod:`nlsheet.backends.conditions` defines it.
    """
    if where.any:
        return None
    items: list[str] = []
    for condition in where.conditions:
        more = _criteria(lower(condition, table), table)
        if more is None:
            return None
        items.extend(more)
    return items
