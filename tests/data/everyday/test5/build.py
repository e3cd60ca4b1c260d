"""Build the "everyday" evaluation set test5 (split "test") for nlsheet.

Written by a helper session that saw neither nlsheet's code, its training data
nor its rules: the workbooks, the commands and the answer conventions below come
only from the brief it was given and from its own imagination of how office
users type questions.

What this script does (deterministically -- seeded random.Random per book, fixed
dates, no clock; zip entries and document properties carry a fixed timestamp so
reruns give byte-identical files):

1. Writes 10 messy-but-realistic workbooks into ./books/ with openpyxl, one
   business domain each:
     print_shop_jobs.xlsx            print shop job orders
     language_school_enrolments.xlsx language school enrolments & fees (table starts in column B)
     pharmacy_fills.xlsx             pharmacy prescription fills
     film_festival_2024.xlsx         film festival screenings & ticket sales
     landscaping_quotes_jobs.xlsx    landscaping quotes and jobs
     ski_lift_passes.xlsx            ski resort lift pass sales
     bird_survey_2024.xlsx           citizen-science bird survey
     restaurant_covers_2024.xlsx     WIDE: monthly covers per branch (Jan..Dec columns)
     faculty_headcount.xlsx          WIDE: enrolments per department/level (2016..2024 columns)
     call_centre_log.xlsx            call centre call log
   Mess spread over the books: title rows above the header, blank rows inside the
   data, "Total" rows under the data, a footnote row, a table starting in column
   B, numbers stored as text, blank cells, yes/no columns (a few in lower case),
   status columns, free-text notes, real date / datetime cells, currency and units
   in headers, names that repeat across rows, 40-200 rows per table.

2. Reads every workbook back with its own small loader (finds the header row,
   skips title rows, blank rows, Total/Source rows, converts text numbers) and
   COMPUTES every expected answer from the loaded rows with pandas.  No answer is
   typed by hand.  Superlatives / top-N lists are checked to have no ties and no
   value may sit exactly on a numeric threshold used in a command; if a check
   fails the book's data is re-drawn with the next seed.

3. Writes ./cases.jsonl, one JSON object per line:
     {"id", "book", "sheet", "command", "class", "split", "kind", "expected", ["unordered"]}
   "book" is the file name inside ./books/.

Conventions for "expected":
  * kind "value": the answer.  Plain JSON numbers (counts are ints; floats rounded
    to 6 decimals); one name -> string; several names -> list ("unordered": true
    when order does not matter; ranked lists keep rank order); "X by Y" -> {group:
    number}; two keys -> {k1: {k2: number}} (only combinations that occur);
    months "YYYY-MM"; single dates "YYYY-MM-DD"; years ints (strings when used as
    dict keys); percentages / shares / growth / rates are fractions (0.12, not 12).
  * A bare noun phrase ("cancelled jobs") is a count of rows.  "between A and B"
    is inclusive, "since D" includes D, "before"/"after" exclude.  Blank cells are
    ignored by averages.
  * kind "clarify": expected null -- genuinely ambiguous for that table.
  * kind "refuse": expected null -- no column of the table can answer it.
Classes: row_noun, status, dates, quantities, superlative, two_keys, x_by_y,
text_match, derived, wide_years, month_column, plain.
"""

import io
import itertools
import json
import os
import random
import re
import zipfile
from datetime import date, datetime, timedelta

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font

OUTDIR = os.path.dirname(os.path.abspath(__file__))
BOOKS = os.path.join(OUTDIR, "books")
SPLIT = "test"
PREFIX = "test5-"
FIXED = datetime(2024, 12, 31, 12, 0, 0)
ZIP_TS = (2024, 12, 31, 12, 0, 0)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


# ----------------------------------------------------------------------------
# generic helpers
# ----------------------------------------------------------------------------
class Redraw(Exception):
    """Raised when generated data would make an answer ambiguous (tie/threshold)."""


def normalize_xlsx(path):
    """Rewrite the xlsx zip with fixed timestamps so reruns are byte-identical."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(name, date_time=ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def new_wb(sheet):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    wb.properties.creator = "build.py"
    wb.properties.lastModifiedBy = "build.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb, ws


def save_wb(wb, fname):
    path = os.path.join(BOOKS, fname)
    wb.save(path)
    normalize_xlsx(path)
    return path


def write_table(
    ws, header, rows, start_row, start_col=1, blank_after=(), formats=None, widths=None
):
    """Write header + rows; leave an empty row after the row indexes in blank_after.
    Returns the next free row number."""
    formats = formats or {}
    r = start_row
    for j, h in enumerate(header):
        c = ws.cell(r, start_col + j, h)
        c.font = BOLD
    r += 1
    for i, row in enumerate(rows):
        for j, h in enumerate(header):
            v = row.get(h)
            if v is None or v == "":
                continue
            c = ws.cell(r, start_col + j, v)
            if h in formats and not isinstance(v, str):
                c.number_format = formats[h]
        r += 1
        if i in blank_after:
            r += 1
    if widths:
        for j, h in enumerate(header):
            if h in widths:
                ws.column_dimensions[
                    openpyxl.utils.get_column_letter(start_col + j)
                ].width = widths[h]
    return r


def textify(rng, rows, col, k, fmt=None):
    """Store k values of a numeric column as text (a classic spreadsheet mess)."""
    idx = [i for i, r in enumerate(rows) if isinstance(r.get(col), (int, float))]
    for i in rng.sample(idx, k):
        v = rows[i][col]
        if fmt:
            rows[i][col] = fmt(v)
        elif isinstance(v, float) and not float(v).is_integer():
            rows[i][col] = f"{v:.2f}"
        else:
            rows[i][col] = str(int(v))


def parse_num(v):
    if v is None:
        return np.nan
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    s = re.sub(r"CHF|[€£$,\s]", "", str(v))
    if s in ("", "-", "–"):
        return np.nan
    return float(s)


def load_table(path, sheet, first_header, numeric=(), dates=(), yesno=()):
    """Small loader: find the header row by its first header text, read the block
    under it, skip blank rows and Total/Source/Note rows, coerce types."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    hdr_r = hdr_c = None
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip() == first_header:
                hdr_r, hdr_c = i, j
                break
        if hdr_r is not None:
            break
    if hdr_r is None:
        raise ValueError(f"header {first_header!r} not found in {path}")
    header = []
    for v in grid[hdr_r][hdr_c:]:
        if v is None or str(v).strip() == "":
            break
        header.append(str(v).strip())
    recs = []
    for row in grid[hdr_r + 1 :]:
        vals = (list(row[hdr_c : hdr_c + len(header)]) + [None] * len(header))[: len(header)]
        vals = [None if (isinstance(v, str) and v.strip() == "") else v for v in vals]
        cells = [v for v in vals if v is not None]
        if not cells:
            continue
        first = cells[0]
        if isinstance(first, str) and re.match(
            r"\s*(grand total|total|source|note)\b", first, re.I
        ):
            continue
        recs.append(vals)
    df = pd.DataFrame(recs, columns=header)
    for c in numeric:
        df[c] = df[c].map(parse_num).astype(float)
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    for c in yesno:
        df[c] = df[c].map(lambda v: None if v is None else str(v).strip().capitalize())
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(lambda v: v.strip() if isinstance(v, str) else v)
    return df


