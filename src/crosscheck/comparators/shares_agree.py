"""shares_agree: shares of a whole agree as counts when both give the same whole, else as shares.

"seven of the top ten" and "more than half of the top ten" agree ({7} within
{6..10}); "four of the top ten" and "a majority of the top ten" do not.
"""

from __future__ import annotations

from dataclasses import replace

from crosscheck.comparators.base import Comparator, Item, Verdict, disjoint
from crosscheck.kinds import Normal, Tolerances
from crosscheck.kinds.shares import share_text


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly" shares."""


def _as_share(normal: Normal) -> Normal:
    """The fraction compared as a share of its whole, not as a count out of it."""
    return replace(normal, interval=normal.share, fmt=share_text, plain=share_text, wording=None)


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when the two shares (or counts of the same whole) cannot both hold."""
    na, nb = a.normal(params), b.normal(params)
    whole_a, whole_b = na.whole, nb.whole
    if whole_a is not None and whole_b is not None and whole_a != whole_b:
        return None  # shares of different wholes are different facts
    if whole_a is None or whole_b is None:
        na, nb = _as_share(na), _as_share(nb)
    return disjoint(a, na, b, nb)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="shares_agree",
    summary="shares agree as whole-number counts of the same whole, or as shares",
    kinds=("fraction",),
    params=Params,
    pair=compare,
    facts=FACTS,
)
