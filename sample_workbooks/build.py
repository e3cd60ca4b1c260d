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
``employees.xlsx``
    A messy ``Staff`` sheet: title in C1 (merged C1:J1), a notes line in C2,
    blank row 3, the header in row 4 starting at column C (Employee ID, Name,
    Department, Title, City, Hire Date, Salary ($), Age, Rating, Email), 80
    data rows with some blank Email cells and no totals row.
``projects.xlsx``
    ``Projects`` (Project, Owner, Start, End, Budget, Actual, Status,
    Priority) and ``Owners`` (Owner, Team, Location), both at A1.
``scores.xlsx``
    One WikiSQL-style sheet ``Games`` (Week, Date, Opponent, Result, Points
    For, Points Against, Attendance, Venue) with unique opponents.

The first four workbooks share one ``random.Random(SEED)`` and are unchanged
by the later ones, which each get their own seeded generator (``book_rng``).

Expected answers for the worked commands (``tests/cases/samples.yaml``, first
four workbooks) and for the questions (``tests/cases/questions.yaml``, all
seven) are computed here from the Python data that was written, never by
reading the workbooks back and never typed by hand.  Aggregates skip blank
cells and count numbers stored as text as numbers; totals rows, titles and
notes are outside the data range.  Questions whose answer would hinge on a
tie, a blank or a text-stored number are refused while building (see
``QuestionEval``), so every expected value is unambiguous.
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
QUESTIONS_PATH = ROOT / "tests" / "cases" / "questions.yaml"
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
# employees.xlsx, projects.xlsx, scores.xlsx (each from its own seeded RNG)
# --------------------------------------------------------------------------


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


STAFF_FIRST_NAMES = [
    "James", "Maria", "Robert", "Linda", "Michael", "Aisha", "David", "Mei",
    "Carlos", "Fatima", "Daniel", "Sarah", "Kevin", "Priya", "Thomas", "Elena",
    "Brian", "Yuki", "Jason", "Nadia", "Andrew", "Rachel", "Omar", "Laura",
    "Victor", "Chen", "Steven", "Grace", "Ahmed", "Julia", "Patrick", "Ingrid",
    "Marco", "Hannah", "Tariq", "Lucy", "Felix", "Rosa", "Ivan", "Naomi",
]  # fmt: skip
STAFF_LAST_NAMES = [
    "Anderson", "Baker", "Castillo", "Dubois", "Edwards", "Fernandez", "Gupta",
    "Hoffman", "Ibrahim", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura",
    "O'Brien", "Petrov", "Quinn", "Rossi", "Sullivan", "Tanaka", "Underwood",
    "Vargas", "Walsh", "Xu", "Yilmaz", "Zimmerman", "Abbott", "Brennan", "Carver",
    "Dalton", "Ellison", "Fleming", "Garrison", "Hale", "Irving", "Jacobs",
    "Keller", "Lindqvist", "Mercer", "Novak",
]  # fmt: skip
# department -> (weight, base salary, [(title, salary multiplier), ...])
STAFF_DEPARTMENTS: dict[str, tuple[int, int, list[tuple[str, float]]]] = {
    "Sales": (
        20,
        62_000,
        [("Sales Associate", 0.85), ("Account Executive", 1.0), ("Sales Manager", 1.35)],
    ),
    "Engineering": (
        26,
        98_000,
        [
            ("Software Engineer", 1.0),
            ("Senior Software Engineer", 1.25),
            ("Engineering Manager", 1.45),
        ],
    ),
    "Marketing": (
        14,
        66_000,
        [
            ("Marketing Specialist", 0.9),
            ("Content Strategist", 1.0),
            ("Marketing Manager", 1.3),
        ],
    ),
    "Finance": (
        12,
        74_000,
        [("Financial Analyst", 0.95), ("Senior Accountant", 1.1), ("Finance Manager", 1.35)],
    ),
    "HR": (
        8,
        58_000,
        [("Recruiter", 0.9), ("HR Generalist", 1.0), ("HR Manager", 1.3)],
    ),
}
STAFF_CITIES = ["New York", "San Francisco", "Chicago", "Austin", "Seattle", "Boston"]
STAFF_CITY_WEIGHTS = [24, 18, 14, 10, 9, 7]
STAFF_ROWS = 80
STAFF_BLANK_EMAILS = 9
STAFF_HEADER_ROW = 4
STAFF_FIRST_COL = 3  # column C
STAFF_HIRED_FROM = dt.date(2015, 1, 1)
STAFF_HIRED_TO = dt.date(2024, 12, 31)


@dataclass(frozen=True)
class StaffExtras:
    """Cells of the Staff sheet outside the table."""

    title: str = "Employee register"
    title_merge: str = "C1:J1"
    notes: str = "HR export 2024-12-31 — salaries in USD, ratings from the last review cycle"


def build_staff_table(rng: random.Random) -> Table:
    table = Table(
        sheet="Staff",
        header_row=STAFF_HEADER_ROW,
        first_col=STAFF_FIRST_COL,
        headers=[
            "Employee ID",
            "Name",
            "Department",
            "Title",
            "City",
            "Hire Date",
            "Salary ($)",
            "Age",
            "Rating",
            "Email",
        ],
    )
    names: list[tuple[str, str]] = []
    while len(names) < STAFF_ROWS:
        pair = (rng.choice(STAFF_FIRST_NAMES), rng.choice(STAFF_LAST_NAMES))
        if pair not in names:
            names.append(pair)
    departments = list(STAFF_DEPARTMENTS)
    weights = [STAFF_DEPARTMENTS[d][0] for d in departments]
    blank_emails = set(rng.sample(range(STAFF_ROWS), STAFF_BLANK_EMAILS))
    salaries: set[int] = set()
    for i, (first, last) in enumerate(names):
        department = rng.choices(departments, weights=weights)[0]
        _, base, titles = STAFF_DEPARTMENTS[department]
        title, multiplier = rng.choice(titles)
        city = rng.choices(STAFF_CITIES, weights=STAFF_CITY_WEIGHTS)[0]
        hired = random_date(rng, STAFF_HIRED_FROM, STAFF_HIRED_TO)
        age = rng.randint(22, 63)
        while True:
            raw = base * multiplier + (age - 22) * 850 + rng.randint(-9_000, 9_000)
            salary = round(raw / 100.0) * 100
            if salary not in salaries:
                salaries.add(salary)
                break
        rating = rng.choices([1, 2, 3, 4, 5], weights=[4, 12, 34, 33, 17])[0]
        email: str | None = f"{first}.{last}@acme.example".lower().replace("'", "")
        if i in blank_emails:
            email = None
        table.rows.append(
            [f"E{i + 1:03d}", f"{first} {last}", department, title, city, hired, salary, age,
             rating, email]
        )  # fmt: skip
    return table


