"""Interval arithmetic on `report.Interval`: the one shape every numeric value normalises to.

Two values agree when their intervals share a point; they conflict when the
intervals are disjoint.  Bounds may be open or closed, so "nearly 600" =
[540, 600) and "600+" = [600, ∞) are disjoint, while "over 200" = (200, ∞) and
"200+" = [200, ∞) are not.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from crosscheck.kinds.numbers import format_number
from crosscheck.model.values import Interval

Formatter = Callable[[float], str]

NUMBER_WORDS = ("at least", "more than", "at most", "less than")
"""How bounds read for figures: closed low, open low, closed high, open high."""
DATE_WORDS = ("on or after", "after", "on or before", "before")
"""How bounds read for dates."""


def make(low: float | None, high: float | None, *, low_closed: bool = True, high_closed: bool = True, unit: str | None = None) -> Interval:
    """An interval; an unbounded side is always open."""
    return Interval(
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        low_closed=low_closed and low is not None,
        high_closed=high_closed and high is not None,
        unit=unit,
    )


def point(value: float, unit: str | None = None) -> Interval:
    """The one-point interval [v, v]."""
    return make(value, value, unit=unit)


def _low_key(i: Interval) -> tuple[float, int]:
    """Orders lower bounds: a closed bound admits its point, so it sorts before an open one."""
    return (-math.inf if i.low is None else i.low, 0 if i.low_closed else 1)


def _high_key(i: Interval) -> tuple[float, int]:
    return (math.inf if i.high is None else i.high, 1 if i.high_closed else 0)


def below(a: Interval, b: Interval) -> bool:
    """True when every point of `a` is smaller than every point of `b`."""
    if a.high is None or b.low is None:
        return False
    if a.high < b.low:
        return True
    return a.high == b.low and not (a.high_closed and b.low_closed)


def overlaps(a: Interval, b: Interval) -> bool:
    """True when the two intervals share at least one point (symmetric)."""
    return not below(a, b) and not below(b, a)


def tightest_pair(intervals: list[Interval]) -> tuple[int, int] | None:
    """Indexes (i, j) of an interval lying wholly below another, or None when all share a point.

    Sorting by bounds finds it in O(n log n): the interval whose upper bound is
    smallest against the one whose lower bound is largest.
    """
    if len(intervals) < 2:
        return None
    i = min(range(len(intervals)), key=lambda k: _high_key(intervals[k]))
    j = max(range(len(intervals)), key=lambda k: _low_key(intervals[k]))
    return (i, j) if below(intervals[i], intervals[j]) else None


def scale(i: Interval, factor: float, unit: str | None = None) -> Interval:
    """Multiply both bounds by a positive factor."""
    return make(
        None if i.low is None else i.low * factor,
        None if i.high is None else i.high * factor,
        low_closed=i.low_closed,
        high_closed=i.high_closed,
        unit=unit if unit is not None else i.unit,
    )


def integers(i: Interval) -> Interval | None:
    """The integers an interval holds, as a closed interval ((5, 10] -> [6, 10]); None if none."""
    low = None
    if i.low is not None:
        low = math.floor(i.low) + 1 if (float(i.low).is_integer() and not i.low_closed) else math.ceil(i.low - 1e-9)
    high = None
    if i.high is not None:
        high = math.ceil(i.high) - 1 if (float(i.high).is_integer() and not i.high_closed) else math.floor(i.high + 1e-9)
    if low is not None and high is not None and low > high:
        return None
    return make(low, high, unit=i.unit)


def lower_words(i: Interval, fmt: Formatter = format_number, vocab: tuple[str, ...] = NUMBER_WORDS) -> str:
    """What the lower bound says: "at least 600", "more than 200"."""
    if i.low is None:
        return "unbounded below"
    return f"{vocab[0] if i.low_closed else vocab[1]} {fmt(i.low)}"


def upper_words(i: Interval, fmt: Formatter = format_number, vocab: tuple[str, ...] = NUMBER_WORDS) -> str:
    """What the upper bound says: "less than 600", "at most 10"."""
    if i.high is None:
        return "unbounded above"
    return f"{vocab[2] if i.high_closed else vocab[3]} {fmt(i.high)}"


def words(i: Interval, fmt: Formatter = format_number, vocab: tuple[str, ...] = NUMBER_WORDS) -> str:
    """The whole interval in words: "exactly 31", "at least 540 and less than 600", "more than 200"."""
    if i.low is not None and i.low == i.high:
        return f"exactly {fmt(i.low)}"
    if i.low is None and i.high is None:
        return "any value"
    if i.low is None:
        return upper_words(i, fmt, vocab)
    if i.high is None:
        return lower_words(i, fmt, vocab)
    return f"{lower_words(i, fmt, vocab)} and {upper_words(i, fmt, vocab)}"


def notation(i: Interval, fmt: Formatter = format_number) -> str:
    """Compact mathematical form: "[540, 600) company", "(200, ∞)"."""
    low = "-∞" if i.low is None else fmt(i.low)
    high = "∞" if i.high is None else fmt(i.high)
    body = f"{'[' if i.low_closed else '('}{low}, {high}{']' if i.high_closed else ')'}"
    if i.low is not None and i.low == i.high:
        body = f"{{{fmt(i.low)}}}"
    return f"{body} {i.unit}" if i.unit and i.unit != "date" else body


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The points both intervals hold, or None when they share none."""
    if not overlaps(a, b):
        return None
    low = a if _low_key(a) >= _low_key(b) else b
    high = a if _high_key(a) <= _high_key(b) else b
    return make(low.low, high.high, low_closed=low.low_closed, high_closed=high.high_closed, unit=a.unit)


def negate(i: Interval) -> Interval:
    """-i: "a fall of 2.1%" from "2.1%"."""
    return make(
        None if i.high is None else -i.high,
        None if i.low is None else -i.low,
        low_closed=i.high_closed,
        high_closed=i.low_closed,
        unit=i.unit,
    )
