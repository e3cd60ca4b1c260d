"""The Plan IR: what to compute, independent of how a command was understood or executed.

Every front end (the classifier, later the LLM plan tier, a user-edited plan) produces a
:class:`Plan`; every backend (pandas, Excel formula, edits) consumes one. Plans are frozen,
do no I/O and round-trip through plain dicts (``to_dict``/``from_dict``), which is how a model's
JSON answer becomes a plan without ever being evaluated.

Example:
    >>> plan = Plan(sheet="Sales", op=Aggregate(AggFunc.AVERAGE, "Sales"))
    >>> Plan.from_dict(plan.to_dict()) == plan
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Literal

from nlsheet.errors import NotUnderstoodError

__all__ = ["AggFunc", "Aggregate", "Op", "Plan"]


class AggFunc(StrEnum):
    """Aggregate functions over one column."""

    SUM = "sum"
    AVERAGE = "average"
    COUNT = "count"
    MIN = "min"
    MAX = "max"
    MEDIAN = "median"

    @property
    def needs_numbers(self) -> bool:
        """True when the function only makes sense on numbers (dates allowed for min/max)."""
        return self is not AggFunc.COUNT


@dataclass(frozen=True)
class Aggregate:
    """One aggregate over a column, or a count of the table's rows when ``column`` is None.

    Attributes:
        func: The aggregate function.
        column: The column's header name, as in ``Table.columns``; None counts rows.
    """

    func: AggFunc
    column: str | None = None
    kind: ClassVar[Literal["aggregate"]] = "aggregate"

    def to_dict(self) -> dict[str, Any]:
        """Return the op as plain data."""
        return {"op": self.kind, "func": self.func.value, "column": self.column}


Op = Aggregate


@dataclass(frozen=True)
class Plan:
    """A complete plan: the sheet whose table it runs on and the operation.

    Attributes:
        sheet: The sheet's name.
        op: The operation.
    """

    sheet: str
    op: Op

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as JSON-ready data."""
        return {"sheet": self.sheet, **self.op.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """Build a plan from plain data (such as a model's JSON answer), validating every field.

        Raises:
            NotUnderstoodError: If the data does not describe a known operation.
        """
        sheet = data.get("sheet")
        op = data.get("op")
        if not isinstance(sheet, str) or not sheet:
            raise NotUnderstoodError(
                f"expected a plan with a 'sheet' name, found {sheet!r}",
                expected="a sheet name",
                found=repr(sheet),
                where="plan.sheet",
            )
        if op == Aggregate.kind:
            func = data.get("func")
            column = data.get("column")
            try:
                agg = AggFunc(str(func))
            except ValueError as exc:
                raise NotUnderstoodError(
                    f"expected an aggregate function ({', '.join(f.value for f in AggFunc)}), "
                    f"found {func!r}",
                    expected=", ".join(f.value for f in AggFunc),
                    found=repr(func),
                    where="plan.func",
                ) from exc
            if column is not None and not isinstance(column, str):
                raise NotUnderstoodError(
                    f"expected a column name or null, found {column!r}",
                    expected="a column name or null",
                    found=repr(column),
                    where="plan.column",
                )
            return cls(sheet=sheet, op=Aggregate(agg, column))
        raise NotUnderstoodError(
            f"expected a known operation ('aggregate'), found {op!r}",
            expected="aggregate",
            found=repr(op),
            where="plan.op",
        )
