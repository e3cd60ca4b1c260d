"""Clarification thresholds measured honestly: a dev split to tune them on, a test split to
report them on, and how many answers they let through are wrong.

- :func:`dev_test_split` splits held-out commands into a dev part (to tune thresholds on) and a
  test part (to report on) by a stable hash of their normalised text; every intent with two
  commands or more is in both.
- :func:`score_thresholds` counts what ``Settings.accepts`` does with scored commands: the
  share of in-scope commands answered without asking, and how many answers have the wrong
  intent (the answered-but-wrong rate).
- :func:`tune_thresholds` picks, on the dev split, the ``min_confidence``/``clarify_margin``
  that answer the most commands while keeping answers at least ``target`` correct, and scores
  them on the test split.

Example:
    >>> from pathlib import Path
    >>> from nlsheet.nlu.dataset import load_dataset
    >>> dev, test = dev_test_split(load_dataset(Path("tests/data/heldout.yaml")))
    >>> tuned = tune_thresholds(load_dataset(), dev, test=test)
    >>> tuned.test.answered_wrong_rate < 0.05
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from nlsheet.errors import InputError
from nlsheet.nlu.dataset import Dataset, normalise
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.settings import Settings

__all__ = [
    "Thresholds",
    "TunedThresholds",
    "dev_test_split",
    "score_thresholds",
    "tune_thresholds",
]


@dataclass(frozen=True)
class Thresholds:
    """Clarification thresholds and what they do on a set of commands.

    Attributes:
        min_confidence: See :class:`~nlsheet.settings.Settings`.
        clarify_margin: See :class:`~nlsheet.settings.Settings`.
        accepted: Share of in-scope commands answered without asking.
        precision: Share of answered commands whose intent was right (out-of-scope commands
            that were answered count as wrong); 1.0 when nothing was answered.
        answered: How many commands were answered without asking (in scope or not).
        answered_wrong: How many of those have the wrong intent.
        in_scope: How many in-scope commands were scored.
    """

    min_confidence: float
    clarify_margin: float
    accepted: float
    precision: float
    answered: int
    answered_wrong: int
    in_scope: int

    @property
    def answered_wrong_rate(self) -> float:
        """Share of the answered commands whose intent was wrong (0.0 when none answered)."""
        return self.answered_wrong / self.answered if self.answered else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, with the answered-but-wrong rate."""
        return {**self.__dict__, "answered_wrong_rate": self.answered_wrong_rate}

    def summary(self) -> str:
        """One line: what share is answered, how many of the answers are right and wrong.

        Example:
            answers 96.3% of in-scope commands, 97.6% of them right; answered but wrong
            2.4% (21 of 877)
        """
        return (
            f"answers {self.accepted:.1%} of in-scope commands, {self.precision:.1%} of them "
            f"right; answered but wrong {self.answered_wrong_rate:.1%} "
            f"({self.answered_wrong} of {self.answered})"
        )


@dataclass(frozen=True)
class TunedThresholds:
    """Thresholds chosen on a dev split, with their scores there and on a test split.

    Attributes:
        dev: The chosen thresholds and what they do on the dev split (tuned on it: optimistic).
        test: What the same thresholds do on the test split (None when none was given).
    """

    dev: Thresholds
    test: Thresholds | None

    @property
    def min_confidence(self) -> float:
        """The chosen ``min_confidence``."""
        return self.dev.min_confidence

    @property
    def clarify_margin(self) -> float:
        """The chosen ``clarify_margin``."""
        return self.dev.clarify_margin

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "tuned_on": "dev",
            "min_confidence": self.min_confidence,
            "clarify_margin": self.clarify_margin,
            "dev": self.dev.to_dict(),
            "test": self.test.to_dict() if self.test is not None else None,
        }


