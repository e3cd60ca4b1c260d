"""Interpretation -> Plan: one builder per intent, checking that the columns fit the operation.

The builders read the assembled slots (:class:`nlsheet.nlu.conditions.Frame`): the conditions,
the grouping column, N, and the column mentions left free for the operation. What cannot be
answered faithfully is refused with a typed error, never approximated.

Example:
    >>> build(interpret("average price per product", table, model, settings), table).plan.op
    Aggregate(func=<AggFunc.AVERAGE: 'average'>, measure=Measure(column='Price'), ...)
"""

from __future__ import annotations

from nlsheet.planner.build import SUPPORTED_INTENTS, build
from nlsheet.planner.context import AGG_PHRASES, INTENT_PHRASES, Built

__all__ = ["AGG_PHRASES", "INTENT_PHRASES", "SUPPORTED_INTENTS", "Built", "build"]
