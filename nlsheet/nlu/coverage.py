"""Every word accounted for: which words of a command the chosen reading did not use.

A reading (a plan built from an interpretation) uses words: the column mentions it reads, the
values, numbers, dates and periods its conditions test, the N of a top-N. The other words must
be words of the command language itself (:mod:`nlsheet.nlu.lexicon`) or nouns naming the table's
rows ('orders' on an Orders sheet, 'employees' beside an Employee column). Whatever is left over
is a word the answer would silently ignore: the answer is not given.

Example:
    >>> [w.words for w in unaccounted(interp, table, used_spans)]
    ['females']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.flags import is_flag_column
from nlsheet.nlu.header_verbs import sorts_rows, verb_of_header
from nlsheet.nlu.lexicon import (
    AMOUNT_NOUNS,
    GENERIC_ROW_NOUNS,
    PEOPLE_NOUNS,
    ROW_NOUN_SYNONYMS,
    role_of,
)
from nlsheet.nlu.text import (
    Token,
    canonical,
    header_words,
    is_common_verb,
    is_plural,
    is_verb,
    normalize_word,
    sheet_words,
    tokenize,
)
from nlsheet.nlu.units import unit_of
from nlsheet.nlu.wide import EVERY_CELL, ONCE_PER, column_runs
from nlsheet.workbook.table import Column, ColumnKind, Table

__all__ = [
    "ID_WORDS",
    "PERSON_HEADERS",
    "Leftover",
    "counts_items",
    "dates_rows",
    "is_row_noun",
    "key_column",
    "keys_rows",
    "names_number_column",
    "people_columns",
    "person_column",
    "row_nouns",
    "traded_item",
    "unaccounted",
    "verb_of_rows",
]

# Header words that say a column identifies rows, and add nothing to what the rows are.
ID_WORDS = frozenset({"id", "identifier", "no", "nr", "num", "number", "code", "ref", "key", "#"})
_NAME_WORDS = frozenset({"name", "full", "title"})
PERSON_HEADERS = frozenset(
    """employee staff worker member person name player athlete runner student customer client
    participant user contact candidate patient driver rider applicant subscriber volunteer
    agent rep representative manager owner author artist performer singer actor actress
    celebrity contestant competitor nominee scorer captain coach presenter host consultant
    engineer technician analyst advisor adviser teacher tutor instructor trainer nurse doctor
    physician therapist recruiter salesperson seller assignee reviewer approver requester
    submitter reporter buyer guest tenant borrower mechanic cashier server waiter waitress chef
    cook stylist cleaner courier dispatcher pilot surgeon dentist pharmacist officer supervisor
    developer designer sender recipient donor sponsor landlord clerk operator attendee passenger
    traveller traveler visitor resident pupil learner trainee intern broker realtor lawyer
    attorney accountant auditor inspector contractor freelancer labourer picker packer caller
    teller bartender barista guide staffer associate worker handler""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Leftover:
    """Words of the command the reading did not use.

    Attributes:
        words: The words, as typed.
        start: Where they start.
        end: Where they end.
        column: The column they name, when they are an unused column mention.
        bearing: A negation or a bound ('not', 'or more'): a command word that changes the
            answer, so no context excuses it.
    """

    words: str
    start: int
    end: int
    column: str | None = None
    bearing: bool = False


# What a row's thing measures, said after it in a header ('Batch Size', 'Parcel Weight').
_SIZES = frozenset("size weight length height width duration capacity".split())  # noqa: SIM905


_ITEM_WORDS = frozenset(
    {"qty", "quantity", "unit", "units", "stock", "hand", "onhand", "inventory", "piece", "part"}
)
_WORTH_WORDS = frozenset({"price", "cost", "value"})


