"""Prediction with a trained intent model, in plain NumPy (no scikit-learn import needed).

:class:`CompiledModel` reproduces scikit-learn's TF-IDF transform (word n-grams and ``char_wb``
n-grams, sublinear tf, idf, l2 norm) and the logistic regression's softmax from the JSON that
:meth:`nlsheet.nlu.classifier.IntentClassifier.to_json` writes. Answering from a cached model
therefore costs neither scikit-learn's import time (~0.6 s) nor its per-call validation; a test
checks that both give the same probabilities.

Example:
    >>> model = CompiledModel.from_json(IntentClassifier().fit(X, y).to_json())
    >>> model.predict_proba(["average of xcolx"])
"""

from __future__ import annotations

import base64
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MODEL_FORMAT",
    "MODEL_REVISION",
    "TOKEN_PATTERN",
    "CompiledModel",
    "char_wb_ngrams",
    "pack_array",
    "probabilities",
    "unpack_array",
    "word_ngrams",
]

MODEL_FORMAT = 2
# Bump when the training code or its defaults change, so that cached models are retrained.
MODEL_REVISION = 4

TOKEN_PATTERN = r"(?u)\b\w+\b|[$%#]"
_TOKENS = re.compile(TOKEN_PATTERN)
_WHITE = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Word n-grams as scikit-learn's ``analyzer='word'`` makes them (lower-cased)."""
    tokens = _TOKENS.findall(text.lower())
    grams: list[str] = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside word boundaries, as scikit-learn's ``analyzer='char_wb'``."""
    grams: list[str] = []
    for word in _WHITE.sub(" ", text.lower()).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return grams


def pack_array(array: NDArray[np.float64]) -> dict[str, Any]:
    """A float array as JSON: its shape and its little-endian float64 bytes in base64."""
    data = np.ascontiguousarray(array, dtype="<f8")
    return {"shape": list(data.shape), "f8": base64.b64encode(data.tobytes()).decode("ascii")}


def unpack_array(data: dict[str, Any]) -> NDArray[np.float64]:
    """The array :func:`pack_array` packed.

    Raises:
        ValueError: If the bytes do not fit the shape.
    """
    raw = base64.b64decode(data["f8"], validate=True)
    shape = tuple(int(n) for n in data["shape"])
    array = np.frombuffer(raw, dtype="<f8")
    if array.size != math.prod(shape):
        raise ValueError(f"expected {math.prod(shape)} numbers, found {array.size}")
    return array.reshape(shape).astype(np.float64)


@dataclass(frozen=True)
class _Block:
    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    offset: int
    low: int
    high: int
    chars: bool

    def add(self, text: str, out: NDArray[np.float64]) -> None:
        grams = (char_wb_ngrams if self.chars else word_ngrams)(text, self.low, self.high)
        counts = Counter(g for g in grams if g in self.vocabulary)
        if not counts:
            return
        index = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64)
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64)
        weights = tf * self.idf[index]
        weights /= np.linalg.norm(weights)
        out[self.offset + index] = weights


@dataclass(frozen=True)
class CompiledModel:
    """A trained intent model ready to predict."""

    classes: tuple[str, ...]
    coef: NDArray[np.float64]
    intercept: NDArray[np.float64]
    blocks: tuple[_Block, ...]
    link: str = "softmax"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CompiledModel:
        """Build from :meth:`IntentClassifier.to_json` data.

        Raises:
            KeyError, ValueError: If the data is incomplete or of another format.
        """
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"expected model format {MODEL_FORMAT}, found {data.get('format')!r}")
        params = data["params"]
        ranges = (params["word_ngram_range"], params["char_ngram_range"])
        blocks: list[_Block] = []
        offset = 0
        for k, (terms, idf) in enumerate(zip(data["vocabularies"], data["idf"], strict=True)):
            low, high = ranges[k]
            vocabulary = {term: i for i, term in enumerate(terms.split("\n"))} if terms else {}
            blocks.append(_Block(vocabulary, unpack_array(idf), offset, low, high, k == 1))
            offset += len(vocabulary)
        coef = unpack_array(data["coef"])
        if coef.shape[1] != offset:
            raise ValueError(f"expected {offset} coefficients per class, found {coef.shape[1]}")
        return cls(
            tuple(str(c) for c in data["classes"]),
            coef,
            np.asarray(data["intercept"], dtype=np.float64),
            tuple(blocks),
            str(data.get("link", "softmax")),
        )

    def features(self, text: str) -> NDArray[np.float64]:
        """The TF-IDF feature vector of one text."""
        out = np.zeros(self.coef.shape[1], dtype=np.float64)
        for block in self.blocks:
            block.add(text, out)
        return out

    def predict_proba(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Class probabilities, one row per text, columns in ``classes`` order."""
        features = np.vstack([self.features(t) for t in texts])
        scores = features @ self.coef.T + self.intercept
        return probabilities(scores, self.link)


def probabilities(scores: NDArray[np.float64], link: str) -> NDArray[np.float64]:
    """Class probabilities from linear scores: the softmax of a multinomial model, or the
    normalised sigmoids of one-vs-rest binary models (``link`` "ovr"), as scikit-learn does."""
    if scores.shape[1] == 1:
        scores = np.hstack([-scores, scores])
    if link == "ovr":
        positive = 1.0 / (1.0 + np.exp(-np.clip(scores, -500, 500)))
        total = positive.sum(axis=1, keepdims=True)
        return np.asarray(positive / np.where(total == 0, 1, total), dtype=np.float64)
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float64)
