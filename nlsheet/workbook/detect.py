"""Find the real table on a sheet: header row, column span, data rows and a totals row.

Real sheets are messy: title and note rows above the header, tables that start at B4, blank
rows and columns around them, a "Total" row under the data, merged header cells. This module
works on the grid of cell values a reader produced (row 0 of the grid is sheet row 1, column 0
is sheet column A) and never touches files.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

from nlsheet import refs
from nlsheet.errors import NoTableError
from nlsheet.workbook.table import (
    Column,
    ColumnKind,
    Table,
    infer_kind,
    is_blank,
    is_id_header,
    parse_number_text,
)

__all__ = ["LazyColumns", "MergedRange", "detect_table"]

# A merged range as (first_row, first_col, last_row, last_col), 0-based like the grid.
MergedRange = tuple[int, int, int, int]

_TOTAL = re.compile(r"^\s*(grand\s+|sub\s*-?)?totals?\b|^\s*sum\b|^\s*gesamt|^\s*summe", re.I)
_HEADER_WINDOW = 40
_KIND_SAMPLE = 400
# Years a header row of numbers may hold (Country, 1990, 1991 ... 2013), and how many rows
# under it are looked at to see that the data there are not years too.
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*$")
_BELOW_SAMPLE = 20


class LazyColumns(Sequence[list[Any]]):
    """Columns of a block of the grid, each sliced out on first use and kept."""

    def __init__(self, grid: Sequence[Sequence[Any]], first: int, last: int, col0: int, n: int):
        self._grid = grid
        self._first = first
        self._last = last
        self._col0 = col0
        self._n = n
        self._cache: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, position: int) -> list[Any]:  # type: ignore[override]
        if not 0 <= position < self._n:
            raise IndexError(position)
        cached = self._cache.get(position)
        if cached is None:
            j = self._col0 + position
            cached = [_cell(row, j) for row in self._grid[self._first : self._last + 1]]
            self._cache[position] = cached
        return cached

    def sample(self, position: int, size: int) -> list[Any]:
        """An even sample of about ``size`` cells of one column, without slicing it all."""
        if position in self._cache:
            values = self._cache[position]
            return values[:: max(1, len(values) // size)]
        j = self._col0 + position
        step = max(1, (self._last - self._first + 1) // size)
        return [_cell(self._grid[i], j) for i in range(self._first, self._last + 1, step)]


def _cell(row: Sequence[Any], j: int) -> Any:
    return row[j] if j < len(row) else ""


def _is_label(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and parse_number_text(value) is None


def _row_blank(row: Sequence[Any], c0: int, c1: int) -> bool:
    # Fast path: most data rows have their first cell filled (this runs once per row).
    first = row[c0] if c0 < len(row) else ""
    if isinstance(first, str):
        if first.strip():
            return False
    elif first is not None and not (isinstance(first, float) and math.isnan(first)):
        return False
    cells = row[c0 : c1 + 1]
    if cells.count("") == len(cells):
        return True
    return all(is_blank(v) for v in cells)


def _nonblank_rows(grid: Sequence[Sequence[Any]], limit: int) -> Iterator[int]:
    found = 0
    for i, row in enumerate(grid):
        if not _row_blank(row, 0, len(row) - 1):
            yield i
            found += 1
            if found >= limit:
                return


def _find_header(grid: Sequence[Sequence[Any]], candidates: list[int]) -> int | None:
    width = max(sum(1 for v in grid[i] if not is_blank(v)) for i in candidates)
    need = max(2 if width >= 2 else 1, math.ceil(0.5 * width))
    for k, i in enumerate(candidates):
        cells = [v for v in grid[i] if not is_blank(v)]
        labels = sum(1 for v in cells if _is_label(v))
        has_next = k + 1 < len(candidates) and candidates[k + 1] == i + 1
        if not has_next:
            continue
        if labels >= need and labels >= 0.6 * len(cells):
            return i
        if _is_year_header(grid, i):
            return i
    return None


def _year(value: Any) -> int | None:
    """The year a cell holds (2019, 2019.0 or the text '2019'), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        if not number.is_integer():
            return None
        year = int(number)
    elif isinstance(value, str) and (match := _YEAR_TEXT.match(value)):
        year = int(match.group(1))
    else:
        return None
    return year if _FIRST_YEAR <= year <= _LAST_YEAR else None


