"""Interpretation -> AddColumn: the new column's name and its arithmetic, from plain words.

"add a column Profit = sales - cost", "new column with price times qty called Total",
"add a column with sales plus 20% tax", "(this year - last year) / last year", "a column that
doubles score", "an Average column averaging test 1, test 2 and test 3".

Example:
    >>> plan_add_column(interpret("add a column Profit = sales - cost", table, ...), table)
    AddColumn(name='Profit', expression='[Sales] - [Cost]')
"""

from __future__ import annotations

import itertools
import re

from nlsheet.changes import AddColumn, Change
from nlsheet.errors import NotUnderstoodError
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.slots import find_numbers
from nlsheet.planner.change_words import NAMED, column_mentions, refuse
from nlsheet.workbook.table import Table

__all__ = ["plan_add_column"]

_OPERATORS = [
    (re.compile(r"^\s*(?:\+|(?:plus|added to|and)\b)", re.I), "+"),
    (re.compile(r"^\s*(?:[-–]|(?:minus|less|take away|subtract(?:ed)?)\b)", re.I), "-"),
    (re.compile(r"^\s*(?:[*×]|(?:x|times|multiplied by|by)\b)", re.I), "*"),
    (re.compile(r"^\s*(?:[/÷]|(?:divided by|over|per)\b)", re.I), "/"),
]
_FACTORS = (
    (re.compile(r"\b(doubl\w*|twice)\b", re.I), "* 2"),
    (re.compile(r"\b(tripl\w*)\b", re.I), "* 3"),
    (re.compile(r"\b(halv\w*|half)\b", re.I), "/ 2"),
    (re.compile(r"\b(squar\w*)\b", re.I), "^ 2"),
)
_AVERAGING = re.compile(r"\b(averag\w*|mean of)\b", re.I)
_ADDING = re.compile(r"\badd(?:s|ing)?\b", re.I)
_TAX = re.compile(
    r"\b(with|plus|including|incl\.?|add(ing)?)\b[^%]*%\s*"
    r"(tax|vat|markup|increase|more|extra|uplift)",
    re.I,
)
_DISCOUNT = re.compile(r"%\s*(discount|off|less|decrease)", re.I)

Piece = tuple[int, int, str]  # where in the command, and the token ('[Sales]', '20%', '2')


def _number_text(value: float, percent: bool) -> str:
    """A number as the expression grammar takes it: digits, a point, no exponent."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")  # '20%' is found as 20.0 with percent
    return text + ("%" if percent else "")


def _pieces(interp: Interpretation, start: int, skip: tuple[int, int] | None) -> list[Piece]:
    def outside(position: int) -> bool:
        return position >= start and not (skip is not None and skip[0] <= position < skip[1])

    pieces: list[Piece] = [
        (m.start, m.end, f"[{m.column.name}]") for m in column_mentions(interp) if outside(m.start)
    ]
    for n in find_numbers(interp.text):
        if outside(n.start) and not any(s <= n.start < e for s, e, _ in pieces):
            pieces.append((n.start, n.end, _number_text(n.value, n.percent)))
    return sorted(pieces)


def _shortcut(text: str, pieces: list[Piece]) -> str | None:
    """Whole phrasings: a factor ('doubles score'), an average of columns, a tax or discount."""
    tokens = [t for _, _, t in pieces]
    columns = [t for t in tokens if t.startswith("[")]
    if len(tokens) == 1 and columns:
        for pattern, factor in _FACTORS:
            if pattern.search(text):
                return f"{tokens[0]} {factor}"
    if _AVERAGING.search(text) and len(columns) >= 2 and len(columns) == len(tokens):
        return "(" + " + ".join(columns) + f") / {len(columns)}"
    if len(tokens) == 2 and tokens[1].endswith("%"):
        if _TAX.search(text):
            return f"{tokens[0]} * (1 + {tokens[1]})"
        if _DISCOUNT.search(text):
            return f"{tokens[0]} * (1 - {tokens[1]})"
    return None


def _operator(between: str, previous: str, token: str, text: str) -> str | None:
    words = between.replace("(", " ").replace(")", " ")
    op = next((o for pattern, o in _OPERATORS if pattern.search(words)), None)
    if op is None and "%" in previous + token and re.search(r"\b(of|on)\b", words):
        op = "*"  # '20% of sales', 'VAT at 20% on net price'
    if op is None and re.fullmatch(r"\s*(to|onto)\s*", words) and _ADDING.search(text):
        op = "+"  # 'adds shipping to subtotal'
    return op


def _expression(
    interp: Interpretation, table: Table, start: int, skip: tuple[int, int] | None
) -> str:
    """Arithmetic over [Header] references from the command's words after ``start``."""
    text = interp.text
    pieces = _pieces(interp, start, skip)
    if not pieces:
        raise refuse(interp, table, "no columns to compute the new column from", "Sales - Cost")
    shortcut = _shortcut(text, pieces)
    if shortcut is not None:
        return shortcut
    out = ["("] * text[start : pieces[0][0]].count("(") + [pieces[0][2]]
    for (_, previous_end, previous), (at, _, token) in itertools.pairwise(pieces):
        between = text[previous_end:at]
        op = _operator(between, previous, token, text)
        if op is None:
            raise refuse(
                interp,
                table,
                f"no operator between {previous} and {token}",
                "plus, minus, times, divided by",
            )
        out += [")"] * between.count(")") + [op] + ["("] * between.count("(") + [token]
    out += [")"] * text[pieces[-1][1] :].count(")")
    if out.count("(") != out.count(")"):
        out = [t for t in out if t not in "()"]  # brackets we cannot pair: leave them out
    if all("%" in t or t in "()" for t in out if not t.startswith("[")) and not any(
        t.startswith("[") for t in out
    ):
        raise refuse(interp, table, "no column to compute with", "a column")
    return " ".join(out).replace("( ", "(").replace(" )", ")")


def _name(text: str, equals: int) -> tuple[str, tuple[int, int] | None]:
    """The new column's name, and where it is written (not part of the arithmetic)."""
    named = NAMED.search(text)
    if named:
        return named.group(1).strip(), named.span()
    if equals > 0:
        before = re.sub(
            r"^\s*(please\s+)?(add|insert|create|make|new)\b.*?\bcolumn\b",
            "",
            text[:equals],
            flags=re.I,
        )
        if before.strip(" :\"'"):
            return before.strip(" :\"'"), None
    called = re.search(
        r"\b(?:add|insert|create|make)\s+(?:a|an|the)?\s*(?:new\s+)?([A-Z][\w ]*?)\s+column\b",
        text,
    ) or re.search(r"\bcolumn\s+([A-Z][\w-]*)\b", text)  # 'add a column Total with ...'
    if called:
        return called.group(1).strip(), called.span(1)
    return "", None


def plan_add_column(interp: Interpretation, table: Table) -> Change:
    """The computed column a command asks for.

    Raises:
        NotUnderstoodError: If no arithmetic can be read, or the name is taken.
    """
    text = interp.text
    equals = text.find("=")
    name, skip = _name(text, equals)
    expression = _expression(interp, table, equals + 1 if equals > 0 else 0, skip)
    taken = {c.name.casefold() for c in table.columns}
    if not name:
        name = re.sub(r"[\[\]]", "", expression)[:40]
        base, n = name, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
    if name.casefold() in taken:
        raise NotUnderstoodError(
            f"there is already a column {name!r}; name the new column differently",
            expected="a new column name",
            found=name,
            where=interp.text,
        )
    return AddColumn(name, expression)
