"""Build the bundled sample workbooks, their README and the derived test cases.

Run ``python sample_workbooks/build.py`` from the repository root (or from
anywhere: paths are resolved relative to this file).  Everything is generated
from a single ``random.Random(2024)`` so the output is deterministic: the
README and ``tests/cases/samples.yaml`` are byte-identical between runs and the
workbooks are written with fixed zip timestamps and document properties.

Workbooks
---------
``sales.xlsx``
    One sheet ``Sales`` with a clean table at A1: Date, Region, Rep, Product,
    Units, Price, Sales and exactly 200 data rows (2..201).  Dates are real
    2024 dates (format ``yyyy-mm-dd``) sorted ascending; every rep belongs to
    one region; every product has a fixed unit price; Sales = Units * Price is
    stored as a plain number (not a formula).
``inventory.xlsx``
    A deliberately messy ``Stock`` sheet: a title block (B1 merged B1:F1, a
    snapshot line in B2, blank row 3), the header in row 4 starting at column
    B (SKU, Item, Category, Quantity, Unit Cost ($), Reorder Level), 60 data
    rows (5..64) where a few Quantity cells hold numbers stored as text and a
    couple of Unit Cost cells are blank, a ``Total`` row right after the data
    and a notes line after one blank row.  A second sheet ``Suppliers`` holds
    a clean table at A1 (Supplier, Country, Lead Time (days), Rating).
``orders.xlsx``
    Two related sheets: ``Customers`` (Customer ID, Name, City, Segment) and
    ``Orders`` (Order ID, Order Date, Customer ID, Amount, Status) whose
    Customer ID refers to ``Customers``.
``budget.xlsx``
    One sheet named ``Budget 2024`` (the space forces quoted sheet names in
    formulas) with Department, Budget, Actual, Headcount.

Expected answers for the worked commands are computed here from the Python
data that was written, never by reading the workbooks back and never typed by
hand.  Aggregates skip blank cells and count numbers stored as text as
numbers; totals rows, titles and notes are outside the data range.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import shlex
import statistics
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES_PATH = ROOT / "tests" / "cases" / "samples.yaml"
README_PATH = HERE / "README.md"

SEED = 2024
YEAR = 2024
FIXED_TIMESTAMP = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DATE_TIME = (2024, 1, 1, 0, 0, 0)

DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"
TEXT_FORMAT = "@"

Value = Any  # date | int | float | str | None, exactly as written to a cell

INTENT_FUNCS = {
    "sum": "SUM",
    "average": "AVERAGE",
    "min": "MIN",
    "max": "MAX",
    "median": "MEDIAN",
}

_NUMBER_TEXT = re.compile(r"[+-]?\d+(\.\d+)?")
_PLAIN_SHEET = re.compile(r"[A-Za-z0-9_.]+")
_A1_LIKE = re.compile(r"[A-Za-z]{1,3}\d+")
_R1C1_LIKE = re.compile(r"[Rr]\d*([Cc]\d*)?|[Cc]\d*")


# --------------------------------------------------------------------------
# Tables: what was written where, and how to aggregate it
# --------------------------------------------------------------------------


def as_number(value: Value) -> Decimal | None:
    """Return the numeric value of a cell (text-stored numbers included)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def quote_sheet(name: str) -> str:
    """Quote a sheet name for a formula only when Excel needs it."""
    needs_quotes = (
        not _PLAIN_SHEET.fullmatch(name)
        or name[0].isdigit()
        or bool(_A1_LIKE.fullmatch(name))
        or bool(_R1C1_LIKE.fullmatch(name))
    )
    if needs_quotes:
        return "'" + name.replace("'", "''") + "'"
    return name


