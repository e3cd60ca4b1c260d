"""Value linking: words of the command that are values of a column ('West' -> Region).

A value mentioned in a command says which column a condition is on, even when the column is not
named ("total sales for West"). Cells are compared by their words, case-insensitively, so
"butler cc (ks)" finds the cell "Butler CC (KS)".

Example:
    >>> [(m.column.name, m.value) for m in link_values("orders from west", table)]
    [('Region', 'West')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from nlsheet.nlu.coverage import is_row_noun, people_columns
from nlsheet.nlu.dates import NEW, start_date
from nlsheet.nlu.flags import said_how
from nlsheet.nlu.lexicon import VALUE_SYNONYMS, role_of
from nlsheet.nlu.text import (
    STATUS_VERBS,
    STOPWORDS,
    header_vocabulary,
    header_words,
    normalize_word,
    searched_stem,
    singular_forms,
    value_vocabulary,
    word_after,
)
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "SEARCH_CUE",
    "ValueMatch",
    "fold_value",
    "is_prose",
    "link_values",
    "link_words_in_values",
]

_MAX_WORDS = 12
_WORD = re.compile(r"[^\W_]+")
# The mark after a grade's letter: 'A*', 'B+', 'C-' (not a hyphen joining words).
_GRADE_MARK = re.compile(r"[*+]|-(?!\w)")


@dataclass(frozen=True)
class ValueMatch:
    """Words of the command equal to a cell value of a column.

    Attributes:
        column: The column holding the value.
        value: The value as written in the cell.
        words: The words of the command.
        start: Where they start in the command.
        end: Where they end.
        others: Other columns holding the same value.
        contains: The words are one word inside the column's cells ('hotmail' in
            'ann@hotmail.com'), not a whole cell: the condition is 'contains'.
    """

    column: Column
    value: str
    words: str
    start: int
    end: int
    others: tuple[Column, ...] = ()
    contains: bool = False


def fold_value(key: str) -> str:
    """A value key with accents, plurals and everyday synonyms folded away, so that 'chairs'
    finds Chair, 'females' Female, 'women' Female and 'cafe' Café."""
    plain = unicodedata.normalize("NFKD", key)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = [normalize_word(w) for w in plain.split()]
    return " ".join(VALUE_SYNONYMS.get(w, w) for w in words)


def _folded_index(table: Table) -> dict[str, str]:
    """Folded value key -> the value index's key; keys folding together are left out."""

    def make() -> dict[str, str]:
        folded: dict[str, str] = {}
        clashes: set[str] = set()
        for key in table.value_index():
            f = fold_value(key)
            if f in folded and folded[f] != key:
                clashes.add(f)
            folded.setdefault(f, key)
        return {f: k for f, k in folded.items() if f not in clashes}

    return table.memo("values:folded", make)


def link_values(
    text: str,
    table: Table,
    taken: Sequence[tuple[int, int]] = (),
    mentioned: Sequence[Column] = (),
    must_cover: Sequence[tuple[int, int]] | None = None,
) -> list[ValueMatch]:
    """Find the longest spans of the command that are cell values of text columns.

    Args:
        text: The command.
        table: The table whose values are candidates.
        taken: Spans already explained; a value may not overlap them.
        mentioned: Columns the command names; a value in one of them is preferred.
        must_cover: If given, a value must cover at least one of these spans (the words
            nothing else explained), so that plain commands never build the value index.
    """
    if must_cover is not None and not must_cover:
        return []
    index = table.value_index()
    if not index:
        return []
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[s:e].casefold() for s, e in spans]
    found: list[ValueMatch] = []
    i = 0
    while i < len(spans):
        match = None
        for j in range(min(len(spans), i + _MAX_WORDS), i, -1):
            start, end = spans[i][0], spans[j - 1][1]
            if any(s < end and start < e for s, e in taken):
                continue
            if must_cover is not None and not any(s < end and start < e for s, e in must_cover):
                continue
            key = " ".join(words[i:j])
            columns = index.get(key)
            if not columns:
                key = _folded_index(table).get(fold_value(key), "")
                columns = index.get(key) if key else None
            if not columns:
                continue
            if (
                j - i == 1
                and said_how(text, end, table)
                and table.value_spelling(columns[0], key).casefold() in STATUS_VERBS
            ):
                continue  # 'paid through the app': how it was paid, not a Paid status
            if j - i == 1 and (key in STOPWORDS or len(key) < 2):
                # 'IT' typed in capitals is a department; 'it' is a word. A grade keeps the
                # mark after its letter ('an A*', 'a B+'); one capital letter opening the
                # command is the article ('A list of ...').
                mark = _GRADE_MARK.match(text, end)
                typed = text[start : mark.end() if mark else end]
                spelled = table.value_spelling(columns[0], key, typed)
                if typed != spelled or not spelled.isupper() or (start == end - 1 == 0):
                    continue
                end = start + len(typed)
            match = _pick(columns, mentioned, table, key, text[start:end], start, end)
            break
        if match is not None:
            found.append(match)
            i = next((k for k in range(i, len(spans)) if spans[k][0] >= match.end), len(spans))
        else:
            i += 1
    return found


