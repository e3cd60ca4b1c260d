"""The ``nlsheet`` command line: a thin shim over :class:`nlsheet.Nlsheet`.

Exit codes: 0 answered, 2 bad input, 3 needs clarification, 4 not understood.

Example:
    $ nlsheet ask sample_workbooks/sales.xlsx "average of sales" --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from nlsheet.engine import Nlsheet
from nlsheet.errors import InputError, NlsheetError
from nlsheet.result import Result

__all__ = ["EXIT_ANSWERED", "EXIT_BAD_INPUT", "EXIT_CLARIFY", "EXIT_NOT_UNDERSTOOD", "main"]

EXIT_ANSWERED = 0
EXIT_BAD_INPUT = 2
EXIT_CLARIFY = 3
EXIT_NOT_UNDERSTOOD = 4


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nlsheet",
        description="Ask spreadsheets questions in plain words; get the value and a live formula.",
    )
    sub = parser.add_subparsers(dest="command_name", required=True, metavar="COMMAND")
    ask = sub.add_parser("ask", help="answer one question about a workbook")
    ask.add_argument("book", help="workbook file (.xlsx .xlsm .xls .xlsb .ods .csv)")
    ask.add_argument("command", help='what you want, e.g. "average of sales"')
    ask.add_argument("--sheet", help="sheet to use (default: the one whose headers fit best)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument(
        "--no-llm", action="store_true", help="never ask a language model (the default for now)"
    )
    ask.add_argument("--save", metavar="OUT", help="write the changed workbook to OUT (.xlsx)")
    ask.add_argument(
        "--in-place",
        action="store_true",
        help="change BOOK itself (atomically; a backup is kept for 'nlsheet undo BOOK')",
    )
    ask.add_argument(
        "--dry-run", action="store_true", help="show the numbered plan of changes; write nothing"
    )
    ask.add_argument(
        "--write-to",
        metavar="CELL",
        help="put the answer's live formula into CELL (e.g. H2) of the copy saved with --save",
    )
    ask.add_argument("--explain", action="store_true", help="show how the answer was found")
    undo = sub.add_parser("undo", help="restore BOOK as it was before the last --in-place")
    undo.add_argument("book", help="the workbook changed with --in-place")
    undo.add_argument("--force", action="store_true", help="even if it changed since")
    undo.add_argument("--json", action="store_true", help="print one JSON object")
    _add_learning_commands(sub)
    return parser


def _add_learning_commands(sub: Any) -> None:
    ev = sub.add_parser("eval", help="measure how well commands are understood")
    ev.add_argument(
        "--heldout",
        metavar="FILE",
        nargs="+",
        help="score these labelled YAML files (trained on all training data); "
        "default: a stratified held-out split of the training data",
    )
    ev.add_argument("--test-size", type=float, default=0.2, help="share held out (default 0.2)")
    ev.add_argument("--folds", type=int, default=5, help="k-fold cross-validation (0: skip)")
    ev.add_argument("--cases", metavar="FILE", nargs="+", help="case files to run end to end")
    ev.add_argument(
        "--books", metavar="DIR", help="folder of the cases' workbooks (default: beside them)"
    )
    ev.add_argument(
        "--tune-thresholds",
        action="store_true",
        help="find the clarification thresholds keeping accepted answers >= --target correct",
    )
    ev.add_argument("--target", type=float, default=0.97, help="accepted precision to reach")
    ev.add_argument("--plot", metavar="PNG", help="write the confusion matrix as a heatmap")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument("--errors", type=int, default=15, help="how many misclassified to show")
    ev.add_argument(
        "--book",
        help="also check commands refilled with this workbook's own headers (end to end)",
    )
    ev.add_argument("--sheet", help="the sheet of --book")

    tr = sub.add_parser("train", help="train the intent classifier (and tune it)")
    tr.add_argument(
        "--tune",
        action="store_true",
        help="grid-search C, n-grams, class weights and solver (stratified 5-fold macro-F1); "
        "the best parameters are saved and used from then on",
    )
    tr.add_argument("--grid", metavar="JSON", help='the grid, e.g. {"C": [1, 10]}')
    tr.add_argument("--folds", type=int, default=5, help="folds of the search (default 5)")
    tr.add_argument("--reset", action="store_true", help="forget tuned parameters")
    tr.add_argument("--json", action="store_true", help="print one JSON object")

    fb = sub.add_parser("feedback", help="teach nlsheet what a command meant; list or undo")
    fb.add_argument("command", nargs="?", help="the command that was misunderstood")
    fb.add_argument("--intent", help="what it meant (an intent name, e.g. average)")
    fb.add_argument(
        "--column",
        metavar="WORD=HEADER",
        action="append",
        default=[],
        help="a word of the command and the header it means (repeatable)",
    )
    fb.add_argument("--book", help="the workbook the command was about (finds its headers)")
    fb.add_argument("--sheet", help="the sheet of --book")
    fb.add_argument("--list", action="store_true", help="list the stored corrections")
    fb.add_argument(
        "--undo",
        metavar="ID",
        nargs="?",
        const="last",
        help="undo a correction (the latest by default)",
    )
    fb.add_argument("--json", action="store_true", help="print one JSON object")


def _format_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return (
            f"{value:,.6g}"
            if abs(value) >= 1e15 or 0 < abs(value) < 1e-4
            else (f"{value:,.4f}".rstrip("0").rstrip("."))
        )
    return str(value)


def _value_lines(result: Result) -> list[str]:
    value = result.value
    if result.intent == "share" and isinstance(value, (int, float)):
        return [f"{value:.1%}"]
    if isinstance(value, dict):
        width = max((len(str(k)) for k in value), default=0)
        return [f"{str(k).ljust(width)}  {_format_value(v)}" for k, v in value.items()]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        headers = list(value[0])
        rows = [[_format_value(v.get(h)) for h in headers] for v in value]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
        return lines
    if isinstance(value, list):
        return [", ".join(_format_value(v) for v in value)]
    return [_format_value(value)]


def _print_changes(result: Result, out: TextIO) -> None:
    for step in result.steps:
        print(
            f"  {step['step']}. {step['does']}   ({step['intent']}, {step['confidence']:.0%} sure"
            f", from {step['command']!r})",
            file=out,
        )
    verb = "changed" if any(c.get("file") for c in result.changes) else "would change"
    for change in result.changes:
        print(f"  {verb}: {change['range']}: {change['what']}", file=out)
    for note in result.notes:
        print(f"  note:    {note}", file=out)


def _print_human(result: Result, out: TextIO, explain: bool) -> None:
    if result.clarification is not None:
        print(result.clarification.question, file=out)
        for n, option in enumerate(result.clarification.options, 1):
            print(f'  {n}. {option.label}    (nlsheet ask ... "{option.command}")', file=out)
        return
    if result.steps:
        print(f"{len(result.steps)} step(s) on sheet {result.sheet}:", file=out)
        _print_changes(result, out)
        return
    for line in _value_lines(result):
        print(line, file=out)
    if result.formulas:
        first = next(iter(result.formulas))
        print(f"  formula: {result.formulas[first]}   (for {first}; one per group)", file=out)
    else:
        print(f"  formula: {result.formula or 'none'}", file=out)
    if result.formula_legacy:
        print(f"  older Excel: {result.formula_legacy}", file=out)
    if result.columns:
        cells = ", ".join(f"{c.name} ({c.cell})" for c in result.columns)
        print(f"  cells:   {cells}", file=out)
    print(
        f"  intent:  {result.intent} ({result.confidence:.0%} sure), sheet {result.sheet}",
        file=out,
    )
    for change in result.changes:
        print(f"  wrote:   {change['what']} at {change['range']} in {change['file']}", file=out)
    for note in result.notes:
        print(f"  note:    {note}", file=out)
    if explain:
        print(result.explain(), file=out)


def _error_object(exc: NlsheetError) -> dict[str, Any]:
    error: dict[str, Any] = {"type": exc.type_name, "message": exc.message}
    for key in ("expected", "found", "where"):
        value = getattr(exc, key)
        if value is not None:
            error[key] = value
    if exc.candidates:
        error["candidates"] = list(exc.candidates)
    return {
        "value": None,
        "formula": None,
        "intent": None,
        "route": "classifier",
        "confidence": None,
        "columns": [],
        "changes": [],
        "clarification": None,
        "error": error,
        "sheet": None,
        "plan": None,
        "notes": [],
        "steps": [],
    }


def _run_ask(args: argparse.Namespace, engine: Nlsheet, out: TextIO, err: TextIO) -> int:
    try:
        if args.write_to and not args.save:
            raise InputError(
                "--write-to needs --save OUT.xlsx: nlsheet writes to a copy, never to its input",
                expected="--save OUT.xlsx",
                found="no --save",
                where="--write-to",
            )
        if args.in_place and args.save:
            raise InputError(
                "--in-place and --save both say where to write; give one",
                expected="--save OUT.xlsx or --in-place",
                found="both",
                where="--in-place",
            )
        book = engine.open(args.book)
        dry = args.dry_run or args.write_to
        result = book.ask(
            args.command,
            sheet=args.sheet,
            save=None if dry else args.save,
            in_place=bool(args.in_place and not args.dry_run),
        )
        if args.write_to and not result.needs_clarification:
            result = book.write_answer(result, args.write_to, args.save)
    except NlsheetError as exc:
        if args.json:
            print(json.dumps(_error_object(exc), ensure_ascii=False), file=out)
        else:
            print(f"nlsheet: {exc.message}", file=err)
        return (
            exc.exit_code
            if exc.exit_code in (EXIT_BAD_INPUT, EXIT_NOT_UNDERSTOOD)
            else EXIT_BAD_INPUT
        )
    notes = list(result.notes)
    if args.save and not result.changes:
        notes.append(f"nothing was written to {args.save}: the answer changed nothing")
    if args.json:
        data = result.to_dict()
        data["notes"] = notes
        print(json.dumps(data, ensure_ascii=False), file=out)
    else:
        _print_human(result, out, args.explain)
        if args.save and not result.changes:
            print(f"  note:    {notes[-1]}", file=out)
    return EXIT_CLARIFY if result.needs_clarification else EXIT_ANSWERED


def _run_undo(args: argparse.Namespace, engine: Nlsheet, out: TextIO, err: TextIO) -> int:
    try:
        done = engine.open(args.book).undo(force=args.force)
    except NlsheetError as exc:
        if args.json:
            print(json.dumps(_error_object(exc), ensure_ascii=False), file=out)
        else:
            print(f"nlsheet: {exc.message}", file=err)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(done, ensure_ascii=False), file=out)
    else:
        print(f"restored {done['restored']} as it was before {done['command']!r}", file=out)
    return EXIT_ANSWERED


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _parser().parse_args(argv)
    except SystemExit as exc:  # usage errors and --help: argparse has printed to out/err
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    engine = Nlsheet()
    try:
        if args.command_name == "ask":
            return _run_ask(args, engine, out, err)
        if args.command_name == "undo":
            return _run_undo(args, engine, out, err)
        from nlsheet import learning_cli

        runner = {
            "eval": learning_cli.run_eval,
            "train": learning_cli.run_train,
            "feedback": learning_cli.run_feedback,
        }[args.command_name]
        try:
            return runner(args, engine, out)
        except NlsheetError as exc:
            if getattr(args, "json", False):
                print(json.dumps(_error_object(exc), ensure_ascii=False), file=out)
            else:
                print(f"nlsheet: {exc.message}", file=err)
            return exc.exit_code if exc.exit_code != 1 else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("nlsheet: interrupted", file=err)
        return 130
    except BrokenPipeError:
        # The reader went away ('nlsheet ask ... | head'): stop quietly, as Unix tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    raise AssertionError(f"unhandled command {args.command_name!r}")  # argparse prevents this
