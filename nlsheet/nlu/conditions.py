"""Assemble the slots of a command into conditions, grouping, N and the columns left to use.

Works on what the other NLU steps found: column mentions, values linked to columns, numbers,
dates, periods and quoted text, each with its span. A number is tied to the column named right
before it ("units over 20", "a Draw of 3") or right after it ("more than 5 goals"); a value to
the column holding it; a period to the date column. What no condition or grouping uses is left
*free* for the operation itself (the column to sum, the column to look up).

Example:
    >>> frame = assemble("total sales where region is West and units over 20", ...)
    >>> [(c.column, c.cmp, c.value) for c in frame.where.conditions]
    [('Region', <Cmp.EQ: 'eq'>, 'West'), ('Units', <Cmp.GT: 'gt'>, 20.0)]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from nlsheet.nlu.arithmetic import find_expression, own_rate_units, per_pair
from nlsheet.nlu.binder import Binder, Frame
from nlsheet.nlu.binding import (
    bound_after_column,
    cmp_for_number,
    column_containing,
    column_for,
    column_of_text,
    contained_form,
    date_column,
    left_mention,
    right_mention,
    scalar_for,
    year_bound,
    year_of,
)
from nlsheet.nlu.comparisons import bind_column_comparisons
from nlsheet.nlu.context import ColumnMatch, column_tails
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.dates import find_days, find_ranges
from nlsheet.nlu.derived import apply_derived, find_derived, out_of_stock
from nlsheet.nlu.flags import WHETHER, FlagMatch, adjective_flag, flag_value, presence
from nlsheet.nlu.joins import combine, listed_item, quoted_inside, text_condition
from nlsheet.nlu.owing import bind_owing
from nlsheet.nlu.rows_said import name_holder, rows_counted
from nlsheet.nlu.slots import (
    ORDERING,
    DateSlot,
    NumberSlot,
    PatternSlot,
    PeriodSlot,
    QuotedSlot,
    comparator_before,
    find_percentiles,
)
from nlsheet.nlu.text import words_of
from nlsheet.nlu.values import ValueMatch
from nlsheet.nlu.wide import cells_words, find_span
from nlsheet.plan import Cmp, Condition, Period
from nlsheet.workbook.table import ColumnKind, Table, value_words

__all__ = ["SUPERLATIVE_WORD", "Frame", "assemble"]

_GROUP = re.compile(
    r"\b(?:grouped\s+by|broken\s+down\s+by|split\s+by|for\s+each|for\s+every|by|per|each|"
    r"across)\s+(?:the\s+|each\s+|every\s+)?$",
    re.I,
)
_PERIODS: dict[str, Period | None] = {"month": "month", "quarter": "quarter", "year": "year"}
_PERIODS.update({"monthly": "month", "quarterly": "quarter", "yearly": "year", "annual": "year"})
_PERIODS.update({"annually": "year", "week": None, "weekly": None, "day": None, "daily": None})
_PERIOD_WORD = re.compile(r"(?:the\s+)?(?P<period>month|quarter|year|week|day)s?\b", re.I)
_GROUP_PERIOD = re.compile(
    r"\b(?:grouped\s+by|broken\s+down\s+by|split\s+by|for\s+each|for\s+every|by|per|each|"
    r"every)\s+(?:the\s+)?(?P<period>month|quarter|year|week|day)\b",
    re.I,
)
_PERIOD_ADJECTIVE = re.compile(
    r"\b(?P<period>monthly|quarterly|yearly|annual|annually|weekly|daily)\b", re.I
)
_KEY_JOIN = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|then\s+)(?:by\s+|per\s+)?(?:the\s+|each\s+)?" + WHETHER,
    re.I,
)
_OUT_OF = re.compile(r"\bout\s+of\s+$", re.I)
_IN_COLUMN = re.compile(r"^\s+(?:in|within|inside)\s+(?:the\s+|its\s+|their\s+)?", re.I)
# Number columns that name categories, by which 'per' groups ('sales per year', 'per rating').
_CATEGORY_NUMBERS = frozenset(
    {"year", "yr", "season", "month", "quarter", "week", "round", "grade", "level", "rating"}
    | {"class", "age", "floor", "size"}
)
_PER = re.compile(r"\bper\s+(?:the\s+|each\s+|every\s+)?$", re.I)
_CONDITION_AFTER = re.compile(r"^\s*(?:with|who|that|which|whose|of|is|was|named|called)\b", re.I)
_SUPERLATIVES = (
    r"most|least|fewest|highest|lowest|largest|smallest|biggest|greatest|best|worst|"
    r"fastest|slowest|quickest|cheapest|priciest|oldest|newest|youngest|longest|shortest|"
    r"tallest|heaviest|lightest|latest|earliest"
)
_TOP_N = re.compile(
    r"\b(?:top|bottom|highest|lowest|largest|smallest|best|worst|biggest|cheapest|"
    rf"greatest)\s+(\d+)\b|\b(\d+)\s+(?:top|bottom|{_SUPERLATIVES})\b",
    re.I,
)
_N_NAMED = re.compile(
    r"^\s*(?:(?:show|list|give|name|find)\s+(?:me\s+|us\s+)?)?(?:the\s+)?(\d{1,3})\s+[a-z]+s\b",
    re.I,
)
SUPERLATIVE_WORD = re.compile(rf"\b(?:{_SUPERLATIVES})\b", re.I)
_IN_THE = re.compile(r"\s+(?:in|within)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$|\bfrom\s+$", re.I)
_AND_TO = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.I)


@dataclass(frozen=True)
class _Key:
    """A group key: a column mention, and the period a date column is read in."""

    mention: ColumnMatch
    period: Period | None


class _Assembler(Binder):
    """One pass over a command's slots; each method ties one kind of slot to columns."""

    def special_numbers(self, numbers: list[NumberSlot]) -> list[NumberSlot]:
        """Take out the N of 'top 5' and percentiles; return the numbers left."""
        for found in _TOP_N.finditer(self.text):
            self.frame.n = int(found.group(1) or found.group(2))
            numbers = [n for n in numbers if not found.start() <= n.start < found.end()]
            self.frame.explained.append((found.start(), found.end()))
        counted = _N_NAMED.match(self.text)
        if self.frame.n is None and counted is not None and SUPERLATIVE_WORD.search(self.text):
            # 'the 2 customers who spent the least': how many of the ranked names to give.
            self.frame.n = int(counted.group(1))
            numbers = [n for n in numbers if not counted.start(1) <= n.start < counted.end(1)]
            self.frame.explained.append(counted.span(1))
        for share, start, end in find_percentiles(self.text):
            self.frame.percentile = share
            numbers = [n for n in numbers if not start <= n.start < end]
            self.frame.explained.append((start, end))
        return numbers

    def grouping(self, values: Sequence[ValueMatch]) -> None:
        """'by region', 'per rep and quarter', 'by month', 'monthly sales by region'."""
        keys = []
        for mention in self.mentions:
            if not _GROUP.search(self.text[: mention.start]):
                continue
            after = self.text[mention.end :]
            # 'sold by rep Ann Lee', 'won by the team with the red kit': the agent of a
            # verb, named by a value or a condition after it, is no grouping.
            named = any(
                v.column == mention.column and 0 <= v.start - mention.end <= 3 for v in values
            )
            if (
                named
                or _CONDITION_AFTER.match(after)
                or adjective_flag(self.text, self.table, mention, self.mentions)
            ):
                continue
            if (
                mention.column.kind is ColumnKind.NUMBER
                and _PER.search(self.text[: mention.start])
                and not _CATEGORY_NUMBERS & set(value_words(mention.column.name).split())
            ):
                if per_pair(self.text, self.mentions, mention):
                    continue  # 'goals per match': a ratio of two number columns (finish)
                # 'goals per match': a rate over a number column, not one group per number.
                self.frame.problems.append(
                    f"'{self.text[: mention.end].split()[-2]} {mention.words}' reads as a rate "
                    f"over {mention.column.name}; ask for the ratio, e.g. 'ratio of … to "
                    f"{mention.words}'"
                )
                return
            keys.append(_Key(mention, None))
            break
        if not keys:
            period = self._period_key(_GROUP_PERIOD)
            keys += [period] if period is not None else []
        if keys:
            second = self._second_key(keys[0].mention.end)
            keys += [second] if second is not None else []
        if len(keys) < 2 and not any(k.period for k in keys):
            adjective = self._period_key(_PERIOD_ADJECTIVE)
            keys += [adjective] if adjective is not None else []
        for i, key in enumerate(keys[:2]):
            if key.mention.how != "implied":
                self.take(key.mention)
            else:
                self.frame.explained.append((key.mention.start, key.mention.end))
            if i == 0:
                self.frame.by, self.frame.by_period = key.mention, key.period
            else:
                self.frame.then_by, self.frame.then_period = key.mention, key.period

    def _period_key(self, pattern: re.Pattern[str]) -> _Key | None:
        """A period word as a group key ('by month', 'quarterly'), read on the date column."""
        for found in pattern.finditer(self.text):
            # 'Weekly hours' may be a header: words of a column mention are no period.
            at = found.start("period")
            if any(m.start <= at < m.end for m in self.mentions):
                continue
            if any(s <= at < e for s, e in self.frame.explained):
                continue  # 'monthly' read as a stretch of month columns
            return self._period_at(found.start(), found.end(), found.group("period"))
        return None

    def _period_at(self, start: int, end: int, word: str) -> _Key | None:
        period = _PERIODS.get(word.lower())
        if period is None:
            self.frame.problems.append(f"grouping by '{word}' is not supported; try month")
            return None
        target = date_column(self.text, self.table, self.mentions, start, end)
        if target is None:
            self.frame.problems.append(f"'{word}' needs a date column to group by")
            return None
        if target[1] is not None:
            self.take(target[1])
        mention = ColumnMatch(target[0], self.text[start:end], start, end, 0.9, "implied")
        return _Key(mention, period)

    def _second_key(self, after: int) -> _Key | None:
        """The key after 'and' / ',' / 'then' that follows the first ('by city and quarter')."""
        joined = _KEY_JOIN.match(self.text[after:])
        if joined is None:
            return None
        at = after + joined.end()
        for mention in self.mentions:
            if mention.start == at:
                return _Key(mention, None)
        period = _PERIOD_WORD.match(self.text[at:])
        if period is not None:
            return self._period_at(at, at + period.end(), period.group("period"))
        return None

    def ranges(self, scalars: Sequence[NumberSlot | DateSlot]) -> set[int]:
        """'between 10 and 20', 'from 2024-01-01 to 2024-03-31'; returns the slots used."""
        consumed: set[int] = set()
        for first, second in itertools.pairwise(scalars):
            opener = _BETWEEN.search(self.text[: first.start])
            if opener is None or not _AND_TO.match(self.text[first.end : second.start]):
                continue
            # '100 and 300 euros': the unit said once, after the second number.
            said = first
            if isinstance(first, NumberSlot) and isinstance(second, NumberSlot):
                unit, currency = first.unit or second.unit, first.currency or second.currency
                said = replace(first, currency=currency, unit=unit)
            column = column_for(
                self.text, self.table, self.mentions, opener.start(), second.end, said
            )
            if column is None:
                self.frame.problems.append(
                    f"could not tell which column should be between {first.text} and {second.text}"
                )
                continue
            consumed.update((id(first), id(second)))
            low = scalar_for(first, column[0], self.table)
            high = scalar_for(second, column[0], self.table)
            condition = Condition(column[0].name, Cmp.BETWEEN, low, high)
            if column[0].kind is ColumnKind.DATE and year_of(first) and year_of(second):
                # 'between 2015 and 2018' on a date column: from the first day to the last.
                low, high = dt.date(year_of(first), 1, 1), dt.date(year_of(second), 12, 31)
                condition = Condition(column[0].name, Cmp.BETWEEN, low, high)
            self.bind(condition, opener.start(), second.end, column[1])
        return consumed

    def scalars(self, scalars: Sequence[NumberSlot | DateSlot], consumed: set[int]) -> None:
        for slot in scalars:
            if id(slot) in consumed:
                continue
            cmp, cmp_start, cmp_end = cmp_for_number(self.text, slot.start, slot.end)
            counted = rows_counted(self.text, self.table, self.mentions, slot)
            if counted is not None:
                self.frame.problems.append(counted)
                continue
            column = column_for(self.text, self.table, self.mentions, cmp_start, slot.end, slot)
            if column is None:
                self.frame.loose.append(slot)
                continue
            if cmp is Cmp.EQ and column[1] is not None and cmp_start == slot.start:
                # 'before round 6': the comparison stands before the column's name.
                ahead = comparator_before(self.text, column[1].start)
                if ahead is not None and ahead[0] in ORDERING:
                    cmp, cmp_start = ahead
            if column[1] is None:
                # '2,000 minutes' read 'minutes' as the number's unit: the Minutes mention.
                inside = (m for m in self.mentions if slot.start <= m.start < slot.end)
                column = (column[0], next((m for m in inside if m.column is column[0]), None))
            if cmp is Cmp.EQ and column[1] is not None and cmp_end == slot.end:
                cmp, cmp_end = bound_after_column(self.text, slot.end, column[1]) or (cmp, cmp_end)
            start = min(cmp_start, column[1].start if column[1] else cmp_start)
            if column[1] is not None and column[1].start > slot.end:
                # 'over 90 arrivals in 2017': the words up to the column are the number's.
                self.frame.explained.append((slot.end, column[1].start))
            value = scalar_for(slot, column[0], self.table)
            condition = Condition(column[0].name, cmp, value)
            self.bind(
                year_bound(condition, column[0], slot) or condition, start, cmp_end, column[1]
            )

    def texts(self, quoted: Sequence[QuotedSlot], values: Sequence[ValueMatch]) -> None:
        for q in quoted:
            inside = _IN_COLUMN.match(self.text[q.end :])
            named = next(
                (m for m in self.mentions if inside and m.start == q.end + inside.end()), None
            )
            if named is not None and named.column.kind is ColumnKind.TEXT:
                # "with 'box' in the name": words inside the cells of the column named after.
                condition = Condition(named.column.name, Cmp.CONTAINS, q.value)
                self.bind(condition, q.start, named.end, named)
                continue
            held = name_holder(self.text, self.table, self.mentions, q, inside)
            if held is not None:
                # "with 'box' in the name" where no header says name.
                self.bind(Condition(held[0].name, Cmp.CONTAINS, q.value), q.start, held[1], None)
                self.frame.explained.append((q.start, held[1]))
                continue
            column = column_of_text(self.text, self.table, self.mentions, q)
            if column is None:
                self.frame.problems.append(f'could not tell which column holds "{q.value}"')
                continue
            # Cells may keep quotes or spaces the command left out ('" Old Friend "').
            key = value_words(q.value)
            holders = self.table.value_index().get(key, ())
            value = (
                self.table.value_spelling(column[0].name, key, q.value)
                if column[0].name in holders
                else q.value
            )
            said = text_condition(self.text, column[0], value, q.start, q.end, column[1])
            self.bound.append(quoted_inside(said, self.table))
            self.take(column[1])
        for v in values:
            if v.contains:
                # 'whose remarks mention fragile': the column named before the word is used.
                own = [m for m in self.mentions if m.column == v.column]
                near = left_mention(self.text, own, v.start, limit=40)
                start = near.start if near is not None else v.start
                self.bind(Condition(v.column.name, Cmp.CONTAINS, v.value), start, v.end, near)
                continue
            before = comparator_before(self.text, v.start)
            position = before[1] if before is not None else v.start
            holder, value, near = v.column, v.value, None
            # The value may sit in several columns: the one named next to it wins
            # ('leeds as the destination', 'Maria Costa was the reviewer').
            for candidate in (v.column, *v.others):
                own = [m for m in self.mentions if m.column == candidate]
                near = left_mention(self.text, own, position) or right_mention(
                    self.text, own, v.end
                )
                if near is not None:
                    holder = candidate
                    value = self.table.value_spelling(candidate.name, value_words(v.value), v.words)
                    break
            self.take(near)
            bound = text_condition(self.text, holder, value, v.start, v.end, near)
            self.bound.append(listed_item(bound, self.table))

    def patterns(self, patterns: Sequence[PatternSlot]) -> None:
        """'rep starts with M', 'items containing Bolt': text tests on a named column."""
        for p in patterns:
            # 'which rep mentions refunds in the notes' tests the notes, not the rep.
            inside = _IN_THE.match(self.text, p.end)
            named = [m for m in self.mentions if inside and m.start == inside.end()]
            near = named[0] if named else left_mention(self.text, self.mentions, p.cmp_start, 40)
            rows = near is not None and all(
                is_row_noun(w, self.table) for w in words_of(near.words)
            )
            if (
                near
                and rows
                and (near.column.is_id or not column_containing(self.table, p, (near.column,)))
            ):
                near = None  # 'responses that mention staff': the rows, not their IDs
            found = contained_form(self.table, p, near.column if near is not None else None)
            if found is None:
                self.frame.problems.append(f"could not tell which column should {p.text!r}")
                continue
            self.bind(Condition(found[0].name, p.cmp, found[1]), p.cmp_start, p.end, near)

    def flags(self, flags: Sequence[FlagMatch]) -> None:
        """'unpaid', 'who renewed', 'inactive': a yes/no column set to yes or no."""
        for f in flags:
            value = flag_value(self.table, f.column, f.positive)
            self.bind(Condition(f.column.name, Cmp.EQ, value), f.start, f.end, None)

    def blanks(self) -> None:
        """'with no email', 'email is blank', 'with an email'; 'out of stock'."""
        gone = out_of_stock(self.text, self.table, self.mentions)
        if gone is not None:
            self.bind(gone[0], gone[1], gone[2], None)
        bind_owing(self)
        for m in self.mentions:
            if id(m) in self.used:
                continue
            run_out = _OUT_OF.search(self.text[: m.start])
            if run_out is not None and m.column.kind is ColumnKind.NUMBER and not m.column.is_id:
                # 'out of stock': none of the quantity left.
                self.bind(Condition(m.column.name, Cmp.LE, 0.0), run_out.start(), m.end, m)
                continue
            found = presence(self.text, self.table, m)
            if found is not None:
                self.bind(found[0], found[1], found[2], m)

    def finish(self) -> Frame:
        frame = self.frame
        frame.free = [m for m in self.mentions if id(m) not in self.used]
        frame.free, rates = own_rate_units(self.text, frame.free)
        frame.explained.extend(rates)
        frame.expression = find_expression(self.text, frame.free, frame.problems) or (
            frame.expression
        )
        derived = None if frame.expression else find_derived(self.text, self.table, self.mentions)
        if derived is not None:  # its words are no condition ('the interview')
            self.bound = [b for b in self.bound if not derived.start <= b.start < derived.end]
        frame.where, frame.bound = combine(self.text, self.bound), list(self.bound)
        frame.explained.extend((b.start, b.end) for b in self.bound)
        apply_derived(frame, derived, self.text)
        frame.explained.extend(column_tails(self.text, self.mentions, self.table))
        return frame


