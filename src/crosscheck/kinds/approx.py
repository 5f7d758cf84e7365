"""Approximators ("over", "nearly", "200+") as data, and the interval a qualified figure allows.

The word lists and default tolerances live in `approximators.yaml` beside this
module.  Semantics (δ is a rule parameter, default from the data file):

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

import re
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import Field

from crosscheck.model.base import Frozen
from crosscheck.kinds import intervals
from crosscheck.kinds.numbers import precision_of, to_decimal
from crosscheck.model.values import Interval


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The approximator data file, parsed once."""
    text = resources.files("crosscheck.kinds").joinpath("approximators.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def default_delta(approx: str) -> float:
    """The default relative tolerance of an approximator ("about" -> 0.1)."""
    return float(data()["delta"][approx])


class Tolerances(Frozen):
    """Relative tolerances δ of the loose approximators; a rule's params may override them."""

    about: float = Field(default_factory=lambda: default_delta("about"), ge=0, lt=1)
    """δ of "about N": [N(1-δ), N(1+δ)]."""
    nearly: float = Field(default_factory=lambda: default_delta("nearly"), ge=0, lt=1)
    """δ of "nearly N": [N(1-δ), N)."""


def _phrase_pattern(phrase: str) -> str:
    escaped = re.escape(phrase)
    return rf"(?<![\w]){escaped}(?![\w])" if phrase[-1].isalnum() else rf"(?<![\w]){escaped}"


def approximator_in(text: str) -> str:
    """The approximator a phrase uses, read from the word lists ("nearly 600" -> nearly; "600+" -> at_least).

    Used to read examples and drafts written as plain text; for annotated
    claims the `approx` field is authoritative.
    """
    lowered = text.lower()
    if re.search(r"\bbetween\b.+\band\b|\d\s*(?:-|–|—|to)\s*\d", lowered):
        return "between"
    best: tuple[int, int, str] | None = None  # (position, -length, approx): the earliest, longest phrase wins
    for approx, phrases in data()["words"].items():
        for phrase in phrases:
            match = re.search(_phrase_pattern(phrase.lower()), lowered)
            if match and (best is None or (match.start(), -len(phrase)) < best[:2]):
                best = (match.start(), -len(phrase), approx)
    if best is not None:
        return best[2]
    for approx, suffixes in data()["suffixes"].items():
        if any(re.search(r"\d" + re.escape(s.lower()), lowered) for s in suffixes):
            return approx
    return "exact"


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