def build_employees(rng: random.Random) -> tuple[Book, Workbook]:
    staff = build_staff_table(rng)
    extras = StaffExtras()

    wb = Workbook()
    ws = active_sheet(wb, staff.sheet)
    first = get_column_letter(staff.first_col)
    ws[f"{first}1"] = extras.title
    ws[f"{first}1"].font = Font(bold=True, size=14)
    ws[f"{first}1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(extras.title_merge)
    ws[f"{first}2"] = extras.notes
    ws[f"{first}2"].font = Font(italic=True)
    write_table(
        ws,
        staff,
        formats={"Salary ($)": "#,##0", "Age": INT_FORMAT, "Rating": INT_FORMAT},
        widths={
            "Employee ID": 12,
            "Name": 20,
            "Department": 13,
            "Title": 26,
            "City": 15,
            "Hire Date": 12,
            "Email": 32,
        },
    )
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 3

    blanks = ", ".join(staff.blank_cells("Email"))
    description = (
        f"A deliberately messy `{staff.sheet}` sheet.  C1 holds the title "
        f'"{extras.title}" (merged {extras.title_merge}), C2 a notes line '
        f'("{extras.notes}"), row 3 is blank and columns A:B are empty.  The '
        f"header is in row {staff.header_row} starting at column C "
        f"({', '.join(staff.headers)}, so columns C..{staff.last_col_letter}) "
        f"with {len(staff.rows)} data rows (rows {staff.first_data_row}.."
        f"{staff.last_data_row}) and no totals row.  Employee IDs run "
        f"{staff.rows[0][0]}..{staff.rows[-1][0]}; names are unique; Department is "
        f"one of {', '.join(STAFF_DEPARTMENTS)}; City is one of "
        f"{', '.join(STAFF_CITIES)}; Hire Date holds real dates between "
        f"{STAFF_HIRED_FROM.year} and {STAFF_HIRED_TO.year} in no particular "
        f"order; Salary ($) values are distinct whole numbers; Age and Rating "
        f"(1-5) are whole numbers.  Some Email cells are blank ({blanks})."
    )
    return Book("employees.xlsx", [staff], description), wb


PROJECT_NAMES = [
    "CRM Migration", "Website Redesign", "Mobile App Refresh", "Data Warehouse",
    "Payroll System Upgrade", "Customer Portal", "Inventory Tracking",
    "Cloud Migration", "Security Audit", "Marketing Automation",
    "HR Onboarding Portal", "Billing Platform", "Analytics Dashboard",
    "Supplier Portal", "Email Migration", "Network Refresh", "Help Desk Revamp",
    "Expense Reporting", "Warehouse Robotics", "Chatbot Pilot", "Loyalty Program",
    "Pricing Engine", "Document Management", "ERP Rollout", "Data Lake",
    "API Gateway", "Identity Management", "Field Service App", "Quality Dashboard",
    "Compliance Tracker", "Sales Forecasting", "Contract Management",
    "Intranet Redesign", "Backup Overhaul", "Fleet Tracking", "Recruiting Pipeline",
    "Localization", "Search Upgrade", "Partner Integration", "Data Governance",
]  # fmt: skip
PROJECT_OWNERS = [
    ("Dana Lee", "Platform", "London"),
    ("Raj Malhotra", "Data", "Toronto"),
    ("Sofia Rossi", "Growth", "Berlin"),
    ("Tom Becker", "Infrastructure", "Austin"),
    ("Aisha Bello", "Security", "London"),
    ("Kenji Ito", "Mobile", "Singapore"),
    ("Laura Smith", "Finance Systems", "New York"),
    ("Miguel Torres", "Customer Experience", "Austin"),
]
PROJECT_STATUSES = ["On track", "At risk", "Done"]
PROJECT_PRIORITIES = ["High", "Medium", "Low"]
PROJECTS_FROM = dt.date(2023, 1, 1)
PROJECTS_TO = dt.date(2024, 12, 31)


def build_projects_table(rng: random.Random) -> Table:
    table = Table(
        sheet="Projects",
        header_row=1,
        first_col=1,
        headers=["Project", "Owner", "Start", "End", "Budget", "Actual", "Status", "Priority"],
    )
    owners = [owner for owner, _, _ in PROJECT_OWNERS]
    starts = sorted(random_date(rng, PROJECTS_FROM, PROJECTS_TO) for _ in PROJECT_NAMES)
    budgets: set[int] = set()
    for name, start in zip(PROJECT_NAMES, starts, strict=True):
        owner = rng.choice(owners)
        end = start + dt.timedelta(days=rng.randint(30, 420))
        while True:
            budget = rng.randrange(20_000, 600_000, 1_000)
            if budget not in budgets:
                budgets.add(budget)
                break
        ratio = Decimal(rng.randint(6_000, 13_500)) / 10_000
        actual = float((budget * ratio).quantize(Decimal("0.01")))
        if end <= dt.date(2024, 9, 30):
            status = rng.choices(PROJECT_STATUSES, weights=[1, 1, 8])[0]
        elif actual > budget:
            status = rng.choices(PROJECT_STATUSES, weights=[2, 6, 0])[0]
        else:
            status = rng.choices(PROJECT_STATUSES, weights=[7, 2, 0])[0]
        priority = rng.choices(PROJECT_PRIORITIES, weights=[3, 5, 2])[0]
        table.rows.append([name, owner, start, end, budget, actual, status, priority])
    return table


def build_projects(rng: random.Random) -> tuple[Book, Workbook]:
    projects = build_projects_table(rng)
    owners = Table(sheet="Owners", header_row=1, first_col=1, headers=["Owner", "Team", "Location"])
    owners.rows.extend([list(row) for row in PROJECT_OWNERS])

    wb = Workbook()
    ws = active_sheet(wb, projects.sheet)
    write_table(
        ws,
        projects,
        formats={"Budget": "#,##0", "Actual": MONEY_FORMAT},
        widths={"Project": 24, "Owner": 16, "Start": 12, "End": 12, "Actual": 13},
    )
    ws.freeze_panes = "A2"
    write_table(
        wb.create_sheet(owners.sheet),
        owners,
        widths={"Owner": 16, "Team": 22, "Location": 12},
    )

    over = sum(1 for row in projects.rows if row[5] > row[4])
    description = (
        f"Two sheets, both with the header in row 1 starting at A1.  "
        f"`{projects.sheet}` ({', '.join(projects.headers)}) has "
        f"{len(projects.rows)} data rows (rows {projects.first_data_row}.."
        f"{projects.last_data_row}) sorted by Start; project names are unique; "
        f"Start and End are real dates ({PROJECTS_FROM.year}-{PROJECTS_TO.year + 1}); "
        f"Budget values are distinct whole numbers and Actual has cents "
        f"({over} projects have Actual > Budget); Status is one of "
        f"{', '.join(PROJECT_STATUSES)} and Priority one of "
        f"{', '.join(PROJECT_PRIORITIES)}.  `{owners.sheet}` ({', '.join(owners.headers)}) "
        f"has {len(owners.rows)} rows, one per Owner used in `{projects.sheet}`."
    )
    return Book("projects.xlsx", [projects, owners], description), wb


GAME_OPPONENTS = {
    "Chicago Bears": "Soldier Field",
    "Minnesota Vikings": "Hubert H. Humphrey Metrodome",
    "Detroit Lions": "Ford Field",
    "Dallas Cowboys": "Texas Stadium",
    "Tampa Bay Buccaneers": "Raymond James Stadium",
    "Atlanta Falcons": "Georgia Dome",
    "Seattle Seahawks": "Qwest Field",
    "Indianapolis Colts": "Lucas Oil Stadium",
    "Tennessee Titans": "LP Field",
    "New Orleans Saints": "Louisiana Superdome",
    "Carolina Panthers": "Bank of America Stadium",
    "Houston Texans": "Reliant Stadium",
    "Jacksonville Jaguars": "Jacksonville Municipal Stadium",
    "New York Giants": "Giants Stadium",
    "St. Louis Rams": "Edward Jones Dome",
    "Philadelphia Eagles": "Lincoln Financial Field",
    "San Francisco 49ers": "Candlestick Park",
}
HOME_VENUE = "Lambeau Field"
HOME_GAMES = 8
SEASON_SUNDAY = dt.date(2008, 9, 7)
GAME_DAY_SHIFTS = {1: 1, 13: -3}  # a Monday night opener and a Thanksgiving Thursday
GAME_POINTS = [
    3, 6, 7, 10, 13, 14, 16, 17, 19, 20, 21, 23, 24, 26, 27, 28, 30, 31, 34, 35, 37, 38, 42,
]  # fmt: skip


def build_scores(rng: random.Random) -> tuple[Book, Workbook]:
    games = Table(
        sheet="Games",
        header_row=1,
        first_col=1,
        headers=[
            "Week",
            "Date",
            "Opponent",
            "Result",
            "Points For",
            "Points Against",
            "Attendance",
            "Venue",
        ],
    )
    opponents = list(GAME_OPPONENTS)
    rng.shuffle(opponents)
    home_weeks = set(rng.sample(range(1, len(opponents) + 1), HOME_GAMES))
    attendances: set[int] = set()
    for week, opponent in enumerate(opponents, start=1):
        day = SEASON_SUNDAY + dt.timedelta(days=7 * (week - 1) + GAME_DAY_SHIFTS.get(week, 0))
        home = week in home_weeks
        while True:
            points_for, points_against = rng.choice(GAME_POINTS), rng.choice(GAME_POINTS)
            if points_for != points_against:
                break
        outcome = "W" if points_for > points_against else "L"
        while True:
            attendance = rng.randint(69_500, 72_928) if home else rng.randint(55_000, 81_000)
            if attendance not in attendances:
                attendances.add(attendance)
                break
        venue = HOME_VENUE if home else GAME_OPPONENTS[opponent]
        games.rows.append(
            [week, day, opponent, f"{outcome} {points_for}-{points_against}", points_for,
             points_against, attendance, venue]
        )  # fmt: skip

    wb = Workbook()
    ws = active_sheet(wb, games.sheet)
    write_table(
        ws,
        games,
        formats={"Week": INT_FORMAT, "Attendance": "#,##0"},
        widths={"Date": 12, "Opponent": 22, "Points For": 11, "Points Against": 15,
                "Venue": 30},
    )  # fmt: skip

    description = (
        f"One sheet `{games.sheet}` shaped like a WikiSQL table: the header is in row "
        f"1 starting at A1 ({', '.join(games.headers)}) with {len(games.rows)} data "
        f"rows (rows {games.first_data_row}..{games.last_data_row}), one per week of "
        f"a {SEASON_SUNDAY.year} season.  Date holds real dates; every Opponent is "
        f"unique (several have multi-word names such as New York Giants); Result is "
        f'text like "W 24-17" (team score first) that agrees with Points For and '
        f"Points Against; Attendance values are distinct whole numbers; Venue is "
        f"{HOME_VENUE} for the {HOME_GAMES} home games and the opponent's stadium "
        f"otherwise."
    )
    return Book("scores.xlsx", [games], description), wb


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
# Questions: richer commands over seven workbooks (tests/cases/questions.yaml)
# --------------------------------------------------------------------------
#
# Each question pairs a command with a structured query that is evaluated
# here, on the Python rows that were written, to get the expected answer.
# Semantics (what nlsheet implements):
#   * text compares case-insensitively, numbers numerically (numbers stored
#     as text count as numbers), blanks are skipped by aggregates and match
#     no condition except "blank";
#   * a date in a top/bottom row or an answer is an ISO 'YYYY-MM-DD' string;
#   * the guards in ``answer`` refuse questions whose answer would hinge on
#     a tie or another ambiguity, so every expected value here is unique.

EXCEL_EPOCH = dt.date(1899, 12, 30)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
AGGREGATES = ("sum", "average", "count", "min", "max", "median")
STATS = ("stdev", "variance", "percentile", "mode", "correlation", "trend", "growth")
TEXT_OPS = ("unique_values", "most_frequent", "longest")
DATE_CONDS = ("month", "year", "quarter", "before", "after", "date_between")
COLUMN_CONDS = {"col_gt": "gt", "col_lt": "lt", "col_gte": "gte", "col_lte": "lte"}


@dataclass(frozen=True)
class Cond:
    """One condition on a column.

    ``op`` is one of eq, neq, gt, gte, lt, lte, between (value..value2),
    contains, starts_with, in_list (value is a tuple), blank, not_blank,
    month (1-12), year, quarter (1-4), before, after, date_between
    (value..value2), or col_gt / col_lt / col_gte / col_lte (value is the
    other column's header).
    """

    column: str
    op: str
    value: Any = None
    value2: Any = None


@dataclass(frozen=True)
class Question:
    """A command and the query that answers it.

    ``sheet`` is the sheet whose table answers it, ``given`` what the user
    passes (None when the sheet must be inferred).  ``op`` is an aggregate,
    a statistic, a text op or one of top_n, bottom_n, arg_max, arg_min,
    lookup, count_distinct, share, ratio.  ``measure`` is the numeric column
    (Y for correlation/trend), ``other`` the second column (ratio
    denominator, X for correlation/trend, date column for growth, right
    operand of ``arith``), ``target`` the column whose value is answered
    (lookup, arg_max/min, count_distinct, text ops) and ``key`` the text a
    lookup searches for.  ``group`` turns an aggregate into ``{group: value}``.
    """

    command: str
    op: str
    sheet: str
    given: str | None
    measure: str | None = None
    where: tuple[Cond, ...] = ()
    joiner: str = "and"
    group: str | None = None
    n: int = 0
    target: str | None = None
    key: str | None = None
    other: str | None = None
    arith: str | None = None
    p: str | None = None  # percentile as decimal text, e.g. "0.9"
    tags: tuple[str, ...] = ()
    readme: bool = False


class AmbiguousQuestionError(ValueError):
    """A question whose expected answer would depend on a tie or a blank."""


Row = dict[str, Value]


def is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plain(value: Value) -> Value:
    """A cell value or answer as it appears in questions.yaml."""
    if isinstance(value, Decimal):
        return to_plain(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def same_value(cell: Value, wanted: Value) -> bool:
    if isinstance(wanted, str):
        return isinstance(cell, str) and cell.strip().casefold() == wanted.casefold()
    number = as_number(cell)
    return number is not None and number == Decimal(str(wanted))


def compare(left: Decimal, op: str, right: Decimal) -> bool:
    if op == "gt":
        return left > right
    if op == "gte":
        return left >= right
    if op == "lt":
        return left < right
    if op == "lte":
        return left <= right
    raise ValueError(op)


def date_matches(cell: dt.date, cond: Cond) -> bool:
    if cond.op == "month":
        return bool(cell.month == cond.value)
    if cond.op == "year":
        return bool(cell.year == cond.value)
    if cond.op == "quarter":
        return bool((cell.month - 1) // 3 + 1 == cond.value)
    if cond.op == "before":
        return bool(cell < cond.value)
    if cond.op == "after":
        return bool(cell > cond.value)
    if cond.op == "date_between":
        return bool(cond.value <= cell <= cond.value2)
    raise ValueError(cond.op)


def matches(cond: Cond, row: Row) -> bool:
    """True when ``row`` satisfies ``cond``."""
    cell = row[cond.column]
    if cond.op == "blank":
        return is_blank(cell)
    if cond.op == "not_blank":
        return not is_blank(cell)
    if is_blank(cell):
        return False
    if cond.op in ("eq", "neq", "in_list"):
        wanted = cond.value if cond.op == "in_list" else (cond.value,)
        hit = any(same_value(cell, w) for w in wanted)
        return not hit if cond.op == "neq" else hit
    if cond.op in ("contains", "starts_with"):
        if not isinstance(cell, str):
            return False
        text, part = cell.casefold(), str(cond.value).casefold()
        return part in text if cond.op == "contains" else text.startswith(part)
    if cond.op in DATE_CONDS:
        return isinstance(cell, dt.date) and date_matches(cell, cond)
    number = as_number(cell)
    if cond.op in COLUMN_CONDS:
        other = as_number(row[cond.value])
        return (
            number is not None
            and other is not None
            and compare(number, COLUMN_CONDS[cond.op], other)
        )
    if number is None:
        return False
    if cond.op == "between":
        return Decimal(str(cond.value)) <= number <= Decimal(str(cond.value2))
    return compare(number, cond.op, Decimal(str(cond.value)))


def excel_serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def percentile_inc(numbers: Sequence[Decimal], p: Decimal) -> Decimal:
    """Excel PERCENTILE.INC: linear interpolation between closest ranks."""
    ordered = sorted(numbers)
    h = (len(ordered) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (h - lo) * (ordered[hi] - ordered[lo])


def group_key(value: Value) -> str:
    if isinstance(value, str):
        return value
    number = as_number(value)
    if number is not None:
        return str(to_plain(number))
    raise AmbiguousQuestionError(f"group key {value!r} has no text form")


class QuestionEval:
    """Evaluate one question against one table."""

    def __init__(self, table: Table, question: Question) -> None:
        self.table = table
        self.q = question
        self.all_rows: list[Row] = [dict(zip(table.headers, r, strict=True)) for r in table.rows]
        joined = all if question.joiner == "and" else any
        self.rows = [
            row for row in self.all_rows if joined(matches(c, row) for c in question.where)
        ]

    def fail(self, why: str) -> AmbiguousQuestionError:
        return AmbiguousQuestionError(f"{self.q.command!r}: {why}")

    def measure_of(self, row: Row) -> Decimal | None:
        q = self.q
        assert q.measure is not None
        left = as_number(row[q.measure])
        if q.arith is None:
            return left
        assert q.other is not None
        right = as_number(row[q.other])
        if left is None or right is None:
            if q.arith != "*":
                raise self.fail("a blank operand changes the answer of - or /")
            return None
        if q.arith == "*":
            return left * right
        if q.arith == "-":
            return left - right
        if q.arith == "/":
            return left / right
        raise ValueError(q.arith)

    def numbers(self, rows: Sequence[Row]) -> list[Decimal]:
        return [n for n in map(self.measure_of, rows) if n is not None]

    def is_date_measure(self) -> bool:
        q = self.q
        cells = [r[q.measure] for r in self.all_rows if q.measure and r[q.measure] is not None]
        return bool(cells) and all(isinstance(c, dt.date) for c in cells)

    def aggregate(self, op: str, rows: Sequence[Row]) -> Value:
        if op == "count":
            return len(rows)
        if op in ("min", "max") and self.is_date_measure():
            assert self.q.measure is not None
            days = [r[self.q.measure] for r in rows if r[self.q.measure] is not None]
            return (min if op == "min" else max)(days)
        numbers = self.numbers(rows)
        if not numbers:
            raise self.fail("no numbers to aggregate")
        if op in AGGREGATES:
            return aggregate(op, numbers)
        floats = [float(n) for n in numbers]
        if op == "stdev":
            return statistics.stdev(floats)
        if op == "variance":
            return statistics.variance(floats)
        if op == "percentile":
            assert self.q.p is not None
            return percentile_inc(numbers, Decimal(self.q.p))
        if op == "mode":
            counts: dict[Decimal, int] = {}
            for n in numbers:
                counts[n] = counts.get(n, 0) + 1
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                raise self.fail("several modes")
            return max(counts, key=lambda n: counts[n])
        raise ValueError(op)

    def pairs(self) -> tuple[list[float], list[float]]:
        """(x, y) pairs of ``other`` and ``measure``; dates become Excel serials."""
        q = self.q
        assert q.measure is not None and q.other is not None
        xs: list[float] = []
        ys: list[float] = []
        for row in self.rows:
            xcell, y = row[q.other], as_number(row[q.measure])
            x = Decimal(excel_serial(xcell)) if isinstance(xcell, dt.date) else as_number(xcell)
            if x is not None and y is not None:
                xs.append(float(x))
                ys.append(float(y))
        if len(xs) < 3:
            raise self.fail("too few pairs")
        return xs, ys

    def top_rows(self) -> list[dict[str, Value]]:
        q = self.q
        scored = [
            (n, i, r) for i, r in enumerate(self.rows) if (n := self.measure_of(r)) is not None
        ]
        descending = q.op == "top_n"
        scored.sort(key=lambda t: (-t[0] if descending else t[0], t[1]))
        if len(scored) <= q.n or scored[q.n - 1][0] == scored[q.n][0]:
            raise self.fail(f"a tie straddles the top {q.n} cutoff")
        out = []
        for _, _, row in scored[: q.n]:
            for header, cell in row.items():
                if cell is None or (isinstance(cell, str) and as_number(cell) is not None):
                    raise self.fail(f"row holds a blank or text number in {header}")
            out.append({h: plain(v) for h, v in row.items()})
        return out

    def arg(self) -> Value:
        q = self.q
        assert q.target is not None
        targets = [r[q.target] for r in self.rows if not is_blank(r[q.target])]
        whole = [r[q.target] for r in self.all_rows if not is_blank(r[q.target])]
        repeats = len(set(targets)) != len(targets)
        if repeats != (len(set(whole)) != len(whole)):
            raise self.fail("target repeats in the table but not in the matching rows")
        scores: dict[Value, Decimal] = {}
        for row in self.rows:
            number = self.measure_of(row)
            if number is None or is_blank(row[q.target]):
                continue
            key = row[q.target]
            scores[key] = scores.get(key, Decimal(0)) + number if repeats else number
        ranked = sorted(scores.values(), reverse=q.op == "arg_max")
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            raise self.fail("tie for the winner")
        return next(k for k, v in scores.items() if v == ranked[0])

    def lookup(self) -> tuple[Value, str]:
        q = self.q
        assert q.target is not None and q.key is not None
        hits = []
        for row in self.all_rows:
            cols = [h for h, v in row.items() if isinstance(v, str) and same_value(v, q.key)]
            if cols:
                hits.append((row, cols[0]))
        if not hits:
            raise self.fail(f"no row holds {q.key!r}")
        values = {repr(row[q.target]) for row, _ in hits}
        key_columns = {col for _, col in hits}
        if len(values) != 1 or len(key_columns) != 1:
            raise self.fail("matching rows disagree")
        row, column = hits[0]
        value = row[q.target]
        if is_blank(value) or (isinstance(value, str) and as_number(value) is not None):
            raise self.fail("lookup target is blank or a text number")
        return value, column

    def text_op(self) -> Value:
        q = self.q
        assert q.target is not None
        values = [r[q.target] for r in self.rows if not is_blank(r[q.target])]
        if q.op == "unique_values":
            return list(dict.fromkeys(values))
        if q.op == "most_frequent":
            counts = {v: values.count(v) for v in dict.fromkeys(values)}
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                raise self.fail("tie for most frequent")
            return max(counts, key=lambda v: counts[v])
        if q.op == "longest":
            texts = [str(v) for v in values]
            lengths = sorted({t: len(t) for t in texts}.values(), reverse=True)
            if len(lengths) > 1 and lengths[0] == lengths[1]:
                raise self.fail("tie for longest")
            return max(texts, key=len)
        raise ValueError(q.op)

    def growth(self) -> Decimal:
        q = self.q
        assert q.other is not None
        by_year: dict[int, Decimal] = {}
        for row in self.rows:
            day, number = row[q.other], self.measure_of(row)
            if isinstance(day, dt.date) and number is not None:
                by_year[day.year] = by_year.get(day.year, Decimal(0)) + number
        latest = max(by_year)
        previous = by_year.get(latest - 1)
        if not previous:
            raise self.fail("no previous year to compare with")
        return (by_year[latest] - previous) / previous

    def value(self) -> tuple[Value, str | None]:
        """The answer, and the column a lookup key was found in."""
        q = self.q
        if not self.rows:
            raise self.fail("no row matches")
        for cond in q.where:
            if cond.op == "neq" and any(is_blank(r[cond.column]) for r in self.all_rows):
                raise self.fail("'is not' on a column with blanks")
        if q.group is not None:
            groups: dict[str, list[Row]] = {}
            for row in self.rows:
                if not is_blank(row[q.group]):
                    groups.setdefault(group_key(row[q.group]), []).append(row)
            return {k: plain(self.aggregate(q.op, rows)) for k, rows in groups.items()}, None
        if q.op in AGGREGATES or q.op in ("stdev", "variance", "percentile", "mode"):
            return self.aggregate(q.op, self.rows), None
        if q.op in ("top_n", "bottom_n"):
            return self.top_rows(), None
        if q.op in ("arg_max", "arg_min"):
            return self.arg(), None
        if q.op == "lookup":
            return self.lookup()
        if q.op == "count_distinct":
            assert q.target is not None
            return len({r[q.target] for r in self.rows if not is_blank(r[q.target])}), None
        if q.op == "share":
            if q.measure is None:
                return Decimal(len(self.rows)) / Decimal(len(self.all_rows)), None
            return sum(self.numbers(self.rows)) / sum(self.numbers(self.all_rows)), None
        if q.op == "ratio":
            assert q.measure is not None and q.other is not None
            top = sum(n for r in self.rows if (n := as_number(r[q.measure])) is not None)
            bottom = sum(n for r in self.rows if (n := as_number(r[q.other])) is not None)
            return Decimal(top) / Decimal(bottom), None
        if q.op == "correlation":
            return statistics.correlation(*self.pairs()), None
        if q.op == "trend":
            return statistics.linear_regression(*self.pairs()).slope, None
        if q.op == "growth":
            return self.growth(), None
        if q.op in TEXT_OPS:
            return self.text_op(), None
        raise ValueError(q.op)


def question_columns(q: Question, key_column: str | None) -> list[str]:
    """Header names the answer must use, in a stable order."""
    names: list[str | None] = [q.target, q.measure, q.other, key_column, q.group]
    for cond in q.where:
        names.append(cond.column)
        if cond.op in COLUMN_CONDS:
            names.append(cond.value)
    return list(dict.fromkeys(n for n in names if n is not None))


def question_tags(q: Question, book: Book) -> list[str]:
    tags: list[str] = []
    if q.group is not None:
        tags += ["group", q.op]
    elif q.op in STATS:
        tags += ["stats", q.op]
    elif q.op in TEXT_OPS:
        tags += ["text", q.op]
    else:
        tags.append(q.op)
    if q.arith is not None:
        tags.append("arithmetic")
    if q.where:
        tags.append("condition")
    for cond in q.where:
        if cond.op in COLUMN_CONDS:
            tags.append("column_compare")
        elif cond.op in DATE_CONDS:
            tags += ["date", "between" if cond.op == "date_between" else cond.op]
        else:
            tags.append(cond.op)
    if len(q.where) > 1:
        tags.append(q.joiner)
    if q.given is None and len(book.tables) > 1:
        tags.append("infer_sheet")
    if q.sheet in MESSY_SHEETS:
        tags.append("messy")
    tags += q.tags
    return list(dict.fromkeys(tags))


MESSY_SHEETS = {"Stock", "Staff"}


def build_questions(
    books: Sequence[Book], specs_for: dict[str, Callable[[Book], list[Question]]]
) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], str]]]:
    """All question cases, and the (case, answering sheet) pairs shown in the README."""
    cases: list[dict[str, Any]] = []
    readme: list[tuple[dict[str, Any], str]] = []
    seen: set[str] = set()
    for book in books:
        if book.filename not in specs_for:
            continue
        stem = Path(book.filename).stem
        for q in specs_for[book.filename](book):
            if q.given is not None and q.given != q.sheet:
                raise ValueError(f"{q.command!r}: given sheet differs from the answering sheet")
            case_id = f"{stem}-{slug(q.command)}"
            if case_id in seen:
                case_id = f"{stem}-{slug(q.sheet)}-{slug(q.command)}"
            if case_id in seen:
                raise ValueError(f"duplicate case id {case_id}")
            seen.add(case_id)
            value, key_column = QuestionEval(book.table(q.sheet), q).value()
            intent = "lookup" if q.op == "lookup" else q.op
            case = {
                "id": case_id,
                "book": book.filename,
                "sheet": q.given,
                "command": q.command,
                "expect": {
                    "intent": intent,
                    "value": plain(value),
                    "columns": question_columns(q, key_column),
                    "formula": None,
                },
                "tags": question_tags(q, book),
            }
            cases.append(case)
            if q.readme:
                readme.append((case, q.sheet))
    return cases, readme


