"""Training the ranker (:mod:`nlsheet.nlu.ranker`) on annotated commands; run by the
maintainers when the readings or the classifier change, never at ask time.

The annotated commands are the hand-written ``nlu/data/src/ranker/commands.yaml`` (commands a
person typed about the bundled sample workbooks, each with the intent meant) and the cases of
``tests/cases/``. Each command is read on its workbook; its candidate readings become rows of
features, labelled 1 for the intent meant. Retrain and write ``nlu/data/ranker.json``, or check
that the committed weights are what the commands give (non-zero exit when not)::

    python -m nlsheet.nlu.ranker_training [--check]

The figures printed include the choice held out by workbook: fitted on the other workbooks'
commands, how often the ranker's first reading is the one meant, beside the grammar readings'
first reading, over all commands and over the hand-written ones alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlsheet.nlu.ranker import WEIGHTS, Candidate, Ranker

__all__ = ["Annotated", "annotated", "main", "readings_of", "train"]


@dataclass(frozen=True)
class Annotated:
    """An annotated command: the workbook, sheet, words and the intent a person meant."""

    book: str
    sheet: str | None
    command: str
    intent: str
    source: str


def annotated(root: Path) -> list[Annotated]:
    """The annotated commands: the hand-written ranker commands and the sample cases."""
    import yaml

    found: list[Annotated] = []
    source = root / "nlsheet" / "nlu" / "data" / "src" / "ranker" / "commands.yaml"
    for item in yaml.safe_load(source.read_text("utf-8"))["commands"]:
        found.append(
            Annotated(item["book"], item.get("sheet"), item["command"], item["intent"], "hand")
        )
    for name in ("samples", "questions", "everyday"):
        cases = yaml.safe_load((root / "tests" / "cases" / f"{name}.yaml").read_text("utf-8"))
        for case in cases["cases"]:
            intent = (case.get("expect") or {}).get("intent")
            if intent:
                found.append(
                    Annotated(case["book"], case.get("sheet"), case["command"], intent, name)
                )
    return found


def readings_of(book: Any, command: str, sheet: str | None) -> list[Candidate] | None:
    """The candidate readings of a command on a book (None when it is no single question)."""
    from dataclasses import replace

    from nlsheet.errors import NlsheetError
    from nlsheet.nlu.interpret import interpret
    from nlsheet.steps import split_steps

    engine = book.engine
    if len(split_steps(command)) > 1:
        return None
    try:
        table, _ = engine._pick_table(book.workbook, command, sheet)
        settings = replace(engine.settings, ranker=False)
        return list(interpret(command, table, engine.model, settings).readings)
    except NlsheetError:
        return None


def train(root: Path) -> tuple[Ranker, dict[str, float]]:
    """Fit the ranker on the annotated commands; returns it and its training figures."""
    import nlsheet

    # A classifier trained afresh from the packaged data alone: no cache, no user corrections.
    engine = nlsheet.Nlsheet(nlsheet.Settings(cache_dir=None, data_dir=None))

    rows: list[Mapping[str, float]] = []
    labels: list[int] = []
    books_of_rows: list[str] = []
    commands: list[tuple[Annotated, list[Candidate]]] = []
    books: dict[str, Any] = {}
    missed = 0
    for item in annotated(root):
        book = books.get(item.book)
        if book is None:
            book = books[item.book] = engine.open(root / "sample_workbooks" / item.book)
        found = readings_of(book, item.command, item.sheet)
        if not found:
            continue
        if item.intent not in {c.intent for c in found}:
            missed += 1  # no candidate is right: nothing to learn from the choice
            continue
        commands.append((item, found))
        for c in found:
            rows.append(c.features)
            labels.append(int(c.intent == item.intent))
            books_of_rows.append(item.book)
    ranker = _fit(rows, labels)
    figures = {
        "commands": float(len(commands)),
        "candidates": float(len(rows)),
        "intent_not_among_candidates": float(missed),
    }
    # Held out by workbook: fit on the other books, choose on this one's commands.
    right: dict[str, int] = {"all": 0, "hand": 0}
    readings_right: dict[str, int] = {"all": 0, "hand": 0}
    for held in sorted(books):
        keep = [i for i, b in enumerate(books_of_rows) if b != held]
        fold = _fit([rows[i] for i in keep], [labels[i] for i in keep])
        for item, found in commands:
            if item.book != held:
                continue
            for part in {"all", item.source} & {"all", "hand"}:
                right[part] += fold.rank(found)[0][0] == item.intent
                readings_right[part] += found[0].intent == item.intent
    hand = sum(item.source == "hand" for item, _ in commands)
    for part, n in (("all", len(commands)), ("hand", hand)):
        figures[f"heldout_book_{part}_ranker_top1"] = round(right[part] / max(1, n), 4)
        figures[f"heldout_book_{part}_readings_top1"] = round(readings_right[part] / max(1, n), 4)
    return ranker, figures


def _fit(rows: Sequence[Mapping[str, float]], labels: Sequence[int]) -> Ranker:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sparse=False, sort=True)
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit(x, np.asarray(labels))
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}
    return Ranker(weights, float(model.intercept_[0]))


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain the ranker and write ``nlu/data/ranker.json`` (or check it with --check)."""
    parser = argparse.ArgumentParser(description="train the plan ranker")
    parser.add_argument("--check", action="store_true", help="fail when the weights differ")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    target = Path(__file__).resolve().parent / "data" / WEIGHTS
    ranker, figures = train(root)
    text = json.dumps(ranker.to_json(), indent=1, sort_keys=True) + "\n"
    print(" ".join(f"{k}={v:g}" for k, v in figures.items()))
    if args.check:
        same = target.exists() and _close(json.loads(target.read_text("utf-8")), ranker)
        print("ranker weights up to date" if same else f"{target} is out of date")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _close(saved: Mapping[str, Any], ranker: Ranker, tolerance: float = 1e-4) -> bool:
    fresh = ranker.to_json()
    if abs(saved["bias"] - fresh["bias"]) > tolerance:
        return False
    keys = set(saved["weights"]) | set(fresh["weights"])
    return all(
        abs(saved["weights"].get(k, 0.0) - fresh["weights"].get(k, 0.0)) <= tolerance for k in keys
    )


if __name__ == "__main__":
    sys.exit(main())
