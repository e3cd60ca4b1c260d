"""One meaning per condition: the pandas mask, the *IFS criteria, the array mask and the
conditional format's rule agree row by row, on cells chosen to be awkward (blanks, spaces only,
text with * ? ~, numbers stored as text, mixed case, dates with a time of day, TRUE/FALSE).

The three Excel renderings are evaluated by LibreOffice headless, all in one workbook: the
criteria as COUNTIFS over each row's own cells, the mask as one array formula over the rows, the
rule as an ordinary formula in each row (an error counts as False, as in a conditional format).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine as pc
from conftest import recalculate
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

import nlsheet
from nlsheet.backends.criteria import ifs_criteria, mask, rule
from nlsheet.backends.formula import to_file_text
from nlsheet.backends.pandas_exec import row_mask
from nlsheet.errors import ColumnTypeError
from nlsheet.plan import Cmp, Condition, Where
from nlsheet.workbook.table import Table

D = dt.datetime
HEADER = ("Name", "Code", "Amount", "When", "Other", "Flag")
ROWS: list[tuple[Any, ...]] = [
    ("West", "a*b", 10, D(2024, 1, 5), 5, True),
    ("west", "a?b", 20.5, D(2024, 1, 5, 10, 30), 30, False),
    ("WEST ", "a~b", "30", D(2024, 3, 31), 30, True),
    ("East", "axb", "1,200", D(2023, 12, 31), None, False),
    ("North-West", "*", None, None, 7, None),
    ("  ", "?", " ", D(2024, 7, 1), 8, True),
    (None, None, "n/a", D(2024, 10, 15), 9, False),
    ("123", "a*", 0, D(2025, 1, 1), 0, True),
    (123, "=x", -5, D(2024, 1, 6), -5, False),
    ("Wes", "<5", 15, D(2024, 2, 29), 20, True),
    ("we*st", "A*B", "15%", D(2024, 12, 31), 1, False),
    ("South", "  ", 1200, " ", 1300, True),
    ("west?", "b", 7, D(2024, 5, 5), 6, False),
    ("Est", "ab", 20.5, D(2024, 6, 6), 21, True),
]
FIRST_ROW = 2
LAST_ROW = FIRST_ROW + len(ROWS) - 1


def _c(column: str, cmp: Cmp, value: Any = None, **more: Any) -> Where:
    return Where((Condition(column, cmp, value, **more),))


CASES: dict[str, Where] = {
    # text: equality ignores case, not spaces; * ? ~ are plain characters; numbers as their text
    "name-eq-west": _c("Name", Cmp.EQ, "west"),
    "name-ne-west": _c("Name", Cmp.NE, "west"),
    "name-eq-123": _c("Name", Cmp.EQ, "123"),
    "name-ne-123": _c("Name", Cmp.NE, "123"),
    "name-eq-number": _c("Name", Cmp.EQ, 123.0),
    "name-in": Where((Condition("Name", Cmp.IN, values=("west", "EAST", "123")),)),
    "name-contains-es": _c("Name", Cmp.CONTAINS, "es"),
    "name-contains-star": _c("Name", Cmp.CONTAINS, "*"),
    "name-contains-question": _c("Name", Cmp.CONTAINS, "?"),
    "name-contains-12": _c("Name", Cmp.CONTAINS, "12"),
    "name-starts-we": _c("Name", Cmp.STARTS, "we"),
    "name-ends-st": _c("Name", Cmp.ENDS, "ST"),
    "name-blank": _c("Name", Cmp.BLANK),
    "name-not-blank": _c("Name", Cmp.NOT_BLANK),
    "name-gt-100": _c("Name", Cmp.GT, "100"),
    "code-eq-star": _c("Code", Cmp.EQ, "a*b"),
    "code-eq-question": _c("Code", Cmp.EQ, "a?b"),
    "code-eq-tilde": _c("Code", Cmp.EQ, "a~b"),
    "code-eq-lone-star": _c("Code", Cmp.EQ, "*"),
    "code-eq-operator": _c("Code", Cmp.EQ, "=x"),
    "code-eq-less": _c("Code", Cmp.EQ, "<5"),
    "code-ne-star": _c("Code", Cmp.NE, "a*b"),
    "code-ne-tilde": _c("Code", Cmp.NE, "a~b"),
    "code-contains-star": _c("Code", Cmp.CONTAINS, "*"),
    "code-contains-question": _c("Code", Cmp.CONTAINS, "?"),
    "code-contains-tilde": _c("Code", Cmp.CONTAINS, "~"),
    "code-starts-a-star": _c("Code", Cmp.STARTS, "a*"),
    "code-ends-b": _c("Code", Cmp.ENDS, "B"),
    "code-blank": _c("Code", Cmp.BLANK),
    "code-not-blank": _c("Code", Cmp.NOT_BLANK),
    # numbers: numbers stored as text count, other text and blanks fail comparisons
    "amount-eq-20.5": _c("Amount", Cmp.EQ, 20.5),
    "amount-eq-30": _c("Amount", Cmp.EQ, 30.0),
    "amount-eq-0": _c("Amount", Cmp.EQ, 0.0),
    "amount-ne-0": _c("Amount", Cmp.NE, 0.0),
    "amount-ne-20.5": _c("Amount", Cmp.NE, 20.5),
    "amount-gt-15": _c("Amount", Cmp.GT, 15.0),
    "amount-ge-15": _c("Amount", Cmp.GE, 15.0),
    "amount-lt-10": _c("Amount", Cmp.LT, 10.0),
    "amount-le-0": _c("Amount", Cmp.LE, 0.0),
    "amount-lt-minus-1": _c("Amount", Cmp.LT, -1.0),
    "amount-between": _c("Amount", Cmp.BETWEEN, 0.0, value2=30.0),
    "amount-in": Where((Condition("Amount", Cmp.IN, values=(10.0, 30.0, 0.0)),)),
    "amount-eq-text": _c("Amount", Cmp.EQ, "n/a"),
    "amount-ne-text": _c("Amount", Cmp.NE, "n/a"),
    "amount-contains-2": _c("Amount", Cmp.CONTAINS, "2"),
    "amount-starts-1": _c("Amount", Cmp.STARTS, "1"),
    "amount-ends-percent": _c("Amount", Cmp.ENDS, "%"),
    "amount-blank": _c("Amount", Cmp.BLANK),
    "amount-not-blank": _c("Amount", Cmp.NOT_BLANK),
    "other-gt-6": _c("Other", Cmp.GT, 6.0),
    "other-ne-0": _c("Other", Cmp.NE, 0.0),
    "other-lt-8": _c("Other", Cmp.LT, 8.0),
    "other-blank": _c("Other", Cmp.BLANK),
    # dates: equals is the day, whatever the time
    "when-eq-day": _c("When", Cmp.EQ, dt.date(2024, 1, 5)),
    "when-ne-day": _c("When", Cmp.NE, dt.date(2024, 1, 5)),
    "when-eq-plain-day": _c("When", Cmp.EQ, dt.date(2024, 3, 31)),
    "when-gt": _c("When", Cmp.GT, dt.date(2024, 3, 31)),
    "when-gt-day": _c("When", Cmp.GT, dt.date(2024, 1, 5)),
    "when-lt": _c("When", Cmp.LT, dt.date(2024, 1, 6)),
    "when-le": _c("When", Cmp.LE, dt.date(2024, 1, 5)),
    "when-between": _c("When", Cmp.BETWEEN, dt.date(2024, 1, 1), value2=dt.date(2024, 6, 30)),
    "when-in": Where(
        (Condition("When", Cmp.IN, values=(dt.date(2024, 1, 5), dt.date(2025, 1, 1))),)
    ),
    "when-text-date": _c("When", Cmp.GE, "2024-07-01"),
    "when-month-1": _c("When", Cmp.MONTH, 1.0),
    "when-month-12": _c("When", Cmp.MONTH, 12.0),
    "when-quarter-1": _c("When", Cmp.QUARTER, 1.0),
    "when-year-2024": _c("When", Cmp.YEAR, 2024.0),
    "when-blank": _c("When", Cmp.BLANK),
    "when-not-blank": _c("When", Cmp.NOT_BLANK),
    # TRUE / FALSE
    "flag-true": _c("Flag", Cmp.EQ, "true"),
    "flag-false": _c("Flag", Cmp.EQ, "FALSE"),
    "flag-not-true": _c("Flag", Cmp.NE, "TRUE"),
    "flag-not-false": _c("Flag", Cmp.NE, "false"),
    # column against column: both must be numbers
    "amount-gt-other": _c("Amount", Cmp.GT, other="Other"),
    "amount-eq-other": _c("Amount", Cmp.EQ, other="Other"),
    "amount-ne-other": _c("Amount", Cmp.NE, other="Other"),
    "other-le-amount": _c("Other", Cmp.LE, other="Amount"),
    # several conditions
    "and": Where(
        (Condition("Amount", Cmp.GE, 10.0), Condition("When", Cmp.YEAR, 2024.0)),
    ),
    "or": Where(
        (Condition("Name", Cmp.EQ, "west"), Condition("Amount", Cmp.GT, 100.0)),
        any=True,
    ),
    "and-criteria": Where(
        (Condition("Code", Cmp.CONTAINS, "b"), Condition("Other", Cmp.GE, 6.0)),
    ),
}


def _rows(*passing: int) -> list[bool]:
    return [i in passing for i in range(len(ROWS))]


# What Excel's semantics say, written out by hand for the cases that decide a question.
EXPECTED = {
    "name-eq-west": _rows(0, 1),  # 'WEST ' has a space
    "name-ne-west": _rows(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),  # blanks pass 'is not'
    "name-eq-123": _rows(7, 8),  # the text '123' and the number 123
    "name-blank": _rows(5, 6),  # spaces only is blank
    "name-contains-star": _rows(10),  # '*' is no wildcard
    "name-contains-question": _rows(12),
    "code-eq-star": _rows(0, 10),  # ignoring case, literally
    "code-eq-tilde": _rows(2),
    "code-eq-operator": _rows(8),
    "code-blank": _rows(6, 11),
    "amount-gt-15": _rows(1, 2, 3, 11, 13),  # '30' and '1,200' count; 'n/a' does not
    "amount-ne-0": _rows(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13),  # blanks pass
    "amount-eq-0": _rows(7),  # a blank is no 0
    "amount-lt-10": _rows(7, 8, 10, 12),  # '15%' is 0.15; blanks fail
    "amount-blank": _rows(4, 5),  # 'n/a' is not blank
    "amount-eq-text": _rows(6),
    "when-eq-day": _rows(0, 1),  # the same day, at 10:30 too
    "when-ne-day": _rows(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
    "when-lt": _rows(0, 1, 3),  # blanks fail
    "when-le": _rows(0, 1, 3),  # all of the day, 10:30 too
    "when-gt-day": _rows(2, 5, 6, 7, 8, 9, 10, 12, 13),  # after the day, not at 10:30 on it
    "when-month-12": _rows(3, 10),
    "when-blank": _rows(4, 11),
    "flag-false": _rows(1, 3, 6, 8, 10, 12),  # a blank is not FALSE
    "flag-not-false": _rows(0, 2, 4, 5, 7, 9, 11, 13),
    "amount-gt-other": _rows(0, 12),
    "amount-eq-other": _rows(2, 7, 8),  # '30' is 30
    "amount-ne-other": _rows(0, 1, 9, 10, 11, 12, 13),  # both must be numbers
}


def _write_book(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append(list(HEADER))
    for r, row in enumerate(ROWS, FIRST_ROW):
        for c, value in enumerate(row, 1):
            cell = sheet.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # '=x' is text, not a formula
    book.save(path)
    # openpyxl drops the xml:space of text made of spaces only; put it back.
    fixed = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<t>(\s+)</t>", rb'<t xml:space="preserve">\1</t>', data)
            out.writestr(item, data)
    shutil.move(fixed, path)


def _row_cells(items: list[str], table: Table, row: int) -> list[str]:
    """The criteria items with each column's range narrowed to its cell in ``row``."""
    cells = {c.data_range: f"Data!${get_column_letter(c.column)}${row}" for c in table.columns}
    return [cells.get(item, item) for item in items]


