"""How fast is one question on a big workbook, against simply reading it with calamine + pandas?

Run from the repository root::

    python bench/ask_speed.py                      # 200,000 rows x 10 columns, best of 3
    python bench/ask_speed.py --rows 2000          # a quick check
    python bench/ask_speed.py --out /tmp/b --json  # keep the workbook, print one JSON object

The script writes a seeded, deterministic workbook with XlsxWriter (constant_memory mode), then,
in the same process, measures:

(a) baseline: python-calamine ``to_python()`` of the first sheet into a pandas DataFrame;
(b) nlsheet end to end: a fresh ``nlsheet.Nlsheet()`` engine, ``open(path)``,
    ``ask("average of Sales")`` -- the value is checked against the mean known from generation;
(c) a second question ("total units") on the already opened book, median over many asks.

(a) and (b) are the best of ``--repeat`` runs, each from a fresh state (a new engine and a new
open for (b)). The intent model is trained once per machine and cached on disk as JSON, so it is
warmed once before timing; a separate "cold" run with an empty temporary NLSHEET_CACHE_DIR shows
the first-ever cost (training included). Targets (b/a <= 1.2, c < 5 ms) are reported, never
asserted. Exit code 0, or 1 if nlsheet returns a wrong value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from machine_info import cpu_model, dist_version

SEED = 20240601
BASE_COLUMNS = (  # (name, kind) in sheet order
    ("Date", "date"),
    ("Region", "region"),
    ("Product", "product"),
    ("Units", "units"),
    ("Price", "price"),
    ("Sales", "sales"),
    ("Cost", "cost"),
    ("Discount", "discount"),
    ("Rating", "rating"),
    ("Notes", "notes"),
)
# When --cols < 10, keep the columns the questions use first, then the others in sheet order.
KEEP_ORDER = (
    "Sales",
    "Units",
    "Date",
    "Region",
    "Product",
    "Price",
    "Cost",
    "Discount",
    "Rating",
    "Notes",
)
# When --cols > 10, extra columns cycle through these kinds under neutral names that cannot be
# mistaken for "Sales" or "Units".
EXTRA_KINDS = (("Metric", "metric"), ("Label", "label"), ("Shipped", "date"))
REGIONS = ("North", "South", "East", "West", "Central")
PRODUCTS = tuple(
    f"{w} {k}"
    for w in ("Alpha", "Bravo", "Delta", "Omega", "Sigma")
    for k in ("Widget", "Gadget", "Gizmo", "Module")
)
NOTES = ("", "", "", "", "rush order", "gift wrap", "repeat customer", "call before delivery")
ASK_B = "average of Sales"
ASK_C = "total units"
TARGET_RATIO = 1.2
TARGET_ASK_MS = 5.0


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------- generation


def layout(cols: int) -> list[tuple[str, str]]:
    """The header names and kinds for ``cols`` columns."""
    if cols <= len(BASE_COLUMNS):
        keep = set(KEEP_ORDER[:cols])
        return [c for c in BASE_COLUMNS if c[0] in keep]
    out = list(BASE_COLUMNS)
    for k in range(cols - len(BASE_COLUMNS)):
        name, kind = EXTRA_KINDS[k % len(EXTRA_KINDS)]
        out.append((f"{name} {k // len(EXTRA_KINDS) + 1}", kind))
    return out


@dataclass
class Generated:
    path: Path
    seconds: float
    size_bytes: int
    headers: list[str]
    sales_mean: float | None
    units_total: int | None


def generate(path: Path, rows: int, cols: int) -> Generated:
    """Write the workbook row by row (constant_memory) and return the known answers."""
    import xlsxwriter  # type: ignore[import-untyped]

    columns = layout(cols)
    headers = [name for name, _ in columns]
    rng = random.Random(SEED)
    start = dt.date(2021, 1, 1)
    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Data")
    bold = wb.add_format({"bold": True})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    money = wb.add_format({"num_format": "#,##0.00"})
    ws.write_row(0, 0, headers, bold)
    sales: list[float] = []
    units_total = 0
    for r in range(1, rows + 1):
        units = rng.randint(1, 500)
        price = round(rng.uniform(0.5, 250.0), 2)
        discount = rng.choice((0.0, 0.0, 0.05, 0.1, 0.15, 0.2))
        sale = round(units * price * (1 - discount), 2)
        sales.append(sale)
        units_total += units
        for c, (_, kind) in enumerate(columns):
            if kind == "date":
                ws.write_datetime(r, c, start + dt.timedelta(days=rng.randrange(1461)), date_fmt)
            elif kind == "region":
                ws.write_string(r, c, rng.choice(REGIONS))
            elif kind == "product":
                ws.write_string(r, c, rng.choice(PRODUCTS))
            elif kind == "units":
                ws.write_number(r, c, units)
            elif kind == "price":
                ws.write_number(r, c, price, money)
            elif kind == "sales":
                ws.write_number(r, c, sale, money)
            elif kind == "cost":
                ws.write_number(r, c, round(sale * rng.uniform(0.4, 0.9), 2), money)
            elif kind == "discount":
                ws.write_number(r, c, discount)
            elif kind == "rating":
                if rng.random() >= 0.05:  # about 5% blank
                    ws.write_number(r, c, rng.randint(1, 5))
            elif kind == "notes":
                note = rng.choice(NOTES)
                if note:
                    ws.write_string(r, c, note)
            elif kind == "metric":
                ws.write_number(r, c, round(rng.gauss(100, 15), 3))
            elif kind == "label":
                ws.write_string(r, c, f"L{rng.randrange(1000):03d}")
    wb.close()
    seconds = time.perf_counter() - t0
    return Generated(
        path=path,
        seconds=seconds,
        size_bytes=path.stat().st_size,
        headers=headers,
        sales_mean=math.fsum(sales) / rows if "Sales" in headers and rows else None,
        units_total=units_total if "Units" in headers else None,
    )


# --------------------------------------------------------------------------------- measurement


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def baseline(path: Path) -> Any:
    import pandas as pd
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return pd.DataFrame(rows[1:], columns=rows[0])


def close_enough(got: object, want: float, rel: float = 1e-9) -> bool:
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    return math.isclose(float(got), want, rel_tol=rel, abs_tol=0.0 if want else rel)


class WrongValueError(Exception):
    pass


def check(label: str, result: Any, want: float | None) -> None:
    if want is None:
        return
    got = getattr(result, "value", None)
    if not close_enough(got, want):
        clar = getattr(result, "clarification", None)
        extra = f"; clarification: {clar.question!r}" if clar is not None else ""
        raise WrongValueError(f"{label}: nlsheet returned {got!r}, expected {want!r}{extra}")


def nlsheet_run(path: Path, want: float | None) -> tuple[dict[str, float], Any]:
    """One fresh engine, open and ask, timed in phases; returns (phase seconds, book)."""
    import nlsheet

    gc.collect()
    t0 = time.perf_counter()
    engine = nlsheet.Nlsheet()
    _ = engine.model  # load the cached intent model now so the phases separate cleanly
    t1 = time.perf_counter()
    book = engine.open(path)
    t2 = time.perf_counter()
    result = book.ask(ASK_B)
    t3 = time.perf_counter()
    check(f"(b) {ASK_B!r}", result, want)
    return {"engine": t1 - t0, "open": t2 - t1, "ask": t3 - t2, "total": t3 - t0}, book


def cold_run(path: Path, want: float | None) -> float:
    """Like one (b) run, but with an empty model cache: the first-ever question on a machine."""
    tmp = tempfile.mkdtemp(prefix="nlsheet-cold-cache-")
    saved = {k: os.environ.get(k) for k in ("NLSHEET_CACHE_DIR", "NLSHEET_NO_CACHE")}
    os.environ["NLSHEET_CACHE_DIR"] = tmp
    os.environ.pop("NLSHEET_NO_CACHE", None)
    try:
        phases, book = nlsheet_run(path, want)
        del book
        return phases["total"]
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(tmp, ignore_errors=True)


def machine() -> dict[str, Any]:
    version = dist_version
    cpu = cpu_model()
    import nlsheet

    package = Path(nlsheet.__file__).resolve().parent
    repo = package.parent
    try:
        commit = (
            subprocess.run(
                ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
            or "unknown"
        )
        dirty = bool(
            subprocess.run(
                ["git", "-C", str(repo), "status", "--porcelain", "--", str(package)],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        )
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "unknown", False
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pandas": version("pandas"),
        "python_calamine": version("python-calamine"),
        "numpy": version("numpy"),
        "xlsxwriter": version("XlsxWriter"),
        "nlsheet": getattr(nlsheet, "__version__", version("nlsheet")),
        "nlsheet_path": str(package),
        "git_commit": commit,
        "nlsheet_uncommitted_changes": dirty,
    }


# ------------------------------------------------------------------------------------- report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def print_table(rep: dict[str, Any]) -> None:
    m, g, a, b, c = rep["machine"], rep["generate"], rep["a"], rep["b"], rep["c"]
    rows: list[tuple[str, str, str]] = [
        (
            "workbook",
            f"{rep['rows']:,} rows x {rep['cols']} cols, {g['size_bytes'] / 1e6:.1f} MB",
            "generated in " + ms(g["seconds"]) + " (not compared)",
        ),
        (
            "import nlsheet",
            ms(rep["import_nlsheet_seconds"]),
            "once, after pandas and calamine were imported (not compared)",
        ),
        (
            "(a) calamine -> DataFrame",
            ms(a["best"]),
            f"best of {rep['repeat']}; all: " + ", ".join(ms(x) for x in a["all"]),
        ),
        (
            "(b) nlsheet open + ask",
            ms(b["best"]),
            f"best of {rep['repeat']}; all: " + ", ".join(ms(x) for x in b["all"]),
        ),
        ("    engine (model from cache)", ms(b["best_phases"]["engine"]), "phases of the best run"),
        ("    open()", ms(b["best_phases"]["open"]), ""),
        ("    ask() incl. sheet read", ms(b["best_phases"]["ask"]), ""),
        (
            "(b) cold, empty model cache",
            ms(b["cold"]),
            "one run: trains the intent model (first use on a machine)",
        ),
        (
            "ratio b / a",
            f"{b['ratio']:.2f}",
            f"target <= {TARGET_RATIO} -> {'met' if b['ratio_ok'] else 'NOT met'}",
        ),
        (
            "(c) 2nd ask, median",
            f"{c['median_ms']:.2f} ms",
            f"target < {TARGET_ASK_MS:g} ms -> {'met' if c['ok'] else 'NOT met'}; "
            f"{c['n']} asks of {ASK_C!r}, min {c['min_ms']:.2f} / max {c['max_ms']:.2f} ms; "
            f"first one {c['first_ms']:.1f} ms",
        ),
        (
            "peak RSS",
            f"{rep['rss_mb']['end']:,.0f} MiB",
            "peak so far after generation {generate:,.0f} / (a) {a:,.0f} / (b) {b:,.0f} / "
            "(c) {c:,.0f} / cold run {end:,.0f} MiB".format(**rep["rss_mb"]),
        ),
    ]
    title = (
        f"nlsheet ask speed  {m['date']}  ({m['cpu']}, {m['cpu_count']} CPUs, "
        f"Python {m['python']}, pandas {m['pandas']}, python-calamine "
        f"{m['python_calamine']}, nlsheet {m['nlsheet']} from {m['nlsheet_path']} @ "
        f"{m['git_commit']}"
        f"{' + uncommitted changes' if m['nlsheet_uncommitted_changes'] else ''})"
    )
    note = (
        "Ratios are against the baseline measured in this same run. The intent model was "
        "warmed once before timing (it is trained once per machine and cached as JSON); "
        "each (b) run still builds a fresh engine, loads that cache and opens the file anew."
    )
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, title_justify="left", caption=note, caption_justify="left")
        for name in ("measure", "value", "notes"):
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console = Console() if sys.stdout.isatty() else Console(width=130)
        console.print(table)
    except ImportError:
        print(title)
        width = max(len(r[0]) for r in rows)
        for name, value, notes in rows:
            print(f"  {name:<{width}}  {value:>14}  {notes}")
        print(note)


# --------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=200_000, help="data rows (default 200000)")
    p.add_argument("--cols", type=int, default=10, help="columns (default 10; at least 2)")
    p.add_argument("--repeat", type=int, default=3, help="runs of (a) and (b); best is kept")
    p.add_argument("--asks", type=int, default=50, help="asks timed for (c) (default 50)")
    p.add_argument("--out", type=Path, help="keep the workbook in this folder (default: temp)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = p.parse_args(argv)
    if args.rows < 1 or args.cols < 2 or args.repeat < 1 or args.asks < 1:
        p.error("--rows, --repeat and --asks must be >= 1 and --cols >= 2")

    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        folder, cleanup = args.out, False
    else:
        folder, cleanup = Path(tempfile.mkdtemp(prefix="nlsheet-bench-")), True
    path = folder / f"ask_speed_{args.rows}x{args.cols}.xlsx"
    try:
        return run(args, path)
    finally:
        if cleanup:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, path: Path) -> int:
    rss: dict[str, float] = {}
    log(f"generating {args.rows:,} x {args.cols} -> {path}")
    gen = generate(path, args.rows, args.cols)
    rss["generate"] = peak_rss_mb()

    import pandas  # noqa: F401 - imported before timing so (a) does not pay for it
    import python_calamine  # noqa: F401

    t0 = time.perf_counter()
    import nlsheet

    import_s = time.perf_counter() - t0

    log("(a) baseline")
    a_times = []
    for _ in range(args.repeat):
        seconds, frame = timed(lambda: baseline(path))
        assert frame.shape == (args.rows, args.cols), frame.shape
        del frame
        a_times.append(seconds)
    rss["a"] = peak_rss_mb()

    try:
        b, c = measure_nlsheet(args, path, gen, rss)
    except (WrongValueError, nlsheet.NlsheetError) as exc:
        print(f"\nVALUE CHECK FAILED: {exc}\n", file=sys.stderr)
        if args.json:
            print(json.dumps({"ok": False, "error": str(exc)}))
        return 1
    rss["end"] = peak_rss_mb()

    a_best = min(a_times)
    b["ratio"] = b["best"] / a_best
    b["ratio_ok"] = b["ratio"] <= TARGET_RATIO
    report: dict[str, Any] = {
        "ok": True,
        "rows": args.rows,
        "cols": args.cols,
        "repeat": args.repeat,
        "machine": machine(),
        "generate": {
            "seconds": gen.seconds,
            "size_bytes": gen.size_bytes,
            "headers": gen.headers,
            "seed": SEED,
        },
        "import_nlsheet_seconds": import_s,
        "a": {
            "what": "CalamineWorkbook.to_python() -> pd.DataFrame",
            "best": a_best,
            "all": a_times,
        },
        "b": b,
        "c": c,
        "rss_mb": rss,
        "model_cache": "warmed once before timing; the cold run used an empty temporary "
        "NLSHEET_CACHE_DIR",
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


def measure_nlsheet(
    args: argparse.Namespace, path: Path, gen: Generated, rss: dict[str, float]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Measure (b), (c) and the cold run; raises WrongValueError on a wrong answer."""
    import nlsheet

    log("warming the intent model cache")
    warm_s, _ = timed(lambda: nlsheet.Nlsheet().model)
    log("(b) nlsheet")
    b_runs: list[dict[str, float]] = []
    book = None
    for _ in range(args.repeat):
        book = None  # drop the previous book before the next fresh run
        phases, book = nlsheet_run(path, gen.sales_mean)
        b_runs.append(phases)
    rss["b"] = peak_rss_mb()

    log("(c) second ask on the opened book")
    assert book is not None
    gc.collect()
    t0 = time.perf_counter()
    first = book.ask(ASK_C)
    first_s = time.perf_counter() - t0
    check(f"(c) {ASK_C!r}", first, gen.units_total)
    c_times = []
    gc.collect()
    for _ in range(args.asks):
        t0 = time.perf_counter()
        book.ask(ASK_C)
        c_times.append(time.perf_counter() - t0)
    rss["c"] = peak_rss_mb()
    del book, first

    # Last, so that the memory training takes does not show in the peaks above.
    log("(b) cold run with an empty NLSHEET_CACHE_DIR")
    cold = cold_run(path, gen.sales_mean)

    best_run = min(b_runs, key=lambda r: r["total"])
    c_median = statistics.median(c_times) * 1000
    b = {
        "what": f"Nlsheet().open(path).ask({ASK_B!r})",
        "best": best_run["total"],
        "all": [r["total"] for r in b_runs],
        "best_phases": best_run,
        "cold": cold,
        "warm_model_seconds": warm_s,
        "expected": gen.sales_mean,
        "ratio_target": TARGET_RATIO,
    }
    c = {
        "what": f"book.ask({ASK_C!r}) on the opened book",
        "n": args.asks,
        "median_ms": c_median,
        "min_ms": min(c_times) * 1000,
        "max_ms": max(c_times) * 1000,
        "first_ms": first_s * 1000,
        "expected": gen.units_total,
        "target_ms": TARGET_ASK_MS,
        "ok": c_median < TARGET_ASK_MS,
    }
    return b, c


if __name__ == "__main__":
    sys.exit(main())
