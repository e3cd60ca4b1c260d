"""Words of a command or a header: tokens with character spans, normal forms, synonyms.

Example:
    >>> [t.norm for t in tokenize("What's the avg Unit_Cost?")]
    ['what', 's', 'the', 'avg', 'unit', 'cost']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlsheet.workbook.table import Table

__all__ = [
    "COLUMN_TOKEN",
    "GRAMMAR_WORDS",
    "STATUS_VERBS",
    "STOPWORDS",
    "Token",
    "canonical",
    "header_vocabulary",
    "header_word_set",
    "header_words",
    "is_plural",
    "is_verb",
    "normalize_word",
    "searched_stem",
    "table_vocabulary",
    "tokenize",
    "value_vocabulary",
    "verb_stem",
    "word_after",
    "words_of",
]

# Stands for a column mention in the text the classifier sees ("average of xcolx").
COLUMN_TOKEN = "xcolx"

_WORD = re.compile(r"[^\W_]+(?:\.[0-9]+)?|[$€£%#]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "what",
        "what's",
        "whats",
        "which",
        "who",
        "whom",
        "how",
        "me",
        "my",
        "our",
        "your",
        "their",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "please",
        "can",
        "could",
        "would",
        "you",
        "tell",
        "show",
        "give",
        "get",
        "find",
        "do",
        "does",
        "did",
        "i",
        "we",
        "us",
        "s",
        "all",
        "any",
        "each",
        "every",
        "per",
        "across",
        "table",
        "sheet",
        "data",
        "rows",
        "row",
        "column",
        "col",
        "columns",
        "values",
        "value",
        "entries",
        "entry",
        "records",
        "record",
        "list",
        "overall",
        "whole",
        "entire",
        "just",
        "only",
        "value",
    ]
)

# Words that shape a command (conditions, grouping, arithmetic) rather than name anything.
GRAMMAR_WORDS = frozenset(
    """where when whose which who that with without having has have had times multiplied
    divided minus plus between and or not over under above below more less than greater fewer
    least most equal equals containing contains contain starting starts start beginning begins
    ending ends end before after since during by per each every grouped broken down split
    across no blank empty missing null top bottom first last percentile quartile isn isnt
    other except excluding apart besides but up lower higher larger smaller bigger earlier
    later newer older prior exceed exceeds exceeding beyond greatest highest lowest largest
    smallest none any some same total being been be intercept slope recently""".split()  # noqa: SIM905 - a word list reads best so
)


# Common verbs: they say what happened to a row, not which column or value it is ('who ran',
# 'votes cast', 'where was it held'). Values are linked before this list is consulted.
_VERBS = frozenset(
    """ran run runs running cast held hold holds play plays played playing win wins won
    winning lose loses lost start starts started finish finishes finished end ended come came
    go went gone take took taken make made give gave given get got sell sold buy bought pay
    paid use used call called name named feature features featured happen happened happens
    become became air aired release released write wrote written direct directed produce
    produced attend attended join joined leave left move moved serve served live lived born
    die died score scored draft drafted hire hired elect elected appear appeared work worked
    earn earned receive received record recorded build built open opened close closed
    represent represents represented belong belongs belonged list listed show showed shown
    finish placed rank ranked compete competed reach reached beat defeated face faced host
    hosted occur occurred report reported spend spent cost costs see saw seen know knew
    known bring brings brought keep kept send sent handle handles handled log logs logged
    drive drives drove driven ride rode ridden fly flew flown travel travelled traveled cover
    covered borrow borrowed lend lent book booked bill billed charge charged process processed
    collect collected generate generated sing sang sung""".split()  # noqa: SIM905 - a word list reads best so
)


# Verbs that say what a row's status is: 'how many orders were cancelled' asks for a filter, so
# they never pass as neutral words (a column or value must take them).
STATUS_VERBS = frozenset(
    """paid close closed open opened won lost finished finish cancel cancelled canceled approved
    rejected passed failed completed delivered shipped returned refunded resolved die died
    survived expired lapsed renewed withdrawn withdrew declined accepted missed""".split()  # noqa: SIM905
)


def is_common_verb(word: str) -> bool:
    """A verb of the common list that says nothing about which rows ('played', 'sold', 'held');
    status verbs ('cancelled', 'paid') are not among them."""
    return word in _VERBS and word not in STATUS_VERBS


def is_verb(word: str) -> bool:
    """A common verb or a past form of one ('ran', 'drafted', 'aired')."""
    return word in _VERBS or (len(word) > 5 and word.endswith("ed"))


# Words with the same meaning in headers, each mapped to one canonical word.
_SYNONYMS: dict[str, str] = {}
for _group in (
    "sales revenue turnover income takings",
    # Stock on hand is a quantity: 'flag rows where stock is under reorder level'.
    "quantity qty units unit pcs pieces stock onhand",
    "amount amt",
    "price unit_price",
    "cost expense expenses spend spending",
    "customer client cust buyer",
    "employee staff worker",
    "population people inhabitants residents",
    "salary pay wage wages",
    "date day",
    "product item article",
    "category cat type",
    "department dept division",
    "number num no nr #",
    "identifier id",
    "percent pct percentage",
    "average avg mean",
    "description desc",
    # What an instrument gives: 'the highest lead reading' is the Result column.
    "result reading measurement",
    "region area territory",
    "supplier vendor",
    "profit margin earnings",
    "discount disc",
    "order purchase",
    "total tot",
    "year yr",
    "month mon mo",
    # Month headers of wide tables ('Mar') answer to the month's other spelling ('March').
    "january jan",
    "february feb",
    "march mar",
    "april apr",
    "june jun",
    "july jul",
    "august aug",
    "september sep sept",
    "october oct",
    "november nov",
    "december dec",
):
    _words = _group.split()
    for _w in _words:
        _SYNONYMS[_w] = _words[0]


@dataclass(frozen=True)
class Token:
    """A word of the text: its normal form, as typed (lower case), and ``text[start:end]``."""

    norm: str
    start: int
    end: int
    lower: str = ""


# Plurals in -ves of nouns in -f or -fe ('shelves' -> shelf); 'leaves' and 'lives' are left
# out, being verbs too (and 'leave' is a day off).
_VES = {f"{stem}ves": f"{stem}{end}" for stem, end in (("shel", "f"), ("kni", "fe"), ("hal", "f"))}
_VES |= {f"{stem}ves": f"{stem}{end}" for stem, end in (("wi", "fe"), ("cal", "f"), ("loa", "f"))}
_VES |= {f"{stem}ves": f"{stem}f" for stem in ("thie", "wol", "scar", "hoo", "dwar")}


def normalize_word(word: str) -> str:
    """Lower-case and singularise a word ('Orders' -> 'order', 'Categories' -> 'category')."""
    w = word.lower()
    if w in _VES:
        return _VES[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def singular_forms(word: str) -> list[str]:
    """The singulars a plural may stand for, longest first, the word itself left out: the
    rule's ('categories' -> 'category'), and the word without its 's' or 'es', which the rule
    keeps for words in -is ('taxis' -> 'taxi') or takes too far ('boxes' -> 'box')."""
    w = word.casefold()
    forms = {normalize_word(w)}
    forms |= {w[:-1]} if w.endswith("s") else set()
    forms |= {w[:-2]} if w.endswith("es") else set()
    return sorted(forms - {w}, key=len, reverse=True)


def verb_stem(word: str) -> str:
    """A word without its verb or plural ending ('resitting' -> 'resit', 'noted' -> 'note',
    'vomited' -> 'vomit'); short words are kept whole."""
    for ending in ("ing", "ed", "d", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            # 'resitting', 'resubmitted': the consonant doubled before the ending is one.
            doubled = (
                ending in ("ing", "ed") and stem[-1] == stem[-2] and stem[-1] not in "aeioulsfz"
            )
            return stem[:-1] if doubled else stem
    return word


_VERB_ENDINGS = frozenset({"", "s", "e", "es", "ed", "d", "ing"})


def searched_stem(word: str, vocabulary: Collection[str]) -> str | None:
    """The stem to search cells for when a verb form is asked ('vomiting' -> 'vomit') and the
    cells hold another form of it too ('Vomited'): every form is then found. None when the
    word is no verb form or the cells hold only it. A plural whose singular begins it and
    stands in the cells ('collections', 'Missed collection in Feb') is searched for so too."""
    if word.endswith("s"):
        for form in singular_forms(word):
            if form != word and word.startswith(form) and form in vocabulary:
                return form
    stem = verb_stem(word)
    if stem == word or not word.endswith(("ing", "ed")):
        return None
    forms = {w for w in vocabulary if w.startswith(stem) and w[len(stem) :] in _VERB_ENDINGS}
    return stem if forms - {word} else None


def canonical(word: str) -> str:
    """The synonym group's first word for a normalised word ('revenue' -> 'sales')."""
    return _SYNONYMS.get(word, word)