def C(column: str, op: str, value: Any = None, value2: Any = None) -> Cond:  # noqa: N802
    return Cond(column, op, value, value2)


def employees_questions(book: Book) -> list[Question]:
    s = "Staff"
    staff = book.table(s)
    names = staff.values("Name")
    ids = staff.values("Employee ID")

    def q(command: str, op: str, given: str | None = s, **kw: Any) -> Question:
        return Question(command, op, s, given, **kw)

    salary = "Salary ($)"
    dept, city, hired = "Department", "City", "Hire Date"
    return [
        q("how many employees", "count", None),
        q("total salary", "sum", measure=salary, readme=True),
        q("average salary in Engineering", "average", measure=salary,
          where=(C(dept, "eq", "Engineering"),), readme=True),
        q("avg salery for the sales department", "average", None, measure=salary,
          where=(C(dept, "eq", "Sales"),), tags=("typo",)),
        q("how many employees are in Marketing", "count", where=(C(dept, "eq", "Marketing"),)),
        q("how many employees in new york", "count", None, where=(C(city, "eq", "New York"),)),
        q("number of staff in San Francisco", "count", where=(C(city, "eq", "San Francisco"),),
          tags=("synonym",)),
        q("min salary in Chicago", "min", measure=salary, where=(C(city, "eq", "Chicago"),)),
        q("average rating for employees from Seattle", "average", measure="Rating",
          where=(C(city, "eq", "Seattle"),)),
        q("total salary where city is not New York", "sum", measure=salary,
          where=(C(city, "neq", "New York"),)),
        q("average salary excluding HR", "average", None, measure=salary,
          where=(C(dept, "neq", "HR"),)),
        q("how many employees with salary over 120000", "count",
          where=(C(salary, "gt", 120_000),)),
        q("count of employees with salary above 100,000", "count", None,
          where=(C(salary, "gt", 100_000),)),
        q("average age of employees with salary at least 130000", "average", measure="Age",
          where=(C(salary, "gte", 130_000),)),
        q("how many employees with age under 30", "count", where=(C("Age", "lt", 30),)),
        q("max salary where age is below 30", "max", measure=salary,
          where=(C("Age", "lt", 30),)),
        q("total salary where age is over 50", "sum", measure=salary,
          where=(C("Age", "gt", 50),)),
        q("how many employees with a rating of at most 2", "count",
          where=(C("Rating", "lte", 2),)),
        q("how many employees with rating between 2 and 4", "count", None,
          where=(C("Rating", "between", 2, 4),)),
        q("average salary for age between 30 and 40", "average", measure=salary,
          where=(C("Age", "between", 30, 40),)),
        q("how many employees whose title contains Manager", "count",
          where=(C("Title", "contains", "Manager"),), readme=True),
        q("average salary where title contains software", "average", measure=salary,
          where=(C("Title", "contains", "software"),)),
        q("median salary where title contains Manager", "median", measure=salary,
          where=(C("Title", "contains", "Manager"),)),
        q("how many employees whose title starts with Senior", "count",
          where=(C("Title", "starts_with", "Senior"),)),
        q("how many employees whose name starts with Grace", "count",
          where=(C("Name", "starts_with", "Grace"),)),
        q("total salary for Sales or Marketing", "sum", measure=salary,
          where=(C(dept, "in_list", ("Sales", "Marketing")),)),
        q("how many employees in Boston or Austin", "count", None,
          where=(C(city, "in_list", ("Boston", "Austin")),)),
        q("how many employees with no email", "count", where=(C("Email", "blank"),),
          readme=True),
        q("how many employees with an email", "count", where=(C("Email", "not_blank"),)),
        q("average salary of employees without an email", "average", measure=salary,
          where=(C("Email", "blank"),)),
        q("how many employees where department is Engineering and city is New York", "count",
          where=(C(dept, "eq", "Engineering"), C(city, "eq", "New York"))),
        q("total salary where department is engineering and rating is 5", "sum",
          measure=salary, where=(C(dept, "eq", "Engineering"), C("Rating", "eq", 5))),
        q("average salary where department is Finance or city is Seattle", "average",
          measure=salary, where=(C(dept, "eq", "Finance"), C(city, "eq", "Seattle")),
          joiner="or"),
        q("how many employees in Engineering and hired in 2024", "count",
          where=(C(dept, "eq", "Engineering"), C(hired, "year", 2024))),
        q("how many employees hired in 2020", "count", where=(C(hired, "year", 2020),)),
        q("how many employees were hired in March", "count", None,
          where=(C(hired, "month", 3),)),
        q("average salary of employees hired in Q1", "average", measure=salary,
          where=(C(hired, "quarter", 1),)),
        q("how many employees hired before 2016-01-01", "count",
          where=(C(hired, "before", dt.date(2016, 1, 1)),)),
        q("how many employees were hired after 2023-06-30", "count",
          where=(C(hired, "after", dt.date(2023, 6, 30)),), readme=True),
        q("total salary where hire date is between 2020-01-01 and 2021-12-31", "sum",
          measure=salary,
          where=(C(hired, "date_between", dt.date(2020, 1, 1), dt.date(2021, 12, 31)),)),
        q("earliest hire date", "min", measure=hired),
        q("latest hire date in Finance", "max", measure=hired,
          where=(C(dept, "eq", "Finance"),)),
        q("total salary by department", "sum", measure=salary, group=dept, readme=True),
        q("average salary per city", "average", measure=salary, group=city),
        q("count of employees per department", "count", group=dept),
        q("average salary by rating", "average", None, measure=salary, group="Rating"),
        q("max age by department", "max", measure="Age", group=dept),
        q("average salary by department where city is New York", "average", measure=salary,
          group=dept, where=(C(city, "eq", "New York"),)),
        q("top 5 employees by salary", "top_n", measure=salary, n=5, readme=True),
        q("bottom 3 rows by salary", "bottom_n", None, measure=salary, n=3),
        q("top 3 rows by salary where department is Sales", "top_n", measure=salary, n=3,
          where=(C(dept, "eq", "Sales"),)),
        q("name of the employee with the highest salary", "arg_max", target="Name",
          measure=salary),
        q("name of the employee with the lowest salary in Marketing", "arg_min",
          target="Name", measure=salary, where=(C(dept, "eq", "Marketing"),)),
        q("which department has the highest total salary", "arg_max", target=dept,
          measure=salary, readme=True),
        q("which city has the lowest total salary", "arg_min", None, target=city,
          measure=salary),
        q(f"what is the salary of {names[4]}", "lookup", target=salary, key=names[4],
          readme=True),
        q(f"what is the salary of {names[45].lower()}", "lookup", None, target=salary,
          key=names[45]),
        q(f"what department is {names[20]} in", "lookup", target=dept, key=names[20]),
        q(f"what is the hire date of {names[62]}", "lookup", target=hired, key=names[62]),
        q(f"what is the email of {names[9]}", "lookup", target="Email", key=names[9]),
        q(f"what is the title of {ids[41]}", "lookup", target="Title", key=ids[41]),
        q(f"age of {names[33]}", "lookup", None, target="Age", key=names[33]),
        q(f"which city is {names[70]} based in", "lookup", target=city, key=names[70]),
        q("how many different cities", "count_distinct", target=city),
        q("number of unique titles in Engineering", "count_distinct", target="Title",
          where=(C(dept, "eq", "Engineering"),)),
        q("what percent of employees are in Engineering", "share",
          where=(C(dept, "eq", "Engineering"),), readme=True),
        q("share of salary from Engineering", "share", measure=salary,
          where=(C(dept, "eq", "Engineering"),)),
        q("what fraction of employees have a rating of 5", "share",
          where=(C("Rating", "eq", 5),)),
        q("standard deviation of salary", "stdev", measure=salary, readme=True),
        q("stdev of salary in Sales", "stdev", None, measure=salary,
          where=(C(dept, "eq", "Sales"),)),
        q("variance of age", "variance", measure="Age"),
        q("90th percentile of salary", "percentile", measure=salary, p="0.9"),
        q("25th percentile of age", "percentile", measure="Age", p="0.25"),
        q("most common rating", "mode", measure="Rating"),
        q("correlation between age and salary", "correlation", measure=salary, other="Age",
          readme=True),
        q("trend of salary over hire date", "trend", measure=salary, other=hired),
        q("year over year growth of salary", "growth", measure=salary, other=hired,
          readme=True),
        q("yoy growth of salary in Engineering", "growth", None, measure=salary, other=hired,
          where=(C(dept, "eq", "Engineering"),)),
        q("year-over-year growth of salary in Sales", "growth", measure=salary, other=hired,
          where=(C(dept, "eq", "Sales"),)),
        q("how many employees where city is Austin or rating is 1", "count",
          where=(C(city, "eq", "Austin"), C("Rating", "eq", 1)), joiner="or"),
        q("average salary of employees with an email", "average", measure=salary,
          where=(C("Email", "not_blank"),)),
        q("how many employees in Sales with no email", "count", None,
          where=(C(dept, "eq", "Sales"), C("Email", "blank"))),
        q("mean age in Finance", "average", measure="Age", where=(C(dept, "eq", "Finance"),),
          tags=("synonym",)),
        q(f"what is the salry of {names[14]}", "lookup", target=salary, key=names[14],
          tags=("typo",)),
        q("list the departments", "unique_values", target=dept),
        q("unique cities", "unique_values", None, target=city),
        q("list the titles in Finance", "unique_values", target="Title",
          where=(C(dept, "eq", "Finance"),)),
        q("most common city", "most_frequent", target=city, readme=True),
        q("most frequent title in Sales", "most_frequent", target="Title",
          where=(C(dept, "eq", "Sales"),)),
        q("longest title in Marketing", "longest", target="Title",
          where=(C(dept, "eq", "Marketing"),)),
        q("longest title", "longest", None, target="Title"),
    ]  # fmt: skip


