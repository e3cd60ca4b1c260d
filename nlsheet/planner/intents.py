"""Asking back when the intent is unsure: the close readings that fit the command's words and
the columns' types, each an option that runs the command with its intent stated."""

from __future__ import annotations

import dataclasses

from nlsheet.backends import pandas_exec
from nlsheet.errors import NlsheetError, NotUnderstoodError
from nlsheet.nlu.interpret import Interpretation, intent_fits_types, interpret
from nlsheet.nlu.model import OUT_OF_SCOPE, NluModel
from nlsheet.nlu.readings import names_intent
from nlsheet.planner.build import SUPPORTED_INTENTS, build
from nlsheet.planner.context import INTENT_PHRASES, Built
from nlsheet.result import Clarification, Option, json_value
from nlsheet.settings import Settings
from nlsheet.workbook.table import ColumnKind, Table

__all__ = ["intent_question", "same_answer"]


def same_answer(
    question: Clarification,
    asked: Interpretation,
    table: Table,
    model: NluModel,
    settings: Settings,
) -> tuple[Interpretation, Built] | None:
    """The first reading of a question about the intent when every reading it offers gives
    the same answer ('which area has the most critical bugs': the most frequent Area among
    the critical rows, or the Area ranked by its count of them): nothing is left to choose.
    None when an option is no stated question reading, fails, asks back, or answers
    differently. The reading keeps the classifier's confidence in ``asked``, the command as
    typed, and its alternatives: the readings agree, the words stayed unsure."""
    found: list[tuple[Interpretation, Built]] = []
    values = []
    kept = []
    for option in question.options:
        intent, _, text = option.command.partition(": ")
        if intent not in SUPPORTED_INTENTS or not text:
            return None
        try:
            interp = interpret(text, table, model, settings, intent)
            built = build(interp, table)
            if isinstance(built, Clarification):
                return None
            values.append(json_value(pandas_exec.execute(built.plan, table).value))
        except NotUnderstoodError:
            continue  # a word the reading leaves unused ('lowest' for a total): no reading
        except NlsheetError:
            return None
        found.append((interp, built))
        kept.append(option)
    if len(found) < 2 or any(v != values[0] for v in values) or values[0] is None:
        return None
    labels = " and the ".join(o.label for o in kept)
    interp, built = found[0]
    note = f"the {labels} give the same answer"
    interp = dataclasses.replace(
        interp, confidence=asked.confidence, alternatives=asked.alternatives, stated=False
    )
    return interp, dataclasses.replace(built, notes=(*built.notes, note))


def intent_question(interp: Interpretation, settings: Settings) -> Clarification | None:
    """The question to ask when the classifier is unsure of the intent: the close readings
    that fit the words and types, or None when the reading is clear.

    Raises:
        NotUnderstoodError: When the command is out of scope, or no reading fits it.
    """
    if interp.intent == OUT_OF_SCOPE and interp.confidence >= settings.min_confidence:
        raise NotUnderstoodError(
            f"{interp.text!r} does not look like a question about this sheet's data; "
            "try e.g. 'average of <column>' or 'how many rows'",
            expected="a question about the sheet's data",
            found=interp.text,
            where=interp.text,
            candidates=["average of <column>", "total <column>", "how many rows"],
        )
    if settings.accepts(interp.intent, interp.confidence, interp.alternatives, interp.ranked):
        return None
    if interp.frame.problems:
        # Words no reading can use ('growth rate ... from 2018 to 2021' over year columns):
        # every option would fail on them, so say why instead of asking.
        raise NotUnderstoodError(
            f"{interp.frame.problems[0]} in {interp.text!r}",
            expected="a command nlsheet understands",
            found=interp.text,
            where=interp.text,
        )
    in_scope = [(i, p) for i, p in interp.alternatives if i != OUT_OF_SCOPE]
    close = [(i, p) for i, p in in_scope if interp.confidence - p <= settings.clarify_margin]
    if interp.confidence < settings.min_confidence and interp.columns and not close:
        close = in_scope[:2]  # a column was named but not what to do with it: ask
    if not close or (interp.intent == OUT_OF_SCOPE and not interp.columns):
        raise NotUnderstoodError(
            f"not sure what {interp.text!r} asks for (best guess {interp.intent}, "
            f"confidence {interp.confidence:.2f}); try e.g. 'total <column>'",
            expected="a command nlsheet understands",
            found=interp.text,
            where=interp.text,
            candidates=[i for i, _ in interp.alternatives],
        )
    intents = [i for i in [interp.intent, *(i for i, _ in close)] if i != OUT_OF_SCOPE]
    # Offer only readings the words and types allow: no change for a question that asks
    # for none, no sum of a text column ('minimum of Player' is no reading).
    intents = [i for i in intents if intent_fits_types(i, interp)]
    if intents == [interp.intent] and (
        interp.confidence >= settings.min_confidence or names_intent(interp.intent, interp.text)
    ):
        # The close rivals do not fit the words, and the words ask for this reading
        # ('number of deals by owner and stage'): nothing to choose between.
        return None
    if not intents:
        raise NotUnderstoodError(
            f"not sure what {interp.text!r} asks for; try e.g. 'total <column>'",
            expected="a command nlsheet understands",
            found=interp.text,
            where=interp.text,
        )
    options = []
    for intent in intents:
        phrase = INTENT_PHRASES.get(intent, intent + " of {}").format(_subject(intent, interp))
        options.append(Option(phrase, f"{intent}: {interp.text}"))
    labels = [f"the {o.label}" for o in options]
    said = ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]
    if any("<column>" in o.label for o in options):
        # 'which orders were delayed' naming no column: an option on '<column>' answers nothing.
        raise NotUnderstoodError(
            f"could not tell which column {interp.text!r} is about; the closest readings, "
            f"{said}, each need one",
            expected="a header of the sheet in the command",
            found=interp.text,
            where=interp.text,
        )
    if interp.leftover:
        # A word no reading takes: no option would answer the command as typed.
        words = " ".join(interp.leftover)
        raise NotUnderstoodError(
            f"did not understand {words!r} in {interp.text!r}; the closest readings were {said}",
            expected="headers and values of the sheet, or words nlsheet knows",
            found=words,
            where=f"the word(s) {words!r} in the command",
        )
    return Clarification(f"Did you mean {said}?", tuple(options))


_RANKED = frozenset({"arg_max", "arg_min", "top_n", "bottom_n"})


def _subject(intent: str, interp: Interpretation) -> str:
    """What an option is about, in its label: the column named first, or for a ranking the
    numbers it ranks by ('Goals / Matches'), never the names it returns."""
    columns = [m.column for m in interp.columns]
    if intent in _RANKED:
        expression = interp.frame.expression
        if expression is not None:
            return f"{expression[0].column.name} {expression[1]} {expression[2].column.name}"
        numbers = [c for c in columns if c.kind is not ColumnKind.TEXT]
        if not numbers:
            return "value"  # ranked by what the words imply ('newest'), not by the names
        columns = numbers
    return columns[0].name if columns else "<column>"