def counts_items(column: Column) -> bool:
    """A column counting items (Qty, Units, Stock, On Hand, Pieces), never what they are worth
    (Unit Price, Stock Value): the one definition of a quantity column."""
    words = set(header_words(column.name))
    return column.kind is ColumnKind.NUMBER and bool(
        words & _ITEM_WORDS and not words & _WORTH_WORDS
    )


# The last word of a sheet of trades, each row moving some items: 'Ticket Sales', 'Book Orders'.
_TRADES = frozenset({"sale", "order", "purchase", "booking", "delivery", "shipment"})


def traded_item(table: Table) -> tuple[str, Column] | None:
    """The item a sheet of trades names before the trade ('ticket' on Ticket Sales) and the one
    column counting them (Qty). Each row is a sale of some tickets, so 'how many tickets' is
    the quantity's total, not a count of the rows."""

    def make() -> tuple[str, Column] | None:
        words = [t.norm for t in tokenize(table.sheet)]
        if len(words) != 2 or words[1] not in _TRADES or not words[0].isalpha():
            return None
        counted = [c for c in table.columns if counts_items(c)]
        return (words[0], counted[0]) if len(counted) == 1 else None

    return table.memo("coverage:traded-item", make)


def _sized(column: Column) -> str | None:
    """The thing a size column measures, each row being one ('batch' for Batch Size, 'bag'
    for Bag Weight kg)."""
    own = header_words(column.name)
    own = own[:-1] if len(own) == 3 and unit_of(own[2]) is not None else own
    sized = column.kind is ColumnKind.NUMBER and len(own) == 2 and own[1] in _SIZES
    return own[0] if sized else None


# First words of date headers that date no event a row is ('Due Date', 'Birth Date').
_NOT_EVENTS = frozenset("due end start close expiry birth review ship paid".split())  # noqa: SIM905


def row_nouns(table: Table) -> frozenset[str]:
    """Normalised nouns that name the table's rows whatever the columns hold: the sheet's name
    ('Orders') and its synonyms ('jobs' on Work Orders), an identifier column's ('Invoice No'
    -> invoice), the event the first date column dates ('Visit Date' -> visit), and words any
    table's rows answer to ('rows', 'records', 'entries'). A column keying the rows with a name each
    ('Employee', 'Member') names them too: :func:`is_row_noun` checks that one word at a time,
    so that a plain question never reads a whole column."""

    def make() -> frozenset[str]:
        nouns = set(GENERIC_ROW_NOUNS)
        if not column_runs(table):
            # A wide table's sheet names what its cells hold, not its rows: 'arrivals' on a
            # sheet of Arrivals with a column per year is no count of the countries.
            nouns.update(w for w in sheet_words(table) if w.isalpha())
        for column in table.columns:
            if column.is_id:
                nouns.update(w for w in header_words(column.name) if w not in ID_WORDS)
        dated = next((c for c in table.columns if c.kind is ColumnKind.DATE), None)
        own = header_words(dated.name) if dated is not None else []
        if len(own) == 2 and own[1] == "date" and own[0].isalpha() and own[0] not in _NOT_EVENTS:
            nouns.add(own[0])  # 'visits' over a Visit Date, the first date column: the rows
        # 'batches' over a Batch Size: each row is one batch.
        nouns.update(noun for c in table.columns if (noun := _sized(c)) is not None)
        said = " ".join(t.norm for t in tokenize(table.sheet)) if not column_runs(table) else ""
        nouns.update(other for n in list(nouns) for other in ROW_NOUN_SYNONYMS.get(n, ()))
        nouns.update(
            o for n, others in ROW_NOUN_SYNONYMS.items() if " " in n and n in said for o in others
        )
        return frozenset(nouns)

    return table.memo("coverage:row-nouns", make)


