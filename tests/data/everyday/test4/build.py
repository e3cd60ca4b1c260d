"""Build the ``test4`` held-out evaluation set for nlsheet.

This script was written by a helper that saw neither nlsheet's training data
nor its rules (nor its source, sample workbooks, benchmarks or other tests).
It is fully deterministic: every workbook is generated from a seeded
``random.Random`` with fixed dates and no clock, and the .xlsx zip entries and
document properties carry a fixed timestamp.

What it does:

* writes 10 messy-but-realistic workbooks into ``books/`` (title rows above
  the header, blank rows, "Total" rows under the data, a table starting in
  column B, numbers stored as text, blanks, yes/no and status columns,
  free-text notes, dates, currency and units in headers, a wide table with a
  column per year and one with a column per month);
* reads each workbook back with its own small loader (skipping title rows,
  blank rows and Total rows) and computes every expected answer from the data
  with pandas -- no answer is typed by hand;
* writes ``cases.jsonl``, one JSON object per line::

    {"id", "book", "sheet", "command", "class", "split": "test",
     "kind": "value" | "clarify" | "refuse", "expected", ["unordered"]}

Conventions for ``expected``:

* kind "value": the answer.  Numbers are plain JSON numbers (counts are
  ints); a single name is a string; lists of names are lists ("unordered":
  true when order does not matter, ranked lists keep rank order); "X by Y" is
  ``{group: number}``; two keys are ``{k1: {k2: number}}``; months are
  "YYYY-MM", single dates "YYYY-MM-DD", years are ints; percentages and
  shares are fractions between 0 and 1.  A bare noun phrase ("unpaid
  invoices") is a count of rows.  "between A and B" is inclusive, "since D"
  includes D, "before"/"after" exclude.  Blank cells are ignored by
  averages.  Superlatives and top-N lists never have ties and no value sits
  exactly on a threshold used in a command (checked in code; data is
  re-drawn with the next seed otherwise).
* kind "clarify": expected null -- the command is genuinely ambiguous for the
  table (two reasonable readings with different answers).
* kind "refuse": expected null -- the table cannot answer the command (for
  example it asks about a column that does not exist).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
BOOKS = HERE / "books"
CASES_FILE = HERE / "cases.jsonl"
FIXED_ZIP_DATE = (2024, 1, 1, 0, 0, 0)
FIXED_DOC_STAMP = "2024-01-01T00:00:00Z"

CLASSES = {
    "row_noun",
    "status",
    "dates",
    "month_column",
    "quantities",
    "superlative",
    "two_keys",
    "x_by_y",
    "text_match",
    "derived",
    "wide_years",
    "plain",
}

FIRST = [
    "Aisha", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
    "Ines", "Jack", "Kofi", "Lena", "Mateo", "Nora", "Oscar", "Priya",
    "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy", "Xavier",
    "Yara", "Zoe", "Liam", "Maya", "Noah", "Olivia", "Ethan", "Chloe",
    "Lucas", "Amara", "Felix", "Hannah", "Isaac", "Julia", "Kai", "Leah",
]  # fmt: skip
LAST = [
    "Smith", "Okafor", "Garcia", "Novak", "Kowalski", "Nguyen", "Murphy",
    "Rossi", "Schmidt", "Silva", "Brown", "Khan", "Larsen", "Dubois",
    "Tanaka", "Costa", "Walsh", "Patel", "Jensen", "Moreau", "Fischer",
    "Byrne", "Haddad", "Ivanova", "Lopez", "Kelly", "Mensah", "Yilmaz",
    "Berg", "Reyes",
]  # fmt: skip
EMAIL_DOMAINS = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "icloud.com"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class RedrawError(Exception):
    """Raised when generated data would make a case unfair; try the next seed."""


def need(cond) -> None:
    if not bool(cond):
        raise RedrawError


# --------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------


def ymd(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d)


def rand_date(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def people(rng: random.Random, n: int) -> list[str]:
    pool = [f"{f} {s}" for f in FIRST for s in LAST]
    return rng.sample(pool, n)


def email_for(rng: random.Random, name: str, domains=None, weights=None) -> str:
    first, last = name.lower().split(" ", 1)
    last = last.replace(" ", "")
    local = rng.choice(
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}"]
    )
    addr = f"{local}@{rng.choices(domains or EMAIL_DOMAINS, weights)[0]}"
    if rng.random() < 0.08:
        addr = addr[0].upper() + addr[1:]
    return addr


def as_text(rng: random.Random, value, prob: float, fmt: str = "{}"):
    """Occasionally store a number as text, like a pasted value."""
    if value is None or rng.random() >= prob:
        return value
    return fmt.format(value)


def norm(v):
    """Convert pandas/numpy values into plain JSON values."""
    if isinstance(v, dict):
        return {str(k): norm(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    if v is None:
        return None
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        v = float(v)
    if isinstance(v, float):
        if math.isnan(v):
            raise ValueError("NaN in expected answer")
        r = round(v, 6)
        return int(r) if r.is_integer() else r
    return v


def cnt(mask) -> int:
    v = int(mask.sum())
    need(v > 0)
    return v


def top1(s: pd.Series, largest: bool = True):
    s = s.dropna().sort_values(ascending=not largest)
    need(len(s) >= 2 and s.iloc[0] != s.iloc[1])
    return s.index[0]


def topn(s: pd.Series, n: int, largest: bool = True) -> list:
    s = s.dropna().sort_values(ascending=not largest)
    need(len(s) > n)
    vals = list(s.iloc[: n + 1])
    need(len(set(vals)) == n + 1)
    return list(s.index[:n])


def as_dict(s: pd.Series) -> dict:
    return {str(k): v for k, v in sorted(s.items(), key=lambda kv: str(kv[0]))}


def nested(
    df: pd.DataFrame, k1: str, k2: str, val: str | None = None, agg: str = "sum", full: bool = True
) -> dict:
    g = df.groupby([k1, k2])
    s = g.size() if val is None else g[val].agg(agg)
    if full:
        need(len(s) == df[k1].nunique() * df[k2].nunique())
    out: dict = {}
    for (a, b), v in s.items():
        out.setdefault(str(a), {})[str(b)] = v
    return out


def pick_thr(values: pd.Series, candidates) -> float:
    """First candidate threshold that no value sits on and that splits the data."""
    v = values.dropna()
    for c in candidates:
        if not (v == c).any() and 0 < int((v > c).sum()) < len(v):
            return c
    raise RedrawError


def contains(s: pd.Series, word: str) -> pd.Series:
    return s.fillna("").astype(str).str.contains(word, case=False, regex=False)


# --------------------------------------------------------------------------
# writing and reading workbooks
# --------------------------------------------------------------------------


def write_header(ws, row: int, col: int, headers) -> None:
    for j, h in enumerate(headers):
        cell = ws.cell(row=row, column=col + j, value=h)
        cell.font = Font(bold=True)


def write_rows(ws, row: int, col: int, rows, fmts=None) -> int:
    """Write rows (a None row leaves a blank line); return the next free row."""
    fmts = fmts or {}
    for values in rows:
        if values is not None:
            for j, v in enumerate(values):
                if v is None or v == "":
                    continue
                cell = ws.cell(row=row, column=col + j, value=v)
                if j in fmts and not isinstance(v, str):
                    cell.number_format = fmts[j]
        row += 1
    return row


def title(ws, ref: str, text: str, bold: bool = True) -> None:
    ws[ref] = text
    if bold:
        ws[ref].font = Font(bold=True, size=13)


def save(wb, name: str) -> Path:
    path = BOOKS / name
    wb.properties.creator = "test4 build.py"
    wb.properties.lastModifiedBy = "test4 build.py"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, raw in items:
            data = raw
            if fname == "docProps/core.xml":
                text = raw.decode("utf-8")
                for tag in ("created", "modified"):
                    text = re.sub(
                        rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)",
                        rf"\g<1>{FIXED_DOC_STAMP}\g<2>",
                        text,
                    )
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(fname, date_time=FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return path


_NOT_NUM = object()


def to_num(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        s = v.strip().replace(",", "").replace("€", "").replace("$", "").replace("£", "").strip()
        if s.endswith("%"):
            s = s[:-1]
        try:
            return float(s)
        except ValueError:
            return _NOT_NUM
    return _NOT_NUM


def load(name: str, sheet: str, header_row: int, first_col: int = 1) -> pd.DataFrame:
    """Small loader: header at a known row, skip blank rows, stop at a Total row."""
    wb = openpyxl.load_workbook(BOOKS / name, data_only=True)
    ws = wb[sheet]
    rows = list(ws.iter_rows(min_row=header_row, min_col=first_col, values_only=True))
    header = list(rows[0])
    width = max(i for i, h in enumerate(header) if h is not None) + 1
    header = [str(h).strip() for h in header[:width]]
    data = []
    for raw in rows[1:]:
        r = list(raw[:width]) + [None] * (width - len(raw))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in r):
            continue
        if isinstance(r[0], str) and r[0].strip().lower().startswith("total"):
            break
        data.append(r)
    df = pd.DataFrame(data, columns=header, dtype=object)
    for col in df.columns:
        vals = [v for v in df[col] if v is not None and not (isinstance(v, str) and not v.strip())]
        if not vals:
            continue
        if all(isinstance(v, dt.datetime) for v in vals):
            df[col] = pd.to_datetime(df[col])
            continue
        conv = [to_num(v) for v in vals]
        good = sum(1 for v in conv if v is not _NOT_NUM)
        if good >= 0.8 * len(vals) and any(not isinstance(v, str) for v in vals):
            df[col] = pd.to_numeric(
                [None if (x := to_num(v)) is _NOT_NUM else x for v in df[col]],
                errors="coerce",
            )
        else:
            df[col] = df[col].map(lambda v: v.strip() if isinstance(v, str) else v)
    return df


class Cases:
    def __init__(self, key: str, book: str, sheet: str):
        self.key, self.book, self.sheet = key, book, sheet
        self.items: list[dict] = []

    def add(
        self,
        command: str,
        cls: str,
        expected=None,
        kind: str = "value",
        unordered: bool = False,
        sheet=None,
    ):
        assert cls in CLASSES, cls
        assert kind in {"value", "clarify", "refuse"}
        if kind == "value":
            assert expected is not None
        else:
            assert expected is None
        item = {
            "id": "",
            "book": self.book,
            "sheet": sheet or self.sheet,
            "command": command,
            "class": cls,
            "split": "test",
            "kind": kind,
            "expected": norm(expected),
        }
        if unordered:
            item["unordered"] = True
        self.items.append(item)

    def clarify(self, command: str, cls: str) -> None:
        self.add(command, cls, None, "clarify")

    def refuse(self, command: str, cls: str) -> None:
        self.add(command, cls, None, "refuse")

    def finish(self) -> list[dict]:
        for i, item in enumerate(self.items, 1):
            item["id"] = f"test4-{self.key}-{i:02d}"
        return self.items


# --------------------------------------------------------------------------
# 1. gym memberships
# --------------------------------------------------------------------------


def book_gym(rng: random.Random) -> list[dict]:
    book, sheet = "gym_memberships.xlsx", "Members"
    plans = {"Basic": 24.99, "Standard": 34.99, "Premium": 49.99, "Student": 19.99}
    trainers = ["Marco", "Sinead", "Dev", "Hollie", "Ray"]
    notes = [
        "knee injury - go easy on squats",
        "moved away, asked to cancel",
        "asked about a refund for March",
        "referred by a friend",
        "prefers early morning classes",
        "shoulder injury, physio cleared her",
        "wants to upgrade to premium",
        "card declined twice",
        "corporate discount via employer",
        "away travelling in August",
        "Back Injury - freeze requested",
    ]
    n = rng.randint(110, 140)
    rows = []
    for name in people(rng, n):
        plan = rng.choices(list(plans), weights=[35, 30, 20, 15])[0]
        fee = plans[plan]
        if rng.random() < 0.12:
            fee = round(fee - 5, 2)
        join = rand_date(rng, ymd(2021, 1, 4), ymd(2024, 6, 28))
        status = rng.choices(["Active", "Frozen", "Cancelled"], weights=[66, 14, 20])[0]
        if status == "Cancelled":
            renewed = "No" if rng.random() < 0.85 else "Yes"
        else:
            renewed = "Yes" if rng.random() < 0.8 else "No"
        visits = rng.randint(0, 14) if status != "Active" else rng.randint(2, 68)
        trainer = (
            rng.choices(trainers, weights=[30, 24, 19, 15, 12])[0] if rng.random() < 0.45 else None
        )
        note = rng.choice(notes) if rng.random() < 0.3 else None
        rows.append(
            [
                None,
                name,
                email_for(rng, name),
                plan,
                join,
                as_text(rng, fee, 0.05, "{:.2f}"),
                as_text(rng, visits, 0.04),
                renewed,
                status,
                trainer,
                note,
            ]
        )
    rows.sort(key=lambda r: r[4])
    for i, r in enumerate(rows):
        r[0] = f"M{1001 + i}"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "FitLife Gym — Membership Register")
    title(ws, "A2", "Exported 01/07/2024 from the front desk system", bold=False)
    headers = [
        "Member ID",
        "Name",
        "Email",
        "Plan",
        "Join Date",
        "Monthly Fee (€)",
        "Visits (last 90 days)",
        "Renewed",
        "Status",
        "Personal Trainer",
        "Notes",
    ]
    write_header(ws, 4, 1, headers)
    write_rows(ws, 5, 1, rows, {4: "dd/mm/yyyy", 5: "#,##0.00"})
    save(wb, book)

    df = load(book, sheet, 4)
    jd, fee, vis = df["Join Date"], df["Monthly Fee (€)"], df["Visits (last 90 days)"]
    c = Cases("gym", book, sheet)
    c.add("how many members joined in 2023", "row_noun", cnt(jd.dt.year == 2023))
    c.add("members per plan", "row_noun", as_dict(df["Plan"].value_counts()))
    c.add("how many members does Marco train?", "row_noun", cnt(df["Personal Trainer"] == "Marco"))
    c.add("how many members didn't renew", "status", cnt(df["Renewed"] == "No"))
    c.add(
        "active premium members",
        "status",
        cnt((df["Status"] == "Active") & (df["Plan"] == "Premium")),
    )
    canc = vis[df["Status"] == "Cancelled"]
    need(len(canc) > 0)
    c.add("avg visits for cancelled members", "status", canc.mean())
    c.add("members who are not active", "status", cnt(df["Status"] != "Active"))
    c.add(
        "how many frozen memberships have a personal trainer",
        "status",
        cnt((df["Status"] == "Frozen") & df["Personal Trainer"].notna()),
    )
    c.add(
        "how many people joined from march to june 2022",
        "dates",
        cnt((jd >= ymd(2022, 3, 1)) & (jd <= ymd(2022, 6, 30))),
    )
    c.add("members who joined since 10 May 2023", "dates", cnt(jd >= ymd(2023, 5, 10)))
    y22 = df[jd.dt.year == 2022]
    c.add(
        "which month of 2022 had the most sign-ups?",
        "dates",
        top1(y22.groupby(y22["Join Date"].dt.strftime("%Y-%m")).size()),
    )
    c.add(
        "new memebrs in q3 2021", "dates", cnt((jd >= ymd(2021, 7, 1)) & (jd <= ymd(2021, 9, 30)))
    )
    need(not (fee == 30).any())
    c.add("members paying more than €30 a month", "quantities", cnt(fee > 30))
    thr = pick_thr(vis, [40, 45, 35, 50, 42])
    c.add(f"how many members have {thr} or more visits", "quantities", cnt(vis >= thr))
    c.add("who visited the gym the most", "superlative", df.loc[top1(vis), "Name"])
    c.add(
        "which plan has the fewest members",
        "superlative",
        top1(df["Plan"].value_counts(), largest=False),
    )
    c.add(
        "top 3 trainers by number of clients",
        "superlative",
        topn(df["Personal Trainer"].value_counts(), 3),
    )
    c.add("members by plan and status", "two_keys", nested(df, "Plan", "Status"))
    c.add("visits by plan", "x_by_y", as_dict(df.groupby("Plan")["Visits (last 90 days)"].sum()))
    c.add(
        "how many members use a hotmail address",
        "text_match",
        cnt(contains(df["Email"], "hotmail")),
    )
    c.add(
        "members whose notes mention an injury", "text_match", cnt(contains(df["Notes"], "injury"))
    )
    c.add(
        "what's the yearly fee income from active members",
        "derived",
        fee[df["Status"] == "Active"].sum() * 12,
    )
    c.add("average monthly fee", "plain", fee.mean())
    who = rng.choice(list(df["Name"]))
    c.add(f"what plan is {who} on?", "plain", df.loc[df["Name"] == who, "Plan"].iloc[0])
    c.clarify("show me the top 5 members", "superlative")
    c.clarify("what's the average for premium", "plain")
    need(int((fee > 30).sum()) != int((vis > 30).sum()))
    c.clarify("members with more than 30", "quantities")
    c.refuse("average age of members", "plain")
    c.refuse("how many members live in Cork", "row_noun")
    c.refuse("which members pay by direct debit", "status")
    return c.finish()


# --------------------------------------------------------------------------
# 2. hotel bookings (table starts at B3, Total row)
# --------------------------------------------------------------------------


def book_hotel(rng: random.Random) -> list[dict]:
    book, sheet = "hotel_bookings.xlsx", "Bookings 2024"
    hotels = {"Lisbon": 1.1, "Porto": 0.95, "Madrid": 1.15, "Seville": 1.0, "Valencia": 0.9}
    rooms = {"Single": (70, 110), "Double": (95, 160), "Suite": (220, 380), "Family": (140, 210)}
    channels = ["Direct", "Booking.com", "Expedia", "Travel Agent"]
    notes = [
        "late check-in after 11pm",
        "guest requested a refund",
        "anniversary - champagne in room",
        "complaint about noise from street",
        "free upgrade given",
        "Refund issued for one night",
        "needs cot for baby",
        "early check-in requested",
    ]
    n = rng.randint(140, 170)
    guests = people(rng, int(n * 0.75))
    rows = []
    for _ in range(n):
        hotel = rng.choices(list(hotels), weights=[28, 22, 20, 16, 14])[0]
        room = rng.choices(list(rooms), weights=[20, 45, 12, 23])[0]
        lo, hi = rooms[room]
        rate = float(round(rng.randint(lo, hi) * hotels[hotel]))
        nights = rng.choices(range(1, 11), weights=[14, 18, 16, 12, 10, 8, 9, 5, 4, 4])[0]
        total = rate * nights
        status = rng.choices(
            ["Checked out", "Confirmed", "Cancelled", "No-show"], weights=[58, 22, 14, 6]
        )[0]
        guest = rng.choice(guests)
        rows.append(
            [
                None,
                guest,
                hotel,
                room,
                rand_date(rng, ymd(2024, 1, 2), ymd(2024, 6, 29)),
                nights,
                rate,
                as_text(rng, total, 0.05, "{:,.2f}"),
                rng.choices(channels, weights=[30, 35, 22, 13])[0],
                status,
                "Y" if rng.random() < 0.55 else "N",
                email_for(rng, guest),
                rng.choice(notes) if rng.random() < 0.25 else None,
            ]
        )
    rows.sort(key=lambda r: r[4])
    for i, r in enumerate(rows):
        r[0] = f"HB-{1001 + i}"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "B1", "Harbour Hotels Group — bookings January to June 2024")
    title(ws, "B2", "All properties, amounts in EUR incl. VAT", bold=False)
    headers = [
        "Booking Ref",
        "Guest",
        "Hotel",
        "Room Type",
        "Check-in",
        "Nights",
        "Rate (€/night)",
        "Total (€)",
        "Channel",
        "Status",
        "Breakfast",
        "Guest Email",
        "Notes",
    ]
    write_header(ws, 3, 2, headers)
    end = write_rows(ws, 4, 2, rows, {4: "dd mmm yyyy", 6: "#,##0.00", 7: "#,##0.00"})
    ws.cell(row=end, column=2, value="Total").font = Font(bold=True)
    ws.cell(row=end, column=7, value=f"=SUM(G4:G{end - 1})")
    ws.cell(row=end, column=9, value=f"=SUM(I4:I{end - 1})")
    save(wb, book)

    df = load(book, sheet, 3, first_col=2)
    ci, tot, nights, rate = df["Check-in"], df["Total (€)"], df["Nights"], df["Rate (€/night)"]
    c = Cases("hotel", book, sheet)
    c.add("how many bookings for lisbon", "row_noun", cnt(df["Hotel"] == "Lisbon"))
    c.add("bookings per channel", "row_noun", as_dict(df["Channel"].value_counts()))
    c.add("how many suites were booked?", "row_noun", cnt(df["Room Type"] == "Suite"))
    c.add("cancelled bookings", "status", cnt(df["Status"] == "Cancelled"))
    c.add("how many bookings without breakfast", "status", cnt(df["Breakfast"] == "N"))
    c.add(
        "revenue from bookings that weren't cancelled",
        "status",
        tot[df["Status"] != "Cancelled"].sum(),
    )
    c.add(
        "no-shows in madrid", "status", cnt((df["Status"] == "No-show") & (df["Hotel"] == "Madrid"))
    )
    c.add(
        "bookings checking in during Q2",
        "dates",
        cnt((ci >= ymd(2024, 4, 1)) & (ci <= ymd(2024, 6, 30))),
    )
    c.add(
        "how many check-ins from february to april",
        "dates",
        cnt((ci >= ymd(2024, 2, 1)) & (ci <= ymd(2024, 4, 30))),
    )
    c.add("nights booked in march", "dates", nights[ci.dt.month == 3].sum())
    c.add("bookings before 15 jan", "dates", cnt(ci < ymd(2024, 1, 15)))
    need(not (tot == 1200).any())
    c.add("bookings over €1.2k", "quantities", cnt(tot > 1200))
    thr = pick_thr(rate, [90, 85, 95, 88])
    c.add(f"bookings with a rate under €{thr} a night", "quantities", cnt(rate < thr))
    need(not tot.isin([300, 800]).any())
    c.add("how many bookings between €300 and €800", "quantities", cnt((tot >= 300) & (tot <= 800)))
    c.add(
        "which hotel has the highest total €",
        "superlative",
        top1(df.groupby("Hotel")["Total (€)"].sum()),
    )
    c.add("who made the most expensive booking?", "superlative", df.loc[top1(tot), "Guest"])
    c.add("top 3 room types by bookings", "superlative", topn(df["Room Type"].value_counts(), 3))
    c.add("bookings by hotel and room type", "two_keys", nested(df, "Hotel", "Room Type"))
    c.add("total € by hotel and channel", "two_keys", nested(df, "Hotel", "Channel", "Total (€)"))
    c.add("total € by channel", "x_by_y", as_dict(df.groupby("Channel")["Total (€)"].sum()))
    c.add("bookings by status", "x_by_y", as_dict(df["Status"].value_counts()))
    c.add(
        "bookings where the notes mention a refund",
        "text_match",
        cnt(contains(df["Notes"], "refund")),
    )
    c.add("bookings with a gmail address", "text_match", cnt(contains(df["Guest Email"], "gmail")))
    c.add("what's the cancellation rate", "derived", (df["Status"] == "Cancelled").mean())
    c.add("total nights booked", "plain", nights.sum())
    ref = rng.choice(list(df["Booking Ref"]))
    c.add(f"what's the total for booking {ref}", "plain", tot[df["Booking Ref"] == ref].iloc[0])
    need(df["Guest"].nunique() < len(df))
    c.clarify("how many guests did we have", "row_noun")
    surnames = df["Guest"].str.split(" ").str[-1]
    per_surname = df.groupby(surnames)["Guest"].nunique()
    amb = sorted(per_surname[per_surname >= 2].index)
    need(amb)
    c.clarify(f"total spent by {rng.choice(amb)}", "plain")
    c.refuse("average guest age", "plain")
    c.refuse("which bookings got a 5 star review", "status")
    c.refuse(f"which room number did {rng.choice(list(df['Guest']))} stay in", "plain")
    return c.finish()


# --------------------------------------------------------------------------
# 3. school exam marks (long format: student x subject)
# --------------------------------------------------------------------------


def grade_for(mark: int) -> str:
    if mark >= 80:
        return "A"
    if mark >= 65:
        return "B"
    if mark >= 50:
        return "C"
    if mark >= 40:
        return "D"
    return "F"


def book_exams(rng: random.Random) -> list[dict]:
    book, sheet = "exam_marks.xlsx", "Term 2 Results"
    subjects = ["Maths", "English", "Science", "History"]
    teachers = {
        ("Maths", "10A"): "Mr Doyle",
        ("Maths", "10B"): "Mr Doyle",
        ("Maths", "10C"): "Ms Ahmed",
        ("English", "10A"): "Mrs Clarke",
        ("English", "10B"): "Mrs Clarke",
        ("English", "10C"): "Mrs Clarke",
        ("Science", "10A"): "Dr Patel",
        ("Science", "10B"): "Mr Evans",
        ("Science", "10C"): "Mr Evans",
        ("History", "10A"): "Ms Romano",
        ("History", "10B"): "Ms Romano",
        ("History", "10C"): "Ms Romano",
    }
    base_day = {
        "Maths": ymd(2024, 3, 4),
        "English": ymd(2024, 3, 6),
        "Science": ymd(2024, 3, 11),
        "History": ymd(2024, 3, 13),
    }
    class_off = {"10A": 0, "10B": 1, "10C": 2}
    comments_good = [
        "Excellent work",
        "excellent effort in the practical",
        "great improvement since term 1",
    ]
    comments_mid = [
        "solid, keep revising",
        "needs to show more working",
        "good but rushed the essay",
    ]
    comments_bad = [
        "homework often missing",
        "needs to revise algebra",
        "must hand in homework on time",
    ]
    students = people(rng, rng.randint(28, 33))
    rows = []
    for k, st in enumerate(students):
        klass = ["10A", "10B", "10C"][k % 3]
        ability = rng.gauss(62, 12)
        for subj in subjects:
            date = base_day[subj] + dt.timedelta(days=class_off[klass])
            if rng.random() < 0.035:
                rows.append(
                    [
                        st,
                        klass,
                        subj,
                        teachers[(subj, klass)],
                        date,
                        None,
                        None,
                        "Yes",
                        "absent - medical",
                    ]
                )
                continue
            mark = int(max(12, min(99, round(ability + rng.gauss(0, 10)))))
            g = grade_for(mark)
            if g in "AB":
                com = rng.choice(comments_good) if rng.random() < 0.5 else None
            elif g in "CD":
                com = rng.choice(comments_mid + comments_bad) if rng.random() < 0.4 else None
            else:
                com = rng.choice(comments_bad) if rng.random() < 0.7 else None
            rows.append(
                [
                    st,
                    klass,
                    subj,
                    teachers[(subj, klass)],
                    date,
                    as_text(rng, mark, 0.05),
                    g,
                    "Yes" if g == "F" else "No",
                    com,
                ]
            )
    rows.sort(key=lambda r: (r[1], r[0], subjects.index(r[2])))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "Greenfield Secondary School")
    title(ws, "A2", "Year 10 – Term 2 exam results (marks out of 100)", bold=False)
    headers = [
        "Student",
        "Class",
        "Subject",
        "Teacher",
        "Exam Date",
        "Mark (%)",
        "Grade",
        "Resit Required",
        "Comments",
    ]
    write_header(ws, 4, 1, headers)
    write_rows(ws, 5, 1, rows, {4: "dd/mm/yyyy"})
    save(wb, book)

    df = load(book, sheet, 4)
    mark, ed = df["Mark (%)"], df["Exam Date"]
    sat = df[mark.notna()]
    need((df["Mark (%)"].isna()).sum() >= 2)
    c = Cases("exams", book, sheet)
    c.add(
        "how many students are in 10B",
        "row_noun",
        df.loc[df["Class"] == "10B", "Student"].nunique(),
    )
    c.add(
        "how many students sat the science exam",
        "row_noun",
        cnt((df["Subject"] == "Science") & mark.notna()),
    )
    c.add("number of pupils in year 10", "row_noun", df["Student"].nunique())
    c.add("how many resits are required", "status", cnt(df["Resit Required"] == "Yes"))
    c.add(
        "pupils needing a resit in maths",
        "status",
        cnt((df["Resit Required"] == "Yes") & (df["Subject"] == "Maths")),
    )
    resit_students = set(df.loc[df["Resit Required"] == "Yes", "Student"])
    c.add(
        "how many students don't need any resit",
        "status",
        len(set(df["Student"]) - resit_students),
    )
    c.add("average mark in exams taken before 8 March", "dates", mark[ed < ymd(2024, 3, 8)].mean())
    c.add(
        "how many marks were recorded for exams on 12 march",
        "dates",
        cnt((ed == ymd(2024, 3, 12)) & mark.notna()),
    )
    c.add(
        "avg mark for exams between 11 and 15 march",
        "dates",
        mark[(ed >= ymd(2024, 3, 11)) & (ed <= ymd(2024, 3, 15))].mean(),
    )
    hi = pick_thr(mark, [70, 75, 72, 68, 73])
    c.add(f"how many marks are {hi}% or higher", "quantities", cnt(mark >= hi))
    lo = pick_thr(mark, [40, 45, 35, 38])
    c.add(f"marks under {lo} %", "quantities", cnt(mark < lo))
    eng = df[df["Subject"] == "English"]
    c.add(
        "who got the highest mark in english",
        "superlative",
        eng.loc[top1(eng["Mark (%)"]), "Student"],
    )
    maths = df[df["Subject"] == "Maths"]
    c.add(
        "which class has the best average in maths",
        "superlative",
        top1(maths.groupby("Class")["Mark (%)"].mean()),
    )
    c.add(
        "top 3 students by average mark",
        "superlative",
        topn(df.groupby("Student")["Mark (%)"].mean(), 3),
    )
    c.add(
        "weakest subject on average",
        "superlative",
        top1(df.groupby("Subject")["Mark (%)"].mean(), largest=False),
    )
    c.add(
        "average mark by class and subject",
        "two_keys",
        nested(df, "Class", "Subject", "Mark (%)", "mean"),
    )
    c.add("results by grade", "x_by_y", as_dict(df["Grade"].value_counts()))
    rs = df[df["Resit Required"] == "Yes"].groupby("Subject").size()
    need(len(rs) == 4)
    c.add("resits by subject", "x_by_y", as_dict(rs))
    c.add(
        "how many comments mention homework",
        "text_match",
        cnt(contains(df["Comments"], "homework")),
    )
    c.add(
        "results with 'excellent' in the comments",
        "text_match",
        cnt(contains(df["Comments"], "excellent")),
    )
    clean = [s for s in subjects if df.loc[df["Subject"] == s, "Mark (%)"].notna().all()]
    need(clean)
    subj = clean[0]
    sm = df.loc[df["Subject"] == subj, "Mark (%)"]
    c.add(f"pass rate in {subj.lower()} (pass is 40 or more)", "derived", (sm >= 40).mean())
    hist = df.loc[df["Subject"] == "History", "Mark (%)"]
    c.add(
        "difference between the highest and lowest history mark", "derived", hist.max() - hist.min()
    )
    c.add("averge mark overall", "plain", mark.mean())
    hs = sat[sat["Subject"] == "History"]
    who = rng.choice(list(hs["Student"]))
    c.add(
        f"what did {who} get in history?", "plain", hs.loc[hs["Student"] == who, "Mark (%)"].iloc[0]
    )
    c.clarify(f"what's {rng.choice(students)}'s mark", "plain")
    c.clarify("which teacher got the best results", "superlative")
    c.refuse("average attendance for 10C", "plain")
    c.refuse("which students get free school meals", "status")
    return c.finish()


# --------------------------------------------------------------------------
# 4. charity donations (header row 1, Total row, note under it)
# --------------------------------------------------------------------------


def book_charity(rng: random.Random) -> list[dict]:
    book, sheet = "charity_donations.xlsx", "Donations"
    campaigns = ["Winter Appeal", "Clean Water", "School Meals", "General Fund"]
    methods = ["Card", "Bank Transfer", "Cash", "Cheque", "PayPal"]
    corporates = [
        ("Harbor Logistics Inc", "giving@harborlogistics.com"),
        ("Brightside Dental Group", "office@brightsidedental.com"),
        ("Maple & Stone LLP", "community@maplestone.com"),
        ("Tri-County Credit Union", "csr@tricountycu.org"),
        ("Pinecrest Software", "hello@pinecrest.io"),
        ("Lakeside Motors", "info@lakesidemotors.com"),
    ]
    trusts = [
        ("Whitfield Family Trust", "grants@whitfieldtrust.org"),
        ("Elm Street Foundation", "admin@elmstreetfoundation.org"),
        ("Carter Community Fund", "apply@cartercf.org"),
    ]
    notes = [
        "in memory of her father",
        "In memory of Tom Reilly",
        "match funding from employer",
        "asked for refund - duplicate payment",
        "given at the gala dinner",
        "wants to stay anonymous in annual report",
        "sponsored run",
    ]
    indiv = [(nm, None) for nm in people(rng, 60)]
    indiv = [(nm, email_for(rng, nm, weights=[40, 20, 20, 15, 5])) for nm, _ in indiv]
    n = rng.randint(160, 190)
    rows = []
    for _ in range(n):
        kind = rng.choices(["Individual", "Corporate", "Trust"], weights=[86, 10, 4])[0]
        recurring = "No"
        if kind == "Individual":
            donor, mail = rng.choice(indiv)
            if rng.random() < 0.3:
                recurring = "Yes"
                amount = float(rng.choice([10, 20, 30, 50]))
            else:
                amount = round(math.exp(rng.gauss(math.log(45), 1.0)))
                amount = float(min(max(amount, 5), 2400))
                if rng.random() < 0.15:
                    amount += 0.5
        elif kind == "Corporate":
            donor, mail = rng.choice(corporates)
            amount = float(rng.randrange(500, 10000, 50))
        else:
            donor, mail = rng.choice(trusts)
            amount = float(rng.randrange(2000, 15000, 250))
        rows.append(
            [
                rand_date(rng, ymd(2022, 1, 3), ymd(2023, 12, 29)),
                donor,
                kind,
                mail,
                as_text(rng, amount, 0.04, "{:.2f}"),
                rng.choices(campaigns, weights=[30, 25, 25, 20])[0],
                rng.choices(methods, weights=[40, 25, 10, 8, 17])[0]
                if recurring == "No"
                else "Card",
                recurring,
                "Yes" if rng.random() < 0.8 else "No",
                rng.choice(notes) if rng.random() < 0.15 else None,
            ]
        )
    rows.sort(key=lambda r: r[0])

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    headers = [
        "Date",
        "Donor",
        "Donor Type",
        "Email",
        "Amount ($)",
        "Campaign",
        "Method",
        "Recurring",
        "Receipt Sent",
        "Notes",
    ]
    write_header(ws, 1, 1, headers)
    end = write_rows(ws, 2, 1, rows, {0: "mm/dd/yyyy", 4: '"$"#,##0.00'})
    ws.cell(row=end, column=1, value="Total").font = Font(bold=True)
    ws.cell(row=end, column=5, value=f"=SUM(E2:E{end - 1})")
    ws.cell(row=end + 2, column=1, value="Prepared by the finance team - figures unaudited")
    ws2 = wb.create_sheet("Campaign Targets")
    write_header(ws2, 1, 1, ["Campaign", "Target ($)", "Owner"])
    write_rows(
        ws2,
        2,
        1,
        [
            ["Winter Appeal", 40000, "Dana"],
            ["Clean Water", 60000, "Luis"],
            ["School Meals", 35000, "Dana"],
        ],
    )
    save(wb, book)

    df = load(book, sheet, 1)
    dd, amt = df["Date"], df["Amount ($)"]
    c = Cases("charity", book, sheet)
    c.add("how many donations did we get in 2023?", "row_noun", cnt(dd.dt.year == 2023))
    per_donor = df["Donor"].value_counts()
    c.add("how many donors gave more than once", "row_noun", cnt(per_donor > 1))
    c.add(
        "how many corporate donors are there",
        "row_noun",
        df.loc[df["Donor Type"] == "Corporate", "Donor"].nunique(),
    )
    c.add("recurring donations", "status", cnt(df["Recurring"] == "Yes"))
    c.add("total from one-off donations", "status", amt[df["Recurring"] == "No"].sum())
    c.add("donations we haven't sent a receipt for", "status", cnt(df["Receipt Sent"] == "No"))
    c.add(
        "how much was raised in Q4 2022",
        "dates",
        amt[(dd >= ymd(2022, 10, 1)) & (dd <= ymd(2022, 12, 31))].sum(),
    )
    c.add(
        "how many donations between march and may 2023",
        "dates",
        cnt((dd >= ymd(2023, 3, 1)) & (dd <= ymd(2023, 5, 31))),
    )
    c.add(
        "which month brought in the most money",
        "dates",
        top1(df.groupby(dd.dt.strftime("%Y-%m"))["Amount ($)"].sum()),
    )
    c.add("total given since 1 sept 2023", "dates", amt[dd >= ymd(2023, 9, 1)].sum())
    need(not (amt == 1000).any() and not (amt == 25).any())
    c.add("donations of $1k or more", "quantities", cnt(amt >= 1000))
    c.add("how many gifts under $25", "quantities", cnt(amt < 25))
    c.add("who gave the largest single donation", "superlative", df.loc[top1(amt), "Donor"])
    c.add(
        "which donor gave the most in total",
        "superlative",
        top1(df.groupby("Donor")["Amount ($)"].sum()),
    )
    c.add(
        "top 3 campaigns by amount raised",
        "superlative",
        topn(df.groupby("Campaign")["Amount ($)"].sum(), 3),
    )
    c.add(
        "amount by campaign and year",
        "two_keys",
        nested(df.assign(Year=dd.dt.year), "Campaign", "Year", "Amount ($)"),
    )
    c.add("amount by payment method", "x_by_y", as_dict(df.groupby("Method")["Amount ($)"].sum()))
    c.add(
        "amount raised by donor type",
        "x_by_y",
        as_dict(df.groupby("Donor Type")["Amount ($)"].sum()),
    )
    c.add(
        "donations given in memory of someone",
        "text_match",
        cnt(contains(df["Notes"], "in memory")),
    )
    c.add(
        "how many donations came from yahoo addresses",
        "text_match",
        cnt(contains(df["Email"], "yahoo")),
    )
    c.add("average total given per donor", "derived", amt.sum() / df["Donor"].nunique())
    c.add(
        "what share of the money came from corporates",
        "derived",
        amt[df["Donor Type"] == "Corporate"].sum() / amt.sum(),
    )
    c.add("total donated", "plain", amt.sum())
    c.add("median donation", "plain", amt.median())
    c.clarify("donations by campaign", "x_by_y")
    c.clarify("how much did donations grow from 2022 to 2023", "derived")
    need(df.loc[top1(amt), "Donor"] != top1(df.groupby("Donor")["Amount ($)"].sum()))
    c.clarify("who is our biggest donor", "superlative")
    c.refuse("how many volunteers do we have", "row_noun")
    c.refuse("average donor age", "plain")
    return c.finish()


# --------------------------------------------------------------------------
# 5. IT asset register
# --------------------------------------------------------------------------


def add_years(d: dt.datetime, years: int) -> dt.datetime:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def book_it(rng: random.Random) -> list[dict]:
    book, sheet = "it_asset_register.xlsx", "Asset Register"
    catalogue = {
        "Laptop": [
            ("Dell", "Latitude 5420", 1150, 1450),
            ("Lenovo", "ThinkPad T14", 1200, 1500),
            ("Apple", "MacBook Pro 14", 1999, 2499),
            ("HP", "EliteBook 840", 1100, 1400),
        ],
        "Desktop": [
            ("Dell", "OptiPlex 7090", 800, 1000),
            ("HP", "ProDesk 600", 700, 900),
            ("Lenovo", "ThinkCentre M70", 650, 850),
        ],
        "Monitor": [
            ("Dell", "P2422H", 180, 240),
            ("Samsung", "S27 Curved", 200, 280),
            ("HP", "E24 G4", 170, 220),
        ],
        "Phone": [("Apple", "iPhone 13", 699, 799), ("Samsung", "Galaxy S22", 649, 749)],
        "Printer": [("HP", "LaserJet Pro M404", 300, 380), ("Brother", "HL-L6200", 320, 420)],
        "Tablet": [("Apple", "iPad Air", 549, 649), ("Samsung", "Galaxy Tab S8", 599, 699)],
    }
    depts = ["Finance", "Sales", "HR", "Engineering", "Operations"]
    notes = [
        "screen cracked",
        "battery swelling - replace",
        "broken hinge",
        "loaner pool",
        "keyboard broken, waiting for part",
        "battery replaced 2023",
        "awaiting disposal",
        "reimaged after leaver",
    ]
    staff = people(rng, 60)
    n = rng.randint(95, 115)
    rows = []
    for _ in range(n):
        typ = rng.choices(list(catalogue), weights=[34, 14, 24, 12, 6, 10])[0]
        make, model, lo, hi = rng.choice(catalogue[typ])
        bought = rand_date(rng, ymd(2018, 1, 8), ymd(2023, 12, 15))
        old = bought.year <= 2019
        status = rng.choices(
            ["In Use", "Spare", "In Repair", "Retired"], weights=[55, 12, 8, 25 if old else 5]
        )[0]
        cost = round(rng.uniform(lo, hi), 2)
        enc = None
        if typ in ("Laptop", "Desktop", "Tablet", "Phone"):
            enc = "Yes" if rng.random() < 0.8 else "No"
        serial = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9))
        rows.append(
            [
                None,
                typ,
                make,
                model,
                serial,
                rng.choice(staff) if status == "In Use" else None,
                rng.choices(depts, weights=[16, 26, 10, 30, 18])[0],
                bought,
                as_text(rng, cost, 0.05, "{:,.2f}"),
                add_years(bought, 3),
                status,
                enc,
                rng.choice(notes) if rng.random() < 0.2 else None,
            ]
        )
    rows.sort(key=lambda r: r[7])
    for i, r in enumerate(rows):
        r[0] = f"IT-{i + 1:04d}"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "IT Asset Register")
    title(ws, "A2", "Last audited: 14 March 2024 (costs exclude VAT)", bold=False)
    headers = [
        "Asset Tag",
        "Type",
        "Make",
        "Model",
        "Serial No",
        "Assigned To",
        "Department",
        "Purchase Date",
        "Cost (USD)",
        "Warranty Expiry",
        "Status",
        "Encrypted",
        "Notes",
    ]
    write_header(ws, 4, 1, headers)
    write_rows(ws, 5, 1, rows, {7: "yyyy-mm-dd", 8: "#,##0.00", 9: "yyyy-mm-dd"})
    ws2 = wb.create_sheet("Departments")
    write_header(ws2, 1, 1, ["Department", "Cost Centre", "IT Contact"])
    write_rows(
        ws2,
        2,
        1,
        [
            ["Finance", "CC-100", "Priya"],
            ["Sales", "CC-200", "Tom"],
            ["HR", "CC-300", "Priya"],
            ["Engineering", "CC-400", "Alex"],
            ["Operations", "CC-500", "Tom"],
        ],
    )
    save(wb, book)

    df = load(book, sheet, 4)
    pd_, cost, we = df["Purchase Date"], df["Cost (USD)"], df["Warranty Expiry"]
    lap = df[df["Type"] == "Laptop"]
    c = Cases("it", book, sheet)
    c.add("how many laptops do we have", "row_noun", cnt(df["Type"] == "Laptop"))
    lpd = lap["Department"].value_counts()
    need(len(lpd) == 5)
    c.add("laptops per department", "row_noun", as_dict(lpd))
    c.add(
        "how many monitors are in finance?",
        "row_noun",
        cnt((df["Type"] == "Monitor") & (df["Department"] == "Finance")),
    )
    c.add("unassigned assets", "status", cnt(df["Assigned To"].isna()))
    c.add("how many laptops aren't encrypted", "status", cnt(lap["Encrypted"] == "No"))
    c.add("assets that are not retired", "status", cnt(df["Status"] != "Retired"))
    c.add("total cost of kit in repair", "status", cost[df["Status"] == "In Repair"].sum())
    c.add("how many assets were bought in 2021", "dates", cnt(pd_.dt.year == 2021))
    c.add("warranties expiring during 2024", "dates", cnt(we.dt.year == 2024))
    c.add(
        "how much did we spend on equipment bought from 2019 to 2020",
        "dates",
        cost[pd_.dt.year.isin([2019, 2020])].sum(),
    )
    need(not (we == ymd(2024, 6, 1)).any())
    c.add("how many assets were out of warranty on 1 june 2024", "dates", cnt(we < ymd(2024, 6, 1)))
    need(not cost.isin([1500, 300]).any())
    c.add("items costing more than $1,500", "quantities", cnt(cost > 1500))
    c.add("assets under 300 dollars", "quantities", cnt(cost < 300))
    inuse = lap[lap["Status"] == "In Use"]
    c.add(
        "who has the oldest laptop still in use",
        "superlative",
        inuse.loc[
            top1(inuse["Purchase Date"].map(lambda t: t.toordinal()), largest=False), "Assigned To"
        ],
    )
    c.add(
        "which department has the most assets", "superlative", top1(df["Department"].value_counts())
    )
    c.add(
        "top 3 makes by total cost", "superlative", topn(df.groupby("Make")["Cost (USD)"].sum(), 3)
    )
    c.add(
        "cost by department and status",
        "two_keys",
        nested(df, "Department", "Status", "Cost (USD)"),
    )
    c.add("cost by department", "x_by_y", as_dict(df.groupby("Department")["Cost (USD)"].sum()))
    c.add("assets by status", "x_by_y", as_dict(df["Status"].value_counts()))
    c.add(
        "assets whose notes mention the battery",
        "text_match",
        cnt(contains(df["Notes"], "battery")),
    )
    c.add(
        "how many items have 'broken' in the notes",
        "text_match",
        cnt(contains(df["Notes"], "broken")),
    )
    c.add("what percentage of laptops are encrypted", "derived", (lap["Encrypted"] == "Yes").mean())
    c.clarify("average spend per department", "derived")
    c.add("total cost of all assets", "plain", cost.sum())
    tag = rng.choice(list(df.loc[df["Assigned To"].notna(), "Asset Tag"]))
    c.add(f"who has {tag}?", "plain", df.loc[df["Asset Tag"] == tag, "Assigned To"].iloc[0])
    need(((lap["Make"] == "Dell") & lap["Assigned To"].notna()).sum() >= 2)
    c.clarify("who has the Dell laptop", "plain")
    c.refuse("which assets are on the 3rd floor", "row_noun")
    c.refuse("average battery health of the laptops", "plain")
    return c.finish()


# --------------------------------------------------------------------------
# 6. bakery daily production (blank row after each week)
# --------------------------------------------------------------------------


def book_bakery(rng: random.Random) -> list[dict]:
    book, sheet = "bakery_production.xlsx", "March"
    # product: (units per batch, price, flour kg per batch, batch range weekday, weekend)
    products = {
        "Sourdough": (12, 5.50, 5.4, (3, 6), (5, 8)),
        "Baguette": (20, 2.10, 4.0, (3, 6), (4, 7)),
        "Croissant": (36, 2.20, 3.0, (2, 5), (4, 7)),
        "Rye Loaf": (10, 4.80, 5.0, (1, 3), (2, 4)),
        "Cinnamon Roll": (24, 2.90, 2.5, (1, 3), (3, 5)),
        "Bread Roll": (30, 0.60, 2.2, (2, 4), (2, 5)),
    }
    bakers = ["Anna", "Tomasz", "Lucía"]
    notes = [
        "oven 2 down in the morning",
        "power cut 7-8am",
        "catering order for 40",
        "short of butter",
        "Oven 2 fixed by engineer",
        "school trip visited",
    ]
    rows: list = []
    day = ymd(2024, 3, 1)
    while day <= ymd(2024, 3, 31):
        dow = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday()]
        if dow != "Mon":
            weekend = dow in ("Sat", "Sun")
            for prod, (per, list_price, flour, wk, we) in products.items():
                price = list_price
                if prod == "Croissant" and day >= ymd(2024, 3, 18):
                    price = 2.40
                lo, hi = we if weekend else wk
                batches = rng.randint(lo, hi)
                baked = batches * per
                if rng.random() < 0.22:
                    sold = baked
                else:
                    sold = baked - rng.randint(1, max(2, int(baked * 0.18)))
                rows.append(
                    [
                        day,
                        dow,
                        prod,
                        rng.choices(bakers, weights=[40, 35, 25])[0],
                        batches,
                        baked,
                        as_text(rng, sold, 0.04),
                        price,
                        round(batches * flour * rng.uniform(0.95, 1.06), 1),
                        "Yes" if sold == baked else "No",
                        rng.choice(notes) if rng.random() < 0.08 else None,
                    ]
                )
        if dow == "Sun":
            rows.append(None)
        day += dt.timedelta(days=1)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "Daily production log – March 2024 (closed Mondays)")
    headers = [
        "Date",
        "Day",
        "Product",
        "Baker",
        "Batches",
        "Units Baked",
        "Units Sold",
        "Unit Price (€)",
        "Flour Used (kg)",
        "Sold Out",
        "Notes",
    ]
    write_header(ws, 2, 1, headers)
    write_rows(ws, 3, 1, rows, {0: "ddd dd/mm", 7: "0.00"})
    save(wb, book)

    df = load(book, sheet, 2)
    dd, sold, baked, flour = df["Date"], df["Units Sold"], df["Units Baked"], df["Flour Used (kg)"]
    cro = df[df["Product"] == "Croissant"]
    c = Cases("bakery", book, sheet)
    c.add("how many croissant batches did we bake in total", "row_noun", cro["Batches"].sum())
    c.add(
        "how many days did Tomasz bake",
        "row_noun",
        df.loc[df["Baker"] == "Tomasz", "Date"].nunique(),
    )
    c.add("how many days were we open in march", "row_noun", dd.nunique())
    c.add(
        "how many times did sourdough sell out",
        "status",
        cnt((df["Product"] == "Sourdough") & (df["Sold Out"] == "Yes")),
    )
    c.add("days when croissants didn't sell out", "status", cnt(cro["Sold Out"] == "No"))
    c.add(
        "units sold from 8 to 14 march",
        "dates",
        sold[(dd >= ymd(2024, 3, 8)) & (dd <= ymd(2024, 3, 14))].sum(),
    )
    c.add("total baked since march 20", "dates", baked[dd >= ymd(2024, 3, 20)].sum())
    cin = df[df["Product"] == "Cinnamon Roll"]
    c.add(
        "cinnamon rolls sold on weekends",
        "dates",
        cin.loc[cin["Day"].isin(["Sat", "Sun"]), "Units Sold"].sum(),
    )
    bag = df[df["Product"] == "Baguette"]
    c.add(
        "baguettes sold before 10 march",
        "dates",
        bag.loc[bag["Date"] < ymd(2024, 3, 10), "Units Sold"].sum(),
    )
    thr = pick_thr(cro["Units Baked"], [150, 140, 160, 130, 170])
    c.add(f"days we baked over {thr} croissants", "quantities", cnt(cro["Units Baked"] > thr))
    fthr = pick_thr(flour, [10, 12, 8, 15])
    c.add(f"entries with under {fthr} kg of flour", "quantities", cnt(flour < fthr))
    c.add("best-selling product", "superlative", top1(df.groupby("Product")["Units Sold"].sum()))
    c.add(
        "which day did we sell the most cinnamon rolls",
        "superlative",
        cin.loc[top1(cin["Units Sold"]), "Date"],
    )
    c.add(
        "which baker used the most flour",
        "superlative",
        top1(df.groupby("Baker")["Flour Used (kg)"].sum()),
    )
    c.add(
        "units sold by product and baker", "two_keys", nested(df, "Product", "Baker", "Units Sold")
    )
    c.add("units sold by product", "x_by_y", as_dict(df.groupby("Product")["Units Sold"].sum()))
    c.add("flour by baker", "x_by_y", as_dict(df.groupby("Baker")["Flour Used (kg)"].sum()))
    c.add(
        "how many entries mention the oven in the notes",
        "text_match",
        cnt(contains(df["Notes"], "oven")),
    )
    c.add("total revenue for march", "derived", (sold * df["Unit Price (€)"]).sum())
    c.add(
        "how many croissants were wasted", "derived", (cro["Units Baked"] - cro["Units Sold"]).sum()
    )
    c.add(
        "waste rate for baguettes",
        "derived",
        (bag["Units Baked"] - bag["Units Sold"]).sum() / bag["Units Baked"].sum(),
    )
    c.add(
        "avg sourdough sold per day",
        "plain",
        df.loc[df["Product"] == "Sourdough", "Units Sold"].mean(),
    )
    c.add("total flour used", "plain", flour.sum())
    c.clarify("how much did we sell on 5 march", "plain")
    c.clarify("what's the average for croissants", "plain")
    c.refuse("how much butter did we use", "plain")
    c.refuse("profit on croissants", "derived")
    return c.finish()


# --------------------------------------------------------------------------
# 7. warehouse stock count (table at B4, TOTAL row)
# --------------------------------------------------------------------------


def book_stock(rng: random.Random) -> list[dict]:
    book, sheet = "warehouse_stock_count.xlsx", "Stock Count"
    items = {
        "Fasteners": [
            ("Wood screw 4x40mm (box 200)", 6.5, 1.1),
            ("Machine screw M6x20 (box 100)", 4.2, 0.6),
            ("Hex bolt M8x50 (box 50)", 7.9, 1.4),
            ("Wall plug 6mm (box 100)", 2.3, 0.15),
            ("Washer M8 (box 200)", 3.1, 0.7),
            ("Round nail 50mm (1kg)", 3.8, 1.0),
            ("Self-tapping screw 3.5x25 (box 500)", 8.9, 1.3),
            ("Pop rivet 4mm (box 100)", 5.4, 0.3),
            ("Decking screw 4.5x60 (tub 250)", 14.5, 2.2),
            ("Coach bolt M10x100 (box 25)", 11.2, 2.6),
            ("Drywall screw 3.5x35 (box 1000)", 12.8, 2.1),
        ],
        "Tools": [
            ("Claw hammer 16oz", 12.9, 0.75),
            ("Screwdriver set 6pc", 15.5, 0.9),
            ("Tape measure 5m", 6.9, 0.3),
            ("Spirit level 600mm", 13.4, 0.6),
            ("Utility knife", 4.6, 0.12),
            ("Hacksaw 300mm", 9.8, 0.55),
            ("Adjustable spanner 10in", 11.6, 0.48),
            ("Combination pliers 8in", 8.7, 0.33),
            ("Cordless drill 18V", 89.0, 1.8),
            ("Socket set 40pc", 34.5, 2.4),
            ("Screwdriver bit set 32pc", 9.9, 0.25),
        ],
        "Electrical": [
            ("Twin & earth cable 2.5mm 100m", 74.0, 9.5),
            ("Double socket outlet", 3.9, 0.14),
            ("Light switch 1-gang", 2.4, 0.08),
            ("Cable ties 200mm (pack 100)", 3.2, 0.2),
            ("Junction box 30A", 2.9, 0.1),
            ("LED bulb E27 9W", 1.9, 0.05),
            ("Extension lead 4-way", 9.4, 0.7),
            ("Insulation tape 19mm", 0.9, 0.04),
            ("Consumer unit 10-way", 64.0, 3.1),
            ("Cable clips 7mm (box 100)", 1.7, 0.09),
        ],
        "Plumbing": [
            ("Copper pipe 15mm 3m", 16.8, 1.2),
            ("Compression elbow 15mm", 2.6, 0.07),
            ("PTFE tape", 0.7, 0.02),
            ("Basin tap pair", 38.0, 1.6),
            ("Flexible hose 300mm", 5.8, 0.18),
            ("Isolating valve 15mm", 3.4, 0.09),
            ("Push-fit tee 22mm", 4.1, 0.08),
            ("Silicone sealant white", 5.2, 0.38),
            ("Radiator valve pair", 12.6, 0.52),
            ("Waste trap 40mm", 4.9, 0.22),
        ],
        "Safety": [
            ("Safety glasses clear", 2.8, 0.05),
            ("Hi-vis vest XL", 3.6, 0.12),
            ("Nitrile gloves L (box 100)", 7.5, 0.6),
            ("Ear defenders", 9.2, 0.24),
            ("Dust mask FFP2 (pack 10)", 8.4, 0.1),
            ("Hard hat white", 6.7, 0.38),
            ("First aid kit small", 11.9, 0.65),
            ("Safety boots size 43", 42.0, 1.45),
            ("Knee pads", 13.5, 0.42),
        ],
    }
    suppliers = ["Acme Supply", "Northwind", "Bolt & Co", "Vertex Tools"]
    notes = [
        "damaged packaging",
        "2 boxes damaged in transit",
        "supplier changing next quarter",
        "recount requested",
        "moved from bin C-04",
        "Damaged - return to supplier",
    ]
    rows = []
    for cat, lst in items.items():
        for name, list_price, weight in lst:
            qty = rng.choice([rng.randint(0, 60), rng.randint(20, 400), rng.randint(200, 2500)])
            if list_price > 30:
                qty = rng.randint(0, 40)
            price = round(list_price * rng.uniform(0.9, 1.12), 2)
            reorder = rng.choice([10, 20, 25, 50, 100, 200])
            if qty == reorder:
                qty += 1
            rows.append(
                [
                    None,
                    name,
                    cat,
                    rng.choices(suppliers, weights=[34, 27, 22, 17])[0],
                    as_text(rng, qty, 0.06, "{:,}"),
                    price,
                    reorder,
                    weight,
                    f"{rng.choice('ABCDE')}-{rng.randint(1, 24):02d}",
                    rand_date(rng, ymd(2024, 9, 2), ymd(2024, 9, 30)),
                    "Y" if rng.random() < 0.12 else "N",
                    rng.choice(notes) if rng.random() < 0.15 else None,
                ]
            )
    rng.shuffle(rows)
    rows.sort(key=lambda r: r[2])
    for i, r in enumerate(rows):
        r[0] = f"SKU-{rng.randint(1, 9)}{i:03d}"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "B1", "Stock count – Warehouse 2")
    title(ws, "B2", "Count date: 30 Sep 2024 · prices are unit cost ex VAT", bold=False)
    headers = [
        "SKU",
        "Item",
        "Category",
        "Supplier",
        "Qty On Hand",
        "Unit Price (€)",
        "Reorder Level",
        "Weight (kg)",
        "Bin",
        "Last Counted",
        "Discontinued",
        "Notes",
    ]
    write_header(ws, 4, 2, headers)
    end = write_rows(ws, 5, 2, rows, {5: "#,##0.00", 9: "dd-mmm-yy"})
    ws.cell(row=end, column=2, value="TOTAL").font = Font(bold=True)
    ws.cell(row=end, column=6, value=f"=SUM(F5:F{end - 1})")
    save(wb, book)

    df = load(book, sheet, 4, first_col=2)
    qty, price, lc, wt = (
        df["Qty On Hand"],
        df["Unit Price (€)"],
        df["Last Counted"],
        df["Weight (kg)"],
    )
    value = qty * price
    c = Cases("stock", book, sheet)
    c.add(
        "how many items in the electrical category", "row_noun", cnt(df["Category"] == "Electrical")
    )
    c.add("items per supplier", "row_noun", as_dict(df["Supplier"].value_counts()))
    c.add(
        "how many units of safety gear do we have",
        "row_noun",
        qty[df["Category"] == "Safety"].sum(),
    )
    c.add("discontinued items", "status", cnt(df["Discontinued"] == "Y"))
    c.add(
        "how many Northwind items are not discontinued",
        "status",
        cnt((df["Supplier"] == "Northwind") & (df["Discontinued"] == "N")),
    )
    c.add("total qty of discontinued lines", "status", qty[df["Discontinued"] == "Y"].sum())
    c.add("inventory value", "derived", value.sum())
    c.add("stock value by category", "derived", as_dict(value.groupby(df["Category"]).sum()))
    need(not (qty == df["Reorder Level"]).any())
    c.add("how many items are below their reorder level", "derived", cnt(qty < df["Reorder Level"]))
    c.add("total weight of stock in kg", "derived", (qty * wt).sum())
    c.add("items counted after 20 september", "dates", cnt(lc > ymd(2024, 9, 20)))
    c.add(
        "how many lines were counted between 10 and 15 sept",
        "dates",
        cnt((lc >= ymd(2024, 9, 10)) & (lc <= ymd(2024, 9, 15))),
    )
    need(not price.isin([5, 20]).any() and not (wt == 0.5).any() and not (qty == 1000).any())
    c.add("items priced between €5 and €20", "quantities", cnt((price >= 5) & (price <= 20)))
    c.add("items lighter than 0.5 kg", "quantities", cnt(wt < 0.5))
    c.add("items with 1,000 or more units", "quantities", cnt(qty >= 1000))
    c.add("priciest item", "superlative", df.loc[top1(price), "Item"])
    c.add(
        "which supplier supplies the most items", "superlative", top1(df["Supplier"].value_counts())
    )
    c.add("top 3 items by stock value", "superlative", [df.loc[i, "Item"] for i in topn(value, 3)])
    c.add(
        "qty by category and supplier",
        "two_keys",
        nested(df, "Category", "Supplier", "Qty On Hand"),
    )
    c.add("qty by category", "x_by_y", as_dict(df.groupby("Category")["Qty On Hand"].sum()))
    c.add("items with 'screw' in the name", "text_match", cnt(contains(df["Item"], "screw")))
    c.add("notes mention damaged", "text_match", cnt(contains(df["Notes"], "damaged")))
    c.add("total units on hand", "plain", qty.sum())
    sku = rng.choice(list(df["SKU"]))
    c.add(f"where is {sku} stored", "plain", df.loc[df["SKU"] == sku, "Bin"].iloc[0])
    c.add("avg unit price", "plain", price.mean())
    c.clarify("how many items do we have", "row_noun")
    need(df.loc[top1(wt), "Item"] != df.loc[top1(qty * wt), "Item"])
    c.clarify("which is the heaviest item", "superlative")
    c.refuse("when is the next delivery due", "dates")
    c.refuse("items by colour", "x_by_y")
    c.refuse("average delivery lead time per supplier", "derived")
    return c.finish()


# --------------------------------------------------------------------------
# 8. attraction visitors, one column per year (wide)
# --------------------------------------------------------------------------


def book_visitors(rng: random.Random) -> list[dict]:
    book, sheet = "attraction_visitors.xlsx", "Visitors"
    years = list(range(2018, 2025))
    attractions = [
        ("Dunmore Castle", "Castle", "Kerry"),
        ("Ballyglen Castle", "Castle", "Cork"),
        ("Kilrush Castle Ruins", "Castle", "Clare"),
        ("Maritime Museum", "Museum", "Cork"),
        ("Museum of Rural Life", "Museum", "Galway"),
        ("Railway Heritage Museum", "Museum", "Clare"),
        ("Folk & Farm Museum", "Museum", "Kerry"),
        ("Glenbeg Forest Park", "Park", "Kerry"),
        ("Lough Ree Country Park", "Park", "Galway"),
        ("Burren Adventure Park", "Park", "Clare"),
        ("Riverside Zoo", "Zoo", "Cork"),
        ("Harbour Gallery", "Gallery", "Galway"),
        ("Quay Street Art Gallery", "Gallery", "Cork"),
        ("Old Mill Gallery", "Gallery", "Kerry"),
        ("Kilcoole Walled Garden", "Garden", "Galway"),
        ("Rosslare Botanic Garden", "Garden", "Cork"),
        ("Seaview Aquarium", "Aquarium", "Clare"),
        ("Cliffside Visitor Centre", "Visitor Centre", "Clare"),
        ("Abbey Heritage Centre", "Visitor Centre", "Galway"),
        ("Skellig View Boat Tours", "Tour", "Kerry"),
        ("Tralee Wetlands", "Park", "Kerry"),
        ("Cork City Gaol", "Museum", "Cork"),
    ]
    factor = {2018: 1.0, 2019: 1.03, 2020: 0.35, 2021: 0.6, 2022: 0.9, 2023: 1.02, 2024: 1.05}
    late_opener = "Abbey Heritage Centre"
    closed_2020 = {"Harbour Gallery", "Folk & Farm Museum"}
    rows = []
    for name, typ, county in attractions:
        base = math.exp(rng.uniform(math.log(9000), math.log(260000)))
        trend = rng.uniform(-0.04, 0.05)
        vals = []
        for k, y in enumerate(years):
            v = int(round(base * factor[y] * (1 + trend) ** k * rng.uniform(0.9, 1.1), -1))
            if name == late_opener and y < 2021:
                v = None
            if name in closed_2020 and y == 2020:
                v = "closed"
            if isinstance(v, int) and rng.random() < 0.05:
                v = f"{v:,}"
            vals.append(v)
        note = None
        if name == late_opener:
            note = "opened April 2021"
        elif name in closed_2020:
            note = "closed all of 2020"
        elif rng.random() < 0.15:
            note = rng.choice(
                ["counts from ticket scanner", "estimate for 2018", "free entry since 2022"]
            )
        rows.append([name, typ, county, *vals, note])

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "Annual visitor numbers – regional attractions")
    title(ws, "A2", "Source: tourism board returns. 2020 figures affected by closures.", bold=False)
    headers = ["Attraction", "Type", "County", *years, "Notes"]
    write_header(ws, 4, 1, headers)
    end = write_rows(ws, 5, 1, rows, {j: "#,##0" for j in range(3, 10)})
    ws.cell(row=end, column=1, value="Total").font = Font(bold=True)
    for j in range(4, 11):
        col = get_column_letter(j)
        ws.cell(row=end, column=j, value=f"=SUM({col}5:{col}{end - 1})")
    save(wb, book)

    df = load(book, sheet, 4)
    df = df.set_index("Attraction", drop=False)
    ycols = [str(y) for y in years]
    df.columns = [str(col) for col in df.columns]
    full = [a for a in df.index if df.loc[a, ycols].notna().all()]
    yr = df[ycols]
    c = Cases("visitors", book, sheet)
    a1 = rng.choice(full)
    c.add(f"visitors to {a1} in 2021", "wide_years", df.loc[a1, "2021"])
    c.add("total visitors in 2019", "wide_years", yr["2019"].sum())
    c.add("which attraction had the most visitors in 2023", "superlative", top1(yr["2023"]))
    c.add("which year was busiest overall?", "wide_years", int(top1(yr.sum())))
    thr = pick_thr(yr["2024"], [100000, 120000, 80000, 90000])
    c.add(
        f"how many attractions had more than {thr // 1000}k visitors in 2024",
        "quantities",
        cnt(yr["2024"] > thr),
    )
    a2 = rng.choice([a for a in full if a != a1])
    c.add(f"total visitors to {a2} from 2018 to 2024", "wide_years", yr.loc[a2].sum())
    a3 = rng.choice([a for a in full if a not in (a1, a2)])
    c.add(f"average annual visitors for {a3}", "wide_years", yr.loc[a3].mean())
    a4 = rng.choice([a for a in full if a not in (a1, a2, a3)])
    c.add(
        f"by what % did {a4} grow from 2018 to 2024",
        "derived",
        (yr.loc[a4, "2024"] - yr.loc[a4, "2018"]) / yr.loc[a4, "2018"],
    )
    c.add("museum visitors in 2022", "wide_years", yr.loc[df["Type"] == "Museum", "2022"].sum())
    c.add("visitors by type in 2023", "x_by_y", as_dict(yr["2023"].groupby(df["Type"]).sum()))
    c.add("2024 visitors by county", "x_by_y", as_dict(yr["2024"].groupby(df["County"]).sum()))
    c.add("top 3 attractions in 2022", "superlative", topn(yr["2022"], 3))
    fewer = yr[(yr["2024"] < yr["2019"]) & yr["2019"].notna()].index
    need(1 <= len(fewer) <= 8)
    c.add(
        "which attractions had fewer visitors in 2024 than in 2019",
        "wide_years",
        sorted(fewer),
        unordered=True,
    )
    c.add("how many attractions are in county clare", "row_noun", cnt(df["County"] == "Clare"))
    c.add(
        "total visitors to castles over all years",
        "wide_years",
        yr[df["Type"] == "Castle"].sum().sum(),
    )
    both = yr[["2018", "2024"]].groupby(df["Type"]).sum()
    c.add(
        "visitors by type for 2018 and 2024",
        "two_keys",
        {t: {"2018": both.loc[t, "2018"], "2024": both.loc[t, "2024"]} for t in sorted(both.index)},
    )
    a5 = rng.choice([a for a in full if a not in (a1, a2, a3, a4)])
    c.add(
        f"visitors to {a5} between 2019 and 2022",
        "wide_years",
        yr.loc[a5, ["2019", "2020", "2021", "2022"]].sum(),
    )
    c.add(
        "which county had the most visitors in 2018",
        "superlative",
        top1(yr["2018"].groupby(df["County"]).sum()),
    )
    c.add(
        "how many visitors did the zoo get in 2020",
        "wide_years",
        yr.loc[df["Type"] == "Zoo", "2020"].iloc[0],
    )
    c.add(
        "what was the drop in total visitors from 2019 to 2020",
        "derived",
        yr["2019"].sum() - yr["2020"].sum(),
    )
    c.add("how many attractions are listed", "plain", len(df))
    c.add("average visitors per attraction in 2024", "wide_years", yr["2024"].mean())
    c.refuse("visitors in 2016", "wide_years")
    c.refuse("ticket revenue in 2023", "derived")
    c.clarify("visitors to the museum in 2022", "wide_years")
    c.clarify("how many visitors did the castles get", "wide_years")
    g = yr[yr["2021"].notna()]
    need(top1(g["2022"] - g["2021"]) != top1((g["2022"] - g["2021"]) / g["2021"]))
    c.clarify("which attraction grew the most from 2021 to 2022", "wide_years")
    return c.finish()


# --------------------------------------------------------------------------
# 9. electricity by site, one column per month (wide)
# --------------------------------------------------------------------------


def book_energy(rng: random.Random) -> list[dict]:
    book, sheet = "electricity_by_site_2023.xlsx", "Monthly kWh"
    sites = [
        ("Head Office", "South"),
        ("Riverside Depot", "North"),
        ("Riverside Office", "North"),
        ("North Warehouse", "North"),
        ("Harbour Store", "South"),
        ("Mill Lane Store", "East"),
        ("Castle St Store", "West"),
        ("Airport Kiosk", "East"),
        ("Data Centre", "South"),
        ("Eastgate Store", "East"),
        ("Westfield Store", "West"),
        ("Hillside Clinic", "West"),
        ("Bayview Store", "South"),
        ("Central Distribution Hub", "North"),
        ("Oakwood Store", "West"),
        ("Print Works", "East"),
        ("Training Centre", "South"),
        ("Lakeside Store", "North"),
        ("Park Road Store", "East"),
        ("Call Centre", "West"),
        ("Cold Store", "North"),
        ("Market Sq Store", "South"),
        ("Museum Quarter Store", "East"),
        ("Retail Park Store", "West"),
    ]
    heating = [1.35, 1.28, 1.12, 0.98, 0.88, 0.82, 0.86, 0.84, 0.9, 1.02, 1.18, 1.32]
    cooling = [0.85, 0.86, 0.9, 0.97, 1.08, 1.22, 1.33, 1.3, 1.12, 0.97, 0.88, 0.86]
    missing_site = "Print Works"
    rows = []
    for k, (site, region) in enumerate(sites):
        base = math.exp(rng.uniform(math.log(2500), math.log(60000)))
        prof = cooling if site in ("Data Centre", "Cold Store", "Airport Kiosk") else heating
        vals = [round(base * p * rng.uniform(0.92, 1.08)) for p in prof]
        cells: list = list(vals)
        if site == missing_site:
            cells[2] = None
        for j in range(12):
            if cells[j] is not None and rng.random() < 0.03:
                cells[j] = f"{cells[j]:,}"
        total = sum(v for v, cell in zip(vals, cells, strict=True) if cell is not None)
        note = None
        if site == missing_site:
            note = "Mar read missing"
        elif rng.random() < 0.25:
            note = rng.choice(
                [
                    "Dec estimated read",
                    "estimated reads Jan-Feb",
                    "new meter fitted Jun",
                    "solar panels from Aug",
                ]
            )
        rows.append([site, region, f"EM-{40100 + k * 7 + rng.randint(0, 6)}", *cells, total, note])

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "Electricity consumption by site – 2023 (kWh)")
    title(ws, "A2", "Meter reads from supplier portal; estimated reads marked in notes", bold=False)
    headers = ["Site", "Region", "Meter ID", *MONTHS, "Total", "Notes"]
    write_header(ws, 4, 1, headers)
    end = write_rows(ws, 5, 1, rows, {j: "#,##0" for j in range(3, 16)})
    ws.cell(row=end, column=1, value="Total").font = Font(bold=True)
    for j in range(4, 17):
        col = get_column_letter(j)
        ws.cell(row=end, column=j, value=f"=SUM({col}5:{col}{end - 1})")
    save(wb, book)

    df = load(book, sheet, 4).set_index("Site", drop=False)
    m = df[MONTHS]
    complete = [s for s in df.index if m.loc[s].notna().all() and not s.startswith("Riverside")]
    pick = rng.sample(complete, 5)
    c = Cases("energy", book, sheet)
    c.add("electricity used in april", "month_column", m["Apr"].sum())
    c.add(f"how much did {pick[0]} use in july", "month_column", m.loc[pick[0], "Jul"])
    c.add("which site used the most in january", "month_column", top1(m["Jan"]))
    c.add(f"total usage for {pick[1]} for the year", "wide_years", m.loc[pick[1]].sum())
    mt = m.sum()
    best = top1(mt)
    c.add(
        "which month had the highest total consumption",
        "wide_years",
        f"2023-{MONTHS.index(best) + 1:02d}",
    )
    c.add(f"average monthly consumption for {pick[2]}", "wide_years", m.loc[pick[2]].mean())
    need(not (m["Dec"] == 20000).any())
    c.add("sites using over 20k kWh in december", "quantities", cnt(m["Dec"] > 20000))
    c.add("total consumption in q1", "dates", m[["Jan", "Feb", "Mar"]].sum().sum())
    c.add(
        f"usage from june to august for {pick[3]}",
        "dates",
        m.loc[pick[3], ["Jun", "Jul", "Aug"]].sum(),
    )
    c.add("consumption by region in march", "x_by_y", as_dict(m["Mar"].groupby(df["Region"]).sum()))
    c.add(
        "which region used the most over the year",
        "superlative",
        top1(m.sum(axis=1).groupby(df["Region"]).sum()),
    )
    c.add("how many sites in the north region", "row_noun", cnt(df["Region"] == "North"))
    c.add("top 3 sites in november", "superlative", topn(m["Nov"], 3))
    c.add("how many sites used more in dec than in jan", "wide_years", cnt(m["Dec"] > m["Jan"]))
    c.add("avg use per site in feb", "month_column", m["Feb"].mean())
    thr = pick_thr(m["May"], [5000, 4000, 6000, 4500])
    c.add(f"how many sites used less than {thr:,} kWh in May", "month_column", cnt(m["May"] < thr))
    rj = m[["Jan", "Jul"]].groupby(df["Region"]).sum()
    c.add(
        "usage by region for jan and jul",
        "two_keys",
        {r: {"2023-01": rj.loc[r, "Jan"], "2023-07": rj.loc[r, "Jul"]} for r in sorted(rj.index)},
    )
    c.add("sites with 'store' in the name", "text_match", cnt(contains(df["Site"], "store")))
    c.add(
        "how many sites have notes mentioning estimated reads",
        "text_match",
        cnt(contains(df["Notes"], "estimated")),
    )
    c.add(
        "how much higher was december than june overall, in %",
        "derived",
        (m["Dec"].sum() - m["Jun"].sum()) / m["Jun"].sum(),
    )
    c.add(f"what's the meter id for {pick[4]}", "plain", df.loc[pick[4], "Meter ID"])
    c.refuse("electricity cost in may", "derived")
    c.refuse("usage in 2022", "month_column")
    c.clarify("usage for riverside in march", "month_column")
    c.clarify("what's the average consumption", "plain")
    return c.finish()


# --------------------------------------------------------------------------
# 10. freelance invoice log
# --------------------------------------------------------------------------


def book_invoices(rng: random.Random) -> list[dict]:
    book, sheet = "freelance_invoices.xlsx", "Invoices"
    clients = {
        "Acme Corp": (65, ["Website redesign", "Website maintenance", "Brochure"]),
        "Bluebird Studios": (
            75,
            ["Logo refresh", "Social media pack", "Poster series", "Website maintenance"],
        ),
        "Northwind Traders": (85, ["Annual report", "Catalogue layout"]),
        "Greenleaf Cafe": (60, ["Menu design", "Social media pack"]),
        "Orion Labs": (90, ["Landing page", "Pitch deck", "Website redesign"]),
        "Summit Dental": (70, ["Brochure", "Appointment cards"]),
    }
    as_of = ymd(2024, 7, 1)
    n = rng.randint(70, 85)
    dates = sorted(rand_date(rng, ymd(2023, 1, 5), ymd(2024, 6, 28)) for _ in range(n))
    rows = []
    seq: dict[int, int] = {}
    for issued in dates:
        client = rng.choices(list(clients), weights=[24, 20, 14, 16, 14, 12])[0]
        rate, projects = clients[client]
        hours = rng.randint(4, 120) / 2
        amount = hours * rate
        note = None
        r = rng.random()
        if r < 0.12:
            amount = round(amount * 0.9, 2)
            note = "10% discount applied"
        elif r < 0.17:
            amount += 50
            note = "late fee added"
        elif r < 0.24:
            note = rng.choice(
                [
                    "client disputed hours",
                    "monthly retainer",
                    "paid in two parts",
                    "Discount agreed for referral",
                ]
            )
            if note.startswith("Discount"):
                amount = round(amount * 0.95, 2)
        due = issued + dt.timedelta(days=30)
        age = (as_of - issued).days
        paid = rng.random() < (0.96 if age > 75 else 0.45)
        date_paid = issued + dt.timedelta(days=rng.randint(4, 55)) if paid else None
        if date_paid is not None and date_paid >= as_of:
            date_paid = as_of - dt.timedelta(days=1)
        if paid:
            status = "Paid"
        elif age < 10 and rng.random() < 0.5:
            status = "Draft"
        elif due < as_of:
            status = "Overdue"
        else:
            status = "Sent"
        seq[issued.year] = seq.get(issued.year, 0) + 1
        rows.append(
            [
                f"INV-{issued.year}-{seq[issued.year]:03d}",
                client,
                rng.choice(projects),
                issued,
                due,
                as_text(rng, hours, 0.05),
                rate,
                as_text(rng, amount, 0.04, "${:,.2f}"),
                "Yes" if paid else "No",
                date_paid,
                status,
                note,
            ]
        )

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    title(ws, "A1", "Freelance invoices – J. Mercer Design")
    title(ws, "A2", "All amounts in USD · status as of 1 July 2024", bold=False)
    headers = [
        "Invoice No",
        "Client",
        "Project",
        "Issue Date",
        "Due Date",
        "Hours",
        "Rate (USD/h)",
        "Amount (USD)",
        "Paid",
        "Date Paid",
        "Status",
        "Notes",
    ]
    write_header(ws, 3, 1, headers)
    end = write_rows(
        ws, 4, 1, rows, {3: "d mmm yyyy", 4: "d mmm yyyy", 7: "#,##0.00", 9: "d mmm yyyy"}
    )
    ws.cell(row=end, column=1, value="Total").font = Font(bold=True)
    ws.cell(row=end, column=6, value=f"=SUM(F4:F{end - 1})")
    ws.cell(row=end, column=8, value=f"=SUM(H4:H{end - 1})")
    save(wb, book)

    df = load(book, sheet, 3)
    iss, amt, hrs = df["Issue Date"], df["Amount (USD)"], df["Hours"]
    c = Cases("invoices", book, sheet)
    c.add("how many invoices for acme corp", "row_noun", cnt(df["Client"] == "Acme Corp"))
    c.add("invoices per client", "row_noun", as_dict(df["Client"].value_counts()))
    c.add(
        "how many different projects did I do for Bluebird",
        "row_noun",
        df.loc[df["Client"] == "Bluebird Studios", "Project"].nunique(),
    )
    c.add("unpaid invoices", "status", cnt(df["Paid"] == "No"))
    c.add("how much is overdue", "status", amt[df["Status"] == "Overdue"].sum())
    c.add("total of invoices that aren't paid yet", "status", amt[df["Paid"] == "No"].sum())
    c.add("draft invoices", "status", cnt(df["Status"] == "Draft"))
    c.add("how much did i invoice in 2023", "dates", amt[iss.dt.year == 2023].sum())
    c.add(
        "invoices issued in q1 2024",
        "dates",
        cnt((iss >= ymd(2024, 1, 1)) & (iss <= ymd(2024, 3, 31))),
    )
    c.add("billed since 1 aug 2023", "dates", amt[iss >= ymd(2023, 8, 1)].sum())
    y24 = df[iss.dt.year == 2024]
    by_m = y24.groupby(y24["Issue Date"].dt.strftime("%Y-%m"))["Amount (USD)"].sum()
    need(len(by_m) == 6)
    c.add("invoiced amount by month for 2024", "dates", as_dict(by_m))
    need(not (amt == 2500).any() and not (hrs == 10).any())
    c.add("invoices over $2.5k", "quantities", cnt(amt > 2500))
    c.add("jobs of 10 hours or less", "quantities", cnt(hrs <= 10))
    c.add(
        "which client did i bill the most",
        "superlative",
        top1(df.groupby("Client")["Amount (USD)"].sum()),
    )
    c.add("biggest invoice", "superlative", df.loc[top1(amt), "Invoice No"])
    c.add("top 3 projects by hours", "superlative", topn(df.groupby("Project")["Hours"].sum(), 3))
    c.add(
        "hours by client and year",
        "two_keys",
        nested(df.assign(Year=iss.dt.year), "Client", "Year", "Hours"),
    )
    c.add("hours by client", "x_by_y", as_dict(df.groupby("Client")["Hours"].sum()))
    c.add("invoices by status", "x_by_y", as_dict(df["Status"].value_counts()))
    c.add(
        "invoices where notes mention discount",
        "text_match",
        cnt(contains(df["Notes"], "discount")),
    )
    c.add(
        "how many invoices are for website work",
        "text_match",
        cnt(contains(df["Project"], "website")),
    )
    sub = df[df["Client"] == "Acme Corp"]
    eff = sub["Amount (USD)"].sum() / sub["Hours"].sum()
    need(abs(eff - 65) > 0.01)
    c.add("effective hourly rate for acme corp", "derived", eff)
    paid = df[df["Date Paid"].notna()]
    c.add(
        "average days to get paid",
        "derived",
        (paid["Date Paid"] - paid["Issue Date"]).dt.days.mean(),
    )
    c.add("total hours worked", "plain", hrs.sum())
    inv = rng.choice([i for i in df["Invoice No"] if i.startswith("INV-2024")])
    c.add(f"what's the amount on {inv}", "plain", amt[df["Invoice No"] == inv].iloc[0])
    c.refuse("how much tax do i owe", "derived")
    c.refuse("which invoices were sent by email", "status")
    c.refuse("which client is based in Boston", "plain")
    c.clarify("how much did i make in march", "dates")
    need(abs(df["Rate (USD/h)"].mean() - amt.sum() / hrs.sum()) > 0.5)
    c.clarify("what's my average rate", "plain")
    return c.finish()


# --------------------------------------------------------------------------


BUILDERS = [
    (book_gym, 101),
    (book_hotel, 202),
    (book_exams, 303),
    (book_charity, 404),
    (book_it, 505),
    (book_bakery, 606),
    (book_stock, 707),
    (book_visitors, 808),
    (book_energy, 909),
    (book_invoices, 1010),
]


def build_one(fn, seed: int) -> list[dict]:
    for attempt in range(500):
        try:
            return fn(random.Random(seed * 1000 + attempt))
        except RedrawError:
            continue
    raise RuntimeError(f"{fn.__name__}: no valid draw")


def main() -> None:
    BOOKS.mkdir(parents=True, exist_ok=True)
    all_cases: list[dict] = []
    for fn, seed in BUILDERS:
        all_cases.extend(build_one(fn, seed))
    ids = [c["id"] for c in all_cases]
    assert len(ids) == len(set(ids))
    with open(CASES_FILE, "w", encoding="utf-8", newline="\n") as fh:
        for case in all_cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    classes: dict[str, int] = {}
    for case in all_cases:
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
        classes[case["class"]] = classes.get(case["class"], 0) + 1
    print(f"{len(list(BOOKS.glob('*.xlsx')))} books, {len(all_cases)} cases")
    print("kinds:", dict(sorted(kinds.items())))
    print("classes:", dict(sorted(classes.items())))


if __name__ == "__main__":
    main()
