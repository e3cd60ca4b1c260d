"""Build the "everyday" dev5 evaluation set for nlsheet.

Written by a helper session that saw neither nlsheet's code, its training data
nor its rules; the commands below were invented from scratch the way office
users type them.

What this script does
---------------------
* Writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
  business domain each (microbrewery batches, tutoring sessions + invoices,
  parking tickets, boutique returns, hospital ward occupancy, theatre
  performances, airline baggage claims, a wide quarterly sales table per
  store, a wide tourist-nights-per-year table, makerspace bookings).
  Mess: title rows above the header, blank rows between months, "Total" rows
  under the data, a note line under a table, tables starting in column B,
  numbers stored as text, blank cells, yes/no and status columns, free-text
  notes, real date cells, currency/units in headers, names repeating.
* Reads every workbook back with a small loader (``load``) that skips title
  rows, blank rows, Total rows and note lines, and COMPUTES every expected
  answer from those rows with pandas.  No answer is typed by hand.
* Writes ``cases.jsonl``: one JSON object per line with
  id, book, sheet, command, class, split, kind, expected[, unordered].

Conventions for ``expected``
----------------------------
* kind "value": numbers are plain JSON numbers (counts are ints, other floats
  rounded to 6 decimals); one name is a string; lists of names are lists
  ("unordered": true when order does not matter, ranked lists keep rank order);
  "X by Y" is {group: number}; two keys are {k1: {k2: number}}; months are
  "YYYY-MM", quarters of a long table "YYYY-Qn", a quarter column of the wide
  table is its header text (e.g. "Q4 2024"), single dates "YYYY-MM-DD", years
  ints; percentages/shares are fractions (0..1, growth may be negative).
  A bare noun phrase is a count of rows.  "between A and B" is inclusive,
  "since D" includes D, "before"/"after" exclude.  Blank cells are ignored by
  averages.
* kind "clarify": expected null - the command is genuinely ambiguous for the
  table (two reasonable readings with different answers).
* kind "refuse": expected null - no column of the table can answer it.

Determinism: every book uses its own seeded random.Random.  Superlatives and
top-N lists are checked for ties and every numeric/date threshold used in a
command is checked not to sit exactly on a data value; if any check fails the
book is re-drawn with the next seed.  Workbook properties and zip entry
timestamps are fixed, so reruns produce byte-identical files.
"""

import datetime as dt
import io
import json
import math
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev"
PREFIX = "dev5-"
FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
D = dt.date


class Redraw(Exception):
    pass


def need(cond, msg=""):
    if not cond:
        raise Redraw(msg)


# ---------------------------------------------------------------- writing
def save_wb(wb, path):
    """Save with fixed document properties and fixed zip timestamps."""
    wb.properties.creator = "Office User"
    wb.properties.lastModifiedBy = "Office User"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2025-01-01T00:00:00Z\g<3>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def write_table(ws, top, left, header, rows, fmts=None, widths=None):
    """Write header at (top,left) and rows below; a row that is None is left
    blank.  fmts maps header -> number_format.  Returns next free row."""
    fmts = fmts or {}
    for j, h in enumerate(header):
        c = ws.cell(row=top, column=left + j, value=h)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True)
    r = top + 1
    for row in rows:
        if row is not None:
            for j, h in enumerate(header):
                v = row.get(h) if isinstance(row, dict) else row[j]
                if v is None or v == "":
                    continue
                c = ws.cell(row=r, column=left + j, value=v)
                if h in fmts and not isinstance(v, str):
                    c.number_format = fmts[h]
        r += 1
    for j, h in enumerate(header):
        col = openpyxl.utils.get_column_letter(left + j)
        ws.column_dimensions[col].width = (widths or {}).get(h, max(10, min(40, len(str(h)) + 4)))
    return r


def as_text(v):
    """A number the way someone pasted it as text."""
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}"
    return f"{int(v):,}" if abs(v) >= 1000 else str(int(v))


# ---------------------------------------------------------------- reading
def to_num(v):
    if v is None:
        return math.nan
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace(",", "").replace("€", "").replace("£", "").replace(" ", "")
    if s in ("", "-", ".."):
        return math.nan
    return float(s)


