"""The language model nlsheet answers with: a compiled intent classifier and its vocabulary.

Training happens on first use (about half a second) and the result is cached as JSON in the
cache folder, keyed by a hash of the training data, the parameters, the model revision and the
scikit-learn and NumPy versions. A cached model loads in a few milliseconds without importing
scikit-learn. No pickle is written or read.

Example:
    >>> model = NluModel.load(Settings.from_env())
    >>> model.intents
    ('sum', 'average', 'count', 'min', 'max', 'median', 'out_of_scope')
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from nlsheet.nlu.dataset import Dataset, default_data_path, load_dataset
from nlsheet.nlu.linear import MODEL_FORMAT, MODEL_REVISION, CompiledModel
from nlsheet.nlu.text import COLUMN_TOKEN, tokenize
from nlsheet.settings import Settings

__all__ = ["OUT_OF_SCOPE", "NluModel", "cache_key"]

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


@dataclass(frozen=True)
class NluModel:
    """The compiled classifier and the words its training commands use outside column slots.

    Attributes:
        classifier: The model that predicts intents.
        command_words: Normalised words of the commands themselves ('average', 'total'); a
            column mention made only of such words scores lower.
        intents: The intents it knows.
        data: The model's JSON form (what the cache holds).
    """

    classifier: CompiledModel
    command_words: frozenset[str]
    intents: tuple[str, ...]
    data: dict[str, Any]

    @classmethod
    def train(cls, dataset: Dataset, params: dict[str, Any] | None = None) -> NluModel:
        """Train on a dataset (imports scikit-learn)."""
        from nlsheet.nlu.classifier import IntentClassifier, training_texts

        fitted = IntentClassifier(**(params or {})).fit(*training_texts(dataset))
        words: set[str] = set()
        for example in dataset.examples:
            if example.intent != OUT_OF_SCOPE:
                words.update(t.norm for t in tokenize(example.masked))
        words.discard(COLUMN_TOKEN)
        data = {
            "model": fitted.to_json(),
            "command_words": sorted(words),
            "intents": list(dataset.intents),
        }
        return cls.from_json(data)

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
        )

    @classmethod
    def load(
        cls,
        settings: Settings,
        path: Path | None = None,
        params: dict[str, Any] | None = None,
    ) -> NluModel:
        """The model for a training data file (the packaged one by default), cached.

        Raises:
            DatasetError: If the training data is malformed.
        """
        path = path or default_data_path()
        key = cache_key(hashlib.sha256(path.read_bytes()).hexdigest(), params or {})
        cached = _read_cache(settings.cache_dir, key)
        if cached is not None:
            try:
                return cls.from_json(cached)
            except (KeyError, TypeError, ValueError):
                pass  # a damaged or foreign cache file: train afresh and overwrite it
        model = cls.train(load_dataset(path), params)
        _write_cache(settings.cache_dir, key, model.data)
        return model
