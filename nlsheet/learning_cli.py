"""The learning commands of the CLI: ``nlsheet eval``, ``nlsheet train``, ``nlsheet feedback``.

Thin: each parses its options, calls :mod:`nlsheet.nlu.evaluate`, the model or the engine,
and prints a short report (or one JSON object with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, TextIO

import yaml

from nlsheet.engine import Nlsheet
from nlsheet.errors import InputError
from nlsheet.nlu.dataset import default_data_paths, load_dataset
from nlsheet.nlu.evaluate import (
    PassRate,
    Report,
    cross_validate,
    evaluate,
    plot_confusion,
    run_cases,
    split,
    tune,
    with_book_headers,
)
from nlsheet.nlu.feedback import Corrections
from nlsheet.nlu.model import NluModel, load_params, save_params
from nlsheet.nlu.thresholds import dev_test_split, tune_thresholds

__all__ = ["run_eval", "run_feedback", "run_train"]


def _paths(files: list[str], option: str) -> list[Path]:
    paths = [Path(f) for f in files]
    for path in paths:
        if not path.is_file():
            raise InputError(
                f"{option}: there is no file {path}",
                expected="a YAML file",
                found=str(path),
                where=option,
            )
    return paths


def _report_lines(report: Report, errors: int, source: str) -> list[str]:
    lines = [
        f"trained on {report.n_train} examples in {report.train_seconds:.2f} s; "
        f"prediction {report.predict_ms:.3f} ms per command",
        f"{source} split by a hash of each command: dev {report.n_dev} (thresholds are tuned "
        f"on it), test {report.n_test} (every figure below is from test unless marked dev)",
        f"test: accuracy {report.accuracy:.3f}   macro-F1 {report.macro_f1:.3f}"
        + (
            f"   out-of-scope recall {report.out_of_scope_recall:.3f}"
            if report.out_of_scope_recall is not None
            else ""
        ),
    ]
    if report.folds:
        mean = sum(report.folds) / len(report.folds)
        lines.append(
            f"{len(report.folds)}-fold cross-validation macro-F1 {mean:.3f} "
            f"({', '.join(f'{f:.3f}' for f in report.folds)})"
        )
    t = report.thresholds
    lines.append(
        f"thresholds min_confidence {t.min_confidence:.2f} clarify_margin {t.clarify_margin:.2f}:"
    )
    lines.append(f"  test: {t.summary()}")
    if report.dev_thresholds is not None:
        lines.append(f"  dev:  {report.dev_thresholds.summary()}")
    lines.append("")
    width = max(len(k) for k in report.intents)
    lines.append(f"{'intent'.ljust(width)}  precision  recall     f1  support")
    for name, score in report.intents.items():
        lines.append(
            f"{name.ljust(width)}  {score.precision:9.3f}  {score.recall:6.3f}  "
            f"{score.f1:5.3f}  {score.support:7d}"
        )
    lines += ["", *_confusion_lines(report)]
    if report.errors and errors:
        lines += ["", f"misclassified ({len(report.errors)}; first {errors}):"]
        lines += [f"  {t} -> {p}: {x}" for t, p, x in report.errors[:errors]]
    return lines


def _confusion_lines(report: Report) -> list[str]:
    """The confusion matrix restricted to the intents involved in some confusion."""
    labels, matrix = report.labels, report.confusion
    involved = sorted(
        {i for i, row in enumerate(matrix) for j, n in enumerate(row) if n and i != j}
        | {j for i, row in enumerate(matrix) for j, n in enumerate(row) if n and i != j}
    )
    if not involved:
        return ["confusion matrix: no confusions"]
    short = [labels[i][:6] for i in involved]
    width = max(len(labels[i]) for i in involved)
    lines = [
        "confusion matrix (rows: true, columns: predicted; intents with confusions only)",
        " " * width + " " + " ".join(s.rjust(6) for s in short),
    ]
    for i in involved:
        cells = [str(matrix[i][j]) if matrix[i][j] else "." for j in involved]
        lines.append(labels[i].ljust(width) + " " + " ".join(c.rjust(6) for c in cells))
    return lines


def run_eval(args: argparse.Namespace, engine: Nlsheet, out: TextIO) -> int:
    """``nlsheet eval``: held-out scores, cross-validation, thresholds, end-to-end cases."""
    params = load_params(engine.settings)
    training = load_dataset(default_data_paths())
    heldout = load_dataset(_paths(args.heldout, "--heldout")) if args.heldout else None
    if not 0 < args.test_size < 1:
        raise InputError(
            f"--test-size must be between 0 and 1, found {args.test_size}",
            expected="0 < share < 1",
            found=str(args.test_size),
            where="--test-size",
        )
    # Held-out commands (or, without --heldout, a stratified share of the training data) are
    # split into dev, where thresholds may be tuned, and test, where every figure is measured.
    if heldout is not None:
        train, scored, source = training, heldout, "held-out commands"
    else:
        train, scored = split(training, args.test_size)
        source = f"{args.test_size:.0%} of the training data held out,"
    dev, test = dev_test_split(scored)
    report = evaluate(train, test, params=params, settings=engine.settings, dev=dev)
    if args.folds and args.folds > 1:
        report = Report(
            **{**report.__dict__, "folds": cross_validate(training, args.folds, params)}
        )
    data: dict[str, Any] = {
        "report": report.to_dict(),
        "splits": {
            "of": "heldout" if heldout is not None else "training",
            "dev": len(dev.examples),
            "test": len(test.examples),
            "figures": "test",
        },
    }
    lines = _report_lines(report, args.errors, source)
    if args.tune_thresholds:
        tuned = tune_thresholds(
            train, dev, test=test, target=args.target, params=params, settings=engine.settings
        )
        data["tuned_thresholds"] = tuned.to_dict()
        lines += [
            "",
            f"tuned on dev for >= {args.target:.0%} of answers right: min_confidence "
            f"{tuned.min_confidence:.2f}, clarify_margin {tuned.clarify_margin:.2f}",
            f"  dev:  {tuned.dev.summary()}",
        ]
        if tuned.test is not None:
            lines.append(f"  test: {tuned.test.summary()}")
    if args.cases:
        cases = _run_case_files(_paths(args.cases, "--cases"), args.books, engine)
        data["cases"] = {
            "passed": cases.passed,
            "total": cases.total,
            "rate": cases.rate,
            "answered": cases.answered,
            "answered_wrong": cases.answered_wrong,
            "answered_wrong_rate": cases.answered_wrong_rate,
            "failures": cases.failures,
        }
        lines += [
            "",
            f"end to end: {cases.passed}/{cases.total} cases pass ({cases.rate:.1%}); answered "
            f"{cases.answered}, of them wrong {cases.answered_wrong} "
            f"({cases.answered_wrong_rate:.1%} of answered)",
        ]
        lines += [f"  {f['id']}: {f['command']!r} -> {f['got']}" for f in cases.failures[:10]]
    if args.book:
        table = engine.open(args.book).table(args.sheet)
        refilled = with_book_headers(
            list((heldout or training).examples), table, engine.model, engine.settings
        )
        data["book"] = {
            "passed": refilled.passed,
            "total": refilled.total,
            "rate": refilled.rate,
            "failures": refilled.failures,
        }
        lines += [
            "",
            f"with the headers of {args.book} ({table.sheet}): {refilled.passed}/"
            f"{refilled.total} commands understood ({refilled.rate:.1%})",
        ]
        lines += [
            f"  {f['command']!r}: {f['intent']} read as {f['understood']}"
            + (f", missing {', '.join(f['missing'])}" if f["missing"] else "")
            for f in refilled.failures[: args.errors]
        ]
    if args.plot:
        plot_confusion(report, Path(args.plot))
        lines.append(f"confusion matrix heatmap written to {args.plot}")
    if args.json:
        print(json.dumps(data, ensure_ascii=False), file=out)
    else:
        print("\n".join(lines), file=out)
    return 0


def _run_case_files(paths: list[Path], books: str | None, engine: Nlsheet) -> PassRate:
    opened: dict[Path, Any] = {}

    def ask(book: Path, command: str, sheet: str | None) -> Any:
        if book not in opened:
            opened[book] = engine.open(book)
        return opened[book].ask(command, sheet=sheet)

    passed, total, answered, wrong, failures = 0, 0, 0, 0, []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = data.get("cases") if isinstance(data, dict) else None
        if not isinstance(cases, list):
            raise InputError(
                f"{path}: expected a mapping with a 'cases' list",
                expected="cases: [{book, command, expect}]",
                found=type(data).__name__,
                where=str(path),
            )
        folder = Path(books) if books else _books_beside(path)
        report = run_cases(cases, folder, ask)
        passed, total = passed + report.passed, total + report.total
        answered, wrong = answered + report.answered, wrong + report.answered_wrong
        failures += report.failures
    return PassRate(passed, total, failures, answered, wrong)


def _books_beside(path: Path) -> Path:
    """The folder of a case file's workbooks: beside it, or a sample_workbooks folder above."""
    for folder in (path.parent, *path.parents):
        if (folder / "sample_workbooks").is_dir():
            return folder / "sample_workbooks"
    return path.parent


