"""points_vs_percent: one figure given as a change in percentage points by one article and in percent by another.

"rose 0.4 percentage points" and "rose 0.4%" agree only if the earlier level was 100%: one of
the two units is almost surely wrong.  When a level is given ("to 3.1%"), `changes_agree`
converts one unit into the other and decides; this rule speaks only when it cannot.
"""

from __future__ import annotations

from crosscheck.comparators import changes_agree
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.comparators.changes_agree import Params
from crosscheck.kinds import intervals
from crosscheck.kinds.approx import figure_interval
from crosscheck.kinds.changes import is_change
from crosscheck.model.values import Interval, PercentageValue


def _size(item: Item, params: Params) -> Interval | None:
    value = item.value
    if not isinstance(value, PercentageValue) or (value.amount is None and value.approx != "between"):
        return None
    return figure_interval(value.approx, value.amount, item.text, low=value.low, high=value.high, tolerances=params)


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when two changes give the same figure, one in percentage points, one in percent."""
    va, vb = a.value, b.value
    if not (isinstance(va, PercentageValue) and isinstance(vb, PercentageValue)) or va.points == vb.points:
        return None
    if not (is_change(va, a.claim.frame) and is_change(vb, b.claim.frame)):
        return None
    size_a, size_b = _size(a, params), _size(b, params)
    if size_a is None or size_b is None or not intervals.overlaps(size_a, size_b):
        return None
    if changes_agree.compare(a, b, params) is not None:
        return None  # a level was given: changes_agree has already decided (and reported)
    points, percent = (a, b) if va.points else (b, a)
    explanation = (
        f"{quoted(points.text)} is a change in percentage points, {quoted(percent.text)} the same figure in percent "
        "of the earlier level; both hold only if that level was 100%, so one of the two units is likely wrong."
    )
    return Verdict(items=(a, b), normals=(a.normal(params), b.normal(params)), explanation=explanation)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="points_vs_percent",
    summary="the same change given in percentage points and in percent",
    kinds=("percentage",),
    params=Params,
    pair=compare,
    facts=FACTS,
)
