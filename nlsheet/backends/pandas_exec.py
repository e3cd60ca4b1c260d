# pandas-stubs types comparison operators as returning Any; the Series they give are checked
# by the tests, so that one error code is not reported in this module.
# mypy: disable-error-code="no-any-return"
"""Compute a plan's value with pandas, with Excel's semantics.

Blanks are skipped by aggregates, text comparisons ignore case (as COUNTIFS and XLOOKUP do),
"is not" also matches blanks (as "<>West" does), numeric comparisons never match blanks.

Example:
    >>> execute(Plan("Sales", Aggregate(AggFunc.SUM, Measure("Units"))), table).value
    5395
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, assert_never

import numpy as np
import pandas as pd

from nlsheet.errors import ColumnTypeError, NoMatchError
from nlsheet.plan import (
    AggFunc,
    Aggregate,
    ArgExtreme,
    Cmp,
    Condition,
    Correlation,
    Growth,
    Longest,
    Lookup,
    Measure,
    MostFrequent,
    Plan,
    Ratio,
    Share,
    TopN,
    Trend,
    UniqueValues,
    Where,
)
from nlsheet.result import json_value
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["Answer", "excel_serial", "execute", "row_mask"]

_EPOCH = pd.Timestamp("1899-12-30")


@dataclass
class Answer:
    """A computed value, with what the computation noticed."""

    value: object
    notes: list[str] = field(default_factory=list)


def excel_serial(value: dt.date | pd.Timestamp) -> float:
    """Excel's number for a date (days since 1899-12-30)."""
    return float((pd.Timestamp(value) - _EPOCH) / pd.Timedelta(days=1))


def execute(plan: Plan, table: Table) -> Answer:
    """Return the plan's value (numbers, text, dates, {group: value} or rows).

    Raises:
        ColumnTypeError: If there are no values to aggregate.
        NoMatchError: If no row passes the conditions of a lookup.
    """
    op = plan.op
    match op:
        case Aggregate():
            return _aggregate(op, table)
        case Lookup():
            return _lookup(op, table)
        case TopN():
            return _top(op, table)
        case ArgExtreme():
            return _arg(op, table)
        case Share():
            return _share(op, table)
        case Ratio():
            num, den = _numbers(op.numerator, table), _numbers(op.denominator, table)
            mask = row_mask(op.where, table)
            return Answer(_divide(num[mask].sum(), den[mask].sum(), op.denominator))
        case Correlation():
            mask = row_mask(op.where, table)
            a, b = _numbers(op.first, table)[mask], _numbers(op.second, table)[mask]
            both = a.notna() & b.notna()
            return Answer(float(np.corrcoef(a[both], b[both])[0, 1]))
        case Trend():
            return _trend(op, table)
        case Growth():
            return _growth(op, table)
        case UniqueValues():
            values = _texts(op.column, table)[row_mask(op.where, table)].dropna()
            return Answer(_first_spellings(values))
        case MostFrequent():
            return _most_frequent(op, table)
        case Longest():
            values = _texts(op.column, table)[row_mask(op.where, table)].dropna().astype(str)
            if values.empty:
                raise _empty(op.column, table, "the longest value")
            lengths = values.str.len().to_numpy()
            return Answer(values.iloc[int(np.argmax(lengths))])
        case _:
            assert_never(op)


# --- conditions --------------------------------------------------------------------------------


def _texts(name: str, table: Table) -> pd.Series:
    return table.values(name).series


def _numbers(name: str, table: Table) -> pd.Series:
    series = table.values(name).series
    if table.column(name).kind is ColumnKind.DATE:
        return (series - _EPOCH) / pd.Timedelta(days=1)
    return pd.to_numeric(series, errors="coerce")


def _fold(series: pd.Series) -> pd.Series:
    return series.map(lambda v: None if pd.isna(v) else str(json_value(v)).casefold())


def _scalar_for(column_kind: ColumnKind, value: object) -> object:
    if column_kind is ColumnKind.DATE:
        if isinstance(value, (dt.date, pd.Timestamp)):
            return pd.Timestamp(value)
        return pd.to_datetime(str(value), errors="coerce")
    if column_kind is ColumnKind.NUMBER:
        if isinstance(value, (dt.date, pd.Timestamp)):
            return excel_serial(value)
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return float("nan")
    return value


