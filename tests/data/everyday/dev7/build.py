"""Everyday spreadsheet questions, dev set 7 (split "dev").

Written by a helper session that saw neither nlsheet's training data nor its
rules; every command below was made up from scratch for this set.

What this script does (deterministically: seeded random.Random, fixed dates,
no clock, fixed zip-entry timestamps and fixed document properties, so two runs
produce byte-identical files):

1. Writes ten messy-but-realistic workbooks into ./books/ with openpyxl, one
   business domain each (festival ticket sales, bakery production/waste, vet
   clinic visits, translator invoices, school exam results, fleet fuel log,
   charity donations, letting-agency rent roll, museum visitors per gallery with
   one column per year 2016..2024, airline passengers per route with one column
   per month Jan..Dec).  Mess included across the books: title rows above the
   header, blank rows inside the data, "Total" rows under the data, a table
   starting in column B, numbers stored as text, blank cells, yes/no columns,
   status columns, free-text notes, real date cells, currency/units in headers,
   repeating names, 40-200 rows per table.
2. Reads every workbook back with its own small loader (finds the header row,
   skips title rows, blank rows and Total rows, turns text numbers into numbers)
   and COMPUTES every expected answer from those rows with pandas.  No answer is
   typed by hand.  If a generated data set would make a case ambiguous (a tie
   for a superlative or top-N, a value sitting exactly on a threshold used in a
   command, a missing cell in a two-key table, a "clarify" case whose two
   readings happen to agree) the book is re-drawn with the next seed.
3. Writes ./cases.jsonl, one JSON object per line:
   {"id", "book", "sheet", "command", "class", "split", "kind", "expected",
    ["unordered"]}

Conventions for "expected":
- kind "value": numbers are plain JSON numbers (counts are ints; other numbers
  rounded to 6 decimals); one name is a string; lists of names are lists
  ("unordered": true when order does not matter, ranked lists keep rank order);
  "X by Y" is {group: number}; two keys are {k1: {k2: number}} (only
  combinations that exist; the data are drawn so that every combination
  exists); months are "YYYY-MM" (month-column table: the sheet is for 2024, so
  "Aug" -> "2024-08"); single dates "YYYY-MM-DD"; years are ints (as dict keys
  they become strings, JSON requires it); percentages/shares are fractions in
  0..1.  A bare noun phrase is a count of rows.  "between A and B" is inclusive,
  "since D" includes D, "before"/"after" exclude.  Blank cells are ignored by
  averages.  "X by Y" where X is the row noun is a count, where X is a measure
  it is a sum.
- kind "clarify": expected null; the command has two reasonable readings with
  different answers for that table (checked in code where it is numeric).
- kind "refuse": expected null; no column of the table can answer it.
"""

import io
import json
import math
import os
import random
import re
import zipfile
from datetime import date, datetime, timedelta

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
BOOKS = os.path.join(HERE, "books")
SPLIT = "dev"
ID_PREFIX = "dev7"
FIXED_ZIP_DT = (2024, 7, 1, 9, 0, 0)
FIXED_PROP_DT = datetime(2024, 7, 1, 9, 0, 0)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


class Retry(Exception):
    """Raised when a generated data set would make some case ambiguous."""


def need(cond):
    if not cond:
        raise Retry()


# ----------------------------------------------------------------- writing
def save_book(wb, path):
    wb.properties.creator = "dev7 builder"
    wb.properties.lastModifiedBy = "dev7 builder"
    wb.properties.created = FIXED_PROP_DT
    wb.properties.modified = FIXED_PROP_DT
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2024-07-01T09:00:00Z\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def put_table(ws, r0, c0, header, rows, fmts=None, widths=None):
    """Write header at (r0, c0) and rows below; a row that is None is left blank.
    Values that are None or '' are left as blank cells."""
    fmts = fmts or {}
    for j, h in enumerate(header):
        ws.cell(r0, c0 + j, h).font = BOLD
    r = r0 + 1
    for row in rows:
        if row is None:
            r += 1
            continue
        for j, v in enumerate(row):
            if v is None or (isinstance(v, str) and v == ""):
                continue
            c = ws.cell(r, c0 + j, v)
            if not isinstance(v, str) and str(header[j]) in fmts:
                c.number_format = fmts[str(header[j])]
            if isinstance(row[0], str) and row[0] == "Total":
                c.font = BOLD
        r += 1
    if widths:
        for j, w in enumerate(widths):
            ws.column_dimensions[openpyxl.utils.get_column_letter(c0 + j)].width = w
    return r


def with_blanks(rows, positions):
    out = []
    for i, r in enumerate(rows):
        if i in positions:
            out.append(None)
        out.append(r)
    return out


# ----------------------------------------------------------------- reading
def load_table(path, sheet, first_header):
    """Small loader: find the header row (the row holding first_header), skip
    title rows above it, blank rows and Total rows below it."""
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hi = c0 = None
    for i, r in enumerate(rows):
        if first_header in r:
            hi, c0 = i, r.index(first_header)
            break
    assert hi is not None, (path, first_header)
    hdr = rows[hi][c0:]
    while hdr and hdr[-1] is None:
        hdr.pop()
    hdr = [str(h).strip() for h in hdr]
    out = []
    for r in rows[hi + 1 :]:
        vals = (r[c0 : c0 + len(hdr)] + [None] * len(hdr))[: len(hdr)]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in vals):
            continue
        if isinstance(vals[0], str) and vals[0].strip().lower().startswith("total"):
            continue
        out.append(vals)
    return pd.DataFrame(out, columns=hdr)


def num(s):
    def f(v):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return np.nan
        if isinstance(v, (int, float)):
            return float(v)
        t = str(v).replace(",", "").replace("£", "").replace("€", "").strip()
        return float(t) if t else np.nan

    return s.map(f).astype(float)


def yn(s):
    def f(v):
        if v is None:
            return None
        t = str(v).strip().lower()
        return {"y": "Yes", "yes": "Yes", "n": "No", "no": "No"}.get(t, str(v).strip())

    return s.map(f)


def txt(s):
    return s.fillna("").astype(str)


def dts(s):
    return pd.to_datetime(s)


# ----------------------------------------------------------------- answers
def clean(x):
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (pd.Timestamp, datetime)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        assert not np.isnan(x)
        if abs(x - round(x)) < 1e-9:
            return int(round(x))
        return round(x, 6)
    if isinstance(x, str):
        return x
    raise TypeError(type(x))


def top1(s, smallest=False):
    s = s.dropna().sort_values(ascending=smallest, kind="mergesort")
    need(len(s) >= 1)
    need(len(s) == 1 or abs(s.iloc[0] - s.iloc[1]) > 1e-9)
    return s.index[0]


def topn(s, n):
    s = s.dropna().sort_values(ascending=False, kind="mergesort")
    vals = list(s.iloc[: n + 1])
    need(len(vals) >= n)
    need(all(abs(vals[i] - vals[i + 1]) > 1e-9 for i in range(min(n, len(vals) - 1))))
    return [str(k) for k in s.index[:n]]


def no_eq(values, *thresholds):
    vals = [float(v) for v in values if pd.notna(v)]
    for t in thresholds:
        need(not any(abs(v - t) < 1e-9 for v in vals))


def by(series):
    return {str(k): v for k, v in series.items()}


def nested(series, full=True):
    """MultiIndex series -> {k1: {k2: v}}; with full=True every combination
    of the observed k1 and k2 values must exist."""
    out = {}
    for (a, b), v in series.items():
        out.setdefault(str(a), {})[str(b)] = v
    if full:
        k2 = {k for d in out.values() for k in d}
        need(all(set(d) == k2 for d in out.values()))
    return out


def ulist(s):
    vals = sorted({str(v) for v in s.dropna()})
    need(len(vals) >= 1)
    return vals


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.items = book, sheet, []
        self.commands = set()

    def _add(self, cls, cmd, kind, exp, unordered=False):
        assert cmd not in self.commands, cmd
        self.commands.add(cmd)
        d = {
            "book": self.book,
            "sheet": self.sheet,
            "command": cmd,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": None if exp is None else clean(exp),
        }
        if unordered:
            d["unordered"] = True
        self.items.append(d)

    def v(self, cls, cmd, exp, unordered=False):
        self._add(cls, cmd, "value", exp, unordered)

    def clarify(self, cls, cmd):
        self._add(cls, cmd, "clarify", None)

    def refuse(self, cls, cmd):
        self._add(cls, cmd, "refuse", None)


FIRST = [
    "Olivia",
    "Jack",
    "Amelia",
    "Harry",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Mia",
    "Leo",
    "Grace",
    "Oscar",
    "Freya",
    "Arthur",
    "Lily",
    "Theo",
    "Ella",
    "Finn",
    "Sophie",
    "Ethan",
    "Chloe",
    "Lucas",
    "Ruby",
    "Samuel",
    "Priya",
    "Omar",
    "Zara",
    "Daniel",
    "Hannah",
    "Kwame",
    "Aisha",
    "Tomasz",
    "Niamh",
    "Rhys",
    "Megan",
    "Callum",
    "Erin",
    "Yusuf",
    "Maya",
    "Lewis",
    "Holly",
    "Ravi",
    "Beth",
    "Connor",
    "Imogen",
    "Adam",
    "Keira",
    "Felix",
    "Rosa",
    "Marcus",
]
LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Khan",
    "Lewis",
    "Hughes",
    "Price",
    "Murphy",
    "Kowalski",
    "Okafor",
    "Ahmed",
    "Fraser",
    "Reid",
    "Campbell",
    "Ellis",
    "Bennett",
    "Shaw",
    "Lloyd",
    "Doyle",
    "Nash",
    "Osei",
    "Moss",
]


def people(R, n, exclude_last=()):
    out, seen = [], set()
    while len(out) < n:
        f, l = R.choice(FIRST), R.choice(LAST)
        if l in exclude_last or (f, l) in seen:
            continue
        seen.add((f, l))
        out.append(f"{f} {l}")
    return out


def rand_date(R, start, end):
    return start + timedelta(days=R.randrange((end - start).days + 1))


def ym(s):
    return s.dt.strftime("%Y-%m")


def fmt_day(d):
    return f"{d.day} {d.strftime('%b')}"


MONEY = "#,##0.00"
DATEF = "dd/mm/yyyy"