def _key_nouns(table: Table) -> frozenset[str]:
    """Header words of the text columns that key the rows, and people's nouns when the rows
    are people ('how many staff' beside an Employee column)."""

    def make() -> frozenset[str]:
        nouns: set[str] = set()
        for column in table.columns:
            keyed = column.kind is ColumnKind.TEXT and not column.is_id
            if keyed and keys_rows(table, column.name):
                nouns.update(w for w in header_words(column.name) if w not in _NAME_WORDS)
        if any(canonical(n) in PERSON_HEADERS or n in PERSON_HEADERS for n in nouns):
            nouns.update(PEOPLE_NOUNS)
        person = person_column(table)
        if person is not None and keys_rows(table, person.name):
            nouns.update(PEOPLE_NOUNS)  # a name per row in a Name column: the rows are people
        return frozenset(nouns)

    return table.memo("coverage:key-nouns", make)


def key_column(table: Table) -> Column | None:
    """The column that names each row: an identifier column, else the first text column with
    a value of its own in nearly every row ('Invoice No', 'Employee')."""
    for column in table.columns:
        if column.is_id:
            return column
    for column in table.columns:
        if column.kind is ColumnKind.TEXT and keys_rows(table, column.name):
            return column
    return None


# Header words of a way to reach someone, not of their name.
_CONTACT_DETAILS = frozenset(
    {"email", "mail", "phone", "mobile", "tel", "telephone", "address", "postcode", "zip"}
)


def people_columns(table: Table) -> list[Column]:
    """The text columns whose header names people ('Employee', 'Client', 'Sales Rep'); an
    identifier only when no other does ('who ...' is answered with a name: Name beside
    Employee ID)."""

    def personal(column: Column) -> bool:
        words = header_words(column.name)
        if _CONTACT_DETAILS.intersection(words):
            return False  # 'Buyer Email' reaches a buyer; 'Buyer' names them
        return any(w in PERSON_HEADERS or canonical(w) in PERSON_HEADERS for w in words)

    people = [c for c in table.columns if c.kind is ColumnKind.TEXT and personal(c)]
    return [c for c in people if not c.is_id] or people


def person_column(table: Table) -> Column | None:
    """The column naming people ('Employee', 'Player', 'Sales Rep'): the only one whose header
    says so, or among several the one with a person per row. Worked out once per table: the
    second test reads a column's values."""

    def make() -> Column | None:
        people = people_columns(table)
        if len(people) == 1:
            return people[0]
        # 'Employee' beside 'Manager': the column with a person per row.
        key = key_column(table)
        return key if key in people else None

    return table.memo("coverage:person-column", make)


def _units(table: Table) -> frozenset[str]:
    """Words the headers hold in brackets, their units ('Distance (km)', 'Amount (€)')."""

    def make() -> frozenset[str]:
        inside = [m for c in table.columns for m in re.findall(r"[(\[]([^)\]]*)[)\]]", c.name)]
        return frozenset(t.norm for text in inside for t in tokenize(text))

    return table.memo("coverage:units", make)


def keys_rows(table: Table, name: str) -> bool:
    """True when nearly every row has its own value in the column (a name per row)."""
    series = table.values(name).series.dropna()
    return len(series) >= 2 and series.nunique() >= 0.9 * len(series)


def names_number_column(word: str, table: Table) -> bool:
    """Whether the (normalised) word is the whole header of a number column ('sales' beside
    a Sales column): then it is that column's amount, not the rows, even in a sheet named
    after it."""
    singles = table.memo(
        "coverage:number-headers",
        lambda: frozenset(
            canonical(words[0])
            for c in table.columns
            if c.kind is ColumnKind.NUMBER and len(words := header_words(c.name)) == 1
        ),
    )
    if canonical(word) not in singles:
        return False
    # A synonym of the header that is also the sheet's name for its rows ('readings' on a
    # sheet of Readings beside a Result column) names the rows; amounts never do.
    exact = any(words == [word] for c in table.columns if (words := header_words(c.name)))
    return exact or canonical(word) in AMOUNT_NOUNS or word not in sheet_words(table)


