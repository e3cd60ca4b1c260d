"""'Best' and 'worst' judge a figure, and which end is best depends on what it measures: the
best score is the highest, the best finishing time the lowest, the worst delay the highest.
The classifier reads 'worst' as the lowest; over a figure where less is better that is the
best. Headers whose words say which way is better set the direction; any other figure is
read as better high, as most are (scores, sales, marks), and the answer's notes say so.

Example:
    >>> judged(ctx, ArgExtreme("Route", "Avg Delay (min)", largest=False)).largest
    True
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlsheet.nlu.text import header_words, normalize_word
from nlsheet.plan import AggFunc, Aggregate, ArgExtreme, Op, TopN
from nlsheet.planner.context import Context

__all__ = ["judged"]

_JUDGED = re.compile(r"\b(best|worst|better|worse)\b", re.I)
# Words that say the end themselves: 'the best-selling product' is the most sold.
_SIZED = re.compile(
    r"\b(?:highest|lowest|most|least|largest|smallest|biggest|greatest|fewest|maximum|minimum|"
    r"max|min|top|bottom|fastest|slowest|quickest|longest|shortest|cheapest|dearest|priciest|"
    r"earliest|latest|oldest|newest|youngest|heaviest|lightest)\b|\bbest[-\s]sell|"
    r"\bworst[-\s]sell|\bbest[-\s]perform|\bworst[-\s]perform",
    re.I,
)
# Figures where more is better, and where more is worse; normalised header words.
_MORE_IS_BETTER = frozenset(
    normalize_word(w)
    for w in """score scores rating ratings point points goal goals sale sales revenue turnover
    profit margin income earnings yield output attendance satisfaction nps grade grades mark marks
    win wins accuracy efficiency donation donations growth visitor visitors booking bookings
    sold takings saving savings roi uptime availability""".split()  # noqa: SIM905
)
_MORE_IS_WORSE = frozenset(
    normalize_word(w)
    for w in """delay delays late lateness wait waiting turbidity error errors defect defects fault
    faults complaint complaints waste wasted downtime absence absences absent sick cost costs
    expense expenses debt owed overdue arrears loss losses refund refunds cancellation
    cancellations churn injury injuries accident accidents incident incidents bug bugs crime
    pollution emission emissions co2 nitrate bacteria coliform contamination noise
    turnaround position rank place handicap strokes penalty penalties foul fouls""".split()  # noqa: SIM905
)
# Times where less is better: a race, a response, a resolution.
_TIME_TO_BEAT = re.compile(
    r"\b(?:finish|finishing|race|lap|run|response|resolution|handling|wait|waiting|"
    r"delivery|transit|repair|fix|processing|turnaround)\s+times?\b|\bdays?\s+to\s+\w+|"
    r"\btime\s+to\s+\w+",
    re.I,
)


def judged(ctx: Context, op: Op) -> Op:
    """The op ranked the way 'best' or 'worst' means for its figure. Ops that say no 'best'
    or 'worst', or say the end in other words too ('the best-selling', 'the worst, lowest
    score'), pass unchanged."""
    text = ctx.interp.text
    said = _JUDGED.search(text)
    if said is None or _SIZED.search(text):
        return op
    figure = _figure(op)
    if figure is None:
        return op
    largest = _largest(op)
    good = said.group(1).lower() in ("best", "better")
    better = _more_is_better(figure)
    if better is None:
        # Most figures are better high (scores, sales, marks): kept, and said.
        ctx.notes.append(
            f"'{said.group(1)}' read as the {'highest' if largest else 'lowest'} {figure}"
        )
        return op
    wanted = good == better
    if wanted != largest:
        ctx.notes.append(
            f"'{said.group(1)}' {figure}: the {'highest' if wanted else 'lowest'}, as "
            f"{'more' if better else 'less'} {figure} is better"
        )
    return _ranked(ctx, op, wanted)


def _figure(op: Op) -> str | None:
    """The column the op ranks, or None for a count of rows or a combination of columns."""
    if isinstance(op, (ArgExtreme, TopN)):
        if op.derived is not None or (isinstance(op, ArgExtreme) and op.count):
            return None
        return op.measure
    if isinstance(op, Aggregate) and op.func in (AggFunc.MIN, AggFunc.MAX):
        measure = op.measure
        if measure is None or measure.other is not None or measure.span:
            return None
        return measure.column
    return None


def _largest(op: Op) -> bool:
    if isinstance(op, (ArgExtreme, TopN)):
        return op.largest
    assert isinstance(op, Aggregate)
    return op.func is AggFunc.MAX


def _ranked(ctx: Context, op: Op, largest: bool) -> Op:
    """The op ranked ``largest`` first, and the intent that says so."""
    if isinstance(op, ArgExtreme):
        ctx.intent = "arg_max" if largest else "arg_min"
        return replace(op, largest=largest)
    if isinstance(op, TopN):
        ctx.intent = "top_n" if largest else "bottom_n"
        return replace(op, largest=largest)
    assert isinstance(op, Aggregate)
    ctx.intent = "max" if largest else "min"
    return replace(op, func=AggFunc.MAX if largest else AggFunc.MIN)


def _more_is_better(header: str) -> bool | None:
    """True when more of the figure is better, False when less is, None when the header
    does not say (or says both)."""
    if _TIME_TO_BEAT.search(header):
        return False
    words = {normalize_word(w) for w in header_words(header)}
    good, bad = bool(words & _MORE_IS_BETTER), bool(words & _MORE_IS_WORSE)
    return None if good == bad else good
