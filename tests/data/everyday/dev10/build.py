#!/usr/bin/env python
"""Build the "dev10" everyday-spreadsheet evaluation set for nlsheet.

Written by a helper session that saw neither nlsheet's code, its training
data nor its rules: the workbooks and the commands below come only from the
helper's own imagination of how office users type questions.

What this script does (deterministically; rerunning gives byte-identical files)
---------------------------------------------------------------------------
1. Writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each: bike-shop repair jobs, airline punctuality log,
   letting-agent viewings, school canteen weekly sales (one column per weekday
   Mon..Fri), dog-rescue adoptions, garden-centre plant stock, water-quality
   samples, translation-agency freelancer payments (one column per year
   2019..2024), courier parcel claims and football match results.
   The mess spread over the books: title/subtitle rows above the header, blank
   rows inside the data, "Total" rows under the data, tables starting in
   column B, numbers stored as text in a few cells, blank cells, yes/no
   columns, status columns, free-text notes columns, real date cells, currency
   and units in headers, a wide year table, repeating names.
   Randomness comes from ``random.Random(seed)`` only; all dates are fixed; the
   document properties and the zip entry timestamps are pinned to a fixed
   instant so the .xlsx bytes do not depend on the clock.
2. Reads every workbook back with a small loader (find the header row, skip
   title rows, blank rows and rows whose first filled cell starts with
   "Total", turn numbers-stored-as-text into numbers) and COMPUTES every
   expected answer from those rows with pandas. No answer is typed by hand.
   If a generated table breaks a rule below (a tie in a superlative/top-N,
   a value sitting exactly on a threshold used in a command, an empty cell in
   a two-key table, ...) the book is re-drawn with the next seed.
3. Writes ``cases.jsonl`` with one object per line:
   {"id", "book", "sheet", "command", "class", "split", "kind", "expected",
    ["unordered"]}

Conventions for ``expected``
----------------------------
* kind "value": the answer. Numbers are plain JSON numbers (counts are ints,
  other numbers rounded to 6 decimals); a single name is a string; lists of
  names are lists ("unordered": true when order does not matter - such lists
  are stored sorted; ranked lists keep rank order); "X by Y" is
  {group: number}; two keys are {k1: {k2: number}}; months are "YYYY-MM",
  single dates "YYYY-MM-DD", years ints (as dict keys: "2019"); quarters as
  dict keys are "Q1".."Q4" when the table covers a single year; weekday keys
  are the column headers "Mon".."Fri"; percentages and shares are fractions
  between 0 and 1.
  A bare noun phrase ("unpaid invoices") is a count of rows. "between A and B"
  is inclusive, "since D" includes D, "before"/"after" exclude. Blank cells are
  ignored by averages. Superlatives and top-N lists never have ties, and no
  value sits exactly on a threshold used in a command (checked in code).
* kind "clarify": expected null - the command is genuinely ambiguous for the
  table (two reasonable readings with different answers).
* kind "refuse": expected null - no column of the table can answer it.

Class names: row_noun, status, dates, quantities, superlative, two_keys,
x_by_y, text_match, derived, wide_years, month_column, plain. The canteen book
has one column per WEEKDAY (Mon..Fri) rather than per month; questions on
those period columns use class "month_column".
"""

import datetime as dt
import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev10"
FIXED = dt.datetime(2024, 7, 1, 9, 0, 0)
D = dt.date
TD = dt.timedelta


# ---------------------------------------------------------------- helpers
class Redraw(Exception):
    pass


def need(cond, msg="constraint"):
    if not cond:
        raise Redraw(msg)


def rand_date(rng, a, b):
    return a + TD(days=rng.randint(0, (b - a).days))


FIRST = [
    "James",
    "Olivia",
    "Amir",
    "Chloe",
    "Liam",
    "Grace",
    "Noah",
    "Ella",
    "Ravi",
    "Sophie",
    "Jack",
    "Isla",
    "Mohammed",
    "Freya",
    "Oscar",
    "Hannah",
    "Leo",
    "Aisha",
    "Harry",
    "Niamh",
    "Ethan",
    "Zara",
    "Callum",
    "Megan",
    "Daniel",
    "Ruth",
    "Tomasz",
    "Erin",
    "Kwame",
    "Lucy",
    "Finn",
    "Priyanka",
    "George",
    "Maya",
    "Sean",
    "Anna",
    "Declan",
    "Yasmin",
    "Owen",
    "Beth",
]
LAST = [
    "Smith",
    "Patel",
    "O'Brien",
    "Nowak",
    "Khan",
    "Walsh",
    "Jones",
    "Murphy",
    "Taylor",
    "Brown",
    "Evans",
    "Hughes",
    "Ali",
    "Kelly",
    "Wilson",
    "Byrne",
    "Clarke",
    "Ahmed",
    "Roberts",
    "Doyle",
    "Campbell",
    "Lewis",
    "Okoro",
    "Wright",
    "Green",
    "Hall",
    "Mitchell",
    "Singh",
    "Reid",
    "Fraser",
]


def people(rng, k, exclude=()):
    seen, res = set(exclude), []
    while len(res) < k:
        n = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if n not in seen:
            seen.add(n)
            res.append(n)
    return res


