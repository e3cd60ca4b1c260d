"""The layers import downwards only: workbook < backends < steps < engine.

Imports inside ``if TYPE_CHECKING:`` count too: a circle drawn only for the type checker is
still a circle a reader has to hold in mind.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "nlsheet"

# Upward imports known and waiting for their owner (none left: keep the mechanism, so a
# deliberate exception is written down here rather than slipped in).
PENDING: dict[str, str] = {}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _upward(package: str, above: tuple[str, ...]) -> set[tuple[str, str]]:
    bad = set()
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for module in _imports(path):
            if module.startswith(above):
                bad.add((path.relative_to(PACKAGE).as_posix(), module))
    return bad


def test_workbook_imports_no_layer_above_it() -> None:
    above = ("nlsheet.nlu", "nlsheet.planner", "nlsheet.backends", "nlsheet.engine")
    upward = _upward("workbook", (*above, "nlsheet.steps", "nlsheet.llm"))
    pending = {(f, m) for f, m in upward if m.startswith(PENDING.get(f, "-"))}
    assert upward - pending == set()
    assert {f for f, _ in pending} == set(PENDING), "an upward import is gone: drop it from PENDING"


def test_backends_import_no_layer_above_them() -> None:
    above = ("nlsheet.nlu", "nlsheet.planner", "nlsheet.engine", "nlsheet.steps")
    assert _upward("backends", above) == set()


def test_steps_do_not_import_the_engine() -> None:
    assert not any(m.startswith("nlsheet.engine") for m in _imports(PACKAGE / "steps.py"))


def test_the_formula_backend_computes_no_value() -> None:
    """It is given the engine's answer; it does not run the pandas backend again."""
    imported = _imports(PACKAGE / "backends" / "formula.py")
    pandas = ("nlsheet.backends.pandas_exec.", "nlsheet.backends.masks")
    assert {m for m in imported if m.startswith(pandas)} == {"nlsheet.backends.pandas_exec.Answer"}
