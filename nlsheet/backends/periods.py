"""Calendar periods as group keys: the label of each row's month, quarter or year, and the first
and last day each label stands for (what a per-group formula tests).

A label leaves out the year when every date read falls in one year ('Q1', 'Mar'); otherwise it
carries it ('Q1 2024', 'Mar 2024').

Example:
    >>> labels, bounds = period_labels(dates, "quarter")
    >>> labels.tolist()[:2], bounds["Q1"]
    (['Q1', 'Q3'], (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)))
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

from nlsheet.plan import Period

__all__ = ["period_labels"]


def period_labels(
    dates: pd.Series, period: Period
) -> tuple[pd.Series, dict[str, tuple[dt.date, dt.date]]]:
    """Each date's period label (None for blanks), and each label's first and last day, in
    calendar order."""
    stamps = pd.to_datetime(dates, errors="coerce")
    years = stamps.dropna().dt.year
    one_year = years.nunique() <= 1
    spans: dict[tuple[int, int], str] = {}

    def label(stamp: pd.Timestamp) -> str | None:
        if pd.isna(stamp):
            return None
        year = int(stamp.year)
        if period == "year":
            n, text = 1, str(year)
        elif period == "quarter":
            n = (int(stamp.month) - 1) // 3 + 1
            text = f"Q{n}" if one_year else f"Q{n} {year}"
        else:
            n = int(stamp.month)
            text = calendar.month_abbr[n] + ("" if one_year else f" {year}")
        spans[(year, n)] = text
        return text

    labels = stamps.map(label)
    bounds: dict[str, tuple[dt.date, dt.date]] = {}
    for (year, n), text in sorted(spans.items()):
        first, last = {"year": (1, 12), "quarter": (3 * n - 2, 3 * n), "month": (n, n)}[period]
        end = calendar.monthrange(year, last)[1]
        bounds[text] = (dt.date(year, first, 1), dt.date(year, last, end))
    return labels, bounds