def assemble(
    text: str,
    table: Table,
    mentions: Sequence[ColumnMatch],
    values: Sequence[ValueMatch],
    numbers: Sequence[NumberSlot],
    dates: Sequence[DateSlot],
    periods: Sequence[PeriodSlot],
    quoted: Sequence[QuotedSlot],
    patterns: Sequence[PatternSlot] = (),
    flags: Sequence[FlagMatch] = (),
    compare_columns: bool = True,
) -> Frame:
    """Tie slots to columns and build the row conditions; see the module docstring.

    ``compare_columns`` False keeps 'sales over date' from reading as a comparison (a trend).
    """
    span = find_span(text, table, mentions)
    if span is not None:
        # The stretch of columns is read cell by cell: its words are no condition or period.
        mentions = [m for m in mentions if not span.start <= m.start < span.end]
        periods = [p for p in periods if _free(p.start, p.end, [(span.start, span.end)])]
    work = _Assembler(text, table, mentions)
    work.frame.explained += cells_words(text, table, mentions)
    if span is not None:
        work.read_span(span, mentions)
    taken_words = [(m.start, m.end) for m in mentions] + [(v.start, v.end) for v in values]
    if span is not None:
        taken_words.append((span.start, span.end))
    ranges = [r for r in find_ranges(text) if _free(r.start, r.end, taken_words)]
    # A whole date holds a month and year of its own ('after 15 October 2024').
    ranges = [r for r in ranges if not any(d.start <= r.start and r.end <= d.end for d in dates)]
    days = [d for d in find_days(text) if _free(d.start, d.end, taken_words)]
    dates = [d for d in dates if _free(d.start, d.end, [(r.start, r.end) for r in ranges])]
    spans = [*((m.start, m.end) for m in mentions), *((d.start, d.end) for d in dates)]
    spans += [(r.start, r.end) for r in ranges] + [(d.start, d.end) for d in days]
    spans += [(q.start, q.end) for q in quoted] + [(v.start, v.end) for v in values]
    spans += taken_words[-1:] if span is not None else []
    # Numbers inside headers ('Race 1'), dates, quotes or values are not numbers of their own.
    free_numbers = [n for n in numbers if not any(s <= n.start < e for s, e in spans)]
    free_numbers = work.special_numbers(free_numbers)
    work.grouping(values)
    if compare_columns:
        bind_column_comparisons(work, free_numbers)
    work.date_ranges(ranges, days)
    work.periods(periods)
    # The year of 'in 2024' belongs to the period when a date column took it.
    taken = [(b.start, b.end) for b in work.bound]
    free_numbers = [n for n in free_numbers if not any(s <= n.start < e for s, e in taken)]
    scalars: list[NumberSlot | DateSlot] = sorted([*free_numbers, *dates], key=lambda s: s.start)
    consumed = work.ranges(scalars)
    work.scalars(scalars, consumed)
    work.patterns(patterns)
    work.texts(quoted, values)
    work.flags(flags)
    work.blanks()
    return work.finish()


def _free(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return not any(s < end and start < e for s, e in spans)
