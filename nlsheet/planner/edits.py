"""Interpretation -> Change: one builder per intent that changes the workbook.

The classifier has said what to do ("sort", "highlight" ...); these builders read the rest from
the command's slots (columns, conditions, N) and a few words of their own (directions, colours,
number styles, chart kinds, new names).

Example:
    >>> build_change(interpret("sort by region then sales descending", table, ...), table)
    Sort(keys=(SortKey('Region'), SortKey('Sales', descending=True)))
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from rapidfuzz import process

from nlsheet.changes import (
    AddColumn,
    AddTotalRow,
    Autofit,
    Change,
    Chart,
    ColorScale,
    Dashboard,
    DataBars,
    ExtractRows,
    FillBlanks,
    Filter,
    FreezeHeader,
    Highlight,
    NumberFormat,
    Pivot,
    RemoveDuplicates,
    RenameColumn,
    Sort,
    SortKey,
    StyleHeader,
)
from nlsheet.errors import NotUnderstoodError, UnknownColumnError
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.interpret import Interpretation
from nlsheet.nlu.slots import find_numbers
from nlsheet.nlu.text import STOPWORDS
from nlsheet.plan import AggFunc, Cmp
from nlsheet.workbook.table import Column, ColumnKind, Table

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
COLORS = {
    "red": "FFC7CE",
    "pink": "FFC7CE",
    "green": "C6EFCE",
    "yellow": "FFEB9C",
    "amber": "FFEB9C",
    "orange": "F8CBAD",
    "blue": "BDD7EE",
    "grey": "D9D9D9",
    "gray": "D9D9D9",
    "purple": "E4DFEC",
}
_COLOR_WORD = re.compile(r"\b(" + "|".join(COLORS) + r")\b", re.I)
_NEW_SHEET = re.compile(
    r"\b(new|separate|another|own|different)\s+(sheet|tab|worksheet|page)\b", re.I
)
_NAMED = re.compile(
    r"\b(?:called|named|titled|labell?ed|name it|call it)\s+[\"']?([\w][\w .%$&/()-]*?)[\"']?\s*"
    r"(?:$|[,;:=]|\s(?:that|which|with|as|equal|equals|showing|computing|for|from)\b)",
    re.I,
)
_QUOTED = re.compile(r"[\"“']([^\"”']+)[\"”']")


def _refuse(interp: Interpretation, table: Table, what: str, expected: str) -> NotUnderstoodError:
    return NotUnderstoodError(
        f"{what} in {interp.text!r}",
        expected=expected,
        found=interp.text,
        where=interp.text,
        candidates=[c.name for c in table.columns],
    )


_BY_WORD = re.compile(
    r"\b(?:by|per|for each|for every|across|against|vs\.?|versus)\s+(?:the\s+|each\s+)?([^\s,;]+)",
    re.I,
)
_TIME_WORDS = frozenset(
    {"month", "months", "date", "day", "days", "week", "year", "quarter", "time"}
)


def _check_by_words(interp: Interpretation, table: Table, what: str) -> None:
    """Refuse 'chart amount by customer' when 'customer' names no column, rather than chart by
    another column silently.

    Raises:
        UnknownColumnError: With the closest headers as candidates.
    """
    spans = [(m.start, m.end) for m in interp.columns] + [(v.start, v.end) for v in interp.values]
    for found in _BY_WORD.finditer(interp.text):
        word = found.group(1).strip(".!?")
        start = found.start(1)
        if word.lower() in _TIME_WORDS or any(s <= start < e for s, e in spans):
            continue
        if find_numbers(word) or word.lower() in STOPWORDS:
            continue
        names = [c.name for c in table.columns]
        close = [m[0] for m in process.extract(word, names, limit=3, score_cutoff=50)]
        raise UnknownColumnError(
            f"no column {word!r} to {what} by in {table.header_ref}"
            + (
                f"; did you mean {close[0]!r}?"
                if close
                else f"; its headers are {', '.join(names)}"
            ),
            expected="a header of " + table.header_ref,
            found=word,
            where=f"the word {word!r} in the command",
            candidates=close or names,
        )


def _mentions(interp: Interpretation) -> list[ColumnMatch]:
    return sorted(interp.columns, key=lambda m: m.start)


def _first(interp: Interpretation, table: Table, *kinds: ColumnKind, what: str) -> Column:
    for m in _mentions(interp):
        if not kinds or m.column.kind in kinds:
            return m.column
    raise _refuse(interp, table, f"no column named to {what}", f"a column to {what}")


def _color(text: str, default: str) -> str:
    found = _COLOR_WORD.search(text)
    return COLORS[found.group(1).lower()] if found else default


def _sort(interp: Interpretation, table: Table) -> Change:
    mentions = _mentions(interp)
    if not mentions:
        raise _refuse(interp, table, "no column to sort by", "sort by <column>")
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
        raise _refuse(interp, table, "no condition saying which rows to copy", "a condition")
    named = _NAMED.search(interp.text)
    if named:
        name = named.group(1).strip()
    else:
        values = [str(c.value) for c in where.conditions if c.cmp is Cmp.EQ and c.value is not None]
        name = " ".join(values)[:31] or "Filtered rows"
    return ExtractRows(where, name)


def _number_format(interp: Interpretation, table: Table) -> Change:
    text = interp.text.lower()
    decimals = re.search(r"(\d+|one|two|three|no|zero)\s+decimal", text)
    places = None
    if decimals:
        word = decimals.group(1)
        places = {"one": 1, "two": 2, "three": 3, "no": 0, "zero": 0}.get(word) or int(
            word if word.isdigit() else 2
        )
    style: str
    if re.search(r"%|percent|percentage|pct", text):
        style = "percent"
    elif re.search(r"[$£€]|currency|money|dollar|euro|pound|usd|gbp|eur|accounting", text):
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
        raise _refuse(
            interp,
            table,
            "no number format named",
            "currency, percent, thousands, decimals or date",
        )
    symbol = (
        "£" if re.search(r"£|pound|gbp", text) else "€" if re.search(r"€|euro|eur", text) else "$"
    )
    columns = [m.column.name for m in _mentions(interp)]
    if not columns:
        wanted = ColumnKind.DATE if style == "date" else ColumnKind.NUMBER
        columns = [c.name for c in table.columns if c.kind is wanted and not c.is_id]
    if not columns:
        raise _refuse(interp, table, "no column to format", "a column to format")
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
    fill = _color(text, "") or None
    if re.search(r"\b(fill|shade|background|colou?r)\b", text, re.I) and fill is None:
        fill = "D9D9D9"
    white = re.search(r"\bwhite\s+(text|font|letters)\b", text, re.I)
    bold = not re.search(r"\b(not bold|unbold|no bold)\b", text, re.I)
    return StyleHeader(bold, fill, "FFFFFF" if white else None)


def _autofit(interp: Interpretation, table: Table) -> Change:
    return Autofit(tuple(m.column.name for m in _mentions(interp)))


def _freeze(interp: Interpretation, table: Table) -> Change:
    return FreezeHeader()


def _highlight(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    frame = interp.frame
    whole_row = bool(re.search(r"\b(rows?|lines?|records?|entries|entire|whole)\b", text, re.I))
    color = _color(text, "FFC7CE")
    rule: str | None = None
    if re.search(r"\bduplicat\w*|\brepeat\w*|\bdupes?\b", text, re.I):
        rule = "duplicates"
    elif re.search(r"\bunique\b", text, re.I):
        rule = "unique"
    elif re.search(r"\b(blank|empty|missing)\b", text, re.I):
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
    if rule is None:
        if not frame.where:
            raise _refuse(
                interp,
                table,
                "no rule saying what to highlight",
                "a condition (over 1000), top N, duplicates, blanks or above average",
            )
        column = frame.where.conditions[0].column
        return Highlight("compare", column, frame.where, None, whole_row, color)
    target = frame.free[0].column if frame.free else _first(interp, table, what="highlight")
    if (
        rule in ("top", "bottom", "above_average", "below_average")
        and target.kind is not ColumnKind.NUMBER
    ):
        numeric = [m.column for m in _mentions(interp) if m.column.kind is ColumnKind.NUMBER]
        if not numeric:
            raise _refuse(
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
        color if _COLOR_WORD.search(text) else default,
    )


def _color_scale(interp: Interpretation, table: Table) -> Change:
    column = _first(interp, table, ColumnKind.NUMBER, ColumnKind.DATE, what="colour")
    reverse = bool(
        re.search(r"green\s+(to|-)\s+red|reverse|low(er)?\s+is\s+(good|better)", interp.text, re.I)
    )
    return ColorScale(column.name, reverse)


def _data_bars(interp: Interpretation, table: Table) -> Change:
    column = _first(interp, table, ColumnKind.NUMBER, what="draw bars in")
    return DataBars(column.name, _color(interp.text, "638EC6"))


_OPERATORS = [
    (re.compile(r"^\s*(?:\+|(?:plus|added to|and)\b)", re.I), "+"),
    (re.compile(r"^\s*(?:[-–]|(?:minus|less|take away|subtract(?:ed)?)\b)", re.I), "-"),
    (re.compile(r"^\s*(?:[*×]|(?:x|times|multiplied by|by)\b)", re.I), "*"),
    (re.compile(r"^\s*(?:[/÷]|(?:divided by|over|per)\b)", re.I), "/"),
]


def _number_text(value: float, percent: bool) -> str:
    """A number as the expression grammar takes it: digits, a point, no exponent."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")  # '20%' is found as 20.0 with percent
    return text + ("%" if percent else "")