def projects_questions(book: Book) -> list[Question]:
    p, o = "Projects", "Owners"
    projects = book.table(p)
    names = projects.values("Project")

    def q(command: str, op: str, given: str | None = p, **kw: Any) -> Question:
        return Question(command, op, p, given, **kw)

    def own(command: str, op: str, given: str | None = o, **kw: Any) -> Question:
        return Question(command, op, o, given, **kw)

    return [
        q("total budget", "sum", None, measure="Budget", readme=True),
        q("total actual", "sum", None, measure="Actual"),
        q("totl budget", "sum", measure="Budget", tags=("typo",)),
        q("median budget", "median", None, measure="Budget"),
        q("average budget where status is Done", "average", measure="Budget",
          where=(C("Status", "eq", "Done"),)),
        q("average budget where priorty is Low", "average", measure="Budget",
          where=(C("Priority", "eq", "Low"),), tags=("typo",)),
        q("how many projects are at risk", "count", None,
          where=(C("Status", "eq", "At risk"),), readme=True),
        q("how many projects for Sofia Rossi", "count", None,
          where=(C("Owner", "eq", "Sofia Rossi"),)),
        q("how many projects where actual is over budget", "count", None,
          where=(C("Actual", "col_gt", "Budget"),), readme=True),
        q("count projects where actual is greater than budget", "count",
          where=(C("Actual", "col_gt", "Budget"),)),
        q("total budget of projects where actual is less than budget", "sum",
          measure="Budget", where=(C("Actual", "col_lt", "Budget"),)),
        q("ratio of actual to budget", "ratio", None, measure="Actual", other="Budget",
          readme=True),
        q("ratio of actual to budget for High priority projects", "ratio", measure="Actual",
          other="Budget", where=(C("Priority", "eq", "High"),)),
        q("total actual minus budget", "sum", measure="Actual", other="Budget", arith="-",
          readme=True),
        q("total actual minus budget where status is at risk", "sum", measure="Actual",
          other="Budget", arith="-", where=(C("Status", "eq", "At risk"),)),
        q("total actual minus budget by status", "sum", measure="Actual", other="Budget",
          arith="-", group="Status"),
        q("total budget by owner", "sum", measure="Budget", group="Owner"),
        q("count of projects per status", "count", None, group="Status"),
        q("average actual by priority", "average", measure="Actual", group="Priority"),
        q(f"who is the owner of project {names[24]}", "lookup", None, target="Owner",
          key=names[24], readme=True),
        q(f"what is the budget of {names[23]}", "lookup", target="Budget", key=names[23]),
        q(f"what is the status of {names[19]}", "lookup", None, target="Status",
          key=names[19]),
        q(f"what is the end date of {names[37]}", "lookup", target="End", key=names[37]),
        q(f"when did {names[25]} start", "lookup", target="Start", key=names[25]),
        q(f"priority of {names[8].lower()}", "lookup", target="Priority", key=names[8]),
        own("which team is Kenji Ito on", "lookup", None, target="Team", key="Kenji Ito",
            readme=True),
        own("where is Dana Lee located", "lookup", target="Location", key="Dana Lee"),
        own("what is the team of Laura Smith", "lookup", None, target="Team",
            key="Laura Smith"),
        own("how many owners are in London", "count", where=(C("Location", "eq", "London"),)),
        own("list the teams", "unique_values", target="Team"),
        own("list the locations", "unique_values", None, target="Location"),
        q("which project has the largest budget", "arg_max", None, target="Project",
          measure="Budget"),
        q("which project has the lowest actual", "arg_min", target="Project",
          measure="Actual"),
        q("which owner has the highest total budget", "arg_max", target="Owner",
          measure="Budget"),
        q("which owner has the lowest budget", "arg_min", target="Owner", measure="Budget"),
        q("top 3 projects by budget", "top_n", measure="Budget", n=3),
        q("bottom 2 projects by actual", "bottom_n", None, measure="Actual", n=2),
        q("top 3 rows by actual where status is at risk", "top_n", measure="Actual", n=3,
          where=(C("Status", "eq", "At risk"),)),
        q("how many projects started in 2024", "count", where=(C("Start", "year", 2024),)),
        q("how many projects with start in Q1", "count", where=(C("Start", "quarter", 1),)),
        q("how many projects end in December", "count", None,
          where=(C("End", "month", 12),)),
        q("total budget of projects ending after 2025-06-30", "sum", measure="Budget",
          where=(C("End", "after", dt.date(2025, 6, 30)),)),
        q("how many projects start before 2023-07-01", "count",
          where=(C("Start", "before", dt.date(2023, 7, 1)),)),
        q("average budget for start between 2024-01-01 and 2024-06-30", "average",
          measure="Budget",
          where=(C("Start", "date_between", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),)),
        q("earliest start", "min", measure="Start"),
        q("latest end date", "max", None, measure="End"),
        q("total budget where priority is High and status is not Done", "sum",
          measure="Budget",
          where=(C("Priority", "eq", "High"), C("Status", "neq", "Done"))),
        q("how many projects where status is Done or priority is Low", "count",
          where=(C("Status", "eq", "Done"), C("Priority", "eq", "Low")), joiner="or"),
        q("how many projects with priority High or Medium", "count",
          where=(C("Priority", "in_list", ("High", "Medium")),)),
        q("how many projects containing Migration", "count",
          where=(C("Project", "contains", "Migration"),)),
        q("total budget where project starts with Data", "sum", measure="Budget",
          where=(C("Project", "starts_with", "Data"),)),
        q("share of budget from High priority projects", "share", measure="Budget",
          where=(C("Priority", "eq", "High"),)),
        q("what percent of projects are done", "share", None,
          where=(C("Status", "eq", "Done"),)),
        q("how many distinct owners", "count_distinct", target="Owner"),
        q("most common status", "most_frequent", target="Status"),
        q("most frequent owner", "most_frequent", target="Owner"),
        q("longest project name", "longest", target="Project"),
        q("list the owners of at risk projects", "unique_values", target="Owner",
          where=(C("Status", "eq", "At risk"),)),
        q("stdev of actual", "stdev", measure="Actual"),
        q("80th percentile of budget", "percentile", measure="Budget", p="0.8"),
        q("correlation between budget and actual", "correlation", None, measure="Actual",
          other="Budget"),
        q("trend of actual over start", "trend", measure="Actual", other="Start"),
    ]  # fmt: skip


