"""How fast, and how memory hungry, is editing a large workbook with nlsheet?

Run from the repository root::

    python bench/edit_speed.py                 # 200,000 rows x 10 columns
    python bench/edit_speed.py --rows 5000     # a quick check
    python bench/edit_speed.py --json          # one JSON object on stdout instead of tables

nlsheet changes a workbook by loading all of it with openpyxl, applying the change in memory and
saving it atomically (``nlsheet.workbook.editor``). This script writes (or reuses from a cache
folder) a seeded 10-column workbook with XlsxWriter in constant_memory mode, then measures, in
the same run and each in a fresh Python subprocess:

(a) baseline: ``openpyxl.load_workbook(path)`` + ``wb.save(tmp)`` of the same file;
(b) ``nlsheet.open(path).ask("sort by Amount descending", save=out)``, end to end;
(c) ``... .ask("highlight Amount over 50000", save=out)``;
(d) ``... .ask("add a column Total = Units times Price", save=out)``;
(e) the alternative: a values-only rewrite of the sorted table (python-calamine read, pandas
    stable sort, XlsxWriter constant_memory write).

For each: the time of the work itself (after the imports, which are timed apart), the peak
resident memory of the whole subprocess (``ru_maxrss`` from ``os.wait4`` for that one child) and
both as a ratio to (a). One more subprocess runs (b) with timers wrapped around the functions
nlsheet calls on the way (calamine read, table detection, ``openpyxl.load_workbook``, the edits
backend's ``apply``, ``Workbook.save`` ...) to show where the time goes; whatever is not wrapped
(mostly understanding the command) is the remainder. The outputs are then checked (sorted, rule
present, column added); timings are reported, never asserted. Exit code 0, or 1 when an edit
fails or is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import hashlib
import importlib.metadata
import importlib.util
import itertools
import json
import math
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from machine_info import cpu_model, dist_version

SEED = 20240917
GENERATOR_VERSION = 1  # bump when generate() changes, so cached workbooks are not reused
SHEET = "Data"
HEADERS = (
    "Date",
    "Region",
    "Category",
    "Channel",
    "Units",
    "Price",
    "Discount",
    "Amount",
    "Cost",
    "Rating",
)
REGIONS = ("North", "South", "East", "West", "Central")
CATEGORIES = (
    "Books",
    "Games",
    "Garden",
    "Grocery",
    "Health",
    "Home",
    "Music",
    "Office",
    "Sports",
    "Toys",
)
CHANNELS = ("Online", "Store", "Phone", "Partner")
SORT_COLUMN = "Amount"
THRESHOLD = 50_000
SORT = f"sort by {SORT_COLUMN} descending"
HIGHLIGHT = f"highlight {SORT_COLUMN} over {THRESHOLD}"
ADD_COLUMN = "add a column Total = Units times Price"
LOAD = "openpyxl load (rich_text=True)"  # labels of the breakdown's openpyxl pieces
SAVE = "openpyxl save"
LOST_BY_VALUES_ONLY = (
    "number formats other than dates, fonts, fills, borders, column widths, frozen panes, "
    "conditional formats, charts, images, data validation, merged cells, comments, defined "
    "names, other sheets, and formulas (written as their cached values)"
)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def rss_mib(maxrss: float) -> float:
    """``ru_maxrss`` in MiB: it is KiB on Linux and bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


# ---------------------------------------------------------------------------------- generation


