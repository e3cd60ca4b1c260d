#!/usr/bin/env python
"""Build the held-out "everyday/test3" evaluation set.

Ten workbooks from domains the other everyday sets do not use are generated into
./books/, then ./cases.jsonl is written.  Every expected answer is computed from the
workbook as saved (read back with pandas), never typed by hand.  Deterministic: fixed
seeds, pinned workbook timestamps and zip entry dates, so two runs are byte-identical.

Conventions for expected values (the same as test2):
  * counts are ints; sums and averages are unrounded (ints when the column holds
    whole numbers only);
  * percentages are in percent units (12.5 means 12.5 %);
  * a duration from two date columns is in days;
  * per-month groups use "YYYY-MM" keys, other groups the labels as in the data
    (years and bedroom counts as strings);
  * lists are in the order asked for (top-N), or flagged "unordered".

Run:  /work/main/.venv/bin/python build.py
"""

import calendar
import collections
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
STAMP = dt.datetime(2025, 2, 3, 8, 30, 0)
CLASSES = (
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
)
FIRST = [
    "Aoife", "Bram", "Carys", "Dmitri", "Elif", "Fionn", "Greta", "Hamza", "Ingrid", "Jasper",
    "Keira", "Lorenzo", "Magnus", "Nadia", "Orla", "Pavel", "Quentin", "Rosa", "Stellan", "Tara",
    "Ulrich", "Vera", "Wen", "Ximena", "Yara", "Zeno", "Anouk", "Bilal", "Cormac", "Daria",
    "Emeka", "Farah", "Gustav", "Hana", "Idris", "Juno", "Kasper", "Lena", "Mirela", "Nikhil",
    "Oona", "Piet", "Rhys", "Saoirse", "Tobias", "Uma", "Viktor", "Willa", "Yusra", "Zofia",
]  # fmt: skip
LAST = [
    "Abbott", "Bergstrom", "Carvalho", "Duarte", "Eriksen", "Fitzgerald", "Gallagher", "Horvath",
    "Ivanova", "Jovanovic", "Keane", "Lachance", "Maddox", "Nakamura", "Oyelaran", "Petrov",
    "Quigley", "Rahman", "Sorensen", "Tanaka", "Ulloa", "Vasquez", "Whitlock", "Xu", "Yilmaz",
    "Zielinski", "Achterberg", "Brennan", "Castellano", "Delacroix", "Engel", "Foley",
    "Grunewald", "Hartmann", "Iqbal", "Jensen", "Kovacs", "Lindqvist", "Moreau", "Nwosu",
    "Ortega", "Pereira", "Rinaldi", "Santos", "Thorne", "Varga", "Walsh", "Achebe",
]  # fmt: skip
# surnames Okafor / Muller / Chen / Kim and the first name Sam are kept out of these lists:
# they are placed by hand where a case is meant to be ambiguous.


