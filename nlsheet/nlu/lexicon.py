"""The command language's own words, listed by role: what a word may be when it names nothing
in the table.

Every content word of a command must be used by the reading nlsheet answers: a column, a cell
value, a quantity, a date, or one of the words listed here (an aggregate, comparison or ordering
word, a row noun, a function word). Anything else is a word nlsheet did not understand, and an
answer that ignored it could be wrong without anyone noticing ("how many females" counting every
row). The lists are deliberately closed: a word is added because it plays its role in any table,
never because one question needed it.

Example:
    >>> role_of("average"), role_of("females")
    ('aggregate', None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.nlu.text import Token, canonical, normalize_word

__all__ = [
    "AMOUNT_NOUNS",
    "GENERIC_ROW_NOUNS",
    "NEGATIONS",
    "PEOPLE_NOUNS",
    "PERSON_NOUN",
    "ROLES",
    "ROW_NOUN_SYNONYMS",
    "TRADED_AFTER",
    "VALUE_SYNONYMS",
    "in_digits",
    "is_amount_noun",
    "role_of",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in text.split())


# Each role: the words that play it, normalised (singular, lower case).
ROLES: dict[str, frozenset[str]] = {
    "function": _words(
        """a an the of for in on at to from by with and or is are was were be been being am
        it its this that these those there here what whats which who whom whose how when where
        why me my our ours your their them they we us i you he she his her him s t ll re ve d
        do does did doing have has had having can could would should will shall may might
        must please pls plz thanks thank kindly just only also all any each every some both
        either neither whole entire overall altogether together than then as so such into onto
        within off up down about across among per via if whether ever yet still too very
        really actually currently again one ones thing things stuff i'd let lets ok okay hey hi
        hello quick quickly now right exactly approximately roughly about same other another
        else own respectively possible possibly associated"""
    ),
    "request": _words(
        """show tell give get find list display return report work figure calculate compute
        determine what's know see want need like wondering wonder look lookup pull fetch bring
        name identify count tally sum add total tot print output provide let make check tell
        answer"""
    ),
    "aggregate": _words(
        """total totals sum summed sums summing tally average averages avg mean means median
        count counted counts number numbers many much amount quantity headcount
        min minimum max maximum
        lowest highest least most smallest largest biggest greatest fewest cheapest priciest
        dearest longest shortest oldest newest youngest latest earliest recent recently fastest
        slowest
        heaviest lightest tallest best worst top bottom first last percent percentage share
        fraction proportion ratio rate std standard deviation variance var percentile quartile
        pct stdev stddev sd var sigma yoy distinct unique different separate individual kind
        type variety mode common
        frequent often usually typical correlation correlate correlated relationship trend
        slope intercept forecast predict projection growth grow grew grown change increase decrease
        difference value figure spread range combined grand cumulative aggregate overall
        much"""
    ),
    "compare": _words(
        """over under above below more less greater fewer larger smaller bigger higher lower
        longer shorter older newer earlier later after before since until till between and
        from to at least most exceed exceeds exceeding exceeded beyond within equal equals
        exactly not no non without except excluding other than but neither nor none isn
        isnt aren arent wasn wasnt weren werent don dont doesn doesnt didn didnt never nothing
        contain contains containing contained include includes including included mention
        mentions mentioning mentioned start starts starting started begin begins beginning
        end ends ending like say says saying said word text named called blank empty missing
        null filled present set having lack lacking same match matches matching whose"""
    ),
    "group": _words(
        """by per each every grouped group groups broken breakdown split across for against
        versus vs respective"""
    ),
    "ordering": _words(
        """rank ranked ranking order ordered sorted sort ascending descending largest smallest
        top bottom highest lowest first last next previous prior"""
    ),
    # Calendar words themselves (months, quarters, 'monthly') are not listed: a period must be
    # used by a condition or a grouping, or the answer would ignore it.
    "period": _words("during through throughout"),
    "quantity": _words(
        """k thousand thousands m million millions bn billion billions hundred hundreds dozen
        percent pct $ € £ ¥ % usd eur gbp dollar dollars euro euros pound pounds"""
    ),
    "arithmetic": _words("times multiplied divided plus minus by over into x"),
}

# Words that turn a yes/no or status word into its opposite ('not paid', 'never renewed').
NEGATIONS = frozenset(
    {"not", "no", "non", "never", "without", "isn", "aren", "wasn", "weren"}
    | {"wouldn", "shouldn", "couldn", "mustn"}
)

# Words that name a table's rows whatever the table holds.
GENERIC_ROW_NOUNS = _words("row rows record records entry entries line lines item items case")
# Other everyday names for the rows a sheet's name gives ('claims' on a sheet of Expenses,
# 'jobs' on one of Work Orders), normalised.
ROW_NOUN_SYNONYMS = {
    "expense": ("claim",),
    "order": ("purchase",),
    "ticket": ("request",),
    "deal": ("opportunity", "opp"),
    "invoice": ("bill",),
    "member": ("subscriber",),
    "sample": ("specimen",),
    "store": ("shop", "branch", "outlet"),
    "shop": ("store", "branch", "outlet"),
    "booking": ("reservation",),
    "reservation": ("booking",),
    "listing": ("home", "property"),
    "property": ("home", "listing"),
    "trip": ("journey", "run"),
    "shipment": ("parcel", "package", "consignment"),
    "response": ("respondent", "submission"),
    "candidate": ("applicant",),
    "applicant": ("candidate",),
    "issue": ("bug", "defect"),
    "bug": ("issue", "defect"),
    "work order": ("job", "task", "request"),
    "job": ("task", "request"),
    "session": ("lesson",),
    "lesson": ("session",),
    "performance": ("show",),
    "visit": ("appointment",),
    "appointment": ("visit",),
    "sale": ("transaction",),
    "transaction": ("sale",),
    "loan": ("checkout",),
    "payroll": ("payslip",),
}
# Nouns for people whatever the table calls them, when its rows are people ('the oldest person',
# 'how many staff are in Legal'), normalised.
PEOPLE_NOUNS = frozenset(
    {"people", "person", "individual", "staff", "employee", "worker", "personnel"}
    | {"member", "colleague", "teammate"}
)
# The same nouns as typed in a command ('employees', 'staff member').
PERSON_NOUN = re.compile(
    r"\b(staff\s+members?|persons?|people|individuals?|staff|employees?|workers?|personnel|"
    r"members?|colleagues?|teammates?)\b",
    re.I,
)
# Nouns for an amount, by their synonym group's first word ('revenue' is 'sales'): they name
# what the numbers are, never rows ('umbrella sales' in a sheet called Sales).
AMOUNT_NOUNS = frozenset(
    {"sales", "quantity", "amount", "price", "cost", "salary", "profit", "total"}
)


def is_amount_noun(token: Token) -> bool:
    """Whether a word names an amount ('sales', 'revenue', 'units'), as typed or singular."""
    return canonical(token.norm) in AMOUNT_NOUNS or canonical(token.lower) in AMOUNT_NOUNS


_ALL: dict[str, str] = {}
for _role, _members in ROLES.items():
    for _word in _members:
        _ALL.setdefault(_word, _role)


def role_of(word: str, *, typos: bool = True) -> str | None:
    """The role a word plays in the command language, or None when it is no such word.

    ``word`` is a normalised token (:func:`nlsheet.nlu.text.normalize_word`). With ``typos``,
    a misspelling one edit away from a listed word of five letters or more, with the same first
    letter, plays that word's role ('avrage', 'totl'); a word of four letters is read so only
    as an aggregate word ('totl'), since short words collide ('note' is no typo of 'none').
    A function word is reached only by two letters swapped ('whcih'), and a comparative not
    from its base: the other words one edit from them are mostly words of their own ('small'
    and 'shall', 'large' and 'larger').
    """
    role = _ALL.get(word)
    if role is not None or not typos or len(word) < 4:
        return role
    for known, known_role in _ALL.items():
        if known in (word + "r", word + "er"):
            continue  # 'large' is no 'larger'
        if known_role == "function" and sorted(known) != sorted(word):
            continue  # 'whcih' is 'which' typed fast; 'small' is no 'shall', 'staff' no 'stuff'
        if (
            len(known) >= 5
            and known[0] == word[0]
            and (len(word) >= 5 or known in ROLES["aggregate"])
            and abs(len(known) - len(word)) <= 1
            and DamerauLevenshtein.distance(word, known) <= 1
        ):
            return known_role
    return None


_SPELT_NUMBERS = {
    "zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "fifty": "50", "hundred": "100",
}  # fmt: skip
_SPELT_NUMBER = re.compile(rf"\b(?:{'|'.join(_SPELT_NUMBERS)})\b", re.I)


_ONE_UNIT = re.compile(
    r"\b((?:under|over|below|above|than|least|most|within|exceeding)\s+)an?"
    r"(?=\s+(?:hour|day|week|fortnight|minute|year|month|mile|kilo|kilogram|kg|km|litre|liter|"
    r"metre|meter|pound|dozen)\b)",
    re.I,
)


def in_digits(text: str, keep: Callable[[], Collection[str]]) -> str:
    """``text`` with numbers spelt as words written in digits ('the top three' -> 'the top 3',
    'zero sales' -> '0 sales'). 'one' stays ('which one', 'the one with'); so does a word of
    ``keep()``, the words of the table's headers and values ('Two-Door', 'Seven Seas'), read
    only when a number word is there. A unit after a comparison counts one ('under an hour' ->
    'under 1 hour')."""
    # 'under an hour', 'more than a day': one of the unit.
    text = _ONE_UNIT.sub(r"\g<1>1", text)
    if not _SPELT_NUMBER.search(text):
        return text
    kept = keep()
    return _SPELT_NUMBER.sub(
        lambda m: m.group() if m.group().lower() in kept else _SPELT_NUMBERS[m.group().lower()],
        text,
    )


def respelt(text: str, keep: Collection[str] = ()) -> str:
    """``text`` with a misspelt superlative or aggregate word spelt right ('which department
    has the higest salary' -> 'highest', 'averge' -> 'average'): a word of six letters or more,
    one edit away, with the same first letter. Words in ``keep`` (a table's header words) and
    words the command language knows stay as typed; so does a word close to several."""

    def fix(word: re.Match[str]) -> str:
        lower = word.group().lower()
        if lower in _ALL or lower in keep or normalize_word(lower) in keep:
            return word.group()
        close = [
            known
            for known in _SPELT
            if known[0] == lower[0]
            and abs(len(known) - len(lower)) <= 1
            and DamerauLevenshtein.distance(lower, known) <= 1
        ]
        return close[0] if len(close) == 1 else word.group()

    return re.sub(r"\b[A-Za-z]{6,}\b", fix, text)


# Words whose typos change the operation, and that few other words are one edit away from.
_SPELT = sorted(
    w
    for w in ROLES["aggregate"]
    if len(w) >= 6
    and (
        w.endswith("est")
        or w in {"average", "maximum", "minimum", "median", "percentage", "recently"}
    )
)


# Everyday words for values that tables spell otherwise ('how many women' -> Female).
VALUE_SYNONYMS = {
    "woman": "female",
    "women": "female",
    "lady": "female",
    "ladies": "female",
    "girl": "female",
    "man": "male",
    "men": "male",
    "gentleman": "male",
    "gentlemen": "male",
    "guy": "male",
    "boy": "male",
}


# A verb of trade or work right after an amount ('bottles sold', 'hours logged', 'miles
# driven'): the amount of many rows.
TRADED_AFTER = re.compile(
    r"^\s+(?:(?:were|was|we|did\s+we|have\s+we|we\s+have|have\s+been)\s+)?(?:sold|bought|"
    r"purchased|shipped|delivered|ordered|spent|paid|earned|received|collected|raised|donated|"
    r"harvested|picked|produced|consumed|driven|logged|worked|billed|invoiced)\b",
    re.I,
)
