"""Turn a command and a table into an :class:`Interpretation`: intent, columns, conditions.

Column mentions, cell values, numbers and dates are found first and masked
(``total xcolx where xcolx is xvalx``), so that the classifier reads the shape of the command,
not the names in one workbook; the slots are then assembled into conditions and grouping.

Example:
    >>> interp = interpret("total sales where region is West", table, model, Settings())
    >>> interp.intent, [c.column for c in interp.frame.where.conditions]
    ('sum', ['Region'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlsheet.nlu.conditions import Frame, assemble
from nlsheet.nlu.context import ColumnMatch, find_letter_refs, match_columns, overlaps
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.slots import (
    find_dates,
    find_numbers,
    find_patterns,
    find_periods,
    find_quoted,
    mask_text,
)
from nlsheet.nlu.text import GRAMMAR_WORDS, STOPWORDS, Token, tokenize
from nlsheet.nlu.values import ValueMatch, link_values
from nlsheet.settings import Settings
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["OUT_OF_SCOPE", "Interpretation", "interpret"]

_RANKING = re.compile(
    r"\b(top|bottom|highest|lowest|most|least|largest|smallest|biggest|best|worst|max|maximum|"
    r"min|minimum|greatest|fewest|cheapest|priciest|longest|shortest|oldest|newest|youngest|"
    r"latest|earliest|leading|lead|rank|ranked|ranking|heaviest|lightest|fastest|slowest|"
    r"tallest|highest-paid|most\s+expensive|least\s+expensive|first|last|peak|record)\b",
    re.I,
)

_COUNTING = re.compile(r"\b(how\s+many|number|count|counts|tally|#|total)\b", re.I)

# Below this many rows every command is checked for cell values; above, only commands with
# words nothing else explains (so plain questions on big sheets never index their values).
_ALWAYS_LINK_ROWS = 20_000


@dataclass(frozen=True)
class Interpretation:
    """What nlsheet understood of a command on one table.

    Attributes:
        text: The command.
        intent: The most probable intent.
        confidence: Its probability.
        alternatives: Other intents with their probabilities, most probable first.
        columns: The column mentions accepted, in command order.
        candidates: Every column that matched some words, best first (for explain()).
        ambiguous: Columns that fit the same words about equally well as the best one.
        values: Cell values the command mentions, with their columns.
        frame: Conditions, grouping, N, and the mentions left free for the operation.
        leftover: Words that nothing explains (neither command words nor names nor values).
        masked: The text the classifier read.
    """

    text: str
    intent: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]
    columns: tuple[ColumnMatch, ...]
    candidates: tuple[ColumnMatch, ...]
    ambiguous: tuple[ColumnMatch, ...] = ()
    values: tuple[ValueMatch, ...] = ()
    frame: Frame = field(default_factory=Frame)
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


def _unexplained(
    tokens: list[Token], spans: list[tuple[int, int]], command_words: frozenset[str]
) -> list[Token]:
    return [
        t
        for t in tokens
        if t.norm.isalpha()
        and t.norm not in STOPWORDS
        and t.norm not in GRAMMAR_WORDS
        and t.lower not in GRAMMAR_WORDS
        and t.norm not in command_words
        and not any(s <= t.start < e for s, e in spans)
    ]


def _fits(intent: str, text: str, frame: Frame, table: Table) -> bool:
    """Whether the command has the slots an intent needs (a ranking word for 'top', a value
    picking the row for a lookup ...)."""
    if intent in ("top_n", "bottom_n", "arg_max", "arg_min"):
        return bool(_RANKING.search(text))
    if intent in ("lookup", "share"):
        return bool(frame.where)
    if intent in ("ratio", "correlation"):
        return len(frame.free) >= 2
    if intent == "count_distinct":
        return bool(_COUNTING.search(text))
    if intent == "growth":
        return any(c.kind is ColumnKind.DATE for c in table.columns)
    return True


def _repeat_mentions(
    text: str, tokens: list[Token], accepted: list[ColumnMatch]
) -> list[ColumnMatch]:
    """Add later mentions of an accepted column ('product is A or product is B')."""
    extra: list[ColumnMatch] = []
    for m in accepted:
        words = [t.norm for t in tokens if m.start <= t.start < m.end]
        n = len(words)
        for i in range(len(tokens) - n + 1):
            span = tokens[i : i + n]
            start, end = span[0].start, span[-1].end
            if [t.norm for t in span] != words or start == m.start:
                continue
            if any(o.start < end and start < o.end for o in [*accepted, *extra]):
                continue
            extra.append(ColumnMatch(m.column, text[start:end], start, end, m.score, m.how))
    return [*accepted, *extra]


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
    numbers, dates, periods = find_numbers(text), find_dates(text), find_periods(text)
    patterns = find_patterns(text)
    pattern_values = [(p.start, p.end) for p in patterns]
    quoted = [q for q in find_quoted(text) if not any(s <= q.start < e for s, e in pattern_values)]
    # Words after 'starts with' / 'containing' are literal text, not headers.
    accepted = [
        m for m in accepted if not any(s < m.end and m.start < e for s, e in pattern_values)
    ]
    accepted = _repeat_mentions(text, tokens, accepted)
    firm = [
        (m.start, m.end) for m in [*letters, *accepted] if m.how in ("exact", "synonym", "letter")
    ]
    slots = [(q.start, q.end) for q in quoted] + [(d.start, d.end) for d in dates]
    slots += pattern_values
    must_cover = None
    if table.n_rows > _ALWAYS_LINK_ROWS:
        loose = _unexplained(tokens, firm + slots, model.command_words)
        must_cover = [(t.start, t.end) for t in loose]
    mentioned = [m.column for m in [*letters, *accepted]]
    values = link_values(text, table, firm + slots, mentioned, must_cover)
    # A value outranks a loose (fuzzy or partial) reading of the same words as a header.
    accepted = [m for m in accepted if not any(v.start < m.end and m.start < v.end for v in values)]
    rivals = [m for m in rivals if not any(v.start < m.end and m.start < v.end for v in values)]
    chosen = sorted([*letters, *accepted], key=lambda m: m.start)
    masked = mask_text(
        text,
        [(m.start, m.end) for m in chosen],
        [(v.start, v.end) for v in values] + [(q.start, q.end) for q in quoted] + pattern_values,
    )
    probabilities = model.classifier.predict_proba([masked])[0]
    ranked = sorted(zip(model.classifier.classes, probabilities, strict=True), key=lambda p: -p[1])
    numbers = [n for n in numbers if not any(s <= n.start < e for s, e in pattern_values)]
    intent = str(ranked[0][0])
    frame = assemble(
        text,
        table,
        chosen,
        values,
        numbers,
        dates,
        periods,
        quoted,
        patterns,
        compare_columns=intent not in ("trend", "correlation"),
    )
    fitting = [(str(c), float(p)) for c, p in ranked if _fits(str(c), text, frame, table)]
    if fitting and fitting[0][0] != intent:
        # Slots rule the top intent out: choose among those they allow, renormalised.
        total = sum(p for _, p in fitting) or 1.0
        ranked_out = [(c, p / total) for c, p in fitting]
        if ranked_out[0][0] in ("trend", "correlation") or intent in ("trend", "correlation"):
            frame = assemble(
                text,
                table,
                chosen,
                values,
                numbers,
                dates,
                periods,
                quoted,
                patterns,
                compare_columns=ranked_out[0][0] not in ("trend", "correlation"),
            )
    else:
        ranked_out = [(str(c), float(p)) for c, p in ranked]
    covered = [
        *((m.start, m.end) for m in chosen),
        *((v.start, v.end) for v in values),
        *slots,
        *frame.explained,
    ]
    leftover = tuple(t.norm for t in _unexplained(tokens, covered, model.command_words))
    return Interpretation(
        text=text,
        intent=ranked_out[0][0],
        confidence=ranked_out[0][1],
        alternatives=tuple(ranked_out[1:4]),
        columns=tuple(chosen),
        candidates=tuple([*letters, *candidates]),
        ambiguous=tuple(rivals),
        values=tuple(values),
        frame=frame,
        leftover=leftover,
        masked=masked,
        tokens=tuple(tokens),
    )
