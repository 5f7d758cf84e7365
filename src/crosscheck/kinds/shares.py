"""Shares of a whole, as counts when the whole is known.

"over half of the top ten" is the share (0.5, 1] and, because the whole is
ten, the count {6..10}; "six of the top ten" is the count {6}.  Counts are
whole numbers, so comparing counts is exact: "four of the top ten" cannot be
"a majority of the top ten", while "seven" can be "more than half".
"""

from __future__ import annotations

from crosscheck.kinds import intervals
from crosscheck.kinds.approx import Tolerances
from crosscheck.kinds.base import Normal
from crosscheck.kinds.numbers import format_number
from crosscheck.model.values import FractionValue, Interval


def share_interval(value: FractionValue, tolerances: Tolerances | None = None) -> Interval:
    """The share of the whole the wording allows, within [0, 1]."""
    tol = tolerances or Tolerances()
    share = value.numerator / value.denominator
    approx = value.approx
    if approx == "exact":
        return intervals.point(share, unit="share")
    if approx == "over":
        return intervals.make(share, 1, low_closed=False, unit="share")
    if approx == "at_least":
        return intervals.make(share, 1, unit="share")
    if approx == "nearly":
        return intervals.make(share * (1 - tol.nearly), share, high_closed=False, unit="share")
    if approx == "about":
        return intervals.make(max(0.0, share * (1 - tol.about)), min(1.0, share * (1 + tol.about)), unit="share")
    if approx == "under":
        return intervals.make(0, share, high_closed=False, unit="share")
    if approx == "at_most":
        return intervals.make(0, share, unit="share")
    raise ValueError(f"approximator {approx!r} is not supported for shares")


def share_text(x: float) -> str:
    return f"{format_number(x * 100)}% of the whole"


def normalize(value: FractionValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """A share, and when `of` gives the whole, the whole numbers it allows out of it."""
    share = share_interval(value, tolerances)
    if value.of is None:
        return Normal(text=text, interval=share, fmt=share_text, share=share)
    count = intervals.integers(intervals.scale(share, value.of, unit=f"of {value.of}"))
    if count is None:  # "about a third of ten": no whole number fits; keep the share
        return Normal(text=text, interval=share, fmt=share_text, share=share)
    whole = value.of
    assert count.low is not None and count.high is not None  # a count out of a whole is bounded by it
    meaning = (
        f"exactly {format_number(count.low)} of {whole}"
        if count.low == count.high
        else f"from {format_number(count.low)} to {format_number(count.high)} of {whole}"
    )
    return Normal(
        text=text,
        interval=count,
        fmt=lambda x: f"{format_number(x)} of {whole}",
        share=share,
        whole=whole,
        wording=meaning,
    )
