#!/usr/bin/env python
"""Everyday-questions DEVELOPMENT set no. 3 for nlsheet.

Written by a helper session that saw neither nlsheet's training data nor its
rules: it did not read nlsheet/, the other test data, the sample workbooks or
the benchmarks.  The commands are phrased independently.  This is a dev set,
not a held-out test set.

What it does (deterministic: seeded random.Random, fixed dates, no clock):
  * writes 10 messy-but-realistic workbooks into books/
  * reads each book back with its own small loader (skips title rows, blank
    rows and "Total" rows) and COMPUTES every expected answer from the rows
  * writes cases.jsonl (one JSON object per line)

Conventions used for `expected`:
  numbers are plain JSON numbers, counts are ints; a single name is a string;
  lists of names are lists (``"unordered": true`` when order is meaningless,
  ranked lists keep rank order); "X by Y" is {group: number}; two keys are
  {k1: {k2: number}}; months as "YYYY-MM".  A bare noun phrase is a count of
  rows.  "between A and B" is inclusive, "since D" includes D,
  "before"/"after" exclude.  clarify/refuse cases have expected = null.
  Superlatives/top-N are checked for ties; thresholds are checked so that no
  value sits exactly on a bound.  Two bare noun phrases first written with lists of names
  ("countries that went down from 2023 to 2024", "products with zero sales in january") were
  set to counts after the first run, as this convention says.

Run:  /work/main/.venv/bin/python build.py
"""

import json
import math
import random
import re
import zipfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
BOOKS_DIR = HERE / "books"

CLASSES = {
    "text_match",
    "derived",
    "row_noun",
    "superlative",
    "status",
    "dates",
    "quantities",
    "two_keys",
    "x_by_y",
    "month_column",
    "wide_years",
    "plain",
}

FIRST = [
    "James",
    "Maria",
    "Daniel",
    "Aisha",
    "Lucas",
    "Hannah",
    "Noah",
    "Priya",
    "Ethan",
    "Sofia",
    "Oliver",
    "Mei",
    "Samuel",
    "Fatima",
    "Leo",
    "Chloe",
    "Isaac",
    "Nadia",
    "Gabriel",
    "Emma",
    "Ryan",
    "Yuki",
    "Adam",
    "Laura",
    "Victor",
    "Zoe",
    "Kevin",
    "Amara",
    "Jonas",
    "Rosa",
    "Felix",
    "Ingrid",
    "Marcus",
    "Tara",
    "Hugo",
    "Leila",
    "Patrick",
    "Nora",
    "Owen",
    "Clara",
    "Rahul",
    "Eva",
    "Simon",
    "Julia",
    "Andre",
    "Mila",
    "Tobias",
    "Grace",
    "Diego",
    "Helen",
    "Kai",
    "Alice",
    "Martin",
    "Ruth",
    "Jorge",
    "Lena",
    "Caleb",
    "Sara",
    "Pedro",
    "Anya",
]
LAST = [
    "Smith",
    "Garcia",
    "Nguyen",
    "Okafor",
    "Muller",
    "Rossi",
    "Kowalski",
    "Patel",
    "Johansson",
    "Brown",
    "Silva",
    "Tanaka",
    "Murphy",
    "Haddad",
    "Novak",
    "Dubois",
    "Khan",
    "Fischer",
    "Lopez",
    "Walsh",
    "Kim",
    "Andersen",
    "Costa",
    "Reyes",
    "Baker",
    "Ibrahim",
    "Larsen",
    "Moreau",
    "Chen",
    "Horvat",
    "Schmidt",
    "Owusu",
    "Petrov",
    "Hughes",
    "Varga",
    "Santos",
    "Bauer",
    "Ali",
    "Jensen",
    "Romano",
    "Wright",
    "Sato",
    "Keller",
    "Mendes",
    "Doyle",
    "Lindgren",
    "Farah",
    "Ortiz",
    "Campbell",
    "Yilmaz",
]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
class TieError(Exception):
    """Raised when an answer would not be unique (tie, value on a bound...)."""


def people(rng, n, taken):
    out = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def num(x):
    if hasattr(x, "item"):
        x = x.item()
    if isinstance(x, bool):
        raise TypeError("bool is not a number here")
    if isinstance(x, int):
        return x
    x = float(x)
    if math.isnan(x):
        raise ValueError("NaN answer")
    return float(f"{x:.12g}")


def cnt(mask):
    n = int(mask.sum())
    if n == 0:
        raise TieError("empty count")
    return n


def has(df, col, word):
    return df[col].fillna("").astype(str).str.contains(word, case=False, regex=False)


def argmax1(s):
    s = s.dropna()
    if (s == s.max()).sum() != 1:
        raise TieError("tie at max")
    return str(s.idxmax())


def argmin1(s):
    s = s.dropna()
    if (s == s.min()).sum() != 1:
        raise TieError("tie at min")
    return str(s.idxmin())


def topn(s, n, asc=False):
    s = s.dropna().sort_values(ascending=asc, kind="mergesort")
    head = s.iloc[: n + 1].tolist()
    if len(set(head)) != len(head):
        raise TieError("tie in top n")
    return [str(i) for i in s.index[:n]]


def gdict(s):
    return {str(k): num(v) for k, v in s.items()}


def off_bounds(series, *bounds):
    for b in bounds:
        if (series == b).any():
            raise TieError(f"value equals bound {b}")


def uniq_list(values):
    out = sorted({str(v) for v in values})
    if not out:
        raise TieError("empty list")
    return out


def two_key(df, k1, k2, val=None, agg="sum"):
    g = df.groupby([k1, k2]).size() if val is None else df.groupby([k1, k2])[val].agg(agg)
    a = sorted(df[k1].unique())
    b = sorted(df[k2].unique())
    if len(g) != len(a) * len(b):
        raise TieError("incomplete grid")
    return {str(x): {str(y): num(g[(x, y)]) for y in b} for x in a}


def pick(*options):
    """Return the first (command, expected) option that is tie-free."""
    last = None
    for fn in options:
        try:
            return fn()
        except TieError as e:
            last = e
    raise TieError(f"no option usable: {last}")


def ts(y, m, d):
    return pd.Timestamp(y, m, d)


# --------------------------------------------------------------------------
# workbook writing / loading
# --------------------------------------------------------------------------
def write_book(
    fname,
    sheet,
    columns,
    rows,
    *,
    title=None,
    gap=0,
    total=None,
    date_fmt="yyyy-mm-dd",
    money=(),
    widths=None,
):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    r = 0
    if title:
        r += 1
        ws.cell(r, 1, title).font = Font(bold=True, size=13)
    r += gap
    r += 1
    for j, c in enumerate(columns, 1):
        ws.cell(r, j, c).font = Font(bold=True)
    for row in rows:
        r += 1
        for j, c in enumerate(columns, 1):
            v = row.get(c)
            cell = ws.cell(r, j, v)
            if isinstance(v, (date, datetime)):
                cell.number_format = date_fmt
            elif c in money and v is not None:
                cell.number_format = "#,##0.00"
    if total:
        r += 1
        for j, c in enumerate(columns, 1):
            if c in total:
                cell = ws.cell(r, j, total[c])
                cell.font = Font(bold=True)
                if c in money:
                    cell.number_format = "#,##0.00"
    for j, c in enumerate(columns, 1):
        w = (widths or {}).get(c, max(10, min(40, len(str(c)) + 4)))
        ws.column_dimensions[ws.cell(1, j).column_letter].width = w
    wb.save(BOOKS_DIR / fname)
    freeze_zip(BOOKS_DIR / fname)


FIXED_STAMP = "2024-01-01T00:00:00Z"


def freeze_zip(path):
    """openpyxl stamps 'now' into docProps/core.xml and the zip entries;
    rewrite both with a fixed time so the .xlsx bytes are reproducible."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            payload = data
            if name == "docProps/core.xml":
                payload = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                    rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>",
                    data,
                )
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, payload)


def load(fname, columns):
    """Our own loader: find the header row, skip blanks and Total rows."""
    wb = load_workbook(BOOKS_DIR / fname, data_only=True)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    want = [str(c) for c in columns]
    hi = next(
        i
        for i, r in enumerate(rows)
        if [None if v is None else str(v).strip() for v in r[: len(columns)]] == want
    )
    data = []
    for raw in rows[hi + 1 :]:
        r = list(raw[: len(columns)])
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in r):
            continue
        if any(isinstance(v, str) and v.strip().lower() == "total" for v in r):
            continue
        data.append(r)
    df = pd.DataFrame(data, columns=columns)
    for c in columns:
        vals = [v for v in df[c] if v is not None]
        if vals and all(isinstance(v, datetime) for v in vals):
            df[c] = pd.to_datetime(df[c])
    return df


# --------------------------------------------------------------------------
# case registry
# --------------------------------------------------------------------------
class Cases:
    def __init__(self):
        self.rows = []
        self.books = {}
        self.n = Counter()

    def book(self, key, fname, sheet):
        self.books[key] = (fname, sheet)

    def add(self, key, cls, command, expected=None, kind="value", unordered=False):
        assert cls in CLASSES, cls
        assert kind in ("value", "clarify", "refuse"), kind
        if kind == "value":
            assert expected is not None, command
            if isinstance(expected, list):
                assert expected and all(isinstance(x, str) for x in expected), command
        else:
            assert expected is None
        fname, sheet = self.books[key]
        self.n[key] += 1
        rec = {
            "id": f"dev3-{key}-{self.n[key]:02d}",
            "book": fname,
            "sheet": sheet,
            "command": command,
            "class": cls,
            "split": "dev",
            "kind": kind,
            "expected": expected,
        }
        if unordered:
            rec["unordered"] = True
        self.rows.append(rec)

    def pair(self, key, cls, option_fns, unordered=False):
        command, expected = pick(*option_fns)
        self.add(key, cls, command, expected, unordered=unordered)


# ==========================================================================
# 1. recruiting pipeline
# ==========================================================================
def _candidate_note(rng, src, dept, stage):
    """The recruiter's free-text note on one candidate (None when there is none)."""
    u = rng.random()
    if src == "Referral" and u < 0.5:
        return "Referred by a current employee"
    if dept in ("Analytics", "Engineering") and u < 0.3:
        return "Strong Python and SQL skills"
    if dept == "Marketing" and u < 0.3:
        return "Portfolio looks strong"
    if stage == "Rejected" and u < 0.3:
        return rng.choice(["No-show for the phone screen", "Not enough experience"])
    if u < 0.7:
        return rng.choice(
            [
                "Great culture fit, very personable",
                "Relocating from Denver",
                "Has a 3 month notice period",
                "Counter-offer risk - currently employed",
                "Follow up next week",
                "Asked about remote work options",
                "Open to hybrid, prefers remote",
                "Needs visa sponsorship",
                "Salary expectations above band",
                "Bilingual (English/Spanish)",
                "Available immediately",
            ]
        )
    return None