def load(path, sheet, first_header, numeric=(), dates=()):
    """Find the header row by its first cell text, then keep the data rows:
    skip blank rows, rows whose first cell starts with Total/Note, and stray
    one-cell text lines."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hi = c0 = None
    for i, r in enumerate(rows):
        if first_header in r:
            hi, c0 = i, r.index(first_header)
            break
    header = rows[hi][c0:]
    while header and header[-1] is None:
        header.pop()
    n = len(header)
    recs = []
    for r in rows[hi + 1 :]:
        vals = (r[c0 : c0 + n] + [None] * n)[:n]
        vals = [None if isinstance(v, str) and not v.strip() else v for v in vals]
        filled = [v for v in vals if v is not None]
        if not filled:
            continue
        f = vals[0]
        if isinstance(f, str) and re.match(r"\s*(total|note)", f, re.I):
            continue
        if len(filled) == 1 and isinstance(filled[0], str) and len(filled[0]) > 25:
            continue
        recs.append(vals)
    df = pd.DataFrame(recs, columns=[str(h) for h in header])
    for c in numeric:
        df[c] = df[c].map(to_num).astype(float)
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    return df


# ---------------------------------------------------------------- helpers
def jv(x):
    """Convert to plain JSON values."""
    if isinstance(x, dict):
        return {str(jk(k)): jv(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jv(v) for v in x]
    if isinstance(x, (pd.Timestamp, dt.datetime)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, dt.date):
        return x.isoformat()
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, float):
        need(not math.isnan(x), "nan in expected")
        x = round(x, 6)
        if x.is_integer():
            return int(x)
        return x
    return x


def jk(k):
    if isinstance(k, (pd.Timestamp, dt.datetime)):
        return k.strftime("%Y-%m-%d")
    if hasattr(k, "item"):
        k = k.item()
    if isinstance(k, float) and k.is_integer():
        k = int(k)
    return k


def mkey(s):
    return s.dt.strftime("%Y-%m")


def qkey(s):
    return s.dt.year.astype(str) + "-Q" + ((s.dt.month - 1) // 3 + 1).astype(str)


def top(series, n=1, largest=True):
    """Index labels of the n largest (smallest) values; re-draw on ties."""
    s = series.dropna().sort_values(ascending=not largest, kind="mergesort")
    need(len(s) >= n, "too few for top-n")
    vals = [round(float(v), 9) for v in s.values[: n + 1]]
    need(len(set(vals)) == len(vals), f"tie in top {n}")
    return list(s.index[:n])


def argmax(series):
    return top(series, 1)[0]


def argmin(series):
    return top(series, 1, largest=False)[0]


def off(series, *thresholds):
    """No data value may sit exactly on a threshold used in a command."""
    s = series.dropna()
    for t in thresholds:
        if isinstance(t, (dt.date, pd.Timestamp)):
            need(not (s.dt.normalize() == pd.Timestamp(t)).any(), f"on threshold {t}")
        else:
            need(not (s.sub(t).abs() < 1e-9).any(), f"on threshold {t}")


def two(df, k1, k2, val=None, how="count", full=True):
    g = df.groupby([k1, k2])[val if val else k1]
    g = g.size() if how == "count" else getattr(g, how)()
    out = {}
    for (a, b), v in g.items():
        out.setdefault(a, {})[b] = v
    if full:
        n2 = df[k2].nunique()
        need(
            len(out) == df[k1].nunique() and all(len(d) == n2 for d in out.values()),
            "two-key table has empty cells",
        )
    return out


def contains(s, word):
    return s.fillna("").str.contains(word, case=False, regex=False)


def pick_not(rng, pool, banned, f):
    """Draw f(rng) until the value is not in banned."""
    while True:
        v = f(rng)
        if v not in banned:
            return v


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.items = book, sheet, []

    def _add(self, cls, cmd, kind, exp, unordered=False):
        d = {
            "book": self.book,
            "sheet": self.sheet,
            "command": cmd,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": None if exp is None else jv(exp),
        }
        if unordered:
            need(isinstance(exp, list), "unordered needs list")
            d["unordered"] = True
        if kind == "value":
            need(
                d["expected"] is not None and d["expected"] != [] and d["expected"] != {},
                "empty answer",
            )
        self.items.append(d)

    def v(self, cls, cmd, exp, unordered=False):
        self._add(cls, cmd, "value", exp, unordered)

    def clarify(self, cls, cmd):
        self._add(cls, cmd, "clarify", None)

    def refuse(self, cls, cmd):
        self._add(cls, cmd, "refuse", None)


def daterange(a, b):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def sl(s):
    """Sorted unique list of a column."""
    return sorted(s.dropna().unique().tolist())


# ======================================================================
# 1. Microbrewery batch log (blank rows between months)
# ======================================================================
def book_brewery(seed):
    rng = random.Random(seed)
    fname, sheet = "hopfield_brew_batches.xlsx", "Batches"
    beers = [  # name, style, abv range, cost per litre range, weight
        ("Hopfield Pale", "Pale Ale", (4.4, 5.4), (0.95, 1.15), 5),
        ("Dark Harbour Stout", "Stout", (6.3, 7.4), (1.20, 1.45), 3),
        ("Citra Haze", "NEIPA", (6.2, 7.0), (1.35, 1.70), 4),
        ("Old Mill Bitter", "Bitter", (3.8, 4.6), (0.85, 1.00), 3),
        ("Summer Wheat", "Wheat", (4.8, 5.6), (0.90, 1.05), 2),
        ("Red Fox Ale", "Red Ale", (5.0, 5.8), (1.00, 1.20), 2),
    ]
    brewers = ["Tom Fahy", "Aisling Roche", "Marek Nowak", "Priya Shah"]
    bweights = [6, 4, 5, 3]
    pass_notes = [
        "clean, bright finish",
        "hazy as intended",
        "good head retention",
        "slightly sweet, fine",
        "citrus aroma strong",
        "roasty, smooth",
        "",
        "",
        "",
    ]
    fail_notes = [
        "diacetyl noticeable - held back",
        "sour off-flavour, dumped",
        "too bitter, re-blended",
        "diacetyl again, back to conditioning",
        "infected? sour notes",
    ]
    rows = []
    n = 0
    for m in range(1, 13):
        k = rng.randint(6, 9)
        days = sorted(rng.sample(range(1, 29), k))
        for d in days:
            n += 1
            beer = rng.choices(beers, weights=[b[4] for b in beers])[0]
            vol = rng.randrange(605, 1200, 10)
            abv = round(rng.uniform(*beer[2]), 1)
            passed = rng.random() > 0.11
            note = rng.choice(pass_notes) if passed else rng.choice(fail_notes)
            if passed and rng.random() < 0.04:
                note = "a touch sour but within spec"
            rows.append(
                {
                    "Batch No": f"HB-24{n:03d}",
                    "Brew Date": D(2024, m, d),
                    "Beer": beer[0],
                    "Style": beer[1],
                    "Brewer": rng.choices(brewers, weights=bweights)[0],
                    "Volume (L)": vol,
                    "Bottled (L)": int(vol * rng.uniform(0.86, 0.97)),
                    "ABV %": abv,
                    "Ingredient Cost (€)": round(vol * rng.uniform(*beer[3]), 2),
                    "Passed QC": "Yes" if passed else "No",
                    "Tasting Notes": note,
                }
            )
    # mess: blank ABV, numbers typed as text
    for r in rng.sample(rows, 4):
        r["ABV %"] = None
    for r in rng.sample(rows, 3):
        r["Volume (L)"] = as_text(r["Volume (L)"])
    for r in rng.sample(rows, 2):
        r["Ingredient Cost (€)"] = as_text(r["Ingredient Cost (€)"])
    header = list(rows[0].keys())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Hopfield Brewing Co. - Batch Log"
    ws["A1"].font = TITLE
    ws["A2"] = "Year: 2024    volumes in litres, costs in EUR"
    grouped, last = [], None
    for r in rows:
        if last is not None and r["Brew Date"].month != last:
            grouped.append(None)
        grouped.append(r)
        last = r["Brew Date"].month
    write_table(
        ws,
        4,
        1,
        header,
        grouped,
        {"Brew Date": "DD/MM/YYYY", "Ingredient Cost (€)": "#,##0.00"},
        {"Tasting Notes": 34, "Beer": 20, "Brewer": 15},
    )
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Batch No",
        numeric=["Volume (L)", "Bottled (L)", "ABV %", "Ingredient Cost (€)"],
        dates=["Brew Date"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    bd, vol, abv, cost = df["Brew Date"], df["Volume (L)"], df["ABV %"], df["Ingredient Cost (€)"]
    qc_no = df["Passed QC"] == "No"
    C.v(
        "row_noun",
        "How many batches did Marek brew this year?",
        int((df["Brewer"] == "Marek Nowak").sum()),
    )
    C.v(
        "row_noun",
        "list the beers Priya has brewed",
        sl(df.loc[df["Brewer"] == "Priya Shah", "Beer"]),
        unordered=True,
    )
    C.v("plain", "total number of batches in the log", len(df))
    need(qc_no.sum() >= 3)
    C.v("status", "how many batches failed QC", int(qc_no.sum()))
    C.v(
        "status",
        "batches that passed quality control in june",
        int(((~qc_no) & (bd.dt.month == 6)).sum()),
    )
    n_tom = int((qc_no & (df["Brewer"] == "Tom Fahy")).sum())
    need(n_tom >= 1)
    C.v("status", "How many of Tom's batches did not pass QC?", n_tom)
    C.v("dates", "how many batches were brewed in Q3?", int(bd.dt.quarter.eq(3).sum()))
    C.v("dates", "total litres brewed from February to April", vol[bd.dt.month.between(2, 4)].sum())
    off(bd, D(2024, 10, 15))
    C.v("dates", "batches brewed since 15 October", int((bd >= "2024-10-15").sum()))
    C.v("dates", "no. of batches in the second half of the year?", int((bd.dt.month >= 7).sum()))
    off(abv, 6)
    C.v("quantities", "how many batches were stronger than 6% ABV", int((abv > 6).sum()))
    off(cost, 1200)
    C.v("quantities", "batches with ingredient costs over €1.2k", int((cost > 1200).sum()))
    off(vol, 800, 1000)
    C.v(
        "quantities",
        "how many batches had a brew volume between 800 and 1,000 litres",
        int(vol.between(800, 1000).sum()),
    )
    C.v("superlative", "Which batch had the highest ABV?", df.loc[argmax(abv), "Batch No"])
    C.v(
        "superlative",
        "which beer did we brew the most litres of",
        argmax(df.groupby("Beer")["Volume (L)"].sum()),
    )
    C.v("superlative", "top 3 brewers by number of batches", top(df["Brewer"].value_counts(), 3))
    C.v(
        "two_keys",
        "litres brewed by style and quarter",
        two(df.assign(Q=qkey(bd)), "Style", "Q", "Volume (L)", "sum"),
    )
    C.v(
        "x_by_y",
        "ingredient cost by brewer",
        df.groupby("Brewer")["Ingredient Cost (€)"].sum().to_dict(),
    )
    C.v("x_by_y", "avg abv per style?", df.groupby("Style")["ABV %"].mean().to_dict())
    C.v("x_by_y", "number of batches per month", df.groupby(mkey(bd)).size().to_dict())
    dia = contains(df["Tasting Notes"], "diacetyl")
    need(dia.sum() >= 2)
    C.v("text_match", "how many batches have tasting notes mentioning diacetyl", int(dia.sum()))
    sour = df.loc[contains(df["Tasting Notes"], "sour"), "Batch No"].tolist()
    need(2 <= len(sour) <= 10)
    C.v("text_match", "list the batch numbers where the notes say sour", sour, unordered=True)
    C.v(
        "derived",
        "how many litres did we lose between brewing and bottling overall?",
        (vol - df["Bottled (L)"]).sum(),
    )
    C.v(
        "derived",
        "which batch had the lowest ingredient cost per litre brewed",
        df.loc[argmin(cost / vol), "Batch No"],
    )
    C.v("plain", "whats the average brew volume per batch in litres", vol.mean())
    C.v("plain", "strongest stout we made - what ABV was it?", abv[df["Style"] == "Stout"].max())
    C.clarify("plain", "total volume for the year?")
    C.clarify("plain", "average volume per batch for Old Mill Bitter")
    C.refuse("plain", "what's our selling price per keg for Summer Wheat?")
    C.refuse("x_by_y", "average fermentation temperature for the stouts")
    return C.items


# ======================================================================
# 2. Tutoring agency: sessions + invoices (two sheets, Total row)
# ======================================================================
def book_tutoring(seed):
    rng = random.Random(seed)
    fname = "brightpath_tutoring.xlsx"
    rates = {"KS3": 35, "GCSE": 40, "A-level": 48}
    durs = {"KS3": [45, 50], "GCSE": [75, 90], "A-level": [90, 120]}
    students = [  # name, tutor, subject, level, email, first month
        ("Mia Doyle", "Grace Okafor", "Maths", "GCSE", "doyle.family@gmail.com", 1),
        ("Oliver Walsh", "Grace Okafor", "Maths", "A-level", "j.walsh@hotmail.co.uk", 1),
        ("Ava Brennan", "Daniel Byrne", "English", "GCSE", "ava.brennan.mum@outlook.com", 1),
        ("Noah Kelly", "Daniel Byrne", "English", "KS3", "kellyhome@hotmail.com", 2),
        ("Isla Murphy", "Sofia Marin", "Chemistry", "A-level", "murphy.isla.parents@gmail.com", 1),
        ("Leo Fitzgerald", "Sofia Marin", "Biology", "GCSE", "p.fitzgerald@yahoo.co.uk", 1),
        ("Chloe Nolan", "Ahmed Khan", "Physics", "A-level", "nolan.c@hotmail.co.uk", 2),
        ("Ethan Ryan", "Ahmed Khan", "Maths", "KS3", "ryanfamily@gmail.com", 3),
        ("Grace Lynch", "Grace Okafor", "Maths", "KS3", "lynch.home@outlook.com", 1),
        ("Jack O'Brien", "Daniel Byrne", "English", "A-level", "obrien.jack.sr@gmail.com", 4),
    ]
    att_notes = [
        "worked on quadratic equations",
        "homework not done",
        "mock exam prep",
        "set homework: past paper 2019",
        "reviewed essay plan",
        "",
        "",
        "",
        "",
        "good progress",
        "went through homework questions",
        "arrived 10 min late",
        "exam technique",
        "revision plan agreed",
    ]
    miss_notes = ["no-show, parent notified", "cancelled last minute - sick", "no-show"]
    sessions = []
    for st in students:
        wd = rng.randint(0, 4)
        mode = rng.choice(["Online", "In person"])
        d = D(2024, 1, 8) + dt.timedelta(days=wd)
        while d <= D(2024, 6, 28):
            if d.month >= st[5] and rng.random() < 0.78:
                att = rng.random() > 0.08
                sessions.append(
                    {
                        "Date": d,
                        "Tutor": st[1],
                        "Student": st[0],
                        "Subject": st[2],
                        "Level": st[3],
                        "Duration (min)": rng.choice(durs[st[3]]) if att else None,
                        "Mode": mode
                        if rng.random() < 0.85
                        else ("Online" if mode == "In person" else "In person"),
                        "Attended": "Yes" if att else "No",
                        "Notes": rng.choice(att_notes) if att else rng.choice(miss_notes),
                    }
                )
            d += dt.timedelta(days=7)
    sessions.sort(key=lambda r: (r["Date"], r["Student"]))
    need(120 <= len(sessions) <= 200, "session count")
    for r in rng.sample([r for r in sessions if r["Attended"] == "Yes"], 3):
        r["Duration (min)"] = str(r["Duration (min)"])
    # invoices: one per student per month with attended sessions
    emails = {s[0]: s[4] for s in students}
    level = {s[0]: s[3] for s in students}
    inv = []
    k = 1040
    for m in range(1, 7):
        issued = D(2024, m + 1, 1) - dt.timedelta(days=1)
        for st in students:
            mins = sum(
                int(r["Duration (min)"] or 0)
                for r in sessions
                if r["Student"] == st[0] and r["Date"].month == m and r["Attended"] == "Yes"
            )
            if not mins:
                continue
            k += 1
            hours = mins / 60
            amount = round(hours * rates[level[st[0]]], 2)
            due = issued + dt.timedelta(days=14)
            if m == 6:
                status = "Paid" if rng.random() < 0.35 else "Unpaid"
            else:
                status = "Overdue" if rng.random() < 0.14 else "Paid"
            paid_on = issued + dt.timedelta(days=rng.randint(1, 25)) if status == "Paid" else None
            if status == "Paid":
                amt_paid = amount
            elif status == "Overdue" and rng.random() < 0.45:
                amt_paid = round(amount / 2, 2)
            else:
                amt_paid = None
            inv.append(
                {
                    "Invoice No": f"INV-{k}",
                    "Student": st[0],
                    "Parent Email": emails[st[0]],
                    "Issued": issued,
                    "Due Date": due,
                    "Hours": round(hours, 2),
                    "Amount (£)": amount,
                    "Amount Paid (£)": amt_paid,
                    "Status": status,
                    "Paid On": paid_on,
                }
            )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws["A1"] = "BrightPath Tutoring - Session Log"
    ws["A1"].font = TITLE
    ws["A2"] = "Spring/Summer term 2024"
    write_table(
        ws,
        4,
        1,
        list(sessions[0].keys()),
        sessions,
        {"Date": "DD/MM/YYYY"},
        {"Notes": 32, "Student": 16, "Tutor": 15},
    )
    ws2 = wb.create_sheet("Invoices")
    ws2["A1"] = "BrightPath Tutoring - Invoice Register"
    ws2["A1"].font = TITLE
    ws2["A2"] = "Invoices issued Jan-Jun 2024 (GBP)"
    ih = list(inv[0].keys())
    nxt = write_table(
        ws2,
        4,
        1,
        ih,
        inv,
        {
            "Issued": "DD/MM/YYYY",
            "Due Date": "DD/MM/YYYY",
            "Paid On": "DD/MM/YYYY",
            "Amount (£)": "#,##0.00",
            "Amount Paid (£)": "#,##0.00",
        },
        {"Parent Email": 30, "Student": 16},
    )
    ws2.cell(row=nxt, column=1, value="Total").font = BOLD
    ws2.cell(
        row=nxt, column=ih.index("Hours") + 1, value=round(sum(r["Hours"] for r in inv), 2)
    ).font = BOLD
    ws2.cell(
        row=nxt,
        column=ih.index("Amount (£)") + 1,
        value=round(sum(r["Amount (£)"] for r in inv), 2),
    ).font = BOLD
    ws2.cell(
        row=nxt,
        column=ih.index("Amount Paid (£)") + 1,
        value=round(sum(r["Amount Paid (£)"] or 0 for r in inv), 2),
    ).font = BOLD
    save_wb(wb, BOOKS / fname)

    # ---- Sessions cases
    s = load(BOOKS / fname, "Sessions", "Date", numeric=["Duration (min)"], dates=["Date"])
    need(len(s) == len(sessions))
    C = Cases(fname, "Sessions")
    sd, dur = s["Date"], s["Duration (min)"]
    C.v(
        "row_noun",
        "how many sessions did Grace Okafor teach?",
        int((s["Tutor"] == "Grace Okafor").sum()),
    )
    C.v(
        "row_noun",
        "which students does Daniel tutor?",
        sl(s.loc[s["Tutor"] == "Daniel Byrne", "Student"]),
        unordered=True,
    )
    missed = s["Attended"] == "No"
    need(missed.sum() >= 3)
    C.v("status", "how many sessions did students not show up for?", int(missed.sum()))
    C.v(
        "status",
        "online sessions that were actually attended",
        int(((s["Mode"] == "Online") & ~missed).sum()),
    )
    C.v("dates", "sessions in March", int((sd.dt.month == 3).sum()))
    off(sd, D(2024, 3, 2), D(2024, 3, 23))
    C.v(
        "dates",
        "How many sessions took place between 2 March and 23 March?",
        int(sd.between("2024-03-02", "2024-03-23").sum()),
    )
    off(dur, 60)
    C.v("quantities", "sessions longer than an hour", int((dur > 60).sum()))
    C.v("superlative", "which tutor ran the most sessions", argmax(s["Tutor"].value_counts()))
    C.v("superlative", "subject with the fewest sessions?", argmin(s["Subject"].value_counts()))
    C.v("x_by_y", "sessions by tutor", s["Tutor"].value_counts().to_dict())
    C.v(
        "x_by_y",
        "hours of tutoring by subject",
        (s.groupby("Subject")["Duration (min)"].sum() / 60).to_dict(),
    )
    C.v("two_keys", "sessions per tutor and mode", two(s, "Tutor", "Mode"))
    hw = contains(s["Notes"], "homework")
    need(hw.sum() >= 3)
    C.v("text_match", "how many session notes mention homework", int(hw.sum()))
    C.v("plain", "average session length in minutes", dur.mean())
    C.refuse("plain", "what's Mia's predicted grade?")
    items = C.items

    # ---- Invoices cases
    iv = load(
        BOOKS / fname,
        "Invoices",
        "Invoice No",
        numeric=["Hours", "Amount (£)", "Amount Paid (£)"],
        dates=["Issued", "Due Date", "Paid On"],
    )
    need(len(iv) == len(inv))
    C = Cases(fname, "Invoices")
    amt, st_, iss = iv["Amount (£)"], iv["Status"], iv["Issued"]
    need((st_ == "Overdue").sum() >= 3)
    C.v("status", "how many invoices are overdue", int((st_ == "Overdue").sum()))
    C.v("status", "invoices that haven't been paid", int((st_ != "Paid").sum()))
    C.v("status", "total amount of the paid invoices", amt[st_ == "Paid"].sum())
    C.v("dates", "invoices issued in Q2", int(iss.dt.quarter.eq(2).sum()))
    C.v("dates", "how much did we invoice in February", amt[iss.dt.month == 2].sum())
    off(iv["Due Date"], D(2024, 4, 10))
    C.v(
        "dates",
        "How many invoices were due before 10 April?",
        int((iv["Due Date"] < "2024-04-10").sum()),
    )
    off(amt, 300, 150, 400)
    C.v("quantities", "invoices over £300", int((amt > 300).sum()))
    C.v("quantities", "how many invoices between £150 and £400", int(amt.between(150, 400).sum()))
    C.v(
        "superlative",
        "which student had the single biggest invoice?",
        iv.loc[argmax(amt), "Student"],
    )
    outst = (amt - iv["Amount Paid (£)"].fillna(0)).where(st_ != "Paid", 0)
    C.v(
        "superlative",
        "which family owes us the most right now?",
        argmax(outst.groupby(iv["Student"]).sum()),
    )
    C.v("derived", "outstanding balance across all invoices", outst.sum())
    paid = st_ == "Paid"
    C.v(
        "derived",
        "on average how many days did it take to get paid?",
        (iv.loc[paid, "Paid On"] - iss[paid]).dt.days.mean(),
    )
    hot = contains(iv["Parent Email"], "hotmail")
    C.v("text_match", "how many invoices went to hotmail addresses", int(hot.sum()))
    C.v("x_by_y", "amount invoiced by month", amt.groupby(mkey(iss)).sum().to_dict())
    C.v("plain", "average amount billed per invoice", amt.mean())
    ow = iv[iv["Student"] == "Oliver Walsh"]
    need((ow["Status"] != "Paid").any())
    C.clarify("plain", "total amount for Oliver Walsh?")
    ab = iv[iv["Student"] == "Ava Brennan"]
    need(
        abs(
            ab.loc[ab["Issued"].dt.month == 4, "Amount Paid (£)"].sum()
            - ab.loc[ab["Paid On"].dt.month == 4, "Amount Paid (£)"].sum()
        )
        > 1
    )
    C.clarify("dates", "how much did the Brennans pay in April?")
    C.refuse("plain", "how much VAT did we charge in March")
    return items + C.items


# ======================================================================
# 3. Parking operator ticket transactions
# ======================================================================
def book_parking(seed):
    rng = random.Random(seed)
    fname, sheet = "citypark_tickets.xlsx", "Transactions"
    parks = {"Central Square": 3.2, "Riverside": 2.4, "Station Road": 2.6, "Hospital P2": 1.9}
    pw = [34, 28, 22, 16]
    days = [d for d in daterange(D(2024, 1, 2), D(2024, 6, 29)) if d != D(2024, 5, 10)]

    def reg(r):
        return (
            f"{r.choice(['201', '211', '221', '222', '231', '232', '241', '191', '182'])}-"
            f"{r.choice(['D', 'D', 'D', 'KE', 'MH', 'WW', 'C', 'G'])}-{r.randint(1000, 99999)}"
        )

    regulars = [reg(rng) for _ in range(18)]
    regw = [rng.randint(1, 8) for _ in regulars]
    entries = [rng.choice(days) for _ in range(184)] + [D(2024, 2, 14)] * 2
    entries = sorted(
        dt.datetime(d.year, d.month, d.day, rng.randint(7, 20), rng.randint(0, 59)) for d in entries
    )
    remarks_pool = [
        "barrier fault at exit",
        "Barrier stuck - manual exit",
        "receipt emailed",
        "customer complaint re fee",
    ]
    rows = []
    for i, en in enumerate(entries):
        park = rng.choices(list(parks), weights=pw)[0]
        u = rng.random()
        mins = (
            rng.randint(8, 59)
            if u < 0.25
            else rng.randint(61, 239)
            if u < 0.8
            else rng.randint(241, 600)
        )
        ex = en + dt.timedelta(minutes=mins)
        validated = rng.random() < 0.22
        hrs = math.ceil(mins / 60) - (1 if validated else 0)
        fee = round(min(hrs * parks[park], 24.0), 2)
        status = rng.choices(["Paid", "Unpaid", "Refunded"], weights=[90, 6, 4])[0]
        method = (
            None
            if status == "Unpaid"
            else rng.choices(["Card", "App", "Cash"], weights=[5, 3, 2])[0]
        )
        lost = rng.random() < 0.05
        remark = (
            "lost ticket"
            if lost
            else (
                "refund approved"
                if status == "Refunded"
                else (rng.choice(remarks_pool) if rng.random() < 0.12 else None)
            )
        )
        rows.append(
            {
                "Ticket No": f"T-24{i + 1:04d}",
                "Car Park": park,
                "Vehicle Reg": rng.choices(regulars, weights=regw)[0]
                if rng.random() < 0.4
                else reg(rng),
                "Entry": en,
                "Exit": ex,
                "Payment Method": method,
                "Fee (€)": fee,
                "Penalty (€)": 25.0 if lost else None,
                "Validated": "Yes" if validated else "No",
                "Payment Status": status,
                "Remarks": remark,
            }
        )
    for r in rng.sample(rows, 3):
        r["Fee (€)"] = as_text(r["Fee (€)"]) if r["Fee (€)"] else r["Fee (€)"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "CityPark Ltd - Ticket Transactions H1 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Export from barrier system, all sites"
    write_table(
        ws,
        4,
        1,
        list(rows[0].keys()),
        rows,
        {
            "Entry": "DD/MM/YYYY HH:MM",
            "Exit": "DD/MM/YYYY HH:MM",
            "Fee (€)": "0.00",
            "Penalty (€)": "0.00",
        },
        {"Entry": 17, "Exit": 17, "Remarks": 28, "Vehicle Reg": 14, "Car Park": 15},
    )
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Ticket No",
        numeric=["Fee (€)", "Penalty (€)"],
        dates=["Entry", "Exit"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    en, fee, park, st_ = df["Entry"], df["Fee (€)"], df["Car Park"], df["Payment Status"]
    stay_min = (df["Exit"] - en).dt.total_seconds() / 60
    C.v("row_noun", "how many tickets were issued at Riverside?", int((park == "Riverside").sum()))
    freq = argmax(df["Vehicle Reg"].value_counts())
    C.v(
        "row_noun",
        f"How many times did {freq} park with us?",
        int((df["Vehicle Reg"] == freq).sum()),
    )
    C.v("status", "validated tickets", int((df["Validated"] == "Yes").sum()))
    C.v(
        "status",
        "tickets paid through the app that weren't validated",
        int(((df["Payment Method"] == "App") & (df["Validated"] == "No")).sum()),
    )
    n = int(((st_ == "Unpaid") & (park == "Station Road")).sum())
    need(n >= 1)
    C.v("status", "unpaid tickets at station road", n)
    need((st_ == "Refunded").sum() >= 2)
    C.v("status", "how many tickets got refunded", int((st_ == "Refunded").sum()))
    C.v("dates", "tickets on 14 Feb", int((en.dt.date == D(2024, 2, 14)).sum()))
    C.v("dates", "total fee amount for March", fee[en.dt.month == 3].sum())
    off(en, D(2024, 5, 10))
    C.v("dates", "how many tickets since 10 May", int((en >= "2024-05-10").sum()))
    C.v("dates", "number of tickets in the first quarter", int((en.dt.quarter == 1).sum()))
    off(fee, 15, 5, 10)
    C.v("quantities", "tickets costing more than €15", int((fee > 15).sum()))
    C.v("quantities", "how many tickets between €5 and €10?", int(fee.between(5, 10).sum()))
    off(stay_min, 30)
    C.v("quantities", "how many stays were under 30 minutes", int((stay_min < 30).sum()))
    C.v("superlative", "which car park made the most in fees", argmax(fee.groupby(park).sum()))
    C.v(
        "superlative", "ticket number with the longest stay?", df.loc[argmax(stay_min), "Ticket No"]
    )
    C.v("superlative", "top 3 car parks by number of tickets", top(park.value_counts(), 3))
    C.v(
        "two_keys",
        "fees by car park and month",
        two(df.assign(M=mkey(en)), "Car Park", "M", "Fee (€)", "sum"),
    )
    C.v("x_by_y", "tickets by payment method", df["Payment Method"].value_counts().to_dict())
    C.v("x_by_y", "average fee per car park", fee.groupby(park).mean().to_dict())
    bar = contains(df["Remarks"], "barrier")
    need(bar.sum() >= 2)
    C.v("text_match", "how many tickets have remarks mentioning the barrier", int(bar.sum()))
    C.v("derived", "what's the average stay in hours", (stay_min / 60).mean())
    C.v(
        "derived", "total hours parked at Hospital P2", (stay_min[park == "Hospital P2"] / 60).sum()
    )
    C.v("plain", "avg fee?", fee.mean())
    C.v("plain", "highest fee on a card payment", fee[df["Payment Method"] == "Card"].max())
    need(df["Penalty (€)"].notna().sum() >= 3)
    C.v(
        "plain", "how many lost-ticket penalties were charged", int(df["Penalty (€)"].notna().sum())
    )
    need(df.loc[park == "Riverside", "Penalty (€)"].notna().any())
    C.clarify("plain", "how much did Riverside take in total?")
    need(df.loc[en.dt.month == 4, "Penalty (€)"].notna().any())
    C.clarify("dates", "what was the total charged in April")
    C.clarify("plain", "average charge per ticket?")
    C.refuse("plain", "what's the average occupancy rate at Central Square?")
    C.refuse("row_noun", "how many electric vehicles used our car parks")
    return C.items


# ======================================================================
# 4. Clothing boutique returns log (table starts in column B)
# ======================================================================
def book_boutique(seed):
    rng = random.Random(seed)
    fname, sheet = "maison_lila_returns.xlsx", "Returns"
    items = {
        "Dresses": [("Linen Wrap Dress", 89), ("Silk Slip Dress", 129), ("Floral Midi Dress", 75)],
        "Tops": [("Cotton Tee", 25), ("Silk Blouse", 65), ("Striped Shirt", 45)],
        "Knitwear": [("Merino Jumper", 79), ("Cashmere Cardigan", 149), ("Chunky Knit", 69)],
        "Trousers": [("Wide-Leg Trousers", 59), ("Tailored Chinos", 55), ("Denim Jeans", 72)],
        "Accessories": [("Leather Belt", 35), ("Wool Scarf", 29), ("Tote Bag", 39)],
    }
    catw = [30, 25, 20, 17, 8]
    reasons = ["Too small", "Too large", "Faulty", "Changed mind", "Not as pictured"]
    rw = [24, 20, 14, 26, 16]
    comments = {
        "Too small": ["size up next time", "tight across shoulders", "", ""],
        "Too large": ["too roomy", "", "wants a size down"],
        "Faulty": [
            "zip broken",
            "seam came apart after one wear",
            "small stain on sleeve",
            "button missing",
            "zip stuck",
        ],
        "Changed mind": ["", "gift - not needed", "bought elsewhere", ""],
        "Not as pictured": [
            "colour darker than on website",
            "fabric thinner than expected",
            "colour not as shown",
        ],
    }
    staff = ["Chloe", "Hannah", "Ravi"]
    banned = {D(2024, 11, 10)}
    rows = []
    dates = sorted(
        pick_not(rng, None, banned, lambda r: D(2024, 1, 2) + dt.timedelta(days=r.randint(0, 362)))
        for _ in range(128)
    )
    for i, rd in enumerate(dates):
        cat = rng.choices(list(items), weights=catw)[0]
        item, price = rng.choice(items[cat])
        if rng.random() < 0.2:
            price = round(price * 0.7, 2)
        reason = rng.choices(reasons, weights=rw)[0]
        if cat == "Accessories" and reason in ("Too small", "Too large"):
            reason = "Changed mind"
        method = rng.choices(["Card refund", "Store credit", "Exchange"], weights=[55, 20, 25])[0]
        if reason == "Faulty" and method == "Exchange" and rng.random() < 0.5:
            method = "Card refund"
        if method == "Exchange":
            refund = 0.0
        elif (
            method == "Card refund"
            and reason in ("Changed mind", "Too small", "Too large")
            and rng.random() < 0.4
        ):
            refund = round(price - 4.95, 2)
        else:
            refund = price
        days_back = pick_not(
            rng, None, {30}, lambda r: r.randint(1, 12) if r.random() < 0.6 else r.randint(13, 45)
        )
        rows.append(
            {
                "Return No": f"R{2400 + i + 1}",
                "Return Date": rd,
                "Order Date": rd - dt.timedelta(days=days_back),
                "Item": item,
                "Category": cat,
                "Size": "One size"
                if cat == "Accessories"
                else rng.choice(["XS", "S", "S", "M", "M", "L", "XL"]),
                "Price (£)": price,
                "Refund (£)": refund,
                "Reason": reason,
                "Refund Method": method,
                "Restocked": "No" if reason == "Faulty" or rng.random() < 0.08 else "Yes",
                "Staff": rng.choice(staff),
                "Customer Comment": rng.choice(comments[reason]),
            }
        )
    for r in rng.sample(rows, 3):
        r["Price (£)"] = f"£{r['Price (£)']:.2f}"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["B1"] = "Maison Lila Boutique - Returns Log 2024"
    ws["B1"].font = TITLE
    ws["B2"] = "All amounts in GBP"
    write_table(
        ws,
        4,
        2,
        list(rows[0].keys()),
        rows,
        {
            "Return Date": "DD/MM/YYYY",
            "Order Date": "DD/MM/YYYY",
            "Price (£)": "#,##0.00",
            "Refund (£)": "#,##0.00",
        },
        {"Customer Comment": 30, "Item": 18},
    )
    ws.column_dimensions["A"].width = 3
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Return No",
        numeric=["Price (£)", "Refund (£)"],
        dates=["Return Date", "Order Date"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    rd, price, refund, cat = df["Return Date"], df["Price (£)"], df["Refund (£)"], df["Category"]
    C.v("row_noun", "how many returns did Ravi handle", int((df["Staff"] == "Ravi").sum()))
    C.v("row_noun", "how many dresses came back?", int((cat == "Dresses").sum()))
    C.v(
        "status", "how many returned items were not restocked", int((df["Restocked"] == "No").sum())
    )
    C.v("status", "number of exchanges", int((df["Refund Method"] == "Exchange").sum()))
    C.v(
        "status",
        "restocked knitwear returns",
        int(((df["Restocked"] == "Yes") & (cat == "Knitwear")).sum()),
    )
    C.v("dates", "returns in December", int((rd.dt.month == 12).sum()))
    C.v("dates", "first-quarter returns?", int((rd.dt.quarter == 1).sum()))
    off(rd, D(2024, 11, 10))
    C.v("dates", "how many returns since 10 Nov", int((rd >= "2024-11-10").sum()))
    off(price, 80, 50)
    C.v("quantities", "returns of items priced over £80", int((price > 80).sum()))
    C.v("quantities", "how many items under fifty pounds were returned", int((price < 50).sum()))
    C.v(
        "superlative",
        "what's the most common reason for returns",
        argmax(df["Reason"].value_counts()),
    )
    C.v(
        "superlative",
        "which category had the most money refunded to cards",
        argmax(refund[df["Refund Method"] == "Card refund"].groupby(cat).sum()),
    )
    mx = price.max()
    need(df.loc[price == mx, "Item"].nunique() == 1)
    C.v("superlative", "most expensive item anyone returned", df.loc[price.idxmax(), "Item"])
    C.v("two_keys", "returns by category and refund method", two(df, "Category", "Refund Method"))
    C.v("x_by_y", "returns per reason", df["Reason"].value_counts().to_dict())
    C.v("x_by_y", "total refunded by staff member", refund.groupby(df["Staff"]).sum().to_dict())
    zp = contains(df["Customer Comment"], "zip")
    need(zp.sum() >= 2)
    C.v("text_match", "how many customer comments mention the zip", int(zp.sum()))
    col = df.loc[contains(df["Customer Comment"], "colour"), "Return No"].tolist()
    need(2 <= len(col) <= 12)
    C.v("text_match", "which return numbers have a comment about colour?", col, unordered=True)
    gap = (rd - df["Order Date"]).dt.days
    C.v("derived", "average days between order and return", gap.mean())
    off(gap, 30)
    C.v("derived", "returns made more than 30 days after the order", int((gap > 30).sum()))
    C.v("plain", "average price of returned tops", price[cat == "Tops"].mean())
    C.v("plain", "total refunded in 2024", refund.sum())
    C.v("plain", "what share of returns were due to faults", (df["Reason"] == "Faulty").mean())
    octm = rd.dt.month == 10
    need(abs(price[octm].sum() - refund[octm].sum()) > 1)
    C.clarify("dates", "total amount of returns in October")
    need((df["Size"] == "S").sum() != (df["Reason"] == "Too small").sum())
    C.clarify("row_noun", "how many small returns did we get?")
    C.refuse("superlative", "which supplier has the most faulty items")
    C.refuse("plain", "average customer age?")
    return C.items


# ======================================================================
# 5. Hospital ward bed occupancy (daily census, blank rows between months)
# ======================================================================
def book_ward(seed):
    rng = random.Random(seed)
    fname, sheet = "st_brendans_bed_occupancy.xlsx", "Occupancy"
    wards = {"Oak Ward": 28, "Elm Ward": 24, "Birch Ward": 20}
    nurses = {
        "Oak Ward": ["M. Byrne", "T. Adeyemi", "S. Murphy"],
        "Elm Ward": ["K. Kowalski", "M. Byrne"],
        "Birch Ward": ["R. Lynch", "T. Adeyemi", "S. Murphy"],
    }
    notes_pool = [
        "norovirus cohort in bay 2",
        "agency nurse on nights",
        "delayed discharges - awaiting nursing home",
        "lift out of order",
        "2 agency HCAs",
        "norovirus - bay closed",
        "IT outage am",
    ]
    occ = {w: cap - rng.randint(1, 4) for w, cap in wards.items()}
    rows = []
    for d in daterange(D(2024, 2, 1), D(2024, 3, 31)):
        for w, cap in wards.items():
            prev = occ[w]
            new = max(cap - 7, min(cap, prev + rng.randint(-3, 3)))
            dis = rng.randint(1, 5)
            adm = new - prev + dis
            if adm < 0:
                dis -= adm
                adm = 0
            occ[w] = new
            level = "Red" if new == cap else ("Amber" if new / cap >= 0.9 else "Green")
            rows.append(
                {
                    "Date": d,
                    "Ward": w,
                    "Beds Available": cap,
                    "Beds Occupied": new,
                    "Admissions": adm,
                    "Discharges": dis,
                    "Isolation Room in Use": "Yes" if rng.random() < 0.35 else "No",
                    "Escalation Level": level,
                    "Charge Nurse": rng.choice(nurses[w]),
                    "Notes": rng.choice(notes_pool) if rng.random() < 0.12 else None,
                }
            )
    for r in rng.sample(rows, 2):
        r["Discharges"] = None
    for r in rng.sample(rows, 3):
        r["Beds Occupied"] = str(r["Beds Occupied"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "St. Brendan's Hospital - Medical Wards"
    ws["A1"].font = TITLE
    ws["A2"] = "Daily bed occupancy (midnight census), Feb-Mar 2024"
    grouped = []
    for r in rows:
        if grouped and r["Date"].month != grouped[-1]["Date"].month:
            grouped += [None, None]
        grouped.append(r)
    write_table(
        ws,
        4,
        1,
        list(rows[0].keys()),
        grouped,
        {"Date": "DD/MM/YYYY"},
        {"Notes": 36, "Charge Nurse": 14},
    )
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Date",
        numeric=["Beds Available", "Beds Occupied", "Admissions", "Discharges"],
        dates=["Date"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    d, ward, occ_, cap = df["Date"], df["Ward"], df["Beds Occupied"], df["Beds Available"]
    adm, lvl = df["Admissions"], df["Escalation Level"]
    rate = occ_ / cap
    C.v(
        "row_noun",
        "how many daily entries are there for Birch ward?",
        int((ward == "Birch Ward").sum()),
    )
    C.v(
        "row_noun",
        "which charge nurses have covered Oak ward",
        sl(df.loc[ward == "Oak Ward", "Charge Nurse"]),
        unordered=True,
    )
    need(((lvl == "Red").groupby(ward).sum() >= 1).all())
    C.v(
        "status",
        "how many days was Elm on red escalation",
        int(((ward == "Elm Ward") & (lvl == "Red")).sum()),
    )
    C.v(
        "status",
        "days Oak ward wasn't on green",
        int(((ward == "Oak Ward") & (lvl != "Green")).sum()),
    )
    C.v(
        "status",
        "How many days was the isolation room in use on Birch?",
        int(((ward == "Birch Ward") & (df["Isolation Room in Use"] == "Yes")).sum()),
    )
    C.v("dates", "total admissions in February", adm[d.dt.month == 2].sum())
    C.v(
        "dates",
        "discharges on Elm during March",
        df.loc[(d.dt.month == 3) & (ward == "Elm Ward"), "Discharges"].sum(),
    )
    C.v(
        "dates",
        "how many beds were occupied on 14 Feb across all wards",
        occ_[d == "2024-02-14"].sum(),
    )
    C.v("dates", "admissions on the 29th of February", adm[d == "2024-02-29"].sum())
    off(rate, 0.92)
    off(rate[ward == "Oak Ward"], 0.85)
    C.v("quantities", "on how many ward-days was occupancy above 92%", int((rate > 0.92).sum()))
    C.v(
        "quantities",
        "days with occupancy below 85% on Oak",
        int(((rate < 0.85) & (ward == "Oak Ward")).sum()),
    )
    C.v(
        "superlative",
        "which day had the most admissions on Oak?",
        df.loc[argmax(adm.where(ward == "Oak Ward")), "Date"],
    )
    C.v("superlative", "ward with the highest average occupancy", argmax(rate.groupby(ward).mean()))
    C.v("superlative", "busiest day for admissions hospital-wide", argmax(adm.groupby(d).sum()))
    C.v(
        "two_keys",
        "admissions by ward and month",
        two(df.assign(M=mkey(d)), "Ward", "M", "Admissions", "sum"),
    )
    C.v("x_by_y", "discharges per ward", df.groupby("Ward")["Discharges"].sum().to_dict())
    C.v("x_by_y", "average occupied beds by ward", occ_.groupby(ward).mean().to_dict())
    C.v("x_by_y", "red days by ward", (lvl == "Red").groupby(ward).sum().to_dict())
    noro = contains(df["Notes"], "norovirus")
    need(noro.sum() >= 2)
    C.v("text_match", "How many entries mention norovirus in the notes?", int(noro.sum()))
    ag = contains(df["Notes"], "agency")
    agd = sorted(set(df.loc[ag, "Date"].dt.strftime("%Y-%m-%d")))
    need(2 <= len(agd) <= 12)
    C.v("text_match", "on which dates did the notes mention agency staff", agd, unordered=True)
    C.v("derived", "average number of free beds on Elm", (cap - occ_)[ward == "Elm Ward"].mean())
    C.v("derived", "average occupancy rate for Birch", rate[ward == "Birch Ward"].mean())
    full = int(((occ_ == cap) & (ward == "Oak Ward")).sum())
    need(full >= 1)
    C.v("derived", "how many days was Oak completely full", full)
    C.v("plain", "max beds occupied on Oak", occ_[ward == "Oak Ward"].max())
    C.v("plain", "total discharges over the whole period", df["Discharges"].sum())
    C.clarify("plain", "average beds on Birch ward?")
    C.clarify("dates", "how many patients did Oak ward have in February")
    C.refuse("plain", "average patient age on Elm")
    C.refuse("superlative", "which consultant admitted the most patients")
    return C.items


# ======================================================================
# 6. Theatre ticket sales per performance (Total row + note line)
# ======================================================================
def book_theatre(seed):
    rng = random.Random(seed)
    fname, sheet = "riverside_playhouse_box_office.xlsx", "Performances"
    runs = [
        ("The Seagull", D(2024, 2, 7), D(2024, 3, 16), (22, 27), (150, 300)),
        ("Blithe Spirit", D(2024, 4, 10), D(2024, 5, 18), (24, 29), (170, 320)),
        ("A Doll's House", D(2024, 9, 18), D(2024, 10, 26), (23, 28), (120, 290)),
        ("Cinderella (Panto)", D(2024, 12, 4), D(2024, 12, 31), (18, 24), (220, 320)),
    ]
    cap = 320
    managers = ["Aoife", "Brendan", "Carla"]
    notes_pool = [
        "school group 60 pax",
        "post-show talk",
        "relaxed performance",
        "understudy on for Nina",
        "understudy for lead",
        "school group 45 pax",
        "storm warning - low walk-up",
    ]
    rows = []
    for show, a, b, pr, sold_rng in runs:
        for d in daterange(a, b):
            wd = d.weekday()
            slots = []
            if show.startswith("Cinderella"):
                if d.day in (24, 25):
                    continue
                if wd != 0:
                    slots = ["Matinee", "Evening"] if wd >= 4 else ["Evening"]
            elif wd in (2, 3, 4):
                slots = ["Evening"]
            elif wd == 5:
                slots = ["Matinee", "Evening"]
            for sl_ in slots:
                sold = pick_not(rng, None, {150}, lambda r: r.randint(*sold_rng))
                comps = rng.randint(0, 12)
                if sold + comps >= cap - 2 or rng.random() < 0.08:
                    sold = cap - comps
                rows.append(
                    {
                        "Date": d,
                        "Show": show,
                        "Performance": sl_,
                        "Capacity": cap,
                        "Tickets Sold": sold,
                        "Comps": comps,
                        "Revenue (€)": round(sold * rng.uniform(*pr), 2),
                        "Sold Out": "Yes" if sold + comps == cap else "No",
                        "Status": "Played",
                        "House Manager": rng.choice(managers),
                        "Notes": rng.choice(notes_pool) if rng.random() < 0.16 else None,
                    }
                )
    # cancellations: one Blithe Spirit, two Doll's House
    for show, reason, k in [
        ("Blithe Spirit", "cancelled: lead actor ill", 1),
        ("A Doll's House", "cancelled: power outage", 2),
    ]:
        for r in rng.sample([r for r in rows if r["Show"] == show], k):
            r.update(
                {
                    "Tickets Sold": None,
                    "Comps": None,
                    "Revenue (€)": None,
                    "Sold Out": "No",
                    "Status": "Cancelled",
                    "Notes": reason,
                }
            )
    for r in rng.sample([r for r in rows if r["Status"] == "Played"], 3):
        r["Revenue (€)"] = as_text(r["Revenue (€)"])
    need(90 <= len(rows) <= 200)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Riverside Playhouse - Box Office Report 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "One line per performance"
    header = list(rows[0].keys())
    nxt = write_table(
        ws,
        4,
        1,
        header,
        rows,
        {"Date": "DD/MM/YYYY", "Revenue (€)": "#,##0.00"},
        {"Show": 20, "Notes": 30, "House Manager": 14},
    )
    ws.cell(row=nxt, column=1, value="Total").font = BOLD
    for h in ("Capacity", "Tickets Sold", "Comps", "Revenue (€)"):
        ws.cell(
            row=nxt,
            column=header.index(h) + 1,
            value=round(sum(to_num(r[h]) for r in rows if r[h] is not None), 2),
        ).font = BOLD
    ws.cell(
        row=nxt + 2,
        column=1,
        value="Note: comps (complimentary tickets) are not included in revenue; cancelled performances were refunded in full.",
    )
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Date",
        numeric=["Capacity", "Tickets Sold", "Comps", "Revenue (€)"],
        dates=["Date"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    d, show, sold, rev, perf = (
        df["Date"],
        df["Show"],
        df["Tickets Sold"],
        df["Revenue (€)"],
        df["Performance"],
    )
    canc = df["Status"] == "Cancelled"
    need(not canc[show == "The Seagull"].any() and not canc[d.dt.month == 12].any())
    C.v(
        "row_noun",
        "how many performances of The Seagull were there?",
        int((show == "The Seagull").sum()),
    )
    C.v("row_noun", "how many matinees did we schedule this year", int((perf == "Matinee").sum()))
    C.v("status", "how many performances were cancelled", int(canc.sum()))
    C.v(
        "status",
        "sold-out evening shows",
        int(((df["Sold Out"] == "Yes") & (perf == "Evening")).sum()),
    )
    C.v(
        "status",
        "performances in December that didn't sell out",
        int(((df["Sold Out"] == "No") & (d.dt.month == 12)).sum()),
    )
    C.v("dates", "tickets sold from March to May", sold[d.dt.month.between(3, 5)].sum())
    C.v("dates", "Revenue in Q4?", rev[d.dt.quarter == 4].sum())
    off(d, D(2024, 11, 1))
    C.v("dates", "how many performances since 1 November", int((d >= "2024-11-01").sum()))
    need((d == "2024-02-14").any())
    C.v("dates", "what did we take on 14 Feb?", rev[d == "2024-02-14"].sum())
    off(rev, 8000)
    off(sold, 150)
    C.v("quantities", "performances that took more than €8k", int((rev > 8000).sum()))
    C.v("quantities", "shows with fewer than 150 tickets sold", int((sold < 150).sum()))
    C.v("superlative", "which show made the most money", argmax(rev.groupby(show).sum()))
    C.v(
        "superlative",
        "worst-selling single performance - which date?",
        df.loc[argmin(sold), "Date"],
    )
    C.v("superlative", "top 2 shows by tickets sold", top(sold.groupby(show).sum(), 2))
    C.v(
        "two_keys",
        "tickets sold by show and matinee/evening",
        two(df, "Show", "Performance", "Tickets Sold", "sum"),
    )
    C.v("x_by_y", "revenue by show", rev.groupby(show).sum().to_dict())
    C.v(
        "x_by_y",
        "average tickets sold per performance, by show",
        sold.groupby(show).mean().to_dict(),
    )
    C.v("x_by_y", "comps by house manager", df.groupby("House Manager")["Comps"].sum().to_dict())
    sg = contains(df["Notes"], "school group")
    need(sg.sum() >= 2)
    C.v("text_match", "performances with a school group in the notes", int(sg.sum()))
    und = sorted(set(df.loc[contains(df["Notes"], "understudy"), "Date"].dt.strftime("%Y-%m-%d")))
    need(2 <= len(und) <= 12)
    C.v("text_match", "which dates had an understudy on?", und, unordered=True)
    cin = show == "Cinderella (Panto)"
    C.v(
        "derived",
        "overall revenue per ticket sold for Cinderella",
        rev[cin].sum() / sold[cin].sum(),
    )
    sgl = show == "The Seagull"
    C.v(
        "derived",
        "what share of seats did we sell for The Seagull overall",
        sold[sgl].sum() / df.loc[sgl, "Capacity"].sum(),
    )
    C.v("plain", "total box office revenue", rev.sum())
    C.v("plain", "average number of comps per performance", df["Comps"].mean())
    C.v("plain", "lowest takings for an evening show", rev[perf == "Evening"].min())
    C.clarify("plain", "how many tickets did Blithe Spirit have?")
    C.clarify("dates", "what was the attendance in October")
    C.refuse("x_by_y", "how many tickets were sold online vs at the box office")
    C.refuse("plain", "what did the actors get paid for The Seagull")
    return C.items


# ======================================================================
# 7. Small airline baggage claims (Jan 2023 - Mar 2024)
# ======================================================================
def book_baggage(seed):
    rng = random.Random(seed)
    fname, sheet = "aerlinte_baggage_claims.xlsx", "Claims"
    flights = {
        "RG101": "DUB-LHR",
        "RG102": "LHR-DUB",
        "RG210": "DUB-AMS",
        "RG211": "AMS-DUB",
        "RG330": "ORK-LGW",
        "RG331": "LGW-ORK",
        "RG450": "SNN-BHX",
        "RG451": "BHX-SNN",
    }
    fw = [14, 11, 9, 7, 12, 5, 6, 3]
    first = [
        "Seán",
        "Aoife",
        "Liam",
        "Niamh",
        "Conor",
        "Emma",
        "Cian",
        "Sarah",
        "Darragh",
        "Ciara",
        "James",
        "Laura",
        "Patrick",
        "Orla",
        "Mark",
        "Hannah",
        "David",
        "Róisín",
        "Paul",
        "Katie",
    ]
    last = [
        "Murphy",
        "Kelly",
        "O'Sullivan",
        "Walsh",
        "Smith",
        "O'Brien",
        "Byrne",
        "Ryan",
        "O'Connor",
        "Doyle",
        "McCarthy",
        "Gallagher",
        "Nolan",
        "Brennan",
        "Quinn",
        "Clarke",
        "Hughes",
        "Power",
    ]
    allnames = [f"{a} {b}" for a in first for b in last]
    rng.shuffle(allnames)
    frequent = allnames[:7]
    others = iter(allnames[7:])
    types = ["Delayed", "Damaged", "Lost", "Pilfered"]
    tw = [55, 25, 10, 10]
    amt_rng = {
        "Delayed": (50, 400),
        "Damaged": (80, 900),
        "Lost": (400, 2500),
        "Pilfered": (100, 1200),
    }
    desc = {
        "Delayed": [
            "bag arrived next day",
            "missed connection, delivered to hotel",
            "delivered 3 days later",
            "bag left behind at LHR",
        ],
        "Damaged": [
            "wheel broken off",
            "handle snapped",
            "shell cracked",
            "zip torn open",
            "wheels jammed",
        ],
        "Lost": ["bag never traced", "tag missing, not located", "final search negative"],
        "Pilfered": ["laptop missing from bag", "zip forced, items taken", "jewellery missing"],
    }
    banned = {D(2024, 1, 10)}
    days = [d for d in daterange(D(2023, 1, 1), D(2024, 3, 31)) if d not in banned]
    dates = sorted(rng.choice(days) for _ in range(152))
    rows = []
    for i, d in enumerate(dates):
        typ = rng.choices(types, weights=tw)[0]
        fl = rng.choices(list(flights), weights=fw)[0]
        pax = rng.choice(frequent) if rng.random() < 0.12 else next(others)
        claimed = round(
            pick_not(rng, None, {1000, 200, 500}, lambda r: r.uniform(*amt_rng[typ])), 2
        )
        recent = d >= D(2024, 2, 10)
        status = (
            "Open"
            if (recent and rng.random() < 0.7)
            else rng.choices(["Closed", "Rejected", "Open"], weights=[75, 15, 10])[0]
        )
        paid = (
            round(claimed * rng.uniform(0.5, 1.0), 2)
            if status == "Closed"
            else (0.0 if status == "Rejected" else None)
        )
        returned = (
            "No"
            if typ == "Lost"
            else ("No" if typ == "Delayed" and status == "Open" and rng.random() < 0.5 else "Yes")
        )
        rows.append(
            {
                "Claim Ref": f"BC-{d.year % 100}{i + 1:04d}",
                "Date Filed": d,
                "Flight No": fl,
                "Route": flights[fl],
                "Passenger": pax,
                "Claim Type": typ,
                "Bag Weight kg": round(
                    pick_not(rng, None, {23.0}, lambda r: round(r.uniform(8, 32), 1)), 1
                ),
                "Amount Claimed (€)": claimed,
                "Amount Paid (€)": paid,
                "Status": status,
                "Bag Returned": returned,
                "Days to Resolve": rng.randint(3, 90) if status != "Open" else None,
                "Description": rng.choice(desc[typ]),
            }
        )
    for r in rng.sample(rows, 3):
        r["Amount Claimed (€)"] = as_text(r["Amount Claimed (€)"])
    for r in rng.sample(rows, 3):
        r["Bag Weight kg"] = None
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "AerLinte Regional - Baggage Claims Register"
    ws["A1"].font = TITLE
    ws["A2"] = "Claims filed Jan 2023 - Mar 2024"
    write_table(
        ws,
        4,
        1,
        list(rows[0].keys()),
        rows,
        {
            "Date Filed": "DD/MM/YYYY",
            "Amount Claimed (€)": "#,##0.00",
            "Amount Paid (€)": "#,##0.00",
        },
        {"Passenger": 18, "Description": 32},
    )
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Claim Ref",
        numeric=["Bag Weight kg", "Amount Claimed (€)", "Amount Paid (€)", "Days to Resolve"],
        dates=["Date Filed"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    d, st_, typ = df["Date Filed"], df["Status"], df["Claim Type"]
    cl, pd_ = df["Amount Claimed (€)"], df["Amount Paid (€)"]
    pax_counts = df["Passenger"].value_counts()
    fq = argmax(pax_counts)
    need(pax_counts[fq] >= 3)
    C.v("row_noun", f"how many claims has {fq} filed?", int(pax_counts[fq]))
    rep = sorted(pax_counts[pax_counts > 1].index.tolist())
    need(2 <= len(rep) <= 10)
    C.v("row_noun", "list the passengers who filed more than one claim", rep, unordered=True)
    C.v("status", "how many claims are still open", int((st_ == "Open").sum()))
    n = int(((st_ == "Rejected") & (typ == "Damaged")).sum())
    need(n >= 1)
    C.v("status", "rejected damage claims", n)
    C.v("status", "how many bags were never returned", int((df["Bag Returned"] == "No").sum()))
    C.v(
        "status",
        "closed claims where the bag came back",
        int(((st_ == "Closed") & (df["Bag Returned"] == "Yes")).sum()),
    )
    C.v("dates", "claims filed in July", int((d.dt.month == 7).sum()))
    C.v("dates", "how many claims during 2023", int((d.dt.year == 2023).sum()))
    off(d, D(2024, 1, 10))
    C.v("dates", "claims since 10 Jan 2024", int((d >= "2024-01-10").sum()))
    C.v(
        "dates",
        "how much did we pay out on claims filed in Q4 2023",
        pd_[(d.dt.year == 2023) & (d.dt.quarter == 4)].sum(),
    )
    off(cl, 1000)
    off(pd_, 200, 500)
    off(df["Bag Weight kg"], 23)
    C.v("quantities", "claims over €1,000", int((cl > 1000).sum()))
    C.v("quantities", "bags heavier than 23 kg", int((df["Bag Weight kg"] > 23).sum()))
    C.v(
        "quantities", "claims where we paid between €200 and €500", int(pd_.between(200, 500).sum())
    )
    C.v("superlative", "which route has the most claims", argmax(df["Route"].value_counts()))
    C.v("superlative", "largest payout - which claim?", df.loc[argmax(pd_), "Claim Ref"])
    C.v("superlative", "top 3 flights by number of claims", top(df["Flight No"].value_counts(), 3))
    C.v("two_keys", "claims by type and status", two(df, "Claim Type", "Status"))
    C.v("x_by_y", "amount paid by claim type", pd_.groupby(typ).sum().to_dict())
    C.v(
        "x_by_y",
        "average days to resolve per claim type",
        df.groupby("Claim Type")["Days to Resolve"].mean().to_dict(),
    )
    wh = contains(df["Description"], "wheel")
    need(wh.sum() >= 2)
    C.v("text_match", "claims whose description mentions a wheel", int(wh.sum()))
    zp = df.loc[contains(df["Description"], "zip"), "Claim Ref"].tolist()
    need(2 <= len(zp) <= 14)
    C.v("text_match", "claim refs with 'zip' in the description", zp, unordered=True)
    closed = st_ == "Closed"
    C.v(
        "derived",
        "for closed claims, what share of the amount claimed did we actually pay?",
        pd_[closed].sum() / cl[closed].sum(),
    )
    C.v(
        "derived",
        "average shortfall between claimed and paid on closed claims",
        (cl - pd_)[closed].mean(),
    )
    C.v("plain", "average days to resolve a claim", df["Days to Resolve"].mean())
    C.v("plain", "heaviest bag in the register (kg)", df["Bag Weight kg"].max())
    C.clarify("plain", "total amount for lost bags")
    C.clarify("dates", "claims in February")
    C.clarify("plain", "whats the average amount per claim")
    C.refuse("superlative", "which baggage handler was responsible for the most damage")
    C.refuse("plain", "average flight delay in minutes")
    return C.items


# ======================================================================
# 8. Wide table: retail chain quarterly sales per store (Q1 2022 .. Q4 2024)
# ======================================================================
def book_store_quarters(seed):
    rng = random.Random(seed)
    fname, sheet = "northwind_store_sales_by_quarter.xlsx", "Sales"
    stores = [
        ("Dublin - Grafton St", "Dublin"),
        ("Dublin - Dundrum", "Dublin"),
        ("Dublin - Liffey Valley", "Dublin"),
        ("Swords Pavilions", "Dublin"),
        ("Blanchardstown", "Dublin"),
        ("Tallaght", "Dublin"),
        ("Dun Laoghaire", "Dublin"),
        ("Dublin - Northside Retail Park", "Dublin"),
        ("Naas", "Leinster"),
        ("Newbridge", "Leinster"),
        ("Kilkenny", "Leinster"),
        ("Carlow Retail Park", "Leinster"),
        ("Wexford", "Leinster"),
        ("Drogheda", "Leinster"),
        ("Dundalk Retail Park", "Leinster"),
        ("Athlone", "Leinster"),
        ("Mullingar", "Leinster"),
        ("Navan", "Leinster"),
        ("Portlaoise", "Leinster"),
        ("Cork - Patrick St", "Munster"),
        ("Cork - Mahon Point", "Munster"),
        ("Limerick", "Munster"),
        ("Waterford Retail Park", "Munster"),
        ("Tralee", "Munster"),
        ("Killarney", "Munster"),
        ("Ennis", "Munster"),
        ("Clonmel", "Munster"),
        ("Mallow", "Munster"),
        ("Galway - Shop St", "Connacht"),
        ("Galway Retail Park", "Connacht"),
        ("Sligo", "Connacht"),
        ("Castlebar", "Connacht"),
        ("Ballina", "Connacht"),
        ("Roscommon", "Connacht"),
        ("Letterkenny", "Ulster"),
        ("Cavan", "Ulster"),
        ("Monaghan", "Ulster"),
        ("Donegal Town", "Ulster"),
        ("Carrick-on-Shannon", "Connacht"),
        ("Gorey", "Leinster"),
        ("Arklow", "Leinster"),
        ("Thurles", "Munster"),
        ("Nenagh", "Munster"),
        ("Tullamore", "Leinster"),
    ]
    managers = [
        "Siobhan Kiely",
        "Declan Moran",
        "Fiona Healy",
        "Gerry Fox",
        "Nuala Reilly",
        "Brian Tobin",
        "Maeve Ahern",
        "Kevin Dunne",
        "Eileen Foley",
        "Ronan Hayes",
        "Aine Coffey",
        "Shane Daly",
        "Grainne Burke",
        "Colm Whelan",
        "Orla Nash",
        "Pádraig Lee",
        "Tara Keane",
        "Eoin Barry",
    ]
    quarters = [f"Q{q} {y}" for y in (2022, 2023, 2024) for q in (1, 2, 3, 4)]
    season = {1: 0.84, 2: 0.95, 3: 1.0, 4: 1.32}
    new_stores = {"Gorey", "Arklow", "Thurles", "Tullamore"}
    rows = []
    for name, region in stores:
        base = rng.uniform(150_000, 330_000) * (1.25 if region == "Dublin" else 1.0)
        if name in new_stores:
            base *= 0.6
        trend = rng.uniform(-0.06, 0.10)
        r = {"Store": name, "Region": region, "Manager": rng.choice(managers)}
        for i, q in enumerate(quarters):
            qn, y = int(q[1]), int(q[3:])
            if name in new_stores and y == 2022:
                r[q] = None
                continue
            v = base * season[qn] * (1 + trend) ** (i / 4) * rng.uniform(0.9, 1.1)
            if q == "Q4 2024" and rng.random() < 0.12:
                v *= 0.7
            r[q] = round(v)
        rows.append(r)
    for r in rng.sample([r for r in rows if r["Store"] not in new_stores], 3):
        q = rng.choice(quarters)
        r[q] = as_text(r[q])
    header = ["Store", "Region", "Manager", *quarters]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Northwind Home Stores - Net sales by store and quarter (€)"
    ws["A1"].font = TITLE
    ws["A2"] = "Source: finance, excl. VAT. New stores opened Jan 2023."
    nxt = write_table(
        ws,
        4,
        1,
        header,
        rows,
        {q: "#,##0" for q in quarters},
        {"Store": 28, "Manager": 16, **{q: 11 for q in quarters}},
    )
    ws.cell(row=nxt, column=1, value="Total").font = BOLD
    for j, q in enumerate(quarters):
        c = ws.cell(
            row=nxt, column=4 + j, value=sum(to_num(r[q]) for r in rows if r[q] is not None)
        )
        c.font = BOLD
        c.number_format = "#,##0"
    save_wb(wb, BOOKS / fname)

    df = load(BOOKS / fname, sheet, "Store", numeric=quarters)
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    yr = {
        y: df[[f"Q{q} {y}" for q in (1, 2, 3, 4)]].sum(axis=1, min_count=1)
        for y in (2022, 2023, 2024)
    }
    tot = df[quarters].sum()
    reg = df["Region"]
    C.v("month_column", "total sales in Q3 2023", df["Q3 2023"].sum())
    C.v(
        "month_column",
        "what did the Galway Shop St store sell in 2023",
        yr[2023][df["Store"] == "Galway - Shop St"].sum(),
    )
    C.v("superlative", "which quarter had the highest total sales", argmax(tot))
    C.v("x_by_y", "2024 sales per region", yr[2024].groupby(reg).sum().to_dict())
    C.v(
        "month_column",
        "how much did the whole chain grow from 2022 to 2024?",
        (yr[2024].sum() - yr[2022].sum()) / yr[2022].sum(),
    )
    C.v(
        "month_column",
        "average quarterly sales for Cork Patrick St",
        df.loc[df["Store"] == "Cork - Patrick St", quarters].iloc[0].mean(),
    )
    off(df["Q2 2024"], 250_000)
    C.v(
        "quantities",
        "how many stores sold more than €250k in Q2 2024",
        int((df["Q2 2024"] > 250_000).sum()),
    )
    C.v("superlative", "top 5 stores by 2024 sales", df.loc[top(yr[2024], 5), "Store"].tolist())
    C.v(
        "superlative",
        "which region had the lowest sales in 2022",
        argmin(yr[2022].groupby(reg).sum()),
    )
    fell = df.loc[df["Q4 2024"] < df["Q3 2024"], "Store"].tolist()
    need(1 <= len(fell) <= 8)
    C.v(
        "month_column",
        "which stores had lower sales in Q4 2024 than in Q3 2024?",
        fell,
        unordered=True,
    )
    C.v(
        "month_column",
        "best quarter for the Limerick store",
        argmax(df.loc[df["Store"] == "Limerick", quarters].iloc[0]),
    )
    C.v("row_noun", "how many stores are in Munster", int((reg == "Munster").sum()))
    C.v("row_noun", "how many stores have no figures for 2022", int(yr[2022].isna().sum()))
    C.v("plain", "total 2023 sales", yr[2023].sum())
    C.v(
        "plain",
        "average Q4 2024 sales per store in Leinster",
        df.loc[reg == "Leinster", "Q4 2024"].mean(),
    )
    C.v(
        "superlative",
        "store with the smallest Q1 2022 sales",
        df.loc[argmin(df["Q1 2022"]), "Store"],
    )
    C.v("x_by_y", "sales by year", {y: yr[y].sum() for y in (2022, 2023, 2024)})
    C.v(
        "two_keys",
        "sales by region and year",
        {g: {y: yr[y][reg == g].sum() for y in (2022, 2023, 2024)} for g in sl(reg)},
    )
    C.v(
        "derived",
        "what share of 2024 sales came from the Dublin region",
        yr[2024][reg == "Dublin"].sum() / yr[2024].sum(),
    )
    C.v(
        "superlative",
        "which manager's stores sold the most in 2024",
        argmax(yr[2024].groupby(df["Manager"]).sum()),
    )
    rp = contains(df["Store"], "retail park")
    C.v("text_match", "how many stores have 'Retail Park' in their name", int(rp.sum()))
    C.v(
        "month_column",
        "by how many euros did chain sales change from Q1 2023 to Q1 2024",
        df["Q1 2024"].sum() - df["Q1 2023"].sum(),
    )
    C.v("month_column", "average sales per store in Q2 2022", df["Q2 2022"].mean())
    C.v("month_column", "H2 2024 sales?", df["Q3 2024"].sum() + df["Q4 2024"].sum())
    C.clarify("month_column", "what were sales in Q2?")
    C.clarify("superlative", "which store grew the most?")
    C.refuse("plain", "how many customers visited the Galway Shop St store in 2024")
    C.refuse("x_by_y", "what's the profit margin for each store")
    return C.items


# ======================================================================
# 9. Wide table: tourist nights per region per year (2015 .. 2024)
# ======================================================================
def book_tourism(seed):
    rng = random.Random(seed)
    fname, sheet = "tourist_nights_by_region.xlsx", "Nights"
    regions = {
        "Norte": 4200,
        "Centro": 3300,
        "Lisboa": 7800,
        "Alentejo": 1500,
        "Algarve": 9200,
        "Açores": 1100,
        "Madeira": 3600,
    }
    markets = {"Domestic": 0.45, "International": 0.55}
    acc = {"Hotels": 0.68, "Local lodging": 0.22, "Campsites": 0.10}
    years = list(range(2015, 2025))
    covid = {"Domestic": {2020: 0.62, 2021: 0.85}, "International": {2020: 0.26, 2021: 0.45}}
    rows = []
    for reg, base in regions.items():
        rtrend = rng.uniform(0.01, 0.06)
        rec22 = rng.uniform(0.84, 1.02)
        for mk, ms in markets.items():
            if reg == "Algarve":
                ms = {"Domestic": 0.3, "International": 0.7}[mk]
            for ac, as_ in acc.items():
                g = (
                    rtrend
                    + {"Hotels": 0.0, "Local lodging": 0.07, "Campsites": -0.01}[ac]
                    + rng.uniform(-0.01, 0.01)
                )
                r = {"Region": reg, "Market": mk, "Accommodation": ac}
                for i, y in enumerate(years):
                    v = base * ms * as_ * (1 + g) ** i
                    v *= covid[mk].get(y, 1.0) * rng.uniform(0.95, 1.05)
                    if y == 2022:
                        v *= rec22 * rng.uniform(0.98, 1.02)
                    elif y > 2022:
                        v *= rng.uniform(0.97, 1.12)
                    r[y] = round(v)
                rows.append(r)
    # mess: blanks for early campsite data in the islands, a few numbers as text
    for r in rows:
        if (
            r["Region"] == "Açores"
            and r["Accommodation"] == "Campsites"
            and r["Market"] == "International"
        ):
            r[2015] = r[2016] = None
    for r in rng.sample(rows, 3):
        y = rng.choice(years[3:])
        r[y] = as_text(r[y])
    header = ["Region", "Market", "Accommodation", *years]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = "Tourist nights by region, market and accommodation type"
    ws["A1"].font = TITLE
    ws["A2"] = "Thousands of nights; 2024 provisional"
    nxt = write_table(
        ws, 4, 1, header, rows, {y: "#,##0" for y in years}, {"Accommodation": 16, "Market": 14}
    )
    ws.cell(row=nxt, column=1, value="Total").font = BOLD
    for j, y in enumerate(years):
        ws.cell(
            row=nxt, column=4 + j, value=sum(to_num(r[y]) for r in rows if r[y] is not None)
        ).font = BOLD
    save_wb(wb, BOOKS / fname)

    ys = [str(y) for y in years]
    df = load(BOOKS / fname, sheet, "Region", numeric=ys)
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    reg, mk, ac = df["Region"], df["Market"], df["Accommodation"]
    tot = df[ys].sum()
    tot.index = [int(y) for y in tot.index]
    C.v("wide_years", "total nights in 2019", df["2019"].sum())
    C.v("wide_years", "which year had the highest total", argmax(tot))
    C.v("wide_years", "growth from 2020 to 2023 overall?", (tot[2023] - tot[2020]) / tot[2020])
    C.v("wide_years", "Algarve nights in 2024", df.loc[reg == "Algarve", "2024"].sum())
    C.v(
        "superlative",
        "which region had the most nights in 2024",
        argmax(df["2024"].groupby(reg).sum()),
    )
    intl = mk == "International"
    C.v(
        "wide_years",
        "percentage change in international nights between 2019 and 2020",
        (df.loc[intl, "2020"].sum() - df.loc[intl, "2019"].sum()) / df.loc[intl, "2019"].sum(),
    )
    mh = df[(reg == "Madeira") & (ac == "Hotels")][ys].sum()
    C.v("wide_years", "average annual nights in Madeira hotels", mh.mean())
    C.v("superlative", "top 3 regions by 2023 nights", top(df["2023"].groupby(reg).sum(), 3))
    C.v("x_by_y", "nights by market in 2022", df["2022"].groupby(mk).sum().to_dict())
    C.v("two_keys", "2024 nights by region and market", two(df, "Region", "Market", "2024", "sum"))
    a15, a24 = df["2015"].groupby(ac).sum(), df["2024"].groupby(ac).sum()
    C.v(
        "wide_years",
        "which accommodation type grew the most in percentage terms between 2015 and 2024",
        argmax((a24 - a15) / a15),
    )
    off(df["2019"], 1000)
    C.v(
        "quantities",
        "how many lines show more than 1 million nights in 2019",
        int((df["2019"] > 1000).sum()),
    )
    lh = df[(reg == "Lisboa") & intl & (ac == "Hotels")][ys].iloc[0]
    lh.index = [int(y) for y in lh.index]
    C.v("wide_years", "year Lisboa international hotel nights peaked", argmax(lh))
    C.v(
        "derived",
        "Algarve's share of all 2024 nights",
        df.loc[reg == "Algarve", "2024"].sum() / df["2024"].sum(),
    )
    C.v(
        "wide_years",
        "total nights in the Azores from 2015 to 2019",
        df.loc[reg == "Açores", ["2015", "2016", "2017", "2018", "2019"]].sum().sum(),
    )
    C.v(
        "wide_years",
        "what did local lodging total in 2021",
        df.loc[ac == "Local lodging", "2021"].sum(),
    )
    r19, r22 = df["2019"].groupby(reg).sum(), df["2022"].groupby(reg).sum()
    back = sorted(r22[r22 > r19].index.tolist())
    need(1 <= len(back) <= 6)
    C.v(
        "wide_years",
        "which regions were back above their 2019 level by 2022?",
        back,
        unordered=True,
    )
    C.v("row_noun", "how many regions are covered", int(reg.nunique()))
    C.v(
        "plain",
        "domestic hotel nights in Norte in 2018",
        df.loc[(reg == "Norte") & (mk == "Domestic") & (ac == "Hotels"), "2018"].sum(),
    )
    C.v(
        "wide_years",
        "cumulative international nights in Madeira over the whole decade",
        df.loc[(reg == "Madeira") & intl, ys].sum().sum(),
    )
    camp = df.loc[ac == "Campsites", ys].sum()
    camp.index = [int(y) for y in camp.index]
    C.v("superlative", "worst year for campsites?", argmin(camp))
    alg = df.loc[reg == "Algarve"]
    C.v(
        "wide_years",
        "how many nights did the Algarve lose between 2019 and 2020",
        alg["2019"].sum() - alg["2020"].sum(),
    )
    m15, m24 = df["2015"].groupby(mk).sum(), df["2024"].groupby(mk).sum()
    need(argmax(m24 - m15) == argmax((m24 - m15) / m15))
    C.v(
        "wide_years",
        "which market grew more from 2015 to 2024, domestic or international?",
        argmax(m24 - m15),
    )
    C.clarify("wide_years", "how many nights in the Algarve?")
    C.clarify("wide_years", "how much did Norte grow?")
    C.refuse("plain", "average spend per night in Lisboa")
    C.refuse("row_noun", "how many hotels are there in Madeira")
    return C.items


# ======================================================================
# 10. Makerspace equipment bookings (table starts in column B)
# ======================================================================
def book_makerspace(seed):
    rng = random.Random(seed)
    fname, sheet = "forge_makerspace_bookings.xlsx", "Bookings"
    equip = {
        "Laser cutter": 12.0,
        "3D printer": 4.0,
        "CNC router": 15.0,
        "Vinyl cutter": 6.0,
        "Sewing machine": 3.0,
        "Soldering station": 2.5,
    }
    ew = [26, 30, 12, 10, 8, 14]
    firsts = [
        "Sam",
        "Priya",
        "Tomás",
        "Ellen",
        "Marcus",
        "Zoe",
        "Ibrahim",
        "Kate",
        "Luca",
        "Fern",
        "Owen",
        "Maya",
        "Rory",
        "Nadia",
        "Ben",
        "Clara",
        "Dev",
        "Hugo",
        "Iris",
        "Jonah",
        "Lena",
        "Pavel",
        "Rosa",
        "Theo",
        "Uma",
        "Will",
        "Yusuf",
        "Ada",
    ]
    lasts = [
        "Reid",
        "Patel",
        "Quinn",
        "Hart",
        "Bell",
        "Long",
        "Noor",
        "Marsh",
        "Conti",
        "Ash",
        "Price",
        "Singh",
        "Doyle",
        "Haddad",
        "Frost",
        "Vance",
        "Rao",
        "Grant",
        "Lowe",
        "Webb",
        "Ross",
        "Novak",
        "Diaz",
        "Shaw",
        "Iyer",
        "Hale",
        "Aziz",
        "Moss",
    ]
    doms = ["gmail.com", "gmail.com", "outlook.com", "yahoo.co.uk", "forgemakers.org", "proton.me"]
    members = []
    for f, l in zip(firsts, lasts, strict=False):
        members.append(
            (
                f"{f} {l}",
                f"{f.lower()}.{l.lower()}@{rng.choice(doms)}".replace("á", "a"),
                "No" if rng.random() < 0.18 else "Yes",
            )
        )
    mw = [rng.randint(1, 9) for _ in members]
    mw[0] = 14  # Sam Reid is a regular
    notes_pool = {
        "Laser cutter": [
            "acrylic signage for shop",
            "wedding invites",
            "cosplay armour parts",
            "birthday gift - engraved box",
            "",
        ],
        "3D printer": [
            "cosplay helmet",
            "PCB enclosure",
            "replacement bike part",
            "prototype for uni project",
            "",
            "miniatures for game night",
        ],
        "CNC router": ["oak chopping boards", "guitar body", "", "sign for cafe"],
        "Vinyl cutter": ["t-shirt transfers", "car decals", "", "cosplay lettering"],
        "Sewing machine": ["cosplay cape", "curtains", "bag repair", ""],
        "Soldering station": ["synth kit", "repair of headphones", "", "LED badge"],
    }
    hours_pool = [0.5, 1.0, 1.5, 2.5, 3.0, 4.0, 5.0]
    banned_booked = {D(2024, 11, 10)}
    rows = []
    sessions = [
        pick_not(rng, None, set(), lambda r: D(2024, 7, 1) + dt.timedelta(days=r.randint(0, 172)))
        for _ in range(166)
    ] + [D(2024, 9, 14)] * 2
    recs = []
    for sd in sessions:
        booked = pick_not(
            rng, None, banned_booked, lambda r: sd - dt.timedelta(days=r.randint(0, 21))
        )
        recs.append((booked, sd))
    recs.sort()
    for i, (booked, sd) in enumerate(recs):
        eq = rng.choices(list(equip), weights=ew)[0]
        m = rng.choices(members, weights=mw)[0]
        status = rng.choices(["Confirmed", "Cancelled", "No-show"], weights=[80, 13, 7])[0]
        fil = (
            pick_not(rng, None, {500}, lambda r: r.randint(20, 900)) if eq == "3D printer" else None
        )
        rows.append(
            {
                "Booking ID": f"FM-{i + 1:04d}",
                "Booked On": booked,
                "Session Date": sd,
                "Member": m[0],
                "Email": m[1],
                "Equipment": eq,
                "Hours": rng.choice(hours_pool),
                "Rate (£/h)": equip[eq],
                "Filament (g)": fil,
                "Status": status,
                "Induction Done": m[2],
                "Notes": rng.choice(notes_pool[eq]),
            }
        )
    longest = rng.choice(rows)
    longest["Hours"] = 6.5
    for r in rng.sample(rows, 3):
        r["Hours"] = str(r["Hours"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["B1"] = "Forge Makerspace - Equipment Bookings"
    ws["B1"].font = TITLE
    ws["B2"] = "Jul-Dec 2024 sessions; rates in GBP per hour"
    write_table(
        ws,
        4,
        2,
        list(rows[0].keys()),
        rows,
        {"Booked On": "DD/MM/YYYY", "Session Date": "DD/MM/YYYY"},
        {"Email": 28, "Notes": 30, "Member": 15, "Equipment": 17},
    )
    ws.column_dimensions["A"].width = 3
    save_wb(wb, BOOKS / fname)

    df = load(
        BOOKS / fname,
        sheet,
        "Booking ID",
        numeric=["Hours", "Rate (£/h)", "Filament (g)"],
        dates=["Booked On", "Session Date"],
    )
    need(len(df) == len(rows))
    C = Cases(fname, sheet)
    bo, sd, hrs, eq, st_, mem = (
        df["Booked On"],
        df["Session Date"],
        df["Hours"],
        df["Equipment"],
        df["Status"],
        df["Member"],
    )
    C.v("row_noun", "how many bookings did Sam Reid make", int((mem == "Sam Reid").sum()))
    cnc = sl(df.loc[eq == "CNC router", "Member"])
    need(len(cnc) <= 14)
    C.v("row_noun", "which members have booked the CNC router?", cnc, unordered=True)
    C.v("status", "how many bookings were cancelled", int((st_ == "Cancelled").sum()))
    C.v("status", "no-shows in October", int(((st_ == "No-show") & (sd.dt.month == 10)).sum()))
    C.v(
        "status",
        "bookings by members who haven't done the induction",
        int((df["Induction Done"] == "No").sum()),
    )
    C.v(
        "status",
        "confirmed laser cutter bookings",
        int(((st_ == "Confirmed") & (eq == "Laser cutter")).sum()),
    )
    C.v("dates", "how many bookings were for sessions in November", int((sd.dt.month == 11).sum()))
    off(bo, D(2024, 11, 10))
    C.v("dates", "bookings made since 10 Nov", int((bo >= "2024-11-10").sum()))
    C.v(
        "dates",
        "how many hours were booked for sessions from August to October",
        hrs[sd.dt.month.between(8, 10)].sum(),
    )
    C.v("dates", "sessions on 14 Sept?", int((sd == "2024-09-14").sum()))
    off(hrs, 2)
    off(df["Filament (g)"], 500)
    C.v("quantities", "bookings longer than 2 hours", int((hrs > 2).sum()))
    C.v(
        "quantities",
        "3D prints that used more than 500 g of filament",
        int((df["Filament (g)"] > 500).sum()),
    )
    C.v("superlative", "who booked the most hours", argmax(hrs.groupby(mem).sum()))
    C.v("superlative", "most popular piece of equipment", argmax(eq.value_counts()))
    C.v("superlative", "top 3 members by number of bookings", top(mem.value_counts(), 3))
    C.v("superlative", "which booking was the longest?", df.loc[argmax(hrs), "Booking ID"])
    C.v(
        "two_keys",
        "hours by equipment and quarter",
        two(df.assign(Q=qkey(sd)), "Equipment", "Q", "Hours", "sum"),
    )
    C.v("x_by_y", "bookings by status", st_.value_counts().to_dict())
    C.v("x_by_y", "average hours per equipment", hrs.groupby(eq).mean().to_dict())
    cos = contains(df["Notes"], "cosplay")
    need(cos.sum() >= 3)
    C.v("text_match", "bookings whose notes mention cosplay", int(cos.sum()))
    C.v(
        "text_match",
        "how many bookings came from gmail addresses",
        int(contains(df["Email"], "gmail").sum()),
    )
    value = hrs * df["Rate (£/h)"]
    nc = st_ != "Cancelled"
    C.v(
        "derived",
        "total booking value for the CNC router, leaving out cancellations",
        value[nc & (eq == "CNC router")].sum(),
    )
    C.v(
        "derived",
        "which equipment brings in the most money (hours x rate), excluding cancelled bookings",
        argmax(value[nc].groupby(eq[nc]).sum()),
    )
    C.v("plain", "average booking length", hrs.mean())
    C.v("plain", "total filament used in grams", df["Filament (g)"].sum())
    q3_b, q3_s = int((bo.dt.quarter == 3).sum()), int((sd.dt.quarter == 3).sum())
    need(q3_b != q3_s)
    C.clarify("dates", "how many bookings did we have in Q3?")
    need((bo.dt.month == 12).sum() != (sd.dt.month == 12).sum())
    C.clarify("dates", "number of bookings in December")
    C.refuse("plain", "how much electricity did the laser cutter use")
    C.refuse("plain", "average member age")
    return C.items


# ======================================================================
BUILDERS = [
    (book_brewery, 101),
    (book_tutoring, 201),
    (book_parking, 301),
    (book_boutique, 401),
    (book_ward, 501),
    (book_theatre, 601),
    (book_baggage, 701),
    (book_store_quarters, 801),
    (book_tourism, 901),
    (book_makerspace, 1001),
]


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    cases = []
    for fn, base in BUILDERS:
        for seed in range(base, base + 500):
            try:
                items = fn(seed)
                break
            except Redraw:
                continue
        else:
            raise SystemExit(f"{fn.__name__}: no seed passed the checks")
        cases.extend(items)
    cmds = [c["command"].lower() for c in cases]
    assert len(cmds) == len(set(cmds)), "duplicate command"
    with open(OUT / "cases.jsonl", "w", encoding="utf-8") as f:
        for i, c in enumerate(cases, 1):
            row = {"id": f"{PREFIX}{i:03d}", **c}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases written")


if __name__ == "__main__":
    main()
