"""Settle a mention that fits several columns equally well by what else the command says.

'residents' fits Residents (2010 count) and Residents (2020 count) alike; 'how many residents
did Elmford have in 2020' settles it by the year only one of the two headers carries, 'the stop
code of the York stop' by the column holding the value York, and 'margin' beside 'Margin %' by
the header typed in full. When nothing settles it, the mention stays ambiguous and nlsheet
asks.

Example:
    >>> settle(accepted, rivals, values, numbers)  # doctest: +SKIP
    ([... Residents (2020 count) ...], [], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.nlu.context import ColumnMatch, overlaps
from nlsheet.nlu.lexicon import ROLES
from nlsheet.nlu.slots import NumberSlot
from nlsheet.nlu.text import header_words, normalize_word, sheet_words
from nlsheet.nlu.values import ValueMatch
from nlsheet.nlu.wide import column_runs
from nlsheet.workbook.table import Column, Table

__all__ = ["aggregate_before_column", "settle", "total_rivals"]


def settle(
    accepted: Sequence[ColumnMatch],
    rivals: Sequence[ColumnMatch],
    values: Sequence[ValueMatch],
    numbers: Sequence[NumberSlot],
) -> tuple[list[ColumnMatch], list[ColumnMatch], list[NumberSlot]]:
    """The mentions with each tie settled where the command settles it.

    Returns:
        The accepted mentions (a settled one replaced by the column chosen), the rivals still
        unsettled, and the numbers left once a number that chose a header is taken by it.
    """
    chosen = list(accepted)
    left = list(rivals)
    free = list(numbers)
    for i, mention in enumerate(accepted):
        tied = [r for r in left if overlaps(r, mention)]
        if not tied:
            continue
        options = [mention, *tied]
        winner, used = _by_name(options) or _by_value(options, values), None
        if winner is None:
            winner, used = _by_number(options, free, [*accepted, *values])
        if winner is None:
            continue
        chosen[i] = winner
        left = [r for r in left if r not in tied]
        free = [n for n in free if n is not used]
    return chosen, left, free


def aggregate_before_column(
    text: str, accepted: Sequence[ColumnMatch], table: Table
) -> list[ColumnMatch]:
    """The mentions without an aggregate word that only resembles a header right before
    another column or before what the sheet's cells hold ('the average TD's' beside an Avg.
    column, 'total units' on a sheet of Units with a Total column): the word is the
    aggregate."""
    kept: list[ColumnMatch] = []
    # A wide table's sheet names what its cells hold ('Units' with a column per month).
    held = sheet_words(table) if column_runs(table) else frozenset()
    for m in accepted:
        words = m.words.casefold().split()
        # A header typed as it is ('Amount of invoice 50') stays a header beside others.
        following = m.how != "exact" and any(
            _OF_THE.fullmatch(text[m.end : o.start]) for o in accepted if o.start >= m.end
        )
        noun = _NEXT_WORD.match(text, m.end)
        following |= noun is not None and normalize_word(noun.group(1).lower()) in held
        if not (
            following
            and m.words != m.column.name
            and all(normalize_word(w) in ROLES["aggregate"] for w in words)
        ):
            kept.append(m)
    return kept


_OF_THE = re.compile(r"\s+(?:of\s+)?(?:the\s+|all\s+)?", re.I)
_NEXT_WORD = re.compile(r"\s+(?:of\s+)?(?:the\s+|all\s+)?(\w+)", re.I)


def total_rivals(
    text: str, accepted: Sequence[ColumnMatch], columns: Sequence[Column]
) -> list[ColumnMatch]:
    """'the total count of beds' beside Beds and Total Beds: 'total' said a few words before
    a header whose total is another column may mean that column or the sum of this one, so
    both stay rivals and nlsheet asks."""
    found: list[ColumnMatch] = []
    for m in accepted:
        words = header_words(m.column.name)
        if not words or not _TOTAL_BEFORE.search(text[: m.start]) or m.words == m.column.name:
            continue  # the header typed as it is written is the column meant
        for column in columns:
            if header_words(column.name) in (["total", *words], [*words, "total"]):
                found.append(ColumnMatch(column, m.words, m.start, m.end, m.score, "partial"))
    return found


_TOTAL_BEFORE = re.compile(r"\btotal\s+(?:\w+\s+){1,3}$", re.I)


def _by_name(options: Sequence[ColumnMatch]) -> ColumnMatch | None:
    """The one option whose whole header is what was typed ('Margin' beside 'Margin %')."""
    typed = [
        o
        for o in options
        if (o.start, o.end) == (options[0].start, options[0].end)
        and _folded(o.words) == _folded(o.column.name)
    ]
    if len(typed) != 1:
        return None
    # Two headers alike in the sheet are told apart by a number nlsheet added ('Sales (2)'):
    # neither is the one typed.
    numbered = re.compile(re.escape(_folded(typed[0].column.name)) + r" \(\d+\)")
    if any(numbered.fullmatch(_folded(o.column.name)) for o in options):
        return None
    return typed[0]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _by_value(options: Sequence[ColumnMatch], values: Sequence[ValueMatch]) -> ColumnMatch | None:
    """The one option holding a value the command names ('the York stop')."""
    holders = [o for o in options if any(v.column.name == o.column.name for v in values)]
    return holders[0] if len(holders) == 1 else None


def _by_number(
    options: Sequence[ColumnMatch],
    numbers: Sequence[NumberSlot],
    taken: Sequence[ColumnMatch | ValueMatch],
) -> tuple[ColumnMatch | None, NumberSlot | None]:
    """The one option whose header carries a number said elsewhere ('... in 2011')."""
    hits = [
        (o, n)
        for n in numbers
        if not n.percent and not any(t.start < n.end and n.start < t.end for t in taken)
        for o in options
        if re.search(r"(?<![\d.])" + re.escape(n.text.lstrip("+")) + r"(?![\d.])", o.column.name)
    ]
    if len({o.column.name for o, _ in hits}) != 1 or len({id(n) for _, n in hits}) != 1:
        return None, None
    return hits[0]