# ----------------------------------------------------------------------------- helpers
def mkdate(y, m, d):
    return dt.datetime(y, m, d)


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def add_months(day, n):
    m = day.month - 1 + n
    y, m = day.year + m // 12, m % 12 + 1
    return dt.datetime(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def person_names(rng, n):
    pool = [f"{fn} {ln}" for fn in FIRST for ln in LAST]
    return rng.sample(pool, n)


def as_plain(v):
    """numpy / pandas scalars -> plain python; refuse NaN and inf."""
    if isinstance(v, dict):
        return {str(k): as_plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [as_plain(x) for x in v]
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float):
        assert not math.isnan(v) and not math.isinf(v), "NaN/inf expected value"
    return v


def val(command, cls, expected, unordered=False):
    return {"command": command, "class": cls, "kind": "value", "expected": expected, "u": unordered}


def clar(command, cls):
    return {"command": command, "class": cls, "kind": "clarify", "expected": None, "u": False}


def ref(command, cls):
    return {"command": command, "class": cls, "kind": "refuse", "expected": None, "u": False}


def check_value(item):
    exp = item["expected"]
    assert exp is not None, item["command"]
    if isinstance(exp, (list, dict)):
        assert len(exp) > 0, item["command"]
        inner = exp.values() if isinstance(exp, dict) else exp
        for x in inner:
            assert x is not None and not (isinstance(x, float) and math.isnan(x)), item
    if isinstance(exp, str):
        assert exp.strip(), item["command"]
    if isinstance(exp, (int, float)) and not isinstance(exp, bool):
        assert exp != 0, f"zero answer is too weak a test: {item['command']}"


def make_cases(book, sheet, items):
    stem = book.removesuffix(".xlsx")
    out = []
    for n, item in enumerate(items, 1):
        assert item["class"] in CLASSES, item["class"]
        expected = as_plain(item["expected"])
        if item["kind"] == "value":
            check_value({**item, "expected": expected})
        obj = {
            "id": f"test3-{stem}-{n:02d}",
            "book": book,
            "sheet": sheet,
            "command": item["command"],
            "class": item["class"],
            "split": "test",
            "kind": item["kind"],
            "expected": expected,
        }
        if item["u"]:
            obj["unordered"] = True
        out.append(obj)
    return out


def argmax1(s):
    """label of the unique largest value of a Series (asserts there is no tie)."""
    s = s.dropna().sort_values(ascending=False)
    assert len(s) == 1 or s.iloc[0] != s.iloc[1], f"tie at max:\n{s.head()}"
    return s.index[0]


def argmin1(s):
    s = s.dropna().sort_values(ascending=True)
    assert len(s) == 1 or s.iloc[0] != s.iloc[1], f"tie at min:\n{s.head()}"
    return s.index[0]


def topn(s, n):
    """labels of the n largest values, in order (asserts the order and the cut are tie-free)."""
    s = s.dropna().sort_values(ascending=False)
    vals = list(s.iloc[: n + 1])
    assert len(set(vals[:n])) == n, f"tie inside top {n}:\n{s.head(n + 1)}"
    assert len(vals) <= n or vals[n - 1] != vals[n], f"tie at cut {n}:\n{s.head(n + 1)}"
    return list(s.index[:n])


def no_boundary(series, *cuts):
    """a threshold question must not depend on '>' versus '>='."""
    bad = series[series.isin(cuts)]
    assert bad.empty, f"value on a cut-off: {bad.tolist()}"


def unique_in(series, label):
    assert (series == label).sum() == 1, f"{label!r} is not unique"
    return label


def count(mask):
    n = int(mask.sum())
    assert n > 0
    return n


def fsum(s):
    return float(s.sum())


def ym(series):
    return series.dt.strftime("%Y-%m")


def pct(num, den):
    return float(num) / float(den) * 100.0


def int_dict(s):
    return {str(k): int(v) for k, v in s.items()}


def float_dict(s):
    return {str(k): float(v) for k, v in s.items()}


def write_book(path, sheet, headers, rows, **opts):
    """one-sheet workbook; opts: fmts, header_row, pre, post, widths."""
    fmts, widths = opts.get("fmts") or {}, opts.get("widths") or {}
    header_row = opts.get("header_row", 1)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if opts.get("pre"):
        opts["pre"](ws)
    for j, h in enumerate(headers, 1):
        ws.cell(row=header_row, column=j, value=h).font = Font(bold=True)
    for i, row in enumerate(rows, header_row + 1):
        for j, h in enumerate(headers, 1):
            v = row.get(h)
            if v is None:
                continue
            cell = ws.cell(row=i, column=j, value=v)
            if h in fmts:
                cell.number_format = fmts[h]
    if opts.get("post"):
        opts["post"](ws, header_row + 1 + len(rows))
    for j, h in enumerate(headers, 1):
        w = widths.get(h)
        if w is None:
            longest = max([len(str(h))] + [len(str(r.get(h) or "")) for r in rows[:50]])
            w = min(max(9, longest + 2), 44)
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    wb.properties.creator = "office"
    wb.properties.lastModifiedBy = "office"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    wb.save(path)
    pin_zip(path)


def pin_zip(path):
    """rewrite the saved zip with fixed entry dates and a fixed modified stamp."""
    with zipfile.ZipFile(path) as z:
        items = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, raw in items:
            data = raw
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    raw,
                )
            info = zipfile.ZipInfo(name, date_time=STAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def read_back(path, sheet, header_row=1):
    return pd.read_excel(path, sheet_name=sheet, header=header_row - 1, engine="openpyxl")


def title_rows(*lines):
    def pre(ws):
        for i, text in enumerate(lines, 1):
            ws.cell(row=i, column=1, value=text).font = Font(bold=i == 1, size=14 if i == 1 else 11)

    return pre


# ======================================================================= 1. rent roll
RENT_PROPS = {
    "Quayside Court": ("QC", 14, 2.05),
    "Elm Street Flats": ("ES", 12, 1.55),
    "Mill Lane House": ("ML", 9, 1.7),
    "Riverside Lofts": ("RL", 13, 2.25),
    "Station Yard": ("SY", 10, 1.8),
}
RENT_NOTES = [
    "Pet clause signed (cat)",
    "Pet clause signed (dog)",
    "Boiler serviced Oct 2024",
    "New boiler fitted 2023",
    "Guarantor on file",
    "Pays quarterly in advance",
    "Damp in bathroom reported",
    "Key safe installed",
    "Rent paid by housing association",
]
RENT_HEADERS = [
    "Unit",
    "Property",
    "Bedrooms",
    "Floor Area (sq ft)",
    "Tenant",
    "Lease Start",
    "Lease End",
    "Monthly Rent (£)",
    "Deposit (£)",
    "Status",
    "Parking",
    "Arrears (£)",
    "Notes",
]


def rent_unit(rng, prop, code, k, rate):
    beds = rng.choices([1, 2, 3], weights=[40, 42, 18])[0]
    lo, hi = {1: (430, 640), 2: (660, 900), 3: (910, 1220)}[beds]
    area = rng.randint(lo, hi)
    rent = round(area * rate * rng.uniform(0.92, 1.08) / 5) * 5
    if rent == 1500:
        rent = 1505
    status = rng.choices(["Let", "Vacant", "Notice Given", "Refurb"], weights=[72, 12, 9, 7])[0]
    row = {
        "Unit": f"{code}-{k:02d}",
        "Property": prop,
        "Bedrooms": beds,
        "Floor Area (sq ft)": area + (1 if area == 600 else 0),
        "Monthly Rent (£)": rent,
        "Status": status,
        "Parking": "Yes" if rng.random() < 0.4 else "No",
    }
    if status in ("Let", "Notice Given"):
        term = rng.choice([12, 12, 24])
        last = mkdate(2025, 12, 20) if term == 12 else mkdate(2026, 10, 31)
        end = rand_date(rng, mkdate(2025, 1, 10), last)
        row["Lease Start"] = add_months(end, -term) + dt.timedelta(days=1)
        row["Lease End"] = end
        row["Deposit (£)"] = round(rent * 12 / 52 * 5, 2)
        if rng.random() < 0.2:
            row["Arrears (£)"] = round(rng.uniform(60, 2400), 2)
        if rng.random() < 0.4:
            row["Notes"] = rng.choice(RENT_NOTES)
    elif status == "Refurb":
        row["Notes"] = rng.choice(["New kitchen going in", "Full redecoration", "Rewire"])
    elif rng.random() < 0.5:
        row["Notes"] = "Viewings booked"
    return row


def rent_roll():
    rng = random.Random(3101)
    book, sheet = "rent_roll.xlsx", "Rent Roll"
    rows = [
        rent_unit(rng, prop, code, k, rate)
        for prop, (code, n, rate) in RENT_PROPS.items()
        for k in range(1, n + 1)
    ]
    tenanted = [r for r in rows if "Lease Start" in r]
    names = person_names(rng, len(tenanted))
    names[4], names[27] = "Chidi Okafor", "Grace Okafor"
    for r, name in zip(tenanted, names, strict=True):
        r["Tenant"] = name
    money_cols = ["Monthly Rent (£)", "Deposit (£)", "Arrears (£)"]
    totals = {h: sum(r.get(h) or 0 for r in rows) for h in money_cols}

    def post(ws, r):
        ws.cell(row=r, column=1, value="TOTAL").font = Font(bold=True)
        for h, v in totals.items():
            cell = ws.cell(row=r, column=RENT_HEADERS.index(h) + 1, value=round(v, 2))
            cell.font = Font(bold=True)
            cell.number_format = '"£"#,##0.00'

    money = '"£"#,##0.00'
    path = BOOKS / book
    write_book(
        path,
        sheet,
        RENT_HEADERS,
        rows,
        header_row=4,
        pre=title_rows("Harbourview Lettings - Rent Roll", "Position as at 31 December 2024"),
        post=post,
        fmts={
            "Lease Start": "dd/mm/yyyy",
            "Lease End": "dd/mm/yyyy",
            "Monthly Rent (£)": money,
            "Deposit (£)": money,
            "Arrears (£)": money,
            "Floor Area (sq ft)": "#,##0",
        },
        widths={"Lease Start": 12, "Lease End": 12},
    )
    raw = read_back(path, sheet, header_row=4)
    assert raw.Unit.iloc[-1] == "TOTAL"
    df = raw.iloc[:-1].copy()
    assert len(df) == len(rows)
    df["Bedrooms"] = df.Bedrooms.astype(int)
    return make_cases(book, sheet, rent_cases(df))


def rent_cases(df):
    rent, area, beds = df["Monthly Rent (£)"], df["Floor Area (sq ft)"], df.Bedrooms
    status, notes = df.Status, df.Notes.fillna("")
    start, end = df["Lease Start"], df["Lease End"]
    let = status == "Let"
    by_unit = df.set_index("Unit")
    no_boundary(rent, 1500)
    no_boundary(area, 600)
    arrears = df.dropna(subset=["Arrears (£)"]).set_index("Tenant")["Arrears (£)"]
    u1 = df.Unit[df.Tenant.notna()].iloc[9]
    assert "Okafor" not in df.Tenant[df.Unit == u1].iloc[0]
    m_rl = (df.Property == "Riverside Lofts") & (beds == 1)
    lease_days = (end - start).dt.days
    return [
        val(
            "how many units does Quayside Court have",
            "row_noun",
            count(df.Property == "Quayside Court"),
        ),
        val("number of three-bed flats on the books", "row_noun", count(beds == 3)),
        val("how many flats are currently vacant", "status", count(status == "Vacant")),
        val(
            "which flats have tenants serving notice",
            "status",
            sorted(df.Unit[status == "Notice Given"]),
            unordered=True,
        ),
        val("monthly rent coming in from the let units", "status", int(rent[let].sum())),
        val("how many units come with a parking space", "status", count(df.Parking == "Yes")),
        val("leases finishing in 2025 - how many?", "dates", count(end.dt.year == 2025)),
        val(
            "how many tenancies began in Q1 2024",
            "dates",
            count((start >= mkdate(2024, 1, 1)) & (start <= mkdate(2024, 3, 31))),
        ),
        val(
            "how many leases run out before the end of June 2025",
            "dates",
            count(end <= mkdate(2025, 6, 30)),
        ),
        val("units renting for more than £1,500 pcm", "quantities", count(rent > 1500)),
        val("how many places are under 600 sq ft", "quantities", count(area < 600)),
        val("priciest unit on the roll", "superlative", argmax1(by_unit["Monthly Rent (£)"])),
        val("who's furthest behind with their rent", "superlative", argmax1(arrears)),
        val("vacant two-beds, how many", "two_keys", count((status == "Vacant") & (beds == 2))),
        val("avg rent for a 1 bed at Riverside Lofts", "two_keys", float(rent[m_rl].mean())),
        val("unit count per building", "x_by_y", int_dict(df.groupby("Property").size())),
        val(
            "mean rent by number of bedrooms",
            "x_by_y",
            float_dict(df.groupby("Bedrooms")["Monthly Rent (£)"].mean()),
        ),
        val(
            "how many of the notes mention a boiler",
            "text_match",
            count(notes.str.contains("boiler", case=False)),
        ),
        val(
            "which units have a pet clause",
            "text_match",
            sorted(df.Unit[notes.str.contains("pet clause", case=False)]),
            unordered=True,
        ),
        val("what's the yearly rental income from let flats", "derived", 12 * int(rent[let].sum())),
        val("average lease length in days", "derived", float(lease_days.mean())),
        val(
            "cheapest unit per square foot?",
            "derived",
            argmin1(by_unit["Monthly Rent (£)"] / by_unit["Floor Area (sq ft)"]),
        ),
        val("total deposits held", "plain", fsum(df["Deposit (£)"])),
        val(f"who rents {u1}?", "plain", df.Tenant[df.Unit == u1].iloc[0]),
        val("add up all the monthly rents", "plain", int(rent.sum())),
        clar("how much does Okafor pay", "plain"),
        clar("which block is doing best", "superlative"),
        ref("council tax band for QC-03", "plain"),
        ref("how many tenants are likely to renew next year", "status"),
    ]


# ======================================================================= 2. vet visits
VET_BREEDS = {
    "Dog": {
        "Labrador": (26, 36),
        "Cockapoo": (7, 11),
        "Border Collie": (14, 21),
        "Dachshund": (6.5, 11.5),
        "French Bulldog": (9, 13),
        "Staffordshire Bull Terrier": (13, 18),
        "Greyhound": (27, 34),
        "Jack Russell": (5.2, 7.8),
        None: (8, 28),
    },
    "Cat": {
        "Domestic Shorthair": (3.2, 5.6),
        "Maine Coon": (5.5, 8.2),
        "Siamese": (3, 4.6),
        "Ragdoll": (4.5, 7),
        None: (3, 5.5),
    },
    "Rabbit": {"Lop": (1.8, 2.8), "Netherland Dwarf": (0.9, 1.3), None: (1.3, 2.5)},
    "Guinea Pig": {None: (0.7, 1.25)},
    "Parrot": {"African Grey": (0.38, 0.52)},
}
VET_PET_NAMES = {
    "Dog": [
        "Biscuit", "Bruno", "Otis", "Rolo", "Maple", "Dexter", "Juniper", "Pickle", "Ziggy",
        "Hazel", "Nova", "Scout", "Barney", "Fudge", "Rocco", "Winnie", "Kobe", "Pip", "Bella",
        "Archie", "Toffee", "Monty",
    ],
    "Cat": [
        "Miso", "Pepper", "Luna", "Tofu", "Smudge", "Clementine", "Felix", "Nala", "Sooty",
        "Willow", "Jinx", "Mabel", "Pumpkin", "Bella", "Oscar", "Marmite",
    ],
    "Rabbit": ["Thumper", "Clover", "Bramble", "Flopsy", "Hopscotch"],
    "Guinea Pig": ["Peanut", "Squeak", "Cinnamon"],
    "Parrot": ["Kiwi"],
}  # fmt: skip
VET_REASONS = {
    "any": [
        ("Annual vaccination booster", 58, 72),
        ("Consultation - itchy skin", 48, 62),
        ("Ear infection check", 48, 64),
        ("Weight check at nurse clinic", 18, 28),
        ("Vomiting and off food", 55, 96),
    ],
    "Dog": [
        ("Limping on back leg - x-ray", 190, 340),
        ("Cut paw pad - cleaned and dressed", 55, 80),
        ("Neutering", 240, 390),
        ("Kennel cough vaccination", 38, 46),
        ("Dental scale and polish", 180, 320),
        ("Ate a sock - observation", 95, 230),
    ],
    "Cat": [
        ("Neutering", 90, 140),
        ("Abscess from a fight", 75, 130),
        ("Limping after a fall", 60, 95),
        ("Thyroid blood test", 85, 120),
        ("Dental scale and polish", 170, 290),
    ],
    "Rabbit": [("Myxo/RHD vaccination", 55, 70), ("Teeth trim", 35, 55), ("Neutering", 110, 150)],
    "Guinea Pig": [("Teeth trim", 35, 55), ("Skin mites treatment", 38, 52)],
    "Parrot": [("Beak and nail trim", 30, 45), ("Feather plucking consult", 55, 75)],
}
VETS = ["Dr Aoife Brennan", "Dr Tomas Horvat", "Dr Priya Menon", "Dr Leon Achterberg"]
VET_HEADERS = [
    "Date",
    "Pet",
    "Species",
    "Breed",
    "Owner",
    "Vet",
    "Reason for Visit",
    "Weight (kg)",
    "Fee (€)",
    "Insured",
]


def vet_pets(rng):
    pets = []
    owners = person_names(rng, 40)
    for species, names in VET_PET_NAMES.items():
        for name in names:
            breed = rng.choice(list(VET_BREEDS[species]))
            lo, hi = VET_BREEDS[species][breed]
            pets.append(
                {
                    "Pet": name,
                    "Species": species,
                    "Breed": breed,
                    "Owner": rng.choice(owners),
                    "Insured": "Yes" if rng.random() < 0.55 else "No",
                    "base": rng.uniform(lo, hi),
                }
            )
    return pets


def vet_visits():
    rng = random.Random(3202)
    book, sheet = "vet_visits.xlsx", "Visits"
    pets = vet_pets(rng)
    weights = [5 if p["Species"] in ("Dog", "Cat") else 3 for p in pets]
    rows = []
    for _ in range(112):
        pet = rng.choices(pets, weights=weights)[0]
        day = rand_date(rng, mkdate(2023, 1, 3), mkdate(2024, 12, 21))
        if day.weekday() == 6:
            day += dt.timedelta(days=1)
        reasons = VET_REASONS["any"] + VET_REASONS[pet["Species"]] * 2
        if pet["Species"] == "Parrot":
            reasons = VET_REASONS["Parrot"]
        reason, lo, hi = rng.choice(reasons)
        kg = pet["base"] * rng.uniform(0.96, 1.04)
        row = {k: pet[k] for k in ("Pet", "Species", "Breed", "Owner", "Insured")}
        row |= {
            "Date": day,
            "Vet": rng.choices(VETS, weights=[5, 4, 3, 2])[0],
            "Reason for Visit": reason,
            "Weight (kg)": round(kg, 1) if kg > 3 else round(kg, 2),
            "Fee (€)": round(rng.uniform(lo, hi), 2),
        }
        if row["Fee (€)"] == 150 or row["Weight (kg)"] == 5:
            row["Fee (€)"] += 0.35
            row["Weight (kg)"] += 0.1
        rows.append(row)
    rows.sort(key=lambda r: (r["Date"], r["Pet"]))
    path = BOOKS / book
    write_book(
        path,
        sheet,
        VET_HEADERS,
        rows,
        fmts={"Date": "d mmm yyyy", "Fee (€)": "€#,##0.00", "Weight (kg)": "0.0#"},
        widths={"Date": 13},
    )
    return make_cases(book, sheet, vet_cases(read_back(path, sheet)))


def vet_cases(df):
    d, y, sp = df.Date, df.Date.dt.year, df.Species
    fee, kg, reason = df["Fee (€)"], df["Weight (kg)"], df["Reason for Visit"]
    insured = df.Insured == "Yes"
    no_boundary(fee, 150)
    no_boundary(kg, 5)
    h2 = (d >= mkdate(2024, 1, 1)) & (d <= mkdate(2024, 6, 30))
    per_month = df[h2].groupby(ym(d[h2])).size()
    assert len(per_month) == 6
    dogs = df[sp == "Dog"]
    heavy = dogs.Pet[dogs["Weight (kg)"].idxmax()]
    assert (dogs["Weight (kg)"] == dogs["Weight (kg)"].max()).sum() == 1 and heavy != "Bella"
    assert (fee == fee.max()).sum() == 1
    pet1 = unique_in(df.drop_duplicates("Pet").Pet, "Rolo")
    bellas = df[df.Pet == "Bella"]
    assert bellas.Owner.nunique() == 2
    return [
        val("how many cat appointments did we have", "row_noun", count(sp == "Cat")),
        val("number of rabbit visits in 2024", "row_noun", count((sp == "Rabbit") & (y == 2024))),
        val("how many visits were covered by insurance", "status", count(insured)),
        val("uninsured dog visits?", "status", count(~insured & (sp == "Dog"))),
        val("appointments in March 2024", "dates", count((y == 2024) & (d.dt.month == 3))),
        val("monthly appointment counts, Jan to Jun 2024", "dates", int_dict(per_month)),
        val("how many visits cost over €150", "quantities", count(fee > 150)),
        val("how many times did we see an animal weighing under 5kg", "quantities", count(kg < 5)),
        val("which vet had the most appointments", "superlative", argmax1(df.Vet.value_counts())),
        val("what's the name of the heaviest dog we've weighed", "superlative", heavy),
        val(
            "average fee for cats in 2024",
            "two_keys",
            float(fee[(sp == "Cat") & (y == 2024)].mean()),
        ),
        val(
            "how many dog appointments did Dr Menon do",
            "two_keys",
            count((sp == "Dog") & (df.Vet == "Dr Priya Menon")),
        ),
        val("total billed per vet", "x_by_y", float_dict(df.groupby("Vet")["Fee (€)"].sum())),
        val("appointments by species", "x_by_y", int_dict(df.groupby("Species").size())),
        val(
            "how many visits were for jabs or vaccinations",
            "text_match",
            count(reason.str.contains("vaccin", case=False)),
        ),
        val(
            "which cats came in limping",
            "text_match",
            sorted(set(df.Pet[reason.str.contains("limp", case=False) & (sp == "Cat")])),
            unordered=True,
        ),
        val("what percent of appointments were dogs", "derived", pct((sp == "Dog").sum(), len(df))),
        val(
            "how much more did we bill in 2024 than in 2023",
            "derived",
            fsum(fee[y == 2024]) - fsum(fee[y == 2023]),
        ),
        val(f"who owns {pet1}?", "plain", df.Owner[df.Pet == pet1].iloc[0]),
        val("total fees charged", "plain", fsum(fee)),
        clar("how heavy is Bella", "plain"),
        clar("how many appointments in October", "dates"),
        ref("which vaccine brand did we use the most", "plain"),
        ref("how many dogs will be due a booster next year", "dates"),
    ]


# ===================================================================== 3. bike repairs
BIKE_BRANDS = {
    "Road": ["Specialized", "Trek", "Canyon", "BMC"],
    "Mountain": ["Scott", "Santa Cruz", "Trek", "Cube"],
    "Hybrid": ["Cube", "Giant", "Trek"],
    "E-bike": ["Flyer", "Stromer", "Riese & Muller", "Cube"],
    "Gravel": ["Canyon", "BMC", "Specialized"],
    "Kids": ["Woom", "Puky"],
}
BIKE_WORK = [
    ("Puncture repair, new inner tube", 0.3, 0.5, 8, 15, None),
    ("Full service", 1.6, 2.6, 20, 80, None),
    ("Brake pads replaced front and rear", 0.6, 1.0, 35, 70, None),
    ("Hydraulic brake bleed", 0.7, 1.3, 10, 25, None),
    ("New chain and cassette", 0.8, 1.2, 80, 220, None),
    ("Wheel truing, two broken spokes", 0.6, 1.5, 6, 20, None),
    ("Gear indexing and new cables", 0.7, 1.3, 15, 32, None),
    ("Tubeless conversion", 0.8, 1.2, 60, 120, ("Road", "Mountain", "Gravel")),
    ("Suspension fork service", 1.5, 2.7, 40, 95, ("Mountain",)),
    ("Motor diagnostics and firmware update", 1.0, 2.2, 0, 60, ("E-bike",)),
    ("Battery replaced", 0.5, 0.9, 480, 790, ("E-bike",)),
    ("Stabilisers fitted", 0.3, 0.5, 25, 35, ("Kids",)),
]
BIKE_MECHANICS = ["Luca Ferri", "Mia Sutter", "Noah Keller", "Elif Demir"]
BIKE_HEADERS = [
    "Job No",
    "Customer",
    "Bike Type",
    "Brand",
    "Dropped Off",
    "Collected",
    "Status",
    "Mechanic",
    "Work Done",
    "Labour (h)",
    "Rate (CHF/h)",
    "Parts (CHF)",
    "Loan Bike",
]


def bike_job(rng, customer, drop):
    kind = rng.choices(list(BIKE_BRANDS), weights=[20, 18, 30, 16, 10, 6])[0]
    work = [w for w in BIKE_WORK if w[5] is None or kind in w[5]]
    if kind == "Kids":
        work = [w for w in work if w[3] < 40]
    desc, hlo, hhi, plo, phi, _ = rng.choice(work)
    hours = round(rng.uniform(hlo, hhi), 1)
    if hours == 2.0:
        hours = 2.1
    parts = round(rng.uniform(plo, phi) * 20) / 20
    if parts == 100:
        parts = 104.5
    if drop.weekday() == 6:
        drop -= dt.timedelta(days=2)
    row = {
        "Customer": customer,
        "Bike Type": kind,
        "Brand": rng.choice(BIKE_BRANDS[kind]),
        "Dropped Off": drop,
        "Mechanic": rng.choices(BIKE_MECHANICS, weights=[5, 4, 4, 2])[0],
        "Work Done": desc,
        "Labour (h)": hours,
        "Rate (CHF/h)": 120 if kind == "E-bike" else rng.choice([95, 95, 95, 110]),
        "Parts (CHF)": parts,
        "Loan Bike": "Yes" if rng.random() < 0.2 else "No",
    }
    if drop >= mkdate(2024, 11, 20):
        row["Status"] = rng.choice(
            ["Booked In", "In Progress", "Waiting for Parts", "Ready for Collection"]
        )
    elif drop >= mkdate(2024, 10, 20) and rng.random() < 0.3:
        row["Status"] = rng.choice(["Waiting for Parts", "Ready for Collection"])
    else:
        row["Status"] = "Collected"
        wait = rng.randint(1, 6) if rng.random() < 0.8 else rng.randint(7, 21)
        row["Collected"] = drop + dt.timedelta(days=wait)
    return row


def bike_repairs():
    rng = random.Random(3303)
    book, sheet = "bike_repairs.xlsx", "Jobs"
    customers = person_names(rng, 70)
    days = [rand_date(rng, mkdate(2023, 3, 1), mkdate(2024, 11, 19)) for _ in range(74)]
    days += [rand_date(rng, mkdate(2024, 11, 20), mkdate(2024, 12, 20)) for _ in range(12)]
    rows = [bike_job(rng, rng.choice(customers), day) for day in days]
    muller = [r for r in rows if r["Status"] == "Collected"]
    muller[10]["Customer"], muller[40]["Customer"] = "Jonas Muller", "Petra Muller"
    rows.sort(key=lambda r: (r["Dropped Off"], r["Customer"]))
    for i, r in enumerate(rows):
        r["Job No"] = f"J-{2301 + i}"
    path = BOOKS / book
    chf = '"CHF "#,##0.00'
    write_book(
        path,
        sheet,
        BIKE_HEADERS,
        rows,
        fmts={
            "Dropped Off": "dd.mm.yyyy",
            "Collected": "dd.mm.yyyy",
            "Parts (CHF)": chf,
            "Rate (CHF/h)": chf,
            "Labour (h)": "0.0",
        },
        widths={"Dropped Off": 12, "Collected": 12},
    )
    return make_cases(book, sheet, bike_cases(read_back(path, sheet)))


def bike_cases(df):
    drop, coll, st = df["Dropped Off"], df.Collected, df.Status
    hours, parts, kind = df["Labour (h)"], df["Parts (CHF)"], df["Bike Type"]
    labour = hours * df["Rate (CHF/h)"]
    turnaround = (coll - drop).dt.days
    by_job = df.set_index("Job No")
    no_boundary(hours, 2.0)
    no_boundary(parts, 100)
    q2 = (drop >= mkdate(2024, 4, 1)) & (drop <= mkdate(2024, 6, 30))
    q2_months = df[q2].groupby(ym(drop[q2])).size()
    assert len(q2_months) == 3
    assert (parts == parts.max()).sum() == 1
    j1, j2 = df["Job No"].iloc[17], df["Job No"].iloc[52]
    j1_total = float(labour.iloc[17] + parts.iloc[17])
    desc = df["Work Done"]
    return [
        val("how many e-bikes have come in for repair", "row_noun", count(kind == "E-bike")),
        val("jobs Mia has worked on - how many?", "row_noun", count(df.Mechanic == "Mia Sutter")),
        val(
            "how many bikes are stuck waiting on parts", "status", count(st == "Waiting for Parts")
        ),
        val(
            "whose bikes are ready to pick up?",
            "status",
            sorted(df.Customer[st == "Ready for Collection"]),
            unordered=True,
        ),
        val("how many customers got a courtesy bike", "status", count(df["Loan Bike"] == "Yes")),
        val("bikes collected during 2023, how many", "dates", count(coll.dt.year == 2023)),
        val("jobs booked in each month of Q2 2024", "dates", int_dict(q2_months)),
        val("jobs with over 2 hours of labour", "quantities", count(hours > 2)),
        val(
            "repairs where the parts came to more than 100 francs", "quantities", count(parts > 100)
        ),
        val(
            "which mechanic has clocked the most hours",
            "superlative",
            argmax1(df.groupby("Mechanic")["Labour (h)"].sum()),
        ),
        val("biggest parts bill - which customer?", "superlative", df.Customer[parts.idxmax()]),
        val(
            "mountain bike jobs in 2024?",
            "two_keys",
            count((kind == "Mountain") & (drop.dt.year == 2024)),
        ),
        val(
            "how many road bikes has Luca fixed",
            "two_keys",
            count((kind == "Road") & (df.Mechanic == "Luca Ferri")),
        ),
        val(
            "labour hours per mechanic",
            "x_by_y",
            float_dict(df.groupby("Mechanic")["Labour (h)"].sum()),
        ),
        val(
            "average parts cost for each type of bike",
            "x_by_y",
            float_dict(df.groupby("Bike Type")["Parts (CHF)"].mean()),
        ),
        val(
            "how many jobs were punctures",
            "text_match",
            count(desc.str.contains("puncture", case=False)),
        ),
        val(
            "how many brake jobs have we done",
            "text_match",
            count(desc.str.contains("brake", case=False)),
        ),
        val("total labour charged", "derived", fsum(labour)),
        val(
            "average turnaround in days for bikes that have been collected",
            "derived",
            float(turnaround.mean()),
        ),
        val(f"what did {j1} come to, labour plus parts", "derived", j1_total),
        val(
            "which job sat with us longest before it was collected",
            "derived",
            argmax1(pd.Series(turnaround.values, index=df["Job No"])),
        ),
        val(f"whose bike is {j2}", "plain", by_job.loc[j2, "Customer"]),
        clar("when did Muller pick up the bike", "plain"),
        clar("what's our biggest job", "superlative"),
        ref(f"phone number for the customer on {j2}", "plain"),
        ref("how many services will we do next April", "dates"),
    ]


# ============================================================ 4. conference attendees
CONF_COMPANIES = {
    "Northwind Analytics": "northwind.com",
    "Bluefin Labs": "bluefinlabs.io",
    "Quarry Systems": "quarrysys.com",
    "Helix Health": "helixhealth.org",
    "Copperleaf Bank": "copperleaf.com",
    "Orbital Labs": "orbitallabs.ai",
    "Pinecone Media": "pinecone-media.com",
    "Tidewater Insurance": "tidewater.com",
    "Vantage Retail Group": "vantageretail.com",
    "Greystone University": "greystone.edu",
    "Lakeside College": "lakeside.edu",
    "Kestrel Logistics": "kestrel-log.com",
    "Marlow & Finch": "marlowfinch.co.uk",
    "Fjord Data": "fjorddata.no",
    "Sakura Robotics": "sakura-robotics.jp",
    "Rio Verde Energia": "rioverde.com.br",
}
CONF_COUNTRIES = {
    "USA": 34,
    "Canada": 12,
    "UK": 14,
    "Germany": 11,
    "Netherlands": 7,
    "India": 8,
    "Brazil": 5,
    "Japan": 5,
    "Norway": 4,
}
CONF_HEADERS = [
    "Badge ID",
    "Full Name",
    "Company",
    "Country",
    "Email",
    "Ticket Type",
    "Price Paid ($)",
    "Registered On",
    "Checked In",
    "Sessions Attended",
    "Workshop",
    "Dietary Requirements",
]


def conf_attendee(rng, name):
    company = rng.choice(list(CONF_COMPANIES))
    reg = rand_date(rng, mkdate(2023, 11, 6), mkdate(2024, 10, 11))
    roll = rng.random()
    student = CONF_COMPANIES[company].endswith(".edu") and roll < 0.8
    if student:
        ticket, price = "Student", 149.0
    elif roll < 0.08:
        ticket, price = "Speaker", 0.0
    elif roll < 0.16:
        ticket, price = "Sponsor", 0.0
    elif reg <= mkdate(2024, 5, 31) and roll < 0.8:
        ticket, price = "Early Bird", 399.0
    else:
        ticket, price = "Standard", 549.0
    if price > 0 and ticket != "Student" and rng.random() < 0.15:
        price = round(price * 0.9, 2)  # group booking discount
    checked = rng.random() < (0.97 if ticket in ("Speaker", "Sponsor") else 0.84)
    sessions = rng.randint(2, 13) if checked else None
    if sessions == 10:
        sessions = 9
    first, last = name.split(" ", 1)
    return {
        "Full Name": name,
        "Company": company,
        "Country": rng.choices(list(CONF_COUNTRIES), weights=list(CONF_COUNTRIES.values()))[0],
        "Email": f"{first[0].lower()}.{last.lower()}@{CONF_COMPANIES[company]}",
        "Ticket Type": ticket,
        "Price Paid ($)": price,
        "Registered On": reg,
        "Checked In": checked,
        "Sessions Attended": sessions,
        "Workshop": rng.choice(["Intro to dbt", "Data Viz Clinic", "LLMs in Production", None]),
        "Dietary Requirements": rng.choices(
            [None, "Vegetarian", "Vegan", "Gluten-free", "Halal"], weights=[62, 18, 8, 7, 5]
        )[0],
    }


def conference():
    rng = random.Random(3404)
    book, sheet = "conference_attendees.xlsx", "Attendees"
    names = person_names(rng, 104)
    names[12], names[71] = "Wei Chen", "Lina Chen"
    rows = [conf_attendee(rng, n) for n in names]
    rows.sort(key=lambda r: (r["Registered On"], r["Full Name"]))
    for i, r in enumerate(rows):
        r["Badge ID"] = f"DCS24-{i + 1:03d}"
    path = BOOKS / book
    write_book(
        path,
        sheet,
        CONF_HEADERS,
        rows,
        fmts={"Registered On": "mm/dd/yyyy", "Price Paid ($)": '"$"#,##0.00'},
        widths={"Registered On": 14},
    )
    return make_cases(book, sheet, conf_cases(read_back(path, sheet)))


def conf_cases(df):
    reg, price, ticket = df["Registered On"], df["Price Paid ($)"], df["Ticket Type"]
    came, country = df["Checked In"].astype(bool), df.Country
    diet, sessions = df["Dietary Requirements"], df["Sessions Attended"]
    assert df["Checked In"].dtype == bool
    no_boundary(price, 500)
    no_boundary(sessions, 10)
    h1 = (reg >= mkdate(2024, 1, 1)) & (reg <= mkdate(2024, 6, 30))
    h1_months = df[h1].groupby(ym(reg[h1])).size()
    assert len(h1_months) == 6
    first = df["Full Name"][reg.idxmin()]
    assert (reg == reg.min()).sum() == 1
    who = df["Full Name"].iloc[40]
    paid = price[price > 0]
    return [
        val("how many attendees are coming from Canada", "row_noun", count(country == "Canada")),
        val("how many speakers have we got", "row_noun", count(ticket == "Speaker")),
        val("how many no-shows were there", "status", count(~came)),
        val("how many students actually turned up", "status", count(came & (ticket == "Student"))),
        val(
            "which early-bird ticket holders didn't turn up",
            "status",
            sorted(df["Full Name"][~came & (ticket == "Early Bird")]),
            unordered=True,
        ),
        val("registrations received in 2023", "dates", count(reg.dt.year == 2023)),
        val("sign-ups per month Jan-Jun 2024", "dates", int_dict(h1_months)),
        val("how many people paid more than $500", "quantities", count(price > 500)),
        val(
            "how many attendees went to more than ten sessions", "quantities", count(sessions > 10)
        ),
        val(
            "which company sent the most people", "superlative", argmax1(df.Company.value_counts())
        ),
        val("who registered first", "superlative", first),
        val(
            "how many Americans came on early bird tickets",
            "two_keys",
            count((country == "USA") & (ticket == "Early Bird")),
        ),
        val(
            "vegetarians booked onto the Data Viz Clinic",
            "two_keys",
            count((diet == "Vegetarian") & (df.Workshop == "Data Viz Clinic")),
        ),
        val(
            "ticket revenue per ticket type",
            "x_by_y",
            float_dict(df.groupby("Ticket Type")["Price Paid ($)"].sum()),
        ),
        val("headcount by country", "x_by_y", int_dict(df.groupby("Country").size())),
        val(
            "how many attendees have a .edu email address",
            "text_match",
            count(df.Email.str.endswith(".edu")),
        ),
        val(
            "people from companies with Labs in the name - how many",
            "text_match",
            count(df.Company.str.contains("Labs")),
        ),
        val("no-show rate as a percentage", "derived", pct((~came).sum(), len(df))),
        val("average price paid, ignoring the free tickets", "derived", float(paid.mean())),
        val(f"which company is {who} with", "plain", df.Company.iloc[40]),
        val("how many people have a dietary requirement", "plain", count(diet.notna())),
        clar("what ticket did Chen buy", "plain"),
        clar("which is the biggest group", "superlative"),
        ref("which talk got the best feedback score", "superlative"),
        ref(f"what hotel is {who} staying at", "plain"),
    ]


# ====================================================================== 5. coffee roasts
COFFEE_ORIGINS = {
    "Ethiopia": (["Washed", "Natural"], ["blueberry", "jasmine", "lemon", "bergamot", "peach"]),
    "Kenya": (["Washed"], ["blackcurrant", "grapefruit", "tomato", "brown sugar"]),
    "Colombia": (["Washed", "Honey"], ["caramel", "red apple", "milk chocolate", "orange"]),
    "Brazil": (["Natural", "Honey"], ["chocolate", "hazelnut", "peanut", "cocoa"]),
    "Guatemala": (["Washed", "Honey"], ["cocoa", "orange", "brown sugar", "almond"]),
    "Sumatra": (["Wet-hulled"], ["earthy", "dark chocolate", "cedar", "tobacco"]),
}
COFFEE_LEVEL = {
    "Light": (0.115, 9.6, 11.6, 199, 207),
    "Medium": (0.135, 10.8, 13.4, 207, 215),
    "Dark": (0.165, 12.4, 15.2, 216, 229),
}
COFFEE_HEADERS = [
    "Batch",
    "Roast Date",
    "Origin",
    "Process",
    "Roast Level",
    "Green Weight (kg)",
    "Roasted Weight (kg)",
    "Roast Time (min)",
    "Drop Temp (°C)",
    "Roaster",
    "Cupping Score",
    "QC",
    "Tasting Notes",
]


def coffee_batch(rng, day):
    origin = rng.choices(list(COFFEE_ORIGINS), weights=[24, 14, 20, 22, 12, 8])[0]
    processes, flavours = COFFEE_ORIGINS[origin]
    if origin in ("Sumatra", "Brazil"):
        level = rng.choice(["Medium", "Dark", "Dark"])
    elif origin in ("Ethiopia", "Kenya"):
        level = rng.choice(["Light", "Light", "Medium"])
    else:
        level = rng.choice(["Light", "Medium", "Medium", "Dark"])
    loss, tlo, thi, dlo, dhi = COFFEE_LEVEL[level]
    green = rng.choice([6, 8, 10, 12.5, 15, 18, 22.5])
    minutes = round(rng.uniform(tlo, thi), 1)
    score = rng.randint(322, 358) / 4 - (1.5 if level == "Dark" else 0)
    if score in (86, 86.25):
        score += 0.5
    row = {
        "Roast Date": day,
        "Origin": origin,
        "Process": rng.choice(processes),
        "Roast Level": level,
        "Green Weight (kg)": green,
        "Roasted Weight (kg)": round(green * (1 - loss * rng.uniform(0.93, 1.07)), 2),
        "Roast Time (min)": 13.1 if minutes == 13.0 else minutes,
        "Drop Temp (°C)": rng.randint(dlo, dhi),
        "Roaster": rng.choices(["Hana Sato", "Idris Bello", "Kasper Lund"], weights=[5, 3, 2])[0],
        "Cupping Score": score if rng.random() < 0.88 else None,
        "QC": "Fail" if rng.random() < 0.07 else "Pass",
        "Tasting Notes": ", ".join(rng.sample(flavours, 3 if rng.random() < 0.5 else 2)),
    }
    if day >= mkdate(2024, 11, 27):
        row["QC"], row["Cupping Score"] = "Pending", None
    return row


def coffee_roasts():
    rng = random.Random(3505)
    book, sheet = "coffee_roasts.xlsx", "Roast Log"
    days = []
    for _ in range(94):
        day = rand_date(rng, mkdate(2023, 1, 4), mkdate(2024, 12, 19))
        days.append(day - dt.timedelta(days=max(0, day.weekday() - 4)))
    rows = [coffee_batch(rng, day) for day in sorted(days)]
    seq = collections.Counter()
    for r in rows:
        yy = r["Roast Date"].year % 100
        seq[yy] += 1
        r["Batch"] = f"R{yy}-{seq[yy]:03d}"
    path = BOOKS / book
    write_book(
        path,
        sheet,
        COFFEE_HEADERS,
        rows,
        fmts={"Roast Date": "yyyy-mm-dd", "Cupping Score": "0.00"},
        widths={"Roast Date": 12},
    )
    return make_cases(book, sheet, coffee_cases(read_back(path, sheet)))


def coffee_cases(df):
    d, origin, level = df["Roast Date"], df.Origin, df["Roast Level"]
    green, roasted = df["Green Weight (kg)"], df["Roasted Weight (kg)"]
    score, minutes, notes = df["Cupping Score"], df["Roast Time (min)"], df["Tasting Notes"]
    lost = green - roasted
    by_batch = df.set_index("Batch")
    no_boundary(score, 86)
    no_boundary(minutes, 13)
    no_boundary(green, 20)
    b1 = df.Batch.iloc[33]
    m_eth = (origin == "Ethiopia") & (df.Process == "Natural")
    m_bra = (origin == "Brazil") & (df.Process == "Natural")
    blueberry = notes.str.contains("blueberry", case=False)
    choc = notes.str.contains("chocolate", case=False)
    return [
        val("how many Kenyan roasts have we done", "row_noun", count(origin == "Kenya")),
        val("number of dark roast batches", "row_noun", count(level == "Dark")),
        val("batches that failed QC", "status", count(df.QC == "Fail")),
        val(
            "how many batches are still waiting on a QC result", "status", count(df.QC == "Pending")
        ),
        val(
            "kilos of green coffee that went into the roaster during 2024",
            "dates",
            fsum(green[d.dt.year == 2024]),
        ),
        val("batches scoring above 86", "quantities", count(score > 86)),
        val("roasts that took longer than 13 minutes", "quantities", count(minutes > 13)),
        val(
            "how many batches started with more than 20kg of green beans",
            "quantities",
            count(green > 20),
        ),
        val(
            "which origin cups best on average",
            "superlative",
            argmax1(df.groupby("Origin")["Cupping Score"].mean()),
        ),
        val("who has roasted the most batches", "superlative", argmax1(df.Roaster.value_counts())),
        val("how many natural process Ethiopians", "two_keys", count(m_eth)),
        val("average cupping score for Brazil naturals", "two_keys", float(score[m_bra].mean())),
        val(
            "roasted output in kg for each origin",
            "x_by_y",
            float_dict(df.groupby("Origin")["Roasted Weight (kg)"].sum()),
        ),
        val(
            "average roast time per roast level",
            "x_by_y",
            float_dict(df.groupby("Roast Level")["Roast Time (min)"].mean()),
        ),
        val(
            "any roasts with blueberry in the cupping notes? how many",
            "text_match",
            count(blueberry),
        ),
        val(
            "which origins have chocolate among their tasting notes",
            "text_match",
            sorted(set(origin[choc])),
            unordered=True,
        ),
        val("total weight lost in roasting, in kg", "derived", fsum(lost)),
        val(
            "overall weight loss as a percentage of the green weight",
            "derived",
            pct(lost.sum(), green.sum()),
        ),
        val(
            "which batch lost the most weight",
            "derived",
            argmax1(pd.Series(lost.values, index=df.Batch)),
        ),
        val(f"origin of batch {b1}?", "plain", by_batch.loc[b1, "Origin"]),
        val("how many batches haven't been cupped yet", "plain", count(score.isna())),
        clar("how much coffee did we roast in 2024", "dates"),
        clar("average weight per batch", "plain"),
        ref("what's the retail price of a 250g bag", "plain"),
        ref(f"which cafe bought batch {b1}", "plain"),
    ]


# =================================================================== 6. museum visitors
MONTHS = list(calendar.month_name)[1:]
MUSEUM_VENUES = [
    ("Northgate Art Gallery", "Wexley", "Art", "Yes"),
    ("Riverside Gallery of Modern Art", "Ashby", "Art", "No"),
    ("Lantern Street Gallery", "Ashby", "Art", "Yes"),
    ("The Foundry Gallery", "Corran", "Art", "Yes"),
    ("Kingsbridge Portrait Gallery", "Kingsbridge", "Art", "No"),
    ("Wexley Museum of Local Life", "Wexley", "History", "Yes"),
    ("Harbour Maritime Museum", "Porthallow", "History", "No"),
    ("Railway Heritage Museum", "Ashby", "History", "No"),
    ("Coal and Iron Museum", "Corran", "History", "Yes"),
    ("Regimental Museum", "Kingsbridge", "History", "Yes"),
    ("Old Gaol Museum", "Wexley", "History", "No"),
    ("Town Hall Archive Rooms", "Porthallow", "History", "Yes"),
    ("Discovery Science Centre", "Ashby", "Science", "No"),
    ("Planetarium and Space Centre", "Corran", "Science", "No"),
    ("Museum of Engineering", "Kingsbridge", "Science", "Yes"),
    ("Hands-On Science Hub", "Wexley", "Science", "No"),
    ("Clockmakers' Museum", "Porthallow", "Science", "Yes"),
    ("County Natural History Museum", "Ashby", "Natural History", "Yes"),
    ("Fossil Coast Museum", "Porthallow", "Natural History", "No"),
    ("Butterfly House", "Corran", "Natural History", "No"),
    ("Dunmore Castle", "Kingsbridge", "Heritage Site", "No"),
    ("Ravensworth Castle", "Corran", "Heritage Site", "No"),
    ("Abbey Ruins", "Wexley", "Heritage Site", "Yes"),
    ("Roman Villa", "Ashby", "Heritage Site", "No"),
    ("Tudor Manor House", "Kingsbridge", "Heritage Site", "No"),
    ("Windmill Farm", "Corran", "Heritage Site", "No"),
    ("Lighthouse Visitor Centre", "Porthallow", "Heritage Site", "No"),
    ("Mill Lane Print Gallery", "Porthallow", "Art", "Yes"),
    ("Toy and Childhood Museum", "Kingsbridge", "History", "No"),
    ("Botanic Glasshouses", "Wexley", "Natural History", "Yes"),
    ("Bishop's Palace", "Wexley", "Heritage Site", "No"),
    ("Textile Mill Museum", "Ashby", "History", "No"),
]
MUSEUM_SEASON = {
    "indoor": [0.85, 0.95, 0.9, 1.12, 0.95, 0.85, 1.15, 1.35, 0.8, 1.02, 0.92, 1.07],
    "outdoor": [0.35, 0.5, 0.7, 1.15, 1.2, 1.3, 1.6, 1.8, 1.1, 0.9, 0.45, 0.62],
}
MUSEUM_CLOSED = {"Old Gaol Museum": ("January", "February"), "Windmill Farm": ("January",)}


def museum_visitors():
    rng = random.Random(3606)
    book, sheet = "museum_visitors.xlsx", "Visitors 2024"
    rows = []
    for venue, town, kind, free in MUSEUM_VENUES:
        season = MUSEUM_SEASON["outdoor" if kind == "Heritage Site" else "indoor"]
        base = rng.randint(900, 9500) * (1.25 if free == "Yes" else 1)
        row = {"Venue": venue, "Town": town, "Type": kind, "Free Entry": free}
        for month, s in zip(MONTHS, season, strict=True):
            v = int(base * s * rng.uniform(0.88, 1.12))
            if v in (4000, 5000):
                v += 13
            if month not in MUSEUM_CLOSED.get(venue, ()):
                row[month] = v
        rows.append(row)
    headers = ["Venue", "Town", "Type", "Free Entry", *MONTHS]
    path = BOOKS / book
    write_book(
        path,
        sheet,
        headers,
        rows,
        fmts=dict.fromkeys(MONTHS, "#,##0"),
        widths=dict.fromkeys(MONTHS, 10),
    )
    df = read_back(path, sheet)
    assert list(df.columns[4:]) == MONTHS
    return make_cases(book, sheet, museum_cases(df))


def museum_cases(df):
    by = df.set_index("Venue")
    tot = df[MONTHS].sum()
    kind, free = df.Type, df["Free Entry"] == "Yes"
    v1, v2, v3, v4 = (
        "Harbour Maritime Museum",
        "Roman Villa",
        "Discovery Science Centre",
        "Lighthouse Visitor Centre",
    )
    assert by.loc[[v1, v2, v3, v4], MONTHS].notna().all().all()
    no_boundary(df.December, 5000)
    no_boundary(by.loc[v4, MONTHS], 4000)
    assert df.June.notna().all() and df.July.notna().all()
    assert (df.November != df.October).all() and (df.November != df.December).all()
    return [
        val("total visitors in August", "month_column", int(df.August.sum())),
        val("which venue had the biggest July", "month_column", argmax1(by.July)),
        val(
            "visitor numbers for the first quarter, all venues together",
            "month_column",
            int(df[MONTHS[:3]].sum().sum()),
        ),
        val(
            "how many venues welcomed over 5,000 people in December",
            "month_column",
            count(df.December > 5000),
        ),
        val(f"{v1} in October?", "month_column", int(by.loc[v1, "October"])),
        val(f"{v1} - full year total", "month_column", int(by.loc[v1, MONTHS].sum())),
        val("busiest month across the whole network", "month_column", argmax1(tot)),
        val(
            "May visitors split by type of venue",
            "month_column",
            int_dict(df.groupby("Type").May.sum()),
        ),
        val(
            f"how much did {v2} grow from January to August",
            "month_column",
            int(by.loc[v2, "August"] - by.loc[v2, "January"]),
        ),
        val(
            "summer holiday footfall (July + August) at the heritage sites",
            "month_column",
            int(df.loc[kind == "Heritage Site", ["July", "August"]].sum().sum()),
        ),
        val(
            "average April attendance at the science venues",
            "month_column",
            float(df.April[kind == "Science"].mean()),
        ),
        val("quietest venue in June", "month_column", argmin1(by.June)),
        val("top three venues for September", "month_column", topn(by.September, 3)),
        val(
            "which venues were busier in November than in December",
            "month_column",
            sorted(df.Venue[df.November > df.December]),
            unordered=True,
        ),
        val(
            "second-half-of-year visitors at the art galleries",
            "month_column",
            int(df.loc[kind == "Art", MONTHS[6:]].sum().sum()),
        ),
        val(
            f"in how many months did {v4} get more than 4000 visitors",
            "month_column",
            count(by.loc[v4, MONTHS] > 4000),
        ),
        val("how many venues charge for admission", "status", count(~free)),
        val(
            "annual visitors at the free-entry venues",
            "status",
            int(df.loc[free, MONTHS].sum().sum()),
        ),
        val("how many heritage sites are on the list", "row_noun", count(kind == "Heritage Site")),
        val("venues per town", "x_by_y", int_dict(df.groupby("Town").size())),
        val(
            "what percentage of the year's visitors came in July and August",
            "derived",
            pct(tot[["July", "August"]].sum(), tot.sum()),
        ),
        val(f"average monthly visitors at {v3}", "derived", float(by.loc[v3, MONTHS].mean())),
        val("grand total of visitors for 2024", "plain", int(tot.sum())),
        val(
            "count the venues with 'Museum' in their name",
            "text_match",
            count(df.Venue.str.contains("Museum")),
        ),
        clar("Castle visitors in May", "month_column"),
        clar("average visitors at the galleries", "month_column"),
        ref("visitor figures for January 2025", "month_column"),
        ref("how much did the gift shops take in August", "month_column"),
    ]


# ================================================================= 7. tourism arrivals
YEARS = list(range(2015, 2025))
TOURISM_REGIONS = [
    ("Andalusia", "Spain", 11),
    ("Catalonia", "Spain", 17),
    ("Balearic Islands", "Spain", 12),
    ("Canary Islands", "Spain", 13),
    ("Valencia Region", "Spain", 7),
    ("Tuscany", "Italy", 7),
    ("Veneto", "Italy", 10),
    ("Lombardy", "Italy", 8),
    ("Sicily", "Italy", 2.5),
    ("Amalfi Coast", "Italy", 1.8),
    ("Crete", "Greece", 4.5),
    ("Attica", "Greece", 5),
    ("South Aegean", "Greece", 3.8),
    ("Ionian Islands", "Greece", 1.6),
    ("Algarve", "Portugal", 4),
    ("Lisbon Region", "Portugal", 5),
    ("Madeira", "Portugal", 1.4),
    ("Silver Coast", "Portugal", 0.6),
    ("Provence", "France", 5.5),
    ("Brittany", "France", 1.9),
    ("Normandy", "France", 2.2),
    ("Occitanie", "France", 3.5),
    ("Tyrol", "Austria", 5.6),
    ("Salzburg Land", "Austria", 2.8),
    ("Vienna", "Austria", 5.6),
    ("Dalmatian Coast", "Croatia", 3.2),
    ("Istria", "Croatia", 3.3),
    ("Bavaria", "Germany", 9),
    ("Berlin", "Germany", 5),
    ("Graubunden", "Switzerland", 1.7),
    ("Valais", "Switzerland", 1.9),
    ("Lake Bled Region", "Slovenia", 0.5),
]
TOURISM_LATE = {"Silver Coast": 2017, "Lake Bled Region": 2017, "Ionian Islands": 2016}


def tourism_row(rng, region, country, size):
    v = size * 1_000_000 * rng.uniform(0.95, 1.05)
    row = {"Region": region, "Country": country}
    for yr in YEARS:
        if yr <= 2019:
            v *= 1 + rng.uniform(0.01, 0.07)
            pre = v
        elif yr == 2020:
            v = pre * rng.uniform(0.22, 0.45)
        elif yr == 2021:
            v *= rng.uniform(1.15, 1.9)
        elif yr == 2022:
            v = pre * rng.uniform(0.72, 0.96)
        elif yr == 2023:
            v = pre * rng.uniform(0.93, 1.1)
        else:
            v *= rng.uniform(0.98, 1.09)
        n = round(v / 100) * 100
        if n == 5_000_000:
            n += 1200
        if yr >= TOURISM_LATE.get(region, 0):
            row[yr] = n
    return row


def tourism():
    rng = random.Random(3707)
    book, sheet = "tourism_arrivals.xlsx", "Arrivals"
    rows = [tourism_row(rng, *spec) for spec in TOURISM_REGIONS]
    path = BOOKS / book
    write_book(
        path,
        sheet,
        ["Region", "Country", *YEARS],
        rows,
        fmts=dict.fromkeys(YEARS, "#,##0"),
        widths=dict.fromkeys(YEARS, 12),
    )
    df = read_back(path, sheet)
    assert list(df.columns[2:]) == YEARS
    return make_cases(book, sheet, tourism_cases(df))


def tourism_cases(df):
    by = df.set_index("Region")
    tot = df[YEARS].sum()
    r1, r2, r3, r4, r5, r6 = "Algarve", "Tyrol", "Crete", "Normandy", "Istria", "Bavaria"
    no_boundary(df[2024], 5_000_000)
    assert (df[2023] != df[2019]).all()
    assert by.loc[[r1, r2, r3, r4, r5, r6], YEARS].notna().all().all()
    spain = df.Country == "Spain"
    country_2016 = df.groupby("Country")[2016].sum()
    return [
        val("total arrivals in 2019", "wide_years", int(df[2019].sum())),
        val("which region drew the most visitors in 2018", "wide_years", argmax1(by[2018])),
        val(
            f"how far did {r1} fall from 2019 to 2020, in percent",
            "wide_years",
            pct(by.loc[r1, 2020] - by.loc[r1, 2019], by.loc[r1, 2019]),
        ),
        val(
            "how many regions had more than five million arrivals in 2024",
            "wide_years",
            count(df[2024] > 5_000_000),
        ),
        val(
            "how many regions were back above their 2019 level in 2023",
            "wide_years",
            count(df[2023] > df[2019]),
        ),
        val("Italy's total for 2022", "wide_years", int(df.loc[df.Country == "Italy", 2022].sum())),
        val(
            "combined 2024 arrivals for the Spanish regions",
            "wide_years",
            int(df.loc[spain, 2024].sum()),
        ),
        val(f"{r2}'s peak year", "wide_years", str(argmax1(by.loc[r2, YEARS].astype(float)))),
        val("which year was the low point overall", "wide_years", str(argmin1(tot))),
        val(
            "which region lost the most visitors between 2019 and 2020",
            "wide_years",
            argmax1(by[2019] - by[2020]),
        ),
        val("top 5 regions in 2024", "wide_years", topn(by[2024], 5)),
        val("how many regions have no figure for 2015", "wide_years", count(df[2015].isna())),
        val(
            f"{r3} arrivals 2015 through 2019 added up",
            "wide_years",
            int(by.loc[r3, YEARS[:5]].sum()),
        ),
        val(
            "year-on-year growth in total arrivals for 2024, in percent",
            "wide_years",
            pct(tot[2024] - tot[2023], tot[2023]),
        ),
        val(f"what was {r4} in 2017", "wide_years", int(by.loc[r4, 2017])),
        val(
            f"how many extra visitors did {r5} get in 2024 compared with 2023",
            "wide_years",
            int(by.loc[r5, 2024] - by.loc[r5, 2023]),
        ),
        val("2023 arrivals by country", "x_by_y", int_dict(df.groupby("Country")[2023].sum())),
        val("which country had the biggest total in 2016", "superlative", argmax1(country_2016)),
        val("how many Greek regions are listed", "row_noun", count(df.Country == "Greece")),
        val(
            "2024 total for the regions with Coast in their name",
            "text_match",
            int(df.loc[df.Region.str.contains("Coast"), 2024].sum()),
        ),
        val(
            f"average yearly arrivals for {r6} over the decade",
            "derived",
            float(by.loc[r6, YEARS].mean()),
        ),
        val(
            "what share of 2024 arrivals went to Spain, as a %",
            "derived",
            pct(df.loc[spain, 2024].sum(), tot[2024]),
        ),
        clar("visitors to Tyrol?", "wide_years"),
        clar("how much has Crete grown", "wide_years"),
        ref("forecast arrivals for Crete in 2026", "wide_years"),
        ref("how much did tourists spend in the Algarve in 2023", "plain"),
    ]


# ==================================================================== 8. flight delays
FLIGHT_ROUTES = [
    ("EZY 6201", "easyJet", "Geneva", 1030, "Airbus A320", 186, dt.time(6, 40)),
    ("EZY 6415", "easyJet", "Amsterdam", 690, "Airbus A319", 156, dt.time(11, 5)),
    ("EZY 6623", "easyJet", "Malaga", 1780, "Airbus A320neo", 186, dt.time(14, 20)),
    ("KL 1050", "KLM", "Amsterdam", 690, "Embraer 190", 100, dt.time(7, 10)),
    ("KL 1054", "KLM", "Amsterdam", 690, "Embraer 175", 88, dt.time(16, 45)),
    ("LH 961", "Lufthansa", "Frankfurt", 930, "Airbus A320", 168, dt.time(7, 55)),
    ("AF 1669", "Air France", "Paris CDG", 720, "Embraer 190", 100, dt.time(12, 30)),
    ("SK 4612", "SAS", "Copenhagen", 1010, "Airbus A320neo", 174, dt.time(9, 15)),
    ("FR 8314", "Ryanair", "Dublin", 450, "Boeing 737-800", 189, dt.time(6, 5)),
    ("FR 2247", "Ryanair", "Faro", 1850, "Boeing 737-800", 189, dt.time(18, 40)),
    ("EI 3281", "Aer Lingus", "Cork", 420, "ATR 72", 70, dt.time(10, 20)),
    ("TP 1363", "TAP Air Portugal", "Lisbon", 1650, "Airbus A320", 174, dt.time(13, 50)),
]
FLIGHT_CAUSES = ["ATC", "Weather", "Technical", "Crew", "Late inbound aircraft", "Baggage"]
FLIGHT_REMARKS = [
    "Gate change",
    "Waiting for connecting passengers",
    "Bird strike inspection on inbound",
    "Fuel top-up requested by captain",
    "Medical case on board, ambulance met aircraft",
    "Slot moved twice",
]
FLIGHT_HEADERS = [
    "Date",
    "Flight",
    "Airline",
    "Destination",
    "Aircraft",
    "Sched Dep",
    "Dep Delay (min)",
    "Arr Delay (min)",
    "Cause",
    "Cancelled",
    "Passengers",
    "Distance (km)",
    "Remarks",
]


def flight_row(rng, day):
    flight, airline, dest, km, plane, seats, sched = rng.choice(FLIGHT_ROUTES)
    row = {
        "Date": day,
        "Flight": flight,
        "Airline": airline,
        "Destination": dest,
        "Aircraft": plane,
        "Sched Dep": sched,
        "Distance (km)": km,
        "Cancelled": "No",
    }
    if rng.random() < 0.06:
        why = rng.choice(["weather", "technical fault", "crew shortage"])
        row |= {"Cancelled": "Yes", "Remarks": f"Cancelled - {why}"}
        return row
    roll = rng.random()
    if roll < 0.55:
        dep = rng.randint(0, 12)
    elif roll < 0.85:
        dep = rng.randint(13, 60)
    elif roll < 0.97:
        dep = rng.randint(61, 150)
    else:
        dep = rng.randint(151, 240)
    dep = 31 if dep == 30 else dep
    row |= {
        "Dep Delay (min)": dep,
        "Arr Delay (min)": dep - rng.randint(-4, 17),
        "Passengers": int(seats * rng.uniform(0.55, 0.98)),
    }
    if row["Passengers"] == 150:
        row["Passengers"] = 149
    if dep > 15:
        row["Cause"] = rng.choices(FLIGHT_CAUSES, weights=[24, 12, 16, 8, 30, 10])[0]
    if day.month in (12, 1, 2) and dep > 10 and rng.random() < 0.4:
        row["Remarks"] = "De-icing required"
    elif rng.random() < 0.1:
        row["Remarks"] = rng.choice(FLIGHT_REMARKS)
    return row


def flight_delays():
    rng = random.Random(3808)
    book, sheet = "flight_delays.xlsx", "Departures"
    days = sorted(rand_date(rng, mkdate(2023, 1, 2), mkdate(2024, 12, 30)) for _ in range(118))
    rows = [flight_row(rng, day) for day in days]
    rows.sort(key=lambda r: (r["Date"], r["Sched Dep"]))
    path = BOOKS / book
    write_book(
        path,
        sheet,
        FLIGHT_HEADERS,
        rows,
        fmts={"Date": "ddd dd/mm/yyyy", "Sched Dep": "hh:mm", "Distance (km)": "#,##0"},
        widths={"Date": 15, "Sched Dep": 10},
    )
    return make_cases(book, sheet, flight_cases(read_back(path, sheet)))


def flight_cases(df):
    d, y = df.Date, df.Date.dt.year
    dep, arr, pax = df["Dep Delay (min)"], df["Arr Delay (min)"], df.Passengers
    cancelled, airline, remarks = df.Cancelled == "Yes", df.Airline, df.Remarks.fillna("")
    no_boundary(dep, 30)
    no_boundary(pax, 150)
    early = df["Sched Dep"].map(lambda t: t < dt.time(8, 0))
    q1 = (d >= mkdate(2024, 1, 1)) & (d <= mkdate(2024, 3, 31))
    q1_dep = df[q1].groupby(ym(d[q1]))["Dep Delay (min)"].mean()
    assert len(q1_dep) == 3
    worst = df.loc[dep.idxmax()]
    assert (dep == dep.max()).sum() == 1 and pd.notna(worst.Cause)
    flight = df.Flight.value_counts().index[0]
    assert df.Destination[df.Destination == "Lisbon"].size > 0
    return [
        val("how many flights to Amsterdam", "row_noun", count(df.Destination == "Amsterdam")),
        val("number of Lufthansa departures in the log", "row_noun", count(airline == "Lufthansa")),
        val("how many flights were canceled", "status", count(cancelled)),
        val(
            "average departure delay in July 2024",
            "dates",
            float(dep[(y == 2024) & (d.dt.month == 7)].mean()),
        ),
        val("mean departure delay per month, Q1 2024", "dates", float_dict(q1_dep)),
        val("how many flights are scheduled to leave before 8am", "dates", count(early)),
        val("how many flights left more than half an hour late", "quantities", count(dep > 30)),
        val("flights with over 150 passengers on board", "quantities", count(pax > 150)),
        val(
            "which destination has the worst average departure delay",
            "superlative",
            argmax1(df.groupby("Destination")["Dep Delay (min)"].mean()),
        ),
        val(
            "lowest average arrival delay - which airline",
            "superlative",
            argmin1(df.groupby("Airline")["Arr Delay (min)"].mean()),
        ),
        val("what caused the single longest delay", "superlative", worst.Cause),
        val(
            "how many KLM flights were held up by air traffic control",
            "two_keys",
            count((airline == "KLM") & (df.Cause == "ATC")),
        ),
        val(
            "average departure delay for easyJet in 2024",
            "two_keys",
            float(dep[(airline == "easyJet") & (y == 2024)].mean()),
        ),
        val(
            "mean arrival delay per airline",
            "x_by_y",
            float_dict(df.groupby("Airline")["Arr Delay (min)"].mean()),
        ),
        val(
            "how many delays were put down to each cause",
            "x_by_y",
            int_dict(df.groupby("Cause").size()),
        ),
        val(
            "how many remarks mention de-icing",
            "text_match",
            count(remarks.str.contains("de-icing", case=False)),
        ),
        val(
            "how many flights were cancelled because of the weather",
            "text_match",
            count(remarks.str.contains("weather", case=False)),
        ),
        val("what percentage of flights were cancelled", "derived", pct(cancelled.sum(), len(df))),
        val(
            "on average, how many minutes did flights make up in the air",
            "derived",
            float((dep - arr).mean()),
        ),
        val("total passenger-km flown", "derived", fsum(pax * df["Distance (km)"])),
        val("average departure delay", "plain", float(dep.mean())),
        val(
            "what aircraft do we use to Lisbon",
            "plain",
            df.Aircraft[df.Destination == "Lisbon"].iloc[0],
        ),
        clar(f"how late was {flight}", "plain"),
        clar("average delay?", "plain"),
        ref("how much compensation did we pay out", "plain"),
        ref("which pilot flew the most delayed flight", "superlative"),
    ]


# ================================================================ 9. garden centre sales
GARDEN_PLANTS = [
    ("Lavender 'Hidcote'", "Perennials", 2, 7.99),
    ("French Lavender", "Perennials", 2, 8.49),
    ("Hardy Geranium 'Rozanne'", "Perennials", 2, 9.49),
    ("Salvia 'Caradonna'", "Perennials", 2, 8.99),
    ("Echinacea purpurea", "Perennials", 3, 10.99),
    ("Hosta 'June'", "Perennials", 2, 11.49),
    ("Hydrangea 'Annabelle'", "Shrubs", 5, 22.99),
    ("Rose 'Gertrude Jekyll'", "Shrubs", 4, 24.99),
    ("Rose 'Iceberg'", "Shrubs", 4, 19.99),
    ("Buddleja 'Black Knight'", "Shrubs", 3, 14.99),
    ("Camellia japonica", "Shrubs", 5, 27.5),
    ("Acer palmatum 'Bloodgood'", "Trees", 10, 59.99),
    ("Silver Birch", "Trees", 12, 44.99),
    ("Apple 'Cox' on M26", "Trees", 12, 39.99),
    ("Olive Tree", "Trees", 20, 89.0),
    ("Tulip 'Queen of Night' x10", "Bulbs", None, 4.99),
    ("Allium 'Purple Sensation' x10", "Bulbs", None, 6.49),
    ("Daffodil 'Tete-a-Tete' x25", "Bulbs", None, 5.99),
    ("Peace Lily", "Houseplants", 2, 16.99),
    ("Fiddle Leaf Fig", "Houseplants", 5, 34.99),
    ("Snake Plant", "Houseplants", 2, 14.5),
    ("Golden Pothos", "Houseplants", 1, 8.5),
    ("Rosemary", "Herbs", 1, 3.99),
    ("Thyme", "Herbs", 1, 3.49),
    ("Basil", "Herbs", 1, 2.99),
    ("Mint", "Herbs", 1, 3.49),
]
GARDEN_MONTHS = [3, 4, 8, 14, 16, 12, 9, 7, 8, 9, 6, 4]
GARDEN_STAFF = ["Sam Ortega", "Sam Whitlock", "Rhona Greig", "Tilly Marsh", "Arjun Mehta"]
GARDEN_HEADERS = [
    "Date",
    "Receipt",
    "Plant",
    "Category",
    "Pot Size (L)",
    "Qty",
    "Unit Price (£)",
    "Customer",
    "Loyalty Card",
    "Served By",
]


def garden_row(rng):
    year = rng.choice([2023, 2024])
    month = rng.choices(range(1, 13), weights=GARDEN_MONTHS)[0]
    if year == 2024 and month == 12:
        month = 11
    day = mkdate(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
    trade = rng.random() < 0.2
    cat_w = {"Bulbs": 3 if month in (9, 10, 11) else 0.5, "Herbs": 3 if 3 <= month <= 7 else 1}
    plant, cat, pot, price = rng.choices(
        GARDEN_PLANTS, weights=[cat_w.get(p[1], 1.5) for p in GARDEN_PLANTS]
    )[0]
    qty = (
        rng.randint(6, 40) if trade else rng.choices(range(1, 7), weights=[40, 20, 12, 8, 5, 5])[0]
    )
    if qty == 20:
        qty = 21
    return {
        "Date": day,
        "Plant": plant,
        "Category": cat,
        "Pot Size (L)": pot,
        "Qty": qty,
        "Unit Price (£)": round(price * 0.85, 2) if trade else price,
        "Customer": "Trade" if trade else "Retail",
        "Loyalty Card": "No" if trade or rng.random() < 0.55 else "Yes",
        "Served By": rng.choices(GARDEN_STAFF, weights=[3, 3, 4, 3, 2])[0],
    }


def garden_centre():
    rng = random.Random(3909)
    book, sheet = "garden_centre_sales.xlsx", "Sales"
    rows = sorted((garden_row(rng) for _ in range(114)), key=lambda r: (r["Date"], r["Plant"]))
    for i, r in enumerate(rows):
        r["Receipt"] = 40117 + 3 * i + rng.randint(0, 2)
    path = BOOKS / book
    money = '"£"#,##0.00'
    write_book(
        path,
        sheet,
        GARDEN_HEADERS,
        rows,
        fmts={"Date": "dd/mm/yyyy", "Unit Price (£)": money},
        widths={"Date": 12, "Plant": 30},
    )
    return make_cases(book, sheet, garden_cases(read_back(path, sheet)))


def garden_cases(df):
    d, y, qty, price = df.Date, df.Date.dt.year, df.Qty, df["Unit Price (£)"]
    cat, plant, trade = df.Category, df.Plant, df.Customer == "Trade"
    rev = qty * price
    df = df.assign(Revenue=rev)
    no_boundary(qty, 20)
    no_boundary(price, 25)
    h1 = (d >= mkdate(2024, 1, 1)) & (d <= mkdate(2024, 6, 30))
    h1_units = df[h1].groupby(ym(d[h1])).Qty.sum()
    assert len(h1_units) == 6
    roses = plant.str.match(r"Rose\b")
    assert plant.str.contains("Rosemary").any()
    assert plant[price == price.max()].nunique() == 1
    p1 = "Snake Plant"
    assert (plant == p1).any()
    return [
        val("how many houseplant sales did we ring up", "row_noun", count(cat == "Houseplants")),
        val("trade transactions in 2024 - how many", "row_noun", count(trade & (y == 2024))),
        val(
            "how many sales were to loyalty card holders",
            "status",
            count(df["Loyalty Card"] == "Yes"),
        ),
        val(
            "how many plants went out the door in April 2024",
            "dates",
            int(qty[(y == 2024) & (d.dt.month == 4)].sum()),
        ),
        val("units sold each month in H1 2024", "dates", int_dict(h1_units)),
        val("sales of more than twenty plants in one go - how many", "quantities", count(qty > 20)),
        val("how many lines were for plants priced above £25", "quantities", count(price > 25)),
        val(
            "best seller by number of units", "superlative", argmax1(df.groupby("Plant").Qty.sum())
        ),
        val(
            "which category took the most money",
            "superlative",
            argmax1(df.groupby("Category").Revenue.sum()),
        ),
        val(
            "how many herb plants did trade customers buy",
            "two_keys",
            int(qty[trade & (cat == "Herbs")].sum()),
        ),
        val("shrub takings in 2024", "two_keys", fsum(rev[(cat == "Shrubs") & (y == 2024)])),
        val("units sold per category", "x_by_y", int_dict(df.groupby("Category").Qty.sum())),
        val(
            "takings by member of staff",
            "x_by_y",
            float_dict(df.groupby("Served By").Revenue.sum()),
        ),
        val("how many roses did we sell altogether", "text_match", int(qty[roses].sum())),
        val(
            "lavender sales: number of transactions",
            "text_match",
            count(plant.str.contains("lavender", case=False)),
        ),
        val("total takings", "derived", fsum(rev)),
        val("average price per plant sold", "derived", float(rev.sum() / qty.sum())),
        val("how many plants have we sold in total", "plain", int(qty.sum())),
        val(f"what category is the {p1} in", "plain", df.Category[plant == p1].iloc[0]),
        clar("how much has Sam sold", "plain"),
        clar("sales in May", "dates"),
        ref("profit on the acers", "derived"),
        ref("which plants will sell out next month", "plain"),
    ]


# ==================================================================== 10. IT assets
IT_MODELS = {
    "Laptop": [
        ("Dell", "Latitude 5440", 1249, 1399),
        ("Lenovo", "ThinkPad T14", 1180, 1350),
        ("Apple", "MacBook Pro 14", 1999, 2399),
        ("Lenovo", "ThinkPad X1 Carbon", 1650, 1890),
    ],
    "Desktop": [("Dell", "OptiPlex 7010", 899, 999), ("HP", "EliteDesk 800 G9", 820, 950)],
    "Monitor": [("Dell", "P2723Q", 389, 449), ("LG", "27UP850", 349, 419)],
    "Phone": [("Apple", "iPhone 14", 699, 799), ("Samsung", "Galaxy S23", 649, 749)],
    "Tablet": [("Apple", "iPad Air", 599, 649)],
    "Printer": [("HP", "LaserJet Pro M404", 299, 349)],
}
IT_NOTES = {
    "Laptop": ["Battery swollen - replaced", "Keyboard replaced under warranty", "Loaner pool"],
    "Desktop": ["Extra RAM fitted", "Dual monitor arm"],
    "Monitor": ["Dead pixel reported", "USB-C hub built in"],
    "Phone": ["Screen cracked", "Battery health 78%"],
    "Tablet": ["Used for visitor sign-in"],
    "Printer": ["Toner ordered", "Paper jam - engineer visit booked"],
}
IT_DEPTS = ["Finance", "Sales", "Engineering", "Marketing", "Operations", "People"]
IT_HEADERS = [
    "Asset Tag",
    "Type",
    "Make",
    "Model",
    "Assigned To",
    "Department",
    "Purchase Date",
    "Cost ($)",
    "Warranty Until",
    "Status",
    "Encrypted",
    "Notes",
]


def it_asset(rng, staff):
    kind = rng.choices(list(IT_MODELS), weights=[34, 10, 22, 16, 5, 4])[0]
    make, model, lo, hi = rng.choice(IT_MODELS[kind])
    bought = rand_date(rng, mkdate(2020, 2, 1), mkdate(2024, 11, 29))
    age = (mkdate(2024, 12, 31) - bought).days / 365
    if age > 3.5 and rng.random() < 0.5:
        status = "Retired"
    else:
        status = rng.choices(["In Use", "Spare", "In Repair"], weights=[82, 12, 6])[0]
    cost = float(rng.randint(lo, hi)) + rng.choice([0, 0.99])
    if cost in (700, 1500):
        cost += 1
    person, dept = rng.choice(staff)
    row = {
        "Type": kind,
        "Make": make,
        "Model": model,
        "Department": dept,
        "Purchase Date": bought,
        "Cost ($)": cost,
        "Warranty Until": add_months(bought, 12 * rng.choice([1, 3, 3])) - dt.timedelta(days=1),
        "Status": status,
    }
    if status in ("In Use", "In Repair") and kind != "Printer":
        row["Assigned To"] = person
    if kind not in ("Monitor", "Printer"):
        row["Encrypted"] = rng.random() < 0.85
    if rng.random() < 0.25:
        row["Notes"] = rng.choice(IT_NOTES[kind])
    return row


def it_assets():
    rng = random.Random(4010)
    book, sheet = "it_assets.xlsx", "Assets"
    depts = rng.choices(IT_DEPTS, weights=[12, 20, 30, 14, 14, 10], k=60)
    staff = list(zip(person_names(rng, 60), depts, strict=True))
    rows = [it_asset(rng, staff) for _ in range(98)]
    rows.sort(key=lambda r: (r["Purchase Date"], r["Model"]))
    laptops = [r for r in rows if r["Type"] == "Laptop" and r["Status"] == "In Use"]
    laptops[3]["Assigned To"], laptops[21]["Assigned To"] = "Min-jun Kim", "Soo-ah Kim"
    for i, r in enumerate(rows):
        r["Asset Tag"] = f"IT-{i + 1:04d}"
    path = BOOKS / book
    write_book(
        path,
        sheet,
        IT_HEADERS,
        rows,
        fmts={
            "Purchase Date": "yyyy-mm-dd",
            "Warranty Until": "yyyy-mm-dd",
            "Cost ($)": '"$"#,##0.00',
        },
        widths={"Purchase Date": 13, "Warranty Until": 13},
    )
    return make_cases(book, sheet, it_cases(read_back(path, sheet)))


def it_cases(df):
    kind, st, cost, dept = df.Type, df.Status, df["Cost ($)"], df.Department
    bought, until, notes = df["Purchase Date"], df["Warranty Until"], df.Notes.fillna("")
    enc = df.Encrypted  # TRUE/FALSE cells with blanks read back as 1.0 / 0.0 / NaN
    assert set(enc.dropna().unique()) == {0, 1}
    no_boundary(cost, 1500, 700)
    laptop = kind == "Laptop"
    by_tag = df.set_index("Asset Tag")
    h1 = (bought >= mkdate(2024, 1, 1)) & (bought <= mkdate(2024, 6, 30))
    oldest = argmin1(
        by_tag.loc[(by_tag.Type == "Laptop") & (by_tag.Status == "In Use"), "Purchase Date"]
    )
    t1, t2 = df["Asset Tag"][df["Assigned To"].notna()].iloc[[12, 30]]
    assert "Kim" not in df["Assigned To"][df["Asset Tag"] == t1].iloc[0]
    assert (df.Model == "MacBook Pro 14").sum() > 1
    return [
        val("how many laptops have we got", "row_noun", count(laptop)),
        val("how many phones are on the register", "row_noun", count(kind == "Phone")),
        val("how much kit has been retired", "status", count(st == "Retired")),
        val("how many devices aren't encrypted", "status", count(enc == 0)),
        val(
            "who has a laptop out for repair",
            "status",
            sorted(df["Assigned To"][laptop & (st == "In Repair")]),
            unordered=True,
        ),
        val("assets purchased in 2022", "dates", count(bought.dt.year == 2022)),
        val("how many warranties run out in 2025", "dates", count(until.dt.year == 2025)),
        val("spend on new kit in the first half of 2024", "dates", fsum(cost[h1])),
        val("items that cost more than $1,500", "quantities", count(cost > 1500)),
        val(
            "phones under 700 dollars, how many",
            "quantities",
            count((kind == "Phone") & (cost < 700)),
        ),
        val(
            "which department holds the most equipment", "superlative", argmax1(dept.value_counts())
        ),
        val("oldest laptop still in use, asset tag please", "superlative", oldest),
        val(
            "how many laptops does Engineering have",
            "two_keys",
            count(laptop & (dept == "Engineering")),
        ),
        val(
            "how much has Marketing spent on monitors",
            "two_keys",
            fsum(cost[(kind == "Monitor") & (dept == "Marketing")]),
        ),
        val(
            "total cost by department",
            "x_by_y",
            float_dict(df.groupby("Department")["Cost ($)"].sum()),
        ),
        val("devices by type", "x_by_y", int_dict(df.groupby("Type").size())),
        val(
            "how many notes mention the battery",
            "text_match",
            count(notes.str.contains("battery", case=False)),
        ),
        val("how many ThinkPads do we own", "text_match", count(df.Model.str.contains("ThinkPad"))),
        val("average warranty length in days", "derived", float((until - bought).dt.days.mean())),
        val(
            "what share of laptops are encrypted, %",
            "derived",
            pct((laptop & (enc == 1)).sum(), laptop.sum()),
        ),
        val(f"who has {t1}", "plain", by_tag.loc[t1, "Assigned To"]),
        clar("what laptop has Kim got", "plain"),
        clar("when does the MacBook's warranty run out", "dates"),
        ref("what's the resale value of IT-0042", "plain"),
        ref(f"serial number for {t2}", "plain"),
    ]


# ============================================================================== main
BUILDERS = (
    rent_roll,
    vet_visits,
    bike_repairs,
    conference,
    coffee_roasts,
    museum_visitors,
    tourism,
    flight_delays,
    garden_centre,
    it_assets,
)


def main():
    BOOKS.mkdir(parents=True, exist_ok=True)
    cases = [c for build in BUILDERS for c in build()]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"
    commands = [c["command"].lower() for c in cases]
    assert len(commands) == len(set(commands)), "duplicate commands"
    with open(HERE / "cases.jsonl", "w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    sheets = {}
    for c in cases:
        if c["book"] not in sheets:
            sheets[c["book"]] = load_workbook(BOOKS / c["book"], read_only=True).sheetnames
        assert c["sheet"] in sheets[c["book"]], c["id"]
    by_class = collections.Counter(c["class"] for c in cases)
    by_kind = collections.Counter(c["kind"] for c in cases)
    print(f"wrote {len(cases)} cases over {len(sheets)} books")
    print("classes:", dict(sorted(by_class.items())))
    print("kinds:", dict(by_kind))


if __name__ == "__main__":
    main()