@dataclass
class Table:
    """A rectangular table written to a sheet (header row + data rows)."""

    sheet: str
    header_row: int
    first_col: int  # 1-based column index of the first header cell
    headers: list[str]
    rows: list[list[Value]] = field(default_factory=list)

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def last_data_row(self) -> int:
        return self.header_row + len(self.rows)

    def index(self, header: str) -> int:
        return self.headers.index(header)

    def letter(self, header: str) -> str:
        return get_column_letter(self.first_col + self.index(header))

    def values(self, header: str) -> list[Value]:
        i = self.index(header)
        return [row[i] for row in self.rows]

    def numbers(self, header: str) -> list[Decimal]:
        return [n for n in map(as_number, self.values(header)) if n is not None]

    def text_number_cells(self, header: str) -> list[str]:
        """Cell addresses in ``header``'s column holding numbers stored as text."""
        col = self.letter(header)
        return [
            f"{col}{self.first_data_row + offset}"
            for offset, value in enumerate(self.values(header))
            if isinstance(value, str) and as_number(value) is not None
        ]

    def blank_cells(self, header: str) -> list[str]:
        col = self.letter(header)
        return [
            f"{col}{self.first_data_row + offset}"
            for offset, value in enumerate(self.values(header))
            if value is None
        ]

    def is_numeric(self, header: str) -> bool:
        present = [v for v in self.values(header) if v is not None]
        return bool(present) and all(as_number(v) is not None for v in present)

    def data_range(self, header: str) -> str:
        col = self.letter(header)
        return f"{quote_sheet(self.sheet)}!${col}${self.first_data_row}:${col}${self.last_data_row}"

    def header_cell(self, header: str) -> str:
        return f"{quote_sheet(self.sheet)}!{self.letter(header)}{self.header_row}"

    @property
    def last_col_letter(self) -> str:
        return get_column_letter(self.first_col + len(self.headers) - 1)


@dataclass
class Book:
    """A generated workbook: its file name, tables and a README paragraph."""

    filename: str
    tables: list[Table]
    description: str

    def table(self, sheet: str) -> Table:
        for table in self.tables:
            if table.sheet == sheet:
                return table
        raise KeyError(sheet)


# --------------------------------------------------------------------------
# Writing helpers
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# sales.xlsx
# --------------------------------------------------------------------------

SALES_REPS = {
    "Alice Johnson": "North",
    "Marcus Chen": "North",
    "Priya Patel": "South",
    "Diego Ramirez": "South",
    "Hannah Schmidt": "East",
    "Samuel Okafor": "East",
    "Emily Carter": "West",
    "Noah Kim": "West",
}
PRODUCT_PRICES = {
    "Widget": Decimal("12.50"),
    "Gadget": Decimal("24.99"),
    "Gizmo": Decimal("7.25"),
    "Doohickey": Decimal("3.99"),
    "Sprocket": Decimal("15.00"),
    "Thingamajig": Decimal("49.95"),
}
SALES_ROWS = 200


def build_sales(rng: random.Random) -> tuple[Book, Workbook]:
    table = Table(
        sheet="Sales",
        header_row=1,
        first_col=1,
        headers=["Date", "Region", "Rep", "Product", "Units", "Price", "Sales"],
    )
    reps = list(SALES_REPS)
    products = list(PRODUCT_PRICES)
    for day in random_dates(rng, SALES_ROWS):
        rep = rng.choice(reps)
        product = rng.choice(products)
        units = rng.randint(1, 50)
        price = PRODUCT_PRICES[product]
        sales = float((units * price).quantize(Decimal("0.01")))
        table.rows.append([day, SALES_REPS[rep], rep, product, units, float(price), sales])

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    write_table(
        ws,
        table,
        formats={"Units": INT_FORMAT, "Price": MONEY_FORMAT, "Sales": MONEY_FORMAT},
        widths={"Date": 12, "Rep": 18, "Product": 14},
    )
    ws.freeze_panes = "A2"

    description = (
        f"One sheet `Sales` holding a clean table whose header is in row 1 "
        f"starting at A1 (Date, Region, Rep, Product, Units, Price, Sales) with "
        f"exactly {len(table.rows)} data rows (rows "
        f"{table.first_data_row}..{table.last_data_row}).  Dates are real "
        f"{YEAR} dates formatted `yyyy-mm-dd` and sorted ascending; each of the "
        f"{len(SALES_REPS)} reps belongs to one of the regions North, South, "
        f"East and West; each of the {len(PRODUCT_PRICES)} products has a fixed "
        f"unit price.  Sales (column G) is Units × Price stored as a plain "
        f"number, not a formula."
    )
    return Book("sales.xlsx", [table], description), wb


