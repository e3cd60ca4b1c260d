"""The command-line contract: one JSON object, exit codes 0/2/3/4, readable human output.

Most cases call ``nlsheet.cli.main`` in-process with string buffers; a few run
``python -m nlsheet`` as a real subprocess to check the exit code and that no traceback leaks.
Expected values come from sample_workbooks/README.md and from reading the workbooks with openpyxl.
"""

from __future__ import annotations

import io
import json
import math
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTRACT_KEYS
from helpers_books import SAMPLES, file_state, read_column

from nlsheet.cli import main

SALES = SAMPLES / "sales.xlsx"
# sales.xlsx (README): sheet Sales, header A1:G1, data rows 2..201; Units E, Price F, Sales G.
SALES_TOTAL = 112399.81
NUMERIC = {"Units": "E", "Price": "F", "Sales": "G"}
KEYS = CONTRACT_KEYS


def sales_column(letter: str) -> list[float]:
    values = read_column(SALES, "Sales", letter, 2, 201)
    assert all(isinstance(v, (int, float)) for v in values)
    return [float(v) for v in values]


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def one_json_object(stdout: str) -> dict[str, Any]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert len(lines) == 1, stdout
    data = json.loads(lines[0])
    assert isinstance(data, dict)
    assert set(data) >= KEYS
    return data


def test_sales_total_from_the_readme_matches_the_workbook() -> None:
    # Guards the constant the other tests use against the workbook itself.
    assert math.fsum(sales_column("G")) == pytest.approx(SALES_TOTAL, abs=1e-6)


# --- answered: exit 0 -------------------------------------------------------------------------


def test_json_answer() -> None:
    code, out, err = run("ask", SALES, "total sales", "--json")
    assert code == 0
    assert "Traceback" not in err
    data = one_json_object(out)
    assert data["value"] == pytest.approx(math.fsum(sales_column("G")))
    assert data["formula"] == "=SUM(Sales!$G$2:$G$201)"
    assert data["intent"] == "sum"
    assert data["route"] == "classifier"
    assert isinstance(data["confidence"], float)
    assert 0 < data["confidence"] <= 1
    assert data["columns"] == [{"name": "Sales", "cell": "Sales!G1"}]
    assert data["changes"] == []
    assert data["clarification"] is None
    assert data["error"] is None


@pytest.mark.parametrize(
    ("command", "sheet", "expected", "formula"),
    [
        (
            "average of sales",
            "Sales",
            statistics.mean(sales_column("G")),
            "=AVERAGE(Sales!$G$2:$G$201)",
        ),
        ("max of units", None, max(sales_column("E")), "=MAX(Sales!$E$2:$E$201)"),
        ("how many rows", None, 200, "=ROWS(Sales!$A$2:$A$201)"),
        ("sum column G", "Sales", math.fsum(sales_column("G")), "=SUM(Sales!$G$2:$G$201)"),
    ],
)
def test_json_answers(command: str, sheet: str | None, expected: float, formula: str) -> None:
    args = ["ask", str(SALES), command, "--json", *(["--sheet", sheet] if sheet else [])]
    code, out, _ = run(*args)
    assert code == 0
    data = one_json_object(out)
    assert data["value"] == pytest.approx(expected)
    assert data["formula"] == formula


def test_human_answer_shows_value_formula_and_cells() -> None:
    code, out, err = run("ask", SALES, "total sales")
    assert code == 0
    assert err == ""
    assert f"{math.fsum(sales_column('G')):,.2f}" in out  # 112,399.81
    assert "=SUM(Sales!$G$2:$G$201)" in out
    assert "Sales!G1" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_explain_adds_how_the_answer_was_found() -> None:
    plain_code, plain, _ = run("ask", SALES, "avrage of slaes")
    code, out, _ = run("ask", SALES, "avrage of slaes", "--explain")
    assert plain_code == code == 0
    assert len(out.splitlines()) > len(plain.splitlines())
    assert "slaes" in out  # the word of the command that named the column
    assert "Sales!G1" in out


def test_save_on_a_question_writes_nothing(tmp_path: Path) -> None:
    book = tmp_path / "sales.xlsx"
    book.write_bytes(SALES.read_bytes())
    before = file_state(book)
    target = tmp_path / "out.xlsx"
    for extra in ([], ["--json"]):
        code, out, _ = run("ask", book, "total sales", "--save", target, *extra)
        assert code == 0
        assert not target.exists()
        assert str(target) in out  # says that nothing was written
    data = one_json_object(run("ask", book, "total sales", "--save", target, "--json")[1])
    assert data["changes"] == []
    assert file_state(book) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sales.xlsx"]


# --- bad input: exit 2 ------------------------------------------------------------------------


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.xlsx"
    path.write_text("just some text", encoding="utf-8")
    return path


BAD_INPUT = [
    pytest.param(["nope.xlsx", "total sales"], "WorkbookNotFoundError", "nope.xlsx", id="missing"),
    pytest.param(
        [SALES, "total sales", "--sheet", "Sals"], "UnknownSheetError", "Sals", id="unknown-sheet"
    ),
    pytest.param([SALES, ""], "EmptyCommandError", "empty", id="empty-command"),
    pytest.param([SALES, "   "], "EmptyCommandError", "empty", id="blank-command"),
    pytest.param([SALES, "average of region"], "ColumnTypeError", "Region", id="text-column"),
    pytest.param([SALES, "sum column Z"], "UnknownColumnError", "column Z", id="letter-outside"),
]