def py(x):
    """Convert pandas/numpy results to plain JSON-able python values."""
    if isinstance(x, dict):
        return {str(k): py(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [py(v) for v in x]
    if isinstance(x, (pd.Timestamp, datetime)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        f = round(float(x), 6)
        if f.is_integer():
            return int(f)
        return f
    return x


def guard(s, *thresholds):
    vals = pd.Series(s).dropna().astype(float)
    for t in thresholds:
        if (abs(vals - t) < 1e-9).any():
            raise Redraw(f"value on threshold {t}")


def gt(s, t):
    guard(s, t)
    return s > t


def lt(s, t):
    guard(s, t)
    return s < t


def between(s, a, b):
    guard(s, a, b)
    return (s >= a) & (s <= b)


def _sorted(s, ascending):
    s = pd.Series(s).dropna()
    return s.sort_values(ascending=ascending, kind="mergesort")


def argmax(s):
    s = _sorted(s, False)
    if len(s) > 1 and abs(s.iloc[0] - s.iloc[1]) < 1e-9:
        raise Redraw("tie at max")
    return s.index[0]


def argmin(s):
    s = _sorted(s, True)
    if len(s) > 1 and abs(s.iloc[0] - s.iloc[1]) < 1e-9:
        raise Redraw("tie at min")
    return s.index[0]


def topn(s, n, ascending=False):
    s = _sorted(s, ascending)
    vals = list(s.iloc[: n + 1])
    for a, b in itertools.pairwise(vals):
        if abs(a - b) < 1e-9:
            raise Redraw("tie in top-n")
    return list(s.index[:n])


def bydict(series):
    return {str(k): v for k, v in pd.Series(series).items()}


def nested(series):
    out = {}
    for (a, b), v in pd.Series(series).items():
        out.setdefault(str(a), {})[str(b)] = v
    return out


def ulist(values):
    return sorted(
        {v for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))}
    )


def has(series, word):
    return series.fillna("").str.contains(word, case=False, regex=False)


def ts(s):
    return pd.Timestamp(s)


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.items = book, sheet, []

    def add(self, cls, command, expected=None, kind="value", unordered=False):
        d = {
            "book": self.book,
            "sheet": self.sheet,
            "command": command,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": py(expected) if kind == "value" else None,
        }
        if unordered:
            d["unordered"] = True
        self.items.append(d)

    def clarify(self, cls, command):
        self.add(cls, command, None, kind="clarify")

    def refuse(self, cls, command):
        self.add(cls, command, None, kind="refuse")


def with_redraw(fn, base_seed):
    for seed in range(base_seed, base_seed + 500):
        try:
            items = fn(seed)
        except Redraw:
            continue
        print(f"{fn.__name__}: seed {seed} ({seed - base_seed} re-draws)")
        return items
    raise RuntimeError(f"{fn.__name__}: no valid seed found")


def weighted_pool(rng, names, power=0.7):
    w = [1.0 / (i + 1) ** power for i in range(len(names))]
    order = names[:]
    rng.shuffle(order)
    return order, w


def workdays(start, end):
    d, out = start, []
    while d <= end:
        if d.weekday() < 5:
            out.append(d)
        d += timedelta(days=1)
    return out


def dtm(d):
    return datetime(d.year, d.month, d.day)


FIRST = [
    "Anna",
    "Ben",
    "Chloe",
    "Daniel",
    "Elif",
    "Farah",
    "George",
    "Hana",
    "Ivan",
    "Julia",
    "Kofi",
    "Laura",
    "Mateo",
    "Nina",
    "Oscar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Yara",
    "Zoe",
    "Aidan",
    "Bianca",
    "Conor",
    "Dana",
    "Emil",
    "Fiona",
    "Gus",
    "Helen",
    "Igor",
    "Jade",
    "Karl",
    "Lily",
    "Marcus",
    "Noor",
    "Otto",
]
LAST = [
    "Novak",
    "Schmidt",
    "Murphy",
    "Kowalski",
    "Okafor",
    "Haddad",
    "Silva",
    "Tanaka",
    "Larsen",
    "Moreno",
    "Byrne",
    "Ivanova",
    "Costa",
    "Fischer",
    "Patel",
    "Nguyen",
    "Duarte",
    "Kelly",
    "Rossi",
    "Berg",
    "Walsh",
    "Brennan",
    "Hughes",
    "Lindgren",
    "Mensah",
    "Dubois",
]


def people(rng, n):
    pairs = [(f, l) for f in FIRST for l in LAST]
    return [f"{f} {l}" for f, l in rng.sample(pairs, n)]


# ----------------------------------------------------------------------------
# 1. print shop job orders
# ----------------------------------------------------------------------------
def book_print(seed):
    rng = random.Random(seed)
    fname, sheet = "print_shop_jobs.xlsx", "Jobs 2024"
    customers = [
        "Harbour Cafe",
        "Greenleaf Dental",
        "Northside FC",
        "Bloom & Co Florists",
        "St Mary's School",
        "Apex Motors",
        "The Old Mill B&B",
        "Kite Architects",
        "Riverside Vets",
        "Lumen Yoga",
        "Parkway Estate Agents",
        "Fig & Olive Deli",
        "Cobalt Tech",
        "Hilltop Church",
        "Marlow Bakery",
        "Sunset Realty",
    ]
    cust, cw = weighted_pool(rng, customers, 0.6)
    products = {  # quantity options, unit price
        "Business cards": ([250, 500, 750, 1500, 2500], 0.09),
        "Flyers": ([500, 1500, 2500, 3500, 7500, 12000], 0.045),
        "Posters": ([10, 20, 25, 40, 60, 120], 3.2),
        "Banners": ([1, 2, 3, 4, 6], 78.0),
        "Brochures": ([100, 250, 400, 750, 1200, 2500], 0.85),
        "Stickers": ([200, 300, 600, 1500, 4000, 6000], 0.11),
        "Booklets": ([50, 80, 120, 300, 450], 2.6),
    }
    pnames = list(products)
    pw = [16, 24, 13, 7, 11, 19, 10]
    notes_pool = [
        "Reprint due to smudged ink",
        "Customer supplied artwork (PDF)",
        "Proof approved by email",
        "Rush for trade show",
        "Deliver to side entrance",
        "Proof sent - awaiting sign-off",
        "Repeat of last year's order",
        "Asked for recycled stock",
        "Colour match to logo, PMS 286",
        "Invoice to head office",
        "reprint of March batch, typo fixed",
    ]
    rows = []
    for _ in range(124):
        od = date(2024, 1, 2) + timedelta(days=rng.randint(0, 350))
        prod = rng.choices(pnames, pw)[0]
        opts, unit = products[prod]
        q = rng.choice(opts)
        colour = rng.random() < 0.7
        rush = rng.random() < 0.2
        price = round(
            (25 + q * unit * (1.35 if colour else 1.0) * (1.25 if rush else 1.0))
            * rng.uniform(0.92, 1.08),
            2,
        )
        due = od + timedelta(days=rng.randint(2, 6) if rush else rng.randint(5, 21))
        if od >= date(2024, 12, 5):
            status = rng.choice(["Quoted", "In production", "In production", "Ready"])
        else:
            status = rng.choices(
                ["Collected", "Cancelled", "Ready", "In production", "Quoted"], [70, 10, 7, 6, 7]
            )[0]
        paper = rng.choices(["Gloss", "Matt", "Silk", "Recycled"], [35, 30, 20, 15])[0]
        note = None if rng.random() < 0.45 else rng.choice(notes_pool)
        rows.append(
            {
                "Order Date": dtm(od),
                "Customer": rng.choices(cust, cw)[0],
                "Product": prod,
                "Quantity": q,
                "Paper": paper,
                "Full Colour": "Yes" if colour else "No",
                "Rush": "Yes" if rush else "No",
                "Price (£)": price,
                "Due Date": dtm(due),
                "Status": status,
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: r["Order Date"])
    for i, r in enumerate(rows):
        r["Job No"] = f"J-{1001 + i}"
    textify(rng, rows, "Quantity", 4)
    header = [
        "Job No",
        "Order Date",
        "Customer",
        "Product",
        "Quantity",
        "Paper",
        "Full Colour",
        "Rush",
        "Price (£)",
        "Due Date",
        "Status",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Inkwell Print Co."
    ws["A1"].font = TITLE
    ws["A2"] = "Job orders 2024 - exported 31/12/2024"
    r = write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={33, 80},
        formats={"Order Date": "dd/mm/yyyy", "Due Date": "dd/mm/yyyy", "Price (£)": "#,##0.00"},
        widths={"Customer": 22, "Product": 15, "Notes": 32, "Order Date": 12, "Due Date": 12},
    )
    ws.cell(r, 1, "Total").font = BOLD
    ws.cell(r, 5, int(sum(parse_num(x["Quantity"]) for x in rows)))
    ws.cell(r, 9, round(sum(x["Price (£)"] for x in rows), 2)).number_format = "#,##0.00"
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Job No",
        numeric=["Quantity", "Price (£)"],
        dates=["Order Date", "Due Date"],
        yesno=["Full Colour", "Rush"],
    )
    P, Q, OD, DD = df["Price (£)"], df["Quantity"], df["Order Date"], df["Due Date"]
    c = Cases(fname, sheet)
    c.add("row_noun", "how many flyer jobs do we have", (df.Product == "Flyers").sum())
    c.add(
        "row_noun",
        "list the customers who ordered banners",
        ulist(df.loc[df.Product == "Banners", "Customer"]),
        unordered=True,
    )
    c.add(
        "row_noun",
        "How many jobs has Harbour Cafe placed with us?",
        (df.Customer == "Harbour Cafe").sum(),
    )
    c.add("status", "how many jobs were cancelled?", (df.Status == "Cancelled").sum())
    c.add(
        "status",
        "rush jobs that are still in production",
        ((df.Rush == "Yes") & (df.Status == "In production")).sum(),
    )
    c.add(
        "status",
        "what's the total value of the cancelled orders",
        P[df.Status == "Cancelled"].sum(),
    )
    c.add("dates", "jobs ordered in march", (OD.dt.month == 3).sum())
    c.add("dates", "total price of jobs ordered in Q3", P[OD.dt.month.isin([7, 8, 9])].sum())
    c.add("dates", "how many jobs have come in since Oct 15?", (ts("2024-10-15") <= OD).sum())
    c.add(
        "dates",
        "number of jobs due between 1 and 15 June",
        ((ts("2024-06-01") <= DD) & (ts("2024-06-15") >= DD)).sum(),
    )
    c.add("quantities", "jobs over £500", gt(P, 500).sum())
    c.add(
        "quantities",
        "how many orders were for between 1k and 5k copies",
        between(Q, 1000, 5000).sum(),
    )
    c.add(
        "superlative",
        "which customer has the highest total job value",
        argmax(df.groupby("Customer")["Price (£)"].sum()),
    )
    c.add(
        "superlative",
        "what was the most expensive single job? just the job number",
        df.loc[argmax(P), "Job No"],
    )
    c.add("superlative", "top 3 products by number of jobs", topn(df.Product.value_counts(), 3))
    c.add(
        "two_keys",
        "total price by product and rush",
        nested(df.groupby(["Product", "Rush"])["Price (£)"].sum()),
    )
    c.add("x_by_y", "show jobs by status", bydict(df.Status.value_counts().sort_index()))
    c.add("x_by_y", "average price by paper type", bydict(df.groupby("Paper")["Price (£)"].mean()))
    c.add(
        "text_match",
        "how many jobs mention a reprint in the notes?",
        has(df.Notes, "reprint").sum(),
    )
    c.add(
        "text_match",
        "list the job numbers where the notes say something about a proof",
        ulist(df.loc[has(df.Notes, "proof"), "Job No"]),
        unordered=True,
    )
    row = df[df["Job No"] == "J-1042"].iloc[0]
    c.add("derived", "what's the price per copy on job J-1042?", row["Price (£)"] / row["Quantity"])
    c.add(
        "derived",
        "average turnaround in days from order date to due date",
        (DD - OD).dt.days.mean(),
    )
    c.add("plain", "whats the total number of posters printed", Q[df.Product == "Posters"].sum())
    c.add("plain", "avg job price", P.mean())
    c.clarify("plain", "what's the total for Harbour Cafe?")
    c.clarify("plain", "show me the date for job J-1010")
    c.refuse("superlative", "which designer handled the most jobs")
    c.refuse("derived", "average ink cost per job?")
    return c.items


# ----------------------------------------------------------------------------
# 2. language school enrolments (table starts in column B)
# ----------------------------------------------------------------------------
def book_language(seed):
    rng = random.Random(seed)
    fname, sheet = "language_school_enrolments.xlsx", "Enrolments"
    students = people(rng, 95)
    studs, sw = weighted_pool(rng, students, 0.5)
    domains = [
        "gmail.com",
        "gmail.com",
        "gmail.com",
        "hotmail.com",
        "outlook.com",
        "yahoo.com",
        "icloud.com",
    ]
    email = {}
    for s in students:
        f, l = s.lower().split()
        sep = rng.choice([".", "_", ""])
        email[s] = (
            f"{f}{sep}{l}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(domains)}"
        )
    teachers = {
        "Spanish": ["Lucía Martín", "Carlos Vega"],
        "French": ["Amélie Durand"],
        "German": ["Jonas Weber", "Petra Lang"],
        "Italian": ["Giulia Rossi"],
        "Japanese": ["Kenji Sato"],
        "Mandarin": ["Li Na"],
    }
    langs = list(teachers)
    lw = [30, 21, 17, 12, 12, 8]
    levels = ["A1", "A2", "B1", "B2", "C1"]
    rate = {"A1": 55, "A2": 60, "B1": 65, "B2": 70, "C1": 80}
    mondays = [date(2023, 1, 9) + timedelta(days=7 * k) for k in range(77)]
    notes_pool = [
        "Scholarship student",
        "Corporate booking - invoice employer",
        "Moved from evening to morning class",
        "Requested a certificate",
        "Transferred from the A2 group",
        "Paying in two instalments",
        "partial scholarship (50%)",
        "Needs exam prep materials",
    ]
    rows = []
    for _ in range(150):
        lang = rng.choices(langs, lw)[0]
        lvl = rng.choices(levels, [30, 25, 20, 15, 10])[0]
        weeks = rng.choice([4, 6, 8, 10, 12, 16])
        online = rng.random() < 0.35
        r = rate[lvl] + (10 if lang in ("Japanese", "Mandarin") else 0)
        fee = round(weeks * r * (0.85 if online else 1.0))
        disc = None if rng.random() < 0.7 else rng.choice([25, 50, 75, 100, 150])
        st = rng.choices(studs, sw)[0]
        start = rng.choice(mondays)
        if start >= date(2024, 3, 1):
            status = rng.choices(["Paid", "Unpaid", "Overdue"], [55, 30, 15])[0]
        else:
            status = rng.choices(["Paid", "Unpaid", "Overdue"], [82, 6, 12])[0]
        rows.append(
            {
                "Student": st,
                "Email": email[st],
                "Language": lang,
                "Level": lvl,
                "Start Date": dtm(start),
                "Weeks": weeks,
                "Fee (€)": fee,
                "Discount (€)": disc,
                "Fee Status": status,
                "Online": "Yes" if online else "No",
                "Teacher": rng.choice(teachers[lang]),
                "Notes": None if rng.random() < 0.6 else rng.choice(notes_pool),
            }
        )
    rows.sort(key=lambda r: (r["Start Date"], r["Student"]))
    for i, r in enumerate(rows):
        r["Enrolment ID"] = f"EN-{i + 1:04d}"
    textify(rng, rows, "Fee (€)", 3)
    header = [
        "Enrolment ID",
        "Student",
        "Email",
        "Language",
        "Level",
        "Start Date",
        "Weeks",
        "Fee (€)",
        "Discount (€)",
        "Fee Status",
        "Online",
        "Teacher",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["B1"] = "Lingua Viva Language School"
    ws["B1"].font = TITLE
    ws["B2"] = "Course enrolments, January 2023 - June 2024"
    write_table(
        ws,
        header,
        rows,
        4,
        2,
        blank_after={49, 112},
        formats={"Start Date": "d mmm yyyy", "Fee (€)": "#,##0", "Discount (€)": "#,##0"},
        widths={"Student": 18, "Email": 30, "Notes": 34, "Teacher": 14},
    )
    ws.column_dimensions["A"].width = 3
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Enrolment ID",
        numeric=["Weeks", "Fee (€)", "Discount (€)"],
        dates=["Start Date"],
        yesno=["Online"],
    )
    F, D, SD = df["Fee (€)"], df["Discount (€)"], df["Start Date"]
    c = Cases(fname, sheet)
    c.add(
        "row_noun", "how many enrolments are there for Japanese?", (df.Language == "Japanese").sum()
    )
    c.add("row_noun", "how many different students have enrolled with us", df.Student.nunique())
    c.add(
        "row_noun",
        "list the students doing German at B2",
        ulist(df.loc[(df.Language == "German") & (df.Level == "B2"), "Student"]),
        unordered=True,
    )
    c.add("status", "how many enrolments are overdue", (df["Fee Status"] == "Overdue").sum())
    c.add(
        "status", "sum of fees on enrolments that are not paid", F[df["Fee Status"] != "Paid"].sum()
    )
    c.add("status", "how many enrolments are not online", (df.Online == "No").sum())
    c.add(
        "status",
        "online spanish courses with fee status unpaid",
        ((df.Online == "Yes") & (df.Language == "Spanish") & (df["Fee Status"] == "Unpaid")).sum(),
    )
    c.add(
        "dates",
        "How many courses started in March 2024?",
        ((SD.dt.year == 2024) & (SD.dt.month == 3)).sum(),
    )
    c.add(
        "dates",
        "enrolments in the second half of 2023",
        ((ts("2023-07-01") <= SD) & (ts("2023-12-31") >= SD)).sum(),
    )
    c.add(
        "dates",
        "total fees for courses starting from February to April 2024",
        F[(ts("2024-02-01") <= SD) & (ts("2024-04-30") >= SD)].sum(),
    )
    c.add("dates", "how many started since 10 May 2024", (ts("2024-05-10") <= SD).sum())
    c.clarify("dates", "how many enrolments started in February?")
    c.add("quantities", "how many enrolments have a fee above €1,000", gt(F, 1000).sum())
    c.add("quantities", "courses under 7 weeks long - how many?", lt(df.Weeks, 7).sum())
    c.add(
        "quantities",
        "how many enrolments got a discount between €40 and €120",
        between(D, 40, 120).sum(),
    )
    c.add(
        "superlative",
        "which teacher brings in the most fee income?",
        argmax(df.groupby("Teacher")["Fee (€)"].sum()),
    )
    c.add("superlative", "top three languages by enrolments", topn(df.Language.value_counts(), 3))
    c.add(
        "superlative",
        "which student has spent the most on fees in total",
        argmax(df.groupby("Student")["Fee (€)"].sum()),
    )
    c.add(
        "two_keys",
        "enrolments by language and level",
        nested(df.groupby(["Language", "Level"]).size()),
    )
    c.add(
        "two_keys",
        "fees by language and year",
        nested(df.groupby([df.Language, SD.dt.year])["Fee (€)"].sum()),
    )
    c.add("x_by_y", "average fee by level", bydict(df.groupby("Level")["Fee (€)"].mean()))
    c.add(
        "text_match", "how many enrolments use a hotmail address?", has(df.Email, "hotmail").sum()
    )
    c.add(
        "text_match",
        "which students have notes mentioning a scholarship",
        ulist(df.loc[has(df.Notes, "scholarship"), "Student"]),
        unordered=True,
    )
    c.add(
        "derived",
        "net fee income (fee minus discount) for Spanish",
        (F - D.fillna(0))[df.Language == "Spanish"].sum(),
    )
    row = df[df["Enrolment ID"] == "EN-0042"].iloc[0]
    c.add("derived", "what's the weekly rate for enrolment EN-0042", row["Fee (€)"] / row["Weeks"])
    c.add("plain", "average course lenght in weeks", df.Weeks.mean())
    c.clarify("row_noun", "how many enrolments does the Spanish teacher have?")
    c.refuse("plain", "what's the average age of our students")
    c.refuse("superlative", "which classroom is used the most")
    return c.items


# ----------------------------------------------------------------------------
# 3. pharmacy prescription fills
# ----------------------------------------------------------------------------
def book_pharmacy(seed):
    rng = random.Random(seed)
    fname, sheet = "pharmacy_fills.xlsx", "Fills H1 2024"
    patients = people(rng, 45)
    pats, pw = weighted_pool(rng, patients, 0.8)
    drugs = {  # strengths, unit price, (qty, days) options
        "Amoxicillin": ([250, 500], 0.18, [(21, 7), (15, 5)]),
        "Atorvastatin": ([10, 20, 40], 0.35, [(28, 28), (56, 56), (84, 84)]),
        "Metformin": ([500, 850, 1000], 0.12, [(56, 28), (112, 56), (168, 84)]),
        "Lisinopril": ([5, 10, 20], 0.22, [(28, 28), (56, 56)]),
        "Omeprazole": ([20, 40], 0.25, [(28, 28), (56, 56)]),
        "Sertraline": ([50, 100], 0.40, [(28, 28), (56, 56)]),
        "Amlodipine": ([5, 10], 0.20, [(28, 28), (56, 56), (84, 84)]),
        "Ibuprofen": ([200, 400], 0.08, [(24, 8), (48, 16), (84, 28)]),
    }
    dnames = list(drugs)
    dw = [10, 16, 18, 12, 14, 9, 11, 10]
    prescribers = [
        "Dr. A. Patel",
        "Dr. R. Patel",
        "Dr. Okafor",
        "Dr. Lindqvist",
        "Dr. Moreau",
        "Dr. Byrne",
    ]
    notes_pool = [
        "Patient counselled on side effects",
        "Stock ordered from wholesaler",
        "Allergy check done - penicillin",
        "Delivered to care home",
        "Script out of date, contacted GP",
        "Generic substituted with consent",
        "GP surgery confirmed dose change",
        "Blister pack for care home",
    ]
    days = workdays(date(2024, 1, 2), date(2024, 6, 29)) + [
        d for d in (date(2024, 1, 6) + timedelta(days=7 * k) for k in range(26))
    ]
    rows = []
    for _ in range(160):
        drug = rng.choices(dnames, dw)[0]
        strengths, unit, qd = drugs[drug]
        s = rng.choice(strengths)
        q, dsup = rng.choice(qd)
        price = round((3.5 + q * unit * (1 + strengths.index(s) * 0.3)) * rng.uniform(0.9, 1.1), 2)
        copay = min(rng.choice([0, 0, 0, 4.5, 7.5, 9.9, 12.5, 18, 22.5]), price)
        fd = rng.choice(days)
        if fd >= date(2024, 6, 24):
            status = rng.choices(
                ["Picked up", "Ready", "Awaiting stock", "Cancelled"], [30, 45, 20, 5]
            )[0]
        else:
            status = rng.choices(
                ["Picked up", "Ready", "Awaiting stock", "Cancelled"], [76, 8, 6, 10]
            )[0]
        rows.append(
            {
                "Fill Date": dtm(fd),
                "Patient": rng.choices(pats, pw)[0],
                "Drug": drug,
                "Strength mg": s,
                "Qty": q,
                "Days Supply": dsup,
                "Prescriber": rng.choices(prescribers, [14, 10, 22, 18, 12, 8])[0],
                "Total Price (€)": price,
                "Patient Copay (€)": copay,
                "Generic": "Yes" if rng.random() < 0.75 else "No",
                "Refill": "Yes" if rng.random() < 0.45 else "No",
                "Status": status,
                "Pharmacist Notes": None if rng.random() < 0.55 else rng.choice(notes_pool),
            }
        )
    rows.sort(key=lambda r: r["Fill Date"])
    for i, r in enumerate(rows):
        r["Rx No"] = 240001 + i
    textify(rng, rows, "Total Price (€)", 3)
    header = [
        "Rx No",
        "Fill Date",
        "Patient",
        "Drug",
        "Strength mg",
        "Qty",
        "Days Supply",
        "Prescriber",
        "Total Price (€)",
        "Patient Copay (€)",
        "Generic",
        "Refill",
        "Status",
        "Pharmacist Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Riverside Pharmacy - dispensing log"
    ws["A1"].font = TITLE
    ws["A2"] = "Prescription fills, January to June 2024"
    write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={20, 71, 129},
        formats={"Fill Date": "dd/mm/yyyy", "Total Price (€)": "0.00", "Patient Copay (€)": "0.00"},
        widths={"Patient": 18, "Prescriber": 14, "Pharmacist Notes": 36},
    )
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Rx No",
        numeric=[
            "Rx No",
            "Strength mg",
            "Qty",
            "Days Supply",
            "Total Price (€)",
            "Patient Copay (€)",
        ],
        dates=["Fill Date"],
        yesno=["Generic", "Refill"],
    )
    df["Rx No"] = df["Rx No"].astype(int)
    P, CP, FD = df["Total Price (€)"], df["Patient Copay (€)"], df["Fill Date"]
    c = Cases(fname, sheet)
    c.add("row_noun", "how many fills for Metformin", (df.Drug == "Metformin").sum())
    c.add(
        "row_noun",
        "which patients got sertraline?",
        ulist(df.loc[df.Drug == "Sertraline", "Patient"]),
        unordered=True,
    )
    c.add(
        "row_noun",
        "how many prescriptions came from Dr. Okafor",
        (df.Prescriber == "Dr. Okafor").sum(),
    )
    c.add(
        "status", "how many presciptions are awaiting stock", (df.Status == "Awaiting stock").sum()
    )
    c.add(
        "status",
        "how many fills are ready and waiting to be collected",
        (df.Status == "Ready").sum(),
    )
    c.add(
        "status",
        "refills that were brand name, not generic",
        ((df.Refill == "Yes") & (df.Generic == "No")).sum(),
    )
    c.add(
        "status", "cancelled fills in May", ((df.Status == "Cancelled") & (FD.dt.month == 5)).sum()
    )
    c.add(
        "dates",
        "number of fills from February to April",
        ((ts("2024-02-01") <= FD) & (ts("2024-04-30") >= FD)).sum(),
    )
    c.add("dates", "total copays in the first quarter", CP[FD.dt.month <= 3].sum())
    c.add("dates", "how many scripts did we fill on 14 March", (ts("2024-03-14") == FD).sum())
    c.add("quantities", "how many fills cost more than €40?", gt(P, 40).sum())
    c.add("quantities", "fills with a strength of less than 15 mg", lt(df["Strength mg"], 15).sum())
    c.add("quantities", "copays between €5 and €15 - how many?", between(CP, 5, 15).sum())
    c.add(
        "superlative",
        "which drug brings in the most revenue",
        argmax(df.groupby("Drug")["Total Price (€)"].sum()),
    )
    c.add("superlative", "who is our most frequent patient", argmax(df.Patient.value_counts()))
    c.add(
        "superlative",
        "the priciest single fill - what's the Rx number?",
        df.loc[argmax(P), "Rx No"],
    )
    c.add(
        "two_keys",
        "fills by drug and month",
        nested(df.groupby([df.Drug, FD.dt.strftime("%Y-%m")]).size()),
    )
    c.add("x_by_y", "average copay by drug", bydict(df.groupby("Drug")["Patient Copay (€)"].mean()))
    c.add(
        "x_by_y",
        "number of fills per prescriber",
        bydict(df.Prescriber.value_counts().sort_index()),
    )
    c.add(
        "text_match",
        "fills where the notes mention the GP",
        has(df["Pharmacist Notes"], "GP").sum(),
    )
    c.add(
        "text_match",
        "list the Rx numbers that went to a care home",
        ulist(df.loc[has(df["Pharmacist Notes"], "care home"), "Rx No"]),
        unordered=True,
    )
    c.add("derived", "how much did insurance cover in total (price minus copay)?", (P - CP).sum())
    row = df[df["Rx No"] == 240057].iloc[0]
    c.add("derived", "tablets per day for Rx 240057", row["Qty"] / row["Days Supply"])
    c.add(
        "plain",
        "total number of tablets dispensed for atorvastatin",
        df.loc[df.Drug == "Atorvastatin", "Qty"].sum(),
    )
    c.clarify("plain", "total for Amoxicillin?")
    c.clarify("plain", "what's the average cost per fill")
    c.clarify("row_noun", "how many scripts did Dr Patel write")
    c.refuse("row_noun", "which patients are over 65")
    c.refuse("row_noun", "how many fills were for patients living in Dublin")
    return c.items


