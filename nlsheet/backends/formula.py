"""Excel formulas for plans: absolute, sheet-qualified ranges; one handler per op.

An op the backend cannot express raises :class:`UnsupportedOperationError`; it never returns an
approximate formula. ``Formula.text`` is what a person types into Excel; ``Formula.file_text``
carries the ``_xlfn.`` prefixes that functions newer than Excel 2007 need inside a file.

Example:
    >>> to_formula(Plan("Sales", Aggregate(AggFunc.AVERAGE, Measure("Sales"))), table).text
    '=AVERAGE(Sales!$G$2:$G$201)'
"""

from __future__ import annotations

import datetime as dt
from typing import assert_never

from nlsheet import refs
from nlsheet.backends.conditions import Compare, TextIs, facts, lower
from nlsheet.backends.criteria import ifs_criteria, literal, mask
from nlsheet.backends.formula_parts import (
    IFS_FUNCTIONS,
    ONE_FIGURE,
    PLAIN,
    Formula,
    as_text_columns,
    column_range,
    measure_expr,
    present_test,
    read_values,
    to_file_text,
)
from nlsheet.backends.gaps import skip_gaps
from nlsheet.backends.pandas_exec import Answer
from nlsheet.errors import UnsupportedOperationError
from nlsheet.plan import (
    AggFunc,
    Aggregate,
    ArgExtreme,
    Cmp,
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
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["Formula", "as_text_columns", "to_file_text", "to_formula"]


def to_formula(plan: Plan, table: Table, answer: Answer) -> Formula:
    """Return the Excel formula that computes the plan's value live.

    ``answer`` is the value :func:`nlsheet.backends.pandas_exec.execute` computed for the plan:
    its groups, periods and spill size shape the formula, so nothing is computed twice.

    Raises:
        UnsupportedOperationError: If the op has no faithful formula.
    """
    if table.n_rows == 0:
        raise UnsupportedOperationError(
            f"{table.ref} has no data rows, so there is no range to write a formula over",
            expected="at least one data row",
            found="none",
            where=table.ref,
        )
    op = skip_gaps(plan, table).op
    match op:
        case Aggregate():
            return _aggregate(op, table, answer)
        case Lookup():
            return _lookup(op, table)
        case TopN():
            return _top(op, table)
        case ArgExtreme():
            ties = len(answer.value) if isinstance(answer.value, list) and op.n == 1 else 1
            return _arg(op, table, ties)
        case Share():
            return _share(op, table)
        case Ratio():
            num = _total(op.numerator, op.where, table)
            den = _total(op.denominator, op.where, table)
            less = "-1" if op.change else ""
            return Formula(f"={num}/{den}{less}", array=_is_array(op.where, table))
        case Correlation():
            a, b = _filtered(op.first, op.where, table), _filtered(op.second, op.where, table)
            return Formula(f"=CORREL({a},{b})", array=bool(op.where))
        case Trend():
            return _trend(op, table)
        case Growth():
            return _growth(op, table, answer)
        case UniqueValues():
            r = column_range(op.column, table)
            keep = f'({r}<>"")' if not op.where else f'{mask(op.where, table)}*({r}<>"")'
            count = len(answer.value) if isinstance(answer.value, list) else 1
            return Formula(f"=UNIQUE(FILTER({r},{keep}))", array=True, spill=(count, 1))
        case MostFrequent():
            r = column_range(op.column, table)
            if not op.where:
                counts = f'COUNTIF({r},{r})*({r}<>"")'
            else:
                # Each row's value counted over the rows that pass, and only where it passes.
                m = mask(op.where, table)
                counts = f'MMULT(--({r}=TRANSPOSE({r})),--({m}))*({m})*({r}<>"")'
            tied = len(answer.value) if isinstance(answer.value, list) else 1
            if tied > 1:
                return _tied(r, counts, "MAX", tied, unique=True)
            return Formula(f"=INDEX({r},MATCH(MAX({counts}),{counts},0))", array=True)
        case Longest():
            r = column_range(op.column, table)
            m = "" if not op.where else f"*({mask(op.where, table)})"
            lengths = f"LEN({r}){m}"
            return Formula(f"=INDEX({r},MATCH(MAX({lengths}),{lengths},0))", array=True)
        case _:
            assert_never(op)


def _is_array(where: Where, table: Table) -> bool:
    return bool(where) and ifs_criteria(where, table) is None


def _filtered(name: str, where: Where, table: Table) -> str:
    values = read_values(name, table)
    return values if not where else f"IF({mask(where, table)},{values})"


def _total(name: str, where: Where, table: Table) -> str:
    criteria = ifs_criteria(where, table) if where else None
    if not where:
        return f"SUM({read_values(name, table)})"
    if criteria is not None and not table.values(name).numbers_as_text:
        return f"SUMIFS({column_range(name, table)},{','.join(criteria)})"
    return f"SUM({_filtered(name, where, table)})"


def _aggregate(op: Aggregate, table: Table, answer: Answer) -> Formula:
    row_totals = op.measure is not None and bool(op.measure.span) and op.measure.op is not None
    if op.group_by is not None and (op.once_per is not None or row_totals):
        raise UnsupportedOperationError(
            "no formula for a grouped aggregate of row totals or of each value once",
            expected="an aggregate over the rows that pass",
            found=f"grouped by {op.group_by}",
            where="aggregate",
        )
    if op.group_by is not None:
        return _grouped(op, table, answer)
    if op.once_per is not None and op.measure is not None:
        return _once_per(op, op.once_per, op.measure, table)
    return _ungrouped(op, op.where, table)


def _span(op: Aggregate, span: tuple[str, ...], where: Where, table: Table) -> Formula:
    """The aggregate of every cell of side-by-side columns: =SUM(Units!$B$2:$D$17), or of the
    rows that pass, =SUMPRODUCT((Units!$A$2:$A$17="Head Torch")*(Units!$B$2:$D$17))."""
    first, last = table.column(span[0]), table.column(span[-1])
    block = refs.range_ref(table.sheet, table.first_row, first.column, table.last_row, last.column)
    if op.func not in PLAIN or op.func is AggFunc.PERCENTILE:
        raise UnsupportedOperationError(f"no formula for the {op.func.value} of a block of cells")
    name = PLAIN[op.func]
    if not where:
        return Formula(f"={name}({block})")
    if op.func is AggFunc.SUM:
        return Formula(f"=SUMPRODUCT({mask(where, table)}*({block}))")
    return Formula(f"={name}(IF({mask(where, table)},{block}))", array=True)


def _once_per(op: Aggregate, key: str, measure: Measure, table: Table) -> Formula:
    """Each value of ``key`` once, with the measure of its first row that passes and has one:
    =AVERAGE(XLOOKUP(UNIQUE(FILTER(keys,keep)),FILTER(keys,keep),FILTER(rents,keep)))."""
    if measure.other is not None or measure.span or op.func not in ONE_FIGURE:
        raise UnsupportedOperationError(
            f"no formula for the {op.func.value} of {measure.column} once per {key}",
            expected="one column's sum, average, minimum, maximum or median",
            found=measure.column,
            where="aggregate",
        )
    keys, values = column_range(key, table), read_values(measure.column, table)
    keep = f'{mask(op.where, table)}*({keys}<>"")*({column_range(measure.column, table)}<>"")'
    first = f"XLOOKUP(UNIQUE(FILTER({keys},{keep})),FILTER({keys},{keep}),FILTER({values},{keep}))"
    return Formula(f"={PLAIN[op.func]}({first})", array=True)


def _ungrouped(op: Aggregate, where: Where, table: Table) -> Formula:
    func, measure = op.func, op.measure
    if measure is not None and measure.span and measure.op is None:
        return _span(op, measure.span, where, table)
    if measure is not None and measure.span:  # each row's total, of the rows with a figure
        if func not in ONE_FIGURE:
            raise UnsupportedOperationError(f"no formula for the {func.value} of row totals")
        totals = measure_expr(measure, table)
        keep = f"{mask(where, table)}*{present_test(measure, measure.column, table)}"
        return Formula(f"={PLAIN[func]}(IF({keep},{totals}))", array=True)
    criteria = ifs_criteria(where, table) if where else None
    if measure is None:  # a count of rows
        if not where:
            return Formula(f"=ROWS({table.columns[0].data_range})")
        if criteria is not None:
            return Formula(f"=COUNTIFS({','.join(criteria)})")
        return Formula(f"=SUMPRODUCT(--({mask(where, table)}))")
    column = table.column(measure.column)
    text_kind = column.kind in (ColumnKind.TEXT, ColumnKind.BOOL) and measure.other is None
    as_text = bool(table.values(measure.column).numbers_as_text) or measure.other is not None
    if func is AggFunc.COUNT_DISTINCT:
        r = column_range(measure.column, table)
        keep = f'({r}<>"")' if not where else f'{mask(where, table)}*({r}<>"")'
        return Formula(f"=ROWS(UNIQUE(FILTER({r},{keep})))", array=True)
    if func is AggFunc.COUNT:
        if text_kind:
            if not where:
                return Formula(f"=COUNTA({column.data_range})")
            if criteria is not None:
                return Formula(f'=COUNTIFS({",".join(criteria)},{column.data_range},"<>")')
            return Formula(f'=SUMPRODUCT(({mask(where, table)})*({column.data_range}<>""))')
        values = measure_expr(measure, table)
        if not where:
            return Formula(f"=COUNT({values})", array=as_text)
        return Formula(f"=COUNT(IF({mask(where, table)},{values}))", array=True)
    values = measure_expr(measure, table, total=func is AggFunc.SUM)
    extra = f",{literal(op.percentile)}" if func is AggFunc.PERCENTILE else ""
    name = PLAIN[func]
    if not where:
        if func is AggFunc.SUM and measure.op == "*" and not as_text_columns(measure, table):
            a, b = column_range(measure.column, table), column_range(str(measure.other), table)
            return Formula(f"=SUMPRODUCT({a},{b})")
        return Formula(f"={name}({values}{extra})", array=as_text)
    if criteria is not None and func in IFS_FUNCTIONS and not as_text:
        return Formula(f"={IFS_FUNCTIONS[func]}({column.data_range},{','.join(criteria)})")
    return Formula(f"={name}(IF({mask(where, table)},{values}){extra})", array=True)


# Joins the keys of a group within a group in :attr:`Formula.groups` ('Lyon | Q1').
GROUP_SEPARATOR = " | "


def _grouped(op: Aggregate, table: Table, answer: Answer) -> Formula:
    """One formula per group of the answer (per pair of groups with ``then_by``): the
    aggregate with the condition that picks each group's rows added (a date range for a
    period)."""
    if op.where.any:
        raise UnsupportedOperationError(
            "a grouped answer with 'or' conditions has no per-group formula here",
            expected="conditions joined by 'and'",
            found="'or'",
            where=op.group_by or "",
        )
    groups: dict[str, str] = {}
    whole = "/" + _ungrouped(op, op.where, table).text[1:] if op.share else ""
    for combo in _label_paths(answer.value, len(op.keys)):
        conditions = [answer.groups[i][label] for i, label in enumerate(combo)]
        where = Where((*op.where.conditions, *conditions))
        groups[GROUP_SEPARATOR.join(combo)] = _ungrouped(op, where, table).text + whole
    if not groups:
        raise UnsupportedOperationError(
            "no row passes the conditions, so there is no group to write a formula for",
            expected="a group",
            found="none",
            where=op.group_by or "",
        )
    first = next(iter(groups.values()))
    return Formula(first, array=any(_is_array_text(t) for t in groups.values()), groups=groups)


def _label_paths(value: object, depth: int) -> list[tuple[str, ...]]:
    """The group labels of a grouped value ({label: {label: value}}), outer first."""
    if depth == 0 or not isinstance(value, dict):
        return [()]
    return [
        (str(label), *rest)
        for label, inner in value.items()
        for rest in _label_paths(inner, depth - 1)
    ]


def _is_array_text(text: str) -> bool:
    return "IF(" in text or "UNIQUE(" in text


def _exact_key(where: Where, table: Table) -> str | None:
    """The key when XLOOKUP and MATCH(...,0) find exactly the rows the one condition means:
    no wildcards, no number or date cells that text would miss, no times of day."""
    if len(where.conditions) != 1 or where.conditions[0].cmp is not Cmp.EQ:
        return None
    condition = where.conditions[0]
    if condition.other is not None:
        return None
    test = lower(condition, table)
    seen = facts(table, condition.column)
    if isinstance(test, TextIs):
        plain = not any(c in test.text for c in "*?~") and table.column(test.column).kind in (
            ColumnKind.TEXT,
            ColumnKind.NUMBER,
        )
        digits = any(c.isdigit() for c in test.text)
        if plain and not (digits and (seen.numbers or seen.number_text)):
            return literal(test.text)
        return None
    if isinstance(test, Compare) and not seen.number_text and not seen.times:
        return literal(test.value)
    return None


def _lookup(op: Lookup, table: Table) -> Formula:
    target = column_range(op.target, table)
    key = _exact_key(op.where, table)
    if key is not None:
        r = column_range(op.where.conditions[0].column, table)
        return Formula(
            f"=XLOOKUP({key},{r},{target})", legacy=f"=INDEX({target},MATCH({key},{r},0))"
        )
    m = mask(op.where, table)
    return Formula(
        f"=XLOOKUP(1,({m})*1,{target})",
        array=True,
        legacy=f"=INDEX({target},MATCH(1,({m})*1,0))",
    )


def _top(op: TopN, table: Table) -> Formula:
    whole = refs.range_ref(
        table.sheet, table.first_row, table.first_column, table.last_row, table.last_column
    )
    measure = column_range(op.measure, table)
    order = -1 if op.largest else 1
    keep = present_test(op.derived, measure, table)
    keep = keep if not op.where else f"{mask(op.where, table)}*{keep}"
    scores = measure if op.derived is None else measure_expr(op.derived, table)
    body = f"SORTBY(FILTER({whole},{keep}),FILTER({scores},{keep}),{order})"
    width = len(table.columns)
    return Formula(
        f"=INDEX({body},SEQUENCE({op.n}),SEQUENCE(1,{width}))",
        array=True,
        spill=(op.n, width),
    )


def _arg(op: ArgExtreme, table: Table, ties: int = 1) -> Formula:
    """The name(s) ranked first; with ``ties`` above 1, every name sharing the best value."""
    target, measure = column_range(op.target, table), column_range(op.measure, table)
    order = -1 if op.largest else 1
    best = "MAX" if op.largest else "MIN"
    pick, spill = ("1", None) if op.n == 1 else (f"SEQUENCE({op.n})", (op.n, 1))
    if op.grouped and op.derived is not None:
        return _arg_derived_grouped(op, op.derived, table, ties)
    if op.grouped:
        keep = f'({target}<>"")'
        if op.where and not op.count:  # a count is 0 for a name whose rows all fail the test
            keep = f'{mask(op.where, table)}*({target}<>"")'
        if op.average:  # a name with no number to average would be a #DIV/0! in the ranking
            keep += f'*({measure}<>"")'
        names = f"UNIQUE(FILTER({target},{keep}))"
        criteria = ifs_criteria(op.where, table) if op.where else []
        if criteria is None:
            # Conditions *IFS cannot say: total each name with a matrix product over the rows
            # that pass (names x rows) times (rows x 1).
            k = f'{mask(op.where, table)}*({target}<>"")'
            k += "" if op.count else f'*({measure}<>"")'
            names = (
                f'UNIQUE(FILTER({target},{target}<>""))'
                if op.count
                else f"UNIQUE(FILTER({target},{k}))"
            )
            per_row = f'FILTER(--({target}<>""),{k})' if op.count else f"FILTER({measure},{k})"
            return _ranked_by_matrix(op, target, names, k, per_row, ties)
        extra = "," + ",".join(criteria) if criteria else ""
        func = "COUNTIFS" if op.count else "AVERAGEIFS" if op.average else "SUMIFS"
        totals = f"{func}({target},{names}{extra})"
        if not op.count:
            totals = f"{func}({measure},{target},{names}{extra})"
        if ties > 1:
            return _tied(names, totals, best, ties)
        return Formula(f"=INDEX(SORTBY({names},{totals},{order}),{pick})", array=True, spill=spill)
    if op.derived is not None:
        # Single rows ranked by two columns combined row by row: rows missing either are out.
        k = present_test(op.derived, measure, table)
        k = k if not op.where else f"{mask(op.where, table)}*{k}"
        scores = measure_expr(op.derived, table)
        if op.n > 1:
            ranked = f"SORTBY(FILTER({target},{k}),FILTER({scores},{k}),{order})"
            return Formula(f"=INDEX({ranked},{pick})", array=True, spill=spill)
        values = f"IF({k},{scores})"
    elif op.n > 1:
        k = f'({measure}<>"")' if not op.where else f'{mask(op.where, table)}*({measure}<>"")'
        ranked = (
            f"SORTBY(FILTER({target},{k}),FILTER({read_values(op.measure, table)},{k}),{order})"
        )
        return Formula(f"=INDEX({ranked},{pick})", array=True, spill=spill)
    else:
        values = _filtered(op.measure, op.where, table)
    if ties > 1:
        return _tied(target, values, best, ties, unique=True)
    return Formula(f"=INDEX({target},MATCH({best}({values}),{values},0))", array=True)


def _tied(names: str, scores: str, best: str, ties: int, unique: bool = False) -> Formula:
    """Every name whose score is the best one, in the order of the sheet."""
    found = f"FILTER({names},{scores}={best}({scores}))"
    return Formula(f"={f'UNIQUE({found})' if unique else found}", array=True, spill=(ties, 1))


def _arg_derived_grouped(op: ArgExtreme, derived: Measure, table: Table, ties: int = 1) -> Formula:
    """Names ranked by the total (average) of two columns combined row by row, per name, over
    the rows that have both."""
    target = column_range(op.target, table)
    k = f'{present_test(derived, derived.column, table)}*({target}<>"")'
    k = k if not op.where else f"{mask(op.where, table)}*{k}"
    per_row = f"FILTER({measure_expr(derived, table)},{k})"
    return _ranked_by_matrix(op, target, f"UNIQUE(FILTER({target},{k}))", k, per_row, ties)


def _ranked_by_matrix(
    op: ArgExtreme, target: str, names: str, k: str, per_row: str, ties: int = 1
) -> Formula:
    """Names ranked by their totals (averages) of ``per_row``, the values of the rows that
    pass ``k``: a matrix product of (names x rows) and (rows x 1)."""
    matrix = f"--({names}=TRANSPOSE(FILTER({target},{k})))"
    totals = f"MMULT({matrix},{per_row})"
    if op.average:
        totals += f'/MMULT({matrix},FILTER(--({target}<>""),{k}))'
    if ties > 1:
        return _tied(names, totals, "MAX" if op.largest else "MIN", ties)
    order = -1 if op.largest else 1
    pick, spill = ("1", None) if op.n == 1 else (f"SEQUENCE({op.n})", (op.n, 1))
    return Formula(f"=INDEX(SORTBY({names},{totals},{order}),{pick})", array=True, spill=spill)


def _share(op: Share, table: Table) -> Formula:
    both = Where(op.where.conditions + op.part.conditions) if not op.where.any else op.where
    if op.part.any and op.where:
        raise UnsupportedOperationError(
            "a share with 'or' inside another condition has no formula here",
            expected="conditions joined by 'and'",
            found="'or'",
            where="share",
        )
    part = op.part if not op.where else both
    if op.measure is None:
        count = _ungrouped(Aggregate(AggFunc.COUNT), part, table)
        base = _ungrouped(Aggregate(AggFunc.COUNT), op.where, table)
        return Formula(f"={count.text[1:]}/{base.text[1:]}", array=count.array or base.array)
    num = _total(op.measure, part, table)
    den = _total(op.measure, op.where, table)
    return Formula(f"={num}/{den}", array=_is_array(part, table) or _is_array(op.where, table))


def _trend(op: Trend, table: Table) -> Formula:
    y, x = _filtered(op.y, op.where, table), _filtered(op.x, op.where, table)
    if op.intercept:
        return Formula(f"=INTERCEPT({y},{x})", array=bool(op.where))
    if op.at is None:
        return Formula(f"=SLOPE({y},{x})", array=bool(op.where))
    at = literal(op.at) if isinstance(op.at, dt.date) else literal(float(op.at))
    return Formula(f"=FORECAST.LINEAR({at},{y},{x})", array=bool(op.where))


def _period_test(d: str, start: dt.date, period: str) -> str:
    """1 for the dates of ``d`` in the period that begins on ``start``."""
    year = f"(YEAR({d})={start.year})"
    if period == "month":
        return f"{year}*(MONTH({d})={start.month})"
    if period == "quarter":
        return f"{year}*(ROUNDUP(MONTH({d})/3,0)={(start.month - 1) // 3 + 1})"
    return year


def _growth(op: Growth, table: Table, answer: Answer) -> Formula:
    if answer.periods is None:
        raise UnsupportedOperationError(
            f"{op.date} has no dates", expected="dates", found="none", where=op.date
        )
    latest, previous = answer.periods
    d = column_range(op.date, table)
    m = read_values(op.measure, table)
    extra = "" if not op.where else f"*({mask(op.where, table)})"
    a, b = _period_test(d, latest, op.period), _period_test(d, previous, op.period)
    return Formula(f"=SUMPRODUCT({a}{extra}*{m})/SUMPRODUCT({b}{extra}*{m})-1", array=True)
