"""The training data: generated from reviewable templates, byte for byte; held-out data that
is really held out; a stable dev/test split of it."""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from nlsheet.errors import InputError
from nlsheet.nlu.dataset import Dataset, DatasetError, default_data_paths, load_dataset, normalise
from nlsheet.nlu.templates import (
    DataFile,
    TemplateError,
    default_source_dir,
    expand,
    expand_file,
    generate,
    main,
    render,
)
from nlsheet.nlu.thresholds import dev_test_split

ROOT = Path(__file__).resolve().parents[1]
HELDOUT_FILES = [
    ROOT / "tests" / "data" / "heldout.yaml",
    ROOT / "tests" / "data" / "heldout_edits.yaml",
]


# --- the generator ----------------------------------------------------------------------------


def test_the_sources_make_the_committed_training_files_byte_for_byte() -> None:
    generated = generate()
    committed = {path.name: path.read_text(encoding="utf-8") for path in default_data_paths()}
    assert sorted(generated) == sorted(committed)
    for name, text in generated.items():
        assert text == committed[name], (
            f"{name} differs from its templates; edit nlsheet/nlu/data/src and run "
            "python -m nlsheet.nlu.templates"
        )


def test_check_fails_when_a_committed_file_differs(tmp_path: Path) -> None:
    for path in default_data_paths():
        shutil.copy(path, tmp_path / path.name)
    out = io.StringIO()
    assert main(["--check", "--out", str(tmp_path)], out=out) == 0
    edited = tmp_path / "edits.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("alphabetise", "alphabetize"))
    out = io.StringIO()
    assert main(["--check", "--out", str(tmp_path)], out=out) == 1
    assert "edits.yaml" in out.getvalue() and "alphabetise" in out.getvalue()
    assert "alphabetize" in edited.read_text(encoding="utf-8")  # --check writes nothing
    assert main(["--out", str(tmp_path)], out=io.StringIO()) == 0  # regenerate
    assert main(["--check", "--out", str(tmp_path)], out=io.StringIO()) == 0


def test_sources_keep_the_header_comments_and_describe_every_intent() -> None:
    files = generate()
    for path in default_data_paths():
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
        assert len(header) >= 3
        assert files[path.name].splitlines()[: len(header)] == header
    assert (default_source_dir() / "manifest.yaml").is_file()
    data = load_dataset()
    assert all(data.descriptions[intent] for intent in data.intents)


# --- the template language --------------------------------------------------------------------


def test_alternatives_expand_in_order_leftmost_slowest() -> None:
    assert expand("{total|sum} of [{sales|units}](column)") == [
        "total of [sales](column)",
        "total of [units](column)",
        "sum of [sales](column)",
        "sum of [units](column)",
    ]


def test_optional_parts_nesting_and_named_lists() -> None:
    assert expand("hey{ there|}") == ["hey there", "hey"]
    assert expand("{tot up|add {up|together}} <m>", {"m": ("cost", "tax")}) == [
        "tot up cost",
        "tot up tax",
        "add up cost",
        "add up tax",
        "add together cost",
        "add together tax",
    ]
    assert expand("plain words, 5 < 7 and a > b") == ["plain words, 5 < 7 and a > b"]
    assert expand(r"a \{literal\} \| bar \<m> \\") == ["a {literal} | bar <m> \\"]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("sum {of|", "'{' without '}'"),
        ("sum of} x", "'}' without '{'"),
        ("sum | total", "'|' outside"),
        ("total <measure>", "no word list <measure>"),
        ("trailing \\", "nothing after it"),
        ("{a|b|c|d|e|f|g}" * 4, "expands to 2401 examples, more than"),
    ],
)
def test_template_errors_say_where_and_what(template: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message) as caught:
        expand(template, where="sum.txt:3")
    assert caught.value.where == "sum.txt:3"
    assert isinstance(caught.value, DatasetError)


def test_template_file_lists_comments_and_example_checks() -> None:
    source = "\n".join(
        [
            "# totals",
            "@m = cost | tax | labour \\| parts",
            "",
            "total [<m>](column)",
            "\\# of rows",
            "\\@home",
        ]
    )
    assert expand_file(source, "sum", {}, "sum.txt") == [
        "total [cost](column)",
        "total [tax](column)",
        "total [labour | parts](column)",
        "# of rows",
        "@home",
    ]
    with pytest.raises(TemplateError, match=r"sum\.txt:2: the word list <m> is already"):
        expand_file("@m = a\n@m = b", "sum", {}, "sum.txt")
    with pytest.raises(TemplateError, match="no list definition"):
        expand_file("@home sweet home", "sum", {}, "sum.txt")
    with pytest.raises(DatasetError, match=r"sum\.txt:1: unknown slot 'colum'"):
        expand_file("total [{a|b}](colum)", "sum", {}, "sum.txt")


