"""The Plan IR: what to compute, independent of how a command was understood or executed.

Every front end (the classifier, later the LLM plan tier, a user-edited plan) produces a
:class:`Plan`; every backend (pandas, Excel formula, edits) consumes one. Plans are frozen,
do no I/O and round-trip through plain dicts (``to_dict``/``from_dict``), which is how a model's
JSON answer becomes a plan without ever being evaluated.

Columns are named by their header text as in ``Table.columns``; values are numbers, text or
dates. A :class:`Where` filters rows for every op that takes one.

Example:
    >>> plan = Plan("Sales", Aggregate(AggFunc.SUM, Measure("Sales"),
    ...             Where((Condition("Region", Cmp.EQ, "West"),))))
    >>> Plan.from_dict(plan.to_dict()) == plan
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar, Literal

from nlsheet.errors import NotUnderstoodError

__all__ = [
    "AggFunc",
    "Aggregate",
    "ArgExtreme",
    "Cmp",
    "Condition",
    "Correlation",
    "Growth",
    "Longest",
    "Lookup",
    "Measure",
    "MostFrequent",
    "Op",
    "Period",
    "Plan",
    "Ratio",
    "Scalar",
    "Share",
    "TopN",
    "Trend",
    "UniqueValues",
    "Where",
    "condition_words",
    "op_columns",
    "shown_value",
]

Scalar = float | str | dt.date
# A calendar period a date column is read in (growth from one to the next, groups by month ...).
Period = Literal["year", "quarter", "month"]


class AggFunc(StrEnum):
    """Aggregate functions over one measure."""

    SUM = "sum"
    AVERAGE = "average"
    COUNT = "count"
    MIN = "min"
    MAX = "max"
    MEDIAN = "median"
    COUNT_DISTINCT = "count_distinct"
    MODE = "mode"
    STDEV = "stdev"
    VARIANCE = "variance"
    PERCENTILE = "percentile"

    @property
    def needs_numbers(self) -> bool:
        """True when the function only makes sense on numbers (dates allowed for min/max)."""
        return self not in (AggFunc.COUNT, AggFunc.COUNT_DISTINCT)


class Cmp(StrEnum):
    """How a condition compares a column with a value."""

    EQ = "eq"
    NE = "ne"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    BETWEEN = "between"
    CONTAINS = "contains"
    STARTS = "starts_with"
    ENDS = "ends_with"
    BLANK = "blank"
    NOT_BLANK = "not_blank"
    MONTH = "month"
    YEAR = "year"
    QUARTER = "quarter"
    IN = "in"


@dataclass(frozen=True)
class Condition:
    """One test on a column.

    Attributes:
        column: The column tested.
        cmp: The comparison.
        value: The value compared with (None for blank tests and column comparisons).
        value2: The upper bound of BETWEEN (inclusive).
        other: Compare with this column of the same row instead of a value.
        values: The list for IN ('East or West').
    """

    column: str
    cmp: Cmp
    value: Scalar | None = None
    value2: Scalar | None = None
    other: str | None = None
    values: tuple[Scalar, ...] = ()


@dataclass(frozen=True)
class Where:
    """Conditions on rows, all of which (or, with ``any``, one of which) must hold."""

    conditions: tuple[Condition, ...] = ()
    any: bool = False

    def __bool__(self) -> bool:
        return bool(self.conditions)

    @property
    def columns(self) -> tuple[str, ...]:
        """Columns the conditions read, in order."""
        names: list[str] = []
        for c in self.conditions:
            names.extend(n for n in (c.column, c.other) if n is not None and n not in names)
        return tuple(names)


@dataclass(frozen=True)
class Measure:
    """What an aggregate reads: a column, two columns combined row by row (Units * Price), or
    the cells of a run of side-by-side columns (``span``: a wide table's Jan ... Mar or 2015 ...
    2019, ``column`` being the first). A span with ``op`` "+" reads each row's total over the
    span instead of every cell ('average yearly admissions per ward' over Jan ... Dec)."""

    column: str
    op: Literal["*", "/", "+", "-"] | None = None
    other: str | None = None
    span: tuple[str, ...] = ()

    @classmethod
    def over(cls, columns: Sequence[str]) -> Measure:
        """The cells of side-by-side columns, first to last."""
        return cls(columns[0], span=tuple(columns))

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns read."""
        if self.span:
            return self.span
        return (self.column,) if self.other is None else (self.column, self.other)