def _truth(value: Any) -> bool | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return f"error {value!r}"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("semantics") / "awkward.xlsx"
    _write_book(path)
    return path


@pytest.fixture(scope="module")
def table(book: Path) -> Table:
    return nlsheet.open(book).table("Data")


@pytest.fixture(scope="module")
def engine_results(
    book: Path, table: Table, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, list[bool | str]]]:
    """Each case's criteria, mask and rule, evaluated row by row by LibreOffice."""
    workdir = tmp_path_factory.mktemp("semantics-recalc")
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Data"]
    placed: dict[str, dict[str, int]] = {}
    column = len(HEADER) + 2
    for case, where in CASES.items():
        placed[case] = {}
        items = ifs_criteria(where, table)
        if items is not None:
            for r in range(FIRST_ROW, LAST_ROW + 1):
                countifs = "=COUNTIFS(" + ",".join(_row_cells(items, table, r)) + ")"
                sheet.cell(r, column).value = to_file_text(countifs)
            placed[case]["criteria"] = column
            column += 1
        letter = get_column_letter(column)
        area = f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}"
        sheet[f"{letter}{FIRST_ROW}"] = ArrayFormula(
            area, to_file_text(f"=({mask(where, table)})*1")
        )
        placed[case]["mask"] = column
        column += 1
        letter = get_column_letter(column)
        first = f"=IFERROR(IF({rule(where, table)},1,0),0)"
        for r in range(FIRST_ROW, LAST_ROW + 1):
            text = Translator(first, f"{letter}{FIRST_ROW}").translate_formula(f"{letter}{r}")
            sheet.cell(r, column).value = to_file_text(text)
        placed[case]["rule"] = column
        column += 1
    copy = workdir / "awkward-checked.xlsx"
    workbook.save(copy)
    grid = (
        pc.CalamineWorkbook.from_path(str(recalculate(copy, workdir)))
        .get_sheet_by_name("Data")
        .to_python(skip_empty_area=False)
    )
    return {
        case: {
            how: [_truth(grid[r - 1][c - 1]) for r in range(FIRST_ROW, LAST_ROW + 1)]
            for how, c in columns.items()
        }
        for case, columns in placed.items()
    }


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_pandas_mask_follows_excel(case: str, table: Table) -> None:
    assert row_mask(CASES[case], table).tolist() == EXPECTED[case]


