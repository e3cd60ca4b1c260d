"""team.xlsx (a TRUE/FALSE Active column) and expenses.xlsx (a table at B4 under a title, with a
totals row below)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from ..table import Book, Table
from .writing import INT_FORMAT, MONEY_FORMAT, active_sheet, cents, random_date, write_table

TEAM_NAMES = [
    "Amy Clarke", "Ben Hughes", "Chloe Evans", "Dev Sharma", "Ella Murphy", "Finn Walsh",
    "Gemma Price", "Harry Ward", "Isla Reid", "Jack Turner", "Kira Patel", "Leo Morgan",
    "Maya Collins", "Nathan Bell", "Olivia Grant", "Paul Fraser", "Ruby Shaw", "Sam Ellis",
    "Tara Quinn", "Umar Khan", "Vicky Lowe", "Will Baxter", "Yasmin Ali", "Zack Moore",
    "Alice Dunn", "Connor Byrne", "Daisy Hart", "Ethan Lyons", "Freya Nash", "George Pike",
    "Hannah Rowe", "Ian Stone", "Jade Ferris", "Kyle Doyle", "Lily Marsh", "Mark Ansell",
    "Nina Cross", "Owen Tate", "Priya Bose", "Rhys Vaughan",
]  # fmt: skip
TEAM_ROLES = ["Developer", "Designer", "Tester", "Support Agent", "Data Analyst", "Project Manager"]
TEAM_LOCATIONS = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Remote"]
TEAM_HOURS = [16, 20, 24, 30, 37.5, 40]
ACTIVE_SHARE = 0.7

EXPENSE_HEADER_ROW = 4
EXPENSE_FIRST_COL = 2  # column B
EXPENSE_ROWS = 45
EXPENSE_FROM = dt.date(2024, 7, 1)
EXPENSE_TO = dt.date(2024, 9, 30)
TRAVELLERS = ["Ana Costa", "Bruno Lima", "Carla Sousa", "Diogo Reis", "Eva Martins", "Filipe Rocha"]
# category -> (amount range in cents, distance range in km or None when it has no distance)
EXPENSE_CATEGORIES: dict[str, tuple[tuple[int, int], tuple[int, int] | None]] = {
    "Hotel": ((8000, 26000), None),
    "Meals": ((1200, 8500), None),
    "Train": ((2500, 18000), (40, 600)),
    "Taxi": ((900, 6000), (3, 35)),
    "Flight": ((9000, 52000), (300, 2400)),
    "Mileage": ((0, 0), (20, 400)),
}
MILEAGE_RATE = Decimal("0.36")  # euros per km


def build_team(rng: random.Random) -> tuple[Book, Workbook]:
    table = Table(
        sheet="Team",
        header_row=1,
        first_col=1,
        headers=[
            "Name",
            "Role",
            "Location",
            "Start Date",
            "Hours per Week",
            "Day Rate (£)",
            "Active",
        ],
    )
    rates: set[int] = set()
    for name in TEAM_NAMES:
        while True:
            rate = rng.randrange(180, 655, 5)
            if rate not in rates:
                rates.add(rate)
                break
        table.rows.append(
            [name, rng.choice(TEAM_ROLES), rng.choice(TEAM_LOCATIONS),
             random_date(rng, dt.date(2016, 1, 1), dt.date(2024, 11, 30)),
             rng.choice(TEAM_HOURS), rate, rng.random() < ACTIVE_SHARE]
        )  # fmt: skip

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    write_table(
        ws,
        table,
        formats={"Day Rate (£)": "#,##0", "Hours per Week": "0.0"},
        widths={"Name": 16, "Role": 16, "Start Date": 12, "Hours per Week": 15},
    )
    active = sum(1 for row in table.rows if row[-1])
    description = (
        f"One sheet `{table.sheet}` with the header in row 1 starting at A1 "
        f"({', '.join(table.headers)}) and {len(table.rows)} data rows (rows "
        f"{table.first_data_row}..{table.last_data_row}), one per person; names are unique, "
        f"Day Rate (£) values are distinct whole numbers and Active holds real TRUE/FALSE "
        f"cells (booleans, not text): {active} people are active, "
        f"{len(table.rows) - active} are not."
    )
    return Book("team.xlsx", [table], description), wb


def build_expenses_table(rng: random.Random) -> Table:
    table = Table(
        sheet="Expenses",
        header_row=EXPENSE_HEADER_ROW,
        first_col=EXPENSE_FIRST_COL,
        headers=["Date", "Employee", "Category", "Amount (€)", "Distance (km)"],
    )
    days = sorted(random_date(rng, EXPENSE_FROM, EXPENSE_TO) for _ in range(EXPENSE_ROWS))
    categories = list(EXPENSE_CATEGORIES)
    for day in days:
        category = rng.choice(categories)
        (low, high), km_range = EXPENSE_CATEGORIES[category]
        distance = rng.randint(*km_range) if km_range is not None else None
        if category == "Mileage":
            assert distance is not None
            amount = float((distance * MILEAGE_RATE).quantize(Decimal("0.01")))
        else:
            amount = cents(rng, low, high)
        table.rows.append([day, rng.choice(TRAVELLERS), category, amount, distance])
    return table


def build_expenses(rng: random.Random) -> tuple[Book, Workbook]:
    table = build_expenses_table(rng)
    title = "Travel expenses — Q3 2024"
    subtitle = "Lisbon office · amounts in euros, distances in km"
    approval = "Approved by Finance on 2024-10-04"

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    ws["B1"] = title
    ws["B1"].font = Font(bold=True, size=14)
    ws["B2"] = subtitle
    ws["B2"].font = Font(italic=True)
    write_table(
        ws,
        table,
        formats={"Amount (€)": MONEY_FORMAT, "Distance (km)": INT_FORMAT},
        widths={"Date": 12, "Employee": 16, "Category": 12, "Distance (km)": 14},
    )
    total_row = table.last_data_row + 1
    ws[f"B{total_row}"] = "Total"
    totals = {
        "Amount (€)": float(sum(table.numbers("Amount (€)"), Decimal(0))),
        "Distance (km)": int(sum(table.numbers("Distance (km)"), Decimal(0))),
    }
    ws[f"B{total_row}"].font = Font(bold=True)
    for header, total in totals.items():
        cell = ws[f"{table.letter(header)}{total_row}"]
        cell.value = total
        cell.font = Font(bold=True)
        cell.number_format = MONEY_FORMAT if header == "Amount (€)" else INT_FORMAT
    notes_row = total_row + 2
    ws[f"B{notes_row}"] = approval
    ws[f"B{notes_row}"].font = Font(italic=True)
    ws.column_dimensions["A"].width = 3

    blanks = len(table.blank_cells("Distance (km)"))
    description = (
        f"One sheet `{table.sheet}` whose table does not start at A1.  B1 holds the title "
        f'"{title}", B2 the line "{subtitle}", row 3 is blank and column A is empty.  The '
        f"header is in row {table.header_row} starting at B4 ({', '.join(table.headers)}, so "
        f"columns B..{table.last_col_letter}) with {len(table.rows)} data rows (rows "
        f"{table.first_data_row}..{table.last_data_row}) sorted by Date "
        f"({EXPENSE_FROM} to {EXPENSE_TO}).  Category is one of "
        f"{', '.join(EXPENSE_CATEGORIES)}; Distance (km) is blank for hotels and meals "
        f"({blanks} cells); Mileage is paid at €{MILEAGE_RATE} per km.  Right after the data, "
        f'row {total_row} is a totals row (B{total_row} "Total", the sums of Amount (€) and '
        f"Distance (km) as plain numbers) that is not part of the data, and after one blank "
        f'row B{notes_row} holds "{approval}".'
    )
    return Book("expenses.xlsx", [table], description), wb
