"""A table found on a sheet: its columns, where each sits, and typed access to the values.

A :class:`Table` keeps the raw cell values column by column and converts a column to a typed
pandas Series only when an operation asks for it, so that opening a 200,000-row sheet costs little
more than reading it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd

from nlsheet import refs

__all__ = ["Column", "ColumnKind", "ColumnValues", "Table", "is_blank", "value_words"]

_T = TypeVar("_T")
_VALUE_WORD = re.compile(r"[^\W_]+")
_MAX_DISTINCT = 100_000


def value_words(text: str) -> str:
    """The form cell values are compared in: case-folded words joined by single spaces."""
    return " ".join(_VALUE_WORD.findall(text.casefold()))


_NUMBER_TEXT = re.compile(r"^\s*[-+]?[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*%?\s*$")
_ID_WORDS = re.compile(r"(?:^|[\s_#])(id|no|nr|num|number|code|sku|#)(?:$|[\s_.)])", re.I)


class ColumnKind(StrEnum):
    """What a column mostly holds."""

    NUMBER = "number"
    TEXT = "text"
    DATE = "date"
    BOOL = "bool"
    EMPTY = "empty"


def parse_number_text(value: str) -> float | None:
    """Return the number written in a text cell ('1,200', '$3.50', '15%'), or None."""
    if not value or not _NUMBER_TEXT.match(value) or not any(c.isdigit() for c in value):
        return None
    text = value.strip().replace(",", "").replace(" ", "")
    percent = text.endswith("%")
    text = text.rstrip("%").replace("$", "").replace("€", "").replace("£", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return number / 100 if percent else number


def is_blank(value: object) -> bool:
    """True for an empty cell: None, NaN, or text of white space only."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _cell_kind(value: object) -> ColumnKind | str:
    if isinstance(value, bool):
        return ColumnKind.BOOL
    if isinstance(value, (int, float, np.integer, np.floating)):
        return ColumnKind.NUMBER
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp, np.datetime64)):
        return ColumnKind.DATE
    if isinstance(value, str) and parse_number_text(value) is not None:
        return "text-number"
    if isinstance(value, (dt.timedelta, dt.time)):
        return ColumnKind.NUMBER  # a time or duration is a number of days, as in Excel
    return ColumnKind.TEXT