def N(x, nd=6):
    """Plain JSON number: ints stay ints, floats rounded; integral floats -> int."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    r = round(float(x), nd)
    if r == int(r):
        return int(r)
    return r


def cnt(mask):
    return int(mask.sum())


def DS(s):
    return {str(k): N(v) for k, v in s.items()}


def DD(t):
    return {str(i): {str(c): N(t.loc[i, c]) for c in t.columns} for i in t.index}


def top(s, n=1, asc=False):
    """Index labels of the n largest (smallest) values; no ties allowed among
    the first n+1 places."""
    s = s.dropna().sort_values(ascending=asc, kind="mergesort")
    vals = list(s.values)
    for i in range(min(n, len(vals) - 1)):
        need(abs(float(vals[i]) - float(vals[i + 1])) > 1e-9, "tie")
    keys = [str(k) for k in s.index[:n]]
    return keys[0] if n == 1 else keys


def row_top(df, val, label, asc=False):
    d = df.dropna(subset=[val]).sort_values(val, ascending=asc, kind="mergesort")
    need(abs(float(d[val].iloc[0]) - float(d[val].iloc[1])) > 1e-9, "row tie")
    v = d[label].iloc[0]
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return str(v)


def avoid(s, *vals):
    for x in s.dropna():
        for v in vals:
            need(abs(float(x) - v) > 1e-9, f"value on threshold {v}")


def has(s, word):
    return s.fillna("").astype(str).str.contains(word, case=False, regex=False)


def uniq(s):
    return sorted(str(x) for x in pd.unique(s.dropna()))


def yes(s):
    return s.fillna("").astype(str).str.strip().str.lower().isin(["yes", "y"])


def no(s):
    return s.fillna("").astype(str).str.strip().str.lower().isin(["no", "n"])


def ym(s):
    return s.dt.strftime("%Y-%m")


def qkey(s):
    return "Q" + s.dt.quarter.astype(str)


def crosstab_full(a, b):
    t = pd.crosstab(a, b)
    need(t.values.min() > 0, "empty two-key cell")
    return t


def pivot_full(df, k1, k2, val, agg):
    t = df.pivot_table(index=k1, columns=k2, values=val, aggfunc=agg)
    need(not t.isna().any().any(), "empty two-key cell")
    return t


# ------------------------------------------------------------ xlsx writing
def save(wb, path):
    """Save with pinned document properties and zip timestamps."""
    wb.properties.creator = "Office User"
    wb.properties.lastModifiedBy = "Office User"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                    lambda m: m.group(1) + stamp + m.group(2),
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 7, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def put_table(ws, r0, c0, headers, rows, fmt=None):
    """Write header at (r0, c0) and rows below; a row of None is a blank row."""
    fmt = fmt or {}
    for j, h in enumerate(headers):
        ws.cell(r0, c0 + j, h).font = Font(bold=True)
    r = r0 + 1
    for row in rows:
        if row is not None:
            for j, v in enumerate(row):
                if v is None or v == "":
                    continue
                cell = ws.cell(r, c0 + j, v)
                if isinstance(v, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
                elif not isinstance(v, str) and headers[j] in fmt:
                    cell.number_format = fmt[headers[j]]
                if isinstance(row[0], str) and row[0].startswith("Total"):
                    cell.font = Font(bold=True)
        r += 1
    for j, h in enumerate(headers):
        letter = ws.cell(r0, c0 + j).column_letter
        ws.column_dimensions[letter].width = max(9, min(34, len(str(h)) + 4))
    return r


def sprinkle_blanks(rng, rows, k):
    rows = list(rows)
    for _ in range(k):
        rows.insert(rng.randint(3, len(rows) - 2), None)
    return rows


def textify(rng, rows, col, k, fmtf=str):
    idx = [
        i
        for i, r in enumerate(rows)
        if r is not None and r[col] is not None and not isinstance(r[col], str)
    ]
    for i in rng.sample(idx, k):
        rows[i][col] = fmtf(rows[i][col])


# ---------------------------------------------------------------- loading
def load(path, sheet, first_header):
    ws = load_workbook(path, data_only=True)[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hi = next(
        i
        for i, r in enumerate(rows)
        if first_header in [str(v).strip() for v in r if v is not None]
    )
    cols = [(j, str(h).strip()) for j, h in enumerate(rows[hi]) if h is not None and str(h).strip()]
    recs = []
    for r in rows[hi + 1 :]:
        vals = [r[j] if j < len(r) else None for j, _ in cols]
        vals = [None if isinstance(v, str) and not v.strip() else v for v in vals]
        if all(v is None for v in vals):
            continue
        first = next(v for v in vals if v is not None)
        if isinstance(first, str) and first.strip().lower().startswith("total"):
            continue
        recs.append(vals)
    return pd.DataFrame(recs, columns=[h for _, h in cols])


def to_num(s):
    return pd.to_numeric(
        s.map(lambda v: re.sub(r"[,£€\s]", "", v) if isinstance(v, str) else v), errors="coerce"
    )


def to_date(s):
    return pd.to_datetime(s)


class Book:
    def __init__(self, name, sheet):
        self.name, self.sheet, self.cases = name, sheet, []
        self.path = BOOKS / name

    def _add(self, cls, cmd, kind, exp, unordered=False):
        d = {
            "book": self.name,
            "sheet": self.sheet,
            "command": cmd,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": exp,
        }
        if unordered:
            d["unordered"] = True
        self.cases.append(d)

    def v(self, cls, cmd, exp, unordered=False):
        if isinstance(exp, list):
            need(len(exp) > 0, "empty list answer")
            if unordered:
                exp = sorted(exp)
        self._add(cls, cmd, "value", exp, unordered)

    def c(self, cls, cmd):
        self._add(cls, cmd, "clarify", None)

    def r(self, cls, cmd):
        self._add(cls, cmd, "refuse", None)


def new_sheet(title):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    return wb, ws


# =================================================================== BOOKS
# 1 ----------------------------------------------------------- bike shop
def book_bike(seed):
    rng = random.Random(seed)
    B = Book("bike_repairs.xlsx", "Repair Jobs")
    custs = people(rng, 45)
    cw = [rng.randint(1, 5) for _ in custs]
    mechs, mw = ["Tom", "Priya", "Kasia", "Dev"], [30, 27, 23, 20]
    types, tw = ["Road", "Mountain", "Hybrid", "E-bike", "Kids", "Gravel"], [30, 24, 19, 14, 7, 6]
    jobs = {
        "Puncture repair": (0.3, 0.8, 0, 18),
        "Full service": (2.0, 4.2, 15, 90),
        "Brake bleed": (0.8, 1.7, 8, 35),
        "Gear tune": (0.5, 1.3, 0, 12),
        "Wheel true": (0.6, 1.4, 0, 20),
        "Chain & cassette": (0.7, 1.6, 35, 120),
        "Headset service": (0.8, 1.9, 0, 45),
        "Bottom bracket": (1.0, 2.4, 20, 70),
    }
    notes = [
        "warranty claim - cracked frame",
        "call customer before any extra work",
        "tubeless setup requested",
        "brakes squealing on front",
        "needs new tyre, ordered in",
        "collected late, storage fee waived",
        "recurring puncture - check rim tape",
        "Warranty: Shimano hub",
        "customer supplied own parts",
        "bent derailleur hanger",
        "tubeless sealant dried out",
        "rust on chain, commuter bike",
    ]
    recs = []
    for i in range(120):
        if i < 48:
            din = rand_date(rng, D(2024, 6, 1), D(2024, 6, 28))
        else:
            din = rand_date(rng, D(2024, 1, 3), D(2024, 5, 31))
        job = rng.choice(list(jobs))
        lo, hi, plo, phi = jobs[job]
        mech = rng.choices(mechs, mw)[0]
        bt = rng.choices(types, tw)[0]
        cust = rng.choices(custs, cw)[0]
        if din.month < 6:
            status = "Collected" if rng.random() < 0.88 else "Ready"
        else:
            status = rng.choices(["Waiting", "In Progress", "Ready", "Collected"], [3, 3, 2, 2])[0]
        dout = None
        if status in ("Ready", "Collected"):
            dout = min(din + TD(days=rng.randint(0, 9)), D(2024, 6, 29))
        hrs = round(rng.uniform(lo, hi), 1)
        if hrs in (1.5, 3.0):
            hrs = round(hrs + 0.1, 1)
        if plo == 0 and rng.random() < 0.5:
            parts = 0
        else:
            parts = round(rng.uniform(max(plo, 3), phi), 2)
            if parts in (50.0, 20.0):
                parts += 0.5
        note = rng.choice(notes) if rng.random() < 0.45 else None
        recs.append([din, cust, bt, job, mech, din, dout, hrs, parts, status, note])
    recs.sort(key=lambda r: r[0])
    # one job sat waiting for parts: the single longest turnaround
    slow = rng.choice([r for r in recs if r[9] == "Collected" and r[0] < D(2024, 5, 1)])
    slow[6] = slow[5] + TD(days=rng.randint(15, 21))
    slow[10] = "waiting on parts from supplier"
    rows = [[f"R-{1001 + i}"] + r[1:] for i, r in enumerate(recs)]
    tot_h = round(sum(r[7] for r in rows), 1)
    tot_p = round(sum(r[8] for r in rows), 2)
    textify(rng, rows, 8, 3, lambda v: f"{v:.2f}")
    textify(rng, rows, 7, 2)
    rows = sprinkle_blanks(rng, rows, 3)
    rows += [None, ["Total", None, None, None, None, None, None, tot_h, tot_p, None, None]]
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Spokes & Sprockets - Workshop repair log"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Jan-Jun 2024, exported from the booking book"
    hdr = [
        "Job No",
        "Customer",
        "Bike Type",
        "Job",
        "Mechanic",
        "Date In",
        "Date Out",
        "Labour Hrs",
        "Parts (£)",
        "Status",
        "Notes",
    ]
    put_table(ws, 4, 1, hdr, rows, {"Parts (£)": "£#,##0.00", "Labour Hrs": "0.0"})
    save(wb, B.path)

    df = load(B.path, B.sheet, "Job No")
    need(len(df) == 120, "loader row count")
    df["Date In"] = to_date(df["Date In"])
    df["Date Out"] = to_date(df["Date Out"])
    df["Labour Hrs"] = to_num(df["Labour Hrs"])
    df["Parts (£)"] = to_num(df["Parts (£)"])
    din, dout, h, p = df["Date In"], df["Date Out"], df["Labour Hrs"], df["Parts (£)"]
    avoid(h, 1.5, 3.0)
    avoid(p, 50, 20)

    B.v("row_noun", "how many jobs are assigned to Priya?", cnt(df.Mechanic == "Priya"))
    ebm = df[(df["Bike Type"] == "E-bike") & (din.dt.month == 3)]
    B.v(
        "row_noun",
        "list the customers who brought an e-bike in during March",
        uniq(ebm.Customer),
        True,
    )
    B.v("status", "how many bikes are ready for collection", cnt(df.Status == "Ready"))
    B.v("status", "jobs not yet collected", cnt(df.Status != "Collected"))
    B.v(
        "status",
        "in progress jobs for kasia?",
        cnt((df.Status == "In Progress") & (df.Mechanic == "Kasia")),
    )
    B.v("dates", "how many bikes were booked in during Q1", cnt(din.dt.quarter == 1))
    B.v("dates", "repairs that came in since May 10", cnt(din >= "2024-05-10"))
    B.v("dates", "How many jobs were completed in April?", cnt(dout.dt.month == 4))
    feb = din[din.dt.month == 2].value_counts()
    cand = sorted(d for d, c in feb.items() if c >= 2)
    need(cand, "no feb date")
    d = cand[len(cand) // 2]
    B.v("dates", f"how many bikes came in on {d.day} Feb?", cnt(din == d))
    B.v("quantities", "jobs where the parts came to more than £50", cnt(p > 50))
    B.v(
        "quantities",
        "how many repairs took between 1.5 and 3 hours of labour",
        cnt((h >= 1.5) & (h <= 3)),
    )
    B.v(
        "superlative",
        "which mechanic has logged the most labour hours",
        top(h.groupby(df.Mechanic).sum()),
    )
    B.v(
        "superlative",
        "who had the most expensive parts bill?",
        row_top(df, "Parts (£)", "Customer"),
    )
    B.v("superlative", "top 3 bike types by number of jobs", top(df.groupby("Bike Type").size(), 3))
    B.v("two_keys", "jobs by mechanic and status", DD(crosstab_full(df.Mechanic, df.Status)))
    t = df.assign(m=ym(din)).pivot_table(
        index="Mechanic", columns="m", values="Labour Hrs", aggfunc="sum"
    )
    need(not t.isna().any().any())
    B.v("two_keys", "labour hours per mechanic per month", DD(t))
    B.v("x_by_y", "parts spend by bike type", DS(p.groupby(df["Bike Type"]).sum()))
    B.v("x_by_y", "avg labour hrs by job", DS(h.groupby(df.Job).mean()))
    B.v("text_match", "how many jobs mention warranty in the notes", cnt(has(df.Notes, "warranty")))
    B.v(
        "text_match",
        "which customers have tubeless in their notes?",
        uniq(df[has(df.Notes, "tubeless")].Customer),
        True,
    )
    ta = (dout - din).dt.days
    B.v("derived", "what's our average turnaround time in days", N(ta.mean()))
    B.v(
        "derived",
        "which job number had the longest turnaround?",
        row_top(df.assign(ta=ta), "ta", "Job No"),
    )
    B.v("plain", "total spent on parts", N(p.sum()))
    B.v("plain", "avg labour hours on mountain bikes", N(h[df["Bike Type"] == "Mountain"].mean()))
    need(cnt(din.dt.month == 3) != cnt(dout.dt.month == 3))
    B.c("dates", "how many jobs in march?")
    dv = df[df.Mechanic == "Dev"]
    need(dv["Labour Hrs"].idxmax() != dv["Parts (£)"].idxmax())
    B.c("superlative", "what was Dev's biggest job")
    B.r("plain", "average customer satisfaction score")
    B.r("derived", "how much do we charge per hour of labour")
    return B


# 2 ------------------------------------------------------------- airline
def book_airline(seed):
    rng = random.Random(seed)
    B = Book("flight_punctuality.xlsx", "Punctuality 2023")
    flights = {
        "LW101": "Belfast City - Glasgow",
        "LW102": "Glasgow - Belfast City",
        "LW210": "Belfast City - Jersey",
        "LW211": "Jersey - Belfast City",
        "LW330": "Glasgow - Isle of Man",
        "LW331": "Isle of Man - Glasgow",
        "LW450": "Belfast City - Cardiff",
        "LW451": "Cardiff - Belfast City",
    }
    fw = [rng.uniform(0.6, 1.6) for _ in flights]
    fleet = {"ATR 72-600": 70, "Dash 8-400": 78, "Saab 340": 34}
    aw = [45, 35, 20]
    reasons = [
        "ATC restrictions",
        "Late inbound aircraft",
        "Weather - fog",
        "Weather - crosswind",
        "Crew sickness",
        "Technical - hydraulic",
        "Baggage loading",
        "Crew duty hours",
        "Late inbound aircraft",
    ]
    creasons = ["Cancelled - technical", "Cancelled - crosswinds", "Cancelled - crew shortage"]
    seen, recs = set(), []
    while len(recs) < 150:
        fno = rng.choices(list(flights), fw)[0]
        d = rand_date(rng, D(2023, 1, 2), D(2023, 12, 30))
        if (fno, d) in seen:
            continue
        seen.add((fno, d))
        ac = rng.choices(list(fleet), aw)[0]
        canc = rng.random() < 0.06
        if canc:
            delay, pax, why = None, None, rng.choice(creasons)
        else:
            r = rng.random()
            delay = (
                rng.randint(0, 9)
                if r < 0.5
                else (rng.randint(10, 50) if r < 0.8 else rng.randint(51, 200))
            )
            if delay in (15, 30, 45, 60):
                delay += 1
            pax = rng.randint(int(fleet[ac] * 0.35), fleet[ac])
            if pax == 40:
                pax += 1
            why = rng.choice(reasons) if delay >= 15 else None
        cflag = "Yes" if canc else "No"
        if rng.random() < 0.03:
            cflag = cflag.lower()
        recs.append([fno, flights[fno], d, delay, cflag, pax, ac, why])
    recs.sort(key=lambda r: (r[2], r[0]))
    textify(rng, recs, 3, 3)
    rows = sprinkle_blanks(rng, recs, 4)
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Loughwing Air - Punctuality log 2023"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Delay = minutes after scheduled departure; Pax = passengers boarded"
    hdr = [
        "Flight No",
        "Route",
        "Sched. Date",
        "Delay (mins)",
        "Cancelled?",
        "Pax",
        "Aircraft",
        "Delay Reason",
    ]
    put_table(ws, 4, 1, hdr, rows)
    save(wb, B.path)

    df = load(B.path, B.sheet, "Flight No")
    need(len(df) == 150)
    df["Sched. Date"] = to_date(df["Sched. Date"])
    df["Delay (mins)"] = to_num(df["Delay (mins)"])
    df["Pax"] = to_num(df["Pax"])
    sd, dl, px = df["Sched. Date"], df["Delay (mins)"], df["Pax"]
    canc = yes(df["Cancelled?"])
    avoid(dl, 15, 30, 45, 60)
    avoid(px, 40)

    B.v("row_noun", "how many LW210 flights were scheduled?", cnt(df["Flight No"] == "LW210"))
    B.v(
        "row_noun",
        "list the flight numbers that were flown by the Saab",
        uniq(df[df.Aircraft == "Saab 340"]["Flight No"]),
        True,
    )
    B.v("status", "how many flights were cancelled", cnt(canc))
    B.v("status", "flights in march that weren't cancelled", cnt(~canc & (sd.dt.month == 3)))
    B.v(
        "dates",
        "how many flights were scheduled in the second half of the year",
        cnt(sd.dt.month >= 7),
    )
    B.v("dates", "number of flights from February to April", cnt(sd.dt.month.between(2, 4)))
    vc = sd.value_counts()
    cand = sorted(d for d, c in vc.items() if c >= 2 and d.month in (5, 6, 9))
    need(cand)
    d = cand[len(cand) // 2]
    B.v(
        "dates",
        f"which flights were scheduled on {d.day} {d:%B}?",
        uniq(df[sd == d]["Flight No"]),
        True,
    )
    B.v("dates", "how many passengers did we fly in Q4", N(px[sd.dt.quarter == 4].sum()))
    B.v("quantities", "flights delayed by more than 30 mins", cnt(dl > 30))
    B.v("quantities", "how many flights were at least an hour late?", cnt(dl >= 60))
    B.v("quantities", "flights with fewer than forty passengers on board", cnt(px < 40))
    B.v("quantities", "delays between 15 and 45 minutes - how many?", cnt((dl >= 15) & (dl <= 45)))
    B.v(
        "superlative",
        "which flight had the longest delay",
        row_top(df, "Delay (mins)", "Flight No"),
    )
    B.v("superlative", "which route has the worst average delay", top(dl.groupby(df.Route).mean()))
    B.v("superlative", "top 3 routes by passengers carried", top(px.groupby(df.Route).sum(), 3))
    B.v(
        "superlative",
        "which aircraft type carried the most pax",
        top(px.groupby(df.Aircraft).sum()),
    )
    t = df.assign(q=qkey(sd)).pivot_table(
        index="Aircraft", columns="q", values="Delay (mins)", aggfunc="mean"
    )
    need(not t.isna().any().any())
    B.v("two_keys", "average delay by aircraft and quarter", DD(t))
    t = df.assign(q=qkey(sd)).pivot_table(
        index="Aircraft", columns="q", values="Pax", aggfunc="sum"
    )
    need(not t.isna().any().any())
    B.v("x_by_y", "passengers by route", DS(px.groupby(df.Route).sum()))
    cpa = canc.groupby(df.Aircraft).sum()
    need(cpa.min() > 0)
    B.v("x_by_y", "cancellations per aircraft", DS(cpa))
    B.v("text_match", "how many flights were held up by fog", cnt(has(df["Delay Reason"], "fog")))
    B.v("text_match", "flights departing glasgow", cnt(df.Route.str.startswith("Glasgow")))
    B.v("derived", "what's our cancellation rate?", N(canc.mean()))
    B.v("plain", "average delay in minutes", N(dl.mean()))
    B.v("plain", "total pax in june", N(px[sd.dt.month == 6].sum()))
    B.c("quantities", "how many flights were over 60?")
    need(top(df.groupby("Route").size()) != top(px.groupby(df.Route).sum()))
    B.c("superlative", "which is our busiest route")
    B.c("plain", "how late were we in March?")
    B.r("derived", "what's the load factor on LW210")
    B.r("plain", "average ticket price to Jersey")
    return B


# 3 ------------------------------------------------------ letting agent
def book_viewings(seed):
    rng = random.Random(seed)
    B = Book("lettings_viewings.xlsx", "Viewings")
    areas = {
        "Clifton": 1650,
        "Redland": 1450,
        "Bedminster": 1100,
        "Southville": 1250,
        "Cotham": 1350,
        "Easton": 980,
    }
    streets = {
        "Clifton": ["Victoria Square", "Alma Vale", "Whiteladies Road"],
        "Redland": ["Elm Road", "Chandos Road", "North Road"],
        "Bedminster": ["Dean Lane", "Coronation Road", "Sheene Road"],
        "Southville": ["Raleigh Road", "Greville Road", "Stackpool Road"],
        "Cotham": ["Cotham Hill", "Cotham Brow", "Ashley Hill"],
        "Easton": ["Stapleton Road", "Mina Road", "Greenbank Avenue"],
    }
    props, used = [], set()
    alist = list(areas)
    for i in range(30):
        area = alist[i % 6] if i < 12 else rng.choice(alist)
        while True:
            addr = f"{rng.randint(2, 98)} {rng.choice(streets[area])}"
            if addr not in used:
                used.add(addr)
                break
        rent = int(round(areas[area] * rng.uniform(0.75, 1.35) / 5) * 5)
        if rent in (900, 1200, 1300, 1500):
            rent += 5
        props.append((addr, area, rent, rng.uniform(0.4, 3.0), rng.uniform(0.0, 0.5)))
    agents, agw = ["Sophie", "Marcus", "Lena", "Raj"], [32, 27, 23, 18]
    viewers = people(rng, 80)
    fb = [
        "liked the garden",
        "too small for family",
        "no parking nearby",
        "concerned about damp in bathroom",
        "wants second viewing",
        "parking permit needed - not keen",
        "great light, keen",
        "too small",
        "rent too high",
        "loved the kitchen",
        "noisy road",
    ]
    recs = []
    for _ in range(130):
        pr = rng.choices(props, [p[3] for p in props])[0]
        d = rand_date(rng, D(2023, 9, 1), D(2024, 2, 29))
        offer = "Yes" if rng.random() < pr[4] else "No"
        recs.append(
            [
                pr[0],
                pr[1],
                rng.choice(viewers),
                rng.choices(agents, agw)[0],
                d,
                offer,
                pr[2],
                rng.choice(fb) if rng.random() < 0.6 else None,
            ]
        )
    recs.sort(key=lambda r: r[4])
    textify(rng, recs, 6, 3, lambda v: f"{v:,}")
    rows = sprinkle_blanks(rng, recs, 3)
    wb, ws = new_sheet(B.sheet)
    ws["B1"] = "Harbourside Lettings - viewings log (Sep 23 - Feb 24)"
    ws["B1"].font = Font(bold=True, size=14)
    hdr = [
        "Property",
        "Area",
        "Viewer",
        "Agent",
        "Viewing Date",
        "Offer Made",
        "Asking Rent (£ pcm)",
        "Feedback",
    ]
    put_table(ws, 3, 2, hdr, rows, {"Asking Rent (£ pcm)": "£#,##0"})
    ws.column_dimensions["A"].width = 3
    save(wb, B.path)

    df = load(B.path, B.sheet, "Property")
    need(len(df) == 130)
    df["Viewing Date"] = to_date(df["Viewing Date"])
    df["Rent"] = to_num(df["Asking Rent (£ pcm)"])
    vd, rent = df["Viewing Date"], df["Rent"]
    off = yes(df["Offer Made"])
    avoid(rent, 900, 1200, 1300, 1500)
    pr = df.drop_duplicates("Property")

    B.v("row_noun", "how many viewings did Sophie do?", cnt(df.Agent == "Sophie"))
    B.v("row_noun", "list the properties in Redland", uniq(df[df.Area == "Redland"].Property), True)
    B.v("status", "how many viewings led to an offer", cnt(off))
    B.v("status", "Easton viewings with no offer", cnt(~off & (df.Area == "Easton")))
    never = off.groupby(df.Property).sum()
    B.v("status", "which properties never got an offer?", sorted(never[never == 0].index), True)
    B.v("dates", "viewings in Q4 2023", cnt((vd.dt.year == 2023) & (vd.dt.quarter == 4)))
    B.v("dates", "how many viewings have there been since 10 Jan", cnt(vd >= "2024-01-10"))
    B.v("dates", "number of viewings during december", cnt(vd.dt.month == 12))
    B.v("dates", "offers made from October to November", cnt(off & vd.dt.month.between(10, 11)))
    B.v("quantities", "how many properties are asking over £1,500 a month", cnt(pr.Rent > 1500))
    B.v("quantities", "viewings of places under £1.2k pcm", cnt(rent < 1200))
    B.v(
        "quantities",
        "how many of our properties have a rent between £900 and £1,300",
        cnt((pr.Rent >= 900) & (pr.Rent <= 1300)),
    )
    B.v("superlative", "which agent did the most viewings", top(df.groupby("Agent").size()))
    B.v("superlative", "most expensive property on our books?", row_top(pr, "Rent", "Property"))
    B.v("superlative", "which area gets the most offers", top(off.groupby(df.Area).sum()))
    B.v(
        "superlative",
        "which property has had the most viewings",
        top(df.groupby("Property").size()),
    )
    B.v("two_keys", "viewings by agent and month", DD(crosstab_full(df.Agent, ym(vd))))
    opa = off.groupby(df.Area).sum()
    need(opa.min() > 0)
    B.v("x_by_y", "offers by area", DS(opa))
    B.v("x_by_y", "highest asking rent in each area", DS(rent.groupby(df.Area).max()))
    B.v(
        "text_match",
        "viewings where the feedback mentions parking",
        cnt(has(df.Feedback, "parking")),
    )
    B.v(
        "text_match",
        "how many times did viewers say it was too small?",
        cnt(has(df.Feedback, "too small")),
    )
    B.v("derived", "what's Lena's offer rate", N(off[df.Agent == "Lena"].mean()))
    B.v(
        "derived", "conversion rate by agent (offers per viewing)", DS(off.groupby(df.Agent).mean())
    )
    B.v("plain", "lowest rent we're asking in southville", N(rent[df.Area == "Southville"].min()))
    B.c("plain", "what's the average rent")
    need(top(df.groupby("Agent").size()) != top(off.groupby(df.Agent).mean()))
    B.c("superlative", "who's our best agent?")
    B.r("row_noun", "how many bedrooms does the Clifton flat have")
    B.r("plain", "average deposit taken")
    return B


# 4 ------------------------------------------------------------- canteen
def book_canteen(seed):
    rng = random.Random(seed)
    B = Book("canteen_sales.xlsx", "Weekly Sales")
    items = [
        ("Pizza Slice", "Main", 2.10, 38),
        ("Pasta Bake", "Main", 2.30, 30),
        ("Jacket Potato", "Main", 1.95, 24),
        ("Fish Fingers", "Main", 2.20, 45),
        ("Veggie Curry", "Main", 2.25, 16),
        ("Chocolate Cake", "Dessert", 0.90, 28),
        ("Carrot Cake", "Dessert", 0.95, 14),
        ("Fruit Pot", "Dessert", 0.80, 20),
        ("Yoghurt", "Dessert", 0.60, 22),
        ("Milk Carton", "Drink", 0.45, 35),
        ("Orange Juice", "Drink", 0.70, 25),
        ("Water Bottle", "Drink", 0.50, 30),
        ("Cheese Scone", "Snack", 0.75, 12),
        ("Flapjack", "Snack", 0.65, 18),
    ]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    dayf = {d: rng.uniform(0.85, 1.2) for d in days}
    weeks = [D(2023, 10, 2) + TD(weeks=k) for k in range(8)]
    rows = []
    for w in weeks:
        wf = rng.uniform(0.85, 1.15)
        for name, cat, price, base in items:
            vals = []
            for d in days:
                if name == "Fish Fingers" and d != "Fri":
                    vals.append(None)
                    continue
                if name == "Veggie Curry" and d == "Fri":
                    vals.append(None)
                    continue
                v = max(0, int(round(rng.gauss(base * wf * dayf[d], base * 0.2))))
                if d == "Fri" and v == 40:
                    v = 41
                vals.append(v)
            rows.append([w, name, cat, price] + vals)
        rows.append(None)
    rows.pop()
    tots = [sum(r[4 + j] or 0 for r in rows if r is not None) for j in range(5)]
    textify(rng, rows, 6, 3)
    rows += [None, ["Total", None, None, None] + tots]
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Oakfield Primary School - Canteen sales"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Autumn term 2023 - portions sold per day"
    hdr = ["Week Commencing", "Item", "Category", "Price (£)"] + days
    put_table(ws, 4, 1, hdr, rows, {"Price (£)": "£0.00"})
    save(wb, B.path)

    df = load(B.path, B.sheet, "Week Commencing")
    need(len(df) == 112)
    df["Week Commencing"] = to_date(df["Week Commencing"])
    df["Price (£)"] = to_num(df["Price (£)"])
    for d in days:
        df[d] = to_num(df[d])
    wk, price = df["Week Commencing"], df["Price (£)"]
    avoid(df["Fri"], 40)
    avoid(price, 1.5)
    units = df[days].sum(axis=1)
    rev = units * price
    # long form with real calendar dates
    lg = df.melt(
        id_vars=["Week Commencing", "Item", "Category", "Price (£)"],
        value_vars=days,
        var_name="day",
        value_name="units",
    ).dropna(subset=["units"])
    lg["date"] = lg["Week Commencing"] + pd.to_timedelta(
        lg.day.map({d: i for i, d in enumerate(days)}), unit="D"
    )
    lg["rev"] = lg.units * lg["Price (£)"]
    colsum = df[days].sum()

    B.v("month_column", "how many portions were sold on Wednesdays altogether", N(df.Wed.sum()))
    B.v("month_column", "which weekday is busiest?", top(colsum))
    B.v(
        "month_column",
        "average friday sales for pizza slices",
        N(df.Fri[df.Item == "Pizza Slice"].mean()),
    )
    B.v(
        "month_column",
        "how many pasta bakes did we sell on the Tuesday in the week of 9 October",
        N(df.Tue[(df.Item == "Pasta Bake") & (wk == "2023-10-09")].sum()),
    )
    jp = df[df.Item == "Jacket Potato"]
    B.v(
        "month_column",
        "jacket potatoes sold mon to wed, all weeks together",
        N(jp[["Mon", "Tue", "Wed"]].sum().sum()),
    )
    B.v("month_column", "Monday total minus Friday total?", N(colsum["Mon"] - colsum["Fri"]))
    B.v(
        "month_column",
        "quietest day of the week for desserts",
        top(df[df.Category == "Dessert"][days].sum(), asc=True),
    )
    B.v("row_noun", "how many items are on the menu", int(df.Item.nunique()))
    B.v("row_noun", "list the drinks we sell", uniq(df[df.Category == "Drink"].Item), True)
    B.v(
        "dates",
        "total portions sold in the week starting 16 October",
        N(units[wk == "2023-10-16"].sum()),
    )
    B.v(
        "dates",
        "how many portions did we sell in November",
        N(lg.units[lg.date.dt.month == 11].sum()),
    )
    B.v(
        "dates",
        "orange juice sales in october",
        N(lg.units[(lg.date.dt.month == 10) & (lg.Item == "Orange Juice")].sum()),
    )
    B.v(
        "quantities",
        "how many menu items cost less than £1.50",
        int(df[price < 1.5].Item.nunique()),
    )
    B.v("quantities", "how many times did Friday sales of an item go above 40", cnt(df.Fri > 40))
    B.v("superlative", "best-selling item overall", top(units.groupby(df.Item).sum()))
    wtot = units.groupby(wk).sum()
    B.v(
        "superlative",
        "which week sold the most portions?",
        pd.Timestamp(top(wtot)).strftime("%Y-%m-%d"),
    )
    B.v("superlative", "top 3 items by revenue", top(rev.groupby(df.Item).sum(), 3))
    B.v("two_keys", "units sold by category and weekday", DD(df.groupby("Category")[days].sum()))
    t = lg.assign(m=ym(lg.date)).pivot_table(
        index="Category", columns="m", values="rev", aggfunc="sum"
    )
    need(not t.isna().any().any())
    B.v("two_keys", "revenue by category and month", DD(t))
    B.v("x_by_y", "portions by item", DS(units.groupby(df.Item).sum()))
    B.v("text_match", "items with 'cake' in the name", uniq(df[has(df.Item, "cake")].Item), True)
    B.v("derived", "total revenue from desserts", N(rev[df.Category == "Dessert"].sum()))
    B.v("derived", "how much money did the flapjacks bring in", N(rev[df.Item == "Flapjack"].sum()))
    B.v("plain", "total number of portions sold this term", N(units.sum()))
    B.c("plain", "how much pizza did we sell?")
    B.c("dates", "total for week 3")
    B.r("plain", "how many pupils had school dinners")
    B.r("derived", "how much profit did we make on pasta bake")
    return B


# 5 ---------------------------------------------------------- dog rescue
def book_dogs(seed):
    rng = random.Random(seed)
    B = Book("dog_adoptions.xlsx", "Adoptions")
    dognames = [
        "Bella",
        "Max",
        "Luna",
        "Charlie",
        "Daisy",
        "Rocky",
        "Molly",
        "Buster",
        "Rosie",
        "Bruno",
        "Poppy",
        "Toby",
        "Ruby",
        "Milo",
        "Lola",
        "Alfie",
        "Nala",
        "Bear",
        "Willow",
        "Ziggy",
        "Hazel",
        "Murphy",
        "Skye",
        "Rex",
        "Tilly",
        "Archie",
        "Maisie",
        "Duke",
        "Pippa",
        "Oscar",
        "Honey",
        "Ted",
        "Bonnie",
        "Winston",
        "Mabel",
        "Diesel",
        "Coco",
        "Finn",
        "Betsy",
        "Loki",
        "Sasha",
        "Barney",
        "Misty",
        "Bolt",
        "Hattie",
        "Rolo",
        "Millie",
        "Blue",
        "Peggy",
        "Jasper",
        "Lady",
        "Otis",
        "Kira",
        "Harvey",
        "Ginger",
        "Tyson",
        "Dolly",
        "Marley",
        "Juno",
        "Benji",
        "Freya",
        "Samson",
        "Tess",
        "Buddy",
        "Pepper",
        "Bramble",
        "Sooty",
        "Hugo",
        "Flo",
        "Zeus",
        "Cleo",
        "Dexter",
        "Nell",
        "Ralph",
        "Suki",
        "Bobby",
        "Olive",
        "Kobe",
        "Meg",
        "Storm",
        "Lottie",
        "Percy",
        "Ivy",
        "Arlo",
        "Queenie",
        "Chester",
        "Minnie",
        "Thor",
        "Trixie",
        "Boris",
        "Elsie",
        "Scout",
        "Dora",
        "Gus",
        "Fudge",
        "Blaze",
        "Penny",
        "Monty",
        "Roxy",
        "Sid",
        "Heidi",
        "Bono",
    ]
    breeds, bw = (
        ["Staffie", "Greyhound", "Labrador", "Lurcher", "Collie", "Jack Russell"],
        [28, 22, 17, 14, 11, 8],
    )
    adopters = people(rng, 70)
    notes = [
        "cat friendly",
        "no cats",
        "separation anxiety",
        "needs experienced owner",
        "house trained",
        "good on lead",
        "separation anxiety - improving",
        "cat friendly, good with kids",
        "pulls on lead",
        "shy with men",
    ]
    recs = []
    oldest, longest = rng.sample(range(100), 2)
    for k, nm in enumerate(rng.sample(dognames, 100)):
        br = rng.choices(breeds, bw)[0]
        age = round(rng.uniform(0.3, 13.0), 1)
        if age == 2.0:
            age = 2.1
        if k == oldest:
            age = round(rng.uniform(13.6, 15.0), 1)
        din = rand_date(rng, D(2022, 1, 5), D(2024, 6, 20))
        dad = din + TD(days=rng.randint(10, 240))
        if k == longest:
            din = rand_date(rng, D(2022, 2, 1), D(2023, 3, 1))
            dad = din + TD(days=rng.randint(300, 340))
        if dad > D(2024, 6, 30):
            dad = fee = adopter = ret = None
        else:
            base = 250 if age < 1 else (90 if age > 8 else 180)
            fee = int(round(base * rng.uniform(0.8, 1.25) / 5) * 5)
            if fee in (100, 200, 250):
                fee += 5
            adopter = rng.choice(adopters)
            ret = "Yes" if rng.random() < 0.1 else "No"
        recs.append(
            [
                nm,
                br,
                age,
                din,
                dad,
                fee,
                adopter,
                ret,
                rng.choice(notes) if rng.random() < 0.6 else None,
            ]
        )
    recs.sort(key=lambda r: r[3])
    textify(rng, recs, 2, 2)
    textify(rng, recs, 5, 2)
    rows = sprinkle_blanks(rng, recs, 4)
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Second Chance Dog Rescue - adoptions register"
    ws["A1"].font = Font(bold=True, size=14)
    hdr = [
        "Dog Name",
        "Breed",
        "Age (yrs)",
        "Intake Date",
        "Adoption Date",
        "Fee (€)",
        "Adopter",
        "Returned?",
        "Notes",
    ]
    put_table(ws, 3, 1, hdr, rows, {"Fee (€)": "€#,##0"})
    save(wb, B.path)

    df = load(B.path, B.sheet, "Dog Name")
    need(len(df) == 100)
    df["Intake Date"] = to_date(df["Intake Date"])
    df["Adoption Date"] = to_date(df["Adoption Date"])
    df["Age"] = to_num(df["Age (yrs)"])
    df["Fee"] = to_num(df["Fee (€)"])
    di, da, age, fee = df["Intake Date"], df["Adoption Date"], df["Age"], df["Fee"]
    ret = yes(df["Returned?"])
    adopted = da.notna()
    avoid(age, 2)
    avoid(fee, 100, 200, 250)
    ac = df.Adopter.value_counts()
    rep = sorted(a for a, c in ac.items() if c >= 2)
    need(rep)
    who = rep[0]

    B.v("row_noun", "how many dogs have been adopted", cnt(adopted))
    B.v(
        "row_noun", f"list the dogs adopted by {who}", uniq(df[df.Adopter == who]["Dog Name"]), True
    )
    B.v(
        "row_noun",
        "how many greyhounds have come through the rescue?",
        cnt(df.Breed == "Greyhound"),
    )
    B.v("status", "how many dogs were returned", cnt(ret))
    B.v(
        "status",
        "how many 2023 adoptions were not returned",
        cnt(no(df["Returned?"]) & (da.dt.year == 2023)),
    )
    B.v("status", "dogs still waiting for a home", cnt(~adopted))
    B.v(
        "dates",
        "adoptions in the second half of 2023",
        cnt((da.dt.year == 2023) & (da.dt.month >= 7)),
    )
    B.v("dates", "how many dogs came in since 1 March 2024", cnt(di >= "2024-03-01"))
    B.v("dates", "intakes in Q3 '23", cnt((di.dt.year == 2023) & (di.dt.quarter == 3)))
    B.v("quantities", "dogs under 2 years old", cnt(age < 2))
    B.v("quantities", "adoptions with a fee above €200", cnt(fee > 200))
    B.v("quantities", "how many fees were between €100 and €250", cnt((fee >= 100) & (fee <= 250)))
    B.v("superlative", "who is the oldest dog", row_top(df, "Age", "Dog Name"))
    B.v("superlative", "which breed brought in the most in fees", top(fee.groupby(df.Breed).sum()))
    B.v(
        "superlative",
        "top 3 breeds by number of adoptions",
        top(adopted.groupby(df.Breed).sum(), 3),
    )
    wait = (da - di).dt.days
    B.v(
        "superlative",
        "which dog waited longest for a home",
        row_top(df.assign(w=wait), "w", "Dog Name"),
    )
    B.v(
        "two_keys",
        "adoptions per breed per year",
        DD(crosstab_full(df.Breed[adopted], da[adopted].dt.year)),
    )
    B.v("x_by_y", "average fee by breed", DS(fee.groupby(df.Breed).mean()))
    B.v(
        "text_match",
        "which dogs have separation anxiety in their notes",
        uniq(df[has(df.Notes, "separation anxiety")]["Dog Name"]),
        True,
    )
    B.v("text_match", "how many dogs are noted as cat friendly", cnt(has(df.Notes, "cat friendly")))
    B.v("derived", "average number of days from intake to adoption", N(wait.mean()))
    B.v("derived", "what percentage of adoptions got returned", N(ret[adopted].mean()))
    B.v("plain", "total adoption fees collected", N(fee.sum()))
    B.v("plain", "avg age of dogs adopted in 2024", N(age[da.dt.year == 2024].mean()))
    need(cnt(di.dt.year == 2023) != cnt(da.dt.year == 2023))
    B.c("dates", "how many dogs in 2023?")
    need(
        top(di.dt.strftime("%Y-%m").value_counts())
        != top(da.dropna().dt.strftime("%Y-%m").value_counts())
    )
    B.c("superlative", "what was our busiest month")
    B.r("plain", "average weight of the dogs")
    B.r("status", "which dogs are microchipped")
    return B


# 6 ------------------------------------------------------- garden centre
def book_garden(seed):
    rng = random.Random(seed)
    B = Book("plant_stock.xlsx", "Stock")
    genera = {
        "Shrub": [
            ("Hydrangea", 4, 9),
            ("Hebe", 2.5, 6),
            ("Pieris", 5, 11),
            ("Viburnum", 4, 10),
            ("Lavender", 1.8, 4.5),
        ],
        "Perennial": [
            ("Salvia", 2, 5),
            ("Hardy Geranium", 2, 4.5),
            ("Hosta", 2.5, 6),
            ("Heuchera", 2.5, 5.5),
            ("Echinacea", 2.6, 5),
        ],
        "Herb": [
            ("Rosemary", 1.2, 3),
            ("Thyme", 0.9, 2.2),
            ("Mint", 0.8, 2),
            ("Sage", 1, 2.6),
            ("Chives", 0.8, 1.9),
        ],
        "Climber": [
            ("Clematis", 4, 9),
            ("Honeysuckle", 3.5, 7.5),
            ("Jasmine", 4, 8),
            ("Wisteria", 8, 16),
        ],
        "Fruit": [
            ("Blueberry", 4, 8),
            ("Raspberry", 2.5, 5),
            ("Apple", 9, 16),
            ("Strawberry", 0.8, 2),
        ],
        "Bedding": [
            ("Petunia", 0.5, 1.5),
            ("Begonia", 0.6, 1.6),
            ("Lobelia", 0.4, 1.2),
            ("Marigold", 0.4, 1.1),
        ],
    }
    cvs = [
        "Hidcote",
        "Munstead",
        "Blue Spire",
        "Summer Snow",
        "Ruby",
        "Gold Star",
        "Annabelle",
        "Purple Haze",
        "Nelly Moser",
        "Alba",
        "Compact",
        "Tuscan Blue",
        "Chocolate",
        "Ballerina",
        "Silver Queen",
        "Cascade",
        "Crimson",
        "Lemon",
        "Moonlight",
        "Red Baron",
        "Sunset",
        "Duchess",
    ]
    sups = ["Hillier Nurseries", "Kernock Park Plants", "Bransford Webbs", "Allensmore Nurseries"]
    cats = list(genera)
    combos = [(c, s) for c in cats for s in sups]
    used, recs = set(), []
    for i in range(90):
        cat, sup = combos[i] if i < len(combos) else (rng.choice(cats), rng.choice(sups))
        while True:
            g, clo, chi = rng.choice(genera[cat])
            name = f"{g} '{rng.choice(cvs)}'"
            if name not in used:
                used.add(name)
                break
        pots = (
            0
            if (rng.random() < 0.08 or (i < len(combos) and (cat, sup) == ("Climber", sups[1])))
            else rng.randint(1, 150)
        )
        if pots in (20, 5):
            pots += 1
        reorder = None if rng.random() < 0.07 else rng.choice([10, 15, 20, 25, 30])
        if reorder is not None and pots == reorder:
            pots += 1
        cost = round(rng.uniform(clo, chi), 2)
        if cost in (2.5, 5.0):
            cost += 0.05
        price = max(round(cost * rng.uniform(1.7, 2.6), 1), 1) - 0.01
        if price <= cost:
            price = round(cost + 1, 0) - 0.01
        recs.append([name, cat, sup, pots, cost, round(price, 2), reorder])
    recs.sort(key=lambda r: (r[1], r[0]))
    tot = sum(r[3] for r in recs)
    textify(rng, recs, 3, 3)
    textify(rng, recs, 4, 2, lambda v: f"{v:.2f}")
    rows = sprinkle_blanks(rng, recs, 2)
    rows += [["Total pots", None, None, tot, None, None, None]]
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Greenacre Garden Centre - plant stock"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Stock take 30/04/2024"
    hdr = [
        "Plant",
        "Category",
        "Supplier",
        "Pots in Stock",
        "Cost per Pot (£)",
        "Price per Pot (£)",
        "Reorder Level",
    ]
    put_table(ws, 4, 1, hdr, rows, {"Cost per Pot (£)": "£0.00", "Price per Pot (£)": "£0.00"})
    save(wb, B.path)

    df = load(B.path, B.sheet, "Plant")
    need(len(df) == 90)
    df["Pots"] = to_num(df["Pots in Stock"])
    df["Cost"] = to_num(df["Cost per Pot (£)"])
    df["Price"] = to_num(df["Price per Pot (£)"])
    df["Reorder"] = to_num(df["Reorder Level"])
    pots, cost, price, ro = df.Pots, df.Cost, df.Price, df.Reorder
    avoid(pots, 20, 5)
    avoid(price, 10, 5, 12)
    avoid(cost, 2.5)
    need(not ((pots - ro).abs() < 1e-9).any())
    margin = price - cost
    cval = pots * cost
    rval = pots * price
    need(cnt((df.Category == "Climber") & (pots == 0)) > 0)

    B.v(
        "row_noun",
        "how many plants do we get from Hillier?",
        cnt(df.Supplier == "Hillier Nurseries"),
    )
    B.v("row_noun", "list the herbs", uniq(df[df.Category == "Herb"].Plant), True)
    B.v("status", "how many plants are out of stock", cnt(pots == 0))
    B.v(
        "status",
        "which climbers are out of stock?",
        uniq(df[(df.Category == "Climber") & (pots == 0)].Plant),
        True,
    )
    B.v("derived", "how many lines are below their reorder level", cnt(pots < ro))
    B.v("quantities", "plants selling for over £10", cnt(price > 10))
    B.v("quantities", "how many plants cost us less than £2.50 a pot", cnt(cost < 2.5))
    B.v(
        "quantities",
        "perennials priced between £5 and £12",
        cnt((df.Category == "Perennial") & (price >= 5) & (price <= 12)),
    )
    B.v("quantities", "lines with fewer than twenty pots", cnt(pots < 20))
    B.v("superlative", "what's our priciest plant", row_top(df, "Price", "Plant"))
    B.v(
        "superlative",
        "which supplier do we hold the most pots from",
        top(pots.groupby(df.Supplier).sum()),
    )
    B.v(
        "superlative",
        "top 5 plants by stock value at cost",
        [df.Plant[i] for i in map(int, top(cval, 5))],
    )
    B.v(
        "superlative",
        "cheapest shrub?",
        row_top(df[df.Category == "Shrub"], "Price", "Plant", asc=True),
    )
    B.v(
        "derived",
        "which plant has the biggest margin per pot",
        row_top(df.assign(m=margin), "m", "Plant"),
    )
    B.v("derived", "total retail value of everything in stock", N(rval.sum()))
    B.v("derived", "average margin per pot on herbs", N(margin[df.Category == "Herb"].mean()))
    B.v("x_by_y", "pots by category", DS(pots.groupby(df.Category).sum()))
    B.v("x_by_y", "average selling price by supplier", DS(price.groupby(df.Supplier).mean()))
    B.v(
        "two_keys",
        "number of lines by category and supplier",
        DD(crosstab_full(df.Category, df.Supplier)),
    )
    B.v("text_match", "how many lavenders do we stock", cnt(has(df.Plant, "lavender")))
    B.v(
        "text_match",
        "which clematis have we got in stock",
        uniq(df[has(df.Plant, "clematis") & (pots > 0)].Plant),
        True,
    )
    B.v("plain", "total pots in stock", N(pots.sum()))
    B.v("plain", "avg cost per pot", N(cost.mean()))
    B.v(
        "plain",
        "how many pots of bedding plants do we have",
        N(pots[df.Category == "Bedding"].sum()),
    )
    B.c("derived", "what is our stock worth?")
    B.c("quantities", "plants under 5")
    B.r("superlative", "which plants sold best last month")
    B.r("row_noun", "which plants need full sun")
    return B


# 7 ------------------------------------------------------- water quality
def book_water(seed):
    rng = random.Random(seed)
    B = Book("water_samples.xlsx", "Samples")
    sites = {
        "Hollow Reservoir": (7.4, 12, 1.2),
        "River Intake": (7.6, 34, 2.6),
        "Borehole 3": (7.1, 41, 0.5),
        "Treatment Works Outlet": (7.5, 18, 0.35),
        "Service Reservoir B": (7.8, 16, 0.8),
    }
    techs, tw = ["Aoife", "Ben", "Carla", "Dmitri"], [31, 27, 24, 18]
    remarks = [
        "algae visible on surface",
        "earthy smell",
        "clear",
        "heavy rain previous 24h",
        "sample bottle cracked - resampled",
        "chlorine smell noted",
        "slight algae bloom",
        "low flow",
        "cattle near intake",
    ]
    recs = []
    for _ in range(160):
        s = rng.choice(list(sites))
        mph, mn, mt = sites[s]
        d = rand_date(rng, D(2023, 1, 3), D(2023, 12, 20))
        ph = round(rng.gauss(mph, 0.4), 2)
        if ph in (7.0, 8.0):
            ph = round(ph + 0.01, 2)
        nit = round(max(0.5, rng.gauss(mn, mn * 0.3)), 1)
        if nit == 40.0:
            nit = 40.1
        turb = round(max(0.05, rng.gauss(mt, mt * 0.6)), 2)
        if turb == 1.0:
            turb = 1.01
        if rng.random() < 0.05:
            turb = None
        ok = 6.5 <= ph <= 9.5 and nit <= 50 and (turb is None or turb <= 4)
        recs.append(
            [
                s,
                d,
                ph,
                nit,
                turb,
                "Yes" if ok else "No",
                rng.choices(techs, tw)[0],
                rng.choice(remarks) if rng.random() < 0.5 else None,
            ]
        )
    recs.sort(key=lambda r: (r[1], r[0]))
    textify(rng, recs, 3, 3)
    textify(rng, recs, 2, 2)
    rows = sprinkle_blanks(rng, recs, 4)
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Northvale Water - routine sample results 2023"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Limits: pH 6.5-9.5, nitrate 50 mg/L, turbidity 4 NTU"
    hdr = [
        "Site",
        "Sample Date",
        "pH",
        "Nitrate (mg/L)",
        "Turbidity (NTU)",
        "Passed",
        "Technician",
        "Remarks",
    ]
    put_table(ws, 4, 1, hdr, rows)
    save(wb, B.path)

    df = load(B.path, B.sheet, "Site")
    need(len(df) == 160)
    df["Sample Date"] = to_date(df["Sample Date"])
    for c in ["pH", "Nitrate (mg/L)", "Turbidity (NTU)"]:
        df[c] = to_num(df[c])
    sd, ph, nit, tb = df["Sample Date"], df.pH, df["Nitrate (mg/L)"], df["Turbidity (NTU)"]
    ok = yes(df.Passed)
    fail = no(df.Passed)
    avoid(ph, 7, 8)
    avoid(nit, 40)
    avoid(tb, 1)

    B.v("row_noun", "how many samples did Aoife take?", cnt(df.Technician == "Aoife"))
    B.v(
        "row_noun",
        "which sites did Dmitri sample in July",
        uniq(df[(df.Technician == "Dmitri") & (sd.dt.month == 7)].Site),
        True,
    )
    B.v("row_noun", "how many samples came from borehole 3", cnt(df.Site == "Borehole 3"))
    B.v("status", "how many samples failed", cnt(fail))
    B.v(
        "status",
        "samples that passed at the treatment works",
        cnt(ok & (df.Site == "Treatment Works Outlet")),
    )
    B.v("status", "failed tests in Q2", cnt(fail & (sd.dt.quarter == 2)))
    B.v("dates", "samples taken since 1 Sept", cnt(sd >= "2023-09-01"))
    B.v("dates", "how many samples from feb to april", cnt(sd.dt.month.between(2, 4)))
    vc = sd.value_counts()
    cand = sorted(d for d, c in vc.items() if c >= 2)
    need(cand)
    d = cand[len(cand) // 3]
    B.v("dates", f"how many samples were taken on {d.day} {d:%b}?", cnt(sd == d))
    B.v("dates", "average nitrate during H2", N(nit[sd.dt.month >= 7].mean()))
    B.v("quantities", "samples with nitrate above 40 mg/L", cnt(nit > 40))
    B.v("quantities", "how many samples had turbidity under 1 NTU", cnt(tb < 1))
    B.v("quantities", "pH between 7 and 8 - how many samples?", cnt((ph >= 7) & (ph <= 8)))
    B.v(
        "superlative",
        "which site had the single highest nitrate reading",
        row_top(df, "Nitrate (mg/L)", "Site"),
    )
    B.v(
        "superlative",
        "which technician recorded the most failures",
        top(fail.groupby(df.Technician).sum()),
    )
    B.v("superlative", "site with the worst average turbidity", top(tb.groupby(df.Site).mean()))
    B.v("superlative", "top 3 sites by average nitrate", top(nit.groupby(df.Site).mean(), 3))
    B.v(
        "two_keys",
        "number of samples per technician per quarter",
        DD(crosstab_full(df.Technician, qkey(sd))),
    )
    t = df.assign(q=qkey(sd)).pivot_table(index="Site", columns="q", values="pH", aggfunc="mean")
    need(not t.isna().any().any())
    B.v("x_by_y", "avg nitrate by site", DS(nit.groupby(df.Site).mean()))
    B.v("text_match", "how many remarks mention algae", cnt(has(df.Remarks, "algae")))
    B.v("text_match", "samples where someone noted a smell", cnt(has(df.Remarks, "smell")))
    B.v("derived", "what share of samples failed?", N(fail.mean()))
    B.v("derived", "pass rate at hollow reservoir", N(ok[df.Site == "Hollow Reservoir"].mean()))
    B.v("plain", "average turbidity", N(tb.mean()))
    B.c("superlative", "what was the highest reading at Borehole 3?")
    B.c("superlative", "which site is the worst")
    B.c("quantities", "how many samples were above 8")
    B.r("plain", "lead levels at borehole 3")
    B.r("plain", "what was the average chlorine residual in June")
    return B


# 8 --------------------------------------------------- translation agency
def book_translation(seed):
    rng = random.Random(seed)
    B = Book("freelancer_payments.xlsx", "Payments")
    years = list(range(2019, 2025))
    specs = ["Legal", "Medical", "Technical", "Marketing"]
    pairs = [
        "French > English",
        "German > English",
        "Spanish > English",
        "Italian > English",
        "Polish > English",
        "Portuguese > English",
        "Dutch > English",
        "English > German",
        "English > French",
        "English > Polish",
        "English > Spanish",
    ]
    names = people(rng, 36) + ["Marek Nowak", "Marek Zielinski"]
    rng.shuffle(names)
    doubles = set(rng.sample(names, 7))
    recs = []
    for nm in names:
        spec = rng.choice(specs)
        start = rng.choice([2019, 2019, 2019, 2020, 2021, 2022, 2023])
        end = 2024 if rng.random() < 0.7 else rng.randint(start, 2023)
        level = rng.uniform(2500, 30000)
        ps = rng.sample(pairs, 2 if nm in doubles else 1)
        if nm == "Marek Nowak":
            ps = ["Polish > English"]
            start, end = 2019, 2024
        if nm == "Marek Zielinski":
            ps = ["English > Polish"]
            start, end = 2020, 2024
        for k, pair in enumerate(ps):
            amts = []
            for y in years:
                if start <= y <= end:
                    a = round(level * (0.45 if k else 1) * rng.uniform(0.6, 1.4), 2)
                    amts.append(a)
                else:
                    amts.append(None)
            recs.append([nm, pair, spec, "Yes" if end == 2024 else "No"] + amts)
    recs.sort(key=lambda r: (r[0].split()[-1], r[0]))
    tots = [round(sum(r[4 + j] or 0 for r in recs), 2) for j in range(6)]
    textify(rng, recs, 6, 2, lambda v: f"{v:,.2f}")
    rows = sprinkle_blanks(rng, recs, 2)
    rows += [None, ["TOTAL", None, None, None] + tots]
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "LinguaBridge Translations - freelancer payments by year (€)"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Source: accounts ledger, calendar years"
    hdr = ["Freelancer", "Language Pair", "Specialism", "Active?"] + years
    put_table(ws, 4, 1, hdr, rows, {y: "#,##0.00" for y in years})
    save(wb, B.path)

    df = load(B.path, B.sheet, "Freelancer")
    need(len(df) == 45)
    ys = [str(y) for y in years]
    for y in ys:
        df[y] = to_num(df[y])
    act = yes(df["Active?"])
    ytot = df[ys].sum()
    per = df.groupby("Freelancer")[ys].sum(min_count=1)
    who2 = sorted(doubles - {"Marek Nowak", "Marek Zielinski"})
    need(who2)
    w2 = who2[0]
    need(df[df.Freelancer == w2]["2022"].notna().sum() == 2)

    B.v("wide_years", "how much did we pay freelancers in 2021", N(ytot["2021"]))
    B.v("wide_years", "which year had the highest total payout?", int(top(ytot)))
    B.v(
        "wide_years",
        "growth in payments from 2020 to 2023",
        N((ytot["2023"] - ytot["2020"]) / ytot["2020"]),
    )
    B.v("wide_years", f"how much did {w2} get in 2022", N(per.loc[w2, "2022"]))
    B.v("wide_years", "who earned the most in 2024?", top(per["2024"]))
    B.v("wide_years", "top 3 freelancers by total paid across all years", top(per.sum(axis=1), 3))
    B.v(
        "wide_years",
        "how many freelancers were paid in 2019",
        int(df[df["2019"] > 0].Freelancer.nunique()),
    )
    B.v("wide_years", "total paid per year", DS(ytot))
    leg = df[df.Specialism == "Legal"]
    B.v(
        "wide_years",
        "by how much did legal translation spend change from 2023 to 2024, in euros",
        N(leg["2024"].sum() - leg["2023"].sum()),
    )
    B.v("wide_years", "highest amount in the 2019 column?", N(df["2019"].max()))
    B.v(
        "row_noun",
        "how many freelancers do we use for French > English",
        int(df[df["Language Pair"] == "French > English"].Freelancer.nunique()),
    )
    B.v(
        "row_noun",
        "list our medical specialists",
        uniq(df[df.Specialism == "Medical"].Freelancer),
        True,
    )
    B.v("row_noun", "how many translators are on the list", int(df.Freelancer.nunique()))
    B.v("status", "how many freelancers are inactive", int(df[~act].Freelancer.nunique()))
    B.v(
        "status",
        "total 2021 payments to freelancers who are no longer active",
        N(df["2021"][~act].sum()),
    )
    B.v(
        "status",
        "list the inactive legal translators",
        uniq(df[~act & (df.Specialism == "Legal")].Freelancer),
        True,
    )
    B.v("x_by_y", "2024 payments by specialism", DS(df.groupby("Specialism")["2024"].sum()))
    B.v(
        "x_by_y",
        "number of freelancers per specialism",
        DS(df.groupby("Specialism").Freelancer.nunique()),
    )
    B.v("two_keys", "payments by specialism and year", DD(df.groupby("Specialism")[ys].sum()))
    B.v(
        "text_match",
        "which freelancers work with Polish?",
        uniq(df[has(df["Language Pair"], "Polish")].Freelancer),
        True,
    )
    B.v(
        "text_match",
        "how many freelancers translate into German",
        int(df[df["Language Pair"].str.endswith("> German")].Freelancer.nunique()),
    )
    B.v(
        "derived",
        "what share of 2023 spend went to marketing translators",
        N(df["2023"][df.Specialism == "Marketing"].sum() / ytot["2023"]),
    )
    tech = df[df.Specialism == "Technical"]
    B.v(
        "derived",
        "percentage change in technical spend from 2019 to 2020",
        N((tech["2020"].sum() - tech["2019"].sum()) / tech["2019"].sum()),
    )
    B.v("plain", "grand total paid 2019-2024", N(ytot.sum()))
    B.c("wide_years", "how much did we pay Marek in 2022?")
    B.c("wide_years", "what was the growth for legal translators")
    B.r("plain", "how many words did our freelancers translate in 2023")
    B.r("derived", "what rate per word do we pay the medical translators")
    return B


# 9 ------------------------------------------------------------- courier
def book_claims(seed):
    rng = random.Random(seed)
    B = Book("parcel_claims.xlsx", "Claims")
    custs = [
        "Brightside Ltd",
        "Kettle & Co",
        "Northpoint Retail",
        "Bloom Boutique",
        "TechNest",
        "Harbour Books",
        "Pennywise Pets",
        "Oakleaf Furniture",
        "Mosaic Crafts",
        "Greenway Foods",
        "Pixel Parts",
        "Urban Threads",
        "Lumen Lighting",
        "Cobble & Stone",
        "Fable Toys",
        "Atlas Outdoor",
        "Hearth Home",
        "Velvet Beauty",
    ]
    cw = [rng.uniform(0.4, 3.0) for _ in custs]
    desc = {
        "Lost": [
            "tracking stopped at hub",
            "marked delivered, not received",
            "left with neighbour - neighbour denies",
            "no scans after collection",
            "left with neighbour, not found",
        ],
        "Damaged": [
            "box crushed, screen cracked",
            "water damage to contents",
            "glass broken in transit",
            "corner crushed, item dented",
            "water damage - parcel left in rain",
        ],
        "Late": [
            "arrived 5 days late",
            "missed guaranteed next-day slot",
            "delivered a week late, event missed",
            "late - stuck at depot",
        ],
    }
    recs = []
    for _ in range(140):
        d = rand_date(rng, D(2023, 1, 3), D(2024, 6, 28))
        typ = rng.choices(["Lost", "Damaged", "Late"], [35, 40, 25])[0]
        if d < D(2024, 4, 1):
            st = rng.choices(["Approved", "Rejected"], [6, 4])[0]
        else:
            st = rng.choices(["Open", "Approved", "Rejected"], [6, 2.5, 1.5])[0]
        w = round(rng.uniform(0.2, 30) ** 1 if rng.random() < 0.5 else rng.uniform(0.2, 8), 1)
        if w == 5.0:
            w = 5.1
        dec = round(rng.uniform(15, 2600) if rng.random() < 0.6 else rng.uniform(15, 400), 2)
        if dec in (500.0, 1000.0, 1500.0):
            dec += 1
        paid = None
        if st == "Approved":
            if typ == "Late":
                paid = round(rng.uniform(4, 25), 2)
            elif typ == "Lost" and rng.random() < 0.4:
                paid = dec
            else:
                paid = round(dec * rng.uniform(0.3 if typ == "Damaged" else 0.6, 0.98), 2)
            if paid in (200.0, 500.0, 900.0):
                paid += 0.5
        recs.append([d, rng.choices(custs, cw)[0], w, dec, typ, st, paid, rng.choice(desc[typ])])
    recs.sort(key=lambda r: r[0])
    rows = []
    for i, r in enumerate(recs):
        rows.append([f"CLM-{r[0]:%y}-{i + 1:04d}"] + r)
    textify(rng, rows, 4, 3, lambda v: f"{v:,.2f}")
    textify(rng, rows, 3, 2)
    rows = sprinkle_blanks(rng, rows, 3)
    wb, ws = new_sheet(B.sheet)
    ws["A1"] = "Swiftline Couriers - parcel claims register"
    ws["A1"].font = Font(bold=True, size=14)
    hdr = [
        "Claim Ref",
        "Date Filed",
        "Customer",
        "Parcel Weight (kg)",
        "Declared Value (£)",
        "Claim Type",
        "Status",
        "Amount Paid (£)",
        "Description",
    ]
    put_table(
        ws, 3, 1, hdr, rows, {"Declared Value (£)": "£#,##0.00", "Amount Paid (£)": "£#,##0.00"}
    )
    save(wb, B.path)

    df = load(B.path, B.sheet, "Claim Ref")
    need(len(df) == 140)
    df["Date Filed"] = to_date(df["Date Filed"])
    df["W"] = to_num(df["Parcel Weight (kg)"])
    df["Dec"] = to_num(df["Declared Value (£)"])
    df["Paid"] = to_num(df["Amount Paid (£)"])
    fd, w, dec, paid, st, ty = df["Date Filed"], df.W, df.Dec, df.Paid, df.Status, df["Claim Type"]
    avoid(w, 5)
    avoid(dec, 500, 1000, 1500)
    avoid(paid, 200, 500, 900)
    cc = df.Customer.value_counts()
    c1 = "Brightside Ltd"
    need(cnt((df.Customer == c1) & (ty == "Lost")) > 0)

    B.v("row_noun", "how many claims has Brightside Ltd filed?", cnt(df.Customer == c1))
    B.v(
        "row_noun",
        "list the claim refs for lost parcels from brightside",
        uniq(df[(df.Customer == c1) & (ty == "Lost")]["Claim Ref"]),
        True,
    )
    B.v("status", "how many open claims are there", cnt(st == "Open"))
    B.v("status", "rejected damage claims", cnt((st == "Rejected") & (ty == "Damaged")))
    B.v("status", "approved claims filed in 2024", cnt((st == "Approved") & (fd.dt.year == 2024)))
    B.v("dates", "claims filed in March 2024", cnt((fd.dt.year == 2024) & (fd.dt.month == 3)))
    B.v(
        "dates",
        "how many claims were lodged in H2 2023",
        cnt((fd.dt.year == 2023) & (fd.dt.month >= 7)),
    )
    B.v("dates", "claims since 1 Feb 2024", cnt(fd >= "2024-02-01"))
    B.v(
        "dates",
        "total paid out on claims filed in Q1 24",
        N(paid[(fd.dt.year == 2024) & (fd.dt.quarter == 1)].sum()),
    )
    B.v("quantities", "claims for parcels under 5 kg", cnt(w < 5))
    B.v("quantities", "claims with a declared value over £1,000", cnt(dec > 1000))
    B.v(
        "quantities",
        "how many payouts were between £200 and £900",
        cnt((paid >= 200) & (paid <= 900)),
    )
    B.v("quantities", "how many claims had more than 1.5k declared", cnt(dec > 1500))
    B.v("superlative", "which claim had the biggest payout", row_top(df, "Paid", "Claim Ref"))
    B.v(
        "superlative",
        "heaviest parcel we've had a claim on - what's the ref?",
        row_top(df, "W", "Claim Ref"),
    )
    B.v(
        "superlative",
        "which customer received the most compensation",
        top(paid.groupby(df.Customer).sum()),
    )
    B.v("superlative", "top 3 customers by number of claims", top(cc, 3))
    B.v("two_keys", "claims by type and status", DD(crosstab_full(ty, st)))
    B.v("x_by_y", "payouts by claim type", DS(paid.groupby(ty).sum()))
    B.v("derived", "what share of claims were rejected", N((st == "Rejected").mean()))
    B.v(
        "derived",
        "how many approved claims were paid less than the declared value",
        cnt((st == "Approved") & (paid < dec - 1e-9)),
    )
    B.v(
        "text_match",
        "how many claims mention water damage",
        cnt(has(df.Description, "water damage")),
    )
    B.v(
        "text_match",
        "list claims where the parcel was left with a neighbour",
        uniq(df[has(df.Description, "left with neighbour")]["Claim Ref"]),
        True,
    )
    B.v("plain", "average payout on approved claims", N(paid[st == "Approved"].mean()))
    B.c("plain", "total value of lost claims")
    B.c("quantities", "how many claims over 500?")
    B.c("plain", "what's the average for late claims")
    B.r("plain", "average delivery time")
    B.r("superlative", "which driver had the most claims")
    return B


# 10 ----------------------------------------------------------- football
def book_football(seed):
    rng = random.Random(seed)
    B = Book("match_results.xlsx", "Results")
    teams = [
        "Corby Town",
        "Kettering Town",
        "Stamford AFC",
        "Harborough United",
        "Rushden Athletic",
        "Wellingborough Whitworth",
        "Daventry Rovers",
        "Oadby Athletic",
        "Lutterworth Town",
        "Bourne Town",
        "Deeping Rangers",
        "Holbeach United",
        "Spalding United",
        "Yaxley FC",
        "Peterborough Northern Star",
        "St Neots Town",
        "Biggleswade FC",
        "Histon",
    ]
    tw = [2.0, 1.7, 1.5] + [rng.uniform(0.6, 1.4) for _ in teams[3:]]
    rng.shuffle(tw)
    comps, cw = ["League", "FA Cup", "League Cup", "County Cup"], [80, 8, 7, 5]
    players = [
        "Okafor",
        "Briggs",
        "Mensah",
        "Doyle",
        "Hartley",
        "Kowalski",
        "Reid",
        "Fenwick",
        "Ashby",
        "Lund",
    ]
    pw = [18, 12, 10, 8, 7, 6, 5, 4, 3, 2]
    recs = []
    for y in (2021, 2022, 2023):
        cands = []
        d = D(y, 8, 1)
        while d <= D(y + 1, 5, 4):
            if d.weekday() in (1, 5):
                cands.append(d)
            d += TD(days=1)
        thrash = rng.randint(5, 35) if y == 2022 else -1
        for k, md in enumerate(sorted(rng.sample(cands, 40))):
            venue = rng.choice(["H", "A"])
            comp = rng.choices(comps, cw)[0]
            opp = rng.choices(teams, tw)[0]
            gf = rng.choices(
                range(7), [22, 30, 24, 13, 7, 3, 1] if venue == "H" else [28, 32, 22, 11, 5, 2, 0]
            )[0]
            ga = rng.choices(
                range(6), [28, 32, 22, 12, 4, 2] if venue == "H" else [22, 30, 25, 14, 6, 3]
            )[0]
            if k == thrash:
                venue, comp, gf, ga = "H", "League", 7, 0
            if venue == "H":
                att = rng.randint(1800, 6500)
            else:
                att = rng.randint(400, 3500)
            if att in (2000, 4000, 5000):
                att += 7
            if rng.random() < 0.06:
                att = None
            sc = Counter()
            pens = set()
            for _ in range(gf):
                if rng.random() < 0.07:
                    sc["og"] += 1
                    continue
                p = rng.choices(players, pw)[0]
                sc[p] += 1
                if rng.random() < 0.12:
                    pens.add(p)
            parts = []
            for p, k in sc.items():
                s = p if p != "og" else "own goal"
                if k > 1:
                    s += f" {k}"
                if p in pens:
                    s += " (pen)"
                parts.append(s)
            note = ", ".join(parts) if parts else None
            recs.append([md, opp, venue, gf, ga, att, comp, note])
    # make sure every competition has home and away games
    textify(rng, recs, 5, 3, lambda v: f"{v:,}")
    rows = sprinkle_blanks(rng, recs, 3)
    wb, ws = new_sheet(B.sheet)
    ws["B1"] = "Millbrook Town FC - first team results"
    ws["B1"].font = Font(bold=True, size=14)
    ws["B2"] = "Seasons 2021/22 to 2023/24"
    hdr = [
        "Date",
        "Opponent",
        "H/A",
        "Goals For",
        "Goals Against",
        "Attendance",
        "Competition",
        "Scorers / Notes",
    ]
    put_table(ws, 4, 2, hdr, rows, {"Attendance": "#,##0"})
    ws.column_dimensions["A"].width = 3
    save(wb, B.path)

    df = load(B.path, B.sheet, "Opponent")
    need(len(df) == 120)
    df["Date"] = to_date(df["Date"])
    for c in ["Goals For", "Goals Against", "Attendance"]:
        df[c] = to_num(df[c])
    dd, gf, ga, att = df.Date, df["Goals For"], df["Goals Against"], df.Attendance
    home, away = df["H/A"] == "H", df["H/A"] == "A"
    win, draw, loss = gf > ga, gf == ga, gf < ga
    lg = df.Competition == "League"
    avoid(att, 2000, 4000, 5000)
    opp_c = df.Opponent.value_counts()
    o1 = top(opp_c)

    B.v("row_noun", f"how many times have we played {o1}?", int(opp_c[o1]))
    B.v(
        "row_noun",
        "list the teams we played in the FA Cup",
        uniq(df[df.Competition == "FA Cup"].Opponent),
        True,
    )
    B.v("row_noun", "how many league games did we play in 2023", cnt(lg & (dd.dt.year == 2023)))
    B.v("status", "how many games did we win", cnt(win))
    B.v("status", "away games we lost", cnt(away & loss))
    B.v("status", "home matches we didn't lose", cnt(home & ~loss))
    B.v("dates", "matches in December 2022", cnt((dd.dt.year == 2022) & (dd.dt.month == 12)))
    B.v("dates", "games since 1 Jan 2024", cnt(dd >= "2024-01-01"))
    B.v("dates", "goals scored during 2023", N(gf[dd.dt.year == 2023].sum()))
    B.v("quantities", "how many crowds were over 5,000", cnt(att > 5000))
    B.v(
        "quantities",
        "matches with an attendance between 2k and 4k",
        cnt((att >= 2000) & (att <= 4000)),
    )
    B.v(
        "superlative",
        "biggest home crowd - who were we playing?",
        row_top(df[home], "Attendance", "Opponent"),
    )
    B.v(
        "superlative",
        "who did we beat by the biggest margin",
        row_top(df.assign(gd=gf - ga), "gd", "Opponent"),
    )
    B.v(
        "superlative",
        "which opponent have we scored the most goals against",
        top(gf.groupby(df.Opponent).sum()),
    )
    B.v("superlative", "top 3 opponents by games played", top(opp_c, 3))
    B.v(
        "two_keys",
        "goals scored by competition and venue",
        DD(pivot_full(df, "Competition", "H/A", "Goals For", "sum")),
    )
    t = pd.crosstab(dd.dt.year[win], df["H/A"][win])
    need(t.shape == (4, 2) and t.values.min() > 0)
    B.v("two_keys", "wins by year and home/away", DD(t))
    B.v("x_by_y", "average attendance by competition", DS(att.groupby(df.Competition).mean()))
    B.v(
        "text_match",
        "how many games did Okafor score in",
        cnt(has(df["Scorers / Notes"], "Okafor")),
    )
    B.v("text_match", "matches where we scored a penalty", cnt(has(df["Scorers / Notes"], "(pen)")))
    B.v("derived", "goals per game", N(gf.mean()))
    B.v("derived", "goal difference in league games", N((gf - ga)[lg].sum()))
    B.v("derived", "home win percentage", N(win[home].mean()))
    B.v(
        "derived",
        "how many league points did we get in calendar year 2023",
        N(3 * cnt(lg & win & (dd.dt.year == 2023)) + cnt(lg & draw & (dd.dt.year == 2023))),
    )
    B.v("plain", "average attendance", N(att.mean()))
    B.c("dates", "how many goals in 2023?")
    need(
        cnt(win & (dd >= "2021-08-01") & (dd < "2022-07-01"))
        != cnt(win & (dd >= "2022-08-01") & (dd < "2023-07-01"))
    )
    B.c("status", "how many games did we win in the 2022 season")
    B.r("plain", "average possession this season")
    B.r("plain", "how many yellow cards have we had")
    return B


BUILDERS = [
    (book_bike, 1000),
    (book_airline, 2000),
    (book_viewings, 3000),
    (book_canteen, 4000),
    (book_dogs, 5000),
    (book_garden, 6000),
    (book_water, 7000),
    (book_translation, 8000),
    (book_claims, 9000),
    (book_football, 10000),
]


def build(fn, base):
    for seed in range(base, base + 3000):
        try:
            return fn(seed), seed
        except Redraw:
            continue
    raise RuntimeError(f"{fn.__name__}: no valid seed")


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    allc = []
    for fn, base in BUILDERS:
        b, seed = build(fn, base)
        print(f"{b.name}: seed {seed}, {len(b.cases)} cases", file=sys.stderr)
        allc.extend(b.cases)
    cmds = [c["command"].lower() for c in allc]
    assert len(cmds) == len(set(cmds)), "duplicate command"
    with open(OUT / "cases.jsonl", "w", encoding="utf-8") as f:
        for i, c in enumerate(allc, 1):
            rec = {"id": f"{SPLIT}-{i:03d}"}
            rec.update(c)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