@dataclass(frozen=True)
class Aggregate:
    """An aggregate of a measure over the rows that pass ``where``, optionally per group.

    ``measure`` None with COUNT counts rows. ``percentile`` is the fraction for PERCENTILE.
    ``group_by`` groups the rows, and ``then_by`` each group again ('sales by region and
    quarter'); a date column is grouped by its ``group_period`` / ``then_period`` when set.
    ``share`` gives each group's part of the whole instead: its SUM or COUNT divided by that
    of every row that passes ``where`` ('percentage of sales by region'). ``once_per`` counts
    each value of that column once, with the measure of its first row that has one: the
    average rent over the properties of a table with a row per viewing, each property's rent
    repeated on its rows.
    """

    func: AggFunc
    measure: Measure | None = None
    where: Where = field(default_factory=Where)
    group_by: str | None = None
    percentile: float | None = None
    group_period: Period | None = None
    then_by: str | None = None
    then_period: Period | None = None
    share: bool = False
    once_per: str | None = None
    kind: ClassVar[str] = "aggregate"

    @property
    def keys(self) -> tuple[tuple[str, Period | None], ...]:
        """The group keys, outer first: each a column and, for a date column, its period."""
        keys: list[tuple[str, Period | None]] = []
        if self.group_by is not None:
            keys.append((self.group_by, self.group_period))
        if self.then_by is not None:
            keys.append((self.then_by, self.then_period))
        return tuple(keys)


@dataclass(frozen=True)
class Lookup:
    """The value of ``target`` in the first row that passes ``where`` (XLOOKUP)."""

    target: str
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "lookup"


@dataclass(frozen=True)
class TopN:
    """The ``n`` rows with the largest (or, not ``largest``, smallest) ``measure``; ranked by
    ``derived`` instead when it is set (two columns combined row by row: Price - Cost)."""

    measure: str
    n: int
    largest: bool = True
    where: Where = field(default_factory=Where)
    derived: Measure | None = None
    kind: ClassVar[str] = "top_n"


@dataclass(frozen=True)
class ArgExtreme:
    """Which ``target`` has the largest (smallest) ``measure``; summed per target if ``grouped``.

    ``average`` compares each target's average instead of its total ('which department has the
    highest average salary'). ``n`` above 1 asks for that many, best first ('the 3 biggest
    customers'); ``count`` ranks each target by its number of rows instead ('top 4 cities by
    number of orders'); ``derived`` ranks single rows by two columns combined row by row ('the
    item with the highest margin': Price - Cost), ``measure`` then naming its first column.
    """

    target: str
    measure: str
    largest: bool = True
    grouped: bool = False
    where: Where = field(default_factory=Where)
    n: int = 1
    count: bool = False
    derived: Measure | None = None
    average: bool = False
    kind: ClassVar[str] = "arg_extreme"


@dataclass(frozen=True)
class Share:
    """The fraction of rows (or of the ``measure``'s total) that pass ``part``."""

    part: Where
    measure: str | None = None
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "share"


@dataclass(frozen=True)
class Ratio:
    """Total of ``numerator`` divided by total of ``denominator``; with ``change``, that less
    one: the change from the denominator's total to the numerator's, as a fraction
    ('percentage growth from 2020 to 2023' over a column per year)."""

    numerator: str
    denominator: str
    where: Where = field(default_factory=Where)
    change: bool = False
    kind: ClassVar[str] = "ratio"


@dataclass(frozen=True)
class Correlation:
    """Pearson correlation of two numeric columns."""

    first: str
    second: str
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "correlation"


@dataclass(frozen=True)
class Trend:
    """Least-squares line of ``y`` against ``x``: its slope, its ``intercept``, or with
    ``at`` the forecast at that x."""

    y: str
    x: str
    at: float | dt.date | None = None
    where: Where = field(default_factory=Where)
    intercept: bool = False
    kind: ClassVar[str] = "trend"


@dataclass(frozen=True)
class Growth:
    """Change of the measure's total from one calendar period of ``date`` to the next."""

    measure: str
    date: str
    period: Period = "year"
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "growth"


@dataclass(frozen=True)
class UniqueValues:
    """The distinct values of a column, in order of first appearance."""

    column: str
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "unique_values"


@dataclass(frozen=True)
class MostFrequent:
    """The value that occurs in the most rows."""

    column: str
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "most_frequent"


@dataclass(frozen=True)
class Longest:
    """The longest text of a column."""

    column: str
    where: Where = field(default_factory=Where)
    kind: ClassVar[str] = "longest"