# ----------------------------------------------------------------------------
# 4. film festival screenings and ticket sales
# ----------------------------------------------------------------------------
def book_film(seed):
    rng = random.Random(seed)
    fname, sheet = "film_festival_2024.xlsx", "Screenings"
    titles = [
        "Silent Harbour",
        "The Last Orchard",
        "Night Ferry",
        "Salt and Iron",
        "Glass Mountains",
        "A Winter in Porto",
        "Paper Moons",
        "The Cartographer",
        "Red Dust Road",
        "Lantern Festival",
        "Echo Valley",
        "Midnight Tram",
        "The Beekeeper's Daughter",
        "Northern Lights Motel",
        "Copper Sky",
        "The Quiet Neighbour",
        "Storm Season",
        "Little Giants",
        "Borrowed Time",
        "The Ninth Wave",
        "Orange Grove",
        "Tides of August",
        "Ghost Radio",
        "Blue Hour",
        "City of Kites",
        "The Ferryman",
        "Hollow Street",
        "Sea Glass",
        "Frost Line",
        "Dancing at Dawn",
        "The Long Table",
        "Signal Lost",
        "Burnt Toast",
        "Harvest Moon Diner",
        "After the Rain",
        "Saltwater Choir",
    ]
    countries = [
        "Ireland",
        "France",
        "Denmark",
        "Japan",
        "Brazil",
        "Nigeria",
        "Canada",
        "Germany",
        "Spain",
        "South Korea",
    ]
    dir_first = [
        "Aoife",
        "Claire",
        "Mads",
        "Hiro",
        "Ana",
        "Chidi",
        "Leah",
        "Tobias",
        "Inés",
        "Min-jun",
        "Pierre",
        "Sanna",
        "Kaito",
        "Bruno",
        "Ngozi",
    ]
    dir_last = [
        "Keane",
        "Moreau",
        "Holm",
        "Sato",
        "Ferreira",
        "Eze",
        "Tremblay",
        "Krüger",
        "Ortega",
        "Park",
        "Lefèvre",
        "Nyberg",
        "Mori",
        "Costa",
        "Adeyemi",
    ]
    venues = {
        "Grand Hall": (600, 13.5),
        "Riverside Cinema": (250, 11.0),
        "Studio 2": (120, 11.0),
        "Open Air": (400, 9.5),
    }
    vnames = list(venues)
    fdays = [date(2024, 10, 3) + timedelta(days=k) for k in range(11)]
    times = ["11:00", "13:30", "16:00", "18:30", "21:00"]
    notes_pool = [
        "Director attending",
        "35mm print",
        "English subtitles",
        "Sign-language interpreted",
        "Intro by the director",
        "Cast members attending",
        "Moved from Studio 2 due to demand",
        "Family-friendly",
    ]
    films = []
    for t in titles:
        films.append(
            {
                "Film": t,
                "Director": f"{rng.choice(dir_first)} {rng.choice(dir_last)}",
                "Country": rng.choice(countries),
                "Runtime (min)": rng.randint(78, 158),
                "Premiere": rng.choices(
                    ["World", "International", "National", None], [15, 20, 25, 40]
                )[0],
            }
        )
    rows = []
    for f in films:
        n = rng.choice([2, 2, 3])
        slots = rng.sample([(d, t) for d in fdays for t in times], n)
        slots.sort()
        for k, (d, t) in enumerate(slots):
            v = rng.choices(vnames, [20, 30, 35, 15])[0]
            cap, vprice = venues[v]
            sold = min(cap, int(cap * rng.uniform(0.2, 1.2)))
            price = 9.5 if t in ("11:00", "13:30") else vprice
            note = None if rng.random() < 0.6 else rng.choice(notes_pool)
            if sold == cap and rng.random() < 0.5:
                note = "Sold out - waitlist opened"
            rows.append(
                {
                    "Film": f["Film"],
                    "Director": f["Director"],
                    "Country": f["Country"],
                    "Venue": v,
                    "Date": dtm(d),
                    "Start Time": t,
                    "Runtime (min)": f["Runtime (min)"],
                    "Capacity": cap,
                    "Tickets Sold": sold,
                    "Ticket Price (€)": price,
                    "Sold Out": "Yes" if sold == cap else "No",
                    "Q&A": "Yes" if rng.random() < 0.3 else "No",
                    "Premiere": f["Premiere"] if k == 0 else None,
                    "Notes": note,
                }
            )
    rows.sort(key=lambda r: (r["Date"], r["Start Time"], r["Venue"]))
    for i, r in enumerate(rows):
        r["Screening ID"] = f"S-{i + 1:03d}"
    total_cap = sum(r["Capacity"] for r in rows)
    total_sold = sum(r["Tickets Sold"] for r in rows)
    textify(rng, rows, "Tickets Sold", 3)
    header = [
        "Screening ID",
        "Film",
        "Director",
        "Country",
        "Venue",
        "Date",
        "Start Time",
        "Runtime (min)",
        "Capacity",
        "Tickets Sold",
        "Ticket Price (€)",
        "Sold Out",
        "Q&A",
        "Premiere",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Northlight Film Festival 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Screenings & box office (3-13 October)"
    r = write_table(
        ws,
        header,
        rows,
        3,
        1,
        formats={"Date": "ddd d mmm", "Ticket Price (€)": "0.00"},
        widths={"Film": 24, "Director": 16, "Venue": 16, "Notes": 30},
    )
    ws.cell(r, 1, "Total").font = BOLD
    ws.cell(r, 9, total_cap)
    ws.cell(r, 10, total_sold)
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Screening ID",
        numeric=["Runtime (min)", "Capacity", "Tickets Sold", "Ticket Price (€)"],
        dates=["Date"],
        yesno=["Sold Out", "Q&A"],
    )
    T, CAP, PR, DT = df["Tickets Sold"], df["Capacity"], df["Ticket Price (€)"], df["Date"]
    film_rt = df.groupby("Film")["Runtime (min)"].first()
    c = Cases(fname, sheet)
    c.add(
        "row_noun", "how many screenings are at the Open Air venue", (df.Venue == "Open Air").sum()
    )
    c.add(
        "row_noun",
        "list the films from Denmark",
        ulist(df.loc[df.Country == "Denmark", "Film"]),
        unordered=True,
    )
    c.add("status", "how many screenings have a Q&A", (df["Q&A"] == "Yes").sum())
    c.add(
        "status",
        "screenings without a q&a in Studio 2",
        ((df["Q&A"] == "No") & (df.Venue == "Studio 2")).sum(),
    )
    c.add("status", "How many world premieres are there?", (df.Premiere == "World").sum())
    c.add("status", "how many screeings sold out", (df["Sold Out"] == "Yes").sum())
    c.add("dates", "how many screenings on 5 Oct", (ts("2024-10-05") == DT).sum())
    c.add("dates", "tickets sold after October 10", T[ts("2024-10-10") < DT].sum())
    c.add(
        "dates",
        "screenings between the 7th and 9th of October",
        ((ts("2024-10-07") <= DT) & (ts("2024-10-09") >= DT)).sum(),
    )
    c.add("quantities", "how many films run longer than two hours?", gt(film_rt, 120).sum())
    c.add("quantities", "screenings with fewer than 50 tickets sold", lt(T, 50).sum())
    c.add("quantities", "how many screenings had a ticket price under €12", lt(PR, 12).sum())
    c.add(
        "superlative",
        "which film sold the most tickets overall",
        argmax(df.groupby("Film")["Tickets Sold"].sum()),
    )
    c.add(
        "superlative",
        "which screening had the lowest occupancy? give me the screening ID",
        df.loc[argmin(T / CAP), "Screening ID"],
    )
    c.add(
        "superlative",
        "top 3 venues by tickets sold",
        topn(df.groupby("Venue")["Tickets Sold"].sum(), 3),
    )
    c.add("superlative", "what's the longest film", argmax(film_rt))
    c.add(
        "two_keys",
        "tickets sold by venue and day",
        nested(df.groupby([df.Venue, DT.dt.strftime("%Y-%m-%d")])["Tickets Sold"].sum()),
    )
    c.add(
        "x_by_y",
        "average tickets sold by country",
        bydict(df.groupby("Country")["Tickets Sold"].mean()),
    )
    c.add(
        "text_match",
        "how many screenings have notes mentioning the director",
        has(df.Notes, "director").sum(),
    )
    c.add(
        "text_match",
        "which films have 'moon' in the title",
        ulist(df.loc[has(df.Film, "moon"), "Film"]),
        unordered=True,
    )
    c.add("derived", "total box office takings", (T * PR).sum())
    row = df[df["Screening ID"] == "S-045"].iloc[0]
    c.add(
        "derived",
        "what was the occupancy for screening S-045?",
        row["Tickets Sold"] / row["Capacity"],
    )
    c.add(
        "derived",
        "how many empty seats were there across all Grand Hall screenings",
        (CAP - T)[df.Venue == "Grand Hall"].sum(),
    )
    c.add("plain", "average tickets sold per screening", T.mean())
    c.add("plain", "can you show me total tickets sold at the festival", T.sum())
    c.clarify("plain", "total for Studio 2")
    c.clarify("plain", "what's the average for Japanese films?")
    c.refuse("superlative", "which film won the audience award")
    c.refuse("plain", "how much did we pay in film licence fees")
    return c.items


