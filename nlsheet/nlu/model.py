"""The language model nlsheet answers with: a compiled intent classifier and its vocabulary.

Training happens on first use (well under a second plus scikit-learn's import) and the result
is cached as JSON in the cache folder, keyed by a hash of the training data (the packaged files
and the user's corrections), the parameters (tuned ones from ``nlsheet train --tune`` when
saved), the model revision and the scikit-learn and NumPy versions. A cached model loads in a
few milliseconds without importing scikit-learn. No pickle is written or read.

Example:
    >>> model = NluModel.load(Settings.from_env())
    >>> model.intents
    ('sum', 'average', 'count', 'min', 'max', 'median', 'out_of_scope')
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from nlsheet.changes import CHANGES
from nlsheet.nlu.dataset import Dataset, data_digest, default_data_paths, load_dataset
from nlsheet.nlu.feedback import Corrections, aliases_of, examples_of, taught_words
from nlsheet.nlu.linear import MODEL_FORMAT, MODEL_REVISION, CompiledModel
from nlsheet.nlu.text import COLUMN_TOKEN, tokenize
from nlsheet.settings import Settings

__all__ = ["OUT_OF_SCOPE", "NluModel", "cache_key", "load_params", "save_params"]

OUT_OF_SCOPE = "out_of_scope"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key(data_digest: str, params: dict[str, Any]) -> str:
    """Key of a cached model: training data, parameters, model revision, library versions."""
    digest = hashlib.sha256()
    digest.update(data_digest.encode())
    digest.update(json.dumps(params, sort_keys=True, default=str).encode())
    digest.update(
        f"rev={MODEL_REVISION};fmt={MODEL_FORMAT};sklearn={_version('scikit-learn')};"
        f"numpy={_version('numpy')}".encode()
    )
    return digest.hexdigest()[:24]


def _read_cache(cache_dir: Path | None, key: str) -> dict[str, Any] | None:
    if cache_dir is None:
        return None
    try:
        data = json.loads((cache_dir / f"intents-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_cache(cache_dir: Path | None, key: str, data: dict[str, Any]) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, cache_dir / f"intents-{key}.json")
    except OSError:
        pass  # an unwritable cache folder only means training again next time


def load_params(settings: Settings) -> dict[str, Any]:
    """The classifier parameters saved by ``nlsheet train --tune`` ({} when none are saved)."""
    path = settings.params_path
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    params = data.get("params") if isinstance(data, dict) else None
    if not isinstance(params, dict):
        return {}
    # Only the classifier's own parameters: a hand-edited file cannot break training.
    return {k: v for k, v in params.items() if k in _PARAMS}


_PARAMS = frozenset(
    {"C", "word_ngram_range", "char_ngram_range", "class_weight", "min_df", "max_iter", "tol"}
    | {"random_state", "solver"}
)


def save_params(settings: Settings, params: Mapping[str, Any], score: float) -> Path:
    """Save tuned classifier parameters (and their cross-validated score) for later training.

    Raises:
        InputError: If there is no data folder.
    """
    from nlsheet.errors import InputError

    path = settings.params_path
    if path is None:
        raise InputError(
            "there is no data folder to save the tuned parameters in",
            expected="Settings.data_dir or $NLSHEET_DATA_DIR",
            found="none",
            where="Settings.data_dir",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"params": dict(params), "macro_f1": score}, indent=2) + "\n")
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class NluModel:
    """The compiled classifier and the words its training commands use outside column slots.

    Attributes:
        classifier: The model that predicts intents.
        command_words: Normalised words of the commands themselves ('average', 'total'); a
            column mention made only of such words scores lower.
        intents: The intents it knows.
        data: The model's JSON form (what the cache holds).
        aliases: Words the user said mean a header (from corrections): word -> header.
        taught: Words the user's corrections use as command words (they count as understood).
        change_words: For each change, the words its examples use far more than others do
            ('widen', 'fit' for autofit): a change is made only when one of them is said.
        train_seconds: How long training took (None when loaded from the cache).
    """

    classifier: CompiledModel
    command_words: frozenset[str]
    intents: tuple[str, ...]
    data: dict[str, Any]
    aliases: Mapping[str, str] = field(default_factory=dict)
    taught: frozenset[str] = frozenset()
    change_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    train_seconds: float | None = None

    @classmethod
    def train(
        cls,
        dataset: Dataset,
        params: dict[str, Any] | None = None,
        warm_start: CompiledModel | None = None,
    ) -> NluModel:
        """Train on a dataset (imports scikit-learn), optionally starting from a model."""
        from nlsheet.nlu.classifier import IntentClassifier, training_texts, training_weights

        started = time.perf_counter()
        texts, labels = training_texts(dataset)
        fitted = IntentClassifier(**(params or {})).fit(
            texts, labels, training_weights(dataset), warm_start
        )
        words: set[str] = set()
        for text, intent in zip(texts, labels, strict=True):
            # Questions' own words ('average', 'total'); the words of changes ('new', 'extra',
            # 'fill') are too often parts of header names ('New points', 'Extra points').
            if intent != OUT_OF_SCOPE and intent not in CHANGES:
                words.update(t.norm for t in tokenize(text))
        words.discard(COLUMN_TOKEN)
        data = {
            "model": fitted.to_json(),
            "command_words": sorted(words),
            "change_words": _change_words(texts, labels),
            "intents": list(dataset.intents),
        }
        model = cls.from_json(data)
        return dataclasses.replace(model, train_seconds=time.perf_counter() - started)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NluModel:
        """Rebuild from :attr:`data`.

        Raises:
            KeyError, TypeError, ValueError: If the data is incomplete or of another format.
        """
        return cls(
            CompiledModel.from_json(data["model"]),
            frozenset(data["command_words"]),
            tuple(data["intents"]),
            data,
            change_words={i: frozenset(w) for i, w in data["change_words"].items()},
        )

    @classmethod
    def load(
        cls,
        settings: Settings,
        path: Path | Sequence[Path] | None = None,
        params: dict[str, Any] | None = None,
    ) -> NluModel:
        """The model for the training data (the packaged files by default) and the user's
        corrections, trained with the given or saved parameters; cached.

        Raises:
            DatasetError: If the training data or the corrections file is malformed.
        """
        if path is None:
            paths: Sequence[Path] = default_data_paths()
        else:
            paths = (path,) if isinstance(path, Path) else path
        params = load_params(settings) if params is None else params
        store = Corrections(settings.corrections_path) if settings.corrections_path else None
        corrections = store.load() if store is not None else []
        digest = data_digest(paths) + (store.digest() if corrections and store else "")
        key = cache_key(digest, params)
        aliases = aliases_of(corrections)
        taught = taught_words(corrections)
        cached = _read_cache(settings.cache_dir, key)
        if cached is not None:
            try:
                return dataclasses.replace(cls.from_json(cached), aliases=aliases, taught=taught)
            except (KeyError, TypeError, ValueError):
                pass  # a damaged or foreign cache file: train afresh and overwrite it
        dataset = load_dataset(paths, extra=examples_of(corrections))
        base = _read_cache(settings.cache_dir, cache_key(data_digest(paths), params))
        warm = None
        if corrections and base is not None:
            try:
                warm = CompiledModel.from_json(base["model"])
            except (KeyError, TypeError, ValueError):
                warm = None
        model = cls.train(dataset, params, warm)
        _write_cache(settings.cache_dir, key, model.data)
        return dataclasses.replace(model, aliases=aliases, taught=taught)


# A word asks for a change when at least this share of the examples using it are that change's.
_CHANGE_WORD_SHARE = 0.25


def _change_words(texts: Sequence[str], labels: Sequence[str]) -> dict[str, list[str]]:
    """For each change, the words of two or more of its examples of which at least a quarter
    of all the examples using them are its own: the words that ask for it."""
    per_intent: dict[str, Counter[str]] = defaultdict(Counter)
    everywhere: Counter[str] = Counter()
    for text, intent in zip(texts, labels, strict=True):
        words = {t.norm for t in tokenize(text)} - {COLUMN_TOKEN}
        per_intent[intent].update(words)
        everywhere.update(words)
    return {
        intent: sorted(
            w for w, n in counts.items() if n >= 2 and n >= _CHANGE_WORD_SHARE * everywhere[w]
        )
        for intent, counts in per_intent.items()
        if intent in CHANGES
    }