def _expression(interp: Interpretation, table: Table, start: int) -> str:
    """Arithmetic over [Header] references from the command's words after ``start``."""
    text = interp.text
    pieces: list[tuple[int, int, str]] = [
        (m.start, m.end, f"[{m.column.name}]") for m in _mentions(interp) if m.start >= start
    ]
    for n in find_numbers(text):
        if n.start >= start and not any(s <= n.start < e for s, e, _ in pieces):
            pieces.append((n.start, n.end, _number_text(n.value, n.percent)))
    pieces.sort()
    if not pieces:
        raise _refuse(interp, table, "no columns to compute the new column from", "Sales - Cost")
    tax = re.search(
        r"\b(with|plus|including|incl\.?|add(ing)?)\b[^%]*%\s*(tax|vat|markup|increase|more|extra|uplift)",
        text,
        re.I,
    )
    if tax and len(pieces) == 2 and pieces[1][2].endswith("%"):
        return f"{pieces[0][2]} * (1 + {pieces[1][2]})"
    if (
        re.search(r"%\s*(discount|off|less|decrease)", text, re.I)
        and len(pieces) == 2
        and pieces[1][2].endswith("%")
    ):
        return f"{pieces[0][2]} * (1 - {pieces[1][2]})"
    out = [pieces[0][2]]
    for (_, prev_end, _), (s, _, token) in itertools.pairwise(pieces):
        between = text[prev_end:s]
        op = next((o for pattern, o in _OPERATORS if pattern.search(between)), None)
        if op is None and "%" in token + out[-1] and re.search(r"\bof\b", between):
            op = "*"
        if op is None:
            raise _refuse(
                interp,
                table,
                f"no operator between {out[-1]} and {token}",
                "plus, minus, times, divided by",
            )
        out += [op, token]
    if len(out) == 1 and "%" in out[0]:
        raise _refuse(interp, table, "no column to compute with", "a column")
    return " ".join(out)


