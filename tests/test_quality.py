"""Project checks that belong to the test run: lint, types, public API, README and CI agree."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import nlsheet

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed; pip install -e '.[dev]'")
    return found


def test_ruff_is_clean() -> None:
    run = subprocess.run(
        [_tool("ruff"), "check", "nlsheet", "tests", "bench", "sample_workbooks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_is_clean() -> None:
    run = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_public_api_is_sorted_and_importable() -> None:
    assert nlsheet.__all__ == sorted(nlsheet.__all__)
    for name in nlsheet.__all__:
        assert hasattr(nlsheet, name), name
    assert (ROOT / "nlsheet" / "py.typed").exists()


def test_every_error_derives_from_the_root() -> None:
    errors = [getattr(nlsheet, n) for n in nlsheet.__all__ if n.endswith("Error")]
    assert len(errors) >= 10
    assert all(issubclass(e, nlsheet.NlsheetError) for e in errors)
    documented = (ROOT / "nlsheet" / "errors.py").read_text(encoding="utf-8").split('"""')[1]
    assert all(e.__name__ in documented for e in errors)


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Set up\n.*?```(?:bash|sh)?\n(.*?)```", text, re.S)
    assert block, "README.md needs a '## Set up' section with a code block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_second() -> None:
    commands = _readme_commands()
    assert len(commands) == 2, commands
    assert "sample_workbooks/" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