def _pick(
    names: Sequence[str],
    mentioned: Sequence[Column],
    table: Table,
    key: str,
    words: str,
    start: int,
    end: int,
) -> ValueMatch:
    columns = [table.column(n) for n in names]
    preferred = [c for c in columns if c in mentioned] or columns
    # Text columns before others; then the one where the value is rarest (most specific).
    preferred.sort(key=lambda c: (c.kind is not ColumnKind.TEXT, c.position))
    best = preferred[0]
    value = table.value_spelling(best.name, key, words)
    others = tuple(c for c in columns if c is not best)
    return ValueMatch(best, value, words, start, end, others)


# Words before a word searched for in the cells ('notes that mention harvest', 'described as
# taxi'): any row with the word, whatever else it names.
SEARCH_CUE = re.compile(
    r"\b(?:described\s+as|mention\w*|contain\w*|about|include\w*|say(?:s|ing)?|word)\s+"
    r"(?:an?\s+|the\s+)?$",
    re.I,
)
# Words before the noun of what is counted ('how many payslips', 'average tax per payslip').
_COUNTED = re.compile(
    r"\b(?:how\s+many|number\s+of|no\.?\s+of|count\s+of|per|each|every)\s+$", re.I
)
# A word inside cells counts only in columns with this many distinct values or more (free text,
# e-mail addresses, names): in a column of a few categories a partial word is no value.
_MIN_DISTINCT_FOR_WORDS = 8


def link_words_in_values(
    text: str, table: Table, free: Sequence[tuple[int, int]]
) -> list[ValueMatch]:
    """Single words, not explained otherwise, that stand inside the cells of exactly one text
    column ('refund' in a notes column, 'hotmail' in e-mail addresses).

    Args:
        text: The command.
        table: The table.
        free: The spans of the words nothing else explained.
    """
    found: list[ValueMatch] = []
    for start, end in free:
        word = text[start:end]
        norm = normalize_word(word)
        if len(norm) < 3 or norm in STOPWORDS or role_of(norm, typos=False) is not None:
            continue
        if NEW.match(text, start) and start_date(table) is not None:
            continue  # 'new tickets' began lately; a title saying 'new' is another matter
        searched = SEARCH_CUE.search(text[:start])
        nxt = re.match(r"\W+(\w+)", text[end:])
        # 'how many renewal deals': a word before the rows' noun says which rows.
        counted = _COUNTED.search(text[:start]) and not (
            nxt and is_row_noun(normalize_word(nxt.group(1)), table)
        )
        if not searched and is_row_noun(norm, table):
            continue  # 'harvests logged for River Field': the rows, whatever the notes say
        if not searched and norm in header_vocabulary(table):
            continue  # 'lowest rent we're asking' beside Asking Rent: the header's, not a note's
        category = None if searched else _category_form(table, word.casefold())
        if category is not None:
            # 'rejected damage claims' beside a Claim Type of 'Damaged': the category, not
            # the descriptions that say 'damage'.
            found.append(ValueMatch(category[0], category[1], word, start, end))
            continue
        holders = _free_text_holders(table, norm)
        for form in singular_forms(word) if not holders and len(word) > 4 else ():
            # 'taxis' where the cells say 'Taxi' (the plural rule keeps words in -is).
            holders = _free_text_holders(table, form)
            if holders:
                norm = form
                break
        if counted and not searched and any(_wordy(table, c) for c in holders):
            # 'how many payslips were paid', 'tax per payslip': the rows counted, not the
            # rows whose notes say 'payslip' ('how many engineers' may be a job title's word).
            continue
        if len(holders) == 1:
            typed = _as_in_cells(table, holders[0], word.casefold(), norm)
            found.append(ValueMatch(holders[0], typed, word, start, end, contains=True))
            continue
        kind = _kind_before_column(text, end, norm, table)
        if kind is not None:
            found.append(
                ValueMatch(
                    kind,
                    _as_in_cells(table, kind, word.casefold(), norm),
                    word,
                    start,
                    end,
                    contains=True,
                )
            )
            continue
        short = _short_name(table, word.casefold())
        if short is not None:
            # 'on Oak' where every ward is called '... Ward': the one value 'Oak Ward'.
            found.append(ValueMatch(short[0], short[1], word, start, end))
            continue
        field = _field_of(norm, table)
        if field is not None:
            found.append(_pick([field[0]], [], table, field[1], word, start, end))
            continue
        named = _first_name(table, word, _NAME_CUE.search(text[:start]) is not None)
        if named is None and text[end : end + 2] in ("'s", "’s"):
            named = _first_name(table, word, True)  # 'alice's hours'
        if named is not None:
            found.append(ValueMatch(named[0], named[1], word, start, end))
    return found


