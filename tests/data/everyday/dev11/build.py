#!/usr/bin/env python
"""Build the "dev11" everyday-spreadsheet evaluation set.

Written by a helper session that saw neither nlsheet's code, its training data
nor its rules: the workbooks, the commands and the phrasing are invented here.

What this script does
---------------------
1. Writes ten messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each (photography studio bookings, EV charging sessions, a
   bookshop stock list, fitness class attendance, vending machine restocks,
   tenant maintenance requests, catering orders, office cleaning contracts with a
   column per month, broadband subscribers by town with a column per year, and a
   hackathon's team scores and prizes).  The mess is deliberate: title rows above
   the header, blank rows inside the data, a "Total" row under the data, tables
   starting in column B, a few numbers stored as text, blank cells, Yes/No
   columns, status columns, free-text notes, real date cells, currency and units
   in headers, one wide table per year (2019..2024) and one per month (Jan..Dec).
2. Reads every workbook back with a small loader of its own (finds the header,
   skips title rows, blank rows and Total rows, turns numbers-stored-as-text into
   numbers) and COMPUTES every expected answer from those rows with pandas.  No
   answer is typed by hand.
3. Writes ``cases.jsonl``: one JSON object per line with the keys
   id, book, sheet, command, class, split, kind, expected and (for lists whose
   order does not matter) unordered=true.

Everything is deterministic: each book uses a seeded random.Random; when a check
fails (a tie in a superlative or top-N list, a value sitting exactly on a
threshold used by a command, a name the commands need missing) the book is
re-drawn with the next seed.  Dates are fixed, no clock is read, and every
.xlsx is re-zipped with fixed entry timestamps and fixed document properties so
reruns give byte-identical files.

Conventions for ``expected``
----------------------------
* kind "value": numbers are plain JSON numbers (counts are ints, floats rounded
  to 6 decimals, integral floats written as ints); a single name is a string;
  lists of names are lists (``"unordered": true`` when order does not matter,
  ranked lists keep rank order); "X by Y" is {group: number}; two keys are
  {k1: {k2: number}} holding only the combinations that occur in the data;
  months are "YYYY-MM" (for the Jan..Dec sheet the year is 2024, given in its
  title), single dates "YYYY-MM-DD", years ints; percentages and shares are
  fractions between 0 and 1.
* A bare noun phrase ("unpaid bookings") is a count of rows.  "between A and B"
  is inclusive, "since D" includes D, "before"/"after" exclude the day.  Blank
  cells are ignored by averages (and by sums).
* kind "clarify": expected null -- the command has two reasonable readings with
  different answers for that table (e.g. two date columns and "orders in April").
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
import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev11"
FIXED_DT = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TS = (2024, 1, 1, 0, 0, 0)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Retry(Exception):
    """Raised when drawn data would make a case ambiguous; re-draw."""


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def text_of(v):
    if isinstance(v, float):
        if v.is_integer() and abs(v) >= 1000:
            return f"{int(v):,}"
        return f"{v:.2f}" if not v.is_integer() else str(int(v))
    if isinstance(v, int):
        return f"{v:,}" if v >= 1000 else str(v)
    return str(v)


def write_table(
    ws,
    headers,
    rows,
    *,
    hdr_row,
    col0=1,
    titles=(),
    blank_after=(),
    total=None,
    text_cells=(),
    formats=None,
    widths=None,
):
    for i, t in enumerate(titles):
        if t is None:
            continue
        c = ws.cell(row=1 + i, column=col0, value=t)
        c.font = Font(bold=True, size=14) if i == 0 else Font(italic=True)
    for j, h in enumerate(headers):
        ws.cell(row=hdr_row, column=col0 + j, value=h).font = Font(bold=True)
    formats = formats or {}
    r = hdr_row + 1
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            h = headers[j]
            if (i, h) in text_cells and v is not None:
                v = text_of(v)
            c = ws.cell(row=r, column=col0 + j, value=v)
            if h in formats and v is not None and not isinstance(v, str):
                c.number_format = formats[h]
        r += 1
        if i in blank_after:
            r += 1
    if total:
        ws.cell(row=r, column=col0, value="Total").font = Font(bold=True)
        for h, v in total.items():
            c = ws.cell(row=r, column=col0 + headers.index(h), value=v)
            c.font = Font(bold=True)
            if h in formats:
                c.number_format = formats[h]
    for j, h in enumerate(headers):
        w = (widths or {}).get(h, max(10, min(40, len(str(h)) + 4)))
        ws.column_dimensions[get_column_letter(col0 + j)].width = w


def col_sum(headers, rows, name, nd=2):
    j = headers.index(name)
    s = sum(r[j] for r in rows if isinstance(r[j], (int, float)))
    return round(s, nd) if isinstance(s, float) else s


def save_wb(wb, path):
    """Save with fixed document properties and fixed zip timestamps."""
    wb.properties.creator = "Office"
    wb.properties.lastModifiedBy = "Office"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
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
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            zout.writestr(zi, data)
    Path(path).write_bytes(out.getvalue())


def new_wb(sheet):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    return wb, ws


# --------------------------------------------------------------------------
# reading back
# --------------------------------------------------------------------------
def to_num(v):
    if v is None:
        return np.nan
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace(",", "").replace("€", "").replace("£", "")
    return float(s) if s else np.nan


def load(path, sheet, first_header, numeric=(), dates=()):
    """Find the header row, then keep data rows; skip blank and Total rows."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hi = c0 = None
    for i, r in enumerate(rows):
        if first_header in r:
            hi, c0 = i, r.index(first_header)
            break
    if hi is None:
        raise RuntimeError(f"header {first_header!r} not found in {path}")
    hdr = []
    for v in rows[hi][c0:]:
        if v is None:
            break
        hdr.append(str(v))
    recs = []
    for r in rows[hi + 1 :]:
        vals = (r[c0 : c0 + len(hdr)] + [None] * len(hdr))[: len(hdr)]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in vals):
            continue
        if isinstance(vals[0], str) and vals[0].strip().lower().startswith("total"):
            continue
        recs.append(vals)
    df = pd.DataFrame(recs, columns=hdr)
    for c in numeric:
        df[c] = df[c].map(to_num).astype(float)
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    return df


# --------------------------------------------------------------------------
# answer helpers
# --------------------------------------------------------------------------
def cnt(mask):
    return int(mask.fillna(False).astype(bool).sum())


def off(series, *thresholds):
    s = pd.Series(series).dropna().astype(float)
    for t in thresholds:
        if np.isclose(s.values, t, atol=1e-9).any():
            raise Retry(f"value on threshold {t}")


def _close(s, m):
    if pd.api.types.is_datetime64_any_dtype(s):
        return (s == m).values
    return np.isclose(s.values.astype(float), float(m), atol=1e-9)


def argmax(s):
    s = s.dropna()
    if int(_close(s, s.max()).sum()) != 1:
        raise Retry("tie at max")
    return s.idxmax()


def argmin(s):
    s = s.dropna()
    if int(_close(s, s.min()).sum()) != 1:
        raise Retry("tie at min")
    return s.idxmin()


def top(s, n, ascending=False):
    s = s.dropna().sort_values(ascending=ascending, kind="mergesort")
    vals = [round(float(v), 9) for v in s.values[: n + 1]]
    if len(set(vals)) != len(vals):
        raise Retry("tie in top-n")
    return list(s.index[:n])


def uniq(s):
    return sorted({str(v) for v in s.dropna()})


def has(s, word):
    return s.fillna("").astype(str).str.contains(word, case=False, regex=False)


def ym(dates):
    return dates.dt.strftime("%Y-%m")


def nested(values, k1, k2, how):
    g = values.groupby([k1.values, k2.values]).agg(how)
    out = {}
    for (a, b), v in g.items():
        out.setdefault(str(a), {})[str(b)] = v
    return out


def nested_count(k1, k2):
    return nested(pd.Series(1, index=k1.index), k1, k2, "sum")


def clean(x):
    if isinstance(x, pd.Series):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        f = float(x)
        if np.isnan(f):
            raise ValueError("NaN in expected answer")
        f = round(f, 6)
        return int(f) if f.is_integer() else f
    if isinstance(x, (pd.Timestamp, dt.datetime, dt.date)):
        return x.strftime("%Y-%m-%d")
    return x


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.items = book, sheet, []

    def _add(self, cls, kind, command, expected, unordered):
        for it in self.items:
            if it["command"] == command:
                raise RuntimeError("duplicate command " + command)
        rec = {
            "book": self.book,
            "sheet": self.sheet,
            "command": command,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": None if expected is None else clean(expected),
        }
        if unordered:
            rec["unordered"] = True
        self.items.append(rec)

    def v(self, cls, command, expected, unordered=False):
        if expected is None:
            raise RuntimeError("value case without answer: " + command)
        self._add(cls, "value", command, expected, unordered)

    def clarify(self, cls, command):
        self._add(cls, "clarify", command, None, False)

    def refuse(self, cls, command):
        self._add(cls, "refuse", command, None, False)


