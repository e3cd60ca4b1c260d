"""Build the "dev6" everyday-spreadsheet evaluation set.

Written by a helper session that saw neither nlsheet's training data nor its
rules (nor its code); the commands were made up from scratch, the way office
users type them.

What this script does (deterministically -- seeded random.Random, fixed dates,
no clock; zip entries and document properties carry a fixed timestamp, so two
runs give byte-identical files):

1. writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each (insurance claims, monthly payroll, solar output per
   site [wide: Jan..Dec], used-car stock & sales, podcast downloads [wide:
   2019..2024], dog grooming appointments, courier deliveries, grant
   applications, cinema screenings, hardware-store purchase orders).  Mess:
   title rows above the header, blank rows inside the data, "Total" rows under
   the data, tables starting in column B, numbers stored as text, blank cells,
   yes/no and status columns, free-text notes, real date cells, currency and
   units in headers, names repeating across rows.
2. reads every workbook back with its own small loader (finds the header row,
   skips title rows, blank rows and Total rows, coerces numeric-looking text)
   and COMPUTES every expected answer from those rows with pandas.  No answer
   is typed by hand.
3. writes ``cases.jsonl``: one JSON object per line with keys
   id, book (path relative to this folder), sheet, command, class, split,
   kind ("value" | "clarify" | "refuse"), expected, and "unordered": true for
   lists whose order does not matter.

Conventions for ``expected`` (kind "value"):
- numbers are plain JSON numbers (counts are ints; other floats rounded to 6
  decimals); a single name is a string; lists of names are lists (ranked lists
  keep rank order, others carry "unordered": true);
- "X by Y" is {group: number}; two keys are {k1: {k2: number}}; months are
  "YYYY-MM", quarters "YYYY-Qn", single dates "YYYY-MM-DD", years ints; on the
  wide month table a month is named by its column header ("Jul");
- percentages / shares are fractions between 0 and 1;
- a bare noun phrase ("unpaid invoices") is a count of rows;
- "between A and B" is inclusive, "since D" includes D, "before"/"after"
  exclude; blank cells are ignored by averages (and count as 0 in sums);
- superlatives and top-N lists never have ties and no numeric value sits
  exactly on a threshold used in a command: this is checked in code and the
  book is re-drawn with the next seed otherwise (see ``Retry``);
- two-key answers always cover every combination (forced in the data);
- kind "clarify" / "refuse": expected is null.  "clarify" = the command is
  genuinely ambiguous for that table (e.g. two amount columns and "total
  amount"); "refuse" = no column can answer it.
"""

import calendar
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
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
BOOKS = OUT / "books"
SPLIT = "dev"
PREFIX = "dev6"
D = dt.date
ZIP_TIME = (2024, 7, 1, 9, 0, 0)
CORE_TIME = b"2024-07-01T09:00:00Z"


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
class Retry(Exception):
    """Raised when the drawn data break a rule (tie, value on a threshold...)."""


def need(cond, why="check failed"):
    if not cond:
        raise Retry(why)


def rdate(rng, a, b, no_sunday=False):
    while True:
        d = a + dt.timedelta(days=rng.randint(0, (b - a).days))
        if not (no_sunday and d.weekday() == 6):
            return d


def month_end(y, m):
    return D(y, m, calendar.monthrange(y, m)[1])


def num(x):
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


