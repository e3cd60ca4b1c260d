# pandas-stubs types comparison operators as returning Any; the Series they give are checked
# by the tests, so that one error code is not reported in this module.
# mypy: disable-error-code="no-any-return"
"""Compute a plan's value with pandas, with Excel's semantics.

Blanks are skipped by aggregates; conditions mean what :mod:`nlsheet.backends.conditions`
defines (text comparisons ignore case, "is not" also matches blanks, numeric comparisons never
match blanks or text).

Example:
    >>> execute(Plan("Sales", Aggregate(AggFunc.SUM, Measure("Units"))), table).value
    5395
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import assert_never, cast

import numpy as np
import pandas as pd

from nlsheet.backends.conditions import blanks_add_nothing, excel_serial
from nlsheet.backends.gaps import skip_gaps
from nlsheet.backends.masks import column_numbers as _numbers
from nlsheet.backends.masks import row_mask
from nlsheet.backends.periods import period_labels
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
    Period,
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


@dataclass
class Answer:
    """A computed value, with what the computation noticed and found on the way.

    Attributes:
        value: The value (numbers, text, dates, {group: value} or rows).
        notes: What the computation noticed, for the user.
        groups: For a grouped value, per group key (outer first): the condition that picks
            each group's rows, by the group's label.
        periods: For a growth, the first days of the latest period and of the one before.
    """

    value: object
    notes: list[str] = field(default_factory=list)
    groups: tuple[dict[str, Condition], ...] = ()
    periods: tuple[dt.date, dt.date] | None = None


def execute(plan: Plan, table: Table) -> Answer:
    """Return the plan's value (numbers, text, dates, {group: value} or rows).

    Raises:
        ColumnTypeError: If there are no values to aggregate.
        NoMatchError: If no row passes the conditions of a lookup.
    """
    op = skip_gaps(plan, table).op
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
            quotient = _divide(num[mask].sum(), den[mask].sum(), op.denominator)
            return Answer(quotient - 1 if op.change else quotient)
        case Correlation():
            mask = row_mask(op.where, table)
            a, b = _numbers(op.first, table)[mask], _numbers(op.second, table)[mask]
            both = a.notna() & b.notna()
            xs, ys = a[both].to_numpy(dtype=float), b[both].to_numpy(dtype=float)
            if len(xs) < 3 or np.ptp(xs) == 0 or np.ptp(ys) == 0:
                # One or two rows, or a column that never varies: no correlation to give.
                raise ColumnTypeError(
                    f"a correlation of {op.first} and {op.second} needs three rows or more "
                    f"where both hold numbers that vary; the rows asked for give {len(xs)}",
                    expected="three rows or more with varying numbers",
                    found=f"{len(xs)} row(s)",
                    where=f"{op.first} and {op.second}",
                )
            return Answer(float(np.corrcoef(xs, ys)[0, 1]))
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


def _texts(name: str, table: Table) -> pd.Series:
    return table.values(name).series


# --- operations --------------------------------------------------------------------------------


def _measure(measure: Measure, table: Table, total: bool = False) -> pd.Series:
    """Each row's value of the measure; for a ``total``, a blank in a sum or difference of two
    number columns reads as 0 (see conditions.blanks_add_nothing), as Excel's arithmetic does."""
    if measure.span:  # each row's total over side-by-side columns (Jan ... Dec)
        cells = [_numbers(c, table).reset_index(drop=True) for c in measure.span]
        return pd.concat(cells, axis=1).sum(axis=1, min_count=1)
    a = _numbers(measure.column, table)
    if measure.other is None:
        if table.column(measure.column).kind is ColumnKind.DATE:
            return table.values(measure.column).series
        return a
    b = _numbers(measure.other, table)
    if total and blanks_add_nothing(measure, table):
        both_blank = a.isna() & b.isna()
        a, b = a.fillna(0), b.fillna(0)
        return (a + b if measure.op == "+" else a - b).where(~both_blank)
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
        values = _measure(op.measure, table, total=op.func is AggFunc.SUM)
        plain = op.measure.other is None and not op.measure.span
        if plain and op.func in (AggFunc.COUNT, AggFunc.COUNT_DISTINCT):
            values = table.values(op.measure.column).series
    values = values.reset_index(drop=True)
    if op.measure is not None and op.measure.span and op.measure.op is None:
        return _span_aggregate(op, op.measure.span, mask, table)
    if op.once_per is not None:  # each value of the key once, with its first row's measure
        key = table.values(op.once_per).series.reset_index(drop=True)
        counted = mask & key.notna() & values.notna()
        mask = counted & ~(key.where(counted).duplicated() & counted)
    if not op.keys:
        return Answer(_reduce(op.func, values[mask], op.percentile, name, table))
    labels = [group_labels(column, period, table, mask) for column, period in op.keys]
    keep = mask.copy()
    for key in labels:
        keep &= key.notna()
    columns = {f"k{i}": key[keep] for i, key in enumerate(labels)}
    frame = pd.DataFrame({**columns, "value": values[keep]})
    result: dict[str, object] = {}
    # Each group's part of the whole: of every row that passes, as the formula divides.
    whole = _reduce(op.func, values[mask], None, name, table) if op.share else None
    # Periods in calendar order; other keys in the order they first appear.
    for key_tuple, group in frame.groupby(list(columns), sort=False):
        parts = key_tuple if isinstance(key_tuple, tuple) else (key_tuple,)
        place = result
        for part in parts[:-1]:
            place = cast(dict[str, object], place.setdefault(str(part), {}))
        figure = _reduce(op.func, group["value"], op.percentile, name, table)
        if whole is not None:
            figure = _divide(cast(float, figure), cast(float, whole), name)
        place[str(parts[-1])] = figure
    groups = tuple(
        _group_conditions(column, period, table, key, mask)
        for (column, period), key in zip(op.keys, labels, strict=True)
    )
    return Answer(_in_calendar_order(result, op, labels), groups=groups)


