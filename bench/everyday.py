"""Run the *everyday* held-out suite (tests/data/everyday) against the nlsheet command line.

    python bench/everyday.py [--split dev|test|all] [--class C] [--nlsheet CMD] [-v]
                             [--results OUT.jsonl] [--jobs N] [--timeout S] [--in-process]

Each case runs ``CMD ask tests/data/everyday/books/BOOK "COMMAND" --sheet SHEET --json --no-llm``
and is scored by its kind:

- value: ``right`` (exit 0, value matches), ``wrong`` (exit 0, value differs), ``asked``
  (exit 3), ``refused`` (exit 4 or 2), ``error`` (anything else: crash, timeout, bad JSON).
- clarify: ``right`` (exit 3), ``right_refused`` (exit 4/2: acceptable), ``wrong`` (exit 0).
- refuse: ``right`` (exit 4/2), ``right_asked`` (exit 3: acceptable), ``wrong`` (exit 0).

``--in-process`` asks through the Python API in this process instead (``nlsheet.open(BOOK).ask``,
the exit code the command line would give: 3 for a question back, the error's own code for an
``NlsheetError``): the same outcomes in seconds rather than minutes, for trying a change out. The
figures the README quotes come from the command line.

The acceptable outcomes (right_refused, right_asked) count as right in the totals. The last line
is ``everyday: R/N (pct%) answered-wrong: W/A (x% of answered)``, where A is every case answered
(exit 0) and W those of them that are wrong. The runner exits 0 whenever it ran.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "data" / "everyday"
CASES = SUITE / "cases.jsonl"
BOOKS = SUITE / "books"
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
RIGHT = {"right", "right_refused", "right_asked"}
REL_TOL = 1e-6


# --------------------------------------------------------------------------------------------
# value matching
# --------------------------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _text(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def _key(value: Any) -> str:
    return str(value).strip().lower()


def _names_match(expected: list[Any], value: Any, unordered: bool) -> bool:
    """An expected list of names against a list of names, a {name: ...} dict whose keys are
    those names in that order, or a list of row dicts one of whose columns holds them."""

    def same(names: Sequence[Any]) -> bool:
        if len(names) != len(expected):
            return False
        if unordered:
            got = sorted(_key(n) for n in names)
            return got == sorted(_key(e) for e in expected)
        return all(match(n, e) for n, e in zip(names, expected, strict=True))

    if isinstance(value, dict):
        return same(list(value.keys()))
    if not isinstance(value, list):
        return False
    if value and all(isinstance(row, dict) for row in value):
        columns = set(value[0])
        for row in value[1:]:
            columns &= set(row)
        return any(same([row[c] for row in value]) for c in sorted(columns))
    return same(value)


_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_keys(expected: dict[Any, Any], value: dict[Any, Any]) -> dict[Any, Any]:
    """Expected months as '2024-09' read as 'Sep' when the answer names its months so and
    every expected month is of one year (the same month either way)."""
    found = [_YEAR_MONTH.fullmatch(str(k)) for k in expected]
    named = all(str(k)[:3].lower() in _MONTHS for k in value)
    if not (found and all(found) and named and len({f[1] for f in found if f}) == 1):
        return expected
    return {_MONTHS[int(f[2]) - 1]: v for f, v in zip(found, expected.values(), strict=True) if f}


_QUARTER = re.compile(r"(?:(\d{4})\s*-?\s*)?q([1-4])(?:\s+(\d{4}))?", re.I)


def _quarter_keys(
    expected: dict[Any, Any], value: dict[Any, Any]
) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Quarters written '2024-Q1', '2024Q1', 'Q1 2024' or 'Q1' as one form on both sides: with
    their year, or without it when the answer names none and every expected quarter is of one
    year (the same quarter either way)."""
    want = [_QUARTER.fullmatch(str(k).strip()) for k in expected]
    got = [_QUARTER.fullmatch(str(k).strip()) for k in value]
    if not (want and all(want) and got and all(got)):
        return expected, value
    years = {m[1] or m[3] for m in want if m}
    bare = {m[1] or m[3] for m in got if m} == {None} and len(years) == 1

    def key(m: re.Match[str]) -> str:
        return f"q{m[2]}" if bare else f"{m[1] or m[3]}-q{m[2]}"

    return (
        {key(m): v for m, v in zip(want, expected.values(), strict=True) if m},
        {key(m): v for m, v in zip(got, value.values(), strict=True) if m},
    )


def _rounded(answer: float, expected: float) -> bool:
    """An expected figure written to 4 decimals or more (0.227133) is met by the answer
    rounded to as many (0.227132766588)."""
    text = repr(expected)
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return decimals >= 4 and round(answer, decimals) == expected


_MONTH_YEAR = re.compile(r"([a-z]{3})[a-z]*\s+(\d{4})")


