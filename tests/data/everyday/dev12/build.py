"""Everyday spreadsheet questions, split "dev12" -- deterministic builder.

Written by a helper that saw neither nlsheet's code, its training data nor its
rules: the workbooks and the commands below come from the helper's own
imagination of how office users type questions.

What this script does
---------------------
1. Writes 10 messy-but-realistic workbooks into ``books/`` with openpyxl, one
   business domain each (marina berths, blood drive, scholarships, escape
   rooms, tree planting, recycling by month, farmers' market fees, auto-parts
   orders, music lessons, ferry crossings by year).  The mess is deliberate:
   title rows above the header, blank rows inside the data, "Total" rows under
   the data, tables starting in column B, a few numbers stored as text, blank
   cells, yes/no and status columns, free-text notes, real date cells, units
   and currencies in headers, one wide table with a column per month (Jan..Dec)
   and one with a column per year (2019..2024), names repeating across rows.
2. Reads every workbook back with its own small loader (``load_table``: finds
   the header row, skips title rows, blank rows and Total rows, turns numbers
   stored as text into numbers) and COMPUTES every expected answer from those
   rows with pandas.  No answer is typed by hand.
3. Writes ``cases.jsonl`` (one JSON object per line):
   {"id", "book", "sheet", "command", "class", "split", "kind", "expected",
    ["unordered"]}

Determinism: every book uses ``random.Random(seed)``; fixed dates, no clock.
Saved xlsx files are re-zipped with a fixed entry timestamp and fixed
docProps created/modified times, so two runs give byte-identical files.
If a draw breaks a rule below (tie in a superlative / top-N, a value sitting
exactly on a threshold used in a command, an incomplete two-key grid, a
"clarify" command whose readings happen to agree, an empty list) the book is
re-drawn with the next seed.

Conventions for ``expected``
----------------------------
* kind "value": numbers are plain JSON numbers (counts are ints, other numbers
  rounded to 6 decimals); one name is a string; lists of names are lists
  (``"unordered": true`` when order does not matter, ranked lists keep rank
  order); "X by Y" is {group: number}; two keys are {k1: {k2: number}};
  months are "YYYY-MM", single dates "YYYY-MM-DD", years ints (as dict keys
  they are strings such as "2019" because JSON keys are strings);
  percentages/shares are fractions between 0 and 1.
* A bare noun phrase ("unpaid invoices") means a count of rows.
* "between A and B" is inclusive, "since D" includes D, "before"/"after"
  exclude the boundary.  Blank cells are ignored by averages and count as
  nothing in sums.
* kind "clarify": expected null -- the command is genuinely ambiguous for that
  table (two reasonable readings with different answers).
* kind "refuse": expected null -- no column of the table can answer it.
"""

import io
import json
import os
import random
import re
import sys
import zipfile
from datetime import date, datetime, timedelta

import openpyxl
import pandas as pd
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
BOOKS = os.path.join(HERE, "books")
SPLIT = "dev12"
ID_PREFIX = "d12"
FIXED = datetime(2024, 1, 1, 0, 0, 0)


class Redraw(Exception):
    """Raised when a draw breaks a rule; the book is rebuilt with the next seed."""


# --------------------------------------------------------------------------
# writing helpers
# --------------------------------------------------------------------------
def save_deterministic(wb, path):
    wb.properties.creator = "dev12 build.py"
    wb.properties.lastModifiedBy = "dev12 build.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    raw = io.BytesIO()
    wb.save(raw)
    zin = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<3>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def write_table(
    ws, titles, header, rows, start_col=1, blank_before=(), total=None, formats=None, widths=None
):
    """Title lines, a spacer row, the header, data rows (blank rows inserted
    before the given data indexes) and an optional Total row."""
    formats = formats or {}
    r = 1
    for k, t in enumerate(titles):
        ws.cell(r, start_col, t).font = Font(bold=True, size=14 if k == 0 else 10)
        r += 1
    if titles:
        r += 1
    fill = PatternFill("solid", fgColor="DDEBF7")
    for j, h in enumerate(header):
        c = ws.cell(r, start_col + j, h)
        c.font = Font(bold=True)
        c.fill = fill
    r += 1
    for i, row in enumerate(rows):
        if i in blank_before:
            r += 1
        for j, v in enumerate(row):
            if v is None:
                continue
            c = ws.cell(r, start_col + j, v)
            fmt = formats.get(header[j])
            if fmt and not isinstance(v, str):
                c.number_format = fmt
        r += 1
    if total is not None:
        for j, v in enumerate(total):
            if v is None:
                continue
            c = ws.cell(r, start_col + j, v)
            c.font = Font(bold=True)
            fmt = formats.get(header[j])
            if fmt and not isinstance(v, str):
                c.number_format = fmt
    for j, h in enumerate(header):
        w = (widths or {}).get(h, max(10, min(34, len(str(h)) + 4)))
        ws.column_dimensions[get_column_letter(start_col + j)].width = w


# --------------------------------------------------------------------------
# the loader (used for every expected answer)
# --------------------------------------------------------------------------
def _blank(v):
    return v is None or (isinstance(v, str) and not v.strip())


def load_table(path, sheet, first_header):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    hdr_r = c0 = None
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip() == first_header:
                hdr_r, c0 = i, j
                break
        if hdr_r is not None:
            break
    if hdr_r is None:
        raise ValueError(f"header {first_header!r} not found in {path}")
    hdr = rows[hdr_r][c0:]
    ncol = max(k for k, v in enumerate(hdr) if not _blank(v)) + 1
    names = [str(h).strip() for h in hdr[:ncol]]
    recs = []
    for row in rows[hdr_r + 1 :]:
        vals = (row[c0 : c0 + ncol] + [None] * ncol)[:ncol]
        if all(_blank(v) for v in vals):
            continue
        first = vals[0]
        if isinstance(first, str) and first.strip().lower().startswith(("total", "grand total")):
            continue
        recs.append([v.strip() if isinstance(v, str) else v for v in vals])
    df = pd.DataFrame(recs, columns=names)
    for c in df.columns:
        vals = [v for v in df[c] if not _blank(v)]
        if not vals:
            continue
        if any(isinstance(v, datetime) for v in vals):
            df[c] = pd.to_datetime(df[c])
            continue
        nums = [v for v in vals if isinstance(v, (int, float)) and not isinstance(v, bool)]
        strs = [v for v in vals if isinstance(v, str)]
        if len(nums) >= 0.5 * len(vals):
            ok = True
            for s in strs:
                try:
                    float(s.replace(",", ""))
                except ValueError:
                    ok = False
            if ok:
                df[c] = pd.to_numeric(
                    df[c].map(
                        lambda v: (
                            None
                            if _blank(v)
                            else (float(v.replace(",", "")) if isinstance(v, str) else v)
                        )
                    )
                )
        else:
            df[c] = df[c].map(lambda v: None if _blank(v) else v)
    return df


# --------------------------------------------------------------------------
# answer helpers
# --------------------------------------------------------------------------
def num(x):
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


def cnt(mask):
    return int(mask.sum())


def top1(s, largest=True):
    s = s.dropna().sort_values(ascending=not largest, kind="mergesort")
    if len(s) > 1 and abs(s.iloc[0] - s.iloc[1]) < 1e-9:
        raise Redraw("tie for top")
    return s.index[0]


def topn(s, n, largest=True):
    s = s.dropna().sort_values(ascending=not largest, kind="mergesort")
    vals = list(s.values[: n + 1])
    for a, b in zip(vals, vals[1:]):
        if abs(a - b) < 1e-9:
            raise Redraw("tie in top-n")
    return [str(i) for i in s.index[:n]]


def avoid(values, *thresholds):
    for v in pd.Series(values).dropna():
        for t in thresholds:
            if abs(float(v) - t) < 1e-9:
                raise Redraw(f"value on threshold {t}")


def ulist(values, lo=1, hi=15):
    out = sorted(
        {str(v) for v in values if not _blank(v) and not (isinstance(v, float) and pd.isna(v))}
    )
    if not (lo <= len(out) <= hi):
        raise Redraw("list size")
    return out


def gdict(s):
    return {str(k): num(v) for k, v in s.items()}


def g2(df, k1, k2, val=None, agg="size"):
    d = df.dropna(subset=[k1, k2])
    t = d.groupby([k1, k2]).size() if agg == "size" else d.groupby([k1, k2])[val].agg(agg)
    if len(t) != d[k1].nunique() * d[k2].nunique():
        raise Redraw("incomplete grid")
    out = {}
    for (a, b), v in t.items():
        if pd.isna(v):
            raise Redraw("nan in grid")
        out.setdefault(str(a), {})[str(b)] = num(v)
    return out


def differ(a, b):
    if a == b:
        raise Redraw("clarify readings agree")


def ym(s):
    return s.dt.strftime("%Y-%m")


def contains(s, word):
    return s.fillna("").astype(str).str.contains(word, case=False, regex=False)


def V(cmd, cls, exp, unordered=False):
    d = {"command": cmd, "class": cls, "kind": "value", "expected": exp}
    if unordered:
        d["unordered"] = True
    return d


def CL(cmd, cls):
    return {"command": cmd, "class": cls, "kind": "clarify", "expected": None}


def RF(cmd, cls):
    return {"command": cmd, "class": cls, "kind": "refuse", "expected": None}


FIRST = [
    "Aoife",
    "Liam",
    "Sofia",
    "Noah",
    "Grace",
    "Oliver",
    "Chloe",
    "Jack",
    "Emma",
    "Harry",
    "Isla",
    "Leo",
    "Mia",
    "Oscar",
    "Ava",
    "Finn",
    "Zara",
    "Ethan",
    "Lily",
    "Samuel",
    "Nora",
    "Daniel",
    "Ruby",
    "Adam",
    "Hannah",
    "Lucas",
    "Ella",
    "Tom",
    "Freya",
    "Ben",
    "Priya",
    "Arjun",
    "Fatima",
    "Omar",
    "Mei",
    "Kenji",
    "Olga",
    "Pavel",
    "Lucia",
    "Mateo",
    "Ines",
    "Yusuf",
    "Amara",
    "Kwame",
    "Siobhan",
    "Declan",
    "Niamh",
    "Callum",
    "Eilidh",
    "Rhys",
    "Megan",
    "Gareth",
    "Bronwen",
    "Tariq",
    "Leila",
    "Hugo",
    "Clara",
    "Felix",
    "Martha",
    "Rosa",
]
LAST = [
    "Murphy",
    "Kelly",
    "Byrne",
    "Walsh",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Patel",
    "Khan",
    "Singh",
    "Nguyen",
    "Kowalski",
    "Novak",
    "Garcia",
    "Rossi",
    "Muller",
    "Dubois",
    "Okafor",
    "Mensah",
    "Campbell",
    "Stewart",
    "Hughes",
    "Price",
    "Morgan",
    "Davies",
    "Lewis",
    "Clarke",
    "Hall",
    "Wright",
    "Green",
    "Baker",
    "Harris",
    "Cooper",
    "Ward",
    "Doyle",
    "Fitzgerald",
    "Reid",
    "Ferguson",
    "Lindqvist",
    "Haddad",
    "Costa",
    "Silva",
    "Yamada",
    "Chen",
    "Ali",
]


def people(rng, n, exclude=()):
    seen, out = set(exclude), []
    while len(out) < n:
        nm = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if nm not in seen:
            seen.add(nm)
            out.append(nm)
    return out


def pick_date(rng, start, end):
    return start + timedelta(days=rng.randint(0, (end - start).days))


def as_text(rng, rows, col, k):
    """Store k cells of column `col` as text (numbers typed as text)."""
    idx = [i for i, r in enumerate(rows) if isinstance(r[col], (int, float))]
    for i in rng.sample(idx, k):
        v = rows[i][col]
        rows[i][col] = str(int(v)) if float(v).is_integer() else str(v)


