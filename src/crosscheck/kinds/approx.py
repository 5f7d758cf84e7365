"""The interval a figure qualified by an approximator ("over", "nearly", "200+") allows.

The default tolerances δ live in the lexicon (`text/lexicon.yaml`, with the
approximator words the extractor reads).  Semantics (δ is a rule parameter):

    exact        "2.4"          -> [2.35, 2.45)   the rounding interval of the stated precision
    over         "over 200"     -> (200, ∞)
    at_least     "200+"         -> [200, ∞)
    nearly       "nearly 600"   -> [600(1-δ), 600)
    about        "about 600"    -> [600(1-δ), 600(1+δ)], never narrower than rounding
    under        "under 0.6"    -> (-∞, 0.6)
    at_most      "up to 10"     -> (-∞, 10]
    between      "5-7"          -> [5, 7]
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from crosscheck.kinds import intervals
from crosscheck.kinds.numbers import precision_of, to_decimal
from crosscheck.model.base import Frozen
from crosscheck.model.values import Interval
from crosscheck.text.lexicon import lexicon


def default_delta(approx: str) -> float:
    """The default relative tolerance of a loose approximator ("about" -> 0.1), from the lexicon."""
    return lexicon().approximator_tolerances[approx]


class Tolerances(Frozen):
    """Relative tolerances δ of the loose approximators; a rule's params may override them."""

    about: float = Field(default_factory=lambda: default_delta("about"), ge=0, lt=1)
    """δ of "about N": [N(1-δ), N(1+δ)]."""
    nearly: float = Field(default_factory=lambda: default_delta("nearly"), ge=0, lt=1)
    """δ of "nearly N": [N(1-δ), N)."""


def figure_interval(
    approx: str,
    amount: float | None,
    text: str | None,
    *,
    low: float | None = None,
    high: float | None = None,
    multiplier: int | float = 1,
    unit: str | None = None,
    tolerances: Tolerances | None = None,
) -> Interval:
    """The interval a figure allows, given its approximator and the precision its text states."""
    tol = tolerances or Tolerances()
    m = to_decimal(multiplier)
    if approx == "between":
        assert low is not None and high is not None
        return intervals.make(float(to_decimal(low) * m), float(to_decimal(high) * m), unit=unit)
    assert amount is not None
    a = to_decimal(amount)
    half = precision_of(amount, text) / 2

    def f(x: Decimal) -> float:
        return float(x * m)

    if approx == "exact":
        return intervals.make(f(a - half), f(a + half), high_closed=False, unit=unit)
    if approx == "about":
        delta = to_decimal(tol.about) * abs(a)
        spread = max(delta, half)
        return intervals.make(f(a - spread), f(a + spread), unit=unit)
    if approx == "nearly":
        return intervals.make(f(a - to_decimal(tol.nearly) * abs(a)), f(a), high_closed=False, unit=unit)
    if approx == "over":
        return intervals.make(f(a), None, low_closed=False, unit=unit)
    if approx == "at_least":
        return intervals.make(f(a), None, unit=unit)
    if approx == "under":
        return intervals.make(None, f(a), high_closed=False, unit=unit)
    if approx == "at_most":
        return intervals.make(None, f(a), unit=unit)
    raise ValueError(f"unknown approximator {approx!r}")