def dev_test_split(dataset: Dataset, dev_share: float = 0.4) -> tuple[Dataset, Dataset]:
    """Split held-out commands into a dev part (tune on it) and a test part (report on it).

    A command goes to dev when a SHA-256 hash of its normalised text
    (:func:`~nlsheet.nlu.dataset.normalise`), read as a fraction of 1, is below ``dev_share``:
    the split is the same on every machine, and adding or removing commands does not move the
    others. An intent with two commands or more that would sit in one part only gives that
    part's command with the most extreme hash to the other, so every such intent is in both.
    Each part keeps the commands in their original order.

    Raises:
        InputError: If ``dev_share`` is not strictly between 0 and 1.
    """
    if not 0 < dev_share < 1:
        raise InputError(
            f"the dev share must be between 0 and 1, found {dev_share}",
            expected="0 < share < 1",
            found=str(dev_share),
            where="dev_share",
        )
    by_intent: dict[str, list[tuple[float, int]]] = {}
    for i, example in enumerate(dataset.examples):
        digest = hashlib.sha256(normalise(example.text).encode()).digest()
        by_intent.setdefault(example.intent, []).append((int.from_bytes(digest[:8]) / 2**64, i))
    dev: set[int] = set()
    for ranked in by_intent.values():
        ranked.sort()
        mine = {i for fraction, i in ranked if fraction < dev_share}
        if len(ranked) >= 2 and not mine:
            mine = {ranked[0][1]}
        elif len(ranked) >= 2 and len(mine) == len(ranked):
            mine.discard(ranked[-1][1])
        dev |= mine

    def part(keep: bool, name: str) -> Dataset:
        return Dataset(
            tuple(e for i, e in enumerate(dataset.examples) if (i in dev) == keep),
            dataset.intents,
            dataset.descriptions,
            f"{dataset.digest}:{name}{dev_share}",
        )

    return part(True, "dev"), part(False, "test")


def _decisions(
    probabilities: Any, classes: Sequence[str], settings: Settings
) -> tuple[list[str], list[bool]]:
    predicted: list[str] = []
    answered: list[bool] = []
    for row in np.asarray(probabilities, dtype=float):
        order = np.argsort(-row)
        ranked = [(classes[i], float(row[i])) for i in order[:4]]
        predicted.append(ranked[0][0])
        answered.append(settings.accepts(ranked[0][0], ranked[0][1], ranked[1:]))
    return predicted, answered


def score_thresholds(
    probabilities: Any, classes: Sequence[str], truth: Sequence[str], settings: Settings
) -> Thresholds:
    """What ``settings.accepts`` does with scored commands: how many in-scope commands it
    answers without asking, and how many of all the answered ones have the wrong intent.

    Args:
        probabilities: One row of class probabilities per command.
        classes: The class of each column.
        truth: Each command's true intent.
        settings: The thresholds.
    """
    predicted, answered = _decisions(probabilities, classes, settings)
    in_scope = sum(t != OUT_OF_SCOPE for t in truth)
    taken = [(t, t == p) for t, p, a in zip(truth, predicted, answered, strict=True) if a]
    right = sum(ok for _, ok in taken)
    return Thresholds(
        min_confidence=settings.min_confidence,
        clarify_margin=settings.clarify_margin,
        accepted=sum(t != OUT_OF_SCOPE for t, _ in taken) / in_scope if in_scope else 0.0,
        precision=right / len(taken) if taken else 1.0,
        answered=len(taken),
        answered_wrong=len(taken) - right,
        in_scope=in_scope,
    )


def tune_thresholds(
    train: Dataset,
    dev: Dataset,
    *,
    test: Dataset | None = None,
    target: float = 0.97,
    params: Mapping[str, Any] | None = None,
    settings: Settings | None = None,
) -> TunedThresholds:
    """The thresholds answering the most ``dev`` commands with accepted precision >= target,
    and what they do on ``test`` (commands the choice did not see: the figure to report).

    Searches ``min_confidence`` 0.30..0.90 and ``clarify_margin`` 0..0.40; when nothing
    reaches the target, the most precise setting is returned.
    """
    base = settings or Settings()
    model = NluModel.train(train, dict(params or {}))
    texts = [e.masked for e in dev.examples]
    truth = [e.intent for e in dev.examples]
    probabilities = model.classifier.predict_proba(texts)
    classes = [str(c) for c in model.classifier.classes]
    best: Thresholds | None = None
    fallback: Thresholds | None = None
    for confidence in np.arange(0.30, 0.901, 0.05):
        for margin in np.arange(0.0, 0.401, 0.02):
            candidate = replace(
                base,
                min_confidence=round(float(confidence), 2),
                clarify_margin=round(float(margin), 2),
            )
            scored = score_thresholds(probabilities, classes, truth, candidate)
            if scored.precision >= target and (best is None or scored.accepted > best.accepted):
                best = scored
            if fallback is None or scored.precision > fallback.precision:
                fallback = scored
    chosen = best or fallback
    assert chosen is not None  # the grid is not empty
    if test is None:
        return TunedThresholds(chosen, None)
    on_test = score_thresholds(
        model.classifier.predict_proba([e.masked for e in test.examples]),
        classes,
        [e.intent for e in test.examples],
        replace(base, min_confidence=chosen.min_confidence, clarify_margin=chosen.clarify_margin),
    )
    return TunedThresholds(chosen, on_test)