# ==========================================================================
# 1. marina berth rentals
# ==========================================================================
BOATS = [
    "Sea Breeze",
    "Ocean Gypsy",
    "Blue Horizon",
    "Wind Dancer",
    "Saltwater Sue",
    "Kittiwake",
    "Marlin",
    "Aurora",
    "Puffin",
    "Silver Tide",
    "Halcyon",
    "Moonraker",
    "Seraphine",
    "Curlew",
    "Bella Mare",
    "Stormy Petrel",
    "Osprey",
    "Lady Grace",
    "Serenity",
    "Tern",
    "Kestrel II",
    "Wave Runner",
    "Nautilus",
    "Sunseeker",
    "Calypso",
    "Jolly Roger",
    "Whisper",
    "Gannet",
    "Free Spirit",
    "Pelican",
    "Mistral",
    "Corsair",
    "Sundowner",
    "Selkie",
]
MARINA_NOTES = [
    "late arrival after 22:00",
    "requested water hookup",
    "refund requested - weather",
    "pays by bank transfer",
    "repeat guest",
    "engine trouble, stayed an extra night",
    "dog on board",
    "needs help with mooring lines",
    "asked about winter storage",
    "engine service booked with the yard",
    "partial refund issued",
]
MARINA_HDR = [
    "Ref",
    "Boat Name",
    "Owner",
    "Pontoon",
    "Length (m)",
    "Arrival",
    "Departure",
    "Nights",
    "Rate/Night (€)",
    "Electricity (€)",
    "Paid",
    "Status",
    "Notes",
]


