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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.changes import CHANGES
from nlsheet.nlu.change_cues import CHANGE_CUE, WH_QUESTION
from nlsheet.nlu.conditions import Frame, assemble
from nlsheet.nlu.context import ColumnMatch, find_letter_refs, match_columns, overlaps
from nlsheet.nlu.coverage import dates_rows, is_row_noun
from nlsheet.nlu.derived import net_of
from nlsheet.nlu.flags import FlagMatch, bare_answer, find_flags
from nlsheet.nlu.lexicon import in_digits, respelt
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.ranker import Candidate, Ranker, Shape, candidates
from nlsheet.nlu.readings import (
    aggregate_cue,
    blank,
    describes_rows,
    fits,
    lists_rows,
    names_intent,
    ranks_rows,
)
from nlsheet.nlu.rivals import aggregate_before_column, settle, total_rivals
from nlsheet.nlu.shapes import (
    counts_rows,
    fits_types,
    total_of_rows,
    total_per_group,
    totals,
    when_extreme,
)
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
    is_name_part,
    mask_text,
)
from nlsheet.nlu.text import (
    GRAMMAR_WORDS,
    STOPWORDS,
    Token,
    header_vocabulary,
    is_verb,
    table_vocabulary,
    tokenize,
)
from nlsheet.nlu.values import ValueMatch, link_values, link_words_in_values
from nlsheet.nlu.verbs import verb_mentions
from nlsheet.nlu.wide import counts_cells
from nlsheet.settings import Settings
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["OUT_OF_SCOPE", "Interpretation", "intent_fits_types", "interpret"]

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
        readings: The candidate readings the ranker chose among, with their features.
        ranked: The confidence is the ranker's probability (not the classifier's).
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
    readings: tuple[Candidate, ...] = field(default=(), repr=False)
    ranked: bool = False

    @property
    def margin(self) -> float:
        """How far the top intent is ahead of the next one."""
        runner_up = self.alternatives[0][1] if self.alternatives else 0.0
        return self.confidence - runner_up


def _choose(
    candidates: list[ColumnMatch], settings: Settings
) -> tuple[list[ColumnMatch], list[ColumnMatch]]:
    """Accepted non-overlapping matches, and the close rivals of each."""
    accepted: list[ColumnMatch] = []
    for match in candidates:
        if match.score < settings.column_accept:
            break
        if not any(overlaps(match, other) for other in accepted):
            accepted.append(match)
    # Every accepted mention with another column as good for its words: 'people' for both
    # Population (2001) and Population (2011).
    rivals = [
        m
        for i, best in enumerate(accepted)
        for m in candidates
        if m is not best
        and m not in accepted
        and m.score >= settings.column_accept
        and (overlaps(m, best) if i == 0 else (m.start, m.end) == (best.start, best.end))
        and best.score - m.score <= settings.column_margin
        # A header said in full outranks one made of some of its words ('club's coach').
        and not (best.how == "exact" and _strictly_inside(m, best))
    ]
    return accepted, rivals


def _strictly_inside(inner: ColumnMatch, outer: ColumnMatch) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < (outer.end - outer.start)
    )


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
        if any(ch.isalpha() for ch in t.norm)
        and not _known(t, command_words)
        and not any(s <= t.start < e for s, e in spans)
    ]


def intent_fits_types(intent: str, interp: Interpretation) -> bool:
    """Whether an intent is a sensible reading to offer back: a change only when the words ask
    for one, a numeric operation only on a number (or date) column."""
    return fits_types(intent, interp.text, interp.columns)


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
    named = [m for m in named if free_of_flags(m.start, m.end) and not dates_rows(m, table)]
    letters = [m for m in letters if free_of_flags(m.start, m.end)]
    accepted, rivals = _choose(named, settings)
    accepted = aggregate_before_column(text, accepted, table)
    # 'whose first name is Kofi' tests the names' first word, unless a header says 'first'.
    vocabulary = header_vocabulary(table)
    patterns = [
        p
        for p in find_patterns(text)
        if (part := is_name_part(p)) is None or not {part, f"{part}name"} & vocabulary
    ]
    free_of_patterns = _outside([(p.start, p.end) for p in patterns])
    quoted = [q for q in find_quoted(text) if free_of_patterns(q.start, q.end)]
    # Words after 'starts with' / 'containing' are literal text, not headers.
    accepted = _repeat_mentions(
        text, tokens, [m for m in accepted if free_of_patterns(m.start, m.end)]
    )
    # 'earning over 80k', 'weigh under 1 kg': a verb naming the one column of its family.
    spoken = {m.column.name for m in [*accepted, *letters]}
    taken = [(m.start, m.end) for m in [*accepted, *letters]] + [(f.start, f.end) for f in flags]
    accepted += [
        m for m in verb_mentions(text, table, taken, tokens) if m.column.name not in spoken
    ]
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
    named_at = [(m.column.name, m.start, m.end) for m in [*letters, *accepted]]
    named_at += [(f.column.name, f.start, f.end) for f in flags]
    values = [
        v
        for v in values
        if _value_wins(v, [*letters, *accepted])
        and not bare_answer(text, v.start, v.end, v.column, named_at)
    ]
    firm_spans = [(m.start, m.end) for m in [*letters, *accepted]] + hard
    firm_spans += [(v.start, v.end) for v in values] + [(d.start, d.end) for d in dates]
    loose_words = _unexplained(tokens, firm_spans, model)
    values += link_words_in_values(text, table, [(t.start, t.end) for t in loose_words])
    # A value outranks header words inside it ('Price Club') and a loose header reading.
    free_of_values = _outside([(v.start, v.end) for v in values])
    numbers = [
        n
        for n in find_numbers(text)
        if free_of_patterns(n.start, n.end) and not _inside_value(n, values)
    ]
    accepted, rivals, left = settle(
        [m for m in accepted if free_of_values(m.start, m.end)],
        [m for m in rivals if free_of_values(m.start, m.end)],
        values,
        numbers,
    )
    rivals += total_rivals(text, accepted, table.columns)
    free_of_header_numbers = _outside([(n.start, n.end) for n in numbers if n not in left])
    return _Words(
        tokens=tokens,
        letters=[m for m in letters if free_of_values(m.start, m.end)],
        candidates=candidates,
        accepted=accepted,
        rivals=rivals,
        values=values,
        quoted=quoted,
        patterns=patterns,
        numbers=left,
        dates=[
            d
            for d in dates
            if free_of_values(d.start, d.end) and free_of_header_numbers(d.start, d.end)
        ],
        periods=find_periods(text),
        flags=flags,
    )


