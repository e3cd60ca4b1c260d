"""The intent classifier, its training data, and the numpy-only compiled model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT
from sklearn.base import clone
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from nlsheet.nlu.classifier import IntentClassifier, training_texts
from nlsheet.nlu.dataset import DatasetError, load_dataset, parse_example
from nlsheet.nlu.linear import CompiledModel, char_wb_ngrams, word_ngrams
from nlsheet.nlu.model import NluModel
from nlsheet.planner import SUPPORTED_INTENTS
from nlsheet.planner.edits import EDIT_INTENTS
from nlsheet.settings import Settings

HELDOUT = ROOT / "tests" / "data" / "heldout.yaml"


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_dataset()


@pytest.fixture(scope="module")
def fitted(dataset):  # type: ignore[no-untyped-def]
    return IntentClassifier().fit(*training_texts(dataset))


def test_parse_example_spans() -> None:
    example = parse_example("average of [unit cost](column) please", "average")
    assert example.text == "average of unit cost please"
    (slot,) = example.slots
    assert example.text[slot.start : slot.end] == "unit cost"
    assert example.masked == "average of xcolx please"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("version: 1\nintents:\n  sum:\n    examples:\n      - total [x](colum)\n", "unknown slot"),
        ("version: 2\nintents: {}\n", "version: 1"),
        ("version: 1\nintents:\n  sum: {}\n", "needs an 'examples' list"),
        ("version: 1\nintents:\n  sum:\n    examples:\n      - total [x(column)\n", "unbalanced"),
        (
            "version: 1\nintents:\n  sum:\n    examples: [total x]\n"
            "  average:\n    examples: [total x]\n",
            "both",
        ),
        ("version: 1\nintents: [\n", "not valid YAML"),
    ],
)
def test_dataset_errors_name_file_line_and_problem(tmp_path: Path, body: str, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    assert words in str(info.value)
    assert str(path) in str(info.value)


def test_dataset_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nintents:\n  sum:\n    examples:\n      - total [a](column)\n"
        "      - sum of [b](colmn)\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    assert f"{path}:6" in str(info.value)


def test_packaged_data_covers_the_intents(dataset) -> None:  # type: ignore[no-untyped-def]
    assert set(dataset.intents) == SUPPORTED_INTENTS | EDIT_INTENTS | {"out_of_scope"}
    counts = {i: sum(1 for e in dataset.examples if e.intent == i) for i in dataset.intents}
    assert min(counts.values()) >= 90


def test_estimator_contract(fitted) -> None:  # type: ignore[no-untyped-def]
    params = IntentClassifier(C=3.0).get_params()
    assert params["C"] == 3.0
    copy = clone(IntentClassifier(C=3.0))
    assert copy.get_params() == params
    assert not hasattr(copy, "coef_")
    assert fitted.classes_.tolist() == sorted(fitted.classes_.tolist())


def test_grid_search_runs_with_the_estimator(dataset) -> None:  # type: ignore[no-untyped-def]
    texts, labels = training_texts(dataset)
    texts, labels = texts[::4], labels[::4]  # a quarter of the data keeps the test quick
    search = GridSearchCV(
        IntentClassifier(),
        {"C": [1.0, 10.0], "solver": ["sgd", "lbfgs"]},
        cv=StratifiedKFold(3, shuffle=True, random_state=0),
        scoring="f1_macro",
    )
    search.fit(texts, labels)
    assert search.best_params_["C"] in (1.0, 10.0)
    assert search.best_score_ > 0.8
    scores = search.cv_results_["mean_test_score"]
    assert all(score > 0.8 for score in scores)  # both solvers learn the intents


def test_multinomial_solver_compiles_too(dataset) -> None:  # type: ignore[no-untyped-def]
    texts, labels = training_texts(dataset)
    model = IntentClassifier(solver="lbfgs").fit(texts[::3], labels[::3])
    compiled = CompiledModel.from_json(model.to_json())
    sample = texts[1::50]
    assert compiled.link == "softmax"
    assert np.allclose(compiled.predict_proba(sample), model.predict_proba(sample), atol=1e-10)
    assert np.allclose(model.predict_proba(sample).sum(axis=1), 1.0)


def test_training_is_deterministic(dataset, fitted) -> None:  # type: ignore[no-untyped-def]
    again = IntentClassifier().fit(*training_texts(dataset))
    texts = [e.masked for e in dataset.examples[:50]]
    assert np.array_equal(fitted.predict_proba(texts), again.predict_proba(texts))


def test_compiled_model_matches_scikit_learn(dataset, fitted) -> None:  # type: ignore[no-untyped-def]
    compiled = CompiledModel.from_json(fitted.to_json())
    texts = [e.masked for e in dataset.examples[::7]] + ["avrage of xcolx", "$ % # ", ""]
    assert np.allclose(compiled.predict_proba(texts), fitted.predict_proba(texts), atol=1e-10)
    assert compiled.classes == tuple(fitted.classes_.tolist())


@pytest.mark.parametrize("text", ["Average of  xcolx!", "a", "sum of col-B, please", "naïve über"])
def test_ngrams_match_scikit_learn(fitted, text: str) -> None:  # type: ignore[no-untyped-def]
    word, char = fitted.vectorizers_
    assert word_ngrams(text, 1, 2) == word.build_analyzer()(text)
    assert char_wb_ngrams(text, 2, 5) == char.build_analyzer()(text)


def test_heldout_accuracy_floor(fitted) -> None:  # type: ignore[no-untyped-def]
    """Held-out utterances written with other templates and headers than the training data."""
    heldout = load_dataset([HELDOUT, HELDOUT.with_name("heldout_edits.yaml")])
    gold = [e.intent for e in heldout.examples]
    predicted = fitted.predict([e.masked for e in heldout.examples]).tolist()
    assert f1_score(gold, predicted, average="macro") >= 0.94
    oos = [p for g, p in zip(gold, predicted, strict=True) if g == "out_of_scope"]
    assert sum(p == "out_of_scope" for p in oos) / len(oos) >= 0.95


def test_model_cache_round_trip(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    first = NluModel.load(settings)
    files = list((tmp_path / "cache").glob("intents-*.json"))
    assert len(files) == 1
    second = NluModel.load(settings)
    texts = ["average of xcolx", "hello there", "how many rows"]
    assert np.array_equal(
        first.classifier.predict_proba(texts), second.classifier.predict_proba(texts)
    )
    assert first.command_words == second.command_words


def test_damaged_cache_is_retrained(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path)
    NluModel.load(settings)
    (cached,) = tmp_path.glob("intents-*.json")
    cached.write_text("{not json", encoding="utf-8")
    model = NluModel.load(settings)
    assert model.classifier.predict_proba(["total xcolx"]).shape == (1, len(model.intents))
    assert cached.read_text(encoding="utf-8").startswith("{")


def test_no_cache_folder_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    model = NluModel.load(Settings(cache_dir=blocker / "sub"))
    assert "sum" in model.intents