def build_marina(seed, path):
    rng = random.Random(seed)
    owners = people(rng, 34)
    boats = BOATS[:]
    rng.shuffle(boats)
    info = {}
    for o, b in zip(owners, boats):
        L = round(rng.uniform(6.0, 18.0), 1)
        if L == 12.5:
            L = 12.6
        info[o] = (b, L)
    weights = [rng.choice([1, 1, 1, 2, 3, 5]) for _ in owners]
    rows = []
    for _ in range(120):
        o = rng.choices(owners, weights)[0]
        b, L = info[o]
        pontoon = "D" if L >= 14 else rng.choice("ABC")
        arr = pick_date(rng, date(2024, 4, 1), date(2024, 10, 15))
        nights = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 7, 10, 14, 21])
        dep = arr + timedelta(days=nights)
        rate = 32 if L < 8 else 45 if L < 11 else 58 if L < 14 else 75
        status = (
            "Cancelled"
            if rng.random() < 0.1
            else ("Completed" if dep < date(2024, 9, 1) else "Confirmed")
        )
        elec = (
            round(nights * rng.uniform(1.5, 4.5), 2)
            if (status != "Cancelled" and rng.random() < 0.75)
            else None
        )
        if status == "Completed":
            paid = "Yes" if rng.random() < 0.9 else "No"
        elif status == "Confirmed":
            paid = "Yes" if rng.random() < 0.5 else "No"
        else:
            paid = "Yes" if rng.random() < 0.3 else "No"
        note = rng.choice(MARINA_NOTES) if rng.random() < 0.3 else None
        rows.append([None, b, o, pontoon, L, arr, dep, nights, rate, elec, paid, status, note])
    rows.sort(key=lambda r: (r[5], r[2]))
    for i, r in enumerate(rows):
        r[0] = f"BR-{1001 + i}"
    as_text(rng, rows, 4, 4)
    total = [
        "Total",
        None,
        None,
        None,
        None,
        None,
        None,
        sum(r[7] for r in rows),
        None,
        round(sum(r[9] or 0 for r in rows), 2),
        None,
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Berth Rentals"
    write_table(
        ws,
        [
            "Harbour View Marina - Berth Rentals 2024",
            "Visitor and seasonal berths, April to October",
        ],
        MARINA_HDR,
        rows,
        start_col=2,
        blank_before=(37, 81),
        total=total,
        formats={
            "Arrival": "DD/MM/YYYY",
            "Departure": "DD/MM/YYYY",
            "Rate/Night (€)": "#,##0.00",
            "Electricity (€)": "#,##0.00",
        },
        widths={"Notes": 36, "Owner": 18, "Boat Name": 16},
    )
    save_deterministic(wb, path)
    return "Berth Rentals", "Ref"


def cases_marina(df):
    P, L, N, R, E = (
        df["Pontoon"],
        df["Length (m)"],
        df["Nights"],
        df["Rate/Night (€)"],
        df["Electricity (€)"],
    )
    A, D, S, paid = df["Arrival"], df["Departure"], df["Status"], df["Paid"]
    inc = N * R
    out = []
    out.append(V("how many bookings do we have on pontoon C?", "row_noun", cnt(P == "C")))
    own = df.groupby("Owner").size()
    out.append(
        V(
            "list the owners who've had a booking on pontoon D",
            "row_noun",
            ulist(df.loc[P == "D", "Owner"]),
            True,
        )
    )
    out.append(V("how many bookings are still unpaid", "status", cnt(paid == "No")))
    out.append(
        V("cancelled bookigns on pontoon A?", "status", cnt((S == "Cancelled") & (P == "A")))
    )
    out.append(V("How many bookings have not been cancelled?", "status", cnt(S != "Cancelled")))
    out.append(V("how many bookings have a July arrival date?", "dates", cnt(A.dt.month == 7)))
    out.append(
        V(
            "no. of bookings arriving between 1 June and 15 June",
            "dates",
            cnt((A >= "2024-06-01") & (A <= "2024-06-15")),
        )
    )
    out.append(
        V(
            "total nights for non-cancelled bookings arriving in Q3",
            "dates",
            num(N[(A.dt.quarter == 3) & (S != "Cancelled")].sum()),
        )
    )
    out.append(
        V("how many bookings have a departure date since Sept 20?", "dates", cnt(D >= "2024-09-20"))
    )
    avoid(L, 12.5)
    out.append(V("bookings for boats over 12.5 m?", "quantities", cnt(L > 12.5)))
    avoid(E, 40)
    out.append(V("how many electricty charges were above €40", "quantities", cnt(E > 40)))
    out.append(
        V(
            "which owner has booked the most nights overall?",
            "superlative",
            top1(df.groupby("Owner")["Nights"].sum()),
        )
    )
    out.append(
        V(
            "what's the longest boat we've had in this season?",
            "superlative",
            top1(df.groupby("Boat Name")["Length (m)"].max()),
        )
    )
    out.append(V("top 3 owners by number of bookings", "superlative", topn(own, 3)))
    out.append(
        V(
            "Which pontoon brought in the most electricity money?",
            "superlative",
            top1(df.groupby("Pontoon")["Electricity (€)"].sum()),
        )
    )
    out.append(V("bookings by pontoon and status", "two_keys", g2(df, "Pontoon", "Status")))
    out.append(
        V(
            "total nights per pontoon and status please",
            "two_keys",
            g2(df, "Pontoon", "Status", "Nights", "sum"),
        )
    )
    out.append(V("nights by pontoon", "x_by_y", gdict(df.groupby("Pontoon")["Nights"].sum())))
    out.append(
        V(
            "how many bookings have notes that mention a refund?",
            "text_match",
            cnt(contains(df["Notes"], "refund")),
        )
    )
    out.append(
        V(
            "which boats have 'engine' in the notes?",
            "text_match",
            ulist(df.loc[contains(df["Notes"], "engine"), "Boat Name"]),
            True,
        )
    )
    out.append(
        V(
            "How much berth income did completed stays bring in (nights x nightly rate)?",
            "derived",
            num(inc[S == "Completed"].sum()),
        )
    )
    out.append(
        V(
            "average berth fee per booking on pontoon D, not counting electricity",
            "derived",
            num(inc[P == "D"].mean()),
        )
    )
    out.append(V("what's the average stay in nights?", "plain", num(N.mean())))
    out.append(V("biggest electricity charge?", "plain", num(E.max())))
    # clarify: longest = boat length or stay length
    longest_boat = top1(df.groupby("Boat Name")["Length (m)"].max())
    differ(df.loc[N.idxmax(), "Boat Name"], longest_boat)
    out.append(CL("which booking was the longest?", "superlative"))
    differ(top1(P.value_counts()), top1(df.groupby("Pontoon")["Nights"].sum()))
    out.append(CL("which pontoon is the most popular?", "superlative"))
    out.append(RF("what's the average age of our boat owners?", "plain"))
    out.append(RF("how many crew were on board per booking on average?", "plain"))
    return out


# ==========================================================================
# 2. blood donation drive log
# ==========================================================================
LOCS = ["Town Hall", "St. Mary's Church", "University Gym", "Riverside Library", "Fire Station"]
STAFF = ["Alice Moran", "Ben Okoro", "Carla Jimenez", "Dev Sharma", "Eve Lindgren", "Frank Osei"]
BTYPES = ["O+", "A+", "B+", "O-", "A-", "AB+", "B-", "AB-"]
BWEIGHTS = [35, 30, 9, 7, 6, 5, 4, 3]
BLOOD_NOTES = [
    "felt faint afterwards",
    "bruising at site",
    "rare type - call back for next drive",
    "requested SMS reminder",
    "nervous first-timer",
    "good veins, quick donation",
    "felt faint, given juice and biscuits",
    "asked to call back about platelet donation",
]
BLOOD_HDR = [
    "Donor ID",
    "Donor Name",
    "Blood Type",
    "Drive Location",
    "Date",
    "Age",
    "Weight kg",
    "First-time Donor",
    "Haemoglobin (g/dL)",
    "Outcome",
    "Volume (ml)",
    "Duration (min)",
    "Staff",
    "Notes",
]


def build_blood(seed, path):
    rng = random.Random(seed)
    days = set()
    while len(days) < 31:
        days.add(pick_date(rng, date(2024, 1, 8), date(2024, 6, 28)))
    days.discard(date(2024, 2, 14))
    days = sorted(list(days)[:31] + [date(2024, 2, 14)])
    day_loc = {d: rng.choice(LOCS) for d in days}
    names = people(rng, 95)
    donors = {}
    for k, n in enumerate(names):
        age = rng.randint(18, 70)
        if age == 65:
            age = 64
        w = round(rng.uniform(48, 115), 1)
        if w == 60.0:
            w = 60.3
        donors[n] = dict(
            id=f"D-{k + 1:04d}",
            bt=rng.choices(BTYPES, BWEIGHTS)[0],
            age=age,
            w=w,
            new=rng.random() < 0.45,
        )
    weights = [rng.choice([1, 1, 2, 3]) for _ in names]
    rows, seen_day = [], set()
    while len(rows) < 160:
        n = rng.choices(names, weights)[0]
        d = rng.choice(days)
        if (n, d) in seen_day:
            continue
        seen_day.add((n, d))
        dn = donors[n]
        hb = round(rng.uniform(11.0, 17.5), 1)
        if hb == 12.0:
            hb = 12.1
        note = None
        if hb < 12.5:
            outcome, note = "Deferred", "low iron - deferred"
        elif rng.random() < 0.05:
            outcome, note = "Deferred", "recent travel - deferred"
        else:
            outcome = "Completed" if rng.random() < 0.88 else "Incomplete"
        if outcome == "Completed":
            vol = rng.choice([v for v in range(430, 481) if v not in (440, 470)])
            dur = rng.randint(7, 15)
        elif outcome == "Incomplete":
            vol = rng.randint(120, 380)
            dur = rng.randint(3, 10)
        else:
            vol = dur = None
        if note is None and rng.random() < 0.3:
            note = rng.choice(BLOOD_NOTES)
        rows.append(
            [
                dn["id"],
                n,
                dn["bt"],
                day_loc[d],
                d,
                dn["age"],
                dn["w"],
                None,
                hb,
                outcome,
                vol,
                dur,
                rng.choice(STAFF),
                note,
            ]
        )
    rows.sort(key=lambda r: (r[4], r[0]))
    first_seen = set()
    for r in rows:
        new = donors[r[1]]["new"] and r[1] not in first_seen
        first_seen.add(r[1])
        r[7] = "Yes" if new else "No"
    as_text(rng, rows, 8, 5)
    total = [
        "Total",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        sum(r[10] or 0 for r in rows),
        sum(r[11] or 0 for r in rows),
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Donations"
    write_table(
        ws,
        ["City Blood Service - Community Drive Log", "January to June 2024"],
        BLOOD_HDR,
        rows,
        blank_before=(50, 111),
        total=total,
        formats={"Date": "D MMM YYYY"},
        widths={"Notes": 38, "Donor Name": 18, "Drive Location": 18},
    )
    save_deterministic(wb, path)
    return "Donations", "Donor ID"


def cases_blood(df):
    loc, dt, out_, vol = df["Drive Location"], df["Date"], df["Outcome"], df["Volume (ml)"]
    age, w, hb, ft = df["Age"], df["Weight kg"], df["Haemoglobin (g/dL)"], df["First-time Donor"]
    out = []
    out.append(
        V(
            "how many donations were logged at the University Gym?",
            "row_noun",
            cnt(loc == "University Gym"),
        )
    )
    out.append(
        V(
            "how many different donors came along to the drives?",
            "row_noun",
            int(df["Donor Name"].nunique()),
        )
    )
    out.append(
        V(
            "list the donors with blood type AB-",
            "row_noun",
            ulist(df.loc[df["Blood Type"] == "AB-", "Donor Name"]),
            True,
        )
    )
    out.append(V("how many deferrals were there in total", "status", cnt(out_ == "Deferred")))
    out.append(
        V(
            "first time donors at Town Hall - how many?",
            "status",
            cnt((ft == "Yes") & (loc == "Town Hall")),
        )
    )
    out.append(V("how many donations in March?", "dates", cnt(dt.dt.month == 3)))
    out.append(
        V("total ml collected in the first quarter", "dates", num(vol[dt.dt.quarter == 1].sum()))
    )
    out.append(V("how many donors came in on 14 Feb?", "dates", cnt(dt == "2024-02-14")))
    out.append(
        V(
            "From April to June, how many litres did we collect?",
            "dates",
            num(vol[dt.dt.month.between(4, 6)].sum() / 1000),
        )
    )
    avoid(w, 60)
    out.append(V("donations from people weighing under 60 kg", "quantities", cnt(w < 60)))
    avoid(hb, 12)
    out.append(V("how many donations had haemoglobin below 12 g/dL?", "quantities", cnt(hb < 12)))
    avoid(vol, 440, 470)
    out.append(
        V("donations between 440 and 470 ml - how many?", "quantities", cnt(vol.between(440, 470)))
    )
    out.append(
        V(
            "which drive location collected the most blood?",
            "superlative",
            top1(df.groupby("Drive Location")["Volume (ml)"].sum()),
        )
    )
    out.append(
        V("who's our oldest donor?", "superlative", top1(df.groupby("Donor Name")["Age"].max()))
    )
    out.append(
        V(
            "top 3 staff members by number of donors seen",
            "superlative",
            topn(df["Staff"].value_counts(), 3),
        )
    )
    out.append(
        V(
            "which blood type is least common in the log?",
            "superlative",
            top1(df["Blood Type"].value_counts(), largest=False),
        )
    )
    out.append(
        V(
            "number of donations by location and outcome",
            "two_keys",
            g2(df, "Drive Location", "Outcome"),
        )
    )
    out.append(V("donations per staff member and outcome", "two_keys", g2(df, "Staff", "Outcome")))
    out.append(
        V(
            "average haemoglobin by blood type",
            "x_by_y",
            gdict(df.groupby("Blood Type")["Haemoglobin (g/dL)"].mean()),
        )
    )
    out.append(
        V(
            "how many notes mention feeling faint?",
            "text_match",
            cnt(contains(df["Notes"], "faint")),
        )
    )
    out.append(
        V(
            "list donors whose notes say call back",
            "text_match",
            ulist(df.loc[contains(df["Notes"], "call back"), "Donor Name"]),
            True,
        )
    )
    out.append(
        V(
            "total chair time in hours at the Town Hall drives",
            "derived",
            num(df.loc[loc == "Town Hall", "Duration (min)"].sum() / 60),
        )
    )
    out.append(V("avrage age of first-time donors?", "plain", num(age[ft == "Yes"].mean())))
    avoid(age, 65)
    out.append(V("how many donations came from people over sixty-five", "plain", cnt(age > 65)))
    by_count = top1(loc.value_counts())
    defer_rate = (out_ == "Deferred").groupby(loc).mean()
    differ(by_count, top1(defer_rate, largest=False))
    out.append(CL("which location had the best results?", "superlative"))
    out.append(CL("show me the young donors", "quantities"))
    out.append(CL("what's the average for O- ?", "x_by_y"))
    out.append(RF("what's the average blood pressure of donors?", "plain"))
    out.append(RF("how much did each donation cost us?", "derived"))
    return out


# ==========================================================================
# 3. scholarship applications
# ==========================================================================
SCHOOLS = [
    "Hillcrest Academy",
    "St. Brigid's College",
    "Northfield High",
    "Lakeside Grammar",
    "Kingsway School",
    "Oakmont College",
    "Riverside Academy",
    "Westbrook High",
    "Elmwood School",
    "Carrow Community College",
]
PROGS = ["Engineering", "Medicine", "Law", "Arts", "Computer Science", "Business"]
REVIEWERS = [
    "Dr. Helen Marsh",
    "Prof. Ian Kerr",
    "Ms. Joy Adeyemi",
    "Mr. Paul Regan",
    "Dr. Sara Whitfield",
]
SCH_COMMENTS = [
    "late submission",
    "missing transcript",
    "strong references",
    "first in family to attend university",
    "missing reference letter",
    "excellent personal statement",
    "needs follow-up call",
    "part-time job 20h/week",
    "carer for younger sibling",
    "late submission - accepted by panel",
]
DOMAINS = [
    "gmail.com",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "icloud.com",
    "hotmail.co.uk",
]
SCH_HDR = [
    "App No",
    "Applicant",
    "Email",
    "School",
    "Programme",
    "GPA",
    "Household Income (£)",
    "Requested (£)",
    "Awarded (£)",
    "Submitted",
    "Interviewed",
    "Decision",
    "Reviewer",
    "Comments",
]


def email_of(rng, name):
    f, l = name.lower().replace("'", "").split(" ", 1)
    style = rng.choice(["{f}.{l}", "{f}{l}", "{f}_{l}{n}", "{f0}{l}{n}"])
    return style.format(f=f, l=l, f0=f[0], n=rng.randint(1, 99)) + "@" + rng.choice(DOMAINS)


def build_scholar(seed, path):
    rng = random.Random(seed)
    names = people(rng, 140)
    rows = []
    for n in names:
        prog = rng.choice(PROGS)
        gpa = round(rng.uniform(2.2, 4.0), 2)
        if gpa == 3.8:
            gpa = 3.81
        inc = rng.randrange(12000, 85000, 100)
        if inc == 25000:
            inc = 25100
        req = rng.choice([v for v in range(1000, 6001, 250) if v != 4500])
        sub = pick_date(rng, date(2024, 1, 15), date(2024, 5, 31))
        score = gpa + (85000 - inc) / 40000 + rng.uniform(-0.6, 0.6)
        if sub > date(2024, 5, 10) and rng.random() < 0.7:
            dec = "Pending"
        elif score > 4.3:
            dec = "Approved"
        elif score > 3.9:
            dec = rng.choice(["Approved", "Waitlisted", "Pending"])
        else:
            dec = rng.choice(["Rejected", "Rejected", "Waitlisted", "Pending"])
        awd = None
        if dec == "Approved":
            awd = min(req, int(round(req * rng.uniform(0.5, 1.0) / 50)) * 50)
            if awd in (1000, 3000):
                awd += 50
        interview = (
            "Yes" if (dec == "Approved" and rng.random() < 0.75) or rng.random() < 0.3 else "No"
        )
        com = rng.choice(SCH_COMMENTS) if rng.random() < 0.4 else None
        rows.append(
            [
                None,
                n,
                email_of(rng, n),
                rng.choices(SCHOOLS, [5, 3, 3, 2, 2, 2, 2, 1, 1, 1])[0],
                prog,
                gpa,
                inc,
                req,
                awd,
                sub,
                interview,
                dec,
                rng.choice(REVIEWERS),
                com,
            ]
        )
    rows.sort(key=lambda r: (r[9], r[1]))
    for i, r in enumerate(rows):
        r[0] = f"SCH-24-{i + 1:03d}"
    as_text(rng, rows, 6, 4)
    total = [
        "Total",
        None,
        None,
        None,
        None,
        None,
        None,
        sum(r[7] for r in rows),
        sum(r[8] or 0 for r in rows),
        None,
        None,
        None,
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications 2024"
    write_table(
        ws,
        ["Foundation Scholarship Programme", "Applications received - 2024 intake"],
        SCH_HDR,
        rows,
        blank_before=(70,),
        total=total,
        formats={
            "Submitted": "DD/MM/YYYY",
            "Household Income (£)": "#,##0",
            "Requested (£)": "#,##0",
            "Awarded (£)": "#,##0",
        },
        widths={"Email": 30, "Applicant": 18, "School": 24, "Comments": 34},
    )
    save_deterministic(wb, path)
    return "Applications 2024", "App No"


def cases_scholar(df):
    prog, gpa, inc, req, awd = (
        df["Programme"],
        df["GPA"],
        df["Household Income (£)"],
        df["Requested (£)"],
        df["Awarded (£)"],
    )
    dec, sub, itv = df["Decision"], df["Submitted"], df["Interviewed"]
    out = []
    out.append(
        V(
            "how many applicants are from Hillcrest Academy?",
            "row_noun",
            cnt(df["School"] == "Hillcrest Academy"),
        )
    )
    avoid(gpa, 3.8)
    out.append(
        V(
            "list the Law applicants with a GPA above 3.8",
            "row_noun",
            ulist(df.loc[(prog == "Law") & (gpa > 3.8), "Applicant"]),
            True,
        )
    )
    out.append(V("how many applications are still pending?", "status", cnt(dec == "Pending")))
    out.append(
        V(
            "approved applicants who were not interviewed",
            "status",
            cnt((dec == "Approved") & (itv == "No")),
        )
    )
    out.append(
        V(
            "applications submitted between March 1 and March 15",
            "dates",
            cnt((sub >= "2024-03-01") & (sub <= "2024-03-15")),
        )
    )
    out.append(V("How many people applied in Q2?", "dates", cnt(sub.dt.quarter == 2)))
    out.append(V("applications received after 30 April", "dates", cnt(sub > "2024-04-30")))
    out.append(V("submissions per month", "dates", gdict(sub.groupby(ym(sub)).size())))
    avoid(inc, 25000)
    out.append(V("applicants with household income under £25k", "quantities", cnt(inc < 25000)))
    avoid(req, 4500)
    out.append(V("requests of more than £4,500?", "quantities", cnt(req > 4500)))
    avoid(awd, 1000, 3000)
    out.append(
        V(
            "how many awards were between £1,000 and £3,000",
            "quantities",
            cnt(awd.between(1000, 3000)),
        )
    )
    out.append(
        V(
            "who got the biggest award?",
            "superlative",
            top1(df.set_index("Applicant")["Awarded (£)"]),
        )
    )
    out.append(
        V(
            "which school sent in the most applications",
            "superlative",
            top1(df["School"].value_counts()),
        )
    )
    out.append(
        V("top 5 applicants by GPA", "superlative", topn(df.set_index("Applicant")["GPA"], 5))
    )
    out.append(
        V(
            "Which programme got the most scholarship money awarded?",
            "superlative",
            top1(df.groupby("Programme")["Awarded (£)"].sum()),
        )
    )
    out.append(
        V(
            "number of applications by programme and decision",
            "two_keys",
            g2(df, "Programme", "Decision"),
        )
    )
    out.append(
        V(
            "average GPA by programme and whether they were interviewed",
            "two_keys",
            g2(df, "Programme", "Interviewed", "GPA", "mean"),
        )
    )
    out.append(
        V("total awarded by reviewer", "x_by_y", gdict(df.groupby("Reviewer")["Awarded (£)"].sum()))
    )
    out.append(
        V(
            "avg household income per programme",
            "x_by_y",
            gdict(df.groupby("Programme")["Household Income (£)"].mean()),
        )
    )
    out.append(
        V(
            "how many applicants use a hotmail address?",
            "text_match",
            cnt(contains(df["Email"], "hotmail")),
        )
    )
    out.append(
        V(
            "applications whose comments mention something missing",
            "text_match",
            cnt(contains(df["Comments"], "missing")),
        )
    )
    ap = dec == "Approved"
    out.append(
        V(
            "total shortfall between what approved applicants asked for and what they got",
            "derived",
            num((req[ap] - awd[ap]).sum()),
        )
    )
    out.append(
        V(
            "for approved applications, what share of the requested money was actually awarded?",
            "derived",
            num(awd[ap].sum() / req[ap].sum()),
        )
    )
    out.append(V("average GPA of approved applicants", "plain", num(gpa[ap].mean())))
    out.append(CL("what's the total amount for the Law applicants?", "plain"))
    out.append(CL("could you tell me the average amount in Engineering", "x_by_y"))
    out.append(RF("how many applicants are over 21?", "quantities"))
    out.append(RF("which applicants are international students?", "row_noun"))
    return out


# ==========================================================================
# 4. escape-room bookings
# ==========================================================================
ROOMS = {
    "The Vault": 27,
    "Pharaoh's Tomb": 23,
    "Haunted Asylum": 29,
    "Space Station": 32,
    "Pirate Cove": 26,
}
ROOM_EASE = {
    "The Vault": 0.55,
    "Pharaoh's Tomb": 0.75,
    "Haunted Asylum": 0.4,
    "Space Station": 0.6,
    "Pirate Cove": 0.8,
}
ESC_NOTES = [
    "birthday party",
    "corporate team-building",
    "asked for refund",
    "arrived late",
    "hen party",
    "kids' birthday - age 12",
    "repeat customers",
    "requested English-speaking host",
    "stag do",
    "gift voucher from birthday",
]
ESC_HDR = [
    "Booking ID",
    "Date",
    "Time Slot",
    "Room",
    "Lead Booker",
    "Email",
    "Players",
    "Price per Player (€)",
    "Status",
    "Escaped",
    "Escape Time (min)",
    "Hints Used",
    "Source",
    "Notes",
]


def build_escape(seed, path):
    rng = random.Random(seed)
    bookers = people(rng, 70)
    emails = {b: email_of(rng, b) for b in bookers}
    weights = [rng.choice([1, 1, 1, 2, 4]) for _ in bookers]
    rows = []
    for _ in range(180):
        b = rng.choices(bookers, weights)[0]
        d = pick_date(rng, date(2024, 1, 2), date(2024, 6, 30))
        room = rng.choice(list(ROOMS))
        source = rng.choices(["Website", "Phone", "Walk-in", "Voucher"], [50, 20, 10, 20])[0]
        status = (
            "Completed"
            if source == "Walk-in"
            else rng.choices(["Completed", "Cancelled", "No-show"], [80, 11, 9])[0]
        )
        players = rng.randint(2, 8)
        esc = etime = hints = None
        if status == "Completed":
            esc = "Yes" if rng.random() < ROOM_EASE[room] else "No"
            hints = rng.randint(0, 5)
            if esc == "Yes":
                etime = rng.choice([v for v in range(36, 61) if v != 45])
        note = rng.choice(ESC_NOTES) if rng.random() < 0.3 else None
        rows.append(
            [
                None,
                d,
                rng.choice(["10:00", "12:00", "14:00", "16:00", "18:00", "20:00"]),
                room,
                b,
                emails[b],
                players,
                ROOMS[room],
                status,
                esc,
                etime,
                hints,
                source,
                note,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[2]))
    for i, r in enumerate(rows):
        r[0] = f"ESC-{2401 + i}"
    as_text(rng, rows, 6, 4)
    total = ["Total", None, None, None, None, None, sum(int(r[6]) for r in rows)] + [None] * 7
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bookings"
    write_table(
        ws,
        [],
        ESC_HDR,
        rows,
        blank_before=(90,),
        total=total,
        formats={"Date": "YYYY-MM-DD", "Price per Player (€)": "#,##0.00"},
        widths={"Email": 30, "Lead Booker": 18, "Notes": 32},
    )
    save_deterministic(wb, path)
    return "Bookings", "Booking ID"


def cases_escape(df):
    room, dt, st, esc, pl = df["Room"], df["Date"], df["Status"], df["Escaped"], df["Players"]
    et, src = df["Escape Time (min)"], df["Source"]
    val = pl * df["Price per Player (€)"]
    comp = st == "Completed"
    out = []
    out.append(
        V("how many bookings for Pharaoh's Tomb?", "row_noun", cnt(room == "Pharaoh's Tomb"))
    )
    out.append(
        V(
            "list the lead bookers who booked Pirate Cove in June",
            "row_noun",
            ulist(df.loc[(room == "Pirate Cove") & (dt.dt.month == 6), "Lead Booker"]),
            True,
        )
    )
    out.append(V("how many no-shows have we had", "status", cnt(st == "No-show")))
    out.append(V("groups that failed to escape", "status", cnt(esc == "No")))
    out.append(
        V("cancelled website bookings?", "status", cnt((st == "Cancelled") & (src == "Website")))
    )
    out.append(V("bookings in February", "dates", cnt(dt.dt.month == 2)))
    out.append(V("how many bookings in the 2nd quarter", "dates", cnt(dt.dt.quarter == 2)))
    out.append(
        V(
            "weekend bookings in March - how many?",
            "dates",
            cnt((dt.dt.month == 3) & (dt.dt.day_of_week >= 5)),
        )
    )
    out.append(V("completed games since May 10", "dates", cnt(comp & (dt >= "2024-05-10"))))
    out.append(V("bookings with more than five players", "quantities", cnt(pl > 5)))
    avoid(et, 45)
    out.append(V("how many escapes in under 45 minutes?", "quantities", cnt(et < 45)))
    avoid(val, 150)
    out.append(V("bookings worth over €150", "quantities", cnt(val > 150)))
    out.append(
        V(
            "which group had the fastest escape? just the lead booker's name",
            "superlative",
            top1(df.set_index("Lead Booker")["Escape Time (min)"], largest=False),
        )
    )
    out.append(V("most popular room?", "superlative", top1(room.value_counts())))
    out.append(
        V(
            "which three rooms had the most players across completed games",
            "superlative",
            topn(df[comp].groupby("Room")["Players"].sum(), 3),
        )
    )
    out.append(
        V(
            "which booking source brings the biggest groups on average?",
            "superlative",
            top1(df.groupby("Source")["Players"].mean()),
        )
    )
    d2 = df.assign(Month=ym(dt))
    out.append(V("bookings by room and month", "two_keys", g2(d2, "Room", "Month")))
    out.append(
        V("players by room and status", "two_keys", g2(df, "Room", "Status", "Players", "sum"))
    )
    out.append(
        V("average hints used per room", "x_by_y", gdict(df.groupby("Room")["Hints Used"].mean()))
    )
    out.append(
        V(
            "how many bookings were for birthdays?",
            "text_match",
            cnt(contains(df["Notes"], "birthday")),
        )
    )
    out.append(
        V("bookings made with a gmail address", "text_match", cnt(contains(df["Email"], "@gmail.")))
    )
    out.append(V("total revenue from completed games", "derived", num(val[comp].sum())))
    out.append(
        V(
            "what's the average booking value for the Haunted Asylum?",
            "derived",
            num(val[room == "Haunted Asylum"].mean()),
        )
    )
    out.append(
        V(
            "what fraction of completed games ended in an escape?",
            "plain",
            num((esc[comp] == "Yes").mean()),
        )
    )
    rate = (esc[comp] == "Yes").groupby(room[comp]).mean()
    differ(top1(rate, largest=False), top1(df[comp].groupby("Room")["Hints Used"].mean()))
    out.append(CL("which room is the hardest?", "superlative"))
    mar = dt.dt.month == 3
    differ(int(df.loc[mar, "Lead Booker"].nunique()), int(pl[mar].sum()))
    out.append(CL("how many people booked in March?", "dates"))
    out.append(RF("what's the average age of the players?", "plain"))
    out.append(RF("how much did we spend on props this year?", "plain"))
    return out


# ==========================================================================
# 5. tree planting programme
# ==========================================================================
SITES = [
    "Millbrook Park",
    "Hawthorn Common",
    "Riverside Walk",
    "St Anne's Churchyard",
    "Gallows Hill",
    "Canal Towpath",
    "Oakfield School",
    "Ashgrove Estate",
    "Beacon Fields",
    "Kingfisher Meadow",
    "Station Road Verge",
    "Castle Green",
    "Fernhill Woods",
    "Lime Street Square",
    "Orchard Lane",
    "Brook Farm",
    "Willow Bank",
    "Market Square",
    "Copse End",
    "Quarry Lane",
    "Harbour Green",
    "Elm Close",
    "Badger's Wood",
    "Sunnyside Rec",
]
SPECIES = {
    "Oak": 8.5,
    "Birch": 4.2,
    "Rowan": 5.1,
    "Hazel": 3.4,
    "Beech": 7.8,
    "Wild Cherry": 6.6,
    "Field Maple": 5.9,
}
TREE_NOTES = [
    "deer damage to guards",
    "waterlogged ground",
    "school group helped",
    "replaced failed saplings",
    "vandalism - guards pulled out",
    "mulched after planting",
    "deer browsing noted",
    "stakes stolen, vandalism reported",
    "dry spring, extra watering",
]
MONTH_W = [15, 15, 12, 5, 2, 1, 1, 1, 3, 8, 15, 12]
TREE_HDR = [
    "Site",
    "District",
    "Planting Date",
    "Species",
    "Trees Planted",
    "Survived",
    "Cost per Tree (£)",
    "Volunteers",
    "Contractor",
    "Watered",
    "Inspection",
    "Notes",
]


def build_trees(seed, path):
    rng = random.Random(seed)
    sites = SITES[:]
    rng.shuffle(sites)
    dist = {s: ["North", "South", "East", "West"][i % 4] for i, s in enumerate(sites)}
    sw = [rng.choice([1, 2, 3]) for _ in sites]
    rows = []
    for _ in range(150):
        s = rng.choices(sites, sw)[0]
        m = rng.choices(range(1, 13), MONTH_W)[0]
        d = date(2023, m, rng.randint(1, 28))
        sp = rng.choice(list(SPECIES))
        n = rng.choice([v for v in range(20, 401) if v != 250])
        surv = int(n * rng.uniform(0.55, 0.98))
        cost = round(SPECIES[sp] * rng.uniform(0.85, 1.15), 2)
        if cost == 4.0:
            cost = 4.05
        contractor = "Yes" if rng.random() < 0.35 else "No"
        vols = (
            None
            if contractor == "Yes" and rng.random() < 0.7
            else rng.choice([v for v in range(3, 41) if v != 20])
        )
        insp = (
            "Pending"
            if (m >= 11 and rng.random() < 0.7)
            else rng.choices(["Passed", "Failed", "Pending"], [70, 18, 12])[0]
        )
        note = rng.choice(TREE_NOTES) if rng.random() < 0.35 else None
        rows.append(
            [
                s,
                dist[s],
                d,
                sp,
                n,
                surv,
                cost,
                vols,
                contractor,
                "Yes" if rng.random() < 0.7 else "No",
                insp,
                note,
            ]
        )
    rows.sort(key=lambda r: (r[2], r[0]))
    as_text(rng, rows, 4, 4)
    total = [
        "Total",
        None,
        None,
        None,
        sum(int(r[4]) for r in rows),
        sum(r[5] for r in rows),
        None,
        sum(r[7] or 0 for r in rows),
        None,
        None,
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plantings"
    write_table(
        ws,
        [
            "Green Corridors Tree Planting Programme 2023",
            "Volunteer and contractor plantings by site",
        ],
        TREE_HDR,
        rows,
        blank_before=(40, 99),
        total=total,
        formats={"Planting Date": "DD MMM YYYY", "Cost per Tree (£)": "£#,##0.00"},
        widths={"Site": 22, "Notes": 34},
    )
    save_deterministic(wb, path)
    return "Plantings", "Site"


def cases_trees(df):
    site, dis, dt, sp = df["Site"], df["District"], df["Planting Date"], df["Species"]
    n, sv, cost, vol = (
        df["Trees Planted"],
        df["Survived"],
        df["Cost per Tree (£)"],
        df["Volunteers"],
    )
    insp = df["Inspection"]
    out = []
    out.append(
        V(
            "how many sites are in the North district?",
            "row_noun",
            int(site[dis == "North"].nunique()),
        )
    )
    out.append(
        V("list the sites in the East district", "row_noun", ulist(site[dis == "East"]), True)
    )
    out.append(V("how many plantings failed inspection?", "status", cnt(insp == "Failed")))
    out.append(V("plantings done without a contractor", "status", cnt(df["Contractor"] == "No")))
    out.append(V("how many are still awaiting inspection", "status", cnt(insp == "Pending")))
    out.append(V("trees planted in November 2023", "dates", num(n[dt.dt.month == 11].sum())))
    out.append(
        V(
            "how many trees went in during the first half of the year?",
            "dates",
            num(n[dt.dt.month <= 6].sum()),
        )
    )
    out.append(
        V("number of plantings from February to April", "dates", cnt(dt.dt.month.between(2, 4)))
    )
    out.append(V("trees planted before 15 March", "dates", num(n[dt < "2023-03-15"].sum())))
    avoid(n, 250)
    out.append(V("plantings of more than 250 trees", "quantities", cnt(n > 250)))
    avoid(cost, 4)
    out.append(V("plantings where the trees cost under £4 each", "quantities", cnt(cost < 4)))
    avoid(vol, 20)
    out.append(V("plantings with at least twenty volunteers", "quantities", cnt(vol >= 20)))
    out.append(
        V(
            "which site has had the most trees planted?",
            "superlative",
            top1(df.groupby("Site")["Trees Planted"].sum()),
        )
    )
    out.append(
        V(
            "which species is cheapest per tree on average?",
            "superlative",
            top1(df.groupby("Species")["Cost per Tree (£)"].mean(), largest=False),
        )
    )
    out.append(
        V(
            "top 3 districts by total volunteers",
            "superlative",
            topn(df.groupby("District")["Volunteers"].sum(), 3),
        )
    )
    big = n.sort_values(ascending=False)
    if big.iloc[0] == big.iloc[1]:
        raise Redraw("tie biggest planting")
    out.append(
        V("the single biggest planting - which site was it at?", "superlative", site[n.idxmax()])
    )
    out.append(
        V(
            "trees planted by district and species",
            "two_keys",
            g2(df, "District", "Species", "Trees Planted", "sum"),
        )
    )
    out.append(
        V("trees planted by species", "x_by_y", gdict(df.groupby("Species")["Trees Planted"].sum()))
    )
    out.append(
        V("how many plantings mention deer?", "text_match", cnt(contains(df["Notes"], "deer")))
    )
    out.append(
        V(
            "which sites have vandalism noted?",
            "text_match",
            ulist(site[contains(df["Notes"], "vandalism")]),
            True,
        )
    )
    out.append(V("how much did all the trees cost altogether?", "derived", num((n * cost).sum())))
    out.append(
        V("survival rate for oak", "derived", num(sv[sp == "Oak"].sum() / n[sp == "Oak"].sum()))
    )
    out.append(
        V(
            "how many trees died at Millbrook Park?",
            "derived",
            num((n - sv)[site == "Millbrook Park"].sum()),
        )
    )
    out.append(V("most volunteers at a single planting?", "plain", num(vol.max())))
    if not (site == "Millbrook Park").any():
        raise Redraw("no Millbrook")
    out.append(CL("how many trees are there at Millbrook Park?", "plain"))
    g = df.groupby("Site")
    differ(top1(g["Trees Planted"].sum()), top1(g["Survived"].sum() / g["Trees Planted"].sum()))
    out.append(CL("which site performed best?", "superlative"))
    out.append(RF("what's the average height of the saplings?", "plain"))
    out.append(RF("how much CO2 have the trees absorbed so far?", "derived"))
    return out


# ==========================================================================
# 6. household recycling collections, a column per month
# ==========================================================================
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WARDS = {"Abbey": 9.0, "Castle": 11.5, "Riverside": 13.0, "Northgate": 8.0, "St Peter's": 10.5}
SEASON = [1.12, 0.92, 0.95, 0.98, 1.0, 0.97, 1.02, 0.99, 0.96, 1.0, 1.04, 1.25]
RECY_NOTES = [
    "missed collection in Feb snow",
    "bins blocked by parked cars",
    "high contamination - leaflets sent",
    "assisted collections for 12 households",
    "narrow access - small vehicle",
    "missed collections during strike in June",
    "crew reports overflowing bins",
]
STREET_A = [
    "Elm",
    "Mill",
    "Church",
    "Station",
    "Victoria",
    "Albert",
    "Park",
    "Queen's",
    "King's",
    "Hill",
    "Meadow",
    "Orchard",
    "Chapel",
    "Bridge",
    "Castle",
    "Abbey",
    "Manor",
    "Willow",
    "Rose",
    "Cedar",
    "Ash",
    "Beech",
    "Holly",
    "Fern",
    "York",
    "Windsor",
    "Granville",
    "Brook",
    "Spring",
    "Cherry",
]
STREET_B = [
    "Road",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Crescent",
    "Way",
    "Drive",
    "Gardens",
    "Terrace",
]


def build_recycling(seed, path):
    rng = random.Random(seed)
    streets = {"Elm Road", "Mill Lane"}
    while len(streets) < 60:
        streets.add(f"{rng.choice(STREET_A)} {rng.choice(STREET_B)}")
    streets = sorted(streets)
    rng.shuffle(streets)
    new_start = {12: 4}
    for k in rng.sample([i for i in range(1, 61) if i != 12], 3):
        new_start[k] = rng.randint(2, 8)
    rows = []
    for i, st in enumerate(streets, start=1):
        ward = rng.choice(list(WARDS))
        hh = rng.choice([v for v in range(150, 1801) if v != 1200])
        rate = WARDS[ward] * rng.uniform(0.8, 1.2)
        months = []
        for m in range(1, 13):
            if m < new_start.get(i, 1):
                months.append(None)
            else:
                v = int(round(hh * rate * SEASON[m - 1] * rng.uniform(0.9, 1.1)))
                if v in (5000, 2000):
                    v += 3
                months.append(v)
        flag = "Yes" if rng.random() < 0.2 else "No"
        note = (
            f"new route from {MONTHS[new_start[i] - 1]}"
            if i in new_start
            else (rng.choice(RECY_NOTES) if rng.random() < 0.3 else None)
        )
        rows.append(
            [f"R{i:02d}", st, ward, rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), hh]
            + months
            + [flag, note]
        )
    for k in rng.sample(range(60), 5):
        m = rng.choice([c for c in range(5, 17) if rows[k][c] is not None])
        rows[k][m] = str(rows[k][m])
    total = (
        ["Total", None, None, None, sum(r[4] for r in rows)]
        + [sum(int(r[c]) for r in rows if r[c] is not None) for c in range(5, 17)]
        + [None, None]
    )
    hdr = (
        ["Route", "Street", "Ward", "Collection Day", "Households"]
        + MONTHS
        + ["Contamination Flag", "Notes"]
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Collections 2023"
    write_table(
        ws,
        ["Household Recycling Collections 2023", "Kilograms (kg) collected per route per month"],
        hdr,
        rows,
        start_col=2,
        blank_before=(30,),
        total=total,
        formats={m: "#,##0" for m in MONTHS},
        widths={"Street": 20, "Notes": 36},
    )
    save_deterministic(wb, path)
    return "Collections 2023", "Route"


def cases_recycling(df):
    mcols = MONTHS
    tot = df[mcols].sum(axis=1)
    ward, st = df["Ward"], df["Street"]
    msum = df[mcols].sum()
    out = []
    out.append(V("how much was collected in April?", "month_column", num(df["Apr"].sum())))
    best_m = top1(msum)
    out.append(
        V(
            "which month had the highest total collection?",
            "month_column",
            f"2023-{MONTHS.index(best_m) + 1:02d}",
        )
    )
    out.append(
        V("total for the year on Elm Road", "month_column", num(tot[st == "Elm Road"].sum()))
    )
    out.append(
        V(
            "average monthly collection for route R12",
            "month_column",
            num(df.loc[df["Route"] == "R12", mcols].stack().mean()),
        )
    )
    out.append(
        V("Q1 total across all routes", "month_column", num(df[["Jan", "Feb", "Mar"]].sum().sum()))
    )
    out.append(
        V(
            "second half of the year total for the Castle ward",
            "month_column",
            num(df.loc[ward == "Castle", mcols[6:]].sum().sum()),
        )
    )
    out.append(
        V(
            "which street collected the most in December?",
            "month_column",
            top1(df.set_index("Street")["Dec"]),
        )
    )
    out.append(
        V(
            "what was the percentage change in total collections from January to December?",
            "month_column",
            num((msum["Dec"] - msum["Jan"]) / msum["Jan"]),
        )
    )
    out.append(
        V(
            "monthly totals for the Riverside ward",
            "month_column",
            {
                f"2023-{k + 1:02d}": num(v)
                for k, v in enumerate(df.loc[ward == "Riverside", mcols].sum())
            },
        )
    )
    mill = df.loc[st == "Mill Lane", mcols].iloc[0].dropna()
    thr = (
        int(round(mill.median() / 100.0)) * 100
    )  # a threshold near the middle of Mill Lane's months
    avoid(mill, thr)
    out.append(
        V(
            f"in how many months did Mill Lane collect more than {thr / 1000:g} tonnes?",
            "month_column",
            cnt(mill > thr),
        )
    )
    out.append(V("yearly total by ward", "x_by_y", gdict(tot.groupby(ward).sum())))
    out.append(V("how many routes are in the Abbey ward?", "row_noun", cnt(ward == "Abbey")))
    out.append(
        V(
            "list the streets collected on Fridays",
            "row_noun",
            ulist(st[df["Collection Day"] == "Fri"], hi=20),
            True,
        )
    )
    out.append(
        V(
            "how many routes have been flagged for contamination?",
            "status",
            cnt(df["Contamination Flag"] == "Yes"),
        )
    )
    out.append(
        V(
            "Castle ward routes with no contamination flag",
            "status",
            cnt((ward == "Castle") & (df["Contamination Flag"] == "No")),
        )
    )
    avoid(df["Households"], 1200)
    out.append(
        V("routes serving more than 1,200 households", "quantities", cnt(df["Households"] > 1200))
    )
    avoid(df["Mar"], 5000)
    out.append(
        V("routes that collected over 5 tonnes in March", "quantities", cnt(df["Mar"] > 5000))
    )
    out.append(
        V(
            "top 3 streets by total collected in 2023",
            "superlative",
            topn(pd.Series(tot.values, index=st), 3),
        )
    )
    g = df.assign(T=tot).groupby("Ward")
    out.append(
        V(
            "which ward recycles the most per household?",
            "superlative",
            top1(g["T"].sum() / g["Households"].sum()),
        )
    )
    out.append(
        V(
            "collections by ward and month for the first quarter",
            "two_keys",
            {
                str(w): {f"2023-{k + 1:02d}": num(v) for k, v in enumerate(r)}
                for w, r in df.groupby("Ward")[["Jan", "Feb", "Mar"]].sum().iterrows()
            },
        )
    )
    out.append(
        V(
            "how many routes have notes mentioning missed collections",
            "text_match",
            cnt(contains(df["Notes"], "missed")),
        )
    )
    out.append(
        V("streets with 'Lane' in the name", "text_match", ulist(st[contains(st, "Lane")]), True)
    )
    out.append(
        V(
            "kg per household for Mill Lane over the year",
            "derived",
            num(tot[st == "Mill Lane"].sum() / df.loc[st == "Mill Lane", "Households"].sum()),
        )
    )
    out.append(V("average number of households per route", "plain", num(df["Households"].mean())))
    differ(df.loc[df["Households"].idxmax(), "Route"], df.loc[tot.idxmax(), "Route"])
    out.append(CL("which is the busiest route?", "superlative"))
    out.append(CL("what's the average collection for Castle ward?", "month_column"))
    out.append(RF("how many bins were reported damaged?", "plain"))
    out.append(RF("what were collections like in 2022?", "month_column"))
    return out


# ==========================================================================
# 7. farmers' market stall fees ledger
# ==========================================================================
BUSINESSES = [
    ("Hill Farm Eggs", "Dairy"),
    ("Green Acre Veg", "Produce"),
    ("The Crusty Cob", "Bakery"),
    ("Meadow Dairy", "Dairy"),
    ("Wild Hive Honey", "Produce"),
    ("Oak Smokehouse", "Meat"),
    ("Butcher's Block", "Meat"),
    ("Little Loaf Co", "Bakery"),
    ("Clay & Kiln", "Crafts"),
    ("Woolly Wonders", "Crafts"),
    ("Taco Shack", "Hot Food"),
    ("Curry Pot", "Hot Food"),
    ("Bloom Nursery", "Plants"),
    ("Herb Corner", "Plants"),
    ("Orchard Ciders", "Produce"),
    ("Goat's Rock Cheese", "Dairy"),
    ("Pie Society", "Bakery"),
    ("Fired Up Pizza", "Hot Food"),
    ("Sunny Side Berries", "Produce"),
    ("Twig & Timber", "Crafts"),
    ("Pasture Pork", "Meat"),
    ("Succulent Shed", "Plants"),
    ("Sourdough Sisters", "Bakery"),
    ("Riverbank Trout", "Meat"),
    ("Wax & Wick Candles", "Crafts"),
    ("Crepe Escape", "Hot Food"),
    ("Mushroom Men", "Produce"),
    ("Cream of the Crop", "Dairy"),
    ("Fern & Moss", "Plants"),
    ("Root Cellar", "Produce"),
]
MKT_NOTES = [
    "arrived late",
    "complaint about pitch location",
    "complaint from neighbouring stall",
    "paid at next market",
    "new gazebo",
    "left early - rain",
    "arrived late, set up after 9",
    "asked for corner pitch",
]
MKT_HDR = [
    "Market Date",
    "Stallholder",
    "Business",
    "Category",
    "Pitch No",
    "Pitch Width (m)",
    "Electricity",
    "Fee (£)",
    "Paid (£)",
    "Payment Status",
    "Payment Method",
    "Notes",
]


def build_market(seed, path):
    rng = random.Random(seed)
    holders = people(rng, 30)
    prof = {}
    for h, (b, c) in zip(holders, BUSINESSES):
        width = rng.choice([3, 3, 6])
        elec = "Yes" if c == "Hot Food" else rng.choice(["Yes", "No", "No"])
        prof[h] = (b, c, width, elec)
    weights = [rng.choice([1, 2, 3, 4]) for _ in holders]
    dates = []
    for m in range(1, 13):
        sats = [date(2024, m, d) for d in range(1, 29) if date(2024, m, d).weekday() == 5]
        dates += [sats[0], sats[2]]
    rows = []
    for d in dates:
        k = rng.randint(6, 9)
        chosen = set()
        while len(chosen) < k:
            chosen.add(rng.choices(holders, weights)[0])
        pitches = rng.sample(range(1, 41), k)
        for h, p in zip(sorted(chosen), pitches):
            b, c, width, elec = prof[h]
            fee = (28 if width == 3 else 48) + (7.5 if elec == "Yes" else 0)
            status = rng.choices(["Paid", "Part-paid", "Unpaid", "Waived"], [72, 10, 11, 7])[0]
            paid = method = None
            if status == "Paid":
                paid = fee
            elif status == "Part-paid":
                paid = round(fee * rng.uniform(0.3, 0.8), 2)
                if paid == 30:
                    paid = 30.5
            if paid is not None:
                method = rng.choices(["Cash", "Card", "Transfer"], [45, 40, 15])[0]
            note = (
                "fee waived - charity stall"
                if status == "Waived" and rng.random() < 0.5
                else (rng.choice(MKT_NOTES) if rng.random() < 0.25 else None)
            )
            rows.append([d, h, b, c, p, width, elec, fee, paid, status, method, note])
    as_text(rng, rows, 7, 4)
    total = [
        "Total",
        None,
        None,
        None,
        None,
        None,
        None,
        round(sum(float(r[7]) for r in rows), 2),
        round(sum(r[8] or 0 for r in rows), 2),
        None,
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Stall Fees"
    write_table(
        ws,
        ["Saturday Farmers' Market - Stall Fee Ledger 2024", "Market held 1st and 3rd Saturday"],
        MKT_HDR,
        rows,
        blank_before=(60, 121),
        total=total,
        formats={"Market Date": "DD/MM/YYYY", "Fee (£)": "£#,##0.00", "Paid (£)": "£#,##0.00"},
        widths={"Stallholder": 18, "Business": 20, "Notes": 32},
    )
    save_deterministic(wb, path)
    return "Stall Fees", "Market Date"


def cases_market(df):
    dt, cat, fee, paid, ps = (
        df["Market Date"],
        df["Category"],
        df["Fee (£)"],
        df["Paid (£)"],
        df["Payment Status"],
    )
    owed_mask = ps.isin(["Unpaid", "Part-paid"])
    owed = (fee - paid.fillna(0)).where(owed_mask, 0)
    out = []
    out.append(V("how many stallholders do we have?", "row_noun", int(df["Stallholder"].nunique())))
    out.append(
        V(
            "list the dairy stallholders",
            "row_noun",
            ulist(df.loc[cat == "Dairy", "Stallholder"]),
            True,
        )
    )
    out.append(V("how many unpaid stall fees are there", "status", cnt(ps == "Unpaid")))
    out.append(
        V(
            "part-paid entries for hot food stalls",
            "status",
            cnt((ps == "Part-paid") & (cat == "Hot Food")),
        )
    )
    out.append(
        V("how many stall entries needed electricity?", "status", cnt(df["Electricity"] == "Yes"))
    )
    out.append(V("fees collected in June", "dates", num(paid[dt.dt.month == 6].sum())))
    out.append(V("how many stalls were there on 21 Sept?", "dates", cnt(dt == "2024-09-21")))
    out.append(V("total fees charged in H2", "dates", num(fee[dt.dt.month >= 7].sum())))
    out.append(
        V("amount paid from March through May", "dates", num(paid[dt.dt.month.between(3, 5)].sum()))
    )
    avoid(fee, 45, 30, 50)
    out.append(V("fees over £45?", "quantities", cnt(fee > 45)))
    avoid(paid, 30)
    out.append(V("how many payments were under £30", "quantities", cnt(paid < 30)))
    out.append(V("entries with a fee between £30 and £50", "quantities", cnt(fee.between(30, 50))))
    out.append(
        V(
            "which stallholder has paid us the most overall?",
            "superlative",
            top1(df.groupby("Stallholder")["Paid (£)"].sum()),
        )
    )
    out.append(V("which category owes the most?", "superlative", top1(owed.groupby(cat).sum())))
    out.append(
        V(
            "top 3 businesses by number of market days attended",
            "superlative",
            topn(df["Business"].value_counts(), 3),
        )
    )
    best_day = top1(paid.groupby(dt).sum())
    out.append(
        V(
            "which market day brought in the most money?",
            "superlative",
            pd.Timestamp(best_day).strftime("%Y-%m-%d"),
        )
    )
    out.append(
        V(
            "total paid by payment method and category",
            "two_keys",
            g2(df, "Payment Method", "Category", "Paid (£)", "sum"),
        )
    )
    out.append(
        V("number of entries per category", "x_by_y", gdict(cat.value_counts().sort_index()))
    )
    out.append(
        V(
            "entries whose notes mention being late",
            "text_match",
            cnt(contains(df["Notes"], "late")),
        )
    )
    out.append(
        V(
            "which stallholders have had a complaint noted?",
            "text_match",
            ulist(df.loc[contains(df["Notes"], "complaint"), "Stallholder"]),
            True,
        )
    )
    out.append(
        V(
            "total outstanding (fee minus paid) across unpaid and part-paid entries",
            "derived",
            num(owed.sum()),
        )
    )
    nw = ps != "Waived"
    out.append(
        V(
            "what share of the fees charged has actually been paid, leaving out waived ones?",
            "derived",
            num(paid[nw].sum() / fee[nw].sum()),
        )
    )
    out.append(V("average stall fee", "plain", num(fee.mean())))
    out.append(V("highest single payment?", "plain", num(paid.max())))
    out.append(CL("total amount from bakery stalls", "plain"))
    differ(
        top1(df.groupby("Stallholder")["Paid (£)"].sum()), top1(df["Stallholder"].value_counts())
    )
    out.append(CL("who's our biggest stallholder?", "superlative"))
    out.append(RF("how much produce did each stall sell?", "x_by_y"))
    out.append(RF("what are the stallholders' phone numbers?", "row_noun"))
    return out


# ==========================================================================
# 8. auto-parts wholesaler orders
# ==========================================================================
PARTS = [
    ("BP-101", "Brake pad set - front", "Brakes", 38.50, 22.10, 1.8),
    ("BD-205", "Brake disc 280mm", "Brakes", 54.90, 31.40, 6.2),
    ("OF-310", "Oil filter", "Filters", 6.80, 3.10, 0.35),
    ("AF-312", "Air filter", "Filters", 11.40, 5.20, 0.45),
    ("CF-318", "Cabin pollen filter", "Filters", 9.90, 4.30, 0.3),
    ("SP-420", "Spark plug (4-pack)", "Electrical", 18.60, 9.70, 0.25),
    ("AL-455", "Alternator 90A", "Electrical", 189.00, 121.50, 6.5),
    ("BT-460", "Battery 70Ah", "Electrical", 112.00, 74.00, 17.8),
    ("TB-510", "Timing belt kit", "Engine", 96.50, 58.20, 1.6),
    ("CK-610", "Clutch kit", "Engine", 214.00, 139.00, 8.9),
    ("WP-515", "Water pump", "Cooling", 64.20, 37.90, 2.1),
    ("RD-530", "Radiator", "Cooling", 158.00, 98.60, 7.4),
    ("WB-720", "Wiper blade 22in", "Body", 8.40, 3.60, 0.2),
    ("HL-740", "Headlamp unit LH", "Body", 129.00, 82.00, 2.7),
]
GARAGES = [
    "Kelly's Garage",
    "Main Street Motors",
    "A1 Autos",
    "Quick Fit Centre",
    "Riverside Motors",
    "Westend Car Care",
    "Parkway Service Centre",
    "J&M Mechanics",
    "Northway Autos",
    "Brennan Motor Works",
    "Station Garage",
    "Apex Auto Repairs",
    "Hilltop Motors",
    "Central Car Clinic",
    "Fastlane Servicing",
    "Dockside Commercials",
    "Greenway Garage",
    "Meadow Motors",
    "Castle Autos",
    "Bridge Street Garage",
    "Premier Fleet Services",
    "Valley Vehicle Care",
    "Sunrise Motors",
    "Kingsbridge Auto",
    "Lakeside Tyres",
    "Mill Road Motors",
    "Crossroads Garage",
    "Harbour Motors",
]
REPS = ["Sean Doherty", "Kate Fleming", "Raj Malhotra", "Lena Fischer", "Mark Quinn"]
AUTO_NOTES = [
    "urgent - customer car on ramp",
    "deliver to rear entrance",
    "URGENT",
    "call before delivery",
    "price match agreed",
    "collect in person",
    "wrong part returned previously",
    "urgent, next-day please",
]
AUTO_HDR = [
    "Order No",
    "Order Date",
    "Customer",
    "Region",
    "Part No",
    "Part Description",
    "Category",
    "Qty",
    "Unit Price (€)",
    "Unit Cost (€)",
    "Weight kg",
    "Shipped",
    "Status",
    "Delivery Date",
    "Sales Rep",
    "Notes",
]


def build_auto(seed, path):
    rng = random.Random(seed)
    regions = ["North", "South", "East", "West", "Central"]
    greg = {g: regions[i % 5] for i, g in enumerate(rng.sample(GARAGES, len(GARAGES)))}
    gw = [rng.choice([1, 1, 2, 3, 4]) for _ in GARAGES]
    rows = []
    for _ in range(200):
        g = rng.choices(GARAGES, gw)[0]
        d = pick_date(rng, date(2024, 1, 2), date(2024, 12, 20))
        while d.weekday() >= 5:
            d += timedelta(days=1)
        pn, desc, cat, price, cost, wt = rng.choice(PARTS)
        qty = rng.randint(1, 12) if price > 50 else rng.choice([v for v in range(5, 81) if v != 40])
        late = d >= date(2024, 11, 15)
        status = rng.choices(
            ["Closed", "Open", "Backordered"], [30, 55, 15] if late else [82, 8, 10]
        )[0]
        shipped = "Yes" if status == "Closed" or (status == "Open" and rng.random() < 0.3) else "No"
        deliv = d + timedelta(days=rng.randint(1, 6)) if shipped == "Yes" else None
        note = rng.choice(AUTO_NOTES) if rng.random() < 0.25 else None
        rows.append(
            [
                None,
                d,
                g,
                greg[g],
                pn,
                desc,
                cat,
                qty,
                price,
                cost,
                wt,
                shipped,
                status,
                deliv,
                rng.choice(REPS),
                note,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[2]))
    for i, r in enumerate(rows):
        r[0] = f"SO-{24001 + i}"
    as_text(rng, rows, 7, 4)
    rows[rng.randrange(200)][14] = None
    total = ["Total", None, None, None, None, None, None, sum(int(r[7]) for r in rows)] + [None] * 8
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    write_table(
        ws,
        ["Northline Auto Parts - Wholesale Orders 2024"],
        AUTO_HDR,
        rows,
        blank_before=(150,),
        total=total,
        formats={
            "Order Date": "DD/MM/YYYY",
            "Delivery Date": "DD/MM/YYYY",
            "Unit Price (€)": "#,##0.00",
            "Unit Cost (€)": "#,##0.00",
        },
        widths={"Customer": 22, "Part Description": 22, "Notes": 30},
    )
    save_deterministic(wb, path)
    return "Orders", "Order No"


def cases_auto(df):
    reg, dt, st, sh, qty = df["Region"], df["Order Date"], df["Status"], df["Shipped"], df["Qty"]
    price, cost, wt, cat = (
        df["Unit Price (€)"],
        df["Unit Cost (€)"],
        df["Weight kg"],
        df["Category"],
    )
    val = qty * price
    margin = qty * (price - cost)
    out = []
    out.append(
        V("how many orders came from the Central region?", "row_noun", cnt(reg == "Central"))
    )
    out.append(
        V(
            "list the customers in the West",
            "row_noun",
            ulist(df.loc[reg == "West", "Customer"]),
            True,
        )
    )
    out.append(V("how many open orders are there", "status", cnt(st == "Open")))
    out.append(V("orders that haven't shipped yet", "status", cnt(sh == "No")))
    out.append(
        V("backordered brake parts?", "status", cnt((st == "Backordered") & (cat == "Brakes")))
    )
    out.append(V("orders placed in Q3", "dates", cnt(dt.dt.quarter == 3)))
    out.append(
        V(
            "How many orders were placed between 1 Feb and 15 March?",
            "dates",
            cnt((dt >= "2024-02-01") & (dt <= "2024-03-15")),
        )
    )
    out.append(V("units ordered in October", "dates", num(qty[dt.dt.month == 10].sum())))
    out.append(
        V(
            "how many orders were delivered after 30 November",
            "dates",
            cnt(df["Delivery Date"] > "2024-11-30"),
        )
    )
    avoid(qty, 40)
    out.append(V("orders for more than 40 units", "quantities", cnt(qty > 40)))
    avoid(price, 150)
    out.append(V("order lines where the unit price is above €150", "quantities", cnt(price > 150)))
    avoid(val, 2500)
    out.append(V("orders worth over €2.5k", "quantities", cnt(val > 2500)))
    out.append(
        V(
            "which garage spent the most with us?",
            "superlative",
            top1(val.groupby(df["Customer"]).sum()),
        )
    )
    out.append(
        V(
            "most ordered part by units",
            "superlative",
            top1(df.groupby("Part Description")["Qty"].sum()),
        )
    )
    out.append(
        V(
            "top five customers by number of orders",
            "superlative",
            topn(df["Customer"].value_counts(), 5),
        )
    )
    out.append(
        V(
            "which sales rep generated the highest total margin?",
            "superlative",
            top1(margin.groupby(df["Sales Rep"]).sum()),
        )
    )
    out.append(
        V("units by region and category", "two_keys", g2(df, "Region", "Category", "Qty", "sum"))
    )
    out.append(V("order count by sales rep and status", "two_keys", g2(df, "Sales Rep", "Status")))
    out.append(V("revenue by category", "x_by_y", gdict(val.groupby(cat).sum())))
    out.append(
        V("orders with 'urgent' in the notes", "text_match", cnt(contains(df["Notes"], "urgent")))
    )
    out.append(
        V(
            "how many order lines mention filter in the description?",
            "text_match",
            cnt(contains(df["Part Description"], "filter")),
        )
    )
    out.append(V("total gross margin on shipped orders", "derived", num(margin[sh == "Yes"].sum())))
    out.append(
        V(
            "total shipping weight in kg for open orders",
            "derived",
            num((qty * wt)[st == "Open"].sum()),
        )
    )
    out.append(V("average quantity per order", "plain", num(qty.mean())))
    differ(df.loc[qty.idxmax(), "Order No"], df.loc[val.idxmax(), "Order No"])
    out.append(CL("what was the biggest order?", "superlative"))
    differ(top1(df["Customer"].value_counts()), top1(val.groupby(df["Customer"]).sum()))
    out.append(CL("who is our top customer?", "superlative"))
    out.append(RF("which supplier do we buy alternators from?", "row_noun"))
    out.append(RF("how many parts were returned?", "status"))
    return out


# ==========================================================================
# 9. music school lessons
# ==========================================================================
TEACHERS = {
    "Anna Harper": (42, ["Piano"]),
    "David Okafor": (45, ["Violin", "Cello"]),
    "Rosa Lindqvist": (40, ["Voice", "Piano"]),
    "Tom Reilly": (36, ["Guitar", "Drums"]),
    "Mei Tanaka": (38, ["Flute"]),
}
LEVELS = [
    "Beginner",
    "Grade 1",
    "Grade 2",
    "Grade 3",
    "Grade 4",
    "Grade 5",
    "Grade 6",
    "Grade 7",
    "Grade 8",
]
MUS_NOTES = [
    "practise scales more",
    "exam prep - Grade 5 pieces",
    "missed - sick",
    "rescheduled from Tuesday",
    "parent asked about the summer recital",
    "new music book needed",
    "recital piece chosen",
    "exam booked for June",
    "sight-reading improving",
]
MUS_HDR = [
    "Lesson ID",
    "Date",
    "Student",
    "Age",
    "Instrument",
    "Teacher",
    "Level",
    "Lesson Type",
    "Duration (min)",
    "Rate (£/hr)",
    "Attended",
    "Invoice Status",
    "Notes",
]


def build_music(seed, path):
    rng = random.Random(seed)
    names = people(rng, 45)
    studs = {}
    for n in names:
        t = rng.choice(list(TEACHERS))
        inst = rng.choice(TEACHERS[t][1])
        age = rng.choice([a for a in range(6, 63) if a != 12])
        lvl = None if (age > 25 and rng.random() < 0.4) else rng.choice(LEVELS)
        studs[n] = (age, inst, t, lvl, rng.choice([30, 30, 45, 60]))
    sw = [rng.choice([1, 2, 3, 4]) for _ in names]
    rows = []
    while len(rows) < 200:
        d = pick_date(rng, date(2023, 9, 4), date(2024, 6, 28))
        if (
            d.weekday() == 6
            or date(2023, 12, 22) <= d <= date(2024, 1, 7)
            or date(2024, 3, 29) <= d <= date(2024, 4, 12)
        ):
            continue
        n = rng.choices(names, sw)[0]
        age, inst, t, lvl, dur = studs[n]
        rate = TEACHERS[t][0] + (6 if lvl in LEVELS[5:] else 0)
        att = "Yes" if rng.random() < 0.88 else "No"
        status = rng.choices(
            ["Paid", "Unpaid", "Overdue"], [70, 18, 12] if d < date(2024, 5, 1) else [60, 40, 0]
        )[0]
        note = (
            "missed - sick"
            if att == "No" and rng.random() < 0.5
            else (rng.choice(MUS_NOTES) if rng.random() < 0.3 else None)
        )
        rows.append(
            [
                None,
                d,
                n,
                age,
                inst,
                t,
                lvl,
                "Group" if rng.random() < 0.2 else "Individual",
                dur,
                rate,
                att,
                status,
                note,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[2]))
    for i, r in enumerate(rows):
        r[0] = f"L{i + 1:04d}"
    as_text(rng, rows, 3, 5)
    total = [
        "Total",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        sum(r[8] for r in rows),
        None,
        None,
        None,
        None,
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lessons"
    write_table(
        ws,
        ["Allegro Music School - Lesson Register", "September 2023 to June 2024"],
        MUS_HDR,
        rows,
        blank_before=(66, 140),
        total=total,
        formats={"Date": "DD/MM/YYYY", "Rate (£/hr)": "£#,##0.00"},
        widths={"Student": 18, "Teacher": 16, "Notes": 34},
    )
    save_deterministic(wb, path)
    return "Lessons", "Lesson ID"


def cases_music(df):
    dt, inst, tch, dur, rate = (
        df["Date"],
        df["Instrument"],
        df["Teacher"],
        df["Duration (min)"],
        df["Rate (£/hr)"],
    )
    att, inv, age = df["Attended"], df["Invoice Status"], df["Age"]
    fee = dur / 60 * rate
    hours = dur / 60
    out = []
    out.append(
        V(
            "how many students learn the cello?",
            "row_noun",
            int(df.loc[inst == "Cello", "Student"].nunique()),
        )
    )
    out.append(
        V(
            "list the students taught by david okafor",
            "row_noun",
            ulist(df.loc[tch == "David Okafor", "Student"], hi=20),
            True,
        )
    )
    out.append(V("how many lessons were missed?", "status", cnt(att == "No")))
    out.append(V("how many invoices are overdue", "status", cnt(inv == "Overdue")))
    out.append(
        V(
            "unpaid or overdue piano lessons",
            "status",
            cnt(inv.isin(["Unpaid", "Overdue"]) & (inst == "Piano")),
        )
    )
    out.append(V("lessons in January", "dates", cnt(dt.dt.month == 1)))
    out.append(
        V("how many lessons in Q4 2023?", "dates", cnt((dt.dt.year == 2023) & (dt.dt.quarter == 4)))
    )
    out.append(V("lessons since 10 May", "dates", cnt(dt >= "2024-05-10")))
    out.append(
        V(
            "hours taught from February to April",
            "dates",
            num(hours[dt.dt.month.between(2, 4)].sum()),
        )
    )
    out.append(V("lessons shorter than 40 minutes", "quantities", cnt(dur < 40)))
    avoid(fee, 25)
    out.append(V("lessons costing more than £25", "quantities", cnt(fee > 25)))
    avoid(age, 12)
    out.append(
        V(
            "how many students are under twelve?",
            "quantities",
            int(df.loc[age < 12, "Student"].nunique()),
        )
    )
    out.append(
        V("which student had the most lessons?", "superlative", top1(df["Student"].value_counts()))
    )
    out.append(
        V(
            "which instrument brings in the most money?",
            "superlative",
            top1(fee.groupby(inst).sum()),
        )
    )
    out.append(
        V("top 3 teachers by hours taught", "superlative", topn(hours.groupby(tch).sum(), 3))
    )
    out.append(
        V(
            "who is the youngest student?",
            "superlative",
            top1(df.groupby("Student")["Age"].min(), largest=False),
        )
    )
    out.append(
        V(
            "lesson count by instrument and lesson type",
            "two_keys",
            g2(df, "Instrument", "Lesson Type"),
        )
    )
    out.append(
        V("lessons by teacher and invoice status", "two_keys", g2(df, "Teacher", "Invoice Status"))
    )
    out.append(
        V(
            "average hourly rate by teacher",
            "x_by_y",
            gdict(df.groupby("Teacher")["Rate (£/hr)"].mean()),
        )
    )
    out.append(
        V("lessons with 'exam' in the notes", "text_match", cnt(contains(df["Notes"], "exam")))
    )
    out.append(
        V(
            "which students have notes about the recital?",
            "text_match",
            ulist(df.loc[contains(df["Notes"], "recital"), "Student"]),
            True,
        )
    )
    out.append(V("total fees for attended lessons", "derived", num(fee[att == "Yes"].sum())))
    out.append(
        V("how much is owed on overdue invoices?", "derived", num(fee[inv == "Overdue"].sum()))
    )
    out.append(
        V("how many lessons were given to grade 5 students", "plain", cnt(df["Level"] == "Grade 5"))
    )
    differ(top1(tch.value_counts()), top1(hours.groupby(tch).sum()))
    out.append(CL("who's the busiest teacher?", "superlative"))
    out.append(CL("how many lessons in the spring?", "dates"))
    out.append(RF("what's each teacher's salary?", "x_by_y"))
    out.append(RF("which room gets used the most?", "superlative"))
    return out


# ==========================================================================
# 10. ferry crossings, a column per year
# ==========================================================================
PORTS = [
    "Kelby",
    "Marrow Isle",
    "Port Avel",
    "Skerry",
    "Dunmore",
    "Inchcarra",
    "Ballyrock",
    "St Elwen",
    "Carrick Ness",
    "Holmwick",
    "Tarsay",
    "Brannock",
    "Fennick",
    "Glaslough",
    "Ardnish",
    "Corran Bay",
    "Eilean Mor",
    "Penhallow",
    "Scarth",
    "Lundy Reach",
    "Mull Point",
    "Rathlin Quay",
    "Sandray",
    "Torvik",
    "Whitsand",
    "Oransay",
    "Portnalong",
    "Cullen",
    "Barra Head",
    "Yellsound",
]
AREAS = ["Northern Isles", "Western Approaches", "Channel", "Firth"]
VESSELS = [
    "MV Islander",
    "MV Corran Star",
    "MV Solan",
    "MV Saltire",
    "MV Puffin",
    "MV Kittiwake",
    "MV Northern Light",
    "MV Sea Lark",
]
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
YFACT = {2019: 1.0, 2020: 0.45, 2021: 0.7, 2022: 0.95, 2023: 1.02, 2024: 1.05}
FERRY_HDR = (
    ["Route", "Sea Area", "Vessel", "Distance (nm)", "Duration (min)", "Season", "Active"]
    + YEARS
    + ["Notes"]
)


def build_ferry(seed, path):
    rng = random.Random(seed)
    fixed = [("Kelby", "Marrow Isle"), ("Port Avel", "Skerry"), ("Dunmore", "Inchcarra")]
    pairs = list(fixed)
    while len(pairs) < 45:
        a, b = rng.sample(PORTS, 2)
        if (a, b) not in pairs and (b, a) not in pairs:
            pairs.append((a, b))
    free = list(range(3, 45))
    new = set(rng.sample(free, 5))
    free = [i for i in free if i not in new]
    suspended = set(rng.sample(free, 4))
    inactive = set(rng.sample([i for i in free if i not in suspended], 5))
    rows = []
    for i, (a, b) in enumerate(pairs):
        dist = round(rng.uniform(2.0, 48.0), 1)
        if dist == 20.0:
            dist = 20.2
        speed = rng.uniform(9, 16)
        durn = int(round(dist / speed * 60 + rng.randint(5, 25)))
        if durn == 90:
            durn = 92
        season = "Summer only" if rng.random() < 0.3 else "Year-round"
        base = rng.randint(300, 3000) if season == "Year-round" else rng.randint(100, 800)
        start = rng.choice([2021, 2022]) if i in new else 2019
        yv = []
        for y in YEARS:
            if y < start:
                yv.append(None)
            elif y == 2020 and i in suspended:
                yv.append(0)
            elif y == 2024 and i in inactive:
                yv.append(0)
            else:
                v = int(round(base * YFACT[y] * rng.uniform(0.88, 1.12)))
                if v == 1000:
                    v = 1004
                yv.append(v)
        if i in new:
            note = f"new route from {start}"
        elif i in suspended:
            note = "suspended 2020 (pandemic)"
        elif i in inactive:
            note = "route withdrawn end of 2023"
        else:
            note = rng.choice(
                [
                    None,
                    None,
                    None,
                    "weather cancellations in winter",
                    "vessel swapped 2022",
                    "weather disruption Jan 2024",
                    "timetable cut 2023",
                    "extra summer sailings",
                ]
            )
        rows.append(
            [
                f"{a} – {b}",
                rng.choice(AREAS),
                rng.choice(VESSELS),
                dist,
                durn,
                season,
                "No" if i in inactive else "Yes",
            ]
            + yv
            + [note]
        )
    rng.shuffle(rows)
    for k in rng.sample(range(45), 4):
        c = rng.choice([j for j in range(7, 13) if rows[k][j]])
        rows[k][c] = str(rows[k][c])
    total = (
        ["Total", None, None, None, None, None, None]
        + [sum(int(r[j]) for r in rows if r[j] is not None) for j in range(7, 13)]
        + [None]
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Crossings by Year"
    write_table(
        ws,
        [
            "Island Ferries Ltd - Annual Crossings by Route",
            "Number of one-way crossings, 2019-2024",
        ],
        FERRY_HDR,
        rows,
        blank_before=(23,),
        total=total,
        formats={y: "#,##0" for y in YEARS},
        widths={"Route": 28, "Vessel": 18, "Notes": 30},
    )
    save_deterministic(wb, path)
    return "Crossings by Year", "Route"


def cases_ferry(df):
    ys = [str(y) for y in YEARS]
    route, area, dist, durn = df["Route"], df["Sea Area"], df["Distance (nm)"], df["Duration (min)"]
    ysum = df[ys].sum()
    tot = df[ys].sum(axis=1)
    R = df.set_index("Route")
    out = []
    out.append(V("total crossings in 2022", "wide_years", num(df["2022"].sum())))
    out.append(V("which year had the most crossings overall?", "wide_years", int(top1(ysum))))
    out.append(
        V(
            "percentage growth in total crossings from 2020 to 2023",
            "wide_years",
            num((ysum["2023"] - ysum["2020"]) / ysum["2020"]),
        )
    )
    out.append(
        V(
            "how many crossings did Kelby - Marrow Isle run in 2019?",
            "wide_years",
            num(R.loc["Kelby – Marrow Isle", "2019"]),
        )
    )
    out.append(V("which route had the most crossings in 2024?", "wide_years", top1(R["2024"])))
    out.append(V("average crossings per route in 2021", "wide_years", num(df["2021"].mean())))
    out.append(
        V(
            "total crossings over all six years for the Northern Isles routes",
            "wide_years",
            num(tot[area == "Northern Isles"].sum()),
        )
    )
    out.append(
        V(
            "which route had the biggest increase in crossings from 2019 to 2024?",
            "wide_years",
            top1((R["2024"] - R["2019"]).dropna()),
        )
    )
    out.append(V("total crossings per year", "wide_years", gdict(ysum)))
    avoid(df["2023"], 1000)
    out.append(
        V(
            "how many routes ran more than 1,000 crossings in 2023?",
            "wide_years",
            cnt(df["2023"] > 1000),
        )
    )
    out.append(
        V(
            "which routes have no figure for 2019?",
            "wide_years",
            ulist(route[df["2019"].isna()]),
            True,
        )
    )
    out.append(V("six-year total for each sea area", "x_by_y", gdict(tot.groupby(area).sum())))
    out.append(
        V(
            "list the routes the MV Islander sails",
            "row_noun",
            ulist(route[df["Vessel"] == "MV Islander"]),
            True,
        )
    )
    out.append(V("how many routes are inactive", "status", cnt(df["Active"] == "No")))
    avoid(dist, 20)
    out.append(V("routes longer than 20 nautical miles", "quantities", cnt(dist > 20)))
    avoid(durn, 90)
    out.append(V("routes that take under an hour and a half", "quantities", cnt(durn < 90)))
    out.append(V("longest route by distance?", "superlative", top1(R["Distance (nm)"])))
    out.append(
        V("which vessel covers the most routes?", "superlative", top1(df["Vessel"].value_counts()))
    )
    out.append(
        V(
            "top 3 routes by total crossings over the six years",
            "superlative",
            topn(pd.Series(tot.values, index=route), 3),
        )
    )
    out.append(
        V(
            "crossings by sea area and year",
            "two_keys",
            {
                str(a): {y: num(v) for y, v in r.items()}
                for a, r in df.groupby("Sea Area")[ys].sum().iterrows()
            },
        )
    )
    out.append(
        V(
            "how many routes mention weather in the notes?",
            "text_match",
            cnt(contains(df["Notes"], "weather")),
        )
    )
    out.append(
        V(
            "average speed in knots on the Port Avel – Skerry crossing",
            "derived",
            num(
                R.loc["Port Avel – Skerry", "Distance (nm)"]
                / (R.loc["Port Avel – Skerry", "Duration (min)"] / 60)
            ),
        )
    )
    out.append(
        V(
            "total nautical miles sailed in 2023 across all routes",
            "derived",
            num((dist * df["2023"]).sum()),
        )
    )
    out.append(CL("how many crossings did Dunmore – Inchcarra have?", "wide_years"))
    differ(top1(R["Distance (nm)"]), top1(R["Duration (min)"]))
    out.append(CL("what's the longest route?", "superlative"))
    differ(top1(pd.Series(tot.values, index=route)), top1(R["2024"]))
    out.append(CL("which route is the busiest?", "superlative"))
    out.append(RF("how many passengers travelled in 2022?", "wide_years"))
    out.append(RF("what was the ticket revenue by route?", "x_by_y"))
    return out


# ==========================================================================
# driver
# ==========================================================================
SPECS = [
    ("marina_berths.xlsx", build_marina, cases_marina, 1100),
    ("blood_drive.xlsx", build_blood, cases_blood, 2200),
    ("scholarships.xlsx", build_scholar, cases_scholar, 3300),
    ("escape_rooms.xlsx", build_escape, cases_escape, 4400),
    ("tree_planting.xlsx", build_trees, cases_trees, 5500),
    ("recycling_collections.xlsx", build_recycling, cases_recycling, 6600),
    ("market_stall_fees.xlsx", build_market, cases_market, 7700),
    ("auto_parts_orders.xlsx", build_auto, cases_auto, 8800),
    ("music_lessons.xlsx", build_music, cases_music, 9900),
    ("ferry_crossings.xlsx", build_ferry, cases_ferry, 12100),
]


def main():
    os.makedirs(BOOKS, exist_ok=True)
    all_cases = []
    for book, build, cases, base in SPECS:
        path = os.path.join(BOOKS, book)
        for attempt in range(3000):
            seed = base + attempt
            sheet, first = build(seed, path)
            df = load_table(path, sheet, first)
            try:
                cs = cases(df)
            except Redraw:
                continue
            break
        else:
            raise SystemExit(f"could not draw {book}")
        if os.environ.get("DEV12_VERBOSE"):
            print(
                f"{book}: seed {seed} (attempt {attempt + 1}), {len(df)} rows, {len(cs)} cases",
                file=sys.stderr,
            )
        if not 40 <= len(df) <= 200:
            raise SystemExit(f"{book}: {len(df)} rows")
        for c in cs:
            c["book"], c["sheet"] = book, sheet
        all_cases.extend(cs)
    seen = set()
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for i, c in enumerate(all_cases, start=1):
            if c["command"].lower() in seen:
                raise SystemExit(f"duplicate command {c['command']!r}")
            seen.add(c["command"].lower())
            rec = {
                "id": f"{ID_PREFIX}-{i:03d}",
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
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
