"""Build everything.

Run ``python sample_workbooks/build.py`` or ``python -m sample_workbooks.samplebuild``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .books.inventory import build_inventory
from .books.office import build_expenses, build_team
from .books.scores import build_scores
from .books.shop import build_shop
from .books.trade import build_budget, build_orders, build_sales
from .books.wide import build_monthly_sales, build_visitors
from .books.workplace import build_employees, build_projects
from .books.writing import SEED, book_rng, save_deterministic
from .cases import EVERYDAY_FEATURES, EVERYDAY_FOR, QUESTIONS_FOR, SPECS_FOR
from .cases.records import build_cases, build_questions, render_cases
from .readme import Everyday, render_readme
from .table import Book

HERE = Path(__file__).resolve().parent.parent  # sample_workbooks/
ROOT = HERE.parent
CASES_PATH = ROOT / "tests" / "cases" / "samples.yaml"
QUESTIONS_PATH = ROOT / "tests" / "cases" / "questions.yaml"
EVERYDAY_PATH = ROOT / "tests" / "cases" / "everyday.yaml"
README_PATH = HERE / "README.md"

Builder = Callable[[random.Random], tuple[Book, Workbook]]

# Built in this order from one shared random.Random(SEED): never reorder or insert here.
SHARED_SEED_BUILDERS: list[Builder] = [build_sales, build_inventory, build_orders, build_budget]
# Each built from its own book_rng(file name).
OWN_SEED_BUILDERS: dict[str, Builder] = {
    "employees.xlsx": build_employees,
    "projects.xlsx": build_projects,
    "scores.xlsx": build_scores,
    "shop.xlsx": build_shop,
    "team.xlsx": build_team,
    "expenses.xlsx": build_expenses,
    "visitors.xlsx": build_visitors,
    "monthly_sales.xlsx": build_monthly_sales,
}


def build_books() -> list[Book]:
    """Build and save every workbook; return their Books in README order."""
    rng = random.Random(SEED)
    books: list[Book] = []
    for builder in SHARED_SEED_BUILDERS:
        book, wb = builder(rng)
        save_deterministic(wb, HERE / book.filename)
        books.append(book)
    for filename, later in OWN_SEED_BUILDERS.items():
        book, wb = later(book_rng(filename))
        if book.filename != filename:
            raise ValueError(f"{later.__name__} built {book.filename}, not {filename}")
        save_deterministic(wb, HERE / book.filename)
        books.append(book)
    return books


def check_features(cases: list[dict[str, Any]]) -> None:
    """Every everyday case carries exactly one known feature tag."""
    for case in cases:
        features = [tag for tag in case["tags"] if tag in EVERYDAY_FEATURES]
        if len(features) != 1:
            raise ValueError(f"{case['id']}: feature tags {features}, expected exactly one")


def main() -> None:
    books = build_books()
    cases = build_cases(books[: len(SHARED_SEED_BUILDERS)], SPECS_FOR)
    questions, shown = build_questions(books, QUESTIONS_FOR)
    everyday, everyday_shown = build_questions(books, EVERYDAY_FOR)
    check_features(everyday)
    CASES_PATH.parent.mkdir(parents=True, exist_ok=True)
    CASES_PATH.write_text(render_cases(cases), encoding="utf-8")
    QUESTIONS_PATH.write_text(render_cases(questions), encoding="utf-8")
    EVERYDAY_PATH.write_text(render_cases(everyday), encoding="utf-8")
    README_PATH.write_text(
        render_readme(
            books,
            cases,
            shown,
            len(questions),
            everyday=Everyday(everyday, everyday_shown, EVERYDAY_FEATURES),
        ),
        encoding="utf-8",
    )
    print(f"wrote {len(books)} workbooks, {len(cases)} cases to {CASES_PATH}")
    print(f"wrote {len(questions)} questions to {QUESTIONS_PATH}")
    print(f"wrote {len(everyday)} everyday questions to {EVERYDAY_PATH}")


if __name__ == "__main__":
    main()
