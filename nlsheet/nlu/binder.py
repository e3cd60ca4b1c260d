"""The state one pass of :mod:`nlsheet.nlu.conditions` builds: the :class:`Frame` a command's
slots add up to, and the binding of calendar words (months, quarters, halves, days) to a date
column, with the year settled by the data or asked back.

Example:
    >>> binder = Binder("sales in March 2025", table, mentions)
    >>> binder.date_ranges(find_ranges(binder.text), [])
    >>> binder.bound[0].condition.cmp
    <Cmp.BETWEEN: 'between'>
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from nlsheet.nlu.binding import date_column
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.dates import DateRange, DayMention, resolve_year
from nlsheet.nlu.joins import Bound
from nlsheet.nlu.slots import DateSlot, NumberSlot, PeriodSlot, comparator_before
from nlsheet.nlu.wide import Span
from nlsheet.plan import Cmp, Condition, Period, Where
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = ["Binder", "Frame"]

_ANY_YEAR = re.compile(r"^\s*(?:(?:of|in)\s+)?(?:any|every|each|all)\s+years?\b", re.I)


@dataclass
class Frame:
    """What the slots of a command add up to.

    Attributes:
        where: The row conditions.
        by: The column named after 'by', 'per', 'for each' (grouping, or a top-N measure).
        by_period: The period ``by`` is read in when grouping by a date ('by month').
        then_by: A second group key ('by region and quarter'), with ``then_period``.
        unclear_years: Periods said without a year that the data has in several years: the
            span of their words, those years, and whether 'of any year' reads ('in March'
            over 2023 and 2024 does; 'since May 10' does not).
        unclear_dates: Dates said where several date columns could hold them and no word
            says which: the span of their words and the date columns.
        free: Column mentions no condition or grouping uses, in command order.
        n: The N of "top 5".
        percentile: The fraction of "90th percentile".
        loose: Numbers and dates no condition took (a forecast's x, say).
        expression: Two free columns combined row by row ('units times price').
        problems: What could not be tied to a column, for messages.
        explained: Character spans explained by slots.
        span: Side-by-side columns whose every cell is read ('from January to March' on a
            table with a column per month).
        derived: Whether ``expression`` was named by its words ('inventory value').
        difference: Whether ``expression`` is how much more one column holds than another
            ('how many more in December than in November'): its total is asked.
        bound: The conditions of ``where`` one by one, each with the words that set it.
        growth: The last and first of side-by-side columns whose totals' change in percent is
            asked ('percentage growth from 2020 to 2023').
    """

    where: Where = field(default_factory=Where)
    by: ColumnMatch | None = None
    free: list[ColumnMatch] = field(default_factory=list)
    n: int | None = None
    percentile: float | None = None
    loose: list[NumberSlot | DateSlot] = field(default_factory=list)
    expression: tuple[ColumnMatch, str, ColumnMatch] | None = None
    problems: list[str] = field(default_factory=list)
    explained: list[tuple[int, int]] = field(default_factory=list)
    unclear_years: list[tuple[int, int, tuple[int, ...], bool]] = field(default_factory=list)
    unclear_dates: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    by_period: Period | None = None
    then_by: ColumnMatch | None = None
    then_period: Period | None = None
    span: tuple[Column, ...] = ()
    derived: bool = False
    difference: bool = False
    bound: list[Bound] = field(default_factory=list)
    growth: tuple[Column, Column] | None = None


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)
_BARE_DAY = re.compile(
    r"\b(?:between|from)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*"
    r"(?:and|to|until|till|through|thru|-|–)\s*(?:the\s+)?$",
    re.I,
)
_DATE_OPENER = re.compile(r"\b(?:in|during|for|on|of)\s+(?:the\s+)?$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|thru|-|–)\s*(?:the\s+)?", re.I)


class Binder:
    """Slots tied to columns so far: the conditions bound, the mentions taken, the frame."""

    def __init__(self, text: str, table: Table, mentions: Sequence[ColumnMatch]) -> None:
        self.text = text
        self.table = table
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.frame = Frame()
        self.used: set[int] = set()  # ids of mentions a condition or grouping took
        self.bound: list[Bound] = []

    def take(self, mention: ColumnMatch | None) -> None:
        if mention is not None:
            self.used.add(id(mention))
            self.frame.explained.append((mention.start, mention.end))

    def read_span(self, span: Span, mentions: Sequence[ColumnMatch]) -> None:
        """A stretch of side-by-side columns ('from January to March'), read cell by cell; the
        change between its ends ('fall from 2019 to 2020': one end minus the other, per row);
        or the change of its ends' totals in percent ('percentage growth from 2020 to 2023')."""
        frame, text = self.frame, self.text
        frame.span = span.columns
        frame.problems += span.problems(text)
        frame.explained += span.explained(text, self.table, mentions)
        change, percent = span.change(text), span.percent_change(text)
        if percent is not None:
            frame.growth, frame.span = (span.columns[-1], span.columns[0]), ()
            frame.explained.append(percent)
        if change is not None:
            ends = [ColumnMatch(c, "", span.start, span.end, 1.0, "implied") for c in span.columns]
            a, b = (ends[-1], ends[0]) if change[0] > 0 else (ends[0], ends[-1])
            frame.expression, frame.derived, frame.span = (a, "-", b), True, ()
            frame.explained.append(change[1])

    def bind(self, condition: Condition, start: int, end: int, mention: ColumnMatch | None) -> None:
        self.take(mention)
        self.bound.append(Bound(condition, start, end, mention))

    def _year_of(self, column: Column, first: int, last: int, span: tuple[int, int]) -> int | None:
        """The year a period without one means: the only year the column has rows in it."""
        series = self.table.values(column.name).series
        years = resolve_year(series, first, last) or resolve_year(series, 1, 12)
        if len(years) == 1:
            return years[0]
        if years:
            self.frame.unclear_years.append((*span, tuple(years), False))
        return None

    def date_ranges(self, ranges: Sequence[DateRange], days: Sequence[DayMention]) -> None:
        """'in March 2024', 'Q3 2024', 'H1', 'from February to April', 'since May 10'."""
        ranges = self._joined_ranges(ranges)
        for r in ranges:
            target = date_column(self.text, self.table, self.mentions, r.start, r.end)
            if target is None:
                self._no_date_column(r.text, r.start, r.end)
                continue
            year = r.year or self._year_of(target[0], r.first_month, r.last_month, (r.start, r.end))
            if year is None:
                continue
            low, high = r.bounds(year)
            before = comparator_before(self.text, r.start)
            start = before[1] if before is not None else r.start
            cmp = before[0] if before is not None else None
            if cmp in (Cmp.GT, Cmp.LE):
                condition = Condition(target[0].name, cmp, high)
            elif cmp in (Cmp.GE, Cmp.LT):
                condition = Condition(target[0].name, cmp, low)
            else:
                condition, start = Condition(target[0].name, Cmp.BETWEEN, low, high), r.start
            self.bind(condition, start, r.end, target[1])
        days = self._day_ranges(days)
        for d in days:
            target = date_column(self.text, self.table, self.mentions, d.start, d.end)
            if target is None:
                self._no_date_column(d.text, d.start, d.end)
                continue
            year = self._year_of(target[0], d.month, d.month, (d.start, d.end))
            if year is None:
                continue
            try:
                day = dt.date(year, d.month, d.day)
            except ValueError:
                self.frame.problems.append(f"'{d.text}' is no day of {year}")
                continue
            before = comparator_before(self.text, d.start)
            cmp, start = (before[0], before[1]) if before is not None else (Cmp.EQ, d.start)
            if cmp not in (Cmp.GT, Cmp.GE, Cmp.LT, Cmp.LE, Cmp.EQ, Cmp.NE):
                cmp, start = Cmp.EQ, d.start
            self.bind(Condition(target[0].name, cmp, day), start, d.end, target[1])

    def _no_date_column(self, words: str, start: int, end: int) -> None:
        """A date expression without a column: a problem when the table has none; when it has
        several and nothing says which, a question (``unclear_dates``) naming them."""
        dates = tuple(c.name for c in self.table.columns if c.kind is ColumnKind.DATE)
        if not dates:
            self.frame.problems.append(f"'{words}' needs a date column, and there is none")
        else:
            # 'since 10 May', 'in the second half of 2023' are asked whole.
            before = comparator_before(self.text, start)
            start = before[1] if before else start
            said = _DATE_OPENER.search(self.text[:start])
            self.frame.unclear_dates.append((said.start() if said else start, end, dates))

    def _joined_ranges(self, ranges: Sequence[DateRange]) -> list[DateRange]:
        """'between March 2020 and June 2021', 'from Q1 to Q3 2024': two spans said as the ends
        of one, bound from the first's first day to the second's last; returns the spans left."""
        left = list(ranges)
        for first, second in itertools.pairwise(ranges):
            opener = _RANGE_OPEN.search(self.text[: first.start])
            if opener is None or not _RANGE_JOIN.fullmatch(self.text[first.end : second.start]):
                continue
            target = date_column(self.text, self.table, self.mentions, first.start, second.end)
            if target is None or first not in left:
                continue
            # A year said once covers both ends ('from Q1 to Q3 2021').
            said = first.year or second.year
            year = said or self._year_of(target[0], first.first_month, second.last_month, (0, 0))
            if not year:
                continue
            years = (first.year or year, second.year or year)
            low, high = first.bounds(years[0])[0], second.bounds(years[1])[1]
            if low > high:  # 'between June 2021 and March 2020': the same stretch
                low, high = second.bounds(years[1])[0], first.bounds(years[0])[1]
            self.bind(
                Condition(target[0].name, Cmp.BETWEEN, low, high),
                opener.start(),
                second.end,
                target[1],
            )
            left = [r for r in left if r is not first and r is not second]
        return left

    def _day_ranges(self, days: Sequence[DayMention]) -> list[DayMention]:
        """'between April 9 and May 20', 'from 3 to 17 March': two days bound as one range;
        returns the days left."""
        left = list(days)
        for first, second in itertools.pairwise(days):
            opener = _RANGE_OPEN.search(self.text[: first.start])
            if opener is None or not _RANGE_JOIN.fullmatch(self.text[first.end : second.start]):
                continue
            low, high = (first.month, first.day), (second.month, second.day)
            if first in left and self._between(low, high, opener.start(), first.start, second):
                left = [d for d in left if d is not first and d is not second]
        for d in list(left):
            # 'from 3 to 17 March': the first day takes the second's month.
            bare = _BARE_DAY.search(self.text[: d.start])
            if bare is not None and self._between(
                (d.month, int(bare.group(1))), (d.month, d.day), bare.start(), d.start, d
            ):
                left.remove(d)
        return left

    def _between(
        self, low: tuple[int, int], high: tuple[int, int], start: int, near: int, last: DayMention
    ) -> bool:
        """Bind 'date column between two (month, day)s' from ``start`` to the last day, in the
        year the data has them (the date column found for the words from ``near``); False when
        there is no date column, no single year or no such day."""
        target = date_column(self.text, self.table, self.mentions, near, last.end)
        year = target and self._year_of(target[0], low[0], high[0], (0, 0))
        if target is None or not year:
            return False
        try:
            first, second = dt.date(year, *low), dt.date(year, *high)
        except ValueError:
            return False
        self.bind(Condition(target[0].name, Cmp.BETWEEN, first, second), start, last.end, target[1])
        return True

    def periods(self, periods: Sequence[PeriodSlot]) -> None:
        for period in periods:
            if any(b.start < period.end and period.start < b.end for b in self.bound) or any(
                m.start < period.end and period.start < m.end for m in self.mentions
            ):
                continue
            target = date_column(self.text, self.table, self.mentions, period.start, period.end)
            if target is None:
                if period.kind != "year":  # a year may be a value of a Year column instead
                    self._no_date_column(period.text, period.start, period.end)
                continue
            any_year = _ANY_YEAR.match(self.text[period.end :])
            if any_year is not None:
                # 'in March of any year': every March, whatever the year.
                self.frame.explained.append((period.end, period.end + any_year.end()))
            elif period.kind != "year":
                first = period.value if period.kind == "month" else 3 * period.value - 2
                last = period.value if period.kind == "month" else 3 * period.value
                years = resolve_year(self.table.values(target[0].name).series, first, last)
                if len(years) > 1:
                    span = (period.start, period.end, tuple(years), True)
                    self.frame.unclear_years.append(span)
                    continue
            cmp = {"month": Cmp.MONTH, "quarter": Cmp.QUARTER, "year": Cmp.YEAR}[period.kind]
            condition = Condition(target[0].name, cmp, float(period.value))
            self.bind(condition, period.start, period.end, target[1])
