"""Calendar spans in commands: a month or quarter of a year, halves, month ranges, and days
written without a year ('since May 10', 'on 14 Feb').

Each is a :class:`DateRange` from its first to its last day; the year may be left open ('from
February to April', 'in H1'), to be settled by the dates in the table (see
:func:`resolve_year`). Days without a year are read by dateparser, imported only when a command
has one.

Example:
    >>> [(r.first_month, r.last_month, r.year) for r in find_ranges("sales in Q3 2024")]
    [(7, 9, 2024)]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from nlsheet.nlu.text import header_words
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "NEW",
    "DateRange",
    "DayMention",
    "find_days",
    "find_ranges",
    "resolve_year",
    "start_date",
]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d{2}"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS.update({"fourth": 4, "4th": 4, "last": 4, "final": 4})
_OF_YEAR = rf"(?:\s*(?:of|in|,|/|-)?\s*(?:the\s+year\s+)?(?P<year>{_YEAR}))?"
# 'the second half of the year' says no year: the one the table's dates settle.
_OF_THE_YEAR = r"(?:\s+of\s+the\s+year)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "months",
        re.compile(
            rf"\b(?:from|between)\s+(?P<m1>{_MONTH})\s+(?:to|and|through|thru|until|till|-|–)\s+"
            rf"(?P<m2>{_MONTH}){_OF_YEAR}\b",
            re.I,
        ),
    ),
    (
        "months",
        re.compile(
            rf"\b(?P<m1>{_MONTH})\s*(?:-|–|through|thru|to)\s*(?P<m2>{_MONTH}){_OF_YEAR}\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:(?P<year0>{_YEAR})\s*[-/ ]?\s*)?(?:q(?P<q>[1-4])|(?P<qw>first|second|third|"
            rf"fourth|last|final|1st|2nd|3rd|4th)\s+quarter)(?!\w){_OF_YEAR}{_OF_THE_YEAR}\b",
            re.I,
        ),
    ),
    (
        "half-month",
        re.compile(
            rf"\b(?:the\s+)?(?P<hw>first|second|1st|2nd|last|latter)\s+half\s+of\s+"
            rf"(?:the\s+month\s+of\s+)?(?P<m1>{_MONTH}){_OF_YEAR}\b",
            re.I,
        ),
    ),
    (
        "half",
        re.compile(
            rf"\b(?:(?P<year0>{_YEAR})\s*[-/ ]?\s*)?(?:h(?P<h>[12])|(?P<hw>first|second|1st|2nd|"
            rf"last)\s+half|(?P<hm>first|last)\s+six\s+months)(?!\w){_OF_YEAR}{_OF_THE_YEAR}\b",
            re.I,
        ),
    ),
    ("month", re.compile(rf"\b(?P<m1>{_MONTH})(?:\s*(?:of|,)?\s*(?P<year>{_YEAR}))\b", re.I)),
)

# The first of a month's halves: days 1 to 15 ('the first half of March'); the second runs from
# the 16th to the month's end.
_EARLY_HALF = re.compile(r"(?:the\s+)?(?:first|1st)\b", re.I)


@dataclass(frozen=True)
class DateRange:
    """A span of months: ``first_month`` to ``last_month`` of ``year`` (None: not said).

    Attributes:
        kind: 'month', 'months', 'quarter', 'half' or 'half-month' (days 1-15 or 16 to the
            end of one month: 'the second half of March').
        first_month: 1..12.
        last_month: 1..12, not before ``first_month``.
        year: The year, when the command gives one.
        start: Where the words start in the command.
        end: Where they end.
        text: The words.
    """

    kind: str
    first_month: int
    last_month: int
    year: int | None
    start: int
    end: int
    text: str

    def bounds(self, year: int) -> tuple[dt.date, dt.date]:
        """The first and last day of the span in a year."""
        last_day = calendar.monthrange(year, self.last_month)[1]
        first, last = dt.date(year, self.first_month, 1), dt.date(year, self.last_month, last_day)
        if self.kind != "half-month":
            return first, last
        early = _EARLY_HALF.match(self.text) is not None
        return (first, first.replace(day=15)) if early else (first.replace(day=16), last)


@dataclass(frozen=True)
class DayMention:
    """A day written without a year ('May 10', '14 Feb', 'the 3rd of March')."""

    month: int
    day: int
    start: int
    end: int
    text: str


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    found = groups.get("year") or groups.get("year0")
    return int(found) if found else None


def _months(kind: str, match: re.Match[str]) -> tuple[int, int] | None:
    g = match.groupdict()
    if kind == "quarter":
        q = int(g["q"]) if g.get("q") else _ORDINALS[g["qw"].lower()]
        return 3 * q - 2, 3 * q
    if kind == "half":
        word = (g.get("hw") or g.get("hm") or "").lower()
        h = int(g["h"]) if g.get("h") else (2 if word in ("second", "2nd", "last") else 1)
        return (1, 6) if h == 1 else (7, 12)
    first = _month(g["m1"])
    last = _month(g["m2"]) if g.get("m2") else first
    return (first, last) if first <= last else None


def find_ranges(text: str) -> list[DateRange]:
    """Months with a year, month ranges, quarters and halves (with or without a year)."""
    found: list[DateRange] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(r.start < match.end() and match.start() < r.end for r in found):
                continue
            months = _months(kind, match)
            if months is None:
                continue
            year = _year(match)
            if kind == "quarter" and year is None:
                continue  # a quarter alone is a period of any year (slots.find_periods)
            found.append(DateRange(kind, *months, year, match.start(), match.end(), match.group()))
    return sorted(found, key=lambda r: r.start)


_DAY_SPAN = re.compile(
    rf"\b(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?)\b(?!\s*,?\s*(?:{_YEAR}|\d))",
    re.I,
)


def find_days(text: str) -> list[DayMention]:
    """Days without a year: 'since May 10', 'on 14 Feb', 'before the 3rd of March'.

    The words are read by dateparser (the ``dates`` field's library), imported on first use.
    """
    spans = list(_DAY_SPAN.finditer(text))
    if not spans:
        return []
    import dateparser

    found: list[DayMention] = []
    settings: Any = {"REQUIRE_PARTS": ["day", "month"], "PARSERS": ["absolute-time"]}
    for match in spans:
        parsed = dateparser.parse(match.group(), languages=["en"], settings=settings)
        if parsed is None:
            continue
        day = DayMention(parsed.month, parsed.day, match.start(), match.end(), match.group())
        found.append(day)
    return found


def resolve_year(series: pd.Series, first_month: int, last_month: int) -> list[int]:
    """The years in which a date column has rows between two months (inclusive)."""
    dates = pd.to_datetime(series, errors="coerce").dropna()
    inside = dates[(dates.dt.month >= first_month) & (dates.dt.month <= last_month)]
    return sorted({int(y) for y in inside.dt.year.unique()})


def start_date(table: Table) -> Column | None:
    """The date a row begins on ('Joined', 'Opened', 'Issue Date'), which 'new' refers to: the
    one date column whose header says so, or the only date column when it names no end."""
    dates = [c for c in table.columns if c.kind is ColumnKind.DATE]
    starts = [c for c in dates if _STARTS & set(header_words(c.name, typed=True))]
    if len(dates) == 1 and not _ENDS & set(header_words(dates[0].name, typed=True)):
        starts = dates
    return starts[0] if len(starts) == 1 else None


# 'new' before the rows' noun, and the header words of the dates rows begin and end on.
NEW = re.compile(r"\bnew(?:ly)?\b(?=\s+[a-z])", re.I)
_STARTS = frozenset(
    """joined join opened open created start started starting signed registered hired hire
    enrolled added listed opening since issue issued""".split()  # noqa: SIM905
)
_ENDS = frozenset(
    """closed close closing due end ended ending expiry expires resolved left finished
    completed shipped delivered paid cancelled""".split()  # noqa: SIM905
)