def _condition_mask(cond: Condition, table: Table) -> pd.Series:
    column = table.column(cond.column)
    series = table.values(cond.column).series
    kind = column.kind
    cmp = cond.cmp
    if cmp is Cmp.BLANK:
        return series.isna()
    if cmp is Cmp.NOT_BLANK:
        return series.notna()
    if cond.other is not None:
        a, b = _numbers(cond.column, table), _numbers(cond.other, table)
        return _compare(a, cmp, b) & a.notna() & b.notna()
    if cmp in (Cmp.MONTH, Cmp.YEAR, Cmp.QUARTER):
        dates = pd.to_datetime(series, errors="coerce")
        part = {Cmp.MONTH: dates.dt.month, Cmp.YEAR: dates.dt.year, Cmp.QUARTER: dates.dt.quarter}
        return pd.Series(part[cmp].to_numpy() == float(str(cond.value)))
    if kind is ColumnKind.TEXT or kind is ColumnKind.BOOL:
        return _text_mask(series, cond)
    value = _scalar_for(kind, cond.value)
    numbers = _numbers(cond.column, table) if kind is ColumnKind.NUMBER else series
    if cmp is Cmp.IN:
        wanted = [_scalar_for(kind, v) for v in cond.values]
        return numbers.isin(wanted)
    if cmp is Cmp.BETWEEN:
        high = _scalar_for(kind, cond.value2)
        return (numbers >= value) & (numbers <= high)
    if cmp in (Cmp.CONTAINS, Cmp.STARTS, Cmp.ENDS):
        return _text_mask(series, cond)
    if kind is ColumnKind.DATE and cmp is Cmp.EQ:
        return numbers.dt.normalize() == pd.Timestamp(value).normalize()  # type: ignore[arg-type]
    result = _compare(numbers, cmp, value)
    return result | numbers.isna() if cmp is Cmp.NE else result & numbers.notna()


def _compare(a: pd.Series, cmp: Cmp, b: Any) -> pd.Series:
    match cmp:
        case Cmp.EQ:
            return a == b
        case Cmp.NE:
            return a != b
        case Cmp.GT:
            return a > b
        case Cmp.GE:
            return a >= b
        case Cmp.LT:
            return a < b
        case Cmp.LE:
            return a <= b
        case _:
            raise ValueError(f"{cmp} does not compare two values")


def _text_mask(series: pd.Series, cond: Condition) -> pd.Series:
    folded = _fold(series)
    cmp = cond.cmp
    value = "" if cond.value is None else str(json_value(cond.value)).casefold()
    if cmp is Cmp.IN:
        wanted = {str(json_value(v)).casefold() for v in cond.values}
        return folded.isin(wanted)
    if cmp is Cmp.EQ:
        return folded == value
    if cmp is Cmp.NE:
        return (folded != value) | folded.isna()
    if cmp is Cmp.CONTAINS:
        return folded.map(lambda v: v is not None and value in v).astype(bool)
    if cmp is Cmp.STARTS:
        return folded.map(lambda v: v is not None and v.startswith(value)).astype(bool)
    if cmp is Cmp.ENDS:
        return folded.map(lambda v: v is not None and v.endswith(value)).astype(bool)
    numbers = pd.to_numeric(series, errors="coerce")
    try:
        low = float(str(cond.value))
        high = float(str(cond.value2)) if cmp is Cmp.BETWEEN else low
    except ValueError as exc:
        raise ColumnTypeError(
            f"cannot compare the text column {cond.column} with {cond.value!r} by size",
            expected="a number to compare with",
            found=repr(cond.value),
            where=cond.column,
        ) from exc
    if cmp is Cmp.BETWEEN:
        return (numbers >= low) & (numbers <= high)
    return _compare(numbers, cmp, low) & numbers.notna()


def row_mask(where: Where, table: Table) -> pd.Series:
    """True for the rows that pass the conditions."""
    if not where:
        return pd.Series(np.ones(table.n_rows, dtype=bool))
    masks = [_condition_mask(c, table).fillna(False).astype(bool) for c in where.conditions]
    combined = masks[0]
    for m in masks[1:]:
        combined = (combined | m) if where.any else (combined & m)
    return combined.reset_index(drop=True)


# --- operations --------------------------------------------------------------------------------


def _measure(measure: Measure, table: Table) -> pd.Series:
    a = _numbers(measure.column, table)
    if measure.other is None:
        if table.column(measure.column).kind is ColumnKind.DATE:
            return table.values(measure.column).series
        return a
    b = _numbers(measure.other, table)
    match measure.op:
        case "*":
            return a * b
        case "/":
            return a / b.where(b != 0)
        case "+":
            return a + b
        case "-":
            return a - b
        case None:
            return a


def _empty(name: str, table: Table, what: str) -> ColumnTypeError:
    column = table.column(name)
    return ColumnTypeError(
        f"{column.name} ({column.data_range}) has no values for {what} in the rows asked for",
        expected="at least one value",
        found="only blanks or text",
        where=column.data_range,
    )