def _kind_before_column(text: str, end: int, norm: str, table: Table) -> Column | None:
    """'the steel products' over Steel Bracket, Steel Hinge, Oak Shelf: a word said right
    before the noun of a text column, inside some of its cells, picks the cells it is in."""
    noun = word_after(text, end)
    named = [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT and not c.is_id and noun in header_words(c.name)
    ]
    if len(named) != 1 or norm not in value_vocabulary(table, named[0].name):
        return None
    return named[0]


# A word after these, or before "'s", may be a person's name typed in lower case ('hours
# logged by alice', "alice's hours").
_NAME_CUE = re.compile(r"\b(?:for|by|from|with|to|about|of)\s+$", re.I)


def _first_name(table: Table, word: str, cued: bool = False) -> tuple[Column, str] | None:
    """'Kwame' for Kwame Mensah: a capitalised word (or, ``cued``, a word where a name is
    expected) that begins exactly one name in the columns of people, taken as that name."""
    typed = word[:1].isupper() and not word.isupper()
    if not (typed or (cued and word.islower())) or len(word) < 3:
        return None
    word = word if typed else word.capitalize()
    found = [(p, name) for p in people_columns(table) for name in _by_first(table, p).get(word, ())]
    return found[0] if len(found) == 1 else None


def _by_first(table: Table, person: Column) -> dict[str, set[str]]:
    """The names of a column of people by their first word (made once per table)."""

    def index() -> dict[str, set[str]]:
        by_first: dict[str, set[str]] = {}
        for name in table.values(person.name).series.dropna().unique():
            parts = str(name).split()
            if len(parts) > 1:
                by_first.setdefault(parts[0], set()).add(str(name))
        return by_first

    return table.memo(f"values:first-names:{person.name}", index)


def _short_name(table: Table, word: str) -> tuple[Column, str] | None:
    """The value a word names when every value of a column of few names shares a word the
    word leaves out: 'Oak' for 'Oak Ward' where the wards are 'Oak Ward', 'Elm Ward' ...; one
    value in one column, or none."""

    def index() -> dict[str, list[tuple[Column, str]]]:
        found: dict[str, list[tuple[Column, str]]] = {}
        for column in table.columns:
            if column.kind is not ColumnKind.TEXT or column.is_id:
                continue
            names = [str(v) for v in table.values(column.name).series.dropna().unique()]
            split = [n.casefold().split() for n in names]
            if not 2 <= len(names) <= _MAX_NAMED or any(len(w) != 2 for w in split):
                continue
            for shared, other in ((0, 1), (1, 0)):
                if len({w[shared] for w in split}) == 1:
                    for name, w in zip(names, split, strict=True):
                        found.setdefault(w[other], []).append((column, name))
        return found

    hits = table.memo("values:short-names", index).get(word, [])
    return hits[0] if len(hits) == 1 else None