def generate(path: Path, rows: int) -> float:
    """Write the workbook row by row (constant_memory) to ``path``; return the seconds taken.

    Columns: a date, three text categories (5, 10 and 4 values), integer units, money amounts,
    a discount rate and a 1-5 rating that is blank in about 5% of rows. The file is written to a
    temporary name and renamed, so a half-written file is never reused from the cache.
    """
    import xlsxwriter  # type: ignore[import-untyped]

    rng = random.Random(SEED)
    start = dt.date(2021, 1, 1)
    tmp = path.with_name(f".{path.stem}-{os.getpid()}.xlsx")
    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
    ws = wb.add_worksheet(SHEET)
    bold = wb.add_format({"bold": True, "bottom": 1})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    money = wb.add_format({"num_format": "#,##0.00"})
    percent = wb.add_format({"num_format": "0%"})
    ws.set_column(0, 0, 11)
    ws.set_column(1, 3, 10)
    ws.set_column(4, 9, 12)
    ws.freeze_panes(1, 0)
    ws.write_row(0, 0, HEADERS, bold)
    for r in range(1, rows + 1):
        units = rng.randint(1, 500)
        price = round(rng.uniform(0.5, 250.0), 2)
        discount = rng.choice((0.0, 0.0, 0.05, 0.1, 0.15, 0.2))
        amount = round(units * price * (1 - discount), 2)
        ws.write_datetime(r, 0, start + dt.timedelta(days=rng.randrange(1461)), date_fmt)
        ws.write_string(r, 1, rng.choice(REGIONS))
        ws.write_string(r, 2, rng.choice(CATEGORIES))
        ws.write_string(r, 3, rng.choice(CHANNELS))
        ws.write_number(r, 4, units)
        ws.write_number(r, 5, price, money)
        ws.write_number(r, 6, discount, percent)
        ws.write_number(r, 7, amount, money)
        ws.write_number(r, 8, round(amount * rng.uniform(0.4, 0.9), 2), money)
        if rng.random() >= 0.05:
            ws.write_number(r, 9, rng.randint(1, 5))
    wb.close()
    os.replace(tmp, path)
    return time.perf_counter() - t0


@dataclass
class Source:
    path: Path
    size_bytes: int
    reused: bool
    generate_seconds: float | None


def ensure_workbook(cache: Path, rows: int, fresh: bool) -> Source:
    """The workbook for ``rows`` from the cache folder, generated first if missing (or fresh)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"edit_speed_{rows}x{len(HEADERS)}_seed{SEED}_v{GENERATOR_VERSION}.xlsx"
    if path.is_file() and path.stat().st_size > 0 and not fresh:
        log(f"reusing {path}")
        return Source(path, path.stat().st_size, True, None)
    log(f"generating {rows:,} x {len(HEADERS)} -> {path}")
    seconds = generate(path, rows)
    return Source(path, path.stat().st_size, False, seconds)


# ------------------------------------------------------------------ workers (one per subprocess)


class Stopwatch:
    """Adds up the time spent in wrapped functions, by label.

    Only the outermost wrapped call is timed: a wrapped function called from inside another
    one counts towards the outer one, so the pieces never overlap and sum to at most the total.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._active = False

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        self.seconds.setdefault(label, 0.0)
        self.calls.setdefault(label, 0)

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._active:
                return fn(*args, **kwargs)
            self._active = True
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - t0
                self.calls[label] += 1
                self._active = False

        return timed


def _baseline(path: Path, out: Path, _command: str) -> dict[str, Any]:
    import openpyxl

    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(path)
    t1 = time.perf_counter()
    wb.save(out)
    t2 = time.perf_counter()
    return {"seconds": t2 - t0, "pieces": {"load": t1 - t0, "save": t2 - t1}}


def _nlsheet(path: Path, out: Path, command: str) -> dict[str, Any]:
    import nlsheet

    t0 = time.perf_counter()
    result = nlsheet.open(path).ask(command, save=out)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, **_describe(result)}


def _describe(result: Any) -> dict[str, Any]:
    clarification = getattr(result, "clarification", None)
    return {
        "intent": result.intent,
        "does": result.value,
        "changes": [{k: c.get(k) for k in ("range", "kind", "what")} for c in result.changes],
        "clarification": clarification.question if clarification is not None else None,
    }


