"""sales.xlsx, orders.xlsx and budget.xlsx: what a small company sells and spends."""

from __future__ import annotations

import random
from decimal import Decimal

from openpyxl import Workbook

from ..table import Book, Table, quote_sheet
from .writing import (
    INT_FORMAT,
    MONEY_FORMAT,
    YEAR,
    active_sheet,
    cents,
    random_dates,
    write_table,
)

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
