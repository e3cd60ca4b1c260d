"""Learning from corrections: a user's "that meant X" stored as training data of their own.

A correction is a command, the intent it should have had and, optionally, which header a word
meant (``regoin=Region``). Corrections live in ``corrections.yaml`` in the user data folder
(``Settings.data_dir``), are added to the packaged training data with their paraphrases
(:mod:`nlsheet.nlu.augment`) and a higher weight, and the model is retrained (well under a
second) and cached, so every later process understands them too. They can be listed and undone.

Example:
    >>> store = Corrections(Path("~/.local/share/nlsheet/corrections.yaml").expanduser())
    >>> store.add("how are we doing on [sales](column)", "sum", {"sales": "Sales"})
    >>> [c.intent for c in store.load()]
    ['sum']
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from nlsheet.errors import UnknownColumnError
from nlsheet.nlu.augment import paraphrases
from nlsheet.nlu.dataset import DatasetError, Example, parse_example
from nlsheet.nlu.text import tokenize
from nlsheet.workbook.table import Table

__all__ = [
    "CORRECTION_WEIGHT",
    "Correction",
    "Corrections",
    "aliases_of",
    "annotate",
    "check_header",
    "check_intent",
    "examples_of",
]

# One correction must outweigh the packaged examples that taught the wrong answer.
CORRECTION_WEIGHT = 6.0
_VERSION = 1


@dataclass(frozen=True)
class Correction:
    """One stored correction.

    Attributes:
        id: Its number (stable; used to undo it).
        example: The command with its column and value words annotated, ``[words](slot)``.
        intent: The intent the command should have.
        columns: Words of the command and the header each means (``{"regoin": "Region"}``).
        created: When it was made (ISO 8601, UTC).
    """

    id: int
    example: str
    intent: str
    columns: Mapping[str, str] = field(default_factory=dict)
    created: str = ""

    @property
    def command(self) -> str:
        """The command as typed (annotations removed)."""
        return parse_example(self.example, self.intent).text

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as stored."""
        return {
            "id": self.id,
            "example": self.example,
            "intent": self.intent,
            "columns": dict(self.columns),
            "created": self.created,
        }