def _as_year_month(key: Any) -> Any:
    """'Sep 2024' as '2024-09', the form the expected answers write months in."""
    found = _MONTH_YEAR.fullmatch(str(key).strip().lower())
    if found is None or found[1] not in _MONTHS:
        return key
    return f"{found[2]}-{_MONTHS.index(found[1]) + 1:02d}"


def match(value: Any, expected: Any, unordered: bool = False) -> bool:
    """Does an answer ``value`` equal the ``expected`` one (see the module doc)?"""
    if isinstance(expected, list) and len(expected) == 1 and match(value, expected[0]):
        return True
    one = isinstance(value, list) and len(value) == 1 and not isinstance(expected, list)
    if one and match(value[0], expected, unordered):
        return True
    number = _number(expected)
    if number is not None:
        answer = _number(value)
        if answer is None:
            return False
        return math.isclose(answer, number, rel_tol=REL_TOL, abs_tol=1e-9) or _rounded(
            answer, number
        )
    if isinstance(expected, str):
        if _text(value) == expected.strip().lower():
            return True
        return _names_match([expected], value, unordered=False)
    if isinstance(expected, dict):
        if not isinstance(value, dict):
            return False
        expected, value = _quarter_keys(expected, value)
        if any(_YEAR_MONTH.fullmatch(str(k)) for k in expected):
            value = {_as_year_month(k): v for k, v in value.items()}
        months = _month_keys(expected, value)
        want = {_key(k): v for k, v in months.items()}
        got = {_key(k)[: 3 if months is not expected else None]: v for k, v in value.items()}
        if set(want) != set(got) or len(got) != len(value):
            return False
        return all(match(got[k], want[k]) for k in want)
    if isinstance(expected, list):
        return _names_match(expected, value, unordered)
    return bool(value == expected)


# --------------------------------------------------------------------------------------------
# running
# --------------------------------------------------------------------------------------------


def _book(case: dict[str, Any]) -> Path:
    """The case's workbook: in the ``books`` folder beside its cases file (``_books``, set when
    the cases are read), else the suite's."""
    return Path(case.get("_books", BOOKS)) / case["book"]


def run_case(case: dict[str, Any], command: list[str], timeout: float) -> dict[str, Any]:
    """Run one case and score it."""
    book = _book(case)
    argv = [
        *command,
        "ask",
        str(book),
        case["command"],
        "--sheet",
        case["sheet"],
        "--json",
        "--no-llm",
    ]
    started = time.perf_counter()
    value: Any = None
    note = ""
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
        )
        code: int | None = proc.returncode
        try:
            payload = json.loads(proc.stdout)
            value = payload.get("value") if isinstance(payload, dict) else None
            if isinstance(payload, dict) and payload.get("error"):
                note = str(payload["error"].get("message", ""))[:200]
        except json.JSONDecodeError:
            payload = None
            note = (proc.stderr.strip().splitlines() or ["no JSON on stdout"])[-1][:200]
        if payload is None and code == 0:
            code = None  # answered without a readable answer: an error
    except subprocess.TimeoutExpired:
        code = None
        note = f"timeout after {timeout:g} s"
    seconds = time.perf_counter() - started
    return _record(case, code, value, note, seconds)


def run_in_process(case: dict[str, Any]) -> dict[str, Any]:
    """Run one case through the Python API in this process and score it like :func:`run_case`."""
    import nlsheet
    from nlsheet.errors import NlsheetError

    started = time.perf_counter()
    value: Any = None
    note = ""
    try:
        result = nlsheet.open(_book(case)).ask(case["command"], sheet=case["sheet"])
        value = json.loads(json.dumps(result.to_dict(), ensure_ascii=False)).get("value")
        code: int | None = 3 if result.needs_clarification else 0
    except NlsheetError as exc:
        code = exc.exit_code if exc.exit_code in (2, 4) else 2
        note = exc.message[:200]
    seconds = time.perf_counter() - started
    return _record(case, code, value, note, seconds)


def _record(
    case: dict[str, Any], code: int | None, value: Any, note: str, seconds: float
) -> dict[str, Any]:
    return {
        "id": case["id"],
        "class": case["class"],
        "kind": case["kind"],
        "split": case["split"],
        "book": case["book"],
        "sheet": case["sheet"],
        "command": case["command"],
        "exit": code,
        "value": value,
        "expected": case["expected"],
        "outcome": score(case, code, value),
        "note": note,
        "seconds": round(seconds, 3),
    }


def score(case: dict[str, Any], code: int | None, value: Any) -> str:
    kind = case["kind"]
    if kind == "value":
        if code == 0:
            return (
                "right" if match(value, case["expected"], case.get("unordered", False)) else "wrong"
            )
        if code == 3:
            return "asked"
        if code in (2, 4):
            return "refused"
        return "error"
    if kind == "clarify":
        table = {0: "wrong", 3: "right", 2: "right_refused", 4: "right_refused"}
    elif kind == "refuse":
        table = {0: "wrong", 2: "right", 4: "right", 3: "right_asked"}
    else:
        raise ValueError(f"unknown kind {kind!r}")
    return table.get(code, "error") if code is not None else "error"


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------


