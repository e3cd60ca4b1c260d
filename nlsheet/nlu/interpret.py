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
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.changes import CHANGES
from nlsheet.nlu.conditions import Frame, assemble
from nlsheet.nlu.context import ColumnMatch, find_letter_refs, match_columns, overlaps
from nlsheet.nlu.coverage import is_row_noun
from nlsheet.nlu.flags import FlagMatch, find_flags
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.slots import (
    DateSlot,
    NumberSlot,
    PatternSlot,
    PeriodSlot,
    QuotedSlot,
    find_dates,
    find_numbers,
    find_patterns,
    find_periods,
    find_quoted,
    mask_text,
)
from nlsheet.nlu.text import (
    GRAMMAR_WORDS,
    STOPWORDS,
    Token,
    header_vocabulary,
    is_verb,
    tokenize,
)
from nlsheet.nlu.values import ValueMatch, link_values, link_words_in_values
from nlsheet.settings import Settings
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["OUT_OF_SCOPE", "Interpretation", "intent_fits_types", "interpret"]

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
# A question asks for information; it does not order a change ('how many units sold when the
# price was over 20' is no highlight). Polite requests ('can you sort ...') are not this.
_WH_QUESTION = re.compile(r"^\s*(what|which|who|whom|whose|when|where|why|how)\b", re.I)
# Counting *different* values needs a word saying so (typos allowed: 'diffrent', 'unqiue').
_DISTINCT = re.compile(
    r"\b(dif+e?r\w*nt|distin\w*|un[iq]{2}\w*|separate|non-?duplicate\w*|non-?repeat\w*|"
    r"individual|kinds?|types?|variet\w*|dedup\w*|nunique|cardinality|once)\b",
    re.I,
)
# Words that ask for a change: a verb ('sort', 'highlight', 'chart') or the thing to make ('a
# pivot', 'as currency', 'descending'). Without one, 'sales by region and month' is a question.
_CHANGE_CUE = re.compile(
    r"\b(sort\w*|order(?:ed)?\s+by|arrange\w*|alphabeti[sz]\w*|highlight\w*|colou?r\w*|shade\w*|"
    r"mark\w*|flag\w*|add|adding|insert\w*|create|make|put|copy|move|format\w*|bold|italic\w*|"
    r"fill\w*|freeze|frozen|fit|autofit|widen|rename\w*|remove|delete|drop|dedupe|de-dupe|"
    r"duplicates?|filter\w*|hide|chart\w*|plot\w*|graph\w*|draw|pivot\w*|summar\w*|dashboard\w*|"
    r"build|apply|turn|set|currency|decimals?|dollars?|euros?|pounds?|percentages?|dd|mm|yyyy|"
    r"ascending|descending|asc|desc|first|last|on\s+top|scale|bars?|heat\s*map|red|green|"
    r"yellow|blue|orange|purple|grey|gray|pink|wrap|width|header|headers|total\s+row|"
    r"only\s+show|show\s+only|just\s+show|show\s+just|only\s+the|keep\s+only|sheet|tab)\b",
    re.I,
)
_AT_LEAST = re.compile(r"\b(?:at\s+(?:least|most)|no\s+(?:more|less|fewer)\s+than)\b", re.I)
_WHO_WHICH = re.compile(r"\b(who|whom|whose|which)\b", re.I)
_COUNTING = re.compile(r"\b(how\s+many|number|count|counts|tally|#|total)\b", re.I)

_FIRM = ("exact", "synonym", "letter")
# 'Name the winner ...', 'List all teams ...': a verb that opens a command, not a header.
_IMPERATIVE = re.compile(
    r"^\s*(name|list|show|give|find|tell|count)\s+(the|all|a|an|me|each)\b", re.I
)

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
        tokens: The command's words.
        taught: Words the user taught as command words (corrections).
        stated: The user stated the intent ('count: customers in Lyon').
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
    taught: frozenset[str] = field(default=frozenset(), repr=False)
    stated: bool = False

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


def _known(word: Token, command_words: frozenset[str]) -> bool:
    """A word of the command language: a command word, a function word, a verb form, or a
    typo of one ('wth', 'nme', 'teh')."""
    for form in (word.norm, word.lower):
        if form in STOPWORDS or form in GRAMMAR_WORDS or form in command_words:
            return True
    if is_verb(word.lower):
        return True
    if len(word.lower) >= 3:
        for known in (STOPWORDS, GRAMMAR_WORDS):
            if any(_one_edit(word.lower, k) for k in known if abs(len(k) - len(word.lower)) <= 1):
                return True
    return False


def _one_edit(a: str, b: str) -> bool:
    return len(b) >= 3 and DamerauLevenshtein.distance(a, b) <= 1


