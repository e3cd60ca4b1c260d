"""The Plan IR's second half: operations that change a workbook (sort, format, chart ...).

Each change is a frozen dataclass with a ``kind``, applied by :mod:`nlsheet.backends.edits`.
Columns are named by header, conditions reuse :class:`~nlsheet.plan.Where`, and computed
columns are arithmetic over ``[Header]`` references, parsed and checked here, never evaluated as
code. :func:`change_from_dict` validates plain data (a model's JSON answer, a saved plan).

Example:
    >>> Sort((SortKey("Region"), SortKey("Sales", descending=True))).describe()
    'sort by Region (A to Z), then Sales (largest first)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal, get_args

from nlsheet.errors import NotUnderstoodError
from nlsheet.plan import AggFunc, Where, _encode, _where, condition_words, shown_value

__all__ = [
    "CHANGES",
    "CHART_KINDS",
    "AddColumn",
    "AddTotalRow",
    "Autofit",
    "Change",
    "Chart",
    "ColorScale",
    "Dashboard",
    "DataBars",
    "ExtractRows",
    "FillBlanks",
    "Filter",
    "FreezeHeader",
    "Highlight",
    "NumberFormat",
    "Pivot",
    "RemoveDuplicates",
    "RenameColumn",
    "Sort",
    "SortKey",
    "StyleHeader",
    "change_columns",
    "change_from_dict",
    "expression_columns",
]

ChartKind = Literal["bar", "column", "line", "pie", "scatter"]
CHART_KINDS: tuple[str, ...] = get_args(ChartKind)
NumberStyle = Literal[
    "currency", "percent", "thousands", "decimal", "date", "negative_red", "general"
]
HighlightRule = Literal[
    "compare", "top", "bottom", "above_average", "below_average", "duplicates", "unique", "blanks"
]
# [Header] references, numbers, + - * / ^ and brackets: all a computed column may hold.
_EXPRESSION = re.compile(r"\s*(\[[^\[\]]+\]|\d+(?:\.\d+)?%?|[-+*/^()])")
_COLOR = re.compile(r"^[0-9A-F]{6}$")


def _where_words(where: Where) -> str:
    joiner = " or " if where.any else " and "
    return joiner.join(condition_words(c) for c in where.conditions)


def _bad(what: str, expected: str, found: object) -> NotUnderstoodError:
    return NotUnderstoodError(
        f"change field {what}: expected {expected}, found {found!r}",
        expected=expected,
        found=repr(found),
        where=f"plan.{what}",
    )


def expression_tokens(expression: str) -> list[str]:
    """Split a computed column's expression into tokens.

    Raises:
        NotUnderstoodError: If it holds anything but ``[Header]``, numbers and operators.
    """
    tokens: list[str] = []
    pos = 0
    text = expression.rstrip()
    while pos < len(text):
        match = _EXPRESSION.match(text, pos)
        if match is None:
            raise _bad("expression", "[Header], numbers and + - * / ^ ( )", text[pos:])
        tokens.append(match.group(1))
        pos = match.end()
    if not any(t.startswith("[") for t in tokens):
        raise _bad("expression", "at least one [Header]", expression)
    depth = 0
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            raise _bad("expression", "balanced brackets", expression)
    if depth:
        raise _bad("expression", "balanced brackets", expression)
    return tokens


def expression_columns(expression: str) -> tuple[str, ...]:
    """The headers an expression reads, in order."""
    names = [t[1:-1] for t in expression_tokens(expression) if t.startswith("[")]
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class SortKey:
    """One column to sort by."""

    column: str
    descending: bool = False


@dataclass(frozen=True)
class Sort:
    """Reorder the table's rows by one or more columns (stable; blanks last)."""

    keys: tuple[SortKey, ...]
    kind: ClassVar[str] = "sort"

    def describe(self) -> str:
        parts = [f"{k.column} ({'largest first' if k.descending else 'A to Z'})" for k in self.keys]
        return "sort by " + ", then ".join(parts)


@dataclass(frozen=True)
class Filter:
    """Turn on the table's AutoFilter and show only the rows that pass ``where``."""

    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "filter"

    def describe(self) -> str:
        if not self.where:
            return "AutoFilter on the table"
        return f"AutoFilter showing only the rows where {_where_words(self.where)}"


@dataclass(frozen=True)
class ExtractRows:
    """Copy the rows passing ``where`` (with the header) to a new sheet."""

    where: Where
    sheet_name: str
    kind: ClassVar[str] = "extract_rows"

    def describe(self) -> str:
        return f"copy the rows where {_where_words(self.where)} to a new sheet {self.sheet_name!r}"


@dataclass(frozen=True)
class NumberFormat:
    """Number format for columns: currency, percent, thousands separators, decimals, dates."""

    columns: tuple[str, ...]
    style: NumberStyle
    decimals: int | None = None
    symbol: str = "$"
    pattern: str | None = None
    kind: ClassVar[str] = "number_format"

    def describe(self) -> str:
        return f"format {', '.join(self.columns)} as {self.style}"


