"""Normalisation: a value as written -> the set of values it allows (an interval, a form).

One module per value kind; `normalize()` dispatches on the value's `kind`.
Everything here is pure: no files, no clock (relative dates resolve against
the dateline passed in).
"""

from __future__ import annotations

from crosscheck.model.values import (
    DateValue,
    DurationValue,
    FractionValue,
    NameValue,
    PercentageValue,
    QuantityValue,
    QuoteValue,
    RankValue,
)
from crosscheck.kinds import dates, durations, names, percentages, quantities, quotes, ranks, shares
from crosscheck.kinds.approx import Tolerances
from crosscheck.kinds.base import Normal

__all__ = ["Normal", "Tolerances", "normalize"]


def normalize(value: object, text: str, *, published: str | None = None, tolerances: Tolerances | None = None) -> Normal:
    """The normal form of one claim value, given the text it was written as and the article's dateline."""
    if isinstance(value, QuantityValue):
        return quantities.normalize(value, text, tolerances)
    if isinstance(value, PercentageValue):
        return percentages.normalize(value, text, tolerances)
    if isinstance(value, FractionValue):
        return shares.normalize(value, text, tolerances)
    if isinstance(value, DateValue):
        return dates.normalize(value, text, published)
    if isinstance(value, DurationValue):
        return durations.normalize(value, text, tolerances)
    if isinstance(value, RankValue):
        return ranks.normalize(value, text)
    if isinstance(value, NameValue):
        return names.normalize(value, text)
    if isinstance(value, QuoteValue):
        return quotes.normalize(value, text)
    raise TypeError(f"no normaliser for {type(value).__name__}")