def _is_year_header(grid: Sequence[Sequence[Any]], i: int) -> bool:
    """True when row ``i`` names its columns by year (Country, 1990, 1991 ... 2013).

    A row of numbers is a header only when all of these hold, so that a table of plain numbers
    (with no header row, or whose first data row happens to hold years) stays data:

    - every filled cell is a year (1900-2100, whole, a number or a text) or a label, with at
      least two distinct years; a row of years alone must run strictly up or down;
    - it starts its block: the row above is blank or holds only labels (a title, or group
      cells such as Actual | Forecast over the years);
    - under the years the cells are mostly not years (other numbers, or text), judged on the
      next rows of the block.
    """
    row = grid[i]
    years: list[int] = []
    year_columns: list[int] = []
    labels = 0
    for j, value in enumerate(row):
        if is_blank(value):
            continue
        year = _year(value)
        if year is not None:
            years.append(year)
            year_columns.append(j)
        elif _is_label(value):
            labels += 1
        else:
            return False
    if len(years) < 2 or len(set(years)) < len(years):
        return False
    steps = {b > a for a, b in itertools.pairwise(years)}
    if labels == 0 and len(steps) != 1:
        return False
    if i > 0 and not all(_is_label(v) for v in grid[i - 1] if not is_blank(v)):
        return False
    below = 0
    below_years = 0
    for r in range(i + 1, min(i + 1 + _BELOW_SAMPLE, len(grid))):
        if _row_blank(grid[r], 0, len(grid[r]) - 1):
            break
        for j in year_columns:
            value = _cell(grid[r], j)
            if not is_blank(value):
                below += 1
                below_years += _year(value) is not None
    return below > 0 and below_years < 0.5 * below


def _corner_column(
    grid: Sequence[Sequence[Any]], header: int, header_values: Sequence[Any], c0: int
) -> int:
    """Widen the table to the left over a blank header corner.

    Wide tables often leave the cell above their row labels empty (a blank A1 over the
    countries, then 1990, 1991 ...). The column under that corner is part of the table when the
    row right under the header and most rows after it have a value there.
    """
    below = []
    for r in range(header + 1, min(header + 1 + _BELOW_SAMPLE, len(grid))):
        if _row_blank(grid[r], 0, len(grid[r]) - 1):
            break
        below.append(grid[r])
    while c0 > 0 and below and is_blank(_cell(header_values, c0 - 1)):
        filled = [not is_blank(_cell(r, c0 - 1)) for r in below]
        if not filled[0] or sum(filled) < 0.5 * len(filled):
            break
        c0 -= 1
    return c0


def _two_row_header(
    grid: Sequence[Sequence[Any]], merged: Sequence[MergedRange], header: int
) -> bool:
    """True when the header row holds group cells merged across columns ('Q1' over B:C) and
    the row below names the columns under them, blank elsewhere (vertically merged cells)."""
    below = header + 1
    if below + 1 >= len(grid):
        return False
    groups = [
        (m0, m1) for r0, m0, r1, m1 in merged if r0 <= header <= r1 and m1 > m0 and r1 < below
    ]
    if not groups:
        return False
    row = grid[below]
    for j, value in enumerate(grid[header]):
        grouped = any(m0 <= j <= m1 for m0, m1 in groups)
        under = _cell(row, j)
        if grouped and not _is_label(under) and not is_blank(under):
            return False
        if not grouped and not is_blank(value) and not is_blank(under):
            return False
    return any(_is_label(_cell(row, j)) for m0, m1 in groups for j in range(m0, m1 + 1))


def _merged_fill(
    grid: Sequence[Sequence[Any]], merged: Sequence[MergedRange], row: int, c0: int, c1: int
) -> list[Any]:
    values = [_cell(grid[row], j) for j in range(c0, c1 + 1)]
    for r0, m0, r1, m1 in merged:
        if r0 <= row <= r1:
            top = _cell(grid[r0], m0)
            for j in range(max(m0, c0), min(m1, c1) + 1):
                if is_blank(values[j - c0]):
                    values[j - c0] = top
    return values


def _group_prefixes(
    grid: Sequence[Sequence[Any]], merged: Sequence[MergedRange], header: int, c0: int, c1: int
) -> list[str]:
    """Texts of merged group cells right above the header ('Q1' over 'Units' and 'Sales')."""
    prefixes = [""] * (c1 - c0 + 1)
    above = header - 1
    if above < 0:
        return prefixes
    groups = [
        (r0, m0, m1)
        for r0, m0, r1, m1 in merged
        if r0 <= above <= r1 < header and c0 <= m0 < m1 <= c1 and (m1 - m0) < (c1 - c0)
    ]
    # One merged cell starting at the table's first column is a title, not a group.
    if len(groups) == 1 and groups[0][1] == c0:
        return prefixes
    for r0, m0, m1 in groups:
        text = str(_cell(grid[r0], m0)).strip()
        for j in range(m0, m1 + 1):
            prefixes[j - c0] = text
    return prefixes


def _header_names(values: list[Any], prefixes: list[str], c0: int) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for k, value in enumerate(values):
        if is_blank(value):
            text = f"Column {refs.column_letter(c0 + k + 1)}"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = " ".join(str(value).split())
        if prefixes[k]:
            text = f"{prefixes[k]} {text}"
        count = seen.get(text.casefold(), 0) + 1
        seen[text.casefold()] = count
        names.append(text if count == 1 else f"{text} ({count})")
    return names


