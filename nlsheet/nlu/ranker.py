"""The ranker: which reading of a command to act on, and how sure to be of it.

The candidates are the intents the TF-IDF classifier and the grammar readings
(:mod:`nlsheet.nlu.readings`) put forward for a command on one table. Each is described by
features: the classifier's probability and place, the readings' probability and verdicts
(does the reading fit the slots, do the words name it, does it fit the columns' types), and
the shape of the command's slots crossed with the intent (conditions, a group, an N, a number
or a text column left free, a question word, a word asking to aggregate). A logistic regression
over those features, trained on annotated commands over the bundled sample workbooks
(``nlu/data/src/ranker/commands.yaml`` and the cases of ``tests/cases/``), scores each
candidate with the probability that it is the reading meant: what nlsheet reports as its
confidence, and asks back on when it is low or the best two are close.

The trained weights live in ``nlu/data/ranker.json``; they are not edited by hand. Retrain, or
check that the committed weights are what the annotated commands give (non-zero exit when
not), with :mod:`nlsheet.nlu.ranker_training`::

    python -m nlsheet.nlu.ranker_training [--check]

Scoring needs no scikit-learn at run time: a dot product over a handful of named features.

Example:
    >>> ranker = Ranker.packaged()
    >>> ranker.rank([Candidate("sum", {"clf": 0.9}), Candidate("count", {"clf": 0.1})])[0][0]
    'sum'
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["WEIGHTS", "Candidate", "Ranker", "Shape", "candidates"]

WEIGHTS = "ranker.json"
_VERSION = 1
# Candidates considered: the best few readings that fit the slots.
TOP_READINGS = 5


@dataclass(frozen=True)
class Candidate:
    """One reading of a command: an intent and what speaks for it."""

    intent: str
    features: Mapping[str, float]


@dataclass(frozen=True)
class Shape:
    """What the command's slots look like, whatever the intent."""

    where: bool = False
    by: bool = False
    n: bool = False
    number_free: bool = False
    text_free: bool = False
    date_free: bool = False
    no_column: bool = False
    wh: bool = False
    aggregate_cue: bool = False
    value: bool = False
    span: bool = False

    def flags(self) -> list[str]:
        return [name for name, on in vars(self).items() if on]


def candidates(
    classifier: Sequence[tuple[str, float]],
    readings: Sequence[tuple[str, float]],
    verdicts: Mapping[str, tuple[bool, bool, bool]],
    shape: Shape,
) -> list[Candidate]:
    """The candidate readings of one command with their features.

    Args:
        classifier: The classifier's intents with their probabilities, most probable first.
        readings: The ranking after the grammar readings, most probable first: the intents
            that fit the slots (the candidates are the first few of them).
        verdicts: Per intent: (fits the slots, the words name it, fits the columns' types).
        shape: The slots' shape.
    """
    clf = dict(classifier)
    ruled = dict(readings)
    place = {intent: i for i, (intent, _) in enumerate(classifier)}
    intents = [i for i, _ in readings[:TOP_READINGS]]
    flags = shape.flags()
    out = []
    for intent in intents:
        p = clf.get(intent, 0.0)
        r = ruled.get(intent, 0.0)
        fits, named, typed = verdicts.get(intent, (True, False, True))
        features: dict[str, float] = {
            f"intent={intent}": 1.0,
            "clf": p,
            "clf_log": math.log(p + 1e-4),
            "clf_top": float(place.get(intent) == 0),
            "rule": r,
            "rule_log": math.log(r + 1e-4),
            "rule_top": float(bool(readings) and readings[0][0] == intent),
            "fits": float(fits),
            "named": float(named),
            "typed": float(typed),
        }
        for flag in flags:
            features[f"{intent}&{flag}"] = 1.0
        out.append(Candidate(intent, features))
    return out


class Ranker:
    """A logistic regression over candidate features (weights by feature name)."""

    def __init__(self, weights: Mapping[str, float], bias: float) -> None:
        self.weights = dict(weights)
        self.bias = bias

    def score(self, candidate: Candidate) -> float:
        """The probability that this candidate is the right reading (before normalising)."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in candidate.features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def rank(self, found: Sequence[Candidate]) -> list[tuple[str, float]]:
        """The candidates' intents with the probability that each is right, best first.

        The probabilities are the regression's own, not normalised over the candidates: when
        every reading is poor, none is made to look sure by the others' weakness.
        """
        return sorted(((c.intent, self.score(c)) for c in found), key=lambda cp: -cp[1])

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _VERSION,
            "bias": round(self.bias, 8),
            "weights": {k: round(v, 8) for k, v in sorted(self.weights.items()) if v != 0.0},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Ranker:
        return cls(data["weights"], float(data["bias"]))

    @classmethod
    @functools.cache
    def packaged(cls) -> Ranker:
        """The ranker trained on the annotated commands shipped with nlsheet."""
        text = resources.files("nlsheet.nlu").joinpath("data", WEIGHTS).read_text("utf-8")
        return cls.from_json(json.loads(text))
