"""What an answer carries: value, formula, plan, route, confidence, columns, and how to explain it.

Example:
    >>> r = nlsheet.open("sample_workbooks/sales.xlsx").ask("average of sales")
    >>> r.formula
    '=AVERAGE(Sales!$G$2:$G$201)'
    >>> print(r.explain())
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from nlsheet.plan import Plan

if TYPE_CHECKING:
    from nlsheet.nlu.context import ColumnMatch

__all__ = ["Clarification", "ColumnUse", "Option", "Result", "Route", "Value", "json_value"]

Route = Literal["classifier", "llm"]
Value = int | float | str | None | dict[str, Any] | list[Any]


@dataclass(frozen=True)
class ColumnUse:
    """A header cell an answer used, and why.

    Attributes:
        name: The header text.
        cell: The header cell (``Sales!G1``).
        words: The words of the command that named it ('' when implied).
        score: How well the words matched the header (0..1).
        how: exact, synonym, fuzzy, partial, letter or implied.
        data_range: The data cells used (``Sales!$G$2:$G$201``).
    """

    name: str
    cell: str
    words: str = ""
    score: float = 1.0
    how: str = "exact"
    data_range: str = ""

    @classmethod
    def of(cls, match: ColumnMatch) -> ColumnUse:
        """The use of a column that words of the command matched."""
        column = match.column
        return cls(
            name=column.name,
            cell=column.header_cell,
            words=match.words,
            score=round(match.score, 3),
            how=match.how,
            data_range=column.data_range,
        )


@dataclass(frozen=True)
class Option:
    """One way to read an unclear command: a label and the command that means exactly that."""

    label: str
    command: str


@dataclass(frozen=True)
class Clarification:
    """A question back to the user, with the readings to choose from."""

    question: str
    options: tuple[Option, ...]

    def to_dict(self) -> dict[str, Any]:
        """As in the CLI's JSON ``clarification``."""
        return {
            "question": self.question,
            "options": [{"label": o.label, "command": o.command} for o in self.options],
        }


