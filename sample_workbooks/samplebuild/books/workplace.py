"""employees.xlsx and projects.xlsx: a messy staff register, and projects with their owners."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..table import Book, Table
from .writing import (
    INT_FORMAT,
    MONEY_FORMAT,
    active_sheet,
    random_date,
    write_table,
)

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
