#!/usr/bin/env python
"""Everyday-spreadsheet evaluation set "dev8" for nlsheet.

Written by a helper session that saw neither nlsheet's code, its training data
nor its rules; the commands were imagined the way office users type them.

What this script does (deterministically -- seeded random.Random, fixed dates,
no clock; zip entries and document properties get a fixed timestamp so that
reruns give byte-identical files):

* writes 10 messy-but-realistic workbooks into ./books/ with openpyxl, one
  business domain each (plumbing jobs, library loans, gym members, farm
  harvest per month, conference registrations, recruitment pipeline, warehouse
  returns, solar output per year, dental appointments, wine cellar stock).
  Mess used across the books: title rows above the header, blank rows inside
  the data, "Total" rows under the data, tables starting in column B, numbers
  stored as text in a few cells, blank cells, yes/no columns, status columns,
  free-text notes, real date cells, currency/units in headers, one wide table
  with a column per year (solar, 2018..2024) and one with a column per month
  (farm, Jan..Dec), names repeating across rows, 40-200 rows per table;
* reads every workbook back with its own small loader (skipping title rows,
  blank rows and Total rows, turning text numbers into numbers) and COMPUTES
  every expected answer from those rows with pandas -- nothing typed by hand;
* writes ./cases.jsonl, one JSON object per line:
  {"id", "book", "sheet", "command", "class", "split": "dev8",
   "kind": "value" | "clarify" | "refuse", "expected", ["unordered"]}

Conventions for "expected":
* kind "value": numbers are plain JSON numbers (counts are ints, other numbers
  rounded to 6 decimals); one name is a string; several names are a list
  ("unordered": true when order does not matter, ranked lists keep rank
  order); "X by Y" is {group: number}; two keys are {k1: {k2: number}};
  months are "YYYY-MM", single dates "YYYY-MM-DD", years ints; percentages and
  shares are fractions between 0 and 1.  A bare noun phrase ("unpaid
  appointments") is a count of rows.  "between A and B" is inclusive, "since
  D" includes D, "before"/"after" exclude.  Blank cells are ignored by
  averages.  Superlatives and top-N lists never have ties and no value sits
  exactly on a numeric threshold used in a command -- both are checked in code
  and the book is re-drawn with the next seed otherwise.  Grouped results
  ("X by Y and Z") are only asked where every combination has data, so there
  is no question whether empty combinations should appear as 0.
* kind "clarify": expected null -- the command is genuinely ambiguous for the
  table (e.g. two price columns and "average price").
* kind "refuse": expected null -- no column of the table can answer it.
"""

import datetime as dt
import io
import json
import random
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev8"
FIXED = dt.datetime(2024, 7, 1, 9, 0, 0)
ZIP_TS = (2024, 7, 1, 9, 0, 0)
D = dt.date
TD = dt.timedelta


# --------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------
class Redraw(Exception):
    """Raised when drawn data would make an expected answer ambiguous."""


def need(cond, why="check"):
    if not cond:
        raise Redraw(why)


def r6(x):
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


