"""Expected value, formula and header cells of a worked command (tests/cases/samples.yaml)."""

from __future__ import annotations

from typing import Any

from ..query import CaseSpec
from ..table import Table
from .rows import aggregate, to_plain

INTENT_FUNCS = {
    "sum": "SUM",
    "average": "AVERAGE",
    "min": "MIN",
    "max": "MAX",
    "median": "MEDIAN",
}


def expected(table: Table, spec: CaseSpec) -> dict[str, Any]:
    """Compute the expected value, formula and columns for one case."""
    if spec.column is None:
        if spec.intent != "count":
            raise ValueError(f"row count must be a count: {spec}")
        first = table.headers[0]
        return {
            "intent": "count",
            "value": len(table.rows),
            "formula": f"=ROWS({table.data_range(first)})",
            "sheet": table.sheet,
            "columns": [],
        }

    column = spec.column
    rng_text = table.data_range(column)
    wrapped = bool(table.text_number_cells(column))
    if wrapped:
        rng_text = f'IFERROR(VALUE({rng_text}),"")'
    if spec.intent == "count":
        if table.is_numeric(column):
            value: int | float = len(table.numbers(column))
            formula = f"=COUNT({rng_text})"
        else:
            value = sum(v is not None for v in table.values(column))
            formula = f"=COUNTA({table.data_range(column)})"
    else:
        if not table.is_numeric(column):
            raise ValueError(f"{spec.intent} of a text column: {spec}")
        value = to_plain(aggregate(spec.intent, table.numbers(column)))
        formula = f"={INTENT_FUNCS[spec.intent]}({rng_text})"
    return {
        "intent": spec.intent,
        "value": value,
        "formula": formula,
        "sheet": table.sheet,
        "columns": [{"name": column, "cell": table.header_cell(column)}],
    }