# --------------------------------------------------------------------------
# inventory.xlsx
# --------------------------------------------------------------------------

INVENTORY_ITEMS = {
    "Fasteners": [
        "Wood Screw #8 x 1-1/4in (100)",
        "Drywall Screw 1-5/8in (200)",
        "Hex Bolt 3/8in x 2in",
        "Lag Bolt 5/16in x 3in",
        "Flat Washer 3/8in (50)",
        "Nylon Lock Nut 3/8in",
        "Common Nail 16d (1 lb)",
        "Finish Nail 6d (1 lb)",
        "Drywall Anchor Kit",
        "Toggle Bolt 1/4in",
        "Carriage Bolt 1/2in x 4in",
        "Sheet Metal Screw #10",
    ],
    "Tools": [
        "Claw Hammer 16oz",
        "Tape Measure 25ft",
        "Utility Knife",
        "Phillips Screwdriver #2",
        "Adjustable Wrench 10in",
        "Torpedo Level 9in",
        "Slip Joint Pliers",
        "Hacksaw 12in",
        "Cordless Drill 18V",
        "Stud Finder",
        "Putty Knife 2in",
        "Socket Set 40pc",
    ],
    "Electrical": [
        "Extension Cord 25ft",
        "LED Bulb A19 (4 pack)",
        "Duplex Outlet 15A",
        "Single Pole Switch",
        "Wire Nuts Assorted",
        "Electrical Tape 3/4in",
        "Romex 12/2 Wire 50ft",
        "Outlet Cover Plate",
        "GFCI Outlet 20A",
        "Junction Box 4in",
        "Voltage Tester",
        "Power Strip 6 Outlet",
    ],
    "Plumbing": [
        "PVC Pipe 1/2in x 10ft",
        "PVC Elbow 1/2in",
        "Teflon Tape",
        "Ball Valve 3/4in",
        "Copper Coupling 1/2in",
        "Faucet Washer Kit",
        "Toilet Flapper",
        "Sink Drain Trap",
        "Plumber's Putty",
        "Hose Clamp 2in",
        "Braided Supply Line 12in",
        "Pipe Wrench 14in",
    ],
    "Paint": [
        "Interior Latex Paint 1 gal",
        "Exterior Primer 1 gal",
        "Paint Roller 9in",
        "Angled Brush 2in",
        "Painter's Tape 1.5in",
        "Drop Cloth 9x12ft",
        "Paint Tray Liner",
        "Sandpaper 120 Grit (5)",
        "Wood Filler 8oz",
        "Spray Paint Black Gloss",
        "Caulk White 10oz",
        "Stir Sticks (10)",
    ],
}
TEXT_QUANTITIES = 4
BLANK_UNIT_COSTS = 2
STOCK_HEADER_ROW = 4
STOCK_FIRST_COL = 2  # column B

SUPPLIERS = [
    ("Northwind Fasteners", "USA"),
    ("Maple Leaf Tools", "Canada"),
    ("Rheinmetall Werkzeuge", "Germany"),
    ("Osaka Electric Supply", "Japan"),
    ("Monterrey Plumbing Co.", "Mexico"),
    ("Bright Coat Paints", "USA"),
    ("Shenzhen Hardware Works", "China"),
    ("Lombardi Utensili", "Italy"),
    ("Midlands Fixings Ltd", "United Kingdom"),
    ("Taipei Precision", "Taiwan"),
    ("Nordic Wire AB", "Sweden"),
    ("Pune Industrial", "India"),
]


