"""The engine every front door uses: interpret -> plan -> backends -> Result.

The engine does no I/O of its own: workbooks are read through :mod:`nlsheet.workbook`.

Example:
    >>> engine = Nlsheet()
    >>> book = engine.open("sample_workbooks/sales.xlsx")
    >>> book.ask("average of sales").value
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlsheet.backends import formula as formula_backend
from nlsheet.backends import pandas_exec
from nlsheet.backends.formula import Formula
from nlsheet.errors import (
    ColumnTypeError,
    EmptyCommandError,
    InputError,
    NoTableError,
    NotUnderstoodError,
    UnsupportedOperationError,
)
from nlsheet.nlu.context import ColumnMatch, find_letter_refs, match_columns
from nlsheet.nlu.feedback import (
    Correction,
    Corrections,
    annotate,
    check_header,
    check_intent,
)
from nlsheet.nlu.interpret import Interpretation, interpret
from nlsheet.nlu.model import NluModel
from nlsheet.nlu.text import STOPWORDS, sheet_words, tokenize
from nlsheet.nlu.values import link_values
from nlsheet.plan import Aggregate, Lookup, Op, Plan, op_columns
from nlsheet.planner import SUPPORTED_INTENTS, Built, build
from nlsheet.planner.build import check_letters
from nlsheet.planner.edits import EDIT_INTENTS
from nlsheet.planner.intents import intent_question, same_answer
from nlsheet.result import Clarification, ColumnUse, Option, Result, json_value
from nlsheet.settings import Settings
from nlsheet.steps import STATED_INTENT, EditTarget, StepBook, run_steps, split_steps
from nlsheet.workbook.base import Workbook, open_workbook
from nlsheet.workbook.editor import undo as undo_edit
from nlsheet.workbook.table import ColumnKind, Table
from nlsheet.workbook.writer import write_formula

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Book", "Nlsheet"]

_MAX_COMMAND = 2000
_VALUE_SCAN_ROWS = 20_000  # sheets this small are also searched for named values


class Nlsheet:
    """The engine: settings plus the trained language model, shared by all opened books.

    Args:
        settings: Thresholds and paths; ``Settings.from_env()`` by default.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else Settings.from_env()
        self._model: NluModel | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> NluModel:
        """The intent classifier, trained or loaded from the cache on first use."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = NluModel.load(self.settings)
        return self._model

    def reload(self) -> NluModel:
        """Load (or train) the model afresh: after new corrections or tuned parameters."""
        with self._lock:
            self._model = NluModel.load(self.settings)
            return self._model

    def open(self, source: str | os.PathLike[str] | pd.DataFrame | Workbook) -> Book:
        """Open a workbook (path or DataFrame) for questions.

        Raises:
            WorkbookNotFoundError: If the path does not exist.
            NotASpreadsheetError: If the file is not a spreadsheet.
            EncryptedWorkbookError: If it is password protected.
        """
        return Book(open_workbook(source), self)

    def ask(
        self,
        book: Book,
        command: str,
        sheet: str | None = None,
        edit: EditTarget | None = None,
    ) -> Result:
        """Answer a command about a book; see :meth:`Book.ask`."""
        full = text = _check_command(command)
        # 'sum: sales in the north' states the intent (what a clarification's option runs).
        stated = STATED_INTENT.match(text)
        intent = None
        if stated is not None and stated.group(1).lower() in SUPPORTED_INTENTS | EDIT_INTENTS:
            intent, text = stated.group(1).lower(), stated.group(2)
        table, sheet_note = self._pick_table(book.workbook, text, sheet)
        # Steps keep their own stated intents ('sort: by date; highlight: top 5 sales').
        pieces = split_steps(full)
        if len(pieces) > 1 or intent in EDIT_INTENTS:
            edited = run_steps(self, book, table, pieces, edit)
            if edited is not None:
                return edited
        check_letters(text, table)
        interp = interpret(text, table, self.model, self.settings, intent)
        if interp.intent in EDIT_INTENTS and intent is None:
            edited = run_steps(self, book, table, [full], edit, interp)
            if edited is not None:
                return edited
        notes = [*([sheet_note] if sheet_note else []), *table.notes]
        question = None if intent is not None else self.intent_question(interp)
        if question is None:
            built = build(interp, table)
        else:
            agreed = same_answer(question, interp, table, self.model, self.settings)
            if agreed is None:
                return self.clarify(interp, table, question, notes, book)
            interp, built = agreed
        if isinstance(built, Clarification):
            return self.clarify(interp, table, built, notes, book)
        if intent is None and isinstance(built.plan.op, Lookup):
            rows = _lookup_rows(built.plan.op, table, interp.text)
            if rows is not None and built.ignored:
                # Several rows, and words the lookup set aside: an aggregate over the rows
                # would have to use them, and cannot.
                word = " ".join(built.ignored)
                raise NotUnderstoodError(
                    f"did not understand {word!r} in {interp.text!r}, and "
                    f"{rows.question.split('.')[0].lower()}; name the row or the aggregate",
                    expected="headers and values of " + table.header_ref,
                    found=word,
                    where=f"the word(s) {word!r} in the command",
                )
            if rows is not None:
                return self.clarify(interp, table, rows, notes, book)
        return self._answer(interp, table, built, notes, book)

    def learn(
        self,
        command: str,
        intent: str,
        columns: Mapping[str, str] | None = None,
        book: Book | None = None,
        sheet: str | None = None,
    ) -> Correction:
        """Store a correction ("COMMAND meant INTENT, WORD meant HEADER") and retrain.

        With a book, the command's header and value words are found in it and masked in the
        stored example, as the classifier reads commands; without one, only the words named in
        ``columns`` are. The retrained model is cached, so other processes use it too.

        Raises:
            DatasetError: For an unknown intent (with the closest ones).
            UnknownColumnError: If a header of ``columns`` is not in the book's table.
            InputError: If a word of ``columns`` is not in the command, or there is no data
                folder to keep corrections in.
        """
        text = _check_command(command)
        check_intent(intent, self.model.intents)
        columns = dict(columns or {})
        spans: list[tuple[int, int, str]] = []
        for word in columns:
            found = re.search(r"(?<!\w)" + re.escape(word.casefold()) + r"(?!\w)", text.casefold())
            if found is None:
                raise InputError(
                    f"the word {word!r} is not in the command {text!r}",
                    expected="a word of the command",
                    found=word,
                    where="--column",
                )
            spans.append((found.start(), found.end(), "column"))
        if book is not None:
            table, _ = self._pick_table(book.workbook, text, sheet)
            for header in columns.values():
                check_header(table, header)
            interp = interpret(text, table, self.model, self.settings, intent)
            spans += [(m.start, m.end, "column") for m in interp.columns]
            spans += [(v.start, v.end, "value") for v in interp.values]
        path = self.settings.corrections_path
        if path is None:
            raise InputError(
                "there is no data folder to keep corrections in",
                expected="Settings.data_dir or $NLSHEET_DATA_DIR",
                found="none",
                where="Settings.data_dir",
            )
        correction = Corrections(path).add(annotate(text, spans), intent, columns)
        self.reload()
        return correction

    def forget(self, number: int | None = None) -> Correction:
        """Undo a correction (the latest when ``number`` is None) and retrain.

        Raises:
            InputError: If there is no such correction.
        """
        path = self.settings.corrections_path
        if path is None:
            raise InputError(
                "there is no data folder, so there are no corrections",
                expected="Settings.data_dir",
                found="none",
                where="Settings.data_dir",
            )
        removed = Corrections(path).remove(number)
        self.reload()
        return removed

    def intent_question(self, interp: Interpretation) -> Clarification | None:
        """The question to ask when the words leave the intent unsure (see
        :func:`nlsheet.planner.intents.intent_question`)."""
        return intent_question(interp, self.settings)

    def _pick_table(
        self, workbook: Workbook, text: str, sheet: str | None
    ) -> tuple[Table, str | None]:
        names = workbook.sheet_names
        if sheet is not None:
            return workbook.table(sheet), None
        if len(names) == 1:
            return workbook.table(names[0]), None
        scored: list[tuple[float, int, str, Table]] = []
        errors: list[NoTableError] = []
        for order, name in enumerate(names):
            try:
                table = workbook.table(name)
            except NoTableError as exc:
                errors.append(exc)
                continue
            scored.append((_sheet_score(text, table, self.model), -order, name, table))
        if not scored:
            raise errors[0]
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        best_score, _, best_name, best_table = scored[0]
        if best_score <= 0:
            return best_table, f"no header matched the command; used the first sheet, {best_name}"
        return best_table, f"sheet {best_name} chosen: its headers match the command best"

    def clarify(
        self,
        interp: Interpretation,
        table: Table,
        question: Clarification,
        notes: list[str],
        book: StepBook,
    ) -> Result:
        return Result(
            command=interp.text,
            intent=interp.intent,
            confidence=interp.confidence,
            sheet=table.sheet,
            clarification=question,
            columns=tuple(ColumnUse.of(m) for m in interp.columns),
            notes=tuple(notes),
            alternatives=interp.alternatives,
            candidates=tuple(ColumnUse.of(m) for m in interp.candidates),
            _book=book,
        )

    def _answer(
        self,
        interp: Interpretation,
        table: Table,
        built: Built,
        notes: list[str],
        book: Book,
    ) -> Result:
        plan = built.plan
        answer = pandas_exec.execute(plan, table)
        if isinstance(plan.op, Aggregate) and _no_figure(answer.value):
            # 'standard deviation' of one number: no figure at all is no answer.
            raise ColumnTypeError(
                f"the {plan.op.func.value} has no value for the rows asked for in "
                f"{interp.text!r} (too few numbers)",
                expected="enough numbers for the figure",
                found="no value",
                where=interp.text,
            )
        notes.extend(built.notes)
        notes.extend(answer.notes)
        for name in op_columns(plan.op):
            notes.extend(_cell_notes(table, name))
        notes.extend(_clock_note(plan.op, table, answer.value))
        formula: Formula | None
        try:
            formula = formula_backend.to_formula(plan, table, answer)
        except UnsupportedOperationError as exc:
            formula = None
            notes.append(f"no formula: {exc}")
        return Result(
            command=interp.text,
            value=json_value(answer.value),
            formula=formula.text if formula else None,
            formula_legacy=formula.legacy if formula else None,
            formulas=dict(formula.groups) if formula else {},
            intent=built.intent or interp.intent,
            confidence=interp.confidence,
            columns=_columns_used(plan, table, interp, built),
            sheet=table.sheet,
            plan=plan,
            notes=tuple(dict.fromkeys(notes)),
            alternatives=interp.alternatives,
            candidates=tuple(ColumnUse.of(m) for m in interp.candidates),
            _book=book,
        )


class Book:
    """An opened workbook bound to an engine: ask it questions.

    Example:
        >>> book = nlsheet.open("sample_workbooks/inventory.xlsx")
        >>> book.ask("total quantity", sheet="Stock").formula
        '=SUM(IFERROR(VALUE(Stock!$E$5:$E$64),""))'
    """

    def __init__(self, workbook: Workbook, engine: Nlsheet) -> None:
        self.workbook = workbook
        self.engine = engine

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """The workbook's sheets."""
        return self.workbook.sheet_names

    def table(self, sheet: str | None = None) -> Table:
        """The table found on a sheet (the first sheet by default)."""
        return self.workbook.table(sheet if sheet is not None else self.sheet_names[0])

    def write_answer(self, result: Result, cell: str, out: str | os.PathLike[str]) -> Result:
        """Write the answer's live formula into ``cell`` of a copy of the workbook saved as ``out``.

        Returns:
            The result with the change listed in ``changes``.

        Raises:
            InputError: If the result has no formula, the book is not a file, or ``cell`` or
                ``out`` are unusable.

        Example:
            >>> r = book.ask("average of sales")
            >>> book.write_answer(r, "I2", "sales-with-answer.xlsx").changes
        """
        path = getattr(self.workbook, "path", None)
        if result.plan is None or result.formula is None or result.sheet is None:
            raise InputError(
                "there is no formula to write: the command was not answered with one",
                expected="an answer with a formula",
                found="none",
                where=result.command,
            )
        if path is None:
            raise InputError(
                "only workbooks opened from a file can be written to a copy",
                expected="a workbook file",
                found=self.workbook.source,
                where=self.workbook.source,
            )
        table = self.table(result.sheet)
        answer = pandas_exec.execute(result.plan, table)
        formula = formula_backend.to_formula(result.plan, table, answer)
        change = write_formula(path, out, result.sheet, cell, formula)
        return dataclasses.replace(result, changes=(*result.changes, change))

    def ask(
        self,
        command: str,
        sheet: str | None = None,
        *,
        save: str | os.PathLike[str] | None = None,
        in_place: bool = False,
    ) -> Result:
        """Answer a question, or make a change ("sort by date, highlight sales over 1000").

        A change is applied to a copy saved as ``save``, or to the file itself with
        ``in_place`` (atomically, with a backup for :meth:`undo`); with neither it is a dry
        run: ``changes`` says what would change and nothing is written. A command of several
        steps is applied all or nothing.

        Args:
            command: What the user typed ("average of sales").
            sheet: The sheet to use; by default the one whose headers fit the command best.
            save: Where to save a changed copy (.xlsx).
            in_place: Change the workbook file itself.

        Returns:
            The answer, or a Result whose ``clarification`` asks the user to choose.

        Raises:
            InputError: Bad input (empty command, unknown sheet or column, text column ...).
            NotUnderstoodError: The command was not understood well enough to answer.

        Example:
            >>> book.ask("sort by sales descending", save="sorted.xlsx").changes
        """
        target = EditTarget(save, in_place) if save is not None or in_place else None
        return self.engine.ask(self, command, sheet, target)

    def undo(self, *, force: bool = False) -> dict[str, Any]:
        """Restore the workbook file as it was before the last in-place change.

        Raises:
            InputError: If there is nothing to undo or the file changed since.
        """
        path = getattr(self.workbook, "path", None)
        if path is None:
            raise InputError(
                "only a workbook file can be restored",
                expected="a workbook file",
                found=self.workbook.source,
                where=self.workbook.source,
            )
        return undo_edit(Path(path), self.engine.settings.data_dir, force=force)

    def correct(
        self,
        command: str,
        intent: str,
        columns: Mapping[str, str] | None = None,
        sheet: str | None = None,
    ) -> Result:
        """Teach nlsheet what a command means (stored, retrained) and answer it again.

        Example:
            >>> book.correct("how are we doing on sales", "sum").value
        """
        self.engine.learn(command, intent, columns, self, sheet)
        return self.ask(command, sheet)