def conv(x):
    """Convert pandas / numpy results to plain JSON values."""
    if isinstance(x, dict):
        return {str(k): conv(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [conv(v) for v in x]
    if isinstance(x, (pd.Timestamp, dt.datetime, dt.date)):
        return x.strftime("%Y-%m-%d")
    if isinstance(x, str):
        return x
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, bool):
        return x
    if isinstance(x, (int, float)):
        return num(x)
    return x


def gdict(s):
    need(len(s) > 0, "empty group")
    return {str(k): num(v) for k, v in sorted(s.items(), key=lambda kv: str(kv[0]))}


def gdict2(s, full=True):
    out = {}
    for (a, b), v in s.items():
        out.setdefault(str(a), {})[str(b)] = num(v)
    if full:
        keys_b = {k for d in out.values() for k in d}
        for d in out.values():
            need(set(d) == keys_b, "two-key combination missing")
    return {a: dict(sorted(d.items())) for a, d in sorted(out.items())}


def top1(s, largest=True):
    s = s.dropna().round(6).sort_values(ascending=not largest)
    need(len(s) >= 1, "empty")
    need(len(s) == 1 or s.iloc[0] != s.iloc[1], "tie for first")
    return s.index[0]


def topn(s, n, largest=True):
    s = s.dropna().round(6).sort_values(ascending=not largest)
    vals = list(s.iloc[: n + 1])
    need(len(s) > n and len(set(vals)) == len(vals), "tie in top-n")
    return [str(k) for k in s.index[:n]]


def rowtop(df, col, key, largest=True):
    s = df[col].dropna().round(6)
    best = s.max() if largest else s.min()
    need((s == best).sum() == 1, "tie for row superlative")
    return df.loc[s.idxmax() if largest else s.idxmin(), key]


def nothr(s, *thr):
    s = s.dropna()
    for t in thr:
        need(not (s.round(6) == t).any(), "value on threshold %s" % t)


def ulist(s):
    vals = sorted({str(v) for v in s.dropna()})
    need(len(vals) >= 1, "empty list")
    return vals


def idlist(s):
    vals = [str(v) for v in s.dropna()]
    need(len(vals) >= 1 and len(set(vals)) == len(vals), "bad id list")
    return sorted(vals)


def yes(s):
    return s.astype(str).str.strip().str.lower().eq("yes")


def month(s):
    return s.dt.strftime("%Y-%m")


def quarter(s):
    return s.dt.year.astype(str) + "-Q" + s.dt.quarter.astype(str)


def has(s, word):
    return s.fillna("").astype(str).str.contains(word, case=False, regex=False)


def ts(y, m, d):
    return pd.Timestamp(y, m, d)


# --------------------------------------------------------------------------
# writing and reading workbooks
# --------------------------------------------------------------------------
def text_of(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and v >= 1000:
        return f"{v:,}"
    return str(v)


def save_fixed(wb, path):
    """Save with fixed zip timestamps and fixed document-property dates."""
    wb.properties.creator = "office"
    wb.properties.lastModifiedBy = "office"
    wb.properties.created = dt.datetime(2024, 7, 1, 9, 0, 0)
    wb.properties.modified = dt.datetime(2024, 7, 1, 9, 0, 0)
    bio = io.BytesIO()
    wb.save(bio)
    bio.seek(0)
    with zipfile.ZipFile(bio) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + CORE_TIME + rb"\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)


def write_book(
    fname,
    sheet,
    header,
    rows,
    rng,
    *,
    title=(),
    gap=1,
    start_col=1,
    blank_before=(),
    total_cols=(),
    formats=None,
    text_cols=(),
    n_text=0,
    date_fmt="dd/mm/yyyy",
):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    r = 1
    for k, t in enumerate(title):
        ws.cell(r, start_col, t).font = Font(
            bold=(k == 0), size=14 if k == 0 else 10, italic=(k > 0)
        )
        r += 1
    if title:
        r += gap
    for j, h in enumerate(header):
        ws.cell(r, start_col + j, h).font = Font(bold=True)
    r += 1
    text_cells = set()
    if n_text:
        cand = [
            (i, c)
            for i in range(len(rows))
            for c in text_cols
            if rows[i][header.index(c)] is not None
        ]
        text_cells = set(rng.sample(cand, n_text))
    formats = formats or {}
    for i, row in enumerate(rows):
        if i in blank_before:
            r += 1
        for j, v in enumerate(row):
            if v is None:
                continue
            if (i, header[j]) in text_cells:
                v = text_of(v)
            c = ws.cell(r, start_col + j, v)
            if isinstance(v, (dt.date, dt.datetime)):
                c.number_format = date_fmt
            elif header[j] in formats and not isinstance(v, str):
                c.number_format = formats[header[j]]
        r += 1
    if total_cols:
        ws.cell(r, start_col, "Total").font = Font(bold=True)
        for col in total_cols:
            j = header.index(col)
            s = sum(float(row[j]) for row in rows if isinstance(row[j], (int, float)))
            c = ws.cell(r, start_col + j, round(s, 2))
            c.font = Font(bold=True)
            if col in formats:
                c.number_format = formats[col]
    for j, h in enumerate(header):
        w = (
            34
            if str(h).lower().startswith(("notes", "project"))
            else max(10, min(24, len(str(h)) + 4))
        )
        ws.column_dimensions[get_column_letter(start_col + j)].width = w
    save_fixed(wb, BOOKS / fname)


def load(fname, sheet, first_header):
    """Small loader: find the header row, skip blank and Total rows, coerce types."""
    wb = openpyxl.load_workbook(BOOKS / fname, data_only=True)
    ws = wb[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hr = c0 = None
    for i, row in enumerate(rows):
        if first_header in row:
            hr, c0 = i, row.index(first_header)
            break
    assert hr is not None, (fname, first_header)
    header = []
    for v in rows[hr][c0:]:
        if v is None:
            break
        header.append(str(v).strip())
    data = []
    for row in rows[hr + 1 :]:
        vals = (row[c0 : c0 + len(header)] + [None] * len(header))[: len(header)]
        vals = [None if (isinstance(v, str) and not v.strip()) else v for v in vals]
        if all(v is None for v in vals):
            continue
        if isinstance(vals[0], str) and vals[0].strip().lower().startswith("total"):
            continue
        data.append(vals)
    df = pd.DataFrame(data, columns=header)
    for col in df.columns:
        nn = df[col].dropna()
        if len(nn) == 0:
            continue
        if all(isinstance(v, (dt.date, dt.datetime)) for v in nn):
            df[col] = pd.to_datetime(df[col])
            continue
        cleaned = df[col].map(lambda v: v.replace(",", "").strip() if isinstance(v, str) else v)
        asnum = pd.to_numeric(cleaned, errors="coerce")
        if asnum[df[col].notna()].notna().mean() >= 0.9 and sum(
            isinstance(v, (int, float)) for v in nn
        ) >= 0.5 * len(nn):
            df[col] = asnum
    return df


class Cases:
    def __init__(self, book, sheet):
        self.book, self.sheet, self.items = book, sheet, []

    def _add(self, cls, kind, cmd, expected, unordered=False):
        assert all(c["command"] != cmd for c in self.items), cmd
        d = {
            "book": self.book,
            "sheet": self.sheet,
            "command": cmd,
            "class": cls,
            "split": SPLIT,
            "kind": kind,
            "expected": conv(expected) if kind == "value" else None,
        }
        if unordered:
            d["unordered"] = True
        self.items.append(d)

    def v(self, cls, cmd, expected, unordered=False):
        self._add(cls, "value", cmd, expected, unordered)

    def clarify(self, cls, cmd):
        self._add(cls, "clarify", cmd, None)

    def refuse(self, cls, cmd):
        self._add(cls, "refuse", cmd, None)


# --------------------------------------------------------------------------
# 1. insurance claims
# --------------------------------------------------------------------------
def book_claims(seed):
    rng = random.Random(seed)
    fname, sheet = "insurance_claims.xlsx", "Claims"
    holders = [
        "Anna Kowalski",
        "James Whitfield",
        "Maria Santos",
        "Liam O'Brien",
        "Chloe Martin",
        "Daniel Berg",
        "Fatima Zahra",
        "George Mills",
        "Hannah Lee",
        "Ivan Petrov",
        "Julia Romano",
        "Kevin Walsh",
        "Laura Schmidt",
        "Mohammed Ali",
        "Nina Larsen",
        "Oscar Reyes",
        "Paula Jones",
        "Quentin Blake",
        "Rosa Delgado",
        "Samuel Green",
        "Tara Singh",
        "Umar Farouk",
        "Vera Ivanova",
        "William Hart",
        "Yasmin Cole",
        "Zoe Turner",
        "Adam Novak",
        "Beth Howard",
        "Carlos Vega",
        "Diana Price",
    ]
    types, tw = ["Auto", "Home", "Travel", "Health", "Pet"], [35, 25, 15, 15, 10]
    regions = ["North", "South", "East", "West"]
    adjusters = ["Priya Nair", "Tom Fischer", "Lena Novak", "Omar Haddad", "Grace Obi"]
    tnotes = {
        "Auto": [
            "rear-end collision at junction",
            "windscreen cracked on motorway",
            "police report attached",
            "car park scrape, third party unknown",
        ],
        "Home": [
            "water damage in kitchen",
            "hail damage to roof",
            "burst pipe, water in basement",
            "stolen bicycle from garage, police report attached",
        ],
        "Travel": [
            "lost luggage at airport",
            "cancelled flight, hotel costs",
            "wallet stolen abroad - police report attached",
        ],
        "Health": ["hospital stay 3 nights", "physio sessions after injury"],
        "Pet": ["vet bills after surgery", "dog swallowed a toy"],
    }
    general = ["awaiting photos from customer", "customer chased twice", "second opinion requested"]
    amt = {
        "Auto": (400, 15000),
        "Home": (800, 25000),
        "Travel": (150, 4000),
        "Health": (300, 12000),
        "Pet": (90, 3000),
    }
    forced = [dict(reg=r, typ=t) for r in regions for t in types]
    forced += [dict(typ=t, month=m) for t in types for m in range(1, 7)]
    recs = []
    for i in range(132):
        f = forced[i] if i < len(forced) else {}
        typ = f.get("typ") or rng.choices(types, tw)[0]
        reg = f.get("reg") or rng.choice(regions)
        if "month" in f:
            m = f["month"]
            filed = rdate(rng, D(2024, m, 1), min(month_end(2024, m), D(2024, 6, 28)))
        else:
            filed = rdate(rng, D(2024, 1, 2), D(2024, 6, 28))
        if filed >= D(2024, 6, 1):
            status = rng.choices(["Open", "Approved", "Rejected", "Withdrawn"], [60, 25, 10, 5])[0]
        else:
            status = rng.choices(["Open", "Approved", "Rejected", "Withdrawn"], [15, 52, 22, 11])[0]
        lo, hi = amt[typ]
        claimed = round(math.exp(rng.uniform(math.log(lo), math.log(hi))), 2)
        settled = paid = None
        if status in ("Approved", "Rejected"):
            settled = filed + dt.timedelta(days=rng.randint(5, 60))
            if settled > D(2024, 6, 30):
                status, settled = "Open", None
        if status == "Approved":
            paid = round(claimed * rng.uniform(0.55, 1.0), 2)
        elif status == "Rejected":
            paid = 0.0
        notes = None
        if rng.random() < 0.55:
            notes = rng.choice(tnotes[typ] + general)
        recs.append(
            [
                None,
                rng.choice(holders),
                typ,
                reg,
                filed,
                settled,
                claimed,
                paid,
                status,
                "Yes" if rng.random() < 0.09 else "No",
                rng.choice(adjusters),
                notes,
            ]
        )
    recs.sort(key=lambda r: (r[4], r[1]))
    for k, r in enumerate(recs):
        r[0] = "CLM-24%04d" % (k + 1)
    header = [
        "Claim No",
        "Policyholder",
        "Claim Type",
        "Region",
        "Date Filed",
        "Date Settled",
        "Amount Claimed (€)",
        "Amount Paid (€)",
        "Status",
        "Fraud Suspected",
        "Adjuster",
        "Notes",
    ]
    money = "#,##0.00"
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Northwind Mutual — Claims Register", "Export date: 01/07/2024"],
        blank_before={37, 88},
        total_cols=["Amount Claimed (€)", "Amount Paid (€)"],
        formats={"Amount Claimed (€)": money, "Amount Paid (€)": money},
        text_cols=["Amount Claimed (€)"],
        n_text=3,
    )
    df = load(fname, sheet, "Claim No")
    need(len(df) == 132)
    C = Cases(fname, sheet)
    cl, pd_ = "Amount Claimed (€)", "Amount Paid (€)"
    filed = df["Date Filed"]

    n = (df["Policyholder"] == "Anna Kowalski").sum()
    need(n >= 2)
    C.v("row_noun", "how many claims has Anna Kowalski made?", n)
    sel = df[(df["Adjuster"] == "Priya Nair") & (df["Claim Type"] == "Home")]
    need(1 <= len(sel) <= 12)
    C.v(
        "row_noun",
        "list the claim numbers Priya Nair is handling for home insurance",
        idlist(sel["Claim No"]),
        unordered=True,
    )

    C.v("status", "how many claims are still open?", (df["Status"] == "Open").sum())
    C.v("status", "number of claims flagged as possible fraud", yes(df["Fraud Suspected"]).sum())
    C.v("status", "how many claims weren't rejected", (df["Status"] != "Rejected").sum())
    C.v(
        "status",
        "total paid out on approved auto claims",
        df.loc[(df["Status"] == "Approved") & (df["Claim Type"] == "Auto"), pd_].sum(),
    )

    C.v("dates", "claims filed in March", (filed.dt.month == 3).sum())
    C.v("dates", "How many claims came in during Q2?", filed.dt.month.isin([4, 5, 6]).sum())
    C.v("dates", "claims filed since May 10", (filed >= ts(2024, 5, 10)).sum())
    C.v(
        "dates",
        "total amount claimed between 1 Feb and 15 Mar",
        df.loc[(filed >= ts(2024, 2, 1)) & (filed <= ts(2024, 3, 15)), cl].sum(),
    )

    nothr(df[cl], 10000)
    C.v("quantities", "how many claims asked for more than €10k?", (df[cl] > 10000).sum())
    nothr(df[pd_], 2500, 7500)
    C.v(
        "quantities",
        "approved claims with a payout between €2,500 and €7,500",
        ((df["Status"] == "Approved") & df[pd_].between(2500, 7500)).sum(),
    )

    C.v(
        "superlative",
        "which policyholder has claimed the most money overall?",
        top1(df.groupby("Policyholder")[cl].sum()),
    )
    C.v("superlative", "what's the claim number of the biggest payout", rowtop(df, pd_, "Claim No"))
    C.v("superlative", "top 3 regions by number of claims", topn(df.groupby("Region").size(), 3))

    C.v(
        "two_keys",
        "number of claims by region and claim type",
        gdict2(df.groupby(["Region", "Claim Type"]).size()),
    )
    C.v(
        "two_keys",
        "amount paid by claim type and month filed",
        gdict2(df.groupby([df["Claim Type"], month(filed)])[pd_].sum()),
    )

    C.v("x_by_y", "claims by adjuster", gdict(df.groupby("Adjuster").size()))
    C.v("x_by_y", "avg claimed amount per claim type", gdict(df.groupby("Claim Type")[cl].mean()))

    C.v(
        "text_match", "how many claims mention water in the notes?", has(df["Notes"], "water").sum()
    )
    C.v(
        "text_match",
        "list claim numbers where the notes say a police report was attached",
        idlist(df.loc[has(df["Notes"], "police report"), "Claim No"]),
        unordered=True,
    )

    days = (df["Date Settled"] - filed).dt.days
    C.v("derived", "average number of days it takes to settle a claim", days.mean())
    ap = df[df["Status"] == "Approved"]
    C.v(
        "derived",
        "on approved claims, what share of the money claimed was actually paid out?",
        ap[pd_].sum() / ap[cl].sum(),
    )

    C.v("plain", "average amount paid", df[pd_].mean())
    C.v(
        "plain",
        "smallest amount claimed in the South region",
        df.loc[df["Region"] == "South", cl].min(),
    )

    C.clarify("plain", "what's the total amount for Home claims?")
    C.clarify("superlative", "which adjuster has the highest amount")
    C.refuse("plain", "what's the average age of our policyholders?")
    C.refuse("row_noun", "how many claims were reported by phone?")
    return C


# --------------------------------------------------------------------------
# 2. monthly payroll (table starts in column B)
# --------------------------------------------------------------------------
def book_payroll(seed):
    rng = random.Random(seed)
    fname, sheet = "payroll_2024.xlsx", "Payroll 2024"
    staff = [
        ("Sarah Mitchell", "Sales"),
        ("Tom Bradley", "Sales"),
        ("Aisha Khan", "Sales"),
        ("Peter Lowe", "Finance"),
        ("Grace Chen", "Finance"),
        ("Oliver Grant", "Engineering"),
        ("Ruth Adebayo", "Engineering"),
        ("Marek Nowak", "Engineering"),
        ("Emily Stone", "Engineering"),
        ("Jack Turner", "Marketing"),
        ("Sofia Russo", "Marketing"),
        ("Callum Reid", "Operations"),
        ("Nadia Hussain", "Operations"),
        ("Ben Carter", "Operations"),
    ]
    bonuses = [300, 450, 600, 800, 1000, 1250, 1750, 2000, 2400]
    info = {}
    for name, dept in staff:
        annual = rng.randint(52, 130) * 500
        info[name] = dict(
            dept=dept, annual=annual, rate=rng.uniform(0.17, 0.31), review=rng.random() < 0.5
        )
    recs = []
    for m in range(1, 13):
        for name, dept in staff:
            if name == "Emily Stone" and m < 4:
                continue
            if name == "Tom Bradley" and m > 9:
                continue
            p = info[name]
            annual = p["annual"] * (1.03 if (p["review"] and m >= 7) else 1.0)
            base = round(annual / 12, 2)
            ot_h = round(rng.uniform(1, 18) * 2) / 2 if rng.random() < 0.45 else 0
            ot_pay = round(ot_h * annual / 1950 * 1.5, 2)
            bonus = rng.choice(bonuses) if rng.random() < 0.14 else None
            gross = round(base + ot_pay + (bonus or 0), 2)
            tax = round(gross * p["rate"], 2)
            net = round(gross - tax, 2)
            method = "Cheque" if rng.random() < 0.07 else "Bank Transfer"
            paid = "No" if m == 12 or rng.random() < 0.02 else "Yes"
            notes = None
            if name == "Emily Stone" and m == 4:
                notes = "new starter - prorated from 8 April"
            elif name == "Tom Bradley" and m == 9:
                notes = "final payslip"
            elif p["review"] and m == 7:
                notes = "salary review applied"
            elif rng.random() < 0.12:
                notes = rng.choice(
                    [
                        "includes backpay",
                        "holiday pay included",
                        "tax code change",
                        "expenses reimbursed separately",
                        "tax code change (emergency code)",
                        "includes backpay for March",
                    ]
                )
            recs.append(
                [
                    name,
                    dept,
                    D(2024, m, 20 if m == 12 else 25),
                    base,
                    ot_h,
                    ot_pay,
                    bonus,
                    gross,
                    tax,
                    net,
                    method,
                    paid,
                    notes,
                ]
            )
    header = [
        "Employee",
        "Department",
        "Pay Date",
        "Base Salary (£)",
        "Overtime Hours",
        "Overtime Pay (£)",
        "Bonus (£)",
        "Gross Pay (£)",
        "Tax (£)",
        "Net Pay (£)",
        "Payment Method",
        "Paid",
        "Notes",
    ]
    money = "£#,##0.00"
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        start_col=2,
        title=["Acme Widgets Ltd — Payroll Register 2024", "Confidential – HR & Finance only"],
        blank_before={40, 101},
        formats={h: money for h in header if "(£)" in h},
        text_cols=["Gross Pay (£)", "Net Pay (£)"],
        n_text=4,
        date_fmt="dd mmm yyyy",
    )
    df = load(fname, sheet, "Employee")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    pdate = df["Pay Date"]
    G, N, T, B, OTP, OTH = (
        "Gross Pay (£)",
        "Net Pay (£)",
        "Tax (£)",
        "Bonus (£)",
        "Overtime Pay (£)",
        "Overtime Hours",
    )

    C.v("row_noun", "how many different employees appear in the payroll?", df["Employee"].nunique())
    C.v(
        "row_noun",
        "which employees work in Finance?",
        ulist(df.loc[df["Department"] == "Finance", "Employee"]),
        unordered=True,
    )

    C.v("status", "how many payslips haven't been paid yet", (~yes(df["Paid"])).sum())
    C.v("status", "total net pay still outstanding", df.loc[~yes(df["Paid"]), N].sum())

    C.v("dates", "Total gross pay for March", df.loc[pdate.dt.month == 3, G].sum())
    C.v("dates", "net pay in H2", df.loc[pdate.dt.month >= 7, N].sum())
    C.v(
        "dates",
        "how much overtime pay did we pay from February to April",
        df.loc[pdate.dt.month.between(2, 4), OTP].sum(),
    )

    nothr(df[G], 4500)
    C.v("quantities", "how many payslips had gross pay above £4,500", (df[G] > 4500).sum())
    nothr(df[B], 1500)
    C.v(
        "quantities",
        "who got a bonus of 1.5k or more?",
        ulist(df.loc[df[B] >= 1500, "Employee"]),
        unordered=True,
    )

    C.v(
        "superlative",
        "who took home the most net pay over the year",
        top1(df.groupby("Employee")[N].sum()),
    )
    C.v(
        "superlative",
        "which department has the highest total gross",
        top1(df.groupby("Department")[G].sum()),
    )
    C.v(
        "superlative",
        "top 3 employees by overtime hours",
        topn(df.groupby("Employee")[OTH].sum(), 3),
    )

    C.v(
        "two_keys",
        "gross pay by department and month",
        gdict2(df.groupby([df["Department"], month(pdate)])[G].sum()),
    )
    C.v(
        "two_keys",
        "overtime hours per department per quarter",
        gdict2(df.groupby([df["Department"], quarter(pdate)])[OTH].sum()),
    )

    C.v("x_by_y", "net pay by department", gdict(df.groupby("Department")[N].sum()))
    C.v(
        "x_by_y", "average tax per payslip by department", gdict(df.groupby("Department")[T].mean())
    )

    C.v("text_match", "how many payslips mention backpay?", has(df["Notes"], "backpay").sum())
    C.v(
        "text_match",
        "which employees had a tax code change",
        ulist(df.loc[has(df["Notes"], "tax code"), "Employee"]),
        unordered=True,
    )

    C.v("derived", "tax as a share of gross pay for the whole year", df[T].sum() / df[G].sum())
    s = df[df["Department"] == "Sales"]
    C.v(
        "derived",
        "what fraction of the Sales team's gross pay was base salary",
        s["Base Salary (£)"].sum() / s[G].sum(),
    )

    C.v("plain", "average net pay per payslip", df[N].mean())
    C.v("plain", "highest single gross pay figure", df[G].max())
    C.v(
        "plain",
        "total bonus amount for Engineering staff",
        df.loc[df["Department"] == "Engineering", B].sum(),
    )
    C.v("plain", "how many payslips were paid by cheque", (df["Payment Method"] == "Cheque").sum())

    C.clarify("dates", "what's the total pay for June?")
    C.clarify("plain", "average pay in Marketing")
    C.refuse("dates", "total regular hours worked in March")
    C.refuse("plain", "what's the national insurance total for May")
    return C


# --------------------------------------------------------------------------
# 3. solar output per site (wide: one column per month)
# --------------------------------------------------------------------------
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def book_solar(seed):
    rng = random.Random(seed)
    fname, sheet = "solar_output_2023.xlsx", "Output 2023"
    towns = [
        "Bexley",
        "Carlisle",
        "Dover",
        "Ely",
        "Frome",
        "Grantham",
        "Hexham",
        "Ilkley",
        "Kendal",
        "Ludlow",
        "Malton",
        "Newbury",
        "Oakham",
        "Penrith",
        "Ripon",
        "Selby",
        "Thirsk",
        "Ulverston",
        "Wetherby",
        "Yeovil",
        "Buxton",
        "Chard",
        "Diss",
        "Epsom",
        "Filey",
        "Goole",
        "Hythe",
        "Louth",
        "Morpeth",
        "Olney",
        "Rugby",
        "Stroud",
        "Tring",
        "Wells",
        "Alnwick",
        "Brigg",
        "Crewe",
        "Leek",
        "Wigan",
        "Bude",
        "Lydd",
        "Sherborne",
        "Whitby",
        "Kelso",
        "Barnard Castle",
        "Holt",
    ]
    suffixes = [
        "Depot",
        "Farm",
        "Warehouse",
        "School",
        "Business Park",
        "Leisure Centre",
        "Distribution Hub",
        "Retail Park",
    ]
    rng.shuffle(towns)
    sites = ["Ashford Depot", "Ashford Retail Park"] + [
        t + " " + rng.choice(suffixes) for t in towns
    ]
    regions = ["North", "South", "East", "West", "Midlands"]
    rf = {"North": 0.88, "South": 1.1, "East": 1.02, "West": 0.97, "Midlands": 0.95}
    panels, pw = ["Monocrystalline", "Polycrystalline", "Thin-film"], [50, 35, 15]
    mf = [28, 45, 78, 102, 122, 128, 126, 108, 84, 56, 32, 22]
    forced = [dict(reg=r, pan=p) for r in regions for p in panels]
    rng.shuffle(forced)
    notes_pool = [
        "inverter replaced in May",
        "inverter fault logged in March",
        "shading from new building",
        "panel cleaning contract renewed",
        "bird damage to two strings",
        "roof lease renewal due 2025",
        "monitoring offline for a week in August",
    ]
    recs = []
    for i, site in enumerate(sites):
        f = forced[i] if i < len(forced) else {}
        reg = f.get("reg") or rng.choice(regions)
        pan = f.get("pan") or rng.choices(panels, pw)[0]
        cap = round(rng.uniform(30, 480), 1)
        comm = rdate(rng, D(2017, 1, 1), D(2023, 8, 31))
        online = "Yes" if rng.random() < 0.88 else "No"
        if site == "Ashford Depot":
            comm, online = rdate(rng, D(2017, 1, 1), D(2021, 12, 31)), "Yes"
        vals = []
        for m in range(1, 13):
            frac = 1.0
            if comm.year == 2023:
                if m < comm.month:
                    vals.append(None)
                    continue
                if m == comm.month:
                    frac = (month_end(2023, m).day - comm.day + 1) / month_end(2023, m).day
            if online == "No":
                if m > 10:
                    vals.append(None)
                    continue
                if m == 10:
                    frac *= rng.uniform(0.3, 0.7)
            vals.append(int(round(cap * mf[m - 1] * rf[reg] * rng.uniform(0.85, 1.15) * frac)))
        if online == "No":
            note = "offline since October - inverter failure"
        else:
            note = rng.choice(notes_pool) if rng.random() < 0.35 else None
        recs.append([site, reg, pan, cap, comm] + vals + [online, note])
    recs.sort(key=lambda r: (r[1], r[0]))
    header = (
        ["Site", "Region", "Panel Type", "Capacity (kWp)", "Commissioned"]
        + MONTHS
        + ["Online", "Notes"]
    )
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["SunGrid Portfolio — Monthly Generation 2023", "All figures in kWh unless stated"],
        blank_before={21},
        total_cols=["Capacity (kWp)"] + MONTHS,
        formats={m: "#,##0" for m in MONTHS},
        text_cols=MONTHS,
        n_text=3,
        date_fmt="mmm yyyy",
    )
    df = load(fname, sheet, "Site")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    cap = "Capacity (kWp)"
    annual = df[MONTHS].sum(axis=1)
    byname = df.set_index("Site")

    C.v("month_column", "total output in April across all sites", df["Apr"].sum())
    C.v("month_column", "which month had the highest total generation?", top1(df[MONTHS].sum()))
    C.v("month_column", "which site produced the most in July?", rowtop(df, "Jul", "Site"))
    C.v("month_column", "average December output per site", df["Dec"].mean())
    nothr(df["Jan"], 2000)
    C.v(
        "month_column",
        "how many sites generated less than 2,000 kWh in January",
        (df["Jan"] < 2000).sum(),
    )
    C.v(
        "month_column",
        "total summer output (Jun-Aug) for the North region",
        df.loc[df["Region"] == "North", ["Jun", "Jul", "Aug"]].sum().sum(),
    )
    need(byname.loc["Ashford Depot", MONTHS].notna().all())
    C.v(
        "month_column",
        "annual generation for Ashford Depot",
        byname.loc["Ashford Depot", MONTHS].sum(),
    )
    C.v(
        "month_column",
        "which site had the highest total for the year",
        top1(annual.set_axis(df["Site"])),
    )
    tot = df[MONTHS].sum()
    C.v(
        "month_column",
        "percentage change in total output from April to July",
        (tot["Jul"] - tot["Apr"]) / tot["Apr"],
    )
    C.v(
        "month_column",
        "Q4 output by region",
        gdict(df.groupby("Region")[["Oct", "Nov", "Dec"]].sum().sum(axis=1)),
    )

    C.v(
        "row_noun", "how many sites do we have in the Midlands?", (df["Region"] == "Midlands").sum()
    )
    sel = df.loc[df["Panel Type"] == "Thin-film", "Site"]
    need(1 <= len(sel) <= 15)
    C.v("row_noun", "list the sites with thin film panels", idlist(sel), unordered=True)

    C.v("status", "how many sites are offline", (~yes(df["Online"])).sum())
    C.v(
        "status",
        "total March output from the sites that are online",
        df.loc[yes(df["Online"]), "Mar"].sum(),
    )

    comm = df["Commissioned"]
    C.v("dates", "how many sites were commissioned in 2022?", (comm.dt.year == 2022).sum())
    C.v("dates", "sites commissioned before 2020", (comm < ts(2020, 1, 1)).sum())

    nothr(df[cap], 250, 100, 200)
    C.v("quantities", "sites with capacity over 250 kWp", (df[cap] > 250).sum())
    C.v("quantities", "how many sites are between 100 and 200 kWp", df[cap].between(100, 200).sum())

    C.v(
        "superlative",
        "which region has the largest total capacity",
        top1(df.groupby("Region")[cap].sum()),
    )
    C.v(
        "superlative",
        "the 3 smallest sites by capacity",
        topn(df.set_index("Site")[cap], 3, largest=False),
    )

    C.v(
        "two_keys",
        "July output by region and panel type",
        gdict2(df.groupby(["Region", "Panel Type"])["Jul"].sum()),
    )

    C.v("x_by_y", "number of sites by panel type", gdict(df.groupby("Panel Type").size()))
    C.v("x_by_y", "average capacity per region", gdict(df.groupby("Region")[cap].mean()))

    C.v(
        "text_match",
        "how many sites have notes mentioning the inverter?",
        has(df["Notes"], "inverter").sum(),
    )

    C.v(
        "derived",
        "specific yield for Ashford Depot (kWh per kWp over the year)",
        byname.loc["Ashford Depot", MONTHS].sum() / byname.loc["Ashford Depot", cap],
    )
    C.v(
        "derived",
        "which site has the best annual kWh per kWp?",
        top1((annual / df[cap]).set_axis(df["Site"])),
    )

    C.v("plain", "total installed capacity", df[cap].sum())

    C.clarify("month_column", "show me the output for Ashford")
    C.clarify("month_column", "what's the average output?")
    C.refuse("plain", "how much did the panels at Ashford Depot cost?")
    C.refuse("x_by_y", "how many panels are installed at each site")
    return C


