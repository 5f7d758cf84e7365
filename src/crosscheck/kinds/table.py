"""The per-kind table: for each value kind of the model's union, its model and normaliser.

The one place that lists the value kinds outside the model; `tests/test_kinds_table.py`
checks it against `model.values.VALUE_MODELS`, so a new kind must come with an entry.
Every normaliser is called the same way here, whatever context its kind needs (a
dateline for dates, tolerances for approximate figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crosscheck.kinds import dates, durations, history, names, percentages, quantities, quotes, ranks, shares
from crosscheck.kinds.approx import Tolerances
from crosscheck.kinds.base import Normal
from crosscheck.model.base import Frozen
from crosscheck.model.values import (
    DateValue,
    DurationValue,
    FractionValue,
    HistoryValue,
    NameValue,
    PercentageValue,
    QuantityValue,
    QuoteValue,
    RankValue,
)

Normalizer = Callable[[Any, str, "str | None", "Tolerances | None"], Normal]
"""(value, text as written, the article's dateline, tolerances) -> its normal form."""


@dataclass(frozen=True, slots=True)
class Kind:
    """What the package knows about one value kind."""

    name: str
    """The kind, as in the value's `kind` field ("quantity")."""
    model: type[Frozen]
    """Its model in `model.values`."""
    normalize: Normalizer
    """Its normaliser."""


def _table(*kinds: Kind) -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds}


KINDS: dict[str, Kind] = _table(
    Kind("quantity", QuantityValue, lambda v, t, pub, tol: quantities.normalize(v, t, tol)),
    Kind("percentage", PercentageValue, lambda v, t, pub, tol: percentages.normalize(v, t, tol)),
    Kind("fraction", FractionValue, lambda v, t, pub, tol: shares.normalize(v, t, tol)),
    Kind("date", DateValue, lambda v, t, pub, tol: dates.normalize(v, t, pub)),
    Kind("duration", DurationValue, lambda v, t, pub, tol: durations.normalize(v, t, tol)),
    Kind("rank", RankValue, lambda v, t, pub, tol: ranks.normalize(v, t)),
    Kind("name", NameValue, lambda v, t, pub, tol: names.normalize(v, t)),
    Kind("quote", QuoteValue, lambda v, t, pub, tol: quotes.normalize(v, t)),
    Kind("history", HistoryValue, lambda v, t, pub, tol: history.normalize(v, t)),
)
"""Value kind -> what normalises it, in the order of the model's union."""


def kind_fits(declared: str, value: object) -> bool:
    """Whether a property declared of one kind takes this value: its own kind, or one that compares with it.

    A share may be written as a fraction or a percentage ("two-thirds", "67%"), so either kind fits a
    property of the other; a quantity's change may be given in percent ("visitors rose 200%").
    """
    kind = getattr(value, "kind", None)
    if kind == declared:
        return True
    if {kind, declared} == {"fraction", "percentage"}:
        return not getattr(value, "points", False) and getattr(value, "change", None) is None
    return declared == "quantity" and kind == "percentage" and getattr(value, "change", None) is not None