def _no_figure(value: object) -> bool:
    """Whether an aggregate's value holds no figure at all (None, or only Nones per group)."""
    if isinstance(value, dict):
        return all(_no_figure(v) for v in value.values())
    return value is None or (isinstance(value, float) and math.isnan(value))


def _check_command(command: str) -> str:
    if not isinstance(command, str) or not command.strip():
        raise EmptyCommandError(
            "the command is empty; expected a question such as 'average of sales'",
            expected="a question such as 'average of sales'",
            found=repr(command),
            where="the command",
            candidates=["average of <column>", "total <column>", "how many rows"],
        )
    text = " ".join(command.split())
    if len(text) > _MAX_COMMAND:
        raise InputError(
            f"the command is {len(text)} characters long; expected at most {_MAX_COMMAND}",
            expected=f"at most {_MAX_COMMAND} characters",
            found=f"{len(text)} characters",
            where="the command",
        )
    # "any expense that's bigger than 500": the conditions read 'that is bigger than'.
    return _CONTRACTION.sub(lambda m: f"{m.group(1)} is", text)


_CONTRACTION = re.compile(r"\b(that|it|which|who|this|there)[’']s\b", re.I)


def _sheet_score(text: str, table: Table, model: NluModel) -> float:
    """How well a sheet fits a command: its best header match, plus a bonus when cell values
    of the sheet are named ('C007' is a customer of the Customers sheet) and one when the
    command names the sheet."""
    letters = find_letter_refs(text, table)
    matches = match_columns(text, table, model.command_words, aliases=model.aliases)
    best = max((m.score for m in [*letters, *matches]), default=0.0)
    score = best if best >= 0.6 else 0.0
    if table.n_rows <= _VALUE_SCAN_ROWS and link_values(text, table):
        score += 0.3
    # 'units in April' beside sheets Units and Budget, both with an April column: the sheet
    # the command names.
    sheet = sheet_words(table) - STOPWORDS
    if score > 0 and sheet & {t.norm for t in tokenize(text)}:
        score += 0.3
    return score


