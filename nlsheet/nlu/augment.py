"""Data augmentation: more training commands from the ones we have, deterministically.

Four generators, each keeping the intent and the annotated slots of the example it starts from:

- :func:`refill_synonyms` swaps command words for words that mean the same here
  ("average" -> "mean", "highest" -> "largest", "sort" -> "order");
- :func:`wrap` puts the command into a paraphrase template ("can you tell me ...", "... please");
- :func:`typos` makes one realistic typing slip in a command word (swap, drop, double a letter);
- :func:`with_headers` refills the column slots with the headers of a given workbook, so the
  commands read as they would about *that* workbook ("average of Amt by Cust").

The classifier reads commands with their column and value words masked, so refilling column
slots does not change what it learns; :func:`with_headers` is what ``nlsheet eval --book`` uses
to check that a workbook's own headers are recognised end to end. Randomness is seeded by the
example's text, so the same data always gives the same augmented data.

Example:
    >>> ex = parse_example("average of [sales](column)", "average")
    >>> [e.text for e in paraphrases(ex, seed=0)][:2]
    ['mean of sales', 'can you tell me average of sales']
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

from nlsheet.nlu.dataset import Dataset, Example, Slot
from nlsheet.nlu.text import STOPWORDS

__all__ = [
    "augment_dataset",
    "paraphrases",
    "refill_synonyms",
    "typos",
    "with_headers",
    "wrap",
]

# Words interchangeable in a command without changing what it asks for (whole words only).
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("average", "mean", "avg"),
    ("highest", "largest", "biggest", "maximum"),
    ("lowest", "smallest", "minimum"),
    ("total", "sum"),
    ("how many", "the number of"),
    ("show", "display", "give me"),
    ("sort", "order", "arrange"),
    ("highlight", "colour", "color", "mark"),
    ("chart", "graph", "plot"),
    ("remove", "delete", "drop"),
    ("rows", "records", "entries"),
    ("please", "pls", "kindly"),
    ("what is", "what's", "tell me"),
)
_SYNONYMS = {word: group for group in _SYNONYM_GROUPS for word in group}
_SYNONYM_RE = re.compile(
    r"(?<![\w'])("
    + "|".join(sorted(map(re.escape, _SYNONYMS), key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("can you tell me ", ""),
    ("", " please"),
    ("i'd like to know ", ""),
    ("quick question: ", ""),
    ("please ", ""),
    ("hey, ", "?"),
    ("i need ", " for the report"),
)
_WORD = re.compile(r"[A-Za-z]{4,}")

Segment = tuple[str, str | None]  # text and the slot it fills (None: command words)


def _segments(example: Example) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for slot in sorted(example.slots, key=lambda s: s.start):
        out.append((example.text[pos : slot.start], None))
        out.append((example.text[slot.start : slot.end], slot.name))
        pos = slot.end
    out.append((example.text[pos:], None))
    return [s for s in out if s[0]]


def _example(segments: Sequence[Segment], like: Example) -> Example:
    text: list[str] = []
    slots: list[Slot] = []
    length = 0
    for piece, name in segments:
        if name is not None:
            slots.append(Slot(name, length, length + len(piece), piece))
        text.append(piece)
        length += len(piece)
    return Example("".join(text), like.intent, tuple(slots), like.weight)


def _rng(example: Example, seed: int, salt: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}|{salt}|{example.text}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def refill_synonyms(example: Example, seed: int = 0) -> Example | None:
    """The example with one command word swapped for a synonym (None if it has none)."""
    segments = _segments(example)
    spots = [
        (i, m)
        for i, (piece, name) in enumerate(segments)
        if name is None
        for m in _SYNONYM_RE.finditer(piece)
    ]
    if not spots:
        return None
    rng = _rng(example, seed, "syn")
    i, match = rng.choice(spots)
    word = match.group(1).lower()
    choices = [w for w in _SYNONYMS[word] if w != word]
    piece = segments[i][0]
    segments[i] = (piece[: match.start()] + rng.choice(choices) + piece[match.end() :], None)
    return _example(segments, example)


def wrap(example: Example, seed: int = 0) -> Example:
    """The example inside a paraphrase template ("can you tell me ...")."""
    prefix, suffix = _rng(example, seed, "wrap").choice(_TEMPLATES)
    segments = _segments(example)
    if segments and segments[0][1] is None and prefix:
        segments[0] = (segments[0][0][0].lower() + segments[0][0][1:], None)
    return _example([(prefix, None), *segments, (suffix, None)], example)


def _slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swap two letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # drop one
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # double one


def typos(example: Example, seed: int = 0) -> Example | None:
    """The example with one typing slip in a command word (None if no word is long enough)."""
    segments = _segments(example)
    spots = [
        (i, m)
        for i, (piece, name) in enumerate(segments)
        if name is None
        for m in _WORD.finditer(piece)
        if m.group().lower() not in STOPWORDS
    ]
    if not spots:
        return None
    rng = _rng(example, seed, "typo")
    i, match = rng.choice(spots)
    piece = segments[i][0]
    segments[i] = (piece[: match.start()] + _slip(match.group(), rng) + piece[match.end() :], None)
    return _example(segments, example)


def with_headers(example: Example, headers: Sequence[str], seed: int = 0) -> Example | None:
    """The example with its column slots refilled by headers of a workbook (distinct ones),
    or None when the example has more column slots than there are headers."""
    segments = _segments(example)
    slots = [i for i, (_, name) in enumerate(segments) if name == "column"]
    if not slots or len(slots) > len(headers):
        return None
    chosen = _rng(example, seed, "headers").sample(list(headers), len(slots))
    for i, header in zip(slots, chosen, strict=True):
        segments[i] = (header, "column")
    return _example(segments, example)


def paraphrases(example: Example, seed: int = 0) -> list[Example]:
    """Distinct variants of one example: synonym refills, templates and typos."""
    variants: list[Example] = []
    seen = {example.text.casefold()}
    for n in range(3):
        for made in (
            refill_synonyms(example, seed + n),
            wrap(example, seed + n),
            typos(example, seed + n),
        ):
            if made is not None and made.text.casefold() not in seen:
                seen.add(made.text.casefold())
                variants.append(made)
    return variants


def augment_dataset(dataset: Dataset, share: float = 0.5, seed: int = 0) -> Dataset:
    """The dataset plus a typo variant and a synonym variant of a seeded ``share`` of its
    examples (out-of-scope examples are left alone: slips do not make gibberish meaningful)."""
    extra: list[Example] = []
    for example in dataset.examples:
        if example.intent == "out_of_scope":
            continue
        rng = _rng(example, seed, "pick")
        for made in (typos(example, seed), refill_synonyms(example, seed)):
            if made is not None and rng.random() < share:
                extra.append(made)
    return Dataset(
        (*dataset.examples, *extra),
        dataset.intents,
        dataset.descriptions,
        dataset.digest + f"+aug{share}:{seed}",
    )
