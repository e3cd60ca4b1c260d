"""The cases: which worked commands and questions are asked of which workbook."""

from __future__ import annotations

from collections.abc import Callable

from ..query import CaseSpec, Question
from ..table import Book
from .inventory import inventory_questions
from .office import expenses_questions, team_questions
from .scores import scores_questions
from .shop import shop_questions
from .trade import budget_questions, orders_questions, sales_questions
from .wide import monthly_questions, visitors_questions
from .worked import budget_specs, inventory_specs, orders_specs, sales_specs
from .workplace import employees_questions, projects_questions

SPECS_FOR: dict[str, Callable[[Book], list[CaseSpec]]] = {
    "sales.xlsx": sales_specs,
    "inventory.xlsx": inventory_specs,
    "orders.xlsx": orders_specs,
    "budget.xlsx": budget_specs,
}

QUESTIONS_FOR: dict[str, Callable[[Book], list[Question]]] = {
    "sales.xlsx": sales_questions,
    "inventory.xlsx": inventory_questions,
    "orders.xlsx": orders_questions,
    "budget.xlsx": budget_questions,
    "employees.xlsx": employees_questions,
    "projects.xlsx": projects_questions,
    "scores.xlsx": scores_questions,
}

# Everyday questions (tests/cases/everyday.yaml), not yet wired into the tests.
EVERYDAY_FOR: dict[str, Callable[[Book], list[Question]]] = {
    "shop.xlsx": shop_questions,
    "team.xlsx": team_questions,
    "expenses.xlsx": expenses_questions,
    "visitors.xlsx": visitors_questions,
    "monthly_sales.xlsx": monthly_questions,
}

# The feature tag every everyday question carries (one each), and what it exercises.
EVERYDAY_FEATURES = {
    "status": "a status column (Shipped / Pending / Cancelled)",
    "yes_no": "a Yes/No text column (Paid)",
    "true_false": "a TRUE/FALSE column of real booleans (Active)",
    "free_text": "a free-text column (order notes)",
    "year_columns": "a wide table with a column per year (Country, 2015 .. 2022)",
    "month_columns": "a table with a column per month (Product, Jan .. Dec)",
    "units": "units in the headers (Weight (kg), Amount (€), Day Rate (£), Distance (km))",
    "offset_table": "a table at B4 under a title, with a totals row below",
    "two_level_group": "two groupings at once, answered {group: {group2: value}}",
    "top_groups": "the top (bottom) groups by their total, e.g. the biggest spenders",
}