def _lookup_rows(op: Lookup, table: Table, text: str) -> Clarification | None:
    """When several rows match a lookup and hold different values, ask whether the first (as
    XLOOKUP gives it), the total or the average is meant, rather than pick one silently."""
    picked = table.values(op.target).series[pandas_exec.row_mask(op.where, table)]
    values = picked.dropna()
    distinct = {str(v) for v in values}
    # A blank among the rows is a value too ('what did we offer the account manager', where
    # most account managers have no offer: the first row's blank is no answer).
    blank = len(values) < len(picked)
    if len(distinct) + blank <= 1:
        return None
    options = [Option(f"the first {op.target} (as XLOOKUP gives it)", f"lookup: {text}")]
    if table.column(op.target).kind is ColumnKind.NUMBER:
        options += [
            Option(f"the total of {op.target}", f"sum: {text}"),
            Option(f"the average of {op.target}", f"average: {text}"),
        ]
    else:
        options.append(Option(f"all the values of {op.target}", f"unique_values: {text}"))
    return Clarification(
        f"{len(picked)} rows match, with {len(distinct)} different "
        f"value{'s' if len(distinct) != 1 else ''} of {op.target}"
        + (f" ({len(picked) - len(values)} blank). " if blank else ". ")
        + "Which do you want: "
        + ", ".join(o.label for o in options)
        + "?",
        tuple(options),
    )