def tokenize(text: str) -> list[Token]:
    """Split text into normalised word tokens with spans (camelCase and snake_case split)."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start = match.start()
        parts = _CAMEL.split(word) if not word.isupper() else [word]
        offset = start
        for part in parts:
            tokens.append(Token(normalize_word(part), offset, offset + len(part), part.lower()))
            offset += len(part)
    return tokens


def header_words(header: str, *, typed: bool = False) -> list[str]:
    """Normalised words of a header (as typed, lower case, with ``typed``), units left out.

    Example:
        >>> header_words("Unit Cost ($)")
        ['unit', 'cost']
    """
    return list(_header_words(header, typed))


@functools.lru_cache(maxsize=8192)
def _header_words(header: str, typed: bool) -> tuple[str, ...]:
    # Asked for every header at every ask: worked out once per header.
    without_units = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", header)
    # '#' in a header means 'number' ('Overall Pick #').
    tokens = [t for t in tokenize(without_units) if t.norm.isalnum() or t.norm == "#"]
    tokens = [Token("number", t.start, t.end, "number") if t.norm == "#" else t for t in tokens]
    tokens = tokens or tokenize(header)
    return tuple(t.lower if typed else t.norm for t in tokens)


def header_vocabulary(table: Table) -> frozenset[str]:
    """Normalised words of all the table's headers, brackets included."""
    return table.memo(
        "text:header-vocabulary",
        lambda: frozenset(t.norm for c in table.columns for t in tokenize(c.name)),
    )