# =================================================================== 1 festival
def book_festival(seed):
    R = random.Random(seed)
    fname, sheet = "festival_ticket_sales.xlsx", "Ticket Sales"
    types = {
        "Day Pass": 69.0,
        "Weekend Pass": 149.0,
        "VIP Weekend": 289.0,
        "Camping Add-on": 45.0,
        "Child Day": 25.0,
    }
    channels = ["Website", "App", "Box Office", "Reseller"]
    buyers = people(R, 38)
    doms = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.com"]
    email = {
        b: b.lower().replace(" ", R.choice([".", "_", ""])) + "@" + R.choice(doms) for b in buyers
    }
    bw = [R.choice([1, 1, 2, 3, 5]) for _ in buyers]
    raw = []
    for i in range(152):
        d = rand_date(R, date(2024, 1, 8), date(2024, 6, 30))
        t = R.choices(list(types), [30, 30, 12, 15, 13])[0]
        ch = R.choices(channels, [45, 25, 15, 15])[0]
        q = R.choices([1, 2, 3, 4, 5, 6], [28, 36, 12, 12, 7, 5])[0]
        r = R.random()
        promo = ""
        if d.month <= 2 and r < 0.35:
            promo = "EARLYBIRD"
        elif r < 0.10:
            promo = "STUDENT10"
        elif q >= 4 and r < 0.35:
            promo = "FRIENDS4"
        disc = {"": 0, "EARLYBIRD": 0.15, "STUDENT10": 0.10, "FRIENDS4": 0.05}[promo]
        price = round(types[t] * (1 - disc), 2)
        b = R.choices(buyers, bw)[0]
        refunded = "Yes" if R.random() < 0.09 else "No"
        raw.append([d, t, ch, q, price, b, email[b], promo, refunded])
    # one big group booking through a reseller
    gb = R.choice(buyers)
    raw.append([date(2024, 4, 18), "VIP Weekend", "Reseller", 10, 289.0, gb, email[gb], "", "No"])
    raw.sort(key=lambda x: x[0])
    rows = []
    text_qty = set(R.sample(range(len(raw)), 4))
    for i, x in enumerate(raw):
        q = str(x[3]) if i in text_qty else x[3]
        rows.append([f"SSF-{10001 + i}", x[0], x[1], x[2], q, x[4], x[5], x[6], x[7], x[8]])
    header = [
        "Order ID",
        "Order Date",
        "Ticket Type",
        "Channel",
        "Qty",
        "Unit Price (£)",
        "Buyer",
        "Buyer Email",
        "Promo Code",
        "Refunded",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Summer Sound Festival 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Ticket sales export - all channels, Jan to Jun"
    tot = ["Total", None, None, None, sum(x[3] for x in raw), None, None, None, None, None]
    body = with_blanks(rows, {41, 99}) + [None, tot]
    put_table(
        ws,
        4,
        1,
        header,
        body,
        {"Order Date": DATEF, "Unit Price (£)": MONEY},
        [11, 12, 16, 12, 6, 14, 18, 30, 12, 10],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    # ---- read back and compute
    df = load_table(path, sheet, "Order ID")
    df["Qty"] = num(df["Qty"])
    df["Price"] = num(df["Unit Price (£)"])
    df["Date"] = dts(df["Order Date"])
    df["Refunded"] = yn(df["Refunded"])
    df["Value"] = df["Qty"] * df["Price"]
    df["Month"] = ym(df["Date"])
    df["Promo"] = txt(df["Promo Code"])
    assert len(df) == len(raw)
    C = Cases(fname, sheet)
    ref = df["Refunded"] == "Yes"

    C.v("row_noun", "how many orders came in through the app?", (df.Channel == "App").sum())
    C.v(
        "row_noun",
        "list the buyers who bought VIP tickets",
        ulist(df.loc[df["Ticket Type"] == "VIP Weekend", "Buyer"]),
        unordered=True,
    )
    C.v("status", "how many orders got refunded", ref.sum())
    C.v("status", "website orders that weren't refunded", ((df.Channel == "Website") & ~ref).sum())
    no_eq(df.Value, 200)
    C.v("status", "refunded orders worth over £200", (ref & (df.Value > 200)).sum())
    C.v(
        "dates", "how many tickets did we sell in Q2?", df.loc[df.Date.dt.quarter == 2, "Qty"].sum()
    )
    C.v("dates", "no. of orders since May 10", (df.Date >= "2024-05-10").sum())
    m = (df.Date >= "2024-02-01") & (df.Date <= "2024-03-15")
    C.v("dates", "what were the takings between 1 Feb and 15 Mar?", df.loc[m, "Value"].sum())
    no_eq(df.Price, 100)
    C.v("quantities", "orders with a unit price above £100", (df.Price > 100).sum())
    no_eq(df.Value, 150, 300)
    C.v(
        "quantities",
        "how many orders came to between £150 and £300 in total",
        ((df.Value >= 150) & (df.Value <= 300)).sum(),
    )
    no_eq(df.Value, 500)
    C.v("quantities", "orders that came to more than £500", (df.Value > 500).sum())
    C.v("superlative", "who bought the most tickets?", top1(df.groupby("Buyer").Qty.sum()))
    C.v(
        "superlative",
        "which sales channel brought in the most money",
        top1(df.groupby("Channel").Value.sum()),
    )
    C.v(
        "superlative",
        "biggest order by value - which order id?",
        top1(df.set_index("Order ID").Value),
    )
    C.v("superlative", "top 3 buyers by spend", topn(df.groupby("Buyer").Value.sum(), 3))
    C.v(
        "two_keys",
        "quantity sold by channel and month",
        nested(df.groupby(["Channel", "Month"]).Qty.sum()),
    )
    C.v(
        "two_keys",
        "number of orders per ticket type and channel",
        nested(df.groupby(["Ticket Type", "Channel"]).size()),
    )
    C.v(
        "x_by_y",
        "gross sales per ticket type (qty x price)",
        by(df.groupby("Ticket Type").Value.sum()),
    )
    rc = df[ref].groupby("Channel").size()
    need(len(rc) == 4)
    C.v("x_by_y", "show me refunds by channel", by(rc))
    C.v(
        "text_match",
        "how many orders were made with a hotmail address?",
        txt(df["Buyer Email"]).str.lower().str.contains("hotmail").sum(),
    )
    C.v(
        "text_match",
        "orders using a promo code starting with EARLY",
        df.Promo.str.upper().str.startswith("EARLY").sum(),
    )
    C.v("derived", "whats the average order value", df.Value.mean())
    vip = df["Ticket Type"] == "VIP Weekend"
    C.v(
        "derived",
        "what share of all tickets sold were VIP?",
        df.loc[vip, "Qty"].sum() / df.Qty.sum(),
    )
    C.v("plain", "total tickets sold", df.Qty.sum())
    need(abs(df.Price.mean() - df.Value.sum() / df.Qty.sum()) > 0.01)
    C.clarify("plain", "what's the average ticket price?")
    C.clarify("dates", "how much did we sell in April?")
    g = df.groupby("Buyer")
    need(top1(g.Qty.sum()) != top1(g.Value.sum()))
    C.clarify("superlative", "who's our best customer?")
    C.refuse("plain", "what's the average age of our VIP buyers?")
    C.refuse("superlative", "which stage sold the most tickets?")
    return C.items


# =================================================================== 2 bakery
def book_bakery(seed):
    R = random.Random(seed)
    fname, sheet = "bakery_production_waste.xlsx", "Production Log"
    prods = {
        "Sourdough Loaf": (4.80, 18, 48),
        "Baguette": (1.90, 30, 80),
        "Croissant": (1.60, 48, 144),
        "Cinnamon Bun": (2.40, 36, 96),
        "Rye Bread": (4.20, 12, 36),
        "Focaccia": (3.50, 12, 40),
        "Pain au Chocolat": (1.80, 48, 120),
    }
    bakers = ["Marta", "Tom", "Aisha", "Luca", "Jonas"]
    shifts = ["Early", "Day", "Late"]
    notes_pool = [
        "oven 2 ran hot",
        "burnt edges on one tray",
        "late flour delivery",
        "new recipe trial",
        "leftovers to food bank",
        "proofing took longer",
        "Oven door seal sticking",
        "a few burnt on the bottom",
        "short-staffed",
    ]
    raw = []
    d = date(2024, 3, 1)
    while d <= date(2024, 4, 30):
        k = R.choice([2, 2, 2, 3]) if d.weekday() < 5 else R.choice([2, 3])
        for p in R.sample(list(prods), k):
            price, lo, hi = prods[p]
            batch = R.randint(lo, hi)
            sh = R.choice(shifts)
            baker = R.choice(bakers)
            if R.random() < 0.22:
                sold, wasted, so = batch, 0, "Yes"
                note = R.choice(["sold out by 10am", "sold out early", ""])
            else:
                sold = int(batch * R.uniform(0.55, 0.95))
                wasted = int((batch - sold) * R.uniform(0.3, 1.0))
                so = "No"
                note = R.choice(notes_pool) if R.random() < 0.35 else ""
            raw.append([d, p, sh, baker, batch, sold, wasted, so, price, note])
        d += timedelta(days=1)
    # make sure croissants were baked on 14 March
    if not any(x[0] == date(2024, 3, 14) and x[1] == "Croissant" for x in raw):
        raw.append([date(2024, 3, 14), "Croissant", "Early", "Luca", 96, 81, 9, "No", 1.60, ""])
        raw.sort(key=lambda x: x[0])
    need(40 <= len(raw) <= 200)
    text_cells = set(R.sample(range(len(raw)), 5))
    rows = []
    for i, x in enumerate(raw):
        x = list(x)
        if i in text_cells:
            x[6] = str(x[6])
        rows.append(x)
    header = [
        "Date",
        "Product",
        "Shift",
        "Baker",
        "Batch Size",
        "Units Sold",
        "Units Wasted",
        "Sold Out?",
        "Price each (€)",
        "Notes",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["B1"] = "Kornblume Bakery - production & waste log (March/April 2024)"
    ws["B1"].font = TITLE
    weeks = {
        i
        for i in range(1, len(raw))
        if raw[i][0].isocalendar()[1] != raw[i - 1][0].isocalendar()[1]
    }
    blanks = set(sorted(weeks)[::3])
    tot = [
        "Total",
        None,
        None,
        None,
        sum(x[4] for x in raw),
        sum(x[5] for x in raw),
        sum(x[6] for x in raw),
        None,
        None,
        None,
    ]
    put_table(
        ws,
        3,
        2,
        header,
        with_blanks(rows, blanks) + [tot],
        {"Date": DATEF, "Price each (€)": MONEY},
        [12, 18, 8, 9, 11, 11, 13, 10, 14, 28],
    )
    ws.column_dimensions["A"].width = 3
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Date")
    assert len(df) == len(raw)
    df["Date"] = dts(df["Date"])
    for c in ["Batch Size", "Units Sold", "Units Wasted", "Price each (€)"]:
        df[c] = num(df[c])
    df["SO"] = yn(df["Sold Out?"])
    df["Notes"] = txt(df["Notes"])
    df["Month"] = ym(df["Date"])
    df["Rev"] = df["Units Sold"] * df["Price each (€)"]
    df["Left"] = df["Batch Size"] - df["Units Sold"] - df["Units Wasted"]
    C = Cases(fname, sheet)
    W, S, B = "Units Wasted", "Units Sold", "Batch Size"

    C.v("row_noun", "how many batches did Marta bake?", (df.Baker == "Marta").sum())
    late = ulist(
        df.loc[(df.Shift == "Late") & (df.Baker == "Aisha") & (df.Date.dt.month == 4), "Product"]
    )
    need(1 < len(late) < len(prods))
    C.v(
        "row_noun",
        "which products did Aisha bake on the late shift in April?",
        late,
        unordered=True,
    )
    C.v("status", "How many batches sold out?", (df.SO == "Yes").sum())
    C.v(
        "status",
        "day shift batches that didn't sell out",
        ((df.Shift == "Day") & (df.SO == "No")).sum(),
    )
    C.v("x_by_y", "units wasted by product", by(df.groupby("Product")[W].sum()))
    C.v("x_by_y", "avg batch size by shift", by(df.groupby("Shift")[B].mean()))
    C.v(
        "dates", "how many units did we throw away in April", df.loc[df.Date.dt.month == 4, W].sum()
    )
    C.v(
        "dates",
        "croissants sold on 14 March?",
        df.loc[(df.Date == "2024-03-14") & (df.Product == "Croissant"), S].sum(),
    )
    C.v(
        "dates",
        "total units sold in the second half of March",
        df.loc[(df.Date >= "2024-03-16") & (df.Date <= "2024-03-31"), S].sum(),
    )
    C.v(
        "dates",
        "give me the number of batches between 3rd and 9th March",
        ((df.Date >= "2024-03-03") & (df.Date <= "2024-03-09")).sum(),
    )
    no_eq(df[W], 20)
    C.v("quantities", "batches with more than 20 units wasted", (df[W] > 20).sum())
    no_eq(df[B], 100)
    C.v("quantities", "how many batches were at least a hundred units", (df[B] >= 100).sum())
    rate = df[W] / df[B]
    no_eq(rate, 0.10)
    C.v("quantities", "batches where waste was at most 10% of the batch", (rate <= 0.10).sum())
    C.v(
        "quantities",
        "products priced under €2.50",
        ulist(df.loc[df["Price each (€)"] < 2.5, "Product"]),
        unordered=True,
    )
    C.v(
        "superlative",
        "which product has the highest total waste?",
        top1(df.groupby("Product")[W].sum()),
    )
    C.v(
        "superlative",
        "which baker sold the most sourdough",
        top1(df[df.Product == "Sourdough Loaf"].groupby("Baker")[S].sum()),
    )
    C.v(
        "superlative",
        "the day with the most units wasted",
        top1(df.groupby(df.Date.dt.strftime("%Y-%m-%d"))[W].sum()),
    )
    C.v("two_keys", "waste by product and shift", nested(df.groupby(["Product", "Shift"])[W].sum()))
    C.v(
        "two_keys",
        "units sold per baker per month",
        nested(df.groupby(["Baker", "Month"])[S].sum()),
    )
    C.v(
        "text_match",
        "how many batches mention the oven in the notes?",
        df.Notes.str.lower().str.contains("oven").sum(),
    )
    bl = ulist(
        df.loc[df.Notes.str.lower().str.contains("burnt") & (df.Date.dt.month == 4), "Baker"]
    )
    need(len(bl) < len(bakers))
    C.v("text_match", "which bakers had something burnt noted down in April", bl, unordered=True)
    bg = df.Product == "Baguette"
    C.v(
        "derived",
        "what share of all the baguettes we baked ended up wasted?",
        df.loc[bg, W].sum() / df.loc[bg, B].sum(),
    )
    C.v("derived", "revenue from cinnamon buns", df.loc[df.Product == "Cinnamon Bun", "Rev"].sum())
    C.v("derived", "how many units were left over - neither sold nor binned?", df.Left.sum())
    C.v(
        "plain",
        "average units sold per batch on the early shift",
        df.loc[df.Shift == "Early", S].mean(),
    )
    C.clarify("plain", "total units for rye bread")
    g = df.groupby("Baker")
    need(top1(g[W].sum()) != top1(g[W].sum() / g[B].sum()))
    C.clarify("superlative", "who's our most wasteful baker?")
    C.refuse("dates", "how much flour did we go through in March")
    C.refuse("row_noun", "which supplier delivered the butter?")
    return C.items


# =================================================================== 3 vet clinic
def book_vet(seed):
    R = random.Random(seed)
    fname, sheet = "vet_clinic_visits.xlsx", "Visits"
    names = [
        "Max",
        "Luna",
        "Charlie",
        "Milo",
        "Daisy",
        "Rocky",
        "Coco",
        "Bailey",
        "Poppy",
        "Teddy",
        "Nala",
        "Oscar",
        "Ruby",
        "Simba",
        "Willow",
        "Archie",
        "Pepper",
        "Biscuit",
        "Hazel",
        "Jasper",
        "Olive",
        "Toby",
        "Maple",
        "Ziggy",
        "Pip",
        "Clover",
        "Bramble",
        "Juniper",
        "Sooty",
        "Kiwi",
        "Mango",
        "Thumper",
        "Nibbles",
        "Fudge",
        "Rolo",
        "Basil",
        "Loki",
        "Misty",
        "Shadow",
        "Ginger",
        "Cleo",
        "Ozzy",
    ]
    R.shuffle(names)
    species = ["Dog", "Cat", "Rabbit", "Guinea Pig", "Bird"]
    owners = people(R, 32)
    pets = []  # (name, species, owner, insured)
    for i, n in enumerate(names):
        sp = R.choices(species, [40, 32, 12, 8, 8])[0]
        ow = owners[i] if i < len(owners) else R.choice(owners)
        pets.append((n, sp, ow, "Yes" if R.random() < 0.55 else "No"))
    o1, o2 = R.sample(owners, 2)
    pets.append(("Bella", "Dog", o1, "Yes"))
    pets.append(("Bella", "Cat", o2, "No"))
    vets = ["Dr Patel", "Dr Evans", "Dr Moreau", "Dr Okafor"]
    treat = {
        "Vaccination": (45, 65),
        "Check-up": (38, 55),
        "Dental": (180, 320),
        "Surgery": (350, 1200),
        "X-ray": (120, 210),
        "Microchip": (25, 30),
        "Nail clip": (12, 18),
    }
    notes = {
        "Vaccination": ["annual booster", "booster given, mild reaction", "first vaccine", ""],
        "Check-up": [
            "annual health check, all fine",
            "limping on front left leg",
            "vomiting for two days",
            "itchy skin, cream prescribed",
            "eating less than usual",
            "ear infection",
            "limping after a fall",
            "Vomited twice overnight",
            "",
        ],
        "Dental": ["two teeth extracted", "scale and polish", "bad breath, gum disease"],
        "Surgery": [
            "spay",
            "neuter",
            "lump removed from flank",
            "foreign body removed - had been vomiting",
            "cruciate repair, limping before op",
        ],
        "X-ray": ["x-ray of hind leg, limping", "chest x-ray, coughing", "x-ray after fall"],
        "Microchip": ["chip implanted", "chip checked, details updated"],
        "Nail clip": ["nails trimmed", ""],
    }
    pw = [R.choice([1, 1, 2, 3, 4]) for _ in pets]
    raw = []
    for i in range(150):
        d = rand_date(R, date(2024, 1, 2), date(2024, 6, 28))
        while d.weekday() == 6:
            d += timedelta(days=1)
        n, sp, ow, ins = R.choices(pets, pw)[0]
        t = R.choices(
            list(treat),
            [22, 30, 10, 7, 9, 7, 8] if sp in ("Dog", "Cat") else [15, 35, 5, 5, 10, 5, 25],
        )[0]
        lo, hi = treat[t]
        fee = R.randint(lo * 2, hi * 2) / 2
        fu = "Yes" if R.random() < (0.8 if t in ("Surgery", "Dental") else 0.2) else "No"
        raw.append([d, n, sp, ow, R.choice(vets), t, fee, ins, fu, R.choice(notes[t])])
    for k in range(2):  # Valentine's day visits
        n, sp, ow, ins = R.choice(pets)
        raw.append(
            [
                date(2024, 2, 14),
                n,
                sp,
                ow,
                R.choice(vets),
                "Check-up",
                R.randint(76, 110) / 2,
                ins,
                "No",
                "annual health check, all fine",
            ]
        )
    raw.sort(key=lambda x: x[0])
    idx = R.sample(range(len(raw)), 9)
    rows = [list(x) for x in raw]
    for i in idx[:4]:
        rows[i][6] = f"{rows[i][6]:.2f}"  # fee typed as text
    for i in idx[4:7]:
        rows[i][6] = None  # fee not entered yet
    for i in idx[7:]:
        rows[i][8] = rows[i][8][0]  # Y / N instead of Yes / No
    header = [
        "Visit Date",
        "Pet",
        "Species",
        "Owner",
        "Vet",
        "Treatment",
        "Fee (£)",
        "Insured",
        "Follow-up Needed",
        "Notes",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Riverside Veterinary Clinic"
    ws["A1"].font = TITLE
    ws["A2"] = "Visit log, January to June 2024 (fees incl. VAT)"
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {37, 75, 113}),
        {"Visit Date": DATEF, "Fee (£)": MONEY},
        [12, 10, 11, 18, 11, 12, 9, 8, 16, 36],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Visit Date")
    assert len(df) == len(raw)
    df["Date"] = dts(df["Visit Date"])
    df["Fee"] = num(df["Fee (£)"])
    df["Insured"] = yn(df["Insured"])
    df["FU"] = yn(df["Follow-up Needed"])
    df["Notes"] = txt(df["Notes"]).str.lower()
    df["Month"] = ym(df["Date"])
    C = Cases(fname, sheet)

    C.v("row_noun", "how many visits were for dogs", (df.Species == "Dog").sum())
    C.v(
        "row_noun",
        "list the pets Dr Evans saw in June",
        ulist(df.loc[(df.Vet == "Dr Evans") & (df.Date.dt.month == 6), "Pet"]),
        unordered=True,
    )
    C.v("status", "uninsured visits", (df.Insured == "No").sum())
    C.v("status", "How many visits need a follow up?", (df.FU == "Yes").sum())
    C.v(
        "status",
        "insured cats that don't need a follow-up",
        ((df.Species == "Cat") & (df.Insured == "Yes") & (df.FU == "No")).sum(),
    )
    C.v("x_by_y", "fees by vet", by(df.groupby("Vet").Fee.sum()))
    C.v("x_by_y", "visits per species", by(df.groupby("Species").size()))
    C.v("x_by_y", "average fee per treatment", by(df.groupby("Treatment").Fee.mean()))
    C.v("dates", "how many visits did we have in Q1?", (df.Date.dt.quarter == 1).sum())
    C.v("dates", "fees taken in May 2024", df.loc[df.Month == "2024-05", "Fee"].sum())
    C.v("dates", "visits on 14 Feb", (df.Date == "2024-02-14").sum())
    no_eq(df.Fee, 200, 50, 120)
    C.v("quantities", "visits costing more than £200", (df.Fee > 200).sum())
    C.v(
        "quantities",
        "how many visits had a fee between £50 and £120",
        ((df.Fee >= 50) & (df.Fee <= 120)).sum(),
    )
    C.v("superlative", "which vet brought in the most in fees?", top1(df.groupby("Vet").Fee.sum()))
    i = top1(df.Fee)
    need(df.loc[i, "Pet"] != "Bella")
    C.v("superlative", "the priciest visit - which pet was it?", df.loc[i, "Pet"])
    C.v("superlative", "top 3 owners by total fees", topn(df.groupby("Owner").Fee.sum(), 3))
    k = top1(df.groupby(["Pet", "Owner"]).size())
    need(k[0] != "Bella")
    C.v("superlative", "which pet came in most often", k[0])
    C.v("two_keys", "visits by vet and species", nested(df.groupby(["Vet", "Species"]).size()))
    C.v(
        "two_keys",
        "number of visits per vet per month",
        nested(df.groupby(["Vet", "Month"]).size()),
    )
    C.v("text_match", "visits whose notes mention limping", df.Notes.str.contains("limp").sum())
    C.v("text_match", "how many times was vomiting noted?", df.Notes.str.contains("vomit").sum())
    C.v("derived", "what share of visits were insured", (df.Insured == "Yes").mean())
    C.v(
        "plain",
        "Could you tell me the average fee for rabbits?",
        df.loc[df.Species == "Rabbit", "Fee"].mean(),
    )
    C.v("plain", "cheapest surgery fee", df.loc[df.Treatment == "Surgery", "Fee"].min())
    need((df.Pet == "Bella").sum() >= 2 and df.loc[df.Pet == "Bella", "Owner"].nunique() == 2)
    C.clarify("plain", "how much has Bella cost so far?")
    g = df.groupby("Species").Fee
    need(top1(g.sum()) != top1(g.mean()))
    C.clarify("superlative", "which species is the most expensive?")
    C.refuse("plain", "average weight of the dogs we saw")
    C.refuse("status", "how many appointments were cancelled?")
    return C.items


# =================================================================== 4 translator
def book_translator(seed):
    R = random.Random(seed)
    fname, sheet = "translator_invoices.xlsx", "Invoices"
    clients = {
        "Lexa Legal LLP": (
            ["EN>FR", "FR>EN"],
            ["Contract review - NDA", "Legal terms and conditions", "Court filing summary"],
            0.018,
            3,
        ),
        "Brightwave Media": (
            ["EN>DE", "EN>ES"],
            ["Website localisation - product pages", "Marketing brochure", "Press release"],
            0.0,
            3,
        ),
        "Nordhaus GmbH": (
            ["DE>EN", "EN>DE"],
            ["Technical manual chapter", "Website update - careers page", "Annual report excerpt"],
            0.0,
            2,
        ),
        "Clinica Sol": (
            ["ES>EN", "EN>ES"],
            ["Medical leaflet - dosage info", "Patient consent form", "Medical device manual"],
            0.0,
            2,
        ),
        "Atelier Rousseau": (
            ["FR>EN"],
            ["Exhibition catalogue text", "Website copy - about us"],
            0.0,
            1,
        ),
        "GreenPath NGO": (
            ["EN>FR", "EN>ES", "EN>DE"],
            ["Grant application", "Impact report", "Newsletter"],
            0.0,
            2,
        ),
        "Vantage Pharma": (
            ["EN>DE", "EN>FR"],
            ["Medical information letter", "Clinical study synopsis", "Product label text"],
            0.022,
            2,
        ),
        "Kestrel Games": (
            ["EN>FR", "EN>DE", "EN>ES"],
            ["Game dialogue strings", "Store page copy", "Patch notes"],
            0.0,
            2,
        ),
    }
    base = {
        "EN>FR": 0.11,
        "EN>DE": 0.118,
        "FR>EN": 0.10,
        "DE>EN": 0.112,
        "EN>ES": 0.095,
        "ES>EN": 0.09,
    }
    cut = date(2024, 6, 30)
    issued = sorted(rand_date(R, date(2023, 1, 5), date(2024, 6, 25)) for _ in range(88))
    raw = []
    seq = {}
    for d in issued:
        cl = R.choices(list(clients), [v[3] for v in clients.values()])[0]
        pairs, projs, prem, _ = clients[cl]
        pair = R.choice(pairs)
        rate = round(base[pair] + prem + (0.005 if d.year == 2024 else 0), 3)
        words = R.choice([R.randint(300, 2500), R.randint(1500, 6000), R.randint(4000, 12000)])
        seq[d.year] = seq.get(d.year, 0) + 1
        inv = f"INV-{d.year}-{seq[d.year]:03d}"
        pd_ = d + timedelta(days=R.randint(7, 55))
        if (R.random() < 0.86 or (cut - d).days < 30) and pd_ <= cut:
            st, paid = "Paid", pd_
        else:
            st, paid = ("Unpaid" if (cut - d).days <= 30 else "Overdue"), None
        raw.append([inv, cl, R.choice(projs), pair, words, rate, d, st, paid])
    need(sum(x[7] == "Unpaid" for x in raw) >= 2 and sum(x[7] == "Overdue" for x in raw) >= 3)
    rows = [list(x) for x in raw]
    for i in R.sample(range(len(rows)), 5):
        rows[i][4] = f"{rows[i][4]:,}"
    header = [
        "Invoice No",
        "Client",
        "Project",
        "Language Pair",
        "Words",
        "Rate per Word (€)",
        "Issued",
        "Status",
        "Paid On",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Invoices - C. Durand, freelance translation (EUR)"
    ws["A1"].font = TITLE
    ws["A2"] = "Amount = words x rate; payment terms 30 days"
    tot = ["Total", None, None, None, sum(x[4] for x in raw), None, None, None, None]
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {50}) + [None, tot],
        {"Issued": DATEF, "Paid On": DATEF, "Rate per Word (€)": "0.000"},
        [14, 18, 34, 13, 9, 16, 12, 10, 12],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Invoice No")
    assert len(df) == len(raw)
    df["Words"] = num(df["Words"])
    df["Rate"] = num(df["Rate per Word (€)"])
    df["Issued"] = dts(df["Issued"])
    df["Paid On"] = dts(df["Paid On"])
    df["Amt"] = df.Words * df.Rate
    df["Year"] = df.Issued.dt.year
    df["Project"] = txt(df["Project"]).str.lower()
    C = Cases(fname, sheet)
    st = df.Status

    C.v("row_noun", "how many invoices went to Lexa Legal?", (df.Client == "Lexa Legal LLP").sum())
    C.v(
        "row_noun",
        "list the clients with overdue invoices",
        ulist(df.loc[st == "Overdue", "Client"]),
        unordered=True,
    )
    C.v("status", "how many invoices aren't paid yet (unpaid or overdue)?", (st != "Paid").sum())
    C.v(
        "status",
        "overdue EN>DE invoices",
        ((st == "Overdue") & (df["Language Pair"] == "EN>DE")).sum(),
    )
    C.v("status", "how much money is overdue right now", df.loc[st == "Overdue", "Amt"].sum())
    no_eq(df.Amt, 1000)
    C.v(
        "status",
        "paid invoices over €1,000 issued in 2024",
        ((st == "Paid") & (df.Amt > 1000) & (df.Year == 2024)).sum(),
    )
    C.v(
        "dates",
        "invoices issued in Q3 2023",
        ((df.Year == 2023) & (df.Issued.dt.quarter == 3)).sum(),
    )
    C.v(
        "dates",
        "how much did I get paid in March 2024?",
        df.loc[(df["Paid On"].dt.year == 2024) & (df["Paid On"].dt.month == 3), "Amt"].sum(),
    )
    C.v(
        "dates", "how many invoices were settled during 2024", (df["Paid On"].dt.year == 2024).sum()
    )
    no_eq(df.Words, 5000)
    C.v("quantities", "jobs over 5k words", (df.Words > 5000).sum())
    C.v("quantities", "invoices worth more than €1,000", (df.Amt > 1000).sum())
    no_eq(df.Rate, 0.12)
    C.v(
        "quantities",
        "how many jobs were at a rate of at least 0.12 per word",
        (df.Rate >= 0.12 - 1e-12).sum(),
    )
    C.v(
        "superlative",
        "which client have I billed the most overall",
        top1(df.groupby("Client").Amt.sum()),
    )
    C.v("superlative", "my biggest invoice - number please", top1(df.set_index("Invoice No").Amt))
    C.v(
        "superlative",
        "top 3 language pairs by word count",
        topn(df.groupby("Language Pair").Words.sum(), 3),
    )
    C.v(
        "two_keys",
        "invoices by language pair and year",
        nested(df.groupby(["Language Pair", "Year"]).size()),
    )
    C.v("two_keys", "words per client per year", nested(df.groupby(["Client", "Year"]).Words.sum()))
    C.v("x_by_y", "invoices by status", by(df.groupby("Status").size()))
    C.v("x_by_y", "avg rate by lang pair", by(df.groupby("Language Pair").Rate.mean()))
    C.v(
        "text_match",
        "how many website jobs have I invoiced",
        df.Project.str.contains("website").sum(),
    )
    C.v(
        "text_match",
        "total words on medical projects",
        df.loc[df.Project.str.contains("medical"), "Words"].sum(),
    )
    p = df[st == "Paid"]
    C.v(
        "derived",
        "on average how many days does it take to get paid?",
        (p["Paid On"] - p.Issued).dt.days.mean(),
    )
    C.v("derived", "how much have I invoiced in total", df.Amt.sum())
    C.clarify("status", "how many unpaid invoices do I have?")
    g = df.groupby("Client")
    need(top1(g.Rate.mean()) != top1(g.Amt.sum()))
    C.clarify("superlative", "which client pays best?")
    need(
        ((df.Issued.dt.month == 3) & (df.Year == 2023)).sum() > 0
        and ((df.Issued.dt.month == 3) & (df.Year == 2024)).sum() > 0
    )
    C.clarify("dates", "what did I invoice in March?")
    C.refuse("plain", "how many hours did I spend on the Lexa Legal jobs")
    C.refuse("row_noun", "which invoices had VAT added?")
    return C.items


# =================================================================== 5 school
def grade_of(m):
    for g, lo in [("A*", 90), ("A", 80), ("B", 70), ("C", 60), ("D", 50), ("E", 40)]:
        if m >= lo:
            return g
    return "U"


def book_school(seed):
    R = random.Random(seed)
    fname, sheet = "exam_results_summer_2024.xlsx", "Results"
    forms = ["10A", "10B", "11A", "11B"]
    subjects = ["Maths", "English", "Science", "History", "French"]
    exam = {
        "11": {
            "Maths": date(2024, 5, 14),
            "English": date(2024, 5, 16),
            "Science": date(2024, 5, 21),
            "History": date(2024, 6, 4),
            "French": date(2024, 6, 11),
        },
        "10": {
            "Maths": date(2024, 6, 17),
            "English": date(2024, 6, 18),
            "Science": date(2024, 6, 19),
            "History": date(2024, 6, 20),
            "French": date(2024, 6, 21),
        },
    }
    studs = people(R, 31, exclude_last=())
    studs = [s for s in studs if not s.startswith("Oliver ")][:31] + ["Oliver Grant"]
    need(len(studs) == 32)
    R.shuffle(studs)
    diff = {s: R.gauss(0, 4) for s in subjects}
    raw = []
    absent = set()
    cand = [(i, s) for i in range(32) for s in ("History", "French")]
    for a in R.sample(cand, 3):
        absent.add(a)
    for i, st in enumerate(studs):
        form = forms[i // 8]
        ab = R.gauss(62, 12)
        for sub in subjects:
            if (i, sub) in absent:
                raw.append(
                    [st, form, sub, exam[form[:2]][sub], None, "ABS", "Yes", "absent - illness"]
                )
                continue
            m = int(round(min(99, max(12, ab + diff[sub] + R.gauss(0, 9)))))
            if m in (40, 60, 75, 85):  # keep marks off the thresholds used in the commands
                m += 1
            g = grade_of(m)
            resit = "Yes" if g == "U" or (g == "E" and R.random() < 0.35) else "No"
            if m >= 85:
                c = R.choice(["excellent work", "outstanding paper", "excellent - keep it up"])
            elif m >= 65:
                c = R.choice(["solid effort", "good progress", "strong performance", ""])
            elif m >= 45:
                c = R.choice(
                    [
                        "needs to revise key topics",
                        "careless errors",
                        "should revise more regularly",
                        "",
                    ]
                )
            else:
                c = R.choice(
                    [
                        "revision plan agreed with tutor",
                        "must revise the basics",
                        "struggled with timing",
                    ]
                )
            raw.append([st, form, sub, exam[form[:2]][sub], m, g, resit, c])
    rows = [list(x) for x in raw]
    for i in R.sample([k for k, x in enumerate(rows) if x[4] is not None], 5):
        rows[i][4] = str(rows[i][4])
    header = [
        "Student",
        "Form",
        "Subject",
        "Exam Date",
        "Mark (/100)",
        "Grade",
        "Resit",
        "Comments",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Ashgrove Secondary School - Summer exams 2024, Years 10 and 11"
    ws["A1"].font = TITLE
    ws["A2"] = "Grades: A* 90+, A 80+, B 70+, C 60+, D 50+, E 40+, U below 40"
    blanks = {40, 80, 120}
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, blanks),
        {"Exam Date": DATEF},
        [18, 7, 10, 12, 12, 7, 7, 34],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Student")
    assert len(df) == len(raw)
    df["Mark"] = num(df["Mark (/100)"])
    df["Date"] = dts(df["Exam Date"])
    df["Resit"] = yn(df["Resit"])
    df["Comments"] = txt(df["Comments"]).str.lower()
    C = Cases(fname, sheet)
    M = df.Mark

    l = ulist(df.loc[(df.Form == "11A") & df.Grade.isin(["A*", "A"]), "Student"])
    C.v("row_noun", "list the 11A students who got an A or an A*", l, unordered=True)
    C.v(
        "row_noun",
        "how many pupils got at least one U",
        df.loc[df.Grade == "U", "Student"].nunique(),
    )
    C.v("status", "how many resits are there in total", (df.Resit == "Yes").sum())
    C.v(
        "status",
        "which students are resitting maths",
        ulist(df.loc[(df.Resit == "Yes") & (df.Subject == "Maths"), "Student"]),
        unordered=True,
    )
    yes = set(df.loc[df.Resit == "Yes", "Student"])
    C.v("status", "how many students aren't resitting anything?", len(set(df.Student) - yes))
    C.v("x_by_y", "average mark by subject", by(df.groupby("Subject").Mark.mean()))
    C.v(
        "x_by_y", "grade breakdown for maths", by(df[df.Subject == "Maths"].groupby("Grade").size())
    )
    C.v("x_by_y", "avg mark per form", by(df.groupby("Form").Mark.mean()))
    sc = df[df.Subject == "Science"].set_index("Student").Mark
    C.v("superlative", "top student in science?", top1(sc))
    C.v(
        "superlative",
        "which form did best in English",
        top1(df[df.Subject == "English"].groupby("Form").Mark.mean()),
    )
    C.v(
        "superlative",
        "the 3 students with the highest average mark",
        topn(df.groupby("Student").Mark.mean(), 3),
    )
    C.v(
        "superlative",
        "which subject has the lowest average",
        top1(df.groupby("Subject").Mark.mean(), smallest=True),
    )
    C.v(
        "two_keys",
        "average mark by form and subject",
        nested(df.groupby(["Form", "Subject"]).Mark.mean()),
    )
    no_eq(M, 40)
    C.v("quantities", "how many marks were below 40", (M < 40).sum())
    h = df.Subject == "History"
    no_eq(df.loc[h, "Mark"], 60, 75)
    C.v(
        "quantities",
        "how many scored between 60 and 75 in history",
        (h & (M >= 60) & (M <= 75)).sum(),
    )
    f = df.Subject == "French"
    no_eq(df.loc[f, "Mark"], 85)
    C.v(
        "quantities",
        "students with at least 85 in French",
        ulist(df.loc[f & (M >= 85), "Student"]),
        unordered=True,
    )
    C.v(
        "text_match", "how many comments mention revising?", df.Comments.str.contains("revis").sum()
    )
    C.v(
        "text_match",
        "who was absent",
        ulist(df.loc[df.Comments.str.contains("absent"), "Student"]),
        unordered=True,
    )
    mt = df[df.Subject == "Maths"]
    assert mt.Mark.notna().all()
    C.v("derived", "pass rate in maths if a pass is 40 or more", (mt.Mark >= 40).mean())
    C.v("derived", "gap between the best and worst science mark", sc.max() - sc.min())
    C.v("plain", "avg maths mark?", mt.Mark.mean())
    C.v(
        "plain",
        "how many C grades were there in English",
        ((df.Subject == "English") & (df.Grade == "C")).sum(),
    )
    C.v(
        "dates",
        "which subjects were examined in May?",
        ulist(df.loc[df.Date.dt.month == 5, "Subject"]),
        unordered=True,
    )
    C.v(
        "dates",
        "average mark in exams sat after 1 June",
        df.loc[df.Date > "2024-06-01", "Mark"].mean(),
    )
    C.clarify("plain", "what's Oliver's mark?")
    need(top1(df.groupby("Student").Mark.mean()) != df.loc[M.idxmax(), "Student"])
    need((M == M.max()).sum() == 1)
    C.clarify("superlative", "who is the best student?")
    C.refuse("plain", "what's the attendance rate for 10A?")
    C.refuse("superlative", "which teacher got the best results")
    return C.items


# =================================================================== 6 fleet
def book_fleet(seed):
    R = random.Random(seed)
    fname, sheet = "fleet_fuel_log_h1_2024.xlsx", "Fuel Log"
    depots = {
        "Leeds": ["YK21 HBD", "YK21 HBF", "YK23 ODU", "YK70 GHT"],
        "Bristol": ["WR70 KLM", "WR70 KLP", "WR23 ZPE", "WR19 MNB"],
        "Croydon": ["LN22 TXA", "LN22 TXC", "LN19 FVG", "LN71 RRU"],
    }
    ftypes = ["Diesel", "Diesel", "Petrol", "HVO"]
    drivers = [
        "Dave Hughes",
        "Sandeep Gill",
        "Karen Ellis",
        "Mo Farouk",
        "Jenny Walsh",
        "Pete Lowe",
        "Aga Nowak",
        "Chris Dunn",
        "Femi Adeyemi",
        "Laura Price",
        "Gary Holt",
        "Nina Roth",
    ]
    vehicles = []
    k = 0
    for dep, regs in depots.items():
        for j, reg in enumerate(regs):
            vehicles.append((reg, dep, ftypes[j], drivers[k]))
            k += 1
    ppl = {"Diesel": 1.53, "Petrol": 1.45, "HVO": 1.72}
    raw = []
    for reg, dep, ft, drv in vehicles:
        odo = R.randint(20000, 90000)
        d = date(2024, 1, 1) + timedelta(days=R.randint(0, 9))
        while d <= date(2024, 6, 28):
            cap = 50 if ft == "Petrol" else 80
            lit = round(R.uniform(0.35, 0.97) * cap, 1)
            price = ppl[ft] + 0.012 * (d.month - 1) + R.uniform(-0.03, 0.03)
            cost = round(lit * price, 2)
            odo += int(lit * R.uniform(9, 13))
            driver = drv if R.random() < 0.85 else R.choice(drivers)
            card = "Yes" if R.random() < 0.88 else "No"
            if card == "No":
                note = R.choice(
                    [
                        "card declined - paid cash",
                        "paid cash, receipt attached",
                        "used personal card, expense claim",
                    ]
                )
            else:
                opts = ["motorway services", "jet wash as well", "receipt faded", ""]
                if ft != "Petrol":
                    opts.append("AdBlue also bought")
                note = R.choice(opts) if R.random() < 0.4 else ""
            raw.append([d, reg, driver, dep, ft, lit, cost, odo, card, note])
            d += timedelta(days=R.randint(10, 16))
    raw.sort(key=lambda x: (x[0], x[1]))
    need(40 <= len(raw) <= 200)
    rows = [list(x) for x in raw]
    for i in R.sample(range(len(rows)), 4):
        rows[i][5] = f"{rows[i][5]:.1f}"
    header = [
        "Date",
        "Vehicle Reg",
        "Driver",
        "Depot",
        "Fuel Type",
        "Litres",
        "Cost (£)",
        "Odometer (km)",
        "Fuel Card",
        "Notes",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Fleet fuel log - Jan to Jun 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Source: fuel card statements + paper receipts"
    tot = [
        "Total",
        None,
        None,
        None,
        None,
        round(sum(x[5] for x in raw), 1),
        round(sum(x[6] for x in raw), 2),
        None,
        None,
        None,
    ]
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {60, 120}) + [tot],
        {"Date": DATEF, "Cost (£)": MONEY, "Litres": "0.0", "Odometer (km)": "#,##0"},
        [12, 12, 15, 10, 10, 8, 10, 14, 10, 34],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Date")
    assert len(df) == len(raw)
    df["Date"] = dts(df["Date"])
    df["L"] = num(df["Litres"])
    df["Cost"] = num(df["Cost (£)"])
    df["Odo"] = num(df["Odometer (km)"])
    df["Card"] = yn(df["Fuel Card"])
    df["Notes"] = txt(df["Notes"]).str.lower()
    df["Month"] = ym(df["Date"])
    df["PPL"] = df.Cost / df.L
    C = Cases(fname, sheet)

    C.v("row_noun", "how many fill-ups did Dave do?", (df.Driver == "Dave Hughes").sum())
    C.v(
        "row_noun",
        "which vehicles are based at Bristol",
        ulist(df.loc[df.Depot == "Bristol", "Vehicle Reg"]),
        unordered=True,
    )
    C.v("status", "fill ups not paid with the fuel card", (df.Card == "No").sum())
    no_eq(df.Cost, 60)
    C.v(
        "status",
        "petrol fill-ups paid by card costing over £60",
        ((df["Fuel Type"] == "Petrol") & (df.Card == "Yes") & (df.Cost > 60)).sum(),
    )
    C.v("x_by_y", "litres by depot pls", by(df.groupby("Depot").L.sum()))
    C.v("x_by_y", "fuel spend per driver", by(df.groupby("Driver").Cost.sum()))
    C.v(
        "dates",
        "what did we spend on fuel in February?",
        df.loc[df.Month == "2024-02", "Cost"].sum(),
    )
    C.v("dates", "litres bought in Q1", df.loc[df.Date.dt.quarter == 1, "L"].sum())
    C.v("dates", "how many fill ups from March to May", df.Date.dt.month.between(3, 5).sum())
    apr = df[df.Date.dt.month == 4].groupby("Date").size()
    day = apr[apr >= 2].index
    need(len(day) > 0)
    day = day[0]
    C.v(
        "dates",
        f"how much was spent on fuel on {fmt_day(day)}?",
        df.loc[df.Date == day, "Cost"].sum(),
    )
    no_eq(df.L, 60)
    C.v("quantities", "fill-ups over 60 litres", (df.L > 60).sum())
    no_eq(df.Cost, 50, 70, 90)
    C.v("quantities", "receipts under £50", (df.Cost < 50).sum())
    C.v(
        "quantities",
        "how many fill-ups cost between £70 and £90",
        ((df.Cost >= 70) & (df.Cost <= 90)).sum(),
    )
    C.v("superlative", "which vehicle used the most fuel", top1(df.groupby("Vehicle Reg").L.sum()))
    C.v(
        "superlative",
        "who was driving on the most expensive fill-up?",
        df.loc[top1(df.Cost), "Driver"],
    )
    C.v("superlative", "top 3 drivers by spend", topn(df.groupby("Driver").Cost.sum(), 3))
    C.v(
        "superlative",
        "which depot spends the least on fuel",
        top1(df.groupby("Depot").Cost.sum(), smallest=True),
    )
    C.v(
        "two_keys",
        "fuel cost by depot and month",
        nested(df.groupby(["Depot", "Month"]).Cost.sum()),
    )
    C.v(
        "two_keys",
        "litres by fuel type and depot",
        nested(df.groupby(["Fuel Type", "Depot"]).L.sum()),
    )
    C.v("text_match", "fill-ups where AdBlue was mentioned", df.Notes.str.contains("adblue").sum())
    C.v("text_match", "how many receipts mention cash", df.Notes.str.contains("cash").sum())
    C.v("derived", "what's the highest price per litre we paid?", df.loc[top1(df.PPL), "PPL"])
    reg = "WR70 KLM"
    o = df.loc[df["Vehicle Reg"] == reg, "Odo"]
    C.v(
        "derived",
        f"how many km did {reg} cover according to the odometer readings",
        o.max() - o.min(),
    )
    C.v("plain", "average fill-up cost at Croydon", df.loc[df.Depot == "Croydon", "Cost"].mean())
    need(abs(df.PPL.mean() - df.Cost.sum() / df.L.sum()) > 0.0005)
    C.clarify("derived", "average price per litre?")
    C.clarify("plain", "what's the total for the Leeds depot")
    C.refuse("plain", "how much CO2 did the vans emit")
    C.refuse("row_noun", "which vehicles are due for an MOT?")
    return C.items


# =================================================================== 7 charity
def book_charity(seed):
    R = random.Random(seed)
    fname, sheet = "charity_donations_2023_24.xlsx", "Donations"
    indiv = people(R, 44, exclude_last=("Smith",)) + ["Anna Smith"]
    companies = [
        "Smith Logistics Ltd",
        "Harbour Bank plc",
        "Greenleaf Foods",
        "Northgate Motors",
        "Pennine Print Ltd",
        "Riverside Dental",
        "Kelso Engineering",
        "Bluebell Cafe",
    ]
    trusts = [
        "The Ashworth Trust",
        "Millbrook Foundation",
        "Carey Family Trust",
        "The Lindley Trust",
    ]
    schools = ["St Mary's Primary", "Oakfield Academy", "Hillside School", "Westbrook High"]
    dtype = {
        **{d: "Individual" for d in indiv},
        **{d: "Company" for d in companies},
        **{d: "Trust" for d in trusts},
        **{d: "School" for d in schools},
    }
    by_type = {"Individual": indiv, "Company": companies, "Trust": trusts, "School": schools}
    camps = {
        "Winter Appeal": (date(2023, 11, 1), date(2024, 1, 31)),
        "Marathon 2024": (date(2024, 3, 1), date(2024, 5, 31)),
        "Spring Raffle": (date(2024, 3, 1), date(2024, 4, 30)),
        "General Fund": (date(2023, 7, 1), date(2024, 6, 30)),
    }
    methods = ["Direct Debit", "Card", "Cheque", "Cash", "Bank Transfer"]
    meth_by_type = {
        "Individual": ([0, 1, 2, 3, 4], [30, 40, 10, 12, 8]),
        "Company": ([1, 2, 4], [20, 30, 50]),
        "Trust": ([2, 4], [40, 60]),
        "School": ([2, 3, 4], [40, 40, 20]),
    }
    iw = [R.choice([1, 1, 1, 2, 4]) for _ in indiv]

    def amount(t):
        if t == "Individual":
            return float(
                R.choices(
                    [5, 10, 12, 15, 25, 30, 40, 50, 60, 75, 150, 200, 250, 300, 750],
                    [8, 12, 3, 8, 12, 6, 5, 10, 4, 5, 5, 4, 3, 2, 1],
                )[0]
            )
        if t == "Company":
            return float(R.choice([250, 300, 400, 600, 750, 1200, 1500, 2000, 2500, 5000]))
        if t == "Trust":
            return float(R.choice([1500, 2000, 2500, 3000, 5000, 7500]))
        return round(R.uniform(40, 600), 2)

    def one(t=None, camp=None, meth=None):
        t = t or R.choices(["Individual", "Company", "Trust", "School"], [80, 9, 4, 7])[0]
        donor = R.choices(indiv, iw)[0] if t == "Individual" else R.choice(by_type[t])
        camp = camp or R.choices(list(camps), [25, 20, 15, 40])[0]
        d = rand_date(R, *camps[camp])
        if meth is None:
            ms, ws_ = meth_by_type[t]
            meth = methods[R.choices(ms, ws_)[0]]
        ga = "Yes" if t == "Individual" and R.random() < 0.6 else "No"
        c = ""
        r = R.random()
        if t == "Individual" and r < 0.1:
            c = R.choice(["In memory of my mum", "in memory of Jack", "In memory of a dear friend"])
        elif t == "Individual" and r < 0.17:
            c = "matched by employer"
        elif camp == "Spring Raffle" and r < 0.6:
            c = "raffle tickets"
        elif camp == "Marathon 2024" and r < 0.5:
            c = "sponsored run"
        elif r < 0.25:
            c = R.choice(["online via JustGiving", "thank-you letter sent", "collection tin"])
        return [d, donor, t, amount(t), ga, camp, meth, c]

    raw = []
    for camp in camps:
        for t in by_type:
            raw.append(one(t, camp))
        for m in methods:
            raw.append(one("Individual", camp, m))
    while len(raw) < 168:
        raw.append(one())
    # a Valentine's day collection
    raw.append(
        [date(2024, 2, 14), R.choice(indiv), "Individual", 25.0, "Yes", "General Fund", "Card", ""]
    )
    raw.sort(key=lambda x: (x[0], x[1]))
    rows = [list(x) for x in raw]
    for i in R.sample(range(len(rows)), 4):
        rows[i][3] = f"{rows[i][3]:,.2f}"
    header = [
        "Date",
        "Donor",
        "Donor Type",
        "Amount (£)",
        "Gift Aid",
        "Campaign",
        "Payment Method",
        "Comment",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Hope Valley Children's Trust - donations received"
    ws["A1"].font = TITLE
    ws["A2"] = "Financial year 1 July 2023 - 30 June 2024"
    tot = ["Total", None, None, round(sum(x[3] for x in raw), 2), None, None, None, None]
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {30, 90, 150}) + [None, tot],
        {"Date": DATEF, "Amount (£)": MONEY},
        [12, 22, 12, 12, 9, 15, 15, 28],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Date")
    assert len(df) == len(raw)
    df["Date"] = dts(df["Date"])
    df["Amt"] = num(df["Amount (£)"])
    df["GA"] = yn(df["Gift Aid"])
    df["Comment"] = txt(df["Comment"]).str.lower()
    df["Month"] = ym(df["Date"])
    C = Cases(fname, sheet)
    A = df.Amt

    C.v(
        "row_noun",
        "list the schools that gave to the marathon",
        ulist(df.loc[(df["Donor Type"] == "School") & (df.Campaign == "Marathon 2024"), "Donor"]),
        unordered=True,
    )
    vc = df.Donor.value_counts()
    C.v("row_noun", "how many donors gave more than once", (vc > 1).sum())
    C.v("status", "donations with gift aid", (df.GA == "Yes").sum())
    C.v(
        "status",
        "individual gifts without gift aid",
        ((df["Donor Type"] == "Individual") & (df.GA == "No")).sum(),
    )
    C.v("x_by_y", "amount raised by campaign", by(df.groupby("Campaign").Amt.sum()))
    C.v("x_by_y", "number of gifts per payment method", by(df.groupby("Payment Method").size()))
    C.v("x_by_y", "average gift by donor type", by(df.groupby("Donor Type").Amt.mean()))
    C.v(
        "dates",
        "how much did we raise in December 2023?",
        df.loc[df.Month == "2023-12", "Amt"].sum(),
    )
    C.v(
        "dates",
        "donations received in the last quarter of 2023",
        ((df.Date >= "2023-10-01") & (df.Date <= "2023-12-31")).sum(),
    )
    C.v(
        "dates",
        "how much came in from Feb through April 2024",
        df.loc[(df.Date >= "2024-02-01") & (df.Date <= "2024-04-30"), "Amt"].sum(),
    )
    C.v("dates", "gifts recieved on 14 Feb", (df.Date == "2024-02-14").sum())
    no_eq(A, 1000, 20, 120, 450)
    C.v("quantities", "donations of £1,000 or more", (A >= 1000).sum())
    C.v("quantities", "how many gifts were under twenty quid", (A < 20).sum())
    C.v("quantities", "donations between £120 and £450", ((A >= 120) & (A <= 450)).sum())
    C.v("superlative", "who is our biggest donor?", top1(df.groupby("Donor").Amt.sum()))
    C.v("superlative", "top 5 donors by total given", topn(df.groupby("Donor").Amt.sum(), 5))
    C.v(
        "superlative",
        "the largest single gift - which campaign was it for?",
        df.loc[top1(A), "Campaign"],
    )
    C.v(
        "two_keys",
        "amount by campaign and donor type",
        nested(df.groupby(["Campaign", "Donor Type"]).Amt.sum()),
    )
    C.v(
        "two_keys",
        "number of donations by campaign and payment method",
        nested(df.groupby(["Campaign", "Payment Method"]).size()),
    )
    C.v(
        "text_match",
        "donations given in memory of someone",
        df.Comment.str.contains("in memory").sum(),
    )
    C.v(
        "text_match",
        "how much came in from employer-matched gifts",
        df.loc[df.Comment.str.contains("matched"), "Amt"].sum(),
    )
    C.v("derived", "average total given per donor", A.sum() / df.Donor.nunique())
    C.v(
        "derived",
        "what share of the money came from companies?",
        df.loc[df["Donor Type"] == "Company", "Amt"].sum() / A.sum(),
    )
    C.v(
        "plain",
        "smallest cheque we received",
        df.loc[df["Payment Method"] == "Cheque", "Amt"].min(),
    )
    need((df.Donor == "Anna Smith").sum() >= 1 and (df.Donor == "Smith Logistics Ltd").sum() >= 1)
    C.clarify("plain", "how much has Smith given us?")
    need(top1(df.groupby("Month").size()) != top1(df.groupby("Month").Amt.sum()))
    C.clarify("superlative", "which month was our best?")
    C.refuse("plain", "how many volunteers helped at the marathon")
    C.refuse("row_noun", "how many of our donors live in Manchester?")
    return C.items


# =================================================================== 8 letting
def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def book_letting(seed):
    R = random.Random(seed)
    fname, sheet = "rent_roll_june_2024.xlsx", "Rent Roll"
    areas = {
        "Headingley": (["Cardigan Road", "Ash Grove", "Otley Road"], 430, 150),
        "Hyde Park": (["Brudenell Road", "Harold Mount", "Thornville Street"], 380, 140),
        "City Centre": (["Wellington Street", "Granary Wharf", "Park Row"], 650, 260),
        "Chapel Allerton": (["Harrogate Road", "Stainbeck Lane"], 470, 170),
        "Roundhay": (["Street Lane", "Park Avenue", "Oakwood Grove"], 520, 190),
    }
    landlords = [
        "M. Hussain",
        "Greenhill Estates",
        "P. & J. Carter",
        "S. Kaur",
        "Broadway Lettings Ltd",
        "T. O'Neill",
        "R. Baxter",
        "Yorkshire Homes Ltd",
        "L. Chen",
        "D. Abiola",
    ]
    lw = [6, 10, 3, 4, 8, 2, 3, 7, 3, 2]
    statuses = ["Occupied", "Vacant", "Notice Given"]
    notes_pool = [
        "damp in bathroom reported",
        "rear garden",
        "garden maintained by landlord",
        "pets allowed",
        "new boiler 2023",
        "HMO licence",
        "Damp patch in bedroom",
        "parking permit included",
        "small garden, shared",
        "inventory overdue",
        "",
    ]
    tenants = people(R, 80)
    raw, used = [], set()
    cov = [(a, s) for a in areas for s in statuses]
    i = 0
    while len(raw) < 72:
        if i < len(cov):
            area, stt = cov[i]
        else:
            area = R.choice(list(areas))
            stt = R.choices(statuses, [74, 14, 12])[0]
        i += 1
        streets, b0, pb = areas[area]
        flat = area == "City Centre" or R.random() < 0.45
        beds = R.choice([1, 1, 2, 2, 3]) if flat else R.choice([2, 3, 3, 4, 5])
        while True:
            no = R.randint(1, 120)
            st = R.choice(streets)
            prop = f"Flat {R.randint(1, 9)}, {no} {st}" if flat else f"{no} {st}"
            if len(raw) < 4 and flat:
                prop = f"Flat 2, {no} {st}"
            if prop not in used:
                used.add(prop)
                break
        rent = int(round((b0 + pb * beds + R.uniform(-60, 80)) / 5) * 5)
        ll = R.choices(landlords, lw)[0]
        note = R.choice(notes_pool) if R.random() < 0.5 else ""
        if stt == "Vacant":
            raw.append([prop, area, beds, ll, None, rent, None, None, None, None, stt, note])
            continue
        dep = int(round(rent * 12 / 52 * 5))
        start = rand_date(R, date(2022, 9, 1), date(2024, 6, 15))
        term = R.choice([6, 12, 12, 12, 24])
        end = add_months(start, term) - timedelta(days=1)
        arr = 0 if R.random() < 0.72 else int(round(R.uniform(50, 2400) / 5) * 5)
        raw.append([prop, area, beds, ll, tenants.pop(), rent, dep, start, end, arr, stt, note])
    rows = [list(x) for x in raw]
    for k in R.sample(range(len(rows)), 4):
        rows[k][5] = str(rows[k][5])
    header = [
        "Property",
        "Area",
        "Bedrooms",
        "Landlord",
        "Tenant",
        "Monthly Rent (£)",
        "Deposit (£)",
        "Lease Start",
        "Lease End",
        "Arrears (£)",
        "Status",
        "Notes",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Northside Lettings - rent roll"
    ws["A1"].font = TITLE
    ws["A2"] = "As at 30 June 2024. Rent shown for vacant units is the asking rent."
    tot = [
        "Total",
        None,
        None,
        None,
        None,
        sum(x[5] for x in raw),
        sum(x[6] or 0 for x in raw),
        None,
        None,
        sum(x[9] or 0 for x in raw),
        None,
        None,
    ]
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {25, 50}) + [None, tot],
        {
            "Lease Start": DATEF,
            "Lease End": DATEF,
            "Monthly Rent (£)": MONEY,
            "Deposit (£)": MONEY,
            "Arrears (£)": MONEY,
        },
        [28, 15, 9, 20, 18, 15, 11, 12, 12, 11, 13, 30],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Property")
    assert len(df) == len(raw)
    for c, n in [
        ("Monthly Rent (£)", "Rent"),
        ("Deposit (£)", "Dep"),
        ("Arrears (£)", "Arr"),
        ("Bedrooms", "Beds"),
    ]:
        df[n] = num(df[c])
    df["Beds"] = df.Beds.astype(int)
    df["Start"] = dts(df["Lease Start"])
    df["End"] = dts(df["Lease End"])
    df["Notes"] = txt(df["Notes"]).str.lower()
    C = Cases(fname, sheet)
    S = df.Status

    C.v("row_noun", "how many properties in Headingley?", (df.Area == "Headingley").sum())
    C.v(
        "row_noun",
        "list the vacant properties in the city centre",
        ulist(df.loc[(S == "Vacant") & (df.Area == "City Centre"), "Property"]),
        unordered=True,
    )
    C.v("status", "how many properties are empty at the moment", (S == "Vacant").sum())
    C.v(
        "status",
        "which tenants are behind on their rent",
        ulist(df.loc[df.Arr > 0, "Tenant"]),
        unordered=True,
    )
    C.v("status", "how many tenants have handed in their notice?", (S == "Notice Given").sum())
    C.v("status", "occupied properties with no arrears", ((S == "Occupied") & (df.Arr == 0)).sum())
    C.v("x_by_y", "total monthly rent by landlord", by(df.groupby("Landlord").Rent.sum()))
    C.v(
        "x_by_y",
        "Please show the average rent for each number of bedrooms",
        by(df.groupby("Beds").Rent.mean()),
    )
    C.v("dates", "how many leases end in 2025", (df.End.dt.year == 2025).sum())
    C.v(
        "dates",
        "leases that began in Q3 2023",
        ((df.Start.dt.year == 2023) & (df.Start.dt.quarter == 3)).sum(),
    )
    C.v("dates", "how many leases finish before 1 March 2025", (df.End < "2025-03-01").sum())
    no_eq(df.Rent, 1200)
    C.v("quantities", "how many places rent for over £1,200 a month", (df.Rent > 1200).sum())
    no_eq(df.Dep, 1500)
    C.v("quantities", "deposits of at least £1.5k", (df.Dep >= 1500).sum())
    no_eq(df.Arr, 500)
    C.v("quantities", "arrears above £500 - how many?", (df.Arr > 500).sum())
    C.v("superlative", "which tenant owes the most?", df.loc[top1(df.Arr), "Tenant"])
    C.v("superlative", "the priciest property", df.loc[top1(df.Rent), "Property"])
    C.v(
        "superlative",
        "which landlord has the most properties with us",
        top1(df.groupby("Landlord").size()),
    )
    C.v("superlative", "top 3 areas by total arrears", topn(df.groupby("Area").Arr.sum(), 3))
    C.v(
        "two_keys",
        "count of properties by area and status",
        nested(df.groupby(["Area", "Status"]).size()),
    )
    C.v(
        "text_match",
        "how many properties have damp mentioned in the notes",
        df.Notes.str.contains("damp").sum(),
    )
    C.v(
        "text_match",
        "which properties have a garden?",
        ulist(df.loc[df.Notes.str.contains("garden"), "Property"]),
        unordered=True,
    )
    occ = df[(S == "Occupied") & ~df.Property.str.startswith("Flat 2,")]
    p = occ.iloc[len(occ) // 2]
    C.v("derived", f"what's the yearly rent on {p.Property}?", 12 * p.Rent)
    C.v(
        "derived",
        "which property has the highest rent per bedroom",
        df.loc[top1(df.Rent / df.Beds), "Property"],
    )
    C.v("plain", "total arrears", df.Arr.sum())
    need(df.Property.str.startswith("Flat 2,").sum() >= 3)
    C.clarify("plain", "how much is Flat 2 paying?")
    need(df.loc[df.End.dt.month == 3, "End"].dt.year.nunique() >= 2)
    C.clarify("dates", "how many leases end in March?")
    g = df.groupby("Landlord")
    need(top1(g.size()) != top1(g.Rent.sum()))
    C.clarify("superlative", "who's our biggest landlord?")
    C.refuse("row_noun", "which properties have an EPC rating of C or better")
    C.refuse("plain", f"what council tax band is {p.Property} in?")
    return C.items


# =================================================================== 9 museum (wide years)
def book_museum(seed):
    R = random.Random(seed)
    fname, sheet = "museum_visitors_by_gallery.xlsx", "Visitors"
    galleries = [
        "Ancient Egypt",
        "Roman Britain",
        "Ancient Greece",
        "Medieval Europe",
        "Textiles and Fashion",
        "Dinosaurs",
        "Minerals and Gems",
        "Islamic Art",
        "Asian Art",
        "Modern Art",
        "Art Deco",
        "Ceramics",
        "Silver and Metalwork",
        "Clocks and Watches",
        "Arms and Armour",
        "Musical Instruments",
        "Natural History",
        "Birds of the World",
        "Insects",
        "Ocean Life",
        "Space and Astronomy",
        "Steam Engines",
        "Flight",
        "Victorian Life",
        "Tudor Rooms",
        "Viking Age",
        "Prehistoric Britain",
        "Coins and Medals",
        "Photography",
        "Furniture",
        "Glass",
        "Jewellery",
        "Toys and Childhood",
        "World Cultures",
        "Maps and Globes",
        "Sculpture",
        "Drawings and Prints",
        "Japanese Prints",
        "Science Discovery",
        "Medicine Through Time",
        "Local History",
        "Fossils",
    ]
    years = list(range(2016, 2025))
    wings = ["East", "West", "North"]
    order = galleries[:]
    R.shuffle(order)
    late = set(
        R.sample(
            [
                g
                for g in galleries
                if g not in ("Ancient Egypt", "Roman Britain", "Textiles and Fashion", "Dinosaurs")
            ],
            5,
        )
    )
    raw = []
    for g in order:
        wing = R.choice(wings)
        base = int(math.exp(R.uniform(math.log(6000), math.log(140000))))
        grow = R.uniform(-0.01, 0.06)
        opened = R.choice([2018, 2019]) if g in late else None
        vals = []
        for y in years:
            if opened and y < opened:
                vals.append(None)
                continue
            if y <= 2019:
                v = base * (1 + grow) ** (y - 2019) * R.uniform(0.95, 1.05)
            elif y == 2020:
                v = base * R.uniform(0.22, 0.38)
            elif y == 2021:
                v = base * R.uniform(0.45, 0.65)
            elif y == 2022:
                v = base * R.uniform(0.78, 0.95)
            else:
                v = base * (1 + grow) ** (y - 2019) * R.uniform(0.88, 1.12)
            vals.append(int(round(v)))
        note = ""
        if opened:
            note = f"Opened {opened}"
        elif R.random() < 0.15:
            note = R.choice(["Refurbished 2022", "Closed for refurbishment Jan-Mar 2023"])
        elif R.random() < 0.15:
            note = R.choice(["New lighting 2021", "Touch screens added", "Free entry weekends"])
        raw.append([g, wing, *vals, note])
    need(all(sum(x[1] == w for x in raw) >= 8 for x in [0] for w in wings))
    rows = [list(x) for x in raw]
    for k in R.sample(range(len(rows)), 4):
        j = R.randint(4, 10)
        rows[k][j] = f"{rows[k][j]:,}"
    header = ["Gallery", "Wing", *years, "Notes"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "City Museum - visitors per gallery per year"
    ws["A1"].font = TITLE
    ws["A2"] = "Counted by door sensors; blank = gallery not open that year"
    tot = ["Total", None] + [sum(x[2 + j] or 0 for x in raw) for j in range(len(years))] + [None]
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {21}) + [None, tot],
        {str(y): "#,##0" for y in years},
        [24, 8] + [10] * len(years) + [34],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Gallery")
    assert len(df) == len(raw)
    Y = [str(y) for y in years]
    for y in Y:
        df[y] = num(df[y])
    df["Notes"] = txt(df["Notes"])
    df = df.set_index("Gallery")
    C = Cases(fname, sheet)
    tot = df[Y].sum()

    C.v("wide_years", "total visitors in 2019", tot["2019"])
    C.v("wide_years", "which year had the most visitors overall?", int(top1(tot)))
    C.v("wide_years", "quietest year?", int(top1(tot, smallest=True)))
    C.v(
        "wide_years",
        "percentage growth in visitors from 2020 to 2023",
        (tot["2023"] - tot["2020"]) / tot["2020"],
    )
    C.v(
        "wide_years",
        "how many more visitors did we get in 2023 than in 2020",
        tot["2023"] - tot["2020"],
    )
    C.v(
        "wide_years",
        "visitors to the Ancient Egypt gallery in 2018",
        df.loc["Ancient Egypt", "2018"],
    )
    C.v(
        "wide_years",
        "total visitors to Roman Britain across all years",
        df.loc["Roman Britain", Y].sum(),
    )
    C.v(
        "wide_years",
        "average yearly visitors for the Textiles and Fashion gallery",
        df.loc["Textiles and Fashion", Y].mean(),
    )
    C.v(
        "wide_years",
        "in which year did the Dinosaurs gallery peak?",
        int(top1(df.loc["Dinosaurs", Y])),
    )
    need(not (df["2024"] == df["2019"]).any())
    C.v(
        "wide_years",
        "how many galleries had more visitors in 2024 than in 2019",
        (df["2024"] > df["2019"]).sum(),
    )
    C.v("wide_years", "total visitors 2016-2019", df[["2016", "2017", "2018", "2019"]].sum().sum())
    C.v("superlative", "Which gallery was busiest in 2024, please?", top1(df["2024"]))
    C.v("superlative", "top 3 galleries in 2022", topn(df["2022"], 3))
    C.v(
        "superlative",
        "which gallery had the most visitors over the whole period",
        top1(df[Y].sum(axis=1)),
    )
    C.v("x_by_y", "2023 visitors by wing", by(df.groupby("Wing")["2023"].sum()))
    C.v(
        "two_keys",
        "visitors by wing and year",
        {w: {y: v for y, v in df[df.Wing == w][Y].sum().items()} for w in sorted(df.Wing.unique())},
    )
    no_eq(df["2019"], 50000)
    C.v("quantities", "galleries with more than 50k visitors in 2019", (df["2019"] > 50000).sum())
    no_eq(df["2020"], 10000)
    C.v(
        "quantities",
        "how many galleries had under 10,000 visitors in 2020",
        (df["2020"] < 10000).sum(),
    )
    C.v(
        "row_noun",
        "which galleries have no figures for 2016?",
        ulist(pd.Series(df.index[df["2016"].isna()])),
        unordered=True,
    )
    art_sub = {g for g in df.index if "art" in g.lower()}
    art_word = {g for g in df.index if "art" in g.lower().split()}
    assert art_sub == art_word
    C.v("text_match", "how many galleries have 'Art' in the name?", len(art_sub))
    C.v(
        "text_match",
        "which galleries were refurbished",
        ulist(pd.Series(df.index[df.Notes.str.lower().str.contains("refurb")])),
        unordered=True,
    )
    C.v("plain", "average visitors per gallery in 2021", df["2021"].mean())
    no_eq(tot, 1.5e6)
    C.v(
        "quantities",
        "in which years did total visitors top 1.5 million?",
        sorted(int(y) for y in tot.index[tot > 1.5e6]),
        unordered=True,
    )
    C.v(
        "derived",
        "what share of 2024 visitors went to the East wing?",
        df.loc[df.Wing == "East", "2024"].sum() / df["2024"].sum(),
    )
    C.v(
        "derived",
        "change in Ancient Egypt visitors from 2019 to 2024",
        df.loc["Ancient Egypt", "2024"] - df.loc["Ancient Egypt", "2019"],
    )
    full = df[df["2016"].notna()]
    need(top1(full["2024"] - full["2016"]) != top1(full["2024"] / full["2016"]))
    C.clarify("superlative", "which gallery grew the most between 2016 and 2024?")
    C.clarify("wide_years", "how many visitors did the Roman Britain gallery get?")
    C.refuse("plain", "average ticket price per gallery")
    C.refuse("wide_years", "how many visitors came in July 2022?")
    return C.items


# =================================================================== 10 airline (month columns)
def book_airline(seed):
    R = random.Random(seed)
    fname, sheet = "route_passengers_2024.xlsx", "Passengers 2024"
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    region = {
        "New York": "North America",
        "Toronto": "North America",
        "Boston": "North America",
        "Orlando": "North America",
        "Dubai": "Middle East",
        "Doha": "Middle East",
        "Singapore": "Asia",
        "Tokyo": "Asia",
        "Delhi": "Asia",
        "Hong Kong": "Asia",
        "Bangkok": "Asia",
    }
    dests = {
        "London": [
            "New York",
            "Dubai",
            "Singapore",
            "Tokyo",
            "Toronto",
            "Boston",
            "Doha",
            "Delhi",
            "Hong Kong",
            "Paris",
            "Amsterdam",
            "Rome",
            "Madrid",
            "Lisbon",
            "Geneva",
            "Dublin",
            "Nice",
            "Prague",
            "Athens",
            "Bangkok",
        ],
        "Manchester": [
            "Dubai",
            "Alicante",
            "Malaga",
            "Faro",
            "Palma",
            "Dublin",
            "Amsterdam",
            "New York",
            "Orlando",
            "Doha",
        ],
        "Birmingham": ["Alicante", "Malaga", "Faro", "Palma", "Dublin", "Orlando"],
        "Edinburgh": ["Amsterdam", "Paris", "Dublin", "Toronto", "Malaga"],
    }
    season = [0.70, 0.72, 0.85, 0.95, 1.0, 1.12, 1.25, 1.30, 1.05, 0.92, 0.78, 0.90]
    routes = [(o, d) for o, ds in dests.items() for d in ds]
    fixed = {
        "London-New York",
        "London-Singapore",
        "London-Paris",
        "Manchester-Alicante",
        "London-Dubai",
        "Manchester-Dubai",
    }
    cand = [f"{o}-{d}" for o, d in routes if f"{o}-{d}" not in fixed]
    susp = set(R.sample(cand, 3))
    newr = set(R.sample([c for c in cand if c not in susp], 2))
    raw = []
    for o, d in routes:
        name = f"{o}-{d}"
        reg = region.get(d, "Europe")
        typ = "Short-haul" if reg == "Europe" else "Long-haul"
        seasonal = o in ("Manchester", "Birmingham") and d in ("Faro", "Palma", "Alicante")
        base = R.uniform(6000, 24000) if typ == "Long-haul" else R.uniform(3000, 16000)
        vals = []
        for k in range(12):
            f = season[k]
            if seasonal:
                f = f**3
            v = int(round(base * f * R.uniform(0.9, 1.1)))
            if name in susp and k >= 9:
                v = None
            if name in newr and k < 4:
                v = None
            vals.append(v)
        status = "Suspended" if name in susp else "Active"
        note = ""
        if name in susp:
            note = "Suspended from October - low demand"
        elif name in newr:
            note = "New route from May"
        elif seasonal:
            note = "Seasonal - summer peak"
        elif R.random() < 0.12:
            note = R.choice(
                ["Aircraft swap in March", "Extra frequency at Easter", "A350 from June"]
            )
        raw.append([name, reg, typ, status, *vals, note])
    R.shuffle(raw)
    rows = [list(x) for x in raw]
    for k in R.sample(range(len(rows)), 4):
        j = 4 + R.randint(0, 11)
        if rows[k][j] is not None:
            rows[k][j] = str(rows[k][j])
    header = ["Route", "Region", "Route Type", "Status", *months, "Notes"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Passengers carried per route - 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Figures are one-way departing passengers; blank = route not operating"
    tot = (
        ["Total", None, None, None] + [sum(x[4 + j] or 0 for x in raw) for j in range(12)] + [None]
    )
    put_table(
        ws,
        4,
        1,
        header,
        with_blanks(rows, {20}) + [None, tot],
        {m: "#,##0" for m in months},
        [22, 14, 11, 10] + [9] * 12 + [36],
    )
    path = os.path.join(BOOKS, fname)
    save_book(wb, path)

    df = load_table(path, sheet, "Route")
    assert len(df) == len(raw)
    for m in months:
        df[m] = num(df[m])
    df["Notes"] = txt(df["Notes"]).str.lower()
    df = df.set_index("Route")
    df["Year"] = df[months].sum(axis=1)
    mk = {m: f"2024-{i + 1:02d}" for i, m in enumerate(months)}
    tot = df[months].sum()
    C = Cases(fname, sheet)

    C.v("month_column", "passengers in April", tot["Apr"])
    C.v("month_column", "which month was busiest?", mk[top1(tot)])
    C.v("month_column", "total pax in Q3", tot[["Jul", "Aug", "Sep"]].sum())
    C.v("month_column", "London-New York passengers in March", df.loc["London-New York", "Mar"])
    C.v(
        "month_column",
        "how many people flew Manchester-Alicante in the first half of the year",
        df.loc["Manchester-Alicante", months[:6]].sum(),
    )
    C.v(
        "month_column",
        "average monthly passengers on London-Paris",
        df.loc["London-Paris", months].mean(),
    )
    C.v(
        "month_column",
        "percent change in passengers from January to December",
        (tot["Dec"] - tot["Jan"]) / tot["Jan"],
    )
    C.v("superlative", "busiest route in July", top1(df.Jul))
    C.v("superlative", "top 5 routes for the year", topn(df.Year, 5))
    C.v(
        "superlative",
        "which region carried the fewest pasengers?",
        top1(df.groupby("Region").Year.sum(), smallest=True),
    )
    C.v(
        "superlative",
        "quietest month for London-Singapore",
        mk[top1(df.loc["London-Singapore", months].astype(float), smallest=True)],
    )
    C.v("x_by_y", "passengers by region", by(df.groupby("Region").Year.sum()))
    C.v("x_by_y", "august passengers per route type", by(df.groupby("Route Type").Aug.sum()))
    C.v(
        "two_keys",
        "passengers by region and month",
        {r: {mk[m]: v for m, v in g[months].sum().items()} for r, g in df.groupby("Region")},
    )
    C.v("status", "how many routes are suspended", (df.Status == "Suspended").sum())
    C.v(
        "status",
        "active long-haul routes - how many?",
        ((df.Status == "Active") & (df["Route Type"] == "Long-haul")).sum(),
    )
    C.v(
        "status",
        "total passengers on routes that are still active",
        df.loc[df.Status == "Active", "Year"].sum(),
    )
    no_eq(df.Year, 100000)
    C.v(
        "quantities",
        "routes that carried fewer than 100,000 passengers over the whole year",
        (df.Year < 100000).sum(),
    )
    no_eq(df.Jan, 5000, 15000)
    C.v(
        "quantities",
        "how many routes had between 5k and 15k passengers in January",
        ((df.Jan >= 5000) & (df.Jan <= 15000)).sum(),
    )
    C.v(
        "row_noun",
        "how many routes fly out of Manchester?",
        df.index.str.startswith("Manchester-").sum(),
    )
    C.v(
        "row_noun",
        "list the routes to Asia",
        ulist(pd.Series(df.index[df.Region == "Asia"])),
        unordered=True,
    )
    C.v(
        "text_match",
        "which routes are marked as seasonal?",
        ulist(pd.Series(df.index[df.Notes.str.contains("seasonal")])),
        unordered=True,
    )
    C.v(
        "derived",
        "what share of the year's passengers flew in June, July and August?",
        tot[["Jun", "Jul", "Aug"]].sum() / tot.sum(),
    )
    C.v("plain", "total passengers for the year", tot.sum())
    C.clarify("month_column", "passengers on the Dubai route in May?")
    C.clarify("plain", "what's the average for long-haul routes?")
    C.refuse("derived", "what was the load factor on London-New York?")
    C.refuse("plain", "how many passengers flew in 2023")
    return C.items


# =================================================================== main
BOOK_FUNCS = [
    (book_festival, 100),
    (book_bakery, 200),
    (book_vet, 300),
    (book_translator, 400),
    (book_school, 500),
    (book_fleet, 600),
    (book_charity, 700),
    (book_letting, 800),
    (book_museum, 900),
    (book_airline, 1000),
]


def main():
    os.makedirs(BOOKS, exist_ok=True)
    allc = []
    for fn, base in BOOK_FUNCS:
        for k in range(500):
            try:
                items = fn(base + k)
                break
            except Retry:
                continue
        else:
            raise RuntimeError(f"no usable seed for {fn.__name__}")
        allc.extend(items)
    cmds = [c["command"].lower() for c in allc]
    assert len(cmds) == len(set(cmds)), "duplicate command"
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8") as f:
        for i, c in enumerate(allc, 1):
            c = {"id": f"{ID_PREFIX}-{i:03d}", **c}
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(allc)} cases, {len(BOOK_FUNCS)} books")


if __name__ == "__main__":
    main()