def dates_rows(mention: ColumnMatch, table: Table) -> bool:
    """Whether a column is named only by a noun for the rows: a date column by the rows it
    dates ('trip' for Trip Date on a trip log: 'average trip distance'), a size by what it
    sizes ('batches' for Batch Size: each row is a batch), any column by a word only like its
    header ('screenings' for Screen on a sheet of Screenings), a yes/no column by a plural for
    part of a header with no verb ('gifts' for Gift Aid: whether each gift had it), or an
    identifier by its noun ('bugs' for Bug ID). The word names the rows, not the column."""
    dated = mention.column.kind is ColumnKind.DATE
    sized = _sized(mention.column)
    if not dated and sized is None and mention.how not in ("fuzzy", "partial"):
        return False  # the common case, decided before any word is read
    tokens = tokenize(mention.words)
    said = [t.norm for t in tokens]
    if mention.column.is_id and mention.how == "partial":
        # 'critical bugs' beside a Bug ID: the bugs are the rows, not their numbers.
        return bool(said) and all(is_row_noun(w, table) for w in said)
    if not dated and sized is None and mention.how == "partial":
        # 'tenants' for Tenant Charged? says who was charged: a header with a verb keeps it.
        rest = [w for w in header_words(mention.column.name) if w not in said]
        plural = any(is_plural(t) for t in tokens) and not any(is_verb(w) for w in rest)
        return plural and is_flag_column(table, mention.column)
    if sized is not None:
        return said == [sized]  # 'how many batches' beside a Batch Size counts the batches
    header = set(header_words(mention.column.name))
    if dated:
        return bool(said) and all(is_row_noun(w, table) for w in said) and not header <= set(said)
    # A fuzzy match only, by the rows' own noun, of a header that names no rows ('slaes' is
    # the Sales column on a sheet of Sales).
    nouns = row_nouns(table)
    return bool(said) and all(w in nouns for w in said) and not header & nouns


def is_row_noun(word: str, table: Table) -> bool:
    """True when the (normalised) word names the table's rows (not when it is the header of a
    number column: 'sales by region' in a sheet called Sales totals the Sales column)."""
    if names_number_column(word, table):
        return False
    nouns = row_nouns(table)
    if word in nouns:
        return True
    canon = canonical(word)
    header_canon = table.memo(
        "coverage:header-canon",
        lambda: frozenset(canonical(w) for c in table.columns for w in header_words(c.name)),
    )
    if (
        canon not in header_canon
        and role_of(word, typos=False) is None
        and _misspelt_row_noun(word, table)
    ):
        return True  # 'tickts opened in May': a misspelt noun for the rows
    # Reading the columns' values costs a pass over them: only for a word a header holds, or
    # a word for people.
    if word not in PEOPLE_NOUNS and canon not in header_canon:
        return False
    # 'products' beside an Item column keying the rows ('product' and 'item' are one).
    nouns = _key_nouns(table)
    return word in nouns or canon in {canonical(n) for n in nouns}


