#!/usr/bin/env python
"""Build the held-out "everyday/test2" evaluation set.

Generates 10 realistic business workbooks into ./books/ and writes ./cases.jsonl.
Every expected answer is computed from the workbook as written to disk (read back
with pandas), never typed by hand.  Fully deterministic (fixed seeds).

Conventions for expected values:
  * counts are ints; sums/averages are unrounded floats;
  * percentages asked as "%" / "percent" / "share" / "rate" / "CTR" are expressed
    in percent units (12.5 means 12.5 %);
  * per-month groupings use "YYYY-MM" keys; other groupings use labels as in data;
  * lists are in the order the user asked for, or flagged "unordered".

Run:  /work/main/.venv/bin/python build.py
"""

import datetime as dt
import json
import math
import random
import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
BOOKS = HERE / "books"
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
CASES = []
_COUNTERS = {}

FIRST = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Amelia",
    "Oliver",
    "Sophia",
    "Elijah",
    "Isla",
    "James",
    "Ava",
    "Lucas",
    "Mia",
    "Henry",
    "Chloe",
    "Leo",
    "Grace",
    "Arthur",
    "Zara",
    "Theo",
    "Freya",
    "Isaac",
    "Ruby",
    "Oscar",
    "Hannah",
    "Jack",
    "Maya",
    "Samuel",
    "Ella",
    "Daniel",
    "Nora",
    "Adam",
    "Lily",
    "Ethan",
    "Aisha",
    "Kofi",
    "Mei",
    "Diego",
    "Ines",
    "Tomasz",
    "Yusuf",
    "Sofia",
    "Mateo",
    "Leila",
    "Finn",
    "Erin",
    "Callum",
    "Niamh",
    "Rohan",
    "Priyanka",
    "Jonas",
    "Astrid",
    "Marek",
    "Chiara",
    "Luca",
    "Fatima",
    "Omar",
    "Hugo",
    "Clara",
    "Felix",
]
LAST = [
    "Brown",
    "Taylor",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Hughes",
    "Edwards",
    "Turner",
    "Hill",
    "Moore",
    "Cooper",
    "Ward",
    "Morris",
    "King",
    "Baker",
    "Harris",
    "Lewis",
    "Young",
    "Allen",
    "Mitchell",
    "Kelly",
    "Murphy",
    "O'Brien",
    "Nguyen",
    "Kowalski",
    "Rossi",
    "Schmidt",
    "Haddad",
    "Mensah",
    "Costa",
    "Ferreira",
    "Novak",
    "Lindgren",
    "Dubois",
    "Garcia",
    "Ahmed",
    "Chen",
    "Sato",
    "Banerjee",
    "Fischer",
    "Byrne",
    "Fraser",
    "Doyle",
    "Shah",
    "Lopez",
    "Meyer",
    "Quinn",
]
# surnames Patel / Jones / Silva / Khan are reserved for the deliberate ambiguity cases


# ----------------------------------------------------------------------------- helpers
def mkdate(y, m, d):
    return dt.datetime(y, m, d)


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def unique_names(rng, n):
    combos = [f"{fn} {ln}" for fn in FIRST for ln in LAST]
    return rng.sample(combos, n)