def _recruiting_rows(rng):
    positions = [
        ("Sales Rep", "Sales", 54000, 14),
        ("Account Manager", "Sales", 71000, 8),
        ("Data Analyst", "Analytics", 73000, 12),
        ("Software Engineer", "Engineering", 104000, 16),
        ("QA Engineer", "Engineering", 78000, 8),
        ("Marketing Coordinator", "Marketing", 51000, 10),
        ("HR Generalist", "People", 59000, 6),
        ("Support Agent", "Customer Success", 41000, 12),
    ]
    sources, sw = (
        ["LinkedIn", "Referral", "Job Board", "Agency", "Careers Page"],
        [28, 18, 23, 15, 16],
    )
    recruiters = ["Dana Whitfield", "Marcus Bell", "Priya Raman", "Tom Okafor"]
    stages = ["Applied", "Phone Screen", "Interview", "Offer", "Hired", "Rejected"]
    stw = [20, 14, 16, 6, 9, 35]
    domains = [
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "icloud.com",
        "proton.me",
        "*",
    ]
    dw = [34, 10, 16, 8, 7, 4, 21]
    companies = ["acme.io", "brightlabs.com", "northstar.co", "kellerlaw.com", "tidewater.org"]
    taken = set(recruiters)
    names = people(rng, 96, taken)
    rows = []
    for name in names:
        pos, dept, base, _ = wchoice(rng, positions, [p[3] for p in positions])
        src = wchoice(rng, sources, sw)
        first, last = name.lower().split(" ", 1)
        dom = wchoice(rng, domains, dw)
        if dom == "*":
            dom = rng.choice(companies)
        style = rng.random()
        local = (
            f"{first}.{last}"
            if style < 0.5
            else f"{first[0]}{last}"
            if style < 0.75
            else f"{first}{last}{rng.randint(2, 98)}"
        )
        email = f"{local}@{dom}"
        if rng.random() < 0.06:
            email = email[0].upper() + email[1:].replace("gmail", "Gmail")
        applied = date(2024, 1, 8) + timedelta(days=rng.randint(0, 150))
        years = rng.randint(0, 15)
        expected = round(base * (0.82 + 0.035 * years) * rng.uniform(0.95, 1.08) / 500) * 500
        stage = wchoice(rng, stages, stw)
        interview = None
        if stage in ("Interview", "Offer", "Hired") or (stage == "Rejected" and rng.random() < 0.4):
            interview = applied + timedelta(days=rng.randint(5, 26))
        offer = None
        if stage in ("Offer", "Hired"):
            offer = round(expected * rng.uniform(0.97, 1.12) / 500) * 500
        note = _candidate_note(rng, src, dept, stage)
        rows.append(
            {
                "Candidate": name,
                "Email": email,
                "Position": pos,
                "Department": dept,
                "Source": src,
                "Applied": applied,
                "Interview Date": interview,
                "Stage": stage,
                "Years Exp": years,
                "Expected Salary": expected,
                "Offer": offer,
                "Recruiter": rng.choice(recruiters),
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: r["Applied"])
    return rows


def build_recruiting(cases):
    key = "recruiting"
    fname, sheet = "recruiting_pipeline.xlsx", "Candidates"
    cases.book(key, fname, sheet)
    rows = _recruiting_rows(random.Random(30101))
    cols = list(rows[0].keys())
    write_book(
        fname,
        sheet,
        cols,
        rows,
        title="Recruiting pipeline - H1 2024 (export)",
        gap=1,
        date_fmt="dd/mm/yyyy",
        money=("Expected Salary", "Offer"),
        widths={"Candidate": 20, "Email": 30, "Notes": 38},
    )
    df = load(fname, cols)
    _recruiting_text_cases(cases, key, df)
    _recruiting_people_cases(cases, key, df)
    _recruiting_misc_cases(cases, key, df)


def _recruiting_text_cases(cases, key, df):
    # text_match
    cases.add(
        key,
        "text_match",
        "how many candidates have a gmail address",
        cnt(df.Email.str.lower().str.endswith("@gmail.com")),
    )
    cases.add(
        key,
        "text_match",
        "list the candidates who need visa sponsorship",
        uniq_list(df.loc[has(df, "Notes", "visa"), "Candidate"]),
        unordered=True,
    )
    cases.add(key, "text_match", "how many notes mention remote", cnt(has(df, "Notes", "remote")))
    cases.add(
        key,
        "text_match",
        "avg expected salary for people whose notes say python",
        num(df.loc[has(df, "Notes", "python"), "Expected Salary"].mean()),
    )
    cases.add(key, "text_match", "anyone relocating? how many", cnt(has(df, "Notes", "relocat")))
    cases.add(
        key,
        "text_match",
        "how many applicants are going for an engineer role",
        cnt(has(df, "Position", "engineer")),
    )
    # derived
    gap = (df["Interview Date"] - df["Applied"]).dt.days
    cases.add(
        key,
        "derived",
        "on average how many days between applying and the interview",
        num(gap.dropna().mean()),
    )
    cases.add(
        key,
        "derived",
        "how much above the asking salary were our offers on average",
        num((df["Offer"] - df["Expected Salary"]).dropna().mean()),
    )
    cases.add(key, "derived", "what's our cost per hire", kind="refuse")
    cases.add(key, "derived", "average salary for data analysts", kind="clarify")


def _recruiting_people_cases(cases, key, df):
    hired = df[df.Stage == "Hired"]
    nm = df.set_index("Candidate")
    # row_noun
    cases.add(
        key,
        "row_noun",
        "how many candidates applied for the sales rep job",
        cnt(df.Position == "Sales Rep"),
    )
    cases.add(
        key, "row_noun", "how many canddiates in engineering", cnt(df.Department == "Engineering")
    )
    cases.add(key, "row_noun", "list the hires", uniq_list(hired.Candidate), unordered=True)
    cases.add(key, "row_noun", "candidates per source", gdict(df.groupby("Source").size()))
    cases.add(
        key, "row_noun", "how many applicant came through linkedin", cnt(df.Source == "LinkedIn")
    )
    cases.add(key, "row_noun", "how many candidates have a master's degree", kind="refuse")
    # superlative
    cases.add(
        key,
        "superlative",
        "which candidate is asking for the highest salary",
        argmax1(nm["Expected Salary"]),
    )
    cases.add(
        key,
        "superlative",
        "which source brought in the most applicants",
        argmax1(df.groupby("Source").size()),
    )

    def most_exp(pos):
        return lambda: (
            f"who's the most experienced {pos.lower()} candidate",
            argmax1(df[df.Position == pos].set_index("Candidate")["Years Exp"]),
        )

    cases.pair(
        key,
        "superlative",
        [
            most_exp(p)
            for p in [
                "Software Engineer",
                "Data Analyst",
                "Sales Rep",
                "Account Manager",
                "Marketing Coordinator",
                "Support Agent",
                "QA Engineer",
            ]
        ],
    )

    def low3(pos):
        return lambda: (
            f"the 3 lowest salary asks among {pos.lower()}s - who are they",
            topn(df[df.Position == pos].set_index("Candidate")["Expected Salary"], 3, asc=True),
        )

    cases.pair(
        key,
        "superlative",
        [
            low3(p)
            for p in [
                "Support Agent",
                "Sales Rep",
                "Data Analyst",
                "Software Engineer",
                "Marketing Coordinator",
            ]
        ],
    )
    cases.pair(
        key,
        "superlative",
        [
            lambda: (
                "which recruiter has hired the most people",
                argmax1(hired.groupby("Recruiter").size()),
            ),
            lambda: (
                "which recruiter rejected the most candidates",
                argmax1(df[df.Stage == "Rejected"].groupby("Recruiter").size()),
            ),
        ],
    )


def _recruiting_misc_cases(cases, key, df):
    # status
    cases.add(
        key, "status", "how many candidates haven't been rejected", cnt(df.Stage != "Rejected")
    )
    cases.add(
        key, "status", "how many people are sitting at the offer stage", cnt(df.Stage == "Offer")
    )
    # dates
    cases.add(key, "dates", "how many applied in march", cnt(df.Applied.dt.month == 3))
    cases.add(key, "dates", "show me the candidates in april", kind="clarify")
    # quantities
    sal = df["Expected Salary"]
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda t=t: (
                    off_bounds(sal, t * 1000),
                    (f"candidates expecting more than {t}k", cnt(sal > t * 1000)),
                )[1]
            )
            for t in (90, 95, 85, 100)
        ],
    )
    # two keys
    cases.add(
        key,
        "two_keys",
        "number of candidates by recruiter and source",
        two_key(df, "Recruiter", "Source"),
    )
    # plain
    cases.add(key, "plain", "average expected salary", num(sal.mean()))
    cases.add(key, "plain", "what's the average age of our candidates", kind="refuse")
    assert (df.Position == "Account Manager").sum() > 1
    cases.add(key, "plain", "what did we offer the account manager", kind="clarify")


# ==========================================================================
# 2. fleet trip log
# ==========================================================================
def _fleet_rows(rng):
    drivers = [
        "Sam Ortiz",
        "Sam Keller",
        "Lena Fischer",
        "Omar Haddad",
        "Grace Mbeki",
        "Tomas Rivera",
        "Kate Lindqvist",
    ]
    vans = {
        f"Van {i:02d}": d
        for i, d in zip(
            range(1, 9),
            ["North", "North", "South", "South", "East", "East", "Harbour", "Harbour"],
            strict=True,
        )
    }
    econ = {v: rng.uniform(0.085, 0.125) for v in vans}
    plain_notes = [
        "Traffic on ring road",
        "Heavy traffic near the port",
        "Tyre pressure low - topped up",
        "Flat tyre replaced",
        "Customer not home, redelivery booked",
        "Late start - loading delay",
        "Detour due to roadworks",
        "Warning light on dashboard",
        "Smooth run",
    ]
    service_notes = ["Oil change done at depot", "Brake pads replaced", "Full service completed"]
    rows = []
    for _ in range(124):
        d = date(2024, 1, 2) + timedelta(days=rng.randint(0, 178))
        van = rng.choice(list(vans))
        dist = round(rng.uniform(35, 320), 1)
        fuel = round(dist * econ[van] * rng.uniform(0.93, 1.07), 1)
        cost = round(fuel * rng.uniform(1.62, 1.84), 2)
        tolls = 0.0 if rng.random() < 0.7 else rng.choice([3.5, 6.0, 8.75, 12.4])
        serviced = "Yes" if rng.random() < 0.12 else "No"
        note = None
        if serviced == "Yes" and rng.random() < 0.7:
            note = rng.choice(service_notes)
        elif rng.random() < 0.55:
            note = rng.choice(plain_notes)
        rows.append(
            {
                "Date": d,
                "Vehicle": van,
                "Driver": rng.choice(drivers),
                "Depot": vans[van],
                "Distance km": dist,
                "Fuel (L)": fuel,
                "Fuel Cost (€)": cost,
                "Tolls (€)": tolls,
                "Deliveries": rng.randint(4, 22),
                "Serviced": serviced,
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: (r["Date"], r["Vehicle"]))
    return rows


def build_fleet(cases):
    key = "fleet"
    fname, sheet = "fleet_trip_log.xlsx", "Trips"
    cases.book(key, fname, sheet)
    rows = _fleet_rows(random.Random(30202))
    cols = list(rows[0].keys())
    write_book(
        fname,
        sheet,
        cols,
        rows,
        date_fmt="d-mmm-yy",
        money=("Fuel Cost (€)", "Tolls (€)"),
        widths={"Notes": 36},
    )
    df = load(fname, cols)
    _fleet_cost_cases(cases, key, df)
    _fleet_trip_cases(cases, key, df)


def _fleet_cost_cases(cases, key, df):
    km, fuel, cost = df["Distance km"], df["Fuel (L)"], df["Fuel Cost (€)"]
    cases.add(key, "plain", "total km driven", num(km.sum()))
    cases.add(key, "plain", "what did we spend on fuel altogether", num(cost.sum()))
    cases.add(key, "plain", "how many km did sam drive", kind="clarify")
    cases.add(key, "x_by_y", "speeding tickets by driver", kind="refuse")
    # derived
    cases.add(key, "derived", "overall fuel cost per km", num(cost.sum() / km.sum()))
    v3 = df[df.Vehicle == "Van 03"]
    cases.add(
        key,
        "derived",
        "km per litre for van 3",
        num(v3["Distance km"].sum() / v3["Fuel (L)"].sum()),
    )
    df["_run"] = cost + df["Tolls (€)"]
    cases.add(key, "derived", "fuel plus tolls by depot", gdict(df.groupby("Depot")["_run"].sum()))
    g = df.groupby("Vehicle")
    worst = argmax1(g["Fuel (L)"].sum() / g["Distance km"].sum() * 100)
    assert worst == argmax1((fuel / km).groupby(df.Vehicle).mean())
    cases.add(key, "derived", "which van burns the most fuel per 100 km", worst)
    cases.add(key, "derived", "cost per delivery by driver", kind="clarify")
    cases.add(key, "derived", "which van is the most efficient", kind="clarify")
    cases.add(key, "derived", "what's the maintenance cost per van", kind="refuse")


def _fleet_trip_cases(cases, key, df):
    km, cost = df["Distance km"], df["Fuel Cost (€)"]
    # row_noun
    cases.add(key, "row_noun", "how many trips did van 05 make", cnt(df.Vehicle == "Van 05"))
    cases.add(key, "row_noun", "trips per driver", gdict(df.groupby("Driver").size()))

    def serviced_in(m, label):
        def f():
            vans_m = uniq_list(df.loc[(df.Serviced == "Yes") & (df.Date.dt.month == m), "Vehicle"])
            if len(vans_m) < 2:
                raise TieError("want at least two vans")
            return f"list the vans that were serviced in {label}", vans_m

        return f

    cases.pair(
        key,
        "row_noun",
        [
            serviced_in(m, lab)
            for m, lab in ((3, "march"), (4, "april"), (5, "may"), (2, "february"))
        ],
        unordered=True,
    )
    cases.add(key, "row_noun", "how many trip out of the harbour depot", cnt(df.Depot == "Harbour"))
    cases.add(
        key,
        "row_noun",
        "which drivers have taken van 02 out",
        uniq_list(df.loc[df.Vehicle == "Van 02", "Driver"]),
        unordered=True,
    )
    # superlative
    gd = df.groupby("Driver")
    cases.add(
        key,
        "superlative",
        "which driver drove the most km in total",
        argmax1(gd["Distance km"].sum()),
    )
    cases.add(
        key, "superlative", "who drove the longest single trip", df.loc[int(argmax1(km)), "Driver"]
    )
    cases.add(key, "superlative", "top 3 drivers by deliveries", topn(gd["Deliveries"].sum(), 3))
    # status
    cases.add(
        key, "status", "total km on trips without a service", num(km[df.Serviced == "No"].sum())
    )
    # quantities
    cases.pair(
        key,
        "quantities",
        [
            (lambda t=t: (off_bounds(km, t), (f"trips over {t} km", cnt(km > t)))[1])
            for t in (250, 260, 240)
        ],
    )
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda t=t: (
                    off_bounds(cost, t),
                    (f"how many trips cost under €{t} in fuel", cnt(cost < t)),
                )[1]
            )
            for t in (30, 25, 35)
        ],
    )
    # dates
    cases.add(key, "dates", "trips since may 15", cnt(df.Date >= ts(2024, 5, 15)))
    # x_by_y
    cases.pair(
        key,
        "two_keys",
        [
            lambda: (
                "deliveries by depot and driver",
                two_key(df, "Depot", "Driver", "Deliveries"),
            ),
            lambda: (
                "fuel cost by depot and serviced",
                two_key(df, "Depot", "Serviced", "Fuel Cost (€)"),
            ),
        ],
    )
    cases.add(key, "x_by_y", "km by depot", gdict(df.groupby("Depot")["Distance km"].sum()))
    cases.add(
        key, "x_by_y", "fuel cost per vehicle", gdict(df.groupby("Vehicle")["Fuel Cost (€)"].sum())
    )
    # text_match
    cases.add(
        key, "text_match", "trips where the notes mention traffic", cnt(has(df, "Notes", "traffic"))
    )
    cases.add(
        key,
        "text_match",
        "total km on trips with tyre trouble in the notes",
        num(km[has(df, "Notes", "tyre")].sum()),
    )
    # two keys
    cases.add(
        key,
        "two_keys",
        "number of trips by depot and serviced yes/no",
        two_key(df, "Depot", "Serviced"),
    )


