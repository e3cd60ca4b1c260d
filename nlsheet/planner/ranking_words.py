"""What the words of a ranking say when its names repeat over rows: one row's value, or each
name's total.

'Which member has the highest late fee' over loans, a member on many rows, can mean the member
of the single largest fee or the member whose fees add up to most. When both readings name the
same member the answer is given; when they differ and no word settles it ('the most', 'in
total', 'single'), nlsheet asks, each option a command that answers.

'Which table has the most guests' on a list of guests ranks the table numbers by their rows:
the superlative is said of the rows, not of a number to rank by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.backends.masks import column_numbers, row_mask
from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.lexicon import PEOPLE_NOUNS
from nlsheet.nlu.text import is_plural, normalize_word, tokenize
from nlsheet.plan import ArgExtreme, Op
from nlsheet.planner.context import Context
from nlsheet.result import Clarification, Option
from nlsheet.workbook.table import Column, ColumnKind

__all__ = [
    "WHICH_ROW",
    "asked_first",
    "counted_ranking",
    "row_or_total",
    "single_row_said",
    "total_said",
]

# Words that ask for each name's total ('who sold the most', 'the highest total').
_TOTAL = re.compile(
    r"\b(?:most|least|fewest|total|totals|overall|combined|altogether|cumulative|sum|summed|"
    r"in\s+all|all\s+together|added\s+up)\b",
    re.I,
)
# Words that ask for one row ('the single highest fee').
_SINGLE = re.compile(r"\bsingle\b|\bone\s+(?:row|order|entry|record|transaction|sale)\b", re.I)
# The superlative a ranking's words turn on.
_SUPERLATIVE = re.compile(
    r"\b(?:highest|largest|biggest|greatest|lowest|smallest|best|worst|top|bottom|"
    r"cheapest|priciest|dearest|heaviest|lightest|longest|shortest)\b",
    re.I,
)


def _one_value_named(ctx: Context, at: int, measure: Column) -> bool:
    """'the highest late fee': the superlative right before the measure's name, in the
    singular; 'top 3 products by units sold', 'the biggest spenders' and 'the highest fees'
    rank totals."""
    named = [m for m in ctx.used if m.column is measure and m.how != "implied"]
    if not named or ctx.interp.text[at : named[0].start].strip():
        return False
    words = [t for t in tokenize(named[0].words) if t.norm.isalpha()]
    return bool(words) and not is_plural(words[-1])


def total_said(text: str) -> bool:
    return _TOTAL.search(text) is not None


def single_row_said(text: str) -> bool:
    return _SINGLE.search(text) is not None


def row_or_total(
    ctx: Context, target: Column, measure: Column, largest: bool, n: int
) -> Clarification | None:
    """The question when the row with the largest value and the name with the largest total
    are not the same names, or None."""
    text = ctx.interp.text
    superlative = _SUPERLATIVE.search(text)
    if superlative is None or not _one_value_named(ctx, superlative.end(), measure):
        return None
    mask = row_mask(ctx.frame.where, ctx.table)
    values = column_numbers(measure.name, ctx.table)[mask].dropna()
    names = ctx.table.values(target.name).series[values.index]
    frame = values.to_frame("value").assign(name=names).dropna()
    if frame.empty:
        return None
    rows = frame.sort_values("value", ascending=not largest, kind="mergesort")
    edge = rows["value"].iloc[min(n, len(rows)) - 1]
    passing = rows[rows["value"] >= edge] if largest else rows[rows["value"] <= edge]
    by_row = set(passing["name"].astype(str))
    totals = frame.groupby("name")["value"].sum().sort_values(ascending=not largest)
    by_total = {str(x) for x in totals.index[:n]}
    if by_row == by_total:
        return None
    at = superlative.start()
    word = superlative.group()
    return Clarification(
        f"{target.name} repeats across rows: the {target.name} of the row with the "
        f"{word} {measure.name}, or the {target.name} whose {measure.name} adds up to the "
        f"{word} total?",
        (
            Option(
                f"the row with the {word} {measure.name}",
                f"{text[:at]}single {text[at:]}",
            ),
            Option(
                f"the {word} total {measure.name}",
                f"{text[: superlative.end()]} total{text[superlative.end() :]}",
            ),
        ),
    )


_ASKS_FOR = re.compile(r"\b(?:which|what)\s+$", re.I)


def asked_first(text: str, mentions: Sequence[ColumnMatch]) -> list[ColumnMatch]:
    """The mentions with the one a question word asks for first ('biggest contract by annual
    total - which site?': the Site, not the Contract ID)."""
    return sorted(mentions, key=lambda m: _ASKS_FOR.search(text[: m.start]) is None)


# 'which bug ...', 'what table ...': the word after the question word names what is asked.
WHICH_ROW = re.compile(r"^\s*(?:which|what)\s+(?:one\s+of\s+the\s+)?([^\W\d_]+)", re.I)
_MOST_ROWS = re.compile(r"\b(most|fewest|least)\s+([^\W\d_]+)", re.I)


def counted_ranking(ctx: Context) -> Op | None:
    """'which table has the most guests' on a list of guests: the table number standing in the
    most (or fewest) rows, not the guests of the largest table number. None when 'which' asks
    for no number column or the superlative is not said of the rows (or of people on a list
    of people); a text column asked for is ranked so already."""
    text = ctx.interp.text
    opener = WHICH_ROW.match(text)
    ranked = _MOST_ROWS.search(text)
    if opener is None or ranked is None:
        return None
    asked = [m for m in ctx.interp.columns if m.start == opener.start(1)]
    if not asked or asked[0].column.kind is not ColumnKind.NUMBER:
        return None
    named = [m for m in ctx.interp.columns if m.start <= ranked.start(2) < m.end]
    if any(m.column.kind is not ColumnKind.TEXT for m in named):
        return None  # 'which year had the most sales' ranks by Sales
    noun = normalize_word(ranked.group(2).casefold())
    if not (is_row_noun(noun, ctx.table) or noun in PEOPLE_NOUNS):
        return None
    column = asked[0].column
    for m in [asked[0], *named]:
        ctx.use(m)
    largest = ranked.group(1).casefold() == "most"
    ctx.notes.append(f"ranked each {column.name} by its number of rows")
    return ArgExtreme(column.name, column.name, largest, True, ctx.frame.where, 1, count=True)