def _unexplained(tokens: list[Token], spans: list[tuple[int, int]], model: NluModel) -> list[Token]:
    command_words = model.command_words
    return [
        t
        for t in tokens
        if t.norm.isalpha()
        and not _known(t, command_words)
        and not any(s <= t.start < e for s, e in spans)
    ]


def _fits(intent: str, text: str, frame: Frame, table: Table, masked: str = "") -> bool:
    """Whether the command has the slots an intent needs (a ranking word for 'top', a value
    picking the row and no word asking to aggregate for a lookup ...).

    ``masked`` is the command with columns and values masked: words inside header names
    ('Total medals') ask for nothing.
    """
    if intent in CHANGES:
        return not _WH_QUESTION.match(text)
    if intent == "median":
        # '90th percentile of sales' names its percentile; only the 50th is the median.
        return frame.percentile is None or abs(frame.percentile - 0.5) < 1e-9
    if intent == "lookup":
        return bool(frame.where) and not _aggregate_cue(masked or text)
    if intent in ("top_n", "bottom_n"):
        return _ranks(text) and frame.n is not None
    if intent in ("arg_max", "arg_min"):
        # 'which rep has the highest sales' names what to return and what to rank by;
        # 'who earns the most' names the one through its question word.
        named_target = len(frame.free) >= 2 or bool(_WHO_WHICH.search(text))
        return _ranks(text) and named_target
    if intent == "share":
        return bool(frame.where)
    if intent in ("ratio", "correlation"):
        return len(frame.free) >= 2
    if intent == "count_distinct":
        return bool(_COUNTING.search(text)) and bool(_DISTINCT.search(text))
    if intent == "growth":
        return any(c.kind is ColumnKind.DATE for c in table.columns)
    if intent == "trend":
        # A trend runs along numbers or dates; 'sales per rep' groups by a text column.
        return frame.by is None or frame.by.column.kind in (ColumnKind.NUMBER, ColumnKind.DATE)
    return True


_NUMERIC_ONLY = frozenset(
    {"sum", "average", "median", "stdev", "variance", "percentile", "trend", "correlation"}
    | {"growth", "ratio", "color_scale", "data_bars", "number_format"}
)


def intent_fits_types(intent: str, interp: Interpretation) -> bool:
    """Whether an intent is a sensible reading to offer back: a change only when the words ask
    for one, a numeric operation only on a number (or date) column."""
    if intent in CHANGES and not _CHANGE_CUE.search(interp.text):
        return False
    if not interp.columns:
        return True
    kind = interp.columns[0].column.kind
    if intent in ("min", "max"):
        return kind in (ColumnKind.NUMBER, ColumnKind.DATE)
    return intent not in _NUMERIC_ONLY or kind in (ColumnKind.NUMBER, ColumnKind.DATE)


def _ranks(text: str) -> bool:
    """A word that ranks rows; 'at least' and 'at most' compare instead ('at least 2,000')."""
    return bool(_RANKING.search(_AT_LEAST.sub(" ", text)))


def _value_wins(value: ValueMatch, mentions: list[ColumnMatch]) -> bool:
    """A cell value beats header mentions it strictly contains; a firm header reading of the
    same or partly the same words beats the value."""
    for m in mentions:
        if not (m.start < value.end and value.start < m.end):
            continue
        contains = value.start <= m.start and m.end <= value.end
        if contains and value.end - value.start > m.end - m.start:
            continue
        if m.how in ("exact", "synonym", "letter"):
            return False
    return True


_CUE_WORDS = tuple(
    w for w in _AGGREGATE_CUE.pattern.replace("\\b", "").strip("()").split("|") if w.isalpha()
)


def _aggregate_cue(text: str) -> bool:
    """A word asking to aggregate, also misspelt ('totl', 'averge')."""
    if _AGGREGATE_CUE.search(text):
        return True
    words = re.findall(r"[a-z]{3,}", text.lower())
    return any(
        DamerauLevenshtein.distance(w, cue) <= 1
        for w in words
        for cue in _CUE_WORDS
        if len(cue) >= 4 and abs(len(cue) - len(w)) <= 1
    )


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


@dataclass
class _Words:
    """What the words of a command were found to be, before the intent is known."""

    tokens: list[Token]
    letters: list[ColumnMatch]
    candidates: list[ColumnMatch]
    accepted: list[ColumnMatch]
    rivals: list[ColumnMatch]
    values: list[ValueMatch]
    quoted: list[QuotedSlot]
    patterns: list[PatternSlot]
    numbers: list[NumberSlot]
    dates: list[DateSlot]
    periods: list[PeriodSlot]
    flags: list[FlagMatch]

    @property
    def chosen(self) -> list[ColumnMatch]:
        return sorted([*self.letters, *self.accepted], key=lambda m: m.start)

    def frame(self, text: str, table: Table, intent: str) -> Frame:
        return assemble(
            text,
            table,
            self.chosen,
            self.values,
            self.numbers,
            self.dates,
            self.periods,
            self.quoted,
            self.patterns,
            self.flags,
            compare_columns=intent not in ("trend", "correlation"),
        )