# ==========================================================================
# 3. restaurant ticket lines
# ==========================================================================
def _restaurant_rows(rng):
    dishes = [
        ("Bruschetta", "Starter", 7.50, 2.10),
        ("Calamari Fritti", "Starter", 9.90, 3.40),
        ("Caprese Salad", "Starter", 8.50, 2.90),
        ("Spaghetti Carbonara", "Main", 14.50, 3.80),
        ("Penne Arrabbiata", "Main", 12.90, 2.70),
        ("Chicken Parmigiana", "Main", 17.90, 5.60),
        ("Grilled Chicken Salad", "Main", 13.50, 4.10),
        ("Truffle Risotto", "Main", 19.50, 6.80),
        ("Margherita Pizza", "Pizza", 11.00, 2.40),
        ("Diavola Pizza", "Pizza", 13.00, 3.10),
        ("Tiramisu", "Dessert", 6.90, 1.80),
        ("Panna Cotta", "Dessert", 6.50, 1.50),
        ("Affogato", "Dessert", 5.50, 1.20),
        ("House Red", "Drinks", 6.00, 1.60),
        ("Lemonade", "Drinks", 3.80, 0.70),
    ]
    pop = [8, 6, 5, 12, 8, 9, 6, 5, 11, 8, 7, 4, 3, 9, 7]
    servers = ["Marco Bellini", "Anna Kowalski", "Jamal Reed", "Sofia Marin", "Liam O'Connor"]
    comments = [
        "no onions",
        "nut allergy - kitchen informed",
        "shellfish allergy, checked",
        "gluten free pasta requested",
        "extra parmesan",
        "birthday table",
        "window seat, regular",
        "sauce on the side",
        "sent back - too salty",
        "sent back, cold",
        "asked for extra bread",
        "allergy: dairy",
        "Birthday - candle on dessert",
        "customer in a hurry",
    ]
    drink_comments = [
        "no ice",
        "birthday table",
        "window seat, regular",
        "customer in a hurry",
        "extra lemon",
        "refill on the house",
    ]
    rows = []
    days = [date(2024, 4, 1) + timedelta(days=i) for i in range(91)]
    for _ in range(140):
        dname, cat, price, ucost = wchoice(rng, dishes, pop)
        ch = wchoice(rng, ["Dine-in", "Takeaway", "Delivery"], [60, 20, 20])
        qty = wchoice(rng, [1, 2, 3, 4, 5, 6], [38, 27, 14, 9, 7, 5])
        pool = drink_comments if cat == "Drinks" else comments
        note = rng.choice(pool) if rng.random() < 0.42 else None
        if note and note.startswith("sent back") and ch != "Dine-in":
            note = "late, customer complained" if ch == "Delivery" else None
        rows.append(
            {
                "Date": rng.choice(days),
                "Dish": dname,
                "Category": cat,
                "Server": rng.choice(servers),
                "Channel": ch,
                "Qty": qty,
                "Unit Price": price,
                "Unit Cost": ucost,
                "Loyalty Member": "Yes" if rng.random() < 0.35 else "No",
                "Comments": note,
            }
        )
    rows.sort(key=lambda r: r["Date"])
    for i, r in enumerate(rows):
        r["Ticket #"] = 10001 + i
    return rows


def build_restaurant(cases):
    key = "restaurant"
    fname, sheet = "bella_cucina_sales.xlsx", "Sales"
    cases.book(key, fname, sheet)
    rows = _restaurant_rows(random.Random(30303))
    cols = [
        "Date",
        "Ticket #",
        "Dish",
        "Category",
        "Server",
        "Channel",
        "Qty",
        "Unit Price",
        "Unit Cost",
        "Loyalty Member",
        "Comments",
    ]
    write_book(
        fname,
        sheet,
        cols,
        rows,
        title="Bella Cucina - item sales Q2 2024",
        total={"Date": "Total", "Qty": sum(r["Qty"] for r in rows)},
        date_fmt="dd.mm.yyyy",
        money=("Unit Price", "Unit Cost"),
        widths={"Dish": 22, "Comments": 32, "Server": 16},
    )
    df = load(fname, cols)
    df["_rev"] = df.Qty * df["Unit Price"]
    df["_gp"] = df.Qty * (df["Unit Price"] - df["Unit Cost"])
    _restaurant_sales_cases(cases, key, df)
    _restaurant_ticket_cases(cases, key, df)


def _restaurant_sales_cases(cases, key, df):
    q = df.Qty
    # derived
    cases.add(key, "derived", "total revenue", num(df._rev.sum()))
    cases.add(key, "derived", "revenue by channel", gdict(df.groupby("Channel")._rev.sum()))
    cases.add(
        key,
        "derived",
        "what's the gross profit on desserts",
        num(df.loc[df.Category == "Dessert", "_gp"].sum()),
    )
    cases.add(
        key,
        "derived",
        "which dish made us the most money after food costs",
        argmax1(df.groupby("Dish")._gp.sum()),
    )
    cases.add(
        key,
        "derived",
        "food cost total for april",
        num((q * df["Unit Cost"])[df.Date.dt.month == 4].sum()),
    )
    cases.add(key, "derived", "what's the average ticket value", num(df._rev.mean()))
    cases.add(key, "derived", "what's the average margin", kind="clarify")
    # superlative
    gd = df.groupby("Dish")
    cases.add(key, "superlative", "top 3 dishes by units sold", topn(gd.Qty.sum(), 3))
    cases.add(
        key,
        "superlative",
        "which server brought in the most revenue",
        argmax1(df.groupby("Server")._rev.sum()),
    )
    cases.add(
        key,
        "superlative",
        "cheapest main course",
        argmin1(df[df.Category == "Main"].groupby("Dish")["Unit Price"].first()),
    )
    cases.add(
        key,
        "superlative",
        "least popular dessert by quantity",
        argmin1(df[df.Category == "Dessert"].groupby("Dish").Qty.sum()),
    )


def _restaurant_ticket_cases(cases, key, df):
    q = df.Qty
    # row_noun
    cases.add(key, "row_noun", "how many delivery tickets", cnt(df.Channel == "Delivery"))
    cases.add(
        key,
        "row_noun",
        "how many tickets did each server ring up",
        gdict(df.groupby("Server").size()),
    )
    cases.add(
        key,
        "row_noun",
        "takeaway orders in april - how many",
        cnt((df.Channel == "Takeaway") & (df.Date.dt.month == 4)),
    )
    # status
    cases.add(
        key, "status", "tickets from non-loyalty customers", cnt(df["Loyalty Member"] == "No")
    )
    cases.add(
        key,
        "status",
        "revenue from loyalty members",
        num(df.loc[df["Loyalty Member"] == "Yes", "_rev"].sum()),
    )
    # text_match
    cases.add(
        key,
        "text_match",
        "how many tickets mention an allergy",
        cnt(has(df, "Comments", "allergy")),
    )
    cases.add(
        key, "text_match", "units of chicken dishes sold", num(q[has(df, "Dish", "chicken")].sum())
    )
    cases.add(
        key,
        "text_match",
        "which dishes got sent back",
        uniq_list(df.loc[has(df, "Comments", "sent back"), "Dish"]),
        unordered=True,
    )
    cases.add(
        key, "text_match", "tickets asking for gluten free", cnt(has(df, "Comments", "gluten free"))
    )
    # quantities
    cases.add(key, "quantities", "tickets with 5 or more items", cnt(q >= 5))
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda t=t: (
                    off_bounds(df._rev, t),
                    (f"how many tickets were worth more than €{t}", cnt(df._rev > t)),
                )[1]
            )
            for t in (60, 50, 55)
        ],
    )
    # dates
    cases.add(
        key,
        "dates",
        "revenue between june 10 and june 16",
        num(df.loc[(df.Date >= ts(2024, 6, 10)) & (df.Date <= ts(2024, 6, 16)), "_rev"].sum()),
    )
    # x_by_y / two keys
    cases.add(key, "x_by_y", "units by category", gdict(df.groupby("Category").Qty.sum()))
    cases.add(
        key,
        "two_keys",
        "quantity by category and channel",
        two_key(df, "Category", "Channel", "Qty"),
    )
    # plain
    cases.add(key, "plain", "average qty per ticket", num(q.mean()))
    cases.add(key, "plain", "what's the tip total", kind="refuse")
    cases.add(key, "plain", "how much does the pizza cost", kind="clarify")
    cases.add(key, "dates", "how many covers did we do on may 4", kind="refuse")


