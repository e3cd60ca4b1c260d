"""Measuring understanding: held-out and cross-validated scores, confusions, thresholds, cases.

- :func:`evaluate` trains on one dataset and scores another (or a stratified split of one):
  accuracy, macro-F1, per-intent precision/recall/F1, the confusion matrix, training time and
  prediction time, and how many answers the clarification thresholds accept, how many of
  those are right and how many wrong (the answered-but-wrong rate).
- :func:`cross_validate` gives stratified k-fold macro-F1.
- :func:`run_cases` asks every command of case files (``tests/cases/*.yaml``) end to end:
  passed, answered (no question back, no error) and answered but wrong.
- :func:`tune` runs GridSearchCV (stratified 5-fold, macro-F1) over the classifier's parameters.
- :func:`with_book_headers` refills labelled commands with one workbook's headers and checks
  they are still understood (``nlsheet eval --book``).

The dev/test split of held-out commands and the tuning of the clarification thresholds are in
:mod:`nlsheet.nlu.thresholds`.

Example:
    >>> report = evaluate(load_dataset(), test_size=0.2)
    >>> round(report.macro_f1, 2)
    0.95
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlsheet.nlu.dataset import Dataset, Example
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.thresholds import Thresholds, score_thresholds
from nlsheet.settings import Settings
from nlsheet.workbook.table import Table

__all__ = [
    "DEFAULT_GRID",
    "PassRate",
    "Report",
    "cross_validate",
    "evaluate",
    "plot_confusion",
    "run_cases",
    "split",
    "tune",
    "with_book_headers",
]

DEFAULT_GRID: dict[str, list[Any]] = {
    "C": [3.0, 10.0, 30.0],
    "word_ngram_range": [(1, 1), (1, 2)],
    "char_ngram_range": [(2, 4), (2, 5)],
    "class_weight": [None, "balanced"],
    "solver": ["sgd", "lbfgs"],
}


@dataclass(frozen=True)
class IntentScore:
    """Precision, recall, F1 and support of one intent."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Report:
    """Scores of a model on labelled commands it was not trained on."""

    accuracy: float
    macro_f1: float
    intents: dict[str, IntentScore]
    labels: list[str]
    confusion: list[list[int]]
    n_train: int
    n_test: int
    train_seconds: float
    predict_ms: float
    thresholds: Thresholds
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    folds: list[float] = field(default_factory=list)
    dev_thresholds: Thresholds | None = None
    n_dev: int = 0

    @property
    def out_of_scope_recall(self) -> float | None:
        """Recall of the out_of_scope class (None when the test set has none)."""
        score = self.intents.get(OUT_OF_SCOPE)
        return score.recall if score is not None and score.support else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "out_of_scope_recall": self.out_of_scope_recall,
            "n_train": self.n_train,
            "n_test": self.n_test,
            "train_seconds": self.train_seconds,
            "predict_ms": self.predict_ms,
            "thresholds": self.thresholds.to_dict(),
            "n_dev": self.n_dev,
            "dev_thresholds": (
                self.dev_thresholds.to_dict() if self.dev_thresholds is not None else None
            ),
            "folds": self.folds,
            "intents": {k: v.__dict__ for k, v in self.intents.items()},
            "labels": self.labels,
            "confusion": self.confusion,
            "errors": [{"intent": t, "predicted": p, "text": x} for t, p, x in self.errors],
        }


def split(dataset: Dataset, test_size: float = 0.2, seed: int = 0) -> tuple[Dataset, Dataset]:
    """A stratified split into training and test datasets."""
    from sklearn.model_selection import train_test_split

    indices = np.arange(len(dataset.examples))
    labels = [e.intent for e in dataset.examples]
    train_idx, test_idx = train_test_split(
        indices, test_size=test_size, stratify=labels, random_state=seed
    )

    def part(idx: Sequence[int], name: str) -> Dataset:
        return Dataset(
            tuple(dataset.examples[i] for i in sorted(idx)),
            dataset.intents,
            dataset.descriptions,
            f"{dataset.digest}:{name}{test_size}:{seed}",
        )

    return part(train_idx, "train"), part(test_idx, "test")


