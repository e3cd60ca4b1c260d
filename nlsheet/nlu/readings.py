"""Grammar readings that check and adjust the classifier's ranking of intents: which
intents the slots of a command allow (a ranking word for 'top', a value picking the row for a
lookup), the cue words that ask to aggregate or to change the sheet, and readings given by the
words' shape alone ('revenue by channel' is a total per group, 'unpaid invoices' a count of
rows).

Example:
    >>> fits("top_n", "top 5 products by sales", frame, table)
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlsheet.changes import CHANGES
from nlsheet.nlu.binding import holds_years
from nlsheet.nlu.change_cues import CHANGE_CUE, change_fits, said_loosely
from nlsheet.nlu.conditions import SUPERLATIVE_WORD, Frame
from nlsheet.nlu.coverage import ID_WORDS, is_row_noun
from nlsheet.nlu.header_verbs import verb_of_header
from nlsheet.nlu.lexicon import ROLES, TRADED_AFTER
from nlsheet.nlu.text import Token, is_plural, tokenize, words_of
from nlsheet.plan import Cmp
from nlsheet.workbook.table import ColumnKind, Table

__all__ = [
    "aggregate_cue",
    "blank",
    "describes_rows",
    "fits",
    "names_identifiers",
    "names_intent",
    "ranks_rows",
    "relative_pronoun",
]

_RANKING = re.compile(
    r"\b(top|bottom|highest|lowest|most|least|largest|smallest|biggest|best|worst|max|maximum|"
    r"min|minimum|greatest|fewest|cheapest|priciest|longest|shortest|oldest|newest|youngest|"
    r"latest|earliest|leading|lead|rank|ranked|ranking|heaviest|lightest|fastest|slowest|"
    r"tallest|highest-paid|most\s+expensive|least\s+expensive|first|last|peak|record)\b",
    re.I,
)

# Words that ask for more than one cell's value (an aggregate, a ranking, a statistic).
_AGGREGATE_CUE = re.compile(
    r"\b(total|totals|sum|average|avg|mean|how\s+many|how\s+much|number\s+of|count|max|maximum|"
    r"min|minimum|highest|lowest|most|least|largest|smallest|biggest|greatest|fewest|median|"
    r"percent|percentage|share|fraction|proportion|ratio|top|bottom|earliest|latest|std|"
    r"deviation|variance|percentile|quartile|correlat\w*|trend|slope|forecast|growth|grow|"
    r"distinct|unique|different|list|longest|shortest|mode|common|frequent|often|spread)\b",
    re.I,
)
# Counting *different* values needs a word saying so (typos allowed: 'diffrent', 'unqiue').
_DISTINCT = re.compile(
    r"\b(dif+e?r\w*nt|distin\w*|un[iq]{2}\w*|separate|non-?duplicate\w*|non-?repeat\w*|"
    r"individual|kinds?|types?|variet\w*|dedup\w*|nunique|cardinality|once)\b",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller)\s+than\b|\bat\s+(?:least|most)\b|"
    r"\bor\s+(?:more|less|fewer)\b",
    re.I,
)
# A word anywhere that asks for something other than how many rows fit.
_ASKS = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how|if)\b", re.I)
_GROWTH_CUE = re.compile(
    r"\b(grow\w*|grew|growth|increas\w*|decreas\w*|chang\w*|ris(?:e|es|en|ing)|rose|"
    r"f[ae]ll\w*|drop\w*|declin\w*|los[et]|loses|losing|yoy|mom|qoq|"
    r"over\s+(?:the\s+)?(?:previous|last|prior)|"
    r"(?:year|month|quarter|week)\s*(?:-|over|on|to)\s*(?:year|month|quarter|week))\b",
    re.I,
)
_AT_LEAST = re.compile(r"\b(?:at\s+(?:least|most)|no\s+(?:more|less|fewer)\s+than)\b", re.I)
_WHO_WHICH = re.compile(r"\b(who|whom|whose|which)\b", re.I)
_COUNTING = re.compile(r"\b(how\s+many|number|count|counts|tally|#|total)\b", re.I)


def _heads(text: str, frame: Frame) -> bool:
    """Whether the command opens with the column it names and then describes it ('subject
    with the fewest sessions', 'the driver that drove least'): that column is what is asked."""
    first = frame.free[0] if frame.free else None
    return (
        first is not None
        and re.fullmatch(r"\s*(?:the\s+)?", text[: first.start], re.I) is not None
        and re.match(r"\s+(?:with|that|who|which|having)\b", text[first.end :], re.I) is not None
    )


def fits(intent: str, text: str, frame: Frame, table: Table, masked: str = "") -> bool:
    """Whether the command has the slots an intent needs (a ranking word for 'top', a value
    picking the row and no word asking to aggregate for a lookup ...).

    ``masked`` is the command with columns and values masked: words inside header names
    ('Total medals') ask for nothing.
    """
    if intent in CHANGES:
        return change_fits(intent, text, frame)
    if intent in _FIGURES and (_WHO_ASKED.match(text) or _NAME_ASKED_AFTER.search(text)):
        return False  # 'who is the newest member', '... - which site?' ask for a name
    if intent == "percentile" and frame.percentile is None:
        return False  # 'amount by currency' names no percentile
    # A column of years ('Vintage', 'Year Built') ranks like dates: the oldest is the smallest.
    kinds = {ColumnKind.DATE if holds_years(table, m.column) else m.column.kind for m in frame.free}
    if (
        intent in ("arg_max", "arg_min")
        and ColumnKind.DATE in kinds
        and ColumnKind.NUMBER not in kinds
    ):
        # 'which player signed most recently' ranks by a date: the latest is the largest.
        late, early = bool(LATE.search(text)), bool(EARLY.search(text))
        if late != early:
            return (intent == "arg_max") == late
    free = blank(text, [(b.start, b.end) for b in frame.bound])  # 'at most 5%' ranks nothing
    if intent in ("min", "max") and not said_loosely(free, _RANKING, _EXTREMES):
        return False  # 'sales in March', 'in the first half' ask for no extreme
    if intent in ("most_frequent", "mode") and not (_FREQUENCY.search(free) or ranks_rows(free)):
        return False
    if intent in ("most_frequent", "mode") and frame.derived:
        return False  # 'which branch missed its quota by the most' ranks by the shortfall
    numbers_first = bool(frame.free) and frame.free[0].column.kind is ColumnKind.NUMBER
    if intent in ("most_frequent", "mode") and numbers_first and not _FREQUENCY.search(text):
        # The commonest of a number column is asked for in words of frequency; 'who earns
        # the most' ranks by the amount.
        return False
    if intent == "mode" and not (_FREQUENCY.search(text) or re.search(r"\bmost\b", text, re.I)):
        return False  # the commonest value is asked for in words of frequency, never 'total'
    if intent in ("average", "median") and _WHICH_RANKED.match(text) and ranks_rows(text):
        return False  # 'which agent resolves tickets fastest on average' names the agent
    if intent == "unique_values" and SUPERLATIVE_WORD.search(_AT_LEAST.sub(" ", masked or text)):
        return False  # 'which item do we hold the most of' ranks; it does not list them all
    if intent == "unique_values" and any(
        m.column.kind is ColumnKind.NUMBER and TRADED_AFTER.match(text[m.end :]) for m in frame.free
    ):
        return False  # 'bottles sold to members' asks for their total, not each sale's
    if intent in ("unique_values", "most_frequent", "longest") and _HOW_MUCH.match(text):
        return False  # 'how much have we spent on taxis' asks for an amount, not names
    if intent in ("most_frequent", "mode") and _MOST_ADJECTIVE.search(text):
        return False  # 'which member joined most recently' ranks by a date, not by counts
    if intent == "median" and _PERIOD_HALF.search(text) and not _MEDIAN_WORD.search(text):
        return False  # 'the second half of 2023' is six months, not the middle value
    if intent == "median":
        # '90th percentile of sales' names its percentile; only the 50th is the median.
        return frame.percentile is None or abs(frame.percentile - 0.5) < 1e-9
    if intent == "lookup":
        return bool(frame.where) and not aggregate_cue(masked or text)
    if intent in ("top_n", "bottom_n"):
        return ranks_rows(text) and frame.n is not None
    if intent in ("arg_max", "arg_min"):
        # 'which rep has the highest sales' names what to return and what to rank by;
        # 'who earns the most' names the one through its question word.
        named_target = len(frame.free) >= 2 or bool(_WHO_WHICH.search(text))
        # 'subject with the fewest sessions' (the most is the most frequent reading's).
        heads = intent == "arg_min" and _heads(text, frame)
        return ranks_rows(text) and (named_target or heads)
    if intent == "share":
        # A part of a whole is asked for in words of parts ('what percent', 'share of').
        # Without a part, each group's part of the whole ('percentage of sales by region').
        return bool(frame.where or frame.by) and bool(_SHARE_CUE.search(text))
    if intent in ("ratio", "correlation"):
        # Two numbers to divide or correlate ('total actual of projects over budget' has one
        # left once 'over budget' picks the rows).
        # One figure for the whole table: 'hours x rate by employee' asks a total per
        # employee, and 'times' no ratio.
        product = frame.expression is not None and frame.expression[1] != "/"
        numbers = sum(m.column.kind is ColumnKind.NUMBER for m in frame.free)
        # 'which player has the best goals per match ratio' ranks the rows by one.
        ranked = ranks_rows(text)
        return (
            numbers >= 2 and frame.by is None and not (intent == "ratio" and product) and not ranked
        )
    if intent == "count_distinct":
        return bool(_COUNTING.search(text)) and bool(_DISTINCT.search(text))
    if intent == "growth":
        # 'members who joined from February to April' is no growth: a word must ask for one.
        dated = any(c.kind is ColumnKind.DATE for c in table.columns)
        return dated and bool(_GROWTH_CUE.search(text))
    if intent == "trend":
        return bool(_TREND_CUE.search(text)) and _trend_fits(frame, table)
    return True


_PERIOD_HALF = re.compile(r"\b(?:first|second|1st|2nd|latter|last|this|next)\s+half\b", re.I)
_MEDIAN_WORD = re.compile(r"\b(?:median|middle|midpoint|50th|p50|med)\b", re.I)
_FIGURES = frozenset(
    {"min", "max", "sum", "average", "median", "stdev", "variance", "percentile", "count"}
    | {"trend", "correlation", "ratio", "growth", "share"}
)
# Words for the first and the last of a run of dates.
EARLY = re.compile(r"\b(first|earliest|oldest|least\s+recent(?:ly)?)\b", re.I)
LATE = re.compile(r"\b(last|latest|newest|most\s+recent(?:ly)?)\b", re.I)
_WHO_ASKED = re.compile(r"^\s*(?:who|whom)\b", re.I)
# A closing question for a name: 'biggest contract by combined total - which site?'.
_NAME_ASKED_AFTER = re.compile(
    r"\s[-–—:;]\s*(?:(?:which|what)\s+[^\W\d_]+|who)(?:\s+(?:was|is)\s+it)?\s*\??\s*$", re.I
)


# Words that ask how numbers move or what they lead to ('fees earned since April 15' asks for
# none: a total).
_TREND_CUE = re.compile(
    r"\b(tr\w{0,2}nd\w*|slope|forecast\w*|predict\w*|project\w*|extrapolat\w*|regres\w*|"
    r"model\w*|fit|line\w*|trajector\w*|going|head\w*|direction|rate|expect\w*|estimat\w*|"
    r"will|would|next|future|time|upward|downward|increas\w*|decreas\w*|grow\w*|grew|"
    r"declin\w*|ris\w*|rose|fall\w*|fell|getting|creep\w*|steep\w*|worse|better|function|"
    r"against|vs|versus|per|when|if|at|way|change\w*|over)\b",
    re.I,
)


def _trend_fits(frame: Frame, table: Table) -> bool:
    """A trend runs along numbers or dates ('sales per rep' groups by a text column): a date
    column, a second number column, or a number the line is read at ('when units is 60')."""
    if frame.by is not None:
        return frame.by.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)
    if any(c.kind is ColumnKind.DATE for c in table.columns):
        return True
    numbers = [m for m in frame.free if m.column.kind is ColumnKind.NUMBER]
    return len(numbers) >= 2 or any(
        c.cmp is Cmp.EQ and isinstance(c.value, float) for c in frame.where.conditions
    )


