"""Yes/no columns used as adjectives or verbs: 'unpaid invoices', 'members who renewed',
'inactive accounts', 'tests that passed', 'orders not shipped'.

A column whose cells are only yes/no (or TRUE/FALSE) is a flag: its header word, standing in the
command as an adjective or a verb, picks the rows where the flag is set; the same word negated
('not', 'never', "didn't", or a prefix: un-, in-, non-) picks the rows where it is not.

Example:
    >>> [(f.column.name, f.positive) for f in find_flags("how many unpaid invoices", table)]
    [('Paid', False)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlsheet.nlu.lexicon import NEGATIONS
from nlsheet.nlu.text import (
    Token,
    header_word_set,
    header_words,
    normalize_word,
    tokenize,
    verb_stem,
)
from nlsheet.plan import Cmp, Condition
from nlsheet.workbook.table import Column, ColumnKind, Table

if TYPE_CHECKING:
    from nlsheet.nlu.context import ColumnMatch

__all__ = [
    "WHETHER",
    "FlagMatch",
    "adjective_flag",
    "bare_answer",
    "find_flags",
    "flag_value",
    "is_flag_column",
    "presence",
    "said_how",
]

_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔"})
_NO = frozenset({"no", "n", "false", "0", "-"})
_ANSWER_NAMES = frozenset({"no", "false"})
# Header words that only make a yes/no question of the header ('Is Active', 'Has Paid?').
_AUXILIARIES = frozenset(
    {"is", "has", "have", "was", "were", "did", "does", "are", "flag", "do"}
    | {"would", "will", "can", "could", "should", "may", "might", "must"}
    | {"need", "needs", "want", "wants", "require", "requires"}
)
_NEGATING_PREFIXES = ("un", "in", "non", "im", "dis", "il", "ir")
_NEGATION_TOKENS = NEGATIONS | frozenset(
    {"didn", "doesn", "don", "hasn", "haven", "hadn", "cannot", "nor", "nt"}
)
# Words that may stand between a negation and the flag word ("haven't yet been paid").
_FILLERS = frozenset({"t", "been", "be", "being", "yet", "ever", "already", "is", "are", "was"})
_FILLERS |= frozenset({"were", "got", "get", "did", "do", "does", "has", "have", "had", "been"})
_FILLERS |= frozenset({"a", "an", "any"})  # "shouldn't have a garden"
# Words that make the header a column name again ('by paid', 'the paid column').
_AS_COLUMN_BEFORE = frozenset({"by", "per", "column", "col"})
_AS_COLUMN_AFTER = frozenset({"column", "col", "status", "field", "flag", "value", "values"})


# A header word followed by the answer it is tested for ('Paid is No', 'Garden = yes').
_ANSWER_SAID = re.compile(
    r"\s*(?:(?:is|are|was|were|=|:|equals?)\s*(?:not\s+)?)?['\"]?(?:yes|no|y|n|true|false)\b"
    r"(?!\s+(?:more|less|fewer|later|earlier|longer|sooner|than)\b|\s*/|\s+or\s+(?:yes|no)\b)",
    re.I,
)


# 'whether they're still active', 'if it is paid': a yes/no column said as a group key.
WHETHER = (
    r"(?:(?:whether|if)\s+(?:(?:they|it|he|she)(?:'re|'s)?\s+)?"
    r"(?:(?:are|were|is|was|have|has|had|got|been|being|still|currently|now|ever)\s+)*)?"
)
_SECOND_KEY = re.compile(
    r"\b(?:by|per)\s+(?:the\s+)?[\w ]{1,40}?(?:\s+and|\s*,|\s+then)\s+" + WHETHER + "$",
    re.I,
)


@dataclass(frozen=True)
class FlagMatch:
    """Words of the command that set a yes/no column: ``positive`` for yes, False for no."""

    column: Column
    positive: bool
    words: str
    start: int
    end: int


def is_flag_column(table: Table, column: Column) -> bool:
    """True when the column holds only yes/no answers (TRUE/FALSE, Yes/No, Y/N)."""
    if column.kind is ColumnKind.BOOL:
        return True
    if column.kind is not ColumnKind.TEXT:
        return False

    def judge() -> bool:
        # A flag column has two values; more than a few distinct cells settle it at once.
        distinct: set[str] = set()
        for v in table.values(column.name).series.dropna().unique():
            distinct.add(str(v).strip().casefold())
            if len(distinct) > len(_YES | _NO):
                return False
        distinct.discard("")
        # All 'No' is a yes/no column still (no event sold out); all '0' or '-' is not.
        answered = distinct & _YES or distinct & _ANSWER_NAMES
        return bool(distinct) and distinct <= (_YES | _NO) and bool(answered)

    return table.memo(f"flags:is-flag:{column.name}", judge)


_BLANK_BEFORE = re.compile(
    r"\b(?:with\s+no|without|no|missing|lacking|empty|blank)\s+(?:an?\s+)?$", re.I
)
_BLANK_AFTER = re.compile(
    r"^\s+(?:is|are|was|were)\s+(not\s+)?(?:blank|empty|missing|null)\b", re.I
)
_HAS_BEFORE = re.compile(r"\b(?:with|having|has|have|had)\s+(?:an?\s+|some\s+|any\s+)?$", re.I)


def presence(text: str, table: Table, mention: ColumnMatch) -> tuple[Condition, int, int] | None:
    """'with no email' tests a blank cell, 'email is not empty' and 'with an email' a filled
    one; but 'trips without a service' over a Serviced yes/no column picks its no rows (every
    cell is filled), unless the command says blank ('serviced is empty'). Returns the
    condition and where its words start and end."""
    after = _BLANK_AFTER.match(text[mention.end :])
    ends = re.match(r"^\s*(?:[,.?!]|and\b|or\b|$)", text[mention.end :])
    blank_before = _BLANK_BEFORE.search(text[: mention.start])
    has_before = _HAS_BEFORE.search(text[: mention.start])
    if blank_before or (after and not after.group(1)):
        has = False
    elif (after and after.group(1)) or (has_before and ends):
        has = True
    else:
        return None
    before = blank_before or has_before
    start = before.start() if before is not None else mention.start
    end = mention.end + after.end() if after is not None else mention.end
    name = mention.column.name
    if is_flag_column(table, mention.column) and not after:
        return Condition(name, Cmp.EQ, flag_value(table, mention.column, has)), start, end
    if mention.column.kind is ColumnKind.NUMBER and not after:
        # 'loans that had a late fee' over a Late Fee of 0 or more: a fee above zero.
        # 'with no arrears' over zeros and a few blanks (vacant units): the zeros, the
        # amount said to be none, unless blanks are what the column mostly leaves.
        cells = table.values(name).series
        zeros = int((cells == 0).sum())
        if zeros and (has or zeros >= int(cells.isna().sum())):
            return Condition(name, Cmp.GT if has else Cmp.LE, 0.0), start, end
    return Condition(name, Cmp.NOT_BLANK if has else Cmp.BLANK), start, end


def flag_value(table: Table, column: Column, positive: bool) -> str:
    """The cell value meaning yes (``positive``) or no, as the column spells it; TRUE/FALSE cells
    read as the text 'TRUE' and 'FALSE' (as Excel's criteria read them)."""
    if column.kind is ColumnKind.BOOL:
        return "TRUE" if positive else "FALSE"
    wanted = _YES if positive else _NO
    for value in table.values(column.name).series.dropna().unique():
        if str(value).strip().casefold() in wanted:
            return str(value)
    return "Yes" if positive else "No"


def _core(column: Column) -> str | None:
    words = [w for w in header_words(column.name, typed=True) if w not in _AUXILIARIES]
    return words[0] if len(words) == 1 and len(words[0]) >= 3 else None


# Irregular verbs whose past form is a header ('Paid', 'Sold'): the other forms say the same.
_FORMS = {"paid": {"pay", "pays", "paying"}, "sold": {"sell", "sells", "selling"}}
_FORMS |= {"sent": {"send", "sends", "sending"}, "won": {"win", "wins", "winning"}}


# Words that say a flag is not set without negating its word: 'failed' beside Passed.
_FAIL = frozenset({"fail", "fails", "failed", "failing", "failure", "failures"})
_REJECT = frozenset({"rejected", "declined", "denied", "refused", "turned"})
_LOSE = frozenset({"lost", "lose", "loses", "losing", "loss", "losses"})
_OPPOSITES = {"pass": _FAIL, "approv": _REJECT, "accept": _REJECT, "won": _LOSE, "win": _LOSE}
_OPPOSITES |= {"present": frozenset({"absent"}), "attend": frozenset({"absent", "missed"})}


def _reads(token: str, core: str) -> bool | None:
    """True when the token is the flag word, False when it is the word negated by a prefix or
    its opposite ('failed' beside Passed, 'rejected' beside Approved)."""
    if token == core or (len(core) >= 5 and verb_stem(token) == verb_stem(core)):
        return True
    if token in _FORMS.get(core, ()):
        return True
    if token in _OPPOSITES.get(verb_stem(core).removesuffix("e"), ()):
        return False
    if core.startswith("on") and token == "off" + core[2:]:
        return False  # 'offline' beside Online
    for prefix in _NEGATING_PREFIXES:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and (
            rest == core or (len(core) >= 5 and verb_stem(rest) == verb_stem(core))
        ):
            return False
    return None


def adjective_flag(
    text: str, table: Table, mention: ColumnMatch, mentions: Sequence[ColumnMatch]
) -> bool:
    """'by billable hours': a yes/no column right before a number column says which rows of
    the number count; it is no grouping."""
    return is_flag_column(table, mention.column) and any(
        m.column.kind is ColumnKind.NUMBER and not text[mention.end : m.start].strip()
        for m in mentions
    )


def _numbers_named(word: str, table: Table) -> bool:
    """Whether the word is in the header of a number column ('hours' for Hours)."""
    forms = {word, normalize_word(word)}
    return any(
        c.kind is ColumnKind.NUMBER and forms & set(header_words(c.name)) for c in table.columns
    )


def find_flags(text: str, table: Table, tokens: list[Token] | None = None) -> list[FlagMatch]:
    """The yes/no columns the command sets, each with the words that set it."""
    tokens = tokens if tokens is not None else tokenize(text)
    cores = [(c, core) for c in table.columns if (core := _core(c))]
    found: list[FlagMatch] = []
    headers = _longer_headers_said(text, table)
    for i, token in enumerate(tokens):
        if any(s <= token.start and token.end <= e for s, e in headers):
            continue  # 'gross pay' is Gross Pay (£), not the Paid column's 'pay'
        for column, core in cores:
            reading = _reads(token.lower, core)
            # The column's cells are read only when a word of the command reads as its header.
            if reading is None or not is_flag_column(table, column):
                continue
            before = tokens[i - 1].lower if i else ""
            after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if after in _AS_COLUMN_AFTER or _ANSWER_SAID.match(text, token.end):
                continue  # 'where Garden is No': the answer said decides, not the word
            if before in _AS_COLUMN_BEFORE and not _numbers_named(after, table):
                continue  # 'count by paid'; but 'top 5 by billable hours' picks rows

            if token.lower.endswith("ing") and after in header_word_set(table):
                continue  # 'shipping weight', 'billing address': a noun's modifier, no flag
            if said_how(text, token.end, table):
                continue  # 'paid by cheque': the payment method, not whether it was paid
            if _SECOND_KEY.search(text[: token.start]):
                continue  # 'count by status and paid': a second group key, not a condition
            start = token.start
            # 'not paid', "haven't been renewed", 'never passed', 'non-active'.
            for back in range(i - 1, max(-1, i - 5), -1):
                word = tokens[back].lower
                if word in _NEGATION_TOKENS:
                    reading = not reading
                    start = tokens[back].start
                    break
                if word not in _FILLERS and word not in _AUXILIARIES:
                    break
            found.append(FlagMatch(column, reading, text[start : token.end], start, token.end))
            break
    return found + _phrase_flags(text, table, tokens, found)


# A verb's manner: 'paid by cheque', 'booked through the app', 'sent via courier'.
_HOW_AFTER = re.compile(r"\s+(?:by|through|via|using)\s+(?:the\s+|an?\s+)?([^\W\d_]+)", re.I)


def said_how(text: str, end: int, table: Table) -> bool:
    """Whether the verb ending at ``end`` is followed by how it was done, a value of the table
    ('paid by cheque' beside a Payment Method of Cheque): the words pick the manner, and the
    verb says nothing of a yes/no or status column."""
    how = _HOW_AFTER.match(text, end)
    if how is None:
        return False
    index = table.value_index()
    word = how.group(1).casefold()
    return word in index or normalize_word(word) in index


def _longer_headers_said(text: str, table: Table) -> list[tuple[int, int]]:
    """Where the command says a header of two words or more in full ('gross pay')."""

    def make() -> list[re.Pattern[str]]:
        phrases = {" ".join(header_words(c.name, typed=True)) for c in table.columns}
        return [re.compile(r"\b" + re.escape(p) + r"\b") for p in sorted(phrases) if " " in p]

    lowered = text.lower()
    said = table.memo("flags:long-headers", make)
    return [m.span() for pattern in said for m in pattern.finditer(lowered)]


def _phrase_flags(
    text: str, table: Table, tokens: list[Token], found: list[FlagMatch]
) -> list[FlagMatch]:
    """Yes/no headers of several words said whole ('units paid by card', 'not paid by card'
    beside a Paid by Card column): the yes rows, or negated the no rows."""
    more: list[FlagMatch] = []
    for column, pattern in _header_phrases(table):
        if any(f.column is column for f in found):
            continue
        said = pattern.search(text)
        if said is None or not is_flag_column(table, column):
            continue
        if _ANSWER_SAID.match(text, said.end()) or re.match(
            r"\s+(?:column|col)\b", text[said.end() :]
        ):
            continue  # 'where paid by card is no', 'the paid by card column'
        before = [t for t in tokens if t.end <= said.start()][-4:]
        negation = next((t for t in reversed(before) if t.lower in _NEGATION_TOKENS), None)
        start = negation.start if negation is not None else said.start()
        if _SECOND_KEY.search(text[:start]) or re.search(r"\b(?:by|per)\s+$", text[:start]):
            continue  # 'count by region and paid by card': a group key
        positive = negation is None
        more.append(FlagMatch(column, positive, text[start : said.end()], start, said.end()))
    return more


def _header_phrases(table: Table) -> list[tuple[Column, re.Pattern[str]]]:
    """The headers of several words (auxiliaries left out), each as the pattern of its words
    said in a command; made once per table, as every ask looks for them."""

    def make() -> list[tuple[Column, re.Pattern[str]]]:
        phrases = []
        for column in table.columns:
            words = [w for w in header_words(column.name, typed=True) if w not in _AUXILIARIES]
            if len(words) >= 2:
                joined = r"\W+".join(map(re.escape, words))
                phrases.append((column, re.compile(rf"\b{joined}\b", re.I)))
        return phrases

    return table.memo("flags:header-phrases", make)


_ANSWER_WORDS = frozenset({"yes", "no", "y", "n", "true", "false"})
_ANSWERING = re.compile(
    r"\b(?:says?|said|answer(?:ed|ing)?|voted|replied|responded|chose|picked|ticked)\s*['\"]?$",
    re.I,
)
_SAID_AFTER_COLUMN = re.compile(
    r"\s*(?:(?:is|are|was|were|=|:|equals?|set\s+to|marked(?:\s+as)?)\s*)?['\"]?$", re.I
)
_BOTH_ANSWERS = re.compile(r"\byes\s*(?:/|or)\s*no\b", re.I)
_COLUMN_AFTER = re.compile(r"['\"]?\s+(?:in|for|to|under|on|of)\s+(?:the\s+)?$", re.I)


def bare_answer(
    text: str, start: int, end: int, column: Column, named: Sequence[tuple[str, int, int]]
) -> bool:
    """Whether 'no' or 'yes' in the command is a word of the sentence rather than a yes/no
    column's answer: 'loans with no late fee', 'no more than 2 stars' hold no 'No' of a
    Returned column. The word is the column's answer when said as one: after its column
    ('returned is no', 'Returned: No'), before it ('yes in Renewed'), or after a verb of
    answering ('members who said no'). ``named`` holds the columns the command names, with
    where (header mentions and flag words)."""
    if text[start:end].casefold() not in _ANSWER_WORDS or _ANSWERING.search(text[:start]):
        return False
    if _BOTH_ANSWERS.search(text[max(0, start - 7) : end + 7]):
        return True  # 'serviced yes/no', 'paid yes or no': the column's two answers, no test
    for name, m_start, m_end in named:
        if name != column.name:
            continue
        if m_end <= start and _SAID_AFTER_COLUMN.fullmatch(text[m_end:start]):
            return False  # 'Returned no', 'returned is no'
        if m_start >= end and _COLUMN_AFTER.fullmatch(text[end:m_start] + " "):
            return False  # 'yes in Returned'
    return True
