"""The intent classifier: TF-IDF over word and character n-grams, then logistic regression.

:class:`IntentClassifier` follows the scikit-learn estimator contract, so ``clone`` and
``GridSearchCV`` work with it. A fitted model is saved as JSON (vocabularies, idf weights,
coefficients), never pickled; :mod:`nlsheet.nlu.linear` predicts from that JSON without
scikit-learn, and :mod:`nlsheet.nlu.model` caches it keyed by the training data's hash.

Example:
    >>> clf = IntentClassifier().fit(["total xcolx", "average of xcolx"], ["sum", "average"])
    >>> clf.predict(["avrage xcolx"])[0]
    'average'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from nlsheet.nlu.dataset import Dataset
from nlsheet.nlu.linear import (
    MODEL_FORMAT,
    TOKEN_PATTERN,
    CompiledModel,
    pack_array,
    probabilities,
)

__all__ = ["IntentClassifier", "training_texts", "training_weights"]


class IntentClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """TF-IDF (word + character n-grams) and multinomial logistic regression.

    Args:
        C: Inverse regularisation strength of the logistic regression.
        word_ngram_range: Word n-gram range.
        char_ngram_range: Character n-gram range (within word boundaries), for typos.
        class_weight: ``"balanced"`` or None.
        min_df: Keep n-grams seen in at least this many training texts.
        max_iter: Solver iterations (epochs for ``sgd``).
        solver: ``"sgd"``: one-vs-rest logistic regression fitted by stochastic gradient
            descent (log loss, ``alpha`` = 1 / (C * n)), fast; ``"lbfgs"``: multinomial
            logistic regression. Both give probabilities; ``nlsheet train --tune`` compares
            them.
        tol: Solver tolerance (1e-3 trains twice as fast as 1e-4 for the same predictions).
        random_state: Seed, for determinism.

    Identical (text, intent) pairs are merged before fitting, their sample weights summed, so
    a template repeated with different column names costs one row, not many.
    """

    def __init__(
        self,
        C: float = 15.0,  # noqa: N803 - scikit-learn's name
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (2, 5),
        class_weight: str | None = "balanced",
        min_df: int = 2,
        max_iter: int = 2000,
        tol: float = 1e-3,
        random_state: int = 0,
        solver: str = "sgd",
    ) -> None:
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.class_weight = class_weight
        self.min_df = min_df
        self.max_iter = max_iter
        self.tol = tol
        self.solver = solver
        self.random_state = random_state

    def _vectorizers(self) -> tuple[TfidfVectorizer, TfidfVectorizer]:
        word = TfidfVectorizer(
            analyzer="word",
            ngram_range=tuple(self.word_ngram_range),
            token_pattern=TOKEN_PATTERN,
            sublinear_tf=True,
            lowercase=True,
            min_df=self.min_df,
        )
        char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(self.char_ngram_range),
            sublinear_tf=True,
            lowercase=True,
            min_df=self.min_df,
        )
        return word, char

    def _features(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        word, char = self.vectorizers_
        return hstack([word.transform(texts), char.transform(texts)]).tocsr()

    def fit(
        self,
        X: Sequence[str],  # noqa: N803
        y: Sequence[str],
        sample_weight: Sequence[float] | None = None,
        warm_start: CompiledModel | None = None,
    ) -> IntentClassifier:
        """Fit on texts ``X`` with intents ``y`` and optional per-example weights.

        ``warm_start``, a model trained on mostly the same data (the packaged data, before a
        user's corrections), starts the solver from its coefficients, term by term, so a
        retraining after a correction needs a few iterations instead of dozens.
        """
        from scipy.sparse import hstack
        from threadpoolctl import threadpool_limits

        texts, labels, weights = _merge_duplicates(X, y, sample_weight)
        word, char = self._vectorizers()
        # One BLAS thread: the problem is small and thread start-up costs more than it saves.
        with threadpool_limits(limits=1):
            features = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
            start = (
                None
                if warm_start is None
                else _start_from(warm_start, (word, char), sorted(set(labels)))
            )
            model: Any
            if self.solver == "sgd":
                model = self._sgd(len(texts))
                model.fit(
                    features,
                    labels,
                    coef_init=start[0] if start else None,
                    intercept_init=start[1] if start else None,
                    sample_weight=np.asarray(weights),
                )
                self.link_ = "ovr"
            else:
                model = LogisticRegression(
                    C=self.C,
                    class_weight=self.class_weight,
                    max_iter=self.max_iter,
                    # From a warm start the loss is already low; a tighter tolerance makes the
                    # solver fit the few new examples instead of stopping at once.
                    tol=self.tol / 10 if start else self.tol,
                    random_state=self.random_state,
                    warm_start=start is not None,
                )
                if start:
                    model.coef_, model.intercept_ = start
                model.fit(features, labels, sample_weight=np.asarray(weights))
                self.link_ = "softmax"
        self.vectorizers_ = (word, char)
        self.classes_: NDArray[Any] = model.classes_
        self.coef_: NDArray[np.float64] = model.coef_
        self.intercept_: NDArray[np.float64] = model.intercept_
        return self

    def _sgd(self, n: int) -> Any:
        from sklearn.linear_model import SGDClassifier

        return SGDClassifier(
            loss="log_loss",
            alpha=1.0 / (self.C * max(n, 1)),
            max_iter=min(self.max_iter, 50),
            tol=self.tol,
            class_weight=self.class_weight,
            random_state=self.random_state,
            # One binary problem per intent, fitted in threads: the same model, sooner.
            n_jobs=min(4, os.cpu_count() or 1),
        )

    def decision_function(self, X: Sequence[str]) -> NDArray[np.float64]:  # noqa: N803
        """Raw class scores, one row per text."""
        check_is_fitted(self, "coef_")
        scores = self._features(list(X)) @ self.coef_.T + self.intercept_
        return np.asarray(scores, dtype=np.float64)

    def predict_proba(self, X: Sequence[str]) -> NDArray[np.float64]:  # noqa: N803
        """Class probabilities, columns in ``classes_`` order."""
        return probabilities(self.decision_function(X), self.link_)

    def predict(self, X: Sequence[str]) -> NDArray[Any]:  # noqa: N803
        """The most probable intent of each text."""
        return np.asarray(self.classes_[np.argmax(self.decision_function(X), axis=1)])

    def to_json(self) -> dict[str, Any]:
        """The fitted model as JSON-ready data (no pickle)."""
        check_is_fitted(self, "coef_")
        word, char = self.vectorizers_
        return {
            "format": MODEL_FORMAT,
            "params": {
                k: list(v) if isinstance(v, tuple) else v for k, v in self.get_params().items()
            },
            "classes": [str(c) for c in self.classes_],
            "link": self.link_,
            "coef": pack_array(self.coef_),
            "intercept": self.intercept_.tolist(),
            # Terms in feature order, one per line (terms never contain a newline).
            "vocabularies": [_terms(word.vocabulary_), _terms(char.vocabulary_)],
            "idf": [pack_array(word.idf_), pack_array(char.idf_)],
        }


def _start_from(
    previous: CompiledModel,
    vectorizers: tuple[TfidfVectorizer, TfidfVectorizer],
    classes: list[str],
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    """Initial coefficients and intercepts taken from ``previous`` for the terms and classes
    both know (None when the intents differ: start from zero)."""
    if sorted(previous.classes) != classes or len(previous.blocks) != len(vectorizers):
        return None
    rows = [previous.classes.index(c) for c in classes]
    sizes = [len(v.vocabulary_) for v in vectorizers]
    coef = np.zeros((len(classes), sum(sizes)))
    offset = 0
    for vectorizer, block, size in zip(vectorizers, previous.blocks, sizes, strict=True):
        new_index, old_index = [], []
        for term, j in vectorizer.vocabulary_.items():
            i = block.vocabulary.get(term)
            if i is not None:
                new_index.append(offset + j)
                old_index.append(block.offset + i)
        coef[:, new_index] = previous.coef[np.ix_(rows, old_index)]
        offset += size
    return coef, previous.intercept[rows].copy()


def _merge_duplicates(
    X: Sequence[str],  # noqa: N803
    y: Sequence[str],
    sample_weight: Sequence[float] | None,
) -> tuple[list[str], list[str], list[float]]:
    """Merge identical (text, label) pairs, summing their weights, in first-seen order."""
    weights = [1.0] * len(X) if sample_weight is None else [float(w) for w in sample_weight]
    merged: dict[tuple[str, str], float] = {}
    for text, label, weight in zip(X, y, weights, strict=True):
        key = (str(text), str(label))
        merged[key] = merged.get(key, 0.0) + weight
    return [k[0] for k in merged], [k[1] for k in merged], list(merged.values())


def _terms(vocabulary: dict[str, int]) -> str:
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    return "\n".join(terms)


def training_texts(dataset: Dataset) -> tuple[list[str], list[str]]:
    """Texts and labels to train on: each example as the classifier will read commands, with
    columns, values, numbers and dates masked (names of one workbook teach nothing general)."""
    return [e.masked for e in dataset.examples], [e.intent for e in dataset.examples]


def training_weights(dataset: Dataset) -> list[float]:
    """Each example's weight (a user's correction counts more than a packaged example)."""
    return [e.weight for e in dataset.examples]