@pytest.mark.parametrize(("args", "error_type", "word"), BAD_INPUT)
def test_bad_input_json(tmp_path: Path, args: list[Any], error_type: str, word: str) -> None:
    if args[0] == "nope.xlsx":
        args = [tmp_path / "nope.xlsx", *args[1:]]
    code, out, err = run("ask", *args, "--json")
    assert code == 2
    assert "Traceback" not in err
    data = one_json_object(out)
    assert data["value"] is None
    assert data["formula"] is None
    assert data["clarification"] is None
    error = data["error"]
    assert error["type"] == error_type
    assert word in error["message"]


@pytest.mark.parametrize(("args", "error_type", "word"), BAD_INPUT)
def test_bad_input_human(tmp_path: Path, args: list[Any], error_type: str, word: str) -> None:
    if args[0] == "nope.xlsx":
        args = [tmp_path / "nope.xlsx", *args[1:]]
    code, out, err = run("ask", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("nlsheet: ")
    assert word in err
    assert "Traceback" not in err


def test_not_a_spreadsheet_is_bad_input(tmp_path: Path) -> None:
    path = _text_file(tmp_path)
    code, out, _ = run("ask", path, "total sales", "--json")
    assert code == 2
    error = one_json_object(out)["error"]
    assert error["type"] == "NotASpreadsheetError"
    assert "notes.xlsx" in error["message"]


def test_usage_error_in_process_returns_2_on_the_given_stderr() -> None:
    code, out, err = run("ask", SALES)
    assert code == 2
    assert out == ""
    assert "command" in err


# --- clarification: exit 3 --------------------------------------------------------------------


def test_clarification_json() -> None:
    code, out, _ = run("ask", SALES, "what's the average", "--json")
    assert code == 3
    data = one_json_object(out)
    assert data["value"] is None
    assert data["error"] is None
    clarification = data["clarification"]
    assert clarification["question"].strip()
    options = clarification["options"]
    # Each product's price repeats on its sales: Price is offered over the rows and over
    # each product once.
    assert [o["label"] for o in options] == [
        "average of Units",
        "average of Price over the rows",
        "average of Price, each Product once",
        "average of Sales",
    ]
    for option in options:
        assert set(option) == {"label", "command"}
        assert option["label"].split()[2].rstrip(",") in option["command"]


def test_clarification_options_are_commands_that_answer() -> None:
    _, out, _ = run("ask", SALES, "what's the average", "--json")
    options = one_json_object(out)["clarification"]["options"]
    answers = []
    for option in options:
        code, answer, _ = run("ask", SALES, option["command"], "--json")
        assert code == 0, option
        answers.append(one_json_object(answer))
    for data, name in zip([answers[0], answers[1], answers[3]], NUMERIC, strict=True):
        letter = NUMERIC[name]
        assert data["value"] == pytest.approx(statistics.mean(sales_column(letter)))
        assert data["formula"] == f"=AVERAGE(Sales!${letter}$2:${letter}$201)"
        assert data["columns"] == [{"name": name, "cell": f"Sales!{letter}1"}]
    products = read_column(SALES, "Sales", "D", 2, 201)
    prices = dict(zip(products, sales_column("F"), strict=True))
    assert answers[2]["value"] == pytest.approx(statistics.mean(prices.values()))


def test_clarification_human() -> None:
    code, out, _ = run("ask", SALES, "what's the average")
    assert code == 3
    assert "?" in out
    for name in NUMERIC:
        assert f"average of {name}" in out


# --- not understood: exit 4 -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["tell me a joke", "total sales where the moon is full"])
def test_not_understood(command: str) -> None:
    code, out, err = run("ask", SALES, command, "--json")
    assert code == 4
    assert "Traceback" not in err
    data = one_json_object(out)
    assert data["value"] is None
    assert data["error"]["type"] == "NotUnderstoodError"
    assert command in data["error"]["message"]

    code, out, err = run("ask", SALES, command)
    assert code == 4
    assert out == ""
    assert err.startswith("nlsheet: ")


# --- a real process ---------------------------------------------------------------------------

PROCESS_CASES = [
    pytest.param([SALES, "total sales", "--json"], 0, id="answered"),
    pytest.param([SALES, "total sales"], 0, id="answered-human"),
    pytest.param(["missing.xlsx", "total sales", "--json"], 2, id="missing-file"),
    pytest.param([SALES, "total sales", "--sheet", "Nope"], 2, id="unknown-sheet"),
    pytest.param([SALES, "", "--json"], 2, id="empty-command"),
    pytest.param([SALES], 2, id="usage-no-command"),
    pytest.param([SALES, "what's the average", "--json"], 3, id="clarify"),
    pytest.param([SALES, "tell me a joke"], 4, id="not-understood"),
]


@pytest.mark.parametrize(("args", "expected_code"), PROCESS_CASES)
def test_subprocess_exit_codes(tmp_path: Path, args: list[Any], expected_code: int) -> None:
    argv = [str(tmp_path / a) if a == "missing.xlsx" else str(a) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "nlsheet", "ask", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == expected_code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Traceback" not in proc.stdout
    if "--json" in argv:
        one_json_object(proc.stdout)
    if expected_code == 0:
        assert "112" in proc.stdout and "399.81" in proc.stdout