_MAX_NAMED = 30


def is_prose(table: Table, column: Column) -> bool:
    """Whether a text column holds sentences (notes, comments): three words a cell or more on
    average, and most cells not in title case ('Green Roots Trust', 'Old Mill Bitter' are
    names however many words they have; 'bag lost in transfer' is prose)."""

    def make() -> bool:
        cells = [str(v) for v in table.values(column.name).series.dropna().unique()]
        if not cells or sum(len(c.split()) for c in cells) < 3 * len(cells):
            return False
        return sum(_titled(c) for c in cells) < len(cells) / 2

    return table.memo(f"values:prose:{column.name}", make)


def _wordy(table: Table, column: Column) -> bool:
    """Three words a cell or more on average: notes, but also long names and titles, whose
    words a counted noun may be ('how many championships' over cup names)."""

    def make() -> bool:
        cells = [len(str(v).split()) for v in table.values(column.name).series.dropna()]
        return bool(cells) and sum(cells) / len(cells) >= 3

    return table.memo(f"values:wordy:{column.name}", make)


def _titled(cell: str) -> bool:
    """Every word of four letters or more capitalised: a name or a title."""
    words = [w for w in re.findall(r"[^\W\d_]+", cell) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words)


def _category_form(table: Table, word: str) -> tuple[Column, str] | None:
    """The one category value of one word that is the word made a participle ('Damaged' for
    'damage', 'Refunded' for 'refund'), in a text column that is no free text."""
    participles = {word + "d", word + "ed", word + word[-1:] + "ed"}
    found = [
        (c, value)
        for c in table.columns
        if c.kind is ColumnKind.TEXT and not c.is_id and not _free_text(table, c)
        for value in _one_word_values(table, c)
        if value.casefold() in participles
    ]
    return found[0] if len(found) == 1 else None


def _one_word_values(table: Table, column: Column) -> list[str]:
    return table.memo(
        f"values:one-word:{column.name}",
        lambda: [
            v for v in table.values(column.name).series.dropna().astype(str).unique() if v.isalpha()
        ][:200],
    )


def _free_text_holders(table: Table, norm: str) -> list[Column]:
    return [
        c
        for c in table.columns
        if c.kind is ColumnKind.TEXT
        and not c.is_id
        and norm in value_vocabulary(table, c.name)
        and _free_text(table, c)
    ]


def _as_in_cells(table: Table, column: Column, typed: str, norm: str) -> str:
    """The form of a word the cells hold: 'printers' asked, 'printer' written in them."""
    cells = table.memo(
        f"values:folded-text:{column.name}",
        lambda: " ".join(str(v).casefold() for v in table.values(column.name).series.dropna()),
    )
    found = typed if typed in cells else norm
    # 'vomiting' where the notes also say 'Vomited': every form of the verb is searched.
    return searched_stem(found, value_vocabulary(table, column.name)) or found


_DOER = ("er", "or", "ist", "ant", "ian")


def _field_of(noun: str, table: Table) -> tuple[str, str] | None:
    """'engineers' -> Engineering, 'accountants' -> Accounting, 'designers' -> Design: the
    field a noun for its people names, when it is a whole cell of one text column of few
    values (a department, a team)."""
    roots = {noun} | {noun[: -len(x)] for x in _DOER if noun.endswith(x) and len(noun) > len(x) + 3}
    keys = {r + "ing" for r in roots} | {r for r in roots if r != noun} | {r + "e" for r in roots}
    index = table.value_index()
    hits = {(column, key) for key in keys for column in index.get(key, ())}
    if len(hits) != 1:
        return None
    column, key = next(iter(hits))
    if table.values(column).series.dropna().nunique() > 30:
        return None
    return column, key


def _free_text(table: Table, column: Column) -> bool:
    """Cells of many different values, or of several words each (notes, titles, e-mail)."""

    def judge() -> bool:
        distinct = [str(v) for v in table.values(column.name).series.dropna().unique()]
        if len(distinct) >= _MIN_DISTINCT_FOR_WORDS:
            return True
        words = [len(_WORD.findall(v)) for v in distinct]
        return bool(words) and sum(words) / len(words) >= 3

    return table.memo(f"values:free-text:{column.name}", judge)