def _outside(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    return lambda start, end: not any(s < end and start < e for s, e in spans)


def _read_words(text: str, table: Table, model: NluModel, settings: Settings) -> _Words:
    tokens = tokenize(text)
    letters = find_letter_refs(text, table)
    candidates = match_columns(text, table, model.command_words, tokens, model.aliases)
    named = [m for m in candidates if not any(overlaps(m, letter) for letter in letters)]
    opener = _IMPERATIVE.match(text)
    if opener is not None:
        named = [m for m in named if (m.start, m.end) != opener.span(1)]
    flags = find_flags(text, table, tokens)
    free_of_flags = _outside([(f.start, f.end) for f in flags])
    named = [m for m in named if free_of_flags(m.start, m.end)]
    letters = [m for m in letters if free_of_flags(m.start, m.end)]
    accepted, rivals = _choose(named, settings)
    patterns = find_patterns(text)
    free_of_patterns = _outside([(p.start, p.end) for p in patterns])
    quoted = [q for q in find_quoted(text) if free_of_patterns(q.start, q.end)]
    # Words after 'starts with' / 'containing' are literal text, not headers.
    accepted = _repeat_mentions(
        text, tokens, [m for m in accepted if free_of_patterns(m.start, m.end)]
    )
    dates = find_dates(text)
    hard = [(q.start, q.end) for q in quoted] + [(p.start, p.end) for p in patterns]
    hard += [(f.start, f.end) for f in flags]
    must_cover = None
    if table.n_rows > _ALWAYS_LINK_ROWS:
        firm = [(m.start, m.end) for m in [*letters, *accepted] if m.how in _FIRM]
        loose = _unexplained(tokens, firm + hard + [(d.start, d.end) for d in dates], model)
        must_cover = [(t.start, t.end) for t in loose]
    mentioned = [m.column for m in [*letters, *accepted]]
    values = link_values(text, table, hard, mentioned, must_cover)
    values = [v for v in values if _value_wins(v, [*letters, *accepted])]
    firm_spans = [(m.start, m.end) for m in [*letters, *accepted]] + hard
    firm_spans += [(v.start, v.end) for v in values] + [(d.start, d.end) for d in dates]
    loose_words = _unexplained(tokens, firm_spans, model)
    values += link_words_in_values(text, table, [(t.start, t.end) for t in loose_words])
    # A value outranks the header words inside it ('Price Club', 'North Park Primary School')
    # and a loose (fuzzy or partial) reading of the same words as a header.
    free_of_values = _outside([(v.start, v.end) for v in values])
    return _Words(
        tokens=tokens,
        letters=[m for m in letters if free_of_values(m.start, m.end)],
        candidates=candidates,
        accepted=[m for m in accepted if free_of_values(m.start, m.end)],
        rivals=[m for m in rivals if free_of_values(m.start, m.end)],
        values=values,
        quoted=quoted,
        patterns=patterns,
        numbers=[n for n in find_numbers(text) if free_of_patterns(n.start, n.end)],
        dates=[d for d in dates if free_of_values(d.start, d.end)],
        periods=find_periods(text),
        flags=flags,
    )


def _renormalise(
    ranked: list[tuple[str, float]], keep: Callable[[str], bool]
) -> list[tuple[str, float]]:
    kept = [(c, p) for c, p in ranked if keep(c)]
    total = sum(p for _, p in kept) or 1.0
    return sorted(((c, p / total) for c, p in kept), key=lambda cp: -cp[1])


def _rank(
    ranked: list[tuple[str, float]],
    text: str,
    masked: str,
    words: _Words,
    table: Table,
    settings: Settings,
) -> tuple[list[tuple[str, float]], Frame]:
    """Check the classifier's ranking against the slots; return it with the matching frame."""
    intent = ranked[0][0]
    frame = words.frame(text, table, intent)
    # Keep only the intents the slots allow (a ranking word for 'top', a row-picking value for
    # a lookup ...), renormalised.
    fitting = _renormalise(ranked, lambda c: _fits(c, text, frame, table, masked))
    if fitting:
        ranked = fitting
        if ranked[0][0] != intent and {intent, ranked[0][0]} & {"trend", "correlation"}:
            frame = words.frame(text, table, ranked[0][0])
    by_group = _total_per_group(text, masked, frame, ranked, table)
    if by_group is not None:
        return by_group, frame
    if frame.where and any(c == OUT_OF_SCOPE for c, _ in ranked):
        # It names this sheet's columns and picks rows by their values: it is about the sheet.
        ranked = _renormalise(ranked, lambda c: c != OUT_OF_SCOPE)
    if (
        ranked[0][0] != "lookup"
        and ranked[0][1] < settings.min_confidence
        and _fits("lookup", text, frame, table, masked)
    ):
        # Unsure, and no word asks to aggregate: a question naming a column and picking a row
        # by its values ('what was the venue for the concert on March 3, 2023') is a
        # lookup. Renormalise over the readings that need no such word.
        ranked = _renormalise(ranked, lambda c: c in ("lookup", OUT_OF_SCOPE))
    return ranked, frame


def _words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text) if t.norm.isalpha()] or [text]


