"""Slots found by pattern: numbers, dates, calendar periods, quoted text and comparison words.

Every slot keeps its character span so that answers can point at the words they came from.

Example:
    >>> [n.value for n in find_numbers("top 5 orders over $1,200 or 1.5k")]
    [5.0, 1200.0, 1500.0]
    >>> find_periods("sales in March")[0].value
    3
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nlsheet.plan import Cmp

__all__ = [
    "ORDERING",
    "DateSlot",
    "NumberSlot",
    "PatternSlot",
    "PeriodSlot",
    "QuotedSlot",
    "comparator_before",
    "find_dates",
    "find_numbers",
    "find_patterns",
    "find_percentiles",
    "find_periods",
    "find_quoted",
    "is_name_part",
    "mask_text",
]

# The comparisons that order values (not equality, not text tests).
ORDERING = frozenset({Cmp.GT, Cmp.GE, Cmp.LT, Cmp.LE})
# 'went down from 2023 to 2024', 'grew from Jan to Mar': a change between two columns of a
# row, up (group 1) or down (group 2), said right before 'from'.
CHANGE_FROM = re.compile(
    r"\b(?:(?:went|gone|go|goes|going)\s+(?:(up)|(down))|"
    r"(rose|risen|rise|rises|grew|grown|grow|grows|increased|increases?|climbed|climbs?|gained|"
    r"gains?|improved|improves?)|"
    r"(dropped|drops?|fell|fallen|falls?|decreased|decreases?|declined|declines?|shrank|shrunk|"
    r"shrinks?|slipped|slips?|worsened|worsens?|lost|lose|loses|losing))\s+(?:from|between)\s+"
    r"(?:the\s+)?$",
    re.I,
)

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUMBER = re.compile(
    r"(?<![\w.])(?P<sign>[-+])?(?P<cur>[$€£])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(?P<mult>k|m|bn|thousand|million|billion)\b)?(?P<pct>\s*%|\s+percent\b)?"
    r"(?P<ord>st|nd|rd|th)?(?![\w.]*\d)"
    # A unit or currency after the number belongs to it ('5 kg', '2,500 EUR', '3 hours').
    r"(?P<unit>\s*(?:[$€£¥]|(?:usd|eur|gbp|dollars?|euros?|pounds?|kg|kgs|kilos?|g|grams?|lbs?|"
    r"km|kms|cm|mm|miles?|metres?|meters?|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|"
    r"weeks?|months?|years?|yrs?|points?|pts|litres?|liters?|ml|l)\b))?"
    # A rate's period: '$20 a month', '£300 per week'.
    r"(?P<per>\s+(?:a|an|per|each)\s+(?:month|year|week|day|hour)\b)?"
    # One letter or a few capitals run on to it make a name, not a number ('2D', '4WD', '5G');
    # other letters are a unit ('103.5MHz').
    r"(?![a-z]\b)(?!(?-i:[A-Z]{2,3})\b)",
    re.I,
)
_CURRENCIES = frozenset(
    {"$", "€", "£", "¥", "usd", "eur", "gbp", "dollar", "dollars", "euro", "euros", "pound"}
    | {"pounds"}
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_PERIOD = re.compile(rf"\b(?:in|during|for|of|from)\s+({_MONTH_RE})\b(?!\.?\s*\d)", re.I)
_QUARTER = re.compile(
    r"\b(?:in\s+|during\s+|for\s+)?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b",
    re.I,
)
_YEAR_PERIOD = re.compile(r"\b(?:in|during|for|of|from)\s+((?:19|20)\d{2})\b(?!\s*[-/])", re.I)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|'([^']+)'(?!\w)")
_ORDINAL_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_ORDINAL_Q["4th"] = 4

# Comparison words, longest first; each maps to the comparison it means before a value.
_COMPARATORS: tuple[tuple[str, Cmp], ...] = tuple(
    sorted(
        [
            *(
                (w, Cmp.GT)
                for w in (
                    "more than",
                    "greater than",
                    "larger than",
                    "bigger than",
                    "higher than",
                    "over",
                    "above",
                    "exceeds",
                    "exceeding",
                    "exceed",
                    "after",
                    "later than",
                    "newer than",
                    "longer than",
                    "older than",
                    "heavier than",
                    "more expensive than",
                    "pricier than",
                    "costlier than",
                    "beyond",
                    ">",
                )
            ),
            *(
                (w, Cmp.GE)
                for w in (
                    "at least",
                    "no less than",
                    "not less than",
                    "minimum of",
                    "since",
                    "greater than or equal to",
                    "more than or equal to",
                    ">=",
                    "from",
                    "on or after",
                    "at or after",
                    "no earlier than",
                )
            ),
            *(
                (w, Cmp.LT)
                for w in (
                    "less than",
                    "fewer than",
                    "smaller than",
                    "lower than",
                    "under",
                    "below",
                    "before",
                    "earlier than",
                    "prior to",
                    "shorter than",
                    "younger than",
                    "lighter than",
                    "cheaper than",
                    "less expensive than",
                    "<",
                )
            ),
            *(
                (w, Cmp.LE)
                for w in (
                    "at most",
                    "no more than",
                    "not more than",
                    "up to",
                    "maximum of",
                    "less than or equal to",
                    "<=",
                    "on or before",
                    "at or before",
                    "no later than",
                )
            ),
            *(
                (w, Cmp.NE)
                for w in (
                    "not",
                    "isn't",
                    "is not",
                    "other than",
                    "except",
                    "excluding",
                    "apart from",
                    "not equal to",
                    "!=",
                    "<>",
                    "besides",
                    "but not",
                )
            ),
            *(
                (w, Cmp.CONTAINS)
                for w in ("containing", "contains", "contain", "including the word")
            ),
            *(
                (w, Cmp.STARTS)
                for w in (
                    "starting with",
                    "starts with",
                    "start with",
                    "beginning with",
                    "begins with",
                )
            ),
            *((w, Cmp.ENDS) for w in ("ending with", "ends with", "end with")),
            *((w, Cmp.EQ) for w in ("equal to", "equals", "equal", "=", "is", "was", "of", "on")),
        ],
        key=lambda p: -len(p[0]),
    )
)
_AFTER_VALUE: tuple[tuple[str, Cmp], ...] = (
    ("or more", Cmp.GE),
    ("or greater", Cmp.GE),
    ("or higher", Cmp.GE),
    ("or above", Cmp.GE),
    ("and above", Cmp.GE),
    ("and up", Cmp.GE),
    ("or less", Cmp.LE),
    ("or fewer", Cmp.LE),
    ("or lower", Cmp.LE),
    ("or below", Cmp.LE),
    ("and below", Cmp.LE),
    ("or under", Cmp.LE),
)


@dataclass(frozen=True)
class NumberSlot:
    """A number in the command ('$1,200' -> 1200.0, '15%' -> 0.15, '90th' -> 90.0)."""

    value: float
    start: int
    end: int
    text: str
    percent: bool = False
    ordinal: bool = False
    unit: str = ""
    currency: bool = False
    per: str = ""  # the period of a rate: 'month' for '$20 a month'

    @property
    def year_like(self) -> bool:
        """A whole number from 1900 to 2100 written without separators (a year?)."""
        return self.text.isdigit() and 1900 <= self.value <= 2100


@dataclass(frozen=True)
class DateSlot:
    """A calendar date written out ('2024-03-01', 'March 3, 2024', '3/1/2024')."""

    value: dt.date
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PeriodSlot:
    """A calendar period without a full date: a month, a quarter or a year."""

    kind: Literal["month", "quarter", "year"]
    value: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PatternSlot:
    """A text test with its literal: 'starts with M', 'containing Bolt', 'ends with Ltd'."""

    cmp: Cmp
    value: str
    cmp_start: int
    start: int
    end: int
    text: str


_PATTERN = re.compile(
    r"\b(?P<cmp>contains?|containing|including|includes?|with\s+the\s+word|mentions?|mentioning|"
    r"says?(?!\s+(?:is|was|are|were|of)\b)|saying|talks?\s+about|talking\s+about|asking\s+for|refer(?:s|ring)?\s+to|"
    r"(?:starts?|starting|begins?|beginning)\s+with|(?:ends?|ending)\s+with)\s+"
    r"(?:the\s+(?:word|letter|text)\s+|(?:a|an|the)\s+(?=\S))?(?P<value>\"[^\"]+\"|'[^']+'|[^\s,?!.]+(?:\s+(?!and\b|or\b|"
    r"where\b|with\b|in\b|for\b|by\b)[^\s,?!.]+)*?)"
    r"(?=\s+(?:and|or|where|with|in|for|by)\b|\s+[-–—]\s|[,?!.]|$)",
    re.I,
)


def find_patterns(text: str) -> list[PatternSlot]:
    """'starts with M', 'containing "pend"', 'ends with Ltd': the test and its literal text."""
    found: list[PatternSlot] = []
    for m in _PATTERN.finditer(text):
        words = m.group("cmp").lower()
        cmp = (
            Cmp.STARTS
            if words.startswith(("start", "begin"))
            else (Cmp.ENDS if words.startswith("end") else Cmp.CONTAINS)
        )
        value = m.group("value").strip("\"'")
        found.append(PatternSlot(cmp, value, m.start(), m.start("value"), m.end(), m.group()))
    for m in _NAME_PART.finditer(text):
        # 'whose first name is Kofi', 'with the surname Silva': a name's first or last word.
        first = m.group("part").lower() in ("first", "given", "fore")
        value = f"{m.group('value')} " if first else f" {m.group('value')}"
        cmp = Cmp.STARTS if first else Cmp.ENDS
        found.append(PatternSlot(cmp, value, m.start(), m.start("value"), m.end(), m.group()))
    return found


_NAME_PART = re.compile(
    r"\b(?:whose\s+|with\s+(?:the\s+|a\s+)?)?(?P<part>first|given|fore|last|family|sur)\s*-?\s*"
    r"name\s+(?:is\s+|was\s+|of\s+)?(?P<value>[^\W\d_][\w'’-]*)",
    re.I,
)


def is_name_part(p: PatternSlot) -> str | None:
    """The part word of a name-part test ('first' for 'whose first name is Kofi'), or None."""
    found = _NAME_PART.match(p.text)
    return found.group("part").lower() if found is not None else None


@dataclass(frozen=True)
class QuotedSlot:
    """Text in quotes: a value to compare with, as typed."""

    value: str
    start: int
    end: int


def find_numbers(text: str) -> list[NumberSlot]:
    """Numbers with thousands separators, currency, k/m suffixes, percent signs, ordinals."""
    found: list[NumberSlot] = []
    for m in _NUMBER.finditer(text):
        value = float(m.group("num").replace(",", ""))
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult").lower()]
        percent = bool(m.group("pct"))
        if m.group("sign") == "-":
            value = -value
        unit = (m.group("unit") or "").strip().casefold()
        currency = bool(m.group("cur")) or unit in _CURRENCIES
        found.append(
            NumberSlot(
                value,
                m.start(),
                m.end(),
                m.group(),
                percent,
                bool(m.group("ord")),
                unit,
                currency,
                m.group("per").split()[-1].casefold() if m.group("per") else "",
            )
        )
    return found


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateSlot]:
    """Full dates in ISO, US slash, 'March 3, 2024' and '3 March 2024' forms."""
    found: list[DateSlot] = []
    for m in _ISO_DATE.finditer(text):
        date = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date:
            found.append(DateSlot(date, m.start(), m.end(), m.group()))
    for m in _SLASH_DATE.finditer(text):
        year = int(m.group(3))
        year += 2000 if year < 100 else 0
        date = _safe_date(year, int(m.group(1)), int(m.group(2)))
        if date:
            found.append(DateSlot(date, m.start(), m.end(), m.group()))
    for m in _MONTH_DAY_YEAR.finditer(text):
        date = _safe_date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        if date:
            found.append(DateSlot(date, m.start(), m.end(), m.group()))
    for m in _DAY_MONTH_YEAR.finditer(text):
        date = _safe_date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        if date:
            found.append(DateSlot(date, m.start(), m.end(), m.group()))
    found.sort(key=lambda d: d.start)
    kept: list[DateSlot] = []
    for d in found:
        if not any(k.start < d.end and d.start < k.end for k in kept):
            kept.append(d)
    return kept


def find_periods(text: str) -> list[PeriodSlot]:
    """'in March' (a month of any year), 'in Q1' / 'first quarter', 'in 2024'."""
    found: list[PeriodSlot] = []
    for m in _MONTH_PERIOD.finditer(text):
        found.append(
            PeriodSlot("month", _MONTHS[m.group(1).lower()], m.start(), m.end(), m.group())
        )
    for m in _QUARTER.finditer(text):
        q = int(m.group(1)) if m.group(1) else _ORDINAL_Q[m.group(2).lower()]
        found.append(PeriodSlot("quarter", q, m.start(), m.end(), m.group()))
    for m in _YEAR_PERIOD.finditer(text):
        found.append(PeriodSlot("year", int(m.group(1)), m.start(), m.end(), m.group()))
    return sorted(found, key=lambda p: p.start)


def find_quoted(text: str) -> list[QuotedSlot]:
    """Text between double quotes (or single quotes around several characters)."""
    found: list[QuotedSlot] = []
    for m in _QUOTED.finditer(text):
        value = next(g for g in m.groups() if g is not None)
        if value.strip():
            found.append(QuotedSlot(value.strip(), m.start(), m.end()))
    return found


def comparator_before(text: str, position: int, window: int = 40) -> tuple[Cmp, int] | None:
    """The comparison words that end right before ``position`` ('over', 'at least', 'not').

    Articles between them and the value are skipped ('over the 20'). Returns the comparison
    and where its words start, or None.
    """
    start = max(0, position - window)
    left = text[start:position].lower()
    tail = re.search(r"(?:\s+(?:a|an|the))*\s*$", left)
    core = left[: tail.start()] if tail else left
    for words, cmp in _COMPARATORS:
        if core.endswith(words) and (
            len(core) == len(words) or not core[-len(words) - 1].isalnum()
        ):
            return cmp, start + len(core) - len(words)
    return None


def comparator_after(text: str, position: int) -> tuple[Cmp, int] | None:
    """'or more', 'or less' ... right after a value; returns the comparison and where it ends."""
    right = text[position:].lower()
    for words, cmp in _AFTER_VALUE:
        stripped = right.lstrip()
        if stripped.startswith(words):
            return cmp, position + (len(right) - len(stripped)) + len(words)
    return None


def mask_text(
    text: str,
    columns: Sequence[tuple[int, int]],
    values: Sequence[tuple[int, int]] = (),
) -> str:
    """What the classifier reads: columns, values, dates and numbers replaced by placeholders.

    Example:
        >>> mask_text("total sales over 1,200 for West", [(6, 11)], [(27, 31)])
        'total xcolx over xnumx for xvalx'
    """
    pieces: list[tuple[int, int, str]] = []

    def add(start: int, end: int, token: str) -> None:
        if not any(s < end and start < e for s, e, _ in pieces):
            pieces.append((start, end, token))

    for start, end in columns:
        add(start, end, "xcolx")
    for start, end in values:
        add(start, end, "xvalx")
    for d in find_dates(text):
        add(d.start, d.end, "xdatex")
    for n in find_numbers(text):
        add(n.start, n.end, "xnumx")
    out: list[str] = []
    last = 0
    for start, end, token in sorted(pieces):
        out.append(text[last:start])
        out.append(token)
        last = end
    out.append(text[last:])
    return "".join(out)


_PERCENTILE = re.compile(
    r"\b(\d{1,2}(?:\.\d+)?)(?:st|nd|rd|th)?\s*(?:percentile|pct)\b|\bp(\d{1,2})\b|"
    r"\b(first|1st|third|3rd|lower|upper)\s+quartile\b",
    re.I,
)
_QUARTILES = {"first": 0.25, "1st": 0.25, "lower": 0.25, "third": 0.75, "3rd": 0.75}
_QUARTILES["upper"] = 0.75


def find_percentiles(text: str) -> list[tuple[float, int, int]]:
    """'the 90th percentile', 'p95', 'the first quartile': each as a fraction (0.9), with where
    its words start and end."""
    found = []
    for m in _PERCENTILE.finditer(text):
        share = _QUARTILES[m.group(3).lower()] if m.group(3) else float(m.group(1) or m.group(2))
        found.append((share if m.group(3) else share / 100, m.start(), m.end()))
    return found
