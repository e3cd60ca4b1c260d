"""Build dev2/cases.jsonl: a second dev set of everyday questions over the suite's workbooks.

Written by a helper that saw neither nlsheet's training data nor its tests, in its own words;
every answer is computed here from the workbooks (pandas), never typed by hand. It is a dev set:
its failures were read while fixing general rules, so it measures nothing held out (the suite's
test split does). A bare noun phrase ('stores with Paris in the name') counts its rows, as the
suite's convention says (../build.py).

    python tests/data/everyday/dev2/build.py
"""

import datetime as dt
import json
import math
import warnings
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd

warnings.filterwarnings("ignore")
HERE = Path(__file__).resolve().parent
BOOKS = str(HERE.parent / "books")
OUT = str(HERE / "cases.jsonl")


# ---------------------------------------------------------------- loading
def load(book, sheet):
    """Header = first row whose filled cells are as many as the widest row;
    empty columns dropped; a trailing row labelled 'Total' dropped; numbers
    stored as text converted to numbers in numeric columns."""
    ws = openpyxl.load_workbook(f"{BOOKS}/{book}", data_only=True)[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    width = max(sum(v is not None for v in r) for r in rows)
    h = next(i for i, r in enumerate(rows) if sum(v is not None for v in r) == width)
    cols = [j for j, v in enumerate(rows[h]) if v is not None]
    header = [rows[h][j] for j in cols]
    data = []
    for r in rows[h + 1 :]:
        vals = [r[j] for j in cols]
        if all(v is None for v in vals):
            continue
        first = next(v for v in vals if v is not None)
        if isinstance(first, str) and first.strip().lower() == "total":
            continue
        data.append(vals)
    df = pd.DataFrame(data, columns=header)
    for c in df.columns:
        filled = [
            v for v in df[c] if v is not None and not (isinstance(v, float) and math.isnan(v))
        ]
        nums = sum(isinstance(v, (int, float)) and not isinstance(v, bool) for v in filled)
        if filled and nums >= len(filled) / 2:

            def conv(v):
                if isinstance(v, str):
                    f = float(v.replace(",", ""))
                    return int(f) if f.is_integer() else f
                return v

            df[c] = df[c].map(conv)
    return df


_cache = {}


def frame_of(book, sheet):
    if (book, sheet) not in _cache:
        _cache[(book, sheet)] = load(book, sheet)
    return _cache[(book, sheet)].copy()


# ---------------------------------------------------------------- helpers
def py(x):
    """numpy / pandas scalars -> plain python."""
    if isinstance(x, dict):
        return {str(k): py(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [py(v) for v in x]
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, (pd.Timestamp, dt.datetime, dt.date)):
        return x.strftime("%Y-%m-%d")
    return x


def fsum(s):
    """sum in sheet order (plain python), ints stay ints."""
    vals = [py(v) for v in s if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return sum(vals)


def mean(s):
    vals = [py(v) for v in s if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return sum(vals) / len(vals)


def top(mapping, n=1, largest=True):
    """keys of the n best values; refuses a tie at the cut."""
    items = sorted(mapping.items(), key=lambda kv: kv[1], reverse=largest)
    if len(items) > n:
        assert items[n - 1][1] != items[n][1], f"tie at cut: {items[: n + 1]}"
    keys = [k for k, _ in items[:n]]
    return keys[0] if n == 1 else keys


def group(df, key, val=None, agg="sum"):
    """dict group -> aggregate, groups in sheet order of first appearance."""
    out = {}
    for g in dict.fromkeys(df[key]):
        part = df[df[key] == g]
        if agg == "count":
            out[g] = len(part)
        elif agg == "sum":
            out[g] = fsum(part[val])
        elif agg == "mean":
            out[g] = mean(part[val])
    return out


def group2(df, k1, k2, val=None, agg="sum"):
    out = {}
    for g1 in dict.fromkeys(df[k1]):
        sub = df[df[k1] == g1]
        out[g1] = group(sub, k2, val, agg)
    # every combination must exist, otherwise the expected object is unclear
    inner = set(df[k2])
    for g1, d in out.items():
        assert set(d) == inner, f"missing combo under {g1}: {inner - set(d)}"
    return out


def in_month(s, y, m):
    return (s.dt.year == y) & (s.dt.month == m)


def between(s, a, b):
    return (s >= pd.Timestamp(a)) & (s <= pd.Timestamp(b))


def lst(s):
    return [py(v) for v in s]


def absent(book, sheet, col, needle):
    """assert that no cell of col contains needle (for refuse cases)."""
    df = frame_of(book, sheet)
    assert col in df.columns
    assert not df[col].astype(str).str.contains(needle, case=False).any(), needle


def no_col(book, sheet, word):
    df = frame_of(book, sheet)
    assert not any(word.lower() in str(c).lower() for c in df.columns), word


# ---------------------------------------------------------------- cases
CASES = []


def case(book, sheet, cls, command, fn=None, kind="value", unordered=False):
    CASES.append(
        dict(
            book=book, sheet=sheet, cls=cls, command=command, fn=fn, kind=kind, unordered=unordered
        )
    )


def clarify(book, sheet, cls, command):
    case(book, sheet, cls, command, None, "clarify")


def refuse(book, sheet, cls, command, check):
    check()
    case(book, sheet, cls, command, None, "refuse")


# ======================= expenses
B, S = "expenses.xlsx", "Expenses"
AMT = "Amount (£)"
case(
    B,
    S,
    "plain",
    "what's the total we spent on meals?",
    lambda d: fsum(d[d.Category == "Meals"][AMT]),
)
case(
    B,
    S,
    "status",
    "how much is tied up in expenses that haven't been approved",
    lambda d: fsum(d[d.Approved == "No"][AMT]),
)
case(
    B,
    S,
    "status",
    "count Hana Schmidt's approved claims",
    lambda d: len(d[(d.Approved == "Yes") & (d.Employee == "Hana Schmidt")]),
)
case(
    B,
    S,
    "dates",
    "Total expenses for Q1 2024?",
    lambda d: fsum(d[between(d.Date, "2024-01-01", "2024-03-31")][AMT]),
)
case(
    B,
    S,
    "dates",
    "how much did we spend in december",
    lambda d: fsum(d[d.Date.dt.month == 12][AMT]),
)
case(
    B,
    S,
    "text_match",
    "how many claims were for Airbnb stays?",
    lambda d: int(d.Description.str.contains("airbnb", case=False).sum()),
)
case(
    B,
    S,
    "dates",
    "sum of expences in the second half of 2023",
    lambda d: fsum(d[between(d.Date, "2023-07-01", "2023-12-31")][AMT]),
)
case(B, S, "x_by_y", "amount by category", lambda d: group(d, "Category", AMT))
case(
    B,
    S,
    "superlative",
    "Which employee has claimed the most money overall?",
    lambda d: top(group(d, "Employee", AMT)),
)
case(
    B,
    S,
    "text_match",
    "how much have we spent on taxis",
    lambda d: fsum(d[d.Description.str.contains("taxi", case=False)][AMT]),
)
case(
    B,
    S,
    "text_match",
    "How many expenses mention Leeds in the description?",
    lambda d: int(d.Description.str.contains("Leeds", case=False).sum()),
)
case(B, S, "quantities", "how many claims were over £1,000?", lambda d: int((d[AMT] > 1000).sum()))
case(
    B,
    S,
    "quantities",
    "total of all expenses between £100 and £500",
    lambda d: fsum(d[(d[AMT] >= 100) & (d[AMT] <= 500)][AMT]),
)
case(
    B,
    S,
    "two_keys",
    "break down spend by category and approval status",
    lambda d: group2(d, "Category", "Approved", AMT),
)
case(
    B,
    S,
    "row_noun",
    "how many expense claims did Marta Rossi submit?",
    lambda d: int((d.Employee == "Marta Rossi").sum()),
)
clarify(B, S, "plain", "what's the total for Fischer")
refuse(
    B,
    S,
    "plain",
    "how much did we spend on equipment?",
    lambda: absent(B, S, "Category", "equipment"),
)
refuse(
    B,
    S,
    "plain",
    "total mileage claimed in March pls",
    lambda: (no_col(B, S, "mile"), absent(B, S, "Description", "mileage")),
)

# ======================= inventory
B = "inventory.xlsx"
S = "Stock"
UP = "Unit Price (£)"
case(
    B,
    S,
    "derived",
    "what's the total value of the stock we have on hand?",
    lambda d: fsum(d["On Hand"] * d[UP]),
)
case(
    B,
    S,
    "derived",
    "stock value in the Glasgow warehous",
    lambda d: fsum(d[d.Warehouse == "Glasgow"]["On Hand"] * d[d.Warehouse == "Glasgow"][UP]),
)
case(B, S, "x_by_y", "units on hand by warehouse", lambda d: group(d, "Warehouse", "On Hand"))
case(B, S, "plain", "which SKUs are out of stock?", lambda d: lst(d[d["On Hand"] == 0].SKU))
case(
    B,
    S,
    "derived",
    "how many stock lines are below their reorder level",
    lambda d: int((d["On Hand"] < d["Reorder Level"]).sum()),
)
case(
    B,
    S,
    "quantities",
    "How many SKUs have a unit price above £1k?",
    lambda d: int((d[UP] > 1000).sum()),
)
case(
    B,
    S,
    "superlative",
    "which item do we hold the most of across all warehouses",
    lambda d: top(group(d, "Item", "On Hand")),
)
case(
    B,
    S,
    "text_match",
    "how many stock lines are sold by the box?",
    lambda d: int(d.Item.str.contains("(box)", regex=False).sum()),
)
clarify(B, S, "superlative", "what's our most valuable item?")
refuse(
    B,
    S,
    "row_noun",
    "how many units are held in Cardiff?",
    lambda: absent(B, S, "Warehouse", "Cardiff"),
)
S = "Suppliers"
case(
    B,
    S,
    "row_noun",
    "number of suppliers located in Bristol",
    lambda d: int((d.City == "Bristol").sum()),
)
case(
    B,
    S,
    "superlative",
    "which suplier has the shortest lead time",
    lambda d: d.loc[top(dict(d["Lead Time (days)"].items()), largest=False), "Supplier"],
)
case(
    B,
    S,
    "quantities",
    "list the suppliers rated 4.5 or higher",
    lambda d: lst(d[d.Rating >= 4.5].Supplier),
)
case(
    B,
    S,
    "plain",
    "who's our contact at Tees Tools",
    lambda d: d[d.Supplier == "Tees Tools"].Contact.iloc[0],
)
case(B, S, "x_by_y", "suppliers by city", lambda d: group(d, "City", agg="count"))
case(
    B,
    S,
    "text_match",
    "suppliers with Tools in the name",
    lambda d: len(lst(d[d.Supplier.str.contains("Tools")].Supplier)),
)
S = "Catalog"
case(
    B,
    S,
    "derived",
    "whats the margin on a cordless drill",
    lambda d: py(
        d[d.Item == "Cordless Drill"]["Price (£)"].iloc[0]
        - d[d.Item == "Cordless Drill"]["Cost (£)"].iloc[0]
    ),
)
case(
    B,
    S,
    "quantities",
    "which catalogue items weigh under 1 kg?",
    lambda d: lst(d[d["Weight (kg)"] < 1].Item),
)
refuse(B, S, "plain", "what colour is the Tool Chest?", lambda: no_col(B, S, "colo"))

# ======================= invoices
B, S = "invoices.xlsx", "Invoices"
case(B, S, "status", "how many invoices are still unpaid?", lambda d: int((d.Paid == "No").sum()))
case(
    B,
    S,
    "status",
    "total of unpaid invoices in GBP",
    lambda d: fsum(d[(d.Paid == "No") & (d.Currency == "GBP")].Amount),
)
case(
    B,
    S,
    "dates",
    "How many invoices did we issue in March 2024?",
    lambda d: int(in_month(d["Issue Date"], 2024, 3).sum()),
)
case(
    B,
    S,
    "dates",
    "list unpaid invoices that were due before February 2024",
    lambda d: lst(d[(d.Paid == "No") & (d["Due Date"] < pd.Timestamp("2024-02-01"))]["Invoice No"]),
)
case(B, S, "x_by_y", "number of invoices per currency", lambda d: group(d, "Currency", agg="count"))
case(B, S, "x_by_y", "amount by currency", lambda d: group(d, "Currency", "Amount"))
case(
    B,
    S,
    "superlative",
    "which client did we bill the most in GBP?",
    lambda d: top(group(d[d.Currency == "GBP"], "Client", "Amount")),
)
case(
    B,
    S,
    "superlative",
    "what's the invoice number of our largest EUR invoice",
    lambda d: d.loc[top(dict(d[d.Currency == "EUR"].Amount.items())), "Invoice No"],
)
case(
    B,
    S,
    "quantities",
    "USD invoices between $5,000 and $10,000 - how many?",
    lambda d: int(((d.Currency == "USD") & (d.Amount >= 5000) & (d.Amount <= 10000)).sum()),
)
case(
    B,
    S,
    "derived",
    "on average how many days do clients get between issue date and due date",
    lambda d: mean((d["Due Date"] - d["Issue Date"]).dt.days),
)
case(
    B,
    S,
    "two_keys",
    "total amount by currency and paid status",
    lambda d: group2(d, "Currency", "Paid", "Amount"),
)
case(
    B,
    S,
    "text_match",
    "how many invoice numbers start with INV-2024",
    lambda d: int(d["Invoice No"].str.startswith("INV-2024").sum()),
)
clarify(B, S, "plain", "what's the total we've invoiced?")
refuse(B, S, "x_by_y", "how much did we invoice in CHF", lambda: absent(B, S, "Currency", "CHF"))
case(
    B,
    S,
    "row_noun",
    "Which clients have unpaid invoices?",
    lambda d: list(dict.fromkeys(d[d.Paid == "No"].Client)),
    unordered=True,
)
case(
    B,
    S,
    "dates",
    "total USD invoiced in H1 2024",
    lambda d: fsum(
        d[(d.Currency == "USD") & between(d["Issue Date"], "2024-01-01", "2024-06-30")].Amount
    ),
)
case(
    B,
    S,
    "plain",
    "when is INV-2024-063 due?",
    lambda d: py(d[d["Invoice No"] == "INV-2024-063"]["Due Date"].iloc[0]),
)

# ======================= lab
B, S = "lab.xlsx", "Readings"
case(B, S, "status", "how many samples failed?", lambda d: int((d.Passed == "no").sum()))
case(
    B,
    S,
    "status",
    "which pH samples at Harbour Lab didn't pass",
    lambda d: lst(d[(d.Test == "pH") & (d.Lab == "Harbour Lab") & (d.Passed == "no")]["Sample ID"]),
)
case(
    B,
    S,
    "dates",
    "samples collected in february - how many",
    lambda d: int((d.Date.dt.month == 2).sum()),
)
case(
    B,
    S,
    "dates",
    "average nitrate result from February to March",
    lambda d: mean(d[(d.Test == "Nitrate") & between(d.Date, "2024-02-01", "2024-03-31")].Result),
)
case(B, S, "x_by_y", "samples by lab", lambda d: group(d, "Lab", agg="count"))
case(
    B,
    S,
    "two_keys",
    "average result by lab and test",
    lambda d: group2(d, "Lab", "Test", "Result", "mean"),
)
case(
    B,
    S,
    "superlative",
    "Which lab had the most failures?",
    lambda d: top(group(d[d.Passed == "no"], "Lab", agg="count")),
)
case(
    B,
    S,
    "superlative",
    "which sample had the highest lead reading",
    lambda d: d.loc[top(dict(d[d.Test == "Lead"].Result.items())), "Sample ID"],
)
case(
    B,
    S,
    "quantities",
    "how many lead results were above 10 µg/L?",
    lambda d: int(((d.Test == "Lead") & (d.Result > 10)).sum()),
)
case(
    B,
    S,
    "quantities",
    "turbidity readings under 1 NTU, how many?",
    lambda d: int(((d.Test == "Turbidity") & (d.Result < 1)).sum()),
)
case(B, S, "plain", "averge pH reading", lambda d: mean(d[d.Test == "pH"].Result))
clarify(B, S, "plain", "what's the average result?")
refuse(
    B, S, "row_noun", "how many samples did South Lab test", lambda: absent(B, S, "Lab", "South")
)
refuse(B, S, "dates", "average chlorine level in March", lambda: absent(B, S, "Test", "chlorine"))
case(
    B,
    S,
    "row_noun",
    "How many samples did Central Lab run in April?",
    lambda d: int(((d.Lab == "Central Lab") & (d.Date.dt.month == 4)).sum()),
)
case(
    B,
    S,
    "dates",
    "number of samples since March 15",
    lambda d: int((d.Date >= pd.Timestamp("2024-03-15")).sum()),
)

# ======================= members
B, S = "members.xlsx", "Members"
FEE = "Monthly Fee ($)"
case(
    B,
    S,
    "row_noun",
    "which members in Denver joined in 2024?",
    lambda d: lst(d[(d.City == "Denver") & (d.Joined.dt.year == 2024)].Member),
)
case(B, S, "status", "how many members didn't renew", lambda d: int((d.Renewed == "No").sum()))
case(
    B,
    S,
    "status",
    "list the premium members who renewed",
    lambda d: lst(d[(d.Plan == "Premium") & (d.Renewed == "Yes")].Member),
)
case(
    B,
    S,
    "dates",
    "how many people joined in the second half of 2022?",
    lambda d: int(between(d.Joined, "2022-07-01", "2022-12-31").sum()),
)
case(
    B,
    S,
    "dates",
    "who joined before April 2022",
    lambda d: lst(d[d.Joined < pd.Timestamp("2022-04-01")].Member),
)
case(B, S, "x_by_y", "monthly fees by plan", lambda d: group(d, "Plan", FEE))
case(
    B,
    S,
    "superlative",
    "which city has the fewest members?",
    lambda d: top(group(d, "City", agg="count"), largest=False),
)
case(B, S, "quantities", "members paying under $10 a month", lambda d: int((d[FEE] < 10).sum()))
case(
    B,
    S,
    "derived",
    "what's the annual fee income from members who renewed (monthly fee x 12)?",
    lambda d: fsum(d[d.Renewed == "Yes"][FEE] * 12),
)
case(
    B,
    S,
    "two_keys",
    "count membrs by plan and whether they renewed",
    lambda d: group2(d, "Plan", "Renewed", agg="count"),
)
case(B, S, "plain", "average monthly fee", lambda d: mean(d[FEE]))
case(
    B,
    S,
    "text_match",
    "members with the surname Silva",
    lambda d: len(lst(d[d.Member.str.split().str[-1] == "Silva"].Member)),
)
clarify(B, S, "plain", "what plan is Paula on?")
refuse(
    B, S, "row_noun", "how many members live in Seattle", lambda: absent(B, S, "City", "Seattle")
)
case(
    B,
    S,
    "plain",
    "When did Tariq Ibrahim join?",
    lambda d: py(d[d.Member == "Tariq Ibrahim"].Joined.iloc[0]),
)
case(
    B,
    S,
    "superlative",
    "who joined most recenty",
    lambda d: d.loc[top(dict(d.Joined.items())), "Member"],
)
case(
    B,
    S,
    "dates",
    "new members from February to April 2024",
    lambda d: int(between(d.Joined, "2024-02-01", "2024-04-30").sum()),
)

# ======================= monthly
B = "monthly.xlsx"
S = "Units"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
case(
    B,
    S,
    "month_column",
    "how many yoga mats did we sell in March?",
    lambda d: py(d[d.Product == "Yoga Mat"].Mar.iloc[0]),
)
case(B, S, "month_column", "total units sold in July across all products", lambda d: fsum(d.Jul))
case(
    B,
    S,
    "month_column",
    "Which product sold the most in August?",
    lambda d: d.loc[top(dict(d.Aug.items())), "Product"],
)
case(
    B,
    S,
    "month_column",
    "Q2 units for Gaiters",
    lambda d: fsum(d[d.Product == "Gaiters"][["Apr", "May", "Jun"]].iloc[0]),
)
case(
    B,
    S,
    "superlative",
    "which product had the highest total for the year",
    lambda d: (
        (all(fsum(r[MONTHS]) == r.Total for _, r in d.iterrows()))
        and d.loc[top(dict(d.Total.items())), "Product"]
    ),
)
case(
    B,
    S,
    "derived",
    "how much did Road Shoe sales drop from January to June?",
    lambda d: py(d[d.Product == "Road Shoe"].Jan.iloc[0] - d[d.Product == "Road Shoe"].Jun.iloc[0]),
)
case(
    B,
    S,
    "quantities",
    "how many products sold more than 500 units in january",
    lambda d: int((d.Jan > 500).sum()),
)
clarify(B, S, "month_column", "how many Shoe units in May?")
refuse(
    B, S, "month_column", "sales of Tennis Racket in May", lambda: absent(B, S, "Product", "Tennis")
)
case(
    B,
    S,
    "month_column",
    "products that sold fewer than 100 in July",
    lambda d: len(lst(d[d.Jul < 100].Product)),
)
case(
    B,
    S,
    "month_column",
    "which month did Head Torch sell best",
    lambda d: top({m: py(d[d.Product == "Head Torch"][m].iloc[0]) for m in MONTHS}),
)
S = "Budget"
case(
    B,
    S,
    "month_column",
    "IT budget for September?",
    lambda d: py(d[d.Department == "IT"].September.iloc[0]),
)
case(
    B,
    S,
    "month_column",
    "total budget for the first quarter",
    lambda d: fsum(d.January) + fsum(d.February) + fsum(d.March),
)
case(
    B,
    S,
    "month_column",
    "which departments have more than 100k budgeted in June",
    lambda d: lst(d[d.June > 100000].Department),
)
case(
    B,
    S,
    "superlative",
    "which department has the smallest annual buget?",
    lambda d: top({r.Department: fsum(r.iloc[1:]) for _, r in d.iterrows()}, largest=False),
)
case(
    B,
    S,
    "x_by_y",
    "budget by department",
    lambda d: {r.Department: fsum(r.iloc[1:]) for _, r in d.iterrows()},
)
case(
    B,
    S,
    "two_keys",
    "budget by department and quarter",
    lambda d: {
        r.Department: {f"Q{q + 1}": fsum(r.iloc[1 + 3 * q : 4 + 3 * q]) for q in range(4)}
        for _, r in d.iterrows()
    },
)
refuse(
    B,
    S,
    "month_column",
    "what's Legal's budget for March",
    lambda: absent(B, S, "Department", "Legal"),
)
case(
    B,
    S,
    "month_column",
    "HR budget for the second half of the year",
    lambda d: fsum(
        d[d.Department == "HR"][
            ["July", "August", "September", "October", "November", "December"]
        ].iloc[0]
    ),
)

# ======================= orders
B, S = "orders.xlsx", "Orders"
UPE = "Unit Price (€)"


def val(d):
    return d.Qty * d[UPE]


case(B, S, "derived", "revenue from shipped orders", lambda d: fsum(val(d[d.Status == "Shipped"])))
case(B, S, "status", "how many orders haven't been paid?", lambda d: int((d.Paid == "No").sum()))
case(
    B,
    S,
    "status",
    "How many orders are not cancelled",
    lambda d: int((d.Status != "Cancelled").sum()),
)
case(
    B,
    S,
    "status",
    "list the pending orders that are unpaid",
    lambda d: lst(d[(d.Status == "Pending") & (d.Paid == "No")]["Order ID"]),
)
case(
    B,
    S,
    "dates",
    "number of orders in Q4 2023",
    lambda d: int(between(d["Order Date"], "2023-10-01", "2023-12-31").sum()),
)
case(
    B,
    S,
    "dates",
    "how many orders since 15 May?",
    lambda d: (
        (d["Order Date"][in_month(d["Order Date"], 2023, 5)].empty)
        and int((d["Order Date"] >= pd.Timestamp("2024-05-15")).sum())
    ),
)
case(B, S, "x_by_y", "quantity by product", lambda d: group(d, "Product", "Qty"))
case(B, S, "x_by_y", "orders by city", lambda d: group(d, "City", agg="count"))
case(
    B,
    S,
    "superlative",
    "top 3 products by units sold",
    lambda d: top(group(d, "Product", "Qty"), n=3),
)
case(
    B,
    S,
    "quantities",
    "how many orders were worth more than €2k",
    lambda d: int((val(d) > 2000).sum()),
)
case(
    B,
    S,
    "quantities",
    "orders with a quantity of at least 15 — how many?",
    lambda d: int((d.Qty >= 15).sum()),
)
case(
    B,
    S,
    "text_match",
    "how many oders have refund in the notes",
    lambda d: int(d.Notes.fillna("").str.contains("refund", case=False).sum()),
)
case(
    B,
    S,
    "text_match",
    "which customers complained about late delivery?",
    lambda d: list(
        dict.fromkeys(d[d.Notes.fillna("").str.contains("late delivery", case=False)].Customer)
    ),
    unordered=True,
)
case(
    B,
    S,
    "two_keys",
    "order count by city and paid",
    lambda d: group2(d, "City", "Paid", agg="count"),
)
clarify(B, S, "superlative", "what was our biggest order?")
case(
    B,
    S,
    "two_keys",
    "units by product and whether they're paid",
    lambda d: group2(d, "Product", "Paid", "Qty"),
)
refuse(B, S, "row_noun", "how many orders came from Rome", lambda: absent(B, S, "City", "Rome"))
refuse(B, S, "plain", "average shipping cost per order", lambda: no_col(B, S, "ship"))
case(B, S, "plain", "average quantity per order", lambda d: mean(d.Qty))
case(
    B,
    S,
    "dates",
    "how many units were ordered in march 2024",
    lambda d: fsum(d[in_month(d["Order Date"], 2024, 3)].Qty),
)

# ======================= pipeline
B, S = "pipeline.xlsx", "Pipeline"
AM, PR = "Amount ($)", "Win Probability"
case(
    B,
    S,
    "derived",
    "weighted pipeline value for EMEA",
    lambda d: fsum(d[d.Region == "EMEA"][AM] * d[d.Region == "EMEA"][PR]),
)
case(
    B,
    S,
    "derived",
    "which deal has the highest weighted value (amount x probability)?",
    lambda d: d.loc[top(dict((d[AM] * d[PR]).items())), "Deal"],
)
case(B, S, "x_by_y", "pipeline amount by stage", lambda d: group(d, "Stage", AM))
case(
    B,
    S,
    "superlative",
    "which owner has the most deals?",
    lambda d: top(group(d, "Owner", agg="count")),
)
case(
    B,
    S,
    "superlative",
    "the 3 biggest deals",
    lambda d: lst(d.loc[top(dict(d[AM].items()), n=3), "Deal"]),
)
case(B, S, "quantities", "how many deals are over $200k", lambda d: int((d[AM] > 200000).sum()))
case(
    B,
    S,
    "quantities",
    "deals with at least a 70% chance of winning - count",
    lambda d: int((d[PR] >= 0.7).sum()),
)
case(
    B,
    S,
    "dates",
    "How many deals are expected to close in Q3?",
    lambda d: int(between(d["Expected Close"], "2024-07-01", "2024-09-30").sum()),
)
case(
    B,
    S,
    "dates",
    "deals closing between March and May",
    lambda d: int(between(d["Expected Close"], "2024-03-01", "2024-05-31").sum()),
)
case(
    B,
    S,
    "text_match",
    "total value of renewal deals",
    lambda d: fsum(d[d.Deal.str.contains("renewal", case=False)][AM]),
)
case(
    B,
    S,
    "status",
    "how many deals are in negotiation",
    lambda d: int((d.Stage == "Negotiation").sum()),
)
clarify(B, S, "plain", "how much is the pipeline worth?")
clarify(B, S, "superlative", "what's Diego's best deal")
refuse(
    B,
    S,
    "row_noun",
    "list the deals in the Africa region",
    lambda: absent(B, S, "Region", "Africa"),
)
case(
    B,
    S,
    "plain",
    "average deal size for Hannah Wells",
    lambda d: mean(d[d.Owner == "Hannah Wells"][AM]),
)
case(B, S, "row_noun", "list Kwame's deals", lambda d: lst(d[d.Owner == "Kwame Asante"].Deal))
case(
    B,
    S,
    "quantities",
    "which deals are worth 1.5M or more",
    lambda d: lst(d[d[AM] >= 1500000].Deal),
)

# ======================= sports
B = "sports.xlsx"
S = "Players"
case(
    B,
    S,
    "superlative",
    "who scored the most goals?",
    lambda d: d.loc[top(dict(d.Goals.items())), "Player"],
)
case(
    B,
    S,
    "superlative",
    "who's the fastest over 100m",
    lambda d: d.loc[top(dict(d["Sprint 100m (s)"].items()), largest=False), "Player"],
)
case(B, S, "x_by_y", "goals by team", lambda d: group(d, "Team", "Goals"))
case(
    B,
    S,
    "derived",
    "goals plus assists for Leo Nilsen",
    lambda d: py(
        d[d.Player == "Leo Nilsen"].Goals.iloc[0] + d[d.Player == "Leo Nilsen"].Assists.iloc[0]
    ),
)
case(
    B,
    S,
    "derived",
    "which player has the best goals per match ratio?",
    lambda d: d.loc[top(dict((d.Goals / d.Matches).items())), "Player"],
)
case(
    B,
    S,
    "quantities",
    "how many palyers ran the 100m in under 11.5 s",
    lambda d: int((d["Sprint 100m (s)"] < 11.5).sum()),
)
case(B, S, "plain", "average minutes played", lambda d: mean(d.Minutes))
case(
    B,
    S,
    "row_noun",
    "how many players does Valley Athletic have?",
    lambda d: int((d.Team == "Valley Athletic").sum()),
)
case(
    B,
    S,
    "text_match",
    "players with Olsen in their name",
    lambda d: len(lst(d[d.Player.str.contains("Olsen")].Player)),
)
clarify(B, S, "superlative", "who's our best player?")
refuse(B, S, "plain", "how many yellow cards has Rafael Rossi got", lambda: no_col(B, S, "card"))
S = "10K Race"
case(
    B,
    S,
    "quantities",
    "how many runners finished in under 45 minutes?",
    lambda d: int((d["Finish Time"] < dt.time(0, 45, 0)).sum()),
)
case(
    B,
    S,
    "superlative",
    "who is the oldest runner",
    lambda d: d.loc[top(dict(d.Age.items())), "Runner"],
)
case(B, S, "x_by_y", "runners by club", lambda d: group(d, "Club", agg="count"))
case(
    B,
    S,
    "plain",
    "average age of Lakeside AC runners",
    lambda d: mean(d[d.Club == "Lakeside AC"].Age),
)
case(
    B,
    S,
    "row_noun",
    "list the Hilltop Harriers runners",
    lambda d: lst(d[d.Club == "Hilltop Harriers"].Runner),
)
refuse(
    B, S, "row_noun", "runners from Coastal Running Club?", lambda: absent(B, S, "Club", "Coastal")
)
case(
    B,
    S,
    "superlative",
    "who won the 10k",
    lambda d: d.loc[top(dict(d["Finish Time"].items()), largest=False), "Runner"],
)

# ======================= staff
B, S = "staff.xlsx", "Staff"
SAL = "Salary (€)"
case(B, S, "status", "how many staff are inactive?", lambda d: int((d.Active == False).sum()))  # noqa: E712
case(
    B,
    S,
    "status",
    "average salary of active engineers",
    lambda d: mean(d[(d.Active.astype(bool)) & (d.Department == "Engineering")][SAL]),
)
case(
    B,
    S,
    "dates",
    "who was hired in 2024",
    lambda d: lst(d[d["Hire Date"].dt.year == 2024].Employee),
)
case(
    B,
    S,
    "dates",
    "How many people joined between March 2020 and June 2021?",
    lambda d: int(between(d["Hire Date"], "2020-03-01", "2021-06-30").sum()),
)
case(B, S, "x_by_y", "headcount by departmnet", lambda d: group(d, "Department", agg="count"))
case(B, S, "x_by_y", "salary by city", lambda d: group(d, "City", SAL))
case(
    B,
    S,
    "superlative",
    "who's the highest paid?",
    lambda d: d.loc[top(dict(d[SAL].items())), "Employee"],
)
case(
    B,
    S,
    "superlative",
    "which department has the higest average salary",
    lambda d: top(group(d, "Department", SAL, "mean")),
)
case(
    B,
    S,
    "two_keys",
    "headcount by department and gender",
    lambda d: group2(d, "Department", "Gender", agg="count"),
)
case(B, S, "quantities", "employees earning over 80k", lambda d: int((d[SAL] > 80000).sum()))
case(
    B,
    S,
    "quantities",
    "list staff earning between €45,000 and €50,000",
    lambda d: lst(d[(d[SAL] >= 45000) & (d[SAL] <= 50000)].Employee),
)
case(
    B,
    S,
    "row_noun",
    "how many employees report to Kenji Sato?",
    lambda d: int((d.Manager == "Kenji Sato").sum()),
)
case(
    B,
    S,
    "text_match",
    "employees whose first name is Kofi",
    lambda d: len(lst(d[d.Employee.str.split().str[0] == "Kofi"].Employee)),
)
case(
    B,
    S,
    "two_keys",
    "average salary by department and gender",
    lambda d: group2(d, "Department", "Gender", SAL, "mean"),
)
clarify(B, S, "plain", "what does Rosa earn?")
clarify(B, S, "dates", "how long has Tomas been with us")
refuse(
    B,
    S,
    "row_noun",
    "how many staff work in the Paris office",
    lambda: absent(B, S, "City", "Paris"),
)
refuse(B, S, "plain", "average bonus for Sales?", lambda: no_col(B, S, "bonus"))

# ======================= stores
B, S = "stores.xlsx", "Summary"
REV, TGT = "Revenue (€)", "Target (€)"
case(B, S, "derived", "which stores beat their target?", lambda d: lst(d[d[REV] > d[TGT]].Store))
case(
    B,
    S,
    "derived",
    "how much did Porto Ribeira miss its target by",
    lambda d: py(
        d[d.Store == "Porto Ribeira"][TGT].iloc[0] - d[d.Store == "Porto Ribeira"][REV].iloc[0]
    ),
)
case(
    B,
    S,
    "derived",
    "revenue per staff member at Metz Muse",
    lambda d: py(d[d.Store == "Metz Muse"][REV].iloc[0] / d[d.Store == "Metz Muse"].Staff.iloc[0]),
)
case(B, S, "x_by_y", "revenue by region", lambda d: group(d, "Region", REV))
case(
    B,
    S,
    "superlative",
    "top 3 stores by revenue",
    lambda d: lst(d.loc[top(dict(d[REV].items()), n=3), "Store"]),
)
case(
    B,
    S,
    "superlative",
    "Which region brought in the most revenue?",
    lambda d: top(group(d, "Region", REV)),
)
case(
    B,
    S,
    "quantities",
    "stores with revenue above €2M",
    lambda d: len(lst(d[d[REV] > 2000000].Store)),
)
case(
    B,
    S,
    "quantities",
    "which stores have a gross margin of at most 10%",
    lambda d: lst(d[d["Gross Margin %"] <= 10].Store),
)
case(
    B,
    S,
    "dates",
    "stores opend before 2010",
    lambda d: len(lst(d[d.Opened < pd.Timestamp("2010-01-01")].Store)),
)
case(B, S, "plain", "average revenue per store", lambda d: mean(d[REV]))
case(B, S, "row_noun", "how many stores are there?", len)
case(
    B,
    S,
    "text_match",
    "who manages the Nice store",
    lambda d: d[d.Store.str.startswith("Nice")].Manager.iloc[0],
)
case(
    B,
    S,
    "text_match",
    "stores with Paris in the name",
    lambda d: len(lst(d[d.Store.str.contains("Paris")].Store)),
)
clarify(B, S, "plain", "how big is the Lyon store?")
refuse(
    B,
    S,
    "plain",
    "revenue for the Lyon Confluence store",
    lambda: absent(B, S, "Store", "Confluence"),
)
case(
    B,
    S,
    "dates",
    "how many stores opened since 2020",
    lambda d: int((d.Opened >= pd.Timestamp("2020-01-01")).sum()),
)
refuse(
    B,
    S,
    "row_noun",
    "list stores in the Northeast region",
    lambda: absent(B, S, "Region", "Northeast"),
)

# ======================= tickets
B, S = "tickets.xlsx", "Tickets"
RH = "Resolution (hours)"
case(B, S, "status", "how many tickets are still open?", lambda d: int((d.Status == "Open").sum()))
case(
    B,
    S,
    "status",
    "list open urgent tickets",
    lambda d: lst(d[(d.Status == "Open") & (d.Priority == "Urgent")]["Ticket ID"]),
)
case(
    B,
    S,
    "text_match",
    "how many tickets came from hotmail addresses",
    lambda d: int(d["Customer Email"].str.contains("@hotmail.", regex=False).sum()),
)
case(
    B,
    S,
    "text_match",
    "How many tickets are about printers?",
    lambda d: int(d.Title.str.contains("printer", case=False).sum()),
)
case(
    B,
    S,
    "text_match",
    "VPN tickets that are still open",
    lambda d: len(lst(d[d.Title.str.contains("VPN") & (d.Status == "Open")]["Ticket ID"])),
)
case(B, S, "dates", "tickts opened in Jan 2024", lambda d: int(in_month(d.Opened, 2024, 1).sum()))
case(
    B,
    S,
    "dates",
    "how many tickets were opened in the last quarter of 2023",
    lambda d: int(between(d.Opened, "2023-10-01", "2023-12-31").sum()),
)
case(B, S, "x_by_y", "tickets by priority pls", lambda d: group(d, "Priority", agg="count"))
case(
    B,
    S,
    "superlative",
    "which agent resolves tickets fastest on average?",
    lambda d: top(group(d[d[RH].notna()], "Agent", RH, "mean"), largest=False),
)
case(
    B,
    S,
    "superlative",
    "which agent has handled the most tickets",
    lambda d: top(group(d, "Agent", agg="count")),
)
case(
    B,
    S,
    "quantities",
    "how many tickets were resolved in under 10 hours?",
    lambda d: int((d[RH] < 10).sum()),
)
case(
    B,
    S,
    "two_keys",
    "ticket count by priority and status",
    lambda d: group2(d, "Priority", "Status", agg="count"),
)
case(
    B,
    S,
    "plain",
    "average resolution time for urgent tickets",
    lambda d: mean(d[(d.Priority == "Urgent") & d[RH].notna()][RH]),
)
clarify(B, S, "status", "how many tickets are done?")
refuse(B, S, "row_noun", "tickets handled by Tom Baker", lambda: absent(B, S, "Agent", "Baker"))
case(
    B,
    S,
    "row_noun",
    "which customers reported a broken laptop screen? give me their emails",
    lambda d: lst(d[d.Title.str.contains("Laptop screen broken")]["Customer Email"]),
)

# ======================= tourism
B = "tourism.xlsx"
S = "Arrivals"
case(
    B,
    S,
    "wide_years",
    "arrivals in France in 2019",
    lambda d: py(d[d.Country == "France"][2019].iloc[0]),
)
case(B, S, "wide_years", "total arrivals in 2020?", lambda d: fsum(d[2020]))
case(
    B,
    S,
    "wide_years",
    "Which country had the most arrivals in 2022?",
    lambda d: d.loc[top(dict(d[2022].items())), "Country"],
)
case(
    B,
    S,
    "wide_years",
    "countries with more than 90 arrivals in 2017",
    lambda d: len(lst(d[d[2017] > 90].Country)),
)
case(
    B,
    S,
    "derived",
    "how much did arrivals in Greece fall from 2019 to 2020?",
    lambda d: py(d[d.Country == "Greece"][2019].iloc[0] - d[d.Country == "Greece"][2020].iloc[0]),
)
case(
    B,
    S,
    "superlative",
    "which country had the fewest arivals in 2021",
    lambda d: d.loc[top(dict(d[2021].items()), largest=False), "Country"],
)
case(
    B,
    S,
    "plain",
    "Norway's total arrivals over all the years",
    lambda d: fsum(d[d.Country == "Norway"].iloc[0, 1:]),
)
case(
    B,
    S,
    "wide_years",
    "France arrivals from 2015 to 2019 added up",
    lambda d: fsum(d[d.Country == "France"][[2015, 2016, 2017, 2018, 2019]].iloc[0]),
)
case(
    B,
    S,
    "wide_years",
    "did any country go over 100 arrivals in 2019? which ones",
    lambda d: lst(d[d[2019] > 100].Country),
)
clarify(B, S, "superlative", "which country grew the most?")
refuse(B, S, "wide_years", "arrivals for Sweden in 2018", lambda: absent(B, S, "Country", "Sweden"))
refuse(B, S, "wide_years", "how many arrivals did Spain have in 2023", lambda: no_col(B, S, "2023"))
S = "Receipts"
case(B, S, "wide_years", "Spain receipts 2018", lambda d: py(d[d.Country == "Spain"][2018].iloc[0]))
case(B, S, "wide_years", "average receipts across countries in 2021", lambda d: mean(d[2021]))
case(
    B,
    S,
    "quantities",
    "how many countries had receipts under 20 in 2015",
    lambda d: int((d[2015] < 20).sum()),
)
case(
    B,
    S,
    "derived",
    "how much higher were Italy's receipts in 2019 than in 2015",
    lambda d: py(d[d.Country == "Italy"][2019].iloc[0] - d[d.Country == "Italy"][2015].iloc[0]),
)
case(
    B,
    S,
    "wide_years",
    "receipts for canada in 2022",
    lambda d: py(d[d.Country == "Canada"][2022].iloc[0]),
)


# ---------------------------------------------------------------- write
def main():
    per_book = Counter()
    out = []
    for c in CASES:
        stem = c["book"].split(".")[0]
        per_book[stem] += 1
        exp = None
        if c["kind"] == "value":
            exp = py(c["fn"](frame_of(c["book"], c["sheet"])))
            assert exp is not None and exp is not False, c["command"]
            if isinstance(exp, list):
                assert exp, c["command"]
        rec = {
            "id": f"dev2-{stem}-{per_book[stem]:02d}",
            "book": c["book"],
            "sheet": c["sheet"],
            "command": c["command"],
            "class": c["cls"],
            "split": "dev",
            "kind": c["kind"],
            "expected": exp,
        }
        if c["unordered"]:
            rec["unordered"] = True
        out.append(rec)
    with open(OUT, "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "cases")


if __name__ == "__main__":
    main()
