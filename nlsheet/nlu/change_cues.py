"""Which changes the words ask for: a change is read only when a word asks for it ('sort',
'highlight', 'as currency', 'on a new sheet'), never from a question ('which rep sold most',
'sales by region and month'); each change intent has the cue words it needs.

Example:
    >>> change_fits("sort", "sort by date", frame)  # doctest: +SKIP
    True
    >>> change_fits("number_format", "quietest day for desserts", frame)  # doctest: +SKIP
    False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import DamerauLevenshtein

from nlsheet.nlu.binder import Frame
from nlsheet.workbook.table import ColumnKind

__all__ = ["CHANGE_CUE", "WH_QUESTION", "change_fits", "said_loosely", "traded_blanked"]

# What asks for a new sheet, chart or summary ('payroll by department' asks for none).
_SHEET_CUE = re.compile(
    r"\b(pivot\w*|summar\w*|chart\w*|plot\w*|graph\w*|draw\w*|visuali[sz]\w*|dashboard\w*|"
    r"crosstab\w*|cross-tab\w*|create|make|build|add|insert|put|new\s+(?:sheet|tab|table)|"
    r"sheet|tab|bar|bars|line|pie|column\s+chart|histogram|scatter)\b",
    re.I,
)
# A question asks for information; it does not order a change ('how many units sold when the
# price was over 20' is no highlight). Polite requests ('can you sort ...') are not this.
WH_QUESTION = re.compile(r"^\s*(what|which|who|whom|whose|when|where|why|how)\b", re.I)
_WH_CLAUSE = re.compile(r"\s[-–—:;]\s*(?:what|which|who|whose|when|where|how)\b[^.!]*\?\s*$", re.I)

# Words that ask for a change: a verb ('sort', 'highlight', 'chart') or the thing to make ('a
# pivot', 'as currency', 'descending'). Without one, 'sales by region and month' is a question.
CHANGE_CUE = re.compile(
    r"\b(sort\w*|order(?:ed)?\s+by|arrange\w*|alphabeti[sz]\w*|highlight\w*|colou?r\w*|shade\w*|"
    r"mark\w*|flag\w*|add|adding|insert\w*|create|make|put|copy|move|format\w*|bold|italic\w*|"
    r"fill\w*|freeze|frozen|fit|autofit|widen|rename\w*|remove|delete|drop|dedupe|de-dupe|"
    r"duplicates?|filter\w*|hide|chart\w*|plot\w*|graph\w*|draw|pivot\w*|summar\w*|dashboard\w*|"
    r"build|apply|turn|set|currency|decimals?|dollars?|euros?|pounds?|percentages?(?!\s+of\b)|dd|mm|yyyy|"
    r"ascending|descending|asc|desc|first|last|on\s+top|scale|bars?|heat\s*map|red|green|"
    r"yellow|blue|orange|purple|grey|gray|pink|wrap|width|header|headers|total\s+row|"
    r"only\s+show|show\s+only|just\s+show|show\s+just|only\s+the|keep\s+only|sheet|tab)\b",
    re.I,
)
_NEW_COLUMN = re.compile(r"\b(?:columns?|col|field|calculat\w*|comput\w*)\b|=", re.I)
# Removing duplicates is asked for in words of repeats ('dedupe', 'double entries', 'exact
# copies', 'one row per customer').
_DUPLICATE_CUE = re.compile(
    r"\b(?:\w*dup\w*|double\w*|unique|distinct|once|repeat\w*|identical|twice|cop(?:y|ies)|"
    r"occurrences?|same|one\s+(?:row|entry|record|line)\s+(?:per|for\s+each))\b",
    re.I,
)
# A change in percent is a figure ('percentage growth from 2020 to 2023'), unless a verb asks
# to show something so ('display growth as a percent change').
_FIGURE_IN_PERCENT = re.compile(
    r"\b(?:percent(?:age)?|%)\s+(?:growth|change|increase|decrease|rise|drop|fall|difference|"
    r"gain|loss|split|points?)\b",
    re.I,
)
_FORMAT_VERB = re.compile(r"\b(?:format\w*|display\w*|show\w*|make|turn|set|apply|style)\b", re.I)
# Words of a number format besides its verbs: 'reformat', typed 'fromat', 'as a date',
# 'month/day/year', 'thousand separators', '2 dp'.
_FORMAT_WORD = re.compile(
    r"\b\w*(?:format|fromat|formt|formatt)\w*|\bas\s+(?:a\s+)?(?:date|money|currency|"
    r"percent\w*|text|number)\b|/(?:day|month|year)\b|\b(?:separators?|dp|decimal\s+places?)\b",
    re.I,
)
_FILL_CUE = re.compile(
    r"\b(fill\w*|blanks?|empty|empties|missing|gaps?|nulls?|none|n/?a|replac\w*|"
    r"put|set|enter|write|default\w*|zeros?\s+(?:out|in)|zero[\s-]fill\w*)\b",
    re.I,
)
_HIGHLIGHT_CUE = re.compile(
    r"\b(h\w{0,3}l\w{0,2}ght\w*|colou?r\w*|shad\w*|tint\w*|darker|lighter|mark\w*|flag\w*|"
    r"bold\w*|emphasi\w*|red|green|yellow|amber|orange|blue|grey|gray|pink|purple|"
    r"stand\w*\s+out|pop|call\s+out|spot|"
    r"attention|conditional(?:ly)?\s+format\w*|heat\s*-?map\w*|gradient\w*|scale)\b",
    re.I,
)

# 'order' asks for an order as a verb or in 'in date order', never as a noun ('per order').
_ORDER = (
    r"(?:re)?order(?:ed|ing|s)?\s+(?:by|the|them|it|this|these|those|everything|all|rows|from|"
    r"in|my|our|each|with)\b|\b(?:in|into)\s+(?:\w+\s+){0,2}order\b|\b(?:ascending|descending|"
    r"alphabetical|chronological|reverse|numerical|numeric|date|size|increasing|decreasing)\s+"
    r"order\b|\breorder\w*|\bordered\b"
)
_SORT_CUE = re.compile(
    # 'sort' and its typos ('srot', 'sorrt'), not 'starters', 'shirts' or 'sports'.
    r"\b(sort\w*|s[aeiou]{0,2}r{1,2}[aeiou]?t+(?:s|ed|ing)?|" + _ORDER + r"|arrang\w*|"
    r"alphabet\w*|rank\w*|ascend\w*|descend\w*|"
    r"asc|desc|a\s*-?\s*(?:to|2)\s*-?\s*z|z\s*-?\s*(?:to|2)\s*-?\s*a|first|last|top|bottom|"
    r"chronolog\w*|reverse\w*|organi[sz]\w*|increasing|decreasing|"
    r"(?:high|low|most|least|big|small|large)\w*\s+to\s+(?:high|low|most|least|big|small|large)\w*|"
    r"list\w*(?:\s+\w+){0,4}\s+by)\b",
    re.I,
)


def traded_blanked(text: str, frame: Frame) -> str:
    """The command with 'ordered' blanked where it follows a number column ('quantity ordered',
    'units ordered'): a verb of trade, not an order of rows."""
    for m in frame.free:
        after = re.match(r"\s+ordered\b", text[m.end :], re.I)
        if m.column.kind is ColumnKind.NUMBER and after is not None:
            text = text[: m.end] + " " * after.end() + text[m.end + after.end() :]
    return text


def _asks_for_sheet(text: str) -> bool:
    """A word asking for a new sheet, chart or summary, also misspelt ('pivto', 'dashbord')."""
    cues = ("pivot", "dashboard", "summary", "chart", "graph")
    return said_loosely(text, _SHEET_CUE, cues, long_typos=True)


def said_loosely(
    text: str, pattern: re.Pattern[str], cues: Sequence[str], long_typos: bool = False
) -> bool:
    """Whether the pattern matches, or a word is one edit from a cue of four letters or more
    (with ``long_typos``, two edits from a cue longer than six)."""
    if pattern.search(text):
        return True
    words = re.findall(r"[a-z]{3,}", text.lower())
    return any(
        DamerauLevenshtein.distance(w, cue) <= edits
        for w in words
        for cue in cues
        for edits in [2 if long_typos and len(cue) > 6 else 1]
        if len(cue) >= 4 and abs(len(cue) - len(w)) <= edits
    )


def change_fits(intent: str, text: str, frame: Frame) -> bool:
    """Whether the words ask for the change ``intent`` names (see the module's docstring)."""
    # 'quantity ordered by category': a verb of trade, not an order of rows.
    text = traded_blanked(text, frame)
    if intent == "remove_duplicates" and not _DUPLICATE_CUE.search(text):
        return False  # 'finishers by race and category' removes nothing
    if (
        intent == "number_format"
        and _FIGURE_IN_PERCENT.search(text)
        and not _FORMAT_VERB.search(text)
    ):
        return False  # 'percentage growth from Feb to Aug' asks for a figure
    if intent == "number_format" and not (
        CHANGE_CUE.search(text) or _FORMAT_VERB.search(text) or _FORMAT_WORD.search(text)
    ):
        return False  # 'quietest day of the week for desserts' formats nothing
    if intent == "fill_blanks" and not _FILL_CUE.search(text):
        return False  # 'products with zero sales in January' fills nothing
    if intent == "add_column" and not (CHANGE_CUE.search(text) or _NEW_COLUMN.search(text)):
        return False  # 'fuel plus tolls by depot' asks for totals, not a new column
    # A highlight is asked for with a word of colour or emphasis; a bare description of
    # rows ('claims above £1,200') is a question.
    if intent in ("highlight", "color_scale") and not _HIGHLIGHT_CUE.search(text):
        # 'value for Narnia in 2019' asks for no colour.
        return False
    if intent == "sort" and not _SORT_CUE.search(text):
        return False  # 'sales by customer' asks for totals, not for an order
    if intent in ("pivot", "chart", "dashboard") and not _asks_for_sheet(text):
        return False  # 'revenue by region and status' is a question, not a new sheet
    # 'biggest order by value - which order id?': a question after a dash is still one.
    return not WH_QUESTION.match(text) and not _WH_CLAUSE.search(text)
