"""A drafted key one article gives two far-apart figures is too coarse to name one fact: say less about it.

An article seldom contradicts itself a few lines on.  When drafting files "$4.93" (a quarter's
earnings per share) and "$11.93" (the year's) under one key, or a runner's "66 yards" and "80
yards", the frame missed what tells them apart, and any other article's figure met under that key
may be either.  Such claims keep their key but drop to `AMBIGUOUS_KEY` confidence, below
`model.frame.UNSURE_MATCH`, so a conflict they take part in is at most info.  Close figures
(within `CLOSE`) are left alone: one article's "2,056" and "2,065" for one toll may be a typo worth
an editor's look.  Only counts, amounts and percentages are weighed; times and dates keep their keys.
"""

from __future__ import annotations

from collections import defaultdict

from crosscheck.extract.numbers import scale_factor
from crosscheck.model.claims import Claim
from crosscheck.model.values import PercentageValue, QuantityValue

AMBIGUOUS_KEY = 0.3
"""Confidence of a claim whose drafted key its own article gives far-apart figures for."""
CLOSE = 1.1
"""Two figures of one key in one article within this ratio may be one fact (a typo, a rounding): kept as drafted."""


def _magnitude(claim: Claim) -> tuple[str, float] | None:
    """The figure's size and what it is in ("USD", "%", a unit), for counts, amounts and percentages with a frame."""
    value = claim.value
    if not isinstance(value, PercentageValue | QuantityValue):
        return None
    amount = value.amount if value.amount is not None else (
        (value.low + value.high) / 2 if value.low is not None and value.high is not None else None)
    if amount is None:
        return None
    if isinstance(value, PercentageValue):
        return "pp" if value.points else "%", abs(amount)
    return value.currency or value.unit or "", abs(amount) * scale_factor(value.scale)


def mark_ambiguous_keys(claims: list[Claim]) -> list[Claim]:
    """`claims` (one article's) with the frame-keyed figures of any key it gives far-apart figures for made unsure.

    Applied when an article is drafted, and again once drafted keys are aligned across articles
    (`matching.align_keys`), which may give an unnamed figure ("ran for 66 yards") a named one's key.
    """
    groups: dict[tuple, list[int]] = defaultdict(list)
    sizes: dict[int, float] = {}
    for index, claim in enumerate(claims):
        if claim.draft is None or not claim.draft.method.startswith("frame") or claim.frame is None:
            continue
        found = _magnitude(claim)
        if found is None:
            continue
        what, size = found
        scope = claim.scope.model_dump_json() if claim.scope is not None else ""
        groups[(claim.subject, claim.property, scope, what)].append(index)
        sizes[index] = size
    unsure: set[int] = set()
    for members in groups.values():
        values = sorted(sizes[i] for i in members)
        if len(values) >= 2 and values[0] >= 0 and values[-1] > max(values[0], 1e-9) * CLOSE:
            unsure.update(members)
    if not unsure:
        return claims
    out = []
    for index, claim in enumerate(claims):
        draft = claim.draft
        if index in unsure and draft is not None and draft.confidence > AMBIGUOUS_KEY:
            claim = claim.model_copy(update={"draft": draft.model_copy(update={"confidence": AMBIGUOUS_KEY, "review": True})})
        out.append(claim)
    return out