# ----------------------------------------------------------------------------
# 5. landscaping quotes and jobs
# ----------------------------------------------------------------------------
def book_landscaping(seed):
    rng = random.Random(seed)
    fname, sheet = "landscaping_quotes_jobs.xlsx", "Quotes & Jobs"
    clients = [
        *people(rng, 50),
        "Northcote Primary School",
        "Bellview Body Corporate",
        "Thornbury Bowls Club",
        "Carlton Medical Centre",
        "Coburg Uniting Church",
        "Preston Motors",
        "Ivy Lane Cafe",
        "Richmond Rowing Club",
        "Fitzroy Pool Trust",
        "Brunswick Storage",
    ]
    cl, cw = weighted_pool(rng, clients, 0.5)
    suburbs = [
        "Brunswick",
        "Fitzroy",
        "Northcote",
        "Carlton",
        "Coburg",
        "Richmond",
        "Preston",
        "Thornbury",
    ]
    client_suburb = {c_: rng.choice(suburbs) for c_ in clients}
    services = [
        "Lawn care",
        "Hedge trimming",
        "Paving",
        "Garden design",
        "Tree removal",
        "Irrigation",
    ]
    leads = ["Sam Whitfield", "Priya Nair", "Tom O'Brien", "Mele Tupou", "Jack Chen"]
    notes_pool = [
        "Client wants native plants",
        "Access via back lane",
        "Quote revised after site visit",
        "Dog on property - keep gate shut",
        "Council permit needed for removal",
        "Repeat client, 10% off applied",
        "Steep block, extra labour",
        "Wants work done before Christmas",
    ]
    days = workdays(date(2023, 7, 3), date(2024, 6, 28))
    rows = []
    for _ in range(130):
        s = rng.choices(services, [22, 18, 15, 14, 13, 18])[0]
        if s == "Lawn care":
            area = rng.randint(60, 600)
            hours = round(area / 45 + 1, 1)
            amt = 48 * hours + 0.6 * area
        elif s == "Hedge trimming":
            area = rng.randint(15, 140)
            hours = round(area / 12 + 1, 1)
            amt = 55 * hours
        elif s == "Paving":
            area = rng.randint(8, 90)
            hours = round(area * 0.9 + 4, 1)
            amt = 135 * area + 400
        elif s == "Garden design":
            area = rng.randint(25, 320)
            hours = round(area * 0.25 + 8, 1)
            amt = 48 * area + 900
        elif s == "Tree removal":
            area = rng.randint(6, 45)
            hours = round(rng.uniform(4, 20), 1)
            amt = 95 * hours + 350
        else:
            area = rng.randint(40, 420)
            hours = round(area / 18 + 3, 1)
            amt = 19 * area + 650
        amt = round(amt * rng.uniform(0.9, 1.12))
        qd = rng.choice(days)
        accepted = rng.random() < 0.6
        client = rng.choices(cl, cw)[0]
        row = {
            "Client": client,
            "Suburb": client_suburb[client],
            "Service": s,
            "Quote Date": dtm(qd),
            "Quoted Amount ($)": amt,
            "Area (m²)": area,
            "Est. Hours": hours,
            "Accepted": "Yes" if accepted else "No",
        }
        if accepted:
            sd = qd + timedelta(days=rng.randint(7, 45))
            if sd > date(2024, 6, 28):
                js = "Scheduled"
            else:
                js = rng.choices(
                    ["Completed", "In progress", "On hold", "Scheduled"], [70, 14, 10, 6]
                )[0]
            row.update({"Job Status": js, "Start Date": dtm(sd), "Crew Lead": rng.choice(leads)})
            note = None if rng.random() < 0.55 else rng.choice(notes_pool)
        else:
            note = (
                None
                if rng.random() < 0.5
                else rng.choice([*notes_pool, "Price too high, went with another company"])
            )
        row["Notes"] = note
        rows.append(row)
    rows.sort(key=lambda r: r["Quote Date"])
    for i, r in enumerate(rows):
        r["Quote #"] = f"Q-{1001 + i}"
    textify(rng, rows, "Area (m²)", 3)
    header = [
        "Quote #",
        "Client",
        "Suburb",
        "Service",
        "Quote Date",
        "Quoted Amount ($)",
        "Area (m²)",
        "Est. Hours",
        "Accepted",
        "Job Status",
        "Start Date",
        "Crew Lead",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "GreenEdge Landscaping"
    ws["A1"].font = TITLE
    ws["A2"] = "Quotes and jobs register FY2023-24"
    write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={64},
        formats={
            "Quote Date": "dd/mm/yyyy",
            "Start Date": "dd/mm/yyyy",
            "Quoted Amount ($)": "$#,##0",
        },
        widths={"Client": 24, "Service": 15, "Notes": 34, "Crew Lead": 14},
    )
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Quote #",
        numeric=["Quoted Amount ($)", "Area (m²)", "Est. Hours"],
        dates=["Quote Date", "Start Date"],
        yesno=["Accepted"],
    )
    A, AR, QD, SD = df["Quoted Amount ($)"], df["Area (m²)"], df["Quote Date"], df["Start Date"]
    acc = df.Accepted == "Yes"
    c = Cases(fname, sheet)
    c.add(
        "row_noun",
        "how many quotes did we send to clients in Brunswick",
        (df.Suburb == "Brunswick").sum(),
    )
    c.add(
        "row_noun",
        "list the clients in Northcote",
        ulist(df.loc[df.Suburb == "Northcote", "Client"]),
        unordered=True,
    )
    c.add("status", "how many quotes were accepted?", acc.sum())
    c.add("status", "total value of quotes that weren't accepted", A[~acc].sum())
    c.add("status", "jobs on hold", (df["Job Status"] == "On hold").sum())
    c.add(
        "status",
        "how many completed jobs did Sam Whitfield lead",
        ((df["Job Status"] == "Completed") & (df["Crew Lead"] == "Sam Whitfield")).sum(),
    )
    c.add(
        "dates",
        "quotes sent in Q3 2023",
        ((ts("2023-07-01") <= QD) & (ts("2023-09-30") >= QD)).sum(),
    )
    c.add(
        "dates",
        "how many quotes did we send from February to April",
        ((ts("2024-02-01") <= QD) & (ts("2024-04-30") >= QD)).sum(),
    )
    c.add("dates", "jobs starting in May", ((SD.dt.year == 2024) & (SD.dt.month == 5)).sum())
    c.add("dates", "total quoted since 1 March 2024", A[ts("2024-03-01") <= QD].sum())
    c.add("quantities", "quotes over $5k", gt(A, 5000).sum())
    c.add("quantities", "how many quotes were for areas under 50 m2", lt(AR, 50).sum())
    c.add(
        "quantities",
        "accepted quotes between $2,000 and $8,000",
        (between(A, 2000, 8000) & acc).sum(),
    )
    c.add(
        "superlative",
        "which service has the highest total quoted value",
        argmax(df.groupby("Service")["Quoted Amount ($)"].sum()),
    )
    c.add(
        "superlative",
        "which crew lead has completed the most jobs",
        argmax(df[df["Job Status"] == "Completed"]["Crew Lead"].value_counts()),
    )
    c.add(
        "superlative",
        "top 3 accepted quotes by amount - quote numbers please",
        list(df.loc[topn(A[acc], 3), "Quote #"]),
    )
    c.add(
        "two_keys",
        "accepted quotes by suburb and service",
        nested(df[acc].groupby(["Suburb", "Service"]).size()),
    )
    c.add(
        "x_by_y",
        "average quote by service",
        bydict(df.groupby("Service")["Quoted Amount ($)"].mean()),
    )
    c.add(
        "x_by_y",
        "count of jobs per job status",
        bydict(df["Job Status"].value_counts().sort_index()),
    )
    c.add("text_match", "quotes that mention a permit in the notes", has(df.Notes, "permit").sum())
    c.add(
        "text_match",
        "which clients have a dog according to the notes",
        ulist(df.loc[has(df.Notes, "dog"), "Client"]),
        unordered=True,
    )
    row = df[df["Quote #"] == "Q-1037"].iloc[0]
    c.add(
        "derived",
        "what's the price per square metre on quote Q-1037",
        row["Quoted Amount ($)"] / row["Area (m²)"],
    )
    c.add(
        "derived",
        "what's our acceptance rate for tree removal quotes",
        acc[df.Service == "Tree removal"].mean(),
    )
    c.add("plain", "total estimated hours for accepted jobs", df.loc[acc, "Est. Hours"].sum())
    c.clarify("dates", "how many jobs in March?")
    c.clarify("superlative", "what's the biggest job we've got")
    c.refuse("derived", "what was our profit on completed jobs")
    c.refuse("plain", "average customer rating")
    return c.items


