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

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from nlsheet.nlu.dataset import Dataset
from nlsheet.nlu.linear import MODEL_FORMAT, TOKEN_PATTERN, pack_array

__all__ = ["IntentClassifier", "training_texts"]


class IntentClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """TF-IDF (word + character n-grams) and multinomial logistic regression.

    Args:
        C: Inverse regularisation strength of the logistic regression.
        word_ngram_range: Word n-gram range.
        char_ngram_range: Character n-gram range (within word boundaries), for typos.
        class_weight: ``"balanced"`` or None.
        min_df: Keep n-grams seen in at least this many training texts.
        max_iter: Solver iterations.
        random_state: Seed, for determinism.
    """

    def __init__(
        self,
        C: float = 10.0,  # noqa: N803 - scikit-learn's name
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (2, 5),
        class_weight: str | None = "balanced",
        min_df: int = 2,
        max_iter: int = 2000,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.class_weight = class_weight
        self.min_df = min_df
        self.max_iter = max_iter
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

    def fit(self, X: Sequence[str], y: Sequence[str]) -> IntentClassifier:  # noqa: N803
        """Fit on texts ``X`` with intents ``y``; returns self."""
        from scipy.sparse import hstack

        texts = list(X)
        word, char = self._vectorizers()
        features = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
        model = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        )
        model.fit(features, list(y))
        self.vectorizers_ = (word, char)
        self.classes_: NDArray[Any] = model.classes_
        self.coef_: NDArray[np.float64] = model.coef_
        self.intercept_: NDArray[np.float64] = model.intercept_
        return self

    def decision_function(self, X: Sequence[str]) -> NDArray[np.float64]:  # noqa: N803
        """Raw class scores, one row per text."""
        check_is_fitted(self, "coef_")
        scores = self._features(list(X)) @ self.coef_.T + self.intercept_
        return np.asarray(scores, dtype=np.float64)

    def predict_proba(self, X: Sequence[str]) -> NDArray[np.float64]:  # noqa: N803
        """Class probabilities (softmax of the scores), columns in ``classes_`` order."""
        scores = self.decision_function(X)
        if scores.shape[1] == 1:  # two classes: scikit-learn keeps one column
            scores = np.hstack([-scores, scores])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float64)

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
            "coef": pack_array(self.coef_),
            "intercept": self.intercept_.tolist(),
            # Terms in feature order, one per line (terms never contain a newline).
            "vocabularies": [_terms(word.vocabulary_), _terms(char.vocabulary_)],
            "idf": [pack_array(word.idf_), pack_array(char.idf_)],
        }


def _terms(vocabulary: dict[str, int]) -> str:
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    return "\n".join(terms)


def training_texts(dataset: Dataset) -> tuple[list[str], list[str]]:
    """Texts and labels to train on: each example as the classifier will read commands, with
    columns, values, numbers and dates masked (names of one workbook teach nothing general)."""
    return [e.masked for e in dataset.examples], [e.intent for e in dataset.examples]