def py(v):
    """numpy/pandas scalars -> plain python; refuse NaN."""
    if isinstance(v, dict):
        return {str(k): py(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [py(x) for x in v]
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float):
        assert not math.isnan(v) and not math.isinf(v), "NaN/inf expected value"
    return v


def case(book, sheet, command, cls, expected=None, kind="value", unordered=False):
    stem = book[:-5]
    n = _COUNTERS.get(stem, 0) + 1
    _COUNTERS[stem] = n
    assert cls in CLASSES, cls
    assert kind in ("value", "clarify", "refuse")
    if kind == "value":
        assert expected is not None
        if isinstance(expected, (list, dict)):
            assert len(expected) > 0, (command, expected)
        if isinstance(expected, str):
            assert expected.strip()
    else:
        assert expected is None
    obj = {
        "id": f"test2-{stem}-{n:02d}",
        "book": book,
        "sheet": sheet,
        "command": command,
        "class": cls,
        "split": "test",
        "kind": kind,
        "expected": py(expected),
    }
    if unordered:
        obj["unordered"] = True
    CASES.append(obj)


def argmax1(s):
    """label of the unique max of a Series (asserts no tie)."""
    s = s.dropna().sort_values(ascending=False)
    assert len(s) == 1 or s.iloc[0] != s.iloc[1], f"tie at max:\n{s.head()}"
    return s.index[0]


def argmin1(s):
    s = s.dropna().sort_values(ascending=True)
    assert len(s) == 1 or s.iloc[0] != s.iloc[1], f"tie at min:\n{s.head()}"
    return s.index[0]


def topn(s, n, ascending=False):
    """labels of the top n (asserts the order and the cut are tie-free)."""
    s = s.dropna().sort_values(ascending=ascending)
    vals = list(s.iloc[: n + 1])
    assert len(set(vals[:n])) == n, f"tie inside top {n}:\n{s.head(n + 1)}"
    assert len(vals) <= n or vals[n - 1] != vals[n], f"tie at cut {n}:\n{s.head(n + 1)}"
    return list(s.index[:n])


def no_boundary(series, *vals):
    bad = series[series.isin(vals)]
    assert bad.empty, f"boundary value present: {bad.tolist()}"


def write_sheet(
    path, sheet, headers, rows, fmts=None, header_row=1, pre=None, post=None, widths=None
):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if pre:
        pre(ws)
    for j, h in enumerate(headers, 1):
        c = ws.cell(row=header_row, column=j, value=h)
        c.font = Font(bold=True)
    for i, r in enumerate(rows, header_row + 1):
        for j, h in enumerate(headers, 1):
            v = r.get(h)
            if v is None or (isinstance(v, str) and v == ""):
                continue
            c = ws.cell(row=i, column=j, value=v)
            if fmts and h in fmts:
                c.number_format = fmts[h]
    if post:
        post(ws, header_row + 1 + len(rows))
    for j, h in enumerate(headers, 1):
        w = (widths or {}).get(h)
        if w is None:
            longest = max([len(str(h))] + [len(str(r.get(h) or "")) for r in rows[:40]])
            w = min(max(10, longest + 2), 46)
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    fixed = dt.datetime(2025, 1, 6, 9, 0, 0)
    wb.properties.creator = "office"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(path)
    _normalise_zip(path)


def _normalise_zip(path):
    """Pin the save timestamp and zip entry dates so rebuilt books are byte-identical."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, raw in items:
            data = raw
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2025-01-06T09:00:00Z\g<2>",
                    raw,
                )
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 6, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def read_back(path, sheet, header_row=1):
    return pd.read_excel(path, sheet_name=sheet, header=header_row - 1, engine="openpyxl")


def ym(series):
    return series.dt.strftime("%Y-%m")


def pct(num, den):
    return float(num) / float(den) * 100.0


def fsum(s):
    return float(s.sum())


# ============================================================================ 1. gym
def gym(seed=1101):
    rng = random.Random(seed)
    book, sheet = "gym_members.xlsx", "Members"
    n = 84
    names = unique_names(rng, n)
    names[9], names[47] = "Ravi Patel", "Anjali Patel"
    base = {"Basic": 19.99, "Standard": 29.99, "Premium": 44.99, "Student": 14.99}
    trainers = ["Jess Okoro", "Marco Bianchi", "Priya Nair", "Tom Reid"]
    domains = ["gmail.com"] * 5 + ["outlook.com"] * 3 + ["yahoo.co.uk"] + ["icloud.com"] * 2
    rows = []
    for i in range(n):
        plan = rng.choices(list(base), weights=[30, 30, 25, 15])[0]
        join = rand_date(rng, mkdate(2023, 1, 1), mkdate(2024, 12, 31))
        status = rng.choices(["Active", "Cancelled", "Frozen"], weights=[65, 20, 15])[0]
        if status == "Cancelled" and rng.random() < 0.8:
            auto = "No"
        else:
            auto = rng.choice(["Yes", "Yes", "No"])
        fee = base[plan]
        if plan != "Student" and rng.random() < 0.15:
            fee -= 5  # corporate discount
        fee = round(fee, 2)
        visits = rng.randint(0, 3) if status != "Active" else rng.randint(2, 58)
        trainer = rng.choices(trainers, weights=[4, 2, 3, 3])[0] if rng.random() < 0.45 else None
        first, last = names[i].split(" ", 1)
        email = f"{first.lower()}.{last.lower().replace(chr(39), '')}@{rng.choice(domains)}"
        age = rng.randint(17, 24) if plan == "Student" else rng.randint(22, 66)
        rows.append(
            {
                "Name": names[i],
                "Plan": plan,
                "Join Date": join,
                "Status": status,
                "Auto-Renew": auto,
                "Monthly Fee (£)": fee,
                "Visits (Last 90 Days)": visits,
                "Personal Trainer": trainer,
                "Email": email,
                "Age": age,
            }
        )
    active = [r for r in rows if r["Status"] == "Active"]
    active[5]["Visits (Last 90 Days)"] = 64  # unique most frequent visitor
    rows[33]["Age"] = 71  # unique oldest member
    rows[33]["Plan"], rows[33]["Monthly Fee (£)"] = "Basic", 19.99
    rows.sort(key=lambda r: (r["Join Date"], r["Name"]))
    for i, r in enumerate(rows):
        r["Member ID"] = f"GM-{1001 + i}"
    headers = [
        "Member ID",
        "Name",
        "Plan",
        "Join Date",
        "Status",
        "Auto-Renew",
        "Monthly Fee (£)",
        "Visits (Last 90 Days)",
        "Personal Trainer",
        "Email",
        "Age",
    ]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={"Join Date": "dd/mm/yyyy", "Monthly Fee (£)": '"£"#,##0.00'},
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    jd = df["Join Date"]
    jy = jd.dt.year
    fee, vis = df["Monthly Fee (£)"], df["Visits (Last 90 Days)"]
    by_name = df.set_index("Name")
    # row_noun: count rows with Join Date year 2024
    c("how many members joined in 2024?", "row_noun", int((jy == 2024).sum()))
    # row_noun: count Plan == Premium
    c("number of people on the premium plan", "row_noun", int((df.Plan == "Premium").sum()))
    # status: count Status == Cancelled
    c("how many cancelled memberships are there", "status", int((df.Status == "Cancelled").sum()))
    # status: count Auto-Renew == No
    c("how many members aren't on auto-renew", "status", int((df["Auto-Renew"] == "No").sum()))
    # status: names, Status Active & Plan Premium & Auto-Renew No
    m = (df.Status == "Active") & (df.Plan == "Premium") & (df["Auto-Renew"] == "No")
    c(
        "list the active Premium members who don't auto renew",
        "status",
        sorted(df.loc[m, "Name"]),
        unordered=True,
    )
    # dates: Join Date in 2023-03-01..2023-05-31
    c(
        "how many people signed up between March and May 2023",
        "dates",
        int(((jd >= mkdate(2023, 3, 1)) & (jd <= mkdate(2023, 5, 31))).sum()),
    )
    # dates: Join Date in Oct-Dec 2024
    c(
        "new joiners in Q4 2024 - how many",
        "dates",
        int(((jd >= mkdate(2024, 10, 1)) & (jd <= mkdate(2024, 12, 31))).sum()),
    )
    # dates: count per Join month, 2024
    m = (jd >= mkdate(2024, 1, 1)) & (jd <= mkdate(2024, 6, 30))
    g = df[m].groupby(ym(jd[m])).size()
    assert len(g) == 6
    c("sign-ups per month, first half of 2024", "dates", g.to_dict())
    # quantities: Monthly Fee (£) > 30
    no_boundary(fee, 30)
    c("how many members pay more than £30 a month?", "quantities", int((fee > 30).sum()))
    # quantities: Visits >= 40
    c(
        "how many members visited at least 40 times in the last 90 days",
        "quantities",
        int((vis >= 40).sum()),
    )
    # quantities: Age < 25
    c("members aged under 25, how many?", "quantities", int((df.Age < 25).sum()))
    # superlative: Name with max Visits
    c(
        "who's been to the gym the most in the last 90 days?",
        "superlative",
        argmax1(by_name["Visits (Last 90 Days)"]),
    )
    # superlative: Plan with max sum of Monthly Fee among Status Active
    c(
        "which plan brings in the most monthly fee income from active members",
        "superlative",
        argmax1(df[df.Status == "Active"].groupby("Plan")["Monthly Fee (£)"].sum()),
    )
    # superlative: Name with max Age
    c("who is our oldest member", "superlative", argmax1(by_name["Age"]))
    # superlative: Personal Trainer with most rows (blank excluded)
    c(
        "which trainer has the most clients?",
        "superlative",
        argmax1(df["Personal Trainer"].value_counts()),
    )
    # two_keys: Plan Premium & Join Date in 2024-01-01..2024-06-30
    c(
        "how many Premium members joined in the first half of 2024",
        "two_keys",
        int(
            (
                (df.Plan == "Premium") & (jd >= mkdate(2024, 1, 1)) & (jd <= mkdate(2024, 6, 30))
            ).sum()
        ),
    )
    # two_keys: count per Plan, Join year 2023
    g = df[jy == 2023].groupby("Plan").size()
    assert len(g) == 4
    c("sign-ups by plan in 2023", "two_keys", g.to_dict())
    # two_keys: Status Cancelled & Plan Student
    c(
        "cancelled student memberships, how many",
        "two_keys",
        int(((df.Status == "Cancelled") & (df.Plan == "Student")).sum()),
    )
    # x_by_y: count per Plan
    c("members by plan", "x_by_y", df.groupby("Plan").size().to_dict())
    # x_by_y: sum Visits per Personal Trainer (members with no trainer excluded)
    c(
        "visits by trainer",
        "x_by_y",
        {
            k: int(v)
            for k, v in df.groupby("Personal Trainer")["Visits (Last 90 Days)"].sum().items()
        },
    )
    # text_match: Email contains gmail
    c(
        "how many members use a gmail address",
        "text_match",
        int(df.Email.str.contains("gmail", case=False).sum()),
    )
    # derived: 12 * sum Monthly Fee where Status Active
    c(
        "annual membership revenue from active members",
        "derived",
        12 * fsum(fee[df.Status == "Active"]),
    )
    # plain: mean Monthly Fee
    c("average monthly fee", "plain", float(fee.mean()))
    # plain: lookup Plan for a named member
    who = df.Name.iloc[20]
    c(f"what plan is {who} on?", "plain", df.Plan.iloc[20])
    # plain: count blank Personal Trainer
    c(
        "how many members don't have a personal trainer",
        "plain",
        int(df["Personal Trainer"].isna().sum()),
    )
    # clarify: two members called Patel
    assert (df.Name.str.endswith("Patel")).sum() == 2
    c("what plan is Patel on?", "plain", kind="clarify")
    # clarify: "average" with fee / visits / age all plausible
    c("average for premium members", "plain", kind="clarify")
    # refuse: future
    c("how many members will cancel next month?", "status", kind="refuse")
    # refuse: no such column
    c("average BMI of premium members", "plain", kind="refuse")


# ========================================================================= 2. clinic
def clinic(seed=2203):
    rng = random.Random(seed)
    book, sheet = "clinic_appointments.xlsx", "Appointments"
    doctors = [
        ("Dr. Okafor", "GP"),
        ("Dr. S. Khan", "GP"),
        ("Dr. A. Khan", "Cardiology"),
        ("Dr. Lindqvist", "Dermatology"),
        ("Dr. Mehta", "Dermatology"),
        ("Dr. Russo", "Physiotherapy"),
    ]
    dur = {
        "GP": [10, 15, 15, 20],
        "Cardiology": [30, 45, 60],
        "Dermatology": [15, 20, 30],
        "Physiotherapy": [30, 45, 45, 60],
    }
    feer = {
        "GP": (55, 95),
        "Cardiology": (180, 320),
        "Dermatology": (90, 210),
        "Physiotherapy": (70, 140),
    }
    attended_notes = [
        "Follow-up in 2 weeks",
        "Blood test ordered",
        "Referred to specialist",
        "Prescription renewed",
        "Patient arrived late",
        "Referral letter sent to hospital",
        "Requested blood test results",
        "Skin biopsy taken",
        "Home exercises reviewed",
        "BP slightly high, recheck next visit",
    ]
    patients = unique_names(rng, 45)
    pw = [rng.choice([1, 1, 2, 3]) for _ in patients]
    rows = []
    for _ in range(112):
        doc, dept = rng.choices(doctors, weights=[24, 18, 14, 14, 12, 18])[0]
        date = rand_date(rng, mkdate(2023, 1, 2), mkdate(2024, 12, 31))
        while date.weekday() >= 5:
            date += dt.timedelta(days=1)
        status = rng.choices(["Attended", "No-show", "Cancelled"], weights=[78, 10, 12])[0]
        lo, hi = feer[dept]
        if status == "Attended":
            fee = rng.randint(lo, hi) + rng.choice([0, 0.5])
            if fee in (100, 200):
                fee += 3
            note = rng.choice(attended_notes) if rng.random() < 0.55 else None
        elif status == "No-show":
            fee = 35.0
            note = "Did not attend - voicemail left" if rng.random() < 0.6 else None
        else:
            fee = None
            note = rng.choice(["Cancelled by patient", "Rescheduled by clinic", None])
        rows.append(
            {
                "Date": date,
                "Patient": rng.choices(patients, weights=pw)[0],
                "Doctor": doc,
                "Department": dept,
                "Duration (min)": rng.choice(dur[dept]),
                "Fee ($)": fee,
                "Insured": rng.random() < 0.62,
                "Status": status,
                "Notes": note,
            }
        )
    physio_att = [
        r for r in rows if r["Department"] == "Physiotherapy" and r["Status"] == "Attended"
    ]
    physio_att[3]["Duration (min)"] = 90  # unique longest appointment
    rows.sort(key=lambda r: (r["Date"], r["Doctor"]))
    for i, r in enumerate(rows):
        r["Appt ID"] = f"AP-{i + 1:04d}"
    headers = [
        "Appt ID",
        "Date",
        "Patient",
        "Doctor",
        "Department",
        "Duration (min)",
        "Fee ($)",
        "Insured",
        "Status",
        "Notes",
    ]
    path = BOOKS / book
    write_sheet(path, sheet, headers, rows, fmts={"Date": "mm/dd/yyyy", "Fee ($)": '"$"#,##0.00'})
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    d, y = df.Date, df.Date.dt.year
    fee = df["Fee ($)"]
    notes = df.Notes.fillna("")
    # row_noun: count rows Date year 2023
    c("how many appointments were there in 2023?", "row_noun", int((y == 2023).sum()))
    # row_noun: distinct Patient
    c("how many distinct patients are in the log", "row_noun", int(df.Patient.nunique()))
    # status: Status != Attended
    c("how many appointments weren't attended", "status", int((df.Status != "Attended").sum()))
    # status: Status No-show & year 2024
    c("no-shows in 2024?", "status", int(((df.Status == "No-show") & (y == 2024)).sum()))
    # status: sum Fee where Insured FALSE (blank fees ignored)
    c("total fees from uninsured patients", "status", fsum(fee[~df.Insured.astype(bool)]))
    # dates: Oct-Dec 2023
    c(
        "appointments in the last quarter of 2023",
        "dates",
        int(((d >= mkdate(2023, 10, 1)) & (d <= mkdate(2023, 12, 31))).sum()),
    )
    # dates: 2024-02-01..2024-04-30
    c(
        "how many appointments from Feb to April 2024",
        "dates",
        int(((d >= mkdate(2024, 2, 1)) & (d <= mkdate(2024, 4, 30))).sum()),
    )
    # dates: Date >= 2024-03-03
    c("appointments since 3 March 2024 - how many?", "dates", int((d >= mkdate(2024, 3, 3)).sum()))
    # dates: sum Fee per month Jan-Jun 2024
    m = (d >= mkdate(2024, 1, 1)) & (d <= mkdate(2024, 6, 30))
    g = df[m].groupby(ym(d[m]))["Fee ($)"].sum()
    assert len(g) == 6
    c("fees by month for the first half of 2024", "dates", {k: float(v) for k, v in g.items()})
    # quantities: Duration > 45
    c(
        "how many appointments ran longer than 45 minutes",
        "quantities",
        int((df["Duration (min)"] > 45).sum()),
    )
    # quantities: 100 <= Fee <= 200 (no fee exactly on a bound)
    no_boundary(fee, 100, 200)
    c(
        "how many visits cost between $100 and $200",
        "quantities",
        int(((fee >= 100) & (fee <= 200)).sum()),
    )
    # superlative: Doctor with most No-show rows
    c(
        "which doctor had the most no-shows",
        "superlative",
        argmax1(df[df.Status == "No-show"].Doctor.value_counts()),
    )
    # superlative: top 3 Patient by sum Fee
    c(
        "top 3 patients by total fees",
        "superlative",
        topn(df.groupby("Patient")["Fee ($)"].sum(), 3),
    )
    # superlative: Patient on the row with max Duration
    c(
        "who had the longest appointment",
        "superlative",
        df.Patient[df["Duration (min)"].idxmax()]
        if (df["Duration (min)"] == df["Duration (min)"].max()).sum() == 1
        else None,
    )
    # x_by_y: count per Department
    c("appointments per department", "x_by_y", df.groupby("Department").size().to_dict())
    # x_by_y: sum Fee per Doctor
    c(
        "fees by doctor",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Doctor")["Fee ($)"].sum().items()},
    )
    # text_match: Notes contains "blood test"
    c(
        "how many notes mention a blood test",
        "text_match",
        int(notes.str.contains("blood test", case=False).sum()),
    )
    # text_match: Notes about referrals ("Referred ..." or "Referral ...")
    c(
        "how many appointment notes talk about a referral",
        "text_match",
        int(notes.str.contains("referr", case=False).sum()),
    )
    # derived: % of Dr. Russo rows with Status No-show
    r = df[df.Doctor == "Dr. Russo"]
    assert (r.Status == "No-show").sum() > 0
    c(
        "what % of Dr Russo's appointments were no-shows?",
        "derived",
        pct((r.Status == "No-show").sum(), len(r)),
    )
    # derived: sum Duration / 60 for Dr. Okafor (all bookings)
    c(
        "total hours booked with Dr. Okafor",
        "derived",
        float(df.loc[df.Doctor == "Dr. Okafor", "Duration (min)"].sum()) / 60,
    )
    # plain: mean Fee (blank fees of cancelled appts ignored)
    c("average appointment fee", "plain", float(fee.mean()))
    # two_keys: Department Cardiology & year 2024
    c(
        "how many cardiology appointments in 2024",
        "two_keys",
        int(((df.Department == "Cardiology") & (y == 2024)).sum()),
    )
    # two_keys: count per Department, year 2023
    g = df[y == 2023].groupby("Department").size()
    assert len(g) == 4
    c("appointments per department in 2023", "two_keys", g.to_dict())
    # clarify: two doctors named Khan
    c("how many patients did Dr Khan see in 2024", "row_noun", kind="clarify")
    # clarify: "total" could be fees or minutes
    c("total for GP", "plain", kind="clarify")
    # refuse: no diagnosis column
    c("what's the most common diagnosis", "plain", kind="refuse")
    # refuse: future
    c("how many no-shows will we have next month", "dates", kind="refuse")


# ====================================================================== 3. gradebook
def gradebook(seed=3305):
    rng = random.Random(seed)
    book, sheet = "gradebook.xlsx", "Term 2 Grades"
    n = 60
    names = unique_names(rng, n)
    forms = ["10A"] * 20 + ["10B"] * 20 + ["10C"] * 20
    rng.shuffle(forms)
    comments = [
        "Excellent effort this term",
        "Needs to revise algebra",
        "Great improvement",
        "Needs to hand homework in on time",
        "Consistent worker",
        "Must focus in class",
        "Shows real effort in group work",
        "Strong exam technique",
        "Needs to ask for help sooner",
        "A pleasure to teach",
    ]
    rows = []
    for i in range(n):
        mid = rng.randint(36, 96)
        fin = max(41, min(97, mid + rng.randint(-14, 14)))
        att = round(min(100.0, rng.uniform(78, 100.4)), 1)
        if att == 90.0:
            att = 90.4
        rows.append(
            {
                "Student": names[i],
                "Form": forms[i],
                "Homework (%)": rng.randint(45, 100),
                "Quiz Avg (%)": round(rng.uniform(40, 100), 1),
                "Midterm (/100)": mid,
                "Final Exam (/100)": fin,
                "Attendance (%)": att,
                "Teacher Comment": rng.choice(comments) if rng.random() < 0.65 else None,
            }
        )
    for k in (3, 17, 41, 52):  # students needing a resit
        f = rng.randint(22, 38)
        rows[k]["Final Exam (/100)"], rows[k]["Midterm (/100)"] = f, f + rng.randint(0, 10)
    rows[25]["Midterm (/100)"], rows[25]["Final Exam (/100)"] = 88, 99  # unique top final
    rows[30]["Midterm (/100)"], rows[30]["Final Exam (/100)"] = 48, 72  # unique biggest gain
    for r in rows:
        f = r["Final Exam (/100)"]
        r["Predicted Grade"] = "A" if f >= 80 else "B" if f >= 65 else "C" if f >= 50 else "D"
        r["Resit Needed"] = "Yes" if f < 40 else "No"
    rows.sort(key=lambda r: (r["Form"], r["Student"].split(" ", 1)[1], r["Student"]))
    headers = [
        "Student",
        "Form",
        "Homework (%)",
        "Quiz Avg (%)",
        "Midterm (/100)",
        "Final Exam (/100)",
        "Attendance (%)",
        "Predicted Grade",
        "Resit Needed",
        "Teacher Comment",
    ]
    path = BOOKS / book
    write_sheet(path, sheet, headers, rows)
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    mid, fin, att = df["Midterm (/100)"], df["Final Exam (/100)"], df["Attendance (%)"]
    com = df["Teacher Comment"].fillna("")
    by = df.set_index("Student")
    c("how many students are in 10B", "row_noun", int((df.Form == "10B").sum()))
    # row_noun: Predicted Grade == A
    c("how many kids are predicted an A?", "row_noun", int((df["Predicted Grade"] == "A").sum()))
    # status: Form 10C & Resit Needed No
    c(
        "10C students who don't need to resit - how many?",
        "status",
        int(((df.Form == "10C") & (df["Resit Needed"] == "No")).sum()),
    )
    # status: names with Resit Needed Yes
    c(
        "list the students who need a resit",
        "status",
        sorted(df.loc[df["Resit Needed"] == "Yes", "Student"]),
        unordered=True,
    )
    # quantities: Attendance < 90
    no_boundary(att, 90)
    c("how many students have attendance below 90%?", "quantities", int((att < 90).sum()))
    # quantities: Final >= 80
    c("how many scored 80 or more in the final", "quantities", int((fin >= 80).sum()))
    # quantities: 50 <= Midterm <= 59
    c("how many midterm marks are in the 50s", "quantities", int(((mid >= 50) & (mid <= 59)).sum()))
    # superlative: Student with max Final
    c("who got the top mark in the final exam", "superlative", argmax1(by["Final Exam (/100)"]))
    # superlative: 3 lowest Attendance, lowest first
    c("bottom 3 for attendance", "superlative", topn(by["Attendance (%)"], 3, ascending=True))
    # superlative: Form with highest mean Final
    c(
        "which form has the best average final",
        "superlative",
        argmax1(df.groupby("Form")["Final Exam (/100)"].mean()),
    )
    # x_by_y: count per Predicted Grade
    c("students by predicted grade", "x_by_y", df.groupby("Predicted Grade").size().to_dict())
    # derived: (Midterm + Final) / 2 for one student
    who = df.Student.iloc[7]
    c(
        f"average of {who}'s midterm and final",
        "derived",
        (float(mid.iloc[7]) + float(fin.iloc[7])) / 2,
    )
    # derived: Student with max (Final - Midterm)
    c(
        "who improved the most from midterm to final?",
        "derived",
        argmax1(by["Final Exam (/100)"] - by["Midterm (/100)"]),
    )
    # derived: count Final > Midterm
    c(
        "how many students did better in the final than the midterm",
        "derived",
        int((fin > mid).sum()),
    )
    # text_match: comment contains "effort"
    c(
        "how many comments mention effort",
        "text_match",
        int(com.str.contains("effort", case=False).sum()),
    )
    # text_match: comment contains "needs to"
    m = com.str.contains("needs to", case=False) & (df.Form == "10A")
    c(
        "which 10A students have 'needs to' in their comment",
        "text_match",
        sorted(df.loc[m, "Student"]),
        unordered=True,
    )
    # plain: mean Homework
    c("class average for homework", "plain", float(df["Homework (%)"].mean()))
    who2 = df.Student.iloc[33]
    # plain: lookup Midterm
    c(f"what did {who2} get on the midterm", "plain", int(mid.iloc[33]))
    # plain: min Final
    c("lowest final exam score", "plain", int(fin.min()))
    # plain: blank comments
    c("how many students have no teacher comment", "plain", int(df["Teacher Comment"].isna().sum()))
    # two_keys: Form 10C & Predicted A
    c(
        "how many A grades in 10C",
        "two_keys",
        int(((df.Form == "10C") & (df["Predicted Grade"] == "A")).sum()),
    )
    # two_keys: mean Final for Form 10A & Predicted B
    m = (df.Form == "10A") & (df["Predicted Grade"] == "B")
    assert m.sum() > 1
    c("average final exam mark for 10A students predicted a B", "two_keys", float(fin[m].mean()))
    # clarify: several score columns
    c(f"what's {df.Student.iloc[12]}'s score?", "plain", kind="clarify")
    c("average mark for 10A", "plain", kind="clarify")
    # refuse
    c(f"what will {df.Student.iloc[44]} get next term", "plain", kind="refuse")
    c("which students have a nut allergy", "plain", kind="refuse")


# ====================================================================== 4. warehouse
def warehouse(seed=4404):
    rng = random.Random(seed)
    book, sheet = "warehouse_stock.xlsx", "Stock Count"
    cats = {
        "Fasteners": [
            "Hex Bolt M8 x 40",
            "Hex Bolt M10 x 50",
            "Hex Nut M8",
            "Nylon Lock Nut M8",
            "Stainless Washer M8",
            "Stainless Washer M10",
            "Wood Screw 4 x 40",
            "Stainless Wood Screw 5 x 60",
            "Coach Screw M8 x 80",
            "Wall Plug 6mm",
            "Wall Plug 8mm",
            "Threaded Rod M10 x 1m",
            "Pop Rivet 4mm",
            "Drywall Screw 3.5 x 35",
            "Self-Tapping Screw 4.2 x 19",
            "Cable Clip 7mm",
        ],
        "Tools": [
            "Cordless Drill 18V",
            "Cordless Drill 12V",
            "Claw Hammer 16oz",
            "Adjustable Spanner 250mm",
            "Tape Measure 8m",
            "Tape Measure 5m",
            "Spirit Level 600mm",
            "Junior Hacksaw",
            "Screwdriver Set 12pc",
            "Stainless Steel Rule 300mm",
            "Utility Knife",
            "Combination Pliers 200mm",
            "Socket Set 1/2in 24pc",
            "Angle Grinder 115mm",
            "Caulking Gun",
        ],
        "Electrical": [
            "Twin & Earth Cable 2.5mm 100m",
            "Twin & Earth Cable 1.5mm 100m",
            "Double Socket 13A",
            "Single Switch 1-Gang",
            "LED Bulb E27 9W",
            "LED Bulb GU10 5W",
            "Junction Box 30A",
            "Cable Ties 200mm (100)",
            "Extension Lead 4-Way",
            "Fuse 13A (10)",
            "Insulation Tape 19mm",
            "Consumer Unit 10-Way",
            "Wago Connector (50)",
            "Stainless Socket Plate",
        ],
        "Plumbing": [
            "Copper Pipe 15mm x 3m",
            "Copper Pipe 22mm x 3m",
            "Compression Elbow 15mm",
            "Push-Fit Tee 22mm",
            "PTFE Tape",
            "Stainless Sink Waste",
            "Basin Mixer Tap",
            "Flexible Tap Connector",
            "Isolation Valve 15mm",
            "Radiator Valve Pair",
            "Silicone Sealant White",
            "Pipe Clip 15mm (10)",
            "Ball Valve 22mm",
            "Waste Trap 40mm",
        ],
        "Safety": [
            "Nitrile Gloves (100)",
            "Safety Glasses",
            "Hi-Vis Vest",
            "Ear Defenders",
            "Hard Hat",
            "Dust Mask FFP2 (10)",
            "Safety Boots Size 9",
            "First Aid Kit",
            "Knee Pads",
            "Cut-Resistant Gloves",
            "Fire Extinguisher 2kg",
            "Safety Goggles",
            "Ear Plugs (200)",
        ],
    }
    cost = {
        "Fasteners": (0.04, 2.9),
        "Tools": (6.5, 79),
        "Electrical": (0.9, 64),
        "Plumbing": (0.7, 58),
        "Safety": (1.8, 39),
    }
    qty = {
        "Fasteners": (40, 2400),
        "Tools": (0, 45),
        "Electrical": (0, 300),
        "Plumbing": (0, 350),
        "Safety": (0, 220),
    }
    wt = {
        "Fasteners": (0.004, 0.25),
        "Tools": (0.15, 1.4),
        "Electrical": (0.03, 0.6),
        "Plumbing": (0.02, 1.2),
        "Safety": (0.05, 0.7),
    }
    overrides = {  # (unit cost, weight)
        "Cordless Drill 18V": (139.0, 1.65),
        "Cordless Drill 12V": (89.5, 1.12),
        "Angle Grinder 115mm": (64.9, 2.1),
        "Socket Set 1/2in 24pc": (54.75, 3.4),
        "Twin & Earth Cable 2.5mm 100m": (118.4, 10.8),
        "Twin & Earth Cable 1.5mm 100m": (79.9, 7.2),
        "Consumer Unit 10-Way": (96.0, 3.05),
        "Fire Extinguisher 2kg": (36.5, 3.6),
        "Copper Pipe 22mm x 3m": (24.6, 2.75),
        "Safety Boots Size 9": (42.0, 1.45),
        "Basin Mixer Tap": (52.3, 1.9),
        "Spirit Level 600mm": (18.9, 0.62),
    }
    suppliers = ["Brenner GmbH", "Fixit Supply", "Nordtool", "Volta Trade"]
    rows = []
    bin_no = 0
    for cat, items in cats.items():
        for it in items:
            bin_no += 1
            c0 = round(rng.uniform(*cost[cat]), 2)
            w0 = round(rng.uniform(*wt[cat]), 3)
            if it in overrides:
                c0, w0 = overrides[it]
            if c0 == 50.0:
                c0 = 50.45
            sw = (
                [1, 1, 3, 1]
                if cat == "Tools"
                else [2, 2, 1, 2]
                if cat != "Electrical"
                else [1, 1, 1, 3]
            )
            if cat == "Fasteners":
                rl = rng.randint(4, 10) * 50
            elif cat == "Tools":
                rl = rng.randint(5, 15)
            else:
                rl = rng.randint(4, 16) * 5
            rows.append(
                {
                    "Item Description": it,
                    "Category": cat,
                    "Bin": f"{'ABCDE'[bin_no % 5]}-{bin_no:02d}",
                    "Qty On Hand": rng.randint(*qty[cat]),
                    "Unit Cost (€)": c0,
                    "Reorder Level": rl,
                    "Weight (kg)": w0,
                    "Last Counted": rand_date(rng, mkdate(2023, 5, 1), mkdate(2024, 12, 20)),
                    "Discontinued": "Yes" if rng.random() < 0.12 else "No",
                    "Supplier": rng.choices(suppliers, weights=sw)[0],
                }
            )
    rng.shuffle(rows)
    rows.sort(key=lambda r: r["Bin"])
    for i, r in enumerate(rows):
        r["SKU"] = f"WH-{1000 + 7 * i}"
    headers = [
        "SKU",
        "Item Description",
        "Category",
        "Bin",
        "Qty On Hand",
        "Unit Cost (€)",
        "Reorder Level",
        "Weight (kg)",
        "Last Counted",
        "Discontinued",
        "Supplier",
    ]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={"Unit Cost (€)": '#,##0.00 "€"', "Last Counted": "dd.mm.yyyy"},
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    q, uc, w = df["Qty On Hand"], df["Unit Cost (€)"], df["Weight (kg)"]
    lc = df["Last Counted"]
    val = q * uc
    desc = df["Item Description"]
    by = df.set_index("Item Description")
    # plain: Qty On Hand for Tape Measure 8m
    c(
        "how many 8m tape measures have we got",
        "plain",
        int(by.loc["Tape Measure 8m", "Qty On Hand"]),
    )
    c(
        "how many products are in the tools category",
        "row_noun",
        int((df.Category == "Tools").sum()),
    )
    c("how many SKUs do we get from Nordtool", "row_noun", int((df.Supplier == "Nordtool").sum()))
    # status: sum Qty where Discontinued Yes
    c(
        "how many units of discontinued stock are still on the shelves",
        "status",
        int(q[df.Discontinued == "Yes"].sum()),
    )
    # status: Discontinued No & Qty < Reorder Level
    c(
        "how many active (not discontinued) lines are below their reorder level",
        "status",
        int(((df.Discontinued == "No") & (q < df["Reorder Level"])).sum()),
    )
    # derived: sum Qty * Unit Cost
    c("what's our total stock value", "derived", float(val.sum()))
    c("stock value for electrical", "derived", float(val[df.Category == "Electrical"].sum()))
    c(
        "which item has the highest stock value",
        "derived",
        argmax1(by["Qty On Hand"] * by["Unit Cost (€)"]),
    )
    # derived: sum Qty * Weight for Plumbing
    c(
        "total weight of plumbing stock in kg",
        "derived",
        float((q * w)[df.Category == "Plumbing"].sum()),
    )
    # quantities: Unit Cost > 50
    no_boundary(uc, 50)
    c("how many items cost over €50 each", "quantities", int((uc > 50).sum()))
    c("number of products weighing at least 2.5 kg", "quantities", int((w >= 2.5).sum()))
    c("how many lines have fewer than 20 units on hand", "quantities", int((q < 20).sum()))
    # superlative: max Unit Cost
    c("most expensive item per unit", "superlative", argmax1(by["Unit Cost (€)"]))
    c(
        "top 3 categories by units on hand",
        "superlative",
        topn(df.groupby("Category")["Qty On Hand"].sum(), 3),
    )
    c(
        "which supplier do we carry the most lines from",
        "superlative",
        argmax1(df.Supplier.value_counts()),
    )
    # dates
    c(
        "how many lines were counted in the second half of 2024",
        "dates",
        int(((lc >= mkdate(2024, 7, 1)) & (lc <= mkdate(2024, 12, 31))).sum()),
    )
    c(
        "how many items were last counted before 1 June 2024",
        "dates",
        int((lc < mkdate(2024, 6, 1)).sum()),
    )
    # x_by_y
    c(
        "units by category",
        "x_by_y",
        {k: int(v) for k, v in df.groupby("Category")["Qty On Hand"].sum().items()},
    )
    c("SKUs by supplier", "x_by_y", df.groupby("Supplier").size().to_dict())
    # text_match
    c(
        "how many products have 'stainless' in the name",
        "text_match",
        int(desc.str.contains("stainless", case=False).sum()),
    )
    c(
        "list everything with M8 in the description",
        "text_match",
        sorted(desc[desc.str.contains("M8", case=False)]),
        unordered=True,
    )
    # two_keys: sum Qty where Category Tools & Supplier Nordtool
    m = (df.Category == "Tools") & (df.Supplier == "Nordtool")
    assert m.sum() > 1
    c("units on hand of tools supplied by Nordtool", "two_keys", int(q[m].sum()))
    # clarify
    c("total for fasteners", "plain", kind="clarify")
    c("unit cost of the cordless drill", "plain", kind="clarify")
    # refuse
    c("what's the selling price of the hi-vis vest", "plain", kind="refuse")
    c("when will we run out of nitrile gloves", "dates", kind="refuse")


# ====================================================================== 5. donations
def donations(seed=5507):
    rng = random.Random(seed)
    book, sheet = "charity_donations.xlsx", "Donations"
    indiv = [*unique_names(rng, 20), "Gareth Jones", "Alice Jones"]
    biz = [
        "Harbour Bakery Ltd",
        "Kestrel Motors",
        "Greenleaf Dental",
        "Brightside Print Co",
        "Oakwell Builders",
        "Meadow Vets",
        "Pilot Coffee House",
    ]
    trusts = [
        "Millbrook Trust",
        "Ashworth Family Foundation",
        "St Aidan's Charitable Trust",
        "Hollis Foundation",
    ]
    iw = [rng.choice([1, 1, 2, 4]) for _ in indiv]
    campaigns = ["Winter Appeal", "Summer Fete", "Food Bank", "Roof Fund"]
    methods = ["Card", "Cheque", "Bank Transfer", "Cash"]
    ind_amts = [5, 10, 10, 20, 25, 25, 30, 50, 50, 75, 100, 100, 150, 200, 250, 500]
    notes_ind = [
        "In memory of her mother",
        "Wishes to remain anonymous",
        "Monthly standing order",
        "Raised at bake sale",
        "In memory of J. Carter",
        "Cheque received by post",
        "Sponsored run proceeds",
    ]
    notes_org = [
        "Matched by employer",
        "Annual grant instalment",
        "Cheque received by post",
        "Staff collection",
    ]
    rows = []
    for _ in range(92):
        t = rng.choices(["Individual", "Business", "Trust"], weights=[70, 18, 12])[0]
        if t == "Individual":
            donor = rng.choices(indiv, weights=iw)[0]
            amt = float(rng.choice(ind_amts)) if rng.random() < 0.8 else rng.randint(6, 300) + 0.5
            ga = "Yes" if rng.random() < 0.6 else "No"
            note = rng.choice(notes_ind) if rng.random() < 0.45 else None
        elif t == "Business":
            donor = rng.choice(biz)
            amt = float(rng.randint(4, 60) * 25)
            ga, note = "No", (rng.choice(notes_org) if rng.random() < 0.4 else None)
        else:
            donor = rng.choice(trusts)
            amt = float(rng.randint(8, 48) * 125)
            ga, note = "No", (rng.choice(notes_org) if rng.random() < 0.4 else None)
        meth = rng.choice(methods if t == "Individual" else ["Cheque", "Bank Transfer"])
        if note == "Cheque received by post":
            meth = "Cheque"
        rows.append(
            {
                "Date": rand_date(rng, mkdate(2023, 1, 4), mkdate(2024, 12, 30)),
                "Donor": donor,
                "Donor Type": t,
                "Campaign": rng.choice(campaigns),
                "Method": meth,
                "Amount (£)": amt,
                "Gift Aid": ga,
                "Thank-you Sent": "No" if rng.random() < 0.18 else "Yes",
                "Notes": note,
            }
        )
    rows.sort(key=lambda r: (r["Date"], r["Donor"]))
    headers = [
        "Date",
        "Donor",
        "Donor Type",
        "Campaign",
        "Method",
        "Amount (£)",
        "Gift Aid",
        "Thank-you Sent",
        "Notes",
    ]
    total = round(sum(r["Amount (£)"] for r in rows), 2)

    def pre(ws):
        ws["A1"] = "Riverside Community Trust - Donations Log"
        ws["A1"].font = Font(bold=True, size=14)
        ws["A2"] = "Period: January 2023 - December 2024. Prepared by Finance."
        ws["A2"].font = Font(italic=True)

    def post(ws, r):
        ws.cell(row=r, column=1, value="TOTAL").font = Font(bold=True)
        cell = ws.cell(row=r, column=6, value=total)
        cell.font = Font(bold=True)
        cell.number_format = '"£"#,##0.00'

    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        header_row=3,
        pre=pre,
        post=post,
        fmts={"Date": "dd/mm/yyyy", "Amount (£)": '"£"#,##0.00'},
        widths={"Date": 12},
    )
    raw = read_back(path, sheet, header_row=3)
    assert str(raw.Date.iloc[-1]) == "TOTAL" and abs(raw["Amount (£)"].iloc[-1] - total) < 1e-9
    df = raw.iloc[:-1].copy()  # drop the totals row
    df["Date"] = pd.to_datetime(df["Date"])
    assert len(df) == 92

    def c(*a, **k):
        case(book, sheet, *a, **k)

    a, d, y = df["Amount (£)"].astype(float), df.Date, df.Date.dt.year
    notes = df.Notes.fillna("")
    per_donor = df.groupby("Donor")["Amount (£)"].sum()
    c("total donations received", "plain", float(a.sum()))
    c("how many donations did we receive", "row_noun", len(df))
    # row_noun: donors with >1 gift
    c("how many donors gave more than once", "row_noun", int((df.Donor.value_counts() > 1).sum()))
    # row_noun: Donor Type Business & year 2024
    c(
        "how many business donations came in during 2024",
        "row_noun",
        int(((df["Donor Type"] == "Business") & (y == 2024)).sum()),
    )
    c("which donor gave the most in total", "superlative", argmax1(per_donor))
    c(
        "who made the biggest single gift",
        "superlative",
        df.Donor[a.idxmax()] if (a == a.max()).sum() == 1 else None,
    )
    c("top 5 donors by total given", "superlative", topn(per_donor, 5))
    # status
    c(
        "how many gifts haven't been thanked yet",
        "status",
        int((df["Thank-you Sent"] == "No").sum()),
    )
    c("gift aid donations total", "status", float(a[df["Gift Aid"] == "Yes"].sum()))
    c(
        "non gift aid money from individuals",
        "status",
        float(a[(df["Gift Aid"] == "No") & (df["Donor Type"] == "Individual")].sum()),
    )
    # dates
    c(
        "how much came in during Q1 2024",
        "dates",
        float(a[(d >= mkdate(2024, 1, 1)) & (d <= mkdate(2024, 3, 31))].sum()),
    )
    c(
        "donations in December 2023, total £",
        "dates",
        float(a[(y == 2023) & (d.dt.month == 12)].sum()),
    )
    g = df[y == 2024].groupby(ym(d[y == 2024]))["Amount (£)"].sum()
    assert len(g) == 12
    c("amount raised per month in 2024", "dates", {k: float(v) for k, v in g.items()})
    # quantities
    c("how many gifts of £500 or more", "quantities", int((a >= 500).sum()))
    c("how many donations under fifty quid", "quantities", int((a < 50).sum()))
    # x_by_y
    c(
        "amount by campaign",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Campaign")["Amount (£)"].sum().items()},
    )
    c(
        "money raised by donor type",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Donor Type")["Amount (£)"].sum().items()},
    )
    # two_keys
    c(
        "Winter Appeal total for 2024",
        "two_keys",
        float(a[(df.Campaign == "Winter Appeal") & (y == 2024)].sum()),
    )
    m = (df["Donor Type"] == "Business") & (df.Campaign == "Roof Fund")
    assert m.sum() > 0
    c("how much did businesses give to the Roof Fund", "two_keys", float(a[m].sum()))
    c(
        "which campaign raised the most in 2023",
        "two_keys",
        argmax1(df[y == 2023].groupby("Campaign")["Amount (£)"].sum()),
    )
    # text_match
    c(
        "how many donations were made in memory of someone",
        "text_match",
        int(notes.str.contains("in memory", case=False).sum()),
    )
    c(
        "donors who want to stay anonymous",
        "text_match",
        sorted(set(df.Donor[notes.str.contains("anonymous", case=False)])),
        unordered=True,
    )
    # derived: total / distinct donors
    c(
        "on average, how much has each donor given in total?",
        "derived",
        float(a.sum()) / df.Donor.nunique(),
    )
    c(
        "what share of the money came from trusts, in %",
        "derived",
        pct(a[df["Donor Type"] == "Trust"].sum(), a.sum()),
    )
    # plain: mean Amount where Method Cheque
    c("average cheque donation", "plain", float(a[df.Method == "Cheque"].mean()))
    # clarify: two donors named Jones
    assert {"Gareth Jones", "Alice Jones"} <= set(df.Donor)
    c("how much did Jones give", "plain", kind="clarify")
    # clarify: "the summer" without a year, data covers two summers
    c("how much did we raise over the summer", "dates", kind="clarify")
    # refuse
    c("what's Alice Jones's home address", "plain", kind="refuse")
    c("how much will the Winter Appeal raise next year", "dates", kind="refuse")


# ==================================================================== 6. car rentals
def car_rentals(seed=6607):
    rng = random.Random(seed)
    book, sheet = "car_rentals.xlsx", "Bookings"
    pool = [*unique_names(rng, 70), "Ana Silva", "Rui Silva"]
    branches = ["Lisbon Airport", "Porto", "Faro", "Coimbra"]
    rate = {
        "Economy": (26, 39),
        "Compact": (34, 49),
        "SUV": (58, 89),
        "Van": (68, 99),
        "Premium": (95, 149),
    }
    notes_ok = [
        "Child seat requested",
        "Child seat + GPS",
        "One-way drop-off",
        "Late return (2 hrs)",
        "Scratch on rear bumper noted at return",
        "Upgrade given - no extra charge",
        "GPS requested",
        "Small scratch on driver door",
    ]
    rows = []
    for _ in range(100):
        cls = rng.choices(list(rate), weights=[30, 26, 20, 10, 14])[0]
        pick = rand_date(rng, mkdate(2023, 1, 3), mkdate(2024, 12, 20))
        days = rng.choices(range(1, 15), weights=[6, 8, 9, 9, 8, 7, 9, 5, 4, 4, 3, 2, 2, 4])[0]
        status = "Cancelled" if rng.random() < 0.14 else "Completed"
        r0 = round(rng.uniform(*rate[cls]), 2)
        if r0 == 40.0:
            r0 = 40.5
        km = days * rng.randint(25, 160) + rng.randint(0, 99) if status == "Completed" else None
        if km == 1000:
            km = 1004
        if status == "Completed":
            note = rng.choice(notes_ok) if rng.random() < 0.42 else None
        else:
            note = rng.choice(["Customer cancelled - flight changed", None, None])
        rows.append(
            {
                "Customer": rng.choice(pool),
                "Branch": rng.choices(branches, weights=[35, 28, 22, 15])[0],
                "Car Class": cls,
                "Pickup Date": pick,
                "Return Date": pick + dt.timedelta(days=days),
                "Rental Days": days,
                "Daily Rate (€)": r0,
                "Insurance Add-on": "Yes" if rng.random() < 0.45 else "No",
                "Status": status,
                "Km Driven": km,
                "Notes": note,
            }
        )
    rows[11]["Customer"], rows[58]["Customer"] = "Ana Silva", "Rui Silva"
    rows.sort(key=lambda r: (r["Pickup Date"], r["Customer"]))
    seq = {}
    for r in rows:
        yy = r["Pickup Date"].year
        seq[yy] = seq.get(yy, 0) + 1
        r["Booking Ref"] = f"BK-{yy}{seq[yy]:03d}"
    headers = [
        "Booking Ref",
        "Customer",
        "Branch",
        "Car Class",
        "Pickup Date",
        "Return Date",
        "Rental Days",
        "Daily Rate (€)",
        "Insurance Add-on",
        "Status",
        "Km Driven",
        "Notes",
    ]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={
            "Pickup Date": "yyyy-mm-dd",
            "Return Date": "yyyy-mm-dd",
            "Daily Rate (€)": '"€"#,##0.00',
        },
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    p, y = df["Pickup Date"], df["Pickup Date"].dt.year
    done = df.Status == "Completed"
    rev = df["Rental Days"] * df["Daily Rate (€)"]
    km = df["Km Driven"]
    notes = df.Notes.fillna("")
    c("how many bookings did Porto have", "row_noun", int((df.Branch == "Porto").sum()))
    c("how many bookings in 2024", "row_noun", int((y == 2024).sum()))
    c("how many different customers have booked with us", "row_noun", int(df.Customer.nunique()))
    # status
    c(
        "how many bookings got cancelled in 2023",
        "status",
        int(((df.Status == "Cancelled") & (y == 2023)).sum()),
    )
    c(
        "how many completed rentals didn't take the insurance add-on",
        "status",
        int((done & (df["Insurance Add-on"] == "No")).sum()),
    )
    c(
        "what % of bookings were cancelled",
        "derived",
        pct((df.Status == "Cancelled").sum(), len(df)),
    )
    # dates
    c(
        "how many bookings were picked up between June and August 2024",
        "dates",
        int(((p >= mkdate(2024, 6, 1)) & (p <= mkdate(2024, 8, 31))).sum()),
    )
    m = (p >= mkdate(2023, 7, 1)) & (p <= mkdate(2023, 9, 30))
    g = df[m].groupby(ym(p[m])).size()
    assert len(g) == 3
    c("bookings per month for Q3 2023", "dates", g.to_dict())
    # derived
    c(
        "average rental length in days for completed bookings",
        "derived",
        float(df.loc[done, "Rental Days"].mean()),
    )
    c(
        "how much did completed SUV rentals bring in",
        "derived",
        float(rev[done & (df["Car Class"] == "SUV")].sum()),
    )
    by_branch = rev[done].groupby(df.Branch[done]).sum()
    c("which branch earned the most from completed rentals", "derived", argmax1(by_branch))
    c(
        "revenue per branch, completed rentals only",
        "derived",
        {k: float(v) for k, v in by_branch.items()},
    )
    # quantities
    no_boundary(km.dropna(), 1000)
    c("how many rentals went over 1,000 km", "quantities", int((km > 1000).sum()))
    no_boundary(df["Daily Rate (€)"], 40)
    c(
        "how many bookings have a daily rate under €40",
        "quantities",
        int((df["Daily Rate (€)"] < 40).sum()),
    )
    c("bookings of a week or longer - how many", "quantities", int((df["Rental Days"] >= 7).sum()))
    # superlative
    assert (km == km.max()).sum() == 1
    c(
        "which customer drove the furthest in a single rental",
        "superlative",
        df.Customer[km.idxmax()],
    )
    best_all = argmax1(df["Car Class"].value_counts())
    assert best_all == argmax1(df.loc[done, "Car Class"].value_counts())  # same either way
    c("most popular car class", "superlative", best_all)
    # x_by_y
    c("bookings by branch", "x_by_y", df.groupby("Branch").size().to_dict())
    c(
        "km driven by car class",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Car Class")["Km Driven"].sum().items()},
    )
    # two_keys
    c(
        "how many SUV bookings in Faro",
        "two_keys",
        int(((df["Car Class"] == "SUV") & (df.Branch == "Faro")).sum()),
    )
    g = df[y == 2024].groupby("Branch").size()
    assert len(g) == 4
    c("bookings by branch for 2024", "two_keys", g.to_dict())
    # text_match
    c(
        "how many rentals had a child seat",
        "text_match",
        int(notes.str.contains("child seat", case=False).sum()),
    )
    c(
        "how many notes mention a scratch",
        "text_match",
        int(notes.str.contains("scratch", case=False).sum()),
    )
    # clarify
    c("what's the average for vans", "plain", kind="clarify")
    assert {"Ana Silva", "Rui Silva"} <= set(df.Customer)
    c("when did Silva pick up the car", "plain", kind="clarify")
    # refuse
    c(f"fuel cost for booking {df['Booking Ref'].iloc[40]}", "plain", kind="refuse")
    c("how many bookings will Lisbon get in 2026", "dates", kind="refuse")


# =================================================================== 7. utility meters
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def meters(seed=7707):
    rng = random.Random(seed)
    book, sheet = "utility_meters.xlsx", "Electricity 2024"
    cities = {
        "North": ["Leeds", "York", "Newcastle", "Sheffield", "Hull"],
        "South": ["Brighton", "Southampton", "Portsmouth", "Reading"],
        "East": ["Norwich", "Cambridge", "Ipswich", "Colchester"],
        "West": ["Bristol", "Exeter", "Plymouth", "Gloucester", "Bath"],
    }
    season = [1.25, 1.2, 1.1, 0.98, 0.9, 0.85, 0.88, 0.87, 0.93, 1.02, 1.15, 1.28]
    rows = []
    for region, cs in cities.items():
        for city in cs:
            types = (
                ["Warehouse", "Office"]
                if city == "Leeds"
                else rng.sample(["Office", "Warehouse", "Retail"], 2)
            )
            for t in types:
                if t == "Office":
                    site, base = f"{city} Office", rng.randint(3500, 8000)
                elif t == "Warehouse":
                    site = (
                        f"{city} Depot"
                        if city == "Leeds"
                        else f"{city} {rng.choice(['Depot', 'Hub'])}"
                    )
                    base = rng.randint(7000, 13000)
                else:
                    site, base = f"{city} Store", rng.randint(2500, 6000)
                r = {
                    "Meter ID": f"MTR-{rng.randint(10000, 99999)}",
                    "Site": site,
                    "Region": region,
                    "Building Type": t,
                    "Smart Meter": "Yes" if rng.random() < 0.65 else "No",
                }
                for mname, s in zip(MONTHS, season, strict=True):
                    v = int(base * s * rng.uniform(0.92, 1.08))
                    if v == 10000:
                        v = 10012
                    r[mname] = v
                rows.append(r)
    assert len(rows) == 36
    headers = ["Meter ID", "Site", "Region", "Building Type", "Smart Meter", *MONTHS]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={mn: "#,##0" for mn in MONTHS},
        widths={mn: 9 for mn in MONTHS},
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    by = df.set_index("Site")
    tot = df[MONTHS].sum()
    s1, s2 = df.Site.iloc[27], df.Site.iloc[8]
    c("total usage in April", "month_column", int(df.Apr.sum()))
    c("which site used the most electricity in July", "month_column", argmax1(by.Jul))
    c("total consumption for Q1", "month_column", int(df[["Jan", "Feb", "Mar"]].sum().sum()))
    no_boundary(df.Dec, 10000)
    c(
        "how many sites used more than 10,000 kWh in December",
        "month_column",
        int((df.Dec > 10000).sum()),
    )
    c(f"{s1}'s usage in Sept", "month_column", int(by.loc[s1, "Sep"]))
    c(f"annual total for {s1}", "month_column", int(by.loc[s1, MONTHS].sum()))
    # month label as written in the header row
    c(
        "which month had the highest total consumption across all sites",
        "month_column",
        argmax1(tot),
    )
    c(
        "usage by region in June",
        "month_column",
        {k: int(v) for k, v in df.groupby("Region").Jun.sum().items()},
    )
    c(
        f"change in consumption from Jan to Jun at {s2}",
        "month_column",
        int(by.loc[s2, "Jun"] - by.loc[s2, "Jan"]),
    )
    c(
        "how much did the North sites use in the second half of the year",
        "month_column",
        int(df.loc[df.Region == "North", ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]].sum().sum()),
    )
    c(
        "smart-metered sites: total for March",
        "status",
        int(df.Mar[df["Smart Meter"] == "Yes"].sum()),
    )
    c(
        "Feb to April usage for warehouses",
        "month_column",
        int(df.loc[df["Building Type"] == "Warehouse", ["Feb", "Mar", "Apr"]].sum().sum()),
    )
    c(f"average monthly usage for {s2}", "derived", float(by.loc[s2, MONTHS].mean()))
    c("which site used the least in August", "month_column", argmin1(by.Aug))
    c(
        "average May consumption for offices",
        "month_column",
        float(df.May[df["Building Type"] == "Office"].mean()),
    )
    c("top 3 sites for November", "month_column", topn(by.Nov, 3))
    c("how many sites don't have a smart meter", "status", int((df["Smart Meter"] == "No").sum()))
    c("how many retail sites are there", "row_noun", int((df["Building Type"] == "Retail").sum()))
    c("total for the year across all sites", "plain", int(tot.sum()))
    c("sites per region", "x_by_y", df.groupby("Region").size().to_dict())
    c(
        "what share of the year's total usage came in Q4, in %",
        "derived",
        pct(tot[["Oct", "Nov", "Dec"]].sum(), tot.sum()),
    )
    c(
        "December usage by building type",
        "month_column",
        {k: int(v) for k, v in df.groupby("Building Type").Dec.sum().items()},
    )
    c(
        "how many sites have 'Depot' in the name",
        "text_match",
        int(df.Site.str.contains("Depot").sum()),
    )
    c(
        "how many sites used less in December than in January",
        "month_column",
        int((df.Dec < df.Jan).sum()),
    )
    c("usage in January 2025", "month_column", kind="refuse")
    c("what's the electricity bill for Leeds Office this year", "derived", kind="refuse")
    assert {"Leeds Depot", "Leeds Office"} <= set(df.Site)
    c("what did Leeds use in May", "month_column", kind="clarify")


# ================================================================ 8. revenue by year
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]


def revenue_years(seed=8808):
    rng = random.Random(seed)
    book, sheet = "product_revenue_by_year.xlsx", "Revenue by Year"
    consumer = [
        "Smart Thermostats",
        "Smart Doorbells",
        "Home Routers",
        "Mesh Wi-Fi Kits",
        "Streaming Sticks",
        "Wireless Earbuds",
        "Smart Plugs",
        "Fitness Trackers",
        "Home Security Cameras",
        "E-Readers",
        "Portable Speakers",
        "Gaming Headsets",
        "Smart Scales",
        "Baby Monitors",
    ]
    business = [
        "Desk Phones",
        "Managed Wi-Fi",
        "Cloud Storage",
        "Video Conferencing Kits",
        "Business Routers",
        "Network Switches",
        "POS Terminals",
        "Rugged Tablets",
        "Label Printers",
        "Firewall Appliances",
        "Door Access Systems",
        "Headset Bundles",
        "Digital Signage",
        "UPS Units",
    ]
    launch = {
        "Smart Scales": 2021,
        "Mesh Wi-Fi Kits": 2021,
        "Digital Signage": 2021,
        "Door Access Systems": 2021,
        "Smart Doorbells": 2020,
        "Rugged Tablets": 2020,
    }
    rows = []
    for seg, prods in (("Consumer", consumer), ("Business", business)):
        for p in prods:
            v = rng.randint(800, 9000) * 100
            r = {"Product Line": p, "Segment": seg}
            for yr in YEARS:
                if yr < launch.get(p, 2019):
                    continue
                if yr > launch.get(p, 2019):
                    v = v * (1 + rng.uniform(-0.12, 0.28))
                vv = round(v / 100.0) * 100
                if vv == 500000:
                    vv = 501200
                r[yr] = vv
            rows.append(r)
    rng.shuffle(rows)
    headers = ["Product Line", "Segment", *YEARS]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={yr: '"$"#,##0' for yr in YEARS},
        widths={yr: 13 for yr in YEARS},
    )
    df = read_back(path, sheet)
    assert all(yr in df.columns for yr in YEARS)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    by = df.set_index("Product Line")
    tot = df[YEARS].sum()
    p1, p2, p3, p4 = "Home Routers", "Managed Wi-Fi", "Desk Phones", "Network Switches"
    c("total revenue in 2022", "wide_years", float(df[2022].sum()))
    c(
        f"how much did {p1} grow from 2020 to 2023, in %",
        "wide_years",
        pct(by.loc[p1, 2023] - by.loc[p1, 2020], by.loc[p1, 2020]),
    )
    c(
        "by how much did total revenue increase between 2019 and 2024",
        "wide_years",
        float(df[2024].sum() - df[2019].sum()),
    )
    c("which product line had the highest revenue in 2021", "wide_years", argmax1(by[2021]))
    no_boundary(df[2024], 500000)
    c(
        "how many product lines made over $500k in 2024",
        "wide_years",
        int((df[2024] > 500000).sum()),
    )
    c(
        "average 2023 revenue for the Business segment",
        "wide_years",
        float(df.loc[df.Segment == "Business", 2023].mean()),
    )
    c(f"{p4} 2020 figure", "wide_years", float(by.loc[p4, 2020]))
    # best year: label of the year column with the max value for that product
    c(f"best year for {p2}", "wide_years", str(argmax1(by.loc[p2, YEARS].astype(float))))
    c(
        "2024 revenue by segment",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Segment")[2024].sum().items()},
    )
    c(
        "which product grew the most from 2023 to 2024 in dollar terms",
        "wide_years",
        argmax1(by[2024] - by[2023]),
    )
    c(
        "how many product lines declined from 2023 to 2024",
        "wide_years",
        int((df[2024] < df[2023]).sum()),
    )
    c(f"all-years total for {p3}", "wide_years", float(by.loc[p3, YEARS].sum()))
    c(
        f"CAGR 2019-2024 for {p3}, as a %",
        "derived",
        ((by.loc[p3, 2024] / by.loc[p3, 2019]) ** (1 / 5) - 1) * 100,
    )
    c("how many product lines have no 2019 figure", "wide_years", int(df[2019].isna().sum()))
    c("average revenue per product line in 2020", "wide_years", float(df[2020].mean()))
    c(
        "% change in total revenue, 2024 vs 2023",
        "wide_years",
        pct(tot[2024] - tot[2023], tot[2023]),
    )
    c("top 3 product lines in 2024", "wide_years", topn(by[2024], 3))
    c(
        "Consumer segment total for 2019",
        "wide_years",
        float(df.loc[df.Segment == "Consumer", 2019].sum()),
    )
    c("which year had the lowest total revenue", "wide_years", str(argmin1(tot)))
    m = df["Product Line"].str.contains("Smart", case=False)
    c(
        "total 2024 revenue for product lines with 'Smart' in the name",
        "text_match",
        float(df.loc[m, 2024].sum()),
    )
    c(
        "how many product lines are in the Business segment",
        "row_noun",
        int((df.Segment == "Business").sum()),
    )
    c("projected 2026 revenue for Home Routers", "wide_years", kind="refuse")
    c("which product line has the best profit margin", "plain", kind="refuse")
    c("what's the revenue for Cloud Storage", "wide_years", kind="clarify")
    c("top product line?", "wide_years", kind="clarify")


# ============================================================== 9. freelance projects
def freelance(seed=9909):
    rng = random.Random(seed)
    book, sheet = "freelance_projects.xlsx", "Projects"
    clients = [
        "Acme Outdoor",
        "Bluefin Studio",
        "Carter & Lowe LLP",
        "Driftwood Cafe",
        "Everline Health",
        "Foxglove Books",
        "Greenway Realty",
    ]
    cw = [3, 4, 2, 3, 3, 2, 2]
    things = {
        "Web Design": [
            ("website refresh", "Refreshed homepage and navigation on WordPress"),
            ("landing page", "Campaign landing page with signup form"),
            ("Shopify store build", "Built Shopify theme and loaded product catalogue"),
            ("booking page", "Online booking page integrated with calendar"),
        ],
        "Copywriting": [
            ("newsletter series", "Wrote 4-part email newsletter series"),
            ("About page copy", "Rewrote About and Team pages"),
            ("product descriptions", "Product descriptions for the Shopify shop"),
            ("blog posts", "Four SEO blog posts, 1,200 words each"),
        ],
        "Branding": [
            ("logo redesign", "New logo, colour palette and type choices"),
            ("brand guidelines", "Brand guidelines PDF incl. logo usage rules"),
            ("business cards", "Business card and letterhead design"),
            ("packaging labels", "Label artwork for three product lines"),
        ],
        "SEO Audit": [
            ("SEO audit", "Technical SEO audit with action list"),
            ("site speed review", "Page speed review and image compression"),
            ("keyword research", "Keyword research and content plan"),
        ],
    }
    rate = {
        "Web Design": (16, 24),
        "Copywriting": (11, 17),
        "Branding": (15, 22),
        "SEO Audit": (13, 19),
    }
    rows, used = [], set()
    for i in range(54):
        if i == 0:
            cl, typ, k = "Acme Outdoor", "Web Design", 0
        else:
            cl = rng.choices(clients, weights=cw)[0]
            typ = rng.choice(list(things))
            k = rng.randrange(len(things[typ]))
            if cl == "Acme Outdoor" and typ == "Web Design" and k == 0:
                k = 1
        thing, desc = things[typ][k]
        start = rand_date(rng, mkdate(2023, 1, 5), mkdate(2024, 11, 30))
        name = f"{cl.split(' ')[0]} {thing}"
        if name in used:
            name = f"{name} {start.year}"
        while name in used:
            name += " (2)"
        used.add(name)
        hours = round(rng.uniform(3, 70) * 2) / 2
        if hours == 10.0:
            hours = 10.5
        rt = rng.randint(*rate[typ]) * 5
        total = round(hours * rt, 2)
        if total == 3000:
            hours, total = hours + 0.5, round((hours + 0.5) * rt, 2)
        inv = start + dt.timedelta(days=rng.randint(7, 45))
        paid = inv + dt.timedelta(days=rng.randint(5, 55))
        if paid > mkdate(2024, 12, 31) or (inv > mkdate(2024, 10, 20) and rng.random() < 0.7):
            status, paid = "Unpaid", None
        else:
            status = rng.choices(["Paid", "Unpaid", "Written Off"], weights=[90, 6, 4])[0]
            if status != "Paid":
                paid = None
        rows.append(
            {
                "Project": name,
                "Client": cl,
                "Type": typ,
                "Start Date": start,
                "Invoice Date": inv,
                "Hours": hours,
                "Rate ($/hr)": rt,
                "Invoice Total ($)": total,
                "Status": status,
                "Paid On": paid,
                "Description": desc,
            }
        )
    # one rush job with a unique top rate
    rj = rows[21]
    rj["Rate ($/hr)"] = 135
    rj["Invoice Total ($)"] = round(rj["Hours"] * 135, 2)
    rj["Description"] += " (rush job)"
    if not any(r["Status"] == "Written Off" for r in rows):
        rows[5]["Status"], rows[5]["Paid On"] = "Written Off", None
    rows.sort(key=lambda r: (r["Start Date"], r["Project"]))
    headers = [
        "Project",
        "Client",
        "Type",
        "Start Date",
        "Invoice Date",
        "Hours",
        "Rate ($/hr)",
        "Invoice Total ($)",
        "Status",
        "Paid On",
        "Description",
    ]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={
            "Start Date": "mmm d, yyyy",
            "Invoice Date": "mmm d, yyyy",
            "Paid On": "mmm d, yyyy",
            "Invoice Total ($)": '"$"#,##0.00',
            "Rate ($/hr)": '"$"#,##0',
        },
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    sd, idt, pdt = df["Start Date"], df["Invoice Date"], df["Paid On"]
    tot, hrs = df["Invoice Total ($)"], df.Hours
    desc = df.Description.fillna("")
    c(
        "how many projects have I done for Driftwood Cafe",
        "row_noun",
        int((df.Client == "Driftwood Cafe").sum()),
    )
    c("how many jobs started in 2023", "row_noun", int((sd.dt.year == 2023).sum()))
    # status
    c("how much am I still owed", "status", float(tot[df.Status == "Unpaid"].sum()))
    c(
        "which invoices are still unpaid? give me the project names",
        "status",
        sorted(df.Project[df.Status == "Unpaid"]),
        unordered=True,
    )
    # dates
    c(
        "total billed in Q2 2024",
        "dates",
        float(tot[(idt >= mkdate(2024, 4, 1)) & (idt <= mkdate(2024, 6, 30))].sum()),
    )
    c(
        "how many projects started in March 2024",
        "dates",
        int(((sd.dt.year == 2024) & (sd.dt.month == 3)).sum()),
    )
    c(
        "billing from Sept to Nov 2023",
        "dates",
        float(tot[(idt >= mkdate(2023, 9, 1)) & (idt <= mkdate(2023, 11, 30))].sum()),
    )
    c("how much did I actually receive in 2024", "dates", float(tot[pdt.dt.year == 2024].sum()))
    # quantities
    no_boundary(tot, 3000)
    c("how many jobs were over $3k", "quantities", int((tot > 3000).sum()))
    no_boundary(hrs, 10)
    c("how many projects took under 10 hours", "quantities", int((hrs < 10).sum()))
    c(
        "how many projects were charged at $100/hr or more",
        "quantities",
        int((df["Rate ($/hr)"] >= 100).sum()),
    )
    # superlative
    c(
        "biggest client by total billed",
        "superlative",
        argmax1(df.groupby("Client")["Invoice Total ($)"].sum()),
    )
    assert (df["Rate ($/hr)"] == df["Rate ($/hr)"].max()).sum() == 1
    c(
        "which client did I charge my highest hourly rate",
        "superlative",
        df.Client[df["Rate ($/hr)"].idxmax()],
    )
    c("top 3 projects by hours", "superlative", topn(df.set_index("Project").Hours, 3))
    # x_by_y
    c(
        "billing by client",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Client")["Invoice Total ($)"].sum().items()},
    )
    c(
        "hours by project type",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Type").Hours.sum().items()},
    )
    # text_match
    c(
        "how many project descriptions mention a logo",
        "text_match",
        int(desc.str.contains("logo", case=False).sum()),
    )
    m = desc.str.contains("shopify", case=False) | df.Project.str.contains("shopify", case=False)
    c("which projects involved Shopify", "text_match", sorted(df.Project[m]), unordered=True)
    # derived
    m24 = idt.dt.year == 2024
    c(
        "effective hourly rate on work invoiced in 2024",
        "derived",
        float(tot[m24].sum() / hrs[m24].sum()),
    )
    c(
        "on average how many days do clients take to pay",
        "derived",
        float((pdt - idt).dt.days.dropna().mean()),
    )
    # two_keys
    c(
        "hours logged on Bluefin Studio projects started in 2024",
        "two_keys",
        float(hrs[(df.Client == "Bluefin Studio") & (sd.dt.year == 2024)].sum()),
    )
    g = df[idt.dt.year == 2023].groupby("Type")["Invoice Total ($)"].sum()
    assert len(g) == 4
    c("billing by project type for 2023 invoices", "two_keys", {k: float(v) for k, v in g.items()})
    # plain
    c("largest single invoice", "plain", float(tot.max()))
    # clarify: invoiced vs received
    c("how much did I make in 2024", "dates", kind="clarify")
    assert "Acme website refresh" in set(df.Project)
    c("what's the date for the Acme website refresh", "plain", kind="clarify")
    # clarify: several Carter & Lowe projects at different hourly rates
    assert df.loc[df.Client == "Carter & Lowe LLP", "Rate ($/hr)"].nunique() > 1
    c("what's the rate for Carter", "plain", kind="clarify")
    # refuse
    c("what's my tax bill for 2024", "plain", kind="refuse")
    c("which client will hire me next", "superlative", kind="refuse")


# ================================================================ 10. campaigns
def campaigns(seed=1010):
    rng = random.Random(seed)
    book, sheet = "marketing_campaigns.xlsx", "Campaigns 2024"
    themes = {
        1: ["New Year Kickoff", "Winter Clearance"],
        2: ["Valentine's", "Winter Clearance"],
        3: ["Spring Sale", "Mother's Day"],
        4: ["Easter Promo", "Spring Sale"],
        5: ["Spring Sale", "Loyalty Push"],
        6: ["Summer Launch", "Father's Day"],
        7: ["Summer Launch", "Summer Sale"],
        8: ["Back to School", "Summer Sale"],
        9: ["Back to School", "Loyalty Push"],
        10: ["Halloween", "Autumn Refresh"],
        11: ["Black Friday", "Cyber Monday"],
        12: ["Holiday Gifting", "Last-Minute Gifts"],
    }
    prof = {  # budget range, impressions per $, CTR range, CVR range
        "Email": ((500, 3000), (150, 400), (0.02, 0.05), (0.03, 0.08)),
        "Paid Social": ((2000, 15000), (80, 150), (0.008, 0.018), (0.015, 0.04)),
        "Search": ((3000, 20000), (15, 40), (0.03, 0.07), (0.03, 0.06)),
        "Display": ((1500, 10000), (200, 400), (0.001, 0.004), (0.005, 0.02)),
        "Influencer": ((2000, 12000), (30, 90), (0.005, 0.015), (0.01, 0.03)),
    }
    owners = ["Leah Park", "Omar Haddad", "Nina Brandt", "Chris Ow"]
    notes = [
        "A/B test on subject line",
        "A/B test on landing page",
        "Paused mid-flight",
        "Creative refresh in week 2",
        "Lookalike audience",
        "Retargeting only",
    ]
    forced = [
        ("Black Friday", "Search", mkdate(2024, 11, 4)),
        ("Black Friday", "Email", mkdate(2024, 11, 18)),
        ("Black Friday", "Paid Social", mkdate(2024, 11, 11)),
    ]
    rows, used = [], set()
    for i in range(45):
        if i < len(forced):
            theme, ch, start = forced[i]
        else:
            start = rand_date(rng, mkdate(2024, 1, 8), mkdate(2024, 11, 25))
            if start in (mkdate(2024, 7, 1),):
                start += dt.timedelta(days=2)
            ch = rng.choices(list(prof), weights=[25, 25, 22, 15, 13])[0]
            theme = rng.choice(themes[start.month])
        end = min(start + dt.timedelta(days=rng.randint(14, 60)), mkdate(2024, 12, 31))
        if end == mkdate(2024, 7, 1):
            end += dt.timedelta(days=1)
        name = f"{theme} - {ch}"
        k = 2
        while name in used:
            name = f"{theme} - {ch} {k}"
            k += 1
        used.add(name)
        (blo, bhi), ipd, ctr, cvr = prof[ch]
        budget = rng.randint(blo // 250, bhi // 250) * 250
        spend = round(budget * rng.uniform(0.72, 1.14), 2)
        if spend == 2000:
            spend = 2003.5
        imp = int(spend * rng.uniform(*ipd))
        clicks = int(imp * rng.uniform(*ctr))
        if clicks == 10000:
            clicks = 10021
        conv = int(clicks * rng.uniform(*cvr))
        revenue = round(conv * rng.uniform(55, 120), 2)
        rows.append(
            {
                "Campaign": name,
                "Channel": ch,
                "Owner": rng.choice(owners),
                "Start Date": start,
                "End Date": end,
                "Budget ($)": budget,
                "Spend ($)": spend,
                "Impressions": imp,
                "Clicks": clicks,
                "Conversions": conv,
                "Revenue ($)": revenue,
                "Active": end >= mkdate(2024, 12, 16),
                "Notes": rng.choice(notes) if rng.random() < 0.5 else None,
            }
        )
    rows.sort(key=lambda r: (r["Start Date"], r["Campaign"]))
    headers = [
        "Campaign",
        "Channel",
        "Owner",
        "Start Date",
        "End Date",
        "Budget ($)",
        "Spend ($)",
        "Impressions",
        "Clicks",
        "Conversions",
        "Revenue ($)",
        "Active",
        "Notes",
    ]
    path = BOOKS / book
    write_sheet(
        path,
        sheet,
        headers,
        rows,
        fmts={
            "Start Date": "m/d/yyyy",
            "End Date": "m/d/yyyy",
            "Budget ($)": '"$"#,##0',
            "Spend ($)": '"$"#,##0.00',
            "Revenue ($)": '"$"#,##0.00',
            "Impressions": "#,##0",
            "Clicks": "#,##0",
        },
    )
    df = read_back(path, sheet)

    def c(*a, **k):
        case(book, sheet, *a, **k)

    sd, ed = df["Start Date"], df["End Date"]
    sp, bud, rev = df["Spend ($)"], df["Budget ($)"], df["Revenue ($)"]
    by = df.set_index("Campaign")
    notes_s = df.Notes.fillna("")
    bf = "Black Friday - Search"
    c(f"CTR for {bf}", "derived", pct(by.loc[bf, "Clicks"], by.loc[bf, "Impressions"]))
    srch = df.Channel == "Search"
    c("ROAS for search overall", "derived", float(rev[srch].sum() / sp[srch].sum()))
    c2 = df.Campaign.iloc[14]
    assert by.loc[c2, "Conversions"] > 0
    c(
        f"cost per conversion for {c2}",
        "derived",
        float(by.loc[c2, "Spend ($)"] / by.loc[c2, "Conversions"]),
    )
    c(
        "which campaign had the best return on ad spend",
        "derived",
        argmax1(by["Revenue ($)"] / by["Spend ($)"]),
    )
    c("how many campaigns went over budget", "derived", int((sp > bud).sum()))
    # dates (all campaigns are in 2024, so months without a year are unambiguous)
    c("how many campaigns launched in March", "dates", int((sd.dt.month == 3).sum()))
    c(
        "total spend for campaigns that started in H2",
        "dates",
        float(sp[sd >= mkdate(2024, 7, 1)].sum()),
    )
    no_boundary(sd, pd.Timestamp(2024, 7, 1))
    no_boundary(ed, pd.Timestamp(2024, 7, 1))
    c(
        "how many campaigns were running on 1 July",
        "dates",
        int(((sd <= mkdate(2024, 7, 1)) & (ed >= mkdate(2024, 7, 1))).sum()),
    )
    # quantities
    no_boundary(df.Clicks, 10000)
    c("how many campaigns got more than 10k clicks", "quantities", int((df.Clicks > 10000).sum()))
    no_boundary(sp, 2000)
    c("how many campaigns spent under $2,000", "quantities", int((sp < 2000).sum()))
    c(
        "how many campaigns had at least 150 conversions",
        "quantities",
        int((df.Conversions >= 150).sum()),
    )
    # x_by_y
    c(
        "spend by channel",
        "x_by_y",
        {k: float(v) for k, v in df.groupby("Channel")["Spend ($)"].sum().items()},
    )
    c(
        "conversions by owner",
        "x_by_y",
        {k: int(v) for k, v in df.groupby("Owner").Conversions.sum().items()},
    )
    # superlative
    c("top 3 campaigns by revenue", "superlative", topn(by["Revenue ($)"], 3))
    c(
        "whose campaigns brought in the most conversions in total",
        "superlative",
        argmax1(df.groupby("Owner").Conversions.sum()),
    )
    # status
    c("how many campaigns are still active", "status", int(df.Active.astype(bool).sum()))
    c(
        "total spend on inactive search campaigns",
        "status",
        float(sp[srch & ~df.Active.astype(bool)].sum()),
    )
    # text_match
    c(
        "how many campaigns have 'Black Friday' in the name",
        "text_match",
        int(df.Campaign.str.contains("Black Friday", case=False).sum()),
    )
    c(
        "how many notes mention an A/B test",
        "text_match",
        int(notes_s.str.contains("A/B test", case=False).sum()),
    )
    # two_keys
    m = (df.Channel == "Paid Social") & (sd >= mkdate(2024, 10, 1))
    assert m.sum() > 0
    c("Paid Social campaigns starting in Q4: total spend", "two_keys", float(sp[m].sum()))
    h1 = sd <= mkdate(2024, 6, 30)
    c(
        "which channel got the most clicks from campaigns started in the first half",
        "two_keys",
        argmax1(df[h1].groupby("Channel").Clicks.sum()),
    )
    # plain
    c("total impressions", "plain", int(df.Impressions.sum()))
    # clarify
    c("total for search", "plain", kind="clarify")
    c("what's our best campaign", "superlative", kind="clarify")
    # refuse
    c("what's our market share", "plain", kind="refuse")
    c("how many conversions will we get in Q1 2025", "dates", kind="refuse")


# ========================================================================== main
def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    for f in (
        gym,
        clinic,
        gradebook,
        warehouse,
        donations,
        car_rentals,
        meters,
        revenue_years,
        freelance,
        campaigns,
    ):
        f()
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(HERE / "cases.jsonl", "w", encoding="utf-8") as fh:
        for c in CASES:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    # sanity: every book opens, every case points to an existing book + sheet
    sheets = {}
    for c in CASES:
        if c["book"] not in sheets:
            sheets[c["book"]] = load_workbook(BOOKS / c["book"], read_only=True).sheetnames
        assert c["sheet"] in sheets[c["book"]], c["id"]
    print(f"wrote {len(CASES)} cases over {len(sheets)} books")


if __name__ == "__main__":
    main()
