"""Turn a command and a table into an :class:`Interpretation`: intent, columns, confidence.

The column mentions are found first and masked (``average of xcolx``), so that a header such as
"Average Price" cannot sway the intent; the classifier then reads the masked command.

Example:
    >>> model = NluModel.load(Settings())
    >>> interp = interpret("avrage of slaes", table, model, Settings())
    >>> interp.intent, [m.column.name for m in interp.columns]
    ('average', ['Sales'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlsheet.nlu.context import ColumnMatch, find_letter_refs, match_columns, overlaps
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.text import STOPWORDS, Token, mask, tokenize
from nlsheet.settings import Settings
from nlsheet.workbook.table import Table

__all__ = ["OUT_OF_SCOPE", "Interpretation", "interpret"]


@dataclass(frozen=True)
class Interpretation:
    """What nlsheet understood of a command on one table.

    Attributes:
        text: The command.
        intent: The most probable intent.
        confidence: Its probability.
        alternatives: Other intents with their probabilities, most probable first.
        columns: The column mentions used, in the order they appear in the command.
        candidates: Every column that matched some words, best first (for explain()).
        ambiguous: Columns that fit the same words about equally well as the chosen one.
        leftover: Words that are neither command words nor matched to a column.
        masked: The text the classifier read.
    """

    text: str
    intent: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]
    columns: tuple[ColumnMatch, ...]
    candidates: tuple[ColumnMatch, ...]
    ambiguous: tuple[ColumnMatch, ...] = ()
    leftover: tuple[str, ...] = ()
    masked: str = ""
    tokens: tuple[Token, ...] = field(default=(), repr=False)

    @property
    def margin(self) -> float:
        """How far the top intent is ahead of the next one."""
        runner_up = self.alternatives[0][1] if self.alternatives else 0.0
        return self.confidence - runner_up


def _choose(
    candidates: list[ColumnMatch], settings: Settings
) -> tuple[list[ColumnMatch], list[ColumnMatch]]:
    """Accepted non-overlapping matches, and the rivals of the best one."""
    accepted: list[ColumnMatch] = []
    for match in candidates:
        if match.score < settings.column_accept:
            break
        if not any(overlaps(match, other) for other in accepted):
            accepted.append(match)
    rivals: list[ColumnMatch] = []
    if accepted:
        best = accepted[0]
        rivals = [
            m
            for m in candidates
            if m is not best
            and m.score >= settings.column_accept
            and overlaps(m, best)
            and best.score - m.score <= settings.column_margin
        ]
    return accepted, rivals


def interpret(text: str, table: Table, model: NluModel, settings: Settings) -> Interpretation:
    """Interpret a command against a table.

    Args:
        text: The command as typed.
        table: The table the command is about.
        model: The trained classifier and its command vocabulary.
        settings: Thresholds.
    """
    tokens = tokenize(text)
    letters = find_letter_refs(text, table)
    candidates = match_columns(text, table, model.command_words, tokens)
    named = [m for m in candidates if not any(overlaps(m, letter) for letter in letters)]
    accepted, rivals = _choose(named, settings)
    chosen = sorted([*letters, *accepted], key=lambda m: m.start)
    masked = mask(text, [(m.start, m.end) for m in chosen]) if chosen else text
    probabilities = model.classifier.predict_proba([masked])[0]
    ranked = sorted(zip(model.classifier.classes, probabilities, strict=True), key=lambda p: -p[1])
    covered = [(m.start, m.end) for m in chosen]
    leftover = tuple(
        t.norm
        for t in tokens
        if t.norm.isalpha()
        and t.norm not in STOPWORDS
        and t.norm not in model.command_words
        and not any(s <= t.start < e for s, e in covered)
    )
    return Interpretation(
        text=text,
        intent=str(ranked[0][0]),
        confidence=float(ranked[0][1]),
        alternatives=tuple((str(c), float(p)) for c, p in ranked[1:4]),
        columns=tuple(chosen),
        candidates=tuple([*letters, *candidates]),
        ambiguous=tuple(rivals),
        leftover=leftover,
        masked=masked,
        tokens=tuple(tokens),
    )