@dataclass(frozen=True)
class StyleHeader:
    """Bold and/or fill the header row."""

    bold: bool = True
    fill: str | None = None
    font_color: str | None = None
    kind: ClassVar[str] = "style_header"

    def describe(self) -> str:
        what = ["bold"] if self.bold else []
        what += [f"fill #{self.fill}"] if self.fill else []
        return "header row: " + (", ".join(what) or "plain")


@dataclass(frozen=True)
class Autofit:
    """Set column widths to fit their contents (every column of the table when empty)."""

    columns: tuple[str, ...] = ()
    kind: ClassVar[str] = "autofit"

    def describe(self) -> str:
        return "fit column widths" + (f" of {', '.join(self.columns)}" if self.columns else "")


@dataclass(frozen=True)
class FreezeHeader:
    """Freeze the rows down to the header (and nothing else)."""

    kind: ClassVar[str] = "freeze_header"

    def describe(self) -> str:
        return "freeze the header row"


@dataclass(frozen=True)
class Highlight:
    """A conditional format colouring cells of ``column`` (or whole rows) by a rule.

    ``compare`` colours cells/rows passing ``where``; ``top``/``bottom`` the ``n`` largest or
    smallest; the other rules need only the column.
    """

    rule: HighlightRule
    column: str | None = None
    where: Where = field(default_factory=Where)
    n: int | None = None
    whole_row: bool = False
    color: str = "FFC7CE"
    kind: ClassVar[str] = "highlight"

    def describe(self) -> str:
        target = "rows" if self.whole_row else f"cells of {self.column}"
        if self.rule == "compare":
            rule = "where " + _where_words(self.where)
        else:
            rule = self.rule.replace("_", " ") + (f" {self.n}" if self.n else "")
        return f"highlight {target}: {rule}"


@dataclass(frozen=True)
class ColorScale:
    """A two-colour scale (low red to high green, or reversed) on a column."""

    column: str
    reverse: bool = False
    kind: ClassVar[str] = "color_scale"

    def describe(self) -> str:
        return f"colour scale on {self.column}"


@dataclass(frozen=True)
class DataBars:
    """Data bars on a column."""

    column: str
    color: str = "638EC6"
    kind: ClassVar[str] = "data_bars"

    def describe(self) -> str:
        return f"data bars on {self.column}"


@dataclass(frozen=True)
class AddColumn:
    """A new column right of the table, a formula filled down every row.

    ``expression`` is arithmetic over ``[Header]`` references ("[Sales] - [Cost]").
    """

    name: str
    expression: str
    kind: ClassVar[str] = "add_column"

    def __post_init__(self) -> None:
        expression_tokens(self.expression)

    def describe(self) -> str:
        return f"add column {self.name} = {self.expression}"


@dataclass(frozen=True)
class RenameColumn:
    """Rename a header."""

    column: str
    new_name: str
    kind: ClassVar[str] = "rename_column"

    def describe(self) -> str:
        return f"rename {self.column} to {self.new_name}"


@dataclass(frozen=True)
class RemoveDuplicates:
    """Delete rows repeating an earlier row (on ``columns``, or on every column when empty)."""

    columns: tuple[str, ...] = ()
    kind: ClassVar[str] = "remove_duplicates"

    def describe(self) -> str:
        on = ", ".join(self.columns) if self.columns else "all columns"
        return f"remove duplicate rows (judged on {on})"


@dataclass(frozen=True)
class FillBlanks:
    """Fill the empty cells of columns with a value, or with the value above."""

    columns: tuple[str, ...]
    value: str | float | None = None
    from_above: bool = False
    kind: ClassVar[str] = "fill_blanks"

    def describe(self) -> str:
        how = "the value above" if self.from_above else shown_value(self.value)
        return f"fill blanks in {', '.join(self.columns)} with {how}"


@dataclass(frozen=True)
class AddTotalRow:
    """A row under the table with a live total (SUBTOTAL-free SUM) of each numeric column."""

    columns: tuple[str, ...]
    func: AggFunc = AggFunc.SUM
    kind: ClassVar[str] = "add_total_row"

    def describe(self) -> str:
        return f"add a {self.func.value} row under {', '.join(self.columns)}"


@dataclass(frozen=True)
class Chart:
    """A native chart: ``y`` (aggregated with ``func`` per ``x`` value, per month for a date
    ``x``) or, for scatter, ``y`` against ``x`` row by row."""

    chart: ChartKind
    y: tuple[str, ...]
    x: str | None = None
    func: AggFunc = AggFunc.SUM
    new_sheet: bool = False
    title: str = ""
    kind: ClassVar[str] = "chart"

    def describe(self) -> str:
        by = f" by {self.x}" if self.x else ""
        return f"{self.chart} chart of {', '.join(self.y)}{by}"


@dataclass(frozen=True)
class Pivot:
    """A summary sheet of live formulas: ``func`` of ``measure`` by ``rows`` (and ``columns``).

    ``measure`` None counts rows.
    """

    rows: str
    measure: str | None = None
    columns: str | None = None
    func: AggFunc = AggFunc.SUM
    sheet_name: str = "Summary"
    kind: ClassVar[str] = "pivot"

    def describe(self) -> str:
        what = f"{self.func.value} of {self.measure}" if self.measure else "count of rows"
        by = self.rows + (f" and {self.columns}" if self.columns else "")
        return f"summary sheet {self.sheet_name!r}: {what} by {by}"