def build_stock_table(rng: random.Random) -> Table:
    table = Table(
        sheet="Stock",
        header_row=STOCK_HEADER_ROW,
        first_col=STOCK_FIRST_COL,
        headers=[
            "SKU",
            "Item",
            "Category",
            "Quantity",
            "Unit Cost ($)",
            "Reorder Level",
        ],
    )
    items = [(cat, item) for cat, names in INVENTORY_ITEMS.items() for item in names]
    rng.shuffle(items)
    text_rows = set(rng.sample(range(len(items)), TEXT_QUANTITIES))
    blank_rows = set(rng.sample(range(len(items)), BLANK_UNIT_COSTS))
    for i, (category, item) in enumerate(items):
        quantity: int | str = rng.randint(0, 480)
        if i in text_rows:
            quantity = str(quantity)
        unit_cost: float | None = cents(rng, 49, 14999)
        if i in blank_rows:
            unit_cost = None
        reorder = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 75, 100])
        sku = f"HW-{1001 + i}"
        table.rows.append([sku, item, category, quantity, unit_cost, reorder])
    return table


def build_suppliers_table(rng: random.Random) -> Table:
    table = Table(
        sheet="Suppliers",
        header_row=1,
        first_col=1,
        headers=["Supplier", "Country", "Lead Time (days)", "Rating"],
    )
    for supplier, country in SUPPLIERS:
        lead_time = rng.randint(3, 45)
        rating = float(Decimal(rng.randint(25, 50)) / 10)
        table.rows.append([supplier, country, lead_time, rating])
    return table


@dataclass(frozen=True)
class StockExtras:
    """Cells of the Stock sheet outside the table."""

    title: str = "Acme Hardware — Inventory"
    title_merge: str = "B1:F1"
    snapshot: str = "Snapshot as of 2024-06-30"
    notes: str = "Prepared by the warehouse team"


