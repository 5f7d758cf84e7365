"""Lengths of time, in years (or hours for hours and minutes), rounded to the stated precision.

"a nine-year run" is [8.5, 9.5) years; "over the next five years" is (5, ∞).
Durations against start points ("since 2016" as of 2025) are the business of
the `duration_vs_start` comparator, which states its counting convention.
"""

from __future__ import annotations

from fractions import Fraction

from crosscheck.kinds.approx import Tolerances, figure_interval
from crosscheck.kinds.base import Normal
from crosscheck.kinds.numbers import format_number
from crosscheck.model.values import DurationValue

IN_YEARS = {"day": Fraction(4, 1461), "week": Fraction(28, 1461), "month": Fraction(1, 12), "year": Fraction(1), "decade": Fraction(10)}
"""Calendar units in years (a day is 1/365.25 year)."""
IN_HOURS = {"minute": Fraction(1, 60), "hour": Fraction(1)}


def base_unit(unit: str) -> str:
    """The unit a duration is compared in: "year" for calendar units, "hour" for clock units."""
    return "year" if unit in IN_YEARS else "hour"


def normalize(value: DurationValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """The interval of lengths the wording allows, in years or hours."""
    base = base_unit(value.unit)
    factor = (IN_YEARS if base == "year" else IN_HOURS)[value.unit]
    interval = figure_interval(
        value.approx,
        value.amount,
        text,
        low=value.low,
        high=value.high,
        multiplier=float(factor),
        unit=base,
        tolerances=tolerances,
    )
    return Normal(text=text, interval=interval, fmt=lambda x: f"{format_number(x)} {base}s")
