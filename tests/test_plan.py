"""The Plan IR: every plan an answer carries round-trips through plain data; bad data is refused."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from conftest import SAMPLES, load_cases

import nlsheet
from nlsheet.plan import Plan

CASES = load_cases("questions.yaml")


def test_every_answered_plan_round_trips_through_json() -> None:
    books: dict[str, nlsheet.Book] = {}
    kinds = set()
    for case in CASES:
        book = books.setdefault(case["book"], nlsheet.open(SAMPLES / case["book"]))
        result = book.ask(case["command"], sheet=case["sheet"])
        if result.plan is None:
            continue
        data = json.loads(json.dumps(result.plan.to_dict()))
        assert Plan.from_dict(data) == result.plan
        kinds.add(data["op"])
    assert len(kinds) >= 10


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"op": "aggregate", "func": "sum"}, "plan.sheet"),
        ({"sheet": "S", "op": "explode"}, "plan.op"),
        ({"sheet": "S", "op": "aggregate", "func": "total"}, "plan.func"),
        ({"sheet": "S", "op": "top_n", "measure": "Sales", "n": 0}, "plan.n"),
        (
            {
                "sheet": "S",
                "op": "lookup",
                "target": "A",
                "where": {"conditions": [{"column": "B", "cmp": "like"}]},
            },
            "plan.where.conditions[0].cmp",
        ),
        (
            {
                "sheet": "S",
                "op": "lookup",
                "target": "A",
                "where": {"conditions": [{"column": "B", "cmp": "eq", "value": [1]}]},
            },
            "plan.where.conditions[0].value",
        ),
        (
            {"sheet": "S", "op": "aggregate", "func": "percentile", "percentile": 5},
            "plan.percentile",
        ),
        (
            {
                "sheet": "S",
                "op": "arg_extreme",
                "target": "Item",
                "measure": "Price",
                "derived": {"column": "Price", "op": "%", "other": "Cost"},
            },
            "plan.derived.op",
        ),
    ],
)
def test_bad_plan_data_is_refused(data: dict[str, Any], where: str) -> None:
    with pytest.raises(nlsheet.NotUnderstoodError) as info:
        Plan.from_dict(data)
    assert info.value.where == where


def test_a_ranking_by_a_derived_measure_round_trips_and_is_left_out_when_unset() -> None:
    frame = pd.DataFrame({"Item": ["a", "b", "c"], "Price": [5.0, 9.0, 4.0], "Cost": [1, 8, 0.5]})
    book = nlsheet.open(frame)
    ranked = book.ask("which item has the highest margin")
    assert ranked.value == "a"
    data = json.loads(json.dumps(ranked.plan.to_dict()))
    assert data["derived"] == {"column": "Price", "op": "-", "other": "Cost"}
    assert Plan.from_dict(data) == ranked.plan
    plain = book.ask("which item has the highest price").plan
    assert "derived" not in plain.to_dict()