def day_fraction(value: object) -> float | None:
    """A time of day or a duration as Excel holds it, a number of days (0:45:00 -> 0.03125);
    None for anything else."""
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return (seconds + value.microsecond / 1e6) / 86400
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    return None


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        name: The header text, unique within the table (duplicates get ' (2)').
        position: 0-based position within the table.
        column: 1-based sheet column.
        header_cell: Where the header sits (``Stock!C4``); None for a DataFrame without a sheet.
        data_range: Absolute range of the data cells (``Stock!$C$5:$C$120``).
        kind: What the column mostly holds, judged on a sample.
        is_id: The header names an identifier (Order ID, SKU, No.), not a measure.
    """

    name: str
    position: int
    column: int
    header_cell: str
    data_range: str
    kind: ColumnKind
    is_id: bool = False

    @property
    def letter(self) -> str:
        """The sheet column letters ('C')."""
        return refs.column_letter(self.column)


@dataclass(frozen=True)
class ColumnValues:
    """A column converted for computation.

    Attributes:
        series: Typed values (float for numbers, datetime64 for dates, object for text),
            one per data row; blanks are NaN/NaT/None.
        numbers_as_text: Cells holding a number stored as text (1-based sheet rows).
        non_numeric: How many non-blank cells could not be read as numbers.
        examples: A few of those non-numeric values, for messages.
        clock: The numbers are times or durations (days, as Excel holds them: 0.5 is 12:00).
    """

    series: pd.Series
    numbers_as_text: tuple[int, ...] = ()
    non_numeric: int = 0
    examples: tuple[str, ...] = ()
    clock: bool = False


@dataclass
class Table:
    """A rectangular table on one sheet.

    Attributes:
        sheet: The sheet's name.
        header_row: 1-based sheet row of the (last) header row; None when the sheet has none
            and columns are named by their letters.
        first_row: First data row (1-based).
        last_row: Last data row (1-based), totals row excluded.
        first_column: First sheet column (1-based).
        columns: The columns, left to right.
        notes: What the reader noticed and did (a Total row left out, a header found at B4 ...).
        total_row: The sheet row of a totals row under the data, if one was found.
        gaps: Blank sheet rows inside the data ('January' rows, a blank row, 'February'
            rows): in the ranges, but no rows of the table.
        anchor: With gaps, a column filled in every data row: the rows where it is filled
            are the table's rows (what :func:`nlsheet.backends.gaps.skip_gaps` adds).
        scale: What the numbers are counted in, as a title line above the header says
            ('Values in € million': 1e6); 1 when none says.
    """

    sheet: str
    header_row: int | None
    first_row: int
    last_row: int
    first_column: int
    columns: tuple[Column, ...]
    raw: Sequence[Sequence[Any]] = field(repr=False)
    notes: tuple[str, ...] = ()
    total_row: int | None = None
    gaps: tuple[int, ...] = ()
    anchor: str | None = None
    scale: float = 1.0
    _typed: dict[str, ColumnValues] = field(default_factory=dict, repr=False)
    _index: dict[str, tuple[str, ...]] | None = field(default=None, repr=False)
    _spelling: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def n_rows(self) -> int:
        """Number of data rows."""
        return max(0, self.last_row - self.first_row + 1)

    @property
    def last_column(self) -> int:
        """Last sheet column (1-based)."""
        return self.first_column + len(self.columns) - 1

    @property
    def ref(self) -> str:
        """The whole table, header included, as a range (``Stock!$B$4:$G$64``)."""
        return refs.range_ref(
            self.sheet, self._top, self.first_column, self.last_row, self.last_column
        )

    @property
    def _top(self) -> int:
        return self.header_row if self.header_row is not None else self.first_row

    @property
    def header_ref(self) -> str:
        """The header cells as a plain range (``Stock!B4:G4``), for messages."""
        return refs.range_ref(
            self.sheet,
            self._top,
            self.first_column,
            self._top,
            self.last_column,
            absolute=False,
        )

    def column(self, name: str) -> Column:
        """Return the column with this exact name.

        Raises:
            KeyError: If there is none (callers resolve words to names first).
        """
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def column_at(self, sheet_column: int) -> Column | None:
        """Return the column at a 1-based sheet column, if it is part of the table."""
        position = sheet_column - self.first_column
        if 0 <= position < len(self.columns):
            return self.columns[position]
        return None

    def values(self, name: str) -> ColumnValues:
        """Return the typed values of a column, converting it on first use."""
        cached = self._typed.get(name)
        if cached is None:
            col = self.column(name)
            cached = _convert(self.raw[col.position], col.kind, self.first_row)
            self._typed[name] = cached
        return cached

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """What ``make`` returns, computed once per table and ``key`` (an index of its values
        that another layer derives, say)."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(_T, self._memo[key])

    def value_index(self) -> dict[str, tuple[str, ...]]:
        """Map each text value (as :func:`value_words`) to the columns holding it.

        Built on first use; columns with more than 100,000 distinct values are left out.
        """
        if self._index is None:
            index: dict[str, list[str]] = {}
            for column in self.columns:
                if column.kind is not ColumnKind.TEXT:
                    continue
                distinct = self.values(column.name).series.dropna().unique()
                if len(distinct) > _MAX_DISTINCT:
                    continue
                for value in distinct:
                    text = str(value)
                    key = value_words(text)
                    if not key:
                        continue
                    names = index.setdefault(key, [])
                    if column.name not in names:
                        names.append(column.name)
                    spellings = self._spelling.setdefault((column.name, key), [])
                    if text not in spellings:
                        spellings.append(text)
            self._index = {k: tuple(v) for k, v in index.items()}
        return self._index

    def value_spelling(self, name: str, key: str, typed: str = "") -> str:
        """The value as written in the column, for a key of :meth:`value_index`.

        When cells spell the same words differently ('FS-6306 A', 'FS 6306-A'), the one
        typed in the command wins, ignoring case.
        """
        self.value_index()
        spellings = self._spelling.get((name, key), [key])
        folded = typed.casefold()
        return next((s for s in spellings if s.casefold() == folded), spellings[0])

    def frame(self) -> pd.DataFrame:
        """Return the whole table as a DataFrame with typed columns (built on demand)."""
        return pd.DataFrame({c.name: self.values(c.name).series for c in self.columns})


