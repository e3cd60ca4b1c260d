"""Context inference: which header cell does each word of the command mean?

Words are matched to headers by column letter ("column F"), exactly (case, plural, underscores
and units in brackets ignored), through a small synonym table (revenue -> Sales), fuzzily for
typos ("slaes"), and partially ("cost" -> "Unit Cost ($)"). Every match carries its score and
how it was found, so answers can show which words went to which cells.

Example:
    >>> matches = match_columns("avrage of slaes", table)
    >>> matches[0].column.header_cell, matches[0].how
    ('Sales!G1', 'fuzzy')
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from nlsheet import refs
from nlsheet.nlu.flags import is_flag_column
from nlsheet.nlu.text import STOPWORDS, Token, canonical, header_words, tokenize
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "ColumnMatch",
    "MatchKind",
    "column_tails",
    "find_letter_refs",
    "match_columns",
    "overlaps",
]

MatchKind = Literal["letter", "exact", "synonym", "fuzzy", "partial", "value", "implied", "verb"]

# "column F", "col c", "column AB"; three letters only in capitals, so "column age" is a word.
_LETTER_REF = re.compile(r"(?i:\b(?:column|col)\.?)\s+([A-Za-z]{1,2}|[A-Z]{3})\b")
# 'the Wt column to Weight', 'a column at 5%': in lower case these two-letter words are words,
# not column letters (single letters stay letters: 'sum column a').
_NOT_LETTERS = frozenset(
    {"an", "as", "at", "be", "by", "do", "go", "if", "in", "is", "it", "me", "my", "no", "of"}
    | {"on", "or", "so", "to", "up", "us", "we"}
)


def _letter_refs(text: str) -> Iterator[re.Match[str]]:
    for match in _LETTER_REF.finditer(text):
        if match.group(1) not in _NOT_LETTERS:  # 'AT' or 'At' stays a column letter
            yield match


_MAX_SPAN = 6
_ENDINGS = ("ing", "ed", "d", "s", "es")
# A word naming the kind of a column may follow its header: 'end date', 'rep name'.
_KIND_WORDS = {
    ColumnKind.DATE: frozenset({"date", "day", "time", "when"}),
    ColumnKind.TEXT: frozenset({"name", "title", "label", "code"}),
    ColumnKind.NUMBER: frozenset(
        {"value", "amount", "number", "figure", "count", "level", "score"}
    ),
}


@dataclass(frozen=True)
class ColumnMatch:
    """A span of the command matched to a column.

    Attributes:
        column: The column.
        words: The words of the command, as typed.
        start: Where the words start in the command (character offset).
        end: Where they end.
        score: How well they match, 0..1.
        how: How they were matched.
    """

    column: Column
    words: str
    start: int
    end: int
    score: float
    how: MatchKind


def overlaps(a: ColumnMatch, b: ColumnMatch) -> bool:
    """True when two matches share words of the command."""
    return a.start < b.end and b.start < a.end


def find_letter_refs(text: str, table: Table) -> list[ColumnMatch]:
    """Column letters the command names ("sum column F", "max of col C").

    Letters are sheet letters, as the user sees them; a letter outside the table is returned
    with ``column`` None by :func:`letters_outside`.
    """
    found: list[ColumnMatch] = []
    for match in _letter_refs(text):
        letters = match.group(1)
        try:
            index = refs.column_index(letters)
        except ValueError:
            continue
        column = table.column_at(index)
        if column is not None:
            found.append(
                ColumnMatch(column, match.group(), match.start(), match.end(), 1.0, "letter")
            )
    return found


def letters_outside(text: str, table: Table) -> list[str]:
    """Column letters named in the command that are not part of the table."""
    outside: list[str] = []
    for match in _letter_refs(text):
        letters = match.group(1).upper()
        try:
            index = refs.column_index(letters)
        except ValueError:
            continue
        if table.column_at(index) is None:
            outside.append(letters)
    return outside


def _similarity(a: str, b: str) -> float:
    return max(fuzz.ratio(a, b) / 100.0, DamerauLevenshtein.normalized_similarity(a, b))


_POSSESSIVE = re.compile(r"\w['’]s\b")


def _span_score(
    span: list[str],
    header: list[str],
    header_canon: list[str],
    command_words: Collection[str],
    typed: str,
    header_typed: str,
    kind: ColumnKind = ColumnKind.TEXT,
) -> tuple[float, MatchKind] | None:
    canon = [canonical(w) for w in span]
    how: MatchKind
    if span == header:
        score, how = 1.0, "exact"
    elif span[:-1] == header and span[-1] in _KIND_WORDS.get(kind, ()):
        score, how = 1.0, "exact"  # 'try bonus value', 'end date': the header and its kind
    elif canon == header_canon:
        score, how = 0.95, "synonym"
    elif _digits(span) and not _digits(header):
        return None  # '20 tickets sold' is a number and Tickets Sold, not one misspelt header
    else:
        joined, target = " ".join(span), " ".join(header)
        sim = max(
            _similarity(joined, target),
            _similarity(typed, header_typed),
            _similarity(" ".join(canon), " ".join(header_canon)),
        )
        shortest = min(len(joined), len(target))
        need = 0.8 if shortest <= 6 else 0.78
        # Word by word, each word must resemble its own: 'expected revenue' is no misspelt
        # 'Expected Close', however alike the two phrases are letter by letter.
        # Words run together or split ('air dates' for 'Airdate') must still be the same
        # letters: 'tickets did Tom' is no 'Ticket ID'.
        alike = (
            _alike_past_header(span, header)
            if len(span) > len(header)
            else len(span) != len(header)
            or len(span) < 2
            or all(
                _similarity(a, b) >= 0.6 or ca == cb
                for a, b, ca, cb in zip(span, header, canon, header_canon, strict=True)
            )
        )
        if alike and ((sim >= need and joined[0] == target[0]) or sim >= 0.88):
            score, how = 0.5 + 0.45 * sim, "fuzzy"
        elif _contiguous_in(canon, header_canon) and not all(
            w in STOPWORDS or w.replace(".", "").isdigit() for w in span
        ):
            # The header's first words name it best ('inhabitants' for 'Inhabitants per km²').
            leading = all(_same_word(a, b) for a, b in zip(canon, header_canon, strict=False))
            score = 0.6 + 0.3 * len(span) / len(header) + 0.05 * leading - 0.05 * (span == header)
            how = "partial"
        else:
            return None
    if all(w in command_words or w in STOPWORDS for w in span) and how != "exact":
        score *= 0.8  # words like 'total' or 'count' more likely belong to the command
    elif all(w in command_words for w in span):
        score *= 0.9
    return score + 0.01 * (len(span) - 1), how


def _digits(words: list[str]) -> set[str]:
    return {w for w in words if any(ch.isdigit() for ch in w)}


def _alike_past_header(span: list[str], header: list[str]) -> bool:
    """A span with more words than the header: the same letters run together ('air dates'
    for 'Airdate'), or, short words left out, each word like its own ('rooms were booked'
    for 'Rooms booked'); 'tickets did Tom' is no 'Ticket ID'."""
    if _similarity("".join(span), "".join(header)) >= 0.88:
        return True
    content = [w for w in span if w not in STOPWORDS]
    header = [w for w in header if w not in STOPWORDS]
    return len(content) == len(header) and all(
        _similarity(a, b) >= 0.6 or canonical(a) == canonical(b)
        for a, b in zip(content, header, strict=True)
    )


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a prefix of the other ('hire'/'hired', 'start'/'started')."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if not long_.startswith(short):
        # 'located' / 'location', 'managed' / 'manager': one stem, other endings.
        stem = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(short))
        return stem >= 5 and stem >= len(short) - 3
    rest = long_[len(short) :]
    return (len(short) >= 4 and len(rest) <= 3) or (len(short) >= 3 and rest in _ENDINGS)


def _contiguous_in(part: list[str], whole: list[str]) -> bool:
    n = len(part)
    return (
        0 < n <= len(whole)
        and part != whole
        and any(
            all(_same_word(p, w) for p, w in zip(part, whole[i : i + n], strict=True))
            for i in range(len(whole) - n + 1)
        )
    )


def match_columns(
    text: str,
    table: Table,
    command_words: Collection[str] = (),
    tokens: list[Token] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[ColumnMatch]:
    """Score every column against every span of the command; best match per column, best first.

    Args:
        text: The command.
        table: The table whose headers are candidates.
        command_words: Normalised words that usually belong to the command itself
            ('average', 'total'); a span made only of them scores lower.
        tokens: The command's tokens, if already computed.
        aliases: Words the user taught nlsheet to read as a header (``{"regoin": "Region"}``);
            they win over every other match of that column.
    """
    tokens = tokens if tokens is not None else tokenize(text)
    words = [t.norm for t in tokens]
    asked = frozenset(b.start for a, b in itertools.pairwise(tokens) if a.lower in _ASKING)
    best: dict[str, ColumnMatch] = {}
    for column in table.columns:
        for header, header_typed in _header_forms(column.name):
            _match_header(
                text, tokens, words, column, header, header_typed, command_words, best, asked
            )
        literal = _literal_match(text, column)
        current = best.get(column.name)
        if literal is not None and (current is None or literal.score > current.score):
            best[column.name] = literal
    for match in _alias_matches(text, table, aliases or {}):
        best[match.column.name] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.column.position))


def _alias_matches(text: str, table: Table, aliases: Mapping[str, str]) -> list[ColumnMatch]:
    """Matches of words the user taught (feedback) to the headers they named."""
    found: list[ColumnMatch] = []
    folded = text.casefold()
    for word, header in aliases.items():
        column = next((c for c in table.columns if c.name.casefold() == header.casefold()), None)
        hit = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", folded) if column else None
        if column is not None and hit is not None:
            found.append(
                ColumnMatch(
                    column, text[hit.start() : hit.end()], hit.start(), hit.end(), 1.04, "synonym"
                )
            )
    return found


def _header_forms(name: str) -> list[tuple[list[str], str]]:
    """A header's words without what is in brackets, and (when different) with it:
    'Population (2011)' is named as 'population' and as 'population 2011'."""
    forms = [(header_words(name), " ".join(header_words(name, typed=True)))]
    opened = re.sub(r"[()\[\]]", " ", name)
    full = header_words(opened)
    if full != forms[0][0]:
        forms.append((full, " ".join(header_words(opened, typed=True))))
    return forms


def _match_header(
    text: str,
    tokens: list[Token],
    words: list[str],
    column: Column,
    header: list[str],
    header_typed: str,
    command_words: Collection[str],
    best: dict[str, ColumnMatch],
    asked: frozenset[int] = frozenset(),
) -> None:
    """Score every span of the command against one form of a header; keep the best.
    ``asked`` holds where the words right after 'which' or 'what' start."""
    header_canon = [canonical(w) for w in header]
    longest = min(_MAX_SPAN, len(header) + 1)
    for i in range(len(words)):
        if words[i] in STOPWORDS and words[i] not in header:
            continue
        for j in range(i + 1, min(len(words), i + longest) + 1):
            last = words[j - 1]
            if (
                last in STOPWORDS
                and last not in header
                and last not in _KIND_WORDS.get(column.kind, ())
            ):
                continue
            typed = " ".join(t.lower for t in tokens[i:j])
            start, end = tokens[i].start, tokens[j - 1].end
            span = words[i:j]
            if "s" in span[1:-1] and _POSSESSIVE.search(text, start, end):
                span = [w for w in span if w != "s"]  # 'the club's coach': Clubs' Coach
            scored = _span_score(
                span,
                header,
                header_canon,
                () if _named_as_header(text, start, end, column, start in asked) else command_words,
                typed,
                header_typed,
                column.kind,
            )
            if scored is None:
                continue
            score, how = scored
            current = best.get(column.name)
            if current is None or score > current.score:
                best[column.name] = ColumnMatch(column, text[start:end], start, end, score, how)


def _named_as_header(text: str, start: int, end: int, column: Column, asked: bool) -> bool:
    """Words that name a header although the commands' own language uses them too: typed with
    the header's capitals inside a sentence ('which Visitor played Game no 3' for Visitor side), or
    the leading words of a text header right after 'which' or 'what' ('which player scored the
    most' for Player name), rather than the command's own word ('at home games')."""
    typed = text[start:end]
    if asked:
        words = typed.casefold().split()
        header = column.name.casefold().split()
        return (column.kind is ColumnKind.TEXT or column.is_id) and header[: len(words)] == words
    if not typed[:1].isupper() or typed.isupper() or typed not in column.name:
        return False
    before = text[:start]
    if not before.strip(" \t\"'(") or _SENTENCE_END.search(before):
        return False  # a sentence's first word is capitalised whatever it is
    return re.search(r"(?<!\w)" + re.escape(typed) + r"(?!\w)", column.name) is not None


_SENTENCE_END = re.compile(r"[.?!:]\s*$")
_ASKING = frozenset({"which", "what"})


def _literal_match(text: str, column: Column) -> ColumnMatch | None:
    """The header typed out in full, with what sets it apart ('Sales (2)', 'Cost ($)')."""
    name = column.name
    if " ".join(header_words(name, typed=True)) == " ".join(name.lower().split()):
        return None  # nothing beyond its words: the span matching above covers it
    found = re.search(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)", text.casefold())
    if found is None:
        return None
    return ColumnMatch(
        column, text[found.start() : found.end()], found.start(), found.end(), 1.05, "exact"
    )


_COLUMN_TAIL = re.compile(r"\s+(?:(field|column)|(status|flag|indicator))\b", re.I)
_COUNT_UNIT = re.compile(r"\b(units?|pieces?|pcs)\s+$", re.I)


def column_tails(text: str, mentions: Sequence[ColumnMatch], table: Table) -> list[tuple[int, int]]:
    """Words for a column beside its name that add nothing to the mention: after it ('the
    priority field', 'by paid status': a status for a yes/no column only, not 'client status'
    for a column of names), or a unit of count before a quantity ('units on hand')."""
    spans = []
    for m in mentions:
        unit = _COUNT_UNIT.search(text[: m.start])
        if unit is not None and m.column.kind is ColumnKind.NUMBER:
            spans.append(unit.span(1))
        tail = _COLUMN_TAIL.match(text, m.end)
        if tail is None:
            continue
        if tail.group(2) and not is_flag_column(table, m.column):
            continue
        spans.append(tail.span(tail.lastindex or 1))
    return spans