# ==========================================================================
# 4. library loans
# ==========================================================================
def _loan_note(rng, renewed, status):
    """The desk's free-text note on one loan (None when there is none)."""
    u = rng.random()
    if renewed == "Yes" and u < 0.6:
        return rng.choice(["Renewed online", "Renewed by phone", "Renewed at the desk"])
    if status == "Overdue" and u < 0.7:
        return rng.choice(
            ["Reminder email sent", "Member contacted about overdue", "Second reminder sent"]
        )
    if status == "Returned" and u < 0.25:
        return rng.choice(
            [
                "Damaged cover",
                "Water damage noted on return",
                "Pages missing",
                "Returned via drop box",
            ]
        )
    if u < 0.35:
        return rng.choice(
            ["Reserved by another member", "Large print edition", "Interlibrary transfer"]
        )
    return None


def _library_rows(rng):
    titles = [
        ("The Night Gardener", "Helen Smith", "Mystery", 6),
        ("A Night at the Lighthouse", "Owen Price", "Mystery", 4),
        ("Night Shift at Harbour Street", "Jordan Smith", "Thriller", 5),
        ("The Salt Road", "Mara Quinn", "Historical Fiction", 3),
        ("Letters from Lisbon", "Ana Duarte", "Romance", 4),
        ("The Last Orchard", "Peter Vance", "Literary Fiction", 3),
        ("Quiet Waters", "Ruth Okoye", "Literary Fiction", 2),
        ("Small Gods of Brixton", "Dev Raman", "Fantasy", 4),
        ("The Copper Key", "Lily Hart", "Fantasy", 5),
        ("Cold Case Files", "Frank Dolan", "True Crime", 3),
        ("The Baker's Almanac", "Sue Park", "Cookbook", 2),
        ("Easy Weekday Suppers", "Tom Kerridge-Lane", "Cookbook", 3),
        ("Running Uphill", "Kim Aldous", "Biography", 2),
        ("Mind the Gap Year", "Josh Ellery", "Travel", 2),
        ("Stars Over Patagonia", "Ines Moreno", "Travel", 2),
        ("The Clockmaker's Apprentice", "Greta Vos", "Historical Fiction", 4),
        ("Deep Field", "Sam Achebe", "Science Fiction", 4),
        ("Orbit of Ash", "Lena Marsh", "Science Fiction", 3),
        ("Budgeting for Humans", "Carl Meyer", "Non-fiction", 2),
        ("The Garden Year", "Beth Holloway", "Non-fiction", 2),
        ("Murder at Millbrook", "Agnes Field", "Mystery", 7),
        ("The Widow's Ledger", "Paul Wetherby", "Mystery", 4),
        ("Tides of Marrow", "Iris Kane", "Fantasy", 3),
        ("Boardroom", "Nate Gilles", "Thriller", 3),
        ("Silent Witness Protocol", "Rhea Banks", "Thriller", 4),
        ("Little Bear Goes Fishing", "May Collins", "Children", 5),
        ("The Dragon Who Sneezed", "Oli Grant", "Children", 5),
        ("Counting Clouds", "May Collins", "Children", 3),
        ("The Sourdough Diaries", "Sue Park", "Cookbook", 2),
        ("Atlas of Lost Railways", "Henry Doyle", "Travel", 1),
    ]
    branches = ["Central", "Eastside", "Riverside", "Hillcrest"]
    members = people(rng, 32, set())
    mweights = [rng.uniform(0.3, 3.0) for _ in members]
    asof = date(2024, 5, 15)
    seen = set()
    rows = []
    for _ in range(110):
        member = wchoice(rng, members, mweights)
        while True:  # a member does not borrow the same title twice
            t, a, genre, _ = wchoice(rng, titles, [x[3] for x in titles])
            if (member, t) not in seen:
                seen.add((member, t))
                break
        loan = date(2024, 1, 3) + timedelta(days=rng.randint(0, 118))
        renewed = "Yes" if rng.random() < 0.2 else "No"
        due = loan + timedelta(days=21 + (14 if renewed == "Yes" else 0))
        p_ret = 0.92 if loan < date(2024, 4, 1) else 0.55
        ret_on, fee, status = None, 0.0, None
        if rng.random() < p_ret:
            ret_on = loan + timedelta(
                days=rng.randint(4, 24 if renewed == "No" else 38)
                + (rng.randint(1, 18) if rng.random() < 0.25 else 0)
            )
            if ret_on >= asof:
                ret_on = asof - timedelta(days=1)
            status = "Returned"
            late = (ret_on - due).days
            fee = min(5.0, 0.25 * late) if late > 0 else 0.0
        else:
            status = "Overdue" if due < asof else "On Loan"
        note = _loan_note(rng, renewed, status)
        rows.append(
            {
                "Member": member,
                "Title": t,
                "Author": a,
                "Genre": genre,
                "Branch": wchoice(rng, branches, [40, 25, 20, 15]),
                "Loan Date": loan,
                "Due Date": due,
                "Status": status,
                "Returned On": ret_on,
                "Renewed": renewed,
                "Late Fee": fee,
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: r["Loan Date"])
    for i, r in enumerate(rows):
        r["Loan ID"] = f"LN-{4100 + i}"
    return rows


def build_library(cases):
    key = "library"
    fname, sheet = "library_loans.xlsx", "Loans"
    cases.book(key, fname, sheet)
    rows = _library_rows(random.Random(30404))
    cols = [
        "Loan ID",
        "Member",
        "Title",
        "Author",
        "Genre",
        "Branch",
        "Loan Date",
        "Due Date",
        "Status",
        "Returned On",
        "Renewed",
        "Late Fee",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        cols,
        rows,
        date_fmt="mm/dd/yyyy",
        money=("Late Fee",),
        widths={"Title": 30, "Member": 18, "Notes": 30},
    )
    df = load(fname, cols)
    _library_member_cases(cases, key, df)
    _library_date_cases(cases, key, df)
    _library_misc_cases(cases, key, df)


def _library_member_cases(cases, key, df):
    # row_noun
    cases.add(key, "row_noun", "how many loans are overdue", cnt(df.Status == "Overdue"))
    cases.add(key, "row_noun", "loans at the eastside branch", cnt(df.Branch == "Eastside"))
    per_m = df.groupby("Member").size()
    per_mt = df.groupby("Member").Title.nunique()

    def heavy(t):
        def f():
            a, b = uniq_list(per_m[per_m > t].index), uniq_list(per_mt[per_mt > t].index)
            if a != b:
                raise TieError("loans vs distinct titles differ")
            return f"which members have borrowed more than {t} books", a

        return f

    cases.pair(key, "row_noun", [heavy(t) for t in (5, 6, 4)], unordered=True)
    cand = sorted(
        m for m, g in df.groupby("Member") if 3 <= len(g) <= 5 and g.Title.nunique() == len(g)
    )
    who = cand[0]
    cases.add(
        key,
        "row_noun",
        f"what books has {who} borrowed",
        uniq_list(df.loc[df.Member == who, "Title"]),
        unordered=True,
    )
    cases.add(key, "row_noun", "number of loans per branch", gdict(df.groupby("Branch").size()))

    def branch_month(b, m, lab):
        def f():
            n = cnt((df.Branch == b) & (df["Loan Date"].dt.month == m))
            if n < 3:
                raise TieError("too few")
            return f"how many loans did {b.lower()} make in {lab}", n

        return f

    cases.pair(
        key,
        "row_noun",
        [
            branch_month("Hillcrest", 2, "feb"),
            branch_month("Riverside", 2, "feb"),
            branch_month("Eastside", 3, "march"),
        ],
    )
    cases.add(key, "row_noun", "how many mystery loans", cnt(df.Genre == "Mystery"))
    # status
    fee = df["Late Fee"]
    cases.add(key, "status", "loans not returned yet", cnt(df.Status != "Returned"))
    cases.add(key, "status", "how many renewed loans", cnt(df.Renewed == "Yes"))
    cases.add(
        key,
        "status",
        "returned loans that had a late fee",
        cnt((df.Status == "Returned") & (fee > 0)),
    )


def _library_date_cases(cases, key, df):
    # dates
    cases.add(key, "dates", "how many loans in march", kind="clarify")
    cases.add(
        key,
        "dates",
        "books checked out between feb 1 and feb 29",
        cnt((df["Loan Date"] >= ts(2024, 2, 1)) & (df["Loan Date"] <= ts(2024, 2, 29))),
    )

    def due_before(m, d, label):
        return lambda: (
            off_bounds(df["Due Date"], ts(2024, m, d)),
            (f"loans due before {label}", cnt(df["Due Date"] < ts(2024, m, d))),
        )[1]

    cases.pair(
        key,
        "dates",
        [due_before(4, 1, "april 1"), due_before(4, 2, "april 2"), due_before(3, 29, "march 29")],
    )
    cases.add(key, "dates", "loans by month", kind="clarify")
    # derived
    ret = df[df.Status == "Returned"]
    cases.add(
        key,
        "derived",
        "average loan length in days for returned books",
        num((ret["Returned On"] - ret["Loan Date"]).dt.days.mean()),
    )
    late = (ret["Returned On"] - ret["Due Date"]).dt.days
    cases.add(
        key,
        "derived",
        "how many days late on average were the late returns",
        num(late[late > 0].mean()),
    )
    cases.add(key, "derived", "replacement value of the overdue books", kind="refuse")


def _library_misc_cases(cases, key, df):
    fee = df["Late Fee"]
    # superlative
    cases.add(key, "superlative", "most borrowed title", argmax1(df.groupby("Title").size()))
    cases.add(
        key,
        "superlative",
        "which member paid the most in late fees",
        argmax1(df.groupby("Member")["Late Fee"].sum()),
    )
    cases.pair(
        key,
        "superlative",
        [
            lambda: ("least popular genre", argmin1(df.groupby("Genre").size())),
            lambda: (
                "least popular genre at central",
                argmin1(df[df.Branch == "Central"].groupby("Genre").size()),
            ),
            lambda: ("most popular genre", argmax1(df.groupby("Genre").size())),
        ],
    )
    od = df[df.Status == "Overdue"].sort_values("Loan Date", kind="mergesort")
    if od["Loan Date"].iloc[:3].nunique() != 3 or od.Member.iloc[:2].nunique() != 2:
        raise TieError("overdue order")
    cases.add(key, "superlative", "who has the 2 oldest overdue loans", list(od.Member.iloc[:2]))
    # text_match
    cases.add(key, "text_match", "loans with damage in the notes", cnt(has(df, "Notes", "damage")))
    cases.add(key, "text_match", "how many were renewed online", cnt(has(df, "Notes", "online")))
    cases.add(
        key,
        "text_match",
        "titles with 'night' in them",
        uniq_list(df.loc[has(df, "Title", "night"), "Title"]),
        unordered=True,
    )
    cases.add(
        key, "text_match", "loans of books by anyone called smith", cnt(has(df, "Author", "smith"))
    )
    # x_by_y / plain / quantities
    cases.pair(
        key,
        "two_keys",
        [
            lambda: ("loans by branch and status", two_key(df, "Branch", "Status")),
            lambda: ("loans by branch and renewed", two_key(df, "Branch", "Renewed")),
        ],
    )
    cases.add(key, "x_by_y", "late fees by branch", gdict(df.groupby("Branch")["Late Fee"].sum()))
    cases.add(key, "plain", "total late fees collected", num(fee.sum()))
    cases.add(key, "plain", "average member age", kind="refuse")
    cases.add(key, "quantities", "late fees of at least $2 - how many", cnt(fee >= 2))


# ==========================================================================
# 5. real-estate listings
# ==========================================================================
def _listings_rows(rng):
    hoods = {
        "Riverside": 310,
        "Oak Park": 355,
        "Downtown": 420,
        "Maple Heights": 280,
        "Westbrook": 245,
    }
    agents = ["Karen Holt", "Luis Ferreira", "Brianna Cole", "Ahmed Rahimi", "Megan O'Neill"]
    streets = [
        "Elm St",
        "Maple Ave",
        "Cedar Ln",
        "Riverbank Rd",
        "Oakwood Dr",
        "Harbor View Ct",
        "Birch St",
        "Willow Way",
        "Chestnut Ave",
        "Park Pl",
        "Lakeshore Dr",
        "Hillside Rd",
        "Mill St",
        "Orchard Ln",
        "Station Rd",
    ]
    feats = {
        "House": [
            "double garage",
            "single garage",
            "large back garden",
            "south-facing garden",
            "pool",
            "new roof in 2021",
            "original fireplace",
            "quiet cul-de-sac",
            "corner lot",
            "renovated kitchen",
            "close to schools",
            "needs some TLC",
            "basement suite",
            "walk to the station",
        ],
        "Condo": [
            "lake views",
            "rooftop terrace",
            "concierge",
            "underground parking",
            "gym in the building",
            "renovated kitchen",
            "walk to the station",
            "close to schools",
            "balcony",
            "needs some TLC",
        ],
        "Townhouse": [
            "single garage",
            "small garden",
            "renovated kitchen",
            "close to schools",
            "end unit",
            "walk to the station",
            "needs some TLC",
            "rooftop terrace",
        ],
    }
    adjs = ["Bright", "Spacious", "Charming", "Modern", "Cozy", "Well-kept", "Sunny"]
    size_rng = {"House": (1400, 3200), "Condo": (600, 1500), "Townhouse": (1100, 2100)}
    used = set()
    rows = []
    for i in range(75):
        while True:
            addr = f"{rng.randint(2, 480)} {rng.choice(streets)}"
            if addr not in used:
                used.add(addr)
                break
        hood = rng.choice(list(hoods))
        typ = wchoice(rng, ["House", "Condo", "Townhouse"], [45, 35, 20])
        size = round(rng.randint(*size_rng[typ]) / 10) * 10
        beds = max(1, min(6, int(size / 480) + rng.choice([0, 0, 1])))
        baths = min(4.0, max(1.0, round(beds * rng.uniform(0.5, 0.9) * 2) / 2))
        asking = round(hoods[hood] * size * rng.uniform(0.88, 1.15) / 1000) * 1000
        listed = date(2024, 1, 5) + timedelta(days=rng.randint(0, 268))
        p_sold = 0.7 if listed < date(2024, 6, 1) else 0.25
        u = rng.random()
        status = "Sold" if u < p_sold else ("Pending" if u < p_sold + 0.15 else "Active")
        sold_price = sold_on = None
        if status == "Sold":
            sold_on = listed + timedelta(days=rng.randint(9, 95))
            sold_price = round(asking * rng.uniform(0.93, 1.035) / 500) * 500
        fs = rng.sample(feats[typ], rng.randint(2, 3))
        desc = f"{rng.choice(adjs)} {beds}-bed {typ.lower()}. " + (", ".join(fs)).capitalize() + "."
        rows.append(
            {
                "Listing ID": f"L-{2401 + i}",
                "Address": addr,
                "Neighborhood": hood,
                "Type": typ,
                "Beds": beds,
                "Baths": baths,
                "Size (sq ft)": size,
                "Asking Price": asking,
                "Sold Price": sold_price,
                "Listed On": listed,
                "Sold On": sold_on,
                "Agent": rng.choice(agents),
                "Status": status,
                "Description": desc,
            }
        )
    return rows


def build_listings(cases):
    key = "listings"
    fname, sheet = "listings_2024.xlsx", "Listings"
    cases.book(key, fname, sheet)
    rows = _listings_rows(random.Random(30505))
    cols = list(rows[0].keys())
    write_book(
        fname,
        sheet,
        cols,
        rows,
        date_fmt="yyyy-mm-dd",
        money=("Asking Price", "Sold Price"),
        widths={"Description": 60, "Address": 20},
    )
    df = load(fname, cols)
    _listings_text_cases(cases, key, df)
    _listings_rank_cases(cases, key, df)
    _listings_misc_cases(cases, key, df)


def _listings_text_cases(cases, key, df):
    by_addr = df.set_index("Address")
    ask = df["Asking Price"]
    sold = df[df.Status == "Sold"]
    # text_match
    cases.add(
        key,
        "text_match",
        "how many listings have a garage in the description",
        cnt(has(df, "Description", "garage")),
    )
    cases.add(
        key,
        "text_match",
        "avg asking price for homes with a pool",
        num(ask[has(df, "Description", "pool")].mean()),
    )
    cases.add(
        key,
        "text_match",
        "list the ones that need TLC",
        uniq_list(df.loc[has(df, "Description", "tlc"), "Address"]),
        unordered=True,
    )
    cases.add(
        key,
        "text_match",
        "oak park homes near schools - count",
        cnt((df.Neighborhood == "Oak Park") & has(df, "Description", "schools")),
    )
    cases.add(
        key,
        "text_match",
        "how many condos have lake views",
        cnt((df.Type == "Condo") & has(df, "Description", "lake view")),
    )
    # derived
    cases.add(
        key,
        "derived",
        "which listing has the lowest asking price per square foot",
        argmin1(by_addr["Asking Price"] / by_addr["Size (sq ft)"]),
    )
    cases.add(
        key,
        "derived",
        "on average how far under asking did the sold homes go",
        num((sold["Asking Price"] - sold["Sold Price"]).mean()),
    )
    cases.add(
        key,
        "derived",
        "avg days on market for the sold ones",
        num((sold["Sold On"] - sold["Listed On"]).dt.days.mean()),
    )
    cases.add(key, "derived", "average price of the sold homes", kind="clarify")
    cases.add(key, "derived", "total commission earned by each agent", kind="refuse")


def _listings_rank_cases(cases, key, df):
    by_addr = df.set_index("Address")
    sold = df[df.Status == "Sold"]
    # superlative
    cases.add(
        key,
        "superlative",
        "cheapest listing in riverside",
        argmin1(by_addr[by_addr.Neighborhood == "Riverside"]["Asking Price"]),
    )
    cases.add(
        key,
        "superlative",
        "biggest condo",
        argmax1(by_addr[by_addr.Type == "Condo"]["Size (sq ft)"]),
    )
    cases.add(
        key, "superlative", "which agent sold the most homes", argmax1(sold.groupby("Agent").size())
    )
    cases.add(
        key,
        "superlative",
        "top 3 most expensive listings downtown",
        topn(by_addr[by_addr.Neighborhood == "Downtown"]["Asking Price"], 3),
    )
    cases.add(
        key,
        "superlative",
        "neighborhood with the highest average asking price",
        argmax1(df.groupby("Neighborhood")["Asking Price"].mean()),
    )
    # row_noun
    cases.add(
        key,
        "row_noun",
        "how many listings in maple heights",
        cnt(df.Neighborhood == "Maple Heights"),
    )
    cases.add(key, "row_noun", "how many townhouses are there", cnt(df.Type == "Townhouse"))
    n_house4 = cnt((df.Type == "House") & (df.Beds >= 4))
    if n_house4 == cnt(df.Beds >= 4):
        cases.add(key, "row_noun", "houses with 4+ bedrooms", n_house4)
    else:
        cases.add(
            key,
            "row_noun",
            "how many houses have 4+ bedrooms? just houses, not condos or townhouses",
            n_house4,
        )
    cases.add(key, "row_noun", "listings per agent", gdict(df.groupby("Agent").size()))
    # status
    cases.add(key, "status", "listings that haven't sold", cnt(df.Status != "Sold"))


def _listings_misc_cases(cases, key, df):
    ask, size = df["Asking Price"], df["Size (sq ft)"]
    sold = df[df.Status == "Sold"]
    # quantities
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda lo=lo, hi=hi: (
                    off_bounds(ask, lo * 1000, hi * 1000),
                    (
                        f"listings between {lo}k and {hi}k",
                        cnt((ask >= lo * 1000) & (ask <= hi * 1000)),
                    ),
                )[1]
            )
            for lo, hi in ((400, 600), (450, 650), (350, 550))
        ],
    )
    cases.pair(
        key,
        "quantities",
        [
            (lambda t=t: (off_bounds(size, t), (f"homes over {t:,} sq ft", cnt(size > t)))[1])
            for t in (2000, 2100, 1900)
        ],
    )
    # dates / x_by_y / plain
    cases.add(
        key,
        "dates",
        "how many were listed in the first half of 2024",
        cnt((df["Listed On"] >= ts(2024, 1, 1)) & (df["Listed On"] <= ts(2024, 6, 30))),
    )
    if sold.Agent.nunique() != df.Agent.nunique():
        raise TieError("agent without sales")
    cases.add(
        key, "x_by_y", "sold price by agent", gdict(sold.groupby("Agent")["Sold Price"].sum())
    )
    cases.add(key, "plain", "average asking price", num(ask.mean()))
    cases.add(key, "plain", "median size", num(size.median()))
    cases.add(key, "plain", "average lot size", kind="refuse")
    cases.pair(
        key,
        "two_keys",
        [
            lambda: (
                "how many listings per neighborhood and type",
                two_key(df, "Neighborhood", "Type"),
            ),
            lambda: (
                "listing count by neighborhood and status",
                two_key(df, "Neighborhood", "Status"),
            ),
        ],
    )