def _breakdown(path: Path, out: Path, command: str) -> dict[str, Any]:
    """``nlsheet.open(path).ask(command, save=out)`` with timers around nlsheet's pieces.

    The wrapped functions are the ones the real code path calls (module attributes are looked
    up at call time), so this is the same work as :func:`_nlsheet`, just timed in parts.
    """
    import openpyxl
    from openpyxl.workbook.workbook import Workbook

    import nlsheet
    from nlsheet.backends import edits
    from nlsheet.workbook import editor, xlsx

    watch = Stopwatch()
    # (label, [(owner, attribute), ...]): the first attribute that exists is wrapped. nlsheet's
    # editing internals change; openpyxl's load_workbook and Workbook.save are public.
    editor_session = getattr(editor, "EditSession", None)
    hooks: list[tuple[str, list[tuple[Any, str]]]] = [
        ("calamine read (for understanding)", [(xlsx.FileWorkbook, "_read_sheet")]),
        ("find the table", [(xlsx, "detect_table")]),
        (LOAD, [(openpyxl, "load_workbook")]),
        ("values grid of the loaded sheet", [(editor_session, "grid")]),
        (CHANGE, [(edits, "apply")]),
        ("re-read / re-detect the table", [(edits, "current_table"), (editor, "detect_table")]),
        (SAVE, [(Workbook, "save")]),
    ]
    missing = []
    for label, candidates in hooks:
        for owner, name in candidates:
            original = getattr(owner, name, None) if owner is not None else None
            if original is not None:
                setattr(owner, name, watch.wrap(label, original))
                break
        else:
            missing.append(label)
    t0 = time.perf_counter()
    book = nlsheet.open(path)
    _ = book.engine.model  # the intent model, from the disk cache
    t1 = time.perf_counter()
    result = book.ask(command, save=out)
    seconds = time.perf_counter() - t0
    pieces = {"open + intent model from cache": t1 - t0}
    pieces.update((k, v) for k, v in watch.seconds.items() if watch.calls[k])
    pieces["understanding and the rest"] = seconds - sum(pieces.values())
    return {
        "seconds": seconds,
        "pieces": pieces,
        "calls": watch.calls,
        "not_timed_apart": missing + [k for k, n in watch.calls.items() if not n],
        **_describe(result),
    }


def _values_only(path: Path, out: Path, _command: str) -> dict[str, Any]:
    """Read with calamine, stable-sort with pandas, write values with XlsxWriter constant_memory.

    pandas' own ``to_excel`` is not used: it writes column by column, which constant_memory
    (rows must be written in order) would silently truncate.
    """
    import pandas as pd
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    calamine = CalamineWorkbook.from_path(str(path))
    sheet_name = calamine.sheet_names[0]
    rows = calamine.get_sheet_by_index(0).to_python()
    t1 = time.perf_counter()
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    del rows
    frame = frame.sort_values(SORT_COLUMN, ascending=False, kind="stable", na_position="last")
    t2 = time.perf_counter()
    tmp = out.with_name(f".{out.stem}-{os.getpid()}.xlsx")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
    ws = wb.add_worksheet(sheet_name)
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, [str(h) for h in frame.columns])
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(values):
            if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, dt.date):  # dt.datetime and pd.Timestamp included
                ws.write_datetime(r, c, value, date_fmt)
            else:
                ws.write(r, c, value)
    wb.close()
    os.replace(tmp, out)
    t3 = time.perf_counter()
    return {
        "seconds": t3 - t0,
        "pieces": {"calamine read": t1 - t0, "pandas sort": t2 - t1, "XlsxWriter write": t3 - t2},
    }


def _warm(_path: Path, _out: Path, _command: str) -> dict[str, Any]:
    import nlsheet

    t0 = time.perf_counter()
    _ = nlsheet.Nlsheet().model
    return {"seconds": time.perf_counter() - t0}


WORKERS: dict[str, tuple[Callable[[Path, Path, str], dict[str, Any]], tuple[str, ...]]] = {
    # kind: (function, modules imported before the clock starts)
    "baseline": (_baseline, ("openpyxl",)),
    "nlsheet": (_nlsheet, ("openpyxl", "pandas", "python_calamine", "nlsheet")),
    "breakdown": (_breakdown, ("openpyxl", "pandas", "python_calamine", "nlsheet")),
    "values_only": (_values_only, ("pandas", "python_calamine", "xlsxwriter")),
    "warm": (_warm, ("nlsheet",)),
}


def worker_main(kind: str, path: Path, out: Path, command: str) -> int:
    """Run one measurement in this (fresh) process and print its JSON on stdout."""
    fn, modules = WORKERS[kind]
    t0 = time.perf_counter()
    for module in modules:
        __import__(module)
    imports = time.perf_counter() - t0
    rss_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gc.collect()
    report = fn(path, out, command)
    report["import_seconds"] = imports
    report["rss_after_imports_mib"] = rss_mib(rss_imports)
    report["rss_self_mib"] = rss_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(json.dumps(report))
    return 0


# ------------------------------------------------------------------------------ parent process


@dataclass
class Run:
    """One measurement: a subprocess's own timing plus its peak memory seen by the parent."""

    kind: str
    command: str
    seconds: float
    peak_rss_mib: float
    process_seconds: float
    import_seconds: float
    rss_after_imports_mib: float
    details: dict[str, Any] = field(default_factory=dict)


class WorkerError(Exception):
    pass