def unaccounted(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[ColumnMatch],
    used: Sequence[tuple[int, int]],
    table: Table,
    *,
    verbs_free: bool = False,
    taught: frozenset[str] = frozenset(),
    read: Collection[str] = (),
) -> list[Leftover]:
    """The words a reading leaves unused: column mentions it did not read, and other words that
    are neither command words nor row nouns.

    Args:
        tokens: The command's tokens.
        mentions: The column mentions interpretation accepted.
        used: The character spans the reading used (mentions it read, conditions, N ...).
        table: The table (for its row nouns).
        taught: Words the user taught as command words (corrections).
        read: The columns the reading reads or tests (a verb naming one of them is used).
        verbs_free: Verbs of any kind may stand unused (a lookup fixed by a value: 'which city
            is Ann based in'); otherwise only the common verbs of the command language may.
    """

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in used)

    used = [*used, *((m.start(), m.end()) for m in _PHRASES.finditer(text))]
    left: list[Leftover] = []
    unused = [m for m in mentions if not inside(m.start, m.end)]
    for m in unused:
        words = [t for t in tokens if m.start <= t.start < m.end]
        # 'projects' naming a Project column that keys the rows is the row noun, not a column.
        # A free verb or a misspelt command word is no excuse for a header it names ('March'
        # on a table of months is no verb, nor 'match' misspelt).
        if (
            words
            and not _names_measure(m, words, table, read)
            and all(_is_command_word(t, table, False, typos=False, read=read) for t in words)
        ):
            continue
        left.append(Leftover(m.words, m.start, m.end, m.column.name))
    for t in tokens:
        if not any(ch.isalpha() for ch in t.norm) or inside(t.start, t.end):
            continue
        if any(m.start <= t.start < m.end for m in unused):
            continue
        # 'average spend', 'total pay': a verb right after a word for an aggregate is the
        # noun it aggregates; on a table holding no money it names nothing there.
        noun = bool(_AFTER_AGGREGATE.search(text[: t.start])) and not _holds_money(table)
        if t.norm in taught or _is_command_word(t, table, verbs_free, verbs=not noun, read=read):
            continue
        left.append(Leftover(t.lower, t.start, t.end))
    bearing = [m.span() for m in _BEARING.finditer(text)]
    bearing += [m.span("bound") for m in _BOUND_AFTER.finditer(text)]
    left += [
        Leftover(text[start:end], start, end, bearing=True)
        for start, end in sorted(bearing)
        if not inside(start, end) and not any(w.start <= start < w.end for w in left)
    ]
    return sorted(left, key=lambda w: w.start)


def _names_measure(
    mention: ColumnMatch, words: Sequence[Token], table: Table, read: Collection[str]
) -> bool:
    """A header said in full or by its synonym that picks rows or is a figure: a yes/no
    column ('average age of first-time donors') or a number column named by a word of no role
    in the command language ('how much did the trees cost'); no command word excuses it. A
    word of money is the reading's when it reads money already ('how much did Nora spend, as
    Bottles times Price')."""
    if mention.how not in ("exact", "synonym", "letter"):
        return False
    if is_flag_column(table, mention.column):
        return True
    if _MONEY_HEADER.search(mention.column.name) and any(_MONEY_HEADER.search(c) for c in read):
        return False
    return mention.column.kind is ColumnKind.NUMBER and any(
        role_of(t.norm, typos=False) is None for t in words
    )


# Command words that change the answer, so a reading that did not use them would answer
# another question: a negation ('orders not shipped', "haven't paid", 'except West') and the
# bounds of a comparison ('at least 3', 'up to 10', '5 or more'). The lexicon lets them stand
# anywhere as words of the command language; they count as used only inside what the reading
# used (the condition they negate or bound).
_BEARING = re.compile(
    r"\b(?:no\s+(?:more|less|fewer|later|earlier)\s+than|"
    r"not|never|without|non|none|nothing|nobody|neither|nor|except|excluding|exclude|"
    r"(?<!yes/)(?<!yes or )no(?!\s*[./])|"  # not 'yes/no', nor 'No.' (a number)
    r"(?:isn|aren|wasn|weren|don|doesn|didn|hasn|haven|hadn|won|wouldn|shouldn|couldn)"
    r"(?=['’]?t\b)|"
    r"at\s+(?:least|most)|up\s+to)\b",
    re.I,
)
# A bound after a number ('4.5 or higher', '5 items or more'); not a second comparison
# ('over 300 pages and under 4 stars').
_BOUND_AFTER = re.compile(
    r"\d[\d.,]*\s*[%kmb]?(?:\s+[a-z]+){0,2}?\s+(?P<bound>(?:or|and)\s+(?:more|less|fewer|"
    r"above|over|below|under|higher|lower|greater|up|later|earlier|newer|older))\b"
    r"(?!\s+(?:than\s+)?[\d$€£])",
    re.I,
)