# --------------------------------------------------------------------------
# 4. used-car dealership stock and sales
# --------------------------------------------------------------------------
def book_cars(seed):
    rng = random.Random(seed)
    fname, sheet = "car_stock_sales.xlsx", "Stock"
    makes = {
        "Ford": ["Fiesta", "Focus", "Kuga"],
        "Vauxhall": ["Corsa", "Astra", "Mokka"],
        "Volkswagen": ["Polo", "Golf", "ID.3"],
        "Toyota": ["Yaris", "Corolla", "RAV4"],
        "BMW": ["1 Series", "3 Series", "i3"],
        "Nissan": ["Juke", "Qashqai", "Leaf"],
    }
    mult = {
        "Ford": 1.0,
        "Vauxhall": 0.9,
        "Volkswagen": 1.15,
        "Toyota": 1.1,
        "BMW": 1.45,
        "Nissan": 1.0,
    }
    electric, hybrid_ok = {"ID.3", "i3", "Leaf"}, {"Yaris", "Corolla", "RAV4", "Kuga"}
    all_models = [(mk, md) for mk, mds in makes.items() for md in mds]
    fuels = ["Petrol", "Diesel", "Hybrid", "Electric"]
    statuses = ["Sold", "In Stock", "Reserved"]
    people = ["Dave Hughes", "Sandra Cole", "Raj Patel", "Megan Ellis"]
    colours = ["Black", "White", "Silver", "Grey", "Blue", "Red"]
    notes_pool = [
        "minor scratch on rear bumper",
        "full service history",
        "new tyres fitted",
        "one owner from new",
        "cambelt replaced",
        "needs MOT before sale",
        "small scratch on driver door",
        "full service history, two keys",
    ]
    forced = [dict(fuel=f, status=s) for f in fuels for s in statuses]
    forced += [dict(make="BMW", status="Sold"), dict(make="Toyota", status="Sold")]
    recs = []
    for i in range(112):
        f = forced[i] if i < len(forced) else {}
        while True:
            mk, md = rng.choice(all_models)
            if "make" in f and mk != f["make"]:
                continue
            fuel = (
                "Electric"
                if md in electric
                else "Hybrid"
                if md in hybrid_ok and rng.random() < 0.6
                else "Petrol"
                if rng.random() < 0.6
                else "Diesel"
            )
            if "fuel" in f and fuel != f["fuel"]:
                continue
            break
        year = rng.randint(2015 if fuel == "Electric" else 2012, 2022)
        age = 2024 - year
        miles = age * rng.randint(4000, 12000) + rng.randint(0, 3000)
        status = f.get("status") or rng.choices(statuses, [50, 36, 14])[0]
        acq = rdate(rng, D(2023, 9, 1), D(2024, 5, 20) if status == "Sold" else D(2024, 5, 31))
        purchase = round(22000 * mult[mk] * 0.86**age * rng.uniform(0.8, 1.1), -1)
        asking = math.ceil(purchase * rng.uniform(1.15, 1.32) / 100) * 100 - 5
        sold_d = sale = person = None
        if status == "Sold":
            sold_d = acq + dt.timedelta(days=rng.randint(7, min(100, (D(2024, 6, 28) - acq).days)))
        if status == "Sold":
            sale = asking - rng.choice([0, 0, 100, 200, 250, 300, 500, 750])
        if status in ("Sold", "Reserved"):
            person = rng.choice(people)
        recs.append(
            [
                None,
                mk,
                md,
                year,
                miles,
                fuel,
                rng.choice(colours),
                acq,
                purchase,
                asking,
                status,
                sold_d,
                sale,
                person,
                "Yes" if rng.random() < 0.25 else "No",
                rng.choice(notes_pool) if rng.random() < 0.45 else None,
            ]
        )
    recs.sort(key=lambda r: (r[7], r[1], r[2]))
    for k, r in enumerate(recs):
        r[0] = "U%d" % (1001 + k)
    header = [
        "Stock #",
        "Make",
        "Model",
        "Year",
        "Mileage (mi)",
        "Fuel",
        "Colour",
        "Date Acquired",
        "Purchase Price (£)",
        "Asking Price (£)",
        "Status",
        "Date Sold",
        "Sale Price (£)",
        "Salesperson",
        "Part Exchange",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Hillside Motors — stock & sales book"],
        blank_before={30, 75},
        formats={
            "Purchase Price (£)": "£#,##0",
            "Asking Price (£)": "£#,##0",
            "Sale Price (£)": "£#,##0",
            "Mileage (mi)": "#,##0",
        },
        text_cols=["Mileage (mi)", "Asking Price (£)"],
        n_text=5,
    )
    df = load(fname, sheet, "Stock #")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    MI, PP, AP, SP = "Mileage (mi)", "Purchase Price (£)", "Asking Price (£)", "Sale Price (£)"
    sold = df[df["Status"] == "Sold"]
    sd = df["Date Sold"]

    C.v("row_noun", "how many 2019 cars are on the list?", (df["Year"] == 2019).sum())
    sel = df.loc[df["Fuel"] == "Electric", "Stock #"]
    need(len(sel) <= 16)
    C.v("row_noun", "list the stock numbers of the electric cars", idlist(sel), unordered=True)

    C.v("status", "how many cars are reserved", (df["Status"] == "Reserved").sum())
    C.v(
        "status",
        "how many part-exchange cars has Dave Hughes sold?",
        (
            (df["Status"] == "Sold")
            & (df["Salesperson"] == "Dave Hughes")
            & yes(df["Part Exchange"])
        ).sum(),
    )
    C.v("status", "how many cars haven't been sold", (df["Status"] != "Sold").sum())

    C.v(
        "dates",
        "how many cars did we sell in Q1 2024",
        ((sd >= ts(2024, 1, 1)) & (sd <= ts(2024, 3, 31))).sum(),
    )
    C.v("dates", "cars acquired since 1 March 2024", (df["Date Acquired"] >= ts(2024, 3, 1)).sum())
    need((month(sd) == "2024-05").sum() >= 2)
    C.v("dates", "sales revenue for May 2024", df.loc[month(sd) == "2024-05", SP].sum())

    nothr(df[MI], 30000)
    C.v("quantities", "cars with under 30k miles", (df[MI] < 30000).sum())
    nothr(df[AP], 8000, 12000)
    C.v(
        "quantities",
        "how many cars are advertised between £8,000 and £12,000",
        df[AP].between(8000, 12000).sum(),
    )

    C.v(
        "superlative",
        "which salesperson sold the most cars?",
        top1(sold.groupby("Salesperson").size()),
    )
    C.v(
        "superlative",
        "which unsold car has the lowest mileage? give me the stock number",
        rowtop(df[df["Status"] != "Sold"], MI, "Stock #", largest=False),
    )
    C.v("superlative", "top 3 makes by sales revenue", topn(sold.groupby("Make")[SP].sum(), 3))

    C.v(
        "two_keys",
        "number of cars by fuel type and status",
        gdict2(df.groupby(["Fuel", "Status"]).size()),
    )

    C.v("x_by_y", "cars by colour", gdict(df.groupby("Colour").size()))
    C.v("x_by_y", "average asking price by fuel type", gdict(df.groupby("Fuel")[AP].mean()))

    C.v(
        "text_match", "how many cars have 'scratch' in the notes", has(df["Notes"], "scratch").sum()
    )
    C.v(
        "text_match",
        "which cars come with a full service history? stock numbers please",
        idlist(df.loc[has(df["Notes"], "full service history"), "Stock #"]),
        unordered=True,
    )

    s24 = df[(df["Status"] == "Sold") & (sd.dt.year == 2024)]
    C.v("derived", "total profit on cars sold in 2024", (s24[SP] - s24[PP]).sum())
    C.v("derived", "average margin per sold car", (sold[SP] - sold[PP]).mean())
    C.v(
        "derived",
        "average discount off the asking price on the cars we sold",
        (sold[AP] - sold[SP]).mean(),
    )

    C.v("plain", "average mileage of diesel cars", df.loc[df["Fuel"] == "Diesel", MI].mean())
    C.v("plain", "lowest price we paid for a car", df[PP].min())
    C.v("plain", "how many BMWs did we sell?", (sold["Make"] == "BMW").sum())

    C.clarify("plain", "what's the average price of a Ford?")
    C.clarify("x_by_y", "cars by month")
    C.clarify("plain", "total value of the reserved cars")
    C.refuse("superlative", "what's the engine size of the cheapest car?")
    C.refuse("row_noun", "how many buyers paid on finance?")
    return C