def _reduce(
    func: AggFunc, values: pd.Series, percentile: float | None, name: str, table: Table
) -> object:
    if func is AggFunc.COUNT:
        return int(values.notna().sum())
    if func is AggFunc.COUNT_DISTINCT:
        return len(_first_spellings(values.dropna()))
    values = values.dropna()
    if values.empty:
        if func is AggFunc.SUM:
            return 0
        raise _empty(name, table, f"the {func.value}")
    if pd.api.types.is_datetime64_any_dtype(values):
        return _date_reduce(func, values)
    match func:
        case AggFunc.SUM:
            return float(values.sum())
        case AggFunc.AVERAGE:
            return float(values.mean())
        case AggFunc.MIN:
            return float(values.min())
        case AggFunc.MAX:
            return float(values.max())
        case AggFunc.MEDIAN:
            return float(values.median())
        case AggFunc.MODE:
            counts = values.value_counts(sort=False)
            best = counts[counts == counts.max()].index
            return float(values[values.isin(best)].iloc[0])
        case AggFunc.STDEV:
            return float(values.std(ddof=1))
        case AggFunc.VARIANCE:
            return float(values.var(ddof=1))
        case AggFunc.PERCENTILE:
            return float(values.quantile(percentile if percentile is not None else 0.5))
        case AggFunc.COUNT | AggFunc.COUNT_DISTINCT:
            raise AssertionError("handled above")
        case _:
            assert_never(func)


def _date_reduce(func: AggFunc, values: pd.Series) -> object:
    reducers = {AggFunc.MIN: values.min, AggFunc.MAX: values.max, AggFunc.MEDIAN: values.median}
    if func not in reducers:
        raise ColumnTypeError(
            f"the {func.value} of dates has no meaning; try the earliest (min) or latest (max)",
            expected="min, max or median for dates",
            found=func.value,
        )
    return pd.Timestamp(reducers[func]()).to_pydatetime()


def _group_key(value: object) -> str:
    return str(json_value(value))


