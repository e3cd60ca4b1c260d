"""Plans that would answer without meaning: checked before anything is computed.

- A number said to be equal to something no row holds ('teams with a score of 412' where no
  row has 412) means the number was tied to the wrong column, or the rows do not exist; either
  way an answer over no rows would look like a result. Text values are only linked when a cell
  holds them; numbers get the same test.
- An aggregate of a column over the rows where that column equals a number ('total goals of
  the player with shirt 9' read as Goals = 9) gives the number back: the number belongs to
  another column.
"""

from __future__ import annotations

from nlsheet.plan import AggFunc, Aggregate, Cmp, Op, Where
from nlsheet.planner.context import Context
from nlsheet.workbook.table import ColumnKind

__all__ = ["check_sense"]

_OF_ITSELF = (AggFunc.SUM, AggFunc.AVERAGE, AggFunc.MIN, AggFunc.MAX, AggFunc.MEDIAN)


def check_sense(ctx: Context, op: Op) -> None:
    """Refuse a plan whose conditions or measure make the answer meaningless.

    Raises:
        NotUnderstoodError: Naming the condition and what was found instead.
    """
    where = getattr(op, "where", None)
    if not isinstance(where, Where):
        return
    table = ctx.table
    for c in where.conditions:
        if c.cmp is not Cmp.EQ or not isinstance(c.value, float) or c.other is not None:
            continue
        column = table.column(c.column)
        if column.kind is not ColumnKind.NUMBER:
            continue
        series = table.values(c.column).series
        if not bool((series == c.value).any()) and not where.any:
            shown = int(c.value) if c.value.is_integer() else c.value
            raise ctx.refuse(
                f"no row has {c.column} equal to {shown}, so the number may belong to another "
                "column",
                f"a value of {c.column} that occurs, or the column the number belongs to",
            )
        if (
            isinstance(op, Aggregate)
            and op.func in _OF_ITSELF
            and op.measure is not None
            and op.measure.column == c.column
            and op.measure.other is None
        ):
            raise ctx.refuse(
                f"the {op.func.value} of {c.column} over the rows where {c.column} is "
                f"{c.value:g} is that number again; the number belongs to another column",
                "the column each number belongs to",
            )
