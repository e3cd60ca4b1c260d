"""Evaluate a question on the rows that were written (tests/cases/questions.yaml).

The guards refuse questions whose answer would hinge on a tie, a blank or a text-stored
number (``AmbiguousQuestionError``), so every expected value is unambiguous.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from decimal import Decimal

from ..query import AGGREGATES, TEXT_OPS, Question
from ..table import Table, Value, as_number
from .rows import (
    AmbiguousQuestionError,
    Row,
    aggregate,
    excel_serial,
    group_key,
    is_blank,
    matches,
    percentile_inc,
    plain,
    same_value,
)


class QuestionEval:
    """Evaluate one question against one table."""

    def __init__(self, table: Table, question: Question) -> None:
        self.table = table
        self.q = question
        self.all_rows: list[Row] = [dict(zip(table.headers, r, strict=True)) for r in table.rows]
        joined = all if question.joiner == "and" else any
        self.rows = [
            row for row in self.all_rows if joined(matches(c, row) for c in question.where)
        ]

    def fail(self, why: str) -> AmbiguousQuestionError:
        return AmbiguousQuestionError(f"{self.q.command!r}: {why}")

    def measure_of(self, row: Row) -> Decimal | None:
        q = self.q
        assert q.measure is not None
        left = as_number(row[q.measure])
        if q.arith is None:
            return left
        assert q.other is not None
        right = as_number(row[q.other])
        if left is None or right is None:
            if q.arith != "*":
                raise self.fail("a blank operand changes the answer of - or /")
            return None
        if q.arith == "*":
            return left * right
        if q.arith == "-":
            return left - right
        if q.arith == "/":
            return left / right
        raise ValueError(q.arith)

    def numbers(self, rows: Sequence[Row]) -> list[Decimal]:
        if self.q.across:  # several columns read as one: every cell of each
            cells = [r[c] for r in rows for c in self.q.across]
            return [n for n in map(as_number, cells) if n is not None]
        return [n for n in map(self.measure_of, rows) if n is not None]

    def is_date_measure(self) -> bool:
        q = self.q
        cells = [r[q.measure] for r in self.all_rows if q.measure and r[q.measure] is not None]
        return bool(cells) and all(isinstance(c, dt.date) for c in cells)

    def aggregate(self, op: str, rows: Sequence[Row]) -> Value:
        if op == "count":
            return len(rows)
        if op in ("min", "max") and self.is_date_measure():
            assert self.q.measure is not None
            days = [r[self.q.measure] for r in rows if r[self.q.measure] is not None]
            return (min if op == "min" else max)(days)
        numbers = self.numbers(rows)
        if not numbers:
            raise self.fail("no numbers to aggregate")
        if op in AGGREGATES:
            return aggregate(op, numbers)
        floats = [float(n) for n in numbers]
        if op == "stdev":
            return statistics.stdev(floats)
        if op == "variance":
            return statistics.variance(floats)
        if op == "percentile":
            assert self.q.p is not None
            return percentile_inc(numbers, Decimal(self.q.p))
        if op == "mode":
            counts: dict[Decimal, int] = {}
            for n in numbers:
                counts[n] = counts.get(n, 0) + 1
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                raise self.fail("several modes")
            return max(counts, key=lambda n: counts[n])
        raise ValueError(op)

    def pairs(self) -> tuple[list[float], list[float]]:
        """(x, y) pairs of ``other`` and ``measure``; dates become Excel serials."""
        q = self.q
        assert q.measure is not None and q.other is not None
        xs: list[float] = []
        ys: list[float] = []
        for row in self.rows:
            xcell, y = row[q.other], as_number(row[q.measure])
            x = Decimal(excel_serial(xcell)) if isinstance(xcell, dt.date) else as_number(xcell)
            if x is not None and y is not None:
                xs.append(float(x))
                ys.append(float(y))
        if len(xs) < 3:
            raise self.fail("too few pairs")
        return xs, ys

    def top_rows(self) -> list[dict[str, Value]]:
        q = self.q
        scored = [
            (n, i, r) for i, r in enumerate(self.rows) if (n := self.measure_of(r)) is not None
        ]
        descending = q.op == "top_n"
        scored.sort(key=lambda t: (-t[0] if descending else t[0], t[1]))
        if len(scored) <= q.n or scored[q.n - 1][0] == scored[q.n][0]:
            raise self.fail(f"a tie straddles the top {q.n} cutoff")
        out = []
        for _, _, row in scored[: q.n]:
            for header, cell in row.items():
                if cell is None or (isinstance(cell, str) and as_number(cell) is not None):
                    raise self.fail(f"row holds a blank or text number in {header}")
            out.append({h: plain(v) for h, v in row.items()})
        return out

    def arg(self) -> Value:
        q = self.q
        assert q.target is not None
        targets = [r[q.target] for r in self.rows if not is_blank(r[q.target])]
        whole = [r[q.target] for r in self.all_rows if not is_blank(r[q.target])]
        repeats = len(set(targets)) != len(targets)
        if repeats != (len(set(whole)) != len(whole)):
            raise self.fail("target repeats in the table but not in the matching rows")
        scores: dict[Value, Decimal] = {}
        for row in self.rows:
            number = self.measure_of(row)
            if number is None or is_blank(row[q.target]):
                continue
            key = row[q.target]
            scores[key] = scores.get(key, Decimal(0)) + number if repeats else number
        ranked = sorted(scores.values(), reverse=q.op == "arg_max")
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            raise self.fail("tie for the winner")
        return next(k for k, v in scores.items() if v == ranked[0])

    def lookup(self) -> tuple[Value, str]:
        q = self.q
        assert q.target is not None and q.key is not None
        hits = []
        for row in self.all_rows:
            cols = [h for h, v in row.items() if isinstance(v, str) and same_value(v, q.key)]
            if cols:
                hits.append((row, cols[0]))
        if not hits:
            raise self.fail(f"no row holds {q.key!r}")
        values = {repr(row[q.target]) for row, _ in hits}
        key_columns = {col for _, col in hits}
        if len(values) != 1 or len(key_columns) != 1:
            raise self.fail("matching rows disagree")
        row, column = hits[0]
        value = row[q.target]
        if is_blank(value) or (isinstance(value, str) and as_number(value) is not None):
            raise self.fail("lookup target is blank or a text number")
        return value, column

    def text_op(self) -> Value:
        q = self.q
        assert q.target is not None
        values = [r[q.target] for r in self.rows if not is_blank(r[q.target])]
        if q.op == "unique_values":
            return list(dict.fromkeys(values))
        if q.op == "most_frequent":
            counts = {v: values.count(v) for v in dict.fromkeys(values)}
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                raise self.fail("tie for most frequent")
            return max(counts, key=lambda v: counts[v])
        if q.op == "longest":
            texts = [str(v) for v in values]
            lengths = sorted({t: len(t) for t in texts}.values(), reverse=True)
            if len(lengths) > 1 and lengths[0] == lengths[1]:
                raise self.fail("tie for longest")
            return max(texts, key=len)
        raise ValueError(q.op)

    def growth(self) -> Decimal:
        q = self.q
        assert q.other is not None
        by_year: dict[int, Decimal] = {}
        for row in self.rows:
            day, number = row[q.other], self.measure_of(row)
            if isinstance(day, dt.date) and number is not None:
                by_year[day.year] = by_year.get(day.year, Decimal(0)) + number
        latest = max(by_year)
        previous = by_year.get(latest - 1)
        if not previous:
            raise self.fail("no previous year to compare with")
        return (by_year[latest] - previous) / previous

    def group_totals(self) -> dict[str, Decimal]:
        """Total ``measure`` per ``group`` key over the matching rows."""
        q = self.q
        assert q.group is not None
        totals: dict[str, Decimal] = {}
        for row in self.rows:
            number = self.measure_of(row)
            if number is not None and not is_blank(row[q.group]):
                key = group_key(row[q.group])
                totals[key] = totals.get(key, Decimal(0)) + number
        return totals

    def top_groups(self) -> list[dict[str, Value]]:
        """The n groups with the largest (smallest) total, as ``{group, measure}`` rows."""
        q = self.q
        assert q.group is not None and q.measure is not None
        ranked = sorted(self.group_totals().items(), key=lambda kv: kv[1], reverse=q.op == "top_n")
        if len(ranked) <= q.n:
            raise self.fail(f"fewer than {q.n + 1} groups")
        totals = [total for _, total in ranked[: q.n + 1]]
        if len(set(totals)) != len(totals):
            raise self.fail(f"a tie among the top {q.n} groups or at the cutoff")
        return [{q.group: key, q.measure: plain(total)} for key, total in ranked[: q.n]]

    def inner_key(self, row: Row) -> str | None:
        q = self.q
        assert q.group2 is not None
        cell = row[q.group2]
        if q.period is None:
            return None if is_blank(cell) else group_key(cell)
        if not isinstance(cell, dt.date):
            return None
        if q.period == "quarter":
            return f"Q{(cell.month - 1) // 3 + 1}"
        if q.period == "year":
            return str(cell.year)
        raise ValueError(q.period)

    def nested_groups(self) -> dict[str, dict[str, Value]]:
        """``{group: {group2: aggregate}}``; every combination must have rows."""
        q = self.q
        assert q.group is not None
        outer: dict[str, dict[str, list[Row]]] = {}
        for row in self.rows:
            inner = self.inner_key(row)
            if inner is not None and not is_blank(row[q.group]):
                outer.setdefault(group_key(row[q.group]), {}).setdefault(inner, []).append(row)
        inner_keys = sorted({key for groups in outer.values() for key in groups})
        if any(len(groups) != len(inner_keys) for groups in outer.values()):
            raise self.fail("a combination of the two groups has no rows (absent or zero?)")
        return {
            key: {inner: plain(self.aggregate(q.op, groups[inner])) for inner in inner_keys}
            for key, groups in outer.items()
        }

    def best_column(self) -> str:
        """The ``across`` column whose total over the matching rows is largest (smallest)."""
        q = self.q
        totals = {
            column: sum(
                (n for r in self.rows if (n := as_number(r[column])) is not None), Decimal(0)
            )
            for column in q.across
        }
        ranked = sorted(totals.values(), reverse=q.op == "arg_max")
        if ranked[0] == ranked[1]:
            raise self.fail("tie for the best column")
        return next(column for column, total in totals.items() if total == ranked[0])

    def value(self) -> tuple[Value, str | None]:
        """The answer, and the column a lookup key was found in."""
        q = self.q
        if not self.rows:
            raise self.fail("no row matches")
        for cond in q.where:
            if cond.op == "neq" and any(is_blank(r[cond.column]) for r in self.all_rows):
                raise self.fail("'is not' on a column with blanks")
        if q.group is not None and q.op in ("top_n", "bottom_n"):
            return self.top_groups(), None
        if q.group is not None and q.group2 is not None:
            return self.nested_groups(), None
        if q.group is not None:
            groups: dict[str, list[Row]] = {}
            for row in self.rows:
                if not is_blank(row[q.group]):
                    groups.setdefault(group_key(row[q.group]), []).append(row)
            return {k: plain(self.aggregate(q.op, rows)) for k, rows in groups.items()}, None
        if q.op in AGGREGATES or q.op in ("stdev", "variance", "percentile", "mode"):
            return self.aggregate(q.op, self.rows), None
        if q.op in ("top_n", "bottom_n"):
            return self.top_rows(), None
        if q.op in ("arg_max", "arg_min"):
            return (self.best_column() if q.across else self.arg()), None
        if q.op == "lookup":
            return self.lookup()
        if q.op == "count_distinct":
            assert q.target is not None
            return len({r[q.target] for r in self.rows if not is_blank(r[q.target])}), None
        if q.op == "share":
            if q.measure is None:
                return Decimal(len(self.rows)) / Decimal(len(self.all_rows)), None
            return sum(self.numbers(self.rows)) / sum(self.numbers(self.all_rows)), None
        if q.op == "ratio":
            assert q.measure is not None and q.other is not None
            top = sum(n for r in self.rows if (n := as_number(r[q.measure])) is not None)
            bottom = sum(n for r in self.rows if (n := as_number(r[q.other])) is not None)
            return Decimal(top) / Decimal(bottom), None
        if q.op == "correlation":
            return statistics.correlation(*self.pairs()), None
        if q.op == "trend":
            return statistics.linear_regression(*self.pairs()).slope, None
        if q.op == "growth":
            return self.growth(), None
        if q.op in TEXT_OPS:
            return self.text_op(), None
        raise ValueError(q.op)