def J(x):
    """Normalise a computed answer into plain JSON values."""
    if isinstance(x, pd.Series):
        x = x.to_dict()
    if isinstance(x, dict):
        return {str(k): J(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [J(v) for v in x]
    if isinstance(x, (pd.Timestamp, dt.datetime, dt.date)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        need(not np.isnan(x), "nan answer")
        return r6(x)
    if isinstance(x, str):
        return x
    raise TypeError(type(x))


def V(cls, cmd, exp, unordered=False):
    d = {"command": cmd, "class": cls, "kind": "value", "expected": J(exp)}
    if unordered:
        d["unordered"] = True
    return d


def C(cls, cmd):
    return {"command": cmd, "class": cls, "kind": "clarify", "expected": None}


def R(cls, cmd):
    return {"command": cmd, "class": cls, "kind": "refuse", "expected": None}


def _sorted(s, smallest):
    s = pd.Series(s).dropna().astype(float).round(6)
    return s.sort_values(ascending=smallest, kind="mergesort")


def top1(s, smallest=False):
    """Key of the unique largest (smallest) value; redraw on a tie."""
    s = _sorted(s, smallest)
    need(len(s) >= 2 and s.iloc[0] != s.iloc[1], "tie at top")
    return s.index[0]


def topn(s, n, smallest=False):
    """Ranked keys of the n largest values; redraw on any tie near the cut."""
    s = _sorted(s, smallest)
    need(len(s) > n and s.iloc[: n + 1].nunique() == n + 1, "tie in top n")
    keys = list(s.index[:n])
    need(len(set(keys)) == n, "repeated key in top n")
    return keys


def off(values, *thresholds):
    """No value may sit exactly on a threshold used in a command."""
    v = pd.to_numeric(pd.Series(values), errors="coerce").dropna().astype(float).round(6)
    for t in thresholds:
        need(not (v == round(float(t), 6)).any(), f"value on threshold {t}")


def by(df, key, val=None, agg="count"):
    if agg == "count":
        g = df.groupby(key).size()
    else:
        g = df.groupby(key)[val].agg(agg)
    return {str(k): v for k, v in g.items()}


def nested(df, k1, k2, val=None, agg="count"):
    """{k1: {k2: agg}}, requiring every k1 x k2 combination to hold data."""
    base = df if val is None else df.dropna(subset=[val])
    n1, n2 = base[k1].nunique(), base[k2].nunique()
    sizes = base.groupby([k1, k2]).size()
    need(len(sizes) == n1 * n2, "empty combination in two-key grouping")
    g = sizes if agg == "count" else base.groupby([k1, k2])[val].agg(agg)
    out = {}
    for (a, b), v in g.items():
        out.setdefault(str(a), {})[str(b)] = v
    return out


def more_than_threshold(counts, lo=2, hi=8, cands=(3, 4, 5, 6, 2, 7, 8, 9, 10)):
    """Pick t so that no group has exactly t and lo..hi groups have more."""
    counts = pd.Series(counts)
    for t in cands:
        if not (counts == t).any() and lo <= int((counts > t).sum()) <= hi:
            return t
    raise Redraw("no clean count threshold")


def pick_day(dates, month, prefer):
    """A day of the given month with at least two rows, near `prefer`."""
    d = pd.Series(dates).dropna()
    d = d[d.dt.month == month].dt.normalize()
    vc = d.value_counts()
    for day in sorted(vc.index, key=lambda x: (abs(x.day - prefer), x.day)):
        if vc[day] >= 2:
            return day, int(vc[day])
    raise Redraw("no busy day")


def day_text(ts):
    return f"{ts.day} {ts.strftime('%b')}"


def ym(series):
    return series.dt.strftime("%Y-%m")


def contains(series, word):
    return series.fillna("").astype(str).str.contains(word, case=False, regex=False)


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


FIRST = [
    "Aoife",
    "Ben",
    "Chloe",
    "Daniel",
    "Emma",
    "Farah",
    "George",
    "Hannah",
    "Isaac",
    "Jade",
    "Karim",
    "Laura",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Paula",
    "Rory",
    "Sofia",
    "Tariq",
    "Una",
    "Victor",
    "Wendy",
    "Yusuf",
    "Zoe",
    "Aaron",
    "Bethany",
    "Ciaran",
    "Deepa",
    "Ethan",
    "Fiona",
    "Gareth",
    "Holly",
    "Imran",
    "Jasmine",
    "Kevin",
    "Leah",
    "Marek",
    "Nadia",
    "Owen",
    "Priyanka",
    "Quentin",
    "Rachel",
    "Sean",
    "Tomás",
    "Ursula",
    "Vikram",
    "Will",
    "Xenia",
    "Yasmin",
    "Zach",
    "Alice",
    "Brendan",
    "Carmen",
    "Dmitri",
    "Elena",
    "Felix",
    "Grace",
    "Hugo",
    "Ines",
    "James",
]
LAST = [
    "Byrne",
    "Patel",
    "Smith",
    "O'Connor",
    "Nowak",
    "Khan",
    "Murphy",
    "Jones",
    "Walsh",
    "Ahmed",
    "Brennan",
    "Clarke",
    "Doyle",
    "Evans",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ivanova",
    "Kelly",
    "Lewis",
    "Martin",
    "Novak",
    "Ó Briain",
    "Price",
    "Quinn",
    "Rossi",
    "Singh",
    "Taylor",
    "Usman",
    "Varga",
    "Wilson",
    "Young",
    "Zielinski",
    "Baker",
    "Campbell",
    "Dunne",
    "Fraser",
    "Gallagher",
    "Hart",
    "Jansen",
    "Larsen",
    "Moreau",
    "Nolan",
    "Okafor",
    "Reid",
    "Sato",
    "Thompson",
]


def people(rng, n):
    pool = [f"{f} {l}" for f in FIRST for l in LAST]
    return rng.sample(pool, n)


# --------------------------------------------------------------------------
# writing / reading workbooks
# --------------------------------------------------------------------------
def new_wb(sheet):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    return wb, ws


def put_table(ws, top, left, header, rows, fmts=None, widths=None):
    """Write header + rows (None = blank row). Returns the next free row."""
    fmts = fmts or {}
    for j, h in enumerate(header):
        ws.cell(top, left + j, h).font = Font(bold=True)
    r = top + 1
    for row in rows:
        if row is not None:
            for j, v in enumerate(row):
                if v is None or v == "":
                    continue
                c = ws.cell(r, left + j, v)
                if isinstance(v, (dt.date, dt.datetime)):
                    c.number_format = "DD/MM/YYYY"
                elif isinstance(v, (int, float)) and header[j] in fmts:
                    c.number_format = fmts[header[j]]
        r += 1
    for j, h in enumerate(header):
        col = openpyxl.utils.get_column_letter(left + j)
        ws.column_dimensions[col].width = (widths or {}).get(h, max(10, len(str(h)) + 2))
    return r


def sprinkle_blank_rows(rows, rng, k):
    rows = list(rows)
    for pos in sorted(rng.sample(range(5, len(rows) - 5), k), reverse=True):
        rows.insert(pos, None)
    return rows


def save_det(wb):
    """Save to bytes with fixed document properties and zip timestamps."""
    wb.properties.creator = "dev8 build.py"
    wb.properties.lastModifiedBy = "dev8 build.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2024-07-01T09:00:00Z\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()


def _blank(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def grab_table(data, sheet, first_header):
    """Find the header row by its first header text; keep data rows only."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    grid = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip() == first_header:
                hdr, k = [], j
                while k < len(row) and not _blank(row[k]):
                    hdr.append(str(row[k]).strip())
                    k += 1
                recs = []
                for r in grid[i + 1 :]:
                    cells = (r + [None] * (j + len(hdr)))[j : j + len(hdr)]
                    if all(_blank(c) for c in cells):
                        continue
                    if isinstance(cells[0], str) and cells[0].strip().lower().startswith("total"):
                        continue
                    recs.append(cells)
                return pd.DataFrame(recs, columns=hdr)
    raise ValueError(f"header {first_header!r} not found in {sheet}")


def to_num(v):
    if v is None:
        return np.nan
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace(",", "").replace("£", "").replace("€", "")
    return float(s) if s else np.nan


def tidy(df, nums=(), dates=()):
    for c in df.columns:
        if c in nums:
            df[c] = df[c].map(to_num).astype(float)
        elif c in dates:
            df[c] = pd.to_datetime(df[c])
        else:
            df[c] = df[c].map(lambda v: v.strip() if isinstance(v, str) else v)
    return df


# ==========================================================================
# 1. plumbing firm job sheet
# ==========================================================================
ENGINEERS = [
    ("Dave Kerr", 55.0, 26),
    ("Sam Okafor", 50.0, 22),
    ("Priya Nair", 60.0, 20),
    ("Tom Walsh", 45.0, 18),
    ("Lena Fischer", 65.0, 14),
]
JOB_TYPES = [
    ("Boiler Service", 26, 60, (15, 95), (1.0, 2.5)),
    ("Leak Repair", 24, 75, (5, 160), (0.75, 3.5)),
    ("Blocked Drain", 16, 75, (0, 60), (0.5, 2.5)),
    ("Radiator Install", 14, 90, (120, 420), (2.0, 6.0)),
    ("Emergency Call-out", 12, 120, (10, 300), (1.0, 4.5)),
    ("Bathroom Fit", 8, 90, (400, 2200), (12.0, 32.0)),
]
PLUMB_NOTES = [
    "Boiler pressure keeps dropping",
    "Customer asked for a quote for a new bathroom",
    "Requested refund of call-out fee",
    "Leak under kitchen sink",
    "Repeat visit, same leak as before",
    "Pay by card on completion",
    "Dog in the house, ring first",
    "Warranty job - no call-out charged",
    "Parking tricky, use back lane",
    "Customer wants refund, unhappy with finish",
    "Radiator cold at the top",
    "Elderly customer, call 30 min before",
    "Invoice to landlord not tenant",
]
PLUMB_CANCEL = [
    "No access - nobody home",
    "Customer cancelled by phone",
    "no access, left a card",
    "Cancelled - went with another firm",
]


def load_plumbing(data):
    df = grab_table(data, "Job Sheet", "Job No")
    return tidy(
        df, nums=("Call-out Fee (£)", "Parts Cost (£)", "Hours", "Rate (£/hr)"), dates=("Date",)
    )


def book_plumbing(seed):
    rng = random.Random(seed)
    customers = people(rng, 52)
    n = 128
    days = sorted(rng.randint(0, 178) for _ in range(n))
    rows = []
    for i, d in enumerate(days):
        date = D(2024, 1, 2) + TD(d)
        eng, rate, _ = rng.choices(ENGINEERS, [e[2] for e in ENGINEERS])[0]
        jt, _, fee, pr, hr = rng.choices(JOB_TYPES, [t[1] for t in JOB_TYPES])[0]
        if date >= D(2024, 6, 1):
            status = "Booked" if rng.random() < 0.8 else "Cancelled"
        else:
            status = "Completed" if rng.random() < 0.87 else "Cancelled"
        parts = hours = None
        if status == "Completed":
            parts = round(rng.uniform(*pr), 2)
            if jt in ("Boiler Service", "Blocked Drain") and rng.random() < 0.15:
                parts = 0.0
            hours = round(rng.uniform(*hr) * 4) / 4
            if hours == 3.5:
                hours = 3.75
        if status == "Cancelled":
            note = rng.choice(PLUMB_CANCEL + [""])
        else:
            note = "" if rng.random() < 0.45 else rng.choice(PLUMB_NOTES)
        if note.startswith("Warranty"):
            fee = 0
        rows.append(
            [
                f"J-{2401 + i}",
                date,
                rng.choice(customers),
                eng,
                jt,
                fee,
                parts,
                hours,
                rate,
                status,
                note,
            ]
        )
    done = [i for i, r in enumerate(rows) if r[9] == "Completed"]
    for i in rng.sample(done, 3):
        rows[i][6] = f"{rows[i][6]:.2f}"
    k = rng.randrange(n)
    rows[k][5] = str(rows[k][5])

    header = [
        "Job No",
        "Date",
        "Customer",
        "Engineer",
        "Job Type",
        "Call-out Fee (£)",
        "Parts Cost (£)",
        "Hours",
        "Rate (£/hr)",
        "Status",
        "Customer Notes",
    ]
    wb, ws = new_wb("Job Sheet")
    ws["A1"] = "Hartley & Sons Plumbing Ltd"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Job sheet - January to June 2024"
    body = list(rows)
    body.insert(60, None)
    nxt = put_table(
        ws,
        4,
        1,
        header,
        body,
        fmts={
            "Call-out Fee (£)": "£#,##0.00",
            "Parts Cost (£)": "£#,##0.00",
            "Rate (£/hr)": "£#,##0.00",
        },
        widths={"Customer Notes": 42, "Customer": 18, "Job Type": 18},
    )
    tot = lambda k: round(sum(to_num(r[k]) for r in rows if r[k] not in (None, "")), 2)
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    ws.cell(nxt, 6, tot(5))
    ws.cell(nxt, 7, tot(6))
    ws.cell(nxt, 8, tot(7))
    data = save_det(wb)

    df = load_plumbing(data)
    eng, st, date = df["Engineer"], df["Status"], df["Date"]
    fee, parts, hours = df["Call-out Fee (£)"], df["Parts Cost (£)"], df["Hours"]
    mon = date.dt.month
    comp = df[st == "Completed"]
    cust_counts = df["Customer"].value_counts()
    t = more_than_threshold(cust_counts, 2, 7)
    off(parts, 250, 100, 300)
    off(hours, 3.5)
    labour = comp["Hours"] * comp["Rate (£/hr)"]
    cases = [
        V("row_noun", "how many jobs has Priya got on the sheet?", (eng == "Priya Nair").sum()),
        V(
            "row_noun",
            f"which customers have had more than {t} jobs with us",
            sorted(cust_counts[cust_counts > t].index),
            unordered=True,
        ),
        V("status", "how many cancelled jobs r there", (st == "Cancelled").sum()),
        V(
            "status",
            "jobs still booked in for Sam?",
            ((st == "Booked") & (eng == "Sam Okafor")).sum(),
        ),
        V(
            "status",
            "how many jobs did Lena complete in March",
            ((st == "Completed") & (eng == "Lena Fischer") & (mon == 3)).sum(),
        ),
        V("dates", "jobs in feb", (mon == 2).sum()),
        V("dates", "how many jobs did we have in Q2", mon.between(4, 6).sum()),
        V("dates", "jobs since 15 May", (date >= "2024-05-15").sum()),
        V(
            "dates",
            "What did we spend on parts from February to April?",
            parts[mon.between(2, 4)].sum(),
        ),
        V("quantities", "jobs where the parts came to over £250", (parts > 250).sum()),
        V(
            "quantities",
            "completed jobs with parts between £100 and £300",
            ((st == "Completed") & parts.between(100, 300)).sum(),
        ),
        V(
            "quantities",
            "how many jobs took longer than three and a half hours",
            (hours > 3.5).sum(),
        ),
        V(
            "superlative",
            "which engineer has the highest total call-out fees?",
            top1(df.groupby("Engineer")["Call-out Fee (£)"].sum()),
        ),
        V(
            "superlative",
            "job number with the most expensive parts bill",
            top1(df.set_index("Job No")["Parts Cost (£)"]),
        ),
        V(
            "superlative",
            "top 3 customers by parts spend",
            topn(df.groupby("Customer")["Parts Cost (£)"].sum(), 3),
        ),
        V("two_keys", "jobs by engineer and status", nested(df, "Engineer", "Status")),
        V(
            "two_keys",
            "parts cost for completed jobs by engineer and month",
            nested(
                comp.assign(Month=ym(comp["Date"])), "Engineer", "Month", "Parts Cost (£)", "sum"
            ),
        ),
        V("x_by_y", "call-out fees by job type", by(df, "Job Type", "Call-out Fee (£)", "sum")),
        V("x_by_y", "avg hours per enginer", by(df, "Engineer", "Hours", "mean")),
        V(
            "text_match",
            "how many jobs have notes mentioning a refund",
            contains(df["Customer Notes"], "refund").sum(),
        ),
        V(
            "text_match",
            "list the job numbers with 'no access' in the notes",
            sorted(df.loc[contains(df["Customer Notes"], "no access"), "Job No"]),
            unordered=True,
        ),
        V(
            "derived",
            "what's the labour on completed jobs worth at each engineer's hourly rate?",
            labour.sum(),
        ),
        V(
            "derived",
            "what did the completed jobs come to altogether - call-out, parts and labour?",
            (comp["Call-out Fee (£)"] + comp["Parts Cost (£)"] + labour).sum(),
        ),
        V("plain", "average call-out fee", fee.mean()),
        C("plain", "what's the total amount for May?"),
        C("superlative", "which was the biggest job?"),
        C("plain", "how much did Dave make in April?"),
        R("plain", "what's the average customer satisfaction score?"),
        R("x_by_y", "how many miles did Tom drive in March?"),
    ]
    return "plumbing_jobs.xlsx", "Job Sheet", data, cases


# ==========================================================================
# 2. public library loans log (table starts in column B)
# ==========================================================================
LIB_TITLES = [
    ("The Night Circus", "Fantasy"),
    ("The Secret Garden", "Children's"),
    ("Midnight in the Garden of Good and Evil", "Crime"),
    ("The Kitchen Garden Cookbook", "Cookery"),
    ("Gone Girl", "Crime"),
    ("The Silent Patient", "Crime"),
    ("Big Little Lies", "Crime"),
    ("In Cold Blood", "Crime"),
    ("The Thursday Murder Club", "Crime"),
    ("A Wizard of Earthsea", "Fantasy"),
    ("The Hobbit", "Fantasy"),
    ("Circe", "Fantasy"),
    ("Piranesi", "Fantasy"),
    ("Pride and Prejudice", "Romance"),
    ("Me Before You", "Romance"),
    ("Normal People", "Romance"),
    ("The Notebook", "Romance"),
    ("Becoming", "Biography"),
    ("Long Walk to Freedom", "Biography"),
    ("Steve Jobs", "Biography"),
    ("I Know Why the Caged Bird Sings", "Biography"),
    ("SPQR", "History"),
    ("The Silk Roads", "History"),
    ("Sapiens", "History"),
    ("The Guns of August", "History"),
    ("Matilda", "Children's"),
    ("The Gruffalo", "Children's"),
    ("Charlotte's Web", "Children's"),
    ("Dune", "Science Fiction"),
    ("The Martian", "Science Fiction"),
    ("Foundation", "Science Fiction"),
    ("Project Hail Mary", "Science Fiction"),
    ("Salt Fat Acid Heat", "Cookery"),
    ("Ottolenghi Simple", "Cookery"),
    ("The Roasting Tin", "Cookery"),
    ("Rebecca", "Romance"),
]
LIB_GENRES = [
    "Biography",
    "Children's",
    "Cookery",
    "Crime",
    "Fantasy",
    "History",
    "Romance",
    "Science Fiction",
]


def load_library(data):
    df = grab_table(data, "Loans Log", "Loan ID")
    return tidy(df, nums=("Fine (€)",), dates=("Loan Date", "Due Date"))


def book_library(seed):
    rng = random.Random(seed)
    members = [m for m in people(rng, 36) if m not in ("Aoife Byrne", "Tomás Ó Briain")][:34]
    members += ["Aoife Byrne", "Tomás Ó Briain"]
    weights = [rng.choice([1, 1, 2, 3, 4]) for _ in members[:-2]] + [3, 3]
    n = 152
    days = sorted(rng.randint(0, 179) for _ in range(n))
    rows = []
    for i, d in enumerate(days):
        loan = D(2024, 1, 2) + TD(d)
        title, genre = rng.choice(LIB_TITLES)
        period = rng.choices([21, 14, 28], [70, 15, 15])[0]
        due = loan + TD(period)
        returned = rng.random() < (0.93 if due < D(2024, 6, 10) else 0.4)
        fine = None
        if returned:
            fine = round(0.15 * rng.randint(1, 18), 2) if rng.random() < 0.27 else 0.0
        rows.append(
            [
                f"L{24001 + i}",
                rng.choices(members, weights)[0],
                title,
                genre,
                loan,
                due,
                "Yes" if returned else "No",
                fine,
            ]
        )
    fined = [i for i, r in enumerate(rows) if r[7]]
    for i in rng.sample(fined, 3):
        rows[i][7] = f"{rows[i][7]:.2f}"

    header = [
        "Loan ID",
        "Member",
        "Title",
        "Genre",
        "Loan Date",
        "Due Date",
        "Returned",
        "Fine (€)",
    ]
    wb, ws = new_wb("Loans Log")
    ws["B1"] = "Riverside Public Library"
    ws["B1"].font = Font(bold=True, size=14)
    ws["B2"] = "Loans log, January - June 2024"
    put_table(
        ws,
        4,
        2,
        header,
        sprinkle_blank_rows(rows, rng, 2),
        fmts={"Fine (€)": "€0.00"},
        widths={"Title": 38, "Member": 18, "Loan Date": 12, "Due Date": 12},
    )
    ws.column_dimensions["A"].width = 3
    data = save_det(wb)

    df = load_library(data)
    mem, ret, genre, fine = df["Member"], df["Returned"], df["Genre"], df["Fine (€)"]
    ld, dd = df["Loan Date"], df["Due Date"]
    need((mem == "Aoife Byrne").sum() >= 2 and (mem == "Tomás Ó Briain").sum() >= 2, "members")
    need((df["Title"] == "The Night Circus").sum() >= 1, "title")
    off(fine, 2, 0.5, 1.25)
    feb_day, feb_n = pick_day(ld, 2, 14)
    period = (dd - ld).dt.days
    cases = [
        V("row_noun", "how many loans did Aoife Byrne make?", (mem == "Aoife Byrne").sum()),
        V(
            "row_noun",
            "which members borrowed The Night Circus",
            sorted(mem[df["Title"] == "The Night Circus"].unique()),
            unordered=True,
        ),
        V(
            "row_noun",
            "how many different members borrowed something in March?",
            mem[ld.dt.month == 3].nunique(),
        ),
        V("status", "books not returned yet", (ret == "No").sum()),
        V(
            "status",
            "how many of Tomás Ó Briain's loans have come back",
            ((mem == "Tomás Ó Briain") & (ret == "Yes")).sum(),
        ),
        V("status", "unreturned crime books?", ((genre == "Crime") & (ret == "No")).sum()),
        V("dates", "loans made in the first quarter", ld.dt.month.between(1, 3).sum()),
        V("dates", f"how many loans went out on {day_text(feb_day)}", feb_n),
        V(
            "dates",
            "books due back between 1 and 15 June",
            dd.between("2024-06-01", "2024-06-15").sum(),
        ),
        V("dates", "loans since April 20th", (ld >= "2024-04-20").sum()),
        V("quantities", "loans with a fine over €2", (fine > 2).sum()),
        V("quantities", "how many fines were between 50c and €1.25", fine.between(0.5, 1.25).sum()),
        V(
            "superlative",
            "which member has racked up the most in fines?",
            top1(df.groupby("Member")["Fine (€)"].sum()),
        ),
        V("superlative", "most borrowed title", top1(df["Title"].value_counts())),
        V("superlative", "top 3 genres by number of loans", topn(genre.value_counts(), 3)),
        V(
            "two_keys",
            "loans by genre and whether they were returned",
            nested(df, "Genre", "Returned"),
        ),
        V("x_by_y", "fines by genre", by(df, "Genre", "Fine (€)", "sum")),
        V("x_by_y", "average fine per genre", by(df, "Genre", "Fine (€)", "mean")),
        V("x_by_y", "loans per genre", by(df, "Genre")),
        V(
            "text_match",
            "loans of books with 'garden' in the title",
            contains(df["Title"], "garden").sum(),
        ),
        V(
            "text_match",
            "how many loans were for titles beginning with 'The'",
            df["Title"].str.startswith("The ").sum(),
        ),
        V(
            "derived",
            "what's the average loan length in days, loan date to due date?",
            period.mean(),
        ),
        V("derived", "how many loans were given the four-week loan period", (period == 28).sum()),
        V("plain", "could you tell me the total of all fines?", fine.sum()),
        V("plain", "what's the average fine?", fine.mean()),
        C("dates", "how many books in April?"),
        C("superlative", "which member is the worst offender?"),
        R("superlative", "which branch issued the most loans?"),
        R("plain", "what's the average age of our borrowers?"),
    ]
    return "library_loans.xlsx", "Loans Log", data, cases


# ==========================================================================
# 3. gym membership list
# ==========================================================================
GYM_PLANS = [
    ("Basic", 24.99, 30),
    ("Standard", 34.99, 30),
    ("Premium", 49.99, 15),
    ("Student", 19.99, 15),
    ("Off-Peak", 21.99, 10),
]
MAIL = [
    ("gmail.com", 40),
    ("hotmail.co.uk", 20),
    ("outlook.com", 20),
    ("yahoo.co.uk", 10),
    ("icloud.com", 10),
]


def load_gym(data):
    df = grab_table(data, "Members", "Member No")
    return tidy(df, nums=("Monthly Fee (£)", "Visits This Year"), dates=("Join Date",))


def book_gym(seed):
    rng = random.Random(seed)
    n = 164
    pool = [f"{f} {l}" for f in FIRST for l in LAST]
    names = [rng.choice(pool) for _ in range(n - 6)]
    names += rng.sample(names, 6)  # a few people share a name
    rng.shuffle(names)
    start = D(2019, 1, 7)
    span = (D(2024, 11, 29) - start).days
    joins = sorted(start + TD(int(span * (rng.random() ** 0.7))) for _ in range(n))
    rows = []
    for i, (name, jd) in enumerate(zip(names, joins)):
        plan, price, _ = rng.choices(GYM_PLANS, [p[2] for p in GYM_PLANS])[0]
        fee = round(price * 0.85, 2) if rng.random() < 0.15 else price
        active = rng.random() < (0.86 if jd >= D(2023, 1, 1) else 0.6)
        if active:
            visits = rng.randint(4, 190 if plan == "Premium" else 160)
        else:
            visits = rng.randint(0, 22)
        if visits in (50, 100, 150):
            visits += 1
        first, last = name.split(" ", 1)
        dom = rng.choices([m[0] for m in MAIL], [m[1] for m in MAIL])[0]
        email = f"{ascii_slug(first)}.{ascii_slug(last)}{rng.randint(1, 99)}@{dom}"
        rows.append([f"M{1001 + i}", name, email, plan, jd, fee, "yes" if active else "no", visits])
    for i in rng.sample(range(n), 4):
        rows[i][7] = None
    for i in rng.sample(range(n), 3):
        rows[i][5] = f"{rows[i][5]:.2f}"

    header = [
        "Member No",
        "Name",
        "Email",
        "Plan",
        "Join Date",
        "Monthly Fee (£)",
        "Active",
        "Visits This Year",
    ]
    wb, ws = new_wb("Members")
    ws["A1"] = "FlexFit Gym - membership list"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Visits counted 1 Jan - 30 Nov 2024"
    put_table(
        ws,
        4,
        1,
        header,
        sprinkle_blank_rows(rows, rng, 2),
        fmts={"Monthly Fee (£)": "£0.00"},
        widths={"Email": 34, "Name": 20, "Join Date": 12},
    )
    data = save_det(wb)

    df = load_gym(data)
    plan, act, fee, vis, jd = (
        df["Plan"],
        df["Active"],
        df["Monthly Fee (£)"],
        df["Visits This Year"],
        df["Join Date"],
    )
    off(fee, 30, 25)
    off(vis, 50, 100, 150)
    oct24 = df[(jd.dt.year == 2024) & (jd.dt.month == 10)]
    need(1 <= len(oct24) <= 8, "october joiners")
    act_df = df[act == "yes"]
    top5 = topn(df.set_index("Name")["Visits This Year"], 5)
    cases = [
        V("row_noun", "how many members are on Premium?", (plan == "Premium").sum()),
        V("status", "how many inactive members", (act == "no").sum()),
        V("status", "active premium members?", ((act == "yes") & (plan == "Premium")).sum()),
        V(
            "status",
            "members who aren't active but still pay more than £30 a month",
            ((act == "no") & (fee > 30)).sum(),
        ),
        V("status", "what share of our members are active?", (act == "yes").mean()),
        V("dates", "how many people joined in 2022", (jd.dt.year == 2022).sum()),
        V(
            "dates",
            "members who joined in the second half of 2023",
            jd.between("2023-07-01", "2023-12-31").sum(),
        ),
        V("dates", "who joined in October 2024?", sorted(oct24["Name"]), unordered=True),
        V("dates", "how many joined before March 2020", (jd < "2020-03-01").sum()),
        V("quantities", "members paying under £25 a month", (fee < 25).sum()),
        V("quantities", "how many members made more than fifty visits", (vis > 50).sum()),
        V("quantities", "members with between 100 and 150 visits", vis.between(100, 150).sum()),
        V(
            "superlative",
            "who visited the most this year",
            top1(df.set_index("Name")["Visits This Year"]),
        ),
        V(
            "superlative",
            "which plan has the most active members",
            top1(act_df["Plan"].value_counts()),
        ),
        V(
            "superlative",
            "who joined the gym first?",
            top1(df.set_index("Name")["Join Date"].map(lambda x: x.toordinal()), True),
        ),
        V("superlative", "top 5 members by visits", top5),
        V("two_keys", "members by plan and active status", nested(df, "Plan", "Active")),
        V(
            "two_keys",
            "average visits by plan, active vs not",
            nested(df, "Plan", "Active", "Visits This Year", "mean"),
        ),
        V("x_by_y", "avg visits by plan", by(df, "Plan", "Visits This Year", "mean")),
        V(
            "x_by_y",
            "monthly fees by plan for active members",
            by(act_df, "Plan", "Monthly Fee (£)", "sum"),
        ),
        V(
            "text_match",
            "how many members use a hotmail address",
            contains(df["Email"], "hotmail").sum(),
        ),
        V(
            "text_match",
            "how many inactive members have gmail emails",
            ((act == "no") & contains(df["Email"], "gmail")).sum(),
        ),
        V(
            "derived",
            "what's the yearly fee income from active members?",
            act_df["Monthly Fee (£)"].sum() * 12,
        ),
        V("plain", "average monthly fee", fee.mean()),
        C("superlative", "who are our best members?"),
        C("dates", "how many members in 2023?"),
        C("plain", "what's the total for Premium?"),
        R("plain", "average member age"),
        R("superlative", "which personal trainer has the most clients?"),
    ]
    return "gym_members.xlsx", "Members", data, cases


# ==========================================================================
# 4. farm harvest per field, one column per month (wide, months)
# ==========================================================================
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CROPS = {  # crop: (number of fields, t/ha, arable?, {month: share})
    "Winter Wheat": (10, 8.5, True, {"Jul": 0.2, "Aug": 0.8}),
    "Spring Barley": (6, 6.0, True, {"Aug": 0.6, "Sep": 0.4}),
    "Oilseed Rape": (4, 3.5, True, {"Jul": 1.0}),
    "Potatoes": (6, 45.0, False, {"Aug": 0.1, "Sep": 0.45, "Oct": 0.45}),
    "Carrots": (4, 60.0, False, {"Jan": 0.15, "Feb": 0.1, "Oct": 0.25, "Nov": 0.3, "Dec": 0.2}),
    "Leeks": (
        4,
        30.0,
        False,
        {"Jan": 0.2, "Feb": 0.2, "Mar": 0.1, "Oct": 0.15, "Nov": 0.15, "Dec": 0.2},
    ),
    "Cabbage": (
        4,
        40.0,
        False,
        {
            "Jan": 0.12,
            "Feb": 0.12,
            "Mar": 0.12,
            "Apr": 0.1,
            "Sep": 0.14,
            "Oct": 0.14,
            "Nov": 0.13,
            "Dec": 0.13,
        },
    ),
    "Strawberries": (3, 25.0, False, {"May": 0.1, "Jun": 0.4, "Jul": 0.35, "Aug": 0.15}),
    "Apples": (3, 30.0, False, {"Aug": 0.2, "Sep": 0.5, "Oct": 0.3}),
    "Asparagus": (3, 4.0, False, {"Apr": 0.4, "May": 0.45, "Jun": 0.15}),
}
FIELD_A = [
    "Long",
    "Top",
    "Bottom",
    "Mill",
    "Church",
    "Hill",
    "Brook",
    "Oak",
    "Well",
    "Barn",
    "Little",
    "Great",
    "Old",
    "North",
    "South",
    "Far",
    "Home",
    "Windmill",
    "Cow",
    "Pond",
    "Ash",
    "Elm",
    "High",
]
FIELD_B = ["Field", "Meadow", "Acre", "Close", "Piece", "Ground", "Leys"]


def load_farm(data):
    df = grab_table(data, "Harvest 2023", "Field")
    return tidy(df, nums=["Area (ha)"] + MONTHS)


def book_farm(seed):
    rng = random.Random(seed)
    crops = [c for c, spec in CROPS.items() for _ in range(spec[0])]
    rng.shuffle(crops)
    names = rng.sample([f"{a} {b}" for a in FIELD_A for b in FIELD_B], len(crops))
    rows = []
    for name, crop in zip(names, crops):
        _, yld, arable, split = CROPS[crop]
        area = round(rng.uniform(8, 42) if arable else rng.uniform(2, 12), 1)
        total = area * yld * rng.uniform(0.8, 1.2)
        vals = [None] * 12
        for m, share in split.items():
            vals[MONTHS.index(m)] = round(total * share * rng.uniform(0.85, 1.15), 1) or None
        rows.append([name, crop, area] + vals)
    for i in rng.sample(range(len(rows)), 2):
        j = next(k for k in range(3, 15) if rows[i][k])
        rows[i][j] = str(rows[i][j])

    header = ["Field", "Crop", "Area (ha)"] + MONTHS
    wb, ws = new_wb("Harvest 2023")
    ws["A1"] = "Meadowbank Farm - harvest by field, 2023"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "All figures in tonnes; blank = nothing harvested that month"
    nxt = put_table(
        ws, 4, 1, header, rows, fmts={m: "0.0" for m in MONTHS}, widths={"Field": 16, "Crop": 15}
    )
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    for k in range(2, 15):
        ws.cell(nxt, k + 1, round(sum(to_num(r[k]) for r in rows if r[k] not in (None, "")), 1))
    data = save_det(wb)

    df = load_farm(data)
    M = df[MONTHS].fillna(0)
    tot = M.sum(axis=1)
    area = df["Area (ha)"]
    fld = df.set_index("Field")
    mtot = M.sum()
    key = lambda m: f"2023-{MONTHS.index(m) + 1:02d}"
    off(mtot, 1000)
    off(area, 10, 20)
    off(tot, 100)
    potato = df[df["Crop"] == "Potatoes"].iloc[0]
    need(potato["Oct"] > 0, "potato oct")
    mill = df.iloc[len(df) // 2]
    by_crop_t = pd.Series(tot.values, index=df["Crop"]).groupby(level=0).sum()
    by_crop_a = df.groupby("Crop")["Area (ha)"].sum()
    wheat = df["Crop"] == "Winter Wheat"
    need(contains(df["Field"], "meadow").sum() >= 2, "meadow fields")
    cases = [
        V("month_column", "total harvest in August", M["Aug"].sum()),
        V("month_column", "which month had the biggest harvest?", key(top1(mtot))),
        V("month_column", "how much did we harvest in Q3", M[["Jul", "Aug", "Sep"]].sum().sum()),
        V("month_column", "harvest from March to May", M[["Mar", "Apr", "May"]].sum().sum()),
        V("month_column", f"what did {potato['Field']} produce in October?", potato["Oct"]),
        V("month_column", "how many fields had no harvest in September", (M["Sep"] == 0).sum()),
        V(
            "month_column",
            "tonnes harvested in the first half of the year",
            M[MONTHS[:6]].sum().sum(),
        ),
        V(
            "month_column",
            "which crop had the biggest harvest in November",
            top1(df.groupby("Crop")["Nov"].sum()),
        ),
        V("month_column", "average harvest per field in October", df["Oct"].mean()),
        V(
            "month_column",
            "which months did the total harvest top a thousand tonnes?",
            [key(m) for m in MONTHS if mtot[m] > 1000],
            unordered=True,
        ),
        V(
            "superlative",
            "which field produced the most over the year",
            top1(pd.Series(tot.values, index=df["Field"])),
        ),
        V(
            "superlative",
            "top 3 fields by total tonnage",
            topn(pd.Series(tot.values, index=df["Field"]), 3),
        ),
        V("superlative", "largest field in hectares", top1(fld["Area (ha)"])),
        V("derived", "which crop gave the best yield per hectare?", top1(by_crop_t / by_crop_a)),
        V(
            "derived",
            f"yield per hectare for {mill['Field']}",
            tot.iloc[len(df) // 2] / mill["Area (ha)"],
        ),
        V(
            "derived",
            "tonnes per hectare across all the winter wheat fields",
            tot[wheat].sum() / area[wheat].sum(),
        ),
        V("x_by_y", "total harvest by crop", by_crop_t.to_dict()),
        V("x_by_y", "hectares by crop", by(df, "Crop", "Area (ha)", "sum")),
        V(
            "row_noun",
            "list the fields growing strawberries",
            sorted(df.loc[df["Crop"] == "Strawberries", "Field"]),
            unordered=True,
        ),
        V("row_noun", "how many fields are in potatoes", (df["Crop"] == "Potatoes").sum()),
        V("quantities", "fields that harvested more than 100 t over the year", (tot > 100).sum()),
        V("quantities", "how many fields are under 10 ha", (area < 10).sum()),
        V(
            "text_match",
            "how many fields have 'Meadow' in the name",
            contains(df["Field"], "meadow").sum(),
        ),
        V("plain", "could you tell me how many hectares we farm in total?", area.sum()),
        V("plain", "what was the total harvest for the year?", tot.sum()),
        C("superlative", "what's our biggest field?"),
        C("superlative", "which crop did best this year?"),
        R("derived", "what price did we get per tonne of wheat?"),
        R("month_column", "how much rain fell in July?"),
    ]
    return "farm_harvest.xlsx", "Harvest 2023", data, cases


# ==========================================================================
# 5. conference registrations
# ==========================================================================
TICKETS = [
    ("Standard", 450, 350, 50),
    ("VIP", 950, 790, 12),
    ("Student", 120, 90, 15),
    ("Workshop Pass", 260, 210, 15),
    ("Speaker", 0, 0, 8),
]
COMPANIES = [
    ("Northwind Analytics", "Ireland", "northwind.ie"),
    ("Bluefin Data", "Ireland", "bluefin.io"),
    ("Kestrel Systems", "UK", "kestrel.co.uk"),
    ("Ashdown Insights", "UK", "ashdown.com"),
    ("Meridian Bank", "UK", "meridianbank.co.uk"),
    ("Halcyon Retail", "UK", "halcyon.co.uk"),
    ("Datenwerk GmbH", "Germany", "datenwerk.de"),
    ("Rheinblick AG", "Germany", "rheinblick.de"),
    ("TU Munich", "Germany", "tum.de"),
    ("Lumière Conseil", "France", "lumiere.fr"),
    ("Société Orbis", "France", "orbis.fr"),
    ("Tulip Cloud BV", "Netherlands", "tulipcloud.nl"),
    ("Delft Metrics", "Netherlands", "delftmetrics.nl"),
    ("Iberia Labs", "Spain", "iberialabs.es"),
    ("Sol Data SL", "Spain", "soldata.es"),
    ("Wisła Software", "Poland", "wisla.pl"),
    ("Krakow Tech Hub", "Poland", "kth.pl"),
    ("Nordlys AB", "Sweden", "nordlys.se"),
    ("Trinity College Dublin", "Ireland", "tcd.ie"),
    ("Fjord Analytics", "Sweden", "fjord.se"),
    ("Greenleaf Energy", "UK", "greenleaf.co.uk"),
    ("Atlas Logistics", "Netherlands", "atlaslog.nl"),
    ("Corvid Security", "Ireland", "corvid.ie"),
    ("Brightwater Health", "UK", "brightwater.nhs.uk"),
]
DIETS = [
    ("", 55),
    ("vegetarian", 14),
    ("vegan", 7),
    ("gluten-free", 7),
    ("halal", 4),
    ("nut allergy", 4),
    ("nut allergy (severe)", 2),
    ("lactose intolerant", 3),
    ("kosher", 2),
    ("vegetarian, no mushrooms", 2),
]


def load_conference(data):
    df = grab_table(data, "Registrations", "Reg No")
    return tidy(df, nums=("Price Paid (€)",), dates=("Registered",))


def book_conference(seed):
    rng = random.Random(seed)
    n = 176
    names = people(rng, n)
    cw = [rng.choice([1, 2, 2, 3, 4, 6]) for _ in COMPANIES]
    days = sorted([0] + [rng.randint(1, 203) for _ in range(n - 1)])
    rows = []
    for i, d in enumerate(days):
        reg = D(2024, 3, 1) + TD(d)
        comp, country, domain = rng.choices(COMPANIES, cw)[0]
        ttype, full, early_p, _ = rng.choices(TICKETS, [t[3] for t in TICKETS])[0]
        if comp in ("TU Munich", "Trinity College Dublin") and rng.random() < 0.7:
            ttype, full, early_p = "Student", 120, 90
        early = reg < D(2024, 6, 1)
        price = early_p if early else full
        if price and rng.random() < 0.15:
            price = round(price * 0.9, 2)
        first, last = names[i].split(" ", 1)
        email = f"{ascii_slug(first)}.{ascii_slug(last)}@{domain}"
        if rng.random() < 0.1:
            email = f"{ascii_slug(first)}{ascii_slug(last)}{rng.randint(1, 90)}@gmail.com"
        diet = rng.choices([x[0] for x in DIETS], [x[1] for x in DIETS])[0]
        rows.append(
            [
                f"DS24-{i + 1:04d}",
                reg,
                names[i],
                comp,
                email,
                ttype,
                price,
                "Y" if early else "N",
                country,
                diet,
            ]
        )
    for i in rng.sample([k for k, r in enumerate(rows) if r[6]], 3):
        rows[i][6] = str(rows[i][6])

    header = [
        "Reg No",
        "Registered",
        "Attendee",
        "Company",
        "Email",
        "Ticket Type",
        "Price Paid (€)",
        "Early Bird",
        "Country",
        "Dietary Notes",
    ]
    wb, ws = new_wb("Registrations")
    ws["A1"] = "DataSummit Europe 2024 - registrations"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Exported from the ticketing system"
    nxt = put_table(
        ws,
        4,
        1,
        header,
        sprinkle_blank_rows(rows, rng, 2),
        fmts={"Price Paid (€)": "€#,##0.00"},
        widths={"Attendee": 20, "Company": 22, "Email": 34, "Dietary Notes": 24},
    )
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    ws.cell(nxt, 7, round(sum(to_num(r[6]) for r in rows), 2))
    data = save_det(wb)

    df = load_conference(data)
    price, eb, ctry, ttype, reg = (
        df["Price Paid (€)"],
        df["Early Bird"],
        df["Country"],
        df["Ticket Type"],
        df["Registered"],
    )
    mon = reg.dt.month
    off(price, 500, 100, 200, 400)
    cc = df["Company"].value_counts()
    t = more_than_threshold(cc, 2, 8)
    need(cc.get("Kestrel Systems", 0) >= 2, "kestrel")
    nuts = df.loc[contains(df["Dietary Notes"], "nut"), "Attendee"]
    need(1 <= len(nuts) <= 12, "nut list")
    cases = [
        V("row_noun", "how many attendees from Germany?", (ctry == "Germany").sum()),
        V(
            "row_noun",
            f"which companies are sending more than {t} people",
            sorted(cc[cc > t].index),
            unordered=True,
        ),
        V("status", "how many early bird registrations", (eb == "Y").sum()),
        V("status", "VIP tickets that weren't early bird", ((ttype == "VIP") & (eb == "N")).sum()),
        V("status", "what percentage of registrations were early bird?", (eb == "Y").mean()),
        V("dates", "registrations in July", (mon == 7).sum()),
        V("dates", "how many signed up during the second quarter", mon.between(4, 6).sum()),
        V("dates", "registrations since 1 Sept", (reg >= "2024-09-01").sum()),
        V(
            "dates",
            "ticket revenue from people who registered May through July",
            price[mon.between(5, 7)].sum(),
        ),
        V("quantities", "tickets that cost more than €500", (price > 500).sum()),
        V("quantities", "how many paid under a hundred euros", (price < 100).sum()),
        V("quantities", "registrations between €200 and €400", price.between(200, 400).sum()),
        V(
            "superlative",
            "which company spent the most on tickets?",
            top1(df.groupby("Company")["Price Paid (€)"].sum()),
        ),
        V("superlative", "top 3 countries by attendees", topn(ctry.value_counts(), 3)),
        V(
            "superlative",
            "which ticket type earned the most",
            top1(df.groupby("Ticket Type")["Price Paid (€)"].sum()),
        ),
        V(
            "superlative",
            "who registered first?",
            top1(df.set_index("Attendee")["Registered"].map(lambda x: x.toordinal()), True),
        ),
        V(
            "two_keys",
            "revenue by ticket type and early bird",
            nested(df, "Ticket Type", "Early Bird", "Price Paid (€)", "sum"),
        ),
        V(
            "two_keys",
            "average price by country and early bird",
            nested(df, "Country", "Early Bird", "Price Paid (€)", "mean"),
        ),
        V("x_by_y", "revenue by country", by(df, "Country", "Price Paid (€)", "sum")),
        V(
            "x_by_y",
            "average price paid by ticket type",
            by(df, "Ticket Type", "Price Paid (€)", "mean"),
        ),
        V(
            "text_match",
            "how many vegetarians are coming?",
            contains(df["Dietary Notes"], "vegetarian").sum(),
        ),
        V("text_match", "anyone with a nut allergy? list them", sorted(nuts), unordered=True),
        V(
            "text_match",
            "how many registrations used a gmail address",
            contains(df["Email"], "@gmail.").sum(),
        ),
        V("plain", "total ticket revenue", price.sum()),
        V("plain", "cheapest VIP ticket sold", price[ttype == "VIP"].min()),
        C("superlative", "which company is the biggest?"),
        C("status", "how many tickets were discounted?"),
        R("plain", "how many attendees actually turned up on the day?"),
        R("superlative", "which session was the most popular?"),
    ]
    return "conference_registrations.xlsx", "Registrations", data, cases


# ==========================================================================
# 6. recruitment pipeline (table starts in column B)
# ==========================================================================
ROLES = [
    ("Data Analyst", 25, (32000, 52000)),
    ("Software Engineer", 30, (45000, 85000)),
    ("Product Manager", 12, (55000, 90000)),
    ("Sales Executive", 20, (28000, 45000)),
    ("Customer Support", 25, (22000, 30000)),
    ("UX Designer", 12, (38000, 65000)),
]
SOURCES = [("LinkedIn", 35), ("Indeed", 20), ("Referral", 15), ("Agency", 15), ("Careers Site", 15)]
RECRUITERS = ["Hannah Cole", "Marcus Reid", "Yuki Tanaka"]
REC_NOTES = [
    "strong Python skills",
    "relocating from Manchester",
    "needs visa sponsorship",
    "counter-offer risk",
    "portfolio link sent",
    "asked about remote working",
    "notice period 3 months",
    "visa sponsorship required from 2025",
    "great culture fit",
    "counter-offer risk - current employer keen to keep",
    "salary negotiable",
    "second interview with CTO",
]


def load_recruit(data):
    df = grab_table(data, "Pipeline", "Candidate")
    return tidy(df, nums=("Salary Expectation (£)",), dates=("Applied Date",))


def book_recruit(seed):
    rng = random.Random(seed)
    n = 150
    names = people(rng, n - 6)
    repeaters = rng.sample(names, 6)
    days = sorted(rng.randint(0, 180) for _ in range(n))
    slots = names + repeaters
    rng.shuffle(slots)
    rows, seen = [], {}
    for i, d in enumerate(days):
        ad = D(2024, 1, 2) + TD(d)
        name = slots[i]
        roles = [r for r in ROLES if r[0] != seen.get(name)]
        role, _, (lo, hi) = rng.choices(roles, [r[1] for r in roles])[0]
        seen[name] = role
        sal = rng.randint(lo // 500, hi // 500) * 500
        if sal in (60000, 35000, 55000, 75000):
            sal += 500
        if ad >= D(2024, 5, 15):
            stage = rng.choices(["Applied", "Interview", "Rejected"], [70, 25, 5])[0]
        else:
            stage = rng.choices(
                ["Applied", "Interview", "Offer", "Hired", "Rejected"], [10, 20, 8, 17, 45]
            )[0]
        src = rng.choices([s[0] for s in SOURCES], [s[1] for s in SOURCES])[0]
        note = "" if rng.random() < 0.5 else rng.choice(REC_NOTES)
        rows.append([name, role, stage, sal, src, ad, rng.choice(RECRUITERS), note])
    for i in rng.sample(range(n), 4):
        rows[i][3] = None
    for i in rng.sample([k for k in range(n) if rows[k][3]], 3):
        rows[i][3] = f"{rows[i][3]:,}"

    header = [
        "Candidate",
        "Role",
        "Stage",
        "Salary Expectation (£)",
        "Source",
        "Applied Date",
        "Recruiter",
        "Notes",
    ]
    wb, ws = new_wb("Pipeline")
    ws["B1"] = "Talent Acquisition - hiring pipeline H1 2024"
    ws["B1"].font = Font(bold=True, size=14)
    put_table(
        ws,
        3,
        2,
        header,
        sprinkle_blank_rows(rows, rng, 2),
        fmts={"Salary Expectation (£)": "£#,##0"},
        widths={"Candidate": 20, "Role": 18, "Notes": 40, "Applied Date": 13},
    )
    ws.column_dimensions["A"].width = 3
    data = save_det(wb)

    df = load_recruit(data)
    role, stage, sal, src, ad = (
        df["Role"],
        df["Stage"],
        df["Salary Expectation (£)"],
        df["Source"],
        df["Applied Date"],
    )
    mon = ad.dt.month
    off(sal, 60000, 35000, 55000, 75000)
    hired = df[stage == "Hired"]
    need(hired["Role"].nunique() == len(ROLES), "every role has a hire")
    multi = df.groupby("Candidate")["Role"].nunique()
    offers = df.loc[stage == "Offer", "Candidate"]
    need(1 <= len(offers) <= 12 and offers.is_unique, "offers")
    counter = df.loc[contains(df["Notes"], "counter-offer"), "Candidate"]
    need(1 <= len(counter) <= 10, "counter-offer list")
    cases = [
        V(
            "row_noun",
            "how many candidates applied for Data Analyst?",
            (role == "Data Analyst").sum(),
        ),
        V("row_noun", "how many people applied for more than one role", (multi > 1).sum()),
        V("status", "how many rejected candidates", (stage == "Rejected").sum()),
        V(
            "status",
            "candidates hired through referrals",
            ((stage == "Hired") & (src == "Referral")).sum(),
        ),
        V("status", "how many candidates were not rejected", (stage != "Rejected").sum()),
        V("status", "who got offers?", sorted(offers), unordered=True),
        V("dates", "applications in March", (mon == 3).sum()),
        V(
            "dates",
            "hires who applied since 1 April",
            ((stage == "Hired") & (ad >= "2024-04-01")).sum(),
        ),
        V(
            "dates",
            "applications between 10 Feb and 10 Mar",
            ad.between("2024-02-10", "2024-03-10").sum(),
        ),
        V("quantities", "candidates expecting more than £60k", (sal > 60000).sum()),
        V("quantities", "how many expect under 35k", (sal < 35000).sum()),
        V(
            "quantities",
            "software engineers wanting between £55,000 and £75,000",
            ((role == "Software Engineer") & sal.between(55000, 75000)).sum(),
        ),
        V(
            "superlative",
            "who has the highest salary expectation",
            top1(df.set_index("Candidate")["Salary Expectation (£)"]),
        ),
        V(
            "superlative",
            "which source brought in the most hires",
            top1(hired["Source"].value_counts()),
        ),
        V("superlative", "which role had the most applicants", top1(role.value_counts())),
        V("two_keys", "candidates by source and recruiter", nested(df, "Source", "Recruiter")),
        V(
            "two_keys",
            "average salary expectation by role and recruiter",
            nested(df, "Role", "Recruiter", "Salary Expectation (£)", "mean"),
        ),
        V(
            "x_by_y",
            "average expected salary per role",
            by(df, "Role", "Salary Expectation (£)", "mean"),
        ),
        V("x_by_y", "hires by role", by(hired, "Role")),
        V("text_match", "candidates whose notes mention visa", contains(df["Notes"], "visa").sum()),
        V("text_match", "anyone flagged as a counter-offer risk?", sorted(counter), unordered=True),
        V(
            "derived",
            "what's our hire rate - hires as a share of all applications?",
            (stage == "Hired").mean(),
        ),
        V(
            "derived",
            "what share of LinkedIn applicants ended up rejected?",
            (stage[src == "LinkedIn"] == "Rejected").mean(),
        ),
        V("plain", "Could you give me the average salary expectation please", sal.mean()),
        V(
            "plain",
            "median salary expectation for product managers",
            sal[role == "Product Manager"].median(),
        ),
        C("status", "how many candidates are in progress?"),
        C("superlative", "which source is best?"),
        R("plain", "average years of experience of our candidates"),
        R("superlative", "which university did most of our hires come from?"),
    ]
    return "recruitment_pipeline.xlsx", "Pipeline", data, cases


# ==========================================================================
# 7. warehouse returns log
# ==========================================================================
PRODUCTS = [
    ("Wireless Earbuds", "Electronics", 39.99),
    ("Phone Case", "Electronics", 12.99),
    ("Smart Watch", "Electronics", 129.00),
    ("Bluetooth Speaker", "Electronics", 59.99),
    ("Running Shoes", "Footwear", 64.50),
    ("Hiking Boots", "Footwear", 95.00),
    ("Slippers", "Footwear", 19.99),
    ("Denim Jacket", "Clothing", 55.00),
    ("Winter Coat", "Clothing", 89.00),
    ("T-Shirt", "Clothing", 14.99),
    ("Jeans", "Clothing", 45.00),
    ("Kettle", "Home", 29.99),
    ("Desk Lamp", "Home", 24.00),
    ("Blender", "Home", 49.99),
    ("Yoga Mat", "Sports", 18.50),
    ("Dumbbell Set", "Sports", 74.99),
    ("Backpack", "Accessories", 34.99),
    ("Sunglasses", "Accessories", 22.00),
]
REASONS_ANY = [
    "Arrived damaged",
    "Box damaged in transit - item ok",
    "Changed my mind",
    "Late delivery - no longer needed",
    "Duplicate order",
    "Not as described",
]
REASONS_WEAR = ["Wrong size", "too small", "Too big, wrong size ordered", "Colour not as shown"]
REASONS_TECH = ["Faulty - won't charge", "item faulty, stopped working", "Faulty on arrival"]


def load_returns(data):
    df = grab_table(data, "Returns", "Return ID")
    return tidy(df, nums=("Qty", "Refund Amount (£)"), dates=("Returned Date",))


def book_returns(seed):
    rng = random.Random(seed)
    cats = sorted({p[1] for p in PRODUCTS})
    month_days = {
        m: (D(2024, m, 1), (D(2024, m + 1, 1) if m < 12 else D(2025, 1, 1)) - TD(1))
        for m in range(1, 7)
    }
    plan = [(c, m) for c in cats for m in range(1, 7)]
    plan += [(None, None)] * 110
    recs = []
    for c, m in plan:
        prods = [p for p in PRODUCTS if c is None or p[1] == c]
        prod, cat, unit = rng.choice(prods)
        if m is None:
            day = D(2024, 1, 2) + TD(rng.randint(0, 178))
        else:
            a, b = month_days[m]
            day = a + TD(rng.randint(0, (b - a).days))
        qty = rng.choices([1, 2, 3], [80, 15, 5])[0]
        pool = (
            REASONS_ANY
            + (REASONS_WEAR if cat in ("Clothing", "Footwear") else [])
            + (REASONS_TECH if cat in ("Electronics", "Home") else [])
        )
        reason = rng.choice(pool)
        refund = round(qty * unit, 2)
        if reason.startswith("Box damaged"):
            refund = round(refund * 0.7, 2)
        bad = (
            "damaged" in reason.lower() and not reason.startswith("Box")
        ) or "faulty" in reason.lower()
        restocked = "No" if bad else ("Yes" if rng.random() < 0.85 else "No")
        recs.append([day, prod, cat, qty, reason, refund, restocked])
    recs.sort(key=lambda r: r[0])
    orders = rng.sample(range(58000, 59999), len(recs))
    rows = [
        [f"R-{i + 1:04d}", f"SO-{orders[i]}", r[0], r[1], r[2], r[3], r[4], r[5], r[6]]
        for i, r in enumerate(recs)
    ]
    for i in rng.sample(range(len(rows)), 5):
        rows[i][7] = None
    for i in rng.sample([k for k in range(len(rows)) if rows[k][7]], 3):
        rows[i][7] = f"{rows[i][7]:.2f}"

    header = [
        "Return ID",
        "Order No.",
        "Returned Date",
        "Product",
        "Category",
        "Qty",
        "Reason",
        "Refund Amount (£)",
        "Restocked",
    ]
    wb, ws = new_wb("Returns")
    ws["A1"] = "Returns log - January to June 2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Warehouse: Northampton DC"
    nxt = put_table(
        ws,
        4,
        1,
        header,
        sprinkle_blank_rows(rows, rng, 3),
        fmts={"Refund Amount (£)": "£#,##0.00"},
        widths={"Reason": 36, "Product": 18, "Returned Date": 13},
    )
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    ws.cell(nxt, 6, sum(r[5] for r in rows))
    ws.cell(nxt, 8, round(sum(to_num(r[7]) for r in rows if r[7] is not None), 2))
    data = save_det(wb)

    df = load_returns(data)
    rd, prod, cat, qty, refund, rs = (
        df["Returned Date"],
        df["Product"],
        df["Category"],
        df["Qty"],
        df["Refund Amount (£)"],
        df["Restocked"],
    )
    mon = rd.dt.month
    off(refund, 100, 20, 50, 15)
    pc = prod.value_counts()
    t = more_than_threshold(pc, 2, 7, cands=(10, 9, 11, 8, 12, 7, 6, 13, 14))
    mar_day, mar_n = pick_day(rd, 3, 5)
    sw = df[prod == "Smart Watch"].dropna(subset=["Refund Amount (£)"])
    need(len(sw) >= 2, "smart watches")
    cases = [
        V("row_noun", "how many returns of Running Shoes?", (prod == "Running Shoes").sum()),
        V(
            "row_noun",
            f"which products were sent back more than {t} times",
            sorted(pc[pc > t].index),
            unordered=True,
        ),
        V("status", "how many returns were put back into stock", (rs == "Yes").sum()),
        V("status", "returns not restocked in March", ((rs == "No") & (mon == 3)).sum()),
        V("status", "refund total for items we didn't restock", refund[rs == "No"].sum()),
        V("dates", "returns in February", (mon == 2).sum()),
        V("dates", "how much did we refund in Q2", refund[mon.between(4, 6)].sum()),
        V("dates", f"returns on {day_text(mar_day)}", mar_n),
        V("dates", "how many returns since May 1st", (rd >= "2024-05-01").sum()),
        V("quantities", "refunds over £100", (refund > 100).sum()),
        V("quantities", "returns with refunds between £20 and £50", refund.between(20, 50).sum()),
        V("quantities", "refunds below fifteen quid", (refund < 15).sum()),
        V(
            "superlative",
            "which product cost us the most in refunds",
            top1(df.groupby("Product")["Refund Amount (£)"].sum()),
        ),
        V(
            "superlative",
            "biggest single refund - which order was it?",
            top1(df.set_index("Order No.")["Refund Amount (£)"]),
        ),
        V(
            "superlative",
            "top 3 categories by refund value",
            topn(df.groupby("Category")["Refund Amount (£)"].sum(), 3),
        ),
        V(
            "two_keys",
            "number of returns by category and month",
            nested(df.assign(Month=ym(rd)), "Category", "Month"),
        ),
        V(
            "two_keys",
            "units returned by category and restock status",
            nested(df, "Category", "Restocked", "Qty", "sum"),
        ),
        V("x_by_y", "refund amount by catagory", by(df, "Category", "Refund Amount (£)", "sum")),
        V("x_by_y", "average refund by category", by(df, "Category", "Refund Amount (£)", "mean")),
        V("text_match", "how many returns mention damage", contains(df["Reason"], "damage").sum()),
        V(
            "text_match",
            "returns with 'wrong size' in the reason",
            contains(df["Reason"], "wrong size").sum(),
        ),
        V(
            "derived",
            "refund per unit for the Smart Watch returns",
            sw["Refund Amount (£)"].sum() / sw["Qty"].sum(),
        ),
        V("plain", "total refunded", refund.sum()),
        V("plain", "total units returned", qty.sum()),
        V("plain", "average refund amount", refund.mean()),
        C("plain", "how many items were returned in May?"),
        C("plain", "what's the total for kettles?"),
        R("superlative", "which courier delivered the most damaged parcels?"),
        R("row_noun", "how many of these customers ordered again afterwards?"),
    ]
    return "returns_log.xlsx", "Returns", data, cases


# ==========================================================================
# 8. solar installer: output per site, one column per year (wide, years)
# ==========================================================================
YEARS = list(range(2018, 2025))
YEAR_WEATHER = {2018: 1.05, 2019: 0.98, 2020: 1.03, 2021: 0.95, 2022: 1.07, 2023: 0.97, 2024: 1.0}
REGIONS = {"North": 850, "Midlands": 900, "Wales": 880, "South West": 1020, "South East": 990}
SITE_A = [
    "Oakfield",
    "Harbour Road",
    "Millbrook",
    "Ashby",
    "Kingsway",
    "Redhill",
    "Westgate",
    "Brookside",
    "Elmwood",
    "Carlton",
    "Fernhill",
    "Greenacre",
    "Highfield",
    "Larkspur",
    "Moorland",
    "Northgate",
    "Parkside",
    "Queensway",
    "Riverside",
    "Stonebridge",
    "Thornbury",
    "Upton",
    "Valley View",
    "Willowdene",
]
SITE_B = [
    "Primary School",
    "Farm",
    "Depot",
    "Leisure Centre",
    "Library",
    "Business Park",
    "Community Hall",
    "Dairy Farm",
    "Warehouse",
    "Surgery",
    "High School",
]


def load_solar(data):
    df = grab_table(data, "Annual Output", "Site")
    df.columns = [str(c) for c in df.columns]
    return tidy(df, nums=["Capacity (kW)", "Installed"] + [str(y) for y in YEARS])


def book_solar(seed):
    rng = random.Random(seed)
    n = 52
    names = rng.sample([f"{a} {b}" for a in SITE_A for b in SITE_B], n)
    regions = list(REGIONS) + [rng.choice(list(REGIONS)) for _ in range(n - len(REGIONS))]
    installs = [2018] * len(REGIONS) + [rng.choice(YEARS[:5]) for _ in range(n - len(REGIONS))]
    order = list(range(n))
    rng.shuffle(order)
    rows = []
    for k in order:
        cap = round(rng.uniform(8, 120), 1)
        if cap in (50.0, 20.0, 40.0):
            cap += 0.3
        noise = rng.uniform(0.92, 1.05)
        vals = []
        for y in YEARS:
            if y < installs[k]:
                vals.append(None)
                continue
            age = y - installs[k]
            part = rng.uniform(0.2, 0.9) if y == installs[k] else 1.0
            out = cap * REGIONS[regions[k]] * YEAR_WEATHER[y] * (0.995**age) * noise * part
            vals.append(int(round(out * rng.uniform(0.97, 1.03))))
        rows.append([names[k], regions[k], cap, installs[k]] + vals)
    for i in rng.sample(range(n), 3):
        j = rng.randrange(8, 11)
        rows[i][j] = f"{rows[i][j]:,}"

    header = ["Site", "Region", "Capacity (kW)", "Installed"] + YEARS
    wb, ws = new_wb("Annual Output")
    ws["A1"] = "SunPeak Installations - annual energy output per site (kWh)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Figures from inverter logs; blank = not yet installed; first year is a part year"
    nxt = put_table(
        ws,
        4,
        1,
        header,
        rows,
        fmts={y: "#,##0" for y in YEARS},
        widths={"Site": 30, "Region": 12, "Capacity (kW)": 14},
    )
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    ws.cell(nxt, 3, round(sum(r[2] for r in rows), 1))
    for j in range(4, 11):
        ws.cell(nxt, j + 1, int(sum(to_num(r[j]) for r in rows if r[j] is not None)))
    data = save_det(wb)

    df = load_solar(data)
    Y = [str(y) for y in YEARS]
    W = df[Y]
    ytot = W.sum()
    site = df.set_index("Site")
    cap = df["Capacity (kW)"]
    reg = df["Region"]
    off(W["2023"], 40000)
    off(cap, 50, 20, 40)
    old = df[df["Installed"] == 2018].iloc[1]
    old2 = df[df["Installed"] <= 2019].iloc[-1]
    need(contains(df["Site"], "school").sum() >= 2, "schools")
    inst21 = df.loc[df["Installed"] == 2021, "Site"]
    need(1 <= len(inst21) <= 12, "2021 installs")
    mid_diff = W.loc[reg == "Midlands", "2024"].sum() - W.loc[reg == "Midlands", "2022"].sum()
    spec24 = site["2024"] / site["Capacity (kW)"]
    long = df.melt(id_vars=["Region"], value_vars=Y, var_name="Year", value_name="kWh")
    cases = [
        V("wide_years", "total ouput in 2022", ytot["2022"]),
        V("wide_years", "which year had the highest total output?", int(top1(ytot))),
        V(
            "wide_years",
            "growth in total output from 2020 to 2023",
            ytot["2023"] / ytot["2020"] - 1,
        ),
        V("wide_years", "which site generated the most in 2024", top1(site["2024"])),
        V("wide_years", "average 2021 output per site", W["2021"].mean()),
        V("wide_years", f"what did {old['Site']} produce in 2019?", old["2019"]),
        V("wide_years", "how many sites were producing in 2018", W["2018"].notna().sum()),
        V("wide_years", "total kWh from 2019 to 2021", ytot[["2019", "2020", "2021"]].sum()),
        V(
            "wide_years",
            f"which was the worst year for {old2['Site']}",
            int(top1(old2[Y].astype(float), True)),
        ),
        V(
            "wide_years",
            "how many sites produced over 40,000 kWh in 2023",
            (W["2023"] > 40000).sum(),
        ),
        V(
            "wide_years",
            f"how much {'more' if mid_diff > 0 else 'less'} did the Midlands generate in 2024 than in 2022",
            abs(mid_diff),
        ),
        V("wide_years", "yoy growth 2023 to 2024", ytot["2024"] / ytot["2023"] - 1),
        V(
            "superlative",
            "top 3 sites by total output across all years",
            topn(site[Y].sum(axis=1), 3),
        ),
        V(
            "superlative",
            "which region produced the most in 2023",
            top1(df.groupby("Region")["2023"].sum()),
        ),
        V("superlative", "biggest system in kW", top1(site["Capacity (kW)"])),
        V("x_by_y", "2024 output by region", by(df, "Region", "2024", "sum")),
        V("two_keys", "output by region and year", nested(long, "Region", "Year", "kWh", "sum")),
        V(
            "derived",
            "kWh per kW by region for 2023",
            (
                df.groupby("Region")["2023"].sum() / df.groupby("Region")["Capacity (kW)"].sum()
            ).to_dict(),
        ),
        V(
            "derived",
            f"specific yield (kWh per kW) of {old['Site']} in 2024",
            old["2024"] / old["Capacity (kW)"],
        ),
        V("derived", "which site had the best output per kW in 2024", top1(spec24)),
        V("row_noun", "list the sites installed in 2021", sorted(inst21), unordered=True),
        V("quantities", "sites bigger than 50 kW", (cap > 50).sum()),
        V("quantities", "how many sites are between 20 and 40 kW", cap.between(20, 40).sum()),
        V("plain", "total installed capacity", cap.sum()),
        V(
            "text_match",
            "how many sites have 'School' in the name",
            contains(df["Site"], "school").sum(),
        ),
        C("superlative", "which is our biggest site?"),
        C("wide_years", "how much did the South West produce?"),
        R("derived", "how much money did the panels save customers in 2023?"),
        R("plain", "how many panels does each site have?"),
    ]
    return "solar_output.xlsx", "Annual Output", data, cases


# ==========================================================================
# 9. dental clinic appointments
# ==========================================================================
DENTISTS = ["Dr. Patel", "Dr. O'Brien", "Dr. Kowalski", "Dr. Nguyen"]
TREATMENTS = [
    ("Check-up", 30, (60, 60)),
    ("Hygiene Clean", 22, (80, 80)),
    ("Filling", 20, (120, 190)),
    ("Extraction", 8, (150, 240)),
    ("Root Canal", 6, (480, 720)),
    ("Crown", 6, (650, 920)),
    ("Whitening", 5, (320, 320)),
    ("Emergency Visit", 3, (95, 95)),
]
DENT_NOTES = [
    "nervous patient",
    "requested morning slots",
    "follow-up in 6 months",
    "sensitive tooth upper left",
    "insurance claim pending",
    "paid by card",
    "pain on chewing",
    "Very nervous - needs extra time",
    "follow up booked for next month",
    "allergic to penicillin",
    "late by 10 min",
]


def load_dental(data):
    df = grab_table(data, "Appointments", "Appt Date")
    return tidy(df, nums=("Fee (€)",), dates=("Appt Date",))


def book_dental(seed):
    rng = random.Random(seed)
    patients = people(rng, 64)
    pw = [rng.choice([1, 1, 2, 3]) for _ in patients]
    workdays = [D(2024, 1, 2) + TD(k) for k in range(179)]
    workdays = [d for d in workdays if d.weekday() < 5]
    n = 172
    slots = sorted((rng.choice(workdays), rng.randint(18, 33)) for _ in range(n))
    rows = []
    for d, half in slots:
        treat, _, (lo, hi) = rng.choices(TREATMENTS, [t[1] for t in TREATMENTS])[0]
        fee = rng.randint(lo // 5, hi // 5) * 5
        if fee in (100, 150, 300, 500):
            fee += 5
        noshow = rng.random() < 0.08
        status = (
            "Unpaid" if noshow else rng.choices(["Paid", "Insurance", "Unpaid"], [65, 22, 13])[0]
        )
        note = "" if rng.random() < 0.55 else rng.choice(DENT_NOTES)
        rows.append(
            [
                d,
                f"{half // 2:02d}:{30 * (half % 2):02d}",
                rng.choices(patients, pw)[0],
                rng.choice(DENTISTS),
                treat,
                fee,
                status,
                "Yes" if noshow else "No",
                note,
            ]
        )
    for i in rng.sample(range(n), 3):
        rows[i][5] = str(rows[i][5])

    header = [
        "Appt Date",
        "Time",
        "Patient",
        "Dentist",
        "Treatment",
        "Fee (€)",
        "Paid Status",
        "No-show",
        "Notes",
    ]
    wb, ws = new_wb("Appointments")
    ws["A1"] = "Brightsmile Dental Clinic - appointments Jan-Jun 2024"
    ws["A1"].font = Font(bold=True, size=14)
    nxt = put_table(
        ws,
        2,
        1,
        header,
        sprinkle_blank_rows(rows, rng, 3),
        fmts={"Fee (€)": "€#,##0"},
        widths={"Patient": 20, "Notes": 34, "Appt Date": 12, "Treatment": 16},
    )
    ws.cell(nxt, 1, "Total").font = Font(bold=True)
    ws.cell(nxt, 6, sum(to_num(r[5]) for r in rows))
    data = save_det(wb)

    df = load_dental(data)
    ad, den, fee, ps, ns, tr = (
        df["Appt Date"],
        df["Dentist"],
        df["Fee (€)"],
        df["Paid Status"],
        df["No-show"],
        df["Treatment"],
    )
    mon = ad.dt.month
    off(fee, 500, 100, 150, 300)
    feb_day, feb_n = pick_day(ad, 2, 14)
    rc = df.loc[tr == "Root Canal", "Patient"]
    need(1 <= rc.nunique() <= 12, "root canal patients")
    ob = df[den == "Dr. O'Brien"]
    need(
        top1(ob.set_index("Treatment")["Fee (€)"])
        == top1(ob[ob["No-show"] == "No"].set_index("Treatment")["Fee (€)"]),
        "o'brien no-show top",
    )
    need(ns.eq("Yes").groupby(den).sum().min() >= 1, "no-shows per dentist")
    cases = [
        V("row_noun", "how many appointments did Dr Nguyen have", (den == "Dr. Nguyen").sum()),
        V(
            "row_noun",
            "list the patients who had a root canal",
            sorted(rc.unique()),
            unordered=True,
        ),
        V("status", "how many unpaid appointments", (ps == "Unpaid").sum()),
        V("status", "how many no-shows have we had", (ns == "Yes").sum()),
        V(
            "status",
            "fees still unpaid for Dr Patel",
            fee[(ps == "Unpaid") & (den == "Dr. Patel")].sum(),
        ),
        V(
            "status",
            "insurance appointments where the patient actually showed up",
            ((ps == "Insurance") & (ns == "No")).sum(),
        ),
        V("dates", "appointments in march", (mon == 3).sum()),
        V("dates", "how much in fees in Q1?", fee[mon.between(1, 3)].sum()),
        V("dates", f"how many appointments on {day_text(feb_day)}", feb_n),
        V("dates", "no-shows since 1 May", ((ns == "Yes") & (ad >= "2024-05-01")).sum()),
        V("quantities", "treatments over €500", (fee > 500).sum()),
        V("quantities", "how many fees between €150 and €300", fee.between(150, 300).sum()),
        V(
            "superlative",
            "which dentist billed the most?",
            top1(df.groupby("Dentist")["Fee (€)"].sum()),
        ),
        V(
            "superlative",
            "which patient has had the most appointments",
            top1(df["Patient"].value_counts()),
        ),
        V(
            "superlative",
            "priciest treatment Dr O'Brien did",
            top1(ob.set_index("Treatment")["Fee (€)"]),
        ),
        V(
            "superlative",
            "top 2 treatments by total fees",
            topn(df.groupby("Treatment")["Fee (€)"].sum(), 2),
        ),
        V(
            "two_keys",
            "appointments by dentist and paid status",
            nested(df, "Dentist", "Paid Status"),
        ),
        V(
            "two_keys",
            "fees by dentist and month",
            nested(df.assign(Month=ym(ad)), "Dentist", "Month", "Fee (€)", "sum"),
        ),
        V("x_by_y", "fees by treatment", by(df, "Treatment", "Fee (€)", "sum")),
        V("x_by_y", "no-shows per dentist", by(df[ns == "Yes"], "Dentist")),
        V(
            "text_match",
            "how many appointments have 'nervous' in the notes",
            contains(df["Notes"], "nervous").sum(),
        ),
        V(
            "text_match",
            "appointments where the notes mention a follow up",
            contains(df["Notes"], "follow").sum(),
        ),
        V("derived", "what's our no-show rate?", (ns == "Yes").mean()),
        V(
            "derived",
            "what share of fees is billed to insurance",
            fee[ps == "Insurance"].sum() / fee.sum(),
        ),
        V("plain", "average fee for a filling", fee[tr == "Filling"].mean()),
        C("dates", "what did we earn in March?"),
        C("row_noun", "how many patients in April?"),
        R("plain", "average waiting time in reception"),
        R("superlative", "which hygienist did the most cleanings?"),
    ]
    return "dental_appointments.xlsx", "Appointments", data, cases


# ==========================================================================
# 10. wine merchant cellar stock (table starts in column B)
# ==========================================================================
WINE_REGIONS = {  # region: [(producer, cuvee, colour)], cost range
    "Bordeaux": (
        [
            ("Château Belleroche", "Grand Vin", "Red"),
            ("Château des Moulins", "Réserve", "Red"),
            ("Château Haut-Brisson", "Blanc", "White"),
            ("Château La Croix Fleurie", "Grand Vin", "Red"),
        ],
        (14, 180),
    ),
    "Burgundy": (
        [
            ("Domaine Fabre", "Vieilles Vignes", "Red"),
            ("Domaine Rousselet", "Meursault", "White"),
            ("Maison Girardin", "Gevrey-Chambertin", "Red"),
            ("Domaine Fabre", "Chablis Vieilles Vignes", "White"),
        ],
        (18, 220),
    ),
    "Rioja": (
        [
            ("Bodegas Arrieta", "Crianza", "Red"),
            ("Bodegas Arrieta", "Reserva", "Red"),
            ("Viña Solana", "Gran Reserva", "Red"),
            ("Viña Solana", "Blanco", "White"),
        ],
        (8, 45),
    ),
    "Piedmont": (
        [
            ("Cantina Ferrero", "Barolo", "Red"),
            ("Poderi Valli", "Barbaresco", "Red"),
            ("Poderi Valli", "Barbera d'Alba", "Red"),
        ],
        (12, 90),
    ),
    "Napa Valley": (
        [
            ("Stag Ridge", "Cabernet Sauvignon", "Red"),
            ("Hollow Oak Cellars", "Chardonnay", "White"),
        ],
        (25, 150),
    ),
    "Marlborough": (
        [("Kōwhai Bay", "Sauvignon Blanc", "White"), ("Kōwhai Bay", "Pinot Noir", "Red")],
        (8, 25),
    ),
    "Barossa": (
        [("Redgum Estate", "Shiraz", "Red"), ("Redgum Estate", "Old Vine Grenache", "Red")],
        (10, 60),
    ),
    "Mosel": (
        [
            ("Weingut Kessler", "Riesling Kabinett", "White"),
            ("Weingut Kessler", "Riesling Spätlese", "White"),
        ],
        (10, 40),
    ),
    "Champagne": (
        [
            ("Maison Delorme", "Brut", "Sparkling"),
            ("Maison Delorme", "Blanc de Blancs", "Sparkling"),
        ],
        (22, 140),
    ),
    "Provence": ([("Domaine Sainte-Lucie", "Rosé", "Rosé")], (9, 30)),
    "Douro": ([("Quinta do Vale", "Tinto", "Red"), ("Quinta do Vale", "Reserva", "Red")], (9, 55)),
}


def load_wine(data):
    df = grab_table(data, "Cellar Stock", "Wine")
    return tidy(
        df, nums=("Vintage", "Bottles in Stock", "Cost per Bottle (£)", "List Price per Bottle (£)")
    )


def book_wine(seed):
    rng = random.Random(seed)
    regions = list(WINE_REGIONS)
    rw = [10, 9, 8, 6, 5, 5, 5, 4, 5, 3, 4]
    vintages = [y for y in range(1998, 2023) if y != 2010]
    seen, rows = set(), []
    while len(rows) < 96:
        region = rng.choices(regions, rw)[0]
        wines, (lo, hi) = WINE_REGIONS[region]
        prod, cuvee, colour = rng.choice(wines)
        name = f"{prod} {cuvee}"
        vint = (
            None
            if region == "Champagne" and rng.random() < 0.5
            else rng.choice(vintages[-16:] if hi < 50 else vintages)
        )
        if (name, vint) in seen:
            continue
        seen.add((name, vint))
        cost = round(rng.uniform(lo, hi), 2)
        price = round(round(cost * rng.uniform(1.35, 1.9)) - 0.01, 2)
        bottles = 0 if rng.random() < 0.08 else rng.randint(1, 240)
        if bottles == 12:
            bottles = 13
        rows.append([name, prod, region, colour, vint, bottles, cost, price])
    rows.sort(key=lambda r: (r[2], r[0], r[4] or 0))
    for i in rng.sample(range(len(rows)), 3):
        rows[i][6] = f"{rows[i][6]:.2f}"

    header = [
        "Wine",
        "Producer",
        "Region",
        "Colour",
        "Vintage",
        "Bottles in Stock",
        "Cost per Bottle (£)",
        "List Price per Bottle (£)",
    ]
    wb, ws = new_wb("Cellar Stock")
    ws["B1"] = "Whitcombe Wine Merchants - cellar stock"
    ws["B1"].font = Font(bold=True, size=14)
    ws["B2"] = "Stock take 30 June 2024 (NV = non-vintage, vintage left blank)"
    nxt = put_table(
        ws,
        4,
        2,
        header,
        sprinkle_blank_rows(rows, rng, 2),
        fmts={"Cost per Bottle (£)": "£#,##0.00", "List Price per Bottle (£)": "£#,##0.00"},
        widths={"Wine": 40, "Producer": 24, "Region": 13},
    )
    ws.column_dimensions["A"].width = 3
    ws.cell(nxt, 2, "Total").font = Font(bold=True)
    ws.cell(nxt, 7, sum(r[5] for r in rows))
    data = save_det(wb)

    df = load_wine(data)
    reg, col, vin, bot, cost, price = (
        df["Region"],
        df["Colour"],
        df["Vintage"],
        df["Bottles in Stock"],
        df["Cost per Bottle (£)"],
        df["List Price per Bottle (£)"],
    )
    off(cost, 50)
    off(price, 20, 30, 60)
    off(bot, 12)
    need((vin == 2015).sum() >= 1, "2015 vintage")
    w = df.set_index("Wine")
    margin = price - cost
    mosel = sorted(df.loc[reg == "Mosel", "Wine"].unique())
    need(1 <= len(mosel) <= 5, "mosel")
    vv = sorted(df.loc[contains(df["Wine"], "Vieilles Vignes"), "Wine"].unique())
    need(len(vv) >= 1, "vv")
    need(bot[reg == "Burgundy"].sum() > 0, "burgundy")
    val_cost = w["Bottles in Stock"] * w["Cost per Bottle (£)"]
    need(topn(val_cost, 3) == topn(val_cost.groupby(level=0).sum(), 3), "top3 per row vs per name")
    cases = [
        V("row_noun", "how many Rioja listings do we have", (reg == "Rioja").sum()),
        V("row_noun", "which Mosel wines do we carry?", mosel, unordered=True),
        V("status", "how many wines are out of stock?", (bot == 0).sum()),
        V("status", "reds that are in stock", ((col == "Red") & (bot > 0)).sum()),
        V("status", "how many non-vintage wines do we carry", vin.isna().sum()),
        V("dates", "wines from the 2015 vintage", (vin == 2015).sum()),
        V("dates", "how many wines are from vintages before 2010", (vin < 2010).sum()),
        V("dates", "bottles from the 2016 to 2019 vintages", bot[vin.between(2016, 2019)].sum()),
        V("quantities", "wines costing us more than £50 a bottle", (cost > 50).sum()),
        V("quantities", "how many wines sell for between £30 and £60", price.between(30, 60).sum()),
        V("quantities", "wines with fewer than a dozen bottles in stock", (bot < 12).sum()),
        V("superlative", "what's the oldest wine in the cellar?", top1(w["Vintage"], True)),
        V("superlative", "most expensive wine on the list", top1(w["List Price per Bottle (£)"])),
        V(
            "superlative",
            "which region has the most bottles",
            top1(df.groupby("Region")["Bottles in Stock"].sum()),
        ),
        V(
            "superlative",
            "top 3 wines by stock value at cost",
            topn(w["Bottles in Stock"] * w["Cost per Bottle (£)"], 3),
        ),
        V(
            "derived",
            "average margin per bottle on the Piedmont wines",
            margin[reg == "Piedmont"].mean(),
        ),
        V("derived", "total stock value at cost", (bot * cost).sum()),
        V("derived", "what's the stock worth at list price?", (bot * price).sum()),
        V(
            "derived",
            "which wine has the biggest margin per bottle",
            top1(pd.Series(margin.values, index=df["Wine"])),
        ),
        V("derived", "average markup on cost", (margin / cost).mean()),
        V(
            "derived",
            "potential profit if we sold every Burgundy bottle",
            (bot * margin)[reg == "Burgundy"].sum(),
        ),
        V("x_by_y", "bottles by colour", by(df, "Colour", "Bottles in Stock", "sum")),
        V(
            "x_by_y",
            "average list price by region",
            by(df, "Region", "List Price per Bottle (£)", "mean"),
        ),
        V(
            "text_match",
            "how many wines have Reserva in the name",
            contains(df["Wine"], "reserva").sum(),
        ),
        V("text_match", "list wines with 'Vieilles Vignes' in the name", vv, unordered=True),
        C("derived", "what's our stock worth?"),
        C("plain", "whats the average price"),
        R("superlative", "which wines scored over 90 points?"),
        R("dates", "how many bottles did we sell last month?"),
    ]
    return "wine_cellar.xlsx", "Cellar Stock", data, cases


# ==========================================================================
# main
# ==========================================================================
BUILDERS = [
    (book_plumbing, 101),
    (book_library, 201),
    (book_gym, 301),
    (book_farm, 401),
    (book_conference, 501),
    (book_recruit, 601),
    (book_returns, 701),
    (book_solar, 801),
    (book_dental, 901),
    (book_wine, 1001),
]


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    all_cases, report = [], []
    for fn, seed in BUILDERS:
        for attempt in range(400):
            try:
                fname, sheet, data, cases = fn(seed + attempt)
                break
            except Redraw:
                continue
        else:
            raise SystemExit(f"{fn.__name__}: no clean draw")
        (BOOKS / fname).write_bytes(data)
        report.append((fname, seed + attempt, len(cases)))
        for c in cases:
            all_cases.append({"book": fname, "sheet": sheet, **c})
    cmds = [c["command"].lower() for c in all_cases]
    dup = [k for k, v in Counter(cmds).items() if v > 1]
    assert not dup, dup
    with open(OUT / "cases.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for i, c in enumerate(all_cases, 1):
            rec = {
                "id": f"{SPLIT}-{i:03d}",
                "book": c["book"],
                "sheet": c["sheet"],
                "command": c["command"],
                "class": c["class"],
                "split": SPLIT,
                "kind": c["kind"],
                "expected": c["expected"],
            }
            if c.get("unordered"):
                rec["unordered"] = True
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for fname, seed, k in report:
        print(f"{fname:32s} seed={seed:<5d} cases={k}")
    print("total cases:", len(all_cases))
    print("by kind:", dict(sorted(Counter(c["kind"] for c in all_cases).items())))
    print("by class:", dict(sorted(Counter(c["class"] for c in all_cases).items())))


if __name__ == "__main__":
    sys.exit(main())