def run_worker(kind: str, path: Path, out: Path, command: str = "") -> Run:
    """Run ``kind`` in a fresh interpreter; its peak RSS comes from ``os.wait4`` on that child.

    ``getrusage(RUSAGE_CHILDREN)`` would give the largest peak of all children so far, so a
    small measurement after a big one would show the big one's peak; wait4 gives this child's.
    """
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--path",
        str(path),
        "--out-file",
        str(out),
        "--command",
        command,
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    stdout = proc.stdout.read()
    proc.stdout.close()
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak: float | None = rss_mib(usage.ru_maxrss)
    else:  # pragma: no cover - not Unix: the worker's own figure
        proc.wait()
        peak = None
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not stdout.strip():
        raise WorkerError(f"{kind} {command!r} failed with exit code {proc.returncode}")
    report = json.loads(stdout.strip().splitlines()[-1])
    return Run(
        kind=kind,
        command=command,
        seconds=report.pop("seconds"),
        peak_rss_mib=peak if peak is not None else report["rss_self_mib"],
        process_seconds=wall,
        import_seconds=report.pop("import_seconds"),
        rss_after_imports_mib=report.pop("rss_after_imports_mib"),
        details=report,
    )


# -------------------------------------------------------------------------------------- checks


def read_grid(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    rows: list[list[Any]] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return rows


def sheet_xml_contains(path: Path, needle: bytes) -> bool:
    """Whether the first worksheet's XML contains ``needle`` (streamed, not loaded whole)."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in sorted(zf.namelist()) if n.startswith("xl/worksheets/sheet"))
        tail = b""
        with zf.open(name) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                if needle in tail + chunk:
                    return True
                tail = chunk[-len(needle) :]
    return False


def _norm(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def check_outputs(
    source: list[list[Any]], outputs: dict[str, Path], rows: int
) -> tuple[list[str], dict[str, Any]]:
    """Problems with nlsheet's outputs (empty when right), and facts about the alternative."""
    problems: list[str] = []
    facts: dict[str, Any] = {}
    amount = HEADERS.index(SORT_COLUMN)
    want_total = math.fsum(float(r[amount]) for r in source[1:])

    def sort_problems(label: str, grid: list[list[Any]]) -> list[str]:
        values = [r[amount] for r in grid[1:]]
        found = []
        if len(values) != rows:
            found.append(f"{label}: {len(values)} data rows, expected {rows}")
        if any(a < b for a, b in itertools.pairwise(values)):
            found.append(f"{label}: {SORT_COLUMN} is not in descending order")
        if not math.isclose(math.fsum(float(v) for v in values), want_total, rel_tol=1e-12):
            found.append(f"{label}: the {SORT_COLUMN} values changed")
        return found

    sorted_grid = read_grid(outputs["sort"])
    problems.extend(sort_problems("(b) sort", sorted_grid))
    if not sheet_xml_contains(outputs["highlight"], b"<conditionalFormatting"):
        problems.append("(c) highlight: no conditional format in the output")
    added = read_grid(outputs["add_column"])
    if added[0][len(HEADERS) : len(HEADERS) + 1] != ["Total"]:
        problems.append(f"(d) add column: header row is {added[0]!r}, expected Total last")
    if not sheet_xml_contains(outputs["add_column"], b"<f>"):
        problems.append("(d) add column: no formulas in the output")
    del added
    # The alternative is the comparison, not nlsheet: its problems are reported, not failed.
    alt = read_grid(outputs["values_only"])
    facts["values_only_problems"] = sort_problems("(e) values-only", alt)
    differing = sum(
        1
        for a, b in zip(sorted_grid, alt, strict=False)
        if [_norm(v) for v in a] != [_norm(v) for v in b]
    ) + abs(len(sorted_grid) - len(alt))
    facts["rows_differing_from_nlsheet_sort"] = differing
    return problems, facts


# ------------------------------------------------------------------------------------- machine


def nlsheet_dir() -> Path:
    """The nlsheet package folder the workers will import, found without importing it."""
    spec = importlib.util.find_spec("nlsheet")
    if spec is None or spec.origin is None:
        raise SystemExit("nlsheet is not importable from this environment")
    return Path(spec.origin).resolve().parent


def source_digest(package: Path) -> str:
    """A short hash of nlsheet's source and data files: which code a run measured, even in a
    working tree with uncommitted changes (and whether it changed during the run)."""
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*")):
        if file.is_file() and file.suffix in (".py", ".yaml", ".json", ".typed"):
            digest.update(str(file.relative_to(package)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict[str, Any]:
    version = dist_version
    cpu = cpu_model()
    package = nlsheet_dir()

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", "-C", str(package.parent), *args],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    try:
        total_mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        total_mem = float("nan")
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "memory_gib": round(total_mem, 1),
        "load_average_1m_at_start": round(os.getloadavg()[0], 2)
        if hasattr(os, "getloadavg")
        else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "openpyxl": version("openpyxl"),
        "xlsxwriter": version("XlsxWriter"),
        "python_calamine": version("python-calamine"),
        "pandas": version("pandas"),
        "nlsheet": version("nlsheet"),
        "nlsheet_path": str(package),
        "nlsheet_source_digest": source_digest(package),
        "git_commit": git("rev-parse", "--short", "HEAD") or "unknown",
        "nlsheet_uncommitted_changes": bool(git("status", "--porcelain", "--", str(package))),
    }


# -------------------------------------------------------------------------------------- report


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 1 else f"{seconds:,.2f} s"


CHANGE = "the change itself"


def conclusion(rep: dict[str, Any]) -> str:
    """One paragraph from the numbers: is openpyxl's full load the bottleneck, and the option."""
    base, sort, alt = rep["runs"]["baseline"], rep["runs"]["sort"], rep["runs"]["values_only"]
    pieces: dict[str, float] = rep["breakdown"]["pieces"]
    total = rep["breakdown"]["seconds"]
    load, save = pieces.get(LOAD, 0.0), pieces.get(SAVE, 0.0)
    change = pieces.get(CHANGE, 0.0)
    rest = total - load - save - change
    share = (load + save) / total if total else 0.0
    largest = max(pieces, key=lambda k: pieces[k])
    verdict = "is the bottleneck" if share >= 0.5 else f"is not the bottleneck (largest: {largest})"
    differing = rep["checks"]["rows_differing_from_nlsheet_sort"]
    alt_problems = rep["checks"]["values_only_problems"]
    same = (
        "the same cell values" if not differing else f"cell values differing in {differing:,} rows"
    )
    return (
        f"Conclusion: openpyxl's full load + save {verdict}: {share:.0%} of nlsheet's sort "
        f"(load {fmt_s(load)}, save {fmt_s(save)}); the sort itself takes {fmt_s(change)} "
        f"({change / total:.0%}) and everything else (calamine read, understanding the command, "
        f"the values grid, re-detecting the table) {fmt_s(rest)} ({rest / total:.0%}). "
        f"nlsheet's sort costs {sort['time_ratio']:.2f}x the time and {sort['rss_ratio']:.2f}x "
        f"the peak memory of a plain openpyxl load + save ({fmt_s(base['seconds'])}, "
        f"{base['peak_rss_mib']:,.0f} MiB). A values-only rewrite (calamine + pandas + "
        f"XlsxWriter constant_memory) takes {fmt_s(alt['seconds'])} and "
        f"{alt['peak_rss_mib']:,.0f} MiB ({alt['seconds'] / sort['seconds']:.2f}x the time and "
        f"{alt['peak_rss_mib'] / sort['peak_rss_mib']:.2f}x the memory of nlsheet's sort) and "
        f"writes {same}"
        + (f" (its output failed checks: {'; '.join(alt_problems)})" if alt_problems else "")
        + f", but keeps only values and date formats: it loses {LOST_BY_VALUES_ONLY}."
    )


def print_tables(rep: dict[str, Any]) -> None:
    m, src = rep["machine"], rep["source"]
    title = (
        f"nlsheet edit speed  {m['date']}  ({m['cpu']}, {m['cpu_count']} CPUs, "
        f"{m['memory_gib']} GiB, load {m['load_average_1m_at_start']}, Python {m['python']}, "
        f"openpyxl {m['openpyxl']}, "
        f"XlsxWriter {m['xlsxwriter']}, python-calamine {m['python_calamine']}, "
        f"pandas {m['pandas']}, nlsheet {m['nlsheet']} @ {m['git_commit']}"
        f"{' + uncommitted changes' if m['nlsheet_uncommitted_changes'] else ''}, "
        f"source digest {m['nlsheet_source_digest']}"
        f"{' CHANGED DURING THE RUN' if rep['nlsheet_changed_during_run'] else ''})"
    )
    made = (
        "reused from the cache"
        if src["reused"]
        else f"generated in {fmt_s(src['generate_seconds'])}"
    )
    workbook = (
        f"workbook: {rep['rows']:,} rows x {len(HEADERS)} columns + header, "
        f"{src['size_bytes'] / 1e6:.1f} MB, {made}"
        + (f"; best of {rep['repeat']} runs each" if rep["repeat"] > 1 else "")
    )
    labels = {
        "baseline": "(a) openpyxl load + save",
        "sort": f"(b) nlsheet {SORT!r}",
        "highlight": f"(c) nlsheet {HIGHLIGHT!r}",
        "add_column": f"(d) nlsheet {ADD_COLUMN!r}",
        "values_only": "(e) values-only: calamine + pandas + XlsxWriter",
    }
    main_rows: list[tuple[str, ...]] = []
    for key, label in labels.items():
        r = rep["runs"][key]
        main_rows.append(
            (
                label,
                fmt_s(r["seconds"]),
                f"{r['time_ratio']:.2f}x",
                f"{r['peak_rss_mib']:,.0f} MiB",
                f"{r['rss_ratio']:.2f}x",
                f"{fmt_s(r['import_seconds'])} / {r['rss_after_imports_mib']:,.0f} MiB",
            )
        )
    b = rep["breakdown"]
    piece_rows: list[tuple[str, ...]] = [
        (name, fmt_s(sec), f"{sec / b['seconds']:.0%}") for name, sec in b["pieces"].items()
    ]
    piece_rows.append(("total (one instrumented run)", fmt_s(b["seconds"]), "100%"))
    extra: list[tuple[str, ...]] = [
        (name, fmt_s(sec), "")
        for key in ("baseline", "values_only")
        for name, sec in (
            (f"{labels[key].split(':')[0]}: {k}", v) for k, v in rep["runs"][key]["pieces"].items()
        )
    ]
    heads: tuple[str, ...] = (
        "measurement",
        "time",
        "x (a)",
        "peak RSS",
        "x (a)",
        "imports: time / RSS",
    )
    pheads: tuple[str, ...] = ("where the sort's time goes", "time", "share")
    note = (
        "Each line is a fresh Python subprocess. time = the work after the imports; peak RSS "
        "= ru_maxrss of that whole process (os.wait4), imports included (last column)."
    )
    try:
        from rich.console import Console
        from rich.table import Table

        width = None if sys.stdout.isatty() else 140
        console = Console(width=width, markup=False, highlight=False)
        console.print(title, workbook, sep="\n")
        table = Table(caption=note, caption_justify="left")
        for h in heads:
            table.add_column(h, overflow="fold", justify="left" if h == heads[0] else "right")
        for row in main_rows:
            table.add_row(*row)
        console.print(table)
        ptable = Table()
        for h in pheads:
            ptable.add_column(h, justify="left" if h == pheads[0] else "right")
        for row in piece_rows:
            ptable.add_row(*row)
        for row in extra:
            ptable.add_row(*row, style="dim")
        console.print(ptable)
        console.print(rep["conclusion"], soft_wrap=False)
    except ImportError:
        print(title, workbook, sep="\n")
        for rows_, hs in ((main_rows, heads), ([*piece_rows, *extra], pheads)):
            width = max(len(r[0]) for r in [*rows_, hs])
            print("  ".join([f"{hs[0]:<{width}}", *(f"{h:>14}" for h in hs[1:])]))
            for row in rows_:
                print("  ".join([f"{row[0]:<{width}}", *(f"{v:>14}" for v in row[1:])]))
            print()
        print(note)
        print(rep["conclusion"])


# ---------------------------------------------------------------------------------------- main


def measure(args: argparse.Namespace, source: Source, outdir: Path) -> dict[str, Any]:
    """Every subprocess measurement, (a)-(e) interleaved per repeat, then the breakdown."""
    log("warming the intent model cache (trained once per machine; not measured)")
    warm = run_worker("warm", source.path, outdir / "unused.xlsx")
    plan = {
        "baseline": ("baseline", ""),
        "sort": ("nlsheet", SORT),
        "highlight": ("nlsheet", HIGHLIGHT),
        "add_column": ("nlsheet", ADD_COLUMN),
        "values_only": ("values_only", SORT),
    }
    outputs = {key: outdir / f"{key}.xlsx" for key in plan}
    runs: dict[str, list[Run]] = {key: [] for key in plan}
    for n in range(1, args.repeat + 1):
        for key, (kind, command) in plan.items():
            log(f"run {n}/{args.repeat}: {key} {command!r}")
            run = run_worker(kind, source.path, outputs[key], command)
            log(f"  {fmt_s(run.seconds)}, peak {run.peak_rss_mib:,.0f} MiB")
            if run.details.get("clarification"):
                raise WorkerError(f"{command!r} asked back: {run.details['clarification']}")
            runs[key].append(run)
    log(f"breakdown: {SORT!r} with timers around nlsheet's pieces")
    breakdown = run_worker("breakdown", source.path, outdir / "breakdown.xlsx", SORT)
    if breakdown.details.get("not_timed_apart"):
        log(f"  not timed apart (absent or not called): {breakdown.details['not_timed_apart']}")

    best = {key: min(rs, key=lambda r: r.seconds) for key, rs in runs.items()}
    base = best["baseline"]
    report_runs: dict[str, Any] = {}
    for key, run in best.items():
        entry = asdict(run)
        entry.update(entry.pop("details"))
        entry["time_ratio"] = run.seconds / base.seconds
        entry["rss_ratio"] = run.peak_rss_mib / base.peak_rss_mib
        entry["all_seconds"] = [r.seconds for r in runs[key]]
        entry["all_peak_rss_mib"] = [r.peak_rss_mib for r in runs[key]]
        report_runs[key] = entry
    bd = asdict(breakdown)
    bd.update(bd.pop("details"))

    log("checking the outputs")
    problems, facts = check_outputs(read_grid(source.path), outputs, args.rows)
    return {
        "warm_model_seconds": warm.seconds,
        "runs": report_runs,
        "breakdown": bd,
        "checks": {"problems": problems, **facts},
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--rows", type=int, default=200_000, help="data rows (default 200000)")
    p.add_argument("--repeat", type=int, default=1, help="runs of (a)-(e); best kept (1)")
    p.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "nlsheet-bench",
        help="folder for the generated workbook, reused when present (default: %(default)s)",
    )
    p.add_argument("--fresh", action="store_true", help="regenerate the cached workbook")
    p.add_argument("--out", type=Path, help="keep the edited workbooks here (default: deleted)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--json-file", type=Path, help="also write the JSON report to this file")
    p.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    p.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out-file", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--command", default="", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        return worker_main(args.worker, args.path, args.out_file, args.command)
    if args.rows < 1 or args.repeat < 1:
        p.error("--rows and --repeat must be >= 1")

    facts = machine()
    source = ensure_workbook(args.cache, args.rows, args.fresh)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        outdir, cleanup = args.out, False
    else:
        outdir, cleanup = Path(tempfile.mkdtemp(prefix="nlsheet-edit-bench-")), True
    try:
        measured = measure(args, source, outdir)
    except WorkerError as exc:
        print(f"\nEDIT FAILED: {exc}\n", file=sys.stderr)
        if args.json:
            print(json.dumps({"ok": False, "error": str(exc)}))
        return 1
    finally:
        if cleanup:
            shutil.rmtree(outdir, ignore_errors=True)

    digest_after = source_digest(nlsheet_dir())
    changed = digest_after != facts["nlsheet_source_digest"]
    if changed:
        log(
            f"WARNING: nlsheet's source changed during the run ({facts['nlsheet_source_digest']}"
            f" -> {digest_after}); the subprocesses may have measured different code"
        )
    report: dict[str, Any] = {
        "ok": not measured["checks"]["problems"],
        "nlsheet_changed_during_run": changed,
        "rows": args.rows,
        "columns": list(HEADERS),
        "repeat": args.repeat,
        "commands": {"sort": SORT, "highlight": HIGHLIGHT, "add_column": ADD_COLUMN},
        "machine": facts,
        "source": {**asdict(source), "path": str(source.path), "seed": SEED},
        **measured,
        "values_only_loses": LOST_BY_VALUES_ONLY,
    }
    report["conclusion"] = conclusion(report)
    text = json.dumps(report, indent=2, default=str)
    if args.json_file is not None:
        args.json_file.write_text(text + "\n", encoding="utf-8")
    if args.json:
        print(text)
    else:
        print_tables(report)
    for problem in measured["checks"]["problems"]:
        print(f"WRONG OUTPUT: {problem}", file=sys.stderr)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
