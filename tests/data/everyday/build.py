"""Build the *everyday* held-out suite: messy business workbooks and commands with oracle answers.

Every workbook is generated from a seeded ``random.Random``; every expected answer is computed
here with pandas / plain Python from the generated rows (never from nlsheet). Running the script
twice gives a byte-identical ``cases.jsonl`` (and, as the zip timestamps and document properties
are pinned, byte-identical workbooks too).

    python tests/data/everyday/build.py          # writes books/*.xlsx and cases.jsonl

Case fields: id, book, sheet, command, class, split (dev|test), kind (value|clarify|refuse),
expected (number, string, list of strings, {group: number} or {k1: {k2: number}}) and, for list
answers whose order carries no meaning, ``"unordered": true``.

Conventions the expected values follow:

- A bare noun phrase ("unpaid invoices", "members who renewed") is a count of rows; "X by Y"
  with no aggregate word is the sum of the measure X per Y, or the count per Y when X is the
  table's row noun ("orders by city").
- "between A and B" includes both ends, and the generated data never holds a value equal to a
  bound used in a command (``no_value_at``), so < versus <= readings cannot differ; "since D"
  includes D, "before D" and "after D" exclude it.
- A month or quarter without a year is only asked of data in which every calendar month falls
  in one year (``month_unique_year``).
- Superlatives and top-N answers are checked to have no ties (``arg_best``, ``top_names``).
- clarify: the command is honestly ambiguous (several columns or readings fit); refuse: it names
  something the table does not hold (a value, a column, a measure that cannot be derived).

``check.py`` recomputes a sample of the answers a second way, from the written workbooks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import random
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

SEED = 20240917
FIXED_TIME = dt.datetime(2024, 7, 1, 9, 0, 0)
HERE = Path(__file__).resolve().parent
BOOKS = HERE / "books"
CASES = HERE / "cases.jsonl"

CLASSES = (
    "row_noun",
    "status",
    "dates",
    "month_column",
    "quantities",
    "superlative",
    "two_keys",
    "x_by_y",
    "text_match",
    "derived",
    "wide_years",
    "plain",
)

D = dt.date


# --------------------------------------------------------------------------------------------
# the case list
# --------------------------------------------------------------------------------------------


@dataclass
class Suite:
    """Collects cases; ids are ``class-book-NN`` and the split is a hash of the id."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    counters: dict[tuple[str, str], int] = field(default_factory=dict)
    commands: set[tuple[str, str, str]] = field(default_factory=set)

    def add(
        self,
        cls: str,
        book: str,
        sheet: str,
        command: str,
        expected: Any = None,
        kind: str = "value",
        unordered: bool = False,
    ) -> None:
        assert cls in CLASSES, cls
        assert kind in ("value", "clarify", "refuse"), kind
        key = (book, sheet, command.lower())
        assert key not in self.commands, f"duplicate command {key}"
        self.commands.add(key)
        stem = book.removesuffix(".xlsx")
        n = self.counters.get((cls, stem), 0) + 1
        self.counters[(cls, stem)] = n
        case_id = f"{cls}-{stem}-{n:02d}"
        if kind == "value":
            expected = plain(expected)
            assert expected is not None and expected not in ([], {}), case_id
        else:
            expected = None
        row: dict[str, Any] = {
            "id": case_id,
            "book": book,
            "sheet": sheet,
            "command": command,
            "class": cls,
            "split": split_of(case_id),
            "kind": kind,
            "expected": expected,
        }
        if unordered:
            row["unordered"] = True
        self.cases.append(row)

    def value(self, cls: str, book: str, sheet: str, command: str, expected: Any) -> None:
        self.add(cls, book, sheet, command, expected)

    def clarify(self, cls: str, book: str, sheet: str, command: str) -> None:
        self.add(cls, book, sheet, command, kind="clarify")

    def refuse(self, cls: str, book: str, sheet: str, command: str) -> None:
        self.add(cls, book, sheet, command, kind="refuse")


def split_of(case_id: str) -> str:
    """dev for about 40% of ids, test for the rest, by a hash of the id."""
    h = int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16)
    return "dev" if h % 10 < 4 else "test"


def plain(value: Any) -> Any:
    """Expected values as plain JSON data: ints for integral numbers, ISO text for dates."""
    if isinstance(value, bool):
        raise TypeError("booleans are not expected values")
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()  # numpy scalar
    if isinstance(value, float):
        assert math.isfinite(value)
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    raise TypeError(f"unexpected value {value!r}")


# --------------------------------------------------------------------------------------------
# oracle helpers (pandas)
# --------------------------------------------------------------------------------------------


def count(mask: pd.Series) -> int:
    n = int(mask.sum())
    assert n > 0, "a count condition matches no row"
    return n


def total(series: pd.Series) -> float:
    s = series.dropna()
    assert len(s) > 0
    return float(sum(float(x) for x in s))


def mean(series: pd.Series) -> float:
    s = series.dropna()
    assert len(s) > 0
    return total(s) / len(s)


def by(df: pd.DataFrame, key: str, measure: str | None = None, how: str = "sum") -> dict[str, Any]:
    """Per group: the count of rows (measure None) or sum/mean/min/max of a measure."""
    out: dict[str, Any] = {}
    for k, part in df.groupby(key, sort=True):
        if measure is None:
            out[str(k)] = len(part)
        else:
            out[str(k)] = agg(part[measure], how)
    return out


def agg(series: pd.Series, how: str) -> float:
    if how == "sum":
        return total(series)
    if how == "mean":
        return mean(series)
    if how == "min":
        return float(series.min())
    if how == "max":
        return float(series.max())
    raise ValueError(how)


def by2(
    df: pd.DataFrame, k1: str, k2: str, measure: str | None = None, how: str = "sum"
) -> dict[str, dict[str, Any]]:
    """Two grouping keys, nested; only the combinations that occur."""
    out: dict[str, dict[str, Any]] = {}
    for (a, b), part in df.groupby([k1, k2], sort=True):
        cell = len(part) if measure is None else agg(part[measure], how)
        out.setdefault(str(a), {})[str(b)] = cell
    return out


def by_covering(
    df: pd.DataFrame, mask: pd.Series, key: str, measure: str | None = None, how: str = "sum"
) -> dict[str, Any]:
    """A filtered per-group answer; asserts every group of the table still occurs, so whether a
    tool lists empty groups or not cannot matter."""
    got = by(df[mask], key, measure, how)
    assert set(got) == {str(k) for k in df[key].unique()}, f"a {key} group is empty"
    return got


def arg_best(series: pd.Series, labels: pd.Series, largest: bool = True) -> str:
    """The label of the single largest (or smallest) value; asserts there is no tie."""
    s = series.astype(float)
    best = s.max() if largest else s.min()
    hits = labels[s == best]
    assert len(hits) == 1, f"tie for the {'max' if largest else 'min'}: {list(hits)}"
    return str(hits.iloc[0])


def group_best(scores: dict[str, Any], largest: bool = True) -> str:
    vals = sorted(scores.values(), reverse=largest)
    assert len(vals) == 1 or vals[0] != vals[1], f"tie among groups {scores}"
    pick = max if largest else min
    return pick(scores, key=lambda k: scores[k])


def top_names(scores: dict[str, Any] | pd.Series, n: int, largest: bool = True) -> list[str]:
    """The n best names in order; asserts no tie among the first n+1."""
    items = list(scores.items())
    items.sort(key=lambda kv: float(kv[1]), reverse=largest)
    head = [float(v) for _, v in items[: n + 1]]
    assert len(set(head)) == len(head), f"tie in top {n}: {items[: n + 1]}"
    return [str(k) for k, _ in items[:n]]


def row_top(df: pd.DataFrame, measure: str, label: str, n: int, largest: bool = True) -> list[str]:
    series = pd.Series(df[measure].astype(float).values, index=df[label].values)
    assert series.index.is_unique
    return top_names(series, n, largest)


def contains(series: pd.Series, word: str) -> pd.Series:
    return series.fillna("").astype(str).str.contains(word, case=False, regex=False)


def no_value_at(series: pd.Series, *bounds: float) -> None:
    """Thresholds never coincide with a value, so < vs <= readings cannot differ."""
    for b in bounds:
        assert not (series.astype(float) == b).any(), f"a value equals the bound {b}"