def write_stock_sheet(ws: Worksheet, table: Table, extras: StockExtras) -> tuple[int, int]:
    """Write the messy Stock layout; return (total row, notes row)."""
    first = get_column_letter(table.first_col)
    ws[f"{first}1"] = extras.title
    ws[f"{first}1"].font = Font(bold=True, size=14)
    ws[f"{first}1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(extras.title_merge)
    ws[f"{first}2"] = extras.snapshot
    ws[f"{first}2"].font = Font(italic=True)
    write_table(
        ws,
        table,
        formats={
            "Quantity": INT_FORMAT,
            "Unit Cost ($)": MONEY_FORMAT,
            "Reorder Level": INT_FORMAT,
        },
        widths={"SKU": 10, "Item": 32, "Category": 12},
    )
    total_row = table.last_data_row + 1
    ws[f"{first}{total_row}"] = "Total"
    ws[f"{first}{total_row}"].font = Font(bold=True)
    total_cell = ws[f"{table.letter('Quantity')}{total_row}"]
    total_cell.value = int(sum(table.numbers("Quantity")))
    total_cell.font = Font(bold=True)
    total_cell.number_format = INT_FORMAT
    notes_row = total_row + 2
    ws[f"{first}{notes_row}"] = extras.notes
    ws[f"{first}{notes_row}"].font = Font(italic=True)
    ws.column_dimensions["A"].width = 3
    return total_row, notes_row


def build_inventory(rng: random.Random) -> tuple[Book, Workbook]:
    stock = build_stock_table(rng)
    suppliers = build_suppliers_table(rng)
    extras = StockExtras()

    wb = Workbook()
    ws = active_sheet(wb, stock.sheet)
    total_row, notes_row = write_stock_sheet(ws, stock, extras)
    write_table(
        wb.create_sheet(suppliers.sheet),
        suppliers,
        formats={"Lead Time (days)": INT_FORMAT, "Rating": "0.0"},
        widths={"Supplier": 26, "Country": 16, "Lead Time (days)": 17},
    )

    q = stock.letter("Quantity")
    text_cells = ", ".join(stock.text_number_cells("Quantity"))
    blank_cells = ", ".join(stock.blank_cells("Unit Cost ($)"))
    description = (
        f"A deliberately messy `Stock` sheet.  A title block comes first: "
        f'B1 "{extras.title}" (merged {extras.title_merge}) and B2 '
        f'"{extras.snapshot}", then a blank row 3.  The header is in row '
        f"{stock.header_row} starting at column B (SKU, Item, Category, Quantity, "
        f"Unit Cost ($), Reorder Level, so columns B..{stock.last_col_letter}) "
        f"with {len(stock.rows)} data rows (rows {stock.first_data_row}.."
        f"{stock.last_data_row}).  Some Quantity values are numbers stored as "
        f"text ({text_cells}) and some Unit Cost ($) cells are blank "
        f"({blank_cells}).  Right after the data, row {total_row} is a totals "
        f'row: B{total_row} is "Total" and {q}{total_row} holds the total '
        f"quantity as a plain number; it is not part of the data.  After one "
        f'blank row, B{notes_row} holds the notes line "{extras.notes}".  A '
        f"second sheet `Suppliers` holds a clean table at A1 (Supplier, Country, "
        f"Lead Time (days), Rating) with {len(suppliers.rows)} data rows (rows "
        f"{suppliers.first_data_row}..{suppliers.last_data_row})."
    )
    return Book("inventory.xlsx", [stock, suppliers], description), wb


# --------------------------------------------------------------------------
# orders.xlsx
# --------------------------------------------------------------------------

CUSTOMER_NAMES = [
    "Olivia Bennett", "Liam Foster", "Sophia Nguyen", "Ethan Brooks",
    "Ava Morales", "Mason Reed", "Isabella Shah", "Lucas Grant",
    "Mia Thompson", "Benjamin Ortiz", "Charlotte Dunn", "James Whitaker",
    "Amelia Fischer", "Henry Lawson", "Harper Quinn", "Alexander Price",
    "Evelyn Marsh", "Daniel Abbott", "Abigail Flores", "Matthew Hayes",
    "Ella Sato", "Jackson Rivera", "Scarlett Young", "Sebastian Cole",
    "Grace Holloway", "Owen Delgado", "Chloe Barker", "Julian Novak",
    "Zoe Whitfield", "Leo Castillo",
]  # fmt: skip
CITIES = ["Boston", "Chicago", "Denver", "Austin", "Seattle", "Atlanta", "Portland"]
SEGMENTS = ["Consumer", "Corporate", "Small Business"]
STATUSES = ["Paid", "Pending", "Refunded"]
STATUS_WEIGHTS = [70, 20, 10]
ORDER_ROWS = 150
FIRST_ORDER_ID = 1001


def build_orders(rng: random.Random) -> tuple[Book, Workbook]:
    customers = Table(
        sheet="Customers",
        header_row=1,
        first_col=1,
        headers=["Customer ID", "Name", "City", "Segment"],
    )
    for i, name in enumerate(CUSTOMER_NAMES, start=1):
        customers.rows.append([f"C{i:03d}", name, rng.choice(CITIES), rng.choice(SEGMENTS)])
    customer_ids = customers.values("Customer ID")

    orders = Table(
        sheet="Orders",
        header_row=1,
        first_col=1,
        headers=["Order ID", "Order Date", "Customer ID", "Amount", "Status"],
    )
    for i, day in enumerate(random_dates(rng, ORDER_ROWS)):
        status = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]
        orders.rows.append(
            [
                FIRST_ORDER_ID + i,
                day,
                rng.choice(customer_ids),
                cents(rng, 1500, 95000),
                status,
            ]
        )

    wb = Workbook()
    ws = active_sheet(wb, customers.sheet)
    write_table(ws, customers, widths={"Customer ID": 13, "Name": 20, "Segment": 16})
    write_table(
        wb.create_sheet(orders.sheet),
        orders,
        formats={"Order ID": INT_FORMAT, "Amount": MONEY_FORMAT},
        widths={"Order Date": 12, "Customer ID": 13},
    )

    description = (
        f"Two related sheets, both with the header in row 1 starting at A1.  "
        f"`Customers` (Customer ID, Name, City, Segment) has "
        f"{len(customers.rows)} data rows (rows {customers.first_data_row}.."
        f"{customers.last_data_row}) with IDs {customer_ids[0]}.."
        f"{customer_ids[-1]}.  `Orders` (Order ID, Order Date, Customer ID, "
        f"Amount, Status) has {len(orders.rows)} data rows (rows "
        f"{orders.first_data_row}..{orders.last_data_row}); order IDs run "
        f"{FIRST_ORDER_ID}..{FIRST_ORDER_ID + ORDER_ROWS - 1}, dates are sorted "
        f"{YEAR} dates, Status is one of {', '.join(STATUSES)}, and every "
        f"Customer ID refers to a row of `Customers`."
    )
    return Book("orders.xlsx", [customers, orders], description), wb


