"""Everyday spreadsheet questions, dev split 4 ("dev4-" ids).

Written by a helper session that saw neither nlsheet's training data nor its
rules (nor its code): the workbooks and the commands below are invented from
scratch, the way office users would keep and query such tables. One command
("which customer spent the most") was found word for word in nlsheet's
training data and was lengthened with "in total" afterwards.

What this script does (deterministically: seeded random.Random, fixed dates,
no clock, fixed zip timestamps and document properties, so reruns give
byte-identical files):

1. Writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each:
     school_bus_trips.xlsx      school bus routes / trip log (table starts in col B)
     dental_treatments.xlsx     dental practice treatments and payments
     bug_tracker_export.xlsx    software team bug tracker
     farm_harvest_yields.xlsx   farm harvest yields per field and crop (Total row)
     wine_shop_ledger.xlsx      wine shop sales (Total row, numbers as text)
     cycling_race_results.xlsx  cycling club race results
     maintenance_work_orders.xlsx  property maintenance work orders
     district_water_use.xlsx    WIDE: monthly water usage per district (Jan..Dec)
     exports_by_category.xlsx   WIDE: exports per product category, 2017..2024 (col B)
     foodbank_volunteers.xlsx   food bank volunteer hours log
   Mess spread across the books: title rows above the header, blank rows,
   Total rows under the data, tables starting in column B, numbers stored as
   text, blank cells, yes/no columns, status columns, free-text notes, real
   date cells, currency/units in headers, names repeating across rows.

2. Reads every workbook back with its own small loader (finds the header row,
   skips title rows, blank rows and Total rows, converts text numbers) and
   COMPUTES every expected answer from those rows with pandas.  No answer is
   typed by hand.  If a generated data set would make a command ambiguous
   (a tie in a superlative / top-N, a value sitting exactly on a threshold
   used in a command, a missing cell in a two-key grid, or two readings of a
   "clarify" command that happen to coincide) the book is re-drawn with the
   next seed.

3. Writes ``cases.jsonl``: one JSON object per line with keys
   id, book, sheet, command, class, split, kind, expected[, unordered].

Conventions for ``expected``
  * kind "value": numbers are plain JSON numbers (counts are ints; floats
    rounded to 6 decimals); a single name is a string; lists of names are
    lists ("unordered": true when order does not matter; ranked lists keep
    rank order); "X by Y" is {group: number}; two keys are
    {k1: {k2: number}} (only groups present in the data; the generator
    guarantees every combination is present); months are "YYYY-MM", quarters
    inside a single-year table are "Q1".."Q4", single dates "YYYY-MM-DD",
    years ints; in the wide month table a month answer is its column header
    ("Jul"); percentages and shares are fractions between 0 and 1.
  * A bare noun phrase ("late trips") is a count of rows.  "between A and B"
    is inclusive, "since D" includes D, "before"/"after" exclude.  Blank cells
    are ignored by averages.  Superlatives and top-N lists never tie and no
    value sits on a threshold used in a command (checked in code).
  * kind "clarify": expected null -- the command is genuinely ambiguous for
    that table (two reasonable readings, checked to give different answers).
  * kind "refuse": expected null -- no column of the table can answer it.
  * "book" is the workbook file name inside books/.
"""

import datetime as dt
import io
import json
import math
import os
import random
import re
import zipfile

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
BOOKS_DIR = os.path.join(HERE, "books")
SPLIT = "dev"
PREFIX = "dev4-"
FIXED_TS = dt.datetime(2025, 1, 15, 9, 0, 0)
ZIP_TS = (2025, 1, 15, 9, 0, 0)
CLASSES = {
    "row_noun",
    "status",
    "dates",
    "quantities",
    "superlative",
    "two_keys",
    "x_by_y",
    "text_match",
    "derived",
    "wide_years",
    "month_column",
    "plain",
}


# --------------------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------------------
class Redraw(Exception):
    """The drawn data would make some command ambiguous: draw again with the next seed."""


