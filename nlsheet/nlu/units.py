"""Units of measure said with a number and held by a column: 'more than 2 days' over an Hours
column is 48 hours, '500 g' over 'Weight (kg)' is 0.5, and '3 kg' is no number of Hours.

A column's unit is read from its header: a unit word ('Hours', 'Weight kg') or a unit in
brackets ('Duration (min)', 'Distance (km)'). Units of one dimension convert; a number in a
unit of another dimension goes to no column of that unit.

Example:
    >>> in_column_unit(2, "days", Column("Hours", ...))  # doctest: +SKIP
    48.0
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.nlu.context import ColumnMatch
from nlsheet.workbook.table import Column, ColumnKind

__all__ = [
    "column_unit",
    "fits_unit",
    "in_column_unit",
    "measured_in",
    "seconds_in",
    "unit_of",
    "unit_sides",
]

# Each unit: its dimension and its size in the dimension's base unit.
_UNITS: dict[str, tuple[str, float]] = {
    "second": ("time", 1.0),
    "sec": ("time", 1.0),
    "minute": ("time", 60.0),
    "min": ("time", 60.0),
    "hour": ("time", 3600.0),
    "hr": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "gram": ("mass", 0.001),
    "g": ("mass", 0.001),
    "kg": ("mass", 1.0),
    "kilo": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "km": ("length", 1000.0),
    "mile": ("length", 1609.344),
    "ml": ("volume", 0.001),
    "litre": ("volume", 1.0),
    "liter": ("volume", 1.0),
}
# One-letter units are units after a number ('5 h', '250 g') or in brackets ('Time (s)').
_SHORT = {"s": "second", "h": "hour", "l": "litre", "g": "gram"}
# A time word in a header is a unit when plural ('Hours', 'Days to Resolve'); 'Week' or 'Day'
# alone numbers the weeks, and 'Min' is a minimum.
_TIME_SINGULAR = frozenset({"second", "sec", "minute", "min", "hour", "hr", "day", "week"})
_WORD = re.compile(r"[a-z]+")


def unit_of(word: str, short: bool = True) -> tuple[str, float] | None:
    """The dimension and size of a unit word, singular or plural ('days', 'kgs', 'mins');
    one-letter units only with ``short``."""
    w = word.strip().casefold()
    if w in _SHORT:
        return _UNITS[_SHORT[w]] if short else None
    for form in (w, w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else ""):
        if form in _UNITS:
            return _UNITS[form]
    return None


def seconds_in(unit: str) -> float | None:
    """How many seconds a unit of time lasts ('minutes' -> 60), or None for another unit."""
    found = unit_of(unit) if unit else None
    return found[1] if found is not None and found[0] == "time" else None


def column_unit(column: Column) -> tuple[str, float] | None:
    """The unit a column's header says it holds: a unit in brackets, else a unit word."""
    name = column.name.casefold()
    for inside in re.findall(r"\(([^)]*)\)", name):
        unit = unit_of(inside)
        if unit is not None:
            return unit
    found: tuple[str, float] | None = None
    # 'Price per kg', 'Cost/kg': a rate's unit is what it is per, not what it holds.
    plain = re.sub(r"\([^)]*\)|(?:\bper\s+|/\s*)[a-z]+", " ", name)
    for word in _WORD.findall(plain):
        if word in _TIME_SINGULAR:
            continue
        found = unit_of(word, short=False) or found
    return found


def measured_in(unit: str, columns: Sequence[Column]) -> list[Column]:
    """The number columns whose header holds a unit of the same dimension as ``unit``."""
    said = unit_of(unit) if unit else None
    if said is None:
        return []
    return [
        c
        for c in columns
        if c.kind is ColumnKind.NUMBER
        and not c.is_id
        and (held := column_unit(c)) is not None
        and held[0] == said[0]
    ]


def unit_sides(
    unit: str, columns: Sequence[Column], sides: Sequence[ColumnMatch]
) -> list[ColumnMatch]:
    """The columns named beside a number with a unit that it may be about: 'sacks over 2 kg'
    beside Sacks, with a Sack Size (kg) in the table, is about the size, not the sacks."""
    measured = measured_in(unit, columns)
    if len(measured) != 1 or any(m.column is measured[0] for m in sides):
        return list(sides)
    return [m for m in sides if fits_unit(unit, m.column) and column_unit(m.column) is not None]


def fits_unit(unit: str, column: Column) -> bool:
    """Whether a number said in ``unit`` may be compared with the column: it holds no unit, or
    one of the same dimension (a number of days fits Hours, not Weight kg)."""
    said, held = unit_of(unit), column_unit(column)
    return said is None or held is None or said[0] == held[0]


def in_column_unit(value: float, unit: str, column: Column) -> float:
    """The number converted into the column's unit ('2 days' over Hours -> 48)."""
    said, held = unit_of(unit), column_unit(column)
    if said is None or held is None or said[0] != held[0]:
        return value
    return value * said[1] / held[1]
