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
from nlsheet.nlu.slots import NumberSlot
from nlsheet.nlu.values import ValueMatch

__all__ = ["settle"]


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