def run_train(args: argparse.Namespace, engine: Nlsheet, out: TextIO) -> int:
    """``nlsheet train [--tune]``: (tune and) train the classifier; report the time."""
    settings = engine.settings
    data: dict[str, Any] = {}
    if args.reset and settings.params_path is not None:
        settings.params_path.unlink(missing_ok=True)
        data["reset"] = True
    if args.tune:
        grid = _grid(args.grid)
        started = time.perf_counter()
        best, score = tune(load_dataset(default_data_paths()), grid, args.folds)
        path = save_params(settings, best, score)
        data["tune"] = {
            "best_params": best,
            "macro_f1": score,
            "seconds": time.perf_counter() - started,
            "saved_to": str(path),
        }
    params = load_params(settings)
    dataset = load_dataset(default_data_paths())
    model = NluModel.train(dataset, params)
    engine.reload()
    data.update(
        {
            "params": params,
            "examples": len(dataset.examples),
            "intents": len(model.intents),
            "train_seconds": model.train_seconds,
        }
    )
    if args.json:
        print(json.dumps(data, ensure_ascii=False), file=out)
        return 0
    if "tune" in data:
        tuned = data["tune"]
        print(
            f"best parameters {json.dumps(tuned['best_params'])} (macro-F1 "
            f"{tuned['macro_f1']:.3f}, {args.folds}-fold); saved to {tuned['saved_to']}",
            file=out,
        )
    print(
        f"trained on {len(dataset.examples)} examples of {len(model.intents)} intents in "
        f"{model.train_seconds or 0:.2f} s with {json.dumps(params) if params else 'defaults'}",
        file=out,
    )
    return 0