# --------------------------------------------------------------------------
# 5. podcast downloads per show (wide: one column per year)
# --------------------------------------------------------------------------
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
YC = [str(y) for y in YEARS]


def book_podcasts(seed):
    rng = random.Random(seed)
    fname, sheet = "podcast_downloads.xlsx", "Downloads"
    adjs = [
        "Morning",
        "Midnight",
        "Curious",
        "Hidden",
        "Weekend",
        "Deep",
        "Tiny",
        "Loud",
        "Quiet",
        "Open",
        "Second",
        "Wild",
        "Golden",
        "Honest",
        "Rusty",
        "Electric",
        "Paper",
        "Velvet",
    ]
    nouns = [
        "Brew",
        "Files",
        "Minds",
        "Signals",
        "Kitchen",
        "Stories",
        "Ledger",
        "Garden",
        "Frequencies",
        "Detours",
        "Pitch",
        "Archive",
        "Hour",
        "Table",
        "Lab",
    ]
    combos = [(a, n) for a in adjs for n in nouns]
    rng.shuffle(combos)
    shows = ["The %s %s" % c for c in combos[:45]]
    hosts = [
        "Maya Patel",
        "Chris Doyle",
        "Lena Fischer",
        "Sam Okafor",
        "Priya Raman",
        "Tom Walsh",
        "Joanna Kim",
        "Marcus Bell",
        "Elif Demir",
        "Hugo Laurent",
        "Nadia Brooks",
        "Owen Price",
        "Rita Alvarez",
        "Kofi Mensah",
        "Isla Grant",
        "Dev Sharma",
        "Clara Holm",
        "Ben Adler",
    ]
    genres = ["Comedy", "True Crime", "Business", "Tech", "Health", "Sports", "History"]
    forced = [dict(g=g, active=a) for g in genres for a in ("Yes", "No")]
    rng.shuffle(forced)
    notes_pool = [
        "new sponsor signed in 2023",
        "moved to weekly episodes",
        "rebranded from old title",
        "guest-heavy interview format",
        "video version on YouTube",
        "sponsor deal ended",
        "won a listener award",
    ]
    recs = []
    for i, show in enumerate(shows):
        f = forced[i] if i < len(forced) else {}
        g = f.get("g") or rng.choice(genres)
        active = f.get("active") or ("Yes" if rng.random() < 0.75 else "No")
        launched = rdate(rng, D(2016, 1, 1), D(2023, 10, 31))
        if active == "No" and launched.year > 2022:
            launched = rdate(rng, D(2016, 1, 1), D(2022, 6, 30))
        end = 2024 if active == "Yes" else rng.randint(max(launched.year, 2019), 2023)
        base = math.exp(rng.uniform(math.log(15e3), math.log(1.4e6)))
        vals = []
        level = base
        for y in YEARS:
            if y < launched.year or y > end:
                vals.append(None)
                continue
            frac = 1.0
            if y == launched.year:
                frac = (D(y, 12, 31) - launched).days / 365
            if y == end and active == "No":
                frac *= rng.uniform(0.3, 0.8)
            vals.append(int(round(level * frac)))
            level *= rng.uniform(0.75, 1.45)
        note = (
            "on hiatus"
            if active == "No" and rng.random() < 0.5
            else (rng.choice(notes_pool) if rng.random() < 0.4 else None)
        )
        recs.append([show, rng.choice(hosts), g, launched] + vals + [active, note])
    recs.sort(key=lambda r: r[0])
    header = ["Show", "Host", "Genre", "Launched"] + YEARS + ["Active", "Notes"]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Podcast network — annual downloads by show", "Source: hosting platform export"],
        blank_before={15},
        total_cols=YEARS,
        formats={y: "#,##0" for y in YEARS},
        text_cols=YEARS,
        n_text=3,
        date_fmt="dd/mm/yyyy",
    )
    df = load(fname, sheet, "Show")
    need(len(df) == 45)
    C = Cases(fname, sheet)
    tot = df[YC].sum()
    alltime = df[YC].sum(axis=1).set_axis(df["Show"])

    C.v("wide_years", "total downloads in 2022", tot["2022"])
    C.v("wide_years", "which year had the most downloads overall?", int(top1(tot)))
    C.v("wide_years", "which show had the most downloads in 2024", rowtop(df, "2024", "Show"))
    C.v(
        "wide_years",
        "percentage growth in total downloads from 2020 to 2023",
        (tot["2023"] - tot["2020"]) / tot["2020"],
    )
    need(tot["2024"] > tot["2021"])
    C.v(
        "wide_years",
        "by how much did total downloads increase between 2021 and 2024?",
        tot["2024"] - tot["2021"],
    )
    pick = df[(df["Active"] == "Yes") & df[YC].notna().all(axis=1)]["Show"].iloc[0]
    C.v("wide_years", f"all-time downloads for {pick}", alltime[pick])
    C.v("wide_years", "top 5 shows by total downloads across all years", topn(alltime, 5))
    C.v("wide_years", "average 2023 downloads per show", df["2023"].mean())
    nothr(df["2023"], 100000)
    C.v(
        "wide_years",
        "how many shows had more than 100k downloads in 2023",
        (df["2023"] > 100000).sum(),
    )
    C.v("wide_years", "2024 downloads by genre", gdict(df.groupby("Genre")["2024"].sum()))
    C.v(
        "wide_years",
        "how many shows had more downloads in 2024 than in 2023",
        (df["2024"] > df["2023"]).sum(),
    )

    hc = df.groupby("Host").size()
    host = sorted(hc[hc.between(2, 4)].index)[0]
    C.v("row_noun", f"how many shows does {host} host?", hc[host])
    sel = df.loc[df["Genre"] == "True Crime", "Show"]
    need(len(sel) <= 12)
    C.v("row_noun", "list the true crime shows", idlist(sel), unordered=True)

    C.v("status", "how many shows are no longer active", (~yes(df["Active"])).sum())
    C.v(
        "status",
        "2024 downloads for active comedy shows",
        df.loc[yes(df["Active"]) & (df["Genre"] == "Comedy"), "2024"].sum(),
    )

    la = df["Launched"]
    C.v("dates", "shows launched in 2021", (la.dt.year == 2021).sum())
    sel = df.loc[la > ts(2022, 6, 30), "Show"]
    need(1 <= len(sel) <= 10)
    C.v("dates", "which shows launched after June 2022?", idlist(sel), unordered=True)

    nothr(df["2022"], 1500000)
    n = (df["2022"] > 1500000).sum()
    need(n >= 1)
    C.v("quantities", "shows with over 1.5 million downloads in 2022", n)

    C.v(
        "superlative",
        "which host has the most 2024 downloads?",
        top1(df.groupby("Host")["2024"].sum()),
    )
    need((la == la.max()).sum() == 1)
    C.v("superlative", "what's our newest show", df.loc[la.idxmax(), "Show"])

    C.v(
        "two_keys",
        "number of shows by genre and whether they're still active",
        gdict2(df.groupby(["Genre", "Active"]).size()),
    )

    C.v("x_by_y", "shows per genre", gdict(df.groupby("Genre").size()))

    C.v(
        "text_match",
        "how many shows have notes mentioning a sponsor?",
        has(df["Notes"], "sponsor").sum(),
    )

    C.v(
        "derived",
        "what share of 2024 downloads came from comedy",
        df.loc[df["Genre"] == "Comedy", "2024"].sum() / tot["2024"],
    )

    C.v("plain", "how many podcasts are there in total?", len(df))

    C.clarify("x_by_y", "how many downloads did the comedy shows get?")
    C.clarify("superlative", "which show is the most popular?")
    C.refuse("plain", "what's the average episode length per show")
    C.refuse("plain", "how many listeners are in the US?")
    return C