def J(x):
    """Convert pandas/numpy values into plain JSON values."""
    if isinstance(x, dict):
        return {str(k): J(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [J(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        v = float(x)
        if math.isnan(v):
            raise ValueError("NaN in expected answer")
        v = round(v, 6)
        return int(v) if v.is_integer() else v
    if isinstance(x, (pd.Timestamp, dt.datetime)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, dt.date):
        return x.isoformat()
    return x


def cnt(mask):
    return int(mask.sum())


def nz(x):
    """Require a non-empty / non-zero answer (otherwise redraw)."""
    if isinstance(x, (list, dict)) and not x:
        raise Redraw("empty answer")
    if isinstance(x, (int, float, np.integer, np.floating)) and x == 0:
        raise Redraw("zero answer")
    return x


def _count_eq(s, m):
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return int((abs(s.astype(float) - float(m)) < 1e-9).sum())
    return int((s == m).sum())


def umax(s):
    s = s.dropna()
    m = s.max()
    if _count_eq(s, m) != 1:
        raise Redraw("tie for max")
    return s.idxmax()


def umin(s):
    s = s.dropna()
    m = s.min()
    if _count_eq(s, m) != 1:
        raise Redraw("tie for min")
    return s.idxmin()


def topn(s, n, ascending=False):
    s = s.dropna().sort_values(ascending=ascending)
    vals = [round(float(v), 9) for v in s.values[: n + 1]]
    if len(set(vals)) != len(vals) or len(s) < n:
        raise Redraw("tie in top-n")
    return list(s.index[:n])


def nothr(s, *thr):
    s = pd.to_numeric(pd.Series(s), errors="coerce").dropna()
    for t in thr:
        if bool((abs(s - t) < 1e-9).any()):
            raise Redraw(f"value on threshold {t}")


def grid(values, k1, k2, how):
    """{k1: {k2: agg}}; every combination of k1 x k2 must be present."""
    if how == "count":
        s = pd.Series(1, index=k1.index).groupby([k1, k2]).sum()
    else:
        s = values.groupby([k1, k2]).agg(how)
    u1, u2 = k1.dropna().unique(), k2.dropna().unique()
    if len(s) != len(u1) * len(u2):
        raise Redraw("incomplete grid")
    out = {}
    for (a, b), v in s.items():
        out.setdefault(str(a), {})[str(b)] = v
    return out


def uniq(s):
    return sorted(
        set(x for x in s if x is not None and not (isinstance(x, float) and math.isnan(x)))
    )


def lower_text(s):
    return s.fillna("").astype(str).str.lower()


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.rows = book, sheet, []

    def _add(self, cls, kind, cmd, expected, unordered=False):
        assert cls in CLASSES, cls
        rec = {
            "book": self.book,
            "sheet": self.sheet,
            "command": cmd,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": expected,
        }
        if unordered:
            rec["unordered"] = True
        self.rows.append(rec)

    def v(self, cls, cmd, expected, unordered=False):
        e = J(expected)
        if e is None or (isinstance(e, (list, dict)) and not e):
            raise Redraw(f"empty expected for {cmd!r}")
        if unordered:
            e = sorted(e)
        self._add(cls, "value", cmd, e, unordered)

    def clarify(self, cls, cmd, a, b):
        if J(a) == J(b):
            raise Redraw(f"clarify readings coincide: {cmd!r}")
        self._add(cls, "clarify", cmd, None)

    def refuse(self, cls, cmd):
        self._add(cls, "refuse", cmd, None)


FIRST = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Oliver",
    "Sophia",
    "Elijah",
    "Isabella",
    "James",
    "Mia",
    "Lucas",
    "Amelia",
    "Mason",
    "Harper",
    "Ethan",
    "Evelyn",
    "Aiden",
    "Abigail",
    "Jack",
    "Chloe",
    "Leo",
    "Grace",
    "Henry",
    "Zoe",
    "Samuel",
    "Lily",
    "Daniel",
    "Hannah",
    "Owen",
    "Nora",
    "Ryan",
    "Ella",
    "Adam",
    "Freya",
    "Isaac",
    "Ruby",
    "Arjun",
    "Fatima",
    "Yusuf",
    "Mei",
    "Kenji",
    "Sofia",
    "Mateo",
    "Aoife",
    "Declan",
    "Priya",
    "Tariq",
    "Ingrid",
    "Pablo",
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
    "Wright",
    "Robinson",
    "Walker",
    "Thompson",
    "Evans",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Clarke",
    "Lewis",
    "Martin",
    "Jackson",
    "Khan",
    "Murphy",
    "O'Brien",
    "Kowalski",
    "Nguyen",
    "Schmidt",
    "Rossi",
    "Fernandez",
    "Byrne",
    "Chen",
    "Singh",
    "Moreau",
    "Novak",
    "Hassan",
    "Baker",
    "Foster",
]


def people(rng, n, exclude=()):
    seen, out = set(exclude), []
    while len(out) < n:
        nm = rng.choice(FIRST) + " " + rng.choice(LAST)
        if nm not in seen:
            seen.add(nm)
            out.append(nm)
    return out


def days_between(a, b):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


# ---- writing -------------------------------------------------------------------------
def new_wb(title):
    wb = openpyxl.Workbook()
    wb.active.title = title
    p = wb.properties
    p.creator = "Office User"
    p.lastModifiedBy = "Office User"
    p.created = FIXED_TS
    p.modified = FIXED_TS
    return wb


def write_table(
    ws, top, left, headers, rows, formats=None, blank_before=(), total=None, total_gap=False
):
    """Write a header + rows at (top, left).  None / "" cells stay blank."""
    formats = formats or {}
    for j, h in enumerate(headers):
        ws.cell(row=top, column=left + j, value=h).font = Font(bold=True)
    r = top + 1
    for i, row in enumerate(rows):
        if i in blank_before:
            r += 1
        for j, v in enumerate(row):
            if v is None or (isinstance(v, str) and v == ""):
                continue
            cell = ws.cell(row=r, column=left + j, value=v)
            fmt = formats.get(headers[j])
            if fmt and not isinstance(v, str):
                cell.number_format = fmt
        r += 1
    if total is not None:
        if total_gap:
            r += 1
        for j, v in enumerate(total):
            if v is None:
                continue
            cell = ws.cell(row=r, column=left + j, value=v)
            cell.font = Font(bold=True)
            fmt = formats.get(headers[j])
            if fmt and not isinstance(v, str):
                cell.number_format = fmt
    for j, h in enumerate(headers):
        col = openpyxl.utils.get_column_letter(left + j)
        ws.column_dimensions[col].width = max(9, min(40, len(str(h)) + 4))


def title(ws, ref, text, size=13):
    ws[ref] = text
    ws[ref].font = Font(bold=True, size=size)


def save(wb, path):
    """Save, then rewrite the zip with fixed timestamps so reruns are byte-identical."""
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    out = io.BytesIO()
    stamp = FIXED_TS.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(<)",
                    lambda m: m.group(1) + stamp + m.group(3),
                    data,
                )
            zi = zipfile.ZipInfo(name, date_time=ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


# ---- reading -------------------------------------------------------------------------
def load_table(path, sheet, first_header, numeric=(), dates=()):
    """Generic small loader: find the header row (the row holding `first_header`),
    read the contiguous header cells, skip blank rows and rows whose first cell
    starts with 'Total', convert numeric / date columns."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    grid_ = [list(r) for r in ws.iter_rows(values_only=True)]
    hi = c0 = None
    for i, row in enumerate(grid_):
        cells = [str(v).strip() if v is not None else "" for v in row]
        if first_header in cells:
            hi, c0 = i, cells.index(first_header)
            break
    if hi is None:
        raise ValueError(f"header not found in {path}")
    headers = []
    for v in grid_[hi][c0:]:
        if v is None or str(v).strip() == "":
            break
        headers.append(str(v).strip())
    recs = []
    for row in grid_[hi + 1 :]:
        vals = (list(row[c0 : c0 + len(headers)]) + [None] * len(headers))[: len(headers)]
        vals = [v.strip() if isinstance(v, str) else v for v in vals]
        vals = [None if v == "" else v for v in vals]
        if all(v is None for v in vals):
            continue
        if isinstance(vals[0], str) and vals[0].lower().startswith("total"):
            continue
        recs.append(vals)
    df = pd.DataFrame(recs, columns=headers)
    for c in numeric:
        df[c] = pd.to_numeric(
            df[c].map(lambda v: v.replace(",", "") if isinstance(v, str) else v), errors="coerce"
        )
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    return df


# ======================================================================================
# 1. School bus trip log
# ======================================================================================
BUS_FILE, BUS_SHEET = "school_bus_trips.xlsx", "Trip Log"
BUS_COLS = [
    "Trip Date",
    "Route",
    "Driver",
    "Bus No.",
    "Run",
    "Students",
    "Distance (km)",
    "Minutes Late",
    "On Time?",
    "Incident Notes",
]


def gen_bus(rng):
    routes = [
        ("Northside", 18.4, 32),
        ("Hillcrest", 24.7, 38),
        ("Lakeview", 31.2, 27),
        ("Meadowbrook", 14.9, 41),
        ("Old Town", 11.6, 22),
        ("Westfield", 27.3, 35),
    ]
    drivers = [
        ("Gary Hollis", "B-07"),
        ("Linda Marsh", "B-12"),
        ("Tom Okoro", "B-03"),
        ("Priya Nair", "B-15"),
        ("Dave Kellerman", "B-09"),
        ("Rosa Delgado", "B-21"),
        ("Ken Whitford", "B-18"),
    ]
    main = {r[0]: drivers[i] for i, r in enumerate(routes)}
    hol = set(days_between(dt.date(2024, 2, 19), dt.date(2024, 2, 23)))
    hol |= set(days_between(dt.date(2024, 3, 29), dt.date(2024, 4, 12)))
    hol |= set(days_between(dt.date(2024, 5, 27), dt.date(2024, 5, 31)))
    days = [
        d
        for d in days_between(dt.date(2024, 1, 8), dt.date(2024, 6, 28))
        if d.weekday() < 5 and d not in hol
    ]
    chosen = sorted(set(rng.sample(days, 72)) | {dt.date(2024, 2, 14), dt.date(2024, 5, 6)})
    late_notes = [
        "heavy traffic on the A40",
        "road works on Main St",
        "waited for a late student",
        "traffic jam at the ring road roundabout",
        "level crossing closed",
        "Flat tyre on the way back",
    ]
    winter_notes = ["icy roads, drove slowly", "snow on Hill Lane"]
    other_notes = [
        "student left bag on bus",
        "new student added to the route",
        "radio not working",
        "parent complaint about music",
        "seatbelt check done",
        "lost property handed in",
    ]
    rows = []
    for day in chosen:
        for _ in range(rng.choice([1, 2, 2, 3])):
            route, dist, stud = rng.choice(routes)
            run = rng.choice(["AM", "PM"])
            drv, bus = main[route] if rng.random() < 0.78 else rng.choice(drivers)
            if rng.random() < 0.05:
                bus = "B-30"
            students = max(6, round(rng.gauss(stud - (3 if run == "PM" else 0), 6)))
            if students == 40:
                students = 41
            if rng.random() < 0.04:
                students = None
            km = round(dist + rng.uniform(-1.2, 2.8), 1)
            if km in (15.0, 20.0, 25.0):
                km += 0.1
            p_late = 0.42 if day.month <= 2 else 0.28
            late = rng.randint(1, 24) if rng.random() < p_late else 0
            note = None
            if late and rng.random() < 0.7:
                pool = late_notes + (winter_notes if day.month <= 2 else [])
                note = rng.choice(pool)
            elif not late and rng.random() < 0.12:
                note = rng.choice(other_notes)
            if bus == "B-30":
                note = (note + "; " if note else "") + "spare bus B-30 used"
            rows.append(
                [day, route, drv, bus, run, students, km, late, "No" if late else "Yes", note]
            )
    b = rng.randrange(len(rows))
    rows[b][7], rows[b][8] = rng.randint(35, 55), "No"
    rows[b][9] = "bus broke down, waited for the spare"
    rows.sort(key=lambda r: (r[0], r[4], r[1]))
    return rows


def write_bus(rows, path):
    wb = new_wb(BUS_SHEET)
    ws = wb.active
    title(ws, "B1", "Riverside School District - Bus Trip Log")
    ws["B2"] = "Spring term 2024 (Jan-Jun), compiled by the Transport Office"
    blank = {i for i in range(1, len(rows)) if rows[i][0].month != rows[i - 1][0].month}
    write_table(
        ws, 4, 2, BUS_COLS, rows, {"Trip Date": "DD/MM/YYYY", "Distance (km)": "0.0"}, blank
    )
    save(wb, path)


def load_bus(path):
    return load_table(
        path,
        BUS_SHEET,
        "Trip Date",
        numeric=["Students", "Distance (km)", "Minutes Late"],
        dates=["Trip Date"],
    )


def cases_bus(d):
    c = Cases(BUS_FILE, BUS_SHEET)
    D, R, run, drv = d["Trip Date"], d["Route"], d["Run"], d["Driver"]
    st, km, ml, on = d["Students"], d["Distance (km)"], d["Minutes Late"], d["On Time?"]
    notes = lower_text(d["Incident Notes"])
    late = on.eq("No")
    assert ((ml > 0) == late).all()
    c.v("row_noun", "How many trips were run on the Hillcrest route?", nz(cnt(R.eq("Hillcrest"))))
    c.v("row_noun", "which drivers are in the log", uniq(drv), unordered=True)
    c.v("status", "how many runs weren't on time", nz(cnt(late)))
    c.v(
        "status",
        "on-time PM trips on Lakeview?",
        nz(cnt(R.eq("Lakeview") & run.eq("PM") & on.eq("Yes"))),
    )
    c.v("dates", "trips in march", nz(cnt(D.dt.month.eq(3))))
    c.v("dates", "How many students did we carry in Q1?", st[D.dt.quarter.eq(1)].sum())
    c.v("dates", "total km driven since May 6", km[pd.Timestamp("2024-05-06") <= D].sum())
    c.v("dates", "number of trips on 14 Feb", nz(cnt(D.eq(pd.Timestamp("2024-02-14")))))
    nothr(km, 25)
    c.v("quantities", "trips longer than 25 km", nz(cnt(km > 25)))
    nothr(km, 15, 20)
    c.v("quantities", "how many runs were between 15 and 20 km long", nz(cnt(km.between(15, 20))))
    nothr(st, 40)
    c.v("quantities", "runs with more than forty students on board", nz(cnt(st > 40)))
    c.v("superlative", "which driver was late most often?", umax(late.groupby(drv).sum()))
    c.v(
        "superlative",
        "whcih route has the highest average number of students?",
        umax(st.groupby(R).mean()),
    )
    c.v("superlative", "top 3 drivers by total distance", topn(km.groupby(drv).sum(), 3))
    c.v("superlative", "on which day did we have the longest delay", D[umax(ml)])
    c.v("two_keys", "students by route and run", grid(st, R, run, "sum"))
    c.v(
        "two_keys",
        "number of trips per route and month",
        grid(None, R, D.dt.strftime("%Y-%m"), "count"),
    )
    c.v("x_by_y", "km by route", km.groupby(R).sum().to_dict())
    c.v("x_by_y", "avg minutes late per driver", ml.groupby(drv).mean().to_dict())
    c.v("text_match", "how many trip notes mention traffic", nz(cnt(notes.str.contains("traffic"))))
    c.v(
        "text_match",
        "list the dates where a flat tyre was noted",
        uniq(D[notes.str.contains("flat tyre")].dt.strftime("%Y-%m-%d")),
        unordered=True,
    )
    c.v("derived", "on-time rate for each route", on.eq("Yes").groupby(R).mean().to_dict())
    c.v("derived", "what percentage of afternoon runs were late", late[run.eq("PM")].mean())
    c.v("plain", "average trip distance", km.mean())
    c.v(
        "plain",
        "could you tell me how many students bus B-12 carried in total?",
        nz(st[d["Bus No."].eq("B-12")].sum()),
    )
    c.v("plain", "whats the most students we had on a single PM run", st[run.eq("PM")].max())
    c.clarify(
        "plain",
        "what are the total delays for Northside",
        cnt(late & R.eq("Northside")),
        ml[R.eq("Northside")].sum(),
    )
    c.clarify(
        "x_by_y",
        "how busy was each route?",
        st.groupby(R).sum().to_dict(),
        R.value_counts().to_dict(),
    )
    c.refuse("plain", "average fuel cost per trip")
    c.refuse("superlative", "which student gets picked up most often")
    return c.rows


# ======================================================================================
# 2. Dental practice treatments & payments
# ======================================================================================
DEN_FILE, DEN_SHEET = "dental_treatments.xlsx", "Treatments 2023"
DEN_COLS = [
    "Invoice #",
    "Patient",
    "Visit Date",
    "Dentist",
    "Treatment",
    "Fee (£)",
    "Insurance Paid (£)",
    "Patient Paid (£)",
    "Payment Status",
    "Follow-up Needed",
    "Notes",
]
TREATMENTS = [
    ("Check-up", 45, 60, 30),
    ("Scale & polish", 65, 85, 18),
    ("Filling", 90, 180, 18),
    ("X-ray", 25, 40, 8),
    ("Extraction", 120, 250, 8),
    ("Root canal", 450, 900, 6),
    ("Crown", 650, 1100, 6),
    ("Whitening", 250, 400, 6),
]


def gen_dental(rng):
    patients = people(rng, 46)
    insured = {p: rng.random() < 0.6 for p in patients}
    pw = [rng.uniform(0.4, 3.0) for _ in patients]
    dentists, dw = ["Dr Patel", "Dr Okafor", "Dr Lindqvist", "Dr Murray"], [35, 30, 20, 15]
    days = [d for d in days_between(dt.date(2023, 1, 3), dt.date(2023, 12, 20)) if d.weekday() < 5]
    notes_pool = [
        "patient anxious, needed extra time",
        "sensitivity on lower left molar",
        "referred to hygienist",
        "requested evening appointment",
        "paid by card at desk",
        "mild sensitivity after whitening",
        "very anxious - consider sedation next time",
        "insurance form sent",
        "bring x-rays to next visit",
    ]
    rows = []
    for _ in range(132):
        p = rng.choices(patients, pw)[0]
        day = rng.choice(days)
        t = rng.choices(TREATMENTS, [x[3] for x in TREATMENTS])[0]
        fee = round(rng.uniform(t[1], t[2]) / 5) * 5
        if fee in (50, 100, 300, 500):
            fee += 5
        ins = round(fee * rng.uniform(0.4, 0.8), 2) if insured[p] and t[0] != "Whitening" else None
        if day < dt.date(2023, 10, 1):
            status = rng.choices(["Paid", "Overdue", "Pending"], [80, 12, 8])[0]
        else:
            status = rng.choices(["Paid", "Pending"], [60, 40])[0]
        paid = round(fee - (ins or 0), 2) if status == "Paid" else 0.0
        follow = (
            "Yes"
            if rng.random() < (0.7 if t[0] in ("Root canal", "Crown", "Extraction") else 0.15)
            else "No"
        )
        note = rng.choice(notes_pool) if rng.random() < 0.35 else None
        if status == "Overdue" and rng.random() < 0.6:
            note = (note + "; " if note else "") + "reminder sent"
        rows.append(
            [None, p, day, rng.choices(dentists, dw)[0], t[0], fee, ins, paid, status, follow, note]
        )
    rows.sort(key=lambda r: (r[2], r[1]))
    for i, r in enumerate(rows):
        r[0] = "BS-%04d" % (1001 + i)
    for i in rng.sample(range(len(rows)), 4):
        rows[i][5] = str(rows[i][5])
    for i in rng.sample(range(len(rows)), 2):
        rows[i][7] = f"{rows[i][7]:.2f}"
    return rows


def write_dental(rows, path):
    wb = new_wb(DEN_SHEET)
    ws = wb.active
    title(ws, "A1", "Brightsmile Dental Practice")
    ws["A2"] = "Treatment & payment register - 2023"
    blank = {30, 71, 104}
    money = "£#,##0.00"
    write_table(
        ws,
        4,
        1,
        DEN_COLS,
        rows,
        {
            "Visit Date": "DD/MM/YYYY",
            "Fee (£)": money,
            "Insurance Paid (£)": money,
            "Patient Paid (£)": money,
        },
        blank,
    )
    save(wb, path)


def load_dental(path):
    return load_table(
        path,
        DEN_SHEET,
        "Invoice #",
        numeric=["Fee (£)", "Insurance Paid (£)", "Patient Paid (£)"],
        dates=["Visit Date"],
    )


def cases_dental(d):
    c = Cases(DEN_FILE, DEN_SHEET)
    pat, D, den, tr = d["Patient"], d["Visit Date"], d["Dentist"], d["Treatment"]
    fee, ins, pp, stt = (
        d["Fee (£)"],
        d["Insurance Paid (£)"],
        d["Patient Paid (£)"],
        d["Payment Status"],
    )
    ins0 = ins.fillna(0)
    fol, notes, m = d["Follow-up Needed"], lower_text(d["Notes"]), D.dt.month
    c.v("row_noun", "how many different patients have we treated", pat.nunique())
    c.v("row_noun", "How many treatments did Dr Okafor carry out?", nz(cnt(den.eq("Dr Okafor"))))
    c.v(
        "row_noun",
        "Could you list the patients who had a root canal?",
        uniq(pat[tr.eq("Root canal")]),
        unordered=True,
    )
    c.v("status", "how many overdue invoices are there", nz(cnt(stt.eq("Overdue"))))
    c.v("status", "treatments not paid yet", nz(cnt(stt.ne("Paid"))))
    c.v(
        "status",
        "how many of Dr Patel's treatments need a follow up",
        nz(cnt(den.eq("Dr Patel") & fol.eq("Yes"))),
    )
    c.v("dates", "treatments in the second half of the year", cnt(m >= 7))
    c.v("dates", "fees billed in april", nz(fee[m.eq(4)].sum()))
    c.v(
        "dates",
        "how many visits between 1 and 15 March",
        nz(cnt(D.between(pd.Timestamp("2023-03-01"), pd.Timestamp("2023-03-15")))),
    )
    vc = pat.value_counts()
    p3 = sorted(vc[vc >= 3].index)[0]
    c.v("dates", f"when did {p3} last come in?", D[pat.eq(p3)].max())
    nothr(fee, 500, 50, 100, 300)
    c.v("quantities", "treatments costing more than £500", nz(cnt(fee > 500)))
    c.v("quantities", "how many fees were under £50", nz(cnt(fee < 50)))
    c.v(
        "quantities",
        "pending bills between £100 and £300",
        nz(cnt(stt.eq("Pending") & fee.between(100, 300))),
    )
    billed = fee.groupby(pat).sum()
    nothr(billed, 1500)
    c.v(
        "quantities",
        "which patients were billed over £1,500 in total",
        sorted(billed.index[billed > 1500]),
        unordered=True,
    )
    c.v(
        "superlative",
        "which treatment is the most expensive on average",
        umax(fee.groupby(tr).mean()),
    )
    c.v("superlative", "which patient was billed the most overall", umax(fee.groupby(pat).sum()))
    c.v(
        "superlative",
        "which dentist did the most fillings",
        umax(tr.eq("Filling").groupby(den).sum()),
    )
    c.v(
        "two_keys",
        "fees by dentist and quarter",
        grid(fee, den, "Q" + D.dt.quarter.astype(str), "sum"),
    )
    c.v("x_by_y", "treatments by type", tr.value_counts().to_dict())
    c.v("x_by_y", "insurance payments per dentist", ins0.groupby(den).sum().to_dict())
    c.v(
        "text_match",
        "how many notes mention sensitivity",
        nz(cnt(notes.str.contains("sensitivity"))),
    )
    c.v(
        "text_match",
        "which patients are noted as anxious",
        uniq(pat[notes.str.contains("anxious")]),
        unordered=True,
    )
    c.v("derived", "how much is still owed in total", nz((fee - ins0 - pp).sum()))
    c.v("derived", "what share of our fees did insurance cover?", ins0.sum() / fee.sum())
    c.v("plain", "average fee for a check-up", fee[tr.eq("Check-up")].mean())
    c.v("plain", "total recieved from patients", pp.sum())
    c.v("plain", "cheapest crown?", fee[tr.eq("Crown")].min())
    jun = m.eq(6)
    c.clarify("dates", "total amount paid in June", pp[jun].sum(), (pp + ins0)[jun].sum())
    q4 = D.dt.quarter.eq(4) & den.eq("Dr Murray")
    c.clarify("plain", "what did Dr Murray bring in in Q4", fee[q4].sum(), (pp + ins0)[q4].sum())
    c.refuse("plain", "average patient age")
    c.refuse("superlative", "which hygienist did the most cleanings")
    return c.rows


# ======================================================================================
# 3. Bug tracker
# ======================================================================================
BUG_FILE, BUG_SHEET = "bug_tracker_export.xlsx", "Issues"
BUG_COLS = [
    "Bug ID",
    "Title",
    "Component",
    "Reporter",
    "Assignee",
    "Priority",
    "Severity",
    "Status",
    "Opened",
    "Closed On",
    "Story Points",
    "Hours Logged",
    "Reopened?",
    "Customer Reported",
]
BUG_TITLES = {
    "Payments": [
        "Refund fails for partial orders",
        "Card payment timeout on checkout",
        "Duplicate charge when double-clicking Pay",
        "Currency rounding error on invoices",
        "Crash when saving a payment method",
    ],
    "Auth": [
        "Login fails after password reset",
        "SSO login loop on Safari",
        "Session expires too early",
        "2FA code not accepted",
        "Crash on logout",
    ],
    "Search": [
        "Search returns nothing for accented names",
        "Slow search on large accounts",
        "Filters reset after paging",
        "Did-you-mean suggestions missing",
    ],
    "Mobile app": [
        "App crash on Android 14 startup",
        "Login button misaligned on iPhone SE",
        "Push notifications open wrong screen",
        "Dark mode text unreadable",
    ],
    "Reporting": [
        "Export to CSV times out",
        "Monthly report totals off by one day",
        "Chart legend overlaps labels",
        "PDF export crashes with large tables",
    ],
    "API": [
        "Rate limit header missing",
        "500 error on /orders endpoint",
        "Pagination skips records",
        "Timeout on bulk update",
    ],
    "Notifications": [
        "Email digest sent twice",
        "Unsubscribe link broken",
        "SMS not delivered to UK numbers",
        "Login alert email shows wrong time",
    ],
}


def gen_bugs(rng):
    comps = list(BUG_TITLES)
    reporters, rw = (
        ["Hannah Berg", "Luis Ortega", "Mei Chen", "Sam O'Neill", "Support Desk", "Oliver Grant"],
        [22, 18, 15, 12, 25, 8],
    )
    devs = ["Priya Raman", "Tom Becker", "Jonas Weber", "Aisha Khan", "Ben Carter", "Nora Lind"]
    sev_by_pri = {
        "P1": ([65, 35, 0, 0]),
        "P2": [20, 55, 25, 0],
        "P3": [0, 30, 55, 15],
        "P4": [0, 5, 55, 40],
    }
    rows = []
    for _ in range(rng.randint(115, 125)):
        comp = rng.choice(comps)
        opened = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randint(0, 272))
        pri = rng.choices(["P1", "P2", "P3", "P4"], [1, 3, 4, 2])[0]
        sev = rng.choices(["Critical", "Major", "Minor", "Trivial"], sev_by_pri[pri])[0]
        p_closed = 0.75 if opened < dt.date(2024, 6, 1) else 0.4
        if rng.random() < p_closed:
            status = "Closed"
        else:
            status = "In Progress" if rng.random() < 0.4 else "Open"
        closed = None
        if status == "Closed":
            closed = min(opened + dt.timedelta(days=rng.randint(1, 45)), dt.date(2024, 10, 14))
        assignee = rng.choice(devs)
        if status == "Open" and rng.random() < 0.3:
            assignee = None
        pts = (
            rng.choices([1, 2, 3, 5, 8, 13], [10, 20, 25, 22, 15, 8])[0]
            if rng.random() > 0.1
            else None
        )
        if status == "Closed":
            hrs = round(rng.uniform(1, 30), 1)
        elif status == "In Progress":
            hrs = round(rng.uniform(0.5, 14), 1)
        else:
            hrs = round(rng.uniform(0.5, 4), 1) if rng.random() < 0.3 else None
        if hrs in (3.0, 12.5):
            hrs += 0.1
        reo = "Yes" if status != "Open" and rng.random() < 0.14 else "No"
        cust = "Yes" if rng.random() < 0.3 else "No"
        rows.append(
            [
                None,
                rng.choice(BUG_TITLES[comp]),
                comp,
                rng.choices(reporters, rw)[0],
                assignee,
                pri,
                sev,
                status,
                opened,
                closed,
                pts,
                hrs,
                reo,
                cust,
            ]
        )
    rows.sort(key=lambda r: r[8])
    for i, r in enumerate(rows):
        r[0] = "ATL-%d" % (101 + i)
    return rows


def write_bugs(rows, path):
    wb = new_wb(BUG_SHEET)
    ws = wb.active
    title(ws, "A1", "Project Atlas - bug tracker export (15 Oct 2024)", 12)
    write_table(ws, 2, 1, BUG_COLS, rows, {"Opened": "yyyy-mm-dd", "Closed On": "yyyy-mm-dd"})
    ws.column_dimensions["B"].width = 44
    save(wb, path)


def load_bugs(path):
    return load_table(
        path,
        BUG_SHEET,
        "Bug ID",
        numeric=["Story Points", "Hours Logged"],
        dates=["Opened", "Closed On"],
    )


def cases_bugs(d):
    c = Cases(BUG_FILE, BUG_SHEET)
    bid, tit, comp, rep, asg = (
        d["Bug ID"],
        lower_text(d["Title"]),
        d["Component"],
        d["Reporter"],
        d["Assignee"],
    )
    pri, sev, stt, op, cl = d["Priority"], d["Severity"], d["Status"], d["Opened"], d["Closed On"]
    pts, hrs, reo, cust = (
        d["Story Points"],
        d["Hours Logged"],
        d["Reopened?"],
        d["Customer Reported"],
    )
    closed = stt.eq("Closed")
    c.v("row_noun", "how many bugs are logged against Payments", nz(cnt(comp.eq("Payments"))))
    c.v("row_noun", "bugs assigned to priya?", nz(cnt(asg.eq("Priya Raman"))))
    c.v("status", "how many bugs have no assignee", nz(cnt(asg.isna())))
    c.v("status", "closed bugs that had been reopened", nz(cnt(closed & reo.eq("Yes"))))
    c.v("status", "unresolved P1s", nz(cnt(pri.eq("P1") & ~closed)))
    c.v(
        "status",
        "customer-reported bugs currently in progress",
        nz(cnt(cust.eq("Yes") & stt.eq("In Progress"))),
    )
    c.v("dates", "bugs opened in Q2", nz(cnt(op.dt.quarter.eq(2))))
    c.v("dates", "how many bugs were closed in July", nz(cnt(cl.dt.month.eq(7))))
    c.v("dates", "bugs raised from February to April", nz(cnt(op.dt.month.between(2, 4))))
    c.v("dates", "bugs opened since 15 Aug", nz(cnt(op >= pd.Timestamp("2024-08-15"))))
    nothr(hrs, 12.5, 3)
    c.v("quantities", "bugs with more than 12.5 hours logged", nz(cnt(hrs > 12.5)))
    c.v("quantities", "how many bugs have three hours or less logged", nz(cnt(hrs <= 3)))
    c.v("superlative", "which developer has logged the most hours", umax(hrs.groupby(asg).sum()))
    c.v(
        "superlative",
        "which componet has the most critical bugs",
        umax(sev.eq("Critical").groupby(comp).sum()),
    )
    c.v("superlative", "what's the oldest bug that isn't closed yet", bid[umin(op[~closed])])
    c.v("superlative", "top 3 reporters by bugs filed", topn(rep.value_counts(), 3))
    c.v("two_keys", "bug count by component and status", grid(None, comp, stt, "count"))
    c.v("x_by_y", "bugs by status", stt.value_counts().to_dict())
    c.v("x_by_y", "hours logged per component", hrs.groupby(comp).sum().to_dict())
    c.v("text_match", "how many bugs have 'crash' in the title", nz(cnt(tit.str.contains("crash"))))
    c.v(
        "text_match",
        "list bug ids with 'login' in the title",
        list(bid[tit.str.contains("login")]),
        unordered=True,
    )
    days = (cl - op).dt.days
    c.v("derived", "average days to close a P1 bug", days[closed & pri.eq("P1")].mean())
    c.v("derived", "what percent of bugs are closed", closed.mean())
    c.v("plain", "total story points for bugs in progress", nz(pts[stt.eq("In Progress")].sum()))
    c.v("plain", "avg hours logged per bug", hrs.mean())
    tom = asg.eq("Tom Becker")
    c.clarify(
        "status", "how many open bugs does Tom have", cnt(tom & stt.eq("Open")), cnt(tom & ~closed)
    )
    top_h = umax(hrs)
    c.clarify("superlative", "which is the biggest bug", pts[top_h], pts.max())
    c.refuse("superlative", "which sprint had the most bugs")
    c.refuse("plain", "what's the average salary of the developers")
    return c.rows


# ======================================================================================
# 4. Farm harvest yields
# ======================================================================================
FARM_FILE, FARM_SHEET = "farm_harvest_yields.xlsx", "Harvests"
FARM_COLS = [
    "Field",
    "Crop",
    "Season",
    "Harvest Date",
    "Area (ha)",
    "Yield (kg)",
    "Moisture %",
    "Price (€/kg)",
    "Organic",
    "Irrigated",
    "Notes",
]
FIELDS = {
    "North Paddock": (14.2, "No", "No"),
    "River Field": (9.8, "No", "Yes"),
    "Top Meadow": (11.5, "No", "No"),
    "Long Acre": (18.6, "No", "No"),
    "Mill Field": (7.4, "No", "Yes"),
    "Orchard Plot": (4.2, "Yes", "Yes"),
    "South Terrace": (3.1, "Yes", "Yes"),
    "Beech Close": (5.6, "Yes", "Yes"),
}
CROPS = {
    "Wheat": (8200, 0.23, "grain", (7, 25), (8, 30)),
    "Barley": (6900, 0.20, "grain", (7, 15), (8, 15)),
    "Oilseed rape": (3600, 0.47, "grain", (7, 5), (7, 28)),
    "Potatoes": (42000, 0.31, "veg", (9, 5), (10, 20)),
    "Carrots": (55000, 0.52, "veg", (9, 10), (11, 10)),
    "Onions": (38000, 0.44, "veg", (8, 15), (9, 25)),
    "Apples": (24000, 1.05, "multi", (8, 20), (10, 15)),
    "Strawberries": (18000, 4.10, "multi", (6, 1), (7, 20)),
}
FARM_PLAN = {
    2023: [
        ("North Paddock", "Wheat", 0.6),
        ("North Paddock", "Oilseed rape", 0.4),
        ("River Field", "Potatoes", 1),
        ("Top Meadow", "Barley", 1),
        ("Long Acre", "Wheat", 1),
        ("Mill Field", "Carrots", 0.5),
        ("Mill Field", "Onions", 0.5),
        ("Orchard Plot", "Apples", 1),
        ("South Terrace", "Strawberries", 1),
        ("Beech Close", "Strawberries", 0.5),
        ("Beech Close", "Carrots", 0.5),
    ],
    2024: [
        ("North Paddock", "Barley", 1),
        ("River Field", "Onions", 0.5),
        ("River Field", "Carrots", 0.5),
        ("Top Meadow", "Oilseed rape", 0.5),
        ("Top Meadow", "Wheat", 0.5),
        ("Long Acre", "Wheat", 1),
        ("Mill Field", "Potatoes", 1),
        ("Orchard Plot", "Apples", 1),
        ("South Terrace", "Strawberries", 1),
        ("Beech Close", "Strawberries", 0.5),
        ("Beech Close", "Potatoes", 0.5),
    ],
}


def gen_farm(rng):
    notes_pool = [
        "harvest delayed by rain",
        "rain interrupted picking",
        "some pest damage (aphids)",
        "pest damage - wireworm in some tubers",
        "excellent quality",
        "sold to the co-op",
        "hail damage on east side",
        "graded for supermarket",
        "lower grade, bird damage",
    ]
    rows = []
    for season, plan in FARM_PLAN.items():
        pf = 1.0 if season == 2023 else 1.06
        for field, crop, share in plan:
            ha_field, org, irr = FIELDS[field]
            kgha, price, kind, (m1, d1), (m2, d2) = CROPS[crop]
            start, end = dt.date(season, m1, d1), dt.date(season, m2, d2)
            span = (end - start).days
            if kind == "multi":
                n = rng.randint(7, 9) if crop == "Strawberries" else rng.randint(6, 8)
                offs = sorted(rng.sample(range(span + 1), n))
                events = []
                for o in offs:
                    area = round(rng.uniform(0.3, 0.9), 2)
                    events.append((start + dt.timedelta(days=o), area))
            else:
                events = [
                    (start + dt.timedelta(days=rng.randint(0, span)), round(ha_field * share, 1))
                ]
            for day, area in events:
                factor = rng.uniform(0.35, 0.6) if kind == "multi" else rng.uniform(0.8, 1.15)
                kg = int(round(area * kgha * factor, -1))
                if kg in (10000, 20000, 50000):
                    kg += 10
                if area == 2.5:
                    area = 2.6
                moist = round(rng.uniform(12.5, 18.5), 1) if kind == "grain" else None
                pr = round(price * pf * rng.uniform(0.93, 1.07), 2)
                note = rng.choice(notes_pool) if rng.random() < 0.35 else None
                rows.append([field, crop, season, day, area, kg, moist, pr, org, irr, note])
    rows.sort(key=lambda r: (r[2], r[3], r[0]))
    return rows


def write_farm(rows, path):
    wb = new_wb(FARM_SHEET)
    ws = wb.active
    title(ws, "A1", "Greenacre Farm - Harvest Records")
    ws["A2"] = "Seasons 2023 and 2024, weights in kg at farm gate"
    blank = {i for i in range(1, len(rows)) if rows[i][2] != rows[i - 1][2]}
    total = ["Total", None, None, None, round(sum(r[4] for r in rows), 2), sum(r[5] for r in rows)]
    write_table(
        ws,
        4,
        1,
        FARM_COLS,
        rows,
        {"Harvest Date": "DD/MM/YYYY", "Yield (kg)": "#,##0", "Price (€/kg)": "€0.00"},
        blank,
        total=total,
        total_gap=True,
    )
    save(wb, path)


def load_farm(path):
    return load_table(
        path,
        FARM_SHEET,
        "Field",
        numeric=["Season", "Area (ha)", "Yield (kg)", "Moisture %", "Price (€/kg)"],
        dates=["Harvest Date"],
    )


def cases_farm(d):
    c = Cases(FARM_FILE, FARM_SHEET)
    fld, crop, ssn, D = d["Field"], d["Crop"], d["Season"], d["Harvest Date"]
    area, kg, moist, price = d["Area (ha)"], d["Yield (kg)"], d["Moisture %"], d["Price (€/kg)"]
    org, irr, notes = d["Organic"], d["Irrigated"], lower_text(d["Notes"])
    rev = kg * price
    c.v(
        "row_noun", "How many harvests were logged for River Field?", nz(cnt(fld.eq("River Field")))
    )
    c.v(
        "row_noun",
        "what crops have we grown on Mill Field",
        uniq(crop[fld.eq("Mill Field")]),
        unordered=True,
    )
    c.v("status", "how many organic harvests in 2024", nz(cnt(org.eq("Yes") & ssn.eq(2024))))
    c.v("status", "total yield from fields that aren't irrigated", nz(kg[irr.eq("No")].sum()))
    c.v(
        "dates",
        "how much did we harvest in august 2023",
        nz(kg[(D.dt.year == 2023) & (D.dt.month == 8)].sum()),
    )
    c.v(
        "dates",
        "harvests in the first half of 2024",
        nz(cnt((D.dt.year == 2024) & (D.dt.month <= 6))),
    )
    c.v(
        "dates",
        "kilos of strawberries picked between 10 and 30 June 2024",
        nz(
            kg[
                crop.eq("Strawberries")
                & D.between(pd.Timestamp("2024-06-10"), pd.Timestamp("2024-06-30"))
            ].sum()
        ),
    )
    c.v("dates", "when did we lift the onions in 2024?", D[crop.eq("Onions") & ssn.eq(2024)].max())
    nothr(kg, 50000, 10000, 20000)
    nothr(area, 2.5)
    c.v("quantities", "harvests over 50 tonnes", nz(cnt(kg > 50000)))
    c.v("quantities", "harvest entries covering less than 2.5 ha", nz(cnt(area < 2.5)))
    c.v(
        "quantities",
        "how many harvests yielded between 10k and 20k kg",
        nz(cnt(kg.between(10000, 20000))),
    )
    c.v(
        "superlative",
        "which field produced the most in 2024",
        umax(kg[ssn.eq(2024)].groupby(fld).sum()),
    )
    c.v("superlative", "top 3 crops by revenue", topn(rev.groupby(crop).sum(), 3))
    s23 = ssn.eq(2023)
    a = umax(kg[s23].groupby(crop[s23]).sum() / area[s23].groupby(crop[s23]).sum())
    b = umax((kg / area)[s23].groupby(crop[s23]).mean())
    if a != b:
        raise Redraw("yield/ha readings differ")
    c.v("superlative", "which crop had the best yield per hectare in 2023", a)
    c.v("two_keys", "yield by crop and season", grid(kg, crop, ssn.astype(int), "sum"))
    c.v("x_by_y", "kg by field", kg.groupby(fld).sum().to_dict())
    c.v("x_by_y", "average price per kg by crop", price.groupby(crop).mean().to_dict())
    c.v("text_match", "harvests where the notes mention rain", nz(cnt(notes.str.contains("rain"))))
    c.v(
        "text_match",
        "which fields had pest damage noted",
        uniq(fld[notes.str.contains("pest")]),
        unordered=True,
    )
    c.v("derived", "revenue from potatoes in 2023", rev[crop.eq("Potatoes") & s23].sum())
    la = fld.eq("Long Acre") & crop.eq("Wheat") & ssn.eq(2024)
    assert cnt(la) == 1
    c.v("derived", "yield per hectare for wheat on Long Acre in 2024", (kg[la] / area[la]).iloc[0])
    c.v("plain", "average moisture for barley", moist[crop.eq("Barley")].mean())
    c.v(
        "plain",
        "how many hectares of barley did we cut in 2023",
        area[crop.eq("Barley") & s23].sum(),
    )
    c.v(
        "plain",
        "please give me the total kg of apples across both seasons",
        kg[crop.eq("Apples")].sum(),
    )
    c.clarify(
        "superlative",
        "what was our best field in 2023",
        umax(kg[s23].groupby(fld[s23]).sum()),
        umax(rev[s23].groupby(fld[s23]).sum()),
    )
    wh = crop.eq("Wheat")
    c.clarify("plain", "what's the total for wheat?", kg[wh].sum(), rev[wh].sum())
    pot = crop.eq("Potatoes")
    c.clarify(
        "plain", "average yield for potatoes", kg[pot].mean(), kg[pot].sum() / area[pot].sum()
    )
    c.refuse("plain", "how much fertiliser went on River Field")
    c.refuse("superlative", "which picker brought in the most strawberries")
    return c.rows


# ======================================================================================
# 5. Wine shop sales
# ======================================================================================
WINE_FILE, WINE_SHEET = "wine_shop_ledger.xlsx", "Sales 2024"
WINE_COLS = [
    "Date",
    "Receipt No",
    "Customer",
    "Wine",
    "Colour",
    "Country",
    "Vintage",
    "Bottles",
    "Price/Bottle (€)",
    "Cost/Bottle (€)",
    "Payment",
    "Member?",
    "Comments",
]
WINES = [
    ("Rioja Reserva", "Red", "Spain", 24.5, 14.0, [2017, 2018, 2019]),
    ("Albariño Rías Baixas", "White", "Spain", 16.9, 9.2, [2022, 2023]),
    ("Chianti Classico", "Red", "Italy", 21.0, 12.5, [2019, 2020, 2021]),
    ("Prosecco Brut", "Sparkling", "Italy", 13.5, 7.0, [None]),
    ("Sancerre", "White", "France", 28.0, 17.0, [2021, 2022]),
    ("Côtes de Provence Rosé", "Rosé", "France", 17.5, 9.5, [2023]),
    ("Champagne Brut NV", "Sparkling", "France", 42.0, 27.0, [None]),
    ("Barolo", "Red", "Italy", 55.0, 34.0, [2016, 2017, 2018]),
    ("Malbec Mendoza", "Red", "Argentina", 15.9, 8.4, [2021, 2022]),
    ("Marlborough Sauvignon Blanc", "White", "New Zealand", 18.5, 10.0, [2022, 2023]),
    ("Central Otago Pinot Noir", "Red", "New Zealand", 32.0, 19.5, [2019, 2020, 2021]),
    ("Mosel Riesling", "White", "Germany", 19.0, 10.5, [2020, 2021, 2022]),
    ("Barossa Shiraz", "Red", "Australia", 22.0, 12.0, [2018, 2019, 2020]),
    ("Margaret River Chardonnay", "White", "Australia", 26.0, 15.5, [2021, 2022]),
    ("Grüner Veltliner", "White", "Austria", 15.5, 8.5, [2022, 2023]),
    ("Cava Brut", "Sparkling", "Spain", 11.9, 5.9, [None]),
    ("Primitivo di Manduria", "Red", "Italy", 14.5, 7.8, [2020, 2021]),
    ("Douro Tinto", "Red", "Portugal", 16.0, 8.9, [2019, 2020]),
    ("Tavel Rosé", "Rosé", "France", 19.5, 11.0, [2022, 2023]),
    ("Crémant de Loire Rosé", "Sparkling", "France", 18.0, 10.0, [None]),
]


def gen_wine(rng):
    customers = people(rng, 36)
    member = {c: rng.random() < 0.45 for c in customers}
    cw = [rng.uniform(0.5, 3) for _ in customers]
    ww = [rng.uniform(0.6, 2.5) for _ in WINES]
    mw = {1: 6, 2: 8, 3: 7, 4: 7, 5: 9, 6: 10, 7: 9, 8: 8, 9: 8, 10: 9, 11: 12, 12: 20}
    comments = [
        "gift wrapped",
        "gift for an anniversary",
        "delivery to office address",
        "home delivery Friday",
        "asked about older Barolo vintages",
        "case discount requested",
        "corporate order",
        "tasting evening guest",
        "wants to be told when the new Rioja arrives",
    ]
    rows = []
    for _ in range(rng.randint(155, 170)):
        month = rng.choices(list(mw), list(mw.values()))[0]
        last = (dt.date(2024 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = dt.date(2024, month, rng.randint(1, last))
        cust = rng.choices(customers, cw)[0]
        w = rng.choices(WINES, ww)[0]
        bottles = rng.choices([1, 2, 3, 4, 6, 12], [30, 25, 12, 8, 15, 5])[0]
        pay = rng.choices(["Card", "Cash", "Invoice"], [60, 25, 15])[0]
        note = rng.choice(comments) if rng.random() < 0.3 else None
        rows.append(
            [
                day,
                None,
                cust,
                w[0],
                w[1],
                w[2],
                rng.choice(w[5]),
                bottles,
                w[3],
                w[4],
                pay,
                "Yes" if member[cust] else "No",
                note,
            ]
        )
    rows.sort(key=lambda r: (r[0], r[2]))
    for i, r in enumerate(rows):
        r[1] = "R-%04d" % (2401 + i)
    for i in rng.sample(range(len(rows)), 5):
        rows[i][7] = str(rows[i][7])
    for i in rng.sample(range(len(rows)), 2):
        rows[i][8] = f"{rows[i][8]:.2f}"
    return rows


def write_wine(rows, path):
    wb = new_wb(WINE_SHEET)
    ws = wb.active
    title(ws, "A1", "Cellar Door Wines - Sales Ledger 2024")
    total = ["TOTAL", None, None, None, None, None, None, sum(int(r[7]) for r in rows)]
    write_table(
        ws,
        3,
        1,
        WINE_COLS,
        rows,
        {"Date": "d mmm yyyy", "Price/Bottle (€)": "€#,##0.00", "Cost/Bottle (€)": "€#,##0.00"},
        total=total,
    )
    save(wb, path)


def load_wine(path):
    return load_table(
        path,
        WINE_SHEET,
        "Date",
        numeric=["Vintage", "Bottles", "Price/Bottle (€)", "Cost/Bottle (€)"],
        dates=["Date"],
    )


def cases_wine(d):
    c = Cases(WINE_FILE, WINE_SHEET)
    D, cust, wine, col, ctry = d["Date"], d["Customer"], d["Wine"], d["Colour"], d["Country"]
    vint, btl, price, cost = d["Vintage"], d["Bottles"], d["Price/Bottle (€)"], d["Cost/Bottle (€)"]
    pay, mem, notes = d["Payment"], d["Member?"], lower_text(d["Comments"])
    rev = btl * price
    q = "Q" + D.dt.quarter.astype(str)
    c.v("row_noun", "how many sales were Italian wines", nz(cnt(ctry.eq("Italy"))))
    c.v("row_noun", "which customers bought Barolo", uniq(cust[wine.eq("Barolo")]), unordered=True)
    c.v("status", "bottles sold to non-members", nz(btl[mem.eq("No")].sum()))
    c.v("status", "how many sales were paid on invoice", nz(cnt(pay.eq("Invoice"))))
    c.v("status", "cash sales to club members", nz(cnt(pay.eq("Cash") & mem.eq("Yes"))))
    c.v("dates", "bottles sold in Q3", nz(btl[D.dt.quarter.eq(3)].sum()))
    c.v("dates", "revenue in December", nz(rev[D.dt.month.eq(12)].sum()))
    c.v(
        "dates",
        "transactions from 1 to 15 March",
        nz(cnt(D.between(pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-15")))),
    )
    nothr(rev, 200, 50, 100)
    nothr(price, 15)
    c.v("quantities", "sales over €200", nz(cnt(rev > 200)))
    c.v(
        "quantities",
        "which wines do we sell for under €15 a bottle",
        uniq(wine[price < 15]),
        unordered=True,
    )
    c.v("quantities", "how many sales between €50 and €100", nz(cnt(rev.between(50, 100))))
    c.v("superlative", "best-selling wine by bottles", umax(btl.groupby(wine).sum()))
    c.v("superlative", "which customer spent the most in total", umax(rev.groupby(cust).sum()))
    c.v("superlative", "top 5 wines by revenue", topn(rev.groupby(wine).sum(), 5))
    oldest = vint.min()
    ow = uniq(wine[vint.eq(oldest)])
    if len(ow) != 1:
        raise Redraw("oldest vintage wine not unique")
    c.v("superlative", "which wine had the oldest vintage we sold?", ow[0])
    c.v("two_keys", "bottles by colour and quarter", grid(btl, col, q, "sum"))
    c.v("two_keys", "revenue by colour and payment method", grid(rev, col, pay, "sum"))
    c.v("x_by_y", "bottles per country", btl.groupby(ctry).sum().to_dict())
    c.v("x_by_y", "avg bottle price by colour", price.groupby(col).mean().to_dict())
    c.v("text_match", "how many sales mention gift", nz(cnt(notes.str.contains("gift"))))
    c.v(
        "text_match",
        "customers whose comments mention delivery",
        uniq(cust[notes.str.contains("delivery")]),
        unordered=True,
    )
    c.v("derived", "total margin on everything we sold", (btl * (price - cost)).sum())
    c.v(
        "derived",
        "whats our profit on sparkling wines",
        (btl * (price - cost))[col.eq("Sparkling")].sum(),
    )
    c.v("plain", "average bottles per sale", btl.mean())
    c.v("plain", "most bottles in a single sale", btl.max())
    may = D.dt.month.eq(5)
    c.clarify("dates", "total sales in May", btl[may].sum(), rev[may].sum())
    c.clarify(
        "superlative",
        "which wine is the most popular",
        umax(btl.groupby(wine).sum()),
        wine.value_counts().idxmax(),
    )
    c.refuse("superlative", "which staff member sold the most wine")
    c.refuse("plain", "average customer rating for the Barolo")
    return c.rows


# ======================================================================================
# 6. Cycling club race results
# ======================================================================================
CYC_FILE, CYC_SHEET = "cycling_race_results.xlsx", "Results 2024"
CYC_COLS = [
    "Race",
    "Date",
    "Rider",
    "Category",
    "Distance (km)",
    "Time (min)",
    "Position",
    "DNF",
    "Points",
    "Notes",
]
RACES = [
    ("Spring Opener Criterium", dt.date(2024, 3, 17), 40, 38),
    ("Coast Road Classic", dt.date(2024, 4, 14), 85, 34),
    ("Hill Climb Championship", dt.date(2024, 5, 18), 12, 17),
    ("Valley Loop Road Race", dt.date(2024, 6, 9), 72, 33),
    ("Midsummer Time Trial", dt.date(2024, 6, 22), 25, 37),
    ("Harbour Criterium", dt.date(2024, 7, 14), 45, 39),
    ("Moorland Grand Prix", dt.date(2024, 8, 18), 96, 32),
    ("Autumn Classic", dt.date(2024, 9, 15), 68, 34),
]
POINTS = [25, 20, 16, 13, 11, 10, 9, 8, 7, 6]


def gen_cycling(rng):
    names = people(rng, 28)
    cats = ["A"] * 8 + ["B"] * 9 + ["C"] * 6 + ["Veterans"] * 5
    ability = {"A": 1.08, "B": 1.0, "C": 0.92, "Veterans": 0.95}
    riders = [
        (n, c, ability[c] * rng.uniform(0.97, 1.03)) for n, c in zip(names, cats, strict=False)
    ]
    fin_notes = [
        "new PB",
        "won the intermediate sprint",
        "puncture, lost two minutes",
        "minor crash, carried on",
        "dropped chain on the climb",
        "cramp in the last 5 km",
    ]
    dnf_notes = ["DNF - puncture", "DNF - crash on final lap", "DNF - mechanical", "DNF - cramp"]
    rows = []
    for race, day, dist, speed in RACES:
        field = rng.sample(riders, rng.randint(16, 22))
        res = []
        for name, cat, ab in field:
            if rng.random() < (0.22 if race == "Moorland Grand Prix" else 0.06):
                res.append(
                    [race, day, name, cat, dist, None, None, "Yes", 0, rng.choice(dnf_notes)]
                )
            else:
                t = round(dist / (speed * ab * rng.uniform(0.96, 1.04)) * 60, 2)
                if t == 150.0:
                    t = 150.01
                note = rng.choice(fin_notes) if rng.random() < 0.14 else None
                res.append([race, day, name, cat, dist, t, None, "No", None, note])
        fin = sorted([r for r in res if r[7] == "No"], key=lambda r: r[5])
        for i, r in enumerate(fin):
            r[6] = i + 1
            r[8] = POINTS[i] if i < len(POINTS) else 2
        rows.extend(fin + [r for r in res if r[7] == "Yes"])
    return rows


def write_cycling(rows, path):
    wb = new_wb(CYC_SHEET)
    ws = wb.active
    title(ws, "A1", "Harbourside Velo Club - Race Results 2024")
    blank = {i for i in range(1, len(rows)) if rows[i][0] != rows[i - 1][0]}
    write_table(ws, 3, 1, CYC_COLS, rows, {"Date": "DD/MM/YYYY", "Time (min)": "0.00"}, blank)
    ws.column_dimensions["A"].width = 26
    save(wb, path)


def load_cycling(path):
    return load_table(
        path,
        CYC_SHEET,
        "Race",
        numeric=["Distance (km)", "Time (min)", "Position", "Points"],
        dates=["Date"],
    )


def cases_cycling(d):
    c = Cases(CYC_FILE, CYC_SHEET)
    race, D, rider, cat = d["Race"], d["Date"], d["Rider"], d["Category"]
    dist, tm, pos, dnf, pts, notes = (
        d["Distance (km)"],
        d["Time (min)"],
        d["Position"],
        d["DNF"],
        d["Points"],
        lower_text(d["Notes"]),
    )
    fin = dnf.eq("No")
    c.v(
        "row_noun",
        "how many riders finished the Coast Road Classic",
        nz(cnt(race.eq("Coast Road Classic") & fin)),
    )
    c.v("row_noun", "list the category C riders", uniq(rider[cat.eq("C")]), unordered=True)
    c.v("row_noun", "how many different riders raced this season", rider.nunique())
    dn = dnf.eq("Yes").groupby(rider).sum()
    r1 = sorted(dn[dn >= 1].index)[0]
    c.v("status", f"how many races did {r1} not finish", int(dn[r1]))
    c.v("status", "which riders never DNF'd", sorted(dn[dn == 0].index), unordered=True)
    c.v(
        "dates",
        "how many races were held between April and June",
        nz(race[D.dt.month.between(4, 6)].nunique()),
    )
    late = (
        pts[pd.Timestamp("2024-07-01") <= D].groupby(rider[pd.Timestamp("2024-07-01") <= D]).sum()
    )
    r2 = sorted(late[late > 0].index)[-1]
    c.v("dates", f"points scored by {r2} since July 1", late[r2])
    c.v(
        "dates",
        "who won the race on 18 May",
        rider[D.eq(pd.Timestamp("2024-05-18")) & pos.eq(1)].iloc[0],
    )
    nothr(tm, 150)
    c.v("quantities", "how many results were faster than 2.5 hours", nz(cnt(tm < 150)))
    nothr(dist, 50)
    c.v("quantities", "how many races were longer than fifty km", race[dist > 50].nunique())
    hc = race.eq("Hill Climb Championship")
    c.v("superlative", "who had the fastest time in the hill climb", rider[umin(tm[hc])])
    c.v("superlative", "which rider has the most points", umax(pts.groupby(rider).sum()))
    c.v(
        "superlative",
        "top 3 category B riders by points",
        topn(pts[cat.eq("B")].groupby(rider[cat.eq("B")]).sum(), 3),
    )
    c.v("superlative", "which race had the most DNFs", umax(dnf.eq("Yes").groupby(race).sum()))
    vl = race.eq("Valley Loop Road Race")
    c.v("superlative", "who finished last in the Valley Loop", rider[umax(pos[vl])])
    c.v("two_keys", "finishers by race and category", grid(None, race[fin], cat[fin], "count"))
    c.v("x_by_y", "points per category", pts.groupby(cat).sum().to_dict())
    wins = pos.eq(1).groupby(rider).sum()
    c.v("x_by_y", "wins by rider", wins[wins > 0].to_dict())
    c.v(
        "text_match", "how many results mention a puncture", nz(cnt(notes.str.contains("puncture")))
    )
    c.v(
        "text_match",
        "which riders crashed, according to the notes",
        uniq(rider[notes.str.contains("crash")]),
        unordered=True,
    )
    cw = race.eq("Coast Road Classic") & pos.eq(1)
    c.v(
        "derived",
        "average speed of the Coast Road Classic winner in km/h",
        (dist[cw] / (tm[cw] / 60)).iloc[0],
    )
    hcr = race.eq("Harbour Criterium") & fin
    r3 = sorted(rider[hcr])[0]
    m3 = hcr & rider.eq(r3)
    c.v(
        "derived",
        f"what was {r3}'s average speed in the Harbour Criterium",
        (dist[m3] / (tm[m3] / 60)).iloc[0],
    )
    c.v(
        "plain",
        "average finishing time in the Spring Opener",
        tm[race.eq("Spring Opener Criterium")].mean(),
    )
    tot = pts.groupby(rider).sum()
    r4 = sorted(tot.index)[len(tot) // 2]
    c.v("plain", f"total points for {r4}", tot[r4])
    best_pts = umax(tot)
    top_w = sorted(wins[wins == wins.max()].index)
    c.clarify("superlative", "who's the best rider in the club", [best_pts], top_w)
    r5 = sorted(tot.index)[3]
    c.clarify("plain", f"what's {r5}'s average", tm[rider.eq(r5)].mean(), pts[rider.eq(r5)].mean())
    c.clarify(
        "plain", "what's the average distance", dist.mean(), dist.groupby(race).first().mean()
    )
    c.refuse("superlative", "which bike brand is the fastest")
    c.refuse("plain", "average power output in watts on the hill climb")
    return c.rows


# ======================================================================================
# 7. Property maintenance work orders
# ======================================================================================
WO_FILE, WO_SHEET = "maintenance_work_orders.xlsx", "Work Orders"
WO_COLS = [
    "WO #",
    "Property",
    "Unit",
    "Reported",
    "Category",
    "Description",
    "Priority",
    "Contractor",
    "Status",
    "Completed",
    "Labour ($)",
    "Materials ($)",
    "Tenant Charged?",
]
WO_PROPS = {
    "Elm Court": ["1A", "1B", "2A", "2B", "3A", "3B"],
    "Maple House": ["1A", "1B", "1C", "2A", "2B", "2C"],
    "Harbour Lofts": ["1A", "2A", "2B", "3A", "3B", "4A", "4B"],
    "Quayside Apartments": ["Flat %d" % i for i in range(1, 13)],
    "Riverside Terrace": ["No. %d" % i for i in (2, 4, 6, 8, 10, 12, 14)],
}
WO_CATS = {
    "Plumbing": (
        [
            "Leaking tap in kitchen",
            "Blocked toilet",
            "Leak under bathroom sink",
            "Low water pressure in shower",
            "Dripping pipe in airing cupboard",
        ],
        ["FixIt Plumbing", "FixIt Plumbing", "J. Morales Handyman"],
        (80, 650),
        (10, 260),
    ),
    "Heating": (
        [
            "Boiler not firing",
            "Radiator cold in bedroom",
            "Boiler making banging noise",
            "Thermostat not responding",
            "No hot water - boiler pressure low",
        ],
        ["WarmHome Heating"],
        (90, 900),
        (0, 700),
    ),
    "Electrical": (
        [
            "Hallway light flickering",
            "Socket sparking in living room",
            "Fuse keeps tripping",
            "Outdoor light not working",
        ],
        ["Brightspark Electrical"],
        (70, 600),
        (5, 220),
    ),
    "Appliances": (
        [
            "Washing machine leaking",
            "Fridge not cooling",
            "Oven door hinge broken",
            "Extractor fan noisy",
        ],
        ["J. Morales Handyman"],
        (60, 350),
        (20, 480),
    ),
    "Locks & Security": (
        ["Front door lock jammed", "Lost key - lock change", "Entry buzzer broken"],
        ["SureLock Security"],
        (60, 300),
        (15, 180),
    ),
    "Grounds": (
        [
            "Overgrown hedges at entrance",
            "Broken fence panel",
            "Leaves blocking gutter",
            "Bins area needs clearing",
        ],
        ["Greenway Grounds"],
        (50, 400),
        (0, 150),
    ),
}


def gen_wo(rng):
    rows = []
    end = dt.date(2024, 11, 29)
    cw = {
        "Plumbing": 32,
        "Heating": 22,
        "Electrical": 15,
        "Appliances": 10,
        "Locks & Security": 8,
        "Grounds": 13,
    }
    for _ in range(rng.randint(135, 145)):
        prop = rng.choices(list(WO_PROPS), [22, 20, 18, 25, 15])[0]
        unit = rng.choice(WO_PROPS[prop])
        rep = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randint(0, 330))
        cat = rng.choices(list(cw), list(cw.values()))[0]
        descs, contractors, lab_rng, mat_rng = WO_CATS[cat]
        desc = rng.choice(descs)
        pri = rng.choices(["Low", "Medium", "High", "Emergency"], [25, 35, 25, 15])[0]
        if rep < dt.date(2024, 10, 1):
            status = rng.choices(["Completed", "Cancelled", "In Progress", "Open"], [80, 8, 7, 5])[
                0
            ]
        else:
            status = rng.choices(["Completed", "In Progress", "Open"], [45, 30, 25])[0]
        done = None
        if status == "Completed":
            lo, hi = {"Emergency": (0, 2), "High": (1, 7), "Medium": (3, 20), "Low": (5, 40)}[pri]
            done = rep + dt.timedelta(days=rng.randint(lo, hi))
            if done > end:
                status, done = "In Progress", None
        lab = mat = None
        if status == "Completed":
            lab = round(rng.uniform(*lab_rng) / 5) * 5
            mat = round(rng.uniform(*mat_rng), 2)
            if lab == 500:
                lab = 505
            if mat in (100.0, 250.0):
                mat += 0.5
        charged = "Yes" if status == "Completed" and rng.random() < 0.15 else "No"
        rows.append(
            [
                None,
                prop,
                unit,
                rep,
                cat,
                desc,
                pri,
                rng.choice(contractors),
                status,
                done,
                lab,
                mat,
                charged,
            ]
        )
    rows.sort(key=lambda r: r[3])
    for i, r in enumerate(rows):
        r[0] = "WO-%d" % (2401 + i)
    return rows


def write_wo(rows, path):
    wb = new_wb(WO_SHEET)
    ws = wb.active
    title(ws, "A1", "Harbour View Properties - Maintenance Work Orders")
    ws["A2"] = "Exported 30 Nov 2024 from the property management system"
    write_table(
        ws,
        4,
        1,
        WO_COLS,
        rows,
        {
            "Reported": "dd-mmm-yy",
            "Completed": "dd-mmm-yy",
            "Labour ($)": "$#,##0.00",
            "Materials ($)": "$#,##0.00",
        },
    )
    ws.column_dimensions["F"].width = 36
    save(wb, path)


def load_wo(path):
    return load_table(
        path,
        WO_SHEET,
        "WO #",
        numeric=["Labour ($)", "Materials ($)"],
        dates=["Reported", "Completed"],
    )


def cases_wo(d):
    c = Cases(WO_FILE, WO_SHEET)
    wo, prop, unit, rep, cat = d["WO #"], d["Property"], d["Unit"], d["Reported"], d["Category"]
    desc, pri, con, stt, done = (
        lower_text(d["Description"]),
        d["Priority"],
        d["Contractor"],
        d["Status"],
        d["Completed"],
    )
    lab, mat, chg = d["Labour ($)"], d["Materials ($)"], d["Tenant Charged?"]
    comp = stt.eq("Completed")
    c.v("row_noun", "how many work orders for Elm Court", nz(cnt(prop.eq("Elm Court"))))
    c.v(
        "row_noun",
        "which contractors have done plumbing jobs",
        uniq(con[cat.eq("Plumbing")]),
        unordered=True,
    )
    c.v("status", "how many work orders were cancelled", nz(cnt(stt.eq("Cancelled"))))
    c.v(
        "status",
        "in-progress jobs at Maple House",
        nz(cnt(stt.eq("In Progress") & prop.eq("Maple House"))),
    )
    c.v("status", "completed jobs charged back to the tenant", nz(cnt(comp & chg.eq("Yes"))))
    c.v("status", "work orders not billed to tenants", nz(cnt(chg.eq("No"))))
    c.v("dates", "requests reported in October", nz(cnt(rep.dt.month.eq(10))))
    c.v("dates", "jobs completed in Q3", nz(cnt(done.dt.quarter.eq(3))))
    c.v(
        "dates",
        "how many requests came in from february to april",
        nz(cnt(rep.dt.month.between(2, 4))),
    )
    c.v("dates", "jobs logged since 10 Sep", nz(cnt(rep >= pd.Timestamp("2024-09-10"))))
    nothr(lab, 500)
    nothr(mat, 100, 250)
    c.v("quantities", "jobs where labour was over $500", nz(cnt(lab > 500)))
    c.v(
        "quantities",
        "how many jobs had materials between $100 and $250",
        nz(cnt(mat.between(100, 250))),
    )
    c.v("superlative", "which contractor got the most jobs", umax(con.value_counts()))
    c.v("superlative", "which property cost us the most in labour", umax(lab.groupby(prop).sum()))
    c.v("superlative", "the most expensive single job (labour + materials)", wo[umax(lab + mat)])
    c.v("superlative", "top 3 categories by number of work orders", topn(cat.value_counts(), 3))
    c.v("two_keys", "work orders by property and priority", grid(None, prop, pri, "count"))
    c.v(
        "two_keys",
        "number of requests by category and quarter",
        grid(None, cat, "Q" + rep.dt.quarter.astype(str), "count"),
    )
    c.v("x_by_y", "jobs by category", cat.value_counts().to_dict())
    c.v(
        "x_by_y",
        "would you show me materials spend per contractor",
        mat.fillna(0).groupby(con).sum().to_dict(),
    )
    c.v("text_match", "how many descriptions mention a leak", nz(cnt(desc.str.contains("leak"))))
    c.v(
        "text_match",
        "list the work orders about the boiler",
        list(wo[desc.str.contains("boiler")]),
        unordered=True,
    )
    c.v("derived", "labour plus materials for completed jobs", (lab + mat)[comp].sum())
    c.v("derived", "average days from report to completion", (done - rep).dt.days[comp].mean())
    c.v("plain", "average labour cost on emergency jobs", lab[pri.eq("Emergency")].mean())
    c.v("plain", "total spent on materials", mat.sum())
    by_unit = unit.value_counts()
    by_pair = (prop + " " + unit).value_counts()
    if by_unit.max() <= by_pair.max():
        raise Redraw("unit readings coincide")
    c.clarify("superlative", "which unit has the most work orders", by_unit.max(), by_pair.max())
    c.clarify(
        "x_by_y",
        "open jobs by property",
        stt.eq("Open").groupby(prop).sum().to_dict(),
        stt.isin(["Open", "In Progress"]).groupby(prop).sum().to_dict(),
    )
    c.refuse("superlative", "which tenant complained the most")
    c.refuse("plain", "what's the monthly rent for unit 4A")
    return c.rows


# ======================================================================================
# 8. Wide: monthly water usage per district (one column per month)
# ======================================================================================
WAT_FILE, WAT_SHEET = "district_water_use.xlsx", "Usage 2023"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WAT_COLS = ["District", "Zone", *MONTHS]
DISTRICTS = [
    "Harbourside",
    "Westgate",
    "Millbrook",
    "Riverside",
    "Oakfield",
    "Ashgrove",
    "Bramley",
    "Castle Hill",
    "Deanfield",
    "Eastbrook Central",
    "Fairview",
    "Glenwood",
    "Hawthorn",
    "Ironbridge",
    "Juniper Park",
    "Kingsmead",
    "Larkspur",
    "Marston",
    "Newlands",
    "Northcote",
    "Old Quay",
    "Parkside",
    "Queens Park",
    "Redhill",
    "Southmead",
    "Stonebridge",
    "Thornbury",
    "Upton",
    "Valley Road",
    "Willowdale",
    "Yardley",
    "Abbotsford",
    "Beacon Hill",
    "Cedar Grove",
    "Dockside",
    "Elmstead",
    "Foxley",
    "Greenbank",
    "Highfield",
    "Lakeside",
    "Meadowvale",
    "Northgate",
    "Orchard End",
    "Pinewood",
]
SEASON = [0.88, 0.86, 0.92, 0.97, 1.04, 1.14, 1.22, 1.19, 1.05, 0.96, 0.9, 0.93]
PROTECTED_WATER = {"Harbourside", "Westgate", "Millbrook", "Riverside", "Oakfield"}


def gen_water(rng):
    zones = ["North", "South", "East", "West", "Central"]
    zlist = zones * 8 + [rng.choice(zones) for _ in range(len(DISTRICTS) - 40)]
    rng.shuffle(zlist)
    rows = []
    for dname, z in zip(DISTRICTS, zlist, strict=False):
        base = rng.uniform(265, 300) if dname == "Oakfield" else rng.uniform(60, 520)
        vals = []
        for m in range(12):
            v = round(base * SEASON[m] * rng.uniform(0.93, 1.07), 1)
            if v in (300.0, 400.0):
                v += 0.1
            vals.append(v)
        if abs(sum(vals) - 1500) < 1e-6:
            vals[0] += 0.1
        rows.append([dname, z, *vals])
    cand = [i for i, r in enumerate(rows) if r[0] not in PROTECTED_WATER]
    for i in rng.sample(cand, 4):
        rows[i][2 + rng.choice([1, 3, 4, 8, 9, 10])] = None
    for i in rng.sample(range(len(rows)), 3):
        j = 2 + rng.randrange(12)
        if rows[i][j] is not None:
            rows[i][j] = f"{rows[i][j]:.1f}"
    return rows


def write_water(rows, path):
    wb = new_wb(WAT_SHEET)
    ws = wb.active
    title(ws, "A1", "City of Eastbrook - Water Consumption by District")
    ws["A2"] = "Monthly usage in megalitres (ML), calendar year 2023"
    total = ["Total", None]
    for j in range(12):
        total.append(round(sum(float(r[2 + j]) for r in rows if r[2 + j] is not None), 1))
    write_table(ws, 4, 1, WAT_COLS, rows, {m: "#,##0.0" for m in MONTHS}, {22}, total=total)
    ws.column_dimensions["A"].width = 20
    save(wb, path)


def load_water(path):
    return load_table(path, WAT_SHEET, "District", numeric=MONTHS)


def cases_water(d):
    c = Cases(WAT_FILE, WAT_SHEET)
    d = d.set_index("District")
    M, zone = d[MONTHS], d["Zone"]
    annual = M.sum(axis=1)
    mc = "month_column"
    c.v(mc, "total water used in July", M["Jul"].sum())
    c.v(mc, "which district used the most water in August?", umax(M["Aug"]))
    c.v(mc, "what was Harbourside's usage in March", M.loc["Harbourside", "Mar"])
    c.v(mc, "which month had the highest total consumption", umax(M.sum()))
    c.v(mc, "whats the avg monthly usage for Westgate", M.loc["Westgate"].mean())
    c.v(mc, "total for Q1 across all districts", M[["Jan", "Feb", "Mar"]].sum().sum())
    c.v(
        mc,
        "summer usage (Jun-Aug) in the North zone",
        M.loc[zone.eq("North"), ["Jun", "Jul", "Aug"]].sum().sum(),
    )
    c.v("x_by_y", "annual total per district", annual.to_dict())
    c.v("x_by_y", "December usage by zone", M["Dec"].groupby(zone).sum().to_dict())
    nothr(M["Jan"], 400)
    c.v(
        "quantities", "how many districts used more than 400 ML in January", nz(cnt(M["Jan"] > 400))
    )
    c.v(
        mc,
        "change from january to july for Millbrook",
        M.loc["Millbrook", "Jul"] - M.loc["Millbrook", "Jan"],
    )
    tot = M.sum()
    c.v(mc, "percentage growth from Feb to Aug city-wide", (tot["Aug"] - tot["Feb"]) / tot["Feb"])
    c.v("superlative", "top 5 districts by yearly consumption", topn(annual, 5))
    c.v(
        "superlative",
        "which zone used the least water over the year",
        umin(annual.groupby(zone).sum()),
    )
    c.v("plain", "how many districts are there", len(d))
    c.v(
        "row_noun",
        "list the districts in the Central zone",
        sorted(d.index[zone.eq("Central")]),
        unordered=True,
    )
    nothr(annual, 1500)
    c.v(
        "quantities",
        "which districts used under 1.5k ML for the whole year",
        sorted(annual.index[annual < 1500]),
        unordered=True,
    )
    c.v(mc, "lowest month for Riverside", umin(M.loc["Riverside"]))
    c.v(
        mc,
        "second half of the year total for the East zone",
        M.loc[zone.eq("East"), MONTHS[6:]].sum().sum(),
    )
    c.v(
        "derived",
        "what share of the annual total came from the South zone",
        annual[zone.eq("South")].sum() / annual.sum(),
    )
    qz = {}
    for zn in sorted(zone.unique()):
        qz[zn] = {
            "Q%d" % (q + 1): M.loc[zone.eq(zn), MONTHS[3 * q : 3 * q + 3]].sum().sum()
            for q in range(4)
        }
    c.v("two_keys", "usage by zone and quarter", qz)
    nothr(M.loc["Oakfield"], 300)
    c.v(mc, "in how many months did Oakfield go over 300", nz(cnt(M.loc["Oakfield"] > 300)))
    c.v(
        mc,
        "which districts have a missing reading",
        sorted(d.index[M.isna().any(axis=1)]),
        unordered=True,
    )
    c.v(mc, "how much more water did the city use in July than in January", tot["Jul"] - tot["Jan"])
    cz = zone.eq("Central")
    c.clarify(mc, "what's the average usage for Central", M[cz].stack().mean(), annual[cz].mean())
    c.clarify(mc, "show me the peak", umax(M.sum()), umax(annual))
    c.refuse(mc, "how much did residents pay for water in March")
    c.refuse("plain", "how many households are in each district")
    return c.rows


# ======================================================================================
# 9. Wide: exports per product category, one column per year 2017..2024 (table in col B)
# ======================================================================================
EXP_FILE, EXP_SHEET = "exports_by_category.xlsx", "Exports"
YEARS = list(range(2017, 2025))
YCOLS = [str(y) for y in YEARS]
EXP_CATS = [
    ("Dairy products", "Agri-food"),
    ("Meat & meat products", "Agri-food"),
    ("Fish & seafood", "Agri-food"),
    ("Cereals", "Agri-food"),
    ("Fruit & vegetables", "Agri-food"),
    ("Beverages", "Agri-food"),
    ("Tobacco", "Agri-food"),
    ("Timber", "Materials"),
    ("Paper & pulp", "Materials"),
    ("Glass & ceramics", "Materials"),
    ("Textiles", "Consumer goods"),
    ("Clothing", "Consumer goods"),
    ("Footwear", "Consumer goods"),
    ("Leather goods", "Consumer goods"),
    ("Furniture", "Consumer goods"),
    ("Toys & games", "Consumer goods"),
    ("Sports goods", "Consumer goods"),
    ("Jewellery", "Consumer goods"),
    ("Cosmetics", "Consumer goods"),
    ("Pharmaceuticals", "Chemicals"),
    ("Organic chemicals", "Chemicals"),
    ("Plastics", "Chemicals"),
    ("Fertilisers", "Chemicals"),
    ("Iron & steel", "Metals"),
    ("Aluminium", "Metals"),
    ("Copper", "Metals"),
    ("Ores & minerals", "Metals"),
    ("Machinery", "Machinery & transport"),
    ("Electrical equipment", "Machinery & transport"),
    ("Motor vehicles", "Machinery & transport"),
    ("Vehicle parts", "Machinery & transport"),
    ("Aircraft parts", "Machinery & transport"),
    ("Ships & boats", "Machinery & transport"),
    ("Electronics", "High-tech"),
    ("Computers", "High-tech"),
    ("Telecom equipment", "High-tech"),
    ("Medical devices", "High-tech"),
    ("Optical instruments", "High-tech"),
    ("Crude oil", "Energy"),
    ("Refined petroleum", "Energy"),
    ("Natural gas", "Energy"),
    ("Coal", "Energy"),
]
PROTECTED_EXP = {
    "Pharmaceuticals",
    "Machinery",
    "Dairy products",
    "Electronics",
    "Footwear",
    "Motor vehicles",
}


def gen_exports(rng):
    rows = []
    for cat, sector in EXP_CATS:
        base = math.exp(rng.uniform(math.log(40), math.log(9000)))
        g = rng.uniform(-0.04, 0.09)
        vals = []
        for k, y in enumerate(YEARS):
            v = base * (1 + g) ** k * rng.uniform(0.97, 1.03)
            if y == 2020:
                v *= (
                    rng.uniform(1.05, 1.15)
                    if cat in ("Pharmaceuticals", "Medical devices")
                    else (
                        rng.uniform(0.65, 0.75) if sector == "Energy" else rng.uniform(0.82, 0.95)
                    )
                )
            if y == 2022 and sector == "Energy":
                v *= 1.5
            v = round(v, 1)
            if v in (100.0, 1000.0):
                v += 0.1
            vals.append(v)
        rows.append([cat, sector, *vals])
    cand = [i for i, r in enumerate(rows) if r[0] not in PROTECTED_EXP]
    for i in rng.sample(cand, 3):
        rows[i][2 + YEARS.index(rng.choice([2018, 2019, 2021]))] = None
    for i in rng.sample(range(len(rows)), 2):
        j = 2 + rng.randrange(8)
        if rows[i][j] is not None:
            rows[i][j] = f"{rows[i][j]:.1f}"
    return rows


def write_exports(rows, path):
    wb = new_wb(EXP_SHEET)
    ws = wb.active
    title(ws, "B1", "National Statistics Office - Exports by Product Category")
    ws["B2"] = "Values in € million, current prices, 2017-2024"
    total = ["Total exports", None]
    for j in range(8):
        total.append(round(sum(float(r[2 + j]) for r in rows if r[2 + j] is not None), 1))
    write_table(
        ws, 4, 2, ["Category", "Sector", *YEARS], rows, {y: "#,##0.0" for y in YEARS}, total=total
    )
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 22
    ws.cell(
        row=len(rows) + 7, column=2, value="Source: customs declarations; blank = not published."
    )
    save(wb, path)


def load_exports(path):
    df = load_table(path, EXP_SHEET, "Category", numeric=YCOLS)
    return df[df["Sector"].notna()].reset_index(drop=True)  # drops the footnote line


def cases_exports(d):
    c = Cases(EXP_FILE, EXP_SHEET)
    d = d.set_index("Category")
    Y, sec = d[YCOLS], d["Sector"]
    yt = Y.sum()
    w = "wide_years"
    c.v(w, "total exports in 2021", yt["2021"])
    c.v(w, "which year had the highest total exports", int(umax(yt)))
    ph = Y.loc["Pharmaceuticals"]
    c.v(
        w,
        "percentage growth in pharmaceuticals from 2020 to 2023",
        (ph["2023"] - ph["2020"]) / ph["2020"],
    )
    c.v(w, "which category exported the most in 2024", umax(Y["2024"]))
    c.v(w, "top 3 categories by 2019 exports", topn(Y["2019"], 3))
    c.v(w, "Machinery exports in 2018?", Y.loc["Machinery", "2018"])
    c.v(w, "exports by sector in 2022", Y["2022"].groupby(sec).sum().to_dict())
    s17, s24 = Y["2017"].groupby(sec).sum(), Y["2024"].groupby(sec).sum()
    c.v(
        w,
        "which sector grew the most from 2017 to 2024 in percentage terms",
        umax((s24 - s17) / s17),
    )
    c.v(w, "average yearly exports of dairy products", Y.loc["Dairy products"].mean())
    nothr(Y["2023"], 1000)
    nothr(Y["2017"], 100)
    c.v(
        "quantities",
        "how many categories exported over €1 billion in 2023",
        nz(cnt(Y["2023"] > 1000)),
    )
    c.v(
        "quantities",
        "categories under 100 million in 2017",
        sorted(d.index[Y["2017"] < 100]),
        unordered=True,
    )
    c.v(
        w,
        "biggest drop in € million between 2019 and 2020 - which category?",
        umin(Y["2020"] - Y["2019"]),
    )
    c.v(w, "total Energy exports over 2017-2024", Y[sec.eq("Energy")].sum().sum())
    c.v(w, "in which year did electronics exports peak", int(umax(Y.loc["Electronics"])))
    c.v(
        w,
        "list the categories where 2024 was lower than 2017",
        sorted(d.index[Y["2024"] < Y["2017"]]),
        unordered=True,
    )
    c.v(
        "derived",
        "agri-food's share of total exports in 2024",
        Y.loc[sec.eq("Agri-food"), "2024"].sum() / yt["2024"],
    )
    sy = {s: {y: Y.loc[sec.eq(s), y].sum() for y in YCOLS} for s in sorted(sec.unique())}
    c.v("two_keys", "exports by sector and year", sy)
    c.v("row_noun", "how many categories are in the Chemicals sector", nz(cnt(sec.eq("Chemicals"))))
    c.v(
        "row_noun",
        "which categories belong to Metals",
        sorted(d.index[sec.eq("Metals")]),
        unordered=True,
    )
    c.v(w, "footwear total over the whole period", Y.loc["Footwear"].sum())
    mv = Y.loc["Motor vehicles"]
    c.v(
        w,
        "how much did motor vehicle exports change between 2022 and 2023 in € million",
        mv["2023"] - mv["2022"],
    )
    c.v(
        w,
        "which categories have missing data",
        sorted(d.index[Y.isna().any(axis=1)]),
        unordered=True,
    )
    c.v("superlative", "smallest category in 2021", umin(Y["2021"]))
    c.v(
        w,
        "by how much did total exports grow from 2017 to 2024, in percent",
        (yt["2024"] - yt["2017"]) / yt["2017"],
    )
    el = Y.loc["Electronics"]
    c.clarify(
        w,
        "how much did Electronics grow",
        el["2024"] - el["2017"],
        (el["2024"] - el["2017"]) / el["2017"],
    )
    mt = Y[sec.eq("Metals")]
    c.clarify(w, "what's the average for Metals", mt.stack().mean(), mt.sum().mean())
    c.clarify(
        w,
        "which category grew the most",
        umax(Y["2024"] - Y["2017"]),
        umax((Y["2024"] - Y["2017"]) / Y["2017"]),
    )
    c.refuse(w, "exports to China in 2022")
    c.refuse("plain", "how many tonnes of coffee did we export in 2020")
    return c.rows


# ======================================================================================
# 10. Food bank volunteer hours log
# ======================================================================================
VOL_FILE, VOL_SHEET = "foodbank_volunteers.xlsx", "Volunteer Log"
VOL_COLS = [
    "Date",
    "Volunteer",
    "Email",
    "Shift",
    "Role",
    "Status",
    "Hours",
    "Miles Driven",
    "Background Check",
    "Notes",
]


def gen_volunteers(rng):
    names = people(rng, 30)
    domains, dw = (
        ["gmail.com", "hotmail.com", "yahoo.co.uk", "outlook.com", "btinternet.com"],
        [40, 20, 12, 18, 10],
    )
    vols = []
    for n in names:
        f, l = n.lower().replace("'", "").split(" ")
        email = rng.choice(["%s.%s", "%s%s", "%s_%s"]) % (f, l) + "@" + rng.choices(domains, dw)[0]
        vols.append((n, email, "Yes" if rng.random() < 0.8 else "No"))
    vw = [rng.uniform(0.4, 3.0) for _ in vols]
    closed = {dt.date(2024, 12, 25), dt.date(2024, 12, 26), dt.date(2025, 1, 1)}
    days = [
        x
        for x in days_between(dt.date(2024, 9, 2), dt.date(2025, 2, 28))
        if x.weekday() < 6 and x not in closed
    ]
    chosen = sorted(set(rng.sample(days, 92)) | {dt.date(2024, 12, 23)})
    hours_by_shift = {
        "Morning": [3.5, 4, 4, 4, 5, 5.5],
        "Afternoon": [3, 3.5, 4, 4, 5],
        "Evening": [2, 2.5, 3, 3, 3.5],
    }
    roles, rw = (
        ["Sorting", "Packing", "Delivery driver", "Front desk", "Warehouse"],
        [25, 25, 18, 15, 17],
    )
    notes_pool = [
        "trained a new volunteer",
        "left early - family emergency",
        "stayed late to finish sorting",
        "corporate team day",
        "covered for a sick colleague",
        "left early (bus)",
        "great shift, very busy",
    ]
    rows = []
    for day in chosen:
        k = rng.choice([1, 2, 2, 3])
        for v in rng.sample(range(len(vols)), k) if day != dt.date(2024, 12, 23) else [0, 1]:
            v = rng.choices(range(len(vols)), vw)[0] if day != dt.date(2024, 12, 23) else v
            name, email, bg = vols[v]
            shift = rng.choice(list(hours_by_shift))
            role = rng.choices(roles, rw)[0]
            status = rng.choices(["Attended", "No-show", "Cancelled"], [85, 8, 7])[0]
            if day == dt.date(2024, 12, 23):
                status = "Attended"
            hrs = miles = note = None
            if status == "Attended":
                hrs = rng.choice(hours_by_shift[shift])
                if role == "Delivery driver":
                    miles = round(rng.uniform(4, 48), 1)
                    if miles == 30.0:
                        miles = 30.1
                    if rng.random() < 0.2:
                        note = "brought own van"
                if note is None and rng.random() < 0.2:
                    note = rng.choice(notes_pool)
            elif status == "Cancelled" and rng.random() < 0.5:
                note = "cancelled by text the night before"
            rows.append([day, name, email, shift, role, status, hrs, miles, bg, note])
    for i in rng.sample([i for i, r in enumerate(rows) if r[6] is not None], 4):
        rows[i][6] = str(rows[i][6])
    return rows


def write_volunteers(rows, path):
    wb = new_wb(VOL_SHEET)
    ws = wb.active
    title(ws, "A1", "Northgate Community Food Bank")
    ws["A2"] = "Volunteer hours log - September 2024 to February 2025"
    blank = {i for i in range(1, len(rows)) if rows[i][0].month != rows[i - 1][0].month}
    write_table(
        ws,
        4,
        1,
        VOL_COLS,
        rows,
        {"Date": "ddd dd/mm/yyyy", "Hours": "0.0", "Miles Driven": "0.0"},
        blank,
    )
    ws.column_dimensions["C"].width = 32
    save(wb, path)


def load_volunteers(path):
    return load_table(path, VOL_SHEET, "Date", numeric=["Hours", "Miles Driven"], dates=["Date"])


def cases_volunteers(d):
    c = Cases(VOL_FILE, VOL_SHEET)
    D, vol, email, shift, role = (
        d["Date"],
        d["Volunteer"],
        lower_text(d["Email"]),
        d["Shift"],
        d["Role"],
    )
    stt, hrs, miles, bg, notes = (
        d["Status"],
        d["Hours"],
        d["Miles Driven"],
        d["Background Check"],
        lower_text(d["Notes"]),
    )
    att = stt.eq("Attended")
    ym = D.dt.strftime("%Y-%m")
    c.v("row_noun", "how many volunteers do we have", vol.nunique())
    c.v(
        "status",
        "list everyone who actually did a delivery run",
        uniq(vol[role.eq("Delivery driver") & att]),
        unordered=True,
    )
    c.v("status", "no-shows in December", nz(cnt(stt.eq("No-show") & ym.eq("2024-12"))))
    c.v("status", "how many shifts were cancelled", nz(cnt(stt.eq("Cancelled"))))
    c.v(
        "status",
        "hours put in by volunteers without a background check",
        nz(hrs[bg.eq("No")].sum()),
    )
    ns = stt.eq("No-show").groupby(vol).sum()
    c.v(
        "status",
        "which volunteers have never been a no-show",
        sorted(ns[ns == 0].index),
        unordered=True,
    )
    c.v("dates", "hours logged in January", nz(hrs[ym.eq("2025-01")].sum()))
    c.v(
        "dates",
        "how many shifts were worked between 1 and 15 November",
        nz(cnt(att & D.between(pd.Timestamp("2024-11-01"), pd.Timestamp("2024-11-15")))),
    )
    c.v(
        "dates",
        "volunteer hours in Q4 2024",
        nz(hrs[(D.dt.year == 2024) & (D.dt.quarter == 4)].sum()),
    )
    c.v(
        "dates",
        "who was in on 23 December",
        uniq(vol[att & D.eq(pd.Timestamp("2024-12-23"))]),
        unordered=True,
    )
    nothr(hrs, 4.5)
    nothr(miles, 30)
    c.v("quantities", "shifts over four and a half hours", nz(cnt(hrs > 4.5)))
    c.v("quantities", "deliveries over 30 miles", nz(cnt(miles > 30)))
    c.v("superlative", "who volunteered the most hours", umax(hrs.groupby(vol).sum()))
    c.v("superlative", "top 3 volunteers by shifts attended", topn(att.groupby(vol).sum(), 3))
    c.v("superlative", "which role gets the most hours", umax(hrs.groupby(role).sum()))
    c.v("two_keys", "hours by role and month", grid(hrs, role, ym, "sum"))
    c.v("x_by_y", "hours per shift type", hrs.groupby(shift).sum().to_dict())
    dd = role.eq("Delivery driver") & att
    c.v(
        "x_by_y", "miles driven by each delivery driver", miles[dd].groupby(vol[dd]).sum().to_dict()
    )
    c.v(
        "text_match",
        "how many volunteers use a hotmail address",
        nz(vol[email.str.contains("hotmail")].nunique()),
    )
    c.v("text_match", "shifts where someone left early", nz(cnt(notes.str.contains("left early"))))
    c.v("derived", "mileage claim for all deliveries at 45p a mile", miles.sum() * 0.45)
    c.v("derived", "what fraction of all rostered shifts were no-shows", stt.eq("No-show").mean())
    c.v("plain", "average hours per shift", hrs.mean())
    c.v("plain", "total miles driven", miles.sum())
    last_att = D[att].groupby(vol[att]).max()
    last_any = D.groupby(vol).max()
    ok = sorted(
        v
        for v in last_att.index
        if last_att[v] == last_any[v] and (vol.eq(v) & D.eq(last_any[v])).sum() == 1
    )
    pv = ok[len(ok) // 2]
    c.v("dates", f"when did {pv} last volunteer?", last_att[pv])
    tot_rows = vol.value_counts()
    att_rows = att.groupby(vol).sum()
    cand = sorted(v for v in tot_rows.index if tot_rows[v] != att_rows[v])
    if not cand:
        raise Redraw("no clarify candidate")
    pc = cand[0]
    c.clarify("status", f"how many shifts did {pc} do", int(att_rows[pc]), int(tot_rows[pc]))
    c.clarify(
        "superlative",
        "what was our busiest month",
        umax(att.groupby(ym).sum()),
        umax(hrs.groupby(ym).sum()),
    )
    c.refuse("plain", "how many food parcels were packed in October")
    c.refuse("plain", "average age of our volunteers")
    return c.rows


# ======================================================================================
BOOKS = [
    (BUS_FILE, gen_bus, write_bus, load_bus, cases_bus, 1000),
    (DEN_FILE, gen_dental, write_dental, load_dental, cases_dental, 2000),
    (BUG_FILE, gen_bugs, write_bugs, load_bugs, cases_bugs, 3000),
    (FARM_FILE, gen_farm, write_farm, load_farm, cases_farm, 4000),
    (WINE_FILE, gen_wine, write_wine, load_wine, cases_wine, 5000),
    (CYC_FILE, gen_cycling, write_cycling, load_cycling, cases_cycling, 6000),
    (WO_FILE, gen_wo, write_wo, load_wo, cases_wo, 7000),
    (WAT_FILE, gen_water, write_water, load_water, cases_water, 8000),
    (EXP_FILE, gen_exports, write_exports, load_exports, cases_exports, 9000),
    (VOL_FILE, gen_volunteers, write_volunteers, load_volunteers, cases_volunteers, 10000),
]


def build_book(fname, gen, write, load, make_cases, seed0, verbose=False):
    path = os.path.join(BOOKS_DIR, fname)
    for k in range(500):
        rng = random.Random(seed0 + k)
        rows = gen(rng)
        write(rows, path)
        df = load(path)
        try:
            return make_cases(df), seed0 + k, len(df)
        except Redraw as e:
            if verbose:
                print("  redraw %s seed %d: %s" % (fname, seed0 + k, e))
    raise RuntimeError("could not draw unambiguous data for " + fname)


def main():
    os.makedirs(BOOKS_DIR, exist_ok=True)
    verbose = os.environ.get("VERBOSE") == "1"
    allcases = []
    for spec in BOOKS:
        rows, seed, n = build_book(*spec, verbose=verbose)
        if verbose:
            print("%-30s seed %d  %d rows  %d cases" % (spec[0], seed, n, len(rows)))
        allcases.extend(rows)
    cmds = [c["command"].lower() for c in allcases]
    assert len(set(cmds)) == len(cmds), "duplicate command"
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8") as f:
        for i, c in enumerate(allcases, 1):
            rec = {"id": "%s%03d" % (PREFIX, i)}
            rec.update(c)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