def _row_noun_before(text: str, position: int, table: Table) -> bool:
    """Whether a noun naming the table's rows stands before ``position``."""
    return any(is_row_noun(t.norm, table) for t in tokenize(text[:position]))


def _total_per_group(
    text: str, masked: str, frame: Frame, ranked: list[tuple[str, float]], table: Table
) -> list[tuple[str, float]] | None:
    """'revenue by channel', 'sales per rep': a measure by a category, with no word saying
    what to do, is the measure's total per group (a grouped count when only rows are named).
    """
    by = frame.by
    if by is None or (
        by.column.kind not in (ColumnKind.TEXT, ColumnKind.BOOL) and frame.by_period is None
    ):
        return None
    if _aggregate_cue(masked) or _CHANGE_CUE.search(text) or _WH_QUESTION.match(text):
        return None
    measures = [m for m in frame.free if m is not by and m is not frame.then_by]
    # 'employees by department': a mention made of row nouns names the rows, not a measure.
    measures = [m for m in measures if not all(is_row_noun(w, table) for w in _words(m.words))]
    others = [(c, p) for c, p in ranked if c not in ("sum", "count")][:3]
    if not measures and _row_noun_before(text, by.start, table):
        return [("count", 1.0), *others]  # 'orders by city': the rows counted per group
    if len(measures) != 1 or measures[0].column.kind is not ColumnKind.NUMBER:
        return None
    if measures[0].column.is_id:
        return None
    # A plain grammar reading: the classifier's other readings stay as alternatives.
    return [("sum", 1.0), *others]


def interpret(
    text: str,
    table: Table,
    model: NluModel,
    settings: Settings,
    intent: str | None = None,
) -> Interpretation:
    """Interpret a command against a table.

    Args:
        text: The command as typed.
        table: The table the command is about.
        model: The trained classifier and its command vocabulary.
        settings: Thresholds.
        intent: The intent, when the user stated it ('sum: sales in the north'); the
            classifier is then not asked.
    """
    words = _read_words(text, table, model, settings)
    chosen = words.chosen
    value_spans = [(v.start, v.end) for v in words.values]
    value_spans += [(q.start, q.end) for q in words.quoted]
    value_spans += [(p.start, p.end) for p in words.patterns]
    value_spans += [(f.start, f.end) for f in words.flags]
    masked = mask_text(text, [(m.start, m.end) for m in chosen], value_spans)
    probabilities = model.classifier.predict_proba([masked])[0]
    ranked = sorted(
        ((str(c), float(p)) for c, p in zip(model.classifier.classes, probabilities, strict=True)),
        key=lambda cp: -cp[1],
    )
    if intent is not None:
        ranked, frame = [(intent, 1.0)], words.frame(text, table, intent)
    else:
        ranked, frame = _rank(ranked, text, masked, words, table, settings)
    covered = [(m.start, m.end) for m in chosen] + value_spans
    covered += [(d.start, d.end) for d in words.dates] + frame.explained
    # Words of the headers themselves (also inside brackets: 'Size ( s base pair )') name
    # nothing new; only words foreign to the table count as not understood.
    vocabulary = header_vocabulary(table)
    leftover = tuple(
        t.norm
        for t in _unexplained(words.tokens, covered, model)
        if t.norm not in vocabulary
    )
    return Interpretation(
        text=text,
        intent=ranked[0][0],
        confidence=ranked[0][1],
        alternatives=tuple(ranked[1:4]),
        columns=tuple(chosen),
        candidates=tuple([*words.letters, *words.candidates]),
        ambiguous=tuple(words.rivals),
        values=tuple(words.values),
        frame=frame,
        leftover=leftover,
        masked=masked,
        tokens=tuple(words.tokens),
        taught=model.taught,
        stated=intent is not None,
    )