Op = (
    Aggregate
    | Lookup
    | TopN
    | ArgExtreme
    | Share
    | Ratio
    | Correlation
    | Trend
    | Growth
    | UniqueValues
    | MostFrequent
    | Longest
)
_OPS: dict[str, type[Any]] = {
    cls.kind: cls
    for cls in (
        Aggregate,
        Lookup,
        TopN,
        ArgExtreme,
        Share,
        Ratio,
        Correlation,
        Trend,
        Growth,
        UniqueValues,
        MostFrequent,
        Longest,
    )
}


def op_columns(op: Op) -> tuple[str, ...]:
    """Every column an op reads."""
    names: list[str] = []

    def add(*more: str | None) -> None:
        names.extend(n for n in more if n is not None and n not in names)

    for f in fields(op):
        value = getattr(op, f.name)
        if isinstance(value, (Where, Measure)):
            add(*value.columns)
        elif isinstance(value, str) and not isinstance(value, StrEnum) and "period" not in f.name:
            add(value)
    return tuple(names)


_SPAN_READS: dict[str | None, str] = {None: "every cell", "+": "each row's total"}

_CMP_WORDS = {
    Cmp.EQ: "=",
    Cmp.NE: "<>",
    Cmp.GT: ">",
    Cmp.GE: ">=",
    Cmp.LT: "<",
    Cmp.LE: "<=",
    Cmp.CONTAINS: "contains",
    Cmp.STARTS: "starts with",
    Cmp.ENDS: "ends with",
    Cmp.MONTH: "in month",
    Cmp.YEAR: "in year",
    Cmp.QUARTER: "in quarter",
}


def condition_words(c: Condition) -> str:
    if c.cmp is Cmp.BLANK:
        return f"{c.column} is blank"
    if c.cmp is Cmp.NOT_BLANK:
        return f"{c.column} is not blank"
    if c.cmp is Cmp.BETWEEN:
        return f"{c.column} between {shown_value(c.value)} and {shown_value(c.value2)}"
    if c.cmp is Cmp.IN:
        return f"{c.column} in " + ", ".join(shown_value(v) for v in c.values)
    target = c.other if c.other is not None else shown_value(c.value)
    return f"{c.column} {_CMP_WORDS[c.cmp]} {target}"