def header_word_set(table: Table) -> frozenset[str]:
    """The headers' words as typed, lower-cased ('Weight kg' -> weight, kg), worked out once."""
    return table.memo(
        "text:header-words",
        lambda: frozenset(w.lower() for c in table.columns for w in header_words(c.name)),
    )


def sheet_words(table: Table) -> frozenset[str]:
    """Normalised words of the table's sheet name ('Orders' -> order), worked out once."""
    return table.memo("text:sheet-words", lambda: frozenset(t.norm for t in tokenize(table.sheet)))


def value_vocabulary(table: Table, name: str) -> frozenset[str]:
    """Normalised words of a text column's values ('West', 'New York' -> west, new, york)."""

    def make() -> frozenset[str]:
        distinct = {str(v) for v in table.values(name).series.dropna().unique()}
        return frozenset(t.norm for value in distinct for t in tokenize(value))

    return table.memo(f"text:value-vocabulary:{name}", make)


def table_vocabulary(table: Table) -> frozenset[str]:
    """Normalised words of the headers and of every text column's values."""
    texts = [c.name for c in table.columns if c.kind.value == "text"]
    return header_vocabulary(table).union(*(value_vocabulary(table, n) for n in texts))


def word_after(text: str, at: int) -> str | None:
    """The word right after position ``at``, normalised ('the steel products' -> 'product'), or
    None at the end of the text."""
    found = re.match(r"\s+(\w+)", text[at:])
    return normalize_word(found.group(1)) if found is not None else None


_PLURALS = frozenset({"people", "staff", "personnel", "children", "men", "women", "folks"})


def is_plural(token: Token) -> bool:
    """A plural noun as typed ('invoices', 'people'), not its singular ('invoice')."""
    return token.lower != token.norm or token.lower in _PLURALS


def words_of(text: str) -> list[str]:
    """The alphabetic words of a mention, normalised (the text itself when there are none)."""
    return [t.norm for t in tokenize(text) if t.norm.isalpha()] or [text]