def detect_table(
    sheet: str,
    grid: Sequence[Sequence[Any]],
    merged: Sequence[MergedRange] = (),
    *,
    header_index: int | None = None,
) -> Table:
    """Find the table on a sheet from its grid of values.

    Args:
        sheet: The sheet's name (for references and messages).
        grid: Cell values; ``grid[0][0]`` is cell A1; blanks are ``""`` or None.
        merged: Merged ranges, 0-based ``(first_row, first_col, last_row, last_col)``.
        header_index: The grid row of the header when the caller knows it (a DataFrame).

    Returns:
        The table with its columns, data rows and notes on what was skipped.

    Raises:
        NoTableError: If the sheet is empty.

    Example:
        >>> detect_table("Stock", [["Inventory", ""], ["", ""], ["SKU", "Qty"], ["A1", 3.0]])
    """
    candidates = list(_nonblank_rows(grid, _HEADER_WINDOW))
    if not candidates:
        raise NoTableError(
            f"sheet {sheet!r} is empty: expected a table with a header row, found no values",
            expected="a table with a header row",
            found="an empty sheet",
            where=sheet,
        )
    notes: list[str] = []
    header = header_index if header_index is not None else _find_header(grid, candidates)
    if header_index is None and header is not None and _two_row_header(grid, merged, header):
        header += 1
    start = header if header is not None else candidates[0]
    row = _merged_fill(grid, merged, start, 0, len(grid[start]) - 1)
    filled = [j for j, v in enumerate(row) if not is_blank(v)]
    if header is None:
        # No header row: take the block under the first values and name columns by letter.
        filled = sorted({j for i in candidates for j, v in enumerate(grid[i]) if not is_blank(v)})
    c0, c1 = filled[0], filled[-1]
    if header is not None:
        c0 = _corner_column(grid, header, row, c0)
    first = header + 1 if header is not None else start
    last = _block_end(grid, first, c0, c1)
    if header is not None and first > last and _row_blank(grid[first], c0, c1):
        last = first - 1
    last, gaps, anchor = _across_gaps(grid, first, last, c0, c1)
    total_row: int | None = None
    if last >= first and _is_total(grid[last], c0, c1):
        total_row = last + 1
        notes.append(
            f"a totals row at {refs.cell_ref(sheet, last + 1, c0 + 1)} is left out of the data"
        )
        last -= 1
    else:
        for i in range(last + 2, min(last + 4, len(grid))):
            if _is_total(grid[i], c0, c1):
                notes.append(
                    f"a totals row at {refs.cell_ref(sheet, i + 1, c0 + 1)} "
                    "sits below the table and is not part of it"
                )
                break
    if header is not None:
        values = _merged_fill(grid, merged, header, c0, c1)
        names = _header_names(values, _group_prefixes(grid, merged, header, c0, c1), c0)
        if header > 0 or c0 > 0:
            notes.append(
                f"header found at {refs.range_ref(sheet, header + 1, c0 + 1, header + 1, c1 + 1, absolute=False)}"  # noqa: E501
            )
    else:
        names = _header_names([""] * (c1 - c0 + 1), [""] * (c1 - c0 + 1), c0)
        notes.append("no header row found: columns are named by their letters")
    if anchor is not None:
        shown = ", ".join(str(r + 1) for r in gaps[:5]) + (" ..." if len(gaps) > 5 else "")
        notes.append(
            f"blank rows inside the data are skipped (sheet rows {shown}): the rows counted "
            f"are those with a {names[anchor]}, filled in every other row"
        )
    raw = LazyColumns(grid, first, last, c0, c1 - c0 + 1)
    header_row = header + 1 if header is not None else None
    columns = tuple(
        _column(sheet, k, c0 + k + 1, name, header_row, first, last, raw)
        for k, name in enumerate(names)
    )
    return Table(
        sheet=sheet,
        header_row=header_row,
        first_row=first + 1,
        last_row=last + 1,
        first_column=c0 + 1,
        columns=columns,
        raw=raw,
        notes=tuple(notes),
        total_row=total_row,
        gaps=tuple(r + 1 for r in gaps),
        anchor=names[anchor] if anchor is not None else None,
        scale=_title_scale(grid[: header if header is not None else 0]),
    )


# 'Values in € million', 'Figures in thousands of USD', 'all amounts in £000s', 'Thousands of
# nights'.
_SCALE_SAID = re.compile(
    r"\bin\s+(?:[$€£]\s*|usd\s+|eur\s+|gbp\s+)?(?P<scale>thousands?|millions?|billions?|"
    r"'?000s?|bn|mn)\b|^\s*(?P<lead>thousands|millions|billions)\s+of\b",
    re.I,
)
_SCALES = {"thousand": 1e3, "000": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}


