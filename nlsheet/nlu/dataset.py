"""Training data: versioned YAML of example commands with ``[words](slot)`` annotations.

Example file::

    version: 1
    intents:
      average:
        description: Mean of one column.
        examples:
          - average of [sales](column)

Example:
    >>> data = load_dataset()
    >>> data.examples[0].intent in data.intents
    True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from nlsheet.errors import InputError
from nlsheet.nlu.slots import mask_text

__all__ = [
    "SLOT_NAMES",
    "Dataset",
    "DatasetError",
    "Example",
    "Slot",
    "data_digest",
    "default_data_path",
    "default_data_paths",
    "load_dataset",
    "normalise",
    "parse_example",
]

SLOT_NAMES = frozenset({"column", "value"})
_ANNOTATION = re.compile(r"\[([^\[\]]+)\]\(([a-z_]+)\)")
_SUPPORTED_VERSIONS = (1,)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_APOSTROPHES = re.compile("['\u2019]")
_NOT_WORD = re.compile(r"[\W_]+")


class DatasetError(InputError):
    """The training data file is malformed (the message says which file, line and what)."""


@dataclass(frozen=True)
class Slot:
    """An annotated span of an example: ``text[start:end]`` fills slot ``name``."""

    name: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Example:
    """One example command with its intent and slots (annotations removed from ``text``)."""

    text: str
    intent: str
    slots: tuple[Slot, ...] = ()
    weight: float = 1.0

    @property
    def masked(self) -> str:
        """The text as the classifier reads it: columns, values, dates, numbers masked."""
        return mask_text(
            self.text,
            [(s.start, s.end) for s in self.slots if s.name == "column"],
            [(s.start, s.end) for s in self.slots if s.name == "value"],
        )


@dataclass(frozen=True)
class Dataset:
    """Examples and the intents they cover, with a hash of the source text."""

    examples: tuple[Example, ...]
    intents: tuple[str, ...]
    descriptions: dict[str, str]
    digest: str


def default_data_path() -> Path:
    """The main training data file shipped in the package (questions)."""
    return Path(str(resources.files("nlsheet.nlu") / "data" / "intents.yaml"))


def default_data_paths() -> tuple[Path, ...]:
    """Every training data file shipped in the package: the questions first, then the others."""
    main = default_data_path()
    return (main, *sorted(p for p in main.parent.glob("*.yaml") if p != main))


def data_digest(paths: Sequence[Path]) -> str:
    """A hash of the training data files' names and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def normalise(text: str) -> str:
    """A command reduced to its words, to compare held-out and training examples: slot
    annotations reduced to their words, lower case, apostrophes dropped, other punctuation and
    runs of white space made one space.

    Example:
        >>> normalise("Who's  TOP in [north](value)?")
        'whos top in north'
    """
    words = _ANNOTATION.sub(r"\1", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", words)).split())


def parse_example(raw: str, intent: str, where: str = "<text>") -> Example:
    """Parse ``average of [sales](column)`` into text and slots.

    Raises:
        DatasetError: For an unknown slot name or unbalanced brackets.
    """
    text_parts: list[str] = []
    slots: list[Slot] = []
    pos = 0
    length = 0
    for match in _ANNOTATION.finditer(raw):
        before = raw[pos : match.start()]
        text_parts.append(before)
        length += len(before)
        value, name = match.group(1), match.group(2)
        if name not in SLOT_NAMES:
            raise DatasetError(
                f"{where}: unknown slot {name!r} in {raw!r}; expected one of "
                f"{', '.join(sorted(SLOT_NAMES))}",
                expected=", ".join(sorted(SLOT_NAMES)),
                found=name,
                where=where,
            )
        slots.append(Slot(name, length, length + len(value), value))
        text_parts.append(value)
        length += len(value)
        pos = match.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if any(ch in text for ch in "[]"):
        raise DatasetError(
            f"{where}: unbalanced annotation in {raw!r}; expected [words](slot)",
            expected="[words](slot)",
            found=raw,
            where=where,
        )
    if not text.strip():
        raise DatasetError(
            f"{where}: empty example", expected="a command", found=repr(raw), where=where
        )
    return Example(text, intent, tuple(slots))


class _Lines:
    """Finds the line an example stands on, for error messages (one pass over the file)."""

    def __init__(self, source: str) -> None:
        self._lines = source.splitlines()
        self._items: dict[str, int] = {}
        for number, line in enumerate(self._lines, 1):
            item = line.strip().removeprefix("- ").strip().strip("'\"")
            self._items.setdefault(item, number)

    def of(self, needle: str) -> int:
        number = self._items.get(needle)
        if number is not None:
            return number
        return next((n for n, line in enumerate(self._lines, 1) if needle in line), 0)


def load_dataset(
    path: Path | Sequence[Path] | None = None, extra: Sequence[Example] | None = None
) -> Dataset:
    """Load and validate training data files; an intent may take examples from several files.

    Args:
        path: A YAML file or several; the packaged data files by default.
        extra: More examples (user corrections) added after validation.

    Raises:
        DatasetError: With the file, the line and what is wrong.
    """
    paths = (
        default_data_paths() if path is None else (path,) if isinstance(path, Path) else tuple(path)
    )
    examples: list[Example] = []
    descriptions: dict[str, str] = {}
    seen: dict[str, str] = {}
    for one in paths:
        _load_file(one, examples, descriptions, seen)
    examples.extend(extra or [])
    digest = hashlib.sha256(data_digest(paths).encode())
    for example in extra or []:
        digest.update(f"\n{example.intent}\t{example.masked}".encode())
    return Dataset(tuple(examples), tuple(descriptions), descriptions, digest.hexdigest())


def _load_file(
    path: Path, examples: list[Example], descriptions: dict[str, str], seen: dict[str, str]
) -> None:
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(
            f"{path}: cannot read the training data ({exc.strerror or exc})",
            expected="a readable YAML file",
            found=str(exc),
            where=str(path),
        ) from exc
    try:
        data: Any = yaml.load(source, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DatasetError(
            f"{path}{line}: not valid YAML ({exc})",
            expected="YAML",
            found=str(exc),
            where=f"{path}{line}",
        ) from exc
    if not isinstance(data, dict) or data.get("version") not in _SUPPORTED_VERSIONS:
        raise DatasetError(
            f"{path}: expected a mapping with 'version: 1' and 'intents', found "
            f"{type(data).__name__}",
            expected="version: 1",
            found=repr(data.get("version") if isinstance(data, dict) else data),
            where=str(path),
        )
    intents = data.get("intents")
    if not isinstance(intents, dict) or not intents:
        raise DatasetError(
            f"{path}: expected 'intents' to map intent names to examples",
            expected="intents: {name: {examples: [...]}}",
            found=repr(type(intents).__name__),
            where=str(path),
        )
    lines = _Lines(source)
    for intent, body in intents.items():
        where = f"{path}:{lines.of(f'{intent}:')}"
        if not isinstance(body, dict) or not isinstance(body.get("examples"), list):
            raise DatasetError(
                f"{where}: intent {intent!r} needs an 'examples' list",
                expected="examples: [...]",
                found=repr(body)[:80],
                where=where,
            )
        if body.get("description") or str(intent) not in descriptions:
            descriptions[str(intent)] = str(body.get("description", ""))
        for raw in body["examples"]:
            line_where = f"{path}:{lines.of(str(raw))}"
            if not isinstance(raw, str):
                raise DatasetError(
                    f"{line_where}: example {raw!r} of intent {intent!r} is not text",
                    expected="a string",
                    found=repr(raw),
                    where=line_where,
                )
            example = parse_example(raw, str(intent), line_where)
            key = " ".join(example.text.casefold().split())
            if key in seen and seen[key] != intent:
                raise DatasetError(
                    f"{line_where}: {example.text!r} is an example of both {seen[key]!r} "
                    f"and {intent!r}",
                    expected="each example under one intent",
                    found=f"{seen[key]} and {intent}",
                    where=line_where,
                )
            seen[key] = str(intent)
            examples.append(example)