def _short(value: Any, width: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def report(results: list[dict[str, Any]], verbose: bool, split: str) -> None:
    if verbose:
        for r in sorted(results, key=lambda r: r["id"]):
            if r["outcome"] in RIGHT:
                continue
            print(
                f"[{r['outcome']}] {r['id']} ({r['kind']}) {r['book']}/{r['sheet']}: "
                f"{r['command']!r}"
            )
            print(f"    exit {r['exit']}  value {_short(r['value'])}")
            print(
                f"    expected {_short(r['expected'])}"
                + (f"  note: {r['note']}" if r["note"] else "")
            )
        print()
    header = (
        f"{'class':<14}{'n':>5}{'right':>7}{'%':>6}{'answered':>10}{'ans-wrong':>11}"
        f"{'asked':>7}{'refused':>9}{'error':>7}"
    )
    print(header)
    print("-" * len(header))
    rows = [c for c in CLASSES if any(r["class"] == c for r in results)]
    rows += sorted({r["class"] for r in results} - set(rows))
    for cls in [*rows, "all"]:
        part = results if cls == "all" else [r for r in results if r["class"] == cls]
        if cls == "all":
            print("-" * len(header))
        n = len(part)
        right = sum(r["outcome"] in RIGHT for r in part)
        answered = sum(r["exit"] == 0 for r in part)
        wrong = sum(r["exit"] == 0 and r["outcome"] == "wrong" for r in part)
        asked = sum(r["exit"] == 3 for r in part)
        refused = sum(r["exit"] in (2, 4) for r in part)
        errors = sum(r["outcome"] == "error" for r in part)
        pct = 100 * right / n if n else 0.0
        print(
            f"{cls:<14}{n:>5}{right:>7}{pct:>6.1f}{answered:>10}{wrong:>11}{asked:>7}"
            f"{refused:>9}{errors:>7}"
        )
    print()
    for kind in ("value", "clarify", "refuse"):
        part = [r for r in results if r["kind"] == kind]
        if part:
            outcomes: dict[str, int] = {}
            for r in part:
                outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
            print(f"kind {kind:<8} n={len(part):<4} {detail}")
    n = len(results)
    right = sum(r["outcome"] in RIGHT for r in results)
    answered = sum(r["exit"] == 0 for r in results)
    wrong = sum(r["exit"] == 0 and r["outcome"] == "wrong" for r in results)
    pct = 100 * right / n if n else 0.0
    wpct = 100 * wrong / answered if answered else 0.0
    print(f"split: {split}")
    print(
        f"everyday: {right}/{n} ({pct:.1f}%) answered-wrong: {wrong}/{answered} "
        f"({wpct:.1f}% of answered)"
    )


def _write(path: str | None, results: list[dict[str, Any]]) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument(
        "--class", dest="cls", action="append", choices=CLASSES, help="only this class (repeatable)"
    )
    parser.add_argument(
        "--nlsheet",
        default=".venv/bin/nlsheet",
        help="command to run nlsheet (split like a shell; default .venv/bin/nlsheet)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show every case not right")
    parser.add_argument("--results", metavar="OUT.jsonl", help="write per-case results here")
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case (default 60)")
    parser.add_argument(
        "--in-process", action="store_true", help="ask through the Python API in this process"
    )
    parser.add_argument(
        "--cases",
        default=str(CASES),
        help="cases file (default: the suite; tests/data/everyday/dev2 ... dev12/cases.jsonl "
        "are more dev sets, written apart and read while fixing rules; test2 ... test5 are "
        "held out); its workbooks are in a books folder beside it, or the suite's",
    )
    args = parser.parse_args(argv)

    cases = [
        json.loads(line)
        for line in Path(args.cases).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    beside = Path(args.cases).resolve().parent / "books"
    if beside.is_dir():
        for case in cases:
            case["_books"] = str(beside)
    if args.split != "all":
        cases = [c for c in cases if c["split"] == args.split]
    if args.cls:
        cases = [c for c in cases if c["class"] in args.cls]
    command = shlex.split(args.nlsheet)
    exe = Path(command[0])
    if not exe.is_absolute() and (ROOT / exe).exists():
        command[0] = str(ROOT / exe)
    if not cases:
        print("no cases selected")
        return 0

    started = time.perf_counter()
    if args.in_process:
        results = [run_in_process(c) for c in cases]
        report(results, args.verbose, args.split)
        _write(args.results, results)
        print(f"({len(results)} cases in {time.perf_counter() - started:.0f} s, in process)")
        return 0
    # the first case alone, so a model cache is built once rather than by every worker at once
    results = [run_case(cases[0], command, args.timeout)]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results += list(pool.map(lambda c: run_case(c, command, args.timeout), cases[1:]))
    elapsed = time.perf_counter() - started

    _write(args.results, results)
    report(results, args.verbose, args.split)
    print(f"({len(results)} cases in {elapsed:.0f} s, {args.jobs} job(s))", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