def scores_questions(book: Book) -> list[Question]:
    g = "Games"

    def q(command: str, op: str, given: str | None = g, **kw: Any) -> Question:
        return Question(command, op, g, given, tags=("wikisql", *kw.pop("tags", ())), **kw)

    pf, pa, att = "Points For", "Points Against", "Attendance"
    venue, opp = "Venue", "Opponent"
    return [
        q("What was the attendance when the opponent was the Chicago Bears?", "lookup",
          target=att, key="Chicago Bears", readme=True),
        q("What was the attendance when the opponent was the new york giants?", "lookup",
          None, target=att, key="New York Giants"),
        q("what was the atendance against the Dallas Cowboys", "lookup", target=att,
          key="Dallas Cowboys", tags=("typo",)),
        q("How many games had points against over 20?", "count",
          where=(C(pa, "gt", 20),), readme=True),
        q("What is the highest attendance at Lambeau Field?", "max", None, measure=att,
          where=(C(venue, "eq", "Lambeau Field"),), readme=True),
        q("Which week was the game against the New York Giants?", "lookup", target="Week",
          key="New York Giants", readme=True),
        q("Which week was the game against the Atlanta Falcons?", "lookup", None,
          target="Week", key="Atlanta Falcons"),
        q("What was the result when the opponent was the Detroit Lions?", "lookup",
          target="Result", key="Detroit Lions"),
        q("What is the result when the opponent is San Francisco 49ers?", "lookup", None,
          target="Result", key="San Francisco 49ers"),
        q("What was the date of the game against the Houston Texans?", "lookup",
          target="Date", key="Houston Texans"),
        q("What venue was the game against the Tennessee Titans played at?", "lookup",
          target=venue, key="Tennessee Titans"),
        q("What is the points against when the opponent is Minnesota Vikings?", "lookup",
          target=pa, key="Minnesota Vikings"),
        q("How many games were played at Lambeau Field?", "count",
          where=(C(venue, "eq", "Lambeau Field"),)),
        q("What is the total attendance for games at Lambeau Field?", "sum", measure=att,
          where=(C(venue, "eq", "Lambeau Field"),)),
        q("What is the total attendance when the venue is not Lambeau Field?", "sum",
          measure=att, where=(C(venue, "neq", "Lambeau Field"),)),
        q("What is the lowest attendance when points for is over 30?", "min", measure=att,
          where=(C(pf, "gt", 30),)),
        q("What is the average attendance of games with points against under 15?",
          "average", measure=att, where=(C(pa, "lt", 15),)),
        q("How many games had an attendance over 70,000?", "count", None,
          where=(C(att, "gt", 70_000),)),
        q("How many games had points for between 20 and 30?", "count",
          where=(C(pf, "between", 20, 30),)),
        q("How many games had points against of at least 31?", "count",
          where=(C(pa, "gte", 31),)),
        q("What is the total points for when the result starts with W?", "sum", measure=pf,
          where=(C("Result", "starts_with", "W"),)),
        q("How many games have a result starting with L?", "count",
          where=(C("Result", "starts_with", "L"),)),
        q("How many games have a result containing 14?", "count",
          where=(C("Result", "contains", "14"),)),
        q("What is the total attendance when the opponent is the Chicago Bears or the "
          "Detroit Lions?", "sum", measure=att,
          where=(C(opp, "in_list", ("Chicago Bears", "Detroit Lions")),)),
        q("How many games where points for is greater than points against?", "count",
          where=(C(pf, "col_gt", pa),), readme=True),
        q("What is the total points for minus points against at Lambeau Field?", "sum",
          measure=pf, other=pa, arith="-", where=(C(venue, "eq", "Lambeau Field"),)),
        q("average of points for minus points against", "average", measure=pf, other=pa,
          arith="-"),
        q("ratio of points for to points against", "ratio", None, measure=pf, other=pa),
        q("What is the average points for?", "average", measure=pf),
        q("avrage attendance at Lambeau Field", "average", measure=att,
          where=(C(venue, "eq", "Lambeau Field"),), tags=("typo",)),
        q("How many games where points for is over 35 or points against is over 35?",
          "count", where=(C(pf, "gt", 35), C(pa, "gt", 35)), joiner="or"),
        q("median points against", "median", None, measure=pa),
        q("How many games were played in October?", "count",
          where=(C("Date", "month", 10),)),
        q("What is the total attendance in December?", "sum", measure=att,
          where=(C("Date", "month", 12),)),
        q("How many games were played before 2008-10-01?", "count",
          where=(C("Date", "before", dt.date(2008, 10, 1)),)),
        q("What is the total points against in games after 2008-11-30?", "sum",
          measure=pa, where=(C("Date", "after", dt.date(2008, 11, 30)),)),
        q("Which opponent had the highest attendance?", "arg_max", target=opp,
          measure=att, readme=True),
        q("Which opponent had the fewest points against?", "arg_min", None, target=opp,
          measure=pa),
        q("Which opponent had the most points for at Lambeau Field?", "arg_max",
          target=opp, measure=pf, where=(C(venue, "eq", "Lambeau Field"),)),
        q("top 3 rows by attendance", "top_n", measure=att, n=3),
        q("bottom 2 games by points against", "bottom_n", None, measure=pa, n=2),
        q("correlation between points for and points against", "correlation", measure=pa,
          other=pf),
        q("slope of attendance over week", "trend", measure=att, other="Week"),
        q("trend of points for over date", "trend", None, measure=pf, other="Date"),
        q("standard deviation of attendance", "stdev", measure=att),
        q("variance of points for", "variance", measure=pf),
        q("75th percentile of attendance", "percentile", measure=att, p="0.75"),
        q("mode of points against", "mode", measure=pa),
        q("total attendance by venue", "sum", measure=att, group=venue),
        q("list the venues", "unique_values", target=venue),
        q("how many different venues", "count_distinct", None, target=venue),
        q("most common venue", "most_frequent", target=venue),
        q("longest venue name", "longest", target=venue),
        q("what percent of games were played at Lambeau Field", "share",
          where=(C(venue, "eq", "Lambeau Field"),)),
    ]  # fmt: skip


