"""inventory.xlsx: a messy Stock sheet (title block, text numbers, totals row) and Suppliers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..table import Book, Table
from .writing import (
    INT_FORMAT,
    MONEY_FORMAT,
    active_sheet,
    cents,
    write_table,
)

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