def _add_column(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    equals = text.find("=")
    name = ""
    named = _NAMED.search(text)
    if named:
        name = named.group(1).strip()
    elif equals > 0:
        before = re.sub(
            r"^\s*(please\s+)?(add|insert|create|make|new)\b.*?\bcolumn\b",
            "",
            text[:equals],
            flags=re.I,
        )
        name = before.strip(" :\"'") or ""
    if not name:
        called = re.search(
            r"\b(?:add|insert|create|make)\s+(?:a|an|the)?\s*(?:new\s+)?([A-Z][\w ]*?)\s+column\b",
            text,
        )
        name = called.group(1).strip() if called else ""
    if not name:  # 'add a column Total with price times units'
        after = re.search(r"\bcolumn\s+([A-Z][\w-]*)\b", text)
        name = after.group(1) if after else ""
    start = equals + 1 if equals > 0 else (named.end() if named else 0)
    expression = _expression(interp, table, start)
    if not name:
        name = re.sub(r"[\[\]]", "", expression)[:40]
    taken = {c.name.casefold() for c in table.columns}
    if name.casefold() in taken:
        raise NotUnderstoodError(
            f"there is already a column {name!r}; name the new column differently",
            expected="a new column name",
            found=name,
            where=interp.text,
        )
    return AddColumn(name, expression)


def _rename(interp: Interpretation, table: Table) -> Change:
    mentions = _mentions(interp)
    if not mentions:
        raise _refuse(interp, table, "no column to rename", "rename <column> to <name>")
    column = mentions[0]
    rest = interp.text[column.end :]
    found = re.search(r"\b(?:to|as|into|with)\s+[\"'“]?(.+?)[\"'”]?\s*[.!?]?\s*$", rest, re.I)
    if found is None:
        raise _refuse(interp, table, "no new name", "rename <column> to <new name>")
    new = found.group(1).strip()
    if not new:
        raise _refuse(interp, table, "no new name", "rename <column> to <new name>")
    return RenameColumn(column.column.name, new)


def _dedupe(interp: Interpretation, table: Table) -> Change:
    return RemoveDuplicates(tuple(dict.fromkeys(m.column.name for m in _mentions(interp))))


def _fill(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    columns = tuple(dict.fromkeys(m.column.name for m in _mentions(interp)))
    if not columns:
        columns = tuple(c.name for c in table.columns)
    if re.search(r"\b(down|above|previous|prior|last known|forward)\b", text, re.I):
        return FillBlanks(columns, None, True)
    quoted = _QUOTED.search(text)
    value: str | float | None = None
    if quoted:
        value = quoted.group(1)
    elif re.search(r"\b(zero|zeros|zeroes|0)\b", text, re.I):
        value = 0.0
    else:
        found = re.search(
            r"\b(?:with|as|to|using)\s+(?:an?\s+|the\s+(?:word|text)\s+)?([\w/.-]+(?:\s[\w/.-]+)?)\s*[.!?]?\s*$",
            text,
            re.I,
        )
        if found is None:
            raise _refuse(
                interp, table, "nothing to fill the blanks with", "fill blanks with <value>"
            )
        word = found.group(1)
        numbers = find_numbers(word)
        value = numbers[0].value if numbers and numbers[0].end == len(word) else word
    return FillBlanks(columns, value, False)


def _total_row(interp: Interpretation, table: Table) -> Change:
    func = AggFunc.AVERAGE if re.search(r"\baverage|mean\b", interp.text, re.I) else AggFunc.SUM
    named = [m.column.name for m in _mentions(interp) if m.column.kind is ColumnKind.NUMBER]
    columns = named or [
        c.name for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id
    ]
    if not columns:
        raise _refuse(interp, table, "no numeric column to total", "a column of numbers")
    return AddTotalRow(tuple(dict.fromkeys(columns)), func)


def _agg_word(text: str) -> AggFunc:
    if re.search(r"\b(average|avg|mean)\b", text, re.I):
        return AggFunc.AVERAGE
    if re.search(r"\b(count|how many|number of)\b", text, re.I):
        return AggFunc.COUNT
    if re.search(r"\b(max|maximum|highest)\b", text, re.I):
        return AggFunc.MAX
    if re.search(r"\b(min|minimum|lowest)\b", text, re.I):
        return AggFunc.MIN
    return AggFunc.SUM


def _chart(interp: Interpretation, table: Table) -> Change:
    text = interp.text
    _check_by_words(interp, table, "chart")
    mentions = _mentions(interp)
    numeric = [
        m.column for m in mentions if m.column.kind is ColumnKind.NUMBER and not m.column.is_id
    ]
    others = [m.column for m in mentions if m.column not in numeric]
    by = interp.frame.by.column if interp.frame.by is not None else None
    kind = next(
        (
            k
            for k in ("pie", "scatter", "line", "bar", "column")
            if re.search(rf"\b{k}\b", text, re.I)
        ),
        None,
    )
    if kind is None and re.search(r"\b(against|vs\.?|versus)\b", text, re.I) and len(numeric) >= 2:
        kind = "scatter"
    if kind == "scatter":
        if len(numeric) < 2:
            raise _refuse(interp, table, "a scatter chart needs two numeric columns", "y against x")
        return Chart(
            "scatter",
            (numeric[0].name,),
            numeric[1].name,
            AggFunc.SUM,
            bool(_NEW_SHEET.search(text)),
        )
    if by is not None and by in numeric and len(numeric) > 1:
        numeric.remove(by)
    x = by if by is not None and by not in numeric else (others[0] if others else None)
    if x is None and re.search(r"\b(over time|by (month|date|day)|monthly|trend)\b", text, re.I):
        x = next((c for c in table.columns if c.kind is ColumnKind.DATE), None)
    if not numeric:
        if x is None:
            raise _refuse(interp, table, "no column to chart", "chart <numbers> by <category>")
        return Chart(
            kind or "column",  # type: ignore[arg-type]
            ("",),
            x.name,
            AggFunc.COUNT,
            bool(_NEW_SHEET.search(text)),
        )
    if x is None:
        x = next((c for c in table.columns if c.kind is ColumnKind.TEXT and not c.is_id), None)
    if kind is None:
        kind = "line" if x is not None and x.kind is ColumnKind.DATE else "column"
    title = f"{' and '.join(c.name for c in numeric)}" + (f" by {x.name}" if x else "")
    return Chart(
        kind,  # type: ignore[arg-type]
        tuple(c.name for c in numeric),
        x.name if x is not None else None,
        _agg_word(text),
        bool(_NEW_SHEET.search(text)),
        title,
    )


def _pivot(interp: Interpretation, table: Table) -> Change:
    _check_by_words(interp, table, "summarise")
    mentions = _mentions(interp)
    numeric = [
        m.column for m in mentions if m.column.kind is ColumnKind.NUMBER and not m.column.is_id
    ]
    dims = [m.column for m in mentions if m.column not in numeric]
    by = interp.frame.by.column if interp.frame.by is not None else None
    if by is not None and by not in dims:
        dims.insert(0, by)
        if by in numeric:
            numeric.remove(by)
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    if (
        dates
        and dates[0] not in dims
        and re.search(
            r"\b(by|per|and|across)\s+(the\s+)?(month|months|monthly|date|time)\b",
            interp.text,
            re.I,
        )
    ):
        dims.append(dates[0])  # 'by month': the date column, summarised month by month
    if not dims:
        raise _refuse(interp, table, "no column to summarise by", "summarise <measure> by <column>")
    func = _agg_word(interp.text) if numeric else AggFunc.COUNT
    measure = numeric[0].name if numeric else None
    named = _NAMED.search(interp.text)
    return Pivot(
        dims[0].name,
        measure,
        dims[1].name if len(dims) > 1 else None,
        func,
        named.group(1).strip()[:31] if named else "Summary",
    )


def _dashboard(interp: Interpretation, table: Table) -> Change:
    numeric = [m.column for m in _mentions(interp) if m.column.kind is ColumnKind.NUMBER]
    if not numeric:
        numeric = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]
    if not numeric:
        raise _refuse(interp, table, "no numeric column for the key figures", "a column of numbers")
    return Dashboard(numeric[0].name)


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
    "add_column": _add_column,
    "rename_column": _rename,
    "remove_duplicates": _dedupe,
    "fill_blanks": _fill,
    "add_total_row": _total_row,
    "chart": _chart,
    "pivot": _pivot,
    "dashboard": _dashboard,
}
EDIT_INTENTS = frozenset(_BUILDERS)


def build_change(interp: Interpretation, table: Table) -> Change:
    """The change a command asks for.

    Raises:
        NotUnderstoodError: If a part the change needs is missing (which column, what value).
    """
    return _BUILDERS[interp.intent](interp, table)
