"""Wide tables, one column per period: visitors.xlsx (Country, 2015 .. 2022) and
monthly_sales.xlsx (Product, Jan .. Dec)."""

from __future__ import annotations

import random

from openpyxl import Workbook

from ..table import Book, Table
from .writing import active_sheet, write_table

VISITOR_YEARS = list(range(2015, 2023))
# country -> international arrivals in 2015, in thousands
VISITOR_BASE = {
    "France": 84_500,
    "Spain": 68_200,
    "Italy": 50_700,
    "Germany": 35_000,
    "Austria": 26_700,
    "Greece": 23_600,
    "Portugal": 17_400,
    "Netherlands": 15_000,
    "Poland": 16_700,
    "Croatia": 12_700,
    "Czechia": 11_100,
    "Sweden": 6_800,
    "Denmark": 10_400,
    "Ireland": 9_500,
}
# 2020 and 2021 fell with the pandemic, 2022 mostly recovered
VISITOR_SHOCK = {2020: (0.25, 0.45), 2021: (0.35, 0.7), 2022: (0.8, 1.05)}

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  # fmt: skip
SEASONS = {
    "summer": [0.4, 0.5, 0.7, 0.9, 1.2, 1.6, 1.9, 1.8, 1.1, 0.7, 0.5, 0.4],
    "winter": [1.8, 1.6, 1.1, 0.7, 0.5, 0.3, 0.3, 0.4, 0.7, 1.1, 1.5, 1.9],
    "school": [0.8, 0.7, 0.7, 0.8, 0.8, 0.7, 0.9, 1.7, 2.2, 1.0, 0.8, 0.9],
    "holiday": [0.6, 0.6, 0.7, 0.7, 0.8, 0.8, 0.7, 0.8, 0.9, 1.2, 1.9, 2.6],
    "flat": [1.0, 0.9, 1.0, 1.0, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1],
}
# product -> (units in an average month, season)
MONTHLY_PRODUCTS = {
    "Umbrella": (620, "winter"),
    "Sunscreen": (840, "summer"),
    "Scarf": (450, "winter"),
    "Ice Cream Maker": (210, "summer"),
    "Hot Chocolate": (1_150, "winter"),
    "Notebook": (1_400, "school"),
    "Backpack": (380, "school"),
    "Water Bottle": (960, "summer"),
    "Candle": (700, "holiday"),
    "Phone Charger": (1_050, "flat"),
}


def build_visitors(rng: random.Random) -> tuple[Book, Workbook]:
    table = Table(
        sheet="Visitors",
        header_row=1,
        first_col=1,
        headers=["Country", *(str(year) for year in VISITOR_YEARS)],
    )
    for country, base in VISITOR_BASE.items():
        values: list[int] = []
        level = float(base)
        for year in VISITOR_YEARS:
            if year > VISITOR_YEARS[0] and year < 2020:
                level *= rng.uniform(1.0, 1.08)
            if year in VISITOR_SHOCK:
                low, high = VISITOR_SHOCK[year]
                values.append(round(values[VISITOR_YEARS.index(2019)] * rng.uniform(low, high)))
            else:
                values.append(round(level))
        table.rows.append([country, *values])

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    year_formats = {str(year): "#,##0" for year in VISITOR_YEARS}
    write_table(ws, table, formats=year_formats, widths={"Country": 14})
    for j, header in enumerate(table.headers):
        if header.isdigit():  # years are numbers in the header cells, as people type them
            ws.cell(row=table.header_row, column=table.first_col + j, value=int(header))

    description = (
        f"One wide sheet `{table.sheet}`: the header in row 1 starting at A1 is Country "
        f"followed by one column per year, {VISITOR_YEARS[0]} .. {VISITOR_YEARS[-1]} "
        f"(columns B..{table.last_col_letter}), and the year header cells hold numbers, "
        f"not text.  {len(table.rows)} countries (rows {table.first_data_row}.."
        f"{table.last_data_row}), each with its international visitor arrivals in thousands "
        f"as whole numbers (made up, with a dip in 2020-2021).  Nothing in the sheet names "
        f"the measure: a question says 'visitors', 'arrivals' or just 'value'."
    )
    return Book("visitors.xlsx", [table], description), wb


def build_monthly_sales(rng: random.Random) -> tuple[Book, Workbook]:
    table = Table(
        sheet="Monthly Sales",
        header_row=1,
        first_col=1,
        headers=["Product", *MONTHS_SHORT],
    )
    for product, (average, season) in MONTHLY_PRODUCTS.items():
        units = [round(average * factor * rng.uniform(0.85, 1.15)) for factor in SEASONS[season]]
        table.rows.append([product, *units])

    wb = Workbook()
    ws = active_sheet(wb, table.sheet)
    write_table(
        ws,
        table,
        formats={month: "#,##0" for month in MONTHS_SHORT},
        widths={"Product": 16},
    )
    ws.freeze_panes = "B2"

    description = (
        f"One wide sheet `{table.sheet}` (a space in the name, so formulas quote it): the "
        f"header in row 1 starting at A1 is Product followed by one column per month of "
        f"2024, {MONTHS_SHORT[0]} .. {MONTHS_SHORT[-1]} (columns B..{table.last_col_letter}), "
        f"with {len(table.rows)} products (rows {table.first_data_row}.."
        f"{table.last_data_row}) and units sold as whole numbers with a seasonal pattern "
        f"(sunscreen in summer, candles before Christmas).  There is no total row or column: "
        f"'sales in April' means the total of the Apr column."
    )
    return Book("monthly_sales.xlsx", [table], description), wb
