"""Interpretation -> Change: one builder per intent that changes the workbook.

The classifier has said what to do ("sort", "highlight" ...); these builders read the rest from
the command's slots (columns, conditions, N) and a few words of their own (directions, colours,
number styles, chart kinds, new names).

Example:
    >>> build_change(interpret("sort by region then sales descending", table, ...), table)
    Sort(keys=(SortKey('Region'), SortKey('Sales', descending=True)))
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlsheet.changes import (
    AddTotalRow,
    Autofit,
    Change,
    ColorScale,
    DataBars,
    ExtractRows,
    FillBlanks,
    Filter,
    FreezeHeader,
    Highlight,
    NumberFormat,
    RemoveDuplicates,
    RenameColumn,
    Sort,
    SortKey,
    StyleHeader,
)
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.slots import find_numbers
from nlsheet.plan import AggFunc, Cmp, Condition, Where
from nlsheet.planner.change_words import (
    COLOR_WORD,
    NAMED,
    QUOTED,
    color_named,
    column_mentions,
    first_column,
    refuse,
)
from nlsheet.planner.computed import plan_add_column
from nlsheet.planner.summaries import plan_chart, plan_dashboard, plan_pivot
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["EDIT_INTENTS", "build_change"]

_DESCENDING = re.compile(
    r"\b(desc|descending|decreasing|reverse|high(est)?\s+(to|-)\s+low(est)?|largest\s+first|"
    r"biggest\s+first|highest\s+first|most\s+first|newest\s+first|latest\s+first|"
    r"most\s+recent\s+first|z\s*(to|-)\s*a|big\s+to\s+small|large\s+to\s+small|"
    r"top\s+down|down)\b",
    re.I,
)
_ASCENDING = re.compile(
    r"\b(asc|ascending|increasing|low(est)?\s+(to|-)\s+high(est)?|smallest\s+first|"
    r"oldest\s+first|earliest\s+first|a\s*(to|-)\s*z|alphabetic\w*|alphabetis\w*|alphabetiz\w*)\b",
    re.I,
)


def _sort(interp: Interpretation, table: Table) -> Change:
    mentions = column_mentions(interp)
    if not mentions:
        raise refuse(interp, table, "no column to sort by", "sort by <column>")
    keys = []
    for i, m in enumerate(mentions):
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(interp.text)
        after = interp.text[m.end : end]
        before = interp.text[: m.start] if i == 0 else ""
        descending = bool(_DESCENDING.search(after) or _DESCENDING.search(before))
        if _ASCENDING.search(after):
            descending = False
        keys.append(SortKey(m.column.name, descending))
    return Sort(tuple(dict.fromkeys(keys)))


def _filter(interp: Interpretation, table: Table) -> Change:
    return Filter(interp.frame.where)


def _extract(interp: Interpretation, table: Table) -> Change:
    where = interp.frame.where
    if not where:
        raise refuse(interp, table, "no condition saying which rows to copy", "a condition")
    named = NAMED.search(interp.text)
    if named:
        name = named.group(1).strip()
    else:
        values = [str(c.value) for c in where.conditions if c.cmp is Cmp.EQ and c.value is not None]
        name = " ".join(values)[:31] or "Filtered rows"
    return ExtractRows(where, name)


def _number_format(interp: Interpretation, table: Table) -> Change:
    text = interp.text.lower()
    decimals = re.search(r"(\d+|one|two|three|no|zero)\s+decimal", text) or re.search(
        r"\b(no)\b.*\bdecimals?\b|\b(?:remove|drop|without|round off)\b.*\bdecimals?\b", text
    )
    places = None
    if decimals:
        word = decimals.group(1) or "no"
        words = {"one": 1, "two": 2, "three": 3, "no": 0, "zero": 0}
        places = words[word] if word in words else int(word) if word.isdigit() else 2
    style: str
    if re.search(r"\bnegative\b.*\bred\b|\bred\b.*\bnegative\b", text):
        style = "negative_red"  # Excel's own format: negative numbers in red, with a minus
    elif re.search(r"%|percent|percentage|pct", text):
        style = "percent"
    elif re.search(r"[$£€¥]|currency|money|dollar|euro|pound|usd|gbp|eur|yen|jpy|accounting", text):
        style = "currency"
    elif re.search(
        r"\bdates?\b|\b[dmy]{1,4}[-/. ][dmy]{1,4}|\byyyy\b|\biso\b|\bdays?\b|month name", text
    ) and not re.search(r"thousand|comma", text):
        style = "date"
    elif re.search(r"thousand|comma|separator|1,000", text):
        style = "thousands"
    elif places is not None:
        style = "decimal"
    else:
        raise refuse(
            interp,
            table,
            "no number format named",
            "currency, percent, thousands, decimals or date",
        )
    symbols = (("£", r"£|pound|gbp"), ("€", r"€|euro|eur"), ("¥", r"¥|yen|jpy"))
    symbol = next((sign for sign, words in symbols if re.search(words, text)), "$")
    columns = [m.column.name for m in column_mentions(interp)]
    if not columns:
        wanted = ColumnKind.DATE if style == "date" else ColumnKind.NUMBER
        columns = [c.name for c in table.columns if c.kind is wanted and not c.is_id]
    if not columns:
        raise refuse(interp, table, "no column to format", "a column to format")
    written = re.search(r"\b([dmy]{1,4}([-/. ][dmy]{1,4}){2})\b", text)
    pattern = written.group(1) if written and style == "date" else None
    return NumberFormat(
        tuple(dict.fromkeys(columns)),
        style,  # type: ignore[arg-type]
        places,
        symbol,
        pattern,
    )


def _style_header(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    fill = color_named(text, "") or None
    if re.search(r"\b(fill|shade|background|colou?r)\b", text, re.I) and fill is None:
        fill = "D9D9D9"
    white = re.search(r"\bwhite\s+(text|font|letters)\b", text, re.I)
    bold = not re.search(r"\b(not bold|unbold|no bold)\b", text, re.I)
    return StyleHeader(bold, fill, "FFFFFF" if white else None)


def _autofit(interp: Interpretation, table: Table) -> Change:
    return Autofit(tuple(m.column.name for m in column_mentions(interp)))


def _freeze(interp: Interpretation, table: Table) -> Change:
    return FreezeHeader()


def _highlight(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    frame = interp.frame
    whole_row = bool(re.search(r"\b(rows?|lines?|records?|entries|entire|whole)\b", text, re.I))
    color = color_named(text, "FFC7CE")
    rule: str | None = None
    if re.search(r"\bduplicat\w*|\brepeat\w*|\bdupes?\b", text, re.I):
        rule = "duplicates"
    elif re.search(r"\bunique\b", text, re.I):
        rule = "unique"
    elif re.search(r"\b(blanks?|empty|empties|missing)\b", text, re.I):
        rule = "blanks"
    elif re.search(r"\babove\s+(the\s+)?(average|mean)\b", text, re.I):
        rule = "above_average"
    elif re.search(r"\bbelow\s+(the\s+)?(average|mean)\b", text, re.I):
        rule = "below_average"
    elif frame.n is not None and re.search(
        r"\b(top|highest|largest|biggest|best|most)\b", text, re.I
    ):
        rule = "top"
    elif frame.n is not None and re.search(
        r"\b(bottom|lowest|smallest|worst|least|fewest)\b", text, re.I
    ):
        rule = "bottom"
    sign = re.search(r"\b(positive|negative|below zero|above zero|in the red)\b", text, re.I)
    if rule is None and not frame.where and sign is not None:
        # 'turn Profit green when it's positive', 'show negative balances in red'
        numeric = [m.column for m in column_mentions(interp) if m.column.kind is ColumnKind.NUMBER]
        if numeric:
            below = sign.group(1).lower() in ("negative", "below zero", "in the red")
            test = Condition(numeric[0].name, Cmp.LT if below else Cmp.GT, 0.0)
            return Highlight("compare", numeric[0].name, Where((test,)), None, whole_row, color)
    if rule is None:
        if not frame.where:
            raise refuse(
                interp,
                table,
                "no rule saying what to highlight",
                "a condition (over 1000), top N, duplicates, blanks or above average",
            )
        column = frame.where.conditions[0].column
        return Highlight("compare", column, frame.where, None, whole_row, color)
    target = frame.free[0].column if frame.free else first_column(interp, table, what="highlight")
    if (
        rule in ("top", "bottom", "above_average", "below_average")
        and target.kind is not ColumnKind.NUMBER
    ):
        numeric = [m.column for m in column_mentions(interp) if m.column.kind is ColumnKind.NUMBER]
        if not numeric:
            raise refuse(
                interp, table, f"{rule.replace('_', ' ')} needs a numeric column", "numbers"
            )
        target = numeric[0]
    default = "C6EFCE" if rule in ("top", "above_average") else color
    return Highlight(
        rule,  # type: ignore[arg-type]
        target.name,
        frame.where,
        frame.n,
        whole_row and rule not in ("duplicates", "unique", "blanks"),
        color if COLOR_WORD.search(text) else default,
    )


def _color_scale(interp: Interpretation, table: Table) -> Change:
    column = first_column(interp, table, ColumnKind.NUMBER, ColumnKind.DATE, what="colour")
    reverse = bool(
        re.search(r"green\s+(to|-)\s+red|reverse|low(er)?\s+is\s+(good|better)", interp.text, re.I)
    )
    return ColorScale(column.name, reverse)


def _data_bars(interp: Interpretation, table: Table) -> Change:
    column = first_column(interp, table, ColumnKind.NUMBER, what="draw bars in")
    return DataBars(column.name, color_named(interp.text, "638EC6"))


_NEW_NAME = re.compile(
    r"(?:\b(?:to|as|into|with|renamed|named|called|for|say|says|read|reads)\b|->|→|:|,)"
    r"\s*[\"'“]?(?P<name>[^\"'”]+?)[\"'”]?\s*(?:\b(?:instead|please|thanks)\b)?[\s.!?]*$",
    re.I,
)


def _rename(interp: Interpretation, table: Table) -> Change:
    mentions = column_mentions(interp)
    if not mentions:
        raise refuse(interp, table, "no column to rename", "rename <column> to <name>")
    column = mentions[0]
    rest = interp.text[column.end :]
    found = _NEW_NAME.search(rest)
    if found is None and re.match(r"^\s*(?:please\s+)?(?:call|name|rename)\b", interp.text, re.I):
        # 'call amt Amount instead': the new name follows the column directly
        found = re.match(
            r"\s*(?P<name>[^,.!?]+?)\s*(?:\b(?:instead|please|thanks)\b)?[\s.!?]*$", rest, re.I
        )
    new = found.group("name").strip() if found is not None else ""
    if not new or new.casefold() in ("instead", "please", "thanks"):
        raise refuse(interp, table, "no new name", "rename <column> to <new name>")
    return RenameColumn(column.column.name, new)


def _dedupe(interp: Interpretation, table: Table) -> Change:
    return RemoveDuplicates(tuple(dict.fromkeys(m.column.name for m in column_mentions(interp))))


def _fill(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    columns = tuple(dict.fromkeys(m.column.name for m in column_mentions(interp)))
    if not columns:
        columns = tuple(c.name for c in table.columns)
    if re.search(r"\b(down|above|previous|prior|last known|forward)\b", text, re.I):
        return FillBlanks(columns, None, True)
    quoted = QUOTED.search(text)
    value: str | float | None = None
    if quoted:
        value = quoted.group(1)
    elif re.search(r"\b(zero|zeros|zeroes|0)\b", text, re.I):
        value = 0.0
    else:
        # 'fill blanks in region with Unknown', 'put N/A in the empty cells of phone',
        # 'wherever grade is blank, put Incomplete'
        found = re.search(
            r"\b(?:with|as|to|using)\s+(?:an?\s+|the\s+(?:word|text)\s+)?"
            r"(?P<v>[\w/.-]+(?:\s[\w/.-]+)?)\s*[.!?]?\s*$",
            text,
            re.I,
        ) or re.search(
            r"\b(?:put|write|enter|insert|use)\s+(?:an?\s+|the\s+(?:word|text)\s+)?"
            r"(?P<v>[\w/.-]+(?:\s[\w/.-]+)?)\s*(?:\b(?:in|into)\b.*)?[.!?]?\s*$",
            text,
            re.I,
        )
        if found is None:
            raise refuse(
                interp, table, "nothing to fill the blanks with", "fill blanks with <value>"
            )
        word = {"dash": "-", "hyphen": "-", "blank": "", "nothing": ""}.get(
            found.group("v").lower(), found.group("v")
        )
        numbers = find_numbers(word)
        value = numbers[0].value if numbers and numbers[0].end == len(word) else word
    return FillBlanks(columns, value, False)


def _total_row(interp: Interpretation, table: Table) -> Change:
    func = AggFunc.AVERAGE if re.search(r"\baverage|mean\b", interp.text, re.I) else AggFunc.SUM
    named = [m.column.name for m in column_mentions(interp) if m.column.kind is ColumnKind.NUMBER]
    columns = named or [
        c.name for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id
    ]
    if not columns:
        raise refuse(interp, table, "no numeric column to total", "a column of numbers")
    return AddTotalRow(tuple(dict.fromkeys(columns)), func)


_BUILDERS: dict[str, Callable[[Interpretation, Table], Change]] = {
    "sort": _sort,
    "filter": _filter,
    "extract_rows": _extract,
    "number_format": _number_format,
    "style_header": _style_header,
    "autofit": _autofit,
    "freeze_header": _freeze,
    "highlight": _highlight,
    "color_scale": _color_scale,
    "data_bars": _data_bars,
    "add_column": plan_add_column,
    "rename_column": _rename,
    "remove_duplicates": _dedupe,
    "fill_blanks": _fill,
    "add_total_row": _total_row,
    "chart": plan_chart,
    "pivot": plan_pivot,
    "dashboard": plan_dashboard,
}
EDIT_INTENTS = frozenset(_BUILDERS)


def build_change(interp: Interpretation, table: Table) -> Change:
    """The change a command asks for.

    Raises:
        NotUnderstoodError: If a part the change needs is missing (which column, what value).
    """
    return _BUILDERS[interp.intent](interp, table)