def rdate(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# ==========================================================================
# 1. Photography studio bookings
# ==========================================================================
def book_studio(seed):
    rng = random.Random(seed)
    book, sheet = "studio_bookings.xlsx", "Bookings"
    phots = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel"]
    clients = [
        "Emma Smith",
        "Liam Smith",
        "Olivia Brennan",
        "Noah Fischer",
        "Ava Kowalski",
        "Lucas Moreau",
        "Mia Johansson",
        "Ethan Clarke",
        "Isla Murphy",
        "Oscar Lindqvist",
        "Grace Adeyemi",
        "Leo Russo",
        "Sofia Novak",
        "Jack O'Connor",
        "Zara Khan",
        "Harbour Gin Co.",
        "Nordic Knitwear",
        "Bloom Florists",
        "Castle Estates",
        "Amelia Hughes",
        "Ruby Delgado",
        "Finn Gallagher",
        "Hannah Weiss",
        "Theo Barnes",
    ]
    cw = [rng.randint(1, 7) for _ in clients]
    types = {  # weight, fee lo, fee hi, hour options
        "Wedding": (14, 1400, 3200, [6, 7, 8, 9, 10]),
        "Event": (12, 450, 1500, [3, 4, 4.5, 5, 6]),
        "Portrait": (22, 150, 450, [1, 1.5, 2]),
        "Family": (17, 180, 520, [1, 1.5, 2, 2.5]),
        "Headshot": (18, 90, 260, [0.5, 1, 1.5]),
        "Product": (17, 300, 1250, [2, 2.5, 3, 4, 5]),
    }
    tnames = list(types)
    dates = [rdate(rng, dt.date(2024, 1, 3), dt.date(2024, 12, 21)) for _ in range(117)]
    dates += [dt.date(2024, 2, 14)] * 3
    dates.sort()
    other_notes = [
        "Outdoor shoot at Phoenix Park",
        "Extra prints ordered",
        "Rescheduled from earlier date",
        "Studio B",
        "Bring props and backdrop",
        "outdoor - beach location",
        "Client wants retouching on all images",
        "Second shooter needed",
        "Pet included in shoot",
    ]
    rows = []
    for i, d0 in enumerate(dates):
        t = rng.choices(tnames, weights=[types[k][0] for k in tnames])[0]
        _, lo, hi, hrs = types[t]
        fee = float(rng.randrange(lo, hi + 1, 5))
        hours = rng.choice(hrs)
        dep = float(round(fee * rng.choice([0.2, 0.25, 0.3]) / 10) * 10)
        if d0 > dt.date(2024, 11, 30):
            status = "Confirmed"
        else:
            status = rng.choices(["Completed", "Cancelled", "No-show"], [78, 13, 9])[0]
        if status == "Completed":
            paid = "Yes" if rng.random() < 0.86 else "No"
        elif status == "Cancelled":
            paid = "No"
        elif status == "No-show":
            paid = rng.choice(["Yes", "No"])
        else:
            paid = "Yes" if rng.random() < 0.3 else "No"
        if status == "Cancelled":
            note = rng.choice(
                [
                    "Client cancelled - refund of deposit requested",
                    "Cancelled due to weather",
                    None,
                    "Refund issued",
                ]
            )
        else:
            note = rng.choice(other_notes) if rng.random() < 0.45 else None
        rows.append(
            [
                f"PB-{1001 + i}",
                rng.choices(clients, cw)[0],
                t,
                rng.choices(phots, [32, 26, 24, 18])[0],
                d0,
                hours,
                fee,
                dep,
                status,
                paid,
                note,
            ]
        )
    for i in rng.sample(range(len(rows)), 6):
        rows[i][5] = None
    headers = [
        "Booking ID",
        "Client",
        "Session Type",
        "Photographer",
        "Session Date",
        "Hours",
        "Fee (€)",
        "Deposit (€)",
        "Status",
        "Paid?",
        "Notes",
    ]
    text = {(i, "Fee (€)") for i in rng.sample(range(len(rows)), 4)}
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        titles=["Lumen Photo Studio", "Session bookings 2024 - exported 30/11/2024"],
        blank_after={rng.randint(20, 50), rng.randint(70, 100)},
        total={
            "Fee (€)": col_sum(headers, rows, "Fee (€)"),
            "Deposit (€)": col_sum(headers, rows, "Deposit (€)"),
        },
        text_cells=text,
        formats={"Session Date": "dd/mm/yyyy", "Fee (€)": "#,##0.00", "Deposit (€)": "#,##0.00"},
        widths={"Client": 20, "Notes": 42},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(
        path,
        sheet,
        "Booking ID",
        numeric=["Hours", "Fee (€)", "Deposit (€)"],
        dates=["Session Date"],
    )
    F, Dp, H, D = d["Fee (€)"], d["Deposit (€)"], d["Hours"], d["Session Date"]
    st, paid, typ, ph, N = d["Status"], d["Paid?"], d["Session Type"], d["Photographer"], d["Notes"]
    m = D.dt.month
    off(F, 1200)
    off(H, 3.5)
    if (d.Client == "Zara Khan").sum() < 2:
        raise Retry("need several Zara Khan bookings")
    if not ((d.Client == "Emma Smith").any() and (d.Client == "Liam Smith").any()):
        raise Retry("need both Smiths")
    c = Cases(book, sheet)
    c.v("row_noun", "how many bookings are assigned to Chloe?", cnt(ph == "Chloe Martin"))
    c.v(
        "row_noun",
        "list the clients who booked a wedding",
        uniq(d.Client[typ == "Wedding"]),
        unordered=True,
    )
    c.v("status", "How many bookings got cancelled", cnt(st == "Cancelled"))
    c.v("status", "unpaid bookings", cnt(paid == "No"))
    c.v(
        "status",
        "completed sessions that still haven't been paid?",
        cnt((st == "Completed") & (paid == "No")),
    )
    c.v("dates", "bookings in Q2", cnt(m.between(4, 6)))
    c.v("dates", "How many sessions since Oct 15?", cnt(D >= pd.Timestamp("2024-10-15")))
    c.v("dates", "total fees for bookings from February to April", F[m.between(2, 4)].sum())
    c.v("dates", "how many shoots did we have on 14 Feb", cnt(D.dt.strftime("%m-%d") == "02-14"))
    c.v("quantities", "bookings with a fee over €1.2k", cnt(F > 1200))
    c.v("quantities", "how many sessions ran longer than three and a half hours", cnt(H > 3.5))
    c.v(
        "superlative", "which client has the highest total fees?", argmax(F.groupby(d.Client).sum())
    )
    c.v("superlative", "which photographer has the most bookings", argmax(ph.value_counts()))
    c.v("superlative", "who was the client on the most expensive booking?", d.Client[argmax(F)])
    c.v("superlative", "top 3 session types by total fees", top(F.groupby(typ).sum(), 3))
    c.v("two_keys", "number of bookings by photographer and session type", nested_count(ph, typ))
    c.v("two_keys", "fees by photographer and month", nested(F, ph, ym(D), "sum"))
    c.v("x_by_y", "fees by photographer", F.groupby(ph).sum())
    c.v("x_by_y", "avg hours by sesion type", H.groupby(typ).mean())
    c.v("text_match", "how many bookings have notes mentioning a refund", cnt(has(N, "refund")))
    c.v(
        "text_match",
        "list clients whose booking notes say outdoor",
        uniq(d.Client[has(N, "outdoor")]),
        unordered=True,
    )
    c.v(
        "derived",
        "which booking had the highest fee per hour? just the booking ID please",
        d["Booking ID"][argmax(F / H)],
    )
    c.v(
        "derived",
        "for completed sessions that aren't paid yet, how much is still owed after the deposits?",
        (F - Dp)[(st == "Completed") & (paid == "No")].sum(),
    )
    c.v("plain", "average fee for a wedding shoot", F[typ == "Wedding"].mean())
    c.clarify("plain", "what's the total amount for Ana's bookings")
    c.clarify("row_noun", "how many bookings did Smith make?")
    c.clarify("plain", "what did the Zara Khan shoot cost?")
    c.refuse("plain", "what's the average age of our clients")
    c.refuse("superlative", "which camera body got used the most?")
    return c.items


# ==========================================================================
# 2. EV charging sessions (table starts in column B)
# ==========================================================================
def book_ev(seed):
    rng = random.Random(seed)
    book, sheet = "ev_charging.xlsx", "Sessions"
    stations = ["Harbour Road", "Mill Lane", "Station Square", "Retail Park", "Civic Centre"]
    sw = [27, 22, 20, 18, 13]
    vehicles = [
        "Tesla Model 3",
        "Tesla Model Y",
        "Nissan Leaf",
        "VW ID.3",
        "Kia EV6",
        "Hyundai Kona",
        "Renault Zoe",
        "MG4",
        "BMW i3",
        "Polestar 2",
    ]
    vw = [14, 10, 8, 12, 9, 9, 8, 10, 5, 6]
    rate = {"CCS": 0.74, "Type 2": 0.49, "CHAdeMO": 0.69}
    starts = []
    for _ in range(160):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 181))
        mins = rng.randint(6 * 60, 22 * 60)
        starts.append(dt.datetime(day.year, day.month, day.day, mins // 60, mins % 60))
    starts.sort()
    rows = []
    for i, s0 in enumerate(starts):
        stn = rng.choices(stations, sw)[0]
        if stn in ("Harbour Road", "Retail Park"):
            con = rng.choices(["CCS", "Type 2", "CHAdeMO"], [45, 35, 20])[0]
        else:
            con = rng.choice(["CCS", "Type 2"])
        veh = "Nissan Leaf" if con == "CHAdeMO" else rng.choices(vehicles, vw)[0]
        status = rng.choices(["Completed", "Interrupted", "Failed"], [84, 11, 5])[0]
        lo, hi = {"CCS": (12, 68), "Type 2": (4, 32), "CHAdeMO": (8, 38)}[con]
        e = rng.uniform(lo, hi)
        if status == "Interrupted":
            e *= rng.uniform(0.2, 0.6)
        e = round(e, 1) if status != "Failed" else 0.0
        if status == "Failed":
            dur = rng.randint(1, 4)
        else:
            kw = (
                rng.uniform(35, 110)
                if con == "CCS"
                else (rng.uniform(25, 45) if con == "CHAdeMO" else rng.uniform(6.2, 7.3))
            )
            dur = int(round(e / kw * 60 + rng.uniform(2, 8)))
        member = "Yes" if rng.random() < 0.55 else "No"
        r = rate[con] - (0.10 if member == "Yes" else 0)
        cost = round(e * r, 2)
        pay = (
            rng.choices(["App", "RFID card"], [60, 40])[0]
            if member == "Yes"
            else rng.choices(["Contactless", "App"], [65, 35])[0]
        )
        note = None
        if status == "Interrupted":
            note = rng.choice(
                ["Cable fault - session stopped", "App timeout", "Vehicle stopped charging", None]
            )
        elif status == "Failed":
            note = rng.choice(
                ["Charger offline", "Cable locked, needed reset", "RFID not recognised"]
            )
        elif rng.random() < 0.25:
            note = rng.choice(
                [
                    "Bay blocked by petrol car",
                    "Overstay fee applied",
                    "Slow charge reported",
                    "Cable damaged - reported",
                    "Customer called helpline",
                ]
            )
            if note == "Overstay fee applied":
                cost = round(cost + 5.0, 2)
        rows.append([f"S-{24001 + i}", s0, stn, con, veh, member, e, dur, cost, pay, status, note])
    headers = [
        "Session ID",
        "Start",
        "Station",
        "Connector",
        "Vehicle",
        "Member",
        "Energy (kWh)",
        "Duration (min)",
        "Cost (£)",
        "Payment",
        "Status",
        "Notes",
    ]
    text = {(i, "Energy (kWh)") for i in rng.sample(range(len(rows)), 3)}
    text |= {(i, "Duration (min)") for i in rng.sample(range(len(rows)), 2)}
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        col0=2,
        titles=["GreenPlug Network - charging sessions", "January to June 2024"],
        blank_after={rng.randint(30, 60), rng.randint(90, 130)},
        total={
            "Energy (kWh)": col_sum(headers, rows, "Energy (kWh)", 1),
            "Duration (min)": col_sum(headers, rows, "Duration (min)"),
            "Cost (£)": col_sum(headers, rows, "Cost (£)"),
        },
        text_cells=text,
        formats={"Start": "dd/mm/yyyy hh:mm", "Cost (£)": "£#,##0.00"},
        widths={"Start": 18, "Vehicle": 16, "Notes": 32},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(
        path,
        sheet,
        "Session ID",
        numeric=["Energy (kWh)", "Duration (min)", "Cost (£)"],
        dates=["Start"],
    )
    E, Du, C, S = d["Energy (kWh)"], d["Duration (min)"], d["Cost (£)"], d["Start"]
    day = S.dt.normalize()
    m = S.dt.month
    stn, con, st, N = d["Station"], d["Connector"], d["Status"], d["Notes"]
    off(E, 40)
    off(C, 5, 10, 20)
    c = Cases(book, sheet)
    c.v("row_noun", "how many sessions at Mill Lane?", cnt(stn == "Mill Lane"))
    c.v(
        "row_noun",
        "which stations had CHAdeMO sessions",
        uniq(stn[con == "CHAdeMO"]),
        unordered=True,
    )
    c.v("status", "failed sessions", cnt(st == "Failed"))
    c.v("status", "how many charges didn't complete?", cnt(st != "Completed"))
    c.v(
        "status",
        "number of non-member sessions paid through the app",
        cnt((d.Member == "No") & (d.Payment == "App")),
    )
    c.v("dates", "how much energy did we deliver in the first quarter", E[m <= 3].sum())
    c.v("dates", "Sessions after 20 May?", cnt(day > pd.Timestamp("2024-05-20")))
    c.v(
        "dates",
        "number of sessions between 1 Feb and 15 Feb",
        cnt(day.between(pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-15"))),
    )
    c.v("quantities", "sessions over 40 kWh", cnt(E > 40))
    c.v("quantities", "how many charges cost less than £5", cnt(C < 5))
    c.v("quantities", "charges between £10 and £20 - count please", cnt(C.between(10, 20)))
    c.v("superlative", "whcih station delivered the most energy", argmax(E.groupby(stn).sum()))
    c.v("superlative", "longest session - which station was it at?", stn[argmax(Du)])
    c.v("superlative", "top 3 stations by number of sessions", top(stn.value_counts(), 3))
    c.v("two_keys", "kWh by station and month", nested(E, stn, ym(S), "sum"))
    c.v("two_keys", "sessions by connector type and status", nested_count(con, st))
    c.v("x_by_y", "revenue by payment method", C.groupby(d.Payment).sum())
    c.v("x_by_y", "average duration per connector", Du.groupby(con).mean())
    c.v("text_match", "how many teslas charged?", cnt(has(d.Vehicle, "Tesla")))
    c.v("text_match", "sessions whose notes mention the cable", cnt(has(N, "cable")))
    pp = (C / E).where(E > 0)
    c.v(
        "derived",
        "which session had the highest price per kWh? session id",
        d["Session ID"][argmax(pp)],
    )
    kw = (E / (Du / 60)).where(Du > 0)
    c.v(
        "derived",
        "give me the session id with the fastest average charging power in kW",
        d["Session ID"][argmax(kw)],
    )
    c.v("plain", "total energy delivered", E.sum())
    c.v(
        "plain",
        "what's the average cost per session at Civic Centre?",
        C[stn == "Civic Centre"].mean(),
    )
    c.v("plain", "max duration at harbour rd", Du[stn == "Harbour Road"].max())
    c.clarify("plain", "total for Civic Centre")
    c.clarify("superlative", "biggest session at mill lane?")
    c.refuse("plain", "average battery percentage at the start of a charge")
    c.refuse("superlative", "which driver charges with us most often?")
    return c.items


# ==========================================================================
# 3. Bookshop stock list
# ==========================================================================
def book_bookshop(seed):
    rng = random.Random(seed)
    book, sheet = "bookshop_stock.xlsx", "Stock"
    authors = {
        "Margaret Holloway": "Crime",
        "Owen Tate": "Crime",
        "Priya Raman": "Crime",
        "Elena Vasquez": "Fantasy",
        "J. R. Thornfield": "Fantasy",
        "Kai Morrow": "Fantasy",
        "Harriet Lane": "Romance",
        "Sophie Carrow": "Romance",
        "Alan Mercer": "History",
        "Ruth Ellison": "History",
        "Nadia Haddad": "Cookery",
        "Tom Kerrigan": "Cookery",
        "Lucy Ferns": "Travel",
        "Marcus Bell": "Travel",
        "Penny Darling": "Children's",
        "Oli Button": "Children's",
        "Ian Stroud": "Sci-Fi",
        "Vera Quill": "Sci-Fi",
    }
    aw = {a: rng.randint(4, 10) for a in authors}
    aw["Owen Tate"] = 16
    gens = {
        "Crime": lambda: (
            f"The {rng.choice(['Silent', 'Last', 'Hidden', 'Cold', 'Broken', 'Deadly', 'Quiet', 'Final'])} "
            f"{rng.choice(['Witness', 'Alibi', 'Verdict', 'Ledger', 'Room', 'Confession', 'Harbour', 'Night'])}"
        ),
        "Fantasy": lambda: (
            f"The {rng.choice(['Crown', 'Song', 'Shadow', 'Throne', 'Gate', 'Ember'])} of "
            f"{rng.choice(['Ashes', 'Winter', 'the Deep', 'Storms', 'Night', 'Glass'])}"
        ),
        "Romance": lambda: (
            f"{rng.choice(['Summer', 'Love', 'Letters', 'Kisses', 'Secrets'])} in "
            f"{rng.choice(['Paris', 'Cornwall', 'Rome', 'the Rain', 'Provence', 'Vienna'])}"
        ),
        "History": lambda: (
            f"{rng.choice(['The Tudors', 'The Silk Road', 'Empire', 'The Vikings', 'The Cold War', 'The Medici'])}: "
            f"A {rng.choice(['History', 'New History', 'Short History', 'Reappraisal'])}"
        ),
        "Cookery": lambda: (
            f"{rng.choice(['Simple', 'Everyday', 'Plant-Based', 'One-Pot', 'Midweek', 'Slow'])} "
            f"{rng.choice(['Suppers', 'Baking', 'Kitchen', 'Feasts', 'Curries', 'Bread'])}"
        ),
        "Travel": lambda: rng.choice(
            [
                "{p}: The Essential Guide",
                "Walking {p}",
                "{p} on a Shoestring",
                "A Pocket Guide to {p}",
                "Slow Travel in {p}",
            ]
        ).format(
            p=rng.choice(
                [
                    "Iceland",
                    "Portugal",
                    "Japan",
                    "Scotland",
                    "Peru",
                    "Vietnam",
                    "the Alps",
                    "Norway",
                ]
            )
        ),
        "Children's": lambda: (
            f"{rng.choice(['Milo', 'Pip', 'Luna', 'Ted', 'Rosie'])} and the "
            f"{rng.choice(['Moon', 'Dragon', 'Big Storm', 'Lost Kite', 'Night Train'])}"
        ),
        "Sci-Fi": lambda: (
            f"{rng.choice(['Orbit', 'Signal', 'Station', 'Drift', 'Void', 'Nova'])} "
            f"{rng.choice(['Protocol', 'Zero', 'Rising', 'Nine', 'Horizon'])}"
        ),
    }
    pubs = ["Penfold", "Harbour Press", "Kestrel Books", "Marlow & Finch", "Northgate", "Bramble"]
    pubw = [rng.randint(3, 9) for _ in pubs]
    pb_prices = [6.99, 7.99, 8.99, 9.99, 10.99, 12.99]
    hb_prices = [14.99, 16.99, 18.99, 20.0, 22.0, 25.0, 28.99]
    seen = set()
    items = []

    def make(author, title=None, fmt=None, price=None):
        g = authors[author]
        if title is None:
            for _ in range(200):
                title = gens[g]()
                if title not in seen:
                    break
            else:
                raise Retry("titles exhausted")
        seen.add(title)
        if fmt is None:
            hb_share = 0.5 if g in ("Children's", "Cookery", "History") else 0.3
            fmt = "Hardback" if rng.random() < hb_share else "Paperback"
        if price is None:
            price = rng.choice(hb_prices if fmt == "Hardback" else pb_prices)
        cost = round(price * rng.uniform(0.42, 0.62), 2)
        stock = 0 if rng.random() < 0.1 else rng.randint(1, 45)
        if stock == 20:
            stock = 21
        reorder = rng.choice([3, 5, 8, 10])
        on_order = "Yes" if (rng.random() < (0.6 if stock <= reorder else 0.08)) else "No"
        rec = rdate(rng, dt.date(2023, 1, 10), dt.date(2024, 6, 25))
        isbn = "978" + "".join(str(rng.randint(0, 9)) for _ in range(10))
        items.append(
            [
                isbn,
                title,
                author,
                g,
                rng.choices(pubs, pubw)[0],
                fmt,
                price,
                cost,
                stock,
                reorder,
                on_order,
                rec,
                None,
            ]
        )

    alist = list(authors)
    for _ in range(168):
        make(rng.choices(alist, [aw[a] for a in alist])[0])
    make("Alan Mercer", "The Illustrated Atlas of Rome", "Hardback", 45.0)
    make("Lucy Ferns", "Norway in a Nutshell", "Paperback", 4.99)
    order = ["Children's", "Cookery", "Crime", "Fantasy", "History", "Romance", "Sci-Fi", "Travel"]
    items.sort(key=lambda r: (order.index(r[3]), r[1]))
    counters = {}
    for r in items:
        counters[r[3]] = counters.get(r[3], 0) + 1
        r[12] = f"{r[3][0]}{(counters[r[3]] - 1) // 8 + 1}"
    blank_after = {i for i in range(len(items) - 1) if items[i][3] != items[i + 1][3]}
    headers = [
        "ISBN",
        "Title",
        "Author",
        "Genre",
        "Publisher",
        "Format",
        "Price (£)",
        "Cost (£)",
        "In Stock",
        "Reorder Level",
        "On Order",
        "Last Received",
        "Shelf",
    ]
    text = {(i, "Price (£)") for i in rng.sample(range(len(items)), 3)}
    text |= {(i, "In Stock") for i in rng.sample(range(len(items)), 3)}
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        items,
        hdr_row=5,
        titles=["Chapter & Verse Books", "Stock list as at 30 June 2024", "Prices include VAT"],
        blank_after=blank_after,
        total={"In Stock": col_sum(headers, items, "In Stock")},
        text_cells=text,
        formats={"Last Received": "d mmm yyyy", "Price (£)": "£0.00", "Cost (£)": "£0.00"},
        widths={"ISBN": 16, "Title": 34, "Author": 20, "Publisher": 16},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(
        path,
        sheet,
        "ISBN",
        numeric=["Price (£)", "Cost (£)", "In Stock", "Reorder Level"],
        dates=["Last Received"],
    )
    P, Co, Q, R = d["Price (£)"], d["Cost (£)"], d["In Stock"], d["Reorder Level"]
    L, g, fmt, T = d["Last Received"], d["Genre"], d["Format"], d["Title"]
    off(P, 8, 10, 15)
    off(Q, 20)
    if (d.Author == "Margaret Holloway").sum() < 2:
        raise Retry("need several Holloway titles")
    c = Cases(book, sheet)
    c.v(
        "row_noun",
        "how many titles by Margaret Holloway are on the list",
        cnt(d.Author == "Margaret Holloway"),
    )
    c.v(
        "row_noun", "list the titles by Owen Tate", uniq(T[d.Author == "Owen Tate"]), unordered=True
    )
    c.v("status", "How many titles are on order?", cnt(d["On Order"] == "Yes"))
    c.v("status", "out of stock titles", cnt(Q == 0))
    c.v(
        "status",
        "titles at or below their reorder level that haven't been ordered",
        cnt((Q <= R) & (d["On Order"] == "No")),
    )
    c.v("dates", "books last received in 2023", cnt(L.dt.year == 2023))
    c.v("dates", "titles received since 1 March 2024", cnt(L >= pd.Timestamp("2024-03-01")))
    c.v(
        "dates",
        "how many titles came in during Q4 2023?",
        cnt((L.dt.year == 2023) & (L.dt.month >= 10)),
    )
    c.v("quantities", "books priced under £8", cnt(P < 8))
    c.v("quantities", "titles with more than twenty copies in stock", cnt(Q > 20))
    c.v("quantities", "how many books cost between £10 and £15", cnt(P.between(10, 15)))
    c.v("superlative", "what's our most expensive book", T[argmax(P)])
    c.v("superlative", "which author has the most titles", argmax(d.Author.value_counts()))
    c.v("superlative", "top 5 genres by retail value of stock", top((Q * P).groupby(g).sum(), 5))
    c.v("two_keys", "copies in stock by genre and format", nested(Q, g, fmt, "sum"))
    c.v("x_by_y", "stock by genre", Q.groupby(g).sum())
    c.v("x_by_y", "avg price by format", P.groupby(fmt).mean())
    c.v("x_by_y", "titles per publisher", d.Publisher.value_counts().sort_index())
    c.v("text_match", "how many titles have 'night' in them", cnt(has(T, "night")))
    c.v(
        "text_match",
        "list the books with Guide in the title",
        uniq(T[has(T, "guide")]),
        unordered=True,
    )
    c.v("derived", "what's the retail value of the fantasy stock?", (Q * P)[g == "Fantasy"].sum())
    c.v("derived", "which book has the biggest margin", T[argmax(P - Co)])
    c.v("derived", "total stock value at cost", (Q * Co).sum())
    c.v("plain", "cheapest paperback?", T[argmin(P.where(fmt == "Paperback"))])
    c.clarify("derived", "what's the stock value for crime")
    c.clarify("row_noun", "how many books do we have by Tate")
    c.clarify("plain", "what's the price of Margaret Holloway's book?")
    c.refuse("dates", "how many copies did we sell in May?")
    c.refuse("plain", "average page count for sci-fi")
    return c.items


# ==========================================================================
# 4. Yoga / fitness class attendance
# ==========================================================================
def book_yoga(seed):
    rng = random.Random(seed)
    book, sheet = "class_attendance.xlsx", "Attendance"
    classes = {
        "Vinyasa": (["Maya Cohen", "Jonas Berg"], 14.5, 20),
        "Hatha": (["Sofia Lind", "Aiko Tanaka"], 13.5, 14),
        "Pilates": (["Sofia Lind"], 16.0, 16),
        "HIIT": (["Tom Reilly"], 15.5, 20),
        "Spin": (["Tom Reilly", "Jonas Berg"], 17.0, 18),
        "Yin": (["Maya Cohen", "Aiko Tanaka"], 13.0, 12),
    }
    instr_mean = {
        "Maya Cohen": 4.4,
        "Jonas Berg": 3.9,
        "Sofia Lind": 4.2,
        "Aiko Tanaka": 4.0,
        "Tom Reilly": 3.6,
    }
    members = [
        "Priya Shah",
        "Daniel Brooks",
        "Chiara Romano",
        "Mateo Silva",
        "Hannah Lee",
        "Oliver Grant",
        "Freya Nielsen",
        "Samir Haddad",
        "Lucy Evans",
        "Jamal Wright",
        "Ines Duarte",
        "Kofi Mensah",
        "Ella Byrne",
        "Marta Wojcik",
        "Ravi Kumar",
        "Nora Schmidt",
        "Tom Allen",
        "Yuki Sato",
        "Alice Moreau",
        "Ben Carter",
        "Leah Cohen",
        "Omar Farouk",
        "Sara Lindgren",
        "Jake Dunn",
        "Maria Costa",
        "Niamh Walsh",
        "Patrick Doyle",
        "Zoe Clarke",
        "Aaron Price",
        "Gemma Holt",
    ]
    mtype = {
        m: rng.choices(["Monthly", "10-Class Pass", "Drop-in"], [40, 30, 30])[0] for m in members
    }
    mw = [rng.randint(1, 8) for _ in members]
    dates = [rdate(rng, dt.date(2024, 3, 1), dt.date(2024, 8, 31)) for _ in range(196)]
    dates += [dt.date(2024, 6, 3)] * 4
    dates.sort()
    cn = list(classes)
    rows = []
    for d0 in dates:
        k = rng.choices(cn, [classes[x][2] for x in cn])[0]
        ins = rng.choice(classes[k][0])
        mem = rng.choices(members, mw)[0]
        ms = mtype[mem]
        fee = None if ms == "Monthly" else (11.0 if ms == "10-Class Pass" else classes[k][1])
        ns = 18 if k == "HIIT" else 11
        status = rng.choices(["Attended", "No-show", "Late cancel"], [100 - ns - 10, ns, 10])[0]
        rating = None
        comment = None
        if status == "Attended":
            if rng.random() < 0.85:
                rating = max(1, min(5, int(round(rng.gauss(instr_mean[ins], 0.8)))))
            if rng.random() < 0.25:
                comment = rng.choice(
                    [
                        "Loved the music",
                        "Music too loud",
                        "Room was too hot",
                        "great energy!",
                        "too hot in the studio again",
                        "Could use more mats",
                        "Instructor very clear",
                        "Playlist was great - more music like this please",
                    ]
                )
        elif rng.random() < 0.3:
            comment = rng.choice(["stuck at work", "forgot", "was ill", "traffic"])
        rows.append([d0, k, ins, mem, ms, status, fee, rating, comment])
    headers = [
        "Date",
        "Class",
        "Instructor",
        "Member",
        "Membership",
        "Status",
        "Fee (€)",
        "Rating (1-5)",
        "Comment",
    ]
    text = {
        (i, "Fee (€)") for i in rng.sample([i for i, r in enumerate(rows) if r[6] is not None], 3)
    }
    text |= {
        (i, "Rating (1-5)")
        for i in rng.sample([i for i, r in enumerate(rows) if r[7] is not None], 2)
    }
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        titles=[
            "Flow & Sweat Studio - class bookings",
            "March to August 2024 (monthly members pay no class fee)",
        ],
        blank_after={rng.randint(40, 80), rng.randint(120, 160)},
        total={"Fee (€)": col_sum(headers, rows, "Fee (€)")},
        text_cells=text,
        formats={"Date": "ddd dd/mm/yyyy", "Fee (€)": "€0.00"},
        widths={"Date": 16, "Member": 18, "Comment": 40},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(path, sheet, "Date", numeric=["Fee (€)", "Rating (1-5)"], dates=["Date"])
    D, k, ins, st, F, Rt, Cm = (
        d.Date,
        d.Class,
        d.Instructor,
        d.Status,
        d["Fee (€)"],
        d["Rating (1-5)"],
        d.Comment,
    )
    m = D.dt.month
    att = st == "Attended"
    off(F, 14, 15)
    if not ((d.Member == "Priya Shah").any() and (d.Member == "Tom Allen").any()):
        raise Retry("need Priya")
    c = Cases(book, sheet)
    c.v("row_noun", "how many bookings did Priya Shah make", cnt(d.Member == "Priya Shah"))
    c.v(
        "row_noun",
        "list the members who booked a Yin class",
        uniq(d.Member[k == "Yin"]),
        unordered=True,
    )
    c.v("row_noun", "how many spin bookings were there?", cnt(k == "Spin"))
    c.v("status", "no-shows?", cnt(st == "No-show"))
    c.v("status", "how many late cancellations in May", cnt((st == "Late cancel") & (m == 5)))
    c.v("status", "How many Pilates bookings were actually attended?", cnt((k == "Pilates") & att))
    c.v("dates", "bookings from April to June", cnt(m.between(4, 6)))
    c.v("dates", "how many bookings on 3 June", cnt(D == pd.Timestamp("2024-06-03")))
    c.v("dates", "bookings since July 15th", cnt(D >= pd.Timestamp("2024-07-15")))
    c.v("quantities", "bookings that paid over €15", cnt(F > 15))
    c.v("quantities", "how many bookings cost less than fourteen euros", cnt(F < 14))
    c.v(
        "superlative",
        "which instructor has the best average rating",
        argmax(Rt.groupby(ins).mean()),
    )
    c.v("superlative", "who attended the most classes?", argmax(d.Member[att].value_counts()))
    c.v("superlative", "top 3 classes by attendance", top(k[att].value_counts(), 3))
    c.v(
        "superlative",
        "which month had the most no-shows",
        argmax(ym(D)[st == "No-show"].value_counts()),
    )
    c.v("two_keys", "attended classes by instructor and month", nested_count(ins[att], ym(D)[att]))
    c.v("x_by_y", "average rating by class", Rt.groupby(k).mean())
    c.v("x_by_y", "fees by class", F.groupby(k).sum())
    c.v("text_match", "how many comments mention music", cnt(has(Cm, "music")))
    c.v(
        "text_match",
        "list members whose comments say it was too hot",
        uniq(d.Member[has(Cm, "too hot")]),
        unordered=True,
    )
    c.v(
        "derived",
        "no-show rate for HIIT",
        cnt((k == "HIIT") & (st == "No-show")) / cnt(k == "HIIT"),
    )
    c.v("derived", "attendance rate by class", att.groupby(k).sum() / k.value_counts().sort_index())
    c.v("plain", "average rating overall", Rt.mean())
    c.v("plain", "total fees in July?", F[m == 7].sum())
    c.clarify("plain", "average for pilates")
    c.clarify("superlative", "who's our top member?")
    c.clarify("row_noun", "how many bookings for Tom?")
    c.refuse("plain", "average heart rate in HIIT")
    c.refuse("superlative", "which studio room gets booked the most")
    return c.items


# ==========================================================================
# 5. Vending machine restocks and takings
# ==========================================================================
def book_vending(seed):
    rng = random.Random(seed)
    book, sheet = "vending_restocks.xlsx", "Restock log"
    machines = {
        "VM-01": "Library",
        "VM-02": "Library",
        "VM-03": "Gym",
        "VM-04": "Canteen",
        "VM-05": "Canteen",
        "VM-06": "Reception",
        "VM-07": "Lab Block",
        "VM-08": "Staff Room",
    }
    busy = {m: rng.uniform(0.6, 1.4) for m in machines}
    cardshare = {m: rng.uniform(0.5, 1.3) for m in machines}
    techs = ["Gary Holt", "Nadia Petrova", "Owen Reilly"]
    visits = []
    for mid in machines:
        d0 = dt.date(2024, 7, 1) + dt.timedelta(days=rng.randint(0, 6))
        while d0 <= dt.date(2024, 12, 20):
            visits.append((d0, mid))
            d0 += dt.timedelta(days=rng.randint(6, 11))
    visits.sort()
    rows = []
    for d0, mid in visits:
        b = busy[mid]
        items = int(rng.uniform(25, 140) * b)
        if items == 50:
            items = 51
        cost = round(items * rng.uniform(0.48, 0.62), 2)
        cash = round(rng.uniform(40, 220) * b, 2)
        card = round(rng.uniform(30, 200) * b * cardshare[mid], 2)
        fault = "Yes" if rng.random() < 0.12 else "No"
        if fault == "Yes":
            status = rng.choices(["Needs Repair", "Out of Service"], [60, 40])[0]
            note = rng.choice(
                [
                    "Coin mech jammed",
                    "Card reader offline",
                    "Spiral motor stuck in row C",
                    "Glass cracked",
                    "coin mechanism rejecting £2 coins",
                ]
            )
        else:
            status = "OK" if rng.random() < 0.97 else "Needs Repair"
            note = (
                rng.choice(
                    [
                        "cleaned coin mech",
                        "restocked crisps only",
                        "card reader slow",
                        "Sold out of water",
                        "Price labels updated",
                    ]
                )
                if rng.random() < 0.2
                else None
            )
        rows.append(
            [
                d0,
                mid,
                machines[mid],
                rng.choices(techs, [40, 35, 25])[0],
                items,
                cost,
                cash,
                card,
                fault,
                status,
                note,
            ]
        )
    headers = [
        "Visit Date",
        "Machine",
        "Location",
        "Technician",
        "Items Restocked",
        "Restock Cost (£)",
        "Cash Takings (£)",
        "Card Takings (£)",
        "Fault Found",
        "Machine Status",
        "Notes",
    ]
    text = {(i, "Cash Takings (£)") for i in rng.sample(range(len(rows)), 3)}
    text |= {(i, "Items Restocked") for i in rng.sample(range(len(rows)), 2)}
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=3,
        titles=["SnackPoint Vending - restock log, Jul-Dec 2024"],
        blank_after={rng.randint(30, 60), rng.randint(90, 120)},
        total={
            h: col_sum(headers, rows, h)
            for h in ["Items Restocked", "Restock Cost (£)", "Cash Takings (£)", "Card Takings (£)"]
        },
        text_cells=text,
        formats={
            "Visit Date": "dd-mmm-yy",
            "Restock Cost (£)": "£#,##0.00",
            "Cash Takings (£)": "£#,##0.00",
            "Card Takings (£)": "£#,##0.00",
        },
        widths={"Notes": 34},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(
        path,
        sheet,
        "Visit Date",
        numeric=["Items Restocked", "Restock Cost (£)", "Cash Takings (£)", "Card Takings (£)"],
        dates=["Visit Date"],
    )
    D, mc, loc, tech = d["Visit Date"], d.Machine, d.Location, d.Technician
    I, RC, CA, CD = (
        d["Items Restocked"],
        d["Restock Cost (£)"],
        d["Cash Takings (£)"],
        d["Card Takings (£)"],
    )
    m = D.dt.month
    off(CA, 150)
    off(I, 50)
    off(CD, 80, 120)
    c = Cases(book, sheet)
    c.v("row_noun", "how many visits to the canteen machines?", cnt(loc == "Canteen"))
    c.v(
        "row_noun",
        "which technicians have serviced VM-03",
        uniq(tech[mc == "VM-03"]),
        unordered=True,
    )
    c.v("status", "visits where a fault was found", cnt(d["Fault Found"] == "Yes"))
    c.v(
        "status",
        "how many visits left a machine out of service",
        cnt(d["Machine Status"] == "Out of Service"),
    )
    c.v(
        "status",
        "visits with no fault found in september",
        cnt((d["Fault Found"] == "No") & (m == 9)),
    )
    c.v("dates", "card takings in Q3", CD[m.between(7, 9)].sum())
    c.v("dates", "how many visits since Aug 12", cnt(D >= pd.Timestamp("2024-08-12")))
    c.v(
        "dates",
        "cash taken between 1 and 15 November",
        CA[D.between(pd.Timestamp("2024-11-01"), pd.Timestamp("2024-11-15"))].sum(),
    )
    c.v("quantities", "visits with cash takings over £150", cnt(CA > 150))
    c.v("quantities", "restocks of fewer than 50 items", cnt(I < 50))
    c.v(
        "quantities",
        "how many visits had card takings between £80 and £120?",
        cnt(CD.between(80, 120)),
    )
    c.v("superlative", "which location brought in the most cash", argmax(CA.groupby(loc).sum()))
    c.v(
        "superlative",
        "which technician restocked the most items overall",
        argmax(I.groupby(tech).sum()),
    )
    c.v("superlative", "top 3 machines by card takings", top(CD.groupby(mc).sum(), 3))
    c.v("superlative", "biggest single cash takings - which machine?", mc[argmax(CA)])
    c.v("two_keys", "cash takings by location and month", nested(CA, loc, ym(D), "sum"))
    c.v("x_by_y", "restock cost by technician", RC.groupby(tech).sum())
    c.v("x_by_y", "avg items restocked by location", I.groupby(loc).mean())
    c.v("text_match", "visits whose notes mention the coin mech", cnt(has(d.Notes, "coin")))
    c.v("text_match", "how many notes talk about the card reader", cnt(has(d.Notes, "card reader")))
    c.v("derived", "what were the total takings at the gym?", (CA + CD)[loc == "Gym"].sum())
    c.v("derived", "profit by location", (CA + CD - RC).groupby(loc).sum())
    c.v("derived", "what share of our takings came in by card", CD.sum() / (CA.sum() + CD.sum()))
    c.v("plain", "average restock cost", RC.mean())
    c.clarify("plain", "average amount per visit")
    c.clarify("plain", "total £ for the staff room")
    c.refuse("superlative", "which snack sells best?")
    c.refuse("plain", "what's the fridge temperature in the gym machine")
    return c.items


# ==========================================================================
# 6. Tenant maintenance requests
# ==========================================================================
def book_maintenance(seed):
    rng = random.Random(seed)
    book, sheet = "maintenance_requests.xlsx", "Requests"
    props = {
        "Elm Court": [f"Flat {i}" for i in range(1, 9)],
        "Riverside House": [f"Flat {i}" for i in range(1, 7)],
        "Kestrel Flats": [f"Flat {i}" for i in range(1, 11)],
        "Oak Terrace": ["No. 2", "No. 4", "No. 6", "No. 8"],
        "Marlow Gardens": [f"Flat {i}" for i in range(1, 6)],
    }
    first = [
        "Aisha",
        "Brian",
        "Carla",
        "Declan",
        "Eva",
        "Farid",
        "Gwen",
        "Hugo",
        "Ines",
        "Jonah",
        "Keira",
        "Luca",
        "Maeve",
        "Nikhil",
        "Orla",
        "Pavel",
        "Quinn",
        "Rosa",
        "Stefan",
        "Tara",
        "Umar",
        "Vera",
        "Wes",
        "Xenia",
        "Yusuf",
        "Zainab",
        "Cian",
        "Dora",
        "Emil",
        "Fiona",
        "Gabe",
        "Hana",
        "Ivan",
    ]
    last = [
        "Byrne",
        "Okafor",
        "Silva",
        "Nowak",
        "Kelly",
        "Haddad",
        "Murphy",
        "Lindqvist",
        "Costa",
        "Walsh",
        "Brennan",
        "Rossi",
        "Kaur",
        "Doyle",
        "Fitzgerald",
    ]
    units = [(p, u) for p in props for u in props[p]]
    tenant = {pu: f"{rng.choice(first)} {rng.choice(last)}" for pu in units}
    uw = [rng.choice([1, 1, 2, 3, 5]) for _ in units]
    cats = {
        "Plumbing": (
            26,
            [
                "Leak under kitchen sink",
                "Toilet cistern leaking",
                "Blocked shower drain",
                "Low water pressure",
                "Dripping tap in bathroom",
            ],
            (60, 450),
        ),
        "Electrical": (
            16,
            [
                "Sockets not working in bedroom",
                "Light fitting flickering",
                "Fuse board keeps tripping",
                "Doorbell not working",
            ],
            (70, 380),
        ),
        "Heating": (
            20,
            [
                "Boiler not firing",
                "Radiator cold in lounge",
                "No hot water",
                "Boiler pressure dropping",
            ],
            (90, 900),
        ),
        "Appliance": (
            14,
            [
                "Washing machine leaking",
                "Oven door hinge broken",
                "Fridge not cooling",
                "Extractor fan noisy",
            ],
            (50, 600),
        ),
        "Pest": (8, ["Mice in kitchen", "Wasps nest by window", "Ants in kitchen"], (80, 250)),
        "General": (
            16,
            [
                "Front door lock sticking",
                "Broken window latch",
                "Mould on bathroom ceiling",
                "Damp patch and mould in bedroom",
                "Fence panel down",
            ],
            (40, 350),
        ),
    }
    contractor = {
        "Plumbing": "FlowRight Plumbing",
        "Electrical": "Spark Electrical",
        "Heating": "WarmHome Heating",
        "Appliance": "Handy Fix Ltd",
        "Pest": "PestAway",
        "General": "Handy Fix Ltd",
    }
    close_days = {"Urgent": (1, 5), "High": (2, 12), "Medium": (5, 25), "Low": (7, 45)}
    report = dt.date(2024, 6, 30)
    logged = sorted(rdate(rng, dt.date(2023, 7, 1), dt.date(2024, 6, 28)) for _ in range(140))
    rows = []
    cn = list(cats)
    for i, d0 in enumerate(logged):
        p, u = rng.choices(units, uw)[0]
        cat = rng.choices(cn, [cats[x][0] for x in cn])[0]
        desc = rng.choice(cats[cat][1])
        pri = rng.choices(["Low", "Medium", "High", "Urgent"], [30, 35, 23, 12])[0]
        lo, hi = close_days[pri]
        dd = rng.randint(lo, hi)
        closed = d0 + dt.timedelta(days=dd)
        if closed <= report and rng.random() < 0.92:
            status, dclosed = "Closed", closed
            clo, chi = cats[cat][2]
            cost = round(rng.uniform(clo, chi), 2)
            if cat == "Heating" and rng.random() < 0.08:
                cost = round(rng.uniform(1800, 2600), 2)
        else:
            status, dclosed, cost = rng.choice(["Open", "In Progress"]), None, None
        con = contractor[cat]
        if cat == "Plumbing" and rng.random() < 0.2:
            con = "Handy Fix Ltd"
        notified = "Yes" if rng.random() < (0.85 if status == "Closed" else 0.6) else "No"
        rows.append(
            [
                f"MR-{i + 1:04d}",
                d0,
                p,
                u,
                tenant[(p, u)],
                cat,
                pri,
                desc,
                status,
                dclosed,
                con,
                cost,
                notified,
            ]
        )
    headers = [
        "Request #",
        "Date Logged",
        "Property",
        "Unit",
        "Tenant",
        "Category",
        "Priority",
        "Description",
        "Status",
        "Date Closed",
        "Contractor",
        "Cost (€)",
        "Tenant Notified",
    ]
    text = {
        (i, "Cost (€)") for i in rng.sample([i for i, r in enumerate(rows) if r[11] is not None], 3)
    }
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=5,
        titles=[
            "Maintenance requests log",
            "Portfolio: Greenfield Lettings",
            "Period: Jul 2023 - Jun 2024",
        ],
        blank_after={rng.randint(30, 60), rng.randint(80, 110)},
        total={"Cost (€)": col_sum(headers, rows, "Cost (€)")},
        text_cells=text,
        formats={"Date Logged": "dd/mm/yyyy", "Date Closed": "dd/mm/yyyy", "Cost (€)": "€#,##0.00"},
        widths={"Description": 34, "Tenant": 18, "Contractor": 20, "Property": 16},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(path, sheet, "Request #", numeric=["Cost (€)"], dates=["Date Logged", "Date Closed"])
    DL, DC, C = d["Date Logged"], d["Date Closed"], d["Cost (€)"]
    prop, cat, pri, st = d.Property, d.Category, d.Priority, d.Status
    off(C, 500, 75, 150, 300)
    if d.Property[d.Unit == "Flat 2"].nunique() < 2:
        raise Retry("need Flat 2 in several properties")
    days = (DC - DL).dt.days
    c = Cases(book, sheet)
    c.v("row_noun", "how many requests came from Elm Court", cnt(prop == "Elm Court"))
    c.v(
        "row_noun",
        "list tenants who reported pest problems",
        uniq(d.Tenant[cat == "Pest"]),
        unordered=True,
    )
    c.v("status", "open requests", cnt(st == "Open"))
    c.v(
        "status",
        "urgent requests that aren't closed yet",
        cnt((pri == "Urgent") & (st != "Closed")),
    )
    c.v(
        "status",
        "closed jobs where the tenant wasn't notified",
        cnt((st == "Closed") & (d["Tenant Notified"] == "No")),
    )
    c.v(
        "dates", "requests logged in November 2023", cnt((DL.dt.year == 2023) & (DL.dt.month == 11))
    )
    c.v(
        "dates",
        "how many requests were raised in the second half of 2023",
        cnt((DL.dt.year == 2023) & (DL.dt.month >= 7)),
    )
    c.v("dates", "jobs closed since 1 March 2024", cnt(DC >= pd.Timestamp("2024-03-01")))
    c.v("quantities", "repairs costing over €500", cnt(C > 500))
    c.v("quantities", "jobs under €75?", cnt(C < 75))
    c.v("quantities", "how many repairs cost between €150 and €300", cnt(C.between(150, 300)))
    c.v(
        "superlative",
        "which contractor has billed us the most",
        argmax(C.groupby(d.Contractor).sum()),
    )
    c.v("superlative", "which property has the most requests?", argmax(prop.value_counts()))
    c.v("superlative", "most expensive repair - request number?", d["Request #"][argmax(C)])
    c.v("two_keys", "requests by category and priority", nested_count(cat, pri))
    c.v("x_by_y", "cost by category", C.groupby(cat).sum())
    c.v("x_by_y", "average repair cost by priority", C.groupby(pri).mean())
    c.v("x_by_y", "requests per contractor", d.Contractor.value_counts().sort_index())
    c.v("text_match", "how many requets mention a leak", cnt(has(d.Description, "leak")))
    c.v(
        "text_match",
        "list the tenants who reported mould",
        uniq(d.Tenant[has(d.Description, "mould")]),
        unordered=True,
    )
    c.v("derived", "average days to close a plumbing job", days[cat == "Plumbing"].mean())
    c.v("derived", "which request took the longest to resolve?", d["Request #"][argmax(days)])
    c.v("plain", "total repair spend", C.sum())
    c.v("plain", "average cost of an electrical job", C[cat == "Electrical"].mean())
    c.clarify("dates", "how many requests in December?")
    c.clarify("row_noun", "show the requests for Flat 2")
    c.refuse("plain", "what's the tenant satisfaction score for Oak Terrace")
    c.refuse("plain", "how much rent does Kestrel Flats owe")
    return c.items


# ==========================================================================
# 7. Catering orders for events
# ==========================================================================
def book_catering(seed):
    rng = random.Random(seed)
    book, sheet = "catering_orders.xlsx", "Orders"
    clients = [
        "Brightwave Ltd",
        "Harlow & Co Solicitors",
        "St Anne's School",
        "The Kellys",
        "Mercer Family",
        "Northside Rotary",
        "Oakridge Golf Club",
        "Priya & Sam",
        "Tanaka Events",
        "Verde Architects",
        "City Arts Trust",
        "Quinn Wedding",
        "Halden Tech",
        "Dunmore Estates",
        "Riverbank Hospice",
        "Morgan Family",
        "Greenfield Council",
        "Lotus Yoga",
        "Ashby Motors",
        "Crowe Family",
    ]
    cw = [rng.randint(1, 8) for _ in clients]
    cw[0] = 9
    etypes = ["Wedding", "Corporate", "Birthday", "Funeral", "Conference"]
    venues = [
        "Town Hall",
        "The Grain Store",
        "Riverside Marquee",
        "Client premises",
        "Oakridge Golf Club",
        "St Mary's Hall",
        "The Old Mill",
    ]
    vw = [rng.randint(2, 9) for _ in venues]
    menus = {"Canapés": (18, 28), "Buffet": (22, 35), "BBQ": (25, 38), "Plated": (40, 75)}
    notes = [
        "nut allergy (2 guests)",
        "gluten free x5",
        "halal meat only",
        "vegan options for 10",
        "no pork please",
        "Coeliac guest - strict GF",
        "Halal + vegetarian mix",
        "Severe nut allergy - no nuts in kitchen",
        "late setup, venue access 5pm",
        "extra coffee station",
    ]
    today = dt.date(2024, 9, 30)
    events = sorted(rdate(rng, dt.date(2024, 1, 10), dt.date(2024, 12, 14)) for _ in range(130))
    rows = []
    for i, ev in enumerate(events):
        cl = rng.choices(clients, cw)[0]
        et = rng.choices(etypes, [18, 30, 22, 10, 20])[0]
        menu = rng.choices(list(menus), [25, 35, 15, 25])[0]
        lo, hi = menus[menu]
        pph = rng.randrange(lo * 2, hi * 2 + 1) / 2
        guests = rng.randint(20, 260)
        if guests == 150:
            guests = 151
        total = round(guests * pph + rng.choice([0, 45, 85]) + (180 if guests > 100 else 0), 2)
        if ev < today:
            status = rng.choices(["Paid", "Overdue", "Part-paid"], [80, 12, 8])[0]
        else:
            status = rng.choices(["Unpaid", "Part-paid"], [45, 55])[0]
        dep30 = float(round(total * 0.3 / 10) * 10)
        if status == "Unpaid":
            dep = 0.0
        elif status in ("Part-paid",):
            dep = dep30
        elif status == "Paid":
            dep = dep30 if rng.random() < 0.7 else 0.0
        else:
            dep = dep30 if rng.random() < 0.5 else 0.0
        order = ev - dt.timedelta(days=rng.randint(7, 120))
        veg = "Yes" if rng.random() < 0.7 else "No"
        note = rng.choice(notes) if rng.random() < 0.55 else None
        rows.append(
            [
                f"CO-{2400 + i}",
                order,
                ev,
                cl,
                et,
                rng.choices(venues, vw)[0],
                guests,
                menu,
                pph,
                total,
                dep,
                status,
                veg,
                note,
            ]
        )
    headers = [
        "Order No",
        "Order Date",
        "Event Date",
        "Client",
        "Event Type",
        "Venue",
        "Guests",
        "Menu",
        "Price per Head (€)",
        "Order Total (€)",
        "Deposit (€)",
        "Payment Status",
        "Veggie Option",
        "Dietary / Notes",
    ]
    text = {(i, "Guests") for i in rng.sample(range(len(rows)), 2)}
    text |= {(i, "Order Total (€)") for i in rng.sample(range(len(rows)), 3)}
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        titles=["Saffron & Sage Catering", "Orders for 2024 events (status as at 30 Sep 2024)"],
        blank_after={rng.randint(25, 55), rng.randint(80, 110)},
        total={
            "Guests": col_sum(headers, rows, "Guests"),
            "Order Total (€)": col_sum(headers, rows, "Order Total (€)"),
            "Deposit (€)": col_sum(headers, rows, "Deposit (€)"),
        },
        text_cells=text,
        formats={
            "Order Date": "dd/mm/yyyy",
            "Event Date": "dd/mm/yyyy",
            "Price per Head (€)": "€0.00",
            "Order Total (€)": "€#,##0.00",
            "Deposit (€)": "€#,##0.00",
        },
        widths={"Client": 22, "Venue": 18, "Dietary / Notes": 36},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(
        path,
        sheet,
        "Order No",
        numeric=["Guests", "Price per Head (€)", "Order Total (€)", "Deposit (€)"],
        dates=["Order Date", "Event Date"],
    )
    OD, ED, G, PPH, T, Dp = (
        d["Order Date"],
        d["Event Date"],
        d.Guests,
        d["Price per Head (€)"],
        d["Order Total (€)"],
        d["Deposit (€)"],
    )
    ps, cl, et, menu, N = (
        d["Payment Status"],
        d.Client,
        d["Event Type"],
        d.Menu,
        d["Dietary / Notes"],
    )
    off(G, 150)
    off(T, 3000, 2000, 5000)
    off(PPH, 30)
    if not (cl == "Brightwave Ltd").any():
        raise Retry("need Brightwave")
    c = Cases(book, sheet)
    c.v("row_noun", "How many orders did Brightwave Ltd place?", cnt(cl == "Brightwave Ltd"))
    c.v("row_noun", "list clients who ordered a BBQ", uniq(cl[menu == "BBQ"]), unordered=True)
    c.v("status", "overdue orders", cnt(ps == "Overdue"))
    c.v("status", "unpaid orders over €3,000", cnt((ps == "Unpaid") & (T > 3000)))
    c.v("status", "how many orders have no vegetarian option", cnt(d["Veggie Option"] == "No"))
    c.v("dates", "how many events are on in June", cnt(ED.dt.month == 6))
    c.v("dates", "orders placed in Q1 2024", cnt((OD.dt.year == 2024) & (OD.dt.month <= 3)))
    c.v(
        "dates",
        "events between 1 and 20 September?",
        cnt(ED.between(pd.Timestamp("2024-09-01"), pd.Timestamp("2024-09-20"))),
    )
    c.v(
        "dates",
        "how many orders were placed since March 5th 2024",
        cnt(OD >= pd.Timestamp("2024-03-05")),
    )
    c.v("quantities", "orders for more than 150 guests", cnt(G > 150))
    c.v(
        "quantities",
        "how many orders were worth between €2,000 and €5,000",
        cnt(T.between(2000, 5000)),
    )
    c.v("quantities", "orders with a menu under €30 a head", cnt(PPH < 30))
    c.v("superlative", "which client's orders add up to the most?", argmax(T.groupby(cl).sum()))
    c.v("superlative", "biggest event by guest count - who was the client", cl[argmax(G)])
    c.v("superlative", "top 3 venues by number of events", top(d.Venue.value_counts(), 3))
    c.v("two_keys", "order value by event type and menu", nested(T, et, menu, "sum"))
    c.v("x_by_y", "revenue by event type", T.groupby(et).sum())
    c.v("x_by_y", "average guests per menu type", G.groupby(menu).mean())
    c.v("text_match", "orders with a nut allergy noted", cnt(has(N, "nut")))
    c.v(
        "text_match",
        "list clients whose notes mention halal",
        uniq(cl[has(N, "halal")]),
        unordered=True,
    )
    c.v("derived", "balance still owed on overdue orders", (T - Dp)[ps == "Overdue"].sum())
    c.v("derived", "average lead time in days between order and event", (ED - OD).dt.days.mean())
    c.v("plain", "average order total", T.mean())
    c.v("plain", "how many guests did we cater for in total?", G.sum())
    c.clarify("dates", "orders in April")
    c.clarify("plain", "average amount for corporate orders")
    c.refuse("plain", "how many waiting staff did the Quinn wedding need?")
    c.refuse("plain", "what rating did Brightwave give us")
    return c.items


# ==========================================================================
# 8. Office cleaning contracts, one column per month (table starts in col B)
# ==========================================================================
def book_cleaning(seed):
    rng = random.Random(seed)
    book, sheet = "cleaning_contracts.xlsx", "Contracts 2024"
    clients = {
        "Northgate Properties": 6,
        "Harbour View Dental": 3,
        "Brightwave Ltd": 2,
        "Quayside Offices": 4,
        "Meridian Bank": 3,
        "Castle Legal": 2,
        "Finch & Co": 2,
        "Oakridge Medical": 3,
        "Pioneer Software": 2,
        "Riverside Council": 4,
        "St Jude's School": 2,
        "Summit Insurance": 3,
        "Tanaka Consulting": 1,
        "Vale Logistics": 3,
        "Willow Dental": 2,
        "Zenith Gyms": 4,
    }
    streets = [
        "Dock Street",
        "Mill Road",
        "King's Parade",
        "Station Approach",
        "Market Square",
        "Bridge Street",
        "Abbey Lane",
        "Canal Wharf",
        "Park Row",
        "Church Street",
        "Harbour Walk",
        "Victoria Road",
        "Elm Park",
        "Castle Hill",
        "Queen Street",
        "Riverside Way",
    ]
    used = set()
    rows = []
    idx = 0
    for cl, n in clients.items():
        for _ in range(n):
            while True:
                site = f"{rng.randint(1, 99)} {rng.choice(streets)}"
                if site not in used:
                    used.add(site)
                    break
            idx += 1
            ctype = rng.choices(["Daily", "Weekly", "Fortnightly"], [35, 40, 25])[0]
            start = rdate(rng, dt.date(2018, 3, 1), dt.date(2024, 9, 1))
            if cl == "Tanaka Consulting":
                start = dt.date(2024, 3, 11)
            active = "Yes" if (rng.random() < 0.85 or cl == "Tanaka Consulting") else "No"
            end_m = rng.randint(3, 11) if active == "No" else 12
            start_m = start.month if start.year == 2024 else 1
            if end_m < start_m:
                end_m = 12
                active = "Yes"
            lo, hi = {"Daily": (1800, 4200), "Weekly": (500, 1400), "Fortnightly": (250, 700)}[
                ctype
            ]
            base = rng.uniform(lo, hi)
            school = cl == "St Jude's School"
            deep = rng.randint(1, 12) if rng.random() < 0.25 else None
            vals = []
            for mi in range(1, 13):
                if mi < start_m or mi > end_m:
                    vals.append(None)
                    continue
                v = base * rng.uniform(0.95, 1.05)
                if school and mi == 8:
                    v *= 0.4
                if mi == 12:
                    v *= 0.9
                if deep == mi:
                    v += rng.uniform(350, 900)
                vals.append(float(round(v)))
            note = None
            if active == "No":
                note = f"ended {MONTHS[end_m - 1]} - client moved"
            elif start.year == 2024:
                note = "new contract"
            if deep and start_m <= deep <= end_m:
                note = (note + "; " if note else "") + f"deep clean in {MONTHS[deep - 1]}"
            elif rng.random() < 0.2:
                note = (note + "; " if note else "") + rng.choice(
                    [
                        "includes window cleaning",
                        "window cleaning quarterly",
                        "key holder: reception",
                        "alarm code with manager",
                    ]
                )
            rows.append([f"CC-{100 + idx}", cl, site, ctype, start, active] + vals + [note])
    rng.shuffle(rows)
    rows.sort(key=lambda r: r[1])
    headers = (
        ["Contract ID", "Client", "Site", "Contract Type", "Start Date", "Active"]
        + MONTHS
        + ["Notes"]
    )
    filled = [(i, MONTHS[j]) for i, r in enumerate(rows) for j in range(12) if r[6 + j] is not None]
    text = set(rng.sample(filled, 4))
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        col0=2,
        titles=[
            "Spotless Commercial Cleaning",
            "Monthly billing per contract - 2024 (EUR, excl. VAT)",
        ],
        blank_after={rng.randint(10, 20), rng.randint(28, 38)},
        total={mn: col_sum(headers, rows, mn) for mn in MONTHS},
        text_cells=text,
        formats={"Start Date": "dd/mm/yyyy", **{mn: "#,##0" for mn in MONTHS}},
        widths={"Client": 22, "Site": 20, "Notes": 36, **{mn: 9 for mn in MONTHS}},
    )
    path = BOOKS / book
    save_wb(wb, path)

    d = load(path, sheet, "Contract ID", numeric=MONTHS, dates=["Start Date"])
    M = d[MONTHS]
    annual = M.sum(axis=1)
    cl, site, ct, act, SD = d.Client, d.Site, d["Contract Type"], d.Active, d["Start Date"]
    tot = M.sum()
    mkey = lambda name: f"2024-{MONTHS.index(name) + 1:02d}"
    off(d.Jun, 3000)
    off(annual, 20000)
    off(d.May, 500, 1000)
    c = Cases(book, sheet)
    c.v("month_column", "total billed in April", d.Apr.sum())
    c.v("month_column", "which month had the highest total billing?", mkey(argmax(tot)))
    c.v("month_column", "what did we bill across Q3", d[["Jul", "Aug", "Sep"]].sum().sum())
    c.v(
        "month_column",
        "which client did we bill the most in March",
        argmax(d.Mar.groupby(cl).sum()),
    )
    c.v(
        "month_column",
        "average monthly billing for Tanaka Consulting",
        float(np.nanmean(M[cl == "Tanaka Consulting"].values)),
    )
    c.v(
        "month_column",
        "how much did Northgate Properties pay us in the first half of the year",
        M.loc[cl == "Northgate Properties", MONTHS[:6]].sum().sum(),
    )
    c.v(
        "month_column",
        "growth in total billing from January to December",
        (tot["Dec"] - tot["Jan"]) / tot["Jan"],
    )
    c.v("month_column", "how many sites were billed more than €3k in June", cnt(d.Jun > 3000))
    c.v(
        "month_column",
        "which month was lowest for daily contracts",
        mkey(argmin(M[ct == "Daily"].sum())),
    )
    c.v("month_column", "December billing by contract type", d.Dec.groupby(ct).sum())
    c.v(
        "row_noun",
        "how many sites does Northgate Properties have",
        cnt(cl == "Northgate Properties"),
    )
    c.v(
        "row_noun",
        "list the sites for Harbour View Dental",
        uniq(site[cl == "Harbour View Dental"]),
        unordered=True,
    )
    c.v("status", "active contracts", cnt(act == "Yes"))
    c.v("status", "how many inactive daily contracts", cnt((act == "No") & (ct == "Daily")))
    c.v("dates", "contracts that started in 2022", cnt(SD.dt.year == 2022))
    c.v("dates", "how many contracts began before 2021?", cnt(SD < pd.Timestamp("2021-01-01")))
    c.v("superlative", "which site has the newest contract", site[argmax(SD)])
    c.v("quantities", "how many contracts billed more than €20k over the year", cnt(annual > 20000))
    c.v(
        "quantities",
        "how many contracts billed between 500 and 1,000 euros in May",
        cnt(d.May.between(500, 1000)),
    )
    c.v("superlative", "biggest contract by annual total - which site?", site[argmax(annual)])
    c.v("superlative", "top 3 clients by yearly billing", top(annual.groupby(cl).sum(), 3))
    c.v(
        "two_keys",
        "yearly billing by contract type and active status",
        nested(annual, ct, act, "sum"),
    )
    c.v("x_by_y", "sites per client", cl.value_counts().sort_index())
    c.v("text_match", "contracts whose notes mention deep clean", cnt(has(d.Notes, "deep clean")))
    c.v(
        "text_match",
        "list sites with window cleaning in the notes",
        uniq(site[has(d.Notes, "window cleaning")]),
        unordered=True,
    )
    c.v("derived", "annual value of all active contracts", annual[act == "Yes"].sum())
    c.clarify("plain", "average for Northgate")
    c.clarify("quantities", "contracts over 2000")
    c.refuse("x_by_y", "how many cleaners are assigned to each site")
    c.refuse("plain", "hours worked at the Quayside Offices sites in May")
    return c.items


# ==========================================================================
# 9. Broadband subscribers by town, one column per year
# ==========================================================================
def book_broadband(seed):
    rng = random.Random(seed)
    book, sheet = "broadband_towns.xlsx", "Subscribers"
    regions = {
        "North": [
            "Harrogate",
            "Barnsley",
            "Kendal",
            "Whitby",
            "Hexham",
            "Skipton",
            "Morpeth",
            "Darlington",
            "Ripon",
            "Penrith",
            "Keswick",
        ],
        "Midlands": [
            "Ludlow",
            "Stafford",
            "Melton Mowbray",
            "Leek",
            "Buxton",
            "Hinckley",
            "Kettering",
            "Newark",
            "Oakham",
            "Bromsgrove",
        ],
        "South East": [
            "Ashford",
            "Horsham",
            "Lewes",
            "Faversham",
            "Sevenoaks",
            "Dorking",
            "Henley",
            "Petersfield",
            "Rye",
            "Tonbridge",
        ],
        "South West": [
            "Truro",
            "Bideford",
            "Frome",
            "Glastonbury",
            "Bridport",
            "Totnes",
            "Launceston",
            "Minehead",
            "Wells",
            "Stroud",
            "Tavistock",
        ],
        "East": [
            "Ely",
            "Diss",
            "Saffron Walden",
            "Sudbury",
            "Holt",
            "Wisbech",
            "Thetford",
            "Aldeburgh",
            "Southwold",
        ],
    }
    towns = [(t, r) for r in regions for t in regions[r]]
    new_towns = set(rng.sample([t for t, _ in towns if t != "Ashford"], 5))
    years = list(range(2019, 2025))
    rows = []
    for t, r in towns:
        fibre = "Yes" if rng.random() < 0.65 else "No"
        launch = rdate(rng, dt.date(2019, 1, 15), dt.date(2024, 6, 30)) if fibre == "Yes" else None
        base = np.exp(rng.uniform(np.log(600), np.log(16000)))
        g = rng.uniform(-0.02, 0.10)
        vals = []
        v = base
        for y in years:
            if y > 2019:
                v *= 1 + g + rng.uniform(-0.02, 0.02)
                if launch and launch.year == y - 1:
                    v *= 1.08
            vals.append(int(round(v)))
        if t in new_towns:
            vals[0] = None
        note = None
        if t in new_towns:
            note = "added to survey in 2020"
        elif launch and rng.random() < 0.25:
            note = f"new exchange opened {launch.year}"
        elif rng.random() < 0.2:
            note = rng.choice(
                [
                    "rural - mostly copper lines",
                    "Rural area, satellite users not counted",
                    "altnet competitor launched",
                    "figures estimated",
                ]
            )
        rows.append([t, r, fibre, launch] + vals + [note])
    headers = ["Town", "Region", "Fibre Available", "Fibre Launch"] + years + ["Notes"]
    filled = [
        (i, y) for i, rr in enumerate(rows) for j, y in enumerate(years) if rr[4 + j] is not None
    ]
    text = set(rng.sample(filled, 4))
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        titles=["Broadband subscribers by town", "Year-end counts from regional ISP returns"],
        blank_after={rng.randint(15, 30)},
        total={y: col_sum(headers, rows, y) for y in years},
        text_cells=text,
        formats={"Fibre Launch": "mmm yyyy", **{y: "#,##0" for y in years}},
        widths={"Town": 16, "Notes": 36, "Fibre Launch": 13},
    )
    path = BOOKS / book
    save_wb(wb, path)

    Y = [str(y) for y in years]
    d = load(path, sheet, "Town", numeric=Y, dates=["Fibre Launch"])
    town, reg, fib, FL = d.Town, d.Region, d["Fibre Available"], d["Fibre Launch"]
    tot = d[Y].sum()
    off(d["2024"], 5000)
    off(d["2023"], 2000, 4000)
    c = Cases(book, sheet)
    c.v("wide_years", "total subscribers in 2022", d["2022"].sum())
    c.v("wide_years", "which year had the highest total?", int(argmax(tot)))
    c.v(
        "wide_years",
        "overall growth in subscribers from 2020 to 2023",
        (tot["2023"] - tot["2020"]) / tot["2020"],
    )
    c.v(
        "wide_years",
        "which town gained the most subscribers between 2020 and 2024",
        town[argmax(d["2024"] - d["2020"])],
    )
    c.v(
        "wide_years",
        "how many towns had more than 5,000 subscribers in 2024",
        cnt(d["2024"] > 5000),
    )
    c.v("wide_years", "average 2021 subscribers in the North", d["2021"][reg == "North"].mean())
    c.v("wide_years", "which town had the most subscribers in 2020?", town[argmax(d["2020"])])
    c.v("wide_years", "top five towns by subscribers in 2024", [town[i] for i in top(d["2024"], 5)])
    a = d[town == "Ashford"].iloc[0]
    c.v(
        "wide_years",
        "Ashford's percentage growth from 2019 to 2024",
        (a["2024"] - a["2019"]) / a["2019"],
    )
    c.v("wide_years", "2023 subscribers by region", d["2023"].groupby(reg).sum())
    c.v(
        "wide_years",
        "how many towns had between 2k and 4k subscribers in 2023",
        cnt(d["2023"].between(2000, 4000)),
    )
    rs = d.groupby(reg)[["2020", "2024"]].sum()
    c.v(
        "wide_years",
        "which region grew fastest from 2020 to 2024 in percentage terms",
        argmax((rs["2024"] - rs["2020"]) / rs["2020"]),
    )
    c.v("row_noun", "how many towns are in the South West", cnt(reg == "South West"))
    c.v("row_noun", "list towns in the Midlands", uniq(town[reg == "Midlands"]), unordered=True)
    c.v("status", "towns without fibre", cnt(fib == "No"))
    c.v("status", "how many northern towns have fibre", cnt((fib == "Yes") & (reg == "North")))
    c.v("dates", "towns that got fibre in 2021", cnt(FL.dt.year == 2021))
    c.v(
        "dates",
        "fibre launched since March 2022 - how many towns?",
        cnt(FL >= pd.Timestamp("2022-03-01")),
    )
    c.v("dates", "which town got fibre first", town[argmin(FL)])
    c.v(
        "two_keys",
        "2024 subscribers by region and fibre availability",
        nested(d["2024"], reg, fib, "sum"),
    )
    c.v("text_match", "towns whose notes mention a new exchange", cnt(has(d.Notes, "new exchange")))
    c.v(
        "text_match",
        "list towns with 'rural' in the notes",
        uniq(town[has(d.Notes, "rural")]),
        unordered=True,
    )
    c.v("derived", "net subscribers added in 2024 across all towns", tot["2024"] - tot["2023"])
    c.v("plain", "how many towns are listed", len(d))
    c.v("superlative", "smallest town by 2024 subscribers", town[argmin(d["2024"])])
    c.clarify("plain", "total subscribers in the North")
    c.clarify("superlative", "which town grew the most?")
    c.refuse("x_by_y", "average download speed by town")
    c.refuse("plain", "monthly price of the fibre package in Truro")
    return c.items


# ==========================================================================
# 10. Hackathon team scores and prizes
# ==========================================================================
def book_hackathon(seed):
    rng = random.Random(seed)
    book, sheet = "hackathon_results.xlsx", "Results"
    events = [
        ("Spring 2023", dt.date(2023, 3, 18), 15, (2500, 1200, 600, 400)),
        ("Autumn 2023", dt.date(2023, 10, 7), 16, (3000, 1500, 750, 500)),
        ("Spring 2024", dt.date(2024, 3, 16), 17, (3500, 1500, 750, 500)),
        ("Autumn 2024", dt.date(2024, 10, 12), 16, (4000, 1800, 800, 600)),
    ]
    pool = [
        "Null Pointers",
        "Byte Me",
        "Stack Smashers",
        "Green Bits",
        "Code Crafters",
        "Data Dragons",
        "Pixel Pushers",
        "The Debuggers",
        "Lambda Llamas",
        "Quantum Quokkas",
        "Async Avengers",
        "Bit Flippers",
        "Cloud Nine",
        "Hack Street Boys",
        "Ctrl Alt Elite",
        "Syntax Terror",
        "Neural Nomads",
        "Open Sorcerers",
        "Carbon Coders",
        "Health Hackers",
        "Fin Wizards",
        "Merge Conflict",
        "404 Found",
        "Kernel Panic",
        "Semicolons",
        "Git Gud",
        "Runtime Terror",
        "Infinite Loop",
        "Big O",
        "Binary Beasts",
        "Cache Me",
        "Dev Dynamos",
        "Eco Engineers",
        "Heap Heroes",
        "Logic Lords",
        "Recursion Rebels",
        "Spaghetti Code",
        "Tab Tigers",
        "Vector Vikings",
        "Wired Wombats",
        "Yak Shavers",
        "Zero Day",
    ]
    tracks = ["AI", "Fintech", "Health", "Climate", "Open"]
    projects = {
        "AI": [
            "Chatbot that triages GP appointments",
            "LLM-powered study buddy",
            "Computer vision for litter detection",
            "Voice assistant for recipe steps",
        ],
        "Fintech": [
            "Blockchain receipts for small shops",
            "Budgeting app with spending nudges",
            "Micro-savings chatbot for students",
            "Invoice scanner for freelancers",
        ],
        "Health": [
            "Wearable fall detector for older adults",
            "Chatbot for mental health check-ins",
            "Medication reminder app",
            "Clinic queue predictor",
        ],
        "Climate": [
            "Carbon footprint tracker for commuters",
            "Blockchain-based energy trading between neighbours",
            "Flood alert map using sensor data",
            "Food waste marketplace",
        ],
        "Open": [
            "Accessible bus timetable app",
            "Volunteer matching platform",
            "AR museum guide",
            "Board game night organiser",
        ],
    }
    mentors = ["Priya Nair", "Tom Fischer", "Grace Liu", "Sam Okoro", "Helen Ward", "Diego Alvarez"]
    rows = []
    for ename, edate, n, (p1, p2, ptrack, pdesign) in events:
        names = rng.sample([p for p in pool if p != "Null Pointers"], n - 1)
        if ename in ("Spring 2023", "Spring 2024"):
            names.append("Null Pointers")
        else:
            names.append(rng.choice([p for p in pool if p not in names]))
        rng.shuffle(names)
        erows = []
        for tn in names:
            skill = rng.uniform(5.0, 8.6)
            sc = []
            for _ in range(4):
                v = round(min(9.9, max(3.0, rng.gauss(skill, 0.9))), 1)
                sc.append(v)
            if sc[1] == 8.0:
                sc[1] = 8.1
            ontime = "Yes" if rng.random() < 0.85 else "No"
            if ontime == "Yes":
                demo = rng.choices(["Completed", "Failed"], [88, 12])[0]
            else:
                demo = rng.choices(["Completed", "Failed", "Not presented"], [50, 25, 25])[0]
            tr = rng.choice(tracks)
            erows.append(
                [
                    tn,
                    ename,
                    edate,
                    tr,
                    rng.randint(2, 6),
                    rng.choice(mentors),
                    rng.choice(projects[tr]),
                ]
                + sc
                + [ontime, demo, None, None]
            )
        elig = [r for r in erows if r[12] == "Completed"]
        elig.sort(key=lambda r: -sum(r[7:11]))
        elig[0][13], elig[0][14] = float(p1), "Overall Winner"
        elig[1][13], elig[1][14] = float(p2), "Runner-up"
        for tr in tracks:
            cands = [r for r in elig if r[3] == tr and r[13] is None]
            if cands:
                cands[0][13], cands[0][14] = float(ptrack), f"{tr} Track Winner"
        rest = [r for r in elig if r[13] is None]
        if rest:
            best = max(rest, key=lambda r: r[9])
            best[13], best[14] = float(pdesign), "Best Design"
        rows.extend(erows)
    headers = [
        "Team",
        "Event",
        "Event Date",
        "Track",
        "Members",
        "Mentor",
        "Project",
        "Innovation",
        "Technical",
        "Design",
        "Pitch",
        "On Time?",
        "Demo",
        "Prize (£)",
        "Prize Category",
    ]
    blank_after = {i for i in range(len(rows) - 1) if rows[i][1] != rows[i + 1][1]}
    text = {(i, "Pitch") for i in rng.sample(range(len(rows)), 2)}
    text |= {
        (i, "Prize (£)")
        for i in rng.sample([i for i, r in enumerate(rows) if r[13] is not None], 1)
    }
    wb, ws = new_wb(sheet)
    write_table(
        ws,
        headers,
        rows,
        hdr_row=4,
        titles=[
            "CityHack results 2023-2024",
            "Each criterion scored out of 10 by the judging panel",
        ],
        blank_after=blank_after,
        total={"Prize (£)": col_sum(headers, rows, "Prize (£)")},
        text_cells=text,
        formats={"Event Date": "dd mmm yyyy", "Prize (£)": "£#,##0"},
        widths={"Team": 18, "Project": 44, "Prize Category": 22, "Mentor": 14},
    )
    path = BOOKS / book
    save_wb(wb, path)

    S = ["Innovation", "Technical", "Design", "Pitch"]
    d = load(path, sheet, "Team", numeric=S + ["Members", "Prize (£)"], dates=["Event Date"])
    team, ev, ED, tr, mem, men = d.Team, d.Event, d["Event Date"], d.Track, d.Members, d.Mentor
    P = d["Prize (£)"]
    total = d[S].sum(axis=1)
    off(P, 1000)
    off(d.Technical, 8)
    t3 = top(d.Pitch, 3)
    if len({team[i] for i in t3}) != 3:
        raise Retry("repeated team in top 3")
    c = Cases(book, sheet)
    c.v("row_noun", "how many teams entered the Health track", cnt(tr == "Health"))
    c.v(
        "row_noun",
        "list the teams mentored by Priya Nair",
        uniq(team[men == "Priya Nair"]),
        unordered=True,
    )
    c.v("row_noun", "how many teams took part in Autumn 2024?", cnt(ev == "Autumn 2024"))
    c.v("status", "teams that didn't submit on time", cnt(d["On Time?"] == "No"))
    c.v("status", "how many demos failed", cnt(d.Demo == "Failed"))
    c.v(
        "status",
        "teams that submitted on time but still failed their demo",
        cnt((d["On Time?"] == "Yes") & (d.Demo == "Failed")),
    )
    c.v("dates", "how many teams competed in 2023", cnt(ED.dt.year == 2023))
    c.v(
        "dates",
        "number of teams that competed since June 2023",
        cnt(ED >= pd.Timestamp("2023-06-01")),
    )
    c.v("quantities", "teams that won more than £1,000", cnt(P > 1000))
    c.v("quantities", "how many teams scored above 8 on technical?", cnt(d.Technical > 8))
    c.v("superlative", "which team had the highest total score", team[argmax(total)])
    c.v(
        "superlative", "which mentor's teams won the most prize money", argmax(P.groupby(men).sum())
    )
    c.v("superlative", "top 3 teams by pitch score", [team[i] for i in t3])
    c.v(
        "superlative",
        "which track had the best average design score",
        argmax(d.Design.groupby(tr).mean()),
    )
    c.v("two_keys", "teams by track and event", nested_count(tr, ev))
    c.v(
        "two_keys",
        "average technical score by track and event",
        nested(d.Technical, tr, ev, "mean"),
    )
    c.v("x_by_y", "prize money by track", P.groupby(tr).sum())
    c.v("x_by_y", "teams per mentor", men.value_counts().sort_index())
    c.v("text_match", "projects that mention blockchain", cnt(has(d.Project, "blockchain")))
    c.v(
        "text_match",
        "list teams whose project description mentions a chatbot",
        uniq(team[has(d.Project, "chatbot")]),
        unordered=True,
    )
    c.v("derived", "average total score for the Climate track", total[tr == "Climate"].mean())
    c.v(
        "derived",
        "which prize-winning team got the most prize money per member?",
        team[argmax(P / mem)],
    )
    c.v("plain", "total prize money awarded", P.sum())
    c.v("plain", "how many teams won a prize", cnt(P.notna()))
    c.clarify("superlative", "who got the highest score?")
    c.clarify("plain", "what was Null Pointers' pitch score")
    c.refuse("superlative", "which programming language was most popular")
    c.refuse("plain", "average age of participants")
    return c.items


# ==========================================================================
BUILDERS = [
    (book_studio, 1101),
    (book_ev, 1201),
    (book_bookshop, 1301),
    (book_yoga, 1401),
    (book_vending, 1501),
    (book_maintenance, 1601),
    (book_catering, 1701),
    (book_cleaning, 1801),
    (book_broadband, 1901),
    (book_hackathon, 2001),
]


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    allc = []
    for fn, seed in BUILDERS:
        for attempt in range(500):
            try:
                items = fn(seed + attempt)
                break
            except Retry:
                continue
        else:
            raise RuntimeError(f"{fn.__name__}: no valid seed")
        allc.extend(items)
    lines = []
    for i, rec in enumerate(allc, 1):
        out = {"id": f"{SPLIT}-{i:03d}", **rec}
        lines.append(json.dumps(out, ensure_ascii=False))
    (OUT / "cases.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
