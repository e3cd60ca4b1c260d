"""shop.xlsx: a small web shop's orders (status, free-text notes, units in headers) and invoices
(a Yes/No Paid column)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from openpyxl import Workbook

from ..table import Book, Table
from .writing import MONEY_FORMAT, active_sheet, cents, random_date, random_dates, write_table

SHOP_YEAR = 2024
# customer -> region; every customer buys from one region
SHOP_CUSTOMERS = {
    "Harbour Café": "North",
    "Nordlicht GmbH": "North",
    "Fjord Outdoor": "North",
    "Bakery Rossi": "South",
    "Casa Verde": "South",
    "Old Mill Pub": "South",
    "Atelier Moreau": "East",
    "Kowalski & Sons": "East",
    "Studio Lumen": "East",
    "Green Leaf Florists": "West",
    "Blue Door Books": "West",
    "Pixel Print": "West",
}
ORDER_STATUSES = ["Shipped", "Pending", "Cancelled"]
ORDER_STATUS_WEIGHTS = [70, 18, 12]
SHOP_ORDER_ROWS = 120
FIRST_SHOP_ORDER = 5001
# Free-text notes, the way people type them; refunds mostly on cancelled orders.
REFUND_NOTES = [
    "Customer asked for a refund, card charged twice",
    "Refund issued after late delivery",
    "Wrong colour sent, customer wants a refund",
    "Cancelled by phone, no refund needed",
]
OTHER_NOTES = [
    "Gift wrap requested",
    "Please include a gift receipt",
    "Fragile: glassware, pack with extra padding",
    "Leave parcel with the neighbour at no. 12",
    "Express delivery requested",
    "Box arrived damaged, replacement sent",
    "Call before delivery",
    "Repeat customer, add a thank-you card",
    "Address changed after ordering",
]
NOTE_SHARE = 45  # percent of orders that are not cancelled but carry a note
INVOICE_ROWS = 80
INVOICE_TERMS = 30  # days until due
UNPAID_CUTOFF = dt.date(SHOP_YEAR, 10, 1)  # invoices issued later are mostly not paid yet


def build_shop_orders(rng: random.Random) -> Table:
    table = Table(
        sheet="Orders",
        header_row=1,
        first_col=1,
        headers=[
            "Order ID",
            "Order Date",
            "Customer",
            "Region",
            "Status",
            "Amount (€)",
            "Weight (kg)",
            "Notes",
        ],
    )
    customers = list(SHOP_CUSTOMERS)
    for i, day in enumerate(random_dates(rng, SHOP_ORDER_ROWS)):
        customer = rng.choice(customers)
        status = rng.choices(ORDER_STATUSES, weights=ORDER_STATUS_WEIGHTS)[0]
        amount = cents(rng, 800, 64000)
        weight = float(Decimal(rng.randint(2, 350)) / 10)
        note: str | None = None
        if status == "Cancelled" and rng.random() < 0.75:
            note = rng.choice(REFUND_NOTES)
        elif status != "Cancelled" and rng.randrange(100) < NOTE_SHARE:
            note = rng.choice(OTHER_NOTES + REFUND_NOTES[1:2])
        table.rows.append(
            [FIRST_SHOP_ORDER + i, day, customer, SHOP_CUSTOMERS[customer], status, amount,
             weight, note]
        )  # fmt: skip
    return table


def build_invoices(rng: random.Random) -> Table:
    table = Table(
        sheet="Invoices",
        header_row=1,
        first_col=1,
        headers=["Invoice No.", "Customer", "Region", "Issued", "Due", "Amount (€)", "Paid"],
    )
    customers = list(SHOP_CUSTOMERS)
    issued = sorted(
        random_date(rng, dt.date(SHOP_YEAR, 1, 2), dt.date(SHOP_YEAR, 12, 20))
        for _ in range(INVOICE_ROWS)
    )
    for i, day in enumerate(issued, start=1):
        customer = rng.choice(customers)
        paid_chance = 0.85 if day < UNPAID_CUTOFF else 0.3
        paid = "Yes" if rng.random() < paid_chance else "No"
        table.rows.append(
            [f"INV-{i:04d}", customer, SHOP_CUSTOMERS[customer], day,
             day + dt.timedelta(days=INVOICE_TERMS), cents(rng, 4000, 250000), paid]
        )  # fmt: skip
    return table


def build_shop(rng: random.Random) -> tuple[Book, Workbook]:
    orders = build_shop_orders(rng)
    invoices = build_invoices(rng)

    wb = Workbook()
    ws = active_sheet(wb, orders.sheet)
    write_table(
        ws,
        orders,
        formats={"Order ID": "0", "Amount (€)": MONEY_FORMAT, "Weight (kg)": "0.0"},
        widths={"Order Date": 12, "Customer": 20, "Notes": 46},
    )
    ws.freeze_panes = "A2"
    write_table(
        wb.create_sheet(invoices.sheet),
        invoices,
        formats={"Amount (€)": MONEY_FORMAT},
        widths={"Invoice No.": 12, "Customer": 20, "Issued": 12, "Due": 12},
    )

    with_notes = sum(1 for row in orders.rows if row[-1] is not None)
    unpaid = sum(1 for row in invoices.rows if row[-1] == "No")
    description = (
        f"A small web shop, two sheets with the header in row 1 starting at A1.  "
        f"`{orders.sheet}` ({', '.join(orders.headers)}) has {len(orders.rows)} data rows "
        f"(rows {orders.first_data_row}..{orders.last_data_row}); order IDs run "
        f"{FIRST_SHOP_ORDER}..{FIRST_SHOP_ORDER + SHOP_ORDER_ROWS - 1}, dates are sorted "
        f"{SHOP_YEAR} dates, Status is one of {', '.join(ORDER_STATUSES)}, the units are in "
        f"the headers (Amount (€) with cents, Weight (kg) with one decimal) and Notes is free "
        f"text typed by the staff ({with_notes} orders have a note, the others are blank).  "
        f"Each of the {len(SHOP_CUSTOMERS)} customers belongs to one Region (North, South, "
        f"East, West).  `{invoices.sheet}` ({', '.join(invoices.headers)}) has "
        f"{len(invoices.rows)} data rows (rows {invoices.first_data_row}.."
        f"{invoices.last_data_row}) sorted by Issued; Due is {INVOICE_TERMS} days later and "
        f'Paid is the text "Yes" or "No" ({unpaid} invoices are unpaid).'
    )
    return Book("shop.xlsx", [orders, invoices], description), wb