_EXTREMES = ("maximum", "minimum", "highest", "lowest", "largest", "smallest", "biggest")


def ranks_rows(text: str) -> bool:
    """A word that ranks rows; 'at least' and 'at most' compare instead ('at least 2,000')."""
    return bool(_RANKING.search(_AT_LEAST.sub(" ", text)))


_CUE_WORDS = tuple(
    w for w in _AGGREGATE_CUE.pattern.replace("\\b", "").strip("()").split("|") if w.isalpha()
)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the characters of ``spans`` blanked (positions kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_WHICH_RANKED = re.compile(r"^\s*(?:which|who)\b", re.I)
_HOW_MUCH = re.compile(r"^\s*how\s+much\b", re.I)
_MOST_ADJECTIVE = re.compile(
    r"\b(?:most|least)\s+(?:recent\w*|expensive|valuable|profitable|costly|senior|junior|money|"
    r"cash)\b",
    re.I,
)
_FREQUENCY = re.compile(
    r"\b(?:mode|modal|common\w*|frequen\w*|often|appear\w*|occur\w*|comes?\s+up|shows?\s+up|"
    r"turns?\s+up|repeat\w*|popular|usual\w*|typical\w*|times)\b",
    re.I,
)
_SHARE_CUE = re.compile(
    r"\b(?:percent\w*|pct|share|fraction|proportion|portion|part|ratio|rate|out\s+of)\b|%", re.I
)


def aggregate_cue(text: str) -> bool:
    """A word asking to aggregate, also misspelt ('totl', 'averge')."""
    return said_loosely(text, _AGGREGATE_CUE, _CUE_WORDS)


def relative_pronoun(tokens: Sequence[Token], table: Table) -> Token | None:
    """'members who renewed', 'orders which were cancelled': a question word right after the
    noun for the rows that opens the command is a relative pronoun, not a question."""
    if len(tokens) < 3 or not is_row_noun(tokens[0].norm, table):
        return None
    pronoun = tokens[1]
    if pronoun.norm not in ("who", "which", "whose", "that"):
        return None
    rest = [t for t in tokens[2:] if _ASKS.fullmatch(t.lower)]
    return None if rest else pronoun


def describes_rows(text: str, masked: str, tokens: list[Token], frame: Frame, table: Table) -> bool:
    """'players with more than 10 goals', 'unpaid invoices', 'members who renewed': rows and
    their conditions and nothing else, whose answer is how many rows fit (see planner.rows
    for 'which invoices')."""
    pronoun = relative_pronoun(tokens, table)
    asks = text if pronoun is None else text[: pronoun.start] + text[pronoun.end :]
    picked = frame.where or frame.unclear_dates  # 'returns in December', the date to ask
    if not picked or not tokens or _ASKS.search(asks) or CHANGE_CUE.search(text):
        return False
    # 'returns in December' on a sheet of returns: a plural noun for the rows, no request.
    plural = tokens[0].lower != tokens[0].norm and is_row_noun(tokens[0].norm, table)
    asked = tokens[0].norm in ROLES["request"] and not plural
    if asked or aggregate_cue(_COMPARATIVE.sub(" ", masked)):
        return False
    if any(
        not all(is_row_noun(w, table) or verb_of_header(w, table) for w in words_of(m.words))
        or names_identifiers(m.words)
        for m in frame.free
    ):
        return False  # a column asked for ('claim refs with zip in the description' lists them)
    return is_row_noun(tokens[0].norm, table) or is_row_noun(tokens[-1].norm, table)


# 'list', 'show me all', 'give me the': an opener asking to see rows.
LIST_OPENER = re.compile(
    r"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:list|show|display|give|find|get)"
    r"(?:\s+(?:me|us))?(?:\s+(?:all|every|the|of|each))*\s+",
    re.I,
)


def lists_rows(text: str, masked: str, tokens: list[Token], frame: Frame, table: Table) -> bool:
    """'which invoices were issued in March', 'list the unpaid invoices due before May': the
    rows that fit the conditions, named, never how many there are. The noun for the rows must
    be plural (or 'which' must open the command) and no word may ask to aggregate."""
    named = [
        m
        for m in frame.free
        if m.column.name not in frame.where.columns
        and not all(is_row_noun(w, table) for w in words_of(m.words))  # 'stores' for Store
    ]
    if not frame.where or CHANGE_CUE.search(text):
        return False
    first = frame.free[0] if frame.free else None
    if first is not None and not text[: first.start].strip() and names_identifiers(first.words):
        # 'claim refs with zip in the notes', 'order numbers over £500': the identifiers
        return not aggregate_cue(_COMPARATIVE.sub(" ", masked))
    if named:
        return False  # a column named and not tested is what to list ('list the clients ...')
    said = LIST_OPENER.match(masked)  # 'list' itself is no aggregate here
    if aggregate_cue(_COMPARATIVE.sub(" ", masked[said.end() if said else 0 :])):
        return False
    opener = LIST_OPENER.match(text)
    if opener is not None:
        rest = [t for t in tokens if t.start >= opener.end()]
    elif len(tokens) > 1 and tokens[0].norm in ("which", "what"):
        rest = tokens[1:]
    else:
        return False
    nouns = [t for t in rest[:3] if is_row_noun(t.norm, table)]
    return bool(nouns) and is_plural(nouns[0])  # several rows


def names_identifiers(words: str) -> bool:
    """'claim refs', 'order numbers': identifiers of several rows, asked to be shown."""
    tokens = tokenize(words)
    return bool(tokens) and is_plural(tokens[-1]) and tokens[-1].norm in ID_WORDS


_NAMED = {
    "count": re.compile(r"\b(?:how\s+many|number\s+of|count\s+of|headcount)\b", re.I),
    "sum": re.compile(r"\b(?:total|sum)\s+(?:of\s+)?(?:the\s+)?\w", re.I),
    "average": re.compile(r"\b(?:average|averages|mean|avg)\b", re.I),
    "median": re.compile(r"\bmedian\b", re.I),
}


def intent_words(intent: str, text: str) -> list[tuple[int, int]]:
    """Where the command names an aggregate outright ('average' in 'the highest average
    salary'), as spans."""
    pattern = _NAMED.get(intent)
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def names_intent(intent: str, text: str) -> bool:
    """Whether the command names an aggregate outright ('number of deals by owner')."""
    pattern = _NAMED.get(intent)
    return pattern is not None and bool(pattern.search(text))


# 'when was the first order placed', 'when did Anna last order': the earliest or latest date.