def test_render_quotes_only_what_yaml_would_misread() -> None:
    texts = ("plain text", "[cost](column) total", "no", "1.5", "a: b", "#1 seller", "???", "x:")
    data = DataFile("t.yaml", ("a header",), (("sum", "Add up: numbers.", texts),))
    text = render(data)
    assert text.startswith("# a header\nversion: 1\nintents:\n  sum:\n")
    assert "      - plain text\n" in text
    assert '      - "[cost](column) total"\n' in text
    loaded = yaml.safe_load(text)
    assert loaded["intents"]["sum"]["examples"] == list(texts)
    assert loaded["intents"]["sum"]["description"] == "Add up: numbers."


# --- held-out data is held out ----------------------------------------------------------------


def test_normalise() -> None:
    assert normalise("What's the  TOTAL of [Sales](column)?") == "whats the total of sales"
    assert normalise("sum of col_C,  please!") == "sum of col c please"


def test_heldout_shares_no_line_with_training() -> None:
    """After normalisation (case, slot annotations, punctuation, white space), no held-out
    command is also a training example."""
    training = {normalise(e.text): e.intent for e in load_dataset().examples}
    shared = [
        f"{e.intent}: {e.text!r} (in training as {training[normalise(e.text)]})"
        for e in load_dataset(HELDOUT_FILES).examples
        if normalise(e.text) in training
    ]
    assert not shared, "\n".join(shared)


@pytest.mark.parametrize(
    "cases",
    [
        "cases.jsonl",
        "dev2/cases.jsonl",
        "dev3/cases.jsonl",
        "test2/cases.jsonl",
        "test3/cases.jsonl",
        "test4/cases.jsonl",
        "dev4/cases.jsonl",
        "dev5/cases.jsonl",
        "dev6/cases.jsonl",
        "dev7/cases.jsonl",
        "dev8/cases.jsonl",
        "dev9/cases.jsonl",
        "dev10/cases.jsonl",
        "dev11/cases.jsonl",
        "dev12/cases.jsonl",
        "test5/cases.jsonl",
    ],
)
def test_everyday_suites_share_no_line_with_training(cases: str) -> None:
    """The everyday suite and the dev sets written apart from it hold no training example."""
    training = {normalise(e.text) for e in load_dataset().examples}
    path = ROOT / "tests" / "data" / "everyday" / cases
    commands = [json.loads(line)["command"] for line in path.read_text("utf-8").splitlines()]
    assert [c for c in commands if normalise(c) in training] == []


def test_heldout_has_no_duplicates() -> None:
    counts = Counter(normalise(e.text) for e in load_dataset(HELDOUT_FILES).examples)
    assert [text for text, n in counts.items() if n > 1] == []


def test_dev_test_split_is_stable_disjoint_and_covers_every_intent() -> None:
    heldout = load_dataset(HELDOUT_FILES)
    dev, test = dev_test_split(heldout)
    assert dev_test_split(heldout) == (dev, test)
    dev_texts = {normalise(e.text) for e in dev.examples}
    test_texts = {normalise(e.text) for e in test.examples}
    assert not dev_texts & test_texts
    assert len(dev.examples) + len(test.examples) == len(heldout.examples)
    assert 0.35 <= len(dev.examples) / len(heldout.examples) <= 0.45
    sizes = Counter(e.intent for e in heldout.examples)
    assert all(n >= 2 for n in sizes.values())
    assert {e.intent for e in dev.examples} == set(sizes) == {e.intent for e in test.examples}
    # each part keeps the file order
    order = {e: i for i, e in enumerate(heldout.examples)}
    assert [order[e] for e in test.examples] == sorted(order[e] for e in test.examples)
    # a command stays on its side when others are removed
    fewer = Dataset(heldout.examples[::2], heldout.intents, heldout.descriptions, heldout.digest)
    fewer_dev, _ = dev_test_split(fewer)
    moved = {normalise(e.text) for e in fewer_dev.examples} - dev_texts
    assert len(moved) <= len(sizes)  # only an intent's fix-up to stay in both parts may move


def test_dev_test_split_rejects_a_bad_share() -> None:
    with pytest.raises(InputError, match="between 0 and 1"):
        dev_test_split(load_dataset(HELDOUT_FILES), 1.0)
