"""Runs of side-by-side columns in a wide table (a column per month, a column per year) and the
words that pick a stretch of them: 'from January to March', '2015 to 2019', 'across all
years', 'the first quarter'.

Example:
    >>> span = find_span("Head Torch sales from January to March", table, mentions)
    >>> [c.name for c in span.columns]
    ['Jan', 'Feb', 'Mar']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.dates import find_ranges
from nlsheet.nlu.lexicon import is_amount_noun
from nlsheet.nlu.slots import CHANGE_FROM, find_periods
from nlsheet.nlu.text import Token, canonical, header_words, sheet_words, tokenize
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "EVERY_CELL",
    "ONCE_PER",
    "PERCENT_WORD",
    "Span",
    "cells_words",
    "column_runs",
    "counts_cells",
    "find_span",
    "names_cells",
    "period_after_noun",
    "run_unit",
]

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# Between two columns of a run: 'January to March', '2015-2019', 'between 2015 and 2019'.
_THROUGH = re.compile(r"^\s*(?:to|through|thru|until|till|-|–|and)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_FROM = re.compile(r"\b(?:from|for|over|in)\s+(?:the\s+)?$", re.I)
# Words for the whole run: 'across all years', 'over the whole year', 'for every month'.
_WHOLE = re.compile(
    r"\b(?:(?:across|over|for|in|during|throughout)\s+)?(?:(?:all|every|each)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:years?|months?)|the\s+(?:whole|entire|full)\s+(?:year|period)|"
    r"(?:the\s+)?(?:years|months)\s+combined|all\s+year)\b",
    re.I,
)

# Words that compare a stretch's ends or ask for a rate: no total of its cells answers them
# (a ranking of the rows by their totals over it does).
_UNSUPPORTED = re.compile(
    r"\b(chang\w*|grow\w*|grew|growth|increas\w*|decreas\w*|differen\w*|ris(?:e|es|en|ing)|"
    r"rose|f[ae]ll\w*|drop\w*|gain\w*|declin\w*|compar\w*|vs|versus|ratio|rate|share|percent\w*|"
    r"trend\w*|forecast\w*|predict\w*)\b",
    re.I,
)
# A change between the span's ends: up (rise, grow, increase, change) or down (fall, drop).
_CHANGE = re.compile(
    r"\b(?:chang\w*|grow|grew|grown|increas\w*|ris(?:e|es|en|ing)|rose|gain\w*|"
    r"f[ae]ll\w*|drop\w*|decreas\w*|declin\w*|los[et]|loses|losing)\b",
    re.I,
)
# Words that say an average reads every cell of a stretch ('average, every cell'), and that a
# figure counts once per name ('average rent once per property'): planner.granularity reads
# them, nlu.coverage lets them stand as words of the command language.
EVERY_CELL = re.compile(
    r"\b(?:every|each|per|all)\s+(?:the\s+)?cells?\b|\bcell\s+by\s+cell\b", re.I
)
ONCE_PER = re.compile(r"\bonce(?=\s+(?:per|for\s+each|each)\b)", re.I)
PERCENT_WORD = re.compile(r"\b(?:percent(?:age)?|per\s+cent)\b|%", re.I)
# Words that rank rows by the change ('which sector grew the most'): no one figure answers.
_RANKS = re.compile(r"\b(?:which|who|most|least|top|bottom|highest|lowest|biggest|rank\w*)\b", re.I)
_FALL = re.compile(r"f[ae]ll\w*|drop\w*|decreas\w*|declin\w*|los[et]|loses|losing", re.I)
_MONTHLY = re.compile(r"\b(?:monthly|per\s+month|a\s+month|each\s+month)\b", re.I)
# Words for a whole year of month columns: 'the annual budget', 'total for the year'.
_YEARLY = re.compile(
    r"\b(?:annual|yearly|(?:for|over|across|in|during)\s+the\s+(?:whole\s+|full\s+|entire\s+)?"
    r"year|full[-\s]year|year[-\s]to[-\s]date|ytd)\b",
    re.I,
)
# After a quarter or half: 'the second half of the year'.
_OF_THE_YEAR = re.compile(r"\s+of\s+the\s+year\b", re.I)


@dataclass(frozen=True)
class Span:
    """Side-by-side columns a command picks, and the characters of the words that picked
    them (the mentions of the first and last column among them)."""

    columns: tuple[Column, ...]
    start: int
    end: int
    mentions: tuple[ColumnMatch, ...] = ()

    def change(self, text: str) -> tuple[int, tuple[int, int]] | None:
        """'how much did arrivals fall from 2019 to 2020': the span's last column minus its
        first (+1) or the first minus the last (-1, a fall or a drop), with the word's place;
        None when no word asks for a change, or another word asks for more (a rank, a rate)."""
        outside = text[: self.start] + " " * (self.end - self.start) + text[self.end :]
        words = [m for m in _UNSUPPORTED.finditer(outside) if not _CHANGE.fullmatch(m.group())]
        found = _CHANGE.search(outside)
        if found is None or words:
            return None
        sign = -1 if _FALL.fullmatch(found.group()) else 1
        return sign, found.span()

    def percent_change(self, text: str) -> tuple[int, int] | None:
        """'percentage growth from 2020 to 2023', 'by how much did exports grow, in percent':
        the change of the totals from the span's first column to its last as a fraction, with
        the words that ask for it; None when no word asks for it, or another word asks for
        more (a rank, a share of something)."""
        outside = text[: self.start] + " " * (self.end - self.start) + text[self.end :]
        percent = PERCENT_WORD.search(outside)
        changed = _CHANGE.search(outside) or re.search(r"\bgrowth\b", outside, re.I)
        others = [
            m
            for m in _UNSUPPORTED.finditer(outside)
            if not (_CHANGE.fullmatch(m.group()) or PERCENT_WORD.fullmatch(m.group()))
            and m.group().lower() != "growth"
        ]
        if percent is None or changed is None or others or _RANKS.search(outside):
            return None
        return min(percent.start(), changed.start()), max(percent.end(), changed.end())

    def problems(self, text: str) -> list[str]:
        """Why a total or average of the cells cannot answer the command ('growth rate from
        2015 to 2022', 'share of 2015 to 2017'), if it cannot."""
        if self.change(text) is not None or self.percent_change(text) is not None:
            return []
        found = _UNSUPPORTED.search(text[: self.start] + " " + text[self.end :])
        if found is None:
            return []
        first, last = self.columns[0].name, self.columns[-1].name
        return [
            f"'{found.group()}' over the columns {first} to {last} is not supported; "
            "ask for their total or average"
        ]

    def explained(
        self, text: str, table: Table, mentions: Sequence[ColumnMatch]
    ) -> list[tuple[int, int]]:
        """The characters the span accounts for: its words, and a word for what the cells
        hold ('Head Torch sales from January to March') outside any column mention."""
        return [(self.start, self.end), *cells_words(text, table, mentions, self.columns)]


def _step(column: Column) -> tuple[str, int] | None:
    """Where a header stands in a calendar series: ('month', 1) for 'Jan' or 'January',
    ('year', 2015) for '2015'; None for any other header."""
    if column.kind is not ColumnKind.NUMBER:
        return None
    name = column.name.strip()
    if re.fullmatch(r"(?:19|20)\d\d", name):
        return "year", int(name)
    words = header_words(name)
    if len(words) == 1 and canonical(words[0]) in _MONTHS:
        return "month", _MONTHS.index(canonical(words[0])) + 1
    return None


def run_unit(columns: Sequence[Column]) -> str | None:
    """'month' or 'year' when every column heads a month ('Jan' ... 'Dec') or every one a
    year ('2019' ... '2024'); None otherwise."""
    units = {step[0] if step is not None else "" for step in map(_step, columns)}
    return units.pop() if len(units) == 1 and "" not in units else None


def column_runs(table: Table) -> list[tuple[Column, ...]]:
    """Runs of at least three adjacent columns headed by consecutive months or years."""

    def make() -> list[tuple[Column, ...]]:
        runs: list[list[Column]] = []
        last: tuple[str, int] | None = None
        for column in table.columns:
            step = _step(column)
            if step is not None and last is not None and runs and step == (last[0], last[1] + 1):
                runs[-1].append(column)
            elif step is not None:
                runs.append([column])
            last = step
        return [tuple(r) for r in runs if len(r) >= 3]

    return table.memo("wide:runs", make)


def find_span(text: str, table: Table, mentions: Sequence[ColumnMatch]) -> Span | None:
    """The stretch of a run of columns the command picks, or None.

    Two mentions of the same run joined by 'to' / 'through' / '-' (or 'between ... and') pick
    the columns from one to the other; words for the whole ('across all years') pick the run;
    a quarter or half of the year ('the first quarter', 'H2') picks those months of a month
    run. A table with more than one run is left alone.
    """
    runs = column_runs(table)
    if len(runs) != 1:
        return None
    run = runs[0]
    names = [c.name for c in run]
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        if a.column.name not in names or b.column.name not in names:
            continue
        gap = text[a.end : b.start]
        between = _BETWEEN.search(text[: a.start])
        if not _THROUGH.match(gap) or (gap.strip() == "and" and between is None):
            continue
        if CHANGE_FROM.search(text[: a.start]):
            continue  # 'went down from 2023 to 2024' compares the two (comparisons)
        i, j = sorted((names.index(a.column.name), names.index(b.column.name)))
        opener = between or _FROM.search(text[: a.start])
        start = opener.start() if opener is not None else a.start
        return Span(run[i : j + 1], start, b.end, (a, b))
    whole = _WHOLE.search(text)
    if whole is not None:
        return Span(run, whole.start(), whole.end())
    monthly = _MONTHLY.search(text)
    named = any(m.column.name in names for m in mentions)
    yearly = _YEARLY.search(text)
    if yearly is not None and _step(run[0]) == ("month", 1) and len(run) == 12 and not named:
        return Span(run, yearly.start(), yearly.end())
    if monthly is not None and _step(run[0]) == ("month", 1) and not named:
        # 'the average monthly budget for IT' on a table with a column per month.
        return Span(run, monthly.start(), monthly.end())
    if _step(run[0]) == ("month", 1):
        parts = [
            (r.first_month, r.last_month, r.start, r.end)
            for r in find_ranges(text)
            if r.year is None and r.kind in ("quarter", "half")
        ]
        parts += [
            (3 * p.value - 2, 3 * p.value, p.start, p.end)
            for p in find_periods(text)
            if p.kind == "quarter"
        ]
        for first, last, start, end in parts:
            months = run[first - 1 : last]
            if len(months) == last - first + 1:
                after = _OF_THE_YEAR.match(text, end)
                return Span(months, start, after.end() if after else end)
    return None if named else _whole_run_named(text, table, mentions, run)


_NOUN_THEN_PERIOD = re.compile(
    r"\s*([^\W\d_]+)\s+(?:in|for|during|of)\s+(?:the\s+(?:year|month)\s+(?:of\s+)?)?", re.I
)


def period_after_noun(
    text: str, table: Table, mentions: Sequence[ColumnMatch], position: int
) -> ColumnMatch | None:
    """The period column a number compares with when a word for what the cells hold stands
    between them: 'more than 90 arrivals in 2017' on a sheet of Arrivals with a column per
    year, 'over 500 units in January' with a column per month. None otherwise."""
    runs = column_runs(table)
    found = _NOUN_THEN_PERIOD.match(text, position)
    if not runs or found is None:
        return None
    if not names_cells(tokenize(found.group(1))[0], table):
        return None
    periods = {c.name for run in runs for c in run}
    return next((m for m in mentions if m.start == found.end() and m.column.name in periods), None)


def names_cells(word: Token, table: Table) -> bool:
    """Whether a word says what a wide table's cells hold: an amount ('sales', 'units'), the
    sheet's name ('arrivals' on a sheet of Arrivals), or its verb ('budgeted' on Budget)."""
    sheet = sheet_words(table)
    stem = re.sub(r"(?:ed|ing)$", "", word.norm)
    if {word.norm, canonical(word.norm), stem} & sheet:
        return True
    if is_amount_noun(word):
        # Money ('spend', 'price') says what the cells hold only on a sheet of money: 'average
        # spend in Lisboa' on a sheet of Nights asks what no cell holds.
        return canonical(word.norm) not in _MONEY_ONLY or bool(_MONEY_SHEET & sheet)
    # Misspelt ('arivals'): one edit away, same first letter, five letters or more.
    return len(word.norm) >= 5 and any(
        len(s) >= 5 and s[0] == word.norm[0] and DamerauLevenshtein.distance(word.norm, s) <= 1
        for s in sheet
    )


_MONEY_ONLY = frozenset({"price", "cost", "salary", "profit"})
_MONEY_SHEET = frozenset(
    """price prices cost costs spend spending budget budgets revenue revenues sales salary
    salaries profit profits income expense expenses finance finances money""".split()  # noqa: SIM905
)


# Words that read a whole run of period columns at once: a total or average of every cell,
# or one per group (narrower than readings' aggregate cues: 'highest' picks one cell).
_WHOLE_RUN_CUE = re.compile(
    r"\b(?:total|totals|sum|overall|altogether|combined|average|avg|mean|median)\b|"
    r"\b(?:by|per)\s+(?!the\s+(?:month|year)\b)\w",
    re.I,
)


def _whole_run_named(
    text: str, table: Table, mentions: Sequence[ColumnMatch], run: tuple[Column, ...]
) -> Span | None:
    """'total budget for HR', 'budget by department' on a sheet of Budget whose only numbers
    are a column per month: the word for what the cells hold, with a word asking to total or
    group, reads every cell of the run."""
    numbers = [c for c in table.columns if c.kind is ColumnKind.NUMBER and not c.is_id]
    if set(numbers) != set(run) or not _WHOLE_RUN_CUE.search(text):
        return None
    named = [(m.start, m.end) for m in mentions]
    for token in tokenize(text):
        if names_cells(token, table) and not any(s <= token.start < e for s, e in named):
            return Span(run, token.start, token.end)
    return None


def cells_words(
    text: str, table: Table, mentions: Sequence[ColumnMatch], picked: Sequence[Column] = ()
) -> list[tuple[int, int]]:
    """The words for what a wide table's cells hold ('arrivals in France in 2019' on a sheet
    of Arrivals), outside column mentions, when a column of its run is named or ``picked``:
    the columns say which cells, the word only what they are."""
    runs = {c.name for run in column_runs(table) for c in run}
    if not picked and not any(m.column.name in runs for m in mentions):
        return []
    named = [(m.start, m.end) for m in mentions]
    return [
        (t.start, t.end)
        for t in tokenize(text)
        if names_cells(t, table) and not any(s < t.end and t.start < e for s, e in named)
    ]


_HOW_MANY = re.compile(r"\b(?:how\s+many|number\s+of|total\s+number\s+of)\s+([^\W\d_]+)", re.I)


def counts_cells(text: str, table: Table, column: Column) -> bool:
    """'how many arrivals did France have in 2019', 'sales in April' over a column of a wide
    table's run: the words ask for the amount the cells hold, not for rows."""
    runs = {c.name for run in column_runs(table) for c in run}
    if column.name not in runs:
        return False
    asked = _HOW_MANY.search(text)
    if asked is not None:
        return names_cells(tokenize(asked.group(1))[0], table)
    return not _COUNT_WORD.search(text) and any(names_cells(t, table) for t in tokenize(text))


_COUNT_WORD = re.compile(r"\b(?:how\s+many|number|count|counts|counted|tally)\b", re.I)