def sales_questions(book: Book) -> list[Question]:
    s = "Sales"

    def q(command: str, op: str, given: str | None = s, **kw: Any) -> Question:
        return Question(command, op, s, given, **kw)

    return [
        q("total sales where region is West", "sum", measure="Sales",
          where=(C("Region", "eq", "West"),), readme=True),
        q("total revenue for West", "sum", None, measure="Sales",
          where=(C("Region", "eq", "West"),), tags=("synonym",)),
        q("average sales in East", "average", measure="Sales",
          where=(C("Region", "eq", "East"),)),
        q("totl sales in the north", "sum", None, measure="Sales",
          where=(C("Region", "eq", "North"),), tags=("typo",)),
        q("median sales from the South", "median", measure="Sales",
          where=(C("Region", "eq", "South"),)),
        q("total sales excluding Widget", "sum", measure="Sales",
          where=(C("Product", "neq", "Widget"),)),
        q("total sales other than the West region", "sum", measure="Sales",
          where=(C("Region", "neq", "West"),)),
        q("total sales for East or West", "sum", None, measure="Sales",
          where=(C("Region", "in_list", ("East", "West")),)),
        q("average units where product is Gizmo and region is North", "average",
          measure="Units", where=(C("Product", "eq", "Gizmo"), C("Region", "eq", "North"))),
        q("total sales where product is Widget or product is Sprocket", "sum",
          measure="Sales",
          where=(C("Product", "eq", "Widget"), C("Product", "eq", "Sprocket")), joiner="or"),
        q("how many rows with units at least 45", "count", where=(C("Units", "gte", 45),)),
        q("how many rows with units at most 5", "count", None,
          where=(C("Units", "lte", 5),)),
        q("average sales where units between 10 and 20", "average", measure="Sales",
          where=(C("Units", "between", 10, 20),)),
        q("total units where price is greater than 20", "sum", measure="Units",
          where=(C("Price", "gt", 20),)),
        q("how many sales over 2000", "count", where=(C("Sales", "gt", 2000),)),
        q("total sales where rep starts with M", "sum", measure="Sales",
          where=(C("Rep", "starts_with", "M"),)),
        q("total sales where product contains get", "sum", measure="Sales",
          where=(C("Product", "contains", "get"),)),
        q("how many rows in March", "count", where=(C("Date", "month", 3),), readme=True),
        q("total sales in Q2", "sum", None, measure="Sales",
          where=(C("Date", "quarter", 2),), readme=True),
        q("total sales in 2024", "sum", measure="Sales", where=(C("Date", "year", 2024),)),
        q("total units before 2024-03-01", "sum", measure="Units",
          where=(C("Date", "before", dt.date(2024, 3, 1)),)),
        q("total sales after 2024-06-30", "sum", measure="Sales",
          where=(C("Date", "after", dt.date(2024, 6, 30)),)),
        q("total sales between 2024-01-01 and 2024-03-31", "sum", measure="Sales",
          where=(C("Date", "date_between", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),)),
        q("max sales in December", "max", measure="Sales", where=(C("Date", "month", 12),)),
        q("earliest date where product is Sprocket", "min", measure="Date",
          where=(C("Product", "eq", "Sprocket"),)),
        q("total sales by region", "sum", measure="Sales", group="Region", readme=True),
        q("revenue by region", "sum", None, measure="Sales", group="Region",
          tags=("synonym",)),
        q("average price per product", "average", None, measure="Price", group="Product"),
        q("count of rows by product", "count", group="Product"),
        q("total units by rep where region is North", "sum", measure="Units", group="Rep",
          where=(C("Region", "eq", "North"),)),
        q("median sales by region", "median", measure="Sales",
          group="Region"),
        q("which rep has the highest sales", "arg_max", None, target="Rep",
          measure="Sales", readme=True),
        q("which product has the most units", "arg_max", target="Product",
          measure="Units"),
        q("which region has the lowest total sales", "arg_min", target="Region",
          measure="Sales"),
        q("which rep has the highest sales in March", "arg_max", target="Rep",
          measure="Sales", where=(C("Date", "month", 3),)),
        q("top 3 rows by sales", "top_n", measure="Sales", n=3, readme=True),
        q("bottom 3 rows by sales where product is Thingamajig", "bottom_n",
          measure="Sales", n=3, where=(C("Product", "eq", "Thingamajig"),)),
        q("what is the price of Gadget", "lookup", None, target="Price", key="Gadget",
          readme=True),
        q("which region is Noah Kim in", "lookup", target="Region", key="Noah Kim"),
        q("what region does priya patel cover", "lookup", target="Region",
          key="Priya Patel"),
        q("total of units times price", "sum", measure="Units", other="Price", arith="*",
          readme=True),
        q("total of units times price for Widget", "sum", None, measure="Units",
          other="Price", arith="*", where=(C("Product", "eq", "Widget"),)),
        q("share of sales from West", "share", measure="Sales",
          where=(C("Region", "eq", "West"),), readme=True),
        q("what share of units is from the East", "share", measure="Units",
          where=(C("Region", "eq", "East"),)),
        q("what percent of rows are Gadget", "share", where=(C("Product", "eq", "Gadget"),)),
        q("ratio of sales to units", "ratio", measure="Sales", other="Units"),
        q("correlation between units and sales", "correlation", measure="Sales",
          other="Units"),
        q("trend of sales", "trend", None, measure="Sales", other="Date", readme=True),
        q("slope of sales over date", "trend", measure="Sales", other="Date"),
        q("standard deviation of sales", "stdev", measure="Sales"),
        q("variance of units in North", "variance", measure="Units",
          where=(C("Region", "eq", "North"),)),
        q("90th percentile of sales", "percentile", measure="Sales", p="0.9"),
        q("mode of units", "mode", measure="Units"),
        q("list the products", "unique_values", target="Product"),
        q("list the reps in South", "unique_values", target="Rep",
          where=(C("Region", "eq", "South"),)),
        q("how many distinct products were sold in West", "count_distinct",
          target="Product", where=(C("Region", "eq", "West"),)),
        q("number of unique reps", "count_distinct", None, target="Rep"),
        q("longest product name", "longest", target="Product"),
        q("most common product in the North", "most_frequent", target="Product",
          where=(C("Region", "eq", "North"),)),
    ]  # fmt: skip