def _inside_value(number: NumberSlot, values: list[ValueMatch]) -> bool:
    """A number that is part of a longer cell value ('+2 laps', 'Arena 12') is that value's."""
    return any(
        v.start < number.end
        and number.start < v.end
        and v.end - v.start > number.end - number.start
        for v in values
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
    # Only the intents the slots allow ('top' needs a ranking word ...), renormalised.
    fitting = _renormalise(ranked, lambda c: fits(c, text, frame, table, masked))
    if fitting:
        ranked = fitting
        if ranked[0][0] != intent and {intent, ranked[0][0]} & {"trend", "correlation"}:
            frame = words.frame(text, table, ranked[0][0])
    named = [(m.start, m.end) for m in words.chosen]
    plain = not aggregate_cue(blank(text, frame.explained + named)) and frame.n is None
    # 'sales in April' over a column per month: the April cells' total (not 'Scarf sales ...').
    cells = (
        len(frame.free) == 1 and not frame.where and counts_cells(text, table, frame.free[0].column)
    )
    if frame.difference or frame.growth:
        # 'how many more in May than April' (no count), 'percentage growth' (a ratio less one)
        return [("ratio" if frame.growth else "sum", 1.0)], frame
    # A change the words ask for ('copy the value from above') keeps its reading.
    derived = frame.derived and not (ranked[0][0] in CHANGES and CHANGE_CUE.search(text))
    # A worth named by its words ('revenue' = quantity x price) adds up, asked 'what is' or not.
    worth = derived and frame.expression is not None and frame.expression[1] == "*"
    if (frame.span or derived or cells) and plain and (worth or not WH_QUESTION.match(text)):
        # 'Coffee units in the first quarter', 'inventory value by warehouse': a stretch of
        # columns or a measure named by its words, with no word asking for more, is their
        # total ('first' belongs to the quarter, not to a minimum); a worth is never one row's.
        gone = {"sum", "lookup"} if worth else {"sum"}
        return [("sum", 1.0), *[(c, p) for c, p in ranked if c not in gone][:3]], frame
    by_group = total_per_group(text, masked, frame, ranked, table)
    if by_group is not None:
        return by_group, frame
    extreme = when_extreme(text, frame, table)
    if extreme is not None:
        return [(extreme, 1.0), *[(c, p) for c, p in ranked if c != extreme][:3]], frame
    if totals(masked, frame):
        return [("sum", 1.0), *[(c, p) for c, p in ranked if c != "sum"][:3]], frame
    if total_of_rows(text, frame, table):
        return [("sum", 0.5), ("count", 0.5)], frame
    if lists_rows(text, masked, words.tokens, frame, table):
        # The rows' names, however the classifier spells a listing.
        alike = ("lookup", "unique_values", "extract_rows", "filter")
        return [("lookup", 1.0), *[(c, p) for c, p in ranked if c not in alike][:3]], frame
    if describes_rows(text, masked, words.tokens, frame, table) or counts_rows(text, frame, table):
        return [("count", 1.0), *[(c, p) for c, p in ranked if c != "count"][:3]], frame
    about_rows = frame.unclear_dates or (
        ranks_rows(text) and any(is_row_noun(t.norm, table) for t in words.tokens)
    )
    if (frame.where or about_rows or frame.derived) and any(c == OUT_OF_SCOPE for c, _ in ranked):
        # It picks rows by the columns' values, ranks rows ('the oldest person'), names a
        # measure by its words ('days from order to delivery') or a date: it is about the sheet.
        ranked = _renormalise(ranked, lambda c: c != OUT_OF_SCOPE)
    if ranked[0][1] < settings.min_confidence and fits("lookup", text, frame, table, masked):
        # Unsure, and no word asks to aggregate: a question naming a column and picking a row
        # by its values ('what was the venue for the concert on March 3, 2023') is a
        # lookup. Renormalise over the readings that need no such word.
        ranked = _renormalise(ranked, lambda c: c in ("lookup", OUT_OF_SCOPE))
    return ranked, frame


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
    text = in_digits(respelt(text, header_vocabulary(table)), lambda: table_vocabulary(table))
    words = _read_words(text, table, model, settings)
    chosen = words.chosen
    value_spans = [(v.start, v.end) for v in words.values]
    value_spans += [(q.start, q.end) for q in words.quoted]
    value_spans += [(p.start, p.end) for p in words.patterns]
    value_spans += [(f.start, f.end) for f in words.flags]
    # A verb naming a column ('earning over 80k') keeps its word for the classifier.
    masked = mask_text(text, [(m.start, m.end) for m in chosen if m.how != "verb"], value_spans)
    probabilities = model.classifier.predict_proba([masked])[0]
    ranked = sorted(
        ((str(c), float(p)) for c, p in zip(model.classifier.classes, probabilities, strict=True)),
        key=lambda cp: -cp[1],
    )
    readings: list[Candidate] = []
    ranked_by_model = False
    if intent is not None:
        ranked, frame = [(intent, 1.0)], words.frame(text, table, intent)
    else:
        classified = ranked
        ranked, frame = _rank(ranked, text, masked, words, table, settings)
        readings = _candidates(classified, ranked, text, masked, words, frame, table)
        decided = ranked[0][1] >= 1.0 or ranked[0][0] in CHANGES
        if settings.ranker and not decided:
            # A reading the words' shape decides ('unpaid invoices' counts) stands; the ranker
            # is trained on questions, so a change keeps the readings' order.
            before = ranked[0][0]
            ranked = _one_meaning(Ranker.packaged().rank(readings), words.chosen)
            ranked_by_model = True
            if ranked[0][0] != before and {before, ranked[0][0]} & {"trend", "correlation"}:
                frame = words.frame(text, table, ranked[0][0])
    if frame.expression is None:
        # 'the most money after costs': what is left after a column, taken from nothing said.
        frame.problems += net_of(text, [*chosen, *words.candidates])[:1]
    covered = [(m.start, m.end) for m in chosen] + value_spans
    covered += [(d.start, d.end) for d in words.dates] + frame.explained
    # Words of the headers (also in brackets: 'Size ( s base pair )') and nouns for the rows
    # name nothing new; only words foreign to the table count as not understood.
    vocabulary = header_vocabulary(table)
    leftover = tuple(
        t.norm
        for t in _unexplained(words.tokens, covered, model)
        if t.norm not in vocabulary and not is_row_noun(t.norm, table)
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
        readings=tuple(readings),
        ranked=ranked_by_model,
    )


def _one_meaning(
    ranked: list[tuple[str, float]], columns: Sequence[ColumnMatch]
) -> list[tuple[str, float]]:
    """Readings that mean the same give one: the most common value of a number column is its
    mode, of a text column its most frequent value; nothing to ask between them."""
    pair = {"mode", "most_frequent"}
    if not pair <= {i for i, _ in ranked[:2]}:
        return ranked
    numeric = bool(columns) and columns[0].column.kind is ColumnKind.NUMBER
    keep = "mode" if numeric else "most_frequent"
    best = min(1.0, sum(p for i, p in ranked if i in pair))  # either is the one meaning
    return [
        (keep, best) if i == ranked[0][0] else (i, p)
        for i, p in ranked
        if i not in pair or i == ranked[0][0]
    ]


def _candidates(
    classified: list[tuple[str, float]],
    ranked: list[tuple[str, float]],
    text: str,
    masked: str,
    words: _Words,
    frame: Frame,
    table: Table,
) -> list[Candidate]:
    """The readings for the ranker: the classifier's and the grammar readings' intents, each
    with the verdicts of the readings and the shape of the slots."""
    intents = {i for i, _ in ranked[:5]}
    chosen = words.chosen
    verdicts = {
        i: (
            fits(i, text, frame, table, masked),
            names_intent(i, text),
            fits_types(i, text, chosen),
        )
        for i in intents
    }
    kinds = {m.column.kind for m in frame.free}
    shape = Shape(
        where=bool(frame.where),
        by=frame.by is not None,
        n=frame.n is not None,
        number_free=ColumnKind.NUMBER in kinds,
        text_free=ColumnKind.TEXT in kinds,
        date_free=ColumnKind.DATE in kinds,
        no_column=not words.chosen,
        wh=bool(WH_QUESTION.match(text)),
        aggregate_cue=aggregate_cue(text),
        value=bool(words.values),
        span=bool(frame.span or frame.derived),
    )
    return candidates(classified, ranked, verdicts, shape)