def months(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.month


def years(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.year


def between(series: pd.Series, start: dt.date, end: dt.date) -> pd.Series:
    """start <= date <= end (both days included)."""
    s = pd.to_datetime(series)
    return (s >= pd.Timestamp(start)) & (s <= pd.Timestamp(end))


def before(series: pd.Series, day: dt.date) -> pd.Series:
    return pd.to_datetime(series) < pd.Timestamp(day)


def since(series: pd.Series, day: dt.date) -> pd.Series:
    return pd.to_datetime(series) >= pd.Timestamp(day)


def on(series: pd.Series, day: dt.date) -> pd.Series:
    return pd.to_datetime(series) == pd.Timestamp(day)


def month_unique_year(series: pd.Series) -> None:
    """Every calendar month of the data falls in one year only (so 'in March' is unambiguous)."""
    s = pd.to_datetime(series)
    pairs = {(d.month, d.year) for d in s}
    per_month: dict[int, set[int]] = {}
    for m, y in pairs:
        per_month.setdefault(m, set()).add(y)
    assert all(len(v) == 1 for v in per_month.values()), per_month


# --------------------------------------------------------------------------------------------
# data helpers
# --------------------------------------------------------------------------------------------


def rng_for(name: str) -> random.Random:
    return random.Random(f"{SEED}:{name}")


def rand_day(rng: random.Random, start: dt.date, end: dt.date, weekdays: bool = True) -> dt.date:
    span = (end - start).days
    while True:
        day = start + dt.timedelta(days=rng.randint(0, span))
        if not weekdays or day.weekday() < 5:
            return day


def weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


FIRST = (  # noqa: SIM905
    "Ana Aisha Ben Carla Chen Dario Elena Emma Farah Felix Grace Hugo Ines Ivan Jana Jonas Kofi "
    "Lara Leo Lina Luca Maya Mateo Nadia Nils Noor Olga Omar Paula Pedro Rosa Sami Sara Tariq "
    "Tess Theo Uma Vera Victor Wen Yara Yusuf Zoe Marta Amir Clara Erik Hana Ruben Sofia Ingrid "
    "Kenji Leila Marco Nina Oscar Priya Quinn Rafael Selin Tomas Ulla"
).split()
LAST = (  # noqa: SIM905
    "Silva Khan Novak Rossi Meyer Dubois Garcia Costa Jensen Kowalski Murphy Okafor Patel "
    "Schmidt Tanaka Varga Weber Yilmaz Berg Laurent Moreau Nilsen Ortiz Popescu Quinlan Romero "
    "Santos Torres Ueda Vidal Walsh Xu Young Zimmer Almeida Brandt Castro Dahl Eriksen Fischer "
    "Greco Horvat Ibrahim Janssen Keller Lindqvist Mendes Nowak Olsen Pires Reyes"
).split()


def people(rng: random.Random, n: int, taken: Iterable[str] = ()) -> list[str]:
    """n distinct 'First Last' names (none of `taken`)."""
    seen = set(taken)
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


# --------------------------------------------------------------------------------------------
# workbook writing
# --------------------------------------------------------------------------------------------


def new_book() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def write_table(
    ws: Worksheet,
    headers: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    top: int = 1,
    left: int = 1,
    formats: dict[int, str] | None = None,
) -> None:
    """Write a header row at (top, left) and the rows below it; formats by column offset."""
    formats = formats or {}
    for j, h in enumerate(headers):
        cell = ws.cell(row=top, column=left + j, value=h)
        cell.font = Font(bold=True)
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            cell = ws.cell(row=top + i, column=left + j, value=v)
            if j in formats and v is not None and not isinstance(v, str):
                cell.number_format = formats[j]
    for j, h in enumerate(headers):
        width = max([len(str(h))] + [len(str(r[j])) for r in rows if r[j] is not None])
        ws.column_dimensions[get_column_letter(left + j)].width = min(max(width + 2, 8), 48)


def save(wb: openpyxl.Workbook, name: str) -> None:
    """Save with pinned document times and zip entry times, so rebuilding is byte-stable."""
    wb.properties.creator = "everyday/build.py"
    wb.properties.created = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode()
                text = re.sub(
                    r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rf"\g<1>{stamp}\g<2>",
                    text,
                )
                data = text.encode()
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    (BOOKS / name).write_bytes(out.getvalue())


DATE = "yyyy-mm-dd"
DMY = "dd/mm/yyyy"
EUR = '#,##0.00 "€"'
MONEY = "#,##0.00"
PCT = "0%"


# --------------------------------------------------------------------------------------------
# orders.xlsx / Orders
# --------------------------------------------------------------------------------------------

PRODUCTS = {
    "Laptop Stand": 39.90,
    "USB-C Hub": 24.50,
    "Desk Lamp": 32.00,
    "Office Chair": 189.00,
    "Monitor 27in": 249.99,
    "Wireless Keyboard": 54.90,
    "Webcam HD": 69.00,
    "Noise-Cancelling Headset": 129.50,
}
CUSTOMERS = (
    ("Acme Corp", "Paris", 14),
    ("Brightline Ltd", "London", 6),
    ("Castello SpA", "Milan", 5),
    ("Dunmore & Sons", "London", 4),
    ("Elbe Logistik", "Berlin", 10),
    ("Fjord Design", "Amsterdam", 7),
    ("Granada Foods", "Madrid", 6),
    ("Helix Labs", "Berlin", 5),
    ("Iberia Textiles", "Madrid", 3),
    ("Juniper Hotels", "Lisbon", 4),
    ("Kessler GmbH", "Berlin", 8),
    ("Lumen Studio", "Paris", 7),
    ("Mistral SARL", "Lyon", 9),
    ("Northwind Traders", "Lyon", 3),
    ("Orly Catering", "Paris", 4),
    ("Porto Vinhos", "Lisbon", 2),
)
ORDER_NOTES = (
    "Customer asked for a refund",
    "Refund issued after return",
    "Partial refund agreed by phone",
    "Gift wrap please",
    "Deliver to reception",
    "Late delivery complaint",
    "Urgent - needed before Friday",
    "Call before delivery",
    "Repeat customer, add catalogue",
    "Box damaged on arrival",
    "Leave with the neighbour",
)


def build_orders(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("orders")
    rows = []
    for _ in range(128):
        cust, city, _w = rng.choices(CUSTOMERS, weights=[c[2] for c in CUSTOMERS])[0]
        product = rng.choice(list(PRODUCTS))
        qty = weighted(rng, [(q, 12 - q // 2) for q in range(1, 21)])
        status = weighted(
            rng, [("Shipped", 64), ("Pending", 15), ("Cancelled", 13), ("Returned", 8)]
        )
        if status == "Cancelled":
            paid = "No" if rng.random() < 0.8 else "Yes"
        elif status == "Pending":
            paid = "No" if rng.random() < 0.6 else "Yes"
        else:
            paid = "Yes" if rng.random() < 0.85 else "No"
        note = rng.choice(ORDER_NOTES) if rng.random() < 0.42 else None
        day = rand_day(rng, D(2023, 7, 1), D(2024, 6, 28))
        rows.append([day, cust, city, product, qty, PRODUCTS[product], status, paid, note])
    rows[17][0] = D(2024, 2, 14)
    rows[60][0] = D(2024, 2, 14)
    rows[90][4] = 40  # one bulk order
    rows.sort(key=lambda r: r[0])
    for i, r in enumerate(rows):
        r.insert(0, f"SO-{10001 + i}")
    headers = [
        "Order ID",
        "Order Date",
        "Customer",
        "City",
        "Product",
        "Qty",
        "Unit Price (€)",
        "Status",
        "Paid",
        "Notes",
    ]
    df = pd.DataFrame(rows, columns=headers)
    df["Revenue"] = df["Qty"] * df["Unit Price (€)"]
    month_unique_year(df["Order Date"])

    wb = new_book()
    ws = wb.create_sheet("Orders")
    sheet_rows = [list(r) for r in rows]
    for i in (5, 33, 71, 102):  # quantities typed as text
        sheet_rows[i][5] = str(sheet_rows[i][5])
    write_table(ws, headers, sheet_rows, formats={1: DMY, 6: EUR})
    ws.freeze_panes = "A2"
    save(wb, "orders.xlsx")

    b, sh = "orders.xlsx", "Orders"
    city, st, paid, qty, prod = df["City"], df["Status"], df["Paid"], df["Qty"], df["Product"]
    date, cust = df["Order Date"], df["Customer"]
    v = s.value

    # row_noun
    v("row_noun", b, sh, "how many orders came from Paris", count(city == "Paris"))
    v("row_noun", b, sh, "how many customers are in Lyon", cust[city == "Lyon"].nunique())
    v("row_noun", b, sh, "how many different customers ordered from us", cust.nunique())
    s.add(
        "row_noun",
        b,
        sh,
        "list the customers in Madrid",
        sorted(cust[city == "Madrid"].unique()),
        unordered=True,
    )
    v("row_noun", b, sh, "orders from Lisbon customers", count(city == "Lisbon"))
    s.refuse("row_noun", b, sh, "how many orders did Bob place")
    s.refuse("row_noun", b, sh, "how many orders came from Tokyo")

    # status
    v("status", b, sh, "how many orders were cancelled", count(st == "Cancelled"))
    v("status", b, sh, "how many unpaid orders are there", count(paid == "No"))
    v("status", b, sh, "pending orders", count(st == "Pending"))
    v(
        "status",
        b,
        sh,
        "how many shipped orders are still unpaid",
        count((st == "Shipped") & (paid == "No")),
    )
    v("status", b, sh, "how many orders were returned", count(st == "Returned"))
    v("status", b, sh, "total quantity of cancelled orders", total(qty[st == "Cancelled"]))
    v("status", b, sh, "how many orders are not cancelled", count(st != "Cancelled"))
    v(
        "status",
        b,
        sh,
        "number of paid orders from Berlin",
        count((paid == "Yes") & (city == "Berlin")),
    )

    # dates (data run July 2023 - June 2024, so a month names one year only)
    m = months(date)
    v("dates", b, sh, "how many orders in March", count(m == 3))
    v("dates", b, sh, "orders placed in Q3", count(m.isin([7, 8, 9])))
    v(
        "dates",
        b,
        sh,
        "number of orders in the first half of 2024",
        count(between(date, D(2024, 1, 1), D(2024, 6, 30))),
    )
    v("dates", b, sh, "how many orders since May 10", count(since(date, D(2024, 5, 10))))
    v("dates", b, sh, "how many orders on 14 Feb", count(on(date, D(2024, 2, 14))))
    v("dates", b, sh, "total quantity ordered during 2023", total(qty[years(date) == 2023]))
    v(
        "dates",
        b,
        sh,
        "how many orders from February to April",
        count(between(date, D(2024, 2, 1), D(2024, 4, 30))),
    )
    v("dates", b, sh, "orders before March 2024", count(before(date, D(2024, 3, 1))))
    v("dates", b, sh, "quantity sold in November", total(qty[m == 11]))
    v("dates", b, sh, "when was the first order placed", date.min())

    # quantities
    v("quantities", b, sh, "how many orders of more than 15 units", count(qty > 15))
    v("quantities", b, sh, "orders with a unit price over €100", count(df["Unit Price (€)"] > 100))
    v(
        "quantities",
        b,
        sh,
        "how many orders with a unit price between €30 and €60",
        count(df["Unit Price (€)"].between(30, 60)),
    )

    # superlative
    v("superlative", b, sh, "what is the priciest product", max(PRODUCTS, key=PRODUCTS.__getitem__))
    top_rev = group_best(by(df, "Customer", "Revenue"))
    assert top_rev == group_best(by(df, "Customer", "Qty")), "revenue and units disagree"
    v("superlative", b, sh, "which customer did we sell the most to", top_rev)
    v("superlative", b, sh, "top 4 cities by number of orders", top_names(by(df, "City"), 4))
    v("superlative", b, sh, "which product was ordered most often", group_best(by(df, "Product")))
    s.clarify("superlative", b, sh, "what was our biggest order")
    s.clarify("superlative", b, sh, "which is our best product")

    # two keys
    v("two_keys", b, sh, "number of orders by city and status", by2(df, "City", "Status"))
    v(
        "two_keys",
        b,
        sh,
        "total quantity by product and status",
        by2(df, "Product", "Status", "Qty"),
    )
    v("two_keys", b, sh, "count of orders by status and paid", by2(df, "Status", "Paid"))

    # x by y
    v("x_by_y", b, sh, "orders by city", by(df, "City"))
    v("x_by_y", b, sh, "quantity by product", by(df, "Product", "Qty"))
    v("x_by_y", b, sh, "orders by status", by(df, "Status"))
    v("x_by_y", b, sh, "units by customer", by(df, "Customer", "Qty"))

    # text
    notes = df["Notes"]
    v(
        "text_match",
        b,
        sh,
        "how many orders mention refund in the notes",
        count(contains(notes, "refund")),
    )
    v(
        "text_match",
        b,
        sh,
        "orders whose notes mention gift wrap",
        count(contains(notes, "gift wrap")),
    )
    v(
        "text_match",
        b,
        sh,
        "how many orders have 'damaged' in the notes",
        count(contains(notes, "damaged")),
    )
    v("text_match", b, sh, "how many orders have a note", count(notes.notna()))
    v("text_match", b, sh, "how many notes mention reception", count(contains(notes, "reception")))
    v(
        "text_match",
        b,
        sh,
        "orders with notes about late delivery",
        count(contains(notes, "late delivery")),
    )
    v("two_keys", b, sh, "revenue by city and product", by2(df, "City", "Product", "Revenue"))
    s.clarify("superlative", b, sh, "top 3 customers")
    v(
        "text_match",
        b,
        sh,
        "total quantity of orders whose notes say urgent",
        total(qty[contains(notes, "urgent")]),
    )

    # derived
    rev = df["Revenue"]
    v("derived", b, sh, "total revenue", total(rev))
    v("derived", b, sh, "total order value for Paris", total(rev[city == "Paris"]))
    v("derived", b, sh, "revenue by product", by(df, "Product", "Revenue"))
    v("derived", b, sh, "average order value", mean(rev))
    s.refuse("derived", b, sh, "total profit on orders")

    # plain
    v("plain", b, sh, "how many orders are there", len(df))
    v("plain", b, sh, "average quantity per order", mean(qty))
    v("plain", b, sh, "what is the status of order SO-10042", df.loc[41, "Status"])
    v("plain", b, sh, "total quantity of Desk Lamps ordered", total(qty[prod == "Desk Lamp"]))
    s.clarify("plain", b, sh, "what's the total for Paris")
    s.clarify("plain", b, sh, "average for Milan")
    s.clarify("dates", b, sh, "total for March")
    s.refuse("plain", b, sh, "total revenue for Narnia")
    s.refuse("plain", b, sh, "average discount")
    s.refuse("plain", b, sh, "total shipping cost")


# --------------------------------------------------------------------------------------------
# invoices.xlsx / Invoices
# --------------------------------------------------------------------------------------------

CLIENTS = (
    ("Aldgate Partners", "GBP", 30, 8),
    ("Beacon Health", "EUR", 30, 10),
    ("Cobalt Mining", "USD", 45, 9),
    ("Delta Freight", "EUR", 14, 7),
    ("Evergreen Schools", "GBP", 30, 5),
    ("Foxglove Media", "EUR", 14, 6),
    ("Greyhound Events", "USD", 30, 5),
    ("Harbour Council", "GBP", 45, 7),
    ("Ironbridge Bank", "USD", 30, 12),
    ("Juno Pharma", "EUR", 45, 8),
    ("Kite Aviation", "EUR", 30, 6),
    ("Larch Architects", "GBP", 14, 4),
)


def build_invoices(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("invoices")
    rows = []
    for _ in range(92):
        client, cur, terms, _w = rng.choices(CLIENTS, weights=[c[3] for c in CLIENTS])[0]
        issued = rand_day(rng, D(2023, 9, 1), D(2024, 6, 28))
        amount = round(rng.uniform(300, 16000), 2)
        paid_share = 0.9 if issued < D(2024, 4, 1) else 0.4
        paid = "Yes" if rng.random() < paid_share else "No"
        rows.append([client, issued, issued + dt.timedelta(days=terms), amount, cur, paid])
    rows[40][3] = 52300.00
    rows[71][3] = 27850.00
    rows.sort(key=lambda r: (r[1], r[0]))
    for i, r in enumerate(rows):
        r.insert(0, f"INV-{r[1].year}-{i + 1:03d}")
    headers = ["Invoice No", "Client", "Issue Date", "Due Date", "Amount", "Currency", "Paid"]
    df = pd.DataFrame(rows, columns=headers)
    month_unique_year(df["Issue Date"])
    sheet_rows = [list(r) for r in rows]
    for i in (12, 47, 80):  # amounts pasted as text
        sheet_rows[i][4] = f"{sheet_rows[i][4]:.2f}"
    wb = new_book()
    ws = wb.create_sheet("Invoices")
    write_table(ws, headers, sheet_rows, formats={2: DMY, 3: DMY, 4: MONEY})
    save(wb, "invoices.xlsx")

    b, sh, v = "invoices.xlsx", "Invoices", s.value
    amt, paid, client, cur = df["Amount"], df["Paid"], df["Client"], df["Currency"]
    issued, due = df["Issue Date"], df["Due Date"]
    unpaid = paid == "No"

    v("status", b, sh, "total of unpaid invoices", total(amt[unpaid]))
    v("status", b, sh, "how many invoices have been paid", count(~unpaid))
    v(
        "status",
        b,
        sh,
        "total amount still outstanding for Cobalt Mining",
        total(amt[unpaid & (client == "Cobalt Mining")]),
    )
    v("status", b, sh, "average value of paid invoices", mean(amt[~unpaid]))
    v("status", b, sh, "how many invoices in USD are unpaid", count(unpaid & (cur == "USD")))
    v("status", b, sh, "unpaid invoices", count(unpaid))

    v(
        "dates",
        b,
        sh,
        "how many invoices were issued in Q1 2024",
        count(between(issued, D(2024, 1, 1), D(2024, 3, 31))),
    )
    v("dates", b, sh, "invoices issued in October", count(months(issued) == 10))
    v(
        "dates",
        b,
        sh,
        "total invoiced in the second half of 2023",
        total(amt[between(issued, D(2023, 7, 1), D(2023, 12, 31))]),
    )
    v(
        "dates",
        b,
        sh,
        "how many invoices are due in July 2024",
        count(between(due, D(2024, 7, 1), D(2024, 7, 31))),
    )
    v(
        "dates",
        b,
        sh,
        "total amount issued before 1 December 2023",
        total(amt[before(issued, D(2023, 12, 1))]),
    )
    v(
        "dates",
        b,
        sh,
        "how many invoices were issued between 15 January and 15 March 2024",
        count(between(issued, D(2024, 1, 15), D(2024, 3, 15))),
    )

    v(
        "superlative",
        b,
        sh,
        "which client has the largest outstanding balance",
        group_best(by(df[unpaid], "Client", "Amount")),
    )
    v(
        "superlative",
        b,
        sh,
        "who is our biggest client by amount invoiced",
        group_best(by(df, "Client", "Amount")),
    )
    v(
        "superlative",
        b,
        sh,
        "the oldest unpaid invoice",
        arg_best(issued[unpaid].map(lambda d: d.toordinal()), df["Invoice No"][unpaid], False),
    )

    v("x_by_y", b, sh, "amount by client", by(df, "Client", "Amount"))
    v("x_by_y", b, sh, "invoices by currency", by(df, "Currency"))

    no_value_at(amt, 10000, 5000, 1000, 15000, 3500)
    v("quantities", b, sh, "invoices over 10k", count(amt > 10000))
    v("quantities", b, sh, "how many invoices are above 5,000", count(amt > 5000))
    v("quantities", b, sh, "total of invoices of at least 15,000", total(amt[amt >= 15000]))
    v("quantities", b, sh, "how many invoices under 3.5k", count(amt < 3500))

    v(
        "two_keys",
        b,
        sh,
        "number of invoices by currency and paid status",
        by2(df, "Currency", "Paid"),
    )
    v("two_keys", b, sh, "number of invoices by client and paid", by2(df, "Client", "Paid"))
    s.clarify("dates", b, sh, "how many invoices in March 2024")
    v(
        "two_keys",
        b,
        sh,
        "invoiced amount by currency and paid",
        by2(df, "Currency", "Paid", "Amount"),
    )

    terms = (pd.to_datetime(due) - pd.to_datetime(issued)).dt.days
    v("derived", b, sh, "average number of days between issue date and due date", mean(terms))
    v("derived", b, sh, "how many invoices give more than 30 days to pay", count(terms > 30))

    v("plain", b, sh, "what is the amount of invoice INV-2024-050", df.loc[49, "Amount"])
    v("plain", b, sh, "when is invoice INV-2023-020 due", df.loc[19, "Due Date"])
    v(
        "plain",
        b,
        sh,
        "total amount invoiced to Beacon Health",
        total(amt[client == "Beacon Health"]),
    )
    assert df.loc[49, "Invoice No"] == "INV-2024-050" and df.loc[19, "Invoice No"] == "INV-2023-020"

    s.refuse("plain", b, sh, "total VAT on invoices")
    s.refuse("row_noun", b, sh, "how many invoices for Globex Corp")
    s.refuse("derived", b, sh, "average days to pay")
    s.refuse("plain", b, sh, "total amount in yen")
    v("row_noun", b, sh, "how many clients pay in euros", client[cur == "EUR"].nunique())


# --------------------------------------------------------------------------------------------
# staff.xlsx / Staff
# --------------------------------------------------------------------------------------------

DEPARTMENTS = (
    ("Sales", 22, 42000, 70000, ("Maria Lopez",)),
    ("Engineering", 24, 55000, 95000, ("Priya Nair", "Lars Holm")),
    ("Finance", 12, 48000, 80000, ("Tom Becker",)),
    ("HR", 8, 38000, 60000, ("Ana Costa",)),
    ("Marketing", 14, 40000, 68000, ("Jules Martin",)),
    ("Operations", 16, 35000, 58000, ("Kenji Sato",)),
)


def build_staff(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("staff")
    names = people(rng, 96, taken=[m for d in DEPARTMENTS for m in d[4]])
    rows = []
    for name in names:
        dept, _w, lo, hi, mgrs = rng.choices(DEPARTMENTS, weights=[d[1] for d in DEPARTMENTS])[0]
        gender = rng.choice(["Female", "Male"])
        hired = rand_day(rng, D(2016, 1, 4), D(2024, 6, 28))
        salary = rng.randint(lo, hi)
        active = rng.random() < (0.75 if hired.year < 2020 else 0.93)
        city = weighted(
            rng, [("Madrid", 30), ("Berlin", 25), ("Lisbon", 18), ("Dublin", 15), ("Warsaw", 12)]
        )
        rows.append([name, gender, dept, hired, salary, rng.choice(mgrs), active, city])
    rows[50][3] = D(2020, 3, 2)
    headers = [
        "Employee",
        "Gender",
        "Department",
        "Hire Date",
        "Salary (€)",
        "Manager",
        "Active",
        "City",
    ]
    df = pd.DataFrame(rows, columns=headers)
    hire = pd.to_datetime(df["Hire Date"])
    for idx in (hire.idxmin(), hire.idxmax()):  # the first and the last hire still work here
        df.loc[idx, "Active"] = True
        rows[idx][6] = True
    sheet_rows = [list(r) for r in rows]
    for i in (9, 38, 77):
        sheet_rows[i][4] = str(sheet_rows[i][4])
    wb = new_book()
    ws = wb.create_sheet("Staff")
    write_table(ws, headers, sheet_rows, formats={3: DATE, 4: "#,##0"})
    save(wb, "staff.xlsx")

    b, sh, v = "staff.xlsx", "Staff", s.value
    dept, gender, sal, active = df["Department"], df["Gender"], df["Salary (€)"], df["Active"]
    city, mgr, emp = df["City"], df["Manager"], df["Employee"]
    female, male = gender == "Female", gender == "Male"
    act = active.astype(bool)

    v("row_noun", b, sh, "how many staff in sales", count(dept == "Sales"))
    v("row_noun", b, sh, "headcount in engineering", count(dept == "Engineering"))
    v("row_noun", b, sh, "how many people report to Maria Lopez", count(mgr == "Maria Lopez"))
    s.add("row_noun", b, sh, "list the employees in HR", list(emp[dept == "HR"]), unordered=True)
    v("row_noun", b, sh, "number of people in the Dublin office", count(city == "Dublin"))
    v(
        "row_noun",
        b,
        sh,
        "how many engineers are there in Lisbon",
        count((dept == "Engineering") & (city == "Lisbon")),
    )
    s.refuse("row_noun", b, sh, "how many employees in Tokyo")
    s.refuse("row_noun", b, sh, "how many staff does Bob manage")

    v("status", b, sh, "how many inactive employees", count(~act))
    v("status", b, sh, "how many females", count(female))
    v("status", b, sh, "number of male employees", count(male))
    v("status", b, sh, "average salary of active staff", mean(sal[act]))
    v(
        "status",
        b,
        sh,
        "how many active women work in engineering",
        count(act & female & (dept == "Engineering")),
    )
    v(
        "status",
        b,
        sh,
        "total salary of active employees in Finance",
        total(sal[act & (dept == "Finance")]),
    )
    v("status", b, sh, "how many men are inactive", count(male & ~act))
    v("status", b, sh, "average salary for women", mean(sal[female]))

    v("dates", b, sh, "how many people were hired in 2021", count(years(hire) == 2021))
    v(
        "dates",
        b,
        sh,
        "employees hired during the first half of 2023",
        count(between(hire, D(2023, 1, 1), D(2023, 6, 30))),
    )
    v("dates", b, sh, "how many staff joined before 2018", count(before(hire, D(2018, 1, 1))))
    assert count(on(hire, D(2020, 3, 2))) == 1
    v("dates", b, sh, "who joined on 2 March 2020", emp[on(hire, D(2020, 3, 2))].iloc[0])
    v(
        "dates",
        b,
        sh,
        "how many hires in Q4 2022",
        count(between(hire, D(2022, 10, 1), D(2022, 12, 31))),
    )

    v("superlative", b, sh, "who earns the most", arg_best(sal, emp))
    v(
        "superlative",
        b,
        sh,
        "who is the newest hire",
        arg_best(hire.map(dt.datetime.toordinal), emp),
    )
    v(
        "superlative",
        b,
        sh,
        "the longest-serving employee",
        arg_best(hire.map(dt.datetime.toordinal), emp, largest=False),
    )
    v(
        "superlative",
        b,
        sh,
        "which department has the highest average salary",
        group_best(by(df, "Department", "Salary (€)", "mean")),
    )
    v("superlative", b, sh, "top 3 earners", row_top(df, "Salary (€)", "Employee", 3))
    s.refuse("superlative", b, sh, "who is the best employee")

    v("two_keys", b, sh, "headcount by department and gender", by2(df, "Department", "Gender"))
    v(
        "two_keys",
        b,
        sh,
        "average salary by department and gender",
        by2(df, "Department", "Gender", "Salary (€)", "mean"),
    )
    v("two_keys", b, sh, "employees by department and city", by2(df, "Department", "City"))
    v(
        "two_keys",
        b,
        sh,
        "average salary by city and department",
        by2(df, "City", "Department", "Salary (€)", "mean"),
    )
    s.clarify("superlative", b, sh, "top 5 departments")

    v("x_by_y", b, sh, "employees by department", by(df, "Department"))
    v("x_by_y", b, sh, "salaries by department", by(df, "Department", "Salary (€)"))
    v("x_by_y", b, sh, "staff per city", by(df, "City"))
    v("x_by_y", b, sh, "average salary by gender", by(df, "Gender", "Salary (€)", "mean"))
    v("x_by_y", b, sh, "salary by manager", by(df, "Manager", "Salary (€)"))

    no_value_at(sal, 60000, 45000, 55000, 40000, 75000)
    v("quantities", b, sh, "how many employees earn over €60k", count(sal > 60000))
    v(
        "quantities",
        b,
        sh,
        "staff with a salary between €45,000 and €55,000",
        count(sal.between(45000, 55000)),
    )
    v("quantities", b, sh, "how many people earn at most €40,000", count(sal <= 40000))

    v("plain", b, sh, f"what is {emp[63]}'s salary", sal[63])
    s.refuse("plain", b, sh, "average bonus")
    s.refuse("plain", b, sh, "average age of employees")


# --------------------------------------------------------------------------------------------
# tickets.xlsx / Tickets
# --------------------------------------------------------------------------------------------

TICKET_TITLES = (
    ("Printer broken on 2nd floor", 6),
    ("Printer not printing colour", 5),
    ("Cannot log in to portal", 8),
    ("Password reset request", 9),
    ("Laptop screen broken", 4),
    ("VPN keeps disconnecting", 7),
    ("Email not syncing on phone", 6),
    ("Invoice download fails", 5),
    ("Broken link on invoice page", 3),
    ("Request for a new monitor", 4),
    ("Wi-Fi slow in meeting room", 5),
    ("Account locked after password change", 4),
    ("App crashes on startup", 6),
    ("Refund not received", 4),
)
AGENTS = ("Sofia Reyes", "Marek Nowak", "Aisha Khan", "Daniel Okafor", "Mei Chen")


def build_tickets(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("tickets")
    rows = []
    emails: set[str] = set()
    for _ in range(124):
        opened = rand_day(rng, D(2023, 10, 2), D(2024, 5, 31), weekdays=False)
        while True:
            first, last = rng.choice(FIRST).lower(), rng.choice(LAST).lower()
            domain = weighted(
                rng,
                [
                    ("gmail.com", 35),
                    ("hotmail.com", 20),
                    ("outlook.com", 10),
                    ("northwind.com", 15),
                    ("acme.com", 12),
                    ("globaltech.io", 8),
                ],
            )
            email = f"{first}.{last}@{domain}"
            if email not in emails:
                emails.add(email)
                break
        title = weighted(rng, TICKET_TITLES)
        priority = weighted(rng, [("Low", 30), ("Medium", 40), ("High", 20), ("Urgent", 10)])
        if opened < D(2024, 4, 1):
            status = weighted(rng, [("Resolved", 75), ("Closed", 15), ("Open", 10)])
        else:
            status = weighted(rng, [("Resolved", 45), ("Closed", 10), ("Open", 45)])
        agent = weighted(rng, list(zip(AGENTS, (26, 22, 20, 18, 14), strict=True)))
        cap = {"Urgent": 12, "High": 30, "Medium": 60, "Low": 96}[priority]
        hours = round(rng.uniform(0.5, cap), 1) if status == "Resolved" else None
        rows.append([opened, email, title, priority, status, agent, hours])
    rows.sort(key=lambda r: r[0])
    for i, r in enumerate(rows):
        r.insert(0, f"T-{5001 + i}")
    headers = [
        "Ticket ID",
        "Opened",
        "Customer Email",
        "Title",
        "Priority",
        "Status",
        "Agent",
        "Resolution (hours)",
    ]
    df = pd.DataFrame(rows, columns=headers)
    month_unique_year(df["Opened"])
    wb = new_book()
    ws = wb.create_sheet("Tickets")
    write_table(ws, headers, rows, formats={1: DATE, 7: "0.0"})
    save(wb, "tickets.xlsx")

    b, sh, v = "tickets.xlsx", "Tickets", s.value
    title, email, st, pri, agent = (
        df["Title"],
        df["Customer Email"],
        df["Status"],
        df["Priority"],
        df["Agent"],
    )
    hours, opened = df["Resolution (hours)"], df["Opened"]

    v("text_match", b, sh, "tickets with 'broken' in the title", count(contains(title, "broken")))
    v("text_match", b, sh, "how many hotmail addresses", count(contains(email, "@hotmail.com")))
    v(
        "text_match",
        b,
        sh,
        "how many tickets came from gmail users",
        count(contains(email, "@gmail.com")),
    )
    v("text_match", b, sh, "tickets mentioning password", count(contains(title, "password")))
    v(
        "text_match",
        b,
        sh,
        "how many tickets are about the printer",
        count(contains(title, "printer")),
    )
    v(
        "text_match",
        b,
        sh,
        "average resolution time for VPN tickets",
        mean(hours[contains(title, "vpn")]),
    )
    v(
        "text_match",
        b,
        sh,
        "how many tickets were raised from northwind.com addresses",
        count(contains(email, "@northwind.com")),
    )
    v(
        "text_match",
        b,
        sh,
        "how many open tickets mention invoice in the title",
        count(contains(title, "invoice") & (st == "Open")),
    )

    v("status", b, sh, "how many tickets are still open", count(st == "Open"))
    v("status", b, sh, "tickets not resolved", count(st != "Resolved"))
    v(
        "status",
        b,
        sh,
        "how many urgent tickets are open",
        count((pri == "Urgent") & (st == "Open")),
    )
    v(
        "status",
        b,
        sh,
        "how many resolved tickets did Mei Chen handle",
        count((agent == "Mei Chen") & (st == "Resolved")),
    )
    v(
        "status",
        b,
        sh,
        "average resolution hours of resolved tickets",
        mean(hours[st == "Resolved"]),
    )
    v("status", b, sh, "open high priority tickets", count((pri == "High") & (st == "Open")))

    m = months(opened)
    v("dates", b, sh, "tickets opened in December", count(m == 12))
    v("dates", b, sh, "how many tickets since April 15", count(since(opened, D(2024, 4, 15))))
    v(
        "dates",
        b,
        sh,
        "tickets opened in the last quarter of 2023",
        count(between(opened, D(2023, 10, 1), D(2023, 12, 31))),
    )
    v(
        "dates",
        b,
        sh,
        "how many tickets in January 2024",
        count(between(opened, D(2024, 1, 1), D(2024, 1, 31))),
    )
    v(
        "dates",
        b,
        sh,
        "how many tickets were opened between 1 and 15 March 2024",
        count(between(opened, D(2024, 3, 1), D(2024, 3, 15))),
    )

    resolved = df[st == "Resolved"]
    v(
        "superlative",
        b,
        sh,
        "which agent resolved the most tickets",
        group_best(by(resolved, "Agent")),
    )
    v(
        "superlative",
        b,
        sh,
        "which agent has the fastest average resolution time",
        group_best(by(resolved, "Agent", "Resolution (hours)", "mean"), largest=False),
    )
    s.clarify("superlative", b, sh, "which agent is the best")

    v("two_keys", b, sh, "count of tickets by priority and status", by2(df, "Priority", "Status"))
    v("two_keys", b, sh, "number of tickets by agent and status", by2(df, "Agent", "Status"))
    v("two_keys", b, sh, "number of tickets by agent and priority", by2(df, "Agent", "Priority"))
    v("text_match", b, sh, "how many tickets are about crashes", count(contains(title, "crash")))
    v(
        "text_match",
        b,
        sh,
        "tickets from outlook.com emails",
        count(contains(email, "@outlook.com")),
    )
    v(
        "text_match",
        b,
        sh,
        "how many tickets have 'locked' in the title",
        count(contains(title, "locked")),
    )

    v("x_by_y", b, sh, "tickets by agent", by(df, "Agent"))
    v("x_by_y", b, sh, "tickets per priority", by(df, "Priority"))
    v("x_by_y", b, sh, "resolution hours by agent", by(resolved, "Agent", "Resolution (hours)"))

    v("plain", b, sh, "median resolution time", float(hours.dropna().median()))
    s.refuse("row_noun", b, sh, "how many tickets did Bob close")
    s.refuse("plain", b, sh, "average customer satisfaction score")
    v(
        "row_noun",
        b,
        sh,
        "how many customers wrote in from acme.com",
        count(contains(email, "@acme.com")),
    )


# --------------------------------------------------------------------------------------------
# lab.xlsx / Readings
# --------------------------------------------------------------------------------------------

LAB_TESTS = {
    # test: (unit, low, high, decimals, passes)
    "pH": ("pH", 6.0, 9.0, 2, lambda x: 6.5 <= x <= 8.5),
    "Nitrate": ("mg/L", 2.0, 75.0, 1, lambda x: x <= 50),
    "Lead": ("µg/L", 0.2, 18.0, 1, lambda x: x <= 10),
    "Turbidity": ("NTU", 0.1, 6.0, 2, lambda x: x <= 4),
}


def build_lab(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("lab")
    rows = []
    for _ in range(104):
        day = rand_day(rng, D(2024, 1, 8), D(2024, 4, 26))
        lab = weighted(rng, [("North Lab", 40), ("Central Lab", 35), ("Harbour Lab", 25)])
        test = rng.choice(list(LAB_TESTS))
        unit, lo, hi, dec, ok = LAB_TESTS[test]
        value = round(rng.uniform(lo, hi), dec)
        rows.append([day, lab, test, value, unit, "yes" if ok(value) else "no"])
    rows.sort(key=lambda r: r[0])
    for i, r in enumerate(rows):
        r.insert(0, f"S-{i + 1:04d}")
    headers = ["Sample ID", "Date", "Lab", "Test", "Result", "Unit", "Passed"]
    df = pd.DataFrame(rows, columns=headers)
    wb = new_book()
    ws = wb.create_sheet("Readings")
    write_table(ws, headers, rows, formats={1: DMY})
    save(wb, "lab.xlsx")

    b, sh, v = "lab.xlsx", "Readings", s.value
    res, test, lab, ok = df["Result"], df["Test"], df["Lab"], df["Passed"] == "yes"
    date = df["Date"]

    v("status", b, sh, "how many tests passed", count(ok))
    v("status", b, sh, "how many samples failed", count(~ok))
    v(
        "status",
        b,
        sh,
        "failed lead tests at Harbour Lab",
        count(~ok & (test == "Lead") & (lab == "Harbour Lab")),
    )
    v("status", b, sh, "how many nitrate samples passed", count(ok & (test == "Nitrate")))
    v("status", b, sh, "average lead result of failed samples", mean(res[~ok & (test == "Lead")]))
    v("status", b, sh, "tests that passed at North Lab", count(ok & (lab == "North Lab")))

    v("plain", b, sh, "average nitrate result", mean(res[test == "Nitrate"]))
    v("plain", b, sh, "highest turbidity reading", res[test == "Turbidity"].max())
    v("plain", b, sh, "what was the result of sample S-0042", df.loc[41, "Result"])

    lead, nit, ph, turb = (
        (test == "Lead"),
        (test == "Nitrate"),
        (test == "pH"),
        (test == "Turbidity"),
    )
    no_value_at(res[lead], 10)
    no_value_at(res[nit], 50)
    no_value_at(res[ph], 6.5)
    no_value_at(res[turb], 1.5)
    v("quantities", b, sh, "lead results above 10 µg/L", count(lead & (res > 10)))
    v("quantities", b, sh, "how many nitrate readings over 50 mg/L", count(nit & (res > 50)))
    v("quantities", b, sh, "pH readings under 6.5", count(ph & (res < 6.5)))
    v(
        "quantities",
        b,
        sh,
        "how many turbidity results are at most 1.5 NTU",
        count(turb & (res <= 1.5)),
    )

    v("superlative", b, sh, "which lab had the most failures", group_best(by(df[~ok], "Lab")))
    v(
        "superlative",
        b,
        sh,
        "which sample had the highest lead level",
        arg_best(res[lead], df["Sample ID"][lead]),
    )

    v("row_noun", b, sh, "samples per lab", by(df, "Lab"))
    v("row_noun", b, sh, "how many lead tests were run", count(lead))

    v("x_by_y", b, sh, "samples by test", by(df, "Test"))
    v("x_by_y", b, sh, "average result by test", by(df, "Test", "Result", "mean"))
    v("x_by_y", b, sh, "failures by lab", by_covering(df, ~ok, "Lab"))

    v("two_keys", b, sh, "count of samples by lab and test", by2(df, "Lab", "Test"))
    v("two_keys", b, sh, "average result by test and lab", by2(df, "Test", "Lab", "Result", "mean"))
    v("two_keys", b, sh, "number of samples by lab and passed", by2(df, "Lab", "Passed"))

    v(
        "dates",
        b,
        sh,
        "how many lead samples were taken in March",
        count(lead & (months(date) == 3)),
    )
    v("dates", b, sh, "samples tested since 1 April 2024", count(since(date, D(2024, 4, 1))))

    s.refuse("plain", b, sh, "average temperature")
    s.refuse("row_noun", b, sh, "how many arsenic tests")
    s.refuse("row_noun", b, sh, "results from the Oslo lab")


# --------------------------------------------------------------------------------------------
# sports.xlsx / Players and 10K Race
# --------------------------------------------------------------------------------------------

TEAMS = ("Harbour Rovers", "Northside United", "Valley Athletic", "Eastfield City")
CLUBS = ("Riverside Runners", "Hilltop Harriers", "City Striders", "Lakeside AC")


def build_sports(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("sports")
    names = people(rng, 40)
    goals = rng.sample(range(0, 44), 40)
    assists = rng.sample(range(0, 40), 40)
    sprint = rng.sample(range(1090, 1330), 40)
    players = []
    minutes_seen: set[int] = set()
    for i, name in enumerate(names):
        matches = rng.randint(8, 34)
        while True:
            minutes = int(matches * rng.uniform(45, 90))
            if minutes not in minutes_seen:
                minutes_seen.add(minutes)
                break
        players.append(
            [name, TEAMS[i % 4], matches, goals[i], assists[i], minutes, sprint[i] / 100]
        )
    headers = ["Player", "Team", "Matches", "Goals", "Assists", "Minutes", "Sprint 100m (s)"]
    df = pd.DataFrame(players, columns=headers)

    runners = people(rng, 60, taken=names)
    secs = rng.sample(range(2280, 4300), 60)
    race = []
    for i, name in enumerate(runners):
        club = weighted(rng, list(zip(CLUBS, (20, 16, 13, 11), strict=True)))
        cat = weighted(
            rng, [("Senior Men", 30), ("Senior Women", 25), ("M40", 20), ("F40", 15), ("M50", 10)]
        )
        race.append([101 + i, name, club, cat, rng.randint(19, 62), secs[i]])
    race[12][4] = 68  # one veteran
    race.sort(key=lambda r: r[5])
    rheaders = ["Bib", "Runner", "Club", "Category", "Age", "Finish Time"]
    rf = pd.DataFrame(race, columns=rheaders)

    wb = new_book()
    ws = wb.create_sheet("Players")
    write_table(ws, headers, players, formats={6: "0.00"})
    ws2 = wb.create_sheet("10K Race")
    race_rows = [[*r[:5], dt.time(r[5] // 3600, r[5] % 3600 // 60, r[5] % 60)] for r in race]
    write_table(ws2, rheaders, race_rows, formats={5: "h:mm:ss"})
    save(wb, "sports.xlsx")

    b, sh, v = "sports.xlsx", "Players", s.value
    g, a, mt, mins, spr = (
        df["Goals"],
        df["Assists"],
        df["Matches"],
        df["Minutes"],
        df["Sprint 100m (s)"],
    )
    pl, team = df["Player"], df["Team"]

    v("superlative", b, sh, "who scored the fewest goals", arg_best(g, pl, False))
    v("superlative", b, sh, "which player had the slowest sprint time", arg_best(spr, pl))
    v("superlative", b, sh, "who is the fastest sprinter", arg_best(spr, pl, False))
    v("superlative", b, sh, "which team scored the most goals", group_best(by(df, "Team", "Goals")))
    v("superlative", b, sh, "top 3 scorers", row_top(df, "Goals", "Player", 3))
    s.clarify("superlative", b, sh, "who is the best player")
    s.clarify("superlative", b, sh, "top 5 players")

    p1, p2, p3, p4 = 3, 14, 27, 33
    v("derived", b, sh, f"goals per match for {pl[p1]}", g[p1] / mt[p1])
    v("derived", b, sh, f"goals per 90 minutes for {pl[p2]}", g[p2] * 90 / mins[p2])
    v("derived", b, sh, "which player has the best goals per match ratio", arg_best(g / mt, pl))
    v("derived", b, sh, f"total goals and assists for {pl[p3]}", g[p3] + a[p3])
    assert g[p4] > 0
    v("derived", b, sh, f"minutes per goal for {pl[p4]}", mins[p4] / g[p4])
    v("derived", b, sh, "total goals divided by total matches", total(g) / total(mt))
    s.clarify("derived", b, sh, "goals per match")

    v("x_by_y", b, sh, "goals by team", by(df, "Team", "Goals"))
    v("x_by_y", b, sh, "assists by team", by(df, "Team", "Assists"))

    v("plain", b, sh, f"how many goals did {pl[21]} score", g[21])
    v(
        "plain",
        b,
        sh,
        "total minutes played by Northside United players",
        total(mins[team == "Northside United"]),
    )
    s.clarify("plain", b, sh, "average for Harbour Rovers")

    no_value_at(spr, 11.5)
    v("quantities", b, sh, "how many players ran 100m in under 11.5 seconds", count(spr < 11.5))
    v("quantities", b, sh, "players who played at least 2,000 minutes", count(mins >= 2000))
    s.refuse("plain", b, sh, f"how many yellow cards did {pl[5]} get")
    s.refuse("plain", b, sh, "average salary of players")
    s.refuse("row_noun", b, sh, "how many goals did the Wanderers score")
    v(
        "row_noun",
        b,
        sh,
        "how many players does Valley Athletic have",
        count(team == "Valley Athletic"),
    )

    b, sh = "sports.xlsx", "10K Race"
    t, rn, club = rf["Finish Time"], rf["Runner"], rf["Club"]
    v("superlative", b, sh, "which runner had the slowest time", arg_best(t, rn))
    v("superlative", b, sh, "who had the fastest finish time", arg_best(t, rn, False))
    v("superlative", b, sh, "the 3 fastest runners", row_top(rf, "Finish Time", "Runner", 3, False))
    v("x_by_y", b, sh, "runners by club", by(rf, "Club"))
    v("two_keys", b, sh, "runners by club and category", by2(rf, "Club", "Category"))
    v(
        "two_keys",
        b,
        sh,
        "average age by club and category",
        by2(rf, "Club", "Category", "Age", "mean"),
    )
    v("plain", b, sh, "how many runners finished", len(rf))
    s.refuse("plain", b, sh, "average heart rate of runners")
    s.refuse("row_noun", b, sh, "runners from Springfield Harriers")


# --------------------------------------------------------------------------------------------
# expenses.xlsx / Expenses
# --------------------------------------------------------------------------------------------

EXPENSE_ITEMS = {
    # category: [(description, low, high, weight)]
    "Travel": [
        ("Taxi to airport", 25, 70, 5),
        ("Taxi from station", 8, 30, 4),
        ("Train London-Leeds", 40, 180, 4),
        ("Flight to Dublin", 90, 650, 3),
        ("Uber to client site", 9, 45, 3),
        ("Parking at Heathrow", 12, 48, 2),
    ],
    "Meals": [
        ("Client dinner", 60, 240, 4),
        ("Team lunch", 30, 160, 3),
        ("Coffee with supplier", 5, 18, 3),
    ],
    "Lodging": [
        ("Hotel 2 nights Leeds", 180, 420, 3),
        ("Hotel Dublin conference", 300, 2800, 2),
        ("Airbnb Manchester", 150, 900, 2),
    ],
    "Office Supplies": [
        ("Printer paper", 8, 40, 3),
        ("Toner cartridge", 35, 120, 2),
        ("Desk organiser", 12, 45, 1),
    ],
    "Software": [
        ("Zoom subscription", 12, 15, 2),
        ("Adobe licence", 55, 600, 2),
        ("Figma seat", 12, 45, 1),
    ],
    "Training": [
        ("Excel course", 150, 450, 2),
        ("Conference ticket Dublin", 400, 3200, 2),
        ("Online certification", 180, 900, 1),
    ],
}
CATEGORY_WEIGHTS = {
    "Travel": 30,
    "Meals": 22,
    "Lodging": 14,
    "Office Supplies": 12,
    "Software": 10,
    "Training": 9,
}


def build_expenses(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("expenses")
    staff = people(rng, 8)
    staff_w = list(zip(staff, (22, 18, 15, 13, 11, 9, 7, 5), strict=True))
    rows = []
    for _ in range(112):
        day = rand_day(rng, D(2023, 9, 1), D(2024, 8, 30))
        cat = weighted(rng, list(CATEGORY_WEIGHTS.items()))
        desc, lo, hi, _w = rng.choices(
            EXPENSE_ITEMS[cat], weights=[x[3] for x in EXPENSE_ITEMS[cat]]
        )[0]
        amount = round(rng.uniform(lo, hi), 2)
        approved = "Yes" if rng.random() < 0.8 else "No"
        rows.append([day, weighted(rng, staff_w), cat, desc, amount, approved])
    rows.sort(key=lambda r: r[0])
    headers = ["Date", "Employee", "Category", "Description", "Amount (£)", "Approved"]
    df = pd.DataFrame(rows, columns=headers)
    month_unique_year(df["Date"])
    wb = new_book()
    ws = wb.create_sheet("Expenses")
    sheet_rows = [list(r) for r in rows]
    for i in (3, 58):  # a lower-case description, as typed
        sheet_rows[i][3] = sheet_rows[i][3].lower()
    write_table(ws, headers, sheet_rows, formats={0: DMY, 4: "£#,##0.00"})
    save(wb, "expenses.xlsx")

    b, sh, v = "expenses.xlsx", "Expenses", s.value
    amt, emp, cat, desc = df["Amount (£)"], df["Employee"], df["Category"], df["Description"]
    ok, date = df["Approved"] == "Yes", df["Date"]

    v(
        "superlative",
        b,
        sh,
        "the 3 biggest spenders",
        top_names(by(df, "Employee", "Amount (£)"), 3),
    )
    v(
        "superlative",
        b,
        sh,
        "which category costs the most",
        group_best(by(df, "Category", "Amount (£)")),
    )
    v("superlative", b, sh, "who made the single most expensive claim", arg_best(amt, emp))

    v("text_match", b, sh, "how many expenses mention taxi", count(contains(desc, "taxi")))
    v(
        "text_match",
        b,
        sh,
        "total amount of expenses with 'hotel' in the description",
        total(amt[contains(desc, "hotel")]),
    )
    v("text_match", b, sh, "how many expenses are described as taxi", count(contains(desc, "taxi")))
    v(
        "text_match",
        b,
        sh,
        "total of expenses whose description mentions Dublin",
        total(amt[contains(desc, "dublin")]),
    )
    v(
        "text_match",
        b,
        sh,
        "how many claims mention a conference",
        count(contains(desc, "conference")),
    )
    v("text_match", b, sh, "how much did we spend on Uber", total(amt[contains(desc, "uber")]))
    v(
        "text_match",
        b,
        sh,
        "average cost of a client dinner",
        mean(amt[contains(desc, "client dinner")]),
    )

    v("status", b, sh, "unapproved expenses", count(~ok))
    v("status", b, sh, "total of approved expenses", total(amt[ok]))
    v(
        "status",
        b,
        sh,
        "how much Travel spending was not approved",
        total(amt[~ok & (cat == "Travel")]),
    )
    v(
        "status",
        b,
        sh,
        f"how many expenses did {staff[1]} get approved",
        count(ok & (emp == staff[1])),
    )

    no_value_at(amt, 500, 50, 200, 1200, 20, 2500)
    v("quantities", b, sh, "expenses over £500", count(amt > 500))
    v("quantities", b, sh, "how many expenses between £50 and £200", count(amt.between(50, 200)))
    v("quantities", b, sh, "claims above £1,200", count(amt > 1200))
    v("quantities", b, sh, "total of expenses under £20", total(amt[amt < 20]))
    v("quantities", b, sh, "how many expenses above £2,500", count(amt > 2500))

    v(
        "two_keys",
        b,
        sh,
        "total amount by employee and category",
        by2(df, "Employee", "Category", "Amount (£)"),
    )
    v(
        "two_keys",
        b,
        sh,
        "count of expenses by category and approved",
        by2(df, "Category", "Approved"),
    )
    v(
        "two_keys",
        b,
        sh,
        "spend by category and approval",
        by2(df, "Category", "Approved", "Amount (£)"),
    )

    v("x_by_y", b, sh, "spend by category", by(df, "Category", "Amount (£)"))
    v("text_match", b, sh, "how many expenses mention printer", count(contains(desc, "printer")))
    v("text_match", b, sh, "total spent on flights", total(amt[contains(desc, "flight")]))
    v(
        "two_keys",
        b,
        sh,
        "number of claims by employee and approved",
        by2(df, "Employee", "Approved"),
    )
    v("x_by_y", b, sh, "amount by employee", by(df, "Employee", "Amount (£)"))
    v("x_by_y", b, sh, "claims per employee", by(df, "Employee"))
    v("x_by_y", b, sh, "average amount per category", by(df, "Category", "Amount (£)", "mean"))

    m = months(date)
    v(
        "dates",
        b,
        sh,
        "total spent in Q2 2024",
        total(amt[between(date, D(2024, 4, 1), D(2024, 6, 30))]),
    )
    v("dates", b, sh, "spending during the first quarter", total(amt[m.isin([1, 2, 3])]))
    v("dates", b, sh, "total since 1 July 2024", total(amt[since(date, D(2024, 7, 1))]))
    v(
        "dates",
        b,
        sh,
        "how many claims were made in H2 2023",
        count(between(date, D(2023, 7, 1), D(2023, 12, 31))),
    )

    v("plain", b, sh, "total expenses", total(amt))
    v(
        "plain",
        b,
        sh,
        f"how much did {staff[3]} spend on meals",
        total(amt[(emp == staff[3]) & (cat == "Meals")]),
    )
    s.refuse("plain", b, sh, "total mileage claimed")
    s.refuse("row_noun", b, sh, "expenses for Gandalf")
    v("row_noun", b, sh, f"how many expenses did {staff[0]} submit", count(emp == staff[0]))
    v("row_noun", b, sh, "how many people claimed expenses", emp.nunique())


# --------------------------------------------------------------------------------------------
# pipeline.xlsx / Pipeline
# --------------------------------------------------------------------------------------------

STAGES = (
    ("Prospecting", (0.1,), 20),
    ("Qualification", (0.2, 0.3), 22),
    ("Proposal", (0.4, 0.5, 0.6), 18),
    ("Negotiation", (0.7, 0.8, 0.9), 12),
)
DEAL_COMPANIES = (  # noqa: SIM905
    "Contoso Adatum Fabrikam Tailspin Wingtip Northwind Litware Proseware Lucerne Woodgrove "
    "Alpine Coho Humongous Trey Margie Fourth Wide Relecloud Bellows Blue Yonder Datum Graphic "
    "VanArsdel Southridge Lamna Munson Nod Olympia Parnell Quokka Rivet Sable"
).split()
DEAL_KINDS = ("renewal", "expansion", "new licence", "pilot", "upgrade", "support plan")


def build_pipeline(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("pipeline")
    reps = (
        "Hannah Wells",
        "Diego Ramos",
        "Chloe Martin",
        "Rahul Mehta",
        "Ingrid Olsen",
        "Kwame Asante",
    )
    deals: set[str] = set()
    rows = []
    while len(rows) < 72:
        deal = f"{rng.choice(DEAL_COMPANIES)} {rng.choice(DEAL_KINDS)}"
        if deal in deals:
            continue
        deals.add(deal)
        stage, probs, _w = rng.choices(STAGES, weights=[x[2] for x in STAGES])[0]
        amount = rng.randint(50, 2500) * 100
        region = weighted(rng, [("EMEA", 35), ("North America", 30), ("APAC", 22), ("LATAM", 13)])
        close = rand_day(rng, D(2024, 1, 5), D(2024, 12, 20))
        rows.append(
            [
                deal,
                weighted(rng, list(zip(reps, (20, 18, 16, 14, 12, 10), strict=True))),
                stage,
                amount,
                rng.choice(probs),
                close,
                region,
            ]
        )
    rows[11][3] = 1_650_000
    rows[47][3] = 2_100_000
    headers = [
        "Deal",
        "Owner",
        "Stage",
        "Amount ($)",
        "Win Probability",
        "Expected Close",
        "Region",
    ]
    df = pd.DataFrame(rows, columns=headers)
    df["Weighted"] = df["Amount ($)"] * df["Win Probability"]
    wb = new_book()
    ws = wb.create_sheet("Pipeline")
    write_table(ws, headers, rows, formats={3: "$#,##0", 4: PCT, 5: DATE})
    save(wb, "pipeline.xlsx")

    b, sh, v = "pipeline.xlsx", "Pipeline", s.value
    amt, prob, region, stage, owner = (
        df["Amount ($)"],
        df["Win Probability"],
        df["Region"],
        df["Stage"],
        df["Owner"],
    )
    close, w = df["Expected Close"], df["Weighted"]

    v("derived", b, sh, "expected revenue", total(w))
    v("derived", b, sh, "weighted pipeline for EMEA", total(w[region == "EMEA"]))
    v("derived", b, sh, "expected revenue by region", by(df, "Region", "Weighted"))
    v(
        "derived",
        b,
        sh,
        "expected value of the deals in the Proposal stage",
        total(w[stage == "Proposal"]),
    )
    v("derived", b, sh, f"expected revenue for {reps[2]}", total(w[owner == reps[2]]))
    s.refuse("derived", b, sh, "total commission")

    no_value_at(amt, 50000, 20000, 40000, 100000)
    v("quantities", b, sh, "deals with a win probability of at least 60%", count(prob >= 0.6))
    v("quantities", b, sh, "how many deals are at most 20% likely to close", count(prob <= 0.2))
    v("quantities", b, sh, "deals over $50k", count(amt > 50000))
    v("quantities", b, sh, "how many deals between $20k and $40k", count(amt.between(20000, 40000)))
    v("quantities", b, sh, "deals worth at least 1.5 million", count(amt >= 1_500_000))
    v("quantities", b, sh, "total amount of deals above 100k", total(amt[amt > 100000]))
    v("quantities", b, sh, "how many deals have a win probability above 0.5", count(prob > 0.5))

    v(
        "two_keys",
        b,
        sh,
        "total amount by region and stage",
        by2(df, "Region", "Stage", "Amount ($)"),
    )
    v("two_keys", b, sh, "number of deals by owner and stage", by2(df, "Owner", "Stage"))
    v("two_keys", b, sh, "deal count by region and owner", by2(df, "Region", "Owner"))
    s.clarify("derived", b, sh, "what is the value of the pipeline")
    v(
        "two_keys",
        b,
        sh,
        "average win probability by region and stage",
        by2(df, "Region", "Stage", "Win Probability", "mean"),
    )

    v("x_by_y", b, sh, "amount by stage", by(df, "Stage", "Amount ($)"))
    v("x_by_y", b, sh, "deals by owner", by(df, "Owner"))
    v("x_by_y", b, sh, "amount by region", by(df, "Region", "Amount ($)"))
    v("x_by_y", b, sh, "deal count per region", by(df, "Region"))

    v("superlative", b, sh, "which rep owns the largest deal", arg_best(amt, owner))
    v(
        "superlative",
        b,
        sh,
        "which region has the biggest pipeline",
        group_best(by(df, "Region", "Amount ($)")),
    )
    v(
        "superlative",
        b,
        sh,
        "top 3 reps by total amount",
        top_names(by(df, "Owner", "Amount ($)"), 3),
    )
    s.clarify("superlative", b, sh, "who is the best rep")

    m = months(close)
    v("dates", b, sh, "deals expected to close in the third quarter", count(m.isin([7, 8, 9])))
    v("dates", b, sh, "how many deals close in H1 2024", count(m <= 6))
    v("dates", b, sh, "total amount closing from February to April", total(amt[m.isin([2, 3, 4])]))
    v(
        "dates",
        b,
        sh,
        "how many deals close after 15 October 2024",
        count(pd.to_datetime(close) > pd.Timestamp(D(2024, 10, 15))),
    )

    v("status", b, sh, "how many deals are in negotiation", count(stage == "Negotiation"))
    v("status", b, sh, "total amount still in prospecting", total(amt[stage == "Prospecting"]))
    v("plain", b, sh, "average deal size", mean(amt))
    v("plain", b, sh, f"who owns the {df.loc[30, 'Deal']} deal", owner[30])
    s.clarify("plain", b, sh, "average for APAC")
    s.refuse("row_noun", b, sh, "deals in Antarctica")
    s.refuse("row_noun", b, sh, "how many deals did Bob win")
    v("row_noun", b, sh, f"how many deals does {reps[0]} own", count(owner == reps[0]))


# --------------------------------------------------------------------------------------------
# tourism.xlsx / Arrivals and Receipts (one column per year)
# --------------------------------------------------------------------------------------------

COUNTRIES = (  # noqa: SIM905
    "France Spain Italy Germany Greece Portugal Croatia Austria Netherlands Ireland Turkey "
    "Japan Thailand Mexico Canada Morocco Egypt Vietnam Brazil Australia Poland Norway"
).split()
YEARS = list(range(2015, 2023))
SHOCK = {2015: 1.0, 2016: 1.0, 2017: 1.0, 2018: 1.0, 2019: 1.0, 2020: 0.3, 2021: 0.45, 2022: 0.82}


def year_table(rng: random.Random, lo: float, hi: float) -> list[list[Any]]:
    rows = []
    for country in COUNTRIES:
        level = rng.uniform(lo, hi)
        row: list[Any] = [country]
        for y in YEARS:
            level *= rng.uniform(1.01, 1.07)
            row.append(round(level * SHOCK[y] * rng.uniform(0.9, 1.1), 1))
        rows.append(row)
    return rows


def build_tourism(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("tourism")
    arrivals = year_table(rng, 2.5, 85.0)
    receipts = year_table(rng, 1.5, 70.0)
    headers: list[Any] = ["Country", *YEARS]
    wb = new_book()
    write_table(
        wb.create_sheet("Arrivals"), headers, arrivals, formats={j: "0.0" for j in range(1, 9)}
    )
    write_table(
        wb.create_sheet("Receipts"), headers, receipts, formats={j: "0.0" for j in range(1, 9)}
    )
    save(wb, "tourism.xlsx")

    cls, b, v = "wide_years", "tourism.xlsx", s.value
    for sh, rows in (("Arrivals", arrivals), ("Receipts", receipts)):
        df = pd.DataFrame(rows, columns=["Country", *[str(y) for y in YEARS]])
        c = df["Country"]

        def cell(country: str, year: int, df: pd.DataFrame = df) -> float:
            return float(df.loc[df["Country"] == country, str(year)].iloc[0])

        def col(year: int, df: pd.DataFrame = df) -> pd.Series:
            return df[str(year)]

        if sh == "Arrivals":
            v(cls, b, sh, "value for France in 2019", cell("France", 2019))
            v(cls, b, sh, "what was Spain's figure in 2016", cell("Spain", 2016))
            v(cls, b, sh, "arrivals in Italy in 2021", cell("Italy", 2021))
            v(cls, b, sh, "total 2020", total(col(2020)))
            v(cls, b, sh, "sum of 2015", total(col(2015)))
            v(cls, b, sh, "average of 2018", mean(col(2018)))
            v(cls, b, sh, "which country had the highest 2021", arg_best(col(2021), c))
            v(
                cls,
                b,
                sh,
                "which country had the lowest value in 2020",
                arg_best(col(2020), c, False),
            )
            no_value_at(col(2019), 20)
            v(cls, b, sh, "how many countries had more than 20 in 2019", count(col(2019) > 20))
            v(
                cls,
                b,
                sh,
                "top 3 countries in 2022",
                top_names(dict(zip(c, col(2022), strict=True)), 3),
            )
            v(cls, b, sh, "max of 2017", col(2017).max())
            v(cls, b, sh, "which country was largest in 2015", arg_best(col(2015), c))
            v(
                cls,
                b,
                sh,
                "total for Germany across all years",
                sum(cell("Germany", y) for y in YEARS),
            )
            v(cls, b, sh, "what was the 2020 figure for Japan", cell("Japan", 2020))
            v(
                cls,
                b,
                sh,
                "how many countries had more arrivals in 2022 than in 2019",
                count(col(2022) > col(2019)),
            )
            v(cls, b, sh, "median of 2022", float(col(2022).median()))
            v(
                cls,
                b,
                sh,
                "average arrivals for Greece from 2015 to 2019",
                sum(cell("Greece", y) for y in range(2015, 2020)) / 5,
            )
            v(cls, b, sh, "how many countries are listed", len(df))
            v(cls, b, sh, "Portugal 2018", cell("Portugal", 2018))
            v(
                cls,
                b,
                sh,
                "bottom 2 countries in 2016",
                top_names(dict(zip(c, col(2016), strict=True)), 2, largest=False),
            )
            s.clarify(cls, b, sh, "growth for Italy")
            s.clarify(cls, b, sh, "how much did Japan change")
            s.clarify(cls, b, sh, "which country had the highest value")
            s.refuse(cls, b, sh, "value for Narnia in 2019")
            s.refuse(cls, b, sh, "total 2025")
        else:
            v(cls, b, sh, "receipts for Thailand in 2019", cell("Thailand", 2019))
            v(cls, b, sh, "total receipts in 2022", total(col(2022)))
            v(cls, b, sh, "average 2016", mean(col(2016)))
            v(cls, b, sh, "which country earned the most in 2018", arg_best(col(2018), c))
            v(cls, b, sh, "which country earned the least in 2021", arg_best(col(2021), c, False))
            v(cls, b, sh, "what did Mexico earn in 2017", cell("Mexico", 2017))
            no_value_at(col(2020), 10)
            v(cls, b, sh, "how many countries were below 10 in 2020", count(col(2020) < 10))
            v(cls, b, sh, "minimum of 2019", col(2019).min())
            v(
                cls,
                b,
                sh,
                "top 5 countries by 2015 receipts",
                top_names(dict(zip(c, col(2015), strict=True)), 5),
            )
            v(
                cls,
                b,
                sh,
                "total for Canada in 2020 and 2021",
                cell("Canada", 2020) + cell("Canada", 2021),
            )
            s.refuse(cls, b, sh, "receipts for Atlantis in 2020")
            s.refuse(cls, b, sh, "total 2012")


# --------------------------------------------------------------------------------------------
# monthly.xlsx / Units (Jan..Dec + Total) and Budget (January..December)
# --------------------------------------------------------------------------------------------

MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
UNIT_PRODUCTS = (
    "Trail Shoe",
    "Road Shoe",
    "Rain Jacket",
    "Fleece Top",
    "Base Layer",
    "Running Cap",
    "Hiking Sock",
    "Gym Bag",
    "Water Bottle",
    "Yoga Mat",
    "Head Torch",
    "Compression Tight",
    "Sports Bra",
    "Wind Vest",
    "Gaiters",
    "Trekking Pole",
)
BUDGET_DEPTS = (
    "Finance",
    "IT",
    "HR",
    "Marketing",
    "Sales",
    "Operations",
    "R&D",
    "Facilities",
    "Customer Service",
)


def build_monthly(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("monthly")
    units = []
    for p in UNIT_PRODUCTS:
        base = rng.uniform(90, 700)
        season = rng.choice([0.0, 0.35, -0.35])
        row = [p]
        for i in range(12):
            f = 1 + season * math.cos((i - 6) * math.pi / 6)
            row.append(round(base * f * rng.uniform(0.8, 1.2)))
        row.append(sum(row[1:]))
        units.append(row)
    budget = []
    for d in BUDGET_DEPTS:
        base = rng.uniform(18000, 120000)
        budget.append([d] + [round(base * rng.uniform(0.85, 1.15), -2) for _ in range(12)])
    wb = new_book()
    write_table(
        wb.create_sheet("Units"),
        ["Product", *MON3, "Total"],
        units,
        formats={j: "#,##0" for j in range(1, 14)},
    )
    write_table(
        wb.create_sheet("Budget"),
        ["Department", *MONTHS],
        budget,
        formats={j: '#,##0 "€"' for j in range(1, 13)},
    )
    save(wb, "monthly.xlsx")

    cls, b, v = "month_column", "monthly.xlsx", s.value
    u = pd.DataFrame(units, columns=["Product", *MON3, "Total"])
    p = u["Product"]
    sh = "Units"

    def ucell(product: str, m: str) -> int:
        return int(u.loc[p == product, m].iloc[0])

    v(cls, b, sh, "sales in April", total(u["Apr"]))
    v(cls, b, sh, "average for March", mean(u["Mar"]))
    v(cls, b, sh, "which product sold most in June", arg_best(u["Jun"], p))
    v(cls, b, sh, "which product sold the least in October", arg_best(u["Oct"], p, False))
    v(cls, b, sh, "units of Trail Shoe in September", ucell("Trail Shoe", "Sep"))
    v(cls, b, sh, "total for the first quarter", sum(total(u[m]) for m in MON3[:3]))
    no_value_at(u["May"], 500)
    v(cls, b, sh, "how many products sold more than 500 in May", count(u["May"] > 500))
    v(cls, b, sh, "top 3 products in December", top_names(dict(zip(p, u["Dec"], strict=True)), 3))
    v(cls, b, sh, "total units in the second half of the year", sum(total(u[m]) for m in MON3[6:]))
    v(cls, b, sh, "which product sold the most overall", arg_best(u["Total"], p))
    v(cls, b, sh, "how many Yoga Mats did we sell in February", ucell("Yoga Mat", "Feb"))
    v(cls, b, sh, "total sales for Rain Jacket", ucell("Rain Jacket", "Total"))
    v(cls, b, sh, "highest monthly figure in August", u["Aug"].max())
    v(
        cls,
        b,
        sh,
        "Head Torch sales from January to March",
        sum(ucell("Head Torch", m) for m in MON3[:3]),
    )
    v(cls, b, sh, "median of July", float(u["Jul"].median()))
    month_tot = {m: total(u[m]) for m in MON3}
    v(cls, b, sh, "which month had the highest total sales", group_best(month_tot))
    v(cls, b, sh, "November sales for Gym Bag", ucell("Gym Bag", "Nov"))
    v(cls, b, sh, "how many units did we sell in total in May", total(u["May"]))
    s.refuse(cls, b, sh, "units of Hoverboard in May")

    sh = "Budget"
    bd = pd.DataFrame(budget, columns=["Department", *MONTHS])
    dep = bd["Department"]

    def bcell(d: str, m: str) -> float:
        return float(bd.loc[dep == d, m].iloc[0])

    v(cls, b, sh, "budget for Marketing in July", bcell("Marketing", "July"))
    v(cls, b, sh, "total budget for November", total(bd["November"]))
    v(cls, b, sh, "average monthly budget for IT", sum(bcell("IT", m) for m in MONTHS) / 12)
    v(
        cls,
        b,
        sh,
        "which department has the biggest budget in February",
        arg_best(bd["February"], dep),
    )
    v(cls, b, sh, "total annual budget for HR", sum(bcell("HR", m) for m in MONTHS))
    no_value_at(bd["January"], 50000)
    v(
        cls,
        b,
        sh,
        "how many departments have more than €50,000 in January",
        count(bd["January"] > 50000),
    )
    v(cls, b, sh, "average for September", mean(bd["September"]))
    v(cls, b, sh, "smallest budget in April", bd["April"].min())
    v(cls, b, sh, "what is the R&D budget for October", bcell("R&D", "October"))
    v(cls, b, sh, "total budget for Q3", sum(total(bd[m]) for m in MONTHS[6:9]))
    bmonth = {m: total(bd[m]) for m in MONTHS}
    v(cls, b, sh, "which month has the lowest total budget", group_best(bmonth, largest=False))
    s.refuse(cls, b, sh, "budget for Legal in March")


# --------------------------------------------------------------------------------------------
# stores.xlsx / Summary: title in A1, header at B4, a Total row under the data
# --------------------------------------------------------------------------------------------

STORES = (
    ("Lyon Part-Dieu", "East"),
    ("Paris Bastille", "Central"),
    ("Paris La Défense", "Central"),
    ("Lille Europe", "North"),
    ("Rouen Centre", "North"),
    ("Amiens Gare", "North"),
    ("Nantes Atlantis", "West"),
    ("Rennes Colombia", "West"),
    ("Brest Jaurès", "West"),
    ("Bordeaux Lac", "West"),
    ("Toulouse Blagnac", "South"),
    ("Marseille Vieux-Port", "South"),
    ("Nice Etoile", "South"),
    ("Montpellier Odysseum", "South"),
    ("Strasbourg Halles", "East"),
    ("Metz Muse", "East"),
    ("Dijon Toison", "East"),
    ("Grenoble Grand Place", "East"),
    ("Orléans Place d'Arc", "Central"),
    ("Tours Nationale", "Central"),
    ("Reims Cathédrale", "North"),
    ("Le Havre Docks", "North"),
    ("Angers Atoll", "West"),
    ("Perpignan Catalogne", "South"),
    ("Toulon Mayol", "South"),
    ("Clermont Jaude", "Central"),
    ("Limoges Saint-Martial", "Central"),
    ("Caen Mondeville", "North"),
    ("Nancy Saint-Sébastien", "East"),
    ("Annecy Courier", "East"),
    ("Porto Ribeira", "South"),
    ("Brussels Toison", "North"),
)


def build_stores(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("stores")
    managers = people(rng, len(STORES))
    staff = rng.sample(range(6, 48), len(STORES))
    rows = []
    for i, (store, region) in enumerate(STORES):
        revenue = rng.randint(380, 2400) * 1000 + rng.randint(0, 999)
        target = round(revenue * rng.uniform(0.85, 1.18), -3)
        margin = round(rng.uniform(8.0, 32.0), 1)
        opened = rand_day(rng, D(2008, 1, 1), D(2023, 6, 30))
        rows.append([store, region, managers[i], revenue, target, staff[i], margin, opened])
    headers = [
        "Store",
        "Region",
        "Manager",
        "Revenue (€)",
        "Target (€)",
        "Staff",
        "Gross Margin %",
        "Opened",
    ]
    df = pd.DataFrame(rows, columns=headers)
    wb = new_book()
    ws = wb.create_sheet("Summary")
    ws["A1"] = "Store performance report - FY2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Source: store finance export, 02/07/2024"
    write_table(
        ws, headers, rows, top=4, left=2, formats={3: "#,##0", 4: "#,##0", 6: "0.0", 7: DATE}
    )
    last = 4 + len(rows) + 1
    ws.cell(row=last, column=2, value="Total").font = Font(bold=True)
    ws.cell(row=last, column=5, value=int(df["Revenue (€)"].sum())).number_format = "#,##0"
    ws.cell(row=last, column=6, value=float(df["Target (€)"].sum())).number_format = "#,##0"
    ws.cell(row=last, column=7, value=int(df["Staff"].sum()))
    save(wb, "stores.xlsx")

    b, sh, v = "stores.xlsx", "Summary", s.value
    rev, tgt, st, region = df["Revenue (€)"], df["Target (€)"], df["Staff"], df["Region"]
    name, margin, opened = df["Store"], df["Gross Margin %"], df["Opened"]
    gap = rev - tgt

    v("plain", b, sh, "how many stores are there", len(df))
    v("plain", b, sh, "total revenue", total(rev))
    v("plain", b, sh, "average revenue per store", mean(rev))
    v("plain", b, sh, "revenue of the Lyon Part-Dieu store", rev[name == "Lyon Part-Dieu"].iloc[0])
    v(
        "plain",
        b,
        sh,
        "who manages the Porto Ribeira store",
        df.loc[name == "Porto Ribeira", "Manager"].iloc[0],
    )
    v("plain", b, sh, "median revenue", float(rev.median()))
    s.clarify("plain", b, sh, "total for the North region")
    s.clarify("plain", b, sh, "total variance")
    s.refuse("plain", b, sh, "average footfall")
    s.refuse("plain", b, sh, "revenue of the Oslo store")

    v("row_noun", b, sh, "how many stores in the North region", count(region == "North"))
    v("row_noun", b, sh, "stores per region", by(df, "Region"))
    s.add(
        "row_noun",
        b,
        sh,
        "list the stores in the West region",
        list(name[region == "West"]),
        unordered=True,
    )

    v("x_by_y", b, sh, "revenue by region", by(df, "Region", "Revenue (€)"))
    v("x_by_y", b, sh, "staff by region", by(df, "Region", "Staff"))

    v("superlative", b, sh, "which store has the most staff", arg_best(st, name))
    v(
        "superlative",
        b,
        sh,
        "which region has the most revenue",
        group_best(by(df, "Region", "Revenue (€)")),
    )
    s.clarify("superlative", b, sh, "which is the best store")

    v("derived", b, sh, "how many stores beat their target", count(rev > tgt))
    v("text_match", b, sh, "how many stores have Paris in the name", count(contains(name, "paris")))
    v("text_match", b, sh, "how many store names start with M", count(name.str.startswith("M")))
    v("derived", b, sh, "total revenue minus target", total(gap))
    v("derived", b, sh, "which store missed its target by the most", arg_best(gap, name, False))
    v("derived", b, sh, "which store beat its target by the most", arg_best(gap, name))
    v("derived", b, sh, "total gross profit", total(rev * margin / 100))
    v(
        "derived",
        b,
        sh,
        "revenue per staff member for Metz Muse",
        float(rev[name == "Metz Muse"].iloc[0] / st[name == "Metz Muse"].iloc[0]),
    )

    no_value_at(margin, 15, 20, 25)
    no_value_at(rev, 1_500_000, 1_000_000, 2_000_000)
    v("quantities", b, sh, "stores with a gross margin of at least 15%", count(margin >= 15))
    v("quantities", b, sh, "stores with revenue of at least 1.5 million", count(rev >= 1_500_000))
    v("quantities", b, sh, "how many stores made between €1M and €2M", count(rev.between(1e6, 2e6)))
    v(
        "quantities",
        b,
        sh,
        "average revenue of stores with a margin above 25%",
        mean(rev[margin > 25]),
    )

    v("dates", b, sh, "how many stores opened before 2015", count(before(opened, D(2015, 1, 1))))
    v("dates", b, sh, "stores opened since 2020", count(since(opened, D(2020, 1, 1))))


# --------------------------------------------------------------------------------------------
# members.xlsx / Members
# --------------------------------------------------------------------------------------------

PLANS = {"Basic": 9.99, "Plus": 19.99, "Premium": 34.99, "Family": 49.99}


def build_members(s: Suite) -> None:
    rng = rng_for("members")
    names = people(rng, 86)
    rows = []
    for name in names:
        joined = rand_day(rng, D(2022, 3, 1), D(2024, 6, 28), weekdays=False)
        plan = weighted(rng, [("Basic", 35), ("Plus", 28), ("Premium", 22), ("Family", 15)])
        fee = PLANS[plan] if rng.random() < 0.8 else round(PLANS[plan] * 0.8, 2)
        renewed = "Yes" if rng.random() < (0.7 if joined < D(2024, 1, 1) else 0.5) else "No"
        city = weighted(
            rng, [("Austin", 30), ("Denver", 24), ("Portland", 20), ("Chicago", 16), ("Boston", 10)]
        )
        rows.append([name, joined, plan, renewed, fee, city])
    rows.sort(key=lambda r: r[1])
    headers = ["Member", "Joined", "Plan", "Renewed", "Monthly Fee ($)", "City"]
    df = pd.DataFrame(rows, columns=headers)
    wb = new_book()
    ws = wb.create_sheet("Members")
    write_table(ws, headers, rows, formats={1: "mm/dd/yyyy", 4: "$0.00"})
    save(wb, "members.xlsx")

    b, sh, v = "members.xlsx", "Members", s.value
    joined, plan, ren, fee, city, mem = (
        df["Joined"],
        df["Plan"],
        df["Renewed"] == "Yes",
        df["Monthly Fee ($)"],
        df["City"],
        df["Member"],
    )
    y = years(joined)
    s.add(
        "row_noun",
        b,
        sh,
        "list the members who joined in 2023",
        list(mem[y == 2023]),
        unordered=True,
    )
    v("row_noun", b, sh, "how many members are on the Premium plan", count(plan == "Premium"))
    s.add(
        "row_noun",
        b,
        sh,
        "list the Family plan members in Boston",
        list(mem[(plan == "Family") & (city == "Boston")]),
        unordered=True,
    )
    s.refuse("row_noun", b, sh, "how many members are on the Gold plan")

    v("status", b, sh, "members who renewed", count(ren))
    v("status", b, sh, "how many members did not renew", count(~ren))
    v("status", b, sh, "total monthly fees of members who renewed", total(fee[ren]))
    v("status", b, sh, "how many Premium members renewed", count(ren & (plan == "Premium")))
    s.add(
        "status",
        b,
        sh,
        "list the Denver members who did not renew",
        list(mem[~ren & (city == "Denver")]),
        unordered=True,
    )

    v(
        "dates",
        b,
        sh,
        "how many members joined in the second half of 2023",
        count(between(joined, D(2023, 7, 1), D(2023, 12, 31))),
    )
    v("dates", b, sh, "members who joined since 10 May 2024", count(since(joined, D(2024, 5, 10))))
    v("dates", b, sh, "how many joined during 2022", count(y == 2022))
    v(
        "dates",
        b,
        sh,
        "how many members joined from February to April 2024",
        count(between(joined, D(2024, 2, 1), D(2024, 4, 30))),
    )

    jo = pd.to_datetime(joined).map(dt.datetime.toordinal)
    v("superlative", b, sh, "who is the newest member", arg_best(jo, mem))
    v("superlative", b, sh, "the longest-standing member", arg_best(jo, mem, False))
    v(
        "superlative",
        b,
        sh,
        "which city brings in the most monthly fees",
        group_best(by(df, "City", "Monthly Fee ($)")),
    )

    v("x_by_y", b, sh, "members per plan", by(df, "Plan"))
    v("x_by_y", b, sh, "monthly fees by city", by(df, "City", "Monthly Fee ($)"))
    v("two_keys", b, sh, "members by plan and city", by2(df, "Plan", "City"))
    v("two_keys", b, sh, "count of members by plan and renewed", by2(df, "Plan", "Renewed"))
    v(
        "two_keys",
        b,
        sh,
        "monthly fees by city and plan",
        by2(df, "City", "Plan", "Monthly Fee ($)"),
    )

    v("derived", b, sh, "annual revenue from Premium members", 12 * total(fee[plan == "Premium"]))
    v("derived", b, sh, f"how much does {mem[30]} pay per year", 12 * fee[30])
    v("plain", b, sh, f"what plan is {mem[40]} on", plan[40])
    s.refuse("plain", b, sh, "average age of members")
    no_value_at(fee, 20, 30)
    v("quantities", b, sh, "members paying over $20 a month", count(fee > 20))
    v("quantities", b, sh, "how many members pay at most $30", count(fee <= 30))


# --------------------------------------------------------------------------------------------
# inventory.xlsx / Stock, Catalog and Suppliers
# --------------------------------------------------------------------------------------------

CATALOG = (
    # item, category
    ("Steel Bracket", "Fasteners"),
    ("Hex Bolt M8 (box)", "Fasteners"),
    ("Wood Screws (box)", "Fasteners"),
    ("Wall Plugs (box)", "Fasteners"),
    ("Rivet Kit", "Fasteners"),
    ("Anchor Bolts (box)", "Fasteners"),
    ("Cordless Drill", "Tools"),
    ("Claw Hammer", "Tools"),
    ("Spirit Level", "Tools"),
    ("Circular Saw", "Tools"),
    ("Socket Set", "Tools"),
    ("Workbench", "Tools"),
    ("Angle Grinder", "Tools"),
    ("Tool Chest", "Tools"),
    ("LED Floodlight", "Electrical"),
    ("Extension Reel 25m", "Electrical"),
    ("Cable 2.5mm (50m)", "Electrical"),
    ("Consumer Unit", "Electrical"),
    ("Smart Switch", "Electrical"),
    ("Junction Box", "Electrical"),
    ("Copper Pipe 15mm", "Plumbing"),
    ("Basin Mixer Tap", "Plumbing"),
    ("Radiator 600x1000", "Plumbing"),
    ("Pipe Wrench", "Plumbing"),
    ("Combi Boiler", "Plumbing"),
    ("Shower Valve", "Plumbing"),
    ("Safety Helmet", "Safety"),
    ("Hi-Vis Vest", "Safety"),
    ("Ear Defenders", "Safety"),
    ("Steel Toe Boots", "Safety"),
    ("First Aid Kit", "Safety"),
    ("Safety Harness", "Safety"),
)
SUPPLIER_NAMES = (
    "Pennine Fixings",
    "Aire Tools",
    "Calder Electrical",
    "Severn Supplies",
    "Avon Hardware",
    "Clyde Trade",
    "Forth Industrial",
    "Mersey Metals",
    "Irwell Pipeworks",
    "Tyne Safety",
    "Humber Distribution",
    "Wharfe Components",
    "Trent Plumbing",
    "Don Valley Steel",
    "Kelvin Electrics",
    "Bristol Bolt Co",
    "Leeds Lighting",
    "Glasgow Gear",
    "Manchester Mills",
    "Birmingham Brassworks",
    "Ouse Outfitters",
    "Tees Tools",
    "Dee Direct",
    "Exe Engineering",
    "Medway Materials",
    "Cam Components",
    "Wear Workwear",
    "Lune Logistics",
)


def build_inventory(s: Suite) -> None:  # noqa: PLR0915 (a list of cases)
    rng = rng_for("inventory")
    sup_cities = [
        ("Leeds", 8),
        ("Manchester", 6),
        ("Bristol", 5),
        ("Glasgow", 5),
        ("Birmingham", 4),
    ]
    ratings = rng.sample(range(250, 500), len(SUPPLIER_NAMES))
    leads = [rng.randint(2, 30) for _ in SUPPLIER_NAMES]
    leads[5] = 1
    suppliers = []
    for i, n in enumerate(SUPPLIER_NAMES):
        city = weighted(rng, sup_cities)
        named = n.split()[0]
        if named in dict(sup_cities):  # 'Leeds Lighting' is in Leeds
            city = named
        suppliers.append([n, city, people(rng, 1)[0], ratings[i] / 100, leads[i]])
    catalog = []
    for item, cat in CATALOG:
        cost = round(
            rng.uniform(1.5, 900) if cat in ("Tools", "Plumbing") else rng.uniform(1.5, 120), 2
        )
        price = round(cost * rng.uniform(1.15, 1.9), 2)
        weight = round(
            rng.uniform(0.2, 25.0) if cat in ("Tools", "Plumbing") else rng.uniform(0.1, 9.0), 2
        )
        catalog.append([item, cat, rng.choice(SUPPLIER_NAMES), cost, price, weight])
    stock = []
    for i in range(64):
        item = catalog[i % len(catalog)] if i < len(catalog) else rng.choice(catalog)
        wh = (
            ("Leeds", "Bristol", "Glasgow")[i % 3]
            if i < len(catalog)
            else rng.choice(["Leeds", "Bristol", "Glasgow"])
        )
        on_hand = rng.randint(0, 240)
        reorder = rng.choice([10, 20, 25, 40, 50])
        if on_hand == reorder:
            on_hand += 3
        stock.append([f"SKU-{3001 + i}", item[0], wh, on_hand, item[4], reorder])
    for i in (7, 30, 52):  # sold out
        stock[i][3] = 0
    wb = new_book()
    sh_headers = ["SKU", "Item", "Warehouse", "On Hand", "Unit Price (£)", "Reorder Level"]
    write_table(wb.create_sheet("Stock"), sh_headers, stock, formats={4: "£#,##0.00"})
    c_headers = ["Item", "Category", "Supplier", "Cost (£)", "Price (£)", "Weight (kg)"]
    write_table(
        wb.create_sheet("Catalog"), c_headers, catalog, formats={3: "£#,##0.00", 4: "£#,##0.00"}
    )
    s_headers = ["Supplier", "City", "Contact", "Rating", "Lead Time (days)"]
    write_table(wb.create_sheet("Suppliers"), s_headers, suppliers)
    save(wb, "inventory.xlsx")

    b, v = "inventory.xlsx", s.value
    st = pd.DataFrame(stock, columns=sh_headers)
    value = st["On Hand"] * st["Unit Price (£)"]
    wh = st["Warehouse"]
    st = st.assign(Value=value)
    sh = "Stock"
    v("derived", b, sh, "inventory value", total(value))
    v("derived", b, sh, "stock value in Glasgow", total(value[wh == "Glasgow"]))
    v("derived", b, sh, "inventory value by warehouse", by(st, "Warehouse", "Value"))
    v(
        "derived",
        b,
        sh,
        "how many SKUs are below their reorder level",
        count(st["On Hand"] < st["Reorder Level"]),
    )
    v("plain", b, sh, "total units on hand", total(st["On Hand"]))
    v("plain", b, sh, "how many SKUs are out of stock", count(st["On Hand"] == 0))
    v("row_noun", b, sh, "how many SKUs are stored in Bristol", count(wh == "Bristol"))
    v("x_by_y", b, sh, "units on hand by warehouse", by(st, "Warehouse", "On Hand"))
    v(
        "two_keys",
        b,
        sh,
        "units on hand by item and warehouse",
        by2(st, "Item", "Warehouse", "On Hand"),
    )
    s.clarify("plain", b, sh, "total for Leeds")
    s.refuse("plain", b, sh, "average shelf life")
    s.refuse("row_noun", b, sh, "stock in the Cardiff warehouse")

    sh = "Catalog"
    cf = pd.DataFrame(catalog, columns=c_headers)
    mg = cf["Price (£)"] - cf["Cost (£)"]
    item, w, price = cf["Item"], cf["Weight (kg)"], cf["Price (£)"]
    v("derived", b, sh, "total margin", total(mg))
    v("text_match", b, sh, "how many items have 'box' in the name", count(contains(item, "box")))
    v("text_match", b, sh, "how many catalog items mention steel", count(contains(item, "steel")))
    v("derived", b, sh, "average margin", mean(mg))
    v("derived", b, sh, "which item has the highest margin", arg_best(mg, item))
    v("derived", b, sh, "margin for Steel Bracket", float(mg[item == "Steel Bracket"].iloc[0]))
    s.clarify("derived", b, sh, "average for Tools")
    no_value_at(w, 5, 12.5)
    no_value_at(price, 200, 900)
    v("quantities", b, sh, "items under 5 kg", count(w < 5))
    v("quantities", b, sh, "how many items weigh more than 12.5 kg", count(w > 12.5))
    v("quantities", b, sh, "products priced between £200 and £900", count(price.between(200, 900)))
    v("superlative", b, sh, "the heaviest item", arg_best(w, item))
    v("superlative", b, sh, "what is the priciest product", arg_best(price, item))
    v("x_by_y", b, sh, "items by category", by(cf, "Category"))
    v(
        "two_keys",
        b,
        sh,
        "number of items by category and supplier",
        by2(cf, "Category", "Supplier"),
    )
    s.refuse("plain", b, sh, "total tax")

    sh = "Suppliers"
    sf = pd.DataFrame(suppliers, columns=s_headers)
    city, name = sf["City"], sf["Supplier"]
    v("row_noun", b, sh, "how many suppliers are in Leeds", count(city == "Leeds"))
    v("text_match", b, sh, "suppliers with 'Tools' in their name", count(contains(name, "tools")))
    v("row_noun", b, sh, "suppliers per city", by(sf, "City"))
    s.add(
        "row_noun",
        b,
        sh,
        "list the suppliers in Manchester",
        list(name[city == "Manchester"]),
        unordered=True,
    )
    v(
        "superlative",
        b,
        sh,
        "which supplier has the shortest lead time",
        arg_best(sf["Lead Time (days)"], name, False),
    )
    v(
        "quantities",
        b,
        sh,
        "suppliers with a lead time of at most 7 days",
        count(sf["Lead Time (days)"] <= 7),
    )
    v("x_by_y", b, sh, "average rating by city", by(sf, "City", "Rating", "mean"))
    s.refuse("row_noun", b, sh, "how many suppliers are in Paris")


def main() -> None:
    BOOKS.mkdir(parents=True, exist_ok=True)
    suite = Suite()
    for builder in BUILDERS:
        builder(suite)
    with CASES.open("w", encoding="utf-8", newline="\n") as fh:
        for case in suite.cases:
            fh.write(json.dumps(case, ensure_ascii=False, sort_keys=False) + "\n")
    kinds: dict[str, int] = {}
    classes: dict[str, int] = {}
    for c in suite.cases:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
        classes[c["class"]] = classes.get(c["class"], 0) + 1
    print(f"{len(suite.cases)} cases -> {CASES}")
    print("kinds:", kinds)
    print("classes:", classes)


BUILDERS: list[Callable[[Suite], None]] = [
    build_orders,
    build_invoices,
    build_staff,
    build_tickets,
    build_lab,
    build_sports,
    build_expenses,
    build_pipeline,
    build_tourism,
    build_monthly,
    build_stores,
    build_members,
    build_inventory,
]

if __name__ == "__main__":
    main()
