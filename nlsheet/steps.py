"""Commands that change a workbook: split into steps, each understood against the table as
the steps before it left it, then applied all or nothing to one in-memory copy.

Example:
    >>> split_steps("sort by date, highlight sales over 1000 and add a total row")
    ['sort by date', 'highlight sales over 1000', 'add a total row']
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from nlsheet.backends import edits as edits_backend
from nlsheet.changes import change_to_dict
from nlsheet.errors import NotUnderstoodError
from nlsheet.nlu.change_cues import CHANGE_CUE, said_loosely
from nlsheet.nlu.interpret import Interpretation, interpret
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.readings import fits
from nlsheet.nlu.text import tokenize
from nlsheet.planner.build import check_letters
from nlsheet.planner.edits import EDIT_INTENTS, build_change
from nlsheet.result import Clarification, ColumnUse, Option, Result
from nlsheet.settings import Settings
from nlsheet.workbook.base import Workbook
from nlsheet.workbook.editor import EditSession, check_destination
from nlsheet.workbook.table import Table

__all__ = ["STATED_INTENT", "EditTarget", "StepBook", "StepEngine", "run_steps", "split_steps"]

# 'sum: sales in the north' states the intent (what a clarification's option runs).
STATED_INTENT = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(\S.*)$", re.S)

_EDIT_VERB = (
    r"(?:sort|order|arrange|alphabeti[sz]e|highlight|colou?r|shade|mark|flag|add|insert|create|"
    r"make|put|copy|move|format|bold|fill|freeze|fit|autofit|widen|rename|remove|delete|"
    r"dedupe|de-dupe|filter|show|hide|chart|plot|graph|draw|pivot|summari[sz]e|build|apply|"
    r"turn|set|give|[a-z_]+:)"
)
_STEP_BREAK = re.compile(
    r"\s*;\s*|\s*,\s*(?:and\s+)?(?:then\s+)?(?=" + _EDIT_VERB + r"\b)"
    r"|\s+(?:and\s+)?then\s+(?=" + _EDIT_VERB + r"\b)|\s+and\s+(?=" + _EDIT_VERB + r"\b)",
    re.I,
)


# Words that ask for a change besides CHANGE_CUE's and the examples' own ('change Pos to
# Position', 'show tax rate as 20%', 'order employees by start date', 'only keep distinct rows').
_ALSO_ASKS = re.compile(
    r"\b(?:chang\w*|show\w*|display\w*|only|keep|order|pie|kpis?|tabulat\w*|roll\s*-?\s*up|"
    r"totals?|tint\w*|plug|fix|stop|give|calculat\w*|new|visuali[sz]e)\b",
    re.I,
)
_OPENS_WITH_VERB = re.compile(
    r"^(?:(?:please|pls|kindly|now|first|then|also|can|could|would|will)\s+"
    r"(?:you\s+)?(?:please\s+)?)?" + _EDIT_VERB + r"\b",
    re.I,
)


def split_steps(command: str) -> list[str]:
    """Split "sort by date, highlight sales over 1000 and add a total row" into its steps.

    A step starts at ';', or after ',', 'then' or 'and' followed by a verb that changes things
    ('highlight', 'add', 'sort' ...) -- when the command itself opens with such a verb: "there
    are blanks in manager, copy the value from above" and "sort by region then by sales" stay
    one step each.
    """
    if ";" not in command and not _OPENS_WITH_VERB.match(command.strip()):
        return [command.strip(" ,.")]
    pieces = [p.strip(" ,.") for p in _STEP_BREAK.split(command)]
    return [p for p in pieces if p]


@dataclass(frozen=True)
class EditTarget:
    """Where a change goes: ``save`` (a new file), ``in_place``, or neither (a dry run)."""

    save: str | os.PathLike[str] | None = None
    in_place: bool = False


class StepBook(Protocol):
    """What the steps need of a book: its workbook, and what a result asks of its book
    (:class:`nlsheet.Book` is one)."""

    @property
    def workbook(self) -> Workbook: ...

    def ask(self, command: str, sheet: str | None = None) -> Result: ...

    def correct(
        self,
        command: str,
        intent: str,
        columns: Mapping[str, str] | None = None,
        sheet: str | None = None,
    ) -> Result: ...


class StepEngine(Protocol):
    """What the steps need of the engine (:class:`nlsheet.Nlsheet` is one): its settings and
    model, and how it asks when an intent is unclear. The engine passes itself, so this module
    does not import it."""

    @property
    def settings(self) -> Settings: ...

    @property
    def model(self) -> NluModel: ...

    def intent_question(self, interp: Interpretation) -> Clarification | None: ...

    def clarify(
        self,
        interp: Interpretation,
        table: Table,
        question: Clarification,
        notes: list[str],
        book: StepBook,
    ) -> Result: ...


def run_steps(
    engine: StepEngine,
    book: StepBook,
    table: Table,
    pieces: list[str],
    target: EditTarget | None,
    first: Interpretation | None = None,
) -> Result | None:
    """Understand and apply each step of a command that changes the workbook, in order,
    to one in-memory copy; then write it (or not, for a dry run). Each step is read
    against the table as the steps before it left it. None when the first step is a
    question, not a change. ``first`` is the first step's interpretation, when the caller
    has it already."""
    target = target or EditTarget()
    path = getattr(book.workbook, "path", None)
    source = Path(path) if path is not None else None
    out = Path(target.save) if target.save is not None else None
    check_destination(source, out, target.in_place, engine.settings.data_dir)
    described: list[dict[str, Any]] = []
    used: list[ColumnUse] = []
    check_letters(" ".join(pieces), table)
    session: EditSession | None = None
    sheet = table.sheet
    for n, typed in enumerate(pieces, 1):
        stated = STATED_INTENT.match(typed)
        intent, piece = None, typed
        if stated is not None and stated.group(1).lower() in EDIT_INTENTS:
            intent, piece = stated.group(1).lower(), stated.group(2)
        current = session.table(sheet) if session is not None else table
        if n == 1 and first is not None and intent is None:
            interp = first
        else:
            interp = interpret(piece, current, engine.model, engine.settings, intent)
        if interp.intent not in EDIT_INTENTS:
            if len(pieces) > 1 and interp.intent != OUT_OF_SCOPE and n == 1:
                return None  # a question that happens to contain 'and'
            raise NotUnderstoodError(
                f"step {n} {piece!r} does not read as a change to the workbook (best guess "
                f"{interp.intent}); a command with several steps may only change things",
                expected="sort, filter, format, highlight, add column, chart, pivot ...",
                found=piece,
                where=f"step {n}",
            )
        if intent is None and not engine.settings.accepts(
            interp.intent, interp.confidence, interp.alternatives, interp.ranked
        ):
            question = engine.intent_question(interp)
            if question is not None:
                return _step_question(engine, book, current, pieces, n, interp, question)
        if intent is None and not _words_ask_for(interp, current, engine.model):
            raise NotUnderstoodError(
                f"step {n} {piece!r} reads most like {interp.intent.replace('_', ' ')}, but no "
                "word of it asks for that change; say what to do (sort, highlight, add a "
                "column ...) or ask a question",
                expected=f"a word asking to {interp.intent.replace('_', ' ')}",
                found=piece,
                where=f"step {n}",
            )
        change = build_change(interp, current)
        if session is None:
            session = EditSession(source, [table])
        session.apply(change, sheet, edits_backend.apply)
        used.extend(ColumnUse.of(m) for m in interp.columns if ColumnUse.of(m) not in used)
        described.append(
            {
                "step": n,
                "command": piece,
                "intent": interp.intent,
                "confidence": round(interp.confidence, 4),
                "does": change.describe(),
                "change": change_to_dict(change),
            }
        )
    assert session is not None  # pieces is never empty
    outcome = session.finish(
        out=out,
        in_place=target.in_place,
        data_dir=engine.settings.data_dir,
        command=" ; ".join(pieces),
    )
    return Result(
        command=" ; ".join(pieces),
        value="; ".join(d["does"] for d in described),
        intent=described[0]["intent"] if len(described) == 1 else "steps",
        confidence=min(d["confidence"] for d in described),
        columns=tuple(used),
        sheet=sheet,
        changes=tuple(outcome.changes),
        notes=tuple([*outcome.notes, *table.notes]),
        steps=tuple(described),
        _book=book,
    )


def _words_ask_for(interp: Interpretation, table: Table, model: NluModel) -> bool:
    """Whether the words ask for the change read: its slots are there, and a word asks for a
    change or is one its examples use ('profit by location' fits no column width, however like
    'autofit' it looks to the classifier); or the user taught a word of it as a command word."""
    if {t.norm for t in interp.tokens} & interp.taught:
        return True
    if not fits(interp.intent, interp.text, interp.frame, table, interp.masked):
        return False
    cues = model.change_words.get(interp.intent, frozenset())
    said = {t.norm for t in tokenize(interp.masked)}
    return bool(said & cues or _ALSO_ASKS.search(interp.masked)) or said_loosely(
        interp.masked, CHANGE_CUE, sorted(cues)
    )


def _step_question(
    engine: StepEngine,
    book: StepBook,
    table: Table,
    pieces: list[str],
    n: int,
    interp: Interpretation,
    question: Clarification,
) -> Result:
    """Ask about one unclear step; each option is the whole command with that step's
    intent stated, so choosing it runs every step."""
    options = []
    for option in question.options:
        chosen = [*pieces]
        chosen[n - 1] = option.command
        options.append(Option(option.label, " ; ".join(chosen)))
    prefix = f"Step {n} ({pieces[n - 1]!r}): " if len(pieces) > 1 else ""
    clarification = Clarification(prefix + question.question, tuple(options))
    return engine.clarify(interp, table, clarification, [], book)