# --------------------------------------------------------------------------
# budget.xlsx
# --------------------------------------------------------------------------

DEPARTMENTS = [
    "Engineering",
    "Sales",
    "Marketing",
    "Finance",
    "Human Resources",
    "Operations",
    "Customer Support",
    "Legal",
    "IT",
    "Facilities",
]


def build_budget(rng: random.Random) -> tuple[Book, Workbook]:
    table = Table(
        sheet="Budget 2024",
        header_row=1,
        first_col=1,
        headers=["Department", "Budget", "Actual", "Headcount"],
    )
    for department in DEPARTMENTS:
        budget = rng.randrange(80_000, 2_500_000, 5_000)
        ratio = Decimal(rng.randint(8_000, 11_500)) / 10_000
        actual = float((budget * ratio).quantize(Decimal("0.01")))
        headcount = rng.randint(3, 140)
        table.rows.append([department, budget, actual, headcount])

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    write_table(
        ws,
        table,
        formats={"Budget": MONEY_FORMAT, "Actual": MONEY_FORMAT, "Headcount": INT_FORMAT},
        widths={"Department": 20, "Budget": 14, "Actual": 14},
    )

    description = (
        f"One sheet named `{table.sheet}` — the space in the name means formulas "
        f"must quote it (`{quote_sheet(table.sheet)}!...`).  The header is in row "
        f"1 starting at A1 (Department, Budget, Actual, Headcount) with "
        f"{len(table.rows)} data rows (rows {table.first_data_row}.."
        f"{table.last_data_row}); Budget and Headcount are whole numbers, Actual "
        f"has cents."
    )
    return Book("budget.xlsx", [table], description), wb


# --------------------------------------------------------------------------
# Worked commands and their computed answers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseSpec:
    """A worked command.

    ``given_sheet`` is what the user passes (``--sheet``), None when the sheet
    must be inferred; ``sheet`` is the sheet whose table answers it; ``column``
    is None for a row count.
    """

    command: str
    intent: str
    sheet: str
    column: str | None
    given_sheet: str | None


def to_plain(number: Decimal) -> int | float:
    """Int when integral, float otherwise."""
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def aggregate(intent: str, numbers: Sequence[Decimal]) -> Decimal:
    if intent == "sum":
        return sum(numbers, Decimal(0))
    if intent == "average":
        return sum(numbers, Decimal(0)) / len(numbers)
    if intent == "min":
        return min(numbers)
    if intent == "max":
        return max(numbers)
    if intent == "median":
        return Decimal(statistics.median(numbers))
    raise ValueError(intent)


def expected(table: Table, spec: CaseSpec) -> dict[str, Any]:
    """Compute the expected value, formula and columns for one case."""
    if spec.column is None:
        if spec.intent != "count":
            raise ValueError(f"row count must be a count: {spec}")
        first = table.headers[0]
        return {
            "intent": "count",
            "value": len(table.rows),
            "formula": f"=ROWS({table.data_range(first)})",
            "sheet": table.sheet,
            "columns": [],
        }

    column = spec.column
    rng_text = table.data_range(column)
    wrapped = bool(table.text_number_cells(column))
    if wrapped:
        rng_text = f'IFERROR(VALUE({rng_text}),"")'
    if spec.intent == "count":
        if table.is_numeric(column):
            value: int | float = len(table.numbers(column))
            formula = f"=COUNT({rng_text})"
        else:
            value = sum(v is not None for v in table.values(column))
            formula = f"=COUNTA({table.data_range(column)})"
    else:
        if not table.is_numeric(column):
            raise ValueError(f"{spec.intent} of a text column: {spec}")
        value = to_plain(aggregate(spec.intent, table.numbers(column)))
        formula = f"={INTENT_FUNCS[spec.intent]}({rng_text})"
    return {
        "intent": spec.intent,
        "value": value,
        "formula": formula,
        "sheet": table.sheet,
        "columns": [{"name": column, "cell": table.header_cell(column)}],
    }