def infer_kind(sample: Sequence[Any]) -> ColumnKind:
    """Judge what a column mostly holds from a sample of its cells (blanks are skipped)."""
    counts: dict[object, int] = {}
    for value in sample:
        if is_blank(value):
            continue
        kind = _cell_kind(value)
        counts[kind] = counts.get(kind, 0) + 1
    total = sum(counts.values())
    if total == 0:
        return ColumnKind.EMPTY
    numbers = counts.get(ColumnKind.NUMBER, 0)
    numeric = numbers + counts.get("text-number", 0)
    if counts.get(ColumnKind.DATE, 0) >= 0.8 * total:
        return ColumnKind.DATE
    if counts.get(ColumnKind.BOOL, 0) >= 0.8 * total:
        return ColumnKind.BOOL
    if numeric >= 0.8 * total and (numbers > 0 or not _leading_zero_codes(sample)):
        # Codes such as '00123' typed as text stay text; other text numbers are numbers.
        return ColumnKind.NUMBER
    return ColumnKind.TEXT


def _leading_zero_codes(values: Sequence[Any]) -> bool:
    texts = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    return any(v.startswith("0") and len(v) > 1 and v[1].isdigit() for v in texts)


def is_id_header(name: str) -> bool:
    """True for headers that name identifiers ('Order ID', 'SKU', 'Invoice No.')."""
    return bool(_ID_WORDS.search(name))


def _convert(values: Sequence[Any], kind: ColumnKind, first_row: int) -> ColumnValues:
    if kind is ColumnKind.NUMBER:
        return _to_numbers(values, first_row)
    if kind is ColumnKind.DATE:
        series = pd.to_datetime(
            pd.Series([None if is_blank(v) else v for v in values], dtype=object),
            errors="coerce",
        )
        return ColumnValues(series)
    if kind is ColumnKind.BOOL:
        return ColumnValues(pd.Series([None if is_blank(v) else v for v in values], dtype=object))
    cleaned = [None if is_blank(v) else _text(v) for v in values]
    return ColumnValues(pd.Series(cleaned, dtype=object))


def _text(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Cell types _to_numbers treats apart: text, yes/no, and times or durations.
_TYPE_CODES: dict[type, int] = {str: 1, np.str_: 1, bool: 2, np.bool_: 2}
_TYPE_CODES |= {dt.time: 3, dt.timedelta: 3, pd.Timedelta: 3}


def _to_numbers(values: Sequence[Any], first_row: int) -> ColumnValues:
    raw = pd.Series(values, dtype=object)
    # One pass over the cells for their types; the rest is vectorised.
    codes = np.fromiter((_TYPE_CODES.get(type(v), 0) for v in values), np.int8, len(values))
    is_str, is_bool, timed = codes == 1, codes == 2, codes == 3
    clock = bool(timed.any())
    if clock:
        # Times and durations are numbers of days, as Excel holds them.
        days = [day_fraction(v) for v in raw[timed]]
        raw = raw.copy()
        raw[timed] = days
    # Real numbers convert in one vectorised step; text cells are read one by one below.
    numbers = pd.to_numeric(raw.where(~(is_str | is_bool)), errors="coerce")
    fixed = numbers.to_numpy(dtype=float, copy=True)
    text_rows: list[int] = []
    examples: list[str] = []
    bad = int(is_bool.sum())
    for i in np.flatnonzero(is_str):
        value = values[int(i)]
        if not value.strip():
            continue
        parsed = parse_number_text(value)
        if parsed is None:
            bad += 1
            if len(examples) < 3:
                examples.append(value)
        else:
            fixed[i] = parsed
            text_rows.append(first_row + int(i))
    return ColumnValues(pd.Series(fixed), tuple(text_rows), bad, tuple(examples), clock)