def shown_value(value: Scalar | None) -> str:
    """A condition's value as a person writes it (1000, not 1000.0; text quoted)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _encode(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Measure) and not value.span:
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value) if f.name != "span"}
    if isinstance(value, (Where, Condition, Measure)):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _bad(what: str, expected: str, found: object) -> NotUnderstoodError:
    return NotUnderstoodError(
        f"plan field {what}: expected {expected}, found {found!r}",
        expected=expected,
        found=repr(found),
        where=f"plan.{what}",
    )


def _scalar(data: Any, what: str) -> Scalar | None:
    if data is None or isinstance(data, (str, float)):
        return data
    if isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if isinstance(data, dict) and isinstance(data.get("date"), str):
        try:
            return dt.date.fromisoformat(data["date"])
        except ValueError as exc:
            raise _bad(what, "an ISO date", data) from exc
    raise _bad(what, "a number, text, {'date': 'YYYY-MM-DD'} or null", data)


def _name(data: Any, what: str, optional: bool = False) -> Any:
    if data is None and optional:
        return None
    if not isinstance(data, str) or not data:
        raise _bad(what, "a column name", data)
    return data


def _where(data: Any) -> Where:
    if data is None:
        return Where()
    if not isinstance(data, dict) or not isinstance(data.get("conditions", []), list):
        raise _bad("where", "{'conditions': [...], 'any': false}", data)
    conditions = []
    for k, c in enumerate(data.get("conditions", [])):
        if not isinstance(c, dict):
            raise _bad(f"where.conditions[{k}]", "an object", c)
        try:
            cmp = Cmp(str(c.get("cmp")))
        except ValueError as exc:
            raise _bad(f"where.conditions[{k}].cmp", ", ".join(m.value for m in Cmp), c) from exc
        conditions.append(
            Condition(
                _name(c.get("column"), f"where.conditions[{k}].column"),
                cmp,
                _scalar(c.get("value"), f"where.conditions[{k}].value"),
                _scalar(c.get("value2"), f"where.conditions[{k}].value2"),
                _name(c.get("other"), f"where.conditions[{k}].other", optional=True),
                tuple(
                    v
                    for v in (
                        _scalar(x, f"where.conditions[{k}].values") for x in c.get("values") or []
                    )
                    if v is not None
                ),
            )
        )
    return Where(tuple(conditions), bool(data.get("any", False)))


def _decode_field(name: str, data: Any, kind: str) -> Any:
    if name in ("where", "part"):
        return _where(data)
    if (name == "measure" and kind == "aggregate") or name == "derived":
        if data is None:
            return None
        if not isinstance(data, dict):
            raise _bad(name, "{'column': ..., 'op': ..., 'other': ...}", data)
        op = data.get("op")
        if op not in (None, "*", "/", "+", "-"):
            raise _bad(f"{name}.op", "one of * / + - or null", op)
        span = data.get("span") or []
        if not isinstance(span, list):
            raise _bad(f"{name}.span", "a list of column names", span)
        if span and op not in (None, "+"):
            raise _bad(f"{name}.op", "null (every cell) or + (each row's total) with a span", op)
        return Measure(
            _name(data.get("column"), f"{name}.column"),
            op,
            _name(data.get("other"), f"{name}.other", optional=True),
            tuple(_name(c, f"{name}.span") for c in span),
        )
    if name == "func":
        try:
            return AggFunc(str(data))
        except ValueError as exc:
            raise _bad("func", ", ".join(f.value for f in AggFunc), data) from exc
    if name in ("period", "group_period", "then_period"):
        if data is None and name != "period":
            return None
        if data not in ("year", "quarter", "month"):
            raise _bad(name, "year, quarter or month", data)
        return data
    if name == "n":
        if not isinstance(data, int) or isinstance(data, bool) or data < 1:
            raise _bad("n", "a whole number of at least 1", data)
        return data
    if name in ("largest", "grouped", "intercept", "count", "average", "share", "change"):
        if not isinstance(data, bool):
            raise _bad(name, "true or false", data)
        return data
    if name == "percentile":
        if data is None:
            return None
        if not isinstance(data, (int, float)) or not 0 <= data <= 1:
            raise _bad(name, "a fraction from 0 to 1", data)
        return float(data)
    if name == "at":
        value = _scalar(data, "at")
        if isinstance(value, str):
            raise _bad("at", "a number or a date", data)
        return value
    optional = name in ("group_by", "then_by", "measure", "once_per")
    return _name(data, name, optional=optional)


@dataclass(frozen=True)
class Plan:
    """A complete plan: the sheet whose table it runs on and the operation.

    Attributes:
        sheet: The sheet's name.
        op: The operation.
    """

    sheet: str
    op: Op

    def describe(self) -> list[str]:
        """The plan in words, one line per part (for explain())."""
        op = self.op
        lines = [
            f"operation: {op.kind}" + (f" ({op.func.value})" if isinstance(op, Aggregate) else "")
        ]
        for f in fields(op):
            value = getattr(op, f.name)
            if isinstance(value, Where):
                joiner = " or " if value.any else " and "
                tests = joiner.join(condition_words(c) for c in value.conditions)
                if tests:
                    lines.append(f"{f.name}: {tests}")
            elif isinstance(value, Measure):
                lines.append(
                    f"{f.name}: {value.column}"
                    + (f" {value.op} {value.other}" if value.other else "")
                    + (
                        f" to {value.span[-1]} ({_SPAN_READS.get(value.op, value.op)})"
                        if value.span
                        else ""
                    )
                )
            elif value is not None and f.name != "func":
                lines.append(f"{f.name}: {value}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as JSON-ready data."""
        data: dict[str, Any] = {"sheet": self.sheet, "op": self.op.kind}
        for f in fields(self.op):
            value = getattr(self.op, f.name)
            if (f.name == "derived" and value is None) or (
                f.name in ("average", "share") and not value
            ):
                # Set only when ranking by a combination of columns or by averages, or for
                # each group's part of the whole.
                continue
            data[f.name] = _encode(value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """Build a plan from plain data (such as a model's JSON answer), validating every field.

        Raises:
            NotUnderstoodError: If the data does not describe a known operation.
        """
        if not isinstance(data, dict):
            raise _bad("", "an object", data)
        sheet = data.get("sheet")
        if not isinstance(sheet, str) or not sheet:
            raise _bad("sheet", "a sheet name", sheet)
        kind = data.get("op")
        op_class = _OPS.get(kind) if isinstance(kind, str) else None
        if op_class is None:
            raise _bad("op", "one of " + ", ".join(sorted(_OPS)), kind)
        values: dict[str, Any] = {}
        for f in fields(op_class):
            if f.name in data:
                values[f.name] = _decode_field(f.name, data[f.name], op_class.kind)
        try:
            op = op_class(**values)
        except TypeError as exc:
            raise _bad("op", f"the fields of {kind}", sorted(data)) from exc
        return cls(sheet=sheet, op=op)