# ==========================================================================
# 6. customer feedback survey
# ==========================================================================
def _feedback_rows(rng):
    stores = {"Downtown": 0.3, "Lakeside": 0.5, "Airport": -0.5, "Old Town": 0.0}
    pos = [
        "Staff were lovely and really helpful",
        "Quick checkout, in and out in five minutes",
        "Great value for money",
        "Store was spotless",
        "The cashier remembered my name!",
        "Love the new layout",
        "Friendly staff, will be back",
        "Good selection of organic products",
        "Easy parking and short queues",
    ]
    pos_del = ["Delivery arrived early and well packed"]
    neu = [
        "It was ok",
        "Average experience overall",
        "Couldn't find the gluten free aisle",
        "A bit expensive but good quality",
        "Parking was hard to find",
        "Checkout queue was long but moved",
        "Staff were busy",
    ]
    neu_del = ["Delivery came on time but one item was substituted"]
    neg = [
        "Checkout was really slow",
        "Waited ages at the till, only one lane open",
        "Staff seemed uninterested",
        "The cashier was rude to me",
        "Shelves were half empty",
        "Too expensive for what you get",
        "No parking available at all",
        "Floor was dirty near the entrance",
        "Still waiting on my refund",
        "Refund took two weeks to process",
        "Self checkout kept freezing, very slow",
    ]
    neg_del = ["Delivery was late and items were missing"]
    domains = [
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.co.uk",
        "icloud.com",
        "btinternet.com",
    ]
    names = people(rng, 100, set())
    rows = []
    for name in names:
        store = rng.choice(list(stores))
        vt = wchoice(rng, ["In-store", "Click & Collect", "Delivery"], [60, 20, 20])
        r = int(min(5, max(1, round(rng.gauss(3.1 + stores[store], 1.35)))))
        if r >= 4:
            pool = pos + (pos_del if vt == "Delivery" else [])
        elif r == 3:
            pool = neu + (neu_del if vt == "Delivery" else [])
        else:
            pool = neg + (neg_del if vt == "Delivery" else [])
        comment = None
        if rng.random() < 0.9:
            comment = rng.choice(pool)
            if rng.random() < 0.25:
                other = rng.choice(pool)
                if other != comment:
                    comment = f"{comment}. {other}"
        rec = (
            ("Yes" if rng.random() < 0.9 else "No")
            if r >= 4
            else (
                ("Yes" if rng.random() < 0.5 else "No")
                if r == 3
                else ("No" if rng.random() < 0.9 else "Yes")
            )
        )
        follow = ("Open" if rng.random() < 0.4 else "Closed") if r <= 2 else "Not needed"
        first, last = name.lower().split(" ", 1)
        email = (
            f"{first}.{last}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(domains)}"
        )
        rows.append(
            {
                "Date": date(2024, 9, 2) + timedelta(days=rng.randint(0, 109)),
                "Customer": name,
                "Email": email,
                "Store": store,
                "Visit Type": vt,
                "Rating": r,
                "Recommend": rec,
                "Spend": round(rng.uniform(6, 160), 2),
                "Comment": comment,
                "Follow-up": follow,
            }
        )
    rows.sort(key=lambda x: x["Date"])
    for i, r in enumerate(rows):
        r["Response ID"] = f"R-{i + 1:04d}"
    return rows


