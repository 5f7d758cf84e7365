"""Percentages and percentage points: "6.58%" -> [6.575, 6.585) %, "less than 0.6%" -> (-∞, 0.6) %."""

from __future__ import annotations

from crosscheck.kinds import changes
from crosscheck.kinds.approx import Tolerances, figure_interval
from crosscheck.kinds.base import Normal
from crosscheck.kinds.numbers import format_number
from crosscheck.model.values import PercentageValue


def normalize(value: PercentageValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """The interval a percentage as written allows, in percent (or percentage points)."""
    if value.change is not None:
        return changes.normal(value, text, tolerances)
    unit = "pp" if value.points else "%"
    interval = figure_interval(value.approx, value.amount, text, low=value.low, high=value.high, unit=unit, tolerances=tolerances)
    suffix = " percentage points" if value.points else "%"
    return Normal(text=text, interval=interval, fmt=lambda x: f"{format_number(x)}{suffix}")
