"""Bad input never crashes: each case raises one clear NlsheetError saying what, where and why.

Every case goes through the public API (``nlsheet.open(path).ask(command, sheet=...)``) and checks
the exception type, its built-in base, its ``expected``/``found``/``where``/``candidates``
attributes and the words of its message. The last test checks that asking never writes to the
workbook asked about.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from helpers_books import SAMPLES, copy_samples, file_state, write_book

import nlsheet

SALES = SAMPLES / "sales.xlsx"
INVENTORY = SAMPLES / "inventory.xlsx"
# Layout of sales.xlsx from sample_workbooks/README.md: header A1:G1, data rows 2..201.
SALES_HEADERS = ["Date", "Region", "Rep", "Product", "Units", "Price", "Sales"]
SALES_NUMERIC = ["Units", "Price", "Sales"]


def check_error(exc: BaseException, kind: type[nlsheet.NlsheetError]) -> nlsheet.NlsheetError:
    """The common contract: the exact type, an NlsheetError, and every attribute filled in."""
    assert type(exc) is kind
    assert isinstance(exc, nlsheet.NlsheetError)
    assert str(exc).strip()
    for attr in ("expected", "found", "where"):
        value = getattr(exc, attr)
        assert isinstance(value, str), f"{kind.__name__}.{attr} is {value!r}"
        assert value.strip(), f"{kind.__name__}.{attr} is blank"
    assert isinstance(exc.candidates, tuple)
    return exc


def ask(source: Path | pd.DataFrame, command: str, sheet: str | None = None) -> nlsheet.Result:
    return nlsheet.open(source).ask(command, sheet=sheet)


# --- the workbook file -------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xlsx"
    with pytest.raises(nlsheet.WorkbookNotFoundError) as info:
        ask(path, "total sales")
    exc = check_error(info.value, nlsheet.WorkbookNotFoundError)
    assert isinstance(exc, FileNotFoundError)
    assert isinstance(exc, nlsheet.InputError)
    assert exc.where == str(path)
    assert str(path) in str(exc)
    assert ".xlsx" in exc.expected


def test_missing_file_suggests_the_spreadsheets_next_to_it(tmp_path: Path) -> None:
    write_book(tmp_path / "sales.xlsx", {"Sales": [["Region", "Sales"], ["West", 1]]})
    (tmp_path / "readme.txt").write_text("not a spreadsheet", encoding="utf-8")
    with pytest.raises(nlsheet.WorkbookNotFoundError) as info:
        ask(tmp_path / "sale.xlsx", "total sales")
    exc = check_error(info.value, nlsheet.WorkbookNotFoundError)
    assert exc.candidates == ("sales.xlsx",)
    assert "sales.xlsx" in str(exc)


def _text_file(path: Path) -> None:
    path.write_text("Region,Sales\nthis is a plain text file, renamed\n", encoding="utf-8")


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 16)


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "a zip archive, but no workbook inside")


def _truncated_workbook(path: Path) -> None:
    data = SALES.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("renamed.xlsx", _text_file, id="text-as-xlsx"),
        pytest.param("noise.xlsx", _random_bytes, id="random-bytes"),
        pytest.param("empty.xlsx", _empty_file, id="zero-bytes"),
        pytest.param("archive.xlsx", _zip_without_workbook, id="zip-without-workbook"),
        pytest.param("truncated.xlsx", _truncated_workbook, id="truncated"),
        pytest.param("letter.xls", _text_file, id="text-as-xls"),
        pytest.param("letter.docx", _text_file, id="text-as-docx"),
    ],
)
def test_not_a_spreadsheet(tmp_path: Path, name: str, make: Callable[[Path], None]) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(nlsheet.NotASpreadsheetError) as info:
        ask(path, "total sales")
    exc = check_error(info.value, nlsheet.NotASpreadsheetError)
    assert isinstance(exc, nlsheet.WorkbookError)
    assert exc.where == str(path)
    assert name in str(exc)
    assert ".xlsx" in str(exc)  # says what it expected instead


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.xlsx"
    folder.mkdir()
    with pytest.raises(nlsheet.NotASpreadsheetError) as info:
        ask(folder, "total sales")
    exc = check_error(info.value, nlsheet.NotASpreadsheetError)
    assert exc.where == str(folder)
    assert "folder" in exc.found
    assert "folder" in str(exc)


def test_encrypted_workbook(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = SAMPLES / "budget.xlsx"
    locked = tmp_path / "locked.xlsx"
    encrypted = io.BytesIO()
    with plain.open("rb") as fh:
        ooxml.OOXMLFile(fh).encrypt("s3cret", encrypted)
    locked.write_bytes(encrypted.getvalue())
    assert locked.read_bytes() != plain.read_bytes()
    with pytest.raises(nlsheet.EncryptedWorkbookError) as info:
        ask(locked, "total budget")
    exc = check_error(info.value, nlsheet.EncryptedWorkbookError)
    assert isinstance(exc, nlsheet.WorkbookError)
    assert exc.where == str(locked)
    assert "password" in str(exc)
    assert "locked.xlsx" in str(exc)


# --- sheets and tables ------------------------------------------------------------------------


def test_empty_sheet(tmp_path: Path) -> None:
    path = write_book(tmp_path / "blank.xlsx", {"Empty": []})
    with pytest.raises(nlsheet.NoTableError) as info:
        ask(path, "how many rows")
    exc = check_error(info.value, nlsheet.NoTableError)
    assert "Empty" in exc.where
    assert "'Empty'" in str(exc)
    assert "empty" in str(exc)


@pytest.mark.parametrize("text", ["", "\n\n , ,\n"], ids=["zero-bytes", "only-separators"])
def test_empty_csv(tmp_path: Path, text: str) -> None:
    path = tmp_path / "blank.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(nlsheet.NoTableError) as info:
        ask(path, "how many rows")
    exc = check_error(info.value, nlsheet.NoTableError)
    assert "blank" in exc.where


def test_empty_sheet_is_skipped_when_another_sheet_fits(tmp_path: Path) -> None:
    amounts = [1.5, 2.5, 4.0]
    path = write_book(
        tmp_path / "cover.xlsx",
        {"Cover": [], "Data": [["Name", "Amount"], *(["x", a] for a in amounts)]},
    )
    result = ask(path, "total amount")
    assert result.sheet == "Data"
    assert result.value == pytest.approx(sum(amounts))
    with pytest.raises(nlsheet.NoTableError):
        ask(path, "total amount", sheet="Cover")


def test_unknown_sheet_suggests_the_close_name() -> None:
    with pytest.raises(nlsheet.UnknownSheetError) as info:
        ask(INVENTORY, "total quantity", sheet="Stok")
    exc = check_error(info.value, nlsheet.UnknownSheetError)
    assert isinstance(exc, LookupError)
    assert exc.found == "Stok"
    assert exc.candidates[0] == "Stock"
    assert "'Stok'" in str(exc)
    assert "did you mean 'Stock'" in str(exc)
    assert "inventory.xlsx" in str(exc)
    for sheet in ("Stock", "Suppliers"):  # the sheets it does have
        assert sheet in exc.expected


def test_unknown_sheet_of_a_dataframe() -> None:
    frame = pd.DataFrame({"Name": ["a", "b"], "Score": [1, 2]})
    with pytest.raises(nlsheet.UnknownSheetError) as info:
        ask(frame, "total score", sheet="Data")
    exc = check_error(info.value, nlsheet.UnknownSheetError)
    assert exc.found == "Data"
    assert "Sheet1" in exc.candidates


def test_dataframe_without_columns() -> None:
    with pytest.raises(nlsheet.NoTableError) as info:
        ask(pd.DataFrame(), "how many rows")
    check_error(info.value, nlsheet.NoTableError)


# --- the command ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["", " ", "   \t\n  "], ids=["empty", "space", "whitespace"])
def test_empty_command(command: str) -> None:
    with pytest.raises(nlsheet.EmptyCommandError) as info:
        ask(SALES, command, sheet="Sales")
    exc = check_error(info.value, nlsheet.EmptyCommandError)
    assert isinstance(exc, nlsheet.InputError)
    assert "empty" in str(exc)
    assert exc.candidates  # examples of what to type instead


def test_overlong_command_is_refused_as_bad_input() -> None:
    command = "average of sales " * 300
    with pytest.raises(nlsheet.InputError) as info:
        ask(SALES, command, sheet="Sales")
    exc = info.value
    assert isinstance(exc, nlsheet.NlsheetError)
    assert "characters" in str(exc)
    assert str(len(command.strip())) in str(exc)
    assert exc.where is not None


def test_unknown_column_word() -> None:
    with pytest.raises(nlsheet.UnknownColumnError) as info:
        ask(SALES, "average of blorp", sheet="Sales")
    exc = check_error(info.value, nlsheet.UnknownColumnError)
    assert isinstance(exc, LookupError)
    assert exc.found == "blorp"
    assert "'blorp'" in str(exc)
    assert "blorp" in exc.where
    assert "Sales!A1:G1" in str(exc)  # where it looked: the header cells of the table
    assert exc.candidates
    assert set(exc.candidates) <= set(SALES_HEADERS)


@pytest.mark.parametrize(
    "command",
    ["total sales in Ohio", "total sales in Wset", "average of sales blorp"],
)
def test_unknown_words_beside_a_column_are_not_ignored(command: str) -> None:
    # 'Ohio' is no region and 'Wset' is a typo of one: answering over all rows would ignore
    # a condition the user asked for.
    with pytest.raises(nlsheet.NlsheetError):
        ask(SALES, command, sheet="Sales")


@pytest.mark.parametrize("letter", ["Z", "AA"])
def test_column_letter_outside_the_table(letter: str) -> None:
    with pytest.raises(nlsheet.UnknownColumnError) as info:
        ask(SALES, f"sum column {letter}", sheet="Sales")
    exc = check_error(info.value, nlsheet.UnknownColumnError)
    assert exc.found == letter
    assert f"column {letter}" in str(exc)
    assert "A" in exc.expected
    assert "G" in exc.expected
    # every column of the table is offered, by letter and name
    assert len(exc.candidates) == len(SALES_HEADERS)
    for letter_in_table, name in zip("ABCDEFG", SALES_HEADERS, strict=True):
        assert any(letter_in_table in c and name in c for c in exc.candidates)


@pytest.mark.parametrize(
    ("command", "column", "data_range", "header_cell"),
    [
        ("average of region", "Region", "Sales!$B$2:$B$201", "Sales!B1"),
        # 'regoin' is a typo of Region: understood as Region, which holds text
        ("average of regoin", "Region", "Sales!$B$2:$B$201", "Sales!B1"),
        ("total product", "Product", "Sales!$D$2:$D$201", "Sales!D1"),
        ("median of rep", "Rep", "Sales!$C$2:$C$201", "Sales!C1"),
    ],
)
def test_text_column_for_a_numeric_aggregate(
    command: str, column: str, data_range: str, header_cell: str
) -> None:
    with pytest.raises(nlsheet.ColumnTypeError) as info:
        ask(SALES, command, sheet="Sales")
    exc = check_error(info.value, nlsheet.ColumnTypeError)
    assert isinstance(exc, TypeError)
    assert isinstance(exc, nlsheet.InputError)
    message = str(exc)
    assert column in message
    assert data_range in message
    assert exc.where == header_cell
    assert "text" in exc.found
    assert list(exc.candidates) == SALES_NUMERIC
    for name in SALES_NUMERIC:
        assert name in message


def test_text_column_alternatives_leave_out_text_and_id_columns() -> None:
    with pytest.raises(nlsheet.ColumnTypeError) as info:
        ask(INVENTORY, "average of category", sheet="Stock")
    exc = check_error(info.value, nlsheet.ColumnTypeError)
    assert "Category" in str(exc)
    assert "Stock!$D$5:$D$64" in str(exc)
    assert list(exc.candidates) == ["Quantity", "Unit Cost ($)", "Reorder Level"]


@pytest.mark.parametrize(
    "command",
    ["hello there", "what is the weather in Paris", "tell me a joke", "??"],
)
def test_chit_chat_is_not_understood(command: str) -> None:
    with pytest.raises(nlsheet.NotUnderstoodError) as info:
        ask(SALES, command, sheet="Sales")
    exc = check_error(info.value, nlsheet.NotUnderstoodError)
    assert not isinstance(exc, nlsheet.InputError)
    assert exc.found == command
    assert command in str(exc)
    assert exc.candidates  # examples of questions it does answer


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("total sales where the moon is full", "moon"),
        ("total sales for Narnia", "narnia"),
        ("average units per galaxy", "galaxy"),
        ("max of sales where flurbs > 10", "flurb"),
    ],
)
def test_condition_it_cannot_read_is_refused_not_ignored(command: str, words: str) -> None:
    # Answering over all rows would silently drop a condition the user asked for.
    with pytest.raises(nlsheet.NlsheetError) as info:
        ask(SALES, command, sheet="Sales")
    exc = info.value
    assert words in (exc.found or "").lower()
    assert exc.where is not None and words in exc.where.lower()


# --- reads never write ------------------------------------------------------------------------

ASKS = [
    ("sales.xlsx", "average of sales", "Sales"),
    ("sales.xlsx", "total sales where region is West", "Sales"),
    ("sales.xlsx", "average of region", "Sales"),
    ("sales.xlsx", "what's the average", None),
    ("inventory.xlsx", "total quantity", None),
    ("inventory.xlsx", "total quantity", "Stok"),
    ("inventory.xlsx", "sum column Z", "Stock"),
    ("orders.xlsx", "how many orders", None),
    ("orders.xlsx", "hello there", None),
    ("budget.xlsx", "total budget", None),
    ("budget.xlsx", "   ", None),
]


def test_ask_never_modifies_the_input_files(tmp_path: Path) -> None:
    copies = copy_samples(tmp_path)
    before = {p.name: file_state(p) for p in copies}
    listing = sorted(os.listdir(tmp_path))
    answered = failed = 0
    for name, command, sheet in ASKS:
        try:
            ask(tmp_path / name, command, sheet=sheet)
            answered += 1
        except nlsheet.NlsheetError:
            failed += 1
    assert answered >= 4
    assert failed >= 5
    after = {p.name: file_state(p) for p in copies}
    assert after == before
    assert sorted(os.listdir(tmp_path)) == listing  # no lock, temp or cache files beside them