@pytest.mark.libreoffice
@pytest.mark.parametrize("case", list(CASES))
def test_renderings_agree_row_by_row(
    case: str, table: Table, engine_results: dict[str, dict[str, list[bool | str]]]
) -> None:
    ours = row_mask(CASES[case], table).tolist()
    for how, engine in engine_results[case].items():
        assert engine == ours, (how, mask(CASES[case], table), rule(CASES[case], table))


def test_criteria_escape_wildcards_and_operators(table: Table) -> None:
    assert ifs_criteria(_c("Code", Cmp.EQ, "a*b"), table) == ["Data!$B$2:$B$15", '"a~*b"']
    assert ifs_criteria(_c("Code", Cmp.EQ, "=x"), table) == ["Data!$B$2:$B$15", '"==x"']
    assert ifs_criteria(_c("Code", Cmp.CONTAINS, "~"), table) == ["Data!$B$2:$B$15", '"*~~*"']
    assert ifs_criteria(_c("Code", Cmp.NE, "a?b"), table) == ["Data!$B$2:$B$15", '"<>a~?b"']


def test_criteria_refused_where_countifs_reads_cells_differently(table: Table) -> None:
    assert ifs_criteria(_c("Amount", Cmp.GT, 15.0), table) is None  # numbers stored as text
    assert ifs_criteria(_c("Code", Cmp.BLANK), table) is None  # a cell of spaces
    assert ifs_criteria(_c("Name", Cmp.CONTAINS, "es"), table) is None  # a number cell
    assert ifs_criteria(_c("When", Cmp.NE, dt.date(2024, 1, 5)), table) is None  # a time of day
    assert ifs_criteria(_c("Other", Cmp.GT, 6.0), table) == ["Data!$E$2:$E$15", '">6"']