def sales_specs(book: Book) -> list[CaseSpec]:
    sales = book.table("Sales")
    g, e = sales.letter("Sales"), sales.letter("Units")
    return [
        CaseSpec("average of sales", "average", "Sales", "Sales", "Sales"),
        CaseSpec("what's the total revenue", "sum", "Sales", "Sales", None),
        CaseSpec("avrage of slaes", "average", "Sales", "Sales", None),
        CaseSpec("how many rows", "count", "Sales", None, None),
        CaseSpec("max of units", "max", "Sales", "Units", "Sales"),
        CaseSpec("median price", "median", "Sales", "Price", None),
        CaseSpec("min of sales", "min", "Sales", "Sales", None),
        CaseSpec("count of units", "count", "Sales", "Units", "Sales"),
        CaseSpec("count of region", "count", "Sales", "Region", "Sales"),
        CaseSpec(f"sum column {g}", "sum", "Sales", "Sales", "Sales"),
        CaseSpec(f"max of col {e}", "max", "Sales", "Units", None),
    ]


def inventory_specs(book: Book) -> list[CaseSpec]:
    stock = book.table("Stock")
    q = stock.letter("Quantity")
    return [
        CaseSpec("total quantity", "sum", "Stock", "Quantity", None),
        CaseSpec("average quantity", "average", "Stock", "Quantity", "Stock"),
        CaseSpec("max of quantity", "max", "Stock", "Quantity", "Stock"),
        CaseSpec("sum of quantitty", "sum", "Stock", "Quantity", None),
        CaseSpec(f"sum column {q}", "sum", "Stock", "Quantity", "Stock"),
        CaseSpec("count of quantity", "count", "Stock", "Quantity", "Stock"),
        CaseSpec("lowest unit cost", "min", "Stock", "Unit Cost ($)", None),
        CaseSpec("average unit cost", "average", "Stock", "Unit Cost ($)", "Stock"),
        CaseSpec("count of unit cost", "count", "Stock", "Unit Cost ($)", "Stock"),
        CaseSpec("median reorder level", "median", "Stock", "Reorder Level", "Stock"),
        CaseSpec("how many rows", "count", "Stock", None, "Stock"),
        CaseSpec("average lead time", "average", "Suppliers", "Lead Time (days)", None),
        CaseSpec("max rating", "max", "Suppliers", "Rating", "Suppliers"),
        CaseSpec("count rows", "count", "Suppliers", None, "Suppliers"),
    ]


def orders_specs(book: Book) -> list[CaseSpec]:
    orders = book.table("Orders")
    d = orders.letter("Amount")
    return [
        CaseSpec("how many orders", "count", "Orders", None, None),
        CaseSpec("average amount", "average", "Orders", "Amount", None),
        CaseSpec("max of ammount", "max", "Orders", "Amount", None),
        CaseSpec("min amount", "min", "Orders", "Amount", None),
        CaseSpec("median of amount", "median", "Orders", "Amount", "Orders"),
        CaseSpec("total amount", "sum", "Orders", "Amount", "Orders"),
        CaseSpec("count of status", "count", "Orders", "Status", "Orders"),
        CaseSpec(f"sum column {d}", "sum", "Orders", "Amount", "Orders"),
        CaseSpec("how many rows", "count", "Customers", None, "Customers"),
    ]