class Corrections:
    """The corrections file: read, add, remove (atomically written YAML).

    Args:
        path: The ``corrections.yaml`` file (created on the first correction).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Correction]:
        """The stored corrections, oldest first (none when the file does not exist yet).

        Raises:
            DatasetError: If the file is damaged (with the file and what is wrong).
        """
        try:
            source = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise self._error(f"cannot be read ({exc.strerror or exc})", "a readable file") from exc
        try:
            data: Any = yaml.safe_load(source)
        except yaml.YAMLError as exc:
            raise self._error(f"is not valid YAML ({exc})", "YAML") from exc
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            raise self._error("has no 'version: 1'", "version: 1 and a corrections list")
        items = data.get("corrections") or []
        if not isinstance(items, list):
            raise self._error("has a 'corrections' that is not a list", "a list")
        return [self._parse(item, n) for n, item in enumerate(items, 1)]

    def _parse(self, item: Any, n: int) -> Correction:
        if not isinstance(item, dict):
            raise self._error(f"entry {n} is not a mapping", "id, example, intent")
        try:
            correction = Correction(
                int(item["id"]),
                str(item["example"]),
                str(item["intent"]),
                {str(k): str(v) for k, v in (item.get("columns") or {}).items()},
                str(item.get("created", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._error(f"entry {n} is incomplete ({exc})", "id, example, intent") from exc
        parse_example(correction.example, correction.intent, f"{self.path} entry {n}")
        return correction

    def _error(self, what: str, expected: str) -> DatasetError:
        return DatasetError(
            f"the corrections file {self.path} {what}; fix or delete it",
            expected=expected,
            found=what,
            where=str(self.path),
        )

    def add(
        self, example: str, intent: str, columns: Mapping[str, str] | None = None
    ) -> Correction:
        """Store a correction; a correction of the same command replaces the older one.

        Raises:
            DatasetError: If ``example`` has a malformed annotation.
        """
        command = parse_example(example, intent, "the correction").text
        stored = self.load()
        kept = [c for c in stored if _key(c.command) != _key(command)]
        number = max((c.id for c in stored), default=0) + 1
        correction = Correction(
            number,
            example,
            intent,
            dict(columns or {}),
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self._write([*kept, correction])
        return correction

    def remove(self, number: int | None = None) -> Correction:
        """Undo a correction by its id (the latest when None); returns it.

        Raises:
            InputError: If there is no such correction.
        """
        from nlsheet.errors import InputError

        stored = self.load()
        if not stored:
            raise InputError(
                "there are no corrections to undo",
                expected="a stored correction",
                found="none",
                where=str(self.path),
            )
        chosen = stored[-1] if number is None else next((c for c in stored if c.id == number), None)
        if chosen is None:
            raise InputError(
                f"there is no correction {number}; the corrections are "
                + ", ".join(str(c.id) for c in stored),
                expected="the id of a stored correction",
                found=str(number),
                where=str(self.path),
                candidates=[str(c.id) for c in stored],
            )
        self._write([c for c in stored if c.id != chosen.id])
        return chosen

    def digest(self) -> str:
        """A hash of the file's contents ('' when there are no corrections)."""
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return ""

    def _write(self, corrections: Sequence[Correction]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(
            {"version": _VERSION, "corrections": [c.to_dict() for c in corrections]},
            sort_keys=False,
            allow_unicode=True,
        )
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".yaml")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("# nlsheet corrections: commands and what they meant.\n" + text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _key(command: str) -> str:
    return " ".join(command.casefold().split())


def examples_of(corrections: Sequence[Correction]) -> list[Example]:
    """Training examples from corrections: each command and its paraphrases, weighted."""
    examples: list[Example] = []
    for n, correction in enumerate(corrections):
        example = parse_example(correction.example, correction.intent, f"correction {n + 1}")
        for variant in (example, *paraphrases(example, seed=correction.id)):
            examples.append(
                Example(variant.text, variant.intent, variant.slots, weight=CORRECTION_WEIGHT)
            )
    return examples


def taught_words(corrections: Sequence[Correction]) -> frozenset[str]:
    """Normalised words the user's corrections use outside their column and value slots: the
    user taught them as command words ('what's the zorp on units' taught as a sum)."""
    words: set[str] = set()
    for correction in corrections:
        example = parse_example(correction.example, correction.intent)
        taken = [(slot.start, slot.end) for slot in example.slots]
        for token in tokenize(example.text):
            if not any(s <= token.start < e for s, e in taken):
                words.add(token.norm)
    return frozenset(words)


def aliases_of(corrections: Sequence[Correction]) -> dict[str, str]:
    """Words the user said mean a header (lower-cased word -> header), newest last."""
    aliases: dict[str, str] = {}
    for correction in corrections:
        for word, header in correction.columns.items():
            aliases[" ".join(word.casefold().split())] = header
    return aliases


def check_intent(intent: str, intents: Sequence[str]) -> None:
    """Raise a clear error for an intent the model does not know."""
    if intent in intents:
        return
    from rapidfuzz import process

    close = [m[0] for m in process.extract(intent, list(intents), limit=3)]
    raise DatasetError(
        f"unknown intent {intent!r}; expected one of {', '.join(sorted(intents))}",
        expected="a known intent",
        found=intent,
        where="--intent",
        candidates=close,
    )


def check_header(table: Table, header: str) -> None:
    """Raise a clear error when ``header`` is not a header of ``table`` (case aside).

    Raises:
        UnknownColumnError: With the closest headers as candidates.
    """
    names = [c.name for c in table.columns]
    if any(n.casefold() == header.casefold() for n in names):
        return
    from rapidfuzz import process

    raise UnknownColumnError(
        f"there is no header {header!r} in {table.header_ref}; the headers are " + ", ".join(names),
        expected="a header of the table",
        found=header,
        where=table.header_ref,
        candidates=[m[0] for m in process.extract(header, names, limit=3)],
    )


def annotate(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with spans marked as ``[words](slot)`` (overlapping spans: the first wins)."""
    kept: list[tuple[int, int, str]] = []
    for start, end, slot in spans:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, slot))
    out: list[str] = []
    last = 0
    for start, end, slot in sorted(kept):
        out.append(text[last:start] + f"[{text[start:end]}]({slot})")
        last = end
    out.append(text[last:])
    return "".join(out)