# Fixed phrases of the command language whose words would not pass one by one.
_PHRASES = re.compile(
    r"\b(year|month|quarter|week|day)[\s-]+(?:over|on|to)[\s-]+\1\b|\b(?:yoy|mom|qoq|wow)\b|"
    r"\bbreak\s+(?:it\s+|this\s+|that\s+)?down\b(?=.*\b(?:by|per)\b)|"
    r"\b(?:add(?:ed|s)?|summ?ed|totall?ed)\s+up\b|\bsingle(?=\s+(?:most|least|\w+est)\b)|"
    r"\byes\s*(?:/|or)\s*no\b|"  # 'by paid yes/no': the two answers of a yes/no column
    # Which rows an average reads (planner.granularity): 'every cell', 'row totals', 'once per'.
    rf"{EVERY_CELL.pattern}|\brow\s+totals?\b|{ONCE_PER.pattern}",
    re.I,
)


def _holds_money(table: Table) -> bool:
    return table.memo(
        "coverage:money", lambda: any(_MONEY_HEADER.search(c.name) for c in table.columns)
    )


_MONEY_HEADER = re.compile(
    r"[$€£¥]|\b(?:price|cost|amount|revenue|sales|salary|wage|pay|fee|fees|spend|spent|budget|"
    r"income|profit|paid|value|total|usd|eur|gbp)\b",
    re.I,
)
_AFTER_AGGREGATE = re.compile(r"\b(?:average|avg|mean|median|total)\s+$", re.I)


def _is_command_word(
    token: Token,
    table: Table,
    verbs_free: bool,
    *,
    typos: bool = True,
    verbs: bool = True,
    read: Collection[str] = (),
) -> bool:
    for form in dict.fromkeys((token.norm, token.lower, normalize_word(token.lower))):
        if role_of(form, typos=False) is not None or is_row_noun(form, table):
            return True
        if form in _units(table):
            return True  # 'distance in km' beside a header 'Distance (km)
    if verbs and (is_common_verb(token.lower) or (verbs_free and is_verb(token.lower))):
        return True
    if verb_of_header(token.lower, table) and not sorts_rows(token.lower, table, read):
        return True  # 'samples tested since May' beside a Test column
    if verb_of_rows(token.lower, table):
        return True  # 'who has claimed the most' where the rows are claims
    if not typos:
        return False
    # A misspelt command word ('avrage') or noun for the rows ('oders' in a sheet of Orders).
    return role_of(token.lower) is not None or any(
        _misspelt_row_noun(form, table) for form in (token.norm, token.lower)
    )


def verb_of_rows(word: str, table: Table) -> bool:
    """'claimed' where the rows are claims, 'ordering' on a sheet of Orders, 'shipped' on a
    sheet of Shipments, 'paid' on a sheet of Payments: making a row."""
    bases = [word[: -len(x)] for x in ("ed", "d", "ing") if word.endswith(x)]
    bases += [b[:-1] for b in bases if len(b) > 4 and b[-1] == b[-2]]  # 'shipped' -> ship
    bases += [_IRREGULAR[word]] if word in _IRREGULAR else []
    nouns = row_nouns(table) - GENERIC_ROW_NOUNS
    return any(len(b) >= 3 and (b in nouns or b + "ment" in nouns) for b in bases)


# Past forms of the verbs that make rows, when they do not end in -ed.
_IRREGULAR = {"paid": "pay", "sold": "sale", "bought": "buy", "spent": "spend", "sent": "send"}


def _misspelt_row_noun(word: str, table: Table) -> bool:
    """One edit from a noun for the rows, same first letter, both of four letters or more."""
    return len(word) >= 4 and any(
        len(noun) >= 4 and noun[0] == word[0] and DamerauLevenshtein.distance(word, noun) <= 1
        for noun in row_nouns(table)
    )
