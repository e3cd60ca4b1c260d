"""Writing a table to a sheet, saving a workbook deterministically, and the seeded data helpers."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..table import Table, as_number

SEED = 2024
YEAR = 2024
FIXED_TIMESTAMP = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE_TIME = (2024, 1, 1, 0, 0, 0)

DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"
TEXT_FORMAT = "@"


def active_sheet(wb: Workbook, title: str) -> Worksheet:
    """Return the workbook's first sheet renamed to ``title``."""
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("new workbook has no active worksheet")
    ws.title = title
    return ws


def write_table(
    ws: Worksheet,
    table: Table,
    formats: dict[str, str] | None = None,
    widths: dict[str, float] | None = None,
) -> None:
    """Write a table's header (bold) and rows; ``None`` leaves a cell blank."""
    formats = formats or {}
    widths = widths or {}
    for j, header in enumerate(table.headers):
        cell = ws.cell(row=table.header_row, column=table.first_col + j, value=header)
        cell.font = Font(bold=True)
        ws.column_dimensions[table.letter(header)].width = widths.get(
            header, max(10.0, len(header) + 2.0)
        )
    for i, row in enumerate(table.rows):
        for j, value in enumerate(row):
            if value is None:
                continue
            cell = ws.cell(row=table.first_data_row + i, column=table.first_col + j, value=value)
            header = table.headers[j]
            if isinstance(value, str) and as_number(value) is not None:
                cell.number_format = TEXT_FORMAT
            elif header in formats:
                cell.number_format = formats[header]
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT


def save_deterministic(wb: Workbook, path: Path) -> None:
    """Save ``wb`` with fixed document timestamps and zip entry dates."""
    wb.properties.creator = "nlsheet sample_workbooks/build.py"
    wb.properties.created = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*",
                    lambda m: m.group(1) + stamp,
                    data,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())


def random_dates(rng: random.Random, count: int) -> list[dt.date]:
    """``count`` random dates in YEAR, sorted ascending."""
    start = dt.date(YEAR, 1, 1)
    days = (dt.date(YEAR + 1, 1, 1) - start).days
    return sorted(start + dt.timedelta(days=rng.randrange(days)) for _ in range(count))


def cents(rng: random.Random, low: int, high: int) -> float:
    """A random amount with two decimals between ``low`` and ``high`` cents."""
    return float(Decimal(rng.randint(low, high)) / 100)


def book_rng(filename: str) -> random.Random:
    """A seeded RNG of its own for a workbook added after the first four.

    The first four workbooks share one ``random.Random(SEED)`` in a fixed order;
    later workbooks get their own stream so adding one never changes another.
    A str seed is hashed with SHA-512 by ``random``, independent of
    PYTHONHASHSEED.
    """
    return random.Random(f"{SEED}:{filename}")


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random date between ``first`` and ``last`` inclusive."""
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))