def _aggregate(op: Aggregate, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    name = op.measure.column if op.measure else table.columns[0].name
    if op.measure is None:
        values = pd.Series(np.ones(table.n_rows))
    else:
        values = _measure(op.measure, table)
        if op.measure.other is None and op.func in (AggFunc.COUNT, AggFunc.COUNT_DISTINCT):
            values = table.values(op.measure.column).series
    values = values.reset_index(drop=True)
    if op.group_by is None:
        return Answer(_reduce(op.func, values[mask], op.percentile, name, table))
    keys = table.values(op.group_by).series.reset_index(drop=True)
    keep = mask & keys.notna()
    frame = pd.DataFrame({"key": keys[keep].map(_group_key), "value": values[keep]})
    result: dict[str, object] = {}
    for key, group in frame.groupby("key", sort=False):
        result[str(key)] = _reduce(op.func, group["value"], op.percentile, name, table)
    return Answer(result)


def _lookup(op: Lookup, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    rows = np.flatnonzero(mask.to_numpy())
    if len(rows) == 0:
        raise NoMatchError(
            f"no row of {table.ref} passes {_describe(op.where)}",
            expected="a row that passes the conditions",
            found="none",
            where=table.ref,
        )
    values = table.values(op.target).series
    # The cell as written: '22%' stays '22%' (as XLOOKUP returns it), not 0.22.
    raw = table.raw[table.column(op.target).position][int(rows[0])]
    first = raw if isinstance(raw, str) and raw.strip() else values.iloc[rows[0]]
    answer = Answer(first)
    distinct = {_group_key(v) for v in values.iloc[rows] if not pd.isna(v)}
    if len(distinct) > 1:
        answer.notes.append(
            f"{len(rows)} rows match; the first is shown (as XLOOKUP does); the others hold "
            + ", ".join(sorted(distinct - {_group_key(first)})[:5])
        )
    return answer


def _describe(where: Where) -> str:
    parts = []
    for c in where.conditions:
        target = c.other if c.other else (list(c.values) if c.values else c.value)
        parts.append(f"{c.column} {c.cmp.value} {target!r}")
    return (" or " if where.any else " and ").join(parts)


def _rows(table: Table, index: list[int]) -> list[dict[str, object]]:
    frame = {c.name: table.values(c.name).series for c in table.columns}
    return [{name: json_value(series.iloc[i]) for name, series in frame.items()} for i in index]


def _top(op: TopN, table: Table) -> Answer:
    values = _numbers(op.measure, table)
    candidates = values[row_mask(op.where, table) & values.notna()]
    ordered = candidates.sort_values(ascending=not op.largest, kind="stable")
    index = [int(i) for i in ordered.index[: op.n]]
    answer = Answer(_rows(table, index))
    if len(index) < op.n:
        answer.notes.append(f"only {len(index)} rows qualify")
    return answer


def _arg(op: ArgExtreme, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    measure = _numbers(op.measure, table)
    target = table.values(op.target).series
    keep = mask & measure.notna() & target.notna()
    if not keep.any():
        raise _empty(op.measure, table, "a comparison")
    if op.grouped:
        frame = pd.DataFrame({"key": target[keep].map(_group_key), "value": measure[keep]})
        totals = frame.groupby("key", sort=False)["value"].sum()
        best = totals.max() if op.largest else totals.min()
        winners = [str(k) for k in totals.index[totals == best]]
    else:
        best = measure[keep].max() if op.largest else measure[keep].min()
        rows = keep & (measure == best)
        winners = list(dict.fromkeys(_group_key(v) for v in target[rows]))
    answer = Answer(winners[0] if len(winners) == 1 else winners)
    if len(winners) > 1:
        answer.notes.append(
            f"a tie: {', '.join(winners)} share the {'top' if op.largest else 'bottom'} value"
        )
    return answer


def _share(op: Share, table: Table) -> Answer:
    base = row_mask(op.where, table)
    part = base & row_mask(op.part, table)
    if op.measure is None:
        return Answer(_divide(float(part.sum()), float(base.sum()), "rows"))
    values = _numbers(op.measure, table)
    return Answer(_divide(values[part].sum(), values[base].sum(), op.measure))


def _divide(a: float, b: float, name: str) -> float:
    if b == 0:
        raise ColumnTypeError(
            f"cannot divide by a total of 0 ({name})",
            expected="a non-zero total",
            found="0",
            where=name,
        )
    return float(a) / float(b)


def _trend(op: Trend, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    y, x = _numbers(op.y, table)[mask], _numbers(op.x, table)[mask]
    both = x.notna() & y.notna()
    xs, ys = x[both].to_numpy(dtype=float), y[both].to_numpy(dtype=float)
    if len(xs) < 2 or np.ptp(xs) == 0:
        raise _empty(op.x, table, "a trend (two different x values)")
    slope = float(((xs - xs.mean()) * (ys - ys.mean())).sum() / ((xs - xs.mean()) ** 2).sum())
    if op.intercept:
        return Answer(float(ys.mean() - slope * xs.mean()))
    if op.at is None:
        return Answer(slope)
    at = excel_serial(op.at) if isinstance(op.at, dt.date) else float(op.at)
    return Answer(float(ys.mean() + slope * (at - xs.mean())))


def _period_keys(dates: pd.Series, period: str) -> pd.Series:
    if period == "month":
        return dates.dt.year * 12 + dates.dt.month
    if period == "quarter":
        return dates.dt.year * 4 + dates.dt.quarter
    return dates.dt.year


def _growth(op: Growth, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    dates = pd.to_datetime(table.values(op.date).series, errors="coerce")
    values = _numbers(op.measure, table)
    keep = mask & dates.notna()
    totals = values[keep].groupby(_period_keys(dates[keep], op.period)).sum().sort_index()
    if totals.empty:
        raise _empty(op.date, table, f"a growth (dates in two {op.period}s)")
    latest = int(totals.index[-1])
    previous = float(totals.get(latest - 1, 0.0))
    answer = Answer(
        _divide(
            float(totals.iloc[-1]) - previous, previous, f"{op.measure} one {op.period} earlier"
        )
    )
    answer.notes.append(
        f"compared {latest} with {latest - 1}"
        if op.period == "year"
        else f"compared the last {op.period} in the data with the one before"
    )
    return answer


def _first_spellings(values: pd.Series) -> list[object]:
    seen: dict[str, object] = {}
    for v in values:
        key = str(json_value(v)).casefold()
        if key not in seen:
            seen[key] = json_value(v)
    return list(seen.values())


def _most_frequent(op: MostFrequent, table: Table) -> Answer:
    values = table.values(op.column).series[row_mask(op.where, table)].dropna()
    if values.empty:
        raise _empty(op.column, table, "the most frequent value")
    folded = values.map(lambda v: str(json_value(v)).casefold())
    counts = folded.value_counts(sort=False)
    best = counts[counts == counts.max()].index
    first = values[folded.isin(best)].iloc[0]
    answer = Answer(first)
    if len(best) > 1:
        answer.notes.append(f"a tie between {len(best)} values; the first in the sheet is shown")
    return answer