@dataclass(frozen=True)
class Dashboard:
    """A sheet with key figures of ``measure`` and charts chosen from the data's types."""

    measure: str
    sheet_name: str = "Dashboard"
    kind: ClassVar[str] = "dashboard"

    def describe(self) -> str:
        return f"dashboard of {self.measure} on a new sheet {self.sheet_name!r}"


Change = (
    Sort
    | Filter
    | ExtractRows
    | NumberFormat
    | StyleHeader
    | Autofit
    | FreezeHeader
    | Highlight
    | ColorScale
    | DataBars
    | AddColumn
    | RenameColumn
    | RemoveDuplicates
    | FillBlanks
    | AddTotalRow
    | Chart
    | Pivot
    | Dashboard
)
CHANGES: dict[str, type[Any]] = {
    cls.kind: cls
    for cls in (
        Sort,
        Filter,
        ExtractRows,
        NumberFormat,
        StyleHeader,
        Autofit,
        FreezeHeader,
        Highlight,
        ColorScale,
        DataBars,
        AddColumn,
        RenameColumn,
        RemoveDuplicates,
        FillBlanks,
        AddTotalRow,
        Chart,
        Pivot,
        Dashboard,
    )
}


def change_columns(change: Change) -> tuple[str, ...]:
    """Every existing column a change reads or alters."""
    names: list[str] = []
    for f in fields(change):
        value = getattr(change, f.name)
        if f.name in ("column", "x", "rows", "measure") and isinstance(value, str):
            names.append(value)
        elif f.name in ("columns", "y") and isinstance(value, tuple):
            names.extend(value)
        elif f.name == "columns" and isinstance(value, str):
            names.append(value)
        elif isinstance(value, Where):
            names.extend(value.columns)
        elif f.name == "keys":
            names.extend(k.column for k in value)
        elif f.name == "expression":
            names.extend(expression_columns(value))
    return tuple(dict.fromkeys(names))


def change_to_dict(change: Change) -> dict[str, Any]:
    """A change as JSON-ready data (``op`` is its kind)."""
    data: dict[str, Any] = {"op": change.kind}
    for f in fields(change):
        value = getattr(change, f.name)
        if f.name == "keys":
            data[f.name] = [{"column": k.column, "descending": k.descending} for k in value]
        else:
            data[f.name] = _encode(value)
    return data


def change_from_dict(data: dict[str, Any]) -> Change:
    """Build a change from plain data, validating every field.

    Raises:
        NotUnderstoodError: If the data does not describe a known change.
    """
    cls = CHANGES.get(str(data.get("op")))
    if cls is None:
        raise _bad("op", "one of " + ", ".join(sorted(CHANGES)), data.get("op"))
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        raw = data[f.name]
        if f.name == "keys":
            if not isinstance(raw, list) or not raw:
                raise _bad("keys", "a list of {column, descending}", raw)
            values[f.name] = tuple(
                SortKey(_text(k.get("column"), "keys.column"), bool(k.get("descending")))
                for k in raw
                if isinstance(k, dict)
            )
        elif f.name == "where":
            values[f.name] = _where(raw)
        elif f.name == "func":
            try:
                values[f.name] = AggFunc(str(raw))
            except ValueError as exc:
                raise _bad("func", ", ".join(a.value for a in AggFunc), raw) from exc
        elif f.name in ("columns", "y") and isinstance(raw, list):
            values[f.name] = tuple(_text(v, f.name) for v in raw)
        elif f.name in ("bold", "whole_row", "new_sheet", "from_above", "reverse"):
            if not isinstance(raw, bool):
                raise _bad(f.name, "true or false", raw)
            values[f.name] = raw
        elif f.name in ("n", "decimals"):
            if raw is not None and (not isinstance(raw, int) or isinstance(raw, bool) or raw < 0):
                raise _bad(f.name, "a whole number", raw)
            values[f.name] = raw
        elif f.name in ("color", "fill", "font_color"):
            if raw is not None and not (isinstance(raw, str) and _COLOR.match(raw)):
                raise _bad(f.name, "an RRGGBB colour", raw)
            values[f.name] = raw
        else:
            values[f.name] = raw
    _check_literals(cls, values)
    try:
        return cls(**values)  # type: ignore[no-any-return]
    except TypeError as exc:
        raise _bad("op", f"the fields of {cls.kind}", sorted(data)) from exc


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise _bad(what, "a name", value)
    return value


_LITERALS = {"chart": CHART_KINDS, "style": get_args(NumberStyle), "rule": get_args(HighlightRule)}


def _check_literals(cls: type[Any], values: dict[str, Any]) -> None:
    for name, allowed in _LITERALS.items():
        if name in values and values[name] not in allowed:
            raise _bad(name, "one of " + ", ".join(allowed), values[name])