def inventory_questions(book: Book) -> list[Question]:
    st, su = "Stock", "Suppliers"

    def q(command: str, op: str, given: str | None = st, **kw: Any) -> Question:
        return Question(command, op, st, given, **kw)

    def sup(command: str, op: str, given: str | None = su, **kw: Any) -> Question:
        return Question(command, op, su, given, **kw)

    qty, cost = "Quantity", "Unit Cost ($)"
    return [
        q("total quantity where category is Tools", "sum", None, measure=qty,
          where=(C("Category", "eq", "Tools"),), readme=True),
        q("total qty in Electrical", "sum", measure=qty,
          where=(C("Category", "eq", "Electrical"),), tags=("synonym",)),
        q("max quantity in Plumbing", "max", measure=qty,
          where=(C("Category", "eq", "Plumbing"),)),
        q("how many items with quantity under 50", "count", None,
          where=(C(qty, "lt", 50),)),
        q("how many items with quantity over 400", "count", where=(C(qty, "gt", 400),)),
        q("median quantity where category is not Tools", "median", measure=qty,
          where=(C("Category", "neq", "Tools"),)),
        q("how many items with reorder level at most 20", "count",
          where=(C("Reorder Level", "lte", 20),)),
        q("how many items where category is Fasteners and quantity is over 200", "count",
          where=(C("Category", "eq", "Fasteners"), C(qty, "gt", 200))),
        q("average unit cost for Paint or Plumbing", "average", measure=cost,
          where=(C("Category", "in_list", ("Paint", "Plumbing")),)),
        q("how many items have no unit cost", "count", None,
          where=(C(cost, "blank"),), readme=True),
        q("count of items with a unit cost", "count", where=(C(cost, "not_blank"),)),
        q("total quantity of items with no unit cost", "sum", measure=qty,
          where=(C(cost, "blank"),)),
        q("how many items where category is Tools and unit cost is not blank", "count",
          where=(C("Category", "eq", "Tools"), C(cost, "not_blank"))),
        q("medain quantity", "median", None, measure=qty, tags=("typo",)),
        q("how many items containing Bolt", "count", where=(C("Item", "contains", "Bolt"),)),
        q("how many items starting with PVC", "count",
          where=(C("Item", "starts_with", "PVC"),)),
        q("how many items where quantity is below reorder level", "count",
          where=(C(qty, "col_lt", "Reorder Level"),)),
        q("average unit cost by category", "average", measure=cost, group="Category",
          readme=True),
        q("total quantity per category", "sum", None, measure=qty, group="Category"),
        q("what is the category of Voltage Tester", "lookup", None, target="Category",
          key="Voltage Tester"),
        q("what is the unit cost of Claw Hammer 16oz", "lookup", target=cost,
          key="Claw Hammer 16oz", readme=True),
        q("what is the quantity of Stud Finder", "lookup", None, target=qty,
          key="Stud Finder"),
        q("what is the reorder level of Teflon Tape", "lookup", target="Reorder Level",
          key="Teflon Tape"),
        q("what is the sku of Utility Knife", "lookup", target="SKU", key="Utility Knife"),
        q("which category has the highest total quantity", "arg_max", target="Category",
          measure=qty),
        q("which item has the highest unit cost", "arg_max", None, target="Item",
          measure=cost),
        q("top 2 items by unit cost", "top_n", measure=cost, n=2),
        q("total of quantity times unit cost", "sum", measure=qty, other=cost, arith="*",
          readme=True),
        q("total of quantity times unit cost for Paint", "sum", measure=qty, other=cost,
          arith="*", where=(C("Category", "eq", "Paint"),)),
        q("share of quantity from Tools", "share", measure=qty,
          where=(C("Category", "eq", "Tools"),)),
        q("how many distinct categories", "count_distinct", target="Category"),
        q("stdev of unit cost", "stdev", measure=cost),
        q("most common reorder level", "mode", measure="Reorder Level"),
        q("longest item name", "longest", target="Item"),
        sup("which supplier has the longest lead time", "arg_max", None, target="Supplier",
            measure="Lead Time (days)"),
        sup("what is the lead time of Nordic Wire AB", "lookup", None,
            target="Lead Time (days)", key="Nordic Wire AB", readme=True),
        sup("what is the rating of Pune Industrial", "lookup", target="Rating",
            key="Pune Industrial"),
        sup("how many suppliers from USA", "count", None, where=(C("Country", "eq", "USA"),)),
        sup("average rating of suppliers in USA or Canada", "average", measure="Rating",
            where=(C("Country", "in_list", ("USA", "Canada")),)),
        sup("list the countries", "unique_values", target="Country"),
        sup("average lead time where rating is at least 4", "average",
            measure="Lead Time (days)", where=(C("Rating", "gte", 4),)),
    ]  # fmt: skip