def _title_scale(titles: Sequence[Sequence[Any]]) -> float:
    """The scale a title line above the header gives the numbers (1 when none does)."""
    for row in titles:
        for value in row:
            found = _SCALE_SAID.search(value) if isinstance(value, str) else None
            if found is not None:
                word = (found["scale"] or found["lead"]).casefold().strip("'").rstrip("s")
                return _SCALES.get(word, 1.0)
    return 1.0


# Blank rows in a row that may part the data ('January' rows, a blank, 'February' rows ...).
_MAX_GAP = 2


def _block_end(grid: Sequence[Sequence[Any]], first: int, c0: int, c1: int) -> int:
    """The last row of the block that starts at ``first`` and runs to a blank row."""
    last = first
    while last + 1 < len(grid) and not _row_blank(grid[last + 1], c0, c1):
        last += 1
    return last


def _across_gaps(
    grid: Sequence[Sequence[Any]], first: int, last: int, c0: int, c1: int
) -> tuple[int, list[int], int | None]:
    """Carry the data on over blank rows that part it: rows below a blank row (or two) that
    fill the same columns with the same kinds of values are more of the table, not a second
    one or a footnote. The rows must all have a column filled in every data row (the anchor,
    by which a formula tells data rows from the blank ones); without one the data ends at the
    first blank row, as before.

    Returns:
        The last data row, the blank rows inside the data, and the anchor's position.
    """
    end, gaps = last, list[int]()
    while end >= first:
        r, blank = end + 1, list[int]()
        while r < len(grid) and len(blank) < _MAX_GAP and _row_blank(grid[r], 0, len(grid[r]) - 1):
            blank.append(r)
            r += 1
        if not blank or r >= len(grid) or not _continues(grid, r, c0, c1, first, end):
            break
        gaps += blank
        end = _block_end(grid, r, c0, c1)
    if not gaps:
        return last, [], None
    parted = set(gaps)
    rows = [i for i in range(first, end + 1) if i not in parted]
    for j in range(c0, c1 + 1):
        if all(not is_blank(_cell(grid[i], j)) for i in rows):
            return end, gaps, j - c0
    return last, [], None


def _continues(
    grid: Sequence[Sequence[Any]], r: int, c0: int, c1: int, first: int, last: int
) -> bool:
    """Whether row ``r`` is more data of the block ``first..last`` (columns ``c0..c1``): no
    totals row, nothing outside the columns, most columns filled, and each column's value of
    the kind the block holds there (no header of text over numbers, no title line)."""
    row = grid[r]
    if _is_total(row, c0, c1) or any(not is_blank(v) for v in row[c1 + 1 :]):
        return False
    if any(not is_blank(v) for v in row[:c0]):
        return False
    width = c1 - c0 + 1
    if sum(not is_blank(_cell(row, j)) for j in range(c0, c1 + 1)) < max(2, (width + 1) // 2):
        return False
    above = grid[max(first, last - _KIND_SAMPLE) : last + 1]
    typed = matched = 0
    for j in range(c0, c1 + 1):
        value = _cell(row, j)
        kinds = {_kind(_cell(a, j)) for a in above if not is_blank(_cell(a, j))}
        typed += kinds in ({"number"}, {"date"})
        if is_blank(value):
            continue
        kind = _kind(value)
        if kind == "text" and kinds == {"number"} and parse_number_text(str(value)) is not None:
            kind = "number"  # '54' typed as text among marks: a number, as the reader takes it
        if len(kinds) == 1 and kind not in kinds:
            return False
        matched += kinds in ({"number"}, {"date"})
    # Under a table of numbers or dates, a row of text alone ('Source:', 'ONS') is a note.
    return matched > 0 or typed == 0


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (dt.date, dt.time)):
        return "date"
    return "text"


def _column(
    sheet: str,
    position: int,
    sheet_column: int,
    name: str,
    header_row: int | None,
    first: int,
    last: int,
    raw: LazyColumns,
) -> Column:
    kind = infer_kind(raw.sample(position, _KIND_SAMPLE)) if last >= first else ColumnKind.EMPTY
    return Column(
        name=name,
        position=position,
        column=sheet_column,
        # Without a header row, the column's first data cell stands for it.
        header_cell=refs.cell_ref(sheet, header_row or first + 1, sheet_column),
        data_range=refs.range_ref(
            sheet, first + 1, sheet_column, max(first, last) + 1, sheet_column
        ),
        kind=kind,
        is_id=is_id_header(name),
    )


def _is_total(row: Sequence[Any], c0: int, c1: int) -> bool:
    cells = [v for v in row[c0 : c1 + 1] if not is_blank(v)]
    return bool(cells) and isinstance(cells[0], str) and bool(_TOTAL.match(cells[0]))