# ----------------------------------------------------------------------------
# 6. ski resort lift pass sales
# ----------------------------------------------------------------------------
def book_ski(seed):
    rng = random.Random(seed)
    fname, sheet = "ski_lift_passes.xlsx", "Pass Sales"
    groups = [
        "TSV Ski Club",
        "Hotel Edelweiss guests",
        "Alpine Academy (school)",
        "Schmid family",
        "Bergblick Chalets",
        "Uni Zürich Snow Society",
    ]
    singles = people(rng, 44)
    customers = groups + singles
    cl, cw = weighted_pool(rng, customers, 0.55)
    prices = {
        "Day": [79, 40, 65, 59],
        "Half-day": [55, 28, 45, 41],
        "3-Day": [219, 110, 180, 165],
        "Week": [399, 200, 329, 299],
        "Season": [1090, 545, 890, 799],
    }
    ages = ["Adult", "Child", "Senior", "Student"]
    notes_pool = [
        "Lost card replaced",
        "Group booking, invoice sent",
        "Photo ID checked for student rate",
        "Upgraded from day to 3-day",
        "Wind hold on upper lifts, partial credit given",
        "Paid by card at kiosk",
        "Keycard deposit CHF 5 returned",
        "Lifts closed due to wind - date changed",
    ]
    season = [
        date(2023, 12, 9) + timedelta(days=k)
        for k in range((date(2024, 4, 14) - date(2023, 12, 9)).days + 1)
    ]
    sw = [
        3
        if (d.month == 12 and d.day >= 20) or (d.month == 1 and d.day <= 6) or d.month == 2
        else (2 if d.weekday() >= 5 else 1)
        for d in season
    ]
    rows = []
    for _ in range(170):
        cust = rng.choices(cl, cw)[0]
        grp = cust in groups
        if grp and cust != "Schmid family":
            ptype = rng.choices(["Day", "3-Day", "Week"], [50, 25, 25])[0]
        else:
            ptype = rng.choices(list(prices), [40, 12, 20, 20, 8])[0]
        age = rng.choices(ages, [50, 22, 13, 15])[0]
        qty = (
            rng.randint(8, 25)
            if grp and cust != "Schmid family"
            else rng.choices([1, 2, 3, 4, 5, 6], [35, 30, 12, 13, 6, 4])[0]
        )
        channel = rng.choices(["Online", "Ticket Office", "Hotel Partner"], [45, 35, 20])[0]
        unit = float(prices[ptype][ages.index(age)])
        promo = None
        if channel == "Online" and rng.random() < 0.3:
            unit = round(unit * 0.9, 2)
            promo = "EARLY10"
        elif cust == "TSV Ski Club" and rng.random() < 0.7:
            unit = round(unit * 0.85, 2)
            promo = "CLUB15"
        elif cust == "Schmid family" or (not grp and qty >= 4 and rng.random() < 0.3):
            promo = "FAMILY4"
        activated = rng.random() < (0.82 if channel == "Online" else 0.96)
        note = None if rng.random() < 0.65 else rng.choice(notes_pool)
        ins = "Yes" if rng.random() < 0.35 else "No"
        if rng.random() < 0.06:
            ins = ins.lower()
        rows.append(
            {
                "Sale Date": dtm(rng.choices(season, sw)[0]),
                "Customer": cust,
                "Pass Type": ptype,
                "Age Group": age,
                "Qty": qty,
                "Unit Price (CHF)": unit,
                "Channel": channel,
                "Insurance": ins,
                "Activated": "Yes" if activated else "No",
                "Promo Code": promo,
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: r["Sale Date"])
    for i, r in enumerate(rows):
        r["Sale ID"] = f"LP-{i + 1:04d}"
    total_qty = sum(r["Qty"] for r in rows)
    textify(rng, rows, "Qty", 3)
    header = [
        "Sale ID",
        "Sale Date",
        "Customer",
        "Pass Type",
        "Age Group",
        "Qty",
        "Unit Price (CHF)",
        "Channel",
        "Insurance",
        "Activated",
        "Promo Code",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Alpenblick Bergbahnen AG"
    ws["A1"].font = TITLE
    ws["A2"] = "Lift pass sales - season 2023/24"
    r = write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={99},
        formats={"Sale Date": "dd.mm.yyyy", "Unit Price (CHF)": "#,##0.00"},
        widths={"Customer": 24, "Notes": 36},
    )
    ws.cell(r, 1, "Total").font = BOLD
    ws.cell(r, 6, total_qty)
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Sale ID",
        numeric=["Qty", "Unit Price (CHF)"],
        dates=["Sale Date"],
        yesno=["Insurance", "Activated"],
    )
    Q, U, SD = df["Qty"], df["Unit Price (CHF)"], df["Sale Date"]
    REV = Q * U
    M = SD.dt.strftime("%Y-%m")
    c = Cases(fname, sheet)
    c.add("row_noun", "how many sales to the TSV Ski Club?", (df.Customer == "TSV Ski Club").sum())
    c.add(
        "row_noun",
        "list customers who bought season passes",
        ulist(df.loc[df["Pass Type"] == "Season", "Customer"]),
        unordered=True,
    )
    c.add("status", "how many sales have not been activated yet", (df.Activated == "No").sum())
    c.add(
        "status",
        "activated sales that had insurance added",
        ((df.Insurance == "Yes") & (df.Activated == "Yes")).sum(),
    )
    c.add(
        "status",
        "total number of passes on sales that were never activated",
        Q[df.Activated == "No"].sum(),
    )
    c.add("dates", "number of sales in January", (SD.dt.month == 1).sum())
    c.add(
        "dates",
        "revenue from 20 Dec to 6 Jan",
        REV[(ts("2023-12-20") <= SD) & (ts("2024-01-06") >= SD)].sum(),
    )
    c.add(
        "dates",
        "how many sales during Q1 2024",
        ((ts("2024-01-01") <= SD) & (ts("2024-03-31") >= SD)).sum(),
    )
    c.add("dates", "how many sales on 17 Feb", (ts("2024-02-17") == SD).sum())
    c.add("quantities", "sales with a unit price over CHF 300", gt(U, 300).sum())
    c.add("quantities", "group sales of more than ten passes", gt(Q, 10).sum())
    c.add(
        "quantities",
        "how many orders were worth between CHF 500 and CHF 1,500",
        between(REV, 500, 1500).sum(),
    )
    c.add(
        "superlative",
        "which pass type brought in the most money",
        argmax(REV.groupby(df["Pass Type"]).sum()),
    )
    c.add("superlative", "which channel sold the most passes", argmax(Q.groupby(df.Channel).sum()))
    c.add(
        "superlative", "the 3 biggest customers by spend", topn(REV.groupby(df.Customer).sum(), 3)
    )
    c.add("superlative", "which month had the highest revenue", argmax(REV.groupby(M).sum()))
    c.add(
        "two_keys",
        "passes sold by pass type and age group",
        nested(Q.groupby([df["Pass Type"], df["Age Group"]]).sum()),
    )
    c.add("two_keys", "revenue by channel and month", nested(REV.groupby([df.Channel, M]).sum()))
    c.add("x_by_y", "avg unit price by age group", bydict(U.groupby(df["Age Group"]).mean()))
    c.add("text_match", "sales whose notes mention wind", has(df.Notes, "wind").sum())
    c.add(
        "text_match", "how many sales used a CLUB promo code", has(df["Promo Code"], "club").sum()
    )
    c.add("derived", "total revenue for the season", REV.sum())
    c.add(
        "derived",
        "average order value for hotel partner sales",
        REV[df.Channel == "Hotel Partner"].mean(),
    )
    c.add("plain", "total passes sold", Q.sum())
    c.add(
        "plain",
        "cheapest unit price we charged for a child day pass",
        U[(df["Pass Type"] == "Day") & (df["Age Group"] == "Child")].min(),
    )
    c.clarify("plain", "average price for week passes?")
    c.clarify("superlative", "what was our biggest sale")
    c.refuse("plain", "how many skiers were injured this season")
    c.refuse("plain", "snow depth in February?")
    return c.items