def evaluate(
    train: Dataset,
    test: Dataset | None = None,
    *,
    params: Mapping[str, Any] | None = None,
    settings: Settings | None = None,
    test_size: float = 0.2,
    seed: int = 0,
    dev: Dataset | None = None,
) -> Report:
    """Train on ``train`` and score ``test`` (a stratified split of ``train`` when None).

    Every figure is from ``test``; with ``dev`` (the part thresholds are tuned on) the report
    also holds what the thresholds do there (:attr:`Report.dev_thresholds`).
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    if test is None:
        train, test = split(train, test_size, seed)
    model = NluModel.train(train, dict(params or {}))
    texts = [e.masked for e in test.examples]
    truth = [e.intent for e in test.examples]
    started = time.perf_counter()
    probabilities = model.classifier.predict_proba(texts)
    predict_ms = (time.perf_counter() - started) * 1000 / max(len(texts), 1)
    classes = [str(c) for c in model.classifier.classes]
    predicted = [classes[i] for i in np.argmax(probabilities, axis=1)]
    labels = sorted(set(truth) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )
    present = [i for i, label in enumerate(labels) if label in set(truth)]
    matrix = confusion_matrix(truth, predicted, labels=labels)
    thresholds = score_thresholds(probabilities, classes, truth, settings or Settings())
    dev_thresholds = None
    if dev is not None:
        dev_thresholds = score_thresholds(
            model.classifier.predict_proba([e.masked for e in dev.examples]),
            classes,
            [e.intent for e in dev.examples],
            settings or Settings(),
        )
    return Report(
        accuracy=float(np.mean([t == p for t, p in zip(truth, predicted, strict=True)])),
        macro_f1=float(np.mean([f1[i] for i in present])),
        intents={
            label: IntentScore(float(precision[i]), float(recall[i]), float(f1[i]), int(support[i]))
            for i, label in enumerate(labels)
        },
        labels=labels,
        confusion=matrix.tolist(),
        n_train=len(train.examples),
        n_test=len(texts),
        train_seconds=model.train_seconds or 0.0,
        predict_ms=predict_ms,
        thresholds=thresholds,
        errors=[
            (t, p, e.text)
            for t, p, e in zip(truth, predicted, test.examples, strict=True)
            if t != p
        ],
        dev_thresholds=dev_thresholds,
        n_dev=len(dev.examples) if dev is not None else 0,
    )


def cross_validate(
    dataset: Dataset, folds: int = 5, params: Mapping[str, Any] | None = None, seed: int = 0
) -> list[float]:
    """Stratified k-fold macro-F1 scores of the classifier on a dataset."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    from nlsheet.nlu.classifier import IntentClassifier, training_texts

    texts, labels = training_texts(dataset)
    scores = cross_val_score(
        IntentClassifier(**dict(params or {})),
        texts,
        labels,
        cv=StratifiedKFold(folds, shuffle=True, random_state=seed),
        scoring="f1_macro",
    )
    return [float(s) for s in scores]


def tune(
    dataset: Dataset, grid: Mapping[str, Sequence[Any]] | None = None, folds: int = 5
) -> tuple[dict[str, Any], float]:
    """GridSearchCV (stratified ``folds``-fold, macro-F1) over the classifier's parameters.

    Returns:
        The best parameters (JSON-ready: tuples as lists) and their mean macro-F1.
    """
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    from nlsheet.nlu.classifier import IntentClassifier, training_texts

    texts, labels = training_texts(dataset)
    search = GridSearchCV(
        IntentClassifier(),
        {k: list(v) for k, v in (grid or DEFAULT_GRID).items()},
        scoring="f1_macro",
        cv=StratifiedKFold(folds, shuffle=True, random_state=0),
        n_jobs=1,
    )
    search.fit(texts, labels)
    best = {k: list(v) if isinstance(v, tuple) else v for k, v in search.best_params_.items()}
    return best, float(search.best_score_)


def with_book_headers(
    examples: Sequence[Example],
    table: Table,
    model: NluModel,
    settings: Settings,
    limit: int = 300,
) -> PassRate:
    """Refill the column slots of labelled commands with a table's own headers
    (:func:`nlsheet.nlu.augment.with_headers`) and check, end to end through context
    inference and the classifier, that each reads as its intent with those headers found.

    Intents that change the workbook and out-of-scope commands are left out; at most ``limit``
    commands are tried (a seeded sample).
    """
    from nlsheet.changes import CHANGES
    from nlsheet.nlu.augment import with_headers
    from nlsheet.nlu.interpret import interpret

    headers = [c.name for c in table.columns]
    failures: list[dict[str, Any]] = []
    total = 0
    for n, example in enumerate(examples):
        if example.intent in CHANGES or example.intent == OUT_OF_SCOPE:
            continue
        made = with_headers(example, headers, seed=n)
        if made is None:
            continue
        total += 1
        wanted = {made.text[s.start : s.end] for s in made.slots if s.name == "column"}
        interp = interpret(made.text, table, model, settings)
        found = {m.column.name for m in interp.columns}
        if interp.intent != example.intent or not wanted <= found:
            failures.append(
                {
                    "command": made.text,
                    "intent": example.intent,
                    "understood": interp.intent,
                    "missing": sorted(wanted - found),
                }
            )
        if total >= limit:
            break
    return PassRate(total - len(failures), total, failures)