def _span_aggregate(op: Aggregate, span: tuple[str, ...], mask: pd.Series, table: Table) -> Answer:
    """An aggregate of every cell of side-by-side columns in the rows that pass (Jan ... Mar
    of the Head Torch row), per group when grouped (by one key or two)."""
    cells = pd.concat([_numbers(c, table).reset_index(drop=True) for c in span], axis=1)
    if not op.keys:
        flat = pd.Series(cells[mask].to_numpy(dtype=float).ravel())
        return Answer(_reduce(op.func, flat, op.percentile, span[0], table))
    labels = [group_labels(column, period, table, mask) for column, period in op.keys]
    keep = mask.copy()
    for key in labels:
        keep &= key.notna()
    keys = pd.DataFrame({f"k{i}": key[keep] for i, key in enumerate(labels)})
    result: dict[str, object] = {}
    for key_tuple, group in keys.groupby(list(keys.columns), sort=False):
        parts = key_tuple if isinstance(key_tuple, tuple) else (key_tuple,)
        place = result
        for part in parts[:-1]:
            place = cast(dict[str, object], place.setdefault(str(part), {}))
        flat = pd.Series(cells.loc[group.index].to_numpy(dtype=float).ravel())
        place[str(parts[-1])] = _reduce(op.func, flat, op.percentile, span[0], table)
    groups = tuple(
        _group_conditions(column, period, table, key, mask)
        for (column, period), key in zip(op.keys, labels, strict=True)
    )
    return Answer(_in_calendar_order(result, op, labels), groups=groups)


def group_labels(column: str, period: Period | None, table: Table, mask: pd.Series) -> pd.Series:
    """Each row's group key as text: the cell, or for a date column read by period its label."""
    series = table.values(column).series.reset_index(drop=True)
    if period is None:
        return series.map(lambda v: None if pd.isna(v) else _group_key(v))
    labels, _ = period_labels(series.where(mask), period)
    return labels


def _group_conditions(
    column: str, period: Period | None, table: Table, labels: pd.Series, mask: pd.Series
) -> dict[str, Condition]:
    """The condition that picks each group's rows, by the group's label."""
    if period is not None:
        dates = table.values(column).series.reset_index(drop=True).where(mask)
        _, bounds = period_labels(dates, period)
        return {
            label: Condition(column, Cmp.BETWEEN, first, last)
            for label, (first, last) in bounds.items()
        }
    kind = table.column(column).kind
    found: dict[str, Condition] = {}
    values = table.values(column).series.reset_index(drop=True)
    for row in labels.dropna().index:
        label = str(labels[row])
        if label in found:
            continue
        value = values[row]
        scalar: float | str | dt.date
        if isinstance(value, (int, float)):
            scalar = float(value)
        elif isinstance(value, pd.Timestamp) and kind is ColumnKind.DATE:
            scalar = value.date()
        else:
            scalar = str(value)
        found[label] = Condition(column, Cmp.EQ, scalar)
    return found


def _in_calendar_order(
    result: dict[str, object], op: Aggregate, labels: list[pd.Series]
) -> dict[str, object]:
    order = [
        list(dict.fromkeys(_calendar(key.dropna().tolist()))) if period is not None else []
        for key, (_, period) in zip(labels, op.keys, strict=True)
    ]

    def arrange(level: dict[str, object], depth: int) -> dict[str, object]:
        period = op.keys[depth][1]
        keys = [k for k in order[depth] if k in level] if period is not None else list(level)
        return {
            k: arrange(cast(dict[str, object], level[k]), depth + 1)
            if depth + 1 < len(op.keys)
            else level[k]
            for k in keys
        }

    return arrange(result, 0)


