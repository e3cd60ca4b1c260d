"""Recompute a sample of the everyday expected answers a second way, from the saved workbooks.

build.py computes every expected value with pandas on the rows it generated; this script reads
the written .xlsx files back with openpyxl and recomputes a sample of cases with plain Python
loops, so a slip in either path (or in what was written to the sheet) shows up as a mismatch.

    python tests/data/everyday/check.py
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]


def table(book: str, sheet: str) -> list[Row]:
    """The data rows under the header row (the first row whose first used cell is text and
    which has at least three cells); a 'Total' row at the end is left out."""
    ws = openpyxl.load_workbook(HERE / "books" / book, data_only=True)[sheet]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    top = next(i for i, row in enumerate(grid) if sum(v is not None for v in row) >= 3)
    left = next(j for j, v in enumerate(grid[top]) if v is not None)
    headers = [str(h) for h in grid[top][left:] if h is not None]
    rows = []
    for raw in grid[top + 1 :]:
        cells = raw[left : left + len(headers)]
        if all(v is None for v in cells) or cells[0] == "Total":
            continue
        rows.append(dict(zip(headers, cells, strict=True)))
    return rows


def num(x: Any) -> float:
    if isinstance(x, str):
        return float(x.replace(",", ""))
    if isinstance(x, dt.time):
        return x.hour * 3600 + x.minute * 60 + x.second
    return float(x)


def day(x: Any) -> dt.date:
    return x.date() if isinstance(x, dt.datetime) else x


def argmax(rows: list[Row], key: Callable[[Row], float], label: str, sign: int = 1) -> str:
    best = max(rows, key=lambda r: sign * key(r))
    assert sum(sign * key(r) == sign * key(best) for r in rows) == 1
    return str(best[label])


def group(
    rows: list[Row], by: str, measure: Callable[[Row], float] | None = None
) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for r in rows:
        out[str(r[by])] += 1 if measure is None else measure(r)
    return dict(out)


def best_group(scores: dict[str, float], sign: int = 1) -> str:
    ranked = sorted(scores.items(), key=lambda kv: -sign * kv[1])
    assert ranked[0][1] != ranked[1][1]
    return ranked[0][0]


CHECKS: dict[tuple[str, str, str], Callable[[], Any]] = {}


def check(book: str, sheet: str, command: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    def register(fn: Callable[[], Any]) -> Callable[[], Any]:
        CHECKS[(book, sheet, command)] = fn
        return fn

    return register


# ---- orders -------------------------------------------------------------------------------
ORD = ("orders.xlsx", "Orders")


def orders() -> list[Row]:
    return table(*ORD)


@check(*ORD, "how many orders came from Paris")
def _o1() -> Any:
    return sum(r["City"] == "Paris" for r in orders())


@check(*ORD, "total revenue")
def _o2() -> Any:
    return sum(num(r["Qty"]) * r["Unit Price (€)"] for r in orders())


@check(*ORD, "how many orders since May 10")
def _o3() -> Any:
    return sum(day(r["Order Date"]) >= dt.date(2024, 5, 10) for r in orders())


@check(*ORD, "orders placed in Q3")
def _o4() -> Any:
    return sum(day(r["Order Date"]).month in (7, 8, 9) for r in orders())


@check(*ORD, "top 4 cities by number of orders")
def _o5() -> Any:
    return [c for c, _ in Counter(r["City"] for r in orders()).most_common(4)]


@check(*ORD, "how many orders mention refund in the notes")
def _o6() -> Any:
    return sum("refund" in (r["Notes"] or "").lower() for r in orders())


@check(*ORD, "number of orders by city and status")
def _o7() -> Any:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in orders():
        out[r["City"]][r["Status"]] += 1
    return out


@check(*ORD, "which customer did we sell the most to")
def _o8() -> Any:
    return best_group(group(orders(), "Customer", lambda r: num(r["Qty"]) * r["Unit Price (€)"]))


@check(*ORD, "how many orders from February to April")
def _o9() -> Any:
    return sum(2 <= day(r["Order Date"]).month <= 4 for r in orders())


@check(*ORD, "total quantity of cancelled orders")
def _o10() -> Any:
    return sum(num(r["Qty"]) for r in orders() if r["Status"] == "Cancelled")


# ---- invoices ------------------------------------------------------------------------------
I = ("invoices.xlsx", "Invoices")  # noqa: E741


@check(*I, "total of unpaid invoices")
def _i1() -> Any:
    return sum(num(r["Amount"]) for r in table(*I) if r["Paid"] == "No")


@check(*I, "which client has the largest outstanding balance")
def _i2() -> Any:
    return best_group(
        group([r for r in table(*I) if r["Paid"] == "No"], "Client", lambda r: num(r["Amount"]))
    )


@check(*I, "how many invoices were issued between 15 January and 15 March 2024")
def _i3() -> Any:
    lo, hi = dt.date(2024, 1, 15), dt.date(2024, 3, 15)
    return sum(lo <= day(r["Issue Date"]) <= hi for r in table(*I))


@check(*I, "average number of days between issue date and due date")
def _i4() -> Any:
    rows = table(*I)
    return sum((day(r["Due Date"]) - day(r["Issue Date"])).days for r in rows) / len(rows)


@check(*I, "how many invoices under 3.5k")
def _i5() -> Any:
    return sum(num(r["Amount"]) < 3500 for r in table(*I))


# ---- staff ---------------------------------------------------------------------------------
S = ("staff.xlsx", "Staff")


@check(*S, "how many inactive employees")
def _s1() -> Any:
    return sum(r["Active"] is False for r in table(*S))


@check(*S, "average salary of active staff")
def _s2() -> Any:
    sal = [num(r["Salary (€)"]) for r in table(*S) if r["Active"] is True]
    return sum(sal) / len(sal)


@check(*S, "headcount by department and gender")
def _s3() -> Any:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in table(*S):
        out[r["Department"]][r["Gender"]] += 1
    return out


@check(*S, "top 3 earners")
def _s4() -> Any:
    rows = sorted(table(*S), key=lambda r: -num(r["Salary (€)"]))
    return [r["Employee"] for r in rows[:3]]


@check(*S, "the longest-serving employee")
def _s5() -> Any:
    return argmax(table(*S), lambda r: day(r["Hire Date"]).toordinal(), "Employee", -1)


@check(*S, "staff with a salary between €45,000 and €55,000")
def _s6() -> Any:
    return sum(45000 <= num(r["Salary (€)"]) <= 55000 for r in table(*S))


@check(*S, "how many hires in Q4 2022")
def _s7() -> Any:
    return sum(
        dt.date(2022, 10, 1) <= day(r["Hire Date"]) <= dt.date(2022, 12, 31) for r in table(*S)
    )


# ---- tickets -------------------------------------------------------------------------------
T = ("tickets.xlsx", "Tickets")


@check(*T, "how many hotmail addresses")
def _t1() -> Any:
    return sum(r["Customer Email"].endswith("@hotmail.com") for r in table(*T))


@check(*T, "tickets not resolved")
def _t2() -> Any:
    return sum(r["Status"] != "Resolved" for r in table(*T))


@check(*T, "which agent has the fastest average resolution time")
def _t3() -> Any:
    hours: dict[str, list[float]] = defaultdict(list)
    for r in table(*T):
        if r["Resolution (hours)"] is not None:
            hours[r["Agent"]].append(r["Resolution (hours)"])
    return best_group({a: sum(h) / len(h) for a, h in hours.items()}, -1)


@check(*T, "tickets opened in December")
def _t4() -> Any:
    return sum(day(r["Opened"]).month == 12 for r in table(*T))


@check(*T, "count of tickets by priority and status")
def _t5() -> Any:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in table(*T):
        out[r["Priority"]][r["Status"]] += 1
    return out


# ---- lab -----------------------------------------------------------------------------------
L = ("lab.xlsx", "Readings")


@check(*L, "lead results above 10 µg/L")
def _l1() -> Any:
    return sum(r["Test"] == "Lead" and r["Result"] > 10 for r in table(*L))


@check(*L, "how many samples failed")
def _l2() -> Any:
    return sum(r["Passed"] == "no" for r in table(*L))


@check(*L, "average result by test")
def _l3() -> Any:
    vals: dict[str, list[float]] = defaultdict(list)
    for r in table(*L):
        vals[r["Test"]].append(r["Result"])
    return {k: sum(v) / len(v) for k, v in vals.items()}


# ---- sports --------------------------------------------------------------------------------
P = ("sports.xlsx", "Players")
R = ("sports.xlsx", "10K Race")


@check(*P, "which player has the best goals per match ratio")
def _p1() -> Any:
    return argmax(table(*P), lambda r: r["Goals"] / r["Matches"], "Player")


@check(*P, "who scored the fewest goals")
def _p2() -> Any:
    return argmax(table(*P), lambda r: r["Goals"], "Player", -1)


@check(*P, "goals by team")
def _p3() -> Any:
    return group(table(*P), "Team", lambda r: r["Goals"])


@check(*P, "total goals divided by total matches")
def _p4() -> Any:
    rows = table(*P)
    return sum(r["Goals"] for r in rows) / sum(r["Matches"] for r in rows)


@check(*R, "which runner had the slowest time")
def _r1() -> Any:
    return argmax(table(*R), lambda r: num(r["Finish Time"]), "Runner")


@check(*R, "the 3 fastest runners")
def _r2() -> Any:
    return [r["Runner"] for r in sorted(table(*R), key=lambda r: num(r["Finish Time"]))[:3]]


# ---- expenses ------------------------------------------------------------------------------
E = ("expenses.xlsx", "Expenses")


@check(*E, "the 3 biggest spenders")
def _e1() -> Any:
    totals = group(table(*E), "Employee", lambda r: r["Amount (£)"])
    return [k for k, _ in sorted(totals.items(), key=lambda kv: -kv[1])[:3]]


@check(*E, "how many expenses mention taxi")
def _e2() -> Any:
    return sum("taxi" in r["Description"].lower() for r in table(*E))


@check(*E, "how many expenses between £50 and £200")
def _e3() -> Any:
    return sum(50 <= r["Amount (£)"] <= 200 for r in table(*E))


@check(*E, "spending during the first quarter")
def _e4() -> Any:
    return sum(r["Amount (£)"] for r in table(*E) if day(r["Date"]).month <= 3)


@check(*E, "total amount by employee and category")
def _e5() -> Any:
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in table(*E):
        out[r["Employee"]][r["Category"]] += r["Amount (£)"]
    return out


# ---- pipeline ------------------------------------------------------------------------------
PL = ("pipeline.xlsx", "Pipeline")


@check(*PL, "expected revenue")
def _pl1() -> Any:
    return sum(r["Amount ($)"] * r["Win Probability"] for r in table(*PL))


@check(*PL, "how many deals are at most 20% likely to close")
def _pl2() -> Any:
    return sum(r["Win Probability"] <= 0.2 + 1e-12 for r in table(*PL))


@check(*PL, "deals worth at least 1.5 million")
def _pl3() -> Any:
    return sum(r["Amount ($)"] >= 1_500_000 for r in table(*PL))


@check(*PL, "total amount by region and stage")
def _pl4() -> Any:
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in table(*PL):
        out[r["Region"]][r["Stage"]] += r["Amount ($)"]
    return out


@check(*PL, "deals expected to close in the third quarter")
def _pl5() -> Any:
    return sum(day(r["Expected Close"]).month in (7, 8, 9) for r in table(*PL))


# ---- tourism -------------------------------------------------------------------------------
A = ("tourism.xlsx", "Arrivals")


@check(*A, "value for France in 2019")
def _a1() -> Any:
    return next(r["2019"] for r in table(*A) if r["Country"] == "France")


@check(*A, "total 2020")
def _a2() -> Any:
    return sum(r["2020"] for r in table(*A))


@check(*A, "which country had the highest 2021")
def _a3() -> Any:
    return argmax(table(*A), lambda r: r["2021"], "Country")


@check(*A, "top 3 countries in 2022")
def _a4() -> Any:
    return [r["Country"] for r in sorted(table(*A), key=lambda r: -r["2022"])[:3]]


@check(*A, "how many countries had more arrivals in 2022 than in 2019")
def _a5() -> Any:
    return sum(r["2022"] > r["2019"] for r in table(*A))


# ---- monthly -------------------------------------------------------------------------------
U = ("monthly.xlsx", "Units")
B = ("monthly.xlsx", "Budget")


@check(*U, "sales in April")
def _u1() -> Any:
    return sum(r["Apr"] for r in table(*U))


@check(*U, "which product sold most in June")
def _u2() -> Any:
    return argmax(table(*U), lambda r: r["Jun"], "Product")


@check(*U, "total for the first quarter")
def _u3() -> Any:
    return sum(r["Jan"] + r["Feb"] + r["Mar"] for r in table(*U))


@check(*B, "average monthly budget for IT")
def _b1() -> Any:
    row = next(r for r in table(*B) if r["Department"] == "IT")
    return sum(v for k, v in row.items() if k != "Department") / 12


# ---- stores (offset table with a Total row) ------------------------------------------------
ST = ("stores.xlsx", "Summary")


@check(*ST, "how many stores are there")
def _st1() -> Any:
    return len(table(*ST))


@check(*ST, "average revenue per store")
def _st2() -> Any:
    rows = table(*ST)
    return sum(r["Revenue (€)"] for r in rows) / len(rows)


@check(*ST, "which store missed its target by the most")
def _st3() -> Any:
    return argmax(table(*ST), lambda r: r["Revenue (€)"] - r["Target (€)"], "Store", -1)


@check(*ST, "total gross profit")
def _st4() -> Any:
    return sum(r["Revenue (€)"] * r["Gross Margin %"] / 100 for r in table(*ST))


@check(*ST, "stores with a gross margin of at least 15%")
def _st5() -> Any:
    return sum(r["Gross Margin %"] >= 15 for r in table(*ST))


# ---- members / inventory -------------------------------------------------------------------
M = ("members.xlsx", "Members")


@check(*M, "list the members who joined in 2023")
def _m1() -> Any:
    return [r["Member"] for r in table(*M) if day(r["Joined"]).year == 2023]


@check(*M, "total monthly fees of members who renewed")
def _m2() -> Any:
    return sum(r["Monthly Fee ($)"] for r in table(*M) if r["Renewed"] == "Yes")


@check(*M, "members who joined since 10 May 2024")
def _m3() -> Any:
    return sum(day(r["Joined"]) >= dt.date(2024, 5, 10) for r in table(*M))


@check("inventory.xlsx", "Stock", "inventory value")
def _n1() -> Any:
    return sum(r["On Hand"] * r["Unit Price (£)"] for r in table("inventory.xlsx", "Stock"))


@check("inventory.xlsx", "Catalog", "total margin")
def _n2() -> Any:
    return sum(r["Price (£)"] - r["Cost (£)"] for r in table("inventory.xlsx", "Catalog"))


@check("inventory.xlsx", "Catalog", "items under 5 kg")
def _n3() -> Any:
    return sum(r["Weight (kg)"] < 5 for r in table("inventory.xlsx", "Catalog"))


@check("inventory.xlsx", "Suppliers", "how many suppliers are in Leeds")
def _n4() -> Any:
    return sum(r["City"] == "Leeds" for r in table("inventory.xlsx", "Suppliers"))


# ---- a few more, across the classes --------------------------------------------------------
MONTH_NAMES = ["July", "August", "September"]


@check(*B, "total budget for Q3")
def _x1() -> Any:
    return sum(r[m] for r in table(*B) for m in MONTH_NAMES)


@check(*B, "which month has the lowest total budget")
def _x2() -> Any:
    rows = table(*B)
    months = [k for k in rows[0] if k != "Department"]
    return best_group({m: sum(r[m] for r in rows) for m in months}, -1)


@check(*U, "which month had the highest total sales")
def _x3() -> Any:
    rows = table(*U)
    months = [k for k in rows[0] if k not in ("Product", "Total")]
    return best_group({m: sum(r[m] for r in rows) for m in months})


@check("inventory.xlsx", "Stock", "units on hand by item and warehouse")
def _x4() -> Any:
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in table("inventory.xlsx", "Stock"):
        out[r["Item"]][r["Warehouse"]] += r["On Hand"]
    return out


@check(*ORD, "how many customers are in Lyon")
def _x5() -> Any:
    return len({r["Customer"] for r in orders() if r["City"] == "Lyon"})


@check(*ORD, "list the customers in Madrid")
def _x6() -> Any:
    return sorted({r["Customer"] for r in orders() if r["City"] == "Madrid"})


@check("inventory.xlsx", "Catalog", "how many items have 'box' in the name")
def _x7() -> Any:
    return sum("box" in r["Item"].lower() for r in table("inventory.xlsx", "Catalog"))


@check(*E, "total since 1 July 2024")
def _x8() -> Any:
    return sum(r["Amount (£)"] for r in table(*E) if day(r["Date"]) >= dt.date(2024, 7, 1))


@check(*T, "how many tickets since April 15")
def _x9() -> Any:
    return sum(day(r["Opened"]) >= dt.date(2024, 4, 15) for r in table(*T))


@check("tourism.xlsx", "Receipts", "top 5 countries by 2015 receipts")
def _x10() -> Any:
    rows = sorted(table("tourism.xlsx", "Receipts"), key=lambda r: -r["2015"])
    return [r["Country"] for r in rows[:5]]


@check(*ST, "how many stores made between €1M and €2M")
def _x11() -> Any:
    return sum(1_000_000 <= r["Revenue (€)"] <= 2_000_000 for r in table(*ST))


@check(*M, "count of members by plan and renewed")
def _x12() -> Any:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in table(*M):
        out[r["Plan"]][r["Renewed"]] += 1
    return out


# --------------------------------------------------------------------------------------------


def same(got: Any, want: Any, unordered: bool = False) -> bool:
    if isinstance(want, dict):
        return (
            isinstance(got, dict)
            and set(map(str, got)) == set(want)
            and all(same(got[k], want[k]) for k in got)
        )
    if isinstance(want, list):
        if unordered:
            return sorted(map(str, got)) == sorted(map(str, want))
        return list(map(str, got)) == list(map(str, want))
    if isinstance(want, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)
    return str(got) == str(want)


def main() -> int:
    cases = {
        (c["book"], c["sheet"], c["command"]): c
        for c in map(json.loads, (HERE / "cases.jsonl").read_text(encoding="utf-8").splitlines())
    }
    bad = 0
    for key, fn in CHECKS.items():
        case = cases.get(key)
        if case is None:
            print(f"MISSING case {key}")
            bad += 1
            continue
        got = fn()
        if not same(got, case["expected"], case.get("unordered", False)):
            bad += 1
            print(f"MISMATCH {case['id']} {key[2]!r}: recomputed {got!r}")
            print(f"    expected {case['expected']!r}")
    print(f"{len(CHECKS) - bad}/{len(CHECKS)} expected values recomputed the same way")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
