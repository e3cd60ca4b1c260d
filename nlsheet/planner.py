"""Interpretation -> Plan: one builder per intent, checking that the columns fit the operation.

Example:
    >>> build(interpret("average of sales", table, model, settings), table)
    Plan(sheet='Sales', op=Aggregate(func=<AggFunc.AVERAGE: 'average'>, column='Sales'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process

from nlsheet.errors import ColumnTypeError, NotUnderstoodError, UnknownColumnError
from nlsheet.nlu.context import ColumnMatch, letters_outside
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.text import header_words, normalize_word
from nlsheet.plan import AggFunc, Aggregate, Plan
from nlsheet.result import Clarification, Option, json_value
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["AGG_PHRASES", "Built", "build"]

AGG_PHRASES = {
    AggFunc.SUM: "total",
    AggFunc.AVERAGE: "average",
    AggFunc.COUNT: "count",
    AggFunc.MIN: "minimum",
    AggFunc.MAX: "maximum",
    AggFunc.MEDIAN: "median",
}
_QUANTITY_QUESTION = re.compile(r"\b(how\s+many|how\s+much|number\s+of|amount\s+of)\s*$", re.I)
# Words that narrow or split the rows: an aggregate over all rows would silently ignore them.
_QUALIFIER = re.compile(
    r"\b(where|whose|which|that|by|per|each|if|when|between|greater|less|more\s+than|"
    r"fewer\s+than|over|under|above|below|at\s+least|at\s+most|excluding|except|without|"
    r"only|not|in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"in\s+(?:19|20)\d\d|in\s+q[1-4]|last|this\s+(?:year|month|quarter|week)|"
    r"for\s+(?!all\b|every\b|the\s+(?:whole|entire)\b))\b|[<>=]",
    re.I,
)


@dataclass(frozen=True)
class Built:
    """A plan with the column mentions it rests on and notes on choices made."""

    plan: Plan
    columns: tuple[ColumnMatch, ...]
    notes: tuple[str, ...] = ()


def _numeric_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]


def _unknown_column(interp: Interpretation, table: Table) -> UnknownColumnError:
    word = " ".join(interp.leftover)
    names = [c.name for c in table.columns]
    close = [m[0] for m in process.extract(word, names, limit=3, score_cutoff=70)]
    hint = f"; did you mean {close[0]!r}?" if close else f"; its headers are {', '.join(names)}"
    return UnknownColumnError(
        f"no column {word!r} in {table.header_ref}{hint}",
        expected="a header of " + table.header_ref,
        found=word,
        where=f"the word {word!r} in the command",
        candidates=close or names,
    )


def _ask_which_column(
    func: AggFunc, choices: list[Column], why: str, table: Table
) -> Clarification:
    phrase = AGG_PHRASES[func]
    options = []
    for column in choices:
        words = header_words(column.name)
        twins = [c for c in table.columns if c is not column and header_words(c.name) == words]
        # A command by name would meet the same ambiguity again; the letter cannot.
        target = f"column {column.letter}" if twins else column.name
        label = f"{phrase} of {column.name}" + (f" (column {column.letter})" if twins else "")
        options.append(Option(label, f"{phrase} of {target}"))
    return Clarification(
        question=f"{why} Which column do you want the {phrase} of: "
        + ", ".join(c.name for c in choices)
        + "?",
        options=tuple(options),
    )


def build(interp: Interpretation, table: Table) -> Built | Clarification:
    """Build the plan for an interpretation, or the question to ask when a column is unclear.

    Raises:
        UnknownColumnError: If the command names a column the table does not have.
        ColumnTypeError: If the column's values do not fit the operation.
        NotUnderstoodError: If the intent has no operation.
    """
    try:
        func = AggFunc(interp.intent)
    except ValueError as exc:
        raise NotUnderstoodError(
            f"understood {interp.intent!r}, which nlsheet cannot do yet",
            expected=", ".join(f.value for f in AggFunc),
            found=interp.intent,
            where=interp.text,
        ) from exc
    outside = letters_outside(interp.text, table)
    if outside and not interp.columns:
        first, last = table.columns[0].letter, table.columns[-1].letter
        raise UnknownColumnError(
            f"column {outside[0]} is outside the table {table.header_ref} "
            f"(columns {first} to {last})",
            expected=f"a column from {first} to {last}",
            found=outside[0],
            where=f"column {outside[0]} in the command",
            candidates=[f"column {c.letter} ({c.name})" for c in table.columns],
        )
    if interp.ambiguous:
        best = interp.columns[0] if interp.columns else interp.ambiguous[0]
        rivals = [best.column, *(m.column for m in interp.ambiguous if m.column != best.column)]
        why = f"'{best.words}' fits more than one column."
        return _ask_which_column(func, rivals, why, table)
    notes: list[str] = []
    if not interp.columns:
        if func is AggFunc.COUNT:
            _refuse_qualifiers(interp, table, None, func)
            if interp.leftover:
                notes.append(
                    f"counted the table's rows ({' '.join(interp.leftover)!r} names no column; "
                    "name a column to count its values)"
                )
            return Built(Plan(table.sheet, Aggregate(func, None)), (), tuple(notes))
        if interp.leftover:
            raise _unknown_column(interp, table)
        numeric = _numeric_columns(table)
        if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
            numeric += [c for c in table.columns if c.kind is ColumnKind.DATE]
        if len(numeric) == 1:
            column = numeric[0]
            notes.append(f"no column named; used the only numeric column, {column.name}")
            implied = ColumnMatch(column, "", 0, 0, 1.0, "implied")
            return Built(Plan(table.sheet, Aggregate(func, column.name)), (implied,), tuple(notes))
        if not numeric:
            raise ColumnTypeError(
                f"the {AGG_PHRASES[func]} needs a column of numbers, and {table.header_ref} has "
                "none",
                expected="a column of numbers",
                found="only text columns",
                where=table.header_ref,
            )
        return _ask_which_column(func, numeric, "No column was named.", table)
    match = interp.columns[0]
    column = match.column
    _refuse_qualifiers(interp, table, match, func)
    if (
        func is AggFunc.COUNT
        and column.kind is ColumnKind.NUMBER
        and not column.is_id
        and _QUANTITY_QUESTION.search(interp.text[: match.start])
    ):
        func = AggFunc.SUM
        notes.append(f"read '{interp.text[: match.end].strip()}' as the total of {column.name}")
    _check_kind(func, column, table)
    return Built(Plan(table.sheet, Aggregate(func, column.name)), (match,), tuple(notes))


def _refuse_qualifiers(
    interp: Interpretation, table: Table, used: ColumnMatch | None, func: AggFunc
) -> None:
    """Refuse a command whose conditions or grouping this operation would silently ignore."""
    text = interp.text
    spans = [(m.start, m.end) for m in interp.columns]
    found: list[str] = []
    for m in _QUALIFIER.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            found.append(m.group().strip())
    others = [m for m in interp.columns if m is not used]
    found.extend(f"{m.words!r} ({m.column.header_cell})" for m in others)
    values = _mentioned_values(interp, table)
    found.extend(f"{v!r} (a value of {c})" for v, c in values)
    valued = {v for v, _ in values}
    counted = _counted_noun(interp) if used is None else None
    unknown = [w for w in interp.leftover if w not in valued and w != counted]
    if unknown and not found:
        names = [c.name for c in table.columns]
        close = [m[0] for m in process.extract(" ".join(unknown), names, limit=3, score_cutoff=70)]
        raise NotUnderstoodError(
            f"did not understand {' '.join(unknown)!r} in {text!r}: it is neither a header of "
            f"{table.header_ref} nor a word nlsheet knows"
            + (f"; did you mean {close[0]!r}?" if close else ""),
            expected="headers of " + table.header_ref + " and command words",
            found=" ".join(unknown),
            where=f"the word(s) {' '.join(unknown)!r} in the command",
            candidates=close,
        )
    found.extend(repr(w) for w in unknown)
    if not found:
        return
    instead = f"{AGG_PHRASES[func]} of {used.column.name}" if used else "how many rows"
    raise NotUnderstoodError(
        f"{text!r} narrows or groups the rows ({', '.join(found)}), and conditions and grouping "
        f"are not supported yet; nlsheet will not answer by ignoring them. "
        f"For all rows, ask '{instead}'.",
        expected=f"'{instead}' over all rows",
        found=", ".join(found),
        where=text,
        candidates=[instead],
    )


def _counted_noun(interp: Interpretation) -> str | None:
    """The noun a row count counts ('orders' in 'how many orders'), if it names no column."""
    match = re.search(
        r"\b(?:how\s+many|number\s+of|count\s+(?:of\s+)?(?:the\s+)?)\s*(\w+)", interp.text, re.I
    )
    if match is None:
        return None
    word = normalize_word(match.group(1))
    return word if word in interp.leftover else None


def _mentioned_values(interp: Interpretation, table: Table) -> list[tuple[str, str]]:
    if not interp.leftover:
        return []
    found: list[tuple[str, str]] = []
    for column in table.columns:
        if column.kind is not ColumnKind.TEXT:
            continue
        words = table.text_words(column.name)
        found.extend((w, column.name) for w in interp.leftover if w in words)
    return found


def _check_kind(func: AggFunc, column: Column, table: Table) -> None:
    if not func.needs_numbers:
        return
    allowed = {ColumnKind.NUMBER}
    if func in (AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN):
        allowed.add(ColumnKind.DATE)
    if column.kind in allowed:
        return
    sample = next((v for v in table.values(column.name).series.dropna().head(1).tolist()), None)
    numeric = [c.name for c in _numeric_columns(table)]
    shown = json_value(sample)
    found = f"{column.kind.value} such as {shown!r}" if sample is not None else column.kind.value
    raise ColumnTypeError(
        f"the {AGG_PHRASES[func]} needs numbers, but {column.name} ({column.data_range}) holds "
        f"{found}; numeric columns: {', '.join(numeric) or 'none'}",
        expected="a column of numbers",
        found=found,
        where=column.header_cell,
        candidates=numeric,
    )
