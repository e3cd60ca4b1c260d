#!/usr/bin/env python
"""Build the "dev9" everyday-spreadsheet evaluation set for nlsheet.

Written by a helper that saw neither nlsheet's code, its training data nor its
rules; every workbook and every command here was made up from scratch.

What this script does
---------------------
1. Writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each (bug tracker, car rentals, school trip payments,
   coffee wholesale, pothole reports, freelance time log, ward admissions with
   a column per month, charity-shop sales with a column per year, wedding guest
   list, electricity meter readings).  Mess included across the books: title
   rows above the header, blank rows inside the data, "Total" rows under the
   data, tables that start in column B, numbers stored as text, blank cells,
   yes/no columns, status columns, free-text notes, real date cells, currency
   and units in headers, repeating names.
2. Reads every workbook back with a small loader (finds the header row, skips
   title rows, blank rows and Total rows, turns text numbers into numbers) and
   COMPUTES every expected answer from those rows with pandas.  No answer is
   typed by hand.
3. Writes ``cases.jsonl`` (one JSON object per line):
   {"id", "book", "sheet", "command", "class", "split", "kind", "expected",
    ["unordered"]}

Everything is deterministic: data come from seeded ``random.Random`` objects,
all dates are fixed (no clock), and the xlsx files are re-zipped with a fixed
timestamp and fixed document properties, so reruns give identical bytes.

Conventions for ``expected``
----------------------------
* kind "value": numbers are plain JSON numbers (counts are ints); a single name
  is a string; lists of names are lists ("unordered": true when order does not
  matter; ranked lists keep rank order); "X by Y" is {group: number}; two keys
  are {k1: {k2: number}}; months are "YYYY-MM", single dates "YYYY-MM-DD",
  years ints; percentages and shares are fractions between 0 and 1 (growth
  may be negative).  A bare noun phrase is a count of rows.  "between A and B"
  is inclusive, "since D" includes D, "before"/"after" exclude D.  Blank cells
  are ignored by averages.
* Superlatives and top-N lists never have ties, and no value sits exactly on
  a numeric threshold used in a command: both are checked in code, and when a
  check fails the book's data are re-drawn with the next seed.
* kind "clarify": expected null -- the command is genuinely ambiguous for that
  table (two reasonable readings with different answers).
* kind "refuse": expected null -- no column of the table can answer it.
"""

import datetime as dt
import io
import json
import random
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev9"
FIXED_DT = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_DT = (2024, 1, 1, 0, 0, 0)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Redraw(Exception):
    """Raised when drawn data would make an answer tied or on a threshold."""