def test_criteria_for_a_day_take_the_whole_day(table: Table) -> None:
    day = dt.date(2024, 1, 5)
    assert ifs_criteria(_c("When", Cmp.GT, day), table) == [
        "Data!$D$2:$D$15",
        '">="&DATE(2024,1,6)',
    ]
    assert ifs_criteria(_c("When", Cmp.EQ, day), table) == [
        "Data!$D$2:$D$15",
        '">="&DATE(2024,1,5)',
        "Data!$D$2:$D$15",
        '"<"&DATE(2024,1,6)',
    ]


def test_rule_is_plain_where_the_cells_are(table: Table) -> None:
    assert rule(_c("Other", Cmp.GT, 6.0), table) == "$E2>6"
    assert rule(_c("Other", Cmp.LT, 8.0), table) == 'AND($E2<8,$E2<>"")'
    assert rule(_c("Code", Cmp.CONTAINS, "*"), table) == 'ISNUMBER(SEARCH("~*",$B2))'


def test_values_that_do_not_fit_the_column_are_refused(table: Table) -> None:
    with pytest.raises(ColumnTypeError):
        row_mask(_c("Name", Cmp.GT, "big"), table)
    with pytest.raises(ColumnTypeError):
        mask(_c("Amount", Cmp.MONTH, 1.0), table)
    with pytest.raises(ColumnTypeError):
        rule(_c("When", Cmp.CONTAINS, "2024"), table)
