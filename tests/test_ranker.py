"""The ranker: candidate readings with features, a trained logistic regression choosing among
them, its probability as the confidence; and the annotated commands it is trained on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml

import nlsheet
from nlsheet.nlu.dataset import normalise
from nlsheet.nlu.ranker import Candidate, Ranker, Shape, candidates
from nlsheet.nlu.ranker_training import annotated, main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
EVERYDAY = ROOT / "tests" / "data" / "everyday" / "cases.jsonl"


def test_committed_weights_are_what_the_annotated_commands_give(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Retraining reproduces ``nlu/data/ranker.json``: the weights are made, not edited."""
    assert main(["--check"]) == 0, capsys.readouterr().out


def test_hand_written_commands_are_valid_and_apart_from_the_held_out_suite() -> None:
    items = [a for a in annotated(ROOT) if a.source == "hand"]
    assert len(items) >= 250
    intents = set(nlsheet.Nlsheet().model.intents)
    seen: Counter[str] = Counter()
    for item in items:
        book = nlsheet.open(SAMPLES / item.book)
        assert item.sheet in book.sheet_names, item
        assert item.intent in intents, item
        seen[normalise(item.command)] += 1
    assert [c for c, n in seen.items() if n > 1] == []
    held_out = {
        normalise(json.loads(line)["command"])
        for line in EVERYDAY.read_text("utf-8").splitlines()
        if line.strip()
    }
    assert sorted(set(seen) & held_out) == []
    source = yaml.safe_load(
        (ROOT / "nlsheet" / "nlu" / "data" / "src" / "ranker" / "commands.yaml").read_text()
    )
    assert len(source["commands"]) == len(items)


def test_confidence_is_the_rankers_probability_of_the_reading_chosen() -> None:
    book = nlsheet.open(SAMPLES / "sales.xlsx")
    engine = book.engine
    from nlsheet.nlu.interpret import interpret

    interp = interpret(
        "average units in the West", book.table("Sales"), engine.model, engine.settings
    )
    assert interp.intent == "average"
    ranker = Ranker.packaged()
    scores = {c.intent: ranker.score(c) for c in interp.readings}
    assert interp.confidence == pytest.approx(scores["average"])
    assert interp.confidence == max(scores.values())
    assert [i for i, _ in interp.alternatives] == sorted(
        (i for i in scores if i != "average"), key=lambda i: -scores[i]
    )[:3]


def test_weak_readings_are_not_made_sure_by_each_other() -> None:
    """Probabilities are the regression's own: two poor readings do not add up to one."""
    ranker = Ranker({"clf": 4.0}, -3.0)
    ranked = ranker.rank([Candidate("sum", {"clf": 0.1}), Candidate("count", {"clf": 0.05})])
    assert [i for i, _ in ranked] == ["sum", "count"]
    assert sum(p for _, p in ranked) < 0.2


def test_the_ranker_can_overrule_the_readings_order() -> None:
    """Features, not the order they came in, decide: the classifier's strong second reading
    wins over the grammar readings' weak first one when the weights say so."""
    found = candidates(
        classifier=[("count", 0.8), ("sum", 0.2)],
        readings=[("sum", 0.6), ("count", 0.4)],
        verdicts={"sum": (True, False, True), "count": (True, True, True)},
        shape=Shape(where=True, aggregate_cue=True),
    )
    assert [c.intent for c in found] == ["sum", "count"]
    assert found[1].features["named"] == 1.0 and found[1].features["count&where"] == 1.0
    assert found[0].features["rule_top"] == 1.0 and found[1].features["clf_top"] == 1.0
    ranker = Ranker({"clf": 6.0, "rule": 1.0}, -3.0)
    assert ranker.rank(found)[0][0] == "count"


def test_a_reading_the_words_decide_is_not_reranked() -> None:
    """'unpaid invoices' is a count of rows whatever the classifier thinks: the readings decide
    it (probability 1), and it stands with the ranker on or off."""
    book = nlsheet.open(SAMPLES / "shop.xlsx")
    off = nlsheet.open(SAMPLES / "shop.xlsx", settings=nlsheet.Settings(ranker=False))
    for b in (book, off):
        result = b.ask("unpaid invoices", sheet="Invoices")
        assert result.intent == "count"
        assert result.value == 21


def test_readings_that_mean_the_same_are_not_asked_between() -> None:
    """The most common value of a number column is its mode: one reading, answered."""
    frame = pd.DataFrame({"Bin": ["A", "B", "C", "D", "E"], "Shelf Life": [3, 5, 5, 7, 5]})
    result = nlsheet.open(frame).ask("most common shelf life")
    assert result.clarification is None
    assert result.value == frame["Shelf Life"].mode()[0]