def budget_specs(book: Book) -> list[CaseSpec]:
    sheet = "Budget 2024"
    budget = book.table(sheet)
    d = budget.letter("Headcount")
    return [
        CaseSpec("total budget", "sum", sheet, "Budget", None),
        CaseSpec("average actual", "average", sheet, "Actual", None),
        CaseSpec("median of actual", "median", sheet, "Actual", None),
        CaseSpec("min budget", "min", sheet, "Budget", None),
        CaseSpec("max headcount", "max", sheet, "Headcount", sheet),
        CaseSpec(f"sum column {d}", "sum", sheet, "Headcount", sheet),
        CaseSpec("count rows", "count", sheet, None, None),
    ]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def build_cases(
    books: Sequence[Book], specs_for: dict[str, Callable[[Book], list[CaseSpec]]]
) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    for book in books:
        stem = Path(book.filename).stem
        for spec in specs_for[book.filename](book):
            case_id = f"{stem}-{slug(spec.command)}"
            if case_id in seen:
                case_id = f"{stem}-{slug(spec.sheet)}-{slug(spec.command)}"
            if case_id in seen:
                raise ValueError(f"duplicate case id {case_id}")
            seen.add(case_id)
            cases.append(
                {
                    "id": case_id,
                    "book": book.filename,
                    "command": spec.command,
                    "sheet": spec.given_sheet,
                    "expect": expected(book.table(spec.sheet), spec),
                }
            )
    return cases


# --------------------------------------------------------------------------
# Outputs
# --------------------------------------------------------------------------

CASES_HEADER = "# generated by sample_workbooks/build.py — do not edit by hand\n"


def render_cases(cases: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(
        {"cases": cases},
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=1000,
    )
    return CASES_HEADER + body


def display_value(value: int | float) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}"


def shell_command(case: dict[str, Any]) -> str:
    parts = ["nlsheet", "ask", f"sample_workbooks/{case['book']}", f'"{case["command"]}"']
    if case["sheet"] is not None:
        sheet = case["sheet"]
        parts += ["--sheet", sheet if shlex.quote(sheet) == sheet else f'"{sheet}"']
    return " ".join(parts)


def render_readme(books: Sequence[Book], cases: list[dict[str, Any]]) -> str:
    lines = [
        "# Sample workbooks",
        "",
        "<!-- generated by sample_workbooks/build.py — do not edit by hand -->",
        "",
        "Small workbooks bundled with nlsheet for demos and tests.  Everything in",
        "this directory (the `.xlsx` files and this README) and the test cases in",
        "`tests/cases/samples.yaml` are generated by `sample_workbooks/build.py`",
        f"from a seeded `random.Random({SEED})`, so they are deterministic.",
        "Regenerate them with:",
        "",
        "```sh",
        "python sample_workbooks/build.py",
        "```",
        "",
    ]
    for book in books:
        lines += [f"## {book.filename}", "", book.description, ""]
    lines += [
        "## Worked commands",
        "",
        "The answers below are computed by `build.py` from the data it generated",
        "(not by reading the workbooks back, and not typed by hand).  Aggregates",
        "skip blank cells, count numbers stored as text as numbers, and cover the",
        "data rows only (headers, titles, the inventory Total row and notes are",
        "excluded).  Answers are rounded to 2 decimals for display; the exact",
        "values are in `tests/cases/samples.yaml`.",
        "",
        "| Command | Sheet used | Answer | Formula |",
        "| --- | --- | ---: | --- |",
    ]
    for case in cases:
        exp = case["expect"]
        lines.append(
            f"| `{shell_command(case)}` | {exp['sheet']} | "
            f"{display_value(exp['value'])} | `{exp['formula']}` |"
        )
    lines.append("")
    return "\n".join(lines)


SPECS_FOR: dict[str, Callable[[Book], list[CaseSpec]]] = {
    "sales.xlsx": sales_specs,
    "inventory.xlsx": inventory_specs,
    "orders.xlsx": orders_specs,
    "budget.xlsx": budget_specs,
}


def main() -> None:
    rng = random.Random(SEED)
    builders = [build_sales, build_inventory, build_orders, build_budget]
    books: list[Book] = []
    for builder in builders:
        book, wb = builder(rng)
        save_deterministic(wb, HERE / book.filename)
        books.append(book)

    cases = build_cases(books, SPECS_FOR)
    CASES_PATH.parent.mkdir(parents=True, exist_ok=True)
    CASES_PATH.write_text(render_cases(cases), encoding="utf-8")
    README_PATH.write_text(render_readme(books, cases), encoding="utf-8")
    print(f"wrote {len(books)} workbooks, {len(cases)} cases to {CASES_PATH}")


if __name__ == "__main__":
    main()