# --------------------------------------------------------------------------
# 6. dog grooming appointments
# --------------------------------------------------------------------------
def book_grooming(seed):
    rng = random.Random(seed)
    fname, sheet = "dog_grooming.xlsx", "Appointments"
    dog_names = [
        "Rosie",
        "Max",
        "Bella",
        "Bella",
        "Charlie",
        "Luna",
        "Teddy",
        "Milo",
        "Daisy",
        "Buddy",
        "Poppy",
        "Alfie",
        "Ruby",
        "Archie",
        "Coco",
        "Bailey",
        "Willow",
        "Oscar",
        "Nala",
        "Winston",
        "Pepper",
        "Biscuit",
        "Maple",
        "Ziggy",
        "Hugo",
        "Olive",
        "Rocco",
        "Skye",
        "Frankie",
        "Mabel",
        "Bruno",
        "Sasha",
        "Toby",
        "Rolo",
        "Juno",
        "Marley",
        "Peanut",
        "Dexter",
        "Honey",
        "Loki",
        "Cooper",
        "Penny",
        "Rufus",
        "Tilly",
        "Monty",
        "Pip",
        "Scout",
        "Bonnie",
    ]
    breeds = {
        "Labrador": (25, 36),
        "Cockapoo": (7, 13),
        "Shih Tzu": (4, 8),
        "Poodle": (20, 32),
        "Spaniel": (12, 20),
        "Dachshund": (5, 11),
        "Golden Retriever": (26, 38),
        "Border Collie": (14, 22),
        "Schnauzer": (6, 9.5),
        "Husky": (18, 28),
        "French Bulldog": (9, 14),
    }
    owners = [
        "Helen Carter",
        "Mark Evans",
        "Sophie Turner",
        "Raj Malhotra",
        "Lucy Grant",
        "Owen Hughes",
        "Fiona Blake",
        "Greg Dawson",
        "Amy Chen",
        "Paul Wright",
        "Nina Okafor",
        "Dan Harper",
        "Kate Morris",
        "Ian Fletcher",
        "Zara Ahmed",
        "Tim Baker",
        "Ellie Ward",
        "Sean Murphy",
        "Laura Price",
        "Mike Doyle",
        "Jenny Hall",
        "Chris Lamb",
        "Ruth Simmons",
        "Adam Reed",
        "Holly Fox",
        "Victor Lane",
        "Gemma Stone",
        "Neil Parsons",
        "Tessa Young",
        "Rob Kelly",
        "Anita Das",
        "Joe Marsh",
        "Wendy Cross",
        "Luke Bishop",
        "Mia Russo",
        "Sam Holt",
        "Olga Berg",
        "Frank Moss",
        "Carla Diaz",
        "Henry Webb",
    ]
    domains, dwt = (
        ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "hotmail.co.uk"],
        [40, 20, 15, 15, 10],
    )
    email = {
        o: "%s.%s@%s" % (o.split()[0].lower(), o.split()[1].lower(), rng.choices(domains, dwt)[0])
        for o in owners
    }
    dogs = []
    for k, name in enumerate(dog_names):
        if name == "Biscuit" or name == "Pepper":
            owner = "Helen Carter"
        elif k < 40:
            owner = owners[k] if owners[k] != "Helen Carter" else owners[-1]
        else:
            owner = rng.choice(owners[1:])
        breed = rng.choice(list(breeds))
        lo, hi = breeds[breed]
        dogs.append(
            dict(
                name=name,
                owner=owner,
                breed=breed,
                w=round(rng.uniform(lo, hi), 1),
                freq=rng.uniform(0.3, 2.0),
            )
        )
    need(dogs[2]["owner"] != dogs[3]["owner"])
    services = ["Full Groom", "Bath & Brush", "Nail Trim", "Puppy Trim", "De-shedding"]
    base = {
        "Full Groom": 52,
        "Bath & Brush": 36,
        "Nail Trim": 14,
        "Puppy Trim": 33,
        "De-shedding": 46,
    }
    dur = {
        "Full Groom": (90, 105, 120),
        "Bath & Brush": (45, 60, 75),
        "Nail Trim": (15, 15, 15),
        "Puppy Trim": (60, 60, 60),
        "De-shedding": (75, 90, 105),
    }
    groomers = ["Jess", "Carlos", "Amira", "Ben"]
    slots = ["09:00", "10:30", "12:00", "13:30", "15:00"]
    notes_pool = [
        "matted coat, extra time",
        "nervous with clippers",
        "allergic to oatmeal shampoo",
        "bring own lead",
        "nipped groomer, muzzle next time",
        "ear infection noted, told owner",
        "badly matted behind ears",
    ]
    forced = [dict(g=g, s=s) for g in groomers for s in services]
    forced += [dict(dog=0)] * 3
    recs = []
    for i in range(176):
        f = forced[i] if i < len(forced) else {}
        dog = dogs[f["dog"]] if "dog" in f else rng.choices(dogs, [d["freq"] for d in dogs])[0]
        svc = f.get("s") or rng.choices(services, [35, 30, 15, 8, 12])[0]
        grm = f.get("g") or rng.choice(groomers)
        day = rdate(rng, D(2024, 3, 1), D(2024, 8, 31), no_sunday=True)
        tier = 0 if dog["w"] < 10 else 1 if dog["w"] < 25 else 2
        price = base[svc] + (0 if svc == "Nail Trim" and tier < 2 else [0, 12, 25][tier])
        duration = dur[svc][tier] + rng.choice([0, 0, 15])
        if day >= D(2024, 8, 24):
            status = "Booked"
        else:
            status = rng.choices(["Completed", "Cancelled", "No-show"], [85, 9, 6])[0]
        tip = None
        if status == "Completed" and rng.random() < 0.55:
            tip = round(rng.uniform(2, 15) * 2) / 2
        paid = "Yes" if status == "Completed" and rng.random() < 0.92 else "No"
        notes = rng.choice(notes_pool) if rng.random() < 0.3 else None
        recs.append(
            [
                day,
                rng.choice(slots),
                dog["name"],
                dog["breed"],
                dog["owner"],
                email[dog["owner"]],
                dog["w"],
                svc,
                grm,
                duration,
                price,
                tip,
                status,
                paid,
                notes,
            ]
        )
    recs.sort(key=lambda r: (r[0], r[1], r[8]))
    header = [
        "Date",
        "Time",
        "Dog",
        "Breed",
        "Owner",
        "Owner Email",
        "Weight (kg)",
        "Service",
        "Groomer",
        "Duration (min)",
        "Price ($)",
        "Tip ($)",
        "Status",
        "Paid",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Paws & Suds Grooming — Appointment Book", "March to August 2024"],
        blank_before={20, 77, 140},
        formats={"Price ($)": "$#,##0.00", "Tip ($)": "$#,##0.00"},
        text_cols=["Price ($)"],
        n_text=3,
        date_fmt="ddd dd/mm/yyyy",
    )
    df = load(fname, sheet, "Date")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    P, TP, W, DU = "Price ($)", "Tip ($)", "Weight (kg)", "Duration (min)"
    day = df["Date"]
    done = df["Status"] == "Completed"

    C.v("row_noun", "how many appointments are there for Rosie?", (df["Dog"] == "Rosie").sum())
    C.v(
        "row_noun",
        "list the dogs owned by Helen Carter",
        ulist(df.loc[df["Owner"] == "Helen Carter", "Dog"]),
        unordered=True,
    )

    C.v("status", "how many no-shows were there?", (df["Status"] == "No-show").sum())
    C.v("status", "completed appointments that haven't been paid", (done & ~yes(df["Paid"])).sum())
    C.v(
        "status",
        "how many cancelled bookings did Jess have",
        ((df["Status"] == "Cancelled") & (df["Groomer"] == "Jess")).sum(),
    )
    C.v("status", "how many appointments are still upcoming?", (df["Status"] == "Booked").sum())

    C.v("dates", "appointments in july", (day.dt.month == 7).sum())
    jc = day[day.dt.month == 6].value_counts()
    pick = sorted(jc[jc == 3].index)[len(jc[jc == 3]) // 2] if (jc == 3).any() else need(False)
    C.v("dates", "how many appointments did we have on %d June?" % pick.day, (day == pick).sum())
    C.v(
        "dates",
        "how much did we charge for completed appointments from April to June",
        df.loc[done & day.dt.month.between(4, 6), P].sum(),
    )

    nothr(df[W], 30)
    C.v("quantities", "appointments for dogs over 30 kg", (df[W] > 30).sum())
    nothr(df[P], 60)
    C.v("quantities", "how many appointments cost $60 or more", (df[P] >= 60).sum())

    C.v("superlative", "which groomer got the most tips", top1(df.groupby("Groomer")[TP].sum()))
    C.v(
        "superlative", "top 3 breeds by number of appointments", topn(df.groupby("Breed").size(), 3)
    )
    dw = df.drop_duplicates(["Dog", "Owner"]).set_index(["Dog", "Owner"])[W]
    heavy = top1(dw)
    need(heavy[0] != "Bella")
    C.v("superlative", "who is the heaviest dog?", heavy[0])

    C.v(
        "two_keys",
        "appointments by groomer and service",
        gdict2(df.groupby(["Groomer", "Service"]).size()),
    )
    C.v(
        "two_keys",
        "tips by groomer and month",
        gdict2(df.groupby([df["Groomer"], month(day)])[TP].sum()),
    )

    C.v("x_by_y", "average price by service", gdict(df.groupby("Service")[P].mean()))
    C.v("x_by_y", "appointments per groomer", gdict(df.groupby("Groomer").size()))

    C.v(
        "text_match",
        "how many appointment notes mention matted fur?",
        has(df["Notes"], "matted").sum(),
    )
    C.v(
        "text_match",
        "how many owners have a gmail address",
        df.loc[has(df["Owner Email"], "@gmail."), "Owner"].nunique(),
    )

    aug = df[done & (day.dt.month == 8)]
    C.v(
        "derived",
        "total takings including tips for completed appointments in August",
        aug[P].sum() + aug[TP].fillna(0).sum(),
    )
    dd = df[done]
    C.v(
        "derived",
        "revenue per grooming hour for completed appointments",
        dd[P].sum() / (dd[DU].sum() / 60),
    )

    C.v("plain", "average appointment length in minutes", df[DU].mean())
    need((df["Breed"] == "Poodle").any())
    C.v(
        "plain",
        "longest appointment for a poodle (minutes)",
        df.loc[df["Breed"] == "Poodle", DU].max(),
    )

    C.clarify("dates", "how much did we make in June?")
    C.clarify("row_noun", "how many appointments did Bella have?")
    C.refuse("plain", "what's the average age of the dogs?")
    C.refuse("row_noun", "which vet does each dog go to?")
    return C


# --------------------------------------------------------------------------
# 7. courier deliveries (table starts in column B)
# --------------------------------------------------------------------------
def book_courier(seed):
    rng = random.Random(seed)
    fname, sheet = "courier_deliveries.xlsx", "Deliveries"
    drivers = [
        "Marc Dubois",
        "Marc Leroy",
        "Sophie Martin",
        "Karim Benali",
        "Julie Moreau",
        "Luc Bernard",
    ]
    cities = ["Lyon", "Paris", "Nantes", "Lille", "Bordeaux", "Toulouse"]
    cw = [24, 22, 14, 14, 13, 13]
    custs = {
        "Lyon": ["Boulangerie Petit", "Pharmacie Centrale", "Atelier Roux", "Café des Arts"],
        "Paris": ["Librairie Marais", "Studio Lumière", "Fromagerie Dupont", "Optique Vision"],
        "Nantes": ["Garage Atlantique", "Fleurs de Loire", "Cabinet Morel"],
        "Lille": ["Brasserie du Nord", "Imprimerie Flandre", "Cycles Vauban"],
        "Bordeaux": ["Cave Saint-Pierre", "Épicerie Garonne", "Clinique Vétérinaire Sud"],
        "Toulouse": ["Aéro Pièces", "Boutique Rose", "Cordonnerie Capitole"],
    }
    notes_pool = [
        "left with neighbour",
        "customer not home, card left",
        "damaged packaging on arrival",
        "address incorrect, called customer",
        "gate code needed",
        "left in safe place",
        "left with neighbour at no. 12",
    ]
    forced = [dict(d=d, c=c) for d in drivers for c in cities]
    recs = []
    for i in range(192):
        f = forced[i] if i < len(forced) else {}
        drv = f.get("d") or rng.choice(drivers)
        city = f.get("c") or rng.choices(cities, cw)[0]
        day = rdate(rng, D(2024, 2, 1), D(2024, 5, 31), no_sunday=True)
        parcels = rng.choices(range(1, 9), [30, 22, 15, 10, 8, 6, 5, 4])[0]
        weight = round(parcels * rng.uniform(0.3, 6.0), 1)
        dist = round(rng.uniform(2, 85), 1)
        express = "Yes" if rng.random() < 0.25 else "No"
        fee = round(6 + 0.25 * dist + 0.6 * weight + (8 if express == "Yes" else 0), 2)
        if day >= D(2024, 5, 28) and rng.random() < 0.5:
            status = "In Transit"
        else:
            status = rng.choices(["Delivered", "Failed", "Returned"], [86, 9, 5])[0]
        signed = "Yes" if status == "Delivered" and rng.random() < 0.7 else "No"
        if status == "Failed" and rng.random() < 0.6:
            note = "customer not home, card left"
        else:
            note = rng.choice(notes_pool) if rng.random() < 0.33 else None
        recs.append(
            [
                None,
                day,
                drv,
                city,
                rng.choice(custs[city]),
                parcels,
                weight,
                dist,
                fee,
                express,
                status,
                signed,
                note,
            ]
        )
    recs.sort(key=lambda r: (r[1], r[2]))
    nums = rng.sample(range(1000000, 9999999), len(recs))
    for k, r in enumerate(recs):
        r[0] = "FR%d" % nums[k]
    header = [
        "Tracking No",
        "Date",
        "Driver",
        "City",
        "Customer",
        "Parcels",
        "Weight kg",
        "Distance km",
        "Fee (€)",
        "Express",
        "Status",
        "Signed",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        start_col=2,
        title=["Rapide Couriers — Delivery Log", "February – May 2024"],
        blank_before={97},
        total_cols=["Parcels", "Weight kg", "Distance km", "Fee (€)"],
        formats={"Fee (€)": "€#,##0.00"},
        text_cols=["Weight kg", "Fee (€)"],
        n_text=4,
    )
    df = load(fname, sheet, "Tracking No")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    day = df["Date"]
    W, KM, FEE = "Weight kg", "Distance km", "Fee (€)"

    C.v("row_noun", "how many deliveries went to Lyon?", (df["City"] == "Lyon").sum())
    C.v(
        "row_noun",
        "which customers had deliveries in Nantes",
        ulist(df.loc[df["City"] == "Nantes", "Customer"]),
        unordered=True,
    )

    C.v("status", "failed deliveries", (df["Status"] == "Failed").sum())
    C.v(
        "status",
        "express deliveries that weren't delivered",
        (yes(df["Express"]) & (df["Status"] != "Delivered")).sum(),
    )
    C.v("status", "how many deliveries weren't signed for?", (~yes(df["Signed"])).sum())

    fc = day[day.dt.month == 2].value_counts()
    cand = sorted(fc[fc.between(2, 4)].index)
    need(cand)
    pick = cand[len(cand) // 2]
    C.v("dates", "deliveries on %d Feb" % pick.day, (day == pick).sum())
    C.v(
        "dates",
        "how many parcels did we move in the second quarter",
        df.loc[day.dt.quarter == 2, "Parcels"].sum(),
    )
    C.v("dates", "fees earned since April 15", df.loc[day >= ts(2024, 4, 15), FEE].sum())
    C.v("dates", "number of deliveries from February to March", day.dt.month.isin([2, 3]).sum())

    nothr(df[W], 5)
    C.v("quantities", "deliveries under 5 kg", (df[W] < 5).sum())
    nothr(df[KM], 40)
    C.v("quantities", "how many runs were longer than forty km?", (df[KM] > 40).sum())
    nothr(df[FEE], 15, 30)
    C.v("quantities", "deliveries with a fee between €15 and €30", df[FEE].between(15, 30).sum())

    C.v(
        "superlative",
        "which driver covered the most distance?",
        top1(df.groupby("Driver")[KM].sum()),
    )
    C.v("superlative", "tracking number of the heaviest delivery", rowtop(df, W, "Tracking No"))
    C.v("superlative", "top 4 cities by number of deliveries", topn(df.groupby("City").size(), 4))

    C.v("two_keys", "deliveries by driver and city", gdict2(df.groupby(["Driver", "City"]).size()))
    C.v(
        "two_keys",
        "fees by city and month",
        gdict2(df.groupby([df["City"], month(day)])[FEE].sum()),
    )

    C.v("x_by_y", "average weight by city", gdict(df.groupby("City")[W].mean()))
    C.v("x_by_y", "total fees per driver", gdict(df.groupby("Driver")[FEE].sum()))

    C.v(
        "text_match",
        "how many deliveries were left with a neighbour?",
        has(df["Notes"], "neighbour").sum(),
    )
    C.v("text_match", "deliveries with damaged packaging", has(df["Notes"], "damaged").sum())

    C.v("derived", "what's our overall fee per km?", df[FEE].sum() / df[KM].sum())
    C.v("derived", "average weight per parcel overall", df[W].sum() / df["Parcels"].sum())

    C.v("plain", "average delivery fee", df[FEE].mean())
    C.v(
        "plain",
        "total weight carried by Sophie Martin in March",
        df.loc[(df["Driver"] == "Sophie Martin") & (day.dt.month == 3), W].sum(),
    )

    C.clarify("row_noun", "how many deliveries did Marc do?")
    C.clarify("plain", "what's the average per delivery?")
    C.refuse("plain", "what time was each parcel delivered?")
    C.refuse("row_noun", "which vans need a service?")
    return C


# --------------------------------------------------------------------------
# 8. grant applications to a foundation
# --------------------------------------------------------------------------
def book_grants(seed):
    rng = random.Random(seed)
    fname, sheet = "grant_applications.xlsx", "Applications"
    orgs = [
        "Green Roots Trust",
        "Green Roots Foundation",
        "Riverside Youth Club",
        "Northgate Arts Collective",
        "Hope Street Food Bank",
        "Brightside Carers Network",
        "Eastfield Community Centre",
        "The Lantern Theatre",
        "Oakwood Primary PTA",
        "Silver Threads Seniors",
        "Canal Corridor Partnership",
        "Open Doors Refugee Support",
        "Millbrook Allotment Society",
        "Harbour Music School",
        "Westside Boxing Club",
        "Parkview Tenants Association",
        "Kindred Mental Health",
        "St Anne's Parish Hall",
        "Coastal Wildlife Rescue",
        "Digital Bridge CIC",
        "Meadowbank Library Friends",
        "Fairshare Credit Union",
        "Stepping Stones Nursery",
        "Valley Rivers Trust",
        "Urban Bees Project",
        "Clearwater Swimming Club",
        "Heritage Mill Museum",
        "Next Chapter Literacy",
        "Open Road Cycling",
        "Sunrise Dementia Café",
        "Pathways Mentoring",
        "Little Hands Playgroup",
        "Tidewater Rowing Club",
        "Common Ground Co-op",
    ]
    ow = [rng.choice([1, 1, 1, 2, 3, 4]) for _ in orgs]
    org_new = {o: rng.random() < 0.4 for o in orgs}
    progs = ["Arts", "Education", "Environment", "Health", "Community"]
    titles = {
        "Arts": [
            "Youth Theatre Summer School",
            "Community Mural Project",
            "Local Film Festival",
            "Music Lessons for Refugees",
        ],
        "Education": [
            "Digital Skills for Seniors",
            "After-School Maths Club",
            "Youth Coding Bootcamp",
            "Adult Literacy Classes",
        ],
        "Environment": [
            "River Clean-up Volunteers",
            "Community Garden Expansion",
            "School Garden & Composting",
            "Tree Planting on Estates",
        ],
        "Health": [
            "Youth Mental Health Peer Support",
            "Dementia Café",
            "Walking Group for Carers",
            "Healthy Cooking on a Budget",
        ],
        "Community": [
            "Food Bank Van",
            "Garden Tool Library",
            "Youth Club Refurbishment",
            "Warm Space Winter Programme",
        ],
    }
    reviewers = ["Alice Moreno", "Ben Okoro", "Claire Dunn", "Dev Mehta", "Eva Lindqvist"]
    decisions = ["Approved", "Declined", "Pending", "Withdrawn"]
    forced = [dict(p=p, dec=d) for p in progs for d in decisions]
    forced += [dict(p=p, rev=r) for p in progs for r in reviewers]
    recs = []
    for i in range(108):
        f = forced[i] if i < len(forced) else {}
        org = rng.choices(orgs, ow)[0]
        prog = f.get("p") or rng.choice(progs)
        dec = f.get("dec")
        if dec == "Pending":
            sub = rdate(rng, D(2024, 4, 15), D(2024, 6, 28))
        elif dec:
            sub = rdate(rng, D(2023, 7, 3), D(2024, 4, 10))
        else:
            sub = rdate(rng, D(2023, 7, 3), D(2024, 6, 28))
            if sub > D(2024, 5, 15):
                dec = "Pending" if rng.random() < 0.85 else "Withdrawn"
            else:
                dec = rng.choices(decisions, [40, 45, 10, 5])[0]
        req = int(round(math.exp(rng.uniform(math.log(3000), math.log(120000))), -1))
        ddate = awarded = score = None
        if dec in ("Approved", "Declined"):
            ddate = sub + dt.timedelta(days=rng.randint(21, 80))
            if ddate > D(2024, 6, 30):
                ddate = D(2024, 6, 30) - dt.timedelta(days=rng.randint(0, 10))
        if dec == "Approved":
            awarded = int(round(req * rng.uniform(0.5, 1.0), -2))
            score = round(rng.uniform(68, 97), 1)
        elif dec == "Declined":
            score = round(rng.uniform(28, 74), 1)
        recs.append(
            [
                None,
                org,
                prog,
                rng.choice(titles[prog]),
                sub,
                req,
                dec,
                ddate,
                awarded,
                f.get("rev") or rng.choice(reviewers),
                score,
                None,
            ]
        )
    recs.sort(key=lambda r: (r[4], r[1]))
    seen = set()
    for k, r in enumerate(recs):
        r[0] = "G%02d-%03d" % (r[4].year % 100, k + 1)
        r[11] = "Yes" if (org_new[r[1]] and r[1] not in seen) else "No"
        seen.add(r[1])
    header = [
        "Ref",
        "Organisation",
        "Programme",
        "Project Title",
        "Submitted",
        "Requested ($)",
        "Decision",
        "Decision Date",
        "Awarded ($)",
        "Reviewer",
        "Score",
        "First-time Applicant",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Fairweather Foundation — grant applications 2023/24"],
        blank_before={33, 71},
        formats={"Requested ($)": "$#,##0", "Awarded ($)": "$#,##0"},
        text_cols=["Requested ($)", "Awarded ($)"],
        n_text=4,
        date_fmt="d mmm yyyy",
    )
    df = load(fname, sheet, "Ref")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    RQ, AW = "Requested ($)", "Awarded ($)"
    sub = df["Submitted"]
    appr = df[df["Decision"] == "Approved"]

    oc = df.groupby("Organisation").size()
    org = sorted(o for o in oc[oc.between(2, 4)].index if not o.startswith("Green Roots"))[0]
    C.v("row_noun", f"how many applications did {org} submit?", oc[org])
    sel = ulist(df.loc[df["Programme"] == "Environment", "Organisation"])
    need(len(sel) <= 16)
    C.v(
        "row_noun",
        "list the organisations that applied to the Environment programme",
        sel,
        unordered=True,
    )

    C.v("status", "how many applications were declined?", (df["Decision"] == "Declined").sum())
    C.v("status", "pending applications", (df["Decision"] == "Pending").sum())
    C.v(
        "status",
        "total awarded to first-time applicants",
        df.loc[yes(df["First-time Applicant"]), AW].sum(),
    )

    C.v(
        "dates",
        "applications submitted in the second half of 2023",
        ((sub >= ts(2023, 7, 1)) & (sub <= ts(2023, 12, 31))).sum(),
    )
    C.v(
        "dates",
        "how many applications did we receive in Jan 2024?",
        (month(sub) == "2024-01").sum(),
    )
    C.v(
        "dates",
        "total requested between October and December 2023",
        df.loc[(sub >= ts(2023, 10, 1)) & (sub <= ts(2023, 12, 31)), RQ].sum(),
    )

    nothr(df[RQ], 50000, 10000, 20000)
    C.v("quantities", "applications asking for more than $50k", (df[RQ] > 50000).sum())
    nothr(df[AW], 25000)
    C.v("quantities", "approved grants of $25,000 or less", (appr[AW] <= 25000).sum())
    C.v(
        "quantities",
        "how many requests were between 10k and 20k?",
        df[RQ].between(10000, 20000).sum(),
    )

    C.v(
        "superlative",
        "which organisation has been awarded the most in total?",
        top1(df.groupby("Organisation")[AW].sum()),
    )
    C.v("superlative", "highest scoring application - give me the ref", rowtop(df, "Score", "Ref"))
    C.v(
        "superlative",
        "top 3 programmes by total awarded",
        topn(df.groupby("Programme")[AW].sum(), 3),
    )

    C.v(
        "two_keys",
        "applications by programme and decision",
        gdict2(df.groupby(["Programme", "Decision"]).size()),
    )
    C.v(
        "two_keys",
        "number of applications per reviewer and programme",
        gdict2(df.groupby(["Reviewer", "Programme"]).size()),
    )

    C.v("x_by_y", "average score by reviewer", gdict(df.groupby("Reviewer")["Score"].mean()))
    C.v("x_by_y", "total requested by programme", gdict(df.groupby("Programme")[RQ].sum()))

    C.v(
        "text_match",
        "applications with 'youth' in the project title",
        has(df["Project Title"], "youth").sum(),
    )
    C.v(
        "text_match",
        "list the refs whose project title mentions garden",
        idlist(df.loc[has(df["Project Title"], "garden"), "Ref"]),
        unordered=True,
    )

    C.v("derived", "what share of all applications were approved", len(appr) / len(df))
    C.v(
        "derived",
        "across approved applications, what fraction of the requested money was awarded?",
        appr[AW].sum() / appr[RQ].sum(),
    )
    C.v(
        "derived",
        "average days from submission to decision",
        (df["Decision Date"] - sub).dt.days.mean(),
    )

    C.v("plain", "average grant awarded", df[AW].mean())
    C.v("plain", "biggest amount anyone asked for", df[RQ].max())

    C.clarify("plain", "total amount for the Health programme")
    C.clarify("row_noun", "show the applications from Green Roots")
    C.clarify("plain", "what's the average amount per application?")
    C.refuse("x_by_y", "how many staff does each organisation have")
    C.refuse("row_noun", "which applicants are registered charities?")
    return C


# --------------------------------------------------------------------------
# 9. cinema screenings and ticket sales
# --------------------------------------------------------------------------
def book_cinema(seed):
    rng = random.Random(seed)
    fname, sheet = "cinema_screenings.xlsx", "Screenings"
    films = {
        "Cosmic Drift": ("Sci-Fi", True, 0.95),
        "Iron Harbour": ("Action", True, 0.8),
        "Neon Saints": ("Action", False, 0.7),
        "The Last Lighthouse": ("Drama", False, 0.55),
        "Quiet Hours": ("Drama", False, 0.4),
        "Midnight Orchard": ("Horror", False, 0.6),
        "Paper Tigers": ("Comedy", False, 0.65),
        "Little Fox": ("Animation", True, 0.75),
        "Wild Meadow": ("Animation", False, 0.5),
        "The Glass Crown": ("Fantasy", True, 0.85),
    }
    seats = {1: 220, 2: 160, 3: 120, 4: 90, 5: 60}
    genres = sorted({g for g, _, _ in films.values()})
    notes_pool = [
        "projector fault, 10 min delay",
        "school group booking",
        "Q&A with director after film",
        "subtitled screening",
        "parent & baby screening",
        "sound issue, two refunds",
        "projector bulb replaced",
    ]
    forced = [dict(film=fm, m=m) for fm in films for m in (1, 2, 3)]
    forced += [dict(screen=s, genre=g) for s in seats for g in genres]
    recs = []
    for i in range(172):
        f = forced[i] if i < len(forced) else {}
        if "film" in f:
            film = f["film"]
        elif "genre" in f:
            film = rng.choice([k for k, v in films.items() if v[0] == f["genre"]])
        else:
            film = rng.choices(list(films), [v[2] for v in films.values()])[0]
        genre, can3d, pop = films[film]
        screen = f.get("screen") or rng.choice(list(seats))
        if "m" in f:
            day = rdate(rng, D(2024, f["m"], 1), month_end(2024, f["m"]))
        else:
            day = rdate(rng, D(2024, 1, 1), D(2024, 3, 31))
        start = rng.choice(["13:00", "15:45", "18:30", "20:45"])
        is3d = can3d and rng.random() < 0.5
        evening = start in ("18:30", "20:45")
        price = 6.5 if day.weekday() == 1 else (11.5 if evening else 8.5)
        if is3d:
            price += 2.5
        cap = seats[screen]
        tickets = min(cap, int(cap * pop * rng.uniform(0.12, 1.25) * (1.15 if evening else 0.8)))
        conc = round(tickets * rng.uniform(2.2, 5.8), 2)
        recs.append(
            [
                day,
                start,
                film,
                genre,
                screen,
                cap,
                tickets,
                price,
                "Yes" if is3d else "No",
                "Yes" if tickets == cap else "No",
                conc,
                rng.choice(notes_pool) if rng.random() < 0.25 else None,
            ]
        )
    recs.sort(key=lambda r: (r[0], r[1], r[4]))
    header = [
        "Date",
        "Start",
        "Film",
        "Genre",
        "Screen",
        "Seats",
        "Tickets Sold",
        "Ticket Price (£)",
        "3D",
        "Sold Out",
        "Concessions (£)",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Riverside Picturehouse — Screenings Q1 2024", "Box office & concessions"],
        blank_before={58},
        total_cols=["Tickets Sold", "Concessions (£)"],
        formats={"Ticket Price (£)": "£0.00", "Concessions (£)": "£#,##0.00"},
        text_cols=["Tickets Sold"],
        n_text=3,
        date_fmt="ddd d mmm yyyy",
    )
    df = load(fname, sheet, "Date")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    day = df["Date"]
    TS, PR, CO = "Tickets Sold", "Ticket Price (£)", "Concessions (£)"
    rev = df[TS] * df[PR]

    C.v(
        "row_noun",
        "how many screenings of Cosmic Drift were there?",
        (df["Film"] == "Cosmic Drift").sum(),
    )
    C.v(
        "row_noun",
        "list the films shown in 3D",
        ulist(df.loc[yes(df["3D"]), "Film"]),
        unordered=True,
    )

    n = yes(df["Sold Out"]).sum()
    need(n >= 2)
    C.v("status", "how many screenings sold out?", n)
    C.v(
        "status",
        "2D screenings of Iron Harbour",
        ((df["Film"] == "Iron Harbour") & ~yes(df["3D"])).sum(),
    )

    fc = day[day.dt.month == 2].value_counts()
    cand = sorted(fc[fc.between(2, 4)].index)
    need(cand)
    pick = cand[len(cand) // 2]
    C.v("dates", "screenings on %d feb" % pick.day, (day == pick).sum())
    C.v("dates", "tickets sold in February", df.loc[day.dt.month == 2, TS].sum())
    C.v(
        "dates",
        "tickets sold from 1 to 15 March",
        df.loc[(day >= ts(2024, 3, 1)) & (day <= ts(2024, 3, 15)), TS].sum(),
    )

    nothr(df[TS], 20)
    C.v("quantities", "screenings with fewer than 20 tickets sold", (df[TS] < 20).sum())
    nothr(df[PR], 12)
    C.v("quantities", "how many screenings had tickets priced above £12?", (df[PR] > 12).sum())

    C.v(
        "superlative",
        "which film sold the most tickets overall",
        top1(df.groupby("Film")[TS].sum()),
    )
    C.v("superlative", "top 3 films by box office", topn(rev.groupby(df["Film"]).sum(), 3))
    C.v(
        "superlative",
        "which screen had the lowest average attendance?",
        int(top1(df.groupby("Screen")[TS].mean(), largest=False)),
    )

    C.v(
        "two_keys",
        "tickets sold by film and month",
        gdict2(df.groupby([df["Film"], month(day)])[TS].sum()),
    )
    C.v(
        "two_keys",
        "number of screenings by screen and genre",
        gdict2(df.groupby(["Screen", "Genre"]).size()),
    )

    C.v("x_by_y", "tickets by genre", gdict(df.groupby("Genre")[TS].sum()))
    C.v("x_by_y", "average ticket price by film", gdict(df.groupby("Film")[PR].mean()))

    C.v(
        "text_match",
        "screenings whose notes mention the projector",
        has(df["Notes"], "projector").sum(),
    )
    C.v(
        "text_match",
        "which films had a Q&A",
        ulist(df.loc[has(df["Notes"], "Q&A"), "Film"]),
        unordered=True,
    )

    C.v("derived", "total box office revenue", rev.sum())
    C.v(
        "derived",
        "overall occupancy - tickets sold as a share of seats available",
        df[TS].sum() / df["Seats"].sum(),
    )
    C.v(
        "derived",
        "how much did Neon Saints take at the box office in March",
        rev[(df["Film"] == "Neon Saints") & (day.dt.month == 3)].sum(),
    )

    C.v("plain", "average tickets sold per screening", df[TS].mean())
    s3 = df.loc[df["Screen"] == 3, "Seats"]
    need(s3.nunique() == 1)
    C.v("plain", "how many seats are in screen 3", s3.iloc[0])
    C.v("plain", "total concession sales in January", df.loc[day.dt.month == 1, CO].sum())

    C.clarify("dates", "what were total sales in March?")
    C.clarify("plain", "average sales per screening")
    C.refuse("plain", "what's the average age of the audience?")
    C.refuse("row_noun", "which films are rated 15?")
    return C


# --------------------------------------------------------------------------
# 10. hardware store purchase orders to suppliers
# --------------------------------------------------------------------------
def book_hardware(seed):
    rng = random.Random(seed)
    fname, sheet = "hardware_purchase_orders.xlsx", "Purchase Orders"
    items = {
        "Tools": [
            ("Claw Hammer", 6.80),
            ("Cordless Drill 18V", 48.00),
            ("Tape Measure 5m", 3.20),
            ("Spirit Level 600mm", 7.50),
        ],
        "Paint": [
            ("White Emulsion 5L", 14.20),
            ("Masonry Paint 10L", 27.90),
            ("Paint Roller Set", 4.10),
        ],
        "Plumbing": [
            ("15mm Copper Pipe 3m", 9.40),
            ("PTFE Tape", 0.35),
            ("Compression Elbow 15mm", 1.15),
        ],
        "Electrical": [("LED Bulb E27", 1.45), ("13A Plug", 0.95), ("Extension Lead 4-way", 6.30)],
        "Garden": [("Compost 50L", 3.10), ("Garden Hose 30m", 12.60), ("Pruning Shears", 8.90)],
        "Fasteners": [
            ("Wood Screws (box of 200)", 2.40),
            ("Wall Plugs (pack of 100)", 0.85),
            ("Coach Bolts M10", 0.42),
        ],
    }
    sup_cats = {
        "Acme Tools Ltd": ["Tools", "Fasteners"],
        "BuildRight Supplies": ["Plumbing", "Fasteners", "Tools"],
        "Fixit Wholesale": ["Plumbing", "Electrical", "Paint"],
        "GreenThumb Distributors": ["Garden"],
        "BrightSpark Electrical": ["Electrical"],
        "Nordic Paints": ["Paint"],
    }
    cats = list(items)
    sups = list(sup_cats)
    statuses = ["Open", "Received", "Cancelled"]
    notes_pool = [
        "urgent - spring rush",
        "backordered item, ETA 2 weeks",
        "price increase from supplier",
        "wrong colour delivered, swapped",
        "split delivery",
        "confirm by phone before dispatch",
        "URGENT: customer special order",
    ]
    forced = [dict(s=s, st=st) for s in sups for st in statuses]
    forced += [dict(c=c, m=m) for c in cats for m in range(1, 7)]
    recs = []
    for i in range(146):
        f = forced[i] if i < len(forced) else {}
        if "c" in f:
            cat = f["c"]
            sup = rng.choice([s for s in sups if cat in sup_cats[s]])
        else:
            sup = f.get("s") or rng.choice(sups)
            cat = rng.choice(sup_cats[sup])
        item, cost = rng.choice(items[cat])
        cost = round(cost * rng.uniform(0.93, 1.07), 2)
        qty = rng.randint(2, 60) * 12 if cost < 5 else rng.randint(4, 60)
        st = f.get("st")
        if "m" in f:
            od = rdate(rng, D(2024, f["m"], 1), min(month_end(2024, f["m"]), D(2024, 6, 10)))
        elif st == "Received":
            od = rdate(rng, D(2024, 1, 2), D(2024, 5, 31))
        else:
            od = rdate(rng, D(2024, 1, 2), D(2024, 6, 28))
        if not st:
            st = "Open" if od > D(2024, 6, 14) else rng.choices(statuses, [12, 80, 8])[0]
        exp = od + dt.timedelta(days=rng.randint(5, 21))
        rec = None
        if st == "Received":
            rec = od + dt.timedelta(days=rng.randint(4, 28))
            rec = min(rec, D(2024, 6, 30))
        paid = "Yes" if st == "Received" and rng.random() < 0.75 else "No"
        disc = rng.choice([0, 0, 0, 0.02, 0.04, 0.06, 0.08, 0.12, 0.15])
        recs.append(
            [
                None,
                od,
                sup,
                cat,
                item,
                qty,
                cost,
                disc,
                exp,
                rec,
                st,
                paid,
                rng.choice(notes_pool) if rng.random() < 0.3 else None,
            ]
        )
    recs.sort(key=lambda r: (r[1], r[2]))
    for k, r in enumerate(recs):
        r[0] = "PO-%d" % (2401 + k)
    header = [
        "PO Number",
        "Order Date",
        "Supplier",
        "Category",
        "Item",
        "Qty",
        "Unit Cost (€)",
        "Discount",
        "Expected Delivery",
        "Received Date",
        "Status",
        "Invoice Paid",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        header,
        recs,
        rng,
        title=["Harbour Hardware — Purchase Orders H1 2024"],
        blank_before={44, 45, 110},
        total_cols=["Qty"],
        formats={"Unit Cost (€)": "€#,##0.00", "Discount": "0%"},
        text_cols=["Qty", "Unit Cost (€)"],
        n_text=5,
    )
    df = load(fname, sheet, "PO Number")
    need(len(df) == len(recs))
    C = Cases(fname, sheet)
    od = df["Order Date"]
    Q, UC, DI = "Qty", "Unit Cost (€)", "Discount"
    gross = df[Q] * df[UC]

    C.v(
        "row_noun",
        "how many purchase orders went to Acme Tools Ltd?",
        (df["Supplier"] == "Acme Tools Ltd").sum(),
    )
    sel = df.loc[(df["Category"] == "Paint") & (od.dt.month == 3), "PO Number"]
    C.v("row_noun", "list the PO numbers for paint ordered in March", idlist(sel), unordered=True)

    C.v("status", "how many orders are still open?", (df["Status"] == "Open").sum())
    C.v(
        "status",
        "orders received but not paid yet",
        ((df["Status"] == "Received") & ~yes(df["Invoice Paid"])).sum(),
    )
    C.v(
        "status",
        "how many orders were cancelled in March?",
        ((df["Status"] == "Cancelled") & (od.dt.month == 3)).sum(),
    )

    C.v("dates", "orders placed in Q1", (od.dt.quarter == 1).sum())
    C.v("dates", "how many POs went out during february", (od.dt.month == 2).sum())
    C.v("dates", "orders placed since 10 May", (od >= ts(2024, 5, 10)).sum())

    nothr(df[Q], 200)
    C.v("quantities", "orders of more than 200 units", (df[Q] > 200).sum())
    nothr(df[DI], 0.05)
    C.v("quantities", "orders with a discount of at most 5%", (df[DI] <= 0.05).sum())
    nothr(df[UC], 2.5)
    C.v("quantities", "how many orders had a unit cost under €2.50", (df[UC] < 2.5).sum())

    C.v(
        "superlative",
        "which supplier did we place the most orders with?",
        top1(df.groupby("Supplier").size()),
    )
    C.v("superlative", "what's the most expensive item by unit cost", rowtop(df, UC, "Item"))
    C.v(
        "superlative",
        "top 3 categories by quantity ordered",
        topn(df.groupby("Category")[Q].sum(), 3),
    )

    C.v(
        "two_keys",
        "number of orders by supplier and status",
        gdict2(df.groupby(["Supplier", "Status"]).size()),
    )
    C.v(
        "two_keys",
        "quantity ordered by category and month",
        gdict2(df.groupby([df["Category"], month(od)])[Q].sum()),
    )

    C.v("x_by_y", "orders by category", gdict(df.groupby("Category").size()))
    C.v("x_by_y", "average unit cost by supplier", gdict(df.groupby("Supplier")[UC].mean()))

    C.v("text_match", "POs with 'urgent' in the notes", has(df["Notes"], "urgent").sum())
    C.v(
        "text_match",
        "which PO numbers mention a backorder?",
        idlist(df.loc[has(df["Notes"], "backorder"), "PO Number"]),
        unordered=True,
    )

    C.v("derived", "total value of all orders before discount", gross.sum())
    fx = (df["Supplier"] == "Fixit Wholesale") & (df["Status"] != "Cancelled")
    C.v(
        "derived",
        "how much did we spend with Fixit Wholesale after discounts, not counting cancelled orders",
        (gross * (1 - df[DI]))[fx].sum(),
    )
    rcv = df[df["Status"] == "Received"]
    C.v(
        "derived",
        "average lead time in days for received orders",
        (rcv["Received Date"] - rcv["Order Date"]).dt.days.mean(),
    )

    C.v("plain", "average quantity per order", df[Q].mean())
    C.v(
        "plain",
        "largest quantity ordered from BuildRight Supplies",
        df.loc[df["Supplier"] == "BuildRight Supplies", Q].max(),
    )

    C.clarify("plain", "what's the total order value for Garden?")
    C.clarify("status", "how many orders were late?")
    C.refuse("superlative", "which supplier has the best customer rating?")
    C.refuse("row_noun", "where is each item shelved in the store?")
    return C


# --------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------
BUILDERS = [
    (book_claims, 101),
    (book_payroll, 201),
    (book_solar, 301),
    (book_cars, 401),
    (book_podcasts, 501),
    (book_grooming, 601),
    (book_courier, 701),
    (book_grants, 801),
    (book_cinema, 901),
    (book_hardware, 1001),
]


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    allcases = []
    for fn, seed0 in BUILDERS:
        for attempt in range(300):
            try:
                C = fn(seed0 + attempt)
                break
            except Retry:
                continue
        else:
            raise SystemExit("could not build %s" % fn.__name__)
        allcases.extend(C.items)
    with open(OUT / "cases.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for k, c in enumerate(allcases, 1):
            d = {"id": "%s-%03d" % (PREFIX, k)}
            d.update(c)
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