# ----------------------------------------------------------------------------
# small helpers for expected values
# ----------------------------------------------------------------------------
def num(x):
    if isinstance(x, (bool, np.bool_)):
        return int(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    x = round(x, 9)
    if x.is_integer():
        return int(x)
    return x


def key(k):
    if isinstance(k, pd.Timestamp):
        return k.strftime("%Y-%m-%d")
    if isinstance(k, (float, np.floating)):
        k = float(k)
        return str(int(k)) if k.is_integer() else str(k)
    if isinstance(k, (np.integer,)):
        return str(int(k))
    return str(k)


def cnt(mask):
    return int(mask.sum())


def gdict(s):
    return {key(k): num(v) for k, v in s.items()}


def nested(df, k1, k2, val=None, agg="count", full=True):
    if val is None:
        g = df.groupby([k1, k2]).size()
    else:
        g = df.groupby([k1, k2])[val].agg(agg)
    out = {}
    for (a, b), v in g.items():
        out.setdefault(key(a), {})[key(b)] = num(v)
    if full:
        inner = {key(b) for _, b in g.index}
        for a in out:
            if set(out[a]) != inner:
                raise Redraw("incomplete two-key table")
    return out


def lst(values):
    out = sorted({key(v) for v in values})
    if not out:
        raise Redraw("empty list")
    return out


def argmax(s, largest=True):
    s = s.dropna().astype(float).sort_values(ascending=not largest)
    if len(s) > 1 and np.isclose(s.iloc[0], s.iloc[1]):
        raise Redraw("tie at the top")
    return s.index[0]


def argmin(s):
    return argmax(s, largest=False)


def topn(s, n, largest=True):
    s = s.dropna().astype(float).sort_values(ascending=not largest)
    vals = np.round(s.iloc[: n + 1].values, 6)
    if len(set(vals)) < len(vals):
        raise Redraw("tie in top-n")
    return [key(k) for k in s.index[:n]]


def nothr(series, *ts):
    v = pd.to_numeric(pd.Series(series), errors="coerce").dropna().astype(float)
    for t in ts:
        if np.isclose(v, t).any():
            raise Redraw(f"value on threshold {t}")


def month(s):
    return s.dt.strftime("%Y-%m")


def D(y, m, d):
    return pd.Timestamp(y, m, d)


def between(s, a, b):
    return (s >= a) & (s <= b)


def V(cls, cmd, exp, unordered=False):
    return dict(cls=cls, kind="value", command=cmd, expected=exp, unordered=unordered)


def Q(cls, cmd):
    return dict(cls=cls, kind="clarify", command=cmd, expected=None)


def R(cls, cmd):
    return dict(cls=cls, kind="refuse", command=cmd, expected=None)


# ----------------------------------------------------------------------------
# writing and reading workbooks
# ----------------------------------------------------------------------------
def text_of(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def write_table(
    ws,
    header,
    rows,
    *,
    titles=(),
    col0=1,
    blank_before=(),
    text_cells=(),
    total=None,
    fmts=None,
    widths=None,
):
    """Write an optional title block, a header and the rows.

    blank_before: data indices before which an empty row is inserted.
    text_cells: (row index, column index) pairs written as text.
    total: dict {column index: value}; label "Total" goes in the first column.
    fmts: {column index: number format}.
    """
    fmts = fmts or {}
    r = 1
    for t in titles:
        ws.cell(row=r, column=col0, value=t).font = Font(bold=True, size=12)
        r += 1
    if titles:
        r += 1  # blank row between title block and header
    for j, h in enumerate(header):
        ws.cell(row=r, column=col0 + j, value=h).font = Font(bold=True)
    r += 1
    text_cells = set(text_cells)
    blank_before = set(blank_before)
    for i, row in enumerate(rows):
        if i in blank_before:
            r += 1
        for j, v in enumerate(row):
            if v is None:
                continue
            if (i, j) in text_cells:
                v = text_of(v)
            c = ws.cell(row=r, column=col0 + j, value=v)
            if j in fmts and not isinstance(v, str):
                c.number_format = fmts[j]
        r += 1
    if total is not None:
        c = ws.cell(row=r, column=col0, value="Total")
        c.font = Font(bold=True)
        for j, v in total.items():
            c = ws.cell(row=r, column=col0 + j, value=v)
            c.font = Font(bold=True)
            if j in fmts:
                c.number_format = fmts[j]
    if widths:
        from openpyxl.utils import get_column_letter

        for j, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(col0 + j)].width = w


def save_wb(wb, path):
    """Save with fixed properties and fixed zip timestamps (byte-stable)."""
    p = wb.properties
    p.creator = "Office User"
    p.lastModifiedBy = "Office User"
    p.created = FIXED_DT
    p.modified = FIXED_DT
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                    data,
                )
                data = re.sub(
                    rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def load_table(path, sheet, cols):
    """Small loader: find the header row, skip title/blank/Total rows.

    cols: list of (header text, key, type) with type in str/num/date.
    """
    ws = load_workbook(path, data_only=True)[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    first = cols[0][0]
    hdr_i = c0 = None
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            if c is not None and str(c).strip() == first:
                hdr_i, c0 = i, j
                break
        if hdr_i is not None:
            break
    n = len(cols)
    header = [str(c).strip() for c in rows[hdr_i][c0 : c0 + n]]
    assert header == [str(h) for h, _, _ in cols], header
    data = []
    for r in rows[hdr_i + 1 :]:
        cells = (r[c0 : c0 + n] + [None] * n)[:n]
        vals = [c for c in cells if c is not None and str(c).strip() != ""]
        if not vals:
            continue
        if str(vals[0]).strip().lower().startswith("total"):
            continue
        data.append(cells)
    df = pd.DataFrame(data, columns=[k for _, k, _ in cols])
    for _, k, t in cols:
        if t == "num":
            df[k] = pd.to_numeric(
                df[k].map(
                    lambda v: (
                        v.strip().replace(",", "").replace("£", "").replace("€", "")
                        if isinstance(v, str)
                        else v
                    )
                )
            )
        elif t == "date":
            df[k] = pd.to_datetime(df[k])
        else:
            df[k] = df[k].map(lambda v: v.strip() if isinstance(v, str) else v)
    return df


FIRST = [
    "Aoife",
    "Ben",
    "Ciara",
    "Daniel",
    "Emma",
    "Finn",
    "Grace",
    "Harry",
    "Isla",
    "Jack",
    "Kate",
    "Liam",
    "Maya",
    "Noah",
    "Olivia",
    "Patrick",
    "Ruby",
    "Sean",
    "Chloe",
    "Tom",
    "Zara",
    "Adam",
    "Leah",
    "Owen",
    "Nina",
    "Ryan",
    "Sophie",
    "Ethan",
    "Amira",
    "Jonah",
    "Freya",
    "Luca",
    "Hannah",
    "Oscar",
    "Megan",
    "Rory",
    "Ella",
    "Kieran",
    "Lily",
    "Dev",
]
LAST = [
    "Murphy",
    "Byrne",
    "Kelly",
    "Walsh",
    "Smith",
    "O'Neill",
    "Doyle",
    "Khan",
    "Nowak",
    "Brennan",
    "Patel",
    "Ryan",
    "Clarke",
    "Hughes",
    "Moran",
    "Foley",
    "Lynch",
    "Quinn",
    "Fischer",
    "Ahmed",
    "Costa",
    "Evans",
    "Reid",
    "Nolan",
    "Dunne",
    "Power",
    "Hayes",
    "Shah",
]


def people(rng, n):
    seen, out = set(), []
    while len(out) < n:
        p = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# ----------------------------------------------------------------------------
# 1. bug tracker
# ----------------------------------------------------------------------------
ASSIGNEES = [
    "Priya Shah",
    "Tom Walsh",
    "Aisha Bello",
    "Marek Nowak",
    "Chen Wei",
    "Lucia Romero",
    "Sam O'Brien",
]
PROBLEMS = [
    "App crashes on",
    "Crash when saving",
    "Timeout on",
    "Wrong totals in",
    "Typo in",
    "Slow loading of",
    "Broken link in",
    "Layout glitch in",
    "Login loop on",
    "Duplicate entries in",
    "Missing translation in",
    "Memory leak in",
]
COMPONENTS = [
    "checkout page",
    "user settings",
    "CSV export",
    "dashboard",
    "mobile app",
    "search results",
    "invoice PDF",
    "admin panel",
    "notifications",
    "password reset",
]


def book_bugs(rng, path):
    n = 132
    start = dt.date(2024, 1, 2)
    offs = sorted(rng.randint(0, 178) for _ in range(n))
    rows = []
    for i, o in enumerate(offs):
        d = start + dt.timedelta(days=o)
        frac = o / 178
        r = rng.random()
        pres, pip = 0.85 - 0.65 * frac, 0.12 + 0.2 * frac
        status = "Resolved" if r < pres else "In Progress" if r < pres + pip else "Open"
        sev = rng.choices(["Low", "Medium", "High", "Critical"], [30, 35, 22, 13])[0]
        title = f"{rng.choice(PROBLEMS)} {rng.choice(COMPONENTS)}"
        title += rng.choice(["", "", "", " (iOS)", " (Android)", " on Firefox"])
        pts = rng.choices([1, 2, 3, 5, 8, 13], [12, 20, 25, 22, 14, 5])[0]
        who = rng.choices(ASSIGNEES, [18, 16, 15, 14, 12, 9, 7])[0]
        rows.append([f"BUG-{1001 + i}", title, sev, status, who, d, pts])
    for i in rng.sample(range(n), 6):
        rows[i][6] = None
    texts = [(i, 6) for i in rng.sample([i for i in range(n) if rows[i][6] is not None], 4)]
    header = ["Bug ID", "Title", "Severity", "Status", "Assignee", "Opened", "Story Points"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bugs"
    write_table(
        ws,
        header,
        rows,
        titles=["Platform Team – Bug Tracker", "Exported from the tracker, sprints 1-13"],
        text_cells=texts,
        fmts={5: "dd/mm/yyyy"},
        widths=[11, 44, 10, 12, 15, 12, 12],
    )
    save_wb(wb, path)
    return "Bugs"


def cases_bugs(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Bug ID", "id", "str"),
            ("Title", "title", "str"),
            ("Severity", "sev", "str"),
            ("Status", "status", "str"),
            ("Assignee", "who", "str"),
            ("Opened", "opened", "date"),
            ("Story Points", "pts", "num"),
        ],
    )
    nothr(d.pts, 4, 6)
    t = d.title.str.lower()
    c = [
        V("row_noun", "how many bugs has Marek Nowak got assigned?", cnt(d.who == "Marek Nowak")),
        V(
            "row_noun",
            "list the IDs of the critical bugs assigned to Chen",
            lst(d[(d.who == "Chen Wei") & (d.sev == "Critical")].id),
            True,
        ),
        V("status", "how many bugs are still unresolved", cnt(d.status != "Resolved")),
        V(
            "status",
            "critical bugs that aren't resolved",
            cnt((d.sev == "Critical") & (d.status != "Resolved")),
        ),
        V(
            "status",
            "How many bugs is the team actively working on right now?",
            cnt(d.status == "In Progress"),
        ),
        V(
            "status",
            "resolved high-severity bugs for Aisha Bello",
            cnt((d.sev == "High") & (d.status == "Resolved") & (d.who == "Aisha Bello")),
        ),
        V("dates", "how many bugs were opened in March?", cnt(month(d.opened) == "2024-03")),
        V(
            "dates",
            "bugs raised in the second quarter",
            cnt(between(d.opened, D(2024, 4, 1), D(2024, 6, 30))),
        ),
        V("dates", "number of bugs logged since 10 May", cnt(d.opened >= D(2024, 5, 10))),
        V(
            "dates",
            "bugs opened between Feb 1 and Feb 14",
            cnt(between(d.opened, D(2024, 2, 1), D(2024, 2, 14))),
        ),
        V(
            "quantities",
            "how many bugs are estimated at more than four story points",
            cnt(d.pts > 4),
        ),
        V("quantities", "count of bugs over 6 pts", cnt(d.pts > 6)),
        V(
            "superlative",
            "which assignee has been given the most story points in total?",
            argmax(d.groupby("who").pts.sum()),
        ),
        V(
            "superlative",
            "top three people by number of bugs assigned",
            topn(d.groupby("who").size(), 3),
        ),
        V(
            "superlative",
            "ID of the most recently opened critical bug",
            d.loc[argmax(d[d.sev == "Critical"].opened.astype("int64")), "id"],
        ),
        V("two_keys", "bug count by severity and status", nested(d, "sev", "status")),
        V(
            "two_keys",
            "story points by status and month opened",
            nested(d.assign(m=month(d.opened)), "status", "m", "pts", "sum"),
        ),
        V("x_by_y", "bugs per assignee", gdict(d.groupby("who").size())),
        V("x_by_y", "story points by severity", gdict(d.groupby("sev").pts.sum())),
        V("x_by_y", "avg story points per severity level", gdict(d.groupby("sev").pts.mean())),
        V("text_match", "how many bugs mention a crash in the title", cnt(t.str.contains("crash"))),
        V(
            "text_match",
            "unresolved bugs about the invoice PDF",
            cnt(t.str.contains("invoice pdf") & (d.status != "Resolved")),
        ),
        V(
            "derived",
            "what share of all story points sits with critical bugs?",
            num(d[d.sev == "Critical"].pts.sum() / d.pts.sum()),
        ),
        V("plain", "total story points across all bugs", num(d.pts.sum())),
        V("plain", "averge points for high severity bugs", num(d[d.sev == "High"].pts.mean())),
        V("plain", "what's the largest estimate on a single bug", num(d.pts.max())),
        Q("superlative", "which bug is the biggest?"),
        Q("plain", "total for critical bugs?"),
        R("plain", "what's the average time it takes us to resolve a bug"),
        R("x_by_y", "who reported the most bugs"),
    ]
    # the "most recently opened critical bug" must be unique by date
    crit = d[d.sev == "Critical"].opened
    if (crit == crit.max()).sum() != 1:
        raise Redraw("tie on newest critical")
    return c


# ----------------------------------------------------------------------------
# 2. car rental bookings (table starts in column B, blank row, Total row)
# ----------------------------------------------------------------------------
CAR_RATES = {
    "Economy": [34, 37, 39, 42, 45],
    "Compact": [44, 47, 52, 55, 58],
    "SUV": [67, 72, 78, 84, 89],
    "Premium": [99, 109, 119, 129, 139],
    "Van": [76, 82, 88, 94],
}
BRANCHES = ["Dublin Airport", "Dublin City", "Cork", "Galway", "Shannon"]


def book_cars(rng, path):
    custs = ["Siobhan Murphy", "Liam Byrne"] + [
        p for p in people(rng, 50) if p not in ("Siobhan Murphy", "Liam Byrne")
    ][:44]
    cw = [6, 5] + [rng.choice([1, 1, 2, 2, 3, 4]) for _ in custs[2:]]
    mw = [5, 5, 7, 8, 9, 11, 14, 14, 9, 8, 5, 8]
    rows = []
    for _ in range(150):
        m = rng.choices(range(1, 13), mw)[0]
        last = (dt.date(2023 + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
        d = dt.date(2023, m, rng.randint(1, last))
        cls = rng.choices(list(CAR_RATES), [30, 25, 20, 12, 13])[0]
        days = rng.choices(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 21],
            [10, 14, 14, 12, 10, 8, 12, 5, 3, 3, 2, 4, 2],
        )[0]
        rate = rng.choice(CAR_RATES[cls])
        ins = "Yes" if rng.random() < (0.8 if cls == "Premium" else 0.55) else "No"
        br = rng.choices(BRANCHES, [30, 20, 22, 16, 12])[0]
        rows.append([rng.choices(custs, cw)[0], cls, d, days, rate, ins, br])
    rows[17][2] = dt.date(2023, 2, 14)
    rows[40][3] = 26
    rows.sort(key=lambda r: (r[2], r[0]))
    texts = [(i, 4) for i in rng.sample(range(150), 3)]
    header = [
        "Customer",
        "Car Class",
        "Pickup Date",
        "Days",
        "Daily Rate (€)",
        "Insurance",
        "Branch",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bookings"
    write_table(
        ws,
        header,
        rows,
        col0=2,
        titles=["Emerald Car Hire – Bookings 2023", "All branches · rates in euro"],
        blank_before=[71],
        text_cells=texts,
        total={3: sum(r[3] for r in rows)},
        fmts={2: "d mmm yyyy", 4: "#,##0.00"},
        widths=[20, 11, 13, 7, 15, 10, 16],
    )
    save_wb(wb, path)
    return "Bookings"


def cases_cars(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Customer", "cust", "str"),
            ("Car Class", "cls", "str"),
            ("Pickup Date", "date", "date"),
            ("Days", "days", "num"),
            ("Daily Rate (€)", "rate", "num"),
            ("Insurance", "ins", "str"),
            ("Branch", "branch", "str"),
        ],
    )
    d["val"] = d.days * d.rate
    nothr(d.rate, 80, 40, 60)
    nothr(d.days, 10)
    nothr(d.val, 1000)
    c = [
        V("row_noun", "how many bookings did Siobhan Murphy make", cnt(d.cust == "Siobhan Murphy")),
        V(
            "row_noun",
            "which customers rented a van from Cork?",
            lst(d[(d.cls == "Van") & (d.branch == "Cork")].cust),
            True,
        ),
        V("row_noun", "how many distinct custmers have we had", int(d.cust.nunique())),
        V("status", "bookings without insurance", cnt(d.ins == "No")),
        V(
            "status",
            "how many SUV rentals included insurance",
            cnt((d.cls == "SUV") & (d.ins == "Yes")),
        ),
        V("status", "what share of bookings took the insurance?", num((d.ins == "Yes").mean())),
        V("dates", "how many cars were picked up in August?", cnt(month(d.date) == "2023-08")),
        V("dates", "no. of bookings in H1", cnt(between(d.date, D(2023, 1, 1), D(2023, 6, 30)))),
        V(
            "dates",
            "rentals starting between 1 and 15 October",
            cnt(between(d.date, D(2023, 10, 1), D(2023, 10, 15))),
        ),
        V("dates", "any pickups on 14 Feb? how many", cnt(d.date == D(2023, 2, 14))),
        V("quantities", "bookings at more than €80 a day", cnt(d.rate > 80)),
        V("quantities", "rentals of more than ten days", cnt(d.days > 10)),
        V(
            "quantities",
            "how many bookings had a daily rate between €40 and €60",
            cnt(between(d.rate, 40, 60)),
        ),
        V("quantities", "rentals that came to over €1,000", cnt(d.val > 1000)),
        V("superlative", "which branch had the most bookings", argmax(d.groupby("branch").size())),
        V("superlative", "top 3 customers by total spend", topn(d.groupby("cust").val.sum(), 3)),
        V("superlative", "who had the longest rental?", d.loc[argmax(d.days), "cust"]),
        V("two_keys", "bookings by branch and car class", nested(d, "branch", "cls")),
        V("x_by_y", "revenue by branch", gdict(d.groupby("branch").val.sum())),
        V("x_by_y", "avg daily rate per car class", gdict(d.groupby("cls").rate.mean())),
        V("x_by_y", "bookings per month", gdict(d.groupby(month(d.date)).size())),
        V("derived", "total rental income from premium cars", num(d[d.cls == "Premium"].val.sum())),
        V("derived", "what's the average booking value", num(d.val.mean())),
        V("plain", "total days rented", num(d.days.sum())),
        V("plain", "average rental length at Shannon", num(d[d.branch == "Shannon"].days.mean())),
        V(
            "plain",
            "cheapest daily rate we've charged for an SUV",
            num(d[d.cls == "SUV"].rate.min()),
        ),
        V(
            "text_match",
            "how many bookings were made at one of the Dublin branches",
            cnt(d.branch.str.contains("Dublin")),
        ),
        Q("superlative", "who's our biggest customer?"),
        Q("plain", "what's the average rental?"),
        R("plain", "average mileage per rental"),
        R("status", "how many cars came back damaged"),
    ]
    return c


# ----------------------------------------------------------------------------
# 3. school field-trip payments (title rows, Total row, text numbers)
# ----------------------------------------------------------------------------
TRIPS = {
    "3": [("Zoo", 18), ("Farm Visit", 12)],
    "4": [("Science Museum", 22), ("Castle", 16)],
    "5": [("Beach Day", 9.5), ("Theatre", 24), ("Outdoor Centre", 85)],
}
PARTIAL = [2, 3, 4, 6, 7.5, 8, 11, 12.5, 15, 25, 30, 40, 50, 60]


def book_trips(rng, path):
    classes = ["3A", "3B", "4A", "4B", "5A", "5B"]
    kids = people(rng, 66)
    pupils = {c: sorted(kids[i * 11 : (i + 1) * 11]) for i, c in enumerate(classes)}
    rows = []
    for yr, trips in TRIPS.items():
        for trip, price in trips:
            for c in classes:
                if c[0] != yr:
                    continue
                for p in pupils[c]:
                    due = price / 2 if rng.random() < 0.08 else price
                    r = rng.random()
                    if r < 0.62:
                        paid = due
                    elif r < 0.80:
                        opts = [x for x in PARTIAL if x < due]
                        paid = rng.choice(opts) if opts else due
                    else:
                        paid = 0
                    consent = "Yes" if rng.random() < 0.82 else "No"
                    rows.append([p, c, trip, due, paid, consent])
    texts = [(i, 4) for i in rng.sample(range(len(rows)), 4)]
    header = [
        "Pupil",
        "Class",
        "Trip",
        "Amount Due (£)",
        "Amount Paid (£)",
        "Consent Form Returned",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Trip Payments"
    write_table(
        ws,
        header,
        rows,
        titles=["St Brigid's Primary School", "Trip payments – autumn & spring terms"],
        text_cells=texts,
        total={3: sum(r[3] for r in rows), 4: sum(r[4] for r in rows)},
        fmts={3: "£#,##0.00", 4: "£#,##0.00"},
        widths=[20, 7, 16, 15, 16, 22],
    )
    save_wb(wb, path)
    return "Trip Payments"


def cases_trips(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Pupil", "pupil", "str"),
            ("Class", "cls", "str"),
            ("Trip", "trip", "str"),
            ("Amount Due (£)", "due", "num"),
            ("Amount Paid (£)", "paid", "num"),
            ("Consent Form Returned", "consent", "str"),
        ],
    )
    d["owed"] = d.due - d.paid
    nothr(d.owed, 20)
    nothr(d.due, 15)
    nothr(d.paid, 5, 20)
    c = [
        V("row_noun", "how many pupils are down for the Zoo trip", cnt(d.trip == "Zoo")),
        V("row_noun", "list the pupils in class 4B", lst(d[d.cls == "4B"].pupil), True),
        V("row_noun", "how many different children are on the sheet", int(d.pupil.nunique())),
        V(
            "row_noun",
            "how many pupils are there in year 5",
            int(d[d.cls.str.startswith("5")].pupil.nunique()),
        ),
        V("status", "how many consent forms are still missing", cnt(d.consent == "No")),
        V(
            "status",
            "how many have paid in full for the theatre?",
            cnt((d.trip == "Theatre") & (d.paid >= d.due)),
        ),
        V(
            "status",
            "who hasn't paid anything yet for the outdoor centre?",
            lst(d[(d.trip == "Outdoor Centre") & (d.paid == 0)].pupil),
            True,
        ),
        V(
            "status",
            "how many kids returned the consent form but haven't paid a penny",
            cnt((d.consent == "Yes") & (d.paid == 0)),
        ),
        V("quantities", "entries with more than £20 still owing", cnt(d.owed > 20)),
        V("quantities", "how many lines have an amount due below £15", cnt(d.due < 15)),
        V("quantities", "payments between £5 and £20", cnt(between(d.paid, 5, 20))),
        V(
            "superlative",
            "which trip has the most money outstanding",
            argmax(d.groupby("trip").owed.sum()),
        ),
        V(
            "superlative",
            "Which class has collected the most so far?",
            argmax(d.groupby("cls").paid.sum()),
        ),
        V(
            "superlative",
            "which trip has the worst consent form return rate",
            argmin(d.groupby("trip").consent.apply(lambda s: (s == "Yes").mean())),
        ),
        V(
            "two_keys",
            "pupils by trip and whether the consent form came back",
            nested(d, "trip", "consent"),
        ),
        V("x_by_y", "total collected per trip", gdict(d.groupby("trip").paid.sum())),
        V("x_by_y", "outstanding balance by class", gdict(d.groupby("cls").owed.sum())),
        V("x_by_y", "entries per trip", gdict(d.groupby("trip").size())),
        V("derived", "how much is still owed in total", num(d.owed.sum())),
        V(
            "derived",
            "what percentage of the money due has been collected?",
            num(d.paid.sum() / d.due.sum()),
        ),
        V(
            "derived",
            "which pupils in 5A still owe money",
            lst(d[(d.cls == "5A") & (d.owed > 0)].pupil),
            True,
        ),
        V("plain", "total amount paid so far", num(d.paid.sum())),
        V(
            "plain",
            "average amount paid per pupil for the Beach Day",
            num(d[d.trip == "Beach Day"].paid.mean()),
        ),
        V(
            "plain",
            "could you tell me the total due for the farm visit?",
            num(d[d.trip == "Farm Visit"].due.sum()),
        ),
        Q("plain", "what's the total amount?"),
        Q("plain", "average amount for the zoo trip"),
        R("row_noun", "which pupils need a packed lunch"),
        R("dates", "what date does the beach trip leave"),
    ]
    return c


# ----------------------------------------------------------------------------
# 4. coffee roaster wholesale orders
# ----------------------------------------------------------------------------
CAFES = [
    "Bean There",
    "Grind House",
    "The Daily Grind",
    "Little Bean Co",
    "Copper Kettle",
    "Northern Brew",
    "Steam & Stone",
    "Half Moon Café",
    "Roast Room",
    "Harbour Coffee",
    "Two Spoons",
    "Ferndale Deli",
    "Pour Decisions",
    "Morning Fix",
]
ORIGINS = {
    "Brazil": 17,
    "Colombia": 19,
    "Ethiopia": 24,
    "Guatemala": 21,
    "Kenya": 26,
    "Sumatra": 22,
    "Rwanda": 23,
}


def book_coffee(rng, path):
    cw = [18, 15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3]
    rows = []
    for _ in range(160):
        d = rand_date(rng, dt.date(2023, 7, 1), dt.date(2024, 6, 30))
        o = rng.choices(list(ORIGINS), [22, 20, 16, 12, 10, 10, 8])[0]
        size = rng.choices([1, 2.5, 5], [25, 30, 45])[0]
        bags = rng.choices(range(1, 13), [6, 10, 10, 10, 8, 8, 6, 6, 4, 3, 2, 2])[0]
        price = ORIGINS[o] + rng.choice([-1.5, -0.5, 0.5, 1.5, 2.5])
        if d >= dt.date(2024, 6, 12):
            dlv = "No" if rng.random() < 0.8 else "Yes"
        else:
            dlv = "Yes"
        rows.append([d, rng.choices(CAFES, cw)[0], o, size, bags, price, dlv])
    rows.sort(key=lambda r: (r[0], r[1]))
    texts = [(i, 4) for i in rng.sample(range(160), 3)]
    header = [
        "Order Date",
        "Café",
        "Origin",
        "Bag Size (kg)",
        "Bags",
        "Price per kg (£)",
        "Delivered",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Orders"
    write_table(
        ws,
        header,
        rows,
        titles=["Hillside Roasters – Wholesale Orders", "FY 2023/24"],
        text_cells=texts,
        fmts={0: "dd/mm/yyyy", 5: "£0.00"},
        widths=[12, 18, 12, 13, 6, 16, 10],
    )
    save_wb(wb, path)
    return "Orders"


def cases_coffee(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Order Date", "date", "date"),
            ("Café", "cafe", "str"),
            ("Origin", "origin", "str"),
            ("Bag Size (kg)", "size", "num"),
            ("Bags", "bags", "num"),
            ("Price per kg (£)", "price", "num"),
            ("Delivered", "dlv", "str"),
        ],
    )
    d["kg"] = d["size"] * d.bags
    d["val"] = d.kg * d.price
    nothr(d.val, 500)
    nothr(d.price, 20)
    nothr(d.kg, 24)
    per_cafe = d.groupby("cafe").val.sum()
    nothr(per_cafe, 3500)
    c = [
        V("row_noun", "how many orders did Bean There place?", cnt(d.cafe == "Bean There")),
        V(
            "row_noun",
            "which cafés have ordered Kenyan beans",
            lst(d[d.origin == "Kenya"].cafe),
            True,
        ),
        V("status", "orders not delivered yet", cnt(d.dlv == "No")),
        V("status", "how many kilos are still waiting to go out", num(d[d.dlv == "No"].kg.sum())),
        V("dates", "orders placed in February", cnt(month(d.date) == "2024-02")),
        V(
            "dates",
            "how many orders in Q4 2023",
            cnt(between(d.date, D(2023, 10, 1), D(2023, 12, 31))),
        ),
        V(
            "dates",
            "orders from February to April",
            cnt(between(d.date, D(2024, 2, 1), D(2024, 4, 30))),
        ),
        V("dates", "number of orders since 1 May", cnt(d.date >= D(2024, 5, 1))),
        V("dates", "how many orders did we take during 2023", cnt(d.date.dt.year == 2023)),
        V("quantities", "orders worth more than £500", cnt(d.val > 500)),
        V("quantities", "how many orders had a price under £20 per kilo", cnt(d.price < 20)),
        V(
            "quantities",
            "cafés that spent over £3.5k in total",
            lst(per_cafe[per_cafe > 3500].index),
            True,
        ),
        V("quantities", "orders over 24kg", cnt(d.kg > 24)),
        V("superlative", "which café spent the most with us", argmax(per_cafe)),
        V(
            "superlative",
            "which origin has the highest average price per kg",
            argmax(d.groupby("origin").price.mean()),
        ),
        V("superlative", "top 4 cafés by number of orders", topn(d.groupby("cafe").size(), 4)),
        V(
            "superlative",
            "which café placed the single most valuable order?",
            d.loc[argmax(d.val), "cafe"],
        ),
        V("two_keys", "order count by origin and bag size", nested(d, "origin", "size")),
        V("x_by_y", "kg sold by origin", gdict(d.groupby("origin").kg.sum())),
        V("x_by_y", "revenue by month", gdict(d.groupby(month(d.date)).val.sum())),
        V("x_by_y", "orders per café", gdict(d.groupby("cafe").size())),
        V(
            "derived",
            "total value of orders placed in March",
            num(d[month(d.date) == "2024-03"].val.sum()),
        ),
        V("plain", "how many bags were ordered in total", num(d.bags.sum())),
        V("plain", "largest number of bags in one order", num(d.bags.max())),
        V("plain", "avg bags per order for brazilian", num(d[d.origin == "Brazil"].bags.mean())),
        V(
            "text_match",
            "how many orders came from cafés with 'bean' in the name",
            cnt(d.cafe.str.lower().str.contains("bean")),
        ),
        Q("superlative", "what was the biggest order?"),
        Q("plain", "how much did The Daily Grind order"),
        Q("plain", "average price for Grind House"),
        R("superlative", "which roast level sells best"),
        R("plain", "average delivery time"),
    ]
    return c


# ----------------------------------------------------------------------------
# 5. council pothole reports (two date columns, blanks, description)
# ----------------------------------------------------------------------------
WARDS = ["Abbey", "Castle", "Riverside", "Hillfoot", "Market"]
STREETS = [
    "Mill Lane",
    "Station Road",
    "Church Street",
    "Quarry Hill",
    "Victoria Road",
    "Elm Grove",
    "Bridge Street",
    "Kingsway",
    "Orchard Close",
    "Park Avenue",
    "High Street",
    "Canal Walk",
    "Ferry Road",
    "Bell Lane",
    "Hawthorn Drive",
    "Tannery Row",
    "Meadow Way",
    "Chapel Street",
    "Priory Road",
    "Granby Street",
    "Wharf Lane",
    "Beacon Rise",
    "Forge Lane",
    "Albert Terrace",
    "Rowan Crescent",
    "Cross Street",
    "Market Place",
    "Sandy Lane",
    "North Parade",
    "Cooper's Yard",
]
DESCS = [
    "Deep pothole near bus stop",
    "Cyclist reported near miss",
    "Outside primary school entrance",
    "Water-filled, hard to see at night",
    "Edge of road crumbling",
    "Cluster of small holes",
    "Reported by bus driver",
    "Car tyre damaged – claim pending",
    "Near junction, traffic swerving",
    "By the school crossing",
    "Repeat report – previously patched",
    "Large crack spreading across lane",
]


def book_potholes(rng, path):
    ward_of = {s: WARDS[i % 5] for i, s in enumerate(STREETS)}
    sw = [rng.randint(1, 9) for _ in STREETS]
    cutoff = dt.date(2024, 9, 6)
    rows = []
    for _ in range(155):
        st = rng.choices(STREETS, sw)[0]
        rep = rand_date(rng, dt.date(2024, 1, 2), dt.date(2024, 8, 30))
        delay = int(rng.triangular(3, 80, 14))
        if delay == 30:
            delay = 31
        fixed = rep + dt.timedelta(days=delay)
        if fixed <= cutoff and rng.random() > 0.06:
            status = "Fixed"
        else:
            fixed = None
            status = "Scheduled" if rng.random() < 0.6 else "Open"
        depth = round(rng.uniform(1.5, 19.5), 1)
        if depth == int(depth):
            depth += 0.3
        desc = rng.choice(DESCS) if rng.random() < 0.8 else None
        rows.append([st, ward_of[st], rep, fixed, depth, status, desc])
    rows[5][2] = dt.date(2024, 3, 5)
    if rows[5][3] is not None and rows[5][3] < rows[5][2]:
        rows[5][3] = rows[5][2] + dt.timedelta(days=9)
    rows.sort(key=lambda r: (r[2], r[0]))
    header = ["Street", "Ward", "Reported", "Fixed", "Depth (cm)", "Status", "Description"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Pothole Log"
    write_table(
        ws,
        header,
        rows,
        titles=["Highways – Pothole Reports 2024", "Status as at 6 Sep 2024"],
        fmts={2: "dd/mm/yyyy", 3: "dd/mm/yyyy"},
        widths=[18, 11, 12, 12, 11, 11, 38],
    )
    save_wb(wb, path)
    return "Pothole Log"


def cases_potholes(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Street", "street", "str"),
            ("Ward", "ward", "str"),
            ("Reported", "rep", "date"),
            ("Fixed", "fixed", "date"),
            ("Depth (cm)", "depth", "num"),
            ("Status", "status", "str"),
            ("Description", "desc", "str"),
        ],
    )
    d["days"] = (d.fixed - d.rep).dt.days
    nothr(d.depth, 10, 15, 4)
    nothr(d.days, 30)
    desc = d.desc.fillna("").str.lower()
    c = [
        V("row_noun", "how many potholes were reported on Mill Lane", cnt(d.street == "Mill Lane")),
        V(
            "row_noun",
            "which streets in Riverside ward have had reports?",
            lst(d[d.ward == "Riverside"].street),
            True,
        ),
        V("status", "how many are scheduled for repair", cnt(d.status == "Scheduled")),
        V(
            "status",
            "potholes not fixed yet in Castle ward",
            cnt((d.status != "Fixed") & (d.ward == "Castle")),
        ),
        V("status", "fixed potholes deeper than 10cm", cnt((d.status == "Fixed") & (d.depth > 10))),
        V("dates", "how many potholes were reported in April", cnt(month(d.rep) == "2024-04")),
        V("dates", "how many got fixed in June", cnt(month(d.fixed) == "2024-06")),
        V(
            "dates",
            "reports from the first quarter",
            cnt(between(d.rep, D(2024, 1, 1), D(2024, 3, 31))),
        ),
        V("dates", "potholes reported after 1 July", cnt(d.rep > D(2024, 7, 1))),
        V("dates", "reports logged on 5 March", cnt(d.rep == D(2024, 3, 5))),
        V("quantities", "potholes deeper than 15 cm", cnt(d.depth > 15)),
        V("quantities", "how many shallow ones under 4cm", cnt(d.depth < 4)),
        V(
            "superlative",
            "which street has the most pothole reports",
            argmax(d.groupby("street").size()),
        ),
        V("superlative", "deepest pothole - which street?", d.loc[argmax(d.depth), "street"]),
        V(
            "superlative",
            "which ward has the slowest average repair time",
            argmax(d.groupby("ward").days.mean()),
        ),
        V("superlative", "top 3 streets by number of reports", topn(d.groupby("street").size(), 3)),
        V("two_keys", "reports by ward and status", nested(d, "ward", "status")),
        V("x_by_y", "reports per ward", gdict(d.groupby("ward").size())),
        V("x_by_y", "average depth by ward", gdict(d.groupby("ward").depth.mean())),
        V("derived", "average days to fix a pothole", num(d.days.mean())),
        V("derived", "how many took more than 30 days to fix", cnt(d.days > 30)),
        V("text_match", "how many reports mention a bus stop", cnt(desc.str.contains("bus stop"))),
        V(
            "text_match",
            "list streets where the description mentions the school crossing",
            lst(d[desc.str.contains("school crossing")].street),
            True,
        ),
        V("plain", "average depth of all reported potholse", num(d.depth.mean())),
        V("plain", "max depth in Hillfoot ward", num(d[d.ward == "Hillfoot"].depth.max())),
        Q("dates", "how many potholes in March?"),
        Q("x_by_y", "potholes by month"),
        R("plain", "how much did repairs cost this year"),
        R("superlative", "which contractor fixed the most potholes"),
    ]
    return c


# ----------------------------------------------------------------------------
# 6. freelance designer's time log (no title, blank separator rows, Total)
# ----------------------------------------------------------------------------
CLIENTS = {
    "Acme Bakery": (45, ["Logo refresh", "Menu boards"]),
    "Northwind Books": (55, ["Website redesign", "Spring catalogue"]),
    "Blue Heron Yoga": (40, ["Class timetable posters", "Brand guidelines"]),
    "Fernleaf Dental": (60, ["Patient leaflets", "Signage"]),
    "Kite & Co": (50, ["Packaging"]),
    "Orbit Cycles": (65, ["Product photo edits", "Trade show banner"]),
}
HOURS = [0.5, 0.75, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.25, 3.5, 4.5, 5, 5.5, 6, 6.5, 7.5]
NOTES = [
    "client call",
    "feedback call",
    "revisions round 2",
    "revisions after review",
    "initial sketches",
    "final files sent",
    "proofing",
    "moodboard",
    None,
    None,
    None,
    None,
    None,
]


def book_time(rng, path):
    days = [dt.date(2024, 1, 8) + dt.timedelta(days=i) for i in range(173)]
    days = [x for x in days if x.weekday() < 5]
    cw = [16, 22, 12, 18, 10, 14]
    rows = []
    for _ in range(128):
        d = rng.choice(days)
        cl = rng.choices(list(CLIENTS), cw)[0]
        rate, projs = CLIENTS[cl]
        h = rng.choice(HOURS)
        billed = "Yes" if rng.random() < (0.95 if d < dt.date(2024, 5, 20) else 0.25) else "No"
        rows.append([d, cl, rng.choice(projs), h, rate, billed, rng.choice(NOTES)])
    rows[3][0] = dt.date(2024, 2, 14)
    rows[60] = [
        dt.date(2024, 3, 21),
        "Orbit Cycles",
        "Trade show banner",
        9.5,
        65,
        "Yes",
        "deadline push",
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    blanks = [i for i in range(1, len(rows)) if rows[i][0].month != rows[i - 1][0].month]
    texts = [(i, 4) for i in rng.sample(range(len(rows)), 2)] + [
        (i, 3) for i in rng.sample(range(len(rows)), 2)
    ]
    header = ["Date", "Client", "Project", "Hours", "Hourly Rate (£)", "Billed", "Notes"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Time Log"
    write_table(
        ws,
        header,
        rows,
        blank_before=blanks,
        text_cells=texts,
        total={3: sum(r[3] for r in rows)},
        fmts={0: "ddd dd/mm/yy", 4: "£0"},
        widths=[14, 17, 24, 7, 15, 8, 24],
    )
    save_wb(wb, path)
    return "Time Log"


def cases_time(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Date", "date", "date"),
            ("Client", "client", "str"),
            ("Project", "proj", "str"),
            ("Hours", "hours", "num"),
            ("Hourly Rate (£)", "rate", "num"),
            ("Billed", "billed", "str"),
            ("Notes", "notes", "str"),
        ],
    )
    d["amt"] = d.hours * d.rate
    nothr(d.hours, 4, 1)
    nothr(d.amt, 350)
    notes = d.notes.fillna("").str.lower()
    c = [
        V("row_noun", "how many entries for Orbit Cycles?", cnt(d.client == "Orbit Cycles")),
        V(
            "row_noun",
            "which projects have I logged time on for Northwind Books",
            lst(d[d.client == "Northwind Books"].proj),
            True,
        ),
        V("status", "how many hours haven't been billed yet", num(d[d.billed == "No"].hours.sum())),
        V(
            "status",
            "unbilled amount for Fernleaf Dental",
            num(d[(d.billed == "No") & (d.client == "Fernleaf Dental")].amt.sum()),
        ),
        V(
            "status",
            "value of the work that's already been invoiced",
            num(d[d.billed == "Yes"].amt.sum()),
        ),
        V("dates", "hours worked in March", num(d[month(d.date) == "2024-03"].hours.sum())),
        V(
            "dates",
            "hours from 1 to 15 April",
            num(d[between(d.date, D(2024, 4, 1), D(2024, 4, 15))].hours.sum()),
        ),
        V("dates", "how many hours on Feb 14th", num(d[d.date == D(2024, 2, 14)].hours.sum())),
        V(
            "dates",
            "value of time logged in Q2 (hours x rate)",
            num(d[between(d.date, D(2024, 4, 1), D(2024, 6, 30))].amt.sum()),
        ),
        V("quantities", "sessions longer than 4 hours", cnt(d.hours > 4)),
        V("quantities", "entries worth more than £350", cnt(d.amt > 350)),
        V("quantities", "entries under an hour", cnt(d.hours < 1)),
        V(
            "superlative",
            "which client have I spent the most hours on",
            argmax(d.groupby("client").hours.sum()),
        ),
        V(
            "superlative",
            "which client pays the best hourly rate",
            argmax(d.groupby("client").rate.max()),
        ),
        V(
            "superlative",
            "top 3 projects by total value (hours x rate)",
            topn(d.groupby("proj").amt.sum(), 3),
        ),
        V(
            "superlative",
            "longest single session — what project was it",
            d.loc[argmax(d.hours), "proj"],
        ),
        V(
            "two_keys",
            "hours by client and billed status",
            nested(d, "client", "billed", "hours", "sum"),
        ),
        V("x_by_y", "hours per client", gdict(d.groupby("client").hours.sum())),
        V("x_by_y", "entries per project", gdict(d.groupby("proj").size())),
        V(
            "x_by_y",
            "value of work by month (hours times rate)",
            gdict(d.groupby(month(d.date)).amt.sum()),
        ),
        V("derived", "total value of all the time logged, at each client's rate", num(d.amt.sum())),
        V("text_match", "how many entries mention revisions", cnt(notes.str.contains("revision"))),
        V(
            "text_match",
            "how many hours went on calls",
            num(d[notes.str.contains("call")].hours.sum()),
        ),
        V("plain", "total hours logged", num(d.hours.sum())),
        V("plain", "average session length", num(d.hours.mean())),
        V(
            "plain",
            "how many hours did I do for Blue Heron Yoga in January",
            num(d[(d.client == "Blue Heron Yoga") & (month(d.date) == "2024-01")].hours.sum()),
        ),
        Q("plain", "how much have I earned so far"),
        Q("plain", "what's the total for Acme Bakery"),
        Q("superlative", "which client is my best one?"),
        R("plain", "how much did I spend on software subscriptions"),
        R("dates", "when is the Orbit Cycles invoice due"),
    ]
    return c


# ----------------------------------------------------------------------------
# 7. hospital ward admissions, one column per month
# ----------------------------------------------------------------------------
WARD_NAMES = [
    "Ash",
    "Beech",
    "Cedar",
    "Hazel",
    "Oak",
    "Rowan",
    "Willow",
    "Elm",
    "Maple",
    "Birch",
    "Holly",
    "Juniper",
    "Larch",
    "Linden",
    "Poplar",
    "Yew",
    "Alder",
    "Aspen",
    "Cherry",
    "Chestnut",
    "Cypress",
    "Fir",
    "Hawthorn",
    "Hornbeam",
    "Laurel",
    "Magnolia",
    "Myrtle",
    "Olive",
    "Pine",
    "Plane",
    "Sycamore",
    "Walnut",
    "Wren",
    "Robin",
    "Kestrel",
    "Heron",
    "Lark",
    "Swift",
    "Finch",
    "Osprey",
    "Puffin",
    "Curlew",
    "Dunlin",
    "Merlin",
    "Plover",
    "Sparrow",
    "Starling",
    "Thrush",
]
SPECS = ["Cardiology", "Orthopaedics", "General Medicine", "Paediatrics", "Maternity", "Surgery"]
SEASON = {
    "General Medicine": [1.3, 1.25, 1.1, 1, 0.95, 0.9, 0.9, 0.9, 0.95, 1.05, 1.15, 1.3],
    "Cardiology": [1.15, 1.1, 1.05, 1, 1, 0.95, 0.9, 0.9, 0.95, 1, 1.05, 1.15],
    "Paediatrics": [1.25, 1.2, 1.05, 0.95, 0.9, 0.85, 0.8, 0.8, 1, 1.1, 1.2, 1.3],
    "Orthopaedics": [1.1, 1.05, 1, 1, 1, 1, 1.05, 1.05, 1, 1, 1, 1.1],
    "Maternity": [1] * 12,
    "Surgery": [0.95, 1, 1.05, 1, 1.05, 1, 0.9, 0.85, 1.05, 1.05, 1.05, 0.9],
}


def book_wards(rng, path):
    names = WARD_NAMES[:]
    rng.shuffle(names)
    sites = ["North"] * 16 + ["General"] * 18 + ["St Mary's"] * 14
    rows = []
    pos = 0
    for site in ["North", "General", "St Mary's"]:
        k = sites.count(site)
        specs = SPECS + [rng.choice(SPECS) for _ in range(k - 6)]
        rng.shuffle(specs)
        for s in specs:
            base = rng.randint(15, 160)
            vals = [int(round(base * SEASON[s][m] * rng.uniform(0.85, 1.15))) for m in range(12)]
            rows.append([f"{names[pos]} Ward", site, s] + vals)
            pos += 1
    rows[7][0], rows[7][3 + 4] = "Hazel Ward", None  # blank May for Hazel
    rows[30][3 + 9] = None
    # keep ward names unique after forcing Hazel
    seen = set()
    for r in rows:
        if r[0] in seen or (r is not rows[7] and r[0] == "Hazel Ward"):
            r[0] = "Heather Ward"
        seen.add(r[0])
    texts = [
        (i, j)
        for i, j in zip(rng.sample(range(48), 3), rng.sample(range(3, 15), 3))
        if rows[i][j] is not None
    ]
    total = {j: sum(r[j] for r in rows if r[j] is not None) for j in range(3, 15)}
    header = ["Ward", "Site", "Specialty"] + MONTHS
    wb = Workbook()
    ws = wb.active
    ws.title = "Admissions 2023"
    write_table(
        ws,
        header,
        rows,
        titles=["Riverside Hospitals NHS Trust", "Monthly admissions by ward – calendar year 2023"],
        text_cells=texts,
        total=total,
        widths=[16, 11, 18] + [7] * 12,
    )
    save_wb(wb, path)
    return "Admissions 2023"


def cases_wards(path, sheet):
    d = load_table(
        path,
        sheet,
        [("Ward", "ward", "str"), ("Site", "site", "str"), ("Specialty", "spec", "str")]
        + [(m, m, "num") for m in MONTHS],
    )
    assert d.ward.is_unique
    d = d.set_index("ward", drop=False)
    d["year"] = d[MONTHS].sum(axis=1)
    mt = d[MONTHS].sum()
    mt.index = [f"2023-{i:02d}" for i in range(1, 13)]
    nothr(d.Jan, 100)
    nothr(d.Feb, 30)
    nothr(d.year, 1500)
    sm = d[d.site == "St Mary's"][MONTHS].sum()
    sm.index = mt.index
    oak = d.loc["Oak Ward"]
    by_site_month = {}
    for s, g in d.groupby("site"):
        by_site_month[s] = {f"2023-{i + 1:02d}": num(g[m].sum()) for i, m in enumerate(MONTHS)}
    c = [
        V("month_column", "total admissions in March", num(d.Mar.sum())),
        V("month_column", "which month was busiest overall", argmax(mt)),
        V("superlative", "which ward had the most admissions in the year", argmax(d.year)),
        V(
            "month_column",
            "Q1 admissions by site",
            gdict(d.groupby("site")[["Jan", "Feb", "Mar"]].sum().sum(axis=1)),
        ),
        V(
            "month_column",
            "average monthly admissions on Hazel Ward",
            num(d.loc["Hazel Ward", MONTHS].astype(float).mean()),
        ),
        V("quantities", "how many wards had more than 100 admissions in January", cnt(d.Jan > 100)),
        V("plain", "total admissions for the whole year", num(d.year.sum())),
        V(
            "month_column",
            "percentage change in admissions from January to December",
            num((d.Dec.sum() - d.Jan.sum()) / d.Jan.sum()),
        ),
        V(
            "month_column",
            "admissions in the second half of the year",
            num(d[MONTHS[6:]].sum().sum()),
        ),
        V(
            "superlative",
            "which specialty admitted the most patients overall",
            argmax(d.groupby("spec").year.sum()),
        ),
        V(
            "two_keys",
            "admissions by site and specialty",
            nested(d.reset_index(drop=True), "site", "spec", "year", "sum"),
        ),
        V("two_keys", "monthly admissions by site", by_site_month),
        V("x_by_y", "annual admissions per site", gdict(d.groupby("site").year.sum())),
        V("x_by_y", "average January admissions by specialty", gdict(d.groupby("spec").Jan.mean())),
        V("superlative", "top 5 wards in December", topn(d.Dec, 5)),
        V("superlative", "quietest month at St Mary's", argmin(sm)),
        V(
            "superlative",
            "which ward saw the biggest jump from June to July",
            argmax(d.Jul - d.Jun),
        ),
        V("plain", "how many wards are listed", int(len(d))),
        V(
            "row_noun",
            "how many paediatric wards are at the North site",
            cnt((d.spec == "Paediatrics") & (d.site == "North")),
        ),
        V("row_noun", "list the maternity wards", lst(d[d.spec == "Maternity"].ward), True),
        V("quantities", "wards with over 1,500 admissions in the year", cnt(d.year > 1500)),
        V("quantities", "how many wards had fewer than thirty admissions in Feb", cnt(d.Feb < 30)),
        V(
            "derived",
            "what share of the year's admissions came in December?",
            num(d.Dec.sum() / d.year.sum()),
        ),
        V(
            "month_column",
            "Oak Ward admissions April to June",
            num(oak[["Apr", "May", "Jun"]].sum()),
        ),
        Q("plain", "average admissions per ward"),
        Q("month_column", "how many admissions over the winter?"),
        R("plain", "average length of stay on Cedar Ward"),
        R("month_column", "how many admissions were there in 2022"),
    ]
    return c


# ----------------------------------------------------------------------------
# 8. charity shop chain, one column per year (table starts in column B)
# ----------------------------------------------------------------------------
TOWNS = {
    "South West": [
        "Bath",
        "Bristol",
        "Exeter",
        "Truro",
        "Taunton",
        "Plymouth",
        "Salisbury",
        "Yeovil",
        "Barnstaple",
        "Frome",
    ],
    "South East": [
        "Brighton",
        "Canterbury",
        "Guildford",
        "Reading",
        "Maidstone",
        "Chichester",
        "Lewes",
        "Hastings",
        "Oxford",
        "Winchester",
    ],
    "Midlands": [
        "Derby",
        "Leicester",
        "Worcester",
        "Stafford",
        "Lincoln",
        "Hereford",
        "Ludlow",
        "Nottingham",
        "Coventry",
        "Shrewsbury",
    ],
    "North West": [
        "Chester",
        "Lancaster",
        "Kendal",
        "Preston",
        "Bolton",
        "Wigan",
        "Southport",
        "Stockport",
        "Carlisle",
        "Crewe",
    ],
    "Yorkshire": [
        "Leeds",
        "York",
        "Harrogate",
        "Whitby",
        "Skipton",
        "Halifax",
        "Ripon",
        "Beverley",
        "Doncaster",
        "Sheffield",
    ],
}
AREA_MGRS = {
    "South West": ["Karen Doyle", "Mark Ellis"],
    "South East": ["Nadia Hussain", "Peter Crane", "Karen Doyle"],
    "Midlands": ["Owen Price", "Fiona Grant"],
    "North West": ["Gary Hughes", "Ruth Mason"],
    "Yorkshire": ["Helen Shaw", "Ian Booth"],
}
YEARS = list(range(2017, 2024))


def book_shops(rng, path):
    rows = []
    for reg, towns in TOWNS.items():
        for t in towns:
            base = rng.randint(45, 150) * 1000
            g = rng.uniform(-0.02, 0.07)
            opened = rng.choices([2016, 2018, 2019], [80, 12, 8])[0]
            vals = []
            for y in YEARS:
                if y < opened:
                    vals.append(None)
                    continue
                v = base * (1 + g) ** (y - 2017)
                v *= {2020: rng.uniform(0.55, 0.72), 2021: rng.uniform(0.82, 0.95)}.get(y, 1)
                vals.append(int(round(v * rng.uniform(0.94, 1.06))))
            rows.append([t, reg, rng.choice(AREA_MGRS[reg])] + vals)
    texts = [
        (i, j)
        for i, j in zip(rng.sample(range(50), 3), rng.sample(range(3, 10), 3))
        if rows[i][j] is not None
    ]
    total = {j: sum(r[j] for r in rows if r[j] is not None) for j in range(3, 10)}
    header = ["Shop", "Region", "Area Manager"] + YEARS
    wb = Workbook()
    ws = wb.active
    ws.title = "Sales by Shop"
    write_table(
        ws,
        header,
        rows,
        col0=2,
        titles=["Hope & Thread Charity Shops – annual sales (£)", "Calendar years, figures in GBP"],
        text_cells=texts,
        total=total,
        fmts={j: "#,##0" for j in range(3, 10)},
        widths=[14, 12, 15] + [10] * 7,
    )
    save_wb(wb, path)
    return "Sales by Shop"


def cases_shops(path, sheet):
    ys = [str(y) for y in YEARS]
    d = load_table(
        path,
        sheet,
        [("Shop", "shop", "str"), ("Region", "region", "str"), ("Area Manager", "mgr", "str")]
        + [(y, y, "num") for y in ys],
    )
    d = d.set_index("shop", drop=False)
    yt = d[ys].sum()
    yt.index = YEARS
    nothr(d["2023"], 100000)
    nothr(d["2017"], 50000, 75000)
    nothr(yt, 5_000_000)
    top_years = [int(y) for y in yt[yt > 5_000_000].index]
    if not (0 < len(top_years) < 7):
        raise Redraw("5m threshold not informative")
    if d["2019"].isna().any():
        raise Redraw("a shop opened after 2019")
    c = [
        V("wide_years", "total sales in 2020", num(d["2020"].sum())),
        V("wide_years", "which year had the highest total sales", int(argmax(yt))),
        V(
            "wide_years",
            "growth in chain-wide sales from 2019 to 2023",
            num((yt[2023] - yt[2019]) / yt[2019]),
        ),
        V(
            "wide_years",
            "how many shops sold less in 2023 than in 2019",
            cnt(d["2023"] < d["2019"]),
        ),
        V("superlative", "top 3 shops in 2023", topn(d["2023"], 3)),
        V("x_by_y", "sales by region in 2022", gdict(d.groupby("region")["2022"].sum())),
        V("plain", "average 2021 sales per shop", num(d["2021"].mean())),
        V("superlative", "which shop had the lowest sales in 2018", argmin(d["2018"])),
        V("quantities", "how many shops made more than £100k in 2023", cnt(d["2023"] > 100000)),
        V(
            "quantities",
            "shops that took between £50,000 and £75,000 in 2017",
            cnt(between(d["2017"], 50000, 75000)),
        ),
        V(
            "wide_years",
            "total sales for the Bristol shop across all years",
            num(d.loc["Bristol", ys].astype(float).sum()),
        ),
        V(
            "superlative",
            "which region had the biggest total sales in 2019",
            argmax(d.groupby("region")["2019"].sum()),
        ),
        V(
            "wide_years",
            "in which year did Leeds have its best sales",
            int(argmax(d.loc["Leeds", ys].astype(float))),
        ),
        V(
            "two_keys",
            "sales by region and year",
            {key(r): {y: num(g[y].sum()) for y in ys} for r, g in d.groupby("region")},
        ),
        V("row_noun", "how many shops does Karen Doyle look after", cnt(d.mgr == "Karen Doyle")),
        V(
            "row_noun",
            "list the shops in the South West region",
            lst(d[d.region == "South West"].shop),
            True,
        ),
        V(
            "wide_years",
            "which shops have no sales recorded for 2017",
            lst(d[d["2017"].isna()].shop),
            True,
        ),
        V(
            "wide_years",
            "average annual sales for the York shop",
            num(d.loc["York", ys].astype(float).mean()),
        ),
        V(
            "wide_years",
            "by what percentage did total sales change from 2019 to 2020?",
            num((yt[2020] - yt[2019]) / yt[2019]),
        ),
        V("superlative", "which shop was number one in 2020", argmax(d["2020"])),
        V("x_by_y", "2023 takings per area manager", gdict(d.groupby("mgr")["2023"].sum())),
        V("plain", "sum of all sales 2017-2023", num(d[ys].sum().sum())),
        V(
            "quantities",
            "in which years did total sales across all shops top £5 million?",
            top_years,
            True,
        ),
        V(
            "plain",
            "avg 2023 sales per shop in Yorkshire",
            num(d[d.region == "Yorkshire"]["2023"].mean()),
        ),
        Q("superlative", "which shop grew the most from 2017 to 2023?"),
        Q("plain", "average sales for the North West region"),
        R("plain", "how many volunteers work at the Bath shop"),
        R("wide_years", "what were sales in 2016"),
    ]
    return c


# ----------------------------------------------------------------------------
# 9. wedding guest list (no dates)
# ----------------------------------------------------------------------------
MEALS = ["Beef", "Salmon", "Vegetarian", "Vegan", "Child's menu"]
GNOTES = [
    "nut allergy",
    "tree nut allergy",
    "gluten free",
    "coeliac",
    "lactose intolerant",
    "shellfish allergy",
    "wheelchair access needed",
    "bringing baby – high chair please",
    "sit near the dance floor!",
    "no pork",
]


def book_wedding(rng, path):
    sizes = [6] + [rng.choice([7, 8, 8, 10, 10, 11]) for _ in range(15)]
    n = sum(sizes)
    guests = people(rng, n)
    tables = [t + 1 for t, s in enumerate(sizes) for _ in range(s)]
    rows = []
    for g, t in zip(guests, tables):
        side = "Bride" if rng.random() < 0.52 else "Groom"
        r = rng.random()
        rsvp = "Yes" if r < 0.70 else "No" if r < 0.82 else "Pending"
        meal = rng.choices(MEALS, [40, 30, 18, 5, 7])[0] if rsvp == "Yes" else None
        plus = "Yes" if rng.random() < 0.18 else "No"
        note = rng.choice(GNOTES) if rng.random() < 0.25 else None
        rows.append([g, side, t, rsvp, meal, plus, note])
    order = sorted(range(n), key=lambda i: (rows[i][1], rows[i][0].split()[-1]))
    rows = [rows[i] for i in order]
    texts = [(i, 2) for i in rng.sample(range(n), 3)]
    header = ["Guest", "Side", "Table", "RSVP", "Meal Choice", "Plus-one", "Allergies / Notes"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Guest List"
    write_table(
        ws,
        header,
        rows,
        titles=["Emma & Josh – Wedding Guest List", "Venue: Larchfield Barn"],
        text_cells=texts,
        widths=[20, 7, 6, 9, 13, 9, 32],
    )
    save_wb(wb, path)
    return "Guest List"


def cases_wedding(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Guest", "guest", "str"),
            ("Side", "side", "str"),
            ("Table", "table", "num"),
            ("RSVP", "rsvp", "str"),
            ("Meal Choice", "meal", "str"),
            ("Plus-one", "plus", "str"),
            ("Allergies / Notes", "notes", "str"),
        ],
    )
    d["table"] = d.table.astype(int)
    per_table = d.groupby("table").size()
    nothr(per_table, 9)
    notes = d.notes.fillna("").str.lower()
    yes = d[d.rsvp == "Yes"]
    c = [
        V("row_noun", "how many guests are on the bride's side", cnt(d.side == "Bride")),
        V("row_noun", "who's sitting at table 4?", lst(d[d.table == 4].guest), True),
        V("status", "how many guests have said yes", cnt(d.rsvp == "Yes")),
        V(
            "status",
            "pending RSVPs on the groom's side",
            cnt((d.rsvp == "Pending") & (d.side == "Groom")),
        ),
        V("status", "how many people declined", cnt(d.rsvp == "No")),
        V(
            "status",
            "list the guests bringing a plus-one who haven't replied yet",
            lst(d[(d.plus == "Yes") & (d.rsvp == "Pending")].guest),
            True,
        ),
        V(
            "status",
            "confirmed guests without a plus one",
            cnt((d.rsvp == "Yes") & (d.plus == "No")),
        ),
        V("quantities", "how many tables have more than nine guests", cnt(per_table > 9)),
        V(
            "superlative",
            "which table has the most confirmed guests",
            int(argmax(yes.groupby("table").size())),
        ),
        V("superlative", "most popular meal choice", argmax(d.groupby("meal").size())),
        V("superlative", "which table has the fewest people", int(argmin(per_table))),
        V("x_by_y", "meal choices for confirmed guests", gdict(yes.groupby("meal").size())),
        V("x_by_y", "guests per table", gdict(per_table)),
        V("two_keys", "RSVP status by side", nested(d, "side", "rsvp")),
        V("two_keys", "meal choices by side", nested(yes, "side", "meal")),
        V(
            "text_match",
            "who has a nut allergy?",
            lst(d[notes.str.contains("nut allergy")].guest),
            True,
        ),
        V(
            "text_match",
            "how many guests are gluten free or coeliac",
            cnt(notes.str.contains("gluten") | notes.str.contains("coeliac")),
        ),
        V(
            "derived",
            "total headcount including plus-ones for guests who've said yes",
            cnt(d.rsvp == "Yes") + cnt((d.rsvp == "Yes") & (d.plus == "Yes")),
        ),
        V(
            "derived",
            "what percentage of invites have been accepted",
            num((d.rsvp == "Yes").mean()),
        ),
        V("plain", "how many vegetarian meals do we need", cnt(d.meal == "Vegetarian")),
        V("plain", "how many tables are there", int(d.table.nunique())),
        V(
            "plain",
            "how many on the groom's side said no",
            cnt((d.side == "Groom") & (d.rsvp == "No")),
        ),
        V("plain", "number of kids meals", cnt(d.meal == "Child's menu")),
        Q("plain", "how many people are coming?"),
        Q("plain", "how many meals do we need in total"),
        R("plain", "what's the average age of the guests"),
        R("status", "which guests have booked a room at the hotel"),
    ]
    return c


# ----------------------------------------------------------------------------
# 10. electricity meter readings (blank kWh, text amounts, Total row)
# ----------------------------------------------------------------------------
TARIFFS = {"Standard": 0.34, "Economy 7": 0.28, "Green Saver": 0.37, "Fixed 24": 0.31}
REGIONS = ["Leinster", "Munster", "Connacht", "Ulster"]


def book_meters(rng, path):
    rows = []
    q_dates = [
        dt.date(2023, 3, 28),
        dt.date(2023, 6, 28),
        dt.date(2023, 9, 27),
        dt.date(2023, 12, 18),
    ]
    seas = [1.3, 0.8, 0.7, 1.2]
    for a in range(45):
        acct = f"ACC-{1001 + a}"
        tariff = rng.choices(list(TARIFFS), [40, 25, 20, 15])[0]
        region = rng.choices(REGIONS, [40, 28, 18, 14])[0]
        ddeb = "Yes" if rng.random() < 0.7 else "No"
        base = rng.randint(350, 2300)
        first = 0 if rng.random() < 0.8 else 1
        for q in range(first, 4):
            d = q_dates[q] + dt.timedelta(days=rng.randint(-12, 12))
            kwh = int(round(base * seas[q] * rng.uniform(0.85, 1.15)))
            amt = round(kwh * TARIFFS[tariff] + 45, 2)
            rows.append([acct, tariff, d, kwh, amt, ddeb, region])
    rows.sort(key=lambda r: (r[2], r[0]))
    for i in rng.sample(range(len(rows)), 4):
        rows[i][3] = None
    texts = [(i, 4) for i in rng.sample(range(len(rows)), 3)]
    total = {3: sum(r[3] for r in rows if r[3] is not None), 4: round(sum(r[4] for r in rows), 2)}
    header = [
        "Account",
        "Tariff",
        "Reading Date",
        "kWh Used",
        "Amount Billed (€)",
        "Direct Debit",
        "Region",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Readings"
    write_table(
        ws,
        header,
        rows,
        titles=["Volta Energy – Meter Readings 2023", "Residential accounts"],
        text_cells=texts,
        total=total,
        fmts={2: "dd/mm/yyyy", 3: "#,##0", 4: "€#,##0.00"},
        widths=[11, 12, 13, 10, 18, 12, 10],
    )
    save_wb(wb, path)
    return "Readings"


def cases_meters(path, sheet):
    d = load_table(
        path,
        sheet,
        [
            ("Account", "acct", "str"),
            ("Tariff", "tariff", "str"),
            ("Reading Date", "date", "date"),
            ("kWh Used", "kwh", "num"),
            ("Amount Billed (€)", "amt", "num"),
            ("Direct Debit", "dd", "str"),
            ("Region", "region", "str"),
        ],
    )
    d["unit"] = d.amt / d.kwh
    nothr(d.amt, 500, 200)
    nothr(d.kwh, 1000, 2000)
    nothr(d.unit, 0.40)
    c = [
        V("row_noun", "how many readings are there for ACC-1023", cnt(d.acct == "ACC-1023")),
        V(
            "row_noun",
            "how many accounts are on the Green Saver tariff",
            int(d[d.tariff == "Green Saver"].acct.nunique()),
        ),
        V("row_noun", "list the accounts in Connacht", lst(d[d.region == "Connacht"].acct), True),
        V(
            "status",
            "how many customers don't pay by direct debit",
            int(d[d.dd == "No"].acct.nunique()),
        ),
        V("status", "total billed to direct debit customers", num(d[d.dd == "Yes"].amt.sum())),
        V(
            "dates",
            "kWh used in readings taken in Q3",
            num(d[between(d.date, D(2023, 7, 1), D(2023, 9, 30))].kwh.sum()),
        ),
        V("dates", "how many readings were taken in June", cnt(month(d.date) == "2023-06")),
        V(
            "dates",
            "amount billed from October to December",
            num(d[between(d.date, D(2023, 10, 1), D(2023, 12, 31))].amt.sum()),
        ),
        V("dates", "readings since 1 November", cnt(d.date >= D(2023, 11, 1))),
        V("quantities", "bills over €500", cnt(d.amt > 500)),
        V("quantities", "readings between 1,000 and 2,000 kWh", cnt(between(d.kwh, 1000, 2000))),
        V("quantities", "how many bills came in under €200", cnt(d.amt < 200)),
        V(
            "superlative",
            "which account used the most electricity in total",
            argmax(d.groupby("acct").kwh.sum()),
        ),
        V("superlative", "top 3 regions by amount billed", topn(d.groupby("region").amt.sum(), 3)),
        V(
            "superlative",
            "whcih tariff has the highest average bill",
            argmax(d.groupby("tariff").amt.mean()),
        ),
        V("superlative", "smallest bill - which account?", d.loc[argmin(d.amt), "acct"]),
        V("two_keys", "kWh by tariff and direct debit", nested(d, "tariff", "dd", "kwh", "sum")),
        V("two_keys", "readings by region and direct debit", nested(d, "region", "dd")),
        V("x_by_y", "average kWh per tariff", gdict(d.groupby("tariff").kwh.mean())),
        V("x_by_y", "billing by region", gdict(d.groupby("region").amt.sum())),
        V("x_by_y", "readings per month", gdict(d.groupby(month(d.date)).size())),
        V(
            "derived",
            "which account paid the most per kWh on a single bill",
            d.loc[argmax(d.unit), "acct"],
        ),
        V("derived", "bills where the cost per unit was over 40 cent", cnt(d.unit > 0.40)),
        V("plain", "total kWh used across all readings", num(d.kwh.sum())),
        V("plain", "average bill in Munster", num(d[d.region == "Munster"].amt.mean())),
        V("plain", "highest single reading in kWh", num(d.kwh.max())),
        Q("plain", "what's the total for Leinster?"),
        Q("plain", "average usage per customer"),
        R("plain", "how many smart meters have been installed"),
        R("status", "which customers are in arrears"),
    ]
    return c


# ----------------------------------------------------------------------------
BOOK_SPECS = [
    ("bug_tracker.xlsx", book_bugs, cases_bugs, 9100),
    ("car_rentals.xlsx", book_cars, cases_cars, 9200),
    ("field_trip_payments.xlsx", book_trips, cases_trips, 9300),
    ("coffee_wholesale.xlsx", book_coffee, cases_coffee, 9400),
    ("pothole_reports.xlsx", book_potholes, cases_potholes, 9500),
    ("designer_time_log.xlsx", book_time, cases_time, 9600),
    ("ward_admissions.xlsx", book_wards, cases_wards, 9700),
    ("charity_shop_sales.xlsx", book_shops, cases_shops, 9800),
    ("wedding_guests.xlsx", book_wedding, cases_wedding, 9900),
    ("meter_readings.xlsx", book_meters, cases_meters, 10000),
]


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    out = []
    for fname, make, cases, seed in BOOK_SPECS:
        path = BOOKS / fname
        for s in range(seed, seed + 500):
            sheet = make(random.Random(s), path)
            try:
                cs = cases(path, sheet)
                break
            except Redraw:
                continue
        else:
            raise SystemExit(f"no usable seed for {fname}")
        for cse in cs:
            out.append((fname, sheet, cse))
    cmds = [c["command"].lower() for _, _, c in out]
    assert len(cmds) == len(set(cmds)), "duplicate command"
    with open(OUT / "cases.jsonl", "w", encoding="utf-8") as f:
        for i, (fname, sheet, c) in enumerate(out, 1):
            rec = {
                "id": f"{SPLIT}-{i:03d}",
                "book": fname,
                "sheet": sheet,
                "command": c["command"],
                "class": c["cls"],
                "split": SPLIT,
                "kind": c["kind"],
                "expected": c["expected"],
            }
            if c.get("unordered"):
                rec["unordered"] = True
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