def build_feedback(cases):
    key = "feedback"
    fname, sheet = "customer_feedback_q3q4.xlsx", "Responses"
    cases.book(key, fname, sheet)
    rows = _feedback_rows(random.Random(30606))
    cols = [
        "Response ID",
        "Date",
        "Customer",
        "Email",
        "Store",
        "Visit Type",
        "Rating",
        "Recommend",
        "Spend",
        "Comment",
        "Follow-up",
    ]
    write_book(
        fname,
        sheet,
        cols,
        rows,
        gap=1,
        date_fmt="d mmm yyyy",
        money=("Spend",),
        widths={"Comment": 55, "Email": 30, "Customer": 18},
    )
    df = load(fname, cols)
    _feedback_text_cases(cases, key, df)
    _feedback_summary_cases(cases, key, df)
    _feedback_misc_cases(cases, key, df)


def _feedback_text_cases(cases, key, df):
    rating, spend = df.Rating, df.Spend
    cases.add(key, "text_match", "comments that say slow", cnt(has(df, "Comment", "slow")))
    cases.add(
        key, "text_match", "how many responses mention the staff", cnt(has(df, "Comment", "staff"))
    )
    cases.add(
        key,
        "text_match",
        "avg rating where the comment mentions parking",
        num(rating[has(df, "Comment", "parking")].mean()),
    )
    cases.add(
        key,
        "text_match",
        "list customers who said someone was rude",
        uniq_list(df.loc[has(df, "Comment", "rude"), "Customer"]),
        unordered=True,
    )
    cases.add(key, "text_match", "gmail respondents", cnt(has(df, "Email", "@gmail.")))
    cases.add(
        key,
        "text_match",
        "total spend of people who mentioned a refund",
        num(spend[has(df, "Comment", "refund")].sum()),
    )
    cases.add(
        key, "text_match", "anyone mention organic? how many", cnt(has(df, "Comment", "organic"))
    )
    cases.add(
        key,
        "text_match",
        "how many comments talk about delivery",
        cnt(has(df, "Comment", "delivery")),
    )
    cases.add(
        key,
        "text_match",
        "responses saying expensive at the airport store",
        cnt((df.Store == "Airport") & has(df, "Comment", "expensive")),
    )

    def most_mentions(word):
        per_store = df.assign(_c=has(df, "Comment", word)).groupby("Store")._c.sum()
        return lambda: (f"which store has the most comments mentioning {word}", argmax1(per_store))

    cases.pair(
        key, "text_match", [most_mentions(wd) for wd in ("checkout", "parking", "staff", "queue")]
    )
    # status
    cases.add(key, "status", "how many follow-ups are still open", cnt(df["Follow-up"] == "Open"))
    cases.add(key, "status", "respondents who wouldn't recommend us", cnt(df.Recommend == "No"))


def _feedback_summary_cases(cases, key, df):
    rating = df.Rating
    # superlative
    cases.add(
        key,
        "superlative",
        "which store has the lowest average rating",
        argmin1(df.groupby("Store").Rating.mean()),
    )
    cases.add(key, "superlative", "who spent the most", argmax1(df.set_index("Customer").Spend))
    cases.add(
        key,
        "superlative",
        "3 biggest spenders at lakeside",
        topn(df[df.Store == "Lakeside"].set_index("Customer").Spend, 3),
    )
    cases.add(key, "superlative", "which store is best", kind="clarify")
    # dates
    cases.add(
        key,
        "dates",
        "responses in Q4 2024",
        cnt((df.Date >= ts(2024, 10, 1)) & (df.Date <= ts(2024, 12, 31))),
    )
    cases.add(
        key,
        "dates",
        "avg rating since november 15",
        num(rating[df.Date >= ts(2024, 11, 15)].mean()),
    )
    # x_by_y / two keys
    cases.add(key, "x_by_y", "responses per store", gdict(df.groupby("Store").size()))
    cases.add(key, "x_by_y", "spend by visit type", gdict(df.groupby("Visit Type").Spend.sum()))
    cases.add(
        key,
        "x_by_y",
        "number of responses by month",
        gdict(df.groupby(df.Date.dt.strftime("%Y-%m")).size()),
    )
    cases.add(key, "two_keys", "count by store and recommend", two_key(df, "Store", "Recommend"))
    cases.add(
        key,
        "two_keys",
        "average rating by store and visit type",
        two_key(df, "Store", "Visit Type", "Rating", agg="mean"),
    )


def _feedback_misc_cases(cases, key, df):
    rating, spend = df.Rating, df.Spend
    # plain / quantities / row_noun
    cases.add(key, "plain", "average rating", num(rating.mean()))
    cases.add(key, "plain", "average wait time", kind="refuse")
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda t=t: (
                    off_bounds(spend, t),
                    (f"responses with spend under ${t}", cnt(spend < t)),
                )[1]
            )
            for t in (20, 25, 15)
        ],
    )
    cases.add(key, "quantities", "ratings of 4 or higher - how many", cnt(rating >= 4))
    cases.add(
        key,
        "row_noun",
        "how many responses from delivery customers",
        cnt(df["Visit Type"] == "Delivery"),
    )
    cases.add(key, "row_noun", "how many respondents shop at old town", cnt(df.Store == "Old Town"))
    cases.add(key, "row_noun", "how many negative responses", kind="clarify")
    cases.add(key, "row_noun", "how many responses came from first-time visitors", kind="refuse")


# ==========================================================================
# 7. project timesheet
# ==========================================================================
def _timesheet_rows(rng):
    staff = [
        ("Alice Moreno", "Senior Developer", 95),
        ("Ben Carter", "Developer", 75),
        ("Chloe Nguyen", "Designer", 70),
        ("Dev Patel", "Project Manager", 85),
        ("Elena Rossi", "QA Analyst", 60),
        ("Farid Haddad", "Developer", 75),
        ("Grace Liu", "Data Engineer", 90),
    ]
    projects = [
        ("Northwind", "Website Redesign", 30),
        ("Northwind", "Mobile App", 22),
        ("Contoso", "Data Migration", 18),
        ("Globex", "CRM Integration", 16),
        ("Internal", "Internal Tools", 14),
    ]
    tasks = {
        "Senior Developer": ["Development", "Code review", "Bug fixing", "Meetings"],
        "Developer": ["Development", "Bug fixing", "Code review", "Documentation"],
        "Designer": ["Design", "Meetings", "Documentation"],
        "Project Manager": ["Meetings", "Planning", "Documentation"],
        "QA Analyst": ["Testing", "Bug fixing", "Documentation"],
        "Data Engineer": ["Development", "Data modelling", "Meetings"],
    }
    notes = [
        "client call re: scope",
        "fixed login bug",
        "bug triage with QA",
        "waiting on API keys - blocked",
        "blocked by data access",
        "sprint planning",
        "overtime - release deadline",
        "deployed to staging",
        "code review for PR #214",
        "Client call - weekly sync",
        "updated the docs",
    ]
    days = [date(2024, 9, 2) + timedelta(days=i) for i in range(60)]
    days = [d for d in days if d.weekday() < 5]
    rows = []
    for _ in range(132):
        emp, role, rate = rng.choice(staff)
        client, proj, _ = wchoice(rng, projects, [p[2] for p in projects])
        bill = "No" if client == "Internal" else ("Yes" if rng.random() < 0.92 else "No")
        rows.append(
            {
                "Date": rng.choice(days),
                "Employee": emp,
                "Role": role,
                "Client": client,
                "Project": proj,
                "Task": rng.choice(tasks[role]),
                "Hours": rng.choice([x / 4 for x in range(2, 33)]),
                "Rate": rate,
                "Billable": bill,
                "Notes": rng.choice(notes) if rng.random() < 0.5 else None,
            }
        )
    rows.sort(key=lambda r: (r["Date"], r["Employee"]))
    return rows


def build_timesheet(cases):
    key = "timesheet"
    fname, sheet = "agency_timesheet_sep_oct.xlsx", "Timesheet"
    cases.book(key, fname, sheet)
    rows = _timesheet_rows(random.Random(30707))
    cols = list(rows[0].keys())
    write_book(
        fname,
        sheet,
        cols,
        rows,
        total={"Date": "Total", "Hours": sum(r["Hours"] for r in rows)},
        date_fmt="ddd dd/mm/yy",
        money=("Rate",),
        widths={"Employee": 16, "Role": 18, "Project": 18, "Notes": 32},
    )
    df = load(fname, cols)
    df["_amt"] = df.Hours * df.Rate
    _timesheet_value_cases(cases, key, df)
    _timesheet_entry_cases(cases, key, df)


def _timesheet_value_cases(cases, key, df):
    bill = df.Billable == "Yes"
    # derived
    cases.add(
        key,
        "derived",
        "what's alice's billable amount",
        num(df.loc[(df.Employee == "Alice Moreno") & bill, "_amt"].sum()),
    )
    cases.add(key, "derived", "hours x rate by employee", gdict(df.groupby("Employee")._amt.sum()))
    cases.add(
        key, "derived", "what's the value of non-billable time", num(df.loc[~bill, "_amt"].sum())
    )
    cases.add(
        key,
        "derived",
        "which client generated the most billable value",
        argmax1(df[bill].groupby("Client")._amt.sum()),
    )
    cases.add(key, "derived", "total for alice", kind="clarify")
    cases.add(key, "derived", "which project is over budget", kind="refuse")
    # superlative
    ge = df.groupby("Employee")
    cases.add(key, "superlative", "who logged the fewest hours", argmin1(ge.Hours.sum()))
    cases.add(
        key,
        "superlative",
        "which project took the most hours",
        argmax1(df.groupby("Project").Hours.sum()),
    )
    cases.add(
        key,
        "superlative",
        "top 2 employees by billable hours",
        topn(df[bill].groupby("Employee").Hours.sum(), 2),
    )
    cases.pair(
        key,
        "superlative",
        [
            (
                lambda e=e: (
                    f"what task did {e.split()[0].lower()} spend the most time on",
                    argmax1(df[df.Employee == e].groupby("Task").Hours.sum()),
                )
            )
            for e in ("Ben Carter", "Farid Haddad", "Alice Moreno", "Grace Liu")
        ],
    )
    # x_by_y / two keys
    cases.add(key, "x_by_y", "hours per project", gdict(df.groupby("Project").Hours.sum()))
    cases.add(key, "x_by_y", "hours by task", gdict(df.groupby("Task").Hours.sum()))
    cases.add(
        key,
        "two_keys",
        "hours by employee and billable",
        two_key(df, "Employee", "Billable", "Hours"),
    )
    cases.pair(
        key,
        "two_keys",
        [
            lambda: ("hours per client and role", two_key(df, "Client", "Role", "Hours")),
            lambda: ("hours by project and billable", two_key(df, "Project", "Billable", "Hours")),
            lambda: ("billable flag by role - hours", two_key(df, "Role", "Billable", "Hours")),
        ],
    )


def _timesheet_entry_cases(cases, key, df):
    h = df.Hours
    bill = df.Billable == "Yes"
    # dates
    cases.add(
        key,
        "dates",
        "hours logged in the first two weeks of october",
        num(h[(df.Date >= ts(2024, 10, 1)) & (df.Date <= ts(2024, 10, 14))].sum()),
    )
    cases.add(
        key, "x_by_y", "hours by month", gdict(df.groupby(df.Date.dt.strftime("%Y-%m")).Hours.sum())
    )
    # status
    cases.add(key, "status", "how many hours were non billable", num(h[~bill].sum()))
    cases.add(key, "status", "how many entries aren't billable", cnt(~bill))
    # text_match
    cases.add(
        key,
        "text_match",
        "entries that mention a client call",
        cnt(has(df, "Notes", "client call")),
    )
    cases.add(
        key,
        "text_match",
        "hours on stuff marked blocked",
        num(h[has(df, "Notes", "blocked")].sum()),
    )
    cases.add(
        key,
        "text_match",
        "who mentioned overtime in their notes",
        uniq_list(df.loc[has(df, "Notes", "overtime"), "Employee"]),
        unordered=True,
    )
    cases.add(
        key,
        "text_match",
        "total hours on entries where the notes say bug",
        num(h[has(df, "Notes", "bug")].sum()),
    )
    # row_noun
    cases.add(
        key, "row_noun", "how many entries for the mobile app", cnt(df.Project == "Mobile App")
    )
    cases.add(
        key, "row_noun", "how many timesheet lines does grace have", cnt(df.Employee == "Grace Liu")
    )
    cases.add(
        key,
        "row_noun",
        "projects elena worked on",
        uniq_list(df.loc[df.Employee == "Elena Rossi", "Project"]),
        unordered=True,
    )
    # quantities / plain
    cases.add(key, "quantities", "entries of at least 7 hours", cnt(h >= 7))
    cases.add(key, "plain", "total hours", num(h.sum()))
    cases.add(key, "plain", "how many vacation days has ben taken", kind="refuse")
    assert df[df.Role == "Developer"].Employee.nunique() == 2
    cases.add(key, "plain", "how many hours did the developer log", kind="clarify")