# ----------------------------------------------------------------------------
# 7. citizen-science bird survey
# ----------------------------------------------------------------------------
def book_birds(seed):
    rng = random.Random(seed)
    fname, sheet = "bird_survey_2024.xlsx", "Sightings"
    observers = people(rng, 12)
    obs, ow = weighted_pool(rng, observers, 0.7)
    sites = ["Marsh Lane", "Oak Wood", "Reservoir North", "Heath Common", "River Path"]
    species = {
        "Robin": (1, 6),
        "Blackbird": (1, 8),
        "Blue Tit": (1, 12),
        "Grey Heron": (1, 4),
        "Kingfisher": (1, 2),
        "Buzzard": (1, 3),
        "Wren": (1, 5),
        "Goldfinch": (2, 25),
        "Mallard": (2, 40),
        "Red Kite": (1, 3),
        "Chiffchaff": (1, 6),
        "Swallow": (3, 30),
    }
    spw = [14, 14, 12, 6, 4, 5, 10, 8, 9, 4, 6, 8]
    base_t = {3: 8, 4: 11, 5: 15, 6: 18, 7: 21, 8: 20}
    notes_pool = [
        "Heard only",
        "Juvenile seen",
        "Photo taken",
        "Nest building observed",
        "Pair displaying",
        "Flushed by dog walker",
        "Photo taken - ringed bird",
        "heard only, dense cover",
        "Feeding young",
    ]
    sdays = [
        d
        for d in (date(2024, 3, 1) + timedelta(days=k) for k in range(184))
        if d.weekday() >= 5 or d.weekday() == 2
    ]
    rows = []
    for _ in range(180):
        d = rng.choice(sdays)
        sp = rng.choices(list(species), spw)[0]
        if sp == "Swallow" and d.month == 3:
            sp = "Chiffchaff"
        lo, hi = species[sp]
        temp = round(base_t[d.month] + rng.uniform(-4.5, 4.5), 1)
        rows.append(
            {
                "Survey Date": dtm(d),
                "Observer": rng.choices(obs, ow)[0],
                "Site": rng.choices(sites, [22, 20, 18, 16, 24])[0],
                "Species": sp,
                "Count": rng.randint(lo, hi),
                "Temp °C": None if rng.random() < 0.08 else temp,
                "Wind": rng.choices(["Calm", "Light", "Moderate", "Strong"], [25, 40, 25, 10])[0],
                "Duration (min)": rng.choice([15, 20, 30, 45, 60, 90]),
                "Verified": "Yes" if rng.random() < 0.7 else "No",
                "Breeding Evidence": "Yes" if d.month <= 7 and rng.random() < 0.22 else "No",
                "Notes": None if rng.random() < 0.55 else rng.choice(notes_pool),
            }
        )
    rows.sort(key=lambda r: (r["Survey Date"], r["Site"]))
    for i, r in enumerate(rows):
        r["Record ID"] = f"B-{i + 1:04d}"
    textify(rng, rows, "Count", 4)
    header = [
        "Record ID",
        "Survey Date",
        "Observer",
        "Site",
        "Species",
        "Count",
        "Temp °C",
        "Wind",
        "Duration (min)",
        "Verified",
        "Breeding Evidence",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Westmere Bird Count - volunteer records"
    ws["A1"].font = TITLE
    ws["A2"] = "Season March-August 2024. Counts are individual birds seen or heard."
    write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={44, 45, 118},
        formats={"Survey Date": "d mmm yyyy", "Temp °C": "0.0"},
        widths={"Observer": 18, "Site": 16, "Species": 13, "Notes": 30},
    )
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Record ID",
        numeric=["Count", "Temp °C", "Duration (min)"],
        dates=["Survey Date"],
        yesno=["Verified", "Breeding Evidence"],
    )
    N, TP, SD = df["Count"], df["Temp °C"], df["Survey Date"]
    c = Cases(fname, sheet)
    c.add("row_noun", "how many records are from Oak Wood", (df.Site == "Oak Wood").sum())
    c.add(
        "row_noun",
        "which observers have surveyed Reservoir North?",
        ulist(df.loc[df.Site == "Reservoir North", "Observer"]),
        unordered=True,
    )
    c.add("status", "how many sightings are unverified", (df.Verified == "No").sum())
    c.add(
        "status",
        "verified kingfisher records",
        ((df.Verified == "Yes") & (df.Species == "Kingfisher")).sum(),
    )
    c.add(
        "status",
        "list species with breeding evidence at Heath Common",
        ulist(df.loc[(df["Breeding Evidence"] == "Yes") & (df.Site == "Heath Common"), "Species"]),
        unordered=True,
    )
    c.add("dates", "how many records in May?", (SD.dt.month == 5).sum())
    c.add(
        "dates",
        "total birds counted between 1 and 15 June",
        N[(ts("2024-06-01") <= SD) & (ts("2024-06-15") >= SD)].sum(),
    )
    c.add("dates", "records since July 20", (ts("2024-07-20") <= SD).sum())
    c.add(
        "dates",
        "how many robins were counted from March to May",
        N[(df.Species == "Robin") & SD.dt.month.isin([3, 4, 5])].sum(),
    )
    c.add("quantities", "sightings of more than 20 birds", gt(N, 20).sum())
    c.add("quantities", "how many records were taken below 8 degrees", lt(TP, 8).sum())
    c.add(
        "quantities",
        "surveys that lasted longer than 40 minutes",
        gt(df["Duration (min)"], 40).sum(),
    )
    c.add(
        "superlative",
        "which species had the highest total count",
        argmax(N.groupby(df.Species).sum()),
    )
    c.add(
        "superlative",
        "who is our most active observer (by number of records)?",
        argmax(df.Observer.value_counts()),
    )
    c.add(
        "superlative", "top 3 sites by number of birds counted", topn(N.groupby(df.Site).sum(), 3)
    )
    c.add(
        "superlative",
        "which record was logged in the warmest weather? record ID please",
        df.loc[argmax(TP), "Record ID"],
    )
    c.add(
        "two_keys",
        "birds counted by site and month",
        nested(N.groupby([df.Site, SD.dt.strftime("%Y-%m")]).sum()),
    )
    c.add("x_by_y", "average count per sighting by species", bydict(N.groupby(df.Species).mean()))
    c.add(
        "text_match",
        "how many records say heard only in the notes",
        has(df.Notes, "heard only").sum(),
    )
    c.add(
        "text_match",
        "list the record IDs where a photo was taken",
        ulist(df.loc[has(df.Notes, "photo"), "Record ID"]),
        unordered=True,
    )
    row = df[df["Record ID"] == "B-0077"].iloc[0]
    c.add(
        "derived", "birds per hour for record B-0077", row["Count"] / (row["Duration (min)"] / 60)
    )
    c.add("derived", "average survey temperature in fahrenheit", TP.mean() * 9 / 5 + 32)
    c.add("plain", "average temperature on surveys", TP.mean())
    c.add(
        "plain",
        "Could you tell me how many blackbirds were counted in total?",
        N[df.Species == "Blackbird"].sum(),
    )
    c.add("plain", "biggest count of mallards in one record", N[df.Species == "Mallard"].max())
    c.clarify("plain", "average at Reservoir North")
    c.clarify("superlative", "which is the busiest site")
    c.refuse("plain", "average wingspan of the species seen")
    c.refuse("superlative", "which observer is the oldest?")
    return c.items