def _grid(text: str | None) -> dict[str, list[Any]] | None:
    if text is None:
        return None
    try:
        grid = json.loads(text)
    except ValueError as exc:
        raise InputError(
            f"--grid is not valid JSON ({exc})",
            expected='JSON such as {"C": [1, 10]}',
            found=text,
            where="--grid",
        ) from exc
    known = {"C", "word_ngram_range", "char_ngram_range", "class_weight", "min_df", "tol", "solver"}
    if (
        not isinstance(grid, dict)
        or not grid
        or not all(isinstance(v, list) for v in grid.values())
    ):
        raise InputError(
            "--grid must map parameter names to lists of values",
            expected='{"C": [1, 10]}',
            found=text,
            where="--grid",
        )
    unknown = sorted(set(grid) - known)
    if unknown:
        raise InputError(
            f"--grid: unknown parameter {unknown[0]!r}; expected one of {', '.join(sorted(known))}",
            expected=", ".join(sorted(known)),
            found=unknown[0],
            where="--grid",
            candidates=sorted(known),
        )
    return {k: [tuple(x) if isinstance(x, list) else x for x in v] for k, v in grid.items()}


def run_feedback(args: argparse.Namespace, engine: Nlsheet, out: TextIO) -> int:
    """``nlsheet feedback``: store a correction and retrain; ``--list``; ``--undo``."""
    path = engine.settings.corrections_path
    if args.list:
        stored = Corrections(path).load() if path else []
        if args.json:
            print(json.dumps({"corrections": [c.to_dict() for c in stored]}), file=out)
        elif not stored:
            print("no corrections yet", file=out)
        for c in [] if args.json else stored:
            named = ", ".join(f"{w}={h}" for w, h in c.columns.items())
            print(
                f"{c.id:3d}. {c.command!r} -> {c.intent}" + (f" ({named})" if named else ""),
                file=out,
            )
        return 0
    if args.undo is not None:
        number = None if args.undo == "last" else _number(args.undo)
        removed = engine.forget(number)
        _done(out, args.json, "undone", removed.to_dict(), engine)
        return 0
    if not args.command or not args.intent:
        raise InputError(
            "feedback needs the command and --intent (or --list, --undo): nlsheet feedback "
            '"average of regoin sales" --intent average --column regoin=Region',
            expected="COMMAND --intent INTENT",
            found=f"command={args.command!r} intent={args.intent!r}",
            where="nlsheet feedback",
        )
    columns = dict(_pair(p) for p in args.column)
    book = engine.open(args.book) if args.book else None
    correction = engine.learn(args.command, args.intent, columns, book, args.sheet)
    _done(out, args.json, "learned", correction.to_dict(), engine)
    return 0


def _done(
    out: TextIO, as_json: bool, what: str, correction: dict[str, Any], engine: Nlsheet
) -> None:
    seconds = engine.model.train_seconds
    if as_json:
        print(
            json.dumps({what: correction, "train_seconds": seconds}, ensure_ascii=False), file=out
        )
        return
    took = f" (retrained in {seconds:.2f} s)" if seconds is not None else ""
    print(
        f"{what} #{correction['id']}: {correction['example']!r} -> {correction['intent']}{took}",
        file=out,
    )


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise InputError(
            f"--undo expects a correction number (see --list), found {text!r}",
            expected="a number",
            found=text,
            where="--undo",
        ) from exc


def _pair(text: str) -> tuple[str, str]:
    word, sep, header = text.partition("=")
    if not sep or not word.strip() or not header.strip():
        raise InputError(
            f"--column expects WORD=HEADER (e.g. regoin=Region), found {text!r}",
            expected="WORD=HEADER",
            found=text,
            where="--column",
        )
    return word.strip(), header.strip()
