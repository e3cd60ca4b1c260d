"""'Who' asks for a person: an answer from a column of no one is refused.

'who pays the lease on U105' answered with the Lease Amount, or 'who won the race on 18 May'
answered with the race's name, gives a value the question did not ask for. When the table has
a column of people and the column the words picked holds none, nlsheet refuses and names the
people's column. A column named right after 'who is' / 'who was' ('who was the opponent on 3
May') is what is asked, whatever it holds; said elsewhere ('who won the race', 'who raced',
'who managed the store') it is what the person did something to.
"""

from __future__ import annotations

import re

from nlsheet.nlu.context import ColumnMatch
from nlsheet.nlu.coverage import people_columns
from nlsheet.nlu.text import header_words
from nlsheet.planner.context import Context
from nlsheet.workbook.table import ColumnKind

__all__ = ["WHO_MAY_ASK", "WHO_OPENS", "refuse_who_of_no_one"]

# A question opening with 'who': it asks for a person (or a team, a winner ...).
WHO_OPENS = re.compile(r"^\s*(who|whom|whose)\b", re.I)
# 'who is the', 'who was': the column said right after is what is asked.
_WHO_IS = re.compile(
    r"^\s*who\s*(?:is|was|are|were|'s|will\s+be)\s+(?:(?:the|a|an|their|his|her)\s+)?", re.I
)
# Headers a 'who' question may ask for though no person is in them.
WHO_MAY_ASK = frozenset(
    {"winner", "incumbent", "director", "champion", "team", "opponent", "club", "band"}
)


def refuse_who_of_no_one(ctx: Context, mention: ColumnMatch) -> None:
    """Refuse answering a 'who' question from a column of no one, when the table names people
    elsewhere: a number ('who pays the lease on U105' is no Lease Amount) or, after a verb,
    a column of other things said anywhere but right after 'who is' ('who won the race on 18
    May' and 'who raced on 18 May' are no Race; 'who was the opponent' is the Opponent).

    Raises:
        NotUnderstoodError: Naming the column the words picked and the people's column.
    """
    text = ctx.interp.text
    target = mention.column
    if not WHO_OPENS.match(text):
        return
    people = people_columns(ctx.table)
    if not people or target in people:
        return
    if target.kind is ColumnKind.TEXT:
        said = _WHO_IS.match(text)
        if mention.how == "implied" or (said is not None and mention.start == said.end()):
            return
        if set(header_words(target.name)) & WHO_MAY_ASK:
            return
    raise ctx.refuse(
        f"'who' asks for a person ({', '.join(c.name for c in people)}), but the words "
        f"named {target.name}, which holds no people",
        f"which of {', '.join(c.name for c in people)} to show",
    )