# ----------------------------------------------------------------------------
# 8. WIDE: restaurant chain monthly covers per branch (Jan..Dec columns)
# ----------------------------------------------------------------------------
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def book_covers(seed):
    rng = random.Random(seed)
    fname, sheet = "restaurant_covers_2024.xlsx", "Covers 2024"
    branches = {
        "London": ["Soho", "Oxford Street", "Canary Wharf", "Clapham"],
        "Manchester": ["Deansgate", "Northern Quarter", "Didsbury"],
        "Leeds": ["Briggate", "Headingley", "Call Lane"],
        "Birmingham": ["Bullring", "Jewellery Quarter", "Moseley"],
        "Bristol": ["Harbourside", "Clifton", "Park Street"],
        "Glasgow": ["Merchant City", "Buchanan Street", "West End"],
        "Edinburgh": ["Rose Street", "Leith", "Old Town"],
        "York": ["Stonegate", "Micklegate"],
        "Liverpool": ["Bold Street", "Albert Dock", "Lark Lane"],
        "Newcastle": ["Quayside", "Grey Street"],
        "Nottingham": ["Lace Market", "Hockley"],
        "Cardiff": ["Mermaid Quay", "Queen Street"],
        "Brighton": ["Lanes", "Hove"],
        "Sheffield": ["Kelham Island", "Division Street"],
        "Oxford": ["Cowley Road", "Jericho"],
        "Cambridge": ["Mill Road", "Market Square"],
        "Norwich": ["Elm Hill"],
    }
    region = {
        "London": "London",
        "Manchester": "North",
        "Leeds": "North",
        "York": "North",
        "Liverpool": "North",
        "Newcastle": "North",
        "Sheffield": "North",
        "Birmingham": "Midlands",
        "Nottingham": "Midlands",
        "Bristol": "South",
        "Brighton": "South",
        "Oxford": "South",
        "Cambridge": "South",
        "Norwich": "South",
        "Glasgow": "Scotland",
        "Edinburgh": "Scotland",
        "Cardiff": "Wales",
    }
    opened = {"Brighton Hove": 5, "Oxford Jericho": 9, "Norwich Elm Hill": 3}
    season = [0.80, 0.85, 0.95, 1.00, 1.05, 1.10, 1.15, 1.15, 1.00, 1.00, 0.95, 1.25]
    rows = []
    for city, parts in branches.items():
        for p in parts:
            rows.append({"Branch": f"{city} {p}", "City": city, "Region": region[city]})
    mgr_pool = [m for m in people(rng, 40) if m != "Priya Shah"][:35]
    managers = mgr_pool + mgr_pool[:5] + ["Priya Shah", "Priya Shah"]  # 5 (+Priya) run two branches
    assert len(managers) == len(rows)
    rng.shuffle(managers)
    for r, m in zip(rows, managers, strict=False):
        r["Manager"] = m
        seats = rng.randint(42, 165)
        r["Seats"] = seats
        turn = rng.uniform(20, 36)
        start = opened.get(r["Branch"], 1)
        for k, mon in enumerate(MONTHS):
            if k + 1 < start:
                r[mon] = None
            else:
                ramp = 0.7 if k + 1 == start and start > 1 else 1.0
                r[mon] = round(seats * turn * season[k] * ramp * rng.uniform(0.9, 1.1))
    rows.sort(key=lambda r: (r["Region"], r["Branch"]))
    month_tot = {m: sum(r[m] or 0 for r in rows) for m in MONTHS}
    textify(rng, rows, "Mar", 2, fmt=lambda v: f"{int(v):,}")
    textify(rng, rows, "Oct", 2)
    header = ["Branch", "City", "Region", "Manager", "Seats", *MONTHS]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Casa Verde Restaurants"
    ws["A1"].font = TITLE
    ws["A2"] = "Monthly covers by branch - calendar year 2024"
    r = write_table(
        ws,
        header,
        rows,
        4,
        1,
        formats={m: "#,##0" for m in MONTHS},
        widths={"Branch": 28, "Manager": 18},
    )
    ws.cell(r, 1, "Total").font = BOLD
    for k, m in enumerate(MONTHS):
        ws.cell(r, 6 + k, month_tot[m]).number_format = "#,##0"
    path = save_wb(wb, fname)

    df = load_table(path, sheet, "Branch", numeric=["Seats", *MONTHS])
    MM = df[MONTHS]
    YEAR = MM.sum(axis=1)
    mkey = {m: f"2024-{k + 1:02d}" for k, m in enumerate(MONTHS)}
    B = df.set_index("Branch")
    c = Cases(fname, sheet)
    c.add("month_column", "total covers in April", df.Apr.sum())
    c.add(
        "month_column", "which month was busiest across all the branches?", mkey[argmax(MM.sum())]
    )
    c.add(
        "month_column", "which branch had the most covers in July", df.loc[argmax(df.Jul), "Branch"]
    )
    c.add(
        "month_column",
        "how many covers did the Leeds branches do in Q4",
        MM.loc[df.City == "Leeds", ["Oct", "Nov", "Dec"]].sum().sum(),
    )
    c.add(
        "month_column",
        "average monthly covers for Oxford Jericho",
        B.loc["Oxford Jericho", MONTHS].astype(float).mean(),
    )
    c.add(
        "month_column",
        "list branches with more than 4,000 covers in December",
        ulist(df.loc[gt(df.Dec, 4000), "Branch"]),
        unordered=True,
    )
    jan, dec = B.loc["Bristol Harbourside", "Jan"], B.loc["Bristol Harbourside", "Dec"]
    c.add(
        "month_column", "growth from January to December for Bristol Harbourside", (dec - jan) / jan
    )
    c.add("month_column", "covers by city for March", bydict(df.groupby("City")["Mar"].sum()))
    c.add(
        "month_column",
        "total covers in the second half of the year",
        MM[["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]].sum().sum(),
    )
    c.add(
        "month_column",
        "which branch had the lowest total for the year?",
        df.loc[argmin(YEAR), "Branch"],
    )
    c.add("month_column", "please give me the total covers for 2024", YEAR.sum())
    c.add(
        "month_column",
        "first-quarter covers by region",
        bydict(MM[["Jan", "Feb", "Mar"]].sum(axis=1).groupby(df.Region).sum()),
    )
    c.add("month_column", "how many branches did over 5k covers in august", gt(df.Aug, 5000).sum())
    c.add(
        "month_column",
        "quietest month for Manchester Deansgate",
        mkey[argmin(B.loc["Manchester Deansgate", MONTHS].astype(float))],
    )
    c.add(
        "derived",
        "covers per seat over the year at Glasgow Merchant City",
        YEAR[df.Branch == "Glasgow Merchant City"].iloc[0]
        / B.loc["Glasgow Merchant City", "Seats"],
    )
    c.add(
        "derived",
        "which branch had the most covers per seat over the year",
        df.loc[argmax(YEAR / df.Seats), "Branch"],
    )
    c.add(
        "row_noun",
        "list the branches Priya Shah manages",
        ulist(df.loc[df.Manager == "Priya Shah", "Branch"]),
        unordered=True,
    )
    c.add(
        "superlative", "top five branches by annual covers", list(df.loc[topn(YEAR, 5), "Branch"])
    )
    c.add("x_by_y", "annual covers by region", bydict(YEAR.groupby(df.Region).sum()))
    c.add("plain", "average seats per branch", df.Seats.mean())
    c.add("plain", "how many branches have fewer than 60 seats", lt(df.Seats, 60).sum())
    c.add(
        "two_keys",
        "covers by region for June and July",
        nested(
            df.melt(id_vars=["Region"], value_vars=["Jun", "Jul"])
            .assign(variable=lambda x: x.variable.map(mkey))
            .groupby(["Region", "variable"])["value"]
            .sum()
        ),
    )
    c.add(
        "text_match",
        "which branches have 'Street' in their name",
        ulist(df.loc[has(df.Branch, "street"), "Branch"]),
        unordered=True,
    )
    c.add("quantities", "branches with between 80 and 120 seats", between(df.Seats, 80, 120).sum())
    c.clarify("superlative", "which branch grew the most")
    c.clarify("superlative", "what's our biggest branch?")
    c.refuse("month_column", "revenue for London Soho in March")
    c.refuse("month_column", "how many covers did we do in March 2023")
    return c.items


# ----------------------------------------------------------------------------
# 9. WIDE: university headcount per department and level (2016..2024 columns)
# ----------------------------------------------------------------------------
YEARS = list(range(2016, 2025))


def book_faculty(seed):
    rng = random.Random(seed)
    fname, sheet = "faculty_headcount.xlsx", "Headcount"
    faculties = {
        "Arts & Humanities": [
            "History",
            "English Literature",
            "Philosophy",
            "Modern Languages",
            "Game Design",
        ],
        "Business": ["Accounting", "Marketing", "Management", "Economics"],
        "Engineering": [
            "Civil Engineering",
            "Mechanical Engineering",
            "Electrical Engineering",
            "Software Engineering",
        ],
        "Science": ["Physics", "Chemistry", "Biology", "Mathematics", "Data Science"],
        "Health": ["Nursing", "Medicine", "Pharmacy", "Physiotherapy"],
        "Law": ["Law", "Criminology"],
    }
    first_year = {"Game Design": 2020, "Data Science": 2019}
    fac_trend = {
        "Arts & Humanities": -0.02,
        "Business": 0.03,
        "Engineering": 0.035,
        "Science": 0.015,
        "Health": 0.045,
        "Law": 0.01,
    }
    rows = []
    for fac, depts in faculties.items():
        for dep in depts:
            campus = rng.choice(["City", "Riverside"])
            for lvl in ["Undergraduate", "Postgraduate"]:
                if dep == "Nursing":
                    base, g = (640 if lvl == "Undergraduate" else 120), 0.05
                else:
                    base = rng.randint(120, 850) if lvl == "Undergraduate" else rng.randint(25, 260)
                    g = fac_trend[fac] + rng.uniform(-0.04, 0.04)
                fy = first_year.get(dep, 2016)
                row = {"Faculty": fac, "Department": dep, "Level": lvl, "Campus": campus}
                v = base * (0.4 if fy > 2016 else 1.0)
                for y in YEARS:
                    if y < fy:
                        row[y] = None
                        continue
                    if y > fy:
                        v = (
                            v
                            * (1 + g + rng.uniform(-0.03, 0.03))
                            * (1.35 if fy > 2016 and y - fy <= 2 else 1.0)
                        )
                        if y == 2020:
                            v *= rng.uniform(0.93, 1.0)
                    row[y] = round(v)
                rows.append(row)
    header = ["Faculty", "Department", "Level", "Campus", *YEARS]
    textify(rng, rows, 2019, 2)
    textify(rng, rows, 2023, 2)
    wb, ws = new_wb(sheet)
    ws["A1"] = "Registry - student headcount by department (census 1 December)"
    ws["A1"].font = TITLE
    ws["A2"] = "Academic years starting 2016 to 2024"
    r = write_table(
        ws,
        header,
        rows,
        4,
        1,
        blank_after={23},
        formats={y: "#,##0" for y in YEARS},
        widths={"Faculty": 20, "Department": 24, "Level": 15},
    )
    ws.cell(
        r + 1, 1, "Source: Student Records System. Blank = programme not running that year."
    ).font = Font(italic=True)
    path = save_wb(wb, fname)

    ys = [str(y) for y in YEARS]
    df = load_table(path, sheet, "Faculty", numeric=ys)
    Y = df[ys]
    UG, PG = df.Level == "Undergraduate", df.Level == "Postgraduate"
    fac = Y.groupby(df.Faculty).sum()
    dep = Y.groupby(df.Department).sum(min_count=1)
    c = Cases(fname, sheet)
    c.add("wide_years", "total enrolments in 2020", df["2020"].sum())
    c.add("wide_years", "which year had the highest total headcount", int(argmax(Y.sum())))
    e = fac.loc["Engineering"]
    c.add(
        "wide_years", "growth in Engineering from 2016 to 2024", (e["2024"] - e["2016"]) / e["2016"]
    )
    c.add(
        "wide_years",
        "which faculty grew the most in percentage terms between 2020 and 2023",
        argmax((fac["2023"] - fac["2020"]) / fac["2020"]),
    )
    c.add("wide_years", "give me 2024 enrolments by faculty", bydict(fac["2024"]))
    c.add("wide_years", "how many postgrads did we have in 2018", df.loc[PG, "2018"].sum())
    c.add(
        "wide_years",
        "which departments had more than 800 students in 2024",
        ulist(dep.index[gt(dep["2024"], 800)]),
        unordered=True,
    )
    c.add(
        "wide_years",
        "average undergraduate headcount per department in 2022",
        df.loc[UG, "2022"].mean(),
    )
    c.add(
        "wide_years",
        "which department had the fewest undergrads in 2021",
        df.loc[argmin(df.loc[UG, "2021"]), "Department"],
    )
    c.add(
        "two_keys",
        "enrolments by faculty and level for 2024",
        nested(df.groupby(["Faculty", "Level"])["2024"].sum()),
    )
    tot = Y.sum()
    c.add(
        "wide_years",
        "overall change from 2023 to 2024 in %",
        (tot["2024"] - tot["2023"]) / tot["2023"],
    )
    both = df["2016"].notna() & df["2024"].notna()
    c.add(
        "wide_years",
        "how many programmes had fewer students in 2024 than in 2016",
        (both & (df["2024"] < df["2016"])).sum(),
    )
    c.add(
        "wide_years",
        "total students at the Riverside campus in 2023",
        df.loc[df.Campus == "Riverside", "2023"].sum(),
    )
    nur = dep.loc["Nursing"]
    guard(nur, 1000)
    over = [int(y) for y in ys if nur[y] > 1000]
    if not over or nur["2016"] > 1000:
        raise Redraw("nursing never crosses 1000")
    c.add("wide_years", "in which year did Nursing first go over 1,000 students", min(over))
    c.add(
        "row_noun",
        "list the Business departments",
        ulist(df.loc[df.Faculty == "Business", "Department"]),
        unordered=True,
    )
    c.add("superlative", "top 3 departments by 2024 headcount", topn(dep["2024"], 3))
    c.add("superlative", "which faculty was smallest in 2016", argmin(fac["2016"]))
    c.add(
        "x_by_y",
        "postgraduate headcount by campus in 2024",
        bydict(df[PG].groupby("Campus")["2024"].sum()),
    )
    h = df[df.Faculty == "Health"]
    c.add(
        "two_keys",
        "Health faculty enrolments by department and level in 2020",
        nested(h.groupby(["Department", "Level"])["2020"].sum()),
    )
    c.add("plain", "what's the largest single programme headcount in 2024", df["2024"].max())
    c.add(
        "quantities",
        "how many programmes had fewer than 100 students in 2024",
        lt(df["2024"], 100).sum(),
    )
    c.add(
        "text_match",
        "departments with 'engineering' in the name",
        ulist(df.loc[has(df.Department, "engineering"), "Department"]),
        unordered=True,
    )
    c.add(
        "derived",
        "what share of 2024 students were postgraduate",
        df.loc[PG, "2024"].sum() / df["2024"].sum(),
    )
    b = df[df.Faculty == "Business"]
    c.add(
        "derived",
        "ratio of postgrads to undergrads in Business in 2024",
        b.loc[b.Level == "Postgraduate", "2024"].sum()
        / b.loc[b.Level == "Undergraduate", "2024"].sum(),
    )
    c.clarify("wide_years", "enrolments for Physics")
    c.clarify("row_noun", "how many Law students are there?")
    c.clarify("wide_years", "what was the growth for Medicine")
    c.refuse("wide_years", "enrolments in 2015")
    c.refuse("wide_years", "how many international students are in Medicine")
    return c.items


# ----------------------------------------------------------------------------
# 10. call centre call log
# ----------------------------------------------------------------------------
def book_calls(seed):
    rng = random.Random(seed)
    fname, sheet = "call_centre_log.xlsx", "Call Log"
    teams = {
        "Billing": ["Tom Becker", "Aisha Khan", "Lena Vogel", "Marco Ricci"],
        "Tech Support": ["Dev Sharma", "Sophie Laurent", "Owen Price", "Mia Jensen"],
        "Sales": ["Carlos Ruiz", "Hannah Cole", "Yusuf Demir", "Grace Liu"],
    }
    reasons = {
        "Billing": (["Billing query", "Refund request", "Cancellation"], [55, 25, 20]),
        "Tech Support": (
            ["Password reset", "Outage", "Connection issue", "Billing query"],
            [35, 20, 38, 7],
        ),
        "Sales": (["Upgrade", "New contract", "Cancellation", "Billing query"], [40, 30, 20, 10]),
    }
    cust = people(rng, 110)
    doms = [
        "gmail.com",
        "gmail.com",
        "hotmail.com",
        "yahoo.com",
        "outlook.com",
        "btinternet.com",
        "acme-logistics.co.uk",
        "northwind.com",
    ]
    emails = [f"{n.split()[0].lower()}.{n.split()[1].lower()}@{rng.choice(doms)}" for n in cust]
    em, ew = weighted_pool(rng, emails, 0.4)
    notes_pool = [
        "Customer angry about late refund",
        "Router rebooted, fixed",
        "Asked for a manager",
        "Promised callback tomorrow",
        "Refund approved",
        "Duplicate charge on card",
        "Address updated",
        "Upsold to premium plan",
        "Line noise - engineer booked",
    ]
    days = workdays(date(2024, 4, 1), date(2024, 6, 28))
    rows = []
    for _ in range(200):
        team = rng.choices(list(teams), [35, 40, 25])[0]
        agent = rng.choices(teams[team], [34, 28, 22, 16])[0]
        reason = rng.choices(*reasons[team])[0]
        d = rng.choice(days)
        start = datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59))
        dur = int(min(2400, max(40, rng.lognormvariate(5.9, 0.6))))
        wait = int(min(600, rng.expovariate(1 / 90)))
        resolved = rng.random() < 0.75
        esc = rng.random() < (0.05 if resolved else 0.35)
        if resolved:
            status = "Closed"
        else:
            status = rng.choices(["Open", "Callback scheduled", "Closed"], [40, 45, 15])[0]
        csat = (
            None
            if rng.random() < 0.4
            else (
                rng.choices([1, 2, 3, 4, 5], [3, 5, 15, 40, 37])[0]
                if resolved
                else rng.choices([1, 2, 3, 4, 5], [25, 30, 25, 15, 5])[0]
            )
        )
        rows.append(
            {
                "Call Start": start,
                "Agent": agent,
                "Team": team,
                "Customer Email": rng.choices(em, ew)[0],
                "Reason": reason,
                "Duration (sec)": dur,
                "Wait (sec)": wait,
                "Resolved": "Yes" if resolved else "No",
                "Escalated": "Yes" if esc else "No",
                "CSAT (1-5)": csat,
                "Status": status,
                "Notes": None if rng.random() < 0.5 else rng.choice(notes_pool),
            }
        )
    rows.sort(key=lambda r: r["Call Start"])
    for i, r in enumerate(rows):
        r["Call ID"] = f"C-{i + 1:04d}"
    textify(rng, rows, "Duration (sec)", 3)
    header = [
        "Call ID",
        "Call Start",
        "Agent",
        "Team",
        "Customer Email",
        "Reason",
        "Duration (sec)",
        "Wait (sec)",
        "Resolved",
        "Escalated",
        "CSAT (1-5)",
        "Status",
        "Notes",
    ]
    wb, ws = new_wb(sheet)
    ws["A1"] = "Helpdesk call log - Q2 2024"
    ws["A1"].font = TITLE
    write_table(
        ws,
        header,
        rows,
        2,
        1,
        blank_after={57, 140},
        formats={"Call Start": "dd/mm/yyyy hh:mm"},
        widths={"Call Start": 17, "Agent": 15, "Customer Email": 32, "Reason": 17, "Notes": 32},
    )
    path = save_wb(wb, fname)

    df = load_table(
        path,
        sheet,
        "Call ID",
        numeric=["Duration (sec)", "Wait (sec)", "CSAT (1-5)"],
        dates=["Call Start"],
        yesno=["Resolved", "Escalated"],
    )
    DU, W, CS, ST = df["Duration (sec)"], df["Wait (sec)"], df["CSAT (1-5)"], df["Call Start"]
    DAY = ST.dt.normalize()
    c = Cases(fname, sheet)
    c.add("row_noun", "how many calls did Tom Becker handle", (df.Agent == "Tom Becker").sum())
    c.add(
        "row_noun",
        "list the agents on the Billing team",
        ulist(df.loc[df.Team == "Billing", "Agent"]),
        unordered=True,
    )
    c.add(
        "row_noun",
        "how many calls were about password resets",
        (df.Reason == "Password reset").sum(),
    )
    c.add("status", "how many calls are still open", (df.Status == "Open").sum())
    c.add(
        "status",
        "unresolved calls that got escalated",
        ((df.Resolved == "No") & (df.Escalated == "Yes")).sum(),
    )
    c.add(
        "status",
        "calls the Tech Support team didn't resolve",
        ((df.Resolved == "No") & (df.Team == "Tech Support")).sum(),
    )
    c.add(
        "status",
        "how many callbacks are scheduled for the sales team",
        ((df.Status == "Callback scheduled") & (df.Team == "Sales")).sum(),
    )
    c.add("dates", "calls on 14 May", (ts("2024-05-14") == DAY).sum())
    c.add("dates", "how many calls since May 10", (ts("2024-05-10") <= DAY).sum())
    c.add("dates", "calls during april", (ST.dt.month == 4).sum())
    c.add("dates", "average wait in June in seconds", W[ST.dt.month == 6].mean())
    c.add("quantities", "calls longer than 10 minutes", gt(DU, 600).sum())
    c.add("quantities", "how many waits were under 30 seconds", lt(W, 30).sum())
    c.add("quantities", "calls lasting between 5 and 15 mins", between(DU, 300, 900).sum())
    c.add("superlative", "which agent took the most calls", argmax(df.Agent.value_counts()))
    c.add("superlative", "which team has the best average CSAT", argmax(CS.groupby(df.Team).mean()))
    c.add("superlative", "top 3 call reasons", topn(df.Reason.value_counts(), 3))
    c.add("superlative", "longest call - what's the call ID?", df.loc[argmax(DU), "Call ID"])
    c.add(
        "two_keys",
        "calls by team and month",
        nested(df.groupby([df.Team, ST.dt.strftime("%Y-%m")]).size()),
    )
    c.add("x_by_y", "average call duration by team", bydict(DU.groupby(df.Team).mean()))
    c.add("text_match", "calls mentioning refund in the notes", has(df.Notes, "refund").sum())
    c.add(
        "text_match",
        "how many calls came from hotmail addresses",
        has(df["Customer Email"], "hotmail").sum(),
    )
    c.add("derived", "total talk time in hours", DU.sum() / 3600)
    c.add(
        "derived",
        "what's the resolution rate for the Billing team",
        (df.Resolved == "Yes")[df.Team == "Billing"].mean(),
    )
    c.add("plain", "could you tell me our average CSAT score?", CS.mean())
    c.clarify("plain", "average time for Billing")
    c.clarify("row_noun", "how many billing calls in may")
    c.refuse("superlative", "which agent has the highest salary")
    c.refuse("row_noun", "how many calls came from Germany")
    return c.items


# ----------------------------------------------------------------------------
BOOK_FUNCS = [
    (book_print, 1000),
    (book_language, 2000),
    (book_pharmacy, 3000),
    (book_film, 4000),
    (book_landscaping, 5000),
    (book_ski, 6000),
    (book_birds, 7000),
    (book_covers, 8000),
    (book_faculty, 9000),
    (book_calls, 10000),
]


def main():
    os.makedirs(BOOKS, exist_ok=True)
    allcases = []
    for fn, seed in BOOK_FUNCS:
        allcases.extend(with_redraw(fn, seed))
    cmds = [c["command"].lower() for c in allcases]
    dup = {x for x in cmds if cmds.count(x) > 1}
    assert not dup, dup
    with open(os.path.join(OUTDIR, "cases.jsonl"), "w", encoding="utf-8") as f:
        for i, cse in enumerate(allcases, 1):
            out = {"id": f"{PREFIX}{i:03d}"}
            out.update(cse)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"wrote {len(allcases)} cases")


if __name__ == "__main__":
    main()