# ==========================================================================
# 8. warehouse shipments
# ==========================================================================
def _shipments_rows(rng):
    regions = {
        "North": ["Leeds", "Newcastle", "York"],
        "South": ["Brighton", "Southampton"],
        "East": ["Norwich", "Cambridge"],
        "West": ["Bristol", "Exeter", "Plymouth"],
        "Central": ["Birmingham", "Coventry", "Leicester"],
    }
    carriers = {
        "DHL": (1.0, 2),
        "UPS": (0.9, 3),
        "FedEx": (1.2, 2),
        "DPD": (0.75, 4),
        "GLS": (0.65, 5),
    }
    customers = [
        "Acme Hardware",
        "Bluebird Cafe",
        "Northgate Pharmacy",
        "Summit Outdoor",
        "Pixel & Co",
        "Greenleaf Garden Centre",
        "Harbour Books",
        "Oakridge School",
        "Copperpot Kitchens",
        "Brightside Dental",
        "Foxglove Florist",
        "Ironclad Gym",
        "Meadow Vets",
        "Tanner Bikes",
        "Velvet Salon",
        "Kestrel Print",
        "Lumen Lighting",
        "Riverside Deli",
    ]
    cweights = [9, 5, 6, 7, 4, 6, 3, 4, 6, 3, 2, 5, 4, 6, 2, 5, 4, 3]
    notes_any = [
        "Fragile - glassware",
        "Left with neighbour",
        "Signature required",
        "Address corrected by customer",
        "Box damaged in transit",
        "Expedite please",
        "Pallet delivery",
        "2 pallets - tail lift needed",
    ]
    rows = []
    for _ in range(126):
        order = date(2024, 1, 3) + timedelta(days=rng.randint(0, 450))
        ship = order + timedelta(days=rng.randint(0, 4))
        carrier = wchoice(rng, list(carriers), [24, 22, 14, 20, 12])
        region = wchoice(rng, list(regions), [22, 18, 14, 20, 26])
        if order >= date(2025, 3, 14):
            status = wchoice(rng, ["In Transit", "Delayed"], [70, 30])
        else:
            status = wchoice(rng, ["Delivered", "Returned", "Delayed"], [86, 7, 7])
        deliv = None
        if status in ("Delivered", "Returned"):
            deliv = ship + timedelta(days=rng.randint(1, 3) + rng.randint(0, carriers[carrier][1]))
        weight = round(
            rng.choice([rng.uniform(0.4, 6), rng.uniform(2, 25), rng.uniform(10, 48)]), 1
        )
        units = rng.randint(1, 60)
        uval = round(min(950, rng.lognormvariate(3.8, 1.1)) + 4.5, 2)
        cost = round(5.5 + weight * rng.uniform(0.7, 1.5) * carriers[carrier][0], 2)
        insured = (
            "Yes" if (units * uval > 1000 and rng.random() < 0.7) or rng.random() < 0.2 else "No"
        )
        note = None
        if status == "Returned" and rng.random() < 0.6:
            note = "Customer refused delivery"
        elif rng.random() < 0.4:
            note = rng.choice(notes_any)
        rows.append(
            {
                "Order Date": order,
                "Ship Date": ship,
                "Delivery Date": deliv,
                "Carrier": carrier,
                "Customer": wchoice(rng, customers, cweights),
                "City": rng.choice(regions[region]),
                "Region": region,
                "Weight (kg)": weight,
                "Units": units,
                "Unit Value": uval,
                "Shipping Cost": cost,
                "Status": status,
                "Insured": insured,
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: r["Order Date"])
    for i, r in enumerate(rows):
        r["Shipment ID"] = f"SH-{24001 + i}"
    return rows


def build_shipments(cases):
    key = "shipments"
    fname, sheet = "outbound_shipments.xlsx", "Shipments"
    cases.book(key, fname, sheet)
    rows = _shipments_rows(random.Random(30808))
    cols = [
        "Shipment ID",
        "Order Date",
        "Ship Date",
        "Delivery Date",
        "Carrier",
        "Customer",
        "City",
        "Region",
        "Weight (kg)",
        "Units",
        "Unit Value",
        "Shipping Cost",
        "Status",
        "Insured",
        "Notes",
    ]
    write_book(
        fname,
        sheet,
        cols,
        rows,
        title="Outbound shipments Jan 2024 - Mar 2025 (WMS export)",
        date_fmt="dd/mm/yyyy",
        money=("Unit Value", "Shipping Cost"),
        widths={"Customer": 24, "Notes": 30},
    )
    df = load(fname, cols)
    df["_val"] = df.Units * df["Unit Value"]
    _shipments_value_cases(cases, key, df)
    _shipments_count_cases(cases, key, df)


def _shipments_value_cases(cases, key, df):
    w, sc = df["Weight (kg)"], df["Shipping Cost"]
    # derived
    dl = df.dropna(subset=["Delivery Date"])
    cases.add(
        key,
        "derived",
        "average days from order to delivery",
        num((dl["Delivery Date"] - dl["Order Date"]).dt.days.mean()),
    )
    cases.add(key, "derived", "total value of goods shipped", num(df._val.sum()))
    cases.add(key, "derived", "shipping cost per kg overall", num(sc.sum() / w.sum()))
    cases.add(key, "derived", "value shipped by carrier", gdict(df.groupby("Carrier")._val.sum()))
    gc = df.groupby("Carrier")
    cheapest = argmin1(gc["Shipping Cost"].sum() / gc["Weight (kg)"].sum())
    assert cheapest == argmin1((sc / w).groupby(df.Carrier).mean())
    cases.add(key, "derived", "which carrier is cheapest per kg", cheapest)
    cases.add(key, "derived", "average delivery time", kind="clarify")
    cases.add(key, "derived", "profit per shipment", kind="refuse")
    # dates
    od = df["Order Date"]
    cases.add(
        key,
        "dates",
        "how many shipments were ordered in Q3 2024",
        cnt((od >= ts(2024, 7, 1)) & (od <= ts(2024, 9, 30))),
    )
    cases.add(key, "dates", "shipments in january 2025", kind="clarify")
    sd = df["Ship Date"]
    cases.add(
        key,
        "dates",
        "how many went out between feb and april 2024",
        cnt((sd >= ts(2024, 2, 1)) & (sd <= ts(2024, 4, 30))),
    )
    cases.add(key, "dates", "orders placed since 10 march 2025", cnt(od >= ts(2025, 3, 10)))
    # quantities
    cases.pair(
        key,
        "quantities",
        [
            (lambda t=t: (off_bounds(w, t), (f"shipments under {t} kg", cnt(w < t)))[1])
            for t in (5, 4, 6)
        ],
    )
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda lo=lo, hi=hi: (
                    off_bounds(df["Unit Value"], lo, hi),
                    (
                        f"shipments with a unit value between {lo} and {hi}",
                        cnt((df["Unit Value"] >= lo) & (df["Unit Value"] <= hi)),
                    ),
                )[1]
            )
            for lo, hi in ((200, 900), (150, 800))
        ],
    )
    cases.pair(
        key,
        "quantities",
        [
            (
                lambda t=t, s=s: (
                    off_bounds(df._val, t),
                    (f"orders worth over £{s}", cnt(df._val > t)),
                )[1]
            )
            for t, s in ((1500, "1.5k"), (2000, "2k"))
        ],
    )


def _shipments_count_cases(cases, key, df):
    w, sc = df["Weight (kg)"], df["Shipping Cost"]
    gc = df.groupby("Carrier")
    # superlative
    cases.add(key, "superlative", "which carrier handled the most shipments", argmax1(gc.size()))
    cases.add(
        key,
        "superlative",
        "heaviest shipment - which customer",
        df.loc[int(argmax1(w)), "Customer"],
    )
    cases.add(
        key,
        "superlative",
        "which region paid the most in shipping",
        argmax1(df.groupby("Region")["Shipping Cost"].sum()),
    )
    cases.add(
        key,
        "superlative",
        "bottom 3 customers by total units",
        topn(df.groupby("Customer").Units.sum(), 3, asc=True),
    )
    # status
    cases.add(key, "status", "uninsured shipments", cnt(df.Insured == "No"))
    cases.add(
        key,
        "status",
        "delayed shipments to the west",
        cnt((df.Status == "Delayed") & (df.Region == "West")),
    )
    # row_noun
    cases.add(key, "row_noun", "shipments per carrier", gdict(gc.size()))
    cases.add(key, "row_noun", "how many shipmnets to bristol", cnt(df.City == "Bristol"))
    cases.add(
        key,
        "row_noun",
        "how many shipments went to acme hardware",
        cnt(df.Customer == "Acme Hardware"),
    )
    # text_match
    cases.add(
        key, "text_match", "shipments with fragile in the notes", cnt(has(df, "Notes", "fragile"))
    )
    cases.add(
        key,
        "text_match",
        "total weight of shipments that mention pallet",
        num(w[has(df, "Notes", "pallet")].sum()),
    )
    cases.add(
        key, "text_match", "how many were left with a neighbour", cnt(has(df, "Notes", "neighbour"))
    )
    cases.add(
        key,
        "text_match",
        "notes saying signature required - how many",
        cnt(has(df, "Notes", "signature required")),
    )
    # two keys / plain / x_by_y
    cases.add(
        key,
        "two_keys",
        "count of shipments by carrier and insured",
        two_key(df, "Carrier", "Insured"),
    )
    cases.pair(
        key,
        "two_keys",
        [
            lambda: (
                "shipping cost by region and status",
                two_key(df, "Region", "Status", "Shipping Cost"),
            ),
            lambda: (
                "total units by region and carrier",
                two_key(df, "Region", "Carrier", "Units"),
            ),
            lambda: (
                "shipping cost by region and insured",
                two_key(df, "Region", "Insured", "Shipping Cost"),
            ),
        ],
    )
    cases.add(
        key,
        "plain",
        "total shipping cost for the north region",
        num(sc[df.Region == "North"].sum()),
    )
    cases.add(key, "x_by_y", "average delivery rating by carrier", kind="refuse")
    cases.add(key, "x_by_y", "weight by region", gdict(df.groupby("Region")["Weight (kg)"].sum()))