def orders_questions(book: Book) -> list[Question]:
    od, cu = "Orders", "Customers"

    def q(command: str, op: str, given: str | None = od, **kw: Any) -> Question:
        return Question(command, op, od, given, **kw)

    def cus(command: str, op: str, given: str | None = cu, **kw: Any) -> Question:
        return Question(command, op, cu, given, **kw)

    day = "Order Date"
    return [
        q("how many orders are Paid", "count", None, where=(C("Status", "eq", "Paid"),)),
        q("what percent of orders are Paid", "share", None,
          where=(C("Status", "eq", "Paid"),), readme=True),
        q("total amount where status is Refunded", "sum", measure="Amount",
          where=(C("Status", "eq", "Refunded"),)),
        q("average ammount for pending orders", "average", None, measure="Amount",
          where=(C("Status", "eq", "Pending"),), tags=("typo",)),
        q("average amount excluding Refunded", "average", measure="Amount",
          where=(C("Status", "neq", "Refunded"),)),
        q("total amount where status is Pending or Refunded", "sum", measure="Amount",
          where=(C("Status", "in_list", ("Pending", "Refunded")),)),
        q("how many orders where status is Refunded or amount is over 900", "count",
          where=(C("Status", "eq", "Refunded"), C("Amount", "gt", 900)), joiner="or"),
        q("mean order amount", "average", None, measure="Amount", tags=("synonym",)),
        q("how many orders with amount between 100 and 200", "count", None,
          where=(C("Amount", "between", 100, 200),)),
        q("how many orders with amount less than 50", "count",
          where=(C("Amount", "lt", 50),)),
        q("average amount in March", "average", None, measure="Amount",
          where=(C(day, "month", 3),)),
        q("total amount in Q4", "sum", measure="Amount", where=(C(day, "quarter", 4),)),
        q("max amount in 2024", "max", measure="Amount", where=(C(day, "year", 2024),)),
        q("how many orders before 2024-02-01", "count",
          where=(C(day, "before", dt.date(2024, 2, 1)),)),
        q("how many orders between 2024-04-01 and 2024-04-30", "count",
          where=(C(day, "date_between", dt.date(2024, 4, 1), dt.date(2024, 4, 30)),)),
        q("total amount where order date is after 2024-09-30 and status is Paid", "sum",
          measure="Amount",
          where=(C(day, "after", dt.date(2024, 9, 30)), C("Status", "eq", "Paid"))),
        q("earliest order date where status is Refunded", "min", measure=day,
          where=(C("Status", "eq", "Refunded"),)),
        q("total amount by status", "sum", measure="Amount", group="Status", readme=True),
        q("count of orders per status", "count", None, group="Status"),
        q("how many distinct customer ids", "count_distinct", target="Customer ID"),
        q("which customer id has the highest total amount", "arg_max",
          target="Customer ID", measure="Amount"),
        q("top 3 orders by amount", "top_n", None, measure="Amount", n=3),
        q("bottom 3 rows by amount", "bottom_n", measure="Amount", n=3),
        q("most frequent status", "most_frequent", target="Status"),
        q("stdev of amount", "stdev", measure="Amount"),
        q("75th percentile of amount", "percentile", None, measure="Amount", p="0.75"),
        q("trend of amount over order date", "trend", measure="Amount", other=day),
        q("share of amount from Refunded orders", "share", measure="Amount",
          where=(C("Status", "eq", "Refunded"),)),
        cus("what is the city of Liam Foster", "lookup", None, target="City",
            key="Liam Foster", readme=True),
        cus("which segment is Ava Morales in", "lookup", None, target="Segment",
            key="Ava Morales"),
        cus("what is the name of customer C007", "lookup", target="Name", key="C007"),
        cus("how many customers in Boston", "count", None,
            where=(C("City", "eq", "Boston"),)),
        cus("count of customers per segment", "count", group="Segment"),
        cus("most common city", "most_frequent", target="City"),
        cus("list the segments", "unique_values", target="Segment"),
        cus("how many customers in Austin and Corporate", "count",
            where=(C("City", "eq", "Austin"), C("Segment", "eq", "Corporate"))),
    ]  # fmt: skip


def budget_questions(book: Book) -> list[Question]:
    b = "Budget 2024"

    def q(command: str, op: str, given: str | None = b, **kw: Any) -> Question:
        return Question(command, op, b, given, **kw)

    return [
        q("ratio of actual to budget", "ratio", None, measure="Actual", other="Budget",
          readme=True),
        q("how many departments where actual is over budget", "count", None,
          where=(C("Actual", "col_gt", "Budget"),)),
        q("total actual minus budget", "sum", measure="Actual", other="Budget", arith="-"),
        q("total actual minus budget where headcount is under 20", "sum", measure="Actual",
          other="Budget", arith="-", where=(C("Headcount", "lt", 20),)),
        q("which department has the highest budget", "arg_max", None, target="Department",
          measure="Budget", readme=True),
        q("which department has the lowest actual", "arg_min", target="Department",
          measure="Actual"),
        q("which department has the highest headcount", "arg_max", target="Department",
          measure="Headcount"),
        q("what is the budget of Marketing", "lookup", None, target="Budget",
          key="Marketing"),
        q("headcount of Legal", "lookup", target="Headcount", key="Legal"),
        q("what is the actual for IT", "lookup", target="Actual", key="IT"),
        q("total budget where headcount is over 50", "sum", measure="Budget",
          where=(C("Headcount", "gt", 50),)),
        q("total budget for departments starting with F", "sum", measure="Budget",
          where=(C("Department", "starts_with", "F"),)),
        q("share of budget from Engineering", "share", None, measure="Budget",
          where=(C("Department", "eq", "Engineering"),)),
        q("correlation between headcount and budget", "correlation", measure="Budget",
          other="Headcount"),
        q("top 3 departments by budget", "top_n", measure="Budget", n=3),
        q("longest department name", "longest", target="Department"),
        q("stdev of budget", "stdev", None, measure="Budget"),
        q("average actual where budget is at least 1500000", "average", measure="Actual",
          where=(C("Budget", "gte", 1_500_000),)),
    ]  # fmt: skip


QUESTIONS_FOR: dict[str, Callable[[Book], list[Question]]] = {
    "sales.xlsx": sales_questions,
    "inventory.xlsx": inventory_questions,
    "orders.xlsx": orders_questions,
    "budget.xlsx": budget_questions,
    "employees.xlsx": employees_questions,
    "projects.xlsx": projects_questions,
    "scores.xlsx": scores_questions,
}


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


def display_answer(value: Any) -> str:
    """A question's answer, shortened for the README table."""
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 1 else f"{value:.4f}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {display_answer(v)}" for k, v in value.items())
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            first = next(iter(value[0]))
            return f"{len(value)} rows ({first}: {', '.join(str(r[first]) for r in value)})"
        return ", ".join(str(v) for v in value)
    return str(value)


def render_readme(
    books: Sequence[Book],
    cases: list[dict[str, Any]],
    questions: Sequence[tuple[dict[str, Any], str]] = (),
    question_count: int = 0,
) -> str:
    lines = [
        "# Sample workbooks",
        "",
        "<!-- generated by sample_workbooks/build.py — do not edit by hand -->",
        "",
        "Small workbooks bundled with nlsheet for demos and tests.  Everything in",
        "this directory (the `.xlsx` files and this README) and the test cases in",
        "`tests/cases/samples.yaml` and `tests/cases/questions.yaml` are generated",
        "by `sample_workbooks/build.py` from seeded random generators: the first",
        f"four workbooks share `random.Random({SEED})`, each later one has its own",
        f'(`random.Random("{SEED}:<file name>")`), so the output is deterministic.',
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
    if questions:
        lines += [
            "## Questions",
            "",
            f"`tests/cases/questions.yaml` holds {question_count} questions over all seven",
            "workbooks: conditions (comparisons, between, contains, starts with, lists,",
            "blanks, dates by month, quarter, year and range, several conditions joined",
            "by and/or, one column against another), group-by, top/bottom N rows, which",
            "X has the highest Y, lookups, distinct counts, shares, ratios, arithmetic",
            "inside aggregates, statistics and text answers, each tagged by operation.",
            "Their answers are computed by `build.py` from the data it generated; a",
            "selection is shown below (shares are fractions, not percentages; grouped",
            "and list answers are abbreviated).",
            "",
            "| Command | Sheet used | Answer |",
            "| --- | --- | --- |",
        ]
        for case, sheet in questions:
            answer = display_answer(case["expect"]["value"]).replace("|", "\\|")
            lines.append(f"| `{shell_command(case)}` | {sheet} | {answer} |")
        lines.append("")
    return "\n".join(lines)


SPECS_FOR: dict[str, Callable[[Book], list[CaseSpec]]] = {
    "sales.xlsx": sales_specs,
    "inventory.xlsx": inventory_specs,
    "orders.xlsx": orders_specs,
    "budget.xlsx": budget_specs,
}


QUESTION_BUILDERS = [build_employees, build_projects, build_scores]
QUESTION_BOOKS = ["employees.xlsx", "projects.xlsx", "scores.xlsx"]


def main() -> None:
    rng = random.Random(SEED)
    builders = [build_sales, build_inventory, build_orders, build_budget]
    books: list[Book] = []
    for builder in builders:
        book, wb = builder(rng)
        save_deterministic(wb, HERE / book.filename)
        books.append(book)
    for filename, later in zip(QUESTION_BOOKS, QUESTION_BUILDERS, strict=True):
        book, wb = later(book_rng(filename))
        if book.filename != filename:
            raise ValueError(f"{later.__name__} built {book.filename}, not {filename}")
        save_deterministic(wb, HERE / book.filename)
        books.append(book)

    cases = build_cases(books[:4], SPECS_FOR)
    questions, shown = build_questions(books, QUESTIONS_FOR)
    CASES_PATH.parent.mkdir(parents=True, exist_ok=True)
    CASES_PATH.write_text(render_cases(cases), encoding="utf-8")
    QUESTIONS_PATH.write_text(render_cases(questions), encoding="utf-8")
    README_PATH.write_text(render_readme(books, cases, shown, len(questions)), encoding="utf-8")
    print(f"wrote {len(books)} workbooks, {len(cases)} cases to {CASES_PATH}")
    print(f"wrote {len(questions)} questions to {QUESTIONS_PATH}")


if __name__ == "__main__":
    main()
