"""share_vs_percentage: a share in words and a percentage of the same fact must agree.

"two-thirds" agrees with "67%"; "a fifth" conflicts with "27%".  A share written in words
without its whole ("two-thirds", "a fifth") is a rounded figure itself, so it allows
`word_share_slack` either side (0.02: "two-thirds" is 64.7% to 68.7%); a share out of a
named whole ("six of the ten") is exact.
"""

from __future__ import annotations

from pydantic import Field

from crosscheck.comparators.base import Comparator, Item, Verdict, disjoint
from crosscheck.kinds import Normal, Tolerances, intervals
from crosscheck.kinds.changes import is_change
from crosscheck.kinds.numbers import format_number
from crosscheck.kinds.shares import share_interval
from crosscheck.model.values import FractionValue, PercentageValue


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly", and the slack of a share in words."""

    word_share_slack: float = Field(default=0.02, ge=0, lt=0.5)
    """How far a share in words without its whole may be from the exact fraction (absolute, 0..1)."""


def _percent(x: float) -> str:
    return f"{format_number(x)}%"


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when a share and a percentage of one fact cannot both hold."""
    pairs = [(a, b), (b, a)]
    for share_item, percent_item in pairs:
        share, percent = share_item.value, percent_item.value
        if isinstance(share, FractionValue) and isinstance(percent, PercentageValue):
            break
    else:
        return None
    if percent.points or is_change(percent, percent_item.claim.frame):
        return None
    stated = share_interval(share, params)
    slack = params.word_share_slack if share.of is None else 0.0
    widened = intervals.make(
        None if stated.low is None else max(0.0, stated.low - slack) * 100,
        None if stated.high is None else min(1.0, stated.high + slack) * 100,
        low_closed=stated.low_closed or slack > 0,
        high_closed=stated.high_closed or slack > 0,
        unit="%",
    )
    as_percent = Normal(text=share_item.text, interval=widened, fmt=_percent, plain=_percent)
    normal_percent = percent_item.normal(params)
    if share_item is a:
        return disjoint(a, as_percent, b, normal_percent)
    return disjoint(a, normal_percent, b, as_percent)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="share_vs_percentage",
    summary="a share in words and a percentage of the same fact agree",
    kinds=("fraction", "percentage"),
    params=Params,
    pair=compare,
    facts=FACTS,
)