# ==========================================================================
# 9. wide table: years as columns
# ==========================================================================
def build_exports(cases):
    key = "exports"
    rng = random.Random(30909)
    fname, sheet = "coffee_exports_by_country.xlsx", "Exports"
    cases.book(key, fname, sheet)
    s_am, c_am, afr, asia = "South America", "Central America & Caribbean", "Africa", "Asia"
    base = [
        ("Brazil", s_am, 2400000),
        ("Colombia", s_am, 780000),
        ("Peru", s_am, 230000),
        ("Ecuador", s_am, 32000),
        ("Bolivia", s_am, 4800),
        ("Venezuela", s_am, 9100),
        ("Honduras", c_am, 430000),
        ("Guatemala", c_am, 210000),
        ("Mexico", c_am, 165000),
        ("Nicaragua", c_am, 140000),
        ("Costa Rica", c_am, 78000),
        ("El Salvador", c_am, 38000),
        ("Panama", c_am, 6200),
        ("Dominican Republic", c_am, 5400),
        ("Cuba", c_am, 3100),
        ("Ethiopia", afr, 270000),
        ("Uganda", afr, 330000),
        ("Ivory Coast", afr, 105000),
        ("Tanzania", afr, 62000),
        ("Kenya", afr, 48000),
        ("Rwanda", afr, 21000),
        ("Burundi", afr, 16500),
        ("Cameroon", afr, 24000),
        ("DR Congo", afr, 9800),
        ("Zambia", afr, 1200),
        ("Malawi", afr, 1500),
        ("Zimbabwe", afr, 900),
        ("Madagascar", afr, 3900),
        ("Togo", afr, 6800),
        ("Vietnam", asia, 1650000),
        ("Indonesia", asia, 610000),
        ("India", asia, 330000),
        ("Laos", asia, 44000),
        ("Papua New Guinea", asia, 47000),
        ("Thailand", asia, 12000),
        ("China", asia, 110000),
        ("Philippines", asia, 8200),
        ("Myanmar", asia, 7900),
        ("Sri Lanka", asia, 2100),
        ("Yemen", asia, 5200),
    ]
    years = list(range(2019, 2025))
    rows = []
    for country, region, v in base:
        rec = {"Country": country, "Region": region}
        x = v * rng.uniform(0.95, 1.05)
        for y in years:
            rec[y] = round(x)
            x *= rng.uniform(0.86, 1.14)
        rows.append(rec)
    rng.shuffle(rows)
    cols = ["Country", "Region", *years]
    total = {"Country": "Total"}
    total.update({y: sum(r[y] for r in rows) for y in years})
    write_book(
        fname,
        sheet,
        cols,
        rows,
        title="Green coffee exports by country (tonnes)",
        gap=1,
        total=total,
        widths={"Country": 20, "Region": 18},
    )
    df = load(fname, cols)
    c = df.set_index("Country")

    def grow(country):
        def f():
            d = c.loc[country, 2024] - c.loc[country, 2019]
            if d <= 0:
                raise TieError("no growth")
            return f"how much did {country.lower()} grow from 2019 to 2024", num(d)

        return f

    cases.pair(
        key,
        "wide_years",
        [grow(x) for x in ("Brazil", "Colombia", "Vietnam", "Ethiopia", "Honduras")],
    )
    cases.add(key, "wide_years", "which country had the highest value in 2021", argmax1(c[2021]))
    cases.add(
        key,
        "wide_years",
        "which african country had the most in 2021",
        argmax1(c[c.Region == "Africa"][2021]),
    )
    cases.add(key, "wide_years", "total exports in 2022", num(c[2022].sum()))
    cases.add(
        key, "wide_years", "ethiopia average across all years", num(c.loc["Ethiopia", years].mean())
    )
    cases.add(key, "wide_years", "2023 by region", gdict(df.groupby("Region")[2023].sum()))
    cases.add(key, "wide_years", "top 3 countries in 2024", topn(c[2024], 3))
    cases.add(
        key,
        "wide_years",
        "which country added the most tonnes between 2019 and 2024",
        argmax1(c[2024] - c[2019]),
    )
    cases.pair(
        key,
        "wide_years",
        [
            (
                lambda t=t, s=s: (
                    off_bounds(c[2020], t),
                    (f"how many countries exported more than {s} tonnes in 2020", cnt(c[2020] > t)),
                )[1]
            )
            for t, s in ((100000, "100,000"), (150000, "150,000"))
        ],
    )
    cases.add(
        key,
        "wide_years",
        "countries that went down from 2023 to 2024",
        cnt(c[2024] < c[2023]),  # a bare noun phrase counts its rows (the convention above)
    )
    cases.add(key, "wide_years", "all years total for peru", num(c.loc["Peru", years].sum()))
    cases.add(
        key, "wide_years", "total for africa in 2019", num(c[c.Region == "Africa"][2019].sum())
    )
    cases.add(
        key,
        "wide_years",
        "how much did total exports change from 2019 to 2020",
        num(c[2020].sum() - c[2019].sum()),
    )
    cases.add(key, "wide_years", "smallest exporter in 2022", argmin1(c[2022]))
    cases.add(key, "wide_years", "exports for 2018", kind="refuse")
    cases.add(key, "wide_years", "which region grew fastest", kind="clarify")
    cases.add(key, "wide_years", "exports for jamaica in 2023", kind="refuse")
    cases.add(key, "derived", "what's the price per tonne in 2024", kind="refuse")


# ==========================================================================
# 10. wide table: months as columns
# ==========================================================================
def build_product_sales(cases):
    key = "products"
    rng = random.Random(31010)
    fname, sheet = "product_units_2024.xlsx", "Sheet1"
    cases.book(key, fname, sheet)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    prods = {
        "Coffee": [
            "Espresso Machine Deluxe",
            "Coffee Grinder",
            "Milk Frother",
            "Drip Coffee Maker",
            "Cold Brew Jar",
            "Pour-Over Set",
            "Capsule Machine Mini",
        ],
        "Kitchen": [
            "Blender Pro",
            "Air Fryer XL",
            "Compact Toaster",
            "Electric Kettle",
            "Gooseneck Kettle",
            "Stand Mixer",
            "Hand Mixer",
            "Rice Cooker",
            "Slow Cooker 6L",
            "Sandwich Press",
            "Waffle Maker",
            "Juicer",
            "Mixer Pro 500",
            "Toaster Oven",
            "Electric Grill",
            "Ice Cream Maker",
            "Bread Maker",
        ],
        "Cleaning": [
            "Vacuum Pro",
            "Robot Vacuum S2",
            "Steam Mop",
            "Handheld Vac",
            "Window Cleaner Bot",
            "Carpet Washer",
        ],
        "Personal Care": [
            "Hair Dryer 2000",
            "Straightener",
            "Electric Toothbrush",
            "Beard Trimmer",
            "Body Scale",
            "Massage Gun",
        ],
        "Heating & Cooling": [
            "Desk Fan",
            "Tower Fan",
            "Oil Heater",
            "Air Purifier",
            "Dehumidifier",
            "Humidifier",
        ],
    }
    season = {
        "Coffee": [1.2, 1.0, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.3, 1.6],
        "Kitchen": [0.9, 0.9, 1.0, 1.0, 1.0, 0.9, 0.9, 0.9, 1.0, 1.0, 1.3, 1.6],
        "Cleaning": [1.1, 1.0, 1.3, 1.4, 1.1, 0.9, 0.8, 0.8, 0.9, 1.0, 1.1, 1.2],
        "Personal Care": [0.9, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.0, 1.0, 1.3, 1.7],
        "Heating & Cooling": None,
    }
    hc = {
        "Desk Fan": [0.2, 0.2, 0.4, 0.7, 1.4, 2.2, 2.8, 2.4, 1.0, 0.4, 0.2, 0.2],
        "Tower Fan": [0.1, 0.2, 0.3, 0.6, 1.5, 2.5, 3.2, 2.6, 1.0, 0.3, 0.2, 0.2],
        "Oil Heater": [2.6, 2.2, 1.4, 0.6, 0.2, 0.1, 0.1, 0.1, 0.4, 1.2, 2.2, 2.9],
        "Air Purifier": [1.0] * 12,
        "Dehumidifier": [1.4, 1.3, 1.1, 0.9, 0.7, 0.6, 0.7, 0.8, 1.0, 1.2, 1.3, 1.4],
        "Humidifier": [1.8, 1.6, 1.2, 0.8, 0.5, 0.4, 0.4, 0.4, 0.6, 1.0, 1.5, 1.9],
    }
    launched = {"Capsule Machine Mini": 4, "Robot Vacuum S2": 3, "Massage Gun": 6}
    rows = []
    for cat, names in prods.items():
        for p in names:
            b = rng.uniform(25, 420)
            s = hc[p] if cat == "Heating & Cooling" else season[cat]
            rec = {"Product": p, "Category": cat}
            for i, m in enumerate(months):
                v = round(b * s[i] * rng.uniform(0.8, 1.2))
                if p in launched and i + 1 < launched[p]:
                    v = 0
                rec[m] = v
            rows.append(rec)
    rng.shuffle(rows)
    cols = ["Product", "Category", *months]
    total = {"Product": "Total"}
    total.update({m: sum(r[m] for r in rows) for m in months})
    write_book(fname, sheet, cols, rows, total=total, widths={"Product": 26, "Category": 18})
    df = load(fname, cols)
    p = df.set_index("Product")
    yr = p[months].sum(axis=1)

    cases.add(key, "month_column", "total for march", num(p.Mar.sum()))
    cases.add(key, "month_column", "which product sold most in july", argmax1(p.Jul))
    cases.add(
        key,
        "month_column",
        "q2 units for the blender pro",
        num(p.loc["Blender Pro", ["Apr", "May", "Jun"]].sum()),
    )
    cases.add(key, "month_column", "annual total for the air fryer xl", num(yr["Air Fryer XL"]))
    cases.add(key, "month_column", "march by category", gdict(df.groupby("Category").Mar.sum()))
    cases.add(
        key,
        "month_column",
        "coffee category first half total",
        num(p[p.Category == "Coffee"][months[:6]].sum().sum()),
    )
    cases.add(
        key,
        "month_column",
        "average monthly units for the compact toaster",
        num(p.loc["Compact Toaster", months].mean()),
    )
    cases.pair(
        key,
        "month_column",
        [
            (
                lambda t=t: (
                    off_bounds(p.Dec, t),
                    (f"how many products sold more than {t} in december", cnt(p.Dec > t)),
                )[1]
            )
            for t in (500, 450, 550)
        ],
    )
    cases.add(
        key,
        "month_column",
        "which category sold the most in the second half",
        argmax1(df.groupby("Category")[months[6:]].sum().sum(axis=1)),
    )
    diff = p.loc["Oil Heater", "Dec"] - p.loc["Oil Heater", "Nov"]
    assert diff > 0
    cases.add(
        key, "month_column", "how many more oil heaters sold in december than november", num(diff)
    )
    cases.add(
        key,
        "month_column",
        "products with zero sales in january",
        cnt(p.Jan == 0),  # a bare noun phrase counts its rows (the convention above)
    )
    cases.add(
        key,
        "month_column",
        "coffee grinder aug + sep",
        num(p.loc["Coffee Grinder", ["Aug", "Sep"]].sum()),
    )
    cases.add(key, "month_column", "revenue for march", kind="refuse")
    cases.add(key, "month_column", "sales of the kettle in october", kind="clarify")
    cases.add(key, "superlative", "top 3 products for the whole year", topn(yr, 3))
    cases.add(
        key,
        "superlative",
        "worst seller in heating & cooling for the year",
        argmin1(yr[p.Category == "Heating & Cooling"]),
    )
    cases.add(
        key,
        "text_match",
        "total units this year for products with 'pro' in the name",
        num(yr[has(df.set_index("Product", drop=False), "Product", "pro")].sum()),
    )
    cases.add(key, "plain", "how many units are in stock", kind="refuse")


# ==========================================================================
def main():
    BOOKS_DIR.mkdir(parents=True, exist_ok=True)
    for f in BOOKS_DIR.glob("*.xlsx"):
        f.unlink()
    cases = Cases()
    for fn in (
        build_recruiting,
        build_fleet,
        build_restaurant,
        build_library,
        build_listings,
        build_feedback,
        build_timesheet,
        build_shipments,
        build_exports,
        build_product_sales,
    ):
        fn(cases)
    cmds = [r["command"] for r in cases.rows]
    dup = [c for c, n in Counter(cmds).items() if n > 1]
    assert not dup, dup
    with open(HERE / "cases.jsonl", "w", encoding="utf-8") as fh:
        for r in cases.rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(cases.rows)} cases, {len(cases.books)} books")
    print("by class:", dict(sorted(Counter(r["class"] for r in cases.rows).items())))
    print("by kind :", dict(Counter(r["kind"] for r in cases.rows)))
    print("by book :", dict(Counter(r["book"] for r in cases.rows)))


if __name__ == "__main__":
    main()