def _clock_note(op: Op, table: Table, value: object) -> list[str]:
    """A time or duration answered as Excel holds it, in days, also said as a clock reads
    ('0.027014 days is 0:38:54')."""
    measure = op.measure.column if isinstance(op, Aggregate) and op.measure else None
    target = op.target if isinstance(op, Lookup) else measure
    if target is None or not isinstance(value, (int, float)) or isinstance(value, bool):
        return []
    if not table.values(target).clock:
        return []
    seconds = round(value * 86400)
    hours, rest = divmod(abs(seconds), 3600)
    clock = f"{'-' if seconds < 0 else ''}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return [f"{target} holds times, which Excel counts in days: {value} is {clock}"]


def _cell_notes(table: Table, name: str) -> list[str]:
    column = table.column(name)
    if column.kind is not ColumnKind.NUMBER:
        return []
    typed = table.values(name)
    notes = []
    if typed.numbers_as_text:
        cells = ", ".join(f"{column.letter}{r}" for r in typed.numbers_as_text[:5])
        more = " ..." if len(typed.numbers_as_text) > 5 else ""
        notes.append(
            f"{len(typed.numbers_as_text)} number(s) stored as text in {name} were counted as "
            f"numbers ({table.sheet}!{cells}{more})"
        )
    if typed.non_numeric:
        examples = ", ".join(repr(e) for e in typed.examples)
        notes.append(f"{typed.non_numeric} text cell(s) in {name} were skipped (e.g. {examples})")
    return notes


def _columns_used(
    plan: Plan, table: Table, interp: Interpretation, built: Built
) -> tuple[ColumnUse, ...]:
    """Every column the plan reads, with the words that named it (or 'implied')."""
    named: dict[str, ColumnMatch] = {}
    for m in [*built.columns, *interp.columns]:
        named.setdefault(m.column.name, m)
    for v in interp.values:
        if v.column.name not in named:
            named[v.column.name] = ColumnMatch(v.column, v.words, v.start, v.end, 1.0, "value")
    uses = []
    for name in op_columns(plan.op):
        match = named.get(name)
        if match is None:
            column = table.column(name)
            match = ColumnMatch(column, "", 0, 0, 1.0, "implied")
        uses.append(ColumnUse.of(match))
    return tuple(uses)