@dataclass(frozen=True)
class PassRate:
    """End-to-end results (of case files, of commands read with a workbook's headers):
    passed, total and what failed.

    Attributes:
        passed: Cases answered with the expected intent and value.
        total: Cases tried.
        failures: What each failed case got.
        answered: Cases answered without a question back or an error, as the CLI's exit code
            0 (case runs only).
        answered_wrong: Answered cases that did not pass: the intent or the value is not the
            expected one (case runs only).
    """

    passed: int
    total: int
    failures: list[dict[str, Any]]
    answered: int = 0
    answered_wrong: int = 0

    @property
    def rate(self) -> float:
        """Share passed."""
        return self.passed / self.total if self.total else 0.0

    @property
    def answered_wrong_rate(self) -> float:
        """Share of the answered cases that are wrong (0.0 when none was answered)."""
        return self.answered_wrong / self.answered if self.answered else 0.0


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected == got)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(_same(v, got[k]) for k, v in expected.items())
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            _same(e, g) for e, g in zip(expected, got, strict=True)
        )
    return bool(expected == got)


def run_cases(
    cases: Sequence[Mapping[str, Any]],
    books: Path,
    ask: Callable[[Path, str, str | None], Any],
) -> PassRate:
    """Ask every case (``book``, ``command``, ``sheet``, ``expect: {intent, value}``) and
    count those answered with the expected intent and value, those answered at all (no
    question back, no error: what the CLI exits 0 for) and those answered but wrong.

    Args:
        cases: The cases.
        books: The folder their ``book`` names are relative to.
        ask: Answers (book path, command, sheet) with a Result; errors count as failures.
    """
    from nlsheet.errors import NlsheetError

    failures: list[dict[str, Any]] = []
    answered = answered_wrong = 0
    for case in cases:
        expect = case.get("expect", {})
        got: dict[str, Any]
        try:
            result = ask(books / str(case["book"]), str(case["command"]), case.get("sheet"))
            got = {"intent": result.intent, "value": result.value}
            answer = result.clarification is None
            ok = (
                answer
                and result.intent == expect.get("intent")
                and _same(expect.get("value"), result.value)
            )
            if not answer:
                got["clarification"] = result.clarification.question
        except NlsheetError as exc:
            answer, ok, got = False, False, {"error": exc.message}
        answered += answer
        if answer and not ok:
            answered_wrong += 1
            got["answered"] = True
        if not ok:
            failures.append({"id": case.get("id"), "command": case["command"], "got": got})
    return PassRate(len(cases) - len(failures), len(cases), failures, answered, answered_wrong)


def plot_confusion(report: Report, path: Path) -> None:
    """Write the confusion matrix as a heatmap PNG (needs the ``plot`` extra: matplotlib).

    Raises:
        MissingExtraError: If matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        from nlsheet.errors import MissingExtraError

        raise MissingExtraError(
            "--plot needs matplotlib; install it with: pip install 'nlsheet[plot]'",
            expected="matplotlib",
            found="not installed",
            where="--plot",
        ) from exc
    labels = report.labels
    matrix = np.asarray(report.confusion, dtype=float)
    rows = matrix.sum(axis=1, keepdims=True)
    share = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
    size = max(6.0, 0.32 * len(labels) + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.set_xlabel("predicted intent")
    ax.set_ylabel("true intent")
    ax.set_title(f"nlsheet intents: accuracy {report.accuracy:.3f}, macro-F1 {report.macro_f1:.3f}")
    for i, j in zip(*np.nonzero(matrix), strict=True):
        ax.text(
            j,
            i,
            str(int(matrix[i, j])),
            ha="center",
            va="center",
            fontsize=6,
            color="white" if share[i, j] > 0.5 else "black",
        )
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=120)
    plt.close(fig)