def _calendar(labels: list[str]) -> list[str]:
    """Period labels in calendar order ('Q1' < 'Q2', 'Mar 2024' < 'Jan 2025')."""
    months = {m: i for i, m in enumerate(calendar.month_abbr) if m}

    def when(label: str) -> tuple[int, int]:
        parts = label.split()
        year = int(parts[-1]) if parts[-1].isdigit() and len(parts[-1]) == 4 else 0
        head = parts[0]
        if head.startswith("Q") and head[1:].isdigit():
            return year, int(head[1:])
        return (year, months.get(head, 0)) if head in months else (int(head), 0)

    return sorted(labels, key=when)


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
    values = _numbers(op.measure, table) if op.derived is None else _measure(op.derived, table)
    candidates = values[row_mask(op.where, table) & values.notna()]
    ordered = candidates.sort_values(ascending=not op.largest, kind="stable")
    index = [int(i) for i in ordered.index[: op.n]]
    answer = Answer(_rows(table, index))
    if len(index) < op.n:
        answer.notes.append(f"only {len(index)} rows qualify")
    return answer


def _arg(op: ArgExtreme, table: Table) -> Answer:
    mask = row_mask(op.where, table)
    target = table.values(op.target).series
    if op.count:
        measure = pd.Series(np.ones(table.n_rows))
    elif op.derived is not None:
        measure = _measure(op.derived, table)
    else:
        measure = _numbers(op.measure, table)
    measure = measure.reset_index(drop=True)
    keep = mask & measure.notna() & target.notna()
    if not keep.any():
        raise _empty(op.measure, table, "a comparison")
    names = target[keep]
    keys = names.map(_group_key)
    if op.grouped:
        frame = pd.DataFrame({"key": keys, "value": measure[keep]})
        per_key = frame.groupby("key", sort=False)["value"]
        scores = per_key.mean() if op.average else per_key.sum()
        if op.count and op.where:
            # 'which lab had the fewest failures': a lab with none has 0, and is in the running.
            names = target[target.notna()]
            keys = names.map(_group_key)
            scores = scores.reindex(pd.unique(keys), fill_value=0)
    else:
        scores = pd.Series(measure[keep].to_numpy(), index=keys.to_numpy())
    if op.n > 1:
        return _best_n(scores, op)
    best = scores.max() if op.largest else scores.min()
    winners = list(dict.fromkeys(str(k) for k in scores.index[scores == best]))
    # A number names the row as a number (Order ID 1049), not as the text '1049'.
    shown = [json_value(names[keys == w].iloc[0]) for w in winners]
    answer = Answer(shown[0] if len(shown) == 1 else shown)
    if len(winners) > 1:
        answer.notes.append(
            f"a tie: {', '.join(winners)} share the {'top' if op.largest else 'bottom'} value"
        )
    return answer


def _best_n(scores: pd.Series, op: ArgExtreme) -> Answer:
    """The ``n`` best targets in order; a tie across the last place is reported."""
    ordered = scores.sort_values(ascending=not op.largest, kind="stable")
    names = [str(k) for k in ordered.index[: op.n]]
    answer = Answer(names)
    if len(ordered) > op.n and ordered.iloc[op.n] == ordered.iloc[op.n - 1]:
        answer.notes.append(
            f"a tie at place {op.n}: {ordered.index[op.n]} has the same value as {names[-1]}"
        )
    if len(ordered) < op.n:
        answer.notes.append(f"only {len(ordered)} qualify")
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


def _period_start(key: int, period: str) -> dt.date:
    """The first day of the period with this key of :func:`_period_keys`."""
    if period == "month":
        return dt.date((key - 1) // 12, (key - 1) % 12 + 1, 1)
    if period == "quarter":
        return dt.date((key - 1) // 4, 3 * ((key - 1) % 4) + 1, 1)
    return dt.date(key, 1, 1)


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
        ),
        periods=(_period_start(latest, op.period), _period_start(latest - 1, op.period)),
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
    top = folded.isin(best)
    tied = values[top].groupby(folded[top], sort=False).first()
    if len(tied) == 1:
        return Answer(tied.iloc[0])
    # Every value sharing the top count, in the order of the sheet (as ranked names do).
    answer = Answer([json_value(v) for v in tied])
    answer.notes.append(f"a tie: {len(tied)} values share the top count ({int(counts.max())})")
    return answer