def json_value(value: object) -> Value:
    """Convert a computed value to plain JSON data (dates as ISO text, integral floats to int)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (dt.datetime, dt.date)):
        if type(value).__name__ == "NaTType":  # pandas' NaT, a blank date cell: no value
            return None
        if isinstance(value, dt.datetime) and value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        # 12 significant digits drop binary noise (3.9900000000000015 -> 3.99), as Excel shows.
        return float(f"{value:.12g}")
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return str(value)


class _Asks(Protocol):
    """What a result needs of its book: asking again, and learning a correction."""

    def ask(self, command: str, sheet: str | None = None) -> Result: ...

    def correct(
        self,
        command: str,
        intent: str,
        columns: Mapping[str, str] | None = None,
        sheet: str | None = None,
    ) -> Result: ...


@dataclass(frozen=True)
class Result:
    """An answer to one command.

    Attributes:
        command: The command as asked.
        value: The answer (number, text; later also groups and rows); None when the command
            needs clarification.
        formula: An Excel formula computing the same value live, or None when there is none.
        formula_legacy: The same for Excel before 365 (INDEX/MATCH for XLOOKUP), if different.
        formulas: For grouped answers, one formula per group.
        intent: The intent understood.
        route: How it was understood: the local ``classifier`` (or, later, an ``llm``).
        confidence: The intent's probability.
        columns: Header cells used.
        sheet: The sheet the answer comes from.
        plan: The plan executed.
        changes: Changes made to the workbook (none for questions).
        clarification: Set when nlsheet needs the user to choose; see :meth:`choose`.
        notes: What nlsheet noticed and did (sheet chosen, totals row left out ...).
        alternatives: Other intents with their probabilities.
        candidates: Every column match considered, for :meth:`explain`.
        steps: For a command that changes the workbook, its numbered steps: the words of each,
            its intent and confidence, the change as data (``change``) and in words.
    """

    command: str
    value: Value = None
    formula: str | None = None
    formula_legacy: str | None = None
    formulas: dict[str, str] = field(default_factory=dict)
    intent: str = ""
    route: Route = "classifier"
    confidence: float = 0.0
    columns: tuple[ColumnUse, ...] = ()
    sheet: str | None = None
    plan: Plan | None = None
    changes: tuple[dict[str, Any], ...] = ()
    clarification: Clarification | None = None
    notes: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float], ...] = ()
    candidates: tuple[ColumnUse, ...] = ()
    steps: tuple[dict[str, Any], ...] = ()
    _book: _Asks | None = field(default=None, repr=False, compare=False)

    @property
    def needs_clarification(self) -> bool:
        """True when nlsheet asks back instead of answering."""
        return self.clarification is not None

    def choose(self, option: int | str) -> Result:
        """Answer the clarification with one of its options (index, label or command).

        Raises:
            ValueError: If there is no clarification or no such option.
        """
        if self.clarification is None or self._book is None:
            raise ValueError("this result does not ask for a clarification")
        options = self.clarification.options
        if isinstance(option, int):
            if not 0 <= option < len(options):
                raise ValueError(f"expected an option 0..{len(options) - 1}, got {option}")
            chosen = options[option]
        else:
            matches = [o for o in options if option in (o.label, o.command)]
            if not matches:
                labels = ", ".join(repr(o.label) for o in options)
                raise ValueError(f"expected one of {labels}, got {option!r}")
            chosen = matches[0]
        return self._book.ask(chosen.command, self.sheet)

    def correct(
        self, intent: str | None = None, columns: Mapping[str, str] | None = None
    ) -> Result:
        """Teach nlsheet what this command meant, and answer it again.

        The correction is stored in the user's corrections file (with paraphrases), the model
        is retrained (well under a second), and the same command and close paraphrases are
        understood this way from now on, in every process.

        Args:
            intent: The intent the command should have (e.g. ``"average"``); this result's own
                intent when only columns are corrected.
            columns: Words of the command and the header each means (``{"regoin": "Region"}``).

        Raises:
            ValueError: If this result is not bound to a workbook.
            InputError: For an unknown intent or header.
        """
        if self._book is None:
            raise ValueError("this result is not bound to a workbook")
        return self._book.correct(self.command, intent or self.intent, columns, self.sheet)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object (``error`` is always null here; errors are raised)."""
        return {
            "value": self.value,
            "formula": self.formula,
            "formula_legacy": self.formula_legacy,
            "formulas": self.formulas or None,
            "intent": self.intent,
            "route": self.route,
            "confidence": round(self.confidence, 4),
            "columns": [{"name": c.name, "cell": c.cell} for c in self.columns],
            "changes": list(self.changes),
            "clarification": self.clarification.to_dict() if self.clarification else None,
            "error": None,
            "sheet": self.sheet,
            "plan": self.plan.to_dict() if self.plan else None,
            "notes": list(self.notes),
            "steps": list(self.steps),
        }

    def explain(self) -> str:
        """Explain, in a few lines, how the answer was found.

        Example:
            >>> print(book.ask("avrage of slaes").explain())
            intent: average (confidence 0.93, via classifier) on sheet Sales
            'slaes' -> Sales at Sales!G1 (fuzzy, score 0.86), data Sales!$G$2:$G$201
            ...
        """
        lines = [
            f"command: {self.command!r}",
            f"intent: {self.intent} (confidence {self.confidence:.2f}, via {self.route})"
            + (f" on sheet {self.sheet}" if self.sheet else ""),
        ]
        if self.alternatives:
            others = ", ".join(f"{i} {p:.2f}" for i, p in self.alternatives)
            lines.append(f"other intents: {others}")
        for c in self.columns:
            said = f"{c.words!r}" if c.words else "(implied)"
            lines.append(
                f"{said} -> {c.name} at {c.cell} ({c.how}, score {c.score:.2f})"
                + (f", data {c.data_range}" if c.data_range else "")
            )
        used = {c.cell for c in self.columns}
        others_considered = [c for c in self.candidates if c.cell not in used]
        for c in others_considered[:4]:
            lines.append(
                f"  also considered {c.words!r} -> {c.name} at {c.cell} "
                f"({c.how}, score {c.score:.2f})"
            )
        if self.plan is not None:
            lines.extend(f"plan {line}" for line in self.plan.describe())
        if self.clarification:
            lines.append(f"question: {self.clarification.question}")
        else:
            lines.append(f"value: {self.value!r}")
            lines.append(f"formula: {self.formula or 'none'}")
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)
